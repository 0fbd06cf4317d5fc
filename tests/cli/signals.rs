//! Ctrl-C and `kill` on a real process: an ingest stopped before its commit stores
//! nothing, says so in one line and exits 130 (SIGINT) or 143 (SIGTERM), leaving no
//! staged part or spool of rejected rows behind; one stopped during its commit finishes
//! the commit first. The ingest is held at a named point (`TALLY_PAUSE`, debug builds)
//! so that the signal arrives where the test says.

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};

use crate::workdir::Workdir;

/// 500 members of one commune.
fn roll() -> String {
    let mut s = String::from("Họ và tên,Số CCCD,Mã xã,Ngày vào Đoàn\n");
    for i in 0..500 {
        s.push_str(&format!("Người Thứ {i},0102{i:08},02647,01/01/2020\n"));
    }
    s
}

/// Ingests roll.csv held at `pause`, sends `signal` once it is there, and returns the
/// exit code and all it said on stderr after the pause.
fn interrupted(w: &Workdir, pause: &str, signal: &str, lang: &str) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tally"))
        .current_dir(&w.dir)
        .env("TALLY_STORE", w.store())
        .env("TALLY_PAUSE", pause)
        .args(["--lang", lang, "ingest", "roll.csv", "--org", "youth"])
        .args(["--as-of", "31/10/2026"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run tally");
    let mut err = BufReader::new(child.stderr.take().expect("stderr"));
    let mut line = String::new();
    loop {
        line.clear();
        let n = err.read_line(&mut line).expect("read stderr");
        assert!(n > 0, "tally ended before the pause");
        if line.starts_with("paused at") {
            break;
        }
    }
    let status = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(status.success());
    let mut rest = String::new();
    err.read_to_string(&mut rest).expect("read stderr");
    let code = child.wait().expect("wait").code();
    (code, rest)
}

/// What a stopped writer could leave in tmp/: staged parts and spools.
fn leftovers(w: &Workdir) -> Vec<String> {
    std::fs::read_dir(w.store().join("tmp"))
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn ctrl_c_before_the_commit_stores_nothing_and_says_so() {
    let w = Workdir::new().with_reference();
    let before = w.manifest();
    w.write("roll.csv", roll());
    let (code, said) = interrupted(&w, "before-rename", "-INT", "en");
    assert_eq!(code, Some(130), "{said}");
    assert_eq!(
        said.trim_end(),
        "tally: interrupted: nothing was stored, the store is as it was before this command"
    );
    assert_eq!(w.manifest(), before);
    assert_eq!(w.snapshot_rows("youth"), None);
    assert!(leftovers(&w).is_empty(), "{:?}", leftovers(&w));
    w.tally(&["verify"]).expect(0);
}

#[test]
fn kill_before_the_commit_exits_143_and_says_so_in_vietnamese() {
    let w = Workdir::new().with_reference();
    w.write("roll.csv", roll());
    let (code, said) = interrupted(&w, "before-rename", "-TERM", "vi");
    assert_eq!(code, Some(143), "{said}");
    assert_eq!(
        said.trim_end(),
        "tally: đã dừng giữa chừng: chưa lưu gì, kho dữ liệu vẫn như trước lệnh này"
    );
    assert_eq!(w.snapshot_rows("youth"), None);
    assert!(leftovers(&w).is_empty(), "{:?}", leftovers(&w));
}

/// A signal while parts are moved into place waits for the manifest: the snapshot is
/// stored whole, and the line says so.
#[test]
fn ctrl_c_during_the_commit_lets_it_finish() {
    let w = Workdir::new().with_reference();
    w.write("roll.csv", roll());
    let (code, said) = interrupted(&w, "before-manifest:1500", "-INT", "en");
    assert_eq!(code, Some(130), "{said}");
    assert_eq!(
        said.trim_end(),
        "tally: interrupted after the store was written: what this command stored is kept"
    );
    assert_eq!(w.snapshot_rows("youth"), Some(500));
    w.tally(&["verify"]).expect(0);
}

/// A writer killed outright (no chance to clean up) leaves a staged part: verify calls
/// it harmless, with a note, and exits 0; the next writer removes it.
#[test]
fn verify_calls_an_unfinished_ingests_leftovers_harmless() {
    let w = Workdir::new().with_reference();
    w.write("roll.csv", roll());
    let out = Command::new(env!("CARGO_BIN_EXE_tally"))
        .current_dir(&w.dir)
        .env("TALLY_STORE", w.store())
        .env("TALLY_FAULT", "before-rename")
        .args([
            "ingest",
            "roll.csv",
            "--org",
            "youth",
            "--as-of",
            "31/10/2026",
        ])
        .output()
        .expect("run tally");
    assert!(!out.status.success());
    assert!(!leftovers(&w).is_empty());
    let run = w.tally(&["--lang", "en", "verify"]).expect(0);
    assert!(
        run.stdout
            .contains("a part staged by an ingest that did not finish"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("the store is sound"), "{}", run.stdout);
}
