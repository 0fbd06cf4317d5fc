//! Denominators (eligible people) and targets for a group.

use std::collections::{HashMap, HashSet};

use super::dimension::{group_key, Dimension};
use super::group::Grouper;
use crate::org::{Org, OrgOrAny};
use crate::reference::{Ownership, Reference, Scope};

/// An eligible row's sub-group: (dimension, group), both `None` for the plain count.
type GroupKey = (Option<String>, Option<String>);

/// Eligible counts of one org, for one period year, ready to sum by group.
pub struct Eligible<'a> {
    reference: &'a Reference,
    org: OrgOrAny,
    /// (dimension, group) → unit index → count, leaf units only.
    by_key: HashMap<GroupKey, Vec<(u32, u64)>>,
}

impl<'a> Eligible<'a> {
    /// For each unit, the latest year ≤ `year`; where counts are given at several levels,
    /// only the lowest (a unit whose descendant also has a count is left out, so nothing
    /// is counted twice).
    pub fn new(reference: &'a Reference, org: &OrgOrAny, year: i32) -> Eligible<'a> {
        let mut latest: HashMap<GroupKey, HashMap<u32, (i32, u64)>> = HashMap::new();
        for r in reference
            .eligible
            .iter()
            .filter(|r| r.org == *org && r.year <= year)
        {
            let Some(unit) = reference.areas.position(&r.area_code) else {
                continue;
            };
            let key = (r.dimension.clone(), r.group.as_ref().map(|g| group_key(g)));
            let slot = latest
                .entry(key)
                .or_default()
                .entry(unit)
                .or_insert((r.year, r.eligible));
            if r.year > slot.0 {
                *slot = (r.year, r.eligible);
            }
        }
        let mut by_key = HashMap::new();
        for (key, units) in latest {
            let mut covered: HashSet<u32> = HashSet::new();
            for &u in units.keys() {
                let code = &reference.areas.units[u as usize].code;
                for anc in reference.areas.lineage(code).into_iter().skip(1) {
                    if let Some(i) = reference.areas.position(&anc.code) {
                        covered.insert(i);
                    }
                }
            }
            let mut leaves: Vec<(u32, u64)> = units
                .into_iter()
                .filter(|(u, _)| !covered.contains(u))
                .map(|(u, (_, c))| (u, c))
                .collect();
            leaves.sort();
            by_key.insert(key, leaves);
        }
        Eligible {
            reference,
            org: org.clone(),
            by_key,
        }
    }

    /// The denominator of a group; `None` where no count applies (missing, not zero).
    pub fn of(&self, g: &Grouper, group: u32) -> Option<u64> {
        let label = &g.labels[group as usize];
        match &g.dimension {
            Dimension::Ownership if self.org == OrgOrAny::Org(Org::Union) => {
                let own = Ownership::ALL.iter().find(|o| o.code() == label)?;
                let known: Vec<u64> = self
                    .reference
                    .enterprises
                    .rows
                    .iter()
                    .filter(|e| e.ownership == *own)
                    .filter_map(|e| e.workers)
                    .collect();
                (!known.is_empty()).then(|| known.iter().sum())
            }
            d if d.eligible_name().is_some() => {
                let key = (d.eligible_name(), Some(group_key(label)));
                let rows = self.by_key.get(&key)?;
                (!rows.is_empty()).then(|| rows.iter().map(|(_, c)| c).sum())
            }
            _ => {
                let rows = self.by_key.get(&(None, None))?;
                let by_area = g.by_area.as_ref()?;
                let mut any = false;
                let mut sum = 0;
                for (u, c) in rows {
                    if by_area[*u as usize] == Some(group) {
                        any = true;
                        sum += c;
                    }
                }
                any.then_some(sum)
            }
        }
    }

    /// The groups a count is given for under a dimension (as [`Dimension::eligible_name`]
    /// names it), folded: a crossing's groups with a denominator.
    pub fn groups(&self, dimension: &str) -> HashSet<String> {
        self.by_key
            .iter()
            .filter(|((d, _), rows)| d.as_deref() == Some(dimension) && !rows.is_empty())
            .filter_map(|((_, g), _)| g.clone())
            .collect()
    }

    /// Units with a plain count (for notes and rankings).
    pub fn units_with_counts(&self) -> HashSet<u32> {
        self.by_key
            .get(&(None, None))
            .map(|v| v.iter().map(|(u, _)| *u).collect())
            .unwrap_or_default()
    }
}

/// The most specific target of the period's year that applies to a group, in hundredths.
pub fn target(
    reference: &Reference,
    org: &OrgOrAny,
    year: i32,
    g: &Grouper,
    group: u32,
) -> Option<i64> {
    let targets: Vec<_> = reference
        .targets
        .iter()
        .filter(|t| t.org == *org && t.year == year)
        .collect();
    let label = &g.labels[group as usize];
    let find = |scope: &Scope| {
        targets
            .iter()
            .find(|t| &t.scope == scope)
            .map(|t| super::pct::from_f64(t.target_pct))
    };
    let specific = match &g.dimension {
        // Where the areas have one top unit (the province), the total is its population:
        // the total and the province's row are one population with one target.
        Dimension::Total => reference
            .areas
            .root()
            .and_then(|root| find(&Scope::Unit(root.code.clone()))),
        Dimension::Level(_) => reference
            .areas
            .lineage(label)
            .into_iter()
            .find_map(|a| find(&Scope::Unit(a.code.clone()))),
        d => {
            let dim = d.name();
            targets
                .iter()
                .find(|t| matches!(&t.scope, Scope::Group { dimension, group } if *dimension == dim && group_key(group) == group_key(label)))
                .map(|t| super::pct::from_f64(t.target_pct))
        }
    };
    specific.or_else(|| find(&Scope::All))
}
