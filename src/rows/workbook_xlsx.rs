//! An .xlsx sheet's cells into rows: by tally's own reader (`xlsx_sheet`, on several
//! cores) where the workbook's relationships name the sheet's part and the shared
//! strings', by calamine's streaming reader otherwise; both give the same cells
//! (`xlsx_sheet_tests`).

use anyhow::{anyhow, Result};
use calamine::{DataRef, Reader};
use std::io::{BufReader, Read, Seek};
use std::path::Path;

use super::merged::{Merged, Region};
use super::sheet_rows::{Batch, Gather};
use super::workbook_cells::{text_of_ref, NO_CACHED_VALUE};
use super::xlsx_sheet;

/// An .xlsx sheet, streamed cell by cell: a formula saved without its value reads as
/// [`NO_CACHED_VALUE`], a cell formatted as a percentage as its percentage. Where its
/// part and the shared strings' are found by name, the sheet is read on two cores
/// (`xlsx_sheet`); otherwise by calamine's reader.
pub(super) fn read_xlsx<RS: Read + Seek>(
    rs: RS,
    (path, opened): (&Path, Option<calamine::Xlsx<RS>>),
    (sheet, merges): (&str, bool),
    out: &mut Batch,
) -> Result<()> {
    let mut wb = match opened {
        Some(wb) => wb,
        None => calamine::Xlsx::<RS>::new(rs).map_err(|e| anyhow!("{e}"))?,
    };
    // The merged regions follow the cells in the sheet's XML: read first, so that the
    // rows can be filled as they stream; a pass of its own, made only for a sheet whose
    // part has them (nearly every exported roll has none).
    if merges {
        let merged = wb
            .merge_cells_by_sheet_name(sheet)
            .map_err(|e| anyhow!("{e}"))?;
        out.merged = Merged::new(merged.iter().map(Region::from));
    }
    let mut rows = Gather::default();
    if let Some((part, strings)) = parts_of(path, sheet)? {
        let shown = {
            let cells = wb
                .worksheet_cells_reader(sheet)
                .map_err(|e| anyhow!("{e}"))?;
            super::xlsx_styles::shown_of(cells.styles())
        };
        let book = xlsx_sheet::Book {
            shown,
            is_1904: wb.has_1904_epoch(),
            strings,
        };
        // calamine's own copy of the shared strings is not needed any more.
        drop(wb);
        let part = xlsx_sheet::inflated(path, part);
        xlsx_sheet::cells(part, &book, |at, text| rows.cell(at, text, out))?;
        rows.finish(out);
        return Ok(());
    }
    calamine_cells(&mut wb, sheet, |at, text| rows.cell(at, text, out))?;
    rows.finish(out);
    Ok(())
}

/// The sheet's cells with text as calamine's streaming reader gives them, in the order
/// [`xlsx_sheet::cells`] gives them; `cell` returns false to stop.
pub(super) fn calamine_cells<RS: Read + Seek>(
    wb: &mut calamine::Xlsx<RS>,
    sheet: &str,
    mut cell: impl FnMut((u32, u32, bool), String) -> Result<bool>,
) -> Result<()> {
    let percent = super::percent_cells::percent_cells(wb, sheet)?;
    let mut cells = wb
        .worksheet_cells_reader(sheet)
        .map_err(|e| anyhow!("{e}"))?;
    while let Some(cell_read) = cells
        .next_cell_with_formula_metadata()
        .map_err(|e| anyhow!("{e}"))?
    {
        let (r, c) = cell_read.pos;
        let text = match (&cell_read.value, &cell_read.formula) {
            // A formula saved without its value (by a program that writes
            // workbooks without calculating them): nothing to read.
            (DataRef::Empty, Some(_)) => NO_CACHED_VALUE.to_string(),
            // A cell formatted as a percentage, as it shows: 0.75 in `0%` is 75%.
            (DataRef::Float(f), _) if !percent.is_empty() && percent.contains(&(r, c)) => {
                super::percent_cells::percent_text(*f)
            }
            (DataRef::Int(i), _) if !percent.is_empty() && percent.contains(&(r, c)) => {
                super::percent_cells::percent_text(*i as f64)
            }
            (value, _) => text_of_ref(value),
        };
        if text.is_empty() {
            continue;
        }
        let date = match &cell_read.value {
            DataRef::DateTime(dt) => dt.is_datetime(),
            DataRef::DateTimeIso(_) => true,
            _ => false,
        };
        if !cell((r, c, date), text)? {
            return Ok(());
        }
    }
    Ok(())
}

/// The sheet's part and the workbook's shared strings, read, where the workbook's
/// relationships name them.
pub(super) fn parts_of(
    path: &Path,
    sheet: &str,
) -> Result<Option<(String, super::xlsx_strings::Strings)>> {
    let file = BufReader::with_capacity(64 << 10, std::fs::File::open(path)?);
    let Ok(mut z) = zip::ZipArchive::new(file) else {
        return Ok(None);
    };
    let Some(part) = super::workbook_parts::sheet_parts(&mut z)
        .into_iter()
        .find_map(|(part, name)| (name == sheet).then_some(part))
    else {
        return Ok(None);
    };
    let strings = match super::workbook_parts::strings_part(&mut z) {
        Some(p) => match z.by_name(&p) {
            Ok(f) => super::xlsx_strings::read_strings(BufReader::with_capacity(64 << 10, f))
                .map_err(|e| {
                    let why = crate::lang::Text::of_error(&e);
                    anyhow::Error::new(crate::t!(crate::lang::xml::IN_SHARED_STRINGS, &p, why))
                })?,
            Err(_) => return Ok(None),
        },
        None => super::xlsx_strings::Strings::default(),
    };
    Ok(Some((part, strings)))
}
