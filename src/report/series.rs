//! A series of periods: the tidy rows of every period with their changes and pace (CSV,
//! JSON), or, for a person (the terminal, Markdown), a line per organization and focus
//! area, and per group of a `--by` breakdown, with its pace and the pace needed; and
//! the lines and notes the page and the workbook share.

use super::labels::Lang;
use super::{note_text, plain, values, Format, Value, COLUMNS};
use crate::lang::report::*;
use crate::metrics::period::Period;
use crate::metrics::series::SeriesRow;
use crate::metrics::Coverage;
use serde_json::{json, Map};

/// The columns a series adds to the tidy ones.
pub const SERIES_COLUMNS: [&str; 6] = [
    "coverage_change_pp",
    "coverage_yoy_pp",
    "members_change",
    "pace_pp_per_month",
    "required_pp_per_month",
    "reaches_target",
];

fn extra(s: &SeriesRow) -> [Value; 6] {
    let p = |v: Option<i64>| v.map(Value::Pct).unwrap_or(Value::Empty);
    [
        p(s.coverage_change_pp),
        p(s.coverage_yoy_pp),
        s.members_change.map(Value::Change).unwrap_or(Value::Empty),
        p(s.pace_pp_per_month),
        p(s.required_pp_per_month),
        s.reaches_target
            .as_ref()
            .map(|r| Value::Text(r.code()))
            .unwrap_or(Value::Empty),
    ]
}

/// How a series is rendered.
pub struct How {
    pub format: Format,
    pub lang: Lang,
    pub width: Option<usize>,
    /// Suppressed for publication (`--min-cell`): the tidy rows say what each blanked.
    pub published: bool,
}

pub fn render(
    reports: &[(Period, Coverage)],
    rows: &[SeriesRow],
    how: &How,
) -> anyhow::Result<Vec<u8>> {
    match how.format {
        Format::Json => json_doc(reports, rows, how.published),
        Format::Table => Ok(table(reports, rows, how.lang, how.width).into_bytes()),
        Format::Md => Ok(markdown(reports, rows, how.lang).into_bytes()),
        _ => csv_doc(rows, how.published),
    }
}

fn csv_doc(rows: &[SeriesRow], published: bool) -> anyhow::Result<Vec<u8>> {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let units = rows.iter().any(|r| r.row.unit_level);
    let mut head: Vec<&str> = COLUMNS.iter().chain(&SERIES_COLUMNS).copied().collect();
    if units {
        head.push(super::UNIT_NAME);
    }
    if published {
        head.push("suppressed");
    }
    w.write_record(&head)?;
    for s in rows {
        let mut rec: Vec<String> = values(&s.row).iter().map(plain).collect();
        rec.extend(extra(s).iter().map(plain));
        if units {
            rec.push(plain(&super::unit_name(&s.row)));
        }
        if published {
            rec.push(s.row.suppressed.names().join(";"));
        }
        w.write_record(&rec)?;
    }
    w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))
}

fn json_doc(
    reports: &[(Period, Coverage)],
    rows: &[SeriesRow],
    published: bool,
) -> anyhow::Result<Vec<u8>> {
    let to_json = super::to_json;
    let units = rows.iter().any(|r| r.row.unit_level);
    let out_rows: Vec<serde_json::Value> = rows
        .iter()
        .map(|s| {
            let mut obj = Map::new();
            for (k, v) in COLUMNS.iter().zip(values(&s.row)) {
                obj.insert(k.to_string(), to_json(&v));
            }
            for (k, v) in SERIES_COLUMNS.iter().zip(extra(s)) {
                obj.insert(k.to_string(), to_json(&v));
            }
            if units {
                obj.insert(super::UNIT_NAME.into(), to_json(&super::unit_name(&s.row)));
            }
            if published {
                obj.insert("suppressed".into(), json!(s.row.suppressed));
            }
            serde_json::Value::Object(obj)
        })
        .collect();
    let notes: Vec<serde_json::Value> = reports
        .iter()
        .flat_map(|(p, c)| {
            c.notes
                .iter()
                .map(move |n| json!({"period": p.label, "text": note_text(n, Lang::En)}))
        })
        .collect();
    let periods: Vec<&str> = reports.iter().map(|(p, _)| p.label.as_str()).collect();
    let doc = json!({"periods": periods, "rows": out_rows, "notes": notes});
    let mut bytes = serde_json::to_vec_pretty(&doc)?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// Block characters for a sparkline, lowest to highest.
const BLOCKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// One character a value, scaled between the line's lowest and highest; a blank where
/// a period has no number.
pub fn sparkline(values: &[Option<i64>]) -> String {
    let known: Vec<i64> = values.iter().flatten().copied().collect();
    let (Some(lo), Some(hi)) = (known.iter().min(), known.iter().max()) else {
        return " ".repeat(values.len());
    };
    values
        .iter()
        .map(|v| match v {
            None => ' ',
            Some(_) if hi == lo => BLOCKS[3],
            Some(v) => BLOCKS[((v - lo) * 7 / (hi - lo)) as usize],
        })
        .collect()
}

/// The focus areas a person follows: the total and the directive's four.
const LINES: [(&str, &str); 5] = [
    ("total", "all"),
    ("ethnic_minority", "yes"),
    ("religious", "yes"),
    ("rural", "yes"),
    ("ownership", "non_state"),
];

/// One line a person follows: an organization's group, with its row of each period.
pub struct Line<'a> {
    pub dimension: String,
    pub group: String,
    /// The group's row in each period, in the periods' order; `None` where it has none.
    pub by_period: Vec<Option<&'a SeriesRow>>,
}

impl Line<'_> {
    /// The row of the last period, which the pace and "reaches the target" are of.
    pub fn last(&self) -> Option<&SeriesRow> {
        self.by_period.last().copied().flatten()
    }

    /// The line's coverage in each period.
    pub fn coverage(&self) -> Vec<Option<i64>> {
        (self.by_period.iter())
            .map(|s| s.and_then(|s| s.row.coverage_pct))
            .collect()
    }

    /// The line's coverage in each period as the reader reads it: `…` where
    /// `--min-cell` blanked it, empty where there is none.
    pub fn coverage_text(&self, lang: Lang) -> Vec<String> {
        (self.by_period.iter())
            .map(|s| s.map_or_else(String::new, |s| pct_text(s, lang)))
            .collect()
    }

    /// Whether the line is the total or one of the directive's focus areas.
    pub fn focus(&self) -> bool {
        LINES.contains(&(self.dimension.as_str(), self.group.as_str()))
    }

    /// What the line is, in the reader's words: the focus area ("Nông thôn"), or a
    /// breakdown's group ("Xã, phường: 02647 Xã Bát Xát").
    pub fn area(&self, lang: Lang) -> String {
        // A focus line's area: the enterprises' is the non-state ones'.
        if self.focus() {
            return super::sized::focus_label(&self.dimension, lang);
        }
        let area = lang.dimension(&self.dimension);
        match self.by_period.iter().flatten().next() {
            Some(s) => format!("{area}: {}", super::table::group_label(&s.row, lang)),
            None => area,
        }
    }
}

/// The organizations of a series, in their official order.
pub fn orgs(rows: &[SeriesRow]) -> Vec<crate::org::OrgOrAny> {
    let mut orgs: Vec<crate::org::OrgOrAny> = rows.iter().map(|s| s.row.org.clone()).collect();
    orgs.sort();
    orgs.dedup();
    orgs
}

/// The lines of an organization a person follows: the total and the directive's focus
/// areas, then every group of a breakdown `--by` asked for (`--by commune`: a line a
/// commune), in the rows' order; without lines that have no number in any period.
pub fn lines<'a>(
    reports: &[(Period, Coverage)],
    rows: &'a [SeriesRow],
    org: &crate::org::OrgOrAny,
) -> Vec<Line<'a>> {
    let focus = crate::metrics::dimension::Dimension::defaults();
    let mut keys: Vec<(String, String)> = LINES
        .iter()
        .map(|(d, g)| (d.to_string(), g.to_string()))
        .collect();
    for s in rows.iter().filter(|s| s.row.org == *org) {
        let key = (s.row.dimension.name(), s.row.group.clone());
        if !focus.contains(&s.row.dimension) && !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys.into_iter()
        .map(|(dimension, group)| {
            let by_period = reports
                .iter()
                .map(|(p, _)| {
                    rows.iter().find(|s| {
                        s.row.org == *org
                            && s.row.period.label == p.label
                            && s.row.dimension == dimension.as_str()
                            && s.row.group == group
                    })
                })
                .collect();
            Line {
                dimension,
                group,
                by_period,
            }
        })
        .filter(|l| {
            l.by_period
                .iter()
                .flatten()
                .any(|s| s.row.coverage_pct.is_some() || s.row.members.is_some())
        })
        .collect()
}

/// Every period's notes, each said with its period.
pub fn all_notes(reports: &[(Period, Coverage)], lang: Lang) -> Vec<String> {
    reports
        .iter()
        .flat_map(|(p, c)| {
            c.notes
                .iter()
                .map(move |n| format!("{}: {}", lang.period(&p.label), note_text(n, lang)))
        })
        .collect()
}

fn table(
    reports: &[(Period, Coverage)],
    rows: &[SeriesRow],
    lang: Lang,
    width: Option<usize>,
) -> String {
    use comfy_table::{presets::UTF8_FULL_CONDENSED, CellAlignment, ContentArrangement, Table};
    // The periods as the reader writes them: `Tháng 4/2026 … Tháng 9/2026`.
    let first = reports.first().map(|(p, _)| lang.period(&p.label));
    let last = reports.last().map(|(p, _)| lang.period(&p.label));
    let mut out = format!(
        "{} — {} … {}\n\n",
        lang.text("title"),
        first.unwrap_or_default(),
        last.unwrap_or_default()
    );
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED);
    if let Some(w) = width {
        t.set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(u16::try_from(w).unwrap_or(u16::MAX));
    }
    let heads = [
        &TREND_ORG,
        &TREND_AREA,
        &TREND_BY_PERIOD,
        &TREND_FIRST,
        &TREND_LAST,
        &TREND_CHANGE,
        &TREND_PACE,
        &crate::lang::workbook::SERIES_NEEDED,
        &TREND_REACHES,
    ]
    .map(|m| m.text(lang));
    t.set_header(heads.to_vec());
    for org in orgs(rows) {
        for line in lines(reports, rows, &org) {
            t.add_row(line_cells(&org, &line, lang));
        }
    }
    for i in 3..8 {
        if let Some(c) = t.column_mut(i) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    out.push_str(&format!("{t}\n"));
    let notes = all_notes(reports, lang);
    if !notes.is_empty() {
        out.push_str(&format!("\n{}\n", lang.text("notes")));
        for n in notes {
            out.push_str(&format!("- {n}\n"));
        }
    }
    out
}

/// A period's coverage: `…` where `--min-cell` blanked it, empty where unknown.
fn pct_text(s: &SeriesRow, lang: Lang) -> String {
    use crate::metrics::suppress::Col;
    match s.row.coverage_pct {
        Some(v) => lang.pct(v),
        None if s.row.suppressed.contains(Col::CoveragePct) => "…".into(),
        None => String::new(),
    }
}

/// The cells of one line: its coverage by period as a sparkline, the first and last,
/// the change, the pace, the pace needed for this year's target, whether it reaches
/// the target. The first is the first period with a coverage: where that one's is
/// blanked (`…`), no later period's stands in for it.
fn line_cells(org: &crate::org::OrgOrAny, line: &Line, lang: Lang) -> Vec<String> {
    use crate::metrics::suppress::Col;
    let by_period = line.coverage();
    let first_row = (line.by_period.iter().flatten().copied())
        .find(|s| s.row.coverage_pct.is_some() || s.row.suppressed.contains(Col::CoveragePct));
    let first_v = first_row.and_then(|s| s.row.coverage_pct);
    let last_row = line.last();
    let last_v = last_row.and_then(|s| s.row.coverage_pct);
    let pp = |v: Option<i64>| v.map(|v| lang.pp(v)).unwrap_or_default();
    vec![
        lang.org(org).to_string(),
        line.area(lang),
        sparkline(&by_period),
        first_row.map(|s| pct_text(s, lang)).unwrap_or_default(),
        last_row.map(|s| pct_text(s, lang)).unwrap_or_default(),
        // A change needs two periods with a coverage: one is no change of 0.
        pp(first_v
            .zip(last_v)
            .filter(|_| by_period.iter().flatten().count() >= 2)
            .map(|(a, b)| b - a)),
        pp(last_row.and_then(|s| s.pace_pp_per_month)),
        pp(last_row.and_then(|s| s.required_pp_per_month)),
        last_row
            .and_then(|s| s.reaches_target.as_ref())
            .map(|r| reaches_text(&r.code(), lang))
            .unwrap_or_default(),
    ]
}

/// The heading of the table of lines (HTML, Markdown): the organization, the line,
/// each period, the pace, the pace needed, when the target is reached.
pub fn lines_head(reports: &[(Period, Coverage)], lang: Lang) -> Vec<String> {
    let mut head = vec![
        TREND_ORG.text(lang).to_string(),
        crate::lang::workbook::SERIES_AREA.text(lang).to_string(),
    ];
    head.extend(reports.iter().map(|(p, _)| lang.period(&p.label)));
    head.push(TREND_PACE.text(lang).to_string());
    head.push(crate::lang::workbook::SERIES_NEEDED.text(lang).to_string());
    head.push(TREND_REACHES.text(lang).to_string());
    head
}

/// A line of the table of lines: its coverage in each period, its pace, the pace
/// needed for this year's target, and when its pace reaches the target.
pub fn lines_row(org: &crate::org::OrgOrAny, line: &Line, lang: Lang) -> Vec<String> {
    let mut cells = vec![lang.org(org).to_string(), line.area(lang)];
    cells.extend(line.coverage_text(lang));
    let last = line.last();
    let pp = |v: Option<i64>| v.map(|v| lang.pp(v)).unwrap_or_default();
    cells.push(pp(last.and_then(|s| s.pace_pp_per_month)));
    cells.push(pp(last.and_then(|s| s.required_pp_per_month)));
    cells.push(
        last.and_then(|s| s.reaches_target.as_ref())
            .map(|r| reaches_text(&r.code(), lang))
            .unwrap_or_default(),
    );
    cells
}

/// Markdown: the title, the table of lines, every period's notes.
fn markdown(reports: &[(Period, Coverage)], rows: &[SeriesRow], lang: Lang) -> String {
    let first = reports.first().map(|(p, _)| lang.period(&p.label));
    let last = reports.last().map(|(p, _)| lang.period(&p.label));
    let mut out = format!(
        "# {} — {} … {}\n\n",
        lang.text("title"),
        first.unwrap_or_default(),
        last.unwrap_or_default()
    );
    let body: Vec<Vec<String>> = orgs(rows)
        .iter()
        .flat_map(|org| {
            lines(reports, rows, org)
                .iter()
                .map(|l| lines_row(org, l, lang))
                .collect::<Vec<_>>()
        })
        .collect();
    out.push_str(&super::markdown::md_table(
        &lines_head(reports, lang),
        &body,
        2,
    ));
    let notes = all_notes(reports, lang);
    if !notes.is_empty() {
        out.push_str(&format!("\n## {}\n\n", lang.text("notes")));
        for n in notes {
            out.push_str(&format!("- {}\n", n.replace('|', "\\|")));
        }
    }
    out
}

pub fn reaches_text(code: &str, lang: Lang) -> String {
    match (code, lang) {
        ("no_progress", _) => NO_PROGRESS.text(lang).into(),
        ("insufficient_data", _) => TOO_FEW_PERIODS.text(lang).into(),
        (m, Lang::En) => m.to_string(),
        (m, Lang::Vi) => match m.split_once('-') {
            Some((y, mo)) => format!("Tháng {}/{y}", mo.trim_start_matches('0')),
            None => m.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sparkline_scales_to_its_own_range() {
        assert_eq!(sparkline(&[Some(0), Some(50), Some(100)]), "▁▄█");
        assert_eq!(sparkline(&[Some(5), None, Some(5)]), "▄ ▄");
        assert_eq!(sparkline(&[None, None]), "  ");
    }
}
