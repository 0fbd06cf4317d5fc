//! Hand-built rows for the renderers' tests: a youth report of October 2026 over a
//! province of 90 eligible, with one focus-area row blanked for publication, a unit to
//! urge and a note; every number chosen by hand, so each renderer's text is checked
//! against what a reader should see.

use chrono::NaiveDate;

use super::labels::Lang;
use super::{Format, Options, Table};
use crate::metrics::dimension::{Dimension, Flag};
use crate::metrics::period::Period;
use crate::metrics::suppress::{Col, Suppressed};
use crate::metrics::{Coverage, CoverageRow, Note, Ranked};
use crate::org::{Org, OrgOrAny};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a day")
}

/// 3 members of 90 eligible (3.33% against 30%), one recruited of the 88 not members at
/// the start (1.14%); the ethnic-minority areas' 2 members blanked (under 3), with
/// their coverage and gap.
pub(super) fn coverage() -> Coverage {
    let youth = OrgOrAny::Org(Org::Youth);
    let period = Period::month(2026, 10).expect("a month");
    let total = CoverageRow {
        period: period.clone(),
        org: youth.clone(),
        dimension: Dimension::Total,
        group: "all".into(),
        group_name: "all".into(),
        unit_level: false,
        members: Some(3),
        members_start: Some(2),
        recruited: Some(1),
        left: Some(0),
        eligible: Some(90),
        coverage_pct: Some(333),
        recruit_rate_pct: Some(114),
        target_pct: Some(3000),
        gap_pp: Some(-2667),
        enterprises: None,
        enterprises_reached: None,
        snapshot_as_of: Some(day(2026, 10, 31)),
        suppressed: Suppressed::default(),
        sized: None,
    };
    let mut blanked = Suppressed::default();
    for c in [Col::Members, Col::CoveragePct, Col::GapPp] {
        blanked.insert(c);
    }
    let minority = CoverageRow {
        dimension: Dimension::Flag(Flag::EthnicMinority),
        group: "yes".into(),
        group_name: "yes".into(),
        members: None,
        members_start: Some(5),
        recruited: Some(0),
        left: Some(3),
        eligible: Some(40),
        coverage_pct: None,
        recruit_rate_pct: Some(0),
        gap_pp: None,
        suppressed: blanked,
        ..total.clone()
    };
    let unit = Ranked {
        org: youth.clone(),
        level: "commune".into(),
        code: "02647".into(),
        name: "Xã Bát Xát".into(),
        members: 3,
        eligible: 60,
        coverage_pct: 500,
        target_pct: 3000,
        gap_pp: -2500,
    };
    Coverage {
        place: Some("Tỉnh Lào Cai".into()),
        rows: vec![total, minority],
        notes: vec![Note::MissingSnapshot { org: Org::Women }],
        lagging: vec![unit],
        leading: Vec::new(),
        units: None,
        against: None,
        lists: Default::default(),
        unit_members: Vec::new(),
        emptying: Vec::new(),
    }
}

/// Options of a report in `format` and `lang`, with 3 cells suppressed.
pub(super) fn options(format: Format, lang: Lang) -> Options {
    Options {
        format,
        lang,
        suppressed: Some(3),
        table: Table::Rows,
        width: None,
    }
}
