//! Parquet parts: written in row groups as batches arrive (a roll is never held whole),
//! hashed as they are written, read back with only the columns asked for.

use anyhow::{Context, Result};
use polars::prelude::*;
use sha2::{Digest, Sha256};
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::fsutil;

struct Hashing {
    file: File,
    state: Arc<Mutex<(Sha256, u64)>>,
}

impl Write for Hashing {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.file.write(buf)?;
        if let Ok(mut s) = self.state.lock() {
            s.0.update(&buf[..n]);
            s.1 += n as u64;
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
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
    state: Arc<Mutex<(Sha256, u64)>>,
    writer: Option<polars::io::parquet::write::BatchedWriter<Hashing>>,
    rows: u64,
}

impl PartWriter {
    pub fn create(path: &Path, schema: Schema) -> Result<PartWriter> {
        let file = fsutil::create_private(path)?;
        let sync = file.try_clone()?;
        let state = Arc::new(Mutex::new((Sha256::new(), 0u64)));
        let inner = Hashing {
            file,
            state: state.clone(),
        };
        let writer = ParquetWriter::new(inner)
            .with_compression(ParquetCompression::Zstd(None))
            .batched(&schema)
            .map_err(anyhow::Error::from)
            .with_context(|| format!("cannot start writing {}", path.display()))?;
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
            w.write_batch(df)
                .map_err(anyhow::Error::from)
                .with_context(|| format!("cannot write {}", self.path.display()))?;
        }
        Ok(())
    }

    pub fn finish(mut self) -> Result<PartInfo> {
        if let Some(w) = self.writer.take() {
            w.finish()
                .map_err(anyhow::Error::from)
                .with_context(|| format!("cannot finish {}", self.path.display()))?;
            drop(w);
        }
        self.sync
            .sync_all()
            .with_context(|| format!("cannot sync {}", self.path.display()))?;
        let (hasher, bytes) = {
            let guard = self
                .state
                .lock()
                .map_err(|_| anyhow::anyhow!("hash state poisoned"))?;
            (guard.0.clone(), guard.1)
        };
        Ok(PartInfo {
            path: self.path,
            sha256: hex::encode(hasher.finalize()),
            bytes,
            rows: self.rows,
        })
    }
}

/// Reads a part of the store, only the named columns, after checking it is the part
/// the manifest committed (size and SHA-256): a damaged store gives an error, never
/// wrong numbers.
pub fn read_checked(
    dir: &Path,
    rec: &super::IngestRecord,
    columns: Option<&[&str]>,
) -> Result<DataFrame> {
    let path = dir.join(&rec.part);
    let damaged = |what: String| -> anyhow::Error {
        crate::error::Failure::new(crate::error::Exit::Failure, format!("the store part {} ({}) {what}", path.display(), rec.file))
            .hint(format!(
                "the store is damaged: remove that ingest with `tally drop {}` and ingest {} again (or restore the store from a backup)",
                rec.id, rec.file
            ))
            .into()
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(damaged("is missing".into()))
        }
        Err(e) => {
            return Err(e).with_context(|| format!("cannot read store part {}", path.display()))
        }
    };
    if bytes.len() as u64 != rec.part_bytes {
        return Err(damaged(format!(
            "has {} bytes, the manifest says {}",
            bytes.len(),
            rec.part_bytes
        )));
    }
    if hex::encode(Sha256::digest(&bytes)) != rec.part_sha256 {
        return Err(damaged("does not match its checksum".into()));
    }
    let reader = ParquetReader::new(std::io::Cursor::new(bytes))
        .with_columns(columns.map(|c| c.iter().map(|s| s.to_string()).collect()));
    reader
        .finish()
        .map_err(|e| damaged(format!("cannot be read: {e}")))
}
