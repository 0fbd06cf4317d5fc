//! An .xlsx sheet read on three threads: one inflates the sheet's part, one walks its
//! XML (`xlsx_xml`) into cells, and the sheet's own thread turns each cell into the
//! text calamine's reader gives it (`workbook_cells`), so that a workbook reads the
//! same whichever reader read it. calamine's streaming reader parses each tag into a
//! general form first, on one core: a million rows took it about 6 s, the most of a
//! workbook's ingest.
//!
//! calamine still opens the workbook (its sheets, their styles, the 1904 epoch, merged
//! cells); this reader takes only the sheet's cells, and the shared strings, which
//! calamine keeps to itself. Where the parts cannot be found by name it is not used,
//! and calamine reads the sheet as before.

use anyhow::Result;

use crate::lang::xml;
use crate::t;
use calamine::{DataRef, ExcelDateTime, ExcelDateTimeType};
use std::io::{BufReader, Read};
use std::path::Path;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};

use super::percent_cells::percent_text;
use super::workbook_cells::{text_of_ref, NO_CACHED_VALUE};
use super::xlsx_strings::{rich_text, text_until, Strings, TooLong, MAX_CELL};
use super::xlsx_styles::Shown;
use super::xlsx_xml::{
    attr, cell_attrs, cell_ref, number, truncated, unescape_ooxml, Token, Tokens,
};

/// Bytes of a sheet's XML sent at a time from the inflating thread.
const BLOCK: usize = 256 << 10;

/// Cells sent at a time from the walking thread.
const CELLS: usize = 4096;

/// What a sheet's cells need from the rest of the workbook.
pub(super) struct Book {
    /// Each style's way of showing a number, by the cell's `s`.
    pub shown: Vec<Shown>,
    pub is_1904: bool,
    pub strings: Strings,
}

/// The part's bytes as they are inflated on a thread of its own.
pub(super) fn inflated(path: &Path, part: String) -> impl Read {
    let (tx, rx) = sync_channel::<std::io::Result<Vec<u8>>>(4);
    let path = path.to_path_buf();
    std::thread::spawn(move || {
        let run = || -> std::io::Result<()> {
            let file = std::fs::File::open(&path)?;
            let mut z = zip::ZipArchive::new(BufReader::with_capacity(64 << 10, file))
                .map_err(std::io::Error::other)?;
            let mut f = z.by_name(&part).map_err(std::io::Error::other)?;
            loop {
                let mut block = vec![0u8; BLOCK];
                let mut n = 0;
                while n < BLOCK {
                    match f.read(&mut block[n..])? {
                        0 => break,
                        k => n += k,
                    }
                }
                block.truncate(n);
                if n == 0 || tx.send(Ok(block)).is_err() {
                    return Ok(());
                }
            }
        };
        if let Err(e) = run() {
            let _ = tx.send(Err(e));
        }
    });
    Blocks {
        rx,
        block: Vec::new(),
        at: 0,
    }
}

/// Blocks from a channel, as a reader.
struct Blocks {
    rx: Receiver<std::io::Result<Vec<u8>>>,
    block: Vec<u8>,
    at: usize,
}

impl Read for Blocks {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        while self.at == self.block.len() {
            match self.rx.recv() {
                Ok(block) => {
                    self.block = block?;
                    self.at = 0;
                }
                Err(_) => return Ok(0),
            }
        }
        let n = out.len().min(self.block.len() - self.at);
        out[..n].copy_from_slice(&self.block[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

/// A cell's type (its `t`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// No `t`: a number, or text where it does not read as one.
    Plain,
    Number,
    Shared,
    Bool,
    Date,
    Error,
    Formula,
    Inline,
}

impl Kind {
    fn of(t: Option<&[u8]>) -> Result<Kind> {
        Ok(match t.unwrap_or_default() {
            b"" => Kind::Plain,
            b"n" => Kind::Number,
            b"s" => Kind::Shared,
            b"b" => Kind::Bool,
            b"d" => Kind::Date,
            b"e" => Kind::Error,
            b"str" => Kind::Formula,
            b"inlineStr" | b"is" => Kind::Inline,
            t => {
                return Err(anyhow::Error::new(t!(
                    xml::NOT_A_CELL_TYPE,
                    String::from_utf8_lossy(t).as_ref()
                )))
            }
        })
    }
}

/// A cell as the sheet's XML has it; its value's text lies in its batch's buffer.
#[derive(Debug, Clone, Copy)]
struct Raw {
    row: u32,
    col: u32,
    style: Option<u32>,
    kind: Kind,
    formula: bool,
    has_value: bool,
    /// Where the value's text lies in the batch's buffer.
    text: (usize, usize),
}

/// Cells on their way from the walking thread.
#[derive(Default)]
struct Cells {
    cells: Vec<Raw>,
    text: String,
}

/// Walks the sheet's cells in order, each given as (row, column, a date cell) with rows
/// and columns from 0, and its text; a cell with no text is not given. `cell` returns
/// false to stop.
/// The XML is walked on a thread of its own, the cells' text made on this one.
pub(super) fn cells<R: Read + Send + 'static>(
    part: R,
    book: &Book,
    mut cell: impl FnMut((u32, u32, bool), String) -> Result<bool>,
) -> Result<()> {
    let (tx, rx) = sync_channel::<Result<Cells>>(4);
    let walker = std::thread::spawn(move || {
        if let Err(e) = walk(part, &tx) {
            let _ = tx.send(Err(e));
        }
    });
    for batch in rx {
        let batch = batch?;
        for raw in &batch.cells {
            let v = &batch.text[raw.text.0..raw.text.1];
            let text = text_of(raw, v, book)?;
            if !text.is_empty() && !cell((raw.row, raw.col, is_date(raw, v, book)), text)? {
                return Ok(());
            }
        }
    }
    // The cells stopped coming: the sheet's end, or a walker that failed without a
    // word (a panic), whose sheet would otherwise read as cut short without an error.
    walker
        .join()
        .map_err(|_| anyhow::Error::new(t!(xml::NOT_TO_ITS_END)))
}

/// Sends the sheet's cells in batches; stops when nobody listens.
fn walk<R: Read>(part: R, tx: &SyncSender<Result<Cells>>) -> Result<()> {
    let mut xml = Tokens::new(part);
    let (mut row, mut col) = (0u32, 0u32);
    let mut inside = false;
    let mut out = Cells::default();
    let send = |out: &mut Cells| tx.send(Ok(std::mem::take(out))).is_ok();
    let mut ended = false;
    while let Some(t) = xml.next()? {
        match t {
            Token::Start {
                local: b"sheetData",
                empty,
                ..
            } if !inside => {
                if empty {
                    ended = true;
                    break;
                }
                inside = true;
            }
            _ if !inside => {}
            Token::End {
                local: b"sheetData",
            } => {
                ended = true;
                break;
            }
            Token::Start {
                local: b"row",
                attrs,
                empty,
            } => {
                if let Some(r) = attr(attrs, b"r") {
                    row = number(r).and_then(|r| r.checked_sub(1)).ok_or_else(|| {
                        anyhow::Error::new(t!(
                            xml::NOT_A_ROW_NUMBER,
                            String::from_utf8_lossy(r).as_ref()
                        ))
                    })?;
                }
                if empty {
                    (row, col) = (row.saturating_add(1), 0);
                }
            }
            Token::End { local: b"row" } => (row, col) = (row.saturating_add(1), 0),
            Token::Start {
                local: b"c",
                attrs,
                empty,
            } => {
                let mut raw = cell_head(attrs, (row, col), out.text.len())?;
                col = raw.col.saturating_add(1);
                if !empty {
                    cell_body(&mut xml, &mut raw, &mut out.text)?;
                }
                out.cells.push(raw);
                if out.cells.len() >= CELLS && !send(&mut out) {
                    return Ok(());
                }
            }
            _ => {}
        }
    }
    if !out.cells.is_empty() && !send(&mut out) {
        return Ok(());
    }
    if !ended {
        return Err(anyhow::Error::new(t!(xml::ENDS_BEFORE_ROWS)));
    }
    Ok(())
}

/// A cell as its tag says: where it lies (a cell without a reference at `at`, the row
/// being read and the column after the last cell), its style and type; its value's text
/// will start at `text`.
fn cell_head(attrs: &[u8], at: (u32, u32), text: usize) -> Result<Raw> {
    let [r, s, t] = cell_attrs(attrs);
    let (row, col) = match r {
        Some(r) => cell_ref(r)?,
        None => at,
    };
    Ok(Raw {
        row,
        col,
        style: s.map(|s| number(s).unwrap_or(0)),
        kind: Kind::of(t)?,
        formula: false,
        has_value: false,
        text: (text, text),
    })
}

/// A cell's children: its formula (only whether there is one), its value, whose text is
/// appended to `text`.
fn cell_body<R: Read>(xml: &mut Tokens<R>, raw: &mut Raw, text: &mut String) -> Result<()> {
    let start = raw.text.0;
    // Many runs of text may make one cell: their sum is held to a cell's size as it
    // grows (a cell holds 32,767 characters in Excel).
    let limit = start + MAX_CELL;
    let (row, col) = (u64::from(raw.row) + 1, u64::from(raw.col) + 1);
    let placed = |e: anyhow::Error| match e.downcast::<TooLong>() {
        Ok(_) => anyhow::Error::new(t!(xml::CELL_TOO_LONG, row, col, MAX_CELL >> 20)),
        Err(e) => e,
    };
    loop {
        match xml.next()?.ok_or_else(|| truncated(&xml::IN_CELL))? {
            Token::End { local: b"c" } => {
                raw.text.1 = text.len();
                return Ok(());
            }
            Token::Start {
                local: b"f", empty, ..
            } => {
                raw.formula = true;
                if !empty {
                    skip_to_end(xml, b"f")?;
                }
            }
            Token::Start {
                local: b"is",
                empty,
                ..
            } => {
                text.truncate(start);
                raw.has_value = true;
                if !empty {
                    rich_text(xml, b"is", text, limit).map_err(placed)?;
                }
            }
            Token::Start {
                local: b"v", empty, ..
            } => {
                text.truncate(start);
                // An inline string's `<v>` repeats it: its `<is>` is read.
                if raw.kind == Kind::Inline {
                    raw.has_value = false;
                    if !empty {
                        skip_to_end(xml, b"v")?;
                    }
                    continue;
                }
                raw.has_value = !empty;
                if !empty {
                    // calamine reads these from the `<v>`'s text alone.
                    let plain = matches!(
                        raw.kind,
                        Kind::Plain | Kind::Number | Kind::Shared | Kind::Bool | Kind::Error
                    );
                    text_until(xml, b"v", text, !plain, limit).map_err(placed)?;
                }
            }
            Token::Start { local, .. } => {
                return Err(anyhow::Error::new(t!(
                    xml::NOT_A_VALUE,
                    String::from_utf8_lossy(local).as_ref()
                )))
            }
            _ => {}
        }
    }
}

fn skip_to_end<R: Read>(xml: &mut Tokens<R>, end: &[u8]) -> Result<()> {
    let mut depth = 0u32;
    loop {
        match xml.next()?.ok_or_else(|| truncated(&xml::IN_CELL))? {
            Token::Start {
                local,
                empty: false,
                ..
            } if local == end => depth += 1,
            Token::End { local } if local == end => {
                if depth == 0 {
                    return Ok(());
                }
                depth -= 1;
            }
            _ => {}
        }
    }
}

/// A cell's text, as `workbook_cells::text_of_ref` gives calamine's value of it.
fn text_of(c: &Raw, v: &str, book: &Book) -> Result<String> {
    if c.kind == Kind::Inline && c.has_value {
        return Ok(v.to_string());
    }
    if !c.has_value || (v.is_empty() && !matches!(c.kind, Kind::Formula | Kind::Date)) {
        return Ok(if c.formula {
            NO_CACHED_VALUE.to_string()
        } else {
            String::new()
        });
    }
    Ok(match c.kind {
        Kind::Shared => {
            // An index that is no number names no string: refused, not read as the first.
            number(v.as_bytes())
                .and_then(|i| book.strings.get(i as usize))
                .ok_or_else(|| anyhow::Error::new(t!(xml::NO_SUCH_SHARED_STRING, v)))?
                .to_string()
        }
        Kind::Bool => text_of_ref(&match v.trim() {
            "0" => DataRef::Bool(false),
            "1" => DataRef::Bool(true),
            t if t.eq_ignore_ascii_case("false") => DataRef::Bool(false),
            t if t.eq_ignore_ascii_case("true") => DataRef::Bool(true),
            _ => return Err(anyhow::Error::new(t!(xml::NOT_TRUE_FALSE, v))),
        }),
        Kind::Date => text_of_ref(&DataRef::DateTimeIso(v.to_string())),
        Kind::Error => v
            .parse::<calamine::CellErrorType>()
            .map_err(|_| anyhow::Error::new(t!(xml::NOT_AN_ERROR, v)))?
            .to_string(),
        Kind::Formula => {
            let mut s = v.to_string();
            unescape_ooxml(&mut s);
            s
        }
        Kind::Number | Kind::Plain => match v.parse::<f64>() {
            Ok(n) => number_text(n, c.style, book),
            Err(_) if c.kind == Kind::Plain => v.to_string(),
            Err(_) => return Err(anyhow::Error::new(t!(xml::NOT_A_NUMBER, v))),
        },
        // An inline string without its `<is>`: nothing to read.
        Kind::Inline => String::new(),
    })
}

/// Whether a cell is a date: of the date type, or a number its style shows as a date.
fn is_date(c: &Raw, v: &str, book: &Book) -> bool {
    let shown = |s: u32| book.shown.get(s as usize).copied();
    match c.kind {
        Kind::Date => c.has_value,
        Kind::Number | Kind::Plain => {
            c.style.and_then(shown) == Some(Shown::Date) && v.parse::<f64>().is_ok()
        }
        _ => false,
    }
}

/// A number as its style shows it.
fn number_text(n: f64, style: Option<u32>, book: &Book) -> String {
    let shown = match style {
        None => Shown::Number,
        Some(s) => book.shown.get(s as usize).copied().unwrap_or(Shown::Number),
    };
    let is_1904 = book.is_1904;
    match shown {
        Shown::Date => text_of_ref(&DataRef::DateTime(ExcelDateTime::new(
            n,
            ExcelDateTimeType::DateTime,
            is_1904,
        ))),
        Shown::Duration => text_of_ref(&DataRef::DateTime(ExcelDateTime::new(
            n,
            ExcelDateTimeType::TimeDelta,
            is_1904,
        ))),
        // A percent style counts only from the second style on, as calamine's styles
        // reader gives them.
        Shown::Percent if style.is_some_and(|s| s > 0) => percent_text(n),
        _ => text_of_ref(&DataRef::Float(n)),
    }
}

#[cfg(test)]
#[path = "xlsx_sheet_tests.rs"]
mod tests;
