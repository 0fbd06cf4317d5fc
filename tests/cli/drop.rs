use crate::workdir::Workdir;

#[test]
fn drop_removes_one_ingest_and_its_file() {
    let w = Workdir::new().with_youth_roll();
    let s = w.status_json();
    let id = s["snapshots"][0]["ingests"][0]
        .as_str()
        .unwrap()
        .to_string();
    let run = w.tally(&["drop", &id]).expect(0);
    assert!(
        run.stdout.contains(&format!(
            "dropped ingest {id} (5 rows of the Youth Union roll as of 2026-10-31"
        )),
        "{}",
        run.stdout
    );
    assert_eq!(w.snapshot_rows("youth"), None);
    assert!(!w
        .store_files()
        .iter()
        .any(|p| p.to_string_lossy().contains(&id)));
    // Dropped, the same file can come in again.
    w.tally(&[
        "ingest",
        "roll_youth_clean.csv",
        "--org",
        "youth",
        "--as-of",
        "31/10/2026",
    ])
    .expect(0);
    assert_eq!(w.snapshot_rows("youth"), Some(5));
    // `--quiet` says nothing but errors (before, the drop was said).
    let id = w.status_json()["snapshots"][0]["ingests"][0]
        .as_str()
        .unwrap()
        .to_string();
    let run = w.tally(&["-q", "drop", &id]).expect(0);
    assert_eq!(run.stdout, "", "{}", run.stdout);
    assert_eq!(w.snapshot_rows("youth"), None);
}

#[test]
fn drop_of_an_unknown_id_says_how_to_find_ids() {
    let w = Workdir::new().with_reference();
    let run = w.tally(&["drop", "nope"]).expect(65);
    assert!(
        run.stderr.contains("no ingest with ID \"nope\"") && run.stderr.contains("tally status"),
        "{}",
        run.stderr
    );
}
