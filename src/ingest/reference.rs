//! Reference files → typed tables, validated: areas (unique codes, parents exist, no
//! cycles), enterprises, eligible counts, targets.

use anyhow::Result;
use std::collections::{HashMap, HashSet};

use super::headers::{Field, Kind};
use super::problem::Problem;
use super::table::{Row, Table};
use super::value;
use crate::org::OrgOrAny;
use crate::reference::{
    normalize_tax_code, Area, Areas, EligibleRow, Enterprise, Enterprises, Ownership, Reference,
    Scope, Target,
};
use crate::text::{clean, fold};

/// A parsed reference file: the new table, with the rows' problems.
pub enum Parsed {
    Areas(Areas),
    Enterprises(Enterprises),
    Eligible(Vec<EligibleRow>),
    Targets(Vec<Target>),
}

impl Parsed {
    pub fn rows(&self) -> usize {
        match self {
            Parsed::Areas(a) => a.units.len(),
            Parsed::Enterprises(e) => e.rows.len(),
            Parsed::Eligible(v) => v.len(),
            Parsed::Targets(v) => v.len(),
        }
    }

    /// Puts the new table in place of the old one.
    pub fn install(self, r: &mut Reference) {
        match self {
            Parsed::Areas(a) => r.areas = a,
            Parsed::Enterprises(e) => r.enterprises = e,
            Parsed::Eligible(v) => r.eligible = v,
            Parsed::Targets(v) => r.targets = v,
        }
    }
}

pub struct Outcome {
    pub parsed: Parsed,
    pub rejects: Vec<(Problem, Row)>,
    pub warnings: Vec<Problem>,
}

struct Ctx<'a> {
    table: &'a Table,
}

impl Ctx<'_> {
    fn raw<'r>(&self, row: &'r Row, f: Field) -> &'r str {
        row.get(self.table.mapping.index(f))
    }

    fn problem(&self, row: &Row, f: Field, reason: impl Into<String>) -> Problem {
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
}

/// Reads every row of a reference file and validates it against what the store (or an
/// earlier file of the same command) already holds.
pub fn read(table: &mut Table, current: &Reference) -> Result<Outcome> {
    let mut rows = Vec::new();
    while let Some(r) = table.next_row()? {
        rows.push(r);
    }
    let ctx = Ctx { table };
    let mut rejects = Vec::new();
    let mut warnings = Vec::new();
    let parsed = match table.mapping.kind {
        Kind::Areas => Parsed::Areas(areas(&ctx, rows, &mut rejects)),
        Kind::Enterprises => Parsed::Enterprises(enterprises(
            &ctx,
            rows,
            current,
            &mut rejects,
            &mut warnings,
        )),
        Kind::Eligible => Parsed::Eligible(eligible(&ctx, rows, current, &mut rejects)),
        Kind::Targets => Parsed::Targets(targets(&ctx, rows, current, &mut rejects)),
        Kind::Roll => unreachable!("rolls are read by ingest::roll"),
    };
    Ok(Outcome {
        parsed,
        rejects,
        warnings,
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

fn areas(ctx: &Ctx, rows: Vec<Row>, rejects: &mut Vec<(Problem, Row)>) -> Areas {
    let m = &ctx.table.mapping;
    let extras: Vec<(usize, String)> = m
        .unknown
        .iter()
        .map(|(i, h)| (*i, dimension_name(h)))
        .collect();
    let mut units: Vec<(Area, Row)> = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    for row in rows {
        let code = clean(ctx.raw(&row, Field::Code));
        let name = clean(ctx.raw(&row, Field::Name));
        if code.is_empty() {
            let p = ctx
                .problem(&row, Field::Code, "the unit has no code")
                .hint("every unit needs its (GSO) code");
            rejects.push((p, row));
            continue;
        }
        if value::is_scientific(&code) {
            let p = ctx
                .problem(
                    &row,
                    Field::Code,
                    "Excel wrote the code in scientific notation",
                )
                .hint("format the code column as Text and export again");
            rejects.push((p, row));
            continue;
        }
        if let Some(first) = seen.get(&code) {
            let p = ctx
                .problem(&row, Field::Code, format!("the code repeats line {first}"))
                .hint("each unit must appear once");
            rejects.push((p, row));
            continue;
        }
        let flag = |f: Field| -> Result<(bool, Option<String>), Problem> {
            let raw = ctx.raw(&row, f).trim();
            if f == Field::EthnicMinority {
                let up = raw.to_uppercase();
                if matches!(
                    up.as_str(),
                    "I" | "II"
                        | "III"
                        | "KV I"
                        | "KV II"
                        | "KV III"
                        | "KHU VỰC I"
                        | "KHU VỰC II"
                        | "KHU VỰC III"
                ) {
                    let region = up.rsplit(' ').next().unwrap_or(&up).to_string();
                    return Ok((true, Some(region)));
                }
            }
            value::parse_bool(raw).map(|b| (b, None)).ok_or_else(|| {
                ctx.problem(
                    &row,
                    f,
                    format!("not a yes/no value; expected {}", value::BOOL_EXPECTED),
                )
            })
        };
        let parsed = (|| {
            Ok::<_, Problem>((
                flag(Field::EthnicMinority)?,
                flag(Field::Religious)?,
                flag(Field::Rural)?,
            ))
        })();
        let ((em, region), (religious, _), (rural, _)) = match parsed {
            Ok(v) => v,
            Err(p) => {
                rejects.push((p, row));
                continue;
            }
        };
        let parent = clean(ctx.raw(&row, Field::ParentCode));
        seen.insert(code.clone(), row.line);
        let area = Area {
            code,
            name,
            level: level_name(ctx.raw(&row, Field::Level)),
            parent_code: (!parent.is_empty()).then_some(parent),
            ethnic_minority: em,
            ethnic_region: region,
            religious,
            rural,
            extra: extras
                .iter()
                .map(|(i, _)| clean(row.get(Some(*i))))
                .collect(),
        };
        units.push((area, row));
    }
    // Parents must exist (padding codes that lost their zeros), and the tree must have no cycle.
    let codes: HashSet<String> = units.iter().map(|(a, _)| a.code.clone()).collect();
    let mut kept = Vec::with_capacity(units.len());
    for (mut a, row) in units {
        if let Some(p) = a.parent_code.clone() {
            if !codes.contains(&p) {
                let padded = [2usize, 3, 5]
                    .iter()
                    .map(|w| format!("{p:0>w$}"))
                    .find(|c| codes.contains(c));
                match padded {
                    Some(c) => a.parent_code = Some(c),
                    None => {
                        let pr = ctx.problem(&row, Field::ParentCode, "the parent unit is not in the file").hint("add the parent unit's row, or leave parent_code empty for the top unit");
                        rejects.push((pr, row));
                        continue;
                    }
                }
            }
        }
        kept.push((a, row));
    }
    let parent_of: HashMap<String, Option<String>> = kept
        .iter()
        .map(|(a, _)| (a.code.clone(), a.parent_code.clone()))
        .collect();
    let mut ok = Vec::with_capacity(kept.len());
    for (a, row) in kept {
        let mut cur = a.parent_code.clone();
        let mut steps = 0;
        let mut cycle = false;
        while let Some(p) = cur {
            steps += 1;
            if p == a.code || steps > parent_of.len() {
                cycle = true;
                break;
            }
            cur = parent_of.get(&p).cloned().flatten();
        }
        if cycle {
            let pr = ctx
                .problem(
                    &row,
                    Field::ParentCode,
                    "the unit is its own ancestor (a cycle in parent_code)",
                )
                .hint("fix the parent codes so the units form a tree");
            rejects.push((pr, row));
            continue;
        }
        ok.push(a);
    }
    Areas::new(ok, extras.into_iter().map(|(_, n)| n).collect())
}

fn area_exists(current: &Reference, code: &str) -> Option<String> {
    current.areas.resolve_code(code).map(|a| a.code.clone())
}

fn enterprises(
    ctx: &Ctx,
    rows: Vec<Row>,
    current: &Reference,
    rejects: &mut Vec<(Problem, Row)>,
    warnings: &mut Vec<Problem>,
) -> Enterprises {
    let mut out = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    for row in rows {
        let id = normalize_tax_code(ctx.raw(&row, Field::Code));
        let result = (|| {
            if id.is_empty() {
                return Err(ctx
                    .problem(&row, Field::Code, "the enterprise has no tax code")
                    .hint("every enterprise needs its tax code (Mã số thuế)"));
            }
            if value::is_scientific(&id) {
                return Err(ctx
                    .problem(
                        &row,
                        Field::Code,
                        "Excel wrote the tax code in scientific notation",
                    )
                    .hint("format the column as Text and export again"));
            }
            if let Some(first) = seen.get(&id) {
                return Err(ctx
                    .problem(
                        &row,
                        Field::Code,
                        format!("the tax code repeats line {first}"),
                    )
                    .hint("each enterprise must appear once"));
            }
            let ownership = Ownership::parse(ctx.raw(&row, Field::Ownership)).ok_or_else(|| {
                ctx.problem(
                    &row,
                    Field::Ownership,
                    format!("unknown ownership; expected {}", Ownership::EXPECTED),
                )
            })?;
            let workers_raw = ctx.raw(&row, Field::Workers).trim();
            let workers = if workers_raw.is_empty() {
                None
            } else {
                Some(value::parse_count(workers_raw).ok_or_else(|| {
                    ctx.problem(
                        &row,
                        Field::Workers,
                        "not a head count; expected a whole number ≥ 0",
                    )
                })?)
            };
            let area_raw = clean(ctx.raw(&row, Field::AreaCode));
            let area_code = if area_raw.is_empty() {
                None
            } else if current.areas.is_empty() {
                Some(area_raw)
            } else {
                Some(area_exists(current, &area_raw).ok_or_else(|| {
                    ctx.problem(
                        &row,
                        Field::AreaCode,
                        "the area code is not in the areas reference",
                    )
                    .hint("correct the code, or ingest an areas file that has it")
                })?)
            };
            Ok(Enterprise {
                id: id.clone(),
                name: clean(ctx.raw(&row, Field::Name)),
                area_code,
                ownership,
                workers,
            })
        })();
        match result {
            Ok(e) => {
                if e.workers.is_none() {
                    warnings.push(ctx.problem(
                        &row,
                        Field::Workers,
                        "no head count: the enterprise's workers are unknown (not zero)",
                    ));
                }
                seen.insert(id, row.line);
                out.push(e);
            }
            Err(p) => rejects.push((p, row)),
        }
    }
    Enterprises::new(out)
}

fn parse_year(ctx: &Ctx, row: &Row) -> Result<i32, Problem> {
    let raw = ctx.raw(row, Field::Year).trim();
    raw.parse::<i32>()
        .ok()
        .filter(|y| (1900..=2100).contains(y))
        .ok_or_else(|| {
            ctx.problem(
                row,
                Field::Year,
                "not a year; expected four digits such as 2026",
            )
        })
}

fn parse_org(ctx: &Ctx, row: &Row) -> Result<OrgOrAny, Problem> {
    OrgOrAny::parse(ctx.raw(row, Field::Org)).ok_or_else(|| {
        ctx.problem(
            row,
            Field::Org,
            format!(
                "unknown organization; expected {} or any",
                crate::org::Org::expected()
            ),
        )
    })
}

fn eligible(
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

fn targets(
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
