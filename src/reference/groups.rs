//! The built-in GSO code lists: the 54 ethnic groups and the religions
//! (from `shared/data`, compiled in).

use crate::text::{Lexicon, Lookup};
use std::sync::OnceLock;

const ETHNIC_CSV: &str = include_str!("data/ethnic-groups.csv");
const RELIGION_CSV: &str = include_str!("data/religions.csv");

/// A code list: code → name, and a lexicon of names, aliases and codes.
pub struct CodeList {
    pub entries: Vec<(String, String)>,
    lexicon: Lexicon<usize>,
}

impl CodeList {
    fn parse(csv_text: &str) -> CodeList {
        let mut entries = Vec::new();
        let mut lexicon = Lexicon::default();
        let mut rdr = csv::Reader::from_reader(csv_text.as_bytes());
        for rec in rdr.records().flatten() {
            let (code, name, aliases) = (
                rec.get(0).unwrap_or(""),
                rec.get(1).unwrap_or(""),
                rec.get(2).unwrap_or(""),
            );
            let i = entries.len();
            entries.push((code.to_string(), name.to_string()));
            lexicon.insert(name, i);
            for a in aliases.split(';').filter(|a| !a.trim().is_empty()) {
                lexicon.insert(a, i);
            }
        }
        CodeList { entries, lexicon }
    }

    /// The code for a name, alias or code (`1`, `01`); `None` when unknown.
    pub fn code_of(&self, raw: &str) -> Option<&str> {
        let s = raw.trim();
        if !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()) {
            let padded = format!("{s:0>2}");
            return self
                .entries
                .iter()
                .find(|(c, _)| *c == padded)
                .map(|(c, _)| c.as_str());
        }
        match self.lexicon.lookup(s) {
            Lookup::Found(i) => Some(self.entries[i].0.as_str()),
            _ => None,
        }
    }

    pub fn name_of(&self, code: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, n)| n.as_str())
    }
}

pub fn ethnicities() -> &'static CodeList {
    static LIST: OnceLock<CodeList> = OnceLock::new();
    LIST.get_or_init(|| CodeList::parse(ETHNIC_CSV))
}

pub fn religions() -> &'static CodeList {
    static LIST: OnceLock<CodeList> = OnceLock::new();
    LIST.get_or_init(|| CodeList::parse(RELIGION_CSV))
}

/// GSO code of the Kinh majority; every other group is an ethnic minority.
pub const KINH: &str = "01";
/// GSO code of "no religion".
pub const NO_RELIGION: &str = "00";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ethnic_groups_by_name_alias_and_code() {
        let e = ethnicities();
        assert_eq!(e.entries.len(), 54);
        let cases = [
            ("Kinh", Some("01")),
            ("kinh", Some("01")),
            ("Việt", Some("01")),
            ("Tày", Some("02")),
            ("Tay", Some("02")), // folded, and no other group folds to "tay"
            ("H'Mông", Some("08")),
            ("Mèo", Some("08")),
            ("Khmer", Some("05")),
            ("Ê Đê", Some("12")),
            ("1", Some("01")),
            ("08", Some("08")),
            ("55", None),
            ("Klingon", None),
        ];
        for (raw, want) in cases {
            assert_eq!(e.code_of(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn religions_by_name_and_code() {
        let r = religions();
        assert_eq!(r.code_of("Không"), Some("00"));
        assert_eq!(r.code_of("Phật giáo"), Some("01"));
        assert_eq!(r.code_of("Thiên Chúa giáo"), Some("02"));
        assert_eq!(r.code_of("Tin lành"), Some("08"));
        assert_eq!(r.code_of("Hoà Hảo"), Some("03"));
        assert_eq!(r.code_of("Đạo lạ"), None);
    }

    /// The names under which the religions are recognized, as rolls write them.
    #[test]
    fn official_names_of_the_recognized_religions() {
        let r = religions();
        for (name, code) in [
            ("Phật giáo Tứ Ân Hiếu Nghĩa", "10"),
            ("Minh Lý Đạo - Tam Tông Miếu", "07"),
            ("Minh Lý Đạo Tam Tông Miếu", "07"),
            ("Tôn giáo Baha'i", "12"),
            ("Cộng đồng Tôn giáo Baha'i Việt Nam", "12"),
            ("cộng đồng tôn giáo bahai việt nam", "12"),
            ("Giáo hội Phật giáo Việt Nam", "01"),
            ("Hội thánh Tin Lành Việt Nam", "08"),
            ("Giáo hội Phật giáo Hiếu Nghĩa Tà Lơn", "15"),
            ("Giáo hội Cơ Đốc Phục Lâm Việt Nam", "16"),
        ] {
            assert_eq!(r.code_of(name), Some(code), "{name}");
        }
    }
}
