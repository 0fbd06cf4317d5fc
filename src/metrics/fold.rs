//! Batches of members folded into counters, as they stream out of the store: per unit,
//! per enterprise, per code (sex, ethnicity, religion) and per age band. Groups of every
//! dimension are sums of these, so one pass serves all the dimensions asked for and
//! memory does not grow with the roll. Org `any` is the exception: a person counts once
//! across organizations, so a first pass keeps each member row's 8-byte person key, and
//! a second pass, only where some person has several rows, keeps those rows.

use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::sync::Arc;

use super::anyone::Keys;
use super::anyone_slots::Rows;
use super::continuity::{Previous, PreviousRows, Seam};
use super::counts::{Counts, RowKey, AGE_BANDS, LEFT, MEMBERS, NO_ENTERPRISE, RECRUITED, START};
use super::cross::Keep;
use super::dimension::{age_band, Dimension};
use super::period::Period;
use super::Request;
use crate::org::OrgOrAny;
use crate::reference::Reference;
use crate::roll::{self, active_at, Batch, Birth, Columns, NO_CODE, NO_DAY, NO_VALUE};

/// The counters of one snapshot.
#[derive(Debug, Default)]
pub struct Tally {
    /// By unit index; the last entry holds members of units the areas do not have.
    pub areas: Vec<Counts>,
    /// Codes of units the areas do not have, with their member rows.
    pub unknown_areas: BTreeMap<String, u64>,
    /// By enterprise index (when the request breaks down by ownership), made at the
    /// first member with an enterprise: most rolls have none.
    pub enterprises: Vec<Counts>,
    /// By stored code (`NO_CODE` for none), when asked for.
    pub sex: Vec<Counts>,
    pub ethnicity: Vec<Counts>,
    pub religion: Vec<Counts>,
    /// By index in [`AGE_BANDS`], when asked for.
    pub age: Vec<Counts>,
    /// By departure slot (`reason.rs`), when asked for.
    pub reason: Vec<Counts>,
    /// For org `any`, first pass: each batch's person keys, sorted (7 bytes a row).
    pub persons: Vec<Keys>,
    /// The snapshot's as-of date, in days.
    pub as_of: i32,
    /// The org's previous snapshot, where there is one (departures without a date are
    /// placed against it, and the seam between the two is reconciled).
    pub previous: Option<Arc<Previous>>,
    pub seam: Seam,
    /// Rows of a snapshot without a previous one, departed without a date and not
    /// joined within the period: counted in neither stock nor flow.
    pub undated: u64,
    /// For crossed breakdowns: by the part of a row's key they look at.
    pub cross: BTreeMap<RowKey, Counts>,
    /// Persons an earlier roll of the period lists as departed within it (sorted):
    /// those of them this snapshot lists are gathered in `watched`.
    pub watch: Arc<Vec<u64>>,
    pub watched: Vec<u64>,
    /// For a period of several rolls: the org's last roll before it, and its members.
    pub before: Option<(NaiveDate, u64)>,
    /// The units the roll itself has a row of (by unit index), taken before the rows
    /// of its period's earlier rolls are counted with it (the departures it dropped,
    /// [`super::dropped`]): a unit whose only row is such a departure did not report.
    /// Empty until then: [`Tally::lists`] reads the rows.
    pub listed: Vec<bool>,
}

impl Tally {
    /// Whether the roll itself has a row of unit `area` (see [`Tally::listed`]).
    pub fn lists(&self, area: usize) -> bool {
        match self.listed.get(area) {
            Some(&on) => on,
            None => self.areas.get(area).is_some_and(|c| c.rows > 0),
        }
    }

    /// Takes down the units the roll itself has a row of, before rows of other rolls
    /// are counted with it.
    pub fn take_listed(&mut self) {
        self.listed = self.areas.iter().map(|c| c.rows > 0).collect();
    }

    pub fn merge(&mut self, o: Tally) {
        for (mine, theirs) in [
            (&mut self.areas, &o.areas),
            (&mut self.enterprises, &o.enterprises),
            (&mut self.sex, &o.sex),
            (&mut self.ethnicity, &o.ethnicity),
            (&mut self.religion, &o.religion),
            (&mut self.age, &o.age),
            (&mut self.reason, &o.reason),
        ] {
            if mine.len() < theirs.len() {
                mine.resize(theirs.len(), Counts::default());
            }
            for (a, b) in mine.iter_mut().zip(theirs) {
                a.merge(b);
            }
        }
        for (code, n) in o.unknown_areas {
            *self.unknown_areas.entry(code).or_default() += n;
        }
        self.persons.extend(o.persons);
        self.seam.merge(&o.seam);
        self.undated += o.undated;
        self.watched.extend(o.watched);
        for (k, c) in o.cross {
            self.cross.entry(k).or_default().merge(&c);
        }
    }
}

/// A request made ready to fold: the period as days, the look-ups of unit codes and
/// tax codes, and which columns and counters are needed.
pub struct Plan<'a> {
    pub reference: &'a Reference,
    pub req: &'a Request,
    end: i32,
    before: i32,
    start: i32,
    end_date: NaiveDate,
    areas: FxHashMap<&'a str, u32>,
    enterprises: FxHashMap<&'a str, u32>,
    columns: Columns,
    /// What is kept for org `any`.
    any: AnyMode,
    /// For crossed breakdowns: what of a row's key their counters keep.
    cross: Option<Keep>,
}

/// What a fold keeps for org `any`, where a person counts once across organizations.
#[derive(Debug, Clone, Default)]
pub enum AnyMode {
    /// `any` is not asked for.
    #[default]
    Off,
    /// Every member row's person key, to find the persons with several rows.
    Keys,
    /// The rows of the persons with several rows, each with where it falls.
    Rows(Arc<Rows>),
}

impl<'a> Plan<'a> {
    pub fn new(reference: &'a Reference, req: &'a Request) -> Plan<'a> {
        let p: &Period = &req.period;
        let mut columns = Columns {
            person: req.orgs.contains(&OrgOrAny::Any),
            // The enterprises to visit are listed in every report (metrics::lists).
            enterprise: !reference.enterprises.rows.is_empty(),
            ..Columns::default()
        };
        for d in super::cross::flat(&req.dimensions) {
            match d {
                Dimension::Ownership => columns.enterprise = true,
                Dimension::Sex => columns.sex = true,
                Dimension::AgeBand => columns.birth = true,
                Dimension::Ethnicity { .. } => columns.ethnicity = true,
                Dimension::Religion { .. } => columns.religion = true,
                Dimension::Reason => columns.reason = true,
                _ => {}
            }
        }
        Plan {
            reference,
            req,
            end: roll::days(p.end),
            before: roll::days(p.before_start()),
            start: roll::days(p.start),
            end_date: p.end,
            areas: reference
                .areas
                .units
                .iter()
                .enumerate()
                .map(|(i, u)| (u.code.as_str(), i as u32))
                .collect(),
            enterprises: reference
                .enterprises
                .rows
                .iter()
                .enumerate()
                .map(|(i, e)| (e.id.as_str(), i as u32))
                .collect(),
            columns,
            any: if req.orgs.contains(&OrgOrAny::Any) {
                AnyMode::Keys
            } else {
                AnyMode::Off
            },
            cross: Keep::of(&req.dimensions),
        }
    }

    /// For a second pass of org `any`: keeps the rows of the persons with several rows
    /// in `rows`.
    pub fn keep_rows_in(&mut self, rows: Arc<Rows>) {
        self.any = AnyMode::Rows(rows);
    }

    /// The member columns the store must read.
    pub fn columns(&self) -> Columns {
        self.columns
    }

    /// Reads the person keys too: some org has a previous snapshot to join up with.
    pub fn with_persons(mut self) -> Plan<'a> {
        self.columns.person = true;
        self
    }

    /// The index standing for "a unit the areas do not have".
    pub fn unknown_area(&self) -> u32 {
        self.reference.areas.units.len() as u32
    }

    /// Empty counters for one snapshot as of `as_of`, with the org's previous snapshot.
    pub fn tally(&self, as_of: NaiveDate, previous: Option<Arc<Previous>>) -> Tally {
        let c = self.columns;
        let sized = |on: bool, n: usize| {
            if on {
                vec![Counts::default(); n]
            } else {
                Vec::new()
            }
        };
        Tally {
            areas: vec![Counts::default(); self.reference.areas.units.len() + 1],
            sex: sized(c.sex, 256),
            ethnicity: sized(c.ethnicity, 256),
            religion: sized(c.religion, 256),
            age: sized(c.birth, AGE_BANDS.len()),
            reason: sized(c.reason, super::reason::SLOTS),
            as_of: roll::days(as_of),
            seam: previous
                .as_deref()
                .map(Seam::for_previous)
                .unwrap_or_default(),
            previous,
            ..Tally::default()
        }
    }

    /// Adds a batch of an org's previous snapshot to the members it held.
    pub fn fold_previous(&self, p: &mut PreviousRows, b: &Batch) {
        let unknown = self.unknown_area();
        let areas: Vec<u32> = (b.area.dict.iter())
            .map(|code| self.areas.get(code.as_str()).copied().unwrap_or(unknown))
            .collect();
        p.add(b, |i| match b.area.rows[i] {
            NO_VALUE => unknown,
            r => areas[r as usize],
        });
    }

    /// The leaving day of a departure without a date by a member who joined within the
    /// period, on or before the snapshot's date: they left between the two, within the
    /// period whatever the day, and count in its `recruited` and `left`. Placed on the
    /// snapshot's date (the latest it can be); any other row's day as it is.
    fn joined_and_left_within(&self, joined: i32, left: i32, active: bool, as_of: i32) -> i32 {
        roll::joined_and_left_within(joined, left, active, self.start, as_of)
    }

    fn flags(&self, joined: i32, left: i32, active: bool) -> u8 {
        let mut f = 0;
        if active_at(joined, left, active, self.end) {
            f |= MEMBERS;
        }
        if self.req.period.point {
            return f;
        }
        if active_at(joined, left, active, self.before) {
            f |= START;
        }
        if joined != NO_DAY && joined >= self.start && joined <= self.end {
            f |= RECRUITED;
        }
        if left != NO_DAY && left >= self.start && left <= self.end {
            f |= LEFT;
        }
        f
    }

    fn age(&self, birth_days: i32, birth_year: i32) -> u8 {
        let birth = if birth_days != NO_DAY {
            Birth::Date(roll::from_days(birth_days))
        } else if birth_year != NO_DAY {
            Birth::Year(birth_year)
        } else {
            return (AGE_BANDS.len() - 1) as u8;
        };
        let band = age_band(birth.age_on(self.end_date));
        AGE_BANDS.iter().position(|b| *b == band).unwrap_or(0) as u8
    }

    /// Adds a batch of one snapshot's members to its counters.
    /// The flags of row `i`, joined up with the org's previous snapshot where there is
    /// one (a departure without a date placed against it, the seam observed).
    #[inline]
    fn row_flags(
        &self,
        t: &mut Tally,
        b: &Batch,
        i: usize,
        area: u32,
        previous: Option<&Previous>,
    ) -> u8 {
        let (joined, active) = (b.joined[i], b.active[i]);
        let Some(p) = previous else {
            let left = self.joined_and_left_within(joined, b.left[i], active, t.as_of);
            t.undated += u64::from(left == NO_DAY && !active);
            return self.flags(joined, left, active);
        };
        let before = p.find(b.person[i]);
        let mut left = t.seam.leaving_day(b.left[i], active, before, t.as_of);
        // A departure an earlier roll of the period first marked: on that roll's day.
        // One the previous roll did not list (a partial roll) and the roll before it
        // had active: on this roll's day, as if the previous roll had them active.
        if left == NO_DAY && !active && before.is_none() {
            // A day before the period says only that they were no member in it, as
            // no day does; taken, it would hide a joining within the period.
            if let Some(day) = p.placed_day(b.person[i]).filter(|d| *d >= self.start) {
                left = day;
                t.seam.carried += 1;
            } else if p.was_absent(b.person[i]) {
                left = t.as_of;
                t.seam.placed_absent += 1;
            }
        }
        let left = self.joined_and_left_within(joined, left, active, t.as_of);
        let flags = self.flags(joined, left, active);
        if !self.req.period.point {
            t.seam
                .observe(p, before, (area, joined), flags & START != 0);
        }
        flags
    }

    /// Counts a row in the counters of each breakdown asked for beside its unit's.
    #[inline]
    fn count_by_key(&self, t: &mut Tally, key: &RowKey, flags: u8) {
        let c = self.columns;
        if key.enterprise != NO_ENTERPRISE {
            if t.enterprises.is_empty() {
                t.enterprises = vec![Counts::default(); self.reference.enterprises.rows.len()];
            }
            t.enterprises[key.enterprise as usize].add(flags);
        }
        for (on, counters, code) in [
            (c.sex, &mut t.sex, key.sex),
            (c.ethnicity, &mut t.ethnicity, key.ethnicity),
            (c.religion, &mut t.religion, key.religion),
            (c.birth, &mut t.age, key.age),
            (c.reason, &mut t.reason, key.reason),
        ] {
            if on {
                counters[code as usize].add(flags);
            }
        }
    }

    pub fn fold(&self, t: &mut Tally, b: &Batch) {
        let previous = t.previous.clone();
        if !t.watch.is_empty() {
            let watch = t.watch.clone();
            let listed = b.person[..b.len].iter();
            (t.watched).extend(listed.filter(|p| watch.binary_search(p).is_ok()));
        }
        self.fold_rows(t, b, |t, i, area| {
            Some(self.row_flags(t, b, i, area, previous.as_deref()))
        });
        if let AnyMode::Keys = self.any {
            t.persons.push(Keys::new(&b.person[..b.len]));
        }
    }

    /// Folds the rows of an earlier roll of the period whose members the period's last
    /// roll no longer lists, each departed on its day in `dropped` (sorted by person):
    /// in the start where they were members the day before the period, in `left`, and
    /// never in the members at its end. Other rows are passed over.
    pub fn fold_dropped(&self, t: &mut Tally, b: &Batch, dropped: &[(u64, i32)]) {
        let day = |i: usize| {
            let at = dropped.binary_search_by_key(&b.person[i], |d| d.0).ok()?;
            Some(dropped[at].1)
        };
        let mut persons = Vec::new();
        self.fold_rows(t, b, |t, i, _| {
            let left = day(i)?;
            t.seam.dropped += 1;
            persons.push(b.person[i]);
            Some(self.flags(b.joined[i], left, false) & !MEMBERS)
        });
        if let AnyMode::Keys = self.any {
            t.persons.push(Keys::new(&persons));
        }
    }

    /// Counts each row `flags_of` gives flags for (`None`: passed over) by its unit
    /// and every breakdown asked for.
    fn fold_rows(
        &self,
        t: &mut Tally,
        b: &Batch,
        mut flags_of: impl FnMut(&mut Tally, usize, u32) -> Option<u8>,
    ) {
        let c = self.columns;
        let unknown = self.unknown_area();
        // Look-ups once per distinct value of the batch, not once per row.
        let areas: Vec<u32> = (b.area.dict.iter())
            .map(|code| self.areas.get(code.as_str()).copied().unwrap_or(unknown))
            .collect();
        let enterprises: Vec<u32> = (b.enterprise.dict.iter())
            .map(|id| self.enterprises.get(id.as_str()).copied())
            .map(|e| e.unwrap_or(NO_ENTERPRISE))
            .collect();
        let index = |table: &[u32], row: u32, none: u32| {
            if row == NO_VALUE {
                none
            } else {
                table[row as usize]
            }
        };
        for i in 0..b.len {
            let area = index(&areas, b.area.rows[i], unknown);
            let Some(flags) = flags_of(t, i, area) else {
                continue;
            };
            t.areas[area as usize].add(flags);
            if area == unknown {
                let code = b.area.get(i).unwrap_or("");
                match t.unknown_areas.get_mut(code) {
                    Some(n) => *n += 1,
                    None => {
                        t.unknown_areas.insert(code.to_string(), 1);
                    }
                }
            }
            let key = RowKey {
                area,
                enterprise: if c.enterprise {
                    index(&enterprises, b.enterprise.rows[i], NO_ENTERPRISE)
                } else {
                    NO_ENTERPRISE
                },
                sex: if c.sex { b.sex[i] } else { NO_CODE },
                ethnicity: if c.ethnicity { b.ethnicity[i] } else { NO_CODE },
                religion: if c.religion { b.religion[i] } else { NO_CODE },
                age: if c.birth {
                    self.age(b.birth_days[i], b.birth_year[i])
                } else {
                    0
                },
                reason: if c.reason {
                    super::reason::slot(b.reason[i], b.active[i])
                } else {
                    0
                },
            };
            self.count_by_key(t, &key, flags);
            if let Some(keep) = &self.cross {
                t.cross.entry(keep.apply(&key)).or_default().add(flags);
            }
            if let AnyMode::Rows(rows) = &self.any {
                rows.keep(b.person[i], &key, flags);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_add_each_flag_once() {
        let mut c = Counts::default();
        c.add(MEMBERS | RECRUITED);
        c.add(START | LEFT);
        c.add(0);
        assert_eq!(
            c,
            Counts {
                rows: 3,
                members: 1,
                start: 1,
                recruited: 1,
                left: 1
            }
        );
        let mut d = c;
        d.merge(&c);
        assert_eq!(d.rows, 6);
        assert_eq!(d.left, 2);
    }
}
