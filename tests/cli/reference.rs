//! Reference files are validated like rolls.

use crate::workdir::Workdir;

#[test]
fn all_reference_kinds_are_detected_and_stored() {
    let w = Workdir::new().with_reference();
    let s = w.status_json();
    assert_eq!(s["reference"]["areas"], 7);
    assert_eq!(s["reference"]["enterprises"], 4);
    assert_eq!(s["reference"]["eligible"], 7);
    assert_eq!(s["reference"]["targets"], 5);
}

#[test]
fn bad_areas_are_rejected_with_reasons() {
    let w = Workdir::new();
    w.write(
        "areas.csv",
        "code,name,level,parent_code,ethnic_minority\n1,Tỉnh A,province,,no\n2,Xã B,commune,1,maybe\n1,Xã B lặp,commune,1,no\n3,Xã C,commune,9,no\n4,Xã D,commune,5,no\n5,Xã E,commune,4,no\n6,Xã F,commune,1,yes\n",
    );
    let run = w.tally(&["ingest", "areas.csv"]).expect(65);
    for e in [
        "areas.csv:3: column \"ethnic_minority\": value \"maybe\": not a yes/no value",
        "areas.csv:4: column \"code\": value \"1\": the code repeats line 2",
        "areas.csv:5: column \"parent_code\": value \"9\": the parent unit is not in the file",
        "areas.csv:6: column \"parent_code\": value \"5\": the unit is its own ancestor",
        "areas.csv:7: column \"parent_code\": value \"4\": the unit is its own ancestor",
    ] {
        assert!(run.stderr.contains(e), "missing {e:?} in\n{}", run.stderr);
    }
    assert!(run.stderr.contains("5 row(s) rejected"), "{}", run.stderr);
}

#[test]
fn bad_enterprises_eligible_and_targets_are_rejected() {
    let w = Workdir::new().with_reference();
    w.write("e.csv", "Mã số thuế,Tên doanh nghiệp,Mã xã,Loại hình,Số lao động\n1,A,02647,tư bản,5\n2,B,99999,FDI,5\n3,C,02647,FDI,-4\n");
    let run = w.tally(&["ingest", "e.csv"]).expect(65);
    assert!(
        run.stderr
            .contains("e.csv:2: column \"Loại hình\": value \"tư bản\": unknown ownership"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("e.csv:3: column \"Mã xã\": value \"99999\": the area code is not in the areas reference"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("e.csv:4: column \"Số lao động\": value \"-4\": not a head count"),
        "{}",
        run.stderr
    );

    w.write("g.csv", "area_code,org,year,eligible\n02647,youth,2026,-1\n02647,mặt trận,2026,5\n02647,youth,26,5\n99999,youth,2026,5\n02680,any,2026,5\n");
    let run = w.tally(&["ingest", "g.csv"]).expect(65);
    assert!(run.stderr.contains("4 row(s) rejected"), "{}", run.stderr);

    w.write("t.csv", "org,year,scope,target_pct\nyouth,2026,*,101\nyouth,2026,planet=mars,50\nyouth,2026,99999,50\nyouth,2026,rural=yes,50\nyouth,2026,rural=yes,55\n");
    let run = w.tally(&["ingest", "t.csv"]).expect(65);
    assert!(
        run.stderr.contains(
            "t.csv:2: column \"target_pct\": value \"101\": not a percentage from 0 to 100"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("unknown dimension \"planet\""),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("t.csv:4: column \"scope\": value \"99999\""),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("t.csv:6: column \"scope\": value \"rural=yes\": a second target"),
        "{}",
        run.stderr
    );
    // Nothing replaced the good reference tables.
    assert_eq!(w.status_json()["reference"]["targets"], 5);
}

/// Targets and eligible counts keep their history: next year's file adds next year,
/// a restated key replaces that key only, and --replace replaces the whole kind.
#[test]
fn next_years_reference_files_add_to_this_years() {
    let w = Workdir::new().with_youth_roll();
    w.write(
        "targets2.csv",
        "org,year,scope,target_pct\nyouth,2027,*,72\nyouth,2026,*,71\n",
    );
    let run = w.tally(&["ingest", "targets2.csv"]).expect(0);
    assert!(
        run.stdout.contains(
            "targets2.csv: targets: added 1 key(s) of 2027; replaced 1 key(s) already held, of 2026"
        ),
        "{}",
        run.stdout
    );
    let s = w.status_json();
    assert_eq!(s["reference"]["targets"], 6);
    assert_eq!(s["years"]["targets"], serde_json::json!([2026, 2027]));
    // Each file is an ingest of its own: dropping the new one gives the old table back.
    let ids: Vec<String> = s["ingests"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["kind"] == "targets")
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 2);
    let newest = s["ingests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["file"] == "targets2.csv")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let before = w
        .tally(&["report", "--period", "2026-10", "--format", "csv"])
        .expect(0)
        .stdout;
    w.tally(&["drop", &newest]).expect(0);
    assert_eq!(w.status_json()["reference"]["targets"], 5);
    w.tally(&["ingest", "targets2.csv"]).expect(0);
    assert_eq!(
        before,
        w.tally(&["report", "--period", "2026-10", "--format", "csv"])
            .expect(0)
            .stdout
    );
    w.write(
        "eligible2.csv",
        "area_code,org,year,eligible\n02647,youth,2027,120\n",
    );
    w.tally(&["ingest", "eligible2.csv"]).expect(0);
    assert_eq!(w.status_json()["reference"]["eligible"], 8);
    w.write(
        "targets3.csv",
        "org,year,scope,target_pct\nyouth,2027,*,72\nyouth,2026,*,71\n\n",
    );
    let run = w.tally(&["ingest", "targets3.csv", "--replace"]).expect(0);
    assert!(
        run.stdout
            .contains("replaces all 6 target(s) held (--replace)"),
        "{}",
        run.stdout
    );
    let s = w.status_json();
    assert_eq!(s["reference"]["targets"], 2);
    let parts = s["ingests"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["kind"] == "targets")
        .count();
    assert_eq!(parts, 1);
}

#[test]
fn eligible_needs_areas_first_but_one_command_orders_them() {
    let w = Workdir::new().with(&["areas.csv", "eligible.csv"]);
    let run = w.tally(&["ingest", "eligible.csv"]).expect(65);
    assert!(
        run.stderr.contains("ingest the areas file first"),
        "{}",
        run.stderr
    );
    w.tally(&["ingest", "eligible.csv", "areas.csv"]).expect(0);
}

/// Target scopes in the words offices write them, the same words the areas file takes
/// as headers (DTTS, Địa bàn tôn giáo, Khu vực nông thôn) and the enterprises file as
/// ownership (DN ngoài nhà nước): each lands on its focus area's row.
#[test]
fn target_scopes_in_office_words() {
    let w = Workdir::new().with(&[
        "areas.csv",
        "enterprises.csv",
        "eligible.csv",
        "roll_youth_clean.csv",
    ]);
    w.write(
        "chi-tieu.csv",
        "Tổ chức;Năm;Phạm vi;Chỉ tiêu\nĐoàn TN;2026;DTTS;61\nĐoàn TN;2026;Địa bàn tôn giáo;62\nĐoàn TN;2026;Khu vực nông thôn;63\nĐoàn TN;2026;DN ngoài nhà nước;64\n",
    );
    w.tally(&[
        "ingest",
        "areas.csv",
        "enterprises.csv",
        "eligible.csv",
        "chi-tieu.csv",
    ])
    .expect(0);
    w.tally(&[
        "ingest",
        "roll_youth_clean.csv",
        "--org",
        "youth",
        "--as-of",
        "31/10/2026",
    ])
    .expect(0);
    let csv = w
        .tally(&[
            "report",
            "--period",
            "2026-10",
            "--format",
            "csv",
            "--by",
            "ethnic_minority",
            "--by",
            "religious",
            "--by",
            "rural",
            "--by",
            "ownership",
        ])
        .expect(0)
        .stdout;
    let target = |key: &str| {
        let line = csv
            .lines()
            .find(|l| l.contains(key))
            .unwrap_or_else(|| panic!("{key}: {csv}"));
        line.split(',').nth(11).unwrap().to_string()
    };
    assert_eq!(target(",youth,ethnic_minority,yes,"), "61.00");
    assert_eq!(target(",youth,religious,yes,"), "62.00");
    assert_eq!(target(",youth,rural,yes,"), "63.00");
    assert_eq!(target(",youth,ownership,non_state,"), "64.00");
}

/// Target scopes as a directive writes them: the province as a whole, a focus area by
/// its label, a unit by its name; a name two units share is refused with both.
#[test]
fn target_scopes_by_their_labels() {
    let w = Workdir::new().with(&["areas.csv", "eligible.csv", "roll_youth_clean.csv"]);
    w.write(
        "chi-tieu.csv",
        "Tổ chức,Năm,Phạm vi,Chỉ tiêu\nĐoàn TN,2026,Toàn tỉnh,70\nĐoàn TN,2026,Vùng đồng bào DTTS,60\nĐoàn TN,2026,Vùng tôn giáo,65\nĐoàn TN,2026,Phường Lào Cai,80\n",
    );
    w.tally(&["ingest", "areas.csv", "eligible.csv", "chi-tieu.csv"])
        .expect(0);
    w.tally(&[
        "ingest",
        "roll_youth_clean.csv",
        "--org",
        "youth",
        "--as-of",
        "31/10/2026",
    ])
    .expect(0);
    let mut csv = w
        .tally(&["report", "--period", "2026-10", "--format", "csv"])
        .expect(0)
        .stdout;
    csv.push_str(
        &w.tally(&[
            "report", "--period", "2026-10", "--by", "commune", "--format", "csv",
        ])
        .expect(0)
        .stdout,
    );
    let target = |key: &str| {
        let line = csv
            .lines()
            .find(|l| l.contains(key))
            .unwrap_or_else(|| panic!("{key}: {csv}"));
        line.split(',').nth(11).unwrap().to_string()
    };
    assert_eq!(target(",youth,total,all,"), "70.00");
    assert_eq!(target(",youth,ethnic_minority,yes,"), "60.00");
    assert_eq!(target(",youth,religious,yes,"), "65.00");
    assert_eq!(target(",youth,commune,02647,"), "80.00");
    w.write(
        "mo-ho.csv",
        "Tổ chức,Năm,Phạm vi,Chỉ tiêu\nĐoàn TN,2027,Xã Tân Phú,50\n",
    );
    let run = w.tally(&["ingest", "mo-ho.csv"]).expect(65);
    assert!(
        run.stderr
            .contains("the name fits 2 units: 90001 Xã Tân Phú, 90002 Xã Tân Phú"),
        "{}",
        run.stderr
    );
}
