//! tally's own Parquet writer, for roll parts (format 3): flat optional columns, one
//! data page per column and row group, written straight from the columns the ingest
//! fills. It knows what the columns hold, which a general writer must find out row
//! group by row group: codes come dictionary-encoded as they are pushed, keyed hashes
//! are stored as they are (no codec shrinks random bytes), and the rest is compressed
//! with zstd's fastest level. polars' writer spent a quarter of a 10M-row ingest's CPU
//! finding that out. Any Parquet reader reads the files; tally reads them with polars.
//!
//! The file: `PAR1`, the row groups' pages, the footer (thrift compact protocol), its
//! length, `PAR1` (parquet-format's layout). It is hashed as it is written.

pub mod chunk;
mod fields;
mod rle;
mod thrift;

use anyhow::Result;
use sha2::{Digest, Sha256};
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use chunk::{ChunkMeta, Encoder};
pub use chunk::{Levels, Physical, Values};
use fields::{
    column_chunk, column_order, file_meta_data as meta, logical_type, row_group,
    schema_element as el,
};
use thrift::Compact;

use super::fsutil;
use super::part::PartInfo;
use crate::error::Explain;
use crate::{lang, t};

/// What a column's values mean beyond their physical type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Logical {
    None,
    String,
    Date,
}

/// A column of the file's schema (every column is optional, as polars writes them).
pub struct Column {
    pub name: &'static str,
    pub physical: Physical,
    pub logical: Logical,
}

/// The footer's record of a row group.
struct Group {
    rows: i64,
    chunks: Vec<ChunkMeta>,
}

/// Says which program wrote the file (parquet.thrift `created_by`), in the form
/// `NAME version X (build Y)` that parquet-mr (Spark, Hive) parses: it ignores the
/// string statistics of a file whose writer it cannot name. The build is this writer's
/// revision (2: keyed hashes PLAIN). Fixed for a tally version, so the same rows give
/// the same bytes.
const CREATED_BY: &str = concat!("tally version ", env!("CARGO_PKG_VERSION"), " (build 2)");

pub struct FileWriter {
    path: PathBuf,
    file: File,
    hasher: Sha256,
    bytes: u64,
    columns: &'static [Column],
    groups: Vec<Group>,
    rows: u64,
    encoder: Encoder,
    buf: Vec<u8>,
}

impl FileWriter {
    /// Creates the file (owner-only) with `columns` as its schema.
    pub fn create(path: &Path, columns: &'static [Column]) -> Result<FileWriter> {
        let file = fsutil::create_private(path)?;
        let mut w = FileWriter {
            path: path.to_path_buf(),
            file,
            hasher: Sha256::new(),
            bytes: 0,
            columns,
            groups: Vec::new(),
            rows: 0,
            encoder: Encoder::new()?,
            buf: Vec::new(),
        };
        w.buf.extend_from_slice(b"PAR1");
        w.flush()?;
        Ok(w)
    }

    /// Writes one row group of `rows` rows: `data[i]` is column `i`'s.
    pub fn write_group(&mut self, rows: usize, data: &[(Levels, Values)]) -> Result<()> {
        anyhow::ensure!(
            data.len() == self.columns.len() && data.iter().all(|(l, _)| l.rows == rows),
            "internal error: a row group's columns do not match the schema"
        );
        if rows == 0 {
            return Ok(());
        }
        let mut chunks = Vec::with_capacity(data.len());
        for (col, (levels, values)) in self.columns.iter().zip(data) {
            let meta =
                self.encoder
                    .chunk(col.physical, *levels, values, &mut self.buf, self.bytes)?;
            chunks.push(meta);
        }
        self.flush()?;
        self.groups.push(Group {
            rows: rows as i64,
            chunks,
        });
        self.rows += rows as u64;
        super::fault::point("row-group-written");
        Ok(())
    }

    /// Writes the footer, syncs the file, and says what was written.
    pub fn finish(mut self) -> Result<PartInfo> {
        let footer = self.footer();
        self.buf.extend_from_slice(&footer);
        self.buf
            .extend_from_slice(&(footer.len() as u32).to_le_bytes());
        self.buf.extend_from_slice(b"PAR1");
        self.flush()?;
        super::fault::point("part-written");
        self.file
            .sync_all()
            .explain(|| t!(lang::store::CANNOT_SYNC, self.path.display().to_string()))?;
        super::fault::point("part-synced");
        Ok(PartInfo {
            path: self.path,
            sha256: hex::encode(self.hasher.finalize()),
            bytes: self.bytes,
            rows: self.rows,
        })
    }

    /// Writes and hashes what `buf` holds.
    fn flush(&mut self) -> Result<()> {
        self.file
            .write_all(&self.buf)
            .explain(|| t!(lang::files::CANNOT_WRITE, self.path.display().to_string()))?;
        self.hasher.update(&self.buf);
        self.bytes += self.buf.len() as u64;
        self.buf.clear();
        Ok(())
    }

    /// parquet.thrift's `FileMetaData`.
    fn footer(&self) -> Vec<u8> {
        const FORMAT_VERSION: i32 = 1;
        let mut c = Compact::default();
        c.open();
        c.i32(meta::VERSION, FORMAT_VERSION);
        // The schema is a flat list: the root, then its children.
        c.struct_list(meta::SCHEMA, self.columns.len() + 1);
        c.open();
        c.binary(el::NAME, b"root");
        c.i32(el::NUM_CHILDREN, self.columns.len() as i32);
        c.end();
        for col in self.columns {
            schema_element(&mut c, col);
        }
        c.i64(meta::NUM_ROWS, self.rows as i64);
        c.struct_list(meta::ROW_GROUPS, self.groups.len());
        for g in &self.groups {
            c.open();
            c.struct_list(row_group::COLUMNS, g.chunks.len());
            for (col, chunk) in self.columns.iter().zip(&g.chunks) {
                c.open();
                c.i64(column_chunk::FILE_OFFSET, chunk.start());
                c.begin(column_chunk::META_DATA);
                chunk.write(&mut c, col.name);
                c.end();
                c.end();
            }
            let uncompressed = g.chunks.iter().map(|k| k.uncompressed).sum();
            c.i64(row_group::TOTAL_BYTE_SIZE, uncompressed);
            c.i64(row_group::NUM_ROWS, g.rows);
            let start = g.chunks.first().map_or(0, ChunkMeta::start);
            c.i64(row_group::FILE_OFFSET, start);
            let compressed = g.chunks.iter().map(|k| k.compressed).sum();
            c.i64(row_group::TOTAL_COMPRESSED_SIZE, compressed);
            c.end();
        }
        c.binary(meta::CREATED_BY, CREATED_BY.as_bytes());
        // Statistics compare values as their types order them (min/max are exact).
        c.struct_list(meta::COLUMN_ORDERS, self.columns.len());
        for _ in self.columns {
            c.open();
            c.begin(column_order::TYPE_ORDER);
            c.end();
            c.end();
        }
        c.end();
        c.out
    }
}

/// parquet.thrift's `SchemaElement` of a flat optional column.
fn schema_element(c: &mut Compact, col: &Column) {
    // parquet.thrift's `FieldRepetitionType.OPTIONAL` and `ConvertedType`s.
    const OPTIONAL: i32 = 1;
    const UTF8: i32 = 0;
    const DATE: i32 = 6;
    c.open();
    c.i32(el::TYPE, col.physical as i32);
    c.i32(el::REPETITION_TYPE, OPTIONAL);
    c.binary(el::NAME, col.name.as_bytes());
    // Both the old converted type and the logical type, for old and new readers.
    let logical = match col.logical {
        Logical::None => None,
        Logical::String => Some((UTF8, logical_type::STRING)),
        Logical::Date => Some((DATE, logical_type::DATE)),
    };
    if let Some((converted, member)) = logical {
        c.i32(el::CONVERTED_TYPE, converted);
        c.begin(el::LOGICAL_TYPE);
        c.begin(member);
        c.end();
        c.end();
    }
    c.end();
}

#[cfg(test)]
mod tests {
    /// parquet-mr's `VersionParser`: `(.*?)\s+version\s*(?:([^(]*?)\s*(?:\(\s*build\s*([^)]*?)\s*\))?)?`,
    /// written out: application, version, build.
    fn parquet_mr_parse(s: &str) -> Option<(&str, &str, &str)> {
        let (app, rest) = s.split_once(" version ")?;
        let (version, build) = rest.split_once(" (build ")?;
        let build = build.strip_suffix(')')?;
        let ok = !app.trim().is_empty()
            && !version.contains('(')
            && !build.contains(')')
            && version.split('.').count() == 3
            && version.split('.').all(|n| n.parse::<u32>().is_ok());
        ok.then_some((app, version, build))
    }

    #[test]
    fn the_writer_is_named_as_parquet_mr_reads_a_writer() {
        assert_eq!(
            parquet_mr_parse(super::CREATED_BY),
            Some(("tally", env!("CARGO_PKG_VERSION"), "2"))
        );
        assert_eq!(parquet_mr_parse("tally (roll part format 3)"), None);
    }
}
