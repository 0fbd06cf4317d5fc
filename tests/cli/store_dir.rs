//! The store directory: tally deletes only what it wrote, and only when a writer
//! commits; never writes into a folder of other files or a store that lost its
//! manifest; never follows a part path out of the store; reads a read-only store.

use crate::workdir::Workdir;
use std::fs;
use std::path::{Path, PathBuf};

const REFERENCE: [&str; 4] = [
    "areas.csv",
    "enterprises.csv",
    "eligible.csv",
    "targets.csv",
];

/// Every file under `dir` with its bytes.
fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    fn walk(p: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
        for e in fs::read_dir(p).into_iter().flatten().flatten() {
            let path = e.path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                let bytes = fs::read(&path).unwrap_or_default();
                out.push((path, bytes));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, &mut out);
    out.sort();
    out
}

/// A working folder as an analyst keeps one: the reference files under `reference/`
/// and the month's rolls under `rolls/2026/`.
fn working_folder(w: &Workdir, at: &str) {
    for sub in ["reference", "rolls/2026"] {
        fs::create_dir_all(w.dir.join(at).join(sub)).unwrap();
    }
    for f in REFERENCE {
        fs::copy(
            crate::workdir::fixture(f),
            w.dir.join(at).join("reference").join(f),
        )
        .unwrap();
    }
    fs::copy(
        crate::workdir::fixture("roll_youth_clean.csv"),
        w.dir.join(at).join("rolls/2026/doan-vien-t10.csv"),
    )
    .unwrap();
}

const INGEST_FOLDER: [&str; 9] = [
    "--store",
    ".",
    "ingest",
    "reference/*.csv",
    "rolls/2026/*.csv",
    "--org",
    "youth",
    "--as-of",
    "31/10/2026",
];

#[test]
fn a_working_folder_is_no_store_to_write_to_and_keeps_its_files() {
    let w = Workdir::new();
    working_folder(&w, "office");
    let before = files(&w.dir.join("office"));
    for extra in [&[][..], &["--dry-run"]] {
        let mut args = INGEST_FOLDER.to_vec();
        args.extend_from_slice(extra);
        let run = w.tally_in("office", &args).expect(2);
        assert!(
            run.stderr.contains("is not a tally store")
                && run.stderr.contains("rolls/2026/doan-vien-t10.csv")
                && run.stderr.contains("hint: give --store"),
            "{}",
            run.stderr
        );
    }
    // Not a file added (no lock, no secret, no tmp/), not one removed or changed.
    assert_eq!(files(&w.dir.join("office")), before);
    assert!(!w.dir.join("office/lock").exists() && !w.dir.join("office/tmp").exists());
}

#[test]
fn a_writer_deletes_only_its_own_parts_and_only_when_it_commits() {
    let w = Workdir::new().with(&REFERENCE);
    // The store is the working folder: created empty, then the first ingest.
    fs::create_dir(w.dir.join("office")).unwrap();
    let mut first = vec!["--store", "office", "ingest"];
    first.extend(REFERENCE);
    w.tally_in(".", &first).expect(0);
    working_folder(&w, "office");
    // A part an interrupted writer left: named as tally names parts, in no manifest.
    let stale = w
        .dir
        .join("office/rolls/youth/2026-09-30/0123456789ab.parquet");
    fs::create_dir_all(stale.parent().unwrap()).unwrap();
    fs::write(&stale, b"PAR1 left by a killed writer").unwrap();
    let user_files = || {
        files(&w.dir.join("office"))
            .into_iter()
            .filter(|(p, _)| p.extension().is_some_and(|e| e == "csv"))
            .collect::<Vec<_>>()
    };
    let before = user_files();
    assert_eq!(before.len(), 5);

    // Writers that do not commit delete nothing at all.
    let mut dry = INGEST_FOLDER.to_vec();
    dry.push("--dry-run");
    w.tally_in("office", &dry).expect(0);
    fs::copy(
        crate::workdir::fixture("roll_youth_bad.csv"),
        w.dir.join("bad.csv"),
    )
    .unwrap();
    let refused = [
        "--store",
        ".",
        "ingest",
        "../bad.csv",
        "--org",
        "youth",
        "--as-of",
        "31/10/2026",
    ];
    w.tally_in("office", &refused).expect(65);
    w.tally_in("office", &["--store", ".", "drop", "0000deadbeef"])
        .expect(65);
    assert!(
        stale.exists(),
        "a writer that did not commit deleted a part"
    );
    assert_eq!(user_files(), before);

    // The ingest the analyst meant: the files in the folder are read, stored, and kept.
    let run = w.tally_in("office", &INGEST_FOLDER).expect(0);
    assert!(run.stdout.contains("stored 5 row(s)"), "{}", run.stdout);
    assert_eq!(user_files(), before, "the input files survive their ingest");
    assert!(!stale.exists(), "the commit removes the stale part");
    // verify names the user's files as files tally leaves alone, not as damage.
    let run = w.tally_in("office", &["--store", ".", "verify"]).expect(0);
    assert!(
        run.stdout
            .contains("doan-vien-t10.csv: a file tally did not write"),
        "{}",
        run.stdout
    );
    w.tally_in("office", &["--store", ".", "report", "--format", "csv"])
        .expect(0);
    assert_eq!(user_files(), before);
}

#[test]
fn a_store_without_its_manifest_is_refused_with_its_parts_intact() {
    let w = Workdir::new().with_youth_roll();
    fs::remove_file(w.store().join("manifest.json")).unwrap();
    let before = files(&w.store());
    w.write("more.csv", "Họ và tên,Mã xã\nA Văn B,02647\n");
    let ingest = [
        "ingest",
        "more.csv",
        "--org",
        "women",
        "--as-of",
        "31/10/2026",
    ];
    for args in [
        &ingest[..],
        &[
            "ingest",
            "more.csv",
            "--org",
            "women",
            "--as-of",
            "31/10/2026",
            "--dry-run",
        ],
        &["drop", "0000deadbeef"],
        &["report", "--format", "csv"],
        &["status"],
        &["verify"],
        &["backup", "copy"],
    ] {
        let run = w.tally(args).expect(1);
        assert!(
            run.stderr
                .contains("has lost its manifest.json: it holds 5 part(s)")
                && run.stderr.contains("hint: restore the store from a backup"),
            "{args:?}: {}",
            run.stderr
        );
    }
    assert_eq!(files(&w.store()), before, "every part is left as it was");
    assert!(!w.dir.join("copy").exists());
    // Nothing to put back: said, and nothing changed.
    let run = w.tally(&["verify", "--restore-manifest"]).expect(65);
    assert!(
        run.stderr
            .contains("there is no manifest an interrupted commit left"),
        "{}",
        run.stderr
    );
    assert_eq!(files(&w.store()), before);
}

/// The state a crash during the manifest's rename leaves on FAT32 or exFAT: the new
/// manifest written and synced beside, the old one gone.
#[test]
fn a_lost_manifest_is_put_back_from_the_one_a_crash_left() {
    let w = Workdir::new().with_youth_roll();
    w.write("more.csv", "Họ và tên,Mã xã\nA Văn B,02647\n");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tally"))
        .current_dir(&w.dir)
        .env("TALLY_STORE", w.store())
        .env("TALLY_FAULT", "atomic-file-synced")
        .args([
            "ingest",
            "more.csv",
            "--org",
            "women",
            "--as-of",
            "31/10/2026",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success(), "the fault point did not fire");
    let left: Vec<PathBuf> = fs::read_dir(w.store())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".manifest.json.tmp-"))
        .collect();
    assert_eq!(left.len(), 1, "{left:?}");
    fs::remove_file(w.store().join("manifest.json")).unwrap();
    // A second one, half written by an older crash: not a whole manifest.
    let text = fs::read(&left[0]).unwrap();
    fs::write(
        w.store().join(".manifest.json.tmp-1"),
        &text[..text.len() / 2],
    )
    .unwrap();

    let run = w.tally(&["report", "--format", "csv"]).expect(1);
    assert!(
        run.stderr
            .contains("hint: run `tally verify --restore-manifest`"),
        "{}",
        run.stderr
    );
    let run = w.tally(&["verify", "--restore-manifest"]).expect(0);
    assert!(
        run.stderr.contains("restored ") && run.stderr.contains("6 part(s), each checked"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("the store is sound"), "{}", run.stdout);
    assert_eq!(w.snapshot_rows("women"), Some(1));
    // Restored twice: there is nothing to restore.
    w.tally(&["verify", "--restore-manifest"]).expect(2);
    // The next commit clears the half-written one.
    w.write("farmers.csv", "Họ và tên,Mã xã\nC Văn D,02647\n");
    w.tally(&[
        "ingest",
        "farmers.csv",
        "--org",
        "farmers",
        "--as-of",
        "31/10/2026",
    ])
    .expect(0);
    assert!(!w.store().join(".manifest.json.tmp-1").exists());
}

#[test]
fn a_candidate_whose_parts_do_not_check_out_is_not_restored() {
    let w = Workdir::new().with_youth_roll();
    let manifest = w.store().join("manifest.json");
    let orphan = w.store().join(".manifest.json.tmp-4242");
    fs::rename(&manifest, &orphan).unwrap();
    let m: serde_json::Value = serde_json::from_slice(&fs::read(&orphan).unwrap()).unwrap();
    let roll = m["ingests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == "roll");
    let part = w.store().join(roll.unwrap()["part"].as_str().unwrap());
    let mut bytes = fs::read(&part).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0xFF;
    fs::write(&part, &bytes).unwrap();
    let run = w.tally(&["verify", "--restore-manifest"]).expect(65);
    assert!(
        run.stderr.contains(".manifest.json.tmp-4242: ")
            && run.stderr.contains("does not match its checksum"),
        "{}",
        run.stderr
    );
    assert!(!manifest.exists() && orphan.exists());
    // Why each candidate is refused, in Vietnamese: one cut short, one naming a path
    // outside the store (each said in English inside the Vietnamese before).
    let text = String::from_utf8(fs::read(&orphan).unwrap()).unwrap();
    fs::write(
        w.store().join(".manifest.json.tmp-7"),
        &text[..text.len() / 2],
    )
    .unwrap();
    let outside = text.replacen("\"part\": \"rolls/", "\"part\": \"../rolls/", 1);
    assert_ne!(outside, text, "the manifest names a roll part");
    fs::write(w.store().join(".manifest.json.tmp-8"), outside).unwrap();
    let run = w
        .tally(&["--lang", "vi", "verify", "--restore-manifest"])
        .expect(65);
    for want in [
        ".manifest.json.tmp-7: không phải tệp kê khai trọn vẹn: ",
        "mà đường dẫn này không nằm bên trong kho",
        "không khớp",
    ] {
        assert!(run.stderr.contains(want), "{want} in {}", run.stderr);
    }
    for english in ["is not a whole manifest", "not a path inside", "which "] {
        assert!(!run.stderr.contains(english), "{english} in {}", run.stderr);
    }
}

/// A manifest naming each way out of the store, and a victim file at each place.
fn crafted(w: &Workdir, part: &str) {
    let path = w.store().join("manifest.json");
    let mut m: serde_json::Value = serde_json::from_str(&w.manifest()).unwrap();
    for rec in m["ingests"].as_array_mut().unwrap() {
        if rec["kind"] == "roll" {
            rec["part"] = serde_json::Value::from(part);
        }
    }
    fs::write(path, serde_json::to_vec_pretty(&m).unwrap()).unwrap();
}

#[test]
fn a_part_path_out_of_the_store_is_refused_and_the_outside_file_untouched() {
    let w = Workdir::new().with_youth_roll();
    let original = w.manifest();
    // The backup's copy is built in backups/.copy.partial-PID: `../../victim.parquet`
    // from there is the work directory's victim.
    fs::create_dir(w.dir.join("backups")).unwrap();
    let victim = w.write("victim.parquet", "the analyst's own file");
    let absolute = victim.display().to_string();
    for part in [
        absolute.as_str(),
        "../victim.parquet",
        "../../victim.parquet",
        "rolls/youth/2026-10-31/../../../../victim.parquet",
        "rolls/2026/doan-vien.csv",
    ] {
        fs::write(w.store().join("manifest.json"), &original).unwrap();
        crafted(&w, part);
        for args in [
            &["report", "--format", "csv"][..],
            &["status"],
            &["backup", "backups/copy"],
            &[
                "ingest",
                "roll_youth_clean.csv",
                "--org",
                "women",
                "--as-of",
                "31/10/2026",
                "--dry-run",
            ],
        ] {
            let run = w.tally(args).expect(1);
            assert!(
                run.stderr.contains("is damaged: ingest ")
                    && run.stderr.contains(&format!("names the part \"{part}\"")),
                "{part} {args:?}: {}",
                run.stderr
            );
        }
        let run = w.tally(&["verify", "--format", "json"]).expect(65);
        let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        let named = v["findings"].as_array().unwrap().iter().any(|f| {
            f["problem"]
                .as_str()
                .unwrap()
                .contains(&format!("\"{part}\""))
        });
        assert!(named, "{part}: {}", run.stdout);
        assert_eq!(
            fs::read(&victim).unwrap(),
            b"the analyst's own file",
            "{part}"
        );
        assert!(fs::read_dir(w.dir.join("backups"))
            .unwrap()
            .next()
            .is_none());
    }
}

/// Runs tally as the store's owner without the powers that let root write anything:
/// as root (CI), with its capabilities dropped (`setpriv`), so that file modes hold.
#[cfg(target_os = "linux")]
fn tally_as_owner(w: &Workdir, args: &[&str]) -> crate::workdir::Run {
    let probe = w.store().join("rolls");
    let privileged = fs::write(probe.join("probe"), b"").is_ok();
    let _ = fs::remove_file(probe.join("probe"));
    let mut cmd = if privileged {
        let mut c = std::process::Command::new("setpriv");
        c.args(["--inh-caps=-all", "--bounding-set=-all", "--"]);
        c.arg(env!("CARGO_BIN_EXE_tally"));
        c
    } else {
        std::process::Command::new(env!("CARGO_BIN_EXE_tally"))
    };
    let out = cmd
        .current_dir(&w.dir)
        .env("TALLY_STORE", w.store())
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .args(args)
        .output()
        .expect("run tally (setpriv, from util-linux, when run as root)");
    crate::workdir::Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_store_made_read_only_by_its_owner_still_reports() {
    let w = Workdir::new().with_youth_roll();
    let expected = w.tally(&["report", "--format", "csv"]).expect(0).stdout;
    let chmod = |mode: &str| {
        let ok = std::process::Command::new("chmod")
            .args(["-R", mode])
            .arg(w.store())
            .status()
            .unwrap();
        assert!(ok.success());
    };
    chmod("a-w");
    let report = tally_as_owner(&w, &["report", "--format", "csv"]);
    let status = tally_as_owner(&w, &["status"]);
    let verify = tally_as_owner(&w, &["verify"]);
    let ingest = tally_as_owner(
        &w,
        &[
            "ingest",
            "roll_youth_clean.csv",
            "--org",
            "women",
            "--as-of",
            "31/10/2026",
        ],
    );
    chmod("u+w");
    assert_eq!(report.code, 0, "{}", report.stderr);
    assert_eq!(report.stdout, expected);
    assert_eq!(status.code, 0, "{}", status.stderr);
    assert_eq!(verify.code, 0, "{}", verify.stderr);
    // A writer cannot write there, and says so.
    assert_eq!(ingest.code, 74, "{}", ingest.stderr);
    assert!(
        ingest.stderr.contains("Permission denied"),
        "{}",
        ingest.stderr
    );
}
