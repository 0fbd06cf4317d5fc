//! The orgs file: organizations beyond the five (the Red Cross, the Elderly
//! Association, the Study Promotion Association, …), each with a code, a name, other
//! names (`;`-separated) and, optionally, the ages it is for.

use super::*;
use crate::lang;
use crate::org::{Org, OrgDef};
use crate::t;

pub(super) fn orgs(ctx: &Ctx, rows: Vec<Row>, rejects: &mut Vec<(Problem, Row)>) -> Vec<OrgDef> {
    let mut out: Vec<OrgDef> = Vec::new();
    // Each name (code, name, aliases) folded, with the line that gave it.
    let mut seen: HashMap<String, u64> = HashMap::new();
    for row in rows {
        match org(ctx, &row, &seen) {
            Ok(d) => {
                for key in names(&d) {
                    seen.insert(fold(key), row.line);
                }
                out.push(d);
            }
            Err(p) => rejects.push((p, row)),
        }
    }
    out
}

/// Every name of an organization: its code, its name, its aliases.
fn names(d: &OrgDef) -> impl Iterator<Item = &String> {
    std::iter::once(&d.code)
        .chain(std::iter::once(&d.name))
        .chain(&d.aliases)
}

/// One row as an organization, or the problem that refuses it; `seen` holds the names
/// of the rows before.
fn org(ctx: &Ctx, row: &Row, seen: &HashMap<String, u64>) -> Result<OrgDef, Problem> {
    let code = clean(ctx.raw(row, Field::Code)).to_lowercase();
    let well_formed = !code.is_empty()
        && code.len() <= 32
        && code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if !well_formed {
        return Err(ctx
            .problem(row, Field::Code, t!(lang::reference::NOT_AN_ORG_CODE))
            .hint(t!(lang::reference::GIVE_EACH_ORGANIZATION_SHORT)));
    }
    let name = clean(ctx.raw(row, Field::Name));
    if name.is_empty() {
        return Err(ctx
            .problem(
                row,
                Field::Name,
                t!(lang::reference::ORGANIZATION_WITHOUT_NAME),
            )
            .hint(t!(lang::reference::GIVE_NAME_PEOPLE_WRITE)));
    }
    let aliases: Vec<String> = ctx
        .raw(row, Field::Aliases)
        .split(';')
        .map(clean)
        .filter(|a| !a.is_empty())
        .collect();
    // A name of the five stays theirs: an alias may not take it over.
    let named = [(Field::Code, code.as_str()), (Field::Name, name.as_str())]
        .into_iter()
        .chain(aliases.iter().map(|a| (Field::Aliases, a.as_str())));
    if let Some((field, taken)) = named
        .into_iter()
        .find(|(_, n)| Org::is_built_in_name(n) || fold(n) == "any")
    {
        return Err(ctx
            .problem(row, field, t!(lang::reference::NAMES_ONE_OF_FIVE, taken))
            .hint(t!(lang::reference::FIVE_UNION_YOUTH_WOMEN)));
    }
    let (min_age, max_age) = ages(ctx, row)?;
    let def = OrgDef {
        code,
        name,
        aliases,
        min_age,
        max_age,
    };
    for key in names(&def) {
        if let Some(first) = seen.get(&fold(key)) {
            return Err(ctx
                .problem(
                    row,
                    Field::Name,
                    t!(lang::reference::ALSO_NAMES_ORG, key, first.to_string()),
                )
                .hint(t!(lang::reference::GIVE_EACH_ORGANIZATION_NAMES)));
        }
    }
    Ok(def)
}

/// The ages an organization is for, each optional; refused when they end before
/// they begin.
fn ages(ctx: &Ctx, row: &Row) -> Result<(Option<u8>, Option<u8>), Problem> {
    let age = |f: Field| -> Result<Option<u8>, Problem> {
        let raw = clean(ctx.raw(row, f));
        if raw.is_empty() {
            return Ok(None);
        }
        raw.parse::<u8>()
            .ok()
            .filter(|a| *a <= 120)
            .map(Some)
            .ok_or_else(|| ctx.problem(row, f, t!(lang::reference::NOT_AN_AGE)))
    };
    let (min_age, max_age) = (age(Field::MinAge)?, age(Field::MaxAge)?);
    if let (Some(lo), Some(hi)) = (min_age, max_age) {
        if lo > hi {
            return Err(ctx.problem(
                row,
                Field::MaxAge,
                t!(
                    lang::reference::AGES_END_BEFORE,
                    hi.to_string(),
                    lo.to_string()
                ),
            ));
        }
    }
    Ok((min_age, max_age))
}
