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

/// One member of a snapshot, reduced to what metrics need.
#[derive(Debug, Clone)]
pub struct Member {
    pub person: u64,
    /// Index into the areas reference; `None` for a unit the areas do not have.
    pub area: Option<u32>,
    pub enterprise: Option<u32>,
    /// 0 male, 1 female.
    pub sex: Option<u8>,
    pub birth_days: Option<i32>,
    pub birth_year: Option<i32>,
    /// GSO codes as numbers.
    pub ethnicity: Option<u8>,
    pub religion: Option<u8>,
    pub joined: Option<i32>,
    pub left: Option<i32>,
    pub active: bool,
}

impl Member {
    /// SPEC §5: joined on or before `d` (or no date), and not left: a given `left_on`
    /// decides; without one, the status does.
    pub fn active_at(&self, d: i32) -> bool {
        self.joined.is_none_or(|j| j <= d)
            && match self.left {
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
            out.members.push(Member {
                person: p
                    .map(|b| b.iter().take(8).fold(0u64, |acc, x| (acc << 8) | *x as u64))
                    .unwrap_or(0),
                area,
                enterprise: e.and_then(|e| ent_index.get(e).copied()),
                sex: s.map(|s| if s == "male" { 0 } else { 1 }),
                birth_days: birth[i],
                birth_year: by,
                ethnicity: et.and_then(|c| c.parse().ok()),
                religion: r.and_then(|c| c.parse().ok()),
                joined: joined[i],
                left: left[i],
                active: act.unwrap_or(true),
            });
        }
    }
    Ok(out)
}
