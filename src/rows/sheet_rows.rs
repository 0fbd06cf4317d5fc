//! A sheet's cells gathered into rows, and the rows on their way from the sheet's
//! reading thread to the table, a batch at a time.

use std::sync::mpsc::SyncSender;

use super::legacy_cells::SheetText;
use super::merged::Merged;
use super::row::Row;
use anyhow::{anyhow, Result};

/// Columns a sheet has at most (Excel's XFD).
pub(super) const MAX_COLUMNS: u32 = 16_384;

/// Rows sent at a time from a sheet's reading thread.
const BATCH: usize = 1024;

/// Cells gathered into rows in the order the sheet gives them.
#[derive(Default)]
pub(super) struct Gather {
    current: Option<u32>,
    row: Vec<String>,
    stopped: bool,
}

impl Gather {
    /// Adds a cell with text; false when the table stopped listening.
    pub(super) fn cell(&mut self, r: u32, c: u32, text: String, out: &mut Batch) -> Result<bool> {
        if self.current != Some(r) {
            if let Some(prev) = self.current {
                if !out.push(prev, &mut self.row) {
                    self.stopped = true;
                    return Ok(false);
                }
            }
            self.current = Some(r);
        }
        // Excel's last column is XFD (16,384): a cell beyond it comes from a
        // damaged or hostile file, and must not make the row that wide.
        if c >= MAX_COLUMNS {
            return Err(anyhow!(
                "a cell at row {}, column {} is past the last column a sheet has",
                u64::from(r) + 1,
                u64::from(c) + 1
            ));
        }
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

/// Rows on their way to the table, a batch at a time. The first rows wait until the
/// sheet's text has been judged from them ([`SheetText::learn`]).
pub(super) struct Batch<'t> {
    tx: &'t SyncSender<Result<Vec<Row>, String>>,
    rows: Vec<Row>,
    pub(super) text: SheetText,
    /// The first rows (index, cells), until there are [`LEARN_ROWS`] of them.
    head: Option<Vec<(u32, Vec<String>)>>,
    /// The sheet's regions merged down its rows.
    pub(super) merged: Merged,
}

/// Rows a sheet's text is judged from: the title block and the header, and a few rows.
const LEARN_ROWS: usize = 30;

impl<'t> Batch<'t> {
    pub(super) fn new(tx: &'t SyncSender<Result<Vec<Row>, String>>, text: SheetText) -> Self {
        Batch {
            tx,
            rows: Vec::with_capacity(BATCH),
            text,
            head: Some(Vec::new()),
            merged: Merged::default(),
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
        self.rows.push(Row::new(u64::from(index) + 1, cells.iter()));
        cells.clear();
        if self.rows.len() >= BATCH {
            let full = std::mem::replace(&mut self.rows, Vec::with_capacity(BATCH));
            return self.tx.send(Ok(full)).is_ok();
        }
        true
    }

    pub(super) fn flush(&mut self) {
        self.settle();
        if !self.rows.is_empty() {
            let _ = self.tx.send(Ok(std::mem::take(&mut self.rows)));
        }
    }
}
