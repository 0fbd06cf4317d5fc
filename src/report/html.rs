//! One self-contained HTML file for the committee's meeting: inline CSS and SVG drawn
//! here, no script, nothing fetched (a Content-Security-Policy forbids it), prints on
//! A4. Each chart is followed by the table of its numbers (its text alternative).

use super::chart::{self, esc, Mark};
use super::find;
use super::labels::Lang;
use super::table::{self, Section, FOCUS};
use super::trend;
use super::Options;
use crate::lang::report::*;
use crate::metrics::period::Period;
use crate::metrics::series::SeriesRow;
use crate::metrics::suppress::Col;
use crate::metrics::{Coverage, CoverageRow, Ranked};
use crate::org::OrgOrAny;

const STYLE: &str = r#"
:root { --ink: #1d2733; --hue: 210; }
* { box-sizing: border-box; }
body { font: 14px/1.45 "Noto Sans", "Segoe UI", Arial, sans-serif; color: var(--ink); margin: 24px auto; max-width: 1000px; padding: 0 16px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid #ccd; padding-bottom: 4px; }
p.sub { margin: 0 0 16px; color: #556; }
figure { margin: 8px 0 16px; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: 600; margin-bottom: 4px; }
svg.chart { max-width: 100%; height: auto; }
svg .label, svg .value, svg .missing { font-size: 13px; fill: var(--ink); }
svg .missing { font-style: italic; fill: #667; }
svg .band.b0 { fill: hsl(var(--hue), 30%, 92%); }
svg .band.b1 { fill: hsl(var(--hue), 30%, 84%); }
svg .band.b2 { fill: hsl(var(--hue), 30%, 76%); }
svg .bar { fill: hsl(var(--hue), 60%, 28%); }
svg .bar.below { fill: hsl(8, 60%, 40%); }
svg .bar.above { fill: hsl(140, 45%, 30%); }
svg .target { fill: #000; }
svg .earlier { fill: #555; }
table { border-collapse: collapse; margin: 4px 0 12px; font-size: 13px; break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #ccd; padding: 3px 6px; text-align: right; }
th { background: #eef1f5; }
td.text, th.text { text-align: left; }
ul.notes li { margin: 2px 0; }
div.multiples { display: flex; flex-wrap: wrap; gap: 8px 16px; }
div.multiples figure { margin: 4px 0; }
svg .frame { fill: none; stroke: #ccd; }
svg .tick { font-size: 11px; fill: #556; }
svg .line { stroke: hsl(var(--hue), 60%, 28%); stroke-width: 2; }
svg .point { fill: hsl(var(--hue), 60%, 28%); }
svg .target-line { stroke: #000; stroke-width: 1.5; stroke-dasharray: 5 3; }
svg .pace { stroke: hsl(var(--hue), 60%, 28%); stroke-width: 1.5; stroke-dasharray: 2 3; }
@media print {
  @page { size: A4 portrait; margin: 14mm; }
  body { margin: 0; max-width: none; font-size: 11px; }
  h2 { break-after: avoid; page-break-after: avoid; }
  figure, table { break-inside: avoid; page-break-inside: avoid; }
}
"#;

/// The page's words: its two chart headings, the target marker, what stands for a
/// missing or a blanked number, the page's title, the earlier marker.
fn words(lang: Lang) -> [&'static str; 7] {
    [
        &PAGE_BY_ORG,
        &PAGE_BY_FOCUS,
        &PAGE_TARGET,
        &PAGE_NO_NUMBER,
        &PAGE_SUPPRESSED,
        &PAGE_TITLE,
        &PAGE_YEAR_EARLIER,
    ]
    .map(|m| m.text(lang))
}

fn mark(
    label: String,
    r: Option<&CoverageRow>,
    earlier: Option<&CoverageRow>,
    w: &[&str; 7],
    lang: Lang,
) -> Mark {
    let suppressed = r.is_some_and(|r| r.suppressed.contains(Col::CoveragePct));
    Mark {
        earlier: earlier
            .filter(|e| !e.suppressed.contains(Col::CoveragePct))
            .and_then(|e| e.coverage_pct),
        label,
        shown: r
            .and_then(|r| r.coverage_pct)
            .map(|v| lang.pct(v))
            .unwrap_or_default(),
        value: r.and_then(|r| r.coverage_pct),
        target: r.and_then(|r| r.target_pct),
        missing: if suppressed { w[4] } else { w[3] }.to_string(),
    }
}

fn table_html(s: &Section) -> String {
    let mut out = String::from("<table><thead><tr>");
    for (i, h) in s.head.iter().enumerate() {
        let class = if i < s.text_cols {
            " class=\"text\""
        } else {
            ""
        };
        out.push_str(&format!("<th{class}>{}</th>", esc(h)));
    }
    out.push_str("</tr></thead><tbody>");
    for row in &s.body {
        out.push_str("<tr>");
        for (i, c) in row.iter().enumerate() {
            let class = if i < s.text_cols {
                " class=\"text\""
            } else {
                ""
            };
            out.push_str(&format!("<td{class}>{}</td>", esc(c)));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}

fn ranked_marks(list: &[Ranked], lang: Lang) -> Vec<Mark> {
    list.iter()
        .map(|r| Mark {
            label: format!("{} · {} {}", lang.org(&r.org), r.code, r.name),
            shown: lang.pp(r.gap_pp),
            value: Some(r.gap_pp),
            target: None,
            earlier: None,
            missing: String::new(),
        })
        .collect()
}

/// The page of one period; `earlier`, the same period a year before, where it could be
/// computed, gives the bullet graphs their second marker.
pub fn render(cov: &Coverage, earlier: Option<&Coverage>, opts: &Options) -> String {
    let lang = opts.lang;
    let w = words(lang);
    let markers = chart::MarkerWords {
        target: w[2],
        earlier: w[6],
        lang,
    };
    let before =
        |o: &OrgOrAny, dim: &str, group: &str| earlier.and_then(|e| find(&e.rows, o, dim, group));
    let orgs = table::orgs(cov);
    let title = table::title(cov, lang);
    let place = cov.place.clone().unwrap_or_default();
    let mut body = format!("<h1>{}</h1>", esc(&title));
    if !place.is_empty() {
        body.push_str(&format!("<p class=\"sub\">{}</p>", esc(&place)));
    }
    let sections = table::sections(cov, lang);
    let section = |key: &str| sections.iter().find(|s| s.key == key);

    // Per organization: coverage against target.
    let marks: Vec<Mark> = orgs
        .iter()
        .map(|o| {
            mark(
                lang.org(o).to_string(),
                find(&cov.rows, o, "total", "all"),
                before(o, "total", "all"),
                &w,
                lang,
            )
        })
        .collect();
    body.push_str(&format!(
        "<h2>{}</h2><figure>{}</figure>",
        esc(w[0]),
        chart::bullets(w[0], &marks, &markers)
    ));
    if let Some(s) = section("summary") {
        body.push_str(&table_html(s));
    }
    // Per focus area, where the report has them.
    let focus = focus_charts(cov, earlier, &orgs, &w, &markers, lang);
    if !focus.is_empty() {
        body.push_str(&format!("<h2>{}</h2>{focus}", esc(w[1])));
    }
    body.push_str(&breakdowns(cov, earlier, &w, &markers, lang));
    if let Some(s) = super::departures::section(cov, lang) {
        body.push_str(&format!("<h2>{}</h2>{}", esc(&s.title), table_html(&s)));
    }
    // The units to urge and to replicate.
    for (key, list) in [("lagging", &cov.lagging), ("leading", &cov.leading)] {
        if list.is_empty() {
            continue;
        }
        let heading = lang.text(key);
        body.push_str(&format!(
            "<h2>{}</h2><figure>{}</figure>",
            esc(heading),
            chart::gaps(heading, &ranked_marks(list, lang))
        ));
        if let Some(s) = section(key) {
            body.push_str(&table_html(s));
        }
    }
    // The lists to act on.
    for s in sections
        .iter()
        .filter(|s| super::lists::List::ALL.iter().any(|l| l.key() == s.key))
        .filter(|s| !s.body.is_empty())
    {
        body.push_str(&format!("<h2>{}</h2>{}", esc(&s.title), table_html(s)));
    }
    body.push_str(&notes_html(&table::notes(cov, opts), lang));
    page(lang, &format!("{} — {}", w[5], title), &body)
}

/// A bullet chart per focus area, each organization against its target (and its
/// marker of a year earlier).
fn focus_charts(
    cov: &Coverage,
    earlier: Option<&Coverage>,
    orgs: &[OrgOrAny],
    w: &[&str; 7],
    markers: &chart::MarkerWords,
    lang: Lang,
) -> String {
    let mut out = String::new();
    for (dim, group) in FOCUS {
        let marks: Vec<Mark> = orgs
            .iter()
            .filter_map(|o| find(&cov.rows, o, dim, group).map(|r| (o, r)))
            // Enterprise ownership is the union's measure: an org without enterprise
            // members draws no line there.
            .filter(|(_, r)| {
                dim != "ownership" || r.coverage_pct.is_some() || !r.suppressed.is_empty()
            })
            .map(|(o, r)| {
                let e = earlier.and_then(|e| find(&e.rows, o, dim, group));
                mark(lang.org(o).to_string(), Some(r), e, w, lang)
            })
            .collect();
        if marks.is_empty() {
            continue;
        }
        let caption = lang.dimension(dim);
        out.push_str(&format!(
            "<figure><figcaption>{}</figcaption>{}</figure>",
            esc(&caption),
            chart::bullets(&caption, &marks, markers)
        ));
    }
    out
}

/// The breakdowns `--by` asked for beyond the directive's default (sex, ethnicity, a
/// level, a crossing): per breakdown, a chart of the groups' coverage where there is
/// one (up to [`MOST_MARKS`] bars; a unit level's many rows are read in the table) and
/// the table of every group's numbers.
fn breakdowns(
    cov: &Coverage,
    earlier: Option<&Coverage>,
    w: &[&str; 7],
    markers: &chart::MarkerWords,
    lang: Lang,
) -> String {
    let default = |d: &str| d == "total" || FOCUS.iter().any(|(f, _)| *f == d);
    let mut dims: Vec<&str> = Vec::new();
    for r in table::reading_order(&cov.rows) {
        let d = r.dimension.as_str();
        if !default(d) && !dims.contains(&d) {
            dims.push(d);
        }
    }
    let mut out = String::new();
    for dim in dims {
        let heading = format!("{}: {}", PAGE_BY_GROUP.text(lang), lang.dimension(dim));
        out.push_str(&format!("<h2>{}</h2>", esc(&heading)));
        let rows: Vec<&CoverageRow> = table::reading_order(&cov.rows)
            .into_iter()
            .filter(|r| r.dimension.as_str() == dim)
            .filter(|r| r.coverage_pct.is_some() || r.suppressed.contains(Col::CoveragePct))
            .collect();
        let one_org = table::orgs(cov).len() == 1;
        let marks: Vec<Mark> = rows
            .iter()
            .map(|r| {
                let group = table::group_label(r, lang);
                let label = match one_org {
                    true => group,
                    false => format!("{} · {group}", lang.org(&r.org)),
                };
                let e = earlier.and_then(|e| find(&e.rows, &r.org, dim, &r.group));
                mark(label, Some(r), e, w, lang)
            })
            .collect();
        if !marks.is_empty() && marks.len() <= MOST_MARKS {
            out.push_str(&format!(
                "<figure>{}</figure>",
                chart::bullets(&heading, &marks, markers)
            ));
        }
        let (head, body) = table::detail_rows_where(cov, lang, |r| r.dimension.as_str() == dim);
        out.push_str(&table_html(&without_blank_columns(Section {
            key: "details",
            title: heading,
            head,
            body,
            text_cols: 3,
        })));
    }
    out
}

/// A breakdown's table without the breakdown's name on every row (it heads the table)
/// and without the columns no row fills (sex has members but no eligible count).
fn without_blank_columns(s: Section) -> Section {
    let keep: Vec<usize> = (0..s.head.len())
        .filter(|&i| i != 1)
        .filter(|&i| i < s.text_cols || s.body.iter().any(|r| !r[i].is_empty()))
        .collect();
    let pick = |r: &[String]| keep.iter().map(|&i| r[i].clone()).collect();
    Section {
        head: pick(&s.head),
        body: s.body.iter().map(|r| pick(r)).collect(),
        text_cols: s.text_cols - 1,
        ..s
    }
}

/// The most bars a breakdown's chart draws; beyond, its table alone reads better.
const MOST_MARKS: usize = 40;

/// The data notes as a list, under their heading.
fn notes_html(notes: &[String], lang: Lang) -> String {
    let mut out = String::new();
    if !notes.is_empty() {
        out.push_str(&format!(
            "<h2>{}</h2><ul class=\"notes\">",
            esc(lang.text("notes"))
        ));
        for n in notes {
            out.push_str(&format!("<li>{}</li>", esc(n)));
        }
        out.push_str("</ul>");
    }
    out
}

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
        .map(|r| super::series::reaches_text(&r.code(), lang))
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

/// The whole document around a page's body: language, the policy that forbids
/// fetching anything, the style.
fn page(lang: Lang, title: &str, body: &str) -> String {
    let code = match lang {
        Lang::En => "en",
        Lang::Vi => "vi",
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><style>{STYLE}</style></head><body>{body}</body></html>\n",
        esc(title)
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
    let head = super::series::lines_head(reports, lang);
    let mut table_rows = Vec::new();
    for org in super::series::orgs(rows) {
        let figure = org_trend(&org, reports, rows, months, (target_word, pace_word), lang);
        body.push_str(&figure);
        // A row a line: the total, the focus areas, and each group `--by` asked for.
        for line in super::series::lines(reports, rows, &org) {
            table_rows.push(super::series::lines_row(&org, &line, lang));
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
    body.push_str(&notes_html(&super::series::all_notes(reports, lang), lang));
    page(lang, &title, &body)
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;
    use crate::report::Format;

    /// One page: the title with the province, a bullet chart per organization with its
    /// target, the blanked focus area said as such, the notes.
    #[test]
    fn a_page_with_charts_and_notes() {
        let cov = fixture::coverage();
        let page = render(&cov, None, &fixture::options(Format::Html, Lang::En));
        assert!(page.starts_with("<!DOCTYPE html>"), "{}", &page[..40]);
        for want in [
            "Tỉnh Lào Cai",
            "Coverage against target, by organization",
            "3.33%",
            "suppressed for publication",
            "Women&#39;s Union: no roll as of the period&#39;s end",
        ] {
            assert!(page.contains(want), "{want} in the page");
        }
        assert!(!page.contains("<script"), "no script");
        assert!(
            !page.contains("by group"),
            "no breakdown beyond the default"
        );
    }

    /// `--by sex` has its own heading and table on the page (it was left out: the page
    /// for any breakdown was the default's); the columns sex never fills (eligible,
    /// coverage) and the breakdown's name on every row are not in it; the focus areas'
    /// heading is not drawn over no chart.
    #[test]
    fn a_breakdown_beyond_the_default_has_its_table() {
        let mut cov = fixture::coverage();
        let total = cov.rows[0].clone();
        cov.rows.truncate(1);
        for (group, members) in [("female", 2), ("male", 1)] {
            cov.rows.push(CoverageRow {
                dimension: crate::metrics::dimension::Dimension::Sex,
                group: group.into(),
                group_name: group.into(),
                members: Some(members),
                eligible: None,
                coverage_pct: None,
                recruit_rate_pct: None,
                gap_pp: None,
                ..total.clone()
            });
        }
        let page = render(&cov, None, &fixture::options(Format::Html, Lang::Vi));
        let heading = "<h2>Số đoàn viên, hội viên và tỷ lệ tập hợp, theo nhóm: Giới tính</h2>";
        let at = page.find(heading).expect("the breakdown's heading");
        let table = &page[at..];
        let table = &table[..table.find("</table>").expect("its table")];
        for want in [
            "<td class=\"text\">Nữ</td><td>2</td>",
            "<td class=\"text\">Nam</td><td>1</td>",
        ] {
            assert!(table.contains(want), "{want} in {table}");
        }
        for not in ["Số đối tượng", "Tỷ lệ tập hợp</th>", "Tiêu chí"] {
            assert!(!table.contains(not), "{not} not in {table}");
        }
        assert!(
            !page.contains("theo địa bàn trọng điểm"),
            "no focus heading"
        );
    }
}
