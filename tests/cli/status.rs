use crate::workdir::Workdir;

#[test]
fn status_json_has_the_spec_shape() {
    let w = Workdir::new().with_youth_roll();
    let s = w.status_json();
    let snap = &s["snapshots"][0];
    assert_eq!(snap["org"], "youth");
    assert_eq!(snap["as_of"], "2026-10-31");
    assert_eq!(snap["rows"], 5);
    assert_eq!(snap["ingests"].as_array().unwrap().len(), 1);
    let ingests = s["ingests"].as_array().unwrap();
    assert_eq!(ingests.len(), 5);
    for i in ingests {
        for key in [
            "id",
            "kind",
            "file",
            "sha256",
            "rows",
            "rejected",
            "ingested_at",
        ] {
            assert!(!i[key].is_null(), "{key} missing in {i}");
        }
        assert_eq!(i["sha256"].as_str().unwrap().len(), 64);
    }
    // Same store, same output.
    let a = w.tally(&["status", "--format", "json"]).expect(0).stdout;
    let b = w.tally(&["status", "--format", "json"]).expect(0).stdout;
    assert_eq!(a, b);
}

#[test]
fn status_of_an_empty_store() {
    let w = Workdir::new();
    let run = w.tally(&["status"]).expect(0);
    assert!(run.stdout.contains("the store is empty"), "{}", run.stdout);
    let s = w.status_json();
    assert_eq!(s["snapshots"].as_array().unwrap().len(), 0);
    assert_eq!(s["reference"]["areas"], 0);
}

/// The store holds ethnicity and religion: status says when someone besides its owner
/// can get at it, and how to fix that.
#[cfg(unix)]
#[test]
fn status_says_when_the_store_is_not_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let w = Workdir::new().with_youth_roll();
    let private = w.status_json();
    assert_eq!(private["permissions"], serde_json::json!([]));
    let table = w.tally(&["status"]).expect(0).stdout;
    assert!(!table.contains("not private"), "{table}");

    // A store copied with a permissive umask, or opened up by hand.
    let chmod = |p: &std::path::Path, mode: u32| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap()
    };
    let part = w
        .store_files()
        .into_iter()
        .find(|p| p.starts_with(w.store().join("rolls")))
        .unwrap();
    chmod(&w.store(), 0o755);
    chmod(&part, 0o644);
    let s = w.status_json();
    let exposed: Vec<(String, String)> = s["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["path"].as_str().unwrap().to_string(),
                p["problem"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        exposed,
        [
            (
                w.store().display().to_string(),
                "mode 755: group or others have access".to_string()
            ),
            (
                part.display().to_string(),
                "mode 644: group or others have access".to_string()
            ),
        ]
    );
    let table = w.tally(&["status"]).expect(0).stdout;
    assert!(table.contains("not private"), "{table}");
    assert!(table.contains("chmod -R go-rwx"), "{table}");
}

/// On Windows the store gets an access list that lets in the current user alone.
#[cfg(windows)]
#[test]
fn a_new_store_is_owner_only_on_windows() {
    let w = Workdir::new().with_youth_roll();
    assert_eq!(w.status_json()["permissions"], serde_json::json!([]));
}

/// In Vietnamese, status speaks the reader's words: organizations by name in their
/// order, days as 31/10/2026, kinds of file by name, times in local time with the
/// offset; no machine code or ISO date.
#[test]
fn status_in_vietnamese_has_no_machine_words() {
    let w = Workdir::new().with_youth_roll();
    let run = w.tally(&["--lang", "vi", "status"]).expect(0);
    // Lines that name a file of the store are left out: a path is shown as the file
    // system spells it (`rolls/youth/2026-10-31/…`). Only a store that is not private
    // lists them: under wine, which keeps no access list, every store.
    let store = w.store().display().to_string();
    let out = &run
        .stdout
        .lines()
        .filter(|l| !l.contains(&store))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        out.contains("┆ Đoàn Thanh niên ") || out.contains("│ Đoàn Thanh niên "),
        "{out}"
    );
    assert!(out.contains("31/10/2026"), "{out}");
    assert!(out.contains("danh mục địa bàn"), "{out}");
    for machine in [
        "│ youth ",
        "┆ roll ",
        "┆ areas ",
        "2026-10-31",
        "Z │",
        ", sheet ",
    ] {
        assert!(!out.contains(machine), "{machine}: {out}");
    }
}
