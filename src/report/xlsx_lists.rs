//! The workbook's part of a month against the month before (columns after the tidy
//! sheet's others) and of the lists to act on (a sheet each), written beside the
//! sheets of `xlsx.rs`: numbers as number cells, text formula-safe.

use anyhow::Result;
use rust_xlsxwriter::{Format, Worksheet};

use super::Value;
use crate::metrics::Coverage;

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

/// The tidy sheet's columns against the month before, from column `first` on, with
/// the CSV's names and numbers; nothing for a report of another period.
pub(super) fn against_columns(ws: &mut Worksheet, cov: &Coverage, first: u16) -> Result<()> {
    if !super::against::shown(cov) {
        return Ok(());
    }
    let bold = Format::new().set_bold();
    for (i, h) in super::against::COLUMNS.iter().enumerate() {
        let c = first + i as u16;
        ws.write_string_with_format(0, c, *h, &bold)?;
        ws.set_column_width(c, 16)?;
    }
    for (r, row) in cov.rows.iter().enumerate() {
        for (i, v) in super::against::values(cov, row).iter().enumerate() {
            put(ws, (r + 1) as u32, first + i as u16, v)?;
        }
    }
    Ok(())
}
