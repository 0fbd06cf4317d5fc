//! The clutter of real exports, around and between the members: the header repeated at
//! each printed page, subtotal and totals rows ("Cộng trang 2: 100 người", "Tổng số hội
//! viên: 300"), and the signature block under the table (a place-and-date line, the
//! signers' roles, "(Ký, ghi rõ họ tên)", their names). Each is recognized by its form
//! and skipped, and the ingest names the lines. A row that carries a person's data (a
//! code, an ID, a date in a data column) is never clutter.

use super::row::Row;
use crate::text::fold;

/// What a skipped row was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Clutter {
    Totals,
    Header,
    Signature,
}

/// Follows the rows of one table: the signature block starts with its first line and
/// runs to the end.
#[derive(Debug, Default)]
pub(super) struct Sieve {
    in_signature: bool,
    /// A reference table of counts, whose groups' subtotal rows are skipped.
    counts: bool,
}

impl Sieve {
    pub(super) fn for_kind(kind: super::headers::Kind) -> Sieve {
        Sieve {
            counts: kind != super::headers::Kind::Roll,
            ..Sieve::default()
        }
    }

    /// What the row is, if clutter. `header` is the table's header, its rows as
    /// written (two for a merged heading over sub-headings), cleaned and folded.
    pub(super) fn judge(&mut self, row: &Row, header: &[Vec<String>]) -> Option<Clutter> {
        // Every row passes here: the common case (a member) must cost no allocation.
        let mut filled = row.cells().map(crate::text::trim).filter(|c| !c.is_empty());
        let first = filled.next()?;
        let (second, third) = (filled.next(), filled.next());
        let more = third.is_some();
        if header.iter().any(|h| is_header_again(row, h)) {
            return Some(Clutter::Header);
        }
        if might_be_totals(first) && is_totals(first) {
            return Some(Clutter::Totals);
        }
        // A subtotal under its unit's cells or its number, filled down a group's rows
        // (`03037 | Cộng`, `02680 | Xã Hợp Thành | Cộng: 4 hội viên`; found by review:
        // counted as a member named `Cộng`). A second or third cell is a member's
        // name or an enterprise's (`Công ty Vận tải 3`, `Tổng công ty 36` fold as
        // totals do): only a totals word alone or before a colon, as written with its
        // marks, counts there.
        if [second, third]
            .into_iter()
            .flatten()
            .any(subtotal_after_unit)
        {
            return Some(Clutter::Totals);
        }
        if self.counts && second.is_some_and(|s| is_group_row(first, s)) {
            return Some(Clutter::Totals);
        }
        // A signature block has one or two cells a line (the two signers side by side).
        if !more {
            let filled: Vec<&str> = std::iter::once(first).chain(second).collect();
            if filled.iter().any(|c| is_signature_line(c)) {
                self.in_signature = true;
                return Some(Clutter::Signature);
            }
            if self.in_signature && filled.iter().all(|c| !carries_data(c)) {
                return Some(Clutter::Signature);
            }
        }
        None
    }
}

/// The header row again (a new printed page): most of its non-empty cells equal the
/// header's, in place.
fn is_header_again(row: &Row, header: &[String]) -> bool {
    // Cheap first: the first named column must hold its name (a member's row does
    // not), compared without folding where the lengths alone rule it out.
    let Some((i0, h0)) = header.iter().enumerate().find(|(_, h)| !h.is_empty()) else {
        return false;
    };
    let c0 = crate::text::trim(row.cell(i0).unwrap_or(""));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if digits(c0) != digits(h0)
        || c0.len() + 8 < h0.len()
        || c0.len() > 4 * h0.len() + 8
        || !crate::text::fold_eq(c0, h0)
    {
        return false;
    }
    let mut same = 0;
    let mut named = 0;
    for (i, h) in header.iter().enumerate() {
        if h.is_empty() {
            continue;
        }
        named += 1;
        if fold(row.cell(i).unwrap_or("")) == *h {
            same += 1;
        }
    }
    named >= 2 && same * 2 > named
}

/// Whether a first cell can start a totals row at all (`C`ộng, `T`ổng, `T`otal,
/// `S`ubtotal, `G`rand total), before folding it.
fn might_be_totals(first: &str) -> bool {
    matches!(
        first.chars().next(),
        Some('C' | 'c' | 'T' | 't' | 'S' | 's' | 'G' | 'g')
    )
}

/// Whether a cell starts with a totals word as written, its marks and all (`Cộng`,
/// `Tổng cộng`, `Tổng số`; not `Công ty`, `Tống`).
/// A subtotal's own cell after its unit's: `Cộng`, `Tổng cộng`, `Tổng số`, `Tổng` alone,
/// or before a colon (`Cộng: 4 hội viên`), as written with their marks.
fn subtotal_after_unit(cell: &str) -> bool {
    if !might_be_totals(cell) || !written_totals(cell) {
        return false;
    }
    let head = cell.split(':').next().unwrap_or(cell);
    let alone = matches!(
        fold(cell).as_str(),
        "cong" | "tong cong" | "tong so" | "tong"
    );
    alone
        || (cell.contains(':')
            && matches!(
                fold(head).as_str(),
                "cong" | "tong cong" | "tong so" | "tong"
            ))
}

fn written_totals(cell: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    // Every row's second cell may come here (`Thào Văn Đức`): compared a character at
    // a time, nothing allocated, most names parting at the second.
    let starts = |word: &str| {
        let mut chars = cell.trim_start().nfc().flat_map(char::to_lowercase);
        word.chars().all(|w| chars.next() == Some(w))
    };
    ["cộng", "tổng"].iter().any(|w| starts(w))
}

/// `Tổng cộng`, `Cộng`, `Cộng trang 2: 100 người`, `Tổng số hội viên: 300`, `Total`;
/// `Tổng số hội viên:` or `Tổng số đoàn viên` with the count in the next cell.
fn is_totals(first: &str) -> bool {
    if first.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    // Folding drops the punctuation: a colon is looked for in the cell as written.
    let k = fold(first);
    let k = k.as_str();
    // The total of whom: members of any organization, or people.
    const COUNTED: [&str; 6] = [
        "doan vien",
        "hoi vien",
        "thanh vien",
        "cong doan vien",
        "nguoi",
        "dang vien",
    ];
    if let Some(whom) = k.strip_prefix("tong so ") {
        if COUNTED
            .iter()
            .any(|w| whom == *w || whom.starts_with(&format!("{w} ")))
        {
            return true;
        }
    }
    // A unit's subtotal: `Cộng huyện Bát Xát`, `Cộng toàn tỉnh`, `Cộng thị trấn Bát
    // Xát`, `Cộng chi đoàn …`, `Tổng cộng toàn huyện`; a group's: `Cộng I`, `Cộng khu
    // vực II`.
    const UNITS: [&str; 17] = [
        "huyen",
        "quan",
        "thi xa",
        "thi tran",
        "tt",
        "thanh pho",
        "tp",
        "tinh",
        "toan",
        "xa",
        "phuong",
        "dac khu",
        "khu vuc",
        "cum",
        "chi doan",
        "chi hoi",
        "thon",
    ];
    let roman = |s: &str| !s.is_empty() && s.chars().all(|c| "ivxlc".contains(c));
    if let Some(unit) = k.strip_prefix("cong ") {
        let group = unit.strip_prefix("khu vuc ").unwrap_or(unit);
        let of_unit = |u: &&str| unit == *u || unit.starts_with(&format!("{u} "));
        if UNITS.iter().any(of_unit) || roman(group) {
            return true;
        }
    }
    // `Tổng cộng toàn huyện`, never a name: `Tống Công Toàn`, `Tống Công Quân` fold to
    // `tong cong …` too.
    if let Some(unit) = k.strip_prefix("tong cong toan ") {
        if UNITS
            .iter()
            .any(|u| unit == *u || unit.starts_with(&format!("{u} ")))
        {
            return true;
        }
    }
    matches!(
        k,
        "tong cong" | "cong" | "tong" | "tong so" | "total" | "totals" | "grand total" | "subtotal"
    ) || [
        "cong trang",
        "tong so ",
        "tong cong ",
        "cong ",
        "total ",
        "subtotal ",
    ]
    .iter()
    .any(|p| k.starts_with(p) && (first.contains(':') || k.chars().any(|c| c.is_ascii_digit())))
}

/// A group's subtotal row in a table of counts: a Roman numeral, then a name that is no
/// commune-level unit's (`I | MƯỜNG KHƯƠNG | 791 …`, `II | HUYỆN BÁT XÁT (cũ) | …`: the
/// district before the reform over its communes' rows). Read as a unit, the name of
/// the old district could be taken for the commune of that name, its subtotal counted
/// twice.
fn is_group_row(first: &str, second: &str) -> bool {
    let number = first.trim_end_matches(['.', ')']);
    let roman = !number.is_empty() && number.chars().all(|c| "IVXL".contains(c));
    let key = fold(second);
    let starts = |types: &[&str]| types.iter().any(|t| key.starts_with(t));
    let typed = starts(&[
        "xa ",
        "phuong ",
        "thi tran ",
        "dac khu ",
        "x. ",
        "p. ",
        "tt ",
    ]);
    // A group's name is in capitals (`MƯỜNG KHƯƠNG`) or a district's (`Huyện Bát Xát
    // (cũ)`); a commune numbered `II` is written as a name (`Bát Xát`).
    let district = starts(&["huyen ", "quan ", "thi xa ", "thanh pho "]);
    let capitals = !second.chars().any(char::is_lowercase);
    roman && !typed && (capitals || district) && !second.chars().any(|c| c.is_ascii_digit())
}

/// A line of a signature block: `…, ngày 30 tháng 11 năm 2026`, a signer's role in
/// capitals (`NGƯỜI LẬP BIỂU`, `T/M BAN THƯỜNG VỤ`), `(Ký, ghi rõ họ tên)`.
fn is_signature_line(cell: &str) -> bool {
    let key = fold(cell);
    let place_date = key.contains("ngay")
        && key.contains("thang")
        && key.contains("nam")
        && key.chars().any(|c| c.is_ascii_digit());
    let sign_here = key.starts_with('(')
        && (key.contains("ky") || key.contains("dong dau") || key.contains("ho ten"));
    const ROLES: [&str; 14] = [
        "nguoi lap bieu",
        "nguoi lap",
        "nguoi ky",
        "thu truong don vi",
        "thu truong",
        "t/m ",
        "tm ",
        "kt ",
        "kt. ",
        "xac nhan",
        "chu tich",
        "bi thu",
        "truong ban",
        "ke toan",
    ];
    let upper = cell
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    let role = upper && ROLES.iter().any(|r| key.starts_with(r) || key == r.trim());
    // A role no name can be, in any case (`Người lập biểu` typed as a sentence).
    const PLAIN_ROLES: [&str; 4] = [
        "nguoi lap bieu",
        "nguoi lap",
        "nguoi ky",
        "thu truong don vi",
    ];
    let plain_role = PLAIN_ROLES.contains(&key.as_str());
    place_date || sign_here || role || plain_role
}

/// A cell that holds data a person's row has: digits (a code, an ID, a date).
fn carries_data(cell: &str) -> bool {
    cell.chars().filter(char::is_ascii_digit).count() >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[&str]) -> Row {
        Row::new(1, cells.iter().copied())
    }

    fn header() -> Vec<Vec<String>> {
        vec![["stt", "ho va ten", "so cccd", "ma xa"]
            .iter()
            .map(|s| s.to_string())
            .collect()]
    }

    #[test]
    fn totals_in_their_common_forms() {
        let mut s = Sieve::default();
        for t in [
            "Tổng cộng",
            "Cộng",
            "Cộng trang 2: 100 người",
            "Tổng số hội viên: 300",
            "TỔNG CỘNG:",
            // The count in the next cell, with a colon or without.
            "Tổng số đoàn viên:",
            "Tổng số hội viên",
            "TỔNG SỐ ĐOÀN VIÊN NỮ",
            "Tổng số người:",
            "Tổng số nữ:",
            "Cộng huyện Bát Xát",
            "Cộng toàn tỉnh",
            // Found by review: refused as rows without a name, or stored as members.
            "Cộng thị trấn bát xát",
            "Cộng TT Bát Xát",
            "Cộng I",
            "Cộng khu vực II",
            "Cộng chi đoàn thôn Lao Chải",
            "Tổng cộng toàn huyện",
            "Tổng cộng toàn xã",
            "Cộng đặc khu",
        ] {
            assert_eq!(
                s.judge(&row(&["", t, "", ""]), &header()),
                Some(Clutter::Totals),
                "{t}"
            );
        }
        // After its unit's code or name, or its number (found by review: stored as a
        // member named `Cộng`).
        for first in ["03037", "Xã Tả Van", "4"] {
            for t in ["Cộng", "Cộng: 4 hội viên", "Tổng cộng"] {
                let r = row(&["", first, t, "", ""]);
                assert_eq!(s.judge(&r, &header()), Some(Clutter::Totals), "{first} {t}");
            }
        }
        // A person whose name starts with the word, first or after the number.
        assert_eq!(
            s.judge(&row(&["1", "Cộng Văn An", "001", "02647"]), &header()),
            None
        );
        assert_eq!(
            s.judge(&row(&["Cộng Thị Hoa", "Tổng Văn Sơn", "02647"]), &header()),
            None
        );
        // An enterprise's name after its tax code (`Công` folds as `Cộng` does; found
        // by review, `Tổng công ty 36` was taken for a total).
        for name in [
            "Công ty TNHH Vận tải 3",
            "Tổng công ty 36 - Chi nhánh Lào Cai",
        ] {
            let firm = row(&["5310000074", name, "04681"]);
            assert_eq!(s.judge(&firm, &header()), None, "{name}");
        }
        // Under both the unit's code and its name (found by review).
        let r = row(&["", "02680", "Xã Hợp Thành", "Cộng: 2 đoàn viên", ""]);
        assert_eq!(s.judge(&r, &header()), Some(Clutter::Totals));
        assert_eq!(
            s.judge(&row(&["", "Tống Sơn Hội", "001", "02647"]), &header()),
            None
        );
    }

    #[test]
    fn a_groups_subtotal_in_a_table_of_counts() {
        use crate::rows::headers::Kind;
        let h = header();
        let group = row(&["I", "MƯỜNG KHƯƠNG", "791", "415"]);
        let district = row(&["II.", "HUYỆN BÁT XÁT (cũ)", "521", "458"]);
        let commune = row(&["1", "Xã Cao Sơn", "338", "130"]);
        let numbered = row(&["III", "Xã Pha Long", "353", "271"]);
        // Found by review: a commune numbered with a Roman numeral, named without its
        // type, is a commune.
        let untyped = row(&["II", "Bát Xát", "500", "250"]);
        let mut counts = Sieve::for_kind(Kind::Eligible);
        assert_eq!(
            counts.judge(&untyped, &h),
            None,
            "a commune named without type"
        );
        assert_eq!(counts.judge(&group, &h), Some(Clutter::Totals));
        assert_eq!(counts.judge(&district, &h), Some(Clutter::Totals));
        assert_eq!(counts.judge(&commune, &h), None);
        assert_eq!(
            counts.judge(&numbered, &h),
            None,
            "a commune numbered I, II"
        );
        // A roll's rows are judged as before.
        assert_eq!(Sieve::for_kind(Kind::Roll).judge(&group, &h), None);
    }

    /// Found by review: names that fold like a totals row (`Tống Công Toàn` is
    /// `tong cong toan`) are members.
    #[test]
    fn names_like_totals_are_members() {
        let mut s = Sieve::default();
        for name in [
            "Tống Công Toàn",
            "Tống Công Quân",
            "Tống Công Tịnh",
            "Tống Công Xá",
        ] {
            assert_eq!(
                s.judge(&row(&[name, "01/01/1990"]), &header()),
                None,
                "{name}"
            );
        }
    }

    #[test]
    fn the_header_again_on_a_new_page() {
        let mut s = Sieve::default();
        let again = row(&["STT", "Họ và tên", "Số CCCD", "Mã xã"]);
        assert_eq!(s.judge(&again, &header()), Some(Clutter::Header));
    }

    #[test]
    fn a_signature_block_to_the_end() {
        let mut s = Sieve::default();
        let h = header();
        assert_eq!(
            s.judge(&row(&["1", "Nguyễn Văn An", "001200000001", "02647"]), &h),
            None
        );
        assert_eq!(
            s.judge(&row(&["", "", "Lào Cai, ngày 30 tháng 11 năm 2026"]), &h),
            Some(Clutter::Signature)
        );
        assert_eq!(
            s.judge(&row(&["", "NGƯỜI LẬP BIỂU", "", "T/M BAN THƯỜNG VỤ"]), &h),
            Some(Clutter::Signature)
        );
        assert_eq!(
            s.judge(&row(&["", "(Ký, ghi rõ họ tên)"]), &h),
            Some(Clutter::Signature)
        );
        assert_eq!(
            s.judge(&row(&["", "Nguyễn Thị Lan", "", "Hoàng Văn Tuấn"]), &h),
            Some(Clutter::Signature)
        );
        // A member row after it is still data (it carries an ID and a code).
        assert_eq!(
            s.judge(&row(&["9", "Lò Văn B", "001200000009", "02647"]), &h),
            None
        );
        // `Người lập biểu` typed as a sentence, alone, starts the block as well (found
        // by review: it and the signer's name below were stored as two members).
        let mut s = Sieve::default();
        assert_eq!(
            s.judge(&row(&["", "Người lập biểu"]), &h),
            Some(Clutter::Signature)
        );
        assert_eq!(
            s.judge(&row(&["", "Vàng Thị Mai"]), &h),
            Some(Clutter::Signature)
        );
    }

    #[test]
    fn a_lone_name_before_any_signature_line_is_data() {
        let mut s = Sieve::default();
        assert_eq!(s.judge(&row(&["", "Nguyễn Thị Lan"]), &header()), None);
    }
}
