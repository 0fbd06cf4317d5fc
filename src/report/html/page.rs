//! What every HTML page shares: the document around a body (its language, the policy
//! that forbids fetching anything, the style that prints on A4), a table, the notes.

use super::super::chart::esc;
use super::super::labels::Lang;
use super::super::table::Section;

const STYLE: &str = r#"
:root { --ink: #1d2733; --hue: 210; }
* { box-sizing: border-box; }
body { font: 14px/1.45 "Noto Sans", "Segoe UI", Arial, sans-serif; color: var(--ink); margin: 24px auto; max-width: 1000px; padding: 0 16px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid #ccd; padding-bottom: 4px; }
p.sub { margin: 0 0 16px; color: #556; }
figure { margin: 8px 0 16px; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: 600; margin-bottom: 4px; }
svg.chart { max-width: 100%; height: auto; }
svg .label, svg .value, svg .missing { font-size: 13px; fill: var(--ink); }
svg .missing { font-style: italic; fill: #667; }
svg .band.b0 { fill: hsl(var(--hue), 30%, 92%); }
svg .band.b1 { fill: hsl(var(--hue), 30%, 84%); }
svg .band.b2 { fill: hsl(var(--hue), 30%, 76%); }
svg .bar { fill: hsl(var(--hue), 60%, 28%); }
svg .bar.below { fill: hsl(8, 60%, 40%); }
svg .bar.above { fill: hsl(140, 45%, 30%); }
svg .target { fill: #000; }
svg .earlier { fill: #555; }
table { border-collapse: collapse; margin: 4px 0 12px; font-size: 13px; break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #ccd; padding: 3px 6px; text-align: right; }
th { background: #eef1f5; }
td.text, th.text { text-align: left; }
ul.notes li { margin: 2px 0; }
div.multiples { display: flex; flex-wrap: wrap; gap: 8px 16px; }
div.multiples figure { margin: 4px 0; }
svg .frame { fill: none; stroke: #ccd; }
svg .tick { font-size: 11px; fill: #556; }
svg .line { stroke: hsl(var(--hue), 60%, 28%); stroke-width: 2; }
svg .point { fill: hsl(var(--hue), 60%, 28%); }
svg .target-line { stroke: #000; stroke-width: 1.5; stroke-dasharray: 5 3; }
svg .pace { stroke: hsl(var(--hue), 60%, 28%); stroke-width: 1.5; stroke-dasharray: 2 3; }
@media print {
  @page { size: A4 portrait; margin: 14mm; }
  body { margin: 0; max-width: none; font-size: 11px; }
  h2 { break-after: avoid; page-break-after: avoid; }
  figure, table { break-inside: avoid; page-break-inside: avoid; }
}
"#;

pub(super) fn table_html(s: &Section) -> String {
    let mut out = String::from("<table><thead><tr>");
    for (i, h) in s.head.iter().enumerate() {
        let class = if i < s.text_cols {
            " class=\"text\""
        } else {
            ""
        };
        out.push_str(&format!("<th{class}>{}</th>", esc(h)));
    }
    out.push_str("</tr></thead><tbody>");
    for row in &s.body {
        out.push_str("<tr>");
        for (i, c) in row.iter().enumerate() {
            let class = if i < s.text_cols {
                " class=\"text\""
            } else {
                ""
            };
            out.push_str(&format!("<td{class}>{}</td>", esc(c)));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    out
}

/// The data notes as a list, under their heading.
pub(super) fn notes_html(notes: &[String], lang: Lang) -> String {
    let mut out = String::new();
    if !notes.is_empty() {
        out.push_str(&format!(
            "<h2>{}</h2><ul class=\"notes\">",
            esc(lang.text("notes"))
        ));
        for n in notes {
            out.push_str(&format!("<li>{}</li>", esc(n)));
        }
        out.push_str("</ul>");
    }
    out
}

/// The whole document around a page's body: language, the policy that forbids
/// fetching anything, the style.
pub(super) fn page(lang: Lang, title: &str, body: &str) -> String {
    let code = match lang {
        Lang::En => "en",
        Lang::Vi => "vi",
    };
    format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><style>{STYLE}</style></head><body>{body}</body></html>\n",
        esc(title)
    )
}
