//! Enterprises with a grassroots organization: an enterprises file with a `Có CĐCS`
//! column and a founding-date column for the Youth Union, read and said once with
//! counts; the report's enterprises of at least N workers (`--min-workers`, default 25)
//! with a member and with a grassroots organization, beside the enterprises reached,
//! as new columns after the existing ones; the summary's labels saying which is which.

use crate::workdir::Workdir;

/// As an office keeps it: a title row, semicolons, Vietnamese headers; head counts
/// around the line of 25 (24, 25, 26), one without a head count.
const ENTERPRISES: &str = "\
DANH MỤC DOANH NGHIỆP TRÊN ĐỊA BÀN TỈNH NĂM 2026;;;;;;
Mã số thuế;Tên doanh nghiệp;Mã xã;Loại hình;Số lao động;Có CĐCS;Ngày thành lập chi đoàn
5300100001;Công ty TNHH Chè Sa Pa;02647;ngoài nhà nước;120;Có;15/03/2018
5300100002;Công ty Cổ phần Khoáng sản;02680;nhà nước;300;x;
5300100003;Công ty TNHH May Bắc Hà;02647;ngoài nhà nước;24;Có;
5300100004;Hợp tác xã Dược liệu;02683;Ngoài nhà nước;25;Không;
5300100005;Công ty TNHH Gỗ Bát Xát;02683;Ngoài nhà nước;26;;2020
5300100006;Công ty TNHH Xây dựng Hợp Thành;02680;ngoài nhà nước;;Có;
";

/// Three union members: in enterprises 1 (120 workers), 4 (25) and 3 (24).
const UNION: &str = "\
DANH SÁCH ĐOÀN VIÊN CÔNG ĐOÀN;;;;;;
Họ và tên;Ngày sinh;Giới tính;Mã xã;Mã số thuế;Ngày vào Công đoàn;Trạng thái
Nguyễn Văn An;01/01/1990;Nam;02647;5300100001;01/01/2020;Đang sinh hoạt
Trần Văn Bình;01/01/1991;Nam;02683;5300100004;01/01/2020;Đang sinh hoạt
Lê Văn Cường;01/01/1992;Nam;02647;5300100003;01/01/2020;Đang sinh hoạt
";

fn store(w: &Workdir) -> crate::workdir::Run {
    w.write("doanh-nghiep.csv", ENTERPRISES);
    w.write("doan-vien-cd.csv", UNION);
    let run = w
        .tally(&["ingest", "areas.csv", "eligible.csv", "doanh-nghiep.csv"])
        .expect(0);
    w.tally(&[
        "ingest",
        "doan-vien-cd.csv",
        "--org",
        "union",
        "--as-of",
        "31/10/2026",
    ])
    .expect(0);
    run
}

fn csv_row<'a>(csv: &'a str, start: &str) -> Vec<&'a str> {
    let line = csv
        .lines()
        .find(|l| l.starts_with(start))
        .unwrap_or_else(|| panic!("no {start}\n{csv}"));
    line.split(',').collect()
}

/// By hand. Non-state enterprises: 1 (120), 3 (24), 4 (25), 5 (26), 6 (no head count).
/// Of at least 25 workers: 1, 4, 5 = 3 (3 is below the line, 6 has no count). With a
/// union member: 1 and 4 = 2 (3 is reached too, but below the line: the reach of any
/// size is 3 of 5). With a grassroots union (`Có CĐCS`): 1 = 1 (4 says Không, 5 is
/// empty: none). The Youth Union's chi đoàn (a founding date): 1 and 5 = 2; its members
/// are unknown (no roll). `--min-workers 26`: 1 and 5 = 2, reached 1, with a union 1.
#[test]
fn enterprises_of_25_workers_with_a_grassroots_union_beside_those_reached() {
    let w = Workdir::new().with(&["areas.csv", "eligible.csv"]);
    let run = store(&w);
    assert!(
        run.stdout.contains(
            "read from column \"Có CĐCS\" whether each enterprise has a grassroots organization of the Trade union: 4 have one, 2 do not (1 empty cell(s) read as none)"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("\"Ngày thành lập chi đoàn\" whether each enterprise has a grassroots organization of the Youth Union: 2 have one, 4 do not (4 empty cell(s) read as none)"),
        "{}",
        run.stdout
    );
    assert!(!run.stderr.contains("ignored column"), "{}", run.stderr);

    let csv = w
        .tally(&[
            "report", "--period", "2026-10", "--org", "union", "--org", "youth", "--format", "csv",
        ])
        .expect(0)
        .stdout;
    let head: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    // After the sixteen and a month's four columns of the month before.
    assert_eq!(head.len(), 24, "{csv}");
    assert_eq!(head[14], "enterprises_reached");
    assert_eq!(head[16], "previous_members");
    assert_eq!(
        head[20..],
        [
            "min_workers",
            "enterprises_min_workers",
            "enterprises_min_workers_reached",
            "enterprises_with_org"
        ]
    );
    let union = csv_row(&csv, "2026-10,union,ownership,non_state,");
    assert_eq!((union[13], union[14]), ("5", "3"), "{union:?}");
    assert_eq!(union[20..], ["25", "3", "2", "1"], "{union:?}");
    let youth = csv_row(&csv, "2026-10,youth,ownership,non_state,");
    assert_eq!(youth[20..], ["25", "3", "", "2"], "{youth:?}");
    // Off the ownership rows the columns are empty.
    let total = csv_row(&csv, "2026-10,union,total,all,");
    assert_eq!(total[20..], ["", "", "", ""]);

    let json = w
        .tally(&[
            "report",
            "--period",
            "2026-10",
            "--org",
            "union",
            "--min-workers",
            "26",
            "--format",
            "json",
        ])
        .expect(0)
        .stdout;
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let ns = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["dimension"] == "ownership" && r["group"] == "non_state")
        .unwrap();
    assert_eq!(ns["min_workers"], 26);
    assert_eq!(ns["enterprises_min_workers"], 2, "{ns}");
    assert_eq!(ns["enterprises_min_workers_reached"], 1, "{ns}");
    assert_eq!(ns["enterprises_with_org"], 1, "{ns}");
}

/// The summary says which count is which, in both languages: the ownership column is
/// the non-state enterprises' coverage, reach is of any size, and the enterprises of at
/// least 25 workers give with a member / with a grassroots organization / all.
#[test]
fn the_summary_labels_say_which_is_which() {
    let w = Workdir::new().with(&["areas.csv", "eligible.csv"]);
    store(&w);
    let args = [
        "report", "--period", "2026-10", "--org", "union", "--org", "youth",
    ];
    let vi = w
        .tally(&[&args[..], &["--lang", "vi"]].concat())
        .expect(0)
        .stdout;
    for label in [
        "Doanh nghiệp ngoài nhà nước (tỷ lệ)",
        "Doanh nghiệp ngoài nhà nước có thành viên (mọi quy mô)",
        "Doanh nghiệp ngoài nhà nước từ 25 lao động: có thành viên / có tổ chức cơ sở / tổng số",
        "2 / 1 / 3",
        "3 / 5",
        "— / 2 / 3",
    ] {
        assert!(vi.contains(label), "{label}\n{vi}");
    }
    let en = w.tally(&args).expect(0).stdout;
    assert!(
        en.contains("Non-state enterprises of ≥ 25 workers: with a member / with a grassroots organization / all"),
        "{en}"
    );
}

/// Without a word of grassroots organizations in the enterprises file, the report is
/// as before: sixteen columns; and an organization with nothing in enterprises (the
/// Women's Union: no member in one, no word of its grassroots organizations) has no
/// enterprise columns in the summary.
#[test]
fn without_the_column_nothing_changes_and_no_empty_enterprise_columns() {
    let w = Workdir::new()
        .with_reference()
        .with(&["roll_youth_clean.csv"]);
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
        .tally(&["report", "--period", "2026-10", "--format", "csv"])
        .expect(0)
        .stdout;
    // The sixteen and a month's four of the month before.
    assert_eq!(csv.lines().next().unwrap().split(',').count(), 20, "{csv}");
    let w = Workdir::new().with(&["areas.csv", "eligible.csv"]);
    w.write("dn.csv", ENTERPRISES);
    w.tally(&["ingest", "areas.csv", "eligible.csv", "dn.csv"])
        .expect(0);
    w.write(
        "hv.csv",
        "Họ và tên,Ngày sinh,Mã xã,Ngày vào Hội\nLò Thị Mai,01/01/1980,02680,01/01/2020\n",
    );
    w.tally(&[
        "ingest",
        "hv.csv",
        "--org",
        "women",
        "--as-of",
        "31/10/2026",
    ])
    .expect(0);
    let table = w
        .tally(&["report", "--period", "2026-10", "--org", "women"])
        .expect(0)
        .stdout;
    assert!(!table.contains("Non-state"), "{table}");
}

/// A cell that says neither yes/no nor a date is refused with the column and a hint.
#[test]
fn a_cell_that_says_neither_is_refused() {
    let w = Workdir::new().with(&["areas.csv"]);
    w.tally(&["ingest", "areas.csv"]).expect(0);
    w.write(
        "dn.csv",
        ENTERPRISES.replace("25;Không;", "25;đang vận động;"),
    );
    let run = w.tally(&["ingest", "dn.csv"]).expect(65);
    assert!(
        run.stderr.contains(
            "dn.csv:6: column \"Có CĐCS\": value \"đang vận động\": not a yes/no or a founding date"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("founded"), "{}", run.stderr);
}

/// A row of the workbook: tax code, name, commune, ownership, workers, the CĐCS mark,
/// the chi đoàn's founding day.
type Firm<'a> = (
    f64,
    &'a str,
    &'a str,
    &'a str,
    Option<f64>,
    &'a str,
    Option<(u16, u8, u8)>,
);

/// The same enterprises as a workbook an office saves: a title, tax codes typed as
/// numbers, head counts as numbers, the union's column of `x` marks and the Youth
/// Union's founding dates as date cells. The counts are those of the CSV: of at least
/// 25 workers 3, with a grassroots union 1, with a chi đoàn 2.
#[test]
fn a_workbook_with_date_cells_reads_the_same() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let w = Workdir::new().with(&["areas.csv", "eligible.csv"]);
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "DANH MỤC DOANH NGHIỆP NĂM 2026")
        .unwrap();
    let header = [
        "Mã số thuế",
        "Tên doanh nghiệp",
        "Mã xã",
        "Loại hình",
        "Số lao động",
        "Có CĐCS",
        "Ngày thành lập chi đoàn",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    // (tax code, name, commune, ownership, workers, CĐCS, chi đoàn founded)
    let rows: [Firm; 6] = [
        (
            5300100001.0,
            "Chè Sa Pa",
            "02647",
            "ngoài nhà nước",
            Some(120.0),
            "x",
            Some((2018, 3, 15)),
        ),
        (
            5300100002.0,
            "Khoáng sản",
            "02680",
            "nhà nước",
            Some(300.0),
            "x",
            None,
        ),
        (
            5300100003.0,
            "May Bắc Hà",
            "02647",
            "ngoài nhà nước",
            Some(24.0),
            "x",
            None,
        ),
        (
            5300100004.0,
            "Dược liệu",
            "02683",
            "ngoài nhà nước",
            Some(25.0),
            "",
            None,
        ),
        (
            5300100005.0,
            "Gỗ Bát Xát",
            "02683",
            "ngoài nhà nước",
            Some(26.0),
            "",
            Some((2020, 1, 9)),
        ),
        (
            5300100006.0,
            "Xây dựng",
            "02680",
            "ngoài nhà nước",
            None,
            "x",
            None,
        ),
    ];
    for (i, (id, name, area, own, workers, cdcs, founded)) in rows.iter().enumerate() {
        let r = 3 + i as u32;
        ws.write_number(r, 0, *id).unwrap();
        ws.write_string(r, 1, *name).unwrap();
        ws.write_string(r, 2, *area).unwrap();
        ws.write_string(r, 3, *own).unwrap();
        if let Some(n) = workers {
            ws.write_number(r, 4, *n).unwrap();
        }
        ws.write_string(r, 5, *cdcs).unwrap();
        if let Some((y, m, d)) = founded {
            let day = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
            ws.write_datetime_with_format(r, 6, &day, &date).unwrap();
        }
    }
    wb.save(w.dir.join("doanh-nghiep.xlsx")).unwrap();
    w.write("doan-vien-cd.csv", UNION);
    let run = w
        .tally(&["ingest", "areas.csv", "eligible.csv", "doanh-nghiep.xlsx"])
        .expect(0);
    assert!(
        run.stdout.contains("Trade union: 4 have one, 2 do not"),
        "{}",
        run.stdout
    );
    w.tally(&[
        "ingest",
        "doan-vien-cd.csv",
        "--org",
        "union",
        "--as-of",
        "31/10/2026",
    ])
    .expect(0);
    let csv = w
        .tally(&[
            "report", "--period", "2026-10", "--org", "union", "--org", "youth", "--format", "csv",
        ])
        .expect(0)
        .stdout;
    assert_eq!(
        csv_row(&csv, "2026-10,union,ownership,non_state,")[20..],
        ["25", "3", "2", "1"]
    );
    assert_eq!(
        csv_row(&csv, "2026-10,youth,ownership,non_state,")[20..],
        ["25", "3", "", "2"]
    );
}
