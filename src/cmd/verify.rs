//! `tally verify`: say what is wrong with the store and how to fix it, or that it is
//! sound. Exit 65 when anything is wrong.

use anyhow::Result;
use serde_json::json;
use std::io::Write;
use std::time::Duration;

use crate::cli::{VerifyArgs, VerifyFormat};
use crate::error::Failure;
use crate::lang::{cmd as msg, Text};
use crate::store::{restore, verify, Store};
use crate::t;
use crate::term::Voice;

fn finding_json(f: &verify::Finding) -> serde_json::Value {
    json!({"path": f.path, "problem": f.problem, "fix": f.fix})
}

pub fn run(store: &Store, args: &VerifyArgs, wait: Duration, voice: Voice) -> Result<()> {
    if args.restore_manifest {
        let r = restore::restore_manifest(store, wait)?;
        let manifest = store.dir().join("manifest.json");
        voice.note(t!(
            msg::RESTORED_MANIFEST,
            manifest.display().to_string(),
            r.from.display().to_string(),
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
            let doc = serde_json::to_string_pretty(&doc)?;
            crate::error::json_said();
            writeln!(out, "{doc}")?;
        }
        VerifyFormat::Table => write_table(&mut out, store, &c, voice)?,
    }
    out.flush()?;
    if c.findings.is_empty() {
        return Ok(());
    }
    Err(
        Failure::invalid(t!(msg::STORE_HAS_PROBLEMS, c.findings.len()))
            .hint(t!(msg::FIX_AS_SAID))
            .into(),
    )
}

/// What was checked, each finding with its fix, and whether the store is sound.
fn write_table(
    out: &mut impl Write,
    store: &Store,
    c: &verify::Checked,
    voice: Voice,
) -> Result<()> {
    let lang = voice.lang;
    // The secret's state as a word of its own: a message for a bare word never
    // translates text that happens to be equal to it.
    let secret = match c.secret {
        "ok" => &msg::SECRET_OK,
        "missing" => &msg::SECRET_MISSING,
        "wrong" => &msg::SECRET_WRONG,
        _ => &msg::SECRET_NONE,
    };
    let dir = store.dir().display().to_string();
    let checked = t!(
        msg::CHECKED,
        dir,
        c.parts,
        c.bytes,
        c.rows,
        Text::Msg(secret, Vec::new())
    );
    writeln!(out, "{}", checked.render(lang))?;
    for f in c.findings.iter().chain(&c.warnings) {
        writeln!(out, "{}: {}", f.path, Text::from(&f.problem).render(lang))?;
        let fix = t!(msg::FIX, &f.fix);
        writeln!(out, "  {}", fix.render(lang))?;
    }
    if c.findings.is_empty() {
        writeln!(out, "{}", msg::STORE_SOUND.text(lang))?;
    }
    Ok(())
}
