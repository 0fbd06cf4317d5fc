//! Members → a frame in the part layout: each member's fields go into the seventeen
//! column builders together, as the member is kept (collecting one column at a time
//! read a whole batch of 65 536 members, 12 MiB, once per column, and holding the batch
//! as members moved each one once more).
//!
//! The builders write Arrow's own layout directly (a view per value, longer values in
//! one buffer, a validity bitmap only where a null came) rather than through polars'
//! general mutable arrays, which check and grow per value: that was a seventh of the
//! 10M-row ingest's CPU.

use anyhow::Result;
use polars::prelude::*;
use polars_arrow::array::{BinaryViewArrayGeneric, PrimitiveArray, View, ViewType};
use polars_arrow::bitmap::MutableBitmap;
use polars_arrow::datatypes::ArrowDataType;
use polars_buffer::Buffer;

use super::rolls::col;
use crate::roll::{days, Birth, Member};

// `inline` reads a value's bytes as little-endian words, which is Arrow's layout only
// on a little-endian machine (every one tally is built for).
#[cfg(not(target_endian = "little"))]
compile_error!("the part writer builds Arrow views for little-endian machines only");

/// Values of this many bytes or fewer live inside their view.
const INLINE: usize = View::MAX_INLINE_SIZE as usize;

/// Which values were given: the bits, and whether any was not.
struct Validity {
    bits: MutableBitmap,
    nulls: usize,
}

impl Validity {
    fn with_capacity(n: usize) -> Validity {
        Validity {
            bits: MutableBitmap::with_capacity(n),
            nulls: 0,
        }
    }

    #[inline]
    fn push(&mut self, given: bool) {
        self.bits.push(given);
        self.nulls += usize::from(!given);
    }

    /// As Arrow keeps it: no bitmap at all when every value was given.
    fn finish(self) -> Option<polars_arrow::bitmap::Bitmap> {
        (self.nulls > 0).then(|| self.bits.into())
    }
}

/// A text or bytes column as Arrow views.
struct Views {
    views: Vec<View>,
    buffers: Vec<Buffer<u8>>,
    buffer: Vec<u8>,
    valid: Validity,
    bytes: usize,
    buffered: usize,
}

impl Views {
    fn with_capacity(n: usize) -> Views {
        Views {
            views: Vec::with_capacity(n),
            buffers: Vec::new(),
            buffer: Vec::new(),
            valid: Validity::with_capacity(n),
            bytes: 0,
            buffered: 0,
        }
    }

    #[inline]
    fn push(&mut self, value: Option<&[u8]>) {
        match value {
            Some(v) => self.push_value(v),
            None => {
                self.views.push(View::default());
                self.valid.push(false);
            }
        }
    }

    #[inline]
    fn push_value(&mut self, v: &[u8]) {
        self.valid.push(true);
        self.bytes += v.len();
        let view = if v.len() <= INLINE {
            inline(v)
        } else {
            self.push_long(v)
        };
        self.views.push(view);
    }

    /// A value longer than a view holds: into the buffer, a new one when this one
    /// would pass what a view's 32-bit offset can reach.
    fn push_long(&mut self, v: &[u8]) -> View {
        let (Ok(length), Some(prefix)) = (u32::try_from(v.len()), v.first_chunk::<4>()) else {
            unreachable!("a long value is between 13 bytes and 4 GiB (a row is under 4 GiB)")
        };
        if u32::try_from(self.buffer.len() + v.len()).is_err() {
            self.seal();
        }
        let offset = self.buffer.len() as u32;
        self.buffer.extend_from_slice(v);
        View {
            length,
            prefix: u32::from_le_bytes(*prefix),
            buffer_idx: self.buffers.len() as u32,
            offset,
        }
    }

    fn seal(&mut self) {
        let full = std::mem::take(&mut self.buffer);
        self.buffered += full.len();
        self.buffers.push(full.into());
    }

    /// The column as Arrow's array of `T`.
    ///
    /// # Safety
    /// For `T = str`, every value pushed was valid UTF-8.
    unsafe fn finish<T: ViewType + ?Sized>(mut self) -> BinaryViewArrayGeneric<T> {
        if !self.buffer.is_empty() {
            self.seal();
        }
        // SAFETY: each view is inline (length ≤ 12, the bytes after it zero) or points
        // into `buffers` at its index and offset with its length and first four bytes,
        // as built above; the validity has a bit per view; the totals are the sums of
        // the values' lengths and of the buffers'. UTF-8 is the caller's promise.
        // Debug builds (the tests) check the views, and the UTF-8, with polars' own
        // validation.
        #[cfg(debug_assertions)]
        if let Err(e) = BinaryViewArrayGeneric::<T>::try_new(
            T::DATA_TYPE,
            self.views.clone().into(),
            self.buffers.clone().into(),
            None,
        ) {
            panic!("a part column's views are not valid: {e}");
        }
        unsafe {
            BinaryViewArrayGeneric::<T>::new_unchecked(
                T::DATA_TYPE,
                self.views.into(),
                self.buffers.into(),
                self.valid.finish(),
                Some(self.bytes),
                self.buffered,
            )
        }
    }

    fn text(self, name: &str) -> Column {
        // SAFETY: text columns are pushed only `&str`s (see `Builders::push`).
        StringChunked::with_chunk(name.into(), unsafe { self.finish::<str>() }).into_column()
    }

    fn bytes(self, name: &str) -> Column {
        // SAFETY: any bytes are valid binary.
        BinaryChunked::with_chunk(name.into(), unsafe { self.finish::<[u8]>() }).into_column()
    }
}

/// The view of a value of 12 bytes or fewer: its length, then the value, zero-padded.
/// The bytes are read as overlapping words (a byte present in two reads is the same
/// byte, so or-ing them is exact): a copy through a 12-byte scratch, then reading it
/// back as words, stalled on every value.
#[inline]
fn inline(v: &[u8]) -> View {
    let n = v.len();
    debug_assert!(n <= INLINE);
    let at = |i: usize, word: u128| word << (8 * i);
    let data = if n >= 8 {
        let lo = u64::from_le_bytes(v[..8].try_into().unwrap_or_default());
        let hi = u32::from_le_bytes(v[n - 4..].try_into().unwrap_or_default());
        u128::from(lo) | at(n - 4, u128::from(hi))
    } else if n >= 4 {
        let lo = u32::from_le_bytes(v[..4].try_into().unwrap_or_default());
        let hi = u32::from_le_bytes(v[n - 4..].try_into().unwrap_or_default());
        u128::from(lo) | at(n - 4, u128::from(hi))
    } else if n > 0 {
        u128::from(v[0]) | at(n / 2, u128::from(v[n / 2])) | at(n - 1, u128::from(v[n - 1]))
    } else {
        0
    };
    View {
        length: n as u32,
        prefix: data as u32,
        buffer_idx: (data >> 32) as u32,
        offset: (data >> 64) as u32,
    }
}

/// A column of 32-bit integers (days, years).
struct Ints {
    values: Vec<i32>,
    valid: Validity,
}

impl Ints {
    fn with_capacity(n: usize) -> Ints {
        Ints {
            values: Vec::with_capacity(n),
            valid: Validity::with_capacity(n),
        }
    }

    #[inline]
    fn push(&mut self, v: Option<i32>) {
        self.values.push(v.unwrap_or_default());
        self.valid.push(v.is_some());
    }

    fn finish(self, name: &str) -> Int32Chunked {
        let array = PrimitiveArray::<i32>::new(
            ArrowDataType::Int32,
            self.values.into(),
            self.valid.finish(),
        );
        Int32Chunked::with_chunk(name.into(), array)
    }
}

/// The columns of a part's next row group, filled a member at a time.
pub struct Builders {
    len: usize,
    org: Views,
    as_of: Vec<i32>,
    person: Views,
    has_national_id: Vec<bool>,
    member_key: Views,
    name_key: Views,
    sex: Views,
    birth_date: Ints,
    birth_year: Ints,
    ethnicity: Views,
    religion: Views,
    area_code: Views,
    area_from: Views,
    enterprise_id: Views,
    joined_on: Ints,
    left_on: Ints,
    active: Vec<bool>,
}

impl Builders {
    pub fn with_capacity(n: usize) -> Builders {
        Builders {
            len: 0,
            org: Views::with_capacity(n),
            as_of: Vec::with_capacity(n),
            person: Views::with_capacity(n),
            has_national_id: Vec::with_capacity(n),
            member_key: Views::with_capacity(n),
            name_key: Views::with_capacity(n),
            sex: Views::with_capacity(n),
            birth_date: Ints::with_capacity(n),
            birth_year: Ints::with_capacity(n),
            ethnicity: Views::with_capacity(n),
            religion: Views::with_capacity(n),
            area_code: Views::with_capacity(n),
            area_from: Views::with_capacity(n),
            enterprise_id: Views::with_capacity(n),
            joined_on: Ints::with_capacity(n),
            left_on: Ints::with_capacity(n),
            active: Vec::with_capacity(n),
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Text columns are given `&str` only: [`Views::text`] relies on it.
    pub fn push(&mut self, m: &Member) {
        fn text(s: Option<&str>) -> Option<&[u8]> {
            s.map(str::as_bytes)
        }
        self.len += 1;
        self.org.push_value(m.org.code().as_bytes());
        self.as_of.push(days(m.as_of));
        self.person.push_value(&m.person[..]);
        self.has_national_id.push(m.has_national_id);
        self.member_key.push(m.member_key.as_ref().map(|k| &k[..]));
        self.name_key.push(m.name_key.as_ref().map(|k| &k[..]));
        self.sex.push(text(m.sex.map(|s| s.code())));
        self.birth_date.push(match m.birth {
            Some(Birth::Date(d)) => Some(days(d)),
            _ => None,
        });
        self.birth_year.push(m.birth.map(|b| b.year()));
        self.ethnicity.push(text(m.ethnicity));
        self.religion.push(text(m.religion));
        self.area_code.push_value(m.area_code.as_bytes());
        self.area_from.push(text(m.area_from.as_deref()));
        self.enterprise_id.push(text(m.enterprise_id.as_deref()));
        self.joined_on.push(m.joined_on.map(days));
        self.left_on.push(m.left_on.map(days));
        self.active.push(m.active);
    }

    /// The frame of the members pushed.
    pub fn finish(self) -> Result<DataFrame> {
        let n = self.len;
        let date = |name: &str, b: Ints| b.finish(name).into_date().into_column();
        let cols = vec![
            self.org.text(col::ORG),
            Int32Chunked::from_vec(col::AS_OF.into(), self.as_of)
                .into_date()
                .into_column(),
            self.person.bytes(col::PERSON),
            BooleanChunked::from_slice(col::HAS_NATIONAL_ID.into(), &self.has_national_id)
                .into_column(),
            self.member_key.bytes(col::MEMBER_KEY),
            self.name_key.bytes(col::NAME_KEY),
            self.sex.text(col::SEX),
            date(col::BIRTH_DATE, self.birth_date),
            self.birth_year.finish(col::BIRTH_YEAR).into_column(),
            self.ethnicity.text(col::ETHNICITY),
            self.religion.text(col::RELIGION),
            self.area_code.text(col::AREA_CODE),
            self.area_from.text(col::AREA_FROM),
            self.enterprise_id.text(col::ENTERPRISE_ID),
            date(col::JOINED_ON, self.joined_on),
            date(col::LEFT_ON, self.left_on),
            BooleanChunked::from_slice(col::ACTIVE.into(), &self.active).into_column(),
        ];
        Ok(DataFrame::new(n, cols)?)
    }
}

/// A batch of members as a frame in the part layout (the tests' parts).
#[cfg(test)]
pub fn frame(batch: &[Member]) -> Result<DataFrame> {
    let mut b = Builders::with_capacity(batch.len());
    for m in batch {
        b.push(m);
    }
    b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_value_makes_the_view_arrow_makes() {
        let bytes: Vec<u8> = (1..=12u8).map(|b| b.wrapping_mul(37) | 0x80).collect();
        for n in 0..=INLINE {
            for start in 0..=(bytes.len() - n) {
                let v = &bytes[start..start + n];
                assert_eq!(inline(v), View::new_inline(v), "{v:?}");
            }
        }
    }
}
