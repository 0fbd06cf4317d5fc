//! Dates typed day first on a computer set to a US region: Excel made the ones it could
//! read month first into date cells of the wrong day and left the others as text.
//! Worked by hand.

use crate::workdir::Workdir;

/// A youth roll as such an office saves it: a title, the header on row 4, and seven
/// members whose birth and joining dates were typed day first. Cells marked `date` are
/// what Excel made of the typed text (05/03/1995 became the 3rd of May); the others
/// stayed the text typed (a day above 12 reads as no month).
fn write_roll(w: &Workdir, file: &str) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("m/d/yyyy");
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "DANH SÁCH ĐOÀN VIÊN THÁNG 11/2026")
        .unwrap();
    let header = [
        "STT",
        "Họ và tên",
        "Số CCCD",
        "Ngày sinh",
        "Mã xã",
        "Ngày vào Đoàn",
        "Trạng thái",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(3, c as u16, *h).unwrap();
    }
    // As typed, day first: (birth, joined).
    let typed = [
        ("05/03/1995", "05/11/2026"),
        ("25/03/1996", "20/11/2026"),
        ("01/02/1997", "03/10/2026"),
        ("14/07/1998", "15/06/2020"),
        ("07/08/1999", "02/01/2019"),
        ("09/12/2000", "11/04/2018"),
        ("30/01/2001", "06/06/2017"),
    ];
    for (i, (birth, joined)) in typed.iter().enumerate() {
        let r = 4 + i as u32;
        ws.write_number(r, 0, (i + 1) as f64).unwrap();
        ws.write_string(r, 1, format!("Đoàn viên {}", i + 1))
            .unwrap();
        ws.write_string(r, 2, format!("0012000001{:02}", i + 1))
            .unwrap();
        ws.write_string(r, 4, "02647").unwrap();
        ws.write_string(r, 6, "Đang sinh hoạt").unwrap();
        for (c, text) in [(3u16, birth), (5, joined)] {
            let n: Vec<u16> = text.split('/').map(|p| p.parse::<u16>().unwrap()).collect();
            if n[0] <= 12 {
                // Read month first: the day typed is the month.
                let cell = ExcelDateTime::from_ymd(n[2], n[0] as u8, n[1] as u8).unwrap();
                ws.write_datetime_with_format(r, c, &cell, &date).unwrap();
            } else {
                ws.write_string(r, c, *text).unwrap();
            }
        }
    }
    wb.save(w.dir.join(file)).unwrap();
}

/// November's youth total: 7 members, and the start and recruited given.
fn november(w: &Workdir, start: u64, recruited: u64) {
    let v = crate::last_month::json(w, &["--period", "2026-11"]);
    let t = (v["rows"].as_array().expect("rows").iter())
        .find(|r| r["org"] == "youth" && r["dimension"] == "total")
        .cloned()
        .expect("the youth's total row");
    let got = (&t["members"], &t["members_start"], &t["recruited"]);
    assert_eq!(got, (&7.into(), &start.into(), &recruited.into()), "{t}");
}

/// Found by review: such a roll was read without a word, member 1 joining on the 11th
/// of May instead of the 5th of November. The birth and joining columns hold nine date
/// cells, every day at 12 or below, beside five dates typed as text with a day above
/// 12, and no column says otherwise: the sheet is refused naming the columns, a cell of
/// each, and the option; nothing stored.
/// With `--date-cells swapped` the nine date cells (four births, five joinings) read as
/// typed, and November, by hand: members 7; at its start (joined by 31/10) members 3,
/// 4, 5, 6, 7 = 5; recruited 1 (5 Nov) and 2 (20 Nov) = 2. With `--date-cells as-is`
/// they read as stored: member 1 joined on 11 May, so start 6, recruited 1; read
/// again with `--date-cells swapped --replace`, as typed.
#[test]
fn date_cells_typed_day_first_under_a_us_region_are_refused_then_read_as_typed() {
    let w = Workdir::new().with_reference();
    write_roll(&w, "t11.xlsx");
    let args = [
        "ingest",
        "t11.xlsx",
        "--org",
        "youth",
        "--as-of",
        "30/11/2026",
    ];
    let run = w.tally(&args).expect(65);
    for said in [
        "column(s) D, F hold 9 date cell(s), every one with its day at 12 or below (D5 03/05/1995)",
        "beside 5 date(s) typed as text with a day above 12 (D6 25/03/1996)",
        "--date-cells swapped",
    ] {
        assert!(run.stderr.contains(said), "{said}\n{}", run.stderr);
    }
    let status = w.tally(&["status"]).stdout;
    assert!(!status.contains("2026-11-30"), "nothing stored: {status}");
    let run = w
        .tally(&[&args[..], &["--date-cells", "swapped"]].concat())
        .expect(0);
    assert!(
        run.stdout
            .contains("read 9 date cell(s) with day and month exchanged (--date-cells swapped)"),
        "{}",
        run.stdout
    );
    november(&w, 5, 2);
    let w = Workdir::new().with_reference();
    write_roll(&w, "t11.xlsx");
    let run = w
        .tally(&[&args[..], &["--date-cells", "as-is"]].concat())
        .expect(0);
    assert!(!run.stdout.contains("exchanged"), "{}", run.stdout);
    november(&w, 6, 1);
    // Read again with the date cells swapped (found by review: the same sheet was
    // "already ingested", nothing changed): --replace reads it anew.
    let again = [&args[..], &["--date-cells", "swapped", "--replace"]].concat();
    let run = w.tally(&again).expect(0);
    assert!(
        run.stdout
            .contains("again, its date cells as --date-cells says"),
        "{}",
        run.stdout
    );
    november(&w, 5, 2);
    w.tally(&["verify"]).expect(0);
}

/// `--date-cells` with no workbook among the files names nothing: refused as a usage
/// error (found by review: it did nothing and said nothing).
#[test]
fn date_cells_without_a_workbook_is_refused() {
    let w = Workdir::new().with_reference();
    w.write(
        "t11.csv",
        "Họ và tên,Số CCCD,Ngày sinh,Mã xã,Ngày vào Đoàn,Trạng thái\n\
         Đoàn viên 1,001200000101,05/03/1995,02647,05/11/2026,Đang sinh hoạt\n",
    );
    let args = [
        "ingest",
        "t11.csv",
        "--org",
        "youth",
        "--as-of",
        "30/11/2026",
        "--date-cells",
        "swapped",
    ];
    let run = w.tally(&args).expect(2);
    assert!(
        run.stderr.contains("none of these files is a workbook"),
        "{}",
        run.stderr
    );
}
