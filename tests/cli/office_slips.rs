//! Reference files as an office's everyday slips leave them: unit codes whose leading
//! zeros Excel dropped, a counts table that heads an organization's column by its
//! short name (or by one tally does not know), long lists of emptied units, and a dry
//! run that must not say it changed anything.

use crate::workdir::Workdir;

/// The fixture's areas (tests/data/areas.csv) as a workbook typed by hand: a title
/// block, Vietnamese headings, and the codes typed as numbers (format `0`), so that
/// 02647 is the number 2647.
fn areas_workbook(w: &Workdir, name: &str) {
    use rust_xlsxwriter::{Format, Workbook};
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let bold = Format::new().set_bold();
    let whole = Format::new().set_num_format("0");
    ws.merge_range(0, 0, 0, 7, "DANH MỤC ĐƠN VỊ HÀNH CHÍNH TỈNH LÀO CAI", &bold)
        .unwrap();
    let headings = [
        "Mã ĐVHC",
        "Tên đơn vị",
        "Cấp",
        "Mã cấp trên",
        "Vùng DTTS",
        "Vùng tôn giáo",
        "Nông thôn",
        "Vùng cao",
    ];
    for (c, h) in headings.iter().enumerate() {
        ws.write_string_with_format(2, c as u16, *h, &bold).unwrap();
    }
    let units = [
        (
            15.0,
            "Lào Cai",
            "Tỉnh",
            None,
            ["không", "không", "không", "không"],
        ),
        (
            2647.0,
            "Phường Lào Cai",
            "Phường",
            Some(15.0),
            ["không", "không", "không", "không"],
        ),
        (
            2680.0,
            "Xã Hợp Thành",
            "Xã",
            Some(15.0),
            ["có", "có", "có", "không"],
        ),
        (
            2683.0,
            "Xã Bát Xát",
            "Xã",
            Some(15.0),
            ["III", "", "có", "có"],
        ),
        (
            2686.0,
            "Xã A Mú Sung",
            "Xã",
            Some(15.0),
            ["có", "không", "có", "có"],
        ),
        (
            90001.0,
            "Xã Tân Phú",
            "Xã",
            Some(15.0),
            ["không", "không", "có", "không"],
        ),
        (
            90002.0,
            "Xã Tân Phú",
            "Xã",
            Some(15.0),
            ["không", "có", "có", "không"],
        ),
    ];
    for (i, (code, unit, level, parent, flags)) in units.iter().enumerate() {
        let r = 3 + i as u32;
        ws.write_number_with_format(r, 0, *code, &whole).unwrap();
        ws.write_string(r, 1, *unit).unwrap();
        ws.write_string(r, 2, *level).unwrap();
        if let Some(p) = parent {
            ws.write_number_with_format(r, 3, *p, &whole).unwrap();
        }
        for (c, f) in flags.iter().enumerate() {
            ws.write_string(r, 4 + c as u16, *f).unwrap();
        }
    }
    wb.save(w.dir.join(name)).unwrap();
}

/// The areas typed with codes as numbers: 2647, 2680, 2683 and 2686 are communes, of
/// five digits (02647, …); 15 is a province's, whole; 90001 and 90002 are whole. The
/// summary says the four padded once; the counts, targets and roll of the fixtures,
/// which write 02647, then find their units (before, every count was refused), and
/// the youth's coverage is the fixture's: 3 of 280.
#[test]
fn codes_that_lost_their_leading_zeros_are_padded_to_their_level() {
    let w = Workdir::new().with(&[
        "eligible.csv",
        "enterprises.csv",
        "targets.csv",
        "roll_youth_clean.csv",
    ]);
    areas_workbook(&w, "dia-ban.xlsx");
    let run = w.tally(&["ingest", "dia-ban.xlsx"]).expect(0);
    assert!(
        run.stdout.contains(
            "dia-ban.xlsx, sheet \"Sheet1\": padded 4 code(s) with leading zeros Excel had dropped (a commune's code has 5 digits, a district's 3, a province's 2: 3127 is 03127)"
        ),
        "{}",
        run.stdout
    );
    w.tally(&["ingest", "eligible.csv", "enterprises.csv", "targets.csv"])
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
    let s = w.status_json();
    assert_eq!(s["reference"]["areas"], 7);
    assert_eq!(s["reference"]["eligible"], 7);
    let total = w.report_row(&["--org", "youth"], ",youth,total,all,");
    assert_eq!((&total[4][..], &total[8][..]), ("3", "280"));
    let em = w.report_row(&["--org", "youth"], ",youth,ethnic_minority,yes,");
    assert_eq!(&em[8], "180");
}

/// The same areas as a CSV whose codes lost their zeros, over the right areas: the
/// same units, not a file that "removes" them all (before, it was refused so, and with
/// --replace every member fell into "unknown"). A code that is not all digits is kept.
#[test]
fn a_csv_of_codes_without_their_zeros_is_the_same_areas() {
    let w = Workdir::new().with_youth_roll();
    w.write(
        "dia-ban-2027.csv",
        "DANH MỤC ĐỊA BÀN NĂM 2027;;;;;;;\n\
         Mã;Tên đơn vị;Cấp;Mã cấp trên;Vùng DTTS;Vùng tôn giáo;Nông thôn;highland\n\
         15;Lào Cai;province;;no;no;no;no\n\
         2647;Phường Lào Cai;commune;15;no;no;no;no\n\
         2680;Xã Hợp Thành;commune;15;yes;x;yes;no\n\
         2683;Xã Bát Xát;commune;15;III;;yes;yes\n\
         2686;Xã A Mú Sung;commune;15;có;không;có;yes\n\
         90001;Xã Tân Phú;commune;15;no;no;yes;no\n\
         90002;Xã Tân Phú;commune;15;no;yes;yes;no\n",
    );
    let run = w.tally(&["ingest", "dia-ban-2027.csv"]).expect(0);
    assert!(
        run.stdout
            .contains("dia-ban-2027.csv: padded 4 code(s) with leading zeros"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("dia-ban-2027.csv: areas: the same units, classified alike"),
        "{}",
        run.stdout
    );
    let total = w.report_row(&["--org", "youth"], ",youth,total,all,");
    assert_eq!((&total[4][..], &total[8][..]), ("3", "280"));
}

/// The counts and the targets that write a code without its zero find the unit, and
/// say so once with the count.
#[test]
fn counts_that_write_a_code_without_its_zero_say_so() {
    let w = Workdir::new().with_youth_roll();
    w.write(
        "so-doi-tuong.csv",
        "SỐ ĐỐI TƯỢNG NĂM 2026;;\nMã xã;Tên xã;Đoàn Thanh niên\n2647;Phường Lào Cai;110\n2680;Xã Hợp Thành;90\n",
    );
    let run = w.tally(&["ingest", "so-doi-tuong.csv"]).expect(0);
    assert!(
        run.stdout.contains(
            "so-doi-tuong.csv: read 2 unit code(s) that had lost their leading zeros with the zeros put back"
        ),
        "{}",
        run.stdout
    );
    let total = w.report_row(&["--org", "youth"], ",youth,total,all,");
    // 110 + 90 + 60 + 40.
    assert_eq!(&total[8], "300");
}

/// A roll whose commune codes lost their zeros (a column Excel turned into numbers)
/// reads each as its commune, and says so once with the count, as the reference files
/// do; its members are those of its twin with the zeros.
#[test]
fn a_roll_whose_codes_lost_their_zeros_says_so() {
    let w = Workdir::new().with_youth_roll();
    let roll = "Họ và tên;Giới tính;Năm sinh;Mã xã\nLò Văn A;Nam;2000;2647\nLò Thị B;Nữ;2001;02680\nLò Văn C;Nam;1999;2680\n";
    w.write("doan-vien.csv", roll);
    let run = w
        .tally(&[
            "ingest",
            "doan-vien.csv",
            "--org",
            "youth",
            "--as-of",
            "30/11/2026",
        ])
        .expect(0);
    assert!(
        run.stdout.contains(
            "doan-vien.csv: read 2 unit code(s) that had lost their leading zeros with the zeros put back"
        ),
        "{}",
        run.stdout
    );
    let twin = Workdir::new().with_youth_roll();
    twin.write(
        "doan-vien.csv",
        roll.replace(";2647", ";02647").replace(";2680", ";02680"),
    );
    let run = twin
        .tally(&[
            "ingest",
            "doan-vien.csv",
            "--org",
            "youth",
            "--as-of",
            "30/11/2026",
        ])
        .expect(0);
    assert!(!run.stdout.contains("leading zeros"), "{}", run.stdout);
    let report = |w: &Workdir| {
        w.tally(&[
            "report", "--period", "2026-11", "--by", "commune", "--format", "csv",
        ])
        .expect(0)
        .stdout
    };
    assert_eq!(report(&w), report(&twin));
}

/// A counts table heads the organizations by the short names offices use: Hội ND,
/// LHPN, Thanh niên, CĐ, Hội CCB. Before, "Hội ND" and "LHPN" were dropped with a
/// generic warning (exit 0) and their organizations got no counts.
#[test]
fn a_counts_table_names_organizations_by_their_short_names() {
    let w = Workdir::new().with(&["areas.csv"]);
    w.tally(&["ingest", "areas.csv"]).expect(0);
    w.write(
        "doi-tuong-2026.csv",
        "UBND TỈNH LÀO CAI;;;;;;\n\
         SỐ ĐỐI TƯỢNG NĂM 2026;;;;;;\n\
         STT;Mã xã;Tên xã;Hội ND;LHPN;Thanh niên;C.Đ;Hội CCB\n\
         1;02647;Phường Lào Cai;60;150;110;30;12\n\
         2;02680;Xã Hợp Thành;58;20;90;;9\n",
    );
    let run = w.tally(&["ingest", "doi-tuong-2026.csv"]).expect(0);
    assert!(
        run.stdout.contains(
            "read 9 count(s) from a table with a column per organization: \"Hội ND\", \"LHPN\", \"Thanh niên\", \"C.Đ\", \"Hội CCB\""
        ),
        "{}",
        run.stdout
    );
    assert!(!run.stderr.contains("ignored column"), "{}", run.stderr);
    assert_eq!(w.status_json()["reference"]["eligible"], 9);
    // Alone, the farmers' short name is a counts table too, not "not an areas file".
    w.write(
        "nd.csv",
        "SỐ ĐỐI TƯỢNG NĂM 2027\nSTT,Mã xã,Tên xã,Hội ND\n1,02647,Phường Lào Cai,61\n",
    );
    let run = w.tally(&["ingest", "nd.csv"]).expect(0);
    assert!(
        run.stdout.contains("detected as eligible"),
        "{}",
        run.stdout
    );
}

/// A column of numbers whose heading names no organization tally knows is refused
/// with the column and the names it knows (before: dropped with a warning, exit 0);
/// the store is untouched. Alone, it is refused as neither counts nor areas, with the
/// same names, instead of "not an areas file".
#[test]
fn a_counts_column_of_no_known_organization_is_refused() {
    let w = Workdir::new().with(&["areas.csv"]);
    w.tally(&["ingest", "areas.csv"]).expect(0);
    let before = w.manifest();
    w.write(
        "doi-tuong.csv",
        "SỐ ĐỐI TƯỢNG NĂM 2026;;;;;\n\
         STT;Mã xã;Tên xã;Hội Phụ nữ;Hội ND Tỉnh;Tổng số\n\
         1;02647;Phường Lào Cai;150;60;210\n\
         2;02680;Xã Hợp Thành;20;58;78\n",
    );
    let run = w.tally(&["ingest", "doi-tuong.csv"]).expect(65);
    assert!(
        run.stderr.contains(
            "doi-tuong.csv:2: the table has a column per organization, but the column(s) \"Hội ND Tỉnh\" of numbers name no organization tally knows; it knows Công đoàn (CĐ), Đoàn Thanh niên (Đoàn TN), Hội Phụ nữ (Hội LHPN), Hội Nông dân (Hội ND), Hội Cựu chiến binh (Hội CCB)"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("hint: head the column"),
        "{}",
        run.stderr
    );
    assert_eq!(w.manifest(), before);
    w.write(
        "xyz.csv",
        "SỐ ĐỐI TƯỢNG NĂM 2026\nSTT,Mã xã,Tên xã,Hội XYZ\n1,02647,Phường Lào Cai,60\n",
    );
    let run = w.tally(&["ingest", "xyz.csv"]).expect(65);
    assert!(
        run.stderr.contains(
            "xyz.csv:2: the file has a unit code and name but no column only an areas file has (level, parent_code or a classification), and its column(s) \"Hội XYZ\" name no organization tally knows"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("Hội Nông dân (Hội ND)"),
        "{}",
        run.stderr
    );
    assert_eq!(w.manifest(), before);
}

/// Twelve communes, each with two women in October; in November only the first has
/// rows: eleven units emptied. The ingest's warning and the report's note name the
/// first eight and say how many more (before: "…" alone; the JSON had all).
#[test]
fn emptied_units_beyond_the_first_eight_are_counted() {
    let w = Workdir::new();
    let mut areas = String::from("code,name,level,parent_code,ethnic_minority,religious,rural\n11,Điện Biên,province,,no,no,no\n");
    let mut october = String::from("DANH SÁCH HỘI VIÊN THÁNG 10/2026\nSTT;Họ và tên;Giới tính;Ngày sinh;Mã xã;Ngày vào Hội;Trạng thái\n");
    for i in 1..=12 {
        areas.push_str(&format!("031{i:02},Xã Bản {i},commune,11,yes,no,yes\n"));
        for j in 1..=2 {
            october.push_str(&format!(
                "{};Lò Thị Mai {i}-{j};Nữ;01/01/1990;031{i:02};01/01/2015;Đang sinh hoạt\n",
                i * 2 + j
            ));
        }
    }
    let november = "DANH SÁCH HỘI VIÊN THÁNG 11/2026\nSTT;Họ và tên;Giới tính;Ngày sinh;Mã xã;Ngày vào Hội;Trạng thái\n1;Lò Thị Mai 1-1;Nữ;01/01/1990;03101;01/01/2015;Đang sinh hoạt\n2;Lò Thị Mai 1-2;Nữ;01/01/1990;03101;01/01/2015;Đang sinh hoạt\n";
    w.write("areas.csv", areas);
    w.write("t10.csv", october);
    w.write("t11.csv", november);
    w.tally(&["ingest", "areas.csv"]).expect(0);
    let women = ["--org", "women"];
    w.tally(&[&["ingest", "t10.csv", "--as-of", "31/10/2026"][..], &women].concat())
        .expect(0);
    let run = w
        .tally(&[&["ingest", "t11.csv", "--as-of", "30/11/2026"][..], &women].concat())
        .expect(0);
    assert!(
        run.stderr.contains(
            "11 unit(s) with members in the Women's Union roll as of 2026-10-31 have no row in this one (22 member(s) then): 03102 Xã Bản 2 (2), 03103 Xã Bản 3 (2), 03104 Xã Bản 4 (2), 03105 Xã Bản 5 (2), 03106 Xã Bản 6 (2), 03107 Xã Bản 7 (2), 03108 Xã Bản 8 (2), 03109 Xã Bản 9 (2) … and 3 more: a missing sheet"
        ),
        "{}",
        run.stderr
    );
    let report = w.tally(&["report", "--period", "2026-11"]).expect(0);
    assert!(
        report.stdout.contains("03109 Xã Bản 9 … and 3 more")
            || report.stdout.contains("Xã Bản 9 … and 3 more"),
        "{}",
        report.stdout
    );
    let vi = w
        .tally(&["--lang", "vi", "report", "--period", "2026-11"])
        .expect(0);
    assert!(vi.stdout.contains("… và 3 mục khác"), "{}", vi.stdout);
}

/// A dry run of a targets file over the targets held says what it would do and stores
/// nothing (before: "replaced 4 key(s) already held").
#[test]
fn a_dry_run_says_what_it_would_replace() {
    let w = Workdir::new().with_reference();
    let before = w.manifest();
    w.write(
        "chi-tieu.csv",
        "CHỈ TIÊU TẬP HỢP ĐOÀN VIÊN, HỘI VIÊN\norg,year,scope,target_pct\nyouth,2026,*,72\nwomen,2027,*,76\n",
    );
    let run = w.tally(&["ingest", "chi-tieu.csv", "--dry-run"]).expect(0);
    assert!(
        run.stdout.contains(
            "chi-tieu.csv: targets: would add 1 key(s) of 2027; would replace 1 key(s) already held, of 2026"
        ),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("replaced"), "{}", run.stdout);
    let run = w
        .tally(&["ingest", "chi-tieu.csv", "--dry-run", "--replace"])
        .expect(0);
    assert!(
        run.stdout
            .contains("chi-tieu.csv: would replace all 5 target(s) held (--replace)"),
        "{}",
        run.stdout
    );
    // A new version of the areas (one unit no longer religious) is not put in force.
    let areas = w.read("areas.csv").replace(
        "90002,Xã Tân Phú,commune,15,no,yes,yes,no",
        "90002,Xã Tân Phú,commune,15,no,no,yes,no",
    );
    w.write("dia-ban-moi.csv", areas);
    let run = w
        .tally(&["ingest", "dia-ban-moi.csv", "--dry-run"])
        .expect(0);
    assert!(
        run.stdout.contains(
            "dia-ban-moi.csv: the new areas would be in force, the version before kept (a dry run: nothing stored)"
        ),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("in force;"), "{}", run.stdout);
    assert_eq!(w.manifest(), before);
}

/// Found by review: a table of eligible counts ingested with `--org youth --as-of
/// 31/10/2026` (the options of the month's roll) was stored for every organization it
/// names, the options passed over without a word. Refused, the store untouched.
#[test]
fn roll_options_without_a_roll_are_refused() {
    let w = Workdir::new().with_reference();
    let before = w.status_json()["ingests"].as_array().unwrap().len();
    w.write(
        "so-doi-tuong.csv",
        "SỐ ĐỐI TƯỢNG NĂM 2026\nSTT;Mã xã;Đoàn TN;Hội LHPN\n1;02647;100;150\n",
    );
    let run = w
        .tally(&[
            "ingest",
            "so-doi-tuong.csv",
            "--org",
            "youth",
            "--as-of",
            "31/10/2026",
        ])
        .expect(2);
    assert!(
        run.stderr.contains("--org and --as-of name a roll's organization and date, but no file of this command is a roll: so-doi-tuong.csv ("),
        "{}",
        run.stderr
    );
    assert_eq!(w.status_json()["ingests"].as_array().unwrap().len(), before);
}
