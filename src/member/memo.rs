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
    pub status: Memo<Result<crate::value::Status, crate::value::StatusError>>,
    pub org: Memo<Option<Org>>,
    /// The snapshot date column: one value down the whole file.
    pub as_of: Memo<Result<chrono::NaiveDate, crate::value::DateError>>,
    pub area_names: Memo<NameHit>,
    /// The units of today a commune name can be, beside a code.
    pub name_units: Memo<std::sync::Arc<[compact_str::CompactString]>>,
}

/// What a commune name resolved to, without the row it came from.
#[derive(Clone)]
pub enum NameHit {
    Found(compact_str::CompactString),
    /// A unit whose name is the cell's only with the diacritics dropped (`Phường Sa Pả`
    /// finds `Phường Sa Pa`): an old commune of that very name is read first.
    Loose(compact_str::CompactString),
    Ambiguous(String),
    /// Units of that name with another type, listed.
    OtherType(String),
    /// The district qualifier, which the areas do not have.
    District(String),
    Missing,
}

/// Distinct raw values remembered per column, so hostile input cannot grow it unbounded.
const LOOKUPS_KEPT: usize = 4096;

/// The values seen, and the last one asked for: a column often repeats the row above
/// (one organization, one status, the commune's main ethnicity), and comparing with it
/// is cheaper than hashing. A value of up to 15 bytes is held as one word (its bytes
/// and length), so that both compare and hash as a number.
pub struct Memo<V> {
    short: std::cell::RefCell<rustc_hash::FxHashMap<u128, V>>,
    long: std::cell::RefCell<rustc_hash::FxHashMap<String, V>>,
    last: std::cell::RefCell<Option<(u128, V)>>,
    last_long: std::cell::RefCell<(String, Option<V>)>,
}

impl<V> Default for Memo<V> {
    fn default() -> Self {
        Memo {
            short: Default::default(),
            long: Default::default(),
            last: std::cell::RefCell::new(None),
            last_long: std::cell::RefCell::new((String::new(), None)),
        }
    }
}

impl<V: Clone> Memo<V> {
    /// The value for a raw cell; computed (and remembered) the first time it is seen.
    pub fn get_or(&self, raw: &str, compute: impl FnOnce() -> V) -> V {
        let Some(word) = crate::text::packed(raw.as_bytes()) else {
            return self.get_long(raw, compute);
        };
        if let Some((w, v)) = &*self.last.borrow() {
            if *w == word {
                return v.clone();
            }
        }
        let v = known_or(&self.short, &word, || word, compute);
        *self.last.borrow_mut() = Some((word, v.clone()));
        v
    }

    fn get_long(&self, raw: &str, compute: impl FnOnce() -> V) -> V {
        if let (text, Some(v)) = &*self.last_long.borrow() {
            if text == raw {
                return v.clone();
            }
        }
        let v = known_or(&self.long, raw, || raw.to_string(), compute);
        let mut last = self.last_long.borrow_mut();
        last.0.clear();
        last.0.push_str(raw);
        last.1 = Some(v.clone());
        v
    }
}

/// The value remembered under `key`, else computed, and remembered while the map holds
/// fewer than [`LOOKUPS_KEPT`].
fn known_or<K, Q, V>(
    map: &std::cell::RefCell<rustc_hash::FxHashMap<K, V>>,
    key: &Q,
    owned: impl FnOnce() -> K,
    compute: impl FnOnce() -> V,
) -> V
where
    K: std::borrow::Borrow<Q> + std::hash::Hash + Eq,
    Q: std::hash::Hash + Eq + ?Sized,
    V: Clone,
{
    if let Some(v) = map.borrow().get(key) {
        return v.clone();
    }
    let v = compute();
    let mut map = map.borrow_mut();
    if map.len() < LOOKUPS_KEPT {
        map.insert(owned(), v.clone());
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_computed_once_per_distinct_cell() {
        let memo: Memo<usize> = Memo::default();
        let calls = std::cell::Cell::new(0);
        let get = |raw: &str| {
            memo.get_or(raw, || {
                calls.set(calls.get() + 1);
                raw.len()
            })
        };
        let cells = [
            "Kinh",
            "Kinh",
            "Tày",
            "",
            "Kinh",
            "Đang sinh hoạt",
            "Đang sinh hoạt",
            "Tày",
        ];
        let got: Vec<usize> = cells.iter().map(|c| get(c)).collect();
        assert_eq!(got, cells.iter().map(|c| c.len()).collect::<Vec<_>>());
        // Kinh, Tày, the empty cell, and the long status: four distinct cells.
        assert_eq!(calls.get(), 4);
    }
}
