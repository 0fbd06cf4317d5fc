//! A commune's own list sent again: a roll without a unit column whose rows are exactly
//! those its unit had in the organization's previous snapshot (the same persons, each
//! joined, left and active alike, and as many rows), most often last month's list sent
//! once more under this month's title. The whole-roll check of the report cannot see
//! it when the list is one part of a larger snapshot. Said at ingest, and kept on the
//! part so that every report of the snapshot says it too. A quiet commune's new list
//! can look the same: it is a question to check, and changes no number.

use anyhow::Result;
use compact_str::CompactString;
use std::collections::{BTreeMap, BTreeSet};

use super::missing::Stores;
use super::{FileReport, Outcome};
use crate::lang::parts as lang;
use crate::roll::{person_prefix, Batch, Columns, Member, NO_DAY};
use crate::store::{self, SameAs};
use crate::t;

/// A kept row as the comparison sees it: the person (its key's first 8 bytes), the
/// days joined and left (or none), the status.
type Row = (u64, i32, i32, bool);

/// The unit of a commune's own list and its rows as kept.
#[derive(Debug, Clone)]
pub(crate) struct OwnList {
    code: CompactString,
    name: String,
    rows: Vec<Row>,
}

impl OwnList {
    pub(crate) fn new(code: CompactString, name: String) -> OwnList {
        OwnList {
            code,
            name,
            rows: Vec::new(),
        }
    }

    /// A row kept into the snapshot.
    pub(crate) fn keep(&mut self, m: &Member) {
        let day = |d: Option<chrono::NaiveDate>| d.map_or(NO_DAY, crate::roll::days);
        let person = person_prefix(&m.person);
        (self.rows).push((person, day(m.joined_on), day(m.left_on), m.active));
    }
}

/// A commune's own list this command stored: its file, organization, date and ingest.
struct Listed {
    file: usize,
    org: String,
    as_of: String,
    id: String,
    list: OwnList,
}

/// Sets each commune's own list of this command against its unit's rows in the org's
/// previous snapshot: a stored one's parts, or, where this command read that snapshot
/// too, the unit's own list in it. A list that repeats them is said under its file
/// (with the ingest to drop, unless a dry run stores none), and returned (its part's
/// id with what it repeats) to be kept in the manifest.
pub(super) fn lists_sent_again(
    s: &Stores,
    files: &mut [FileReport],
    dry_run: bool,
) -> Result<Vec<(String, SameAs)>> {
    let orgs = &s.reference.orgs;
    let (committed, all) = (
        s.committed.roll_snapshots(orgs),
        s.next.roll_snapshots(orgs),
    );
    let lists = own_lists(files);
    let before = |l: &Listed, snapshots: &[(crate::org::Org, chrono::NaiveDate)]| {
        (snapshots.iter())
            .filter(|(o, d)| o.code() == l.org && d.to_string() < l.as_of)
            .map(|s| s.1)
            .max()
    };
    // Each list's previous snapshot, and whether it was stored before the command.
    let previous: Vec<Option<(chrono::NaiveDate, bool)>> = (lists.iter())
        .map(|l| before(l, &all).map(|p| (p, before(l, &committed) == Some(p))))
        .collect();
    // Each stored snapshot read once, for the units of all the lists set against it.
    let mut wanted: BTreeMap<(&str, String), BTreeSet<&str>> = BTreeMap::new();
    for (l, p) in lists.iter().zip(&previous) {
        if let Some((day, true)) = p {
            let units = wanted.entry((l.org.as_str(), day.to_string())).or_default();
            units.insert(l.list.code.as_str());
        }
    }
    let mut stored = BTreeMap::new();
    for ((org, day), units) in wanted {
        let parts = s.committed.snapshot_parts(org, &day);
        stored.insert((org, day), unit_rows(s.dir, &parts, &units)?);
    }
    let mut marks = Vec::new();
    for (l, p) in lists.iter().zip(previous) {
        let Some((previous, was_stored)) = p else {
            continue;
        };
        let day = previous.to_string();
        let (then, parts) = if was_stored {
            let rows = (stored.get(&(l.org.as_str(), day.clone())))
                .and_then(|units| units.get(l.list.code.as_str()));
            (rows.cloned(), s.committed.snapshot_parts(&l.org, &day))
        } else {
            // Read by this command too: the unit's own list in it, if it had one.
            let own = (lists.iter())
                .find(|o| o.org == l.org && o.as_of == day && o.list.code == l.list.code);
            (
                own.map(|o| o.list.rows.clone()),
                s.next.snapshot_parts(&l.org, &day),
            )
        };
        if then.as_ref() != Some(&l.list.rows) {
            continue;
        }
        let unit = format!("{} {}", l.list.code, l.list.name);
        let fix = match dry_run {
            true => t!(lang::LIST_SENT_AGAIN_DRY),
            false => t!(lang::LIST_SENT_AGAIN_DROP, l.id.as_str()),
        };
        let rows = l.list.rows.len() as u64;
        let said = t!(lang::LIST_SENT_AGAIN, &unit, rows, previous, fix);
        files[l.file].file_alerts.push(said);
        let same = SameAs {
            previous: day,
            unit: l.list.code.to_string(),
            parts: parts.iter().map(|p| p.id.clone()).collect(),
        };
        marks.push((l.id.clone(), same));
    }
    Ok(marks)
}

/// The own lists this command stored, their rows sorted.
fn own_lists(files: &mut [FileReport]) -> Vec<Listed> {
    let mut lists = Vec::new();
    for (file, f) in files.iter_mut().enumerate() {
        let Some(mut list) = f.own_list.take() else {
            continue;
        };
        let Outcome::Ingested(records) = &f.outcome else {
            continue;
        };
        let [rec] = records.as_slice() else {
            continue;
        };
        let (Some(org), Some(as_of)) = (rec.org.clone(), rec.as_of.clone()) else {
            continue;
        };
        if list.rows.is_empty() {
            continue;
        }
        list.rows.sort_unstable();
        let id = rec.id.clone();
        lists.push(Listed {
            file,
            org,
            as_of,
            id,
            list,
        });
    }
    lists
}

/// The rows of a snapshot's parts in each of `units`, sorted.
fn unit_rows<'u>(
    dir: &std::path::Path,
    parts: &[&store::IngestRecord],
    units: &BTreeSet<&'u str>,
) -> Result<BTreeMap<&'u str, Vec<Row>>> {
    let need = Columns {
        person: true,
        ..Default::default()
    };
    let gather = |acc: &mut BTreeMap<&'u str, Vec<Row>>, b: &Batch| {
        let entries: Vec<Option<&'u str>> = (b.area.dict.iter())
            .map(|c| units.get(c.as_str()).copied())
            .collect();
        for i in 0..b.len {
            let unit = entries.get(b.area.rows[i] as usize).copied().flatten();
            if let Some(unit) = unit {
                let row = (b.person[i], b.joined[i], b.left[i], b.active[i]);
                acc.entry(unit).or_default().push(row);
            }
        }
    };
    let merge = |a: &mut BTreeMap<&'u str, Vec<Row>>, b: BTreeMap<&'u str, Vec<Row>>| {
        for (unit, rows) in b {
            a.entry(unit).or_default().extend(rows);
        }
    };
    let checks = store::scan::Checks::Every;
    let snapshots = [parts.to_vec()];
    let out = store::scan::fold(
        checks,
        dir,
        &snapshots,
        need,
        |_| BTreeMap::new(),
        gather,
        merge,
    )?;
    let mut rows = out.into_iter().next().unwrap_or_default();
    rows.values_mut().for_each(|r| r.sort_unstable());
    Ok(rows)
}

/// Keeps each mark on its part in the next manifest.
pub(super) fn mark(next: &mut store::Manifest, marks: Vec<(String, SameAs)>) {
    let mut marks: BTreeMap<String, SameAs> = marks.into_iter().collect();
    for rec in next.ingests.iter_mut() {
        if let Some(same) = marks.remove(&rec.id) {
            rec.same_as = Some(same);
        }
    }
}
