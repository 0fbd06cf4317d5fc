//! Renderers: finished rows in, bytes out. Nothing here computes a number.

pub mod chart;
pub mod csv;
pub mod html;
pub mod json;
pub mod labels;
pub mod markdown;
pub mod series;
pub mod table;
pub mod xlsx;

use crate::metrics::{pct, Coverage, CoverageRow, Note, Ranked};
use labels::Lang;

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
    cov.rows.iter().any(|r| r.unit_level)
}

/// A row's `unit_name` cell.
pub fn unit_name(r: &CoverageRow) -> Value {
    if r.unit_level {
        Value::Text(r.group_name.clone())
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
        Format::Html => Ok(html::render(cov, opts).into_bytes()),
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
        .map(|r| r.period.clone())
        .unwrap_or_default()
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
        (
            Note::StaleSnapshot {
                org,
                as_of,
                flows_known,
            },
            Lang::En,
        ) => format!(
            "{}: the latest roll is as of {}, before the period's end: members are as of that date; {}",
            lang.org((*org).into()),
            day(*as_of),
            if *flows_known {
                format!("recruited and left are counted through {}", day_month(*as_of))
            } else {
                "recruited and left are unknown (left empty, not 0): the roll ends before the period starts".into()
            }
        ),
        (
            Note::StaleSnapshot {
                org,
                as_of,
                flows_known,
            },
            Lang::Vi,
        ) => format!(
            "{}: danh sách mới nhất đến ngày {}, trước cuối kỳ: số thành viên tính đến ngày đó; {}",
            lang.org((*org).into()),
            day(*as_of),
            if *flows_known {
                format!("kết nạp và ra khỏi tổ chức được tính đến {}", day_month(*as_of))
            } else {
                "chưa biết số kết nạp và số ra (để trống, không phải 0): danh sách kết thúc trước khi kỳ bắt đầu".into()
            }
        ),
        (Note::MissingEligible { org, year }, Lang::En) => format!(
            "{}: no eligible counts for {year} or earlier: coverage cannot be computed",
            lang.org(*org)
        ),
        (Note::MissingEligible { org, year }, Lang::Vi) => format!(
            "{}: chưa có số đối tượng của năm {year} hoặc trước đó: không tính được tỷ lệ tập hợp",
            lang.org(*org)
        ),
        (Note::MissingTargets { org, year }, Lang::En) => format!(
            "{}: no targets for {year}: no gap to target is shown",
            lang.org(*org)
        ),
        (Note::MissingTargets { org, year }, Lang::Vi) => format!(
            "{}: chưa có chỉ tiêu năm {year}: không có mức chênh so với chỉ tiêu",
            lang.org(*org)
        ),
        (
            Note::PlacedDepartures {
                org,
                count,
                previous,
                as_of,
            },
            Lang::En,
        ) => format!(
            "{}: {count} member(s) active in the roll of {} are marked as departed without a date in the roll of {}: counted as left between the two dates",
            lang.org((*org).into()),
            day(*previous),
            day(*as_of)
        ),
        (
            Note::PlacedDepartures {
                org,
                count,
                previous,
                as_of,
            },
            Lang::Vi,
        ) => format!(
            "{}: {count} thành viên đang sinh hoạt trong danh sách ngày {} được ghi là đã ra nhưng không có ngày ra trong danh sách ngày {}: tính là ra trong khoảng giữa hai ngày đó",
            lang.org((*org).into()),
            day(*previous),
            day(*as_of)
        ),
        (
            Note::Seam {
                org,
                previous,
                previous_members,
                start,
                added,
                absent,
                dated,
                moved,
            },
            Lang::En,
        ) => format!(
            "{}: members at the period's start ({}) differ from the roll of {} ({}) by {}: {added} listed now but not then (late registration or back), {absent} absent from the new roll (not counted as left: a roll may be partial), {dated} dated in the new roll as not members at the start; {moved} changed unit",
            lang.org((*org).into()),
            lang.count(*start),
            day(*previous),
            lang.count(*previous_members),
            signed(*start as i64 - *previous_members as i64)
        ),
        (
            Note::Seam {
                org,
                previous,
                previous_members,
                start,
                added,
                absent,
                dated,
                moved,
            },
            Lang::Vi,
        ) => format!(
            "{}: số thành viên đầu kỳ ({}) khác danh sách ngày {} ({}) là {}: {added} có trong danh sách mới mà danh sách trước không có (đăng ký muộn hoặc trở lại), {absent} không có trong danh sách mới (không tính là ra: danh sách có thể chưa đủ), {dated} được danh sách mới ghi là không còn sinh hoạt vào đầu kỳ; {moved} chuyển đơn vị",
            lang.org((*org).into()),
            lang.count(*start),
            day(*previous),
            lang.count(*previous_members),
            signed(*start as i64 - *previous_members as i64)
        ),
        (
            Note::RollSize {
                org,
                as_of,
                rows,
                previous,
                previous_rows,
            },
            Lang::En,
        ) => format!(
            "{}: the roll of {} has {} row(s), the previous one ({}) {}: a partial export? Check that the file is complete",
            lang.org((*org).into()),
            day(*as_of),
            lang.count(*rows),
            day(*previous),
            lang.count(*previous_rows)
        ),
        (
            Note::RollSize {
                org,
                as_of,
                rows,
                previous,
                previous_rows,
            },
            Lang::Vi,
        ) => format!(
            "{}: danh sách ngày {} có {} dòng, danh sách trước ({}) có {}: xuất thiếu? Kiểm tra tệp có đủ không",
            lang.org((*org).into()),
            day(*as_of),
            lang.count(*rows),
            day(*previous),
            lang.count(*previous_rows)
        ),
        (Note::UnitAbove100(u), Lang::En) => format!(
            "{}: {} {} has {} member(s) for {} eligible ({}): above 100%, so not listed to replicate; check the eligible count",
            lang.org(u.org),
            u.code,
            u.name,
            lang.count(u.members),
            lang.count(u.eligible),
            lang.pct(u.coverage_pct)
        ),
        (Note::UnitAbove100(u), Lang::Vi) => format!(
            "{}: {} {} có {} thành viên trên {} đối tượng ({}): trên 100% nên không đưa vào danh sách nhân rộng; kiểm tra số đối tượng",
            lang.org(u.org),
            u.code,
            u.name,
            lang.count(u.members),
            lang.count(u.eligible),
            lang.pct(u.coverage_pct)
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
                name,
                pct,
            },
            Lang::En,
        ) => format!(
            "{}: coverage above 100% ({}) in {}: check the eligible count",
            lang.org(*org),
            lang.pct(*pct),
            group_text(dimension, group, name, lang)
        ),
        (
            Note::CoverageAbove100 {
                org,
                dimension,
                group,
                name,
                pct,
            },
            Lang::Vi,
        ) => format!(
            "{}: tỷ lệ tập hợp trên 100% ({}) ở {}: kiểm tra số đối tượng",
            lang.org(*org),
            lang.pct(*pct),
            group_text(dimension, group, name, lang)
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

/// A group as a reader names it: "Ethnic-minority areas: yes", "Commune 02647 Phường
/// Lào Cai".
fn group_text(dimension: &str, group: &str, name: &str, lang: Lang) -> String {
    let dim = lang.dimension(dimension);
    if group != name {
        format!("{dim} {group} {name}")
    } else {
        format!("{dim}: {}", lang.group(group, name))
    }
}

/// 31/10/2026.
pub fn day(d: chrono::NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// 31/10.
fn day_month(d: chrono::NaiveDate) -> String {
    d.format("%d/%m").to_string()
}

/// +3, −2, 0.
fn signed(n: i64) -> String {
    match n {
        n if n > 0 => format!("+{n}"),
        n if n < 0 => format!("−{}", -n),
        _ => "0".into(),
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
