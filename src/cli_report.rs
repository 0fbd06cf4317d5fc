//! `tally report`'s flags resolved once, against the store's reference, into a
//! [`ReportSpec`]: the period or series, what to count, and how to write it. Below
//! this file nothing sees clap.

use anyhow::{Context, Result};
use std::io::IsTerminal;
use std::path::PathBuf;

use super::{FormatArg, ReportArgs};
use crate::error::{Exit, Failure};
use crate::lang::report as msg;
use crate::metrics::dimension::Dimension;
use crate::metrics::period::Period;
use crate::metrics::query::Query;
use crate::org::{OrgOrAny, Orgs};
use crate::report::{labels::Lang, Format, Table};
use crate::{metrics, reference::Reference, store, t, term};

/// How the report is written.
#[derive(Debug, Clone)]
pub struct Output {
    pub format: Format,
    /// `--output`: the file written atomically; else standard output.
    pub path: Option<PathBuf>,
    /// Start with a UTF-8 byte-order mark.
    pub bom: bool,
    /// For CSV: which table.
    pub table: Table,
    /// For terminal tables: the width they wrap to.
    pub width: Option<usize>,
    pub lang: Lang,
}

/// One period, or a series of periods of one kind.
#[derive(Debug, Clone)]
pub enum Span {
    One(Period),
    Series {
        periods: Vec<Period>,
        /// The periods with data the pace is taken over.
        pace_over: usize,
    },
}

/// A report request with every default decided and every name resolved.
#[derive(Debug, Clone)]
pub struct ReportSpec {
    pub span: Span,
    pub query: Query,
    pub output: Output,
}

/// The organizations `--org` names, read against the store's (`orgs`); before anything
/// else, as a bad value of any flag is refused before the command starts.
pub fn asked_orgs(args: &ReportArgs, orgs: &Orgs) -> Result<Vec<OrgOrAny>> {
    let mut asked = Vec::new();
    for raw in &args.org {
        asked.push(super::values::resolve_org_or_any(orgs, raw)?);
    }
    Ok(asked)
}

/// The output flags, checked before the store is opened: a bad flag is refused without
/// waiting for another tally's lock.
pub fn output(args: &ReportArgs, lang: crate::lang::Lang) -> Result<Output> {
    // The extension of --output names the format when --format does not.
    let format = args.format()?;
    // A workbook's bytes would garble the terminal.
    if format == Format::Xlsx && args.output.is_none() && std::io::stdout().is_terminal() {
        return Err(Failure::usage(t!(msg::XLSX_NOT_TERMINAL))
            .hint(t!(msg::XLSX_NOT_TERMINAL_HINT))
            .into());
    }
    // A missing directory is said before the report is computed, not after.
    if let Some(path) = &args.output {
        let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
        if let Some(parent) = parent.filter(|p| !p.is_dir()) {
            return Err(Failure::new(
                Exit::Io,
                t!(
                    msg::NO_OUTPUT_DIR,
                    path.display().to_string(),
                    parent.display().to_string()
                ),
            )
            .hint(t!(msg::NO_OUTPUT_DIR_HINT))
            .into());
        }
    }
    // The rankings are tables of their own only in CSV; JSON has them beside the rows.
    // The per-unit table is also JSON's `units` and a sheet of the workbook.
    let units_elsewhere =
        args.table() == Table::Units && matches!(format, Format::Json | Format::Xlsx);
    if args.table() == Table::Units && format != Format::Csv && !units_elsewhere {
        return Err(Failure::usage(t!(crate::lang::breakdown::UNITS_FORMATS))
            .hint(t!(crate::lang::breakdown::UNITS_FORMATS_HINT))
            .into());
    }
    if args.table() != Table::Rows && format != Format::Csv && !units_elsewhere {
        return Err(Failure::usage(t!(msg::TABLE_IS_CSV))
            .hint(t!(msg::TABLE_IS_CSV_HINT))
            .into());
    }
    // A BOM is for Excel opening a CSV; in any other format it is noise.
    if args.bom && format != Format::Csv {
        return Err(Failure::usage(t!(msg::BOM_IS_CSV))
            .hint(t!(msg::BOM_IS_CSV_HINT))
            .into());
    }
    Ok(Output {
        format,
        path: args.output.clone(),
        bom: args.bom,
        table: args.table(),
        // Only a table on the terminal wraps; in a pipe or a file it is as wide as it is.
        width: (format == Format::Table && args.output.is_none())
            .then(term::stdout_width)
            .flatten(),
        lang,
    })
}

/// The whole request, resolved against the store's manifest and reference.
pub fn resolve(
    args: &ReportArgs,
    asked: Vec<OrgOrAny>,
    output: Output,
    view: &store::View,
    reference: &Reference,
) -> Result<ReportSpec> {
    // No period: the month of the newest roll, what a monthly report wants.
    let period = match (&args.period, args.as_of) {
        (Some(p), _) => p.clone(),
        (None, Some(d)) => Period::at(d),
        (None, None) => newest_month(&view.manifest)?,
    };
    // No org: those the store has rolls or eligible counts of.
    let orgs = if asked.is_empty() {
        metrics::default_orgs(&view.manifest.roll_snapshots(&view.orgs), reference)
    } else {
        dedup(asked)
    };
    // The total always comes first; a breakdown named twice is shown once.
    let dimensions = if args.by.is_empty() {
        Dimension::defaults()
    } else {
        let mut dims = vec![Dimension::Total];
        for raw in &args.by {
            let raw = &by_code(raw, reference);
            let d = crate::metrics::cross::parse_by(raw, reference)
                .map_err(|e| Failure::usage(e).hint(t!(msg::DIMENSIONS_HINT)))?;
            if !dims.contains(&d) {
                dims.push(d);
            }
        }
        dims
    };
    let series = series_periods(args, &view.manifest)?;
    let query = Query {
        orgs,
        dimensions,
        min_cell: args.min_cell,
        units: units_level(&output, series.is_some(), reference)?,
        min_workers: args.min_workers,
    };
    let span = match series {
        None => Span::One(period),
        // The per-unit table is one period's.
        Some(_) if output.table == Table::Units => {
            return Err(Failure::usage(t!(crate::lang::breakdown::UNITS_ONE_PERIOD))
                .hint(t!(crate::lang::breakdown::UNITS_ONE_PERIOD_HINT))
                .into())
        }
        // A series goes to every format.
        Some(periods) => Span::Series {
            periods,
            pace_over: args.pace_over as usize,
        },
    };
    Ok(ReportSpec {
        span,
        query,
        output,
    })
}

/// The periods of `--from … --to …` or `--last N`; `None` for one period.
fn series_periods(args: &ReportArgs, m: &store::Manifest) -> Result<Option<Vec<Period>>> {
    let periods = match (&args.from, &args.to, args.last) {
        (Some(f), Some(t), _) => f.through(t).ok_or_else(|| {
            Failure::usage(t!(msg::BAD_SERIES, &f.label, &t.label)).hint(t!(msg::BAD_SERIES_HINT))
        })?,
        // --last N ends at the newest roll's month, as a single report does.
        (_, _, Some(n)) => {
            let last = newest_month(m)?;
            let first = last.shifted(-(n as i32 - 1)).context("bad period")?;
            first.through(&last).context("bad series")?
        }
        (None, _, None) => return Ok(None),
        // clap requires --to with --from.
        (Some(_), None, None) => anyhow::bail!("internal error: a series without periods"),
    };
    Ok(Some(periods))
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
fn newest_month(m: &store::Manifest) -> Result<Period> {
    let newest = m
        .ingests
        .iter()
        .filter(|i| i.kind == crate::kind::Kind::Roll)
        .filter_map(|i| i.as_of.as_deref()?.parse::<chrono::NaiveDate>().ok())
        .max()
        .ok_or_else(|| anyhow::Error::new(t!(msg::NO_ROLL_AS_OF)))?;
    use chrono::Datelike;
    Period::month(newest.year(), newest.month()).context("bad as-of date")
}

impl ReportArgs {
    /// `--format`, else the one `--output`'s extension names, else a table. A format
    /// that contradicts the extension is refused: a file named .xlsx that holds CSV
    /// would open as garbage; so is an extension tally does not write (a `.pdf` that
    /// holds a text table), whatever `--format` says.
    pub fn format(&self) -> Result<Format, Failure> {
        let given = self.format.map(|f| match f {
            FormatArg::Table => Format::Table,
            FormatArg::Csv => Format::Csv,
            FormatArg::Json => Format::Json,
            FormatArg::Md => Format::Md,
            FormatArg::Xlsx => Format::Xlsx,
            FormatArg::Html => Format::Html,
        });
        let ext = self
            .output
            .as_ref()
            .and_then(|p| p.extension())
            .map(|e| e.to_string_lossy().to_lowercase());
        let implied = match ext.as_deref() {
            None => None,
            Some(e) => Some(Format::from_extension(e).ok_or_else(|| unwritten(e))?),
        };
        match (given, implied) {
            (Some(g), Some(i)) if g != i => Err(Failure::usage(crate::t!(
                msg::FORMAT_CONTRADICTS,
                g.name(),
                ext.unwrap_or_default()
            ))
            .hint(crate::t!(msg::FORMAT_CONTRADICTS_HINT))),
            (Some(g), _) => Ok(g),
            (None, Some(i)) => Ok(i),
            (None, None) => Ok(Format::Table),
        }
    }
}

/// The refusal of an `--output` extension tally does not write, naming the ones it
/// does; a PDF is the HTML page printed.
fn unwritten(ext: &str) -> Failure {
    let what = crate::t!(msg::UNWRITTEN_EXTENSION, ext, Format::EXTENSIONS);
    match ext {
        "pdf" => Failure::usage(what).hint(crate::t!(msg::PDF_HINT)),
        _ => Failure::usage(what).hint(crate::t!(msg::UNWRITTEN_EXTENSION_HINT)),
    }
}

/// For `--table units` and one period's workbook: the level of the units (the communes
/// rolls point to); `--table units` is refused without an areas file, which says what
/// the units are.
fn units_level(output: &Output, series: bool, reference: &Reference) -> Result<Option<String>> {
    let level = metrics::unit_table::level(reference);
    // One period's workbook always has the per-unit sheet, where the areas say what the
    // units are.
    if output.table != Table::Units {
        return Ok(level.filter(|_| output.format == Format::Xlsx && !series));
    }
    match level {
        Some(level) => Ok(Some(level)),
        None => Err(Failure::usage(t!(crate::lang::breakdown::UNITS_NEED_AREAS))
            .hint(t!(crate::lang::breakdown::UNITS_NEED_AREAS_HINT))
            .into()),
    }
}

/// `--by` in the reader's words: a breakdown named as the tables head it in Vietnamese
/// (`Giới tính`, `Vùng dân tộc thiểu số`, `Xã, phường`; case and diacritics aside)
/// stands for its code, alone or as a part of a crossing; any other text is left for
/// the parser, which names what it knows. A name of the store's own areas (a column,
/// a level) is never taken for another: `Giới tính` as an areas column stays that
/// column.
fn by_code(raw: &str, reference: &crate::reference::Reference) -> String {
    use crate::metrics::dimension::{group_key, JOIN};
    use crate::report::labels::Lang;
    let mut codes: Vec<String> = crate::metrics::dimension::CODES.map(String::from).to_vec();
    let levels = reference.areas.levels();
    let own = |key: &str| {
        (reference.areas.extra_columns.iter().chain(&levels)).any(|c| group_key(c) == key)
    };
    codes.extend(levels.iter().cloned());
    let named = |s: &str| {
        let key = group_key(s.trim());
        (!own(&key))
            .then(|| (codes.iter()).find(|c| group_key(&Lang::Vi.dimension(c)) == key))
            .flatten()
    };
    if let Some(code) = named(raw) {
        return code.clone();
    }
    let parts: Vec<String> = (raw.split(JOIN))
        .map(|p| named(p).cloned().unwrap_or_else(|| p.to_string()))
        .collect();
    parts.join(&JOIN.to_string())
}
