//! `tally report`: resolve the request, query the store, render, write.

use anyhow::Result;
use std::time::Duration;

use crate::cli::spec::{self, ReportSpec, Span};
use crate::cli::ReportArgs;
use crate::error::{Exit, Failure};
use crate::lang::cmd as msg;
use crate::metrics::period::Period;
use crate::metrics::query;
use crate::reference::Reference;
use crate::report::{self, Format};
use crate::store::{self, Store};
use crate::t;
use crate::term::Voice;

pub fn run(store: &Store, args: &ReportArgs, wait: Duration, voice: Voice) -> Result<()> {
    let asked = spec::asked_orgs(args, &store.orgs())?;
    let output = spec::output(args, voice.lang)?;
    let view = store.read(wait)?;
    if !view
        .manifest
        .ingests
        .iter()
        .any(|i| i.kind == crate::kind::Kind::Roll)
    {
        let dir = store.dir().display().to_string();
        return Err(Failure::new(Exit::Failure, t!(msg::NO_ROLLS, dir))
            .hint(t!(msg::LOAD_ROLLS_FIRST))
            .into());
    }
    let reference = store::reference::load(&view.dir, &view.manifest)?;
    let spec = spec::resolve(args, asked, output, &view, &reference)?;
    match &spec.span {
        Span::One(period) => single(&view, &reference, &spec, period, voice),
        Span::Series { periods, pace_over } => {
            super::series::run(&view, &reference, &spec, periods, *pace_over, voice)
        }
    }
}

/// One period's report.
fn single(
    view: &store::View,
    reference: &Reference,
    spec: &ReportSpec,
    period: &Period,
    voice: Voice,
) -> Result<()> {
    let out = &spec.output;
    // The HTML page's second marker is the same period a year earlier.
    let html = out.format == Format::Html;
    let q = query::single(view, reference, &spec.query, period, html)?;
    let opts = report::Options {
        format: out.format,
        lang: out.lang,
        suppressed: q.suppressed,
        table: out.table,
        width: out.width,
    };
    let bytes = if html {
        report::html::render(&q.cov, q.earlier.as_ref(), &opts).into_bytes()
    } else {
        report::render(&q.cov, &opts)?
    };
    super::output::emit(out, bytes)?;
    if out.format == Format::Csv {
        super::output::say_notes(
            voice,
            q.cov.notes.iter().map(|n| report::note_text(n, out.lang)),
        );
    }
    Ok(())
}
