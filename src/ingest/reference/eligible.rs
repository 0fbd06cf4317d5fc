//! The eligible file: how many people each organization should reach, per unit.

use super::*;
use crate::ingest::roll::Codes;

pub(super) fn eligible(
    ctx: &Ctx,
    rows: Vec<Row>,
    current: &Reference,
    rejects: &mut Vec<(Problem, Row)>,
    notes: &mut Vec<String>,
) -> Vec<EligibleRow> {
    let mut out: Vec<EligibleRow> = Vec::new();
    type EligibleKey = (String, String, i32, Option<String>, Option<String>);
    // Each key's first line, and for a key reached through the crosswalk the index of
    // its row (the counts of the old communes of one new commune add up).
    let mut seen: HashMap<EligibleKey, (u64, Option<usize>)> = HashMap::new();
    let mut mapped: std::collections::BTreeMap<String, u64> = Default::default();
    for row in rows {
        let result = (|| {
            let area_raw = clean(ctx.raw(&row, Field::AreaCode));
            if current.areas.is_empty() {
                return Err(ctx
                    .problem(
                        &row,
                        Field::AreaCode,
                        "the store has no areas reference to check the unit against",
                    )
                    .hint("ingest the areas file first (or in the same command)"));
            }
            let today = (ctx.codes != Codes::Old)
                .then(|| area_exists(current, &area_raw))
                .flatten();
            let (area_code, old) = match today {
                Some(code) => (code, None),
                None if ctx.codes == Codes::New => {
                    return Err(ctx
                        .problem(
                            &row,
                            Field::AreaCode,
                            "the area code is not in the areas reference",
                        )
                        .hint("correct the code, or ingest an areas file that has it"))
                }
                None => through_crosswalk(ctx, &row, current, &area_raw)?,
            };
            let org = parse_org(ctx, &row)?;
            let year = parse_year(ctx, &row)?;
            let eligible = value::parse_count(ctx.raw(&row, Field::Eligible)).ok_or_else(|| {
                ctx.problem(
                    &row,
                    Field::Eligible,
                    "not a count; expected a whole number ≥ 0",
                )
            })?;
            let dimension =
                Some(dimension_name(ctx.raw(&row, Field::Dimension))).filter(|s| !s.is_empty());
            let group =
                Some(fold(ctx.raw(&row, Field::Group)).replace(' ', "_")).filter(|s| !s.is_empty());
            if dimension.is_some() != group.is_some() {
                return Err(ctx.problem(
                    &row,
                    Field::Dimension,
                    "dimension and group go together: give both or neither",
                ));
            }
            let key = (
                area_code.clone(),
                org.code().to_string(),
                year,
                dimension.clone(),
                group.clone(),
            );
            match (seen.get(&key), old) {
                (Some(&(_, Some(at))), Some(_)) => {
                    // Another old commune of the same new one: the counts add up.
                    return Ok(Merge::Into(at, eligible, old));
                }
                (Some(&(first, _)), _) => {
                    return Err(ctx
                        .problem(
                            &row,
                            Field::Eligible,
                            format!("the same unit, org, year and group as line {first}"),
                        )
                        .hint("give each count once (a commune of today, or its old communes, not both)"));
                }
                (None, _) => {}
            }
            seen.insert(key, (row.line, old.map(|_| out.len())));
            Ok(Merge::New(
                EligibleRow {
                    area_code,
                    org,
                    year,
                    eligible,
                    dimension,
                    group,
                },
                old,
            ))
        })();
        match result {
            Ok(Merge::New(e, old)) => {
                if let Some(o) = old {
                    *mapped.entry(o.to_string()).or_default() += 1;
                }
                out.push(e)
            }
            Ok(Merge::Into(at, n, old)) => {
                if let Some(o) = old {
                    *mapped.entry(o.to_string()).or_default() += 1;
                }
                out[at].eligible += n;
            }
            Err(p) => rejects.push((p, row)),
        }
    }
    if !mapped.is_empty() {
        let rows: u64 = mapped.values().sum();
        notes.push(format!(
            "read {rows} row(s) of {} pre-2025 commune(s) through the reform's crosswalk, summed into today's communes",
            mapped.len()
        ));
    }
    out
}

/// What an eligible row adds: a new key, or a count to the key of its new commune.
enum Merge {
    New(EligibleRow, Option<&'static str>),
    Into(usize, u64, Option<&'static str>),
}

/// A code of before the 2025 reform, read as the commune of today it became; the old
/// code beside it.
pub(super) fn through_crosswalk(
    ctx: &Ctx,
    row: &Row,
    current: &Reference,
    raw: &str,
) -> Result<(String, Option<&'static str>), Problem> {
    let Some(u) = crate::reference::crosswalk::builtin().by_code(raw) else {
        return Err(ctx
            .problem(
                row,
                Field::AreaCode,
                "the area code is not in the areas reference",
            )
            .hint("correct the code, or ingest an areas file that has it"));
    };
    match u.today_in(&current.areas) {
        Ok(new) => Ok((new.to_string(), Some(u.code.as_str()))),
        Err(why) => {
            let hint = if u.split {
                "give the count of each commune of today, or ingest a mapping file with the shares"
            } else {
                "ingest the areas file of today's communes, or correct the unit"
            };
            Err(ctx.problem(row, Field::AreaCode, why).hint(hint))
        }
    }
}
