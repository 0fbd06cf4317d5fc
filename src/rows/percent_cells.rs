//! Cells formatted as percentages, read as the user sees them: a target typed as 75%
//! in Excel is stored as 0.75 with the format `0%`, and must read as `75%`, not as a
//! bare 0.75 (which the reference files refuse as ambiguous).
//!
//! calamine gives cell styles for .xlsx only: the workbook's palette, and each cell's
//! place in it in a pass of its own over the sheet. That pass is made only when the
//! palette has a percent format at all, so a workbook without one (nearly every roll)
//! costs nothing more. .xls, .xlsb and .ods cells come without their format: a bare
//! fraction there is caught by the reading rule (`value::parse_pct`).

use anyhow::{anyhow, Result};
use rustc_hash::FxHashSet;
use std::io::{Read, Seek};

/// The (row, column) of every cell of `sheet` whose style is a percent format; empty
/// when the workbook has no such style.
pub(super) fn percent_cells<RS: Read + Seek>(
    wb: &mut calamine::Xlsx<RS>,
    sheet: &str,
) -> Result<FxHashSet<(u32, u32)>> {
    let mut cells = wb
        .worksheet_cells_reader(sheet)
        .map_err(|e| anyhow!("{e}"))?;
    let percent: Vec<bool> = cells
        .styles()
        .iter()
        .map(|s| {
            s.number_format
                .as_ref()
                .is_some_and(|f| is_percent_format(&f.format_code))
        })
        .collect();
    let mut out = FxHashSet::default();
    if !percent.contains(&true) {
        return Ok(out);
    }
    while let Some((r, c, style)) = cells.next_style_id().map_err(|e| anyhow!("{e}"))? {
        if percent.get(style) == Some(&true) {
            out.insert((r, c));
        }
    }
    Ok(out)
}

/// Whether a number format shows its number as a percentage: a `%` outside quoted
/// text (`"%"`), escapes (`\%`) and brackets (`[Red]`, `[$-42A]`), which are literal.
pub(super) fn is_percent_format(code: &str) -> bool {
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                }
            }
            '[' => {
                for q in chars.by_ref() {
                    if q == ']' {
                        break;
                    }
                }
            }
            '\\' | '_' | '*' => {
                chars.next();
            }
            '%' => return true,
            _ => {}
        }
    }
    false
}

/// A percent cell's number as the user sees it, without the float noise of × 100
/// (0.07 → `7%`, 0.755 → `75.5%`; the decimals the format hides are kept).
pub(super) fn percent_text(v: f64) -> String {
    format!(
        "{}%",
        super::workbook_cells::number(super::workbook_cells::round_noise(v * 100.0))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_formats_and_their_look_alikes() {
        for yes in ["0%", "0.00%", "#,##0.0%", "0%;[Red]-0%", "[$-42A]0%"] {
            assert!(is_percent_format(yes), "{yes}");
        }
        for no in [
            "General",
            "0.00",
            "0\"%\"",
            "0\\%",
            "[Red]0",
            "@",
            "dd/mm/yyyy",
        ] {
            assert!(!is_percent_format(no), "{no}");
        }
    }

    #[test]
    fn percent_cells_read_as_shown() {
        assert_eq!(percent_text(0.75), "75%");
        assert_eq!(percent_text(0.07), "7%");
        assert_eq!(percent_text(0.755), "75.5%");
        assert_eq!(percent_text(1.0), "100%");
        assert_eq!(percent_text(0.0075), "0.75%");
        assert_eq!(percent_text(0.0), "0%");
    }
}
