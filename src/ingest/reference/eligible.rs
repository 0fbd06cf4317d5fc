//! The eligible file: how many people each organization should reach, per unit.

use super::*;
use crate::ingest::roll::Codes;
use crate::reference::mapping::{split_count, MappedTo};

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
            let (places, old) = match today {
                Some(code) => (vec![MappedTo { code, share: None }], None),
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
            // An old commune split by the mapping file's shares gives each of its
            // communes of today its part of the count.
            let mut merges = Vec::new();
            for (area_code, eligible) in split_count(eligible, &places) {
                let key = (
                    area_code.clone(),
                    org.code().to_string(),
                    year,
                    dimension.clone(),
                    group.clone(),
                );
                let at = out.len()
                    + merges
                        .iter()
                        .filter(|m| matches!(m, Merge::New(..)))
                        .count();
                match (seen.get(&key), old) {
                    (Some(&(_, Some(at))), Some(_)) => {
                        // Another old commune of the same new one: the counts add up.
                        merges.push(Merge::Into(at, eligible));
                        continue;
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
                seen.insert(key, (row.line, old.map(|_| at)));
                merges.push(Merge::New(EligibleRow {
                    area_code,
                    org,
                    year,
                    eligible,
                    dimension: dimension.clone(),
                    group: group.clone(),
                }));
            }
            Ok((merges, old))
        })();
        match result {
            Ok((merges, old)) => {
                if let Some(o) = old {
                    *mapped.entry(o.to_string()).or_default() += 1;
                }
                for m in merges {
                    match m {
                        Merge::New(e) => out.push(e),
                        Merge::Into(at, n) => out[at].eligible += n,
                    }
                }
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
    New(EligibleRow),
    Into(usize, u64),
}

/// A code of before the 2025 reform, read as the commune (or, by the mapping file's
/// shares, the communes) of today it became; the old code beside it.
pub(super) fn through_crosswalk(
    ctx: &Ctx,
    row: &Row,
    current: &Reference,
    raw: &str,
) -> Result<(Vec<MappedTo>, Option<&'static str>), Problem> {
    let Some(u) = crate::reference::crosswalk::builtin().by_code(raw) else {
        return Err(ctx
            .problem(
                row,
                Field::AreaCode,
                "the area code is not in the areas reference",
            )
            .hint("correct the code, or ingest an areas file that has it"));
    };
    if let Some(to) = current.mapping.get(&u.code) {
        return Ok((to.to_vec(), Some(u.code.as_str())));
    }
    match u.today_in(&current.areas) {
        Ok(new) => Ok((
            vec![MappedTo {
                code: new.to_string(),
                share: None,
            }],
            Some(u.code.as_str()),
        )),
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
