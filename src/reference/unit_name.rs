//! Unit names as rolls write them: a type (`Xã`, `Phường`, `Thị trấn`, `Đặc khu`, ...),
//! the unit's own name, and perhaps a qualifier (`, huyện Bảo Yên`). The type is part
//! of the name: `Xã Trung Tâm` and `Phường Trung Tâm` are two units, and a name never
//! matches a unit of another type.

use crate::text::{clean, fold};

/// The types a unit's name may start with, folded, longest first; `tp` is how
/// `thành phố` is abbreviated.
const TYPES: &[(&str, &str)] = &[
    ("thi tran", "thị trấn"),
    ("thi xa", "thị xã"),
    ("thanh pho", "thành phố"),
    ("dac khu", "đặc khu"),
    ("phuong", "phường"),
    ("huyen", "huyện"),
    ("quan", "quận"),
    ("tinh", "tỉnh"),
    ("xa", "xã"),
    ("tp", "thành phố"),
];

/// Types of the level above communes before the 2025 reform (there are no districts
/// since 1 July 2025).
const DISTRICT_TYPES: &[&str] = &["huyện", "quận", "thị xã"];

/// The cities run by the centre (since 1 July 2025), folded: a `thành phố` qualifier
/// naming one of them is a province, any other a district-level city of before.
const CENTRAL_CITIES: &[&str] = &[
    "ha noi",
    "hai phong",
    "hue",
    "da nang",
    "ho chi minh",
    "can tho",
];

/// A name taken apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitName {
    /// The type as Vietnamese writes it (`xã`, `thị trấn`), when the name has one.
    pub kind: Option<&'static str>,
    /// The unit's own name, cleaned (`Trung Tâm`).
    pub bare: String,
    /// A qualifier after a comma or in brackets, taken apart the same way.
    pub within: Option<Box<UnitName>>,
}

impl UnitName {
    pub fn parse(raw: &str) -> UnitName {
        let cleaned = clean(raw);
        let (head, rest) = split_qualifier(&cleaned);
        let (kind, bare) = split_type(head);
        UnitName {
            kind,
            bare: bare.to_string(),
            within: rest
                .filter(|r| !r.is_empty())
                .map(|r| Box::new(UnitName::parse(r))),
        }
    }

    /// Whether the qualifier is a district (`huyện`, `quận`, `thị xã`, or a `thành
    /// phố` other than the six run by the centre: `TP Lào Cai`, the city of before the
    /// 2025 reform, not the province): a name of before the reform.
    pub fn district(&self) -> Option<&UnitName> {
        self.within.as_deref().filter(|w| match w.kind {
            Some("thành phố") => !CENTRAL_CITIES.contains(&crate::text::fold(&w.bare).as_str()),
            Some(k) => DISTRICT_TYPES.contains(&k),
            None => false,
        })
    }

    /// `Xã Trung Tâm`.
    pub fn display(&self) -> String {
        match self.kind {
            Some(k) => {
                let mut c = k.chars();
                let first = c.next().map(|f| f.to_uppercase().collect::<String>());
                format!("{}{} {}", first.unwrap_or_default(), c.as_str(), self.bare)
            }
            None => self.bare.clone(),
        }
    }
}

/// `Xã Bảo Hà, huyện Bảo Yên` → (`Xã Bảo Hà`, `huyện Bảo Yên`); `Xã Bảo Hà (huyện Bảo
/// Yên)` and `Xã Bảo Hà - huyện Bảo Yên` likewise.
fn split_qualifier(name: &str) -> (&str, Option<&str>) {
    if let Some(i) = name.find(',') {
        return (name[..i].trim(), Some(name[i + 1..].trim()));
    }
    if let (Some(i), true) = (name.find('('), name.ends_with(')')) {
        return (name[..i].trim(), Some(name[i + 1..name.len() - 1].trim()));
    }
    // A dash with spaces around it, as offices join a commune and its district; a
    // hyphen inside a name (`Nậm Xe-Sa Pa`) has none and stays part of it.
    for dash in [" - ", " – ", " — "] {
        if let Some(i) = name.find(dash) {
            return (name[..i].trim(), Some(name[i + dash.len()..].trim()));
        }
    }
    (name.trim(), None)
}

/// The short forms offices write for a unit's type, folded: a letter or two and a
/// dot (`X. Mường Chà`, `TT.Sa Pa`); the two-letter ones also without the dot
/// (`TT Sa Pa`), a single letter never (`P Tân Phong` could be a name).
const SHORT_TYPES: &[(&str, &str, bool)] = &[
    ("tt", "thị trấn", false),
    ("tx", "thị xã", false),
    ("tp", "thành phố", false),
    ("x", "xã", true),
    ("p", "phường", true),
    ("h", "huyện", true),
    ("q", "quận", true),
];

/// `Thị trấn Trạm Tấu` → (`thị trấn`, `Trạm Tấu`); `X. Mường Chà` → (`xã`, `Mường
/// Chà`). A name that is only a type word (a unit called `Phường`?) keeps it as its
/// name.
fn split_type(name: &str) -> (Option<&'static str>, &str) {
    if let Some(short) = split_short_type(name) {
        return short;
    }
    let words: Vec<&str> = name.split(' ').collect();
    for &(folded, written) in TYPES {
        let n = folded.split(' ').count();
        if words.len() <= n {
            continue;
        }
        let head = words[..n].join(" ");
        if fold(head.trim_end_matches('.')) == folded {
            let skip: usize = words[..n].iter().map(|w| w.len() + 1).sum();
            return (Some(written), name[skip..].trim());
        }
    }
    (None, name)
}

/// A type written short (`X.`, `TT.`, `Tx`), with or without a space after the dot.
fn split_short_type(name: &str) -> Option<(Option<&'static str>, &str)> {
    let end = name.find(['.', ' '])?;
    let head = fold(&name[..end]);
    let dotted = name[end..].starts_with('.');
    let &(_, written, needs_dot) = SHORT_TYPES.iter().find(|(f, _, _)| *f == head)?;
    if needs_dot && !dotted {
        return None;
    }
    let rest = name[end + 1..].trim();
    (!rest.is_empty()).then_some((Some(written), rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_apart_into_type_name_and_qualifier() {
        let n = UnitName::parse("Thị trấn Trạm Tấu");
        assert_eq!((n.kind, n.bare.as_str()), (Some("thị trấn"), "Trạm Tấu"));
        let n = UnitName::parse("xa  Trung Tâm");
        assert_eq!((n.kind, n.bare.as_str()), (Some("xã"), "Trung Tâm"));
        let n = UnitName::parse("TP. Lào Cai");
        assert_eq!((n.kind, n.bare.as_str()), (Some("thành phố"), "Lào Cai"));
        let n = UnitName::parse("Xã Bảo Hà, huyện Bảo Yên");
        assert_eq!((n.kind, n.bare.as_str()), (Some("xã"), "Bảo Hà"));
        let d = n.district().map(|d| (d.kind, d.bare.clone()));
        assert_eq!(d, Some((Some("huyện"), "Bảo Yên".to_string())));
        let n = UnitName::parse("Xã Tả Phìn (thị xã Sa Pa)");
        assert_eq!(n.district().map(|d| d.bare.as_str()), Some("Sa Pa"));
        let n = UnitName::parse("Xã Tả Van, tỉnh Lào Cai");
        assert!(n.district().is_none());
        let n = UnitName::parse("Tả Van");
        assert_eq!((n.kind, n.bare.as_str()), (None, "Tả Van"));
        // "Xã" alone, or a name that merely starts with the letters of a type.
        assert_eq!(UnitName::parse("Xã").bare, "Xã");
        assert_eq!(UnitName::parse("Xuân Ái").kind, None);
        assert_eq!(
            UnitName::parse("Thị trấn Trạm Tấu").display(),
            "Thị trấn Trạm Tấu"
        );
    }

    #[test]
    fn types_and_qualifiers_as_offices_abbreviate_them() {
        let cases = [
            ("X. Mường Chà", Some("xã"), "Mường Chà"),
            ("X.Mường Chà", Some("xã"), "Mường Chà"),
            ("P. Tân Phong", Some("phường"), "Tân Phong"),
            ("TT. Mường Chà", Some("thị trấn"), "Mường Chà"),
            ("TT Mường Chà", Some("thị trấn"), "Mường Chà"),
            ("Tx. Mường Lay", Some("thị xã"), "Mường Lay"),
            ("tp.Điện Biên Phủ", Some("thành phố"), "Điện Biên Phủ"),
            // A single letter without its dot is a name's first word.
            ("P Tân Phong", None, "P Tân Phong"),
            ("Xuân Ái", None, "Xuân Ái"),
            ("X.", None, "X."),
        ];
        for (raw, kind, bare) in cases {
            let n = UnitName::parse(raw);
            assert_eq!((n.kind, n.bare.as_str()), (kind, bare), "{raw}");
        }
        let n = UnitName::parse("Xã Mường Chà - huyện Mường Chà");
        assert_eq!((n.kind, n.bare.as_str()), (Some("xã"), "Mường Chà"));
        assert_eq!(n.district().map(|d| d.bare.as_str()), Some("Mường Chà"));
        let n = UnitName::parse("X. Mường Phăng, H. Điện Biên, tỉnh Điện Biên");
        assert_eq!(n.district().map(|d| d.bare.as_str()), Some("Điện Biên"));
        let n = UnitName::parse("Xã Nậm Xe-Sa Pa");
        assert_eq!(n.bare, "Nậm Xe-Sa Pa");
    }
}
