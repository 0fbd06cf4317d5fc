//! Markdown: the same sections as the terminal report, as pipe tables.

use super::table::{notes, sections, title};
use super::Options;
use crate::metrics::Coverage;

fn escape(s: &str) -> String {
    s.replace('|', "\\|")
}

fn md_table(head: &[String], body: &[Vec<String>], text_cols: usize) -> String {
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

