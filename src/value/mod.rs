//! Parsers for single cell values: dates (in `date`), booleans, sex, citizen IDs (in
//! `national_id`), status words (in `rows/status.rs`, where header finding reads them
//! too), counts, percentages and shares (one reading rule for every reference file).
//! Each returns what it found or a short statement of what was expected; a value
//! refused is a [`problem::Problem`], with its file, line and column.
//!
//! One reading rule for rolls and reference files alike: `member/` and
//! `reference/read/` both read their cells here. This room imports only `rows/` and
//! the leaves, never a room that reads rows.

mod date;
pub mod national_id;
pub mod problem;

use crate::lang::rows;
use crate::rows::workbook_cells::round_noise;
use crate::t;
use crate::text::fold;

pub use crate::rows::status::{parse_status, Status, StatusError, STATUS_EXPECTED};

pub use crate::roll::{Birth, Sex};
pub use crate::text::parse_bool;
pub use date::{
    day_first_evidence, parse_as_of, parse_birth, parse_date, DateError, DATE_EXPECTED,
};
pub use national_id::{
    cccd_disagreements, is_scientific, parse_national_id, IdProblem, NationalId, ID_EXPECTED,
};

pub const BOOL_EXPECTED: &str = rows::BOOL_EXPECTED.en;

/// A value outside a closed vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unrecognized;

pub const SEX_EXPECTED: &str = crate::lang::rows::SEX_EXPECTED.en;

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
    // Grouped thousands: every group after the first has exactly three digits, and the
    // first is no 0 (found by review: `0.125`, a fraction, was read as 125).
    for sep in ['.', ','] {
        let groups: Vec<&str> = s.split(sep).collect();
        if groups.len() > 1
            && !groups[0].is_empty()
            && !groups[0].starts_with('0')
            && groups[0].len() <= 3
            && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
            && groups[1..].iter().all(|g| g.len() == 3)
        {
            return groups.concat().parse().ok();
        }
    }
    None
}

/// How a percentage or a share is written: with `%` (typed so, or a workbook cell
/// formatted as a percentage, which the workbook reader writes as the user sees it,
/// `75%`) it is that percentage, whatever the column; a bare number is read by the
/// column's own rule ([`parse_pct`], [`parse_share`]). The one reading rule of every
/// reference file.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Written {
    /// `75%`, `0,75 %`: so many percent.
    Percent(f64),
    /// `75`, `0.75`, `0,75`: a number, no sign.
    Bare(f64),
}

/// `75%`, `75 %`, `75,5%`, `0.75`: the number and whether it carries `%`.
pub fn parse_written(raw: &str) -> Option<Written> {
    let t = raw.trim();
    let (num, pct) = match t.strip_suffix('%') {
        Some(n) => (n.trim(), true),
        None => (t, false),
    };
    let v: f64 = num.replace(',', ".").parse().ok()?;
    if !v.is_finite() {
        return None;
    }
    Some(if pct {
        Written::Percent(v)
    } else {
        Written::Bare(v)
    })
}

/// Why a cell is not a percentage.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PctError {
    /// Not a number from 0 to 100.
    NotAPct,
    /// A bare fraction from 0 to 1 (`0.75`): 0.75% as written, or 75% as a spreadsheet
    /// cell formatted as a percentage shows it. Neither is guessed.
    Ambiguous(f64),
}

/// A percentage from 0 to 100, for a column of percentages (targets): `45`, `45,5`,
/// `45%`, `0.5%`. A bare number above 0 and at most 1 is refused as ambiguous.
pub fn parse_pct(raw: &str) -> Result<f64, PctError> {
    let v = match parse_written(raw).ok_or(PctError::NotAPct)? {
        Written::Percent(v) => v,
        Written::Bare(v) if v > 0.0 && v <= 1.0 => return Err(PctError::Ambiguous(v)),
        Written::Bare(v) => v,
    };
    if (0.0..=100.0).contains(&v) {
        Ok(v)
    } else {
        Err(PctError::NotAPct)
    }
}

/// The reason and hint for a percentage cell that cannot be read: "0.75 could be 0.75%
/// or 75%: write 75% or 0.75%".
pub fn pct_problem(e: PctError) -> (crate::lang::Text, crate::lang::Text) {
    match e {
        PctError::NotAPct => (t!(rows::NOT_A_PERCENTAGE), t!(rows::WRITE_PERCENTAGE)),
        PctError::Ambiguous(v) => {
            let as_pct = round_noise(v * 100.0);
            use crate::lang::Text;
            let (v, as_pct) = (
                Text::Decimal(v.to_string()),
                Text::Decimal(as_pct.to_string()),
            );
            (
                t!(rows::PCT_AMBIGUOUS, v.clone(), v.clone(), as_pct.clone()),
                t!(rows::PCT_AMBIGUOUS_HINT, as_pct, v),
            )
        }
    }
}

/// A share in (0, 1], for a column of shares (the mapping file): `0.4`, `0,4`, `40%`,
/// `40 %`. A bare number above 1 is not a share.
pub fn parse_share(raw: &str) -> Option<f64> {
    let v = match parse_written(raw)? {
        Written::Percent(v) => v / 100.0,
        Written::Bare(v) => v,
    };
    (v > 0.0 && v <= 1.0).then_some(v)
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
        assert_eq!(parse_count("0.125"), None);
        assert_eq!(parse_count("0,500"), None);
        assert_eq!(parse_count("012.345"), None);
        assert_eq!(parse_count(""), None);
    }

    /// One reading rule: `%` is a percentage in every column; a bare number is a
    /// percentage in a column of percentages unless it is a fraction from 0 to 1
    /// (refused as ambiguous), and a fraction in a column of shares.
    #[test]
    fn percentages_and_shares_as_offices_write_them() {
        let pcts = [
            ("45,5", Ok(45.5)),
            ("80%", Ok(80.0)),
            ("75 %", Ok(75.0)),
            ("0.75%", Ok(0.75)),
            ("100", Ok(100.0)),
            ("0", Ok(0.0)),
            ("0%", Ok(0.0)),
            ("2", Ok(2.0)),
            ("0.75", Err(PctError::Ambiguous(0.75))),
            ("0,75", Err(PctError::Ambiguous(0.75))),
            ("1", Err(PctError::Ambiguous(1.0))),
            ("101", Err(PctError::NotAPct)),
            ("101%", Err(PctError::NotAPct)),
            ("-5", Err(PctError::NotAPct)),
            ("NaN", Err(PctError::NotAPct)),
            ("", Err(PctError::NotAPct)),
        ];
        for (raw, want) in pcts {
            assert_eq!(parse_pct(raw), want, "{raw:?}");
        }
        assert_eq!(
            pct_problem(PctError::Ambiguous(0.07)).0.en(),
            "0.07 could be 0.07% or 7%"
        );
        let hint = pct_problem(PctError::Ambiguous(0.75)).1.en();
        assert!(
            hint.starts_with(
                "write 75% or 0.75%: a bare number from 0 to 1 is not read as a percentage"
            ) && hint.contains("save the workbook as .xlsx"),
            "{hint}"
        );
        let shares = [
            ("0.4", Some(0.4)),
            ("0,4", Some(0.4)),
            ("40%", Some(0.4)),
            ("100 %", Some(1.0)),
            ("1", Some(1.0)),
            ("40", None),
            ("0", None),
            ("-0.2", None),
        ];
        for (raw, want) in shares {
            assert_eq!(parse_share(raw), want, "{raw:?}");
        }
        assert_eq!(round_noise(0.07 * 100.0), 7.0);
        assert_eq!(round_noise(0.755 * 100.0), 75.5);
    }
}
