//! Numbers a committee can sign: everyday office habits that once gave silently wrong
//! numbers. Every expectation is worked out by hand in its comment.

use crate::workdir::Workdir;
use serde_json::{json, Value};

fn csv(text: &str) -> Vec<Vec<String>> {
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    rdr.records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// The cells members..left (members, start, recruited, left) of a tidy row.
fn flows(rows: &[Vec<String>], org: &str, dim: &str, group: &str) -> Vec<String> {
    rows.iter()
        .find(|r| r[1] == org && r[2] == dim && r[3] == group)
        .unwrap_or_else(|| panic!("no row {org} {dim} {group}: {rows:?}"))[4..8]
        .to_vec()
}

fn report_json(w: &Workdir, args: &[&str]) -> Value {
    let mut all = vec!["report", "--format", "json"];
    all.extend_from_slice(args);
    let run = w.tally(&all).expect(0);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
}

fn notes_of<'a>(v: &'a Value, kind: &str) -> Vec<&'a Value> {
    v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == kind)
        .collect()
}

/// A name is read with its type: "Xã Trung Tâm" is not "Phường Trung Tâm".
#[test]
fn a_unit_name_never_matches_a_unit_of_another_type() {
    let w = Workdir::new();
    w.write(
        "areas.csv",
        "code,name,level,parent_code,ethnic_minority,religious,rural\n15,Lào Cai,province,,no,no,no\n04663,Phường Trung Tâm,commune,15,no,no,no\n04363,Xã Phúc Lợi,commune,15,yes,no,yes\n04606,Xã Trạm Tấu,commune,15,yes,no,yes\n",
    );
    w.tally(&["ingest", "areas.csv"]).expect(0);
    w.write(
        "roll.csv",
        "Họ và tên,Năm sinh,Xã phường\nA,1990,Xã Trung Tâm\nB,1991,Thị trấn Trạm Tấu\nC,1992,Trung Tâm\nD,1993,xa tram tau\nE,1994,\"Xã Phúc Lợi, huyện Văn Chấn\"\n",
    );
    let run = w
        .tally(&[
            "ingest",
            "roll.csv",
            "--org",
            "women",
            "--as-of",
            "31/10/2026",
        ])
        .expect(65);
    // The old township has no unit of its type here (its commune of today, Xã Hạnh
    // Phúc, is not in these areas): refused, naming the unit of the other type.
    assert!(
        run.stderr.contains("roll.csv:3: column \"Xã phường\": value \"Thị trấn Trạm Tấu\": no unit of that name and type in the areas reference; of another type: Xã Trạm Tấu (04606)"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("1 row(s) rejected"), "{}", run.stderr);
    // "Xã Trung Tâm" is the old commune, now in Xã Phúc Lợi; the old Xã Phúc Lợi of
    // huyện Văn Chấn likewise: read through the crosswalk, never Phường Trung Tâm.
    assert!(
        run.stdout.contains("04372 Xã Trung Tâm → 04363 (1)"),
        "{}",
        run.stdout
    );
    w.tally(&[
        "ingest",
        "roll.csv",
        "--org",
        "women",
        "--as-of",
        "31/10/2026",
        "--skip-invalid",
    ])
    .expect(0);
    // A and E in Xã Phúc Lợi, D in Xã Trạm Tấu (rural); C (no type) in Phường Trung Tâm.
    let rows = csv(&w
        .tally(&[
            "report", "--period", "2026-10", "--by", "rural", "--format", "csv",
        ])
        .expect(0)
        .stdout);
    assert_eq!(flows(&rows, "women", "rural", "no")[0], "1");
    assert_eq!(flows(&rows, "women", "rural", "yes")[0], "3");
}

/// --org and --as-of never silently beat the file's own columns.
#[test]
fn an_option_that_contradicts_the_file_is_refused() {
    let w = Workdir::new().with_reference();
    w.write(
        "farmers.csv",
        "Họ và tên,Năm sinh,Mã xã,Tổ chức,Ngày chốt số liệu\nA Văn B,1970,02647,farmers,31/10/2026\nC Văn D,1971,02680,Hội Nông dân,31/10/2026\n",
    );
    let run = w
        .tally(&["ingest", "farmers.csv", "--org", "Hội CCB"])
        .expect(65);
    assert!(
        run.stderr.contains(
            "farmers.csv: --org Veterans' Association contradicts the file's org column, which says Farmers' Association (line 2)"
        ),
        "{}",
        run.stderr
    );
    let run = w
        .tally(&[
            "ingest",
            "farmers.csv",
            "--as-of",
            "30/11/2026",
            "--skip-invalid",
        ])
        .expect(65);
    assert!(
        run.stderr.contains(
            "--as-of 30/11/2026 contradicts the file's as_of column, which says 31/10/2026 (line 2)"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(w.status_json()["snapshots"], json!([]));
    // Options that agree with the file are fine.
    w.tally(&[
        "ingest",
        "farmers.csv",
        "--org",
        "HND",
        "--as-of",
        "31/10/2026",
    ])
    .expect(0);
    assert_eq!(w.snapshot_rows("farmers"), Some(2));
}

/// Loading next year's targets and counts leaves this year's report as it was.
#[test]
fn next_years_reference_files_leave_this_years_report_alone() {
    let w = Workdir::new().with_youth_roll();
    let before = w
        .tally(&["report", "--period", "2026-10", "--format", "csv"])
        .expect(0)
        .stdout;
    w.write("t2027.csv", "org,year,scope,target_pct\nyouth,2027,*,90\n");
    w.write(
        "e2027.csv",
        "area_code,org,year,eligible\n02647,youth,2027,10\n",
    );
    let run = w.tally(&["ingest", "t2027.csv", "e2027.csv"]).expect(0);
    assert!(
        run.stdout
            .contains("e2027.csv: eligible counts: added 1 key(s) of 2027"),
        "{}",
        run.stdout
    );
    let after = w
        .tally(&["report", "--period", "2026-10", "--format", "csv"])
        .expect(0)
        .stdout;
    assert_eq!(before, after);
}

/// Two monthly rolls. October: A, B, C active. November: A active, B departed with no
/// date, C absent (a partial roll?), D joined on 5 November. November's start is A and
/// B (B was a member on 31 October); B left in November; D was recruited; C is noted,
/// not counted as left.
#[test]
fn months_join_up_across_an_undated_departure() {
    let w = Workdir::new().with_reference();
    let head = "Họ và tên,Ngày sinh,Mã xã,Ngày vào Đoàn,Trạng thái\n";
    w.write(
        "t10.csv",
        format!(
            "{head}Nguyễn Văn A,01/01/2000,02647,01/01/2020,Đang sinh hoạt\nLò Văn B,02/02/2000,02647,01/01/2020,Đang sinh hoạt\nGiàng Văn C,03/03/2000,02680,01/01/2020,Đang sinh hoạt\n"
        ),
    );
    w.write(
        "t11.csv",
        format!(
            "{head}Nguyễn Văn A,01/01/2000,02647,01/01/2020,Đang sinh hoạt\nLò Văn B,02/02/2000,02647,01/01/2020,Đã ra\nSùng Văn D,04/04/2000,02647,05/11/2026,Đang sinh hoạt\n"
        ),
    );
    w.tally(&[
        "ingest",
        "t10.csv",
        "--org",
        "youth",
        "--as-of",
        "31/10/2026",
    ])
    .expect(0);
    w.tally(&[
        "ingest",
        "t11.csv",
        "--org",
        "youth",
        "--as-of",
        "30/11/2026",
    ])
    .expect(0);
    let oct = csv(&w
        .tally(&["report", "--period", "2026-10", "--format", "csv"])
        .expect(0)
        .stdout);
    assert_eq!(flows(&oct, "youth", "total", "all")[0], "3");
    let nov = csv(&w
        .tally(&["report", "--period", "2026-11", "--format", "csv"])
        .expect(0)
        .stdout);
    // members A, D; start A, B; recruited D; left B.
    assert_eq!(flows(&nov, "youth", "total", "all"), ["2", "2", "1", "1"]);
    let v = report_json(&w, &["--period", "2026-11"]);
    let placed = notes_of(&v, "placed_departures");
    assert_eq!(placed.len(), 1, "{v}");
    assert_eq!(placed[0]["count"], 1);
    assert_eq!(placed[0]["previous_as_of"], "2026-10-31");
    // Start 2 against October's 3: C is absent from November's roll.
    let seam = notes_of(&v, "seam");
    assert_eq!(seam.len(), 1, "{v}");
    assert_eq!(
        (
            &seam[0]["previous_members"],
            &seam[0]["members_start"],
            &seam[0]["absent"],
            &seam[0]["added"]
        ),
        (&json!(3), &json!(2), &json!(1), &json!(0))
    );
}

/// Rolls of 31 October: December's flows are unknown (empty, null), not 0; the fourth
/// quarter's are counted through 31/10.
#[test]
fn flows_a_snapshot_does_not_cover_are_unknown_not_zero() {
    let w = Workdir::new().with_youth_roll();
    let dec = csv(&w
        .tally(&[
            "report", "--period", "2026-12", "--org", "youth", "--format", "csv",
        ])
        .expect(0)
        .stdout);
    // The stock is carried (DV001, DV002, DV003 active on 31/10); flows are empty.
    let total = flows(&dec, "youth", "total", "all");
    assert_eq!(total[2..], ["", ""], "{dec:?}");
    let row = dec.iter().find(|r| r[2] == "total").unwrap();
    assert_eq!(row[10], "", "recruit rate");
    let v = report_json(&w, &["--period", "2026-12", "--org", "youth"]);
    let t = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["dimension"] == "total")
        .unwrap();
    assert_eq!((&t["recruited"], &t["left"]), (&Value::Null, &Value::Null));
    let stale = notes_of(&v, "stale_snapshot");
    assert_eq!(stale[0]["flows"], "unknown");
    // The fourth quarter: DV003 recruited 01/10, DV004 left 15/10.
    let q4 = csv(&w
        .tally(&[
            "report", "--period", "2026-Q4", "--org", "youth", "--format", "csv",
        ])
        .expect(0)
        .stdout);
    assert_eq!(flows(&q4, "youth", "total", "all")[2..], ["1", "1"]);
    let v = report_json(&w, &["--period", "2026-Q4", "--org", "youth"]);
    let text = notes_of(&v, "stale_snapshot")[0]["text"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(text.contains("counted through 31/10"), "{text}");
}

/// One population, one target: with a province target, the total and the province's
/// row are measured against it.
#[test]
fn the_total_and_the_province_row_share_one_target() {
    let w = Workdir::new().with_youth_roll();
    w.write("t.csv", "org,year,scope,target_pct\nyouth,2026,15,72\n");
    w.tally(&["ingest", "t.csv"]).expect(0);
    let rows = csv(&w
        .tally(&[
            "report", "--period", "2026-10", "--org", "youth", "--by", "province", "--format",
            "csv",
        ])
        .expect(0)
        .stdout);
    let target = |dim: &str| rows.iter().find(|r| r[2] == dim).unwrap()[11].clone();
    assert_eq!(target("total"), "72.00");
    assert_eq!(target("province"), "72.00");
    let twice = |w: &Workdir| {
        let v = report_json(w, &["--period", "2026-10", "--org", "youth"]);
        notes_of(&v, "province_target_twice")
            .iter()
            .map(|n| {
                (
                    n["province_target_pct"].to_string(),
                    n["star_target_pct"].to_string(),
                )
            })
            .collect::<Vec<_>>()
    };
    // The reference's `*` of 70 beside the province's 72: which rows take which is
    // said, with both values.
    assert_eq!(twice(&w), [("72.00".to_string(), "70.00".to_string())]);
    let table = w
        .tally(&[
            "--lang", "vi", "report", "--period", "2026-10", "--org", "youth",
        ])
        .expect(0)
        .stdout;
    assert!(
        table.contains("chỉ tiêu năm 2026 ghi hai lần cho toàn tỉnh: 15 ")
            && table.contains(" 72,00% (dùng cho dòng tổng và các đơn vị) và * 70,00%"),
        "{table}"
    );
    // The same value twice says nothing.
    w.write("t3.csv", "org,year,scope,target_pct\nyouth,2026,*,72\n");
    w.tally(&["ingest", "t3.csv"]).expect(0);
    assert!(twice(&w).is_empty());
}

/// A unit above 100% is a denominator error: noted with its name and counts, never
/// listed to replicate.
#[test]
fn a_unit_above_100_percent_is_noted_not_replicated() {
    let w = Workdir::new().with_youth_roll();
    w.write(
        "e2.csv",
        "area_code,org,year,eligible\n02680,youth,2026,1\n",
    );
    w.write(
        "roll2.csv",
        "Họ và tên,Năm sinh,Mã xã\nA,2000,02680\nB,2001,02680\nC,2002,02680\nD,2003,02647\n",
    );
    w.tally(&["ingest", "e2.csv"]).expect(0);
    w.tally(&[
        "ingest",
        "roll2.csv",
        "--org",
        "youth",
        "--as-of",
        "30/11/2026",
    ])
    .expect(0);
    // November: 02680 has 3 members for 1 eligible (300%); 02647 1 of 100 is ranked.
    let v = report_json(&w, &["--period", "2026-11", "--org", "youth"]);
    let above = notes_of(&v, "unit_above_100");
    assert_eq!(above.len(), 1, "{v}");
    assert_eq!(
        (
            &above[0]["code"],
            &above[0]["name"],
            &above[0]["members"],
            &above[0]["eligible"]
        ),
        (
            &json!("02680"),
            &json!("Xã Hợp Thành"),
            &json!(3),
            &json!(1)
        )
    );
    assert!(v["rankings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["code"] != "02680"));
}

/// A roll far smaller than the org's previous one is warned at ingest and noted.
#[test]
fn a_shrunken_roll_is_warned_and_noted() {
    let w = Workdir::new().with_youth_roll();
    w.write("small.csv", "Họ và tên,Năm sinh,Mã xã\nA,2000,02680\n");
    let run = w
        .tally(&[
            "ingest",
            "small.csv",
            "--org",
            "youth",
            "--as-of",
            "30/11/2026",
        ])
        .expect(0);
    assert!(
        run.stderr.contains(
            "small.csv: the Youth Union roll as of 2026-11-30 has 1 row(s), the previous one (2026-10-31) 5"
        ),
        "{}",
        run.stderr
    );
    let v = report_json(&w, &["--period", "2026-11", "--org", "youth"]);
    let n = notes_of(&v, "roll_size");
    assert_eq!(
        (&n[0]["rows"], &n[0]["previous_rows"]),
        (&json!(1), &json!(5))
    );
}

/// The format follows --output's extension; a contradiction is refused.
#[test]
fn the_output_extension_names_the_format() {
    let w = Workdir::new().with_youth_roll();
    w.tally(&["report", "--output", "summary.xlsx"]).expect(0);
    let bytes = std::fs::read(w.dir.join("summary.xlsx")).unwrap();
    assert_eq!(&bytes[..2], b"PK", "an xlsx is a ZIP");
    w.tally(&["report", "--output", "s.csv"]).expect(0);
    assert!(w.read("s.csv").starts_with("period,org,"));
    w.tally(&["report", "--output", "s.json"]).expect(0);
    assert!(w.read("s.json").starts_with('{'));
    let run = w
        .tally(&["report", "--format", "csv", "--output", "x.xlsx"])
        .expect(2);
    assert!(
        run.stderr
            .contains("--format csv contradicts the output file's extension .xlsx"),
        "{}",
        run.stderr
    );
    assert!(!w.dir.join("x.xlsx").exists());
}

/// Rolls without eligible counts or targets: the notes say so.
#[test]
fn missing_denominators_and_targets_are_noted() {
    let w = Workdir::new().with_reference();
    w.write("v.csv", "Họ và tên,Năm sinh,Mã xã\nA Văn B,1950,02647\n");
    w.tally(&[
        "ingest",
        "v.csv",
        "--org",
        "veterans",
        "--as-of",
        "31/10/2026",
    ])
    .expect(0);
    let v = report_json(&w, &["--period", "2026-10", "--org", "veterans"]);
    assert_eq!(notes_of(&v, "missing_eligible")[0]["year"], 2026);
    assert_eq!(notes_of(&v, "missing_targets")[0]["org"], "veterans");
}

/// The units to urge and to replicate, for scripts: JSON and CSV.
#[test]
fn rankings_are_data_in_json_and_csv() {
    let w = Workdir::new().with_youth_roll();
    let v = report_json(&w, &["--period", "2026-10", "--org", "youth"]);
    let r = v["rankings"].as_array().unwrap();
    // 31 October: 02647 has DV001 (DV005 left): 1/100 = 1.00%, target 80: -79.00;
    // 02686 0/40 (DV004 left 15/10): -70.00; 02680 1/80 = 1.25%: -68.75; 02683 1/60 =
    // 1.67%: -68.33 (target 70). All below: to urge, in that order.
    let urge: Vec<(&str, i64)> = r
        .iter()
        .filter(|x| x["list"] == "urge")
        .map(|x| (x["code"].as_str().unwrap(), x["rank"].as_i64().unwrap()))
        .collect();
    assert_eq!(
        urge,
        [("02647", 1), ("02686", 2), ("02680", 3), ("02683", 4)]
    );
    let out = w
        .tally(&[
            "report", "--period", "2026-10", "--org", "youth", "--format", "csv", "--table", "urge",
        ])
        .expect(0)
        .stdout;
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some(
            "period,list,rank,org,level,code,name,members,eligible,coverage_pct,target_pct,gap_pp"
        )
    );
    assert_eq!(
        lines.next(),
        Some("2026-10,urge,1,youth,commune,02647,Phường Lào Cai,1,100,1.00,80.00,-79.00")
    );
}

/// An extension tally does not write is refused, naming the ones it does; a PDF is
/// the HTML page printed, and the refusal says so. Nothing is written.
#[test]
fn an_output_extension_tally_does_not_write_is_refused() {
    let w = Workdir::new().with_youth_roll();
    let run = w.tally(&["report", "--output", "bao-cao.pdf"]).expect(2);
    assert!(
        run.stderr.contains(
            "tally does not write .pdf files; --output takes .csv .json .md .xlsx .html .txt"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("--output bao-cao.html"),
        "{}",
        run.stderr
    );
    assert!(!w.dir.join("bao-cao.pdf").exists());
    // Whatever --format says: a .pdf holding HTML would not open as a PDF.
    w.tally(&["report", "--format", "html", "--output", "bao-cao.pdf"])
        .expect(2);
    let vi = w
        .tally(&["report", "--output", "so-lieu.docx", "--lang", "vi"])
        .expect(2);
    assert!(
        vi.stderr
            .contains("tally không ghi tệp .docx; --output nhận .csv .json .md .xlsx .html .txt"),
        "{}",
        vi.stderr
    );
    assert!(!w.dir.join("so-lieu.docx").exists());
    // A name without an extension is a table, as before.
    w.tally(&["report", "--output", "bao-cao"]).expect(0);
    assert_eq!(w.read("bao-cao"), w.tally(&["report"]).expect(0).stdout);
}

/// A workbook's bytes are never written to a terminal: run under a real
/// pseudo-terminal (util-linux `script`), `--format xlsx` without `--output` is refused.
#[cfg(target_os = "linux")]
#[test]
fn an_xlsx_report_is_refused_on_a_terminal() {
    let w = Workdir::new().with_youth_roll();
    let tally = env!("CARGO_BIN_EXE_tally");
    let command = format!("'{tally}' report --format xlsx; echo exit=$?");
    let out = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(&w.dir)
        .env("TALLY_STORE", w.store())
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .output()
        .expect("run script (util-linux)");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("an xlsx report is a file, not terminal text"),
        "{text}"
    );
    assert!(text.contains("exit=2"), "{text}");
    assert!(!text.contains("PK\u{3}\u{4}"), "{text}");
}
