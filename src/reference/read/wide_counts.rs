//! A counts table's column per organization (`Đoàn TN`, `Hội LHPN`): which columns
//! they are, the sub-column that is each one's total (`Tổng số` over `Nam | Nữ`), and
//! the columns of numbers no organization names.

use super::*;
use crate::lang::reference as lang;
use crate::org::Orgs;
use crate::t;

/// Where an organization's total (`Tổng số`) is empty and a sub-column beside it under
/// the same heading (`Nam`, `Nữ`) holds a count: that sub-heading and its value. The
/// row's count is unknown, not missing: left out, the unit would have no eligible
/// count while its members count in the total's numerator.
pub(super) fn part_without_total(table: &Table, row: &Row, col: usize) -> Option<(String, String)> {
    if table.sub_headings.is_empty() {
        return None;
    }
    let h = &table.mapping.headers;
    let named = |k: usize| h.get(k).is_some_and(|s| !s.is_empty());
    let first = (0..=col).rev().find(|&k| named(k))?;
    let end = (first + 1..h.len().max(table.sub_headings.len()))
        .find(|&k| named(k))
        .unwrap_or(h.len().max(table.sub_headings.len()));
    (first..end).filter(|&k| k != col).find_map(|k| {
        let raw = row.get(Some(k)).trim();
        value::parse_count(raw).filter(|n| *n > 0).map(|_| {
            let sub = table.sub_headings.get(k).cloned().unwrap_or_default();
            (sub, raw.to_string())
        })
    })
}

/// A counts table's column per organization: the columns the header search saw, read
/// again now that an orgs file of the same command may have named more organizations.
/// Two columns of one organization refuse the file.
pub(super) fn wide_columns(table: &Table, orgs: &Orgs) -> Result<Vec<(usize, OrgOrAny)>> {
    let m = &table.mapping;
    if m.kind != Kind::Eligible || m.wide.is_empty() {
        return Ok(Vec::new());
    }
    let mut out: Vec<(usize, OrgOrAny)> = Vec::new();
    for (i, h) in m.headers.iter().enumerate() {
        if m.columns.get(i).is_some_and(Option::is_some) {
            continue;
        }
        let Some(org) = crate::rows::headers::org_column(h, orgs) else {
            continue;
        };
        if let Some((j, _)) = out.iter().find(|(_, o)| *o == org) {
            return Err(crate::error::Failure::invalid(t!(
                lang::COLUMNS_SAME_ORG,
                format!("{}:{}", table.name, table.header_line),
                &m.headers[*j],
                h,
                org.to_string()
            ))
            .hint(t!(lang::KEEP_ONE_COLUMN_PER))
            .into());
        }
        out.push((total_column(table, i)?, org));
    }
    Ok(out)
}

/// How a wide table's column of counts is headed: `"Đoàn TN"`, or with the sub-heading
/// it was read under, `"Đoàn TN" (Tổng số)`.
pub(super) fn heading_of(table: &Table, i: usize) -> String {
    let h = &table.mapping.headers;
    let heading = (0..=i)
        .rev()
        .filter_map(|k| h.get(k))
        .find(|s| !s.is_empty());
    let heading = format!("\"{}\"", heading.map_or("", String::as_str));
    match table.sub_headings.get(i).filter(|s| !s.is_empty()) {
        Some(s) => format!("{heading} ({s})"),
        None => heading,
    }
}

/// The column of an organization's counts, its heading at `i`: the heading's own, or,
/// over a row of sub-headings, the one of them that is its total (`Tổng số`), among
/// the columns the heading spans (it and the unnamed ones after it). None a total
/// (`Nam` | `Nữ`, `Trong đó: Nữ` alone) refuses the file: a part is no count of the
/// organization, and reading the first was reading the women as everyone.
pub(super) fn total_column(table: &Table, i: usize) -> Result<usize> {
    let sub = |k: usize| table.sub_headings.get(k).map_or("", String::as_str);
    let h = &table.mapping.headers;
    let width = h.len().max(table.sub_headings.len());
    let span: Vec<usize> = std::iter::once(i)
        .chain((i + 1..width).take_while(|&k| h.get(k).is_none_or(|s| s.is_empty())))
        .collect();
    // Members, eligible and their rate side by side: the eligible is the count, before
    // a total (`Tổng số` | `Số đối tượng` | `Tỷ lệ`: found by review, the members
    // were read as the total).
    let eligible = |k: usize| crate::rows::sub_headings::names_eligible(&fold(sub(k)));
    if let Some(&k) = span.iter().find(|&&k| eligible(k)) {
        return Ok(k);
    }
    // A heading merged down both rows (`Hội LHPN` beside groups of sub-columns) is
    // its own total.
    if sub(i).is_empty() || is_total(sub(i)) || fold(sub(i)) == fold(&h[i]) {
        return Ok(i);
    }
    if let Some(&k) = span.iter().find(|&&k| is_total(sub(k))) {
        return Ok(k);
    }
    let said: Vec<String> = (span.iter())
        .filter(|&&k| !sub(k).is_empty())
        .map(|&k| format!("\"{}\"", sub(k)))
        .collect();
    let at = format!("{}:{}", table.name, table.header_line);
    Err(
        crate::error::Failure::invalid(t!(lang::NO_TOTAL_UNDER, at, &h[i], said.join(", ")))
            .hint(t!(lang::NO_TOTAL_UNDER_HINT))
            .into(),
    )
}

/// A counts table read wide must name every column of counts: a column of numbers
/// whose heading names no organization tally knows (`Hội Chữ thập đỏ` without an orgs
/// file, a misspelt name) would otherwise be dropped with its counts. Totals are none.
pub(super) fn unnamed_count_columns(
    table: &Table,
    wide: &[(usize, OrgOrAny)],
    rows: &[Row],
    orgs: &Orgs,
) -> Result<()> {
    let m = &table.mapping;
    if wide.is_empty() {
        return Ok(());
    }
    let unnamed: Vec<String> = m
        .headers
        .iter()
        .enumerate()
        .filter(|(i, h)| {
            // An unknown heading (a row number, `STT`, is no column of counts).
            m.unknown.iter().any(|(u, _)| u == i)
                && !wide.iter().any(|(w, _)| w == i)
                && !is_total(h)
                && holds_counts(rows, *i)
        })
        .map(|(_, h)| format!("\"{h}\""))
        .collect();
    if unnamed.is_empty() {
        return Ok(());
    }
    let place = format!("{}:{}", table.name, table.header_line);
    Err(crate::error::Failure::invalid(crate::t!(
        lang::UNNAMED_COUNT_COLUMNS,
        place,
        unnamed.join(", "),
        orgs.names()
    ))
    .hint(crate::t!(lang::UNNAMED_COUNT_COLUMNS_HINT))
    .into())
}

/// A column of totals (`Tổng số`, `Cộng`): read by no one, refused by no one.
pub(super) fn is_total(header: &str) -> bool {
    let key = fold(header);
    key.starts_with("tong")
        || key.starts_with("cong so")
        || crate::rows::sub_headings::is_total_word(&key)
}

/// Whether a column holds numbers: some cell, and every cell that is not empty.
pub(super) fn holds_counts(rows: &[Row], col: usize) -> bool {
    let mut cells = rows
        .iter()
        .map(|r| r.get(Some(col)).trim())
        .filter(|v| !v.is_empty())
        .peekable();
    cells.peek().is_some() && cells.all(|v| value::parse_count(v).is_some())
}
