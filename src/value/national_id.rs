//! Citizen ID numbers (12-digit CCCD, 9-digit CMND): validated, repaired where Excel
//! dropped the leading zero and the row confirms it, and checked against the row's
//! birth year and sex.

use crate::lang::rows;
use crate::lang::Text;
use crate::roll::{Birth, Sex};
use crate::t;
use compact_str::CompactString;

/// A validated citizen ID, digits only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NationalId {
    /// Inline: a national ID is at most 12 digits, no allocation a row.
    pub digits: CompactString,
    /// Set when Excel had dropped the leading zero and we restored it.
    pub restored: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdProblem {
    Scientific,
    NotDigits,
    Length(usize),
    Province(String),
    Century(char),
    /// An 11- or 10-digit value (Excel dropped one or two leading zeros) that does not
    /// validate once padded: the digits it has.
    LostZero(usize),
}

impl IdProblem {
    pub fn describe(&self) -> Text {
        match self {
            IdProblem::Scientific => t!(rows::EXCEL_WROTE_SCIENTIFIC_NOTATION),
            IdProblem::NotDigits => t!(rows::CONTAINS_CHARACTERS_OTHER_THAN),
            IdProblem::Length(n) => t!(rows::ID_HAS_DIGITS, *n),
            IdProblem::Province(p) => t!(rows::ID_PROVINCE, p.to_string()),
            IdProblem::Century(c) => t!(rows::ID_CENTURY, c.to_string()),
            IdProblem::LostZero(11) => {
                t!(rows::ID_LOST_ONE_ZERO)
            }
            IdProblem::LostZero(n) => t!(rows::ID_LOST_TWO_ZEROS, *n),
        }
    }

    pub fn hint(&self) -> Text {
        match self {
            IdProblem::Scientific | IdProblem::LostZero(_) => {
                t!(rows::FORMAT_ID_COLUMN_TEXT)
            }
            _ => t!(rows::CORRECT_ID_SOURCE_ROLL),
        }
    }
}

pub const ID_EXPECTED: &str = crate::lang::rows::ID_EXPECTED.en;

/// Parses a CCCD (12 digits) or CMND (9 digits). An 11- or 10-digit value (Excel drops
/// the leading zeros of a number: every CCCD registered in provinces 001–009 starts
/// `00`) is restored to 12 only when the padded number is a valid CCCD whose
/// century/sex digit and year agree with the row's birth date and sex.
pub fn parse_national_id(
    raw: &str,
    birth: Option<Birth>,
    sex: Option<Sex>,
) -> Result<NationalId, IdProblem> {
    // Sized once: collecting the characters grew the string three times a row.
    let raw = crate::text::trim(raw);
    let s: CompactString = if raw.bytes().all(|b| b.is_ascii_digit()) {
        // The usual cell: digits only, nothing to take out (and no exponent).
        raw.into()
    } else {
        let s: CompactString = raw
            .chars()
            .filter(|c| !matches!(c, ' ' | '\'' | '\u{a0}'))
            .collect();
        if is_scientific(&s) {
            return Err(IdProblem::Scientific);
        }
        if !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(IdProblem::NotDigits);
        }
        s
    };
    match s.len() {
        9 => Ok(NationalId {
            digits: s,
            restored: false,
        }),
        12 => {
            check_cccd(&s)?;
            Ok(NationalId {
                digits: s,
                restored: false,
            })
        }
        n @ (10 | 11) => {
            let padded = compact_str::format_compact!("{s:0>12}");
            // Ten digits that are no CCCD once padded (`0102001234`: province 000) are
            // a number of the wrong length, not one Excel shortened.
            if n == 10 && check_cccd(&padded).is_err() {
                return Err(IdProblem::Length(n));
            }
            let agrees = check_cccd(&padded).is_ok()
                && birth.is_some()
                && cccd_disagreements(&padded, birth, sex).is_empty();
            if agrees {
                Ok(NationalId {
                    digits: padded,
                    restored: true,
                })
            } else {
                Err(IdProblem::LostZero(n))
            }
        }
        n => Err(IdProblem::Length(n)),
    }
}

fn check_cccd(s: &str) -> Result<(), IdProblem> {
    let province: u32 = s[0..3].parse().map_err(|_| IdProblem::NotDigits)?;
    if !(1..=96).contains(&province) {
        return Err(IdProblem::Province(s[0..3].to_string()));
    }
    let century = s.as_bytes()[3] as char;
    if !('0'..='5').contains(&century) {
        return Err(IdProblem::Century(century));
    }
    Ok(())
}

/// The sex a 12-digit CCCD encodes in its fourth digit (century and sex: even for a
/// man, odd for a woman); `None` for a CMND or anything else.
pub fn cccd_sex(id: &str) -> Option<Sex> {
    let digit = id.as_bytes().get(3).filter(|_| id.len() == 12)?;
    digit.is_ascii_digit().then(|| match (digit - b'0') % 2 {
        0 => Sex::Male,
        _ => Sex::Female,
    })
}

/// What a valid 12-digit CCCD says that the row contradicts (for warnings).
pub fn cccd_disagreements(id: &str, birth: Option<Birth>, sex: Option<Sex>) -> Vec<Text> {
    let mut out = Vec::new();
    if id.len() != 12 {
        return out;
    }
    let digit = (id.as_bytes()[3] - b'0') as i32;
    let century = 1900 + 100 * (digit / 2);
    let id_sex = if digit % 2 == 0 {
        Sex::Male
    } else {
        Sex::Female
    };
    if let Some(b) = birth {
        let yy: i32 = id[4..6].parse().unwrap_or(-1);
        if b.year() != century + yy {
            let born = format!("{}{:02}", century / 100, yy);
            out.push(t!(rows::ID_SAYS_BORN, born, b.year()));
        }
    }
    if let Some(s) = sex {
        if s != id_sex {
            let said = |s: Sex| match s {
                Sex::Male => t!(rows::MALE),
                Sex::Female => t!(rows::FEMALE),
            };
            out.push(t!(rows::ID_SAYS_SEX, said(id_sex), said(s)));
        }
    }
    out
}

/// Looks like a number Excel wrote in scientific notation (an ID number or a code
/// typed as a number) (`1.2E+11`, `1,23457E+11`).
pub fn is_scientific(raw: &str) -> bool {
    // Nearly every cell has no `e` at all: no copy to lower-case then.
    if !raw.bytes().any(|b| b == b'e' || b == b'E') {
        return false;
    }
    let s = raw.trim().to_ascii_lowercase();
    match s.split_once('e') {
        Some((mantissa, exp)) => {
            !mantissa.is_empty()
                && mantissa
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
                && mantissa.chars().any(|c| c.is_ascii_digit())
                && exp
                    .trim_start_matches(['+', '-'])
                    .chars()
                    .all(|c| c.is_ascii_digit())
                && !exp.trim_start_matches(['+', '-']).is_empty()
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_say_what_is_wrong_and_how_to_fix_it() {
        // What a bad ID is told, and how to fix it.
        assert!(IdProblem::Scientific
            .describe()
            .en()
            .contains("scientific notation"));
        assert_eq!(IdProblem::Length(11).describe().en(), "it has 11 digits");
        for p in [
            IdProblem::Scientific,
            IdProblem::LostZero(11),
            IdProblem::LostZero(10),
        ] {
            assert_eq!(
                p.hint().en(),
                "format the ID column as Text in Excel and export again"
            );
        }
        assert_eq!(
            IdProblem::NotDigits.hint().en(),
            "correct the ID in the source roll, or leave the cell empty"
        );
    }

    #[test]
    fn the_fourth_digit_says_the_sex() {
        for (id, want) in [
            ("011202100001", Some(Sex::Male)),
            ("011303100002", Some(Sex::Female)),
            ("001090123456", Some(Sex::Male)),
            ("001190123456", Some(Sex::Female)),
            ("123456789", None),
            ("", None),
        ] {
            assert_eq!(cccd_sex(id), want, "{id}");
        }
    }

    #[test]
    fn national_ids() {
        let born = Some(Birth::Year(1990));
        assert_eq!(
            parse_national_id("001090123456", born, Some(Sex::Male))
                .unwrap()
                .digits,
            "001090123456"
        );
        assert_eq!(
            parse_national_id("123456789", None, None).unwrap().digits,
            "123456789"
        );
        // Ten digits: two zeros lost (province 001–009), restored when the row agrees.
        let r = parse_national_id("1190123456", born, Some(Sex::Female)).unwrap();
        assert_eq!((r.digits.as_str(), r.restored), ("001190123456", true));
        assert_eq!(
            parse_national_id("1190123456", born, Some(Sex::Male)),
            Err(IdProblem::LostZero(10))
        );
        assert_eq!(
            parse_national_id("1190123456", None, None),
            Err(IdProblem::LostZero(10))
        );
        assert_eq!(
            parse_national_id("119012345", born, None).map(|r| r.restored),
            Ok(false),
            "nine digits are a CMND"
        );
        assert_eq!(
            parse_national_id("11901234", born, None),
            Err(IdProblem::Length(8))
        );
        let r = parse_national_id("01190123456", born, Some(Sex::Female)).unwrap();
        assert_eq!((r.digits.as_str(), r.restored), ("001190123456", true));
        assert_eq!(
            parse_national_id("01190123456", born, Some(Sex::Male)),
            Err(IdProblem::LostZero(11))
        );
        assert_eq!(
            parse_national_id("01190123456", None, None),
            Err(IdProblem::LostZero(11))
        );
        assert_eq!(
            parse_national_id("1.2E+11", None, None),
            Err(IdProblem::Scientific)
        );
        assert_eq!(
            parse_national_id("0010901234AB", None, None),
            Err(IdProblem::NotDigits)
        );
        assert_eq!(
            parse_national_id("097090123456", None, None),
            Err(IdProblem::Province("097".into()))
        );
        assert_eq!(
            parse_national_id("001790123456", None, None),
            Err(IdProblem::Century('7'))
        );
        assert_eq!(
            parse_national_id("0010901234567", None, None),
            Err(IdProblem::Length(13))
        );
    }

    #[test]
    fn cccd_checks_against_row() {
        let id = "001290123456"; // 2000s, male, born 2090? no: digits 5-6 are "90"
        assert_eq!(
            cccd_disagreements(id, Some(Birth::Year(2090)), Some(Sex::Male)),
            Vec::<Text>::new()
        );
        assert_eq!(
            cccd_disagreements(id, Some(Birth::Year(1990)), None).len(),
            1
        );
        assert_eq!(cccd_disagreements(id, None, Some(Sex::Female)).len(), 1);
    }
}
