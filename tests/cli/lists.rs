//! The lists to act on, over the office store of `last_month` (its rolls are in the
//! comments there). By hand, for November 2026:
//!
//! - to visit (non-state enterprises without an active member): the union's Công ty CP
//!   Chè Bát Xát (45 workers; its 2 members left on 10/11) and HTX Dịch vụ Hợp Thành
//!   (12; never a member); Công ty TNHH May Lào Cai has 6. The Women's Union's roll names
//!   no enterprise: no list.
//! - fallen to zero: the union's Xã Bát Xát (its one enterprise's 2 members left: rows,
//!   no member) and the Women's Union's Xã Hợp Thành (4, all left on 15/11).
//! - did not report: the Women's Union's Xã Bát Xát (3 in October, no row now).

use crate::last_month::{json, office};
use crate::workdir::Workdir;

fn codes(v: &serde_json::Value, list: &str, key: &str) -> Vec<String> {
    v["lists"][list]
        .as_array()
        .expect("a list")
        .iter()
        .map(|r| format!("{} {}", r["org"].as_str().unwrap_or(""), r[key]))
        .collect()
}

#[test]
fn the_three_lists_of_november_by_hand() {
    let w = office();
    let v = json(&w, &["--period", "2026-11"]);
    assert_eq!(
        codes(&v, "to_visit", "tax_code"),
        ["union \"5300100002\"", "union \"5300100003\""]
    );
    assert_eq!(
        v["lists"]["to_visit"][0],
        serde_json::json!({
            "org": "union",
            "tax_code": "5300100002",
            "name": "Công ty CP Chè Bát Xát",
            "area_code": "02683",
            "area_name": "Xã Bát Xát",
            "workers": 45
        })
    );
    assert_eq!(
        codes(&v, "fallen_to_zero", "code"),
        ["union \"02683\"", "women \"02680\""]
    );
    assert_eq!(
        v["lists"]["not_reported"],
        serde_json::json!([{
            "org": "women",
            "level": "commune",
            "code": "02683",
            "name": "Xã Bát Xát",
            "members_before": 3,
            "previous_as_of": "2026-10-31",
            "as_of": "2026-11-30"
        }])
    );
    // October: Chè Bát Xát still had its 2; no roll before October to compare with.
    let oct = json(&w, &["--period", "2026-10"]);
    assert_eq!(
        codes(&oct, "to_visit", "tax_code"),
        ["union \"5300100003\""]
    );
    assert_eq!(oct["lists"]["fallen_to_zero"], serde_json::json!([]));
    assert_eq!(oct["lists"]["not_reported"], serde_json::json!([]));
}

/// December has no roll yet: no unit of either organization has a row this period, so
/// every unit with members in November's did not report (union: Phường Lào Cai 9;
/// women: Phường Lào Cai 11, Xã A Mú Sung 2); none can be said to have fallen.
#[test]
fn without_a_roll_this_period_no_unit_reported() {
    let w = office();
    let v = json(&w, &["--period", "2026-12"]);
    let got: Vec<String> = v["lists"]["not_reported"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|r| format!("{} {} {}", r["org"], r["code"], r["members_before"]))
        .collect();
    assert_eq!(
        got,
        [
            "\"union\" \"02647\" 9",
            "\"women\" \"02647\" 11",
            "\"women\" \"02686\" 2"
        ]
    );
    assert_eq!(v["lists"]["fallen_to_zero"], serde_json::json!([]));
}

/// `--table` gives each list as CSV, all rows, in its documented order; with
/// `--min-cell 3` a count before under 3 is blanked, the unit still named. And a
/// list's 0 now is a published count: the Women's Union's 13 members of November are
/// Phường Lào Cai 11 (to urge: 27.50% of 40), Xã Hợp Thành 0 (fallen to zero), Xã Bát
/// Xát 0 (did not report) and Xã A Mú Sung 2 (blanked); with the three lists A Mú Sung
/// would be 13 − 11 − 0 − 0. The listed unit with the fewest members goes, then by
/// code, until no commune is alone unpublished: Xã Hợp Thành, then Xã Bát Xát (a unit
/// no list or row names counts as known to have none), then Phường Lào Cai.
#[test]
fn each_list_as_a_csv_table() {
    let w = office();
    let csv = |table: &str, extra: &[&str]| {
        let mut args = vec![
            "report", "--period", "2026-11", "--format", "csv", "--table", table,
        ];
        args.extend_from_slice(extra);
        w.tally(&args).expect(0).stdout
    };
    assert_eq!(
        csv("to_visit", &[]),
        "period,org,tax_code,name,area_code,area_name,workers\n\
         2026-11,union,5300100002,Công ty CP Chè Bát Xát,02683,Xã Bát Xát,45\n\
         2026-11,union,5300100003,HTX Dịch vụ Hợp Thành,02680,Xã Hợp Thành,12\n"
    );
    assert_eq!(
        csv("fallen_to_zero", &["--min-cell", "3"]),
        "period,org,level,code,name,members_before,previous_as_of,as_of\n\
         2026-11,union,commune,02683,Xã Bát Xát,,2026-10-31,2026-11-30\n"
    );
    assert_eq!(
        csv("not-reported", &["--min-cell", "3"]),
        "period,org,level,code,name,members_before,previous_as_of,as_of\n"
    );
    let urge = csv("urge", &["--min-cell", "3"]);
    assert!(!urge.contains(",women,"), "{urge}");
    assert_eq!(
        csv("not-reported", &[]),
        "period,org,level,code,name,members_before,previous_as_of,as_of\n\
         2026-11,women,commune,02683,Xã Bát Xát,3,2026-10-31,2026-11-30\n"
    );
    // A list is a CSV table: in another format it is refused, as the rankings are.
    w.tally(&["report", "--table", "to_visit", "--format", "json"])
        .expect(2);
}

/// Where a person reads: a section per list in the terminal table (Vietnamese) and
/// the HTML page; a sheet per list in the workbook, with every row.
#[test]
fn sections_and_sheets_in_the_readers_language() {
    let w = office();
    let table = w
        .tally(&["--lang", "vi", "report", "--period", "2026-11"])
        .expect(0)
        .stdout;
    for want in [
        "Doanh nghiệp ngoài nhà nước chưa có thành viên (cần đến vận động)",
        "Công ty CP Chè Bát Xát",
        "02683 Xã Bát Xát",
        "Đơn vị giảm về 0 thành viên so với danh sách trước",
        "02680 Xã Hợp Thành",
        "(chưa báo cáo)",
        "31/10/2026",
    ] {
        assert!(table.contains(want), "{want:?} in\n{table}");
    }
    let html = w
        .tally(&["report", "--period", "2026-11", "--format", "html"])
        .expect(0)
        .stdout;
    assert!(
        html.contains("<h2>Non-state enterprises without a member (to visit)</h2>"),
        "{html}"
    );
    assert!(
        html.contains("<td class=\"text\">HTX Dịch vụ Hợp Thành</td>"),
        "{html}"
    );

    use calamine::{Data, Reader};
    w.tally(&[
        "--lang", "vi", "report", "--period", "2026-11", "--output", "bc.xlsx",
    ])
    .expect(0);
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(w.dir.join("bc.xlsx")).expect("xlsx");
    let names = wb.sheet_names();
    for s in ["DN cần đến vận động", "Giảm về 0", "Chưa báo cáo"] {
        assert!(names.iter().any(|n| n == s), "{s} in {names:?}");
    }
    let visit = wb.worksheet_range("DN cần đến vận động").expect("sheet");
    assert_eq!(
        visit.get_value((2, 1)),
        Some(&Data::String("Mã số thuế".into()))
    );
    assert_eq!(
        visit.get_value((3, 0)),
        Some(&Data::String("Công đoàn".into()))
    );
    assert_eq!(
        visit.get_value((3, 2)),
        Some(&Data::String("Công ty CP Chè Bát Xát".into()))
    );
    assert_eq!(visit.get_value((3, 5)), Some(&Data::Float(45.0)));
    assert_eq!(visit.get_value((4, 5)), Some(&Data::Float(12.0)));
    let silent = wb.worksheet_range("Chưa báo cáo").expect("sheet");
    // The level in words, not its machine name.
    assert_eq!(
        silent.get_value((3, 1)),
        Some(&Data::String("Xã, phường".into()))
    );
    assert_eq!(
        silent.get_value((3, 2)),
        Some(&Data::String("02683".into()))
    );
    assert_eq!(silent.get_value((3, 4)), Some(&Data::Float(3.0)));
}

/// An organization with no roll as of the period's end has eligible counts and targets
/// (the Women's Union: Phường Lào Cai 150 at 75.50%) but no member known: none of its
/// units is ranked at 0%, which would tell a committee to urge communes nobody counted.
/// The Youth Union's roll (3 in Phường Lào Cai) is ranked as ever.
#[test]
fn an_organization_without_a_roll_is_ranked_nowhere() {
    let w = Workdir::new().with_reference();
    w.write(
        "y.csv",
        "Họ và tên,Ngày sinh,Mã xã,Ngày vào Đoàn\nA,01/01/2000,02647,01/01/2020\nB,01/01/2000,02647,01/01/2020\nC,01/01/2000,02647,01/01/2020\n",
    );
    w.tally(&["ingest", "y.csv", "--org", "youth", "--as-of", "31/10/2026"])
        .expect(0);
    let urge = w
        .tally(&[
            "report", "--period", "2026-10", "--format", "csv", "--table", "urge",
        ])
        .expect(0)
        .stdout;
    let orgs: Vec<&str> = (urge.lines().skip(1))
        .filter_map(|l| l.split(',').nth(3))
        .collect();
    assert!(
        !orgs.is_empty() && orgs.iter().all(|o| *o == "youth"),
        "{urge}"
    );
    assert!(
        urge.contains("2026-10,urge,1,youth,commune,02647,Phường Lào Cai,3,100,3.00"),
        "{urge}"
    );
}
