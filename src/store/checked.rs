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
//! The cache is a private text file, `parts-checked`, at the top of the store: one line
//! per part, `stamp<TAB>sha256<TAB>path`. A cache that cannot be read is no cache;
//! one that cannot be written (a store on read-only media) is not written.

use std::collections::BTreeMap;
use std::fs::Metadata;
use std::path::Path;

use super::IngestRecord;

const FILE: &str = "parts-checked";

/// What the file system says of a part, as one comparable string. Only where a file
/// has a change time no program can set back (Unix): elsewhere there is no stamp and
/// every report reads every part, as `verify` does. (Windows keeps such a time too, but
/// only behind a call the standard library does not make; its modification and
/// creation times can both be set back by any program.)
pub fn stamp(meta: &Metadata) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
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
    {
        let _ = meta;
        None
    }
}

/// The parts known to have matched their checksums, by path within the store.
#[derive(Default)]
pub struct Checked {
    known: BTreeMap<String, (String, String)>,
    added: bool,
}

impl Checked {
    /// The store's cache; empty when there is none or it cannot be read.
    pub fn load(dir: &Path) -> Checked {
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
    pub fn vouches(&self, rec: &IngestRecord, stamp: Option<&str>) -> bool {
        let Some(stamp) = stamp else { return false };
        self.known
            .get(&rec.part)
            .is_some_and(|(s, sha)| s == stamp && *sha == rec.part_sha256)
    }

    /// The part, described by `stamp` before it was read, matched its checksum.
    pub fn note(&mut self, rec: &IngestRecord, stamp: Option<&str>) {
        let Some(stamp) = stamp else { return };
        let entry = (stamp.to_string(), rec.part_sha256.clone());
        if self.known.get(&rec.part) != Some(&entry) {
            self.known.insert(rec.part.clone(), entry);
            self.added = true;
        }
    }

    /// Writes the cache back if it learned something; parts no longer in the store
    /// are left out. A failure to write only means the next report checks again.
    pub fn save(mut self, dir: &Path) {
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
        // not synced, since a cache lost in a crash is only checked again.
        let tmp = dir.join(format!(".{FILE}.tmp-{}", std::process::id()));
        let written = super::fsutil::create_private(&tmp)
            .and_then(|mut f| Ok(std::io::Write::write_all(&mut f, text.as_bytes())?))
            .and_then(|()| Ok(std::fs::rename(&tmp, dir.join(FILE))?));
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
    }
}
