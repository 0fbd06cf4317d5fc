//! The targets file: coverage targets by organization, year and scope.

use super::*;
use crate::lang;
use crate::t;

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
/// label. The focus areas' labels are the areas file's own headers for the column
/// (`DTTS`, `Vùng DTTS`, `Địa bàn tôn giáo`, `Khu vực nông thôn`: one table, in
/// headers.csv) and the directive's phrases (`Vùng đồng bào DTTS`); an ownership is any
/// word the enterprises file takes (`DN ngoài nhà nước`, `FDI`), after `khu vực` or
/// `khối` if written.
fn scope_by_label(raw: &str) -> Option<Scope> {
    let group = |d: &str, g: &str| {
        Some(Scope::Group {
            dimension: d.into(),
            group: g.into(),
        })
    };
    let key = fold(raw);
    match key.as_str() {
        "toan tinh" | "ca tinh" | "toan bo" | "tat ca" | "chung" | "all" | "total"
        | "whole province" => return Some(Scope::All),
        "vung dong bao dtts"
        | "vung dong bao dan toc thieu so"
        | "dia ban dong bao dtts"
        | "ethnic minority areas" => return group("ethnic_minority", "yes"),
        "vung dong bao ton giao" | "religious areas" => return group("religious", "yes"),
        "rural areas" => return group("rural", "yes"),
        _ => {}
    }
    let focus = [Field::EthnicMinority, Field::Religious, Field::Rural];
    let by_header = crate::rows::headers::aliases(Kind::Areas)
        .iter()
        .filter(|(f, _)| focus.contains(f))
        .find(|(_, names)| names.contains(&key.as_str()));
    if let Some((f, _)) = by_header {
        return group(f.name(), "yes");
    }
    let bare = ["khu vuc ", "khoi "]
        .iter()
        .find_map(|p| key.strip_prefix(p))
        .unwrap_or(&key);
    let bare = bare.strip_suffix(" enterprises").unwrap_or(bare);
    Ownership::parse(bare).and_then(|o| group("ownership", o.code()))
}

pub(super) fn targets(
    ctx: &Ctx,
    rows: Vec<Row>,
    current: &Reference,
    rejects: &mut Vec<(Problem, Row)>,
) -> Vec<Target> {
    let mut out = Vec::new();
    for row in rows {
        match target(ctx, &row, current) {
            Ok(t) => {
                if out
                    .iter()
                    .any(|x: &Target| x.org == t.org && x.year == t.year && x.scope == t.scope)
                {
                    let p = ctx
                        .problem(
                            &row,
                            Field::Scope,
                            t!(lang::reference::SECOND_TARGET_SAME_ORG),
                        )
                        .hint(t!(lang::reference::GIVE_EACH_TARGET_ONCE));
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

/// One row as a target, or the problem that refuses it.
fn target(ctx: &Ctx, row: &Row, current: &Reference) -> Result<Target, Problem> {
    let org = parse_org(ctx, row)?;
    let year = parse_year(ctx, row)?;
    let raw_scope = clean(ctx.raw(row, Field::Scope));
    let scope = if raw_scope.is_empty() || raw_scope == "*" {
        Scope::All
    } else if let Some(s) = scope_by_label(&raw_scope) {
        s
    } else if let Some((d, g)) = raw_scope.split_once('=') {
        let dimension = dimension_name(d);
        let group = fold(g).replace(' ', "_");
        if !known_dimension(current, &dimension) || group.is_empty() {
            return Err(ctx
                .problem(
                    row,
                    Field::Scope,
                    t!(crate::lang::reference::UNKNOWN_SCOPE_DIMENSION, dimension),
                )
                .hint(t!(crate::lang::reference::USE_UNIT_CODE_DIMENSION)));
        }
        Scope::Group { dimension, group }
    } else {
        Scope::Unit(unit_scope(ctx, row, current, &raw_scope)?)
    };
    let target_pct = value::parse_pct(ctx.raw(row, Field::TargetPct)).map_err(|e| {
        let (reason, hint) = value::pct_problem(e);
        ctx.problem(row, Field::TargetPct, reason).hint(hint)
    })?;
    Ok(Target {
        org,
        year,
        scope,
        target_pct,
    })
}

/// The unit a scope names: by its code, else by its name (with its type); a name two
/// units share is refused with both.
fn unit_scope(
    ctx: &Ctx,
    row: &Row,
    current: &Reference,
    raw_scope: &str,
) -> Result<String, Problem> {
    if current.areas.is_empty() {
        return Err(ctx
            .problem(
                row,
                Field::Scope,
                t!(crate::lang::reference::UNIT_SCOPE_NEEDS_AREAS),
            )
            .hint(t!(crate::lang::rows::INGEST_AREAS_FILE_FIRST)));
    }
    if let Some(code) = area_exists(ctx, current, raw_scope) {
        return Ok(code);
    }
    match current.areas.resolve_name(raw_scope) {
        crate::reference::NameMatch::Found(a) => Ok(a.code.clone()),
        crate::reference::NameMatch::Ambiguous(v) => {
            let list: Vec<String> = v.iter().map(|a| format!("{} {}", a.code, a.name)).collect();
            Err(ctx
                .problem(
                    row,
                    Field::Scope,
                    t!(
                        crate::lang::reference::NAME_FITS_UNITS,
                        v.len(),
                        list.join(", ")
                    ),
                )
                .hint(t!(crate::lang::reference::GIVE_UNIT_S_CODE)))
        }
        _ => Err(ctx
            .problem(
                row,
                Field::Scope,
                t!(crate::lang::reference::SCOPE_FOCUS_AREA_DIMENSION),
            )
            .hint(t!(crate::lang::reference::SCOPE_HINT))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_in_office_words() {
        let g = |d: &str, v: &str| {
            Some(Scope::Group {
                dimension: d.into(),
                group: v.into(),
            })
        };
        let cases = [
            ("Toàn tỉnh", Some(Scope::All)),
            ("DTTS", g("ethnic_minority", "yes")),
            ("Vùng DTTS", g("ethnic_minority", "yes")),
            ("Vùng đồng bào DTTS", g("ethnic_minority", "yes")),
            ("vùng dân tộc thiểu số", g("ethnic_minority", "yes")),
            ("Địa bàn tôn giáo", g("religious", "yes")),
            ("Vùng tôn giáo", g("religious", "yes")),
            ("Khu vực nông thôn", g("rural", "yes")),
            ("Nông thôn", g("rural", "yes")),
            ("DN ngoài nhà nước", g("ownership", "non_state")),
            ("Doanh nghiệp ngoài nhà nước", g("ownership", "non_state")),
            ("Khu vực ngoài nhà nước", g("ownership", "non_state")),
            ("FDI", g("ownership", "fdi")),
            ("Doanh nghiệp FDI", g("ownership", "fdi")),
            ("Khối doanh nghiệp nhà nước", g("ownership", "state")),
            ("non-state enterprises", g("ownership", "non_state")),
            ("Xã Mường Chà", None),
        ];
        for (raw, want) in cases {
            assert_eq!(scope_by_label(raw), want, "{raw}");
        }
    }
}
