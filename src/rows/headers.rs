//! Header rows: which column is which field, for each kind of file, and where the
//! header row is (exports often put a title and blank rows above it).

pub use super::org_columns::org_column;
use crate::org::Orgs;
use crate::text::fold;
use std::sync::OnceLock;

pub use crate::kind::Kind;

/// Every field any kind of file can carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    // rolls
    MemberId,
    NationalId,
    FullName,
    Sex,
    BirthDate,
    Ethnicity,
    Religion,
    AreaCode,
    AreaName,
    EnterpriseId,
    JoinedOn,
    LeftOn,
    Status,
    Org,
    AsOf,
    // areas
    Code,
    Name,
    Level,
    ParentCode,
    EthnicMinority,
    Religious,
    Rural,
    // enterprises
    Ownership,
    Workers,
    // eligible
    Year,
    Eligible,
    Dimension,
    Group,
    // targets
    Scope,
    TargetPct,
    // mapping
    OldCode,
    NewCode,
    Share,
    // orgs
    Aliases,
    MinAge,
    MaxAge,
}

impl Field {
    pub const ALL: [Field; 36] = [
        Field::MemberId,
        Field::NationalId,
        Field::FullName,
        Field::Sex,
        Field::BirthDate,
        Field::Ethnicity,
        Field::Religion,
        Field::AreaCode,
        Field::AreaName,
        Field::EnterpriseId,
        Field::JoinedOn,
        Field::LeftOn,
        Field::Status,
        Field::Org,
        Field::AsOf,
        Field::Code,
        Field::Name,
        Field::Level,
        Field::ParentCode,
        Field::EthnicMinority,
        Field::Religious,
        Field::Rural,
        Field::Ownership,
        Field::Workers,
        Field::Year,
        Field::Eligible,
        Field::Dimension,
        Field::Group,
        Field::Scope,
        Field::TargetPct,
        Field::OldCode,
        Field::NewCode,
        Field::Share,
        Field::Aliases,
        Field::MinAge,
        Field::MaxAge,
    ];

    /// The field of a canonical column name.
    pub fn parse(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The canonical (English, snake_case) column name.
    pub fn name(self) -> &'static str {
        match self {
            Field::MemberId => "member_id",
            Field::NationalId => "national_id",
            Field::FullName => "full_name",
            Field::Sex => "sex",
            Field::BirthDate => "birth_date",
            Field::Ethnicity => "ethnicity",
            Field::Religion => "religion",
            Field::AreaCode => "area_code",
            Field::AreaName => "area_name",
            Field::EnterpriseId => "enterprise_id",
            Field::JoinedOn => "joined_on",
            Field::LeftOn => "left_on",
            Field::Status => "status",
            Field::Org => "org",
            Field::AsOf => "as_of",
            Field::Code => "code",
            Field::Name => "name",
            Field::Level => "level",
            Field::ParentCode => "parent_code",
            Field::EthnicMinority => "ethnic_minority",
            Field::Religious => "religious",
            Field::Rural => "rural",
            Field::Ownership => "ownership",
            Field::Workers => "workers",
            Field::Year => "year",
            Field::Eligible => "eligible",
            Field::Dimension => "dimension",
            Field::Group => "group",
            Field::Scope => "scope",
            Field::TargetPct => "target_pct",
            Field::OldCode => "old_code",
            Field::NewCode => "new_code",
            Field::Share => "share",
            Field::Aliases => "aliases",
            Field::MinAge => "min_age",
            Field::MaxAge => "max_age",
        }
    }
}

/// The header spellings of each field, per kind of file, folded (lower case, no
/// diacritics, one space between words): one line per spelling, in the order fields
/// are listed in messages. A new spelling seen in a real export is a line here.
const ALIASES: &str = include_str!("headers.csv");

/// The fields of one kind, each with its spellings.
type Spellings = Vec<(Field, Vec<&'static str>)>;

/// Field and spellings, per kind, read from [`ALIASES`] once.
pub(crate) fn aliases(kind: Kind) -> &'static [(Field, Vec<&'static str>)] {
    static TABLE: OnceLock<Vec<Spellings>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table: Vec<Spellings> = vec![Vec::new(); Kind::ALL.len()];
        for line in ALIASES.lines().skip(1).filter(|l| !l.trim().is_empty()) {
            let mut cells = line.splitn(3, ',');
            let (Some(k), Some(f), Some(h)) = (cells.next(), cells.next(), cells.next()) else {
                continue;
            };
            let (Some(k), Some(f)) = (Kind::parse(k), Field::parse(f)) else {
                continue;
            };
            let fields = &mut table[k as usize];
            match fields.iter_mut().find(|(x, _)| *x == f) {
                Some((_, names)) => names.push(h),
                None => fields.push((f, vec![h])),
            }
        }
        table
    });
    &table[kind as usize]
}

/// Columns that are noise in every export: row numbers, blanks.
fn is_ignorable(folded: &str) -> bool {
    folded.is_empty() || matches!(folded, "stt" | "tt" | "so tt" | "so thu tu" | "no" | "#")
}

/// Which field each column carries, for one kind.
#[derive(Debug, Clone)]
pub struct Mapping {
    pub kind: Kind,
    /// One entry per column: the field, or `None` for a column we ignore or keep as-is.
    pub columns: Vec<Option<Field>>,
    /// The header cells as they were written (cleaned), for messages.
    pub headers: Vec<String>,
    /// Unmatched, non-empty headers: ignored with a warning (or, for areas, kept as
    /// further classifications).
    pub unknown: Vec<(usize, String)>,
    /// A roll's Nam/Nữ pair under a birth-date heading: (male column, female column,
    /// the header's width before the two columns read from them).
    pub sex_pair: Option<(usize, usize, usize)>,
    /// The pair holds marks (`x`) under a sex heading, not birth dates: it gives the
    /// sex only.
    pub sex_marks: bool,
    /// A counts table in the office's wide layout: the columns that each hold one
    /// organization's counts (`Hội Phụ nữ`, `Đoàn Thanh niên`), read long.
    pub wide: Vec<usize>,
    /// Columns named after organizations in a file read as another kind (a counts
    /// table is never the areas).
    pub org_named: Vec<usize>,
    /// The kind was named with --kind, not detected: an areas file then needs only a
    /// code and a name.
    pub forced: bool,
    /// How wide a second header row of sub-headings is (0 without one): a CSV writes a
    /// merged heading's last sub-column only there, and the rows are that wide.
    pub sub_width: usize,
    /// With a second header row, the most cells either header row was written with
    /// (empty ones too): an export writes every row as wide, so a longer row holds a
    /// number split by a decimal comma somewhere, even where its last cell is empty.
    pub written_width: usize,
    /// A targets table in the office's wide layout, a row per organization: the
    /// columns that each hold one scope's targets (`Toàn tỉnh`, `Vùng đồng bào DTTS`).
    pub scopes: Vec<usize>,
}

/// The longest cell read as a column's name: every name tally knows is a few words,
/// and the header search maps each of a file's first rows as every kind, so a cell of a
/// title block or a note (kilobytes, up to a megabyte) folded each time took minutes.
const LONGEST_HEADER: usize = 512;

/// The field a folded header names as `kind`, by the spellings in `table`; a roll's
/// status and departure dates also under the many headers offices give them
/// ("Trạng thái ĐV/HV", "Ngày mất").
fn field_named(kind: Kind, table: &[(Field, Vec<&str>)], key: &str) -> Option<Field> {
    let find = |k: &str| {
        table
            .iter()
            .find(|(_, names)| names.contains(&k))
            .map(|(f, _)| *f)
    };
    find(key).or_else(|| {
        if kind != Kind::Roll {
            return None;
        }
        use super::status_headers::{spelled_out, status_column, StatusColumn};
        let spelled = spelled_out(key);
        find(&spelled).or_else(|| {
            status_column(&spelled).map(|c| match c {
                StatusColumn::Status => Field::Status,
                StatusColumn::LeftOn => Field::LeftOn,
            })
        })
    })
}

/// A targets table in the office's wide layout (an organization column, no scope and
/// no target column): the unknown columns whose headings can name a scope. None where
/// a column of eligible people (`Tổng số đối tượng`) says the table holds counts.
fn scope_columns(kind: Kind, columns: &[Option<Field>], unknown: &[(usize, String)]) -> Vec<usize> {
    let has = |f: Field| columns.contains(&Some(f));
    if kind != Kind::Targets || !has(Field::Org) || has(Field::TargetPct) || has(Field::Scope) {
        return Vec::new();
    }
    let named = |kind: Kind, fields: &[Field], key: &str| {
        (aliases(kind).iter())
            .filter(|(f, _)| fields.contains(f))
            .any(|(_, names)| names.contains(&key))
    };
    let short = |h: &str| h.len() <= LONGEST_HEADER;
    let counts = |h: &String| short(h) && named(Kind::Eligible, &[Field::Eligible], &fold(h));
    if unknown.iter().any(|(_, h)| counts(h)) {
        return Vec::new();
    }
    // A focus area by any of the areas file's names for it.
    let focus = [Field::EthnicMinority, Field::Religious, Field::Rural];
    let focus = |key: &str| named(Kind::Areas, &focus, key);
    (unknown.iter())
        .filter(|(_, h)| short(h) && super::scope_words::is_scope(&fold(h), focus))
        .map(|(i, _)| *i)
        .collect()
}

impl Mapping {
    /// Maps a header row as `kind`; `orgs` name the columns of a counts table of one
    /// column per organization.
    pub fn build(kind: Kind, headers: &[String], orgs: &Orgs) -> Mapping {
        let table = aliases(kind);
        let mut columns: Vec<Option<Field>> = Vec::with_capacity(headers.len());
        let mut unknown = Vec::new();
        for (i, header) in headers.iter().enumerate() {
            // A cell longer than any name (a title's, a note's) is not folded: unknown.
            let key = (header.len() <= LONGEST_HEADER).then(|| fold(header));
            // The first column of a field wins; a repeat is ignored like an unknown one.
            let hit = key
                .as_deref()
                .and_then(|k| field_named(kind, table, k))
                .filter(|f| !columns.contains(&Some(*f)));
            if hit.is_none() && !key.as_deref().is_some_and(is_ignorable) {
                unknown.push((i, header.clone()));
            }
            columns.push(hit);
        }
        let mut headers = headers.to_vec();
        let (sex_pair, sex_marks) = match kind {
            Kind::Roll => sex_pair_columns(&mut headers, &mut columns, &mut unknown),
            _ => (None, false),
        };
        // An enterprises file's column saying which have a grassroots organization is
        // read (by the reference reader), not ignored.
        if kind == Kind::Enterprises {
            unknown.retain(|(_, h)| {
                h.len() > LONGEST_HEADER
                    || super::grassroots_headers::grassroots_org(h, orgs).is_none()
            });
        }
        let org_named: Vec<usize> = unknown
            .iter()
            .filter(|(_, h)| h.len() <= LONGEST_HEADER && org_column(h, orgs).is_some())
            .map(|(i, _)| *i)
            .collect();
        // One column per organization, when no column says the organization or the
        // count: the office's wide table.
        let scopes = scope_columns(kind, &columns, &unknown);
        unknown.retain(|(i, _)| !scopes.contains(i));
        let mut wide = Vec::new();
        if kind == Kind::Eligible
            && !columns.contains(&Some(Field::Org))
            && !columns.contains(&Some(Field::Eligible))
        {
            unknown.retain(|(i, _)| !org_named.contains(i));
            wide = org_named.clone();
        }
        Mapping {
            kind,
            columns,
            headers,
            unknown,
            sex_pair,
            sex_marks,
            wide,
            org_named,
            forced: false,
            sub_width: 0,
            written_width: 0,
            scopes,
        }
    }

    pub fn index(&self, field: Field) -> Option<usize> {
        self.columns.iter().position(|c| *c == Some(field))
    }

    pub fn has(&self, field: Field) -> bool {
        self.index(field).is_some()
    }

    pub fn matched(&self) -> usize {
        self.columns.iter().filter(|c| c.is_some()).count() + self.wide.len() + self.scopes.len()
    }

    /// Whether a roll's rows say their unit: a code, a name, or an enterprise.
    pub fn has_unit(&self) -> bool {
        self.has(Field::AreaCode) || self.has(Field::AreaName) || self.has(Field::EnterpriseId)
    }
}

/// Finds the header row among the first rows and the kind it belongs to (or checks the
/// forced kind). Returns the row's index and its mapping.
pub fn find_header(
    rows: &[Vec<String>],
    forced: Option<Kind>,
    orgs: &Orgs,
) -> Option<(usize, Mapping)> {
    let kinds: Vec<Kind> = match forced {
        Some(k) => vec![k],
        None => Kind::ALL.to_vec(),
    };
    let mut best: Option<(usize, usize, Mapping)> = None;
    for (i, row) in rows.iter().enumerate() {
        for &kind in &kinds {
            let mut mapping = Mapping::build(kind, row, orgs);
            mapping.forced = forced.is_some();
            let score = mapping.matched();
            if score < 2 || !mapping.missing().is_empty() && forced.is_none() {
                continue;
            }
            // A table with a column per organization holds counts, whatever else it has:
            // neither the areas nor a list of organizations (whose code and name
            // columns it also matches), stored without a word.
            let lists = matches!(kind, Kind::Areas | Kind::Orgs);
            if lists && !mapping.org_named.is_empty() && forced.is_none() {
                continue;
            }
            // Prefer more matched columns; on a tie, the earlier row, then the first kind.
            if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
                best = Some((score, i, mapping));
            }
        }
        if best.is_some() && forced.is_none() {
            // The header is the first row that reads as one; rows below are data.
            break;
        }
    }
    if best.is_none() && forced.is_some() {
        // Forced kind: take the row with the most matches even if fields are missing,
        // so the caller can say which.
        for (i, row) in rows.iter().enumerate() {
            let mut mapping = Mapping::build(kinds[0], row, orgs);
            mapping.forced = true;
            let score = mapping.matched();
            if score >= 1 && best.as_ref().is_none_or(|(s, _, _)| score > *s) {
                best = Some((score, i, mapping));
            }
        }
    }
    best.map(|(_, i, m)| (i, m))
}

/// The kind whose columns a row matches best (at least two), for a header that lacks
/// a required column; on a tie the earlier kind, except that a unit code and name
/// tied between a roll and the areas are a list of units without its classifications.
pub fn nearest_kind(rows: &[Vec<String>], orgs: &Orgs) -> Option<Kind> {
    let mut best: Option<(usize, Kind)> = None;
    for row in rows {
        for kind in Kind::ALL {
            let score = Mapping::build(kind, row, orgs).matched();
            let units_list = kind == Kind::Areas && best == Some((score, Kind::Roll));
            if score >= 2 && (best.is_none_or(|(s, _)| score > s) || units_list) {
                best = Some((score, kind));
            }
        }
    }
    best.map(|(_, k)| k)
}

/// A roll's Nam | Nữ pair, where no column gives the sex: birth dates under it (the
/// date's column says the sex), or marks under `Giới tính` over it (an `x` in one of
/// them). Its synthetic columns added to `headers` and `columns`; the pair (male,
/// female, the width before), and whether it holds marks.
fn sex_pair_columns(
    headers: &mut Vec<String>,
    columns: &mut Vec<Option<Field>>,
    unknown: &mut Vec<(usize, String)>,
) -> (Option<(usize, usize, usize)>, bool) {
    let names = |field: Field| {
        (aliases(Kind::Roll).iter())
            .find(|(f, _)| *f == field)
            .map_or(&[][..], |(_, names)| names.as_slice())
    };
    let lacks = |f: Field| !columns.contains(&Some(f));
    if !lacks(Field::Sex) {
        return (None, false);
    }
    let births = lacks(Field::BirthDate)
        .then(|| super::sex_pair::pair_under(headers, names(Field::BirthDate)))
        .flatten();
    let marks = super::sex_pair::pair_under(headers, names(Field::Sex));
    let Some((m, f)) = births.or(marks) else {
        return (None, false);
    };
    unknown.retain(|(i, _)| *i != m && *i != f);
    let pair = (m, f, headers.len());
    let both = format!("{} / {}", headers[m], headers[f]);
    if births.is_some() {
        headers.push(both.clone());
        columns.push(Some(Field::BirthDate));
    }
    headers.push(both);
    columns.push(Some(Field::Sex));
    (Some(pair), births.is_none())
}

#[cfg(test)]
#[path = "headers_tests.rs"]
mod tests;
