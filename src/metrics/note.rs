//! The data notes of a report, as data: what each says and whom it concerns. Scripts
//! read them as JSON objects (`kind` and its fields, by derive below); people read them
//! as sentences (`report::note_text`).

use chrono::NaiveDate;
use serde::{Serialize, Serializer};

use super::pct;
use crate::org::{Org, OrgOrAny};

/// Something the reader must know to trust (or distrust) the numbers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Note {
    MissingSnapshot {
        org: Org,
    },
    /// The snapshot ends before the period does: its stocks are carried; its flows are
    /// counted through its as-of date, or unknown when it ends before the period starts.
    StaleSnapshot {
        org: Org,
        #[serde(serialize_with = "iso")]
        as_of: NaiveDate,
        flows: StaleFlows,
    },
    /// No eligible count of the org for the period's year or an earlier one.
    MissingEligible {
        #[serde(serialize_with = "org_code")]
        org: OrgOrAny,
        year: i32,
    },
    /// No target of the org for the period's year.
    MissingTargets {
        #[serde(serialize_with = "org_code")]
        org: OrgOrAny,
        year: i32,
    },
    /// Two targets of a year for the whole province: the province's own (by its code),
    /// which the total and the units take, and `*`, which the groups without their own
    /// take (docs/metrics.md, Targets); in hundredths.
    ProvinceTargetTwice {
        #[serde(serialize_with = "org_code")]
        org: OrgOrAny,
        year: i32,
        /// The province's code and name.
        province: String,
        #[serde(rename = "province_target_pct", serialize_with = "pct_number")]
        province_pct: i64,
        #[serde(rename = "star_target_pct", serialize_with = "pct_number")]
        all_pct: i64,
    },
    /// Departures without a date of members active in the previous snapshot, placed
    /// within (previous, as_of].
    PlacedDepartures {
        org: Org,
        count: u64,
        #[serde(rename = "previous_as_of", serialize_with = "iso")]
        previous: NaiveDate,
        #[serde(serialize_with = "iso")]
        as_of: NaiveDate,
    },
    /// Departures without a date in the last roll of a period of several rolls that
    /// an earlier roll of the period first marked: placed on that roll's date.
    CarriedDepartures {
        org: Org,
        count: u64,
        #[serde(serialize_with = "iso")]
        as_of: NaiveDate,
    },
    /// A period of several rolls whose start differs from the members of the org's last
    /// roll before it: members a later roll dropped without marking them departed (a
    /// partial roll, a month without a roll), or listed late; counted as the rolls of
    /// the period say, not as left or recruited. The months' `seam` notes say which.
    LongSeam {
        org: Org,
        #[serde(rename = "previous_as_of", serialize_with = "iso")]
        previous: NaiveDate,
        previous_members: u64,
        #[serde(rename = "members_start")]
        start: u64,
    },
    /// Departures within the period of members an earlier roll of it marked and the
    /// roll of `as_of`, its last, does not list: counted from the roll that last listed
    /// them (`dropped.rs`).
    DroppedDepartures {
        org: Org,
        count: u64,
        #[serde(serialize_with = "iso")]
        as_of: NaiveDate,
    },
    /// Departures without a date of members the previous snapshot did not list (a
    /// partial roll) while the one before it had them active: placed on `as_of`.
    AbsentDepartures {
        org: Org,
        count: u64,
        #[serde(rename = "absent_from", serialize_with = "iso")]
        previous: NaiveDate,
        #[serde(serialize_with = "iso")]
        as_of: NaiveDate,
    },
    /// The period's start differs from the previous snapshot's members: by how many,
    /// and why.
    Seam {
        org: Org,
        #[serde(rename = "previous_as_of", serialize_with = "iso")]
        previous: NaiveDate,
        previous_members: u64,
        #[serde(rename = "members_start")]
        start: u64,
        added: u64,
        /// Of `added`, those who joined after the previous roll's date.
        #[serde(rename = "joined_since_previous")]
        joined_since: u64,
        absent: u64,
        dated: u64,
        moved: u64,
    },
    /// Departures without a date in an organization's first roll: with no earlier roll
    /// to place them against, they are in neither `members_start` nor `left`.
    FirstRollDepartures {
        org: Org,
        #[serde(serialize_with = "iso")]
        as_of: NaiveDate,
        count: u64,
    },
    /// A roll that lists exactly the previous roll's members (same units, no one
    /// joining or leaving): last month's file sent again?
    SameAsPrevious {
        org: Org,
        #[serde(serialize_with = "iso")]
        as_of: NaiveDate,
        #[serde(rename = "previous_as_of", serialize_with = "iso")]
        previous: NaiveDate,
        members: u64,
    },
    /// Sheets of the previous snapshot's workbooks that this snapshot does not have.
    MissingSheets {
        org: Org,
        #[serde(serialize_with = "iso")]
        as_of: NaiveDate,
        #[serde(rename = "previous_as_of", serialize_with = "iso")]
        previous: NaiveDate,
        sheets: Vec<String>,
        /// Every unit with members in the previous roll has rows in this one (a sheet
        /// renamed, most often): its members are counted.
        units_listed: bool,
    },
    /// Units (code and name) with members in the previous snapshot and no row now.
    EmptiedUnits {
        org: Org,
        #[serde(serialize_with = "iso")]
        as_of: NaiveDate,
        #[serde(rename = "previous_as_of", serialize_with = "iso")]
        previous: NaiveDate,
        units: Vec<String>,
    },
    /// Units (code and name) with less than half the members they had in the previous
    /// snapshot (from [`parts::SHRINK_FROM`] members).
    ShrunkUnits {
        org: Org,
        #[serde(serialize_with = "iso")]
        as_of: NaiveDate,
        #[serde(rename = "previous_as_of", serialize_with = "iso")]
        previous: NaiveDate,
        units: Vec<String>,
    },
    /// Units (code and name) whose own list in this snapshot repeated, row for row
    /// when it was ingested, the unit's rows in the previous snapshot.
    ListSentAgain {
        org: Org,
        #[serde(serialize_with = "iso")]
        as_of: NaiveDate,
        #[serde(rename = "previous_as_of", serialize_with = "iso")]
        previous: NaiveDate,
        units: Vec<String>,
    },
    /// Members of a snapshot whose sex was read from their national ID (the roll gave
    /// none), said where the report breaks members down by sex.
    SexFromId {
        org: Org,
        #[serde(serialize_with = "iso")]
        as_of: NaiveDate,
        members: u64,
    },
    /// Rows of a snapshot whose unit was given in a pre-2025 commune code and counted
    /// in the commune of today it became.
    Mapped {
        org: Org,
        #[serde(serialize_with = "iso")]
        as_of: NaiveDate,
        rows: u64,
    },
    /// A roll far smaller or larger than the org's previous one (a partial export?).
    RollSize {
        org: Org,
        #[serde(serialize_with = "iso")]
        as_of: NaiveDate,
        rows: u64,
        #[serde(rename = "previous_as_of", serialize_with = "iso")]
        previous: NaiveDate,
        previous_rows: u64,
    },
    /// Units (code and name) with active members and no eligible count.
    UnitsWithoutDenominator {
        #[serde(serialize_with = "org_code")]
        org: OrgOrAny,
        units: Vec<String>,
    },
    #[serde(rename = "coverage_above_100")]
    CoverageAbove100 {
        #[serde(serialize_with = "org_code")]
        org: OrgOrAny,
        dimension: String,
        group: String,
        /// The group's display name (a unit's name on level rows).
        name: String,
        #[serde(rename = "coverage_pct", serialize_with = "pct_number")]
        pct: i64,
    },
    /// More recruited than there were eligible people not yet members at the start
    /// (the recruitment rate above 100%): an eligible count too low, or members
    /// recruited in the period who were not eligible; said where coverage is not
    /// already said to be above 100%.
    #[serde(rename = "recruitment_above_100")]
    RecruitmentAbove100 {
        #[serde(serialize_with = "org_code")]
        org: OrgOrAny,
        dimension: String,
        group: String,
        /// The group's display name (a unit's name on level rows).
        name: String,
        recruited: u64,
        /// Eligible − members at the start.
        not_members_at_start: u64,
        #[serde(rename = "recruit_rate_pct", serialize_with = "pct_number")]
        pct: i64,
    },
    /// A unit of the ranking level above 100%: left out of the ranking.
    #[serde(rename = "unit_above_100", serialize_with = "unit_above_100")]
    UnitAbove100(Ranked),
    /// `--org any` by ownership where some organizations' rolls name an enterprise and
    /// others' name none: the rows count the members of the first only, a lower bound.
    AnyOwnershipPartial {
        /// The organizations whose rolls name an enterprise of the reference.
        named: Vec<Org>,
        /// Those whose rolls name none.
        unnamed: Vec<Org>,
    },
    UnknownAreas {
        org: Org,
        members: u64,
        codes: Vec<String>,
    },
    /// Departures of the period whose reason is unknown (`--by reason`): stored before
    /// tally kept it, or a leaving date under a status that gives none.
    UnknownReasons {
        org: Org,
        #[serde(serialize_with = "iso")]
        as_of: NaiveDate,
        not_kept: u64,
        no_word: u64,
    },
    /// Notes left out of a published report (`--min-cell`): each said a count below
    /// the threshold, or a figure of a row the suppression blanked.
    NotesWithheld {
        count: u64,
        min_cell: u64,
    },
    /// A period of a series published with `--min-cell`: how many of its cells were
    /// blanked (a single period's report says it below its tables instead).
    CellsSuppressed {
        count: u64,
    },
}

/// A unit ranked by its gap to target, for "who to urge" and "who to replicate".
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub org: OrgOrAny,
    pub level: String,
    pub code: String,
    pub name: String,
    pub members: u64,
    pub eligible: u64,
    pub coverage_pct: i64,
    pub target_pct: i64,
    pub gap_pp: i64,
}

/// A day as ISO, as scripts read it.
fn iso<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

/// An organization (or `any`) by its code.
fn org_code<S: Serializer>(o: &OrgOrAny, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(o.code())
}

/// Whether a stale snapshot's flows are known, as a word.
/// What a stale roll says of a period's flows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StaleFlows {
    /// Counted through the roll's date (it ends within the period).
    ThroughAsOf,
    /// Unknown: the roll ends before the period starts.
    Unknown,
    /// A report of one day (`--as-of`) has none.
    None,
}

/// Hundredths of a percent as a number with two decimals exactly (built from its text).
fn pct_number<S: Serializer>(h: &i64, s: S) -> Result<S::Ok, S::Error> {
    match pct::format(*h).parse::<serde_json::Number>() {
        Ok(n) => n.serialize(s),
        Err(_) => s.serialize_none(),
    }
}

/// A unit above 100%: who it is and its counts (its target and gap are no news here).
fn unit_above_100<S: Serializer>(u: &Ranked, s: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Unit<'a> {
        #[serde(serialize_with = "org_code")]
        org: OrgOrAny,
        level: &'a str,
        code: &'a str,
        name: &'a str,
        members: u64,
        eligible: u64,
        #[serde(serialize_with = "pct_number")]
        coverage_pct: i64,
    }
    Unit {
        org: u.org.clone(),
        level: &u.level,
        code: &u.code,
        name: &u.name,
        members: u.members,
        eligible: u.eligible,
        coverage_pct: u.coverage_pct,
    }
    .serialize(s)
}
