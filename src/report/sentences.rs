//! The data notes as sentences a person reads, in English or Vietnamese.

use super::labels::Lang;
use crate::lang::report::*;
use crate::lang::Text;
use crate::metrics::Note;
use crate::org::{Org, OrgOrAny};
use crate::t;
use chrono::NaiveDate;

/// A note as a sentence.
pub fn note_text(n: &Note, lang: Lang) -> String {
    note(n, lang).render(lang)
}

/// A value said as the reader reads it.
fn said(s: impl ToString) -> Text {
    Text::Said(s.to_string())
}

/// A note as a text: its message, with each argument said as the reader reads it.
fn note(n: &Note, lang: Lang) -> Text {
    let org = |o: &Org| said(lang.org_name(o));
    let count = |v: &u64| said(lang.count(*v));
    let d = |x: &NaiveDate| said(day(*x));
    match n {
        Note::MissingSnapshot { org: o } => t!(NOTE_MISSING_SNAPSHOT, org(o)),
        Note::StaleSnapshot {
            org: o,
            as_of,
            flows,
        } => stale(org(o), *as_of, *flows),
        Note::Seam { org: o, .. } => seam(n, org(o), lang),
        Note::SameAsPrevious {
            org: o,
            as_of,
            previous,
            members,
        } => t!(
            NOTE_SAME_AS_PREVIOUS,
            org(o),
            d(as_of),
            count(members),
            d(previous)
        ),
        Note::Mapped {
            org: o,
            as_of,
            rows,
        } => t!(NOTE_MAPPED, org(o), count(rows), d(as_of)),
        Note::UnknownAreas {
            org: o,
            members,
            codes,
        } => t!(NOTE_UNKNOWN_AREAS, org(o), count(members), list(codes)),
        Note::AnyOwnershipPartial { named, unnamed } => any_ownership(named, unnamed, lang),
        Note::UnknownReasons {
            org: o,
            not_kept,
            no_word,
            ..
        } => {
            use crate::lang::departures::*;
            let mut why = Vec::new();
            if *not_kept > 0 {
                why.push(t!(REASONS_NOT_KEPT, count(not_kept)));
            }
            if *no_word > 0 {
                why.push(t!(REASONS_NO_WORD, count(no_word)));
            }
            let all = count(&(not_kept + no_word));
            t!(NOTE_UNKNOWN_REASONS, org(o), all, Text::Join(why, "; "))
        }
        _ => departures(n, lang).unwrap_or_else(|| between_rolls(n, lang)),
    }
}

/// The notes of departures without a date (where they were placed, or why not);
/// `None` for any other note.
fn departures(n: &Note, lang: Lang) -> Option<Text> {
    let org = |o: &Org| said(lang.org_name(o));
    let count = |v: &u64| said(lang.count(*v));
    let d = |x: &NaiveDate| said(day(*x));
    Some(match n {
        Note::PlacedDepartures {
            org: o,
            count: c,
            previous,
            as_of,
        } => t!(
            NOTE_PLACED_DEPARTURES,
            org(o),
            count(c),
            d(previous),
            d(as_of)
        ),
        Note::AbsentDepartures {
            org: o,
            count: c,
            previous,
            as_of,
        } => t!(
            NOTE_ABSENT_DEPARTURES,
            org(o),
            count(c),
            d(previous),
            d(as_of)
        ),
        Note::CarriedDepartures {
            org: o,
            count: c,
            as_of,
        } => t!(NOTE_CARRIED_DEPARTURES, org(o), count(c), d(as_of)),
        Note::LongSeam {
            org: o,
            previous,
            previous_members,
            start,
        } => t!(
            NOTE_LONG_SEAM,
            org(o),
            count(start),
            d(previous),
            count(previous_members),
            count(&start.abs_diff(*previous_members))
        ),
        Note::DroppedDepartures {
            org: o,
            count: c,
            as_of,
        } => t!(NOTE_DROPPED_DEPARTURES, org(o), count(c), d(as_of)),
        Note::FirstRollDepartures {
            org: o,
            as_of,
            count: c,
        } => t!(NOTE_FIRST_ROLL_DEPARTURES, org(o), count(c), d(as_of)),
        _ => return None,
    })
}

/// The notes that compare a roll with the one before it: sheets and units it lacks,
/// its size.
fn between_rolls(n: &Note, lang: Lang) -> Text {
    let org = |o: &Org| said(lang.org_name(o));
    let count = |v: &u64| said(lang.count(*v));
    let d = |x: &NaiveDate| said(day(*x));
    match n {
        Note::MissingSheets {
            org: o,
            as_of,
            previous,
            sheets,
            units_listed,
        } => t!(
            *[&NOTE_MISSING_SHEETS, &NOTE_RENAMED_SHEETS][usize::from(*units_listed)],
            org(o),
            d(as_of),
            Text::Count(sheets.len() as u64),
            d(previous),
            list(sheets)
        ),
        Note::EmptiedUnits {
            org: o,
            as_of,
            previous,
            units,
        } => t!(
            NOTE_EMPTIED_UNITS,
            org(o),
            Text::Count(units.len() as u64),
            d(previous),
            d(as_of),
            list(units)
        ),
        Note::ListSentAgain {
            org: o,
            as_of,
            previous,
            units,
        } => t!(
            NOTE_LIST_SENT_AGAIN,
            org(o),
            d(as_of),
            Text::Count(units.len() as u64),
            d(previous),
            list(units)
        ),
        Note::ShrunkUnits {
            org: o,
            as_of,
            previous,
            units,
        } => t!(
            NOTE_SHRUNK_UNITS,
            org(o),
            Text::Count(units.len() as u64),
            d(as_of),
            d(previous),
            list(units)
        ),
        Note::RollSize {
            org: o,
            as_of,
            rows,
            previous,
            previous_rows,
        } => t!(
            *if rows * 2 < *previous_rows {
                &NOTE_ROLL_PARTIAL
            } else {
                &NOTE_ROLL_SIZE
            },
            org(o),
            d(as_of),
            count(rows),
            d(previous),
            count(previous_rows)
        ),
        _ => reference_note(n, lang),
    }
}

/// `any`'s ownership rows where only some rolls name an enterprise: whose count.
fn any_ownership(named: &[Org], unnamed: &[Org], lang: Lang) -> Text {
    let orgs = |v: &[Org]| Text::Join(v.iter().map(|o| said(lang.org_name(o))).collect(), ", ");
    t!(
        NOTE_ANY_OWNERSHIP_PARTIAL,
        said(lang.org(&OrgOrAny::Any)),
        orgs(named),
        orgs(unnamed)
    )
}

/// The notes of what the reference lacks or contradicts.
fn reference_note(n: &Note, lang: Lang) -> Text {
    let org = |o: &OrgOrAny| said(lang.org(o));
    match n {
        Note::MissingEligible { org: o, year } => t!(NOTE_MISSING_ELIGIBLE, org(o), said(year)),
        Note::MissingTargets { org: o, year } => t!(NOTE_MISSING_TARGETS, org(o), said(year)),
        Note::ProvinceTargetTwice {
            org: o,
            year,
            province,
            province_pct,
            all_pct,
        } => t!(
            NOTE_PROVINCE_TARGET_TWICE,
            org(o),
            said(year),
            said(province),
            said(lang.pct(*province_pct)),
            said(lang.pct(*all_pct))
        ),
        Note::UnitAbove100(u) => t!(
            NOTE_UNIT_ABOVE_100,
            org(&u.org),
            said(&u.code),
            said(&u.name),
            said(lang.count(u.members)),
            said(lang.count(u.eligible)),
            said(lang.pct(u.coverage_pct))
        ),
        Note::UnitsWithoutDenominator { org: o, units } => {
            t!(
                NOTE_UNITS_WITHOUT_DENOMINATOR,
                org(o),
                Text::Count(units.len() as u64),
                list(units)
            )
        }
        Note::CoverageAbove100 {
            org: o,
            dimension,
            group,
            name,
            pct,
        } => t!(
            NOTE_COVERAGE_ABOVE_100,
            org(o),
            said(lang.pct(*pct)),
            said(group_text(dimension, group, name, lang))
        ),
        Note::RecruitmentAbove100 {
            org: o,
            dimension,
            group,
            name,
            recruited,
            not_members_at_start,
            pct,
        } => t!(
            NOTE_RECRUITMENT_ABOVE_100,
            org(o),
            said(lang.pct(*pct)),
            said(group_text(dimension, group, name, lang)),
            Text::Count(*recruited),
            Text::Count(*not_members_at_start)
        ),
        _ => of_the_report(n, lang),
    }
}

/// The notes of how the report itself was made: sexes read from IDs, and what
/// publication left out.
fn of_the_report(n: &Note, lang: Lang) -> Text {
    let count = |v: &u64| said(lang.count(*v));
    match n {
        Note::SexFromId {
            org: o,
            as_of,
            members,
        } => t!(
            NOTE_SEX_FROM_ID,
            said(lang.org_name(o)),
            count(members),
            said(day(*as_of))
        ),
        Note::NotesWithheld { count: c, min_cell } => {
            t!(NOTE_NOTES_WITHHELD, count(c), said(min_cell))
        }
        Note::CellsSuppressed { count: c } => said(format!(
            "{} {} (…)",
            lang.count(*c),
            lang.text("suppressed")
        )),
        // The notes of the rolls are said by `note`.
        _ => Text::Said(String::new()),
    }
}

/// A roll older than the period's end (or the day asked), with what it says of flows.
fn stale(org: Text, as_of: NaiveDate, flows: crate::metrics::StaleFlows) -> Text {
    use crate::metrics::StaleFlows;
    let flows = match flows {
        StaleFlows::ThroughAsOf => t!(FLOWS_THROUGH, said(day_month(as_of))),
        StaleFlows::Unknown => t!(FLOWS_UNKNOWN),
        StaleFlows::None => return t!(NOTE_STALE_AT_DAY, org, said(day(as_of))),
    };
    t!(NOTE_STALE_SNAPSHOT, org, said(day(as_of)), flows)
}

/// The seam between the previous roll and the period's start, with what makes it.
fn seam(n: &Note, org: Text, lang: Lang) -> Text {
    let Note::Seam {
        previous,
        previous_members,
        start,
        added,
        joined_since,
        absent,
        dated,
        moved,
        ..
    } = n
    else {
        return Text::Said(String::new());
    };
    // Those listed now but not then: who joined since, who registered late or is back.
    let new = match joined_since {
        0 => t!(SEAM_ADDED, said(lang.count(*added))),
        j => t!(
            SEAM_ADDED_JOINED,
            said(lang.count(*added)),
            said(lang.count(*j)),
            said(lang.count(added - j))
        ),
    };
    t!(
        NOTE_SEAM,
        org,
        said(lang.count(*start)),
        said(day(*previous)),
        said(lang.count(*previous_members)),
        said(signed(*start as i64 - *previous_members as i64)),
        new,
        said(lang.count(*absent)),
        said(lang.count(*dated)),
        said(lang.count(*moved))
    )
}

/// A list, shortened to its first eight and how many more.
fn list(items: &[String]) -> Text {
    crate::lang::names::shortened(items, crate::metrics::parts::NAMED)
}

/// A group as a reader names it: "Ethnic-minority areas: yes", "Commune 02647 Phường
/// Lào Cai".
fn group_text(dimension: &str, group: &str, name: &str, lang: Lang) -> String {
    let dim = lang.dimension(dimension);
    if dimension == "total" {
        dim
    } else if group != name {
        format!("{dim} {group} {name}")
    } else {
        format!("{dim}: {}", lang.group(group, name))
    }
}

/// 31/10/2026.
pub fn day(d: chrono::NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// 31/10.
fn day_month(d: chrono::NaiveDate) -> String {
    d.format("%d/%m").to_string()
}

/// +3, −2, 0.
fn signed(n: i64) -> String {
    match n {
        n if n > 0 => format!("+{n}"),
        n if n < 0 => format!("−{}", -n),
        _ => "0".into(),
    }
}
