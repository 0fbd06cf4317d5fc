//! Members → a frame in the part layout: each member's fields go into the seventeen
//! column builders together, as the member is kept (collecting one column at a time
//! read a whole batch of 65 536 members, 12 MiB, once per column, and holding the batch
//! as members moved each one once more).

use anyhow::Result;
use polars::prelude::*;
use polars_arrow::array::{MutableBinaryViewArray, MutablePrimitiveArray, PrimitiveArray};

use super::rolls::col;
use crate::roll::{days, Birth, Member};

type Text = MutableBinaryViewArray<str>;
type Bytes = MutableBinaryViewArray<[u8]>;
type Days = MutablePrimitiveArray<i32>;

/// The columns of a part's next row group, filled a member at a time.
pub struct Builders {
    len: usize,
    org: Text,
    as_of: Vec<i32>,
    person: Bytes,
    has_national_id: Vec<bool>,
    member_key: Bytes,
    name_key: Bytes,
    sex: Text,
    birth_date: Days,
    birth_year: Days,
    ethnicity: Text,
    religion: Text,
    area_code: Text,
    area_from: Text,
    enterprise_id: Text,
    joined_on: Days,
    left_on: Days,
    active: Vec<bool>,
}

impl Builders {
    pub fn with_capacity(n: usize) -> Builders {
        Builders {
            len: 0,
            org: Text::with_capacity(n),
            as_of: Vec::with_capacity(n),
            person: Bytes::with_capacity(n),
            has_national_id: Vec::with_capacity(n),
            member_key: Bytes::with_capacity(n),
            name_key: Bytes::with_capacity(n),
            sex: Text::with_capacity(n),
            birth_date: Days::with_capacity(n),
            birth_year: Days::with_capacity(n),
            ethnicity: Text::with_capacity(n),
            religion: Text::with_capacity(n),
            area_code: Text::with_capacity(n),
            area_from: Text::with_capacity(n),
            enterprise_id: Text::with_capacity(n),
            joined_on: Days::with_capacity(n),
            left_on: Days::with_capacity(n),
            active: Vec::with_capacity(n),
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn push(&mut self, m: &Member) {
        self.len += 1;
        self.org.push_value(m.org.code());
        self.as_of.push(days(m.as_of));
        self.person.push_value(&m.person[..]);
        self.has_national_id.push(m.has_national_id);
        self.member_key.push(m.member_key.as_ref().map(|k| &k[..]));
        self.name_key.push(m.name_key.as_ref().map(|k| &k[..]));
        self.sex.push(m.sex.map(|s| s.code()));
        self.birth_date.push(match m.birth {
            Some(Birth::Date(d)) => Some(days(d)),
            _ => None,
        });
        self.birth_year.push(m.birth.map(|b| b.year()));
        self.ethnicity.push(m.ethnicity);
        self.religion.push(m.religion);
        self.area_code.push_value(m.area_code.as_str());
        self.area_from.push(m.area_from.as_deref());
        self.enterprise_id.push(m.enterprise_id.as_deref());
        self.joined_on.push(m.joined_on.map(days));
        self.left_on.push(m.left_on.map(days));
        self.active.push(m.active);
    }

    /// The frame of the members pushed.
    pub fn finish(self) -> Result<DataFrame> {
        let n = self.len;
        let text = |name: &str, b: Text| StringChunked::with_chunk(name.into(), b.freeze());
        let bytes = |name: &str, b: Bytes| BinaryChunked::with_chunk(name.into(), b.freeze());
        let ints = |name: &str, b: Days| {
            Int32Chunked::with_chunk(name.into(), PrimitiveArray::<i32>::from(b))
        };
        let date = |name: &str, b: Days| ints(name, b).into_date().into_column();
        let cols = vec![
            text(col::ORG, self.org).into_column(),
            Int32Chunked::from_vec(col::AS_OF.into(), self.as_of)
                .into_date()
                .into_column(),
            bytes(col::PERSON, self.person).into_column(),
            BooleanChunked::from_slice(col::HAS_NATIONAL_ID.into(), &self.has_national_id)
                .into_column(),
            bytes(col::MEMBER_KEY, self.member_key).into_column(),
            bytes(col::NAME_KEY, self.name_key).into_column(),
            text(col::SEX, self.sex).into_column(),
            date(col::BIRTH_DATE, self.birth_date),
            ints(col::BIRTH_YEAR, self.birth_year).into_column(),
            text(col::ETHNICITY, self.ethnicity).into_column(),
            text(col::RELIGION, self.religion).into_column(),
            text(col::AREA_CODE, self.area_code).into_column(),
            text(col::AREA_FROM, self.area_from).into_column(),
            text(col::ENTERPRISE_ID, self.enterprise_id).into_column(),
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
