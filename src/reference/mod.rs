//! Reference tables as typed rows: areas, enterprises, eligible counts, targets; and
//! their Parquet form in the store. Reading them from the files offices send is
//! `read/`'s job, which imports these tables (never the reverse).

mod area_names;
pub mod crosswalk;
pub mod groups;
pub mod history;
pub mod mapping;
pub mod read;
pub mod unit_name;
pub mod versions;

pub use area_names::NameMatch;
use unit_name::UnitName;

use crate::org::OrgOrAny;
use crate::text::Lexicon;

/// Enterprise ownership: state, non-state, foreign-invested.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Ownership {
    State,
    NonState,
    Fdi,
}

impl Ownership {
    pub const ALL: [Ownership; 3] = [Ownership::State, Ownership::NonState, Ownership::Fdi];

    pub fn code(self) -> &'static str {
        match self {
            Ownership::State => "state",
            Ownership::NonState => "non_state",
            Ownership::Fdi => "fdi",
        }
    }

    pub fn parse(raw: &str) -> Option<Ownership> {
        let key = crate::text::fold(raw);
        let k = key.as_str();
        if matches!(
            k,
            "state"
                | "nha nuoc"
                | "dnnn"
                | "doanh nghiep nha nuoc"
                | "quoc doanh"
                | "soe"
                | "state owned"
        ) {
            Some(Ownership::State)
        } else if matches!(
            k,
            "non state"
                | "nonstate"
                | "private"
                | "ngoai nha nuoc"
                | "ngoai quoc doanh"
                | "tu nhan"
                | "dn ngoai nha nuoc"
                | "doanh nghiep ngoai nha nuoc"
                | "dn tu nhan"
                | "doanh nghiep tu nhan"
        ) {
            Some(Ownership::NonState)
        } else if matches!(
            k,
            "fdi"
                | "foreign"
                | "co von dau tu nuoc ngoai"
                | "von dau tu nuoc ngoai"
                | "dn fdi"
                | "doanh nghiep fdi"
                | "doanh nghiep co von dau tu nuoc ngoai"
                | "100 von nuoc ngoai"
        ) {
            Some(Ownership::Fdi)
        } else {
            None
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    pub code: String,
    pub name: String,
    pub level: String,
    pub parent_code: Option<String>,
    pub ethnic_minority: bool,
    /// Region I/II/III where the file gave one.
    pub ethnic_region: Option<String>,
    pub religious: bool,
    pub rural: bool,
    /// Further classification columns, by their (normalized) column names.
    pub extra: Vec<String>,
}

/// The areas reference with its look-ups.
#[derive(Debug, Clone, Default)]
pub struct Areas {
    pub units: Vec<Area>,
    /// The further columns' names as `--by` takes them (folded: `vung_cao`).
    pub extra_columns: Vec<String>,
    /// The same columns' headings as the file has them (`Vùng cao`), for a reader.
    pub extra_headings: Vec<String>,
    by_code: rustc_hash::FxHashMap<String, usize>,
    /// Units by their own name, without the type.
    names: Lexicon<usize>,
    /// Each unit's type, from its name (`xã`, `phường`, ...; `None` without one).
    kinds: Vec<Option<&'static str>>,
}

impl Areas {
    pub fn new(units: Vec<Area>, extra_columns: Vec<String>) -> Areas {
        let mut by_code = rustc_hash::FxHashMap::default();
        by_code.reserve(units.len());
        let mut names = Lexicon::default();
        let mut kinds = Vec::with_capacity(units.len());
        for (i, u) in units.iter().enumerate() {
            by_code.insert(u.code.clone(), i);
            let n = UnitName::parse(&u.name);
            names.insert(&n.bare, i);
            kinds.push(n.kind);
        }
        Areas {
            units,
            extra_headings: extra_columns.clone(),
            extra_columns,
            by_code,
            names,
            kinds,
        }
    }

    /// The further columns' headings as the file has them (one for each of
    /// `extra_columns`; a list of another length is not taken).
    pub fn with_headings(mut self, headings: Vec<String>) -> Areas {
        if headings.len() == self.extra_columns.len() {
            self.extra_headings = headings;
        }
        self
    }

    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    pub fn get(&self, code: &str) -> Option<&Area> {
        self.by_code.get(code).map(|&i| &self.units[i])
    }

    /// The unit's index in `units`.
    pub fn position(&self, code: &str) -> Option<u32> {
        self.by_code.get(code).map(|&i| i as u32)
    }

    /// Resolves a code as written, or with the leading zeros Excel dropped when the
    /// padded code exists.
    pub fn resolve_code(&self, raw: &str) -> Option<&Area> {
        let s = raw.trim();
        if let Some(a) = self.get(s) {
            return Some(a);
        }
        if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
            for width in [2usize, 3, 5] {
                if s.len() < width {
                    if let Some(a) = self.get(&format!("{s:0>width$}")) {
                        return Some(a);
                    }
                }
            }
        }
        None
    }

    /// The one unit at the top of the areas (the province, in a store that holds one):
    /// `None` when several units have no parent in the areas, or none.
    pub fn root(&self) -> Option<&Area> {
        let mut tops = self.units.iter().filter(|u| {
            u.parent_code
                .as_deref()
                .is_none_or(|p| self.get(p).is_none())
        });
        let first = tops.next()?;
        tops.next().is_none().then_some(first)
    }

    /// The unit and its ancestors, nearest first.
    pub fn lineage(&self, code: &str) -> Vec<&Area> {
        let mut out = Vec::new();
        let mut cur = self.get(code);
        while let Some(a) = cur {
            if out.iter().any(|x: &&Area| x.code == a.code) {
                break;
            }
            out.push(a);
            cur = a.parent_code.as_deref().and_then(|p| self.get(p));
        }
        out
    }

    /// The lowest level: the one most units without a unit below them have (the
    /// communes, where rolls point); ties to the first by name. `None` without areas.
    pub fn lowest_level(&self) -> Option<String> {
        let parents: std::collections::HashSet<&str> = (self.units.iter())
            .filter_map(|u| u.parent_code.as_deref())
            .collect();
        let mut count: std::collections::HashMap<&str, usize> = Default::default();
        for u in self
            .units
            .iter()
            .filter(|u| !parents.contains(u.code.as_str()))
        {
            *count.entry(u.level.as_str()).or_default() += 1;
        }
        let mut levels: Vec<(&str, usize)> = count.into_iter().collect();
        levels.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        levels.first().map(|(l, _)| l.to_string())
    }

    pub fn levels(&self) -> Vec<String> {
        let mut v: Vec<String> = self.units.iter().map(|u| u.level.clone()).collect();
        v.sort();
        v.dedup();
        v
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Enterprise {
    pub id: String,
    pub name: String,
    pub area_code: Option<String>,
    pub ownership: Ownership,
    pub workers: Option<u64>,
    /// Whether it has a grassroots organization, for each organization the file said
    /// it of (`Có CĐCS`, `Có chi đoàn`, a founding date); none where it said nothing.
    pub grassroots: Vec<(crate::org::Org, bool)>,
}

#[derive(Debug, Clone, Default)]
pub struct Enterprises {
    pub rows: Vec<Enterprise>,
    /// Tax codes inline in the table: a look-up reads one place in memory, not also
    /// the key's own allocation (a cache miss per roll row of an enterprise). Beside
    /// each, its row and its unit's code, inline too: a roll row without a unit of its
    /// own is placed by its enterprise's, and reading it from the row missed the cache
    /// twice more (the row, then the code's bytes).
    by_id: rustc_hash::FxHashMap<
        compact_str::CompactString,
        (usize, Option<compact_str::CompactString>),
    >,
}

impl Enterprises {
    pub fn new(rows: Vec<Enterprise>) -> Enterprises {
        let by_id = rows
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let area = e.area_code.as_deref().map(compact_str::CompactString::from);
                (compact_str::CompactString::from(e.id.as_str()), (i, area))
            })
            .collect();
        Enterprises { rows, by_id }
    }

    /// Whether the file said, of `org`, which enterprises have a grassroots
    /// organization.
    pub fn tells_grassroots(&self, org: &crate::org::Org) -> bool {
        self.rows
            .iter()
            .any(|e| e.grassroots.iter().any(|(o, _)| o == org))
    }

    pub fn get(&self, id: &str) -> Option<&Enterprise> {
        self.by_id
            .get(normalize_tax_code(id).as_ref())
            .map(|&(i, _)| &self.rows[i])
    }

    /// The unit of an enterprise (`None` where the file gave it none), or `None` for
    /// a tax code the table does not hold. `id` is normalized already.
    pub fn unit_of(&self, id: &str) -> Option<Option<&compact_str::CompactString>> {
        self.by_id.get(id).map(|(_, area)| area.as_ref())
    }
}

/// Tax codes are text: spaces and dots dropped, the branch dash kept. Most codes have
/// none of these and are returned as they are, without a copy.
pub fn normalize_tax_code(raw: &str) -> std::borrow::Cow<'_, str> {
    let dropped = |c: char| c.is_whitespace() || c == '.' || c == '\'';
    let t = raw.trim();
    if !t.contains(dropped) {
        return std::borrow::Cow::Borrowed(t);
    }
    std::borrow::Cow::Owned(t.chars().filter(|c| !dropped(*c)).collect())
}

#[derive(Debug, Clone, PartialEq)]
pub struct EligibleRow {
    pub area_code: String,
    pub org: OrgOrAny,
    pub year: i32,
    pub eligible: u64,
    pub dimension: Option<String>,
    pub group: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Scope {
    All,
    Unit(String),
    Group { dimension: String, group: String },
}

impl Scope {
    pub fn render(&self) -> String {
        match self {
            Scope::All => "*".into(),
            Scope::Unit(c) => c.clone(),
            Scope::Group { dimension, group } => format!("{dimension}={group}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub org: OrgOrAny,
    pub year: i32,
    pub scope: Scope,
    pub target_pct: f64,
}

/// All reference tables as the store holds them now (each may be empty).
#[derive(Debug, Clone, Default)]
pub struct Reference {
    pub areas: Areas,
    pub enterprises: Enterprises,
    pub eligible: Vec<EligibleRow>,
    pub targets: Vec<Target>,
    pub mapping: mapping::Mapping,
    /// The organizations the store knows: the five, then its orgs file's.
    pub orgs: crate::org::Orgs,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_enterprise_gives_its_unit_as_its_row_says() {
        let firm = |id: &str, area: Option<&str>| Enterprise {
            id: id.to_string(),
            name: format!("Công ty {id}"),
            area_code: area.map(str::to_string),
            ownership: Ownership::NonState,
            workers: None,
            grassroots: Vec::new(),
        };
        let t = Enterprises::new(vec![
            firm("5300100002", Some("02647")),
            firm("5300100003-001", None),
        ]);
        assert_eq!(
            t.unit_of("5300100002").map(|a| a.map(|c| c.as_str())),
            Some(Some("02647"))
        );
        assert_eq!(t.unit_of("5300100003-001"), Some(None));
        assert_eq!(t.unit_of("5300100009"), None);
        // The look-up by a code as written normalizes it; the rows stay as they were.
        assert_eq!(
            t.get(" 5300.100.002 ").map(|e| e.name.as_str()),
            Some("Công ty 5300100002")
        );
    }
}
