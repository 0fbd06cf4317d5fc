//! What tally says, in Vietnamese: under a Vietnamese locale or --lang vi, a rejected
//! roll explains itself (reasons, hints, the summary, the rejects file); in English
//! otherwise.

use crate::workdir::Workdir;
use std::process::Command;

const ROLL: [&str; 6] = [
    "roll_youth_bad.csv",
    "--org",
    "youth",
    "--as-of",
    "31/10/2026",
    "--rejects",
];

fn ingest_under(w: &Workdir, env: &[(&str, &str)], extra: &[&str]) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tally"));
    cmd.current_dir(&w.dir)
        .env("TALLY_STORE", w.store())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env_remove("LANG")
        .envs(env.iter().copied())
        .arg("ingest")
        .args(ROLL)
        .arg("rejects.csv")
        .args(extra);
    let out = cmd.output().expect("run tally");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_rejected_roll_explains_itself_in_vietnamese_under_a_vietnamese_locale() {
    let w = Workdir::new()
        .with_reference()
        .with(&["roll_youth_bad.csv"]);
    let (code, stdout, stderr) = ingest_under(&w, &[("LANG", "vi_VN.UTF-8")], &[]);
    assert_eq!(code, 65, "{stderr}");
    for said in [
        // The summary line.
        "roll_youth_bad.csv: sẽ lưu 2 dòng của danh sách Đoàn Thanh niên chốt ngày 31/10/2026 (lần nạp ",
        ", loại 8 dòng; utf-8, dòng tiêu đề 1, nhận ra là tệp danh sách thành viên)",
    ] {
        assert!(stdout.contains(said), "missing {said:?} in\n{stdout}");
    }
    for said in [
        "tally: bị loại: roll_youth_bad.csv:3: cột \"Số CCCD\": giá trị \"1.2E+11\": số định danh sai dạng: Excel đã ghi số ở dạng khoa học; các chữ số đã mất; cần số CCCD 12 chữ số hoặc CMND 9 chữ số (gợi ý: định dạng cột số định danh là Văn bản (Text) trong Excel rồi xuất lại)",
        "roll_youth_bad.csv:4: cột \"Mã xã\": giá trị \"77777\": mã đơn vị không có trong danh mục đơn vị hành chính (gợi ý: sửa mã, hoặc nạp tệp danh mục đơn vị có mã này)",
        "roll_youth_bad.csv:5: cột \"Ngày sinh\": giá trị \"31/02/2000\": ngày này không có: tháng đó có 29 ngày",
        "roll_youth_bad.csv:6: cột \"Ngày vào Đoàn\": giá trị \"01/12/2026\": ngày vào sau ngày chốt số liệu 31/10/2026",
        "roll_youth_bad.csv:7: cột \"Ngày ra\": giá trị \"01/01/2017\": ngày ra trước ngày vào (01/01/2018) (gợi ý: kiểm tra cả hai ngày trong danh sách)",
        "roll_youth_bad.csv:8: trùng một người đã có trong lần chốt số liệu này (cùng số định danh với roll_youth_bad.csv:2)",
        "roll_youth_bad.csv:10: cột \"Họ và tên\": không có họ tên và không có số định danh: không xác định được người này",
        "roll_youth_bad.csv:11: cột \"Số CCCD\": giá trị \"0102001234\": số định danh sai dạng: có 10 chữ số",
        "tally: cảnh báo: roll_youth_bad.csv:9: cột \"Dân tộc\": giá trị \"Klingon\": dân tộc không rõ; ghi nhận là không rõ",
        "tally: đã ghi 8 dòng bị loại vào rejects.csv",
        "tally: lỗi: 8 dòng bị loại; không lưu gì cả",
        "gợi ý: sửa các dòng đó rồi nạp lại, hoặc thêm --skip-invalid để lưu các dòng hợp lệ",
    ] {
        assert!(stderr.contains(said), "missing {said:?} in\n{stderr}");
    }
    // Nothing of what the roll's reader said is left in English.
    for english in [
        "malformed",
        "rejected",
        "hint:",
        "column \"",
        "warning:",
        "error:",
    ] {
        assert!(!stderr.contains(english), "{english:?} in\n{stderr}");
    }
    // The rejects file gives the reason and hint in Vietnamese too.
    let mut r = csv::Reader::from_path(w.dir.join("rejects.csv")).unwrap();
    let reasons: Vec<String> = r.records().map(|x| x.unwrap()[5].to_string()).collect();
    assert_eq!(reasons.len(), 8);
    assert!(
        reasons.contains(&"mã đơn vị không có trong danh mục đơn vị hành chính".to_string()),
        "{reasons:?}"
    );
}

#[test]
fn lang_overrides_the_locale_both_ways() {
    let w = Workdir::new()
        .with_reference()
        .with(&["roll_youth_bad.csv"]);
    // --lang vi on an English machine.
    let (_, _, vi) = ingest_under(&w, &[("LANG", "en_US.UTF-8")], &["--lang", "vi"]);
    assert!(vi.contains("ngày ra trước ngày vào (01/01/2018)"), "{vi}");
    // --lang en on a Vietnamese machine, and LC_ALL over LANG.
    let (_, _, en) = ingest_under(&w, &[("LANG", "vi_VN.UTF-8")], &["--lang", "en"]);
    assert!(en.contains("left before joining (2018-01-01)"), "{en}");
    let (_, _, en) = ingest_under(&w, &[("LANG", "vi_VN.UTF-8"), ("LC_ALL", "C.UTF-8")], &[]);
    assert!(
        en.contains("tally: error: 8 row(s) rejected; nothing was stored"),
        "{en}"
    );
    assert!(en.contains("hint: correct the rows"), "{en}");
}

#[test]
fn reference_rejects_status_and_drop_speak_vietnamese_too() {
    let w = Workdir::new();
    w.write(
        "areas.csv",
        "code,name,level,parent_code,ethnic_minority\n1,Tỉnh A,province,,no\n2,Xã B,commune,1,maybe\n3,Xã C,commune,9,no\n",
    );
    let run = w.tally(&["--lang", "vi", "ingest", "areas.csv"]).expect(65);
    for said in [
        "areas.csv:3: cột \"ethnic_minority\": giá trị \"maybe\": không phải giá trị có/không; cần yes/no, y/n, true/false, 1/0, x hoặc để trống, có/không",
        "areas.csv:4: cột \"parent_code\": giá trị \"9\": đơn vị cấp trên không có trong tệp (gợi ý: thêm dòng của đơn vị cấp trên",
        "tally: lỗi: 2 dòng bị loại; không lưu gì cả",
    ] {
        assert!(run.stderr.contains(said), "missing {said:?} in\n{}", run.stderr);
    }
    let w = Workdir::new().with_reference();
    let status = w.tally(&["--lang", "vi", "status"]).expect(0).stdout;
    for said in ["kho: ", "danh mục", "số dòng", "các lần nạp", "nạp lúc"] {
        assert!(status.contains(said), "missing {said:?} in\n{status}");
    }
    let id = w.status_json()["ingests"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let run = w.tally(&["--lang", "vi", "drop", &id]).expect(0);
    assert!(
        run.stdout
            .starts_with(&format!("đã xóa lần nạp {id} (danh mục ")),
        "{}",
        run.stdout
    );
    let run = w.tally(&["--lang", "vi", "drop", "nope"]).expect(65);
    assert!(
        run.stderr
            .contains("gợi ý: chạy `tally status` để xem mã các lần nạp"),
        "{}",
        run.stderr
    );
}

#[test]
fn command_line_mistakes_are_told_in_vietnamese_and_keep_exit_2() {
    let w = Workdir::new();
    let run = w
        .tally(&["--lang", "vi", "report", "--org", "nope"])
        .expect(2);
    assert!(
        run.stderr.starts_with("tally: lỗi: giá trị 'nope' không hợp lệ cho '--org <TỔ_CHỨC>': tổ chức không rõ; cần một trong: CĐ, ĐTN, HLHPN, HND hoặc HCCB"),
        "{}",
        run.stderr
    );
    let run = w
        .tally(&["--lang=vi", "report", "--format", "pdf"])
        .expect(2);
    assert!(
        run.stderr
            .contains("các giá trị có thể: table, csv, json, md, xlsx"),
        "{}",
        run.stderr
    );
    // An option with no value after it: said so, not as an empty value.
    let run = w.tally(&["--lang", "vi", "report", "--period"]).expect(2);
    assert!(
        run.stderr
            .contains("'--period <KỲ>' cần một giá trị, nhưng không có giá trị nào; các giá trị có thể: this-month"),
        "{}",
        run.stderr
    );
    let run = w.tally(&["--lang", "vi", "--store"]).expect(2);
    assert!(
        run.stderr
            .contains("'--store <THƯ_MỤC>' cần một giá trị, nhưng không có giá trị nào\n"),
        "{}",
        run.stderr
    );
    // A number's refusals, from clap and the standard library, in Vietnamese.
    for (args, said) in [
        (
            &["report", "--min-cell", "0"][..],
            "cần một số từ 1 trở lên",
        ),
        (
            &["--wait", "99999999999999999999999", "status"][..],
            "số quá lớn",
        ),
        (&["report", "--last", "121"][..], "cần một số từ 1 đến 120"),
    ] {
        let run = w.tally(&[&["--lang", "vi"][..], args].concat()).expect(2);
        assert!(run.stderr.contains(said), "{args:?}: {}", run.stderr);
    }
    // Two options that cannot go together: both named, as in English.
    let run = w
        .tally(&[
            "--lang",
            "vi",
            "report",
            "--period",
            "2026-11",
            "--as-of",
            "15/11/2026",
        ])
        .expect(2);
    assert!(
        run.stderr
            .contains("'--period <KỲ>' không dùng cùng với '--as-of <NGÀY>'"),
        "{}",
        run.stderr
    );
    // A day where a period goes: the option that takes a day is named.
    let run = w
        .tally(&["--lang", "vi", "report", "--period", "31/10/2026"])
        .expect(2);
    assert!(
        run.stderr
            .contains("đây là một ngày, không phải một kỳ: để xem thành viên vào một ngày, dùng --as-of 31/10/2026"),
        "{}",
        run.stderr
    );
    let run = w.tally(&["report", "--period", "31/10/2026"]).expect(2);
    assert!(
        run.stderr
            .contains("a day, not a period: for the members on one day use --as-of 31/10/2026"),
        "{}",
        run.stderr
    );
    let run = w.tally(&["--lang", "vi", "reprot"]).expect(2);
    assert!(
        run.stderr
            .contains("không có lệnh con 'reprot' (có phải ý bạn là 'report'?)"),
        "{}",
        run.stderr
    );
    // In English, clap's own words.
    let run = w.tally(&["report", "--org", "nope"]).expect(2);
    assert!(
        run.stderr
            .starts_with("error: invalid value 'nope' for '--org <ORG>'"),
        "{}",
        run.stderr
    );
}

/// What the commands say around their results is said in the reader's language by its
/// own message, never English put through a catalogue: a snapshot's alert and the
/// subcommands `tally man` knows.
#[test]
fn alerts_and_hints_of_the_commands_are_vietnamese_through_and_through() {
    let w = Workdir::new()
        .with_reference()
        .with(&["roll_youth_clean.csv", "roll_youth_bad.csv"]);
    w.tally(&[
        "ingest",
        "roll_youth_clean.csv",
        "--org",
        "youth",
        "--as-of",
        "31/10/2026",
    ])
    .expect(0);
    let run = w
        .tally(&[
            "--lang",
            "vi",
            "ingest",
            "roll_youth_bad.csv",
            "--org",
            "youth",
            "--as-of",
            "30/11/2026",
            "--skip-invalid",
        ])
        .expect(0);
    assert!(
        run.stderr.contains(
            "tally: cảnh báo: roll_youth_bad.csv: 2 đơn vị có thành viên trong danh sách Đoàn Thanh niên chốt ngày 31/10/2026 nhưng không có dòng nào trong danh sách này (2 thành viên khi đó)"
        ),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("unit(s)"), "{}", run.stderr);
    let run = w.tally(&["--lang", "vi", "man", "nosuch"]).expect(2);
    assert!(
        run.stderr
            .contains("gợi ý: một trong: ingest, report, status"),
        "{}",
        run.stderr
    );
}

/// A file that lacks required columns names its kind in the reader's language (the
/// English keeps the kind's code).
#[test]
fn a_file_lacking_columns_names_its_kind_in_vietnamese() {
    let w = Workdir::new();
    w.write(
        "so-doi-tuong.csv",
        "Mã đơn vị;Tên đơn vị;Năm\n02647;Phường Lào Cai;2026\n",
    );
    let args = ["ingest", "so-doi-tuong.csv", "--kind", "eligible"];
    let vi = w.tally(&[&["--lang", "vi"], &args[..]].concat()).expect(65);
    assert!(
        vi.stderr
            .contains("so-doi-tuong.csv:1: tệp số đối tượng thiếu cột bắt buộc"),
        "{}",
        vi.stderr
    );
    assert!(
        vi.stderr
            .contains("các cột của tệp số đối tượng là: Mã xã, Tên xã, Tổ chức"),
        "{}",
        vi.stderr
    );
    let en = w.tally(&[&["--lang", "en"], &args[..]].concat()).expect(65);
    assert!(
        en.stderr
            .contains("so-doi-tuong.csv:1: the eligible file lacks required column(s)"),
        "{}",
        en.stderr
    );
}
