//! The HTML report: one self-contained file, charts drawn in SVG with their values,
//! nothing fetched, the language set, each chart's numbers equal to the CSV's.

use crate::workdir::Workdir;

#[test]
fn the_html_report_is_self_contained_and_its_marks_carry_the_csv_numbers() {
    let w = Workdir::new().with_youth_roll();
    w.tally(&["report", "--period", "2026-10", "--output", "r.html"])
        .expect(0);
    let html = w.read("r.html");
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"),
        "{}",
        &html[..80]
    );
    assert!(html.contains("Content-Security-Policy"));
    assert!(!html.contains("<script"), "no script");
    // Nothing to fetch: no source, link or stylesheet reference.
    for fetch in ["src=", "href=", "url(", "@import", "https://"] {
        assert!(!html.contains(fetch), "{fetch}");
    }
    // The youth total's coverage and target, as the CSV has them.
    let csv = w
        .tally(&["report", "--period", "2026-10", "--format", "csv"])
        .expect(0)
        .stdout;
    let total: Vec<&str> = csv
        .lines()
        .find(|l| l.contains(",youth,total,all,"))
        .unwrap()
        .split(',')
        .collect();
    assert!(
        html.contains(&format!("data-value=\"{}\"", total[9])),
        "coverage {}",
        total[9]
    );
    assert!(
        html.contains(&format!("data-value=\"{}\"", total[11])),
        "target {}",
        total[11]
    );
    assert!(html.contains("role=\"img\""));
    assert!(html.len() < 1_000_000);
    // Vietnamese: the page's language and its words.
    w.tally(&[
        "report", "--period", "2026-10", "--lang", "vi", "--format", "html", "--output", "vi.html",
    ])
    .expect(0);
    let vi = w.read("vi.html");
    assert!(vi.contains("<html lang=\"vi\">"));
    assert!(vi.contains("Tháng 10/2026"), "the period in Vietnamese");
    // Suppressed cells draw no mark and say so.
    w.tally(&[
        "report",
        "--period",
        "2026-10",
        "--min-cell",
        "5",
        "--output",
        "pub.html",
    ])
    .expect(0);
    let publ = w.read("pub.html");
    assert!(
        publ.contains("suppressed for publication"),
        "a suppressed cell says so"
    );
}
