//! Publication: counts below N are blanked with every rate derived from them, then
//! enough other cells (complementary suppression) that no blanked cell can be recovered
//! as a total minus the published groups.

use super::dimension::Dimension;
use super::CoverageRow;
use std::collections::BTreeMap;

/// A column `--min-cell` may blank: a count, or a rate derived from counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    Members,
    MembersStart,
    Recruited,
    Left,
    Eligible,
    CoveragePct,
    RecruitRatePct,
    GapPp,
}

impl Col {
    /// The column's name in the tidy output.
    pub fn name(self) -> &'static str {
        match self {
            Col::Members => "members",
            Col::MembersStart => "members_start",
            Col::Recruited => "recruited",
            Col::Left => "left",
            Col::Eligible => "eligible",
            Col::CoveragePct => "coverage_pct",
            Col::RecruitRatePct => "recruit_rate_pct",
            Col::GapPp => "gap_pp",
        }
    }
}

/// The columns blanked in a row, in the order they were blanked (as the `suppressed`
/// cell lists them), each once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Suppressed(Vec<Col>);

impl Suppressed {
    pub fn insert(&mut self, c: Col) {
        if !self.0.contains(&c) {
            self.0.push(c);
        }
    }

    pub fn contains(&self, c: Col) -> bool {
        self.0.contains(&c)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The columns' names, in order.
    pub fn names(&self) -> Vec<&'static str> {
        self.0.iter().map(|c| c.name()).collect()
    }
}

/// As the list of the columns' names.
impl serde::Serialize for Suppressed {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|c| c.name()))
    }
}

const COUNTS: [Col; 5] = [
    Col::Members,
    Col::MembersStart,
    Col::Recruited,
    Col::Left,
    Col::Eligible,
];

fn get(r: &CoverageRow, col: Col) -> Option<u64> {
    match col {
        Col::Members => r.members,
        Col::MembersStart => r.members_start,
        Col::Recruited => r.recruited,
        Col::Left => r.left,
        Col::Eligible => r.eligible,
        _ => None,
    }
}

fn blank(r: &mut CoverageRow, col: Col) -> bool {
    let slot = match col {
        Col::Members => &mut r.members,
        Col::MembersStart => &mut r.members_start,
        Col::Recruited => &mut r.recruited,
        Col::Left => &mut r.left,
        Col::Eligible => &mut r.eligible,
        _ => return false,
    };
    if slot.is_none() {
        return false;
    }
    *slot = None;
    r.suppressed.insert(col);
    true
}

/// The counts of a row that nearly add up (start + recruited − left ≈ members): one
/// blank among them would be given away by the other three.
const FLOWS: [Col; 4] = [Col::Members, Col::MembersStart, Col::Recruited, Col::Left];

/// Within a row, no one of [`FLOWS`] blanked alone: the smallest other published one
/// goes with it. True when a cell was blanked.
fn balance_flows(r: &mut CoverageRow) -> bool {
    let blanked = FLOWS.iter().filter(|&&c| r.suppressed.contains(c)).count();
    if blanked != 1 {
        return false;
    }
    let pick = FLOWS
        .iter()
        .filter(|&&c| !r.suppressed.contains(c))
        .filter_map(|&c| get(r, c).map(|v| (v, c)))
        .min_by_key(|&(v, c)| (v, c as u8))
        .map(|(_, c)| c);
    pick.is_some_and(|c| blank(r, c))
}

/// Applies `--min-cell`; returns how many cells were blanked.
/// The units to urge and to replicate, and the notes that give a unit's counts, for
/// publication: a unit with fewer than `min` members or eligible people is left out
/// (its coverage would give its count away). Returns how many were left out.
pub fn units(cov: &mut super::Coverage, min: u64) -> usize {
    let small = |members: u64, eligible: u64| members < min || eligible < min;
    let before = cov.lagging.len() + cov.leading.len() + cov.notes.len();
    cov.lagging.retain(|r| !small(r.members, r.eligible));
    cov.leading.retain(|r| !small(r.members, r.eligible));
    cov.notes.retain(|n| match n {
        super::Note::UnitAbove100(u) => !small(u.members, u.eligible),
        _ => true,
    });
    before - (cov.lagging.len() + cov.leading.len() + cov.notes.len())
}

pub fn apply(rows: &mut [CoverageRow], min: u64) -> usize {
    // Primary: every count below the threshold.
    for r in rows.iter_mut() {
        for col in COUNTS {
            if get(r, col).is_some_and(|v| v < min) {
                blank(r, col);
            }
        }
    }
    // Complementary: within each (org, dimension) the groups add up to the org's total,
    // so no count column may have exactly one blank among groups + total.
    let mut tables: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    let mut totals: BTreeMap<String, usize> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        if r.dimension == Dimension::Total {
            totals.insert(r.org.code().to_string(), i);
        } else {
            tables
                .entry((r.org.code().to_string(), r.dimension.name()))
                .or_default()
                .push(i);
        }
    }
    for _round in 0..16 {
        let mut changed = false;
        for ((org, _), members) in &tables {
            let total = totals.get(org).copied();
            for col in COUNTS {
                let cells: Vec<usize> = members.iter().copied().chain(total).collect();
                let blanked = cells
                    .iter()
                    .filter(|&&i| rows[i].suppressed.contains(col))
                    .count();
                if blanked != 1 {
                    continue;
                }
                // Blank the smallest published cell of the table (groups first).
                let pick = members
                    .iter()
                    .copied()
                    .filter(|&i| !rows[i].suppressed.contains(col))
                    .filter_map(|i| get(&rows[i], col).map(|v| (v, i)))
                    .min()
                    .map(|(_, i)| i)
                    .or(total.filter(|&t| get(&rows[t], col).is_some()));
                if let Some(i) = pick {
                    changed |= blank(&mut rows[i], col);
                }
            }
        }
        for r in rows.iter_mut() {
            changed |= balance_flows(r);
        }
        if !changed {
            break;
        }
    }
    // Rates derived from a blanked count go too.
    let mut n = 0;
    for r in rows.iter_mut() {
        let s = |c: Col, r: &CoverageRow| r.suppressed.contains(c);
        if (s(Col::Members, r) || s(Col::Eligible, r)) && r.coverage_pct.is_some() {
            r.coverage_pct = None;
            r.suppressed.insert(Col::CoveragePct);
        }
        if (s(Col::Recruited, r) || s(Col::Eligible, r) || s(Col::MembersStart, r))
            && r.recruit_rate_pct.is_some()
        {
            r.recruit_rate_pct = None;
            r.suppressed.insert(Col::RecruitRatePct);
        }
        if s(Col::CoveragePct, r) && r.gap_pp.is_some() {
            r.gap_pp = None;
            r.suppressed.insert(Col::GapPp);
        }
        n += r.suppressed.len();
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::org::{Org, OrgOrAny};

    /// What a row with every count under the threshold but eligible loses.
    const ALL_BUT_ELIGIBLE: [&str; 7] = [
        "members",
        "members_start",
        "recruited",
        "left",
        "coverage_pct",
        "recruit_rate_pct",
        "gap_pp",
    ];

    /// A row whose counts are all `n`, with eligible `eligible` and every rate set.
    fn row(dimension: &str, group: &str, n: u64, eligible: u64) -> CoverageRow {
        CoverageRow {
            period: crate::metrics::period::Period::month(2026, 10).expect("a month"),
            org: OrgOrAny::Org(Org::Youth),
            dimension: match dimension {
                "total" => Dimension::Total,
                other => Dimension::AreaColumn(other.into()),
            },
            group: group.into(),
            group_name: group.into(),
            unit_level: false,
            members: Some(n),
            members_start: Some(n),
            recruited: Some(n),
            left: Some(n),
            eligible: Some(eligible),
            coverage_pct: Some(5000),
            recruit_rate_pct: Some(1000),
            target_pct: Some(6000),
            gap_pp: Some(-1000),
            enterprises: None,
            enterprises_reached: None,
            snapshot_as_of: None,
            suppressed: Suppressed::default(),
            sized: None,
        }
    }

    /// A row's flows nearly add up (start + recruited − left ≈ members): one blanked
    /// alone (3 who left) would be given away by the others, so the smallest other
    /// goes too (the 38 recruited), and the column rule then holds in turn.
    #[test]
    fn a_rows_flows_never_leave_one_blank_alone() {
        let mut total = row("total", "total", 844, 1649);
        total.members_start = Some(807);
        total.recruited = Some(38);
        total.left = Some(3);
        let mut rows = vec![total];
        apply(&mut rows, 5);
        let r = &rows[0];
        assert_eq!((r.left, r.recruited), (None, None), "{:?}", r.suppressed);
        assert_eq!((r.members, r.members_start), (Some(844), Some(807)));
        assert!(r.suppressed.contains(Col::RecruitRatePct));
    }

    /// An eligible count under the threshold is blanked, and with it every rate that
    /// divides by it, though each member count is publishable.
    #[test]
    fn a_small_eligible_count_goes_with_the_rates_derived_from_it() {
        let mut rows = vec![row("total", "total", 10, 3)];
        assert_eq!(apply(&mut rows, 5), 4);
        let r = &rows[0];
        assert_eq!(
            r.suppressed.names(),
            ["eligible", "coverage_pct", "recruit_rate_pct", "gap_pp"]
        );
        assert_eq!(
            (r.eligible, r.coverage_pct, r.recruit_rate_pct, r.gap_pp),
            (None, None, None, None)
        );
        assert_eq!(
            (r.members, r.members_start, r.recruited, r.left),
            (Some(10), Some(10), Some(10), Some(10))
        );
        assert_eq!(r.target_pct, Some(6000), "a target is no count");
        // At the threshold a count is published.
        let mut rows = vec![row("total", "total", 5, 5)];
        assert_eq!(apply(&mut rows, 5), 0);
        assert_eq!(rows[0].eligible, Some(5));
    }

    /// A blank that reaches the total in one table must be hidden again in every other
    /// table of the same total: a second round, after the first changed something.
    #[test]
    fn a_blanked_total_is_protected_in_the_tables_checked_before_it() {
        // "b" is checked before "z". In "z" the one group is small: it is blanked,
        // and the only cell left to hide it is the total. Then "b" has one blank (the
        // total) until its smaller group goes too.
        let mut rows = vec![
            row("total", "total", 100, 1000),
            row("b", "b1", 60, 600),
            row("b", "b2", 40, 400),
            row("z", "z1", 3, 1000),
        ];
        let n = apply(&mut rows, 5);
        let blank = |i: usize| rows[i].suppressed.names();
        // z1: every count is 3, under 5; its rates go with them.
        assert_eq!(blank(3), ALL_BUT_ELIGIBLE);
        // The total hides z1, then b2 (smaller than b1) hides the total in "b".
        assert_eq!(blank(0), ALL_BUT_ELIGIBLE);
        assert_eq!(blank(2), ALL_BUT_ELIGIBLE);
        assert!(blank(1).is_empty(), "b1 stays: b has two blanks per column");
        assert_eq!(rows[1].members, Some(60));
        assert_eq!(n, 21);
    }
}
