//! The secret kept apart from the store (`--secret FILE`, `TALLY_SECRET`), and a store
//! written by a newer tally refused with the version it needs.

use crate::workdir::Workdir;

const YOUTH: [&str; 5] = [
    "roll_youth_clean.csv",
    "--org",
    "youth",
    "--as-of",
    "31/10/2026",
];

fn ingest(w: &Workdir, pre: &[&str]) -> crate::workdir::Run {
    let mut args: Vec<&str> = pre.to_vec();
    args.push("ingest");
    args.extend_from_slice(&YOUTH);
    w.tally(&args)
}

const MORE: [&str; 6] = [
    "ingest",
    "more.csv",
    "--org",
    "women",
    "--as-of",
    "31/10/2026",
];

/// A one-row women's roll, with options before the command.
fn more(w: &Workdir, pre: &[&str]) -> crate::workdir::Run {
    let mut args: Vec<&str> = pre.to_vec();
    args.extend(MORE);
    w.tally(&args)
}

#[test]
fn a_secret_kept_apart_is_created_there_and_needed_for_ingests() {
    let w = Workdir::new().with(&["roll_youth_clean.csv"]);
    std::fs::create_dir(w.dir.join("usb")).unwrap();
    ingest(&w, &["--secret", "usb/key"]).expect(0);
    assert!(w.dir.join("usb/key").exists(), "created where asked");
    assert!(!w.store().join("secret").exists(), "not in the store");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(w.dir.join("usb/key"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "{mode:o}");
    }
    // Reports need no secret.
    w.tally(&["report", "--period", "2026-10", "--format", "csv"])
        .expect(0);
    // Without it an ingest is refused, saying why; no new secret is made in the store.
    w.write("more.csv", "Họ và tên,Mã xã\nA Văn B,02647\n");
    let run = more(&w, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("is missing"), "{}", run.stderr);
    assert!(!w.store().join("secret").exists());
    // With another key, refused too.
    std::fs::write(w.dir.join("other"), [9u8; 32]).unwrap();
    let run = more(&w, &["--secret", "other"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("is not the one this store was written with"),
        "{}",
        run.stderr
    );
    // TALLY_SECRET names it as well as --secret; verify checks that key.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tally"))
        .current_dir(&w.dir)
        .env("TALLY_STORE", w.store())
        .env("TALLY_SECRET", w.dir.join("usb/key"))
        .args(MORE)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let run = w
        .tally(&["--secret", "usb/key", "verify", "--format", "json"])
        .expect(0);
    assert!(run.stdout.contains("\"secret\": \"ok\""), "{}", run.stdout);
}

#[test]
fn a_store_of_a_newer_format_is_refused_naming_the_version_and_left_alone() {
    let w = Workdir::new().with_youth_roll();
    let mut m: serde_json::Value = serde_json::from_str(&w.manifest()).unwrap();
    assert_eq!(
        m["written_by"],
        format!("tally {}", env!("CARGO_PKG_VERSION"))
    );
    m["format"] = serde_json::json!(5);
    m["written_by"] = serde_json::json!("tally 0.3.0");
    // A newer layout may change what fields mean.
    m["ingests"] = serde_json::json!({"parts": "elsewhere"});
    let text = serde_json::to_string_pretty(&m).unwrap();
    std::fs::write(w.store().join("manifest.json"), &text).unwrap();
    for args in [
        vec!["status"],
        vec!["report", "--period", "2026-10"],
        vec!["verify"],
    ] {
        let run = w.tally(&args).expect(1);
        assert!(
            run.stderr
                .contains("has format 5, written by tally 0.3.0; this tally"),
            "{args:?}: {}",
            run.stderr
        );
        assert!(
            run.stderr.contains("use tally 0.3.0 or newer"),
            "{}",
            run.stderr
        );
    }
    let run = ingest(&w, &[]).expect(1);
    assert!(run.stderr.contains("has format 5"), "{}", run.stderr);
    assert_eq!(w.manifest(), text, "the newer store is left unchanged");
}
