//! A decoded row group as plain columns: what the scan hands the fold. Text columns
//! arrive dictionary-encoded, numbers and dates as sentinel-filled vectors, read from
//! the Arrow arrays chunk by chunk.

use anyhow::Result;
use polars::prelude::*;
use polars_arrow::array::Array;
use polars_arrow::bitmap::Bitmap;
use rustc_hash::FxHashMap;

use super::rolls::col;
use super::IngestRecord;
use crate::roll::{Batch, Codes, Columns, LeftReason, NO_CODE, NO_DAY, NO_VALUE};

/// Dictionary-encodes text columns. Arrow keeps a string of up to 12 bytes inside its
/// 16-byte view, so most values (unit codes, tax codes, codes of sex, ethnicity and
/// religion) are told apart by comparing views, never by comparing strings.
#[derive(Default)]
pub(super) struct Encoder {
    /// Short values (up to 12 bytes), by their view, which holds the value itself.
    by_view: FxHashMap<u128, u32>,
    /// Long values by their view, within the current chunk only.
    by_long_view: FxHashMap<u128, u32>,
    by_text: FxHashMap<String, u32>,
}

impl Encoder {
    pub(super) fn encode(&mut self, col: &StringChunked, out: &mut Codes) {
        out.clear();
        self.by_view.clear();
        self.by_text.clear();
        for arr in col.downcast_iter() {
            // A long value's view points into its chunk's own buffers: it names the
            // value only within the chunk.
            self.by_long_view.clear();
            let mut last: Option<(u128, u32)> = None;
            let validity = arr.validity();
            for (i, view) in arr.views().iter().enumerate() {
                if validity.is_some_and(|b| !b.get_bit(i)) {
                    out.rows.push(NO_VALUE);
                    continue;
                }
                let key = view.as_u128();
                let code = match last {
                    Some((k, c)) if k == key => c,
                    _ => {
                        let inline = view.length <= 12;
                        let memo = if inline {
                            &mut self.by_view
                        } else {
                            &mut self.by_long_view
                        };
                        let c = match memo.get(&key) {
                            Some(&c) => c,
                            None => {
                                let c = code_of(&mut self.by_text, arr.value(i), inline, out);
                                memo.insert(key, c);
                                c
                            }
                        };
                        last = Some((key, c));
                        c
                    }
                };
                out.rows.push(code);
            }
        }
    }
}

/// The code of a value not seen under this view. A short value's view is the value
/// itself, so it is new; a long one may be known under another view.
fn code_of(by_text: &mut FxHashMap<String, u32>, text: &str, inline: bool, out: &mut Codes) -> u32 {
    if !inline {
        if let Some(&c) = by_text.get(text) {
            return c;
        }
        by_text.insert(text.to_string(), out.dict.len() as u32);
    }
    out.dict.push(text.to_string());
    (out.dict.len() - 1) as u32
}

/// Refills `b` from a decoded row group.
pub(super) fn fill(
    df: &DataFrame,
    need: Columns,
    rec: &IngestRecord,
    b: &mut Batch,
    enc: &mut Encoder,
) -> Result<()> {
    b.clear();
    b.len = df.height();
    enc.encode(df.column(col::AREA_CODE)?.str()?, &mut b.area);
    days(df, col::JOINED_ON, &mut b.joined)?;
    days(df, col::LEFT_ON, &mut b.left)?;
    for arr in df.column(col::ACTIVE)?.bool()?.downcast_iter() {
        let valid = arr.validity();
        let values = arr.values();
        // A missing status is the default status: active.
        b.active.extend(
            (0..arr.len()).map(|i| valid.is_some_and(|v| !v.get_bit(i)) || values.get_bit(i)),
        );
    }
    if need.person {
        for arr in df.column(col::PERSON)?.binary()?.downcast_iter() {
            let valid = arr.validity();
            b.person.extend((0..arr.len()).map(|i| {
                if valid.is_some_and(|v| !v.get_bit(i)) {
                    return 0;
                }
                crate::roll::person_prefix(arr.value(i))
            }));
        }
    }
    if need.enterprise {
        enc.encode(df.column(col::ENTERPRISE_ID)?.str()?, &mut b.enterprise);
    }
    let mut text = Codes::default();
    if need.sex {
        enc.encode(df.column(col::SEX)?.str()?, &mut text);
        let sexes: Vec<u8> = text.dict.iter().map(|s| u8::from(s != "male")).collect();
        b.sex.extend(text.rows.iter().map(|&r| decoded(&sexes, r)));
    }
    if need.birth {
        days(df, col::BIRTH_DATE, &mut b.birth_days)?;
        for arr in df.column(col::BIRTH_YEAR)?.i32()?.downcast_iter() {
            extend_i32(&mut b.birth_year, arr.values(), arr.validity());
        }
    }
    for (wanted, name, out) in [
        (need.ethnicity, col::ETHNICITY, &mut b.ethnicity),
        (need.religion, col::RELIGION, &mut b.religion),
    ] {
        if wanted {
            enc.encode(df.column(name)?.str()?, &mut text);
            let values = small_codes(&text.dict, name, rec)?;
            out.extend(text.rows.iter().map(|&r| decoded(&values, r)));
        }
    }
    if need.reason {
        reasons(df, rec, b, enc)?;
    }
    Ok(())
}

/// The `left_reason` column as indices in [`LeftReason::ALL`]; a part without the
/// column (written before format 4) holds no reason for any row.
fn reasons(df: &DataFrame, rec: &IngestRecord, b: &mut Batch, enc: &mut Encoder) -> Result<()> {
    let Ok(column) = df.column(col::LEFT_REASON) else {
        b.reason.resize(b.len, NO_CODE);
        return Ok(());
    };
    let mut text = Codes::default();
    enc.encode(column.str()?, &mut text);
    let values = text
        .dict
        .iter()
        .map(|c| {
            let r = LeftReason::from_code(c);
            let i = r.and_then(|r| LeftReason::ALL.iter().position(|x| *x == r));
            i.map(|i| i as u8)
                .ok_or_else(|| anyhow::anyhow!("{}: bad left_reason code {c:?}", rec.part))
        })
        .collect::<Result<Vec<u8>>>()?;
    b.reason
        .extend(text.rows.iter().map(|&r| decoded(&values, r)));
    Ok(())
}

fn decoded(values: &[u8], row: u32) -> u8 {
    if row == NO_VALUE {
        NO_CODE
    } else {
        values[row as usize]
    }
}

fn extend_i32(out: &mut Vec<i32>, values: &[i32], validity: Option<&Bitmap>) {
    match validity {
        None => out.extend_from_slice(values),
        Some(v) => {
            out.extend(
                values
                    .iter()
                    .enumerate()
                    .map(|(i, x)| if v.get_bit(i) { *x } else { NO_DAY }),
            )
        }
    }
}

/// A date column as days since 1970, [`NO_DAY`] where empty.
fn days(df: &DataFrame, name: &str, out: &mut Vec<i32>) -> Result<()> {
    for arr in df.column(name)?.date()?.physical().downcast_iter() {
        extend_i32(out, arr.values(), arr.validity());
    }
    Ok(())
}

/// Small-number codes (ethnicity, religion). A code that does not fit (never written
/// by tally) is an error, not a silent "unknown".
fn small_codes(dict: &[String], name: &str, rec: &IngestRecord) -> Result<Vec<u8>> {
    dict.iter()
        .map(|c| {
            c.parse::<u8>()
                .ok()
                .filter(|v| *v != NO_CODE)
                .ok_or_else(|| anyhow::anyhow!("{}: bad {name} code {c:?}", rec.part))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_encoded_once_per_distinct_value() {
        // Long values (over 12 bytes) live outside their views; empty cells get no code.
        let long = "0101234567-001";
        let mut a = StringChunked::new(
            "c".into(),
            &[Some(long), None, Some("02647"), Some(long), Some("02647")],
        );
        a.append(&StringChunked::new(
            "c".into(),
            &[Some("02647"), Some(long), Some("")],
        ))
        .unwrap();
        let mut out = Codes::default();
        let mut enc = Encoder::default();
        enc.encode(&a, &mut out);
        assert_eq!(out.dict, [long, "02647", ""]);
        assert_eq!(out.rows, [0, NO_VALUE, 1, 0, 1, 1, 0, 2]);
        // A second column starts afresh.
        enc.encode(&StringChunked::new("d".into(), &[Some("x")]), &mut out);
        assert_eq!(
            (out.dict.as_slice(), out.rows.as_slice()),
            (&["x".to_string()][..], &[0][..])
        );
    }

    #[test]
    fn long_values_of_different_chunks_are_told_apart() {
        // Each chunk keeps its own buffers: these two values, first in their chunks,
        // have the same length and prefix and so the same 16-byte view.
        let mut a = StringChunked::new("c".into(), &[Some("0101234567-001")]);
        a.append(&StringChunked::new("c".into(), &[Some("0101234567-002")]))
            .unwrap();
        let mut out = Codes::default();
        Encoder::default().encode(&a, &mut out);
        assert_eq!(out.dict, ["0101234567-001", "0101234567-002"]);
        assert_eq!(out.rows, [0, 1]);
    }
}
