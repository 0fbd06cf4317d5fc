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
use crate::org::Org;
use crate::reference::Reference;
use crate::store;

/// The past of one request, each period computed once.
pub struct Published<'v> {
    view: &'v store::View,
    reference: &'v Reference,
    /// The rows the report prints (no per-unit breakdowns), of any period.
    request: Request,
    min_cell: u64,
    /// The organizations' rolls, and the first one's date: no period ending before it
    /// has a member.
    snapshots: Vec<(Org, NaiveDate)>,
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
            snapshots,
            done: HashMap::new(),
            seen: SeenSnapshots::new(),
        }
    }

    /// The report of the period before `p` (of the same length) as published, its
    /// rows blanked; `None` for a single day.
    pub fn before(&mut self, p: &Period) -> Result<Option<&Coverage>> {
        match p.shifted(-1).filter(|_| !p.point) {
            Some(b) => self.report(&b).map(Some),
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
            rows.extend(self.report(&m)?.rows.iter().cloned());
        }
        Ok(rows)
    }

    /// Period `p`'s report as published (its rows blanked), computed with those
    /// before it back to the first roll, each once.
    pub fn report(&mut self, p: &Period) -> Result<&Coverage> {
        // Back from `p` to the one done, or the first that ends before the first roll
        // (nothing before it to carry).
        let mut back: Vec<Period> = Vec::new();
        let mut at = Some(p.clone());
        while let Some(b) = at.filter(|b| !self.done.contains_key(&b.label)) {
            let before_rolls = self.first.is_none_or(|f| b.end < f);
            at = b.shifted(-1).filter(|_| !before_rolls);
            back.push(b);
        }
        for b in back.iter().rev() {
            self.compute(b)?;
        }
        self.done
            .get(&p.label)
            .ok_or_else(|| anyhow::anyhow!("internal error: period {} not computed", p.label))
    }

    fn compute(&mut self, p: &Period) -> Result<()> {
        let carried = match month_before(p) {
            Some(m) => Some(self.report(&m)?.rows.clone()),
            None => None,
        };
        let mut request = self.request.clone();
        request.period = p.clone();
        let seen = Seen::Keep(&mut self.seen);
        let mut cov = read::coverage(self.view, self.reference, &request, seen)?;
        let used = super::snapshots_for(&self.snapshots, p.end);
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
