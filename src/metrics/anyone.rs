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
//! person whose row only shares a fingerprint recounts to itself. This file is the
//! first pass's; the second pass's slots and the recount are `anyone_slots.rs`.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// A person key's fingerprint: its top half.
pub(super) fn fingerprint(key: u64) -> u32 {
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

    /// How many fingerprints.
    pub(super) fn len(&self) -> usize {
        self.keys.len()
    }

    /// The fingerprints, sorted.
    pub(super) fn into_keys(self) -> Vec<u32> {
        self.keys
    }

    /// How many rows the fingerprint of index `p` has.
    pub(super) fn count(&self, p: usize) -> u32 {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::anyone_slots::Prints;

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
}
