//! A month's report against the month before (docs/metrics.md, "Against last month"):
//! each row's group a month earlier, its members and coverage as the previous month's
//! own report gives them, and the change. Unknown stays unknown: where the previous
//! month has no such row, or its cell is empty or blanked, the change is empty too.

use std::collections::HashMap;

use super::dimension::Dimension;
use super::period::Period;
use super::suppress::{Col, Suppressed};
use super::CoverageRow;
use crate::org::OrgOrAny;

/// A row's group in the previous month's report, and the change since.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Against {
    pub members: Option<u64>,
    pub coverage_pct: Option<i64>,
    /// Members − the previous month's members.
    pub members_change: Option<i64>,
    /// Coverage − the previous month's coverage, in hundredths of a point.
    pub coverage_change_pp: Option<i64>,
    /// The previous month's cells `--min-cell` blanked (`Members`, `CoveragePct`): a
    /// change computed from one is blank too.
    pub suppressed: Suppressed,
}

type Key = (OrgOrAny, Dimension, String);

/// The previous month of a month's report, each row's numbers there by its key.
#[derive(Debug, Clone, PartialEq)]
pub struct LastMonth {
    pub period: Period,
    rows: HashMap<Key, Against>,
}

fn key(r: &CoverageRow) -> Key {
    (r.org.clone(), r.dimension.clone(), r.group.clone())
}

impl LastMonth {
    /// Each row of `now` against the row of its group in `before` (the previous
    /// month's report, computed and suppressed as a report of that month alone).
    pub fn new(period: Period, now: &[CoverageRow], before: &[CoverageRow]) -> LastMonth {
        let index: HashMap<Key, &CoverageRow> = before.iter().map(|r| (key(r), r)).collect();
        let rows = now
            .iter()
            .map(|r| {
                let a = index
                    .get(&key(r))
                    .map(|b| against(r, b))
                    .unwrap_or_default();
                (key(r), a)
            })
            .collect();
        LastMonth { period, rows }
    }

    /// The row's numbers a month earlier (all empty where unknown).
    pub fn of(&self, r: &CoverageRow) -> Against {
        self.rows.get(&key(r)).cloned().unwrap_or_default()
    }
}

/// Whether a row and the row of its group a period earlier read the same roll (this
/// period has none of its own): a change between them is unknown, not 0.
pub fn same_roll(now: &CoverageRow, before: &CoverageRow) -> bool {
    now.snapshot_as_of.is_some() && now.snapshot_as_of == before.snapshot_as_of
}

/// A row against the row of its group a month earlier; no change where both months
/// read the same roll.
fn against(now: &CoverageRow, before: &CoverageRow) -> Against {
    let same_roll = same_roll(now, before);
    let diff = |a: Option<i64>, b: Option<i64>| a.zip(b).filter(|_| !same_roll).map(|(a, b)| a - b);
    let members = |r: &CoverageRow| r.members.map(|m| m as i64);
    let mut suppressed = Suppressed::default();
    for c in [Col::Members, Col::CoveragePct] {
        if before.suppressed.contains(c) {
            suppressed.insert(c);
        }
    }
    Against {
        members: before.members,
        coverage_pct: before.coverage_pct,
        members_change: diff(members(now), members(before)),
        coverage_change_pp: diff(now.coverage_pct, before.coverage_pct),
        suppressed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::org::Org;

    fn row(group: &str, members: Option<u64>, coverage: Option<i64>) -> CoverageRow {
        CoverageRow {
            period: Period::month(2026, 11).expect("a month"),
            org: OrgOrAny::Org(Org::Youth),
            dimension: Dimension::Total,
            group: group.into(),
            group_name: group.into(),
            unit_level: false,
            members,
            members_start: None,
            recruited: None,
            left: None,
            eligible: None,
            coverage_pct: coverage,
            recruit_rate_pct: None,
            target_pct: None,
            gap_pp: None,
            enterprises: None,
            enterprises_reached: None,
            snapshot_as_of: None,
            suppressed: Suppressed::default(),
            sized: None,
        }
    }

    /// (now, a month earlier) → (previous members, change in members, change in
    /// coverage): a change needs both sides; a group the previous month lacks, or
    /// whose roll was missing, is unknown, never 0.
    #[test]
    fn a_change_needs_both_months() {
        let october = Period::month(2026, 10).expect("a month");
        let cases = [
            // 12 members at 40.00% against 10 at 33.33%: +2 members, +6.67 points.
            (
                row("all", Some(12), Some(4000)),
                Some(row("all", Some(10), Some(3333))),
                (Some(10), Some(2), Some(667)),
            ),
            // Down to 7 from 10, no denominator either month: −3, no coverage change.
            (
                row("all", Some(7), None),
                Some(row("all", Some(10), None)),
                (Some(10), Some(-3), None),
            ),
            // No roll a month earlier: members empty there, so no change.
            (
                row("all", Some(7), Some(700)),
                Some(row("all", None, None)),
                (None, None, None),
            ),
            // A group the previous month's report does not have.
            (row("all", Some(7), Some(700)), None, (None, None, None)),
            // Both months read September's roll (October has none of its own): its
            // members shown, the change unknown, not 0.
            (
                rolled(row("all", Some(7), Some(700))),
                Some(rolled(row("all", Some(7), Some(700)))),
                (Some(7), None, None),
            ),
        ];
        for (now, before, want) in cases {
            let before: Vec<CoverageRow> = before.into_iter().collect();
            let a = LastMonth::new(october.clone(), std::slice::from_ref(&now), &before).of(&now);
            assert_eq!(
                (a.members, a.members_change, a.coverage_change_pp),
                want,
                "{now:?}"
            );
        }
    }

    fn rolled(mut r: CoverageRow) -> CoverageRow {
        r.snapshot_as_of = chrono::NaiveDate::from_ymd_opt(2026, 9, 30);
        r
    }

    /// A cell the previous month's publication blanked is said to be blanked.
    #[test]
    fn a_blanked_cell_a_month_earlier_stays_blanked() {
        let now = row("all", Some(12), Some(4000));
        let mut before = row("all", None, None);
        before.suppressed.insert(Col::Members);
        before.suppressed.insert(Col::CoveragePct);
        let a = LastMonth::new(
            Period::month(2026, 10).expect("a month"),
            std::slice::from_ref(&now),
            &[before],
        )
        .of(&now);
        assert!(a.suppressed.contains(Col::Members));
        assert_eq!(a.members_change, None);
    }
}
