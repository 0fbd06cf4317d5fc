//! The kinds of file tally ingests, as the manifest records each ingest's: a roll or
//! one of the reference files. Written in the manifest by its code (`"roll"`,
//! `"areas"`, …), so a record's kind is a value the compiler checks, never a string
//! compared by hand.
//!
//! A leaf of its own: the store records kinds and the row sources detect them from a
//! file's header (`rows/headers.rs`), and neither room imports the other.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A kind of file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Roll,
    Areas,
    Enterprises,
    Eligible,
    Targets,
    /// Where the members and people of a pre-2025 commune went: old code → new code,
    /// with a share where one old commune was split.
    Mapping,
    /// Organizations beyond the five: code, name, aliases, ages.
    Orgs,
}

impl Kind {
    /// Detection order: on a tie in matched columns the earlier kind wins.
    pub const ALL: [Kind; 7] = [
        Kind::Roll,
        Kind::Areas,
        Kind::Enterprises,
        Kind::Eligible,
        Kind::Targets,
        Kind::Mapping,
        Kind::Orgs,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Kind::Roll => "roll",
            Kind::Areas => "areas",
            Kind::Enterprises => "enterprises",
            Kind::Eligible => "eligible",
            Kind::Targets => "targets",
            Kind::Mapping => "mapping",
            Kind::Orgs => "orgs",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == s)
    }

    /// The kind's name in a sentence, said in the reader's language ("danh mục địa
    /// bàn", never "areas", to a Vietnamese reader).
    pub fn text(self) -> crate::lang::Text {
        use crate::lang::names::*;
        let msg = match self {
            Kind::Roll => &KIND_ROLL,
            Kind::Areas => &KIND_AREAS,
            Kind::Enterprises => &KIND_ENTERPRISES,
            Kind::Eligible => &KIND_ELIGIBLE,
            Kind::Targets => &KIND_TARGETS,
            Kind::Mapping => &KIND_MAPPING,
            Kind::Orgs => &KIND_ORGS,
        };
        crate::lang::Text::Msg(msg, Vec::new())
    }

    /// The kind where a sentence says it by its code ("the eligible file"): the code
    /// in English, its name in Vietnamese.
    pub fn code_text(self) -> crate::lang::Text {
        match self {
            Kind::Eligible => {
                crate::lang::Text::Msg(&crate::lang::names::KIND_ELIGIBLE_CODE, Vec::new())
            }
            other => other.text(),
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The manifest keeps each kind under its code, as it did when kinds were strings.
    #[test]
    fn a_kind_is_written_as_its_code() {
        for kind in Kind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.code()));
            assert_eq!(serde_json::from_str::<Kind>(&json).unwrap(), kind);
            assert_eq!(Kind::parse(kind.code()), Some(kind));
        }
    }
}
