//! The terminal's narrow layout: where even a table split in two would have to break
//! a word (a label, a name) to fit the window, a section is written as a block per
//! row: its name on one line, then its numbers as "label value" pairs wrapped by
//! whole words.

use super::section::Section;

/// The narrowest a table can be without breaking a word: each column as wide as its
/// longest word, with comfy-table's padding and borders.
pub(super) fn min_width(s: &Section) -> usize {
    let mut widths = vec![0usize; s.head.len()];
    for row in std::iter::once(&s.head).chain(&s.body) {
        for (i, cell) in row.iter().enumerate() {
            let longest = cell
                .split_whitespace()
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0);
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(longest);
            }
        }
    }
    widths.iter().sum::<usize>() + 3 * widths.len() + 1
}

/// A section as blocks: per row, its text columns joined as its name, then each
/// non-empty number with its column's label, wrapped to `width` without splitting a
/// pair.
pub(super) fn blocks(s: &Section, width: usize) -> String {
    let mut out = String::new();
    for row in &s.body {
        let name: Vec<&str> = row[..s.text_cols.min(row.len())]
            .iter()
            .map(String::as_str)
            .filter(|c| !c.is_empty())
            .collect();
        out.push_str(&name.join(" · "));
        out.push('\n');
        let pairs: Vec<String> = s
            .head
            .iter()
            .zip(row)
            .skip(s.text_cols)
            .filter(|(_, v)| !v.is_empty())
            .map(|(h, v)| format!("{h} {v}"))
            .collect();
        let mut line = String::from(" ");
        for p in pairs {
            let sep = if line.trim().is_empty() { " " } else { " · " };
            if line.chars().count() + sep.chars().count() + p.chars().count() > width
                && !line.trim().is_empty()
            {
                out.push_str(line.trim_end());
                out.push('\n');
                line = String::from("  ");
                line.push_str(&p);
            } else {
                line.push_str(sep);
                line.push_str(&p);
            }
        }
        if !line.trim().is_empty() {
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section() -> Section {
        Section {
            key: "details",
            title: "All groups".into(),
            head: vec![
                "Organization".into(),
                "Dimension".into(),
                "Members".into(),
                "Coverage".into(),
                "Target".into(),
            ],
            body: vec![vec![
                "Farmers' Association".into(),
                "Ethnic-minority areas".into(),
                "104".into(),
                "92.86%".into(),
                String::new(),
            ]],
            text_cols: 2,
        }
    }

    #[test]
    fn no_word_is_broken_and_empty_cells_are_left_out() {
        let s = section();
        // "Organization", "Ethnic-minority", "Members", "Coverage", "Target".
        assert_eq!(min_width(&s), 12 + 15 + 7 + 8 + 6 + 3 * 5 + 1);
        let b = blocks(&s, 30);
        assert_eq!(
            b,
            "Farmers' Association · Ethnic-minority areas\n  Members 104\n  Coverage 92.86%\n"
        );
        assert!(
            blocks(&s, 80).contains("  Members 104 · Coverage 92.86%\n"),
            "{}",
            blocks(&s, 80)
        );
    }
}
