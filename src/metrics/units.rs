//! What a report says about units: those with members but no denominator, and those
//! furthest below and above their targets (to urge and to replicate).

use std::collections::HashSet;

use super::counts::Counts;
use super::denominator::{self, Eligible};
use super::dimension::Dimension;
use super::fold::Plan;
use super::group::Grouper;
use super::{pct, Coverage, Note, Ranked, Source, RANKED};
use crate::reference::Reference;

/// Units with active members but no denominator for this org.
pub(super) fn lacking_denominators(plan: &Plan, source: &Source, out: &mut Coverage) {
    let reference = plan.reference;
    let eligible = Eligible::new(reference, &source.org, plan.req.period.year());
    let with_counts = eligible.units_with_counts();
    if with_counts.is_empty() && reference.eligible.is_empty() {
        return;
    }
    let mut lacking: Vec<String> = source
        .active_areas()
        .into_iter()
        .filter(|a| !covered_by(reference, &with_counts, *a))
        .map(|a| {
            let u = &reference.areas.units[a as usize];
            format!("{} {}", u.code, u.name)
        })
        .collect();
    lacking.sort();
    lacking.dedup();
    if !lacking.is_empty() {
        out.notes.push(Note::UnitsWithoutDenominator {
            org: source.org.clone(),
            units: lacking,
        });
    }
}

/// Whether a unit or one of its ancestors has a plain denominator.
fn covered_by(reference: &Reference, with_counts: &HashSet<u32>, unit: u32) -> bool {
    let code = &reference.areas.units[unit as usize].code;
    reference.areas.lineage(code).iter().any(|a| {
        reference
            .areas
            .position(&a.code)
            .is_some_and(|i| with_counts.contains(&i))
    })
}

/// The groups of `g` with active members in the previous roll and no row at all in
/// this period's (a missing sheet, a partial export): they did not report. Only where
/// the roll is the period's own (a roll before the period has every unit silent, and
/// is ranked on as its note says).
fn did_not_report(plan: &Plan, source: &Source, g: &Grouper, counts: &[Counts]) -> HashSet<u32> {
    // `any` lists no unit that did not report: ranked on, as before.
    if source.org == crate::org::OrgOrAny::Any {
        return HashSet::new();
    }
    let start = crate::roll::days(plan.req.period.start);
    let group =
        |area: u32| (g.by_area.as_ref()).and_then(|b| b.get(area as usize).copied().flatten());
    let (mut before, mut rows) = (vec![0u64; counts.len()], vec![false; counts.len()]);
    for t in source.tallies.iter().filter(|t| t.as_of >= start) {
        let Some(p) = &t.previous else { continue };
        // Units with members in the roll before, and those it already lacked (a list
        // left out two months running, `lacking.rs`).
        let lacked = p.missing().iter().map(|(area, _, n)| (*area, *n));
        for (area, n) in p.members_by_area().into_iter().chain(lacked) {
            if let Some(b) = group(area).and_then(|gi| before.get_mut(gi as usize)) {
                *b += n;
            }
        }
        // The roll's own rows: not a departure of an earlier roll counted with it.
        for area in (0..t.areas.len()).filter(|&a| t.lists(a)) {
            if let Some(r) = group(area as u32).and_then(|gi| rows.get_mut(gi as usize)) {
                *r = true;
            }
        }
    }
    (0..counts.len())
        .filter(|&i| before[i] > 0 && !rows[i])
        .map(|i| i as u32)
        .collect()
}

/// The units furthest below and above target at the lowest level that has denominators.
pub(super) fn rank(plan: &Plan, source: &Source, out: &mut Coverage) {
    // No roll as of the period's end: the units' members are unknown, not 0, and
    // nobody is ranked on them.
    if source.snapshot_as_of.is_none() {
        return;
    }
    let (reference, p, org) = (plan.reference, &plan.req.period, &source.org);
    let eligible = Eligible::new(reference, org, p.year());
    let units = eligible.units_with_counts();
    let Some(level) = units
        .iter()
        .map(|u| &reference.areas.units[*u as usize])
        .max_by_key(|u| reference.areas.lineage(&u.code).len())
        .map(|u| u.level.clone())
    else {
        return;
    };
    let dim = Dimension::Level(level.clone());
    let mut g = Grouper::new(&dim, reference);
    let counts = source.counts(&mut g);
    let active: Vec<u64> = counts.iter().map(|c| c.members).collect();
    let silent = did_not_report(plan, source, &g, &counts);
    out.unit_members.push(super::linked::UnitMembers {
        org: org.clone(),
        level: level.clone(),
        members: (g.labels.iter().zip(&active))
            .filter(|(_, n)| **n > 0)
            .map(|(code, n)| (code.clone(), *n))
            .collect(),
    });
    let mut ranked = Vec::new();
    for gi in 0..g.labels.len() as u32 {
        let (Some(den), Some(t)) = (
            eligible.of(&g, gi),
            denominator::target(reference, org, p.year(), &g, gi),
        ) else {
            continue;
        };
        // No row now, members before: unknown, not 0 (the list of units that did
        // not report names it).
        if silent.contains(&gi) {
            continue;
        }
        let members = active[gi as usize];
        let Some(c) = pct::ratio(members, den) else {
            continue;
        };
        let unit = Ranked {
            org: org.clone(),
            level: level.clone(),
            code: g.labels[gi as usize].clone(),
            name: g.names[gi as usize].clone(),
            members,
            eligible: den,
            coverage_pct: c,
            target_pct: t,
            gap_pp: c - t,
        };
        // More members than eligible people is a denominator error, not a model: the
        // unit goes to the notes instead of the ranking.
        if c > 10_000 {
            out.notes.push(Note::UnitAbove100(unit));
        } else {
            ranked.push(unit);
        }
    }
    ranked.sort_by(|a, b| (a.gap_pp, &a.code).cmp(&(b.gap_pp, &b.code)));
    out.lagging
        .extend(ranked.iter().filter(|r| r.gap_pp < 0).take(RANKED).cloned());
    // Furthest above first; ties by unit code, as for those below.
    let mut above: Vec<&Ranked> = ranked.iter().filter(|r| r.gap_pp >= 0).collect();
    above.sort_by(|a, b| (b.gap_pp, &a.code).cmp(&(a.gap_pp, &b.code)));
    out.leading.extend(above.into_iter().take(RANKED).cloned());
}
