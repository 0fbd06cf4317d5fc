//! The page of a series: a small multiple per organization, the table of its lines.

use super::super::chart::esc;
use super::super::labels::Lang;
use super::super::table::Section;
use super::super::trend;
use super::page::{notes_html, page, table_html};
use crate::lang::report::*;
use crate::metrics::period::Period;
use crate::metrics::series::SeriesRow;
use crate::metrics::Coverage;
use crate::org::OrgOrAny;

/// An organization's line of a series: its chart (coverage by period against target,
/// with the pace where it rises).
fn org_trend(
    org: &OrgOrAny,
    reports: &[(Period, Coverage)],
    rows: &[SeriesRow],
    months: i64,
    (target_word, pace_word): (&str, &str),
    lang: Lang,
) -> String {
    let line: Vec<&SeriesRow> = rows
        .iter()
        .filter(|s| s.row.org == *org && s.row.dimension == "total" && s.row.group == "all")
        .collect();
    let points: Vec<trend::Point> = reports
        .iter()
        .map(|(p, _)| {
            let r = line.iter().find(|s| s.row.period.label == p.label);
            trend::Point {
                label: lang.period(&p.label),
                value: r.and_then(|s| s.row.coverage_pct),
                target: r.and_then(|s| s.row.target_pct),
            }
        })
        .collect();
    let newest = line.last();
    let reaches = newest
        .and_then(|s| s.reaches_target.as_ref())
        .map(|r| super::super::series::reaches_text(&r.code(), lang))
        .unwrap_or_default();
    let pace = newest
        .and_then(|s| s.pace_pp_per_month)
        .map(|v| trend::Pace {
            per_month: v,
            months_per_period: months,
            said: format!("{} {pace_word} → {reaches}", lang.pp(v)),
        });
    let name = lang.org(org);
    format!(
        "<figure><figcaption>{}</figcaption>{}</figure>",
        esc(name),
        trend::trend(
            name,
            &points,
            pace.as_ref().filter(|p| p.per_month > 0),
            (target_word, lang)
        )
    )
}

/// The page of a series (`--from`, `--to`): per organization a small multiple of its
/// coverage over the periods, its target and its pace; then the table of the numbers
/// drawn, and the notes of the last period.
pub fn render_series(reports: &[(Period, Coverage)], rows: &[SeriesRow], lang: Lang) -> String {
    let first = reports
        .first()
        .map(|(p, _)| lang.period(&p.label))
        .unwrap_or_default();
    let last = reports
        .last()
        .map(|(p, _)| lang.period(&p.label))
        .unwrap_or_default();
    let title = format!("{} — {first} … {last}", lang.text("title"));
    let [heading, target_word, pace_word] =
        [&SERIES_HEADING, &PAGE_TARGET, &SERIES_PACE].map(|m| m.text(lang));
    let mut body = format!("<h1>{}</h1>", esc(&title));
    if let Some(place) = reports.last().and_then(|(_, c)| c.place.clone()) {
        body.push_str(&format!("<p class=\"sub\">{}</p>", esc(&place)));
    }
    body.push_str(&format!(
        "<h2>{}</h2><div class=\"multiples\">",
        esc(heading)
    ));
    let months = reports.first().map(|(p, _)| p.months() as i64).unwrap_or(1);
    let head = super::super::series::lines_head(reports, lang);
    let mut table_rows = Vec::new();
    for org in super::super::series::orgs(rows) {
        let figure = org_trend(&org, reports, rows, months, (target_word, pace_word), lang);
        body.push_str(&figure);
        // A row a line: the total, the focus areas, and each group `--by` asked for.
        for line in super::super::series::lines(reports, rows, &org) {
            table_rows.push(super::super::series::lines_row(&org, &line, lang));
        }
    }
    body.push_str("</div>");
    body.push_str(&table_html(&Section {
        key: "series",
        title: String::new(),
        head,
        body: table_rows,
        text_cols: 2,
    }));
    body.push_str(&notes_html(
        &super::super::series::all_notes(reports, lang),
        lang,
    ));
    page(lang, &title, &body)
}
