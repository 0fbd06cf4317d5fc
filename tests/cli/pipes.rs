//! Pipes closed early, with real processes: `tally ingest … | head -1` and
//! `tally ingest … 2>&1 | head -4`. A closed stdout or stderr loses lines, never the
//! command's verdict: rejected rows are exit 65 whether or not anyone reads the
//! summary, and a closed stderr is never a panic (exit 101).

use crate::workdir::Workdir;
use std::process::{Command, Stdio};

/// Runs tally with `args`, its stdout and/or stderr a pipe closed before it writes.
fn closed(w: &Workdir, args: &[&str], stdout: bool, stderr: bool) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tally"))
        .current_dir(&w.dir)
        .env("TALLY_STORE", w.store())
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run tally");
    if stdout {
        drop(child.stdout.take());
    }
    if stderr {
        drop(child.stderr.take());
    }
    let out = child.wait_with_output().expect("wait");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn an_ingests_verdict_does_not_depend_on_who_reads_its_output() {
    let w = Workdir::new()
        .with_reference()
        .with(&["roll_youth_bad.csv", "roll_youth_clean.csv"]);
    let before = w.manifest();
    let ingest = [
        "ingest",
        "roll_youth_bad.csv",
        "--org",
        "youth",
        "--as-of",
        "31/10/2026",
    ];
    let dry: Vec<&str> = ingest.iter().copied().chain(["--dry-run"]).collect();
    for args in [&ingest[..], &dry[..]] {
        // stdout closed: the summary is lost, the refusal is still said and exit 65.
        let (code, stderr) = closed(&w, args, true, false);
        assert_eq!(code, Some(65), "{args:?}: {stderr}");
        assert!(stderr.contains("8 row(s) rejected"), "{args:?}: {stderr}");
        // stderr closed too, or alone: no panic, the same exit code.
        for (out, err) in [(false, true), (true, true)] {
            let (code, stderr) = closed(&w, args, out, err);
            assert_eq!(code, Some(65), "{args:?} {out} {err}: {stderr}");
        }
    }
    assert_eq!(w.manifest(), before);
    // A good roll with both pipes closed is stored, exit 0.
    let good = [
        "ingest",
        "roll_youth_clean.csv",
        "--org",
        "youth",
        "--as-of",
        "31/10/2026",
    ];
    let (code, _) = closed(&w, &good, true, true);
    assert_eq!(code, Some(0));
    assert!(w.snapshot_rows("youth").is_some());
}
