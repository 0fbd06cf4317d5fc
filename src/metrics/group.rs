//! Which group of a dimension each member (and each unit) falls in.

use std::collections::HashSet;

use super::counts::{RowKey, AGE_BANDS, NO_ENTERPRISE};
use super::dimension::{group_key, Dimension, Flag, JOIN, NAME_JOIN};
use crate::reference::groups::{ethnicities, religions};
use crate::reference::{Ownership, Reference};
use crate::roll::NO_CODE;
use crate::text::parse_bool;

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
    /// For a crossing: the groupers of its parts, and each combination of their groups
    /// seen so far with its index.
    pub(super) parts: Vec<Grouper<'a>>,
    pub(super) combos: std::collections::HashMap<Vec<u32>, u32>,
}

pub(super) const UNKNOWN: &str = "unknown";

impl<'a> Grouper<'a> {
    pub fn new(dimension: &Dimension, reference: &'a Reference) -> Grouper<'a> {
        let units = &reference.areas.units;
        let mut g = Grouper {
            dimension: dimension.clone(),
            labels: Vec::new(),
            names: Vec::new(),
            by_area: None,
            reference,
            parts: Vec::new(),
            combos: Default::default(),
        };
        match dimension {
            Dimension::Total => {
                g.push("all", "all");
                g.by_area = Some(vec![Some(0); units.len()]);
            }
            Dimension::Flag(f) => g.flag(*f),
            Dimension::AreaColumn(name, _) => g.area_column(name),
            Dimension::Level(level) => g.level(level),
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
                for b in AGE_BANDS {
                    g.push(b, b);
                }
            }
            Dimension::Crossed(c) => {
                g.parts = c.parts.iter().map(|d| Grouper::new(d, reference)).collect();
            }
            Dimension::Reason => {
                for r in super::reason::groups() {
                    g.push(r, r);
                }
            }
        }
        g
    }

    /// A flag of the areas file: `yes` and `no`, by each unit's flag.
    fn flag(&mut self, f: Flag) {
        let reference = self.reference;
        let units = &reference.areas.units;
        self.push("yes", "yes");
        self.push("no", "no");
        self.by_area = Some(
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

    /// A further column of the areas file: its distinct values (`yes`/`no` where every
    /// value is one), by each unit's value.
    fn area_column(&mut self, name: &str) {
        let reference = self.reference;
        let units = &reference.areas.units;
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
            self.push(k, n);
        }
        self.by_area = Some(
            keys.iter()
                .map(|k| self.labels.iter().position(|l| l == k).map(|p| p as u32))
                .collect(),
        );
    }

    /// An administrative level: one group per unit of it, each unit of the areas in the
    /// one of its lineage.
    fn level(&mut self, level: &str) {
        let reference = self.reference;
        let units = &reference.areas.units;
        let mut at_level: Vec<(String, String)> = units
            .iter()
            .filter(|u| u.level == level)
            .map(|u| (u.code.clone(), u.name.clone()))
            .collect();
        at_level.sort();
        for (c, n) in &at_level {
            self.push(c, n);
        }
        self.by_area = Some(
            units
                .iter()
                .map(|u| {
                    reference
                        .areas
                        .lineage(&u.code)
                        .into_iter()
                        .find(|a| a.level == level)
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

    /// The group of a member row, if the dimension places it. A unit the areas do not
    /// have goes to `unknown` (added on first use), except on level rows.
    pub fn of(&mut self, k: &RowKey) -> Option<u32> {
        match &self.dimension {
            Dimension::Total
            | Dimension::Flag(_)
            | Dimension::AreaColumn(..)
            | Dimension::Level(_) => match self.by_area.as_ref()?.get(k.area as usize) {
                Some(g) => *g,
                None => match self.dimension {
                    Dimension::Total => Some(0),
                    Dimension::Level(_) => None,
                    _ => Some(self.unknown()),
                },
            },
            Dimension::Ownership => {
                if k.enterprise == NO_ENTERPRISE {
                    return None;
                }
                let e = self.reference.enterprises.rows.get(k.enterprise as usize)?;
                Some(Ownership::ALL.iter().position(|o| *o == e.ownership)? as u32)
            }
            Dimension::Ethnicity { each } => match k.ethnicity {
                NO_CODE => self.label_index(UNKNOWN),
                1 if !each => Some(0),
                _ if !each => Some(1),
                code => (code as u32)
                    .checked_sub(1)
                    .filter(|g| (*g as usize) < self.labels.len()),
            },
            Dimension::Religion { each } => match k.religion {
                NO_CODE => self.label_index(UNKNOWN),
                0 => Some(0),
                _ if !each => Some(1),
                code => Some(code as u32).filter(|g| (*g as usize) < self.labels.len()),
            },
            Dimension::Sex => Some(if k.sex == NO_CODE {
                2
            } else {
                u32::from(k.sex)
            }),
            Dimension::AgeBand => AGE_BANDS
                .get(k.age as usize)
                .and_then(|b| self.label_index(b)),
            Dimension::Crossed(_) => group_of(self, k),
            Dimension::Reason => Some(super::reason::group_of(k.reason)),
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
