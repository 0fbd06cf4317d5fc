//! Percentages as offices type them: a workbook cell formatted as a percentage (0.75
//! shown as 75%) is that percentage; a bare fraction in a targets file is refused as
//! ambiguous, with both readings; the mapping's shares read by the same rule.

use crate::workdir::Workdir;

/// An .xlsx of targets typed as Excel users type them: 75% in a cell formatted `0%`
/// (stored as 0.75), 75.5% in one formatted `0.0%`, the year as a number. The youth's
/// coverage is 3 / 280 = 1.07%: against 75% the gap is −73.93, and in ethnic-minority
/// areas 2 / 180 = 1.11% against 60%, −58.89. Before the fix the targets were 0.75%
/// and 0.6%, and every commune was "to replicate".
#[test]
fn percent_cells_of_a_targets_workbook_are_percentages() {
    use rust_xlsxwriter::{Format, Workbook};
    let w = Workdir::new().with(&["areas.csv", "eligible.csv", "roll_youth_clean.csv"]);
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Chỉ tiêu").unwrap();
    ws.merge_range(0, 0, 0, 3, "CHỈ TIÊU TẬP HỢP NĂM 2026", &Format::new())
        .unwrap();
    for (c, h) in ["Tổ chức", "Năm", "Phạm vi", "Chỉ tiêu"].iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    let pct = Format::new().set_num_format("0%");
    let pct1 = Format::new().set_num_format("0.0%");
    let rows = [
        ("Đoàn TN", "Toàn tỉnh", 0.75, &pct),
        ("Đoàn TN", "Vùng đồng bào DTTS", 0.6, &pct),
        ("Hội Phụ nữ", "Toàn tỉnh", 0.755, &pct1),
    ];
    for (i, (org, scope, v, f)) in rows.iter().enumerate() {
        let r = 3 + i as u32;
        ws.write_string(r, 0, *org).unwrap();
        ws.write_number(r, 1, 2026.0).unwrap();
        ws.write_string(r, 2, *scope).unwrap();
        ws.write_number_with_format(r, 3, *v, f).unwrap();
    }
    wb.save(w.dir.join("chi-tieu.xlsx")).unwrap();
    w.tally(&["ingest", "areas.csv", "eligible.csv", "chi-tieu.xlsx"])
        .expect(0);
    w.tally(&[
        "ingest",
        "roll_youth_clean.csv",
        "--org",
        "youth",
        "--as-of",
        "31/10/2026",
    ])
    .expect(0);
    let youth = |key: &str| {
        let r = w.report_row(&["--org", "youth"], key);
        (r[9].clone(), r[11].clone(), r[12].clone())
    };
    assert_eq!(
        youth(",youth,total,all,"),
        ("1.07".into(), "75.00".into(), "-73.93".into())
    );
    assert_eq!(
        youth(",youth,ethnic_minority,yes,"),
        ("1.11".into(), "60.00".into(), "-58.89".into())
    );
    let women = w.report_row(&["--org", "women"], ",women,total,all,");
    assert_eq!(women[11], "75.50");
    // No unit at 1% coverage is a model to replicate against a 75% target.
    let replicate = w
        .tally(&[
            "report",
            "--period",
            "2026-10",
            "--format",
            "csv",
            "--table",
            "replicate",
        ])
        .expect(0)
        .stdout;
    assert_eq!(replicate.lines().count(), 1, "{replicate}");
}

/// A bare fraction is refused, with both readings; `75%` and `0.75%` are read as
/// written, and so is `75`.
#[test]
fn a_bare_fraction_as_a_target_is_refused_as_ambiguous() {
    let w = Workdir::new().with(&["areas.csv"]);
    w.write(
        "chi-tieu.csv",
        "Tổ chức;Năm;Phạm vi;Chỉ tiêu\nĐoàn TN;2026;Toàn tỉnh;0,75\nHội Phụ nữ;2026;Toàn tỉnh;1\n",
    );
    let run = w.tally(&["ingest", "areas.csv", "chi-tieu.csv"]).expect(65);
    for said in [
        "chi-tieu.csv:2: column \"Chỉ tiêu\": value \"0,75\": 0.75 could be 0.75% or 75%",
        "write 75% or 0.75%",
        "chi-tieu.csv:3: column \"Chỉ tiêu\": value \"1\": 1 could be 1% or 100%",
    ] {
        assert!(run.stderr.contains(said), "{said}: {}", run.stderr);
    }
    // In Vietnamese, with a decimal comma, as the reader typed it.
    let vi = (w.tally(&["--lang", "vi", "ingest", "areas.csv", "chi-tieu.csv"])).expect(65);
    assert!(
        vi.stderr.contains("0,75 có thể là 0,75% hoặc 75%")
            && vi.stderr.contains("ghi 75% hoặc 0,75%"),
        "{}",
        vi.stderr
    );
    w.write(
        "chi-tieu.csv",
        "Tổ chức;Năm;Phạm vi;Chỉ tiêu\nĐoàn TN;2026;Toàn tỉnh;75%\nHội Phụ nữ;2026;Toàn tỉnh;0,75%\nHội Nông dân;2026;Toàn tỉnh;70\n",
    );
    w.tally(&["ingest", "areas.csv", "chi-tieu.csv"]).expect(0);
    let s = w.status_json();
    assert_eq!(s["reference"]["targets"], 3);
}

/// An .ods keeps a percentage's format where calamine does not show it: the cell reads
/// as a bare 0.75, and is refused as ambiguous rather than taken as 0.75%.
#[test]
fn an_ods_percent_cell_is_not_guessed() {
    use std::io::Write;
    use zip::write::SimpleFileOptions;
    let w = Workdir::new().with(&["areas.csv"]);
    let cell = |v: &str| {
        format!(
            r#"<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>"#
        )
    };
    let header: String = ["Tổ chức", "Năm", "Phạm vi", "Chỉ tiêu"]
        .iter()
        .map(|h| cell(h))
        .collect();
    let row = format!(
        r#"{}<table:table-cell office:value-type="float" office:value="2026"><text:p>2026</text:p></table:table-cell>{}<table:table-cell office:value-type="percentage" office:value="0.75"><text:p>75%</text:p></table:table-cell>"#,
        cell("Đoàn TN"),
        cell("Toàn tỉnh")
    );
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Chỉ tiêu"><table:table-row>{header}</table:table-row><table:table-row>{row}</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let file = std::fs::File::create(w.dir.join("chi-tieu.ods")).unwrap();
    let mut z = zip::ZipWriter::new(file);
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    z.start_file("mimetype", stored).unwrap();
    z.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    z.start_file("META-INF/manifest.xml", SimpleFileOptions::default())
        .unwrap();
    z.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#).unwrap();
    z.start_file("content.xml", SimpleFileOptions::default())
        .unwrap();
    z.write_all(xml.as_bytes()).unwrap();
    z.finish().unwrap();
    let run = w.tally(&["ingest", "areas.csv", "chi-tieu.ods"]).expect(65);
    assert!(
        run.stderr
            .contains("value \"0.75\": 0.75 could be 0.75% or 75%"),
        "{}",
        run.stderr
    );
}

/// The mapping's shares typed as percentages in a workbook (0.4 shown as 40%) split
/// the old commune's 10 eligible farmers 4 and 6, as 0.4 and 40% do in CSV.
#[test]
fn mapping_shares_in_percent_cells() {
    use rust_xlsxwriter::{Format, Workbook};
    let w = Workdir::new();
    w.write(
        "areas.csv",
        "code,name,level,parent_code,ethnic_minority,religious,rural\n14,Sơn La,province,,yes,no,yes\n03943,Xã Mường Bang,commune,14,yes,no,yes\n04123,Xã Chiềng Mung,commune,14,yes,no,yes\n",
    );
    w.write(
        "eligible.csv",
        // Every old commune of the two communes of today, in old codes.
        "Mã xã,Tổ chức,Năm,Số đối tượng\n04111,Hội Nông dân,2026,10\n04123,Hội Nông dân,2026,0\n\
         03934,Hội Nông dân,2026,0\n03943,Hội Nông dân,2026,0\n03964,Hội Nông dân,2026,0\n\
         04126,Hội Nông dân,2026,0\n",
    );
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let pct = Format::new().set_num_format("0%");
    for (c, h) in ["Mã xã cũ", "Mã xã mới", "Tỷ lệ"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for (r, (new, share)) in [("03943", 0.4), ("04123", 0.6)].iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_string(r, 0, "04111").unwrap();
        ws.write_string(r, 1, *new).unwrap();
        ws.write_number_with_format(r, 2, *share, &pct).unwrap();
    }
    wb.save(w.dir.join("chuyen-doi.xlsx")).unwrap();
    w.write("hoi-vien.csv", "Họ và tên,Năm sinh,Mã xã\nA,1970,03943\n");
    w.tally(&["ingest", "areas.csv", "chuyen-doi.xlsx"])
        .expect(0);
    w.tally(&["ingest", "eligible.csv", "--codes", "old"])
        .expect(0);
    w.tally(&[
        "ingest",
        "hoi-vien.csv",
        "--org",
        "farmers",
        "--as-of",
        "31/10/2026",
    ])
    .expect(0);
    let out = w
        .tally(&[
            "report", "--period", "2026-10", "--by", "commune", "--format", "csv",
        ])
        .expect(0)
        .stdout;
    let eligible = |code: &str| {
        out.lines()
            .find(|l| l.contains(&format!(",commune,{code},")))
            .unwrap_or_else(|| panic!("{code}: {out}"))
            .split(',')
            .nth(8)
            .unwrap()
            .to_string()
    };
    assert_eq!(
        (eligible("03943"), eligible("04123")),
        ("4".into(), "6".into())
    );
}

/// Targets as a directive's annex lays them out, a row per organization and a column
/// per scope: each filled cell a target, an empty one none; the same report as the
/// same targets a row each (`Tổ chức`, `Phạm vi`, `Chỉ tiêu`). A column whose heading
/// names no scope is refused.
#[test]
fn targets_a_column_per_scope_are_read_as_a_row_each() {
    let title = "CHỈ TIÊU TẬP HỢP ĐOÀN VIÊN, HỘI VIÊN NĂM 2026\n";
    let wide = format!(
        "{title}STT;Tổ chức;Toàn tỉnh;Vùng đồng bào DTTS;Vùng tôn giáo;Nông thôn\n\
         1;Đoàn TN;75%;70;;72\n\
         2;Hội LHPN;80%;65%;70;\n"
    );
    let long = format!(
        "{title}Tổ chức;Phạm vi;Chỉ tiêu\n\
         Đoàn TN;Toàn tỉnh;75%\nĐoàn TN;Vùng đồng bào DTTS;70\nĐoàn TN;Nông thôn;72\n\
         Hội LHPN;Toàn tỉnh;80%\nHội LHPN;Vùng đồng bào DTTS;65%\nHội LHPN;Vùng tôn giáo;70\n"
    );
    let report = |targets: &str| {
        let w = Workdir::new().with_youth_roll();
        w.write("chi-tieu.csv", targets);
        let run = w.tally(&["ingest", "chi-tieu.csv"]).expect(0);
        assert!(
            run.stdout.contains("stored 6 row(s) of the targets"),
            "{}",
            run.stdout
        );
        w.tally(&["report", "--period", "2026-10", "--format", "csv"])
            .expect(0)
            .stdout
    };
    let (a, b) = (report(&wide), report(&long));
    assert_eq!(a, b);
    let rural = (a.lines())
        .find(|l| l.starts_with("2026-10,youth,rural,yes,"))
        .unwrap_or_else(|| panic!("{a}"));
    assert_eq!(rural.split(',').nth(11), Some("72.00"), "{rural}");
    let w = Workdir::new().with_youth_roll();
    w.write(
        "chi-tieu.csv",
        format!("{title}Tổ chức;Toàn tỉnh;Khu vực DN ABC\nĐoàn TN;75%;60\n"),
    );
    let run = w.tally(&["ingest", "chi-tieu.csv"]).expect(65);
    assert!(
        run.stderr.contains(
            "column \"Khu vực DN ABC\": value \"60\": the column's heading names no scope"
        ),
        "{}",
        run.stderr
    );
}
