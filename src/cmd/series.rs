//! `tally report --from P --to P` (or `--last N`): each period's report computed as it
//! would be alone, then set side by side with its changes and pace.

use anyhow::Result;
use std::collections::HashMap;

use crate::cli::ReportArgs;
use crate::error::Failure;
use crate::metrics::dimension::Dimension;
use crate::metrics::period::Period;
use crate::metrics::{self, suppress, Coverage, Request};
use crate::org::OrgOrAny;
use crate::report::{self, Format};
use crate::store;
use crate::term;

pub fn run(
    view: &store::View,
    reference: &crate::reference::Reference,
    args: &ReportArgs,
    format: Format,
    periods: Vec<Period>,
    orgs: Vec<OrgOrAny>,
    dimensions: Vec<Dimension>,
) -> Result<()> {
    if !matches!(
        format,
        Format::Csv | Format::Json | Format::Table | Format::Html
    ) {
        return Err(
            Failure::usage("a series is written as CSV, JSON, HTML or a table")
                .hint("add --format csv, --format json or --format html")
                .into(),
        );
    }
    // Each period once: the year-earlier reports of a long series are in it already.
    let mut done: HashMap<String, Coverage> = HashMap::new();
    // The members of the snapshots the last period read: the next period's previous
    // snapshots, so that each snapshot is read once.
    let mut seen = super::report::SeenSnapshots::new();
    let snapshots = view.manifest.roll_snapshots();
    let mut compute = |p: &Period| -> Result<Coverage> {
        if let Some(c) = done.get(&p.label) {
            return Ok(c.clone());
        }
        let req = Request {
            period: p.clone(),
            orgs: orgs.clone(),
            dimensions: dimensions.clone(),
        };
        let mut cov = super::report::compute_keeping(view, reference, &req, Some(&mut seen))?;
        let used = metrics::snapshots_for(&snapshots, p.end);
        seen.retain(|(o, d), _| used.get(o) == Some(d));
        if let Some(n) = args.min_cell {
            suppress::apply(&mut cov.rows, n);
            suppress::units(&mut cov, n);
        }
        done.insert(p.label.clone(), cov.clone());
        Ok(cov)
    };
    let mut reports = Vec::with_capacity(periods.len());
    for p in &periods {
        reports.push((p.clone(), compute(p)?));
    }
    let mut earlier = Vec::with_capacity(periods.len());
    for p in &periods {
        earlier.push(match p.year_earlier() {
            Some(e) => Some(compute(&e)?),
            None => None,
        });
    }
    let rows = metrics::series::series(&reports, &earlier, args.pace_over as usize);
    let lang = crate::messages::lang();
    let bytes = if format == Format::Html {
        report::html::render_series(&reports, &rows, lang).into_bytes()
    } else {
        report::series::render(
            &reports,
            &rows,
            format,
            lang,
            (format == Format::Table && args.output.is_none())
                .then(term::stdout_width)
                .flatten(),
        )?
    };
    super::report::emit(args, bytes)?;
    if format == Format::Csv {
        for (p, cov) in &reports {
            for n in &cov.notes {
                term::note(format!("{}: {}", p.label, report::note_text(n, lang)));
            }
        }
    }
    Ok(())
}
