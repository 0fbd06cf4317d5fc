//! A period that holds several rolls of an organization (a quarter or a year of monthly
//! rolls): its flows are those between each roll and the next, added up, and its start
//! is the first roll's, as the months' own reports give them. Read from the last roll
//! alone, a member who died in November and was dropped from December's roll would be
//! neither at the quarter's start nor among those who left it.

use anyhow::Result;
use chrono::NaiveDate;

use super::period::Period;
use super::read::{self, Seen, SeenSnapshots};
use super::{pct, snapshots_for, Coverage, CoverageRow, Note, Request};
use crate::org::{Org, OrgOrAny};
use crate::reference::Reference;
use crate::store;

/// The period's report, its flows joined up across the rolls inside it.
pub fn coverage(
    view: &store::View,
    reference: &Reference,
    req: &Request,
    seen: Seen,
) -> Result<Coverage> {
    let mut cov = read::coverage(view, reference, req, seen)?;
    if req.period.point {
        return Ok(cov);
    }
    let snapshots = view.manifest.roll_snapshots(&view.orgs);
    let used = snapshots_for(&snapshots, req.period.end);
    for target in &req.orgs {
        // `any` stops at every roll of the orgs it reads (monthly rolls of the same
        // days, the usual case, stop it where they stop each).
        let orgs = match target {
            OrgOrAny::Org(o) => vec![o.clone()],
            OrgOrAny::Any => req.needed(&view.orgs),
        };
        let mut stops: Vec<NaiveDate> = orgs
            .iter()
            .filter_map(|o| Some(stops(&snapshots, o, &req.period, *used.get(o)?)))
            .flatten()
            .collect();
        stops.sort();
        stops.dedup();
        if stops.is_empty() {
            continue;
        }
        let mut own = SeenSnapshots::new();
        let mut parts = Vec::with_capacity(stops.len() + 1);
        for p in pieces(&req.period, &stops) {
            let one = Request {
                period: p,
                orgs: vec![target.clone()],
                ..req.clone()
            };
            parts.push(read::coverage(view, reference, &one, Seen::Keep(&mut own))?);
            let reached = snapshots_for(&snapshots, one.period.end);
            own.retain(|(o, d), _| reached.get(o) == Some(d));
        }
        join(&mut cov, target, &orgs, &parts);
    }
    // `any` beside its orgs joins the same rolls: each note once.
    let mut notes: Vec<Note> = Vec::with_capacity(cov.notes.len());
    for n in std::mem::take(&mut cov.notes) {
        if !notes.contains(&n) {
            notes.push(n);
        }
    }
    cov.notes = notes;
    Ok(cov)
}

/// The org's rolls inside the period before the one it ends on.
fn stops(
    snapshots: &[(Org, NaiveDate)],
    org: &Org,
    period: &Period,
    last: NaiveDate,
) -> Vec<NaiveDate> {
    let mut out: Vec<NaiveDate> = snapshots
        .iter()
        .filter(|(o, d)| o == org && *d >= period.start && *d < last)
        .map(|(_, d)| *d)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The period cut after each stop: from its start to the first roll, from the day
/// after each roll to the next, from the day after the last stop to its end.
fn pieces(period: &Period, stops: &[NaiveDate]) -> Vec<Period> {
    let mut out = Vec::with_capacity(stops.len() + 1);
    let mut from = period.start;
    for &d in stops.iter().chain(std::iter::once(&period.end)) {
        out.push(Period {
            label: period.label.clone(),
            start: from,
            end: d,
            point: false,
        });
        from = d.succ_opt().unwrap_or(d);
    }
    out
}

/// The org's rows of `cov` with the start of the first piece and the flows of all
/// added up; the notes of how the rolls join up (seams, placed departures, a first
/// roll's, unknown reasons) are the pieces'.
fn join(cov: &mut Coverage, target: &OrgOrAny, orgs: &[Org], parts: &[Coverage]) {
    for r in cov.rows.iter_mut().filter(|r| r.org == *target) {
        let of = |c: &Coverage| {
            c.rows
                .iter()
                .find(|x| x.dimension == r.dimension && x.group == r.group)
                .cloned()
        };
        let found: Vec<Option<CoverageRow>> = parts.iter().map(of).collect();
        // A piece without the group's row had none of its members: 0, where that
        // piece's flows are known at all (its total says).
        let flow = |pick: fn(&CoverageRow) -> Option<u64>| -> Option<u64> {
            let mut sum = 0;
            for (row, part) in found.iter().zip(parts) {
                sum += match row {
                    Some(x) => pick(x)?,
                    None => total(part).and_then(pick).map(|_| 0)?,
                };
            }
            Some(sum)
        };
        if r.recruited.is_some() || r.left.is_some() {
            r.recruited = r.recruited.and(flow(|x| x.recruited));
            r.left = r.left.and(flow(|x| x.left));
        }
        if r.members_start.is_some() {
            r.members_start = match &found[0] {
                Some(x) => x.members_start,
                None => total(&parts[0]).and_then(|t| t.members_start).map(|_| 0),
            };
        }
        r.recruit_rate_pct = match (r.recruited, r.members_start, r.eligible) {
            (Some(n), Some(s), Some(e)) if e > s => pct::ratio(n, e - s),
            _ => None,
        };
    }
    let joins = |n: &Note| {
        matches!(
            n,
            Note::Seam { org: o, .. }
                | Note::PlacedDepartures { org: o, .. }
                | Note::FirstRollDepartures { org: o, .. }
                | Note::UnknownReasons { org: o, .. } if orgs.contains(o)
        )
    };
    cov.notes.retain(|n| !joins(n));
    for p in parts {
        cov.notes
            .extend(p.notes.iter().filter(|n| joins(n)).cloned());
    }
}

fn total(c: &Coverage) -> Option<&CoverageRow> {
    c.rows
        .iter()
        .find(|r| r.dimension == super::dimension::Dimension::Total)
}
