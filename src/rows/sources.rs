//! Which source a file is: a workbook (by its first bytes, whatever its name) gives one
//! table per sheet that has a header; anything else is text (CSV).

use anyhow::Result;
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::Path;

use super::decode::Encoding;
use super::departed_list::departed_list;
use super::headers::Kind;
use super::table::Table;
use super::workbook::{self, Signature, Workbook};
use crate::error::Explain;
use crate::error::Failure;
use crate::lang::ingest as msg;
use crate::lang::{files as lang, Text};
use crate::t;

pub(crate) struct Opened {
    pub name: String,
    pub path: std::path::PathBuf,
    /// The file's size in bytes.
    pub bytes: u64,
    /// The file's SHA-256 when taken before its rows are read (a workbook's sheets, a
    /// file that could be one already stored); else the table takes it as it reads.
    pub sha256: Option<String>,
    pub table: Table,
    /// What opening it said of the whole file (sheets of its workbook skipped).
    pub notes: Vec<crate::lang::Text>,
}

/// What the command asks of a file's sources: the sheets to read (none: every visible
/// sheet with a header), the encoding and the kind it names, if any.
pub(crate) struct Wanted<'a> {
    pub sheets: &'a [String],
    pub encoding: Option<Encoding>,
    /// How workbooks' date cells are read (`--date-cells`).
    pub dates: super::date_cells::Mode,
    pub kind: Option<Kind>,
    /// The organizations the store knows, whose names a header may use.
    pub orgs: &'a crate::org::Orgs,
}

/// A workbook's signature, or `None` for text.
pub(crate) fn signature(path: &Path, name: &str) -> Result<Option<Signature>> {
    if path.is_dir() {
        return Ok(None);
    }
    let mut head = [0u8; 8];
    let mut f = std::fs::File::open(path).explain(|| t!(crate::lang::files::CANNOT_OPEN, name))?;
    let mut n = 0;
    while n < head.len() {
        match f
            .read(&mut head[n..])
            .explain(|| t!(crate::lang::files::CANNOT_READ, name))?
        {
            0 => break,
            k => n += k,
        }
    }
    Ok(workbook::sniff(&head[..n]))
}

/// The sheets of a workbook to read, each a table named `file, sheet "name"`: every
/// visible sheet whose header tally recognizes, in the workbook's order, or those
/// `--sheet` names. Hidden and unrecognized sheets are skipped, and the first table
/// says so; a workbook with none to read is refused, naming each sheet and what its
/// first row holds.
pub(crate) fn sheets(
    path: &Path,
    name: &str,
    (bytes, sha256): (u64, &str),
    sig: Signature,
    wanted: &Wanted,
) -> Result<Vec<Opened>> {
    let wb = Workbook::open(path, name, sig)?;
    twin_sheets(&wb, name)?;
    sheets_named(&wb, name, wanted)?;
    let chosen = |sheet: &super::workbook::SheetInfo| {
        if wanted.sheets.is_empty() {
            sheet.visible
        } else {
            wanted.sheets.contains(&sheet.name)
        }
    };
    // Every sheet chosen is opened at once (each its own reader): all of them must fit.
    wb.check_memory(wb.sheets.iter().filter(|s| chosen(s)).count(), name)?;
    let mut out = Vec::new();
    let mut skipped: Vec<Text> = Vec::new();
    let mut refused: Vec<Text> = Vec::new();
    for sheet in &wb.sheets {
        let chosen = chosen(sheet);
        if !chosen {
            if !sheet.visible {
                skipped.push(t!(lang::SHEET_HIDDEN, &sheet.name));
            }
            continue;
        }
        let label = format!("{name}, sheet \"{}\"", sheet.name);
        // A sheet that cannot be read stops the ingest: it is damaged, not a note.
        match Table::from_sheet(
            &label,
            &sheet.name,
            wb.stream(&sheet.name, (wanted.encoding, wanted.dates)),
            wanted.kind,
            wanted.orgs,
        )? {
            Ok(table) => out.push(Opened {
                name: label,
                path: path.to_path_buf(),
                bytes,
                sha256: Some(sheet_sha256(sha256, &sheet.name)),
                table,
                notes: Vec::new(),
            }),
            // A sheet named on the command line must have a header; others may be
            // notes, lists.
            Err(e) if wanted.sheets.is_empty() => {
                skipped.push(t!(lang::SHEET_NO_HEADER, &sheet.name));
                let sheet = Text::Plain(format!("\"{}\"", sheet.name));
                refused.push(Text::Join(vec![sheet, e.what], ": "));
            }
            Err(e) => return Err(e.into()),
        }
    }
    if out.is_empty() {
        return Err(no_sheet_read(name, refused, wb.sheets.is_empty()));
    }
    skip_departed(&mut out, wanted);
    skip_summaries(&mut out, wanted);
    if !skipped.is_empty() {
        out[0]
            .notes
            .push(t!(lang::SKIPPED_SHEETS, Text::Join(skipped, ", ")));
    }
    Ok(out)
}

/// Refuses a workbook with two sheets of one name (Excel allows none, whatever the
/// case; a damaged or hand-made file): a sheet is stored under its name, so the second
/// would be taken for the first, already stored, and its rows lost without a word.
fn twin_sheets(wb: &Workbook, name: &str) -> Result<()> {
    let mut seen: Vec<String> = Vec::new();
    for sheet in &wb.sheets {
        let key = sheet.name.to_lowercase();
        if seen.contains(&key) {
            return Err(
                Failure::invalid(t!(crate::lang::sources::TWIN_SHEETS, name, &sheet.name))
                    .hint(t!(crate::lang::sources::WORKBOOK_MAY_DAMAGED_SAVE))
                    .into(),
            );
        }
        seen.push(key);
    }
    Ok(())
}

/// Refuses a `--sheet` that names no sheet of the workbook, listing its sheets.
fn sheets_named(wb: &Workbook, name: &str, wanted: &Wanted) -> Result<()> {
    for sheet in wanted.sheets {
        if !wb.sheets.iter().any(|s| &s.name == sheet) {
            return Err(Failure::usage(t!(
                crate::lang::sources::NO_SHEET_NAMED,
                name,
                sheet,
                list(wb.sheets.iter().map(|s| s.name.as_str()))
            ))
            .hint(t!(crate::lang::sources::SHEET_NAME_HINT))
            .into());
        }
    }
    Ok(())
}

/// The refusal of a workbook none of whose sheets could be read, with why each was not;
/// one that lists no sheet at all is damaged (its list of sheets lost), not one of
/// hidden sheets.
fn no_sheet_read(name: &str, refused: Vec<Text>, no_sheets: bool) -> anyhow::Error {
    if no_sheets {
        return Failure::invalid(t!(crate::lang::sources::LISTS_NO_SHEET, name))
            .hint(t!(crate::lang::sources::WORKBOOK_MAY_DAMAGED_SAVE))
            .into();
    }
    let why = if refused.is_empty() {
        t!(crate::lang::sources::NO_VISIBLE_SHEET)
    } else {
        Text::Join(refused, "; ")
    };
    Failure::invalid(t!(crate::lang::sources::NO_SHEET_HAS_HEADER, name, why))
        .hint(t!(crate::lang::sources::CHECK_WORKBOOK_RIGHT_ONE))
        .into()
}

/// Takes out the sheets that list members who have left (no status column, a title or
/// name that says so), when the workbook has others to read: the first table says
/// which. A workbook of only such sheets is left to be refused where rolls are read.
fn skip_departed(out: &mut Vec<Opened>, wanted: &Wanted) {
    if !wanted.sheets.is_empty() {
        return;
    }
    let said: Vec<Option<String>> = out.iter().map(|o| departed_list(&o.table)).collect();
    if said.iter().all(Option::is_some) || said.iter().all(Option::is_none) {
        return;
    }
    let mut names = Vec::new();
    let mut kept = Vec::new();
    for (o, said) in out.drain(..).zip(said) {
        match (said, o.table.sheet.clone()) {
            (Some(said), Some(sheet)) => names.push(format!("\"{sheet}\" (\"{said}\")")),
            _ => kept.push(o),
        }
    }
    kept[0].notes.push(crate::t!(
        msg::SKIPPED_DEPARTED_SHEETS,
        names.len(),
        names.join(", ")
    ));
    *out = kept;
}

/// Takes out the sheets read as a table of counts (eligible counts, targets) from a
/// workbook whose other sheets are rolls, unless `--sheet` or `--kind` chose them:
/// found by review, a roll workbook's summary sheet (`BIỂU TỔNG HỢP`, members per
/// commune under the organization's name) was stored as eligible counts, replacing the
/// real ones (coverage 100%).
fn skip_summaries(out: &mut Vec<Opened>, wanted: &Wanted) {
    if !wanted.sheets.is_empty() || wanted.kind.is_some() {
        return;
    }
    let counts = |o: &Opened| matches!(o.table.mapping.kind, Kind::Eligible | Kind::Targets);
    if !out.iter().any(|o| o.table.mapping.kind == Kind::Roll) || !out.iter().any(counts) {
        return;
    }
    let (skipped, kept): (Vec<Opened>, Vec<Opened>) = out.drain(..).partition(counts);
    let names: Vec<String> = (skipped.iter())
        .filter_map(|o| o.table.sheet.as_ref().map(|s| format!("\"{s}\"")))
        .collect();
    *out = kept;
    out[0].notes.push(crate::t!(
        msg::SKIPPED_SUMMARY_SHEETS,
        names.len(),
        names.join(", ")
    ));
}

/// A sheet's identity: the workbook's checksum and the sheet's name, so that each sheet
/// is an ingest of its own, and the same workbook again changes nothing.
fn sheet_sha256(file: &str, sheet: &str) -> String {
    let mut h = Sha256::new();
    h.update(file.as_bytes());
    h.update([0]);
    h.update(sheet.as_bytes());
    hex::encode(h.finalize())
}

fn list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items
        .map(|s| format!("\"{s}\""))
        .collect::<Vec<_>>()
        .join(", ")
}
