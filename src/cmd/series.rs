//! `tally report --from P --to P` (or `--last N`): each period's report computed as it
//! would be alone, then set side by side with its changes and pace.

use anyhow::Result;

use crate::cli::spec::ReportSpec;
use crate::metrics::period::Period;
use crate::metrics::query;
use crate::reference::Reference;
use crate::report::{self, Format};
use crate::store;

pub(super) fn run(
    view: &store::View,
    reference: &Reference,
    spec: &ReportSpec,
    periods: &[Period],
    pace_over: usize,
    voice: crate::term::Voice,
) -> Result<()> {
    let out = &spec.output;
    let s = query::series(view, reference, &spec.query, periods, pace_over)?;
    let bytes = if out.format == Format::Html {
        report::html::render_series(&s.reports, &s.rows, out.lang).into_bytes()
    } else if out.format == Format::Xlsx {
        report::xlsx::series::render(&s.reports, &s.rows, out.lang)?
    } else {
        let how = report::series::How {
            format: out.format,
            lang: out.lang,
            width: out.width,
            published: s.published,
        };
        report::series::render(&s.reports, &s.rows, &how)?
    };
    super::output::emit(out, bytes)?;
    if out.format == Format::Csv {
        super::output::say_notes(
            voice,
            s.reports.iter().flat_map(|(p, cov)| {
                cov.notes
                    .iter()
                    .map(move |n| format!("{}: {}", p.label, report::note_text(n, out.lang)))
            }),
        );
    }
    Ok(())
}
