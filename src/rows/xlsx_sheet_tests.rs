//! The two readers of an .xlsx sheet give the same cells: calamine's streaming reader
//! (`workbook::calamine_cells`) and tally's own (`xlsx_sheet::cells`), on workbooks
//! written by rust_xlsxwriter with every kind of cell and number format an office
//! uses, and on hand-written XML with what other programs write (prefixed names,
//! inline strings, cells and rows without their references, comments, CDATA).

use super::*;
use crate::rows::workbook_xlsx::{calamine_cells, parts_of};

type Bytes = BufReader<std::fs::File>;
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};
use std::io::Write;

type Cells = Vec<((u32, u32, bool), String)>;

/// The sheet's cells as each reader gives them.
fn both(path: &Path, sheet: &str) -> (Cells, Cells) {
    let open = || BufReader::new(std::fs::File::open(path).unwrap());
    let mut wb = <calamine::Xlsx<Bytes> as calamine::Reader<Bytes>>::new(open()).unwrap();
    let mut theirs = Vec::new();
    calamine_cells(&mut wb, sheet, |at, t| {
        theirs.push((at, t));
        Ok(true)
    })
    .unwrap();
    let (part, strings) = parts_of(path, sheet).unwrap().expect("the parts by name");
    let shown =
        super::super::xlsx_styles::shown_of(wb.worksheet_cells_reader(sheet).unwrap().styles());
    let book = Book {
        shown,
        is_1904: wb.has_1904_epoch(),
        strings,
    };
    let mut ours = Vec::new();
    cells(inflated(path, part), &book, |at, t| {
        ours.push((at, t));
        Ok(true)
    })
    .unwrap();
    (theirs, ours)
}

/// Number formats offices use, and a few that test the rules' corners.
const FORMATS: &[&str] = &[
    "General",
    "0",
    "0.00",
    "#,##0",
    "#,##0 \"đ\"",
    "0%",
    "0.0%",
    "\"%\"0",
    "0.00E+00",
    "@",
    "dd/mm/yyyy",
    "d/m/yy",
    "yyyy-mm-dd hh:mm:ss",
    "[$-42A]dd/mm/yyyy",
    "\"Ngày\" dd \"tháng\" mm",
    "[h]:mm:ss",
    "[mm]:ss",
    "h:mm AM/PM",
    "mm:ss",
    "[Red]0.00",
    "0.00;[Red]-0.00",
    "\\d0",
    "_(* #,##0_)",
];

#[test]
fn both_readers_read_every_kind_of_cell_alike() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kinds.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Chi hội 1").unwrap();
    let texts = [
        "Họ và tên",
        "  lề hai bên  ",
        "a & b < c > d \"e\" 'f'",
        "dòng 1\r\ndòng 2",
        "điều khiển \u{1} ký tự",
        "_x0041_ viết tay",
        "Ở tổ hợp",
        "",
    ];
    for (i, t) in texts.iter().enumerate() {
        ws.write_string(0, i as u16, *t).unwrap();
    }
    let bold = Format::new().set_bold();
    ws.write_rich_string(1, 0, &[(&bold, "Lò "), (&Format::default(), "Văn A")])
        .unwrap();
    let numbers = [
        0.0,
        1.0,
        -3.0,
        0.1,
        1234567890123.0,
        1e20,
        1e-7,
        45000.5,
        2.5e15,
    ];
    for (i, n) in numbers.iter().enumerate() {
        ws.write_number(2, i as u16, *n).unwrap();
    }
    for (i, code) in FORMATS.iter().enumerate() {
        let f = Format::new().set_num_format(*code);
        for (j, v) in [45000.5, 0.75, 1.0, 0.0].iter().enumerate() {
            ws.write_number_with_format(3 + j as u32, i as u16, *v, &f)
                .unwrap();
        }
    }
    for id in [14u8, 15, 16, 17, 18, 20, 22, 45, 46, 47, 9, 10, 3] {
        let f = Format::new().set_num_format_index(id);
        ws.write_number_with_format(8, u16::from(id), 45000.25, &f)
            .unwrap();
    }
    let date = Format::new().set_num_format("dd/mm/yyyy");
    ws.write_datetime_with_format(9, 0, ExcelDateTime::from_ymd(2026, 10, 31).unwrap(), &date)
        .unwrap();
    ws.write_boolean(9, 1, true).unwrap();
    ws.write_boolean(9, 2, false).unwrap();
    ws.write_formula(9, 3, Formula::new("=1+1").set_result("2"))
        .unwrap();
    ws.write_formula(9, 4, Formula::new("=A1&\"x\"").set_result("Họ và tênx"))
        .unwrap();
    ws.write_formula(9, 5, Formula::new("=1/0").set_result("#DIV/0!"))
        .unwrap();
    ws.write_formula(9, 6, Formula::new("=TRUE()").set_result("TRUE"))
        .unwrap();
    ws.write_string(2000, 3, "xa").unwrap();
    ws.merge_range(11, 0, 12, 1, "gộp", &Format::default())
        .unwrap();
    wb.save(&path).unwrap();
    let (theirs, ours) = both(&path, "Chi hội 1");
    assert!(theirs.len() > 100, "{theirs:?}");
    assert_eq!(ours, theirs);
}

/// A workbook of the given sheet XML (and shared strings), its other parts minimal.
fn hand_made(path: &Path, sheet: &str, strings: &str) {
    let mut z = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let opts = zip::write::SimpleFileOptions::default();
    let parts = [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#.to_string()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string()),
        ("xl/workbook.xml", r#"<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="Danh sách" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>"#.to_string()),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="/xl/sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#.to_string()),
        ("xl/styles.xml", r#"<?xml version="1.0" encoding="UTF-8"?><x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></x:numFmts><x:cellXfs count="4"><x:xf numFmtId="0"/><x:xf numFmtId="164" applyNumberFormat="1"/><x:xf numFmtId="9"/><x:xf numFmtId="14"></x:xf></x:cellXfs></x:styleSheet>"#.to_string()),
        ("xl/sharedStrings.xml", strings.to_string()),
        ("xl/worksheets/sheet1.xml", sheet.to_string()),
    ];
    for (name, text) in parts {
        z.start_file(name, opts).unwrap();
        z.write_all(text.as_bytes()).unwrap();
    }
    z.finish().unwrap();
}

/// The sheet part of a hand-made workbook, and what its cells need (its strings; no
/// styles, the 1900 epoch).
fn hand_made_book(path: &Path) -> (String, Book) {
    let (part, strings) = parts_of(path, "Danh sách").unwrap().unwrap();
    let book = Book {
        shown: Vec::new(),
        is_1904: false,
        strings,
    };
    (part, book)
}

#[test]
fn both_readers_read_what_other_programs_write_alike() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.xlsx");
    let strings = r#"<?xml version="1.0" encoding="UTF-8"?>
<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4">
  <x:si><x:t>Họ và tên</x:t></x:si>
  <x:si><x:r><x:t xml:space="preserve">Lò </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>Văn A</x:t></x:r><x:rPh><x:t>ロ</x:t></x:rPh></x:si>
  <x:si/>
  <x:si><x:t>  &amp;&#x41;&#66; _x000D_ </x:t></x:si>
</x:sst>"#;
    let sheet = r#"<?xml version="1.0" encoding="UTF-8"?>
<!-- written by hand -->
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<x:dimension ref="A1:F9"/>
<x:sheetData>
  <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c><x:c t="s"><x:v>3</x:v></x:c></x:row>
  <x:row><x:c t="inlineStr"><x:is><x:t>nội dòng</x:t></x:is></x:c><x:c s="1"><x:v>46326</x:v></x:c><x:c s="2"><x:v>0.75</x:v></x:c><x:c s="3"><x:v>46326.5</x:v></x:c><x:c s="9"><x:v>7</x:v></x:c></x:row>
  <x:row r="5" spans="1:6">
    <x:c r="B5" t="d"><x:v>2026-10-31T00:00:00</x:v></x:c>
    <x:c r="C5" t="str"><x:f>A1</x:f><x:v>a_x0009_b &amp; c</x:v></x:c>
    <x:c r="D5"><x:f>1+1</x:f></x:c>
    <x:c r="E5" t="e"><x:v>#N/A</x:v></x:c>
    <x:c r="F5" t="b"><x:v>1</x:v></x:c>
  </x:row>
  <x:row r="6"/>
  <x:row><x:c r="A7"><x:v>không phải số</x:v></x:c><x:c r="B7"><x:v><![CDATA[12]]></x:v></x:c><x:c r="C7"/><x:c r="D7" s="0"><x:v></x:v></x:c></x:row>
  <x:row r="9"><x:c r="A9" t="s"><x:v>1</x:v></x:c></x:row>
</x:sheetData>
<x:mergeCells count="1"><x:mergeCell ref="A9:B9"/></x:mergeCells>
</x:worksheet>"#;
    hand_made(&path, sheet, strings);
    let (theirs, ours) = both(&path, "Danh sách");
    assert!(theirs.len() > 12, "{theirs:?}");
    assert_eq!(ours, theirs);
}

#[test]
fn a_sheet_cut_short_is_an_error_not_fewer_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("short.xlsx");
    let sheet =
        r#"<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2"#;
    hand_made(&path, sheet, "<sst/>");
    let (part, book) = hand_made_book(&path);
    let got = cells(inflated(&path, part), &book, |_, _| Ok(true));
    assert!(got.is_err());
}

#[test]
fn a_shared_string_index_that_is_no_number_is_an_error_not_the_first_string() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index.xlsx");
    let strings = r#"<sst><si><t>Họ và tên</t></si></sst>"#;
    for v in ["x", "", "-1", "1"] {
        let sheet = format!(
            r#"<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>{v}</v></c></row></sheetData></worksheet>"#
        );
        hand_made(&path, &sheet, strings);
        let (part, book) = hand_made_book(&path);
        let mut got = Vec::new();
        let read = cells(inflated(&path, part), &book, |_, t| {
            got.push(t);
            Ok(true)
        });
        // An empty value is an empty cell; any other that names no string is refused.
        match v {
            "" => assert!(read.is_ok() && got.is_empty(), "{v:?}: {got:?}"),
            _ => assert!(read.is_err(), "{v:?} read as {got:?}"),
        }
    }
}

#[test]
fn a_cell_of_many_runs_is_refused_as_its_text_passes_a_cells_size() {
    // Runs of 1 MiB, none too long alone, add up past 16 MiB in a cell that never
    // closes: the refusal comes as the text grows, naming the cell, not once the
    // sheet has been inflated whole (it may be gigabytes).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("runs.xlsx");
    let run = format!("<r><t>{}</t></r>", "a".repeat(1 << 20));
    for (runs, close) in [(17, ""), (15, "</is></c></row></sheetData></worksheet>")] {
        let sheet = format!(
            r#"<worksheet><sheetData><row r="1"><c r="B1" t="inlineStr"><is>{}{close}"#,
            run.repeat(runs)
        );
        hand_made(&path, &sheet, "<sst/>");
        let (part, book) = hand_made_book(&path);
        let mut lens = Vec::new();
        let read = cells(inflated(&path, part), &book, |_, t| {
            lens.push(t.len());
            Ok(true)
        });
        if close.is_empty() {
            let err = format!("{:#}", read.unwrap_err());
            assert!(
                err.contains("a cell at row 1, column 2 holds more than 16 MiB of text"),
                "{err}"
            );
        } else {
            // 15 MiB is held: a cell's text up to the size is read whole.
            read.unwrap();
            assert_eq!(lens, [15 << 20]);
        }
    }
}

#[test]
fn a_shared_string_of_many_runs_is_held_to_a_cells_size() {
    // The runs of one shared string, none too long alone, add up past what a cell
    // holds: refused as the string is read, whichever cells refer to it.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared-runs.xlsx");
    let run = format!("<r><t>{}</t></r>", "a".repeat(1 << 20));
    let strings = format!(
        "<sst><si><t>Họ và tên</t></si><si>{}</si></sst>",
        run.repeat(17)
    );
    let sheet = r#"<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>1</v></c></row></sheetData></worksheet>"#;
    hand_made(&path, sheet, &strings);
    let err = parts_of(&path, "Danh sách").err().expect("refused");
    let en = format!("{err:#}");
    assert!(
        en.contains(
            "shared strings (xl/sharedStrings.xml): shared string 2 holds more than 16 MiB of text"
        ),
        "{en}"
    );
    // Said in the reader's language, like every other reason.
    let vi = crate::error::said(&err, crate::lang::Lang::Vi);
    assert!(
        vi.contains("(xl/sharedStrings.xml): chuỗi dùng chung thứ 2 chứa hơn 16 MiB văn bản"),
        "{vi}"
    );
}
