//! Areas and enterprises describe the present: each file is a version, the newest in
//! force, and what a new one changes against the one in force is said by name. One
//! that removes units or enterprises, or reclassifies more than a few, needs
//! `--replace`: the wrong file (a counts table, another province's list) would
//! otherwise change every report without a word.

use super::{Areas, Enterprise, Enterprises};
use crate::lang::{reference as lang, Msg, Text};
use crate::t;

/// Units (or enterprises) a new version may reclassify without `--replace`: a few
/// corrections go through; more is a new classification, or the wrong file, and must
/// be asked for.
pub const RECLASSIFY_FREE: usize = 5;

/// Names shown in a sentence before "…".
const NAMES_SHOWN: usize = 5;

/// "Xã A, Xã B, … and 7 more": the first names, and how many more.
fn names(v: &[String]) -> Text {
    crate::lang::names::shortened(v, NAMES_SHOWN)
}

/// "removes …" and "reclassifies …", joined: what a refused file would do.
fn joined(parts: Vec<Text>) -> Text {
    parts
        .into_iter()
        .reduce(|a, b| t!(lang::BOTH, a, b))
        .unwrap_or_else(|| Text::Plain(String::new()))
}

/// What a new areas file changes against the areas in force, by unit name: units
/// added, removed, reclassified (another parent, level or classification), renamed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AreasChange {
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub reclassified: Vec<String>,
    pub renamed: Vec<String>,
}

/// A unit as a sentence names it: its name, else its code.
fn label(a: &super::Area) -> String {
    if a.name.is_empty() {
        a.code.clone()
    } else {
        a.name.clone()
    }
}

impl AreasChange {
    pub fn new(old: &Areas, new: &Areas) -> AreasChange {
        let mut c = AreasChange::default();
        for u in &new.units {
            match old.get(&u.code) {
                None => c.added.push(label(u)),
                Some(o) => {
                    let same = o.parent_code == u.parent_code
                        && o.level == u.level
                        && o.ethnic_minority == u.ethnic_minority
                        && o.religious == u.religious
                        && o.rural == u.rural
                        && extras(old, o) == extras(new, u);
                    if !same {
                        c.reclassified.push(label(u));
                    } else if o.name != u.name {
                        c.renamed.push(label(u));
                    }
                }
            }
        }
        c.removed = old
            .units
            .iter()
            .filter(|u| new.get(&u.code).is_none())
            .map(label)
            .collect();
        c
    }

    /// Whether the new file may only be taken with `--replace`: it removes units, or
    /// reclassifies more than [`RECLASSIFY_FREE`].
    pub fn needs_replace(&self) -> bool {
        !self.removed.is_empty() || self.reclassified.len() > RECLASSIFY_FREE
    }

    /// "removes 12 unit(s) (Xã A, Xã B, …); reclassifies 30 unit(s) (…)": what a file
    /// refused without --replace would do.
    pub fn refusal(&self) -> Text {
        let mut parts = Vec::new();
        if !self.removed.is_empty() {
            let n = self.removed.len();
            parts.push(t!(lang::REMOVES_UNITS, n, names(&self.removed)));
        }
        if self.reclassified.len() > RECLASSIFY_FREE {
            let n = self.reclassified.len();
            parts.push(t!(lang::RECLASSIFIES_UNITS, n, names(&self.reclassified)));
        }
        joined(parts)
    }

    /// "2 unit(s) added (Xã A, Xã B)", "1 unit(s) reclassified (Xã C)": a sentence
    /// for each kind of change; none when nothing changed.
    pub fn parts(&self) -> Vec<Text> {
        let kinds: [(&Vec<String>, &'static Msg); 4] = [
            (&self.added, &lang::UNITS_ADDED),
            (&self.removed, &lang::UNITS_REMOVED),
            (&self.reclassified, &lang::UNITS_RECLASSIFIED),
            (&self.renamed, &lang::UNITS_RENAMED),
        ];
        said(&kinds)
    }
}

/// A sentence for each kind of change that has names.
fn said(kinds: &[(&Vec<String>, &'static Msg)]) -> Vec<Text> {
    kinds
        .iter()
        .filter(|(n, _)| !n.is_empty())
        .map(|(n, msg)| Text::Msg(msg, vec![n.len().into(), names(n)]))
        .collect()
}

/// What a new enterprises file changes against the enterprises in force, by name:
/// enterprises added, removed, of another ownership, otherwise changed (unit, workers).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EnterprisesChange {
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub reowned: Vec<String>,
    pub changed: Vec<String>,
}

impl EnterprisesChange {
    pub fn new(old: &Enterprises, new: &Enterprises) -> EnterprisesChange {
        let name = |e: &Enterprise| {
            if e.name.is_empty() {
                e.id.clone()
            } else {
                e.name.clone()
            }
        };
        let mut c = EnterprisesChange::default();
        for e in &new.rows {
            match old.get(&e.id) {
                None => c.added.push(name(e)),
                Some(o) if o.ownership != e.ownership => c.reowned.push(name(e)),
                Some(o) if o != e => c.changed.push(name(e)),
                Some(_) => {}
            }
        }
        c.removed = old
            .rows
            .iter()
            .filter(|e| new.get(&e.id).is_none())
            .map(name)
            .collect();
        c
    }

    /// Whether the new file may only be taken with `--replace`: it removes
    /// enterprises, or changes the ownership of more than [`RECLASSIFY_FREE`].
    pub fn needs_replace(&self) -> bool {
        !self.removed.is_empty() || self.reowned.len() > RECLASSIFY_FREE
    }

    /// What a file refused without --replace would do.
    pub fn refusal(&self) -> Text {
        let mut parts = Vec::new();
        if !self.removed.is_empty() {
            let n = self.removed.len();
            parts.push(t!(lang::REMOVES_ENTERPRISES, n, names(&self.removed)));
        }
        if self.reowned.len() > RECLASSIFY_FREE {
            let n = self.reowned.len();
            parts.push(t!(lang::REOWNS_ENTERPRISES, n, names(&self.reowned)));
        }
        joined(parts)
    }

    /// "1 enterprise(s) added (…)", "2 enterprise(s) of another ownership (…)": a
    /// sentence for each kind of change; none when nothing changed.
    pub fn parts(&self) -> Vec<Text> {
        let kinds: [(&Vec<String>, &'static Msg); 4] = [
            (&self.added, &lang::ENTERPRISES_ADDED),
            (&self.removed, &lang::ENTERPRISES_REMOVED),
            (&self.reowned, &lang::ENTERPRISES_REOWNED),
            (&self.changed, &lang::ENTERPRISES_CHANGED),
        ];
        said(&kinds)
    }
}

/// Whether two areas tables hold the same units, alike in every column.
pub fn same_areas(a: &Areas, b: &Areas) -> bool {
    a.units.len() == b.units.len()
        && b.units.iter().all(|u| {
            a.get(&u.code).is_some_and(|o| {
                o.name == u.name
                    && o.ethnic_region == u.ethnic_region
                    && extras(a, o) == extras(b, u)
            })
        })
        && AreasChange::new(a, b).parts().is_empty()
}

/// Whether two enterprises tables hold the same enterprises, alike in every column.
pub fn same_enterprises(a: &Enterprises, b: &Enterprises) -> bool {
    a.rows.len() == b.rows.len() && b.rows.iter().all(|e| a.get(&e.id) == Some(e))
}

/// A unit's further classifications by column name (columns may differ between files).
fn extras<'a>(areas: &'a Areas, a: &'a super::Area) -> Vec<(&'a str, &'a str)> {
    let mut v: Vec<(&str, &str)> = areas
        .extra_columns
        .iter()
        .map(String::as_str)
        .zip(a.extra.iter().map(String::as_str))
        .collect();
    v.sort();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(code: &str, name: &str, em: bool) -> crate::reference::Area {
        crate::reference::Area {
            code: code.into(),
            name: name.into(),
            level: "commune".into(),
            parent_code: None,
            ethnic_minority: em,
            ethnic_region: None,
            religious: false,
            rural: true,
            extra: Vec::new(),
        }
    }

    /// Seven units: a new version that reclassifies five goes through, six or a
    /// removal need --replace; the sentences name the first five units.
    #[test]
    fn a_new_areas_version_and_what_it_needs() {
        let names = ["Xã A", "Xã B", "Xã C", "Xã D", "Xã E", "Xã G", "Xã H"];
        let areas = |flip: usize, keep: usize| {
            let units = names
                .iter()
                .enumerate()
                .take(keep)
                .map(|(i, n)| unit(&format!("0{i}"), n, i < flip))
                .collect();
            Areas::new(units, Vec::new())
        };
        let old = areas(0, 7);
        let five = AreasChange::new(&old, &areas(5, 7));
        assert!(!five.needs_replace());
        assert_eq!(
            five.parts().iter().map(Text::en).collect::<Vec<_>>(),
            vec!["5 unit(s) reclassified (Xã A, Xã B, Xã C, Xã D, Xã E)"]
        );
        let six = AreasChange::new(&old, &areas(6, 7));
        assert!(six.needs_replace());
        assert_eq!(
            six.refusal().en(),
            "reclassifies 6 unit(s) (Xã A, Xã B, Xã C, Xã D, Xã E … and 1 more)"
        );
        let fewer = AreasChange::new(&old, &areas(0, 6));
        assert!(fewer.needs_replace());
        assert_eq!(fewer.refusal().en(), "removes 1 unit(s) (Xã H)");
        let both = AreasChange::new(&old, &areas(6, 6));
        assert_eq!(
            both.refusal().en(),
            "removes 1 unit(s) (Xã H) and reclassifies 6 unit(s) (Xã A, Xã B, Xã C, Xã D, Xã E … and 1 more)"
        );
        assert!(same_areas(&old, &areas(0, 7)));
        assert!(!same_areas(&old, &areas(1, 7)));
    }

    /// Removing an enterprise needs --replace; another head count is said, not refused.
    #[test]
    fn a_new_enterprises_version_and_what_it_needs() {
        use crate::reference::Ownership;
        let e = |id: &str, name: &str, own, workers| Enterprise {
            id: id.into(),
            name: name.into(),
            area_code: None,
            ownership: own,
            workers: Some(workers),
            grassroots: Vec::new(),
        };
        let old = Enterprises::new(vec![
            e("1", "Công ty A", Ownership::NonState, 10),
            e("2", "Công ty B", Ownership::State, 20),
        ]);
        let new = Enterprises::new(vec![
            e("1", "Công ty A", Ownership::NonState, 12),
            e("3", "Công ty C", Ownership::Fdi, 5),
        ]);
        let c = EnterprisesChange::new(&old, &new);
        assert!(c.needs_replace());
        assert_eq!(c.refusal().en(), "removes 1 enterprise(s) (Công ty B)");
        assert_eq!(
            c.parts().iter().map(Text::en).collect::<Vec<_>>(),
            vec![
                "1 enterprise(s) added (Công ty C)",
                "1 enterprise(s) removed (Công ty B)",
                "1 enterprise(s) with another unit or head count (Công ty A)",
            ]
        );
        assert!(same_enterprises(&old, &old.clone()));
        assert!(!same_enterprises(&old, &new));
    }
}
