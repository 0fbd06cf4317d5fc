//! One period's report from the store: the snapshots it uses streamed through the
//! fold (each with its org's previous snapshot, where months join up), then the rows,
//! and the notes that come from the manifest (`manifest_notes.rs`).

use anyhow::Result;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use super::continuity::{Previous, PreviousRows};
use super::dropped::{ByRoll, Dropped};

/// An org's previous snapshot, where it has one.
type PreviousOf = Option<Arc<Previous>>;
use super::fold::{Plan, Tally};
use super::manifest_notes::{manifest_notes, previous_of, renamed_sheets};
use super::{anyone, Coverage, Request};
use crate::org::{Org, OrgOrAny};
use crate::reference::Reference;
use crate::store::{self, scan, IngestRecord};

/// The members of snapshots already read, kept by a series for the next period, whose
/// previous snapshot they are: each snapshot is then read once.
pub type SeenSnapshots = HashMap<(Org, NaiveDate), Arc<Previous>>;

/// The snapshots one period reads: each org's, with the date of its previous one.
struct Reads<'v> {
    /// The snapshot each org uses for the period.
    used: BTreeMap<Org, NaiveDate>,
    /// The snapshots read, in order.
    read: Vec<(Org, NaiveDate)>,
    /// Each read snapshot's parts.
    parts: Vec<Vec<&'v IngestRecord>>,
}

/// What a read does with the members of snapshots read before it.
pub enum Seen<'s> {
    /// Nothing kept, nothing reused.
    None,
    /// Takes previous snapshots from here where it holds them, and adds the members of
    /// the snapshots this period reads (a series: the next period's previous ones).
    Keep(&'s mut SeenSnapshots),
    /// Takes previous snapshots from here, and keeps nothing (the last period read: a
    /// month's report after its month before). Keeping would hold 12 bytes of every
    /// member row for nothing.
    Reuse(&'s SeenSnapshots),
}

/// Streams the snapshots the request uses through the metrics' fold, taking previous
/// snapshots from `seen` where it holds them and, if asked, adding to it the members
/// of the snapshots this period reads.
pub fn coverage(
    view: &store::View,
    reference: &Reference,
    req: &Request,
    seen: Seen,
) -> Result<Coverage> {
    let (seen, reuse) = match seen {
        Seen::None => (None, None),
        Seen::Keep(s) => (Some(s), None),
        Seen::Reuse(s) => (None, Some(s)),
    };
    let snapshots = view.manifest.roll_snapshots(&view.orgs);
    let reads = reads(view, &snapshots, req);
    // A point in time has no flows: the previous snapshot changes nothing there.
    let previous_dates: Vec<Option<NaiveDate>> = reads
        .read
        .iter()
        .map(|(o, d)| {
            (!req.period.point)
                .then(|| previous_of(&snapshots, o, *d))
                .flatten()
        })
        .collect();
    let mut plan = Plan::new(reference, req);
    let keep = seen.is_some() && !req.period.point;
    if previous_dates.iter().any(Option::is_some) || keep {
        plan = plan.with_persons();
    }
    let source = reuse.or(seen.as_deref());
    let chains = Chains {
        snapshots: &snapshots,
        start: req.period.start,
        end: req.period.end,
        seen: source,
    };
    let (previous, dropped, before) =
        previous_snapshots(view, &plan, &reads.read, &previous_dates, &chains)?;
    let watch: Vec<Arc<Vec<u64>>> = dropped.iter().map(Dropped::persons).collect();
    let mut tallies = first_pass(view, &plan, &reads, (&previous, &watch), keep, seen)?;
    let dropped: Vec<ByRoll> = (dropped.iter())
        .zip(tallies.iter_mut())
        .map(|(d, t)| d.unlisted(std::mem::take(&mut t.watched)))
        .collect();
    let rolls = dropped_pass(view, &plan, &reads.read, &dropped)?;
    for t in tallies.iter_mut() {
        t.take_listed();
    }
    for (i, t) in rolls {
        tallies[i].merge(t);
    }
    for (t, b) in tallies.iter_mut().zip(before) {
        t.before = b;
    }
    let several = if req.orgs.contains(&OrgOrAny::Any) {
        second_pass(view, &mut plan, &reads, (&previous, &dropped), &mut tallies)?
    } else {
        None
    };
    let tallies = reads
        .read
        .iter()
        .map(|(o, _)| o.clone())
        .zip(tallies)
        .collect();
    let mut cov = super::coverage(&plan, &reads.used, tallies, several.as_deref());
    cov.notes
        .extend(manifest_notes(view, plan.reference, req, reads.used));
    renamed_sheets(&mut cov.notes, req);
    Ok(cov)
}

/// The snapshots the request reads: those of the orgs it needs, as of the period's end.
fn reads<'v>(view: &'v store::View, snapshots: &[(Org, NaiveDate)], req: &Request) -> Reads<'v> {
    let used = super::snapshots_for(snapshots, req.period.end);
    let read: Vec<(Org, NaiveDate)> = req
        .needed(&view.orgs)
        .into_iter()
        .filter_map(|o| used.get(&o).map(|d| (o, *d)))
        .collect();
    let parts = read
        .iter()
        .map(|(o, as_of)| view.manifest.snapshot_parts(o.code(), &as_of.to_string()))
        .collect();
    Reads { used, read, parts }
}

/// The counters of each snapshot read. Each snapshot's active members are gathered in
/// the same pass where a series will want them as the next period's previous snapshot.
fn first_pass(
    view: &store::View,
    plan: &Plan,
    reads: &Reads,
    (previous, watch): (&[PreviousOf], &[Arc<Vec<u64>>]),
    keep: bool,
    mut seen: Option<&mut SeenSnapshots>,
) -> Result<Vec<Tally>> {
    let read = &reads.read;
    let folded = scan::fold(
        scan::Checks::Remembered,
        &view.dir,
        &reads.parts,
        plan.columns(),
        |i| {
            let mut t = plan.tally(read[i].1, previous[i].clone());
            t.watch = watch[i].clone();
            let rows = || PreviousRows::placing(read[i].1, previous[i].clone());
            (t, keep.then(rows))
        },
        |(t, p), b| {
            plan.fold(t, b);
            if let Some(p) = p {
                plan.fold_previous(p, b);
            }
        },
        |(t, p), (t2, p2)| {
            t.merge(t2);
            if let (Some(p), Some(p2)) = (p.as_mut(), p2) {
                p.merge(p2);
            }
        },
    )?;
    let mut tallies = Vec::with_capacity(folded.len());
    for ((o, d), (t, p)) in read.iter().zip(folded) {
        if let (Some(seen), Some(p)) = (seen.as_deref_mut(), p) {
            seen.insert((o.clone(), *d), Arc::new(p.finish(*d)));
        }
        tallies.push(t);
    }
    Ok(tallies)
}

/// For org `any`: persons with several rows (in two organizations, say) are found in
/// the first pass; a second pass keeps their rows, to count each once.
fn second_pass(
    view: &store::View,
    plan: &mut Plan,
    reads: &Reads,
    (previous, dropped): (&[PreviousOf], &[ByRoll]),
    tallies: &mut [Tally],
) -> Result<Option<Arc<super::anyone_slots::Rows>>> {
    let keys: Vec<anyone::Keys> = tallies
        .iter_mut()
        .flat_map(|t| std::mem::take(&mut t.persons))
        .collect();
    let several = anyone::several(&keys);
    drop(keys);
    give_back_freed();
    if several.is_empty() {
        return Ok(None);
    }
    // A slot keeps sex, ethnicity, religion and reason only when a breakdown reads them.
    let c = plan.columns();
    let traits = c.sex || c.ethnicity || c.religion || c.reason;
    let rows = Arc::new(super::anyone_slots::Rows::new(several, traits));
    plan.keep_rows_in(rows.clone());
    let plan: &Plan = plan;
    let read = &reads.read;
    // Only the rows are wanted: the counters of this pass are the first pass's again.
    scan::fold(
        scan::Checks::Remembered,
        &view.dir,
        &reads.parts,
        plan.columns(),
        |i| plan.tally(read[i].1, previous[i].clone()),
        |t, b| plan.fold(t, b),
        |t, t2| t.merge(t2),
    )?;
    dropped_pass(view, plan, read, dropped)?;
    Ok(Some(rows))
}

/// The rows of the members each org's last roll of the period dropped after an
/// earlier roll of it marked them departed (`dropped.rs`), folded from the roll that
/// last listed them: a tally per org and roll, to add to the org's.
fn dropped_pass(
    view: &store::View,
    plan: &Plan,
    read: &[(Org, NaiveDate)],
    dropped: &[ByRoll],
) -> Result<Vec<(usize, Tally)>> {
    let jobs: Vec<_> = (dropped.iter().enumerate())
        .flat_map(|(i, rolls)| rolls.iter().map(move |(d, g)| (i, d, g)))
        .collect();
    if jobs.is_empty() {
        return Ok(Vec::new());
    }
    let parts: Vec<Vec<&IngestRecord>> = (jobs.iter())
        .map(|(i, d, _)| (view.manifest).snapshot_parts(read[*i].0.code(), &d.to_string()))
        .collect();
    let folded = scan::fold(
        scan::Checks::Remembered,
        &view.dir,
        &parts,
        plan.columns(),
        |k| (plan.tally(read[jobs[k].0].1, None), jobs[k].2),
        |(t, rows), b| plan.fold_dropped(t, b, rows),
        |(t, _), (t2, _)| t.merge(t2),
    )?;
    Ok(jobs
        .iter()
        .map(|j| j.0)
        .zip(folded.into_iter().map(|f| f.0))
        .collect())
}

/// Where the previous snapshots come from: the store's snapshots, the period's first
/// day, and those a series has read already.
struct Chains<'a> {
    snapshots: &'a [(Org, NaiveDate)],
    start: NaiveDate,
    end: NaiveDate,
    seen: Option<&'a SeenSnapshots>,
}

impl Chains<'_> {
    /// The snapshots to read for an org's previous snapshot of `as_of`, newest first,
    /// and the one before the oldest of them, held already. Each is read against its
    /// own previous snapshot (who it does not list, whose departures without a date
    /// it places), back to the first snapshot before the period, which is read against
    /// its previous one read alone: a month reads its roll's previous two, a quarter of
    /// monthly rolls the last month's previous four.
    fn chain(&self, org: &Org, as_of: NaiveDate) -> (Vec<NaiveDate>, Option<Arc<Previous>>) {
        let (mut chain, mut at, mut last) = (Vec::new(), as_of, false);
        loop {
            if let Some(p) = self.seen.and_then(|s| s.get(&(org.clone(), at))) {
                return (chain, Some(p.clone()));
            }
            chain.push(at);
            // The one before the first before the period is read alone.
            match previous_of(self.snapshots, org, at).filter(|_| !last) {
                Some(d) => (last, at) = (at < self.start, d),
                None => return (chain, None),
            }
        }
    }
}

/// The members of each org's previous snapshot (`None` where it has none), each with
/// its departures without a date placed along its chain ([`Chains::chain`]): read a
/// round at a time, the oldest snapshot of every chain first. With them, what the
/// chain's rolls within the period say of departures within it ([`Dropped`]).
fn previous_snapshots(
    view: &store::View,
    plan: &Plan,
    read: &[(Org, NaiveDate)],
    dates: &[Option<NaiveDate>],
    chains: &Chains,
) -> Result<Chained> {
    let mut out: Vec<PreviousOf> = vec![None; read.len()];
    let mut dropped = vec![Dropped::default(); read.len()];
    // Each org's last roll before the period, with its members.
    let mut before: Vec<Option<(NaiveDate, u64)>> = vec![None; read.len()];
    let members = |p: &Previous| (p.as_of, p.len() as u64);
    let within = (
        crate::roll::days(chains.start),
        crate::roll::days(chains.end),
    );
    let mut pending: Vec<(usize, Vec<NaiveDate>)> = Vec::new();
    for (i, d) in dates.iter().enumerate() {
        let Some(d) = *d else { continue };
        let (chain, held) = chains.chain(&read[i].0, d);
        before[i] = (held.as_deref())
            .filter(|p| p.as_of < chains.start)
            .map(members);
        out[i] = held;
        pending.push((i, chain));
    }
    while pending.iter().any(|(_, c)| !c.is_empty()) {
        // The oldest snapshot left of each chain, read against the one before it.
        let round: Vec<(usize, NaiveDate)> = (pending.iter_mut())
            .filter_map(|(i, c)| c.pop().map(|d| (*i, d)))
            .collect();
        let parts: Vec<Vec<&IngestRecord>> = (round.iter())
            .map(|(i, d)| {
                view.manifest
                    .snapshot_parts(read[*i].0.code(), &d.to_string())
            })
            .collect();
        let rows = scan::fold(
            scan::Checks::Remembered,
            &view.dir,
            &parts,
            plan.columns(),
            |k| PreviousRows::placing(round[k].1, out[round[k].0].clone()),
            |p, b| plan.fold_previous(p, b),
            |a, b| a.merge(b),
        )?;
        for ((i, d), r) in round.into_iter().zip(rows) {
            let previous = Arc::new(r.finish(d));
            if d >= chains.start {
                dropped[i].take(&previous, within);
            } else {
                before[i] = Some(members(&previous));
            }
            out[i] = Some(previous);
        }
    }
    Ok((out, dropped, before))
}

/// What a period's chains of previous snapshots give: each org's previous snapshot,
/// the departures its rolls of the period marked, and its last roll before the period
/// with its members.
type Chained = (Vec<PreviousOf>, Vec<Dropped>, Vec<Option<(NaiveDate, u64)>>);

/// Hands the memory the first pass's fingerprints held back to the system before the
/// second pass allocates its slots. glibc keeps freed blocks of the scan's worker
/// threads in those threads' arenas, where the main thread's slots cannot use them: at
/// 10M rows with overlaps this took the report's peak from 140 to 134 MiB.
fn give_back_freed() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory of the allocator's own arenas; it
    // takes no pointer and touches no live allocation.
    unsafe {
        libc::malloc_trim(0);
    }
}
