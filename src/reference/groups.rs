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
        if let Lookup::Found(i) = self.lexicon.lookup(s) {
            return Some(self.entries[i].0.as_str());
        }
        // The official forms: "Giáo hội Phật giáo Việt Nam", "Hội thánh Tin Lành Việt
        // Nam (miền Nam)", "Cộng đồng Hồi giáo Việt Nam", "Dân tộc Tày".
        let forms = official_forms(s);
        let found = |f: &str| match self.lexicon.lookup(f) {
            Lookup::Found(i) => Some(self.entries[i].0.as_str()),
            _ => None,
        };
        if let Some(code) = forms.iter().find_map(|f| found(f)) {
            return Some(code);
        }
        // A branch named after its religion: "Cao Đài Tây Ninh", "Công giáo Rôma": the
        // longest leading words (two at least) that name one.
        let last = forms.last()?;
        let words: Vec<&str> = last.split(' ').collect();
        (2..words.len())
            .rev()
            .find_map(|n| found(&words[..n].join(" ")))
    }

    pub fn name_of(&self, code: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, n)| n.as_str())
    }
}

/// Words an official name wraps a religion's (or a people's) name in.
const PREFIXES: [&str; 9] = [
    "giao hoi",
    "hoi thanh",
    "cong dong",
    "ton giao",
    "dao",
    "dan toc",
    "nguoi",
    "ban dai dien",
    "hiep hoi",
];

/// A name read the official way, step by step: bracketed qualifiers and a dashed
/// qualifier dropped, then the wrapping words (`Giáo hội`, `Hội thánh`, `Cộng đồng`,
/// `Tôn giáo`, `Đạo`, `Dân tộc`, `Người`) and the suffix `Việt Nam`, one at a time.
pub fn official_forms(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut s = crate::text::clean(raw);
    let push = |v: &str, out: &mut Vec<String>| {
        let v = v
            .trim()
            .trim_matches(|c: char| c == ',' || c == '-' || c == '.')
            .trim();
        if !v.is_empty() && !out.iter().any(|o: &String| o == v) {
            out.push(v.to_string());
        }
    };
    while let (Some(a), Some(b)) = (s.find('('), s.find(')')) {
        if b < a {
            break;
        }
        s = format!("{} {}", &s[..a], &s[b + 1..]);
        s = crate::text::clean(&s);
    }
    push(&s, &mut out);
    if let Some((head, _)) = s.split_once(" - ") {
        s = head.to_string();
        push(&s, &mut out);
    }
    loop {
        let words: Vec<&str> = s.split(' ').collect();
        let folded: Vec<String> = words.iter().map(|w| crate::text::fold(w)).collect();
        let prefix = PREFIXES.iter().find_map(|p| {
            let n = p.split(' ').count();
            (words.len() > n && folded[..n].join(" ") == *p).then_some(n)
        });
        let suffix =
            (words.len() > 2 && folded[words.len() - 2..].join(" ") == "viet nam").then_some(2);
        match (suffix, prefix) {
            (Some(n), _) => s = words[..words.len() - n].join(" "),
            (None, Some(n)) => s = words[n..].join(" "),
            (None, None) => break,
        }
        push(&s, &mut out);
    }
    out
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

    /// Every built-in religion and ethnic group, with each alias and in its official
    /// forms, resolves to its own code.
    #[test]
    fn every_name_and_alias_resolves_also_in_official_form() {
        for list in [religions(), ethnicities()] {
            let mut rdr = csv::Reader::from_reader(if std::ptr::eq(list, religions()) {
                RELIGION_CSV.as_bytes()
            } else {
                ETHNIC_CSV.as_bytes()
            });
            for rec in rdr.records().flatten() {
                let code = rec.get(0).unwrap_or("");
                let mut names = vec![rec.get(1).unwrap_or("").to_string()];
                names.extend(
                    rec.get(2)
                        .unwrap_or("")
                        .split(';')
                        .filter(|a| !a.trim().is_empty() && a.trim().len() > 1)
                        .map(str::to_string),
                );
                for n in names {
                    assert_eq!(list.code_of(&n), Some(code), "{n}");
                    if code == "00" {
                        continue;
                    }
                    for form in [
                        format!("Giáo hội {n} Việt Nam"),
                        format!("Cộng đồng {n} Việt Nam"),
                        format!("{n} (Việt Nam)"),
                        format!("Đạo {n}"),
                        format!("Dân tộc {n}"),
                    ] {
                        assert_eq!(list.code_of(&form), Some(code), "{form}");
                    }
                }
            }
        }
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
            ("Hội thánh Tin Lành Việt Nam (miền Nam)", "08"),
            ("Hội thánh Tin Lành Việt Nam (miền Bắc)", "08"),
            ("Cộng đồng Hồi giáo Việt Nam", "04"),
            ("Giáo hội Phật giáo Hòa Hảo", "03"),
            ("Hội thánh Cao Đài Tây Ninh", "05"),
            ("Đạo Cao Đài (Tây Ninh)", "05"),
            ("Phật giáo - Bắc tông", "01"),
        ] {
            assert_eq!(r.code_of(name), Some(code), "{name}");
        }
    }
}
