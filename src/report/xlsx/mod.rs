//! XLSX: the summary first, titled with the period and the province; a sheet per table,
//! named in the report's language; every number a number cell with a number format
//! (thousands, percentages, points), dates as date cells; frozen headers, autofilters,
//! column widths; the tidy machine-named sheet last, for formulas and pivot tables.

mod cells;
mod lists;
pub mod series;
mod summary;
mod tidy;
mod units;

use anyhow::Result;

use super::labels::Lang;
use super::table::{notes, title};
use super::Options;
use crate::lang::workbook::SHEET_TIDY as TIDY;
use crate::metrics::Coverage;
use cells::{sheet, Cell, Formats};
use summary::{details, ranked, summary};
use tidy::tidy;

fn sheet_names(lang: Lang) -> [&'static str; 5] {
    use crate::lang::report::*;
    [
        &SHEET_SUMMARY,
        &SHEET_URGE,
        &SHEET_REPLICATE,
        &SHEET_DETAILS,
        &SHEET_NOTES,
    ]
    .map(|m| m.text(lang))
}

pub fn render(cov: &Coverage, opts: &Options) -> Result<Vec<u8>> {
    let lang = opts.lang;
    let f = Formats::new();
    let names = sheet_names(lang);
    let mut titles = vec![title(cov, lang)];
    let mut wb = cells::workbook(cov.rows.first().map(|r| r.period.end), &titles[0])?;
    if let Some(place) = &cov.place {
        titles.push(place.clone());
    }
    let page = page_header(&lang.period(&super::period_label(cov)), cov, lang);
    let (head, rows) = summary(cov, lang);
    sheet(&mut wb, names[0], &titles, &head, &rows, &f, &page)?;
    for (name, list) in [(names[1], &cov.lagging), (names[2], &cov.leading)] {
        let (head, rows) = ranked(list, lang);
        sheet(&mut wb, name, &[], &head, &rows, &f, &page)?;
    }
    let (head, rows) = details(cov, lang);
    sheet(&mut wb, names[3], &[], &head, &rows, &f, &page)?;
    let notes: Vec<Vec<Cell>> = notes(cov, opts)
        .into_iter()
        .map(|n| vec![Cell::Text(n)])
        .collect();
    let head = [lang.text("notes").to_string()];
    sheet(&mut wb, names[4], &[], &head, &notes, &f, &page)?;
    if let Some(units) = &cov.units {
        units::write_units_sheet(&mut wb, units, lang, &page)?;
    }
    lists::write_list_sheets(&mut wb, cov, lang, &page)?;
    let (head, rows) = tidy(cov, lang, opts.suppressed.is_some());
    sheet(&mut wb, TIDY.text(lang), &[], &head, &rows, &f, &page)?;
    Ok(wb.save_to_buffer()?)
}

/// What a printed page's header says: the period (or periods) and the province.
fn page_header(period: &str, cov: &Coverage, lang: Lang) -> String {
    let title = format!("{} — {period}", lang.text("title"));
    match &cov.place {
        Some(place) => format!("{title} — {place}"),
        None => title,
    }
}

#[cfg(test)]
mod tests;
