//! The roll pipeline: one thread reads rows in chunks, workers parse chunks (the
//! costly part: normalizing, validating, keyed hashing), and the calling thread takes
//! the parsed chunks back in file order, checks duplicates and writes the parts. The
//! channels are bounded, so memory stays a few chunks per stage.

use anyhow::Result;
use std::collections::BTreeMap;
use std::sync::{mpsc, Arc, Mutex};

use super::headers::{Field, Mapping};
use super::snapshot::{Prepared, Snapshots};
use super::table::{Row, Table};
use super::{roll, value, Opened, Options, Out, Progress};
use crate::error::Failure;
use crate::reference::Reference;
use crate::store::IngestRecord;

const CHUNK_ROWS: usize = 4096;
const MAX_WORKERS: usize = 8;
const DATE_FIELDS: [Field; 3] = [Field::JoinedOn, Field::LeftOn, Field::BirthDate];

/// One roll file, read against the reference as it stands.
pub struct RollFile<'a> {
    pub opts: &'a Options,
    pub reference: &'a Reference,
    pub progress: &'a dyn Progress,
}

/// Per date column: rows that can only be day-first, and the first line that can only
/// be month-first.
#[derive(Default)]
struct Evidence([(u64, Option<u64>); 3]);

impl Evidence {
    fn merge(&mut self, other: &Evidence) {
        for (mine, theirs) in self.0.iter_mut().zip(other.0.iter()) {
            mine.0 += theirs.0;
            mine.1 = match (mine.1, theirs.1) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
        }
    }

    /// Refuses a file whose dates make sense only month-first: they would be misread
    /// wherever the day is 12 or less.
    fn check(&self, file: &str, mapping: &Mapping) -> Result<()> {
        for (k, f) in DATE_FIELDS.iter().enumerate() {
            if let (0, Some(line)) = self.0[k] {
                let header = mapping
                    .index(*f)
                    .map(|i| mapping.headers[i].clone())
                    .unwrap_or_default();
                return Err(Failure::invalid(format!(
                    "{file}: the dates in column \"{header}\" are month-first (line {line} has a month above 12 in the middle, and no date there has a day above 12 first); tally never guesses month-first dates"
                ))
                .hint("export the dates as dd/mm/yyyy or yyyy-mm-dd (in Excel: format the column as Text or as a Vietnamese date) and ingest again")
                .into());
            }
        }
        Ok(())
    }
}

/// A chunk of rows, parsed by a worker: `parsed[i]` is `rows[i]` read.
struct Chunk {
    seq: u64,
    rows: Vec<Row>,
    parsed: Vec<roll::Parsed>,
    evidence: Evidence,
}

fn parse_chunk(ctx: &roll::RollContext, seq: u64, rows: Vec<Row>) -> Chunk {
    let mut evidence = Evidence::default();
    let parsed = rows
        .iter()
        .map(|row| {
            for (k, f) in DATE_FIELDS.iter().enumerate() {
                match value::day_first_evidence(row.get(ctx.mapping.index(*f))) {
                    Some(true) => evidence.0[k].0 += 1,
                    Some(false) if evidence.0[k].1.is_none() => evidence.0[k].1 = Some(row.line),
                    _ => {}
                }
            }
            roll::parse(ctx, row)
        })
        .collect();
    Chunk {
        seq,
        rows,
        parsed,
        evidence,
    }
}

/// Fills a chunk with the next rows of the table, reusing the rows of a chunk that
/// has gone round. Empty at the end of the file.
fn fill(table: &mut Table, mut chunk: Vec<Row>) -> Result<Vec<Row>> {
    chunk.truncate(CHUNK_ROWS);
    let mut n = 0;
    while n < CHUNK_ROWS {
        if n == chunk.len() {
            chunk.push(Row::new(0, [""; 0]));
        }
        if !table.next_row_into(&mut chunk[n])? {
            break;
        }
        n += 1;
    }
    chunk.truncate(n);
    Ok(chunk)
}

impl RollFile<'_> {
    pub fn ingest(
        &self,
        o: &mut Opened,
        prepared: &mut Prepared,
        out: &mut Out,
    ) -> Result<Vec<IngestRecord>> {
        let name = o.name.clone();
        let mapping = o.table.mapping.clone();
        let secret = out.writer.secret.clone();
        let mut snapshots = Snapshots::new(&name, &o.sha256, &mapping.headers, self.opts.replace);
        let mut order = Evidence::default();
        let workers = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .clamp(1, MAX_WORKERS);
        let bytes_read = o.table.bytes_read();
        self.progress.start(&name, o.table.bytes_total);

        let (job_tx, job_rx) = mpsc::sync_channel::<(u64, Vec<Row>)>(workers * 2);
        let (done_tx, done_rx) = mpsc::sync_channel::<Chunk>(workers * 2);
        // Chunks of rows taken go back to the reader to be filled again.
        let (back_tx, back_rx) = mpsc::sync_channel::<Vec<Row>>(workers * 4 + 4);
        let rows_read = std::thread::scope(|scope| -> Result<u64> {
            // Owned by the stages, so that when one stage stops (an error here, a bad
            // row in the reader) the others see their channel close and stop too.
            let done_rx = done_rx;
            let job_rx = Arc::new(Mutex::new(job_rx));
            let table = &mut o.table;
            let reader = scope.spawn(move || -> Result<u64> {
                let mut rows_read = 0;
                for seq in 0.. {
                    let reuse = back_rx
                        .try_recv()
                        .unwrap_or_else(|_| Vec::with_capacity(CHUNK_ROWS));
                    let chunk = fill(table, reuse)?;
                    if chunk.is_empty() {
                        break;
                    }
                    rows_read += chunk.len() as u64;
                    if job_tx.send((seq, chunk)).is_err() {
                        break;
                    }
                }
                Ok(rows_read)
            });
            for _ in 0..workers {
                let done_tx = done_tx.clone();
                let job_rx = job_rx.clone();
                let (mapping, secret, name) = (&mapping, &secret, &name);
                let (reference, opts) = (self.reference, self.opts);
                scope.spawn(move || {
                    let ctx = roll::RollContext {
                        file: name,
                        mapping,
                        reference,
                        secret,
                        org: opts.org,
                        as_of: opts.as_of,
                        lookups: Default::default(),
                    };
                    loop {
                        let job = match job_rx.lock() {
                            Ok(rx) => rx.recv(),
                            Err(_) => return,
                        };
                        let Ok((seq, rows)) = job else { return };
                        if done_tx.send(parse_chunk(&ctx, seq, rows)).is_err() {
                            return;
                        }
                    }
                });
            }
            drop((done_tx, job_rx));

            let mut rows_parsed = 0u64;
            let mut waiting: BTreeMap<u64, Chunk> = BTreeMap::new();
            let mut next_seq = 0;
            for chunk in done_rx.iter() {
                waiting.insert(chunk.seq, chunk);
                while let Some(chunk) = waiting.remove(&next_seq) {
                    next_seq += 1;
                    order.merge(&chunk.evidence);
                    rows_parsed += chunk.rows.len() as u64;
                    for (row, parsed) in chunk.rows.iter().zip(chunk.parsed) {
                        if !parsed.warnings.is_empty() {
                            out.warn(parsed.warnings);
                        }
                        match parsed.member {
                            Ok(m) => snapshots.keep(m, row, prepared, out)?,
                            Err(problem) => out.reject(problem, row, &mapping.headers)?,
                        }
                    }
                    let _ = back_tx.try_send(chunk.rows);
                    self.progress.advance(
                        bytes_read.load(std::sync::atomic::Ordering::Relaxed),
                        rows_parsed,
                    );
                }
            }
            let rows_read = match reader.join() {
                Ok(r) => r?,
                Err(_) => anyhow::bail!("the reader of {name} stopped unexpectedly"),
            };
            // Every row read was parsed and taken, in order: nothing lost on the way.
            anyhow::ensure!(
                rows_parsed == rows_read && waiting.is_empty(),
                "internal error: {name}: read {rows_read} rows but parsed {rows_parsed}"
            );
            Ok(rows_read)
        });
        self.progress.finish();
        out.report.rows_read = rows_read?;
        order.check(&o.name, &mapping)?;
        snapshots.finish(o.table.encoding.name(), out)
    }
}
