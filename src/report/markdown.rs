//! Markdown: the same sections as the terminal report, as pipe tables.

use super::table::{notes, sections, title};
use super::Options;
use crate::metrics::Coverage;

fn escape(s: &str) -> String {
    s.replace('|', "\\|")
}

pub(super) fn md_table(head: &[String], body: &[Vec<String>], text_cols: usize) -> String {
    let mut out = format!(
        "| {} |\n|",
        head.iter()
            .map(|h| escape(h))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    for i in 0..head.len() {
        out.push_str(if i < text_cols { " --- |" } else { " ---: |" });
    }
    out.push('\n');
    for row in body {
        out.push_str(&format!(
            "| {} |\n",
            row.iter()
                .map(|c| escape(c))
                .collect::<Vec<_>>()
                .join(" | ")
        ));
    }
    out
}

pub fn render(cov: &Coverage, opts: &Options) -> String {
    let mut out = format!("# {}\n", title(cov, opts.lang));
    for s in sections(cov, opts.lang)
        .into_iter()
        .filter(|s| !s.body.is_empty())
    {
        out.push_str(&format!(
            "\n## {}\n\n{}",
            s.title,
            md_table(&s.head, &s.body, s.text_cols)
        ));
    }
    let notes = notes(cov, opts);
    if !notes.is_empty() {
        out.push_str(&format!("\n## {}\n\n", opts.lang.text("notes")));
        for n in notes {
            out.push_str(&format!("- {}\n", escape(&n)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;
    use crate::report::{labels::Lang, Format};

    /// The title, the unit to urge as a pipe table row, the blanked cells as "…", and
    /// the notes as a list ending with how many cells were blanked.
    #[test]
    fn sections_as_pipe_tables_and_notes_as_a_list() {
        let out = render(
            &fixture::coverage(),
            &fixture::options(Format::Md, Lang::En),
        );
        assert!(
            out.starts_with("# Coverage of the mass organizations — 2026-10\n"),
            "{out}"
        );
        for want in [
            "\n## Furthest below target (to urge)\n\n",
            "| Youth Union | 02647 Xã Bát Xát | 5.00% | 30.00% | -25.00 |\n",
            "| … |",
            "\n## Data notes\n\n- Women's Union: no roll as of the period's end or earlier; its numbers are missing, not zero\n",
            "- 3 cells suppressed (counts below the --min-cell threshold and the cells that would reveal them) (…)\n",
        ] {
            assert!(out.contains(want), "{want:?} in\n{out}");
        }
        assert!(
            !out.contains("Furthest above target"),
            "an empty section is left out"
        );
    }
}
