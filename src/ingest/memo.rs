//! Look-ups remembered by raw cell, per parsing thread: the few distinct values of a
//! column (ethnicity, religion, status, organization, commune name) are normalized and
//! matched once, not once per row.

use crate::org::Org;

/// Memos of look-ups by raw cell. Ethnicity, religion, status and commune names take
/// few distinct values; normalizing and matching each cell again was a third of the
/// ingest time.
#[derive(Default)]
pub struct Lookups {
    pub ethnicity: Memo<Option<&'static str>>,
    pub religion: Memo<Option<&'static str>>,
    pub status: Memo<Option<bool>>,
    pub org: Memo<Option<Org>>,
    pub area_names: Memo<NameHit>,
}

/// What a commune name resolved to, without the row it came from.
#[derive(Clone)]
pub enum NameHit {
    Found(String),
    Ambiguous(String),
    /// Units of that name with another type, listed.
    OtherType(String),
    /// The district qualifier, which the areas do not have.
    District(String),
    Missing,
}

/// Distinct raw values remembered per column, so hostile input cannot grow it unbounded.
const LOOKUPS_KEPT: usize = 4096;

pub struct Memo<V>(std::cell::RefCell<rustc_hash::FxHashMap<String, V>>);

impl<V> Default for Memo<V> {
    fn default() -> Self {
        Memo(Default::default())
    }
}

impl<V: Clone> Memo<V> {
    /// The value for a raw cell; computed (and remembered) the first time it is seen.
    pub fn get_or(&self, raw: &str, compute: impl FnOnce() -> V) -> V {
        if let Some(v) = self.0.borrow().get(raw) {
            return v.clone();
        }
        let v = compute();
        let mut map = self.0.borrow_mut();
        if map.len() < LOOKUPS_KEPT {
            map.insert(raw.to_string(), v.clone());
        }
        v
    }
}
