//! Tests of the header search (`headers.rs`): spellings, kinds and header rows.

use super::*;
use crate::org::Orgs;

/// The header of rows that name only the five organizations.
fn find_header(rows: &[Vec<String>], forced: Option<Kind>) -> Option<(usize, Mapping)> {
    super::find_header(rows, forced, &Orgs::default())
}

fn nearest_kind(rows: &[Vec<String>]) -> Option<Kind> {
    super::nearest_kind(rows, &Orgs::default())
}

/// The spellings file is read whole: every line names a known kind and field, is
/// already folded, and no spelling means two fields in one kind.
#[test]
fn the_spellings_file_is_well_formed() {
    let mut lines = 0;
    let mut seen = std::collections::HashMap::new();
    for line in ALIASES.lines().skip(1) {
        let cells: Vec<&str> = line.splitn(3, ',').collect();
        assert_eq!(cells.len(), 3, "{line}");
        let kind = Kind::parse(cells[0]).unwrap_or_else(|| panic!("kind: {line}"));
        let field = Field::parse(cells[1]).unwrap_or_else(|| panic!("field: {line}"));
        assert_eq!(fold(cells[2]), cells[2], "not folded: {line}");
        if let Some(other) = seen.insert((kind, cells[2]), field) {
            panic!("{line}: also {}", other.name());
        }
        lines += 1;
    }
    let counted: usize = Kind::ALL
        .iter()
        .flat_map(|k| aliases(*k).iter().map(|(_, n)| n.len()))
        .sum();
    assert_eq!(counted, lines);
    assert!(lines > 300);
    assert_eq!(aliases(Kind::Roll)[0].0, Field::MemberId);
    assert!(aliases(Kind::Targets)
        .iter()
        .any(|(f, n)| *f == Field::TargetPct && !n.is_empty()));
}

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|s| s.to_string()).collect()
}

#[test]
fn vietnamese_and_english_headers_in_any_case() {
    let headers = row(&[
        "STT",
        "Họ và tên",
        "SỐ CCCD",
        "  Ngày   sinh ",
        "Giới tính",
        "Dân tộc",
        "Tôn giáo",
        "Mã xã",
        "Ngày vào Đoàn",
        "Quê quán",
    ]);
    let m = Mapping::build(Kind::Roll, &headers, &Orgs::default());
    assert_eq!(m.index(Field::FullName), Some(1));
    assert_eq!(m.index(Field::NationalId), Some(2));
    assert_eq!(m.index(Field::BirthDate), Some(3));
    assert_eq!(m.index(Field::AreaCode), Some(7));
    assert_eq!(m.index(Field::JoinedOn), Some(8));
    assert_eq!(m.unknown, vec![(9, "Quê quán".to_string())]);
    let m = Mapping::build(
        Kind::Roll,
        &row(&[
            "full_name",
            "NATIONAL_ID",
            "area_code",
            "joined_on",
            "Status",
        ]),
        &Orgs::default(),
    );
    assert!(m.missing().is_empty());
    assert_eq!(m.index(Field::Status), Some(4));
    let m = Mapping::build(
        Kind::Roll,
        &row(&["Ho va ten", "Ma xa", "Ngay ket nap"]),
        &Orgs::default(),
    );
    assert!(m.missing().is_empty());
}

#[test]
fn missing_required_fields_are_named() {
    // A roll without a unit column may be a commune's own list: its unit comes from
    // its title, its sheet's name or --area, checked once the areas are at hand.
    let m = Mapping::build(
        Kind::Roll,
        &row(&["Họ và tên", "Ngày sinh"]),
        &Orgs::default(),
    );
    assert!(m.missing().is_empty());
    assert!(!m.has_unit());
    let m = Mapping::build(Kind::Roll, &row(&["Ngày sinh"]), &Orgs::default());
    let said: Vec<String> = m.missing().iter().map(|t| t.en()).collect();
    assert_eq!(said, ["full_name or national_id"]);
    let m = Mapping::build(
        Kind::Eligible,
        &row(&["Mã xã", "Năm", "Số đối tượng"]),
        &Orgs::default(),
    );
    let said: Vec<String> = m.missing().iter().map(|t| t.en()).collect();
    assert_eq!(said, ["org"]);
}

#[test]
fn header_row_found_below_a_title_and_kind_detected() {
    let rows = vec![
        row(&["DANH SÁCH ĐOÀN VIÊN XÃ TẢ VAN", "", ""]),
        row(&["", "", ""]),
        row(&["Họ và tên", "Mã xã", "Ngày vào Đoàn"]),
        row(&["Nguyễn Văn A", "02680", "01/01/2020"]),
    ];
    let (i, m) = find_header(&rows, None).unwrap();
    assert_eq!((i, m.kind), (2, Kind::Roll));
    let kinds = [
        (
            row(&["code", "name", "level", "parent_code", "ethnic_minority"]),
            Kind::Areas,
        ),
        (
            row(&[
                "Mã số thuế",
                "Tên doanh nghiệp",
                "Mã xã",
                "Loại hình",
                "Số lao động",
            ]),
            Kind::Enterprises,
        ),
        (
            row(&["area_code", "org", "year", "eligible"]),
            Kind::Eligible,
        ),
        (
            row(&["Mã xã", "Tổ chức", "Năm", "Số đối tượng"]),
            Kind::Eligible,
        ),
        (row(&["org", "year", "scope", "target_pct"]), Kind::Targets),
    ];
    for (header, kind) in kinds {
        let (_, m) = find_header(std::slice::from_ref(&header), None).unwrap();
        assert_eq!(m.kind, kind, "{header:?}");
    }
    assert!(find_header(&[row(&["a", "b"]), row(&["1", "2"])], None).is_none());
}

/// The office's counts table is eligible counts, wide; never the areas. A code and a
/// name alone are the areas only when --kind says so.
#[test]
fn a_counts_table_is_never_the_areas() {
    let wide = row(&[
        "STT",
        "Mã xã",
        "Tên xã",
        "Năm",
        "Hội Phụ nữ",
        "Đoàn Thanh niên",
    ]);
    let (_, m) = find_header(std::slice::from_ref(&wide), None).unwrap();
    assert_eq!(m.kind, Kind::Eligible);
    assert_eq!(m.wide, vec![4, 5]);
    assert!(m.unknown.is_empty());
    assert!(m.missing().is_empty());
    // Without a year column: the year comes from the title or --year, later.
    let no_year = row(&["Mã xã", "Tên xã", "Hội Phụ nữ"]);
    let (_, m) = find_header(std::slice::from_ref(&no_year), None).unwrap();
    assert_eq!((m.kind, m.wide.clone()), (Kind::Eligible, vec![2]));
    // Forced as areas, the header reads, and the table check refuses it later.
    let (_, m) = find_header(std::slice::from_ref(&wide), Some(Kind::Areas)).unwrap();
    assert_eq!(m.org_named, vec![4, 5]);
    // An areas list with a column per organization: neither the areas nor a list of
    // organizations (it has their code and name columns), refused as a header that
    // reads as no kind; it was stored as nine "organizations" named after units.
    let areas_wide = row(&[
        "code",
        "name",
        "level",
        "parent_code",
        "union",
        "youth",
        "women",
    ]);
    let found = find_header(std::slice::from_ref(&areas_wide), None);
    assert!(found.is_none(), "{:?}", found.map(|(_, m)| m.kind));
    let units = row(&["Mã xã", "Tên xã", "Vùng khó khăn"]);
    assert!(find_header(std::slice::from_ref(&units), None).is_none());
    assert_eq!(
        nearest_kind(std::slice::from_ref(&units)),
        Some(Kind::Areas)
    );
    let (_, m) = find_header(std::slice::from_ref(&units), Some(Kind::Areas)).unwrap();
    assert!(m.missing().is_empty());
    let classified = row(&["Mã xã", "Tên xã", "Vùng DTTS"]);
    let (_, m) = find_header(std::slice::from_ref(&classified), None).unwrap();
    assert_eq!(m.kind, Kind::Areas);
    // A long counts table keeps its org and count columns; a column named after an
    // organization beside them is ignored, not read wide.
    let long = row(&["Mã xã", "Tổ chức", "Số đối tượng", "Hội Phụ nữ"]);
    let (_, m) = find_header(std::slice::from_ref(&long), None).unwrap();
    assert_eq!((m.kind, m.wide.len()), (Kind::Eligible, 0));
}

#[test]
fn a_cell_longer_than_any_name_is_no_column_and_the_header_below_it_is_found() {
    // A title block's cell of a megabyte (a note pasted in, or a hostile file) above
    // the header: it names no column, as any kind, and is not read as one (reading
    // it as a name in every row and kind of the search took minutes).
    let long = format!("Danh sách đoàn viên {}", "rất dài ".repeat(1 << 17));
    let rows = vec![
        row(&[&long, ""]),
        row(&["Họ và tên", "Số CCCD", "Mã xã", "Ngày chốt"]),
        row(&["Lò Văn A", "001094000001", "03127", "31/10/2026"]),
    ];
    let (at, m) = find_header(&rows, None).expect("the header under the title");
    assert_eq!((at, m.kind), (1, Kind::Roll));
    assert_eq!(m.index(Field::FullName), Some(0));
    for kind in [Kind::Roll, Kind::Areas, Kind::Eligible, Kind::Enterprises] {
        let m = Mapping::build(kind, &rows[0], &Orgs::default());
        assert_eq!(m.columns, [None, None], "{kind:?}");
        assert_eq!(m.unknown.len(), 1, "{kind:?}");
        assert!(m.org_named.is_empty());
    }
    // A name at the longest is still a name: the spellings are matched as before.
    let padded = format!(
        "Họ và tên{}",
        " ".repeat(LONGEST_HEADER - "Họ và tên".len())
    );
    let m = Mapping::build(Kind::Roll, &row(&[&padded]), &Orgs::default());
    assert_eq!(m.index(Field::FullName), Some(0));
}
