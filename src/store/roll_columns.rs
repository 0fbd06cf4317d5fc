//! The column builders of a roll part's row group: which rows have a value
//! ([`Validity`]), text dictionary-encoded as it comes ([`Dict`]), and plain values
//! ([`Plain`]).

use rustc_hash::FxHashMap;

use super::parquet::{Levels, Values};
use crate::text::packed;

/// Which rows have a value. The flags are kept only once a row has none: most
/// columns of most rolls are never empty.
#[derive(Default)]
struct Validity {
    rows: usize,
    nulls: usize,
    valid: Vec<bool>,
}

impl Validity {
    #[inline]
    fn push(&mut self, given: bool) {
        if !given && self.nulls == 0 {
            self.valid.resize(self.rows, true);
        }
        if self.nulls > 0 || !given {
            self.valid.push(given);
        }
        self.nulls += usize::from(!given);
        self.rows += 1;
    }

    fn levels(&self) -> Levels<'_> {
        Levels {
            rows: self.rows,
            valid: (self.nulls > 0).then_some(self.valid.as_slice()),
            nulls: self.nulls,
        }
    }

    fn clear(&mut self) {
        self.rows = 0;
        self.nulls = 0;
        self.valid.clear();
    }
}

/// A text column, dictionary-encoded as values are pushed: the dictionary is the
/// dictionary page's body itself (each value's length, then its bytes).
pub(super) struct Dict {
    valid: Validity,
    indices: Vec<u32>,
    plain: Vec<u8>,
    /// Where each entry starts in `plain` (after its length).
    starts: Vec<u32>,
    /// Values of up to 15 bytes by their bytes and length in one word.
    short: FxHashMap<u128, u32>,
    long: FxHashMap<Box<[u8]>, u32>,
    /// The last value pushed: codes repeat row after row.
    last: Option<(u128, u32)>,
    /// Recent short values, each in the slot its word picks: a column's few codes
    /// are found here without the hash map.
    recent: Box<[(u128, u32); RECENT]>,
    /// Values that live for the whole program (codes from tally's own tables), by
    /// their address and length: one compare instead of reading the value.
    statics: [(usize, usize, u32); STATICS],
}

/// Slots of [`Dict::recent`].
const RECENT: usize = 64;
/// Slots of [`Dict::statics`].
const STATICS: usize = 16;
/// No value packs to this word (a length byte is at most 15).
const NO_WORD: u128 = u128::MAX;

impl Default for Dict {
    fn default() -> Self {
        Dict {
            valid: Validity::default(),
            indices: Vec::new(),
            plain: Vec::new(),
            starts: Vec::new(),
            short: FxHashMap::default(),
            long: FxHashMap::default(),
            last: None,
            recent: Box::new([(NO_WORD, 0); RECENT]),
            statics: [(0, 0, 0); STATICS],
        }
    }
}

/// The slot of [`Dict::recent`] a word goes in.
#[inline]
fn slot(word: u128) -> usize {
    let mixed = (word as u64 ^ (word >> 64) as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (mixed >> 58) as usize
}

impl Dict {
    #[inline]
    pub(super) fn push(&mut self, value: Option<&[u8]>) {
        self.valid.push(value.is_some());
        if let Some(v) = value {
            let i = self.index(v);
            self.indices.push(i);
        }
    }

    /// [`Dict::push`] for a value of tally's own tables: the same value may be at
    /// other addresses too, so an address not seen yet is looked up by its bytes.
    #[inline]
    pub(super) fn push_static(&mut self, value: Option<&'static str>) {
        self.valid.push(value.is_some());
        if let Some(v) = value {
            let (at, len) = (v.as_ptr() as usize, v.len());
            let slot = (at.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 60) % STATICS;
            let (a, l, i) = self.statics[slot];
            let i = if a == at && l == len {
                i
            } else {
                let i = self.index(v.as_bytes());
                self.statics[slot] = (at, len, i);
                i
            };
            self.indices.push(i);
        }
    }

    #[inline]
    fn index(&mut self, v: &[u8]) -> u32 {
        let Some(word) = packed(v) else {
            if let Some(&i) = self.long.get(v) {
                return i;
            }
            let i = self.add(v);
            self.long.insert(v.into(), i);
            return i;
        };
        if let Some((w, i)) = self.last {
            if w == word {
                return i;
            }
        }
        let at = slot(word);
        if self.recent[at].0 == word {
            let i = self.recent[at].1;
            self.last = Some((word, i));
            return i;
        }
        let i = match self.short.get(&word) {
            Some(&i) => i,
            None => {
                let i = self.add(v);
                self.short.insert(word, i);
                i
            }
        };
        self.last = Some((word, i));
        self.recent[at] = (word, i);
        i
    }

    fn add(&mut self, v: &[u8]) -> u32 {
        let i = self.starts.len() as u32;
        self.plain
            .extend_from_slice(&(v.len() as u32).to_le_bytes());
        self.starts.push(self.plain.len() as u32);
        self.plain.extend_from_slice(v);
        i
    }

    /// The dictionary entry of the value pushed last (`None` if it was empty).
    pub(super) fn last_index(&self) -> Option<u32> {
        self.indices.last().copied()
    }

    pub(super) fn entry(&self, i: usize) -> &[u8] {
        let start = self.starts[i] as usize;
        let len = u32::from_le_bytes(self.plain[start - 4..start].try_into().unwrap_or_default())
            as usize;
        &self.plain[start..start + len]
    }

    pub(super) fn levels(&self) -> Levels<'_> {
        self.valid.levels()
    }

    pub(super) fn values(&self) -> Values<'_> {
        let entries = self.starts.len();
        let min = (0..entries).map(|i| self.entry(i)).min();
        let max = (0..entries).map(|i| self.entry(i)).max();
        Values::Dict {
            plain: &self.plain,
            entries,
            indices: &self.indices,
            min,
            max,
        }
    }

    pub(super) fn clear(&mut self) {
        self.valid.clear();
        self.indices.clear();
        self.plain.clear();
        self.starts.clear();
        self.short.clear();
        self.long.clear();
        self.last = None;
        self.recent.fill((NO_WORD, 0));
        self.statics = [(0, 0, 0); STATICS];
    }
}

/// A column stored as plain values: the values of the rows that have one.
pub(super) struct Plain<T> {
    valid: Validity,
    pub(super) values: Vec<T>,
}

impl<T> Default for Plain<T> {
    fn default() -> Self {
        Plain {
            valid: Validity::default(),
            values: Vec::new(),
        }
    }
}

impl<T> Plain<T> {
    #[inline]
    pub(super) fn push(&mut self, v: Option<T>) {
        self.valid.push(v.is_some());
        if let Some(v) = v {
            self.values.push(v);
        }
    }

    pub(super) fn levels(&self) -> Levels<'_> {
        self.valid.levels()
    }

    pub(super) fn clear(&mut self) {
        self.valid.clear();
        self.values.clear();
    }
}
