//! The 2025 reform: rolls and denominators in pre-reform codes and names report the
//! same numbers as their twins in today's codes, read through the built-in crosswalk;
//! a commune split between several is rejected naming the candidates.

use crate::workdir::Workdir;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Today's code → the old communes merged whole into it: (old code, old name).
fn merged_whole() -> BTreeMap<String, Vec<(String, String)>> {
    let text =
        std::fs::read_to_string(root().join("src/reference/data/vn-commune-merges-2025.csv"))
            .unwrap();
    let rows: Vec<Vec<String>> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect();
    // An old code with any partial row, or rows to two communes, is split.
    let mut targets: HashMap<String, Vec<String>> = HashMap::new();
    for r in &rows {
        targets.entry(r[2].clone()).or_default().push(r[0].clone());
    }
    let mut out: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for r in &rows {
        if r[4] == "full" && targets[&r[2]].len() == 1 {
            out.entry(r[0].clone())
                .or_default()
                .push((r[2].clone(), r[3].clone()));
        }
    }
    out
}

fn store_report(w: &Workdir, store: &str, files: &[&str], roll_args: &[&str]) -> String {
    let s = w.dir.join(store);
    let s = s.to_str().unwrap();
    let mut args = vec!["--store", s, "ingest"];
    args.extend_from_slice(files);
    let run = w.tally(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut args = vec!["--store", s, "ingest"];
    args.extend_from_slice(roll_args);
    let run = w.tally(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    w.tally(&[
        "--store", s, "report", "--period", "2026-10", "--format", "csv", "--by", "commune",
    ])
    .expect(0)
    .stdout
}

/// Every unit of a real province's roll written in an old code (one of the old
/// communes merged whole into it), and the denominators spread over the old communes:
/// the same report as in today's codes.
#[test]
fn old_codes_report_as_their_new_twins() {
    let w = Workdir::new();
    for f in ["areas.csv", "targets.csv", "eligible.csv"] {
        std::fs::copy(root().join("data-samples").join(f), w.dir.join(f)).unwrap();
    }
    // The farmers' roll in today's codes (data-samples/ ships it in old ones).
    std::fs::copy(
        root().join("tests/data/roll_farmers_new_codes.csv"),
        w.dir.join("roll-farmers.csv"),
    )
    .unwrap();
    let whole = merged_whole();
    // The roll: each row's unit as one of its old communes, in turn.
    let roll = w.read("roll-farmers.csv");
    let mut lines = roll.lines();
    let head = lines.next().unwrap();
    let at = head.split(',').position(|h| h == "area_code").unwrap();
    let mut old_roll = format!("{head}\n");
    let mut used = 0;
    for (i, line) in lines.enumerate() {
        let mut cells: Vec<String> = line.split(',').map(str::to_string).collect();
        if let Some(olds) = whole.get(&cells[at]) {
            cells[at] = olds[i % olds.len()].0.clone();
            used += 1;
        }
        old_roll.push_str(&cells.join(","));
        old_roll.push('\n');
    }
    assert!(used > 800, "most rows in old codes: {used}");
    w.write("roll-old.csv", old_roll);
    // The denominators: each commune's count given to its first old commune, and 0 to
    // the others (the counts of one new commune's old communes add up).
    let elig = w.read("eligible.csv");
    let mut lines = elig.lines();
    let mut old_elig = format!("{}\n", lines.next().unwrap());
    for line in lines {
        let cells: Vec<&str> = line.split(',').collect();
        match whole.get(cells[0]) {
            Some(olds) => {
                for (k, (old, _)) in olds.iter().enumerate() {
                    let n = if k == 0 { cells[3] } else { "0" };
                    old_elig.push_str(&format!("{old},{},{},{n}\n", cells[1], cells[2]));
                }
            }
            None => old_elig.push_str(&format!("{line}\n")),
        }
    }
    w.write("eligible-old.csv", old_elig);
    let ours = store_report(
        &w,
        "old",
        &[
            "areas.csv",
            "targets.csv",
            "eligible-old.csv",
            "--codes",
            "old",
        ],
        &["roll-old.csv", "--codes", "old"],
    );
    let theirs = store_report(
        &w,
        "new",
        &["areas.csv", "targets.csv", "eligible.csv"],
        &["roll-farmers.csv"],
    );
    assert_eq!(ours, theirs);
    // The store keeps, per row, that it was read through the crosswalk; the report's
    // notes say how many rows.
    let old_store = w.dir.join("old");
    let m: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(old_store.join("manifest.json")).unwrap())
            .unwrap();
    let roll = m["ingests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["kind"] == "roll")
        .unwrap();
    let mapped = roll["mapped"].as_u64().unwrap();
    assert_eq!(
        mapped,
        roll["rows"].as_u64().unwrap(),
        "--codes old: every row"
    );
    let json = w
        .tally(&[
            "--store",
            old_store.to_str().unwrap(),
            "report",
            "--format",
            "json",
        ])
        .expect(0)
        .stdout;
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let note = v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["kind"] == "mapped")
        .unwrap_or_else(|| panic!("{json}"));
    assert_eq!(note["rows"].as_u64(), Some(mapped));
    // Without --codes old, a code that exists today is today's; the rest go through
    // the crosswalk: the summary says how many.
    let run = w
        .tally(&[
            "--store",
            w.dir.join("auto").to_str().unwrap(),
            "ingest",
            "areas.csv",
            "roll-old.csv",
            "--dry-run",
        ])
        .expect(0);
    assert!(
        run.stdout
            .contains("of pre-2025 communes through the reform's crosswalk"),
        "{}",
        run.stdout
    );
    // The shipped sample, in old codes, reports as the new-code roll.
    std::fs::copy(
        root().join("data-samples/roll-farmers.csv"),
        w.dir.join("shipped.csv"),
    )
    .unwrap();
    let shipped = store_report(
        &w,
        "shipped",
        &["areas.csv", "targets.csv", "eligible.csv"],
        &["shipped.csv"],
    );
    assert_eq!(shipped, theirs);
}

/// A store of the sample areas alone.
fn sample_areas() -> Workdir {
    let w = Workdir::new();
    std::fs::copy(
        root().join("data-samples/areas.csv"),
        w.dir.join("areas.csv"),
    )
    .expect("the sample areas");
    w.tally(&["ingest", "areas.csv"]).expect(0);
    w
}

/// A store of the sample areas and a farmers' roll of 31/10/2026 with one member in
/// each commune named (a name with a comma in quotes); the ingest's run.
fn names_roll(names: &[&str]) -> (Workdir, crate::workdir::Run) {
    let w = sample_areas();
    let mut roll = String::from("Họ và tên,Năm sinh,Xã phường\n");
    for (i, name) in names.iter().enumerate() {
        roll.push_str(&format!("Người {i},{},{name}\n", 1970 + i));
    }
    w.write("names.csv", roll);
    let run = w.tally(&[
        "ingest",
        "names.csv",
        "--org",
        "farmers",
        "--as-of",
        "31/10/2026",
    ]);
    (w, run.expect(0))
}

/// October's report by commune, and each commune's members in it (`None` where the
/// commune has no row).
fn members_by_commune(w: &Workdir) -> (String, impl Fn(&str) -> Option<String>) {
    let out = w
        .tally(&[
            "report", "--period", "2026-10", "--by", "commune", "--format", "csv",
        ])
        .expect(0)
        .stdout;
    let rows: BTreeMap<String, String> = (out.lines())
        .filter_map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            (c.get(2) == Some(&"commune")).then(|| (c[3].to_string(), c[4].to_string()))
        })
        .collect();
    (out, move |code: &str| rows.get(code).cloned())
}

/// Old names with their type: "Thị trấn Trạm Tấu" is the old township, now in Xã Hạnh
/// Phúc (04585), not Xã Trạm Tấu; "Xã Trung Tâm" is now in Xã Phúc Lợi (04363), not
/// Phường Trung Tâm. A split commune's row is rejected with its candidates.
#[test]
fn old_names_read_with_their_type_and_splits_are_refused() {
    let (w, _) = names_roll(&[
        "Thị trấn Trạm Tấu",
        "Xã Trung Tâm",
        "\"Xã Bảo Hà, huyện Bảo Yên\"",
    ]);
    let (out, members) = members_by_commune(&w);
    assert_eq!(members("04585").as_deref(), Some("1"), "{out}");
    assert_eq!(members("04363").as_deref(), Some("1"), "{out}");
    assert_eq!(members("02989").as_deref(), Some("1"), "{out}");
    assert_eq!(members("04606"), None, "Xã Trạm Tấu has no member: {out}");
    assert_eq!(
        members("04663"),
        None,
        "Phường Trung Tâm has no member: {out}"
    );
    // 00016 Phường Ngọc Hà (Hà Nội) was split: rejected with both candidates.
    w.write("split.csv", "Họ và tên,Năm sinh,Mã xã\nD,1973,00016\n");
    let run = w
        .tally(&[
            "ingest",
            "split.csv",
            "--org",
            "farmers",
            "--as-of",
            "30/11/2026",
        ])
        .expect(65);
    assert!(
        run.stderr.contains("00016 Phường Ngọc Hà, a commune of before the 2025 reform, was split between 00004 Phường Ba Đình, 00008 Phường Ngọc Hà"),
        "{}",
        run.stderr
    );
}

/// A name that is an old commune's as written and today's only with its diacritics
/// dropped is the old commune: "Xã Nậm Chảy" (02770, merged into 02761 Xã Mường
/// Khương) is not today's "Xã Nậm Chày" (03076), which it folds to. Before, it was
/// counted in Nậm Chày without a word. "Phường Sa Pả" (03002) went into 03006 Phường
/// Sa Pa, the unit its folded name finds: the same count, now said. A name as written
/// today ("Xã Nậm Chày", "Xã Xuân Hoà" with the old tone placement) stays today's.
#[test]
fn an_old_name_as_written_is_not_todays_without_its_diacritics() {
    let (w, run) = names_roll(&["Xã Nậm Chảy", "Phường Sa Pả", "Xã Nậm Chày", "Xã Xuân Hoà"]);
    assert!(
        run.stdout.contains(
            "read 2 row(s) of pre-2025 communes through the reform's crosswalk: 02770 Xã Nậm Chảy → 02761 (1), 03002 Phường Sa Pả → 03006 (1)"
        ),
        "{}",
        run.stdout
    );
    let (out, members) = members_by_commune(&w);
    assert_eq!(members("02761").as_deref(), Some("1"), "{out}");
    assert_eq!(members("03076").as_deref(), Some("1"), "{out}");
    assert_eq!(members("03006").as_deref(), Some("1"), "{out}");
    assert_eq!(members("02962").as_deref(), Some("1"), "{out}");
    // With --codes old every name is an old commune's: a name without its diacritics
    // that two old communes have is refused, naming both.
    w.write(
        "old.csv",
        "Họ và tên,Năm sinh,Xã phường\nE,1974,Xa Nam Chay\n",
    );
    let run = w
        .tally(&[
            "ingest",
            "old.csv",
            "--org",
            "farmers",
            "--as-of",
            "30/11/2026",
            "--codes",
            "old",
        ])
        .expect(65);
    for old in ["02770 Xã Nậm Chảy", "03076 Xã Nậm Chầy"] {
        assert!(run.stderr.contains(old), "{}", run.stderr);
    }
}

/// Found by review: eligible counts given by pre-2025 commune were summed from whatever
/// rows the file had. Xã Bát Xát (02683) was made of five: with Xã Quang Kim's youth
/// cell empty (unknown, not zero) its youth count was 300 + 120 + 80 + 50 = 550, with
/// Xã Bản Qua's women's cell empty 760. Both are now unknown and said; Xã Mường Hoa,
/// whose code Xã Tả Van (03037) kept, listed alone, names Tả Van by its old name: 300.
#[test]
fn a_count_of_todays_commune_needs_all_its_old_communes() {
    let w = sample_areas();
    w.write(
        "doi-tuong.csv",
        "SỐ ĐỐI TƯỢNG NĂM 2026\nSTT;Tên xã;Đoàn TN;Hội LHPN\n\
         1;Thị trấn Bát Xát;300;400\n2;Xã Bản Qua;120;\n3;Xã Bản Vược;80;90\n\
         4;Xã Quang Kim;;210\n5;Xã Phìn Ngan;50;60\n6;Xã Mường Hoa;300;100\n",
    );
    let run = w.tally(&["ingest", "doi-tuong.csv"]).expect(0);
    assert!(
        run.stdout.contains("left 2 count(s) of today's communes unknown: not every pre-2025 commune they were made of gives one"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("02683 Xã Bát Xát (Youth Union: lacks 02734 Xã Quang Kim)"),
        "{}",
        run.stdout
    );
    let status = w.status_json();
    let rows: Vec<u64> = (status["ingests"].as_array().unwrap().iter())
        .filter(|i| i["kind"] == "eligible")
        .map(|i| i["rows"].as_u64().unwrap())
        .collect();
    assert_eq!(rows, [2], "Tả Van's two counts only");
    // Every old commune's cell given: the sum is the commune's.
    w.write(
        "doi-tuong.csv",
        "SỐ ĐỐI TƯỢNG NĂM 2026\nSTT;Tên xã;Đoàn TN\n\
         1;Thị trấn Bát Xát;300\n2;Xã Bản Qua;120\n3;Xã Bản Vược;80\n\
         4;Xã Quang Kim;0\n5;Xã Phìn Ngan;50\n",
    );
    let run = w.tally(&["ingest", "doi-tuong.csv", "--replace"]).expect(0);
    assert!(!run.stdout.contains("unknown"), "{}", run.stdout);
}
