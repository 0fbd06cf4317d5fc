//! Parts already checked: a report reads every part's bytes for its SHA-256, which was a
//! quarter of a 10M-row report. A part whose checksum matched is remembered with what
//! the file system says of it (size, modification and change times, file number), and
//! a later report trusts it while all of that is unchanged. Any write to the file
//! changes its change time (which no program can set back), and a new file has a new
//! number, so a part written over is checked again (on Unix; elsewhere see [`stamp`]).
//! `tally verify` ignores this cache
//! and reads every byte: that is what finds a fault that leaves a file's dates alone
//! (a failing disk).
//!
//! A stamp is taken from an open file (a network file system then answers with fresh
//! times, not cached ones), before the part is hashed and again after: a part is
//! remembered only if both agree, and only if its times are more than two seconds old
//! (a file changed again within its file system's clock tick would keep its times).
//!
//! The cache is a private text file, `parts-checked`, at the top of the store: one line
//! per part, `stamp<TAB>sha256<TAB>path`. A cache that cannot be read is no cache;
//! one that cannot be written (a store on read-only media) is not written. Only a
//! report reads and writes it (see `Checks` in the scan module).

use std::collections::BTreeMap;
use std::fs::Metadata;
use std::path::Path;

use super::IngestRecord;

const FILE: &str = "parts-checked";
/// How a cache being written is named until it is renamed into place.
const TMP: &str = ".parts-checked.tmp-";

/// How recent a change may be and still be trusted to show in the file's times: more
/// than any file system's clock tick (one second on the coarsest).
#[cfg(unix)]
const SETTLED: std::time::Duration = std::time::Duration::from_secs(2);

/// What the file system says of a part, as one comparable string, asked of the open
/// file. Only where a file has a change time no program can set back (Unix): elsewhere
/// there is no stamp and every report reads every part, as `verify` does. (Windows keeps
/// such a time too, but only behind a call the standard library does not make; its
/// modification and creation times can both be set back by any program.) No stamp
/// either for a file changed in the last two seconds.
pub(super) fn stamp(path: &Path) -> Option<String> {
    let meta = std::fs::File::open(path).and_then(|f| f.metadata()).ok()?;
    stamp_of(&meta, std::time::SystemTime::now())
}

#[cfg(unix)]
fn stamp_of(meta: &Metadata, now: std::time::SystemTime) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let at = |secs: i64, nanos: i64| {
        let d = std::time::Duration::new(u64::try_from(secs).ok()?, u32::try_from(nanos).ok()?);
        std::time::UNIX_EPOCH.checked_add(d)
    };
    for t in [
        at(meta.mtime(), meta.mtime_nsec()),
        at(meta.ctime(), meta.ctime_nsec()),
    ] {
        let settled = t
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age > SETTLED);
        if !settled {
            return None;
        }
    }
    Some(format!(
        "{}:{}.{}:{}.{}:{}:{}",
        meta.len(),
        meta.mtime(),
        meta.mtime_nsec(),
        meta.ctime(),
        meta.ctime_nsec(),
        meta.dev(),
        meta.ino()
    ))
}

#[cfg(not(unix))]
fn stamp_of(_meta: &Metadata, _now: std::time::SystemTime) -> Option<String> {
    None
}

/// The parts known to have matched their checksums, by path within the store.
#[derive(Default)]
pub(super) struct Checked {
    known: BTreeMap<String, (String, String)>,
    added: bool,
}

impl Checked {
    /// The store's cache; empty when there is none or it cannot be read.
    pub(super) fn load(dir: &Path) -> Checked {
        let mut known = BTreeMap::new();
        if let Ok(text) = std::fs::read_to_string(dir.join(FILE)) {
            for line in text.lines() {
                let mut f = line.splitn(3, '\t');
                if let (Some(stamp), Some(sha), Some(path)) = (f.next(), f.next(), f.next()) {
                    known.insert(path.to_string(), (stamp.to_string(), sha.to_string()));
                }
            }
        }
        Checked {
            known,
            added: false,
        }
    }

    /// Whether the part, as the file system now describes it, is one already checked
    /// against the checksum the manifest gives it.
    pub(super) fn vouches(&self, rec: &IngestRecord, stamp: Option<&str>) -> bool {
        let Some(stamp) = stamp else { return false };
        self.known
            .get(&rec.part)
            .is_some_and(|(s, sha)| s == stamp && *sha == rec.part_sha256)
    }

    /// The part, described by `stamp` before it was read, matched its checksum.
    pub(super) fn note(&mut self, rec: &IngestRecord, stamp: Option<&str>) {
        let Some(stamp) = stamp else { return };
        let entry = (stamp.to_string(), rec.part_sha256.clone());
        if self.known.get(&rec.part) != Some(&entry) {
            self.known.insert(rec.part.clone(), entry);
            self.added = true;
        }
    }

    /// Writes the cache back if it learned something; parts no longer in the store
    /// are left out. A failure to write only means the next report checks again.
    pub(super) fn save(mut self, dir: &Path) {
        if !self.added {
            return;
        }
        self.known.retain(|path, _| dir.join(path).is_file());
        let mut text = String::new();
        for (path, (stamp, sha)) in &self.known {
            if !path.contains(['\t', '\n']) {
                text.push_str(&format!("{stamp}\t{sha}\t{path}\n"));
            }
        }
        // Written beside and renamed over, so that a reader never sees half a cache;
        // not synced, since a cache lost in a crash is only checked again. The name is
        // new for each write (two reports at once each write their own).
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let tmp = dir.join(format!("{TMP}{}-{nanos}", std::process::id()));
        let written = create_new_private(&tmp)
            .and_then(|mut f| Ok(std::io::Write::write_all(&mut f, text.as_bytes())?))
            .and_then(|()| Ok(std::fs::rename(&tmp, dir.join(FILE))?));
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }
}

/// A private file that did not exist.
fn create_new_private(path: &Path) -> anyhow::Result<std::fs::File> {
    if path.exists() {
        anyhow::bail!("{} exists", path.display());
    }
    super::fsutil::create_private(path)
}

/// Removes caches half written by a report that was stopped (for a writer, which
/// holds the store alone).
pub(super) fn remove_leftovers(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        if e.file_name().to_string_lossy().starts_with(TMP) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(part: &str, sha: &str) -> IngestRecord {
        serde_json::from_value(serde_json::json!({
            "id": "i1", "kind": "roll", "file": "f.csv", "sha256": "", "rows": 1,
            "rejected": 0, "warnings": 0, "ingested_at": "", "encoding": "utf-8",
            "part": part, "part_sha256": sha, "part_bytes": 1
        }))
        .unwrap()
    }

    #[test]
    fn a_part_is_vouched_for_only_with_its_stamp_its_checksum_and_its_path() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("rolls")).unwrap();
        std::fs::write(dir.path().join("rolls/a.parquet"), b"x").unwrap();
        let a = rec("rolls/a.parquet", "aa");
        let mut c = Checked::load(dir.path());
        assert!(
            !c.vouches(&a, Some("s1")),
            "an empty cache vouches for nothing"
        );
        c.note(&a, Some("s1"));
        c.note(&rec("rolls/gone.parquet", "bb"), Some("s2"));
        c.save(dir.path());

        let c = Checked::load(dir.path());
        assert!(c.vouches(&a, Some("s1")));
        assert!(!c.vouches(&a, Some("s9")), "another stamp");
        assert!(!c.vouches(&a, None), "no stamp");
        assert!(
            !c.vouches(&rec("rolls/a.parquet", "ab"), Some("s1")),
            "another checksum"
        );
        assert!(
            !c.vouches(&rec("rolls/b.parquet", "aa"), Some("s1")),
            "another part"
        );
        // A part no longer in the store is not kept; nothing half written is left.
        assert!(!c.vouches(&rec("rolls/gone.parquet", "bb"), Some("s2")));
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        assert!(!names.iter().any(|n| n.starts_with(TMP)), "{names:?}");
    }

    #[test]
    fn a_cache_written_by_hand_vouches_only_for_what_it_says_exactly() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(FILE),
            "s1\taa\trolls/a.parquet\r\nbroken line\n\t\t\ns2\tbb\n",
        )
        .unwrap();
        let c = Checked::load(dir.path());
        // A line ended as Windows ends it is still the line; a line short of its three
        // fields says nothing.
        assert!(c.vouches(&rec("rolls/a.parquet", "aa"), Some("s1")));
        assert!(!c.vouches(&rec("rolls/a.parquet", "aa"), Some("s2")));
        assert!(!c.vouches(&rec("broken line", ""), Some("")));
        assert_eq!(c.known.len(), 2, "{:?}", c.known);
    }

    #[cfg(unix)]
    #[test]
    fn a_file_changed_in_the_last_two_seconds_has_no_stamp() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("p");
        std::fs::write(&p, b"x").unwrap();
        let meta = std::fs::metadata(&p).unwrap();
        let now = std::time::SystemTime::now();
        assert_eq!(stamp_of(&meta, now), None);
        assert_eq!(stamp(&p), None);
        let later = now + std::time::Duration::from_secs(3);
        assert!(stamp_of(&meta, later).is_some());
    }
}
