//! Dates in a cell: day-first or ISO, two-digit years, Excel serials, a bare birth
//! year, and what a date says about the order of day and month.

use chrono::NaiveDate;

use crate::roll::Birth;

pub const DATE_EXPECTED: &str = crate::lang::rows::DATE_EXPECTED.en;

/// Why a date did not parse; `MonthFirst` gets its own hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    Invalid,
    MonthFirst,
    /// Written as a date (day, month 1–12, year) of a day the calendar does not have:
    /// 31/02/1980, 29/02/2023. The month's last day, for the message.
    NoSuchDay {
        last: u32,
    },
}

/// Parses a day-first or ISO date. Two-digit years pivot on `pivot_year`: `yy` at or
/// below `pivot_year % 100` is 20yy, above it 19yy. A five-digit number is an Excel
/// serial date. A trailing time (`00:00:00`) is ignored.
pub fn parse_date(raw: &str, pivot_year: i32) -> Result<NaiveDate, DateError> {
    let s = crate::text::trim(raw);
    if let Some((d, m, year)) = dd_mm_yyyy(s) {
        return day_month_year(d, m, year);
    }
    if let Some((year, m, d)) = yyyy_mm_dd(s) {
        return NaiveDate::from_ymd_opt(year, m, d).ok_or_else(|| no_such_day(year, m, d));
    }
    let s = s.split([' ', 'T']).next().unwrap_or(s);
    if s.len() == 5 && s.bytes().all(|b| b.is_ascii_digit()) {
        let serial: i64 = s.parse().map_err(|_| DateError::Invalid)?;
        return excel_serial(serial).ok_or(DateError::Invalid);
    }
    let Some(parts) = three_parts(s) else {
        return Err(DateError::Invalid);
    };
    if parts
        .iter()
        .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(DateError::Invalid);
    }
    let num = |p: &str| p.parse::<u32>().map_err(|_| DateError::Invalid);
    if parts[0].len() == 4 {
        // ISO order: year first.
        let (y, m, d) = (num(parts[0])?, num(parts[1])?, num(parts[2])?);
        return NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(|| no_such_day(y as i32, m, d));
    }
    if parts[0].len() > 2 || parts[1].len() > 2 {
        return Err(DateError::Invalid);
    }
    let (d, m) = (num(parts[0])?, num(parts[1])?);
    let year = match parts[2].len() {
        4 => num(parts[2])? as i32,
        2 => {
            let yy = num(parts[2])? as i32;
            let pivot = pivot_year.rem_euclid(100);
            if yy <= pivot {
                pivot_year - pivot + yy
            } else {
                pivot_year - pivot - 100 + yy
            }
        }
        _ => return Err(DateError::Invalid),
    };
    day_month_year(d, m, year)
}

/// The date of day `d`, month `m`; a month above 12 that would make sense as the day
/// says the date is month-first.
fn day_month_year(d: u32, m: u32, year: i32) -> Result<NaiveDate, DateError> {
    match NaiveDate::from_ymd_opt(year, m, d) {
        Some(date) => Ok(date),
        None if m > 12 && d <= 12 && NaiveDate::from_ymd_opt(year, d, m).is_some() => {
            Err(DateError::MonthFirst)
        }
        None => Err(no_such_day(year, m, d)),
    }
}

/// Day, month and year of `dd/mm/yyyy` exactly (`/`, `-` or `.` between), the form
/// nearly every roll exports, read by position: a row has up to four dates, and
/// splitting each was 6% of an ingest. Anything else is for the general reading.
fn dd_mm_yyyy(s: &str) -> Option<(u32, u32, i32)> {
    let (lo, hi) = ten_byte_digits(s, [2, 5])?;
    let b = |i: u32| (lo >> (8 * i)) as u32 & 0xff;
    let year = b(6) * 1000 + b(7) * 100 + u32::from(hi & 0xff) * 10 + u32::from(hi >> 8);
    Some((b(0) * 10 + b(1), b(3) * 10 + b(4), year as i32))
}

/// Year, month and day of `yyyy-mm-dd` exactly (ISO; `/` or `.` also between).
fn yyyy_mm_dd(s: &str) -> Option<(i32, u32, u32)> {
    let (lo, hi) = ten_byte_digits(s, [4, 7])?;
    let b = |i: u32| (lo >> (8 * i)) as u32 & 0xff;
    let year = b(0) * 1000 + b(1) * 100 + b(2) * 10 + b(3);
    Some((
        year as i32,
        b(5) * 10 + b(6),
        u32::from(hi & 0xff) * 10 + u32::from(hi >> 8),
    ))
}

/// The digits of a ten-byte date whose separators stand at `at` (both in the first
/// eight bytes), as they stand: bytes 0–7 in one word (0 at the separators), 8–9 in
/// another. The bytes are checked all together: with `0` taken away a byte is a digit
/// when it is at most 9, its high half zero and still zero after adding 6 (no carry
/// can cross into the next byte then).
fn ten_byte_digits(s: &str, at: [usize; 2]) -> Option<(u64, u16)> {
    let b: &[u8; 10] = s.as_bytes().try_into().ok()?;
    if !at.iter().all(|&i| matches!(b[i], b'/' | b'-' | b'.')) {
        return None;
    }
    let seps = (0xffu64 << (8 * at[0])) | (0xffu64 << (8 * at[1]));
    let lo = (u64::from_le_bytes(*b.first_chunk::<8>()?) ^ 0x3030_3030_3030_3030) & !seps;
    let hi = u16::from_le_bytes([b[8], b[9]]) ^ 0x3030;
    let lo_ok = lo & 0xf0f0_f0f0_f0f0_f0f0 == 0
        && (lo + (0x0606_0606_0606_0606 & !seps)) & 0xf0f0_f0f0_f0f0_f0f0 == 0;
    let hi_ok = hi & 0xf0f0 == 0 && (hi + 0x0606) & 0xf0f0 == 0;
    (lo_ok && hi_ok).then_some((lo, hi))
}

/// The eight digits of a ten-byte date whose separators stand at `at`, in order.
#[cfg(test)]
fn digits_around(s: &str, at: [usize; 2]) -> Option<[u32; 8]> {
    let (lo, hi) = ten_byte_digits(s, at)?;
    let all = u128::from(lo) | u128::from(hi) << 64;
    let mut n = [0u32; 8];
    for (k, i) in (0..10).filter(|i| !at.contains(i)).enumerate() {
        n[k] = (all >> (8 * i)) as u32 & 0xff;
    }
    Some(n)
}

/// The three parts of `a/b/c` (`/`, `-` or `.` between them), none for another count.
/// Every row has several dates: collecting the parts in a vector was an allocation each.
fn three_parts(s: &str) -> Option<[&str; 3]> {
    let mut it = s.split(['/', '-', '.']);
    let parts = [it.next()?, it.next()?, it.next()?];
    it.next().is_none().then_some(parts)
}

/// Why day `d` of month `m` is not a date: a day past the month's end (`NoSuchDay`),
/// else not a date at all.
fn no_such_day(year: i32, m: u32, d: u32) -> DateError {
    let last = (28..=31)
        .rev()
        .find(|&day| NaiveDate::from_ymd_opt(year, m, day).is_some());
    match last {
        Some(last) if (1..=31).contains(&d) => DateError::NoSuchDay { last },
        _ => DateError::Invalid,
    }
}

/// A snapshot's as-of date (the option or an `as_of` column). A snapshot is taken by
/// now, so a two-digit year pivots on the current year: in 2026, `31/10/26` is 2026 and
/// `31/10/99` is 1999.
pub fn parse_as_of(raw: &str) -> Result<NaiveDate, DateError> {
    parse_date(raw, current_year())
}

/// This year by the local clock, read once: an `as_of` column asks for it on every row,
/// and the clock and time zone look-up were 2% of an ingest.
fn current_year() -> i32 {
    use chrono::Datelike;
    static YEAR: std::sync::OnceLock<i32> = std::sync::OnceLock::new();
    *YEAR.get_or_init(|| chrono::Local::now().year())
}

/// What one `a/b/yyyy` date says about the order of day and month: `Some(true)` when it
/// can only be day-first (a > 12), `Some(false)` when only month-first (b > 12).
pub fn day_first_evidence(raw: &str) -> Option<bool> {
    let s = crate::text::trim(raw);
    // Most cells of a leaving-date column are empty.
    if s.is_empty() {
        return None;
    }
    // A cell that starts with three digits starts with its year (`2013-11-19`): its
    // first part is no day or month, so it says nothing of their order.
    if s.as_bytes()
        .iter()
        .take(3)
        .filter(|b| b.is_ascii_digit())
        .count()
        == 3
    {
        return None;
    }
    if let Some((a, b, _)) = dd_mm_yyyy(s) {
        return evidence(a, b);
    }
    if yyyy_mm_dd(s).is_some() {
        return None;
    }
    let s = s.split([' ', 'T']).next().unwrap_or(s);
    let parts = three_parts(s)?;
    if parts[0].len() > 2 || parts[1].len() > 2 {
        return None;
    }
    let a: u32 = parts[0].parse().ok()?;
    let b: u32 = parts[1].parse().ok()?;
    evidence(a, b)
}

fn evidence(a: u32, b: u32) -> Option<bool> {
    match (a > 12, b > 12) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

fn excel_serial(serial: i64) -> Option<NaiveDate> {
    // Excel's day 0 is 1899-12-30 once its 1900 leap-year bug is accounted for.
    if !(1..=2_958_465).contains(&serial) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(chrono::Days::new(serial as u64))
}

/// A birth date, or a bare four-digit year.
pub fn parse_birth(raw: &str, pivot_year: i32) -> Result<Birth, DateError> {
    let s = crate::text::trim(raw);
    if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        let y: i32 = s.parse().map_err(|_| DateError::Invalid)?;
        return if (1900..=2100).contains(&y) {
            Ok(Birth::Year(y))
        } else {
            Err(DateError::Invalid)
        };
    }
    parse_date(s, pivot_year).map(Birth::Date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn ten_byte_dates_read_by_position_as_by_parts() {
        // A trailing time takes the date past the quick reading to the general one.
        for (d, m, y) in (0..=35).flat_map(|d| {
            (0..=14).flat_map(move |m| [0, 1900, 1999, 2000, 2024, 2026, 9999].map(|y| (d, m, y)))
        }) {
            for (a, b) in [('/', '/'), ('-', '-'), ('.', '/'), ('/', '-')] {
                for s in [
                    format!("{d:02}{a}{m:02}{b}{y:04}"),
                    format!("{y:04}{a}{m:02}{b}{d:02}"),
                ] {
                    let slow = format!("{s} 00:00:00");
                    assert_eq!(parse_date(&s, 2026), parse_date(&slow, 2026), "{s}");
                    assert_eq!(day_first_evidence(&s), day_first_evidence(&slow), "{s}");
                }
            }
        }
        assert_eq!(dd_mm_yyyy("2026-10-31"), None);
        assert_eq!(yyyy_mm_dd("2026-10-31"), Some((2026, 10, 31)));
        assert_eq!(yyyy_mm_dd("31/10/2026"), None);
        assert_eq!(dd_mm_yyyy("31/10/2O26"), None);
    }

    #[test]
    fn the_digits_of_a_ten_byte_date_are_read_as_one_byte_at_a_time() {
        let naive = |s: &str, at: [usize; 2]| -> Option<[u32; 8]> {
            let b = s.as_bytes();
            if b.len() != 10 || !at.iter().all(|&i| matches!(b[i], b'/' | b'-' | b'.')) {
                return None;
            }
            let d: Vec<u32> = (0..10)
                .filter(|i| !at.contains(i))
                .map(|i| u32::from(b[i]).wrapping_sub(u32::from(b'0')))
                .collect();
            d.iter().all(|&x| x <= 9).then(|| d.try_into().unwrap())
        };
        // Every ASCII byte at every place of both layouts.
        for (base, at) in [("12/34/5678", [2, 5]), ("1234-56-78", [4, 7])] {
            for i in 0..10 {
                for v in 0u8..128 {
                    let mut b = base.as_bytes().to_vec();
                    b[i] = v;
                    let s = String::from_utf8(b).unwrap();
                    assert_eq!(digits_around(&s, at), naive(&s, at), "{s:?}");
                }
            }
        }
        assert_eq!(digits_around("é1/34/567", [2, 5]), None);
    }

    #[test]
    fn a_day_the_calendar_does_not_have_is_told_as_such() {
        let no = |last| Err(DateError::NoSuchDay { last });
        assert_eq!(parse_date("31/02/1980", 2026), no(29));
        assert_eq!(parse_date("29/02/2023", 2026), no(28));
        assert_eq!(parse_date("31/04/2026", 2026), no(30));
        assert_eq!(parse_date("2026-02-30", 2026), no(28));
        // Not a date at all, or a month that does not exist: no day to speak of.
        assert_eq!(parse_date("00/02/2026", 2026), Err(DateError::Invalid));
        assert_eq!(parse_date("32/01/2026", 2026), Err(DateError::Invalid));
        assert_eq!(parse_date("15/13/2026", 2026), Err(DateError::Invalid));
    }

    #[test]
    fn dates() {
        let ok = [
            ("31/10/2026", d(2026, 10, 31)),
            ("1/2/2026", d(2026, 2, 1)),
            ("31-10-2026", d(2026, 10, 31)),
            ("31.10.2026", d(2026, 10, 31)),
            ("2026-10-31", d(2026, 10, 31)),
            (" 2026-10-31 00:00:00", d(2026, 10, 31)),
            ("31/10/2026 0:00", d(2026, 10, 31)),
            ("05/03/26", d(2026, 3, 5)),
            ("05/03/27", d(1927, 3, 5)),
            ("46326", d(2026, 10, 31)),
            ("29/02/2024", d(2024, 2, 29)),
        ];
        for (raw, want) in ok {
            assert_eq!(parse_date(raw, 2026), Ok(want), "{raw:?}");
        }
        let bad = [
            ("10/31/2026", DateError::MonthFirst),
            ("29/02/2023", DateError::NoSuchDay { last: 28 }),
            ("2026", DateError::Invalid),
            ("", DateError::Invalid),
            ("31/10", DateError::Invalid),
            ("hôm qua", DateError::Invalid),
            ("31/10/202", DateError::Invalid),
            ("2026/13/01", DateError::Invalid),
        ];
        for (raw, want) in bad {
            assert_eq!(parse_date(raw, 2026), Err(want), "{raw:?}");
        }
    }

    #[test]
    fn order_evidence() {
        assert_eq!(day_first_evidence("31/10/2026"), Some(true));
        assert_eq!(day_first_evidence("10/31/2026"), Some(false));
        assert_eq!(day_first_evidence("05/03/2026"), None);
        assert_eq!(day_first_evidence("2026-10-31"), None);
    }

    #[test]
    fn birth_and_age() {
        assert_eq!(parse_birth("1990", 2026), Ok(Birth::Year(1990)));
        assert_eq!(
            parse_birth("15/06/1990", 2026),
            Ok(Birth::Date(d(1990, 6, 15)))
        );
        assert!(parse_birth("0990", 2026).is_err());
        let b = Birth::Date(d(1996, 11, 1));
        assert_eq!(b.age_on(d(2026, 10, 31)), 29);
        assert_eq!(b.age_on(d(2026, 11, 1)), 30);
        assert_eq!(Birth::Year(1996).age_on(d(2026, 1, 1)), 30);
    }

    #[test]
    fn as_of_two_digit_years_pivot_on_the_current_year() {
        use chrono::Datelike;
        let y = chrono::Local::now().year();
        let yy = |y: i32| format!("31/10/{:02}", y.rem_euclid(100));
        assert_eq!(parse_as_of(&yy(y)), Ok(d(y, 10, 31)));
        assert_eq!(parse_as_of(&yy(y - 1)), Ok(d(y - 1, 10, 31)));
        // A year after this one is last century's: a snapshot is never in the future.
        assert_eq!(parse_as_of(&yy(y + 1)), Ok(d(y + 1 - 100, 10, 31)));
        assert_eq!(parse_as_of("31/10/2026"), Ok(d(2026, 10, 31)));
    }
}
