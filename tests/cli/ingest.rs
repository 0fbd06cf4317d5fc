use crate::workdir::Workdir;

#[test]
fn clean_roll_is_stored_whole() {
    let w = Workdir::new()
        .with_reference()
        .with(&["roll_youth_clean.csv"]);
    let run = w
        .tally(&[
            "ingest",
            "roll_youth_clean.csv",
            "--org",
            "Đoàn TN",
            "--as-of",
            "31/10/2026",
        ])
        .expect(0);
    assert!(
        run.stdout
            .contains("stored 5 row(s) of the Youth Union roll as of 2026-10-31"),
        "{}",
        run.stdout
    );
    assert_eq!(w.snapshot_rows("youth"), Some(5));
    // A 36-year-old who has left the Youth Union (`Đã ra`) is kept, with no warning
    // for her age (she left it), but one naming the place for her ID's birth year.
    assert!(
        run.stderr
            .contains("roll_youth_clean.csv:6: column \"Số CCCD\""),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("aged 36"), "{}", run.stderr);
}

#[test]
fn same_bytes_again_change_nothing() {
    let w = Workdir::new()
        .with_reference()
        .with(&["roll_youth_clean.csv"]);
    let args = [
        "ingest",
        "roll_youth_clean.csv",
        "--org",
        "youth",
        "--as-of",
        "2026-10-31",
    ];
    w.tally(&args).expect(0);
    let before = w.manifest();
    let run = w.tally(&args).expect(0);
    assert!(run.stdout.contains("already ingested"), "{}", run.stdout);
    assert_eq!(w.manifest(), before);
    assert_eq!(w.snapshot_rows("youth"), Some(5));
}

#[test]
fn one_bad_row_refuses_the_file_and_leaves_the_store_untouched() {
    let w = Workdir::new()
        .with_reference()
        .with(&["roll_youth_bad.csv"]);
    let before = w.manifest();
    let files_before = w.store_files();
    let run = w
        .tally(&[
            "ingest",
            "roll_youth_bad.csv",
            "--org",
            "youth",
            "--as-of",
            "31/10/2026",
        ])
        .expect(65);
    assert!(
        run.stderr.contains("8 row(s) rejected; nothing was stored"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("hint:"), "{}", run.stderr);
    assert_eq!(w.manifest(), before);
    assert_eq!(w.store_files(), files_before);
    assert_eq!(w.snapshot_rows("youth"), None);
}

#[test]
fn every_reject_reason_is_reported_with_its_place() {
    let w = Workdir::new()
        .with_reference()
        .with(&["roll_youth_bad.csv"]);
    let run = w
        .tally(&[
            "ingest",
            "roll_youth_bad.csv",
            "--org",
            "youth",
            "--as-of",
            "31/10/2026",
        ])
        .expect(65);
    let expected = [
        "roll_youth_bad.csv:3: column \"Số CCCD\": value \"1.2E+11\": malformed national ID: Excel wrote it in scientific notation",
        "roll_youth_bad.csv:4: column \"Mã xã\": value \"77777\": the area code is not in the areas reference",
        "roll_youth_bad.csv:5: column \"Ngày sinh\": value \"31/02/2000\": that day does not exist: the month has 29 days",
        "roll_youth_bad.csv:6: column \"Ngày vào Đoàn\": value \"01/12/2026\": joined after the snapshot date 2026-10-31",
        "roll_youth_bad.csv:7: column \"Ngày ra\": value \"01/01/2017\": left before joining (2018-01-01)",
        "roll_youth_bad.csv:8: repeats a person already in this snapshot (same national ID as roll_youth_bad.csv:2)",
        "roll_youth_bad.csv:10: column \"Họ và tên\": no name and no national ID",
        "roll_youth_bad.csv:11: column \"Số CCCD\": value \"0102001234\": malformed national ID: it has 10 digits",
    ];
    for e in expected {
        assert!(run.stderr.contains(e), "missing {e:?} in\n{}", run.stderr);
    }
    // An unknown ethnicity is a warning, not a reject.
    assert!(
        run.stderr.contains(
            "roll_youth_bad.csv:9: column \"Dân tộc\": value \"Klingon\": unknown ethnicity"
        ),
        "{}",
        run.stderr
    );
}

/// `--format json` on stdout is one JSON object whatever happens: the summary (with
/// its rejected rows when they fail the command), or the error that stopped it.
#[test]
fn json_output_is_one_object_even_on_an_error() {
    let w = Workdir::new().with_reference();
    w.write(
        "rong.xlsx",
        "PK\u{5}\u{6}\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0",
    );
    let run = w
        .tally(&["ingest", "rong.xlsx", "--format", "json"])
        .expect(65);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect(&run.stdout);
    assert_eq!(doc["error"]["exit"], 65, "{doc}");
    assert!(
        doc["error"]["message"]
            .as_str()
            .unwrap()
            .contains("rong.xlsx"),
        "{doc}"
    );
    // Rows rejected: the summary is the object, and no second one follows it.
    w.write(
        "cut.csv",
        "Họ và tên,Năm sinh,Mã xã,Tổ chức,Ngày chốt số liệu\nLò Văn B,1971\n",
    );
    let run = w
        .tally(&["ingest", "cut.csv", "--format", "json"])
        .expect(65);
    let doc: serde_json::Value = serde_json::from_str(&run.stdout).expect(&run.stdout);
    assert_eq!(doc["rejected"]["total"], 1, "{doc}");
}

/// A roll dated after today (a slip in its year) is stored as it says, and the
/// summary asks whether its year is right.
#[test]
fn a_roll_dated_after_today_is_asked_about() {
    let w = Workdir::new().with_reference();
    w.write(
        "sau.csv",
        "Họ và tên,Năm sinh,Mã xã,Tổ chức,Ngày chốt số liệu\n\
         Lò Văn A,1970,02647,Hội Nông dân,31/10/2099\n",
    );
    let run = w.tally(&["ingest", "sau.csv"]).expect(0);
    assert!(
        run.stderr
            .contains("sau.csv: the roll is as of 2099-10-31, after today (")
            && run.stderr.contains("is its year right?"),
        "{}",
        run.stderr
    );
}

/// A CSV line cut short (or broken by a line end inside a cell without quotes): its
/// rejection says so, not only what the first missing column lacks.
#[test]
fn a_line_cut_short_is_said_as_one() {
    let w = Workdir::new().with_reference();
    w.write(
        "cut.csv",
        "Họ và tên,Năm sinh,Mã xã,Tổ chức,Ngày chốt số liệu\n\
         Lò Văn A,1970,02647,Hội Nông dân,31/10/2026\n\
         Lò Văn B,1971\n",
    );
    let run = w.tally(&["ingest", "cut.csv"]).expect(65);
    assert!(
        run.stderr.contains("cut.csv:3: ")
            && run
                .stderr
                .contains("(the line has 2 cells, the header 5: is it cut short"),
        "{}",
        run.stderr
    );
    // A whole line says nothing of the kind.
    assert!(!run.stderr.contains("cut.csv:2:"), "{}", run.stderr);
}

#[test]
fn skip_invalid_stores_exactly_the_good_rows_and_lists_the_bad_ones() {
    let w = Workdir::new()
        .with_reference()
        .with(&["roll_youth_bad.csv"]);
    let run = w
        .tally(&[
            "ingest",
            "roll_youth_bad.csv",
            "--org",
            "youth",
            "--as-of",
            "31/10/2026",
            "--skip-invalid",
            "--rejects",
            "rejects.csv",
        ])
        .expect(0);
    assert!(run.stdout.contains("stored 2 row(s)"), "{}", run.stdout);
    assert_eq!(w.snapshot_rows("youth"), Some(2));
    let rejects = w.read("rejects.csv");
    let mut rdr = csv::Reader::from_reader(rejects.as_bytes());
    let header: Vec<String> = rdr.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(
        &header[..7],
        ["file", "sheet", "line", "column", "value", "reason", "hint"]
    );
    assert!(header.contains(&"Họ và tên".to_string()));
    let lines: Vec<String> = rdr.records().map(|r| r.unwrap()[2].to_string()).collect();
    assert_eq!(lines, ["3", "4", "5", "6", "7", "8", "10", "11"]);
    // The original values travel with the reason; a formula-like cell is defused.
    assert!(rejects.contains("Phạm Văn Cường"));
    assert!(!rejects.contains(",="));
}

#[test]
fn dry_run_writes_nothing() {
    let w = Workdir::new().with(&["areas.csv"]);
    let run = w.tally(&["ingest", "areas.csv", "--dry-run"]).expect(0);
    assert!(
        run.stdout.contains("would store 7 row(s) of the areas"),
        "{}",
        run.stdout
    );
    assert_eq!(w.manifest(), "");
}

#[test]
fn a_roll_needs_an_org_and_a_date() {
    let w = Workdir::new()
        .with_reference()
        .with(&["roll_youth_clean.csv"]);
    let run = w
        .tally(&["ingest", "roll_youth_clean.csv", "--as-of", "31/10/2026"])
        .expect(2);
    assert!(run.stderr.contains("--org"), "{}", run.stderr);
    let run = w
        .tally(&["ingest", "roll_youth_clean.csv", "--org", "youth"])
        .expect(2);
    assert!(run.stderr.contains("--as-of"), "{}", run.stderr);
    let run = w
        .tally(&[
            "ingest",
            "roll_youth_clean.csv",
            "--org",
            "Mặt trận",
            "--as-of",
            "31/10/2026",
        ])
        .expect(2);
    assert!(
        run.stderr.contains("unknown organization"),
        "{}",
        run.stderr
    );
    w.tally(&[
        "ingest",
        "roll_youth_clean.csv",
        "--org",
        "youth",
        "--as-of",
        "10/31/2026",
    ])
    .expect(2);
    w.tally(&["report-nonsense"]).expect(2);
}

#[test]
fn org_and_date_can_come_from_columns() {
    let w = Workdir::new().with_reference();
    w.write(
        "own.csv",
        "Họ và tên,Mã xã,Tổ chức,Ngày chốt số liệu\nA Văn B,02647,Đoàn TN,31/10/2026\nC Thị D,02647,youth,31/10/2026\n",
    );
    let run = w.tally(&["ingest", "own.csv"]).expect(0);
    assert_eq!(run.stdout.matches("stored").count(), 1, "{}", run.stdout);
    assert_eq!(w.snapshot_rows("youth"), Some(2));
}

/// A roll is one organization's list as of one date: a file that mixes them is refused
/// whole, naming the two values and their lines, and nothing is stored.
#[test]
fn a_file_of_two_orgs_or_two_dates_is_refused() {
    let w = Workdir::new().with_reference();
    w.write(
        "orgs.csv",
        "Họ và tên,Mã xã,Tổ chức,Ngày chốt số liệu\nA Văn B,02647,Đoàn TN,31/10/2026\nC Thị D,02647,HLHPN,31/10/2026\n",
    );
    w.write(
        "dates.csv",
        "Họ và tên,Mã xã,Tổ chức,Ngày chốt số liệu\nA Văn B,02647,Đoàn TN,31/10/2026\nE Văn F,02680,youth,30/09/2026\n",
    );
    let run = w.tally(&["ingest", "orgs.csv"]).expect(65);
    assert!(
        run.stderr
            .contains("two organizations: Youth Union (line 2) and Women's Union (line 3)"),
        "{}",
        run.stderr
    );
    let run = w
        .tally(&["ingest", "dates.csv", "--skip-invalid"])
        .expect(65);
    assert!(
        run.stderr
            .contains("two as-of dates: 31/10/2026 (line 2) and 30/09/2026 (line 3)"),
        "{}",
        run.stderr
    );
    assert_eq!(w.status_json()["snapshots"], serde_json::json!([]));
}

#[test]
fn several_files_make_one_snapshot_and_a_person_in_two_is_rejected() {
    let w = Workdir::new().with_reference();
    w.write("d1.csv", "Họ và tên,Số CCCD,Ngày sinh,Mã xã\nA Văn B,010200000001,2000,02647\nC Văn D,010200000002,2000,02647\n");
    w.write(
        "d2.csv",
        "Họ và tên,Số CCCD,Ngày sinh,Mã xã\nE Văn F,010200000003,2000,02680\n",
    );
    w.write(
        "d3.csv",
        "Họ và tên,Số CCCD,Ngày sinh,Mã xã\nA Văn B,010200000001,2000,02680\n",
    );
    w.tally(&[
        "ingest",
        "d1.csv",
        "d2.csv",
        "--org",
        "youth",
        "--as-of",
        "31/10/2026",
    ])
    .expect(0);
    assert_eq!(w.snapshot_rows("youth"), Some(3));
    let run = w
        .tally(&[
            "ingest",
            "d3.csv",
            "--org",
            "youth",
            "--as-of",
            "31/10/2026",
        ])
        .expect(65);
    assert!(
        run.stderr
            .contains("same national ID as a row already stored from d1.csv"),
        "{}",
        run.stderr
    );
    assert_eq!(w.snapshot_rows("youth"), Some(3));
}

#[test]
fn replace_swaps_the_corrected_part_only_when_asked() {
    let w = Workdir::new().with_reference();
    std::fs::create_dir_all(w.dir.join("fixed")).unwrap();
    w.write("d1.csv", "Họ và tên,Mã xã\nA Văn B,02647\nC Văn D,02647\n");
    w.write("d2.csv", "Họ và tên,Mã xã\nE Văn F,02680\n");
    w.write(
        "fixed/d1.csv",
        "Họ và tên,Mã xã\nA Văn B,02647\nC Văn D,02647\nG Văn H,02647\n",
    );
    w.tally(&[
        "ingest",
        "d1.csv",
        "d2.csv",
        "--org",
        "youth",
        "--as-of",
        "31/10/2026",
    ])
    .expect(0);
    let before = w.manifest();
    let run = w
        .tally(&[
            "ingest",
            "fixed/d1.csv",
            "--org",
            "youth",
            "--as-of",
            "31/10/2026",
        ])
        .expect(1);
    assert!(run.stderr.contains("--replace"), "{}", run.stderr);
    assert_eq!(w.manifest(), before);
    w.tally(&[
        "ingest",
        "fixed/d1.csv",
        "--org",
        "youth",
        "--as-of",
        "31/10/2026",
        "--replace",
    ])
    .expect(0);
    assert_eq!(w.snapshot_rows("youth"), Some(4));
    // The replaced part's file is gone from the store.
    let parts = w.roll_parts();
    assert_eq!(parts, 2);
}

#[test]
fn totals_rows_and_blank_rows_are_skipped() {
    let w = Workdir::new().with_reference();
    w.write(
        "t.csv",
        "BÁO CÁO;;\n;;\nHọ và tên;Mã xã;STT\nA Văn B;02647;1\n;;\nC Văn D;02680;2\nTổng cộng;;2\n",
    );
    let run = w
        .tally(&["ingest", "t.csv", "--org", "youth", "--as-of", "31/10/2026"])
        .expect(0);
    assert_eq!(w.snapshot_rows("youth"), Some(2));
    assert!(
        run.stderr.contains("skipped totals row(s) on line(s) 7"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_row_after_empty_lines_is_told_by_its_own_line() {
    // Lines 3 and 4 are empty (a sheet's gap exported as nothing); the bad row is on
    // line 5, and a quoted cell that spans lines 6-7 puts the next bad row on line 6.
    let w = Workdir::new().with_reference();
    w.write(
        "t.csv",
        "full_name,area_code\nA Văn B,02647\n\n\nC Văn D,99999\n\"E\nVăn F\",99998\n",
    );
    let run = w
        .tally(&["ingest", "t.csv", "--org", "youth", "--as-of", "31/10/2026"])
        .expect(65);
    for line in [
        "t.csv:5: column \"area_code\": value \"99999\"",
        "t.csv:6: column \"area_code\": value \"99998\"",
    ] {
        assert!(run.stderr.contains(line), "{line}\n{}", run.stderr);
    }
}

#[test]
fn area_names_resolve_and_ambiguous_names_list_the_candidates() {
    let w = Workdir::new()
        .with_reference()
        .with(&["roll_women_by_name.csv"]);
    let run = w
        .tally(&[
            "ingest",
            "roll_women_by_name.csv",
            "--org",
            "women",
            "--as-of",
            "31/10/2026",
        ])
        .expect(65);
    assert!(
        run.stderr.contains("roll_women_by_name.csv:5: column \"Xã/Phường\": value \"Tân Phú\": the area name matches several units: Xã Tân Phú (90001), Xã Tân Phú (90002)"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("1 row(s) rejected"), "{}", run.stderr);
}

#[test]
fn unreadable_inputs_get_clear_errors() {
    let w = Workdir::new();
    let run = w
        .tally(&["ingest", "missing.csv", "--kind", "areas"])
        .expect(74);
    assert!(run.stderr.contains("missing.csv"), "{}", run.stderr);
    w.write("empty.csv", "");
    let run = w.tally(&["ingest", "empty.csv"]).expect(65);
    assert!(run.stderr.contains("empty.csv is empty"), "{}", run.stderr);
    w.write("noheader.csv", "1,2,3\n4,5,6\n");
    let run = w.tally(&["ingest", "noheader.csv"]).expect(65);
    assert!(run.stderr.contains("found no header row"), "{}", run.stderr);
    w.write(
        "binary.csv",
        [0u8, 159, 146, 150, 0, 1, 2, 3, 0xff, 0x00, 0x13, 0x37],
    );
    w.tally(&["ingest", "binary.csv"]).expect(65);
    std::fs::create_dir(w.dir.join("adir")).unwrap();
    let run = w.tally(&["ingest", "adir"]).expect(74);
    assert!(run.stderr.contains("is a directory"), "{}", run.stderr);
    w.write("roll.csv", "Họ và tên,Ngày sinh\nA,2000\n");
    let run = w
        .tally(&[
            "ingest",
            "roll.csv",
            "--kind",
            "roll",
            "--org",
            "youth",
            "--as-of",
            "31/10/2026",
        ])
        .expect(65);
    assert!(
        run.stderr
            .contains("roll.csv:1: the roll has no commune column"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("headers found: \"Họ và tên\", \"Ngày sinh\""),
        "{}",
        run.stderr
    );
    assert!(!w.store().join("manifest.json").exists());
}

#[test]
fn a_busy_store_makes_a_writer_wait_then_exit_75() {
    let w = Workdir::new().with_reference();
    let lock = w.hold_lock();
    let start = std::time::Instant::now();
    let run = w
        .tally(&["--wait", "1", "ingest", "areas.csv", "--replace"])
        .expect(75);
    assert!(start.elapsed() >= std::time::Duration::from_millis(900));
    assert!(
        run.stderr.contains("another tally process"),
        "{}",
        run.stderr
    );
    drop(lock);
    w.tally(&["--wait", "1", "status"]).expect(0);
}

#[test]
fn enterprise_gives_the_area_when_the_row_has_none() {
    let w = Workdir::new().with_reference();
    w.write(
        "u.csv",
        "Họ và tên,Mã số thuế\nA Văn B,5300100002\nC Văn D,5300100009\n",
    );
    let run = w
        .tally(&["ingest", "u.csv", "--org", "union", "--as-of", "31/10/2026"])
        .expect(65);
    assert!(run.stderr.contains("u.csv:3: column \"Mã số thuế\": value \"5300100009\": the row has no area and its enterprise is not in the enterprises reference"), "{}", run.stderr);
    w.tally(&[
        "ingest",
        "u.csv",
        "--org",
        "union",
        "--as-of",
        "31/10/2026",
        "--skip-invalid",
    ])
    .expect(0);
    assert_eq!(w.snapshot_rows("union"), Some(1));
}

#[test]
fn a_file_whose_dates_are_month_first_is_refused_whole() {
    let w = Workdir::new().with_reference();
    // Only line 3 is impossible day-first; lines 2 and 4 would be silently misread.
    w.write("us.csv", "Họ và tên,Mã xã,Ngày vào Đoàn\nA Văn B,02647,03/05/2020\nC Văn D,02647,10/31/2020\nE Văn F,02647,04/06/2021\n");
    let run = w
        .tally(&[
            "ingest",
            "us.csv",
            "--org",
            "youth",
            "--as-of",
            "31/10/2026",
            "--skip-invalid",
        ])
        .expect(65);
    assert!(
        run.stderr.contains("are month-first (line 3"),
        "{}",
        run.stderr
    );
    assert!(!w.manifest().contains("roll"));
    // A day-first file with one month-first typo only rejects that row.
    w.write(
        "vn.csv",
        "Họ và tên,Mã xã,Ngày vào Đoàn\nA Văn B,02647,25/05/2020\nC Văn D,02647,10/31/2020\n",
    );
    let run = w
        .tally(&[
            "ingest",
            "vn.csv",
            "--org",
            "youth",
            "--as-of",
            "31/10/2026",
            "--skip-invalid",
        ])
        .expect(0);
    assert!(run.stdout.contains("stored 1 row(s)"), "{}", run.stdout);
}

#[test]
fn the_order_of_day_and_month_is_judged_on_the_whole_file_not_a_chunk() {
    // Rows are parsed in chunks of 1024 on several threads, and a thread stops looking
    // at a date column once one of its rows can only be day-first: the verdict must
    // still be the whole file's. Rows that fit either order, one proof either way far
    // from it.
    let rows = |first: &str, late: &str| {
        let mut s = String::from("Họ và tên,Mã xã,Ngày vào Đoàn\n");
        for i in 0..3000 {
            let date = match i {
                0 => first,
                2500 => late,
                _ => "03/05/2020",
            };
            s.push_str(&format!("Người {i},02647,{date}\n"));
        }
        s
    };
    let args = |files: &[&'static str]| {
        let flags = ["--org", "youth", "--as-of", "31/10/2026", "--skip-invalid"];
        let mut args = vec!["ingest"];
        args.extend(files.iter().chain(&flags));
        args
    };
    // Day-first on line 2: the month-first date on line 2502 is that row's error.
    let w = Workdir::new().with_reference();
    w.write("a.csv", rows("25/05/2020", "10/31/2020"));
    let run = w.tally(&args(&["a.csv"])).expect(0);
    assert!(run.stdout.contains("stored 2,999 row(s)"), "{}", run.stdout);
    // Nothing day-first anywhere: line 2502 says the file is month-first.
    let w = Workdir::new().with_reference();
    w.write("b.csv", rows("03/05/2020", "10/31/2020"));
    let run = w.tally(&args(&["b.csv"])).expect(65);
    assert!(
        run.stderr.contains("are month-first (line 2502"),
        "{}",
        run.stderr
    );
    // What a file proved is not kept for the next: a day-first file, then a
    // month-first one, in one command.
    let w = Workdir::new().with_reference();
    w.write("a.csv", rows("25/05/2020", "10/31/2020"));
    w.write("b.csv", rows("03/05/2020", "10/31/2020"));
    let run = w.tally(&args(&["a.csv", "b.csv"])).expect(65);
    assert!(
        run.stderr.contains("b.csv") && run.stderr.contains("are month-first (line 2502"),
        "{}",
        run.stderr
    );
    // The proof of day-first late in the file counts as much as an early one.
    let w = Workdir::new().with_reference();
    w.write("c.csv", rows("10/31/2020", "25/05/2020"));
    let run = w.tally(&args(&["c.csv"])).expect(0);
    assert!(run.stdout.contains("stored 2,999 row(s)"), "{}", run.stdout);
}

#[test]
fn excel_damage_is_repaired_only_when_safe() {
    let w = Workdir::new().with_reference();
    // 11-digit CCCD that validates once padded (born 2000, male: century digit 2);
    // an 11-digit one that does not; a commune code that lost its leading zero.
    w.write(
        "x.csv",
        "Họ và tên,Số CCCD,Ngày sinh,Giới tính,Mã xã\nA Văn B,10200123456,2000,Nam,2647\nC Thị D,10200123457,2000,Nữ,02647\n",
    );
    let run = w
        .tally(&[
            "ingest",
            "x.csv",
            "--org",
            "youth",
            "--as-of",
            "31/10/2026",
            "--skip-invalid",
        ])
        .expect(0);
    assert!(run.stdout.contains("stored 1 row(s)"), "{}", run.stdout);
    assert!(
        run.stderr.contains("restored the leading zero"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("x.csv:3: column \"Số CCCD\": value \"10200123457\": malformed national ID: it has 11 digits"), "{}", run.stderr);
}

/// Rows are parsed in chunks on several threads and taken back in file order: the
/// duplicate check and the month-first check see the file as one, across chunks.
#[test]
fn checks_span_the_whole_file_across_parse_chunks() {
    let youth = |w: &Workdir, file: &str, extra: &[&str]| {
        let mut args = vec!["ingest", file, "--org", "youth", "--as-of", "31/10/2026"];
        args.extend_from_slice(extra);
        w.tally(&args)
    };
    let w = Workdir::new().with_reference();
    let mut s = String::from("Họ và tên,Số CCCD,Mã xã,Ngày vào Đoàn\n");
    for i in 0..20_000u32 {
        // Row 15,000 repeats row 7's ID; joined dates are ambiguous (day ≤ 12).
        let id = if i == 15_000 { 7 } else { i };
        s.push_str(&format!(
            "Người {i},0102{id:08},02647,0{}/0{}/2020\n",
            1 + i % 9,
            1 + i % 9
        ));
    }
    w.write("big.csv", &s);
    let run = youth(&w, "big.csv", &[]).expect(65);
    assert!(
        run.stderr
            .contains("big.csv:15002: repeats a person already in this snapshot (same national ID as big.csv:9)"),
        "{}",
        run.stderr
    );
    // A month-first date deep in the file, none day-first anywhere: refused whole,
    // naming the first such line however the chunks were scheduled.
    let s = s + "X,010299999999,02647,10/31/2020\nY,010299999998,02647,11/30/2020\n";
    w.write("late.csv", s);
    let run = youth(&w, "late.csv", &["--skip-invalid"]).expect(65);
    assert!(
        run.stderr.contains("are month-first (line 20002"),
        "{}",
        run.stderr
    );
    assert!(!w.manifest().contains("\"roll\""));
    // Skipping the duplicate, every other row is stored once.
    youth(&w, "big.csv", &["--skip-invalid"]).expect(0);
    assert_eq!(w.snapshot_rows("youth"), Some(19_999));
}

/// cmd.exe and PowerShell pass `*.csv` as written: tally expands it itself (checked
/// here by running tally without a shell, so the pattern arrives unexpanded).
#[test]
fn file_patterns_are_expanded_by_tally() {
    let w = Workdir::new().with(&[
        "areas.csv",
        "enterprises.csv",
        "eligible.csv",
        "targets.csv",
    ]);
    std::fs::create_dir(w.dir.join("ref")).unwrap();
    for f in [
        "areas.csv",
        "enterprises.csv",
        "eligible.csv",
        "targets.csv",
    ] {
        std::fs::rename(w.dir.join(f), w.dir.join("ref").join(f)).unwrap();
    }
    let run = w.tally(&["ingest", "ref/*.csv"]).expect(0);
    let status = w.status_json();
    for kind in ["areas", "enterprises", "eligible", "targets"] {
        assert!(
            status["reference"][kind].as_u64().unwrap() > 0,
            "{kind}: {}",
            run.stdout
        );
    }
    // A pattern that matches nothing says so (exit 74, like a missing file).
    let none = w.tally(&["ingest", "ref/*.xlsx"]).expect(74);
    assert!(
        none.stderr.contains("no file matches \"ref/*.xlsx\""),
        "{}",
        none.stderr
    );
    // A file whose name holds a pattern character is taken as it is.
    std::fs::copy(w.dir.join("ref/targets.csv"), w.dir.join("targets[1].csv")).unwrap();
    let literal = w.tally(&["ingest", "targets[1].csv"]).expect(0);
    assert!(
        literal.stdout.contains("targets[1].csv"),
        "{}",
        literal.stdout
    );
}

/// `--as-of 31/10/26` and an `as_of` column of `31/10/26` are this century's dates, as
/// an analyst means them (they were read as 1926, and every row then rejected).
#[test]
fn two_digit_as_of_years_are_this_century() {
    use chrono::Datelike;
    let year = chrono::Local::now().year();
    let short = format!("31/10/{:02}", year % 100);
    let w = Workdir::new()
        .with_reference()
        .with(&["roll_youth_clean.csv"]);
    w.tally(&[
        "ingest",
        "roll_youth_clean.csv",
        "--org",
        "youth",
        "--as-of",
        &short,
    ])
    .expect(0);
    w.write(
        "women.csv",
        format!("Họ và tên,Mã xã,Ngày kết nạp,as_of\nLan Thị L,02647,01/01/2010,{short}\n"),
    );
    w.tally(&["ingest", "women.csv", "--org", "women"])
        .expect(0);
    let snaps = w.status_json()["snapshots"].clone();
    let as_of: Vec<&str> = snaps
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["as_of"].as_str().unwrap())
        .collect();
    let want = format!("{year}-10-31");
    assert_eq!(as_of, [want.as_str(), want.as_str()]);
    // The report's --as-of reads it the same way.
    let run = w
        .tally(&[
            "report", "--as-of", &short, "--org", "youth", "--format", "csv",
        ])
        .expect(0);
    assert!(run.stdout.contains(&want), "{}", run.stdout);
}

/// `ingest --format json`: what happened to each file as data, the same exit codes,
/// and nothing but the final error on stderr.
#[test]
fn ingest_summary_as_json() {
    let w = Workdir::new()
        .with_reference()
        .with(&["roll_youth_bad.csv", "roll_youth_clean.csv"]);
    let ingest = |file: &str, code: i32| w.youth_ingest_json(file, code);
    // Eight bad rows: nothing stored, exit 65, each rejected row with line and column.
    let (bad, stderr) = ingest("roll_youth_bad.csv", 65);
    assert_eq!(bad["committed"], false);
    assert_eq!(bad["files"][0]["outcome"], "would_store");
    assert_eq!(
        (
            bad["files"][0]["rows_read"].as_u64(),
            bad["files"][0]["rejected"].as_u64()
        ),
        (Some(10), Some(8))
    );
    assert_eq!(bad["rejected"]["total"], 8);
    let first = &bad["rejected"]["first"][0];
    assert_eq!(
        (
            first["line"].as_u64(),
            first["column"].as_str(),
            first["value"].as_str()
        ),
        (Some(3), Some("Số CCCD"), Some("1.2E+11"))
    );
    assert!(
        first["reason"]
            .as_str()
            .unwrap()
            .contains("scientific notation"),
        "{first}"
    );
    assert!(
        stderr.starts_with("tally: error: 8 row(s) rejected"),
        "{stderr}"
    );
    assert!(!stderr.contains("rejected: "), "{stderr}");
    // A clean roll: stored as one ingest of 5 rows.
    let (good, _) = ingest("roll_youth_clean.csv", 0);
    assert_eq!(good["committed"], true);
    let file = &good["files"][0];
    assert_eq!(
        (file["kind"].as_str(), file["outcome"].as_str()),
        (Some("roll"), Some("stored"))
    );
    assert_eq!(file["ingests"][0]["rows"], 5);
    assert_eq!(file["ingests"][0]["as_of"], "2026-10-31");
    let id = file["ingests"][0]["id"].clone();
    // The same bytes again: nothing changes, and the ingest is named.
    let (again, _) = ingest("roll_youth_clean.csv", 0);
    assert_eq!(again["files"][0]["outcome"], "already_ingested");
    assert_eq!(again["files"][0]["ingests"][0], id);
}

/// The two errors that used to mislead: a roll without a unit column is told so (not
/// "no header row"), and 31/02/1980 is a day that does not exist (not "expected a
/// day-first date": it is one).
#[test]
fn errors_say_what_is_actually_wrong() {
    let w = Workdir::new().with_reference();
    w.write("nounit.csv", "Họ và tên,Ngày sinh\nLò Văn A,01/02/1990\n");
    let run = w
        .tally(&[
            "ingest",
            "nounit.csv",
            "--org",
            "youth",
            "--as-of",
            "31/10/2026",
        ])
        .expect(65);
    assert!(
        run.stderr.contains(
            "nounit.csv:1: the roll has no commune column (Mã xã, Xã/phường, or an enterprise's tax code), and neither its title nor its sheet's name names a unit; headers found: \"Họ và tên\", \"Ngày sinh\""
        ),
        "{}",
        run.stderr
    );
    w.write(
        "baddate.csv",
        "Họ và tên,Ngày sinh,Mã xã\nLò Văn A,31/02/1980,02647\n",
    );
    let run = w
        .tally(&[
            "ingest",
            "baddate.csv",
            "--org",
            "youth",
            "--as-of",
            "31/10/2026",
        ])
        .expect(65);
    assert!(
        run.stderr
            .contains("value \"31/02/1980\": that day does not exist: the month has 29 days"),
        "{}",
        run.stderr
    );
}

/// A file is read once, its checksum taken as its rows are: the manifest still records
/// the SHA-256 of its bytes and their count. A file of a size already stored is hashed
/// first, so the same bytes again (under any name, in the same command too) change
/// nothing, while other bytes of that size are ingested.
#[test]
fn a_file_read_once_is_known_again_by_its_checksum() {
    let w = Workdir::new()
        .with_reference()
        .with(&["roll_youth_clean.csv"]);
    let roll = w.read("roll_youth_clean.csv");
    w.write("copy.csv", &roll);
    let flags = ["--org", "youth", "--as-of", "2026-10-31"];
    let run = |files: &[&str]| {
        let mut args = vec!["ingest"];
        args.extend_from_slice(files);
        args.extend_from_slice(&flags);
        w.tally(&args).expect(0)
    };
    let both = run(&["roll_youth_clean.csv", "copy.csv"]);
    assert_eq!(
        both.stdout.matches("already ingested").count(),
        1,
        "{}",
        both.stdout
    );
    let rec = w.roll_record();
    let (bytes, sha) = tally::store::fsutil::sha256_file(&w.dir.join("copy.csv")).unwrap();
    assert_eq!(rec["sha256"], sha.as_str());
    assert_eq!(rec["file_bytes"], bytes);
    // The same size, other bytes: a corrected roll, not the same one.
    let other = roll.replacen("Nguyễn", "Nguyễm", 1);
    assert_eq!(other.len(), roll.len());
    w.write("corrected.csv", &other);
    let again = run(&["corrected.csv", "--replace"]);
    assert!(
        !again.stdout.contains("already ingested"),
        "{}",
        again.stdout
    );
    assert!(again.stdout.contains("stored"), "{}", again.stdout);
}

/// A youth of 31 still a member is warned about; one of 31 whose status says he aged
/// out (`Trưởng thành Đoàn`) or who left with a date is not: he is no slip.
#[test]
fn only_a_member_is_warned_for_being_outside_the_group() {
    let w = Workdir::new().with_reference();
    w.write(
        "y.csv",
        "Họ và tên,Ngày sinh,Mã xã,Ngày vào Đoàn,Ngày ra,Trạng thái\n\
         A,01/01/1995,02647,01/01/2010,,Đang sinh hoạt\n\
         B,01/01/1995,02647,01/01/2010,,Trưởng thành Đoàn\n\
         C,01/01/1995,02647,01/01/2010,15/10/2026,Chuyển sinh hoạt\n",
    );
    let run = w
        .tally(&["ingest", "y.csv", "--org", "youth", "--as-of", "31/10/2026"])
        .expect(0);
    assert!(run.stderr.contains("aged 31"), "{}", run.stderr);
    assert!(run.stderr.contains("y.csv:2:"), "{}", run.stderr);
    assert!(
        !run.stderr.contains("y.csv:3:") && !run.stderr.contains("y.csv:4:"),
        "{}",
        run.stderr
    );
}
