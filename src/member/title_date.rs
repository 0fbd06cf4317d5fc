//! The date a roll's title block gives its figures ("Số liệu đến ngày 31/10/2026",
//! "DANH SÁCH ĐOÀN VIÊN (tính đến 31/10/2026)", "THÁNG 10/2026"), to be checked against
//! the snapshot date: last month's export ingested under this month's date is refused.
//!
//! Which phrases date the figures: a date after "đến (ngày)", "tính đến", "chốt (số
//! liệu)", "tại thời điểm", "as of"; a month with its year ("Tháng 10 năm 2026",
//! "THÁNG 10/2026"). A bare date is not one: the date a list was signed ("Sa Pa, ngày
//! 05 tháng 11 năm 2026") or printed says when the paper was made, not what it counts.

use chrono::{Datelike, NaiveDate};

use crate::text::fold;

/// What a title (or a sheet's name) says the figures are as of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TitleDate {
    pub claim: Claim,
    /// The title line that says it, as written (or the sheet's name).
    pub line: String,
    /// Whether a sheet's name says it, not a title line.
    pub sheet: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Claim {
    Day(NaiveDate),
    /// A month (year, month): any as-of date within it agrees.
    Month(i32, u32),
}

impl TitleDate {
    /// Whether a snapshot as of `as_of` is what the title says.
    pub(crate) fn agrees(&self, as_of: NaiveDate) -> bool {
        match self.claim {
            Claim::Day(d) => d == as_of,
            Claim::Month(y, m) => as_of.year() == y && as_of.month() == m,
        }
    }

    /// The day to give `--as-of`: the title's, or its month's last.
    pub(crate) fn day(&self) -> Option<NaiveDate> {
        match self.claim {
            Claim::Day(d) => Some(d),
            Claim::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1)?
                .checked_add_months(chrono::Months::new(1))?
                .pred_opt(),
        }
    }

    /// "31/10/2026", "10/2026".
    pub(crate) fn said(&self) -> String {
        match self.claim {
            Claim::Day(d) => d.format("%d/%m/%Y").to_string(),
            Claim::Month(y, m) => format!("{m:02}/{y}"),
        }
    }
}

/// Words (folded) after which a date is the figures' date.
const MARKERS: &[&[&str]] = &[
    &["den"],
    &["chot"],
    &["thoi", "diem"],
    &["as", "of"],
    &["as", "at"],
];

/// The first date of the figures the title block names, if any.
pub(crate) fn figures_date(title: &[String]) -> Option<TitleDate> {
    title.iter().find_map(|line| {
        let claim = claim_in(&fold(line)).or_else(|| short_month(line))?;
        Some(TitleDate {
            claim,
            line: line.clone(),
            sheet: false,
        })
    })
}

/// The month a sheet's name says ("Tháng 10-2026", "T10.2026", "10-2026"), if any: a
/// monthly workbook's sheet is named after the month its figures are of.
pub(crate) fn sheet_date(name: &str) -> Option<TitleDate> {
    let folded = fold(name);
    let words: Vec<&str> = folded.split(' ').collect();
    let claim = claim_in(&folded)
        .or_else(|| short_month(name))
        .or_else(|| {
            // The name is a month and a four-digit year, nothing else.
            match words.as_slice() {
                [m, y] if y.len() == 4 => month_at(&[*m, *y]).map(|(y, m)| Claim::Month(y, m)),
                _ => None,
            }
        })?;
    Some(TitleDate {
        claim,
        line: name.to_string(),
        sheet: true,
    })
}

/// "T10/26", "T10/2026", "T10.2026": a month written short, its year after a slash,
/// dash or dot (so that "Tổ 2, 15 hộ" is not a month).
fn short_month(raw: &str) -> Option<Claim> {
    let b = raw.as_bytes();
    (0..b.len()).find_map(|at| {
        let starts_word = at == 0 || !b[at - 1].is_ascii_alphanumeric();
        if !starts_word || !matches!(b[at], b'T' | b't') {
            return None;
        }
        let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
        let m_len = digits(at + 1);
        let sep = at + 1 + m_len;
        if !(1..=2).contains(&m_len) || !matches!(b.get(sep), Some(b'/' | b'-' | b'.')) {
            return None;
        }
        let y_len = digits(sep + 1);
        let end = sep + 1 + y_len;
        if b.get(end).is_some_and(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        let m = &raw[at + 1..sep];
        let y = &raw[sep + 1..end];
        month_at(&[m, y]).map(|(y, m)| Claim::Month(y, m))
    })
}

fn claim_in(folded: &str) -> Option<Claim> {
    let words: Vec<&str> = folded.split(' ').collect();
    for at in 0..words.len() {
        if let Some(m) = MARKERS.iter().find(|m| words[at..].starts_with(m)) {
            if let Some(d) = day_at(&words[at + m.len()..]) {
                return Some(Claim::Day(d));
            }
        }
        if words[at] == "thang" && !in_full_date(&words, at) {
            if let Some((y, m)) = month_at(&words[at + 1..]) {
                return Some(Claim::Month(y, m));
            }
        }
    }
    None
}

/// A date at the start of `words`, within a few words of filler ("số liệu ngày").
fn day_at(words: &[&str]) -> Option<NaiveDate> {
    let from = words.iter().take(4).position(|w| number(w).is_some())?;
    let w = &words[from..];
    let n = |i: usize| w.get(i).and_then(|x| number(x));
    // 31 10 2026 (31/10/2026), 2026 10 31 (ISO), 31 thang 10 nam 2026.
    // The year's word is kept: two digits are read as 20yy.
    let (d, m, (y, at)) = match (n(0), n(1), n(2)) {
        (Some(y), Some(m), Some(d)) if w[0].len() == 4 => (d, m, (y, 0)),
        (Some(d), Some(m), Some(y)) => (d, m, (y, 2)),
        _ if w.get(1) == Some(&"thang") && w.get(3) == Some(&"nam") => (n(0)?, n(2)?, (n(4)?, 4)),
        _ => return None,
    };
    let y = year(w[at], y)?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// A year as a title writes it: four digits, or two ("31/10/26") read as 20yy.
fn year(word: &str, n: u32) -> Option<i32> {
    let n = i32::try_from(n).ok()?;
    match word.len() {
        2 => Some(2000 + n),
        4 if n >= 1900 => Some(n),
        _ => None,
    }
}

/// A month and year at the start of `words`: "10 nam 2026", "10 2026".
fn month_at(words: &[&str]) -> Option<(i32, u32)> {
    let m = number(words.first()?)?;
    let w = match words.get(1) {
        Some(&"nam") => words.get(2)?,
        Some(w) => w,
        None => return None,
    };
    let y = year(w, number(w)?)?;
    (1..=12).contains(&m).then_some((y, m))
}

/// Whether the "tháng" at `at` is the middle of a full date ("ngày 05 tháng 11 năm
/// 2026"): a day number before it.
fn in_full_date(words: &[&str], at: usize) -> bool {
    at > 0 && number(words[at - 1]).is_some()
}

fn number(w: &str) -> Option<u32> {
    (!w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<Claim> {
        Some(Claim::Day(NaiveDate::from_ymd_opt(y, m, d).unwrap()))
    }

    #[test]
    fn the_figures_date_is_told_from_a_signing_date() {
        for (line, want) in [
            ("Số liệu đến ngày 31/10/2026", day(2026, 10, 31)),
            (
                "DANH SÁCH ĐOÀN VIÊN (tính đến 31/10/2026)",
                day(2026, 10, 31),
            ),
            (
                "DANH SÁCH HỘI VIÊN TÍNH ĐẾN NGÀY 30-9-2026",
                day(2026, 9, 30),
            ),
            ("Chốt số liệu ngày 31 tháng 10 năm 2026", day(2026, 10, 31)),
            ("Ngày chốt số liệu: 2026-10-31", day(2026, 10, 31)),
            ("Tại thời điểm 31/10/2026", day(2026, 10, 31)),
            ("Roll as of 31/10/2026", day(2026, 10, 31)),
            ("Số liệu từ 01/10/2026 đến 31/10/2026", day(2026, 10, 31)),
            (
                "Số liệu đến hết tháng 10/2026",
                Some(Claim::Month(2026, 10)),
            ),
            ("Tháng 10 năm 2026", Some(Claim::Month(2026, 10))),
            ("BÁO CÁO THÁNG 10/2026", Some(Claim::Month(2026, 10))),
            (
                "Danh sách hội viên đến tháng 9-2026",
                Some(Claim::Month(2026, 9)),
            ),
            // When the paper was signed or printed: not the figures' date.
            ("Sa Pa, ngày 05 tháng 11 năm 2026", None),
            ("Ngày in: 05/11/2026", None),
            ("Kèm theo Công văn số 12/CV ngày 01/11/2026", None),
            // A year alone, a month without its year, a date that does not exist.
            ("DANH SÁCH ĐOÀN VIÊN NĂM 2026", None),
            ("Tháng 10", None),
            ("Tháng 13 năm 2026", None),
            ("Số liệu đến ngày 31/02/2026", None),
            ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", None),
            // A two-digit year is of this century.
            ("Số liệu đến 31/10/26", day(2026, 10, 31)),
            ("Tính đến ngày 30-9-26", day(2026, 9, 30)),
            ("Tháng 10/26", Some(Claim::Month(2026, 10))),
        ] {
            assert_eq!(claim_in(&fold(line)), want, "{line}");
        }
    }

    #[test]
    fn a_month_written_short_or_as_a_sheet_name() {
        let month = |name: &str| sheet_date(name).map(|t| t.claim);
        for (name, want) in [
            ("Tháng 10-2026", Some(Claim::Month(2026, 10))),
            ("T10.2026", Some(Claim::Month(2026, 10))),
            ("T10/26", Some(Claim::Month(2026, 10))),
            ("10-2026", Some(Claim::Month(2026, 10))),
            ("THANG 9 NAM 2026", Some(Claim::Month(2026, 9))),
            ("Sheet1", None),
            ("Chi hội Na Sang", None),
            ("2026", None),
            ("10-26", None),
            ("Tổ 2, 15 hộ", None),
            ("T13/2026", None),
        ] {
            assert_eq!(month(name), want, "{name}");
        }
        let t = figures_date(&["BÁO CÁO T10/26".to_string()]).unwrap();
        assert_eq!(t.claim, Claim::Month(2026, 10));
        assert!(!t.sheet);
    }

    #[test]
    fn a_month_agrees_with_any_day_in_it() {
        let t = figures_date(&[
            "HỘI LHPN XÃ A".to_string(),
            "THÁNG 10/2026".to_string(),
            "Sa Pa, ngày 05 tháng 11 năm 2026".to_string(),
        ])
        .unwrap();
        assert_eq!(t.line, "THÁNG 10/2026");
        assert_eq!(t.said(), "10/2026");
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        assert!(t.agrees(d(10, 31)));
        assert!(t.agrees(d(10, 1)));
        assert!(!t.agrees(d(11, 30)));
        assert!(!t.agrees(d(9, 30)));
    }
}
