//! The departures-by-reason table of the HTML page (`--by reason`): one row per
//! organization and reason with its `left`, from the finished rows. The other
//! renderers show the reason rows among every group.

use super::labels::Lang;
use super::table::{human, reading_order, Section};
use super::{values, Value};
use crate::metrics::dimension::Dimension;
use crate::metrics::Coverage;

/// The table, when the report has reason rows.
pub(super) fn section(cov: &Coverage, lang: Lang) -> Option<Section> {
    let body: Vec<Vec<String>> = reading_order(&cov.rows)
        .into_iter()
        .filter(|r| r.dimension == Dimension::Reason)
        .map(|r| {
            let left = values(r).get(7).cloned().unwrap_or(Value::Empty);
            vec![
                lang.org(&r.org).to_string(),
                lang.group(&r.group, &r.group_name),
                human(&left, "left", lang),
            ]
        })
        .collect();
    (!body.is_empty()).then(|| Section {
        key: "reasons",
        title: lang.dimension("reason"),
        head: vec![
            lang.column("org").to_string(),
            lang.column("group").to_string(),
            lang.column("left").to_string(),
        ],
        body,
        text_cols: 2,
    })
}
