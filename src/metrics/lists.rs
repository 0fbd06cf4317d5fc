//! The lists to act on (docs/metrics.md, "Lists to act on"), per organization: the
//! non-state enterprises without one of its members (the list to visit), the units
//! whose members fell to zero since its previous roll, and the units with members in
//! its previous roll and no row in this period's (did not report). Each is worked out
//! from the counters of the roll the period uses and of the roll before it; typed rows
//! out, in a documented order, for every renderer.

use chrono::NaiveDate;
use std::collections::BTreeMap;

use super::fold::Tally;
use super::Request;
use crate::org::{Org, OrgOrAny};
use crate::reference::{Ownership, Reference};

/// A non-state enterprise without a member of the organization at the period's end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToVisit {
    pub org: Org,
    /// The tax code.
    pub id: String,
    pub name: String,
    pub area_code: Option<String>,
    pub area_name: Option<String>,
    pub workers: Option<u64>,
}

/// A unit of an organization's roll that fell to zero or did not report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitChange {
    pub org: Org,
    pub level: String,
    pub code: String,
    pub name: String,
    /// Members in the earlier roll (`None` where `--min-cell` blanked it).
    pub members_before: Option<u64>,
    /// The earlier roll's date.
    pub previous_as_of: NaiveDate,
    /// The date of the roll the period uses (for units that did not report, the
    /// earlier roll's own date when the organization sent none this period).
    pub as_of: NaiveDate,
}

/// The three lists, each in its order (see [`lists`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lists {
    pub to_visit: Vec<ToVisit>,
    pub fallen_to_zero: Vec<UnitChange>,
    pub not_reported: Vec<UnitChange>,
}

/// The lists of the organizations asked for with a roll for the period (`used`: the
/// roll each uses); not for `any`, whose persons have no roll of their own.
///
/// Order: by organization; enterprises by workers, most first (a missing headcount
/// last), then tax code; units by members before, most first, then code.
pub fn lists(
    reference: &Reference,
    req: &Request,
    used: &BTreeMap<Org, NaiveDate>,
    tallies: &BTreeMap<Org, Tally>,
) -> Lists {
    let start = req.period.start;
    let mut out = Lists::default();
    let asked = |o: &Org| req.orgs.contains(&OrgOrAny::Org(o.clone()));
    for (org, t) in tallies.iter().filter(|(o, _)| asked(o)) {
        let Some(&as_of) = used.get(org) else {
            continue;
        };
        out.to_visit.extend(to_visit(reference, org, t));
        let (before, previous_as_of, now) = if as_of < start {
            // No roll this period: every unit of the last one did not report.
            let last = units_now(t).into_iter().map(|(a, (_, m))| (a, m)).collect();
            (last, as_of, BTreeMap::new())
        } else if let Some(p) = &t.previous {
            (p.members_by_area(), p.as_of, units_now(t))
        } else {
            // A first roll: nothing to compare with.
            continue;
        };
        let (fallen, mut silent) = changes(&before, &now);
        let mut since = BTreeMap::new();
        // Units the roll before already lacked, that this one lacks too (a list left
        // out two months running): against the last roll with members there.
        if let Some(p) = t.previous.as_ref().filter(|_| as_of >= start) {
            for &(a, day, n) in p.missing().iter().filter(|(a, ..)| !now.contains_key(a)) {
                silent.push((a, n));
                since.insert(a, day);
            }
            silent.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        }
        let unit = |(a, n): (u32, u64)| {
            let u = &reference.areas.units[a as usize];
            UnitChange {
                org: org.clone(),
                level: u.level.clone(),
                code: u.code.clone(),
                name: u.name.clone(),
                members_before: Some(n),
                previous_as_of: since.get(&a).copied().unwrap_or(previous_as_of),
                as_of,
            }
        };
        let known = |(a, _): &(u32, u64)| (*a as usize) < reference.areas.units.len();
        out.fallen_to_zero
            .extend(fallen.into_iter().filter(known).map(unit));
        out.not_reported
            .extend(silent.into_iter().filter(known).map(unit));
    }
    out
}

/// Each unit's (rows, members at the period's end) in the roll, units the areas have:
/// those it has a row of itself ([`Tally::lists`]).
fn units_now(t: &Tally) -> BTreeMap<u32, (u64, u64)> {
    (t.areas.iter().enumerate())
        .take(t.areas.len().saturating_sub(1))
        .filter(|(a, _)| t.lists(*a))
        .map(|(a, c)| (a as u32, (c.rows, c.members)))
        .collect()
}

/// Units with their members before, in a list's order.
pub type Ranked<K> = Vec<(K, u64)>;

/// The units with members before (`before`: unit → members) that now (`now`: unit →
/// (rows, members)) have rows but no member (fallen to zero), and those with no row
/// at all (did not report); each by members before, most first, then unit.
pub fn changes<K: Ord + Clone>(
    before: &BTreeMap<K, u64>,
    now: &BTreeMap<K, (u64, u64)>,
) -> (Ranked<K>, Ranked<K>) {
    let (mut fallen, mut silent) = (Vec::new(), Vec::new());
    for (k, &n) in before.iter().filter(|(_, n)| **n > 0) {
        match now.get(k) {
            None | Some((0, _)) => silent.push((k.clone(), n)),
            Some((_, 0)) => fallen.push((k.clone(), n)),
            Some(_) => {}
        }
    }
    for v in [&mut fallen, &mut silent] {
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    }
    (fallen, silent)
}

/// The org's non-state enterprises without a member at the period's end, where its
/// roll ties any member to an enterprise of the reference (a roll that never names an
/// enterprise, the Farmers' say, would list every one).
fn to_visit(reference: &Reference, org: &Org, t: &Tally) -> Vec<ToVisit> {
    if t.enterprises.iter().all(|c| c.rows == 0) {
        return Vec::new();
    }
    let mut out: Vec<ToVisit> = (reference.enterprises.rows.iter().enumerate())
        .filter(|(_, e)| e.ownership == Ownership::NonState)
        .filter(|(i, _)| t.enterprises.get(*i).is_none_or(|c| c.members == 0))
        .map(|(_, e)| ToVisit {
            org: org.clone(),
            id: e.id.clone(),
            name: e.name.clone(),
            area_code: e.area_code.clone(),
            area_name: (e.area_code.as_deref())
                .and_then(|c| reference.areas.get(c))
                .map(|a| a.name.clone()),
            workers: e.workers,
        })
        .collect();
    out.sort_by(|a, b| {
        (b.workers.is_some(), b.workers, &a.id).cmp(&(a.workers.is_some(), a.workers, &b.id))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (members before, (rows, members) now) → which list, by hand.
    #[test]
    fn fallen_or_not_reported() {
        let before: BTreeMap<&str, u64> = [("a", 4), ("b", 3), ("c", 2), ("d", 0), ("e", 5)]
            .into_iter()
            .collect();
        let now: BTreeMap<&str, (u64, u64)> = [
            // a: 4 rows, all departed: fell to zero.
            ("a", (4, 0)),
            // b: no row: did not report.
            // c: still 2: neither.
            ("c", (2, 2)),
            // d: had none: neither, whatever now.
            ("d", (0, 0)),
            // e: 5 rows, all departed: fell to zero, before a (more members).
            ("e", (5, 0)),
        ]
        .into_iter()
        .collect();
        let (fallen, silent) = changes(&before, &now);
        assert_eq!(fallen, [("e", 5), ("a", 4)]);
        assert_eq!(silent, [("b", 3)]);
    }

    /// Ties by members go by unit code.
    #[test]
    fn ties_go_by_code() {
        let before: BTreeMap<&str, u64> = [("z", 2), ("m", 2)].into_iter().collect();
        let (_, silent) = changes(&before, &BTreeMap::new());
        assert_eq!(silent, [("m", 2), ("z", 2)]);
    }

    /// Non-state enterprises without an active member, most workers first: the state
    /// and FDI ones never; an enterprise whose one member left is listed; a roll that
    /// names no enterprise gives no list.
    #[test]
    fn enterprises_to_visit_by_hand() {
        use crate::metrics::counts::Counts;
        use crate::reference::{Enterprise, Enterprises};
        let e = |id: &str, ownership, workers| Enterprise {
            id: id.into(),
            name: format!("Công ty {id}"),
            area_code: None,
            ownership,
            workers,
            grassroots: Vec::new(),
        };
        let reference = Reference {
            enterprises: Enterprises::new(vec![
                e("1", Ownership::NonState, Some(120)),
                e("2", Ownership::NonState, Some(45)),
                e("3", Ownership::NonState, Some(300)),
                e("4", Ownership::State, Some(500)),
                e("5", Ownership::NonState, None),
                e("6", Ownership::Fdi, Some(80)),
            ]),
            ..Reference::default()
        };
        let counts = |rows, members| Counts {
            rows,
            members,
            ..Counts::default()
        };
        // 1 has 5 members; 2 had one, who left; 3, 5 and 6 have none; 4 none either.
        let t = Tally {
            enterprises: vec![counts(5, 5), counts(1, 0)],
            ..Tally::default()
        };
        let ids: Vec<String> = to_visit(&reference, &Org::Union, &t)
            .into_iter()
            .map(|v| v.id)
            .collect();
        assert_eq!(ids, ["3", "2", "5"]);
        assert!(to_visit(&reference, &Org::Farmers, &Tally::default()).is_empty());
    }
}
