//! The tidy sheet: the rows of the tidy CSV, numbers as numbers, for formulas and pivot
//! tables.

use anyhow::Result;
use rust_xlsxwriter::Workbook;

use super::cells::Formats;
use crate::metrics::Coverage;
use crate::report::{values, Value, COLUMNS};

/// The tidy table as the CSV has it, machine names and all, numbers as numbers.
pub(super) fn tidy(cov: &Coverage, f: &Formats, wb: &mut Workbook) -> Result<()> {
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
