//! Org `any`: persons counted once across organizations, in 8 bytes a member row.
//!
//! Every member row is in its own organization's counters already. A person with one
//! row in all the snapshots read counts there exactly once, as in a distinct count, so
//! only persons with several rows need more: the first pass keeps each row's 64-bit
//! person key (sorted per batch, in 7 bytes: [`Keys`]), [`several`] merges them to find
//! who has several, and
//! a second pass keeps just those persons' rows. Their rows are then taken out of the
//! counters one by one and counted once per group instead ([`recount`]).

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::counts::{AnyRow, Counts};
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

/// The person keys that occur more than once in `chunks`, sorted and each once. A
/// k-way merge: nothing is copied but the answer.
pub fn several(chunks: &[Keys]) -> Vec<u64> {
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
    let mut out = Vec::new();
    let mut last: Option<(u64, bool)> = None;
    while let Some(Reverse((key, c))) = heap.pop() {
        match last {
            Some((k, pushed)) if k == key => {
                if !pushed {
                    out.push(key);
                    last = Some((key, true));
                }
            }
            _ => last = Some((key, false)),
        }
        if let Some(k) = cursors[c].next() {
            heap.push(Reverse((k, c)));
        }
    }
    out.shrink_to_fit();
    out
}

/// Makes per-group counters that have every row of `rows` (persons with several rows,
/// sorted by person) count each person once per group: each row is taken out, then each
/// person is added once per group it has a row in, with a flag (member at the end, at
/// the start, recruited, left) set when it holds for any of its rows there.
pub fn recount(rows: &[AnyRow], g: &mut Grouper, counts: &mut Vec<Counts>) {
    let mut seen: Vec<(u32, u8)> = Vec::new();
    for person in rows.chunk_by(|a, b| a.person == b.person) {
        seen.clear();
        for r in person {
            let Some(gi) = g.of(&r.key) else { continue };
            if counts.len() <= gi as usize {
                counts.resize(gi as usize + 1, Counts::default());
            }
            counts[gi as usize].take_out(&Counts::one(r.flags));
            match seen.iter_mut().find(|(g, _)| *g == gi) {
                Some((_, f)) => *f |= r.flags,
                None => seen.push((gi, r.flags)),
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
        assert_eq!(several(&chunks), [4, 9, big]);
        assert!(several(&[chunk(&[1, 2, 3])]).is_empty());
        assert!(several(&[]).is_empty());
    }
}
