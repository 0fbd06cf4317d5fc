//! Reference data over the years: eligible counts and targets are keyed, so a file for
//! 2027 adds 2027 and leaves 2026 as it was; areas and enterprises describe the present,
//! so a new file replaces them, and what changed is said.

use std::collections::{BTreeSet, HashSet};

use super::{Areas, EligibleRow, Target};

/// What a keyed file did to the table it joined.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merged {
    /// Keys the table already held, now replaced by the file's rows.
    pub replaced: usize,
    /// The years of those keys.
    pub replaced_years: BTreeSet<i32>,
    /// Keys new to the table.
    pub added: usize,
    /// The years of the new keys.
    pub added_years: BTreeSet<i32>,
}

impl Merged {
    /// "added 12 key(s) of 2027; replaced 3 key(s) of 2026" for the ingest summary.
    pub fn sentence(&self) -> String {
        let years = |y: &BTreeSet<i32>| y.iter().map(i32::to_string).collect::<Vec<_>>().join(", ");
        let mut parts = Vec::new();
        if self.added > 0 {
            parts.push(format!(
                "added {} key(s) of {}",
                self.added,
                years(&self.added_years)
            ));
        }
        if self.replaced > 0 {
            parts.push(format!(
                "replaced {} key(s) already held, of {}",
                self.replaced,
                years(&self.replaced_years)
            ));
        }
        parts.join("; ")
    }
}

/// The rows of `old` whose key `new` does not restate, then `new`; keys are what
/// `key` says, years what `year` says.
fn merge<T, K: std::hash::Hash + Eq>(
    old: &[T],
    new: Vec<T>,
    key: impl Fn(&T) -> K,
    year: impl Fn(&T) -> i32,
) -> (Vec<T>, Merged)
where
    T: Clone,
{
    let restated: HashSet<K> = new.iter().map(&key).collect();
    let mut m = Merged::default();
    let held: HashSet<K> = old.iter().map(&key).collect();
    for r in &new {
        if held.contains(&key(r)) {
            m.replaced += 1;
            m.replaced_years.insert(year(r));
        } else {
            m.added += 1;
            m.added_years.insert(year(r));
        }
    }
    let mut out: Vec<T> = old
        .iter()
        .filter(|r| !restated.contains(&key(r)))
        .cloned()
        .collect();
    out.extend(new);
    (out, m)
}

/// Eligible counts keyed by (unit, org, year, dimension, group).
pub fn merge_eligible(old: &[EligibleRow], new: Vec<EligibleRow>) -> (Vec<EligibleRow>, Merged) {
    merge(
        old,
        new,
        |r| {
            (
                r.area_code.clone(),
                r.org.code().to_string(),
                r.year,
                r.dimension.clone(),
                r.group.clone(),
            )
        },
        |r| r.year,
    )
}

/// Targets keyed by (org, year, scope).
pub fn merge_targets(old: &[Target], new: Vec<Target>) -> (Vec<Target>, Merged) {
    merge(
        old,
        new,
        |t| (t.org.code().to_string(), t.year, t.scope.render()),
        |t| t.year,
    )
}

/// What a new areas file changed: units added, removed, reclassified (another parent,
/// level or classification).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AreasChange {
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub reclassified: Vec<String>,
}

impl AreasChange {
    pub fn new(old: &Areas, new: &Areas) -> AreasChange {
        let mut c = AreasChange::default();
        for u in &new.units {
            match old.get(&u.code) {
                None => c.added.push(u.code.clone()),
                Some(o) => {
                    let same = o.parent_code == u.parent_code
                        && o.level == u.level
                        && o.ethnic_minority == u.ethnic_minority
                        && o.religious == u.religious
                        && o.rural == u.rural
                        && extras(old, o) == extras(new, u);
                    if !same {
                        c.reclassified.push(u.code.clone());
                    }
                }
            }
        }
        c.removed = old
            .units
            .iter()
            .filter(|u| new.get(&u.code).is_none())
            .map(|u| u.code.clone())
            .collect();
        c
    }

    /// `None` when nothing changed or there was nothing before.
    pub fn sentence(&self, had_areas: bool) -> Option<String> {
        if !had_areas
            || (self.added.is_empty() && self.removed.is_empty() && self.reclassified.is_empty())
        {
            return None;
        }
        let list = |v: &[String]| {
            let shown: Vec<&str> = v.iter().take(8).map(String::as_str).collect();
            if v.len() > shown.len() {
                format!("{} …", shown.join(", "))
            } else {
                shown.join(", ")
            }
        };
        let mut parts = Vec::new();
        for (n, what) in [
            (&self.added, "added"),
            (&self.removed, "removed"),
            (&self.reclassified, "reclassified"),
        ] {
            if !n.is_empty() {
                parts.push(format!("{} unit(s) {what} ({})", n.len(), list(n)));
            }
        }
        Some(format!("replaces the areas: {}", parts.join("; ")))
    }
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
    use crate::org::{Org, OrgOrAny};
    use crate::reference::Scope;

    fn target(year: i32, scope: Scope, pct: f64) -> Target {
        Target {
            org: OrgOrAny::Org(Org::Youth),
            year,
            scope,
            target_pct: pct,
        }
    }

    #[test]
    fn next_years_targets_add_to_this_years() {
        let old = vec![
            target(2026, Scope::All, 70.0),
            target(2026, Scope::Unit("15".into()), 72.0),
        ];
        let (all, m) = merge_targets(&old, vec![target(2027, Scope::All, 75.0)]);
        assert_eq!(all.len(), 3);
        assert_eq!((m.added, m.replaced), (1, 0));
        assert_eq!(m.sentence(), "added 1 key(s) of 2027");
    }

    #[test]
    fn a_restated_key_replaces_that_key_only() {
        let old = vec![
            target(2026, Scope::All, 70.0),
            target(2026, Scope::Unit("15".into()), 72.0),
        ];
        let (all, m) = merge_targets(&old, vec![target(2026, Scope::All, 71.0)]);
        assert_eq!(all.len(), 2);
        assert!(all.contains(&target(2026, Scope::All, 71.0)));
        assert!(all.contains(&target(2026, Scope::Unit("15".into()), 72.0)));
        assert_eq!(m.sentence(), "replaced 1 key(s) already held, of 2026");
    }

    #[test]
    fn eligible_counts_are_keyed_by_unit_org_year_and_group() {
        let row = |unit: &str, year, n, group: Option<&str>| EligibleRow {
            area_code: unit.into(),
            org: OrgOrAny::Org(Org::Women),
            year,
            eligible: n,
            dimension: group.map(|_| "sex".to_string()),
            group: group.map(str::to_string),
        };
        let old = vec![
            row("01", 2026, 10, None),
            row("01", 2026, 6, Some("female")),
        ];
        let (all, m) = merge_eligible(
            &old,
            vec![row("01", 2026, 12, None), row("01", 2027, 11, None)],
        );
        assert_eq!(all.len(), 3);
        assert!(all.contains(&row("01", 2026, 6, Some("female"))));
        assert!(all.contains(&row("01", 2026, 12, None)));
        assert_eq!((m.added, m.replaced), (1, 1));
    }
}
