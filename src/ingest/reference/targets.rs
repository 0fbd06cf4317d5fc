//! The targets file: coverage targets by organization, year and scope.

use super::*;

/// The dimensions a target scope may name.
fn known_dimension(current: &Reference, dim: &str) -> bool {
    matches!(
        dim,
        "ethnic_minority"
            | "religious"
            | "rural"
            | "ownership"
            | "ethnicity"
            | "religion"
            | "sex"
            | "age_band"
    ) || current.areas.extra_columns.iter().any(|c| c == dim)
        || current.areas.levels().iter().any(|l| l == dim)
}

pub(super) fn targets(
    ctx: &Ctx,
    rows: Vec<Row>,
    current: &Reference,
    rejects: &mut Vec<(Problem, Row)>,
) -> Vec<Target> {
    let mut out = Vec::new();
    for row in rows {
        let result = (|| {
            let org = parse_org(ctx, &row)?;
            let year = parse_year(ctx, &row)?;
            let raw_scope = clean(ctx.raw(&row, Field::Scope));
            let scope = if raw_scope.is_empty() || raw_scope == "*" {
                Scope::All
            } else if let Some((d, g)) = raw_scope.split_once('=') {
                let dimension = dimension_name(d);
                let group = fold(g).replace(' ', "_");
                if !known_dimension(current, &dimension) || group.is_empty() {
                    return Err(ctx
                        .problem(&row, Field::Scope, format!("unknown dimension \"{dimension}\" in the scope"))
                        .hint("use *, a unit code, or DIMENSION=GROUP such as ethnic_minority=yes or ownership=non_state"));
                }
                Scope::Group { dimension, group }
            } else {
                if current.areas.is_empty() {
                    return Err(ctx
                        .problem(
                            &row,
                            Field::Scope,
                            "a unit scope needs the areas reference to check it",
                        )
                        .hint("ingest the areas file first (or in the same command)"));
                }
                let code = area_exists(current, &raw_scope).ok_or_else(|| {
                    ctx.problem(&row, Field::Scope, "the scope is not *, DIMENSION=GROUP, or a unit code in the areas reference")
                        .hint("use *, a unit code, or DIMENSION=GROUP such as ethnic_minority=yes")
                })?;
                Scope::Unit(code)
            };
            let target_pct =
                value::parse_pct(ctx.raw(&row, Field::TargetPct)).ok_or_else(|| {
                    ctx.problem(&row, Field::TargetPct, "not a percentage from 0 to 100")
                })?;
            Ok(Target {
                org,
                year,
                scope,
                target_pct,
            })
        })();
        match result {
            Ok(t) => {
                if out
                    .iter()
                    .any(|x: &Target| x.org == t.org && x.year == t.year && x.scope == t.scope)
                {
                    let p = ctx
                        .problem(
                            &row,
                            Field::Scope,
                            "a second target for the same org, year and scope",
                        )
                        .hint("give each target once");
                    rejects.push((p, row));
                } else {
                    out.push(t);
                }
            }
            Err(p) => rejects.push((p, row)),
        }
    }
    out
}
