//! The areas file: unique codes, parents that exist, no cycles.

use super::*;

pub(super) fn areas(ctx: &Ctx, rows: Vec<Row>, rejects: &mut Vec<(Problem, Row)>) -> Areas {
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
