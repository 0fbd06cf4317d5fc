//! What a snapshot lacks against the organization's previous one: workbook sheets it
//! no longer has, units (communes) with members then and no row at all now, and units
//! whose members fell to less than half. A missing chi hội sheet otherwise reads as a
//! collapse of coverage, with communes at 0% at the head of the list to urge. (A unit
//! whose members are all listed as departed is no missing part: it is news, and counts
//! as shrunk.)

use std::collections::BTreeMap;

use super::fold::Tally;
use super::{Note, Request};
use crate::org::Org;
use crate::reference::Reference;

/// A unit is said to have shrunk when it had at least this many members and has less
/// than half of them now (a small unit's ups and downs are no news).
pub const SHRINK_FROM: u64 = 10;
/// Units named in a sentence; the rest are counted.
pub const NAMED: usize = 8;

/// Units with members in the previous snapshot and no row now (largest first), and
/// those down to less than half of their members (largest loss first): (unit, then,
/// now).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct UnitDrops<K> {
    pub emptied: Vec<(K, u64)>,
    pub shrank: Vec<(K, u64, u64)>,
}

/// Compares each unit's active members in the previous snapshot with its rows and
/// active members now (`now`: unit → (rows, members)).
pub fn unit_drops<K: Ord + Clone>(
    before: &BTreeMap<K, u64>,
    now: &BTreeMap<K, (u64, u64)>,
) -> UnitDrops<K> {
    let mut out = UnitDrops {
        emptied: Vec::new(),
        shrank: Vec::new(),
    };
    for (k, &then) in before.iter().filter(|(_, n)| **n > 0) {
        let (rows, n) = now.get(k).copied().unwrap_or((0, 0));
        if rows == 0 {
            out.emptied.push((k.clone(), then));
        } else if then >= SHRINK_FROM && n * 2 < then {
            out.shrank.push((k.clone(), then, n));
        }
    }
    out.emptied
        .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out.shrank
        .sort_by(|a, b| (b.1 - b.2).cmp(&(a.1 - a.2)).then_with(|| a.0.cmp(&b.0)));
    out
}

/// The sheets of the previous snapshot's workbooks that this one does not have, by
/// name (case, diacritics and a remark in brackets aside: `Cụm 3 (mới)` is `Cụm 3`),
/// when this snapshot was read from sheets at all. A sheet named as a spreadsheet
/// names a new one (`Sheet1`, `Trang tính1`) names no branch: a commune's own list
/// sent on its own one month is not missing the next.
pub fn missing_sheets(before: &[&str], now: &[&str]) -> Vec<String> {
    if now.is_empty() {
        return Vec::new();
    }
    let key = |s: &str| {
        let bare = match s.find('(') {
            Some(at) if at > 0 && s.trim_end().ends_with(')') => &s[..at],
            _ => s,
        };
        crate::text::fold(bare.trim())
    };
    let have: std::collections::HashSet<String> = now.iter().map(|s| key(s)).collect();
    let generic = |k: &str| {
        let name = k.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ' || c == '_');
        matches!(name, "sheet" | "trang tinh" | "feuil" | "tabelle" | "hoja")
    };
    let mut out: Vec<String> = Vec::new();
    for s in before {
        let k = key(s);
        if !have.contains(&k) && !generic(&k) && !out.iter().any(|o| o == s) {
            out.push(s.to_string());
        }
    }
    out
}

/// The notes of a report's snapshot against its previous one: units emptied and
/// shrunk, named (without their counts, which `--min-cell` may hide).
pub(super) fn unit_notes(
    req: &Request,
    reference: &Reference,
    org: &Org,
    as_of: chrono::NaiveDate,
    t: &Tally,
) -> Vec<Note> {
    let mut out = Vec::new();
    let Some(p) = t.previous.as_deref() else {
        return out;
    };
    if req.period.point {
        return out;
    }
    let units = &reference.areas.units;
    let before: BTreeMap<u32, u64> = p
        .members_by_area()
        .into_iter()
        .filter(|(a, _)| (*a as usize) < units.len())
        .collect();
    // A unit's rows are the roll's own: a departure of an earlier roll of the period
    // counted with it is no row of this one.
    let now: BTreeMap<u32, (u64, u64)> = (t.areas.iter().enumerate())
        .take(units.len())
        .map(|(a, c)| (a as u32, (if t.lists(a) { c.rows } else { 0 }, c.members)))
        .collect();
    let drops = unit_drops(&before, &now);
    let name = |a: u32| {
        let u = &units[a as usize];
        format!("{} {}", u.code, u.name)
    };
    if !drops.emptied.is_empty() {
        out.push(Note::EmptiedUnits {
            org: org.clone(),
            as_of,
            previous: p.as_of,
            units: drops.emptied.iter().map(|(a, _)| name(*a)).collect(),
        });
    }
    // Units the previous roll already lacked, that this one has no row of either (a
    // commune left out two months running): named against the last roll with members
    // there, and the roll as partial as the one that first lacked them.
    let mut still: BTreeMap<chrono::NaiveDate, Vec<u32>> = BTreeMap::new();
    for &(a, since, _) in p.missing() {
        let no_row = now.get(&a).is_none_or(|(rows, _)| *rows == 0);
        if (a as usize) < units.len() && no_row {
            still.entry(since).or_default().push(a);
        }
    }
    for (since, lacking) in still {
        out.push(Note::EmptiedUnits {
            org: org.clone(),
            as_of,
            previous: since,
            units: lacking.into_iter().map(name).collect(),
        });
    }
    if !drops.shrank.is_empty() {
        out.push(Note::ShrunkUnits {
            org: org.clone(),
            as_of,
            previous: p.as_of,
            units: drops.shrank.iter().map(|(a, _, _)| name(*a)).collect(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_emptied_and_halved_are_found_largest_first() {
        let before = BTreeMap::from([
            ("a", 30),
            ("b", 12),
            ("c", 40),
            ("d", 9),
            ("e", 10),
            ("f", 20),
            ("g", 0),
        ]);
        // (rows, members) now.
        let now = BTreeMap::from([
            ("a", (30, 14)),
            ("b", (6, 6)),
            ("d", (1, 1)),
            ("e", (10, 0)),
            ("f", (10, 10)),
            ("g", (3, 3)),
        ]);
        let d = unit_drops(&before, &now);
        // c had 40 and has no row now: a missing part.
        assert_eq!(d.emptied, [("c", 40)]);
        // e: 10 → 0, every row departed: news, not a missing part; a: 30 → 14 (less
        // than half); f: 20 → 10 is half, not less; b: 12 → 6 is half; d had fewer
        // than SHRINK_FROM.
        assert_eq!(d.shrank, [("a", 30, 14), ("e", 10, 0)]);
    }

    #[test]
    fn sheets_missing_are_named_only_against_sheets() {
        let before = ["Chi hội 1", "Chi hội 2", "Chi hội 3"];
        assert_eq!(
            missing_sheets(&before, &["CHI HỘI 1", "Chi hoi 3"]),
            ["Chi hội 2"]
        );
        // A roll read from a CSV this time has no sheets to compare.
        assert!(missing_sheets(&before, &[]).is_empty());
        // Found by a new analyst's year: a sheet renamed with a remark in brackets is
        // the same sheet, either way.
        assert!(missing_sheets(&["Cum 3 (moi)"], &["Cụm 3"]).is_empty());
        assert!(missing_sheets(&["Cụm 3"], &["Cụm 3 (mới)"]).is_empty());
        assert_eq!(missing_sheets(&["Cụm 3"], &["Cụm 4 (mới)"]), ["Cụm 3"]);
        assert!(missing_sheets(&["Sheet1", "Trang tính1"], &["Cụm 1"]).is_empty());
    }
}
