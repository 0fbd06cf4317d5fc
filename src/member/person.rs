//! The person's own cells: sex, birth and national ID, the ID checked against the
//! other two.

use chrono::NaiveDate;

use super::eligible::Who;
use super::{date_problem, Cells, Field, Problem};
use crate::lang::rows;
use crate::org::Org;
use crate::t;
use crate::text::trim;
use crate::value::{self, Birth, Sex};

pub(super) fn sex(c: &Cells, warnings: &mut Vec<Problem>) -> Option<Sex> {
    match value::parse_sex(c.raw(Field::Sex)) {
        Ok(s) => s,
        Err(value::Unrecognized) => {
            warnings.push(c.problem(Field::Sex, t!(rows::UNKNOWN_SEX, t!(rows::SEX_EXPECTED))));
            None
        }
    }
}

pub(super) fn birth(
    c: &Cells,
    as_of: NaiveDate,
    warnings: &mut Vec<Problem>,
) -> Result<Option<Birth>, Problem> {
    let raw = trim(c.raw(Field::BirthDate));
    if raw.is_empty() {
        return Ok(None);
    }
    let pivot = chrono::Datelike::year(&as_of);
    let birth = value::parse_birth(raw, pivot).map_err(|e| date_problem(c, Field::BirthDate, e))?;
    if let Birth::Date(d) = birth {
        if d > as_of {
            warnings.push(c.problem(Field::BirthDate, t!(rows::BORN_AFTER)));
        }
    }
    Ok(Some(birth))
}

/// The national ID's digits, checked against the row's birth and sex.
pub(super) fn national_id(
    c: &Cells,
    birth: Option<Birth>,
    sex: Option<Sex>,
    warnings: &mut Vec<Problem>,
) -> Result<Option<compact_str::CompactString>, Problem> {
    let raw = trim(c.raw(Field::NationalId));
    if raw.is_empty() {
        return Ok(None);
    }
    match value::parse_national_id(raw, birth, sex) {
        Ok(id) => {
            if id.restored && raw.len() == 10 {
                warnings.push(c.problem(Field::NationalId, t!(rows::ID_TWO_ZEROS)));
            } else if id.restored {
                warnings.push(c.problem(Field::NationalId, t!(rows::ID_ONE_ZERO)));
            }
            for d in value::cccd_disagreements(&id.digits, birth, sex) {
                warnings.push(c.problem(Field::NationalId, t!(rows::ID_DISAGREES, d)));
            }
            Ok(Some(id.digits))
        }
        Err(p) => Err(c
            .problem(
                Field::NationalId,
                t!(rows::ID_MALFORMED, p.describe(), t!(rows::ID_EXPECTED)),
            )
            .hint(p.hint())),
    }
}

/// The member's sex: the row's, else the one its CCCD encodes (docs/metrics.md,
/// "Sex"), marked on the cells when read from the ID. `member` (active at the roll's
/// date) is checked against the organization's group; one who left (aged out, at 31)
/// is no slip.
pub(super) fn checked_sex(
    c: &Cells,
    (org, as_of, member): (&Org, NaiveDate, bool),
    (sex, birth, id): (Option<Sex>, Option<Birth>, Option<&str>),
    warnings: &mut Vec<Problem>,
) -> Option<Sex> {
    let id_sex = id.and_then(value::national_id::cccd_sex);
    if member {
        let who = Who { sex, id_sex, birth };
        c.fit
            .set(super::eligible::check(c, org, who, as_of, warnings));
    }
    c.sex_from_id.set(sex.is_none() && id_sex.is_some());
    sex.or(id_sex)
}
