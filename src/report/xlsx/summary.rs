//! The sheets a person reads of a single-period report: the summary (per organization
//! its coverage, target and gap, and each focus area's), the units to urge and to
//! replicate, and every group.

use super::cells::{cell, Cell};
use crate::lang::workbook::{FOCUS_COVERAGE, FOCUS_GAP, FOCUS_TARGET};
use crate::lang::Text;
use crate::metrics::{Coverage, Ranked};
use crate::report::find;
use crate::report::labels::Lang;
use crate::report::table::{focus_areas, orgs};
use crate::report::{values, COLUMNS};

/// The summary: per organization its snapshot, members, eligible, coverage, target and
/// gap, and each focus area's coverage, target and gap (a focus area's target may
/// differ from the organization's); the enterprises' only where an organization has
/// enterprises, as in the terminal's table (a store without an enterprises file has
/// none).
pub(super) fn summary(cov: &Coverage, lang: Lang) -> (Vec<String>, Vec<Vec<Cell>>) {
    let mut head: Vec<String> = [
        "org",
        "snapshot_as_of",
        "members",
        "eligible",
        "coverage_pct",
        "target_pct",
        "gap_pp",
    ]
    .iter()
    .map(|c| lang.column(c).to_string())
    .collect();
    let focus = focus_areas(cov);
    for (d, _) in &focus {
        // The enterprises' focus area is the non-state ones': said so.
        let area = match *d {
            "ownership" => crate::lang::grassroots::NON_STATE.text(lang).to_string(),
            d => lang.dimension(d),
        };
        for msg in [&FOCUS_COVERAGE, &FOCUS_TARGET, &FOCUS_GAP] {
            head.push(crate::t!(msg, Text::Said(area.clone())).render(lang));
        }
    }
    let rows = orgs(cov)
        .into_iter()
        .map(|org| {
            let total = find(&cov.rows, &org, "total", "all").map(values);
            let at = |i: usize, pp: bool| {
                total
                    .as_ref()
                    .map(|v| cell(&v[i], pp))
                    .unwrap_or(Cell::Empty)
            };
            let mut row = vec![
                Cell::Text(lang.org(&org).to_string()),
                at(15, false),
                at(4, false),
                at(8, false),
                at(9, false),
                at(11, false),
                at(12, true),
            ];
            // The same typed values as the terminal's pivot and the page's charts.
            for (d, g) in &focus {
                // An organization with nothing in enterprises has no line of theirs (a
                // target of the year alone is no figure), as in the table.
                let none = *d == "ownership" && !crate::report::sized::has_enterprises(cov, &org);
                let v = find(&cov.rows, &org, d, g).filter(|_| !none).map(values);
                for (i, pp) in [(9, false), (11, false), (12, true)] {
                    row.push(v.as_ref().map(|v| cell(&v[i], pp)).unwrap_or(Cell::Empty));
                }
            }
            row
        })
        .collect();
    (head, rows)
}

pub(super) fn ranked(list: &[Ranked], lang: Lang) -> (Vec<String>, Vec<Vec<Cell>>) {
    let head = crate::report::table::ranked_head(lang);
    let rows = list
        .iter()
        .map(|r| {
            vec![
                Cell::Text(lang.org(&r.org).to_string()),
                Cell::Text(format!("{} {}", r.code, r.name)),
                Cell::Pct(r.coverage_pct),
                Cell::Pct(r.target_pct),
                Cell::Pp(r.gap_pp),
            ]
        })
        .collect();
    (head, rows)
}

/// Every group, in the reader's words, with its numbers.
pub(super) fn details(cov: &Coverage, lang: Lang) -> (Vec<String>, Vec<Vec<Cell>>) {
    let head: Vec<String> = COLUMNS[1..]
        .iter()
        .map(|c| lang.column(c).to_string())
        .collect();
    let rows = crate::report::table::reading_order(&cov.rows)
        .into_iter()
        .map(|r| {
            let v = values(r);
            let mut row: Vec<Cell> = COLUMNS
                .iter()
                .zip(v.iter())
                .skip(1)
                .map(|(c, v)| cell(v, *c == "gap_pp"))
                .collect();
            row[0] = Cell::Text(lang.org(&r.org).to_string());
            row[1] = Cell::Text(lang.dimension_of(&r.dimension));
            row[2] = Cell::Text(crate::report::table::group_label(r, lang));
            row
        })
        .collect();
    (head, rows)
}
