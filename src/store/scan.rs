//! Roll snapshots streamed into a fold: each part is read one row group at a time, only
//! the columns a request needs, on every core, and each batch is handed to the caller's
//! fold as soon as it is decoded. Nothing holds a row per member, so a report's memory
//! does not grow with the roll.
//!
//! Every part is also checked against the manifest (size first, then SHA-256 read in
//! blocks, side by side with the decoding); the folds' results are returned only when
//! every checksum matched, so a damaged store gives an error, never wrong numbers. A
//! part checked before and untouched since is not read twice (see [`super::checked`]).

use anyhow::Result;
use polars::prelude::*;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use super::batch::{fill, Encoder};
use super::checked::{self, Checked};
use super::part::{damaged, sha256_file};
use super::rolls::col;
use super::IngestRecord;
use crate::error::Explain;
use crate::roll::{Batch, Columns};
use crate::{lang, t};

/// A part opened for scanning: its footer, split so that one row group can be read alone.
struct Opened<'a> {
    dir: &'a Path,
    rec: &'a IngestRecord,
    snapshot: usize,
    path: PathBuf,
    /// What the file system said of the part before it was hashed (a report only).
    stamp: Option<String>,
    /// The footer without its row groups; a read gets a copy holding just one.
    template: FileMetadata,
    /// The whole footer, for its row groups.
    footer: FileMetadataRef,
}

#[derive(Clone, Copy)]
enum Work {
    Verify(usize),
    Group(usize, usize),
}

/// What went wrong, ranked: a checksum mismatch explains any decoding error after it.
struct Failed {
    checksum: bool,
    part: usize,
    error: anyhow::Error,
}

/// Which parts' checksums a scan reads.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Checks {
    /// Every part's (a command that must change nothing in the store).
    Every,
    /// Those not checked before and untouched since, remembering the ones checked now
    /// (a report).
    Remembered,
}

/// Folds every member of each snapshot (a list of parts) into one accumulator per
/// snapshot: `init(i)` makes one for snapshot `i`, `fold` adds a batch to it, `merge`
/// joins two made on different threads.
pub fn fold<'a, A, I, F, M>(
    checks: Checks,
    dir: &'a Path,
    snapshots: &[Vec<&'a IngestRecord>],
    need: Columns,
    init: I,
    fold: F,
    merge: M,
) -> Result<Vec<A>>
where
    A: Send,
    I: Fn(usize) -> A + Sync,
    F: Fn(&mut A, &Batch) + Sync,
    M: Fn(&mut A, A),
{
    let mut parts = open_all(dir, snapshots)?;
    let mut checked = match checks {
        Checks::Remembered => Checked::load(dir),
        Checks::Every => Checked::default(),
    };
    if checks == Checks::Remembered {
        // Before any byte of the part is hashed (the footer read alone is harmless: a
        // part changed since is refused by its checksum).
        for part in &mut parts {
            part.stamp = checked::stamp(&part.path);
        }
    }
    let work = work_items(&parts, &checked);
    let columns = projection(need);
    // The parts whose checksum matched, with the same stamp after it as before.
    let settled: Mutex<Vec<usize>> = Mutex::new(Vec::new());
    let job = Job {
        parts: &parts,
        columns: &columns,
        need,
        settled: &settled,
    };
    let partials = job.run_all(&work, snapshots.len(), &init, &fold)?;
    if checks == Checks::Remembered {
        for p in settled.into_inner().unwrap_or_default() {
            checked.note(parts[p].rec, parts[p].stamp.as_deref());
        }
        checked.save(dir);
    }
    let mut out: Vec<A> = (0..snapshots.len()).map(&init).collect();
    for accs in partials {
        for (acc, part) in out.iter_mut().zip(accs) {
            if let Some(part) = part {
                merge(acc, part);
            }
        }
    }
    Ok(out)
}

/// The work of a scan: each part's checksum (unless vouched for), and its row groups.
fn work_items(parts: &[Opened], checked: &Checked) -> Vec<Work> {
    let mut work = Vec::new();
    for (p, part) in parts.iter().enumerate() {
        if !checked.vouches(part.rec, part.stamp.as_deref()) {
            work.push(Work::Verify(p));
        }
        work.extend((0..part.footer.row_groups.len()).map(|g| Work::Group(p, g)));
    }
    work
}

/// What every work item of a scan reads.
struct Job<'p> {
    parts: &'p [Opened<'p>],
    columns: &'p [String],
    need: Columns,
    settled: &'p Mutex<Vec<usize>>,
}

impl Job<'_> {
    /// Runs every work item on every core, each thread folding into accumulators of
    /// its own (one per snapshot, made when first needed). The first failure stops
    /// the others; a checksum mismatch is the error told before any other.
    fn run_all<A, I, F>(
        &self,
        work: &[Work],
        snapshots: usize,
        init: &I,
        fold: &F,
    ) -> Result<Vec<Vec<Option<A>>>>
    where
        A: Send,
        I: Fn(usize) -> A + Sync,
        F: Fn(&mut A, &Batch) + Sync,
    {
        let next = AtomicUsize::new(0);
        let stop = AtomicBool::new(false);
        let failures: Mutex<Vec<Failed>> = Mutex::new(Vec::new());
        let threads = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .min(work.len())
            .max(1);
        let worker = || {
            let mut accs: Vec<Option<A>> = (0..snapshots).map(|_| None).collect();
            let mut reuse = (Batch::default(), Encoder::default());
            while !stop.load(Ordering::Relaxed) {
                let Some(&item) = work.get(next.fetch_add(1, Ordering::Relaxed)) else {
                    break;
                };
                if let Err(f) = self.run(item, &mut accs, &mut reuse, init, fold) {
                    stop.store(true, Ordering::Relaxed);
                    if let Ok(mut all) = failures.lock() {
                        all.push(f);
                    }
                }
            }
            accs
        };
        let partials = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads).map(|_| scope.spawn(worker)).collect();
            // A thread that panicked has lost its batches: an error, never short counts.
            handles
                .into_iter()
                .map(|h| h.join())
                .collect::<std::result::Result<Vec<_>, _>>()
        });
        let partials: Vec<Vec<Option<A>>> =
            partials.map_err(|_| anyhow::anyhow!("a report thread failed"))?;
        let mut failures = failures
            .into_inner()
            .map_err(|_| anyhow::anyhow!("a report thread failed"))?;
        failures.sort_by_key(|f| (!f.checksum, f.part));
        if let Some(f) = failures.into_iter().next() {
            return Err(f.error);
        }
        Ok(partials)
    }

    fn run<A, I, F>(
        &self,
        item: Work,
        accs: &mut [Option<A>],
        (batch, enc): &mut (Batch, Encoder),
        init: &I,
        fold: &F,
    ) -> std::result::Result<(), Failed>
    where
        I: Fn(usize) -> A,
        F: Fn(&mut A, &Batch),
    {
        match item {
            Work::Verify(p) => {
                let part = &self.parts[p];
                verify(part).map_err(|(checksum, error)| Failed {
                    checksum,
                    part: p,
                    error,
                })?;
                // Unchanged while it was read: what was hashed is what the stamp says.
                if part.stamp.is_some() && checked::stamp(&part.path) == part.stamp {
                    if let Ok(mut s) = self.settled.lock() {
                        s.push(p);
                    }
                }
                Ok(())
            }
            Work::Group(p, g) => {
                let part = &self.parts[p];
                let failed = |error| Failed {
                    checksum: false,
                    part: p,
                    error,
                };
                let df = read_group(part, g, &part_columns(part, self.columns))
                    .map_err(|e| failed(damaged_read(part, &e.to_string())))?;
                fill(&df, self.need, part.rec, batch, enc).map_err(failed)?;
                drop(df);
                let acc = accs[part.snapshot].get_or_insert_with(|| init(part.snapshot));
                fold(acc, batch);
                Ok(())
            }
        }
    }
}

fn damaged_read(part: &Opened, e: &str) -> anyhow::Error {
    damaged(
        part.dir,
        part.rec,
        t!(lang::store::PART_CANNOT_BE_READ, e.to_string()),
    )
}

/// Sizes and footers of every part, in order: a missing or truncated part is found
/// before anything is decoded.
fn open_all<'a>(dir: &'a Path, snapshots: &[Vec<&'a IngestRecord>]) -> Result<Vec<Opened<'a>>> {
    let mut out = Vec::new();
    for (snapshot, recs) in snapshots.iter().enumerate() {
        for rec in recs {
            let path = super::names::path_of(dir, &rec.part);
            let len = match std::fs::metadata(&path) {
                Ok(m) => m.len(),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    return Err(damaged(dir, rec, t!(lang::store::IS_MISSING)))
                }
                Err(e) => {
                    return Err(e)
                        .explain(|| t!(lang::store::CANNOT_READ_PART, path.display().to_string()))
                }
            };
            if len != rec.part_bytes {
                return Err(damaged(
                    dir,
                    rec,
                    t!(
                        lang::store::PART_BYTES,
                        len.to_string(),
                        rec.part_bytes.to_string()
                    ),
                ));
            }
            let footer = File::open(&path)
                .map_err(PolarsError::from)
                .and_then(|f| ParquetReader::new(f).get_metadata().cloned());
            let meta = match footer {
                Ok(m) => m,
                Err(e) => {
                    // A damaged footer is a damaged part: say which way it is damaged.
                    check_sum(dir, rec, &path)?;
                    return Err(damaged(
                        dir,
                        rec,
                        t!(lang::store::PART_CANNOT_BE_READ, e.to_string()),
                    ));
                }
            };
            let mut template = (*meta).clone();
            template.row_groups = Vec::new();
            out.push(Opened {
                dir,
                rec,
                snapshot,
                path,
                stamp: None,
                template,
                footer: meta,
            });
        }
    }
    Ok(out)
}

fn check_sum(dir: &Path, rec: &IngestRecord, path: &Path) -> Result<()> {
    let sum = sha256_file(path)
        .explain(|| t!(lang::store::CANNOT_READ_PART, path.display().to_string()))?;
    if sum != rec.part_sha256 {
        return Err(damaged(dir, rec, t!(lang::store::PART_CHECKSUM)));
    }
    Ok(())
}

/// The checksum of a part; `(true, _)` when it does not match.
fn verify(part: &Opened) -> std::result::Result<(), (bool, anyhow::Error)> {
    let sum = sha256_file(&part.path)
        .explain(|| {
            t!(
                lang::store::CANNOT_READ_PART,
                part.path.display().to_string()
            )
        })
        .map_err(|e| (false, e))?;
    if sum != part.rec.part_sha256 {
        return Err((
            true,
            damaged(part.dir, part.rec, t!(lang::store::PART_CHECKSUM)),
        ));
    }
    Ok(())
}

/// Every row group of one part, in order, with the columns `columns`, after its
/// checksum is checked: for rewriting a part (an upgrade), one row group in memory.
pub(super) fn each_group(
    dir: &Path,
    rec: &IngestRecord,
    columns: &[String],
    mut f: impl FnMut(DataFrame) -> Result<()>,
) -> Result<()> {
    let parts = open_all(dir, &[vec![rec]])?;
    for part in &parts {
        check_sum(dir, rec, &part.path)?;
        for g in 0..part.footer.row_groups.len() {
            let df =
                read_group(part, g, columns).map_err(|e| damaged_read(part, &e.to_string()))?;
            f(df)?;
        }
    }
    Ok(())
}

/// One row group of a part, only the named columns.
fn read_group(part: &Opened, group: usize, columns: &[String]) -> PolarsResult<DataFrame> {
    let mut one = part.template.clone();
    let rg = part.footer.row_groups[group].clone();
    one.num_rows = rg.num_rows();
    one.max_row_group_height = rg.num_rows();
    one.row_groups = vec![rg];
    let mut reader = ParquetReader::new(File::open(&part.path)?)
        .with_columns(Some(columns.to_vec()))
        .read_parallel(ParallelStrategy::None);
    reader.set_metadata(std::sync::Arc::new(one));
    reader.finish()
}

/// The columns of `columns` a part has: a part written before format 4 has no
/// `left_reason` (its departures' reasons are unknown, said in the report's notes).
fn part_columns(part: &Opened, columns: &[String]) -> Vec<String> {
    let fields = part.template.schema().fields();
    columns
        .iter()
        .filter(|c| *c != col::LEFT_REASON || fields.iter().any(|f| f.name() == c.as_str()))
        .cloned()
        .collect()
}

/// The part columns a request reads.
fn projection(need: Columns) -> Vec<String> {
    let mut cols = vec![col::AREA_CODE, col::JOINED_ON, col::LEFT_ON, col::ACTIVE];
    let optional = [
        (need.person, &[col::PERSON][..]),
        (need.enterprise, &[col::ENTERPRISE_ID]),
        (need.sex, &[col::SEX]),
        (need.birth, &[col::BIRTH_DATE, col::BIRTH_YEAR]),
        (need.ethnicity, &[col::ETHNICITY]),
        (need.religion, &[col::RELIGION]),
        (need.reason, &[col::LEFT_REASON]),
    ];
    for (wanted, names) in optional {
        if wanted {
            cols.extend_from_slice(names);
        }
    }
    cols.into_iter().map(str::to_string).collect()
}

#[cfg(test)]
#[path = "scan_tests.rs"]
mod tests;
