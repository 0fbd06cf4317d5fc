//! Row → member: one roll row becomes a member record (or a reject), with its
//! warnings. Names and ID numbers are turned into keyed hashes here and go no further.
//!
//! The room reads a roll row with the cell readers of `value/`: `memo.rs` (look-ups
//! remembered per parsing thread), the person's sex, birth and ID (`person.rs`), a
//! row's unit (`unit.rs`, `file_unit.rs` for a commune's own list), its ages against
//! the organization's (`eligible.rs`), its keys (`keys.rs`); and what a roll file says
//! as a whole: the date in its title (`title_date.rs`), the organization it names
//! (`org_words.rs`), departure words in columns tally does not read (`stray_words.rs`). It takes rows from `rows/` and
//! imports nothing from `ingest/`, which assembles the members into snapshots.

use chrono::NaiveDate;

use crate::lang::rows;
use crate::org::Org;
use crate::reference::crosswalk::{Codes, OldUnit};
use crate::reference::groups::{ethnicities, religions};
use crate::reference::{normalize_tax_code, NameMatch, Reference};
pub use crate::roll::Member;
use crate::rows::headers::{Field, Mapping};
use crate::rows::row::Row;
use crate::store::privacy::Secret;
use crate::t;
use crate::text::{clean, name_key, trim};
use crate::value::problem::Problem;
use crate::value::{self, Birth, DateError};
pub use eligible::Fit;
pub use keys::Keys;
use keys::Slot;
use membership::membership;
pub use memo::Lookups;
use memo::NameHit;
use person::{birth, national_id, sex};
use unit::resolve_area;

pub use file_unit::{file_unit, headings_agree, FileUnit, Sources};

mod eligible;
mod file_unit;
mod keys;
mod membership;
mod memo;
pub(crate) mod org_words;
mod person;
pub(crate) mod stray_words;
pub(crate) mod title_date;
mod unit;

/// What every row of one roll file is read against.
pub struct RollContext<'a> {
    pub file: &'a str,
    pub mapping: &'a Mapping,
    pub reference: &'a Reference,
    pub secret: &'a Secret,
    pub org: Option<Org>,
    pub as_of: Option<NaiveDate>,
    /// How to read unit codes: today's, else through the 2025 crosswalk.
    pub codes: Codes,
    /// Look-ups by raw cell, per parsing thread.
    pub lookups: Lookups,
    /// The unit of every row of a file without a unit column (a commune's own list).
    pub unit: Option<&'a FileUnit>,
    /// Whether the rows are a workbook sheet's, which leaves its empty cells out (a
    /// short row there is no line cut short).
    pub sheet: bool,
    /// Whether the rows are a comma-separated file's, where a number written with a
    /// decimal comma falls into two cells.
    pub comma: bool,
}

/// The parsed row, or why it is rejected; warnings either way.
pub struct Parsed {
    pub member: Result<Member, Problem>,
    pub warnings: Vec<Problem>,
    /// The pre-reform commune the row's unit was read through, if it was.
    pub mapped: Option<&'static OldUnit>,
    /// The row's unit code had lost its leading zeros (3127 for 03127) and was read
    /// with them put back.
    pub padded: bool,
    /// The status was a temporary one, read as active by the documented rule.
    pub excused: bool,
    /// Whether the member falls in the organization's eligible group.
    pub fit: Fit,
    /// The roll gave no sex (no column, or an empty cell): it was read from the
    /// national ID's fourth digit.
    pub sex_from_id: bool,
}

struct Cells<'a> {
    ctx: &'a RollContext<'a>,
    row: &'a Row,
    mapped: std::cell::Cell<Option<&'static OldUnit>>,
    padded: std::cell::Cell<bool>,
    excused: std::cell::Cell<bool>,
    fit: std::cell::Cell<Fit>,
    sex_from_id: std::cell::Cell<bool>,
}

impl<'a> Cells<'a> {
    fn raw(&self, f: Field) -> &'a str {
        self.row.get(self.ctx.mapping.index(f))
    }

    fn text(&self, f: Field) -> String {
        clean(self.raw(f))
    }

    fn header(&self, f: Field) -> Option<&'a str> {
        self.ctx
            .mapping
            .index(f)
            .map(|i| self.ctx.mapping.headers[i].as_str())
    }

    fn problem(&self, f: Field, reason: impl Into<crate::lang::Text>) -> Problem {
        let mut reason = reason.into();
        // A CSV line that ends before the column is cut short (or broken by a line
        // end inside a cell without quotes): said, since the column's own reason (an
        // unknown organization, no date) would send the reader to the wrong cell. A
        // sheet's row leaves its empty cells out, and is not.
        let index = self.ctx.mapping.index(f);
        if index.is_some_and(|i| i >= self.row.len()) && !self.ctx.sheet {
            let (has, wants) = (self.row.len(), self.ctx.mapping.headers.len());
            reason = crate::t!(rows::ROW_ENDS_BEFORE, reason, has, wants);
        }
        Problem::new(
            self.ctx.file,
            self.row.line,
            self.header(f),
            self.raw(f).trim(),
            reason,
        )
    }
}

fn date_problem(c: &Cells, f: Field, e: DateError) -> Problem {
    match e {
        DateError::MonthFirst => c
            .problem(f, t!(rows::DATE_MONTH_FIRST, t!(rows::DATE_EXPECTED)))
            .hint(t!(rows::DATE_MONTH_FIRST_HINT)),
        DateError::NoSuchDay { last } => c
            .problem(f, t!(rows::NO_SUCH_DAY, last))
            .hint(t!(rows::DATE_HINT)),
        DateError::Invalid => c
            .problem(f, t!(rows::NOT_A_DATE, t!(rows::DATE_EXPECTED)))
            .hint(t!(rows::DATE_HINT)),
    }
}

/// Reads one row on its own.
pub fn parse(ctx: &RollContext, row: &Row) -> Parsed {
    let mut keys = Keys::new(ctx.secret);
    let mut one = [parse_in_chunk(ctx, row, 0, &mut keys)];
    keys.finish(&mut one);
    let [parsed] = one;
    parsed
}

/// Reads row `row`, the `index`-th of its chunk. Its keyed hashes are left to `keys`
/// where they can be hashed with other rows' ([`Keys::finish`]).
pub fn parse_in_chunk(ctx: &RollContext, row: &Row, index: usize, keys: &mut Keys) -> Parsed {
    let mut warnings = Vec::new();
    let c = Cells {
        ctx,
        row,
        mapped: Default::default(),
        padded: Default::default(),
        excused: Default::default(),
        fit: Default::default(),
        sex_from_id: Default::default(),
    };
    keys.start_row(index);
    let member = parse_inner(&c, &mut warnings, keys);
    let kept = member.is_ok();
    Parsed {
        mapped: member.as_ref().ok().and(c.mapped.get()),
        padded: member.is_ok() && c.padded.get(),
        member,
        warnings,
        excused: kept && c.excused.get(),
        fit: if kept { c.fit.get() } else { Fit::Unknown },
        sex_from_id: kept && c.sex_from_id.get(),
    }
}

fn parse_inner(c: &Cells, warnings: &mut Vec<Problem>, keys: &mut Keys) -> Result<Member, Problem> {
    whole_row(c)?;
    let (org, as_of) = source(c)?;
    let pivot = chrono::Datelike::year(&as_of);
    // Sex and birth come first: the ID check uses them.
    let sex = sex(c, warnings);
    let birth = birth(c, as_of, warnings)?;
    let national_id = national_id(c, birth, sex, warnings)?;
    // The name matters only where there is no national ID: it is then the person key.
    let full_name = if national_id.is_none() {
        c.text(Field::FullName)
    } else {
        String::new()
    };
    if full_name.is_empty() && national_id.is_none() {
        return Err(c
            .problem(Field::FullName, no_name_no_id(c.row))
            .hint(t!(rows::NO_NAME_NO_ID_HINT)));
    }
    let area_code = resolve_area(c)?;
    let ((joined_on, left_on), status) = membership(c, as_of, pivot, warnings)?;
    let ethnicity = lookup_group(
        c,
        Field::Ethnicity,
        ethnicities(),
        &rows::ETHNICITY,
        warnings,
    );
    let religion = lookup_group(c, Field::Religion, religions(), &rows::RELIGION, warnings);
    let member = status.active() && left_on.is_none_or(|l| l > as_of);
    let who = (sex, birth, national_id.as_deref());
    let sex = person::checked_sex(c, (&org, as_of, member), who, warnings);

    // The name key is needed only where there is no national ID (it is then the
    // person key and the duplicate check).
    let (person, has_national_id, name_hash) = match &national_id {
        Some(id) => (keys.key(Slot::Person, "nid", &[id]), true, None),
        None => {
            let birth_text = match birth {
                Some(Birth::Date(d)) => d.to_string(),
                Some(Birth::Year(y)) => y.to_string(),
                None => String::new(),
            };
            let name = name_key(&full_name);
            let key = keys.key(Slot::Person, "name", &[&name, &birth_text, &area_code]);
            (key, false, (!full_name.is_empty()).then_some(key))
        }
    };
    let member_id = crate::text::clean_cow(c.raw(Field::MemberId));
    let member_key =
        (!member_id.is_empty()).then(|| keys.key(Slot::Member, "mid", &[org.code(), &member_id]));
    let enterprise_id = Some(normalize_tax_code(c.raw(Field::EnterpriseId)))
        .filter(|s| !s.is_empty())
        .map(|s| compact_str::CompactString::from(s.as_ref()));

    Ok(Member {
        org,
        as_of,
        person,
        has_national_id,
        member_key,
        name_key: name_hash,
        sex,
        birth,
        ethnicity,
        religion,
        area_code,
        area_from: c.mapped.get().map(|u| u.code.clone()),
        enterprise_id,
        joined_on,
        left_on,
        active: status.active(),
        left_reason: status.reason(),
    })
}

/// What is wrong with the row as a whole, before any of its cells is read: cells
/// beyond the header first (a number split at its decimal comma is the row's trouble,
/// whatever its cells then say), then a spreadsheet error in a cell tally reads.
fn whole_row(c: &Cells) -> Result<(), Problem> {
    let ctx = c.ctx;
    if let Some(p) = value::problem::beyond_header(ctx.file, c.row, ctx.mapping, ctx.comma) {
        return Err(p);
    }
    spreadsheet_errors(c)
}

/// A cell tally reads that holds a spreadsheet error (`#N/A`, `#REF!`: a formula that
/// failed) or a formula saved without its value rejects the row: its value is unknown,
/// and it would otherwise be read as a name or an unreadable date.
fn spreadsheet_errors(c: &Cells) -> Result<(), Problem> {
    // Both troubles start with `#`, which a member's row rarely holds anywhere.
    if !c.row.contains_byte(b'#') {
        return Ok(());
    }
    for (i, f) in c.ctx.mapping.columns.iter().enumerate() {
        let Some(f) = f else { continue };
        if let Some((reason, hint)) =
            crate::rows::workbook::cell_trouble(c.row.cell(i).unwrap_or(""))
        {
            return Err(c.problem(*f, reason).hint(hint));
        }
    }
    Ok(())
}

/// Why a row without a name or an ID is no member, with what the row does hold (a
/// totals or heading row tally did not know: `Cộng khu dân cư số 3`), so that the
/// reader sees which row it is.
fn no_name_no_id(row: &crate::rows::row::Row) -> crate::lang::Text {
    let held: Vec<&str> = (row.cells().map(trim))
        .filter(|c| !c.is_empty())
        .take(3)
        .collect();
    match held.is_empty() {
        true => t!(rows::NO_NAME_NO_ID),
        false => {
            let said = crate::lang::Text::Said(held.join(" | ").chars().take(80).collect());
            t!(rows::NO_NAME_NO_ID_HOLDS, said)
        }
    }
}

/// Organization and snapshot date: the row's own columns where they say one, else the
/// flags. A column that contradicts a flag is caught where the snapshot is assembled,
/// so that the whole file is refused rather than the row.
fn source(c: &Cells) -> Result<(Org, NaiveDate), Problem> {
    let ctx = c.ctx;
    let raw = trim(c.raw(Field::Org));
    let stated = (!raw.is_empty())
        .then(|| {
            ctx.lookups
                .org
                .get_or(raw, || ctx.reference.orgs.parse(raw))
        })
        .flatten();
    let org = match (stated, &ctx.org) {
        (Some(o), _) => o,
        (None, Some(o)) => o.clone(),
        (None, None) => {
            return Err(c
                .problem(
                    Field::Org,
                    t!(rows::UNKNOWN_ORG, ctx.reference.orgs.expected()),
                )
                .hint(t!(rows::UNKNOWN_ORG_HINT)))
        }
    };
    let raw = trim(c.raw(Field::AsOf));
    let stated = match (raw.is_empty(), ctx.as_of) {
        (true, _) => None,
        (false, flag) => match ctx.lookups.as_of.get_or(raw, || value::parse_as_of(raw)) {
            Ok(d) => Some(d),
            Err(_) if flag.is_some() => None,
            Err(e) => return Err(date_problem(c, Field::AsOf, e).hint(t!(rows::AS_OF_HINT))),
        },
    };
    let as_of = match (stated, ctx.as_of) {
        (Some(d), _) | (None, Some(d)) => d,
        (None, None) => {
            return Err(
                date_problem(c, Field::AsOf, value::DateError::Invalid).hint(t!(rows::AS_OF_HINT))
            )
        }
    };
    Ok((org, as_of))
}

fn optional_date(c: &Cells, f: Field, pivot: i32) -> Result<Option<NaiveDate>, Problem> {
    let raw = trim(c.raw(f));
    if raw.is_empty() {
        return Ok(None);
    }
    value::parse_date(raw, pivot)
        .map(Some)
        .map_err(|e| date_problem(c, f, e))
}

fn lookup_group(
    c: &Cells,
    f: Field,
    list: &'static crate::reference::groups::CodeList,
    what: &'static crate::lang::Msg,
    warnings: &mut Vec<Problem>,
) -> Option<&'static str> {
    let cell = c.raw(f);
    if trim(cell).is_empty() {
        return None;
    }
    let memo = if f == Field::Ethnicity {
        &c.ctx.lookups.ethnicity
    } else {
        &c.ctx.lookups.religion
    };
    let found = memo.get_or(cell, || list.code_of(&clean(cell)));
    match found {
        Some(code) => Some(code),
        None => {
            warnings.push(c.problem(f, t!(rows::UNKNOWN_GROUP, t!(*what))));
            None
        }
    }
}
