//! Hostile and damaged workbooks, told apart before and while calamine reads them: a
//! ZIP bomb by its declared sizes, an .xls whose cells span more than a roll needs, and
//! a panic inside calamine turned into the error it should have been.

use anyhow::{anyhow, Result};
use std::io::Cursor;

use crate::error::Failure;

/// Runs a calamine reader, turning a panic on damaged data (seen in its OLE reader on a
/// truncated .xls, found by fuzzing) into the error it should have been: a sheet must
/// never end early without a word, and a damaged file is not a crash.
pub(super) fn guarded<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    static QUIET_HOOK: std::sync::Once = std::sync::Once::new();
    QUIET_HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // calamine's own panics are reported as the damaged file they are.
            let in_reader = info
                .location()
                .is_some_and(|l| l.file().contains("calamine"));
            if !in_reader {
                default(info);
            }
        }));
    });
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(p) => {
            let why = p
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| p.downcast_ref::<&str>().copied())
                .unwrap_or("unreadable data");
            Err(anyhow!("the workbook's data is damaged: {why}"))
        }
    }
}

/// What a workbook may inflate to: in all, and for one part, beyond which (at a ratio
/// no spreadsheet reaches) it is refused as a ZIP bomb before anything is inflated.
const MAX_INFLATED: u64 = 4 << 30;
const PART_LARGE: u64 = 256 << 20;
const MAX_RATIO: u64 = 200;

/// Refuses a ZIP whose parts declare more than tally would hold in memory, or one
/// large part compressed beyond what text compresses to. These are the sizes the
/// directory declares: a directory that lies about them is not caught here. A ZIP that
/// cannot be read at all is left to calamine, which says why.
pub(super) fn check_inflation(bytes: &[u8], name: &str) -> Result<()> {
    let Ok(mut z) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut total = 0u64;
    for i in 0..z.len() {
        let Ok(f) = z.by_index_raw(i) else { continue };
        let (size, packed) = (f.size(), f.compressed_size().max(1));
        total = total.saturating_add(size);
        if total > MAX_INFLATED || (size > PART_LARGE && size / packed > MAX_RATIO) {
            return Err(Failure::invalid(format!(
                "{name}: the workbook would inflate to more than a spreadsheet holds ({} in {}, {size} bytes from {packed}): refused as a ZIP bomb",
                f.name().map(|n| n.into_owned()).unwrap_or_default(),
                name
            ))
            .hint("if the workbook is genuine, save it again from Excel or LibreOffice, or export the sheet as CSV (UTF-8)")
            .into());
        }
    }
    Ok(())
}

/// Refuses an .xls whose sheets span more cells than tally holds (see `xls_extent`).
pub(super) fn check_extent(bytes: &[u8], name: &str) -> Result<()> {
    let measured = guarded(|| Ok(super::xls_extent::extent(bytes)))?;
    let (cells, (row, col)) = match measured {
        Ok(Some(m)) => m,
        Ok(None) => return Ok(()),
        Err(why) => {
            return Err(Failure::invalid(format!(
                "{name}: cannot read the workbook (its OLE container is damaged: {why})"
            ))
            .hint("save it again from Excel or LibreOffice (as .xlsx if you can), or export the sheet as CSV (UTF-8)")
            .into())
        }
    };
    if cells > super::xls_extent::MAX_CELLS {
        return Err(Failure::invalid(format!(
            "{name}: the workbook's sheets span {cells} cells (their cells reach row {} and column {}), more than tally reads from an .xls ({}): the file may be damaged",
            u32::from(row) + 1,
            u32::from(col) + 1,
            super::xls_extent::MAX_CELLS
        ))
        .hint("open it in Excel or LibreOffice and save it as .xlsx (which tally reads row by row), or export the sheet as CSV (UTF-8)")
        .into());
    }
    Ok(())
}
