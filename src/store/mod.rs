//! The store: a directory of Parquet parts plus `manifest.json`, the commit point.
//!
//! ```text
//! tally-data/
//!   manifest.json          the ingests that make up the store (written last, atomically)
//!   secret                 32 random bytes, the HMAC key of person keys (0600)
//!   lock                   writers lock it exclusively, readers shared
//!   rolls/<org>/<as_of>/<id>.parquet
//!   reference/<kind>-<id>.parquet
//!   tmp/                   parts being written (the next commit removes what a killed
//!                          writer left), rejected rows on their way to --rejects
//! ```

#[cfg(windows)]
mod acl;
pub mod backup;
mod batch;
mod checked;
pub mod drop_target;
pub mod fault;
pub mod fsutil;
pub mod lanes;
pub mod lock;
pub mod manifest;
pub mod names;
pub mod parquet;
pub mod part;
pub mod privacy;
pub mod reference;
pub mod restore;
mod roll_columns;
pub mod roll_group;
pub mod rolls;
pub mod scan;
pub mod status;
pub mod status_filter;
mod sweep;
pub mod upgrade;
pub mod verify;

use anyhow::Result;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::error::Explain;
use crate::error::Failure;
use crate::org::Orgs;
use crate::{lang, t};
pub use manifest::{IngestRecord, Manifest, SameAs};
pub use privacy::Secret;

pub struct Store {
    dir: PathBuf,
    /// Where the secret lives when it is kept apart from the store (`--secret`).
    secret: Option<PathBuf>,
    /// How to tell a person waiting for the store's lock (language, quiet).
    voice: crate::term::Voice,
}

/// A consistent view of the store, held under a shared lock.
pub struct View {
    pub dir: PathBuf,
    pub manifest: Manifest,
    /// The organizations the store knows (its orgs file's after the five).
    pub orgs: Orgs,
    /// Where the store's secret is (in the store, or kept apart).
    pub secret: PathBuf,
    _lock: Option<lock::StoreLock>,
}

impl View {
    pub fn part_path(&self, rec: &IngestRecord) -> PathBuf {
        names::path_of(&self.dir, &rec.part)
    }

    /// The store's files and folders that someone besides its owner can get at, with
    /// how: the store holds ethnicity and religion, and should be private.
    pub fn exposed(&self) -> Result<Vec<(PathBuf, lang::Text)>> {
        let mut paths = vec![
            self.dir.clone(),
            self.dir.join("secret"),
            self.dir.join("manifest.json"),
        ];
        for sub in ["rolls", "reference"] {
            paths.push(self.dir.join(sub));
        }
        paths.extend(self.manifest.ingests.iter().map(|i| self.part_path(i)));
        let mut out = Vec::new();
        for p in paths.into_iter().filter(|p| p.exists()) {
            if let Some(how) = fsutil::wider_than_owner(&p)? {
                out.push((p, how));
            }
        }
        Ok(out)
    }
}

/// How to make a store owner-only again, on this OS.
pub fn private_hint(dir: &Path) -> lang::Text {
    let dir = dir.display().to_string();
    if cfg!(windows) {
        t!(lang::store::PRIVATE_HINT_WINDOWS, dir)
    } else {
        t!(lang::store::PRIVATE_HINT, dir)
    }
}

/// A write transaction: the exclusive lock, the committed manifest, and what is staged.
pub struct Writer {
    pub dir: PathBuf,
    pub manifest: Manifest,
    /// The organizations the store knows as the transaction opened.
    pub orgs: Orgs,
    pub secret: Secret,
    staged: Vec<(PathBuf, String)>,
    _lock: lock::StoreLock,
}

impl Store {
    pub fn new(dir: &Path) -> Store {
        Store {
            dir: dir.to_path_buf(),
            secret: None,
            voice: crate::term::Voice::default(),
        }
    }

    /// The store telling whoever waits for its lock the way `voice` says things.
    pub fn with_voice(mut self, voice: crate::term::Voice) -> Store {
        self.voice = voice;
        self
    }

    /// How this store's user is told things (language, quiet).
    pub fn voice(&self) -> crate::term::Voice {
        self.voice
    }

    /// The store with its secret kept at `path` instead of inside it.
    pub fn with_secret(mut self, path: Option<PathBuf>) -> Store {
        self.secret = path;
        self
    }

    /// Where the secret is: the file given, else `secret` in the store.
    pub fn secret_path(&self) -> PathBuf {
        self.secret
            .clone()
            .unwrap_or_else(|| self.dir.join("secret"))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The error for a store directory that lost its manifest (it holds parts, or the
    /// manifest an interrupted commit left), if it did.
    pub fn lost_manifest(&self) -> Option<anyhow::Error> {
        if self.manifest_path().exists() {
            return None;
        }
        restore::lost(&self.dir, &names::survey(&self.dir).ok()?)
    }

    fn manifest_path(&self) -> PathBuf {
        self.dir.join("manifest.json")
    }

    /// The manifest, every part it names checked to be a path tally gives a part.
    fn load_manifest(&self) -> Result<Manifest> {
        let m = self.load_manifest_unchecked()?;
        match m
            .ingests
            .iter()
            .find_map(|r| Some((r, names::part_problem(&r.part)?)))
        {
            None => Ok(m),
            Some((rec, why)) => Err(restore::misnamed(&self.manifest_path(), rec, why)),
        }
    }

    /// The manifest as written. A store without one reads as empty only when it holds
    /// no parts: one that lost its manifest is refused, never taken for a new store.
    fn load_manifest_unchecked(&self) -> Result<Manifest> {
        let path = self.manifest_path();
        let text = match fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let survey = names::survey(&self.dir)
                    .explain(|| t!(lang::files::CANNOT_READ, self.dir.display().to_string()))?;
                return match restore::lost(&self.dir, &survey) {
                    Some(e) => Err(e),
                    None => Ok(Manifest::empty()),
                };
            }
            Err(e) => {
                return Err(e).explain(|| t!(lang::files::CANNOT_READ, path.display().to_string()))
            }
        };
        let damaged = |e: serde_json::Error| -> anyhow::Error {
            Failure::new(
                crate::error::Exit::Failure,
                t!(
                    lang::store::MANIFEST_DAMAGED,
                    path.display().to_string(),
                    json_why(&e)
                ),
            )
            .hint(t!(lang::store::MANIFEST_DAMAGED_HINT))
            .into()
        };
        // The format first: a newer layout may not read as this one at all.
        let raw: serde_json::Value = serde_json::from_str(&text).map_err(damaged)?;
        let format = raw.get("format").and_then(|f| f.as_u64()).unwrap_or(0);
        if format > u64::from(manifest::FORMAT) {
            let by = raw
                .get("written_by")
                .and_then(|w| w.as_str())
                .unwrap_or("a newer tally");
            return Err(Failure::new(
                crate::error::Exit::Failure,
                t!(
                    lang::store::NEWER_FORMAT,
                    self.dir.display().to_string(),
                    format,
                    by,
                    env!("CARGO_PKG_VERSION"),
                    manifest::FORMAT
                ),
            )
            .hint(t!(lang::store::NEWER_FORMAT_HINT, by))
            .into());
        }
        let m: Manifest = serde_json::from_value(raw).map_err(damaged)?;
        anyhow::ensure!(
            m.format >= 1,
            "the store {} has format {}, which no tally wrote",
            self.dir.display(),
            m.format
        );
        Ok(m)
    }

    /// A read view. A store that does not exist yet reads as empty. The organizations
    /// its orgs file adds are made known first: its rolls and references name them. (A
    /// damaged orgs part is left for `verify` and the reference's own load to report.)
    pub fn read(&self, wait: Duration) -> Result<View> {
        self.read_manifest(wait, Self::load_manifest)
    }

    /// A read view of the manifest as written, for `verify` to name each entry that is
    /// not a part's path (the parts of such entries are never opened).
    fn read_as_written(&self, wait: Duration) -> Result<View> {
        self.read_manifest(wait, Self::load_manifest_unchecked)
    }

    fn read_manifest(&self, wait: Duration, load: fn(&Self) -> Result<Manifest>) -> Result<View> {
        let lock = if self.dir.join("lock").exists() {
            Some(lock::acquire(
                &self.dir.join("lock"),
                lock::Mode::Shared,
                wait,
                &self.voice,
            )?)
        } else {
            None
        };
        let manifest = load(self)?;
        // A view whose orgs file cannot be read still lists and verifies the store.
        let orgs = reference::orgs(&self.dir, &manifest).unwrap_or_default();
        Ok(View {
            dir: self.dir.clone(),
            manifest,
            orgs,
            secret: self.secret_path(),
            _lock: lock,
        })
    }

    /// The organizations the store knows, read without waiting for a lock (the five
    /// where there is no store yet, or its orgs file cannot be read): what the command
    /// line's `--org` is read against before the command starts.
    pub fn orgs(&self) -> Orgs {
        let Ok(text) = fs::read_to_string(self.manifest_path()) else {
            return Orgs::default();
        };
        serde_json::from_str::<Manifest>(&text)
            .ok()
            .and_then(|m| reference::orgs(&self.dir, &m).ok())
            .unwrap_or_default()
    }

    /// Opens a write transaction, creating the store at first use (only in a new or
    /// empty directory) and removing the rejected rows a stopped ingest left.
    pub fn write(&self, wait: Duration) -> Result<Writer> {
        // Before anything is created in it: a folder of other files is no store.
        if !self.manifest_path().exists() {
            let survey = names::survey(&self.dir)
                .explain(|| t!(lang::files::CANNOT_READ, self.dir.display().to_string()))?;
            restore::refuse_foreign(&self.dir, &survey)?;
        }
        fsutil::create_private_dir(&self.dir)?;
        let lock = lock::acquire(
            &self.dir.join("lock"),
            lock::Mode::Exclusive,
            wait,
            &self.voice,
        )?;
        let manifest = self.load_manifest()?;
        let orgs = reference::orgs(&self.dir, &manifest)?;
        let secret_path = self.secret_path();
        let tampered = |what: &'static lang::Msg| -> anyhow::Error {
            let path = secret_path.display().to_string();
            Failure::new(
                crate::error::Exit::Failure,
                lang::Text::Msg(what, vec![path.into()]),
            )
            .hint(t!(lang::store::SECRET_HINT))
            .into()
        };
        if manifest.key_check.is_some() && !secret_path.exists() {
            return Err(tampered(&lang::store::SECRET_MISSING));
        }
        let secret = Secret::load_or_create(&secret_path)?;
        if manifest
            .key_check
            .as_ref()
            .is_some_and(|k| *k != secret.check_value())
        {
            return Err(tampered(&lang::store::SECRET_NOT_THIS));
        }
        let w = Writer {
            dir: self.dir.clone(),
            manifest,
            orgs,
            secret,
            staged: Vec::new(),
            _lock: lock,
        };
        sweep::stale_spools(&self.dir)?;
        fsutil::create_private_dir(&self.dir.join(names::TMP))?;
        let dir = self.dir.clone();
        crate::interrupt::writing(Box::new(move || sweep::interrupted(&dir)));
        Ok(w)
    }
}

impl Writer {
    /// A fresh path in tmp/ for a part that will live at `rel` once committed.
    fn stage(&mut self, rel: String) -> PathBuf {
        let tmp = self
            .dir
            .join(names::TMP)
            .join(names::staged(self.staged.len()));
        self.staged.push((tmp.clone(), rel));
        tmp
    }

    /// Stages a roll part whose name is not known yet: where to write it now
    /// ([`Writer::name_staged_roll`] names it once written).
    pub fn stage_unnamed(&mut self) -> PathBuf {
        self.stage(String::new())
    }

    /// Names the roll part staged at `tmp` as one roll snapshot's part: where it will
    /// live once committed.
    pub fn name_staged_roll(&mut self, tmp: &Path, org: &str, as_of: &str, id: &str) -> String {
        let rel = names::roll_part(org, as_of, id);
        if let Some(s) = self.staged.iter_mut().find(|(t, _)| t == tmp) {
            s.1 = rel.clone();
        }
        rel
    }

    /// Stages a reference table of `kind`: `(rel, tmp)`.
    pub fn stage_reference(&mut self, kind: &str, id: &str) -> (String, PathBuf) {
        let rel = names::reference_part(kind, id);
        (rel.clone(), self.stage(rel))
    }

    pub fn part_path(&self, rec: &IngestRecord) -> PathBuf {
        names::path_of(&self.dir, &rec.part)
    }

    /// Whether a part was staged by this writer (and is not committed yet).
    pub fn is_staged(&self, rec: &IngestRecord) -> bool {
        self.staged.iter().any(|(_, rel)| *rel == rec.part)
    }

    /// Who a roll part holds, whether committed or staged by this writer.
    pub fn identities(&self, rec: &IngestRecord) -> Result<rolls::Identities> {
        let path = match self.staged.iter().find(|(_, rel)| *rel == rec.part) {
            Some((tmp, _)) => tmp.clone(),
            None => self.part_path(rec),
        };
        rolls::identities(&path, &self.dir, rec)
    }

    /// Moves staged parts into place and writes the new manifest (the commit point);
    /// then removes the parts the new manifest no longer names (and nothing else).
    pub fn commit(mut self, next: Manifest) -> Result<()> {
        anyhow::ensure!(
            self.manifest.format == manifest::FORMAT,
            "internal error: a store of format {} changed before its upgrade",
            self.manifest.format
        );
        self.commit_staged(next)
    }

    /// [`Writer::commit`], keeping the transaction (and its lock) open after it.
    fn commit_staged(&mut self, mut next: Manifest) -> Result<()> {
        fault::point("before-rename");
        // From here to the manifest, a signal waits: the commit is never cut in two.
        let commit = crate::interrupt::commit();
        for (tmp, rel) in &self.staged {
            anyhow::ensure!(
                !rel.is_empty(),
                "internal error: a staged part was never named"
            );
            let dest = names::path_of(&self.dir, rel);
            if let Some(parent) = dest.parent() {
                fsutil::create_private_dir(parent)?;
            }
            fs::rename(tmp, &dest).explain(|| {
                t!(
                    lang::store::CANNOT_MOVE_INTO_STORE,
                    tmp.display().to_string()
                )
            })?;
            if let Some(parent) = dest.parent() {
                fsutil::sync_dir(parent)?;
            }
        }
        fault::point("before-manifest");
        next.generation = self.manifest.generation + 1;
        next.format = manifest::FORMAT;
        next.key_check = Some(self.secret.check_value());
        next.written_by = Some(format!("tally {}", env!("CARGO_PKG_VERSION")));
        let json = serde_json::to_vec_pretty(&next)?;
        fsutil::write_atomic(&self.dir.join("manifest.json"), &json)?;
        commit.done();
        fault::point("after-manifest");
        self.manifest = next;
        self.staged.clear();
        sweep::after_commit(&self.dir, &self.manifest)?;
        fault::point("leftovers-removed");
        Ok(())
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        // An abandoned transaction leaves nothing behind.
        for (tmp, _) in &self.staged {
            let _ = fs::remove_file(tmp);
        }
        crate::interrupt::abandoned();
    }
}

/// Why a JSON file tally wrote does not read, in the reader's language: where its
/// text stops being JSON, or the field whose value is not one tally writes (serde's
/// own words for which, in brackets).
pub(crate) fn json_why(e: &serde_json::Error) -> crate::lang::Text {
    use serde_json::error::Category;
    let (line, column) = (e.line() as u64, e.column() as u64);
    match e.classify() {
        Category::Eof => t!(lang::store::JSON_ENDS, line, column),
        Category::Syntax | Category::Io => t!(lang::store::JSON_NOT_JSON, line, column),
        Category::Data => {
            let words = e.to_string();
            let words = words
                .split(" at line ")
                .next()
                .unwrap_or(&words)
                .to_string();
            t!(lang::store::JSON_WRONG_FIELD, words)
        }
    }
}
