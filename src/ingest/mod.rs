//! `tally ingest`: files → validated rows → staged Parquet parts → one manifest commit.
//! Nothing here prints; the command reports the [`Summary`].

pub mod decode;
pub mod headers;
pub mod legacy;
pub mod national_id;
pub mod problem;
pub mod reference;
pub mod rejects;
pub mod roll;
pub mod table;
pub mod value;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

use crate::error::{Exit, Failure};
use crate::org::Org;
use crate::reference::Reference;
use crate::store::part::PartWriter;
use crate::store::{self, rolls, IngestRecord, Manifest, Store};
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
}

/// A rejected row with the header of its file, for the rejects CSV.
#[derive(Debug, Clone)]
pub struct Reject {
    pub problem: Problem,
    pub row: Row,
    pub headers: Vec<String>,
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
    pub rows_read: u64,
    pub rejected: u64,
    pub warnings: u64,
    pub outcome: Outcome,
}

pub struct Summary {
    pub files: Vec<FileReport>,
    pub rejects: Vec<Reject>,
    /// The first warnings, in file order, and how many there were in all.
    pub warnings: Vec<Problem>,
    pub warnings_total: u64,
    pub committed: bool,
}

pub const WARNINGS_KEPT: usize = 20;
const BATCH_ROWS: usize = 65_536;

/// SHA-256 of a file's bytes.
fn file_sha256(path: &std::path::Path, name: &str) -> Result<String> {
    use std::io::Read;
    if path.is_dir() {
        return Err(
            Failure::new(Exit::Io, format!("{name} is a directory, not a CSV file"))
                .hint("name the CSV files inside it, e.g. DIR/*.csv")
                .into(),
        );
    }
    // A pipe or device can be read once only; an ingest reads a file twice (its hash,
    // then its rows).
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return Err(Failure::new(
            Exit::Io,
            format!("{name} is not a regular file (a pipe or a device?)"),
        )
        .hint("save the data to a file first, then ingest the file")
        .into());
    }
    let mut f = std::fs::File::open(path).with_context(|| format!("cannot open {name}"))?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = f
            .read(&mut buf)
            .with_context(|| format!("cannot read {name}"))?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(hex::encode(h.finalize()))
}

fn ingest_id(sha: &str, kind: Kind, org: Option<Org>, as_of: Option<NaiveDate>) -> String {
    let mut h = Sha256::new();
    h.update(sha.as_bytes());
    h.update(kind.code().as_bytes());
    h.update(org.map(|o| o.code()).unwrap_or("").as_bytes());
    h.update(as_of.map(|d| d.to_string()).unwrap_or_default().as_bytes());
    hex::encode(h.finalize())[..12].to_string()
}

fn now_utc() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

struct Opened {
    name: String,
    sha256: String,
    table: Table,
}

/// Runs the ingest. Returns the summary; the caller decides the exit code from it.
pub fn run(store: &Store, opts: &Options) -> Result<Summary> {
    // Open every file first: a file that cannot be read at all stops the command
    // before the store is touched.
    let mut opened = Vec::new();
    for path in &opts.files {
        let name = path.display().to_string();
        let sha256 = file_sha256(path, &name)?;
        let table = Table::open(path, &name, opts.encoding, opts.kind)?;
        opened.push(Opened {
            name,
            sha256,
            table,
        });
    }
    opened.sort_by_key(|o| o.table.mapping.kind.load_order());
    if opened.iter().any(|o| o.table.mapping.kind == Kind::Roll) {
        check_roll_source(opts, &opened)?;
    }

    let mut writer = store.write(opts.wait)?;
    let mut reference = store::reference::load(&writer.dir, &writer.manifest)?;
    let mut next = writer.manifest.clone();
    let mut summary = Summary {
        files: Vec::new(),
        rejects: Vec::new(),
        warnings: Vec::new(),
        warnings_total: 0,
        committed: false,
    };
    let mut seen: HashMap<(Org, NaiveDate), Seen> = HashMap::new();

    for mut o in opened {
        let kind = o.table.mapping.kind;
        let flag_org = if kind == Kind::Roll { opts.org } else { None };
        let flag_as_of = if kind == Kind::Roll { opts.as_of } else { None };
        let mut report = FileReport {
            file: o.name.clone(),
            kind,
            kind_detected: opts.kind.is_none(),
            encoding: o.table.encoding,
            delimiter: o.table.delimiter,
            header_line: o.table.header_line,
            ignored_columns: if kind == Kind::Areas {
                Vec::new()
            } else {
                o.table
                    .mapping
                    .unknown
                    .iter()
                    .map(|(_, h)| h.clone())
                    .collect()
            },
            totals_rows: Vec::new(),
            rows_read: 0,
            rejected: 0,
            warnings: 0,
            outcome: Outcome::NothingValid,
        };
        let done: Vec<String> = next
            .ingests
            .iter()
            .filter(|i| i.sha256 == o.sha256 && i.kind == kind.code())
            .filter(|i| flag_org.is_none_or(|x| i.org.as_deref() == Some(x.code())))
            .filter(|i| {
                flag_as_of.is_none_or(|x| i.as_of.as_deref() == Some(x.to_string().as_str()))
            })
            .map(|i| i.id.clone())
            .collect();
        if !done.is_empty() {
            report.outcome = Outcome::AlreadyIngested(done);
            summary.files.push(report);
            continue;
        }
        if kind == Kind::Roll {
            let ctx = RollIngest {
                opts,
                reference: &reference,
            };
            let records = ctx.ingest(
                &mut o,
                &mut writer,
                &mut next,
                &mut seen,
                &mut summary,
                &mut report,
            )?;
            if report.rows_read == 0 {
                return Err(header_only(&o.name));
            }
            report.outcome = if records.is_empty() {
                Outcome::NothingValid
            } else {
                Outcome::Ingested(records)
            };
        } else {
            let out = reference::read(&mut o.table, &reference)?;
            if out.parsed.rows() + out.rejects.len() == 0 {
                return Err(header_only(&o.name));
            }
            report.rows_read = (out.parsed.rows() + out.rejects.len()) as u64;
            report.rejected = out.rejects.len() as u64;
            report.warnings = out.warnings.len() as u64;
            note_warnings(&mut summary, out.warnings);
            for (problem, row) in out.rejects {
                summary.rejects.push(Reject {
                    problem,
                    row,
                    headers: o.table.mapping.headers.clone(),
                });
            }
            if out.parsed.rows() == 0 {
                report.outcome = Outcome::NothingValid;
            } else {
                let id = ingest_id(&o.sha256, kind, None, None);
                let rel = format!("reference/{}-{id}.parquet", kind.code());
                let tmp = writer.stage(rel.clone());
                let df = match &out.parsed {
                    reference::Parsed::Areas(a) => store::reference::areas_frame(a)?,
                    reference::Parsed::Enterprises(e) => store::reference::enterprises_frame(e)?,
                    reference::Parsed::Eligible(v) => store::reference::eligible_frame(v)?,
                    reference::Parsed::Targets(v) => store::reference::targets_frame(v)?,
                };
                let mut pw = PartWriter::create(&tmp, df.schema().as_ref().clone())?;
                pw.write(&df)?;
                let info = pw.finish()?;
                let rec = IngestRecord {
                    id,
                    kind: kind.code().into(),
                    file: o.name.clone(),
                    sha256: o.sha256.clone(),
                    rows: info.rows,
                    rejected: report.rejected,
                    warnings: report.warnings,
                    ingested_at: now_utc(),
                    encoding: o.table.encoding.name().into(),
                    org: None,
                    as_of: None,
                    part: rel,
                    part_sha256: info.sha256,
                    part_bytes: info.bytes,
                };
                // A newer reference file of a kind replaces the older one.
                next.ingests.retain(|i| i.kind != kind.code());
                next.ingests.push(rec.clone());
                out.parsed.install(&mut reference);
                report.outcome = Outcome::Ingested(vec![rec]);
            }
        }
        report.totals_rows = o.table.skipped_totals.clone();
        summary.files.push(report);
    }

    let strict_failure = !summary.rejects.is_empty() && !opts.skip_invalid;
    let changed = summary
        .files
        .iter()
        .any(|f| matches!(f.outcome, Outcome::Ingested(_)));
    crate::store::fault::point("parsed");
    if !opts.dry_run && !strict_failure && changed {
        writer.commit(next)?;
        summary.committed = true;
    }
    Ok(summary)
}

fn header_only(name: &str) -> anyhow::Error {
    Failure::invalid(format!("{name} has a header but no rows"))
        .hint("export the file again with its data; an empty roll is not stored as zero members")
        .into()
}

/// Rolls need an organization and a date: from the flags or from columns.
fn check_roll_source(opts: &Options, opened: &[Opened]) -> Result<()> {
    for o in opened.iter().filter(|o| o.table.mapping.kind == Kind::Roll) {
        let m = &o.table.mapping;
        if opts.org.is_none() && !m.has(headers::Field::Org) {
            return Err(Failure::usage(format!(
                "{}: which organization's roll is this? The file has no org column",
                o.name
            ))
            .hint("add --org union|youth|women|farmers|veterans")
            .into());
        }
        if opts.as_of.is_none() && !m.has(headers::Field::AsOf) {
            return Err(Failure::usage(format!(
                "{}: as of which date is this roll? The file has no as_of column",
                o.name
            ))
            .hint("add --as-of DATE, e.g. --as-of 31/10/2026")
            .into());
        }
    }
    Ok(())
}

fn note_warnings(summary: &mut Summary, warnings: Vec<Problem>) {
    summary.warnings_total += warnings.len() as u64;
    for w in warnings {
        if summary.warnings.len() < WARNINGS_KEPT {
            summary.warnings.push(w);
        }
    }
}

/// Who a snapshot already holds, by identity key, with where each was first seen. An
/// entry is 16 bytes (key prefix, file number, line): this is the one part of an
/// ingest's memory that grows with the rows.
#[derive(Default)]
struct Seen {
    national_id: HashMap<u64, Origin>,
    member: HashMap<u64, Origin>,
    name: HashMap<u64, Origin>,
    files: Vec<String>,
}

#[derive(Clone, Copy)]
struct Origin {
    /// Index into `Seen::files`.
    file: u32,
    /// 0 for a row already in the store.
    line: u32,
}

fn short(k: &store::privacy::Key) -> u64 {
    u64::from_le_bytes([k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7]])
}

impl Seen {
    fn origin(&mut self, file: &str, line: u64) -> Origin {
        // The file being read is the last one added: look from the end, so a snapshot
        // of many stored parts costs one comparison per row, not one per part.
        let at = match self.files.iter().rposition(|f| f == file) {
            Some(i) => i,
            None => {
                self.files.push(file.to_string());
                self.files.len() - 1
            }
        };
        Origin {
            file: at as u32,
            line: u32::try_from(line).unwrap_or(u32::MAX),
        }
    }

    /// The earlier row this member repeats, if any; otherwise records the member.
    fn check_and_insert(
        &mut self,
        m: &roll::Member,
        origin: Origin,
    ) -> Option<(Origin, &'static str)> {
        if m.has_national_id {
            if let Some(o) = self.national_id.get(&short(&m.person)) {
                return Some((*o, "national ID"));
            }
        }
        if let Some(k) = &m.member_key {
            if let Some(o) = self.member.get(&short(k)) {
                return Some((*o, "member ID"));
            }
        }
        if !m.has_national_id {
            if let Some(k) = &m.name_key {
                if let Some(o) = self.name.get(&short(k)) {
                    return Some((*o, "name, birth date and area"));
                }
            }
        }
        if m.has_national_id {
            self.national_id.insert(short(&m.person), origin);
        }
        if let Some(k) = &m.member_key {
            self.member.insert(short(k), origin);
        }
        if !m.has_national_id {
            if let Some(k) = &m.name_key {
                self.name.insert(short(k), origin);
            }
        }
        None
    }
}

struct RollIngest<'a> {
    opts: &'a Options,
    reference: &'a Reference,
}

/// One snapshot's part being written from one file.
struct SnapPart {
    id: String,
    rel: String,
    writer: PartWriter,
    batch: Vec<roll::Member>,
}

const CHUNK_ROWS: usize = 4096;
const MAX_WORKERS: usize = 8;
const DATE_FIELDS: [headers::Field; 3] = [
    headers::Field::JoinedOn,
    headers::Field::LeftOn,
    headers::Field::BirthDate,
];

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
}

/// A chunk of rows, parsed by a worker.
struct Chunk {
    seq: u64,
    rows: Vec<(Row, roll::Parsed)>,
    evidence: Evidence,
}

fn parse_chunk(ctx: &roll::RollContext, seq: u64, rows: Vec<Row>) -> Chunk {
    let mut evidence = Evidence::default();
    let rows = rows
        .into_iter()
        .map(|row| {
            for (k, f) in DATE_FIELDS.iter().enumerate() {
                match value::day_first_evidence(row.get(ctx.mapping.index(*f))) {
                    Some(true) => evidence.0[k].0 += 1,
                    Some(false) if evidence.0[k].1.is_none() => evidence.0[k].1 = Some(row.line),
                    _ => {}
                }
            }
            let parsed = roll::parse(ctx, &row);
            (row, parsed)
        })
        .collect();
    Chunk {
        seq,
        rows,
        evidence,
    }
}

/// Where a parsed member goes: the file's parts, the snapshot's who-is-who, the summary.
struct Keep<'k> {
    file: &'k str,
    sha256: &'k str,
    mapping: &'k headers::Mapping,
    writer: &'k mut store::Writer,
    next: &'k mut Manifest,
    seen: &'k mut HashMap<(Org, NaiveDate), Seen>,
    summary: &'k mut Summary,
    report: &'k mut FileReport,
    parts: &'k mut BTreeMap<(Org, NaiveDate), SnapPart>,
}

impl RollIngest<'_> {
    #[allow(clippy::too_many_arguments)]
    fn ingest(
        &self,
        o: &mut Opened,
        writer: &mut store::Writer,
        next: &mut Manifest,
        seen: &mut HashMap<(Org, NaiveDate), Seen>,
        summary: &mut Summary,
        report: &mut FileReport,
    ) -> Result<Vec<IngestRecord>> {
        let name = o.name.clone();
        let mapping = o.table.mapping.clone();
        let secret = writer.secret.clone();
        let mut parts: BTreeMap<(Org, NaiveDate), SnapPart> = BTreeMap::new();
        let mut warnings = Vec::new();
        let mut order = Evidence::default();
        let sha256 = o.sha256.clone();
        let workers = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .clamp(1, MAX_WORKERS);

        // Three stages: this thread's helper reads rows in chunks; workers parse chunks
        // (the costly part: normalizing, validating, keyed hashing); this thread takes
        // the parsed chunks back in file order and de-duplicates and writes them. The
        // channels are bounded, so memory stays a few chunks per stage.
        let (job_tx, job_rx) = mpsc::sync_channel::<(u64, Vec<Row>)>(workers * 2);
        let (done_tx, done_rx) = mpsc::sync_channel::<Chunk>(workers * 2);
        std::thread::scope(|scope| -> Result<()> {
            // Owned by the stages, so that when one stage stops (an error here, a bad
            // row in the reader) the others see their channel close and stop too.
            let done_rx = done_rx;
            let job_rx = std::sync::Arc::new(std::sync::Mutex::new(job_rx));
            let table = &mut o.table;
            let reader = scope.spawn(move || -> Result<u64> {
                let mut rows_read = 0;
                let mut seq = 0;
                let mut chunk = Vec::with_capacity(CHUNK_ROWS);
                while let Some(row) = table.next_row()? {
                    rows_read += 1;
                    chunk.push(row);
                    if chunk.len() == CHUNK_ROWS {
                        let full = std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK_ROWS));
                        if job_tx.send((seq, full)).is_err() {
                            return Ok(rows_read);
                        }
                        seq += 1;
                    }
                }
                if !chunk.is_empty() {
                    let _ = job_tx.send((seq, chunk));
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
                    for (row, parsed) in chunk.rows {
                        report.warnings += parsed.warnings.len() as u64;
                        warnings.extend(parsed.warnings);
                        if warnings.len() > 4 * WARNINGS_KEPT {
                            note_warnings(summary, std::mem::take(&mut warnings));
                        }
                        let member = match parsed.member {
                            Ok(m) => m,
                            Err(problem) => {
                                report.rejected += 1;
                                summary.rejects.push(Reject {
                                    problem,
                                    row,
                                    headers: mapping.headers.clone(),
                                });
                                continue;
                            }
                        };
                        let mut at = Keep {
                            file: &name,
                            sha256: &sha256,
                            mapping: &mapping,
                            writer,
                            next,
                            seen,
                            summary,
                            report,
                            parts: &mut parts,
                        };
                        self.keep(member, row, &mut at)?;
                    }
                }
            }
            report.rows_read = match reader.join() {
                Ok(r) => r?,
                Err(_) => anyhow::bail!("the reader of {name} stopped unexpectedly"),
            };
            // Every row read was parsed and taken, in order: nothing lost on the way.
            anyhow::ensure!(
                rows_parsed == report.rows_read && waiting.is_empty(),
                "internal error: {name}: read {} rows but parsed {rows_parsed}",
                report.rows_read
            );
            Ok(())
        })?;
        note_warnings(summary, warnings);
        // A column whose dates make sense only month-first would be misread wherever
        // the day is 12 or less: refuse the file rather than guess.
        for (k, f) in DATE_FIELDS.iter().enumerate() {
            if let (0, Some(line)) = order.0[k] {
                let header = mapping
                    .index(*f)
                    .map(|i| mapping.headers[i].clone())
                    .unwrap_or_default();
                return Err(Failure::invalid(format!(
                    "{}: the dates in column \"{header}\" are month-first (line {line} has a month above 12 in the middle, and no date there has a day above 12 first); tally never guesses month-first dates",
                    o.name
                ))
                .hint("export the dates as dd/mm/yyyy or yyyy-mm-dd (in Excel: format the column as Text or as a Vietnamese date) and ingest again")
                .into());
            }
        }
        let mut records = Vec::new();
        let first_key = parts.keys().next().copied();
        for (key, mut p) in parts {
            p.writer.write(&rolls::frame(&p.batch)?)?;
            let info = p.writer.finish()?;
            let rec = IngestRecord {
                id: p.id,
                kind: Kind::Roll.code().into(),
                file: o.name.clone(),
                sha256: o.sha256.clone(),
                rows: info.rows,
                rejected: if Some(key) == first_key {
                    report.rejected
                } else {
                    0
                },
                warnings: if Some(key) == first_key {
                    report.warnings
                } else {
                    0
                },
                ingested_at: now_utc(),
                encoding: o.table.encoding.name().into(),
                org: Some(key.0.code().into()),
                as_of: Some(key.1.to_string()),
                part: p.rel,
                part_sha256: info.sha256,
                part_bytes: info.bytes,
            };
            next.ingests.push(rec.clone());
            records.push(rec);
        }
        Ok(records)
    }

    /// Rejects a member the snapshot already holds; otherwise adds it to its part.
    fn keep(&self, member: roll::Member, row: Row, at: &mut Keep) -> Result<()> {
        let key = (member.org, member.as_of);
        if let std::collections::hash_map::Entry::Vacant(slot) = at.seen.entry(key) {
            slot.insert(self.prepare_snapshot(key, at.file, at.writer, at.next)?);
        }
        let Some(seen) = at.seen.get_mut(&key) else {
            anyhow::bail!("internal error: no duplicate check for the snapshot");
        };
        let origin = seen.origin(at.file, row.line);
        if let Some((first, by)) = seen.check_and_insert(&member, origin) {
            at.report.rejected += 1;
            let first_file = &seen.files[first.file as usize];
            let earlier = if first.line == 0 {
                format!("a row already stored from {first_file}")
            } else {
                format!("{first_file}:{}", first.line)
            };
            let problem = Problem::new(
                at.file,
                row.line,
                None,
                "",
                format!("repeats a person already in this snapshot (same {by} as {earlier})"),
            )
            .hint("remove the duplicate row, or merge the two rows in the roll");
            at.summary.rejects.push(Reject {
                problem,
                row,
                headers: at.mapping.headers.clone(),
            });
            return Ok(());
        }
        if let std::collections::btree_map::Entry::Vacant(slot) = at.parts.entry(key) {
            let id = ingest_id(at.sha256, Kind::Roll, Some(key.0), Some(key.1));
            let rel = format!("rolls/{}/{}/{id}.parquet", key.0.code(), key.1);
            let tmp = at.writer.stage(rel.clone());
            let pw = PartWriter::create(&tmp, rolls::schema())?;
            slot.insert(SnapPart {
                id,
                rel,
                writer: pw,
                batch: Vec::with_capacity(BATCH_ROWS),
            });
        }
        if let Some(p) = at.parts.get_mut(&key) {
            p.batch.push(member);
            if p.batch.len() >= BATCH_ROWS {
                p.writer.write(&rolls::frame(&p.batch)?)?;
                p.batch.clear();
            }
        }
        Ok(())
    }

    /// Decides which existing parts of a snapshot this file replaces (with --replace),
    /// refuses a silent replacement, and loads who the remaining parts hold.
    fn prepare_snapshot(
        &self,
        key: (Org, NaiveDate),
        file: &str,
        writer: &store::Writer,
        next: &mut Manifest,
    ) -> Result<Seen> {
        let (org, as_of) = (key.0.code(), key.1.to_string());
        let name = std::path::Path::new(file)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(file)
            .to_string();
        let existing: Vec<IngestRecord> = next
            .snapshot_parts(org, &as_of)
            .into_iter()
            .cloned()
            .collect();
        let same_name: Vec<&IngestRecord> =
            existing.iter().filter(|r| r.file_name() == name).collect();
        if self.opts.replace {
            let drop_ids: Vec<String> = if same_name.is_empty() {
                existing.iter().map(|r| r.id.clone()).collect()
            } else {
                same_name.iter().map(|r| r.id.clone()).collect()
            };
            next.ingests.retain(|i| !drop_ids.contains(&i.id));
        } else if let Some(prev) = same_name.first() {
            return Err(Failure::new(
                Exit::Failure,
                format!(
                    "the {org} snapshot of {as_of} already has a part from a file named {name} (ingest {}), with other content",
                    prev.id
                ),
            )
            .hint("to replace that part with this corrected file, run the command again with --replace")
            .into());
        }
        let mut seen = Seen::default();
        for rec in next.snapshot_parts(org, &as_of) {
            let ids = rolls::identities(&writer.dir, rec)?;
            let origin = seen.origin(&rec.file, 0);
            for i in 0..ids.person.len() {
                if ids.has_national_id[i] {
                    seen.national_id.insert(short(&ids.person[i]), origin);
                } else if let Some(k) = &ids.name_key[i] {
                    seen.name.insert(short(k), origin);
                }
                if let Some(k) = &ids.member_key[i] {
                    seen.member.insert(short(k), origin);
                }
            }
        }
        Ok(seen)
    }
}
