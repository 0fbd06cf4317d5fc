//! The cells and sheets of tally's workbooks: a report value as a typed cell (counts,
//! percentages, points, dates as date cells), the number formats, and a sheet with its
//! title block, frozen header, autofilter and column widths.

use anyhow::Result;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};

use crate::report::Value;

/// A cell as it goes into a sheet.
pub(super) enum Cell {
    Text(String),
    /// A count (`#,##0`).
    Count(i64),
    /// A percentage in hundredths of a point: 5736 is 57.36% (`0.00%`).
    Pct(i64),
    /// Points of a percentage in hundredths: -1473 is -14.73 points (`+0.00;-0.00`).
    Pp(i64),
    /// A percentage in hundredths, written in points as the CSV has it: 3.33 (`0.00`).
    Points(i64),
    /// A day (ISO), written as a date cell.
    Date(String),
    /// Blanked for publication.
    Suppressed,
    Empty,
}

pub(super) struct Formats {
    pub(super) bold: Format,
    /// A header cell: bold, wrapped onto more lines rather than widening its column.
    pub(super) head: Format,
    pub(super) title: Format,
    pub(super) count: Format,
    pub(super) pct: Format,
    pub(super) pp: Format,
    pub(super) date: Format,
    pub(super) points: Format,
}

impl Formats {
    pub(super) fn new() -> Formats {
        Formats {
            bold: Format::new().set_bold(),
            head: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(rust_xlsxwriter::FormatAlign::Top),
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
pub(super) fn cell(v: &Value, pp: bool) -> Cell {
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

pub(super) fn write(ws: &mut Worksheet, r: u32, c: u16, cell: &Cell, f: &Formats) -> Result<usize> {
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
        Cell::Points(h) => {
            ws.write_number_with_format(r, c, *h as f64 / 100.0, &f.points)?;
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
/// rows, and columns as wide as their widest cell; printed as [`print_setup`] says,
/// with `page` in the printed page's header. The sheet is handed back for a chart.
pub(super) fn sheet<'w>(
    wb: &'w mut Workbook,
    name: &str,
    titles: &[String],
    head: &[String],
    rows: &[Vec<Cell>],
    f: &Formats,
    page: &str,
) -> Result<&'w mut Worksheet> {
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
    // A long heading wraps (at most HEAD_WIDTH characters a line) so that a printed
    // page one sheet wide stays readable.
    let mut width: Vec<usize> = head
        .iter()
        .map(|h| h.chars().count().min(HEAD_WIDTH))
        .collect();
    for (c, h) in head.iter().enumerate() {
        ws.write_string_with_format(top, c as u16, h, &f.head)?;
    }
    // A spreadsheet does not grow a row for wrapped text it did not wrap itself: the
    // header row is made as tall as its longest heading needs (a line in a word's slack).
    let lines = (head.iter())
        .map(|h| h.chars().count().div_ceil(HEAD_WIDTH))
        .max()
        .unwrap_or(1);
    if lines > 1 {
        ws.set_row_height(top, 15.0 * (lines + 1).min(5) as f64)?;
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
    let set: Vec<f64> = width.iter().map(|w| (*w as f64 + 3.0).min(60.0)).collect();
    for (c, w) in set.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    print_setup(ws, page, top, (&set, labels(rows)))?;
    Ok(ws)
}

/// The label columns a printed page repeats: those before the first that holds a
/// figure (at most four).
fn labels(rows: &[Vec<Cell>]) -> u16 {
    let figure = |c: &Cell| !matches!(c, Cell::Text(_) | Cell::Date(_) | Cell::Empty);
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let first = (0..width).find(|&c| rows.iter().any(|r| r.get(c).is_some_and(figure)));
    first.unwrap_or(0).min(4) as u16
}

/// A workbook dated by its data, not by the clock: the same store and arguments give
/// the same bytes (a workbook otherwise carries the moment it was written). `day` is
/// the (last) period's end; `title` the report's title, shown in the file's
/// properties.
pub(super) fn workbook(day: Option<chrono::NaiveDate>, title: &str) -> Result<Workbook> {
    use chrono::Datelike;
    let day = day.unwrap_or_default();
    let date = ExcelDateTime::from_ymd(
        u16::try_from(day.year()).unwrap_or(1970),
        day.month() as u8,
        day.day() as u8,
    )
    .or_else(|_| ExcelDateTime::from_ymd(1970, 1, 1))?;
    let props = rust_xlsxwriter::DocProperties::new()
        .set_title(title)
        .set_creation_datetime(&date);
    let mut wb = Workbook::new();
    wb.set_properties(&props);
    Ok(wb)
}

/// The widest a heading makes its column, in characters; longer ones wrap.
const HEAD_WIDTH: usize = 14;

/// A4 paper, the code Excel gives it.
const A4: u8 = 9;

/// How wide an A4 landscape page prints at the default margins (29.7 cm less 2 × 0.7
/// inch), in a spreadsheet's pixels (96 an inch).
const PAGE_PIXELS: f64 = (29.7 / 2.54 - 1.4) * 96.0;
/// The least a sheet is shrunk to fit one page wide: 11-point type printed at 6 or 7
/// points is still read; a wider sheet printed one page wide was 4 to 6.
const LEAST_FIT: f64 = 0.62;
/// The scale a sheet too wide for that prints at, its labels repeated on each page.
const WIDE_SCALE: u16 = 70;

/// How a committee prints a sheet: A4 landscape, the header row `head` repeated on
/// every page, and `page` (the period and the province) centred in the page header.
/// A sheet whose columns (`widths`, in characters as set) fit one page wide at
/// [`LEAST_FIT`] or more prints one page wide; a wider one at [`WIDE_SCALE`]%, its
/// first `labels` columns repeated on every page, so that each page says whose rows
/// it holds.
pub(super) fn print_setup(
    ws: &mut Worksheet,
    page: &str,
    head: u32,
    (widths, labels): (&[f64], u16),
) -> Result<()> {
    ws.set_paper_size(A4);
    ws.set_landscape();
    // A column of width w characters is 7·w + 5 pixels in the default font.
    let pixels: f64 = widths.iter().map(|w| 7.0 * w + 5.0).sum();
    if pixels * LEAST_FIT <= PAGE_PIXELS || labels == 0 {
        ws.set_print_fit_to_pages(1, 0);
    } else {
        ws.set_print_scale(WIDE_SCALE);
        ws.set_repeat_columns(0, labels - 1)?;
    }
    ws.set_repeat_rows(head, head)?;
    // `&` starts a code in a page header: a literal one is doubled. Excel takes at most
    // 255 characters there.
    let text: String = page.replace('&', "&&").chars().take(240).collect();
    ws.set_header(format!("&C{text}"));
    Ok(())
}
