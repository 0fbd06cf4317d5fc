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

/// The groups a dimension's rows are reported in, where they are known before any roll
/// (a flag's yes and no, the ownerships, the sexes, the age bands, an areas column's
/// values); `None` for the ethnic groups and religions, whose names are many. An areas
/// column is grouped as the report groups it: yes and no when every value says one,
/// else by its values (`none` for a unit without one).
fn groups_of(current: &Reference, dim: &str) -> Option<Vec<String>> {
    let owned = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
    if let Some(j) = current.areas.extra_columns.iter().position(|c| c == dim) {
        let values: Vec<&str> = current
            .areas
            .units
            .iter()
            .map(|u| u.extra.get(j).map_or("", String::as_str))
            .collect();
        if values.iter().all(|v| crate::text::parse_bool(v).is_some()) {
            return Some(owned(&["yes", "no"]));
        }
        let mut keys: Vec<String> = values
            .iter()
            .map(|v| match v.is_empty() {
                true => "none".to_string(),
                false => fold(v).replace(' ', "_"),
            })
            .collect();
        keys.sort();
        keys.dedup();
        return Some(keys);
    }
    Some(match dim {
        "ethnic_minority" | "religious" | "rural" => owned(&["yes", "no"]),
        "ownership" => owned(&["state", "non_state", "fdi"]),
        "sex" => owned(&["male", "female"]),
        "age_band" => owned(&["under_16", "16-30", "31-45", "46-60", "60+"]),
        _ => return None,
    })
}

/// A scope's group as the report names it (`có` is `yes`, `Nữ` is `female`, `FDI` is
/// `fdi`, `thiểu số` is `minority`), or `None` for a group the dimension never has: a
/// target for it would never be shown.
fn scope_group(current: &Reference, dim: &str, raw: &str) -> Option<String> {
    let key = fold(raw).replace(' ', "_");
    let yes_no = |raw: &str| crate::text::parse_bool(raw).map(|b| if b { "yes" } else { "no" });
    let known = groups_of(current, dim);
    let said = match dim {
        "ownership" => Ownership::parse(raw).map(|o| o.code().to_string()),
        "sex" => crate::value::parse_sex(raw)
            .ok()
            .flatten()
            .map(|s| s.code().to_string()),
        // The two groups of the ethnicity and religion breakdowns, as offices write
        // them; any other name is kept as written (one group of `:group`).
        "ethnicity" => Some(match key.as_str() {
            "thieu_so" | "dtts" | "dan_toc_thieu_so" | "nguoi_dan_toc_thieu_so" => {
                "minority".into()
            }
            _ => key.clone(),
        }),
        "religion" => Some(match key.as_str() {
            "khong" | "khong_ton_giao" | "khong_theo_ton_giao" => "none".into(),
            "co" | "co_ton_giao" | "co_dao" | "theo_ton_giao" => "religious".into(),
            _ => key.clone(),
        }),
        "age_band" => known
            .iter()
            .flatten()
            .find(|k| fold(k).replace(' ', "_") == key)
            .cloned(),
        _ if known.as_deref() == Some(&["yes".to_string(), "no".to_string()][..]) => {
            yes_no(raw).map(str::to_string)
        }
        _ => Some(key.clone()),
    };
    let said = said.filter(|g| !g.is_empty())?;
    match known {
        Some(known) => known.contains(&said).then_some(said),
        None => Some(said),
    }
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
    if !ctx.table.mapping.scopes.is_empty() {
        return wide(ctx, rows, rejects);
    }
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

/// A targets table of a row per organization and a column per scope (`Toàn tỉnh`,
/// `Vùng đồng bào DTTS`, `Vùng tôn giáo`, `Nông thôn`): each filled cell one target, of
/// the row's organization and the column's scope, the year from the title or --year;
/// an empty cell no target. A column whose heading names no scope tally reads refuses
/// each of its cells.
fn wide(ctx: &Ctx, rows: Vec<Row>, rejects: &mut Vec<(Problem, Row)>) -> Vec<Target> {
    let m = &ctx.table.mapping;
    let scopes: Vec<(usize, Option<Scope>)> = (m.scopes.iter())
        .map(|&c| (c, scope_by_label(&m.headers[c])))
        .collect();
    let mut out: Vec<Target> = Vec::new();
    for row in rows {
        let (org, year) = match (parse_org(ctx, &row), parse_year(ctx, &row)) {
            (Ok(o), Ok(y)) => (o, y),
            (Err(p), _) | (_, Err(p)) => {
                rejects.push((p, row));
                continue;
            }
        };
        for (col, scope) in &scopes {
            let raw = row.get(Some(*col)).trim();
            if raw.is_empty() {
                continue;
            }
            let read = match scope {
                None => Err(ctx.problem_at(&row, *col, t!(lang::reference::NOT_A_SCOPE))),
                Some(s) => value::parse_pct(raw).map(|p| (s.clone(), p)).map_err(|e| {
                    let (reason, hint) = value::pct_problem(e);
                    ctx.problem_at(&row, *col, reason).hint(hint)
                }),
            };
            match read {
                Ok((scope, target_pct)) => out.push(Target {
                    org: org.clone(),
                    year,
                    scope,
                    target_pct,
                }),
                Err(p) => rejects.push((p, row.clone())),
            }
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
        if !known_dimension(current, &dimension) || g.trim().is_empty() {
            return Err(ctx
                .problem(
                    row,
                    Field::Scope,
                    t!(crate::lang::reference::UNKNOWN_SCOPE_DIMENSION, dimension),
                )
                .hint(t!(crate::lang::reference::USE_UNIT_CODE_DIMENSION)));
        }
        // A level's group is one of its units (`commune=02647`): a unit's target, of
        // a unit of that level.
        if current.areas.levels().contains(&dimension) {
            let code = unit_scope(ctx, row, current, g.trim())?;
            let level = current.areas.get(&code).map(|a| a.level.as_str());
            if level != Some(dimension.as_str()) {
                return Err(ctx.problem(
                    row,
                    Field::Scope,
                    t!(
                        lang::reference::UNIT_NOT_OF_LEVEL,
                        &code,
                        level.unwrap_or(""),
                        &dimension
                    ),
                ));
            }
            Scope::Unit(code)
        } else {
            let group = scope_group(current, &dimension, g).ok_or_else(|| {
                let known = groups_of(current, &dimension)
                    .unwrap_or_default()
                    .join(", ");
                ctx.problem(
                    row,
                    Field::Scope,
                    t!(
                        lang::reference::UNKNOWN_SCOPE_GROUP,
                        g.trim(),
                        &dimension,
                        known
                    ),
                )
                .hint(t!(crate::lang::reference::USE_UNIT_CODE_DIMENSION))
            })?;
            Scope::Group { dimension, group }
        }
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

    /// A group in the words an office writes is the report's; one the dimension never
    /// has is refused (its target would never be shown), except among the many ethnic
    /// groups and religions, which are kept as written.
    #[test]
    fn a_scopes_group_is_one_the_report_has() {
        let r = Reference::default();
        let cases = [
            ("ethnic_minority", "có", Some("yes")),
            ("rural", "Không", Some("no")),
            ("ownership", "DN ngoài nhà nước", Some("non_state")),
            ("ownership", "FDI", Some("fdi")),
            ("sex", "Nữ", Some("female")),
            ("age_band", "60+", Some("60+")),
            ("age_band", "16-30", Some("16-30")),
            ("ownership", "foo", None),
            ("religious", "maybe", None),
            ("sex", "x", None),
            ("age_band", "20-25", None),
            ("ethnicity", "Mông", Some("mong")),
            ("ethnicity", "Thiểu số", Some("minority")),
            ("ethnicity", "DTTS", Some("minority")),
            ("religion", "Không", Some("none")),
            ("religion", "Có tôn giáo", Some("religious")),
        ];
        for (dim, raw, want) in cases {
            assert_eq!(scope_group(&r, dim, raw).as_deref(), want, "{dim}={raw}");
        }
    }
}
