//! XLSX: the summary first, titled with the period and the province; a sheet per table,
//! named in the report's language; every number a number cell with a number format
//! (thousands, percentages, points), dates as date cells; frozen headers, autofilters,
//! column widths; the tidy machine-named sheet last, for formulas and pivot tables.

mod cells;
mod summary;
mod tidy;

use anyhow::Result;
use rust_xlsxwriter::Workbook;

use super::labels::Lang;
use super::table::{notes, title};
use super::Options;
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
    let mut wb = Workbook::new();
    let mut titles = vec![title(cov, lang)];
    if let Some(place) = &cov.place {
        titles.push(place.clone());
    }
    let (head, rows) = summary(cov, lang);
    sheet(&mut wb, names[0], &titles, &head, &rows, &f)?;
    for (name, list) in [(names[1], &cov.lagging), (names[2], &cov.leading)] {
        let (head, rows) = ranked(list, lang);
        sheet(&mut wb, name, &[], &head, &rows, &f)?;
    }
    let (head, rows) = details(cov, lang);
    sheet(&mut wb, names[3], &[], &head, &rows, &f)?;
    let notes: Vec<Vec<Cell>> = notes(cov, opts)
        .into_iter()
        .map(|n| vec![Cell::Text(n)])
        .collect();
    sheet(
        &mut wb,
        names[4],
        &[],
        &[lang.text("notes").to_string()],
        &notes,
        &f,
    )?;
    tidy(cov, &f, &mut wb)?;
    Ok(wb.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;
    use calamine::{Data, Reader};

    /// The sheets in the reader's language, then the tidy sheet with the CSV's
    /// columns, its numbers as number cells.
    #[test]
    fn sheets_of_number_cells() {
        let opts = fixture::options(super::super::Format::Xlsx, Lang::Vi);
        let bytes = render(&fixture::coverage(), &opts).expect("xlsx");
        let mut wb = calamine::Xlsx::new(std::io::Cursor::new(bytes)).expect("a workbook");
        assert_eq!(wb.sheet_names(), EXPECTED_SHEETS);
        let tidy = wb.worksheet_range("coverage").expect("the tidy sheet");
        assert_eq!(tidy.get_value((0, 0)), Some(&Data::String("period".into())));
        assert_eq!(tidy.get_value((1, 4)), Some(&Data::Float(3.0)));
        // The tidy sheet's percentages are the CSV's numbers: 3.33 for 3.33%.
        assert_eq!(tidy.get_value((1, 9)), Some(&Data::Float(3.33)));
    }

    const EXPECTED_SHEETS: [&str; 6] = [
        "Tổng hợp",
        "Cần đôn đốc",
        "Nhân rộng",
        "Chi tiết",
        "Ghi chú",
        "coverage",
    ];
}
