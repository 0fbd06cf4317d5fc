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

/// A scope as a directive writes it: the province as a whole, or a focus area by its
/// label (`Vùng đồng bào DTTS`, `Vùng tôn giáo`, `Nông thôn`, `Doanh nghiệp ngoài nhà
/// nước`), in Vietnamese or English.
fn scope_by_label(raw: &str) -> Option<Scope> {
    let group = |d: &str, g: &str| {
        Some(Scope::Group {
            dimension: d.into(),
            group: g.into(),
        })
    };
    match fold(raw).as_str() {
        "toan tinh" | "ca tinh" | "toan bo" | "tat ca" | "chung" | "all" | "total"
        | "whole province" => Some(Scope::All),
        "vung dong bao dtts"
        | "vung dong bao dan toc thieu so"
        | "vung dan toc thieu so"
        | "vung dtts"
        | "dan toc thieu so"
        | "ethnic minority areas"
        | "ethnic minority" => group("ethnic_minority", "yes"),
        "vung ton giao" | "vung dong bao ton giao" | "religious areas" => group("religious", "yes"),
        "nong thon" | "vung nong thon" | "rural areas" | "rural" => group("rural", "yes"),
        "doanh nghiep ngoai nha nuoc" | "khu vuc ngoai nha nuoc" | "non state enterprises" => {
            group("ownership", "non_state")
        }
        _ => None,
    }
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
            } else if let Some(s) = scope_by_label(&raw_scope) {
                s
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
                // A unit by its code, else by its name (with its type); a name two
                // units share is refused with both.
                let code = match area_exists(current, &raw_scope) {
                    Some(code) => code,
                    None => match current.areas.resolve_name(&raw_scope) {
                        crate::reference::NameMatch::Found(a) => a.code.clone(),
                        crate::reference::NameMatch::Ambiguous(v) => {
                            let list: Vec<String> =
                                v.iter().map(|a| format!("{} {}", a.code, a.name)).collect();
                            return Err(ctx
                                .problem(&row, Field::Scope, format!("the name fits {} units: {}", v.len(), list.join(", ")))
                                .hint("give the unit's code, or its name with its type (Xã …, Phường …)"));
                        }
                        _ => {
                            return Err(ctx
                                .problem(&row, Field::Scope, "the scope is not *, a focus area, DIMENSION=GROUP, or a unit of the areas reference")
                                .hint("use * (Toàn tỉnh), a focus area (Vùng đồng bào DTTS, Vùng tôn giáo, Nông thôn), a unit's code or name, or DIMENSION=GROUP such as ethnic_minority=yes"));
                        }
                    },
                };
                Scope::Unit(code)
            };
            let target_pct = value::parse_pct(ctx.raw(&row, Field::TargetPct)).map_err(|e| {
                let (reason, hint) = value::pct_problem(e);
                ctx.problem(&row, Field::TargetPct, reason).hint(hint)
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
