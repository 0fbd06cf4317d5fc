//! A quarter or a year of monthly rolls: its flows are the months' added up, its start
//! the first month's (docs/metrics.md, "A period of several rolls"). Worked by hand.

use crate::workdir::Workdir;

const HEAD: &str = "Họ và tên,Số CCCD,Ngày sinh,Mã xã,Ngày vào Đoàn,Ngày ra,Trạng thái\n";

/// October: A, B, C active (members since 2020). November: A active; B `Qua đời`
/// without a date; C `Đã chuyển sinh hoạt` on 15/11; D joined 05/11. December (the
/// office dropped B and C): A and D; E joined 10/12.
fn quarter() -> Workdir {
    let w = Workdir::new().with_reference();
    let a = "An Văn A,001200000011,01/01/2000,02647,01/01/2020,,Đang sinh hoạt\n";
    let d = "Dũng Văn D,001200000044,01/01/2001,02647,05/11/2026,,Đang sinh hoạt\n";
    let rolls = [
        (
            "t10.csv",
            "31/10/2026",
            format!(
                "{HEAD}{a}Bình Văn B,001200000022,01/01/2000,02647,01/01/2020,,Đang sinh hoạt\n\
                 Cường Văn C,001200000033,01/01/2000,02647,01/01/2020,,Đang sinh hoạt\n"
            ),
        ),
        (
            "t11.csv",
            "30/11/2026",
            format!(
                "{HEAD}{a}Bình Văn B,001200000022,01/01/2000,02647,01/01/2020,,Qua đời\n\
                 Cường Văn C,001200000033,01/01/2000,02647,01/01/2020,15/11/2026,Đã chuyển sinh hoạt\n{d}"
            ),
        ),
        (
            "t12.csv",
            "31/12/2026",
            format!("{HEAD}{a}{d}Em Văn E,001200000055,01/01/2002,02647,10/12/2026,,Đang sinh hoạt\n"),
        ),
    ];
    for (file, as_of, text) in rolls {
        w.write(file, text);
        w.tally(&["ingest", file, "--org", "youth", "--as-of", as_of])
            .expect(0);
    }
    w
}

/// members, members_start, recruited, left of the total row.
fn total(w: &Workdir, args: &[&str]) -> Vec<String> {
    let mut all = vec!["report", "--format", "csv"];
    all.extend_from_slice(args);
    let out = w.tally(&all).expect(0).stdout;
    let mut rdr = csv::Reader::from_reader(out.as_bytes());
    rdr.records()
        .map(|r| r.unwrap())
        .find(|r| &r[2] == "total" && &r[3] == "all")
        .map(|r| r.iter().skip(4).take(4).map(str::to_string).collect())
        .unwrap_or_else(|| panic!("no total row: {out}"))
}

/// The quarter: start 3 (A, B, C on 30/09), recruited 2 (D, E), left 2 (B placed in
/// November, C on 15/11), members 3 (A, D, E): 3 + 2 − 2 = 3. Read from December's roll
/// alone it was start 1, left 0: B and C, dropped in December, were in neither.
#[test]
fn a_quarter_of_monthly_rolls_adds_up_its_months() {
    let w = quarter();
    let months: Vec<Vec<String>> = ["2026-10", "2026-11", "2026-12"]
        .iter()
        .map(|p| total(&w, &["--period", p, "--org", "youth"]))
        .collect();
    assert_eq!(months[0], ["3", "3", "0", "0"]);
    assert_eq!(months[1], ["2", "3", "1", "2"]);
    assert_eq!(months[2], ["3", "2", "1", "0"]);
    for period in ["2026-Q4", "2026-H2", "2026"] {
        assert_eq!(
            total(&w, &["--period", period, "--org", "youth"]),
            ["3", "3", "2", "2"],
            "{period}"
        );
    }
    // `any` (one org here) joins the same rolls.
    assert_eq!(
        total(&w, &["--period", "2026-Q4", "--org", "any"]),
        ["3", "3", "2", "2"]
    );
    // Departures by reason over the quarter: B died, C moved.
    let out = w
        .tally(&[
            "report", "--period", "2026-Q4", "--org", "youth", "--by", "reason", "--format", "csv",
        ])
        .expect(0)
        .stdout;
    for want in [",youth,reason,died,", ",youth,reason,moved,"] {
        let line = out
            .lines()
            .find(|l| l.contains(want))
            .unwrap_or_else(|| panic!("{want}: {out}"));
        assert_eq!(line.split(',').nth(7), Some("1"), "{line}");
    }
    // The note of B's placing is the quarter's too.
    let json = w
        .tally(&[
            "report", "--period", "2026-Q4", "--org", "youth", "--format", "json",
        ])
        .expect(0)
        .stdout;
    assert!(json.contains("\"kind\": \"placed_departures\""), "{json}");
}

/// A quarter with one roll (its last month's) reads that roll as before.
#[test]
fn a_quarter_of_one_roll_reads_it_alone() {
    let w = quarter();
    w.tally(&["drop", "t10.csv"]).expect(0);
    w.tally(&["drop", "t11.csv"]).expect(0);
    // December alone: A (since 2020) at the start; D and E recruited.
    assert_eq!(
        total(&w, &["--period", "2026-Q4", "--org", "youth"]),
        ["3", "1", "2", "0"]
    );
}

/// October's roll re-saved with semicolons and sent as November's (other bytes, the
/// same rows): November's report says its roll lists exactly October's members; a
/// November with one change does not.
#[test]
fn last_months_rows_under_this_months_date_are_said() {
    let w = Workdir::new().with_reference();
    let rows = "An Văn A,001200000011,01/01/2000,02647,01/01/2020,,Đang sinh hoạt\n\
                Bình Văn B,001200000022,01/01/2000,02647,01/01/2020,,Đang sinh hoạt\n";
    w.write("t10.csv", format!("{HEAD}{rows}"));
    w.write("t11.csv", format!("{HEAD}{rows}").replace(',', ";"));
    for (file, as_of) in [("t10.csv", "31/10/2026"), ("t11.csv", "30/11/2026")] {
        w.tally(&["ingest", file, "--org", "youth", "--as-of", as_of])
            .expect(0);
    }
    let said = |w: &Workdir| {
        w.tally(&[
            "--lang", "vi", "report", "--period", "2026-11", "--org", "youth",
        ])
        .expect(0)
        .stdout
    };
    let out = said(&w);
    assert!(
        out.contains(
            "danh sách ngày 30/11/2026 ghi đúng 2 thành viên của danh sách ngày 31/10/2026"
        ),
        "{out}"
    );
    // A real November: B left on 20/11.
    w.write(
        "t11b.csv",
        format!(
            "{HEAD}An Văn A,001200000011,01/01/2000,02647,01/01/2020,,Đang sinh hoạt\n\
             Bình Văn B,001200000022,01/01/2000,02647,01/01/2020,20/11/2026,Ra Đoàn\n"
        ),
    );
    w.tally(&[
        "ingest",
        "t11b.csv",
        "--org",
        "youth",
        "--as-of",
        "30/11/2026",
        "--replace",
    ])
    .expect(0);
    assert!(!said(&w).contains("ghi đúng"), "{}", said(&w));
}

/// A roll that names no enterprise (the youth's, without a tax-code column) says
/// nothing of its members' enterprises: its ownership rows are unknown (empty), not
/// 0; the enterprises (the reference's) stay.
#[test]
fn a_roll_without_enterprises_has_unknown_ownership_rows() {
    let w = quarter();
    let out = w
        .tally(&[
            "report", "--period", "2026-12", "--org", "youth", "--format", "csv",
        ])
        .expect(0)
        .stdout;
    let row = out
        .lines()
        .find(|l| l.starts_with("2026-12,youth,ownership,non_state,"))
        .unwrap_or_else(|| panic!("{out}"));
    let cells: Vec<&str> = row.split(',').collect();
    // members, start, recruited, left; coverage; enterprises (the reference has some)
    // and reached.
    assert_eq!(cells[4..8], ["", "", "", ""], "{row}");
    assert_eq!(cells[9], "", "{row}");
    assert!(cells[13].parse::<u64>().is_ok_and(|n| n > 0), "{row}");
    assert_eq!(cells[14], "", "{row}");
}
