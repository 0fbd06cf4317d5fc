//! A roll's status under the many headers offices give it: "Trạng thái đoàn viên",
//! "Tình trạng SH", "TT sinh hoạt", "Ngày mất", "Ngày chuyển SH". A status column missed
//! counts every departed member as active; so a column tally does not read that holds
//! departure words ("Ghi chú": "Qua đời") refuses the roll rather than be passed over.

use super::headers::{Field, Mapping};
use super::status::{parse_status, Status};
use super::table::Row;
use crate::error::Failure;
use crate::lang::ingest as msg;

/// Abbreviations offices write in headers, folded, and the words they stand for.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("dv", "doan vien"),
    ("hv", "hoi vien"),
    ("cdv", "cong doan vien"),
    ("sh", "sinh hoat"),
];

/// What a status header starts with (after abbreviations are spelled out).
const STATUS_HEADS: &[&str] = &["trang thai", "tinh trang", "tinh hinh sinh hoat"];

/// The words that may follow a status head: whose status it is ("đoàn viên", "hội
/// viên", "sinh hoạt", "hiện nay"). Anything else ("Tình trạng hôn nhân", "Tình trạng
/// sức khỏe") is another status, not membership.
const STATUS_QUALIFIERS: &[&str] = &[
    "doan", "hoi", "vien", "cong", "sinh", "hoat", "thanh", "hien", "nay", "tai", "cua", "phu",
    "nu", "nong", "dan", "cuu", "chien", "binh", "ccb", "nd", "pn", "to", "chuc",
];

/// The header with its abbreviations spelled out: `trang thai dv hv` → `trang thai doan
/// vien hoi vien`; a first `tt` before more words is "trạng thái" (`TT sinh hoạt`).
pub(super) fn spelled_out(folded: &str) -> String {
    let words: Vec<&str> = folded.split(' ').collect();
    let mut out: Vec<&str> = Vec::with_capacity(words.len() + 2);
    for (i, w) in words.iter().enumerate() {
        match ABBREVIATIONS.iter().find(|(a, _)| a == w) {
            Some((_, full)) => out.push(full),
            None if i == 0 && *w == "tt" && words.len() > 1 => out.push("trang thai"),
            None => out.push(w),
        }
    }
    out.join(" ")
}

/// The field of a roll header that no spelling names, read by its shape: a status
/// head with only qualifiers after it, or "Ngày" and a departure word (the date the
/// member left: "Ngày mất", "Ngày qua đời", "Ngày ra khỏi Hội").
pub(super) fn roll_field(spelled: &str) -> Option<Field> {
    for head in STATUS_HEADS {
        let Some(rest) = spelled.strip_prefix(head) else {
            continue;
        };
        let qualified = |r: &str| r.split_whitespace().all(|w| STATUS_QUALIFIERS.contains(&w));
        if rest.is_empty() || (rest.starts_with(' ') && qualified(rest)) {
            return Some(Field::Status);
        }
    }
    let rest = spelled.strip_prefix("ngay ")?;
    matches!(parse_status(rest), Ok(Status::Departed(_))).then_some(Field::LeftOn)
}

/// A departure word in a column tally does not read, in a roll without a status
/// column: the column's index, the cell as written and its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StrayWord {
    pub column: usize,
    pub value: String,
    pub line: u64,
}

/// Cells longer than this are notes, not a status word.
const LONGEST_WORD: usize = 40;

/// The columns where a departure word is looked for: those tally does not read, in a
/// roll with no status column.
pub(super) fn stray_columns(m: &Mapping) -> Vec<usize> {
    match m.has(Field::Status) {
        true => Vec::new(),
        false => m.unknown.iter().map(|(i, _)| *i).collect(),
    }
}

/// The first departure word among `columns` of the row, if any; a row with a leaving
/// date has left, whatever its notes say.
pub(super) fn stray_word(columns: &[usize], m: &Mapping, row: &Row) -> Option<StrayWord> {
    if columns.is_empty() || !row.get(m.index(Field::LeftOn)).is_empty() {
        return None;
    }
    columns.iter().find_map(|&i| {
        let cell = row.cell(i)?;
        if cell.is_empty() || cell.len() > LONGEST_WORD {
            return None;
        }
        matches!(parse_status(cell), Ok(Status::Departed(_))).then(|| StrayWord {
            column: i,
            value: crate::text::clean(cell),
            line: row.line,
        })
    })
}

/// The refusal of a roll whose departure words stand in a column tally does not read.
pub(super) fn stray_refusal(file: &str, header: &str, w: &StrayWord) -> anyhow::Error {
    Failure::invalid(crate::t!(
        msg::STRAY_STATUS_WORD,
        file,
        w.line,
        header,
        &w.value
    ))
    .hint(crate::t!(msg::STRAY_STATUS_WORD_HINT, header))
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    #[test]
    fn status_and_departure_headers_as_offices_write_them() {
        for (header, want) in [
            ("Trạng thái đoàn viên", Some(Field::Status)),
            ("Tình trạng hội viên", Some(Field::Status)),
            ("Trạng thái ĐV/HV", Some(Field::Status)),
            ("Trạng thái ĐV", Some(Field::Status)),
            ("TRẠNG THÁI HV", Some(Field::Status)),
            ("Tình trạng SH", Some(Field::Status)),
            ("TT sinh hoạt", Some(Field::Status)),
            ("Tình hình sinh hoạt", Some(Field::Status)),
            ("Tình trạng sinh hoạt hiện nay", Some(Field::Status)),
            ("Ngày mất", Some(Field::LeftOn)),
            ("Ngày qua đời", Some(Field::LeftOn)),
            ("Ngày từ trần", Some(Field::LeftOn)),
            ("Ngày chuyển SH", Some(Field::LeftOn)),
            ("Ngày ra khỏi Hội", Some(Field::LeftOn)),
            ("Ngày xóa tên", Some(Field::LeftOn)),
            // Other statuses, other dates: not membership.
            ("Tình trạng hôn nhân", None),
            ("Tình trạng sức khỏe", None),
            ("Tình hình", None),
            ("TT", None),
            ("Ngày sinh", None),
            ("Ngày vào Đoàn", None),
            ("Ngày sinh hoạt", None),
        ] {
            assert_eq!(roll_field(&spelled_out(&fold(header))), want, "{header}");
        }
    }

    #[test]
    fn a_departure_word_is_found_in_a_column_not_read() {
        let m = Mapping::build(super::super::headers::Kind::Roll, &["Họ và tên".into()]);
        let row = Row::new(7, ["Lò Thị Mai", "", "Qua đời"]);
        let found = stray_word(&[1, 2], &m, &row).unwrap();
        assert_eq!(
            (found.column, found.value.as_str(), found.line),
            (2, "Qua đời", 7)
        );
        for cell in ["Đang sinh hoạt", "Con thứ hai", "x", ""] {
            assert_eq!(stray_word(&[0], &m, &Row::new(3, [cell])), None, "{cell}");
        }
    }
}
