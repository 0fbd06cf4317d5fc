//! The enterprises file: tax codes, ownership, head counts, areas.

use super::*;
use crate::lang;
use crate::t;

pub(super) fn enterprises(
    ctx: &Ctx,
    rows: Vec<Row>,
    current: &Reference,
    rejects: &mut Vec<(Problem, Row)>,
    warnings: &mut Vec<Problem>,
    notes: &mut Vec<crate::lang::Text>,
) -> Enterprises {
    let mut out = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    let told = &ctx.grassroots;
    let mut counts = vec![super::grassroots::Counted::default(); told.len()];
    for row in rows {
        let e = enterprise(ctx, &row, current, &seen).and_then(|mut e| {
            e.grassroots = super::grassroots::read_row(ctx, &row, told, &mut counts)?;
            Ok(e)
        });
        match e {
            Ok(e) => {
                if e.workers.is_none() {
                    warnings.push(ctx.problem(
                        &row,
                        Field::Workers,
                        t!(lang::reference::NO_HEAD_COUNT),
                    ));
                }
                seen.insert(e.id.clone(), row.line);
                out.push(e);
            }
            Err(p) => rejects.push((p, row)),
        }
    }
    notes.extend(super::grassroots::notes(ctx, told, &counts));
    Enterprises::new(out)
}

/// One row as an enterprise, or the problem that refuses it; `seen` holds the tax
/// codes of the rows before, with their lines.
fn enterprise(
    ctx: &Ctx,
    row: &Row,
    current: &Reference,
    seen: &HashMap<String, u64>,
) -> Result<Enterprise, Problem> {
    let id = normalize_tax_code(ctx.raw(row, Field::Code)).into_owned();
    if id.is_empty() {
        return Err(ctx
            .problem(
                row,
                Field::Code,
                t!(lang::reference::ENTERPRISE_WITHOUT_TAX_CODE),
            )
            .hint(t!(lang::reference::EVERY_ENTERPRISE_NEEDS_TAX)));
    }
    if value::is_scientific(&id) {
        return Err(ctx
            .problem(row, Field::Code, t!(lang::reference::EXCEL_WROTE_TAX_CODE))
            .hint(t!(lang::reference::FORMAT_COLUMN_TEXT_EXPORT)));
    }
    if let Some(first) = seen.get(&id) {
        return Err(ctx
            .problem(
                row,
                Field::Code,
                t!(lang::reference::TAX_CODE_REPEATS, *first),
            )
            .hint(t!(lang::reference::EACH_ENTERPRISE_MUST_APPEAR)));
    }
    let ownership = Ownership::parse(ctx.raw(row, Field::Ownership))
        .ok_or_else(|| ctx.problem(row, Field::Ownership, t!(lang::rows::UNKNOWN_OWNERSHIP)))?;
    let workers_raw = ctx.raw(row, Field::Workers).trim();
    let workers = if workers_raw.is_empty() {
        None
    } else {
        Some(value::parse_count(workers_raw).ok_or_else(|| {
            ctx.problem(row, Field::Workers, t!(lang::reference::NOT_A_HEAD_COUNT))
        })?)
    };
    Ok(Enterprise {
        id,
        name: clean(ctx.raw(row, Field::Name)),
        area_code: commune(ctx, row, current)?,
        ownership,
        workers,
        grassroots: Vec::new(),
    })
}

/// An enterprise's commune: by name (read as a roll's), by a code of today, or by a
/// code of before the 2025 reform read through the crosswalk; without areas to check
/// it against, the code as written (its lost leading zeros put back).
fn commune(ctx: &Ctx, row: &Row, current: &Reference) -> Result<Option<String>, Problem> {
    let area_raw = clean(ctx.raw(row, Field::AreaCode));
    let by_name = area_raw.is_empty() && !clean(ctx.raw(row, Field::AreaName)).is_empty();
    Ok(if by_name && !current.areas.is_empty() {
        // Its commune by name, read as a roll's (X. Mường Chà, TT. …).
        let (to, _) = super::eligible::unit_by_name(ctx, row, current)?;
        Some(one_commune(ctx, row, Field::AreaName, &to)?)
    } else if area_raw.is_empty() {
        None
    } else if current.areas.is_empty() {
        // No areas to check it against: a commune's code, of five digits.
        match super::areas::pad_code(&area_raw, "commune") {
            Some(full) => {
                ctx.padded.set(ctx.padded.get() + 1);
                Some(full)
            }
            None => Some(area_raw),
        }
    } else {
        let today = (ctx.codes != crate::reference::crosswalk::Codes::Old)
            .then(|| area_exists(ctx, current, &area_raw))
            .flatten();
        match today {
            Some(code) => Some(code),
            // A code of before the 2025 reform: the commune it became.
            None => {
                let (to, _) = super::eligible::through_crosswalk(ctx, row, current, &area_raw)?;
                Some(one_commune(ctx, row, Field::AreaCode, &to)?)
            }
        }
    })
}

/// An enterprise's commune of today: the one its old commune became, refused when the
/// mapping file splits that commune between several.
fn one_commune(
    ctx: &Ctx,
    row: &Row,
    field: Field,
    to: &[crate::reference::mapping::MappedTo],
) -> Result<String, Problem> {
    match to {
        [one] => Ok(one.code.clone()),
        several => Err(ctx
            .problem(
                row,
                field,
                t!(
                    lang::reference::MAPPING_SPLITS,
                    crate::reference::mapping::Mapping::describe(several)
                ),
            )
            .hint(t!(lang::reference::ENTERPRISE_ONE_COMMUNE_GIVE))),
    }
}
