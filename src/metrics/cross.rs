//! Crossed breakdowns (`--by ethnic_minority,sex`): one group per combination of the
//! groups of two or three breakdowns. A crossed group is counted from the same fold as
//! every other group: the fold keeps, beside its per-breakdown counters, counters by
//! the part of each member row's key the crossed breakdowns look at ([`Keep`]), and a
//! crossed group's counts are the sum of the counters whose key each part places in its
//! group. Org `any` recounts persons with several rows through the same placing, so a
//! crossed cell and the cells of its parts never follow two paths that could disagree.

use std::collections::HashSet;

use super::counts::{RowKey, NO_ENTERPRISE};
use super::dimension::{group_key, Dimension};
use super::group::Grouper;
use crate::lang::breakdown as msg;
use crate::lang::Text;
use crate::reference::Reference;
use crate::t;

/// Separates the parts of a crossed dimension's name and of its groups' codes.
pub const JOIN: char = ',';
/// Separates the parts of a crossed group's display name (a unit's name may hold a
/// comma).
pub const NAME_JOIN: &str = " · ";
/// At most this many breakdowns cross: a fourth makes cells too small to read.
pub const MOST: usize = 3;

/// Two or three breakdowns crossed, and the joined name the `dimension` column gives.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Crossing {
    pub parts: Vec<Dimension>,
    pub name: String,
}

impl Crossing {
    pub fn new(parts: Vec<Dimension>) -> Crossing {
        let name = parts
            .iter()
            .map(|d| d.name())
            .collect::<Vec<_>>()
            .join(&JOIN.to_string());
        Crossing { parts, name }
    }
}

/// On a crossing with an administrative level (`commune,sex`), the unit's name in a
/// group's display name.
pub fn unit_name<'n>(dim: &Dimension, group_name: &'n str) -> Option<&'n str> {
    let Dimension::Crossed(c) = dim else {
        return None;
    };
    let i = c
        .parts
        .iter()
        .position(|d| matches!(d, Dimension::Level(_)))?;
    group_name.split(NAME_JOIN).nth(i)
}

/// Parses `--by a,b[,c]`: each part as `--by` takes it, none twice, none `total`, at
/// most three.
pub fn parse(raw: &str, reference: &Reference) -> Result<Dimension, Text> {
    let names: Vec<&str> = raw.split(JOIN).map(str::trim).collect();
    if names.len() > MOST {
        return Err(t!(msg::CROSS_TOO_MANY, raw, names.len() as u64));
    }
    let mut parts: Vec<Dimension> = Vec::with_capacity(names.len());
    for name in names {
        let d = Dimension::parse(name, reference)?;
        if d == Dimension::Total {
            return Err(t!(msg::CROSS_TOTAL, raw));
        }
        // A reason row is a flow of departures only: crossed, it would have stocks.
        if d == Dimension::Reason {
            return Err(t!(msg::CROSS_REASON, raw));
        }
        if parts.iter().any(|p| p.name() == d.name()) {
            return Err(t!(msg::CROSS_TWICE, d.name(), raw));
        }
        parts.push(d);
    }
    Ok(Dimension::Crossed(Crossing::new(parts)))
}

/// The dimensions a request's fold must count by: a crossing's parts in its place.
pub fn flat(dims: &[Dimension]) -> impl Iterator<Item = &Dimension> {
    dims.iter().flat_map(|d| match d {
        Dimension::Crossed(c) => c.parts.iter().collect::<Vec<_>>(),
        d => vec![d],
    })
}

/// The fields of a member row's key the crossed breakdowns of a request look at; the
/// others are cleared, so that the crossed counters hold one entry per combination that
/// occurs, not per combination of every breakdown asked for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Keep {
    area: bool,
    enterprise: bool,
    sex: bool,
    ethnicity: bool,
    religion: bool,
    age: bool,
}

impl Keep {
    /// What the request's crossings need; `None` without a crossing.
    pub fn of(dims: &[Dimension]) -> Option<Keep> {
        let mut keep = Keep::default();
        let mut any = false;
        for d in dims {
            let Dimension::Crossed(c) = d else { continue };
            any = true;
            for p in &c.parts {
                match p {
                    Dimension::Ownership => keep.enterprise = true,
                    Dimension::Sex => keep.sex = true,
                    Dimension::Ethnicity { .. } => keep.ethnicity = true,
                    Dimension::Religion { .. } => keep.religion = true,
                    Dimension::AgeBand => keep.age = true,
                    _ => keep.area = true,
                }
            }
        }
        any.then_some(keep)
    }

    /// The key with the fields no crossing looks at cleared.
    pub fn apply(&self, k: &RowKey) -> RowKey {
        RowKey {
            area: if self.area { k.area } else { 0 },
            enterprise: if self.enterprise {
                k.enterprise
            } else {
                NO_ENTERPRISE
            },
            sex: if self.sex { k.sex } else { 0 },
            ethnicity: if self.ethnicity { k.ethnicity } else { 0 },
            religion: if self.religion { k.religion } else { 0 },
            age: if self.age { k.age } else { 0 },
            reason: 0,
        }
    }
}

/// The crossed group of a member row: each part's group, `None` where a part places
/// the row in none. A combination gets its index the first time it is seen.
pub(super) fn group_of(g: &mut Grouper, k: &RowKey) -> Option<u32> {
    let mut at = Vec::with_capacity(g.parts.len());
    for p in g.parts.iter_mut() {
        at.push(p.of(k)?);
    }
    Some(combination(g, at))
}

/// The index of a combination of the parts' groups, made on first use.
fn combination(g: &mut Grouper, at: Vec<u32>) -> u32 {
    if let Some(i) = g.combos.get(&at) {
        return *i;
    }
    let (mut label, mut name) = (Vec::new(), Vec::new());
    for (p, i) in g.parts.iter().zip(&at) {
        label.push(p.labels[*i as usize].as_str());
        name.push(p.names[*i as usize].as_str());
    }
    let (label, name) = (label.join(&JOIN.to_string()), name.join(NAME_JOIN));
    g.labels.push(label);
    g.names.push(name);
    let i = (g.labels.len() - 1) as u32;
    g.combos.insert(at, i);
    i
}

/// Adds the combinations an eligible file gives a count for (`groups`, as
/// [`group_key`] folds them), so that a crossed group with a denominator and no member
/// appears, with zeros, as any group does.
pub(super) fn add_listed(g: &mut Grouper, groups: &HashSet<String>) {
    if groups.is_empty() || g.parts.is_empty() {
        return;
    }
    let sizes: Vec<u32> = g.parts.iter().map(|p| p.labels.len() as u32).collect();
    let mut at = vec![0u32; sizes.len()];
    // Every combination, in order, as an odometer turns.
    'all: loop {
        let label = g
            .parts
            .iter()
            .zip(&at)
            .map(|(p, i)| p.labels[*i as usize].as_str())
            .collect::<Vec<_>>()
            .join(&JOIN.to_string());
        if groups.contains(&group_key(&label)) {
            combination(g, at.clone());
        }
        for d in (0..at.len()).rev() {
            at[d] += 1;
            if at[d] < sizes[d] {
                continue 'all;
            }
            at[d] = 0;
        }
        break;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::dimension::Flag;

    #[test]
    fn crossings_parse_and_refuse_nonsense() {
        let r = Reference::default();
        let d = Dimension::parse("ethnic_minority, sex", &r).expect("a crossing");
        assert_eq!(d.name(), "ethnic_minority,sex");
        assert_eq!(
            d,
            Dimension::Crossed(Crossing::new(vec![
                Dimension::Flag(Flag::EthnicMinority),
                Dimension::Sex
            ]))
        );
        let three = Dimension::parse("rural,ethnicity:group,age_band", &r).expect("three");
        assert_eq!(three.name(), "rural,ethnicity,age_band");
        for (raw, says) in [
            ("sex,sex", "with itself"),
            ("ethnicity,ethnicity:group", "with itself"),
            ("sex,rural,religious,age_band", "at most three"),
            ("total,sex", "total"),
            ("sex,planet", "unknown dimension \"planet\""),
            ("sex,", "unknown dimension \"\""),
        ] {
            let e = Dimension::parse(raw, &r).expect_err(raw).en();
            assert!(e.contains(says), "{raw}: {e}");
        }
    }

    #[test]
    fn keep_clears_what_no_crossing_looks_at() {
        let dims = vec![
            Dimension::Ownership,
            Dimension::Crossed(Crossing::new(vec![
                Dimension::Flag(Flag::Rural),
                Dimension::Sex,
            ])),
        ];
        let keep = Keep::of(&dims).expect("a crossing");
        let k = RowKey {
            area: 7,
            enterprise: 3,
            sex: 2,
            ethnicity: 5,
            religion: 4,
            age: 1,
            reason: 0,
        };
        let kept = keep.apply(&k);
        assert_eq!((kept.area, kept.sex), (7, 2));
        assert_eq!(kept.enterprise, NO_ENTERPRISE);
        assert_eq!((kept.ethnicity, kept.religion, kept.age), (0, 0, 0));
        assert!(Keep::of(&[Dimension::Sex]).is_none());
        let flat: Vec<&Dimension> = flat(&dims).collect();
        assert_eq!(flat.len(), 3);
    }
}

#[cfg(test)]
mod grouping {
    use super::*;
    use crate::metrics::counts::AGE_BANDS;

    fn key(sex: u8, age: &str) -> RowKey {
        RowKey {
            area: 0,
            enterprise: NO_ENTERPRISE,
            sex,
            ethnicity: 0,
            religion: 0,
            age: AGE_BANDS.iter().position(|b| *b == age).expect("a band") as u8,
            reason: 0,
        }
    }

    /// A row's crossed group is its groups joined, the same combination the same
    /// index; a combination only an eligible file names is added, once, in order.
    #[test]
    fn combinations_are_made_on_first_use_and_from_the_eligible_file() {
        let r = Reference::default();
        let d = Dimension::parse("sex,age_band", &r).expect("a crossing");
        let mut g = Grouper::new(&d, &r);
        // Sex codes: 0 male, 1 female, NO_CODE unknown.
        let cases = [
            (key(1, "16-30"), "female,16-30", "female · 16-30"),
            (key(0, "60+"), "male,60+", "male · 60+"),
            (key(1, "16-30"), "female,16-30", "female · 16-30"),
            (
                key(crate::roll::NO_CODE, "unknown"),
                "unknown,unknown",
                "unknown · unknown",
            ),
        ];
        for (k, label, name) in cases {
            let i = g.of(&k).expect("a group") as usize;
            assert_eq!((g.labels[i].as_str(), g.names[i].as_str()), (label, name));
        }
        assert_eq!(g.labels.len(), 3);
        let listed: HashSet<String> = ["male,16-30", "female,16-30", "planet,16-30"]
            .iter()
            .map(|s| group_key(s))
            .collect();
        add_listed(&mut g, &listed);
        assert_eq!(
            g.labels,
            ["female,16-30", "male,60+", "unknown,unknown", "male,16-30"]
        );
    }
}
