//! Renderers: finished rows in, bytes out. Nothing here computes a number.

pub mod csv;
pub mod json;
pub mod labels;
pub mod markdown;
pub mod table;
pub mod xlsx;

use crate::metrics::{pct, Coverage, CoverageRow, Note};
use labels::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Csv,
    Json,
    Md,
    Xlsx,
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

/// One cell of the tidy table, before formatting.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Count(u64),
    /// Hundredths of a percent (or of a percentage point).
    Pct(i64),
    Empty,
    Suppressed,
}

pub fn values(r: &CoverageRow) -> Vec<Value> {
    let count = |v: Option<u64>, col: &str| match v {
        Some(v) => Value::Count(v),
        None if r.suppressed.contains(&col) => Value::Suppressed,
        None => Value::Empty,
    };
    let pctv = |v: Option<i64>, col: &str| match v {
        Some(v) => Value::Pct(v),
        None if r.suppressed.contains(&col) => Value::Suppressed,
        None => Value::Empty,
    };
    vec![
        Value::Text(r.period.clone()),
        Value::Text(r.org.code().to_string()),
        Value::Text(r.dimension.clone()),
        Value::Text(r.group.clone()),
        count(r.members, "members"),
        count(r.members_start, "members_start"),
        count(r.recruited, "recruited"),
        count(r.left, "left"),
        count(r.eligible, "eligible"),
        pctv(r.coverage_pct, "coverage_pct"),
        pctv(r.recruit_rate_pct, "recruit_rate_pct"),
        pctv(r.target_pct, "target_pct"),
        pctv(r.gap_pp, "gap_pp"),
        count(r.enterprises, "enterprises"),
        count(r.enterprises_reached, "enterprises_reached"),
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
        Value::Pct(h) => pct::format(*h),
        Value::Empty | Value::Suppressed => String::new(),
    }
}

pub struct Options {
    pub format: Format,
    pub lang: Lang,
    /// `Some(n)` when `--min-cell` suppressed cells: how many.
    pub suppressed: Option<usize>,
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
    }
}

/// A note as a sentence.
pub fn note_text(n: &Note, lang: Lang) -> String {
    match (n, lang) {
        (Note::MissingSnapshot { org }, Lang::En) => format!(
            "{}: no roll as of the period's end or earlier; its numbers are missing, not zero",
            lang.org((*org).into())
        ),
        (Note::MissingSnapshot { org }, Lang::Vi) => format!(
            "{}: chưa có danh sách đến cuối kỳ; số liệu bị thiếu (không phải bằng 0)",
            lang.org((*org).into())
        ),
        (Note::StaleSnapshot { org, as_of }, Lang::En) => format!(
            "{}: the latest roll is as of {as_of}, before the period's end",
            lang.org((*org).into())
        ),
        (Note::StaleSnapshot { org, as_of }, Lang::Vi) => format!(
            "{}: danh sách mới nhất đến ngày {as_of}, trước cuối kỳ",
            lang.org((*org).into())
        ),
        (Note::UnitsWithoutDenominator { org, units }, Lang::En) => format!(
            "{}: {} unit(s) with members have no eligible count: {}",
            lang.org(*org),
            units.len(),
            shorten(units)
        ),
        (Note::UnitsWithoutDenominator { org, units }, Lang::Vi) => format!(
            "{}: {} đơn vị có thành viên nhưng chưa có số đối tượng: {}",
            lang.org(*org),
            units.len(),
            shorten(units)
        ),
        (
            Note::CoverageAbove100 {
                org,
                dimension,
                group,
                pct,
            },
            Lang::En,
        ) => format!(
            "{}: coverage above 100% ({}) in {dimension}={group}: check the eligible count",
            lang.org(*org),
            lang.pct(*pct)
        ),
        (
            Note::CoverageAbove100 {
                org,
                dimension,
                group,
                pct,
            },
            Lang::Vi,
        ) => format!(
            "{}: tỷ lệ tập hợp trên 100% ({}) ở {dimension}={group}: kiểm tra số đối tượng",
            lang.org(*org),
            lang.pct(*pct)
        ),
        (
            Note::UnknownAreas {
                org,
                members,
                codes,
            },
            Lang::En,
        ) => format!(
            "{}: {members} member(s) in units missing from the areas reference: {}",
            lang.org((*org).into()),
            shorten(codes)
        ),
        (
            Note::UnknownAreas {
                org,
                members,
                codes,
            },
            Lang::Vi,
        ) => format!(
            "{}: {members} thành viên ở đơn vị không có trong danh mục địa bàn: {}",
            lang.org((*org).into()),
            shorten(codes)
        ),
    }
}

fn shorten(items: &[String]) -> String {
    let shown: Vec<&str> = items.iter().take(8).map(String::as_str).collect();
    if items.len() > shown.len() {
        format!("{} …", shown.join(", "))
    } else {
        shown.join(", ")
    }
}

impl From<crate::org::Org> for crate::org::OrgOrAny {
    fn from(o: crate::org::Org) -> Self {
        crate::org::OrgOrAny::Org(o)
    }
}
