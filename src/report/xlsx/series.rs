//! A series as a workbook: a sheet per organization with the periods as columns and,
//! for the total, each focus area and each group of a `--by` breakdown, three rows
//! (members, coverage, target); beside the coverage row the pace, the pace needed for
//! this year's target and the month the pace reaches it (all of the last period, as
//! in the CSV); under the table a native line chart of coverage with the target. Then
//! every period's notes. The numbers are the series rows', as the CSV has them.

use anyhow::Result;
use rust_xlsxwriter::{Chart, ChartFormat, ChartLine, ChartLineDashType};

use super::cells::{sheet, Cell, Formats};
use crate::lang::report::{TREND_PACE, TREND_REACHES};
use crate::lang::workbook::*;
use crate::metrics::period::Period;
use crate::metrics::series::SeriesRow;
use crate::metrics::suppress::Col;
use crate::metrics::Coverage;
use crate::report::labels::Lang;
use crate::report::series::{all_notes, lines, orgs, reaches_text, Line};

/// The rows of a line in the sheet: members, coverage, target.
const ROWS_A_LINE: u32 = 3;
/// Columns before the periods: the area and the measure.
const LEAD: u16 = 2;

pub fn render(reports: &[(Period, Coverage)], rows: &[SeriesRow], lang: Lang) -> Result<Vec<u8>> {
    let f = Formats::new();
    let first = reports.first().map(|(p, _)| lang.period(&p.label));
    let last = reports.last().map(|(p, _)| lang.period(&p.label));
    let span = format!(
        "{} … {}",
        first.unwrap_or_default(),
        last.unwrap_or_default()
    );
    let place = reports.last().and_then(|(_, c)| c.place.clone());
    let title = format!("{} — {span}", lang.text("title"));
    let mut wb = super::cells::workbook(reports.last().map(|(p, _)| p.end), &title)?;
    let page = match &place {
        Some(p) => format!("{title} — {p}"),
        None => title.clone(),
    };
    let mut head = vec![
        SERIES_AREA.text(lang).to_string(),
        SERIES_MEASURE.text(lang).to_string(),
    ];
    head.extend(reports.iter().map(|(p, _)| lang.period(&p.label)));
    head.extend([&TREND_PACE, &SERIES_NEEDED, &TREND_REACHES].map(|m| m.text(lang).to_string()));
    let mut names: Vec<String> = Vec::new();
    for org in orgs(rows) {
        let org_name = lang.org(&org).to_string();
        let name = sheet_name(&org_name, &names);
        names.push(name.clone());
        let lines = lines(reports, rows, &org);
        let body: Vec<Vec<Cell>> = lines.iter().flat_map(|l| line_rows(l, lang)).collect();
        let mut titles = vec![title.clone(), org_name.clone()];
        titles.extend(place.clone());
        let top = titles.len() as u32 + 1;
        let ws = sheet(&mut wb, &name, &titles, &head, &body, &f, &page)?;
        if let Some(chart) = chart(&name, &org_name, &lines, top, reports.len() as u16, lang) {
            let below = top + 2 + ROWS_A_LINE * lines.len() as u32;
            ws.insert_chart(below, 0, &chart)?;
            // The chart starts a printed page of its own, not cut across two.
            ws.set_page_breaks(&[below])?;
        }
    }
    let notes: Vec<Vec<Cell>> = all_notes(reports, lang)
        .into_iter()
        .map(|n| vec![Cell::Text(n)])
        .collect();
    let notes_name = sheet_name(crate::lang::report::SHEET_NOTES.text(lang), &names);
    let head = [lang.text("notes").to_string()];
    sheet(&mut wb, &notes_name, &[], &head, &notes, &f, &page)?;
    Ok(wb.save_to_buffer()?)
}

/// A line's three rows: members, coverage (with the pace, the pace needed and the
/// month the target is reached, of the last period), target.
fn line_rows(line: &Line, lang: Lang) -> [Vec<Cell>; 3] {
    let area = line.area(lang);
    let each = |measure: &'static crate::lang::Msg, cell: &dyn Fn(&SeriesRow) -> Cell| {
        let mut row = vec![
            Cell::Text(area.clone()),
            Cell::Text(measure.text(lang).into()),
        ];
        row.extend((line.by_period.iter()).map(|s| s.map(cell).unwrap_or(Cell::Empty)));
        row
    };
    let value =
        |s: &SeriesRow, i: usize| super::cells::cell(&crate::report::values(&s.row)[i], false);
    let members = each(&SERIES_MEMBERS, &|s| value(s, 4));
    let mut coverage = each(&SERIES_COVERAGE, &|s| value(s, 9));
    let target = each(&SERIES_TARGET, &|s| value(s, 11));
    let last = line.last();
    let pp = |v: Option<i64>| v.map(Cell::Pp).unwrap_or(Cell::Empty);
    coverage.push(pp(last.and_then(|s| s.pace_pp_per_month)));
    coverage.push(pp(last.and_then(|s| s.required_pp_per_month)));
    coverage.push(
        last.and_then(|s| s.reaches_target.as_ref())
            .map(|r| Cell::Text(reaches_text(&r.code(), lang)))
            .unwrap_or(Cell::Empty),
    );
    [members, coverage, target]
}

/// The chart: the coverage of the total and of each focus area over the periods, and
/// the total's target as a dashed line (a `--by` breakdown's groups stay in the table:
/// a line a commune would hide the rest).
/// `None` when no line can be drawn.
fn chart(
    sheet: &str,
    org: &str,
    lines: &[Line],
    top: u32,
    periods: u16,
    lang: Lang,
) -> Option<Chart> {
    let mut chart = Chart::new_line();
    let title = crate::t!(SERIES_CHART, crate::lang::Text::Said(org.into())).render(lang);
    chart.title().set_name(&title);
    chart.y_axis().set_num_format("0%");
    chart.set_width(720).set_height(360);
    let (first, last) = (LEAD, LEAD + periods.max(1) - 1);
    let categories = (sheet, top, first, top, last);
    let mut drawn = false;
    for (k, line) in lines.iter().enumerate() {
        // A spreadsheet draws a text cell (a blanked `…`) as 0: a line with one is
        // left to the table rather than drawn falling to nothing.
        let blanked =
            (line.by_period.iter().flatten()).any(|s| s.row.suppressed.contains(Col::CoveragePct));
        if !line.focus() || blanked {
            continue;
        }
        drawn = true;
        let coverage = top + 1 + ROWS_A_LINE * k as u32 + 1;
        chart
            .add_series()
            .set_name((sheet, coverage, 0))
            .set_categories(categories)
            .set_values((sheet, coverage, first, coverage, last));
        if line.dimension == "total" {
            let target = coverage + 1;
            let mut dashed = ChartLine::new();
            dashed.set_dash_type(ChartLineDashType::Dash);
            chart
                .add_series()
                .set_name(&format!(
                    "{} — {}",
                    line.area(lang),
                    SERIES_TARGET.text(lang)
                ))
                .set_categories(categories)
                .set_values((sheet, target, first, target, last))
                .set_format(ChartFormat::new().set_line(&dashed));
        }
    }
    drawn.then_some(chart)
}

/// A sheet's name: Excel's rules (at most 31 characters, none of `[]:*?/\`), unique
/// among those already given.
pub(super) fn sheet_name(wanted: &str, taken: &[String]) -> String {
    let clean: String = wanted
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c })
        .take(28)
        .collect();
    let clean = clean.trim().to_string();
    let mut name = clean.clone();
    let mut n = 2;
    while taken
        .iter()
        .any(|t| t.to_lowercase() == name.to_lowercase())
    {
        name = format!("{clean} ({n})");
        n += 1;
    }
    name
}
