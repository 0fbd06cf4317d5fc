//! The `--rejects` file against kills and reruns: it is in place before the commit,
//! the spool of rejected rows (names, ID numbers) never outlives its command, and a
//! rerun of files already ingested leaves the last rejects file as it was.

use crate::workdir::Workdir;
use std::process::Command;

/// A youth roll of `good` rows in commune 02647 and `bad` rows in a commune that does
/// not exist.
fn roll(good: usize, bad: usize) -> String {
    let mut s = String::from("Họ và tên,Số CCCD,Mã xã\n");
    for i in 0..good {
        s.push_str(&format!("Người Tốt {i},0102{i:08},02647\n"));
    }
    for i in 0..bad {
        s.push_str(&format!("Người Lạc {i},0103{i:08},99999\n"));
    }
    s
}

const ARGS: [&str; 9] = [
    "ingest",
    "roll.csv",
    "--org",
    "youth",
    "--as-of",
    "31/10/2026",
    "--skip-invalid",
    "--rejects",
    "rejects.csv",
];

/// The spools of rejected rows in the store's `tmp/`.
fn spools(w: &Workdir) -> Vec<String> {
    std::fs::read_dir(w.store().join("tmp"))
        .into_iter()
        .flatten()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".spool"))
        .collect()
}

/// Runs the ingest to the fault point `point`, where it aborts (a debug build).
fn killed_at(w: &Workdir, point: &str) {
    let out = Command::new(env!("CARGO_BIN_EXE_tally"))
        .current_dir(&w.dir)
        .env("TALLY_STORE", w.store())
        .env("TALLY_FAULT", point)
        .args(ARGS)
        .output()
        .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(out.status.signal(), Some(6), "{point}: {out:?}");
    }
    assert!(
        !out.status.success(),
        "{point}: the fault point did not fire"
    );
}

#[test]
fn the_rejects_file_is_in_place_before_the_commit() {
    for point in ["rejects-written", "before-manifest", "after-manifest"] {
        let w = Workdir::new().with_reference();
        w.write("roll.csv", roll(20, 3));
        killed_at(&w, point);
        let rejects = w.read("rejects.csv");
        assert_eq!(rejects.lines().count(), 4, "{point}: {rejects}");
        assert!(rejects.contains("Người Lạc 2"), "{point}");
        assert!(spools(&w).is_empty(), "{point}: {:?}", spools(&w));
        let stored = w.snapshot_rows("youth");
        assert_eq!(stored, (point == "after-manifest").then_some(20), "{point}");
    }
}

#[test]
fn a_spool_left_by_a_kill_is_removed_by_the_next_writer() {
    let w = Workdir::new().with_reference();
    w.write("roll.csv", roll(20, 3));
    killed_at(&w, "parsed");
    assert!(!w.dir.join("rejects.csv").exists());
    let left = spools(&w);
    assert_eq!(left.len(), 1, "{left:?}");
    // A writer that changes nothing still removes it as it starts.
    w.tally(&["drop", "0000deadbeef"]).expect(65);
    assert!(spools(&w).is_empty(), "{:?}", spools(&w));
}

/// A real SIGKILL while the rows are spooled: the spool lives in the store's `tmp/`,
/// where the next writer finds it; nothing is left beside the rejects file's place.
#[cfg(unix)]
#[test]
fn a_sigkill_while_rejects_are_spooled_leaves_them_for_the_next_writer_to_remove() {
    use std::process::Stdio;
    let w = Workdir::new().with_reference();
    w.write("roll.csv", roll(10, 400_000));
    let mut child = Command::new(env!("CARGO_BIN_EXE_tally"))
        .current_dir(&w.dir)
        .env("TALLY_STORE", w.store())
        .args(ARGS)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while spools(&w).is_empty() {
        assert!(start.elapsed().as_secs() < 60, "no spool appeared");
        assert!(
            child.try_wait().unwrap().is_none(),
            "the ingest ended first"
        );
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert_eq!(spools(&w).len(), 1);
    let beside: Vec<String> = std::fs::read_dir(&w.dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("rejects"))
        .collect();
    assert!(beside.is_empty(), "{beside:?}");
    w.write("other.csv", roll(2, 0));
    w.tally(&[
        "ingest",
        "other.csv",
        "--org",
        "women",
        "--as-of",
        "31/10/2026",
        "--dry-run",
    ])
    .expect(0);
    assert!(spools(&w).is_empty(), "{:?}", spools(&w));
}

#[test]
fn a_refused_ingest_leaves_no_spool() {
    let w = Workdir::new().with_reference();
    w.write("roll.csv", roll(20, 3));
    let strict: Vec<&str> = ARGS
        .iter()
        .copied()
        .filter(|a| *a != "--skip-invalid")
        .collect();
    w.tally(&strict).expect(65);
    assert!(spools(&w).is_empty(), "{:?}", spools(&w));
}

#[test]
fn a_rerun_of_files_already_ingested_keeps_the_rejects_file() {
    let w = Workdir::new().with_reference();
    w.write("roll.csv", roll(20, 3));
    w.tally(&ARGS).expect(0);
    let first = w.read("rejects.csv");
    assert_eq!(first.lines().count(), 4);
    let run = w.tally(&ARGS).expect(0);
    assert!(run.stdout.contains("already ingested"), "{}", run.stdout);
    assert!(
        run.stderr
            .contains("no file was read again, so rejects.csv was left as it was"),
        "{}",
        run.stderr
    );
    assert_eq!(w.read("rejects.csv"), first);
    assert!(spools(&w).is_empty());
}

/// The rejects file as Excel opens it: a byte-order mark first, the headers in the
/// reader's language, and each rejected row's own cells beside its reason.
#[test]
fn the_rejects_file_opens_in_excel_with_the_row_s_own_cells() {
    let w = Workdir::new().with_reference();
    w.write(
        "hoi-vien.csv",
        "DANH SÁCH HỘI VIÊN;;;\nChi hội 2 - tháng 10/2026;;;\nSTT;Họ và tên;Số CCCD;Mã xã\n\
         1;Nông Thị Mai;010190765432;02647\n2;Lò Thị Hằng;010190765433;99999\n",
    );
    let ingest = |lang: &str, file: &str, extra: &[&str]| {
        let mut args = vec![
            "ingest",
            "hoi-vien.csv",
            "--org",
            "women",
            "--as-of",
            "31/10/2026",
            "--skip-invalid",
            "--dry-run",
            "--rejects",
            file,
            "--lang",
            lang,
        ];
        args.extend_from_slice(extra);
        w.tally(&args).expect(0);
        std::fs::read(w.dir.join(file)).unwrap()
    };
    let vi = ingest("vi", "loai.csv", &[]);
    let text = std::str::from_utf8(&vi).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "\u{feff}tệp,trang tính,dòng,cột,giá trị,lý do,gợi ý,STT,Họ và tên,Số CCCD,Mã xã"
    );
    let row = lines.next().unwrap();
    assert!(row.starts_with("hoi-vien.csv,,5,Mã xã,99999,"), "{row}");
    assert!(row.ends_with(",2,Lò Thị Hằng,010190765433,99999"), "{row}");
    assert_eq!(lines.next(), None);
    // English headers in English; no mark with --no-bom; --bom, from older scripts,
    // changes nothing.
    let en = ingest("en", "r.csv", &["--no-bom"]);
    assert!(en.starts_with(b"file,sheet,line,column,value,reason,hint,STT,"));
    let old = ingest("en", "r2.csv", &["--bom"]);
    assert!(old.starts_with(b"\xEF\xBB\xBFfile,sheet,line,"));
}

/// `-q` says no summary; a refused ingest's error still names its first rejected row
/// (a cron job's mail said "1 row(s) rejected" and nothing of why).
#[test]
fn a_quiet_refusal_names_its_first_rejected_row() {
    let w = Workdir::new().with_reference();
    w.write(
        "bad.csv",
        "Họ và tên,Mã xã,Ngày vào Đoàn\nAn Văn A,02647,xx/yy\n",
    );
    let run = w
        .tally(&[
            "-q",
            "ingest",
            "bad.csv",
            "--org",
            "youth",
            "--as-of",
            "31/10/2026",
        ])
        .expect(65);
    assert!(
        run.stderr
            .contains("1 row(s) rejected; nothing was stored. The first: ")
            && run.stderr.contains("\"xx/yy\""),
        "{}",
        run.stderr
    );
}
