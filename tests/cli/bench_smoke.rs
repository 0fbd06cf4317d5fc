//! The benchmark's path at a small size, in the normal suite: the generator's province
//! (20,000 members) ingests whole, reports, and re-runs identically. The timed runs are
//! bench/run.sh, never here.

use crate::workdir::Workdir;
use std::path::PathBuf;
use std::process::Command;

fn synth() -> PathBuf {
    // `cargo test` builds the examples next to the binaries.
    let tally = PathBuf::from(env!("CARGO_BIN_EXE_tally"));
    let dir = tally.parent().expect("target dir");
    let path = dir
        .join("examples")
        .join(format!("synth{}", std::env::consts::EXE_SUFFIX));
    assert!(
        path.exists(),
        "{} missing: run the suite with `cargo test`, which builds the examples",
        path.display()
    );
    path
}

/// A generated province of `members` roll rows, ingested whole; its CSV files, sorted.
pub(crate) fn generated_province(w: &Workdir, members: u32, seed: u32) -> Vec<String> {
    generated_months(w, members, seed, 1)
}

/// [`generated_province`] with each roll as `months` monthly snapshots to October 2026.
pub(crate) fn generated_months(w: &Workdir, members: u32, seed: u32, months: u32) -> Vec<String> {
    let data = w.dir.join("data");
    let ok = Command::new(synth())
        .args([
            "--members",
            &members.to_string(),
            "--seed",
            &seed.to_string(),
            "--months",
            &months.to_string(),
            "--out",
        ])
        .arg(&data)
        .status()
        .expect("run synth");
    assert!(ok.success());
    let mut files: Vec<String> = std::fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    files.sort();
    let mut args = vec!["ingest"];
    args.extend(files.iter().map(String::as_str));
    w.tally(&args).expect(0);
    files
}

#[test]
fn a_generated_province_ingests_and_reports_end_to_end() {
    let w = Workdir::new();
    let files = generated_province(&w, 20_000, 3);

    // Every roll row is stored: the generator writes `--members` valid rows in all.
    let csv_bytes: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).unwrap().len())
        .sum();
    let status = w.status_json();
    let stored: u64 = status["ingests"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["kind"] == "roll")
        .map(|i| i["rows"].as_u64().unwrap())
        .sum();
    assert_eq!(stored, 20_000);

    // The store is far smaller than the CSV it came from.
    let store_bytes: u64 = w
        .store_files()
        .iter()
        .map(|p| std::fs::metadata(p).unwrap().len())
        .sum();
    assert!(
        store_bytes * 2 < csv_bytes,
        "store {store_bytes} vs CSV {csv_bytes}"
    );

    // Each org's members at the period's end are at most its stored rows, and some.
    let report = w
        .tally(&["report", "--period", "2026-10", "--format", "csv"])
        .expect(0)
        .stdout;
    let mut rdr = csv::Reader::from_reader(report.as_bytes());
    let headers = rdr.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (org_c, group_c, members_c) = (col("org"), col("group"), col("members"));
    let mut orgs = 0;
    for rec in rdr.records() {
        let rec = rec.unwrap();
        if &rec[group_c] != "all" {
            continue;
        }
        let members: u64 = rec[members_c].parse().unwrap();
        let rows = status["ingests"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["kind"] == "roll" && i["org"] == rec[org_c])
            .map(|i| i["rows"].as_u64().unwrap())
            .sum::<u64>();
        assert!(
            members > 0 && members <= rows,
            "{}: {members} of {rows}",
            &rec[org_c]
        );
        orgs += 1;
    }
    assert_eq!(orgs, 5, "{report}");

    // Again: nothing new is stored, and the report is byte-identical.
    let mut args = vec!["ingest"];
    args.extend(files.iter().map(String::as_str));
    let run = w.tally(&args).expect(0);
    assert!(run.stdout.contains("already"), "{}", run.stdout);
    let again = w
        .tally(&["report", "--period", "2026-10", "--format", "csv"])
        .expect(0)
        .stdout;
    assert_eq!(again, report);
}
