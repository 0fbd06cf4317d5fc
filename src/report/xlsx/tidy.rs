//! The tidy sheet: the rows and columns of the tidy CSV, numbers as numbers in the CSV's
//! units (3.33 for 3.33%), the roll's date as a date cell, for formulas and pivot
//! tables. In English it is the CSV itself, machine names and codes, for scripts; in
//! Vietnamese the same columns in the same order, headed and said in Vietnamese
//! (`Tổ chức`, `Đoàn Thanh niên`, `Vùng dân tộc thiểu số`, `Có`), with a Vietnamese
//! name: a committee's workbook holds no machine word (docs/formats.md, "XLSX").

use super::cells::Cell;
use crate::lang::workbook::{COL_UNIT_NAME, SUPPRESSED_CELLS};
use crate::metrics::{Coverage, CoverageRow};
use crate::report::against;
use crate::report::labels::Lang;
use crate::report::table::group_label;
use crate::report::{has_units, unit_name, values, Value, COLUMNS, UNIT_NAME};

/// The column of the roll's date.
const SNAPSHOT: usize = 15;

/// The header and rows of the tidy sheet.
/// `suppressed`: whether `--min-cell` blanked cells, so that, as in the CSV, a
/// blanked cell is empty and a column names the row's blanked cells.
pub(super) fn tidy(cov: &Coverage, lang: Lang, suppressed: bool) -> (Vec<String>, Vec<Vec<Cell>>) {
    let units = has_units(cov);
    let mut head: Vec<String> = COLUMNS
        .iter()
        .map(|c| match lang {
            Lang::En => c.to_string(),
            Lang::Vi => lang.column(c).to_string(),
        })
        .collect();
    if units {
        head.push(match lang {
            Lang::En => UNIT_NAME.to_string(),
            Lang::Vi => COL_UNIT_NAME.text(lang).to_string(),
        });
    }
    if suppressed {
        head.push(match lang {
            Lang::En => "suppressed".to_string(),
            Lang::Vi => SUPPRESSED_CELLS.text(lang).to_string(),
        });
    }
    // A month's report: the month before and the change, last, as in the CSV.
    if against::shown(cov) {
        head.extend(against::headings(lang).map(String::from));
    }
    let rows = cov
        .rows
        .iter()
        .map(|r| {
            let mut v = values(r);
            if units {
                v.push(unit_name(r));
            }
            if suppressed {
                let names = r.suppressed.names();
                v.push(Value::Text(match lang {
                    Lang::En => names.join(";"),
                    Lang::Vi => names
                        .iter()
                        .map(|c| lang.column(c))
                        .collect::<Vec<_>>()
                        .join("; "),
                }));
            }
            v.extend(against::values(cov, r));
            let mut row: Vec<Cell> = v.iter().map(number).collect();
            if let Some(d) = r.snapshot_as_of {
                row[SNAPSHOT] = Cell::Date(d.to_string());
            }
            if lang == Lang::Vi {
                said(r, lang, &mut row);
            }
            row
        })
        .collect();
    (head, rows)
}

/// A value as the CSV has it: text as text, percentages in points.
fn number(v: &Value) -> Cell {
    match v {
        Value::Text(s) => Cell::Text(crate::text::defuse(s).into_owned()),
        Value::Count(n) => Cell::Count(*n as i64),
        Value::Change(n) => Cell::Count(*n),
        Value::Pct(h) => Cell::Points(*h),
        // Empty, as in the CSV: the suppressed column names it (a "…" in a column of
        // numbers breaks a formula over it).
        Value::Suppressed | Value::Empty => Cell::Empty,
    }
}

/// The period, organization, dimension and group in the reader's words; a unit's code
/// stays its code (its name is in the last column).
fn said(r: &CoverageRow, lang: Lang, row: &mut [Cell]) {
    row[0] = Cell::Text(lang.period(&r.period.label));
    row[1] = Cell::Text(lang.org(&r.org).to_string());
    row[2] = Cell::Text(lang.dimension_of(&r.dimension));
    if !r.unit_level {
        row[3] = Cell::Text(group_label(r, lang));
    }
}
