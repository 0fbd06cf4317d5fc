//! `tally verify`: a sound store is exit 0; each kind of damage is found, named with its
//! path and fix, and is exit 65; verifying changes nothing.

use crate::workdir::Workdir;
use std::path::{Path, PathBuf};

fn verify_json(w: &Workdir, code: i32) -> serde_json::Value {
    let run = w.tally(&["verify", "--format", "json"]).expect(code);
    serde_json::from_str(&run.stdout).expect("verify json")
}

/// The roll part of the youth snapshot and its ingest ID.
fn roll_part(w: &Workdir) -> (PathBuf, String) {
    let rec = w.roll_record();
    // Joined part by part: tally names it with the system's separators.
    let part = rec["part"].as_str().unwrap().split('/');
    (
        part.fold(w.store(), |p, c| p.join(c)),
        rec["id"].as_str().unwrap().to_string(),
    )
}

/// Every file with its size and modification time.
fn listing(w: &Workdir) -> Vec<(PathBuf, u64, std::time::SystemTime)> {
    let mut out: Vec<_> = w
        .store_files()
        .into_iter()
        .map(|p| {
            let m = std::fs::metadata(&p).unwrap();
            (p, m.len(), m.modified().unwrap())
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_sound_store_is_exit_0_and_verifying_changes_nothing() {
    let w = Workdir::new().with_youth_roll();
    let before = listing(&w);
    let run = w.tally(&["verify"]).expect(0);
    assert!(run.stdout.contains("checked 5 part(s)"), "{}", run.stdout);
    assert!(run.stdout.contains("28 rows; secret ok"), "{}", run.stdout);
    assert!(run.stdout.contains("the store is sound"), "{}", run.stdout);
    let j = verify_json(&w, 0);
    assert_eq!(j["ok"], true);
    assert_eq!(j["parts"], 5);
    assert_eq!(j["secret"], "ok");
    assert_eq!(j["findings"].as_array().unwrap().len(), 0);
    // The rows of every part: 7 areas, 4 enterprises, 7 eligible, 5 targets, 5 members.
    assert_eq!(j["rows"], 28);
    assert_eq!(listing(&w), before, "verify is read-only");
}

#[test]
fn a_changed_byte_a_short_part_and_a_missing_part_are_each_found() {
    let w = Workdir::new().with_youth_roll();
    let (part, id) = roll_part(&w);
    let mut bytes = std::fs::read(&part).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x55;
    std::fs::write(&part, &bytes).unwrap();
    let run = w.tally(&["verify"]).expect(65);
    assert!(
        run.stdout
            .contains(&format!("{}: does not match its checksum", part.display())),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(&format!(
            "fix: remove that ingest with `tally drop {id}` and ingest roll_youth_clean.csv again"
        )),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr.contains("the store has 1 problem(s)"),
        "{}",
        run.stderr
    );

    bytes.truncate(mid);
    std::fs::write(&part, &bytes).unwrap();
    let j = verify_json(&w, 65);
    let f = &j["findings"][0];
    assert_eq!(f["path"], part.display().to_string());
    assert!(
        f["problem"]
            .as_str()
            .unwrap()
            .starts_with(&format!("has {mid} bytes, the manifest says ")),
        "{f}"
    );

    std::fs::remove_file(&part).unwrap();
    let j = verify_json(&w, 65);
    assert_eq!(
        j["findings"][0]["problem"],
        format!("the part of ingest {id} is missing")
    );
    // The fix it names works: drop, and the store is sound again.
    w.tally(&["drop", &id]).expect(0);
    verify_json(&w, 0);
}

#[test]
fn rows_that_disagree_with_the_manifest_are_found() {
    let w = Workdir::new().with_youth_roll();
    let mut m: serde_json::Value = serde_json::from_str(&w.manifest()).unwrap();
    for i in m["ingests"].as_array_mut().unwrap() {
        if i["kind"] == "roll" {
            i["rows"] = serde_json::json!(6);
        }
    }
    std::fs::write(
        w.store().join("manifest.json"),
        serde_json::to_string_pretty(&m).unwrap(),
    )
    .unwrap();
    let j = verify_json(&w, 65);
    assert_eq!(
        j["findings"][0]["problem"],
        "has 5 rows, the manifest says 6"
    );
}

#[test]
fn files_the_manifest_does_not_name_are_found() {
    let w = Workdir::new().with_youth_roll();
    let (part, _) = roll_part(&w);
    // Named as a part, in no manifest; and a file tally did not write, left alone.
    let stray = part.with_file_name("0123456789ab.parquet");
    std::fs::copy(&part, &stray).unwrap();
    let foreign = part.with_file_name("stray.parquet");
    std::fs::copy(&part, &foreign).unwrap();
    std::fs::create_dir_all(w.store().join("tmp")).unwrap();
    let staged = w.store().join("tmp/0-99999.parquet");
    std::fs::write(&staged, b"half").unwrap();
    // Leftovers of writers that did not finish are harmless: notes, exit 0.
    let j = verify_json(&w, 0);
    assert_eq!(j["findings"].as_array().unwrap().len(), 0, "{j}");
    let found: Vec<(String, String)> = j["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["problem"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(found.len(), 3, "{found:?}");
    // Compared as paths: the part's path is written with the system's separators.
    let problem = |p: &Path| {
        found
            .iter()
            .find(|(f, _)| Path::new(f) == p)
            .map(|(_, why)| why.as_str())
            .unwrap_or_else(|| panic!("{} not found: {found:?}", p.display()))
    };
    assert!(
        problem(&stray).starts_with("a part the manifest does not name"),
        "{found:?}"
    );
    assert_eq!(
        problem(&staged),
        "a part staged by an ingest that did not finish"
    );
    assert_eq!(
        problem(&foreign),
        "a file tally did not write, in the store: tally leaves it alone"
    );
    // The next commit clears both parts, and leaves the other file alone.
    w.write("d.csv", "Họ và tên,Mã xã\nA Văn B,02647\n");
    w.tally(&["ingest", "d.csv", "--org", "women", "--as-of", "31/10/2026"])
        .expect(0);
    verify_json(&w, 0);
    assert!(foreign.exists() && !stray.exists() && !staged.exists());
}

#[test]
fn a_missing_or_wrong_secret_is_found() {
    let w = Workdir::new().with_youth_roll();
    let secret = w.store().join("secret");
    let kept = std::fs::read(&secret).unwrap();
    std::fs::remove_file(&secret).unwrap();
    // Missing is said, not damage: a backup kept apart from its key is sound.
    let j = verify_json(&w, 0);
    assert_eq!(j["secret"], "missing");
    assert_eq!(
        j["warnings"][0]["problem"],
        "the store secret is missing: reports still work, ingests are refused"
    );
    assert_eq!(j["findings"].as_array().unwrap().len(), 0);
    // Reports still work without it.
    w.tally(&["report", "--period", "2026-10", "--format", "csv"])
        .expect(0);
    std::fs::write(&secret, [7u8; 32]).unwrap();
    let j = verify_json(&w, 65);
    assert_eq!(j["secret"], "wrong");
    std::fs::write(&secret, kept).unwrap();
    verify_json(&w, 0);
}

#[test]
fn verify_speaks_vietnamese_and_refuses_a_missing_store() {
    let w = Workdir::new().with_youth_roll();
    let (part, _) = roll_part(&w);
    std::fs::write(&part, b"not parquet").unwrap();
    let run = w.tally(&["--lang", "vi", "verify"]).expect(65);
    assert!(
        run.stdout.contains("có 11 byte, tệp kê khai ghi"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("  cách sửa: xóa lần nạp đó bằng `tally drop"),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr.contains("tally: lỗi: kho có 1 lỗi"),
        "{}",
        run.stderr
    );
    let run = w.tally(&["--store", "nowhere", "verify"]).expect(1);
    assert!(
        run.stderr.contains("there is no store at nowhere"),
        "{}",
        run.stderr
    );
    assert!(!w.dir.join("nowhere").exists(), "verify creates nothing");
}

/// A report remembers the parts it checked (`parts-checked`, private, outside what
/// verify reads); a part written over afterwards is checked again by the next report,
/// even with its size and modification time put back: its change time is new.
#[cfg(unix)]
#[test]
fn a_part_written_over_after_a_report_is_checked_again() {
    use std::os::unix::fs::PermissionsExt;
    let w = Workdir::new().with_youth_roll();
    // A part changed in the last two seconds is never remembered (a file system's
    // clock can be that coarse): this report would check it and remember nothing.
    std::thread::sleep(std::time::Duration::from_millis(2100));
    let first = w.tally(&["report", "--format", "csv"]).expect(0);
    let cache = w.store().join("parts-checked");
    let text = std::fs::read_to_string(&cache).unwrap();
    let (part, _) = roll_part(&w);
    let rel = part
        .strip_prefix(w.store())
        .unwrap()
        .to_string_lossy()
        .to_string();
    assert!(
        text.lines().any(|l| l.ends_with(&format!("\t{rel}"))),
        "{text}"
    );
    let mode = std::fs::metadata(&cache).unwrap().permissions().mode();
    assert_eq!(mode & 0o077, 0, "the cache is the owner's alone: {mode:o}");
    // The cache is not damage: verify, which ignores it, finds the store sound.
    verify_json(&w, 0);
    // A second report trusts the cache and says the same.
    assert_eq!(
        w.tally(&["report", "--format", "csv"]).expect(0).stdout,
        first.stdout
    );

    let good = std::fs::read(&part).unwrap();
    let modified = std::fs::metadata(&part).unwrap().modified().unwrap();
    let mut bad = good.clone();
    let mid = bad.len() / 2;
    bad[mid] ^= 0x55;
    std::fs::write(&part, &bad).unwrap();
    let f = std::fs::File::options().write(true).open(&part).unwrap();
    f.set_modified(modified).unwrap();
    drop(f);
    let run = w.tally(&["report", "--format", "csv"]).expect(1);
    assert!(
        run.stderr.contains("does not match its checksum"),
        "{}",
        run.stderr
    );

    // Put right, the part is checked once more and reported again.
    std::fs::write(&part, &good).unwrap();
    assert_eq!(
        w.tally(&["report", "--format", "csv"]).expect(0).stdout,
        first.stdout
    );
}
