//! One self-contained HTML file for the committee's meeting: inline CSS and SVG drawn
//! here, no script, nothing fetched (a Content-Security-Policy forbids it), prints on
//! A4. Each chart is followed by the table of its numbers (its text alternative).

use super::chart::{self, esc, Mark};
use super::find;
use super::labels::Lang;
use super::table::{self, Section, FOCUS};
use super::Options;
use crate::lang::report::*;
use crate::metrics::suppress::Col;
use crate::metrics::{Coverage, CoverageRow, Ranked};
use crate::org::OrgOrAny;

mod page;
mod series;

use page::{notes_html, page, table_html};
pub use series::render_series;

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
        // The enterprises' focus area is the non-state ones'.
        let caption = super::sized::focus_label(dim, lang);
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
    // Departures by reason have their own section below.
    let default = |d: &str| d == "total" || d == "reason" || FOCUS.iter().any(|(f, _)| *f == d);
    let mut dims: Vec<&crate::metrics::dimension::Dimension> = Vec::new();
    for r in table::reading_order(&cov.rows) {
        if !default(r.dimension.as_str()) && !dims.contains(&&r.dimension) {
            dims.push(&r.dimension);
        }
    }
    let mut out = String::new();
    for dimension in dims {
        let dim = dimension.as_str();
        let heading = format!(
            "{}: {}",
            PAGE_BY_GROUP.text(lang),
            lang.dimension_of(dimension)
        );
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
