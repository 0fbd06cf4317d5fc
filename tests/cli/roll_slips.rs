//! An office's everyday slips in a roll, each read right or refused, never a silent
//! wrong number: a status column under another header, departure words in a notes
//! column, a sheet of departed members, a two-digit year in the title, last month's
//! sheet name, a youth roll without a sex column under the Women's Union, a commune
//! code and name that disagree. Files are made as offices make them: a title block
//! above the header, Vietnamese headers, workbooks with date cells.

use crate::workdir::Workdir;

const AREAS: &str = "\
code,name,level,parent_code,ethnic_minority,religious,rural
15,Lào Cai,province,,no,no,no
02647,Phường Lào Cai,commune,15,no,no,no
02680,Xã Hợp Thành,commune,15,yes,no,yes
02683,Xã Bát Xát,commune,15,yes,no,yes
";

fn setup() -> Workdir {
    let w = Workdir::new();
    w.write("areas.csv", AREAS);
    w.tally(&["ingest", "areas.csv"]).expect(0);
    w
}

/// The members the report counts for `org` at `as_of` (the total row's cell).
fn members(w: &Workdir, org: &str, as_of: &str) -> String {
    let csv = w
        .tally(&["report", "--as-of", as_of, "--org", org, "--format", "csv"])
        .expect(0)
        .stdout;
    let row = csv
        .lines()
        .find(|l| l.contains(",total,all,"))
        .unwrap_or_else(|| panic!("no total row in\n{csv}"));
    row.split(',').nth(4).unwrap().to_string()
}

/// A youth roll as a commune exports it: a title block, then `header`, then eight
/// members of whom rows 6 to 8 have left (their word under the last column).
fn youth_roll(last_header: &str) -> String {
    let mut s = String::from(
        "ĐOÀN TNCS HỒ CHÍ MINH XÃ HỢP THÀNH;;;;;;;\n\
         DANH SÁCH ĐOÀN VIÊN;;;;;;;\n\
         ;;;;;;;\n",
    );
    s.push_str(&format!(
        "STT;Họ và tên;Số CCCD;Giới tính;Ngày sinh;Mã xã;Ngày vào Đoàn;{last_header}\n"
    ));
    let words = [
        "Đang sinh hoạt",
        "Đang sinh hoạt",
        "",
        "Đang sinh hoạt",
        "Đang sinh hoạt",
        "Qua đời",
        "Đã chuyển",
        "Ra Đoàn",
    ];
    for (i, word) in words.iter().enumerate() {
        let n = i + 1;
        s.push_str(&format!(
            "{n};Đoàn viên {n};0153000010{n:02};Nữ;0{n}/03/2000;02680;01/01/2016;{word}\n"
        ));
    }
    s
}

fn ingest_youth(w: &Workdir, file: &str, code: i32) -> crate::workdir::Run {
    w.tally(&["ingest", file, "--org", "youth", "--as-of", "30/11/2026"])
        .expect(code)
}

/// Item: a status column under the headers offices give it is read: 5 members of 8.
#[test]
fn a_status_column_under_another_header_is_read() {
    for header in [
        "Trạng thái đoàn viên",
        "Tình trạng hội viên",
        "Trạng thái ĐV/HV",
        "Tình trạng SH",
        "TT sinh hoạt",
        "Tình hình sinh hoạt",
    ] {
        let w = setup();
        w.write("doan-vien.csv", youth_roll(header));
        let run = ingest_youth(&w, "doan-vien.csv", 0);
        assert!(
            !run.stderr.contains("ignored column"),
            "{header}: {}",
            run.stderr
        );
        assert_eq!(members(&w, "youth", "30/11/2026"), "5", "{header}");
    }
}

/// A departure date under "Ngày mất" is a leaving date: 1 member of 2.
#[test]
fn a_date_of_death_is_a_leaving_date() {
    let w = setup();
    w.write(
        "hoi-vien.csv",
        "DANH SÁCH HỘI VIÊN\n\
         STT,Họ và tên,Số CCCD,Giới tính,Ngày sinh,Mã xã,Ngày vào Hội,Ngày mất\n\
         1,Lò Thị Mai,015190001001,Nữ,01/01/1990,02680,01/01/2015,\n\
         2,Lò Thị Lan,015190001002,Nữ,02/01/1990,02680,01/01/2015,10/10/2026\n",
    );
    w.tally(&[
        "ingest",
        "hoi-vien.csv",
        "--org",
        "women",
        "--as-of",
        "30/11/2026",
    ])
    .expect(0);
    assert_eq!(members(&w, "women", "30/11/2026"), "1");
}

/// Departure words in a column tally does not read, with no status column: refused,
/// naming the column, a value and its line, and the fix; nothing stored.
#[test]
fn departure_words_in_a_notes_column_are_refused() {
    let w = setup();
    w.write("doan-vien.csv", youth_roll("Ghi chú"));
    let before = w.manifest();
    let run = ingest_youth(&w, "doan-vien.csv", 65);
    assert!(
        run.stderr.contains(
            "doan-vien.csv: line 10: column \"Ghi chú\" holds \"Qua đời\", a word for a member who has left"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("rename its header to \"Trạng thái\""),
        "{}",
        run.stderr
    );
    assert_eq!(w.manifest(), before, "nothing stored");
    // Renamed as the hint says, the same file gives 5 members.
    w.write("doan-vien.csv", youth_roll("Trạng thái"));
    ingest_youth(&w, "doan-vien.csv", 0);
    assert_eq!(members(&w, "youth", "30/11/2026"), "5");
}

/// One sheet of a women's roll workbook, as offices keep them: title, date line,
/// header, members (birth and joining dates as date cells).
struct Sheet {
    name: &'static str,
    title: &'static str,
    date_line: &'static str,
    /// (first CCCD serial, how many).
    rows: (u32, u32),
    hidden: bool,
}

fn write_book(w: &Workdir, file: &str, sheets: &[Sheet]) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for s in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(s.name).unwrap();
        ws.set_hidden(s.hidden);
        ws.write_string(0, 0, s.title).unwrap();
        ws.write_string(1, 0, s.date_line).unwrap();
        let header = [
            "STT",
            "Họ và tên",
            "Số CCCD",
            "Giới tính",
            "Ngày sinh",
            "Mã xã",
            "Ngày vào Hội",
        ];
        for (c, h) in header.iter().enumerate() {
            ws.write_string(3, c as u16, *h).unwrap();
        }
        let (first, n) = s.rows;
        for i in 0..n {
            let r = 4 + i;
            let serial = first + i;
            ws.write_number(r, 0, f64::from(i + 1)).unwrap();
            ws.write_string(r, 1, format!("Hội viên {serial}")).unwrap();
            ws.write_string(r, 2, format!("015190{serial:06}")).unwrap();
            ws.write_string(r, 3, "Nữ").unwrap();
            let birth = ExcelDateTime::from_ymd(1990, 1 + (i % 12) as u8, 5).unwrap();
            ws.write_datetime_with_format(r, 4, &birth, &date).unwrap();
            ws.write_string(r, 5, "02680").unwrap();
            let joined = ExcelDateTime::from_ymd(2015, 3, 8).unwrap();
            ws.write_datetime_with_format(r, 6, &joined, &date).unwrap();
        }
    }
    wb.save(w.dir.join(file)).unwrap();
}

fn ingest_women(w: &Workdir, file: &str, as_of: &str, code: i32) -> crate::workdir::Run {
    w.tally(&["ingest", file, "--org", "women", "--as-of", as_of])
        .expect(code)
}

const ACTIVE: Sheet = Sheet {
    name: "Đang sinh hoạt",
    title: "DANH SÁCH HỘI VIÊN ĐANG SINH HOẠT",
    date_line: "Số liệu đến ngày 30/11/2026",
    rows: (1, 5),
    hidden: false,
};

/// A workbook's sheet of departed members (no status column) is skipped, said once
/// under the workbook's name: 5 members, not 8. Such a list alone is refused.
#[test]
fn a_sheet_of_departed_members_is_not_read_as_members() {
    let w = setup();
    let departed = Sheet {
        name: "Đã ra khỏi Hội",
        title: "DANH SÁCH HỘI VIÊN ĐÃ CHUYỂN ĐI, RA KHỎI HỘI, QUA ĐỜI",
        date_line: "Số liệu đến ngày 30/11/2026",
        rows: (101, 3),
        hidden: false,
    };
    write_book(&w, "hoi-vien.xlsx", &[ACTIVE, departed]);
    let run = ingest_women(&w, "hoi-vien.xlsx", "30/11/2026", 0);
    let said = "hoi-vien.xlsx: skipped 1 sheet(s) that list members who have left, with no status column: \"Đã ra khỏi Hội\" (\"Đã ra khỏi Hội\")";
    assert_eq!(run.stdout.matches(said).count(), 1, "{}", run.stdout);
    assert_eq!(members(&w, "women", "30/11/2026"), "5");

    // The departed list exported alone, as a CSV whose title says what it lists.
    w.write(
        "ra-doan.csv",
        "DANH SÁCH ĐOÀN VIÊN RA ĐOÀN NĂM 2026\n\
         STT,Họ và tên,Số CCCD,Giới tính,Ngày sinh,Mã xã,Ngày vào Đoàn\n\
         1,Lò Văn Nam,015200001001,Nam,01/01/2000,02680,01/01/2016\n",
    );
    let run = ingest_youth(&w, "ra-doan.csv", 65);
    assert!(
        run.stderr.contains("ra-doan.csv: the list is of members who have left (\"DANH SÁCH ĐOÀN VIÊN RA ĐOÀN NĂM 2026\") and has no status column"),
        "{}",
        run.stderr
    );
}

/// A title whose date has a two-digit year ("31/10/26") is last month's under this
/// month's --as-of: refused as its four-digit twin is; under its own date, stored.
#[test]
fn a_title_date_with_a_two_digit_year_is_checked() {
    let w = setup();
    w.write(
        "hoi-vien-t10.csv",
        "DANH SÁCH HỘI VIÊN;;;;;;\n\
         Số liệu đến 31/10/26;;;;;;\n\
         STT;Họ và tên;Số CCCD;Giới tính;Ngày sinh;Mã xã;Ngày vào Hội\n\
         1;Lò Thị Mai;015190001001;Nữ;01/01/1990;02680;01/01/2015\n",
    );
    let run = ingest_women(&w, "hoi-vien-t10.csv", "30/11/2026", 65);
    assert!(
        run.stderr.contains(
            "hoi-vien-t10.csv: the title says the figures are as of 31/10/2026 (\"Số liệu đến 31/10/26\"), but --as-of 30/11/2026"
        ),
        "{}",
        run.stderr
    );
    ingest_women(&w, "hoi-vien-t10.csv", "31/10/2026", 0);
}

/// A sheet named after last month ("Tháng 10-2026", "T10.2026", "10-2026") under this
/// month's --as-of is refused like a title date; under October's date it is stored.
#[test]
fn a_sheet_named_after_another_month_is_refused() {
    for name in ["Tháng 10-2026", "T10.2026", "10-2026"] {
        let w = setup();
        let sheet = Sheet {
            name,
            date_line: "",
            ..ACTIVE
        };
        write_book(&w, "hoi-vien.xlsx", &[sheet]);
        let run = ingest_women(&w, "hoi-vien.xlsx", "30/11/2026", 65);
        assert!(
            run.stderr.contains(&format!(
                "the sheet's name \"{name}\" says the figures are of 10/2026, but the snapshot date is 2026-11-30"
            )),
            "{name}: {}",
            run.stderr
        );
        ingest_women(&w, "hoi-vien.xlsx", "31/10/2026", 0);
    }
}

/// A youth roll with no sex column, 5 of its 10 CCCDs a man's (fourth digit 2), under
/// the Women's Union: refused with the count, as its twin with a sex column is.
#[test]
fn the_sex_in_the_id_tells_a_youth_roll_from_a_womens() {
    let w = setup();
    let mut s = String::from(
        "DANH SÁCH ĐOÀN VIÊN\n\
         STT,Họ và tên,Số CCCD,Ngày sinh,Mã xã,Ngày vào Đoàn,Trạng thái\n",
    );
    for n in 1..=10u32 {
        // Born 2002-2005: the century digit 2 for a man, 3 for a woman.
        let digit = if n % 2 == 1 { 2 } else { 3 };
        let year = 2 + n % 4;
        s.push_str(&format!(
            "{n},Đoàn viên {n},015{digit}0{year}1000{n:02},15/06/200{year},02680,01/01/2020,Đang sinh hoạt\n"
        ));
    }
    w.write("doan-vien.csv", s);
    let before = w.manifest();
    let run = ingest_women(&w, "doan-vien.csv", "30/11/2026", 65);
    assert!(
        run.stderr
            .contains("doan-vien.csv: 5 of the 10 row(s) with a known sex or age are outside the Women's Union"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("015202"), "no ID said: {}", run.stderr);
    assert_eq!(w.manifest(), before, "nothing stored");
    // Under the right organization it is stored.
    ingest_youth(&w, "doan-vien.csv", 0);
}

/// A roll whose title names the Youth Union ("DANH SÁCH ĐOÀN VIÊN"), all its members
/// women of the age, under --org women: refused, asking whether --org is right.
#[test]
fn a_roll_that_names_another_organization_is_refused() {
    let w = setup();
    w.write("doan-vien.csv", youth_roll("Trạng thái"));
    let before = w.manifest();
    let run = ingest_women(&w, "doan-vien.csv", "30/11/2026", 65);
    assert!(
        run.stderr.contains(
            "doan-vien.csv: \"ĐOÀN TNCS HỒ CHÍ MINH XÃ HỢP THÀNH\" names the Youth Union, but the roll is being stored as the Women's Union's"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--org youth"), "{}", run.stderr);
    assert_eq!(w.manifest(), before, "nothing stored");
    // In Vietnamese, the organizations by their Vietnamese names, and the option as a
    // Vietnamese reader writes it (`ĐTN` is taken as `youth`).
    let vi = w.tally(&[
        "--lang",
        "vi",
        "ingest",
        "doan-vien.csv",
        "--org",
        "women",
        "--as-of",
        "30/11/2026",
    ]);
    let said = "là của Đoàn Thanh niên, nhưng danh sách đang được lưu là của Hội Liên hiệp Phụ nữ";
    assert!(vi.stderr.contains(said), "{}", vi.stderr);
    assert!(vi.stderr.contains("ghi --org ĐTN;"), "{}", vi.stderr);
    // Stored as asked with --skip-invalid, and said once.
    let run = w
        .tally(&[
            "ingest",
            "doan-vien.csv",
            "--org",
            "women",
            "--as-of",
            "30/11/2026",
            "--skip-invalid",
        ])
        .expect(0);
    let said = "doan-vien.csv: \"ĐOÀN TNCS HỒ CHÍ MINH XÃ HỢP THÀNH\" names the Youth Union, but the roll was stored as the Women's Union's, as asked (--skip-invalid)";
    assert_eq!(run.stdout.matches(said).count(), 1, "{}", run.stdout);
}

/// A commune code and a commune name that disagree reject the row (line, both cells,
/// the fix), like any bad value; the forms of the code's own name are accepted.
#[test]
fn a_commune_code_and_name_that_disagree_reject_the_row() {
    let w = setup();
    let roll = |names: &[&str]| {
        let mut s = String::from(
            "DANH SÁCH HỘI VIÊN\n\
             STT,Họ và tên,Số CCCD,Giới tính,Ngày sinh,Mã xã,Xã/phường,Ngày vào Hội\n",
        );
        for (i, name) in names.iter().enumerate() {
            let n = i + 1;
            s.push_str(&format!(
                "{n},Hội viên {n},0151900010{n:02},Nữ,01/01/1990,02680,{name},01/01/2015\n"
            ));
        }
        s
    };
    // Today's name in the forms offices write it, and Xã Tả Phời, merged into Xã Hợp
    // Thành in 2025.
    w.write(
        "ok.csv",
        roll(&[
            "Xã Hợp Thành",
            "X. Hợp Thành",
            "Hợp Thành",
            "xã hợp thành",
            "Xã Tả Phời",
        ]),
    );
    ingest_women(&w, "ok.csv", "30/11/2026", 0);
    assert_eq!(members(&w, "women", "30/11/2026"), "5");

    let w = setup();
    w.write(
        "bad.csv",
        // Xã Bản Qua went to Xã Bát Xát in 2025.
        roll(&[
            "Xã Hợp Thành",
            "Xã Bát Xát",
            "Xã Không Có Thật",
            "Xã Bản Qua",
        ]),
    );
    let run = ingest_women(&w, "bad.csv", "30/11/2026", 65);
    assert!(
        run.stderr.contains(
            "bad.csv:4: column \"Xã/phường\": value \"Xã Bát Xát\": Mã xã \"02680\" is Xã Hợp Thành (02680), but this column names Xã Bát Xát (02683)"
        ),
        "{}",
        run.stderr
    );
    // With --skip-invalid the three rows go to the rejects, the good one is stored.
    let run = w
        .tally(&[
            "ingest",
            "bad.csv",
            "--org",
            "women",
            "--as-of",
            "30/11/2026",
            "--skip-invalid",
            "--rejects",
            "rejects.csv",
        ])
        .expect(0);
    assert!(run.stdout.contains("3 rejected"), "{}", run.stdout);
    let rejects = w.read("rejects.csv");
    assert!(
        rejects.contains("no unit of the areas reference"),
        "{rejects}"
    );
    assert!(
        rejects.contains("but this column names Xã Bát Xát (02683)"),
        "{rejects}"
    );
    assert_eq!(members(&w, "women", "30/11/2026"), "1");
}

/// What concerns the whole workbook (its hidden sheet skipped) is said once, under the
/// workbook's name, not under one of its sheets.
#[test]
fn a_workbooks_notes_are_said_under_its_name() {
    let w = setup();
    let second = Sheet {
        name: "Chi hội 2",
        rows: (51, 2),
        ..ACTIVE
    };
    let hidden = Sheet {
        name: "Cũ",
        rows: (81, 2),
        hidden: true,
        ..ACTIVE
    };
    write_book(&w, "hoi-vien.xlsx", &[ACTIVE, second, hidden]);
    let run = ingest_women(&w, "hoi-vien.xlsx", "30/11/2026", 0);
    assert!(
        run.stdout
            .contains("hoi-vien.xlsx: skipped sheet(s) \"Cũ\" (hidden)"),
        "{}",
        run.stdout
    );
    assert!(
        !run.stdout.contains("sheet \"Đang sinh hoạt\": skipped"),
        "{}",
        run.stdout
    );
}
