//! Tables that share their cells. The units of the lowest level (the communes, where
//! members are) add up to each classification's groups: `ethnic_minority` `no` is the
//! communes outside ethnic-minority areas, the total every commune. So a commune's
//! count blanked by `--min-cell` could come back as its group's count less the other
//! communes published, in the per-unit rows (`--by commune`, the workbook's per-unit
//! sheet) or in the lists of units to urge and to replicate, which give a unit's
//! members as its coverage of its eligible count. Here are those sums, and the check
//! that leaves no such commune alone unpublished in its group.

use std::collections::{BTreeMap, BTreeSet};

use super::dimension::Dimension;
use super::group::Grouper;
use super::{Coverage, CoverageRow, Note};
use crate::org::OrgOrAny;
use crate::reference::Reference;

/// The dimensions whose groups are sums of the lowest level's units: the total, a
/// classification, a level above the lowest (a district is its communes), and a
/// crossing of those (`ethnic_minority,rural`).
pub(super) fn sums_units(d: &Dimension, leaf: &str) -> bool {
    match d {
        Dimension::Total | Dimension::Flag(_) | Dimension::AreaColumn(..) => true,
        Dimension::Level(l) => l != leaf,
        Dimension::Crossed(c) => c
            .parts
            .iter()
            .all(|p| sums_units(p, leaf) && *p != Dimension::Total),
        _ => false,
    }
}

/// Each unit's group of such a dimension, as its label (`yes`, `no`, `all`, a
/// district's code; a crossing's parts joined as its rows' groups are).
fn labels_of(d: &Dimension, reference: &Reference) -> Vec<Option<String>> {
    if let Dimension::Crossed(c) = d {
        let parts: Vec<Vec<Option<String>>> =
            (c.parts.iter()).map(|p| labels_of(p, reference)).collect();
        return (0..reference.areas.units.len())
            .map(|u| {
                let each: Option<Vec<&str>> = (parts.iter())
                    .map(|p| p.get(u).and_then(|l| l.as_deref()))
                    .collect();
                each.map(|v| v.join(&super::dimension::JOIN.to_string()))
            })
            .collect();
    }
    let g = Grouper::new(d, reference);
    let by_area = g.by_area.clone().unwrap_or_default();
    (by_area.iter())
        .map(|gi| gi.and_then(|gi| g.labels.get(gi as usize).cloned()))
        .collect()
}

/// For each classification group row (its index in `rows`), the rows of the lowest
/// level's units in that group, organization by organization: the cells that add up
/// to it (members at a higher unit add to the group too, so the sum may be more). The
/// focus areas' groups the report does not print come with no row: the default report
/// prints them, so they are published all the same.
pub(super) fn unit_sums(
    rows: &[CoverageRow],
    reference: &Reference,
) -> Vec<(Vec<usize>, Option<usize>)> {
    let Some(leaf_name) = reference.areas.lowest_level() else {
        return Vec::new();
    };
    let leaf = Dimension::Level(leaf_name.clone());
    // The rows of each organization's units: the lowest level's, and each crossing's
    // with it (`commune,sex`: a unit's cells of every sex add up to its count too).
    let mut units: BTreeMap<(&str, &Dimension), Vec<(usize, u32)>> = BTreeMap::new();
    let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        let code = match &r.dimension {
            d if *d == leaf => Some(r.group.as_str()),
            Dimension::Crossed(c) => (c.parts.iter().position(|p| *p == leaf))
                .and_then(|at| r.group.split(super::dimension::JOIN).nth(at)),
            _ => None,
        };
        if let Some(u) = code.and_then(|c| reference.areas.position(c)) {
            units
                .entry((r.org.code(), &r.dimension))
                .or_default()
                .push((i, u));
        } else if sums_units(&r.dimension, &leaf_name) {
            groups.entry(r.org.code()).or_default().push(i);
        }
    }
    let mut labels: BTreeMap<Dimension, Vec<Option<String>>> = BTreeMap::new();
    let mut out = Vec::new();
    for ((org, _), units) in &units {
        let sums = groups.get(org).map(Vec::as_slice).unwrap_or_default();
        // The dimensions the report prints, in its order; then the focus areas it does
        // not, whose groups are published all the same.
        let mut dims: Vec<&Dimension> = Vec::new();
        for &i in sums {
            if !dims.contains(&&rows[i].dimension) {
                dims.push(&rows[i].dimension);
            }
        }
        let absent: Vec<Dimension> = (Dimension::defaults().into_iter())
            .filter(|d| sums_units(d, &leaf_name) && !dims.contains(&d))
            .collect();
        for d in dims.into_iter().chain(&absent) {
            let of = labels
                .entry(d.clone())
                .or_insert_with(|| labels_of(d, reference));
            let mut by_label: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
            for (j, u) in units {
                if let Some(label) = of.get(*u as usize).and_then(|l| l.as_deref()) {
                    by_label.entry(label).or_default().push(*j);
                }
            }
            for (label, cells) in by_label {
                let sum = (sums.iter().copied())
                    .find(|&i| rows[i].dimension == *d && rows[i].group == label);
                if sum.is_some() || absent.contains(d) {
                    out.push((cells, sum));
                }
            }
        }
    }
    out
}

/// Members of each unit of the ranking level, as the lists were made from: what the
/// check below needs of the units the report does not publish.
#[derive(Debug, Clone)]
pub struct UnitMembers {
    pub org: OrgOrAny,
    pub level: String,
    /// By unit code, units with members only.
    pub members: BTreeMap<String, u64>,
}

/// Leaves out of the lists to urge and to replicate, of units fallen to zero and that
/// did not report (their 0 now is a count), and the notes of units above 100%,
/// whatever unit would leave exactly one small unit of a group unpublished:
/// that unit's count would be the group's less the units the lists and the per-unit
/// rows give. A unit is small under `min` members, or where its per-unit row was
/// blanked. Returns how many were left out.
pub(super) fn lists(cov: &mut Coverage, min: u64, reference: &Reference) -> usize {
    let Some(leaf) = reference.areas.lowest_level() else {
        return 0;
    };
    let mut removed = 0;
    for um in std::mem::take(&mut cov.unit_members) {
        if um.level == leaf {
            while let Some(code) = one_to_hide(cov, &um, min, reference) {
                let keep = |org: &OrgOrAny, c: &str| !(*org == um.org && c == code);
                cov.lagging.retain(|r| keep(&r.org, &r.code));
                cov.leading.retain(|r| keep(&r.org, &r.code));
                let lists = &mut cov.lists;
                for changes in [&mut lists.fallen_to_zero, &mut lists.not_reported] {
                    changes.retain(|u| keep(&OrgOrAny::Org(u.org.clone()), &u.code));
                }
                cov.notes.retain(|n| match n {
                    Note::UnitAbove100(u) => keep(&u.org, &u.code),
                    _ => true,
                });
                removed += 1;
            }
        }
        cov.unit_members.push(um);
    }
    removed
}

/// The units the lists and notes publish, as (organization, level, code, members they
/// give): those to urge and to replicate and those above 100% with their members, then
/// those fallen to zero or that did not report with their 0 now.
pub(super) fn published_units(cov: &Coverage) -> Vec<(OrgOrAny, &str, &str, u64)> {
    let noted = cov.notes.iter().filter_map(|n| match n {
        Note::UnitAbove100(u) => Some(u),
        _ => None,
    });
    let ranked = (cov.lagging.iter().chain(&cov.leading).chain(noted))
        .map(|r| (r.org.clone(), r.level.as_str(), r.code.as_str(), r.members));
    let changes = (cov
        .lists
        .fallen_to_zero
        .iter()
        .chain(&cov.lists.not_reported))
    .map(|u| {
        (
            OrgOrAny::Org(u.org.clone()),
            u.level.as_str(),
            u.code.as_str(),
            0,
        )
    });
    ranked.chain(changes).collect()
}

/// A listed unit to leave out so that no small unit of the organization can be worked
/// out, if one must go. A group whose count is published (a printed row, or a focus
/// area's the default report prints) with exactly one unit unpublished gives that
/// unit's count as the group's less the others; a unit so worked out counts as
/// published for the next group, and so on (02671 = 32 − 20, then 02683 = 14 − 12).
/// Where this reaches a small unit, the listed unit with the fewest members among
/// those the working out used goes.
fn one_to_hide(
    cov: &Coverage,
    um: &UnitMembers,
    min: u64,
    reference: &Reference,
) -> Option<String> {
    let leaf = Dimension::Level(um.level.clone());
    let listed: BTreeMap<&str, u64> = (published_units(cov).into_iter())
        .filter(|u| u.0 == um.org && u.1 == um.level)
        .map(|(_, _, code, members)| (code, members))
        .collect();
    let row_of = |code: &str| {
        (cov.rows.iter()).find(|r| r.org == um.org && r.dimension == leaf && r.group == code)
    };
    // Every unit that is a cell of the groups: with members, with a row (its 0
    // blanked, or published), or with its 0 now in a list. A unit with none of these
    // is taken as known to have no member: the safer reading.
    let mut units: BTreeMap<&str, u64> =
        (um.members.iter()).map(|(c, n)| (c.as_str(), *n)).collect();
    let rows = (cov.rows.iter()).filter(|r| r.org == um.org && r.dimension == leaf);
    for code in rows.map(|r| r.group.as_str()).chain(listed.keys().copied()) {
        units.entry(code).or_insert(0);
    }
    let small = |code: &str, n: u64| n < min || row_of(code).is_some_and(|r| r.members.is_none());
    let groups = published_groups(cov, um, reference, &units);
    // Each unit known, and the group it was worked out from (`None`: published).
    let mut known: BTreeMap<&str, Option<usize>> = (units.keys().copied())
        .filter(|c| listed.contains_key(c) || row_of(c).is_some_and(|r| r.members.is_some()))
        .map(|c| (c, None))
        .collect();
    loop {
        let mut worked_out = false;
        for (g, cells) in groups.iter().enumerate() {
            let hidden: Vec<&str> = (cells.iter().copied())
                .filter(|c| !known.contains_key(c))
                .collect();
            let [code] = hidden[..] else { continue };
            if small(code, units[code]) {
                let used = used_by(g, &groups, &known);
                let pick = (used.iter())
                    .filter_map(|c| listed.get(c).map(|n| (*n, *c)))
                    .min();
                if let Some((_, c)) = pick {
                    return Some(c.to_string());
                }
            }
            known.insert(code, Some(g));
            worked_out = true;
        }
        if !worked_out {
            return None;
        }
    }
}

/// The units of each group of the organization whose count is published: the groups
/// of the rows the report prints (blanked ones aside), and of the focus areas it does
/// not print (the default report prints them).
fn published_groups<'c>(
    cov: &Coverage,
    um: &UnitMembers,
    reference: &Reference,
    units: &BTreeMap<&'c str, u64>,
) -> Vec<Vec<&'c str>> {
    let mut dims: Vec<&Dimension> = Vec::new();
    for r in (cov.rows.iter()).filter(|r| r.org == um.org && sums_units(&r.dimension, &um.level)) {
        if !dims.contains(&&r.dimension) {
            dims.push(&r.dimension);
        }
    }
    let absent: Vec<Dimension> = (Dimension::defaults().into_iter())
        .filter(|d| sums_units(d, &um.level) && !dims.contains(&d))
        .collect();
    let mut out = Vec::new();
    for d in dims.into_iter().chain(&absent) {
        let of = labels_of(d, reference);
        let mut by_label: BTreeMap<&str, Vec<&'c str>> = BTreeMap::new();
        for code in units.keys() {
            let u = reference.areas.position(code);
            if let Some(l) = u
                .and_then(|u| of.get(u as usize))
                .and_then(|l| l.as_deref())
            {
                by_label.entry(l).or_default().push(code);
            }
        }
        for (label, cells) in by_label {
            let row = (cov.rows.iter())
                .find(|r| r.org == um.org && &r.dimension == d && r.group == label);
            if row.map_or(absent.contains(d), |r| r.members.is_some()) {
                out.push(cells);
            }
        }
    }
    out
}

/// The units group `g`'s count was worked out with: its own, and those of the groups
/// its worked-out units came from, and so on.
fn used_by<'c>(
    g: usize,
    groups: &[Vec<&'c str>],
    known: &BTreeMap<&'c str, Option<usize>>,
) -> BTreeSet<&'c str> {
    let mut used = BTreeSet::new();
    let mut todo = vec![g];
    let mut seen = BTreeSet::new();
    while let Some(g) = todo.pop() {
        if !seen.insert(g) {
            continue;
        }
        for &c in &groups[g] {
            used.insert(c);
            if let Some(Some(from)) = known.get(c) {
                todo.push(*from);
            }
        }
    }
    used
}
