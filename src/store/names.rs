//! What tally writes in a store, by name. A writer deletes only files whose names it
//! gives (a part, a part staged in `tmp/`, a spool of rejected rows, a temp file of its
//! own), and a manifest may name only parts: a user's file under `rolls/` or
//! `reference/` (`tally --store . ingest rolls/2026/*.csv`) is never one, and a part
//! path that leaves the store (`/etc/x`, `../x`) is a damaged manifest.
//!
//! ```text
//! rolls/<org>/<yyyy-mm-dd>/<id>.parquet      <id>: 12 hex digits (.f<N> once upgraded)
//! reference/<kind>-<id>.parquet
//! tmp/<n>-<pid>.parquet                      a part being written
//! tmp/rejects-<pid>.spool                    rejected rows on their way to --rejects
//! ```

use std::path::{Path, PathBuf};

pub const ROLLS: &str = "rolls";
pub const REFERENCE: &str = "reference";
pub const TMP: &str = "tmp";
pub const MANIFEST: &str = "manifest.json";
/// How `write_atomic` names the manifest until it is renamed into place: a store that
/// lost its manifest in a crash (FAT32, exFAT) may still hold the new one under it.
pub const MANIFEST_TMP: &str = ".manifest.json.tmp-";

/// The files and folders a store keeps beside its parts, which a folder without a
/// manifest may hold and still be a new store (a first ingest that was refused leaves
/// its lock, secret and `tmp/`). The last three are what file managers leave.
const STORE_OWN: [&str; 10] = [
    MANIFEST,
    "secret",
    "lock",
    TMP,
    "parts-checked",
    ROLLS,
    REFERENCE,
    ".DS_Store",
    "Thumbs.db",
    "desktop.ini",
];

/// A roll part's path within the store.
pub fn roll_part(org: &str, as_of: &str, id: &str) -> String {
    format!("{ROLLS}/{org}/{as_of}/{id}.parquet")
}

/// A reference table's part path within the store.
pub fn reference_part(kind: &str, id: &str) -> String {
    format!("{REFERENCE}/{kind}-{id}.parquet")
}

/// A part being written, in `tmp/`.
pub fn staged(n: usize) -> String {
    format!("{n}-{}.parquet", std::process::id())
}

/// The spool of this process's rejected rows, in `tmp/`.
pub fn spool() -> String {
    format!("rejects-{}.spool", std::process::id())
}

/// Whether a file name in `tmp/` is a part a writer staged.
pub fn is_staged(name: &str) -> bool {
    name.strip_suffix(".parquet")
        .and_then(|s| s.split_once('-'))
        .is_some_and(|(n, pid)| digits(n) && digits(pid))
}

/// Whether a file name in `tmp/` is a spool of rejected rows.
pub fn is_spool(name: &str) -> bool {
    name.strip_prefix("rejects-")
        .and_then(|s| s.strip_suffix(".spool"))
        .is_some_and(digits)
}

/// Why `rel` is not a path tally gives a part, if it is not one: a manifest naming
/// such a path is damaged or crafted, and nothing at it is read, copied or deleted.
pub fn part_problem(rel: &str) -> Option<crate::lang::Text> {
    if rel.starts_with('/') || rel.contains(['\\', ':', '\0']) {
        return Some(crate::t!(crate::lang::store::PART_NOT_INSIDE));
    }
    let parts: Vec<&str> = rel.split('/').collect();
    if parts
        .iter()
        .any(|p| *p == ".." || *p == "." || p.is_empty())
    {
        return Some(crate::t!(crate::lang::store::PART_NOT_INSIDE));
    }
    let ok = match parts.as_slice() {
        [ROLLS, org, as_of, file] => code(org) && date(as_of) && roll_file(file),
        [REFERENCE, file] => file
            .strip_suffix(".parquet")
            .and_then(|s| s.rsplit_once('-'))
            .is_some_and(|(kind, id)| code(kind) && id_of(id)),
        _ => false,
    };
    (!ok).then(|| crate::t!(crate::lang::store::PART_NOT_NAMED))
}

/// Whether a folder `depth` levels below `rolls/` is named as an ingest names them:
/// `rolls/ORG` (0), `rolls/ORG/DATE` (1).
pub fn is_part_dir(depth: usize, name: &str) -> bool {
    match depth {
        0 => code(name),
        1 => date(name),
        _ => false,
    }
}

/// `<id>.parquet`, or `<id>.f<N>.parquet` for a part an upgrade rewrote.
fn roll_file(file: &str) -> bool {
    let Some(stem) = file.strip_suffix(".parquet") else {
        return false;
    };
    match stem.split_once(".f") {
        Some((id, n)) => id_of(id) && digits(n),
        None => id_of(stem),
    }
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// An organization's or a reference kind's code: lower-case letters, digits, `_`.
fn code(s: &str) -> bool {
    (1..=64).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && [0..4, 5..7, 8..10].into_iter().all(|r| digits(&s[r]))
}

/// An ingest ID: 12 lower-case hex digits.
fn id_of(s: &str) -> bool {
    s.len() == 12
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// What a store directory holds, told by name.
#[derive(Debug, Default)]
pub struct Survey {
    pub manifest: bool,
    /// Manifests an interrupted commit left (`.manifest.json.tmp-PID`).
    pub orphaned: Vec<PathBuf>,
    /// Files named as parts, under `rolls/` and `reference/`.
    pub parts: usize,
    /// Files tally did not write (top-level names and files under `rolls/` and
    /// `reference/`), the first few, relative to the store.
    pub foreign: Vec<String>,
}

const FOREIGN_SHOWN: usize = 5;

/// Surveys `dir` without following links: a missing directory is an empty one.
pub fn survey(dir: &Path) -> std::io::Result<Survey> {
    let mut s = Survey::default();
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(s),
        Err(e) => return Err(e),
    };
    for e in entries {
        let e = e?;
        let name = e.file_name().to_string_lossy().into_owned();
        if name == MANIFEST {
            s.manifest = true;
        } else if name.starts_with(MANIFEST_TMP) {
            s.orphaned.push(e.path());
        } else if name == ROLLS || name == REFERENCE {
            survey_parts(dir, &name, &mut s)?;
        } else if !STORE_OWN.contains(&name.as_str()) && !name.starts_with(".parts-checked.tmp-") {
            s.note_foreign(name);
        }
    }
    s.orphaned.sort();
    Ok(s)
}

impl Survey {
    fn note_foreign(&mut self, rel: String) {
        if self.foreign.len() < FOREIGN_SHOWN {
            self.foreign.push(rel);
        }
    }
}

fn survey_parts(dir: &Path, sub: &str, s: &mut Survey) -> std::io::Result<()> {
    let mut files = Vec::new();
    walk(&dir.join(sub), &mut files)?;
    for f in files {
        let rel = relative(dir, &f);
        if part_problem(&rel).is_none() {
            s.parts += 1;
        } else {
            s.note_foreign(rel);
        }
    }
    Ok(())
}

/// Every file under `dir` (not following links: a link is listed, never entered).
pub fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    for e in entries {
        let e = e?;
        if e.file_type()?.is_dir() {
            walk(&e.path(), out)?;
        } else {
            out.push(e.path());
        }
    }
    out.sort();
    Ok(())
}

/// Where the part `rel` (as a manifest names it, `/` between its parts) lies under
/// `dir`, joined part by part so that it is written with the system's separator.
pub fn path_of(dir: &Path, rel: &str) -> PathBuf {
    rel.split('/').fold(dir.to_path_buf(), |p, c| p.join(c))
}

/// `path` relative to the store, with `/` between its parts, as a manifest names it.
pub fn relative(dir: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(dir).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_names_tally_gives_are_parts() {
        let good = [
            "rolls/youth/2026-10-31/0123456789ab.parquet",
            "rolls/red_cross/2026-10-31/0123456789ab.f3.parquet",
            "reference/areas-0123456789ab.parquet",
            "reference/eligible-0123456789ab.parquet",
        ];
        for p in good {
            assert_eq!(part_problem(p), None, "{p}");
        }
        let outside = [
            "/etc/passwd",
            "../outside.parquet",
            "rolls/../../x.parquet",
            "rolls/youth/2026-10-31/../../../../x",
            "C:\\Windows\\x.parquet",
            "c:x.parquet",
            "rolls\\youth\\2026-10-31\\0123456789ab.parquet",
            "rolls//youth/2026-10-31/0123456789ab.parquet",
            "./rolls/youth/2026-10-31/0123456789ab.parquet",
            "",
        ];
        for p in outside {
            assert_eq!(
                part_problem(p).map(|w| w.en()).as_deref(),
                Some("is not a path inside the store"),
                "{p}"
            );
        }
        let misnamed = [
            "rolls/2026/roll.csv",
            "reference/areas.csv",
            "reference/areas-0123456789ab.csv",
            "rolls/Youth/2026-10-31/0123456789ab.parquet",
            "rolls/youth/31-10-2026/0123456789ab.parquet",
            "rolls/youth/2026-10-31/0123456789AB.parquet",
            "rolls/youth/2026-10-31/sub/0123456789ab.parquet",
            "tmp/0-12.parquet",
            "secret",
        ];
        for p in misnamed {
            assert!(
                part_problem(p).is_some_and(|w| w.en().contains("not the name")),
                "{p}"
            );
        }
    }

    #[test]
    fn a_part_is_named_with_the_systems_separator_and_read_back_with_slashes() {
        let sep = std::path::MAIN_SEPARATOR_STR;
        let cases = [
            ("rolls/youth/2026-10-31/0123456789ab.parquet", 5),
            ("reference/areas-0123456789ab.parquet", 3),
        ];
        for (rel, parts) in cases {
            let path = path_of(Path::new("store"), rel);
            assert_eq!(path.components().count(), parts, "{rel}");
            let shown = format!("store{sep}{}", rel.replace('/', sep));
            assert_eq!(path.display().to_string(), shown, "{rel}");
            assert_eq!(relative(Path::new("store"), &path), rel);
        }
    }

    #[test]
    fn staged_parts_and_spools_are_known_by_name() {
        assert!(is_staged(&staged(3)));
        assert!(is_staged("0-12345.parquet"));
        assert!(!is_staged("roll.parquet") && !is_staged("a-1.parquet"));
        assert!(is_spool(&spool()));
        assert!(!is_spool("rejects-.spool") && !is_spool("rejects-1.csv"));
    }
}
