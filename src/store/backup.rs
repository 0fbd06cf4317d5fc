//! `tally backup DEST`: a consistent copy of the store, taken under the shared lock
//! (reports go on, writers wait), into a new directory that appears whole or not at
//! all, and verified before it is named.

use anyhow::Result;
use sha2::{Digest, Sha256};
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::{fsutil, verify, IngestRecord, Store};
use crate::error::Explain;
use crate::error::Failure;
use crate::{lang, t};

/// What was copied.
#[derive(Debug)]
pub struct Copied {
    pub parts: usize,
    pub bytes: u64,
    pub secret: bool,
}

/// Copies the store to `dest`, which must not exist yet (or be an empty directory).
/// The copy is built beside `dest` and renamed into place once verified.
pub fn backup(store: &Store, dest: &Path, with_secret: bool, wait: Duration) -> Result<Copied> {
    check_dest(dest)?;
    let view = store.read(wait)?;
    let parent = match dest.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = dest
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("backup");
    let claim = Claim::take(&parent, name)?;
    remove_stale(&parent);
    let work = claim.work.clone();
    let built = build(&view, &work, with_secret);
    super::fault::point("backup-copied");
    let result = built.and_then(|copied| {
        let check = verify::verify(&Store::new(&work).with_voice(store.voice()), wait)?;
        if let Some(f) = check.findings.first() {
            anyhow::bail!(t!(lang::store::BACKUP_FAILED_CHECK, &f.path, &f.problem));
        }
        if dest.exists() {
            fs::remove_dir(dest).explain(|| {
                t!(
                    lang::store::CANNOT_REPLACE_EMPTY,
                    dest.display().to_string()
                )
            })?;
        }
        fs::rename(&work, dest)
            .explain(|| t!(lang::store::CANNOT_MOVE_COPY, dest.display().to_string()))?;
        fsutil::sync_dir(&parent)?;
        Ok(copied)
    });
    if result.is_err() {
        let _ = fs::remove_dir_all(&work);
    }
    drop(claim);
    result
}

/// The copy being built, `.DEST.partial-PID` beside DEST, and the lock that says a
/// backup is at work on it (`.DEST.partial-PID.lock`, held until the copy is named or
/// removed): a killed backup's copy is one whose lock is free, and the next backup
/// removes it.
struct Claim {
    work: PathBuf,
    lock: PathBuf,
    held: Option<fs::File>,
}

const PARTIAL: &str = ".partial-";

impl Claim {
    fn take(parent: &Path, name: &str) -> Result<Claim> {
        let work = parent.join(format!(".{name}{PARTIAL}{}", std::process::id()));
        let lock = parent.join(format!(".{name}{PARTIAL}{}.lock", std::process::id()));
        let held = fsutil::create_private(&lock)?;
        held.try_lock()
            .map_err(|e| anyhow::anyhow!("{e}"))
            .explain(|| t!(lang::store::CANNOT_LOCK_COPY, lock.display().to_string()))?;
        Ok(Claim {
            work,
            lock,
            held: Some(held),
        })
    }
}

impl Drop for Claim {
    fn drop(&mut self) {
        drop(self.held.take());
        let _ = fs::remove_file(&self.lock);
    }
}

/// Removes what killed backups left beside `parent`'s entries: a partial copy whose
/// lock no backup holds (or that has none), if it holds only a store's files.
fn remove_stale(parent: &Path) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let partial = |name: &str| {
        name.starts_with('.')
            && name
                .rsplit_once(PARTIAL)
                .is_some_and(|(_, pid)| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()))
    };
    let free = |lock: &Path| match fs::OpenOptions::new().read(true).write(true).open(lock) {
        Ok(f) => f.try_lock().is_ok(),
        Err(e) => e.kind() == std::io::ErrorKind::NotFound,
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if let Some(copy) = name.strip_suffix(".lock").filter(|c| partial(c)) {
            // A lock whose copy is gone (killed once the copy was named).
            if !parent.join(copy).exists() && free(&e.path()) {
                let _ = fs::remove_file(e.path());
            }
            continue;
        }
        if !partial(&name) || !e.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let lock = parent.join(format!("{name}.lock"));
        let only_store = super::names::survey(&e.path()).is_ok_and(|s| s.foreign.is_empty());
        if free(&lock) && only_store && fs::remove_dir_all(e.path()).is_ok() {
            let _ = fs::remove_file(&lock);
        }
    }
}

fn check_dest(dest: &Path) -> Result<()> {
    let empty_dir = fs::read_dir(dest).map(|mut d| d.next().is_none());
    match empty_dir {
        Ok(true) => Ok(()),
        Ok(false) => Err(Failure::usage(t!(
            lang::store::BACKUP_NOT_EMPTY,
            dest.display().to_string()
        ))
        .hint(t!(lang::store::BACKUP_NEW_DIR))
        .into()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(_) => Err(
            Failure::usage(t!(lang::store::BACKUP_NOT_DIR, dest.display().to_string()))
                .hint(t!(lang::store::BACKUP_NEW_DIR))
                .into(),
        ),
    }
}

/// Copies every part the manifest names, checked against its checksum as it is read,
/// then the secret if asked, then the manifest last.
fn build(view: &super::View, work: &Path, with_secret: bool) -> Result<Copied> {
    fsutil::create_private_dir(work)?;
    let mut copied = Copied {
        parts: 0,
        bytes: 0,
        secret: false,
    };
    for rec in &view.manifest.ingests {
        copied.bytes += copy_part(&view.dir, rec, work)?;
        copied.parts += 1;
    }
    if with_secret {
        let bytes =
            fs::read(&view.secret).explain(|| t!(lang::store::CANNOT_READ_SECRET_TO_COPY))?;
        write_synced(&work.join("secret"), &bytes)?;
        copied.secret = true;
    }
    let json = serde_json::to_vec_pretty(&view.manifest)?;
    fsutil::write_atomic(&work.join("manifest.json"), &json)?;
    Ok(copied)
}

fn copy_part(dir: &Path, rec: &IngestRecord, work: &Path) -> Result<u64> {
    let from = super::names::path_of(dir, &rec.part);
    let to = super::names::path_of(work, &rec.part);
    if let Some(p) = to.parent() {
        fsutil::create_private_dir(p)?;
    }
    let mut src = fs::File::open(&from)
        .map_err(|_| super::part::damaged(dir, rec, t!(lang::store::IS_MISSING)))?;
    let mut dst = fsutil::create_private(&to)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut n = 0u64;
    loop {
        let k = src
            .read(&mut buf)
            .explain(|| t!(lang::files::CANNOT_READ, from.display().to_string()))?;
        if k == 0 {
            break;
        }
        h.update(&buf[..k]);
        dst.write_all(&buf[..k])
            .explain(|| t!(lang::files::CANNOT_WRITE, to.display().to_string()))?;
        n += k as u64;
    }
    dst.sync_all()
        .explain(|| t!(lang::files::CANNOT_WRITE, to.display().to_string()))?;
    if n != rec.part_bytes || hex::encode(h.finalize()) != rec.part_sha256 {
        return Err(super::part::damaged(
            dir,
            rec,
            "does not match its checksum; nothing was backed up",
        ));
    }
    Ok(n)
}

fn write_synced(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut f = fsutil::create_private(path)?;
    f.write_all(bytes)
        .and_then(|()| f.sync_all())
        .explain(|| t!(lang::files::CANNOT_WRITE, path.display().to_string()))
}
