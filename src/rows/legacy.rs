//! The pre-Unicode Vietnamese font encodings, written from their published code charts:
//! TCVN3 (TCVN 5712:1993 VN3, the `.VnTime` fonts) and VNI-Windows.
//!
//! TCVN3 has precomposed lower-case letters and only the seven bare capitals
//! (Ă Â Ê Ô Ơ Ư Đ): capitals with tone marks were typed with the separate upper-case
//! font (`.VnTimeH`), which reuses the lower-case codes. A CSV keeps the bytes but not the
//! font, so such text decodes to lower case. tally compares names case-insensitively, so
//! matching is unaffected; only the case of stored display text (area and enterprise
//! names) is lost.
//!
//! VNI-Windows writes a base letter followed by one byte that carries the vowel mark
//! and tone; we emit combining marks and the caller's NFC composes them.

use unicode_normalization::UnicodeNormalization;

/// TCVN3 byte → letter. Bytes not listed are read as Windows-1252.
const TCVN3: &[(u8, char)] = &[
    (0xA1, 'Ă'),
    (0xA2, 'Â'),
    (0xA3, 'Ê'),
    (0xA4, 'Ô'),
    (0xA5, 'Ơ'),
    (0xA6, 'Ư'),
    (0xA7, 'Đ'),
    (0xA8, 'ă'),
    (0xA9, 'â'),
    (0xAA, 'ê'),
    (0xAB, 'ô'),
    (0xAC, 'ơ'),
    (0xAD, 'ư'),
    (0xAE, 'đ'),
    (0xB5, 'à'),
    (0xB6, 'ả'),
    (0xB7, 'ã'),
    (0xB8, 'á'),
    (0xB9, 'ạ'),
    (0xBB, 'ằ'),
    (0xBC, 'ẳ'),
    (0xBD, 'ẵ'),
    (0xBE, 'ắ'),
    (0xC6, 'ặ'),
    (0xC7, 'ầ'),
    (0xC8, 'ẩ'),
    (0xC9, 'ẫ'),
    (0xCA, 'ấ'),
    (0xCB, 'ậ'),
    (0xCC, 'è'),
    (0xCE, 'ẻ'),
    (0xCF, 'ẽ'),
    (0xD0, 'é'),
    (0xD1, 'ẹ'),
    (0xD2, 'ề'),
    (0xD3, 'ể'),
    (0xD4, 'ễ'),
    (0xD5, 'ế'),
    (0xD6, 'ệ'),
    (0xD7, 'ì'),
    (0xD8, 'ỉ'),
    (0xDC, 'ĩ'),
    (0xDD, 'í'),
    (0xDE, 'ị'),
    (0xDF, 'ò'),
    (0xE1, 'ỏ'),
    (0xE2, 'õ'),
    (0xE3, 'ó'),
    (0xE4, 'ọ'),
    (0xE5, 'ồ'),
    (0xE6, 'ổ'),
    (0xE7, 'ỗ'),
    (0xE8, 'ố'),
    (0xE9, 'ộ'),
    (0xEA, 'ờ'),
    (0xEB, 'ở'),
    (0xEC, 'ỡ'),
    (0xED, 'ớ'),
    (0xEE, 'ợ'),
    (0xEF, 'ù'),
    (0xF1, 'ủ'),
    (0xF2, 'ũ'),
    (0xF3, 'ú'),
    (0xF4, 'ụ'),
    (0xF5, 'ừ'),
    (0xF6, 'ử'),
    (0xF7, 'ữ'),
    (0xF8, 'ứ'),
    (0xF9, 'ự'),
    (0xFA, 'ỳ'),
    (0xFB, 'ỷ'),
    (0xFC, 'ỹ'),
    (0xFD, 'ý'),
    (0xFE, 'ỵ'),
];

const ACUTE: &str = "\u{301}";
const GRAVE: &str = "\u{300}";
const HOOK: &str = "\u{309}";
const TILDE: &str = "\u{303}";
const DOT: &str = "\u{323}";

/// VNI-Windows: lower-case byte, upper-case byte, what it writes. Marks follow the base
/// letter; the i/y forms and đ, ơ, ư are whole letters.
const VNI: &[(u8, u8, &str)] = &[
    // tones
    (0xF9, 0xD9, ACUTE),
    (0xF8, 0xD8, GRAVE),
    (0xFB, 0xDB, HOOK),
    (0xF5, 0xD5, TILDE),
    (0xEF, 0xCF, DOT),
    // circumflex, alone and with each tone
    (0xE2, 0xC2, "\u{302}"),
    (0xE1, 0xC1, "\u{302}\u{301}"),
    (0xE0, 0xC0, "\u{302}\u{300}"),
    (0xE5, 0xC5, "\u{302}\u{309}"),
    (0xE3, 0xC3, "\u{302}\u{303}"),
    (0xE4, 0xC4, "\u{302}\u{323}"),
    // breve, alone and with each tone
    (0xEA, 0xCA, "\u{306}"),
    (0xE9, 0xC9, "\u{306}\u{301}"),
    (0xE8, 0xC8, "\u{306}\u{300}"),
    (0xFA, 0xDA, "\u{306}\u{309}"),
    (0xFC, 0xDC, "\u{306}\u{303}"),
    (0xEB, 0xCB, "\u{306}\u{323}"),
];

/// VNI whole letters: lower-case byte, letter; upper-case byte, letter.
const VNI_LETTERS: &[(u8, char, u8, char)] = &[
    (0xF1, 'đ', 0xD1, 'Đ'),
    (0xF4, 'ơ', 0xD4, 'Ơ'),
    (0xF6, 'ư', 0xD6, 'Ư'),
    (0xED, 'í', 0xCD, 'Í'),
    (0xEC, 'ì', 0xCC, 'Ì'),
    (0xE6, 'ỉ', 0xC6, 'Ỉ'),
    (0xF3, 'ĩ', 0xD3, 'Ĩ'),
    (0xF2, 'ị', 0xD2, 'Ị'),
    (0xEE, 'ỵ', 0xCE, 'Ỵ'),
];

/// A byte-to-text table for one legacy encoding.
#[derive(Clone)]
pub struct LegacyDecoder {
    table: Vec<String>,
}

impl LegacyDecoder {
    fn windows_1252_base() -> Vec<String> {
        (0u8..=255)
            .map(|b| {
                let byte = [b];
                let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
                text.into_owned()
            })
            .collect()
    }

    pub fn tcvn3() -> Self {
        let mut table = Self::windows_1252_base();
        for &(b, c) in TCVN3 {
            table[b as usize] = c.to_string();
        }
        LegacyDecoder { table }
    }

    pub fn vni() -> Self {
        let mut table = Self::windows_1252_base();
        for &(lower, upper, marks) in VNI {
            table[lower as usize] = marks.to_string();
            table[upper as usize] = marks.to_string();
        }
        for &(lb, lc, ub, uc) in VNI_LETTERS {
            table[lb as usize] = lc.to_string();
            table[ub as usize] = uc.to_string();
        }
        LegacyDecoder { table }
    }

    /// Appends the UTF-8 of `bytes`. Single-byte tables keep no state between chunks,
    /// so `last` changes nothing; it is kept for symmetry with stateful decoders.
    pub fn decode_into(&self, bytes: &[u8], _last: bool, out: &mut Vec<u8>) {
        for &b in bytes {
            if b < 0x80 {
                out.push(b);
            } else {
                out.extend_from_slice(self.table[b as usize].as_bytes());
            }
        }
    }

    pub fn decode_all(&self, bytes: &[u8]) -> String {
        let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 4);
        self.decode_into(bytes, true, &mut out);
        String::from_utf8(out).unwrap_or_default()
    }
}

/// All 134 Vietnamese letters with diacritics (67 lower, 67 upper), in NFC.
pub const VIETNAMESE_LETTERS: &str =
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ\
ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ";

/// The vowel clusters of Vietnamese syllables (tone marks aside), "oo" for loanwords
/// such as xoong. A wrong decoding of one legacy encoding as another leaves letters
/// that are Vietnamese one by one but not together: VNI's "Trần" (Tra + a-grave) read
/// as TCVN3 is "Traàn", with the cluster "aa".
const NUCLEI: &[&str] = &[
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây",
    "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "oo", "ôi", "ơi", "ua", "uâ", "uê", "ui",
    "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê", "iêu", "oai", "oay", "oeo", "uây", "uôi",
    "uya", "uyê", "uyu", "ươi", "ươu", "yêu",
];

/// How many vowel clusters of a word no Vietnamese syllable has.
fn odd_clusters(word: &str) -> usize {
    let toneless: String = word
        .to_lowercase()
        .nfd()
        .filter(|c| !matches!(c, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}'))
        .nfc()
        .collect();
    let vowel = |c: char| "aăâeêioôơuưy".contains(c);
    // In "gi" before a vowel (giữ, giờ, giấy) the i belongs to the consonant.
    let body = match toneless.strip_prefix("gi") {
        Some(rest) if rest.starts_with(vowel) => rest.to_string(),
        _ => toneless,
    };
    body.split(|c: char| !vowel(c))
        .filter(|run| !run.is_empty() && !NUCLEI.contains(run))
        .count()
}

/// How Vietnamese a decoded text looks: +1 for each Vietnamese letter, −3 for any other
/// non-ASCII character (the debris of a wrong decoding), −5 for a word with more than one
/// tone mark (no Vietnamese syllable has two) and −5 for each vowel cluster no syllable
/// has, after NFC.
pub fn vietnamese_score(text: &str) -> f64 {
    let mut score = 0.0;
    let nfc: String = text.nfc().collect();
    for c in nfc.chars() {
        if c.is_ascii() {
            continue;
        }
        if VIETNAMESE_LETTERS.contains(c) {
            score += 1.0;
        } else {
            score -= 3.0;
        }
    }
    for word in nfc.split(|c: char| !c.is_alphabetic()) {
        if word.is_ascii() {
            continue;
        }
        let tones = word
            .nfd()
            .filter(|c| matches!(c, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}'))
            .count();
        if tones > 1 {
            score -= 5.0 * (tones - 1) as f64;
        }
        score -= 5.0 * odd_clusters(word) as f64;
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Encodes NFC text into a legacy encoding by searching the decoder's table: the
    /// inverse we need only in tests.
    fn encode(text: &str, dec: &LegacyDecoder) -> Vec<u8> {
        let mut out = Vec::new();
        for c in text.nfc() {
            if c.is_ascii() {
                out.push(c as u8);
                continue;
            }
            if let Some(b) = (0x80..=0xFFu8).find(|&b| dec.table[b as usize] == c.to_string()) {
                out.push(b);
                continue;
            }
            // VNI: base letter plus one mark byte.
            let nfd: String = c.to_string().nfd().collect();
            let mut chars = nfd.chars();
            let base = chars.next().expect("a letter");
            let marks: String = chars.collect();
            let (base, marks) = match (base, marks.strip_prefix('\u{31B}')) {
                // o/u with horn: ơ/ư are whole letters in VNI.
                ('o', Some(rest)) => ('ơ', rest.to_string()),
                ('u', Some(rest)) => ('ư', rest.to_string()),
                ('O', Some(rest)) => ('Ơ', rest.to_string()),
                ('U', Some(rest)) => ('Ư', rest.to_string()),
                _ => (base, marks),
            };
            let mut prefix = Vec::new();
            if base.is_ascii() {
                prefix.push(base as u8);
            } else {
                let b = (0x80..=0xFFu8)
                    .find(|&b| dec.table[b as usize] == base.to_string())
                    .expect("base letter");
                prefix.push(b);
            }
            // Canonical order puts the dot below before the vowel mark; VNI writes the
            // vowel mark first.
            let marks: String = if marks.starts_with('\u{323}') && marks.len() > 2 {
                let rest = &marks['\u{323}'.len_utf8()..];
                format!("{rest}\u{323}")
            } else {
                marks
            };
            let upper = c.is_uppercase();
            let mark = (0x80..=0xFFu8)
                .filter(|&b| dec.table[b as usize] == marks)
                .find(|&b| (b < 0xE0) == upper)
                .unwrap_or_else(|| panic!("no VNI mark for {c:?} ({marks:?})"));
            out.extend(prefix);
            out.push(mark);
        }
        out
    }

    #[test]
    fn every_letter_round_trips_through_vni() {
        let dec = LegacyDecoder::vni();
        for c in VIETNAMESE_LETTERS.chars() {
            let bytes = encode(&c.to_string(), &dec);
            let back: String = dec.decode_all(&bytes).nfc().collect();
            assert_eq!(back, c.to_string(), "{c} as {bytes:02X?}");
        }
    }

    #[test]
    fn every_lower_case_letter_round_trips_through_tcvn3() {
        let dec = LegacyDecoder::tcvn3();
        for c in VIETNAMESE_LETTERS.chars() {
            let bare_capital = "ĂÂÊÔƠƯĐ".contains(c);
            if c.is_uppercase() && !bare_capital {
                // Not in TCVN3: such capitals decode to their lower-case letter.
                let lower: String = c.to_lowercase().collect();
                let bytes = encode(&lower, &dec);
                assert_eq!(dec.decode_all(&bytes), lower);
                continue;
            }
            let bytes = encode(&c.to_string(), &dec);
            assert_eq!(bytes.len(), 1, "{c}");
            assert_eq!(dec.decode_all(&bytes), c.to_string(), "{c}");
        }
    }

    #[test]
    fn known_words() {
        let tcvn = LegacyDecoder::tcvn3();
        assert_eq!(tcvn.decode_all(b"B\xb6o Th\xbeng"), "Bảo Thắng");
        assert_eq!(tcvn.decode_all(b"M\xad\xeang Kh\xad\xacng"), "Mường Khương");
        assert_eq!(tcvn.decode_all(b"\xa7\xabng Th\xb6nh"), "Đông Thảnh");
        let vni = LegacyDecoder::vni();
        let nfc = |b: &[u8]| vni.decode_all(b).nfc().collect::<String>();
        assert_eq!(nfc(b"Nguye\xe3n Th\xf2 Ho\xf8a"), "Nguyễn Thị Hòa");
        assert_eq!(nfc(b"\xd1a\xebng V\xf6\xf4ng"), "Đặng Vương");
        assert_eq!(nfc(b"\xd1\xf6\xf4\xefc"), "Được");
        assert_eq!(nfc(b"HA\xd8 GIANG"), "HÀ GIANG");
    }

    #[test]
    fn real_names_have_only_vietnamese_vowel_clusters() {
        for name in [
            "Nguyễn Văn Huỳnh",
            "Trần Thị Phượng",
            "Lê Khuê",
            "Hoàng Thuý Quỳnh",
            "Giàng A Páo",
            "giữ giờ giấy",
            "Cường Hiếu Tuấn",
            "quyết khuya xoong",
            "Ngoãn Khoẻ người",
            "Lò Thị Mai",
        ] {
            for word in name.split(' ') {
                assert_eq!(odd_clusters(word), 0, "{word}");
            }
        }
        for garbled in ["Traàn", "Vaờn", "Haống", "Haỷi"] {
            assert_eq!(odd_clusters(garbled), 1, "{garbled}");
        }
    }

    #[test]
    fn scoring_prefers_the_right_decoding() {
        let bytes = b"H\xe4 v\xb5 t\xaan;D\xa9n t\xe9c\nNguy\xd4n Th\xde Hoa;Kinh\n";
        let tcvn = vietnamese_score(&LegacyDecoder::tcvn3().decode_all(bytes));
        let vni = vietnamese_score(&LegacyDecoder::vni().decode_all(bytes));
        assert!(tcvn > vni, "tcvn3 {tcvn} vs vni {vni}");
    }
}
