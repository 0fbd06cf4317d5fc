//! Roll snapshots read back from the store into compact member rows.

use anyhow::Result;
use chrono::NaiveDate;
use polars::prelude::*;
use std::collections::BTreeMap;

use crate::org::Org;
use crate::reference::Reference;
use crate::store::rolls::{self, col};
use crate::store::{part, Manifest};
use std::path::Path;

/// One member of a snapshot, reduced to what metrics need: 40 bytes, with a sentinel
/// for "missing" in each field instead of an `Option` (which doubled the size; a
/// national report holds ten million of these).
#[derive(Debug, Clone)]
pub struct Member {
    pub person: u64,
    area: u32,
    enterprise: u32,
    birth_days: i32,
    birth_year: i32,
    joined: i32,
    left: i32,
    /// 0 male, 1 female.
    sex: u8,
    ethnicity: u8,
    religion: u8,
    pub active: bool,
}

const NO_INDEX: u32 = u32::MAX;
const NO_DAY: i32 = i32::MIN;
const NO_CODE: u8 = u8::MAX;

fn day(v: i32) -> Option<i32> {
    (v != NO_DAY).then_some(v)
}

fn code(v: u8) -> Option<u8> {
    (v != NO_CODE).then_some(v)
}

impl Member {
    /// Index into the areas reference; `None` for a unit the areas do not have.
    pub fn area(&self) -> Option<u32> {
        (self.area != NO_INDEX).then_some(self.area)
    }

    pub fn enterprise(&self) -> Option<u32> {
        (self.enterprise != NO_INDEX).then_some(self.enterprise)
    }

    pub fn birth_days(&self) -> Option<i32> {
        day(self.birth_days)
    }

    pub fn birth_year(&self) -> Option<i32> {
        day(self.birth_year)
    }

    pub fn joined(&self) -> Option<i32> {
        day(self.joined)
    }

    pub fn left(&self) -> Option<i32> {
        day(self.left)
    }

    /// 0 male, 1 female.
    pub fn sex(&self) -> Option<u8> {
        code(self.sex)
    }

    /// GSO codes as numbers.
    pub fn ethnicity(&self) -> Option<u8> {
        code(self.ethnicity)
    }

    pub fn religion(&self) -> Option<u8> {
        code(self.religion)
    }

    /// SPEC §5: joined on or before `d` (or no date), and not left: a given `left_on`
    /// decides; without one, the status does.
    pub fn active_at(&self, d: i32) -> bool {
        self.joined().is_none_or(|j| j <= d)
            && match self.left() {
                Some(l) => l > d,
                None => self.active,
            }
    }
}

/// The snapshot each org uses for a date: its latest `as_of` on or before it.
pub fn snapshots_for(m: &Manifest, end: NaiveDate) -> BTreeMap<Org, NaiveDate> {
    let mut out: BTreeMap<Org, NaiveDate> = BTreeMap::new();
    for i in m.ingests.iter().filter(|i| i.kind == "roll") {
        let (Some(org), Some(as_of)) = (i.org.as_deref().and_then(Org::parse), i.as_of.as_deref())
        else {
            continue;
        };
        let Ok(d) = as_of.parse::<NaiveDate>() else {
            continue;
        };
        if d <= end {
            let e = out.entry(org).or_insert(d);
            if d > *e {
                *e = d;
            }
        }
    }
    out
}

/// Members of a snapshot; unknown area codes are counted by code.
pub struct Loaded {
    pub members: Vec<Member>,
    pub unknown_areas: BTreeMap<String, u64>,
}

pub fn snapshot(
    dir: &Path,
    m: &Manifest,
    org: Org,
    as_of: NaiveDate,
    reference: &Reference,
) -> Result<Loaded> {
    let as_of = as_of.to_string();
    let ent_index: std::collections::HashMap<&str, u32> = reference
        .enterprises
        .rows
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i as u32))
        .collect();
    let mut out = Loaded {
        members: Vec::new(),
        unknown_areas: BTreeMap::new(),
    };
    let cols = [
        col::PERSON,
        col::AREA_CODE,
        col::ENTERPRISE_ID,
        col::SEX,
        col::BIRTH_DATE,
        col::BIRTH_YEAR,
        col::ETHNICITY,
        col::RELIGION,
        col::JOINED_ON,
        col::LEFT_ON,
        col::ACTIVE,
    ];
    for rec in m.snapshot_parts(org.code(), &as_of) {
        let df = part::read_checked(dir, rec, Some(&cols))?;
        let person = df.column(col::PERSON)?.binary()?.clone();
        let area = df.column(col::AREA_CODE)?.str()?.clone();
        let ent = df.column(col::ENTERPRISE_ID)?.str()?.clone();
        let sex = df.column(col::SEX)?.str()?.clone();
        let birth = rolls::date_days(&df, col::BIRTH_DATE)?;
        let birth_year = df
            .column(col::BIRTH_YEAR)?
            .cast(&DataType::Int32)?
            .i32()?
            .clone();
        let eth = df.column(col::ETHNICITY)?.str()?.clone();
        let rel = df.column(col::RELIGION)?.str()?.clone();
        let joined = rolls::date_days(&df, col::JOINED_ON)?;
        let left = rolls::date_days(&df, col::LEFT_ON)?;
        let active = df.column(col::ACTIVE)?.bool()?.clone();
        out.members.reserve(df.height());
        for (i, (((((p, a), e), s), (by, et)), (r, act))) in person
            .iter()
            .zip(area.iter())
            .zip(ent.iter())
            .zip(sex.iter())
            .zip(birth_year.iter().zip(eth.iter()))
            .zip(rel.iter().zip(active.iter()))
            .enumerate()
        {
            let code = a.unwrap_or("");
            let area = reference.areas.position(code);
            if area.is_none() {
                *out.unknown_areas.entry(code.to_string()).or_default() += 1;
            }
            // A code that does not fit the sentinel scheme (never written by tally) is
            // an error, not a silent "unknown".
            let small = |c: Option<&str>, what: &str| -> Result<u8> {
                match c {
                    None => Ok(NO_CODE),
                    Some(c) => c
                        .parse::<u8>()
                        .ok()
                        .filter(|v| *v != NO_CODE)
                        .ok_or_else(|| anyhow::anyhow!("{}: bad {what} code {c:?}", rec.part)),
                }
            };
            out.members.push(Member {
                person: p
                    .map(|b| b.iter().take(8).fold(0u64, |acc, x| (acc << 8) | *x as u64))
                    .unwrap_or(0),
                area: area.unwrap_or(NO_INDEX),
                enterprise: e
                    .and_then(|e| ent_index.get(e).copied())
                    .unwrap_or(NO_INDEX),
                sex: s
                    .map(|s| if s == "male" { 0 } else { 1 })
                    .unwrap_or(NO_CODE),
                birth_days: birth[i].unwrap_or(NO_DAY),
                birth_year: by.unwrap_or(NO_DAY),
                ethnicity: small(et, "ethnicity")?,
                religion: small(r, "religion")?,
                joined: joined[i].unwrap_or(NO_DAY),
                left: left[i].unwrap_or(NO_DAY),
                active: act.unwrap_or(true),
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_member_is_compact_and_missing_stays_missing() {
        assert_eq!(std::mem::size_of::<Member>(), 40);
        let m = Member {
            person: 1,
            area: NO_INDEX,
            enterprise: 3,
            birth_days: NO_DAY,
            birth_year: 1990,
            joined: 0,
            left: NO_DAY,
            sex: NO_CODE,
            ethnicity: 0,
            religion: NO_CODE,
            active: false,
        };
        assert_eq!(m.area(), None);
        assert_eq!(m.enterprise(), Some(3));
        assert_eq!(m.birth_days(), None);
        assert_eq!(m.birth_year(), Some(1990));
        // Day 0 (1970-01-01) and code 0 are values, not "missing".
        assert_eq!(m.joined(), Some(0));
        assert_eq!(m.ethnicity(), Some(0));
        assert_eq!((m.left(), m.sex(), m.religion()), (None, None, None));
        // Left unknown: the status decides.
        assert!(!m.active_at(10));
    }
}
