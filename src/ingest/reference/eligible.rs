//! The eligible file: how many people each organization should reach, per unit.

use super::*;

pub(super) fn eligible(
    ctx: &Ctx,
    rows: Vec<Row>,
    current: &Reference,
    rejects: &mut Vec<(Problem, Row)>,
) -> Vec<EligibleRow> {
    let mut out = Vec::new();
    type EligibleKey = (String, String, i32, Option<String>, Option<String>);
    let mut seen: HashMap<EligibleKey, u64> = HashMap::new();
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
            let area_code = area_exists(current, &area_raw).ok_or_else(|| {
                ctx.problem(
                    &row,
                    Field::AreaCode,
                    "the area code is not in the areas reference",
                )
                .hint("correct the code, or ingest an areas file that has it")
            })?;
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
            if let Some(first) = seen.get(&key) {
                return Err(ctx
                    .problem(
                        &row,
                        Field::Eligible,
                        format!("the same unit, org, year and group as line {first}"),
                    )
                    .hint("give each count once"));
            }
            seen.insert(key, row.line);
            Ok(EligibleRow {
                area_code,
                org,
                year,
                eligible,
                dimension,
                group,
            })
        })();
        match result {
            Ok(e) => out.push(e),
            Err(p) => rejects.push((p, row)),
        }
    }
    out
}
