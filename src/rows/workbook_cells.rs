//! A workbook cell as the user sees it: a date cell as a day-first date, a number
//! without its `.0` (an ID typed as a number keeps its digits), a formula by its cached
//! value, an error cell as the error (`#N/A`), which the row checks reject with why.
//! A percent cell is written the same way (`percent_cells.rs`), and `value/`
//! takes float noise out of a percentage with `round_noise`.

use calamine::{Data, DataRef};

use crate::t;

/// What a formula cell saved without its value reads as: an error in Excel's style
/// that no spreadsheet produces, so the row checks reject it in a column tally reads
/// (an STT formula in a column it ignores stays harmless), and messages and the
/// rejects file show it.
pub const NO_CACHED_VALUE: &str = "#NOVALUE!";

/// Why a cell tally reads holds no value: a spreadsheet error (`#N/A`, `#REF!`: a
/// formula that failed) or a formula saved without its value; with the hint.
pub fn cell_trouble(cell: &str) -> Option<(crate::lang::Text, crate::lang::Text)> {
    const ERRORS: [&str; 8] = [
        "#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#DATA!",
    ];
    // Every cell a row reads comes here: most hold no `#`, which both troubles start with.
    if !cell.as_bytes().contains(&b'#') {
        return None;
    }
    let v = cell.trim();
    if v.eq_ignore_ascii_case(NO_CACHED_VALUE) {
        Some((
            t!(crate::lang::sources::CELL_HOLDS_FORMULA_SAVED),
            t!(crate::lang::sources::OPEN_WORKBOOK_EXCEL_LIBREOFFICE),
        ))
    } else if v.starts_with('#') && ERRORS.contains(&v.to_uppercase().as_str()) {
        Some((
            t!(crate::lang::sources::CELL_HOLDS_SPREADSHEET_ERROR),
            t!(crate::lang::sources::CORRECT_FORMULA_VALUE_WORKBOOK),
        ))
    } else {
        None
    }
}

pub(super) fn text_of(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
        Data::DateTime(dt) => date_time(dt),
        Data::DateTimeIso(s) => iso_date(s),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

pub(super) fn text_of_ref(d: &DataRef) -> String {
    match d {
        DataRef::Empty => String::new(),
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => s.to_string(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number(*f),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
        DataRef::DateTime(dt) => date_time(dt),
        DataRef::DateTimeIso(s) => iso_date(s),
        DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(e) => e.to_string(),
    }
}

/// A date cell as a day-first date (the time of day, if any, is dropped: rolls hold
/// days); a time or duration cell as its number.
fn date_time(dt: &calamine::ExcelDateTime) -> String {
    if !dt.is_datetime() {
        return number(dt.as_f64());
    }
    let (y, m, d, ..) = dt.to_ymd_hms_milli();
    if y > 9999 {
        return format!("{d:02}/{m:02}/{y:04}");
    }
    // A million date cells: written digit by digit, not through `format!`.
    let digit = |n: u16| char::from(b'0' + (n % 10) as u8);
    let mut s = String::with_capacity(10);
    for (n, width) in [(u16::from(d), 2), (u16::from(m), 2), (y, 4)] {
        if !s.is_empty() {
            s.push('/');
        }
        if width == 4 {
            s.push(digit(n / 1000));
            s.push(digit(n / 100));
        }
        s.push(digit(n / 10));
        s.push(digit(n));
    }
    s
}

/// ODS writes dates as ISO 8601 (`2026-10-31`, `2026-10-31T00:00:00`): the day.
fn iso_date(s: &str) -> String {
    match s.get(..10) {
        Some(day) if s.len() == 10 || s[10..].starts_with('T') => day.to_string(),
        _ => s.to_string(),
    }
}

/// A number as Excel shows it in General format: integers without `.0` (an ID typed
/// as a number keeps its digits), others in their shortest form.
pub(crate) fn number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

/// A product like 0.07 × 100 without its float noise (7.000000000000001 → 7): nine
/// decimals are more than any office types.
pub(crate) fn round_noise(v: f64) -> f64 {
    let r = (v * 1e9).round() / 1e9;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_as_the_user_sees_them() {
        assert_eq!(number(1234567890.0), "1234567890");
        assert_eq!(number(0.5), "0.5");
        assert_eq!(number(-3.0), "-3");
        assert_eq!(iso_date("2026-10-31T00:00:00"), "2026-10-31");
        assert_eq!(iso_date("2026-10-31"), "2026-10-31");
        assert_eq!(iso_date("PT1H"), "PT1H");
        let dt =
            calamine::ExcelDateTime::new(46326.0, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(date_time(&dt), "31/10/2026");
        // The same day in the 1904 system is 1,462 days fewer.
        let dt = calamine::ExcelDateTime::new(44864.0, calamine::ExcelDateTimeType::DateTime, true);
        assert_eq!(date_time(&dt), "31/10/2026");
        assert_eq!(text_of(&Data::Error(calamine::CellErrorType::NA)), "#N/A");
    }
}
