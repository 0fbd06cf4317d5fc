//! The keyed hashes of a chunk's rows (person, name and member keys), gathered while the
//! rows are parsed and hashed together at the end of the chunk.

use super::Parsed;
use crate::store::privacy::Secret;

/// Which key of a member a pending hash is.
#[derive(Clone, Copy)]
pub(super) enum Slot {
    /// The person key (and the name key, for a member without a national ID).
    Person,
    Member,
}

/// The keyed hashes a chunk's rows need, hashed together once the chunk is read:
/// several at a time are about twice as fast as one after the other
/// ([`Secret::keys_of`]).
pub struct Keys<'a> {
    secret: &'a Secret,
    /// The row being read.
    row: u32,
    pending: Vec<(u32, Slot)>,
    blocks: Vec<[u8; 64]>,
    hashed: Vec<crate::roll::Key>,
}

impl<'a> Keys<'a> {
    pub fn new(secret: &'a Secret) -> Keys<'a> {
        Keys {
            secret,
            row: 0,
            pending: Vec::new(),
            blocks: Vec::new(),
            hashed: Vec::new(),
        }
    }

    /// The row whose keys come next (its place in the chunk).
    pub(super) fn start_row(&mut self, index: usize) {
        self.row = index as u32;
    }

    /// The key of a message that does not fit one block (hashed now), or a
    /// placeholder that [`Keys::finish`] fills.
    pub(super) fn key(&mut self, slot: Slot, domain: &str, parts: &[&str]) -> crate::roll::Key {
        match crate::store::privacy::message_block(domain, parts) {
            Some(block) => {
                self.pending.push((self.row, slot));
                self.blocks.push(block);
                [0; crate::roll::KEY_BYTES]
            }
            None => self.secret.key(domain, parts),
        }
    }

    /// Hashes what the rows left pending and puts each key in its member.
    pub fn finish(&mut self, parsed: &mut [Parsed]) {
        self.hashed.clear();
        self.hashed
            .resize(self.blocks.len(), [0; crate::roll::KEY_BYTES]);
        self.secret.keys_of(&self.blocks, &mut self.hashed);
        for (&(row, slot), key) in self.pending.iter().zip(&self.hashed) {
            let Some(Ok(m)) = parsed.get_mut(row as usize).map(|p| &mut p.member) else {
                continue;
            };
            match slot {
                Slot::Person => {
                    m.person = *key;
                    if m.name_key.is_some() {
                        m.name_key = Some(*key);
                    }
                }
                Slot::Member => m.member_key = Some(*key),
            }
        }
        self.pending.clear();
        self.blocks.clear();
    }
}
