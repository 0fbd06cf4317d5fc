//! Where a table's rows come from: a CSV file's records, its bytes counted and their
//! checksum taken as they are read, or a workbook sheet read on its own thread.

use anyhow::Result;
use sha2::{Digest, Sha256};
use std::io::{self, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use super::csv_rows::{Next, Records, TooLong};
use super::row::Row;
use crate::error::Failure;
use crate::{lang, t};

/// Counts the bytes read through it, for the progress bar, and takes their SHA-256:
/// a file is read once, its checksum taken on the way.
pub(super) struct Counted<R> {
    pub(super) inner: R,
    pub(super) read: Arc<AtomicU64>,
    pub(super) sum: Arc<Mutex<Sum>>,
}

/// The SHA-256 of the bytes read so far, and how many.
#[derive(Default)]
pub(super) struct Sum {
    pub(super) sha: Sha256,
    pub(super) bytes: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        if let Ok(mut sum) = self.sum.lock() {
            sum.sha.update(&buf[..n]);
            sum.bytes += n as u64;
        }
        Ok(n)
    }
}

/// Where a table's rows come from.
pub(super) enum Source {
    Csv(Box<Records>),
    /// A workbook sheet read on its own thread, in batches, and what reading it did
    /// that the summary says.
    Sheet {
        rows: std::sync::mpsc::Receiver<super::sheet_rows::Sent>,
        batch: std::vec::IntoIter<Row>,
        said: Arc<Mutex<Vec<crate::lang::Text>>>,
    },
}

impl Source {
    /// Reads the next row into `row`; false at the end.
    pub(super) fn next(&mut self, name: &str, row: &mut Row) -> Result<bool> {
        match self {
            Source::Csv(reader) => match reader.read(row) {
                Ok(Next::Row) => Ok(true),
                Ok(Next::NotUtf8(line)) => Err(super::csv_text::not_utf8(name, line)),
                Ok(Next::End) => Ok(false),
                Err(e) => match e.get_ref().and_then(|e| e.downcast_ref::<TooLong>()) {
                    Some(t) => Err(Failure::invalid(t!(
                        crate::lang::sources::CSV_RECORD_TOO_LONG,
                        name,
                        t.line,
                        t.limit
                    ))
                    .hint(t!(crate::lang::sources::CHECK_QUOTES_LINE_FIELD))
                    .into()),
                    None => Err(anyhow::Error::new(crate::error::Because::new(
                        t!(lang::files::CANNOT_READ, name),
                        e,
                    ))),
                },
            },
            Source::Sheet { rows, batch, .. } => loop {
                if let Some(r) = batch.next() {
                    *row = r;
                    return Ok(true);
                }
                match rows.recv() {
                    Ok(Ok(more)) => *batch = more.into_iter(),
                    Ok(Err((e, hint))) => {
                        let hint = hint
                            .unwrap_or_else(|| t!(crate::lang::sources::WORKBOOK_MAY_DAMAGED_SAVE));
                        return Err(Failure::invalid(t!(
                            crate::lang::sources::CANNOT_READ_SHEET,
                            name,
                            e
                        ))
                        .hint(hint)
                        .into());
                    }
                    Err(_) => return Ok(false),
                }
            },
        }
    }
}
