//! What the summary tells about the snapshots an ingest wrote: a roll out of step with
//! the org's last one, rows read through the 2025 crosswalk, and departures without a
//! date that reports will place between two rolls (or, in a first roll, cannot); and
//! what reading each file said about its rows (skipped headers, totals, signatures).

use anyhow::Result;
use chrono::NaiveDate;

use super::{FileReport, Outcome};
use crate::org::{Org, Orgs};
use crate::rows::sources::Opened;
use crate::store;

/// A snapshot this command wrote that is far smaller or larger than the org's previous
/// one (a partial export taken for the month?) is said on the last file that wrote it.
pub(super) fn roll_size_alerts(next: &store::Manifest, orgs: &Orgs, files: &mut [FileReport]) {
    let rows = next.roll_part_rows(orgs);
    let mut said = std::collections::HashSet::new();
    for f in files.iter_mut().rev() {
        let Outcome::Ingested(recs) = &f.outcome else {
            continue;
        };
        let mut alerts = Vec::new();
        for r in recs {
            let (Some(org), Some(as_of)) = (
                r.org.as_deref().and_then(|o| orgs.parse(o)),
                r.as_of.as_deref().and_then(|d| d.parse::<NaiveDate>().ok()),
            ) else {
                continue;
            };
            if !said.insert((org.clone(), as_of)) {
                continue;
            }
            let used = std::collections::BTreeMap::from([(org.clone(), as_of)]);
            for n in crate::metrics::roll_size_notes(&rows, &used) {
                if let crate::metrics::Note::RollSize {
                    rows,
                    previous,
                    previous_rows,
                    ..
                } = n
                {
                    use crate::lang::parts::{ROLL_GREW, ROLL_SIZE};
                    let grew = rows * 2 > previous_rows * 3;
                    alerts.push(crate::t!(
                        *if grew { &ROLL_GREW } else { &ROLL_SIZE },
                        org.english(),
                        as_of,
                        crate::lang::Text::Count(rows),
                        previous,
                        crate::lang::Text::Count(previous_rows)
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
        crate::lang::Text::Count(total),
        format!("{}{more}", list.join(", "))
    ))
}

/// Departures without a date of members active in the org's previous snapshot (one
/// already in the store) are counted as leaving between the two rolls by reports: the
/// summary says how many, on the last file that wrote the snapshot.
pub(super) fn placed_departures(
    dir: &std::path::Path,
    committed: &store::Manifest,
    orgs: &Orgs,
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
    let snapshots = committed.roll_snapshots(orgs);
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
                crate::lang::Text::Count(persons.len() as u64),
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
                crate::lang::Text::Count(placed as u64),
                org.text(),
                previous,
                previous,
                as_of
            ));
        }
    }
    Ok(())
}

/// What reading a file said about its rows: totals rows skipped, notes of its source,
/// rows read through the crosswalk, codes padded, headers, the column-number row and
/// signatures skipped.
pub(super) fn reading_notes(o: &Opened, by_area: bool, report: &mut FileReport) {
    report.totals_rows = o.table.skipped_totals.clone();
    report.notes.extend(o.table.source_notes());
    if let Some(n) = crosswalk_note(&report.mapped) {
        report.notes.push(n);
    }
    if report.padded > 0 {
        let n = report.padded;
        report.notes.push(crate::t!(
            crate::lang::reference::PADDED_AREA_CODES,
            crate::lang::Text::Count(n)
        ));
    }
    if report.sex_from_id > 0 {
        let n = crate::lang::Text::Count(report.sex_from_id);
        report
            .notes
            .push(crate::t!(crate::lang::ingest::SEX_FROM_ID, n));
    }
    if let Some(line) = o.table.skipped_numbering {
        let said = crate::t!(crate::lang::ingest::SKIPPED_NUMBERING_ROW, line);
        report.notes.push(said);
    }
    if let Some((line, said)) = &o.table.skipped_sub_header {
        let said = crate::lang::Text::Said(said.clone());
        report.notes.push(crate::t!(
            crate::lang::ingest::SKIPPED_SUB_HEADER,
            *line,
            said
        ));
    }
    let sections = &o.table.sections;
    if !sections.met.is_empty() {
        use crate::lang::ingest::{SECTIONS_AGREE, SECTION_UNITS, SKIPPED_SECTIONS};
        let what = match (sections.give_units(), by_area) {
            (true, false) => &SECTION_UNITS,
            (true, true) => &SECTIONS_AGREE,
            (false, _) => &SKIPPED_SECTIONS,
        };
        let lines: Vec<String> = sections.met.iter().map(|m| m.0.to_string()).collect();
        report.notes.push(crate::t!(*what, lines.join(", ")));
    }
    for (what, lines) in [
        (
            &crate::lang::ingest::SKIPPED_HEADER_AGAIN,
            &o.table.skipped_headers,
        ),
        (
            &crate::lang::ingest::SKIPPED_SIGNATURE,
            &o.table.skipped_signature,
        ),
        (
            &crate::lang::ingest::SKIPPED_BRANCHES,
            &o.table.sections.branches,
        ),
        (
            &crate::lang::ingest::SKIPPED_DISTRICTS,
            &o.table.sections.districts,
        ),
    ] {
        if !lines.is_empty() {
            let lines: Vec<String> = lines.iter().map(u64::to_string).collect();
            report.notes.push(crate::t!(*what, lines.join(", ")));
        }
    }
}
