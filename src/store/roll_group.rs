//! Members → the columns of a roll part's row group, filled a member at a time as the
//! member is kept, in the form the part writer stores them: codes and other text
//! dictionary-encoded as they come (each distinct value once, rows as indices), dates
//! as days, keyed hashes as their 16 bytes. Nothing is converted again on the way to
//! the file.

use anyhow::Result;
use polars::prelude::DataFrame;
use rustc_hash::FxHashMap;
use std::path::Path;

use super::parquet::{Column, FileWriter, Levels, Logical, Physical, Values};
use super::part::PartInfo;
use super::rolls::col;
use crate::roll::{days, Birth, Key, Member};
use crate::text::packed;

/// A roll part's columns (README, "Roll parts"), in order.
pub static COLUMNS: [Column; 17] = [
    text(col::ORG),
    date(col::AS_OF),
    bytes(col::PERSON),
    boolean(col::HAS_NATIONAL_ID),
    bytes(col::MEMBER_KEY),
    bytes(col::NAME_KEY),
    text(col::SEX),
    date(col::BIRTH_DATE),
    Column {
        name: col::BIRTH_YEAR,
        physical: Physical::Int32,
        logical: Logical::None,
    },
    text(col::ETHNICITY),
    text(col::RELIGION),
    text(col::AREA_CODE),
    text(col::AREA_FROM),
    text(col::ENTERPRISE_ID),
    date(col::JOINED_ON),
    date(col::LEFT_ON),
    boolean(col::ACTIVE),
];

const fn text(name: &'static str) -> Column {
    Column {
        name,
        physical: Physical::ByteArray,
        logical: Logical::String,
    }
}

const fn date(name: &'static str) -> Column {
    Column {
        name,
        physical: Physical::Int32,
        logical: Logical::Date,
    }
}

const fn bytes(name: &'static str) -> Column {
    Column {
        name,
        physical: Physical::ByteArray,
        logical: Logical::None,
    }
}

const fn boolean(name: &'static str) -> Column {
    Column {
        name,
        physical: Physical::Boolean,
        logical: Logical::None,
    }
}

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
struct Dict {
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
    fn push(&mut self, value: Option<&[u8]>) {
        self.valid.push(value.is_some());
        if let Some(v) = value {
            let i = self.index(v);
            self.indices.push(i);
        }
    }

    /// [`Dict::push`] for a value of tally's own tables: the same value may be at
    /// other addresses too, so an address not seen yet is looked up by its bytes.
    #[inline]
    fn push_static(&mut self, value: Option<&'static str>) {
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

    fn entry(&self, i: usize) -> &[u8] {
        let start = self.starts[i] as usize;
        let len = u32::from_le_bytes(self.plain[start - 4..start].try_into().unwrap_or_default())
            as usize;
        &self.plain[start..start + len]
    }

    fn values(&self) -> Values<'_> {
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

    fn clear(&mut self) {
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
struct Plain<T> {
    valid: Validity,
    values: Vec<T>,
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
    fn push(&mut self, v: Option<T>) {
        self.valid.push(v.is_some());
        if let Some(v) = v {
            self.values.push(v);
        }
    }

    fn clear(&mut self) {
        self.valid.clear();
        self.values.clear();
    }
}

/// Days, years.
type Ints = Plain<i32>;
type Keys = Plain<Key>;
type Bools = Plain<bool>;

/// The columns of a part's next row group, filled a member at a time.
#[derive(Default)]
pub struct Group {
    len: usize,
    org: Dict,
    as_of: Ints,
    person: Keys,
    has_national_id: Bools,
    member_key: Keys,
    name_key: Keys,
    sex: Dict,
    birth_date: Ints,
    birth_year: Ints,
    ethnicity: Dict,
    religion: Dict,
    area_code: Dict,
    area_from: Dict,
    enterprise_id: Dict,
    joined_on: Ints,
    left_on: Ints,
    active: Bools,
}

impl Group {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn push(&mut self, m: &Member) {
        fn text(s: Option<&str>) -> Option<&[u8]> {
            s.map(str::as_bytes)
        }
        self.len += 1;
        self.org.push_static(Some(m.org.code()));
        self.as_of.push(Some(days(m.as_of)));
        self.person.push(Some(m.person));
        self.has_national_id.push(Some(m.has_national_id));
        self.member_key.push(m.member_key);
        self.name_key.push(m.name_key);
        self.sex.push_static(m.sex.map(|s| s.code()));
        self.birth_date.push(match m.birth {
            Some(Birth::Date(d)) => Some(days(d)),
            _ => None,
        });
        self.birth_year.push(m.birth.map(|b| b.year()));
        self.ethnicity.push_static(m.ethnicity);
        self.religion.push_static(m.religion);
        self.area_code.push(Some(m.area_code.as_bytes()));
        self.area_from.push(text(m.area_from.as_deref()));
        self.enterprise_id.push(text(m.enterprise_id.as_deref()));
        self.joined_on.push(m.joined_on.map(days));
        self.left_on.push(m.left_on.map(days));
        self.active.push(Some(m.active));
    }

    /// Empties the group for the next rows, keeping its memory.
    pub fn clear(&mut self) {
        self.len = 0;
        for d in [
            &mut self.org,
            &mut self.sex,
            &mut self.ethnicity,
            &mut self.religion,
            &mut self.area_code,
            &mut self.area_from,
            &mut self.enterprise_id,
        ] {
            d.clear();
        }
        for i in [
            &mut self.as_of,
            &mut self.birth_date,
            &mut self.birth_year,
            &mut self.joined_on,
            &mut self.left_on,
        ] {
            i.clear();
        }
        for k in [&mut self.person, &mut self.member_key, &mut self.name_key] {
            k.clear();
        }
        self.has_national_id.clear();
        self.active.clear();
    }

    /// Appends the rows of a part's row group as polars read it (an upgrade rewriting
    /// an older part); a column the part did not have (`area_from` before format 2)
    /// is empty in every row.
    pub fn push_frame(&mut self, df: &DataFrame) -> Result<()> {
        let n = df.height();
        let has = |name: &str| df.get_column_index(name).is_some();
        for (name, d) in [
            (col::ORG, &mut self.org),
            (col::SEX, &mut self.sex),
            (col::ETHNICITY, &mut self.ethnicity),
            (col::RELIGION, &mut self.religion),
            (col::AREA_CODE, &mut self.area_code),
            (col::AREA_FROM, &mut self.area_from),
            (col::ENTERPRISE_ID, &mut self.enterprise_id),
        ] {
            if has(name) {
                for v in df.column(name)?.str()?.iter() {
                    d.push(v.map(str::as_bytes));
                }
            } else {
                (0..n).for_each(|_| d.push(None));
            }
        }
        for (name, ints) in [
            (col::AS_OF, &mut self.as_of),
            (col::BIRTH_DATE, &mut self.birth_date),
            (col::JOINED_ON, &mut self.joined_on),
            (col::LEFT_ON, &mut self.left_on),
        ] {
            df.column(name)?
                .date()?
                .physical()
                .iter()
                .for_each(|v| ints.push(v));
        }
        df.column(col::BIRTH_YEAR)?
            .i32()?
            .iter()
            .for_each(|v| self.birth_year.push(v));
        for (name, keys) in [
            (col::PERSON, &mut self.person),
            (col::MEMBER_KEY, &mut self.member_key),
            (col::NAME_KEY, &mut self.name_key),
        ] {
            for v in df.column(name)?.binary()?.iter() {
                let key = v
                    .map(|b| {
                        Key::try_from(b)
                            .map_err(|_| anyhow::anyhow!("a {name} of {} bytes, not 16", b.len()))
                    })
                    .transpose()?;
                keys.push(key);
            }
        }
        for (name, bools) in [
            (col::HAS_NATIONAL_ID, &mut self.has_national_id),
            (col::ACTIVE, &mut self.active),
        ] {
            df.column(name)?.bool()?.iter().for_each(|v| bools.push(v));
        }
        self.len += n;
        Ok(())
    }

    /// Every column's levels and values, in [`COLUMNS`] order.
    fn columns(&self) -> [(Levels<'_>, Values<'_>); 17] {
        fn dict(d: &Dict) -> (Levels<'_>, Values<'_>) {
            (d.valid.levels(), d.values())
        }
        fn ints(i: &Ints) -> (Levels<'_>, Values<'_>) {
            (i.valid.levels(), Values::Ints(&i.values))
        }
        fn keys(k: &Keys) -> (Levels<'_>, Values<'_>) {
            (k.valid.levels(), Values::Keys(&k.values))
        }
        fn bools(b: &Bools) -> (Levels<'_>, Values<'_>) {
            (b.valid.levels(), Values::Bools(&b.values))
        }
        [
            dict(&self.org),
            ints(&self.as_of),
            keys(&self.person),
            bools(&self.has_national_id),
            keys(&self.member_key),
            keys(&self.name_key),
            dict(&self.sex),
            ints(&self.birth_date),
            ints(&self.birth_year),
            dict(&self.ethnicity),
            dict(&self.religion),
            dict(&self.area_code),
            dict(&self.area_from),
            dict(&self.enterprise_id),
            ints(&self.joined_on),
            ints(&self.left_on),
            bools(&self.active),
        ]
    }
}

/// A roll part being written, a row group at a time.
pub struct RollPartWriter(FileWriter);

impl RollPartWriter {
    pub fn create(path: &Path) -> Result<RollPartWriter> {
        Ok(RollPartWriter(FileWriter::create(path, &COLUMNS)?))
    }

    /// Writes `group` as the next row group (nothing when it is empty).
    pub fn write(&mut self, group: &Group) -> Result<()> {
        self.0.write_group(group.len, &group.columns())
    }

    pub fn finish(self) -> Result<PartInfo> {
        self.0.finish()
    }
}

/// A part holding `members` in row groups of `per_group` (the tests' parts).
#[cfg(test)]
pub fn write_part(path: &Path, members: &[Member], per_group: usize) -> Result<PartInfo> {
    let mut w = RollPartWriter::create(path)?;
    let mut g = Group::default();
    for chunk in members.chunks(per_group.max(1)) {
        g.clear();
        for m in chunk {
            g.push(m);
        }
        w.write(&g)?;
    }
    w.finish()
}

#[cfg(test)]
#[path = "roll_group_tests.rs"]
mod tests;
