//! The per-unit table (`--table units`): one row per organization and unit, with the
//! unit's place and classifications and the members "of whom women, ethnic-minority,
//! religious" beside the flows, denominator, coverage, target and gap: the shape of
//! the organizations' own forms, and of a pivot table.
//!
//! Nothing here counts: the rows are read off the report's own rows of the unit level
//! and of its crossings with sex, ethnicity and religion ([`dimensions`]), computed
//! (and suppressed with `--min-cell`) as any breakdown is. So a unit's row always agrees
//! with `--by commune` and `--by commune,sex`.

use chrono::NaiveDate;
use std::collections::HashMap;

use super::dimension::Dimension;
use super::dimension::{Crossing, JOIN};
use super::period::Period;
use super::suppress::Col;
use super::{Coverage, CoverageRow};
use crate::org::OrgOrAny;
use crate::reference::Reference;

/// The table, with the columns that depend on the areas file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UnitTable {
    /// The level of the units (`commune`).
    pub level: String,
    /// The levels above it, top first: a column each, with the unit's ancestor's name.
    pub parent_levels: Vec<String>,
    /// The areas file's further classification columns, by their names for `--by`.
    pub extra_columns: Vec<String>,
    /// Their headings as the areas file has them, for a reader.
    pub extra_headings: Vec<String>,
    pub rows: Vec<UnitRow>,
}

/// One organization's row for one unit. Counts are `None` where unknown (no roll, or a
/// sub-count some member's roll row does not say) or blanked for publication.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitRow {
    pub period: Period,
    pub org: OrgOrAny,
    pub code: String,
    pub name: String,
    /// The names of the unit's ancestors at [`UnitTable::parent_levels`] ("" for none).
    pub parents: Vec<String>,
    pub ethnic_minority: bool,
    pub religious: bool,
    pub rural: bool,
    /// The values of [`UnitTable::extra_columns`].
    pub extra: Vec<String>,
    pub members: Option<u64>,
    /// Members at the end who are women, of an ethnic minority, of a religion.
    pub women: Option<u64>,
    pub minority: Option<u64>,
    pub religious_members: Option<u64>,
    pub recruited: Option<u64>,
    pub left: Option<u64>,
    pub members_start: Option<u64>,
    pub eligible: Option<u64>,
    pub coverage_pct: Option<i64>,
    pub target_pct: Option<i64>,
    pub gap_pp: Option<i64>,
    pub snapshot_as_of: Option<NaiveDate>,
    /// The columns blanked by `--min-cell`, by their names in [`COLUMNS`].
    pub suppressed: Vec<&'static str>,
}

/// The count columns, after the unit's own (`period, org, level, code, name`, the
/// parent levels, `ethnic_minority, religious, rural` and the further columns).
pub const COLUMNS: [&str; 12] = [
    "members",
    "women",
    "minority_members",
    "religious_members",
    "recruited",
    "left",
    "members_start",
    "eligible",
    "coverage_pct",
    "target_pct",
    "gap_pp",
    "snapshot_as_of",
];

/// The unit's own columns before the parent levels.
pub const HEAD: [&str; 5] = ["period", "org", "level", "code", "name"];
/// The areas file's classifications, after the parent levels.
pub const FLAGS: [&str; 3] = ["ethnic_minority", "religious", "rural"];

/// The level of the table: the areas' lowest ([`crate::reference::Areas::lowest_level`]).
pub fn level(reference: &Reference) -> Option<String> {
    reference.areas.lowest_level()
}

/// The breakdowns the table is read from: the level, and the level crossed with sex,
/// ethnicity and religion.
pub fn dimensions(level: &str) -> [Dimension; 4] {
    let unit = Dimension::Level(level.to_string());
    let by = |d: Dimension| Dimension::Crossed(Crossing::new(vec![unit.clone(), d]));
    [
        unit.clone(),
        by(Dimension::Sex),
        by(Dimension::Ethnicity { each: false }),
        by(Dimension::Religion { each: false }),
    ]
}

/// The table of the report's rows of `level` (computed with [`dimensions`], and
/// suppressed for `min_cell`, below which a sub-count with no row of its own, a 0, is
/// blanked too).
pub fn table(
    cov: &Coverage,
    reference: &Reference,
    level: &str,
    min_cell: Option<u64>,
) -> UnitTable {
    let areas = &reference.areas;
    let parent_levels = parent_levels(reference, level);
    let cells = Cells {
        by_key: cov
            .rows
            .iter()
            .map(|r| ((r.org.code(), r.dimension.as_str(), r.group.as_str()), r))
            .collect(),
        min_cell,
    };
    let [_, sex, ethnicity, religion] = dimensions(level).map(|d| d.name());
    let mut rows = Vec::new();
    for r in cov.rows.iter().filter(|r| r.dimension == level) {
        let Some(unit) = areas.get(&r.group) else {
            continue;
        };
        let lineage = areas.lineage(&unit.code);
        let mut suppressed: Vec<&'static str> = Vec::new();
        let mut sub = |dim: &str, group: &str, col: &'static str| {
            cells.sub(r, dim, group, col, &mut suppressed)
        };
        let women = sub(&sex, "female", "women");
        let minority = sub(&ethnicity, "minority", "minority_members");
        let religious_members = sub(&religion, "religious", "religious_members");
        suppressed.extend(r.suppressed.names());
        rows.push(UnitRow {
            period: r.period.clone(),
            org: r.org.clone(),
            code: unit.code.clone(),
            name: unit.name.clone(),
            parents: parent_levels
                .iter()
                .map(|l| {
                    let a = lineage.iter().skip(1).find(|a| &a.level == l);
                    a.map(|a| a.name.clone()).unwrap_or_default()
                })
                .collect(),
            ethnic_minority: unit.ethnic_minority,
            religious: unit.religious,
            rural: unit.rural,
            extra: unit.extra.clone(),
            members: r.members,
            women,
            minority,
            religious_members,
            recruited: r.recruited,
            left: r.left,
            members_start: r.members_start,
            eligible: r.eligible,
            coverage_pct: r.coverage_pct,
            target_pct: r.target_pct,
            gap_pp: r.gap_pp,
            snapshot_as_of: r.snapshot_as_of,
            suppressed,
        });
    }
    UnitTable {
        level: level.to_string(),
        parent_levels,
        extra_columns: areas.extra_columns.clone(),
        extra_headings: areas.extra_headings.clone(),
        rows,
    }
}

/// The report's rows by (org, dimension, group), for a unit's sub-counts.
struct Cells<'c> {
    by_key: HashMap<(&'c str, &'c str, &'c str), &'c CoverageRow>,
    min_cell: Option<u64>,
}

impl Cells<'_> {
    /// The members of unit row `r`'s crossed group `group` of `dim` (the sub-count of
    /// column `col`): `None` where unknown, or blanked (then `col` is added to
    /// `suppressed`).
    fn sub(
        &self,
        r: &CoverageRow,
        dim: &str,
        group: &str,
        col: &'static str,
        suppressed: &mut Vec<&'static str>,
    ) -> Option<u64> {
        let cell = |g: &str| {
            let key = format!("{}{JOIN}{g}", r.group);
            self.by_key.get(&(r.org.code(), dim, key.as_str())).copied()
        };
        let (yes, unknown) = (cell(group), cell("unknown"));
        let hidden =
            |c: Option<&CoverageRow>| c.is_some_and(|c| c.suppressed.contains(Col::Members));
        if hidden(yes) || hidden(unknown) {
            suppressed.push(col);
            return None;
        }
        // A member whose row does not say makes the sub-count unknown.
        if unknown.and_then(|c| c.members).is_some_and(|n| n > 0) {
            return None;
        }
        // The unit's own count blanked: its parts go with it, as blanks.
        if r.members.is_none() {
            if r.suppressed.contains(Col::Members) {
                suppressed.push(col);
            }
            return None;
        }
        let n = yes.and_then(|c| c.members).unwrap_or(0);
        if self.min_cell.is_some_and(|min| n < min) {
            suppressed.push(col);
            return None;
        }
        Some(n)
    }
}

/// The levels above `level`'s units, top first.
fn parent_levels(reference: &Reference, level: &str) -> Vec<String> {
    let areas = &reference.areas;
    let mut out: Vec<(usize, String)> = Vec::new();
    for u in areas.units.iter().filter(|u| u.level == level) {
        let lineage = areas.lineage(&u.code);
        let depth = lineage.len();
        for (i, a) in lineage.iter().enumerate().skip(1) {
            if !out.iter().any(|(_, l)| *l == a.level) {
                out.push((depth - i, a.level.clone()));
            }
        }
    }
    out.sort();
    out.into_iter().map(|(_, l)| l).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::suppress::Suppressed;
    use crate::org::Org;
    use crate::reference::{Area, Areas};

    fn area(code: &str, level: &str, parent: Option<&str>, em: bool) -> Area {
        Area {
            code: code.into(),
            name: format!("Unit {code}"),
            level: level.into(),
            parent_code: parent.map(str::to_string),
            ethnic_minority: em,
            ethnic_region: None,
            religious: false,
            rural: em,
            extra: Vec::new(),
        }
    }

    fn reference() -> Reference {
        Reference {
            areas: Areas::new(
                vec![
                    area("15", "province", None, false),
                    area("100", "district", Some("15"), false),
                    area("01", "commune", Some("100"), true),
                    area("02", "commune", Some("100"), false),
                    area("03", "commune", Some("15"), false),
                ],
                Vec::new(),
            ),
            ..Reference::default()
        }
    }

    fn row(dim: &Dimension, group: &str, members: u64) -> CoverageRow {
        CoverageRow {
            period: Period::month(2026, 10).expect("a month"),
            org: OrgOrAny::Org(Org::Women),
            dimension: dim.clone(),
            group: group.into(),
            group_name: group.into(),
            unit_level: false,
            members: Some(members),
            members_start: Some(members),
            recruited: Some(0),
            left: Some(0),
            eligible: None,
            coverage_pct: None,
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

    /// The communes are the level (three of the four units without one below); their
    /// parents are the district and the province, top first, empty where a commune has
    /// no district.
    #[test]
    fn the_level_and_its_parents() {
        let r = reference();
        assert_eq!(level(&r).as_deref(), Some("commune"));
        assert_eq!(parent_levels(&r, "commune"), ["province", "district"]);
        assert_eq!(level(&Reference::default()), None);
    }

    /// A sub-count is the crossed group's members; 0 where the unit has no such row;
    /// empty (unknown) where some member's row does not say; blanked (and named) where
    /// its crossed cell was, or below `--min-cell`.
    #[test]
    fn sub_counts_from_the_crossed_rows() {
        let r = reference();
        let [unit, sex, eth, rel] = dimensions("commune");
        let mut hidden = row(&eth, "02,minority", 0);
        hidden.members = None;
        hidden.suppressed.insert(Col::Members);
        let cov = Coverage {
            rows: vec![
                row(&unit, "01", 5),
                row(&sex, "01,female", 5),
                row(&eth, "01,minority", 3),
                row(&eth, "01,kinh", 2),
                row(&rel, "01,none", 4),
                row(&rel, "01,unknown", 1),
                row(&unit, "02", 2),
                row(&sex, "02,female", 2),
                hidden,
                row(&eth, "02,kinh", 2),
            ],
            ..Coverage::default()
        };
        let t = table(&cov, &r, "commune", None);
        let got: Vec<_> = t
            .rows
            .iter()
            .map(|u| {
                (
                    u.code.as_str(),
                    u.parents.clone(),
                    u.members,
                    u.women,
                    u.minority,
                    u.religious_members,
                    u.suppressed.clone(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    "01",
                    vec!["Unit 15".to_string(), "Unit 100".to_string()],
                    Some(5),
                    Some(5),
                    Some(3),
                    None,
                    vec![]
                ),
                (
                    "02",
                    vec!["Unit 15".to_string(), "Unit 100".to_string()],
                    Some(2),
                    Some(2),
                    None,
                    Some(0),
                    vec!["minority_members"]
                ),
            ]
        );
        let t = table(&cov, &r, "commune", Some(3));
        assert_eq!(t.rows[0].women, Some(5));
        assert_eq!(t.rows[1].women, None);
        assert!(t.rows[1].suppressed.contains(&"women"));
        assert!(t.rows[1].suppressed.contains(&"religious_members"));
    }
}
