//! The column-number row of official forms: right under the header, a row that numbers
//! the columns in order, `(1)`, `(2)`, `(3)`, … or `1`, `2`, `3`, …, the first few
//! sometimes letters (`A`, `B`, `1`, `2`, …). It is no member and no count: it is
//! skipped, and the summary says so. Only that exact row, directly under the header
//! (blank rows aside), is: every column of the header numbered, in order, nothing after
//! them; a data row never reads so.

use super::row::Row;
use crate::text::trim;

/// Letters a numbering may start with (`A`, `B`, `C`, …), at most.
const MOST_LETTERS: usize = 4;
/// The fewest columns a numbering of bare numbers covers: a short table's row of small
/// numbers (a mapping's `1,2,3`) could be data; `(1)`, `(2)`, `(3)` or `A`, `B`, `1`
/// could not.
const FEWEST_BARE: usize = 4;

/// How many columns the header has as written (its rows cleaned and folded): up to its
/// last named cell.
fn header_width(header: &[Vec<String>]) -> usize {
    header
        .iter()
        .filter_map(|r| r.iter().rposition(|c| !c.is_empty()))
        .map(|i| i + 1)
        .max()
        .unwrap_or(0)
}

/// A cell without the parentheses around it: `(3)` is `3`.
fn bare(cell: &str) -> &str {
    cell.strip_prefix('(')
        .and_then(|c| c.strip_suffix(')'))
        .map(trim)
        .unwrap_or(cell)
}

/// Whether `row` numbers the columns of `header` (its rows as written, cleaned and
/// folded): each of its columns in order, letters first if any, then 1, 2, …; any cell
/// after the last column empty. Bare numbers only number a header of at least
/// [`FEWEST_BARE`] columns.
pub(super) fn is_numbering(row: &Row, header: &[Vec<String>]) -> bool {
    let width = header_width(header);
    if width < 3 || row.len() < width {
        return false;
    }
    if row.cells().skip(width).any(|c| !trim(c).is_empty()) {
        return false;
    }
    let (mut letters, mut number, mut wrapped) = (0, 0u64, false);
    for cell in row.cells().take(width).map(trim) {
        let cell = match bare(cell) {
            b if b.len() < cell.len() => {
                wrapped = true;
                b
            }
            b => b,
        };
        let letter = match cell.as_bytes() {
            [b] if b.is_ascii_alphabetic() => Some(b.to_ascii_uppercase()),
            _ => None,
        };
        match letter {
            // Letters come first, in order from A.
            Some(b) if number == 0 && letters < MOST_LETTERS && b == b'A' + letters as u8 => {
                letters += 1;
            }
            _ if cell.parse::<u64>().ok() == Some(number + 1) && !cell.starts_with('+') => {
                number += 1;
            }
            _ => return false,
        }
    }
    number >= 2 && (wrapped || letters > 0 || width >= FEWEST_BARE)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(cells: &[&str]) -> Vec<Vec<String>> {
        vec![cells.iter().map(|c| c.to_string()).collect()]
    }

    fn numbers(cells: &[&str], h: &[&str]) -> bool {
        is_numbering(&Row::new(2, cells.iter().copied()), &header(h))
    }

    #[test]
    fn the_forms_numberings_are_known() {
        let h = ["stt", "ho va ten", "ngay sinh", "ma xa", ""];
        assert!(numbers(&["(1)", "(2)", "(3)", "(4)"], &h));
        assert!(numbers(&["1", "2", "3", "4", ""], &h));
        assert!(numbers(&[" ( 1 ) ", "(2)", "(3)", "(4)"], &h));
        assert!(numbers(&["A", "B", "1", "2"], &h));
        assert!(numbers(&["a", "(1)", "(2)", "(3)"], &h));
    }

    #[test]
    fn anything_else_is_not_a_numbering() {
        let h = ["stt", "ho va ten", "ngay sinh", "ma xa"];
        // Not every column, one too many, out of order, a gap, a cell after them.
        assert!(!numbers(&["(1)", "(2)", "(3)"], &h));
        assert!(!numbers(&["(1)", "(2)", "(3)", "(4)", "(5)"], &h));
        assert!(!numbers(&["(2)", "(1)", "(3)", "(4)"], &h));
        assert!(!numbers(&["1", "2", "4", "5"], &h));
        assert!(!numbers(&["1", "2", "3", "4", "x"], &h));
        // Letters after a number, out of order, or only letters.
        assert!(!numbers(&["1", "A", "2", "3"], &h));
        assert!(!numbers(&["B", "A", "1", "2"], &h));
        assert!(!numbers(&["A", "B", "C", "D"], &h));
        assert!(!numbers(&["A", "B", "C", "1"], &h));
        // A member's row.
        assert!(!numbers(&["1", "Nguyễn Văn An", "15/03/2000", "02647"], &h));
        assert!(!numbers(&["+1", "2", "3", "4"], &h));
        // A header of two columns has no form's numbering to tell; one of three, only
        // a numbering that no data row reads as.
        assert!(!numbers(&["1", "2"], &["ma xa", "so doi tuong"]));
        let three = ["ma cu", "ma moi", "ty le"];
        assert!(!numbers(&["1", "2", "3"], &three));
        assert!(numbers(&["(1)", "(2)", "(3)"], &three));
        assert!(numbers(&["A", "1", "2"], &three));
    }
}
