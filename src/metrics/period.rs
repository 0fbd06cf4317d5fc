//! Report periods: a month, quarter, half-year or year, or a single date (stock only).

use chrono::{Datelike, Months, NaiveDate};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    /// As printed in reports: `2026-10`, `2026-Q3`, `2026-H1`, `2026`, or a date.
    pub label: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// A single date: stock only, no flows.
    pub point: bool,
}

pub const PERIOD_FORMS: &str =
    "2026-10 (10/2026, tháng 10/2026), 2026-Q3 (quý 3/2026), 2026-H1 (6 tháng đầu năm 2026), 2026 (năm 2026), this-month, last-month, this-year, last-year";

fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, 1)?
        .checked_add_months(Months::new(1))?
        .pred_opt()
}

impl Period {
    fn span(label: String, y: i32, m0: u32, months: u32) -> Option<Period> {
        let start = NaiveDate::from_ymd_opt(y, m0, 1)?;
        let end = month_end(y, m0 + months - 1)?;
        Some(Period {
            label,
            start,
            end,
            point: false,
        })
    }

    pub fn month(y: i32, m: u32) -> Option<Period> {
        Self::span(format!("{y}-{m:02}"), y, m, 1)
    }

    pub fn at(date: NaiveDate) -> Period {
        Period {
            label: date.to_string(),
            start: date,
            end: date,
            point: true,
        }
    }

    /// Parses a period; relative forms count from `today`. Besides the machine forms
    /// (`2026-10`, `2026-Q4`, `2026-H1`, `2026`), the ways people write them:
    /// `10/2026`, `T10/2026`, `tháng 10/2026`, `Q4/2026`, `quý 4/2026`, `quý IV/2026`,
    /// `6 tháng đầu năm 2026`, `6 tháng cuối năm 2026`, `năm 2026`.
    /// Only a year a roll or target may have (1900 to 2100, as --year takes): `0000`
    /// is a slip, not year 0.
    pub fn parse(raw: &str, today: NaiveDate) -> Option<Period> {
        Self::parse_any(raw, today).filter(|p| (1900..=2100).contains(&p.start.year()))
    }

    fn parse_any(raw: &str, today: NaiveDate) -> Option<Period> {
        if let Some(p) = Self::parse_written(raw) {
            return Some(p);
        }
        let s = raw.trim().to_ascii_lowercase();
        match s.as_str() {
            "last-month" => {
                let d = today.checked_sub_months(Months::new(1))?;
                return Self::month(d.year(), d.month());
            }
            "this-month" => return Self::month(today.year(), today.month()),
            "this-year" => return Self::span(today.year().to_string(), today.year(), 1, 12),
            "last-year" => {
                return Self::span((today.year() - 1).to_string(), today.year() - 1, 1, 12)
            }
            _ => {}
        }
        let (year, rest) = match s.split_once('-') {
            Some((y, r)) => (y, Some(r)),
            None => (s.as_str(), None),
        };
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let y: i32 = year.parse().ok()?;
        match rest {
            None => Self::span(y.to_string(), y, 1, 12),
            Some(r) if r.starts_with('q') => {
                let q: u32 = r[1..].parse().ok().filter(|q| (1..=4).contains(q))?;
                Self::span(format!("{y}-Q{q}"), y, 3 * q - 2, 3)
            }
            Some(r) if r.starts_with('h') => {
                let h: u32 = r[1..].parse().ok().filter(|h| (1..=2).contains(h))?;
                Self::span(format!("{y}-H{h}"), y, 6 * h - 5, 6)
            }
            Some(r) if r.len() <= 2 && r.bytes().all(|b| b.is_ascii_digit()) => {
                let m: u32 = r.parse().ok().filter(|m| (1..=12).contains(m))?;
                Self::month(y, m)
            }
            _ => None,
        }
    }

    /// A period as Vietnamese (or English) text writes it.
    fn parse_written(raw: &str) -> Option<Period> {
        let key = crate::text::fold(raw);
        let key = key.trim();
        let year_of = |s: &str| -> Option<i32> {
            let s = s.trim();
            (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let roman = |s: &str| -> Option<u32> {
            match s.trim() {
                "1" | "i" => Some(1),
                "2" | "ii" => Some(2),
                "3" | "iii" => Some(3),
                "4" | "iv" => Some(4),
                _ => None,
            }
        };
        // Half years: "6 tháng đầu năm 2026", "6 tháng cuối năm 2026".
        for (words, h) in [("6 thang dau nam ", 1), ("6 thang cuoi nam ", 2)] {
            if let Some(y) = key.strip_prefix(words).and_then(year_of) {
                return Self::span(format!("{y}-H{h}"), y, 6 * h - 5, 6);
            }
        }
        if let Some(y) = key.strip_prefix("nam ").and_then(year_of) {
            return Self::span(y.to_string(), y, 1, 12);
        }
        // Folded, "10/2026" reads "10 2026": the year is the last word.
        let (head, y) = key.rsplit_once(' ')?;
        let y = year_of(y)?;
        let head = head.trim();
        let month = head
            .strip_prefix("thang ")
            .or_else(|| head.strip_prefix('t'))
            .unwrap_or(head)
            .trim();
        if let Some(q) = head
            .strip_prefix("quy ")
            .or_else(|| head.strip_prefix('q'))
            .and_then(roman)
        {
            return Self::span(format!("{y}-Q{q}"), y, 3 * q - 2, 3);
        }
        let m: u32 = month.parse().ok().filter(|m| (1..=12).contains(m))?;
        (month.len() <= 2).then(|| Self::month(y, m)).flatten()
    }

    pub fn year(&self) -> i32 {
        self.end.year()
    }

    /// How many months the period spans (0 for a single date).
    pub fn months(&self) -> u32 {
        if self.point {
            return 0;
        }
        let m = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
        (m(self.end) - m(self.start) + 1) as u32
    }

    /// The period of the same kind `n` periods later (earlier for a negative `n`).
    pub fn shifted(&self, n: i32) -> Option<Period> {
        let months = self.months() as i32;
        if months == 0 {
            return None;
        }
        let start = if n >= 0 {
            self.start
                .checked_add_months(Months::new((n * months) as u32))?
        } else {
            self.start
                .checked_sub_months(Months::new((-n * months) as u32))?
        };
        let (y, m) = (start.year(), start.month());
        match months {
            1 => Self::month(y, m),
            3 => Self::span(format!("{y}-Q{}", (m - 1) / 3 + 1), y, m, 3),
            6 => Self::span(format!("{y}-H{}", (m - 1) / 6 + 1), y, m, 6),
            12 => Self::span(y.to_string(), y, m, 12),
            _ => None,
        }
    }

    /// The same period a year earlier.
    pub fn year_earlier(&self) -> Option<Period> {
        self.shifted(-(12 / self.months().max(1) as i32))
    }

    /// The periods from `self` to `to`, both included: of one kind, in order.
    pub fn through(&self, to: &Period) -> Option<Vec<Period>> {
        if self.point || to.point || self.months() != to.months() || to.start < self.start {
            return None;
        }
        let mut out = vec![self.clone()];
        while out.last()?.start < to.start {
            let next = out.last()?.shifted(1)?;
            out.push(next);
            if out.len() > 600 {
                return None;
            }
        }
        (out.last()? == to).then_some(out)
    }

    /// The day before the period starts: where `members_start` is counted.
    pub fn before_start(&self) -> NaiveDate {
        self.start.pred_opt().unwrap_or(self.start)
    }
}

#[cfg(test)]
mod series_tests {
    use super::*;

    fn p(s: &str) -> Period {
        Period::parse(s, NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()).unwrap()
    }

    /// A year no roll has (0000, 0001) is a slip, refused like a month 13.
    #[test]
    fn a_period_is_of_a_year_a_roll_may_have() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        for slip in ["0000", "0001-01", "3026-10", "1899-Q4", "tháng 10/0026"] {
            assert_eq!(Period::parse(slip, today), None, "{slip}");
        }
        assert_eq!(p("1900").label, "1900");
        assert_eq!(p("2100-12").label, "2100-12");
    }

    #[test]
    fn periods_shift_by_their_own_length() {
        assert_eq!(p("2026-10").shifted(1), Some(p("2026-11")));
        assert_eq!(p("2026-12").shifted(1), Some(p("2027-01")));
        assert_eq!(p("2026-01").shifted(-1), Some(p("2025-12")));
        assert_eq!(p("2026-Q4").shifted(1), Some(p("2027-Q1")));
        assert_eq!(p("2026-H1").shifted(1), Some(p("2026-H2")));
        assert_eq!(p("2026").shifted(-1), Some(p("2025")));
        assert_eq!(p("2026-10").year_earlier(), Some(p("2025-10")));
        assert_eq!(p("2026-Q3").year_earlier(), Some(p("2025-Q3")));
        assert_eq!(p("2026").year_earlier(), Some(p("2025")));
        let labels: Vec<String> = p("2026-11")
            .through(&p("2027-02"))
            .unwrap()
            .into_iter()
            .map(|x| x.label)
            .collect();
        assert_eq!(labels, ["2026-11", "2026-12", "2027-01", "2027-02"]);
        assert_eq!(p("2026-10").through(&p("2026-Q4")), None, "two kinds");
        // As people write them.
        for (written, machine) in [
            ("10/2026", "2026-10"),
            ("T10/2026", "2026-10"),
            ("tháng 10/2026", "2026-10"),
            ("Tháng 1/2026", "2026-01"),
            ("Q4/2026", "2026-Q4"),
            ("quý 4/2026", "2026-Q4"),
            ("Quý IV/2026", "2026-Q4"),
            ("6 tháng đầu năm 2026", "2026-H1"),
            ("6 tháng cuối năm 2026", "2026-H2"),
            ("năm 2026", "2026"),
        ] {
            assert_eq!(p(written), p(machine), "{written}");
        }
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        for bad in ["13/2026", "T13/2026", "quý 5/2026", "10/26", "tháng/2026"] {
            assert_eq!(Period::parse(bad, today), None, "{bad}");
        }
        assert_eq!(p("2026-10").through(&p("2026-09")), None, "backwards");
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn forms() {
        let today = d(2026, 11, 28);
        let cases = [
            ("2026-10", "2026-10", d(2026, 10, 1), d(2026, 10, 31)),
            ("2026-02", "2026-02", d(2026, 2, 1), d(2026, 2, 28)),
            ("2024-2", "2024-02", d(2024, 2, 1), d(2024, 2, 29)),
            ("2026-Q3", "2026-Q3", d(2026, 7, 1), d(2026, 9, 30)),
            ("2026-q4", "2026-Q4", d(2026, 10, 1), d(2026, 12, 31)),
            ("2026-H1", "2026-H1", d(2026, 1, 1), d(2026, 6, 30)),
            ("2026-h2", "2026-H2", d(2026, 7, 1), d(2026, 12, 31)),
            ("2026", "2026", d(2026, 1, 1), d(2026, 12, 31)),
            ("last-month", "2026-10", d(2026, 10, 1), d(2026, 10, 31)),
            ("this-year", "2026", d(2026, 1, 1), d(2026, 12, 31)),
            ("this-month", "2026-11", d(2026, 11, 1), d(2026, 11, 30)),
            ("last-year", "2025", d(2025, 1, 1), d(2025, 12, 31)),
            (" Last-Month ", "2026-10", d(2026, 10, 1), d(2026, 10, 31)),
        ];
        for (raw, label, start, end) in cases {
            let p = Period::parse(raw, today).unwrap_or_else(|| panic!("{raw}"));
            assert_eq!(
                (p.label.as_str(), p.start, p.end),
                (label, start, end),
                "{raw}"
            );
        }
        assert_eq!(
            Period::parse("last-month", d(2026, 1, 15)).unwrap().label,
            "2025-12"
        );
        for bad in [
            "2026-13",
            "2026-Q5",
            "26-10",
            "October",
            "2026-H3",
            "",
            "2026-10-31",
            // A month is one or two digits: not three, not signed.
            "2026-011",
            "2026-+1",
            "2026-1x",
        ] {
            assert!(Period::parse(bad, today).is_none(), "{bad}");
        }
        // The year of a period (for denominators and targets) and its label.
        let q = Period::parse("2026-Q3", today).unwrap();
        assert_eq!((q.year(), q.to_string()), (2026, "2026-Q3".to_string()));
        assert_eq!(Period::parse("last-year", today).unwrap().year(), 2025);
        assert_eq!(
            Period::parse("2026-10", today).unwrap().before_start(),
            d(2026, 9, 30)
        );
    }
}
