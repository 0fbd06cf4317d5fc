//! A month's office work under a Vietnamese locale, and every word tally says swept
//! for English: workbooks with a hidden sheet and a summary sheet, a new areas version
//! that reclassifies units (refused, then taken and dropped), a file that is not
//! there, a dry run, status, report, verify and backup. File names, option names and
//! values in quotes are the user's and are left out of the sweep.

use crate::english_words::{english_in, english_vocabulary, said_by_tally};
use crate::workdir::Workdir;
use std::process::Command;

/// Runs tally under the locale `lang` (no --lang); its stdout and stderr after the
/// command line.
fn run(w: &Workdir, lang: &str, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_tally"))
        .current_dir(&w.dir)
        .env("TALLY_STORE", w.store())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env("LANG", lang)
        .env("COLUMNS", "100")
        .args(args)
        .output()
        .expect("run tally");
    format!(
        "$ tally {}\n{}{}",
        args.join(" "),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// The people's and sheets' names of [`youth_workbook`].
const YOUTH_WORKBOOK_WORDS: &str =
    "Chi đoàn 1, Tổng hợp, DS cũ, Nguyễn Văn An, Lò Thị Hoà, Giàng A Páo";

/// The youth roll of October as a branch office keeps it: one sheet per chi đoàn,
/// a summary sheet of numbers (no roll header), and a hidden sheet of last year's list.
fn youth_workbook(w: &Workdir) {
    use rust_xlsxwriter::{Format, Workbook};
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let ws = wb.add_worksheet();
    ws.set_name("Chi đoàn 1").unwrap();
    ws.write_string_with_format(0, 0, "DANH SÁCH ĐOÀN VIÊN THÁNG 10/2026", &bold)
        .unwrap();
    let header = [
        "STT",
        "Họ và tên",
        "Ngày sinh",
        "Giới tính",
        "Mã xã",
        "Ngày vào Đoàn",
        "Trạng thái",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(2, c as u16, *h, &bold).unwrap();
    }
    let rows = [
        ("Nguyễn Văn An", "15/03/2000", "Nam", "02647"),
        ("Lò Thị Hoà", "20/05/2001", "Nữ", "02680"),
        ("Giàng A Páo", "01/02/2002", "Nam", "02683"),
    ];
    for (i, (name, born, sex, unit)) in rows.iter().enumerate() {
        let r = 3 + i as u32;
        ws.write_number(r, 0, (i + 1) as f64).unwrap();
        for (c, v) in [*name, *born, *sex, *unit, "01/01/2018", "Đang sinh hoạt"]
            .iter()
            .enumerate()
        {
            ws.write_string(r, 1 + c as u16, *v).unwrap();
        }
    }
    let summary = wb.add_worksheet();
    summary.set_name("Tổng hợp").unwrap();
    summary
        .write_string(0, 0, "BÁO CÁO TỔNG HỢP SỐ LIỆU ĐOÀN VIÊN")
        .unwrap();
    summary.write_string(2, 0, "Tổng số đoàn viên").unwrap();
    summary.write_number(2, 1, 3.0).unwrap();
    let old = wb.add_worksheet();
    old.set_name("DS cũ").unwrap();
    old.write_string(0, 0, "Danh sách năm 2025").unwrap();
    old.set_hidden(true);
    wb.save(w.dir.join("doan-vien-t10.xlsx")).unwrap();
}

/// The farmers' roll of October as a commune office types it: a title row, `;`
/// between cells, Vietnamese headers, a column of notes tally has no field for, and a
/// day that does not exist.
const FARMERS: &str = "DANH SÁCH HỘI VIÊN HỘI NÔNG DÂN THÁNG 10/2026\n\
    STT;Họ và tên;Ngày sinh;Giới tính;Mã xã;Ngày vào Hội;Trạng thái;Ghi chú nội bộ\n\
    1;Lò Văn Sáng;12/04/1970;Nam;02680;10/05/2001;Đang sinh hoạt;tổ 3\n\
    2;Sùng Thị Mai;31/02/1975;Nữ;02683;01/06/2005;Đang sinh hoạt;\n\
    3;Vàng A Dế;05/09/1968;Nam;02686;20/11/1999;Đang sinh hoạt;chuyển từ xã khác\n";

/// The files of the month, in `w`: the reference, the two rolls, next year's areas
/// that reclassify six communes, and new targets.
fn the_months_files(w: &Workdir) {
    youth_workbook(w);
    w.write("hoi-nong-dan-t10.csv", FARMERS);
    w.write(
        "dia-ban-2027.csv",
        "code,name,level,parent_code,ethnic_minority,religious,rural,highland\n\
         15,Lào Cai,province,,no,no,no,no\n\
         02647,Phường Lào Cai,commune,15,no,no,yes,no\n\
         02680,Xã Hợp Thành,commune,15,yes,x,no,no\n\
         02683,Xã Bát Xát,commune,15,III,,no,yes\n\
         02686,Xã A Mú Sung,commune,15,có,không,không,yes\n\
         90001,Xã Tân Phú,commune,15,no,no,no,no\n\
         90002,Xã Tân Phú,commune,15,no,yes,no,no\n",
    );
    w.write(
        "chi-tieu.csv",
        "org,year,scope,target_pct\nyouth,2026,*,72\nwomen,2027,*,76\n",
    );
    // The month's slips: a roll without the name and ID columns, one of two
    // organizations, one whose ID says another sex than its row.
    w.write(
        "thieu-cot.csv",
        "Mã xã,Tổ chức,Ngày chốt số liệu\n02647,Hội Nông dân,31/10/2026\n",
    );
    w.write(
        "hai-to-chuc.csv",
        "Họ và tên,Năm sinh,Mã xã,Tổ chức,Ngày chốt số liệu\n\
         Lò Văn Páo,1970,02647,Hội Nông dân,31/10/2026\n\
         Lò Thị Mai,1990,02647,Hội LHPN,31/10/2026\n",
    );
    w.write(
        "lech-gioi.csv",
        "Họ và tên,Số CCCD,Giới tính,Năm sinh,Mã xã,Tổ chức,Ngày chốt số liệu\n\
         Lò Văn Páo,002171500001,Nam,1971,02647,Hội Nông dân,31/10/2026\n",
    );
}

/// The month's commands, in order (the drop is added once the id is known).
const MONTH: &[&[&str]] = &[
    &[
        "ingest",
        "areas.csv",
        "enterprises.csv",
        "eligible.csv",
        "targets.csv",
    ],
    &[
        "ingest",
        "doan-vien-t10.xlsx",
        "--org",
        "youth",
        "--as-of",
        "31/10/2026",
    ],
    &[
        "ingest",
        "doan-vien-t10.xlsx",
        "--sheet",
        "Chi đoàn 9",
        "--org",
        "youth",
    ],
    &[
        "ingest",
        "hoi-nong-dan-t10.csv",
        "--org",
        "farmers",
        "--as-of",
        "31/10/2026",
    ],
    &[
        "ingest",
        "hoi-nong-dan-t10.csv",
        "--org",
        "farmers",
        "--as-of",
        "31/10/2026",
        "--skip-invalid",
        "--rejects",
        "loai.csv",
    ],
    &["ingest", "chi-tieu.csv", "--dry-run"],
    &["ingest", "dia-ban-2027.csv"],
    &["ingest", "dia-ban-2027.csv", "--replace"],
    &["ingest", "khong-co-tep.csv"],
    &[
        "ingest",
        "doan-vien-t10.xlsx",
        "--sheet",
        "Tổng hợp",
        "--org",
        "youth",
    ],
    &["ingest", "sao-luu-cu"],
    &["ingest", "thieu-cot.csv", "--dry-run"],
    &["ingest", "hai-to-chuc.csv", "--dry-run"],
    &["ingest", "lech-gioi.csv", "--dry-run"],
    &["ingest", "hoi-nong-dan-t10.csv", "--as-of", "31/13/2026"],
    &["ingest", "hoi-nong-dan-t10.csv", "--wait", "abc"],
    &["report", "--period", "2026-10", "--last", "0"],
    &["status"],
    &["report", "--period", "2026-10"],
    &["report", "--period", "2026-10", "--output", "bao-cao.csv"],
    &["report", "--period", "2026-10", "--format", "md"],
    &["report", "--period", "2026-10", "--output", "bao-cao.xlsx"],
    &["report", "--period", "2026-10", "--output", "bao-cao.html"],
    &[
        "report", "--period", "2026-10", "--org", "farmers", "--by", "sex",
    ],
    &["report", "--period", "2026-09"],
    &["verify"],
    &["backup", "sao-luu"],
];

/// `--help` of tally and of each command, short and long.
const HELP: &[&[&str]] = &[
    &["--help"],
    &["-h"],
    &["help"],
    &["ingest", "--help"],
    &["ingest", "-h"],
    &["report", "--help"],
    &["report", "-h"],
    &["status", "--help"],
    &["drop", "--help"],
    &["verify", "--help"],
    &["backup", "--help"],
    &["completions", "--help"],
    &["man", "--help"],
    &["help", "ingest"],
    &["help", "help"],
];

/// The month under the locale `lang`: what tally said, what `--help` said, and the
/// text of the month's files.
fn month(lang: &str) -> (String, String, String) {
    let w = Workdir::new().with(&[
        "areas.csv",
        "enterprises.csv",
        "eligible.csv",
        "targets.csv",
    ]);
    the_months_files(&w);
    std::fs::create_dir(w.dir.join("sao-luu-cu")).unwrap();
    let mut said = String::new();
    for args in MONTH {
        said.push_str(&run(&w, lang, args));
    }
    // The rejects file is read by a person too: its reasons and hints (its header
    // and the row's cells are the columns' names and the user's).
    let mut rejects = csv::Reader::from_path(w.dir.join("loai.csv")).unwrap();
    for row in rejects.records() {
        let row = row.unwrap();
        said.push_str(&format!("{}\n{}\n", &row[5], &row[6]));
    }
    // The areas version just taken, dropped: the one before is in force again.
    let manifest: serde_json::Value = serde_json::from_str(&w.manifest()).unwrap();
    let id = manifest["ingests"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|i| i["kind"] == "areas")
        .and_then(|i| i["id"].as_str())
        .unwrap()
        .to_string();
    said.push_str(&run(&w, lang, &["drop", &id]));
    said.push_str(&run(&w, lang, &["drop", "000000000000"]));
    // Lines that name a file of the store are left out: a path is shown as the file
    // system spells it (`reference/areas-….parquet`); only a store that is not private
    // lists them (under wine, which keeps no access list, every store).
    let store = w.store().display().to_string();
    let said: Vec<&str> = said.lines().filter(|l| !l.contains(&store)).collect();
    let mut help = String::new();
    for args in HELP {
        help.push_str(&run(&w, lang, args));
    }
    let mut input = String::from(YOUTH_WORKBOOK_WORDS);
    for file in [
        "areas.csv",
        "enterprises.csv",
        "hoi-nong-dan-t10.csv",
        "dia-ban-2027.csv",
    ] {
        input.push_str(&w.read(file));
    }
    (said.join("\n"), help, input)
}

#[test]
fn a_months_work_under_a_vietnamese_locale_says_no_english() {
    let (said, help, input) = month("vi_VN.UTF-8");
    // What the month said, in Vietnamese: the sheets skipped, the versions, the
    // missing file by its kind.
    for text in [
        "bỏ qua trang tính",
        "(bị ẩn)",
        "trang tính",
        "sổ tính",
        "đổi phân loại",
        "không có tệp hoặc thư mục này",
        "sẽ thay 1 dòng đã có",
        "đã xóa lần nạp",
        "Cách dùng:",
        // The slips, said in the reader's words.
        "thiếu cột bắt buộc: Họ và tên hoặc Số CCCD",
        "Hội Nông dân (dòng 2) và Hội Liên hiệp Phụ nữ (dòng 3)",
        "số định danh ghi nữ, dòng ghi nam",
        "cần ngày ghi ngày trước",
        "không phải số nguyên",
        "cần một số từ 1 đến 120",
    ] {
        assert!(
            said.contains(text) || help.contains(text),
            "missing {text:?} in\n{said}\n{help}"
        );
    }
    if let Ok(path) = std::env::var("TALLY_SWEEP_TRANSCRIPT") {
        std::fs::write(path, format!("{said}\n{help}")).unwrap();
    }
    let (english, english_help, _) = month("en_US.UTF-8");
    let vocabulary = english_vocabulary(&format!("{english}\n{english_help}"), &input);
    let mut found = english_in(&said_by_tally(&said), &vocabulary, false);
    found.extend(english_in(&said_by_tally(&help), &vocabulary, true));
    assert!(
        found.is_empty(),
        "{} line(s) of English said to a Vietnamese reader:\n{}",
        found.len(),
        found.join("\n")
    );
}
