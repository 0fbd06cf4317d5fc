//! A roll's status under the many headers offices give it: "Trạng thái đoàn viên",
//! "Tình trạng SH", "TT sinh hoạt", "Ngày mất", "Ngày chuyển SH". A status column missed
//! counts every departed member as active (see also `stray_words.rs`).

use super::status::{parse_status, Status};

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

/// Which membership column a roll header is by its shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum StatusColumn {
    /// The member's status ("Trạng thái đoàn viên").
    Status,
    /// The day the member left ("Ngày mất").
    LeftOn,
}

/// The column a roll header that no spelling names is, read by its shape: a status
/// head with only qualifiers after it, or "Ngày" and a departure word (the date the
/// member left: "Ngày mất", "Ngày qua đời", "Ngày ra khỏi Hội").
pub(super) fn status_column(spelled: &str) -> Option<StatusColumn> {
    for head in STATUS_HEADS {
        let Some(rest) = spelled.strip_prefix(head) else {
            continue;
        };
        let qualified = |r: &str| r.split_whitespace().all(|w| STATUS_QUALIFIERS.contains(&w));
        if rest.is_empty() || (rest.starts_with(' ') && qualified(rest)) {
            return Some(StatusColumn::Status);
        }
    }
    let rest = spelled.strip_prefix("ngay ")?;
    matches!(parse_status(rest), Ok(Status::Departed(_))).then_some(StatusColumn::LeftOn)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    #[test]
    fn status_and_departure_headers_as_offices_write_them() {
        for (header, want) in [
            ("Trạng thái đoàn viên", Some(StatusColumn::Status)),
            ("Tình trạng hội viên", Some(StatusColumn::Status)),
            ("Trạng thái ĐV/HV", Some(StatusColumn::Status)),
            ("Trạng thái ĐV", Some(StatusColumn::Status)),
            ("TRẠNG THÁI HV", Some(StatusColumn::Status)),
            ("Tình trạng SH", Some(StatusColumn::Status)),
            ("TT sinh hoạt", Some(StatusColumn::Status)),
            ("Tình hình sinh hoạt", Some(StatusColumn::Status)),
            ("Tình trạng sinh hoạt hiện nay", Some(StatusColumn::Status)),
            ("Ngày mất", Some(StatusColumn::LeftOn)),
            ("Ngày qua đời", Some(StatusColumn::LeftOn)),
            ("Ngày từ trần", Some(StatusColumn::LeftOn)),
            ("Ngày chuyển SH", Some(StatusColumn::LeftOn)),
            ("Ngày ra khỏi Hội", Some(StatusColumn::LeftOn)),
            ("Ngày xóa tên", Some(StatusColumn::LeftOn)),
            // Other statuses, other dates: not membership.
            ("Tình trạng hôn nhân", None),
            ("Tình trạng sức khỏe", None),
            ("Tình hình", None),
            ("TT", None),
            ("Ngày sinh", None),
            ("Ngày vào Đoàn", None),
            ("Ngày sinh hoạt", None),
        ] {
            assert_eq!(status_column(&spelled_out(&fold(header))), want, "{header}");
        }
    }
}
