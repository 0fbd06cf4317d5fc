//! The per-store secret and the keyed person hash: the store never holds a name or an
//! ID number, only HMAC-SHA256 keys that cannot be reversed without the secret.

use anyhow::{Context, Result};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::fs;
use std::io::Write;
use std::path::Path;

use super::fsutil;

pub use crate::roll::{Key, KEY_BYTES};

#[derive(Clone)]
pub struct Secret {
    mac: Hmac<Sha256>,
}

impl Secret {
    /// Reads the secret, creating it (32 random bytes, mode 0600) at first use.
    pub fn load_or_create(path: &Path) -> Result<Secret> {
        let bytes = match fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let mut b = vec![0u8; 32];
                getrandom::fill(&mut b)
                    .map_err(|e| anyhow::anyhow!("cannot get random bytes: {e}"))?;
                let mut f = fsutil::create_private(path)?;
                f.write_all(&b)?;
                f.sync_all()?;
                b
            }
            Err(e) => {
                return Err(e)
                    .with_context(|| format!("cannot read the store secret {}", path.display()))
            }
        };
        Self::from_bytes(&bytes)
            .with_context(|| format!("the store secret {} is damaged", path.display()))
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Secret> {
        anyhow::ensure!(bytes.len() == 32, "it has {} bytes, not 32", bytes.len());
        let mac = Hmac::<Sha256>::new_from_slice(bytes).map_err(|e| anyhow::anyhow!("{e}"))?;
        Ok(Secret { mac })
    }

    /// What the manifest records to recognize this secret.
    pub fn check_value(&self) -> String {
        hex::encode(self.key("check", &["tally store secret"]))
    }

    /// HMAC of a domain tag and parts, truncated to 16 bytes.
    pub fn key(&self, domain: &str, parts: &[&str]) -> Key {
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

#[cfg(test)]
mod tests {
    use super::*;

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
