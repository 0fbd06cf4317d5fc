//! A province's monthly workbook as the office sends it: 23 sheets (a cluster each,
//! "Cụm 1" … "Cụm 23") of 320 members, each under a title block, with a "Ghi chú"
//! column nobody maps, a totals row, IDs typed as numbers (Excel dropped their leading
//! zero) and a hidden notes sheet. Its ingest must say each kind of warning once.

use crate::workdir::Workdir;

pub(crate) const SHEETS: u32 = 23;
pub(crate) const PER_SHEET: u32 = 320;

/// Writes the workbook `name` in the work directory (Women's Union, 31/10/2026).
pub(crate) fn write(w: &Workdir, name: &str) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let id = Format::new().set_num_format("0");
    for s in 1..=SHEETS {
        let ws = wb.add_worksheet();
        ws.set_name(format!("Cụm {s}")).unwrap();
        ws.write_string(0, 0, "DANH SÁCH HỘI VIÊN HỘI LIÊN HIỆP PHỤ NỮ")
            .unwrap();
        ws.write_string(1, 0, format!("Cụm {s} - Xã Hợp Thành, tháng 10/2026"))
            .unwrap();
        let head = [
            "STT",
            "Họ và tên",
            "Ngày sinh",
            "Giới tính",
            "Số CCCD",
            "Mã xã",
            "Ghi chú",
        ];
        for (c, h) in head.iter().enumerate() {
            ws.write_string(3, c as u16, *h).unwrap();
        }
        for i in 0..PER_SHEET {
            let r = 4 + i;
            let birth = ExcelDateTime::from_ymd(1985, 3, 15).unwrap();
            ws.write_number(r, 0, f64::from(i + 1)).unwrap();
            ws.write_string(r, 1, format!("Đỗ Thị Yến {s}-{i}"))
                .unwrap();
            ws.write_datetime_with_format(r, 2, &birth, &date).unwrap();
            ws.write_string(r, 3, "Nữ").unwrap();
            // 010 1 85 NNNNNN: Lào Cai, a woman born in 1985; typed as a number.
            let cccd = 10_185_000_000.0 + f64::from(s * 1_000 + i);
            ws.write_number_with_format(r, 4, cccd, &id).unwrap();
            ws.write_number(r, 5, 2647.0).unwrap();
        }
        let total = 4 + PER_SHEET;
        ws.write_string(total, 0, "Tổng cộng").unwrap();
        ws.write_number(total, 1, f64::from(PER_SHEET)).unwrap();
    }
    let notes = wb.add_worksheet();
    notes.set_name("Ghi chú").unwrap();
    notes.set_hidden(true);
    notes.write_string(0, 0, "Họ và tên").unwrap();
    notes.write_string(1, 0, "Không tính").unwrap();
    wb.save(w.dir.join(name)).unwrap();
}

/// The workbook ingested (`--dry-run` when asked) in `lang`: stdout and stderr.
pub(crate) fn ingest(w: &Workdir, name: &str, lang: &str, extra: &[&str]) -> crate::workdir::Run {
    let mut args = vec![
        "ingest",
        name,
        "--org",
        "women",
        "--as-of",
        "31/10/2026",
        "--lang",
        lang,
    ];
    args.extend_from_slice(extra);
    w.tally(&args).expect(0)
}

#[test]
fn a_monthly_workbook_says_each_kind_of_warning_once_with_its_count() {
    let w = Workdir::new().with_reference();
    write(&w, "thang10.xlsx");
    let run = ingest(&w, "thang10.xlsx", "en", &["--dry-run"]);
    let all = format!("{}{}", run.stdout, run.stderr);
    let lines = all.lines().count();
    // One line for the workbook's 23 sheets, then one per kind of warning or note.
    assert!(lines <= 8, "{lines} lines:\n{all}");
    assert!(
        all.starts_with("thang10.xlsx (23 sheets): would store 7,360 row(s) of the Women's Union roll as of 2026-10-31 (ingests "),
        "{all}"
    );
    assert!(
        all.contains("on 7,360 rows (thang10.xlsx, sheet \"Cụm 1\" rows 5, 6, 7, 8, 9, …)"),
        "{all}"
    );
    // A note of the workbook is said once, under its name, not a sheet's.
    let hidden: Vec<&str> = all.lines().filter(|l| l.contains("(hidden)")).collect();
    assert_eq!(hidden.len(), 1, "{all}");
    assert!(
        hidden[0].starts_with("tally: warning: thang10.xlsx:")
            || hidden[0].starts_with("thang10.xlsx:"),
        "{all}"
    );
    let vi = ingest(&w, "thang10.xlsx", "vi", &["--dry-run"]);
    let all = format!("{}{}", vi.stdout, vi.stderr);
    assert!(lines >= all.lines().count(), "{all}");
    assert!(
        all.contains("ở 7.360 dòng (thang10.xlsx, trang tính \"Cụm 1\" dòng 5, 6, 7, 8, 9, …)"),
        "{all}"
    );
}

#[test]
fn every_warning_goes_to_the_warnings_file_with_excel_s_bom() {
    let w = Workdir::new().with_reference();
    write(&w, "thang10.xlsx");
    let run = ingest(&w, "thang10.xlsx", "vi", &["--warnings", "canh-bao.csv"]);
    assert!(
        run.stderr
            .contains("mọi cảnh báo (7.360 dòng) nằm trong canh-bao.csv"),
        "{}",
        run.stderr
    );
    let bytes = std::fs::read(w.dir.join("canh-bao.csv")).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1 + 7_360);
    assert_eq!(lines[0], "tệp,trang tính,dòng,cột,giá trị,cảnh báo,gợi ý");
    assert!(
        lines[1].starts_with("thang10.xlsx,Cụm 1,5,Số CCCD,10185001000,11 chữ số"),
        "{}",
        lines[1]
    );
    // Without the mark, for a program that reads it as text.
    let again = Workdir::new().with_reference();
    write(&again, "thang10.xlsx");
    ingest(
        &again,
        "thang10.xlsx",
        "en",
        &["--warnings", "w.csv", "--no-bom", "--dry-run"],
    );
    let text = again.read("w.csv");
    assert!(
        text.starts_with("file,sheet,line,column,value,warning,hint\n"),
        "{text}"
    );
}

/// Found by review: a workbook of a sheet per month (`Tháng 9`, `Tháng 10`, each titled
/// with its date) given with October's date was refused for September's sheet, the
/// hint silent on --sheet. It names it now, and --sheet reads October's alone.
#[test]
fn a_workbook_of_a_sheet_per_month_is_read_a_month_at_a_time() {
    use rust_xlsxwriter::Workbook;
    let w = Workdir::new().with_reference();
    let mut wb = Workbook::new();
    for (sheet, day) in [("Tháng 9", "30/09/2026"), ("Tháng 10", "31/10/2026")] {
        let ws = wb.add_worksheet();
        ws.set_name(sheet).unwrap();
        ws.write_string(0, 0, "DANH SÁCH HỘI VIÊN").unwrap();
        ws.write_string(1, 0, format!("Số liệu đến ngày {day}"))
            .unwrap();
        for (c, h) in ["Họ và tên", "Năm sinh", "Mã xã"].iter().enumerate() {
            ws.write_string(3, c as u16, *h).unwrap();
        }
        ws.write_string(4, 0, "Lò Thị Mai").unwrap();
        ws.write_number(4, 1, 1990.0).unwrap();
        ws.write_string(4, 2, "02647").unwrap();
    }
    wb.save(w.dir.join("hv.xlsx")).unwrap();
    let args = [
        "ingest",
        "hv.xlsx",
        "--org",
        "women",
        "--as-of",
        "31/10/2026",
    ];
    let run = w.tally(&args).expect(65);
    assert!(
        run.stderr.contains("a workbook with a sheet per month is read a month at a time: for the roll of 31/10/2026, name its sheet with --sheet"),
        "{}",
        run.stderr
    );
    let mut one = args.to_vec();
    one.extend(["--sheet", "Tháng 10"]);
    let run = w.tally(&one).expect(0);
    assert!(run.stdout.contains("stored 1 row(s)"), "{}", run.stdout);
}
