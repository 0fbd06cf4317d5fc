//! A month's office work under a Vietnamese locale, and every word tally says swept
//! for English: workbooks with a hidden sheet and a summary sheet, a new areas version
//! that reclassifies units (refused, then taken and dropped), a file that is not
//! there, a dry run, status, report, verify and backup. File names, option names and
//! values in quotes are the user's and are left out of the sweep.

use crate::workdir::Workdir;
use std::process::Command;

/// English words a Vietnamese reader must not see: machine words (an organization's
/// or a file kind's key), workbook words, and the system's own error texts.
const ENGLISH: [&str; 16] = [
    "sheet",
    "workbook",
    "hidden",
    "unit(s)",
    "reclassified",
    "women",
    "farmers",
    "youth",
    "veterans",
    "union",
    "areas",
    "enterprises",
    "targets",
    "error:",
    "os error",
    "no such file",
];

/// Runs tally under LANG=vi_VN.UTF-8; its stdout and stderr.
fn vi(w: &Workdir, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_tally"))
        .current_dir(&w.dir)
        .env("TALLY_STORE", w.store())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env("LANG", "vi_VN.UTF-8")
        .args(args)
        .output()
        .expect("run tally");
    format!(
        "$ tally {}\n{}{}",
        args.join(" "),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// The text with what is the user's taken out: the command lines, quoted values,
/// commands in backticks, file names (words with a dot and an extension) and
/// options (`--replace`).
fn said_by_tally(transcript: &str) -> String {
    let mut out = String::new();
    for line in transcript.lines().filter(|l| !l.starts_with("$ tally")) {
        let mut quoted = false;
        let mut ticked = false;
        let mut kept = String::new();
        for c in line.chars() {
            match c {
                '"' => quoted = !quoted,
                '`' => ticked = !ticked,
                _ if quoted || ticked => {}
                _ => kept.push(c),
            }
        }
        let words: Vec<&str> = kept
            .split(' ')
            .filter(|w| !w.starts_with("--"))
            .filter(|w| {
                // `ds.csv:5:`, `ds.xlsx,`: the name before its line and punctuation.
                let w = w
                    .split(':')
                    .next()
                    .unwrap_or(w)
                    .trim_matches([',', ';', '(', ')']);
                !(w.contains('.')
                    && w.rsplit('.').next().is_some_and(|e| {
                        e.len() >= 3 && e.chars().all(|c| c.is_ascii_alphanumeric())
                    }))
            })
            .collect();
        out.push_str(&words.join(" "));
        out.push('\n');
    }
    out
}

/// The English words of [`ENGLISH`] in `text`, each with its line.
fn english_in(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        let lower = line.to_lowercase();
        for word in ENGLISH {
            let hit = lower.match_indices(word).any(|(i, _)| {
                let before = lower[..i].chars().next_back();
                let after = lower[i + word.len()..].chars().next();
                let apart = |c: Option<char>| !c.is_some_and(|c| c.is_ascii_alphanumeric());
                apart(before) && apart(after)
            });
            if hit {
                found.push(format!("{word}: {line}"));
            }
        }
    }
    found
}

/// The youth roll of October as a branch office keeps it: one sheet per chi đoàn,
/// a summary sheet of numbers (no roll header), and a hidden sheet of last year's list.
fn youth_workbook(w: &Workdir) {
    use rust_xlsxwriter::{Format, Workbook};
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let ws = wb.add_worksheet();
    ws.set_name("Chi đoàn 1").unwrap();
    ws.write_string_with_format(0, 0, "DANH SÁCH ĐOÀN VIÊN THÁNG 10/2026", &bold)
        .unwrap();
    let header = [
        "STT",
        "Họ và tên",
        "Ngày sinh",
        "Giới tính",
        "Mã xã",
        "Ngày vào Đoàn",
        "Trạng thái",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(2, c as u16, *h, &bold).unwrap();
    }
    let rows = [
        ("Nguyễn Văn An", "15/03/2000", "Nam", "02647"),
        ("Lò Thị Hoà", "20/05/2001", "Nữ", "02680"),
        ("Giàng A Páo", "01/02/2002", "Nam", "02683"),
    ];
    for (i, (name, born, sex, unit)) in rows.iter().enumerate() {
        let r = 3 + i as u32;
        ws.write_number(r, 0, (i + 1) as f64).unwrap();
        for (c, v) in [*name, *born, *sex, *unit, "01/01/2018", "Đang sinh hoạt"]
            .iter()
            .enumerate()
        {
            ws.write_string(r, 1 + c as u16, *v).unwrap();
        }
    }
    let summary = wb.add_worksheet();
    summary.set_name("Tổng hợp").unwrap();
    summary
        .write_string(0, 0, "BÁO CÁO TỔNG HỢP SỐ LIỆU ĐOÀN VIÊN")
        .unwrap();
    summary.write_string(2, 0, "Tổng số đoàn viên").unwrap();
    summary.write_number(2, 1, 3.0).unwrap();
    let old = wb.add_worksheet();
    old.set_name("DS cũ").unwrap();
    old.write_string(0, 0, "Danh sách năm 2025").unwrap();
    old.set_hidden(true);
    wb.save(w.dir.join("doan-vien-t10.xlsx")).unwrap();
}

#[test]
fn a_months_work_under_a_vietnamese_locale_says_no_english() {
    let w = Workdir::new().with(&[
        "areas.csv",
        "enterprises.csv",
        "eligible.csv",
        "targets.csv",
    ]);
    youth_workbook(&w);
    // The next year's areas: six communes rural no longer, or now.
    w.write(
        "dia-ban-2027.csv",
        "code,name,level,parent_code,ethnic_minority,religious,rural,highland\n\
         15,Lào Cai,province,,no,no,no,no\n\
         02647,Phường Lào Cai,commune,15,no,no,yes,no\n\
         02680,Xã Hợp Thành,commune,15,yes,x,no,no\n\
         02683,Xã Bát Xát,commune,15,III,,no,yes\n\
         02686,Xã A Mú Sung,commune,15,có,không,không,yes\n\
         90001,Xã Tân Phú,commune,15,no,no,no,no\n\
         90002,Xã Tân Phú,commune,15,no,yes,no,no\n",
    );
    w.write(
        "chi-tieu.csv",
        "org,year,scope,target_pct\nyouth,2026,*,72\nwomen,2027,*,76\n",
    );
    let mut transcript = String::new();
    let steps: &[&[&str]] = &[
        &[
            "ingest",
            "areas.csv",
            "enterprises.csv",
            "eligible.csv",
            "targets.csv",
        ],
        &[
            "ingest",
            "doan-vien-t10.xlsx",
            "--org",
            "youth",
            "--as-of",
            "31/10/2026",
        ],
        &["ingest", "chi-tieu.csv", "--dry-run"],
        &["ingest", "dia-ban-2027.csv"],
        &["ingest", "dia-ban-2027.csv", "--replace"],
        &["ingest", "khong-co-tep.csv"],
        &["status"],
        &["report", "--period", "2026-10"],
        &["verify"],
        &["backup", "sao-luu"],
    ];
    for args in steps {
        transcript.push_str(&vi(&w, args));
    }
    // The areas version just taken, dropped: the one before is in force again.
    let manifest: serde_json::Value = serde_json::from_str(&w.manifest()).unwrap();
    let id = manifest["ingests"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .find(|i| i["kind"] == "areas")
        .and_then(|i| i["id"].as_str())
        .unwrap()
        .to_string();
    transcript.push_str(&vi(&w, &["drop", &id]));
    // What the month said, in Vietnamese: the sheets skipped, the versions, the
    // missing file by its kind.
    for said in [
        "bỏ qua trang tính",
        "(bị ẩn)",
        "trang tính",
        "sổ tính",
        "đổi phân loại",
        "không có tệp hoặc thư mục này",
        "sẽ thay 1 dòng đã có",
        "đã xóa lần nạp",
    ] {
        assert!(
            transcript.contains(said),
            "missing {said:?} in\n{transcript}"
        );
    }
    if let Ok(path) = std::env::var("TALLY_SWEEP_TRANSCRIPT") {
        std::fs::write(path, &transcript).unwrap();
    }
    // Lines that name a file of the store are left out: a path is shown as the file
    // system spells it (`reference/areas-….parquet`); only a store that is not private
    // lists them (under wine, which keeps no access list, every store).
    let store = w.store().display().to_string();
    let said: Vec<&str> = transcript.lines().filter(|l| !l.contains(&store)).collect();
    let english = english_in(&said_by_tally(&said.join("\n")));
    assert!(
        english.is_empty(),
        "English said to a Vietnamese reader:\n{}\n\n--- transcript\n{transcript}",
        english.join("\n")
    );
}
