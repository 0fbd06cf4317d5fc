//! Vietnamese text: cleaning, NFC, and the two comparison keys.
//!
//! `clean` is what we keep (NFC, one space, `Ð` read as `Đ`). `name_key` compares names
//! regardless of case, NFC/NFD and old vs new tone-mark placement (`Hoà` = `Hòa`).
//! `fold` also drops every diacritic; callers use it only as a last, ambiguity-checked
//! pass, because it merges different names (`Đông Thành` and `Đông Thạnh`).

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// A value of up to 15 bytes as one word: its bytes, zero-padded, and its length in
/// the top byte. The bytes are read as overlapping words (a byte read twice is the
/// same byte, so or-ing is exact).
#[inline]
pub fn packed(v: &[u8]) -> Option<u128> {
    let n = v.len();
    let at = |i: usize, word: u128| word << (8 * i);
    let data = if n > 15 {
        return None;
    } else if n >= 8 {
        let lo = u64::from_le_bytes(v[..8].try_into().unwrap_or_default());
        let hi = u64::from_le_bytes(v[n - 8..].try_into().unwrap_or_default());
        u128::from(lo) | at(n - 8, u128::from(hi))
    } else if n >= 4 {
        let lo = u32::from_le_bytes(v[..4].try_into().unwrap_or_default());
        let hi = u32::from_le_bytes(v[n - 4..].try_into().unwrap_or_default());
        u128::from(lo) | at(n - 4, u128::from(hi))
    } else if n > 0 {
        u128::from(v[0]) | at(n / 2, u128::from(v[n / 2])) | at(n - 1, u128::from(v[n - 1]))
    } else {
        0
    };
    Some(data | (n as u128) << 120)
}

/// `str::trim`, without its Unicode look-ups where both ends are visible ASCII (almost
/// every cell of a roll): `str::trim` was 5% of an ingest's CPU.
#[inline]
pub fn trim(s: &str) -> &str {
    let visible = |b: u8| b > b' ' && b < 0x7F;
    match s.as_bytes() {
        [] => s,
        [first, .., last] if visible(*first) && visible(*last) => s,
        [only] if visible(*only) => s,
        _ => s.trim(),
    }
}

/// Trims, collapses white space (NBSP included), drops zero-width characters, maps the
/// Icelandic eth that legacy fonts put in place of `Đ`, and normalizes to NFC.
pub fn clean(raw: &str) -> String {
    if raw.is_ascii() {
        return collapse_spaces(raw);
    }
    // Most cells are already clean NFC: check that cheaply before rebuilding them.
    let plain = raw.chars().all(|c| {
        !matches!(
            c,
            '\u{200B}'
                | '\u{200C}'
                | '\u{200D}'
                | '\u{2060}'
                | '\u{FEFF}'
                | '\u{00AD}'
                | '\u{00A0}'
                | '\u{2007}'
                | '\u{202F}'
                | '\u{3000}'
                | '\u{00D0}'
                | '\u{00F0}'
        )
    });
    if plain
        && unicode_normalization::is_nfc_quick(raw.chars())
            == unicode_normalization::IsNormalized::Yes
    {
        return collapse_spaces(raw);
    }
    let mut mapped = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {}
            '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{3000}' => mapped.push(' '),
            '\u{00D0}' => mapped.push('Đ'),
            '\u{00F0}' => mapped.push('đ'),
            _ => mapped.push(c),
        }
    }
    collapse_spaces(&mapped).nfc().collect()
}

/// [`clean`] without a copy where the cell is clean already: visible ASCII with single
/// spaces between words (member IDs, codes), as nearly every such cell is.
pub fn clean_cow(raw: &str) -> std::borrow::Cow<'_, str> {
    let b = raw.as_bytes();
    let visible = |c: u8| c > b' ' && c < 0x7F;
    let clean_already = b.first().is_none_or(|&c| visible(c))
        && b.last().is_none_or(|&c| visible(c))
        && b.iter().all(|&c| visible(c) || c == b' ')
        && !b.windows(2).any(|w| w == b"  ");
    if clean_already {
        std::borrow::Cow::Borrowed(raw)
    } else {
        std::borrow::Cow::Owned(clean(raw))
    }
}

fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The five Vietnamese tone marks as combining characters.
fn is_tone_mark(c: char) -> bool {
    matches!(
        c,
        '\u{0300}' | '\u{0301}' | '\u{0303}' | '\u{0309}' | '\u{0323}'
    )
}

/// A comparison key that keeps diacritics but ignores case, normalization form and
/// where in the syllable the tone mark sits: each word's tone mark moves to its end.
pub fn name_key(raw: &str) -> String {
    let cleaned = clean(raw);
    let mut out = String::with_capacity(cleaned.len() + 4);
    for (i, word) in cleaned.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let mut tone = None;
        for c in word.nfd() {
            if is_tone_mark(c) {
                tone = Some(c);
            } else {
                out.extend(c.to_lowercase());
            }
        }
        if let Some(t) = tone {
            out.push(t);
        }
    }
    out
}

/// Lower case, no diacritics (`đ` → `d`), punctuation to spaces, one space between words.
pub fn fold(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    fold_chars(raw, |c| {
        out.push(c);
        true
    });
    out
}

/// Whether `raw` folds to `folded`, without building the folded text: every row's first
/// cell is compared so with the header's, to find the header printed again.
pub fn fold_eq(raw: &str, folded: &str) -> bool {
    let mut want = folded.chars();
    let same = fold_chars(raw, |c| want.next() == Some(c));
    same && want.next().is_none()
}

/// The characters of [`fold`]'s result, one at a time, while `emit` says go on; false
/// if it stopped.
fn fold_chars(raw: &str, mut emit: impl FnMut(char) -> bool) -> bool {
    let (mut started, mut pending_space) = (false, false);
    let mut push = |c: char| -> bool {
        if !c.is_alphanumeric() {
            pending_space = true;
            return true;
        }
        if pending_space && started && !emit(' ') {
            return false;
        }
        pending_space = false;
        started = true;
        c.to_lowercase().all(&mut emit)
    };
    if raw.is_ascii() {
        return raw.chars().all(push);
    }
    raw.nfd().filter(|c| !is_combining_mark(*c)).all(|c| {
        push(match c {
            'đ' | 'Đ' | '\u{00D0}' | '\u{00F0}' => 'd',
            _ => c,
        })
    })
}

/// Booleans of the areas file (yes/no, y/n, true/false, 1/0, x, có/không); empty is
/// `false` (an unmarked box).
pub fn parse_bool(raw: &str) -> Option<bool> {
    match fold(raw).as_str() {
        "yes" | "y" | "true" | "1" | "x" | "co" | "c" | "dung" => Some(true),
        "no" | "n" | "false" | "0" | "" | "khong" | "k" | "sai" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_is_str_trim() {
        let cases = [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\ta\r\n",
            "0123",
            "Nữ",
            " Nữ ",
            "\u{a0}x\u{3000}",
            "x\u{2003}",
            "\u{85}y",
            "\x1fz\x1f",
            "\x7f",
            "a b",
            "\u{feff}Mã",
        ];
        for s in cases {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
    }

    #[test]
    fn fold_eq_is_fold_then_compare() {
        let cases = [
            ("Mã đoàn viên", "ma doan vien"),
            ("  MEMBER_ID ", "member id"),
            ("HND-0000001", "member id"),
            ("member", "member id"),
            ("member id x", "member id"),
            ("", ""),
            ("--", ""),
            ("Ð", "d"),
            ("İ", "i\u{307}"),
        ];
        for (raw, folded) in cases {
            assert_eq!(fold_eq(raw, folded), fold(raw) == folded, "{raw:?}");
        }
        assert!(fold_eq("Mã đoàn viên", "ma doan vien"));
    }

    #[test]
    fn clean_cases() {
        let cases = [
            ("  Nguyễn   Văn  A ", "Nguyễn Văn A"),
            ("Nguy\u{0065}\u{0302}\u{0303}n", "Nguyễn"),
            ("\u{00D0}ặng", "Đặng"),
            ("Lò\u{00A0}Văn\u{200B} Sáng", "Lò Văn Sáng"),
            ("\u{FEFF}Mã xã", "Mã xã"),
        ];
        for (raw, want) in cases {
            assert_eq!(clean(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn clean_cow_is_clean_borrowing_what_is_clean_already() {
        for raw in [
            "NV00123",
            "",
            " a",
            "a ",
            "a  b",
            "a b",
            "a\tb",
            "Lò Văn",
            "x\u{00A0}y",
            "  ",
        ] {
            let c = clean_cow(raw);
            assert_eq!(c, clean(raw), "{raw:?}");
            if matches!(raw, "NV00123" | "" | "a b") {
                assert!(matches!(c, std::borrow::Cow::Borrowed(_)), "{raw:?}");
            }
        }
    }

    #[test]
    fn name_key_ignores_tone_placement_form_and_case() {
        let same = [
            ("Hoà", "Hòa"),
            ("Thuý", "Thúy"),
            ("khoẻ", "khỏe"),
            ("NGUYỄN", "nguyễn"),
            ("Nguye\u{0302}\u{0303}n", "Nguyễn"),
        ];
        for (a, b) in same {
            assert_eq!(name_key(a), name_key(b), "{a} vs {b}");
        }
        assert_ne!(name_key("Đông Thành"), name_key("Đông Thạnh"));
        assert_ne!(name_key("Hòa"), name_key("Hoa"));
    }

    #[test]
    fn fold_strips_everything() {
        let cases = [
            ("Mã Đoàn Viên", "ma doan vien"),
            ("Họ và tên (*)", "ho va ten"),
            ("  SỐ_CCCD ", "so cccd"),
            ("\u{00D0}ơn vị", "don vi"),
            ("Đông Thạnh", "dong thanh"),
        ];
        for (raw, want) in cases {
            assert_eq!(fold(raw), want, "{raw:?}");
        }
    }
}

/// A cell that a spreadsheet would run as a formula gets a leading apostrophe.
pub fn defuse(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// What a [`Lexicon`] lookup found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup<T> {
    Found(T),
    Ambiguous(Vec<T>),
    Missing,
}

/// Names (with aliases) to values: exact on [`name_key`], then, only where it names one
/// value, on [`fold`].
#[derive(Debug, Clone)]
pub struct Lexicon<T> {
    exact: std::collections::HashMap<String, Vec<T>>,
    folded: std::collections::HashMap<String, Vec<T>>,
}

impl<T> Default for Lexicon<T> {
    fn default() -> Self {
        Lexicon {
            exact: Default::default(),
            folded: Default::default(),
        }
    }
}

impl<T: Clone + PartialEq> Lexicon<T> {
    pub fn insert(&mut self, name: &str, value: T) {
        let exact = self.exact.entry(name_key(name)).or_default();
        if !exact.contains(&value) {
            exact.push(value.clone());
        }
        let folded = self.folded.entry(fold(name)).or_default();
        if !folded.contains(&value) {
            folded.push(value);
        }
    }

    pub fn lookup(&self, raw: &str) -> Lookup<T> {
        if let Some(hits) = self.exact.get(&name_key(raw)) {
            return one_or_many(hits);
        }
        match self.folded.get(&fold(raw)) {
            Some(hits) => one_or_many(hits),
            None => Lookup::Missing,
        }
    }
}

fn one_or_many<T: Clone>(hits: &[T]) -> Lookup<T> {
    match hits {
        [] => Lookup::Missing,
        [one] => Lookup::Found(one.clone()),
        many => Lookup::Ambiguous(many.to_vec()),
    }
}

#[cfg(test)]
mod lexicon_tests {
    use super::*;

    #[test]
    fn exact_then_unambiguous_fold() {
        let mut lex = Lexicon::default();
        lex.insert("Đông Thành", 1);
        lex.insert("Đông Thạnh", 2);
        lex.insert("Tả Van", 3);
        assert_eq!(lex.lookup("đông thạnh"), Lookup::Found(2));
        assert_eq!(lex.lookup("Dong Thanh"), Lookup::Ambiguous(vec![1, 2]));
        assert_eq!(lex.lookup("Ta Van"), Lookup::Found(3));
        assert_eq!(lex.lookup("Sa Pa"), Lookup::Missing);
    }
}
