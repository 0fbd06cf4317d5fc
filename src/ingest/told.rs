//! What the summary tells about the snapshots an ingest wrote: a roll out of step with
//! the org's last one, rows read through the 2025 crosswalk, and departures without a
//! date that reports will place between two rolls (or, in a first roll, cannot).

use anyhow::Result;
use chrono::NaiveDate;

use super::{FileReport, Outcome};
use crate::org::Org;
use crate::store;

/// A snapshot this command wrote that is far smaller or larger than the org's previous
/// one (a partial export taken for the month?) is said on the last file that wrote it.
pub(super) fn roll_size_alerts(next: &store::Manifest, files: &mut [FileReport]) {
    let rows = next.roll_part_rows();
    let mut said = std::collections::HashSet::new();
    for f in files.iter_mut().rev() {
        let Outcome::Ingested(recs) = &f.outcome else {
            continue;
        };
        let mut alerts = Vec::new();
        for r in recs {
            let (Some(org), Some(as_of)) = (
                r.org.as_deref().and_then(Org::parse),
                r.as_of.as_deref().and_then(|d| d.parse::<NaiveDate>().ok()),
            ) else {
                continue;
            };
            if !said.insert((org, as_of)) {
                continue;
            }
            let used = std::collections::BTreeMap::from([(org, as_of)]);
            for n in crate::metrics::roll_size_notes(&rows, &used) {
                if let crate::metrics::Note::RollSize {
                    rows,
                    previous,
                    previous_rows,
                    ..
                } = n
                {
                    alerts.push(crate::t!(
                        crate::lang::parts::ROLL_SIZE,
                        org.english(),
                        as_of,
                        rows,
                        previous,
                        previous_rows
                    ));
                }
            }
        }
        f.alerts.extend(alerts);
    }
}

/// "read 12 row(s) through the 2025 crosswalk: 04372 Xã Trung Tâm → 04363 (7), ...".
pub(super) fn crosswalk_note(
    mapped: &std::collections::BTreeMap<&'static str, u64>,
) -> Option<crate::lang::Text> {
    if mapped.is_empty() {
        return None;
    }
    let cw = crate::reference::crosswalk::builtin();
    let total: u64 = mapped.values().sum();
    let list: Vec<String> = mapped
        .iter()
        .take(10)
        .filter_map(|(code, n)| {
            let u = cw.by_code(code)?;
            Some(format!(
                "{} → {} ({n})",
                u.label(),
                u.became().unwrap_or("?")
            ))
        })
        .collect();
    let more = if mapped.len() > 10 { ", …" } else { "" };
    Some(crate::t!(
        crate::lang::parts::READ_THROUGH_CROSSWALK,
        total,
        format!("{}{more}", list.join(", "))
    ))
}

/// Departures without a date of members active in the org's previous snapshot (one
/// already in the store) are counted as leaving between the two rolls by reports: the
/// summary says how many, on the last file that wrote the snapshot.
pub(super) fn placed_departures(
    dir: &std::path::Path,
    committed: &store::Manifest,
    files: &mut [FileReport],
) -> Result<()> {
    use crate::metrics::continuity::PreviousRows;
    let mut undated: std::collections::BTreeMap<(Org, NaiveDate), (usize, Vec<u64>)> =
        Default::default();
    for (i, f) in files.iter_mut().enumerate() {
        for (key, persons) in std::mem::take(&mut f.undated) {
            let slot = undated.entry(key).or_default();
            slot.0 = i;
            slot.1.extend(persons);
        }
    }
    let snapshots = committed.roll_snapshots();
    for ((org, as_of), (file, persons)) in undated {
        let Some(previous) = snapshots
            .iter()
            .filter(|(o, d)| *o == org && *d < as_of)
            .map(|s| s.1)
            .max()
        else {
            // The org's first roll: nothing to place them against.
            files[file].file_notes.push(crate::t!(
                crate::lang::parts::UNDATED_IN_FIRST_ROLL,
                persons.len(),
                org.english(),
                as_of
            ));
            continue;
        };
        let parts = vec![committed.snapshot_parts(org.code(), &previous.to_string())];
        let need = crate::roll::Columns {
            person: true,
            ..Default::default()
        };
        let rows = store::scan::fold(
            store::scan::Checks::Every,
            dir,
            &parts,
            need,
            |_| PreviousRows::new(previous),
            |p, b| p.add(b, |_| 0),
            |a, b| a.merge(b),
        )?;
        let Some(before) = rows.into_iter().next().map(|r| r.finish(previous)) else {
            continue;
        };
        let placed = persons
            .iter()
            .filter(|p| before.find(**p).is_some())
            .count();
        if placed > 0 {
            files[file].file_notes.push(crate::t!(
                crate::lang::parts::UNDATED_PLACED,
                placed,
                org.text(),
                previous,
                previous,
                as_of
            ));
        }
    }
    Ok(())
}
