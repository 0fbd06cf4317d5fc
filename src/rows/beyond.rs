//! Cells beyond the header: a row with more cells holding something than its header
//! has columns. No column reads them, so they were dropped without a word; and in a
//! comma-separated file the usual cause is a number written with a decimal comma
//! (`0,75`, `72,5`) or a thousands separator (`1,215`), split into two cells, whose
//! first part the column then read as the whole number (0, 72, 1). Such a row of a
//! comma-separated file is refused: every row parser (rolls, reference files) asks
//! this one rule. Empty cells past the header (Excel's trailing commas) are not data
//! and pass; in a semicolon or tab file, or a workbook, where a comma splits nothing,
//! cells to the right of the table are notes typed beside it.

use super::headers::Mapping;
use super::row::Row;
use crate::lang::{rows as msg, Text};
use crate::t;
use crate::text::trim;

/// What lies beyond the header, said: the header's column the cells follow (when they
/// look like the rest of its number), the value to show, why and how to fix it.
pub struct Beyond {
    pub column: Option<usize>,
    pub value: String,
    pub reason: Text,
    pub hint: Text,
}

/// How many columns the header has: up to its last named cell (empty header cells
/// after it are a spreadsheet's padding, not columns).
fn header_width(mapping: &Mapping) -> usize {
    let named = (mapping.headers.iter()).rposition(|h| !trim(h).is_empty());
    named.map_or(0, |i| i + 1).max(mapping.sub_width)
}

fn digits(cell: &str) -> bool {
    !cell.is_empty() && cell.bytes().all(|b| b.is_ascii_digit())
}

/// The cells of `row` beyond its header's columns that hold something, said; `None`
/// when there are none. `comma` says the row is a comma-separated file's, where a
/// number can be split at its decimal comma.
pub fn cells_beyond(row: &Row, mapping: &Mapping, comma: bool) -> Option<Beyond> {
    // Where a comma cannot split a cell (a semicolon or tab file, a workbook), cells
    // beyond the header are notes typed beside the table, as they always were read.
    if !comma {
        return None;
    }
    let width = header_width(mapping);
    // A row longer than both header rows as written: a number split somewhere.
    let written = mapping.written_width;
    if written > 0 && row.len() > written {
        return Some(Beyond {
            column: None,
            value: row.cells().collect::<Vec<_>>().join(","),
            reason: t!(msg::LONGER_THAN_HEADER, row.len(), written),
            hint: t!(
                msg::SPLIT_NUMBER_HINT,
                Text::Said("1,5".into()),
                Text::Said("1.5".into())
            ),
        });
    }
    // The common case (a row as wide as its header) costs no allocation.
    if row.len() <= width || row.cells().skip(width).all(|c| trim(c).is_empty()) {
        return None;
    }
    let extra: Vec<&str> = row
        .cells()
        .skip(width)
        .map(trim)
        .filter(|c| !c.is_empty())
        .collect();
    let listed = Text::Said(
        extra
            .iter()
            .map(|c| format!("\"{c}\""))
            .collect::<Vec<_>>()
            .join(", "),
    );
    let last = width.checked_sub(1).map(|i| (i, trim(row.get(Some(i)))));
    let next = trim(row.get(Some(width)));
    match last {
        Some((i, before)) if comma && digits(before) && digits(next) => Some(Beyond {
            column: Some(i),
            value: format!("{before},{next}"),
            reason: t!(
                msg::SPLIT_NUMBER,
                width,
                listed,
                Text::Said(before.to_string()),
                Text::Said(mapping.headers[i].clone()),
                Text::Said(next.to_string())
            ),
            hint: t!(
                msg::SPLIT_NUMBER_HINT,
                Text::Said(format!("{before},{next}")),
                Text::Said(format!("{before}.{next}"))
            ),
        }),
        _ => Some(Beyond {
            column: None,
            value: extra.join(" | "),
            reason: t!(msg::CELLS_BEYOND_HEADER, extra.len(), width, listed),
            hint: t!(msg::CELLS_BEYOND_HEADER_HINT),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::rows::headers::Kind;

    fn mapping(headers: &[&str]) -> Mapping {
        let headers: Vec<String> = headers.iter().map(|h| h.to_string()).collect();
        Mapping::build(Kind::Targets, &headers, &Default::default())
    }

    #[test]
    fn a_number_split_at_its_decimal_comma_is_said_so() {
        let m = mapping(&["Tổ chức", "Năm", "Phạm vi", "Chỉ tiêu (%)"]);
        let row = Row::new(2, ["Đoàn TN", "2026", "Toàn tỉnh", "72", "5"]);
        let b = cells_beyond(&row, &m, true).expect("refused");
        assert_eq!((b.column, b.value.as_str()), (Some(3), "72,5"));
        assert!(b.reason.en().contains("decimal comma"), "{}", b.reason.en());
        assert!(b.hint.en().contains("72.5"), "{}", b.hint.en());
        assert!(b.reason.render(Lang::Vi).contains("dấu phẩy thập phân"));
        // Where a comma splits nothing (a semicolon file), they are notes beside it.
        assert!(cells_beyond(&row, &m, false).is_none());
    }

    #[test]
    fn empty_cells_past_the_header_are_no_data() {
        let m = mapping(&["Tổ chức", "Năm", "Phạm vi", "Chỉ tiêu (%)", "", ""]);
        let row = Row::new(2, ["Đoàn TN", "2026", "Toàn tỉnh", "75", "", " ", ""]);
        assert!(cells_beyond(&row, &m, true).is_none());
        // A cell under the header's padding holds something: no column reads it.
        let row = Row::new(2, ["Đoàn TN", "2026", "Toàn tỉnh", "75", "", "ghi chú"]);
        let b = cells_beyond(&row, &m, true).expect("refused");
        assert_eq!(b.value, "ghi chú");
        assert!(b.reason.en().contains("4 columns"), "{}", b.reason.en());
    }
}
