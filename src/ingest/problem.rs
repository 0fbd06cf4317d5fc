//! Rejects and warnings: where (file, line, column), the value, what was wrong, how to fix.

use std::fmt;

use crate::messages::{pick, say};

#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub file: String,
    pub line: u64,
    /// The column's header as written in the file.
    pub column: Option<String>,
    pub value: String,
    pub reason: String,
    pub hint: Option<String>,
}

impl Problem {
    pub fn new(
        file: &str,
        line: u64,
        column: Option<&str>,
        value: &str,
        reason: impl Into<String>,
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

    pub fn hint(mut self, hint: impl Into<String>) -> Problem {
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
        write!(f, ": {}", say(&self.reason))?;
        if let Some(h) = &self.hint {
            write!(f, " ({}: {})", pick("hint", "gợi ý"), say(h))?;
        }
        Ok(())
    }
}
