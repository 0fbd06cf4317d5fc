//! Departures by reason (`--by reason`): each status word's reason counted in `left`,
//! the reasons adding up to the total's `left`, `--org any` counting a person once per
//! reason, every format, Vietnamese labels, and a store of before the reasons were kept
//! (its departures under `unknown`, said once in the notes with their count).

use crate::workdir::Workdir;

/// October's Youth Union roll: nine members, all active, joined in 2020.
const YOUTH_OCT: &str = "\
DANH SÁCH ĐOÀN VIÊN;;;;;;;
(tính đến 31/10/2026);;;;;;;
STT;Họ và tên;Ngày sinh;Giới tính;Mã xã;Ngày vào Đoàn;Ngày ra;Trạng thái
1;Lò Văn An;01/02/2000;Nam;02680;01/01/2020;;Đang sinh hoạt
2;Lò Thị Bình;02/03/2001;Nữ;02680;01/01/2020;;Đang sinh hoạt
3;Giàng A Chứ;03/04/1999;Nam;02680;01/01/2020;;Đang sinh hoạt
4;Vàng Thị Dợ;04/05/2002;Nữ;02680;01/01/2020;;Đang sinh hoạt
5;Thào A Giàng;05/06/1996;Nam;02683;01/01/2020;;Đang sinh hoạt
6;Sùng Thị Hoa;06/07/2003;Nữ;02683;01/01/2020;;Đang sinh hoạt
7;Lý A Khoa;07/08/2000;Nam;02683;01/01/2020;;Đang sinh hoạt
8;Hầu Thị Lan;08/09/2001;Nữ;02683;01/01/2020;;Đang sinh hoạt
9;Tẩn A Minh;09/10/1998;Nam;02686;01/01/2020;;Đang sinh hoạt
";

/// November's: one reason each, written as offices write them (case, `Xoá`/`Xóa`),
/// a leaving date under an empty status (row 8), a departure without a date placed
/// against October's roll (row 9), and a recruit (row 10).
const YOUTH_NOV: &str = "\
DANH SÁCH ĐOÀN VIÊN;;;;;;;
(tính đến 30/11/2026);;;;;;;
STT;Họ và tên;Ngày sinh;Giới tính;Mã xã;Ngày vào Đoàn;Ngày ra;Trạng thái
1;Lò Văn An;01/02/2000;Nam;02680;01/01/2020;;Đang sinh hoạt
2;Lò Thị Bình;02/03/2001;Nữ;02680;01/01/2020;10/11/2026;Qua đời
3;Giàng A Chứ;03/04/1999;Nam;02680;01/01/2020;12/11/2026;Chuyển sinh hoạt
4;Vàng Thị Dợ;04/05/2002;Nữ;02680;01/01/2020;15/11/2026;Trưởng thành Đoàn
5;Thào A Giàng;05/06/1996;Nam;02683;01/01/2020;16/11/2026;Xin ra khỏi Đoàn
6;Sùng Thị Hoa;06/07/2003;Nữ;02683;01/01/2020;17/11/2026;Xoá tên
7;Lý A Khoa;07/08/2000;Nam;02683;01/01/2020;18/11/2026;KHAI TRỪ
8;Hầu Thị Lan;08/09/2001;Nữ;02683;01/01/2020;20/11/2026;
9;Tẩn A Minh;09/10/1998;Nam;02686;01/01/2020;;Đã mất
10;Ma Thị Oanh;10/11/2004;Nữ;02686;03/11/2026;;Đang sinh hoạt
";

/// The Women's Union: Bình and Hoa, the same persons as in the Youth Union (name,
/// birth date and commune), in October; in November Bình died too, and Hoa moved.
const WOMEN_OCT: &str = "\
Họ và tên,Ngày sinh,Mã xã,Ngày vào Hội,Ngày ra,Trạng thái
Lò Thị Bình,02/03/2001,02680,01/01/2020,,Đang sinh hoạt
Sùng Thị Hoa,06/07/2003,02683,01/01/2020,,Đang sinh hoạt
";
const WOMEN_NOV: &str = "\
Họ và tên,Ngày sinh,Mã xã,Ngày vào Hội,Ngày ra,Trạng thái
Lò Thị Bình,02/03/2001,02680,01/01/2020,10/11/2026,Từ trần
Sùng Thị Hoa,06/07/2003,02683,01/01/2020,17/11/2026,Chuyển đi
";

fn store_rolls(w: &Workdir) {
    for (file, text, org, as_of) in [
        ("dv-t10.csv", YOUTH_OCT, "youth", "31/10/2026"),
        ("dv-t11.csv", YOUTH_NOV, "youth", "30/11/2026"),
        ("hv-t10.csv", WOMEN_OCT, "women", "31/10/2026"),
        ("hv-t11.csv", WOMEN_NOV, "women", "30/11/2026"),
    ] {
        w.write(file, text);
        w.tally(&["ingest", file, "--org", org, "--as-of", as_of])
            .expect(0);
    }
}

fn json(w: &Workdir, args: &[&str]) -> serde_json::Value {
    let mut all = vec!["report", "--period", "2026-11", "--format", "json"];
    all.extend(args);
    serde_json::from_str(&w.tally(&all).expect(0).stdout).unwrap()
}

/// `left` of each reason row of `org`, in the groups' order.
fn by_reason(v: &serde_json::Value, org: &str) -> Vec<(String, serde_json::Value)> {
    v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["org"] == org && r["dimension"] == "reason")
        .map(|r| (r["group"].as_str().unwrap().to_string(), r["left"].clone()))
        .collect()
}

/// Youth Union, November, by hand: at the start (31/10) rows 1–9 are members (row 9
/// is placed as leaving on 30/11, the day of the roll that first says it left): 9.
/// Left in November: rows 2–9, 8. By reason: died 2 (row 2 dated, row 9 placed),
/// moved 1 (3), aged out 1 (4), resigned 1 (5), struck off 1 (6), expelled 1 (7),
/// unknown 1 (8: a date, no word): 8, the total's `left`. Members, start, eligible
/// and coverage are empty on those rows: a reason is a flow, not a stock.
#[test]
fn each_reason_is_counted_and_the_reasons_add_up_to_left() {
    let w = Workdir::new().with_reference();
    store_rolls(&w);
    let v = json(&w, &["--org", "youth", "--by", "reason"]);
    let rows = v["rows"].as_array().unwrap();
    let total = rows.iter().find(|r| r["dimension"] == "total").unwrap();
    assert_eq!(total["left"], 8, "{total}");
    assert_eq!(total["members_start"], 9, "{total}");
    assert_eq!(total["members"], 2, "{total}");
    let want: Vec<(String, serde_json::Value)> = [
        ("aged_out", 1),
        ("died", 2),
        ("expelled", 1),
        ("moved", 1),
        ("resigned", 1),
        ("struck_off", 1),
        ("unknown", 1),
    ]
    .iter()
    .map(|(g, n)| (g.to_string(), serde_json::json!(n)))
    .collect();
    assert_eq!(by_reason(&v, "youth"), want);
    let sum: u64 = want.iter().map(|(_, n)| n.as_u64().unwrap()).sum();
    assert_eq!(serde_json::json!(sum), total["left"]);
    for r in rows.iter().filter(|r| r["dimension"] == "reason") {
        for col in [
            "members",
            "members_start",
            "recruited",
            "eligible",
            "coverage_pct",
            "target_pct",
            "gap_pp",
        ] {
            assert!(r[col].is_null(), "{col} of {r}");
        }
    }
    // The one departure under `unknown` is said once, with why.
    let notes: Vec<&serde_json::Value> = v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "unknown_reasons")
        .collect();
    assert_eq!(notes.len(), 1, "{}", v["notes"]);
    assert_eq!(notes[0]["no_word"], 1);
    assert_eq!(notes[0]["not_kept"], 0);
    assert!(
        notes[0]["text"]
            .as_str()
            .unwrap()
            .contains("1 with a leaving date but no departure word in the status"),
        "{}",
        notes[0]
    );
}

/// `--org any` counts a person once per reason, as `left` counts a person once per
/// group: Bình died in both organizations (died: Bình, Minh = 2, not 3); Hoa was struck
/// off the Youth Union and moved from the Women's Union on the same day, so she is
/// under both (moved: Chứ, Hoa = 2; struck off: 1). The persons who left are 8 (rows
/// 2–9 of the Youth Union; the women's two are among them), and the reasons add up to
/// 9: Hoa twice, as a person in two units is in each unit's row.
#[test]
fn any_counts_a_person_once_per_reason() {
    let w = Workdir::new().with_reference();
    store_rolls(&w);
    let v = json(&w, &["--org", "any", "--by", "reason"]);
    let rows = v["rows"].as_array().unwrap();
    let total = rows
        .iter()
        .find(|r| r["org"] == "any" && r["dimension"] == "total")
        .unwrap();
    assert_eq!(total["left"], 8, "{total}");
    let got: Vec<(String, u64)> = by_reason(&v, "any")
        .into_iter()
        .map(|(g, n)| (g, n.as_u64().unwrap()))
        .collect();
    let want = [
        ("aged_out", 1),
        ("died", 2),
        ("expelled", 1),
        ("moved", 2),
        ("resigned", 1),
        ("struck_off", 1),
        ("unknown", 1),
    ];
    assert_eq!(
        got,
        want.iter()
            .map(|(g, n)| (g.to_string(), *n))
            .collect::<Vec<_>>()
    );
    // The Women's Union alone: died 1, moved 1, adding up to its left of 2.
    let v = json(&w, &["--org", "women", "--by", "reason"]);
    let women: Vec<(String, serde_json::Value)> = by_reason(&v, "women")
        .into_iter()
        .filter(|(_, n)| n != 0)
        .collect();
    assert_eq!(
        women,
        [
            ("died".to_string(), serde_json::json!(1)),
            ("moved".to_string(), serde_json::json!(1))
        ]
    );
}

/// Every format has the reason rows; CSV in the tidy columns, the table and the
/// workbook in Vietnamese with `--lang vi`.
#[test]
fn reasons_in_every_format_and_in_vietnamese() {
    let w = Workdir::new().with_reference();
    store_rolls(&w);
    let base = [
        "report", "--period", "2026-11", "--org", "youth", "--by", "reason",
    ];
    let csv = w
        .tally(&[&base[..], &["--format", "csv"]].concat())
        .expect(0);
    assert!(
        csv.stdout
            .contains("2026-11,youth,reason,died,,,,2,,,,,,,,2026-11-30"),
        "{}",
        csv.stdout
    );
    let table = w.tally(&[&base[..], &["--lang", "vi"]].concat()).expect(0);
    for label in [
        "Giảm theo lý do",
        "Từ trần",
        "Chuyển đi",
        "Trưởng thành, quá tuổi",
        "Xin ra, thôi sinh hoạt",
        "Xóa tên",
        "Khai trừ",
        "Không rõ",
    ] {
        assert!(table.stdout.contains(label), "{label}\n{}", table.stdout);
    }
    // In the documented order (died, moved, aged out, resigned, struck off, expelled,
    // unknown), not the codes' alphabet (aged_out, died, expelled, moved, ...).
    let at = |label: &str| table.stdout.find(label).unwrap_or(usize::MAX);
    let order = [
        "Từ trần",
        "Chuyển đi",
        "Trưởng thành",
        "Xin ra",
        "Xóa tên",
        "Khai trừ",
    ];
    assert!(
        order.windows(2).all(|p| at(p[0]) < at(p[1])),
        "{}",
        table.stdout
    );
    assert!(
        table
            .stdout
            .contains("có ngày ra nhưng cột trạng thái không ghi lý do ra"),
        "{}",
        table.stdout
    );
    let md = w
        .tally(&[&base[..], &["--format", "md"]].concat())
        .expect(0);
    assert!(md.stdout.contains("struck off"), "{}", md.stdout);
    w.tally(&[&base[..], &["--lang", "vi", "--output", "bc.html"]].concat())
        .expect(0);
    assert!(w.read("bc.html").contains("Khai trừ"));
    w.tally(&[&base[..], &["--lang", "vi", "--output", "bc.xlsx"]].concat())
        .expect(0);
    use calamine::{Reader, Xlsx};
    let mut book: Xlsx<_> = calamine::open_workbook(w.dir.join("bc.xlsx")).unwrap();
    let found = book.sheet_names().iter().any(|s| {
        book.worksheet_range(s)
            .map(|r| r.cells().any(|(_, _, c)| *c == "Xóa tên"))
            .unwrap_or(false)
    });
    assert!(found, "no \"Xóa tên\" in the workbook");
}

/// A store of format 3 (written before the reason was kept): its departures are under
/// `unknown`, and the note says why, once, with their count (the Youth Union's 7 of
/// October 2026, `tests/data/store-format3-report.csv`: 6 dated, and one departed
/// without a date who joined in October): never a silent 0 under the reasons.
#[test]
fn an_older_store_says_its_reasons_are_unknown() {
    let w = Workdir::new();
    crate::upgrade::old_store(&w, 3);
    let run = w
        .tally(&[
            "report", "--period", "2026-10", "--org", "youth", "--by", "reason", "--format", "json",
        ])
        .expect(0);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let reasons = by_reason(&v, "youth");
    let unknown = reasons.iter().find(|(g, _)| g == "unknown").unwrap();
    assert_eq!(unknown.1, 7, "{reasons:?}");
    let note = v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["kind"] == "unknown_reasons")
        .unwrap_or_else(|| panic!("{}", v["notes"]));
    assert_eq!(
        note["not_kept"].as_u64().unwrap() + note["no_word"].as_u64().unwrap(),
        7
    );
}
