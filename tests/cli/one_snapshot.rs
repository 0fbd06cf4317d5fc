//! A roll is the snapshot the command says, or it is refused: the same export already
//! stored as another organization's or another date's, a title that dates the figures
//! otherwise (last month's file under this month's date), a roll that does not look
//! like its organization's (a youth roll under the Women's Union). Per-row warnings
//! are said once per kind.

use crate::workdir::Workdir;

fn ingest(w: &Workdir, file: &str, org: &str, as_of: &str, extra: &[&str]) -> crate::workdir::Run {
    let mut args = vec!["ingest", file, "--org", org, "--as-of", as_of];
    args.extend(extra);
    w.tally(&args)
}

fn snapshots(w: &Workdir) -> Vec<(String, String)> {
    let s = w.status_json();
    s["snapshots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                x["org"].as_str().unwrap().to_string(),
                x["as_of"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The youth export ingested again as the farmers' roll, or as December's, is refused
/// naming where it is stored; `--replace` moves it.
#[test]
fn one_export_is_one_snapshot() {
    let w = Workdir::new().with_youth_roll();
    let id = w.roll_record()["id"].as_str().unwrap().to_string();
    let before = w.manifest();
    for (org, as_of) in [("Hội Nông dân", "31/10/2026"), ("youth", "31/12/2026")] {
        let run = ingest(&w, "roll_youth_clean.csv", org, as_of, &[]).expect(65);
        assert!(
            run.stderr.contains(&format!(
                "roll_youth_clean.csv: the same file is already stored as the Youth Union roll as of 2026-10-31 (ingest {id})"
            )),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr.contains(&format!("`tally drop {id}`")),
            "{}",
            run.stderr
        );
        // The likely slip first (last month's file sent again), and what --replace
        // would take away.
        assert!(
            run.stderr.contains("hint: if this is meant to be a newer roll, the office has likely sent the earlier file again")
                && run.stderr.contains("--replace (the Youth Union roll as of 2026-10-31 is then no longer in the store)"),
            "{}",
            run.stderr
        );
        // The title to ask for names the month being ingested.
        let month = if as_of == "31/12/2026" {
            "12/2026"
        } else {
            "10/2026"
        };
        assert!(
            run.stderr.contains(&format!("as \"… THÁNG {month}\"")),
            "{}",
            run.stderr
        );
        assert_eq!(w.manifest(), before, "nothing stored");
    }
    // The same snapshot again is still "nothing changed".
    let again = ingest(&w, "roll_youth_clean.csv", "youth", "31/10/2026", &[]).expect(0);
    assert!(
        again.stdout.contains("already ingested"),
        "{}",
        again.stdout
    );
    // Stored under the wrong date: moved with --replace.
    let run = ingest(
        &w,
        "roll_youth_clean.csv",
        "youth",
        "31/12/2026",
        &["--replace"],
    )
    .expect(0);
    assert!(
        run.stdout.contains(&format!(
            "moves ingest {id} (the same file, stored as the Youth Union roll as of 2026-10-31) to this snapshot (--replace)"
        )),
        "{}",
        run.stdout
    );
    assert_eq!(
        snapshots(&w),
        [("youth".to_string(), "2026-12-31".to_string())]
    );
}

/// October's export, whose title says "Số liệu đến ngày 31/10/2026", under
/// `--as-of 31/12/2026` is refused; under its own date it is stored. The date the
/// list was signed is not the figures' date.
#[test]
fn a_title_that_dates_the_figures_otherwise_is_refused() {
    let w = Workdir::new().with_reference();
    let roll = "\
ĐOÀN TNCS HỒ CHÍ MINH;;;;
Sa Pa, ngày 05 tháng 11 năm 2026;;;;
DANH SÁCH ĐOÀN VIÊN;;;;
Số liệu đến ngày 31/10/2026;;;;
Họ và tên;Ngày sinh;Giới tính;Mã xã;Trạng thái
Lò Văn An;01/02/2000;Nam;02680;Đang sinh hoạt
Lò Thị Bình;02/03/2001;Nữ;02683;Đang sinh hoạt
";
    w.write("doan-vien.csv", roll);
    let run = ingest(&w, "doan-vien.csv", "youth", "31/12/2026", &[]).expect(65);
    assert!(
        run.stderr.contains(
            "doan-vien.csv: the title says the figures are as of 31/10/2026 (\"Số liệu đến ngày 31/10/2026\"), but --as-of 31/12/2026"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(w.snapshot_rows("youth"), None);
    ingest(&w, "doan-vien.csv", "youth", "31/10/2026", &[]).expect(0);
    assert_eq!(w.snapshot_rows("youth"), Some(2));

    // A month in the title, against the file's own as_of column.
    let w = Workdir::new().with_reference();
    w.write(
        "hoi-vien.csv",
        "BÁO CÁO THÁNG 10/2026,,,,\nHọ và tên,Giới tính,Mã xã,Tổ chức,Ngày chốt số liệu\nLò Thị Bình,Nữ,02680,Hội Phụ nữ,30/11/2026\n",
    );
    let run = w.tally(&["ingest", "hoi-vien.csv"]).expect(65);
    assert!(
        run.stderr.contains(
            "the title says the figures are as of 10/2026 (\"BÁO CÁO THÁNG 10/2026\"), but the as_of column says 30/11/2026"
        ),
        "{}",
        run.stderr
    );
}

/// A youth roll of 20 (10 men) under `--org women`: 10 of 20 rows with a known sex or
/// age are outside the Women's Union, over one in five: refused with one message. A
/// women's roll with 2 men of 20 (one in ten) is stored, its warnings said in one line.
#[test]
fn a_roll_that_does_not_look_like_its_organization_is_refused() {
    let w = Workdir::new().with_reference();
    let mut roll = String::from("Họ và tên,Ngày sinh,Giới tính,Mã xã\n");
    for i in 0..20 {
        let sex = if i % 2 == 0 { "Nam" } else { "Nữ" };
        roll.push_str(&format!(
            "Đoàn viên {i},01/02/{},{sex},02647\n",
            1996 + i % 10
        ));
    }
    w.write("doan-vien.csv", &roll);
    let run = ingest(&w, "doan-vien.csv", "women", "31/10/2026", &[]).expect(65);
    assert!(
        run.stderr.contains(
            "doan-vien.csv: 10 of the 20 row(s) with a known sex or age are outside the Women's Union (women aged 18+), more than one in 5: is this really a roll of the Women's Union? Nothing was stored"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--org"), "{}", run.stderr);
    assert_eq!(w.snapshot_rows("women"), None);
    // Stored as asked with --skip-invalid, and said.
    let run = ingest(
        &w,
        "doan-vien.csv",
        "women",
        "31/10/2026",
        &["--skip-invalid"],
    )
    .expect(0);
    assert!(
        run.stderr
            .contains("stored as a roll of the Women's Union as asked (--skip-invalid)"),
        "{}",
        run.stderr
    );

    let w = Workdir::new().with_reference();
    let mut roll = String::from("Họ và tên,Ngày sinh,Giới tính,Mã xã\n");
    for i in 0..20 {
        let sex = if i < 2 { "Nam" } else { "Nữ" };
        roll.push_str(&format!("Hội viên {i},01/02/{},{sex},02647\n", 1970 + i));
    }
    w.write("hoi-vien.csv", &roll);
    let run = ingest(&w, "hoi-vien.csv", "women", "31/10/2026", &[]).expect(0);
    let lines: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("a man in the Women's Union roll"))
        .collect();
    assert_eq!(
        lines,
        ["tally: warning: column \"Giới tính\": a man in the Women's Union roll, on 2 rows (hoi-vien.csv lines 2, 3)"],
        "{}",
        run.stderr
    );
}

/// Thousands of rows of one warning are one line, not thousands.
#[test]
fn warnings_of_one_kind_are_one_line() {
    let w = Workdir::new().with_reference();
    let mut roll = String::from("Họ và tên,Ngày sinh,Dân tộc,Mã xã\n");
    for i in 0..3000 {
        roll.push_str(&format!("Đoàn viên {i},01/02/2000,Abc,02647\n"));
    }
    w.write("doan-vien.csv", &roll);
    let run = ingest(&w, "doan-vien.csv", "youth", "31/10/2026", &[]).expect(0);
    let warned: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("warning"))
        .collect();
    assert_eq!(warned.len(), 1, "{}", run.stderr);
    assert!(
        warned[0].starts_with("tally: warning: column \"Dân tộc\": unknown ethnicity; kept as unknown, on 3,000 rows (doan-vien.csv lines 2, 3, 4, 5, 6, …)"),
        "{}",
        warned[0]
    );
}

/// A roll with no as-of column ingested without `--as-of` is refused (usage, 2); the
/// hint offers the date its title gives, and the example date where it gives none.
#[test]
fn a_roll_without_its_date_is_refused_with_the_titles_date_offered() {
    let w = Workdir::new().with_reference();
    let rows = "Họ và tên;Ngày sinh;Mã xã;Ngày vào Đoàn;Trạng thái\n\
                Lò Văn An;01/02/2000;02680;01/01/2020;Đang sinh hoạt\n";
    w.write(
        "titled.csv",
        format!("DANH SÁCH ĐOÀN VIÊN\nSố liệu đến ngày 31/01/2026\n{rows}"),
    );
    w.write(
        "month.csv",
        format!("DANH SÁCH ĐOÀN VIÊN THÁNG 2/2026\n{rows}"),
    );
    w.write("bare.csv", rows);
    for (file, hint) in [
        ("titled.csv", "the title says \"Số liệu đến ngày 31/01/2026\": if that is the date of the figures, add --as-of 31/01/2026"),
        ("month.csv", "add --as-of 28/02/2026"),
        ("bare.csv", "add --as-of DATE, e.g. --as-of 31/10/2026"),
    ] {
        let run = w.tally(&["ingest", file, "--org", "youth"]).expect(2);
        assert!(
            run.stderr.contains("as of which date is this roll?") && run.stderr.contains(hint),
            "{file}: {}",
            run.stderr
        );
    }
    let vi = w
        .tally(&["ingest", "titled.csv", "--org", "youth", "--lang", "vi"])
        .expect(2);
    assert!(
        vi.stderr
            .contains("nếu đó là ngày chốt số liệu, hãy thêm --as-of 31/01/2026"),
        "{}",
        vi.stderr
    );
}
