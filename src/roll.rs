//! What a stored roll row is to the report: the store hands its members column by
//! column, one Parquet row group at a time, and metrics folds each batch into counters.
//! Plain vectors only, so that metrics never sees the storage engine.

use chrono::{Datelike, NaiveDate};

use crate::org::Org;

/// Bytes of a keyed hash (person, member ID, name key): HMAC-SHA256 truncated.
pub const KEY_BYTES: usize = 16;
/// A keyed hash: a person, a member ID or a name key, never the value itself.
pub type Key = [u8; KEY_BYTES];

/// The first 8 bytes of a person key, as the report matches persons by.
pub fn person_prefix(k: &[u8]) -> u64 {
    k.iter().take(8).fold(0u64, |acc, x| (acc << 8) | *x as u64)
}

/// A member as stored: no name, no ID number.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub org: Org,
    pub as_of: NaiveDate,
    /// Keyed hash of the national ID, else of name + birth + area.
    pub person: Key,
    pub has_national_id: bool,
    /// Keyed hash of the member ID, for duplicate checks within the org.
    pub member_key: Option<Key>,
    /// Keyed hash of name + birth + area, for duplicate checks of rows without an ID.
    pub name_key: Option<Key>,
    pub sex: Option<Sex>,
    pub birth: Option<Birth>,
    pub ethnicity: Option<&'static str>,
    pub religion: Option<&'static str>,
    pub area_code: compact_str::CompactString,
    /// The pre-reform commune code the row gave, where `area_code` was read from it
    /// through the 2025 crosswalk (or a mapping file); `None` for a code of today.
    pub area_from: Option<String>,
    pub enterprise_id: Option<compact_str::CompactString>,
    pub joined_on: Option<NaiveDate>,
    pub left_on: Option<NaiveDate>,
    pub active: bool,
    /// Why a departed member left, as the status word said; `None` for an active
    /// member, a status that gave no reason, and rows stored before it was kept.
    pub left_reason: Option<LeftReason>,
}

/// Why a member left the organization, as the roll's status word says it
/// (docs/formats.md, "Status words").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LeftReason {
    Died,
    /// Moved to another branch or place (chuyển sinh hoạt).
    Moved,
    /// Aged out of the Youth Union (trưởng thành Đoàn).
    AgedOut,
    /// Left or stopped of their own accord (đã ra, thôi sinh hoạt, xin ra).
    Left,
    /// Struck off the roll (xóa tên).
    StruckOff,
    Expelled,
}

impl LeftReason {
    pub const ALL: [LeftReason; 6] = [
        LeftReason::Died,
        LeftReason::Moved,
        LeftReason::AgedOut,
        LeftReason::Left,
        LeftReason::StruckOff,
        LeftReason::Expelled,
    ];

    /// The code kept in the store's `left_reason` column.
    pub fn code(self) -> &'static str {
        match self {
            LeftReason::Died => "died",
            LeftReason::Moved => "moved",
            LeftReason::AgedOut => "aged_out",
            LeftReason::Left => "left",
            LeftReason::StruckOff => "struck_off",
            LeftReason::Expelled => "expelled",
        }
    }

    pub fn from_code(code: &str) -> Option<LeftReason> {
        LeftReason::ALL.into_iter().find(|r| r.code() == code)
    }

    /// The group of `--by reason` (the report's word: `left` is a column there, so
    /// leaving of one's own accord is `resigned`).
    pub fn group(self) -> &'static str {
        match self {
            LeftReason::Left => "resigned",
            other => other.code(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Sex {
    Male,
    Female,
}

impl Sex {
    pub fn code(self) -> &'static str {
        match self {
            Sex::Male => "male",
            Sex::Female => "female",
        }
    }
}

/// A day that is not there (no date given), as days since 1970.
pub const NO_DAY: i32 = i32::MIN;
/// A code that is not there (no sex, ethnicity or religion given).
pub const NO_CODE: u8 = u8::MAX;

/// The member columns a request needs beyond the four every report reads (area, joined,
/// left, active). Columns not asked for are never decoded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Columns {
    /// The person key, for org `any` (persons counted once across organizations).
    pub person: bool,
    pub enterprise: bool,
    pub sex: bool,
    /// Birth date and birth year, for age bands.
    pub birth: bool,
    pub ethnicity: bool,
    pub religion: bool,
    /// Why a departed member left (`--by reason`).
    pub reason: bool,
}

impl Columns {
    /// Both requests' columns.
    pub fn union(self, other: Columns) -> Columns {
        Columns {
            person: self.person || other.person,
            enterprise: self.enterprise || other.enterprise,
            sex: self.sex || other.sex,
            birth: self.birth || other.birth,
            ethnicity: self.ethnicity || other.ethnicity,
            religion: self.religion || other.religion,
            reason: self.reason || other.reason,
        }
    }
}

/// A text column, dictionary-encoded: each distinct value once in `dict`, each row the
/// index of its value ([`NO_VALUE`] where empty). Look-ups then run once per distinct
/// value, not once per row.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Codes {
    pub dict: Vec<String>,
    pub rows: Vec<u32>,
}

/// A row without a value in a [`Codes`] column.
pub const NO_VALUE: u32 = u32::MAX;

impl Codes {
    pub fn clear(&mut self) {
        self.dict.clear();
        self.rows.clear();
    }

    /// The value of row `i` (`None` where empty).
    pub fn get(&self, i: usize) -> Option<&str> {
        let v = *self.rows.get(i)?;
        (v != NO_VALUE).then(|| self.dict[v as usize].as_str())
    }
}

/// Members of one row group of a snapshot. Every column asked for has `len` entries;
/// the others are empty. Missing values are [`NO_VALUE`], [`NO_DAY`] or [`NO_CODE`].
/// The store refills one batch per thread, so a scan allocates little.
#[derive(Debug, Default)]
pub struct Batch {
    pub len: usize,
    /// Unit codes as stored.
    pub area: Codes,
    pub joined: Vec<i32>,
    pub left: Vec<i32>,
    /// The status column: a departed member with no leaving date is active at no date.
    pub active: Vec<bool>,
    /// The first 8 bytes of the person key (a keyed hash: collisions are as unlikely as
    /// two persons sharing a 64-bit random number).
    pub person: Vec<u64>,
    /// Tax codes of the members' enterprises.
    pub enterprise: Codes,
    /// 0 male, 1 female.
    pub sex: Vec<u8>,
    pub birth_days: Vec<i32>,
    pub birth_year: Vec<i32>,
    /// GSO codes as numbers.
    pub ethnicity: Vec<u8>,
    pub religion: Vec<u8>,
    /// Why a departed member left: the index of its [`LeftReason`] in
    /// [`LeftReason::ALL`], [`NO_CODE`] where the part holds none.
    pub reason: Vec<u8>,
}

impl Batch {
    /// Empties every column, keeping the buffers.
    pub fn clear(&mut self) {
        self.len = 0;
        self.area.clear();
        self.enterprise.clear();
        for v in [
            &mut self.joined,
            &mut self.left,
            &mut self.birth_days,
            &mut self.birth_year,
        ] {
            v.clear();
        }
        for v in [
            &mut self.sex,
            &mut self.ethnicity,
            &mut self.religion,
            &mut self.reason,
        ] {
            v.clear();
        }
        self.active.clear();
        self.person.clear();
    }
}

/// A birth date may be known only to the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Birth {
    Date(NaiveDate),
    Year(i32),
}

impl Birth {
    pub fn year(self) -> i32 {
        match self {
            Birth::Date(d) => d.year(),
            Birth::Year(y) => y,
        }
    }

    /// Whole years of age on `on` (for a bare year, as if born on 1 January).
    pub fn age_on(self, on: NaiveDate) -> i32 {
        match self {
            Birth::Date(d) => {
                let mut age = on.year() - d.year();
                if (on.month(), on.day()) < (d.month(), d.day()) {
                    age -= 1;
                }
                age
            }
            Birth::Year(y) => on.year() - y,
        }
    }
}

const EPOCH: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(d) => d,
    None => panic!("epoch"),
};

/// A date as days since 1970 (how dates are stored).
pub fn days(d: NaiveDate) -> i32 {
    (d - EPOCH).num_days() as i32
}

pub fn from_days(n: i32) -> NaiveDate {
    EPOCH + chrono::Duration::days(n as i64)
}

/// Whether a member is active at day `d`: joined on or before it (or no date), and not
/// left: a given leaving date decides; without one, the status does.
pub fn active_at(joined: i32, left: i32, status_active: bool, d: i32) -> bool {
    (joined == NO_DAY || joined <= d)
        && if left != NO_DAY {
            left > d
        } else {
            status_active
        }
}

/// The leaving day of a departure without a date (`left` is `NO_DAY`, not active) by a
/// member who joined within the period (from `start`) on or before the roll's date
/// `as_of`: they left between the two, and it is placed on the roll's date, the latest
/// it can be (docs/metrics.md, "Joined and left within the period"). Any other row's
/// day as it is.
pub fn joined_and_left_within(joined: i32, left: i32, active: bool, start: i32, as_of: i32) -> i32 {
    let within = joined != NO_DAY && joined >= start && joined <= as_of;
    if left == NO_DAY && !active && within {
        as_of
    } else {
        left
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_reads_back_from_its_code() {
        for r in LeftReason::ALL {
            assert_eq!(LeftReason::from_code(r.code()), Some(r));
        }
        assert_eq!(LeftReason::from_code("gone"), None);
    }

    #[test]
    fn active_follows_dates_then_status() {
        // No dates: the status decides.
        assert!(active_at(NO_DAY, NO_DAY, true, 10));
        assert!(!active_at(NO_DAY, NO_DAY, false, 10));
        // Joined after the day: not yet a member.
        assert!(!active_at(11, NO_DAY, true, 10));
        assert!(active_at(10, NO_DAY, true, 10));
        // A leaving date decides over the status, and the leaving day itself is out.
        assert!(active_at(0, 11, false, 10));
        assert!(!active_at(0, 10, true, 10));
        // Day 0 (1970-01-01) is a date, not "missing".
        assert!(!active_at(0, 0, true, 0));
    }
}
