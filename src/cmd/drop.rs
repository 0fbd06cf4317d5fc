//! `tally drop WHAT`: remove an ingest (by its ID or a unique start of it), or every
//! ingest of a file (a workbook's sheets together), atomically.

use std::io::Write;

use anyhow::Result;
use std::time::Duration;

use crate::cli::DropArgs;
use crate::error::Failure;
use crate::kind::Kind;
use crate::lang::{cmd as msg, store as lang, Text};
use crate::org::Orgs;
use crate::store::drop_target::{pick, Picked};
use crate::store::{IngestRecord, Store};
use crate::t;
use crate::term::Voice;

/// IDs listed of many dropped, or of an ambiguous prefix's candidates.
const LISTED: usize = 8;

pub fn run(store: &Store, args: &DropArgs, wait: Duration, voice: Voice) -> Result<()> {
    let mut writer = store.write(wait)?;
    if let Some(u) = writer.upgrade()? {
        voice.note(u.sentence(store.dir()));
    }
    let dir = store.dir().display().to_string();
    let recs: Vec<IngestRecord> = match pick(&writer.manifest, &args.id) {
        Picked::Ingests(recs) => recs.into_iter().cloned().collect(),
        Picked::Ambiguous(recs) => {
            let list: Vec<String> = recs
                .iter()
                .take(LISTED)
                .map(|r| format!("{} ({})", r.id, r.file))
                .chain((recs.len() > LISTED).then(|| "…".to_string()))
                .collect();
            let n = Text::Count(recs.len() as u64);
            return Err(
                Failure::usage(t!(lang::AMBIGUOUS_PREFIX, &args.id, n, list.join(", ")))
                    .hint(t!(lang::AMBIGUOUS_PREFIX_HINT))
                    .into(),
            );
        }
        Picked::Nothing => {
            return Err(
                Failure::invalid(t!(lang::NO_SUCH_INGEST_OR_FILE, &args.id, dir))
                    .hint(t!(msg::SEE_INGEST_IDS))
                    .into(),
            );
        }
    };
    let mut next = writer.manifest.clone();
    next.ingests.retain(|i| !recs.iter().any(|r| r.id == i.id));
    // Areas and enterprises keep their versions: the one before is in force again.
    let mut kinds: Vec<Kind> = recs.iter().map(|r| r.kind).collect();
    kinds.dedup();
    let in_force: Vec<Text> = kinds
        .into_iter()
        .filter(|k| matches!(k, Kind::Areas | Kind::Enterprises))
        .map(|kind| match next.reference(kind) {
            Some(r) => t!(lang::IN_FORCE_AGAIN, kind.text(), &r.file, &r.id),
            None => t!(lang::NONE_IN_FORCE, kind.text()),
        })
        .collect();
    let orgs = writer.orgs.clone();
    writer.commit(next)?;
    let line = match recs.as_slice() {
        [rec] => one(rec, &orgs),
        many => {
            let book = many[0]
                .file
                .split_once(", sheet \"")
                .map_or(many[0].file.as_str(), |b| b.0);
            let rows = Text::Count(many.iter().map(|r| r.rows).sum());
            let ids: Vec<&str> = many.iter().take(LISTED).map(|r| r.id.as_str()).collect();
            let more = if many.len() > LISTED { ", …" } else { "" };
            let n = Text::Count(many.len() as u64);
            t!(
                lang::DROPPED_MANY,
                n,
                book,
                rows,
                format!("{}{more}", ids.join(", "))
            )
        }
    };
    // `--quiet` says nothing but errors (found by a new analyst's year: it printed).
    if voice.quiet {
        return Ok(());
    }
    let lang = voice.lang;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", line.render(lang))?;
    for line in in_force {
        writeln!(out, "{}", line.render(lang))?;
    }
    Ok(())
}

/// What one dropped ingest was: the kind and the organization by their names in the
/// reader's language.
fn one(rec: &IngestRecord, orgs: &Orgs) -> Text {
    match (&rec.org, &rec.as_of) {
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
    }
}
