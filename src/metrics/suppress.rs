//! Publication: counts below N are blanked with every rate derived from them, then
//! enough other cells (complementary suppression) that no blanked cell can be recovered
//! as a total minus the published groups.

use super::dimension::{Dimension, JOIN};
use super::CoverageRow;
use crate::reference::Reference;
use std::collections::{BTreeMap, HashSet};

/// A column `--min-cell` may blank: a count, or a rate derived from counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

/// The counts; the other columns are rates derived from them.
pub(super) const COUNTS: [Col; 5] = [
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
fn balance_flows(r: &mut CoverageRow, fixed: impl Fn(Col) -> bool) -> bool {
    let blanked = FLOWS.iter().filter(|&&c| r.suppressed.contains(c)).count();
    if blanked != 1 {
        return false;
    }
    let stock = |c: Col| matches!(c, Col::Members | Col::MembersStart);
    let pick = FLOWS
        .iter()
        .filter(|&&c| !r.suppressed.contains(c) && !fixed(c))
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
    pinned: &HashSet<(usize, Col)>,
    fixed: &Fixed,
) -> bool {
    let blanked = (rel.cells.iter().chain(&rel.sum))
        .filter(|&&i| rows[i].suppressed.contains(col))
        .count();
    let lone = blanked == 1 && (rel.sum.is_some() || rel.sum_elsewhere || rel.cells.len() > 1);
    if !lone {
        return false;
    }
    let pick = (rel.cells.iter().copied())
        .filter(|&i| !rows[i].suppressed.contains(col) && !pinned.contains(&(i, col)))
        .filter(|&i| !fixed.contains(&(i, col)))
        .filter_map(|i| get(&rows[i], col).map(|v| (v, i)))
        .min()
        .map(|(_, i)| i)
        .or(rel
            .sum
            .filter(|&t| get(&rows[t], col).is_some() && !fixed.contains(&(t, col))));
    pick.is_some_and(|i| blank(&mut rows[i], col))
}

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

/// The members at the start of a period are the members at the end of the period
/// before (mostly of the same roll), which that period's report published or blanked:
/// its blanks are carried to this period's start, a primary blank each, for [`apply`]
/// to hide as any other. Otherwise a group whose start this period prints would give
/// back its count the report of the period before blanked.
pub fn carry(rows: &mut [CoverageRow], before: &[CoverageRow]) {
    let blanked: HashSet<(&str, String, &str)> = (before.iter())
        .filter(|b| b.suppressed.contains(Col::Members))
        .map(|b| (b.org.code(), b.dimension.name(), b.group.as_str()))
        .collect();
    for r in rows.iter_mut() {
        let key = (r.org.code(), r.dimension.name(), r.group.as_str());
        if blanked.contains(&key) {
            blank(r, Col::MembersStart);
        }
    }
}

/// The zeros a crossing gives away: a crossing prints a row only for the combinations
/// that have someone, so a group of one of its parts (`commune` of `commune,sex`) with
/// no row in it has 0 in every count. Blanked, such a 0 would hide nothing (the one
/// commune of a group with members came back as the group's count less the others'):
/// it is printed, and the blanks fall elsewhere.
fn known_zeros(rows: &[CoverageRow]) -> Fixed {
    let mut present: HashSet<(&str, &Dimension, usize, &str)> = HashSet::new();
    for r in rows {
        if let Dimension::Crossed(c) = &r.dimension {
            for (k, g) in r.group.split(JOIN).enumerate() {
                if let Some(part) = c.parts.get(k) {
                    present.insert((r.org.code(), part, 0, g));
                }
            }
        }
    }
    let crossed: HashSet<(&str, &Dimension)> = (rows.iter())
        .filter_map(|r| match &r.dimension {
            Dimension::Crossed(c) => Some(c.parts.iter().map(move |p| (r.org.code(), p))),
            _ => None,
        })
        .flatten()
        .collect();
    let mut out = Fixed::new();
    for (i, r) in rows.iter().enumerate() {
        let key = (r.org.code(), &r.dimension);
        if !crossed.contains(&key) || present.contains(&(key.0, key.1, 0, r.group.as_str())) {
            continue;
        }
        for col in COUNTS.into_iter().filter(|&c| get(r, c) == Some(0)) {
            out.insert((i, col));
        }
    }
    out
}

/// Applies `--min-cell`; returns how many cells were blanked.
pub fn apply(rows: &mut [CoverageRow], min: u64, reference: &Reference) -> usize {
    around(rows, min, reference, &Fixed::new())
}

/// Cells published as they are (a row's index and column): another table of the same
/// report gave them, so they are neither blanked nor picked to hide another.
pub type Fixed = HashSet<(usize, Col)>;

/// [`apply`] to rows some of whose cells are [`Fixed`]: the blanks that hide the
/// others' small counts fall on the cells that are not. Returns how many cells of all
/// the rows are blanked.
pub fn around(rows: &mut [CoverageRow], min: u64, reference: &Reference, fixed: &Fixed) -> usize {
    let mut fixed = fixed.clone();
    fixed.extend(known_zeros(rows));
    let fixed = &fixed;
    // Primary: every count below the threshold.
    for (i, r) in rows.iter_mut().enumerate() {
        for col in COUNTS {
            if get(r, col).is_some_and(|v| v < min) && !fixed.contains(&(i, col)) {
                blank(r, col);
            }
        }
    }
    let relations = relations(rows, reference);
    // A cell its published sum gives (the one cell of it, the others fixed: a group's
    // one commune with members, the rest known zeros) hides nothing blanked.
    let mut pinned: HashSet<(usize, Col)> = HashSet::new();
    for rel in relations
        .iter()
        .filter(|r| r.sum.is_some() || r.sum_elsewhere)
    {
        for col in COUNTS {
            let mut free = rel.cells.iter().filter(|&&i| !fixed.contains(&(i, col)));
            if let (Some(&one), None) = (free.next(), free.next()) {
                pinned.insert((one, col));
            }
        }
    }
    for _round in 0..16 {
        let mut changed = false;
        for rel in &relations {
            for col in COUNTS {
                changed |= hide_the_lone_blank(rows, rel, col, &pinned, fixed);
            }
        }
        for (i, r) in rows.iter_mut().enumerate() {
            changed |= balance_flows(r, |c| fixed.contains(&(i, c)));
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
#[path = "suppress_tests.rs"]
pub(super) mod tests;
