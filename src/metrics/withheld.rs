//! The data notes of a published report (`--min-cell N`): a note that says a count
//! from 1 to N − 1, or a figure of a row that the suppression blanked, is left out,
//! and one note says how many were (docs/metrics.md, "Publication").

use super::suppress::Col;
use super::{Coverage, CoverageRow, Dimension, Note};
use crate::org::OrgOrAny;

/// Leaves out the notes that would give a blanked or small count away; returns how
/// many, with `already` (those of units the lists left out), said in a note of their
/// own when there are any.
pub(super) fn notes(cov: &mut Coverage, min: u64, already: usize) -> usize {
    let before = cov.notes.len();
    let rows = &cov.rows;
    cov.notes.retain(|n| !gives_away(n, rows, min));
    let withheld = before - cov.notes.len() + already;
    if withheld > 0 {
        cov.notes.push(Note::NotesWithheld {
            count: withheld as u64,
            min_cell: min,
        });
    }
    withheld
}

/// Whether a note says a count below `min` (an organization's 0 is no person: said;
/// a unit's is a cell), or a figure its row has blanked.
fn gives_away(n: &Note, rows: &[CoverageRow], min: u64) -> bool {
    let small = |c: &u64| *c > 0 && *c < min;
    match n {
        Note::FirstRollDepartures { count, .. } => small(count),
        // Counted in `left`: a part of it where it is blank.
        Note::PlacedDepartures { count, org, .. }
        | Note::CarriedDepartures { count, org, .. }
        | Note::DroppedDepartures { count, org, .. }
        | Note::AbsentDepartures { count, org, .. } => {
            small(count) || org_blank(rows, &OrgOrAny::Org(org.clone()), Col::Left)
        }
        Note::Seam {
            org,
            previous_members,
            start,
            added,
            joined_since,
            absent,
            dated,
            moved,
            ..
        } => {
            // The sentence says the added less those joined since too.
            let late = added.saturating_sub(*joined_since);
            let said = [*added, *joined_since, *absent, *dated, *moved, late];
            start_gives_away(rows, org, (*previous_members, *start), &said, min)
        }
        Note::LongSeam {
            org,
            previous_members,
            start,
            ..
        } => start_gives_away(rows, org, (*previous_members, *start), &[], min),
        Note::SameAsPrevious { members, .. } | Note::SexFromId { members, .. } => small(members),
        // Each unit it names has 0 members now: what the list of units that did not
        // report gives, checked there against the units' groups.
        Note::EmptiedUnits { .. } => true,
        Note::Mapped { rows: r, .. } => small(r),
        Note::RollSize {
            rows: r,
            previous_rows,
            ..
        } => small(r) || small(previous_rows),
        Note::UnknownAreas { members, .. } => small(members),
        Note::UnknownReasons {
            not_kept, no_word, ..
        } => small(not_kept) || small(no_word) || small(&(not_kept + no_word)),
        Note::CoverageAbove100 {
            org,
            dimension,
            group,
            ..
        } => blanked(rows, org, dimension, group, &[Col::CoveragePct]),
        Note::RecruitmentAbove100 {
            org,
            dimension,
            group,
            recruited,
            not_members_at_start,
            ..
        } => {
            let cols = [Col::Recruited, Col::RecruitRatePct];
            small(recruited)
                || small(not_members_at_start)
                || blanked(rows, org, dimension, group, &cols)
        }
        _ => false,
    }
}

/// A note that sets the members at the start against an earlier roll's (`seam`,
/// `long_seam`): it gives a count away where the earlier roll's members, the start,
/// their difference or any other count it says is below `min`, or where the org's
/// start is blanked.
fn start_gives_away(
    rows: &[CoverageRow],
    org: &crate::org::Org,
    (previous, start): (u64, u64),
    said: &[u64],
    min: u64,
) -> bool {
    let small = |c: &u64| *c > 0 && *c < min;
    [previous, start, start.abs_diff(previous)]
        .iter()
        .chain(said)
        .any(small)
        || org_blank(rows, &OrgOrAny::Org(org.clone()), Col::MembersStart)
}

/// Whether the row of `org`, `dimension` and `group` has one of `cols` blanked, or
/// is not there to say.
fn blanked(
    rows: &[CoverageRow],
    org: &OrgOrAny,
    dimension: &str,
    group: &str,
    cols: &[Col],
) -> bool {
    let row = (rows.iter())
        .find(|r| &r.org == org && r.dimension.as_str() == dimension && r.group == group);
    match row {
        Some(r) => cols.iter().any(|&c| r.suppressed.contains(c)),
        None => true,
    }
}

/// Whether an organization's figure `col` (the members at the start a seam note
/// says, the `left` a note of departures is part of) is blank: the total row's, or,
/// with no total row, a group's (the groups add up to it).
fn org_blank(rows: &[CoverageRow], org: &OrgOrAny, col: Col) -> bool {
    let of = || (rows.iter()).filter(|r| &r.org == org);
    let blank = |r: &&CoverageRow| r.suppressed.contains(col);
    match of().find(|r| r.dimension == Dimension::Total) {
        Some(total) => blank(&total),
        None => of().any(|r| blank(&r)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::suppress::tests::row;
    use crate::org::Org;
    use chrono::NaiveDate;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 10, d).expect("a day")
    }

    fn seam(previous_members: u64, start: u64, absent: u64) -> Note {
        Note::Seam {
            org: Org::Youth,
            previous: day(1),
            previous_members,
            start,
            added: 0,
            joined_since: 0,
            absent,
            dated: 0,
            moved: 0,
        }
    }

    fn above_100(group: &str) -> Note {
        Note::CoverageAbove100 {
            org: OrgOrAny::Org(Org::Youth),
            dimension: "rural".into(),
            group: group.into(),
            name: group.into(),
            pct: 10_286,
        }
    }

    /// At 5: the seam's 3 absent (40 → 37) and the first roll's 4 departures are
    /// small; the 12 absent of 52 → 40 and the 6 departures are not; "rural yes" above
    /// 100% had its coverage blanked, "rural no" did not. Three left out, said once.
    #[test]
    fn notes_with_a_small_or_blanked_figure_are_left_out_and_counted() {
        let mut rural_yes = row("rural", "yes", 7, 6);
        rural_yes.suppressed.insert(Col::CoveragePct);
        let departures = |count| Note::FirstRollDepartures {
            org: Org::Youth,
            as_of: day(31),
            count,
        };
        let mut cov = Coverage {
            rows: vec![
                row("total", "all", 40, 50),
                rural_yes,
                row("rural", "no", 33, 30),
            ],
            notes: vec![
                seam(40, 37, 3),
                seam(52, 40, 12),
                departures(4),
                departures(6),
                above_100("yes"),
                above_100("no"),
            ],
            ..Coverage::default()
        };
        assert_eq!(notes(&mut cov, 5, 0), 3);
        assert_eq!(
            cov.notes,
            [
                seam(52, 40, 12),
                departures(6),
                above_100("no"),
                Note::NotesWithheld {
                    count: 3,
                    min_cell: 5
                }
            ]
        );
        // A unit named as emptied has 0 members now: left out too.
        let mut emptied = Coverage {
            notes: vec![Note::EmptiedUnits {
                org: Org::Youth,
                as_of: day(31),
                previous: day(1),
                units: vec!["02686 Xã A Mú Sung".into()],
            }],
            ..Coverage::default()
        };
        assert_eq!(notes(&mut emptied, 5, 0), 1);
        // Nothing to leave out: no note of it.
        assert_eq!(notes(&mut cov, 2, 0), 0);
        assert_eq!(cov.notes.len(), 4);
    }

    /// The seam says the organization's members at the start: where the total row's
    /// is blanked, or there is no total row and a group's is, the seam goes.
    #[test]
    fn the_seam_goes_where_the_start_it_says_is_blanked() {
        let mut total = row("total", "all", 40, 50);
        total.suppressed.insert(Col::MembersStart);
        let mut yes = row("rural", "yes", 30, 50);
        yes.suppressed.insert(Col::MembersStart);
        let with = |rows: Vec<CoverageRow>| {
            let mut cov = Coverage {
                rows,
                notes: vec![seam(52, 40, 12)],
                ..Coverage::default()
            };
            notes(&mut cov, 5, 0)
        };
        assert_eq!(with(vec![total]), 1);
        assert_eq!(with(vec![yes.clone(), row("rural", "no", 10, 20)]), 1);
        assert_eq!(with(vec![row("total", "all", 40, 50), yes]), 0);
    }

    /// A long period's start against the last roll before it: left out where the two
    /// differ by fewer than `--min-cell` members (4 against 5: 1 person), or where the
    /// org's start is blanked; kept where every figure it says is 5 or more.
    #[test]
    fn the_long_seam_goes_with_a_small_difference_or_a_blanked_start() {
        let long = |previous_members, start| Note::LongSeam {
            org: Org::Youth,
            previous: day(1),
            previous_members,
            start,
        };
        let with = |note: Note, blank: bool| {
            let mut total = row("total", "all", 40, 50);
            if blank {
                total.suppressed.insert(Col::MembersStart);
            }
            let mut cov = Coverage {
                rows: vec![total],
                notes: vec![note],
                ..Coverage::default()
            };
            notes(&mut cov, 5, 0)
        };
        assert_eq!(with(long(5, 4), false), 1);
        assert_eq!(with(long(52, 40), false), 0);
        assert_eq!(with(long(52, 40), true), 1);
    }

    /// A note of departures counted in `left` goes where the org's `left` is blank,
    /// whatever its own count: 6 placed says the blanked left is 6 or more.
    #[test]
    fn a_note_of_departures_goes_where_left_is_blanked() {
        let placed = Note::PlacedDepartures {
            org: Org::Youth,
            count: 6,
            previous: day(1),
            as_of: day(31),
        };
        let with = |blank: bool| {
            let mut total = row("total", "all", 40, 50);
            if blank {
                total.suppressed.insert(Col::Left);
            }
            let mut cov = Coverage {
                rows: vec![total],
                notes: vec![placed.clone()],
                ..Coverage::default()
            };
            notes(&mut cov, 5, 0)
        };
        assert_eq!((with(false), with(true)), (0, 1));
    }

    /// The seam's sentence says the added less those joined since: 10 added, 7 of
    /// them joined since, says 3 registered late or back, a count below 5.
    #[test]
    fn the_seam_goes_where_its_late_registrations_are_few() {
        let with = |joined: u64| {
            let mut note = seam(40, 50, 0);
            if let Note::Seam {
                added,
                joined_since,
                ..
            } = &mut note
            {
                (*added, *joined_since) = (10, joined);
            }
            let mut cov = Coverage {
                rows: vec![row("total", "all", 50, 60)],
                notes: vec![note],
                ..Coverage::default()
            };
            notes(&mut cov, 5, 0)
        };
        assert_eq!(with(7), 1);
        assert_eq!(with(5), 0);
        assert_eq!(with(0), 0);
    }
}
