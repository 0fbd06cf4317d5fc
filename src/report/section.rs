//! A titled table of a human-readable report, as the terminal, Markdown, workbook and
//! page renderers lay it out (and the narrow layout breaks it into blocks).

/// One titled table of a human-readable report.
#[derive(Clone)]
pub struct Section {
    /// `summary`, `lagging`, `leading` or `details`.
    pub key: &'static str,
    pub title: String,
    pub head: Vec<String>,
    pub body: Vec<Vec<String>>,
    /// Columns before this one are text (left-aligned); the rest are numbers.
    pub text_cols: usize,
}
