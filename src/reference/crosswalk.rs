//! The 1 July 2025 reform, built in: which pre-reform commune (code and name) became
//! which commune of today. From `data/vn-commune-merges-2025.csv` (dvhcvn/20250701,
//! MIT: `data/LICENSE-dvhcvn.txt`). An old commune merged whole (`full`) has one new
//! commune; one split between several (`partial`) has no single one: its rows need a
//! mapping file, or are rejected naming the candidates.
//!
//! Old and new codes overlap (a new commune often keeps the code of one of its old
//! ones), so a code that exists today is today's unless the file says its codes are
//! old (`--codes old`).

use std::sync::OnceLock;

use super::unit_name::UnitName;
use crate::text::{Lexicon, Lookup};

/// How a file's unit codes are read (`--codes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Codes {
    /// A code of today is today's; one that exists only before the 2025 reform is read
    /// through the crosswalk.
    #[default]
    Auto,
    /// Every code and name is of before the reform.
    Old,
    /// Every code is of today: no crosswalk.
    New,
}

const MERGES: &str = include_str!("data/vn-commune-merges-2025.csv");

/// A commune of before the reform.
#[derive(Debug, Clone)]
pub struct OldUnit {
    pub code: String,
    pub name: String,
    /// The communes of today it went to: (code, name), one for a whole merge.
    pub new: Vec<(String, String)>,
    /// Split between several new communes.
    pub split: bool,
}

impl OldUnit {
    /// The one commune of today it became, if it was merged whole.
    pub fn became(&self) -> Option<&str> {
        match (self.split, self.new.as_slice()) {
            (false, [(code, _)]) => Some(code),
            _ => None,
        }
    }

    /// The commune of today it became, where the areas hold it; else why not, as the
    /// reason a rejected row gives (split between several, or gone to a commune the
    /// areas lack).
    pub fn today_in(&self, areas: &super::Areas) -> Result<&str, crate::lang::Text> {
        match self.became() {
            Some(new) if areas.get(new).is_some() => Ok(new),
            Some(new) => Err(crate::t!(
                crate::lang::rows::BECAME_MISSING,
                self.label(),
                new
            )),
            None => Err(crate::t!(
                crate::lang::rows::SPLIT_BETWEEN,
                self.label(),
                self.candidates()
            )),
        }
    }

    /// "00016 Phường Ngọc Hà".
    pub fn label(&self) -> String {
        format!("{} {}", self.code, self.name)
    }

    /// "00004 Phường Ba Đình, 00008 Phường Ngọc Hà".
    pub fn candidates(&self) -> String {
        self.new
            .iter()
            .map(|(c, n)| format!("{c} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

pub struct Crosswalk {
    units: Vec<OldUnit>,
    by_code: rustc_hash::FxHashMap<String, usize>,
    /// The old units each unit of today was made of (wholly or in part).
    by_new: rustc_hash::FxHashMap<String, Vec<usize>>,
    /// Old units by their own name (without the type), with each one's type.
    names: Lexicon<usize>,
    kinds: Vec<Option<&'static str>>,
}

/// The built-in crosswalk, parsed once.
pub fn builtin() -> &'static Crosswalk {
    static CROSSWALK: OnceLock<Crosswalk> = OnceLock::new();
    CROSSWALK.get_or_init(|| Crosswalk::parse(MERGES))
}

impl Crosswalk {
    fn parse(text: &str) -> Crosswalk {
        let mut units: Vec<OldUnit> = Vec::new();
        let mut by_code = rustc_hash::FxHashMap::default();
        for line in text.lines().skip(1) {
            let cells: Vec<&str> = line.split(',').map(str::trim).collect();
            let [new_code, new_name, old_code, old_name, kind] = cells.as_slice() else {
                continue;
            };
            let at = *by_code.entry(old_code.to_string()).or_insert_with(|| {
                units.push(OldUnit {
                    code: old_code.to_string(),
                    name: old_name.to_string(),
                    new: Vec::new(),
                    split: false,
                });
                units.len() - 1
            });
            let u = &mut units[at];
            if !u.new.iter().any(|(c, _)| c == new_code) {
                u.new.push((new_code.to_string(), new_name.to_string()));
            }
            u.split |= *kind == "partial" || u.new.len() > 1;
        }
        let mut by_new: rustc_hash::FxHashMap<String, Vec<usize>> = Default::default();
        for (i, u) in units.iter().enumerate() {
            for (new, _) in &u.new {
                by_new.entry(new.clone()).or_default().push(i);
            }
        }
        let mut names = Lexicon::default();
        let mut kinds = Vec::with_capacity(units.len());
        for (i, u) in units.iter().enumerate() {
            let n = UnitName::parse(&u.name);
            names.insert(&n.bare, i);
            kinds.push(n.kind);
        }
        Crosswalk {
            units,
            by_code,
            by_new,
            names,
            kinds,
        }
    }

    /// The old commune of a code (Excel's lost zeros restored to five digits).
    /// The old units a unit of today was made of, wholly or in part.
    pub fn parts_of(&self, new_code: &str) -> Vec<&OldUnit> {
        (self.by_new.get(new_code).into_iter().flatten())
            .map(|&i| &self.units[i])
            .collect()
    }

    pub fn by_code(&self, raw: &str) -> Option<&OldUnit> {
        let s = raw.trim();
        let padded;
        let key = if !s.is_empty() && s.len() < 5 && s.bytes().all(|b| b.is_ascii_digit()) {
            padded = format!("{s:0>5}");
            padded.as_str()
        } else {
            s
        };
        self.by_code.get(key).map(|&i| &self.units[i])
    }

    /// The old communes of a name, with its type (`Thị trấn Trạm Tấu` is the old
    /// township, not the old `Xã Trạm Tấu`), among those `keep` accepts (those that
    /// went to communes of the areas held: the province's).
    pub fn by_name(&self, raw: &str, keep: impl Fn(&OldUnit) -> bool) -> Vec<&OldUnit> {
        let q = UnitName::parse(raw);
        let hits: Vec<usize> = match self.names.lookup(&q.bare) {
            Lookup::Found(i) => vec![i],
            Lookup::Ambiguous(v) => v,
            Lookup::Missing => Vec::new(),
        };
        let all: Vec<&OldUnit> = hits
            .into_iter()
            .filter(|&i| q.kind.is_none() || self.kinds[i] == q.kind)
            .map(|i| &self.units[i])
            .filter(|u| keep(u))
            .collect();
        match (all.len() > 1).then(|| by_qualifier(&q, &all)).flatten() {
            Some(one) => vec![one],
            None => all,
        }
    }
}

/// Of several old communes of a name, the one whose commune of today carries the place
/// the name's qualifier names: the crosswalk has no districts, but the 2025 reform named
/// many wards after their old city (`Phường 1, TP Bảo Lộc` was `24823 Phường 1`, now
/// `Phường 1 Bảo Lộc`; the other old Phường 1 is now `Phường Xuân Hương - Đà Lạt`).
fn by_qualifier<'u>(q: &UnitName, many: &[&'u OldUnit]) -> Option<&'u OldUnit> {
    let words = |s: &str| format!(" {} ", crate::text::fold(&s.replace('-', " ")));
    let place = words(&q.within.as_ref()?.bare);
    if place.trim().is_empty() {
        return None;
    }
    let carries = |u: &&&OldUnit| u.new.iter().any(|(_, name)| words(name).contains(&place));
    match many.iter().filter(carries).collect::<Vec<_>>().as_slice() {
        [one] => Some(**one),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by a new analyst's year in Lâm Đồng: `Phường 1, TP Bảo Lộc` was refused as
    /// a name of two old communes; the qualifier names the city whose name today's
    /// ward carries. A qualifier no candidate carries, or none, decides nothing.
    #[test]
    fn a_qualifier_picks_the_old_commune_whose_ward_of_today_carries_it() {
        let codes = |raw: &str| -> Vec<String> {
            (builtin().by_name(raw, |_| true).iter())
                .map(|u| u.code.clone())
                .collect()
        };
        assert_eq!(codes("Phường 1, TP Bảo Lộc"), ["24823"]);
        assert_eq!(codes("Phường 2 (TP Đà Lạt)"), ["24781"]);
        assert!(codes("Phường 2, huyện Sa Pa").len() > 1);
        assert!(codes("Phường 2").len() > 1);
    }

    #[test]
    fn old_codes_and_names_read_through_the_reform() {
        let c = builtin();
        // Lào Cai: the old township of Trạm Tấu is now in Xã Hạnh Phúc.
        let t = c.by_code("04585").unwrap();
        assert_eq!(
            (t.name.as_str(), t.became()),
            ("Thị trấn Trạm Tấu", Some("04585"))
        );
        let x = c.by_name("Xã Trung Tâm", |u| {
            u.new.iter().any(|(n, _)| n.starts_with("04"))
        });
        assert_eq!(x.len(), 1);
        assert_eq!(x[0].became(), Some("04363"));
        let tt = c.by_name("Thị trấn Trạm Tấu", |_| true);
        assert_eq!(
            tt.iter().map(|u| u.code.as_str()).collect::<Vec<_>>(),
            ["04585"]
        );
        // A split commune has candidates, not one commune.
        let split = c.by_code("16").unwrap();
        assert!(split.split && split.became().is_none());
        assert!(
            split.candidates().contains("00004 Phường Ba Đình"),
            "{}",
            split.candidates()
        );
        assert!(c.by_code("99999").is_none());
    }

    #[test]
    fn every_line_of_the_merges_file_is_read() {
        let c = builtin();
        let lines = MERGES.lines().count() - 1;
        let pairs: usize = c.units.iter().map(|u| u.new.len()).sum();
        assert_eq!(pairs, lines);
        let distinct: std::collections::HashSet<&str> = MERGES
            .lines()
            .skip(1)
            .filter_map(|l| l.split(',').nth(2))
            .collect();
        assert_eq!(c.units.len(), distinct.len());
        // 9,592 rows merge an old commune whole, 1,012 split one.
        assert_eq!(pairs, 10_604);
    }
}
