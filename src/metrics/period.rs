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
    "2026-10, 2026-Q3, 2026-H1, 2026, this-month, last-month, this-year, last-year";

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

    /// Parses a period; relative forms count from `today`.
    pub fn parse(raw: &str, today: NaiveDate) -> Option<Period> {
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
