//! Breakdown dimensions (`--by`) and the keys of their groups.

use crate::reference::Reference;
use crate::text::fold;
use std::fmt;

/// An area classification flag of the areas file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Flag {
    EthnicMinority,
    Religious,
    Rural,
}

impl Flag {
    pub fn name(self) -> &'static str {
        match self {
            Flag::EthnicMinority => "ethnic_minority",
            Flag::Religious => "religious",
            Flag::Rural => "rural",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dimension {
    Total,
    Flag(Flag),
    /// A further classification column of the areas file: its name for `--by`
    /// (`vung_cao`) and its heading in the file (`Vùng cao`).
    AreaColumn(String, String),
    /// An areas level (`province`, `district`, `commune`, ...): one group per unit.
    Level(String),
    Ownership,
    /// `kinh`/`minority`, or each group with `ethnicity:group`.
    Ethnicity {
        each: bool,
    },
    /// `none`/`religious`, or each with `religion:group`.
    Religion {
        each: bool,
    },
    Sex,
    AgeBand,
    /// Two or three breakdowns crossed (`--by ethnic_minority,sex`).
    Crossed(Crossing),
    /// Departures by why they left (`died`, `moved`, ...): `left` only.
    Reason,
}

/// Separates the parts of a crossed dimension's name and of its groups' codes.
pub const JOIN: char = ',';

/// The breakdowns every store has, by the codes `--by` takes (an areas file adds its
/// columns and levels).
pub const CODES: [&str; 10] = [
    "total",
    "ethnic_minority",
    "religious",
    "rural",
    "ownership",
    "ethnicity",
    "religion",
    "sex",
    "age_band",
    "reason",
];
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

impl Dimension {
    /// The name in the `dimension` column (and in `eligible`/`targets` files).
    pub fn name(&self) -> String {
        self.as_str().to_string()
    }

    /// [`Dimension::name`], borrowed.
    pub fn as_str(&self) -> &str {
        match self {
            Dimension::Total => "total",
            Dimension::Flag(f) => f.name(),
            Dimension::AreaColumn(c, _) => c,
            Dimension::Level(l) => l,
            Dimension::Ownership => "ownership",
            Dimension::Ethnicity { .. } => "ethnicity",
            Dimension::Religion { .. } => "religion",
            Dimension::Sex => "sex",
            Dimension::AgeBand => "age_band",
            Dimension::Crossed(c) => &c.name,
            Dimension::Reason => "reason",
        }
    }

    /// The directive's default: total, the three area flags, ownership.
    pub fn defaults() -> Vec<Dimension> {
        vec![
            Dimension::Total,
            Dimension::Flag(Flag::EthnicMinority),
            Dimension::Flag(Flag::Religious),
            Dimension::Flag(Flag::Rural),
            Dimension::Ownership,
        ]
    }

    /// Parses `--by`, knowing the store's area columns and levels.
    pub fn parse(raw: &str, reference: &Reference) -> Result<Dimension, crate::lang::Text> {
        let key = group_key(raw.split(':').next().unwrap_or(raw));
        let each = raw.trim().to_ascii_lowercase().ends_with(":group");
        // `:group` (each group apart) is the one suffix, and only of the two it splits.
        let suffixed = raw.contains(':');
        let splits = matches!(key.as_str(), "ethnicity" | "religion");
        let key = if suffixed && !(each && splits) {
            String::new()
        } else {
            key
        };
        let dim = match key.as_str() {
            "total" => Dimension::Total,
            "ethnic_minority" => Dimension::Flag(Flag::EthnicMinority),
            "religious" => Dimension::Flag(Flag::Religious),
            "rural" => Dimension::Flag(Flag::Rural),
            "ownership" => Dimension::Ownership,
            "ethnicity" => Dimension::Ethnicity { each },
            "religion" => Dimension::Religion { each },
            "sex" => Dimension::Sex,
            "age_band" | "age" => Dimension::AgeBand,
            "reason" | "left_reason" => Dimension::Reason,
            other if reference.areas.extra_columns.iter().any(|c| c == other) => {
                let areas = &reference.areas;
                let at = areas.extra_columns.iter().position(|c| c == other);
                let heading = at.and_then(|j| areas.extra_headings.get(j));
                Dimension::AreaColumn(other.to_string(), heading.map_or(other, |h| h).to_string())
            }
            other if reference.areas.levels().iter().any(|l| l == other) => {
                Dimension::Level(other.to_string())
            }
            _ => {
                let mut known: Vec<String> = (CODES.iter())
                    .flat_map(|c| match *c {
                        "ethnicity" | "religion" => vec![c.to_string(), format!("{c}:group")],
                        _ => vec![c.to_string()],
                    })
                    .collect();
                known.extend(reference.areas.extra_columns.iter().cloned());
                known.extend(reference.areas.levels());
                return Err(crate::t!(
                    crate::lang::report::UNKNOWN_DIMENSION,
                    raw,
                    known.join(", ")
                ));
            }
        };
        Ok(dim)
    }

    /// The dimension as an `eligible` file's `dimension` column names it, for
    /// member-attribute and ownership denominators.
    pub fn eligible_name(&self) -> Option<String> {
        match self {
            Dimension::Ownership
            | Dimension::Ethnicity { .. }
            | Dimension::Religion { .. }
            | Dimension::Sex
            | Dimension::AgeBand => Some(self.name()),
            // An eligible file's dimension is folded as it is read: `ethnic_minority,sex`
            // is kept as `ethnic_minority_sex`.
            Dimension::Crossed(c) => Some(group_key(&c.name)),
            _ => None,
        }
    }
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

/// The comparable form of a group or dimension name: folded, `_` between words.
pub fn group_key(raw: &str) -> String {
    fold(raw).replace(' ', "_")
}

/// Age bands (age at the period's end).
pub fn age_band(age: i32) -> &'static str {
    match age {
        i32::MIN..=15 => "under_16",
        16..=30 => "16-30",
        31..=45 => "31-45",
        46..=60 => "46-60",
        _ => "60+",
    }
}

/// A dimension is its name where rows are looked up by name (the focus areas).
impl PartialEq<&str> for Dimension {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_and_keys() {
        assert_eq!(age_band(15), "under_16");
        assert_eq!(age_band(16), "16-30");
        assert_eq!(age_band(30), "16-30");
        assert_eq!(age_band(31), "31-45");
        assert_eq!(age_band(60), "46-60");
        assert_eq!(age_band(61), "60+");
        assert_eq!(group_key("Non-state"), "non_state");
        assert_eq!(group_key("16–30"), group_key("16-30"));
    }

    #[test]
    fn parse_dimensions() {
        let r = Reference::default();
        assert_eq!(Dimension::parse("total", &r), Ok(Dimension::Total));
        assert_eq!(
            Dimension::parse("ethnicity:group", &r),
            Ok(Dimension::Ethnicity { each: true })
        );
        assert_eq!(
            Dimension::parse("Ethnic minority", &r),
            Ok(Dimension::Flag(Flag::EthnicMinority))
        );
        assert!(Dimension::parse("planet", &r).is_err());
    }

    /// Every name `--by` documents parses to its dimension, and a dimension writes
    /// itself back as that name (found by mutation: `ownership` and `Display` were
    /// untested).
    #[test]
    fn every_documented_dimension_parses_and_writes_back() {
        let r = Reference::default();
        for (name, dim) in [
            ("total", Dimension::Total),
            ("ethnic_minority", Dimension::Flag(Flag::EthnicMinority)),
            ("religious", Dimension::Flag(Flag::Religious)),
            ("rural", Dimension::Flag(Flag::Rural)),
            ("ownership", Dimension::Ownership),
            ("ethnicity", Dimension::Ethnicity { each: false }),
            ("religion", Dimension::Religion { each: false }),
            ("sex", Dimension::Sex),
            ("age_band", Dimension::AgeBand),
            ("reason", Dimension::Reason),
        ] {
            assert_eq!(Dimension::parse(name, &r), Ok(dim.clone()), "{name}");
            assert_eq!(dim.to_string(), name, "{name}");
        }
        assert_eq!(Dimension::parse("age", &r), Ok(Dimension::AgeBand));
    }
}
