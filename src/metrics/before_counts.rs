//! The members before of the units in the lists of units fallen to zero and that did
//! not report, for publication (`--min-cell`): where they add up to the report's rows,
//! they are held to the same rule as the report's per-unit rows.

use std::collections::BTreeSet;

use super::dimension::Dimension;
use super::linked::sums_units;
use super::{Coverage, CoverageRow};
use crate::org::OrgOrAny;
use crate::reference::Reference;

/// Blanks the members before of the lists for publication; returns how many. Below
/// `min` each is blanked. Where an organization sent no roll this period, every unit
/// of its last roll did not report, and their members before are that roll's, which
/// the report's rows add up (the roll carried): they are blanked as the report's
/// per-unit rows would be, so that no group's count less the others' gives one back
/// (a November report before November's roll: the total 1214 less the 98 others' 1211
/// is 3).
pub(super) fn blank(cov: &mut Coverage, min: u64, reference: &Reference) -> usize {
    use super::suppress::{self, Col, Fixed, COUNTS};
    let carried: BTreeSet<crate::org::Org> = (cov.lists.not_reported.iter())
        .filter(|u| u.as_of == u.previous_as_of)
        .map(|u| u.org.clone())
        .collect();
    let level = reference.areas.lowest_level().unwrap_or_default();
    let mut hidden: BTreeSet<(crate::org::Org, String)> = BTreeSet::new();
    for org in carried.iter().filter(|_| !level.is_empty()) {
        let key = OrgOrAny::Org(org.clone());
        let sums_of = |r: &&CoverageRow| r.org == key && sums_units(&r.dimension, &level);
        let mut rows: Vec<CoverageRow> = cov.rows.iter().filter(sums_of).cloned().collect();
        let Some(template) = rows.first().cloned() else {
            continue;
        };
        let fixed: Fixed = (0..rows.len())
            .flat_map(|i| COUNTS.map(|c| (i, c)))
            .collect();
        let units = (cov.lists.not_reported.iter())
            .filter(|u| u.org == *org && u.as_of == u.previous_as_of && u.level == level);
        for u in units {
            rows.push(CoverageRow {
                dimension: Dimension::Level(level.clone()),
                group: u.code.clone(),
                unit_level: true,
                members: u.members_before,
                members_start: None,
                recruited: None,
                left: None,
                eligible: None,
                suppressed: Default::default(),
                ..template.clone()
            });
        }
        suppress::around(&mut rows, min, reference, &fixed);
        for r in rows.iter().filter(|r| r.suppressed.contains(Col::Members)) {
            hidden.insert((org.clone(), r.group.clone()));
        }
    }
    let lists = &mut cov.lists;
    let mut n = 0;
    for u in lists
        .fallen_to_zero
        .iter_mut()
        .chain(lists.not_reported.iter_mut())
    {
        let small = u.members_before.is_some_and(|m| m < min);
        if u.members_before.is_some()
            && (small || hidden.contains(&(u.org.clone(), u.code.clone())))
        {
            u.members_before = None;
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::lists::{Lists, UnitChange};
    use crate::org::Org;
    use chrono::NaiveDate;

    /// Blanked below the threshold, kept at it (a roll of this period: no sums).
    #[test]
    fn small_counts_before_are_blanked() {
        let day = NaiveDate::from_ymd_opt(2026, 10, 31).expect("a day");
        let unit = |n| UnitChange {
            org: Org::Women,
            level: "commune".into(),
            code: "02680".into(),
            name: "Xã Hợp Thành".into(),
            members_before: Some(n),
            previous_as_of: day,
            as_of: day.succ_opt().expect("a day"),
        };
        let mut cov = Coverage {
            lists: Lists {
                fallen_to_zero: vec![unit(4), unit(5)],
                ..Lists::default()
            },
            ..Coverage::default()
        };
        assert_eq!(blank(&mut cov, 5, &Reference::default()), 1);
        assert_eq!(cov.lists.fallen_to_zero[0].members_before, None);
        assert_eq!(cov.lists.fallen_to_zero[1].members_before, Some(5));
    }
}
