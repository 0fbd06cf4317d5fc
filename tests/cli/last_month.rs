//! A month's report against the month before, over a small province whose trade union
//! and Women's Union send a roll at the end of October and of November 2026 (as their
//! offices write them: a title row, Vietnamese headers, semicolons). Every number below
//! is counted by hand from the rolls in the comments.

use crate::workdir::Workdir;

const AREAS: &str = "\
DANH MỤC ĐƠN VỊ HÀNH CHÍNH TỈNH LÀO CAI
Mã;Tên;Cấp;Mã cấp trên;Vùng DTTS;Vùng tôn giáo;Nông thôn
15;Tỉnh Lào Cai;province;;không;không;không
02647;Phường Lào Cai;commune;15;không;không;không
02680;Xã Hợp Thành;commune;15;có;không;có
02683;Xã Bát Xát;commune;15;có;không;có
02686;Xã A Mú Sung;commune;15;có;không;có
";

/// Five enterprises: three non-state (120, 45 and 12 workers), one state, one FDI.
const ENTERPRISES: &str = "\
DANH SÁCH DOANH NGHIỆP TRÊN ĐỊA BÀN TỈNH
Mã số thuế;Tên doanh nghiệp;Mã xã;Loại hình;Số lao động
5300100001;Công ty TNHH May Lào Cai;02647;ngoài nhà nước;120
5300100002;Công ty CP Chè Bát Xát;02683;ngoài nhà nước;45
5300100003;HTX Dịch vụ Hợp Thành;02680;ngoài nhà nước;12
5300100004;Công ty Điện lực Lào Cai;02647;nhà nước;300
5300100005;Công ty TNHH Khoáng sản Việt Trung;02686;có vốn đầu tư nước ngoài;80
";

/// Trade union: 300 + 20 + 60 + 100 = 480 workers to organize; Women's Union: 40 + 20 +
/// 20 + 10 = 90 women.
const ELIGIBLE: &str = "\
SỐ ĐỐI TƯỢNG NĂM 2026
Mã xã;Tổ chức;Năm;Số đối tượng
02647;Công đoàn;2026;300
02680;Công đoàn;2026;20
02683;Công đoàn;2026;60
02686;Công đoàn;2026;100
02647;Hội Phụ nữ;2026;40
02680;Hội Phụ nữ;2026;20
02683;Hội Phụ nữ;2026;20
02686;Hội Phụ nữ;2026;10
";

const TARGETS: &str = "org,year,scope,target_pct\nunion,2026,*,10\nwomen,2026,*,30\n";

/// A union roll: (enterprise, how many active, how many who joined in the month,
/// how many who left in it with a date).
fn union_roll(month: u32, rows: &[(&str, u32, u32, u32)]) -> String {
    let mut s = format!(
        "DANH SÁCH ĐOÀN VIÊN CÔNG ĐOÀN THÁNG {month}/2026\n\
         STT;Họ và tên;Ngày sinh;Giới tính;Mã số thuế;Ngày vào Công đoàn;Ngày ra;Trạng thái\n"
    );
    let mut n = 0;
    for (mst, active, joined, left) in rows {
        for i in 0..(active + left) {
            n += 1;
            let joined_on = if i < *joined {
                format!("05/{month:02}/2026")
            } else {
                "01/03/2018".into()
            };
            let (left_on, status) = if i >= *active {
                (format!("10/{month:02}/2026"), "Chuyển sinh hoạt")
            } else {
                (String::new(), "Đang sinh hoạt")
            };
            s.push_str(&format!(
                "{n};Đoàn viên {mst} số {i};{:02}/04/1990;Nam;{mst};{joined_on};{left_on};{status}\n",
                1 + i % 28
            ));
        }
    }
    s
}

/// A Women's Union roll: (commune, how many active, how many who joined in the month,
/// how many who left in it with a date).
fn women_roll(month: u32, rows: &[(&str, u32, u32, u32)]) -> String {
    let mut s = format!(
        "DANH SÁCH HỘI VIÊN HỘI LIÊN HIỆP PHỤ NỮ THÁNG {month}/2026\n\
         STT;Họ và tên;Ngày sinh;Mã xã;Ngày vào Hội;Ngày ra;Trạng thái\n"
    );
    let mut n = 0;
    for (code, active, joined, left) in rows {
        for i in 0..(active + left) {
            n += 1;
            let joined_on = if i < *joined {
                format!("03/{month:02}/2026")
            } else {
                "08/03/2015".into()
            };
            let (left_on, status) = if i >= *active {
                (format!("15/{month:02}/2026"), "Đã ra")
            } else {
                (String::new(), "Đang sinh hoạt")
            };
            s.push_str(&format!(
                "{n};Hội viên {code} số {i};{:02}/05/1980;{code};{joined_on};{left_on};{status}\n",
                1 + i % 28
            ));
        }
    }
    s
}

/// The store: the reference files, then October's and November's rolls.
///
/// Union, October: May Lào Cai 5, Điện lực 3, Chè Bát Xát 2: 10 members.
/// Union, November: May Lào Cai 6 (one joined 05/11), Điện lực 3, Chè Bát Xát 0
/// (its 2 left with a date, 10/11): 9 members.
/// Women, October: Phường Lào Cai 10, Xã Hợp Thành 4, Xã Bát Xát 3, Xã A Mú Sung 2:
/// 19 members.
/// Women, November: Phường Lào Cai 11 (one joined 03/11), Xã Hợp Thành 0 (its 4 left
/// 15/11), Xã Bát Xát no row at all, Xã A Mú Sung 2: 13 members.
pub(crate) fn office() -> Workdir {
    let w = Workdir::new();
    w.write("don-vi.csv", AREAS);
    w.write("doanh-nghiep.csv", ENTERPRISES);
    w.write("doi-tuong.csv", ELIGIBLE);
    w.write("chi-tieu.csv", TARGETS);
    w.tally(&[
        "ingest",
        "don-vi.csv",
        "doanh-nghiep.csv",
        "doi-tuong.csv",
        "chi-tieu.csv",
    ])
    .expect(0);
    let union = [
        (
            "cd-t10.csv",
            "31/10/2026",
            union_roll(
                10,
                &[
                    ("5300100001", 5, 0, 0),
                    ("5300100004", 3, 0, 0),
                    ("5300100002", 2, 0, 0),
                ],
            ),
        ),
        (
            "cd-t11.csv",
            "30/11/2026",
            union_roll(
                11,
                &[
                    ("5300100001", 6, 1, 0),
                    ("5300100004", 3, 0, 0),
                    ("5300100002", 0, 0, 2),
                ],
            ),
        ),
    ];
    for (name, as_of, text) in union {
        w.write(name, text);
        w.tally(&["ingest", name, "--org", "Công đoàn", "--as-of", as_of])
            .expect(0);
    }
    let women = [
        (
            "pn-t10.csv",
            "31/10/2026",
            women_roll(
                10,
                &[
                    ("02647", 10, 0, 0),
                    ("02680", 4, 0, 0),
                    ("02683", 3, 0, 0),
                    ("02686", 2, 0, 0),
                ],
            ),
        ),
        (
            "pn-t11.csv",
            "30/11/2026",
            women_roll(
                11,
                &[("02647", 11, 1, 0), ("02680", 0, 0, 4), ("02686", 2, 0, 0)],
            ),
        ),
    ];
    for (name, as_of, text) in women {
        w.write(name, text);
        w.tally(&["ingest", name, "--org", "Hội Phụ nữ", "--as-of", as_of])
            .expect(0);
    }
    w
}

pub(crate) fn json(w: &Workdir, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["report", "--format", "json"];
    all.extend_from_slice(args);
    serde_json::from_str(&w.tally(&all).expect(0).stdout).expect("json")
}

fn row<'a>(v: &'a serde_json::Value, org: &str, dim: &str, group: &str) -> &'a serde_json::Value {
    v["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .find(|r| r["org"] == org && r["dimension"] == dim && r["group"] == group)
        .unwrap_or_else(|| panic!("no row {org} {dim} {group}"))
}

/// November against October, by hand: union 9 members of 480 (1.875%, printed 1.88%)
/// against 10 (2.08%): −1 member, −0.20 points; Women's Union 13 of 90 (14.44%)
/// against 19 (21.11%): −6, −6.67 points; its ethnic-minority areas (Hợp Thành, Bát
/// Xát, A Mú Sung: 50 women) 2 (4.00%) against 9 (18.00%): −7, −14.00.
#[test]
fn november_against_october_by_hand() {
    let w = office();
    let v = json(&w, &["--period", "2026-11"]);
    assert_eq!(v["previous_period"], "2026-10");
    let cases = [
        ("union", "total", "all", "9", "10", "2.08", "-1", "-0.20"),
        ("women", "total", "all", "13", "19", "21.11", "-6", "-6.67"),
        (
            "women",
            "ethnic_minority",
            "yes",
            "2",
            "9",
            "18.00",
            "-7",
            "-14.00",
        ),
    ];
    for (org, dim, group, members, prev, prev_cov, change, pp) in cases {
        let r = row(&v, org, dim, group);
        let got = [
            &r["members"],
            &r["previous_members"],
            &r["previous_coverage_pct"],
            &r["members_change"],
            &r["coverage_change_pp"],
        ]
        .map(|x| x.to_string());
        assert_eq!(
            got,
            [members, prev, prev_cov, change, pp],
            "{org} {dim} {group}"
        );
    }
}

/// The previous month's numbers are those of `--period 2026-10` itself, row by row,
/// with a breakdown by commune too; and October, with no September roll, has them
/// empty (unknown), never 0.
#[test]
fn the_previous_month_is_that_months_own_report() {
    let w = office();
    let by = ["--by", "commune", "--by", "ownership"];
    let nov = json(&w, &[&["--period", "2026-11"][..], &by].concat());
    let oct = json(&w, &[&["--period", "2026-10"][..], &by].concat());
    let mut compared = 0;
    for r in nov["rows"].as_array().expect("rows") {
        let earlier = oct["rows"].as_array().expect("rows").iter().find(|o| {
            o["org"] == r["org"] && o["dimension"] == r["dimension"] && o["group"] == r["group"]
        });
        match earlier {
            Some(o) => {
                assert_eq!(r["previous_members"], o["members"], "{r}");
                assert_eq!(r["previous_coverage_pct"], o["coverage_pct"], "{r}");
                compared += 1;
            }
            None => assert!(r["previous_members"].is_null(), "{r}"),
        }
    }
    assert!(compared >= 12, "{compared} rows compared");
    for r in oct["rows"].as_array().expect("rows") {
        for k in [
            "previous_members",
            "previous_coverage_pct",
            "members_change",
            "coverage_change_pp",
        ] {
            assert!(r[k].is_null(), "October has no September: {k} in {r}");
        }
    }
}

/// In the tidy CSV the four columns come last, after the unit's name; a quarter's
/// report has none of them, as before.
#[test]
fn the_csv_columns_come_after_the_others() {
    let w = office();
    let out = w
        .tally(&[
            "report", "--period", "2026-11", "--org", "women", "--by", "commune", "--format", "csv",
        ])
        .expect(0)
        .stdout;
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("period,org,dimension,group,members,members_start,recruited,left,eligible,coverage_pct,recruit_rate_pct,target_pct,gap_pp,enterprises,enterprises_reached,snapshot_as_of,unit_name,previous_members,previous_coverage_pct,members_change,coverage_change_pp")
    );
    // Xã Hợp Thành: 0 of 20 now, 4 (20.00%) in October.
    assert!(
        out.contains("\n2026-11,women,commune,02680,0,4,0,4,20,0.00,0.00,30.00,-30.00,,,2026-11-30,Xã Hợp Thành,4,20.00,-4,-20.00\n"),
        "{out}"
    );
    let q4 = w
        .tally(&["report", "--period", "2026-Q4", "--format", "csv"])
        .expect(0)
        .stdout;
    assert!(
        q4.starts_with("period,org,dimension,group,members,members_start,recruited,left,eligible,coverage_pct,recruit_rate_pct,target_pct,gap_pp,enterprises,enterprises_reached,snapshot_as_of\n"),
        "{q4}"
    );
}

/// The terminal table in Vietnamese: one compact column, members; points.
#[test]
fn the_table_shows_the_change_in_vietnamese() {
    let w = office();
    // October has no September to compare with: no column.
    let oct = w
        .tally(&["report", "--period", "2026-10", "--org", "women"])
        .expect(0)
        .stdout;
    assert!(!oct.contains("Change on last month"), "{oct}");
    let out = w
        .tally(&[
            "--lang", "vi", "report", "--period", "2026-11", "--org", "women",
        ])
        .expect(0)
        .stdout;
    for want in [
        "So với tháng trước (thành viên; điểm %)",
        "-6; -6,67",
        "-7; -14,00",
    ] {
        assert!(out.contains(want), "{want:?} in\n{out}");
    }
    let html = w
        .tally(&["report", "--period", "2026-11", "--format", "html"])
        .expect(0)
        .stdout;
    assert!(
        html.contains("Change on last month (members; coverage pp)"),
        "{html}"
    );
    assert!(html.contains("<td>-6; -6.67</td>"), "{html}");
}

/// The workbook's tidy sheet has the four columns after the sixteen, as numbers.
#[test]
fn the_workbook_has_the_columns_as_numbers() {
    use calamine::{Data, Reader};
    let w = office();
    w.tally(&[
        "report",
        "--period",
        "2026-11",
        "--org",
        "women",
        "--output",
        "bao-cao.xlsx",
    ])
    .expect(0);
    let mut wb: calamine::Xlsx<_> =
        calamine::open_workbook(w.dir.join("bao-cao.xlsx")).expect("xlsx");
    let sheet = wb.worksheet_range("coverage").expect("the tidy sheet");
    let head: Vec<String> = (16..20)
        .map(|c| {
            sheet
                .get_value((0, c))
                .map(|v| v.to_string())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(
        head,
        [
            "previous_members",
            "previous_coverage_pct",
            "members_change",
            "coverage_change_pp"
        ]
    );
    let total = (1..sheet.height() as u32)
        .find(|r| sheet.get_value((*r, 2)) == Some(&Data::String("total".into())))
        .expect("the total row");
    let cells: Vec<Option<&Data>> = (16..20).map(|c| sheet.get_value((total, c))).collect();
    assert_eq!(
        cells,
        [
            Some(&Data::Float(19.0)),
            Some(&Data::Float(21.11)),
            Some(&Data::Float(-6.0)),
            Some(&Data::Float(-6.67))
        ]
    );
}

/// With `--min-cell 5` the previous month is suppressed as its own report is: Xã Hợp
/// Thành's 4 of October are blanked, and so is the change from them; Phường Lào Cai's
/// 10 (25.00%) stay, +1 and +2.50 to November's 11 (27.50%); the total, 19 to 13, −6.
#[test]
fn a_month_before_is_suppressed_as_its_own_report() {
    let w = office();
    let args = [
        "--period",
        "2026-11",
        "--org",
        "women",
        "--by",
        "commune",
        "--min-cell",
        "5",
    ];
    let v = json(&w, &args);
    let cells = |group: &str| {
        let dim = if group == "all" { "total" } else { "commune" };
        let r = row(&v, "women", dim, group);
        [
            "previous_members",
            "previous_coverage_pct",
            "members_change",
            "coverage_change_pp",
        ]
        .map(|k| r[k].to_string())
    };
    assert_eq!(cells("02647"), ["10", "25.00", "1", "2.50"]);
    assert_eq!(cells("02680"), ["null", "null", "null", "null"]);
    assert_eq!(cells("all"), ["19", "21.11", "-6", "-6.67"]);
    let oct = json(
        &w,
        &[
            "--period",
            "2026-10",
            "--org",
            "women",
            "--by",
            "commune",
            "--min-cell",
            "5",
        ],
    );
    let r = row(&oct, "women", "commune", "02680");
    assert!(
        r["members"].is_null(),
        "October's own report blanks it: {r}"
    );
}
