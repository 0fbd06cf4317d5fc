//! Charts as inline SVG, drawn from finished rows: bullet graphs (a bar for coverage, a
//! marker for the target, bands of one hue behind) and ranked horizontal bars. Every
//! mark carries its value (`data-value`, a `<title>`); each chart is `role="img"` with
//! a label; labels are text, measured in characters (not bytes), NFC.

use unicode_normalization::UnicodeNormalization;

/// One line of a chart: its label, its value (hundredths of a percent; `None` when
/// unknown or suppressed) and, for bullet graphs, the target.
pub struct Mark {
    pub label: String,
    /// The value as the reader's language writes it ("57,36%").
    pub shown: String,
    pub value: Option<i64>,
    pub target: Option<i64>,
    /// The same period a year earlier, where known: a second, thinner marker.
    pub earlier: Option<i64>,
    /// Why there is no value, said in place of the bar (e.g. "suppressed").
    pub missing: String,
}

/// Escapes text for HTML and SVG.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfc() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Pixels a character of label text takes at the charts' font size (13 px): an
/// average over Vietnamese text, where a letter with its marks is one character.
const CHAR_PX: f64 = 7.2;
const ROW: f64 = 26.0;
const BAR_W: f64 = 360.0;

fn pct_text(h: i64) -> String {
    crate::metrics::pct::format(h)
}

fn label_width(marks: &[Mark]) -> f64 {
    let chars = marks
        .iter()
        .map(|m| m.label.nfc().count())
        .max()
        .unwrap_or(0);
    (chars as f64 * CHAR_PX + 12.0).clamp(80.0, 320.0)
}

/// Where a percentage falls on the bar (0–100%, or up to the largest value shown).
fn scale(max: f64) -> impl Fn(i64) -> f64 {
    move |h: i64| (h as f64 / 100.0).clamp(0.0, max) / max * BAR_W
}

/// The words of a bullet graph's markers and legend: the target, and the same period
/// a year earlier.
pub struct MarkerWords<'a> {
    pub target: &'a str,
    pub earlier: &'a str,
    /// The language the markers' percentages are written in (`75,00%`).
    pub lang: crate::lang::Lang,
}

/// A bullet graph: per line, bands (0–50–75–100% of the target's range in one hue), a
/// bar for coverage, a marker for the target and a thinner one for the same period a
/// year earlier; a legend under it names the two markers.
pub fn bullets(title: &str, marks: &[Mark], words: &MarkerWords) -> String {
    let target_word = words.target;
    let pct_shown = |h: i64| words.lang.pct(h);
    let lw = label_width(marks);
    let max = marks
        .iter()
        .flat_map(|m| [m.value, m.target, m.earlier])
        .flatten()
        .map(|h| h as f64 / 100.0)
        .fold(100.0_f64, f64::max);
    let x = scale(max);
    let h = ROW * marks.len() as f64 + 34.0;
    let w = lw + BAR_W + 90.0;
    let mut s = format!(
        r#"<svg class="chart" role="img" aria-label="{}" viewBox="0 0 {w:.0} {h:.0}" width="{w:.0}" height="{h:.0}" xmlns="http://www.w3.org/2000/svg">"#,
        esc(title)
    );
    for (i, m) in marks.iter().enumerate() {
        let y = 8.0 + ROW * i as f64;
        s.push_str(&format!(
            r#"<text x="{:.0}" y="{:.1}" class="label" text-anchor="end">{}</text>"#,
            lw - 6.0,
            y + 14.0,
            esc(&m.label)
        ));
        for (k, upto) in [100.0, 75.0, 50.0].iter().enumerate() {
            let bw = x((upto * 100.0) as i64);
            s.push_str(&format!(
                r#"<rect class="band b{k}" x="{lw:.0}" y="{y:.1}" width="{bw:.1}" height="18"/>"#
            ));
        }
        match m.value {
            Some(v) => s.push_str(&format!(
                r#"<rect class="bar" x="{lw:.0}" y="{:.1}" width="{:.1}" height="8" data-value="{}"><title>{}: {}</title></rect><text x="{:.1}" y="{:.1}" class="value">{}</text>"#,
                y + 5.0,
                x(v),
                pct_text(v),
                esc(&m.label),
                esc(&m.shown),
                lw + BAR_W + 6.0,
                y + 14.0,
                esc(&m.shown)
            )),
            None => s.push_str(&format!(
                r#"<text x="{:.1}" y="{:.1}" class="missing">{}</text>"#,
                lw + 6.0,
                y + 13.0,
                esc(&m.missing)
            )),
        }
        if let Some(t) = m.target {
            let tx = lw + x(t);
            s.push_str(&format!(
                r#"<rect class="target" x="{:.1}" y="{:.1}" width="3" height="18" data-value="{}"><title>{} {}: {}</title></rect>"#,
                tx - 1.5,
                y,
                pct_text(t),
                esc(&m.label),
                esc(target_word),
                pct_shown(t)
            ));
        }
        if let (Some(e), true) = (m.earlier, m.value.is_some()) {
            let ex = lw + x(e);
            s.push_str(&format!(
                r#"<rect class="earlier" x="{:.1}" y="{:.1}" width="2" height="12" data-value="{}"><title>{} {}: {}</title></rect>"#,
                ex - 1.0,
                y + 3.0,
                pct_text(e),
                esc(&m.label),
                esc(words.earlier),
                pct_shown(e)
            ));
        }
    }
    s.push_str(&legend(marks, lw, words));
    s.push_str("</g></svg>");
    s
}

/// The legend: the two markers drawn as in the chart, then their names (the
/// earlier marker only where a chart draws one).
fn legend(marks: &[Mark], lw: f64, words: &MarkerWords) -> String {
    let mut out = String::new();
    let target_word = words.target;
    let ly = 8.0 + ROW * marks.len() as f64 + 8.0;
    out.push_str(&format!(
        r#"<g class="legend"><rect class="target" x="{lw:.0}" y="{ly:.1}" width="3" height="14"/><text x="{:.0}" y="{:.1}" class="label">{}</text>"#,
        lw + 8.0,
        ly + 11.0,
        esc(target_word)
    ));
    if marks
        .iter()
        .any(|m| m.earlier.is_some() && m.value.is_some())
    {
        let ex = lw + 30.0 + target_word.nfc().count() as f64 * CHAR_PX;
        out.push_str(&format!(
            r#"<rect class="earlier" x="{ex:.0}" y="{:.1}" width="2" height="12"/><text x="{:.0}" y="{:.1}" class="label">{}</text>"#,
            ly + 1.0,
            ex + 7.0,
            ly + 11.0,
            esc(words.earlier)
        ));
    }
    out
}

/// Ranked horizontal bars of gaps (points below or above target), with names.
pub fn gaps(title: &str, marks: &[Mark]) -> String {
    let lw = label_width(marks);
    let max = marks
        .iter()
        .filter_map(|m| m.value)
        .map(|v| (v.abs() as f64) / 100.0)
        .fold(1.0_f64, f64::max);
    let h = ROW * marks.len() as f64 + 10.0;
    let w = lw + BAR_W + 90.0;
    let mut s = format!(
        r#"<svg class="chart" role="img" aria-label="{}" viewBox="0 0 {w:.0} {h:.0}" width="{w:.0}" height="{h:.0}" xmlns="http://www.w3.org/2000/svg">"#,
        esc(title)
    );
    for (i, m) in marks.iter().enumerate() {
        let y = 6.0 + ROW * i as f64;
        s.push_str(&format!(
            r#"<text x="{:.0}" y="{:.1}" class="label" text-anchor="end">{}</text>"#,
            lw - 6.0,
            y + 13.0,
            esc(&m.label)
        ));
        if let Some(v) = m.value {
            let bw = (v.abs() as f64 / 100.0) / max * BAR_W;
            let class = if v < 0 { "bar below" } else { "bar above" };
            s.push_str(&format!(
                r#"<rect class="{class}" x="{lw:.0}" y="{:.1}" width="{bw:.1}" height="14" data-value="{}"><title>{}: {}</title></rect><text x="{:.1}" y="{:.1}" class="value">{}</text>"#,
                y + 2.0,
                pct_text(v),
                esc(&m.label),
                esc(&m.shown),
                lw + bw + 6.0,
                y + 13.0,
                esc(&m.shown)
            ));
        }
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mark_carries_its_value_and_text_is_escaped() {
        let marks = vec![
            Mark {
                label: "Xã <Tả> Van".into(),
                shown: "57,36%".into(),
                value: Some(5736),
                target: Some(6000),
                earlier: Some(5000),
                missing: String::new(),
            },
            Mark {
                label: "Phường".into(),
                shown: String::new(),
                value: None,
                target: None,
                earlier: Some(4000),
                missing: "suppressed".into(),
            },
        ];
        let words = MarkerWords {
            target: "target",
            earlier: "a year earlier",
            lang: crate::lang::Lang::En,
        };
        let svg = bullets("Youth", &marks, &words);
        assert!(svg.contains(r#"data-value="57.36""#), "{svg}");
        assert!(svg.contains(r#"data-value="60.00""#), "{svg}");
        assert!(svg.contains(r#"data-value="50.00""#), "{svg}");
        assert!(
            svg.contains("Youth · Xã") || svg.contains("a year earlier: 50.00%"),
            "{svg}"
        );
        assert!(svg.contains("Xã &lt;Tả&gt; Van"), "{svg}");
        // The markers' words in the reader's way of writing a percentage.
        let vi = MarkerWords {
            target: "chỉ tiêu",
            earlier: "cùng kỳ năm trước",
            lang: crate::lang::Lang::Vi,
        };
        let svg_vi = bullets("Đoàn", &marks, &vi);
        assert!(svg_vi.contains("chỉ tiêu: 60,00%"), "{svg_vi}");
        assert!(svg_vi.contains(r#"data-value="60.00""#), "{svg_vi}");
        assert!(svg.contains(r#"role="img""#));
        assert!(svg.contains(">suppressed<"));
        assert_eq!(
            svg.matches("data-value").count(),
            3,
            "no mark for the suppressed line, not even last year's"
        );
    }

    #[test]
    fn labels_are_measured_in_characters_not_bytes() {
        let m = |l: &str| Mark {
            label: l.into(),
            shown: String::new(),
            value: None,
            target: None,
            earlier: None,
            missing: String::new(),
        };
        // 12 characters either way, though the Vietnamese one is 19 bytes.
        assert_eq!(
            label_width(&[m("Vùng tôn giáo")]),
            label_width(&[m("Religious ar")]) + CHAR_PX
        );
    }
}
