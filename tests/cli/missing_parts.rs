//! A month's roll that lacks part of the last one: a Women's Union workbook missing one
//! chi hội's sheet, then a CSV export with one commune cut short. The ingest names the
//! sheet and the communes; the report's coverage falls as computed, and its notes say
//! why before the communes at 0% are urged.

use crate::workdir::Workdir;

const AREAS: &str = "\
code,name,level,parent_code,ethnic_minority,religious,rural
15,Lào Cai,province,,no,no,no
02647,Phường Lào Cai,commune,15,no,no,no
02680,Xã Hợp Thành,commune,15,yes,no,yes
02683,Xã Bát Xát,commune,15,yes,no,yes
02686,Xã A Mú Sung,commune,15,yes,no,yes
";

/// 100 women to organize: 40, 30, 20 and 10.
const ELIGIBLE: &str = "\
Mã xã,Tổ chức,Năm,Số đối tượng
02647,Hội Phụ nữ,2026,40
02680,Hội Phụ nữ,2026,30
02683,Hội Phụ nữ,2026,20
02686,Hội Phụ nữ,2026,10
";

const TARGETS: &str = "org,year,scope,target_pct\nwomen,2026,*,50\n";

/// (sheet, its communes with how many members each).
type Branch = (&'static str, &'static [(&'static str, u32)]);

/// October: Chi hội 1 (Phường Lào Cai 30, Xã Hợp Thành 20), Chi hội 2 (Xã Bát Xát
/// 12), Chi hội 3 (Xã A Mú Sung 6): 68 members.
const OCTOBER: [Branch; 3] = [
    ("Chi hội 1", &[("02647", 30), ("02680", 20)]),
    ("Chi hội 2", &[("02683", 12)]),
    ("Chi hội 3", &[("02686", 6)]),
];

/// A workbook as a Women's Union office keeps it: per chi hội a sheet with a title
/// block (the month), the header, the members (birth and joining dates as date
/// cells), and the signature block with its date.
fn write_book(w: &Workdir, name: &str, month: u8, branches: &[Branch]) {
    write_book_with(w, name, month, branches, &[]);
}

/// [`write_book`] with a last sheet `Tổng hợp` where `summary` is not empty: the
/// office's summary of the roll, members per commune under the organization's name.
fn write_book_with(
    w: &Workdir,
    name: &str,
    month: u8,
    branches: &[Branch],
    summary: &[(&str, u32)],
) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (sheet, communes) in branches {
        let ws = wb.add_worksheet();
        ws.set_name(*sheet).unwrap();
        ws.write_string(0, 0, "DANH SÁCH HỘI VIÊN HỘI LIÊN HIỆP PHỤ NỮ")
            .unwrap();
        ws.write_string(1, 0, format!("{sheet} - Tháng {month} năm 2026"))
            .unwrap();
        let header = [
            "STT",
            "Họ và tên",
            "Ngày sinh",
            "Giới tính",
            "Mã xã",
            "Ngày vào Hội",
            "Trạng thái",
        ];
        for (c, h) in header.iter().enumerate() {
            ws.write_string(3, c as u16, *h).unwrap();
        }
        let mut r = 4u32;
        for (code, n) in communes.iter() {
            for i in 0..*n {
                let birth =
                    ExcelDateTime::from_ymd(1970 + (i % 30) as u16, 1 + (i % 12) as u8, 5).unwrap();
                let joined = ExcelDateTime::from_ymd(2015, 3, 8).unwrap();
                ws.write_number(r, 0, f64::from(r - 3)).unwrap();
                ws.write_string(r, 1, format!("Hội viên {code} số {i}"))
                    .unwrap();
                ws.write_datetime_with_format(r, 2, &birth, &date).unwrap();
                ws.write_string(r, 3, "Nữ").unwrap();
                ws.write_string(r, 4, *code).unwrap();
                ws.write_datetime_with_format(r, 5, &joined, &date).unwrap();
                ws.write_string(r, 6, "Đang sinh hoạt").unwrap();
                r += 1;
            }
        }
        ws.write_string(
            r + 1,
            4,
            format!("Lào Cai, ngày 05 tháng {} năm 2026", month + 1),
        )
        .unwrap();
        ws.write_string(r + 2, 4, "T/M BAN THƯỜNG VỤ").unwrap();
    }
    if !summary.is_empty() {
        let ws = wb.add_worksheet();
        ws.set_name("Tổng hợp").unwrap();
        ws.write_string(0, 0, "BIỂU TỔNG HỢP NĂM 2026").unwrap();
        for (c, h) in ["STT", "Xã, phường", "Hội LHPN"].iter().enumerate() {
            ws.write_string(2, c as u16, *h).unwrap();
        }
        for (i, (unit, n)) in summary.iter().enumerate() {
            let r = 3 + i as u32;
            ws.write_number(r, 0, (i + 1) as f64).unwrap();
            ws.write_string(r, 1, *unit).unwrap();
            ws.write_number(r, 2, f64::from(*n)).unwrap();
        }
    }
    wb.save(w.dir.join(name)).unwrap();
}

/// The province's areas, eligible counts and targets, ingested.
fn reference() -> Workdir {
    let w = Workdir::new();
    w.write("areas.csv", AREAS);
    w.write("eligible.csv", ELIGIBLE);
    w.write("targets.csv", TARGETS);
    w.tally(&["ingest", "areas.csv", "eligible.csv", "targets.csv"])
        .expect(0);
    w
}

fn setup() -> Workdir {
    let w = reference();
    write_book(&w, "hoi-vien-t10.xlsx", 10, &OCTOBER);
    w.tally(&[
        "ingest",
        "hoi-vien-t10.xlsx",
        "--org",
        "women",
        "--as-of",
        "31/10/2026",
    ])
    .expect(0);
    w
}

fn report(w: &Workdir, period: &str) -> serde_json::Value {
    let run = w
        .tally(&[
            "report", "--period", period, "--org", "women", "--format", "json",
        ])
        .expect(0);
    serde_json::from_str(&run.stdout).unwrap()
}

/// A report's total row.
fn total(v: &serde_json::Value) -> serde_json::Value {
    (v["rows"].as_array().unwrap().iter())
        .find(|r| r["dimension"] == "total")
        .cloned()
        .unwrap_or_else(|| panic!("{v}"))
}

fn note<'a>(v: &'a serde_json::Value, kind: &str) -> Option<&'a serde_json::Value> {
    v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["kind"] == kind)
}

/// November's workbook lacks Chi hội 2: 30 + 20 + 6 = 56 members of 100, 56.00%
/// (October: 68.00%). Xã Bát Xát (0 of 20, no row) did not report: it is in that
/// list and ranked nowhere (it headed the list to urge before). The ingest names the
/// sheet and the commune (12 members then); the report's notes name both.
#[test]
fn a_missing_sheet_and_its_communes_are_named() {
    let w = setup();
    let oct = report(&w, "2026-10");
    assert_eq!(total(&oct)["members"], 68);
    assert_eq!(total(&oct)["coverage_pct"], 68.0);

    write_book(&w, "hoi-vien-t11.xlsx", 11, &[OCTOBER[0], OCTOBER[2]]);
    let run = w
        .tally(&[
            "ingest",
            "hoi-vien-t11.xlsx",
            "--org",
            "women",
            "--as-of",
            "30/11/2026",
        ])
        .expect(0);
    assert!(
        run.stderr.contains(
            "the Women's Union roll as of 2026-11-30 lacks 1 sheet(s) that the roll as of 2026-10-31 had: \"Chi hội 2\": is the workbook complete?"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "1 unit(s) with members in the Women's Union roll as of 2026-10-31 have no row in this one (12 member(s) then): 02683 Xã Bát Xát (12)"
        ),
        "{}",
        run.stderr
    );

    let nov = report(&w, "2026-11");
    assert_eq!(total(&nov)["members"], 56);
    assert_eq!(total(&nov)["eligible"], 100);
    assert_eq!(total(&nov)["coverage_pct"], 56.0);
    let ranked: Vec<&serde_json::Value> = (nov["rankings"].as_array().unwrap().iter())
        .map(|r| &r["code"])
        .collect();
    assert!(!ranked.contains(&&serde_json::json!("02683")), "{ranked:?}");
    assert!(!ranked.is_empty(), "the communes that reported are ranked");
    let silent = &nov["lists"]["not_reported"];
    assert_eq!(silent[0]["code"], "02683", "{}", nov["lists"]);
    let sheets = note(&nov, "missing_sheets").unwrap_or_else(|| panic!("{}", nov["notes"]));
    assert_eq!(sheets["sheets"], serde_json::json!(["Chi hội 2"]));
    assert_eq!(sheets["previous_as_of"], "2026-10-31");
    let units = note(&nov, "emptied_units").unwrap();
    assert_eq!(units["units"], serde_json::json!(["02683 Xã Bát Xát"]));
    let text = units["text"].as_str().unwrap();
    assert!(text.contains("1 unit(s) with members in the roll of 31/10/2026 have no row in the roll of 30/11/2026: 02683 Xã Bát Xát"), "{text}");
    // The seam says the same in numbers: 12 absent.
    assert_eq!(note(&nov, "seam").unwrap()["absent"], 12);
}

/// December comes as a CSV (no sheets to compare) with Phường Lào Cai down from 30 to
/// 10 and Xã Bát Xát's 12 all listed as moved away: both less than half, named by the
/// ingest and the report (Xã Bát Xát has rows: it is no missing part). A commune of
/// fewer than 10 members (Xã A Mú Sung, 6 → 3) is never "shrunk".
#[test]
fn a_commune_cut_short_is_named() {
    let w = setup();
    let mut csv = String::from(
        "DANH SÁCH HỘI VIÊN;;;;;\nSố liệu đến ngày 31/12/2026;;;;;\nHọ và tên;Ngày sinh;Giới tính;Mã xã;Ngày vào Hội;Trạng thái\n",
    );
    for (code, n) in [("02647", 10), ("02680", 20), ("02683", 12), ("02686", 3)] {
        let status = if code == "02683" {
            "Chuyển sinh hoạt"
        } else {
            "Đang sinh hoạt"
        };
        for i in 0..n {
            csv.push_str(&format!(
                "Hội viên {code} số {i};05/{:02}/{};Nữ;{code};08/03/2015;{status}\n",
                1 + i % 12,
                1970 + i % 30
            ));
        }
    }
    w.write("hoi-vien-t12.csv", csv);
    let run = w
        .tally(&[
            "ingest",
            "hoi-vien-t12.csv",
            "--org",
            "women",
            "--as-of",
            "31/12/2026",
        ])
        .expect(0);
    assert!(
        run.stderr.contains(
            "2 unit(s) have less than half the members they had in the Women's Union roll as of 2026-10-31: 02647 Phường Lào Cai (30 → 10), 02683 Xã Bát Xát (12 → 0)"
        ),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("sheet(s)"), "{}", run.stderr);
    let dec = report(&w, "2026-12");
    let shrunk = note(&dec, "shrunk_units").unwrap_or_else(|| panic!("{}", dec["notes"]));
    assert_eq!(
        shrunk["units"],
        serde_json::json!(["02647 Phường Lào Cai", "02683 Xã Bát Xát"])
    );
    assert!(note(&dec, "emptied_units").is_none());
    assert!(note(&dec, "missing_sheets").is_none());
}

/// Found by review: a roll workbook's summary sheet (`BIỂU TỔNG HỢP NĂM 2026`, the
/// members of each commune under the organization's name) was read as a table of
/// eligible counts and replaced the real ones (40 → 30 for Phường Lào Cai: coverage
/// 100%). It is skipped and said; the eligible counts stay 40, 30, 20, 10.
#[test]
fn a_roll_workbooks_summary_sheet_is_no_eligible_count() {
    let w = reference();
    let summary = [
        ("Phường Lào Cai", 30),
        ("Xã Hợp Thành", 20),
        ("Xã Bát Xát", 12),
    ];
    write_book_with(&w, "hoi-vien-t10.xlsx", 10, &OCTOBER, &summary);
    let run = w
        .tally(&[
            "ingest",
            "hoi-vien-t10.xlsx",
            "--org",
            "women",
            "--as-of",
            "31/10/2026",
        ])
        .expect(0);
    assert!(
        run.stdout.contains("skipped 1 sheet(s) that hold a table of counts beside the workbook's rolls (the roll's own summary?): \"Tổng hợp\""),
        "{}",
        run.stdout
    );
    let out = w
        .tally(&[
            "report", "--period", "2026-10", "--by", "commune", "--format", "csv",
        ])
        .expect(0)
        .stdout;
    let eligible: Vec<&str> = (out.lines())
        .filter(|l| l.contains(",commune,"))
        .filter_map(|l| l.split(',').nth(8))
        .collect();
    assert_eq!(eligible, ["40", "30", "20", "10"], "{out}");
}

/// Found by review: November's workbook names Chi hội 2's sheet `CH Bát Xát` (the same
/// 12 members of Xã Bát Xát): the report's note said the sheet's members were not in
/// the numbers, and they were (68 members, as in October). It now says the units all
/// have rows: a sheet renamed?
#[test]
fn a_renamed_sheet_is_no_missing_one() {
    let w = setup();
    let renamed: [Branch; 3] = [OCTOBER[0], ("CH Bát Xát", &[("02683", 12)]), OCTOBER[2]];
    write_book(&w, "hoi-vien-t11.xlsx", 11, &renamed);
    w.tally(&[
        "ingest",
        "hoi-vien-t11.xlsx",
        "--org",
        "women",
        "--as-of",
        "30/11/2026",
    ])
    .expect(0);
    let nov = report(&w, "2026-11");
    assert_eq!(total(&nov)["members"], 68);
    let sheets = note(&nov, "missing_sheets").unwrap_or_else(|| panic!("{}", nov["notes"]));
    assert_eq!(sheets["units_listed"], true);
    let text = sheets["text"].as_str().unwrap();
    assert!(text.contains("every unit with members then has rows now: a sheet renamed, or its members moved to another sheet?"), "{text}");
    assert!(note(&nov, "emptied_units").is_none());
}
