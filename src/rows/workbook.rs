//! Spreadsheet workbooks (.xlsx, .xlsm, .xls, .xlsb, .ods) as a source of rows beside
//! CSV: each sheet yields rows of text cells, numbered as the spreadsheet numbers them,
//! to the same header search and the same row checks.
//!
//! Cells are read as the user sees them (`workbook_cells`; an .xlsx percent cell as its
//! percentage, `percent_cells`). calamine reads all five formats, in pure Rust; an
//! .xlsx sheet is streamed cell by cell, the others are read whole (their formats hold
//! at most 65,536 rows, or have no streaming reader).

use super::date_cells::Mode as DateMode;
use anyhow::{anyhow, Result};
use calamine::{Reader, SheetVisible};
use std::collections::HashSet;
use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::{Arc, Mutex};

use super::decode::Encoding;
use super::legacy_cells::SheetText;
use super::merged::{Merged, Region};
use super::sheet_rows::Batch;
use super::workbook_cells::text_of;
pub use super::workbook_cells::{cell_trouble, NO_CACHED_VALUE};
use super::workbook_guard::{check_expansion, check_extent, check_inflation, guarded};
use super::workbook_parts::{check_parts, Expansion, Half, Parts};
use super::workbook_xlsx::read_xlsx;
use crate::error::Explain;
use crate::error::Failure;
use crate::{lang, t};

/// A workbook as its readers read it: from the file, each sheet's reader with its own
/// handle (the bytes are never held whole: a workbook's memory is what calamine parses).
pub(super) type Bytes = BufReader<std::fs::File>;

/// Which reader a workbook needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Book {
    Xlsx,
    Xls,
    Xlsb,
    Ods,
}

/// What the first bytes of a file say: a ZIP (xlsx, xlsm, xlsb, ods) or an OLE compound
/// file (xls, or an encrypted xlsx) is a workbook, whatever its name.
pub fn sniff(head: &[u8]) -> Option<Signature> {
    // A ZIP's first part, or the end of an archive with no part (an empty workbook
    // file: a ZIP, not text).
    if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
        Some(Signature::Zip)
    } else if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Some(Signature::Ole)
    } else {
        None
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signature {
    Zip,
    Ole,
}

/// A sheet of a workbook, in the workbook's order.
#[derive(Debug, Clone)]
pub struct SheetInfo {
    pub name: String,
    pub visible: bool,
}

/// An opened workbook: its file, its reader and its sheets.
pub struct Workbook {
    path: PathBuf,
    /// Its size when opened; a sheet's reader finding another refuses to read it.
    len: u64,
    /// What its shared strings and styles expand to (ZIP workbooks).
    expansion: Expansion,
    /// The sheets with merged cells, where the parts told (`None`: every sheet may).
    merged: Option<HashSet<String>>,
    pub book: Book,
    pub sheets: Vec<SheetInfo>,
    /// The .xlsx reader that listed the sheets, for the first sheet read: opening one
    /// parses the shared strings, a third of the time of a large workbook.
    opened: std::sync::Mutex<Option<calamine::Xlsx<Bytes>>>,
}

/// The largest workbook read.
const MAX_BYTES: u64 = 1 << 30;

impl Workbook {
    pub fn open(path: &Path, name: &str, sig: Signature) -> Result<Workbook> {
        let len = std::fs::metadata(path)
            .explain(|| t!(lang::files::CANNOT_READ, name))?
            .len();
        if len > MAX_BYTES {
            return Err(Failure::invalid(format!(
                "{name}: the workbook is {len} bytes, more than tally reads (1 GiB)"
            ))
            .hint("split the workbook, or save each sheet as CSV (UTF-8)")
            .into());
        }
        let open = || reader(path, len).explain(|| t!(lang::files::CANNOT_READ, name));
        if sig == Signature::Ole {
            let bytes = std::fs::read(path).explain(|| t!(lang::files::CANNOT_READ, name))?;
            check_extent(&bytes, name)?;
        }
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        // The sheets' parts are inflated and checked on a thread of its own while
        // calamine lists the sheets (it parses the shared strings and styles, whose size
        // is checked first). The thread is scoped: a refusal on the way waits for it
        // rather than leaving it running.
        let (parts, listed, first_error) = std::thread::scope(|scope| -> Result<_> {
            let mut parts = Parts::default();
            let mut sheets_checked = None;
            if sig == Signature::Zip {
                check_inflation(open()?, name)?;
                let rs = open()?;
                sheets_checked = Some(scope.spawn(move || check_parts(rs, name, Half::Sheets)));
                parts = check_parts(open()?, name, Half::Others)?;
                check_expansion(&parts.expansion, 1, name)?;
            }
            let (listed, first_error) = list_sheets(open, sig, &ext);
            // A damaged sheet is told before anything calamine says.
            if let Some(checked) = sheets_checked {
                let checked = checked
                    .join()
                    .map_err(|_| anyhow!("{name}: the workbook's parts could not be checked"))??;
                parts.merged = checked.merged;
            }
            Ok((parts, listed, first_error))
        })?;
        if let Some((book, (sheets, opened))) = listed {
            return Ok(Workbook {
                path: path.to_path_buf(),
                len,
                expansion: parts.expansion,
                merged: parts.merged,
                book,
                sheets,
                opened: std::sync::Mutex::new(opened),
            });
        }
        Err(unreadable(name, sig, &ext, first_error))
    }

    /// Refuses to read `sheets` sheets of the workbook at once when what calamine holds
    /// for each (its parse of the shared strings and styles; an .xls whole) would take
    /// more memory than tally gives a workbook.
    pub fn check_memory(&self, sheets: usize, name: &str) -> Result<()> {
        match self.book {
            Book::Xls => check_expansion(
                &Expansion {
                    strings_bytes: self.len,
                    ..Expansion::default()
                },
                sheets,
                name,
            ),
            _ => check_expansion(&self.expansion, sheets, name),
        }
    }

    /// Starts reading one sheet on a thread of its own; its rows come in batches, each
    /// cell read as [`SheetText`] decides (`encoding`: `--encoding`), its date cells as
    /// [`DateCells`](super::date_cells) does (`dates`: `--date-cells`).
    pub fn stream(
        &self,
        sheet: &str,
        (encoding, dates): (Option<Encoding>, DateMode),
    ) -> SheetRows {
        let (tx, rx) = sync_channel(4);
        let (path, len) = (self.path.clone(), self.len);
        let book = self.book;
        let sheet = sheet.to_string();
        let opened = self.opened.lock().ok().and_then(|mut o| o.take());
        let merges = self.merged.as_ref().is_none_or(|m| m.contains(&sheet));
        let said = Arc::new(Mutex::new(Vec::new()));
        let told = said.clone();
        std::thread::spawn(move || {
            let mut out = Batch::new(&tx, SheetText::new(encoding), dates);
            let read = |out: &mut Batch| {
                let rs = reader(&path, len)?;
                read_sheet(rs, (&path, len), book, opened, (&sheet, merges), out)?;
                out.dates.verdict()
            };
            match guarded(|| read(&mut out)) {
                Ok(()) => {
                    out.flush();
                    if let Ok(mut t) = told.lock() {
                        t.extend(out.merged.sentence());
                        t.extend(out.text.sentences());
                        t.extend(out.dates.sentence());
                    }
                }
                Err(e) => {
                    let said = match e.downcast_ref::<crate::error::Failure>() {
                        Some(f) => (f.what.clone(), f.hint.clone()),
                        None => (crate::lang::Text::of_error(&e), None),
                    };
                    let _ = tx.send(Err(said));
                }
            }
        });
        SheetRows { rows: rx, said }
    }
}

/// Why no reader could open the workbook: a password, or damage (calamine's words).
/// The first reader of those the signature and extension allow that lists the
/// workbook's sheets; otherwise the first reader's error.
fn list_sheets(
    open: impl Fn() -> Result<Bytes>,
    sig: Signature,
    ext: &str,
) -> (Option<(Book, Listed)>, Option<anyhow::Error>) {
    let tries: &[Book] = match (sig, ext) {
        (Signature::Ole, _) => &[Book::Xls],
        (Signature::Zip, "ods") => &[Book::Ods, Book::Xlsx, Book::Xlsb],
        (Signature::Zip, "xlsb") => &[Book::Xlsb, Book::Xlsx, Book::Ods],
        (Signature::Zip, _) => &[Book::Xlsx, Book::Ods, Book::Xlsb],
    };
    let mut first_error = None;
    for &book in tries {
        match guarded(|| sheets_of(open()?, book)) {
            Ok(found) => return (Some((book, found)), first_error),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    (None, first_error)
}

fn unreadable(
    name: &str,
    sig: Signature,
    ext: &str,
    first: Option<anyhow::Error>,
) -> anyhow::Error {
    use crate::lang::sources as msg;
    let why = first.map(|e| e.to_string()).unwrap_or_default();
    let (what, hint) = if sig == Signature::Ole && matches!(ext, "xlsx" | "xlsm") {
        (
            t!(msg::WORKBOOK_ENCRYPTED, name),
            t!(msg::OPEN_EXCEL_REMOVE_PASSWORD),
        )
    } else if sig == Signature::Ole && why.to_lowercase().contains("password") {
        (
            t!(msg::WORKBOOK_PASSWORD, name),
            t!(msg::OPEN_EXCEL_REMOVE_PASSWORD_SHORT),
        )
    } else {
        (
            t!(msg::WORKBOOK_UNREADABLE, name, readers_words(&why)),
            t!(msg::FILE_MAY_DAMAGED_TRUNCATED),
        )
    };
    Failure::invalid(what).hint(hint).into()
}

/// What the workbook readers said, in the reader's language where it is one of the
/// things a damaged workbook makes them say (a part missing, its XML cut short);
/// otherwise as they said it.
fn readers_words(why: &str) -> crate::lang::Text {
    use crate::lang::sources as msg;
    let between = |start: &str, end: &str| why.strip_prefix(start)?.strip_suffix(end);
    if let Some(part) = between("File not found '", "'") {
        t!(msg::PART_MISSING, part)
    } else if let Some(tag) = between("Unexpected end of xml, expecting '</", ">'") {
        match tag {
            "" => t!(msg::XML_CUT),
            tag => t!(msg::XML_CUT_EXPECTING, tag),
        }
    } else if why.starts_with("Zip error:") {
        t!(msg::ZIP_DAMAGED)
    } else {
        t!(msg::READER_SAYS, why)
    }
}

/// A sheet's rows as they are read, and what reading them did that the summary says
/// (once the rows are all read).
pub struct SheetRows {
    pub rows: Receiver<super::sheet_rows::Sent>,
    pub said: Arc<Mutex<Vec<crate::lang::Text>>>,
}

/// A reader of the workbook's file, which must still have the size it had when opened.
fn reader(path: &Path, len: u64) -> Result<Bytes> {
    let file = std::fs::File::open(path)?;
    let now = file.metadata()?.len();
    if now != len {
        return Err(anyhow::Error::new(t!(
            crate::lang::sources::FILE_CHANGED,
            len,
            now
        )));
    }
    Ok(BufReader::with_capacity(64 << 10, file))
}

/// The workbook's worksheets, and for an .xlsx the reader that listed them.
type Listed = (Vec<SheetInfo>, Option<calamine::Xlsx<Bytes>>);

fn sheets_of(rs: Bytes, book: Book) -> Result<Listed> {
    let mut opened = None;
    let meta: Vec<calamine::Sheet> = match book {
        Book::Xlsx => {
            let wb = calamine::Xlsx::<Bytes>::new(rs).map_err(|e| anyhow!("{e}"))?;
            let meta = wb.sheets_metadata().to_vec();
            opened = Some(wb);
            meta
        }
        Book::Xls => calamine::Xls::<Bytes>::new(rs)
            .map_err(|e| anyhow!("{e}"))?
            .sheets_metadata()
            .to_vec(),
        Book::Xlsb => calamine::Xlsb::<Bytes>::new(rs)
            .map_err(|e| anyhow!("{e}"))?
            .sheets_metadata()
            .to_vec(),
        Book::Ods => calamine::Ods::<Bytes>::new(rs)
            .map_err(|e| anyhow!("{e}"))?
            .sheets_metadata()
            .to_vec(),
    };
    let sheets = meta
        .into_iter()
        .filter(|s| s.typ == calamine::SheetType::WorkSheet)
        .map(|s| SheetInfo {
            visible: s.visible == SheetVisible::Visible,
            name: s.name,
        })
        .collect();
    Ok((sheets, opened))
}

/// Sends the sheet's rows, blank rows left out, each numbered as the spreadsheet
/// numbers it (1 for the first row); `merges`: whether the sheet may have merged cells.
fn read_sheet(
    rs: Bytes,
    (path, len): (&Path, u64),
    book: Book,
    opened: Option<calamine::Xlsx<Bytes>>,
    (sheet, merges): (&str, bool),
    out: &mut Batch,
) -> Result<()> {
    match book {
        Book::Xlsx => read_xlsx(rs, (path, opened), (sheet, merges), out)?,
        Book::Xls | Book::Xlsb | Book::Ods => {
            let range = match book {
                Book::Xls => {
                    let mut wb = calamine::Xls::<Bytes>::new(rs).map_err(|e| anyhow!("{e}"))?;
                    let merged = wb
                        .merge_cells_by_sheet_name(sheet)
                        .map_err(|e| anyhow!("{e}"))?;
                    out.merged = Merged::new(merged.iter().map(Region::from));
                    wb.worksheet_range(sheet).map_err(|e| anyhow!("{e}"))?
                }
                Book::Xlsb => calamine::Xlsb::<Bytes>::new(rs)
                    .map_err(|e| anyhow!("{e}"))?
                    .worksheet_range(sheet)
                    .map_err(|e| anyhow!("{e}"))?,
                _ => {
                    let merged = super::merged::ods_regions(reader(path, len)?, sheet)
                        .map_err(|e| anyhow!("{e}"))?;
                    out.merged = Merged::new(merged);
                    calamine::Ods::<Bytes>::new(rs)
                        .map_err(|e| anyhow!("{e}"))?
                        .worksheet_range(sheet)
                        .map_err(|e| anyhow!("{e}"))?
                }
            };
            let (top, left) = range.start().unwrap_or((0, 0));
            let mut row: Vec<String> = Vec::new();
            for (i, cells) in range.rows().enumerate() {
                row.clear();
                row.resize(left as usize, String::new());
                let r = top + i as u32;
                for (j, d) in cells.iter().enumerate() {
                    let mut text = text_of(d);
                    let date = match d {
                        calamine::Data::DateTime(dt) => dt.is_datetime(),
                        calamine::Data::DateTimeIso(_) => true,
                        _ => false,
                    };
                    out.dates.cell(r, left + j as u32, date, &mut text)?;
                    row.push(text);
                }
                if !out.push(r, &mut row) {
                    return Ok(());
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_say_workbook_whatever_the_name() {
        assert_eq!(sniff(b"PK\x03\x04rest"), Some(Signature::Zip));
        assert_eq!(
            sniff(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]),
            Some(Signature::Ole)
        );
        assert_eq!(sniff(b"code,name\n"), None);
    }
}
