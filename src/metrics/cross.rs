//! Crossed breakdowns (`--by ethnic_minority,sex`): one group per combination of the
//! groups of two or three breakdowns. A crossed group is counted from the same fold as
//! every other group: the fold keeps, beside its per-breakdown counters, counters by
//! the part of each member row's key the crossed breakdowns look at ([`Keep`]), and a
//! crossed group's counts are the sum of the counters whose key each part places in its
//! group. Org `any` recounts persons with several rows through the same placing, so a
//! crossed cell and the cells of its parts never follow two paths that could disagree.

use super::counts::{RowKey, NO_ENTERPRISE};
use super::dimension::{Crossing, Dimension, JOIN, MOST, NAME_JOIN};
use crate::lang::breakdown as msg;
use crate::lang::Text;
use crate::reference::Reference;
use crate::t;

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

/// Parses `--by` as the command line takes it: a breakdown, or two or three joined by
/// a comma, crossed.
pub fn parse_by(raw: &str, reference: &Reference) -> Result<Dimension, Text> {
    if raw.contains(JOIN) {
        parse(raw, reference)
    } else {
        Dimension::parse(raw, reference)
    }
}

/// Parses `--by a,b[,c]`: each part as `--by` takes it, none twice, none `total`, at
/// most three.
fn parse(raw: &str, reference: &Reference) -> Result<Dimension, Text> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::dimension::Flag;

    #[test]
    fn crossings_parse_and_refuse_nonsense() {
        let r = Reference::default();
        let d = parse_by("ethnic_minority, sex", &r).expect("a crossing");
        assert_eq!(d.name(), "ethnic_minority,sex");
        assert_eq!(
            d,
            Dimension::Crossed(Crossing::new(vec![
                Dimension::Flag(Flag::EthnicMinority),
                Dimension::Sex
            ]))
        );
        let three = parse_by("rural,ethnicity:group,age_band", &r).expect("three");
        assert_eq!(three.name(), "rural,ethnicity,age_band");
        for (raw, says) in [
            ("sex,sex", "with itself"),
            ("ethnicity,ethnicity:group", "with itself"),
            ("sex,rural,religious,age_band", "at most three"),
            ("total,sex", "total"),
            ("sex,planet", "unknown dimension \"planet\""),
            ("sex,", "unknown dimension \"\""),
        ] {
            let e = parse_by(raw, &r).expect_err(raw).en();
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
    use crate::metrics::dimension::group_key;
    use crate::metrics::group::{add_listed, Grouper};
    use std::collections::HashSet;

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
        let d = parse_by("sex,age_band", &r).expect("a crossing");
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
