//! Months that join up: what an org's previous snapshot says about this one.
//!
//! A roll is a full list as of a date, so a member active in the previous snapshot who
//! appears in this one as departed, with no leaving date, left within (previous as-of,
//! this as-of]. The departure is placed on this snapshot's as-of date (the latest day
//! it can have happened): the member counts in the start of a period that begins
//! inside that interval, and in its `left`. Persons are matched by the first 8 bytes of
//! their keyed hash.
//!
//! The seam between the two snapshots is also reconciled: the start of this period
//! against the previous snapshot's members, with the differences by reason (see
//! docs/metrics.md, "Months that join up").

use chrono::NaiveDate;
use std::sync::Arc;

use crate::roll::{active_at, Batch, NO_DAY};

/// The members of an org's previous snapshot, active at its as-of date: sorted person
/// keys and, beside each, the unit it was in (an index in the areas).
#[derive(Debug, Default, Clone)]
pub struct Previous {
    pub as_of: NaiveDate,
    persons: Vec<u64>,
    areas: Vec<u32>,
    /// Its departures without a date, sorted by person, each with the day a chain of
    /// earlier rolls places it on: the as-of date of the first roll that marks the
    /// member departed after a roll that had them active. Gathered only where a
    /// period needs them (see [`PreviousRows::placing`]); days before the oldest roll
    /// of the chain are missing. A report takes only the days within its period.
    placed: Vec<(u64, i32)>,
    /// The members of the snapshot before it that it does not list at all (sorted):
    /// a partial roll's missing members, gathered where `placed` is.
    absent: Vec<u64>,
    /// Its rows not active at its date, sorted by person, each with the day the member
    /// left (the row's leaving date, the day `placed` gives a departure without a date,
    /// or `NO_DAY`: a first roll's, or one not yet joined) and the day they joined.
    departed: Vec<(u64, i32, i32)>,
    /// The units an earlier roll of the chain had active members in, of which this one
    /// has no row (see [`super::lacking`]), with the date of the last roll that had
    /// members there; gathered where `placed` is.
    missing: Vec<super::lacking::Lacking>,
}

/// The rows of a previous snapshot as they stream out of the store: per batch, the
/// active members' person keys and unit indices, each kept at its exact size (12 bytes
/// a member, where one growing vector of pairs takes up to 32), and joined into one
/// sorted table only at the end.
#[derive(Debug, Default)]
pub struct PreviousRows {
    as_of: i32,
    chunks: Vec<(Vec<u64>, Vec<u32>)>,
    /// The snapshot before, against which this one's departures without a date are
    /// placed (`None`: they are not gathered).
    earlier: Option<Arc<Previous>>,
    placed: Vec<(u64, i32)>,
    /// The persons of its rows that are not active at its date (the active ones are
    /// in `chunks`): with those, who of `earlier` it lists.
    inactive: Vec<u64>,
    departed: Vec<(u64, i32, i32)>,
    /// The units of its rows not active at its date, each once a batch.
    inactive_units: Vec<u32>,
}

impl PreviousRows {
    pub fn new(as_of: NaiveDate) -> PreviousRows {
        PreviousRows::placing(as_of, None)
    }

    /// Also gathers the snapshot's departures without a date with the day each is
    /// placed on (this snapshot's date for a member `earlier` had active or did not
    /// list while the one before it had them active, the day `earlier` placed for one
    /// it had departed so too), and `earlier`'s members it does not list.
    pub fn placing(as_of: NaiveDate, earlier: Option<Arc<Previous>>) -> PreviousRows {
        PreviousRows {
            as_of: crate::roll::days(as_of),
            chunks: Vec::new(),
            earlier,
            placed: Vec::new(),
            inactive: Vec::new(),
            departed: Vec::new(),
            inactive_units: Vec::new(),
        }
    }

    /// Adds a batch's members active at the snapshot's as-of date; `area` gives a
    /// row's unit index.
    pub fn add(&mut self, b: &Batch, area: impl Fn(usize) -> u32) {
        let active = |i: usize| active_at(b.joined[i], b.left[i], b.active[i], self.as_of);
        let mut units = Vec::new();
        for i in (0..b.len).filter(|&i| !active(i)) {
            units.push(area(i));
            let person = b.person[i];
            self.inactive.push(person);
            let (left, undated) = (b.left[i], b.left[i] == NO_DAY && !b.active[i]);
            let placed = match &self.earlier {
                Some(e) if undated => match e.find(person) {
                    Some(_) => Some(self.as_of),
                    None if e.was_absent(person) => Some(self.as_of),
                    None => e.placed_day(person),
                },
                _ => None,
            };
            self.placed.extend(placed.map(|d| (person, d)));
            let day = if undated {
                placed.unwrap_or(NO_DAY)
            } else {
                left
            };
            self.departed.push((person, day, b.joined[i]));
        }
        units.sort_unstable();
        units.dedup();
        self.inactive_units.extend(units);
        let n = (0..b.len).filter(|&i| active(i)).count();
        if n == 0 {
            return;
        }
        let (mut persons, mut areas) = (Vec::with_capacity(n), Vec::with_capacity(n));
        for i in (0..b.len).filter(|&i| active(i)) {
            persons.push(b.person[i]);
            areas.push(area(i));
        }
        self.chunks.push((persons, areas));
    }

    pub fn merge(&mut self, o: PreviousRows) {
        self.chunks.extend(o.chunks);
        self.placed.extend(o.placed);
        self.inactive.extend(o.inactive);
        self.departed.extend(o.departed);
        self.inactive_units.extend(o.inactive_units);
    }

    /// Sorted by person; a person twice (a hash prefix shared, as unlikely as two
    /// 64-bit random numbers meeting) is kept once.
    pub fn finish(self, as_of: NaiveDate) -> Previous {
        let n = self.chunks.iter().map(|c| c.0.len()).sum();
        let mut rows: Vec<(u64, u32)> = Vec::with_capacity(n);
        for (persons, areas) in self.chunks {
            rows.extend(persons.into_iter().zip(areas));
        }
        rows.sort_unstable();
        rows.dedup_by_key(|r| r.0);
        let (persons, areas): (Vec<u64>, Vec<u32>) = rows.into_iter().unzip();
        let mut placed = self.placed;
        placed.sort_unstable();
        placed.dedup_by_key(|r| r.0);
        let absent = match &self.earlier {
            Some(e) => {
                let mut inactive = self.inactive;
                inactive.sort_unstable();
                unlisted(&e.persons, &persons, &inactive)
            }
            None => Vec::new(),
        };
        let missing = match &self.earlier {
            Some(e) => super::lacking::missing_units(
                e.areas.iter().copied(),
                e.as_of,
                &e.missing,
                areas.iter().chain(&self.inactive_units).copied(),
            ),
            None => Vec::new(),
        };
        let mut departed = self.departed;
        departed.sort_unstable();
        departed.dedup_by_key(|r| r.0);
        Previous {
            as_of,
            persons,
            areas,
            placed,
            absent,
            departed,
            missing,
        }
    }
}

/// The persons of `earlier` (sorted) in neither `active` nor `inactive` (each sorted):
/// a walk along the three, where a look-up a row cost a cache miss each.
fn unlisted(earlier: &[u64], active: &[u64], inactive: &[u64]) -> Vec<u64> {
    let (mut a, mut n) = (active.iter().peekable(), inactive.iter().peekable());
    let mut out = Vec::new();
    for &p in earlier {
        while a.next_if(|&&x| x < p).is_some() {}
        while n.next_if(|&&x| x < p).is_some() {}
        if a.peek() != Some(&&p) && n.peek() != Some(&&p) {
            out.push(p);
        }
    }
    out
}

impl Previous {
    pub(crate) fn len(&self) -> usize {
        self.persons.len()
    }

    /// The person's position, when it was an active member.
    pub fn find(&self, person: u64) -> Option<usize> {
        self.persons.binary_search(&person).ok()
    }

    /// The day a departure without a date of this snapshot is placed on, where the
    /// chain it was read with places it.
    pub fn placed_day(&self, person: u64) -> Option<i32> {
        let at = self.placed.binary_search_by_key(&person, |p| p.0).ok()?;
        Some(self.placed[at].1)
    }

    /// Whether the person was a member of the snapshot before this one and this one
    /// does not list them (where that was gathered).
    pub fn was_absent(&self, person: u64) -> bool {
        self.absent.binary_search(&person).is_ok()
    }

    /// How many persons the snapshot lists, active or not.
    pub fn rows(&self) -> usize {
        self.persons.len() + self.departed.len()
    }

    /// Every person the snapshot lists, active or not: the active ones' keys, and the
    /// others' with the day they left ([`Previous::departed`]).
    pub fn listed(&self) -> (&[u64], &[(u64, i32, i32)]) {
        (&self.persons, &self.departed)
    }

    pub fn area(&self, at: usize) -> u32 {
        self.areas[at]
    }

    /// The units an earlier roll had members in and this one has no row of, with the
    /// date of the last roll that had members there and their number (where it was
    /// gathered).
    pub(crate) fn missing(&self) -> &[super::lacking::Lacking] {
        &self.missing
    }

    /// The active members of each unit (by index in the areas).
    pub fn members_by_area(&self) -> std::collections::BTreeMap<u32, u64> {
        let mut out = std::collections::BTreeMap::new();
        for a in &self.areas {
            *out.entry(*a).or_default() += 1;
        }
        out
    }
}

/// What one snapshot's fold learns about its seam with the previous snapshot.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Seam {
    /// Departures without a date placed on this snapshot's as-of date.
    pub placed: u64,
    /// Active at the period's start here, not active in the previous snapshot (late
    /// registrations, members back, and those who joined after it).
    pub added: u64,
    /// Of `added`, those who joined after the previous snapshot's date: recruits of a
    /// month with no roll of its own.
    pub joined_since: u64,
    /// Active in the previous snapshot, in this one but not active at the period's
    /// start (dated here as having left earlier, or joined later).
    pub dated: u64,
    /// Active in both, in another unit here.
    pub moved: u64,
    /// Departures without a date that an earlier roll of the period first marked,
    /// placed on that roll's date ([`Previous::placed_day`]).
    pub carried: u64,
    /// Departures without a date of members the previous snapshot did not list while
    /// the one before it had them active, placed on this snapshot's date.
    pub placed_absent: u64,
    /// Departures within the period of members a roll of it marked and a later one,
    /// the period's last, no longer lists: counted from the roll that last listed them
    /// (`dropped.rs`).
    pub dropped: u64,
    /// Which members of the previous snapshot this one has (a bit each).
    pub seen: Vec<u64>,
}

impl Seam {
    pub fn for_previous(p: &Previous) -> Seam {
        Seam {
            seen: vec![0; p.len().div_ceil(64)],
            ..Seam::default()
        }
    }

    pub fn merge(&mut self, o: &Seam) {
        self.placed += o.placed;
        self.added += o.added;
        self.joined_since += o.joined_since;
        self.dated += o.dated;
        self.moved += o.moved;
        self.carried += o.carried;
        self.placed_absent += o.placed_absent;
        self.dropped += o.dropped;
        if self.seen.len() < o.seen.len() {
            self.seen.resize(o.seen.len(), 0);
        }
        for (a, b) in self.seen.iter_mut().zip(&o.seen) {
            *a |= b;
        }
    }

    /// Members of the previous snapshot this one does not list at all.
    pub fn absent(&self, p: &Previous) -> u64 {
        let seen: u64 = self.seen.iter().map(|w| u64::from(w.count_ones())).sum();
        p.len() as u64 - seen
    }

    /// The leaving day to count a row with: its own, or, for a departure without a
    /// date of a member active in the previous snapshot, this snapshot's as-of date.
    pub fn leaving_day(&mut self, left: i32, active: bool, prev: Option<usize>, as_of: i32) -> i32 {
        if left == NO_DAY && !active && prev.is_some() {
            self.placed += 1;
            as_of
        } else {
            left
        }
    }

    /// Records one row of this snapshot against the previous one (`joined`: its
    /// joining day).
    pub fn observe(
        &mut self,
        p: &Previous,
        prev: Option<usize>,
        (area, joined): (u32, i32),
        at_start: bool,
    ) {
        match prev {
            Some(j) => {
                self.seen[j / 64] |= 1 << (j % 64);
                if !at_start {
                    self.dated += 1;
                } else if p.area(j) != area {
                    self.moved += 1;
                }
            }
            None if at_start => {
                self.added += 1;
                if joined != NO_DAY && joined > crate::roll::days(p.as_of) {
                    self.joined_since += 1;
                }
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn previous(rows: &[(u64, u32)]) -> Previous {
        // Two chunks, as two batches would give them: finish joins and sorts them.
        let (a, b) = rows.split_at(rows.len() / 2);
        let chunk = |r: &[(u64, u32)]| r.iter().copied().unzip();
        PreviousRows {
            as_of: 0,
            chunks: vec![chunk(b), chunk(a)],
            earlier: None,
            placed: Vec::new(),
            inactive: Vec::new(),
            departed: Vec::new(),
            inactive_units: Vec::new(),
        }
        .finish(NaiveDate::from_ymd_opt(2026, 10, 31).unwrap())
    }

    #[test]
    fn a_departure_without_a_date_is_placed_only_for_a_member_of_before() {
        let p = previous(&[(7, 0)]);
        let mut s = Seam::for_previous(&p);
        // Departed, no date, active before: placed on the as-of day.
        assert_eq!(s.leaving_day(NO_DAY, false, p.find(7), 500), 500);
        // Departed, no date, never seen before: stays active at no date.
        assert_eq!(s.leaving_day(NO_DAY, false, p.find(8), 500), NO_DAY);
        // A date given, or still active: the row's own.
        assert_eq!(s.leaving_day(450, false, p.find(7), 500), 450);
        assert_eq!(s.leaving_day(NO_DAY, true, p.find(7), 500), NO_DAY);
        assert_eq!(s.placed, 1);
    }

    #[test]
    fn the_seam_counts_each_reason_once() {
        // Before: persons 1, 2, 3, 4 active, in units 0, 0, 1, 1.
        let p = previous(&[(3, 1), (1, 0), (4, 1), (2, 0)]);
        let mut s = Seam::for_previous(&p);
        s.observe(&p, p.find(1), (0, NO_DAY), true); // same unit
        s.observe(&p, p.find(2), (1, NO_DAY), true); // moved
        s.observe(&p, p.find(3), (1, NO_DAY), false); // dated out
        s.observe(&p, p.find(9), (0, NO_DAY), true); // added
        s.observe(&p, p.find(10), (0, NO_DAY), false); // a new row not at the start: nothing
        assert_eq!((s.added, s.dated, s.moved), (1, 1, 1));
        assert_eq!(s.absent(&p), 1); // person 4
                                     // Of those added, who joined after the previous roll's date (31/10/2026).
        let after = crate::roll::days(p.as_of) + 15;
        s.observe(&p, p.find(11), (0, after), true);
        s.observe(&p, p.find(12), (0, after - 30), true);
        assert_eq!((s.added, s.joined_since), (3, 1));
        let mut t = Seam::for_previous(&p);
        t.observe(&p, p.find(4), (1, NO_DAY), true);
        s.merge(&t);
        assert_eq!(s.absent(&p), 0);
    }

    #[test]
    fn the_unlisted_are_those_of_before_in_neither_list() {
        assert_eq!(unlisted(&[1, 3, 5, 7, 9], &[3, 4, 9], &[0, 7]), [1, 5]);
        assert_eq!(unlisted(&[1, 2], &[], &[]), [1, 2]);
        assert_eq!(unlisted(&[], &[1], &[2]), Vec::<u64>::new());
    }

    #[test]
    fn merged_seams_add_up_and_keep_who_was_seen() {
        let p = previous(&[(1, 0), (2, 0), (3, 1)]);
        let mut a = Seam::for_previous(&p);
        a.observe(&p, p.find(1), (0, NO_DAY), true);
        (a.placed, a.added, a.dated, a.moved) = (1, 2, 3, 4);
        a.joined_since = 1;
        let b = Seam {
            placed: 10,
            added: 20,
            joined_since: 5,
            dated: 30,
            moved: 40,
            carried: 3,
            placed_absent: 2,
            dropped: 7,
            seen: Vec::new(),
        };
        // Merged into an empty one, as a scan's threads are.
        let mut out = Seam::default();
        out.merge(&a);
        out.merge(&b);
        assert_eq!(
            (
                out.joined_since,
                out.carried,
                out.placed_absent,
                out.dropped
            ),
            (6, 3, 2, 7)
        );
        assert_eq!(
            (out.placed, out.added, out.dated, out.moved),
            (11, 22, 33, 44)
        );
        assert_eq!(out.absent(&p), 2);
    }

    #[test]
    fn staying_in_ones_unit_is_no_move() {
        // Before: persons 1, 2, 3 in units 0, 1, 2; each stays.
        let p = previous(&[(1, 0), (2, 1), (3, 2)]);
        let mut s = Seam::for_previous(&p);
        for (person, unit) in [(1, 0), (2, 1), (3, 2)] {
            s.observe(&p, p.find(person), (unit, NO_DAY), true);
        }
        assert_eq!(s.moved, 0);
        s.observe(&p, p.find(2), (2, NO_DAY), true);
        assert_eq!(s.moved, 1);
    }
}
