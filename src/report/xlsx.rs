//! XLSX: the summary first, titled with the period and the province; a sheet per table,
//! named in the report's language; every number a number cell with a number format
//! (thousands, percentages, points), dates as date cells; frozen headers, autofilters,
//! column widths; the tidy machine-named sheet last, for formulas and pivot tables.

use anyhow::Result;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};

use super::labels::Lang;
use super::table::{find, notes, orgs, title, FOCUS};
use super::{values, Options, Value, COLUMNS};
use crate::metrics::{Coverage, Ranked};

/// A cell as it goes into a sheet.
enum Cell {
    Text(String),
    /// A count (`#,##0`).
    Count(i64),
    /// A percentage in hundredths of a point: 5736 is 57.36% (`0.00%`).
    Pct(i64),
    /// Points of a percentage in hundredths: -1473 is -14.73 points (`+0.00;-0.00`).
    Pp(i64),
    /// A day (ISO), written as a date cell.
    Date(String),
    /// Blanked for publication.
    Suppressed,
    Empty,
}

struct Formats {
    bold: Format,
    title: Format,
    count: Format,
    pct: Format,
    pp: Format,
    date: Format,
    points: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            bold: Format::new().set_bold(),
            title: Format::new().set_bold().set_font_size(14),
            count: Format::new().set_num_format("#,##0"),
            pct: Format::new().set_num_format("0.00%"),
            pp: Format::new().set_num_format("+0.00;-0.00;0.00"),
            date: Format::new().set_num_format("dd/mm/yyyy"),
            points: Format::new().set_num_format("0.00"),
        }
    }
}

/// A report value as a typed cell: `pp` says a percentage column holds points (gaps).
fn cell(v: &Value, pp: bool) -> Cell {
    match v {
        Value::Text(s) if s.len() == 10 && s.parse::<chrono::NaiveDate>().is_ok() => {
            Cell::Date(s.clone())
        }
        Value::Text(s) => Cell::Text(s.clone()),
        Value::Count(n) => Cell::Count(*n as i64),
        Value::Change(n) => Cell::Count(*n),
        Value::Pct(h) if pp => Cell::Pp(*h),
        Value::Pct(h) => Cell::Pct(*h),
        Value::Suppressed => Cell::Suppressed,
        Value::Empty => Cell::Empty,
    }
}

fn write(ws: &mut Worksheet, r: u32, c: u16, cell: &Cell, f: &Formats) -> Result<usize> {
    let shown = match cell {
        Cell::Text(s) => {
            // A string cell is never evaluated: text goes in as it is.
            ws.write_string(r, c, s)?;
            s.chars().count()
        }
        Cell::Count(n) => {
            ws.write_number_with_format(r, c, *n as f64, &f.count)?;
            n.to_string().len() + 2
        }
        Cell::Pct(h) => {
            ws.write_number_with_format(r, c, *h as f64 / 10_000.0, &f.pct)?;
            8
        }
        Cell::Pp(h) => {
            ws.write_number_with_format(r, c, *h as f64 / 100.0, &f.pp)?;
            7
        }
        Cell::Date(iso) => {
            let d = ExcelDateTime::parse_from_str(iso)?;
            ws.write_datetime_with_format(r, c, &d, &f.date)?;
            10
        }
        Cell::Suppressed => {
            ws.write_string(r, c, "…")?;
            1
        }
        Cell::Empty => 0,
    };
    Ok(shown)
}

/// A sheet: an optional title block, the header (frozen, with an autofilter), the
/// rows, and columns as wide as their widest cell.
fn sheet(
    wb: &mut Workbook,
    name: &str,
    titles: &[String],
    head: &[String],
    rows: &[Vec<Cell>],
    f: &Formats,
) -> Result<()> {
    let ws = wb.add_worksheet();
    ws.set_name(name)?;
    for (i, t) in titles.iter().enumerate() {
        let format = if i == 0 { &f.title } else { &f.bold };
        ws.write_string_with_format(i as u32, 0, t, format)?;
    }
    let top = if titles.is_empty() {
        0
    } else {
        titles.len() as u32 + 1
    };
    let mut width: Vec<usize> = head.iter().map(|h| h.chars().count()).collect();
    for (c, h) in head.iter().enumerate() {
        ws.write_string_with_format(top, c as u16, h, &f.bold)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let w = write(ws, top + 1 + r as u32, c as u16, v, f)?;
            if let Some(slot) = width.get_mut(c) {
                *slot = (*slot).max(w);
            }
        }
    }
    ws.set_freeze_panes(top + 1, 0)?;
    if !head.is_empty() {
        let last_row = top + rows.len().max(1) as u32;
        ws.autofilter(top, 0, last_row, head.len() as u16 - 1)?;
    }
    for (c, w) in width.iter().enumerate() {
        ws.set_column_width(c as u16, (*w as f64 + 3.0).min(60.0))?;
    }
    Ok(())
}

fn sheet_names(lang: Lang) -> [&'static str; 5] {
    use crate::lang::report::*;
    [
        &SHEET_SUMMARY,
        &SHEET_URGE,
        &SHEET_REPLICATE,
        &SHEET_DETAILS,
        &SHEET_NOTES,
    ]
    .map(|m| m.text(lang))
}

/// The summary: per organization its snapshot, members, eligible, coverage, target and
/// gap, and its coverage in each focus area.
fn summary(cov: &Coverage, lang: Lang) -> (Vec<String>, Vec<Vec<Cell>>) {
    let mut head: Vec<String> = [
        "org",
        "snapshot_as_of",
        "members",
        "eligible",
        "coverage_pct",
        "target_pct",
        "gap_pp",
    ]
    .iter()
    .map(|c| lang.column(c).to_string())
    .collect();
    for (d, _) in FOCUS {
        head.push(match d {
            "ownership" => super::sized::focus_label(d, lang),
            _ => format!("{} ({})", lang.dimension(d), lang.column("coverage_pct")),
        });
    }
    let rows = orgs(cov)
        .into_iter()
        .map(|org| {
            let total = find(&cov.rows, &org, "total", "all").map(values);
            let at = |i: usize, pp: bool| {
                total
                    .as_ref()
                    .map(|v| cell(&v[i], pp))
                    .unwrap_or(Cell::Empty)
            };
            let mut row = vec![
                Cell::Text(lang.org(&org).to_string()),
                at(15, false),
                at(4, false),
                at(8, false),
                at(9, false),
                at(11, false),
                at(12, true),
            ];
            for (d, g) in FOCUS {
                row.push(
                    find(&cov.rows, &org, d, g)
                        .map(|r| cell(&values(r)[9], false))
                        .unwrap_or(Cell::Empty),
                );
            }
            row
        })
        .collect();
    (head, rows)
}

fn ranked(list: &[Ranked], lang: Lang) -> (Vec<String>, Vec<Vec<Cell>>) {
    let head = super::table::ranked_head(lang);
    let rows = list
        .iter()
        .map(|r| {
            vec![
                Cell::Text(lang.org(&r.org).to_string()),
                Cell::Text(format!("{} {}", r.code, r.name)),
                Cell::Pct(r.coverage_pct),
                Cell::Pct(r.target_pct),
                Cell::Pp(r.gap_pp),
            ]
        })
        .collect();
    (head, rows)
}

/// Every group, in the reader's words, with its numbers.
fn details(cov: &Coverage, lang: Lang) -> (Vec<String>, Vec<Vec<Cell>>) {
    let head: Vec<String> = COLUMNS[1..]
        .iter()
        .map(|c| lang.column(c).to_string())
        .collect();
    let rows = super::table::reading_order(&cov.rows)
        .into_iter()
        .map(|r| {
            let v = values(r);
            let mut row: Vec<Cell> = COLUMNS
                .iter()
                .zip(v.iter())
                .skip(1)
                .map(|(c, v)| cell(v, *c == "gap_pp"))
                .collect();
            row[0] = Cell::Text(lang.org(&r.org).to_string());
            row[1] = Cell::Text(lang.dimension(r.dimension.as_str()));
            row[2] = Cell::Text(super::table::group_label(r, lang));
            row
        })
        .collect();
    (head, rows)
}

/// The tidy table as the CSV has it, machine names and all, numbers as numbers.
fn tidy(cov: &Coverage, f: &Formats, wb: &mut Workbook) -> Result<()> {
    let ws = wb.add_worksheet();
    ws.set_name("coverage")?;
    for (c, h) in COLUMNS.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &f.bold)?;
    }
    for (r, row) in cov.rows.iter().enumerate() {
        let rr = (r + 1) as u32;
        for (c, v) in values(row).iter().enumerate() {
            let cc = c as u16;
            match v {
                Value::Text(s) => {
                    ws.write_string(rr, cc, crate::text::defuse(s).as_ref())?;
                }
                Value::Count(n) => {
                    ws.write_number_with_format(rr, cc, *n as f64, &f.count)?;
                }
                Value::Change(n) => {
                    ws.write_number_with_format(rr, cc, *n as f64, &f.count)?;
                }
                Value::Pct(h) => {
                    ws.write_number_with_format(rr, cc, *h as f64 / 100.0, &f.points)?;
                }
                Value::Suppressed => {
                    ws.write_string(rr, cc, "…")?;
                }
                Value::Empty => {}
            }
        }
    }
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, cov.rows.len().max(1) as u32, COLUMNS.len() as u16 - 1)?;
    for c in 0..COLUMNS.len() {
        ws.set_column_width(c as u16, 16)?;
    }
    Ok(())
}

pub fn render(cov: &Coverage, opts: &Options) -> Result<Vec<u8>> {
    let lang = opts.lang;
    let f = Formats::new();
    let names = sheet_names(lang);
    let mut wb = Workbook::new();
    let mut titles = vec![title(cov, lang)];
    if let Some(place) = &cov.place {
        titles.push(place.clone());
    }
    let (head, rows) = summary(cov, lang);
    sheet(&mut wb, names[0], &titles, &head, &rows, &f)?;
    for (name, list) in [(names[1], &cov.lagging), (names[2], &cov.leading)] {
        let (head, rows) = ranked(list, lang);
        sheet(&mut wb, name, &[], &head, &rows, &f)?;
    }
    let (head, rows) = details(cov, lang);
    sheet(&mut wb, names[3], &[], &head, &rows, &f)?;
    let notes: Vec<Vec<Cell>> = notes(cov, opts)
        .into_iter()
        .map(|n| vec![Cell::Text(n)])
        .collect();
    sheet(
        &mut wb,
        names[4],
        &[],
        &[lang.text("notes").to_string()],
        &notes,
        &f,
    )?;
    tidy(cov, &f, &mut wb)?;
    Ok(wb.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;
    use calamine::{Data, Reader};

    /// The sheets in the reader's language, then the tidy sheet with the CSV's
    /// columns, its numbers as number cells.
    #[test]
    fn sheets_of_number_cells() {
        let opts = fixture::options(super::super::Format::Xlsx, Lang::Vi);
        let bytes = render(&fixture::coverage(), &opts).expect("xlsx");
        let mut wb = calamine::Xlsx::new(std::io::Cursor::new(bytes)).expect("a workbook");
        assert_eq!(wb.sheet_names(), EXPECTED_SHEETS);
        let tidy = wb.worksheet_range("coverage").expect("the tidy sheet");
        assert_eq!(tidy.get_value((0, 0)), Some(&Data::String("period".into())));
        assert_eq!(tidy.get_value((1, 4)), Some(&Data::Float(3.0)));
        // The tidy sheet's percentages are the CSV's numbers: 3.33 for 3.33%.
        assert_eq!(tidy.get_value((1, 9)), Some(&Data::Float(3.33)));
    }

    const EXPECTED_SHEETS: [&str; 6] = [
        "Tổng hợp",
        "Cần đôn đốc",
        "Nhân rộng",
        "Chi tiết",
        "Ghi chú",
        "coverage",
    ];
}
