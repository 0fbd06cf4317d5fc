//! Org `any`: persons counted once across organizations, in 8 bytes a member row.
//!
//! Every member row is in its own organization's counters already. A person with one
//! row in all the snapshots read counts there exactly once, as in a distinct count, so
//! only persons with several rows need more: the first pass keeps each row's 64-bit
//! person key (sorted per batch, in 7 bytes: [`Keys`]), [`several`] merges them to find
//! who has several and how many rows each has, and a second pass places just those
//! persons' rows in slots made for them ([`Rows`], 12 bytes a row and 16 a person:
//! less than the first pass's 7 bytes of every row while under a third of the rows are
//! such persons'). Their rows are then taken out of the counters one by one and counted
//! once per group instead ([`recount`]).

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

use super::counts::{Counts, RowKey};
use super::group::Grouper;

/// One batch's person keys, sorted, in 7 bytes each: keys are grouped by their top
/// byte, which is kept once per group (`starts`), and each keeps its low 7 bytes.
#[derive(Debug)]
pub struct Keys {
    /// Where the keys whose top byte is `b` begin; `starts[256]` is the count.
    starts: Box<[u32]>,
    low: Box<[u8]>,
}

const LOW: usize = 7;

impl Keys {
    pub fn new(keys: &mut [u64]) -> Keys {
        keys.sort_unstable();
        let mut starts = vec![0u32; 257];
        for k in keys.iter() {
            starts[(k >> 56) as usize + 1] += 1;
        }
        for b in 1..starts.len() {
            starts[b] += starts[b - 1];
        }
        let low = keys
            .iter()
            .flat_map(|k| {
                let bytes = k.to_le_bytes();
                let mut low = [0u8; LOW];
                low.copy_from_slice(&bytes[..LOW]);
                low
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
    type Item = u64;

    fn next(&mut self) -> Option<u64> {
        let i = self.next;
        if i >= self.keys.len() {
            return None;
        }
        while self.keys.starts[self.top + 1] as usize <= i {
            self.top += 1;
        }
        let mut bytes = [0u8; 8];
        bytes[..LOW].copy_from_slice(&self.keys.low[i * LOW..(i + 1) * LOW]);
        self.next += 1;
        Some(u64::from_le_bytes(bytes) | (self.top as u64) << 56)
    }
}

/// The persons with several rows, found by the first pass: their keys, sorted, and
/// how many rows each has, in a byte (`u8::MAX` and the count in `more` for a person
/// with 255 rows or more): the merge that finds them runs while every row's key is
/// held, so what it adds is kept small; [`Rows::new`] makes the rest once those keys
/// are gone.
#[derive(Debug, Default)]
pub struct Several {
    keys: Vec<u64>,
    counts: Vec<u8>,
    /// The persons (by index) with 255 rows or more, and their counts.
    more: Vec<(u32, u32)>,
}

impl Several {
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// How many rows the person of index `p` has.
    fn count(&self, p: usize) -> u32 {
        match self.counts[p] {
            u8::MAX => self
                .more
                .binary_search_by_key(&(p as u32), |m| m.0)
                .map_or(u32::from(u8::MAX), |i| self.more[i].1),
            n => u32::from(n),
        }
    }

    /// How many rows those persons have.
    pub fn rows(&self) -> usize {
        (0..self.keys.len()).map(|p| self.count(p) as usize).sum()
    }

    #[cfg(test)]
    fn keys(&self) -> &[u64] {
        &self.keys
    }
}

/// The person keys that occur more than once in `chunks`, sorted and each once, with
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
    let mut heap: BinaryHeap<Reverse<(u64, usize)>> = cursors
        .iter_mut()
        .enumerate()
        .filter_map(|(c, cursor)| cursor.next().map(|k| Reverse((k, c))))
        .collect();
    let mut out = Several::default();
    // The key being counted and how many times it was seen.
    let mut last: Option<(u64, u32)> = None;
    let close = |out: &mut Several, last: Option<(u64, u32)>| {
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

/// The persons of [`Several`], made ready for the second pass: where each one's rows
/// begin (`starts[p + 1] - starts[p]` rows), and an index of their keys.
#[derive(Debug)]
struct Persons {
    keys: Vec<u64>,
    starts: Vec<u32>,
    /// Where the keys whose top `bits` bits are `b` begin (`buckets[b]`): every row of
    /// the second pass looks its person up, and a binary search of a million keys
    /// misses the cache at each of its twenty steps; a bucket holds a few keys.
    buckets: Vec<u32>,
    bits: u32,
}

impl Persons {
    fn new(several: Several) -> Persons {
        let mut starts = Vec::with_capacity(several.keys.len() + 1);
        let mut total = 0u32;
        starts.push(0);
        for p in 0..several.keys.len() {
            total += several.count(p);
            starts.push(total);
        }
        let n = several.keys.len();
        let mut persons = Persons {
            keys: several.keys,
            starts,
            buckets: Vec::new(),
            // About four keys a bucket.
            bits: (usize::BITS - (n / 4).leading_zeros()).min(24),
        };
        let mut buckets = vec![0u32; (1usize << persons.bits) + 1];
        for k in &persons.keys {
            buckets[persons.bucket(*k) + 1] += 1;
        }
        for b in 1..buckets.len() {
            buckets[b] += buckets[b - 1];
        }
        persons.buckets = buckets;
        persons
    }

    fn bucket(&self, key: u64) -> usize {
        // `checked_shr`: a shift by 64 (no bits) is every key in bucket 0.
        key.checked_shr(64 - self.bits).unwrap_or(0) as usize
    }

    /// The index of `key` among the keys.
    fn find(&self, key: u64) -> Option<usize> {
        let b = self.bucket(key);
        let (from, to) = (self.buckets[b] as usize, self.buckets[b + 1] as usize);
        let i = self.keys[from..to].iter().position(|k| *k == key)?;
        Some(from + i)
    }
}

const AREA_MASK: u32 = (1 << 28) - 1;

/// The second pass's rows of the persons with several rows, in 12 bytes each, placed
/// as they are read (by any thread) in their person's slots: no person key is kept,
/// nothing is sorted or copied, and the memory is known before the pass.
#[derive(Debug)]
pub struct Rows {
    several: Persons,
    /// How many of each person's slots are filled.
    filled: Vec<AtomicU32>,
    /// A row's unit and enterprise indexes.
    place: Vec<AtomicU64>,
    /// A row's sex, ethnicity and religion codes, age band and flags.
    traits: Vec<AtomicU32>,
}

impl Rows {
    pub fn new(several: Several) -> Rows {
        let several = Persons::new(several);
        let n = several.starts.last().map_or(0, |n| *n as usize);
        Rows {
            filled: (0..several.keys.len()).map(|_| AtomicU32::new(0)).collect(),
            place: (0..n).map(|_| AtomicU64::new(0)).collect(),
            traits: (0..n).map(|_| AtomicU32::new(0)).collect(),
            several,
        }
    }

    /// Keeps the row of `person` if the person has several rows.
    pub fn keep(&self, person: u64, key: &RowKey, flags: u8) {
        let Some(p) = self.several.find(person) else {
            return;
        };
        let (from, to) = (self.several.starts[p], self.several.starts[p + 1]);
        let slot = from + self.filled[p].fetch_add(1, Ordering::Relaxed);
        // The same rows as the first pass counted: never more, but a row beyond its
        // person's slots is dropped rather than written over another person's.
        if slot < to {
            let slot = slot as usize;
            // A unit index below 2^28 (the areas file's units; a country has some
            // ten thousand), an age band and a departure's slot below 16.
            let place = u64::from(key.area & AREA_MASK)
                | u64::from(key.age & 0x0f) << 28
                | u64::from(key.enterprise) << 32;
            self.place[slot].store(place, Ordering::Relaxed);
            let traits = u32::from(key.sex)
                | u32::from(key.ethnicity) << 8
                | u32::from(key.religion) << 16
                | u32::from(key.reason & 0x0f) << 24
                | u32::from(flags & 0x0f) << 28;
            self.traits[slot].store(traits, Ordering::Relaxed);
        }
    }

    /// A person's rows, as kept.
    fn person(&self, p: usize) -> impl Iterator<Item = (RowKey, u8)> + '_ {
        let from = self.several.starts[p] as usize;
        let filled = self.filled[p].load(Ordering::Relaxed) as usize;
        let to = (self.several.starts[p + 1] as usize).min(from + filled);
        (from..to).map(|i| {
            let place = self.place[i].load(Ordering::Relaxed);
            let t = self.traits[i].load(Ordering::Relaxed);
            let key = RowKey {
                area: place as u32 & AREA_MASK,
                enterprise: (place >> 32) as u32,
                sex: t as u8,
                ethnicity: (t >> 8) as u8,
                religion: (t >> 16) as u8,
                age: ((place >> 28) & 0x0f) as u8,
                reason: ((t >> 24) & 0x0f) as u8,
            };
            (key, (t >> 28) as u8)
        })
    }
}

/// Makes per-group counters that have every row of the persons of `rows` count each
/// person once per group: each row is taken out, then each person is added once per
/// group it has a row in, with a flag (member at the end, at the start, recruited,
/// left) set when it holds for any of its rows there.
pub fn recount(rows: &Rows, g: &mut Grouper, counts: &mut Vec<Counts>) {
    let mut seen: Vec<(u32, u8)> = Vec::new();
    for p in 0..rows.several.keys.len() {
        seen.clear();
        for (key, flags) in rows.person(p) {
            let Some(gi) = g.of(&key) else { continue };
            if counts.len() <= gi as usize {
                counts.resize(gi as usize + 1, Counts::default());
            }
            counts[gi as usize].take_out(&Counts::one(flags));
            match seen.iter_mut().find(|(g, _)| *g == gi) {
                Some((_, f)) => *f |= flags,
                None => seen.push((gi, flags)),
            }
        }
        for &(gi, flags) in &seen {
            counts[gi as usize].merge(&Counts::one(flags));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk(keys: &[u64]) -> Keys {
        Keys::new(&mut keys.to_vec())
    }

    #[test]
    fn keys_read_back_in_order_across_top_bytes() {
        let mut keys = vec![
            u64::MAX,
            0,
            1 << 56,
            (1 << 56) - 1,
            0x0102_0304_0506_0708,
            5,
        ];
        let k = Keys::new(&mut keys.clone());
        assert_eq!(k.len(), 6);
        keys.sort_unstable();
        let back: Vec<u64> = Cursor {
            keys: &k,
            next: 0,
            top: 0,
        }
        .collect();
        assert_eq!(back, keys);
    }

    #[test]
    fn keys_in_several_chunks_or_twice_in_one_are_found_once() {
        let big = 0xAB00_0000_0000_0004;
        let chunks = [
            chunk(&[9, 1, 4, 9, big]),
            chunk(&[]),
            chunk(&[2, 4, 7, big]),
            chunk(&[4, 8, 10, u64::MAX]),
        ];
        // 4 is in three chunks, 9 twice in one, `big` in two; the rest once.
        let found = several(&chunks);
        assert_eq!(found.keys(), [4, 9, big]);
        assert_eq!(found.counts, [3, 2, 2]);
        assert_eq!(found.rows(), 7);
        let persons = Persons::new(found);
        assert_eq!(persons.starts, [0, 3, 5, 7]);
        for (i, k) in [4, 9, big].into_iter().enumerate() {
            assert_eq!(persons.find(k), Some(i));
        }
        assert_eq!(persons.find(5), None);
        assert_eq!(persons.find(u64::MAX), None);
        assert!(several(&[chunk(&[1, 2, 3])]).is_empty());
        assert!(several(&[]).is_empty());
        assert_eq!(several(&[]).rows(), 0);
    }

    #[test]
    fn a_person_with_hundreds_of_rows_keeps_their_count() {
        let mut keys = vec![7u64; 300];
        keys.extend([3, 3, 9]);
        let found = several(&[chunk(&keys)]);
        assert_eq!(found.keys(), [3, 7]);
        assert_eq!((found.count(0), found.count(1)), (2, 300));
        assert_eq!(found.rows(), 302);
        assert_eq!(Persons::new(found).starts, [0, 2, 302]);
    }

    #[test]
    fn rows_read_back_per_person_whatever_order_they_came_in() {
        let rows = Rows::new(several(&[chunk(&[7, 3, 7]), chunk(&[3, 5, 7])]));
        let key = |area, age| RowKey {
            area,
            enterprise: crate::metrics::counts::NO_ENTERPRISE,
            sex: 1,
            ethnicity: 54,
            religion: 255,
            age,
            reason: 7,
        };
        rows.keep(7, &key(10, 3), 1);
        rows.keep(5, &key(99, 0), 1); // one row only: not kept
        rows.keep(3, &key(11, 2), 8);
        rows.keep(7, &key(12, 15), 2);
        rows.keep(3, &key(13, 0), 1);
        rows.keep(7, &key(14, 1), 4);
        let back = |p| rows.person(p).collect::<Vec<_>>();
        assert_eq!(back(0), [(key(11, 2), 8), (key(13, 0), 1)]);
        assert_eq!(
            back(1),
            [(key(10, 3), 1), (key(12, 15), 2), (key(14, 1), 4)]
        );
    }
}
