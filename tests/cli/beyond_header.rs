//! Cells beyond the header, in a text file: a number written with a decimal comma
//! in a comma-separated file falls into two cells, and the header's column read only
//! the first part (a target of 0,75% stored as 0, an eligible count of 1,215 as 1).
//! Such a row is refused with its line, its cells and the likely cause; the trailing
//! empty cells Excel writes stay accepted.

use crate::workdir::Workdir;

/// Ingests `file` with `args` after it; the run, expecting `code`.
fn ingest(w: &Workdir, file: &str, args: &[&str], code: i32) -> crate::workdir::Run {
    let mut all = vec!["ingest", file];
    all.extend(args);
    w.tally(&all).expect(code)
}

/// A targets row `0,75` and `72,5` under `Chỉ tiêu (%)`: refused, the line, both cells
/// and the decimal comma named, with the fix; nothing stored. In Vietnamese too.
#[test]
fn a_target_split_at_its_decimal_comma_is_refused() {
    let w = Workdir::new().with_youth_roll();
    let before = w.manifest();
    for (row, cells, quoted, dotted) in [
        ("Đoàn TN,2026,Toàn tỉnh,0,75", "\"0\"", "\"0,75\"", "0.75"),
        ("Đoàn TN,2026,Toàn tỉnh,72,5", "\"72\"", "\"72,5\"", "72.5"),
    ] {
        w.write(
            "chi-tieu.csv",
            format!("Tổ chức,Năm,Phạm vi,Chỉ tiêu (%)\n{row}\n"),
        );
        let run = ingest(&w, "chi-tieu.csv", &[], 65);
        let want = format!(
            "chi-tieu.csv:2: column \"Chỉ tiêu (%)\": value {quoted}: the line has more cells than the header's 4 columns"
        );
        assert!(run.stderr.contains(&want), "{want}\n{}", run.stderr);
        let says = format!("{cells} under \"Chỉ tiêu (%)\" followed by");
        assert!(run.stderr.contains(&says), "{}", run.stderr);
        assert!(
            run.stderr.contains(
                "looks like one number split in two by a decimal comma (or a thousands separator)"
            ),
            "{}",
            run.stderr
        );
        let hint = format!("put the number in quotes ({quoted}), write it with a dot ({dotted}), or save the CSV with a semicolon as the separator");
        assert!(run.stderr.contains(&hint), "{}", run.stderr);
        assert_eq!(w.manifest(), before, "nothing stored");
    }
    let run = ingest(&w, "chi-tieu.csv", &["--lang", "vi"], 65);
    assert!(
        run.stderr.contains(
            "chi-tieu.csv:2: cột \"Chỉ tiêu (%)\": giá trị \"72,5\": dòng có nhiều ô hơn 4 cột của dòng tiêu đề (\"5\"): \"72\" ở cột \"Chỉ tiêu (%)\" rồi đến \"5\" trông như một số bị dấu phẩy thập phân (hoặc dấu phân cách hàng nghìn) tách làm hai"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("hoặc lưu CSV với dấu chấm phẩy làm dấu phân cách"),
        "{}",
        run.stderr
    );
    // Quoted as the hint says, it is the target 72.5%.
    w.write(
        "chi-tieu.csv",
        "Tổ chức,Năm,Phạm vi,Chỉ tiêu (%)\nĐoàn TN,2026,Toàn tỉnh,\"72,5\"\n",
    );
    ingest(&w, "chi-tieu.csv", &["--replace"], 0);
    let csv = w
        .tally(&[
            "report", "--period", "2026-10", "--org", "youth", "--format", "csv",
        ])
        .expect(0)
        .stdout;
    assert!(
        csv.lines()
            .any(|l| l.contains(",total,all,") && l.contains(",72.50,")),
        "{csv}"
    );
}

/// An eligible count of 1,215 written with a thousands comma: refused, said as a
/// number split in two, not stored as 1.
#[test]
fn an_eligible_count_split_at_its_thousands_comma_is_refused() {
    let w = Workdir::new().with_reference();
    let before = w.manifest();
    w.write(
        "doi-tuong.csv",
        "Mã xã,Tổ chức,Năm,Số đối tượng\n02680,Đoàn TN,2026,80\n02647,Đoàn TN,2026,1,215\n",
    );
    let run = ingest(&w, "doi-tuong.csv", &[], 65);
    assert!(
        run.stderr.contains(
            "doi-tuong.csv:3: column \"Số đối tượng\": value \"1,215\": the line has more cells than the header's 4 columns (\"215\"): \"1\" under \"Số đối tượng\" followed by \"215\" looks like one number split in two by a decimal comma (or a thousands separator)"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(w.manifest(), before, "nothing stored");
}

/// A roll's row with a note past the header's last column: refused, naming the cell;
/// the rows with Excel's trailing empty cells are read as they were.
#[test]
fn a_roll_row_with_a_cell_past_the_header_is_refused() {
    let w = Workdir::new().with_reference();
    let roll = "Họ và tên,Ngày sinh,Mã xã,Ngày vào Đoàn,,\n\
                Lò Văn An,01/02/2000,02680,01/01/2020,,\n\
                Lò Thị Bình,02/03/2001,02680,01/01/2020,,\n";
    w.write(
        "doan-vien.csv",
        format!("{roll}Giàng A Chứ,03/04/1999,02680,01/01/2020,,chuyển đi tháng 9\n"),
    );
    let before = w.manifest();
    let args = ["--org", "youth", "--as-of", "31/10/2026"];
    let run = ingest(&w, "doan-vien.csv", &args, 65);
    assert!(
        run.stderr.contains(
            "doan-vien.csv:4: value \"chuyển đi tháng 9\": the line has 1 cell(s) with something in them beyond the header's 4 columns (\"chuyển đi tháng 9\"): no column reads them"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("give the column a header, or delete what lies to the right of the table"),
        "{}",
        run.stderr
    );
    assert_eq!(w.manifest(), before, "nothing stored");
    w.write("doan-vien.csv", roll);
    let run = ingest(&w, "doan-vien.csv", &args, 0);
    assert!(run.stdout.contains("stored 2 row(s)"), "{}", run.stdout);
}

/// Reference files with trailing commas on every line (Excel's empty cells) are read
/// as before.
#[test]
fn trailing_empty_cells_are_accepted() {
    let w = Workdir::new().with_youth_roll();
    w.write(
        "chi-tieu.csv",
        "Tổ chức,Năm,Phạm vi,Chỉ tiêu (%),,\nĐoàn TN,2026,Toàn tỉnh,75,,\n",
    );
    w.write(
        "doi-tuong.csv",
        "Mã xã,Tổ chức,Năm,Số đối tượng\n02647,Đoàn TN,2026,\"1,215\",,,\n",
    );
    ingest(&w, "chi-tieu.csv", &["doi-tuong.csv", "--replace"], 0);
    let csv = w
        .tally(&[
            "report", "--period", "2026-10", "--org", "youth", "--format", "csv",
        ])
        .expect(0)
        .stdout;
    let total = csv
        .lines()
        .find(|l| l.contains(",total,all,"))
        .expect("total");
    // Eligible 1,215 (the quoted count), target 75%.
    assert!(
        total.contains(",1215,") && total.contains(",75.00,"),
        "{csv}"
    );
}

/// In a workbook a cell is where it was typed: a note to the right of the table ("đã
/// xác minh") is no split number, and the roll is stored.
#[test]
fn a_note_beside_a_workbooks_table_is_no_split_row() {
    use rust_xlsxwriter::Workbook;
    let w = Workdir::new().with_reference();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["Họ và tên", "Mã xã", "Ngày vào Đoàn"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, name) in ["An Văn A", "Bình Văn B"].iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_string(r, 0, *name).unwrap();
        ws.write_string(r, 1, "02647").unwrap();
        ws.write_string(r, 2, "01/01/2020").unwrap();
    }
    ws.write_string(1, 4, "đã xác minh").unwrap();
    wb.save(w.dir.join("doan-vien.xlsx")).unwrap();
    stores_two_youth_members(&w, "doan-vien.xlsx");
}

/// In a semicolon file a comma splits nothing: a note typed to the right of the table
/// on one line is no split number, and the roll is stored as it was before.
#[test]
fn a_note_beside_a_semicolon_table_is_no_split_row() {
    let w = Workdir::new().with_reference();
    w.write(
        "doan-vien.csv",
        "Họ và tên;Mã xã;Ngày vào Đoàn\n\
         An Văn A;02647;01/01/2020\n\
         Bình Văn B;02647;01/01/2020;;Ghi chú: chuyển từ Hà Nội về\n",
    );
    stores_two_youth_members(&w, "doan-vien.csv");
}

/// Ingests `file` as October's youth roll; the report counts its 2 members.
fn stores_two_youth_members(w: &Workdir, file: &str) {
    ingest(w, file, &["--org", "youth", "--as-of", "31/10/2026"], 0);
    let csv = w
        .tally(&["report", "--org", "youth", "--format", "csv"])
        .expect(0)
        .stdout;
    assert!(csv.contains(",youth,total,all,2,"), "{csv}");
}
