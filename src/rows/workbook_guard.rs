//! Hostile and damaged workbooks, told apart before and while calamine reads them: a
//! ZIP bomb by its declared sizes, an .xls whose cells span more than a roll needs, and
//! a panic inside calamine turned into the error it should have been.

use anyhow::Result;

use super::workbook_parts::Expansion;
use crate::error::Failure;
use crate::t;

/// Runs a calamine reader, turning a panic on damaged data (seen in its OLE reader on a
/// truncated .xls, found by fuzzing) into the error it should have been: a sheet must
/// never end early without a word, and a damaged file is not a crash.
pub(super) fn guarded<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    static PANIC_HOOK: std::sync::Once = std::sync::Once::new();
    PANIC_HOOK.call_once(|| {
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
            Err(anyhow::Error::new(t!(
                crate::lang::sources::WORKBOOK_DATA_DAMAGED,
                why
            )))
        }
    }
}

/// What a workbook may inflate to: in all, and for one part, beyond which (at a ratio
/// no spreadsheet reaches) it is refused as a ZIP bomb before anything is inflated.
const MAX_INFLATED: u64 = 4 << 30;
const PART_LARGE: u64 = 256 << 20;
const MAX_RATIO: u64 = 200;

/// The shared strings and the styles of an .xlsx, which calamine parses whole (once for
/// each sheet read) when it opens the workbook: their size inflated, and how many
/// strings and style elements they hold. A 1,048,575-row roll with a distinct name on
/// every row has 1M strings in 40 MB.
const MAX_STRINGS_BYTES: u64 = 128 << 20;
const MAX_STRINGS: u64 = 4_000_000;
const MAX_STYLES_BYTES: u64 = 16 << 20;
const MAX_STYLES: u64 = 500_000;

/// Refuses a ZIP whose parts declare more than tally would hold in memory, or one
/// large part compressed beyond what text compresses to. These are the sizes the
/// directory declares, and the zip reader holds every part to its declared size. A ZIP
/// that cannot be read at all is left to calamine, which says why.
pub(super) fn check_inflation<R: std::io::Read + std::io::Seek>(
    reader: R,
    name: &str,
) -> Result<()> {
    let Ok(mut z) = zip::ZipArchive::new(reader) else {
        return Ok(());
    };
    let mut total = 0u64;
    for i in 0..z.len() {
        let Ok(f) = z.by_index_raw(i) else { continue };
        let (size, packed) = (f.size(), f.compressed_size().max(1));
        let part = f.name().map(|n| n.into_owned()).unwrap_or_default();
        let file = part.rsplit('/').next().unwrap_or("").to_ascii_lowercase();
        if file == "sharedstrings.xml" && size > MAX_STRINGS_BYTES {
            return Err(too_much(
                name,
                t!(
                    crate::lang::sources::STRINGS_INFLATE,
                    part,
                    size,
                    MAX_STRINGS_BYTES
                ),
            ));
        }
        if file == "styles.xml" && size > MAX_STYLES_BYTES {
            return Err(too_much(
                name,
                t!(
                    crate::lang::sources::STYLES_INFLATE,
                    part,
                    size,
                    MAX_STYLES_BYTES
                ),
            ));
        }
        total = total.saturating_add(size);
        if total > MAX_INFLATED || (size > PART_LARGE && size / packed > MAX_RATIO) {
            return Err(Failure::invalid(t!(
                crate::lang::sources::ZIP_BOMB,
                name,
                f.name().map(|n| n.into_owned()).unwrap_or_default(),
                name,
                size,
                packed
            ))
            .hint(t!(crate::lang::sources::IF_WORKBOOK_GENUINE_SAVE))
            .into());
        }
    }
    Ok(())
}

/// Refuses shared strings or styles that hold more than tally holds in memory, counted
/// as they were inflated, for each of the `sheets` read (calamine parses them for
/// each).
pub(super) fn check_expansion(exp: &Expansion, sheets: usize, name: &str) -> Result<()> {
    let strings = exp.strings.max(exp.declared_strings);
    if strings > MAX_STRINGS {
        return Err(too_much(
            name,
            t!(crate::lang::sources::STRINGS_TOO_MANY, strings, MAX_STRINGS),
        ));
    }
    if exp.styles > MAX_STYLES {
        return Err(too_much(
            name,
            t!(
                crate::lang::sources::STYLES_TOO_MANY,
                exp.styles,
                MAX_STYLES
            ),
        ));
    }
    let each = exp.strings_bytes + STRING_BYTES * strings + STYLE_BYTES * exp.styles;
    let all = each.saturating_mul(sheets as u64);
    if all > MEMORY {
        return Err(too_much(
            name,
            t!(
                crate::lang::sources::SHEETS_MEMORY,
                sheets,
                strings,
                all >> 20,
                MEMORY >> 20
            ),
        ));
    }
    Ok(())
}

/// What calamine holds for one parsed string beyond its text (the string's header and
/// allocation), and for one style element; and what all the sheets read may hold.
const STRING_BYTES: u64 = 48;
const STYLE_BYTES: u64 = 256;
const MEMORY: u64 = 256 << 20;

fn too_much(name: &str, what: crate::lang::Text) -> anyhow::Error {
    Failure::invalid(t!(crate::lang::sources::WORKBOOK_TOO_LARGE, name, what))
        .hint(t!(crate::lang::sources::EXPORT_EACH_SHEET_CSV))
        .into()
}

/// Refuses an .xls whose sheets span more cells than tally holds (see `xls_extent`).
pub(super) fn check_extent(bytes: &[u8], name: &str) -> Result<()> {
    let measured = guarded(|| Ok(super::xls_extent::extent(bytes)))?;
    let (cells, (row, col)) = match measured {
        Ok(Some(m)) => m,
        Ok(None) => return Ok(()),
        Err(why) => {
            return Err(Failure::invalid(t!(
                crate::lang::sources::OLE_DAMAGED,
                name,
                why.to_string()
            ))
            .hint(t!(crate::lang::sources::SAVE_AGAIN_EXCEL_LIBREOFFICE))
            .into())
        }
    };
    if cells > super::xls_extent::MAX_CELLS {
        return Err(Failure::invalid(t!(
            crate::lang::sources::XLS_TOO_MANY_CELLS,
            name,
            cells,
            u32::from(row) + 1,
            u32::from(col) + 1,
            super::xls_extent::MAX_CELLS
        ))
        .hint(t!(crate::lang::sources::OPEN_EXCEL_LIBREOFFICE_SAVE))
        .into());
    }
    Ok(())
}
