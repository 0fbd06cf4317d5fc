//! The numbers of a report (docs/metrics.md): per (org, dimension, group), the stock
//! (members at the period's end and the day before it starts), the flows (recruited,
//! left), eligible people, coverage, recruitment rate, target and gap, and enterprise
//! reach.

pub mod against;
pub mod anyone;
pub mod anyone_slots;
mod before_counts;
pub mod continuity;
pub mod counts;
pub mod cross;
pub mod denominator;
pub mod dimension;
mod dropped;
pub mod fold;
pub mod group;
mod lacking;
pub mod linked;
pub mod lists;
mod manifest_notes;
mod note;
mod notes;
pub mod parts;
pub mod pct;
pub mod period;
pub mod published;
pub mod query;
pub mod read;
pub mod reason;
pub mod series;
pub mod sized;
pub mod suppress;
pub mod unit_table;
mod units;
mod withheld;

use chrono::NaiveDate;
use std::collections::{BTreeMap, HashSet};

use crate::org::{Org, OrgOrAny, Orgs};
use crate::reference::Reference;
use counts::{Counts, RowKey, NO_ENTERPRISE};
use denominator::Eligible;
use dimension::Dimension;
use fold::{Plan, Tally};
use group::Grouper;
pub use note::{Note, Ranked, StaleFlows};
use notes::{any_ownership_partial, naming_enterprises, recruitment_above_100};
pub use notes::{out_of_step, roll_size_notes};
use notes::{reference_notes, snapshot_notes};
use period::Period;

/// What to compute.
#[derive(Debug, Clone)]
pub struct Request {
    pub period: Period,
    pub orgs: Vec<OrgOrAny>,
    pub dimensions: Vec<Dimension>,
    /// `--min-workers`: the size from which enterprises are counted apart on ownership
    /// rows (`sized.rs`); `None` for the default, then only where the enterprises file
    /// says which have a grassroots organization.
    pub min_workers: Option<u64>,
}

/// One row of the tidy output. Percentages are in hundredths.
#[derive(Debug, Clone, PartialEq)]
pub struct CoverageRow {
    pub period: Period,
    pub org: OrgOrAny,
    pub dimension: Dimension,
    pub group: String,
    /// A display name for the group (the unit's name on level rows).
    pub group_name: String,
    /// The dimension is an administrative level: the group is a unit's code.
    pub unit_level: bool,
    pub members: Option<u64>,
    pub members_start: Option<u64>,
    pub recruited: Option<u64>,
    pub left: Option<u64>,
    pub eligible: Option<u64>,
    pub coverage_pct: Option<i64>,
    pub recruit_rate_pct: Option<i64>,
    pub target_pct: Option<i64>,
    pub gap_pp: Option<i64>,
    pub enterprises: Option<u64>,
    pub enterprises_reached: Option<u64>,
    pub snapshot_as_of: Option<NaiveDate>,
    /// Columns blanked for publication (`--min-cell`).
    pub suppressed: suppress::Suppressed,
    /// On ownership rows: the enterprises of at least N workers, with a member and
    /// with a grassroots organization (`sized.rs`).
    pub sized: Option<sized::Sized>,
}

#[derive(Debug, Clone, Default)]
pub struct Coverage {
    /// The one unit at the top of the areas (the province), for titles.
    pub place: Option<String>,
    pub rows: Vec<CoverageRow>,
    pub notes: Vec<Note>,
    pub lagging: Vec<Ranked>,
    pub leading: Vec<Ranked>,
    /// The per-unit table, where asked for (`--table units`).
    pub units: Option<unit_table::UnitTable>,
    /// A month's report: each row's group a month earlier, and the change.
    pub against: Option<against::LastMonth>,
    /// The lists to act on.
    pub lists: lists::Lists,
    /// Members of each unit the rankings were made from (for `--min-cell`).
    pub unit_members: Vec<linked::UnitMembers>,
    /// The rolls read that have no row of a unit with members in the roll before, of
    /// every org read (`any`'s too; the notes name those of the orgs asked): no point
    /// of a series' line.
    pub emptying: Vec<(Org, NaiveDate)>,
}

const RANKED: usize = 5;

/// The orgs a default report covers: those with a snapshot (`snapshots`: every org and
/// as-of date the store holds) or a denominator.
pub fn default_orgs(snapshots: &[(Org, NaiveDate)], reference: &Reference) -> Vec<OrgOrAny> {
    reference
        .orgs
        .all()
        .into_iter()
        .filter(|o| {
            snapshots.iter().any(|(s, _)| s == o)
                || reference
                    .eligible
                    .iter()
                    .any(|e| matches!(&e.org, OrgOrAny::Org(e) if e == o))
        })
        .map(OrgOrAny::Org)
        .collect()
}

/// The snapshot each org uses for a date: its latest `as_of` on or before it.
pub fn snapshots_for(snapshots: &[(Org, NaiveDate)], end: NaiveDate) -> BTreeMap<Org, NaiveDate> {
    let mut out: BTreeMap<Org, NaiveDate> = BTreeMap::new();
    for (org, d) in snapshots.iter().filter(|(_, d)| *d <= end) {
        let (org, d) = (org.clone(), *d);
        let e = out.entry(org).or_insert(d);
        if d > *e {
            *e = d;
        }
    }
    out
}

impl Request {
    /// The orgs whose snapshots must be read: those asked for, or all the store knows
    /// (`known`) for `any`.
    pub fn needed(&self, known: &Orgs) -> Vec<Org> {
        if self.orgs.contains(&OrgOrAny::Any) {
            return known.all();
        }
        self.orgs
            .iter()
            .filter_map(|o| match o {
                OrgOrAny::Org(o) => Some(o.clone()),
                OrgOrAny::Any => None,
            })
            .collect()
    }
}

/// What one org's rows are computed from: its own counters, or for `any` the distinct
/// persons of every snapshot read.
struct Source<'t> {
    org: OrgOrAny,
    tallies: Vec<&'t Tally>,
    /// For `any`: the rows of persons with several rows.
    persons: Option<&'t anyone_slots::Rows>,
    snapshot_as_of: Option<NaiveDate>,
    /// Whether every snapshot read reaches the period's first day: flows are unknown,
    /// not zero, where one ends before it.
    flows_known: bool,
    /// For `any` by ownership: the organizations read whose rolls name an enterprise
    /// of the reference, and those whose name none (their members' enterprises are
    /// unknown).
    named: [Vec<Org>; 2],
}

impl Source<'_> {
    /// Counters per group of a dimension.
    fn counts(&self, g: &mut Grouper) -> Vec<Counts> {
        let mut counts = vec![Counts::default(); g.labels.len()];
        let mut add = |gi: Option<u32>, c: &Counts| {
            let Some(gi) = gi.map(|g| g as usize) else {
                return;
            };
            if counts.len() <= gi {
                counts.resize(gi + 1, Counts::default());
            }
            counts[gi].merge(c);
        };
        for t in &self.tallies {
            buckets(t, g, &mut add);
        }
        if let (OrgOrAny::Any, Some(rows)) = (&self.org, self.persons) {
            anyone_slots::recount(rows, g, &mut counts);
        }
        counts.resize(g.labels.len(), Counts::default());
        counts
    }

    /// Whether any member of the source is active at the period's end in a unit.
    fn active_areas(&self) -> HashSet<u32> {
        let mut out = HashSet::new();
        for t in &self.tallies {
            for (a, c) in t
                .areas
                .iter()
                .enumerate()
                .take(t.areas.len().saturating_sub(1))
            {
                if c.members > 0 {
                    out.insert(a as u32);
                }
            }
        }
        out
    }

    /// Enterprises with at least one member active at the period's end.
    fn reached(&self) -> HashSet<u32> {
        let mut out = HashSet::new();
        for t in &self.tallies {
            for (e, c) in t.enterprises.iter().enumerate() {
                if c.members > 0 {
                    out.insert(e as u32);
                }
            }
        }
        out
    }
}

/// Each non-empty counter of a snapshot, with the group its bucket falls in.
fn buckets(t: &Tally, g: &mut Grouper, add: &mut impl FnMut(Option<u32>, &Counts)) {
    let base = RowKey {
        area: 0,
        enterprise: NO_ENTERPRISE,
        sex: crate::roll::NO_CODE,
        ethnicity: crate::roll::NO_CODE,
        religion: crate::roll::NO_CODE,
        age: 0,
        reason: 0,
    };
    if let Dimension::Crossed(_) = g.dimension {
        for (k, c) in &t.cross {
            add(g.of(k), c);
        }
        return;
    }
    let by: &[Counts] = match g.dimension {
        Dimension::Ownership => &t.enterprises,
        Dimension::Sex => &t.sex,
        Dimension::Ethnicity { .. } => &t.ethnicity,
        Dimension::Religion { .. } => &t.religion,
        Dimension::AgeBand => &t.age,
        Dimension::Reason => &t.reason,
        _ => &t.areas,
    };
    for (i, c) in by.iter().enumerate().filter(|(_, c)| c.rows > 0) {
        let mut k = base;
        match g.dimension {
            Dimension::Ownership => k.enterprise = i as u32,
            Dimension::Sex => k.sex = i as u8,
            Dimension::Ethnicity { .. } => k.ethnicity = i as u8,
            Dimension::Religion { .. } => k.religion = i as u8,
            Dimension::AgeBand => k.age = i as u8,
            Dimension::Reason => k.reason = i as u8,
            _ => k.area = i as u32,
        }
        add(g.of(&k), c);
    }
}

/// The report's rows, notes and rankings from the counters of each snapshot read (the
/// snapshot each org uses is in `used`).
pub fn coverage(
    plan: &Plan,
    used: &BTreeMap<Org, NaiveDate>,
    tallies: BTreeMap<Org, Tally>,
    several: Option<&anyone_slots::Rows>,
) -> Coverage {
    let req = plan.req;
    let mut out = Coverage {
        place: plan.reference.areas.root().map(|a| a.name.clone()),
        ..Coverage::default()
    };
    snapshot_notes(req, plan.reference, used, &tallies, &mut out);
    let reaches = |d: &NaiveDate| *d >= req.period.start;
    for org in &req.orgs {
        let source = match org {
            OrgOrAny::Org(o) => Source {
                org: org.clone(),
                tallies: tallies.get(o).into_iter().collect(),
                persons: None,
                snapshot_as_of: used.get(o).copied(),
                flows_known: used.get(o).is_some_and(reaches),
                named: Default::default(),
            },
            OrgOrAny::Any => Source {
                org: org.clone(),
                tallies: tallies.values().collect(),
                persons: several,
                snapshot_as_of: tallies.keys().filter_map(|o| used.get(o)).max().copied(),
                flows_known: tallies.keys().filter_map(|o| used.get(o)).all(reaches),
                named: naming_enterprises(&tallies),
            },
        };
        reference_notes(plan, org, &mut out);
        org_rows(plan, &source, &mut out);
        units::lacking_denominators(plan, &source, &mut out);
        units::rank(plan, &source, &mut out);
    }
    if !req.period.point {
        out.lists = lists::lists(plan.reference, req, used, &tallies);
    }
    out.rows.sort_by(|a, b| {
        (a.org.code(), a.dimension.as_str(), &a.group).cmp(&(
            b.org.code(),
            b.dimension.as_str(),
            &b.group,
        ))
    });
    out
}

/// The rows of one org, dimension by dimension.
fn org_rows(plan: &Plan, source: &Source, out: &mut Coverage) {
    let (reference, p) = (plan.reference, &plan.req.period);
    let eligible = Eligible::new(reference, &source.org, p.year());
    let reached = source.reached();
    for dim in &plan.req.dimensions {
        let mut g = Grouper::new(dim, reference);
        let mut counts = source.counts(&mut g);
        if let Some(name) = dim.eligible_name().filter(|_| !g.parts.is_empty()) {
            group::add_listed(&mut g, &eligible.groups(&name));
            counts.resize(g.labels.len(), counts::Counts::default());
        }
        // A roll none of whose rows names an enterprise (one without the column) says
        // nothing of its members' enterprises: unknown on ownership rows, not 0.
        let unnamed = *dim == Dimension::Ownership
            && source.snapshot_as_of.is_some()
            && counts.iter().all(|c| c.rows == 0);
        if *dim == Dimension::Ownership && !unnamed {
            out.notes.extend(any_ownership_partial(source));
        }
        for (gi, c) in counts.iter().enumerate() {
            let gi = gi as u32;
            let den = eligible.of(&g, gi);
            let enterprises = (*dim == Dimension::Ownership).then(|| {
                let label = &g.labels[gi as usize];
                let own: Vec<u32> = reference
                    .enterprises
                    .rows
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| e.ownership.code() == label)
                    .map(|(i, _)| i as u32)
                    .collect();
                (
                    own.len() as u64,
                    own.iter().filter(|i| reached.contains(i)).count() as u64,
                )
            });
            // A group appears when it has members (any row of the snapshot), a
            // denominator, or (on ownership rows) enterprises.
            let shown = c.rows > 0
                || den.is_some()
                || dim == &Dimension::Total
                || enterprises.is_some_and(|(n, _)| n > 0)
                || dim == &Dimension::Reason;
            if shown {
                let target = denominator::target(reference, &source.org, p.year(), &g, gi);
                let mut row = row(p, source, &g, gi, c, den, target, enterprises);
                if *dim == Dimension::Ownership && sized::shown(reference, plan.req.min_workers) {
                    let n = plan.req.min_workers.unwrap_or(sized::MIN_WORKERS);
                    let reached = source.snapshot_as_of.map(|_| &reached);
                    let label = &g.labels[gi as usize];
                    row.sized = Some(sized::of(reference, &source.org, label, n, reached));
                }
                if dim == &Dimension::Reason {
                    reason_row(&mut row);
                }
                if unnamed {
                    unknown_enterprises(&mut row);
                }
                if let Some(cp) = row.coverage_pct.filter(|c| *c > 10_000) {
                    out.notes.push(Note::CoverageAbove100 {
                        org: source.org.clone(),
                        dimension: dim.name(),
                        group: g.labels[gi as usize].clone(),
                        name: g.names[gi as usize].clone(),
                        pct: cp,
                    });
                } else if let Some(note) = recruitment_above_100(&row, dim, &g, gi) {
                    out.notes.push(note);
                }
                out.rows.push(row);
            }
        }
    }
}

/// An ownership row of a roll that names no enterprise: its members and what follows
/// from them are unknown (the enterprises and the denominator are the reference's).
fn unknown_enterprises(r: &mut CoverageRow) {
    r.members = None;
    r.members_start = None;
    r.recruited = None;
    r.left = None;
    r.coverage_pct = None;
    r.recruit_rate_pct = None;
    r.gap_pp = None;
    r.enterprises_reached = None;
}

/// A row of `--by reason` is a flow alone: who left, by why. Stock and flow are never
/// mixed, so its members, start, eligible, coverage and target are empty.
fn reason_row(r: &mut CoverageRow) {
    r.members = None;
    r.members_start = None;
    r.recruited = None;
    r.eligible = None;
    r.coverage_pct = None;
    r.recruit_rate_pct = None;
    r.target_pct = None;
    r.gap_pp = None;
}

/// One row: stock and flow (missing, not zero, without a snapshot; no flow for a
/// point in time), coverage, recruitment rate, target and gap.
#[allow(clippy::too_many_arguments)]
fn row(
    p: &Period,
    source: &Source,
    g: &Grouper,
    gi: u32,
    c: &Counts,
    den: Option<u64>,
    target_pct: Option<i64>,
    enterprises: Option<(u64, u64)>,
) -> CoverageRow {
    let have_members = source.snapshot_as_of.is_some();
    let stock = |v: u64| have_members.then_some(v);
    let flow = |v: u64| (have_members && !p.point && source.flows_known).then_some(v);
    let members = stock(c.members);
    let members_start = (!p.point).then(|| stock(c.start)).flatten();
    let coverage_pct = match (members, den) {
        (Some(m), Some(e)) => pct::ratio(m, e),
        _ => None,
    };
    let recruit_rate_pct = match (flow(c.recruited), members_start, den) {
        (Some(r), Some(s), Some(e)) if e > s => pct::ratio(r, e - s),
        _ => None,
    };
    let gap_pp = match (coverage_pct, target_pct) {
        (Some(c), Some(t)) => Some(c - t),
        _ => None,
    };
    CoverageRow {
        period: p.clone(),
        org: source.org.clone(),
        dimension: g.dimension.clone(),
        group: g.labels[gi as usize].clone(),
        group_name: g.names[gi as usize].clone(),
        unit_level: matches!(g.dimension, Dimension::Level(_)),
        members,
        members_start,
        recruited: flow(c.recruited),
        left: flow(c.left),
        eligible: den,
        coverage_pct,
        recruit_rate_pct,
        target_pct,
        gap_pp,
        enterprises: enterprises.map(|e| e.0),
        // Reach needs the roll: without one it is unknown, not 0.
        enterprises_reached: enterprises.filter(|_| have_members).map(|e| e.1),
        snapshot_as_of: source.snapshot_as_of,
        suppressed: suppress::Suppressed::default(),
        sized: None,
    }
}
