//! The column-number row of official forms, right under the header (`(1)`, `(2)`, …,
//! `1`, `2`, …, or `A`, `B`, `1`, `2`, …): skipped and said once, in CSV and in a
//! workbook; the same numbers anywhere else are a row like any other.

use crate::workdir::Workdir;

const HEADER: &str = "STT,Họ và tên,Ngày sinh,Giới tính,Mã xã,Ngày vào Đoàn";
const MEMBERS: &str = "\
1,Lò Văn An,01/02/2000,Nam,02680,01/01/2020
2,Lò Thị Bình,02/03/2001,Nữ,02680,01/01/2020
3,Giàng A Chứ,03/04/1999,Nam,02683,01/01/2020
";

fn ingest(w: &Workdir, file: &str, extra: &[&str], code: i32) -> crate::workdir::Run {
    let mut args = vec!["ingest", file, "--org", "youth", "--as-of", "31/10/2026"];
    args.extend(extra);
    w.tally(&args).expect(code)
}

/// Each form's numbering on line 2: the three members stored, the row said skipped;
/// under a title block, with a blank line between it and the header, in Vietnamese.
#[test]
fn a_numbering_under_the_header_is_skipped_and_said() {
    for numbering in [
        "(1),(2),(3),(4),(5),(6)",
        "1,2,3,4,5,6",
        "A,B,1,2,3,4",
        "(1),(2),(3),(4),(5),(6),,",
    ] {
        let w = Workdir::new().with_reference();
        w.write("doan-vien.csv", format!("{HEADER}\n{numbering}\n{MEMBERS}"));
        let run = ingest(&w, "doan-vien.csv", &[], 0);
        assert!(
            run.stdout.contains("stored 3 row(s)"),
            "{numbering}: {}",
            run.stdout
        );
        assert!(
            run.stdout
                .contains("doan-vien.csv: skipped the column-number row on line 2"),
            "{numbering}: {}",
            run.stdout
        );
        assert_eq!(
            run.stdout.matches("column-number row").count(),
            1,
            "{}",
            run.stdout
        );
    }
    let w = Workdir::new().with_reference();
    w.write(
        "doan-vien.csv",
        format!("DANH SÁCH ĐOÀN VIÊN\n{HEADER}\n,,,,,\n(1),(2),(3),(4),(5),(6)\n{MEMBERS}"),
    );
    let run = ingest(&w, "doan-vien.csv", &["--lang", "vi"], 0);
    assert!(
        run.stdout
            .contains("doan-vien.csv: bỏ qua dòng đánh số thứ tự cột ở dòng 4"),
        "{}",
        run.stdout
    );
}

/// The same numbers below a member, or not numbering every column, are a row like any
/// other: read, and refused as a member (no date "(3)", no such commune as "5").
#[test]
fn numbers_anywhere_else_are_a_row() {
    for (body, line) in [
        (format!("{MEMBERS}1,2,3,4,5,6\n"), 5),
        (format!("(1),(2),(3),(4),(5)\n{MEMBERS}"), 2),
        (
            "1,An,01/02/2000,Nam,02680,01/01/2020\n(1),(2),(3),(4),(5),(6)\n".to_string(),
            3,
        ),
    ] {
        let w = Workdir::new().with_reference();
        w.write("doan-vien.csv", format!("{HEADER}\n{body}"));
        let run = ingest(&w, "doan-vien.csv", &[], 65);
        assert!(
            run.stderr
                .contains(&format!("doan-vien.csv:{line}: column")),
            "{body}: {}",
            run.stderr
        );
        assert!(!run.stdout.contains("column-number row"), "{}", run.stdout);
    }
}

/// A workbook with its title, header and the numbering typed as numbers under it
/// (`A`, `B`, then 1 to 4): the three members, the numbering's row named once.
#[test]
fn a_workbook_numbering_is_skipped_too() {
    use rust_xlsxwriter::{Format, Workbook};
    let w = Workdir::new().with_reference();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Chi đoàn 1").unwrap();
    ws.merge_range(0, 0, 0, 5, "DANH SÁCH ĐOÀN VIÊN", &Format::new())
        .unwrap();
    for (c, h) in HEADER.split(',').enumerate() {
        ws.write_string(2, c as u16, h).unwrap();
    }
    for (c, n) in ["A", "B"].iter().enumerate() {
        ws.write_string(3, c as u16, *n).unwrap();
    }
    for n in 1..=4u16 {
        ws.write_number(3, n + 1, f64::from(n)).unwrap();
    }
    for (r, line) in MEMBERS.lines().enumerate() {
        for (c, cell) in line.split(',').enumerate() {
            ws.write_string(4 + r as u32, c as u16, cell).unwrap();
        }
    }
    wb.save(w.dir.join("doan-vien.xlsx")).unwrap();
    let run = ingest(&w, "doan-vien.xlsx", &[], 0);
    assert!(run.stdout.contains("stored 3 row(s)"), "{}", run.stdout);
    assert!(
        run.stdout
            .contains("skipped the column-number row on line 4"),
        "{}",
        run.stdout
    );
}
