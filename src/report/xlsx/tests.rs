//! The workbooks read back cell by cell (calamine) and part by part (the zip's XML),
//! against numbers written by hand in the rows.

use super::super::fixture;
use super::*;
use calamine::{Data, Reader};
use std::io::Read;

fn book(bytes: Vec<u8>) -> calamine::Xlsx<std::io::Cursor<Vec<u8>>> {
    calamine::Xlsx::new(std::io::Cursor::new(bytes)).expect("a workbook")
}

/// One part of the workbook's zip, as text.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut out = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("no part {name}"))
        .read_to_string(&mut out)
        .expect("text");
    out
}

fn text(s: &str) -> Data {
    Data::String(s.into())
}

/// The sheets in the reader's language, the tidy sheet last with the CSV's columns
/// and numbers (3.33 for 3.33%), its codes said in Vietnamese and the roll's date a
/// date cell.
#[test]
fn sheets_of_number_cells() {
    let opts = fixture::options(super::super::Format::Xlsx, Lang::Vi);
    let mut wb = book(render(&fixture::coverage(), &opts).expect("xlsx"));
    assert_eq!(wb.sheet_names(), EXPECTED_SHEETS);
    let tidy = wb.worksheet_range("Dữ liệu").expect("the tidy sheet");
    let row = |r: u32| {
        (0..16)
            .map(|c| tidy.get_value((r, c)).cloned())
            .collect::<Vec<_>>()
    };
    assert_eq!(row(0)[0], Some(text("Kỳ")));
    assert_eq!(row(0)[9], Some(text("Tỷ lệ tập hợp")));
    let total = row(1);
    assert_eq!(
        total[..4],
        [
            Some(text("Tháng 10/2026")),
            Some(text("Đoàn Thanh niên")),
            Some(text("Toàn bộ")),
            Some(text("Tất cả"))
        ]
    );
    assert_eq!(total[4], Some(Data::Float(3.0)));
    assert_eq!(total[9], Some(Data::Float(3.33)));
    assert_eq!(total[12], Some(Data::Float(-26.67)));
    assert!(
        matches!(total[15], Some(Data::DateTime(_))),
        "a date cell: {:?}",
        total[15]
    );
    assert_eq!(
        row(2)[2..4],
        [Some(text("Vùng dân tộc thiểu số")), Some(text("Có"))]
    );
}

/// In English the tidy sheet is the CSV itself, for scripts: machine names and codes.
#[test]
fn the_english_tidy_sheet_is_the_csv() {
    let opts = fixture::options(super::super::Format::Xlsx, Lang::En);
    let mut wb = book(render(&fixture::coverage(), &opts).expect("xlsx"));
    let tidy = wb.worksheet_range("coverage").expect("the tidy sheet");
    assert_eq!(tidy.get_value((0, 0)), Some(&text("period")));
    assert_eq!(tidy.get_value((1, 1)), Some(&text("youth")));
    assert_eq!(tidy.get_value((2, 2)), Some(&text("ethnic_minority")));
    assert_eq!(tidy.get_value((2, 3)), Some(&text("yes")));
    assert_eq!(tidy.get_value((1, 9)), Some(&Data::Float(3.33)));
    // As the CSV with --min-cell: a blanked cell is empty (no "…" in a column of
    // numbers) and the `suppressed` column names the row's blanked cells.
    assert_eq!(tidy.get_value((0, 16)), Some(&text("suppressed")));
    assert_eq!(
        tidy.get_value((2, 4)),
        Some(&Data::Empty),
        "blanked members"
    );
    assert_eq!(
        tidy.get_value((2, 16)),
        Some(&text("members;coverage_pct;gap_pp"))
    );
}

/// No machine word anywhere in a Vietnamese workbook: every string cell of every
/// sheet is checked word by word.
#[test]
fn a_vietnamese_workbook_has_no_machine_word() {
    let opts = fixture::options(super::super::Format::Xlsx, Lang::Vi);
    let mut wb = book(render(&fixture::coverage(), &opts).expect("xlsx"));
    let machine = [
        "youth",
        "women",
        "ethnic_minority",
        "religious",
        "rural",
        "ownership",
        "non_state",
        "yes",
        "no",
        "total",
        "all",
        "coverage",
        "period",
        "org",
    ];
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).expect("a sheet");
        for cell in range.used_cells() {
            if let Data::String(s) = cell.2 {
                for word in s.split(|c: char| !c.is_alphanumeric() && c != '_') {
                    assert!(!machine.contains(&word), "{name}: {s:?} has {word:?}");
                }
            }
        }
    }
}

/// The summary: per organization the coverage, target and gap of the total and of
/// each focus area, the typed values of the rows (a blanked cell stays blanked, a
/// target is never blanked).
#[test]
fn the_summary_has_each_focus_areas_target_and_gap() {
    let opts = fixture::options(super::super::Format::Xlsx, Lang::Vi);
    let mut wb = book(render(&fixture::coverage(), &opts).expect("xlsx"));
    let s = wb.worksheet_range("Tổng hợp").expect("the summary");
    // Title, province, a blank row, then the header at row 3.
    assert_eq!(
        s.get_value((3, 7)),
        Some(&text("Vùng dân tộc thiểu số: tỷ lệ tập hợp"))
    );
    assert_eq!(
        s.get_value((3, 8)),
        Some(&text("Vùng dân tộc thiểu số: chỉ tiêu"))
    );
    assert_eq!(
        s.get_value((3, 9)),
        Some(&text("Vùng dân tộc thiểu số: chênh lệch (điểm %)"))
    );
    // The report has no row of religious or rural areas (found by a new analyst's
    // year: `--by commune` left their columns empty, which reads as unknown): no
    // columns; nor of enterprises, which no organization of the report has.
    assert!(matches!(s.get_value((3, 10)), None | Some(Data::Empty)));
    let youth: Vec<Option<&Data>> = (0..19).map(|c| s.get_value((4, c))).collect();
    assert_eq!(youth[0], Some(&text("Đoàn Thanh niên")));
    assert_eq!(youth[4], Some(&Data::Float(0.0333)));
    assert_eq!(youth[5], Some(&Data::Float(0.30)));
    assert_eq!(youth[6], Some(&Data::Float(-26.67)));
    assert_eq!(
        youth[7..10],
        [Some(&text("…")), Some(&Data::Float(0.30)), Some(&text("…"))]
    );
}

/// Printed: A4 landscape, one page wide (or at 70%, below), the header row repeated,
/// the period and the province in the page header; on every sheet.
#[test]
fn every_sheet_prints_on_a4_with_its_header() {
    let opts = fixture::options(super::super::Format::Xlsx, Lang::Vi);
    let bytes = render(&fixture::coverage(), &opts).expect("xlsx");
    for n in 1..=6 {
        let xml = part(&bytes, &format!("xl/worksheets/sheet{n}.xml"));
        assert!(xml.contains(r#"paperSize="9""#), "sheet {n}: {xml}");
        assert!(xml.contains(r#"orientation="landscape""#), "sheet {n}");
        let wide = xml.contains(r#"scale="70""#);
        assert!(wide || xml.contains(r#"fitToHeight="0""#), "sheet {n}");
        assert!(
            xml.contains("<oddHeader>&amp;CKết quả tập hợp quần chúng vào các tổ chức — Tháng 10/2026 — Tỉnh Lào Cai</oddHeader>"),
            "sheet {n}: {xml}"
        );
    }
    let wbx = part(&bytes, "xl/workbook.xml");
    assert!(wbx.contains("_xlnm.Print_Titles"), "{wbx}");
    assert!(wbx.contains("'Tổng hợp'!$4:$4"), "{wbx}");
}

/// Dated by the period's end, not by the clock: the same rows give the same bytes.
/// Found by review: a wide sheet (the per-unit one, with its classifications and
/// counts) printed one page wide in 4 to 6 points. A sheet of 24 columns of 14
/// characters (2,472 pixels, 986 a page) prints at 70%, its two label columns repeated
/// on every page; one of 8 columns of 20 (1,160 pixels: 85% fits) still one page wide.
#[test]
fn a_sheet_too_wide_for_one_page_prints_at_seventy_percent_its_labels_repeated() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let narrow = wb.add_worksheet();
    super::cells::print_setup(narrow, "p", 0, (&[20.0; 8], 2)).expect("narrow");
    let wide = wb.add_worksheet();
    super::cells::print_setup(wide, "p", 0, (&[14.0; 24], 2)).expect("wide");
    let bytes = wb.save_to_buffer().expect("bytes");
    let narrow = part(&bytes, "xl/worksheets/sheet1.xml");
    assert!(narrow.contains(r#"fitToHeight="0""#), "{narrow}");
    let wide = part(&bytes, "xl/worksheets/sheet2.xml");
    assert!(wide.contains(r#"scale="70""#), "{wide}");
    assert!(!wide.contains("fitToHeight"), "{wide}");
    let names = part(&bytes, "xl/workbook.xml");
    assert!(names.contains("Sheet2!$A:$B"), "{names}");
}

#[test]
fn a_workbook_is_dated_by_its_period() {
    let opts = fixture::options(super::super::Format::Xlsx, Lang::Vi);
    let bytes = render(&fixture::coverage(), &opts).expect("xlsx");
    let core = part(&bytes, "docProps/core.xml");
    assert!(core.contains(">2026-10-31T00:00:00Z<"), "{core}");
    assert_eq!(bytes, render(&fixture::coverage(), &opts).expect("xlsx"));
}

const EXPECTED_SHEETS: [&str; 6] = [
    "Tổng hợp",
    "Cần đôn đốc",
    "Nhân rộng",
    "Chi tiết",
    "Ghi chú",
    "Dữ liệu",
];

mod series {
    use super::*;
    use crate::metrics::dimension::Dimension;
    use crate::metrics::period::Period;
    use crate::metrics::series::{series, PACE_DEFAULT};
    use crate::metrics::{CoverageRow, Note};
    use crate::org::{Org, OrgOrAny};

    /// Youth over January–June 2026 against 70%: the province at 50, 52, … 60% of
    /// 1,000 eligible, and the commune 02647 (`--by commune`) at 40% of 100 each
    /// month; January with a note.
    fn reports() -> Vec<(Period, Coverage)> {
        (1..=6)
            .map(|m| {
                let period = Period::month(2026, m).expect("a month");
                let c = 5000 + 200 * (m as i64 - 1);
                let total = CoverageRow {
                    period: period.clone(),
                    org: OrgOrAny::Org(Org::Youth),
                    dimension: Dimension::Total,
                    group: "all".into(),
                    group_name: "all".into(),
                    unit_level: false,
                    members: Some(c as u64 / 10),
                    members_start: None,
                    recruited: None,
                    left: None,
                    eligible: Some(1000),
                    coverage_pct: Some(c),
                    recruit_rate_pct: None,
                    target_pct: Some(7000),
                    gap_pp: Some(c - 7000),
                    enterprises: None,
                    enterprises_reached: None,
                    snapshot_as_of: None,
                    suppressed: Default::default(),
                    sized: None,
                };
                let commune = CoverageRow {
                    dimension: Dimension::Level("commune".into()),
                    group: "02647".into(),
                    group_name: "Phường Lào Cai".into(),
                    unit_level: true,
                    members: Some(40),
                    eligible: Some(100),
                    coverage_pct: Some(4000),
                    gap_pp: Some(-3000),
                    ..total.clone()
                };
                let notes = if m == 1 {
                    vec![Note::MissingSnapshot { org: Org::Women }]
                } else {
                    Vec::new()
                };
                let cov = Coverage {
                    place: Some("Tỉnh Lào Cai".into()),
                    rows: vec![total, commune],
                    notes,
                    ..Coverage::default()
                };
                (period, cov)
            })
            .collect()
    }

    /// A sheet per organization: periods across, a line's members, coverage and target
    /// down, the pace beside: +2.00 points a month (the line rises 2 a month), 1.67
    /// needed (10 points over the 6 months left), the line at 60% in June reaches 70%
    /// five months later, in November; the commune's line too; every period's notes.
    #[test]
    fn a_sheet_per_organization_with_the_pace() {
        let r = reports();
        let rows = series(&r, &[None, None, None, None, None, None], PACE_DEFAULT, &[]);
        let bytes = super::super::series::render(&r, &rows, Lang::Vi).expect("xlsx");
        let mut wb = book(bytes.clone());
        assert_eq!(wb.sheet_names(), ["Đoàn Thanh niên", "Ghi chú"]);
        let s = wb.worksheet_range("Đoàn Thanh niên").expect("the sheet");
        let row = |r: u32| {
            (0..11)
                .map(|c| s.get_value((r, c)).cloned())
                .collect::<Vec<_>>()
        };
        // Title, organization, province, a blank row, the header at row 4.
        let head = row(4);
        assert_eq!(head[2], Some(text("Tháng 1/2026")));
        assert_eq!(head[7], Some(text("Tháng 6/2026")));
        assert_eq!(
            head[9],
            Some(text("Cần đạt để đạt chỉ tiêu năm (điểm %/tháng)"))
        );
        let members = row(5);
        assert_eq!(
            members[..2],
            [Some(text("Toàn bộ")), Some(text("Số thành viên"))]
        );
        assert_eq!(members[2], Some(Data::Float(500.0)));
        assert_eq!(members[7], Some(Data::Float(600.0)));
        let coverage = row(6);
        assert_eq!(coverage[1], Some(text("Tỷ lệ tập hợp")));
        assert_eq!(coverage[2], Some(Data::Float(0.50)));
        assert_eq!(coverage[7], Some(Data::Float(0.60)));
        assert_eq!(coverage[8], Some(Data::Float(2.0)));
        assert_eq!(coverage[9], Some(Data::Float(1.67)));
        assert_eq!(coverage[10], Some(text("Tháng 11/2026")));
        let target = row(7);
        assert_eq!(target[1], Some(text("Chỉ tiêu")));
        assert_eq!(target[7], Some(Data::Float(0.70)));
        let commune = row(9);
        assert_eq!(commune[0], Some(text("Xã, phường: 02647 Phường Lào Cai")));
        assert_eq!(commune[4], Some(Data::Float(0.40)));
        let notes = wb.worksheet_range("Ghi chú").expect("the notes");
        assert_eq!(
            notes.get_value((1, 0)),
            Some(&text(
                "Tháng 1/2026: Hội Liên hiệp Phụ nữ: chưa có danh sách đến cuối kỳ; số liệu bị thiếu (không phải bằng 0)"
            ))
        );
        // A native line chart of the sheet's cells: the total's coverage and target.
        let chart = part(&bytes, "xl/charts/chart1.xml");
        assert!(chart.contains("<c:lineChart>"), "{chart}");
        assert!(chart.contains("'Đoàn Thanh niên'!$C$5:$H$5"), "{chart}");
        assert!(chart.contains("'Đoàn Thanh niên'!$C$7:$H$7"), "{chart}");
        assert!(chart.contains("'Đoàn Thanh niên'!$C$8:$H$8"), "{chart}");
        assert!(!chart.contains("$C$10:$H$10"), "no commune line: {chart}");
        let sheet = part(&bytes, "xl/worksheets/sheet1.xml");
        assert!(
            sheet.contains("<drawing r:id="),
            "the chart is on the sheet"
        );
        assert!(sheet.contains(r#"paperSize="9""#), "printed on A4");
    }

    /// A blanked coverage (`--min-cell`) is `…` in the table and keeps its line out of
    /// the chart, which would draw the text as 0; with nothing to draw, no chart.
    #[test]
    fn a_blanked_line_is_not_drawn() {
        let mut r = reports();
        let total = &mut r[2].1.rows[0];
        total.coverage_pct = None;
        total.gap_pp = None;
        total
            .suppressed
            .insert(crate::metrics::suppress::Col::CoveragePct);
        let rows = series(&r, &[None, None, None, None, None, None], PACE_DEFAULT, &[]);
        let bytes = super::super::series::render(&r, &rows, Lang::Vi).expect("xlsx");
        let mut wb = book(bytes.clone());
        let s = wb.worksheet_range("Đoàn Thanh niên").expect("the sheet");
        assert_eq!(s.get_value((6, 4)), Some(&text("…")));
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
        assert!(zip.by_name("xl/charts/chart1.xml").is_err(), "no chart");
    }

    #[test]
    fn a_sheet_name_follows_excels_rules() {
        use super::super::series::sheet_name;
        assert_eq!(sheet_name("A/B: C", &[]), "A B  C");
        assert_eq!(sheet_name("Ghi chú", &["Ghi chú".into()]), "Ghi chú (2)");
        assert_eq!(sheet_name(&"x".repeat(40), &[]).chars().count(), 28);
    }
}

/// Found by a reading of the workbook: the summary gave an organization with nothing
/// in enterprises the non-state enterprises' target beside an empty coverage and gap;
/// the table shows none of them. The union's line (members in enterprises) is kept.
#[test]
fn an_organization_without_enterprises_has_no_enterprise_figures_in_the_summary() {
    use crate::metrics::dimension::Dimension;
    let mut cov = fixture::coverage();
    let line = |org: crate::org::Org, members: Option<u64>| {
        let mut r = cov.rows[0].clone();
        r.org = crate::org::OrgOrAny::Org(org);
        r.dimension = Dimension::Ownership;
        r.group = "non_state".into();
        (r.members, r.eligible, r.target_pct) = (members, None, Some(7000));
        r.coverage_pct = None;
        r
    };
    let (union, youth) = (
        line(crate::org::Org::Union, Some(12)),
        line(crate::org::Org::Youth, None),
    );
    cov.rows.extend([union, youth]);
    let (head, rows) = super::summary::summary(&cov, Lang::Vi);
    let target = head
        .iter()
        .position(|h| h.starts_with("Doanh nghiệp") && h.ends_with("chỉ tiêu"));
    let target = target.expect("the non-state enterprises' target column");
    let of = |name: &str| {
        (rows.iter())
            .find(|r| matches!(&r[0], super::cells::Cell::Text(t) if t == name))
            .map(|r| matches!(r[target], super::cells::Cell::Empty))
    };
    assert_eq!(of("Đoàn Thanh niên"), Some(true));
    assert_eq!(of("Công đoàn"), Some(false));
}
