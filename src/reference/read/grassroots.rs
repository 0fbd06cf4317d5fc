//! Whether each enterprise has a grassroots organization, where the enterprises file
//! says it: a column per organization headed `Có CĐCS`, `Có chi đoàn`, `Có tổ chức
//! Đoàn`, `Đã thành lập CĐCS` (yes/no: `Có`/`Không`, `x`, empty for none), or `Ngày
//! thành lập CĐCS` (a founding date: one was founded). The ingest says, per column,
//! how many have one, how many do not, and how many empty cells were read as none.

use super::*;
use crate::lang;
use crate::org::{Org, Orgs};
use crate::rows::grassroots_headers::grassroots_org;
use crate::t;

/// The columns of an enterprises file that say it, one per organization (the first).
pub(super) fn columns(table: &Table, orgs: &Orgs) -> Vec<(usize, Org)> {
    let m = &table.mapping;
    if m.kind != Kind::Enterprises {
        return Vec::new();
    }
    let mut out: Vec<(usize, Org)> = Vec::new();
    for (i, h) in m.headers.iter().enumerate() {
        if m.columns.get(i).is_some_and(Option::is_some) {
            continue;
        }
        if let Some(org) = grassroots_org(h, orgs) {
            if !out.iter().any(|(_, o)| *o == org) {
                out.push((i, org));
            }
        }
    }
    out
}

/// What a cell says: whether there is one, and whether the cell was empty; `None` for
/// a value that says neither.
pub(super) fn cell(raw: &str) -> Option<(bool, bool)> {
    let t = crate::text::trim(raw);
    if t.is_empty() {
        return Some((false, true));
    }
    // A dash is the office's "none"; another mark alone says nothing.
    if t == "-" {
        return Some((false, false));
    }
    if fold(t).is_empty() {
        return None;
    }
    if let Some(b) = crate::text::parse_bool(t) {
        return Some((b, false));
    }
    let key = fold(t);
    let no = ["chua", "chua co", "chua thanh lap", "khong co", "none"];
    let yes = ["da co", "da thanh lap", "co roi", "roi", "co to chuc"];
    if no.contains(&key.as_str()) {
        return Some((false, false));
    }
    if yes.contains(&key.as_str()) || key.starts_with("co ") {
        return Some((true, false));
    }
    let year = t.parse::<i32>().is_ok_and(|y| (1900..=2100).contains(&y));
    let date = crate::value::parse_date(t, 2000).is_ok();
    (year || date).then_some((true, false))
}

/// Counts of one column, for the note the ingest says.
#[derive(Default, Clone, Copy)]
pub(super) struct Counted {
    has: u64,
    none: u64,
    empty: u64,
}

/// One row's answers, counted into `counts` (one per column).
pub(super) fn read_row(
    ctx: &Ctx,
    row: &Row,
    cols: &[(usize, Org)],
    counts: &mut [Counted],
) -> Result<Vec<(Org, bool)>, Problem> {
    let mut out = Vec::with_capacity(cols.len());
    let mut seen = Vec::with_capacity(cols.len());
    for (i, org) in cols {
        let (has, empty) = cell(row.get(Some(*i))).ok_or_else(|| {
            ctx.problem_at(row, *i, t!(lang::grassroots::NOT_GRASSROOTS_VALUE))
                .hint(t!(lang::grassroots::WRITE_GRASSROOTS_VALUE))
        })?;
        seen.push((has, empty));
        out.push((org.clone(), has));
    }
    for (c, (has, empty)) in counts.iter_mut().zip(seen) {
        c.has += u64::from(has);
        c.none += u64::from(!has);
        c.empty += u64::from(empty);
    }
    Ok(out)
}

/// The notes of each column read.
pub(super) fn notes(ctx: &Ctx, cols: &[(usize, Org)], counts: &[Counted]) -> Vec<lang::Text> {
    cols.iter()
        .zip(counts)
        .map(|((i, org), c)| {
            t!(
                lang::grassroots::GRASSROOTS_READ,
                ctx.table.mapping.headers[*i].clone(),
                org.english(),
                c.has,
                c.none,
                c.empty
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_that_say_yes_no_or_a_date() {
        for (raw, want) in [
            ("Có", Some((true, false))),
            ("có", Some((true, false))),
            ("x", Some((true, false))),
            ("X", Some((true, false))),
            ("1", Some((true, false))),
            ("Đã thành lập", Some((true, false))),
            ("Có CĐCS", Some((true, false))),
            ("15/03/2018", Some((true, false))),
            ("2018", Some((true, false))),
            ("Không", Some((false, false))),
            ("không", Some((false, false))),
            ("Chưa", Some((false, false))),
            ("Chưa có", Some((false, false))),
            ("0", Some((false, false))),
            ("-", Some((false, false))),
            ("", Some((false, true))),
            ("  ", Some((false, true))),
            ("đang vận động", None),
            ("?", None),
        ] {
            assert_eq!(cell(raw), want, "{raw:?}");
        }
    }
}
