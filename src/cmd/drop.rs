//! `tally drop ID`: remove one ingest, atomically.

use std::io::Write;

use anyhow::Result;
use std::time::Duration;

use crate::cli::DropArgs;
use crate::error::Failure;
use crate::store::Store;

pub fn run(store: &Store, args: &DropArgs, wait: Duration) -> Result<()> {
    let mut writer = store.write(wait)?;
    if let Some(u) = writer.upgrade()? {
        crate::term::note(u.sentence(store.dir()));
    }
    let Some(rec) = writer.manifest.find(&args.id).cloned() else {
        return Err(Failure::invalid(format!(
            "no ingest with ID \"{}\" in {}",
            args.id,
            store.dir().display()
        ))
        .hint("run `tally status` to see the ingest IDs")
        .into());
    };
    let mut next = writer.manifest.clone();
    next.ingests.retain(|i| i.id != rec.id);
    // Areas and enterprises keep their versions: the one before is in force again.
    let in_force = matches!(rec.kind.as_str(), "areas" | "enterprises").then(|| {
        let kind = &rec.kind;
        match next.reference(kind) {
            Some(r) => format!(
                "the {kind} in force are those of {} (ingest {})",
                r.file, r.id
            ),
            None => format!("the store holds no {kind} now"),
        }
    });
    writer.commit(next)?;
    let what = match (&rec.org, &rec.as_of) {
        (Some(o), Some(d)) => format!("{} rows of the {o} roll as of {d}", rec.rows),
        _ => format!("the {} reference ({} rows)", rec.kind, rec.rows),
    };
    let mut out = std::io::stdout().lock();
    let line = format!("dropped ingest {} ({what}, from {})", rec.id, rec.file);
    writeln!(out, "{}", crate::messages::say(&line))?;
    if let Some(line) = in_force {
        writeln!(out, "{}", crate::messages::say(&line))?;
    }
    Ok(())
}
