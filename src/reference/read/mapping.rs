//! The mapping file: old commune code → commune of today, with a share where one old
//! commune was split. Checked whole: each new code is in the areas, each old code is a
//! commune of before the reform, and an old code's shares add up to 1.

use super::*;
use crate::lang;
use crate::reference::crosswalk;
use crate::reference::mapping::{MappedTo, Mapping};
use crate::t;

pub(super) fn mapping(
    ctx: &Ctx,
    rows: Vec<Row>,
    current: &Reference,
    rejects: &mut Vec<(Problem, Row)>,
) -> Mapping {
    // Each old code's rows, in file order, with their lines.
    let mut by_old: std::collections::BTreeMap<String, Vec<(MappedTo, Row)>> = Default::default();
    for row in rows {
        let result = (|| {
            let Some(u) = crosswalk::builtin().by_code(ctx.raw(&row, Field::OldCode)) else {
                return Err(ctx
                    .problem(
                        &row,
                        Field::OldCode,
                        t!(lang::reference::NOT_AN_OLD_COMMUNE),
                    )
                    .hint(t!(lang::reference::GIVE_CODE_COMMUNE_HAD)));
            };
            let old = u.code.clone();
            let new = clean(ctx.raw(&row, Field::NewCode));
            let Some(area) = area_exists(ctx, current, &new) else {
                return Err(ctx
                    .problem(&row, Field::NewCode, t!(lang::rows::AREA_CODE_UNKNOWN))
                    .hint(t!(lang::reference::GIVE_CODE_COMMUNE_TODAY)));
            };
            let raw_share = clean(ctx.raw(&row, Field::Share));
            let share = if raw_share.is_empty() {
                None
            } else {
                Some(value::parse_share(&raw_share).ok_or_else(|| {
                    ctx.problem(&row, Field::Share, t!(lang::reference::NOT_A_SHARE))
                })?)
            };
            Ok((old, MappedTo { code: area, share }))
        })();
        match result {
            Ok((old, to)) => by_old.entry(old).or_default().push((to, row)),
            Err(p) => rejects.push((p, row)),
        }
    }
    let mut out = Mapping::default();
    for (old, list) in by_old {
        match whole(&list) {
            Ok(()) => {
                out.by_old
                    .insert(old, list.into_iter().map(|(t, _)| t).collect());
            }
            Err(why) => {
                for (_, row) in list {
                    let p = ctx
                        .problem(&row, Field::Share, why.clone())
                        .hint(t!(lang::reference::GIVE_ONE_ROW_PER));
                    rejects.push((p, row));
                }
            }
        }
    }
    out
}

/// One old commune's rows make sense together: one commune of today, or several with
/// shares adding up to 1 and no commune twice.
fn whole(list: &[(MappedTo, Row)]) -> Result<(), crate::lang::Text> {
    let old_line = list.first().map(|(_, r)| r.line).unwrap_or(0);
    let mut codes: Vec<&str> = list.iter().map(|(t, _)| t.code.as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    if codes.len() < list.len() {
        return Err(crate::t!(crate::lang::reference::OLD_TWICE, old_line));
    }
    if list.len() == 1 {
        return match list[0].0.share {
            Some(s) if (s - 1.0).abs() > 1e-6 => Err(crate::t!(
                crate::lang::reference::OLD_ONE_SHARE,
                old_line,
                s.to_string()
            )),
            _ => Ok(()),
        };
    }
    let shares: Option<Vec<f64>> = list.iter().map(|(t, _)| t.share).collect();
    match shares {
        None => Err(crate::t!(
            crate::lang::reference::OLD_NOT_EVERY_SHARE,
            old_line,
            list.len()
        )),
        Some(s) if (s.iter().sum::<f64>() - 1.0).abs() > 0.001 => Err(crate::t!(
            crate::lang::reference::OLD_SHARES_SUM,
            old_line,
            ((s.iter().sum::<f64>() * 1000.0).round() / 1000.0).to_string()
        )),
        Some(_) => Ok(()),
    }
}
