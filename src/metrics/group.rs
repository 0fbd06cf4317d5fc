//! Which group of a dimension each member (and each unit) falls in.

use super::dimension::{age_band, group_key, Dimension, Flag};
use super::load::Member;
use crate::ingest::value::parse_bool;
use crate::reference::groups::{ethnicities, religions};
use crate::reference::{Ownership, Reference};
use chrono::NaiveDate;

/// The groups of one dimension and how members map to them.
pub struct Grouper<'a> {
    pub dimension: Dimension,
    /// Group keys as they appear in the `group` column.
    pub labels: Vec<String>,
    /// Display names (unit names for levels, group names otherwise).
    pub names: Vec<String>,
    /// For area-based dimensions: the group of each unit (by index in the areas).
    pub by_area: Option<Vec<Option<u32>>>,
    reference: &'a Reference,
    end: NaiveDate,
}

const UNKNOWN: &str = "unknown";

impl<'a> Grouper<'a> {
    pub fn new(dimension: &Dimension, reference: &'a Reference, end: NaiveDate) -> Grouper<'a> {
        let units = &reference.areas.units;
        let mut g = Grouper {
            dimension: dimension.clone(),
            labels: Vec::new(),
            names: Vec::new(),
            by_area: None,
            reference,
            end,
        };
        match dimension {
            Dimension::Total => {
                g.push("all", "all");
                g.by_area = Some(vec![Some(0); units.len()]);
            }
            Dimension::Flag(f) => {
                g.push("yes", "yes");
                g.push("no", "no");
                g.by_area = Some(
                    units
                        .iter()
                        .map(|u| {
                            let v = match f {
                                Flag::EthnicMinority => u.ethnic_minority,
                                Flag::Religious => u.religious,
                                Flag::Rural => u.rural,
                            };
                            Some(if v { 0 } else { 1 })
                        })
                        .collect(),
                );
            }
            Dimension::AreaColumn(name) => {
                let j = reference.areas.extra_columns.iter().position(|c| c == name);
                let values: Vec<String> = units
                    .iter()
                    .map(|u| j.and_then(|j| u.extra.get(j)).cloned().unwrap_or_default())
                    .collect();
                let boolean = values.iter().all(|v| parse_bool(v).is_some());
                let keys: Vec<String> = values
                    .iter()
                    .map(|v| match (boolean, parse_bool(v)) {
                        (true, Some(true)) => "yes".to_string(),
                        (true, _) => "no".to_string(),
                        _ if v.is_empty() => "none".to_string(),
                        _ => group_key(v),
                    })
                    .collect();
                let mut distinct: Vec<(String, String)> = keys
                    .iter()
                    .zip(values.iter())
                    .map(|(k, v)| (k.clone(), if boolean { k.clone() } else { v.clone() }))
                    .collect();
                distinct.sort();
                distinct.dedup_by(|a, b| a.0 == b.0);
                for (k, n) in &distinct {
                    g.push(k, n);
                }
                g.by_area = Some(
                    keys.iter()
                        .map(|k| g.labels.iter().position(|l| l == k).map(|p| p as u32))
                        .collect(),
                );
            }
            Dimension::Level(level) => {
                let mut at_level: Vec<(String, String)> = units
                    .iter()
                    .filter(|u| &u.level == level)
                    .map(|u| (u.code.clone(), u.name.clone()))
                    .collect();
                at_level.sort();
                for (c, n) in &at_level {
                    g.push(c, n);
                }
                g.by_area = Some(
                    units
                        .iter()
                        .map(|u| {
                            reference
                                .areas
                                .lineage(&u.code)
                                .into_iter()
                                .find(|a| &a.level == level)
                                .and_then(|a| {
                                    at_level
                                        .binary_search_by(|(c, _)| c.as_str().cmp(&a.code))
                                        .ok()
                                })
                                .map(|p| p as u32)
                        })
                        .collect(),
                );
            }
            Dimension::Ownership => {
                for o in Ownership::ALL {
                    g.push(o.code(), o.code());
                }
            }
            Dimension::Ethnicity { each: false } => {
                g.push("kinh", "Kinh");
                g.push("minority", "minority");
                g.push(UNKNOWN, UNKNOWN);
            }
            Dimension::Ethnicity { each: true } => {
                for (_, name) in &ethnicities().entries {
                    g.push(&group_key(name), name);
                }
                g.push(UNKNOWN, UNKNOWN);
            }
            Dimension::Religion { each: false } => {
                g.push("none", "none");
                g.push("religious", "religious");
                g.push(UNKNOWN, UNKNOWN);
            }
            Dimension::Religion { each: true } => {
                for (code, name) in &religions().entries {
                    let key = if code == crate::reference::groups::NO_RELIGION {
                        "none".to_string()
                    } else {
                        group_key(name)
                    };
                    g.push(&key, name);
                }
                g.push(UNKNOWN, UNKNOWN);
            }
            Dimension::Sex => {
                g.push("male", "male");
                g.push("female", "female");
                g.push(UNKNOWN, UNKNOWN);
            }
            Dimension::AgeBand => {
                for b in ["under_16", "16-30", "31-45", "46-60", "60+", UNKNOWN] {
                    g.push(b, b);
                }
            }
        }
        g
    }

    fn push(&mut self, label: &str, name: &str) {
        self.labels.push(label.to_string());
        self.names.push(name.to_string());
    }

    fn label_index(&self, label: &str) -> Option<u32> {
        self.labels
            .iter()
            .position(|l| l == label)
            .map(|p| p as u32)
    }

    /// The group of a member, if the dimension places it.
    pub fn of(&mut self, m: &Member) -> Option<u32> {
        match &self.dimension {
            Dimension::Total
            | Dimension::Flag(_)
            | Dimension::AreaColumn(_)
            | Dimension::Level(_) => match m.area() {
                Some(a) => self.by_area.as_ref().and_then(|v| v[a as usize]),
                None => match self.dimension {
                    Dimension::Total => Some(0),
                    Dimension::Level(_) => None,
                    _ => Some(self.unknown()),
                },
            },
            Dimension::Ownership => {
                let e = &self.reference.enterprises.rows[m.enterprise()? as usize];
                Some(Ownership::ALL.iter().position(|o| *o == e.ownership)? as u32)
            }
            Dimension::Ethnicity { each } => match m.ethnicity() {
                None => self.label_index(UNKNOWN),
                Some(1) if !each => Some(0),
                Some(_) if !each => Some(1),
                Some(code) => (code as u32).checked_sub(1),
            },
            Dimension::Religion { each } => match m.religion() {
                None => self.label_index(UNKNOWN),
                Some(0) => Some(0),
                Some(_) if !each => Some(1),
                Some(code) => Some(code as u32),
            },
            Dimension::Sex => Some(m.sex().map(u32::from).unwrap_or(2)),
            Dimension::AgeBand => {
                let age = match (m.birth_days(), m.birth_year()) {
                    (Some(d), _) => Some(
                        crate::ingest::value::Birth::Date(crate::store::rolls::from_days(d))
                            .age_on(self.end),
                    ),
                    (None, Some(y)) => Some(crate::ingest::value::Birth::Year(y).age_on(self.end)),
                    _ => None,
                };
                self.label_index(age.map(age_band).unwrap_or(UNKNOWN))
            }
        }
    }

    /// The `unknown` group for members whose unit the areas do not have (added on use).
    fn unknown(&mut self) -> u32 {
        match self.label_index(UNKNOWN) {
            Some(i) => i,
            None => {
                self.push(UNKNOWN, UNKNOWN);
                (self.labels.len() - 1) as u32
            }
        }
    }
}
