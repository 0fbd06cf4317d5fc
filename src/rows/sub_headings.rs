//! A header's second row of sub-headings (`Tổng số` | `Trong đó: Nữ`, `Nam` | `Nữ`,
//! `Số đoàn viên` | `Số đối tượng` | `Tỷ lệ %` under an organization's merged heading),
//! and the words that say what a sub-column counts.

use super::row::Row;
use crate::text::fold;

/// The sub-headings of a header's second row (`Tổng số`, `Trong đó: Nữ` under an
/// organization's merged heading), if the row right under the header is one: no
/// number anywhere (a totals row has its totals, a member row a code or a date), and
/// a sub-heading: `Trong đó: …`, `Tổng số` under two headings or more, or only the
/// words of a count split by sex (`Nam` | `Nữ` | `Tổng số`), two or more.
pub(crate) fn sub_header(row: &Row, header: &[String]) -> Option<String> {
    if row.cells().any(|c| c.bytes().any(|b| b.is_ascii_digit())) {
        return None;
    }
    let filled: Vec<&str> = row
        .cells()
        .map(crate::text::trim)
        .filter(|c| !c.is_empty())
        .collect();
    let keys: Vec<String> = filled.iter().map(|c| fold(c)).collect();
    let totals = keys.iter().filter(|k| is_total_word(k)).count();
    // Its own cells: a heading merged down both rows (`STT`) is here as in the header.
    let own: Vec<String> = (row.cells().enumerate())
        .map(|(i, c)| (i, fold(c)))
        .filter(|(i, k)| !k.is_empty() && header.get(*i) != Some(k))
        .map(|(_, k)| k)
        .collect();
    let by_sex = own.len() >= 2
        && own
            .iter()
            .all(|k| matches!(k.as_str(), "nam" | "nu") || is_total_word(k));
    // What each column under an organization counts (`Số đoàn viên, hội viên` |
    // `Số đối tượng trong độ tuổi` | `Tỷ lệ %`), the eligible among them.
    let measures = own.iter().filter(|k| is_measure(k)).count();
    let eligible = own.iter().any(|k| names_eligible(k));
    let measured = measures >= 2 && eligible;
    (keys.iter().any(|k| k.starts_with("trong do")) || totals >= 2 || by_sex || measured)
        .then(|| filled.join(", "))
}

/// A sub-heading (folded) that names the people an organization should reach:
/// `Số đối tượng trong độ tuổi`, `Đối tượng tập hợp`.
pub(crate) fn names_eligible(key: &str) -> bool {
    // Found by review: `Tổng số đối tượng`, `Số thanh niên trong độ tuổi`, `Cần tập
    // hợp` name them too.
    key.contains("doi tuong") || key.contains("trong do tuoi") || key.contains("can tap hop")
}

/// A sub-heading (folded) of what a column under an organization counts: its
/// eligible, its members, the rate of the two.
fn is_measure(key: &str) -> bool {
    const MEMBERS: [&str; 6] = [
        "so doan vien",
        "so hoi vien",
        "so thanh vien",
        "so dv",
        "so hv",
        "doan vien",
    ];
    names_eligible(key)
        || MEMBERS.iter().any(|m| key.starts_with(m))
        || key.starts_with("da tap hop")
        || key.starts_with("ty le")
        || key == "%"
}

/// A sub-heading of totals, folded: `Tổng số`, `Tổng`, `Cộng`, and as offices
/// abbreviate it, `TS`, `Số lượng`.
pub(crate) fn is_total_word(key: &str) -> bool {
    matches!(
        key,
        "tong so" | "tong" | "cong" | "tong cong" | "ts" | "so luong"
    )
}

/// Whether a sub-heading row is one only by its by-sex words (no `Trong đó`, no two
/// totals).
pub(crate) fn only_by_sex(row: &Row) -> bool {
    let keys: Vec<String> = row.cells().map(fold).filter(|k| !k.is_empty()).collect();
    let totals = keys.iter().filter(|k| is_total_word(k)).count();
    !keys.iter().any(|k| k.starts_with("trong do")) && totals < 2
}
