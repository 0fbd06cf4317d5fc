//! The per-store secret and the keyed person hash: the store never holds a name or an
//! ID number, only HMAC-SHA256 keys that cannot be reversed without the secret.

use anyhow::Result;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::fs;
use std::io::Write;
use std::path::Path;

use super::fsutil;
use crate::{lang, t};

pub use crate::roll::{Key, KEY_BYTES};

#[derive(Clone)]
pub struct Secret {
    mac: Hmac<Sha256>,
    /// SHA-256's state after the key's inner pad, and after its outer pad: the HMAC of
    /// a value that fits one block is then two compressions, taken directly (the
    /// general HMAC copied and buffered its state for every row: a tenth of its time).
    inner: [u32; 8],
    outer: [u32; 8],
}

use super::lanes::{self, H0};
use crate::error::Explain;

/// The state after one block: the key (32 bytes, so never hashed first) XOR `pad`.
fn padded_state(key: &[u8], pad: u8) -> [u32; 8] {
    let mut block = [pad; 64];
    for (b, k) in block.iter_mut().zip(key) {
        *b ^= k;
    }
    let mut state = H0;
    lanes::one(&mut state, &block);
    state
}

/// The last block of a message of `len` bytes after one block already hashed: the
/// bytes in `block[..len]`, then SHA-256's padding.
fn pad_last(block: &mut [u8; 64], len: usize) {
    block[len] = 0x80;
    let bits = (64 + len as u64) * 8;
    block[56..].copy_from_slice(&bits.to_be_bytes());
}

/// A key's message (a domain tag and parts, each after a 0 byte) as the one block
/// that follows the key's inner pad, padded; `None` when it does not fit one block
/// (55 bytes at most).
pub fn message_block(domain: &str, parts: &[&str]) -> Option<[u8; 64]> {
    let len = domain.len() + parts.iter().map(|p| p.len() + 1).sum::<usize>();
    if len > 55 {
        return None;
    }
    let mut block = [0u8; 64];
    block[..domain.len()].copy_from_slice(domain.as_bytes());
    let mut at = domain.len();
    for p in parts {
        at += 1;
        block[at..at + p.len()].copy_from_slice(p.as_bytes());
        at += p.len();
    }
    pad_last(&mut block, len);
    Some(block)
}

/// How many keys are hashed at once: on Zen 4, four compressions interleaved take
/// about the time of two one after the other.
const LANES: usize = 4;

impl Secret {
    /// Reads the secret, creating it (32 random bytes, mode 0600) at first use.
    pub fn load_or_create(path: &Path) -> Result<Secret> {
        let bytes = match fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let mut b = vec![0u8; 32];
                getrandom::fill(&mut b).map_err(|e| {
                    anyhow::Error::new(t!(lang::store::CANNOT_GET_RANDOM, e.to_string()))
                })?;
                let mut f = fsutil::create_private(path)?;
                f.write_all(&b)?;
                f.sync_all()?;
                b
            }
            Err(e) => {
                return Err(e)
                    .explain(|| t!(lang::store::CANNOT_READ_SECRET, path.display().to_string()))
            }
        };
        Self::from_bytes(&bytes)
            .explain(|| t!(lang::store::SECRET_DAMAGED, path.display().to_string()))
    }

    /// The secret of 32 bytes; why not, as a text (said in the reader's language).
    pub fn from_bytes(bytes: &[u8]) -> std::result::Result<Secret, crate::lang::Text> {
        if bytes.len() != 32 {
            return Err(crate::t!(crate::lang::store::SECRET_LENGTH, bytes.len()));
        }
        let mac = Hmac::<Sha256>::new_from_slice(bytes)
            .map_err(|e| crate::lang::Text::from(e.to_string()))?;
        Ok(Secret {
            mac,
            inner: padded_state(bytes, 0x36),
            outer: padded_state(bytes, 0x5c),
        })
    }

    /// What the manifest records to recognize this secret.
    pub fn check_value(&self) -> String {
        hex::encode(self.key("check", &["tally store secret"]))
    }

    /// HMAC of a domain tag and parts (each after a 0 byte), truncated to 16 bytes.
    pub fn key(&self, domain: &str, parts: &[&str]) -> Key {
        match message_block(domain, parts) {
            Some(block) => {
                let mut out = [[0u8; KEY_BYTES]];
                self.keys_of(&[block], &mut out);
                out[0]
            }
            None => self.key_general(domain, parts),
        }
    }

    /// The keys of messages given as their blocks ([`message_block`]): `out[i]` is
    /// the key of `blocks[i]`. Hashed [`LANES`] at a time.
    pub fn keys_of(&self, blocks: &[[u8; 64]], out: &mut [Key]) {
        let mut blocks = blocks.chunks_exact(LANES);
        let mut keys = out.chunks_exact_mut(LANES);
        for (group, keys) in (&mut blocks).zip(&mut keys) {
            let mut states = [self.inner; LANES];
            lanes::compress(&mut states, std::array::from_fn(|l| &group[l]));
            let outer: [[u8; 64]; LANES] = std::array::from_fn(|l| outer_block(&states[l]));
            let mut states = [self.outer; LANES];
            lanes::compress(&mut states, std::array::from_fn(|l| &outer[l]));
            for (key, state) in keys.iter_mut().zip(&states) {
                *key = truncated(state);
            }
        }
        for (block, key) in blocks.remainder().iter().zip(keys.into_remainder()) {
            let mut state = self.inner;
            lanes::one(&mut state, block);
            let mut state2 = self.outer;
            lanes::one(&mut state2, &outer_block(&state));
            *key = truncated(&state2);
        }
    }

    /// [`Secret::key`] through the general HMAC, for a message longer than a block.
    fn key_general(&self, domain: &str, parts: &[&str]) -> Key {
        let mut mac = self.mac.clone();
        mac.update(domain.as_bytes());
        for p in parts {
            mac.update(&[0]);
            mac.update(p.as_bytes());
        }
        let full = mac.finalize().into_bytes();
        let mut out = [0u8; KEY_BYTES];
        out.copy_from_slice(&full[..KEY_BYTES]);
        out
    }
}

/// The outer hash's last block: the inner digest, then SHA-256's padding.
fn outer_block(inner: &[u32; 8]) -> [u8; 64] {
    let mut block = [0u8; 64];
    for (i, w) in inner.iter().enumerate() {
        block[4 * i..4 * i + 4].copy_from_slice(&w.to_be_bytes());
    }
    pad_last(&mut block, 32);
    block
}

/// The key: the first 16 bytes of the digest.
fn truncated(state: &[u32; 8]) -> Key {
    let mut out = [0u8; KEY_BYTES];
    for (i, w) in state.iter().take(KEY_BYTES / 4).enumerate() {
        out[4 * i..4 * i + 4].copy_from_slice(&w.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_two_compressions_are_the_hmac() {
        // Messages of every length around the one-block limit, under several secrets.
        for seed in 0..4u8 {
            let secret: Vec<u8> = (0..32u8).map(|i| i.wrapping_mul(37) ^ seed).collect();
            let s = Secret::from_bytes(&secret).unwrap();
            for n in 0..70 {
                let text: String = (0..n).map(|i| char::from(b'0' + (i % 10) as u8)).collect();
                let (a, b) = text.split_at(n / 3);
                for (domain, parts) in [("nid", vec![text.as_str()]), ("name", vec![a, b, ""])] {
                    assert_eq!(
                        s.key(domain, &parts),
                        s.key_general(domain, &parts),
                        "{domain} {parts:?}"
                    );
                }
            }
        }
        // And values computed outside tally (Python's hmac module, HMAC-SHA256, first
        // 16 bytes): the keys of every store ever written depend on them.
        let s = Secret::from_bytes(&[7u8; 32]).unwrap();
        assert_eq!(
            hex::encode(s.key("nid", &["001090123456"])),
            "8d020cf4a3f4e37dad24e92ba3276531"
        );
        assert_eq!(
            hex::encode(s.key("name", &["nguyen van a", "1990", "02647"])),
            "6714e0dc2c796362d4da0c4275bf7706"
        );
    }

    #[test]
    fn keys_hashed_together_are_the_keys_hashed_alone() {
        let s = Secret::from_bytes(&[3u8; 32]).unwrap();
        let texts: Vec<String> = (0..11).map(|i| format!("00109{i:07}")).collect();
        let blocks: Vec<[u8; 64]> = texts
            .iter()
            .map(|t| message_block("nid", &[t]).unwrap())
            .collect();
        // Fewer than a group of lanes, whole groups, and groups with some left over.
        for n in 0..=blocks.len() {
            let mut out = vec![[0u8; KEY_BYTES]; n];
            s.keys_of(&blocks[..n], &mut out);
            for (t, k) in texts.iter().zip(&out) {
                assert_eq!(*k, s.key_general("nid", &[t]), "{n} keys");
            }
        }
        assert!(message_block("name", &[&"x".repeat(50)]).is_some());
        assert!(message_block("name", &[&"x".repeat(51)]).is_none());
    }

    #[test]
    fn keys_are_stable_keyed_and_domain_separated() {
        let a = Secret::from_bytes(&[7u8; 32]).unwrap();
        let b = Secret::from_bytes(&[8u8; 32]).unwrap();
        assert_eq!(
            a.key("nid", &["001090123456"]),
            a.key("nid", &["001090123456"])
        );
        assert_ne!(
            a.key("nid", &["001090123456"]),
            b.key("nid", &["001090123456"])
        );
        assert_ne!(a.key("nid", &["1"]), a.key("mid", &["1"]));
        assert_ne!(a.key("x", &["ab", "c"]), a.key("x", &["a", "bc"]));
        assert!(Secret::from_bytes(&[1u8; 5]).is_err());
    }
}
