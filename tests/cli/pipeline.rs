//! The ingest pipeline as a whole: rows recycled across chunks, duplicates across the
//! files of one command, rejects streamed to their file, the progress bar.

use crate::workdir::Workdir;

/// A youth roll of `n` rows with national IDs `0102000{start..}`, in commune 02647.
fn roll(start: usize, n: usize) -> String {
    let mut s = String::from("Họ và tên,Số CCCD,Ngày sinh,Mã xã\n");
    for i in start..start + n {
        s.push_str(&format!("Người Số {i},0102{:08},2000,02647\n", i));
    }
    s
}

const YOUTH: [&str; 4] = ["--org", "youth", "--as-of", "31/10/2026"];

fn ingest(w: &Workdir, files: &[&str], extra: &[&str]) -> crate::workdir::Run {
    let mut args = vec!["ingest"];
    args.extend_from_slice(files);
    args.extend_from_slice(&YOUTH);
    args.extend_from_slice(extra);
    w.tally(&args)
}

#[test]
fn every_row_of_a_file_of_many_chunks_is_stored_once() {
    // 10,001 rows: three chunks of the pipeline and a part of it; rows of the first
    // chunks are read again into recycled buffers.
    let w = Workdir::new().with_reference();
    w.write("big.csv", roll(0, 10_001));
    ingest(&w, &["big.csv"], &[]).expect(0);
    assert_eq!(w.snapshot_rows("youth"), Some(10_001));
    // The same persons again (other bytes, the same IDs): every row is a duplicate.
    w.write(
        "again.csv",
        roll(0, 10_001).replace("Người Số", "Người Lại"),
    );
    let run = ingest(&w, &["again.csv"], &["--skip-invalid"]).expect(0);
    assert!(
        run.stderr.contains("10,001 row(s) rejected"),
        "{}",
        run.stderr
    );
    assert_eq!(w.snapshot_rows("youth"), Some(10_001));
}

#[test]
fn a_person_in_two_files_of_one_command_is_found_in_the_staged_part() {
    let w = Workdir::new().with_reference();
    w.write("a.csv", roll(0, 3));
    w.write("b.csv", roll(2, 3));
    let run = ingest(&w, &["a.csv", "b.csv"], &[]).expect(65);
    assert!(
        run.stderr.contains(
            "b.csv:2: repeats a person already in this snapshot (same national ID as a row of a.csv, read earlier in this command)"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(w.snapshot_rows("youth"), None, "nothing stored");
    ingest(&w, &["a.csv", "b.csv"], &["--skip-invalid"]).expect(0);
    assert_eq!(w.snapshot_rows("youth"), Some(5));
}

#[test]
fn rejects_are_streamed_to_their_file_and_leave_no_spool() {
    let w = Workdir::new().with_reference();
    // Every row rejected (an unknown commune), over several chunks.
    let mut bad = String::from("Họ và tên,Mã xã,Ghi chú\n");
    for i in 0..9_000 {
        bad.push_str(&format!("Người {i},99999,ghi chú {i}\n"));
    }
    w.write("bad.csv", bad);
    w.write("ok.csv", roll(0, 2));
    std::fs::create_dir(w.dir.join("out")).unwrap();
    let run = ingest(
        &w,
        &["ok.csv", "bad.csv"],
        &["--skip-invalid", "--rejects", "out/rejects.csv"],
    )
    .expect(0);
    assert!(
        run.stderr.contains("9,000 rejected row(s) written"),
        "{}",
        run.stderr
    );
    let mut r = csv::Reader::from_path(w.dir.join("out/rejects.csv")).unwrap();
    let head: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    // The original columns of the file that had rejects only.
    assert_eq!(
        head,
        [
            "file",
            "sheet",
            "line",
            "column",
            "value",
            "reason",
            "hint",
            "Họ và tên",
            "Mã xã",
            "Ghi chú"
        ]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), 9_000);
    assert_eq!(&rows[0][0], "bad.csv");
    assert_eq!(&rows[0][1], "", "a CSV has no sheet");
    assert_eq!(&rows[0][2], "2");
    assert_eq!(&rows[8_999][2], "9001");
    assert_eq!(&rows[8_999][7], "Người 8999");
    assert_eq!(&rows[8_999][9], "ghi chú 8999");
    let left: Vec<_> = std::fs::read_dir(w.dir.join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["rejects.csv"], "no spool or temp file left");
    assert_eq!(w.snapshot_rows("youth"), Some(2));
}

#[test]
fn a_failed_ingest_leaves_no_spool_and_no_rejects_file() {
    let w = Workdir::new().with_reference();
    // Rejects are spooled from the first file; the second is refused as a whole
    // (month-first dates) after it has been read, so the command fails.
    w.write("bad.csv", "Họ và tên,Mã xã\nA,99999\nB,99999\n");
    w.write(
        "us.csv",
        "Họ và tên,Ngày sinh,Mã xã\nC,12/25/2000,02647\nD,01/02/2000,02647\n",
    );
    std::fs::create_dir(w.dir.join("out")).unwrap();
    let run = ingest(
        &w,
        &["bad.csv", "us.csv"],
        &["--rejects", "out/rejects.csv"],
    )
    .expect(65);
    assert!(run.stderr.contains("month-first"), "{}", run.stderr);
    let names: Vec<_> = std::fs::read_dir(w.dir.join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(names.is_empty(), "{names:?}");
}

/// Runs tally under `script`, which gives it a terminal (util-linux, in every Debian):
/// its exit code and what the terminal showed. A pseudo-terminal is Unix's: the tests
/// that need one run there.
#[cfg(unix)]
fn terminal(w: &Workdir, args: &[&str]) -> (i32, String) {
    let cmd = std::iter::once(env!("CARGO_BIN_EXE_tally").to_string())
        .chain(args.iter().map(|a| a.to_string()))
        .map(|a| format!("'{a}'"))
        .collect::<Vec<_>>()
        .join(" ");
    let out = std::process::Command::new("script")
        .args(["-qfec", &cmd, "/dev/null"])
        .current_dir(&w.dir)
        .env("TALLY_STORE", w.store())
        .env("TALLY_PROGRESS_DELAY_MS", "0")
        .env("COLUMNS", "120")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env_remove("LANG")
        .output()
        .expect("script (util-linux) runs tally on a pseudo-terminal");
    let code = out.status.code().unwrap_or(-1);
    (code, String::from_utf8_lossy(&out.stdout).into_owned())
}

#[cfg(unix)]
fn on_a_terminal(w: &Workdir, args: &[&str]) -> String {
    let (code, screen) = terminal(w, args);
    assert_eq!(code, 0, "{screen}");
    screen
}

#[cfg(unix)]
#[test]
fn waiting_for_the_lock_is_said_on_a_terminal_only() {
    let w = Workdir::new().with_reference();
    w.write("a.csv", roll(0, 3));
    let lock = w.hold_lock();
    let mut args = vec!["--wait", "1", "ingest", "a.csv"];
    args.extend_from_slice(&YOUTH);
    let (code, screen) = terminal(&w, &args);
    assert_eq!(code, 75, "{screen}");
    assert!(
        screen.contains("waiting for another tally process to finish with the store (up to 1 s"),
        "{screen}"
    );
    let run = w.tally(&args).expect(75);
    assert!(!run.stderr.contains("waiting for"), "{}", run.stderr);
    drop(lock);
}

#[cfg(unix)]
#[test]
fn a_progress_bar_is_drawn_on_a_terminal_and_never_in_a_pipe() {
    let w = Workdir::new().with_reference();
    w.write("big.csv", roll(0, 20_000));
    let mut args = vec!["ingest", "big.csv"];
    args.extend_from_slice(&YOUTH);
    let screen = on_a_terminal(&w, &args);
    assert!(screen.contains("big.csv"), "{screen}");
    assert!(screen.contains("rows/s"), "{screen}");
    assert!(screen.contains(" rows,"), "{screen}");

    // In a pipe (how the tests run tally), nothing of the kind.
    let w = Workdir::new().with_reference();
    w.write("big.csv", roll(0, 20_000));
    let run = ingest(&w, &["big.csv"], &[]).expect(0);
    assert!(!run.stderr.contains("rows/s"), "{}", run.stderr);
    assert!(!run.stderr.contains('\r'), "{}", run.stderr);
    // --quiet on a terminal: no bar either.
    let w = Workdir::new().with_reference();
    w.write("big.csv", roll(0, 20_000));
    let mut args = vec!["-q", "ingest", "big.csv"];
    args.extend_from_slice(&YOUTH);
    let screen = on_a_terminal(&w, &args);
    assert!(!screen.contains("rows/s"), "{screen}");
}
