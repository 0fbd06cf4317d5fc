//! Numbers in Vietnamese sentences are grouped as the tables group them (1.500, never
//! 1500): what ingest, report, status and drop say on a store whose counts pass a
//! thousand.

use crate::workdir::Workdir;

/// Runs of four or more digits said bare: not a year (19xx, 20xx), not inside a date
/// (31/10/2026, 10/2026), a quoted value, a file's name, an ingest ID or a unit code
/// with its leading zero.
fn bare_numbers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        // Quoted values are the file's own.
        let mut plain = String::new();
        for (i, part) in line.split('"').enumerate() {
            if i % 2 == 0 {
                plain.push_str(part);
            }
            plain.push(' ');
        }
        let mut before = "";
        for word in plain.split(|c: char| c.is_whitespace() || "();:".contains(c)) {
            let w = word.trim_matches(|c: char| ",.…".contains(c));
            // A line number is said as the spreadsheet numbers it (dòng 1504, a.csv:1504).
            let line_number = before == "dòng" || before.ends_with(".csv");
            if !w.is_empty() {
                before = w;
            }
            if line_number {
                continue;
            }
            let named = w.contains('/')
                || w.contains(".csv")
                || w.contains(".xlsx")
                || w.chars().any(|c| c.is_ascii_alphabetic());
            if named || w.is_empty() || !w.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            let year = w.len() == 4 && (w.starts_with("19") || w.starts_with("20"));
            // A unit code, or one whose leading zero a message shows put back.
            let code = w.starts_with('0') || line.contains(&format!("0{w}"));
            if w.len() >= 4 && !year && !code {
                out.push(format!("{w} in: {line}"));
            }
        }
    }
    out
}

#[test]
fn the_scan_finds_a_bare_count_and_passes_grouped_ones() {
    assert_eq!(bare_numbers("3590 thành viên (3.503)").len(), 1);
    assert!(bare_numbers("đã lưu 1.500 dòng, 31/10/2026, năm 2026, mã 02647").is_empty());
    assert!(bare_numbers("lần nạp 5d13f4f86f72, tệp t10-1500.csv, \"1500\"").is_empty());
}

#[test]
fn vietnamese_sentences_group_their_numbers() {
    let w = Workdir::new().with(&["areas.csv", "enterprises.csv", "targets.csv"]);
    w.write(
        "eligible.csv",
        "area_code,org,year,eligible\n02647,youth,2026,2500\n02680,youth,2026,1200\n",
    );
    let mut roll =
        String::from("DANH SÁCH ĐOÀN VIÊN\n\nHọ và tên,Ngày sinh,Dân tộc,Số CCCD,Mã xã\n");
    for i in 0..1_500 {
        roll.push_str(&format!(
            "Đoàn viên {i},01/02/2000,Abc,{},2647\n",
            10_200_000_000u64 + i
        ));
    }
    for i in 0..1_100 {
        roll.push_str(&format!(
            "Lạc {i},01/02/2000,Kinh,{},99999\n",
            10_200_001_500u64 + i
        ));
    }
    roll.push_str("Tổng cộng,2600\n");
    w.write("doan-vien-t10.csv", &roll);
    let mut said = String::new();
    for args in [
        &[
            "ingest",
            "areas.csv",
            "enterprises.csv",
            "eligible.csv",
            "targets.csv",
        ][..],
        &[
            "ingest",
            "doan-vien-t10.csv",
            "--org",
            "youth",
            "--as-of",
            "31/10/2026",
            "--skip-invalid",
            "--rejects",
            "loai.csv",
            "--warnings",
            "canh-bao.csv",
        ],
        &["report", "--period", "2026-10"],
        &["status"],
    ] {
        let mut args = args.to_vec();
        args.extend(["--lang", "vi"]);
        let run = w.tally(&args).expect(0);
        said.push_str(&run.stdout);
        said.push_str(&run.stderr);
    }
    assert!(said.contains("1.500"), "{said}");
    assert!(said.contains("1.100"), "{said}");
    assert_eq!(bare_numbers(&said), Vec::<String>::new(), "{said}");
}
