//! The duplicate check: who a snapshot already holds, by identity key, and where each
//! was first seen.
//!
//! Every identity key of a row (national ID, member ID, or name + birth + area) goes in
//! one open-addressing table as a 64-bit prefix of its keyed hash, with the file and
//! line it came from in one 12-byte slot (one cache line touched a look-up; the file
//! only once a snapshot has a second), at most 80% full, sized once from the file's
//! expected rows. The prefixes are HMAC output, uniform already and not choosable
//! without the store's secret, so they index the table directly. Keys of different
//! kinds cannot meet: each kind is hashed under its own domain tag. The table lives
//! while a file of its snapshot is read; a later file of the same snapshot in the same
//! command reloads it from the parts already written.

use crate::lang::rows;
use crate::roll::{Key, Member};
use crate::store::rolls::Identities;
use crate::t;

/// Who a snapshot already holds.
#[derive(Default)]
pub(super) struct Seen {
    table: Fingerprints,
    files: Vec<String>,
    /// The file name last asked for (its address and length) and its index.
    last_file: Option<(usize, usize, usize)>,
}

/// Where a person was first seen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Origin {
    /// Index into the snapshot's file names.
    file: u8,
    /// The line; [`STORED`] for a row already in the store, [`EARLIER`] for one of a
    /// part written earlier in this command (parts keep no lines).
    line: u32,
}

/// Keys reserved at most up front: 32M keys, about 540 MB of table. Larger snapshots
/// grow the table as they fill.
const MAX_RESERVED_KEYS: usize = 32 << 20;

const STORED: u32 = 0;
const EARLIER: u32 = u32::MAX;

/// Fingerprint → origin, open addressing with linear probing. 0 marks an empty slot
/// (a fingerprint of 0 is stored as 1).
#[derive(Default)]
struct Fingerprints {
    slots: Vec<Slot>,
    /// The file of each slot, made only when a second file of the snapshot is read:
    /// most snapshots are one file, and their look-ups then touch one slot only.
    files: Vec<u8>,
    len: usize,
}

/// A fingerprint and its line, side by side in memory: 12 bytes (the key as two
/// halves, so that a slot is aligned to 4 bytes, not 8). A plain array, so that a
/// table of them is allocated zeroed: fresh pages, never written slot by slot.
type Slot = [u32; 3];

fn new_slot(fp: u64, line: u32) -> Slot {
    [fp as u32, (fp >> 32) as u32, line]
}

trait SlotParts {
    fn key(&self) -> u64;
    fn line(&self) -> u32;
}

impl SlotParts for Slot {
    fn key(&self) -> u64 {
        u64::from(self[0]) | u64::from(self[1]) << 32
    }

    fn line(&self) -> u32 {
        self[2]
    }
}

/// `n` empty slots. On Linux the table asks for huge pages first: a snapshot's table
/// is tens of megabytes read at random, and with 4 KiB pages nearly every look-up
/// also missed the address translation cache.
fn slot_table(n: usize) -> Vec<Slot> {
    let v: Vec<Slot> = vec![[0; 3]; n];
    #[cfg(target_os = "linux")]
    {
        // The advice is for whole pages: the huge pages inside the allocation.
        const HUGE: usize = 2 << 20;
        let start = v.as_ptr() as usize;
        let end = start + n * std::mem::size_of::<Slot>();
        let first = start.next_multiple_of(HUGE);
        if end > first + HUGE {
            let len = (end - first) / HUGE * HUGE;
            // SAFETY: the range lies inside the vector's own allocation (zeroed pages
            // not yet touched); the advice changes only how its pages are backed, never
            // their contents, and a refusal (an old kernel) changes nothing.
            unsafe {
                libc::madvise(first as *mut libc::c_void, len, libc::MADV_HUGEPAGE);
            }
        }
    }
    v
}

impl Fingerprints {
    fn with_capacity(entries: usize) -> Fingerprints {
        let slots = (entries + entries / 4).max(64);
        Fingerprints {
            slots: slot_table(slots),
            files: Vec::new(),
            len: 0,
        }
    }

    /// Where the probe for `fp` starts (`slots` is not empty). Multiply-shift maps
    /// the uniform prefix onto 0..n without a power of two.
    fn home(&self, fp: u64) -> usize {
        ((u128::from(fp) * self.slots.len() as u128) >> 64) as usize
    }

    /// The slot holding `fp`, or the empty slot where it would go.
    fn slot(&self, fp: u64) -> usize {
        let n = self.slots.len();
        let mut i = self.home(fp);
        loop {
            let k = self.slots[i].key();
            if k == fp || k == 0 {
                return i;
            }
            i += 1;
            if i == n {
                i = 0;
            }
        }
    }

    fn file(&self, i: usize) -> u8 {
        self.files.get(i).copied().unwrap_or(0)
    }

    fn get(&self, fp: u64) -> Option<Origin> {
        if self.slots.is_empty() {
            return None;
        }
        let i = self.slot(fp.max(1));
        let s = self.slots[i];
        (s.key() != 0).then(|| Origin {
            file: self.file(i),
            line: s.line(),
        })
    }

    /// Records `fp` unless it is there already.
    fn insert(&mut self, fp: u64, origin: Origin) {
        if (self.len + 1) * 5 > self.slots.len() * 4 {
            self.grow();
        }
        let fp = fp.max(1);
        let i = self.slot(fp);
        if self.slots[i].key() == 0 {
            self.slots[i] = new_slot(fp, origin.line);
            if origin.file != 0 && self.files.is_empty() {
                self.files = vec![0; self.slots.len()];
            }
            if let Some(f) = self.files.get_mut(i) {
                *f = origin.file;
            }
            self.len += 1;
        }
    }

    /// Twice the room: only when more rows came than the file's size suggested.
    fn grow(&mut self) {
        let old = std::mem::take(self);
        *self = Fingerprints::with_capacity(old.slots.len().max(64) * 2);
        for (i, s) in old.slots.iter().enumerate() {
            if s.key() != 0 {
                let origin = Origin {
                    file: old.file(i),
                    line: s.line(),
                };
                self.insert(s.key(), origin);
            }
        }
    }
}

/// The keys a member is checked by: national ID, member ID, and name + birth + area
/// when there is no national ID.
/// The keys a member is looked up by: national ID, member ID, name + birth + area.
pub(super) type Keys = [Option<u64>; 3];

pub(super) fn identity_keys(m: &Member) -> Keys {
    [
        m.has_national_id.then(|| short(&m.person)),
        m.member_key.as_ref().map(short),
        (!m.has_national_id)
            .then(|| m.name_key.as_ref().map(short))
            .flatten(),
    ]
}

fn short(k: &Key) -> u64 {
    u64::from_le_bytes([k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7]])
}

/// Which identity two rows share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Same {
    NationalId,
    MemberId,
    NameBirthArea,
}

impl Same {
    pub(super) fn describe(self) -> crate::lang::Text {
        match self {
            Same::NationalId => t!(rows::NATIONAL_ID),
            Same::MemberId => t!(rows::MEMBER_ID),
            Same::NameBirthArea => t!(rows::NAME_BIRTH_DATE_AREA),
        }
    }
}

impl Seen {
    /// A check sized for `keys` identity keys (it grows past that if it must). The
    /// size is a guess from the file's bytes, so it is capped: a file whose first rows
    /// are unusually short must not reserve gigabytes before a row is read.
    /// Room for `keys` (a guess from the file's size) and an eighth more: a guess a
    /// little short would otherwise double the table near the end of the file, the
    /// old and the new table both held while it moves.
    pub(super) fn with_capacity(keys: usize) -> Seen {
        let keys = keys.saturating_add(keys / 8);
        Seen {
            table: Fingerprints::with_capacity(keys.min(MAX_RESERVED_KEYS)),
            files: Vec::new(),
            last_file: None,
        }
    }

    /// The origin of rows of `file` at `line`. The file being read is the last one
    /// added, so a lookup costs one comparison.
    pub(super) fn origin(&mut self, file: &str, line: u64) -> Origin {
        // Rows come file by file, each naming its file by the same string: its
        // address tells it again without comparing the names.
        let known = self
            .last_file
            .filter(|&(ptr, len, _)| ptr == file.as_ptr() as usize && len == file.len());
        let at = match known {
            Some((_, _, i)) => i,
            None => {
                let i = match self.files.iter().rposition(|f| f == file) {
                    Some(i) => i,
                    None => {
                        self.files.push(file.to_string());
                        self.files.len() - 1
                    }
                };
                self.last_file = Some((file.as_ptr() as usize, file.len(), i));
                i
            }
        };
        Origin {
            // A snapshot is rarely read from more than a few files in one command;
            // past 255 the earliest file is named for the rest.
            file: u8::try_from(at).unwrap_or(u8::MAX),
            line: u32::try_from(line).unwrap_or(EARLIER - 1),
        }
    }

    /// Where an earlier row was seen, for a message.
    /// The file of an earlier ingest a row was stored from, when the origin is one.
    pub(super) fn stored_file(&self, o: Origin) -> Option<&str> {
        (o.line == STORED)
            .then(|| self.files.get(o.file as usize).map(String::as_str))
            .flatten()
    }

    pub(super) fn describe(&self, o: Origin) -> crate::lang::Text {
        let file = self
            .files
            .get(o.file as usize)
            .map(String::as_str)
            .unwrap_or("?");
        match o.line {
            STORED => t!(rows::ROW_STORED_FROM, file),
            EARLIER => t!(rows::ROW_READ_EARLIER, file),
            line => format!("{file}:{line}").into(),
        }
    }

    /// Asks for the home slot of each key [`Seen::check_and_insert`] will look up to
    /// be brought into the cache (the result is the same either way): the table is far
    /// larger than the cache, and waiting for each slot in turn was most of the
    /// duplicate check's time.
    pub(super) fn prefetch(&self, keys: &Keys) {
        let t = &self.table;
        if t.slots.is_empty() {
            return;
        }
        for k in keys.iter().flatten() {
            crate::cache::prefetch_value(&t.slots[t.home((*k).max(1))]);
        }
    }

    /// The earlier row this member repeats, if any; otherwise records the member.
    pub(super) fn check_and_insert(
        &mut self,
        m: &Member,
        origin: Origin,
    ) -> Option<(Origin, Same)> {
        let [nid, mid, name] = identity_keys(m);
        let t = &mut self.table;
        if let Some(o) = nid.and_then(|k| t.get(k)) {
            return Some((o, Same::NationalId));
        }
        if let Some(o) = mid.and_then(|k| t.get(k)) {
            return Some((o, Same::MemberId));
        }
        if let Some(o) = name.and_then(|k| t.get(k)) {
            return Some((o, Same::NameBirthArea));
        }
        for k in [nid, mid, name].into_iter().flatten() {
            t.insert(k, origin);
        }
        None
    }

    /// Records the persons of a part already written: stored, or (`earlier`) staged
    /// by an earlier file of this command.
    pub(super) fn load(&mut self, file: &str, ids: &Identities, earlier: bool) {
        let mut origin = self.origin(file, 0);
        if earlier {
            origin.line = EARLIER;
        }
        for i in 0..ids.person.len() {
            if ids.has_national_id[i] {
                self.table.insert(short(&ids.person[i]), origin);
            } else if let Some(k) = &ids.name_key[i] {
                self.table.insert(short(k), origin);
            }
            if let Some(k) = &ids.member_key[i] {
                self.table.insert(short(k), origin);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::org::Org;

    fn member(person: u8, nid: bool, member_key: Option<u8>) -> Member {
        Member {
            org: Org::Youth,
            as_of: chrono::NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
            person: [person; 16],
            has_national_id: nid,
            member_key: member_key.map(|k| [k; 16]),
            name_key: (!nid).then_some([person; 16]),
            sex: None,
            birth: None,
            ethnicity: None,
            religion: None,
            area_code: "01".into(),
            area_from: None,
            enterprise_id: None,
            joined_on: None,
            left_on: None,
            active: true,
            left_reason: None,
        }
    }

    #[test]
    fn the_table_grows_past_its_size_and_finds_every_key() {
        let mut t = Fingerprints::with_capacity(10);
        // Spread like HMAC output; 0 and 1 both present (0 is stored as 1).
        let fps: Vec<u64> = (0..20_000u64)
            .map(|i| i.wrapping_mul(0x9E37_79B9_7F4A_7C15))
            .collect();
        for (i, fp) in fps.iter().enumerate() {
            t.insert(
                *fp,
                Origin {
                    file: (i % 3) as u8,
                    line: i as u32 + 2,
                },
            );
        }
        assert_eq!(t.len, fps.len());
        assert!(t.len * 5 <= t.slots.len() * 4, "at most 80% full");
        for (i, fp) in fps.iter().enumerate() {
            assert_eq!(
                t.get(*fp),
                Some(Origin {
                    file: (i % 3) as u8,
                    line: i as u32 + 2
                }),
                "{i}"
            );
        }
        // Inserting again keeps the first origin.
        t.insert(fps[5], Origin { file: 9, line: 99 });
        assert_eq!(t.get(fps[5]).map(|o| o.line), Some(7));
        assert_eq!(t.len, fps.len());
        assert_eq!(t.get(0x1234_5678_9ABC_DEF1), None);
        assert_eq!(Fingerprints::default().get(5), None);
    }

    #[test]
    fn the_file_of_a_slot_is_kept_once_a_second_file_comes() {
        let mut t = Fingerprints::with_capacity(100);
        let at = |file, line| Origin { file, line };
        t.insert(7, at(0, 3));
        assert!(t.files.is_empty(), "one file: no file per slot");
        t.insert(9, at(1, 4));
        t.insert(u64::MAX, at(2, 5));
        assert_eq!(t.get(7), Some(at(0, 3)));
        assert_eq!(t.get(9), Some(at(1, 4)));
        assert_eq!(t.get(u64::MAX), Some(at(2, 5)));
        for _ in 0..2 {
            t.grow();
        }
        assert_eq!(t.get(9), Some(at(1, 4)));
        assert_eq!(t.get(u64::MAX), Some(at(2, 5)));
        assert_eq!(t.get(8), None);
        assert_eq!(std::mem::size_of::<Slot>(), 12);
    }

    #[test]
    fn a_wild_size_guess_reserves_no_more_than_the_cap() {
        let s = Seen::with_capacity(usize::MAX / 64);
        let slots = MAX_RESERVED_KEYS + MAX_RESERVED_KEYS / 4;
        assert_eq!(s.table.slots.len(), slots);
        assert_eq!(Seen::with_capacity(10).table.slots.len(), 64);
    }

    #[test]
    fn each_identity_finds_its_first_row() {
        let mut s = Seen::default();
        let at = |s: &mut Seen, line| s.origin("a.csv", line);
        let o2 = at(&mut s, 2);
        assert_eq!(s.check_and_insert(&member(1, true, Some(9)), o2), None);
        let o3 = at(&mut s, 3);
        assert_eq!(
            s.check_and_insert(&member(1, true, None), o3),
            Some((o2, Same::NationalId))
        );
        assert_eq!(
            s.check_and_insert(&member(2, true, Some(9)), o3),
            Some((o2, Same::MemberId))
        );
        let o4 = at(&mut s, 4);
        assert_eq!(s.check_and_insert(&member(5, false, None), o4), None);
        let o5 = at(&mut s, 5);
        assert_eq!(
            s.check_and_insert(&member(5, false, None), o5),
            Some((o4, Same::NameBirthArea))
        );
        // A person with a national ID brings no name key: another person of the same
        // name, birth and area is not a duplicate then.
        let mut m = member(6, true, None);
        m.name_key = Some([5; 16]);
        assert_eq!(s.check_and_insert(&m, o5), None);
        assert_eq!(s.describe(o4).en(), "a.csv:4");
        let stored = s.origin("b.csv", 0);
        assert_eq!(s.describe(stored).en(), "a row already stored from b.csv");
        let earlier = Origin {
            line: EARLIER,
            ..stored
        };
        assert_eq!(
            s.describe(earlier).en(),
            "a row of b.csv, read earlier in this command"
        );
    }
}
