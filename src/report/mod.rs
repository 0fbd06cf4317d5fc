//! Renderers: finished rows in, bytes out. Nothing here computes a number.

pub mod against;
pub mod chart;
pub mod csv;
mod departures;
#[cfg(test)]
mod fixture;
pub mod html;
pub mod ingest;
mod ingest_kinds;
pub mod json;
pub mod labels;
pub mod lists;
pub mod markdown;
mod narrow;
mod section;
mod sentences;
pub mod series;
pub mod sized;
pub mod status;
pub mod table;
pub mod trend;
pub mod units;
pub mod xlsx;

use crate::metrics::suppress::Col;
use crate::metrics::{pct, Coverage, CoverageRow, Ranked};
use labels::Lang;
pub use sentences::{day, note_text};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Csv,
    Json,
    Md,
    Xlsx,
    Html,
}

impl Format {
    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Md => "md",
            Format::Xlsx => "xlsx",
            Format::Html => "html",
        }
    }

    /// The extensions of `--output` tally writes, as a reader lists them.
    pub const EXTENSIONS: &'static str = ".csv .json .md .xlsx .html .txt";

    /// The format a file's extension (lower case, without the dot) names.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext {
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "md" | "markdown" => Some(Format::Md),
            "xlsx" => Some(Format::Xlsx),
            "html" | "htm" => Some(Format::Html),
            "txt" => Some(Format::Table),
            _ => None,
        }
    }
}

/// The tidy columns, in order.
pub const COLUMNS: [&str; 16] = [
    "period",
    "org",
    "dimension",
    "group",
    "members",
    "members_start",
    "recruited",
    "left",
    "eligible",
    "coverage_pct",
    "recruit_rate_pct",
    "target_pct",
    "gap_pp",
    "enterprises",
    "enterprises_reached",
    "snapshot_as_of",
];

/// A report with rows of an administrative level (`--by commune`, ...) gains this
/// column after the others in CSV, JSON and the tidy sheet: the unit's name beside its
/// code, for readers (and for Excel, which turns 02647 into 2647). Last, so that
/// scripts that read the sixteen columns by position are not disturbed; absent from a
/// report without such rows, which stays as it was.
pub const UNIT_NAME: &str = "unit_name";

/// Whether the report has rows of an administrative level.
pub fn has_units(cov: &Coverage) -> bool {
    cov.rows
        .iter()
        .any(|r| r.unit_level || crossed_unit(r).is_some())
}

/// The unit's name on a crossing with a level (`commune,sex`).
fn crossed_unit(r: &CoverageRow) -> Option<&str> {
    crate::metrics::cross::unit_name(&r.dimension, &r.group_name)
}

/// A row's `unit_name` cell.
pub fn unit_name(r: &CoverageRow) -> Value {
    if r.unit_level {
        Value::Text(r.group_name.clone())
    } else if let Some(name) = crossed_unit(r) {
        Value::Text(name.to_string())
    } else {
        Value::Empty
    }
}

/// One cell of the tidy table, before formatting.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Count(u64),
    /// A signed count (a change in members).
    Change(i64),
    /// Hundredths of a percent (or of a percentage point).
    Pct(i64),
    Empty,
    Suppressed,
}

pub fn values(r: &CoverageRow) -> Vec<Value> {
    let count = |v: Option<u64>, col: Option<Col>| match v {
        Some(v) => Value::Count(v),
        None if col.is_some_and(|c| r.suppressed.contains(c)) => Value::Suppressed,
        None => Value::Empty,
    };
    let pctv = |v: Option<i64>, col: Option<Col>| match v {
        Some(v) => Value::Pct(v),
        None if col.is_some_and(|c| r.suppressed.contains(c)) => Value::Suppressed,
        None => Value::Empty,
    };
    vec![
        Value::Text(r.period.label.clone()),
        Value::Text(r.org.code().to_string()),
        Value::Text(r.dimension.name()),
        Value::Text(r.group.clone()),
        count(r.members, Some(Col::Members)),
        count(r.members_start, Some(Col::MembersStart)),
        count(r.recruited, Some(Col::Recruited)),
        count(r.left, Some(Col::Left)),
        count(r.eligible, Some(Col::Eligible)),
        pctv(r.coverage_pct, Some(Col::CoveragePct)),
        pctv(r.recruit_rate_pct, Some(Col::RecruitRatePct)),
        // A target is no count: never blanked.
        pctv(r.target_pct, None),
        pctv(r.gap_pp, Some(Col::GapPp)),
        count(r.enterprises, None),
        count(r.enterprises_reached, None),
        r.snapshot_as_of
            .map(|d| Value::Text(d.to_string()))
            .unwrap_or(Value::Empty),
    ]
}

/// The plain, machine form of a value (CSV, JSON strings).
pub fn plain(v: &Value) -> String {
    match v {
        Value::Text(s) => crate::text::defuse(s).into_owned(),
        Value::Count(n) => n.to_string(),
        Value::Change(n) => n.to_string(),
        Value::Pct(h) => pct::format(*h),
        Value::Empty | Value::Suppressed => String::new(),
    }
}

pub struct Options {
    pub format: Format,
    pub lang: Lang,
    /// `Some(n)` when `--min-cell` suppressed cells: how many.
    pub suppressed: Option<usize>,
    /// For CSV: which table.
    pub table: Table,
    /// For terminal tables: the terminal's width in characters, which tables wrap to;
    /// `None` in a pipe or a file (tables as wide as their content).
    pub width: Option<usize>,
}

pub fn render(cov: &Coverage, opts: &Options) -> anyhow::Result<Vec<u8>> {
    match opts.format {
        Format::Csv => csv::render(cov, opts),
        Format::Json => json::render(cov, opts),
        Format::Table => Ok(table::render(cov, opts).into_bytes()),
        Format::Md => Ok(markdown::render(cov, opts).into_bytes()),
        Format::Xlsx => xlsx::render(cov, opts),
        Format::Html => Ok(html::render(cov, None, opts).into_bytes()),
    }
}

/// Which table a CSV report holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Table {
    /// The tidy rows.
    #[default]
    Rows,
    /// The units to urge.
    Urge,
    /// The units to replicate.
    Replicate,
    /// One row per organization and unit (in JSON and XLSX too).
    Units,
    /// One of the lists to act on.
    List(lists::List),
}

/// The columns of a ranking in CSV.
pub const RANKING_COLUMNS: [&str; 12] = [
    "period",
    "list",
    "rank",
    "org",
    "level",
    "code",
    "name",
    "members",
    "eligible",
    "coverage_pct",
    "target_pct",
    "gap_pp",
];

/// The units to urge, then those to replicate: (list, rank within its org's list, unit).
pub fn ranked_list(cov: &Coverage) -> impl Iterator<Item = (&'static str, usize, &Ranked)> {
    fn numbered<'a>(
        list: &'static str,
        units: &'a [Ranked],
    ) -> impl Iterator<Item = (&'static str, usize, &'a Ranked)> {
        units.iter().enumerate().map(move |(i, r)| {
            let rank = units[..i].iter().filter(|u| u.org == r.org).count() + 1;
            (list, rank, r)
        })
    }
    numbered("urge", &cov.lagging).chain(numbered("replicate", &cov.leading))
}

/// The period the report covers, as its rows name it.
pub fn period_label(cov: &Coverage) -> String {
    cov.rows
        .first()
        .map(|r| r.period.label.clone())
        .unwrap_or_default()
}

/// The row of an organization's group.
pub fn find<'a>(
    rows: &'a [CoverageRow],
    org: &crate::org::OrgOrAny,
    dim: &str,
    group: &str,
) -> Option<&'a CoverageRow> {
    rows.iter()
        .find(|r| r.org == *org && r.dimension == dim && r.group == group)
}

/// A value as JSON: a number as a number, unknown and blanked as null.
pub(crate) fn to_json(v: &Value) -> serde_json::Value {
    match v {
        Value::Text(s) => serde_json::json!(s),
        Value::Count(n) => serde_json::json!(n),
        Value::Change(n) => serde_json::json!(n),
        // Two decimals exactly: build the number from its text.
        Value::Pct(h) => crate::metrics::pct::format(*h)
            .parse::<serde_json::Number>()
            .map(serde_json::Value::Number)
            .unwrap_or(serde_json::Value::Null),
        Value::Empty | Value::Suppressed => serde_json::Value::Null,
    }
}
