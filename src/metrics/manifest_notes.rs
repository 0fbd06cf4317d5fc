//! The notes a report takes from the store's manifest of the snapshots it reads: roll
//! sizes out of step, rows mapped from old codes, sex read from the ID, sheets the
//! previous snapshot had (or had under another name), lists sent again.

use chrono::NaiveDate;
use std::collections::BTreeMap;

use super::{Dimension, Note, Request};
use crate::org::{Org, OrgOrAny, Orgs};
use crate::reference::Reference;
use crate::store::{self, IngestRecord};

/// The org's latest snapshot before `as_of`.
pub(super) fn previous_of(
    snapshots: &[(Org, NaiveDate)],
    org: &Org,
    as_of: NaiveDate,
) -> Option<NaiveDate> {
    snapshots
        .iter()
        .filter(|(o, d)| o == org && *d < as_of)
        .map(|s| s.1)
        .max()
}

/// The notes the manifest gives of the snapshots asked for: roll sizes out of step,
/// rows mapped from old codes, sheets the previous snapshot had.
pub(super) fn manifest_notes(
    view: &store::View,
    reference: &Reference,
    req: &Request,
    used: BTreeMap<Org, NaiveDate>,
) -> Vec<Note> {
    let (m, orgs) = (&view.manifest, &view.orgs);
    let mut notes = sex_from_id(m, req, &used);
    let asked: BTreeMap<Org, NaiveDate> = used
        .into_iter()
        .filter(|(o, _)| req.orgs.contains(&o.clone().into()))
        .collect();
    notes.extend(super::roll_size_notes(&m.roll_part_rows(orgs), &asked));
    for (org, &as_of) in &asked {
        let parts = m.snapshot_parts(org.code(), &as_of.to_string());
        let rows: u64 = parts.iter().map(|p| p.mapped).sum();
        if rows > 0 {
            let org = org.clone();
            notes.push(Note::Mapped { org, as_of, rows });
        }
        notes.extend(missing_sheets(m, orgs, org, as_of));
        notes.extend(lists_sent_again(m, reference, orgs, org, as_of));
    }
    notes
}

/// Where the report breaks members down by sex: the snapshots read (of `any` too)
/// whose members' sex was read from their national ID, how many.
fn sex_from_id(m: &store::Manifest, req: &Request, used: &BTreeMap<Org, NaiveDate>) -> Vec<Note> {
    let by_sex = |d: &Dimension| match d {
        Dimension::Sex => true,
        Dimension::Crossed(c) => c.parts.contains(&Dimension::Sex),
        _ => false,
    };
    if !req.dimensions.iter().any(by_sex) {
        return Vec::new();
    }
    let any = req.orgs.contains(&OrgOrAny::Any);
    (used.iter())
        .filter(|(o, _)| any || req.orgs.contains(&(*o).clone().into()))
        .filter_map(|(org, &as_of)| {
            let parts = m.snapshot_parts(org.code(), &as_of.to_string());
            let members: u64 = parts.iter().map(|p| p.sex_from_id).sum();
            (members > 0).then(|| Note::SexFromId {
                org: org.clone(),
                as_of,
                members,
            })
        })
        .collect()
}

/// The sheets of the org's previous snapshot that the snapshot of `as_of` lacks.
fn missing_sheets(m: &store::Manifest, orgs: &Orgs, org: &Org, as_of: NaiveDate) -> Option<Note> {
    let previous = previous_of(&m.roll_snapshots(orgs), org, as_of)?;
    let sheets = |d: NaiveDate| -> Vec<&str> {
        m.snapshot_parts(org.code(), &d.to_string())
            .into_iter()
            .filter_map(IngestRecord::sheet)
            .collect()
    };
    let sheets = super::parts::missing_sheets(&sheets(previous), &sheets(as_of));
    (!sheets.is_empty()).then_some(Note::MissingSheets {
        org: org.clone(),
        as_of,
        previous,
        sheets,
        units_listed: false,
    })
}

/// A sheet the previous roll had and this one lacks, where no unit with members then
/// lacks rows now, was renamed (`Xã Khe Sanh` → `TT Khe Sanh`, found by review: the
/// note said its members were not counted, and they were). Known only where the
/// period compares the roll with the one before (not at a point in time).
pub(super) fn renamed_sheets(notes: &mut [Note], req: &Request) {
    if req.period.point {
        return;
    }
    let emptied: Vec<(Org, NaiveDate)> = (notes.iter())
        .filter_map(|n| match n {
            Note::EmptiedUnits { org, as_of, .. } => Some((org.clone(), *as_of)),
            _ => None,
        })
        .collect();
    for n in notes.iter_mut() {
        if let Note::MissingSheets {
            org,
            as_of,
            units_listed,
            ..
        } = n
        {
            *units_listed = !emptied.contains(&(org.clone(), *as_of));
        }
    }
}

/// The units whose own list in the snapshot of `as_of` repeated, when ingested, their
/// rows in the org's previous snapshot (`ingest/resent.rs`), while that is still the
/// previous one and holds the same parts (none replaced or dropped since).
fn lists_sent_again(
    m: &store::Manifest,
    reference: &Reference,
    orgs: &Orgs,
    org: &Org,
    as_of: NaiveDate,
) -> Option<Note> {
    let previous = previous_of(&m.roll_snapshots(orgs), org, as_of)?;
    let parts: Vec<&str> = (m
        .snapshot_parts(org.code(), &previous.to_string())
        .into_iter())
    .map(|p| p.id.as_str())
    .collect();
    let units: Vec<String> = (m.snapshot_parts(org.code(), &as_of.to_string()).into_iter())
        .filter_map(|p| p.same_as.as_ref())
        .filter(|s| s.previous == previous.to_string() && s.parts == parts)
        .map(|s| match reference.areas.get(&s.unit) {
            Some(a) => format!("{} {}", s.unit, a.name),
            None => s.unit.clone(),
        })
        .collect();
    (!units.is_empty()).then(|| Note::ListSentAgain {
        org: org.clone(),
        as_of,
        previous,
        units,
    })
}
