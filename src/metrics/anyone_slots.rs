//! Org `any`, second pass: the rows of the fingerprints with several rows, placed in
//! slots the first pass counted (`anyone.rs`), and the recount that makes each person
//! count once per group.

use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

use super::anyone::{fingerprint, Several};
use super::counts::{Counts, RowKey};
use super::group::Grouper;
use crate::roll::NO_CODE;

/// The fingerprints of [`Several`], made ready for the second pass: where each one's
/// rows begin (`starts[p + 1] - starts[p]` rows), and an index of them.
#[derive(Debug)]
pub(super) struct Prints {
    keys: Vec<u32>,
    pub(super) starts: Vec<u32>,
    /// Where the fingerprints whose top `bits` bits are `b` begin (`buckets[b]`): every
    /// row of the second pass looks its fingerprint up, and a binary search of a
    /// million misses the cache at each of its twenty steps; a bucket holds a few.
    buckets: Vec<u32>,
    bits: u32,
}

impl Prints {
    pub(super) fn new(several: Several) -> Prints {
        let n = several.len();
        let mut starts = Vec::with_capacity(n + 1);
        let mut total = 0u32;
        starts.push(0);
        for p in 0..n {
            total += several.count(p);
            starts.push(total);
        }
        let mut prints = Prints {
            keys: several.into_keys(),
            starts,
            buckets: Vec::new(),
            // About four fingerprints a bucket.
            bits: (usize::BITS - (n / 4).leading_zeros()).min(24),
        };
        let mut buckets = vec![0u32; (1usize << prints.bits) + 1];
        for k in &prints.keys {
            buckets[prints.bucket(*k) + 1] += 1;
        }
        for b in 1..buckets.len() {
            buckets[b] += buckets[b - 1];
        }
        prints.buckets = buckets;
        prints
    }

    fn bucket(&self, key: u32) -> usize {
        // `checked_shr`: a shift by 32 (no bits) is every fingerprint in bucket 0.
        key.checked_shr(32 - self.bits).unwrap_or(0) as usize
    }

    /// The index of `key` among the fingerprints.
    pub(super) fn find(&self, key: u32) -> Option<usize> {
        let b = self.bucket(key);
        let (from, to) = (self.buckets[b] as usize, self.buckets[b + 1] as usize);
        let i = self.keys[from..to].iter().position(|k| *k == key)?;
        Some(from + i)
    }
}

/// A unit's index in a slot: below 2^24 (the areas file's units; a country has some
/// ten thousand).
const AREA_BITS: u32 = 24;
const AREA_MASK: u64 = (1 << AREA_BITS) - 1;

/// The second pass's rows of the fingerprints with several rows, placed as they are
/// read (by any thread) in their fingerprint's slots: nothing is sorted or copied, and
/// the memory is known before the pass. A slot is 12 bytes: the unit, age band, flags
/// and enterprise in 8, the key's low half in 4; and 4 more (sex, ethnicity, religion,
/// reason) only when the report breaks down by one of those.
#[derive(Debug)]
pub struct Rows {
    prints: Prints,
    /// How many of each fingerprint's slots are filled.
    filled: Vec<AtomicU32>,
    place: Vec<AtomicU64>,
    low: Vec<AtomicU32>,
    /// Empty when no breakdown of the report looks at these.
    traits: Vec<AtomicU32>,
}

impl Rows {
    /// Slots for the rows of `several`; `traits`: the report breaks down by sex,
    /// ethnicity, religion or reason.
    pub fn new(several: Several, traits: bool) -> Rows {
        let prints = Prints::new(several);
        let n = prints.starts.last().map_or(0, |n| *n as usize);
        let atomics32 = |n: usize| (0..n).map(|_| AtomicU32::new(0)).collect();
        Rows {
            filled: atomics32(prints.keys.len()),
            place: (0..n).map(|_| AtomicU64::new(0)).collect(),
            low: atomics32(n),
            traits: atomics32(if traits { n } else { 0 }),
            prints,
        }
    }

    /// Keeps the row of `person` if its fingerprint has several rows.
    pub fn keep(&self, person: u64, key: &RowKey, flags: u8) {
        let Some(p) = self.prints.find(fingerprint(person)) else {
            return;
        };
        let (from, to) = (self.prints.starts[p], self.prints.starts[p + 1]);
        let slot = from + self.filled[p].fetch_add(1, Ordering::Relaxed);
        // The same rows as the first pass counted: never more, but a row beyond its
        // fingerprint's slots is dropped rather than written over another's.
        if slot >= to {
            return;
        }
        let slot = slot as usize;
        let place = u64::from(key.area) & AREA_MASK
            | u64::from(key.age & 0x0f) << AREA_BITS
            | u64::from(flags & 0x0f) << (AREA_BITS + 4)
            | u64::from(key.enterprise) << 32;
        self.place[slot].store(place, Ordering::Relaxed);
        self.low[slot].store(person as u32, Ordering::Relaxed);
        if let Some(t) = self.traits.get(slot) {
            let traits = u32::from(key.sex)
                | u32::from(key.ethnicity) << 8
                | u32::from(key.religion) << 16
                | u32::from(key.reason) << 24;
            t.store(traits, Ordering::Relaxed);
        }
    }

    /// A fingerprint's rows, as kept: the key's low half, where the row falls, its
    /// flags. Without traits, the codes are those the fold gives a key when the report
    /// does not break down by them.
    fn rows_of(&self, p: usize) -> impl Iterator<Item = (u32, RowKey, u8)> + '_ {
        let from = self.prints.starts[p] as usize;
        let filled = self.filled[p].load(Ordering::Relaxed) as usize;
        let to = (self.prints.starts[p + 1] as usize).min(from + filled);
        (from..to).map(|i| {
            let place = self.place[i].load(Ordering::Relaxed);
            let t = self
                .traits
                .get(i)
                .map_or(u32::from_le_bytes([NO_CODE, NO_CODE, NO_CODE, 0]), |t| {
                    t.load(Ordering::Relaxed)
                });
            let key = RowKey {
                area: (place & AREA_MASK) as u32,
                enterprise: (place >> 32) as u32,
                sex: t as u8,
                ethnicity: (t >> 8) as u8,
                religion: (t >> 16) as u8,
                age: ((place >> AREA_BITS) & 0x0f) as u8,
                reason: (t >> 24) as u8,
            };
            let flags = ((place >> (AREA_BITS + 4)) & 0x0f) as u8;
            (self.low[i].load(Ordering::Relaxed), key, flags)
        })
    }
}

/// Makes per-group counters that have every row of the persons of `rows` count each
/// person once per group: each row is taken out, then each person is added once per
/// group it has a row in, with a flag (member at the end, at the start, recruited,
/// left) set when it holds for any of its rows there. Of a breakdown by a person's
/// attribute, a group `unknown` gives way to the person's known ones (a Women's Union
/// roll without a sex column beside the Youth Union's `Nữ`: female, not female and
/// unknown), its rows' flags going with them. The persons of a fingerprint are its
/// rows' low halves.
pub fn recount(rows: &Rows, g: &mut Grouper, counts: &mut Vec<Counts>) {
    let mut seen: Vec<(u32, u8)> = Vec::new();
    let mut print: Vec<(u32, RowKey, u8)> = Vec::new();
    for p in 0..rows.prints.keys.len() {
        print.clear();
        print.extend(rows.rows_of(p));
        print.sort_unstable_by_key(|r| r.0);
        for person in print.chunk_by(|a, b| a.0 == b.0) {
            seen.clear();
            for (_, key, flags) in person {
                let Some(gi) = g.of(key) else { continue };
                if counts.len() <= gi as usize {
                    counts.resize(gi as usize + 1, Counts::default());
                }
                counts[gi as usize].take_out(&Counts::one(*flags));
                match seen.iter_mut().find(|(g, _)| *g == gi) {
                    Some((_, f)) => *f |= *flags,
                    None => seen.push((gi, *flags)),
                }
            }
            known_over_unknown(g, &mut seen);
            for &(gi, flags) in &seen {
                counts[gi as usize].merge(&Counts::one(flags));
            }
        }
    }
}

/// Where a person has rows in a known group and in `unknown` of a breakdown by one of
/// their own attributes (sex, ethnicity, religion, age band), the unknown goes, its
/// flags added to each known group's. Not of a place (an area's value `unknown` is a
/// place the person is a member in), a reason (each row's own departure), or a crossing.
fn known_over_unknown(g: &Grouper, seen: &mut Vec<(u32, u8)>) {
    use super::dimension::Dimension;
    let attribute = matches!(
        g.dimension,
        Dimension::Sex
            | Dimension::Ethnicity { .. }
            | Dimension::Religion { .. }
            | Dimension::AgeBand
    );
    if !attribute {
        return;
    }
    let unknown = |gi: u32| {
        g.labels
            .get(gi as usize)
            .is_some_and(|l| l == super::group::UNKNOWN)
    };
    let Some(at) = seen.iter().position(|&(gi, _)| unknown(gi)) else {
        return;
    };
    if seen.len() < 2 {
        return;
    }
    let (_, flags) = seen.swap_remove(at);
    for (_, f) in seen.iter_mut() {
        *f |= flags;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::anyone::{several, Keys};

    fn chunk(keys: &[u64]) -> Keys {
        Keys::new(keys)
    }

    /// A key of fingerprint `print` and low half `low`.
    fn k(print: u32, low: u32) -> u64 {
        u64::from(print) << 32 | u64::from(low)
    }

    fn key(area: u32, age: u8) -> RowKey {
        RowKey {
            area,
            enterprise: crate::metrics::counts::NO_ENTERPRISE,
            sex: 1,
            ethnicity: 54,
            religion: 255,
            age,
            reason: 7,
        }
    }

    #[test]
    fn rows_read_back_per_fingerprint_whatever_order_they_came_in() {
        let rows = Rows::new(
            several(&[
                chunk(&[k(7, 1), k(3, 2), k(7, 1)]),
                chunk(&[k(3, 2), k(5, 0), k(7, 1)]),
            ]),
            true,
        );
        rows.keep(k(7, 1), &key(10, 3), 1);
        rows.keep(k(5, 0), &key(99, 0), 1); // one row only: not kept
        rows.keep(k(3, 2), &key(11, 2), 8);
        rows.keep(k(7, 1), &key(12, 15), 2);
        rows.keep(k(3, 2), &key(13, 0), 1);
        rows.keep(k(7, 1), &key(14, 1), 4);
        let back = |p| rows.rows_of(p).collect::<Vec<_>>();
        assert_eq!(back(0), [(2, key(11, 2), 8), (2, key(13, 0), 1)]);
        assert_eq!(
            back(1),
            [(1, key(10, 3), 1), (1, key(12, 15), 2), (1, key(14, 1), 4)]
        );
    }

    /// Without traits a row reads back with the codes of a report that does not break
    /// down by them.
    #[test]
    fn rows_without_traits_keep_the_place_and_the_flags() {
        let rows = Rows::new(several(&[chunk(&[k(7, 1), k(7, 1)])]), false);
        rows.keep(k(7, 1), &key(10, 3), 1);
        rows.keep(k(7, 1), &key(12, 5), 8);
        let plain = |area, age| RowKey {
            sex: NO_CODE,
            ethnicity: NO_CODE,
            religion: NO_CODE,
            reason: 0,
            ..key(area, age)
        };
        assert_eq!(
            rows.rows_of(0).collect::<Vec<_>>(),
            [(1, plain(10, 3), 1), (1, plain(12, 5), 8)]
        );
    }

    /// Two persons who share a fingerprint are told apart by the low half: each counts
    /// once, as a distinct count would.
    #[test]
    fn persons_sharing_a_fingerprint_count_apart() {
        let (a, b) = (k(42, 1), k(42, 2));
        let rows = Rows::new(several(&[chunk(&[a, b, a])]), false);
        // A has two rows in area 0 (one person, a member), B one in area 0.
        rows.keep(a, &key(0, 0), 1);
        rows.keep(b, &key(0, 0), 1);
        rows.keep(a, &key(0, 0), 1);
        let mut persons = Vec::new();
        let mut print: Vec<(u32, RowKey, u8)> = rows.rows_of(0).collect();
        print.sort_unstable_by_key(|r| r.0);
        for p in print.chunk_by(|x, y| x.0 == y.0) {
            persons.push((p[0].0, p.len()));
        }
        assert_eq!(persons, [(1, 2), (2, 1)]);
    }
}
