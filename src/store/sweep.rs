//! What a writer removes, and when. Only files named as tally names them (see
//! [`super::names`]) are ever deleted, and parts only by a commit: a dry run, a refused
//! ingest or a `drop` of an unknown ID deletes nothing. Spools of rejected rows hold
//! names and ID numbers, so a writer removes those a stopped ingest left as it starts.

use anyhow::Result;
use std::collections::HashSet;
use std::fs;
use std::path::Path;

use super::names::{self, MANIFEST_TMP, REFERENCE, ROLLS, TMP};
use super::Manifest;
use crate::error::Explain;
use crate::{lang, t};

/// After a commit: parts staged by writers that died, parts the manifest no longer
/// names, and the temp files of interrupted commits and reports. A link is never
/// followed, and a file not named as tally names it is left alone.
pub(super) fn after_commit(dir: &Path, manifest: &Manifest) -> Result<()> {
    for entry in read_dir(&dir.join(TMP))? {
        if names::is_staged(&entry) {
            let _ = fs::remove_file(dir.join(TMP).join(&entry));
        }
    }
    let live: HashSet<&str> = manifest.ingests.iter().map(|i| i.part.as_str()).collect();
    for sub in [ROLLS, REFERENCE] {
        let mut files = Vec::new();
        names::walk(&dir.join(sub), &mut files)?;
        for f in files {
            let rel = names::relative(dir, &f);
            if names::part_problem(&rel).is_none() && !live.contains(rel.as_str()) {
                fs::remove_file(&f)
                    .explain(|| t!(lang::store::CANNOT_REMOVE_LEFTOVER, f.display().to_string()))?;
            }
        }
    }
    remove_empty_part_dirs(&dir.join(ROLLS), 0);
    for entry in read_dir(dir)? {
        if entry.starts_with(MANIFEST_TMP) {
            let _ = fs::remove_file(dir.join(&entry));
        }
    }
    super::checked::remove_leftovers(dir);
    Ok(())
}

/// At a writer's start: the spools of rejected rows an ingest stopped by a kill or a
/// power cut left in `tmp/` (the writer holds the lock, so none is in use).
pub(super) fn stale_spools(dir: &Path) -> Result<()> {
    for entry in read_dir(&dir.join(TMP))? {
        if names::is_spool(&entry) {
            let p = dir.join(TMP).join(&entry);
            fs::remove_file(&p)
                .explain(|| t!(lang::store::CANNOT_REMOVE, p.display().to_string()))?;
        }
    }
    Ok(())
}

/// When a signal stops a writer (see `interrupt`): its staged parts and its spools of
/// rejected rows, which hold names and ID numbers. The writer holds the lock, so every
/// such file in `tmp/` is its own or a dead writer's. A file still open is left to the
/// next writer (Windows refuses to remove it).
pub(super) fn interrupted(dir: &Path) {
    let tmp = dir.join(TMP);
    for entry in read_dir(&tmp).unwrap_or_default() {
        if names::is_staged(&entry) || names::is_spool(&entry) {
            let _ = fs::remove_file(tmp.join(&entry));
        }
    }
}

/// Removes the empty folders `rolls/ORG/DATE` and `rolls/ORG` (`depth` 0 is `rolls/`)
/// that ingests made; a folder with anything in it, or named otherwise, stays.
fn remove_empty_part_dirs(dir: &Path, depth: usize) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if e.file_type().is_ok_and(|t| t.is_dir()) && names::is_part_dir(depth, &name) {
            remove_empty_part_dirs(&e.path(), depth + 1);
            let _ = fs::remove_dir(e.path()); // only if empty
        }
    }
}

/// The names in a directory (none when it does not exist).
fn read_dir(dir: &Path) -> Result<Vec<String>> {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(e).explain(|| t!(lang::files::CANNOT_READ, dir.display().to_string()))
        }
    };
    let mut out = Vec::new();
    for e in entries {
        let e = e.explain(|| t!(lang::files::CANNOT_READ, dir.display().to_string()))?;
        out.push(e.file_name().to_string_lossy().into_owned());
    }
    Ok(out)
}
