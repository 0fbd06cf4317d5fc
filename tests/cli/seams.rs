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
