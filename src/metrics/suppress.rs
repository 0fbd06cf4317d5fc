//! Publication: counts below N are blanked with every rate derived from them, then
//! enough other cells (complementary suppression) that no blanked cell can be recovered
//! as a total minus the published groups.

use super::dimension::{Dimension, JOIN};
use super::CoverageRow;
use crate::reference::Reference;
use std::collections::{BTreeMap, HashSet};

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

/// Within a row, no one of [`FLOWS`] blanked alone: another published one goes with
/// it, a flow (recruited, left) first, the smaller; else the smaller stock. The
/// members at the start are the last month's members, which that month's report
/// published: blanked, they would hide nothing. True when a cell was blanked.
fn balance_flows(r: &mut CoverageRow) -> bool {
    let blanked = FLOWS.iter().filter(|&&c| r.suppressed.contains(c)).count();
    if blanked != 1 {
        return false;
    }
    let stock = |c: Col| matches!(c, Col::Members | Col::MembersStart);
    let pick = FLOWS
        .iter()
        .filter(|&&c| !r.suppressed.contains(c))
        .filter_map(|&c| get(r, c).map(|v| (v, c)))
        .min_by_key(|&(v, c)| (stock(c), v, c as u8))
        .map(|(_, c)| c);
    pick.is_some_and(|c| blank(r, c))
}

/// Cells that add up to a sum: a table's groups to the organization's total, or a
/// crossed table's cells that share a part's value to that part's own row (its
/// margin: `ethnic_minority,sex`'s `no,male` and `no,female` to `ethnic_minority`
/// `no`). A focus area's margin the report does not hold is published all the same
/// (the default report prints them), so it counts as a cell never blank; another
/// margin the report lacks holds nothing.
struct Relation {
    cells: Vec<usize>,
    sum: Option<usize>,
    /// The sum is published elsewhere: the cells alone may not hold one blank.
    sum_elsewhere: bool,
}

fn relations(rows: &[CoverageRow], reference: &Reference) -> Vec<Relation> {
    let mut tables: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    let mut totals: BTreeMap<String, usize> = BTreeMap::new();
    let mut by_group: BTreeMap<(String, String, &str), usize> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        let org = r.org.code().to_string();
        by_group.insert((org.clone(), r.dimension.name(), r.group.as_str()), i);
        if r.dimension == Dimension::Total {
            totals.insert(org, i);
        } else {
            tables.entry((org, r.dimension.name())).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    for ((org, _), cells) in &tables {
        let crossing = match &rows[cells[0]].dimension {
            Dimension::Crossed(c) => Some(c),
            _ => None,
        };
        for parts in crossing.map(margins).unwrap_or_default() {
            let mut sums: BTreeMap<String, Vec<usize>> = BTreeMap::new();
            for &i in cells {
                let values: Vec<&str> = rows[i].group.split(JOIN).collect();
                if values.len() != crossing.map_or(0, |c| c.parts.len()) {
                    continue;
                }
                let key: Vec<&str> = parts.iter().map(|&p| values[p]).collect();
                sums.entry(key.join(&JOIN.to_string())).or_default().push(i);
            }
            let name = margin_name(crossing, &parts);
            // A margin the report lacks is published all the same where it is a focus
            // area (the default report prints them); another is not, and holds nothing.
            let focus = Dimension::defaults().iter().any(|d| d.name() == name);
            for (group, cells) in sums {
                let sum = by_group.get(&(org.clone(), name.clone(), group.as_str()));
                if sum.is_some() || focus {
                    out.push(Relation {
                        cells,
                        sum: sum.copied(),
                        sum_elsewhere: sum.is_none(),
                    });
                }
            }
        }
        out.push(Relation {
            cells: cells.clone(),
            sum: totals.get(org).copied(),
            sum_elsewhere: false,
        });
    }
    // The lowest level's units add up to each classification's groups too.
    for (cells, sum) in super::linked::unit_sums(rows, reference) {
        out.push(Relation {
            cells,
            sum,
            sum_elsewhere: sum.is_none(),
        });
    }
    out
}

/// The parts of a crossing each margin keeps (every proper subset but the empty one,
/// which is the total): `[0]` and `[1]` of two parts; of three, the pairs too.
fn margins(c: &super::dimension::Crossing) -> Vec<Vec<usize>> {
    let n = c.parts.len();
    (1..(1u32 << n) - 1)
        .map(|mask| (0..n).filter(|p| mask & (1 << p) != 0).collect())
        .collect()
}

/// The `dimension` of the margin that keeps `parts` of a crossing.
fn margin_name(c: Option<&super::dimension::Crossing>, parts: &[usize]) -> String {
    let Some(c) = c else { return String::new() };
    match parts {
        [one] => c.parts[*one].name(),
        _ => {
            super::dimension::Crossing::new(parts.iter().map(|&p| c.parts[p].clone()).collect())
                .name
        }
    }
}

/// Where a relation holds exactly one blank in `col` (it could be recovered as the sum
/// less the others), blanks the smallest published cell, else the sum. A cell that is
/// a published sum's only cell (the one commune of a group) is published by that sum:
/// blanking it would hide nothing, so it is never the one picked. True when a cell
/// was blanked.
fn hide_the_lone_blank(
    rows: &mut [CoverageRow],
    rel: &Relation,
    col: Col,
    pinned: &HashSet<usize>,
) -> bool {
    let blanked = (rel.cells.iter().chain(&rel.sum))
        .filter(|&&i| rows[i].suppressed.contains(col))
        .count();
    let lone = blanked == 1 && (rel.sum.is_some() || rel.sum_elsewhere || rel.cells.len() > 1);
    if !lone {
        return false;
    }
    let pick = (rel.cells.iter().copied())
        .filter(|&i| !rows[i].suppressed.contains(col) && !pinned.contains(&i))
        .filter_map(|i| get(&rows[i], col).map(|v| (v, i)))
        .min()
        .map(|(_, i)| i)
        .or(rel.sum.filter(|&t| get(&rows[t], col).is_some()));
    pick.is_some_and(|i| blank(&mut rows[i], col))
}

/// Applies `--min-cell`; returns how many cells were blanked.
/// The units to urge and to replicate, and the notes that give a unit's counts, for
/// publication: a unit with fewer than `min` members or eligible people is left out
/// (its coverage would give its count away). Returns how many were left out.
pub fn units(cov: &mut super::Coverage, min: u64, reference: &Reference) -> usize {
    let small = |members: u64, eligible: u64| members < min || eligible < min;
    let before = cov.lagging.len() + cov.leading.len() + cov.notes.len();
    cov.lagging.retain(|r| !small(r.members, r.eligible));
    cov.leading.retain(|r| !small(r.members, r.eligible));
    cov.notes.retain(|n| match n {
        super::Note::UnitAbove100(u) => !small(u.members, u.eligible),
        _ => true,
    });
    before - (cov.lagging.len() + cov.leading.len() + cov.notes.len())
        + super::linked::lists(cov, min, reference)
}

pub fn apply(rows: &mut [CoverageRow], min: u64, reference: &Reference) -> usize {
    // Primary: every count below the threshold.
    for r in rows.iter_mut() {
        for col in COUNTS {
            if get(r, col).is_some_and(|v| v < min) {
                blank(r, col);
            }
        }
    }
    let relations = relations(rows, reference);
    let pinned: HashSet<usize> = (relations.iter())
        .filter(|r| r.sum.is_some() || r.sum_elsewhere)
        .filter_map(|r| match r.cells[..] {
            [one] => Some(one),
            _ => None,
        })
        .collect();
    for _round in 0..16 {
        let mut changed = false;
        for rel in &relations {
            for col in COUNTS {
                changed |= hide_the_lone_blank(rows, rel, col, &pinned);
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
        apply(&mut rows, 5, &Reference::default());
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
        assert_eq!(apply(&mut rows, 5, &Reference::default()), 4);
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
        assert_eq!(apply(&mut rows, 5, &Reference::default()), 0);
        assert_eq!(rows[0].eligible, Some(5));
    }

    /// A crossed table's cells add up to its parts' own rows: with `ethnic_minority`
    /// and `sex` printed beside `ethnic_minority,sex`, one small cell (yes·male, 1)
    /// would come back as its margin less the other cell of its row or column. By hand,
    /// at 3: yes·male 1 goes; then yes·female (yes 7 − 1) and no·male (male 5 − 1); then
    /// no·female (no 8 − 4): the four cells blank, the margins and the total stay.
    #[test]
    fn a_crossed_cell_is_not_given_away_by_its_margins() {
        use crate::metrics::dimension::Crossing;
        let crossed = |group: &str, n: u64| {
            let mut r = row("x", group, n, 100);
            r.dimension = Dimension::Crossed(Crossing::new(vec![
                Dimension::AreaColumn("em".into()),
                Dimension::AreaColumn("sex".into()),
            ]));
            r
        };
        let mut rows = vec![
            row("total", "total", 15, 100),
            row("em", "no", 8, 100),
            row("em", "yes", 7, 100),
            row("sex", "female", 10, 100),
            row("sex", "male", 5, 100),
            crossed("no,female", 4),
            crossed("no,male", 4),
            crossed("yes,female", 6),
            crossed("yes,male", 1),
        ];
        apply(&mut rows, 3, &Reference::default());
        let members: Vec<Option<u64>> = rows.iter().map(|r| r.members).collect();
        assert_eq!(
            members,
            [
                Some(15),
                Some(8),
                Some(7),
                Some(10),
                Some(5),
                None,
                None,
                None,
                None
            ]
        );
        // Without the margins in the report, of a focus area (ethnic minority) by sex:
        // the focus area's rows are published by the default report, sex's nowhere.
        // yes·male goes, then yes·female (yes 7 less it); no·* stay, the margins of
        // sex being printed nowhere.
        let mut alone: Vec<CoverageRow> = rows[5..].to_vec();
        for (r, n) in alone.iter_mut().zip([4, 4, 6, 1]) {
            r.suppressed = Suppressed::default();
            r.members = Some(n);
            r.dimension = Dimension::Crossed(Crossing::new(vec![
                Dimension::Flag(crate::metrics::dimension::Flag::EthnicMinority),
                Dimension::Sex,
            ]));
        }
        apply(&mut alone, 3, &Reference::default());
        let members: Vec<Option<u64>> = alone.iter().map(|r| r.members).collect();
        assert_eq!(members, [Some(4), Some(4), None, None]);
    }

    /// `rural,sex` alone at 5 (by hand: yes·female 20, yes·male 20, yes·unknown 2, total
    /// 42): rural's margin is a focus area, published by the default report, so the
    /// small cell takes the smallest other of its row (yes·female); sex's margins are
    /// printed nowhere and hold nothing. The total stays.
    #[test]
    fn a_margin_printed_nowhere_does_not_blank_the_total() {
        use crate::metrics::dimension::{Crossing, Flag};
        let crossed = |group: &str, n: u64| {
            let mut r = row("x", group, n, 100);
            r.dimension = Dimension::Crossed(Crossing::new(vec![
                Dimension::Flag(Flag::Rural),
                Dimension::Sex,
            ]));
            r
        };
        let mut rows = vec![
            row("total", "total", 42, 100),
            crossed("yes,female", 20),
            crossed("yes,male", 20),
            crossed("yes,unknown", 2),
        ];
        apply(&mut rows, 5, &Reference::default());
        let members: Vec<Option<u64>> = rows.iter().map(|r| r.members).collect();
        assert_eq!(members, [Some(42), None, Some(20), None]);
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
        let n = apply(&mut rows, 5, &Reference::default());
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
