//! The roll pipeline: one thread reads rows in chunks, workers parse chunks (the
//! costly part: normalizing, validating, keyed hashing), and the calling thread takes
//! the parsed chunks back in file order, checks duplicates and writes the parts (see
//! `taker.rs`). The channels are bounded, so memory stays a few chunks per stage.

use anyhow::Result;
use std::collections::BTreeMap;
use std::sync::atomic::Ordering;
use std::sync::{mpsc, Arc, Mutex};

use super::evidence::{Evidence, Looks, Settled};
use super::resent::OwnList;
use super::roll_source::{check_fits, Fits};
use super::snapshot::{Prepared, Snapshots};
use super::taker::{Excused, Taker};
use super::{Options, Out, Progress};
use crate::member::{self, org_words};
use crate::reference::Reference;
use crate::rows::headers::{Field, Mapping};
use crate::rows::sources::Opened;
use crate::rows::table::{Row, Table};
use crate::store::IngestRecord;

/// Rows a worker parses at a time. A chunk's rows and parsed members (about 350 KiB)
/// stay in a core's cache between the worker and the taker: at 10M rows, 4.5% less
/// CPU and 28 MiB less memory than chunks of 4096.
const CHUNK_ROWS: usize = 1024;
/// The most text a chunk holds (a chunk of long rows is cut short): a row may hold up
/// to a megabyte, and the chunks in flight and in the pool must stay a few megabytes.
const CHUNK_BYTES: usize = 4 << 20;
const MAX_WORKERS: usize = 8;
/// How many rows ahead a worker asks for a row's cells: the reader filled them on
/// another core.
const PREFETCH_ROWS: usize = 4;

/// One roll file, read against the reference as it stands.
pub(super) struct RollFile<'a> {
    pub opts: &'a Options,
    /// Chunks of rows to fill, from the files before.
    pub pool: &'a RowPool,
    pub reference: &'a Reference,
    pub progress: &'a dyn Progress,
}

/// A chunk of rows, parsed by a worker: `parsed[i]` is `rows[i]` read.
struct Chunk {
    seq: u64,
    rows: Vec<Row>,
    parsed: Vec<member::Parsed>,
    evidence: Evidence,
}

fn parse_chunk(
    ctx: &member::RollContext,
    seq: u64,
    rows: Vec<Row>,
    (keys, settled): (&mut member::Keys, &mut Settled),
) -> Chunk {
    let mut evidence = Evidence::default();
    let looks = Looks::new(ctx.mapping);
    let mut parsed: Vec<member::Parsed> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            if let Some(ahead) = rows.get(i + PREFETCH_ROWS) {
                ahead.prefetch();
            }
            evidence.look(&looks, row, settled);
            member::parse_in_chunk(ctx, row, i, keys)
        })
        .collect();
    keys.finish(&mut parsed);
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
    let (mut n, mut bytes) = (0, 0);
    while n < CHUNK_ROWS && bytes < CHUNK_BYTES {
        if n == chunk.len() {
            chunk.push(Row::new(0, [""; 0]));
        }
        // The row last went round another core: ask for the one a few places on.
        if let Some(ahead) = chunk.get(n + PREFETCH_ROWS) {
            ahead.prefetch();
        }
        if !table.next_row_into(&mut chunk[n])? {
            break;
        }
        bytes += chunk[n].bytes().len();
        n += 1;
    }
    chunk.truncate(n);
    Ok(chunk)
}

/// Chunks of rows taken, to be filled again: a row keeps its buffers, so a reused
/// chunk is filled without allocating. Kept from file to file of a command.
#[derive(Default)]
pub(super) struct RowPool(Mutex<Vec<Vec<Row>>>);

/// Chunks a pool keeps at most (a few per stage of the pipeline).
const POOLED: usize = 4 * MAX_WORKERS + 4;

impl RowPool {
    fn take(&self) -> Vec<Row> {
        self.0
            .lock()
            .ok()
            .and_then(|mut p| p.pop())
            .unwrap_or_else(|| Vec::with_capacity(CHUNK_ROWS))
    }

    fn give(&self, chunk: Vec<Row>) {
        if let Ok(mut p) = self.0.lock() {
            if p.len() < POOLED {
                p.push(chunk);
            }
        }
    }
}

/// The reader: fills chunks (reusing those that come back) and sends them in order.
fn read_rows(table: &mut Table, jobs: mpsc::SyncSender<Job>, pool: &RowPool) -> Result<u64> {
    let mut rows_read = 0;
    for seq in 0.. {
        let reuse = pool.take();
        let chunk = fill(table, reuse)?;
        if chunk.is_empty() {
            break;
        }
        rows_read += chunk.len() as u64;
        if jobs.send((seq, chunk)).is_err() {
            break;
        }
    }
    Ok(rows_read)
}

/// A chunk of rows to parse, with its place in the file.
type Job = (u64, Vec<Row>);

/// A worker: parses chunks until the reader is done or the taker has stopped.
fn parse_rows(
    ctx: member::RollContext,
    jobs: Arc<Mutex<mpsc::Receiver<Job>>>,
    done: mpsc::SyncSender<Chunk>,
) {
    let mut keys = member::Keys::new(ctx.secret);
    let mut settled = Settled::default();
    loop {
        let job = match jobs.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok((seq, rows)) = job else { return };
        if done
            .send(parse_chunk(&ctx, seq, rows, (&mut keys, &mut settled)))
            .is_err()
        {
            return;
        }
    }
}

/// Takes the parsed chunks back in file order, a chunk at a time; gives each chunk's
/// rows back to be refilled. Returns the rows taken.
fn take_in_order(
    done: mpsc::Receiver<Chunk>,
    back: &RowPool,
    order: &mut Evidence,
    mut take: impl FnMut(&[Row], Vec<member::Parsed>) -> Result<()>,
    mut taken: impl FnMut(u64),
) -> Result<u64> {
    let mut rows = 0u64;
    let mut waiting: BTreeMap<u64, Chunk> = BTreeMap::new();
    let mut next_seq = 0;
    for chunk in done.iter() {
        waiting.insert(chunk.seq, chunk);
        while let Some(chunk) = waiting.remove(&next_seq) {
            next_seq += 1;
            order.merge(&chunk.evidence);
            rows += chunk.rows.len() as u64;
            take(&chunk.rows, chunk.parsed)?;
            back.give(chunk.rows);
            taken(rows);
        }
    }
    anyhow::ensure!(
        waiting.is_empty(),
        "internal error: a chunk was never taken"
    );
    Ok(rows)
}

impl RollFile<'_> {
    /// The unit of every row of a roll without a unit column (a commune's own list);
    /// `None` for a roll whose rows say their unit (by a column, or by section
    /// headings without `--area`). A list grouped under section headings with `--area`
    /// is that unit's, its headings checked against it once read
    /// ([`member::headings_agree`]).
    fn file_unit(&self, o: &Opened, mapping: &Mapping) -> Result<Option<member::FileUnit>> {
        let by_sections = o.table.sections.give_units() && self.opts.area.is_some();
        if mapping.has_unit() && !by_sections {
            return Ok(None);
        }
        let sources = member::Sources {
            file: &o.name,
            header_line: o.table.header_line,
            headers: &mapping.headers,
            option: self.opts.area.as_deref(),
            title: &o.table.title,
            sheet: o.table.sheet.as_deref(),
        };
        member::file_unit(&sources, self.reference).map(Some)
    }

    pub(super) fn ingest(
        &self,
        o: &mut Opened,
        prepared: &mut Prepared,
        out: &mut Out,
    ) -> Result<Vec<IngestRecord>> {
        let name = o.name.clone();
        if let Some(said) = crate::rows::departed_list::departed_list(&o.table) {
            return Err(crate::rows::departed_list::refusal(&name, &said));
        }
        let mapping = o.table.mapping.clone();
        let secret = out.writer.secret.clone();
        let unit = self.file_unit(o, &mapping)?;
        out.report.own_list = (unit.as_ref()).map(|u| OwnList::new(u.code.clone(), u.name.clone()));
        match &unit {
            Some(u) => out.report.notes.push(u.sentence()),
            None if self.opts.area.is_some() => {
                (out.report.notes).push(crate::t!(crate::lang::ingest::AREA_NOT_USED));
            }
            None => {}
        }
        let mut taker = Taker {
            mapping: &mapping,
            snapshots: self.snapshots(o, &name, &mapping),
            fits: Fits::default(),
            excused: Excused::default(),
            ahead: Vec::with_capacity(CHUNK_ROWS),
        };
        let mut order = Evidence::default();
        let sheet = o.table.sheet.is_some();
        let comma = o.table.comma_separated();
        let context = || member::RollContext {
            file: &name,
            mapping: &mapping,
            reference: self.reference,
            secret: &secret,
            org: self.opts.org.clone(),
            as_of: self.opts.as_of,
            codes: self.opts.codes,
            lookups: Default::default(),
            unit: unit.as_ref(),
            sheet,
            comma,
        };
        self.progress.start(&name, o.table.bytes_total);
        let rows = self.stages(&mut o.table, &name, context, &mut order, |rows, parsed| {
            taker.take(rows, parsed, prepared, out)
        });
        self.progress.finish();
        let (read, taken) = rows?;
        // Every row read was parsed and taken, in order: nothing lost on the way.
        anyhow::ensure!(
            read == taken,
            "internal error: {name}: read {read} rows but took {taken}"
        );
        out.report.rows_read = read;
        order.check(&o.name, &mapping)?;
        if let Some(u) = unit.as_ref().filter(|_| o.table.sections.give_units()) {
            member::headings_agree(u, &o.table.sections.met, &name, self.reference)?;
        }
        self.conclude(o, taker, out)
    }

    /// The snapshots a roll file's members go into, sized for its rows, with the date
    /// its title or sheet name gives.
    fn snapshots<'s>(&self, o: &Opened, name: &'s str, mapping: &'s Mapping) -> Snapshots<'s> {
        // A row brings one or two identity keys (a member ID is the second).
        let keys = o.table.rows_estimate() * (1 + usize::from(mapping.has(Field::MemberId)));
        Snapshots::new(
            name,
            &mapping.headers,
            self.opts.replace,
            keys,
            (self.opts.org.clone(), self.opts.as_of),
        )
        .with_title(
            crate::member::title_date::figures_date(&o.table.title)
                .into_iter()
                .chain(
                    o.table
                        .sheet
                        .as_deref()
                        .and_then(crate::member::title_date::sheet_date),
                ),
        )
    }

    /// Runs the stages over the whole table: the reader, the parsing workers (each
    /// with its own `context()`), and `take` on the calling thread, chunk by chunk in
    /// file order. Returns the rows read and the rows taken.
    fn stages<'c>(
        &self,
        table: &mut Table,
        name: &str,
        context: impl Fn() -> member::RollContext<'c>,
        order: &mut Evidence,
        take: impl FnMut(&[Row], Vec<member::Parsed>) -> Result<()>,
    ) -> Result<(u64, u64)> {
        let bytes_read = table.bytes_read();
        let workers = workers();
        let (job_tx, job_rx) = mpsc::sync_channel(workers * 2);
        let (done_tx, done_rx) = mpsc::sync_channel(workers * 2);
        // Each stage owns its channel ends, so that when one stops (an error in the
        // taker, a bad row in the reader) the others see their channel close and stop.
        std::thread::scope(|scope| -> Result<(u64, u64)> {
            // Named threads, so that a profile tells the stages apart.
            let reader = std::thread::Builder::new()
                .name("tally-read".into())
                .spawn_scoped(scope, move || read_rows(table, job_tx, self.pool))?;
            let job_rx = Arc::new(Mutex::new(job_rx));
            for _ in 0..workers {
                let ctx = context();
                let (jobs, done) = (job_rx.clone(), done_tx.clone());
                std::thread::Builder::new()
                    .name("tally-parse".into())
                    .spawn_scoped(scope, move || parse_rows(ctx, jobs, done))?;
            }
            drop((done_tx, job_rx));
            let taken = take_in_order(done_rx, self.pool, order, take, |rows| {
                self.progress
                    .advance(bytes_read.load(Ordering::Relaxed), rows)
            })?;
            match reader.join() {
                Ok(read) => Ok((read?, taken)),
                Err(_) => anyhow::bail!("the reader of {name} stopped unexpectedly"),
            }
        })
    }

    /// Once every row is taken: the file-wide checks and notes (a file of another
    /// organization, the rule for temporary statuses), then the snapshots written.
    fn conclude(&self, o: &Opened, taker: Taker, out: &mut Out) -> Result<Vec<IngestRecord>> {
        let Taker {
            mapping,
            snapshots,
            fits,
            excused,
            ..
        } = taker;
        let name = &o.name;
        if let Some(alert) =
            check_fits(name, snapshots.org().as_ref(), fits, self.opts.skip_invalid)?
        {
            out.report.alerts.push(alert);
        }
        // A snapshot dated after today is a slip in its year (2027 for 2026): stored as
        // the file says, and said where the reader looks.
        let today = chrono::Local::now().date_naive();
        if let Some(day) = snapshots.as_of().filter(|d| *d > today) {
            use crate::lang::{ingest as msg, Text};
            let alert = crate::t!(msg::AS_OF_AFTER_TODAY, Text::Date(day), Text::Date(today));
            out.report.alerts.push(alert);
        }
        let (title, skip) = (&o.table.title, self.opts.skip_invalid);
        let named = org_words::check(name, snapshots.org().as_ref(), (title, mapping), skip)?;
        out.report.notes.extend(named);
        out.report.notes.extend(excused.note());
        let sha256 = super::file_sums::checksum(o)?;
        snapshots.finish(&sha256, o.bytes, o.table.encoding.name(), out)
    }
}

/// The parsing workers: the reader, the taker and the part writer need about a core
/// between them, parsing the rest; but on 2 cores one parser was the longest thread
/// (half the CPU), and two share the cores with the others: the 10M-row bench, 6.0 s
/// against 6.8 s.
fn workers() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .saturating_sub(1)
        .clamp(2, MAX_WORKERS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk(seq: u64) -> Chunk {
        Chunk {
            seq,
            rows: vec![Row::new(seq + 1, ["x"])],
            parsed: Vec::new(),
            evidence: Evidence::default(),
        }
    }

    /// Takes the chunks sent in `order`: the lines taken, or the error.
    fn take(order: &[u64]) -> Result<Vec<u64>> {
        let (tx, rx) = mpsc::sync_channel(order.len());
        let back = RowPool::default();
        for &seq in order {
            tx.send(chunk(seq))?;
        }
        drop(tx);
        let mut lines = Vec::new();
        let taken = take_in_order(
            rx,
            &back,
            &mut Evidence::default(),
            |rows, _| {
                lines.extend(rows.iter().map(|r| r.line));
                Ok(())
            },
            |_| {},
        )?;
        assert_eq!(taken, lines.len() as u64);
        Ok(lines)
    }

    #[test]
    fn chunks_are_taken_in_file_order_whatever_order_workers_finish_in() {
        // Several workers finish their chunks out of order (one worker on 2 cores
        // never does, so the suite would not see it otherwise).
        assert_eq!(take(&[2, 0, 3, 1, 4]).unwrap(), [1, 2, 3, 4, 5]);
        assert_eq!(take(&[0, 1]).unwrap(), [1, 2]);
        // A chunk that never came is an error, not rows silently lost.
        assert!(take(&[0, 2]).is_err());
    }
}
