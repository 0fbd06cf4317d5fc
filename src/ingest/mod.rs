//! `tally ingest`: files → validated rows → staged Parquet parts → one manifest commit.
//! Nothing here prints; the command reports the [`Summary`].
//!
//! This room is the snapshot assembly. It opens the files (as `rows/` reads them),
//! checks the roll is the snapshot the command names (`roll_source.rs`), runs the roll
//! pipeline (`pipeline.rs` and `taker.rs`: rows parsed into members by `member/` on
//! worker threads, taken back in order), puts each member in its snapshot unless it
//! holds the person already (`snapshot.rs`, `dedupe.rs`, parts written by
//! `part_thread.rs`), keeps the rejects and warnings (`rejects.rs`, `warnings.rs`),
//! commits reference files as `reference/read/` parses them (`reference_file.rs`),
//! and says what the summary needs (`told.rs`, `missing.rs`). Nothing below it imports
//! it: `rows/`, `member/` and `reference/read/` never reach back here.

mod dedupe;
mod evidence;
mod file_sums;
use file_sums::sums_before_reading;
mod missing;
mod open;
mod part_thread;
mod pipeline;
mod reference_file;
pub mod rejects;
mod resent;
mod roll_source;
mod snapshot;
mod told;
use told::{placed_departures, roll_size_alerts};
mod taker;
mod warnings;
mod warnings_file;
pub use warnings::WarningKind;
use warnings::Warnings;

use anyhow::Result;
use chrono::NaiveDate;
use sha2::{Digest, Sha256};
use std::path::PathBuf;
use std::time::Duration;

use crate::error::Failure;
use crate::org::Org;
use crate::rows::decode::Encoding;
use crate::rows::headers::Kind;
use crate::rows::sources::Opened;
use crate::rows::table::Row;
use crate::store::{self, IngestRecord, Manifest, Store};
use crate::t;
use crate::value::problem::Problem;

/// What the command line asked for, resolved.
#[derive(Debug, Clone)]
pub struct Options {
    pub files: Vec<PathBuf>,
    pub kind: Option<Kind>,
    pub org: Option<Org>,
    pub as_of: Option<NaiveDate>,
    pub skip_invalid: bool,
    pub dry_run: bool,
    pub encoding: Option<Encoding>,
    pub replace: bool,
    pub wait: Duration,
    /// Where to write every rejected row (none: count them, keep the first).
    pub rejects: Option<PathBuf>,
    /// The workbook sheets to read (none: every visible sheet with a header).
    pub sheets: Vec<String>,
    /// Start the rejects file with a UTF-8 byte-order mark, for Excel.
    pub bom: bool,
    /// How unit codes are read (`--codes`).
    pub codes: crate::reference::crosswalk::Codes,
    /// How workbooks' date cells are read (`--date-cells`).
    pub date_cells: crate::rows::DateMode,
    /// The unit of every row of a roll without a unit column (`--area`).
    pub area: Option<String>,
    /// The year of a counts or targets file that has no year column and names none in
    /// its title (`--year`).
    pub year: Option<i32>,
    /// The organizations the store knows as the command starts (an orgs file ingested
    /// in the same command adds its own for the files after it).
    pub orgs: crate::org::Orgs,
    /// Where to write every warning (none: count them, keep the first of each kind).
    pub warnings: Option<PathBuf>,
}

#[derive(Debug, Clone)]
pub enum Outcome {
    /// The same bytes were ingested before (as these ingests).
    AlreadyIngested(Vec<String>),
    /// Stored (or, in a dry run, would be) as these ingests.
    Ingested(Vec<IngestRecord>),
    /// Every row was rejected; nothing to store.
    NothingValid,
}

#[derive(Debug, Clone)]
pub struct FileReport {
    pub file: String,
    pub kind: Kind,
    pub kind_detected: bool,
    pub encoding: Encoding,
    pub delimiter: u8,
    pub header_line: u64,
    pub ignored_columns: Vec<String>,
    pub totals_rows: Vec<u64>,
    /// What else the ingest did, as sentences (keys of a reference kind replaced, units
    /// reclassified, departures placed).
    pub notes: Vec<crate::lang::Text>,
    /// What the user must check, as sentences (a roll far smaller than the last one).
    pub alerts: Vec<crate::lang::Text>,
    /// Notes and alerts of the whole file (a workbook's sheets skipped) or of the whole
    /// snapshot (its missing parts), said once under the file's name, not a sheet's.
    pub file_notes: Vec<crate::lang::Text>,
    pub file_alerts: Vec<crate::lang::Text>,
    /// The earlier file every rejected row repeats (a corrected export under another
    /// name), for the hint to use --replace.
    pub corrects: Option<String>,
    /// Rows whose unit was read through the 2025 crosswalk, by old commune code.
    pub mapped: std::collections::BTreeMap<&'static str, u64>,
    /// Rows whose unit code had lost its leading zeros, read with them put back.
    pub padded: u64,
    /// Members whose sex was read from their national ID (the roll gives none).
    pub sex_from_id: u64,
    /// Persons departed without a date, per snapshot written.
    pub(crate) undated: std::collections::BTreeMap<(Org, NaiveDate), Vec<u64>>,
    /// Rows and members active at the snapshot date by unit code, per snapshot written.
    pub(crate) units: std::collections::BTreeMap<(Org, NaiveDate), missing::Units>,
    /// A commune's own list: its unit and its rows as kept, set against the unit's rows
    /// in the org's previous snapshot once every file is read.
    pub(crate) own_list: Option<resent::OwnList>,
    pub rows_read: u64,
    pub rejected: u64,
    pub warnings: u64,
    pub outcome: Outcome,
}

pub struct Summary {
    pub files: Vec<FileReport>,
    /// Rows rejected in all, and the first [`rejects::SHOWN`] problems.
    pub rejected: u64,
    pub rejects_first: Vec<Problem>,
    /// The first warnings, in file order, and how many there were in all.
    pub warnings: Vec<Problem>,
    pub warnings_total: u64,
    /// The warnings by kind, each with its count and first rows.
    pub warning_kinds: Vec<WarningKind>,
    pub committed: bool,
    /// Whether the `--rejects` file was written (not when every file was already
    /// ingested: the last one is left as it was).
    pub rejects_written: bool,
    /// The organizations known once the files were read (with an orgs file's), that
    /// the files' organizations are named by.
    pub orgs: crate::org::Orgs,
    /// Whether the `--warnings` file was written.
    pub warnings_written: bool,
}

pub(crate) fn ingest_id(
    sha: &str,
    kind: Kind,
    org: Option<&Org>,
    as_of: Option<NaiveDate>,
) -> String {
    let mut h = Sha256::new();
    h.update(sha.as_bytes());
    h.update(kind.code().as_bytes());
    h.update(org.map(|o| o.code()).unwrap_or("").as_bytes());
    h.update(as_of.map(|d| d.to_string()).unwrap_or_default().as_bytes());
    hex::encode(h.finalize())[..12].to_string()
}

pub(crate) fn now_utc() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Runs the ingest. Returns the summary; the caller decides the exit code from it.
pub fn run(store: &Store, opts: &Options, progress: &dyn Progress) -> Result<Summary> {
    let mut opened = open::open_all(opts)?;
    let mut writer = store.write(opts.wait)?;
    // A dry run changes nothing, not even the store's format.
    if !opts.dry_run {
        if let Some(u) = writer.upgrade()? {
            store.voice().note(u.sentence(store.dir()));
        }
    }
    let reference = store::reference::load(&writer.dir, &writer.manifest)?;
    let next = writer.manifest.clone();
    sums_before_reading(&next, &mut opened)?;
    let spools = writer.dir.join(store::names::TMP);
    let sink = rejects::Sink::new(
        opts.rejects.as_deref(),
        opts.bom,
        &spools,
        store.voice().lang,
    )?;
    let mut ingest = Ingest {
        opts,
        progress,
        writer,
        next,
        reference,
        sink,
        pool: pipeline::RowPool::default(),
        warnings: Warnings::writing(match &opts.warnings {
            Some(path) => Some(warnings_file::WarningsFile::new(
                path,
                opts.bom,
                store.voice().lang,
            )?),
            None => None,
        }),
        prepared: snapshot::Prepared::default(),
    };
    let mut files = Vec::new();
    for o in opened {
        files.push(ingest.file(o)?);
    }
    let Ingest {
        writer,
        mut next,
        reference,
        sink,
        mut warnings,
        ..
    } = ingest;
    roll_size_alerts(&next, &reference.orgs, &mut files);
    placed_departures(&writer.dir, &writer.manifest, &reference.orgs, &mut files)?;
    let stores = missing::Stores {
        dir: &writer.dir,
        committed: &writer.manifest,
        next: &next,
        reference: &reference,
    };
    missing::missing_parts(&stores, &mut files)?;
    let marks = resent::lists_sent_again(&stores, &mut files, opts.dry_run)?;
    resent::mark(&mut next, marks);
    crate::store::fault::point("parsed");
    let warnings_written = match warnings.file.take() {
        Some(f) => f.finish().map(|()| true)?,
        None => false,
    };
    let summary = Summary {
        rejected: sink.count(),
        rejects_first: sink.first().to_vec(),
        warnings: warnings.first,
        warnings_total: warnings.total,
        warning_kinds: warnings.kinds,
        committed: false,
        rejects_written: false,
        files,
        orgs: reference.orgs.clone(),
        warnings_written,
    };
    conclude(summary, sink, writer, next, opts)
}

/// An ingest under way: the store being staged (its next manifest, the reference as
/// the files so far leave it) and what the files so far have said.
struct Ingest<'a> {
    opts: &'a Options,
    progress: &'a dyn Progress,
    writer: store::Writer,
    next: Manifest,
    reference: crate::reference::Reference,
    sink: rejects::Sink,
    /// Chunks of rows, kept from roll file to roll file.
    pool: pipeline::RowPool,
    warnings: Warnings,
    prepared: snapshot::Prepared,
}

impl Ingest<'_> {
    /// Reads one file into the staged store: a roll's snapshots, or a reference file.
    fn file(&mut self, mut o: Opened) -> Result<FileReport> {
        let opts = self.opts;
        let kind = o.table.mapping.kind;
        let mut report = FileReport::new(&o, opts.kind.is_none());
        if kind == Kind::Roll {
            for id in roll_source::stored_elsewhere(&self.next, &o, opts)? {
                roll_source::move_out(&mut self.next, &id, &mut report, &self.reference.orgs);
            }
        }
        // A reference file is "nothing changed" only while the store holds what it
        // says: that is decided once it is read.
        let done = match kind {
            Kind::Roll => roll_source::already_ingested(&self.next, &o, opts),
            _ => Vec::new(),
        };
        if !done.is_empty() && !roll_source::reread(&mut self.next, &done, &o, opts, &mut report) {
            report.outcome = Outcome::AlreadyIngested(done);
            return Ok(report);
        }
        let mut out = Out {
            writer: &mut self.writer,
            next: &mut self.next,
            sink: &mut self.sink,
            warnings: &mut self.warnings,
            report: &mut report,
        };
        if kind == Kind::Roll {
            let file = pipeline::RollFile {
                opts,
                pool: &self.pool,
                reference: &self.reference,
                progress: self.progress,
            };
            let records = file.ingest(&mut o, &mut self.prepared, &mut out)?;
            if report.rows_read == 0 {
                return Err(header_only(&o.name));
            }
            report.outcome = if records.is_empty() {
                Outcome::NothingValid
            } else {
                Outcome::Ingested(records)
            };
        } else {
            reference_file::ingest_file(&mut o, &mut self.reference, &mut out, opts)?;
        }
        told::reading_notes(&o, opts.area.is_some(), &mut report);
        Ok(report)
    }
}

/// Writes the rejects file, then commits what the files gave (unless a dry run, or a
/// rejected row without --skip-invalid, or nothing new). The rejects file is in place
/// before the commit: a store that holds the valid rows always has their rejected ones
/// beside it.
fn conclude(
    mut summary: Summary,
    sink: rejects::Sink,
    writer: store::Writer,
    next: Manifest,
    opts: &Options,
) -> Result<Summary> {
    let strict_failure = summary.rejected > 0 && !opts.skip_invalid;
    let outcomes = || summary.files.iter().map(|f| &f.outcome);
    let changed = outcomes().any(|o| matches!(o, Outcome::Ingested(_)));
    let read = outcomes().any(|o| !matches!(o, Outcome::AlreadyIngested(_)));
    summary.rejects_written = sink.finish(read)?;
    crate::store::fault::point("rejects-written");
    if !opts.dry_run && !strict_failure && changed {
        writer.commit(next)?;
        summary.committed = true;
    }
    Ok(summary)
}

/// What an ingest tells the person waiting for it, as it goes. The command draws a
/// progress bar from it on a terminal; tests and pipes pass [`NoProgress`].
pub trait Progress: Sync {
    /// A file of `bytes` bytes is about to be read.
    fn start(&self, file: &str, bytes: u64);
    /// `bytes` of the file read so far, `rows` rows taken.
    fn advance(&self, bytes: u64, rows: u64);
    /// The file is done.
    fn finish(&self);
}

pub struct NoProgress;

impl Progress for NoProgress {
    fn start(&self, _: &str, _: u64) {}
    fn advance(&self, _: u64, _: u64) {}
    fn finish(&self) {}
}

/// Where a file's results go: the staged store, the rejects, the warnings, its report.
pub(crate) struct Out<'o> {
    pub writer: &'o mut store::Writer,
    pub next: &'o mut Manifest,
    pub sink: &'o mut rejects::Sink,
    pub warnings: &'o mut Warnings,
    pub report: &'o mut FileReport,
}

impl Out<'_> {
    pub(crate) fn reject(&mut self, problem: Problem, row: &Row, headers: &[String]) -> Result<()> {
        self.report.rejected += 1;
        self.sink.push(problem, row, headers)
    }

    pub(crate) fn warn(&mut self, problems: Vec<Problem>) {
        self.report.warnings += problems.len() as u64;
        self.warnings.note(problems);
    }
}

impl FileReport {
    fn new(o: &Opened, kind_detected: bool) -> FileReport {
        let kind = o.table.mapping.kind;
        FileReport {
            file: o.name.clone(),
            kind,
            kind_detected,
            encoding: o.table.encoding,
            delimiter: o.table.delimiter,
            header_line: o.table.header_line,
            ignored_columns: if kind == Kind::Areas {
                Vec::new()
            } else {
                let unknown = &o.table.mapping.unknown;
                unknown.iter().map(|(_, h)| h.clone()).collect()
            },
            totals_rows: Vec::new(),
            notes: Vec::new(),
            alerts: Vec::new(),
            file_notes: o.notes.clone(),
            file_alerts: Vec::new(),
            undated: Default::default(),
            units: Default::default(),
            corrects: None,
            mapped: Default::default(),
            padded: 0,
            sex_from_id: 0,
            own_list: None,
            rows_read: 0,
            rejected: 0,
            warnings: 0,
            outcome: Outcome::NothingValid,
        }
    }
}

impl FileReport {
    /// The file's name without its sheet: a workbook's notes are said under it.
    pub fn whole_file(&self) -> &str {
        snapshot::workbook_of(&self.file)
    }
}

pub(crate) fn header_only(name: &str) -> anyhow::Error {
    Failure::invalid(t!(crate::lang::sources::HEADER_NO_ROWS, name))
        .hint(t!(crate::lang::sources::EXPORT_FILE_AGAIN_DATA))
        .into()
}
