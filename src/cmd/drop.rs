//! `tally drop ID`: remove one ingest, atomically.

use std::io::Write;

use anyhow::Result;
use std::time::Duration;

use crate::cli::DropArgs;
use crate::error::Failure;
use crate::kind::Kind;
use crate::lang::{cmd as msg, store as lang, Text};
use crate::store::Store;
use crate::t;
use crate::term::Voice;

pub fn run(store: &Store, args: &DropArgs, wait: Duration, voice: Voice) -> Result<()> {
    let mut writer = store.write(wait)?;
    if let Some(u) = writer.upgrade()? {
        voice.note(u.sentence(store.dir()));
    }
    let Some(rec) = writer.manifest.find(&args.id).cloned() else {
        let dir = store.dir().display().to_string();
        return Err(Failure::invalid(t!(msg::NO_SUCH_INGEST, &args.id, dir))
            .hint(t!(msg::SEE_INGEST_IDS))
            .into());
    };
    let mut next = writer.manifest.clone();
    next.ingests.retain(|i| i.id != rec.id);
    // Areas and enterprises keep their versions: the one before is in force again.
    // The kind and the organization by their names in the reader's language.
    let in_force = matches!(rec.kind, Kind::Areas | Kind::Enterprises).then(|| {
        match next.reference(rec.kind) {
            Some(r) => t!(lang::IN_FORCE_AGAIN, rec.kind.text(), &r.file, &r.id),
            None => t!(lang::NONE_IN_FORCE, rec.kind.text()),
        }
    });
    let orgs = writer.orgs.clone();
    writer.commit(next)?;
    let line = match (&rec.org, &rec.as_of) {
        (Some(o), Some(d)) => {
            let org = orgs.parse(o).map_or_else(|| Text::from(o), |o| o.text());
            let day = d
                .parse::<chrono::NaiveDate>()
                .map_or_else(|_| Text::from(d), Text::from);
            t!(
                lang::DROPPED_ROLL,
                &rec.id,
                Text::Count(rec.rows),
                org,
                day,
                &rec.file
            )
        }
        _ => t!(
            lang::DROPPED_REFERENCE,
            &rec.id,
            rec.kind.text(),
            Text::Count(rec.rows),
            &rec.file
        ),
    };
    let lang = voice.lang;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", line.render(lang))?;
    if let Some(line) = in_force {
        writeln!(out, "{}", line.render(lang))?;
    }
    Ok(())
}
