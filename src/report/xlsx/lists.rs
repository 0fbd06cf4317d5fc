//! The workbook's part of a month against the month before (columns after the tidy
//! sheet's others) and of the lists to act on (a sheet each), written beside the
//! sheets of `xlsx.rs`: numbers as number cells, text formula-safe.

use anyhow::Result;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};

use crate::lang::lists::*;
use crate::metrics::Coverage;
use crate::report::labels::Lang;
use crate::report::lists::List;
use crate::report::Value;

/// A value as a cell of the tidy sheet (`None` for an empty one).
fn put(ws: &mut Worksheet, r: u32, c: u16, v: &Value) -> Result<()> {
    let count = Format::new().set_num_format("#,##0");
    let points = Format::new().set_num_format("0.00");
    match v {
        Value::Text(s) => {
            ws.write_string(r, c, crate::text::defuse(s).as_ref())?;
        }
        Value::Count(n) => {
            ws.write_number_with_format(r, c, *n as f64, &count)?;
        }
        Value::Change(n) => {
            ws.write_number_with_format(r, c, *n as f64, &count)?;
        }
        Value::Pct(h) => {
            ws.write_number_with_format(r, c, *h as f64 / 100.0, &points)?;
        }
        Value::Suppressed => {
            ws.write_string(r, c, "…")?;
        }
        Value::Empty => {}
    }
    Ok(())
}

/// A sheet per list to act on that has rows, named and headed in the report's
/// language, every row (no list is cut short here), numbers and dates as such.
pub(super) fn write_list_sheets(
    wb: &mut Workbook,
    cov: &Coverage,
    lang: Lang,
    page: &str,
) -> Result<()> {
    let title = Format::new().set_bold().set_font_size(14);
    let bold = Format::new().set_bold();
    let count = Format::new().set_num_format("#,##0");
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for list in List::ALL {
        let rows = crate::report::lists::rows(cov, list);
        let orgs = crate::report::lists::orgs(cov, list);
        if rows.is_empty() {
            continue;
        }
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name(list).text(lang))?;
        ws.write_string_with_format(0, 0, list.title(lang), &title)?;
        let head = headings(list, lang);
        for (c, h) in head.iter().enumerate() {
            ws.write_string_with_format(2, c as u16, *h, &bold)?;
            ws.set_column_width(c as u16, if c == 2 { 40 } else { 16 })?;
        }
        for (i, row) in rows.iter().enumerate() {
            let r = 3 + i as u32;
            // The period is in the report's title; the organization by its name.
            for (c, v) in row.iter().enumerate().skip(1) {
                let c = (c - 1) as u16;
                match v {
                    Value::Text(_) if c == 0 => {
                        let org: crate::org::OrgOrAny = orgs[i].clone().into();
                        ws.write_string(r, c, crate::text::defuse(lang.org(&org)).as_ref())?;
                    }
                    // A unit's level in words ("Xã, phường"), not its machine name.
                    Value::Text(s) if c == 1 && list != List::ToVisit => {
                        ws.write_string(r, c, crate::text::defuse(&lang.dimension(s)).as_ref())?;
                    }
                    Value::Text(s) => match s.parse::<chrono::NaiveDate>() {
                        Ok(_) if s.len() == 10 => {
                            let d = ExcelDateTime::parse_from_str(s)?;
                            ws.write_datetime_with_format(r, c, &d, &date)?;
                        }
                        _ => {
                            ws.write_string(r, c, crate::text::defuse(s).as_ref())?;
                        }
                    },
                    Value::Count(n) => {
                        ws.write_number_with_format(r, c, *n as f64, &count)?;
                    }
                    other => put(ws, r, c, other)?,
                }
            }
        }
        ws.set_freeze_panes(3, 0)?;
        ws.autofilter(2, 0, 2 + rows.len() as u32, head.len() as u16 - 1)?;
        // Organization, level and unit name: repeated where a list prints wider than a page.
        let widths: Vec<f64> = (0..head.len())
            .map(|c| if c == 2 { 40.0 } else { 16.0 })
            .collect();
        super::cells::print_setup(ws, page, 2, (&widths, 3))?;
    }
    Ok(())
}

fn sheet_name(list: List) -> &'static crate::lang::Msg {
    match list {
        List::ToVisit => &SHEET_TO_VISIT,
        List::FallenToZero => &SHEET_FALLEN_TO_ZERO,
        List::NotReported => &SHEET_NOT_REPORTED,
    }
}

/// The headings of a list's sheet: its columns after the period.
fn headings(list: List, lang: Lang) -> Vec<&'static str> {
    match list {
        List::ToVisit => vec![
            lang.column("org"),
            COL_TAX_CODE.text(lang),
            COL_ENTERPRISE.text(lang),
            COL_COMMUNE_CODE.text(lang),
            COL_COMMUNE.text(lang),
            COL_WORKERS.text(lang),
        ],
        _ => vec![
            lang.column("org"),
            COL_LEVEL.text(lang),
            COL_CODE.text(lang),
            lang.text("unit"),
            COL_MEMBERS_BEFORE.text(lang),
            COL_PREVIOUS_ROLL.text(lang),
            COL_THIS_ROLL.text(lang),
        ],
    }
}
