//! Which source a file is: a workbook (by its first bytes, whatever its name) gives one
//! table per sheet that has a header; anything else is text (CSV).

use anyhow::Result;
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::Path;

use super::departed_list::departed_list;
use super::table::Table;
use super::workbook::{self, Signature, Workbook};
use super::{Opened, Options};
use crate::error::Explain;
use crate::error::Failure;
use crate::lang::ingest as msg;
use crate::lang::{files as lang, Text};
use crate::t;

/// A workbook's signature, or `None` for text.
pub(super) fn signature(path: &Path, name: &str) -> Result<Option<Signature>> {
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
pub(super) fn sheets(
    path: &Path,
    name: &str,
    (bytes, sha256): (u64, &str),
    sig: Signature,
    opts: &Options,
) -> Result<Vec<Opened>> {
    let wb = Workbook::open(path, name, sig)?;
    for wanted in &opts.sheets {
        if !wb.sheets.iter().any(|s| &s.name == wanted) {
            return Err(Failure::usage(t!(
                crate::lang::sources::NO_SHEET_NAMED,
                name,
                wanted,
                list(wb.sheets.iter().map(|s| s.name.as_str()))
            ))
            .hint(t!(crate::lang::sources::SHEET_NAME_HINT))
            .into());
        }
    }
    let chosen = |sheet: &super::workbook::SheetInfo| {
        if opts.sheets.is_empty() {
            sheet.visible
        } else {
            opts.sheets.contains(&sheet.name)
        }
    };
    // Every sheet chosen is opened at once (each its own reader): all of them must fit.
    wb.check_memory(wb.sheets.iter().filter(|s| chosen(s)).count(), name)?;
    let mut out = Vec::new();
    let mut skipped: Vec<Text> = Vec::new();
    let mut refused: Vec<String> = Vec::new();
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
            wb.stream(&sheet.name, opts.encoding),
            opts.kind,
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
            Err(e) if opts.sheets.is_empty() => {
                skipped.push(t!(lang::SHEET_NO_HEADER, &sheet.name));
                refused.push(format!("\"{}\": {e}", sheet.name));
            }
            Err(e) => return Err(e.into()),
        }
    }
    if out.is_empty() {
        let why = if refused.is_empty() {
            "it has no visible sheet".to_string()
        } else {
            refused.join("; ")
        };
        return Err(
            Failure::invalid(t!(crate::lang::sources::NO_SHEET_HAS_HEADER, name, why))
                .hint(t!(crate::lang::sources::CHECK_WORKBOOK_RIGHT_ONE))
                .into(),
        );
    }
    skip_departed(&mut out, opts);
    if !skipped.is_empty() {
        out[0]
            .notes
            .push(t!(lang::SKIPPED_SHEETS, Text::Join(skipped, ", ")));
    }
    Ok(out)
}

/// Takes out the sheets that list members who have left (no status column, a title or
/// name that says so), when the workbook has others to read: the first table says
/// which. A workbook of only such sheets is left to be refused where rolls are read.
fn skip_departed(out: &mut Vec<Opened>, opts: &Options) {
    if !opts.sheets.is_empty() {
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
