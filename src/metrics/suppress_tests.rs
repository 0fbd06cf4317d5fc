//! Tests of `suppress.rs`, each worked by hand.

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
pub(in crate::metrics) fn row(dimension: &str, group: &str, n: u64, eligible: u64) -> CoverageRow {
    CoverageRow {
        period: crate::metrics::period::Period::month(2026, 10).expect("a month"),
        org: OrgOrAny::Org(Org::Youth),
        dimension: match dimension {
            "total" => Dimension::Total,
            other => Dimension::AreaColumn(other.into(), other.into()),
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

/// A commune's month at 5 (by hand: start 5, recruited 20, left 2, members 23): left
/// goes; the start is last month's members, published then, so recruited goes
/// with it, not the start (5 + 20 − 23 would give left back).
#[test]
fn a_lone_flow_blank_takes_a_flow_not_the_start() {
    let mut r = row("total", "total", 23, 100);
    r.members_start = Some(5);
    r.recruited = Some(20);
    r.left = Some(2);
    let mut rows = vec![r];
    apply(&mut rows, 5, &Reference::default());
    let r = &rows[0];
    assert_eq!(
        (r.members_start, r.recruited, r.left, r.members),
        (Some(5), None, None, Some(23))
    );
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
            Dimension::AreaColumn("em".into(), "em".into()),
            Dimension::AreaColumn("sex".into(), "sex".into()),
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
