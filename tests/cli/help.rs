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
            // The values of --org, --period and --by, which take more spellings than
            // these, are offered too (not file names).
            has_all(
                &script,
                &[
                    "farmers",
                    "veterans",
                    "any",
                    "last-month",
                    "this-year",
                    "ethnic_minority",
                    "age_band",
                ],
                &what,
            );
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
    // In Vietnamese, the sections' headings and the examples' words too.
    let vi = w.tally(&["--lang", "vi", "man", "report"]).expect(0).stdout;
    has_all(
        &vi,
        &[
            ".SH TÊN",
            "CÚ PHÁP",
            "MÔ TẢ",
            "VÍ DỤ",
            "Ví dụ:",
            "# để công bố",
        ],
        "tally-report(1), vi",
    );
    for en in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH DESCRIPTION",
        ".SH EXTRA",
        "Examples:",
        "for publication",
    ] {
        assert!(!vi.contains(en), "{en} in\n{vi}");
    }
}

/// `tally` as a Vietnamese reader runs it: the locale says vi_VN.
fn under_vietnamese(w: &Workdir, args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tally"))
        .current_dir(&w.dir)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env("LANG", "vi_VN.UTF-8")
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// Under a Vietnamese locale `--help` and the man pages are Vietnamese (one command
/// definition, its texts from the table), end with the exit codes, and keep every
/// option; in English the exit codes are there too, and the man page has its section.
#[test]
fn help_and_man_pages_speak_vietnamese_and_give_the_exit_codes() {
    let w = Workdir::new();
    let help = under_vietnamese(&w, &["report", "--help"]);
    has_all(
        &help,
        &[
            "In hoặc xuất các bảng",
            // What the report shows by default, as the English help says it.
            "Mặc định: tháng của danh sách mới nhất",
            "Cách dùng:",
            "Tùy chọn:",
            "Kỳ báo cáo",
            "--period",
            "--from",
            "--min-cell",
            "Mã thoát:",
            "65  dữ liệu vào không hợp lệ",
        ],
        "report --help in Vietnamese",
    );
    for english in ["Print help", "Options:", "The period:", "Usage:"] {
        assert!(!help.contains(english), "{english}:\n{help}");
    }
    let top = under_vietnamese(&w, &["--help"]);
    has_all(
        &top,
        &["Lệnh:", "Nạp danh sách thành viên", "In trợ giúp"],
        "tally --help",
    );
    let man = under_vietnamese(&w, &["man", "report"]);
    has_all(
        &man,
        &["MÃ THOÁT", "Kỳ báo cáo"],
        "man report in Vietnamese",
    );
    let en = w.tally(&["report", "--help"]).expect(0).stdout;
    has_all(
        &en,
        &["Exit codes:", "75  the store is busy"],
        "report --help",
    );
    let man = w.tally(&["man"]).expect(0).stdout;
    has_all(&man, &["EXIT STATUS", "\\fB65\\fR"], "man");
    // verify describes its own output, not status's.
    let verify = w.tally(&["verify", "--help"]).expect(0).stdout;
    assert!(
        verify.contains("each problem with its path and fix"),
        "{verify}"
    );
    assert!(
        !verify.contains("snapshots, reference tables, ingests"),
        "{verify}"
    );
}

/// What clap adds to each option in English — the values it takes with their lines,
/// its default, its environment variable, the placeholders and the usage line's
/// `[OPTIONS]` — is said in Vietnamese too, in every command's long and short help,
/// and each example's comment.
#[test]
fn the_vietnamese_help_has_no_words_clap_adds_in_english() {
    let w = Workdir::new();
    let english = [
        "possible values",
        "Possible values",
        "[default:",
        "[env:",
        "[OPTIONS]",
        "<COMMAND>",
        "<FILE>",
        "<DIR>",
        "<PATH>",
        "# for",
        "Tables for the terminal",
        "One JSON object",
    ];
    for command in [
        "",
        "ingest",
        "report",
        "status",
        "drop",
        "verify",
        "backup",
        "completions",
        "man",
    ] {
        for flag in ["--help", "-h"] {
            let args: Vec<&str> = [command, flag]
                .into_iter()
                .filter(|a| !a.is_empty())
                .collect();
            let help = under_vietnamese(&w, &args);
            for word in english {
                assert!(!help.contains(word), "{command} {flag}: {word}\n{help}");
            }
        }
    }
    let ingest = under_vietnamese(&w, &["ingest", "--help"]);
    has_all(
        &ingest,
        &[
            "Cách dùng: tally ingest [TÙY_CHỌN] <TỆP>...",
            "- eligible:    Số đối tượng theo đơn vị",
            "[giá trị: auto, old, new]",
            "[mặc định: ./tally-data]",
            "[biến môi trường: TALLY_STORE]",
        ],
        "ingest --help in Vietnamese",
    );
    let report = under_vietnamese(&w, &["report", "--help"]);
    has_all(
        &report,
        &["# để công bố", "[mặc định: rows]"],
        "report --help",
    );
    // In English clap's own words stay.
    let en = w.tally(&["ingest", "--help"]).expect(0).stdout;
    has_all(
        &en,
        &["[default: ./tally-data]", "[OPTIONS]"],
        "ingest --help",
    );
}
