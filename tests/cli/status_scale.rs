//! `tally status` and `tally drop` after a year: 288 monthly files of two
//! organizations (an office's small lists, each with its organization and day in its
//! columns) and a 23-sheet workbook, 311 ingests in all.

use crate::month_book;
use crate::workdir::Workdir;

/// The store: the reference files, 12 lists a month for each of the youth and the
/// women from January to December 2026, and October's women's workbook.
fn a_year() -> Workdir {
    let w = Workdir::new().with_reference();
    let mut files = Vec::new();
    for month in 1..=12u32 {
        let last = chrono::NaiveDate::from_ymd_opt(2026, month % 12 + 1, 1)
            .map(|d| {
                if month == 12 {
                    chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()
                } else {
                    d.pred_opt().unwrap()
                }
            })
            .unwrap();
        let day = last.format("%d/%m/%Y").to_string();
        for org in ["youth", "women"] {
            for list in 1..=12 {
                let name = format!("{org}-{month:02}-{list:02}.csv");
                let mut s = String::from("Họ và tên,Ngày sinh,Giới tính,Mã xã,org,as_of\n");
                for i in 0..3 {
                    s.push_str(&format!(
                        "Hội viên {list}-{i},0{}/02/1990,Nữ,02647,{org},{day}\n",
                        i + 1
                    ));
                }
                w.write(&name, s);
                files.push(name);
            }
        }
    }
    let mut args = vec!["ingest"];
    args.extend(files.iter().map(String::as_str));
    w.tally(&args).expect(0);
    month_book::write(&w, "thang10.xlsx");
    month_book::ingest(&w, "thang10.xlsx", "en", &[]);
    w
}

#[test]
fn status_and_drop_scale_to_a_year_of_ingests() {
    let w = a_year();
    let all = w.status_json();
    assert_eq!(all["ingests"].as_array().unwrap().len(), 4 + 288 + 23);

    // A workbook's sheets are one line, with their rows added up.
    let en = w.tally(&["status"]).expect(0).stdout;
    let book: Vec<&str> = en.lines().filter(|l| l.contains("thang10.xlsx")).collect();
    assert_eq!(book.len(), 1, "{en}");
    assert!(
        book[0].contains("thang10.xlsx (23 sheets)") && book[0].contains("7,360"),
        "{en}"
    );
    // A snapshot of many ingests names the first three and how many.
    assert!(en.contains("… (35 in all)"), "{en}");
    let vi = w.tally(&["status", "--lang", "vi"]).expect(0).stdout;
    assert!(
        vi.contains("thang10.xlsx (23 trang tính)") && vi.contains("7.360"),
        "{vi}"
    );

    // Filters: by organization, kind and day.
    let youth = w.tally(&["status", "--org", "youth"]).expect(0).stdout;
    assert!(
        !youth.contains("Women's Union") && !youth.contains("women-"),
        "{youth}"
    );
    assert_eq!(youth.lines().filter(|l| l.contains("youth-")).count(), 144);
    let areas = w.tally(&["status", "--kind", "areas"]).expect(0).stdout;
    assert!(
        areas.contains("areas.csv") && !areas.contains("youth-"),
        "{areas}"
    );
    let dec = w
        .tally(&["status", "--org", "Hội Phụ nữ", "--since", "01/12/2026"])
        .expect(0)
        .stdout;
    assert_eq!(
        dec.lines().filter(|l| l.contains("women-12-")).count(),
        12,
        "{dec}"
    );
    assert!(
        !dec.contains("women-11-") && !dec.contains("thang10"),
        "{dec}"
    );
    let json = w
        .tally(&[
            "status",
            "--format",
            "json",
            "--org",
            "youth",
            "--since",
            "2026-12-01",
        ])
        .expect(0)
        .stdout;
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["snapshots"].as_array().unwrap().len(), 1, "{json}");
    assert_eq!(doc["ingests"].as_array().unwrap().len(), 12, "{json}");

    // Drop a workbook by its file's name: every sheet at once.
    let run = w.tally(&["drop", "thang10.xlsx"]).expect(0);
    assert!(
        run.stdout
            .starts_with("dropped 23 ingests of thang10.xlsx (7,360 rows): "),
        "{}",
        run.stdout
    );
    assert_eq!(
        w.status_json()["ingests"].as_array().unwrap().len(),
        4 + 288
    );

    // An ambiguous prefix is refused with its candidates; a unique one drops its ingest.
    let ids: Vec<String> = w.status_json()["ingests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect();
    let shared = ids
        .iter()
        .map(|id| &id[..1])
        .find(|p| ids.iter().filter(|i| i.starts_with(p)).count() > 1)
        .unwrap()
        .to_string();
    let refused = w.tally(&["drop", &shared]).expect(2);
    assert!(
        refused.stderr.contains(&format!("\"{shared}\" begins ")),
        "{}",
        refused.stderr
    );
    assert!(
        refused.stderr.contains("hint: give more of the ID"),
        "{}",
        refused.stderr
    );
    assert_eq!(
        w.status_json()["ingests"].as_array().unwrap().len(),
        4 + 288
    );
    let unique = ids
        .iter()
        .find_map(|id| {
            (6..12)
                .map(|n| &id[..n])
                .find(|p| ids.iter().filter(|i| i.starts_with(p)).count() == 1)
        })
        .unwrap()
        .to_string();
    let run = w.tally(&["drop", &unique, "--lang", "vi"]).expect(0);
    assert!(
        run.stdout.starts_with(&format!("đã xóa lần nạp {unique}")),
        "{}",
        run.stdout
    );
    assert_eq!(
        w.status_json()["ingests"].as_array().unwrap().len(),
        4 + 287
    );
}
