//! Workbooks as offices keep them: two sheets (a chi hội each), a title block, a merged
//! two-row header with the Nam/Nữ pair under the birth date, a formula STT, dates as
//! date cells, IDs and codes typed as numbers (their leading zeros lost), a totals row
//! and a signature block. Written here as .xlsx (rust_xlsxwriter) and .ods (by hand),
//! each must store exactly the members of its clean CSV twin.

use crate::workdir::Workdir;
use std::io::Write;

/// A cell of a generated sheet.
#[derive(Clone)]
enum Cell {
    Empty,
    Text(&'static str),
    Number(f64),
    Date(u16, u8, u8),
    /// A formula and its cached result.
    Formula(&'static str, f64),
    /// Text over `n` columns (merged across).
    Across(&'static str, u16),
}
use Cell::*;

struct Sheet {
    name: &'static str,
    hidden: bool,
    rows: Vec<Vec<Cell>>,
}

/// One member: name, birth (y, m, d), female, CCCD as typed (a number), unit as typed,
/// joined (y, m, d).
type M = (&'static str, (u16, u8, u8), bool, f64, f64, (u16, u8, u8));

const BRANCH_1: [M; 3] = [
    (
        "Đỗ Thị Yến",
        (1985, 3, 15),
        true,
        10185123456.0,
        2647.0,
        (2010, 5, 1),
    ),
    (
        "Nông Thị Mai",
        (1990, 12, 1),
        true,
        10190765432.0,
        2680.0,
        (2015, 1, 20),
    ),
    (
        "Lò Văn Sơn",
        (1979, 6, 30),
        false,
        10079111222.0,
        2680.0,
        (2001, 9, 2),
    ),
];
const BRANCH_2: [M; 2] = [
    (
        "Giàng Thị Dợ",
        (2001, 2, 28),
        true,
        10301555666.0,
        2683.0,
        (2020, 3, 8),
    ),
    (
        "Sùng Thị Mỷ",
        (1966, 7, 7),
        true,
        10166777888.0,
        2686.0,
        (1990, 10, 10),
    ),
];

fn branch(name: &'static str, title: &'static str, members: &[M]) -> Sheet {
    let mut rows = vec![
        vec![Across("DANH SÁCH HỘI VIÊN HỘI LIÊN HIỆP PHỤ NỮ", 7)],
        vec![Text(title)],
        vec![],
        vec![
            Text("STT"),
            Text("Họ và tên"),
            Across("Ngày, tháng, năm sinh", 2),
            Text("Số CCCD"),
            Text("Mã xã"),
            Text("Ngày vào Hội"),
        ],
        vec![Empty, Empty, Text("Nam"), Text("Nữ")],
    ];
    for (i, m) in members.iter().enumerate() {
        let (y, mo, d) = m.1;
        let (birth_m, birth_f) = if m.2 {
            (Empty, Date(y, mo, d))
        } else {
            (Date(y, mo, d), Empty)
        };
        rows.push(vec![
            Formula("=ROW()-5", (i + 1) as f64),
            Text(m.0),
            birth_m,
            birth_f,
            Number(m.3),
            Number(m.4),
            Date(m.5 .0, m.5 .1, m.5 .2),
        ]);
    }
    rows.push(vec![
        Text("Tổng cộng"),
        Formula("=COUNTA(B6:B8)", members.len() as f64),
    ]);
    rows.push(vec![]);
    rows.push(vec![
        Empty,
        Empty,
        Empty,
        Empty,
        Text("Lào Cai, ngày 31 tháng 10 năm 2026"),
    ]);
    rows.push(vec![
        Empty,
        Text("NGƯỜI LẬP BIỂU"),
        Empty,
        Empty,
        Text("T/M BAN THƯỜNG VỤ"),
    ]);
    rows.push(vec![
        Empty,
        Text("(Ký, ghi rõ họ tên)"),
        Empty,
        Empty,
        Text("(Ký tên, đóng dấu)"),
    ]);
    rows.push(vec![
        Empty,
        Text("Nguyễn Thị Lập"),
        Empty,
        Empty,
        Text("Hoàng Thị Tuấn"),
    ]);
    Sheet {
        name,
        hidden: false,
        rows,
    }
}

fn book(with_hidden: bool) -> Vec<Sheet> {
    let mut v = vec![
        branch("Chi hội 1", "Chi hội 1 - Xã Hợp Thành", &BRANCH_1),
        branch("Chi hội 2", "Chi hội 2 - Xã Bát Xát", &BRANCH_2),
    ];
    if with_hidden {
        v.push(Sheet {
            name: "Ghi chú",
            hidden: true,
            rows: vec![
                vec![Text("Họ và tên"), Text("Mã xã")],
                vec![Text("Không tính"), Text("02647")],
            ],
        });
    }
    v
}

/// The CSV twin: the same members, written plainly.
fn twin() -> String {
    let mut out = String::from("Họ và tên,Ngày sinh,Giới tính,Số CCCD,Mã xã,Ngày vào Hội\n");
    for m in BRANCH_1.iter().chain(&BRANCH_2) {
        let (y, mo, d) = m.1;
        let (jy, jm, jd) = m.5;
        out.push_str(&format!(
            "{},{d:02}/{mo:02}/{y},{},0{},0{},{jd:02}/{jm:02}/{jy}\n",
            m.0,
            if m.2 { "Nữ" } else { "Nam" },
            m.3 as u64,
            m.4 as u64
        ));
    }
    out
}

fn write_xlsx(path: &std::path::Path, sheets: &[Sheet]) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for s in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(s.name).unwrap();
        if s.hidden {
            ws.set_hidden(true);
        }
        for (r, row) in s.rows.iter().enumerate() {
            let r = r as u32;
            let mut c: u16 = 0;
            for cell in row {
                match cell {
                    Empty => {}
                    Text(t) => {
                        ws.write_string(r, c, *t).unwrap();
                    }
                    Number(n) => {
                        ws.write_number(r, c, *n).unwrap();
                    }
                    Date(y, m, d) => {
                        let dt = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                        ws.write_datetime_with_format(r, c, &dt, &date).unwrap();
                    }
                    Formula(f, v) => {
                        ws.write_formula(r, c, Formula::new(*f).set_result(v.to_string()))
                            .unwrap();
                    }
                    Across(t, n) => {
                        ws.merge_range(r, c, r, c + n - 1, t, &Format::new())
                            .unwrap();
                        c += n - 1;
                    }
                }
                c += 1;
            }
        }
    }
    wb.save(path).unwrap();
}

fn write_ods(path: &std::path::Path, sheets: &[Sheet]) {
    use zip::write::SimpleFileOptions;
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>"#,
    );
    for s in sheets {
        xml.push_str(&format!(r#"<table:table table:name="{}">"#, esc(s.name)));
        for row in &s.rows {
            xml.push_str("<table:table-row>");
            for cell in row {
                xml.push_str(&match cell {
                    Empty => "<table:table-cell/>".to_string(),
                    Text(t) => format!(
                        r#"<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>"#,
                        esc(t)
                    ),
                    Number(n) => format!(
                        r#"<table:table-cell office:value-type="float" office:value="{n}"><text:p>{n}</text:p></table:table-cell>"#
                    ),
                    Date(y, m, d) => format!(
                        r#"<table:table-cell office:value-type="date" office:date-value="{y:04}-{m:02}-{d:02}"><text:p>{d:02}/{m:02}/{y}</text:p></table:table-cell>"#
                    ),
                    Formula(f, v) => format!(
                        r#"<table:table-cell table:formula="of:{}" office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>"#,
                        esc(f)
                    ),
                    Across(t, n) => format!(
                        r#"<table:table-cell table:number-columns-spanned="{n}" office:value-type="string"><text:p>{}</text:p></table:table-cell>{}"#,
                        esc(t),
                        "<table:covered-table-cell/>".repeat(*n as usize - 1)
                    ),
                });
            }
            xml.push_str("</table:table-row>");
        }
        xml.push_str("</table:table>");
    }
    xml.push_str("</office:spreadsheet></office:body></office:document-content>");
    let file = std::fs::File::create(path).unwrap();
    let mut z = zip::ZipWriter::new(file);
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    z.start_file("mimetype", stored).unwrap();
    z.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    z.start_file("META-INF/manifest.xml", SimpleFileOptions::default())
        .unwrap();
    z.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#).unwrap();
    z.start_file("content.xml", SimpleFileOptions::default())
        .unwrap();
    z.write_all(xml.as_bytes()).unwrap();
    z.finish().unwrap();
}

/// The report a workbook's members give, beside its CSV twin's, in another store.
fn report_of(w: &Workdir, store: &str, file: &str) -> (String, String) {
    let s = w.dir.join(store);
    let s = s.to_str().unwrap();
    let run = w
        .tally(&[
            "--store",
            s,
            "ingest",
            "areas.csv",
            "eligible.csv",
            "targets.csv",
            file,
            "--org",
            "women",
            "--as-of",
            "31/10/2026",
        ])
        .expect(0);
    let report = w
        .tally(&[
            "--store", s, "report", "--period", "2026-10", "--format", "csv", "--by", "commune",
            "--by", "sex", "--by", "age_band",
        ])
        .expect(0)
        .stdout;
    (report, run.stdout + &run.stderr)
}

fn check_twin(ext: &str, write: fn(&std::path::Path, &[Sheet])) {
    let w = Workdir::new().with(&["areas.csv", "eligible.csv", "targets.csv"]);
    let name = format!("hoi-vien.{ext}");
    write(&w.dir.join(&name), &book(ext == "xlsx"));
    check_book(&w, &name, ext == "xlsx");
}

/// The workbook `name` in the work directory stores the members of the CSV twin.
fn check_book(w: &Workdir, name: &str, hidden_sheet: bool) {
    w.write("twin.csv", twin());
    let store = format!("a-{name}");
    let (ours, said) = report_of(w, &store, name);
    let (theirs, _) = report_of(w, &format!("b-{name}"), "twin.csv");
    assert_eq!(ours, theirs, "{name}: {said}");
    // Five members, in two sheets: each sheet a part of the one snapshot.
    assert!(ours.contains("2026-10,women,total,all,5,"), "{ours}");
    // The two sheets, parts of one snapshot, are said in one line.
    assert!(
        said.contains(&format!("{name} (2 sheets): stored 5 row(s)")),
        "{said}"
    );
    assert!(said.contains("skipped the signature block"), "{said}");
    assert!(said.contains("totals row(s)"), "{said}");
    if hidden_sheet {
        assert!(
            said.contains("skipped sheet(s) \"Ghi chú\" (hidden)"),
            "{said}"
        );
    }
    // The same workbook again changes nothing.
    let again = w
        .tally(&[
            "--store",
            w.dir.join(&store).to_str().unwrap(),
            "ingest",
            name,
            "--org",
            "women",
            "--as-of",
            "31/10/2026",
        ])
        .expect(0);
    assert_eq!(
        again.stdout.matches("already ingested").count(),
        2,
        "{}",
        again.stdout
    );
}

/// Workbooks as an office suite writes them: the generated .xlsx saved by LibreOffice
/// as .xls (BIFF8), .ods, and .xlsx again. Needs LibreOffice (`soffice`), so ignored
/// by a plain `cargo test`; `.ci/run` installs it and runs this.
#[test]
#[ignore = "needs LibreOffice: .ci/run installs it and runs this"]
fn workbooks_saved_by_libreoffice_store_the_members_of_their_csv_twin() {
    let w = Workdir::new().with(&["areas.csv", "eligible.csv", "targets.csv"]);
    write_xlsx(&w.dir.join("source.xlsx"), &book(true));
    let convert = |from: &str, to: &str, out: &str| w.soffice_convert(from, to, out);
    convert("source.xlsx", "xls", "lo");
    convert("source.xlsx", "ods", "lo");
    std::fs::copy(w.dir.join("lo/source.xls"), w.dir.join("hoi-vien.xls")).unwrap();
    std::fs::copy(w.dir.join("lo/source.ods"), w.dir.join("hoi-vien-lo.ods")).unwrap();
    convert("hoi-vien-lo.ods", "xlsx", "lo2");
    std::fs::copy(
        w.dir.join("lo2/hoi-vien-lo.xlsx"),
        w.dir.join("hoi-vien-lo.xlsx"),
    )
    .unwrap();
    for name in ["hoi-vien.xls", "hoi-vien-lo.ods", "hoi-vien-lo.xlsx"] {
        check_book(&w, name, true);
    }
}

#[test]
fn an_xlsx_workbook_stores_the_members_of_its_csv_twin() {
    check_twin("xlsx", write_xlsx);
}

#[test]
fn an_ods_workbook_stores_the_members_of_its_csv_twin() {
    check_twin("ods", write_ods);
}

/// A rejected row of a workbook is named by file, sheet and row as the spreadsheet
/// numbers them, and an error cell is rejected, not read as a value.
#[test]
fn workbook_problems_name_the_sheet_and_row() {
    let w = Workdir::new().with_reference();
    let sheets = vec![Sheet {
        name: "Chi đoàn 2",
        hidden: false,
        rows: vec![
            vec![Text("Họ và tên"), Text("Mã xã"), Text("Ngày sinh")],
            vec![Text("Lò Văn A"), Number(2647.0), Date(2000, 1, 1)],
            vec![Text("Lò Văn B"), Number(99999.0), Date(2001, 1, 1)],
        ],
    }];
    write_xlsx(&w.dir.join("ds.xlsx"), &sheets);
    let run = youth_ingest(&w, "ds.xlsx").expect(65);
    assert!(
        run.stderr
            .contains("ds.xlsx, sheet \"Chi đoàn 2\", row 3: column \"Mã xã\": value \"99999\""),
        "{}",
        run.stderr
    );
    // A CSV named .xlsx is read as the CSV it is; a truncated workbook is refused.
    w.write("roll.xlsx", "Họ và tên,Mã xã\nLò Văn C,02647\n");
    youth_ingest(&w, "roll.xlsx").expect(0);
    let bytes = std::fs::read(w.dir.join("ds.xlsx")).unwrap();
    w.write("cut.xlsx", &bytes[..bytes.len() / 2]);
    let run = youth_ingest(&w, "cut.xlsx").expect(65);
    assert!(
        run.stderr
            .contains("cannot read the workbook (its ZIP container is damaged or cut short)"),
        "{}",
        run.stderr
    );
    // In Vietnamese, without the reader's English ("Zip error: … EOCD").
    let run = w
        .tally(&[
            "--lang",
            "vi",
            "ingest",
            "cut.xlsx",
            "--org",
            "youth",
            "--as-of",
            "31/10/2026",
        ])
        .expect(65);
    assert!(
        run.stderr
            .contains("phần nén ZIP của tệp bị hỏng hoặc tệp bị cắt ngang")
            && !run.stderr.contains("Zip error"),
        "{}",
        run.stderr
    );
}

/// A ZIP bomb named .xlsx (300 MB of zeros in one part, a few hundred kilobytes
/// packed): refused by its declared sizes before anything is inflated, nothing stored.
#[test]
fn a_zip_bomb_is_refused_before_it_is_inflated() {
    use zip::write::SimpleFileOptions;
    let w = Workdir::new().with_reference();
    let file = std::fs::File::create(w.dir.join("bomb.xlsx")).unwrap();
    let mut z = zip::ZipWriter::new(file);
    z.start_file("[Content_Types].xml", SimpleFileOptions::default())
        .unwrap();
    z.write_all(b"<Types/>").unwrap();
    let big = SimpleFileOptions::default().large_file(true);
    z.start_file("xl/worksheets/sheet1.xml", big).unwrap();
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..300 {
        z.write_all(&zeros).unwrap();
    }
    z.finish().unwrap();
    assert!(std::fs::metadata(w.dir.join("bomb.xlsx")).unwrap().len() < 4 << 20);
    let run = youth_ingest(&w, "bomb.xlsx").expect(65);
    assert!(
        run.stderr.contains("refused as a ZIP bomb"),
        "{}",
        run.stderr
    );
    assert_eq!(w.status_json()["snapshots"], serde_json::json!([]));
}

/// A cell placed past Excel's last column (a damaged or hostile sheet) is a clear
/// error naming it, not a row millions of cells wide; nothing is stored.
#[test]
fn a_cell_past_the_last_column_is_refused() {
    let w = Workdir::new().with_reference();
    let sheets = vec![Sheet {
        name: "Chi đoàn 1",
        hidden: false,
        rows: vec![
            vec![Text("Họ và tên"), Text("Mã xã")],
            vec![Text("Lò Văn A"), Text("02647")],
        ],
    }];
    write_xlsx(&w.dir.join("ok.xlsx"), &sheets);
    rewrite_sheets(&w.dir.join("ok.xlsx"), &w.dir.join("wide.xlsx"), |text| {
        assert!(text.contains("r=\"B2\""), "{text}");
        text.replace("r=\"B2\"", "r=\"ZZZZZ2\"")
    });
    let run = youth_ingest(&w, "wide.xlsx").expect(65);
    assert!(
        run.stderr.contains("past the last column a sheet has"),
        "{}",
        run.stderr
    );
    assert_eq!(w.status_json()["snapshots"], serde_json::json!([]));
}

/// Copies the workbook `from` to `to` with each worksheet's XML passed through `edit`:
/// the damage a hand-made or hostile file has, which no writer produces.
fn rewrite_sheets(from: &std::path::Path, to: &std::path::Path, edit: impl Fn(String) -> String) {
    rewrite_parts(from, to, |name, bytes| {
        Some(if name.starts_with("xl/worksheets/") {
            edit(String::from_utf8(bytes).unwrap()).into_bytes()
        } else {
            bytes
        })
    });
}

/// Copies the workbook `from` to `to` with each part passed through `edit` by its
/// name: `None` leaves the part out.
fn rewrite_parts(
    from: &std::path::Path,
    to: &std::path::Path,
    edit: impl Fn(&str, Vec<u8>) -> Option<Vec<u8>>,
) {
    use std::io::Read;
    use zip::write::SimpleFileOptions;
    let mut src = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    for i in 0..src.len() {
        let mut f = src.by_index(i).unwrap();
        let name = f.name().unwrap().into_owned();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        if let Some(bytes) = edit(&name, bytes) {
            out.start_file(name, SimpleFileOptions::default()).unwrap();
            out.write_all(&bytes).unwrap();
        }
    }
    out.finish().unwrap();
}

/// A workbook that is a ZIP with nothing in it, or has lost its list of sheets
/// (`xl/workbook.xml`), is refused as a damaged workbook, in the reader's language:
/// not read as a CSV without a header, nor as one whose sheets are hidden.
#[test]
fn an_empty_or_sheetless_workbook_is_refused_as_damaged() {
    let w = Workdir::new().with_reference();
    let mut empty = b"PK\x05\x06".to_vec();
    empty.resize(22, 0);
    std::fs::write(w.dir.join("rong.xlsx"), empty).unwrap();
    let run = youth_ingest(&w, "rong.xlsx").expect(65);
    assert!(
        run.stderr.contains("rong.xlsx: cannot read the workbook ("),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("header"), "{}", run.stderr);

    write_xlsx(&w.dir.join("ok.xlsx"), &book(false));
    rewrite_parts(
        &w.dir.join("ok.xlsx"),
        &w.dir.join("hong.xlsx"),
        |name, bytes| (name != "xl/workbook.xml").then_some(bytes),
    );
    let args = [
        "ingest",
        "hong.xlsx",
        "--org",
        "youth",
        "--as-of",
        "31/10/2026",
    ];
    let run = w.tally(&args).expect(65);
    assert!(
        run.stderr
            .contains("hong.xlsx: the workbook lists no sheet"),
        "{}",
        run.stderr
    );
    let vi = w.tally(&[&args[..], &["--lang", "vi"]].concat()).expect(65);
    assert!(
        vi.stderr
            .contains("hong.xlsx: sổ tính không liệt kê trang tính nào"),
        "{}",
        vi.stderr
    );
    assert_eq!(w.status_json()["snapshots"], serde_json::json!([]));
}

/// Two sheets of one name (Excel writes none): refused, where the second was taken for
/// the first, already stored, and its rows lost without a word.
#[test]
fn a_workbook_with_two_sheets_of_one_name_is_refused() {
    let w = Workdir::new().with_reference();
    write_xlsx(&w.dir.join("ok.xlsx"), &book(false));
    rewrite_parts(
        &w.dir.join("ok.xlsx"),
        &w.dir.join("doi.xlsx"),
        |name, bytes| {
            Some(match name {
                "xl/workbook.xml" => String::from_utf8(bytes)
                    .unwrap()
                    .replace("\"Chi hội 2\"", "\"CHI HỘI 1\"")
                    .into_bytes(),
                _ => bytes,
            })
        },
    );
    let run = youth_ingest(&w, "doi.xlsx").expect(65);
    assert!(
        run.stderr
            .contains("doi.xlsx: the workbook has two sheets named \"CHI HỘI 1\""),
        "{}",
        run.stderr
    );
    assert_eq!(w.status_json()["snapshots"], serde_json::json!([]));
}

/// A formula saved without its value (written by a program that does not calculate):
/// in a column tally reads, the row is rejected naming the cell; in the STT column,
/// which tally ignores, it is harmless.
#[test]
fn a_formula_without_its_value_is_rejected_where_it_is_read() {
    let w = Workdir::new().with_reference();
    let sheets = vec![Sheet {
        name: "Chi đoàn 1",
        hidden: false,
        rows: vec![
            vec![Text("STT"), Text("Họ và tên"), Text("Mã xã")],
            vec![Formula("ROW()-1", 1.0), Text("Lò Văn A"), Text("02647")],
            vec![
                Formula("ROW()-1", 2.0),
                Text("Lò Văn B"),
                Formula("A1", 2647.0),
            ],
        ],
    }];
    write_xlsx(&w.dir.join("ok.xlsx"), &sheets);
    rewrite_sheets(&w.dir.join("ok.xlsx"), &w.dir.join("calc.xlsx"), |text| {
        // Every formula loses its cached value, as a writer that does not calculate
        // leaves it.
        let re = "</f><v>";
        assert!(text.contains(re), "{text}");
        let mut out = String::new();
        let mut rest = text.as_str();
        while let Some(at) = rest.find(re) {
            out.push_str(&rest[..at + 4]);
            let after = &rest[at + re.len()..];
            rest = &after[after.find("</v>").unwrap() + 4..];
        }
        out.push_str(rest);
        out
    });
    let args = [
        "ingest",
        "calc.xlsx",
        "--org",
        "youth",
        "--as-of",
        "31/10/2026",
        "--skip-invalid",
    ];
    let run = w.tally(&args).expect(0);
    assert!(
        run.stderr.contains(
            "calc.xlsx, sheet \"Chi đoàn 1\", row 3: column \"Mã xã\": value \"#NOVALUE!\": the cell holds a formula saved without its value"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("stored 1 row"), "{}", run.stdout);
}

/// An .xlsx saved with a password is an encrypted OLE file: refused as such, with the
/// way to remove the password, and nothing stored. `tests/data/locked.xlsx` was
/// encrypted by msoffcrypto-tool (password "tally") from a workbook of one member.
#[test]
fn a_password_protected_workbook_is_refused_plainly() {
    let w = Workdir::new().with_reference();
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/locked.xlsx"),
        w.dir.join("hoi-vien.xlsx"),
    )
    .unwrap();
    let run = youth_ingest(&w, "hoi-vien.xlsx").expect(65);
    assert!(
        run.stderr
            .contains("hoi-vien.xlsx: the workbook is password-protected"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("remove the password"), "{}", run.stderr);
    assert_eq!(w.status_json()["snapshots"], serde_json::json!([]));
}

/// `tally ingest FILE --org youth --as-of 31/10/2026` in `w`.
fn youth_ingest(w: &Workdir, file: &str) -> crate::workdir::Run {
    w.tally(&["ingest", file, "--org", "youth", "--as-of", "31/10/2026"])
}

/// Found by fuzzing: an .xls whose OLE directory points past the end of the file made
/// calamine panic. It is refused as the damaged file it is, without a crash's
/// backtrace, and nothing is stored.
#[test]
fn a_damaged_xls_is_refused_not_a_crash() {
    let w = Workdir::new().with_reference();
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/fuzz/truncated-ole.xls"
        ),
        w.dir.join("hoi-vien.xls"),
    )
    .unwrap();
    let run = youth_ingest(&w, "hoi-vien.xls").expect(65);
    assert!(
        run.stderr
            .contains("hoi-vien.xls: cannot read the workbook ("),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_eq!(w.status_json()["snapshots"], serde_json::json!([]));
}

/// Found by fuzzing: a 40 KB .xls whose cell records reach far corners of its sheets
/// made calamine allocate every cell up to them (over 4 GB). The cells' extent is
/// measured from the records first, and the file refused in a few megabytes.
#[test]
fn an_xls_whose_cells_span_too_far_is_refused_before_it_is_read() {
    let w = Workdir::new().with_reference();
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/fuzz/far-corner-cells.xls"
        ),
        w.dir.join("hoi-vien.xls"),
    )
    .unwrap();
    let run = youth_ingest(&w, "hoi-vien.xls").expect(65);
    assert!(
        run.stderr
            .contains("more than tally reads from an .xls (8388608): the file may be damaged"),
        "{}",
        run.stderr
    );
    assert_eq!(w.status_json()["snapshots"], serde_json::json!([]));
}

/// Found by fuzzing: a 40 KB .xls whose damaged OLE container calamine reads into a
/// sheet of 30 GB of cells. The container is read strictly first, and the file
/// refused as damaged, in a few megabytes.
#[test]
fn an_xls_with_a_damaged_container_is_refused_before_it_is_read() {
    let w = Workdir::new().with_reference();
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/fuzz/declared-dimensions.xls"
        ),
        w.dir.join("lon.xls"),
    )
    .unwrap();
    let run = youth_ingest(&w, "lon.xls").expect(65);
    assert!(
        run.stderr
            .contains("lon.xls: cannot read the workbook (its OLE container is damaged"),
        "{}",
        run.stderr
    );
    assert_eq!(w.status_json()["snapshots"], serde_json::json!([]));
}
