//! The files' SHA-256 checksums taken before their rows are read: only for a file
//! that could be one already stored (by its size), the others' taken as they are read.

use anyhow::Result;

use crate::error::Explain;
use crate::error::{Exit, Failure};
use crate::rows::sources::Opened;
use crate::store::{self, Manifest};
use crate::{lang, t};

/// A file that can be read whole, twice if need be: not a directory, pipe or device.
pub(super) fn check_file(path: &std::path::Path, name: &str) -> Result<()> {
    if path.is_dir() {
        return Err(
            Failure::new(Exit::Io, t!(crate::lang::sources::IS_A_DIRECTORY, name))
                .hint(t!(crate::lang::sources::NAME_CSV_FILES_INSIDE))
                .into(),
        );
    }
    // A pipe or device can be read once only; an ingest may read a file twice (its
    // checksum, then its rows).
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return Err(
            Failure::new(Exit::Io, t!(crate::lang::sources::NOT_REGULAR_FILE, name))
                .hint(t!(crate::lang::sources::SAVE_DATA_FILE_FIRST))
                .into(),
        );
    }
    Ok(())
}

/// The size and SHA-256 of a file's bytes, read on their own.
pub(super) fn file_sha256(path: &std::path::Path, name: &str) -> Result<(u64, String)> {
    check_file(path, name)?;
    store::fsutil::sha256_file(path).explain(|| t!(lang::files::CANNOT_READ, name))
}

/// The SHA-256 of each file, in order, hashed on every core (one file each at a time):
/// hashing is sequential within a file, and a command often names several.
fn file_sums(files: &[&std::path::Path]) -> Vec<Result<String>> {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, files.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let sums: Vec<std::sync::Mutex<Option<Result<String>>>> =
        files.iter().map(|_| std::sync::Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            // A thread that cannot start leaves its files without a sum: an error below.
            let _ = std::thread::Builder::new()
                .name("tally-sum".into())
                .spawn_scoped(scope, || loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(path) = files.get(i) else { return };
                    let sum = file_sha256(path, &path.display().to_string()).map(|(_, sha)| sha);
                    if let Ok(mut slot) = sums[i].lock() {
                        *slot = Some(sum);
                    }
                });
        }
    });
    sums.into_iter()
        .map(|m| {
            m.into_inner()
                .ok()
                .flatten()
                .unwrap_or_else(|| Err(anyhow::anyhow!("a file's checksum was not taken")))
        })
        .collect()
}

/// Takes beforehand the checksum of each CSV file that could be one the store (or this
/// command) already holds: of a size that a stored ingest, or another file, has, or
/// any size while the store holds ingests recorded before sizes were (format 2 and
/// older). Other files are hashed as their rows are read, in one pass.
pub(super) fn sums_before_reading(next: &Manifest, opened: &mut [Opened]) -> Result<()> {
    let unsized_ingests = next.ingests.iter().any(|i| i.file_bytes.is_none());
    let sizes: Vec<u64> = opened.iter().map(|o| o.bytes).collect();
    let wanted: Vec<usize> = (0..opened.len())
        .filter(|&i| opened[i].sha256.is_none())
        .filter(|&i| {
            let n = opened[i].bytes;
            unsized_ingests
                || next.ingests.iter().any(|r| r.file_bytes == Some(n))
                || sizes.iter().enumerate().any(|(j, &m)| j != i && m == n)
        })
        .collect();
    let paths: Vec<&std::path::Path> = wanted.iter().map(|&i| opened[i].path.as_path()).collect();
    let sums = file_sums(&paths);
    for (i, sum) in wanted.into_iter().zip(sums) {
        opened[i].sha256 = Some(sum?);
    }
    Ok(())
}

/// The file's SHA-256, once its rows are read: taken before, or as they were read,
/// or (a file that changed size while it was read) read again now.
pub(crate) fn checksum(o: &Opened) -> Result<String> {
    match o.sha256.clone().or_else(|| o.table.checksum()) {
        Some(sum) => Ok(sum),
        None => file_sha256(&o.path, &o.name).map(|(_, sha)| sha),
    }
}
