//! Rolls as the older offices still keep them, each beside a plain twin that must give
//! the same report byte for byte: a workbook typed with a TCVN3 (ABC) or VNI keyboard
//! in .VnTime / VNI-Times fonts, whose cells hold the legacy bytes as Windows-1252
//! characters; a roll grouped by commune, the commune merged down its group.

use crate::workdir::{fixture, Workdir};

/// Each text of the roll: Unicode, as typed in TCVN3 (.VnTime), as typed in VNI
/// (VNI-Times). `\u{ad}` is TCVN3's ư (byte 0xAD, a soft hyphen in Windows-1252); the
/// capital Á of `Ánh` has no TCVN3 code of its own (it was typed in .VnTimeH with the
/// lower-case code), so it reads back as `ánh`.
const TEXTS: &[(&str, &str, &str)] = &[
    (
        "DANH SÁCH HỘI VIÊN HỘI LIÊN HIỆP PHỤ NỮ",
        "DANH S¸CH HéI VI£N HéI LI£N HIÖP PHô N÷",
        "DANH SAÙCH HOÄI VIEÂN HOÄI LIEÂN HIEÄP PHUÏ NÖÕ",
    ),
    (
        "Số liệu đến ngày 31/10/2026",
        "Sè liÖu ®Õn ngµy 31/10/2026",
        "Soá lieäu ñeán ngaøy 31/10/2026",
    ),
    ("Họ và tên", "Hä vµ tªn", "Hoï vaø teân"),
    ("Năm sinh", "N¨m sinh", "Naêm sinh"),
    ("Giới tính", "Giíi tÝnh", "Giôùi tính"),
    ("Dân tộc", "D©n téc", "Daân toäc"),
    ("Tôn giáo", "T«n gi¸o", "Toân giaùo"),
    ("Xã, phường", "X·, ph\u{ad}êng", "Xaõ, phöôøng"),
    ("Ngày vào Hội", "Ngµy vµo Héi", "Ngaøy vaøo Hoäi"),
    ("Lò Thị Hương", "Lß ThÞ H\u{ad}¬ng", "Loø Thò Höông"),
    ("Quàng Thị Ơn", "Quµng ThÞ ¥n", "Quaøng Thò Ôn"),
    ("Nguyễn Thị Lụa", "NguyÔn ThÞ Lôa", "Nguyeãn Thò Luïa"),
    ("Giàng Thị Dợ", "Giµng ThÞ Dî", "Giaøng Thò Dôï"),
    ("Vàng Thị Mỷ", "Vµng ThÞ Mû", "Vaøng Thò Myû"),
    ("Đặng Thị Thủy", "§Æng ThÞ Thñy", "Ñaëng Thò Thuûy"),
    ("Lường Thị Ánh", "L\u{ad}êng ThÞ ¸nh", "Löôøng Thò AÙnh"),
    ("Nữ", "N÷", "Nöõ"),
    ("Thái", "Th¸i", "Thaùi"),
    ("Mông", "M«ng", "Moâng"),
    ("Kinh", "Kinh", "Kinh"),
    ("Khơ Mú", "Kh¬ Mó", "Khô Muù"),
    ("Không", "Kh«ng", "Khoâng"),
    ("Công giáo", "C«ng gi¸o", "Coâng giaùo"),
    ("Tin lành", "Tin lµnh", "Tin laønh"),
    ("Phật giáo", "PhËt gi¸o", "Phaät giaùo"),
    ("Xã Mường Chà", "X· M\u{ad}êng Chµ", "Xaõ Möôøng Chaø"),
    (
        "Phường Mường Lay",
        "Ph\u{ad}êng M\u{ad}êng Lay",
        "Phöôøng Möôøng Lay",
    ),
    ("Xã Na Sang", "X· Na Sang", "Xaõ Na Sang"),
    ("Xã Mường Phăng", "X· M\u{ad}êng Ph¨ng", "Xaõ Möôøng Phaêng"),
    (
        "Phường Điện Biên Phủ",
        "Ph\u{ad}êng §iÖn Biªn Phñ",
        "Phöôøng Ñieän Bieân Phuû",
    ),
    ("Tổng cộng", "Tæng céng", "Toång coäng"),
    (
        "Mường Chà, ngày 05 tháng 11 năm 2026",
        "M\u{ad}êng Chµ, ngµy 05 th¸ng 11 n¨m 2026",
        "Möôøng Chaø, ngaøy 05 thaùng 11 naêm 2026",
    ),
    ("NGƯỜI LẬP BIỂU", "NG¦êI LËP BIÓU", "NGÖÔØI LAÄP BIEÅU"),
    ("Người lập biểu", "Ng\u{ad}êi lËp biÓu", "Ngöôøi laäp bieåu"),
];

/// Which typing a workbook is written in.
#[derive(Clone, Copy, PartialEq)]
enum Typed {
    Unicode,
    Tcvn3,
    Vni,
    /// A UTF-8 CSV opened as Windows-1252 and saved as a workbook: each byte of the
    /// text a character (`Há»™i` for `Hội`).
    Doubled,
}

fn typed(text: &'static str, how: Typed) -> &'static str {
    if how == Typed::Doubled {
        let each: String = (text.bytes())
            .map(|b| encoding_rs::WINDOWS_1252.decode(&[b]).0.into_owned())
            .collect();
        return Box::leak(each.into_boxed_str());
    }
    let Some(row) = TEXTS.iter().find(|t| t.0 == text) else {
        return text;
    };
    match how {
        Typed::Unicode => row.0,
        Typed::Tcvn3 => row.1,
        Typed::Vni => row.2,
        Typed::Doubled => row.0,
    }
}

/// The members: name, birth year, ethnicity, religion, unit.
const MEMBERS: &[(&str, u16, &str, &str, &str)] = &[
    ("Lò Thị Hương", 1985, "Thái", "Không", "Xã Mường Chà"),
    ("Quàng Thị Ơn", 1990, "Thái", "Phật giáo", "Xã Mường Chà"),
    (
        "Nguyễn Thị Lụa",
        1978,
        "Kinh",
        "Công giáo",
        "Phường Mường Lay",
    ),
    ("Giàng Thị Dợ", 2001, "Mông", "Tin lành", "Xã Na Sang"),
    ("Vàng Thị Mỷ", 1966, "Mông", "Không", "Xã Mường Phăng"),
    (
        "Đặng Thị Thủy",
        1995,
        "Kinh",
        "Không",
        "Phường Điện Biên Phủ",
    ),
    ("Lường Thị Ánh", 1988, "Khơ Mú", "Không", "Xã Mường Phăng"),
];

/// A women's roll workbook as a commune office types it: a title block, the header,
/// the rows, a totals row and the signature, every text in `how` and every cell in
/// the font of that typing.
fn write_roll(path: &std::path::Path, how: Typed) {
    use rust_xlsxwriter::{Format, Workbook};
    let font = match how {
        Typed::Unicode => "Times New Roman",
        Typed::Tcvn3 => ".VnTime",
        Typed::Vni => "VNI-Times",
        Typed::Doubled => "Calibri",
    };
    let f = Format::new().set_font_name(font);
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Danh sach").unwrap();
    let t = |s: &'static str| typed(s, how);
    ws.write_string_with_format(0, 0, t("DANH SÁCH HỘI VIÊN HỘI LIÊN HIỆP PHỤ NỮ"), &f)
        .unwrap();
    ws.write_string_with_format(1, 0, t("Số liệu đến ngày 31/10/2026"), &f)
        .unwrap();
    let header = [
        "STT",
        "Họ và tên",
        "Năm sinh",
        "Giới tính",
        "Dân tộc",
        "Tôn giáo",
        "Xã, phường",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(3, c as u16, t(h), &f).unwrap();
    }
    for (i, m) in MEMBERS.iter().enumerate() {
        let r = 4 + i as u32;
        ws.write_number_with_format(r, 0, (i + 1) as f64, &f)
            .unwrap();
        ws.write_string_with_format(r, 1, t(m.0), &f).unwrap();
        ws.write_number_with_format(r, 2, f64::from(m.1), &f)
            .unwrap();
        ws.write_string_with_format(r, 3, t("Nữ"), &f).unwrap();
        ws.write_string_with_format(r, 4, t(m.2), &f).unwrap();
        ws.write_string_with_format(r, 5, t(m.3), &f).unwrap();
        ws.write_string_with_format(r, 6, t(m.4), &f).unwrap();
    }
    let end = 4 + MEMBERS.len() as u32;
    ws.write_string_with_format(end, 0, t("Tổng cộng"), &f)
        .unwrap();
    ws.write_number_with_format(end, 1, MEMBERS.len() as f64, &f)
        .unwrap();
    ws.write_string_with_format(end + 2, 4, t("Mường Chà, ngày 05 tháng 11 năm 2026"), &f)
        .unwrap();
    ws.write_string_with_format(end + 3, 4, t("NGƯỜI LẬP BIỂU"), &f)
        .unwrap();
    wb.save(path).unwrap();
}

/// Ingests the areas and `roll` into a store of its own: the report by commune,
/// ethnicity and religion, and what the ingest said.
fn report_of(w: &Workdir, store: &str, roll: &str) -> (String, String) {
    let s = w.dir.join(store);
    let s = s.to_str().unwrap();
    w.tally(&["--store", s, "ingest", "areas.csv"]).expect(0);
    let run = w.tally(&[
        "--store",
        s,
        "ingest",
        roll,
        "--org",
        "women",
        "--as-of",
        "31/10/2026",
    ]);
    assert_eq!(run.code, 0, "{roll}: {}", run.stderr);
    let report = w
        .tally(&[
            "--store",
            s,
            "report",
            "--period",
            "2026-10",
            "--format",
            "csv",
            "--by",
            "commune",
            "--by",
            "ethnicity",
            "--by",
            "religion",
            "--by",
            "age_band",
        ])
        .expect(0)
        .stdout;
    (report, run.stdout + &run.stderr)
}

fn workdir() -> Workdir {
    let w = Workdir::new();
    std::fs::copy(fixture("areas_dien_bien.csv"), w.dir.join("areas.csv")).unwrap();
    w
}

#[test]
fn a_workbook_typed_in_vntime_or_vni_reads_as_its_unicode_twin() {
    let w = workdir();
    write_roll(&w.dir.join("unicode.xlsx"), Typed::Unicode);
    write_roll(&w.dir.join("vntime.xlsx"), Typed::Tcvn3);
    write_roll(&w.dir.join("vni.xlsx"), Typed::Vni);
    let (plain, said) = report_of(&w, "s-unicode", "unicode.xlsx");
    assert!(plain.contains("2026-10,women,total,all,7,"), "{plain}");
    assert!(
        plain.contains("2026-10,women,religion,religious,3,"),
        "{plain}"
    );
    assert!(!said.contains("typed in"), "{said}");
    let (tcvn3, said) = report_of(&w, "s-vntime", "vntime.xlsx");
    assert_eq!(tcvn3, plain, "{said}");
    // The title (2), the header (6), the rows (7 names, 7 sexes, 5 ethnicities, 7
    // religions, 7 units), the totals row and the signature (3): the ASCII cells need
    // nothing.
    assert!(
        said.contains("read 44 cell(s) typed in TCVN3 (.VnTime fonts) as Unicode"),
        "{said}"
    );
    let (vni, said) = report_of(&w, "s-vni", "vni.xlsx");
    assert_eq!(vni, plain, "{said}");
    assert!(said.contains("typed in VNI (VNI-Times fonts)"), "{said}");
    // Every text cell but the ASCII ones (the 44 as above) read twice: repaired.
    write_roll(&w.dir.join("doubled.xlsx"), Typed::Doubled);
    let (doubled, said) = report_of(&w, "s-doubled", "doubled.xlsx");
    assert_eq!(doubled, plain, "{said}");
    assert!(
        said.contains("repaired 44 cell(s) whose Vietnamese"),
        "{said}"
    );
}

/// `--encoding tcvn3` applies to a workbook too.
#[test]
fn the_encoding_option_applies_to_workbooks() {
    let w = workdir();
    write_roll(&w.dir.join("vntime.xlsx"), Typed::Tcvn3);
    w.tally(&["ingest", "areas.csv"]).expect(0);
    let run = w
        .tally(&[
            "ingest",
            "vntime.xlsx",
            "--org",
            "women",
            "--as-of",
            "31/10/2026",
            "--encoding",
            "tcvn3",
            "--dry-run",
        ])
        .expect(0);
    assert!(
        run.stdout.contains("would store 7 row(s)"),
        "{}",
        run.stdout
    );
}

/// The .VnTime workbook saved by LibreOffice as .xls and .ods reads the same.
#[test]
#[ignore = "needs LibreOffice: .ci/run installs it and runs this"]
fn a_vntime_workbook_saved_by_libreoffice_reads_as_its_twin() {
    let w = workdir();
    write_roll(&w.dir.join("unicode.xlsx"), Typed::Unicode);
    write_roll(&w.dir.join("vntime.xlsx"), Typed::Tcvn3);
    let (plain, _) = report_of(&w, "s-unicode", "unicode.xlsx");
    for ext in ["xls", "ods"] {
        w.soffice_convert("vntime.xlsx", ext, "lo");
        let name = format!("lo/vntime.{ext}");
        let (theirs, said) = report_of(&w, &format!("s-{ext}"), &name);
        assert_eq!(theirs, plain, "{ext}: {said}");
        assert!(said.contains("typed in TCVN3"), "{said}");
    }
}

/// A farmers' roll grouped by commune: the commune's cell merged down its group, a
/// "Cộng" row under each group, a header of two rows whose headings are merged down
/// both (and the birth date across its Nam | Nữ pair).
fn write_grouped(path: &std::path::Path) {
    use rust_xlsxwriter::{Format, Workbook};
    let f = Format::new();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.merge_range(0, 0, 0, 5, "DANH SÁCH HỘI VIÊN HỘI NÔNG DÂN", &f)
        .unwrap();
    for (c, h) in [
        (0, "STT"),
        (1, "Xã, phường"),
        (2, "Họ và tên"),
        (5, "Dân tộc"),
    ] {
        ws.merge_range(2, c, 3, c, h, &f).unwrap();
    }
    ws.merge_range(2, 3, 2, 4, "Ngày, tháng, năm sinh", &f)
        .unwrap();
    ws.write_string(3, 3, "Nam").unwrap();
    ws.write_string(3, 4, "Nữ").unwrap();
    let mut r = 4u32;
    let mut stt = 0;
    for (unit, people) in GROUPS {
        let first = r;
        for (name, year, male, ethnicity) in *people {
            stt += 1;
            ws.write_number(r, 0, f64::from(stt)).unwrap();
            ws.write_string(r, 2, *name).unwrap();
            ws.write_number(r, if *male { 3 } else { 4 }, f64::from(*year))
                .unwrap();
            ws.write_string(r, 5, *ethnicity).unwrap();
            r += 1;
        }
        if r - first > 1 {
            ws.merge_range(first, 1, r - 1, 1, unit, &f).unwrap();
        } else {
            ws.write_string(first, 1, *unit).unwrap();
        }
        ws.write_string(r, 0, "Cộng").unwrap();
        ws.write_number(r, 2, people.len() as f64).unwrap();
        r += 1;
    }
    wb.save(path).unwrap();
}

type Person = (&'static str, u16, bool, &'static str);

const GROUPS: &[(&str, &[Person])] = &[
    (
        "Xã Mường Chà",
        &[
            ("Lò Văn Khoa", 1970, true, "Thái"),
            ("Lò Thị Hương", 1985, false, "Thái"),
            ("Vàng A Chứ", 1990, true, "Mông"),
        ],
    ),
    ("Xã Na Sang", &[("Giàng A Dình", 1966, true, "Mông")]),
    (
        "Phường Mường Lay",
        &[
            ("Nguyễn Văn Bình", 1978, true, "Kinh"),
            ("Lường Thị Ánh", 1988, false, "Khơ Mú"),
        ],
    ),
];

/// The same roll written plainly, the commune on every row.
fn grouped_twin() -> String {
    let mut out = String::from("Xã, phường;Họ và tên;Năm sinh;Giới tính;Dân tộc\n");
    for (unit, people) in GROUPS {
        for (name, year, male, ethnicity) in *people {
            let sex = if *male { "Nam" } else { "Nữ" };
            out.push_str(&format!("{unit};{name};{year};{sex};{ethnicity}\n"));
        }
    }
    out
}

fn farmers_report(w: &Workdir, store: &str, roll: &str) -> (String, String) {
    let s = w.dir.join(store);
    let s = s.to_str().unwrap();
    w.tally(&["--store", s, "ingest", "areas.csv"]).expect(0);
    let run = w.tally(&[
        "--store",
        s,
        "ingest",
        roll,
        "--org",
        "farmers",
        "--as-of",
        "31/10/2026",
    ]);
    assert_eq!(run.code, 0, "{roll}: {}", run.stderr);
    let report = w
        .tally(&[
            "--store",
            s,
            "report",
            "--period",
            "2026-10",
            "--format",
            "csv",
            "--by",
            "commune",
            "--by",
            "ethnicity",
            "--by",
            "sex",
            "--by",
            "age_band",
        ])
        .expect(0)
        .stdout;
    (report, run.stdout + &run.stderr)
}

#[test]
fn a_commune_merged_down_its_rows_holds_for_each_row() {
    let w = workdir();
    write_grouped(&w.dir.join("grouped.xlsx"));
    w.write("twin.csv", grouped_twin());
    let (plain, _) = farmers_report(&w, "s-twin", "twin.csv");
    assert!(plain.contains("2026-10,farmers,total,all,6,"), "{plain}");
    assert!(
        plain.contains("2026-10,farmers,commune,03166,3,"),
        "{plain}"
    );
    let (merged, said) = farmers_report(&w, "s-merged", "grouped.xlsx");
    assert_eq!(merged, plain, "{said}");
    // The four headings merged down the header's two rows, two rows below Mường Chà's
    // first, one below Mường Lay's.
    assert!(
        said.contains("filled 7 cell(s) from the merged cells above them"),
        "{said}"
    );
    assert!(said.contains("skipped totals row(s)"), "{said}");
}

/// The grouped roll saved by LibreOffice as .xls and .ods (each keeps the merges in its
/// own way) reads as its twin.
#[test]
#[ignore = "needs LibreOffice: .ci/run installs it and runs this"]
fn a_grouped_roll_saved_by_libreoffice_reads_as_its_twin() {
    let w = workdir();
    write_grouped(&w.dir.join("grouped.xlsx"));
    w.write("twin.csv", grouped_twin());
    let (plain, _) = farmers_report(&w, "s-twin", "twin.csv");
    for ext in ["xls", "ods", "xlsx"] {
        let out = format!("lo-{ext}");
        w.soffice_convert("grouped.xlsx", ext, &out);
        let name = format!("{out}/grouped.{ext}");
        let (theirs, said) = farmers_report(&w, &format!("s-{ext}"), &name);
        assert_eq!(theirs, plain, "{ext}: {said}");
    }
}

/// A commune's own list: no commune column, the commune named once.
fn own_list(title: &str) -> String {
    format!(
        "{title}\nSố liệu đến ngày 31/10/2026\n\nSTT;Họ và tên;Năm sinh;Giới tính;Dân tộc\n1;Lò Thị Hương;1985;Nữ;Thái\n2;Quàng Thị Ơn;1990;Nữ;Thái\n3;Giàng Thị Dợ;2001;Nữ;Mông\n"
    )
}

/// The same three members with their commune on each row.
fn own_list_twin(unit: &str) -> String {
    format!(
        "Họ và tên;Năm sinh;Giới tính;Dân tộc;Xã, phường\nLò Thị Hương;1985;Nữ;Thái;{unit}\nQuàng Thị Ơn;1990;Nữ;Thái;{unit}\nGiàng Thị Dợ;2001;Nữ;Mông;{unit}\n"
    )
}

fn women_ingest(w: &Workdir, store: &str, args: &[&str]) -> crate::workdir::Run {
    let s = w.dir.join(store);
    let s = s.to_str().unwrap();
    w.tally(&["--store", s, "ingest", "areas.csv"]).expect(0);
    let mut all = vec![
        "--store",
        s,
        "ingest",
        "--org",
        "women",
        "--as-of",
        "31/10/2026",
    ];
    all.extend_from_slice(args);
    w.tally(&all)
}

fn women_report(w: &Workdir, store: &str) -> String {
    let s = w.dir.join(store);
    w.tally(&[
        "--store",
        s.to_str().unwrap(),
        "report",
        "--period",
        "2026-10",
        "--format",
        "csv",
        "--by",
        "commune",
        "--by",
        "ethnicity",
    ])
    .expect(0)
    .stdout
}

#[test]
fn a_communes_own_list_takes_its_commune_from_the_title_the_sheet_or_area() {
    let w = workdir();
    w.write("twin.csv", own_list_twin("Phường Mường Lay"));
    women_ingest(&w, "s-twin", &["twin.csv"]).expect(0);
    let plain = women_report(&w, "s-twin");
    assert!(plain.contains("2026-10,women,commune,03151,3,"), "{plain}");

    // The commune in the title, upper case, after the organization's name.
    w.write(
        "title.csv",
        own_list("DANH SÁCH HỘI VIÊN HỘI LIÊN HIỆP PHỤ NỮ PHƯỜNG MƯỜNG LAY;;;;"),
    );
    let run = women_ingest(&w, "s-title", &["title.csv"]).expect(0);
    assert!(
        run.stdout.contains(
            "every row is of Phường Mường Lay (03151), from the title \"DANH SÁCH HỘI VIÊN HỘI LIÊN HIỆP PHỤ NỮ PHƯỜNG MƯỜNG LAY\""
        ),
        "{}",
        run.stdout
    );
    assert_eq!(women_report(&w, "s-title"), plain);

    // --area, by name or by code.
    w.write("bare.csv", own_list("DANH SÁCH HỘI VIÊN;;;;"));
    women_ingest(&w, "s-area", &["bare.csv", "--area", "P. Mường Lay"]).expect(0);
    assert_eq!(women_report(&w, "s-area"), plain);
    women_ingest(&w, "s-code", &["bare.csv", "--area", "03151"]).expect(0);
    assert_eq!(women_report(&w, "s-code"), plain);

    // Nothing names it: refused, saying what to add.
    let run = women_ingest(&w, "s-none", &["bare.csv"]).expect(65);
    assert!(
        run.stderr.contains("has no commune column"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--area"), "{}", run.stderr);

    // The title and --area disagree: refused, naming both.
    let run = women_ingest(&w, "s-both", &["title.csv", "--area", "Xã Na Sang"]).expect(65);
    assert!(
        run.stderr
            .contains("--area names Xã Na Sang (03172) but the title"),
        "{}",
        run.stderr
    );
    // --area on a roll that has its commune column.
    w.tally(&[
        "ingest",
        "twin.csv",
        "--org",
        "women",
        "--as-of",
        "31/10/2026",
        "--area",
        "03151",
    ])
    .expect(2);
}

/// A workbook of communes' lists, a sheet each, named by the commune.
#[test]
fn each_sheet_named_by_its_commune_is_that_communes_list() {
    use rust_xlsxwriter::Workbook;
    let w = workdir();
    let mut wb = Workbook::new();
    for (sheet, people) in [
        ("Xã Mường Chà", &[("Lò Thị Hương", 1985.0)][..]),
        (
            "Na Sang",
            &[("Giàng Thị Dợ", 2001.0), ("Vàng Thị Mỷ", 1966.0)][..],
        ),
    ] {
        let ws = wb.add_worksheet();
        ws.set_name(sheet).unwrap();
        ws.write_string(0, 0, "Họ và tên").unwrap();
        ws.write_string(0, 1, "Năm sinh").unwrap();
        ws.write_string(0, 2, "Giới tính").unwrap();
        for (i, (name, year)) in people.iter().enumerate() {
            let r = 1 + i as u32;
            ws.write_string(r, 0, *name).unwrap();
            ws.write_number(r, 1, *year).unwrap();
            ws.write_string(r, 2, "Nữ").unwrap();
        }
    }
    wb.save(w.dir.join("cac-xa.xlsx")).unwrap();
    let run = women_ingest(&w, "s", &["cac-xa.xlsx"]).expect(0);
    assert!(
        run.stdout
            .contains("every row is of Xã Na Sang (03172), from the sheet's name \"Na Sang\""),
        "{}",
        run.stdout
    );
    let report = women_report(&w, "s");
    assert!(
        report.contains("2026-10,women,commune,03166,1,"),
        "{report}"
    );
    assert!(
        report.contains("2026-10,women,commune,03172,2,"),
        "{report}"
    );
}

/// Found by review: a group's subtotal under its commune's code or name (`02680;Cộng`,
/// `Xã Bát Xát;Cộng: 1 hội viên`) was stored as an active member named `Cộng`: 5
/// members where the roll lists 3 (02680: 2, 02683: 1). Now skipped and said.
#[test]
fn a_subtotal_under_its_communes_cell_is_no_member() {
    let w = Workdir::new().with_reference();
    w.write(
        "ccb.csv",
        "STT;Mã xã;Họ và tên;Năm sinh;Trạng thái\n\
         1;02680;Đỗ Minh Khải;1971;Đang sinh hoạt\n\
         2;02680;Vũ Đức Dũng;1967;Đang sinh hoạt\n\
         ;02680;Cộng;;\n\
         3;02683;Tẩn A Đức;1971;Đang sinh hoạt\n\
         ;Xã Bát Xát;Cộng: 1 hội viên;;\n",
    );
    let run = w
        .tally(&[
            "ingest",
            "ccb.csv",
            "--org",
            "veterans",
            "--as-of",
            "31/10/2026",
        ])
        .expect(0);
    assert!(
        run.stderr.contains("skipped totals row(s) on line(s) 4, 6"),
        "{}",
        run.stderr
    );
    let out = w
        .tally(&[
            "report", "--period", "2026-10", "--org", "veterans", "--by", "commune", "--format",
            "csv",
        ])
        .expect(0)
        .stdout;
    let members: Vec<&str> = (out.lines())
        .filter_map(|l| l.split(',').nth(4).map(|m| (l, m)))
        .filter(|(l, _)| l.contains(",commune,") || l.contains(",total,"))
        .map(|(_, m)| m)
        .collect();
    assert_eq!(members, ["2", "1", "3"], "{out}");
}

/// Found by review: `Giới tính` merged over `Nam` | `Nữ`, an `x` under one of them, read
/// the heading alone (the sub-headings skipped as a header repeated): every member's
/// sex unknown, the women's column empty. By hand: 3 women (Mai, Lan, Hoa), 2 men.
#[test]
fn marks_under_a_sex_heading_over_nam_and_nu_give_the_sex() {
    use rust_xlsxwriter::{Format, Workbook};
    let w = Workdir::new().with_reference();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "DANH SÁCH ĐOÀN VIÊN").unwrap();
    ws.write_string(1, 0, "Số liệu đến ngày 31/10/2026")
        .unwrap();
    let plain = Format::new();
    for (c, h) in ["STT", "Họ và tên", "Năm sinh"].iter().enumerate() {
        ws.merge_range(3, c as u16, 4, c as u16, h, &plain).unwrap();
    }
    ws.merge_range(3, 3, 3, 4, "Giới tính", &plain).unwrap();
    ws.write_string(4, 3, "Nam").unwrap();
    ws.write_string(4, 4, "Nữ").unwrap();
    ws.merge_range(3, 5, 4, 5, "Mã xã", &plain).unwrap();
    let members = [
        ("Lò Thị Mai", 4),
        ("Vàng A Páo", 3),
        ("Lò Thị Lan", 4),
        ("Giàng Thị Hoa", 4),
        ("Lý A Sử", 3),
    ];
    for (i, (name, col)) in members.iter().enumerate() {
        let r = 5 + i as u32;
        ws.write_number(r, 0, (i + 1) as f64).unwrap();
        ws.write_string(r, 1, *name).unwrap();
        ws.write_number(r, 2, 2000.0).unwrap();
        ws.write_string(r, *col, "x").unwrap();
        ws.write_string(r, 5, "02680").unwrap();
    }
    wb.save(w.dir.join("dv.xlsx")).unwrap();
    let run = w
        .tally(&[
            "ingest",
            "dv.xlsx",
            "--org",
            "youth",
            "--as-of",
            "31/10/2026",
        ])
        .expect(0);
    assert!(!run.stderr.contains("unknown sex"), "{}", run.stderr);
    let out = w
        .tally(&[
            "report", "--period", "2026-10", "--org", "youth", "--by", "sex", "--format", "csv",
        ])
        .expect(0)
        .stdout;
    let sex = |g: &str| {
        (out.lines())
            .find(|l| l.contains(&format!(",sex,{g},")))
            .and_then(|l| l.split(',').nth(4).map(str::to_string))
    };
    assert_eq!(sex("female").as_deref(), Some("3"), "{out}");
    assert_eq!(sex("male").as_deref(), Some("2"), "{out}");
}
