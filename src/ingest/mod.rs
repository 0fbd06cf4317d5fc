//! `tally ingest`: files → validated rows → staged Parquet parts → one manifest commit.
//! Nothing here prints; the command reports the [`Summary`].

mod clutter;
mod csv_rows;
mod csv_text;
mod date;
pub mod decode;
mod dedupe;
mod departed_list;
mod doubled;
mod file_sums;
use file_sums::{check_file, file_sha256, sums_before_reading};
mod header_rows;
pub mod headers;
mod kind_check;
pub mod legacy;
mod legacy_cells;
mod line_split;
mod memo;
mod merged;
mod missing;
pub mod national_id;
mod org_columns;
mod org_words;
mod part_thread;
mod percent_cells;
mod pipeline;
pub mod problem;
pub mod reference;
pub mod rejects;
pub mod roll;
mod roll_source;
mod row;
mod snapshot;
mod told;
use told::{crosswalk_note, placed_departures, roll_size_alerts};
mod sources;
mod status;
mod status_headers;
mod stray_words;
pub mod table;
mod title_date;
pub mod value;
mod warnings;
pub use warnings::WarningKind;
use warnings::Warnings;
pub mod workbook;
mod workbook_cells;
mod workbook_guard;
mod workbook_parts;
mod xls_extent;

use anyhow::Result;
use chrono::NaiveDate;
use sha2::{Digest, Sha256};
use std::path::PathBuf;
use std::time::Duration;

use crate::error::Failure;
use crate::org::Org;
use crate::store::{self, IngestRecord, Manifest, Store};
use crate::t;
use decode::Encoding;
use headers::Kind;
use problem::Problem;
use table::{Row, Table};

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
    pub codes: roll::Codes,
    /// The unit of every row of a roll without a unit column (`--area`).
    pub area: Option<String>,
    /// The year of a counts or targets file that has no year column and names none in
    /// its title (`--year`).
    pub year: Option<i32>,
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
    /// Persons departed without a date, per snapshot written.
    pub(crate) undated: std::collections::BTreeMap<(Org, NaiveDate), Vec<u64>>,
    /// Rows and members active at the snapshot date by unit code, per snapshot written.
    pub(crate) units: std::collections::BTreeMap<(Org, NaiveDate), missing::Units>,
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
}

pub(crate) fn ingest_id(
    sha: &str,
    kind: Kind,
    org: Option<Org>,
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

pub(crate) struct Opened {
    pub name: String,
    pub path: std::path::PathBuf,
    /// The file's size in bytes.
    pub bytes: u64,
    /// The file's SHA-256 when taken before its rows are read (a workbook's sheets, a
    /// file that could be one already stored); else the table takes it as it reads.
    pub sha256: Option<String>,
    pub table: Table,
    /// What opening it said of the whole file (sheets of its workbook skipped).
    pub notes: Vec<crate::lang::Text>,
}

impl Opened {
    /// The file's SHA-256, once its rows are read: taken before, or as they were read,
    /// or (a file that changed size while it was read) read again now.
    pub(crate) fn checksum(&self) -> Result<String> {
        match self.sha256.clone().or_else(|| self.table.checksum()) {
            Some(sum) => Ok(sum),
            None => file_sha256(&self.path, &self.name).map(|(_, sha)| sha),
        }
    }
}

/// Runs the ingest. Returns the summary; the caller decides the exit code from it.
pub fn run(store: &Store, opts: &Options, progress: &dyn Progress) -> Result<Summary> {
    // Open every file first: a file that cannot be read at all stops the command
    // before the store is touched.
    let mut opened = Vec::new();
    for path in &opts.files {
        let name = path.display().to_string();
        check_file(path, &name)?;
        match sources::signature(path, &name)? {
            Some(sig) => {
                // calamine reads the workbook itself: its checksum is taken first.
                let (bytes, sha256) = file_sha256(path, &name)?;
                opened.extend(sources::sheets(path, &name, (bytes, &sha256), sig, opts)?)
            }
            None => {
                let table = Table::open(path, &name, opts.encoding, opts.kind)?;
                opened.push(Opened {
                    name,
                    path: path.clone(),
                    bytes: table.bytes_total,
                    sha256: None,
                    table,
                    notes: Vec::new(),
                });
            }
        }
    }
    opened.sort_by_key(|o| o.table.mapping.kind.load_order());
    if opened.iter().any(|o| o.table.mapping.kind == Kind::Roll) {
        roll_source::check_flags(opts, &opened)?;
    }

    let mut writer = store.write(opts.wait)?;
    // A dry run changes nothing, not even the store's format.
    if !opts.dry_run {
        if let Some(u) = writer.upgrade()? {
            crate::term::note(u.sentence(store.dir()));
        }
    }
    let mut reference = store::reference::load(&writer.dir, &writer.manifest)?;
    let mut next = writer.manifest.clone();
    sums_before_reading(&next, &mut opened)?;
    let pool = pipeline::RowPool::default();
    let spools = writer.dir.join(store::names::TMP);
    let mut sink = rejects::Sink::new(opts.rejects.as_deref(), opts.bom, &spools)?;
    let mut files = Vec::new();
    let mut warnings = Warnings::default();
    let mut prepared = snapshot::Prepared::default();

    for mut o in opened {
        let kind = o.table.mapping.kind;
        let mut report = FileReport::new(&o, opts.kind.is_none());
        if kind == Kind::Roll {
            for id in roll_source::stored_elsewhere(&next, &o, opts)? {
                move_out(&mut next, &id, &mut report);
            }
        }
        // A reference file is "nothing changed" only while the store holds what it
        // says: that is decided once it is read.
        let done = match kind {
            Kind::Roll => already_ingested(&next, &o, opts),
            _ => Vec::new(),
        };
        if !done.is_empty() {
            report.outcome = Outcome::AlreadyIngested(done);
            files.push(report);
            continue;
        }
        let mut out = Out {
            writer: &mut writer,
            next: &mut next,
            sink: &mut sink,
            warnings: &mut warnings,
            report: &mut report,
        };
        if kind == Kind::Roll {
            let file = pipeline::RollFile {
                opts,
                pool: &pool,
                reference: &reference,
                progress,
            };
            let records = file.ingest(&mut o, &mut prepared, &mut out)?;
            if report.rows_read == 0 {
                return Err(header_only(&o.name));
            }
            report.outcome = if records.is_empty() {
                Outcome::NothingValid
            } else {
                Outcome::Ingested(records)
            };
        } else {
            reference::ingest_file(&mut o, &mut reference, &mut out, opts)?;
        }
        report.totals_rows = o.table.skipped_totals.clone();
        report.notes.extend(o.table.source_notes());
        if let Some(n) = crosswalk_note(&report.mapped) {
            report.notes.push(n);
        }
        if report.padded > 0 {
            let n = report.padded;
            report
                .notes
                .push(crate::t!(crate::lang::reference::PADDED_AREA_CODES, n));
        }
        for (what, lines) in [
            ("the header repeated", &o.table.skipped_headers),
            ("the signature block", &o.table.skipped_signature),
        ] {
            if !lines.is_empty() {
                report.notes.push(
                    format!(
                        "skipped {what} on line(s) {}",
                        lines
                            .iter()
                            .map(u64::to_string)
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                    .into(),
                );
            }
        }
        files.push(report);
    }

    roll_size_alerts(&next, &mut files);
    placed_departures(&writer.dir, &writer.manifest, &mut files)?;
    let stores = missing::Stores {
        dir: &writer.dir,
        committed: &writer.manifest,
        next: &next,
        reference: &reference,
    };
    missing::missing_parts(&stores, &mut files)?;
    crate::store::fault::point("parsed");
    let summary = Summary {
        rejected: sink.count(),
        rejects_first: sink.first().to_vec(),
        warnings: warnings.first,
        warnings_total: warnings.total,
        warning_kinds: warnings.kinds,
        committed: false,
        rejects_written: false,
        files,
    };
    conclude(summary, sink, writer, next, opts)
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

/// The ingests that already stored these bytes as this kind (and, for a roll, with
/// the same --org and --as-of).
fn already_ingested(next: &Manifest, o: &Opened, opts: &Options) -> Vec<String> {
    let kind = o.table.mapping.kind;
    let roll = kind == Kind::Roll;
    let flag_org = opts.org.filter(|_| roll);
    let flag_as_of = opts.as_of.filter(|_| roll).map(|d| d.to_string());
    next.ingests
        .iter()
        .filter(|i| o.sha256.as_ref() == Some(&i.sha256) && i.kind == kind)
        .filter(|i| flag_org.is_none_or(|x| i.org.as_deref() == Some(x.code())))
        .filter(|i| {
            flag_as_of
                .as_ref()
                .is_none_or(|x| i.as_of.as_ref() == Some(x))
        })
        .map(|i| i.id.clone())
        .collect()
}

/// Takes out an ingest of the same bytes stored as another snapshot (--replace): the
/// file is stored anew as the snapshot asked for.
fn move_out(next: &mut Manifest, id: &str, report: &mut FileReport) {
    if let Some(r) = next.find(id) {
        report.notes.push(crate::t!(
            crate::lang::parts::MOVES_INGEST,
            id,
            roll_source::stored_as(r)
        ));
    }
    next.ingests.retain(|i| i.id != id);
}

pub(crate) fn header_only(name: &str) -> anyhow::Error {
    Failure::invalid(t!(crate::lang::sources::HEADER_NO_ROWS, name))
        .hint(t!(crate::lang::sources::EXPORT_FILE_AGAIN_DATA))
        .into()
}
