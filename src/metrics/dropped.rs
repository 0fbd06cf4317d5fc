//! Departures a later roll dropped: a member a roll of the period marks as departed
//! within it (by a leaving date, or without one, placed as its month's report places
//! it) whom a later roll no longer lists at all, as offices drop departed members the
//! month after. Read from the period's last roll alone, such a member is in neither
//! its start nor its `left`; the months' reports count them. So a period is also
//! folded with the rows of the roll that last listed each of them (`Plan::fold_dropped`):
//! a quarter's, a half's and a year's start and `left` are then those of their months.
//!
//! A member the last listing roll has active (dropped without a word) stays out, as a
//! month's report leaves out a member its roll does not list: a roll may be partial.

use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::sync::Arc;

use super::continuity::Previous;
use crate::roll::NO_DAY;

/// The members a period's last roll dropped, by the roll that last listed them, each
/// with the day they left.
pub(super) type ByRoll = BTreeMap<NaiveDate, Vec<(u64, i32)>>;

/// What the rolls of the period read so far (oldest first) say of the members they
/// mark as departed within it: for each, the day and the roll that last listed them.
#[derive(Debug, Default, Clone)]
pub(super) struct Dropped {
    /// (person, day left, the roll's date), sorted by person.
    marked: Vec<(u64, i32, NaiveDate)>,
}

impl Dropped {
    /// Takes a roll of the period, read after every older one: what it says of a person
    /// (listed active, or departed on some day) replaces what older rolls said; its
    /// departures on a day from `start` to `end` are kept. A departure without a day
    /// by a member who joined within the period, on or before the roll's date, left
    /// within it on the roll's date, as its month's report places it.
    pub(super) fn take(&mut self, roll: &Previous, (start, end): (i32, i32)) {
        let (active, departed) = roll.listed();
        let listed = |p: &u64| {
            active.binary_search(p).is_ok() || departed.binary_search_by_key(p, |d| d.0).is_ok()
        };
        self.marked.retain(|m| !listed(&m.0));
        let as_of = crate::roll::days(roll.as_of);
        // Each is departed: a day, or none (not active, or not yet joined: never within).
        let day = |&(_, day, joined): &(u64, i32, i32)| {
            crate::roll::joined_and_left_within(joined, day, false, start, as_of)
        };
        let within = |day: i32| day != NO_DAY && day >= start && day <= end;
        (self.marked).extend(
            (departed.iter())
                .map(|d| (d.0, day(d)))
                .filter(|d| within(d.1))
                .map(|(p, day)| (p, day, roll.as_of)),
        );
        self.marked.sort_unstable_by_key(|m| m.0);
    }

    /// The persons kept, sorted: the period's last roll is read watching for them.
    pub(super) fn persons(&self) -> Arc<Vec<u64>> {
        Arc::new(self.marked.iter().map(|m| m.0).collect())
    }

    /// Those the period's last roll does not list (`listed`: those of them it does),
    /// by the roll that last listed them, each with the day they left.
    pub(super) fn unlisted(&self, mut listed: Vec<u64>) -> ByRoll {
        listed.sort_unstable();
        let mut out = ByRoll::new();
        for &(p, day, roll) in &self.marked {
            if listed.binary_search(&p).is_err() {
                out.entry(roll).or_default().push((p, day));
            }
        }
        out
    }
}
