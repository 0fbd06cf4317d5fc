//! A reference file joins the store, each ingest a part of its own:
//!
//! - eligible counts and targets add their keys and replace the keys they restate
//!   (`--replace`: the whole kind), so that dropping the file gives back the table
//!   before it;
//! - areas and enterprises are versions: the manifest keeps the earlier ones, the
//!   newest is in force, and `tally drop` of it gives back the one before. A version
//!   that removes units or enterprises, or reclassifies more than a few, needs
//!   `--replace`, and the refusal says what it would change;
//! - a file ingested before is "nothing changed" only while the table in force holds
//!   what it says; otherwise it is taken again and the summary says what came back.

use anyhow::Result;

use super::{header_only, ingest_id, now_utc, Options, Out, Outcome};
use crate::error::Failure;
use crate::lang::{reference as lang, Text};
use crate::reference::history;
use crate::reference::read::{read_with, Parsed};
use crate::reference::versions::{self, AreasChange, EnterprisesChange};
use crate::reference::Reference;
use crate::rows::headers::Kind;
use crate::rows::sources::Opened;
use crate::store::part::PartWriter;
use crate::store::{self, IngestRecord, Manifest};
use crate::t;

/// Why a reference file stored no row: every count was of a commune of today some of
/// whose old communes give none (`old_parts.rs`), or the file has a header only.
fn no_rows(name: &str, notes: &[crate::lang::Text]) -> anyhow::Error {
    let partial = |n: &&crate::lang::Text| matches!(n, crate::lang::Text::Msg(m, _) if m.en == crate::lang::reference::PARTIAL_OLD_COMMUNES.en);
    match notes.iter().find(partial) {
        Some(why) => Failure::invalid(t!(crate::lang::reference::NO_COUNT_LEFT, name, why))
            .hint(t!(crate::lang::reference::NO_COUNT_LEFT_HINT))
            .into(),
        None => header_only(name),
    }
}

/// Reads a reference file and stages its rows as a part of its own.
pub(crate) fn ingest_file(
    o: &mut Opened,
    reference: &mut Reference,
    out: &mut Out,
    opts: &Options,
) -> Result<()> {
    let kind = o.table.mapping.kind;
    if kind == Kind::Eligible && opts.kind.is_none() {
        if let Some(line) = crate::reference::read::title_names_members(&o.table.title) {
            let what = t!(crate::lang::reference::TITLE_NAMES_MEMBERS, &o.name, line);
            return Err(Failure::invalid(what)
                .hint(t!(crate::lang::reference::TITLE_NAMES_MEMBERS_HINT))
                .into());
        }
    }
    let result = read_with(&mut o.table, reference, opts.codes, opts.year)?;
    let rows = result.parsed.rows() + result.rejects.len();
    if rows == 0 {
        return Err(no_rows(&o.name, &result.notes));
    }
    let sha256 = super::file_sums::checksum(o)?;
    let earlier: Vec<String> = out
        .next
        .ingests
        .iter()
        .filter(|i| i.sha256 == sha256 && i.kind == kind)
        .map(|i| i.id.clone())
        .collect();
    if !earlier.is_empty()
        && result.parsed.rows() > 0
        && in_force(&result.parsed, reference, opts.replace)
    {
        out.report.outcome = Outcome::AlreadyIngested(earlier);
        return Ok(());
    }
    out.report.rows_read = rows as u64;
    out.warn(result.warnings);
    out.report.notes.extend(result.notes);
    for (problem, row) in &result.rejects {
        out.reject(problem.clone(), row, &o.table.mapping.headers)?;
    }
    if result.parsed.rows() == 0 {
        out.report.outcome = Outcome::NothingValid;
        return Ok(());
    }
    check_version(&o.name, &result.parsed, reference, out.next, opts.replace)?;
    let id = unique_id(out.next, &sha256, kind);
    let rec = stage(o, out, &result.parsed, id.clone(), sha256)?;
    // A keyed kind keeps the files before this one, unless --replace; areas and
    // enterprises keep their versions; the mapping and the orgs have one file.
    let kept = match kind {
        Kind::Eligible | Kind::Targets => !opts.replace,
        Kind::Areas | Kind::Enterprises => true,
        _ => false,
    };
    if !kept {
        out.next.ingests.retain(|i| i.kind != kind);
    }
    out.next.ingests.push(rec.clone());
    let joined = Joined {
        current: reference,
        replace: opts.replace,
        again: !earlier.is_empty(),
        id: &id,
        dry: opts.dry_run,
    };
    let mut table_notes = Vec::new();
    joined
        .table(result.parsed, &mut table_notes)
        .install(reference);
    out.report.notes.extend(table_notes);
    out.report.outcome = Outcome::Ingested(vec![rec]);
    Ok(())
}

/// Writes the file's table as a staged part of its own; its manifest record.
fn stage(
    o: &Opened,
    out: &mut Out,
    parsed: &Parsed,
    id: String,
    sha256: String,
) -> Result<IngestRecord> {
    let kind = o.table.mapping.kind;
    let (rel, tmp) = out.writer.stage_reference(kind.code(), &id);
    let df = match parsed {
        Parsed::Areas(a) => store::reference::areas_frame(a)?,
        Parsed::Enterprises(e) => store::reference::enterprises_frame(e)?,
        Parsed::Eligible(v) => store::reference::eligible_frame(v)?,
        Parsed::Targets(v) => store::reference::targets_frame(v)?,
        Parsed::Mapping(m) => store::reference::mapping_frame(m)?,
        Parsed::Orgs(v) => store::reference::orgs_frame(v)?,
    };
    let mut pw = PartWriter::create(&tmp, df.schema().as_ref().clone())?;
    pw.write(&df)?;
    let info = pw.finish()?;
    Ok(IngestRecord {
        id,
        kind,
        file: o.name.clone(),
        sha256,
        file_bytes: Some(o.bytes),
        rows: info.rows,
        rejected: out.report.rejected,
        warnings: out.report.warnings,
        ingested_at: now_utc(),
        encoding: o.table.encoding.name().into(),
        org: None,
        as_of: None,
        part: rel,
        part_sha256: info.sha256,
        part_bytes: info.bytes,
        mapped: 0,
        sex_from_id: 0,
        same_as: None,
    })
}

/// Whether the table in force holds what the file says: every key with the file's
/// value (with `--replace`: nothing else), or the same areas, enterprises, mapping
/// or organizations.
fn in_force(parsed: &Parsed, current: &Reference, replace: bool) -> bool {
    match parsed {
        Parsed::Eligible(v) => {
            history::restated_eligible(&current.eligible, v).in_force()
                && (!replace || current.eligible.len() == v.len())
        }
        Parsed::Targets(v) => {
            history::restated_targets(&current.targets, v).in_force()
                && (!replace || current.targets.len() == v.len())
        }
        Parsed::Areas(a) => versions::same_areas(&current.areas, a),
        Parsed::Enterprises(e) => versions::same_enterprises(&current.enterprises, e),
        Parsed::Mapping(m) => *m == current.mapping,
        Parsed::Orgs(v) => *v == current.orgs.defs(),
    }
}

/// Refuses a new version of the areas or enterprises that removes some or reclassifies
/// more than a few, unless `--replace`: the wrong file (a counts table, another
/// province's list) would otherwise change every report without a word.
fn check_version(
    name: &str,
    parsed: &Parsed,
    current: &Reference,
    next: &Manifest,
    replace: bool,
) -> Result<()> {
    let (kind, what) = match parsed {
        Parsed::Areas(a) if !current.areas.is_empty() => {
            let c = AreasChange::new(&current.areas, a);
            (Kind::Areas, c.needs_replace().then(|| c.refusal()))
        }
        Parsed::Enterprises(e) if !current.enterprises.rows.is_empty() => {
            let c = EnterprisesChange::new(&current.enterprises, e);
            (Kind::Enterprises, c.needs_replace().then(|| c.refusal()))
        }
        _ => return Ok(()),
    };
    let Some(what) = what.filter(|_| !replace) else {
        return Ok(());
    };
    let from = next
        .reference(kind)
        .map(|r| r.file.clone())
        .unwrap_or_default();
    Err(Failure::invalid(t!(
        lang::VERSION_REFUSED,
        name,
        kind.text(),
        what,
        kind.text(),
        from
    ))
    .hint(t!(lang::VERSION_REFUSED_HINT, versions::RECLASSIFY_FREE))
    .into())
}

/// The ingest's ID: from the file's checksum and kind, and when that is taken (the
/// same file taken again, after another changed what it said) a further one.
fn unique_id(m: &Manifest, sha256: &str, kind: Kind) -> String {
    let taken = |id: &str| m.ingests.iter().any(|i| i.id == id);
    let first = ingest_id(sha256, kind, None, None);
    if !taken(&first) {
        return first;
    }
    (2u32..)
        .map(|n| ingest_id(&format!("{sha256}#{n}"), kind, None, None))
        .find(|id| !taken(id))
        .unwrap_or(first)
}

/// A file joining the table in force.
struct Joined<'a> {
    current: &'a Reference,
    replace: bool,
    /// The same file was ingested before (the table in force says otherwise now).
    again: bool,
    /// The new ingest, for `tally drop ID`.
    id: &'a str,
    /// A dry run: what the file would do, nothing stored.
    dry: bool,
}

impl Joined<'_> {
    /// The kind's table once the file has joined it, with sentences on what changed.
    fn table(&self, parsed: Parsed, notes: &mut Vec<Text>) -> Parsed {
        let current = self.current;
        let (all_eligible, all_targets) = match self.dry {
            false => (&lang::REPLACES_ALL_ELIGIBLE, &lang::REPLACES_ALL_TARGETS),
            true => (
                &lang::WOULD_REPLACE_ALL_ELIGIBLE,
                &lang::WOULD_REPLACE_ALL_TARGETS,
            ),
        };
        match parsed {
            Parsed::Eligible(v) if self.replace && !current.eligible.is_empty() => {
                let held = current.eligible.len();
                notes.push(t!(*all_eligible, held));
                Parsed::Eligible(v)
            }
            Parsed::Targets(v) if self.replace && !current.targets.is_empty() => {
                let held = current.targets.len();
                notes.push(t!(*all_targets, held));
                Parsed::Targets(v)
            }
            Parsed::Eligible(v) if !current.eligible.is_empty() => {
                let kind = Kind::Eligible.text();
                if self.again {
                    let r = history::restated_eligible(&current.eligible, &v);
                    notes.extend(r.texts(&kind, self.dry));
                }
                let (all, m) = history::merge_eligible(&current.eligible, v);
                if !self.again {
                    notes.extend(m.text(&kind, self.dry));
                }
                Parsed::Eligible(all)
            }
            Parsed::Targets(v) if !current.targets.is_empty() => {
                let kind = Kind::Targets.text();
                if self.again {
                    let r = history::restated_targets(&current.targets, &v);
                    notes.extend(r.texts(&kind, self.dry));
                }
                let (all, m) = history::merge_targets(&current.targets, v);
                if !self.again {
                    notes.extend(m.text(&kind, self.dry));
                }
                Parsed::Targets(all)
            }
            Parsed::Areas(a) if !current.areas.is_empty() => {
                let c = AreasChange::new(&current.areas, &a);
                self.version(Kind::Areas, c.parts(), t!(lang::SAME_UNITS), notes);
                Parsed::Areas(a)
            }
            Parsed::Enterprises(e) if !current.enterprises.rows.is_empty() => {
                let c = EnterprisesChange::new(&current.enterprises, &e);
                let alike = t!(lang::SAME_ENTERPRISES);
                self.version(Kind::Enterprises, c.parts(), alike, notes);
                Parsed::Enterprises(e)
            }
            other => other,
        }
    }

    /// What a new version of the areas or enterprises changed, a sentence each.
    fn version(&self, kind: Kind, parts: Vec<Text>, alike: Text, notes: &mut Vec<Text>) {
        notes.push(match self.dry {
            false => t!(lang::VERSION_IN_FORCE, kind.text(), self.id),
            true => t!(lang::VERSION_WOULD_BE_IN_FORCE, kind.text()),
        });
        if parts.is_empty() {
            notes.push(t!(lang::CHANGE_OF, kind.text(), alike));
        }
        notes.extend(
            parts
                .into_iter()
                .map(|p| t!(lang::CHANGE_OF, kind.text(), p)),
        );
    }
}
