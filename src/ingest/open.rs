//! The files of an ingest opened, each as a table (a workbook's sheets each one), in
//! the order their kinds load, and the options checked against what the files are:
//! a file that cannot be read at all stops the command before the store is touched.

use anyhow::Result;

use super::file_sums::{check_file, file_sha256};
use super::{roll_source, Options};
use crate::rows::headers::Kind;
use crate::rows::sources::{self, Opened};
use crate::rows::table::Table;
use crate::t;

/// Opens every file first, in the order their kinds load: a file that cannot be read
/// at all stops the command before the store is touched.
pub(super) fn open_all(opts: &Options) -> Result<Vec<Opened>> {
    let mut opened = Vec::new();
    for path in &opts.files {
        let name = path.display().to_string();
        check_file(path, &name)?;
        match sources::signature(path, &name)? {
            Some(sig) => {
                // calamine reads the workbook itself: its checksum is taken first.
                let (bytes, sha256) = file_sha256(path, &name)?;
                let wanted = sources::Wanted {
                    sheets: &opts.sheets,
                    encoding: opts.encoding,
                    dates: opts.date_cells,
                    kind: opts.kind,
                    orgs: &opts.orgs,
                };
                opened.extend(sources::sheets(
                    path,
                    &name,
                    (bytes, &sha256),
                    sig,
                    &wanted,
                )?)
            }
            None => {
                let table = Table::open(path, &name, opts.encoding, opts.kind, &opts.orgs)?;
                opened.push(Opened {
                    name,
                    path: path.clone(),
                    bytes: table.bytes_total,
                    sha256: None,
                    table,
                    notes: Vec::new(),
                });
            }
        }
    }
    opened.sort_by_key(|o| load_order(o.table.mapping.kind));
    // `--date-cells` says how workbooks' date cells read: with none, it names nothing.
    if opts.date_cells != crate::rows::DateMode::Checked
        && opened.iter().all(|o| o.table.sheet.is_none())
    {
        use crate::lang::ingest as msg;
        return Err(
            crate::error::Failure::usage(t!(msg::DATE_CELLS_WITHOUT_WORKBOOK))
                .hint(t!(msg::DATE_CELLS_WITHOUT_WORKBOOK_HINT))
                .into(),
        );
    }
    if opened.iter().any(|o| o.table.mapping.kind == Kind::Roll) {
        roll_source::check_flags(opts, &opened)?;
    } else if opts.org.is_some() || opts.as_of.is_some() {
        // Found by review: a table of eligible counts given with `--org youth --as-of
        // …` was stored for every organization it names, the options passed over.
        use crate::lang::ingest as msg;
        let files: Vec<crate::lang::Text> = (opened.iter())
            .map(|o| t!(msg::FILE_OF_KIND, &o.name, o.table.mapping.kind.text()))
            .collect();
        let files = crate::lang::Text::Join(files, ", ");
        return Err(
            crate::error::Failure::usage(t!(msg::ROLL_OPTIONS_WITHOUT_ROLL, files))
                .hint(t!(msg::ROLL_OPTIONS_WITHOUT_ROLL_HINT))
                .into(),
        );
    }
    Ok(opened)
}

/// The order files of a command go in: reference kinds before rolls, which are checked
/// against them.
fn load_order(kind: Kind) -> u8 {
    match kind {
        Kind::Orgs => 0,
        Kind::Areas => 1,
        Kind::Mapping => 2,
        Kind::Enterprises => 3,
        Kind::Eligible => 4,
        Kind::Targets => 5,
        Kind::Roll => 6,
    }
}
