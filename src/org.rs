//! The mass organizations and their many names: the five of the directive, built in,
//! and any others a province tracks (the Red Cross, the Elderly Association, …), read
//! from the store's `orgs` reference file.

use crate::text::fold;
use serde::{Serialize, Serializer};
use std::fmt;
use std::sync::RwLock;

/// An organization: one of the five built in, or one the store's orgs file adds (after
/// them, in the file's order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Org(u8);

// The five keep the names they had when they were an enum's variants, so that code
// matching on them reads as before.
#[allow(non_upper_case_globals)]
impl Org {
    pub const Union: Org = Org(0);
    pub const Youth: Org = Org(1);
    pub const Women: Org = Org(2);
    pub const Farmers: Org = Org(3);
    pub const Veterans: Org = Org(4);
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

/// The organizations of the orgs file, as registered; their texts leaked once so that
/// they read like the built-ins' (a handful per store, loaded once per process).
struct Registered {
    def: OrgDef,
    code: &'static str,
    name: &'static str,
    keys: Vec<String>,
}

static EXTRA: RwLock<Vec<Registered>> = RwLock::new(Vec::new());

const BUILT_IN: usize = 5;

/// Makes the orgs file's organizations known (replacing any before): called when the
/// store's reference is read and when an orgs file is ingested.
pub fn register(defs: &[OrgDef]) {
    let Ok(mut extra) = EXTRA.write() else { return };
    let same = extra.len() == defs.len() && extra.iter().zip(defs).all(|(r, d)| r.def == *d);
    if same {
        return;
    }
    *extra = defs
        .iter()
        .take(usize::from(u8::MAX) - BUILT_IN)
        .map(|d| Registered {
            def: d.clone(),
            code: Box::leak(d.code.clone().into_boxed_str()),
            name: Box::leak(d.name.clone().into_boxed_str()),
            keys: std::iter::once(d.code.as_str())
                .chain(std::iter::once(d.name.as_str()))
                .chain(d.aliases.iter().map(String::as_str))
                .map(fold)
                .filter(|k| !k.is_empty())
                .collect(),
        })
        .collect();
}

/// Every organization: the five, then the orgs file's.
pub fn all() -> Vec<Org> {
    let extra = EXTRA.read().map(|e| e.len()).unwrap_or(0);
    (0..BUILT_IN + extra).map(|i| Org(i as u8)).collect()
}

/// The orgs file's definition of an organization it adds.
pub fn def(o: Org) -> Option<OrgDef> {
    let i = usize::from(o.0).checked_sub(BUILT_IN)?;
    EXTRA.read().ok()?.get(i).map(|r| r.def.clone())
}

/// An organization an orgs file adds: its name, the same in every language.
pub fn added_name(o: Org) -> Option<&'static str> {
    let i = usize::from(o.0).checked_sub(BUILT_IN)?;
    EXTRA.read().ok()?.get(i).map(|r| r.name)
}

impl Serialize for Org {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// An org column in a reference file may also say `any`: organized in at least one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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
    pub fn code(self) -> &'static str {
        match self {
            Org::Union => "union",
            Org::Youth => "youth",
            Org::Women => "women",
            Org::Farmers => "farmers",
            Org::Veterans => "veterans",
            Org(i) => EXTRA
                .read()
                .ok()
                .and_then(|e| e.get(usize::from(i) - BUILT_IN).map(|r| r.code))
                .unwrap_or("unknown"),
        }
    }

    /// The name an English sentence gives the organization ("Women's Union"); an
    /// organization the orgs file adds by its own name. The catalogue says the five's
    /// in Vietnamese, so that no code reaches a Vietnamese reader.
    pub fn english(self) -> &'static str {
        match self {
            Org::Union => "Trade union",
            Org::Youth => "Youth Union",
            Org::Women => "Women's Union",
            Org::Farmers => "Farmers' Association",
            Org::Veterans => "Veterans' Association",
            other => added_name(other).unwrap_or("?"),
        }
    }

    /// The organization's name in a sentence, said in the reader's language; one the
    /// orgs file adds by its own name.
    pub fn text(self) -> crate::lang::Text {
        use crate::lang::names::*;
        match self {
            Org::Union => crate::t!(ORG_UNION),
            Org::Youth => crate::t!(ORG_YOUTH),
            Org::Women => crate::t!(ORG_WOMEN),
            Org::Farmers => crate::t!(ORG_FARMERS),
            Org::Veterans => crate::t!(ORG_VETERANS),
            other => crate::lang::Text::Plain(added_name(other).unwrap_or("?").into()),
        }
    }

    /// Parses a code or any common Vietnamese name or abbreviation, of the five or of
    /// the organizations the orgs file adds.
    pub fn parse(raw: &str) -> Option<Org> {
        let key = fold(raw);
        // Abbreviations are also written with dots: "Hội N.D", "C.Đ".
        let undotted = fold(&raw.replace('.', ""));
        if let Some((org, _)) = ALIASES
            .iter()
            .find(|(_, names)| names.contains(&key.as_str()) || names.contains(&undotted.as_str()))
        {
            return Some(*org);
        }
        let extra = EXTRA.read().ok()?;
        extra
            .iter()
            .position(|r| r.keys.contains(&key))
            .map(|i| Org((BUILT_IN + i) as u8))
    }

    /// Whether a name is one of the five's (an orgs file may not take it).
    pub fn is_built_in_name(raw: &str) -> bool {
        let key = fold(raw);
        ALIASES
            .iter()
            .any(|(_, names)| names.contains(&key.as_str()))
    }

    /// The organizations by the names offices write, with a short one each (and those
    /// the orgs file adds): for a message that asks for one.
    pub fn names() -> String {
        let mut names: Vec<&str> = vec![
            "Công đoàn (CĐ)",
            "Đoàn Thanh niên (Đoàn TN)",
            "Hội Phụ nữ (Hội LHPN)",
            "Hội Nông dân (Hội ND)",
            "Hội Cựu chiến binh (Hội CCB)",
        ];
        let extra = EXTRA
            .read()
            .map(|e| e.iter().map(|r| r.name).collect::<Vec<_>>());
        names.extend(extra.unwrap_or_default());
        names.join(", ")
    }

    pub fn expected() -> String {
        let extra: Vec<&str> = EXTRA
            .read()
            .map(|e| e.iter().map(|r| r.code).collect())
            .unwrap_or_default();
        let more = if extra.is_empty() {
            String::new()
        } else {
            format!("; or one the orgs file adds: {}", extra.join(", "))
        };
        format!("union, youth, women, farmers or veterans (or a Vietnamese name such as Công đoàn, Đoàn TN, Hội Phụ nữ, Hội Nông dân, Hội CCB){more}")
    }
}

impl OrgOrAny {
    pub fn parse(raw: &str) -> Option<OrgOrAny> {
        let key = fold(raw);
        if matches!(key.as_str(), "any" | "all" | "tat ca" | "chung") {
            return Some(OrgOrAny::Any);
        }
        Org::parse(raw).map(OrgOrAny::Org)
    }

    pub fn code(self) -> &'static str {
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
mod tests {
    use super::*;

    #[test]
    fn names_and_abbreviations() {
        let cases = [
            ("union", Some(Org::Union)),
            ("Công đoàn", Some(Org::Union)),
            ("CĐ", Some(Org::Union)),
            ("Đoàn TN", Some(Org::Youth)),
            ("ĐTN", Some(Org::Youth)),
            ("HLHPN", Some(Org::Women)),
            ("Hội Phụ nữ", Some(Org::Women)),
            ("HND", Some(Org::Farmers)),
            ("Hội Nông dân Việt Nam", Some(Org::Farmers)),
            ("HCCB", Some(Org::Veterans)),
            // The short names offices head their counts tables with.
            ("Hội ND", Some(Org::Farmers)),
            ("Hội N.D", Some(Org::Farmers)),
            ("C.Đ", Some(Org::Union)),
            ("LHPN", Some(Org::Women)),
            ("Hội LHPN", Some(Org::Women)),
            ("Hội PN", Some(Org::Women)),
            ("Thanh niên", Some(Org::Youth)),
            ("Đoàn TN", Some(Org::Youth)),
            ("CĐ", Some(Org::Union)),
            ("Công đoàn", Some(Org::Union)),
            ("CCB", Some(Org::Veterans)),
            ("Hội CCB", Some(Org::Veterans)),
            ("  VETERANS ", Some(Org::Veterans)),
            ("Mặt trận", None),
            ("", None),
        ];
        for (raw, want) in cases {
            assert_eq!(Org::parse(raw), want, "{raw:?}");
        }
        assert_eq!(OrgOrAny::parse("any"), Some(OrgOrAny::Any));
        assert_eq!(OrgOrAny::parse("hnd"), Some(OrgOrAny::Org(Org::Farmers)));
    }
}
