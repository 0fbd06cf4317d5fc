//! The areas file: unique codes, parents that exist, no cycles.

use super::*;
use crate::lang::{reference as lang, Text};
use crate::t;

pub(super) fn areas(
    ctx: &Ctx,
    rows: Vec<Row>,
    rejects: &mut Vec<(Problem, Row)>,
    notes: &mut Vec<Text>,
) -> Areas {
    let m = &ctx.table.mapping;
    let extras: Vec<(usize, String)> = m
        .unknown
        .iter()
        .map(|(i, h)| (*i, dimension_name(h)))
        .collect();
    let mut units: Vec<(Area, Row)> = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut padded = 0u64;
    for row in rows {
        let written = clean(ctx.raw(&row, Field::Code));
        let name = clean(ctx.raw(&row, Field::Name));
        let level = level_name(ctx.raw(&row, Field::Level));
        let code = pad_code(&written, &level).unwrap_or_else(|| written.clone());
        if code.is_empty() {
            let p = ctx
                .problem(&row, Field::Code, t!(lang::UNIT_WITHOUT_CODE))
                .hint(t!(lang::EVERY_UNIT_NEEDS_GSO));
            rejects.push((p, row));
            continue;
        }
        if value::is_scientific(&code) {
            let p = ctx
                .problem(
                    &row,
                    Field::Code,
                    t!(crate::lang::rows::EXCEL_WROTE_CODE_SCIENTIFIC),
                )
                .hint(t!(lang::FORMAT_CODE_AS_TEXT));
            rejects.push((p, row));
            continue;
        }
        // A code written twice is one code, whatever levels its rows give it.
        if let Some(first) = seen.get(&written).or_else(|| seen.get(&code)) {
            let p = ctx
                .problem(&row, Field::Code, t!(lang::CODE_REPEATS, *first))
                .hint(t!(lang::EACH_UNIT_MUST_APPEAR));
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
                    t!(lang::NOT_YES_NO, t!(crate::lang::rows::BOOL_EXPECTED)),
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
        seen.insert(written.clone(), row.line);
        seen.insert(code.clone(), row.line);
        padded += u64::from(code != written);
        let area = Area {
            code,
            name,
            level,
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
                        let pr = ctx
                            .problem(&row, Field::ParentCode, t!(lang::PARENT_NOT_IN_FILE))
                            .hint(t!(lang::PARENT_NOT_IN_FILE_HINT));
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
                .problem(&row, Field::ParentCode, t!(lang::UNIT_OWN_ANCESTOR_CYCLE))
                .hint(t!(lang::FIX_PARENT_CODES_SO));
            rejects.push((pr, row));
            continue;
        }
        ok.push(a);
    }
    if padded > 0 {
        notes.push(t!(lang::PADDED_CODES, padded));
    }
    Areas::new(ok, extras.into_iter().map(|(_, n)| n).collect())
}

/// A GSO code's width by its level: a province's code has 2 digits, a district's 3, a
/// commune's 5.
fn code_width(level: &str) -> Option<usize> {
    match level {
        "province" => Some(2),
        "district" => Some(3),
        "commune" => Some(5),
        _ => None,
    }
}

/// The code with the leading zeros Excel dropped (`3127` → `03127` for a commune): a
/// code of digits only, shorter than its level's width; of a unit without a level,
/// only a code of 4 digits, which can only be a commune's. `None` when it is whole.
pub(super) fn pad_code(code: &str, level: &str) -> Option<String> {
    if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let width = code_width(level).or((code.len() == 4).then_some(5))?;
    (code.len() < width).then(|| format!("{code:0>width$}"))
}

#[cfg(test)]
mod tests {
    use super::pad_code;

    #[test]
    fn codes_that_lost_their_leading_zeros() {
        let cases = [
            ("3127", "commune", Some("03127")),
            ("127", "commune", Some("00127")),
            ("03127", "commune", None),
            ("1", "province", Some("01")),
            ("11", "province", None),
            ("95", "district", Some("095")),
            ("3127", "unit", Some("03127")),
            ("95", "unit", None),
            ("31A7", "commune", None),
            ("", "commune", None),
            ("123456", "commune", None),
        ];
        for (code, level, want) in cases {
            assert_eq!(pad_code(code, level).as_deref(), want, "{code} {level}");
        }
    }
}
