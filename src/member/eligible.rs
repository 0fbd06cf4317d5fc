//! Whether a member falls in the organization's eligible group (women aged 18+ for the
//! Women's Union, ages 16–30 for the Youth Union, the ages an orgs file gives): a row
//! outside draws a warning, and the file's share of such rows tells a roll stored under
//! the wrong organization (see `ingest::roll_source`).

use chrono::NaiveDate;

use super::{Cells, Field, Problem};
use crate::lang::rows;
use crate::org::Org;
use crate::roll::{Birth, Sex};
use crate::t;

/// A member against the organization's eligible group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Fit {
    /// The organization has no group to check, or the row lacks what it is checked by
    /// (sex, birth).
    #[default]
    Unknown,
    Inside,
    Outside,
}

/// What the group is checked by: the row's sex (else the one its CCCD encodes) and
/// birth.
pub(super) struct Who {
    pub sex: Option<Sex>,
    pub id_sex: Option<Sex>,
    pub birth: Option<Birth>,
}

/// Checks the member against the group, with a warning for each way it falls outside.
pub(super) fn check(
    c: &Cells,
    org: &Org,
    who: Who,
    as_of: NaiveDate,
    warnings: &mut Vec<Problem>,
) -> Fit {
    let age = who.birth.map(|b| b.age_on(as_of));
    let before = warnings.len();
    let known = match org {
        Org::Women => {
            let sex = who.sex.or(who.id_sex);
            if who.sex == Some(Sex::Male) {
                warnings.push(c.problem(Field::Sex, t!(rows::MAN_IN_WOMENS_UNION)));
            } else if sex == Some(Sex::Male) {
                // The ID itself is not repeated in the message.
                let column = c.header(Field::NationalId);
                let said = crate::t!(crate::lang::ingest::ID_SAYS_A_MAN);
                warnings.push(Problem::new(c.ctx.file, c.row.line, column, "", said));
            }
            if let Some(a) = age.filter(|a| *a < 18) {
                warnings.push(c.problem(
                    Field::BirthDate,
                    crate::t!(crate::lang::rows::AGED_WOMEN, a),
                ));
            }
            sex.is_some() || age.is_some()
        }
        Org::Youth => {
            if let Some(a) = age.filter(|a| !(16..=30).contains(a)) {
                warnings.push(c.problem(
                    Field::BirthDate,
                    crate::t!(crate::lang::rows::AGED_YOUTH, a),
                ));
            }
            age.is_some()
        }
        other => {
            // An organization the orgs file adds, with the ages it gives.
            let Some(def) = other.def() else {
                return Fit::Unknown;
            };
            if def.min_age.is_none() && def.max_age.is_none() {
                return Fit::Unknown;
            }
            let (lo, hi) = (def.min_age.unwrap_or(0), def.max_age.unwrap_or(u8::MAX));
            if let Some(a) = age.filter(|a| *a < i32::from(lo) || *a > i32::from(hi)) {
                let name = &def.name;
                let said = match (def.min_age, def.max_age) {
                    (Some(lo), Some(hi)) => {
                        crate::t!(crate::lang::rows::AGED_RANGE, a, name, lo, hi)
                    }
                    (Some(lo), None) => crate::t!(crate::lang::rows::AGED_FROM, a, name, lo),
                    _ => crate::t!(crate::lang::rows::AGED_UP_TO, a, name, hi),
                };
                warnings.push(c.problem(Field::BirthDate, said));
            }
            age.is_some()
        }
    };
    match (known, warnings.len() > before) {
        (_, true) => Fit::Outside,
        (true, false) => Fit::Inside,
        (false, false) => Fit::Unknown,
    }
}
