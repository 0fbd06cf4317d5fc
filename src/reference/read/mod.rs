//! Reference files → typed tables, validated: areas (unique codes, parents exist, no
//! cycles), enterprises, eligible counts, targets, the mapping file and the orgs file.
//! The rows come from `rows/`, the cells are read by `value/` (one reading rule for
//! rolls and reference files alike); committing what is read into
//! the store is the assembly's job (`ingest/reference_file.rs`).

use anyhow::Result;
use std::collections::{HashMap, HashSet};

use crate::rows::headers::{Field, Kind};
use crate::rows::table::{Row, Table};
use crate::value;
use crate::value::problem::Problem;

mod areas;
mod eligible;
mod members_title;
mod old_parts;
mod wide_counts;
pub use members_title::title_names_members;
mod enterprises;
mod grassroots;
mod mapping;
mod orgs;
mod targets;
mod year;
use crate::lang;
use crate::org::OrgOrAny;
use crate::reference::{
    normalize_tax_code, Area, Areas, EligibleRow, Enterprise, Enterprises, Ownership, Reference,
    Scope, Target,
};
use crate::t;
use crate::text::{clean, fold};
use areas::areas;
use eligible::eligible;
use enterprises::enterprises;
use mapping::mapping;
use orgs::orgs;
use targets::targets;

/// A parsed reference file: the new table, with the rows' problems.
pub enum Parsed {
    Areas(Areas),
    Enterprises(Enterprises),
    Eligible(Vec<EligibleRow>),
    Targets(Vec<Target>),
    Mapping(crate::reference::mapping::Mapping),
    Orgs(Vec<crate::org::OrgDef>),
}

impl Parsed {
    pub fn rows(&self) -> usize {
        match self {
            Parsed::Areas(a) => a.units.len(),
            Parsed::Enterprises(e) => e.rows.len(),
            Parsed::Eligible(v) => v.len(),
            Parsed::Targets(v) => v.len(),
            Parsed::Mapping(m) => m.rows(),
            Parsed::Orgs(v) => v.len(),
        }
    }

    /// Puts the new table in place of the old one.
    pub fn install(self, r: &mut Reference) {
        match self {
            Parsed::Areas(a) => r.areas = a,
            Parsed::Enterprises(e) => r.enterprises = e,
            Parsed::Eligible(v) => r.eligible = v,
            Parsed::Targets(v) => r.targets = v,
            Parsed::Mapping(m) => r.mapping = m,
            // Known from now on, to the files after this one in the same command.
            Parsed::Orgs(v) => r.orgs = crate::org::Orgs::new(&v),
        }
    }
}

pub struct Outcome {
    pub parsed: Parsed,
    pub rejects: Vec<(Problem, Row)>,
    pub warnings: Vec<Problem>,
    /// What reading it did that the summary says (old codes read through the reform).
    pub notes: Vec<crate::lang::Text>,
}

struct Ctx<'a> {
    table: &'a Table,
    /// The organizations known: the store's, or an orgs file's of the same command.
    orgs: &'a crate::org::Orgs,
    /// How unit codes are read (`--codes`): `Old` reads every code through the 2025
    /// crosswalk, `New` none.
    codes: crate::reference::crosswalk::Codes,
    /// The year of a row without its own: the title's, else `--year` (see `year`).
    year: Option<i32>,
    /// A counts table's column per organization, with the organization it names.
    wide: Vec<(usize, OrgOrAny)>,
    /// Unit codes read as the areas' code they are once their lost leading zeros are
    /// put back (`3127` as `03127`), said once with their count.
    padded: std::cell::Cell<u64>,
    /// An enterprises file's columns that say whether each has a grassroots
    /// organization, with the organization.
    grassroots: Vec<(usize, crate::org::Org)>,
}

impl Ctx<'_> {
    fn raw<'r>(&self, row: &'r Row, f: Field) -> &'r str {
        row.get(self.table.mapping.index(f))
    }

    fn problem(&self, row: &Row, f: Field, reason: impl Into<crate::lang::Text>) -> Problem {
        let header = self
            .table
            .mapping
            .index(f)
            .map(|i| self.table.mapping.headers[i].as_str());
        Problem::new(
            &self.table.name,
            row.line,
            header,
            self.raw(row, f).trim(),
            reason,
        )
    }

    /// A problem with the cell of column `col`.
    fn problem_at(&self, row: &Row, col: usize, reason: impl Into<crate::lang::Text>) -> Problem {
        let header = self.table.mapping.headers.get(col).map(String::as_str);
        Problem::new(
            &self.table.name,
            row.line,
            header,
            row.get(Some(col)).trim(),
            reason,
        )
    }
}

/// Reads every row of a reference file and validates it against what the store (or an
/// earlier file of the same command) already holds.
pub fn read(table: &mut Table, current: &Reference) -> Result<Outcome> {
    read_with(
        table,
        current,
        crate::reference::crosswalk::Codes::Auto,
        None,
    )
}

/// [`read`], with unit codes read as `codes` says, and `year` (`--year`) the year of a
/// counts or targets file that does not say its own.
pub fn read_with(
    table: &mut Table,
    current: &Reference,
    codes: crate::reference::crosswalk::Codes,
    year: Option<i32>,
) -> Result<Outcome> {
    if table.mapping.kind == Kind::Areas {
        areas::own_columns_distinct(table)?;
    }
    let mut rows = Vec::new();
    let mut rejects = Vec::new();
    let comma = table.comma_separated();
    while let Some(r) = table.next_row()? {
        let beyond = value::problem::beyond_header(&table.name, &r, &table.mapping, comma);
        match beyond.or_else(|| unreadable_cell(table, &r)) {
            Some(p) => rejects.push((p, r)),
            None => rows.push(r),
        }
    }
    let year = match table.mapping.kind {
        Kind::Eligible | Kind::Targets => year::file_year(table, &rows, year)?,
        _ => None,
    };
    let wide = wide_counts::wide_columns(table, &current.orgs)?;
    wide_counts::unnamed_count_columns(table, &wide, &rows, &current.orgs)?;
    let grassroots = grassroots::columns(table, &current.orgs);
    let ctx = Ctx {
        table,
        orgs: &current.orgs,
        codes,
        year,
        wide,
        padded: std::cell::Cell::new(0),
        grassroots,
    };
    let mut warnings = Vec::new();
    let mut notes = Vec::new();
    let parsed = match table.mapping.kind {
        Kind::Areas => Parsed::Areas(areas(&ctx, rows, &mut rejects, &mut notes)),
        Kind::Enterprises => Parsed::Enterprises(enterprises(
            &ctx,
            rows,
            current,
            &mut rejects,
            &mut warnings,
            &mut notes,
        )),
        Kind::Eligible => Parsed::Eligible(eligible(&ctx, rows, current, &mut rejects, &mut notes)),
        Kind::Targets => Parsed::Targets(targets(&ctx, rows, current, &mut rejects)),
        Kind::Mapping => Parsed::Mapping(mapping(&ctx, rows, current, &mut rejects)),
        Kind::Orgs => Parsed::Orgs(orgs(&ctx, rows, &mut rejects)),
        Kind::Roll => unreachable!("rolls are read by member"),
    };
    if ctx.padded.get() > 0 {
        notes.push(crate::t!(
            crate::lang::reference::PADDED_AREA_CODES,
            crate::lang::Text::Count(ctx.padded.get() as u64)
        ));
    }
    Ok(Outcome {
        parsed,
        rejects,
        warnings,
        notes,
    })
}

/// A cell of a column tally reads that holds a spreadsheet error or a formula saved
/// without its value: the row is rejected whatever its kind.
fn unreadable_cell(table: &Table, row: &Row) -> Option<Problem> {
    table.mapping.columns.iter().enumerate().find_map(|(i, f)| {
        f.as_ref()?;
        let v = row.get(Some(i));
        let (reason, hint) = crate::rows::workbook::cell_trouble(v)?;
        Some(
            Problem::new(
                &table.name,
                row.line,
                Some(table.mapping.headers[i].as_str()),
                v.trim(),
                reason,
            )
            .hint(hint),
        )
    })
}

/// The normalized name of a further classification column: `Vùng khó khăn` → `vung_kho_khan`.
pub fn dimension_name(header: &str) -> String {
    fold(header).replace(' ', "_")
}

fn level_name(raw: &str) -> String {
    match fold(raw).as_str() {
        "tinh" | "thanh pho truc thuoc trung uong" | "province" | "cap tinh" => "province".into(),
        "huyen" | "quan" | "thi xa" | "thanh pho thuoc tinh" | "district" | "cap huyen" => {
            "district".into()
        }
        "xa" | "phuong" | "thi tran" | "dac khu" | "commune" | "ward" | "cap xa" => {
            "commune".into()
        }
        "" => "unit".into(),
        other => other.replace(' ', "_"),
    }
}

/// The areas' code of a unit code, counting one read with its lost leading zeros put
/// back.
fn area_exists(ctx: &Ctx, current: &Reference, code: &str) -> Option<String> {
    let found = current.areas.resolve_code(code)?.code.clone();
    if found != code.trim() {
        ctx.padded.set(ctx.padded.get() + 1);
    }
    Some(found)
}

fn parse_year(ctx: &Ctx, row: &Row) -> Result<i32, Problem> {
    let raw = ctx.raw(row, Field::Year).trim();
    if let (true, Some(y)) = (raw.is_empty(), ctx.year) {
        return Ok(y);
    }
    raw.parse::<i32>()
        .ok()
        .filter(|y| (1900..=2100).contains(y))
        .ok_or_else(|| ctx.problem(row, Field::Year, t!(lang::reference::NOT_A_YEAR)))
}

fn parse_org(ctx: &Ctx, row: &Row) -> Result<OrgOrAny, Problem> {
    ctx.orgs
        .parse_or_any(ctx.raw(row, Field::Org))
        .ok_or_else(|| {
            ctx.problem(
                row,
                Field::Org,
                crate::t!(crate::lang::rows::UNKNOWN_ORG_OR_ANY, ctx.orgs.expected()),
            )
        })
}
