//! Small multiples of a series: per organization, its coverage over the periods as a
//! line of points, its target as a dashed step, and its pace as a dotted line past the
//! last point toward the month it reaches the target. Inline SVG, like `chart`: every
//! point and target carries its value (`data-value`, a `<title>`), the chart is
//! `role="img"` with a label, and text stays text.

use super::chart::esc;

/// One period of a line: its label as the reader writes it, the coverage and target in
/// hundredths (`None` where unknown or suppressed).
pub struct Point {
    pub label: String,
    pub value: Option<i64>,
    pub target: Option<i64>,
}

/// The pace past the last point: hundredths of a point a month, the months one period
/// spans, and what the reader is told ("+0,38 điểm %/tháng → Tháng 4/2031").
pub struct Pace {
    pub per_month: i64,
    pub months_per_period: i64,
    pub said: String,
}

const W: f64 = 320.0;
const H: f64 = 170.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 40.0;

fn pct(h: i64) -> String {
    crate::metrics::pct::format(h)
}

/// The y range: the values and targets shown, padded and rounded to 5 points.
fn range(points: &[Point], pace_end: Option<i64>) -> (i64, i64) {
    let all: Vec<i64> = points
        .iter()
        .flat_map(|p| [p.value, p.target])
        .flatten()
        .chain(pace_end)
        .collect();
    let (lo, hi) = match (all.iter().min(), all.iter().max()) {
        (Some(&lo), Some(&hi)) => (lo, hi),
        _ => (0, 10_000),
    };
    let lo = ((lo - 200).max(0) / 500) * 500;
    let hi = ((hi + 200 + 499) / 500) * 500;
    (lo, hi.max(lo + 500))
}

/// The axis: the range's two ends (whole multiples of 5%), a frame, and the first and
/// last periods under it.
fn axis(points: &[Point], (lo, hi): (i64, i64), plot_w: f64, plot_h: f64) -> String {
    let mut s = String::new();
    s.push_str(&format!(
        r#"<rect class="frame" x="{LEFT:.0}" y="{TOP:.0}" width="{plot_w:.0}" height="{plot_h:.0}"/><text class="tick" x="{:.0}" y="{:.1}" text-anchor="end">{}%</text><text class="tick" x="{:.0}" y="{:.1}" text-anchor="end">{}%</text>"#,
        LEFT - 4.0,
        TOP + 10.0,
        hi / 100,
        LEFT - 4.0,
        TOP + plot_h,
        lo / 100
    ));
    if let (Some(f), Some(l)) = (points.first(), points.last()) {
        s.push_str(&format!(
            r#"<text class="tick" x="{:.1}" y="{:.1}" text-anchor="start">{}</text><text class="tick" x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"#,
            LEFT,
            H - BOTTOM + 14.0,
            esc(&f.label),
            LEFT + plot_w,
            H - BOTTOM + 14.0,
            esc(&l.label)
        ));
    }
    s
}

/// The target as a dashed step: a segment per period, `half` a slot each side.
fn target_steps(
    points: &[Point],
    x: &dyn Fn(usize) -> f64,
    y: &dyn Fn(i64) -> f64,
    half: f64,
    (target_word, lang): (&str, crate::lang::Lang),
) -> String {
    let mut s = String::new();
    for (i, p) in points.iter().enumerate() {
        if let Some(t) = p.target {
            s.push_str(&format!(
                r#"<line class="target-line" x1="{:.1}" x2="{:.1}" y1="{:.1}" y2="{:.1}" data-value="{}"><title>{} {}: {}</title></line>"#,
                x(i) - half,
                x(i) + half,
                y(t),
                y(t),
                pct(t),
                esc(&p.label),
                esc(target_word),
                lang.pct(t)
            ));
        }
    }
    s
}

/// One small multiple; its marks' titles write percentages in `lang`'s way.
pub fn trend(
    title: &str,
    points: &[Point],
    pace: Option<&Pace>,
    (target_word, lang): (&str, crate::lang::Lang),
) -> String {
    // A pace continues one period past the last point.
    let slots = points.len() + usize::from(pace.is_some());
    let last = points.iter().rposition(|p| p.value.is_some());
    let pace_end = match (pace, last) {
        (Some(p), Some(i)) => points[i]
            .value
            .map(|v| v + p.per_month * p.months_per_period * (slots - 1 - i) as i64),
        _ => None,
    };
    let (lo, hi) = range(points, pace_end);
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    let x = |i: usize| LEFT + plot_w * (i as f64 + 0.5) / slots.max(1) as f64;
    let y = |h: i64| TOP + plot_h * (1.0 - (h - lo) as f64 / (hi - lo) as f64);
    let mut s = format!(
        r#"<svg class="chart trend" role="img" aria-label="{}" viewBox="0 0 {W:.0} {H:.0}" width="{W:.0}" height="{H:.0}" xmlns="http://www.w3.org/2000/svg">"#,
        esc(title)
    );
    s.push_str(&axis(points, (lo, hi), plot_w, plot_h));
    // Target: a dashed step, a segment per period.
    let half = plot_w / slots.max(1) as f64 / 2.0;
    s.push_str(&target_steps(points, &x, &y, half, (target_word, lang)));
    // Coverage: segments between known neighbours (a gap stays a gap), then points.
    for i in 1..points.len() {
        if let (Some(a), Some(b)) = (points[i - 1].value, points[i].value) {
            s.push_str(&format!(
                r#"<line class="line" x1="{:.1}" x2="{:.1}" y1="{:.1}" y2="{:.1}"/>"#,
                x(i - 1),
                x(i),
                y(a),
                y(b)
            ));
        }
    }
    for (i, p) in points.iter().enumerate() {
        if let Some(v) = p.value {
            s.push_str(&format!(
                r#"<circle class="point" cx="{:.1}" cy="{:.1}" r="3" data-value="{}"><title>{}: {}</title></circle>"#,
                x(i),
                y(v),
                pct(v),
                esc(&p.label),
                lang.pct(v)
            ));
        }
    }
    if let (Some(p), Some(i), Some(end)) = (pace, last, pace_end) {
        if let Some(v) = points[i].value {
            s.push_str(&format!(
                r#"<line class="pace" x1="{:.1}" x2="{:.1}" y1="{:.1}" y2="{:.1}" data-value="{}"><title>{}</title></line>"#,
                x(i),
                x(slots - 1),
                y(v),
                y(end),
                pct(p.per_month),
                esc(&p.said)
            ));
        }
        s.push_str(&format!(
            r#"<text class="tick" x="{LEFT:.0}" y="{:.1}">{}</text>"#,
            H - 8.0,
            esc(&p.said)
        ));
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(label: &str, value: Option<i64>) -> Point {
        Point {
            label: label.into(),
            value,
            target: Some(7000),
        }
    }

    #[test]
    fn points_targets_and_pace_carry_their_values() {
        let points = [p("01", Some(5000)), p("02", None), p("03", Some(5400))];
        let pace = Pace {
            per_month: 200,
            months_per_period: 1,
            said: "+2.00 pp a month → 2026-11".into(),
        };
        let svg = trend(
            "Youth",
            &points,
            Some(&pace),
            ("target", crate::lang::Lang::En),
        );
        assert_eq!(svg.matches("<circle").count(), 2, "no point for the gap");
        assert_eq!(
            svg.matches("class=\"line\"").count(),
            0,
            "a gap breaks the line"
        );
        assert!(
            svg.contains(r#"data-value="54.00"><title>03: 54.00%</title>"#),
            "{svg}"
        );
        // In Vietnamese the titles write a decimal comma; the data stays as it is.
        let vi = trend(
            "Đoàn",
            &points,
            Some(&pace),
            ("chỉ tiêu", crate::lang::Lang::Vi),
        );
        assert!(
            vi.contains(r#"data-value="54.00"><title>03: 54,00%</title>"#),
            "{vi}"
        );
        assert_eq!(svg.matches("class=\"target-line\"").count(), 3);
        assert!(
            svg.contains(r#"class="pace""#) && svg.contains("→ 2026-11"),
            "{svg}"
        );
        assert!(svg.contains(r#"role="img" aria-label="Youth""#));
        // The range covers the values, the target and the pace's end, padded to 5.
        assert_eq!(range(&points, Some(5600)), (4500, 7500));
    }
}
