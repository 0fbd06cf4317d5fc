//! Every number of the report against hand-computed expectations (tests/data/metrics_*).
//!
//! The youth roll (as of 31/10/2026) has, for the period 2026-10: a member since 2020;
//! one who joined on the period's first day and one on its last; one who left on its
//! last day; one with no joined date; one who left with no left date (active at no
//! date); one who joined in September and left in October; one who joined and left in
//! October; one in a unit without a denominator. Hand-computed results are in
//! metrics_youth_golden.csv and in the comments below.

use crate::workdir::{fixture, Workdir};
use serde_json::json;

fn store_with(rolls: &[(&str, &str, &str)]) -> Workdir {
    let w = Workdir::new().with_reference();
    for (file, org, as_of) in rolls {
        w.write(file, std::fs::read(fixture(file)).unwrap());
        w.tally(&["ingest", file, "--org", org, "--as-of", as_of])
            .expect(0);
    }
    w
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    rdr.records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn row<'a>(rows: &'a [Vec<String>], org: &str, dim: &str, group: &str) -> &'a Vec<String> {
    rows.iter()
        .find(|r| r[1] == org && r[2] == dim && r[3] == group)
        .unwrap_or_else(|| panic!("no row {org} {dim} {group}"))
}

#[test]
fn youth_default_report_matches_the_hand_computed_golden_csv() {
    let w = store_with(&[("metrics_youth.csv", "youth", "31/10/2026")]);
    let run = w
        .tally(&[
            "report", "--period", "2026-10", "--org", "youth", "--format", "csv",
        ])
        .expect(0);
    let golden = std::fs::read_to_string(fixture("metrics_youth_golden.csv")).unwrap();
    assert_eq!(run.stdout, golden);
    // Byte-identical on a second run.
    let again = w
        .tally(&[
            "report", "--period", "2026-10", "--org", "youth", "--format", "csv",
        ])
        .expect(0);
    assert_eq!(again.stdout, run.stdout);
}

#[test]
fn unit_rows_take_the_unit_target_then_the_ancestors_then_star() {
    let w = store_with(&[("metrics_youth.csv", "youth", "31/10/2026")]);
    let out = w
        .tally(&[
            "report", "--period", "2026-10", "--org", "youth", "--by", "commune", "--by",
            "province", "--format", "csv",
        ])
        .expect(0)
        .stdout;
    let rows = csv_rows(&out);
    // 02647: 3 members / 100 eligible; its own target 80.
    assert_eq!(
        row(&rows, "youth", "commune", "02647")[4..13],
        ["3", "1", "2", "0", "100", "3.00", "2.02", "80.00", "-77.00"]
    );
    // 02680: 1 / 80; no unit target, none for its province either: * = 70.
    assert_eq!(
        row(&rows, "youth", "commune", "02680")[9..13],
        ["1.25", "0.00", "70.00", "-68.75"]
    );
    // 90001: members but no denominator: still shown, eligible empty, not zero.
    assert_eq!(
        row(&rows, "youth", "commune", "90001")[4..13],
        ["1", "1", "0", "0", "", "", "", "70.00", ""]
    );
    // The province rolls up every commune: 5 / 280.
    assert_eq!(
        row(&rows, "youth", "province", "15")[4..10],
        ["5", "5", "3", "3", "280", "1.79"]
    );
    // A unit with neither members nor a denominator does not appear.
    assert!(!rows.iter().any(|r| r[3] == "90002"));
}

#[test]
fn quarter_and_year_periods_widen_the_flows_not_the_stock() {
    let w = store_with(&[("metrics_youth.csv", "youth", "31/10/2026")]);
    let rows = csv_rows(
        &w.tally(&[
            "report", "--period", "2026-Q4", "--org", "youth", "--format", "csv",
        ])
        .expect(0)
        .stdout,
    );
    // Q4 = Oct–Dec: the same snapshot; members at 31/12 = 5 (nobody has a later date);
    // members the day before 1/10: 5; recruited in Q4: B, C, H = 3; left: D, G, H = 3.
    assert_eq!(
        row(&rows, "youth", "total", "all")[..9],
        ["2026-Q4", "youth", "total", "all", "5", "5", "3", "3", "280"]
    );
    let rows = csv_rows(
        &w.tally(&[
            "report", "--period", "2026", "--org", "youth", "--format", "csv",
        ])
        .expect(0)
        .stdout,
    );
    // The year: members on 31/12/2025: A, D, E, I (F has a departed status and no date:
    // active at no date) = 4; recruited in 2026: B, C, G, H = 4; left: D, G, H = 3.
    assert_eq!(
        row(&rows, "youth", "total", "all")[4..8],
        ["5", "4", "4", "3"]
    );
    // 100 × 4 / (280 − 4) = 1.449… → 1.45
    assert_eq!(row(&rows, "youth", "total", "all")[10], "1.45");
}

#[test]
fn a_point_in_time_report_is_stock_only() {
    let w = store_with(&[("metrics_youth.csv", "youth", "31/10/2026")]);
    // The snapshot used is the latest as of the date or before: on 15/11 the roll of
    // 31/10, in which A, B, C, E, I are active (D left on 31/10).
    let rows = csv_rows(
        &w.tally(&[
            "report",
            "--as-of",
            "15/11/2026",
            "--org",
            "youth",
            "--format",
            "csv",
        ])
        .expect(0)
        .stdout,
    );
    assert_eq!(
        row(&rows, "youth", "total", "all")[..9],
        [
            "2026-11-15",
            "youth",
            "total",
            "all",
            "5",
            "",
            "",
            "",
            "280"
        ]
    );
    // On 15/10 there is no roll yet: the members are missing, not zero.
    let rows = csv_rows(
        &w.tally(&[
            "report",
            "--as-of",
            "15/10/2026",
            "--org",
            "youth",
            "--format",
            "csv",
        ])
        .expect(0)
        .stdout,
    );
    assert_eq!(row(&rows, "youth", "total", "all")[4], "");
}

#[test]
fn a_stale_snapshot_is_used_and_said() {
    let w = Workdir::new().with_reference().with(&["metrics_youth.csv"]);
    // As of 30/09, the three October recruits cannot be in the roll.
    w.tally(&[
        "ingest",
        "metrics_youth.csv",
        "--org",
        "youth",
        "--as-of",
        "30/09/2026",
        "--skip-invalid",
    ])
    .expect(0);
    let run = w
        .tally(&[
            "report", "--period", "2026-10", "--org", "youth", "--format", "json",
        ])
        .expect(0);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let notes = v["notes"].as_array().unwrap();
    let stale = notes
        .iter()
        .find(|n| n["kind"] == "stale_snapshot")
        .unwrap_or_else(|| panic!("{notes:?}"));
    assert_eq!(
        (&stale["org"], &stale["as_of"]),
        (&json!("youth"), &json!("2026-09-30"))
    );
    assert!(
        stale["text"]
            .as_str()
            .unwrap()
            .contains("as of 30/09/2026, before the period's end"),
        "{stale}"
    );
    let total = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["dimension"] == "total")
        .unwrap();
    assert_eq!(total["snapshot_as_of"], "2026-09-30");
    assert_eq!(stale["flows"], "unknown");

    // A report of one day has no flows: the note says the roll is older than the day,
    // nothing of a period, in either language.
    let day = [
        "report",
        "--as-of",
        "15/10/2026",
        "--org",
        "youth",
        "--format",
        "json",
    ];
    let v: serde_json::Value = serde_json::from_str(&w.tally(&day).expect(0).stdout).unwrap();
    let stale = (v["notes"].as_array().unwrap().iter())
        .find(|n| n["kind"] == "stale_snapshot")
        .cloned()
        .unwrap_or_else(|| panic!("{v}"));
    assert_eq!(stale["flows"], "none");
    assert_eq!(
        stale["text"],
        "Youth Union: the latest roll is as of 30/09/2026, before the day asked: members are as of that date"
    );
    let vi = w
        .tally(&[&["--lang", "vi"][..], &day[..5]].concat())
        .expect(0)
        .stdout;
    assert!(
        vi.contains("danh sách mới nhất đến ngày 30/09/2026, trước ngày cần báo cáo"),
        "{vi}"
    );
    assert!(!vi.contains("kỳ bắt đầu"), "{vi}");
}

#[test]
fn missing_and_zero_denominators_are_empty_not_zero() {
    let w = store_with(&[("metrics_women.csv", "women", "31/10/2026")]);
    let rows = csv_rows(
        &w.tally(&[
            "report", "--period", "2026-10", "--org", "women", "--format", "csv",
        ])
        .expect(0)
        .stdout,
    );
    // 02647: 3 / 150 = 2.00, target 75.5 → gap −73.50.
    assert_eq!(
        row(&rows, "women", "rural", "no")[4..13],
        ["3", "3", "0", "0", "150", "2.00", "0.00", "75.50", "-73.50"]
    );
    // 02680 has eligible 0: coverage is empty (not 0, not infinite).
    assert_eq!(
        row(&rows, "women", "religious", "yes")[4..13],
        ["1", "1", "0", "0", "0", "", "", "75.50", ""]
    );
}

#[test]
fn a_missing_snapshot_leaves_members_empty_and_says_so() {
    let w = store_with(&[("metrics_youth.csv", "youth", "31/10/2026")]);
    let run = w
        .tally(&[
            "report", "--period", "2026-10", "--org", "women", "--format", "json",
        ])
        .expect(0);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let total = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["dimension"] == "total")
        .unwrap();
    assert!(total["members"].is_null());
    assert_eq!(total["eligible"], 150);
    assert!(total["coverage_pct"].is_null());
    assert_eq!(v["notes"][0]["kind"], "missing_snapshot", "{}", run.stdout);
    assert_eq!(v["notes"][0]["org"], "women", "{}", run.stdout);
    assert!(
        v["notes"][0]["text"].as_str().unwrap().contains("no roll"),
        "{}",
        run.stdout
    );
}

#[test]
fn any_counts_a_person_in_two_organizations_once() {
    let w = store_with(&[
        ("metrics_youth.csv", "youth", "31/10/2026"),
        ("metrics_women.csv", "women", "31/10/2026"),
    ]);
    let rows = csv_rows(
        &w.tally(&[
            "report", "--period", "2026-10", "--org", "any", "--format", "csv",
        ])
        .expect(0)
        .stdout,
    );
    // Youth 5 active + women 4 active, An Văn A (same CCCD) in both: 8 persons.
    // Eligible for any: 02647 = 500 → but only 02647 has an "any" count: 8 / 500.
    assert_eq!(
        row(&rows, "any", "total", "all")[4..10],
        ["8", "8", "3", "3", "500", "1.60"]
    );
    // Target for any: * = 80.
    assert_eq!(
        row(&rows, "any", "total", "all")[11..13],
        ["80.00", "-78.40"]
    );
}

#[test]
fn any_counts_a_person_once_per_group_and_merges_their_flags() {
    let w = Workdir::new().with_reference();
    // P is recruited into youth in 02680 (rural) this month and has long been a women's
    // member in 02647 (urban); Q left youth in 02647 this month but stays in women
    // there; R (no ID) is a women's member in 02680.
    w.write(
        "youth.csv",
        "Họ và tên,Số CCCD,Mã xã,Ngày vào Đoàn,Ngày ra\n\
         Phạm Văn P,010200000021,02680,05/10/2026,\n\
         Quang Văn Q,010200000022,02647,01/01/2020,15/10/2026\n",
    );
    w.write(
        "women.csv",
        "Họ và tên,Số CCCD,Mã xã,Ngày kết nạp\n\
         Phạm Văn P,010200000021,02647,01/01/2015\n\
         Quang Văn Q,010200000022,02647,01/01/2015\n\
         Lan Thị R,,02680,01/01/2010\n",
    );
    for (file, org) in [("youth.csv", "youth"), ("women.csv", "women")] {
        w.tally(&["ingest", file, "--org", org, "--as-of", "31/10/2026"])
            .expect(0);
    }
    let rows = csv_rows(
        &w.tally(&[
            "report", "--period", "2026-10", "--org", "any", "--by", "rural", "--format", "csv",
        ])
        .expect(0)
        .stdout,
    );
    // members, members_start, recruited, left.
    // Total: P, Q, R once each; all three active at the end and the day before the
    // month (P and Q through women); P recruited (youth), Q left (youth).
    assert_eq!(
        row(&rows, "any", "total", "all")[4..8],
        ["3", "3", "1", "1"]
    );
    // Rural 02680: P (youth, joined 5 Oct: not there on 30 Sep) and R.
    assert_eq!(
        row(&rows, "any", "rural", "yes")[4..8],
        ["2", "1", "1", "0"]
    );
    // Urban 02647: P (women) and Q, whose youth row (left) and women row (active)
    // merge into one person who is a member, was one at the start, and left youth.
    assert_eq!(row(&rows, "any", "rural", "no")[4..8], ["2", "2", "0", "1"]);
    // Found by mutation: the orgs `any` reads without being asked for have no note
    // of a missing roll (farmers, veterans and the union have none here).
    let json = w
        .tally(&[
            "report", "--period", "2026-10", "--org", "any", "--format", "json",
        ])
        .expect(0)
        .stdout;
    assert!(!json.contains("missing_snapshot"), "{json}");
}

/// More recruited than eligible people not members at the start is said once, with
/// both counts, where coverage itself is not above 100%. By hand, commune 02647 in
/// October: 2 members since 2010, one of whom left on 10 October; 3 recruited in
/// October; eligible 4. Members 2 + 3 − 1 = 4, coverage 4 ÷ 4 = 100.00% (no note of
/// its own), recruitment rate 3 ÷ (4 − 2) = 150.00%.
#[test]
fn a_recruitment_rate_above_100_percent_is_said() {
    let w = Workdir::new().with_reference();
    w.write(
        "women.csv",
        "Họ và tên,Số CCCD,Mã xã,Ngày kết nạp,Ngày ra\n\
         Lan Thị L,,02647,01/01/2010,\n\
         Mai Thị M,,02647,01/01/2010,10/10/2026\n\
         Nga Thị N,,02647,03/10/2026,\n\
         Hoa Thị H,,02647,04/10/2026,\n\
         Hương Thị K,,02647,05/10/2026,\n",
    );
    w.tally(&[
        "ingest",
        "women.csv",
        "--org",
        "women",
        "--as-of",
        "31/10/2026",
    ])
    .expect(0);
    w.write(
        "eligible2.csv",
        "area_code,org,year,eligible\n02647,women,2026,4\n",
    );
    w.tally(&["ingest", "eligible2.csv", "--replace"]).expect(0);
    let report = |args: &[&str]| {
        let mut all = vec![
            "report", "--period", "2026-10", "--org", "women", "--by", "commune",
        ];
        all.extend_from_slice(args);
        w.tally(&all).expect(0).stdout
    };
    let v: serde_json::Value = serde_json::from_str(&report(&["--format", "json"])).unwrap();
    let unit = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["dimension"] == "commune" && r["group"] == "02647")
        .unwrap();
    assert_eq!(unit["coverage_pct"].to_string(), "100.00", "{unit}");
    assert_eq!(unit["recruit_rate_pct"].to_string(), "150.00", "{unit}");
    let notes: Vec<&serde_json::Value> = v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "recruitment_above_100")
        .collect();
    // The commune's and the total's (the one commune is the whole).
    assert_eq!(notes.len(), 2, "{}", v["notes"]);
    for n in notes {
        assert_eq!(n["recruited"], 3);
        assert_eq!(n["not_members_at_start"], 2);
    }
    let table = report(&["--lang", "vi"]);
    assert!(
        table.contains("tỷ lệ kết nạp trên 100% (150,00%) ở Xã, phường 02647 Phường Lào Cai:")
            && table.contains("tỷ lệ kết nạp trên 100% (150,00%) ở Toàn bộ:")
            && table.contains(
                "kết nạp mới 3 người trong khi chỉ có 2 đối tượng chưa là thành viên đầu kỳ"
            ),
        "{table}"
    );
}

/// Found by mutation (`src/metrics/mod.rs`): exactly 100% is not above 100%; a group
/// with no member row and no denominator gets no row.
#[test]
fn exactly_100_percent_is_no_note_and_an_empty_group_no_row() {
    let w = store_with(&[("metrics_women.csv", "women", "31/10/2026")]);
    w.write(
        "eligible2.csv",
        "area_code,org,year,eligible\n02647,women,2026,3\n02680,women,2026,4\n",
    );
    w.tally(&["ingest", "eligible2.csv", "--replace"]).expect(0);
    let run = w
        .tally(&[
            "report", "--period", "2026-10", "--org", "women", "--format", "json",
        ])
        .expect(0);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let rural_no = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["dimension"] == "rural" && r["group"] == "no")
        .unwrap();
    // 3 members / 3 eligible.
    assert_eq!(
        rural_no["coverage_pct"].to_string(),
        "100.00",
        "{}",
        run.stdout
    );
    let kinds: Vec<&str> = v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|n| n["kind"].as_str())
        .collect();
    assert!(!kinds.contains(&"coverage_above_100"), "{kinds:?}");
    // By each ethnic group: a row for each group a member row has, none for the
    // other 50-odd groups of the table.
    let csv = w
        .tally(&[
            "report",
            "--period",
            "2026-10",
            "--org",
            "women",
            "--by",
            "ethnicity:group",
            "--format",
            "csv",
        ])
        .expect(0)
        .stdout;
    let groups: Vec<&str> = csv
        .lines()
        .filter(|l| l.contains(",women,ethnicity,"))
        .filter_map(|l| l.split(',').nth(3))
        .collect();
    // The roll has no ethnicity column: every member's group is unknown.
    assert_eq!(groups, ["unknown"], "{csv}");
    // Enterprises without a foreign-invested one: no `fdi` ownership row (nothing
    // there: no enterprise, member or denominator).
    let csv = w
        .tally(&[
            "report", "--period", "2026-10", "--org", "women", "--format", "csv",
        ])
        .expect(0)
        .stdout;
    assert!(csv.contains(",women,ownership,fdi,"), "{csv}");
    let ents = w.read("enterprises.csv");
    let no_fdi: String = ents
        .lines()
        .filter(|l| !l.contains("nước ngoài"))
        .map(|l| format!("{l}\n"))
        .collect();
    w.write("enterprises2.csv", no_fdi);
    // A version without an enterprise is taken only when asked.
    w.tally(&["ingest", "enterprises2.csv", "--replace"])
        .expect(0);
    let csv = w
        .tally(&[
            "report", "--period", "2026-10", "--org", "women", "--format", "csv",
        ])
        .expect(0)
        .stdout;
    assert!(csv.contains(",women,ownership,non_state,"), "{csv}");
    assert!(!csv.contains(",women,ownership,fdi,"), "{csv}");
}

#[test]
fn coverage_above_100_is_reported_as_computed_and_flagged() {
    let w = store_with(&[("metrics_women.csv", "women", "31/10/2026")]);
    w.write(
        "eligible2.csv",
        "area_code,org,year,eligible\n02647,women,2026,2\n02680,women,2025,4\n02680,women,2024,9\n",
    );
    // The file is the whole table (the fixture's 02680 of 2026 would win otherwise).
    w.tally(&["ingest", "eligible2.csv", "--replace"]).expect(0);
    let run = w
        .tally(&[
            "report", "--period", "2026-10", "--org", "women", "--format", "json",
        ])
        .expect(0);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let rural_no = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["dimension"] == "rural" && r["group"] == "no")
        .unwrap();
    // 3 members / 2 eligible = 150.00%
    assert_eq!(rural_no["coverage_pct"].to_string(), "150.00");
    let above = v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| {
            n["kind"] == "coverage_above_100" && n["dimension"] == "rural" && n["group"] == "no"
        })
        .unwrap_or_else(|| panic!("{}", run.stdout));
    assert_eq!(
        (
            &above["org"],
            &above["dimension"],
            above["coverage_pct"].to_string()
        ),
        (&json!("women"), &json!("rural"), "150.00".to_string())
    );
    assert!(above["text"].as_str().unwrap().contains("above 100%"));
    // 02680: the latest year ≤ 2026 is 2025 (4), not 2024: 1 / 4 = 25.00%.
    let rel_yes = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["dimension"] == "religious" && r["group"] == "yes")
        .unwrap();
    assert_eq!(rel_yes["eligible"], 4);
    assert_eq!(rel_yes["coverage_pct"].to_string(), "25.00");
}

#[test]
fn union_ownership_denominator_is_the_enterprises_workers() {
    let w = Workdir::new().with_reference();
    w.write("u.csv", "Họ và tên,Mã số thuế,Ngày vào Công đoàn\nA Văn B,5300100001,01/01/2020\nC Văn D,5300100001,01/10/2026\nE Văn F,5300100003,01/01/2020\n");
    w.tally(&["ingest", "u.csv", "--org", "union", "--as-of", "31/10/2026"])
        .expect(0);
    let rows = csv_rows(
        &w.tally(&[
            "report", "--period", "2026-10", "--org", "union", "--format", "csv",
        ])
        .expect(0)
        .stdout,
    );
    // Non-state workers: 120 (…0001) + unknown (…0004: missing, left out) = 120: 2 / 120 = 1.67.
    assert_eq!(
        row(&rows, "union", "ownership", "non_state")[4..15],
        ["2", "1", "1", "0", "120", "1.67", "0.84", "", "", "2", "1"]
    );
    // FDI: 1 / 450 = 0.22; state: no member, 300 workers, 1 enterprise not reached.
    assert_eq!(
        row(&rows, "union", "ownership", "fdi")[8..10],
        ["450", "0.22"]
    );
    assert_eq!(
        row(&rows, "union", "ownership", "state")[4..15],
        ["0", "0", "0", "0", "300", "0.00", "0.00", "", "", "1", "0"]
    );
}

/// `--org any` by ownership where only the union's roll names enterprises: the rows
/// count the union's members (a lower bound: the youth roll says nothing of where its
/// members work), and the note says whose are counted and whose not. By hand: the
/// union's A and C at non-state 5300100001, E at FDI 5300100003; the youth roll's A
/// (the same person, by ID) and G. Non-state 2, FDI 1, total 4 persons.
#[test]
fn any_by_ownership_says_which_rolls_name_no_enterprise() {
    let w = Workdir::new().with_reference();
    w.write("u.csv", "Họ và tên,Số CCCD,Mã số thuế,Ngày vào Công đoàn\nA Văn B,001200000011,5300100001,01/01/2020\nC Văn D,001200000022,5300100001,01/01/2020\nE Văn F,001200000033,5300100003,01/01/2020\n");
    w.write("y.csv", "Họ và tên,Số CCCD,Mã xã,Ngày vào Đoàn\nA Văn B,001200000011,02647,01/01/2015\nG Văn H,001200000044,02647,01/01/2015\n");
    w.tally(&["ingest", "u.csv", "--org", "union", "--as-of", "31/10/2026"])
        .expect(0);
    w.tally(&["ingest", "y.csv", "--org", "youth", "--as-of", "31/10/2026"])
        .expect(0);
    let args = [
        "report",
        "--period",
        "2026-10",
        "--org",
        "any",
        "--by",
        "ownership",
    ];
    let json = w
        .tally(&[&args[..], &["--format", "json"]].concat())
        .expect(0);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let members = |group: &str| {
        let rows = v["rows"].as_array().unwrap();
        let r = rows.iter().find(|r| r["group"] == group).unwrap();
        r["members"].clone()
    };
    assert_eq!(
        [members("non_state"), members("fdi"), members("all")],
        [2, 1, 4]
    );
    let notes: Vec<_> = v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "any_ownership_partial")
        .collect();
    assert_eq!(notes.len(), 1, "{}", json.stdout);
    assert_eq!(notes[0]["named"], serde_json::json!(["union"]));
    assert_eq!(notes[0]["unnamed"], serde_json::json!(["youth"]));
    let vi = w.tally(&[&args[..], &["--lang", "vi"]].concat()).expect(0);
    assert!(
        vi.stdout.contains("chỉ tính thành viên của Công đoàn")
            && vi
                .stdout
                .contains("danh sách của Đoàn Thanh niên không ghi doanh nghiệp"),
        "{}",
        vi.stdout
    );
    // One organization's own report has no such note: its rows are its own.
    let union = w
        .tally(&[
            "report", "--period", "2026-10", "--org", "union", "--format", "json",
        ])
        .expect(0);
    assert!(!union.stdout.contains("any_ownership_partial"));
}

/// `--org any --by sex`: a person whose Women's Union roll has no sex column and whose
/// Youth Union roll says `Nữ` is female once, not female and unknown too. By hand: A in
/// both rolls (female by the youth roll; a 9-digit CMND, which says no sex), B in the
/// women's roll only (a CMND: unknown), E in the women's roll only (a CCCD whose fourth
/// digit, 1, is odd: female by the ID): female 2, unknown 1, male 0, and the groups add
/// up to the 3 persons; a note says the one sex read from an ID.
#[test]
fn any_by_sex_takes_a_known_sex_over_an_unknown_one() {
    let w = Workdir::new().with_reference();
    w.write(
        "y.csv",
        "Họ và tên,Số CCCD,Giới tính,Mã xã,Ngày vào Đoàn\nA Thị B,012345671,Nữ,02647,01/01/2015\n",
    );
    w.write("p.csv", "Họ và tên,Số CCCD,Mã xã,Ngày vào Hội\nA Thị B,012345671,02647,01/01/2015\nC Thị D,012345672,02647,01/01/2015\nE Thị G,001190000022,02647,01/01/2015\n");
    for (file, org) in [("y.csv", "youth"), ("p.csv", "women")] {
        w.tally(&["ingest", file, "--org", org, "--as-of", "31/10/2026"])
            .expect(0);
    }
    let out = w
        .tally(&[
            "report", "--period", "2026-10", "--org", "any", "--by", "sex", "--format", "json",
        ])
        .expect(0)
        .stdout;
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let members = |group: &str| {
        let rows = v["rows"].as_array().unwrap();
        rows.iter()
            .find(|r| r["group"] == group)
            .map(|r| r["members"].clone())
    };
    assert_eq!(
        [members("female"), members("unknown"), members("all")],
        [Some(2.into()), Some(1.into()), Some(3.into())],
        "{out}"
    );
    assert!(members("male").is_none_or(|m| m == 0), "{out}");
    let said: Vec<_> = (v["notes"].as_array().unwrap().iter())
        .filter(|n| n["kind"] == "sex_from_id")
        .collect();
    assert_eq!(said.len(), 1, "{out}");
    assert_eq!(
        (&said[0]["org"], &said[0]["members"]),
        (&"women".into(), &1.into())
    );
}

/// A roll with a sex column: its cell wins over the ID (A, `Nam`, a woman's CCCD: a
/// warning, counted male); an empty cell is read from a CCCD (B, fourth digit 0: male)
/// and stays unknown with a 9-digit CMND (C). By hand: male 2, unknown 1; the summary
/// and the report's note say the 1 read from an ID.
#[test]
fn an_empty_sex_cell_is_read_from_the_cccd_and_said() {
    let w = Workdir::new().with_reference();
    w.write(
        "y.csv",
        "Họ và tên,Số CCCD,Giới tính,Mã xã,Ngày vào Đoàn\nA Văn B,001190000044,Nam,02647,01/01/2015\nC Văn D,001090000033,,02647,01/01/2015\nE Văn G,012345673,,02647,01/01/2015\n",
    );
    let ingest = w
        .tally(&["ingest", "y.csv", "--org", "youth", "--as-of", "31/10/2026"])
        .expect(0);
    assert!(
        ingest
            .stdout
            .contains("read the sex of 1 member(s) from the national ID"),
        "{}",
        ingest.stdout
    );
    let args = [
        "report", "--period", "2026-10", "--org", "youth", "--by", "sex", "--format", "json",
    ];
    let out = w.tally(&args).expect(0).stdout;
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = v["rows"].as_array().unwrap();
    let members = |g: &str| (rows.iter()).find(|r| r["dimension"] == "sex" && r["group"] == g);
    assert_eq!(
        members("male").map(|r| &r["members"]),
        Some(&2.into()),
        "{out}"
    );
    assert_eq!(
        members("unknown").map(|r| &r["members"]),
        Some(&1.into()),
        "{out}"
    );
    assert!(members("female").is_none_or(|r| r["members"] == 0), "{out}");
    assert!(out.contains("\"kind\": \"sex_from_id\""), "{out}");
    // Without a breakdown by sex, nothing to say.
    let plain = w.tally(&[&args[..5], &args[7..]].concat()).expect(0).stdout;
    assert!(!plain.contains("national ID"), "{plain}");
}

#[test]
fn member_attribute_dimensions() {
    let w = Workdir::new().with_reference();
    w.write(
        "y.csv",
        "Họ và tên,Mã xã,Giới tính,Ngày sinh,Dân tộc,Tôn giáo\nA Văn B,02647,Nam,01/11/1996,Kinh,Không\nC Thị D,02647,Nữ,31/10/1996,Tày,Công giáo\nE Văn F,02647,,2010,Mông,\nG Thị H,02647,Nữ,1970,,Phật giáo\n",
    );
    w.write("e.csv", "area_code,org,year,eligible,dimension,group\n02647,youth,2026,100,,\n02647,youth,2026,40,sex,female\n02647,youth,2026,10,ethnicity,minority\n");
    w.tally(&["ingest", "e.csv"]).expect(0);
    w.tally(&["ingest", "y.csv", "--org", "youth", "--as-of", "31/10/2026"])
        .expect(0);
    let out = w
        .tally(&[
            "report",
            "--period",
            "2026-10",
            "--org",
            "youth",
            "--by",
            "sex",
            "--by",
            "ethnicity",
            "--by",
            "religion",
            "--by",
            "age_band",
            "--format",
            "csv",
        ])
        .expect(0)
        .stdout;
    let rows = csv_rows(&out);
    assert_eq!(
        row(&rows, "youth", "sex", "female")[4..10],
        ["2", "2", "0", "0", "40", "5.00"]
    );
    assert_eq!(row(&rows, "youth", "sex", "male")[8], "");
    assert_eq!(row(&rows, "youth", "sex", "unknown")[4], "1");
    assert_eq!(row(&rows, "youth", "ethnicity", "kinh")[4], "1");
    assert_eq!(
        row(&rows, "youth", "ethnicity", "minority")[4..10],
        ["2", "2", "0", "0", "10", "20.00"]
    );
    assert_eq!(row(&rows, "youth", "ethnicity", "unknown")[4], "1");
    assert_eq!(row(&rows, "youth", "religion", "none")[4], "1");
    assert_eq!(row(&rows, "youth", "religion", "religious")[4], "2");
    assert_eq!(row(&rows, "youth", "religion", "unknown")[4], "1");
    // Ages on 31/10/2026: born 01/11/1996 → 29; 31/10/1996 → 30; 2010 → 16; 1970 → 56.
    assert_eq!(row(&rows, "youth", "age_band", "16-30")[4], "3");
    assert_eq!(row(&rows, "youth", "age_band", "46-60")[4], "1");
    let each = csv_rows(
        &w.tally(&[
            "report",
            "--period",
            "2026-10",
            "--org",
            "youth",
            "--by",
            "ethnicity:group",
            "--format",
            "csv",
        ])
        .expect(0)
        .stdout,
    );
    assert_eq!(row(&each, "youth", "ethnicity", "tay")[4], "1");
    assert_eq!(row(&each, "youth", "ethnicity", "mong")[4], "1");
}

#[test]
fn bad_periods_and_dimensions_are_usage_errors() {
    let w = store_with(&[("metrics_youth.csv", "youth", "31/10/2026")]);
    let run = w.tally(&["report", "--period", "October"]).expect(2);
    assert!(run.stderr.contains("2026-Q3"), "{}", run.stderr);
    let run = w.tally(&["report", "--by", "planet"]).expect(2);
    assert!(run.stderr.contains("unknown dimension"), "{}", run.stderr);
    let run = w
        .tally(&["report", "--output", "no/such/dir/r.csv", "--format", "csv"])
        .expect(74);
    assert!(run.stderr.contains("does not exist"), "{}", run.stderr);
    let empty = Workdir::new();
    empty.tally(&["report"]).expect(1);
}

#[test]
fn default_period_is_the_month_of_the_newest_roll() {
    let w = store_with(&[("metrics_youth.csv", "youth", "31/10/2026")]);
    let out = w
        .tally(&["report", "--format", "csv", "--org", "youth"])
        .expect(0)
        .stdout;
    assert!(out.lines().nth(1).unwrap().starts_with("2026-10,youth,"));
}

#[test]
fn output_is_written_atomically_to_a_file_and_nothing_is_printed() {
    let w = store_with(&[("metrics_youth.csv", "youth", "31/10/2026")]);
    std::fs::create_dir_all(w.dir.join("summaries")).unwrap();
    let run = w
        .tally(&[
            "--quiet",
            "report",
            "--period",
            "2026-10",
            "--org",
            "youth",
            "--format",
            "csv",
            "--output",
            "summaries/2026-10.csv",
        ])
        .expect(0);
    // With --quiet nothing is said; without it, the data notes (here: a unit with
    // members but no eligible count) go to stderr, where cron mails them.
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr, "");
    let noted = w
        .tally(&[
            "report",
            "--period",
            "2026-10",
            "--org",
            "youth",
            "--format",
            "csv",
            "--output",
            "summaries/again.csv",
        ])
        .expect(0);
    assert_eq!(noted.stdout, "");
    assert_eq!(
        noted.stderr,
        "tally: Youth Union: 1 member(s) of its first roll (31/10/2026) are marked as departed without a date: with no earlier roll to place their leaving against, they are counted in neither the members at the start nor left\ntally: Youth Union: 1 unit(s) with members have no eligible count: 90001 Xã Tân Phú\n"
    );
    assert_eq!(
        w.read("summaries/2026-10.csv"),
        std::fs::read_to_string(fixture("metrics_youth_golden.csv")).unwrap()
    );
}
