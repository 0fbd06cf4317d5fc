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
    let headings: Vec<String> = (m.unknown.iter()).map(|(_, h)| clean(h)).collect();
    let mut reader = UnitReader {
        ctx,
        extras: &extras,
        seen: HashMap::new(),
        padded: 0,
    };
    let mut units: Vec<(Area, Row)> = Vec::new();
    for row in rows {
        match reader.unit(&row) {
            Ok(area) => units.push((area, row)),
            Err(p) => rejects.push((p, row)),
        }
    }
    // Parents must exist (padding codes that lost their zeros), and the tree must have no cycle.
    let kept = with_parents(ctx, units, rejects);
    let ok = without_cycles(ctx, kept, rejects);
    if reader.padded > 0 {
        notes.push(t!(
            lang::PADDED_CODES,
            crate::lang::Text::Count(reader.padded)
        ));
    }
    Areas::new(ok, extras.into_iter().map(|(_, n)| n).collect()).with_headings(headings)
}

/// Refuses an areas file two of whose own columns have one name for `--by` (`Vùng
/// cao` and `Vung cao` both `vung_cao`; found by review: the second could not be
/// reached, and the per-unit table had two columns of one name).
pub(super) fn own_columns_distinct(table: &Table) -> anyhow::Result<()> {
    let unknown = &table.mapping.unknown;
    for (k, (_, second)) in unknown.iter().enumerate() {
        let name = dimension_name(second);
        if let Some((_, first)) = unknown[..k].iter().find(|(_, h)| dimension_name(h) == name) {
            let at = format!("{}:{}", table.name, table.header_line);
            return Err(crate::error::Failure::invalid(t!(
                lang::OWN_COLUMNS_ONE_NAME,
                at,
                first.as_str(),
                second.as_str(),
                name
            ))
            .hint(t!(lang::OWN_COLUMNS_ONE_NAME_HINT))
            .into());
        }
    }
    Ok(())
}

/// Reads the file's rows one by one into units, remembering the codes seen so far (a
/// code written twice is refused) and how many codes got their leading zeros back.
struct UnitReader<'c, 'a> {
    ctx: &'c Ctx<'a>,
    /// The columns tally does not know: each becomes a dimension of the areas.
    extras: &'c [(usize, String)],
    /// Each code (as written and as padded) with the line it was first on.
    seen: HashMap<String, u64>,
    padded: u64,
}

impl UnitReader<'_, '_> {
    /// One row as a unit, or the problem that refuses it.
    fn unit(&mut self, row: &Row) -> Result<Area, Problem> {
        let ctx = self.ctx;
        let written = clean(ctx.raw(row, Field::Code));
        let name = clean(ctx.raw(row, Field::Name));
        let level = level_name(ctx.raw(row, Field::Level));
        let code = pad_code(&written, &level).unwrap_or_else(|| written.clone());
        if code.is_empty() {
            return Err(ctx
                .problem(
                    row,
                    Field::Code,
                    t!(crate::lang::reference::UNIT_WITHOUT_CODE),
                )
                .hint(t!(crate::lang::reference::EVERY_UNIT_NEEDS_GSO)));
        }
        if value::is_scientific(&code) {
            return Err(ctx
                .problem(
                    row,
                    Field::Code,
                    t!(crate::lang::rows::EXCEL_WROTE_CODE_SCIENTIFIC),
                )
                .hint(t!(crate::lang::reference::FORMAT_CODE_AS_TEXT)));
        }
        // A code written twice is one code, whatever levels its rows give it.
        if let Some(first) = self.seen.get(&written).or_else(|| self.seen.get(&code)) {
            return Err(ctx
                .problem(
                    row,
                    Field::Code,
                    t!(crate::lang::reference::CODE_REPEATS, *first),
                )
                .hint(t!(crate::lang::reference::EACH_UNIT_MUST_APPEAR)));
        }
        let (em, region) = flag(ctx, row, Field::EthnicMinority)?;
        let (religious, _) = flag(ctx, row, Field::Religious)?;
        let (rural, _) = flag(ctx, row, Field::Rural)?;
        let parent = clean(ctx.raw(row, Field::ParentCode));
        self.seen.insert(written.clone(), row.line);
        self.seen.insert(code.clone(), row.line);
        self.padded += u64::from(code != written);
        Ok(Area {
            code,
            name,
            level,
            parent_code: (!parent.is_empty()).then_some(parent),
            ethnic_minority: em,
            ethnic_region: region,
            religious,
            rural,
            extra: self
                .extras
                .iter()
                .map(|(i, _)| clean(row.get(Some(*i))))
                .collect(),
        })
    }
}

/// A yes/no column of a unit; the ethnic-minority column also takes a region (`I`,
/// `KV II`, `Khu vực III`), which means yes and is kept.
fn flag(ctx: &Ctx, row: &Row, f: Field) -> Result<(bool, Option<String>), Problem> {
    let raw = ctx.raw(row, f).trim();
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
            row,
            f,
            t!(lang::NOT_YES_NO, t!(crate::lang::rows::BOOL_EXPECTED)),
        )
    })
}

/// The units whose parent is in the file, a parent code that lost its leading zeros
/// padded back; the others refused.
fn with_parents(
    ctx: &Ctx,
    units: Vec<(Area, Row)>,
    rejects: &mut Vec<(Problem, Row)>,
) -> Vec<(Area, Row)> {
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
    kept
}

/// The units that are not their own ancestor; the others refused.
fn without_cycles(
    ctx: &Ctx,
    kept: Vec<(Area, Row)>,
    rejects: &mut Vec<(Problem, Row)>,
) -> Vec<Area> {
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
    ok
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
