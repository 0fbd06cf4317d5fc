//! `tally backup DEST`: a copy that reports the same, verified, owner-only, without the
//! secret unless asked; never half-made, never into a directory with other files.

use crate::workdir::Workdir;

fn report(w: &Workdir, store: &str) -> String {
    w.tally(&[
        "--store", store, "report", "--period", "2026-10", "--format", "csv",
    ])
    .expect(0)
    .stdout
}

/// A one-row women's roll ingested into the copy.
fn ingest_into_copy(w: &Workdir) -> crate::workdir::Run {
    w.write("d.csv", "Họ và tên,Mã xã\nA Văn B,02647\n");
    w.tally(&[
        "--store",
        "copy",
        "ingest",
        "d.csv",
        "--org",
        "women",
        "--as-of",
        "31/10/2026",
    ])
}

#[test]
fn a_backup_reports_the_same_and_takes_no_ingest_without_its_secret() {
    let w = Workdir::new().with_youth_roll();
    let run = w.tally(&["backup", "copy"]).expect(0);
    assert!(
        run.stdout.starts_with("backed up 5 part(s), "),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("the copy has no secret"),
        "{}",
        run.stdout
    );
    let store = w.store().display().to_string();
    assert_eq!(report(&w, "copy"), report(&w, &store));
    assert!(!w.dir.join("copy/secret").exists());
    // Sound, with the missing secret said.
    let run = w
        .tally(&["--store", "copy", "verify", "--format", "json"])
        .expect(0);
    let j: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(j["secret"], "missing");
    // An ingest into it is refused, saying why.
    let run = ingest_into_copy(&w);
    assert_ne!(run.code, 0);
    assert!(run.stderr.contains("is missing"), "{}", run.stderr);
    assert!(
        run.stderr.contains("restore the secret file"),
        "{}",
        run.stderr
    );
    // Putting the secret back makes it whole.
    std::fs::copy(w.store().join("secret"), w.dir.join("copy/secret")).unwrap();
    ingest_into_copy(&w).expect(0);
}

#[test]
fn with_secret_the_copy_takes_ingests_and_stays_private() {
    let w = Workdir::new().with_youth_roll();
    w.tally(&["backup", "copy", "--with-secret"]).expect(0);
    let run = w
        .tally(&["--store", "copy", "verify", "--format", "json"])
        .expect(0);
    let j: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(j["secret"], "ok");
    ingest_into_copy(&w).expect(0);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for p in ["copy", "copy/secret", "copy/manifest.json", "copy/rolls"] {
            let mode = std::fs::metadata(w.dir.join(p))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o077, 0, "{p}: {mode:o}");
        }
    }
}

#[test]
fn a_backup_never_mixes_with_other_files_nor_copies_damage() {
    let w = Workdir::new().with_youth_roll();
    std::fs::create_dir(w.dir.join("full")).unwrap();
    w.write("full/notes.txt", "mine");
    let run = w.tally(&["backup", "full"]).expect(2);
    assert!(
        run.stderr.contains("already exists and is not empty"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read_dir(w.dir.join("full")).unwrap().count(), 1);
    // An empty directory is fine.
    std::fs::create_dir(w.dir.join("empty")).unwrap();
    w.tally(&["backup", "empty"]).expect(0);
    // A damaged part stops the backup, and nothing is left behind.
    let part = w.roll_record()["part"].as_str().unwrap().to_string();
    let path = w.store().join(part);
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[10] ^= 1;
    std::fs::write(&path, bytes).unwrap();
    let run = w.tally(&["backup", "bad"]);
    assert_ne!(run.code, 0);
    assert!(
        run.stderr.contains("does not match its checksum"),
        "{}",
        run.stderr
    );
    assert!(!w.dir.join("bad").exists());
    let left: Vec<_> = std::fs::read_dir(&w.dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("partial"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_backup_waits_for_a_writer() {
    let w = Workdir::new().with_youth_roll();
    let lock = w.hold_lock();
    let run = w.tally(&["--wait", "0", "backup", "copy"]).expect(75);
    assert!(
        run.stderr.contains("another tally process"),
        "{}",
        run.stderr
    );
    assert!(!w.dir.join("copy").exists());
    drop(lock);
    w.tally(&["--wait", "0", "backup", "copy"]).expect(0);
}

/// Names beside the backups that a backup at work leaves (`.NAME.partial-PID` and its
/// lock).
fn partials(dir: &std::path::Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".partial-"))
        .collect();
    out.sort();
    out
}

/// A backup killed once its copy is built (a real process, aborted at a fault point)
/// leaves `.NAME.partial-PID`; the next backup beside it removes it, whatever it is
/// named, and a backup at work is never touched.
#[test]
fn a_killed_backup_leaves_nothing_after_the_next_one() {
    let w = Workdir::new().with_youth_roll();
    std::fs::create_dir(w.dir.join("usb")).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tally"))
        .current_dir(&w.dir)
        .env("TALLY_STORE", w.store())
        .env("TALLY_FAULT", "backup-copied")
        .args(["backup", "usb/2026-11"])
        .output()
        .unwrap();
    assert!(!out.status.success(), "the fault point did not fire");
    let left = partials(&w.dir.join("usb"));
    assert_eq!(left.len(), 2, "the copy and its lock: {left:?}");
    assert!(!w.dir.join("usb/2026-11").exists());
    // One that looks like a backup at work, whose lock a live process holds.
    std::fs::create_dir(w.dir.join("usb/.other.partial-1")).unwrap();
    let held = std::fs::File::create(w.dir.join("usb/.other.partial-1.lock")).unwrap();
    held.lock().unwrap();
    w.tally(&["backup", "usb/2026-12"]).expect(0);
    assert_eq!(
        partials(&w.dir.join("usb")),
        [".other.partial-1", ".other.partial-1.lock"]
    );
    drop(held);
    w.tally(&["backup", "usb/2026-11"]).expect(0);
    assert!(partials(&w.dir.join("usb")).is_empty());
}
