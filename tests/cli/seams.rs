//! Found by mutation (`src/metrics/notes.rs`, `continuity.rs`): when the notes that
//! join two snapshots appear, and when they do not.

use crate::workdir::Workdir;
use serde_json::Value;

const HEAD: &str = "Họ và tên,Số CCCD,Ngày sinh,Mã xã,Ngày vào Đoàn,Trạng thái\n";

/// A, B, C active since 2020, known by their national IDs; B in `b_unit`.
fn roll(b_unit: &str) -> String {
    format!(
        "{HEAD}Nguyễn Văn A,010200000031,01/01/2000,02647,01/01/2020,Đang sinh hoạt\nLò Văn B,010200000032,02/02/2000,{b_unit},01/01/2020,Đang sinh hoạt\nGiàng Văn C,010200000033,03/03/2000,02680,01/01/2020,Đang sinh hoạt\n"
    )
}

/// Each month's export names its date in its title (the same list two months running
/// is two exports).
fn ingest(w: &Workdir, name: &str, text: &str, as_of: &str) {
    w.write(name, format!("Số liệu đến ngày {as_of}\n{text}"));
    w.tally(&["ingest", name, "--org", "youth", "--as-of", as_of])
        .expect(0);
}

fn kinds(w: &Workdir, args: &[&str]) -> Vec<String> {
    let mut all = vec!["report", "--org", "youth", "--format", "json"];
    all.extend_from_slice(args);
    let v: Value = serde_json::from_str(&w.tally(&all).expect(0).stdout).unwrap();
    v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|n| n["kind"].as_str().map(String::from))
        .collect()
}

#[test]
fn a_move_between_units_is_a_seam_and_nothing_else_is() {
    let w = Workdir::new().with_reference();
    ingest(&w, "t10.csv", &roll("02647"), "31/10/2026");
    // November: B moved to 02680; the start (3) equals October's members (3).
    ingest(&w, "t11.csv", &roll("02680"), "30/11/2026");
    // December: the same as November, nobody moved.
    ingest(&w, "t12.csv", &roll("02680"), "31/12/2026");
    let nov = kinds(&w, &["--period", "2026-11"]);
    assert!(nov.contains(&"seam".to_string()), "{nov:?}");
    assert!(!nov.contains(&"placed_departures".to_string()), "{nov:?}");
    let dec = kinds(&w, &["--period", "2026-12"]);
    assert!(!dec.contains(&"seam".to_string()), "{dec:?}");
    // A point in time has no seam, nor does a period the snapshot does not reach.
    let point = kinds(&w, &["--as-of", "30/11/2026"]);
    assert!(!point.contains(&"seam".to_string()), "{point:?}");
    let stale = kinds(&w, &["--period", "2027-01"]);
    assert!(!stale.contains(&"seam".to_string()), "{stale:?}");
}

#[test]
fn a_seam_with_an_older_roll_or_one_on_the_first_day_is_noted() {
    let w = Workdir::new().with_reference();
    // September, then November: no October roll; B moved.
    ingest(&w, "t09.csv", &roll("02647"), "30/09/2026");
    ingest(&w, "t11.csv", &roll("02680"), "30/11/2026");
    let nov = kinds(&w, &["--period", "2026-11"]);
    assert!(nov.contains(&"seam".to_string()), "{nov:?}");
    // A roll dated the period's first day, B moved back: its seam is noted.
    ingest(&w, "t12.csv", &roll("02647"), "01/12/2026");
    let dec = kinds(&w, &["--period", "2026-12"]);
    assert!(dec.contains(&"seam".to_string()), "{dec:?}");
    // January, which that roll does not reach: no seam, though B moved.
    let stale = kinds(&w, &["--period", "2027-01"]);
    assert!(!stale.contains(&"seam".to_string()), "{stale:?}");
}

/// A member who joined in a month without a roll is no late registration. By hand:
/// September's roll has A, B and C (since 2020); November's adds D, joined 15/10/2026
/// (after September's roll, in October, which has no roll), and E, joined 2020 but
/// not on September's roll (a late registration). November's start (31/10) is 5
/// against September's 3: 2 active now but not then, 1 of them joined since, 1 late
/// or back. October's report (September's roll) cannot count D: its recruited is
/// unknown; the fourth quarter (November's roll) counts D as recruited.
#[test]
fn a_recruit_of_a_month_without_a_roll_is_said_to_have_joined() {
    let w = Workdir::new().with_reference();
    ingest(&w, "t09.csv", &roll("02647"), "30/09/2026");
    let nov = format!(
        "{}Vàng Thị D,010300000034,04/04/2000,02647,15/10/2026,Đang sinh hoạt\nLý Thị E,010300000035,05/05/2000,02680,01/01/2020,Đang sinh hoạt\n",
        roll("02647")
    );
    ingest(&w, "t11.csv", &nov, "30/11/2026");
    let json = |args: &[&str]| -> Value {
        let mut all = vec!["report", "--org", "youth", "--format", "json"];
        all.extend_from_slice(args);
        serde_json::from_str(&w.tally(&all).expect(0).stdout).expect("json")
    };
    let v = json(&["--period", "2026-11"]);
    let seam = (v["notes"].as_array().expect("notes").iter())
        .find(|n| n["kind"] == "seam")
        .cloned()
        .unwrap_or_else(|| panic!("{v}"));
    let got = [
        "previous_members",
        "members_start",
        "added",
        "joined_since_previous",
    ]
    .map(|k| seam[k].as_u64());
    assert_eq!(got, [Some(3), Some(5), Some(2), Some(1)], "{seam}");
    let said = w
        .tally(&["report", "--org", "youth", "--period", "2026-11"])
        .expect(0)
        .stdout;
    let words = "2 active now but not then (1 joined after that roll, in a month without a roll of its own, whose report could not count them: a quarter's does; 1 listed late, back, or missing from that roll)";
    assert!(said.replace('\n', " ").contains(words), "{said}");
    let total = |v: &Value| {
        let rows = v["rows"].as_array().expect("rows").clone();
        (rows.into_iter())
            .find(|r| r["dimension"] == "total")
            .unwrap_or_else(|| panic!("{v}"))
    };
    assert_eq!(
        total(&json(&["--period", "2026-10"]))["recruited"],
        Value::Null
    );
    assert_eq!(total(&json(&["--period", "2026-Q4"]))["recruited"], 1);
}
