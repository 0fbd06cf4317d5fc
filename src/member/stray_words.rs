//! A departure word ("Qua đời") in a column tally does not read ("Ghi chú"), in a roll
//! without a status column: the roll is refused rather than every departed member be
//! counted as active.

use crate::error::Failure;
use crate::lang::ingest as msg;
use crate::rows::headers::{Field, Mapping};
use crate::rows::row::Row;
use crate::rows::status::{parse_status, Status};

/// A departure word in a column tally does not read, in a roll without a status
/// column: the column's index, the cell as written and its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StrayWord {
    pub column: usize,
    pub value: String,
    pub line: u64,
}

/// Cells longer than this are notes, not a status word.
const LONGEST_WORD: usize = 40;

/// The columns where a departure word is looked for: those tally does not read, in a
/// roll with no status column.
pub(crate) fn stray_columns(m: &Mapping) -> Vec<usize> {
    match m.has(Field::Status) {
        true => Vec::new(),
        false => m.unknown.iter().map(|(i, _)| *i).collect(),
    }
}

/// The first departure word among `columns` of the row, if any; a row with a leaving
/// date has left, whatever its notes say.
pub(crate) fn stray_word(columns: &[usize], m: &Mapping, row: &Row) -> Option<StrayWord> {
    if columns.is_empty() || !row.get(m.index(Field::LeftOn)).is_empty() {
        return None;
    }
    columns.iter().find_map(|&i| {
        let cell = row.cell(i)?;
        is_departure(cell).then(|| StrayWord {
            column: i,
            value: crate::text::clean(cell),
            line: row.line,
        })
    })
}

/// Whether a cell is a departure word (`Qua đời`), not a note that mentions one.
pub(crate) fn is_departure(cell: &str) -> bool {
    !cell.is_empty()
        && cell.len() <= LONGEST_WORD
        && matches!(parse_status(cell), Ok(Status::Departed(_)))
}

/// The refusal of a roll whose departure words stand in a column tally does not read.
pub(crate) fn stray_refusal(file: &str, header: &str, w: &StrayWord) -> anyhow::Error {
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

    #[test]
    fn a_departure_word_is_found_in_a_column_not_read() {
        let m = Mapping::build(
            crate::rows::headers::Kind::Roll,
            &["Họ và tên".into()],
            &crate::org::Orgs::default(),
        );
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
