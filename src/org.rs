//! The five mass organizations and their many names.

use crate::text::fold;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Org {
    Union,
    Youth,
    Women,
    Farmers,
    Veterans,
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
            "cong doan co so",
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
        }
    }

    /// Parses a code or any common Vietnamese name or abbreviation.
    pub fn parse(raw: &str) -> Option<Org> {
        let key = fold(raw);
        ALIASES
            .iter()
            .find(|(_, names)| names.contains(&key.as_str()))
            .map(|(org, _)| *org)
    }

    pub fn expected() -> &'static str {
        "union, youth, women, farmers or veterans (or a Vietnamese name such as Công đoàn, Đoàn TN, Hội Phụ nữ, Hội Nông dân, Hội CCB)"
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
