//! A store directory that is not what a manifest-less new store is: one that lost its
//! manifest is refused (read as empty, its next writer would take every part for a
//! leftover), a folder of other files is never written into, and a manifest naming a
//! path tally does not give a part is damaged. A lost manifest can be put back from
//! the one an interrupted commit left (`.manifest.json.tmp-PID`, the state a crash
//! during the rename leaves on FAT32 and exFAT), once every part it names checks out:
//! `tally verify --restore-manifest`.

use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::names::{self, Survey, MANIFEST};
use super::{fsutil, lock, manifest, verify, IngestRecord, Manifest, Store, View};
use crate::error::{Exit, Failure};

/// Refuses to create a store in a folder that holds files tally did not write.
pub(super) fn refuse_foreign(dir: &Path, survey: &Survey) -> Result<()> {
    if survey.foreign.is_empty() {
        return Ok(());
    }
    Err(Failure::usage(format!(
        "{} is not a tally store: it has no manifest.json and holds other files ({})",
        dir.display(),
        survey.foreign.join(", ")
    ))
    .hint("give --store (or TALLY_STORE) a new or empty directory: tally creates a store only there, and never deletes a file it did not write")
    .into())
}

/// The error for a store without its manifest that holds parts or a manifest an
/// interrupted commit left; `None` when it holds neither (a new store).
pub(super) fn lost(dir: &Path, survey: &Survey) -> Option<anyhow::Error> {
    if survey.parts == 0 && survey.orphaned.is_empty() {
        return None;
    }
    let what = format!(
        "the store {} has lost its manifest.json: it holds {} part(s) but no manifest naming them, so it is neither read nor written",
        dir.display(),
        survey.parts
    );
    let hint = if survey.orphaned.is_empty() {
        "restore the store from a backup (tally backup makes one); its parts are left as they are"
            .to_string()
    } else {
        "run `tally verify --restore-manifest` to put back the manifest an interrupted commit left, once every part it names checks out; or restore the store from a backup".to_string()
    };
    Some(Failure::new(Exit::Failure, what).hint(hint).into())
}

/// The error for a manifest that names a path tally does not give a part.
pub(super) fn misnamed(path: &Path, rec: &IngestRecord, why: &str) -> anyhow::Error {
    Failure::new(
        Exit::Failure,
        format!(
            "the store manifest {} is damaged: ingest {} names the part \"{}\", which {why}",
            path.display(),
            rec.id,
            rec.part
        ),
    )
    .hint("nothing at that path was read; run `tally verify` to list every such entry, and restore the store from a backup")
    .into()
}

/// What a restore put back.
pub struct Restored {
    pub from: PathBuf,
    pub generation: u64,
    pub parts: usize,
}

/// Puts back, as `manifest.json`, the newest manifest an interrupted commit left whose
/// every part is there with its size, checksum and rows. Holds the store alone.
pub fn restore_manifest(store: &Store, wait: Duration) -> Result<Restored> {
    let dir = store.dir();
    let _lock = lock::acquire(
        &dir.join("lock"),
        lock::Mode::Exclusive,
        wait,
        &store.voice(),
    )?;
    let survey = names::survey(dir).with_context(|| format!("cannot read {}", dir.display()))?;
    if survey.manifest {
        return Err(Failure::usage(format!(
            "the store {} has its manifest.json: there is nothing to restore",
            dir.display()
        ))
        .hint("run `tally verify` to check the store")
        .into());
    }
    let mut refused = Vec::new();
    let mut best: Option<(Manifest, &PathBuf)> = None;
    for path in &survey.orphaned {
        match candidate(store, path) {
            Ok(m)
                if best
                    .as_ref()
                    .is_none_or(|(b, _)| m.generation > b.generation) =>
            {
                best = Some((m, path))
            }
            Ok(_) => {}
            Err(why) => refused.push(format!("{}: {why}", names::relative(dir, path))),
        }
    }
    let Some((m, from)) = best else {
        let why = if refused.is_empty() {
            "there is no manifest an interrupted commit left (.manifest.json.tmp-*)".to_string()
        } else {
            refused.join("; ")
        };
        return Err(Failure::invalid(format!(
            "cannot restore the manifest of {}: {why}",
            dir.display()
        ))
        .hint("restore the store from a backup (tally backup makes one)")
        .into());
    };
    std::fs::rename(from, dir.join(MANIFEST))
        .with_context(|| format!("cannot restore {}", dir.join(MANIFEST).display()))?;
    fsutil::sync_dir(dir)?;
    Ok(Restored {
        from: from.clone(),
        generation: m.generation,
        parts: m.ingests.len(),
    })
}

/// A manifest an interrupted commit left, if it reads and every part it names checks
/// out; else the first reason it does not.
fn candidate(store: &Store, path: &Path) -> Result<Manifest, String> {
    let text = std::fs::read(path).map_err(|e| format!("cannot be read: {e}"))?;
    let m: Manifest =
        serde_json::from_slice(&text).map_err(|e| format!("is not a whole manifest: {e}"))?;
    if !(1..=manifest::FORMAT).contains(&m.format) {
        return Err(format!(
            "has format {}, which this tally does not read",
            m.format
        ));
    }
    if let Some((rec, why)) = m
        .ingests
        .iter()
        .find_map(|r| Some((r, names::part_problem(&r.part)?)))
    {
        return Err(format!("names the part \"{}\", which {why}", rec.part));
    }
    let orgs = super::reference::orgs(store.dir(), &m).unwrap_or_default();
    let view = View {
        dir: store.dir().to_path_buf(),
        manifest: m,
        orgs,
        secret: store.secret_path(),
        _lock: None,
    };
    let mut checked = verify::Checked::default();
    for rec in &view.manifest.ingests {
        verify::check_part(&view, rec, &mut checked);
    }
    match checked.findings.first() {
        Some(f) => Err(format!("{}: {}", f.path, f.problem)),
        None => Ok(view.manifest),
    }
}
