//! Org `any`: persons counted once across organizations, within 8 bytes a member row.
//!
//! Every member row is in its own organization's counters already. A person with one
//! row in all the snapshots read counts there exactly once, as in a distinct count, so
//! only persons with several rows need more. The first pass keeps each row's person
//! fingerprint, the top half of its 64-bit key (sorted per batch, in 3 bytes: [`Keys`]);
//! [`several`] merges them to find the fingerprints with several rows and how many rows
//! each has; a second pass places just those rows in slots made for them ([`Rows`]),
//! each with the key's low half, so that two persons who share a fingerprint (a few in
//! ten million) are told apart there, exactly. Their rows are then taken out of the
//! counters one by one and counted once per person and group instead ([`recount`]); a
//! person whose row only shares a fingerprint recounts to itself.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

use super::counts::{Counts, RowKey};
use super::group::Grouper;
use crate::roll::NO_CODE;

/// A person key's fingerprint: its top half.
fn fingerprint(key: u64) -> u32 {
    (key >> 32) as u32
}

/// One batch's person fingerprints, sorted, in 3 bytes each: they are grouped by their
/// top byte, which is kept once per group (`starts`), and each keeps its low 3 bytes.
#[derive(Debug)]
pub struct Keys {
    /// Where the fingerprints whose top byte is `b` begin; `starts[256]` is the count.
    starts: Box<[u32]>,
    low: Box<[u8]>,
}

const LOW: usize = 3;

impl Keys {
    pub fn new(keys: &[u64]) -> Keys {
        let mut prints: Vec<u32> = keys.iter().map(|k| fingerprint(*k)).collect();
        prints.sort_unstable();
        let mut starts = vec![0u32; 257];
        for k in &prints {
            starts[(k >> 24) as usize + 1] += 1;
        }
        for b in 1..starts.len() {
            starts[b] += starts[b - 1];
        }
        let low = prints
            .iter()
            .flat_map(|k| {
                let bytes = k.to_le_bytes();
                [bytes[0], bytes[1], bytes[2]]
            })
            .collect();
        Keys {
            starts: starts.into(),
            low,
        }
    }

    fn len(&self) -> usize {
        self.low.len() / LOW
    }
}

/// Reads a [`Keys`] in order.
struct Cursor<'k> {
    keys: &'k Keys,
    next: usize,
    top: usize,
}

impl Iterator for Cursor<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let i = self.next;
        if i >= self.keys.len() {
            return None;
        }
        while self.keys.starts[self.top + 1] as usize <= i {
            self.top += 1;
        }
        let mut bytes = [0u8; 4];
        bytes[..LOW].copy_from_slice(&self.keys.low[i * LOW..(i + 1) * LOW]);
        self.next += 1;
        Some(u32::from_le_bytes(bytes) | (self.top as u32) << 24)
    }
}

/// The fingerprints with several rows, found by the first pass: sorted, with how many
/// rows each has, in a byte (`u8::MAX` and the count in `more` for 255 rows or more):
/// the merge that finds them runs while every row's fingerprint is held, so what it
/// adds is kept small; [`Rows::new`] makes the rest once those are gone.
#[derive(Debug, Default)]
pub struct Several {
    keys: Vec<u32>,
    counts: Vec<u8>,
    /// The fingerprints (by index) with 255 rows or more, and their counts.
    more: Vec<(u32, u32)>,
}

impl Several {
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// How many rows the fingerprint of index `p` has.
    fn count(&self, p: usize) -> u32 {
        match self.counts[p] {
            u8::MAX => self
                .more
                .binary_search_by_key(&(p as u32), |m| m.0)
                .map_or(u32::from(u8::MAX), |i| self.more[i].1),
            n => u32::from(n),
        }
    }

    /// How many rows those fingerprints have.
    pub fn rows(&self) -> usize {
        (0..self.keys.len()).map(|p| self.count(p) as usize).sum()
    }

    #[cfg(test)]
    fn keys(&self) -> &[u32] {
        &self.keys
    }
}

/// The fingerprints that occur more than once in `chunks`, sorted and each once, with
/// how many rows each has. A k-way merge: nothing is copied but the answer.
pub fn several(chunks: &[Keys]) -> Several {
    let mut cursors: Vec<Cursor> = chunks
        .iter()
        .map(|keys| Cursor {
            keys,
            next: 0,
            top: 0,
        })
        .collect();
    let mut heap: BinaryHeap<Reverse<(u32, usize)>> = cursors
        .iter_mut()
        .enumerate()
        .filter_map(|(c, cursor)| cursor.next().map(|k| Reverse((k, c))))
        .collect();
    let mut out = Several::default();
    // The fingerprint being counted and how many times it was seen.
    let mut last: Option<(u32, u32)> = None;
    let close = |out: &mut Several, last: Option<(u32, u32)>| {
        if let Some((k, n)) = last.filter(|l| l.1 > 1) {
            if n >= u32::from(u8::MAX) {
                out.more.push((out.keys.len() as u32, n));
            }
            out.keys.push(k);
            out.counts.push(n.min(u32::from(u8::MAX)) as u8);
        }
    };
    while let Some(Reverse((key, c))) = heap.pop() {
        match &mut last {
            Some((k, n)) if *k == key => *n += 1,
            _ => {
                close(&mut out, last);
                last = Some((key, 1));
            }
        }
        if let Some(k) = cursors[c].next() {
            heap.push(Reverse((k, c)));
        }
    }
    close(&mut out, last);
    out.keys.shrink_to_fit();
    out.counts.shrink_to_fit();
    out
}

/// The fingerprints of [`Several`], made ready for the second pass: where each one's
/// rows begin (`starts[p + 1] - starts[p]` rows), and an index of them.
#[derive(Debug)]
struct Prints {
    keys: Vec<u32>,
    starts: Vec<u32>,
    /// Where the fingerprints whose top `bits` bits are `b` begin (`buckets[b]`): every
    /// row of the second pass looks its fingerprint up, and a binary search of a
    /// million misses the cache at each of its twenty steps; a bucket holds a few.
    buckets: Vec<u32>,
    bits: u32,
}

impl Prints {
    fn new(several: Several) -> Prints {
        let mut starts = Vec::with_capacity(several.keys.len() + 1);
        let mut total = 0u32;
        starts.push(0);
        for p in 0..several.keys.len() {
            total += several.count(p);
            starts.push(total);
        }
        let n = several.keys.len();
        let mut prints = Prints {
            keys: several.keys,
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
    fn find(&self, key: u32) -> Option<usize> {
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
/// left) set when it holds for any of its rows there. The persons of a fingerprint are
/// its rows' low halves.
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
            for &(gi, flags) in &seen {
                counts[gi as usize].merge(&Counts::one(flags));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk(keys: &[u64]) -> Keys {
        Keys::new(keys)
    }

    /// A key of fingerprint `print` and low half `low`.
    fn k(print: u32, low: u32) -> u64 {
        u64::from(print) << 32 | u64::from(low)
    }

    #[test]
    fn fingerprints_read_back_in_order_across_top_bytes() {
        let keys = [
            u64::MAX,
            0,
            1 << 56,
            (1 << 56) - 1,
            0x0102_0304_0506_0708,
            5,
        ];
        let c = Keys::new(&keys);
        assert_eq!(c.len(), 6);
        let mut want: Vec<u32> = keys.iter().map(|k| fingerprint(*k)).collect();
        want.sort_unstable();
        let back: Vec<u32> = Cursor {
            keys: &c,
            next: 0,
            top: 0,
        }
        .collect();
        assert_eq!(back, want);
    }

    #[test]
    fn fingerprints_in_several_chunks_or_twice_in_one_are_found_once() {
        let big = 0xAB00_0004;
        let chunks = [
            chunk(&[k(9, 1), k(1, 0), k(4, 0), k(9, 1), k(big, 7)]),
            chunk(&[]),
            chunk(&[k(2, 0), k(4, 0), k(7, 0), k(big, 7)]),
            chunk(&[k(4, 0), k(8, 0), k(10, 0), u64::MAX]),
        ];
        // 4 is in three chunks, 9 twice in one, `big` in two; the rest once.
        let found = several(&chunks);
        assert_eq!(found.keys(), [4, 9, big]);
        assert_eq!(found.counts, [3, 2, 2]);
        assert_eq!(found.rows(), 7);
        let prints = Prints::new(found);
        assert_eq!(prints.starts, [0, 3, 5, 7]);
        for (i, p) in [4, 9, big].into_iter().enumerate() {
            assert_eq!(prints.find(p), Some(i));
        }
        assert_eq!(prints.find(5), None);
        assert_eq!(prints.find(u32::MAX), None);
        assert!(several(&[chunk(&[1 << 32, 2 << 32, 3 << 32])]).is_empty());
        assert!(several(&[]).is_empty());
        assert_eq!(several(&[]).rows(), 0);
    }

    #[test]
    fn a_fingerprint_with_hundreds_of_rows_keeps_their_count() {
        let mut keys = vec![k(7, 0); 300];
        keys.extend([k(3, 0), k(3, 0), k(9, 0)]);
        let found = several(&[chunk(&keys)]);
        assert_eq!(found.keys(), [3, 7]);
        assert_eq!((found.count(0), found.count(1)), (2, 300));
        assert_eq!(found.rows(), 302);
        assert_eq!(Prints::new(found).starts, [0, 2, 302]);
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
