//! The workbook's per-unit sheet (`--table units`): a row per organization and unit,
//! headed in the report's language, every count a number cell, flags as the reader's
//! yes/no, the snapshot date a date cell; frozen header and autofilter, ready for a
//! pivot table.

use anyhow::Result;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

use crate::metrics::unit_table::UnitTable;
use crate::report::labels::Lang;
use crate::report::units::{headings, values};
use crate::report::Value;

/// Adds the sheet of `table` to the workbook.
pub(super) fn write_units_sheet(
    wb: &mut Workbook,
    table: &UnitTable,
    lang: Lang,
    page: &str,
) -> Result<()> {
    let bold = Format::new().set_bold();
    let count = Format::new().set_num_format("#,##0");
    let pct = Format::new().set_num_format("0.00%");
    let pp = Format::new().set_num_format("+0.00;-0.00;0.00");
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let ws = wb.add_worksheet();
    ws.set_name(crate::lang::breakdown::SHEET_UNITS.text(lang))?;
    let head = headings(table, lang);
    for (c, h) in head.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &bold)?;
    }
    // The gap is in points; the other percentages are shares.
    let gap = head.len() - 2;
    // Each column as wide as its longest text (an organization's or a unit's name).
    let mut widths: Vec<usize> = head.iter().map(|h| h.chars().count()).collect();
    for (i, row) in table.rows.iter().enumerate() {
        let r = i as u32 + 1;
        for (c, v) in values(table, row, Some(lang)).iter().enumerate() {
            let cc = c as u16;
            if let (Value::Text(t), Some(w)) = (v, widths.get_mut(c)) {
                *w = (*w).max(t.chars().count());
            }
            match v {
                Value::Text(s) if c == head.len() - 1 => {
                    ws.write_datetime_with_format(
                        r,
                        cc,
                        &ExcelDateTime::parse_from_str(s)?,
                        &date,
                    )?;
                }
                Value::Text(s) => {
                    ws.write_string(r, cc, s)?;
                }
                Value::Count(n) => {
                    ws.write_number_with_format(r, cc, *n as f64, &count)?;
                }
                Value::Change(n) => {
                    ws.write_number_with_format(r, cc, *n as f64, &count)?;
                }
                Value::Pct(h) if c == gap => {
                    ws.write_number_with_format(r, cc, *h as f64 / 100.0, &pp)?;
                }
                Value::Pct(h) => {
                    ws.write_number_with_format(r, cc, *h as f64 / 10_000.0, &pct)?;
                }
                Value::Suppressed => {
                    ws.write_string(r, cc, "…")?;
                }
                Value::Empty => {}
            }
        }
    }
    ws.set_freeze_panes(1, 0)?;
    let last = table.rows.len().max(1) as u32;
    ws.autofilter(0, 0, last, head.len() as u16 - 1)?;
    let set: Vec<f64> = (widths.iter())
        .map(|w| (*w as f64 + 3.0).clamp(10.0, 40.0))
        .collect();
    for (c, w) in set.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    // A wide table's pages each repeat the unit's columns (period to name).
    let labels = crate::metrics::unit_table::HEAD.len() as u16;
    super::cells::print_setup(ws, page, 0, (&set, labels))?;
    Ok(())
}
