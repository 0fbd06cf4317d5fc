//! Parquet parts: written in row groups as batches arrive (a roll is never held whole),
//! hashed as they are written, read back with only the columns asked for.

use anyhow::Result;
use polars::prelude::*;
use sha2::{Digest, Sha256};
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::fsutil;
use crate::error::Explain;
use crate::{lang, t};

/// What has gone to disk: hash and size, and the first write error. The Parquet writer
/// turns an I/O error into text; keeping it here lets a full disk still be told as one.
struct Written {
    hasher: Sha256,
    bytes: u64,
    error: Option<std::io::Error>,
}

struct Hashing {
    file: File,
    state: Arc<Mutex<Written>>,
}

impl Hashing {
    fn note<T>(&self, r: std::io::Result<T>) -> std::io::Result<T> {
        if let Err(e) = &r {
            if let Ok(mut s) = self.state.lock() {
                s.error
                    .get_or_insert_with(|| std::io::Error::new(e.kind(), e.to_string()));
            }
        }
        r
    }
}

impl Write for Hashing {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let r = self.file.write(buf);
        let n = self.note(r)?;
        if let Ok(mut s) = self.state.lock() {
            s.hasher.update(&buf[..n]);
            s.bytes += n as u64;
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let r = self.file.flush();
        self.note(r)
    }
}

/// What a finished part is: checksum and size, for the manifest.
#[derive(Debug, Clone)]
pub struct PartInfo {
    pub path: PathBuf,
    pub sha256: String,
    pub bytes: u64,
    pub rows: u64,
}

pub struct PartWriter {
    path: PathBuf,
    sync: File,
    state: Arc<Mutex<Written>>,
    writer: Option<polars::io::parquet::write::BatchedWriter<Hashing>>,
    rows: u64,
}

impl PartWriter {
    pub fn create(path: &Path, schema: Schema) -> Result<PartWriter> {
        let file = fsutil::create_private(path)?;
        let sync = file.try_clone()?;
        let state = Arc::new(Mutex::new(Written {
            hasher: Sha256::new(),
            bytes: 0,
            error: None,
        }));
        let inner = Hashing {
            file,
            state: state.clone(),
        };
        let writer = ParquetWriter::new(inner)
            .with_compression(ParquetCompression::Zstd(None))
            .batched(&schema)
            .map_err(anyhow::Error::from)
            .explain(|| {
                t!(
                    lang::store::CANNOT_START_WRITING,
                    path.display().to_string()
                )
            })?;
        Ok(PartWriter {
            path: path.to_path_buf(),
            sync,
            state,
            writer: Some(writer),
            rows: 0,
        })
    }

    pub fn write(&mut self, df: &DataFrame) -> Result<()> {
        if df.height() == 0 {
            return Ok(());
        }
        self.rows += df.height() as u64;
        if let Some(w) = self.writer.as_mut() {
            let r = w.write_batch(df);
            self.check(r, &lang::files::CANNOT_WRITE)?;
        }
        super::fault::point("row-group-written");
        Ok(())
    }

    /// A Parquet error, as the I/O error behind it when there was one.
    fn check(&self, r: PolarsResult<()>, doing: &'static lang::Msg) -> Result<()> {
        let Err(e) = r else { return Ok(()) };
        let io = self.state.lock().ok().and_then(|mut s| s.error.take());
        let err = match io {
            Some(io) => anyhow::Error::from(io),
            None => anyhow::Error::from(e),
        };
        let what = lang::Text::Msg(doing, vec![self.path.display().to_string().into()]);
        Err(anyhow::Error::new(crate::error::Because::new(what, err)))
    }

    pub fn finish(mut self) -> Result<PartInfo> {
        if let Some(w) = self.writer.take() {
            let r = w.finish().map(drop);
            self.check(r, &lang::store::CANNOT_FINISH)?;
            drop(w);
        }
        super::fault::point("part-written");
        self.sync
            .sync_all()
            .explain(|| t!(lang::store::CANNOT_SYNC, self.path.display().to_string()))?;
        super::fault::point("part-synced");
        let (hasher, bytes) = {
            let guard = self
                .state
                .lock()
                .map_err(|_| anyhow::anyhow!("hash state poisoned"))?;
            (guard.hasher.clone(), guard.bytes)
        };
        Ok(PartInfo {
            path: self.path,
            sha256: hex::encode(hasher.finalize()),
            bytes,
            rows: self.rows,
        })
    }
}

/// The error for a part that is not what the manifest committed, with the way out.
pub fn damaged(
    dir: &Path,
    rec: &super::IngestRecord,
    what: impl Into<lang::Text>,
) -> anyhow::Error {
    let path = super::names::path_of(dir, &rec.part);
    crate::error::Failure::new(
        crate::error::Exit::Failure,
        t!(
            lang::store::STORE_PART,
            path.display().to_string(),
            &rec.file,
            what.into()
        ),
    )
    .hint(t!(lang::store::STORE_DAMAGED_HINT, &rec.id, &rec.file))
    .into()
}

/// The SHA-256 of a file, read in blocks (a part is never held whole).
pub fn sha256_file(path: &Path) -> std::io::Result<String> {
    let mut file = File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = std::io::Read::read(&mut file, &mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hex::encode(hasher.finalize()))
}

/// Reads a part of the store, only the named columns, after checking it is the part
/// the manifest committed (size and SHA-256): a damaged store gives an error, never
/// wrong numbers.
pub fn read_checked(
    dir: &Path,
    rec: &super::IngestRecord,
    columns: Option<&[&str]>,
) -> Result<DataFrame> {
    read_checked_at(&super::names::path_of(dir, &rec.part), dir, rec, columns)
}

/// [`read_checked`] of a part at `path` (a part staged and not yet committed).
pub fn read_checked_at(
    path: &Path,
    dir: &Path,
    rec: &super::IngestRecord,
    columns: Option<&[&str]>,
) -> Result<DataFrame> {
    let damaged = |what: lang::Text| damaged(dir, rec, what);
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(damaged(t!(lang::store::IS_MISSING)))
        }
        Err(e) => {
            return Err(e).explain(|| t!(lang::store::CANNOT_READ_PART, path.display().to_string()))
        }
    };
    if bytes.len() as u64 != rec.part_bytes {
        return Err(damaged(t!(
            lang::store::PART_BYTES,
            bytes.len().to_string(),
            rec.part_bytes.to_string()
        )));
    }
    if hex::encode(Sha256::digest(&bytes)) != rec.part_sha256 {
        return Err(damaged(t!(lang::store::PART_CHECKSUM)));
    }
    let reader = ParquetReader::new(std::io::Cursor::new(bytes))
        .with_columns(columns.map(|c| c.iter().map(|s| s.to_string()).collect()));
    reader
        .finish()
        .map_err(|e| damaged(t!(lang::store::PART_CANNOT_BE_READ, e.to_string())))
}
