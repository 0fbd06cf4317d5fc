//! Members → the columns of a roll part's row group, filled a member at a time as the
//! member is kept, in the form the part writer stores them: codes and other text
//! dictionary-encoded as they come (each distinct value once, rows as indices), dates
//! as days, keyed hashes as their 16 bytes. Nothing is converted again on the way to
//! the file.

use anyhow::Result;
use polars::prelude::DataFrame;
use std::path::Path;

use super::parquet::{Column, FileWriter, Levels, Logical, Physical, Values};
use super::part::PartInfo;
use super::roll_columns::{Dict, Plain};
use super::rolls::col;
use crate::roll::{days, Birth, Key, Member};

/// A roll part's columns (README, "Roll parts"), in order.
pub static COLUMNS: [Column; 18] = [
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
    text(col::LEFT_REASON),
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
    left_reason: Dict,
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
        match m.org.built_in_code() {
            Some(code) => self.org.push_static(Some(code)),
            None => self.org.push(Some(m.org.code().as_bytes())),
        }
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
        self.left_reason
            .push_static(m.left_reason.map(crate::roll::LeftReason::code));
    }

    /// The unit code of the member pushed last, as an entry of the group's dictionary
    /// of codes: a caller counts rows by unit with a plain vector, then reads the codes
    /// once per group ([`Group::area_code`]).
    pub fn last_area(&self) -> Option<u32> {
        self.area_code.last_index()
    }

    /// The unit code of a dictionary entry of this group.
    pub fn area_code(&self, entry: u32) -> &[u8] {
        self.area_code.entry(entry as usize)
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
            &mut self.left_reason,
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
    /// an older part); a column the part did not have (`area_from` before format 2,
    /// `left_reason` before format 4) is empty in every row.
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
            (col::LEFT_REASON, &mut self.left_reason),
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
    fn columns(&self) -> [(Levels<'_>, Values<'_>); 18] {
        fn dict(d: &Dict) -> (Levels<'_>, Values<'_>) {
            (d.levels(), d.values())
        }
        fn ints(i: &Ints) -> (Levels<'_>, Values<'_>) {
            (i.levels(), Values::Ints(&i.values))
        }
        fn keys(k: &Keys) -> (Levels<'_>, Values<'_>) {
            (k.levels(), Values::Keys(&k.values))
        }
        fn bools(b: &Bools) -> (Levels<'_>, Values<'_>) {
            (b.levels(), Values::Bools(&b.values))
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
            dict(&self.left_reason),
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
