//! Roll parts: the column layout, member batches → frames, and the scans that read
//! them back.

use anyhow::Result;
use polars::prelude::*;
use std::path::Path;

use super::part;
use super::privacy::{Key, KEY_BYTES};

/// Column names of a roll part.
pub mod col {
    pub const ORG: &str = "org";
    pub const AS_OF: &str = "as_of";
    pub const PERSON: &str = "person";
    pub const HAS_NATIONAL_ID: &str = "has_national_id";
    pub const MEMBER_KEY: &str = "member_key";
    pub const NAME_KEY: &str = "name_key";
    pub const SEX: &str = "sex";
    pub const BIRTH_DATE: &str = "birth_date";
    pub const BIRTH_YEAR: &str = "birth_year";
    pub const ETHNICITY: &str = "ethnicity";
    pub const RELIGION: &str = "religion";
    pub const AREA_CODE: &str = "area_code";
    /// Since format 2: the pre-reform code a row's unit was read from, else null.
    pub const AREA_FROM: &str = "area_from";
    pub const ENTERPRISE_ID: &str = "enterprise_id";
    pub const JOINED_ON: &str = "joined_on";
    pub const LEFT_ON: &str = "left_on";
    pub const ACTIVE: &str = "active";
    /// Since format 4: why a departed member left (`died`, `moved`, `aged_out`,
    /// `left`, `struck_off`, `expelled`), from the status word; null for an active
    /// member, a status that gave no reason, and rows stored before format 4.
    pub const LEFT_REASON: &str = "left_reason";
}

pub use crate::roll::{days, from_days};

pub fn schema() -> Schema {
    let mut s = Schema::default();
    s.insert(col::ORG.into(), DataType::String);
    s.insert(col::AS_OF.into(), DataType::Date);
    s.insert(col::PERSON.into(), DataType::Binary);
    s.insert(col::HAS_NATIONAL_ID.into(), DataType::Boolean);
    s.insert(col::MEMBER_KEY.into(), DataType::Binary);
    s.insert(col::NAME_KEY.into(), DataType::Binary);
    s.insert(col::SEX.into(), DataType::String);
    s.insert(col::BIRTH_DATE.into(), DataType::Date);
    s.insert(col::BIRTH_YEAR.into(), DataType::Int32);
    s.insert(col::ETHNICITY.into(), DataType::String);
    s.insert(col::RELIGION.into(), DataType::String);
    s.insert(col::AREA_CODE.into(), DataType::String);
    s.insert(col::AREA_FROM.into(), DataType::String);
    s.insert(col::ENTERPRISE_ID.into(), DataType::String);
    s.insert(col::JOINED_ON.into(), DataType::Date);
    s.insert(col::LEFT_ON.into(), DataType::Date);
    s.insert(col::ACTIVE.into(), DataType::Boolean);
    s.insert(col::LEFT_REASON.into(), DataType::String);
    s
}

/// The columns of a roll part in a store of `format`: format 1 had no `area_from`,
/// formats before 4 no `left_reason`.
pub fn columns_of(format: u32) -> Vec<String> {
    schema()
        .iter_names()
        .map(|n| n.to_string())
        .filter(|n| format >= 2 || n != col::AREA_FROM)
        .filter(|n| format >= 4 || n != col::LEFT_REASON)
        .collect()
}

/// The identity keys of a stored part, for duplicate checks across a snapshot's files.
pub struct Identities {
    pub person: Vec<Key>,
    pub has_national_id: Vec<bool>,
    pub member_key: Vec<Option<Key>>,
    pub name_key: Vec<Option<Key>>,
}

fn key_of(b: &[u8]) -> Option<Key> {
    (b.len() == KEY_BYTES).then(|| {
        let mut k = [0u8; KEY_BYTES];
        k.copy_from_slice(b);
        k
    })
}

/// Who a part holds; `path` is where it is now (in the store, or staged).
pub fn identities(path: &Path, dir: &Path, rec: &super::IngestRecord) -> Result<Identities> {
    let df = part::read_checked_at(
        path,
        dir,
        rec,
        Some(&[
            col::PERSON,
            col::HAS_NATIONAL_ID,
            col::MEMBER_KEY,
            col::NAME_KEY,
        ]),
    )?;
    let person = df
        .column(col::PERSON)?
        .binary()?
        .iter()
        .map(|b| b.and_then(key_of).unwrap_or([0; KEY_BYTES]))
        .collect();
    let has_national_id = df
        .column(col::HAS_NATIONAL_ID)?
        .bool()?
        .iter()
        .map(|b| b.unwrap_or(false))
        .collect();
    let member_key = df
        .column(col::MEMBER_KEY)?
        .binary()?
        .iter()
        .map(|b| b.and_then(key_of))
        .collect();
    let name_key = df
        .column(col::NAME_KEY)?
        .binary()?
        .iter()
        .map(|b| b.and_then(key_of))
        .collect();
    Ok(Identities {
        person,
        has_national_id,
        member_key,
        name_key,
    })
}

/// Years as stored in a part's date column, as days since 1970.
pub fn date_days(df: &DataFrame, name: &str) -> Result<Vec<Option<i32>>> {
    let c = df.column(name)?.cast(&DataType::Int32)?;
    Ok(c.i32()?.iter().collect())
}
