//! The `--warnings` file: every row that drew a warning, as CSV beside the analyst's
//! input (the summary says each kind once; this is the whole list to check). Its
//! values are the file's own cells, as the rejects file's are: it is the analyst's
//! working list, never the store's.

use anyhow::Result;

use crate::error::Explain;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::lang::{self, Lang};
use crate::store::fsutil;
use crate::text::defuse;
use crate::value::problem::Problem;

use super::rejects::{file_and_sheet, head};

pub(crate) struct WarningsFile {
    path: PathBuf,
    /// Written beside the file and renamed onto it when the ingest has read every
    /// file: a failed ingest leaves the last one as it was.
    tmp: PathBuf,
    out: Option<csv::Writer<BufWriter<File>>>,
    lang: Lang,
    /// The first write that failed, said when the file is finished.
    failed: Option<std::io::Error>,
}

impl WarningsFile {
    /// Starts the file `path` (with a UTF-8 byte-order mark when `bom`), headers in
    /// `lang`.
    pub(crate) fn new(path: &Path, bom: bool, lang: Lang) -> Result<WarningsFile> {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let tmp = path.with_file_name(format!(".{}.partial", name.unwrap_or_default()));
        let cannot = || crate::t!(lang::cmd::CANNOT_WRITE_WARNINGS, path.display().to_string());
        let mut file = BufWriter::new(fsutil::create_private(&tmp).explain(cannot)?);
        if bom {
            file.write_all(b"\xEF\xBB\xBF").explain(cannot)?;
        }
        let mut out = csv::Writer::from_writer(file);
        out.write_record(head(lang, &lang::ingest::HEAD_WARNING))
            .explain(cannot)?;
        Ok(WarningsFile {
            path: path.to_path_buf(),
            tmp,
            out: Some(out),
            lang,
            failed: None,
        })
    }

    pub(crate) fn push(&mut self, p: &Problem) {
        let (Some(out), None) = (&mut self.out, &self.failed) else {
            return;
        };
        let (file, sheet) = file_and_sheet(&p.file);
        let hint = p.hint.as_ref().map(|h| h.render(self.lang));
        let record = [
            file,
            sheet,
            p.line.to_string(),
            p.column.clone().unwrap_or_default(),
            p.value.clone(),
            p.reason.render(self.lang),
            hint.unwrap_or_default(),
        ];
        if let Err(e) = out.write_record(record.iter().map(|v| defuse(v).into_owned())) {
            self.failed = Some(e.into());
        }
    }

    /// Puts the file in place.
    pub(crate) fn finish(mut self) -> Result<()> {
        let path = self.path.display().to_string();
        let cannot = || crate::t!(lang::cmd::CANNOT_WRITE_WARNINGS, path.as_str());
        if let Some(e) = self.failed.take() {
            return Err(e).explain(cannot);
        }
        if let Some(out) = self.out.take() {
            let file = out
                .into_inner()
                .map_err(|e| e.into_error())
                .explain(cannot)?;
            file.into_inner()
                .map_err(|e| e.into_error())
                .and_then(|f| f.sync_all())
                .explain(cannot)?;
        }
        std::fs::rename(&self.tmp, &self.path).explain(cannot)
    }
}

impl Drop for WarningsFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.tmp);
    }
}
