//! The eligible file: how many people each organization should reach, per unit: a row
//! per unit and organization, or the office's wide table, a row per unit and a column
//! per organization (read long; an empty cell is no count, not zero).

use super::*;
use crate::lang::reference as lang;
use crate::lang::Text;
use crate::reference::crosswalk::Codes;
use crate::reference::crosswalk::OldUnit;
use crate::reference::mapping::{split_count, MappedTo};
use crate::t;

pub(super) fn eligible(
    ctx: &Ctx,
    rows: Vec<Row>,
    current: &Reference,
    rejects: &mut Vec<(Problem, Row)>,
    notes: &mut Vec<crate::lang::Text>,
) -> Vec<EligibleRow> {
    let mut reader = Counts {
        ctx,
        current,
        out: Vec::new(),
        seen: HashMap::new(),
        mapped: Default::default(),
        sources: Default::default(),
    };
    for row in rows {
        match reader.merges(&row) {
            Ok((merges, old)) => reader.apply(merges, old),
            Err(p) => rejects.push((p, row)),
        }
    }
    let Counts {
        mut out,
        mapped,
        sources,
        ..
    } = reader;
    notes.extend(super::old_parts::unknown_where_partial(
        &mut out, &sources, current,
    ));
    if !mapped.is_empty() {
        let rows: u64 = mapped.values().sum();
        notes.push(crate::t!(
            lang::READ_OLD_COMMUNES,
            crate::lang::Text::Count(rows),
            crate::lang::Text::Count(mapped.len() as u64)
        ));
    }
    if !ctx.wide.is_empty() {
        let names: Vec<String> = (ctx.wide.iter())
            .map(|(i, _)| super::wide_counts::heading_of(ctx.table, *i))
            .collect();
        notes.push(crate::t!(
            lang::READ_WIDE,
            crate::lang::Text::Count(out.len() as u64),
            names.join(", ")
        ));
    }
    out
}

/// The counts read so far, and what later rows are checked against.
struct Counts<'c, 'a> {
    ctx: &'c Ctx<'a>,
    current: &'c Reference,
    out: Vec<EligibleRow>,
    /// Each key's first line, and for a key reached through the crosswalk the index of
    /// its row (the counts of the old communes of one new commune add up).
    seen: HashMap<EligibleKey, (u64, Option<usize>)>,
    /// Rows read through the crosswalk, per old code.
    mapped: std::collections::BTreeMap<String, u64>,
    /// The counts read through the crosswalk (by index): the old codes that gave them.
    sources: std::collections::BTreeMap<usize, std::collections::BTreeSet<&'static str>>,
}

impl Counts<'_, '_> {
    /// What one row adds (new keys, or counts to the key of a new commune), with the
    /// old code it was read from; or the problem that refuses it.
    fn merges(&mut self, row: &Row) -> Result<(Vec<Merge>, Option<&'static str>), Problem> {
        let ctx = self.ctx;
        let (places, old) = unit_of(ctx, row, self.current)?;
        let year = parse_year(ctx, row)?;
        let counts = counts_of(ctx, row)?;
        let (dimension, group) = dimension_group(ctx, row)?;
        let mut merges = Vec::new();
        for (org, eligible, col) in counts {
            // An old commune split by the mapping file's shares gives each of its
            // communes of today its part of the count.
            for (area_code, eligible) in split_count(eligible, &places) {
                let key = (
                    area_code.clone(),
                    org.code().to_string(),
                    year,
                    dimension.clone(),
                    group.clone(),
                );
                let at = self.out.len()
                    + merges
                        .iter()
                        .filter(|m| matches!(m, Merge::New(..)))
                        .count();
                match (self.seen.get(&key), old) {
                    (Some(&(_, Some(at))), Some(_)) => {
                        // Another old commune of the same new one: the counts add up.
                        merges.push(Merge::Into(at, eligible));
                        continue;
                    }
                    (Some(&(first, _)), _) => {
                        return Err(ctx
                            .problem_at(row, col, t!(crate::lang::reference::SAME_COUNT_AS, first))
                            .hint(t!(crate::lang::reference::GIVE_EACH_COUNT_ONCE)));
                    }
                    (None, _) => {}
                }
                self.seen.insert(key, (row.line, old.map(|_| at)));
                merges.push(Merge::New(EligibleRow {
                    area_code,
                    org: org.clone(),
                    year,
                    eligible,
                    dimension: dimension.clone(),
                    group: group.clone(),
                }));
            }
        }
        Ok((merges, old))
    }

    /// Adds what a row gave to the counts.
    fn apply(&mut self, merges: Vec<Merge>, old: Option<&'static str>) {
        if let Some(o) = old {
            *self.mapped.entry(o.to_string()).or_default() += 1;
        }
        for m in merges {
            let at = match m {
                Merge::New(e) => {
                    self.out.push(e);
                    self.out.len() - 1
                }
                Merge::Into(at, n) => {
                    self.out[at].eligible += n;
                    at
                }
            };
            if let Some(o) = old {
                self.sources.entry(at).or_default().insert(o);
            }
        }
    }
}

/// A row's dimension and group, which go together.
fn dimension_group(ctx: &Ctx, row: &Row) -> Result<(Option<String>, Option<String>), Problem> {
    let dimension = Some(dimension_name(ctx.raw(row, Field::Dimension))).filter(|s| !s.is_empty());
    let group = Some(fold(ctx.raw(row, Field::Group)).replace(' ', "_")).filter(|s| !s.is_empty());
    if dimension.is_some() != group.is_some() {
        return Err(ctx.problem(
            row,
            Field::Dimension,
            t!(crate::lang::reference::DIMENSION_GROUP_GO_TOGETHER),
        ));
    }
    Ok((dimension, group))
}

type EligibleKey = (String, String, i32, Option<String>, Option<String>);

/// The organizations and counts of a row, each with the column it is read from: the
/// org and eligible columns, or in the wide layout each organization's column that
/// holds a count (an empty cell is no count, not zero).
fn counts_of(ctx: &Ctx, row: &Row) -> Result<Vec<(OrgOrAny, u64, usize)>, Problem> {
    let not_a_count = t!(lang::NOT_A_COUNT);
    if ctx.wide.is_empty() {
        let org = parse_org(ctx, row)?;
        let n = value::parse_count(ctx.raw(row, Field::Eligible)).ok_or_else(|| {
            ctx.problem(row, Field::Eligible, not_a_count)
                .hint(t!(lang::NOT_A_COUNT_HINT))
        })?;
        let col = ctx.table.mapping.index(Field::Eligible).unwrap_or(0);
        return Ok(vec![(org, n, col)]);
    }
    let mut out = Vec::with_capacity(ctx.wide.len());
    for (col, org) in &ctx.wide {
        let col = *col;
        let raw = row.get(Some(col)).trim();
        if raw.is_empty() {
            if let Some((sub, part)) = super::wide_counts::part_without_total(ctx.table, row, col) {
                return Err(ctx
                    .problem_at(row, col, t!(lang::TOTAL_EMPTY_PART_FILLED, sub, part))
                    .hint(t!(lang::TOTAL_EMPTY_PART_FILLED_HINT)));
            }
            continue;
        }
        let n = value::parse_count(raw).ok_or_else(|| {
            (ctx.problem_at(row, col, not_a_count.clone())).hint(t!(lang::NOT_A_COUNT_HINT))
        })?;
        out.push((org.clone(), n, col));
    }
    Ok(out)
}

/// The unit of a row: by its code (of today, or of before the 2025 reform through the
/// crosswalk), else by its name; with the old code it was read from.
fn unit_of(
    ctx: &Ctx,
    row: &Row,
    current: &Reference,
) -> Result<(Vec<MappedTo>, Option<&'static str>), Problem> {
    let area_raw = clean(ctx.raw(row, Field::AreaCode));
    let by_name = area_raw.is_empty() && ctx.table.mapping.has(Field::AreaName);
    if current.areas.is_empty() {
        let f = if by_name {
            Field::AreaName
        } else {
            Field::AreaCode
        };
        return Err(ctx
            .problem(row, f, t!(lang::NO_AREAS_TO_CHECK_UNIT))
            .hint(t!(crate::lang::rows::INGEST_AREAS_FILE_FIRST)));
    }
    if by_name {
        return unit_by_name(ctx, row, current);
    }
    let today = (ctx.codes != Codes::Old)
        .then(|| area_exists(ctx, current, &area_raw))
        .flatten();
    match today {
        Some(code) => Ok((vec![MappedTo { code, share: None }], None)),
        None if ctx.codes == Codes::New => Err(ctx
            .problem(
                row,
                Field::AreaCode,
                t!(crate::lang::rows::AREA_CODE_UNKNOWN),
            )
            .hint(t!(crate::lang::rows::CORRECT_CODE_INGEST_AREAS))),
        None => through_crosswalk(ctx, row, current, &area_raw),
    }
}

/// A unit by its name, read by the rules a roll's names are (docs/formats.md): with its
/// type (`Xã Mường Phăng`, `X. Mường Phăng`), a district qualifier set aside when the
/// areas have no districts, and a commune of before the 2025 reform (`TT. Mường Chà`)
/// through the crosswalk, as `--codes` says; a name several units share is refused
/// with them.
pub(super) fn unit_by_name(
    ctx: &Ctx,
    row: &Row,
    current: &Reference,
) -> Result<(Vec<MappedTo>, Option<&'static str>), Problem> {
    use crate::reference::NameMatch;
    let list = |units: &[&Area]| {
        units
            .iter()
            .map(|a| format!("{} ({})", a.name, a.code))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let today = |code: &str| {
        Ok((
            vec![MappedTo {
                code: code.to_string(),
                share: None,
            }],
            None,
        ))
    };
    let name = clean(ctx.raw(row, Field::AreaName));
    let p = |reason: Text| ctx.problem(row, Field::AreaName, reason);
    let hit = current.areas.resolve_name(&name);
    let old_reading = ctx.codes == Codes::Old
        || matches!(
            hit,
            NameMatch::OtherType(_) | NameMatch::District(_) | NameMatch::Missing
        );
    if old_reading && ctx.codes != Codes::New {
        let areas = &current.areas;
        let held = |u: &OldUnit| u.new.iter().any(|(n, _)| areas.get(n).is_some());
        match crate::reference::crosswalk::builtin()
            .by_name(&name, held)
            .as_slice()
        {
            [one] => return through_old_unit(ctx, row, current, one, Field::AreaName),
            [] => {}
            many => {
                return Err(p(t!(
                    crate::lang::rows::SEVERAL_OLD_COMMUNES,
                    Text::Join(
                        many.iter()
                            .map(|u| t!(
                                crate::lang::rows::OLD_COMMUNE_NOW,
                                u.label(),
                                u.candidates()
                            ))
                            .collect(),
                        "; "
                    )
                ))
                .hint(t!(crate::lang::rows::USE_AREA_CODE_COLUMN)))
            }
        }
    }
    let hint = |otherwise: &'static crate::lang::Msg| district_or(&name, otherwise);
    match hit {
        NameMatch::Found(a) => today(&a.code),
        NameMatch::Ambiguous(v) => Err(p(t!(crate::lang::rows::NAME_MATCHES_SEVERAL, list(&v)))
            .hint(t!(crate::lang::rows::USE_AREA_CODE_COLUMN))),
        NameMatch::OtherType(v) => Err(p(t!(crate::lang::rows::OTHER_TYPE, list(&v)))
            .hint(hint(&crate::lang::rows::NAME_TYPE_HINT))),
        NameMatch::District(d) => match current.areas.resolve_name_without_district(&name) {
            NameMatch::Found(a) => today(&a.code),
            _ => Err(p(t!(crate::lang::rows::NAMED_DISTRICT, d))
                .hint(t!(crate::lang::rows::USE_TODAY_S_COMMUNE))),
        },
        NameMatch::Missing => Err(p(t!(crate::lang::rows::NO_UNIT_OF_THAT_NAME))
            .hint(hint(&crate::lang::rows::CHECK_SPELLING_USE_AREA))),
    }
}

/// The hint for a name no unit has: for a district of before the reform (`Huyện Bát
/// Xát` over its communes' rows), that districts are no units now; else `otherwise`.
fn district_or(name: &str, otherwise: &'static crate::lang::Msg) -> Text {
    let kind = crate::reference::unit_name::UnitName::parse(name).kind;
    match kind.is_some_and(|k| ["huyện", "quận", "thị xã", "thành phố"].contains(&k)) {
        true => t!(lang::DISTRICT_ROW_HINT),
        false => t!(*otherwise),
    }
}

/// What an eligible row adds: a new key, or a count to the key of its new commune.
enum Merge {
    New(EligibleRow),
    Into(usize, u64),
}

/// A code of before the 2025 reform, read as the commune (or, by the mapping file's
/// shares, the communes) of today it became; the old code beside it.
pub(super) fn through_crosswalk(
    ctx: &Ctx,
    row: &Row,
    current: &Reference,
    raw: &str,
) -> Result<(Vec<MappedTo>, Option<&'static str>), Problem> {
    let Some(u) = crate::reference::crosswalk::builtin().by_code(raw) else {
        return Err(ctx
            .problem(
                row,
                Field::AreaCode,
                t!(crate::lang::rows::AREA_CODE_UNKNOWN),
            )
            .hint(t!(crate::lang::rows::CORRECT_CODE_INGEST_AREAS)));
    };
    through_old_unit(ctx, row, current, u, Field::AreaCode)
}

/// A commune of before the 2025 reform (found by its code or its name, in `field`) as
/// the commune (or, by the mapping file's shares, the communes) of today it became.
fn through_old_unit(
    ctx: &Ctx,
    row: &Row,
    current: &Reference,
    u: &'static OldUnit,
    field: Field,
) -> Result<(Vec<MappedTo>, Option<&'static str>), Problem> {
    if let Some(to) = current.mapping.get(&u.code) {
        return Ok((to.to_vec(), Some(u.code.as_str())));
    }
    match u.today_in(&current.areas) {
        Ok(new) => Ok((
            vec![MappedTo {
                code: new.to_string(),
                share: None,
            }],
            Some(u.code.as_str()),
        )),
        Err(why) => {
            let hint = if u.split {
                t!(lang::GIVE_COUNT_EACH_COMMUNE)
            } else {
                t!(crate::lang::rows::INGEST_AREAS_FILE_TODAY)
            };
            Err(ctx.problem(row, field, why).hint(hint))
        }
    }
}
