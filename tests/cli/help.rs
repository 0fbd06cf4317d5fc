//! `--help`, shell completions and man pages come from one command-line definition:
//! each lists every option value a user can give.

use crate::workdir::Workdir;

const KINDS: [&str; 5] = ["roll", "areas", "enterprises", "eligible", "targets"];
const FORMATS: [&str; 5] = ["table", "csv", "json", "md", "xlsx"];
const ENCODINGS: [&str; 6] = ["auto", "utf-8", "utf-16", "windows-1258", "tcvn3", "vni"];

fn has_all(text: &str, words: &[&str], what: &str) {
    for w in words {
        assert!(text.contains(w), "{what} lacks {w}:\n{text}");
    }
}

#[test]
fn help_lists_every_value_and_period_form() {
    let w = Workdir::new();
    let ingest = w.tally(&["ingest", "--help"]).expect(0).stdout;
    has_all(&ingest, &KINDS, "ingest --help");
    has_all(&ingest, &ENCODINGS, "ingest --help");
    let report = w.tally(&["report", "--help"]).expect(0).stdout;
    has_all(&report, &FORMATS, "report --help");
    has_all(
        &report,
        &[
            "this-month",
            "last-month",
            "this-year",
            "last-year",
            "2026-Q3",
            "--bom",
        ],
        "report --help",
    );
    assert!(report.contains("The output format"), "{report}");
    let status = w.tally(&["status", "--help"]).expect(0).stdout;
    has_all(
        &status,
        &["The output format", "table", "json"],
        "status --help",
    );
    let top = w.tally(&["--help"]).expect(0).stdout;
    has_all(&top, &["--quiet", "completions", "man"], "--help");
}

#[test]
fn completions_list_every_value() {
    let w = Workdir::new();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = w.tally(&["completions", shell]).expect(0).stdout;
        let what = format!("{shell} completions");
        has_all(
            &script,
            &["ingest", "report", "status", "drop", "store"],
            &what,
        );
        // clap's elvish and PowerShell generators complete options, not their values.
        if !["elvish", "powershell"].contains(&shell) {
            has_all(&script, &KINDS, &what);
            has_all(&script, &FORMATS, &what);
            has_all(&script, &ENCODINGS, &what);
        }
    }
    w.tally(&["completions", "tcsh"]).expect(2);
}

#[test]
fn man_pages_cover_tally_and_each_subcommand() {
    let w = Workdir::new();
    let top = w.tally(&["man"]).expect(0).stdout;
    assert!(
        top.starts_with(".ie") || top.contains(".TH tally 1"),
        "{top}"
    );
    has_all(
        &top,
        &["ingest", "report", "status", "drop", "quiet"],
        "tally(1)",
    );
    let ingest = w.tally(&["man", "ingest"]).expect(0).stdout;
    assert!(ingest.contains(".TH tally-ingest 1"), "{ingest}");
    has_all(&ingest, &KINDS, "tally-ingest(1)");
    has_all(
        &ingest,
        &["tcvn3", "windows\\-1258", "skip\\-invalid"],
        "tally-ingest(1)",
    );
    let report = w.tally(&["man", "report"]).expect(0).stdout;
    has_all(&report, &FORMATS, "tally-report(1)");
    has_all(&report, &["min\\-cell", "this\\-month"], "tally-report(1)");
    let bad = w.tally(&["man", "nope"]).expect(2);
    assert!(
        bad.stderr.contains("one of: ingest, report"),
        "{}",
        bad.stderr
    );
}
