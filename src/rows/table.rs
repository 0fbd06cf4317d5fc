//! A CSV export opened for reading: decoded, delimiter sniffed, header row found, rows
//! streamed with their line numbers.

use crate::org::Orgs;
use anyhow::Result;
use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::Path;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex};

use sha2::Digest;

use super::csv_rows::Records;
use super::csv_text::{sniff_delimiter, LineEnds};
use super::decode::{self, Encoding};
use super::headers::{Kind, Mapping};
use super::table_source::{Counted, Source, Sum};
use crate::error::Explain;
use crate::error::Failure;
use crate::text::fold;
use crate::{lang, t};

pub use super::row::Row;

pub struct Table {
    pub name: String,
    pub encoding: Encoding,
    pub delimiter: u8,
    pub mapping: Mapping,
    pub header_line: u64,
    /// The sheet, for a table read from a workbook (rows are then the sheet's rows).
    pub sheet: Option<String>,
    /// The lines above the header as written (each row's non-empty cells joined by a
    /// space, cleaned; blank rows left out): the title block, which may name the year,
    /// the date of the figures, or the unit a file is about.
    pub title: Vec<String>,
    pending: VecDeque<Row>,
    source: Source,
    /// The Nam/Nữ pair under a birth-date heading: (the male column, the female one,
    /// the header's width); each row gains a birth date and a sex cell read from them.
    sex_pair: Option<(usize, usize, usize)>,
    sex_marks: bool,
    /// Rows skipped as totals, for a warning.
    pub skipped_totals: Vec<u64>,
    /// Rows skipped as the header again, and as the signature block.
    pub skipped_headers: Vec<u64>,
    pub skipped_signature: Vec<u64>,
    /// A two-row header's second row: its line and its sub-headings.
    pub skipped_sub_header: Option<(u64, String)>,
    /// That row's cells as written, column by column (empty without one): which of an
    /// organization's sub-columns holds its total.
    pub sub_headings: Vec<String>,
    /// The row under the header that numbers its columns (`(1)`, `(2)`, …), skipped.
    pub skipped_numbering: Option<u64>,
    /// Section headings (`I. XÃ BÁT XÁT`): passed over, or each row's unit.
    pub(crate) sections: super::sections::Sections,
    /// No row below the header has been read yet (blank rows aside): the next may be
    /// its numbering.
    under_header: bool,
    /// The header's rows as written (cleaned, folded), to know them again.
    header_keys: Vec<Vec<String>>,
    sieve: super::clutter::Sieve,
    /// Bytes of the file (0 when read from memory), and bytes read so far.
    pub bytes_total: u64,
    bytes_read: Arc<AtomicU64>,
    /// The checksum taken as the file is read.
    sum: Option<Arc<Mutex<Sum>>>,
}

const SNIFF_BYTES: usize = 64 * 1024;
const HEADER_SEARCH_ROWS: usize = 30;

impl Table {
    pub fn open(
        path: &Path,
        name: &str,
        encoding: Option<Encoding>,
        kind: Option<Kind>,
        orgs: &Orgs,
    ) -> Result<Table> {
        let meta = std::fs::metadata(path).explain(|| t!(lang::files::CANNOT_READ, name))?;
        if meta.is_dir() {
            return Err(Failure::new(
                crate::error::Exit::Io,
                t!(crate::lang::sources::IS_A_DIRECTORY, name),
            )
            .hint(t!(crate::lang::sources::NAME_CSV_FILES_INSIDE))
            .into());
        }
        let file = File::open(path).explain(|| t!(lang::files::CANNOT_OPEN, name))?;
        let read = Arc::new(AtomicU64::new(0));
        let sum = Arc::new(Mutex::new(Sum::default()));
        // A small buffer, for the first bytes read piece by piece (encoding, header):
        // the rows' reads are larger, and go past it straight to the file rather than
        // being copied through it.
        let input: Box<dyn Read + Send> = Box::new(Counted {
            inner: BufReader::with_capacity(16 * 1024, file),
            read: read.clone(),
            sum: sum.clone(),
        });
        let mut table = Table::from_reader(input, name, encoding, kind, orgs)?;
        table.bytes_total = meta.len();
        table.bytes_read = read;
        table.sum = Some(sum);
        Ok(table)
    }

    /// The SHA-256 (hex) of the file's bytes, once every row has been read: `None`
    /// when the table was not read from a file, or not to its end (the file changed
    /// size while it was read).
    pub fn checksum(&self) -> Option<String> {
        let sum = self.sum.as_ref()?.lock().ok()?;
        (sum.bytes == self.bytes_total).then(|| hex::encode(sum.sha.clone().finalize()))
    }

    /// How many data rows the file holds, judged from its size and the rows read
    /// with the header (a guess, to size tables once; 0 when the size is unknown).
    pub fn rows_estimate(&self) -> usize {
        let sample: Vec<usize> = self.pending.iter().map(|r| r.bytes().len() + 1).collect();
        let per_row = match sample.len() {
            0 => 100,
            n => (sample.iter().sum::<usize>() / n).max(16),
        };
        usize::try_from(self.bytes_total).unwrap_or(usize::MAX) / per_row
    }

    /// Whether the rows are a comma-separated file's, where a number written with a
    /// decimal comma falls into two cells.
    pub fn comma_separated(&self) -> bool {
        self.sheet.is_none() && self.delimiter == b','
    }

    /// Bytes of the file read so far (the count goes on in the reading thread).
    pub fn bytes_read(&self) -> Arc<AtomicU64> {
        self.bytes_read.clone()
    }

    /// Opens a table from any byte stream (a file, or bytes in memory for the fuzz
    /// targets): decodes it, sniffs the delimiter and finds the header row (`orgs` name
    /// the columns of a counts table of one column per organization).
    pub fn from_reader(
        input: Box<dyn Read + Send>,
        name: &str,
        encoding: Option<Encoding>,
        kind: Option<Kind>,
        orgs: &Orgs,
    ) -> Result<Table> {
        let decoded = decode::open(input, encoding).map_err(|e| {
            // Why, as the language layer says it where decoding said it so.
            let why = lang::Text::of_error(&e);
            Failure::invalid(t!(crate::lang::sources::NOT_AS_TEXT, name, why))
                .hint(t!(crate::lang::sources::NOT_AS_TEXT_HINT))
        })?;
        let mut reader = LineEnds::new(decoded.reader);
        let mut head = Vec::with_capacity(SNIFF_BYTES);
        (&mut reader)
            .take(SNIFF_BYTES as u64)
            .read_to_end(&mut head)
            .explain(|| t!(lang::files::CANNOT_READ, name))?;
        let delimiter = sniff_delimiter(&head);
        let stream: Box<dyn Read + Send> = Box::new(io::Cursor::new(head).chain(reader));
        let mut source = Source::Csv(Box::new(Records::new(stream, delimiter)));
        let mut first = Vec::new();
        let mut row = Row::new(0, [""; 0]);
        while first.len() < HEADER_SEARCH_ROWS && source.next(name, &mut row)? {
            first.push(row.clone());
        }
        Ok(Table::with_header(
            name,
            decoded.encoding,
            delimiter,
            first,
            source,
            kind,
            orgs,
        )?)
    }

    /// A table over a workbook sheet's rows (`name` says file and sheet). A sheet whose
    /// rows cannot be read is an error; one read without a header tally recognizes is
    /// `Ok(Err(why))`, which a workbook's other sheets (notes, lists) may be.
    pub fn from_sheet(
        name: &str,
        sheet: &str,
        rows: super::workbook::SheetRows,
        kind: Option<Kind>,
        orgs: &Orgs,
    ) -> Result<std::result::Result<Table, Failure>> {
        let mut source = Source::Sheet {
            rows: rows.rows,
            batch: Vec::new().into_iter(),
            said: rows.said,
        };
        let mut first = Vec::new();
        let mut row = Row::new(0, [""; 0]);
        while first.len() < HEADER_SEARCH_ROWS && source.next(name, &mut row)? {
            first.push(row.clone());
        }
        let found = Table::with_header(name, Encoding::Workbook, b',', first, source, kind, orgs);
        Ok(found.map(|mut t| {
            t.sheet = Some(sheet.to_string());
            t
        }))
    }

    /// Finds the header among the first rows (one row, or two: a merged heading over
    /// its sub-headings) and keeps the rows below it for reading. Every error is a
    /// header that is not there or lacks a required column (the rows were read).
    fn with_header(
        name: &str,
        encoding: Encoding,
        delimiter: u8,
        first: Vec<Row>,
        source: Source,
        kind: Option<Kind>,
        orgs: &Orgs,
    ) -> std::result::Result<Table, Failure> {
        if first.iter().all(Row::is_blank) {
            return Err(Failure::invalid(t!(crate::lang::sources::IS_EMPTY, name))
                .hint(t!(crate::lang::sources::EXPORT_ROLL_AGAIN_FILE)));
        }
        let mut cells: Vec<Vec<String>> = first
            .iter()
            .map(|r| r.cells().map(crate::text::clean).collect())
            .collect();
        let written = cells.clone();
        // A header that reads as a kind but lacks what it requires (a roll without a
        // unit column) is read as that kind, so the error names what is missing.
        let found = super::header_rows::header_rows(&mut cells, kind, orgs).or_else(|| {
            let near = kind
                .is_none()
                .then(|| super::headers::nearest_kind(&cells, orgs))??;
            super::header_rows::header_rows(&mut cells, Some(near), orgs)
        });
        let Some((at, mut mapping, rows_in_header)) = found else {
            return Err(no_header(name, kind, &cells, first.len()));
        };
        let header_line = first[at].line;
        // The nearest kind of a header that reads as none is not the user's choice.
        mapping.forced = kind.is_some();
        super::kind_check::check_kind(name, header_line, &mapping, orgs)?;
        let title = title_lines(&written[..at]);
        let (sex_pair, sex_marks) = (mapping.sex_pair, mapping.sex_marks);
        let header_keys: Vec<Vec<String>> = written[at..at + rows_in_header]
            .iter()
            .map(|r| r.iter().map(|c| fold(c)).collect())
            .collect();
        let pending: Vec<Row> = first.into_iter().skip(at + rows_in_header).collect();
        let sections = super::sections::Sections::for_table(&mut mapping, &pending, &header_keys);
        required_columns(name, header_line, &mapping)?;
        let pending = VecDeque::from(pending);
        let sieve = super::clutter::Sieve::for_kind(mapping.kind);
        Ok(Table {
            name: name.to_string(),
            encoding,
            delimiter,
            mapping,
            header_line,
            sheet: None,
            title,
            pending,
            source,
            sex_pair,
            sex_marks,
            skipped_totals: Vec::new(),
            skipped_headers: Vec::new(),
            skipped_signature: Vec::new(),
            skipped_sub_header: None,
            sub_headings: Vec::new(),
            skipped_numbering: None,
            sections,
            under_header: true,
            header_keys,
            sieve,
            bytes_total: 0,
            bytes_read: Arc::default(),
            sum: None,
        })
    }

    /// What reading the source did that the summary says (legacy-font cells of a
    /// sheet converted), once its rows are read.
    pub fn source_notes(&self) -> Vec<crate::lang::Text> {
        match &self.source {
            Source::Sheet { said, .. } => said.lock().map(|s| s.clone()).unwrap_or_default(),
            Source::Csv(_) => Vec::new(),
        }
    }

    /// The next data row; blank rows, totals rows and the other clutter, and the
    /// column-number row under the header, are passed over.
    pub fn next_row(&mut self) -> Result<Option<Row>> {
        let mut row = Row::new(0, [""; 0]);
        Ok(self.next_row_into(&mut row)?.then_some(row))
    }

    /// Reads the next data row into `row`, reusing its buffers (the ingest recycles
    /// rows, so reading allocates nothing once the first chunks have gone round).
    /// False at the end of the file.
    pub fn next_row_into(&mut self, row: &mut Row) -> Result<bool> {
        loop {
            if let Some(r) = self.pending.pop_front() {
                *row = r;
            } else if !self.source.next(&self.name, row)? {
                return Ok(false);
            }
            if row.is_blank() {
                continue;
            }
            // The rows right under the header, as written, may finish it: its second
            // row (sub-headings), then a row numbering its columns.
            if self.under_header {
                let header = self.header_keys.first().map_or(&[][..], Vec::as_slice);
                let said = super::sub_headings::sub_header(row, header);
                // A roll's row of Nam | Nữ under one heading is no counts table's split.
                let said = said.filter(|_| {
                    self.mapping.kind != super::headers::Kind::Roll
                        || !super::sub_headings::only_by_sex(row)
                });
                if let Some(said) = said {
                    if self.skipped_sub_header.is_none() {
                        self.skipped_sub_header = Some((row.line, said));
                        self.take_sub_headings(row);
                    }
                    continue;
                }
                self.under_header = false;
                if super::numbering::is_numbering(row, &self.header_keys) {
                    self.skipped_numbering = Some(row.line);
                    continue;
                }
            }
            if self.sections.take(row) {
                continue;
            }
            match self.sex_pair {
                Some(pair) if self.sex_marks => super::sex_pair::split_marks(row, pair),
                Some(pair) => super::sex_pair::split_sex(row, pair),
                None => {}
            }
            use super::clutter::Clutter;
            match self.sieve.judge(row, &self.header_keys) {
                Some(Clutter::Totals) => self.skipped_totals.push(row.line),
                Some(Clutter::Header) => self.skipped_headers.push(row.line),
                Some(Clutter::Signature) => self.skipped_signature.push(row.line),
                None => {
                    self.sections.fill(row);
                    return Ok(true);
                }
            }
        }
    }
}

impl Table {
    /// Keeps a skipped sub-heading row's cells, and its width: a CSV writes a merged
    /// heading's last sub-column only on the row under it, and the data rows' last
    /// cells would otherwise fall beyond the header.
    fn take_sub_headings(&mut self, row: &Row) {
        self.sub_headings = row
            .cells()
            .map(|c| crate::text::trim(c).to_string())
            .collect();
        let width = self.sub_headings.iter().rposition(|s| !s.is_empty());
        self.mapping.sub_width = width.map_or(0, |i| i + 1);
        self.mapping.written_width = self.mapping.headers.len().max(row.len());
    }
}

/// The refusal of a file whose first rows hold no header tally recognizes: the first
/// row that has anything, and what was expected.
fn no_header(name: &str, kind: Option<Kind>, cells: &[Vec<String>], rows: usize) -> Failure {
    let shown: Vec<String> = cells
        .iter()
        .find(|r| r.iter().any(|c| !c.is_empty()))
        .cloned()
        .unwrap_or_default();
    let expected = match kind {
        Some(k) => t!(
            crate::lang::sources::COLUMNS_OF_KIND,
            k.to_string(),
            super::field_names::all(k)
        ),
        None => t!(crate::lang::sources::HEADER_ROW_NAMING_COLUMNS),
    };
    Failure::invalid(t!(
        crate::lang::sources::NO_HEADER_ROW,
        name,
        rows,
        format!("{:?}", shown.join(" | ")),
        expected
    ))
    .hint(t!(crate::lang::sources::CHECK_FILE_RIGHT_EXPORT))
}

/// The title above the header: each row's cells that have anything, joined, and the
/// rows that have nothing left out.
fn title_lines(above: &[Vec<String>]) -> Vec<String> {
    above
        .iter()
        .map(|r| {
            let cells: Vec<&str> = r
                .iter()
                .map(String::as_str)
                .filter(|c| !c.is_empty())
                .collect();
            cells.join(" ")
        })
        .filter(|l| !l.is_empty())
        .collect()
}

/// Refuses a header that lacks a column its kind requires, naming the headers found.
fn required_columns(
    name: &str,
    header_line: u64,
    mapping: &Mapping,
) -> std::result::Result<(), Failure> {
    let missing = mapping.missing();
    if missing.is_empty() {
        return Ok(());
    }
    Err(Failure::invalid(t!(
        crate::lang::sources::LACKS_COLUMNS,
        format!("{name}:{header_line}"),
        mapping.kind.code_text(),
        lang::Text::Join(missing, "; "),
        super::kind_check::quoted_headers(mapping)
    ))
    .hint(t!(
        crate::lang::sources::LACKS_COLUMNS_HINT,
        mapping.kind.code_text(),
        super::field_names::all(mapping.kind)
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_block_is_kept_line_by_line() {
        let text = "SỐ ĐỐI TƯỢNG NĂM 2026,,\n,,\nHuyện X,Tỉnh Y,\nMã xã,Tổ chức,Năm,Số đối tượng\n01,youth,2026,5\n";
        let t = Table::from_reader(
            Box::new(io::Cursor::new(text.as_bytes().to_vec())),
            "t.csv",
            None,
            None,
            &Orgs::default(),
        )
        .expect("reads");
        assert_eq!(t.header_line, 4);
        assert_eq!(t.title, vec!["SỐ ĐỐI TƯỢNG NĂM 2026", "Huyện X Tỉnh Y"]);
    }
}
