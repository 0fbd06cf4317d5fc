//! The mass organizations and their many names: the five of the directive, built in,
//! and any others a province tracks (the Red Cross, the Elderly Association, …), read
//! from the store's `orgs` reference file.
//!
//! An [`Org`] carries its identity by value: one of the five, or an added organization
//! holding its definition, so that its code and name need nothing else. Which names a
//! store reads is an [`Orgs`] value (the five, then its orgs file's, in the file's
//! order) that lives with the store's reference and is passed to whatever parses a
//! name: there is no process-wide registry.

use crate::text::fold;
use serde::{Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

/// An organization: one of the five built in, or one the store's orgs file adds (after
/// them, in the file's order). Equal, ordered and hashed by its place in that order.
#[derive(Debug, Clone)]
pub enum Org {
    Union,
    Youth,
    Women,
    Farmers,
    Veterans,
    Added(Arc<Added>),
}

/// An organization the orgs file adds, with its place among all (5 for the first).
#[derive(Debug, PartialEq)]
pub struct Added {
    index: u8,
    def: OrgDef,
}

/// An organization the orgs file adds.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgDef {
    pub code: String,
    pub name: String,
    /// Other names and abbreviations, as written.
    pub aliases: Vec<String>,
    pub min_age: Option<u8>,
    pub max_age: Option<u8>,
}

/// The organizations a store knows: the five, then those its orgs file adds, with the
/// folded names each answers to. Cheap to clone (the added ones are shared).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Orgs {
    added: Vec<(Org, Vec<String>)>,
}

const BUILT_IN: usize = 5;

impl Orgs {
    /// The five and the organizations of an orgs file (at most 250 of them: an
    /// organization is a byte wherever it is counted).
    pub fn new(defs: &[OrgDef]) -> Orgs {
        let added = defs
            .iter()
            .take(usize::from(u8::MAX) - BUILT_IN)
            .enumerate()
            .map(|(i, d)| {
                let keys = std::iter::once(d.code.as_str())
                    .chain(std::iter::once(d.name.as_str()))
                    .chain(d.aliases.iter().map(String::as_str))
                    .map(fold)
                    .filter(|k| !k.is_empty())
                    .collect();
                let added = Added {
                    index: (BUILT_IN + i) as u8,
                    def: d.clone(),
                };
                (Org::Added(Arc::new(added)), keys)
            })
            .collect();
        Orgs { added }
    }

    /// The definitions of the organizations the orgs file adds, in its order.
    pub fn defs(&self) -> Vec<OrgDef> {
        self.added
            .iter()
            .filter_map(|(o, _)| o.def().cloned())
            .collect()
    }

    /// How many the orgs file adds.
    pub fn added_len(&self) -> usize {
        self.added.len()
    }

    /// Every organization: the five, then the orgs file's.
    pub fn all(&self) -> Vec<Org> {
        ALL_ORGS
            .iter()
            .cloned()
            .chain(self.added.iter().map(|(o, _)| o.clone()))
            .collect()
    }

    /// Parses a code or any common Vietnamese name or abbreviation, of the five or of
    /// the organizations the orgs file adds.
    pub fn parse(&self, raw: &str) -> Option<Org> {
        let key = fold(raw);
        // Abbreviations are also written with dots: "Hội N.D", "C.Đ".
        let undotted = fold(&raw.replace('.', ""));
        if let Some((org, _)) = ALIASES
            .iter()
            .find(|(_, names)| names.contains(&key.as_str()) || names.contains(&undotted.as_str()))
        {
            return Some(org.clone());
        }
        self.added
            .iter()
            .find(|(_, keys)| keys.contains(&key))
            .map(|(o, _)| o.clone())
    }

    /// Parses an organization, or `any` (organized in at least one).
    pub fn parse_or_any(&self, raw: &str) -> Option<OrgOrAny> {
        let key = fold(raw);
        if matches!(key.as_str(), "any" | "all" | "tat ca" | "chung") {
            return Some(OrgOrAny::Any);
        }
        self.parse(raw).map(OrgOrAny::Org)
    }

    /// The organizations by the names offices write, with a short one each (and those
    /// the orgs file adds): for a message that asks for one.
    pub fn names(&self) -> String {
        let mut names: Vec<&str> = vec![
            "Công đoàn (CĐ)",
            "Đoàn Thanh niên (Đoàn TN)",
            "Hội Phụ nữ (Hội LHPN)",
            "Hội Nông dân (Hội ND)",
            "Hội Cựu chiến binh (Hội CCB)",
        ];
        names.extend(self.added.iter().map(|(o, _)| o.english()));
        names.join(", ")
    }

    /// What an organization is written as, for a message that refuses one: the
    /// Vietnamese reader is given the Vietnamese abbreviations first.
    pub fn expected(&self) -> crate::lang::Text {
        use crate::lang::rows::{ORGS_EXPECTED, ORGS_EXPECTED_ADDED};
        let extra: Vec<&str> = self.added.iter().map(|(o, _)| o.code()).collect();
        if extra.is_empty() {
            crate::t!(ORGS_EXPECTED)
        } else {
            crate::t!(
                ORGS_EXPECTED_ADDED,
                crate::t!(ORGS_EXPECTED),
                extra.join(", ")
            )
        }
    }
}

impl Org {
    /// The organization's place: the five first, then the orgs file's in its order.
    pub fn index(&self) -> u8 {
        match self {
            Org::Union => 0,
            Org::Youth => 1,
            Org::Women => 2,
            Org::Farmers => 3,
            Org::Veterans => 4,
            Org::Added(a) => a.index,
        }
    }

    /// The orgs file's definition of an organization it adds.
    pub fn def(&self) -> Option<&OrgDef> {
        match self {
            Org::Added(a) => Some(&a.def),
            _ => None,
        }
    }
}

impl PartialEq for Org {
    fn eq(&self, other: &Org) -> bool {
        self.index() == other.index()
    }
}

impl Eq for Org {}

impl PartialOrd for Org {
    fn partial_cmp(&self, other: &Org) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Org {
    fn cmp(&self, other: &Org) -> Ordering {
        self.index().cmp(&other.index())
    }
}

impl Hash for Org {
    fn hash<H: Hasher>(&self, h: &mut H) {
        self.index().hash(h);
    }
}

impl Serialize for Org {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// An org column in a reference file may also say `any`: organized in at least one.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OrgOrAny {
    Org(Org),
    Any,
}

pub const ALL_ORGS: [Org; 5] = [
    Org::Union,
    Org::Youth,
    Org::Women,
    Org::Farmers,
    Org::Veterans,
];

/// Folded spellings (see [`fold`]) of each organization's names and abbreviations.
const ALIASES: &[(Org, &[&str])] = &[
    (
        Org::Union,
        &[
            "union",
            "trade union",
            "cong doan",
            "cong doan viet nam",
            "cd",
            "cdcs",
            "cd cs",
            "cong doan co so",
            "cd co so",
            "cong doan vn",
            "ldld",
            "lien doan lao dong",
            "tong lien doan lao dong viet nam",
        ],
    ),
    (
        Org::Youth,
        &[
            "youth",
            "youth union",
            "doan",
            "doan tn",
            "dtn",
            "doan thanh nien",
            "doan tncs",
            "doan tncs hcm",
            "doan tncs ho chi minh",
            "doan tncshcm",
            "dtncs",
            "dtncs hcm",
            "thanh nien",
            "doan thanh nien cong san",
            "doan thanh nien cong san ho chi minh",
            "tncs",
        ],
    ),
    (
        Org::Women,
        &[
            "women",
            "women s union",
            "womens union",
            "hlhpn",
            "hlhpnvn",
            "hpn",
            "hoi phu nu",
            "phu nu",
            "hoi lhpn",
            "lhpn",
            "lhpnvn",
            "hoi lhpnvn",
            "hoi lhpn vn",
            "hoi pn",
            "lien hiep phu nu",
            "phu nu viet nam",
            "hoi lien hiep phu nu",
            "hoi lien hiep phu nu viet nam",
        ],
    ),
    (
        Org::Farmers,
        &[
            "farmers",
            "farmer",
            "farmers association",
            "farmers union",
            "hnd",
            "hoi nong dan",
            "nong dan",
            "hoi nong dan viet nam",
            "hoi nd",
            "hoi nd vn",
            "hoi nong dan vn",
            "hndvn",
        ],
    ),
    (
        Org::Veterans,
        &[
            "veterans",
            "veteran",
            "veterans association",
            "hccb",
            "ccb",
            "hoi ccb",
            "hoi cuu chien binh",
            "cuu chien binh",
            "hoi cuu chien binh viet nam",
            "hoi ccb vn",
            "hccbvn",
            "cuu chien binh viet nam",
        ],
    ),
];

impl Org {
    pub fn code(&self) -> &str {
        match self {
            Org::Added(a) => &a.def.code,
            built_in => built_in.built_in_code().unwrap_or_default(),
        }
    }

    /// The code of one of the five, which lives as long as the program (a column
    /// writer knows such a value by its address); `None` for one the orgs file adds.
    pub fn built_in_code(&self) -> Option<&'static str> {
        match self {
            Org::Union => Some("union"),
            Org::Youth => Some("youth"),
            Org::Women => Some("women"),
            Org::Farmers => Some("farmers"),
            Org::Veterans => Some("veterans"),
            Org::Added(_) => None,
        }
    }

    /// The name an English sentence gives the organization ("Women's Union"); an
    /// organization the orgs file adds by its own name. The catalogue says the five's
    /// in Vietnamese, so that no code reaches a Vietnamese reader.
    pub fn english(&self) -> &str {
        match self {
            Org::Union => "Trade union",
            Org::Youth => "Youth Union",
            Org::Women => "Women's Union",
            Org::Farmers => "Farmers' Association",
            Org::Veterans => "Veterans' Association",
            Org::Added(a) => &a.def.name,
        }
    }

    /// The organization's name in a sentence, said in the reader's language; one the
    /// orgs file adds by its own name.
    pub fn text(&self) -> crate::lang::Text {
        use crate::lang::names::*;
        match self {
            Org::Union => crate::t!(ORG_UNION),
            Org::Youth => crate::t!(ORG_YOUTH),
            Org::Women => crate::t!(ORG_WOMEN),
            Org::Farmers => crate::t!(ORG_FARMERS),
            Org::Veterans => crate::t!(ORG_VETERANS),
            Org::Added(a) => crate::lang::Text::Plain(a.def.name.clone()),
        }
    }

    /// The organization as a hint writes it after `--org`, in the reader's language:
    /// `women` in English, `HLHPN` in Vietnamese (both parse); one the orgs file adds
    /// by its code.
    pub fn flag(&self) -> crate::lang::Text {
        use crate::lang::names::*;
        match self {
            Org::Union => crate::t!(FLAG_UNION),
            Org::Youth => crate::t!(FLAG_YOUTH),
            Org::Women => crate::t!(FLAG_WOMEN),
            Org::Farmers => crate::t!(FLAG_FARMERS),
            Org::Veterans => crate::t!(FLAG_VETERANS),
            Org::Added(a) => crate::lang::Text::Plain(a.def.code.clone()),
        }
    }

    /// Whether a name is one of the five's (an orgs file may not take it).
    pub fn is_built_in_name(raw: &str) -> bool {
        let key = fold(raw);
        ALIASES
            .iter()
            .any(|(_, names)| names.contains(&key.as_str()))
    }
}

impl OrgOrAny {
    pub fn code(&self) -> &str {
        match self {
            OrgOrAny::Org(o) => o.code(),
            OrgOrAny::Any => "any",
        }
    }
}

impl fmt::Display for Org {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Display for OrgOrAny {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl From<Org> for OrgOrAny {
    fn from(o: Org) -> Self {
        OrgOrAny::Org(o)
    }
}

#[cfg(test)]
#[path = "org_tests.rs"]
mod tests;
