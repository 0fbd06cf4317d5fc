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
