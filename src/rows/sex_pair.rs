//! A roll's birth dates under a `Ngày, tháng, năm sinh` heading split in two columns,
//! `Nam` and `Nữ` (the office's form: the date in one column says the sex too), or
//! marks (`x`) under a `Giới tính` heading over `Nam` | `Nữ`: each row gains a birth
//! date and a sex cell (marks: a sex cell) read from the pair, where the header has
//! its synthetic columns (`headers.rs`).

use super::row::Row;

/// The Nam/Nữ pair: the date in whichever of the two columns holds it is the birth
/// date, and that column gives the sex; both are added at the row's end, where the
/// header has its two synthetic columns.
pub(super) fn split_sex(row: &mut Row, (male, female, width): (usize, usize, usize)) {
    let m = row.cell(male).unwrap_or("").trim().to_string();
    let f = row.cell(female).unwrap_or("").trim().to_string();
    let sex = sex_of(!m.is_empty(), !f.is_empty());
    let birth = if m.is_empty() { f } else { m };
    append(row, width, &[&birth, sex]);
}

/// The marks' pair: a mark (any text) in one of the two columns gives the sex, added at
/// the row's end where the header has its synthetic column.
pub(super) fn split_marks(row: &mut Row, (male, female, width): (usize, usize, usize)) {
    let marked = |c: usize| !crate::text::trim(row.cell(c).unwrap_or("")).is_empty();
    let sex = sex_of(marked(male), marked(female));
    append(row, width, &[sex]);
}

/// The sex a pair says by which of its two columns is filled. Both filled: a
/// contradiction the row checks see as an unreadable sex.
fn sex_of(male: bool, female: bool) -> &'static str {
    match (male, female) {
        (true, false) => "Nam",
        (false, true) => "Nữ",
        (false, false) => "",
        (true, true) => "Nam và Nữ",
    }
}

/// Puts `cells` at the header's end (`width`), and after them the cells beyond the
/// header, if any hold something (where the rule on such cells finds them).
fn append(row: &mut Row, width: usize, cells: &[&str]) {
    let filled = |c: &str| !crate::text::trim(c).is_empty();
    let beyond: Vec<String> = match row.cells().skip(width).any(filled) {
        true => row.cells().skip(width).map(str::to_string).collect(),
        false => Vec::new(),
    };
    row.truncate(width);
    row.extend_to(width);
    for c in cells {
        row.push(c);
    }
    for c in &beyond {
        row.push(c);
    }
}

/// Two adjacent columns `<group> Nam` and `<group> Nữ` (a merged heading over a Nam |
/// Nữ pair, read together), `<group>` one of `groups` (folded): their indices, the
/// male column's first.
pub(super) fn pair_under(headers: &[String], groups: &[&str]) -> Option<(usize, usize)> {
    let split = |h: &str| -> Option<(String, bool)> {
        let key = crate::text::fold(h);
        let (group, sub) = key.rsplit_once(' ')?;
        let male = match sub {
            "nam" => true,
            "nu" => false,
            _ => return None,
        };
        groups.contains(&group).then(|| (group.to_string(), male))
    };
    for i in 0..headers.len().saturating_sub(1) {
        match (split(&headers[i]), split(&headers[i + 1])) {
            (Some((g1, true)), Some((g2, false))) if g1 == g2 => return Some((i, i + 1)),
            (Some((g1, false)), Some((g2, true))) if g1 == g2 => return Some((i + 1, i)),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pair_gives_a_birth_date_and_a_sex_and_keeps_what_lies_beyond() {
        let mut r = Row::new(1, ["An", "", "01/02/2000", "02680", "", "ghi chú"]);
        split_sex(&mut r, (1, 2, 4));
        let want = [
            "An",
            "",
            "01/02/2000",
            "02680",
            "01/02/2000",
            "Nữ",
            "",
            "ghi chú",
        ];
        assert_eq!(r.cells().collect::<Vec<_>>(), want);
        // Empty cells beyond the header go: nothing lies there.
        let mut r = Row::new(1, ["An", "01/02/2000", "", "02680", "", ""]);
        split_sex(&mut r, (1, 2, 4));
        let want = ["An", "01/02/2000", "", "02680", "01/02/2000", "Nam"];
        assert_eq!(r.cells().collect::<Vec<_>>(), want);
    }

    #[test]
    fn marks_under_nam_or_nu_give_the_sex() {
        let mut r = Row::new(1, ["An", "", "x", "02680"]);
        split_marks(&mut r, (1, 2, 4));
        assert_eq!(
            r.cells().collect::<Vec<_>>(),
            ["An", "", "x", "02680", "Nữ"]
        );
        let mut r = Row::new(1, ["Ba", "X", "", "02680"]);
        split_marks(&mut r, (1, 2, 4));
        assert_eq!(r.cells().last(), Some("Nam"));
        let headers = ["Họ và tên", "Giới tính Nữ", "Giới tính Nam", "Mã xã"].map(String::from);
        assert_eq!(pair_under(&headers, &["gioi tinh"]), Some((2, 1)));
        assert_eq!(pair_under(&headers, &["ngay sinh"]), None);
    }
}
