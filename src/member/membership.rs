//! The membership's dates and status word, and what they say together: joined and
//! left neither after the snapshot, a leaving date beside a status that keeps the
//! member told, a departure written in the notes beside an empty status rejected.

use chrono::NaiveDate;

use super::{optional_date, stray_words, Cells};
use crate::lang::rows;
use crate::rows::headers::Field;
use crate::t;
use crate::text::trim;
use crate::value;
use crate::value::problem::Problem;

/// Joined and left: neither after the snapshot, leaving not before joining.
type Dates = (Option<NaiveDate>, Option<NaiveDate>);

fn membership_dates(c: &Cells, as_of: NaiveDate, pivot: i32) -> Result<Dates, Problem> {
    let joined_on = optional_date(c, Field::JoinedOn, pivot)?;
    if let Some(j) = joined_on {
        if j > as_of {
            return Err(c
                .problem(Field::JoinedOn, t!(rows::JOINED_AFTER, as_of))
                .hint(t!(rows::JOINED_AFTER_HINT)));
        }
    }
    let left_on = optional_date(c, Field::LeftOn, pivot)?;
    if let (Some(j), Some(l)) = (joined_on, left_on) {
        if l < j {
            return Err(c
                .problem(Field::LeftOn, t!(rows::LEFT_BEFORE, j))
                .hint(t!(rows::LEFT_BEFORE_HINT)));
        }
    }
    Ok((joined_on, left_on))
}

/// The membership's dates and status word, and what they say together: a departure
/// dated after the roll's as-of date is refused. The roll says the person has left,
/// yet the date would count them a member on its as-of date (docs/metrics.md, "Who
/// counts as a member on a day"): a year typed wrong, most often.
///
/// A leaving date beside a status that keeps the member (`Tạm ngừng sinh hoạt`, `Đang
/// sinh hoạt`) contradicts it, and each is said in a warning with the rule: the
/// temporary status keeps the member, as the summary says of such rows (the date is
/// taken for when activities paused), while beside `Đang sinh hoạt` the date decides.
pub(super) fn membership(
    c: &Cells,
    as_of: NaiveDate,
    pivot: i32,
    warnings: &mut Vec<Problem>,
) -> Result<(Dates, value::Status), Problem> {
    let (joined_on, mut left_on) = membership_dates(c, as_of, pivot)?;
    let status = status(c)?;
    let said = || !trim(c.raw(Field::Status)).is_empty();
    match (status, left_on) {
        (value::Status::Excused, Some(left)) if left <= as_of => {
            warnings.push(c.problem(Field::LeftOn, t!(rows::LEFT_ON_BESIDE_PAUSED, left)));
            left_on = None;
        }
        (value::Status::Active, Some(left)) if left <= as_of && said() => {
            warnings.push(c.problem(Field::LeftOn, t!(rows::LEFT_ON_BESIDE_ACTIVE, left)));
        }
        _ => {}
    }
    if let (value::Status::Departed(_), Some(left)) = (status, left_on) {
        if left > as_of {
            let word = crate::lang::Text::Said(c.text(Field::Status));
            return Err(c
                .problem(Field::LeftOn, t!(rows::LEFT_AFTER_AS_OF, left, as_of, word))
                .hint(t!(rows::LEFT_AFTER_AS_OF_HINT)));
        }
    }
    Ok(((joined_on, left_on), status))
}

/// What the status word says; a word tally does not know, or a tick that does not say
/// which status, rejects the row (never read as active).
fn status(c: &Cells) -> Result<value::Status, Problem> {
    let raw = c.raw(Field::Status);
    if trim(raw).is_empty() {
        departed_in_notes(c)?;
    }
    let parsed = c
        .ctx
        .lookups
        .status
        .get_or(raw, || value::parse_status(raw));
    match parsed {
        Ok(s) => {
            c.excused.set(s == value::Status::Excused);
            Ok(s)
        }
        Err(value::StatusError::Unknown) => Err(c
            .problem(
                Field::Status,
                t!(rows::UNKNOWN_STATUS, t!(rows::STATUS_EXPECTED)),
            )
            .hint(t!(rows::STATUS_HINT))),
        Err(value::StatusError::Mark) => Err(c
            .problem(Field::Status, t!(rows::STATUS_MARK))
            .hint(t!(rows::STATUS_MARK_HINT))),
    }
}

/// A row whose status cell is empty while a column tally does not read (`Ghi chú`)
/// holds a departure word (`Qua đời`) and no leaving date is given: rejected, for the
/// roll's status column would count them a member (a roll without one is refused as a
/// whole, `stray_words.rs`).
fn departed_in_notes(c: &Cells) -> Result<(), Problem> {
    let m = c.ctx.mapping;
    if !m.has(Field::Status) || !trim(c.raw(Field::LeftOn)).is_empty() {
        return Ok(());
    }
    let word = (m.unknown.iter())
        .filter_map(|(i, _)| Some((*i, c.row.cell(*i)?)))
        .find(|(_, cell)| stray_words::is_departure(cell));
    match word {
        Some((i, cell)) => {
            let header = m.headers.get(i).cloned().unwrap_or_default();
            let said = crate::text::clean(cell);
            Err(c
                .problem(
                    Field::Status,
                    t!(rows::STATUS_EMPTY_NOTES_DEPARTED, header, said),
                )
                .hint(t!(rows::STATUS_EMPTY_NOTES_DEPARTED_HINT)))
        }
        None => Ok(()),
    }
}
