//! Enterprises of at least N workers beside the enterprises reached: the tidy columns
//! (after every other, so that scripts reading by position keep working) and the
//! summary's enterprise cells, which appear only for organizations with enterprises.

use super::find;
use super::labels::Lang;
use super::Value;
use crate::lang::grassroots::*;
use crate::metrics::dimension::Dimension;
use crate::metrics::{Coverage, CoverageRow};
use crate::org::{Org, OrgOrAny};

/// The tidy columns, present when a row has them.
pub const COLUMNS: [&str; 4] = [
    "min_workers",
    "enterprises_min_workers",
    "enterprises_min_workers_reached",
    "enterprises_with_org",
];

/// Whether the report has the columns.
pub fn shown(cov: &Coverage) -> bool {
    cov.rows.iter().any(|r| r.sized.is_some())
}

/// A row's cells of [`COLUMNS`] (empty off the ownership rows, and where unknown).
pub fn values(r: &CoverageRow) -> Vec<Value> {
    let count = |v: Option<u64>| v.map_or(Value::Empty, Value::Count);
    match &r.sized {
        Some(s) => vec![
            Value::Count(s.min_workers),
            Value::Count(s.enterprises),
            count(s.reached),
            count(s.with_org),
        ],
        None => vec![Value::Empty; COLUMNS.len()],
    }
}

/// A focus area's heading in the summary: the ownership column shows the non-state
/// enterprises' coverage, and says so.
pub fn focus_label(dimension: &str, lang: Lang) -> String {
    match dimension {
        "ownership" => NON_STATE_COVERAGE.text(lang).to_string(),
        d => lang.dimension(d),
    }
}

/// Whether an organization has anything to say of enterprises: the union wherever
/// there are enterprises, another where its members work in them, it has denominators
/// by ownership, or the enterprises file says which have its grassroots organization.
pub fn has_enterprises(cov: &Coverage, org: &OrgOrAny) -> bool {
    cov.rows
        .iter()
        .filter(|r| r.org == *org && r.dimension == Dimension::Ownership)
        .any(|r| {
            let union = *org == OrgOrAny::Org(Org::Union) && r.enterprises.unwrap_or(0) > 0;
            union
                || r.enterprises_reached.unwrap_or(0) > 0
                || r.members.unwrap_or(0) > 0
                || r.eligible.is_some()
                || r.sized.is_some_and(|s| s.with_org.is_some())
        })
}

/// The summary's heading of the reach column.
pub fn reach_head(lang: Lang) -> String {
    NON_STATE_REACHED.text(lang).to_string()
}

/// "k / n": non-state enterprises with a member, of all.
pub fn reach_cell(cov: &Coverage, org: &OrgOrAny, lang: Lang) -> String {
    let ns = find(&cov.rows, org, "ownership", "non_state").filter(|_| has_enterprises(cov, org));
    match ns.and_then(|r| r.enterprises.zip(r.enterprises_reached)) {
        Some((n, k)) => format!("{} / {}", lang.count(k), lang.count(n)),
        None => String::new(),
    }
}

/// The summary's heading of the column of enterprises of at least N workers, when the
/// report has it.
pub fn sized_head(cov: &Coverage, lang: Lang) -> Option<String> {
    let n = cov.rows.iter().find_map(|r| r.sized)?.min_workers;
    Some(crate::t!(NON_STATE_WITH_ORG, lang.count(n)).render(lang))
}

/// "k / g / n": non-state enterprises of at least N workers with a member, with a
/// grassroots organization (`—` where the file does not say), of all.
pub fn sized_cell(cov: &Coverage, org: &OrgOrAny, lang: Lang) -> String {
    let ns = find(&cov.rows, org, "ownership", "non_state").filter(|_| has_enterprises(cov, org));
    let Some(s) = ns.and_then(|r| r.sized) else {
        return String::new();
    };
    let part = |v: Option<u64>| v.map_or("—".to_string(), |v| lang.count(v));
    format!(
        "{} / {} / {}",
        part(s.reached),
        part(s.with_org),
        lang.count(s.enterprises)
    )
}
