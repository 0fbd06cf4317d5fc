//! One data row: its first line in the file and its cells, all in one buffer (a row is
//! read a million times: a string per cell was a sixth of the ingest's allocations,
//! and a field pushed at a time into a `csv` record was a tenth of the reader's time).
//!
//! A [`Row`]'s cells are bytes that are always valid UTF-8, each cell on character
//! boundaries, so no cell is validated again each time it is read. The promise is
//! carried by the types: a `Row` is made from `&str` cells, or from a [`RawRow`] — what
//! the CSV reader fills, whose cells cannot be read — that its check accepts (SIMD
//! validation of the whole buffer, then the cells' starts) or that the reader knows to
//! be UTF-8 (an `unsafe` step that says why). No safe code can put other bytes in a row.

use crate::cache::{prefetch, prefetch_value};

#[derive(Debug, Clone, Default)]
pub struct Row {
    pub line: u64,
    bytes: Vec<u8>,
    /// Where each cell lies in `bytes`.
    spans: Vec<(u32, u32)>,
}

/// A cell of a row as text.
fn text(cell: &[u8]) -> &str {
    // SAFETY: every `Row` holds valid UTF-8 split on character boundaries (see the
    // module's comment): its cells come from `&str`, or from a `RawRow` checked or known
    // to be UTF-8.
    unsafe { std::str::from_utf8_unchecked(cell) }
}

impl Row {
    pub fn new<S: AsRef<str>>(line: u64, cells: impl IntoIterator<Item = S>) -> Row {
        let mut row = Row {
            line,
            ..Row::default()
        };
        for c in cells {
            row.push(c.as_ref());
        }
        row
    }

    fn span(&self, (start, end): (u32, u32)) -> &[u8] {
        &self.bytes[start as usize..end as usize]
    }

    pub fn get(&self, i: Option<usize>) -> &str {
        i.and_then(|i| self.cell(i)).unwrap_or("")
    }

    /// Asks the cache for the row and its cells' bytes and places before they are
    /// read (see [`crate::cache`]).
    pub fn prefetch(&self) {
        prefetch_value(self);
        for line in self.bytes.chunks(64).take(4) {
            prefetch(line.as_ptr());
        }
        // A dozen cells' places: two cache lines.
        let spans: *const u8 = self.spans.as_ptr().cast();
        prefetch(spans);
        if self.spans.len() > 8 {
            prefetch(spans.wrapping_add(64));
        }
    }

    pub fn cell(&self, i: usize) -> Option<&str> {
        self.spans.get(i).map(|s| text(self.span(*s)))
    }

    pub fn cells(&self) -> impl Iterator<Item = &str> {
        self.spans.iter().map(|s| text(self.span(*s)))
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The bytes the row was read from (its cells, and what lay between them).
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Whether any cell holds the byte `b` (one SIMD search over the whole row).
    pub fn contains_byte(&self, b: u8) -> bool {
        memchr::memchr(b, &self.bytes).is_some()
    }

    pub fn is_blank(&self) -> bool {
        self.cells().all(|c| crate::text::trim(c).is_empty())
    }

    /// Pads the row with empty cells to at least `n` cells.
    pub(super) fn extend_to(&mut self, n: usize) {
        while self.spans.len() < n {
            self.push("");
        }
    }

    /// Keeps the first `n` cells.
    pub(super) fn truncate(&mut self, n: usize) {
        self.spans.truncate(n);
    }

    /// Adds a cell at the end.
    pub(super) fn push(&mut self, cell: &str) {
        let start = offset(&self.bytes);
        self.bytes.extend_from_slice(cell.as_bytes());
        self.spans.push((start, offset(&self.bytes)));
    }
}

fn offset(bytes: &[u8]) -> u32 {
    // A row over 4 GiB cannot be read into memory anyway.
    u32::try_from(bytes.len()).unwrap_or(u32::MAX)
}

/// A row as the CSV reader fills it, its cells' bytes not yet known to be UTF-8: none
/// can be read as text until it becomes a [`Row`] ([`RawRow::check_into`]).
#[derive(Debug, Default)]
pub(super) struct RawRow {
    pub line: u64,
    bytes: Vec<u8>,
    spans: Vec<(u32, u32)>,
}

impl RawRow {
    /// Empties the row for a line read as it is: its bytes and its cells' places are
    /// then filled by the caller.
    pub(super) fn refill_parts(&mut self, line: u64) -> (&mut Vec<u8>, &mut Vec<(u32, u32)>) {
        self.clear(line);
        (&mut self.bytes, &mut self.spans)
    }

    /// Empties the row for cells to be pushed.
    pub(super) fn clear(&mut self, line: u64) {
        self.line = line;
        self.bytes.clear();
        self.spans.clear();
    }

    /// Adds a cell at the end.
    pub(super) fn push(&mut self, cell: &[u8]) {
        let start = offset(&self.bytes);
        self.bytes.extend_from_slice(cell);
        self.spans.push((start, offset(&self.bytes)));
    }

    /// Whether every cell is valid UTF-8: the bytes are, and no cell starts inside a
    /// character (a cell's end is the next one's start, a delimiter or the end).
    fn valid_utf8(&self) -> bool {
        if simdutf8::basic::from_utf8(&self.bytes).is_err() {
            return false;
        }
        // A continuation byte (10xxxxxx) cannot start a character.
        self.spans
            .iter()
            .all(|&(s, _)| self.bytes.get(s as usize).is_none_or(|b| b & 0xC0 != 0x80))
    }

    /// Makes `row` this row if its cells are UTF-8 (true); else leaves `row` as it was.
    /// The buffers are swapped, not copied: each is reused for the next line.
    pub(super) fn check_into(&mut self, row: &mut Row) -> bool {
        if !self.valid_utf8() {
            return false;
        }
        self.swap_into(row);
        true
    }

    /// Makes `row` this row, unchecked.
    ///
    /// # Safety
    /// The bytes are valid UTF-8 and every cell starts on a character boundary (the
    /// reader checked the lines around it, and cells start after an ASCII delimiter).
    pub(super) unsafe fn known_into(&mut self, row: &mut Row) {
        self.swap_into(row);
    }

    fn swap_into(&mut self, row: &mut Row) {
        row.line = self.line;
        std::mem::swap(&mut row.bytes, &mut self.bytes);
        std::mem::swap(&mut row.spans, &mut self.spans);
    }

    /// Refills the row from one line of a CSV file without quotes: the line's bytes as
    /// they are, each cell between two delimiters.
    #[cfg(test)]
    pub(super) fn set_split(&mut self, line: u64, text: &[u8], delimiter: u8) {
        let (bytes, spans) = self.refill_parts(line);
        bytes.extend_from_slice(text);
        super::line_split::split_cells(text, delimiter, spans);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(cells: &[&[u8]]) -> RawRow {
        let mut r = RawRow::default();
        for c in cells {
            r.push(c);
        }
        r
    }

    #[test]
    fn a_row_is_utf8_only_when_each_cell_is() {
        assert!(raw(&[b"Nguy\xE1\xBB\x85n", b"", b"X\xC3\xA3"]).valid_utf8());
        // "à" split between two cells: the bytes together are UTF-8, the cells are not.
        assert!(!raw(&[b"a\xC3", b"\xA0b"]).valid_utf8());
        assert!(!raw(&[b"ok", b"\xFF"]).valid_utf8());
        assert!(raw(&[]).valid_utf8());
    }

    #[test]
    fn a_line_is_split_at_each_delimiter() {
        let (mut raw, mut r) = (RawRow::default(), Row::default());
        let long = format!("{},x", "é,".repeat(40));
        for (text, d, want) in [
            ("a,b,,c", b',', vec!["a", "b", "", "c"]),
            ("", b',', vec![""]),
            (",", b',', vec!["", ""]),
            ("a;b,c;", b';', vec!["a", "b,c", ""]),
            ("12345678,", b',', vec!["12345678", ""]),
            (",,,,,,,,,", b',', vec![""; 10]),
            (
                "\t\u{7f}\u{80},ÿ\u{ff}",
                b',',
                vec!["\t\u{7f}\u{80}", "ÿ\u{ff}"],
            ),
            (long.as_str(), b',', long.split(',').collect()),
        ] {
            raw.set_split(7, text.as_bytes(), d);
            assert!(raw.check_into(&mut r));
            assert_eq!(r.cells().collect::<Vec<_>>(), want, "{text:?}");
            assert_eq!((r.line, r.bytes()), (7, text.as_bytes()));
        }
        // Cells pushed after a split (a synthetic column) come after the line's.
        raw.set_split(1, b"a,b", b',');
        assert!(raw.check_into(&mut r));
        r.truncate(1);
        r.extend_to(2);
        r.push("Nữ");
        assert_eq!(r.cells().collect::<Vec<_>>(), ["a", "", "Nữ"]);
    }
}
