//! The terminal report: a pivot a person can read (organizations down, focus areas
//! across), the units to urge and to replicate, every group, and the data notes.

use comfy_table::{presets::UTF8_FULL_CONDENSED, CellAlignment, ContentArrangement, Table};

use super::labels::Lang;
pub use super::section::Section;
use super::{find, note_text, values, Options, Value, COLUMNS};
use crate::metrics::dimension::Dimension;
use crate::metrics::{Coverage, CoverageRow, Ranked};
use crate::org::OrgOrAny;

/// A cell as a person reads it.
pub fn human(v: &Value, col: &str, lang: Lang) -> String {
    match v {
        Value::Text(s) if col == "snapshot_as_of" => lang.date(s),
        Value::Text(s) if col == "period" => lang.period(s),
        Value::Text(s) => s.clone(),
        Value::Count(n) => lang.count(*n),
        Value::Change(n) if *n < 0 => format!("-{}", lang.count(n.unsigned_abs())),
        Value::Change(n) => format!("+{}", lang.count(*n as u64)),
        Value::Pct(h) if col == "gap_pp" => lang.pp(*h),
        Value::Pct(h) => lang.pct(*h),
        Value::Empty => String::new(),
        Value::Suppressed => "…".into(),
    }
}

/// The directive's focus areas, as (dimension, group): the pivot's columns, the HTML's
/// charts, the summary sheet's columns.
pub const FOCUS: [(&str, &str); 4] = [
    ("ethnic_minority", "yes"),
    ("religious", "yes"),
    ("rural", "yes"),
    ("ownership", "non_state"),
];

/// "45.30% (−4.70)" or "45.30%" or "" for a row; with `with_target`, the target it is
/// measured against stands beside it ("45.30% / 50.00% (−4.70)"), since a focus area's
/// target may differ from the organization's.
fn cov_cell(r: Option<&CoverageRow>, lang: Lang, with_target: bool) -> String {
    let Some(r) = r else { return String::new() };
    let v = values(r);
    let cov = human(&v[9], "coverage_pct", lang);
    let target = human(&v[11], "target_pct", lang);
    let gap = human(&v[12], "gap_pp", lang);
    match (cov.is_empty(), gap.is_empty()) {
        (true, _) => String::new(),
        (false, true) => cov,
        (false, false) if with_target => format!("{cov} / {target} ({gap})"),
        (false, false) => format!("{cov} ({gap})"),
    }
}

pub fn orgs(cov: &Coverage) -> Vec<OrgOrAny> {
    let mut v: Vec<OrgOrAny> = Vec::new();
    for r in &cov.rows {
        if !v.contains(&r.org) {
            v.push(r.org.clone());
        }
    }
    v.sort();
    v
}

/// Whether an organization of the report has enterprises: the enterprise columns are
/// printed only then.
fn has_firms(cov: &Coverage) -> bool {
    orgs(cov)
        .iter()
        .any(|o| super::sized::has_enterprises(cov, o))
}

/// The focus areas a report shows: those it has rows of, the enterprises' only where
/// an organization has enterprises.
pub fn focus_areas(cov: &Coverage) -> Vec<(&'static str, &'static str)> {
    let firms = has_firms(cov);
    FOCUS
        .into_iter()
        .filter(|(d, _)| firms || *d != "ownership")
        // Where the report has its rows (`--by sex` has none).
        .filter(|(d, _)| cov.rows.iter().any(|r| r.dimension.as_str() == *d))
        .collect()
}

/// The pivot as rows of strings (shared with Markdown and XLSX).
pub fn pivot(cov: &Coverage, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let mut head = vec![
        lang.column("org").to_string(),
        lang.column("snapshot_as_of").to_string(),
        lang.column("members").to_string(),
        lang.column("eligible").to_string(),
        lang.column("coverage_pct").to_string(),
        lang.column("target_pct").to_string(),
    ];
    let firms = has_firms(cov);
    let sized = super::sized::sized_head(cov, lang).filter(|_| firms);
    let focus = focus_areas(cov);
    for (d, _) in &focus {
        head.push(super::sized::focus_label(d, lang));
    }
    if firms {
        head.push(super::sized::reach_head(lang));
    }
    head.extend(sized.clone());
    let against = super::against::shown_to_people(cov);
    if against {
        head.push(super::against::heading(lang).to_string());
    }
    let mut body = Vec::new();
    for org in orgs(cov) {
        let total = find(&cov.rows, &org, "total", "all");
        let tv = total.map(values);
        let cell = |i: usize, col: &str| {
            tv.as_ref()
                .map(|v| human(&v[i], col, lang))
                .unwrap_or_default()
        };
        let mut row = vec![
            lang.org(&org).to_string(),
            cell(15, "snapshot_as_of"),
            cell(4, "members"),
            cell(8, "eligible"),
            cov_cell(total, lang, false),
            cell(11, "target_pct"),
        ];
        for (d, g) in &focus {
            row.push(cov_cell(find(&cov.rows, &org, d, g), lang, true));
        }
        if firms {
            row.push(super::sized::reach_cell(cov, &org, lang));
        }
        if sized.is_some() {
            row.push(super::sized::sized_cell(cov, &org, lang));
        }
        if against {
            row.push(
                total
                    .map(|r| super::against::compact(cov, r, lang))
                    .unwrap_or_default(),
            );
        }
        body.push(row);
    }
    (head, body)
}

/// The columns of the units to urge and to replicate.
pub fn ranked_head(lang: Lang) -> Vec<String> {
    vec![
        lang.column("org").to_string(),
        lang.text("unit").to_string(),
        lang.column("coverage_pct").to_string(),
        lang.column("target_pct").to_string(),
        lang.column("gap_pp").to_string(),
    ]
}

pub fn ranked_rows(list: &[Ranked], lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let head = ranked_head(lang);
    let body = list
        .iter()
        .map(|r| {
            vec![
                lang.org(&r.org).to_string(),
                format!("{} {}", r.code, r.name),
                lang.pct(r.coverage_pct),
                lang.pct(r.target_pct),
                lang.pp(r.gap_pp),
            ]
        })
        .collect();
    (head, body)
}

/// A row's group as the reader reads it: a unit of a level (`--by commune`) with its
/// code and name, a group of the directive's dimensions in words.
pub fn group_label(r: &CoverageRow, lang: Lang) -> String {
    if r.unit_level && r.group != r.group_name {
        format!("{} {}", r.group, r.group_name)
    } else {
        lang.group(&r.group, &r.group_name)
    }
}

/// The rows in the order a reader looks for them: organizations in their official
/// order, each with its total first, then the directive's focus areas, then the other
/// breakdowns (the tidy CSV keeps its own machine order); without the ownership rows
/// of an organization that has nothing there.
pub fn reading_order(rows: &[CoverageRow]) -> Vec<&CoverageRow> {
    let rank = |d: &str| match d {
        "total" => 0,
        "ethnic_minority" => 1,
        "religious" => 2,
        "rural" => 3,
        "ownership" => 4,
        _ => 5,
    };
    // An organization with no member in any enterprise and no denominator by ownership
    // has nothing to say there (enterprise ownership is the union's measure): its
    // ownership rows are left out of the tables a person reads (the tidy CSV and JSON
    // keep them).
    let silent = |org: &OrgOrAny| {
        rows.iter()
            .filter(|r| r.org == *org && r.dimension == Dimension::Ownership)
            .all(|r| r.members.unwrap_or(0) == 0 && r.eligible.is_none() && r.suppressed.is_empty())
    };
    let mut v: Vec<&CoverageRow> = rows
        .iter()
        .filter(|r| r.dimension != Dimension::Ownership || !silent(&r.org))
        .collect();
    // The reasons in the order the directive's forms list them (died, moved, aged out,
    // ...), not their codes' alphabet; other groups as the tidy rows have them.
    let reasons = crate::metrics::reason::groups();
    let within = |r: &CoverageRow| match r.dimension {
        Dimension::Reason => reasons.iter().position(|g| *g == r.group),
        _ => None,
    };
    v.sort_by(|a, b| {
        (
            &a.org,
            rank(a.dimension.as_str()),
            a.dimension.as_str(),
            within(a),
        )
            .cmp(&(
                &b.org,
                rank(b.dimension.as_str()),
                b.dimension.as_str(),
                within(b),
            ))
    });
    v
}

pub fn detail_rows(cov: &Coverage, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    detail_rows_where(cov, lang, |_| true)
}

/// The detail rows `keep` takes, with the details' head (the HTML's table of one
/// breakdown).
pub fn detail_rows_where(
    cov: &Coverage,
    lang: Lang,
    keep: impl Fn(&CoverageRow) -> bool,
) -> (Vec<String>, Vec<Vec<String>>) {
    let mut head: Vec<String> = COLUMNS[1..]
        .iter()
        .map(|c| lang.column(c).to_string())
        .collect();
    let against = super::against::shown_to_people(cov);
    if against {
        head.push(super::against::heading(lang).to_string());
    }
    let body = reading_order(&cov.rows)
        .into_iter()
        .filter(|r| keep(r))
        .map(|r| {
            let v = values(r);
            let mut cells: Vec<String> = COLUMNS
                .iter()
                .zip(v.iter())
                .skip(1)
                .map(|(c, v)| human(v, c, lang))
                .collect();
            cells[0] = lang.org(&r.org).to_string();
            cells[1] = lang.dimension_of(&r.dimension);
            cells[2] = group_label(r, lang);
            if against {
                cells.push(super::against::compact(cov, r, lang));
            }
            cells
        })
        .collect();
    (head, body)
}

fn table(
    head: Vec<String>,
    body: Vec<Vec<String>>,
    text_cols: usize,
    width: Option<usize>,
) -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED).set_header(head);
    if let Some(w) = width {
        // Wrap cells so that the table fits the terminal.
        t.set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(u16::try_from(w).unwrap_or(u16::MAX));
    }
    let width = body.first().map(Vec::len).unwrap_or(0);
    for row in body {
        t.add_row(row);
    }
    for i in text_cols..width {
        if let Some(c) = t.column_mut(i) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    t
}

/// The report's tables in reading order: the pivot, who to urge, who to replicate, every
/// group. (Shared by the terminal, Markdown and XLSX renderers; text renderers skip
/// empty ones.)
pub fn sections(cov: &Coverage, lang: Lang) -> Vec<Section> {
    let section =
        |key: &'static str, (head, body): (Vec<String>, Vec<Vec<String>>), text_cols| Section {
            key,
            title: lang.text(key).into(),
            head,
            body,
            text_cols,
        };
    let mut out = vec![
        section("summary", pivot(cov, lang), 1),
        section("lagging", ranked_rows(&cov.lagging, lang), 2),
        section("leading", ranked_rows(&cov.leading, lang), 2),
        section("details", detail_rows(cov, lang), 3),
    ];
    out.extend(super::lists::sections(cov, lang));
    out
}

/// A section as one table, or, when it would not fit `width`, as tables of fewer
/// columns that each repeat its text columns (org, dimension, group): the details'
/// counts in one, their percentages and reach in the next. Cells wrap only if even
/// those do not fit.
fn narrowed(s: Section, width: Option<usize>) -> Vec<Section> {
    let natural = table(s.head.clone(), s.body.clone(), s.text_cols, None)
        .lines()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0);
    let columns = s.head.len();
    if width.is_none_or(|w| natural <= w) || columns < s.text_cols + 6 {
        return vec![s];
    }
    let middle = s.text_cols + (columns - s.text_cols) / 2;
    let part = |from: usize, to: usize, n: usize| Section {
        key: s.key,
        title: format!("{} ({n}/2)", s.title),
        head: (0..s.text_cols)
            .chain(from..to)
            .map(|i| s.head[i].clone())
            .collect(),
        body: (s.body.iter())
            .map(|r| {
                (0..s.text_cols)
                    .chain(from..to)
                    .map(|i| r[i].clone())
                    .collect()
            })
            .collect(),
        text_cols: s.text_cols,
    };
    vec![part(s.text_cols, middle, 1), part(middle, columns, 2)]
}

/// The data notes as sentences, with the suppression count last.
pub fn notes(cov: &Coverage, opts: &Options) -> Vec<String> {
    let mut out: Vec<String> = cov.notes.iter().map(|n| note_text(n, opts.lang)).collect();
    if let Some(n) = opts.suppressed {
        out.push(format!("{n} {} (…)", opts.lang.text("suppressed")));
    }
    out
}

/// "Title — period".
pub fn title(cov: &Coverage, lang: Lang) -> String {
    let period = cov
        .rows
        .first()
        .map(|r| lang.period(&r.period.label))
        .unwrap_or_default();
    format!("{} — {period}", lang.text("title"))
}

pub fn render(cov: &Coverage, opts: &Options) -> String {
    let mut out = format!("{}\n", title(cov, opts.lang));
    for s in sections(cov, opts.lang)
        .into_iter()
        .filter(|s| !s.body.is_empty())
    {
        let parts = narrowed(s.clone(), opts.width);
        // Too narrow for any table without breaking a word: a block per row.
        if let Some(w) = opts
            .width
            .filter(|w| parts.iter().any(|p| super::narrow::min_width(p) > *w))
        {
            out.push_str(&format!("\n{}\n{}", s.title, super::narrow::blocks(&s, w)));
            continue;
        }
        for t in parts {
            out.push_str(&format!(
                "\n{}\n{}\n",
                t.title,
                table(t.head, t.body, t.text_cols, opts.width)
            ));
        }
    }
    let notes = notes(cov, opts);
    if !notes.is_empty() {
        out.push_str(&format!("\n{}\n", opts.lang.text("notes")));
        for n in notes {
            out.push_str(&format!("- {n}\n"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;
    use crate::report::Format;

    /// In Vietnamese: the title with the month as a reader writes it, counts and
    /// percentages with Vietnamese separators, the blanked cell as "…", the notes.
    #[test]
    fn the_terminal_report_in_vietnamese() {
        let out = render(
            &fixture::coverage(),
            &fixture::options(Format::Table, Lang::Vi),
        );
        assert!(
            out.starts_with("Kết quả tập hợp quần chúng vào các tổ chức — Tháng 10/2026\n"),
            "{out}"
        );
        for want in [
            "Thấp nhất so với chỉ tiêu (cần đôn đốc)",
            "02647 Xã Bát Xát",
            "3,33%",
            "-26,67",
            "…",
            "Lưu ý về số liệu",
            "Hội Liên hiệp Phụ nữ: chưa có danh sách đến cuối kỳ; số liệu bị thiếu (không phải bằng 0)",
        ] {
            assert!(out.contains(want), "{want:?} in\n{out}");
        }
    }
}
