//! `tally verify`: say what is wrong with the store and how to fix it, or that it is
//! sound. Exit 65 when anything is wrong.

use anyhow::Result;
use serde_json::json;
use std::io::Write;
use std::time::Duration;

use crate::cli::{VerifyArgs, VerifyFormat};
use crate::error::Failure;
use crate::messages::{pick, say};
use crate::store::{restore, verify, Store};

fn finding_json(f: &verify::Finding) -> serde_json::Value {
    json!({"path": f.path, "problem": f.problem, "fix": f.fix})
}

pub fn run(store: &Store, args: &VerifyArgs, wait: Duration) -> Result<()> {
    if args.restore_manifest {
        let r = restore::restore_manifest(store, wait)?;
        crate::term::note(format!(
            "restored {} from {} (generation {}, {} part(s), each checked)",
            store.dir().join("manifest.json").display(),
            r.from.display(),
            r.generation,
            r.parts
        ));
    }
    super::existing(store)?;
    let c = verify::verify(store, wait)?;
    let mut out = std::io::stdout().lock();
    match args.format {
        VerifyFormat::Json => {
            let doc = json!({
                "store": store.dir().display().to_string(),
                "ok": c.findings.is_empty(),
                "parts": c.parts,
                "bytes": c.bytes,
                "rows": c.rows,
                "secret": c.secret,
                "findings": c.findings.iter().map(finding_json).collect::<Vec<_>>(),
                "warnings": c.warnings.iter().map(finding_json).collect::<Vec<_>>(),
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
        }
        VerifyFormat::Table => {
            // The secret's state as a word of the chosen language: a catalogue entry
            // for a bare word would also translate any captured text equal to it.
            let secret = match c.secret {
                "ok" => pick("ok", "đúng"),
                "missing" => pick("missing", "bị mất"),
                "wrong" => pick("wrong", "sai"),
                _ => pick("none", "chưa có"),
            };
            let line = format!(
                "{}: checked {} part(s), {} bytes, {} rows; secret {secret}",
                store.dir().display(),
                c.parts,
                c.bytes,
                c.rows,
            );
            writeln!(out, "{}", say(&line))?;
            for f in c.findings.iter().chain(&c.warnings) {
                writeln!(out, "{}: {}", f.path, say(&f.problem))?;
                writeln!(out, "  {}: {}", pick("fix", "cách sửa"), say(&f.fix))?;
            }
            if c.findings.is_empty() {
                writeln!(
                    out,
                    "{}",
                    pick("the store is sound", "kho dữ liệu không có lỗi")
                )?;
            }
        }
    }
    out.flush()?;
    if c.findings.is_empty() {
        return Ok(());
    }
    Err(
        Failure::invalid(format!("the store has {} problem(s)", c.findings.len()))
            .hint("fix each as said above, then run tally verify again")
            .into(),
    )
}
