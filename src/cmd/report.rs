//! `tally report`: resolve the request, compute, suppress, render, write.

use anyhow::{Context, Result};
use std::io::{IsTerminal, Write};
use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDate;

use crate::cli::ReportArgs;
use crate::error::{Exit, Failure};
use crate::metrics::continuity::{Previous, PreviousRows};
use crate::metrics::dimension::Dimension;
use crate::metrics::period::Period;
use crate::metrics::{self, suppress, Request};
use crate::org::Org;
use crate::report::{self, Format};
use crate::store::{self, fsutil, Store};
use crate::term;

pub fn run(store: &Store, args: &ReportArgs, wait: Duration) -> Result<()> {
    let format = args.format().map_err(|e| {
        Failure::usage(e)
            .hint("leave out --format (the extension decides), or name the file for its format")
    })?;
    if format == Format::Xlsx && args.output.is_none() && std::io::stdout().is_terminal() {
        return Err(
            Failure::usage("an xlsx report is a file, not terminal text")
                .hint("add --output report.xlsx")
                .into(),
        );
    }
    if let Some(parent) = args
        .output
        .as_ref()
        .and_then(|p| p.parent())
        .filter(|p| !p.as_os_str().is_empty())
    {
        if !parent.is_dir() {
            return Err(Failure::new(
                Exit::Io,
                format!(
                    "cannot write {}: the directory {} does not exist",
                    args.output
                        .as_ref()
                        .map(|p| p.display().to_string())
                        .unwrap_or_default(),
                    parent.display()
                ),
            )
            .hint("create the directory first (mkdir -p), or give another --output path")
            .into());
        }
    }
    if args.table() != report::Table::Rows && format != Format::Csv {
        return Err(Failure::usage("--table is for CSV reports")
            .hint("add --format csv (JSON has the rankings as \"rankings\")")
            .into());
    }
    if args.bom && format != Format::Csv {
        return Err(Failure::usage("--bom is for CSV reports")
            .hint("add --format csv, or leave out --bom")
            .into());
    }
    let view = store.read(wait)?;
    if !view
        .manifest
        .ingests
        .iter()
        .any(|i| i.kind == crate::store::kind::Kind::Roll)
    {
        return Err(Failure::new(
            Exit::Failure,
            format!(
                "the store {} has no rolls to report on",
                store.dir().display()
            ),
        )
        .hint("load the rolls first: tally ingest FILE... --org ORG --as-of DATE")
        .into());
    }
    let reference = store::reference::load(&view.dir, &view.manifest)?;
    let period = match (&args.period, args.as_of) {
        (Some(p), _) => p.clone(),
        (None, Some(d)) => Period::at(d),
        (None, None) => newest_month(&view.manifest)?,
    };
    let orgs = if args.org.is_empty() {
        metrics::default_orgs(&view.manifest.roll_snapshots(), &reference)
    } else {
        dedup(args.org.clone())
    };
    let dimensions = if args.by.is_empty() {
        Dimension::defaults()
    } else {
        let mut dims = vec![Dimension::Total];
        for raw in &args.by {
            let d = Dimension::parse(raw, &reference).map_err(|e| {
                Failure::usage(e).hint("see tally report --help for the dimensions")
            })?;
            if !dims.contains(&d) {
                dims.push(d);
            }
        }
        dims
    };
    if args.from.is_some() || args.last.is_some() {
        let periods = match (&args.from, &args.to, args.last) {
            (Some(f), Some(t), _) => f.through(t).ok_or_else(|| {
                Failure::usage(format!(
                    "--from {} --to {}: give two periods of one kind, the first not after the last",
                    f.label, t.label
                ))
                .hint("for example --from 2026-01 --to 2026-10, or --from 2025-Q1 --to 2026-Q3")
            })?,
            (_, _, Some(n)) => {
                let last = newest_month(&view.manifest)?;
                let first = last.shifted(-(n as i32 - 1)).context("bad period")?;
                first.through(&last).context("bad series")?
            }
            _ => anyhow::bail!("internal error: a series without periods"),
        };
        return super::series::run(&view, &reference, args, format, periods, orgs, dimensions);
    }
    let req = Request {
        period,
        orgs,
        dimensions,
    };
    let mut cov = compute(&view, &reference, &req)?;
    let suppressed = args
        .min_cell
        .map(|n| suppress::apply(&mut cov.rows, n) + suppress::units(&mut cov, n));
    let opts = report::Options {
        format,
        lang: crate::messages::lang(),
        suppressed,
        table: args.table(),
        width: (format == Format::Table && args.output.is_none())
            .then(term::stdout_width)
            .flatten(),
    };
    let bytes = if format == Format::Html {
        // The page's second marker: the same period a year earlier, computed (and
        // suppressed) as this one.
        let earlier = match req.period.year_earlier() {
            Some(period) => {
                let mut e = compute(
                    &view,
                    &reference,
                    &Request {
                        period,
                        orgs: req.orgs.clone(),
                        dimensions: req.dimensions.clone(),
                    },
                )?;
                if let Some(n) = args.min_cell {
                    suppress::apply(&mut e.rows, n);
                }
                Some(e)
            }
            None => None,
        };
        report::html::render(&cov, earlier.as_ref(), &opts).into_bytes()
    } else {
        report::render(&cov, &opts)?
    };
    emit(args, bytes)?;
    // CSV carries no notes: say them on stderr, where cron mails them (a stale or
    // missing roll is exactly what a monthly job must hear about); --quiet silences.
    if format == Format::Csv {
        for n in &cov.notes {
            term::note(report::note_text(n, crate::messages::lang()));
        }
    }
    Ok(())
}

/// Writes the report to `--output` (atomically) or to stdout, with a BOM if asked.
pub(super) fn emit(args: &ReportArgs, mut bytes: Vec<u8>) -> Result<()> {
    if args.bom {
        bytes.splice(0..0, *b"\xEF\xBB\xBF");
    }
    match &args.output {
        Some(path) => {
            fsutil::write_atomic_shared(path, &bytes)
                .with_context(|| format!("cannot write the report {}", path.display()))?;
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes)?;
            out.flush()?;
        }
    }
    Ok(())
}

/// The members of snapshots already read, kept by a series for the next period, whose
/// previous snapshot they are: each snapshot is then read once.
pub(super) type SeenSnapshots = std::collections::HashMap<(Org, NaiveDate), Arc<Previous>>;

/// Streams the snapshots the request uses through the metrics' fold, each with its
/// org's previous snapshot where there is one (months that join up).
pub(super) fn compute(
    view: &store::View,
    reference: &crate::reference::Reference,
    req: &Request,
) -> Result<metrics::Coverage> {
    compute_keeping(view, reference, req, None)
}

/// [`compute`], taking previous snapshots from `seen` where it holds them and adding
/// to it the members of the snapshots this period reads.
pub(super) fn compute_keeping(
    view: &store::View,
    reference: &crate::reference::Reference,
    req: &Request,
    mut seen: Option<&mut SeenSnapshots>,
) -> Result<metrics::Coverage> {
    let snapshots = view.manifest.roll_snapshots();
    let used = metrics::snapshots_for(&snapshots, req.period.end);
    let read: Vec<(Org, NaiveDate)> = req
        .needed()
        .into_iter()
        .filter_map(|o| used.get(&o).map(|d| (o, *d)))
        .collect();
    // A point in time has no flows: the previous snapshot changes nothing there.
    let previous_of = |&(o, d): &(Org, NaiveDate)| {
        (!req.period.point)
            .then(|| {
                snapshots
                    .iter()
                    .filter(|(so, sd)| *so == o && *sd < d)
                    .map(|s| s.1)
                    .max()
            })
            .flatten()
    };
    let previous_dates: Vec<Option<NaiveDate>> = read.iter().map(previous_of).collect();
    let mut plan = metrics::fold::Plan::new(reference, req);
    let keep = seen.is_some() && !req.period.point;
    if previous_dates.iter().any(Option::is_some) || keep {
        plan = plan.with_persons();
    }
    let previous = previous_snapshots(view, &plan, &read, &previous_dates, seen.as_deref())?;
    let parts: Vec<Vec<&store::IngestRecord>> = read
        .iter()
        .map(|(o, as_of)| view.manifest.snapshot_parts(o.code(), &as_of.to_string()))
        .collect();
    // Each snapshot's active members are gathered in the same pass where a series
    // will want them as the next period's previous snapshot.
    let folded = store::scan::fold(
        store::scan::Checks::Remembered,
        &view.dir,
        &parts,
        plan.columns(),
        |i| {
            let t = plan.tally(read[i].1, previous[i].clone());
            (t, keep.then(|| PreviousRows::new(read[i].1)))
        },
        |(t, p), b| {
            plan.fold(t, b);
            if let Some(p) = p {
                plan.fold_previous(p, b);
            }
        },
        |(t, p), (t2, p2)| {
            t.merge(t2);
            if let (Some(p), Some(p2)) = (p.as_mut(), p2) {
                p.merge(p2);
            }
        },
    )?;
    let mut tallies = Vec::with_capacity(folded.len());
    for (&(o, d), (t, p)) in read.iter().zip(folded) {
        if let (Some(seen), Some(p)) = (seen.as_deref_mut(), p) {
            seen.insert((o, d), Arc::new(p.finish(d)));
        }
        tallies.push(t);
    }
    if req.orgs.contains(&crate::org::OrgOrAny::Any) {
        // Persons with several rows (in two organizations, say): a second pass keeps
        // their rows, to count each once.
        let keys: Vec<metrics::anyone::Keys> = tallies
            .iter_mut()
            .flat_map(|t| std::mem::take(&mut t.persons))
            .collect();
        let several = metrics::anyone::several(&keys);
        drop(keys);
        if !several.is_empty() {
            plan.keep_rows_of(several.into());
            let again = store::scan::fold(
                store::scan::Checks::Remembered,
                &view.dir,
                &parts,
                plan.columns(),
                |i| plan.tally(read[i].1, previous[i].clone()),
                |t, b| plan.fold(t, b),
                |t, t2| t.merge(t2),
            )?;
            for (t, a) in tallies.iter_mut().zip(again) {
                t.any = a.any;
            }
        }
    }
    let tallies = read.iter().map(|(o, _)| *o).zip(tallies).collect();
    let mut cov = metrics::coverage(&plan, &used, tallies);
    let asked: std::collections::BTreeMap<Org, NaiveDate> = used
        .into_iter()
        .filter(|(o, _)| req.orgs.contains(&(*o).into()))
        .collect();
    cov.notes.extend(metrics::roll_size_notes(
        &view.manifest.roll_part_rows(),
        &asked,
    ));
    for (&org, &as_of) in &asked {
        let parts = view.manifest.snapshot_parts(org.code(), &as_of.to_string());
        let rows: u64 = parts.iter().map(|p| p.mapped).sum();
        if rows > 0 {
            cov.notes.push(metrics::Note::Mapped { org, as_of, rows });
        }
        cov.notes.extend(missing_sheets(&view.manifest, org, as_of));
    }
    Ok(cov)
}

/// The sheets of the org's previous snapshot that the snapshot of `as_of` lacks.
fn missing_sheets(m: &store::Manifest, org: Org, as_of: NaiveDate) -> Option<metrics::Note> {
    let previous = m
        .roll_snapshots()
        .into_iter()
        .filter(|(o, d)| *o == org && *d < as_of)
        .map(|s| s.1)
        .max()?;
    let sheets = |d: NaiveDate| -> Vec<&str> {
        m.snapshot_parts(org.code(), &d.to_string())
            .into_iter()
            .filter_map(store::IngestRecord::sheet)
            .collect()
    };
    let sheets = metrics::parts::missing_sheets(&sheets(previous), &sheets(as_of));
    (!sheets.is_empty()).then_some(metrics::Note::MissingSheets {
        org,
        as_of,
        previous,
        sheets,
    })
}

/// The members of each org's previous snapshot (`None` where it has none).
fn previous_snapshots(
    view: &store::View,
    plan: &metrics::fold::Plan,
    read: &[(Org, NaiveDate)],
    dates: &[Option<NaiveDate>],
    seen: Option<&SeenSnapshots>,
) -> Result<Vec<Option<Arc<Previous>>>> {
    let mut out: Vec<Option<Arc<Previous>>> = vec![None; read.len()];
    let mut wanted: Vec<(usize, NaiveDate)> = Vec::new();
    for (i, d) in dates.iter().enumerate() {
        let Some(d) = *d else { continue };
        match seen.and_then(|s| s.get(&(read[i].0, d))) {
            Some(p) => out[i] = Some(p.clone()),
            None => wanted.push((i, d)),
        }
    }
    let parts: Vec<Vec<&store::IngestRecord>> = wanted
        .iter()
        .map(|(i, d)| {
            view.manifest
                .snapshot_parts(read[*i].0.code(), &d.to_string())
        })
        .collect();
    let rows = store::scan::fold(
        store::scan::Checks::Remembered,
        &view.dir,
        &parts,
        plan.columns(),
        |k| PreviousRows::new(wanted[k].1),
        |p, b| plan.fold_previous(p, b),
        |a, b| a.merge(b),
    )?;
    for ((i, d), r) in wanted.into_iter().zip(rows) {
        out[i] = Some(Arc::new(r.finish(d)));
    }
    Ok(out)
}

fn dedup<T: PartialEq>(v: Vec<T>) -> Vec<T> {
    let mut out = Vec::new();
    for x in v {
        if !out.contains(&x) {
            out.push(x);
        }
    }
    out
}

/// Without --period: the month of the newest roll's as-of date.
pub(super) fn newest_month(m: &store::Manifest) -> Result<Period> {
    let newest = m
        .ingests
        .iter()
        .filter(|i| i.kind == crate::store::kind::Kind::Roll)
        .filter_map(|i| i.as_of.as_deref()?.parse::<chrono::NaiveDate>().ok())
        .max()
        .context("no roll has an as-of date")?;
    use chrono::Datelike;
    Period::month(newest.year(), newest.month()).context("bad as-of date")
}
