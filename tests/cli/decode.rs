//! Real-world encodings and shapes: each ingests with its clean twin's row count.

use crate::workdir::Workdir;
use unicode_normalization::UnicodeNormalization;

const CLEAN: &str = "Họ và tên,Dân tộc,Tôn giáo,Xã/Phường,Ngày vào Hội\nLò Thị Hoà,Thái,Không,Xã Hợp Thành,01/01/2010\nVàng Thị Sợi,Mông,Tin lành,Xã Bát Xát,01/01/2011\nNguyễn Thị Thuý,Kinh,Phật giáo,Phường Lào Cai,01/01/2012\n";

fn ingest_women(w: &Workdir, file: &str, extra: &[&str]) -> crate::workdir::Run {
    let mut args = vec!["ingest", file, "--org", "women", "--as-of", "31/10/2026"];
    args.extend_from_slice(extra);
    w.tally(&args)
}

fn stored_without_warnings(w: &Workdir, file: &str, bytes: Vec<u8>, encoding: &str) {
    w.write(file, bytes);
    let run = ingest_women(w, file, &[]).expect(0);
    assert!(run.stdout.contains("stored 3 row(s)"), "{}", run.stdout);
    assert!(run.stdout.contains(encoding), "{encoding}: {}", run.stdout);
    // Names of ethnic groups and religions decoded right: no unknown-value warnings.
    assert!(!run.stderr.contains("unknown"), "{}", run.stderr);
}

#[test]
fn utf16_le_with_bom_and_tabs_as_excel_saves_unicode_text() {
    let w = Workdir::new().with_reference();
    let text = CLEAN.replace(',', "\t").replace('\n', "\r\n");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    stored_without_warnings(&w, "u16.csv", bytes, "utf-16le");
}

#[test]
fn utf8_with_bom_and_nfd_text() {
    let w = Workdir::new().with_reference();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(CLEAN.nfd().collect::<String>().into_bytes());
    stored_without_warnings(&w, "nfd.csv", bytes, "utf-8");
}

/// Windows-1258 as Excel on Vietnamese Windows writes it: tone marks as combining
/// bytes, semicolons, a title row.
#[test]
fn windows_1258_with_semicolons_and_a_title_row() {
    let w = Workdir::new().with_reference();
    let text = format!("DANH SÁCH HỘI VIÊN;;;;\n{}", CLEAN.replace(',', ";"));
    let tone = |c: char| matches!(c, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}');
    let mut split = String::new();
    for c in text.chars() {
        let (_, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&c.to_string());
        if !unmappable {
            split.push(c);
            continue;
        }
        let nfd: String = c.to_string().nfd().collect();
        split.extend(nfd.chars().filter(|c| !tone(*c)).collect::<String>().nfc());
        split.extend(nfd.chars().filter(|c| tone(*c)));
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&split);
    assert!(!unmappable);
    stored_without_warnings(&w, "cp1258.csv", bytes.into_owned(), "windows-1258");
}

#[test]
fn tcvn3_from_an_old_vntime_file() {
    let w = Workdir::new().with_reference();
    // "Họ và tên,Dân tộc,Tôn giáo,Xã/Phường,Ngày vào Hội" and three rows, in TCVN3.
    let bytes: Vec<u8> = [
        &b"H\xe4 v\xb5 t\xaan,D\xa9n t\xe9c,T\xabn gi\xb8o,X\xb7/Ph\xad\xeang,Ng\xb5y v\xb5o H\xe9i\n"[..],
        &b"L\xdf Th\xde Ho\xb5,Th\xb8i,Kh\xabng,X\xb7 H\xeep Th\xb5nh,01/01/2010\n"[..],
        &b"V\xb5ng Th\xde S\xee i,M\xabng,Tin l\xb5nh,X\xb7 B\xb8t X\xb8t,01/01/2011\n"[..],
        &b"Nguy\xd4n Th\xde Thu\xfd,Kinh,Ph\xb9t gi\xb8o,Ph\xad\xeang L\xb5o Cai,01/01/2012\n"[..],
    ]
    .concat();
    stored_without_warnings(&w, "tcvn3.csv", bytes, "tcvn3");
}

#[test]
fn vni_windows() {
    let w = Workdir::new().with_reference();
    let bytes: Vec<u8> = [
        &b"Ho\xef va\xf8 te\xe2n,Da\xe2n to\xe4c,To\xe2n gia\xf9o,Xa\xf5/Ph\xf6\xf4\xf8ng,Nga\xf8y va\xf8o Ho\xe4i\n"[..],
        &b"Lo\xf8 Th\xf2 Ho\xf8a,Tha\xf9i,Kho\xe2ng,Xa\xf5 H\xf4\xefp Tha\xf8nh,01/01/2010\n"[..],
        &b"Va\xf8ng Th\xf2 S\xf4\xefi,Mo\xe2ng,Tin la\xf8nh,Xa\xf5 Ba\xf9t Xa\xf9t,01/01/2011\n"[..],
        &b"Nguye\xe3n Th\xf2 Thu\xf9y,Kinh,Pha\xe4t gia\xf9o,Ph\xf6\xf4\xf8ng La\xf8o Cai,01/01/2012\n"[..],
    ]
    .concat();
    stored_without_warnings(&w, "vni.csv", bytes, "vni");
}

/// One bad byte in a small UTF-8 roll (a stray byte from a copy and paste) is that:
/// the line is named and nothing is stored. Read as TCVN3, every religion and ethnic
/// group of the file would have been unknown.
#[test]
fn one_bad_byte_in_utf8_is_invalid_utf8_at_its_line_not_a_legacy_encoding() {
    let w = Workdir::new().with_reference();
    let mut bytes = CLEAN.as_bytes().to_vec();
    let line3 = CLEAN.match_indices('\n').nth(1).unwrap().0 + 1;
    bytes.insert(line3 + 4, 0xFF);
    w.write("bad-byte.csv", bytes);
    let run = ingest_women(&w, "bad-byte.csv", &[]).expect(65);
    assert!(
        run.stderr.contains("bad-byte.csv:3: invalid UTF-8"),
        "{}",
        run.stderr
    );
    assert!(!run.stdout.contains("tcvn3"), "{}", run.stdout);
    assert_eq!(w.snapshot_rows("women"), None);
}

#[test]
fn forced_encoding_overrides_detection() {
    let w = Workdir::new().with_reference();
    w.write("plain.csv", CLEAN);
    let run = ingest_women(&w, "plain.csv", &["--encoding", "utf-8"]).expect(0);
    assert!(run.stdout.contains("stored 3 row(s)"), "{}", run.stdout);
}

/// Found by a new analyst's year: a CSV opened in LibreOffice as "ANSI" and saved as
/// UTF-8 keeps each byte Windows-1252 leaves undefined (0x8D of `Họ`) as U+F100 + the
/// byte: it read as "no header row". Now repaired as Excel's round trip is.
#[test]
fn utf8_read_as_ansi_by_libreoffice_is_repaired() {
    let w = Workdir::new().with_reference();
    let once: String = (CLEAN.bytes())
        .map(|b| match b {
            0x81 | 0x8D | 0x8F | 0x90 | 0x9D => char::from_u32(0xF100 + u32::from(b)).unwrap(),
            _ => encoding_rs::WINDOWS_1252
                .decode(&[b])
                .0
                .chars()
                .next()
                .unwrap(),
        })
        .collect();
    assert!(
        once.contains('\u{F18D}'),
        "the sample has an undefined byte"
    );
    stored_without_warnings(
        &w,
        "ansi.csv",
        once.into_bytes(),
        "double-encoded, repaired",
    );
}

#[test]
fn double_encoded_utf8_is_repaired() {
    let w = Workdir::new().with_reference();
    let (once, _, _) = encoding_rs::WINDOWS_1252.decode(CLEAN.as_bytes());
    stored_without_warnings(
        &w,
        "moji.csv",
        once.into_owned().into_bytes(),
        "double-encoded, repaired",
    );
}

#[test]
fn shapes_cr_line_ends_quoted_newlines_pipes_trailing_columns() {
    let w = Workdir::new().with_reference();
    // Old Mac line ends.
    stored_without_warnings(
        &w,
        "cr.csv",
        CLEAN.replace('\n', "\r").into_bytes(),
        "utf-8",
    );
    let w = Workdir::new().with_reference();
    // Pipes, trailing empty columns, a quoted field with a newline inside.
    let piped = "Họ và tên|Dân tộc|Tôn giáo|Xã/Phường|Ngày vào Hội||\n\"Lò Thị\nHoà\"|Thái|Không|Xã Hợp Thành|01/01/2010||\nVàng Thị Sợi|Mông|Tin lành|Xã Bát Xát|01/01/2011||\nNguyễn Thị Thuý|Kinh|Phật giáo|Phường Lào Cai|01/01/2012||\n";
    stored_without_warnings(&w, "pipe.csv", piped.as_bytes().to_vec(), "'|'-separated");
    let w = Workdir::new().with_reference();
    let be: Vec<u8> = CLEAN.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
    stored_without_warnings(&w, "u16be.csv", be, "utf-16be");
}

/// Found by the `table` fuzz target: a file with lone CR line ends (Excel's "CSV
/// (Macintosh)") was read, but every row was reported as line 1.
#[test]
fn lone_cr_line_ends_keep_their_line_numbers() {
    let w = Workdir::new().with_reference();
    stored_without_warnings(
        &w,
        "mac.csv",
        CLEAN.replace('\n', "\r").into_bytes(),
        "utf-8",
    );
    let bad = CLEAN
        .replace("Xã Bát Xát", "Xã Không Có")
        .replace('\n', "\r");
    w.write("mac_bad.csv", bad);
    let run = ingest_women(&w, "mac_bad.csv", &[]).expect(65);
    assert!(run.stderr.contains("mac_bad.csv:3:"), "{}", run.stderr);
}

/// Legacy encodings checked against bytes written out by hand from the published code
/// table (TCVN 5712 VN3 and VNI columns): ê = AA / "e"+E2, ị = DE / F2, ằ = BB /
/// "a"+E8, ầ = C7 / "a"+E0, ă = A8 / "a"+EA, ả = B6 / "a"+FB. The rows are rejected
/// (unknown unit), so the names come back through the rejects file, where they are
/// compared exactly: an accent-insensitive match could not hide a wrong tone here.
#[test]
fn legacy_names_decode_exactly_as_the_code_tables_say() {
    let w = Workdir::new().with_reference();
    let tcvn3: &[u8] =
        b"full_name,area_code\nL\xaa Th\xde H\xbbng,99999\nTr\xc7n V\xa8n H\xb6i,99998\n";
    let vni: &[u8] =
        b"full_name,area_code\nLe\xe2 Th\xf2 Ha\xe8ng,99999\nTra\xe0n Va\xean Ha\xfbi,99998\n";
    for (file, bytes, encoding) in [("t3.csv", tcvn3, "tcvn3"), ("vni.csv", vni, "vni")] {
        w.write(file, bytes);
        // Told the encoding, and left to detect it: the same names.
        for forced in [true, false] {
            let mut args = vec![
                "ingest",
                file,
                "--org",
                "youth",
                "--as-of",
                "31/10/2026",
                "--rejects",
                "r.csv",
            ];
            if forced {
                args.extend(["--encoding", encoding]);
            }
            let run = w.tally(&args).expect(65);
            assert!(
                run.stdout.contains(&format!("({encoding},")),
                "{encoding}: {}",
                run.stdout
            );
            let names: Vec<String> = csv::Reader::from_path(w.dir.join("r.csv"))
                .unwrap()
                .records()
                .map(|r| r.unwrap()[7].to_string())
                .collect();
            assert_eq!(
                names,
                ["Lê Thị Hằng", "Trần Văn Hải"],
                "{encoding}, forced: {forced}"
            );
        }
    }
}
