//! The duplicate check: who a snapshot already holds, by identity key, and where each
//! was first seen.
//!
//! An entry is a 64-bit prefix of the keyed hash with its file and line, 16 bytes in a
//! table indexed by the prefix itself (the prefixes are HMAC output, already uniform,
//! and nobody without the store's secret can choose them). The table lives only while
//! a file of its snapshot is read: a later file of the same snapshot in the same
//! command reloads it from the parts already written.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::roll::{Key, Member};
use crate::store::rolls::Identities;

/// Who a snapshot already holds.
#[derive(Default)]
pub struct Seen {
    national_id: Table,
    member: Table,
    name: Table,
    files: Vec<String>,
}

type Table = HashMap<u64, Origin, BuildHasherDefault<Prefix>>;

/// Where a person was first seen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Origin {
    /// Index into the snapshot's file names.
    file: u32,
    /// The line; [`STORED`] for a row already in the store, [`EARLIER`] for one of a
    /// part written earlier in this command (parts keep no lines).
    line: u32,
}

const STORED: u32 = 0;
const EARLIER: u32 = u32::MAX;

/// Hashes a key prefix as itself: it is a keyed hash already.
#[derive(Default)]
pub struct Prefix(u64);

impl Hasher for Prefix {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only u64 keys are hashed here; anything else is folded in byte by byte.
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

fn short(k: &Key) -> u64 {
    u64::from_le_bytes([k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7]])
}

/// Which identity two rows share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Same {
    NationalId,
    MemberId,
    NameBirthArea,
}

impl Same {
    pub fn describe(self) -> &'static str {
        match self {
            Same::NationalId => "national ID",
            Same::MemberId => "member ID",
            Same::NameBirthArea => "name, birth date and area",
        }
    }
}

impl Seen {
    /// The origin of rows of `file` at `line`. The file being read is the last one
    /// added, so a lookup costs one comparison.
    pub fn origin(&mut self, file: &str, line: u64) -> Origin {
        let at = match self.files.iter().rposition(|f| f == file) {
            Some(i) => i,
            None => {
                self.files.push(file.to_string());
                self.files.len() - 1
            }
        };
        Origin {
            file: at as u32,
            line: u32::try_from(line).unwrap_or(EARLIER - 1),
        }
    }

    /// Where an earlier row was seen, for a message.
    pub fn describe(&self, o: Origin) -> String {
        let file = self
            .files
            .get(o.file as usize)
            .map(String::as_str)
            .unwrap_or("?");
        match o.line {
            STORED => format!("a row already stored from {file}"),
            EARLIER => format!("a row of {file}, read earlier in this command"),
            line => format!("{file}:{line}"),
        }
    }

    /// The earlier row this member repeats, if any; otherwise records the member.
    pub fn check_and_insert(&mut self, m: &Member, origin: Origin) -> Option<(Origin, Same)> {
        let nid = m.has_national_id.then(|| short(&m.person));
        let mid = m.member_key.as_ref().map(short);
        let name = (!m.has_national_id)
            .then(|| m.name_key.as_ref().map(short))
            .flatten();
        if let Some(o) = nid.and_then(|k| self.national_id.get(&k)) {
            return Some((*o, Same::NationalId));
        }
        if let Some(o) = mid.and_then(|k| self.member.get(&k)) {
            return Some((*o, Same::MemberId));
        }
        if let Some(o) = name.and_then(|k| self.name.get(&k)) {
            return Some((*o, Same::NameBirthArea));
        }
        if let Some(k) = nid {
            self.national_id.insert(k, origin);
        }
        if let Some(k) = mid {
            self.member.insert(k, origin);
        }
        if let Some(k) = name {
            self.name.insert(k, origin);
        }
        None
    }

    /// Records the persons of a part already written: stored, or (`earlier`) staged
    /// by an earlier file of this command.
    pub fn load(&mut self, file: &str, ids: &Identities, earlier: bool) {
        let mut origin = self.origin(file, 0);
        if earlier {
            origin.line = EARLIER;
        }
        self.national_id.reserve(ids.person.len());
        for i in 0..ids.person.len() {
            if ids.has_national_id[i] {
                self.national_id.insert(short(&ids.person[i]), origin);
            } else if let Some(k) = &ids.name_key[i] {
                self.name.insert(short(k), origin);
            }
            if let Some(k) = &ids.member_key[i] {
                self.member.insert(short(k), origin);
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
            enterprise_id: None,
            joined_on: None,
            left_on: None,
            active: true,
        }
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
        // A person with a national ID is not matched by a name key equal to its
        // person key (name keys count only where there is no ID).
        assert_eq!(s.check_and_insert(&member(5, true, None), o5), None);
        assert_eq!(s.describe(o4), "a.csv:4");
        let stored = s.origin("b.csv", 0);
        assert_eq!(s.describe(stored), "a row already stored from b.csv");
        let earlier = Origin {
            line: EARLIER,
            ..stored
        };
        assert_eq!(
            s.describe(earlier),
            "a row of b.csv, read earlier in this command"
        );
    }
}
