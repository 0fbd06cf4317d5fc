//! A list of members who have left: offices keep them on a sheet of the roll's workbook
//! ("Đã ra khỏi Hội") or in a file of their own ("DANH SÁCH ĐOÀN VIÊN RA ĐOÀN"), with
//! no status column, since the title says it. Read as a roll, every one of them would
//! be counted as a member. Such a sheet beside the workbook's others is skipped (the
//! summary says so once); such a list alone is refused.

use super::headers::{Field, Kind};
use super::table::Table;
use crate::error::Failure;
use crate::lang::ingest as msg;
use crate::text::fold;

/// Phrases (folded words) that name members who have left.
const DEPARTED: &[&[&str]] = &[
    &["ra", "khoi"],
    &["ra", "doan"],
    &["ra", "hoi"],
    &["qua", "doi"],
    &["da", "mat"],
    &["tu", "tran"],
    &["chuyen", "di"],
    &["da", "chuyen"],
    &["chuyen", "sinh", "hoat"],
    &["thoi", "sinh", "hoat"],
    &["bo", "sinh", "hoat"],
    &["xoa", "ten"],
    &["khai", "tru"],
    &["truong", "thanh", "doan"],
];

/// Whether a line of text names members who have left.
fn names_departed(text: &str) -> bool {
    let folded = fold(text);
    let words: Vec<&str> = folded.split(' ').collect();
    (0..words.len()).any(|at| DEPARTED.iter().any(|p| words[at..].starts_with(p)))
}

/// Where a roll without a status column says it lists departed members: its sheet's
/// name or a line of its title, as written.
pub(crate) fn departed_list(table: &Table) -> Option<String> {
    let m = &table.mapping;
    if m.kind != Kind::Roll || m.has(Field::Status) {
        return None;
    }
    let sheet = table.sheet.iter().filter(|s| names_departed(s));
    let title = table.title.iter().filter(|l| names_departed(l));
    sheet.chain(title).next().cloned()
}

/// The refusal of a departed members' list read alone.
pub(crate) fn refusal(file: &str, said: &str) -> anyhow::Error {
    Failure::invalid(crate::t!(msg::DEPARTED_LIST, file, said))
        .hint(crate::t!(msg::DEPARTED_LIST_HINT))
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_sheet_names_of_departed_members() {
        for (text, want) in [
            ("Đã ra khỏi Hội", true),
            ("Danh sách đoàn viên ra Đoàn", true),
            (
                "DANH SÁCH HỘI VIÊN ĐÃ CHUYỂN ĐI, RA KHỎI HỘI, QUA ĐỜI",
                true,
            ),
            ("HỘI VIÊN QUA ĐỜI", true),
            ("Chuyển đi", true),
            ("Xóa tên", true),
            ("DANH SÁCH HỘI VIÊN ĐANG SINH HOẠT", false),
            ("Số liệu đến ngày 30/11/2026", false),
            ("Chi hội thôn Na Sang", false),
            ("Tháng 10-2026", false),
            ("DANH SÁCH ĐOÀN VIÊN", false),
        ] {
            assert_eq!(names_departed(text), want, "{text}");
        }
    }
}
