//! A store directory that is not what a manifest-less new store is: one that lost its
//! manifest is refused (read as empty, its next writer would take every part for a
//! leftover), a folder of other files is never written into, and a manifest naming a
//! path tally does not give a part is damaged. A lost manifest can be put back from
//! the one an interrupted commit left (`.manifest.json.tmp-PID`, the state a crash
//! during the rename leaves on FAT32 and exFAT), once every part it names checks out:
//! `tally verify --restore-manifest`.

use anyhow::Result;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::names::{self, Survey, MANIFEST};
use super::{fsutil, lock, manifest, verify, IngestRecord, Manifest, Store, View};
use crate::error::Explain;
use crate::error::{Exit, Failure};
use crate::lang::Text;
use crate::{lang, t};

/// Refuses to create a store in a folder that holds files tally did not write.
pub(super) fn refuse_foreign(dir: &Path, survey: &Survey) -> Result<()> {
    if survey.foreign.is_empty() {
        return Ok(());
    }
    Err(Failure::usage(t!(
        lang::store::NOT_A_STORE,
        dir.display().to_string(),
        survey.foreign.join(", ")
    ))
    .hint(t!(lang::store::NOT_A_STORE_HINT))
    .into())
}

/// The error for a store without its manifest that holds parts or a manifest an
/// interrupted commit left; `None` when it holds neither (a new store).
pub(super) fn lost(dir: &Path, survey: &Survey) -> Option<anyhow::Error> {
    if survey.parts == 0 && survey.orphaned.is_empty() {
        return None;
    }
    let what = t!(
        lang::store::LOST_MANIFEST,
        dir.display().to_string(),
        survey.parts
    );
    let hint = if survey.orphaned.is_empty() {
        t!(lang::store::LOST_MANIFEST_RESTORE)
    } else {
        t!(lang::store::LOST_MANIFEST_LEFT)
    };
    Some(Failure::new(Exit::Failure, what).hint(hint).into())
}

/// The error for a manifest that names a path tally does not give a part.
pub(super) fn misnamed(path: &Path, rec: &IngestRecord, why: Text) -> anyhow::Error {
    Failure::new(
        Exit::Failure,
        t!(
            lang::store::MISNAMED_PART,
            path.display().to_string(),
            &rec.id,
            &rec.part,
            why
        ),
    )
    .hint(t!(lang::store::MISNAMED_PART_HINT))
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
    let survey =
        names::survey(dir).explain(|| t!(lang::files::CANNOT_READ, dir.display().to_string()))?;
    if survey.manifest {
        return Err(
            Failure::usage(t!(lang::store::HAS_MANIFEST, dir.display().to_string()))
                .hint(t!(lang::store::RUN_VERIFY))
                .into(),
        );
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
            Err(why) => refused.push(Text::Join(
                vec![names::relative(dir, path).into(), why],
                ": ",
            )),
        }
    }
    let Some((m, from)) = best else {
        let why = if refused.is_empty() {
            t!(lang::store::NO_MANIFEST_LEFT)
        } else {
            Text::Join(refused, "; ")
        };
        return Err(Failure::invalid(t!(
            lang::store::CANNOT_RESTORE_MANIFEST,
            dir.display().to_string(),
            why
        ))
        .hint(t!(lang::store::RESTORE_FROM_BACKUP))
        .into());
    };
    std::fs::rename(from, dir.join(MANIFEST)).explain(|| {
        t!(
            lang::store::CANNOT_RESTORE,
            dir.join(MANIFEST).display().to_string()
        )
    })?;
    fsutil::sync_dir(dir)?;
    Ok(Restored {
        from: from.clone(),
        generation: m.generation,
        parts: m.ingests.len(),
    })
}

/// A manifest an interrupted commit left, if it reads and every part it names checks
/// out; else the first reason it does not.
fn candidate(store: &Store, path: &Path) -> Result<Manifest, Text> {
    let text = std::fs::read(path)
        .map_err(|e| t!(lang::store::PART_CANNOT_BE_READ, lang::files::io_error(&e)))?;
    let m: Manifest = serde_json::from_slice(&text)
        .map_err(|e| t!(lang::store::CANDIDATE_NOT_WHOLE, super::json_why(&e)))?;
    if !(1..=manifest::FORMAT).contains(&m.format) {
        return Err(t!(lang::store::CANDIDATE_FORMAT, m.format));
    }
    if let Some((rec, why)) = m
        .ingests
        .iter()
        .find_map(|r| Some((r, names::part_problem(&r.part)?)))
    {
        return Err(t!(lang::store::CANDIDATE_PART, &rec.part, why));
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
        Some(f) => Err(Text::Join(vec![(&f.path).into(), f.problem.clone()], ": ")),
        None => Ok(view.manifest),
    }
}
