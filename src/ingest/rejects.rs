//! The `--rejects` file: every rejected row with its original values, line and reason.

use anyhow::{Context, Result};
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use crate::error::Explain;
use crate::lang::Lang;
use crate::lang::Text;
use crate::rows::row::Row;
use crate::store::fsutil;
use crate::text::defuse;
use crate::value::problem::Problem;
use crate::{lang, t};
use unicode_normalization::UnicodeNormalization;

/// Rejected rows kept in memory to show: the rest are counted (and spooled to the
/// rejects file when one is asked for).
pub const SHOWN: usize = 20;

/// Where rejected rows go as they are found. Memory stays the same however many rows
/// are rejected: the first [`SHOWN`] problems are kept to print, and the rows are
/// spooled to a private file in the store's `tmp/`, which [`Sink::finish`] turns into
/// the rejects CSV. The spool holds names and ID numbers: it is removed when the
/// command ends however it ends, and a writer removes any that a killed ingest left.
pub struct Sink {
    spool: Option<Spool>,
    count: u64,
    first: Vec<Problem>,
}

struct Spool {
    path: PathBuf,
    bom: bool,
    /// The reader's language, for each reject's reason and hint.
    lang: Lang,
    tmp: PathBuf,
    out: csv::Writer<BufWriter<File>>,
    /// The distinct headers of the files with rejects, in order of first reject.
    headers: Vec<Vec<String>>,
}

impl Sink {
    /// A sink that writes the rejects file `path` (none: count and keep the first),
    /// spooling the rows in `spool_dir` (the store's `tmp/`, which only a writer
    /// holding the store uses). With `bom`, the file starts with a UTF-8 byte-order
    /// mark (Excel on Windows then shows Vietnamese letters right when the file is
    /// opened by double-click). Reasons and hints are said in `lang`.
    pub fn new(path: Option<&Path>, bom: bool, spool_dir: &Path, lang: Lang) -> Result<Sink> {
        let spool = match path {
            None => None,
            Some(path) => {
                let tmp = spool_dir.join(crate::store::names::spool());
                let file = fsutil::create_private(&tmp)
                    .with_context(|| format!("cannot write the rejects file {}", path.display()))?;
                let out = csv::WriterBuilder::new()
                    .flexible(true)
                    .from_writer(BufWriter::with_capacity(1 << 20, file));
                Some(Spool {
                    path: path.to_path_buf(),
                    bom,
                    lang,
                    tmp,
                    out,
                    headers: Vec::new(),
                })
            }
        };
        Ok(Sink {
            spool,
            count: 0,
            first: Vec::new(),
        })
    }

    /// Rows rejected so far.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// The first [`SHOWN`] problems, in the order found.
    pub fn first(&self) -> &[Problem] {
        &self.first
    }

    pub fn push(&mut self, problem: Problem, row: &Row, headers: &[String]) -> Result<()> {
        self.count += 1;
        if let Some(s) = &mut self.spool {
            let set = match s.headers.iter().rposition(|h| h.as_slice() == headers) {
                Some(i) => i,
                None => {
                    s.headers.push(headers.to_vec());
                    s.headers.len() - 1
                }
            };
            let p = &problem;
            let line = p.line.to_string();
            let set = set.to_string();
            // Reason and hint in the chosen language, for the person fixing the roll.
            let said = |t: &Text| t.render(s.lang);
            let (reason, hint) = (said(&p.reason), p.hint.as_ref().map(said));
            let head = [
                set.as_str(),
                &p.file,
                &line,
                p.column.as_deref().unwrap_or_default(),
                &p.value,
                &reason,
                hint.as_deref().unwrap_or_default(),
            ];
            s.out
                .write_record(head.into_iter().chain(row.cells()))
                .explain(|| t!(lang::files::CANNOT_WRITE, s.tmp.display().to_string()))?;
        }
        if self.first.len() < SHOWN {
            self.first.push(problem);
        }
        Ok(())
    }

    /// Writes the rejects file (when one was asked for, and `read` says some file was
    /// read: a rerun of files already ingested leaves the last one as it was):
    /// `file,sheet,line,column,value,reason,hint`, then the original columns (the union
    /// of the headers of the files with rejects, in order of first appearance), in NFC.
    /// Whether it was written.
    pub fn finish(mut self, read: bool) -> Result<bool> {
        let Some(mut s) = self.spool.take() else {
            return Ok(false);
        };
        if !read {
            drop(s.out);
            let _ = std::fs::remove_file(&s.tmp);
            return Ok(false);
        }
        let written = s
            .out
            .flush()
            .explain(|| t!(lang::files::CANNOT_WRITE, s.tmp.display().to_string()))
            .and_then(|()| write_final(&s));
        let _ = std::fs::remove_file(&s.tmp);
        written.map(|()| true)
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        if let Some(s) = &self.spool {
            let _ = std::fs::remove_file(&s.tmp);
        }
    }
}

/// The first columns of the rejects and warnings files, in the reader's language (the
/// person correcting the rows reads them): file, sheet, line, column, value, `why`
/// (the reason a row was rejected, or its warning), hint.
pub(crate) fn head(lang: Lang, why: &'static lang::Msg) -> [&'static str; 7] {
    use lang::ingest::*;
    [
        HEAD_FILE.text(lang),
        HEAD_SHEET.text(lang),
        HEAD_LINE.text(lang),
        HEAD_COLUMN.text(lang),
        HEAD_VALUE.text(lang),
        why.text(lang),
        HEAD_HINT.text(lang),
    ]
}

/// `file, sheet "S"` as its two columns (a CSV's sheet is empty).
pub(crate) fn file_and_sheet(place: &str) -> (String, String) {
    match place.split_once(", sheet \"") {
        Some((f, s)) => (f.to_string(), s.trim_end_matches('"').to_string()),
        None => (place.to_string(), String::new()),
    }
}

fn write_final(s: &Spool) -> Result<()> {
    let mut columns: Vec<&String> = Vec::new();
    for h in s.headers.iter().flatten() {
        if !h.is_empty() && !columns.contains(&h) {
            columns.push(h);
        }
    }
    // Per header set, where each output column is found in its rows.
    let at: Vec<Vec<Option<usize>>> = s
        .headers
        .iter()
        .map(|hs| {
            columns
                .iter()
                .map(|c| hs.iter().position(|h| h == *c))
                .collect()
        })
        .collect();
    let mut spool = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(&s.tmp)
        .explain(|| t!(lang::files::CANNOT_READ, s.tmp.display().to_string()))?;
    fsutil::write_atomic_streamed(&s.path, |out| {
        if s.bom {
            out.write_all(b"\xEF\xBB\xBF")?;
        }
        let mut w = csv::Writer::from_writer(out);
        let head = head(s.lang, &lang::ingest::HEAD_REASON);
        w.write_record(
            head.iter()
                .copied()
                .chain(columns.iter().map(|c| c.as_str()))
                .map(|h| defuse(h).into_owned()),
        )?;
        let mut rec = csv::StringRecord::new();
        let mut out: Vec<String> = Vec::new();
        while spool.read_record(&mut rec)? {
            let set: usize = rec.get(0).and_then(|v| v.parse().ok()).unwrap_or(0);
            let cells = |i: usize| rec.get(7 + i).unwrap_or_default();
            out.clear();
            out.extend((1..7).map(|i| rec.get(i).unwrap_or_default().to_string()));
            // A workbook's sheet has a column of its own (file, sheet "S").
            let (file, sheet) = file_and_sheet(&out[0]);
            out[0] = file;
            out.insert(1, sheet);
            let empty = Vec::new();
            for pos in at.get(set).unwrap_or(&empty) {
                out.push(pos.map(cells).unwrap_or_default().to_string());
            }
            // Composed (NFC), as tally reads text: a legacy file decodes to base
            // letters and combining marks (VNI writes them so), which some programs
            // show apart.
            w.write_record(
                out.iter()
                    .map(|v| defuse(&v.nfc().collect::<String>()).into_owned()),
            )?;
        }
        w.flush()?;
        Ok(())
    })
    .with_context(|| format!("cannot write the rejects file {}", s.path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused() {
        assert_eq!(defuse("=1+1"), "'=1+1");
        assert_eq!(defuse("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defuse("-5"), "'-5");
        assert_eq!(defuse("Nguyễn"), "Nguyễn");
        assert_eq!(defuse(""), "");
    }
}
