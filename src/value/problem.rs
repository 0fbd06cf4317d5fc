//! Rejects and warnings: where (file, line, column), the value, what was wrong, how to fix.

use std::fmt;

use crate::lang::{cmd as msg, Lang, Text};
use crate::t;

#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub file: String,
    pub line: u64,
    /// The column's header as written in the file.
    pub column: Option<String>,
    pub value: String,
    /// What was wrong and how to fix it: said in the reader's language (an older
    /// English sentence through the catalogue), in English in files and JSON.
    pub reason: Text,
    pub hint: Option<Text>,
}

impl Problem {
    pub fn new(
        file: &str,
        line: u64,
        column: Option<&str>,
        value: &str,
        reason: impl Into<Text>,
    ) -> Problem {
        Problem {
            file: file.to_string(),
            line,
            column: column.map(str::to_string),
            value: value.to_string(),
            reason: reason.into(),
            hint: None,
        }
    }

    pub fn hint(mut self, hint: impl Into<Text>) -> Problem {
        self.hint = Some(hint.into());
        self
    }

    /// Where the problem is: `file:line`, or `file, sheet "S", row N` for a workbook's
    /// sheet, whose rows are numbered as the spreadsheet numbers them.
    pub fn place(&self, lang: Lang) -> String {
        if self.file.ends_with('"') && self.file.contains(", sheet \"") {
            // The file as written, the sheet's word in the reader's language.
            let place = crate::messages::sheet_word(&self.file, lang).into_owned();
            t!(msg::ROW_OF_SHEET, Text::Said(place), self.line).render(lang)
        } else {
            format!("{}:{}", self.file, self.line)
        }
    }

    /// The problem in `lang`: place, column, value, reason and hint.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = self.place(lang);
        if let Some(c) = &self.column {
            out.push_str(&format!(": {} \"{c}\"", msg::COLUMN_LABEL.text(lang)));
        }
        if !self.value.is_empty() {
            out.push_str(&format!(
                ": {} \"{}\"",
                msg::VALUE_LABEL.text(lang),
                shown(&self.value, lang)
            ));
        }
        out.push_str(": ");
        out.push_str(&self.reason.render(lang));
        if let Some(h) = &self.hint {
            let label = msg::HINT_LABEL.text(lang);
            out.push_str(&format!(" ({label}: {})", h.render(lang)));
        }
        out
    }
}

/// A row with cells beyond its header's columns, refused with the one rule every row
/// parser asks (`rows/beyond.rs`); `comma` says the row is a comma-separated file's.
pub fn beyond_header(
    file: &str,
    row: &crate::rows::row::Row,
    mapping: &crate::rows::headers::Mapping,
    comma: bool,
) -> Option<Problem> {
    let b = crate::rows::beyond::cells_beyond(row, mapping, comma)?;
    let column = b
        .column
        .and_then(|i| mapping.headers.get(i))
        .map(String::as_str);
    Some(Problem::new(file, row.line, column, &b.value, b.reason).hint(b.hint))
}

/// Characters of a value a message repeats: a cell is refused or warned about for what
/// its start shows, and one of megabytes would fill the screen (the rejects file keeps
/// it whole).
const SHOWN_CHARS: usize = 80;

/// The value as a message repeats it: whole, or its start and its length.
fn shown(value: &str, lang: Lang) -> std::borrow::Cow<'_, str> {
    match value.char_indices().nth(SHOWN_CHARS) {
        None => value.into(),
        Some((cut, _)) => {
            let chars = SHOWN_CHARS + value[cut..].chars().count();
            t!(msg::VALUE_CUT, &value[..cut], Text::Count(chars as u64))
                .render(lang)
                .into()
        }
    }
}

/// In English, as error chains and logs print it; [`Problem::render`] says it in the
/// reader's language.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_is_said_in_the_language_asked_and_displayed_in_english() {
        let sheet = Problem::new("ds.xlsx, sheet \"S\"", 5, Some("Dân tộc"), "Kinh?", "odd")
            .hint("check it");
        let file = Problem::new("ds.csv", 7, None, "", "odd");
        let cases = [
            (&sheet, Lang::En, "ds.xlsx, sheet \"S\", row 5: column \"Dân tộc\": value \"Kinh?\": odd (hint: check it)"),
            (&sheet, Lang::Vi, "ds.xlsx, trang tính \"S\", dòng 5: cột \"Dân tộc\": giá trị \"Kinh?\": odd (gợi ý: check it)"),
            (&file, Lang::En, "ds.csv:7: odd"),
            (&file, Lang::Vi, "ds.csv:7: odd"),
        ];
        for (p, lang, want) in cases {
            assert_eq!(p.render(lang), want);
        }
        assert_eq!(sheet.to_string(), sheet.render(Lang::En));
    }

    #[test]
    fn a_long_value_is_said_by_its_start_and_its_length() {
        let long = format!("{}{}", "ạ".repeat(80), "b".repeat(300_000));
        let p = Problem::new("ds.csv", 7, Some("Dân tộc"), &long, "odd");
        let start = "ạ".repeat(80);
        assert_eq!(
            p.render(Lang::Vi),
            format!("ds.csv:7: cột \"Dân tộc\": giá trị \"{start}… (300.080 ký tự)\": odd")
        );
        assert!(p.render(Lang::En).contains("… (300,080 characters)\": odd"));
        // Up to the limit, a value is said whole.
        let eighty = "x".repeat(80);
        let p = Problem::new("ds.csv", 7, None, &eighty, "odd");
        assert_eq!(
            p.render(Lang::En),
            format!("ds.csv:7: value \"{eighty}\": odd")
        );
        // The rejects file and JSON keep it whole.
        assert_eq!(Problem::new("f", 1, None, &long, "odd").value, long);
    }
}
