//! What a snapshot this command wrote lacks against the organization's previous one:
//! the previous workbook's sheets it does not have, the units (communes) with members
//! then and no row now, and the units whose members fell to less than half. Said once per
//! snapshot, on the last file that wrote it, with counts and the first names.

use anyhow::Result;
use chrono::NaiveDate;
use std::collections::BTreeMap;

use super::FileReport;
use crate::lang::names::shortened;
use crate::lang::{parts as lang, Text};
use crate::metrics::parts::{missing_sheets, unit_drops, NAMED};
use crate::org::Org;
use crate::reference::Reference;
use crate::roll::{active_at, days, Batch, Columns, NO_VALUE};
use crate::store::{self, IngestRecord, Manifest};
use crate::t;

/// The manifests and reference a check reads: the store before this command, and as
/// it will be.
pub(super) struct Stores<'a> {
    pub dir: &'a std::path::Path,
    pub committed: &'a Manifest,
    pub next: &'a Manifest,
    pub reference: &'a Reference,
}

/// Alerts on each snapshot this command wrote that lacks parts of the previous one.
pub(super) fn missing_parts(s: &Stores, files: &mut [FileReport]) -> Result<()> {
    let mut units: BTreeMap<(Org, NaiveDate), (usize, Units)> = BTreeMap::new();
    for (i, f) in files.iter_mut().enumerate() {
        for (key, counts) in std::mem::take(&mut f.units) {
            let slot = units.entry(key).or_default();
            slot.0 = i;
            add(&mut slot.1, counts);
        }
    }
    let snapshots = s.committed.roll_snapshots(&s.reference.orgs);
    for ((org, as_of), (file, now)) in units {
        let Some(previous) = snapshots
            .iter()
            .filter(|(o, d)| *o == org && *d < as_of)
            .map(|x| x.1)
            .max()
        else {
            continue;
        };
        let alerts = &mut files[file].file_alerts;
        alerts.extend(sheet_alert(s, &org, as_of, previous));
        alerts.extend(unit_alerts(s, &org, (as_of, now), previous)?);
    }
    Ok(())
}

/// The previous snapshot's sheets this one lacks.
fn sheet_alert(s: &Stores, org: &Org, as_of: NaiveDate, previous: NaiveDate) -> Option<Text> {
    let sheets_of = |m: &Manifest, d: NaiveDate| -> Vec<String> {
        (m.snapshot_parts(org.code(), &d.to_string()).into_iter())
            .filter_map(IngestRecord::sheet)
            .map(str::to_string)
            .collect()
    };
    let (before, after) = (sheets_of(s.committed, previous), sheets_of(s.next, as_of));
    let gone = missing_sheets(
        &before.iter().map(String::as_str).collect::<Vec<_>>(),
        &after.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    (!gone.is_empty()).then(|| {
        let quoted: Vec<String> = gone.iter().map(|g| format!("\"{g}\"")).collect();
        t!(
            lang::SHEETS_MISSING,
            org.text(),
            as_of,
            gone.len(),
            previous,
            shortened(&quoted, NAMED)
        )
    })
}

/// The units emptied and shrunk against the previous snapshot; `now` holds this
/// command's members of the snapshot by unit.
fn unit_alerts(
    s: &Stores,
    org: &Org,
    (as_of, mut now): (NaiveDate, Units),
    previous: NaiveDate,
) -> Result<Vec<Text>> {
    let code = org.code();
    // Parts of this snapshot stored by earlier commands count too.
    let kept: Vec<&IngestRecord> = s
        .next
        .snapshot_parts(code, &as_of.to_string())
        .into_iter()
        .filter(|r| s.committed.find(&r.id).is_some())
        .collect();
    add(&mut now, unit_members(s.dir, &kept, as_of)?);
    let parts = s.committed.snapshot_parts(code, &previous.to_string());
    let then: BTreeMap<String, u64> = (unit_members(s.dir, &parts, previous)?.into_iter())
        .map(|(c, (_, members))| (c, members))
        .collect();
    let drops = unit_drops(&then, &now);
    let unit = |c: &str| match s.reference.areas.get(c) {
        Some(a) => format!("{c} {}", a.name),
        None => c.to_string(),
    };
    let mut alerts = Vec::new();
    if !drops.emptied.is_empty() {
        let members: u64 = drops.emptied.iter().map(|d| d.1).sum();
        let units: Vec<String> = (drops.emptied.iter())
            .map(|(c, n)| format!("{} ({n})", unit(c)))
            .collect();
        alerts.push(t!(
            lang::UNITS_EMPTIED,
            drops.emptied.len(),
            org.text(),
            previous,
            members,
            shortened(&units, NAMED)
        ));
    }
    if !drops.shrank.is_empty() {
        let units: Vec<String> = (drops.shrank.iter())
            .map(|(c, a, b)| format!("{} ({a} → {b})", unit(c)))
            .collect();
        alerts.push(t!(
            lang::UNITS_SHRANK,
            drops.shrank.len(),
            org.text(),
            previous,
            shortened(&units, NAMED)
        ));
    }
    Ok(alerts)
}

/// Rows and active members by unit code.
pub(crate) type Units = BTreeMap<String, (u64, u64)>;

fn add(to: &mut Units, from: Units) {
    for (code, (rows, members)) in from {
        let slot = to.entry(code).or_default();
        slot.0 += rows;
        slot.1 += members;
    }
}

/// Rows of a snapshot's parts, and members active at `as_of`, by unit code.
fn unit_members(dir: &std::path::Path, parts: &[&IngestRecord], as_of: NaiveDate) -> Result<Units> {
    if parts.is_empty() {
        return Ok(BTreeMap::new());
    }
    let day = days(as_of);
    let count = |acc: &mut Units, b: &Batch| {
        let mut by_entry = vec![(0u64, 0u64); b.area.dict.len()];
        for i in 0..b.len {
            let entry = b.area.rows[i];
            if entry != NO_VALUE {
                let slot = &mut by_entry[entry as usize];
                slot.0 += 1;
                slot.1 += u64::from(active_at(b.joined[i], b.left[i], b.active[i], day));
            }
        }
        for (code, (rows, members)) in b.area.dict.iter().zip(by_entry) {
            if rows > 0 {
                let slot = acc.entry(code.clone()).or_default();
                slot.0 += rows;
                slot.1 += members;
            }
        }
    };
    let mut out = store::scan::fold(
        store::scan::Checks::Every,
        dir,
        &[parts.to_vec()],
        Columns::default(),
        |_| BTreeMap::new(),
        count,
        add,
    )?;
    Ok(out.pop().unwrap_or_default())
}
