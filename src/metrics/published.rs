//! The reports of the periods before, as `--min-cell` published them. The members at
//! the start of a period are the members at the end of the one before, whose report
//! published or blanked them: a period carries the blanks of the period of the same
//! length before it ([`suppress::carry`]), which carried those of the one before it,
//! back to the first period with a roll. So the same period is blanked alike in a
//! report of its own, in a report of the next period and in a series, and no start
//! printed gives back a count an earlier report blanked.

use anyhow::Result;
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

use super::period::Period;
use super::read::{self, Seen, SeenSnapshots};
use super::{suppress, Coverage, CoverageRow, Request};
use crate::reference::Reference;
use crate::store;

/// The past of one request, each period computed once.
pub struct Published<'v> {
    view: &'v store::View,
    reference: &'v Reference,
    /// The rows the report prints (no per-unit breakdowns), of any period.
    request: Request,
    min_cell: u64,
    /// The first roll's date: no period ending before it has a member.
    first: Option<NaiveDate>,
    done: HashMap<String, Coverage>,
    seen: SeenSnapshots,
}

impl<'v> Published<'v> {
    pub fn new(
        view: &'v store::View,
        reference: &'v Reference,
        request: Request,
        min_cell: u64,
    ) -> Self {
        let snapshots = view.manifest.roll_snapshots(&view.orgs);
        Published {
            view,
            reference,
            request,
            min_cell,
            first: snapshots.iter().map(|(_, d)| *d).min(),
            done: HashMap::new(),
            seen: SeenSnapshots::new(),
        }
    }

    /// The report of the period before `p` (of the same length) as published, its
    /// rows blanked; `None` for a single day, or before the first roll.
    pub fn before(&mut self, p: &Period) -> Result<Option<&Coverage>> {
        match p.shifted(-1).filter(|_| !p.point) {
            Some(b) => self.report(&b),
            None => Ok(None),
        }
    }

    /// The rows whose blanks period `p`'s start carries: the report's of the period
    /// before it, and for a period longer than a month the month's before it starts
    /// (the half-year from July starts with June's members, which June's report
    /// published or blanked).
    pub fn carried(&mut self, p: &Period) -> Result<Vec<CoverageRow>> {
        let mut rows = self.before(p)?.map(|c| c.rows.clone()).unwrap_or_default();
        if let Some(m) = month_before(p) {
            rows.extend(self.report(&m)?.into_iter().flat_map(|c| c.rows.clone()));
        }
        Ok(rows)
    }

    /// Period `p`'s report as published, computed with those before it back to the
    /// first roll; `None` before the first roll.
    fn report(&mut self, p: &Period) -> Result<Option<&Coverage>> {
        let Some(first) = self.first else {
            return Ok(None);
        };
        // Back from `p` to the first period with a roll, or to one done.
        let mut back: Vec<Period> = Vec::new();
        let mut at = Some(p.clone());
        while let Some(b) = at.filter(|b| b.end >= first) {
            if self.done.contains_key(&b.label) {
                break;
            }
            at = b.shifted(-1);
            back.push(b);
        }
        for b in back.iter().rev() {
            self.compute(b)?;
        }
        Ok(self.done.get(&p.label))
    }

    fn compute(&mut self, p: &Period) -> Result<()> {
        let carried = match month_before(p) {
            Some(m) => self.report(&m)?.map(|c| c.rows.clone()),
            None => None,
        };
        let mut request = self.request.clone();
        request.period = p.clone();
        let seen = Seen::Keep(&mut self.seen);
        let mut cov = read::coverage(self.view, self.reference, &request, seen)?;
        let snapshots = self.view.manifest.roll_snapshots(&self.view.orgs);
        let used = super::snapshots_for(&snapshots, p.end);
        self.seen.retain(|(o, d), _| used.get(o) == Some(d));
        let before = p.shifted(-1).and_then(|b| self.done.get(&b.label));
        for rows in before.map(|b| &b.rows).into_iter().chain(&carried) {
            suppress::carry(&mut cov.rows, rows);
        }
        suppress::apply(&mut cov.rows, self.min_cell, self.reference);
        self.done.insert(p.label.clone(), cov);
        Ok(())
    }
}

/// The month before a period longer than a month starts.
fn month_before(p: &Period) -> Option<Period> {
    if p.point || p.months() <= 1 {
        return None;
    }
    let d = p.start.pred_opt()?;
    Period::month(d.year(), d.month())
}
