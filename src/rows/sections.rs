//! A roll grouped by unit under section headings (`I. XÃ BÁT XÁT` merged across the
//! table, its members below, then `II. XÃ Y TÝ`): a heading is no member. Where the
//! roll has no unit column, each row's unit is the heading above it, read as a column
//! of its own; where it has one, the headings are passed over.

use super::headers::{Field, Mapping};
use super::row::Row;
use crate::text::{fold, trim};

/// The heading of the column that carries each row's section, for messages.
const SECTION_COLUMN: &str = "Tiêu đề mục";

/// The section headings a table has met, and the column they fill.
#[derive(Debug, Default)]
pub(crate) struct Sections {
    /// The column each row's section is written to; `None` where the roll has a unit
    /// column of its own (the headings are then passed over).
    column: Option<usize>,
    /// The last heading's unit, as written.
    current: String,
    /// The headings met: their lines and units, as written.
    pub(crate) met: Vec<(u64, String)>,
    /// Whether headings are taken at all: in a roll whose rows say their unit (a
    /// column, or the headings). A roll without either refuses a heading as a row, as
    /// before: passed over, its members would go to the unit of the title or --area.
    on: bool,
    /// Whether the table is a roll, whose branches' headings are passed over.
    roll: bool,
    /// The roll's unit columns (a unit merged down beside a branch's heading).
    unit_columns: Vec<usize>,
    /// The lines of the branches' headings passed over ([`branch_heading`]).
    pub(crate) branches: Vec<u64>,
    /// The lines of the districts' headings passed over, above the communes' ones.
    pub(crate) districts: Vec<u64>,
}

impl Sections {
    /// For a roll without a unit column whose first row under the header (blank rows,
    /// a second header row and a numbering row aside) is a section heading: a column
    /// for the sections' units, added to the mapping.
    pub(super) fn for_table(
        mapping: &mut Mapping,
        pending: &[Row],
        header_keys: &[Vec<String>],
    ) -> Sections {
        let header = header_keys.first().map_or(&[][..], Vec::as_slice);
        let mut out = Sections::default();
        if mapping.kind != super::headers::Kind::Roll {
            return out;
        }
        out.roll = true;
        out.unit_columns = (mapping.columns.iter().enumerate())
            .filter(|(_, f)| matches!(f, Some(Field::AreaCode | Field::AreaName)))
            .map(|(i, _)| i)
            .collect();
        if mapping.has_unit() {
            out.on = true;
            return out;
        }
        let lettered = |r: &&Row| r.cells().any(|c| c.chars().any(char::is_alphabetic));
        let first = (pending.iter())
            .filter(|r| !r.is_blank() && super::sub_headings::sub_header(r, header).is_none())
            .filter(|r| !super::numbering::is_numbering(r, header_keys))
            .filter(|r| !district_heading(r))
            .find(lettered);
        if first.is_some_and(|r| heading(r).is_some()) {
            out.on = true;
            out.column = Some(mapping.headers.len());
            mapping.headers.push(SECTION_COLUMN.to_string());
            mapping.columns.push(Some(Field::AreaName));
        }
        out
    }

    /// Whether the row is a section heading (kept as the current one), or a branch's
    /// heading (passed over).
    pub(super) fn take(&mut self, row: &Row) -> bool {
        if self.roll && branch_heading(row, &self.unit_columns) {
            self.branches.push(row.line);
            return true;
        }
        if !self.on {
            return false;
        }
        let Some(value) = one_value(row) else {
            return false;
        };
        if headed(value, DISTRICT_TYPES).is_some() {
            self.districts.push(row.line);
            return true;
        }
        match headed(value, UNIT_TYPES) {
            Some(unit) => {
                self.met.push((row.line, unit.clone()));
                self.current = unit;
                true
            }
            None => false,
        }
    }

    /// Writes the current section's unit into the row's section column, if the table
    /// reads units from its sections.
    pub(super) fn fill(&self, row: &mut Row) {
        let Some(col) = self.column else { return };
        let beyond: Vec<String> = row.cells().skip(col).map(str::to_string).collect();
        row.truncate(col);
        row.extend_to(col);
        row.push(&self.current);
        for c in &beyond {
            row.push(c);
        }
    }

    /// Whether rows take their unit from the headings.
    pub(crate) fn give_units(&self) -> bool {
        self.column.is_some()
    }
}

/// A section heading's unit: one value across the row (a merged cell, or one cell), a
/// unit with its type (`Xã`, `Phường`, `Thị trấn`, `Đặc khu`) after a numbering (`I.`,
/// `2)`, `A -`) or in capitals. `None` for any other row.
fn heading(row: &Row) -> Option<String> {
    headed(one_value(row)?, UNIT_TYPES)
}

/// The types of a commune-level unit, folded, each with a space after.
const UNIT_TYPES: &[&str] = &["xa ", "phuong ", "thi tran ", "dac khu "];

/// The types of a district of before the 2025 reform: its heading above its communes'
/// headings (`A. HUYỆN BÁT XÁT`, `B. THÀNH PHỐ LÀO CAI`) is passed over, the communes'
/// below say each row's unit.
const DISTRICT_TYPES: &[&str] = &["huyen ", "quan ", "thi xa ", "thanh pho "];

fn district_heading(row: &Row) -> bool {
    one_value(row).is_some_and(|v| headed(v, DISTRICT_TYPES).is_some())
}

/// The one value across the row (a merged cell, or one cell), if it has only one.
fn one_value(row: &Row) -> Option<&str> {
    let mut filled = row.cells().map(trim).filter(|c| !c.is_empty());
    let first = filled.next()?;
    (!filled.any(|c| c != first)).then_some(first)
}

/// A value after a numbering or in capitals that starts with one of the `types`.
fn headed(first: &str, types: &[&str]) -> Option<String> {
    let unit = match numbered(first) {
        Some(rest) => rest,
        None if !first.chars().any(char::is_lowercase) => first,
        None => return None,
    };
    let key = fold(unit);
    types
        .iter()
        .any(|t| key.starts_with(t))
        .then(|| unit.to_string())
}

/// A branch's heading within a unit (`Chi hội thôn Phìn Hồ` typed in the name column,
/// `1. Chi đoàn bản Mế`, `THÔN LÙNG VAI`), no member: one text that names a branch,
/// across the row or in one cell, and besides it only the unit's columns (a commune
/// merged down beside it) and a numbering. `Bản` is left out: `Bàn` is a Dao surname.
fn branch_heading(row: &Row, unit_columns: &[usize]) -> bool {
    // Every row passes here: a member's (a name, a date, an ID…) is told apart by its
    // count of filled cells alone, before any text is folded.
    let mut filled = (row.cells().enumerate())
        .map(|(i, c)| (i, trim(c)))
        .filter(|(i, c)| !c.is_empty() && !unit_columns.contains(i))
        .map(|(_, c)| c);
    let (Some(first), second) = (filled.next(), filled.next()) else {
        return false;
    };
    if filled.any(|c| c != first && Some(c) != second) {
        return false;
    }
    let mut text: Option<&str> = None;
    let mut numbering = false;
    for (i, cell) in row.cells().enumerate() {
        let cell = trim(cell);
        if cell.is_empty() || unit_columns.contains(&i) || text == Some(cell) {
            continue;
        }
        if text.is_none() && names_branch(cell) {
            text = Some(cell);
        } else if !numbering && is_numbering(cell) {
            numbering = true;
        } else {
            return false;
        }
    }
    text.is_some()
}

/// Whether a cell names a branch: after a numbering, `Chi hội`, `Chi đoàn`, `Chi bộ`,
/// `Tổ hội`, `Phân hội`, `Thôn`, `Xóm`, `Ấp`, `Tổ dân phố`, `Khu phố` and a name, with
/// their diacritics (any case): `Tô Hội Nam` and `Phan Hội An` are persons.
fn names_branch(cell: &str) -> bool {
    const WORDS: [&str; 10] = [
        "chi hội ",
        "chi đoàn ",
        "chi bộ ",
        "tổ hội ",
        "phân hội ",
        "thôn ",
        "xóm ",
        "ấp ",
        "tổ dân phố ",
        "khu phố ",
    ];
    let text = numbered(cell).unwrap_or(cell);
    let key: String = crate::text::clean(text).to_lowercase();
    WORDS.iter().any(|w| key.starts_with(w))
}

/// A numbering cell: a Roman numeral, up to three digits, or one letter, with an
/// optional `.` or `)`.
fn is_numbering(cell: &str) -> bool {
    let n = cell.trim_end_matches(['.', ')']);
    let roman = n.chars().all(|c| "IVXLCivxlc".contains(c));
    let digits = n.len() <= 3 && n.chars().all(|c| c.is_ascii_digit());
    !n.is_empty() && (roman || digits || n.chars().count() == 1)
}

/// The text after a numbering: a Roman numeral, a number or one letter, then `.`, `)`,
/// `-` or `:`.
fn numbered(s: &str) -> Option<&str> {
    let end = s.find(|c: char| !c.is_ascii_alphanumeric())?;
    let (num, tail) = s.split_at(end);
    let roman = num.chars().all(|c| "IVXLCivxlc".contains(c));
    let digits = num.chars().all(|c| c.is_ascii_digit());
    let letter = num.chars().count() == 1;
    if num.is_empty() || !(roman || digits || letter) {
        return None;
    }
    let tail = tail
        .trim_start()
        .strip_prefix(['.', ')', '-', ':'])?
        .trim_start();
    (!tail.is_empty()).then_some(tail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_of_a_roll_grouped_by_unit() {
        let unit = |cells: &[&str]| heading(&Row::new(9, cells));
        let bat_xat = Some("XÃ BÁT XÁT".to_string());
        assert_eq!(unit(&["I. XÃ BÁT XÁT"]), bat_xat);
        assert_eq!(unit(&["I. XÃ BÁT XÁT", "I. XÃ BÁT XÁT", ""]), bat_xat);
        assert_eq!(unit(&["", "XÃ BÁT XÁT"]), bat_xat);
        assert_eq!(
            unit(&["2) Phường Lào Cai"]).as_deref(),
            Some("Phường Lào Cai")
        );
        assert_eq!(
            unit(&["A - Thị trấn Phố Ràng"]).as_deref(),
            Some("Thị trấn Phố Ràng")
        );
        // Not headings: a member, a unit not typed, a branch, a name in lower case.
        assert_eq!(unit(&["1", "Lò Văn An", "02680"]), None);
        assert_eq!(unit(&["I. CHI HỘI THÔN A"]), None);
        assert_eq!(unit(&["Xã Bát Xát"]), None);
        assert_eq!(unit(&["II. BÁT XÁT"]), None);
    }

    /// A branch's heading, its other cells blank or spaces (a sheet's typed blanks),
    /// beside a commune merged down (column 0); a member's row is none, even sparse.
    #[test]
    fn branch_headings_and_the_rows_that_are_not() {
        let branch = |cells: &[&str]| branch_heading(&Row::new(9, cells), &[0]);
        assert!(branch(&["Xã Y Tý", "Chi hội thôn Lao Chải", " ", ""]));
        assert!(branch(&["Xã Y Tý", "2. Chi đoàn thôn Phìn Hồ", "  "]));
        assert!(branch(&["", "1", "Tổ dân phố 3"]));
        assert!(branch(&["Xã Y Tý", "1", "Chi hội thôn Lao Chải", " "]));
        assert!(!branch(&["Xã Y Tý", "Lò Thị A", "1980"]));
        assert!(!branch(&["Xã Y Tý", "Tô Hội Nam", " "]));
        assert!(!branch(&[
            "Xã Y Tý",
            "Chi hội thôn Lao Chải",
            "1980",
            "Hà Nhì"
        ]));
    }
}
