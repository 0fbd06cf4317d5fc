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
    // Under the title, the province the areas file is of (found by mutation).
    assert!(html.contains("<p class=\"sub\">Lào Cai</p>"), "{html}");
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
    // The month of the shipped samples.
    let samples = Workdir::new().with_samples();
    samples
        .tally(&["report", "--lang", "vi", "--output", "r.html"])
        .expect(0);
    let csv = samples
        .tally(&["report", "--format", "csv"])
        .expect(0)
        .stdout;
    assert!(samples.read("r.html").len() < 1_000_000);
    in_the_browser(&samples, "r.html", &csv);
    // A three-month series of the youth fixture.
    let w = Workdir::new().with_youth_roll();
    // A three-month series page, as well.
    // Each month is an export of its own: one member fewer each month (one export is
    // one snapshot, so the same bytes under two dates are refused).
    let roll = w.read("roll_youth_clean.csv");
    let lines: Vec<&str> = roll.lines().collect();
    let month = |n: usize| lines[..lines.len() - n].join("\n") + "\n";
    w.write("nov.csv", month(1));
    w.write("dec.csv", month(2));
    for (file, day) in [("nov.csv", "30/11/2026"), ("dec.csv", "31/12/2026")] {
        w.tally(&["ingest", file, "--org", "youth", "--as-of", day])
            .expect(0);
    }
    w.tally(&[
        "report", "--from", "2026-10", "--to", "2026-12", "--lang", "vi", "--output", "s.html",
    ])
    .expect(0);
    let series = w
        .tally(&[
            "report", "--from", "2026-10", "--to", "2026-12", "--format", "csv",
        ])
        .expect(0)
        .stdout;
    in_the_browser(&w, "s.html", &series);
}

/// Opens `page` in headless Chromium: no console message and no request (every host
/// resolves to nothing, so a fetch would show as an error), charts that need no
/// script, every coverage of the youth total in `csv` among the
/// marks' values as the browser built the page, Vietnamese text that a font on the
/// machine has every glyph of, and an A4 PDF in which each chart stays on one page.
fn in_the_browser(w: &Workdir, page: &str, csv: &str) {
    let url = format!("file://{}", w.dir.join(page).display());
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
                "--host-resolver-rules=MAP * ~NOTFOUND",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .args(extra)
            .arg(&url)
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
    for bad in ["Refused to", "CONSOLE", "net::ERR", "Failed to load"] {
        assert!(!log.contains(bad), "{page}: {bad}: {log}");
    }
    assert!(dom.matches("<svg").count() >= 1, "{page}: no chart: {dom}");
    // The youth total's coverages, as the CSV has them, are marks' values in the page.
    let mut checked = 0;
    for line in csv.lines().filter(|l| l.contains(",youth,total,all,")) {
        let cells: Vec<&str> = line.split(',').collect();
        if !cells[9].is_empty() {
            assert!(
                dom.contains(&format!("data-value=\"{}\"", cells[9])),
                "{page}: {line}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 1, "{page}: nothing compared");
    // Every character of the page's text is in one font the browser can use.
    let text: std::collections::BTreeSet<char> = dom
        .split('<')
        .filter_map(|t| t.split_once('>').map(|(_, x)| x))
        .flat_map(str::chars)
        .filter(|c| !c.is_ascii())
        .collect();
    let charset: Vec<String> = text.iter().map(|c| format!("{:x}", *c as u32)).collect();
    let fonts = std::process::Command::new("fc-list")
        .arg(format!(":charset={}", charset.join(" ")))
        .arg("family")
        .output()
        .expect("run fc-list (apt-get install fontconfig)");
    assert!(
        !String::from_utf8_lossy(&fonts.stdout).trim().is_empty(),
        "{page}: no font has every glyph of {text:?}"
    );
    // A4, each chart on one page: its first and last labels are on the same page.
    let pdf = w.dir.join(format!("{page}.pdf"));
    run(&[
        &format!("--print-to-pdf={}", pdf.display()),
        "--no-pdf-header-footer",
    ]);
    let pages = pdf_pages(&pdf);
    assert!(!pages.is_empty(), "{page}: an empty PDF");
    // Without JavaScript the page is the same: it has no script, and its policy
    // (default-src 'none', which covers script-src) would refuse one. (Chromium's
    // command line cannot print or dump a page with scripts switched off.)
    let html = w.read(page);
    assert!(
        !html.contains("<script") && html.contains("default-src 'none'"),
        "{page}"
    );
    for figure in dom.split("<figure>").skip(1) {
        let figure = &figure[..figure.find("</figure>").unwrap_or(figure.len())];
        let labels: Vec<&str> = figure
            .split("class=\"label\"")
            .skip(1)
            .filter_map(|t| {
                t.split_once('>')
                    .and_then(|(_, x)| x.split_once('<'))
                    .map(|(x, _)| x)
            })
            .filter(|l| !l.contains('&'))
            .collect();
        let (Some(first), Some(last)) = (labels.first(), labels.last()) else {
            continue;
        };
        let on = |l: &str| pages.iter().position(|p| p.contains(l));
        if let (Some(a), Some(b)) = (on(first), on(last)) {
            // The last label may also appear on a later page (a table), not an earlier one.
            assert!(
                b >= a && pages[a].contains(last),
                "{page}: a chart split across pages ({first} … {last})"
            );
        }
    }
    let png = w.dir.join(format!("{page}.png"));
    run(&[
        &format!("--screenshot={}", png.display()),
        "--window-size=1000,1400",
    ]);
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
}

/// The text of each page of a PDF (poppler's pdftotext).
fn pdf_pages(pdf: &std::path::Path) -> Vec<String> {
    let out = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("run pdftotext (apt-get install poppler-utils)");
    assert!(out.status.success());
    let size = String::from_utf8_lossy(
        &std::process::Command::new("pdfinfo")
            .arg(pdf)
            .output()
            .unwrap()
            .stdout,
    )
    .into_owned();
    assert!(size.contains("(A4)"), "not A4: {size}");
    String::from_utf8_lossy(&out.stdout)
        .split('\u{c}')
        .map(str::to_string)
        .filter(|p| !p.trim().is_empty())
        .collect()
}
