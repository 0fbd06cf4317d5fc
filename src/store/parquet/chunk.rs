//! One column of one row group as Parquet pages: an optional dictionary page, then one
//! data page (version 1: definition levels, then values), compressed with zstd where
//! that pays, and what the footer says of it (offsets, sizes, statistics).

use anyhow::{Context, Result};

use super::fields::{
    column_meta_data as col, data_page_header as data, dictionary_page_header as dict, page_header,
    statistics,
};
use super::rle;
use super::thrift::Compact;
use crate::error::Explain;
use crate::{lang, t};

/// Parquet's physical types (parquet.thrift `Type`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Physical {
    Boolean = 0,
    Int32 = 1,
    ByteArray = 6,
}

// Encodings (parquet.thrift `Encoding`).
pub(super) const PLAIN: i32 = 0;
pub(super) const RLE: i32 = 3;
pub(super) const RLE_DICTIONARY: i32 = 8;

// Codecs (parquet.thrift `CompressionCodec`).
const UNCOMPRESSED: i32 = 0;
const ZSTD: i32 = 6;

// Page types (parquet.thrift `PageType`).
const DATA_PAGE: i32 = 0;
const DICTIONARY_PAGE: i32 = 2;

/// zstd's fastest regular level: a part's pages are dates, bit-packed indices and
/// short dictionaries, where level 3 (polars' default) saved little and cost twice.
const ZSTD_LEVEL: i32 = 1;

/// Which rows have a value: `None` when every row has one.
#[derive(Clone, Copy)]
pub struct Levels<'a> {
    pub rows: usize,
    pub valid: Option<&'a [bool]>,
    pub nulls: usize,
}

/// The values of a column's rows that have one, in row order.
pub enum Values<'a> {
    /// Indices into a dictionary: `plain` is the dictionary page's body (each value
    /// as its length and bytes), `entries` how many values it holds, `min`/`max` the
    /// least and greatest of them.
    Dict {
        plain: &'a [u8],
        entries: usize,
        indices: &'a [u32],
        min: Option<&'a [u8]>,
        max: Option<&'a [u8]>,
    },
    Ints(&'a [i32]),
    Bools(&'a [bool]),
    /// Keyed hashes: uniform random bytes, which no codec shrinks, stored as they are
    /// (PLAIN: each its length, 16, and its bytes), which every reader reads
    /// (fastparquet reads no DELTA_LENGTH_BYTE_ARRAY).
    Keys(&'a [[u8; 16]]),
}

/// What the footer says of a written column chunk.
pub struct ChunkMeta {
    pub physical: Physical,
    pub encodings: &'static [i32],
    pub codec: i32,
    pub num_values: i64,
    pub uncompressed: i64,
    pub compressed: i64,
    pub data_page_offset: i64,
    pub dictionary_page_offset: Option<i64>,
    pub null_count: i64,
    pub min: Option<Vec<u8>>,
    pub max: Option<Vec<u8>>,
}

impl ChunkMeta {
    /// Where the chunk starts in the file.
    pub fn start(&self) -> i64 {
        self.dictionary_page_offset.unwrap_or(self.data_page_offset)
    }

    pub fn write(&self, c: &mut Compact, name: &str) {
        c.i32(col::TYPE, self.physical as i32);
        c.i32_list(col::ENCODINGS, self.encodings);
        c.binary_list(col::PATH_IN_SCHEMA, &[name.as_bytes()]);
        c.i32(col::CODEC, self.codec);
        c.i64(col::NUM_VALUES, self.num_values);
        c.i64(col::TOTAL_UNCOMPRESSED_SIZE, self.uncompressed);
        c.i64(col::TOTAL_COMPRESSED_SIZE, self.compressed);
        c.i64(col::DATA_PAGE_OFFSET, self.data_page_offset);
        if let Some(d) = self.dictionary_page_offset {
            c.i64(col::DICTIONARY_PAGE_OFFSET, d);
        }
        c.begin(col::STATISTICS);
        c.i64(statistics::NULL_COUNT, self.null_count);
        if let (Some(max), Some(min)) = (&self.max, &self.min) {
            c.binary(statistics::MAX_VALUE, max);
            c.binary(statistics::MIN_VALUE, min);
        }
        c.end();
    }
}

/// Encodes column chunks, reusing its buffers and its zstd context from one to the next.
pub struct Encoder {
    zstd: zstd::bulk::Compressor<'static>,
    body: Vec<u8>,
    packed: Vec<u8>,
    scratch: Vec<u8>,
}

impl Encoder {
    pub fn new() -> Result<Encoder> {
        Ok(Encoder {
            zstd: zstd::bulk::Compressor::new(ZSTD_LEVEL)
                .explain(|| t!(lang::store::CANNOT_START_ZSTD))?,
            body: Vec::new(),
            packed: Vec::new(),
            scratch: Vec::new(),
        })
    }

    /// Appends the chunk's pages to `out`, which starts at byte `base` of the file.
    pub fn chunk(
        &mut self,
        physical: Physical,
        levels: Levels,
        values: &Values,
        out: &mut Vec<u8>,
        base: u64,
    ) -> Result<ChunkMeta> {
        let offset = |out: &Vec<u8>| (base + out.len() as u64) as i64;
        let (mut uncompressed, mut compressed) = (0i64, 0i64);
        let mut dictionary_page_offset = None;
        let compress = !matches!(values, Values::Keys(_));
        if let Values::Dict { plain, entries, .. } = values {
            dictionary_page_offset = Some(offset(out));
            let (u, c) = self.dictionary_page(plain, *entries, out, compress)?;
            uncompressed += u;
            compressed += c;
        }
        let data_page_offset = offset(out);
        self.body.clear();
        definition_levels(levels, &mut self.body, &mut self.scratch);
        let encoded = encode_values(values, &mut self.body);
        let rows = levels.rows as i32;
        let (u, c) = self.page(out, compress, DATA_PAGE, |h| {
            h.begin(page_header::DATA_PAGE_HEADER);
            h.i32(data::NUM_VALUES, rows);
            h.i32(data::ENCODING, encoded.encoding);
            h.i32(data::DEFINITION_LEVEL_ENCODING, RLE);
            h.i32(data::REPETITION_LEVEL_ENCODING, RLE);
            h.end();
        })?;
        uncompressed += u;
        compressed += c;
        Ok(ChunkMeta {
            physical,
            encodings: encoded.encodings,
            codec: if compress { ZSTD } else { UNCOMPRESSED },
            num_values: levels.rows as i64,
            uncompressed,
            compressed,
            data_page_offset,
            dictionary_page_offset,
            null_count: levels.nulls as i64,
            min: encoded.min,
            max: encoded.max,
        })
    }

    /// Writes a dictionary page of `entries` values, `plain` its body. Returns the
    /// page's sizes, as `page` does.
    fn dictionary_page(
        &mut self,
        plain: &[u8],
        entries: usize,
        out: &mut Vec<u8>,
        compress: bool,
    ) -> Result<(i64, i64)> {
        self.body.clear();
        self.body.extend_from_slice(plain);
        self.page(out, compress, DICTIONARY_PAGE, |h| {
            h.begin(page_header::DICTIONARY_PAGE_HEADER);
            h.i32(dict::NUM_VALUES, entries as i32);
            h.i32(dict::ENCODING, PLAIN);
            h.end();
        })
    }

    /// Writes `self.body` as a page of `page_type` (header, then the body, compressed
    /// or not): `kind` writes the header's struct for that type. Returns the page's
    /// sizes, uncompressed and as written, header included.
    fn page(
        &mut self,
        out: &mut Vec<u8>,
        compress: bool,
        page_type: i32,
        kind: impl FnOnce(&mut Compact),
    ) -> Result<(i64, i64)> {
        if compress {
            self.packed.clear();
            self.packed
                .reserve(zstd::zstd_safe::compress_bound(self.body.len()));
            self.zstd
                .compress_to_buffer(&self.body, &mut self.packed)
                .explain(|| t!(lang::store::CANNOT_COMPRESS))?;
        }
        let body: &[u8] = if compress { &self.packed } else { &self.body };
        let size = |n: usize| i32::try_from(n).context("a page of over 2 GiB");
        let mut h = Compact::default();
        h.open();
        h.i32(page_header::TYPE, page_type);
        h.i32(page_header::UNCOMPRESSED_PAGE_SIZE, size(self.body.len())?);
        h.i32(page_header::COMPRESSED_PAGE_SIZE, size(body.len())?);
        kind(&mut h);
        h.end();
        out.extend_from_slice(&h.out);
        out.extend_from_slice(body);
        Ok((
            (h.out.len() + self.body.len()) as i64,
            (h.out.len() + body.len()) as i64,
        ))
    }
}

/// How a data page's values were written, and their least and greatest (for the
/// footer's statistics).
struct Encoded {
    encoding: i32,
    encodings: &'static [i32],
    min: Option<Vec<u8>>,
    max: Option<Vec<u8>>,
}

/// Appends the values to a data page's body, after its definition levels.
fn encode_values(values: &Values, body: &mut Vec<u8>) -> Encoded {
    let plain = |min, max| Encoded {
        encoding: PLAIN,
        encodings: &[PLAIN, RLE],
        min,
        max,
    };
    match values {
        Values::Dict {
            entries,
            indices,
            min,
            max,
            ..
        } => {
            let width = rle::width_of(entries.saturating_sub(1) as u32);
            body.push(width);
            rle::encode(indices, width, body);
            Encoded {
                encoding: RLE_DICTIONARY,
                encodings: &[PLAIN, RLE, RLE_DICTIONARY],
                min: min.map(<[u8]>::to_vec),
                max: max.map(<[u8]>::to_vec),
            }
        }
        Values::Ints(v) => {
            for x in v.iter() {
                body.extend_from_slice(&x.to_le_bytes());
            }
            let min = v.iter().min().map(|x| x.to_le_bytes().to_vec());
            let max = v.iter().max().map(|x| x.to_le_bytes().to_vec());
            plain(min, max)
        }
        Values::Bools(v) => {
            plain_bools(v, body);
            let min = (!v.is_empty()).then(|| vec![u8::from(v.iter().all(|&b| b))]);
            let max = (!v.is_empty()).then(|| vec![u8::from(v.iter().any(|&b| b))]);
            plain(min, max)
        }
        Values::Keys(keys) => {
            body.reserve(keys.len() * 20);
            for k in keys.iter() {
                body.extend_from_slice(&16u32.to_le_bytes());
                body.extend_from_slice(k);
            }
            plain(None, None)
        }
    }
}

/// Definition levels as a version-1 data page holds them: their byte length, then the
/// hybrid encoding (one run when every row has a value, or none has).
fn definition_levels(levels: Levels, out: &mut Vec<u8>, scratch: &mut Vec<u8>) {
    scratch.clear();
    match levels.valid {
        Some(valid) if levels.nulls > 0 && levels.nulls < levels.rows => {
            rle::encode(valid, 1, scratch);
        }
        _ => rle::encode_run(u32::from(levels.nulls == 0), levels.rows, 1, scratch),
    }
    out.extend_from_slice(&(scratch.len() as u32).to_le_bytes());
    out.extend_from_slice(scratch);
}

/// Booleans as PLAIN has them: a bit each, LSB first.
fn plain_bools(values: &[bool], out: &mut Vec<u8>) {
    for group in values.chunks(8) {
        let byte = group
            .iter()
            .enumerate()
            .fold(0u8, |acc, (i, &b)| acc | u8::from(b) << i);
        out.push(byte);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keyed hashes are PLAIN, which every reader reads: after the definition levels,
    /// each value's length (16) and its bytes, uncompressed.
    #[test]
    fn keyed_hashes_are_plain_byte_arrays() {
        let keys = [[1u8; 16], [2u8; 16], [3u8; 16]];
        let mut enc = Encoder::new().unwrap();
        let mut out = Vec::new();
        let levels = Levels {
            rows: 3,
            valid: None,
            nulls: 0,
        };
        let meta = enc
            .chunk(
                Physical::ByteArray,
                levels,
                &Values::Keys(&keys),
                &mut out,
                0,
            )
            .unwrap();
        assert_eq!(meta.encodings, &[PLAIN, RLE]);
        assert_eq!(meta.codec, UNCOMPRESSED);
        let mut values = Vec::new();
        for k in &keys {
            values.extend_from_slice(&16u32.to_le_bytes());
            values.extend_from_slice(k);
        }
        assert!(out.ends_with(&values), "{out:?}");
    }
}
