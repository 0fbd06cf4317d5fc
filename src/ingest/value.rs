//! Parsers for single cell values: dates (in `date`), booleans, sex, citizen IDs (in
//! `national_id`), status words (in `status`), counts. Each returns what it found or a
//! short statement of what was expected.

use crate::text::fold;

pub use super::status::{parse_status, Status, StatusError, STATUS_EXPECTED};

pub use super::date::{
    day_first_evidence, parse_as_of, parse_birth, parse_date, DateError, DATE_EXPECTED,
};
pub use super::national_id::{
    cccd_disagreements, parse_national_id, IdProblem, NationalId, ID_EXPECTED,
};
pub use crate::roll::{Birth, Sex};
pub use crate::text::parse_bool;

pub const BOOL_EXPECTED: &str = "yes/no, y/n, true/false, 1/0, x or empty, có/không";

/// A value outside a closed vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unrecognized;

pub const SEX_EXPECTED: &str = "Nam/Nữ, M/F or male/female";

/// `Ok(None)` for an empty cell, `Err` for a value we cannot read.
pub fn parse_sex(raw: &str) -> Result<Option<Sex>, Unrecognized> {
    // The usual spellings first: folding allocates, and every row has a sex.
    match crate::text::trim(raw) {
        "" => return Ok(None),
        "Nam" | "nam" | "NAM" | "M" | "m" => return Ok(Some(Sex::Male)),
        "Nữ" | "nữ" | "NỮ" | "F" | "f" => return Ok(Some(Sex::Female)),
        _ => {}
    }
    match fold(raw).as_str() {
        "nam" | "m" | "male" | "trai" | "man" => Ok(Some(Sex::Male)),
        "nu" | "f" | "female" | "gai" | "woman" => Ok(Some(Sex::Female)),
        _ => Err(Unrecognized),
    }
}

/// A count: a whole number ≥ 0, thousands separators (`1.234`, `1,234`, `1 234`) allowed.
pub fn parse_count(raw: &str) -> Option<u64> {
    let s: String = raw
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}'))
        .collect();
    if s.is_empty() {
        return None;
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    // Grouped thousands: every group after the first has exactly three digits.
    for sep in ['.', ','] {
        let groups: Vec<&str> = s.split(sep).collect();
        if groups.len() > 1
            && !groups[0].is_empty()
            && groups[0].len() <= 3
            && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
            && groups[1..].iter().all(|g| g.len() == 3)
        {
            return groups.concat().parse().ok();
        }
    }
    None
}

/// A percentage 0–100 (`45`, `45.5`, `45,5`, `45%`).
pub fn parse_pct(raw: &str) -> Option<f64> {
    let s = raw.trim().trim_end_matches('%').trim().replace(',', ".");
    let v: f64 = s.parse().ok()?;
    (v.is_finite() && (0.0..=100.0).contains(&v)).then_some(v)
}

/// Looks like a number Excel wrote in scientific notation (`1.2E+11`, `1,23457E+11`).
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
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Cases the first mutation run (cargo-mutants) showed untested. Equivalent mutants,
    /// which no input can tell apart, are listed in RELIABILITY.md with the reason.
    #[test]
    fn edges_the_mutants_found() {
        // A date part with a sign, or a three-digit day or month, is not a date.
        for bad in ["31/+1/2026", "31/010/2026", "2026-+1-05"] {
            assert_eq!(parse_date(bad, 2026), Err(DateError::Invalid), "{bad}");
        }
        // Month-first only when the swapped date exists: 31 February is just invalid.
        assert_eq!(parse_date("02/31/2026", 2026), Err(DateError::Invalid));
        assert_eq!(parse_date("10/31/2026", 2026), Err(DateError::MonthFirst));
        // Evidence of day order: 13 and over can only be a day; 12 either.
        assert_eq!(day_first_evidence("13/12/2026"), Some(true));
        assert_eq!(day_first_evidence("12/13/2026"), Some(false));
        assert_eq!(day_first_evidence("12/12/2026"), None);
        assert_eq!(day_first_evidence("1/100/2026"), None);
        // A birth date may be an Excel serial: five digits are a date, not a year.
        assert_eq!(parse_birth("12345", 2026), Ok(Birth::Date(d(1933, 10, 18))));
        // Scientific notation as Excel writes it, and what only looks like it.
        assert!(is_scientific("1,23457E+11"));
        assert!(is_scientific("1.2e11"));
        for not in [
            "e+11", "E11", ".e5", "1.2e", "1.2E+", "1.2E+1x", "1x2E+11", "abc",
        ] {
            assert!(!is_scientific(not), "{not}");
        }
    }

    #[test]
    fn booleans() {
        for t in ["yes", "Y", "true", "1", "x", "X", "Có", "co"] {
            assert_eq!(parse_bool(t), Some(true), "{t}");
        }
        for f in ["no", "N", "FALSE", "0", "", "Không", "khong"] {
            assert_eq!(parse_bool(f), Some(false), "{f}");
        }
        assert_eq!(parse_bool("maybe"), None);
    }

    #[test]
    fn sex() {
        assert_eq!(parse_sex("Nam"), Ok(Some(Sex::Male)));
        assert_eq!(parse_sex("Nữ"), Ok(Some(Sex::Female)));
        assert_eq!(parse_sex("NU"), Ok(Some(Sex::Female)));
        assert_eq!(parse_sex("F"), Ok(Some(Sex::Female)));
        assert_eq!(parse_sex(""), Ok(None));
        assert_eq!(parse_sex("?"), Err(Unrecognized));
    }

    #[test]
    fn counts_and_pcts() {
        assert_eq!(parse_count("1234"), Some(1234));
        assert_eq!(parse_count("1.234"), Some(1234));
        assert_eq!(parse_count("1,234,567"), Some(1_234_567));
        assert_eq!(parse_count("1 234"), Some(1234));
        assert_eq!(parse_count("-5"), None);
        assert_eq!(parse_count("12.5"), None);
        assert_eq!(parse_count(""), None);
        assert_eq!(parse_pct("45,5"), Some(45.5));
        assert_eq!(parse_pct("80%"), Some(80.0));
        assert_eq!(parse_pct("101"), None);
        assert_eq!(parse_pct("NaN"), None);
    }
}
