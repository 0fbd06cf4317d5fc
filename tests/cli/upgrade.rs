//! Store upgrades, on stores written by earlier tallies (`tests/data/store-format1`,
//! `store-format2` and `store-format3`, kept as those tallies wrote them): read as they are, upgraded by
//! the first writer with one note, killed at each step of the upgrade, and always the
//! same report.

use crate::workdir::{fixture, Workdir};
use std::path::Path;

/// A work directory holding the quick start's targets file, which the fixture store
/// already holds: ingesting it again changes nothing but the format.
fn sample_targets() -> Workdir {
    let w = Workdir::new();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data-samples/targets.csv"),
        w.dir.join("targets.csv"),
    )
    .unwrap();
    w
}

/// The store format this tally writes.
const TODAY: u64 = 4;

/// The stores of earlier formats the tests start from.
const OLD: [u64; 3] = [1, 2, 3];

/// The fixture store of `format` copied into `w` as its store, owner-only as tally
/// keeps it.
pub(crate) fn old_store(w: &Workdir, format: u64) {
    copy_dir(&fixture(&format!("store-format{format}")), &w.store());
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &dest);
        } else if e.file_name() == "README.md" {
            continue;
        } else {
            std::fs::copy(e.path(), &dest).unwrap();
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = if dest.is_dir() { 0o700 } else { 0o600 };
            std::fs::set_permissions(&dest, std::fs::Permissions::from_mode(mode)).unwrap();
        }
    }
}

fn format_of(w: &Workdir) -> u64 {
    let m: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(w.store().join("manifest.json")).unwrap())
            .unwrap();
    m["format"].as_u64().unwrap()
}

/// The report of the store in `w` is the old tally's (which wrote format `from`), and
/// it verifies.
fn reads_as_before(w: &Workdir, from: u64, when: &str) {
    reports_as_before(w, from, when);
    w.tally(&["verify"]).expect(0);
}

/// The report of the store in `w` is the old tally's; verify finds nothing wrong but
/// the files a killed writer left that the manifest does not name (removed by the
/// next writer).
fn reports_as_before(w: &Workdir, from: u64, when: &str) {
    let expected =
        std::fs::read_to_string(fixture(&format!("store-format{from}-report.csv"))).unwrap();
    let run = w.tally(&["report", "--format", "csv"]).expect(0);
    assert_eq!(run.stdout, expected, "{when}: the report changed");
    let v = w.tally(&["verify"]);
    let store = w.store().display().to_string();
    let problems: Vec<&str> = v
        .stdout
        .lines()
        .skip(1)
        .filter(|l| l.starts_with(&store))
        .collect();
    assert!(
        problems.iter().all(
            |p| p.contains("a part staged by an ingest that did not finish")
                || p.contains("a part the manifest does not name")
        ),
        "{when}: {}",
        v.stdout
    );
}

/// Every file under the store's rolls/ and reference/ (leftovers included).
fn parts(w: &Workdir) -> Vec<String> {
    fn walk(d: &Path, root: &Path, out: &mut Vec<String>) {
        let Ok(rd) = std::fs::read_dir(d) else { return };
        for e in rd.flatten() {
            if e.path().is_dir() {
                walk(&e.path(), root, out);
            } else {
                out.push(e.path().strip_prefix(root).unwrap().display().to_string());
            }
        }
    }
    let mut out = Vec::new();
    for sub in ["rolls", "reference"] {
        walk(&w.store().join(sub), &w.store(), &mut out);
    }
    out.sort();
    out
}

/// An old store reads, reports and verifies as it is, and readers leave it as it is.
#[test]
fn an_old_store_reads_without_an_upgrade() {
    for from in OLD {
        let w = Workdir::new();
        old_store(&w, from);
        reads_as_before(&w, from, "before any writer");
        w.tally(&["status"]).expect(0);
        // A dry run is no writer: nothing changes, not even the format.
        w.tally(&[
            "ingest",
            "--dry-run",
            &fixture("targets.csv").display().to_string(),
        ])
        .expect(0);
        assert_eq!(format_of(&w), from);
    }
}

/// The first writer upgrades the store (saying so once), and the store then verifies
/// and reports as before; the old parts are gone.
#[test]
fn the_first_writer_upgrades_the_store_once() {
    for from in OLD {
        let w = sample_targets();
        old_store(&w, from);
        let before = parts(&w);
        let run = w.tally(&["ingest", "targets.csv"]).expect(0);
        assert!(
            run.stderr.contains(&format!(
                "from format {from} to format {TODAY} (6 part(s) rewritten)"
            )),
            "{}",
            run.stderr
        );
        assert_eq!(format_of(&w), TODAY);
        reads_as_before(&w, from, "after the upgrade");
        let after = parts(&w);
        let rolls: Vec<&String> = after.iter().filter(|p| p.starts_with("rolls")).collect();
        assert_eq!(rolls.len(), 6, "{after:?}");
        assert!(
            rolls
                .iter()
                .all(|p| p.ends_with(&format!(".f{TODAY}.parquet"))),
            "{after:?}"
        );
        assert!(before
            .iter()
            .filter(|p| p.starts_with("rolls"))
            .all(|p| !after.contains(p)));
        // Every part has the reason column, empty: an older tally never kept it.
        for p in &rolls {
            use polars::prelude::*;
            let file = std::fs::File::open(w.store().join(p)).unwrap();
            let df = ParquetReader::new(file).finish().unwrap();
            let reason = df.column("left_reason").unwrap();
            assert_eq!(reason.null_count(), df.height(), "{p}");
        }
        // Said once: the next writer finds nothing to upgrade.
        let again = w.tally(&["ingest", "targets.csv"]).expect(0);
        assert!(
            !again.stderr.contains("upgraded the store"),
            "{}",
            again.stderr
        );
    }
}

/// Killed at each step of the upgrade, the store is the old one or the new one, each
/// reading and verifying as before; the next writer finishes the upgrade and leaves no
/// part the manifest does not name.
#[test]
fn an_upgrade_killed_at_any_step_leaves_a_whole_store() {
    for from in OLD {
        for (point, upgraded) in [
            ("upgrade-part-staged", false),
            ("before-rename", false),
            ("before-manifest", false),
            ("after-manifest", true),
            ("upgrade-committed", true),
        ] {
            killed_at(from, point, if upgraded { TODAY } else { from });
        }
    }
}

/// The store of `from` killed at `point` of its upgrade: of format `after` then, and
/// whole; upgraded whole by the next writer.
fn killed_at(from: u64, point: &str, after: u64) {
    let w = sample_targets();
    old_store(&w, from);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tally"))
        .current_dir(&w.dir)
        .env("TALLY_STORE", w.store())
        .env("TALLY_FAULT", point)
        .env_remove("LC_ALL")
        .env_remove("LANG")
        .args(["ingest", "targets.csv"])
        .output()
        .unwrap();
    assert!(
        !out.status.success(),
        "{point}: the fault point did not fire"
    );
    assert_eq!(format_of(&w), after, "{from} {point}");
    reports_as_before(&w, from, point);
    w.tally(&["ingest", "targets.csv"]).expect(0);
    assert_eq!(format_of(&w), TODAY, "{from} {point}");
    // Only a commit deletes what the killed writer left (the rerun above stores
    // nothing once the upgrade was committed): the targets dropped and stored again.
    let status = w.status_json();
    let targets = status["ingests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == "targets")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    w.tally(&["drop", &targets]).expect(0);
    w.tally(&["ingest", "targets.csv"]).expect(0);
    reads_as_before(&w, from, &format!("{from} {point}, then upgraded"));
    let m: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(w.store().join("manifest.json")).unwrap())
            .unwrap();
    let mut named: Vec<String> = m["ingests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            i["part"]
                .as_str()
                .unwrap()
                .replace('/', std::path::MAIN_SEPARATOR_STR)
        })
        .collect();
    named.sort();
    named.dedup();
    assert_eq!(parts(&w), named, "{from} {point}: leftovers");
}
