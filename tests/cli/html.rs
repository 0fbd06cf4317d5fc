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

/// With a roll of the same month a year earlier, each bullet graph gets a second marker
/// at last year's coverage (its value as last year's report has it), and the legend
/// names it; without one, no such marker.
#[test]
fn the_same_period_a_year_earlier_is_a_second_marker() {
    let w = Workdir::new()
        .with_reference()
        .with(&["roll_youth_clean.csv"]);
    w.tally(&[
        "ingest",
        "roll_youth_clean.csv",
        "--org",
        "youth",
        "--as-of",
        "31/10/2026",
    ])
    .expect(0);
    w.tally(&["report", "--period", "2026-10", "--output", "now.html"])
        .expect(0);
    assert!(!w.read("now.html").contains("class=\"earlier\""));
    // A year earlier: two of the five members, an eligible count of 2025 (the 2026
    // counts do not reach back).
    let roll = w.read("roll_youth_clean.csv");
    let mut lines = roll.lines();
    let mut old = format!("{}\n", lines.next().unwrap());
    for l in lines.take(2) {
        old.push_str(l);
        old.push('\n');
    }
    w.write("old.csv", old);
    w.write(
        "eligible-2025.csv",
        "area_code,org,year,eligible\n02647,youth,2025,100\n02680,youth,2025,100\n",
    );
    w.tally(&["ingest", "eligible-2025.csv"]).expect(0);
    w.tally(&[
        "ingest",
        "old.csv",
        "--org",
        "youth",
        "--as-of",
        "31/10/2025",
    ])
    .expect(0);
    let csv = w
        .tally(&["report", "--period", "2025-10", "--format", "csv"])
        .expect(0)
        .stdout;
    let last_year: Vec<&str> = csv
        .lines()
        .find(|l| l.contains(",youth,total,all,"))
        .unwrap()
        .split(',')
        .collect();
    assert_eq!(last_year[9], "1.00", "2 members of 200: {csv}");
    w.tally(&["report", "--period", "2026-10", "--output", "r.html"])
        .expect(0);
    let html = w.read("r.html");
    assert!(
        html.contains(
            "data-value=\"1.00\"><title>Youth Union same period a year earlier: 1.00%</title>"
        ),
        "{html}"
    );
    assert!(
        html.contains(">same period a year earlier</text>"),
        "the legend"
    );
}

/// The page in a real browser (Debian's headless Chromium): its charts are in the page
/// as the browser builds it (the page has no script: the other test checks), nothing
/// is refused or fetched (the console would say so), and it prints to an A4 PDF and a
/// PNG. Ignored by a plain `cargo test`; `.ci/run` installs
/// Chromium and runs it.
#[test]
#[ignore = "needs Chromium: .ci/run installs it and runs this"]
fn the_html_report_opens_in_a_real_browser() {
    let w = Workdir::new().with_youth_roll();
    w.tally(&[
        "report", "--period", "2026-10", "--lang", "vi", "--output", "r.html",
    ])
    .expect(0);
    let page = format!("file://{}", w.dir.join("r.html").display());
    let chromium = std::env::var("TALLY_CHROMIUM").unwrap_or_else(|_| "chromium".into());
    let run = |extra: &[&str]| {
        let profile = tempfile::tempdir().unwrap();
        let out = std::process::Command::new(&chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--enable-logging=stderr",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .args(extra)
            .arg(&page)
            .output()
            .expect("run chromium (apt-get install chromium)");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (dom, log) = run(&["--dump-dom"]);
    assert!(
        dom.matches("<svg").count() >= 5,
        "charts without JavaScript: {dom}"
    );
    assert!(dom.contains("Tháng 10/2026"));
    for bad in ["Refused to", "CONSOLE", "net::ERR"] {
        assert!(!log.contains(bad), "{bad}: {log}");
    }
    let pdf = w.dir.join("r.pdf");
    run(&[
        &format!("--print-to-pdf={}", pdf.display()),
        "--no-pdf-header-footer",
    ]);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    let png = w.dir.join("r.png");
    run(&[
        &format!("--screenshot={}", png.display()),
        "--window-size=1000,1400",
    ]);
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
}
