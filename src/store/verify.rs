//! `tally verify`: the whole store checked against its manifest, read-only, under the
//! shared lock. Every part is read to its last byte (size and SHA-256), its Parquet
//! footer read (rows and columns), the reference tables decoded, the directories walked
//! for files the manifest does not name, and the secret checked against the key check.

use anyhow::Result;
use polars::prelude::*;
use std::collections::HashSet;
use std::fs;
use std::path::Path;
use std::time::Duration;

use super::{names, rolls, IngestRecord, Secret, Store, View};
use crate::lang::{store as msg, Text};
use crate::t;

/// One thing wrong, where, and how to fix it.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub path: String,
    pub problem: Text,
    pub fix: Text,
}

/// What was checked, and what is wrong.
#[derive(Debug, Default)]
pub struct Checked {
    pub parts: usize,
    pub bytes: u64,
    pub rows: u64,
    /// "ok", "missing", "wrong", or "none" (a store not yet written).
    pub secret: &'static str,
    pub findings: Vec<Finding>,
    /// Not damage, but worth saying: a store without its secret (a backup taken
    /// without it) reports, and refuses ingests until the secret is back.
    pub warnings: Vec<Finding>,
}

pub fn verify(store: &Store, wait: Duration) -> Result<Checked> {
    let mut view = store.read_as_written(wait)?;
    let mut c = Checked::default();
    // An entry naming a path tally does not give a part (outside the store, or not a
    // part's name) is named, and nothing at it is opened.
    let manifest = view.dir.join(names::MANIFEST).display().to_string();
    view.manifest
        .ingests
        .retain(|rec| match names::part_problem(&rec.part) {
            None => true,
            Some(why) => {
                c.findings.push(Finding {
                    path: manifest.clone(),
                    problem: t!(msg::VERIFY_MISNAMED_PART, &rec.id, &rec.part, why),
                    fix: t!(msg::VERIFY_MANIFEST_CRAFTED),
                });
                false
            }
        });
    for rec in &view.manifest.ingests {
        check_part(&view, rec, &mut c);
    }
    if c.findings.is_empty() {
        // Decoded as a report would: the reference tables, typed.
        if let Err(e) = super::reference::load(&view.dir, &view.manifest) {
            c.findings.push(Finding {
                path: view.dir.join("reference").display().to_string(),
                problem: t!(msg::VERIFY_REFERENCE_UNREADABLE, format!("{e:#}")),
                fix: t!(msg::VERIFY_REFERENCE_FIX),
            });
        }
    }
    unlisted(&view, &mut c)?;
    c.secret = check_secret(&view, &mut c);
    Ok(c)
}

fn drop_fix(rec: &IngestRecord) -> Text {
    t!(msg::VERIFY_DROP_FIX, &rec.id, &rec.file)
}

/// Checks one part: there, of its size and checksum, its footer's rows and columns.
pub(super) fn check_part(view: &View, rec: &IngestRecord, c: &mut Checked) {
    let path = view.part_path(rec);
    let mut wrong = |problem: Text| {
        c.findings.push(Finding {
            path: path.display().to_string(),
            problem,
            fix: drop_fix(rec),
        })
    };
    let (bytes, sha) = match super::fsutil::sha256_file(&path) {
        Ok(x) => x,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return wrong(t!(msg::VERIFY_PART_MISSING, &rec.id))
        }
        Err(e) => return wrong(t!(msg::PART_CANNOT_BE_READ, e.to_string())),
    };
    c.parts += 1;
    c.bytes += bytes;
    if bytes != rec.part_bytes {
        return wrong(t!(
            msg::PART_BYTES,
            bytes.to_string(),
            rec.part_bytes.to_string()
        ));
    }
    if sha != rec.part_sha256 {
        return wrong(t!(msg::PART_CHECKSUM));
    }
    match footer(&path) {
        Ok((rows, columns)) => {
            c.rows += rows;
            if rows != rec.rows {
                wrong(t!(msg::VERIFY_ROWS, rows.to_string(), rec.rows.to_string()));
            }
            if rec.kind == crate::kind::Kind::Roll {
                let expected = rolls::columns_of(view.manifest.format);
                if columns != expected {
                    wrong(t!(
                        msg::VERIFY_COLUMNS,
                        columns.join(", "),
                        expected.join(", ")
                    ));
                }
            }
        }
        Err(e) => wrong(t!(msg::VERIFY_NOT_PARQUET, e.to_string())),
    }
}

/// Rows and column names from a Parquet footer.
fn footer(path: &Path) -> PolarsResult<(u64, Vec<String>)> {
    let mut r = ParquetReader::new(fs::File::open(path)?);
    let rows = r.num_rows()? as u64;
    let columns = r.schema()?.iter_names().map(|n| n.to_string()).collect();
    Ok((rows, columns))
}

/// Parts the manifest does not name, files tally did not write (left alone), and what
/// a writer that never finished left in `tmp/`: all warnings, since nothing stored
/// depends on them.
fn unlisted(view: &View, c: &mut Checked) -> Result<()> {
    let named: HashSet<&str> = view
        .manifest
        .ingests
        .iter()
        .map(|r| r.part.as_str())
        .collect();
    let foreign = |f: &Path| Finding {
        path: f.display().to_string(),
        problem: t!(msg::VERIFY_FOREIGN_FILE),
        fix: t!(msg::VERIFY_FOREIGN_FILE_FIX),
    };
    for sub in [names::ROLLS, names::REFERENCE] {
        let mut files = Vec::new();
        names::walk(&view.dir.join(sub), &mut files)?;
        for f in files {
            let rel = names::relative(&view.dir, &f);
            if names::part_problem(&rel).is_some() {
                c.warnings.push(foreign(&f));
            } else if !named.contains(rel.as_str()) {
                // Never read (the manifest is what is stored): what a writer stopped
                // between its renames and its manifest left, which the next removes.
                c.warnings.push(Finding {
                    path: f.display().to_string(),
                    problem: t!(msg::VERIFY_UNLISTED_PART),
                    fix: t!(msg::VERIFY_AT_COMMIT),
                });
            }
        }
    }
    let mut staged = Vec::new();
    names::walk(&view.dir.join(names::TMP), &mut staged)?;
    for f in staged {
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let (problem, fix) = if names::is_staged(&name) {
            (t!(msg::VERIFY_STAGED_PART), t!(msg::VERIFY_AT_COMMIT))
        } else if names::is_spool(&name) {
            (t!(msg::VERIFY_SPOOL), t!(msg::VERIFY_SPOOL_FIX))
        } else {
            c.warnings.push(foreign(&f));
            continue;
        };
        // An unfinished ingest's files: harmless to what is stored, said as a note.
        c.warnings.push(Finding {
            path: f.display().to_string(),
            problem,
            fix,
        });
    }
    Ok(())
}

/// The secret against the manifest's key check. A missing secret is a warning (a
/// backup kept apart from its key is how it should be); a wrong or damaged one is damage.
fn check_secret(view: &View, c: &mut Checked) -> &'static str {
    let path = view.secret.clone();
    let Some(expected) = &view.manifest.key_check else {
        return "none";
    };
    let said = match fs::read(&path) {
        Ok(bytes) => match Secret::from_bytes(&bytes) {
            Ok(s) if s.check_value() == *expected => return "ok",
            Ok(_) => &msg::VERIFY_SECRET_NOT_THIS,
            Err(_) => &msg::IS_DAMAGED,
        },
        Err(_) => &msg::IS_MISSING,
    };
    let f = Finding {
        path: path.display().to_string(),
        problem: t!(msg::VERIFY_SECRET, Text::Msg(said, Vec::new())),
        fix: t!(msg::SECRET_HINT),
    };
    if std::ptr::eq(said, &msg::IS_MISSING) {
        c.warnings.push(f);
        "missing"
    } else {
        c.findings.push(f);
        "wrong"
    }
}
