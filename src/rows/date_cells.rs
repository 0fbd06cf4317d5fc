//! Dates typed day-first on a computer set to a US region: Excel turns the ones it can
//! read month-first (`05/03/1995`, the 5th of March) into date cells of the wrong day
//! (the 3rd of May), and leaves the others (`25/03/1995`) as the text typed. A column
//! holding both is read wrong without a word, so a sheet where one column has date cells
//! every one with its day at 12 or below, beside dates typed as text that all have a day
//! above 12, more of them than chance gives once in a hundred columns ([`by_chance`]),
//! is refused with the fix (fewer are said in the summary): `--date-cells swapped` reads
//! the workbooks' date cells with day and month exchanged (a date cell whose day is
//! above 12 then cannot be one of them, and is refused), and the summary says how many;
//! `--date-cells as-is` reads them as they are, unchecked.

use crate::lang::{sources as msg, Text};
use crate::t;

/// How often a column of dates spread over the month, some date cells and some text
/// (a range formatted as text before typing), shows `dates` date cells all with a day
/// at 12 or below and `typed` text dates all with a day above 12: below
/// [`ONCE_IN_A_HUNDRED`] (five date cells and one text date, four and two, three and
/// four, one and eight) the column was typed day first on a US-region computer.
fn by_chance(dates: u32, typed: u32) -> f64 {
    let early: f64 = 12.0 / 30.44;
    early.powi(dates as i32) * (1.0 - early).powi(typed as i32)
}

const ONCE_IN_A_HUNDRED: f64 = 0.01;

/// How the date cells are read (`--date-cells`).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// As they are, unless a column shows them made month first: then refused.
    #[default]
    Checked,
    /// As they are, unchecked.
    AsIs,
    /// With day and month exchanged.
    Swapped,
}

/// What a sheet's cells say of its dates, column by column.
#[derive(Debug, Default)]
pub(super) struct DateCells {
    mode: Mode,
    columns: Vec<Column>,
    /// Date cells read with day and month exchanged.
    swapped: u64,
}

#[derive(Debug, Default, Clone)]
struct Column {
    dates: u32,
    /// Date cells with a day above 12.
    dates_late: u32,
    /// Dates typed as text day-first, with a day above 12, and with one at 12 or below.
    typed_late: u32,
    typed_early: u32,
    /// The first date cell and the first text date with a day above 12: row, text.
    first_date: Option<(u32, String)>,
    first_typed: Option<(u32, String)>,
}

impl DateCells {
    pub(super) fn new(mode: Mode) -> DateCells {
        DateCells {
            mode,
            ..DateCells::default()
        }
    }

    /// Takes a cell's text in (`date`: a date cell), exchanging a date cell's day and
    /// month under `--date-cells swapped`; a date cell that cannot have been swapped
    /// refuses the sheet then.
    pub(super) fn cell(
        &mut self,
        r: u32,
        c: u32,
        date: bool,
        text: &mut String,
    ) -> anyhow::Result<()> {
        if self.mode == Mode::AsIs || (!date && !looks_like_date(text)) {
            return Ok(());
        }
        let Some((day, month)) = day_month(text, date) else {
            return Ok(());
        };
        let c = c as usize;
        if self.columns.len() <= c {
            self.columns.resize(c + 1, Column::default());
        }
        let col = &mut self.columns[c];
        if !date {
            if day > 12 {
                col.typed_late += 1;
                col.first_typed.get_or_insert_with(|| (r, text.clone()));
            } else {
                col.typed_early += 1;
            }
            return Ok(());
        }
        col.dates += 1;
        col.dates_late += u32::from(day > 12);
        col.first_date.get_or_insert_with(|| (r, text.clone()));
        if self.mode == Mode::Swapped {
            if day > 12 {
                let at = format!("{}{}", letters(c), u64::from(r) + 1);
                let what = t!(msg::DATE_CELL_NOT_SWAPPED, at, shown(text).as_str());
                let hint = t!(msg::DATE_CELL_NOT_SWAPPED_HINT);
                return Err(anyhow::Error::new(
                    crate::error::Failure::invalid(what).hint(hint),
                ));
            }
            *text = exchanged(text, (day, month));
            self.swapped += 1;
        }
        Ok(())
    }

    /// The refusal of a sheet whose date cells read wrong, unless `--date-cells` says
    /// how to read them.
    pub(super) fn verdict(&self) -> anyhow::Result<()> {
        if self.mode != Mode::Checked {
            return Ok(());
        }
        let Some(e) = self.typed_so().filter(|e| e.chance < ONCE_IN_A_HUNDRED) else {
            return Ok(());
        };
        let i = e.columns[0];
        let col = &self.columns[i];
        let (Some(date), Some(typed)) = (&col.first_date, &col.first_typed) else {
            return Ok(());
        };
        let at = |(r, text): &(u32, String)| {
            format!("{}{} {}", letters(i), u64::from(*r) + 1, shown(text))
        };
        Err(anyhow::Error::new(
            crate::error::Failure::invalid(t!(
                msg::DATE_CELLS_MONTH_FIRST,
                e.named(),
                u64::from(e.dates),
                at(date),
                u64::from(e.typed),
                at(typed)
            ))
            .hint(t!(msg::DATE_CELLS_MONTH_FIRST_HINT)),
        ))
    }

    /// The columns whose date cells all have a day at 12 or below beside text dates
    /// all above 12. Typed so, every date column of a sheet is: their counts add up,
    /// unless a column says otherwise (a date cell of a later day, a text date of an
    /// earlier one), when the likeliest column is judged alone.
    fn typed_so(&self) -> Option<Evidence> {
        let pattern =
            |c: &Column| c.dates > 0 && c.dates_late == 0 && c.typed_late > 0 && c.typed_early == 0;
        let so: Vec<usize> = (0..self.columns.len())
            .filter(|&i| pattern(&self.columns[i]))
            .collect();
        let otherwise = (self.columns.iter()).any(|c| c.dates_late > 0 || c.typed_early > 0);
        let groups: Vec<Vec<usize>> = match otherwise {
            false => vec![so],
            true => so.into_iter().map(|i| vec![i]).collect(),
        };
        (groups.into_iter())
            .filter(|g| !g.is_empty())
            .map(|columns| {
                let dates = columns.iter().map(|&i| self.columns[i].dates).sum();
                let typed = columns.iter().map(|&i| self.columns[i].typed_late).sum();
                let chance = by_chance(dates, typed);
                Evidence {
                    columns,
                    dates,
                    typed,
                    chance,
                }
            })
            .min_by(|a, b| a.chance.total_cmp(&b.chance))
    }

    /// What the summary says of the date cells: how many were swapped; or, unchecked
    /// by too few to refuse, a column that may have been typed so.
    pub(super) fn sentence(&self) -> Option<Text> {
        match (self.mode, self.swapped) {
            (Mode::Swapped, 0) => Some(t!(msg::NO_DATE_CELL_SWAPPED)),
            (Mode::Swapped, n) => Some(t!(msg::DATE_CELLS_SWAPPED, n)),
            (Mode::Checked, _) => {
                let e = self.typed_so()?;
                Some(t!(
                    msg::DATE_CELLS_MAYBE_MONTH_FIRST,
                    e.named(),
                    u64::from(e.dates),
                    u64::from(e.typed)
                ))
            }
            _ => None,
        }
    }
}

/// Columns that show dates typed day first on a US-region computer: their date cells,
/// their text dates with a day above 12, and how often chance gives as many.
struct Evidence {
    columns: Vec<usize>,
    dates: u32,
    typed: u32,
    chance: f64,
}

impl Evidence {
    /// The columns by their letters (`D, F`).
    fn named(&self) -> String {
        let letters: Vec<String> = self.columns.iter().map(|&i| letters(i)).collect();
        letters.join(", ")
    }
}

/// Whether typed text may be a date (`d/m/yyyy` or `d/m/yy`, with `/`, `-` or `.`):
/// most cells are not, and are passed over at once.
fn looks_like_date(s: &str) -> bool {
    let b = s.as_bytes();
    (6..=10).contains(&b.len()) && b[1..3].iter().any(|x| matches!(x, b'/' | b'-' | b'.'))
}

/// The day and month of a date as tally writes a date cell (`dd/mm/yyyy`; `yyyy-mm-dd`
/// for an ODS one), or of a date typed day-first (a year of four digits or two).
fn day_month(s: &str, date: bool) -> Option<(u32, u32)> {
    // A million date cells: split without a vector.
    let mut parts = s.split(['/', '-', '.']);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let num = |p: &str| p.parse::<u32>().ok();
    let (d, m) = match (a, b, c) {
        (y, m, d) if date && y.len() == 4 => (num(d)?, num(m)?),
        (d, m, y) if (y.len() == 4 || (!date && y.len() == 2)) && d.len() <= 2 && m.len() <= 2 => {
            (num(d)?, num(m)?)
        }
        _ => return None,
    };
    ((1..=31).contains(&d) && (1..=12).contains(&m)).then_some((d, m))
}

/// A date cell's text with its day and month (read by `day_month`) exchanged.
fn exchanged(s: &str, (day, month): (u32, u32)) -> String {
    if s.len() == 10 && s.as_bytes()[4] == b'-' {
        format!("{}-{day:02}-{month:02}", &s[..4])
    } else {
        format!("{month:02}/{day:02}/{}", &s[s.len() - 4..])
    }
}

/// A date as messages write it: day first (an ODS date cell's `yyyy-mm-dd` too).
fn shown(text: &str) -> String {
    let b = text.as_bytes();
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        format!("{}/{}/{}", &text[8..], &text[5..7], &text[..4])
    } else {
        text.to_string()
    }
}

/// A column's letters as a spreadsheet names it (0 → A, 26 → AA).
fn letters(c: usize) -> String {
    let mut n = c + 1;
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(mode: Mode, cells: &[(u32, bool, &str)]) -> (DateCells, Vec<String>) {
        let mut d = DateCells::new(mode);
        let mut out = Vec::new();
        for (r, date, text) in cells {
            let mut t = text.to_string();
            if d.cell(*r, 3, *date, &mut t).is_ok() {
                out.push(t);
            }
        }
        (d, out)
    }

    /// Typed 05/03/1995 … 09/07/1990 (day first) became date cells of 3 May …, 25/03
    /// and 13/11 stayed text: refused; with the option, the five read as typed.
    #[test]
    fn date_cells_beside_late_days_typed_as_text_are_refused_then_swapped() {
        let cells = [
            (4, true, "03/05/1995"),
            (5, false, "25/03/1995"),
            (6, true, "11/02/2001"),
            (7, true, "01/12/1999"),
            (8, false, "13/11/1998"),
            (9, true, "12/12/2000"),
            (10, true, "07/09/1990"),
        ];
        let (d, _) = sheet(Mode::Checked, &cells);
        let err = d.verdict().map(|_| ()).unwrap_err().to_string();
        assert!(
            err.contains("column(s) D") && err.contains("D5 03/05/1995"),
            "{err}"
        );
        assert!(err.contains("D6 25/03/1995"), "{err}");
        let (d, read) = sheet(Mode::Swapped, &cells);
        assert!(d.verdict().is_ok());
        assert_eq!(
            read,
            [
                "05/03/1995",
                "25/03/1995",
                "02/11/2001",
                "12/01/1999",
                "13/11/1998",
                "12/12/2000",
                "09/07/1990"
            ]
        );
        assert_eq!(d.swapped, 5);
        let (d, read) = sheet(Mode::AsIs, &cells);
        assert!(d.verdict().is_ok());
        assert_eq!(read[0], "03/05/1995");
    }

    /// A column of date cells with a late day, four date cells only, or a text date
    /// with an early day: read as they are.
    #[test]
    fn other_columns_are_read_as_they_are() {
        let cells = |first: &'static str, typed: &'static str| {
            vec![
                (1, true, first),
                (2, true, "01/02/2000"),
                (3, true, "01/03/2000"),
                (4, true, "01/04/2000"),
                (5, false, "25/03/1995"),
                (6, false, typed),
            ]
        };
        let refused = |c: &[(u32, bool, &str)]| sheet(Mode::Checked, c).0.verdict().is_err();
        // A late date cell, an early text date: no pattern.
        assert!(!refused(&cells("28/01/2000", "26/03/1995")));
        assert!(!refused(&cells("01/01/2000", "05/03/1995")));
        // Four date cells and two text dates: 0.9% by chance, refused.
        assert!(refused(&cells("01/01/2000", "26/03/1995")));
        // Four and one: 1.5% by chance, said in the summary only.
        let (d, _) = sheet(Mode::Checked, &cells("01/01/2000", "")[..5]);
        assert!(d.verdict().is_ok());
        let said = d.sentence().map(|t| t.en()).unwrap_or_default();
        assert!(
            said.contains("column(s) D") && said.contains("--date-cells swapped"),
            "{said}"
        );
        // Three and four, one and eight.
        let three: Vec<_> = (0..3)
            .map(|r| (r, true, "01/01/2000"))
            .chain((3..7).map(|r| (r, false, "25/03/1995")))
            .collect();
        assert!(refused(&three));
        let one: Vec<_> = std::iter::once((0, true, "01/01/2000"))
            .chain((1..9).map(|r| (r, false, "25/03/1995")))
            .collect();
        assert!(refused(&one));
        assert!(!refused(&one[..8]));
        // Found by a new analyst's year: a commune's small sheet, one date cell of
        // birth beside six text dates, two of joining beside four: alone neither is
        // rare enough (2.0% and 2.1%); together, nothing saying otherwise, they are
        // (0.04%). A late date cell in a third column keeps each column alone.
        let two_columns = |third: Option<&'static str>| {
            let mut d = DateCells::new(Mode::Checked);
            let mut cell = |r: u32, c: u32, date: bool, t: &str| {
                d.cell(r, c, date, &mut t.to_string()).unwrap();
            };
            cell(0, 3, true, "01/01/2000");
            (1..7).for_each(|r| cell(r, 3, false, "25/03/1995"));
            (0..2).for_each(|r| cell(r, 5, true, "03/12/2026"));
            (2..6).for_each(|r| cell(r, 5, false, "20/11/2026"));
            if let Some(t) = third {
                cell(0, 7, true, t);
            }
            d.verdict().is_err()
        };
        assert!(two_columns(None));
        assert!(two_columns(Some("10/10/2026")));
        assert!(!two_columns(Some("28/10/2026")));
    }

    /// Under the option a date cell whose day is above 12 is refused with its cell; an
    /// ODS date is exchanged in its own form.
    #[test]
    fn the_option_refuses_a_late_date_cell_and_keeps_the_ods_form() {
        // A year of two digits typed: a text date too (found by review).
        let mut d = DateCells::new(Mode::Checked);
        for (r, date, text) in [
            (0, true, "11/05/2026"),
            (1, false, "20/11/26"),
            (2, false, "5/12/26"),
        ] {
            d.cell(r, 0, date, &mut text.to_string()).unwrap();
        }
        assert_eq!((d.columns[0].typed_late, d.columns[0].typed_early), (1, 1));
        let mut d = DateCells::new(Mode::Swapped);
        let mut t = "25/03/1995".to_string();
        let err = d.cell(9, 27, true, &mut t).unwrap_err().to_string();
        assert!(err.contains("AB10") && err.contains("25/03/1995"), "{err}");
        let mut t = "1995-05-03".to_string();
        d.cell(1, 0, true, &mut t).unwrap();
        assert_eq!(t, "1995-03-05");
        assert_eq!(letters(0), "A");
        assert_eq!(letters(26), "AA");
    }
}
