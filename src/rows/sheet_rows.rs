//! A sheet's cells gathered into rows, and the rows on their way from the sheet's
//! reading thread to the table, a batch at a time.

use std::sync::mpsc::SyncSender;

use super::date_cells::{DateCells, Mode as DateMode};
use super::legacy_cells::SheetText;
use super::merged::Merged;
use super::row::Row;
use anyhow::Result;

use crate::lang::Text;
use crate::t;

/// Columns a sheet has at most (Excel's XFD).
pub(super) const MAX_COLUMNS: u32 = 16_384;

/// Rows sent at a time from a sheet's reading thread.
const BATCH: usize = 1024;

/// The most text a batch of rows holds before it is sent: a sheet's cells may all
/// refer to one long shared string, so rows are counted by their bytes too.
const BATCH_BYTES: usize = 4 << 20;

/// The most text one row may hold, as a CSV record may (`csv_rows`): a member's row is
/// a few hundred bytes, and a sheet's references to its shared strings must not make
/// a small file into gigabytes of rows.
const MAX_ROW_TEXT: usize = 1 << 20;

/// Cells gathered into rows in the order the sheet gives them.
#[derive(Default)]
pub(super) struct Gather {
    current: Option<u32>,
    row: Vec<String>,
    /// The text of the row's cells so far.
    row_text: usize,
    stopped: bool,
}

impl Gather {
    /// Adds a cell with text; false when the table stopped listening.
    /// `date`: a date cell (its text written day-first by `workbook_cells`).
    pub(super) fn cell(
        &mut self,
        (r, c, date): (u32, u32, bool),
        mut text: String,
        out: &mut Batch,
    ) -> Result<bool> {
        if self.current != Some(r) {
            if let Some(prev) = self.current {
                if !out.push(prev, &mut self.row) {
                    self.stopped = true;
                    return Ok(false);
                }
            }
            self.current = Some(r);
            self.row_text = 0;
        }
        // Excel's last column is XFD (16,384): a cell beyond it comes from a
        // damaged or hostile file, and must not make the row that wide.
        if c >= MAX_COLUMNS {
            return Err(anyhow::Error::new(t!(
                crate::lang::xml::PAST_LAST_COLUMN,
                u64::from(r) + 1,
                u64::from(c) + 1
            )));
        }
        self.row_text += text.len();
        if self.row_text > MAX_ROW_TEXT {
            return Err(anyhow::Error::new(t!(
                crate::lang::xml::ROW_TOO_LONG,
                u64::from(r) + 1,
                MAX_ROW_TEXT >> 20
            )));
        }
        out.dates.cell(r, c, date, &mut text)?;
        let c = c as usize;
        if self.row.len() <= c {
            self.row.resize(c + 1, String::new());
        }
        self.row[c] = text;
        Ok(true)
    }

    pub(super) fn finish(&mut self, out: &mut Batch) {
        if let (Some(prev), false) = (self.current.take(), self.stopped) {
            out.push(prev, &mut self.row);
        }
    }
}

/// A batch of a sheet's rows, or why the sheet cannot be read (and the hint, where it
/// is not that the workbook may be damaged).
pub(crate) type Sent = Result<Vec<Row>, (Text, Option<Text>)>;

/// Rows on their way to the table, a batch at a time. The first rows wait until the
/// sheet's text has been judged from them ([`SheetText::learn`]).
pub(super) struct Batch<'t> {
    tx: &'t SyncSender<Sent>,
    rows: Vec<Row>,
    /// The text of `rows`.
    bytes: usize,
    pub(super) text: SheetText,
    /// The first rows (index, cells), until there are [`LEARN_ROWS`] of them.
    head: Option<Vec<(u32, Vec<String>)>>,
    /// The sheet's regions merged down its rows.
    pub(super) merged: Merged,
    /// Its date cells and dates typed as text, column by column.
    pub(super) dates: DateCells,
}

/// Rows a sheet's text is judged from: the title block and the header, and a few rows.
const LEARN_ROWS: usize = 30;

impl<'t> Batch<'t> {
    pub(super) fn new(tx: &'t SyncSender<Sent>, text: SheetText, dates: DateMode) -> Self {
        Batch {
            tx,
            rows: Vec::with_capacity(BATCH),
            bytes: 0,
            text,
            head: Some(Vec::new()),
            merged: Merged::default(),
            dates: DateCells::new(dates),
        }
    }

    /// Adds a row (0-based index) and empties `cells`; false when the table stopped
    /// listening.
    pub(super) fn push(&mut self, index: u32, cells: &mut Vec<String>) -> bool {
        while cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        if cells.is_empty() {
            return true;
        }
        if let Some(head) = &mut self.head {
            head.push((index, std::mem::take(cells)));
            if head.len() < LEARN_ROWS {
                return true;
            }
            return self.settle();
        }
        self.pack(index, cells)
    }

    /// Judges the sheet's text from the first rows, then sends them on.
    fn settle(&mut self) -> bool {
        let Some(head) = self.head.take() else {
            return true;
        };
        self.text
            .learn(head.iter().flat_map(|(_, c)| c.iter().map(String::as_str)));
        for (index, mut cells) in head {
            if !self.pack(index, &mut cells) {
                return false;
            }
        }
        true
    }

    fn pack(&mut self, index: u32, cells: &mut Vec<String>) -> bool {
        self.merged.fill(index, cells);
        for c in cells.iter_mut() {
            self.text.cell(c);
        }
        let row = Row::new(u64::from(index) + 1, cells.iter());
        self.bytes += row.bytes().len();
        self.rows.push(row);
        cells.clear();
        if self.rows.len() >= BATCH || self.bytes >= BATCH_BYTES {
            self.bytes = 0;
            let full = std::mem::replace(&mut self.rows, Vec::with_capacity(BATCH));
            return self.tx.send(Ok(full)).is_ok();
        }
        true
    }

    pub(super) fn flush(&mut self) {
        self.settle();
        if !self.rows.is_empty() {
            self.bytes = 0;
            let _ = self.tx.send(Ok(std::mem::take(&mut self.rows)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_is_held_to_a_megabyte_and_a_batch_of_long_rows_is_sent_early() {
        let (tx, rx) = std::sync::mpsc::sync_channel(64);
        let mut out = Batch::new(&tx, SheetText::new(None), DateMode::Checked);
        let mut gather = Gather::default();
        // Rows of 768 KiB (a long shared string referred to by one cell of each):
        // each under the cap, their batches cut by bytes, not by rows.
        let long = "x".repeat(768 << 10);
        for r in 0..40 {
            assert!(gather.cell((r, 0, false), long.clone(), &mut out).unwrap());
        }
        // A row whose cells add up past the cap is refused, naming the row.
        gather.cell((40, 0, false), long.clone(), &mut out).unwrap();
        let err = gather
            .cell((40, 3, false), long, &mut out)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("row 41 holds more than 1 MiB of text"),
            "{err}"
        );
        out.flush();
        drop(out);
        drop(tx);
        let batches: Vec<usize> = rx.iter().map(|b| b.unwrap().len()).collect();
        assert_eq!(batches.iter().sum::<usize>(), 40);
        assert!(batches.iter().all(|&n| n <= 6), "{batches:?}");
    }
}
