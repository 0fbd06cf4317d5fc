//! A roll's birth dates under a `Ngày, tháng, năm sinh` heading split in two columns,
//! `Nam` and `Nữ` (the office's form: the date in one column says the sex too): each
//! row gains a birth date and a sex cell read from the pair, where the header has its
//! two synthetic columns (`headers.rs`).

use super::row::Row;

/// The Nam/Nữ pair: the date in whichever of the two columns holds it is the birth
/// date, and that column gives the sex; both are added at the row's end, where the
/// header has its two synthetic columns; cells beyond the header, if any hold
/// something, after them (where the rule on such cells finds them).
pub(super) fn split_sex(row: &mut Row, (male, female, width): (usize, usize, usize)) {
    let m = row.cell(male).unwrap_or("").trim().to_string();
    let f = row.cell(female).unwrap_or("").trim().to_string();
    let (birth, sex) = match (m.is_empty(), f.is_empty()) {
        (false, true) => (m, "Nam"),
        (true, false) => (f, "Nữ"),
        (true, true) => (String::new(), ""),
        // Both filled: a contradiction the row checks see as an unreadable sex.
        (false, false) => (m, "Nam và Nữ"),
    };
    let filled = |c: &str| !crate::text::trim(c).is_empty();
    let beyond: Vec<String> = match row.cells().skip(width).any(filled) {
        true => row.cells().skip(width).map(str::to_string).collect(),
        false => Vec::new(),
    };
    row.truncate(width);
    row.extend_to(width);
    row.push(&birth);
    row.push(sex);
    for c in &beyond {
        row.push(c);
    }
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
}
