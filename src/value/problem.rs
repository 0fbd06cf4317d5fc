//! Rejects and warnings: where (file, line, column), the value, what was wrong, how to fix.

use std::fmt;

use crate::lang::Text;
use crate::messages::{lang, pick};

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
}

impl Problem {
    /// Where the problem is: `file:line`, or `file, sheet "S", row N` for a workbook's
    /// sheet, whose rows are numbered as the spreadsheet numbers them.
    pub fn place(&self) -> String {
        if self.file.ends_with('"') && self.file.contains(", sheet \"") {
            format!("{}, {} {}", self.file, pick("row", "dòng"), self.line)
        } else {
            format!("{}:{}", self.file, self.line)
        }
    }
}

/// Said in the chosen language (reason, hint and labels); the fields stay English.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.place())?;
        if let Some(c) = &self.column {
            write!(f, ": {} \"{c}\"", pick("column", "cột"))?;
        }
        if !self.value.is_empty() {
            write!(f, ": {} \"{}\"", pick("value", "giá trị"), self.value)?;
        }
        write!(f, ": {}", self.reason.render(lang()))?;
        if let Some(h) = &self.hint {
            write!(f, " ({}: {})", pick("hint", "gợi ý"), h.render(lang()))?;
        }
        Ok(())
    }
}
