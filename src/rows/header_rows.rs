//! Where a header is: the first row that reads as one, or a merged heading over a row
//! of sub-headings read together.

use super::headers::{self, Kind, Mapping};

/// A merged heading row over a row of sub-headings, read as one header: each sub-heading
/// under a heading that spans it (the heading's cell and the empty cells after it) is
/// named with the heading (`Ngày, tháng, năm sinh Nam`); a heading with nothing under
/// it (merged down) keeps its name. `None` when `sub` holds nothing under a heading.
fn two_row_header(top: &[String], sub: &[String]) -> Option<Vec<String>> {
    let width = top.len().max(sub.len());
    let mut out = Vec::with_capacity(width);
    let mut group = String::new();
    let mut grouped = false;
    for c in 0..width {
        let t = top.get(c).map(String::as_str).unwrap_or("");
        let s = sub.get(c).map(String::as_str).unwrap_or("");
        if !t.is_empty() {
            group = t.to_string();
        } else if s.is_empty() {
            group.clear();
        }
        out.push(match (t.is_empty(), s.is_empty()) {
            // A heading merged down both rows gives both its name.
            (_, true) => t.to_string(),
            (false, false) if s == t => t.to_string(),
            (true, false) if group.is_empty() => s.to_string(),
            _ => {
                grouped = true;
                format!("{group} {s}")
            }
        });
    }
    grouped.then_some(out)
}

/// The header: the first row that reads as one, or a merged heading over a row of
/// sub-headings (`Ngày, tháng, năm sinh` over `Nam` | `Nữ`) read together when that
/// matches more columns. Returns its index, mapping and how many rows it takes.
pub(super) fn header_rows(
    cells: &mut [Vec<String>],
    kind: Option<Kind>,
    orgs: &crate::org::Orgs,
) -> Option<(usize, Mapping, usize)> {
    let single = headers::find_header(cells, kind, orgs);
    let limit = single.as_ref().map(|(at, _)| at + 1).unwrap_or(cells.len());
    for at in 0..limit.min(cells.len().saturating_sub(1)) {
        let combined = two_row_header(&cells[at], &cells[at + 1]);
        let Some(combined) = combined else { continue };
        let one = std::slice::from_ref(&combined);
        if let Some((_, m)) = headers::find_header(one, kind, orgs) {
            // Marks under `Giới tính` over Nam | Nữ read as many fields as the heading
            // alone, but only read together do they give the sex.
            let marks = m.sex_marks && m.sex_pair.is_some();
            let beats = match &single {
                Some((s_at, s)) => *s_at >= at && (m.matched() > s.matched() || marks),
                None => true,
            };
            if beats {
                cells[at] = combined;
                return Some((at, m, 2));
            }
        }
    }
    single.map(|(at, m)| (at, m, 1))
}
