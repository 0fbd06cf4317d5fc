//! The query of a resolved report: what to count (orgs, breakdowns, suppression) for
//! one period or a series, in; the typed rows and notes, suppressed for publication
//! where asked, out. No flag, no format, no language: those are the caller's.

use anyhow::Result;
use std::collections::{BTreeSet, HashMap};

use super::against::LastMonth;
use super::dimension::Dimension;
use super::period::Period;
use super::published::Published;
use super::read::{self, Seen, SeenSnapshots};
use super::series::SeriesRow;
use super::{suppress, unit_table, Coverage, CoverageRow, Request};
use crate::org::OrgOrAny;
use crate::reference::Reference;
use crate::store;

/// What to count, whatever the period.
#[derive(Debug, Clone)]
pub struct Query {
    pub orgs: Vec<OrgOrAny>,
    pub dimensions: Vec<Dimension>,
    /// `--min-cell`: counts below it are blanked with the cells that would reveal them.
    pub min_cell: Option<u64>,
    /// The per-unit table, of the units of this level (`--table units`).
    pub units: Option<String>,
    /// `--min-workers`: enterprises of at least this many workers counted apart.
    pub min_workers: Option<u64>,
}

/// One period's report, with the same period a year earlier where asked.
pub struct Single {
    pub cov: Coverage,
    /// `Some(n)` when `--min-cell` blanked cells: how many (units left out included).
    pub suppressed: Option<usize>,
    /// The same period a year earlier, computed and suppressed as this one.
    pub earlier: Option<Coverage>,
}

/// A series: each period's report as it would be alone, and the rows side by side.
pub struct Series {
    pub reports: Vec<(Period, Coverage)>,
    pub rows: Vec<SeriesRow>,
    /// Suppressed for publication (`--min-cell`): the tidy rows say what each blanked.
    pub published: bool,
}

impl Query {
    /// The request of the rows the report prints, without the per-unit breakdowns.
    fn printed(&self, period: &Period) -> Request {
        Request {
            period: period.clone(),
            orgs: self.orgs.clone(),
            dimensions: self.dimensions.clone(),
            min_workers: self.min_workers,
        }
    }

    /// The request of one period.
    fn request(&self, period: &Period) -> Request {
        let mut dimensions = self.dimensions.clone();
        // The per-unit table is read off the unit level's rows and its crossings.
        for d in self.units.iter().flat_map(|l| unit_table::dimensions(l)) {
            if !dimensions.contains(&d) {
                dimensions.push(d);
            }
        }
        Request {
            period: period.clone(),
            orgs: self.orgs.clone(),
            dimensions,
            min_workers: self.min_workers,
        }
    }
}

/// One period's report; `with_earlier` also computes the year-earlier one (the HTML
/// page's second marker).
pub fn single(
    view: &store::View,
    reference: &Reference,
    q: &Query,
    period: &Period,
    with_earlier: bool,
) -> Result<Single> {
    // Published, the periods before as their reports blanked them; else the month
    // before first, its snapshots' members kept for this month's read, as a series
    // keeps them: each snapshot is read once.
    let mut past = q
        .min_cell
        .map(|n| Published::new(view, reference, q.printed(period), n));
    let mut seen = SeenSnapshots::new();
    let published_before = match past.as_mut() {
        Some(past) => past.before(period)?.cloned(),
        None => None,
    };
    let before = match (published_before, period.shifted(-1)) {
        (Some(b), Some(p)) if period.months() == 1 && !period.point => Some((p, b)),
        _ => month_before(view, reference, q, period, &mut seen)?,
    };
    let mut cov = read::coverage(view, reference, &q.request(period), Seen::Reuse(&seen))?;
    if let Some(past) = past.as_mut() {
        suppress::carry(&mut cov.rows, &past.carried(period)?);
    }
    // The notes of the rows the unit table is read from are the table's, not the
    // report's: left out before publication counts the notes it withholds (found by a
    // reading of the workbook: it said 28 withheld where the CSV said 1).
    cov.notes.retain(|n| match n {
        super::Note::CoverageAbove100 { dimension, .. }
        | super::Note::RecruitmentAbove100 { dimension, .. } => {
            q.dimensions.iter().any(|d| d.as_str() == dimension)
        }
        _ => true,
    });
    let suppressed = q.min_cell.map(|n| publish(&mut cov, q, n, reference));
    if let Some(level) = &q.units {
        cov.units = Some(unit_table::table(&cov, reference, level, q.min_cell));
        // The rows the table was read from are the table's, not the report's.
        cov.rows.retain(|r| q.dimensions.contains(&r.dimension));
    }
    cov.against = before.map(|(p, b)| LastMonth::new(p, &cov.rows, &b.rows));
    let earlier = match period.year_earlier().filter(|_| with_earlier) {
        Some(p) => {
            let mut e = read::coverage(view, reference, &q.request(&p), Seen::None)?;
            if let (Some(n), Some(past)) = (q.min_cell, past.as_mut()) {
                suppress::carry(&mut e.rows, &past.carried(&p)?);
                suppress::apply(&mut e.rows, n, reference);
            }
            Some(e)
        }
        None => None,
    };
    Ok(Single {
        cov,
        suppressed,
        earlier,
    })
}

/// The report of the month before a month's (unpublished: see [`Published`]), adding
/// the members of the snapshots it uses to `seen`; `None` for any other period.
fn month_before(
    view: &store::View,
    reference: &Reference,
    q: &Query,
    period: &Period,
    seen: &mut SeenSnapshots,
) -> Result<Option<(Period, Coverage)>> {
    if period.point || period.months() != 1 {
        return Ok(None);
    }
    let Some(previous) = period.shifted(-1) else {
        return Ok(None);
    };
    let before = read::coverage(view, reference, &q.request(&previous), Seen::Keep(seen))?;
    // Only the snapshots that month used can be the next month's previous ones.
    let used = super::snapshots_for(&view.manifest.roll_snapshots(&view.orgs), previous.end);
    seen.retain(|(o, d), _| used.get(o) == Some(d));
    Ok(Some((previous, before)))
}

/// `--min-cell` on one period's report; returns how many cells it blanked (units left
/// out of lists included). Where the request added the per-unit table's breakdowns
/// (the workbook, `--table units`), the rows the report prints, its lists and notes
/// are first blanked as they are without them, as every other format of the same
/// report blanks them; then the breakdowns around those, fixed as published (two
/// formats of one report that blanked differently would give a count back, one's
/// total less the other's group).
fn publish(cov: &mut Coverage, q: &Query, n: u64, reference: &Reference) -> usize {
    let alone = |cov: &mut Coverage| {
        let notes = cov.notes.len();
        let cells = suppress::apply(&mut cov.rows, n, reference)
            + suppress::units(cov, n, reference)
            + super::before_counts::blank(cov, n, reference);
        // The notes of small units the lists left out are withheld notes too.
        let left_out = notes - cov.notes.len();
        super::withheld::notes(cov, n, left_out);
        cells
    };
    let printed = |r: &CoverageRow| q.dimensions.contains(&r.dimension);
    if cov.rows.iter().all(printed) {
        return alone(cov);
    }
    let mut rows = std::mem::take(&mut cov.rows);
    let mut printed_only = cov.clone();
    printed_only.rows = rows.iter().filter(|r| printed(r)).cloned().collect();
    let cells = alone(&mut printed_only);
    let Coverage {
        rows: mut published,
        notes,
        lagging,
        leading,
        lists,
        unit_members,
        ..
    } = printed_only;
    (cov.notes, cov.lagging, cov.leading) = (notes, lagging, leading);
    (cov.lists, cov.unit_members) = (lists, unit_members);
    // The units the lists and notes give: their members and eligible are published
    // too (one fallen to zero or that did not report has 0 members now). Where the
    // organization sent no roll this period, a unit that did not report has its last
    // roll's members, which the list gives only where it does not blank them (found by
    // a reading of the workbook: the unit table printed them below --min-cell).
    let hidden: BTreeSet<(OrgOrAny, &str, &str)> = (cov.lists.not_reported.iter())
        .filter(|u| u.as_of == u.previous_as_of && u.members_before.is_none())
        .map(|u| {
            (
                OrgOrAny::Org(u.org.clone()),
                u.level.as_str(),
                u.code.as_str(),
            )
        })
        .collect();
    let listed: BTreeSet<(OrgOrAny, &str, &str)> = (super::linked::published_units(cov))
        .into_iter()
        .map(|(org, level, code, _)| (org, level, code))
        .filter(|k| !hidden.contains(k))
        .collect();
    let mut fixed = suppress::Fixed::new();
    published.reverse();
    for (i, r) in rows.iter_mut().enumerate() {
        if printed(r) {
            *r = published.pop().unwrap_or_else(|| r.clone());
            fixed.extend(suppress::COUNTS.map(|c| (i, c)));
        } else if let Dimension::Level(level) = &r.dimension {
            if listed.contains(&(r.org.clone(), level.as_str(), r.group.as_str())) {
                fixed.extend([(i, suppress::Col::Members), (i, suppress::Col::Eligible)]);
            }
        }
    }
    cov.rows = rows;
    suppress::around(&mut cov.rows, n, reference, &fixed);
    let around: usize = (cov.rows.iter().filter(|r| !printed(r)))
        .map(|r| r.suppressed.len())
        .sum();
    cells + around
}

/// The reports of `periods` and of each a year earlier (for the changes), each period
/// computed once and each snapshot read once.
pub fn series(
    view: &store::View,
    reference: &Reference,
    q: &Query,
    periods: &[Period],
    pace_over: usize,
) -> Result<Series> {
    // Each period once: the year-earlier reports of a long series are in it already.
    let mut done: HashMap<String, Coverage> = HashMap::new();
    // The members of the snapshots the last period read: the next period's previous
    // snapshots, so that each snapshot is read once.
    let mut seen = SeenSnapshots::new();
    let snapshots = view.manifest.roll_snapshots(&view.orgs);
    // `carried`: the rows of the reports before `p` whose blanks `p` carries.
    // Published, each period is the report the chain of those before it blanks
    // ([`Published`]: its start carries their blanks), read once.
    let first = periods.first().map(|p| q.printed(p));
    let mut past = (q.min_cell.zip(first)).map(|(n, r)| Published::new(view, reference, r, n));
    let mut compute = |p: &Period| -> Result<Coverage> {
        if let Some(c) = done.get(&p.label) {
            return Ok(c.clone());
        }
        let cov = match (past.as_mut(), q.min_cell) {
            (Some(past), Some(n)) => {
                let mut cov = past.report(p)?.clone();
                let cells: usize = cov.rows.iter().map(|r| r.suppressed.len()).sum();
                // The cells of the rows: a series prints no list of units.
                let notes = cov.notes.len();
                suppress::units(&mut cov, n, reference);
                let left_out = notes - cov.notes.len();
                super::withheld::notes(&mut cov, n, left_out);
                cov.notes.push(super::Note::CellsSuppressed {
                    count: cells as u64,
                });
                cov
            }
            _ => {
                let cov = read::coverage(view, reference, &q.request(p), Seen::Keep(&mut seen))?;
                let used = super::snapshots_for(&snapshots, p.end);
                seen.retain(|(o, d), _| used.get(o) == Some(d));
                cov
            }
        };
        done.insert(p.label.clone(), cov.clone());
        Ok(cov)
    };
    let mut reports: Vec<(Period, Coverage)> = Vec::with_capacity(periods.len());
    for p in periods {
        reports.push((p.clone(), compute(p)?));
    }
    let mut earlier = Vec::with_capacity(periods.len());
    for p in periods {
        earlier.push(match p.year_earlier() {
            Some(e) => Some(compute(&e)?),
            None => None,
        });
    }
    // The partial rolls each period reads, from the store's roll sizes and the units
    // its rolls empty (of every org read, `any`'s too; a note under `--min-cell` may be
    // withheld: the line is the same with it or without).
    let sizes = view.manifest.roll_part_rows(&view.orgs);
    let partial: Vec<_> = (periods.iter().zip(&reports))
        .map(|(p, (_, cov))| {
            let used = super::snapshots_for(&snapshots, p.end);
            let mut rolls = super::series::partial_rolls(&super::roll_size_notes(&sizes, &used));
            rolls.extend(cov.emptying.iter().cloned());
            rolls
        })
        .collect();
    let rows = super::series::series(&reports, &earlier, pace_over, &partial);
    Ok(Series {
        reports,
        rows,
        published: q.min_cell.is_some(),
    })
}
