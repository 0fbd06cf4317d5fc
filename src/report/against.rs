//! The columns of a month's report against the month before: in the tidy CSV, JSON and
//! sheet after every other column (so scripts that read by position are undisturbed),
//! and as one compact "change" cell where a person reads.

use super::labels::Lang;
use super::Value;
use crate::metrics::suppress::Col;
use crate::metrics::{Coverage, CoverageRow};

/// The columns a month's report gains, last.
pub const COLUMNS: [&str; 4] = [
    "previous_members",
    "previous_coverage_pct",
    "members_change",
    "coverage_change_pp",
];

/// The headings of [`COLUMNS`] in a reader's language (a Vietnamese workbook's tidy
/// sheet); in English the columns' names.
pub fn headings(lang: Lang) -> [&'static str; 4] {
    use crate::lang::lists as msg;
    [
        &msg::COL_PREVIOUS_MEMBERS,
        &msg::COL_PREVIOUS_COVERAGE,
        &msg::COL_MEMBERS_CHANGE,
        &msg::COL_COVERAGE_CHANGE,
    ]
    .map(|m| m.text(lang))
}

/// Whether the report has the columns (a month's report).
pub fn shown(cov: &Coverage) -> bool {
    cov.against.is_some()
}

/// A row's cells of [`COLUMNS`]: empty where unknown, `Suppressed` where a count they
/// come from was blanked, this month's or the previous one's.
pub fn values(cov: &Coverage, r: &CoverageRow) -> Vec<Value> {
    let Some(last) = &cov.against else {
        return Vec::new();
    };
    let a = last.of(r);
    let blank = |c: Col| a.suppressed.contains(c);
    let cell = |v: Option<Value>, blanked: bool| match v {
        Some(v) => v,
        None if blanked => Value::Suppressed,
        None => Value::Empty,
    };
    vec![
        cell(a.members.map(Value::Count), blank(Col::Members)),
        cell(a.coverage_pct.map(Value::Pct), blank(Col::CoveragePct)),
        cell(
            a.members_change.map(Value::Change),
            blank(Col::Members) || r.suppressed.contains(Col::Members),
        ),
        cell(
            a.coverage_change_pp.map(Value::Pct),
            blank(Col::CoveragePct) || r.suppressed.contains(Col::CoveragePct),
        ),
    ]
}

/// Whether the tables a person reads have the change column: a month's report where
/// the month before is known for some row (an empty column says nothing).
pub fn shown_to_people(cov: &Coverage) -> bool {
    cov.against.is_some()
        && cov
            .rows
            .iter()
            .any(|r| values(cov, r).iter().any(|v| *v != Value::Empty))
}

/// The change as a person reads it: "+12; +2.50" (members; points of coverage), a
/// part left out where unknown; `…` where blanked for publication.
pub fn compact(cov: &Coverage, r: &CoverageRow, lang: Lang) -> String {
    let v = values(cov, r);
    if v.is_empty() {
        return String::new();
    }
    let said = |v: &Value| match v {
        Value::Change(n) if *n < 0 => format!("-{}", lang.count(n.unsigned_abs())),
        Value::Change(0) => "0".into(),
        Value::Change(n) => format!("+{}", lang.count(*n as u64)),
        Value::Pct(h) => lang.pp(*h),
        Value::Suppressed => "…".into(),
        _ => String::new(),
    };
    let (m, c) = (said(&v[2]), said(&v[3]));
    match (m.is_empty(), c.is_empty()) {
        (true, true) => String::new(),
        (false, true) => m,
        (true, false) => format!("; {c}"),
        (false, false) => format!("{m}; {c}"),
    }
}

/// The heading of the compact cell.
pub fn heading(lang: Lang) -> &'static str {
    crate::lang::lists::COL_AGAINST_LAST_MONTH.text(lang)
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;
    use crate::metrics::against::LastMonth;
    use crate::metrics::period::Period;

    /// The fixture's October against a September of 2 members at 2.22% (the total)
    /// and a blanked minority row: +1 member, +1.11 points; the blanked row stays "…".
    #[test]
    fn the_change_in_columns_and_in_one_cell() {
        let mut cov = fixture::coverage();
        let mut before = cov.rows.clone();
        for r in before.iter_mut() {
            r.snapshot_as_of = chrono::NaiveDate::from_ymd_opt(2026, 9, 30);
        }
        before[0].members = Some(2);
        before[0].coverage_pct = Some(222);
        let september = Period::month(2026, 9).expect("a month");
        cov.against = Some(LastMonth::new(september, &cov.rows, &before));
        assert_eq!(
            values(&cov, &cov.rows[0]),
            [
                Value::Count(2),
                Value::Pct(222),
                Value::Change(1),
                Value::Pct(111)
            ]
        );
        assert_eq!(compact(&cov, &cov.rows[0], Lang::Vi), "+1; +1,11");
        assert_eq!(compact(&cov, &cov.rows[1], Lang::En), "…; …");
    }
}
