//! What the README promises and nothing else tested: each against numbers worked out by
//! hand from the fixtures. The youth roll (tests/data/metrics_youth.csv) has, active on
//! 31/10/2026: 02647 three (A, and B and C recruited in October), 02680 one (E; D left
//! on the 31st), 02683 none (F departed without a date, G left on 10/10), 02686 none (H
//! left on 20/10), 90001 one (I). Eligible youth: 02647 100, 02680 80, 02683 60, 02686
//! 40; 90001 has no count.

use crate::workdir::{fixture, Workdir};
use std::process::Command;

fn youth(w: &Workdir) {
    w.write(
        "youth.csv",
        std::fs::read(fixture("metrics_youth.csv")).unwrap(),
    );
    w.tally(&[
        "ingest",
        "youth.csv",
        "--org",
        "youth",
        "--as-of",
        "31/10/2026",
    ])
    .expect(0);
}

/// The reference, the youth roll, and these targets.
fn youth_with_targets(targets: &str) -> Workdir {
    let w = Workdir::new().with_reference();
    youth(&w);
    w.write(
        "targets.csv",
        format!("org,year,scope,target_pct\n{targets}"),
    );
    w.tally(&["ingest", "targets.csv"]).expect(0);
    w
}

fn csv(text: &str) -> Vec<Vec<String>> {
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    rdr.records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// (group, target_pct, gap_pp) of each row of a dimension.
fn targets_of(rows: &[Vec<String>], dim: &str) -> Vec<(String, String, String)> {
    rows.iter()
        .filter(|r| r[2] == dim)
        .map(|r| (r[3].clone(), r[11].clone(), r[12].clone()))
        .collect()
}

#[test]
fn a_unit_row_takes_its_own_target_else_its_ancestors_else_the_whole_store() {
    // The province (15) has a target; 02647 its own; rural areas theirs; `*` the rest.
    let w = youth_with_targets(
        "youth,2026,*,70\nyouth,2026,15,65\nyouth,2026,02647,80\nyouth,2026,rural=yes,50\n",
    );
    let rows = csv(&w
        .tally(&[
            "report", "--period", "2026-10", "--org", "youth", "--by", "commune", "--by", "rural",
            "--format", "csv",
        ])
        .expect(0)
        .stdout);
    let s = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
    // Coverage 3/100, 1/80, 0/60, 0/40; 90001 has no denominator, so no gap.
    assert_eq!(
        targets_of(&rows, "commune"),
        [
            s("02647", "80.00", "-77.00"),
            s("02680", "65.00", "-63.75"),
            s("02683", "65.00", "-65.00"),
            s("02686", "65.00", "-65.00"),
            s("90001", "65.00", ""),
        ]
    );
    // A classification row takes its DIMENSION=GROUP target, else `*`; the total row is
    // the province's population (the one top unit of the areas) and takes its target.
    // Rural yes: 02680 (E) and 90001 (I) → 2 members, of 80 + 60 + 40 = 180 eligible
    // (90001 has no count): 1.11%; rural no: 02647 → 3 of 100; total 5 of 280: 1.79%.
    assert_eq!(
        targets_of(&rows, "rural"),
        [s("no", "70.00", "-67.00"), s("yes", "50.00", "-48.89")]
    );
    assert_eq!(targets_of(&rows, "total"), [s("all", "65.00", "-63.21")]);
}

/// The rows of a ranked-units table of the terminal report, cells joined by " | ".
fn section(table: &str, title: &str) -> Vec<String> {
    let start = table
        .find(title)
        .unwrap_or_else(|| panic!("no {title}:\n{table}"));
    table[start..]
        .lines()
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter(|l| l.starts_with('│'))
        .skip(1)
        .map(|l| {
            l.split(['│', '┆'])
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect()
}

#[test]
fn units_above_target_are_listed_to_replicate() {
    let w = youth_with_targets("youth,2026,*,70\nyouth,2026,02647,2\n");
    let table = w
        .tally(&["report", "--period", "2026-10", "--org", "youth"])
        .expect(0)
        .stdout;
    let section = |title: &str| section(&table, title);
    // 02647: 3.00% against its own 2.00%: one unit to replicate.
    assert_eq!(
        section("Furthest above target (to replicate)"),
        ["Youth Union | 02647 Phường Lào Cai | 3.00% | 2.00% | +1.00"]
    );
    // The rest against 70%, furthest first (a tie by code); 90001 has no denominator.
    assert_eq!(
        section("Furthest below target (to urge)"),
        [
            "Youth Union | 02683 Xã Bát Xát | 0.00% | 70.00% | -70.00",
            "Youth Union | 02686 Xã A Mú Sung | 0.00% | 70.00% | -70.00",
            "Youth Union | 02680 Xã Hợp Thành | 1.25% | 70.00% | -68.75",
        ]
    );
}

/// A unit exactly at its target is one to replicate, not one to urge.
#[test]
fn a_unit_exactly_at_target_is_listed_to_replicate() {
    let w = youth_with_targets("youth,2026,*,70\nyouth,2026,02647,3\n");
    let table = w
        .tally(&["report", "--period", "2026-10", "--org", "youth"])
        .expect(0)
        .stdout;
    assert_eq!(
        section(&table, "Furthest above target (to replicate)"),
        ["Youth Union | 02647 Phường Lào Cai | 3.00% | 3.00% | 0.00"]
    );
    let urge = section(&table, "Furthest below target (to urge)");
    assert!(urge.iter().all(|r| !r.contains("02647")), "{urge:?}");
    assert_eq!(urge.len(), 3, "{urge:?}");
}

/// An organization with no eligible counts at all, while others have some: every unit
/// with members (02647, 02680 and 90001 in metrics_youth.csv) is said to lack one
/// (missing, not zero).
#[test]
fn an_org_without_any_eligible_count_has_every_unit_noted() {
    let w = Workdir::new().with_reference();
    youth(&w);
    w.write(
        "eligible.csv",
        "area_code,org,year,eligible\n02647,women,2026,100\n",
    );
    // --replace: the file replaces every eligible count held, the youth's included.
    w.tally(&["ingest", "eligible.csv", "--replace"]).expect(0);
    let run = w
        .tally(&[
            "report", "--period", "2026-10", "--org", "youth", "--format", "csv",
        ])
        .expect(0);
    assert!(
        run.stderr.contains(
            "tally: Youth Union: 3 unit(s) with members have no eligible count: 02647 Phường Lào Cai, 02680 Xã Hợp Thành, 90001 Xã Tân Phú"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn members_of_units_the_areas_no_longer_have_are_noted() {
    let w = Workdir::new().with_reference();
    youth(&w);
    // The areas lose 90001, where I is a member.
    let areas: String = std::fs::read_to_string(fixture("areas.csv"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with("90001"))
        .map(|l| format!("{l}\n"))
        .collect();
    w.write("areas2.csv", areas);
    // A version that removes a unit is taken only when asked.
    w.tally(&["ingest", "areas2.csv"]).expect(65);
    w.tally(&["ingest", "areas2.csv", "--replace"]).expect(0);
    let run = w
        .tally(&[
            "report", "--period", "2026-10", "--org", "youth", "--format", "json",
        ])
        .expect(0);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let note = v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["kind"] == "unknown_areas")
        .unwrap_or_else(|| panic!("{}", run.stdout));
    assert_eq!(note["members"], 1);
    assert_eq!(note["codes"], serde_json::json!(["90001"]));
    // I still counts in the total (5 members), and under `unknown` on rural rows.
    let rows = v["rows"].as_array().unwrap();
    let total = rows.iter().find(|r| r["dimension"] == "total").unwrap();
    assert_eq!(total["members"], 5);
    let unknown = rows
        .iter()
        .find(|r| r["dimension"] == "rural" && r["group"] == "unknown")
        .unwrap();
    assert_eq!(unknown["members"], 1);
}

#[test]
fn a_dry_run_of_a_roll_checks_and_stores_nothing() {
    let w = Workdir::new().with_reference();
    w.write(
        "youth.csv",
        std::fs::read(fixture("metrics_youth.csv")).unwrap(),
    );
    let before = w.manifest();
    let run = w
        .tally(&[
            "ingest",
            "youth.csv",
            "--org",
            "youth",
            "--as-of",
            "31/10/2026",
            "--dry-run",
        ])
        .expect(0);
    assert!(
        run.stdout.contains("would store 9 row(s)"),
        "{}",
        run.stdout
    );
    assert_eq!(w.manifest(), before);
    assert_eq!(w.snapshot_rows("youth"), None);
    assert!(!w
        .store_files()
        .iter()
        .any(|f| f.starts_with(w.store().join("rolls"))));
}

#[test]
fn roll_parts_have_the_columns_the_readme_lists() {
    let w = Workdir::new().with_reference();
    youth(&w);
    let part = w
        .store_files()
        .into_iter()
        .find(|f| f.starts_with(w.store().join("rolls")) && f.is_file())
        .unwrap();
    use polars::prelude::{ParquetReader, SerReader};
    let mut reader = ParquetReader::new(std::fs::File::open(part).unwrap());
    let schema = reader.schema().unwrap();
    let names: Vec<String> = schema.iter_names().map(|n| n.to_string()).collect();
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let listed = "org, as_of, person, has_national_id, member_key, name_key, sex,\nbirth_date, birth_year, ethnicity, religion, area_code, area_from, enterprise_id, joined_on,\nleft_on, active, left_reason";
    assert!(
        readme.contains(listed),
        "the README's list of roll columns changed"
    );
    let want: Vec<String> = listed
        .split([',', '\n'])
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    assert_eq!(names, want);
}

/// `--store` wins over TALLY_STORE, which wins over ./tally-data.
#[test]
fn the_store_is_the_option_else_the_variable_else_tally_data_here() {
    let w = Workdir::new();
    w.write("areas.csv", std::fs::read(fixture("areas.csv")).unwrap());
    let run = |args: &[&str], var: Option<&str>| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_tally"));
        c.current_dir(&w.dir).env_remove("TALLY_STORE").args(args);
        if let Some(v) = var {
            c.env("TALLY_STORE", v);
        }
        assert!(c.output().unwrap().status.success(), "{args:?}");
    };
    run(
        &["--store", "opt", "-q", "ingest", "areas.csv"],
        Some("var"),
    );
    assert!(w.dir.join("opt/manifest.json").exists());
    assert!(!w.dir.join("var").exists());
    run(&["-q", "ingest", "areas.csv"], Some("var"));
    assert!(w.dir.join("var/manifest.json").exists());
    assert!(!w.dir.join("tally-data").exists());
    run(&["-q", "ingest", "areas.csv"], None);
    assert!(w.dir.join("tally-data/manifest.json").exists());
}

/// While a writer holds the store, a reader (report, status) and a drop wait `--wait`
/// seconds and then exit 75 with a clear message; once it lets go they run.
#[test]
fn a_busy_store_is_exit_75_for_readers_and_drop_too() {
    let w = Workdir::new().with_reference();
    youth(&w);
    let id = w.status_json()["ingests"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let lock = w.hold_lock();
    for args in [
        vec!["--wait", "0", "report", "--period", "2026-10"],
        vec!["--wait", "0", "status"],
        vec!["--wait", "0", "drop", id.as_str()],
    ] {
        let run = w.tally(&args).expect(75);
        assert!(
            run.stderr.contains("another tally process"),
            "{args:?}: {}",
            run.stderr
        );
        assert!(run.stderr.contains("--wait"), "{args:?}: {}", run.stderr);
    }
    drop(lock);
    w.tally(&["--wait", "0", "status"]).expect(0);
    w.tally(&["--wait", "0", "drop", &id]).expect(0);
}

/// A person twice in one snapshot is rejected: the same member ID, or (without IDs)
/// the same name, birth date and unit; a different birth date is another person.
#[test]
fn duplicates_by_member_id_and_by_name_birth_and_unit_are_rejected() {
    let w = Workdir::new().with_reference();
    w.write(
        "dup.csv",
        "Họ và tên,Mã đoàn viên,Mã xã,Ngày sinh\n\
         An Văn A,DV001,02647,01/01/2000\n\
         Bình Văn B,DV001,02647,02/02/2001\n\
         Cường Văn C,,02680,03/03/2002\n\
         Cường Văn C,,02680,03/03/2002\n\
         Cường Văn C,,02680,04/04/2002\n\
         Cường Văn C,,02683,03/03/2002\n",
    );
    let (v, _) = w.youth_ingest_json("dup.csv", 65);
    let rejected: Vec<(u64, String)> = v["rejected"]["first"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["line"].as_u64().unwrap(),
                p["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        rejected,
        [
            (3, "repeats a person already in this snapshot (same member ID as dup.csv:2)".to_string()),
            (5, "repeats a person already in this snapshot (same name, birth date and area as dup.csv:4)".to_string()),
        ]
    );
    // Lines 6 and 7 (another birth date, another unit) are other persons.
    assert_eq!(v["files"][0]["ingests"][0]["rows"], 4);
}

/// Rejected rows are listed up to 20, then counted; --rejects has them all.
#[test]
fn twenty_rejected_rows_are_shown_then_counted() {
    let w = Workdir::new().with_reference();
    let mut roll = String::from("Họ và tên,Mã xã\n");
    for i in 0..25 {
        roll.push_str(&format!("Người {i},99999\n"));
    }
    w.write("bad.csv", roll);
    let run = w
        .tally(&[
            "ingest",
            "bad.csv",
            "--org",
            "youth",
            "--as-of",
            "31/10/2026",
            "--rejects",
            "rejects.csv",
        ])
        .expect(65);
    let shown = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("tally: rejected: "))
        .count();
    assert_eq!(shown, 20, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("… 25 rejected rows in all (the first 20 shown)"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("bad.csv:21:"), "{}", run.stderr);
    assert!(!run.stderr.contains("bad.csv:22:"), "{}", run.stderr);
    let rejects = csv::Reader::from_path(w.dir.join("rejects.csv"))
        .unwrap()
        .records()
        .count();
    assert_eq!(rejects, 25);
}
