//! The numbers of SPEC §5: per (org, dimension, group), the stock (members at the
//! period's end and the day before it starts), the flows (recruited, left), eligible
//! people, coverage, recruitment rate, target and gap, and enterprise reach.

pub mod denominator;
pub mod dimension;
pub mod group;
pub mod load;
pub mod pct;
pub mod period;
pub mod suppress;

use anyhow::Result;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use crate::org::{Org, OrgOrAny, ALL_ORGS};
use crate::reference::Reference;
use crate::store::rolls::days;
use crate::store::Manifest;
use denominator::Eligible;
use dimension::Dimension;
use group::Grouper;
use load::Member;
use period::Period;

/// What to compute.
#[derive(Debug, Clone)]
pub struct Request {
    pub period: Period,
    pub orgs: Vec<OrgOrAny>,
    pub dimensions: Vec<Dimension>,
}

/// One row of the tidy output (SPEC §6). Percentages are in hundredths.
#[derive(Debug, Clone, PartialEq)]
pub struct CoverageRow {
    pub period: String,
    pub org: OrgOrAny,
    pub dimension: String,
    pub group: String,
    /// A display name for the group (the unit's name on level rows).
    pub group_name: String,
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
    pub suppressed: Vec<&'static str>,
}

/// Something the reader must know to trust (or distrust) the numbers.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    MissingSnapshot {
        org: Org,
    },
    StaleSnapshot {
        org: Org,
        as_of: NaiveDate,
    },
    UnitsWithoutDenominator {
        org: OrgOrAny,
        units: Vec<String>,
    },
    CoverageAbove100 {
        org: OrgOrAny,
        dimension: String,
        group: String,
        pct: i64,
    },
    UnknownAreas {
        org: Org,
        members: u64,
        codes: Vec<String>,
    },
}

/// A unit ranked by its gap to target, for "who to urge" and "who to replicate".
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub org: OrgOrAny,
    pub level: String,
    pub code: String,
    pub name: String,
    pub coverage_pct: i64,
    pub target_pct: i64,
    pub gap_pp: i64,
}

#[derive(Debug, Clone, Default)]
pub struct Coverage {
    pub rows: Vec<CoverageRow>,
    pub notes: Vec<Note>,
    pub lagging: Vec<Ranked>,
    pub leading: Vec<Ranked>,
}

#[derive(Default, Clone, Copy)]
struct Counts {
    rows: u64,
    members: u64,
    start: u64,
    recruited: u64,
    left: u64,
}

/// Persons of the org `any`, counted once per group and metric.
#[derive(Default)]
struct Distinct {
    rows: HashSet<(u32, u64)>,
    members: HashSet<(u32, u64)>,
    start: HashSet<(u32, u64)>,
    recruited: HashSet<(u32, u64)>,
    left: HashSet<(u32, u64)>,
}

const RANKED: usize = 5;

/// The orgs a default report covers: those with a snapshot or a denominator.
pub fn default_orgs(m: &Manifest, reference: &Reference) -> Vec<OrgOrAny> {
    ALL_ORGS
        .iter()
        .copied()
        .filter(|o| {
            m.ingests
                .iter()
                .any(|i| i.kind == "roll" && i.org.as_deref() == Some(o.code()))
                || reference
                    .eligible
                    .iter()
                    .any(|e| e.org == OrgOrAny::Org(*o))
        })
        .map(OrgOrAny::Org)
        .collect()
}

/// Members active at the period's end, the day before its start, recruited and left
/// within it, per flag.
struct Flags {
    members: bool,
    start: bool,
    recruited: bool,
    left: bool,
}

fn flags(m: &Member, p: &Period, end: i32, before: i32, start: i32) -> Flags {
    if p.point {
        return Flags {
            members: m.active_at(end),
            start: false,
            recruited: false,
            left: false,
        };
    }
    Flags {
        members: m.active_at(end),
        start: m.active_at(before),
        recruited: m.joined().is_some_and(|j| j >= start && j <= end),
        left: m.left().is_some_and(|l| l >= start && l <= end),
    }
}

pub fn coverage(
    dir: &Path,
    manifest: &Manifest,
    reference: &Reference,
    req: &Request,
) -> Result<Coverage> {
    let p = &req.period;
    let (end, before, start) = (days(p.end), days(p.before_start()), days(p.start));
    let used = load::snapshots_for(manifest, p.end);
    let mut out = Coverage::default();

    // Load each org's snapshot once.
    let mut loaded: BTreeMap<Org, Vec<Member>> = BTreeMap::new();
    let needed: Vec<Org> = if req.orgs.contains(&OrgOrAny::Any) {
        ALL_ORGS.to_vec()
    } else {
        req.orgs
            .iter()
            .filter_map(|o| match o {
                OrgOrAny::Org(o) => Some(*o),
                OrgOrAny::Any => None,
            })
            .collect()
    };
    // Snapshots are independent: read them side by side, one per core (each part is
    // checksummed, decompressed and decoded, which is most of a report's time; one per
    // core also bounds how many decoded parts are in memory at once).
    let jobs: Vec<(Org, NaiveDate)> = needed
        .iter()
        .filter_map(|org| used.get(org).map(|d| (*org, *d)))
        .collect();
    let next_job = std::sync::atomic::AtomicUsize::new(0);
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(jobs.len())
        .max(1);
    let mut read: BTreeMap<Org, Result<load::Loaded>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next_job.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(&(org, as_of)) = jobs.get(i) else {
                            return done;
                        };
                        done.push((org, load::snapshot(dir, manifest, org, as_of, reference)));
                    }
                })
            })
            .collect();
        let mut all = BTreeMap::new();
        for h in handles {
            match h.join() {
                Ok(done) => all.extend(done),
                Err(_) => {
                    for &(org, _) in &jobs {
                        all.entry(org).or_insert_with(|| {
                            Err(anyhow::anyhow!("reading the {org} snapshot failed"))
                        });
                    }
                }
            }
        }
        all
    });
    for org in needed {
        match used.get(&org) {
            Some(&as_of) => {
                let l = read
                    .remove(&org)
                    .unwrap_or_else(|| Err(anyhow::anyhow!("the {org} snapshot was not read")))?;
                if !l.unknown_areas.is_empty() && req.orgs.contains(&OrgOrAny::Org(org)) {
                    out.notes.push(Note::UnknownAreas {
                        org,
                        members: l.unknown_areas.values().sum(),
                        codes: l.unknown_areas.keys().take(10).cloned().collect(),
                    });
                }
                if as_of < p.end && req.orgs.contains(&OrgOrAny::Org(org)) {
                    out.notes.push(Note::StaleSnapshot { org, as_of });
                }
                loaded.insert(org, l.members);
            }
            None => {
                if req.orgs.contains(&OrgOrAny::Org(org)) {
                    out.notes.push(Note::MissingSnapshot { org });
                }
            }
        }
    }

    for &org in &req.orgs {
        let members: Vec<(&Member, Flags)> = match org {
            OrgOrAny::Org(o) => loaded
                .get(&o)
                .map(|v| {
                    v.iter()
                        .map(|m| (m, flags(m, p, end, before, start)))
                        .collect()
                })
                .unwrap_or_default(),
            OrgOrAny::Any => loaded
                .values()
                .flatten()
                .map(|m| (m, flags(m, p, end, before, start)))
                .collect(),
        };
        let snapshot_as_of = match org {
            OrgOrAny::Org(o) => used.get(&o).copied(),
            OrgOrAny::Any => loaded.keys().filter_map(|o| used.get(o)).max().copied(),
        };
        let have_members = snapshot_as_of.is_some();
        let eligible = Eligible::new(reference, org, p.year());

        // Enterprises reached: at least one member active at the period's end.
        let reached: HashSet<u32> = members
            .iter()
            .filter(|(_, f)| f.members)
            .filter_map(|(m, _)| m.enterprise())
            .collect();

        for dim in &req.dimensions {
            let mut g = Grouper::new(dim, reference, p.end);
            let mut counts: Vec<Counts> = vec![Counts::default(); g.labels.len()];
            let mut distinct = Distinct::default();
            for (m, f) in &members {
                let Some(gi) = g.of(m) else { continue };
                if counts.len() <= gi as usize {
                    counts.resize(gi as usize + 1, Counts::default());
                }
                if org == OrgOrAny::Any {
                    let key = (gi, m.person);
                    distinct.rows.insert(key);
                    if f.members {
                        distinct.members.insert(key);
                    }
                    if f.start {
                        distinct.start.insert(key);
                    }
                    if f.recruited {
                        distinct.recruited.insert(key);
                    }
                    if f.left {
                        distinct.left.insert(key);
                    }
                } else {
                    let c = &mut counts[gi as usize];
                    c.rows += 1;
                    c.members += f.members as u64;
                    c.start += f.start as u64;
                    c.recruited += f.recruited as u64;
                    c.left += f.left as u64;
                }
            }
            if org == OrgOrAny::Any {
                // One pass over each set of distinct (group, person) pairs.
                let tally = |s: &HashSet<(u32, u64)>,
                             counts: &mut Vec<Counts>,
                             field: fn(&mut Counts) -> &mut u64| {
                    for (gi, _) in s {
                        *field(&mut counts[*gi as usize]) += 1;
                    }
                };
                tally(&distinct.rows, &mut counts, |c| &mut c.rows);
                tally(&distinct.members, &mut counts, |c| &mut c.members);
                tally(&distinct.start, &mut counts, |c| &mut c.start);
                tally(&distinct.recruited, &mut counts, |c| &mut c.recruited);
                tally(&distinct.left, &mut counts, |c| &mut c.left);
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
                    || enterprises.is_some_and(|(n, _)| n > 0);
                if !shown {
                    continue;
                }
                let stock = |v: u64| have_members.then_some(v);
                let flow = |v: u64| (have_members && !p.point).then_some(v);
                let members_v = stock(c.members);
                let start_v = flow(c.start);
                let coverage_pct = match (members_v, den) {
                    (Some(m), Some(e)) => pct::ratio(m, e),
                    _ => None,
                };
                let recruit_rate_pct = match (flow(c.recruited), start_v, den) {
                    (Some(r), Some(s), Some(e)) if e > s => pct::ratio(r, e - s),
                    _ => None,
                };
                let target_pct = denominator::target(reference, org, p.year(), &g, gi);
                let gap_pp = match (coverage_pct, target_pct) {
                    (Some(c), Some(t)) => Some(c - t),
                    _ => None,
                };
                if let Some(cp) = coverage_pct.filter(|c| *c > 10_000) {
                    out.notes.push(Note::CoverageAbove100 {
                        org,
                        dimension: dim.name(),
                        group: g.labels[gi as usize].clone(),
                        pct: cp,
                    });
                }
                out.rows.push(CoverageRow {
                    period: p.label.clone(),
                    org,
                    dimension: dim.name(),
                    group: g.labels[gi as usize].clone(),
                    group_name: g.names[gi as usize].clone(),
                    members: members_v,
                    members_start: start_v,
                    recruited: flow(c.recruited),
                    left: flow(c.left),
                    eligible: den,
                    coverage_pct,
                    recruit_rate_pct,
                    target_pct,
                    gap_pp,
                    enterprises: enterprises.map(|e| e.0),
                    enterprises_reached: enterprises.map(|e| e.1),
                    snapshot_as_of,
                    suppressed: Vec::new(),
                });
            }
        }

        // Units with members but no denominator for this org.
        let with_counts = eligible.units_with_counts();
        if !with_counts.is_empty() || !reference.eligible.is_empty() {
            let mut lacking: Vec<String> = members
                .iter()
                .filter(|(_, f)| f.members)
                .filter_map(|(m, _)| m.area())
                .collect::<HashSet<u32>>()
                .into_iter()
                .filter(|a| !covered_by(reference, &with_counts, *a))
                .map(|a| reference.areas.units[a as usize].code.clone())
                .collect();
            lacking.sort();
            lacking.dedup();
            if !lacking.is_empty() {
                out.notes.push(Note::UnitsWithoutDenominator {
                    org,
                    units: lacking,
                });
            }
        }
        rank(reference, &members, &eligible, org, p, &mut out)?;
    }
    out.rows.sort_by(|a, b| {
        (a.org.code(), &a.dimension, &a.group).cmp(&(b.org.code(), &b.dimension, &b.group))
    });
    Ok(out)
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

/// The units furthest below and above target at the lowest level that has denominators.
fn rank(
    reference: &Reference,
    members: &[(&Member, Flags)],
    eligible: &Eligible,
    org: OrgOrAny,
    p: &Period,
    out: &mut Coverage,
) -> Result<()> {
    let units = eligible.units_with_counts();
    let Some(level) = units
        .iter()
        .map(|u| &reference.areas.units[*u as usize])
        .max_by_key(|u| reference.areas.lineage(&u.code).len())
        .map(|u| u.level.clone())
    else {
        return Ok(());
    };
    let dim = Dimension::Level(level.clone());
    let mut g = Grouper::new(&dim, reference, p.end);
    let mut active = vec![0u64; g.labels.len()];
    let mut seen: HashSet<(u32, u64)> = HashSet::new();
    for (m, _) in members.iter().filter(|(_, f)| f.members) {
        if let Some(gi) = g.of(m) {
            if org == OrgOrAny::Any && !seen.insert((gi, m.person)) {
                continue;
            }
            active[gi as usize] += 1;
        }
    }
    let mut ranked = Vec::new();
    for gi in 0..g.labels.len() as u32 {
        let (Some(den), Some(t)) = (
            eligible.of(&g, gi),
            denominator::target(reference, org, p.year(), &g, gi),
        ) else {
            continue;
        };
        let Some(c) = pct::ratio(active[gi as usize], den) else {
            continue;
        };
        ranked.push(Ranked {
            org,
            level: level.clone(),
            code: g.labels[gi as usize].clone(),
            name: g.names[gi as usize].clone(),
            coverage_pct: c,
            target_pct: t,
            gap_pp: c - t,
        });
    }
    ranked.sort_by(|a, b| (a.gap_pp, &a.code).cmp(&(b.gap_pp, &b.code)));
    out.lagging
        .extend(ranked.iter().filter(|r| r.gap_pp < 0).take(RANKED).cloned());
    out.leading.extend(
        ranked
            .iter()
            .rev()
            .filter(|r| r.gap_pp >= 0)
            .take(RANKED)
            .cloned(),
    );
    Ok(())
}
