//! Property tests (proptest) of the library: normalization is idempotent, NFC and NFD
//! inputs give the same stored values, dates round-trip through every accepted layout,
//! and the person key does not depend on how an ID number is written.

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use std::io::Cursor;
use unicode_normalization::UnicodeNormalization;

use tally::member::{self, Member, RollContext};
use tally::org::Org;
use tally::reference::read;
use tally::reference::Reference;
use tally::rows::headers::{Kind, Mapping};
use tally::rows::table::{Row, Table};
use tally::store::privacy::Secret;
use tally::text;
use tally::value;

/// Every lower- and upper-case Vietnamese letter with its tone marks, and plain ASCII.
const LETTERS: &str = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵAÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴ";

fn vietnamese_text() -> impl Strategy<Value = String> {
    let letters: Vec<char> = LETTERS.chars().collect();
    let word = prop::collection::vec(prop::sample::select(letters), 1..8)
        .prop_map(|cs| cs.into_iter().collect::<String>());
    prop::collection::vec(word, 1..5).prop_map(|ws| ws.join(" "))
}

fn any_date() -> impl Strategy<Value = NaiveDate> {
    (1900i32..=2100, 1u32..=12, 1u32..=31)
        .prop_filter_map("a real day", |(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
}

fn fixture_reference() -> Reference {
    let mut r = Reference::default();
    for (file, kind) in [
        ("tests/data/areas.csv", Kind::Areas),
        ("tests/data/enterprises.csv", Kind::Enterprises),
    ] {
        let bytes = std::fs::read(file).expect("fixture");
        let orgs = tally::org::Orgs::default();
        let mut t = Table::from_reader(Box::new(Cursor::new(bytes)), file, None, Some(kind), &orgs)
            .expect("fixture opens");
        let out = read::read(&mut t, &r).expect("fixture reads");
        out.parsed.install(&mut r);
    }
    r
}

const ROLL_HEADER: [&str; 9] = [
    "Họ và tên",
    "Số CCCD",
    "Ngày sinh",
    "Giới tính",
    "Dân tộc",
    "Tôn giáo",
    "Tên xã",
    "Ngày vào Đoàn",
    "Trạng thái",
];

/// Parses one roll row (cells in `ROLL_HEADER` order) against the fixture reference.
fn parse_row(reference: &Reference, secret: &Secret, cells: &[String]) -> Member {
    let headers: Vec<String> = ROLL_HEADER.iter().map(|h| h.to_string()).collect();
    let mapping = Mapping::build(Kind::Roll, &headers, &reference.orgs);
    let ctx = RollContext {
        file: "prop.csv",
        mapping: &mapping,
        reference,
        secret,
        org: Some(Org::Youth),
        as_of: NaiveDate::from_ymd_opt(2026, 10, 31),
        codes: Default::default(),
        lookups: Default::default(),
        unit: None,
        sheet: false,
        comma: true,
    };
    let row = Row::new(2, cells);
    match member::parse(&ctx, &row).member {
        Ok(m) => m,
        Err(p) => panic!("row {cells:?} rejected: {} ({:?})", p.reason, p.column),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn normalization_is_idempotent(s in any::<String>()) {
        let c = text::clean(&s);
        prop_assert_eq!(text::clean(&c), c.clone());
        let f = text::fold(&s);
        prop_assert_eq!(text::fold(&f), f.clone());
        let k = text::name_key(&s);
        prop_assert_eq!(text::name_key(&k), k.clone());
    }

    #[test]
    fn nfc_and_nfd_normalize_alike(s in vietnamese_text()) {
        let nfc: String = s.nfc().collect();
        let nfd: String = s.nfd().collect();
        prop_assert_eq!(text::clean(&nfc), text::clean(&nfd));
        prop_assert_eq!(text::fold(&nfc), text::fold(&nfd));
        prop_assert_eq!(text::name_key(&nfc), text::name_key(&nfd));
    }

    #[test]
    fn dates_round_trip_in_every_layout(d in any_date()) {
        let (y, m, day) = (d.year(), d.month(), d.day());
        for raw in [
            format!("{day:02}/{m:02}/{y}"),
            format!("{day}/{m}/{y}"),
            format!("{day:02}-{m:02}-{y}"),
            format!("{day:02}.{m:02}.{y}"),
            format!("{y}-{m:02}-{day:02}"),
            format!(" {day:02}/{m:02}/{y} 00:00:00 "),
            format!("{y}-{m:02}-{day:02}T00:00:00"),
        ] {
            prop_assert_eq!(value::parse_date(&raw, 2026), Ok(d), "{}", raw);
        }
        // Excel's serial numbers (five digits: 1927-05-18 to 2173-10-14).
        let serial = (d - NaiveDate::from_ymd_opt(1899, 12, 30).unwrap()).num_days();
        if (10_000..100_000).contains(&serial) {
            prop_assert_eq!(value::parse_date(&serial.to_string(), 2026), Ok(d));
        }
        // Two-digit years within the pivot's century.
        if (1927..=2026).contains(&y) {
            let raw = format!("{day:02}/{m:02}/{:02}", y % 100);
            prop_assert_eq!(value::parse_date(&raw, 2026), Ok(d), "{}", raw);
        }
    }
}

proptest! {
    // Each case parses whole rows; fewer cases keep the suite fast.
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn nfc_and_nfd_rows_store_the_same_member(
        name in vietnamese_text(),
        with_id in any::<bool>(),
        area in prop::sample::select(vec!["Xã Hợp Thành", "Phường Lào Cai", "Xã Bát Xát"]),
        ethnicity in prop::sample::select(vec!["Kinh", "Thái", "H'Mông", "Dao", "Tày", "Giáy"]),
        religion in prop::sample::select(vec!["Không", "Công giáo", "Phật giáo", "Tin lành"]),
        status in prop::sample::select(vec!["Đang sinh hoạt", "Đã ra", "Chuyển sinh hoạt"]),
    ) {
        let reference = fixture_reference();
        let secret = Secret::from_bytes(&[3u8; 32]).unwrap();
        let id = if with_id { "001200012345" } else { "" };
        let row = [
            name.as_str(), id, "15/03/2000", "Nữ", ethnicity, religion, area, "01/01/2018",
            status,
        ];
        let nfc: Vec<String> = row.iter().map(|c| c.nfc().collect()).collect();
        let nfd: Vec<String> = row.iter().map(|c| c.nfd().collect()).collect();
        let a = parse_row(&reference, &secret, &nfc);
        let b = parse_row(&reference, &secret, &nfd);
        prop_assert_eq!(a, b);
    }

    #[test]
    fn person_key_ignores_how_the_id_is_written(
        digits in "0(0[1-9]|[1-8][0-9]|9[0-6])[23][0-9]{8}",
        spaced in any::<bool>(),
        quoted in any::<bool>(),
        pad in "[ \t]{0,2}",
    ) {
        let reference = fixture_reference();
        let secret = Secret::from_bytes(&[9u8; 32]).unwrap();
        let mut written = digits.clone();
        if spaced {
            written = format!("{} {} {}", &digits[..3], &digits[3..6], &digits[6..]);
        }
        if quoted {
            written = format!("'{written}");
        }
        written = format!("{pad}{written}{pad}");
        let row = |id: &str, name: &str| -> Vec<String> {
            [name, id, "", "", "Kinh", "Không", "Xã Bát Xát", "", "Đang sinh hoạt"]
                .iter()
                .map(|c| c.to_string())
                .collect()
        };
        let plain = parse_row(&reference, &secret, &row(&digits, "Nguyễn Văn An"));
        let other = parse_row(&reference, &secret, &row(&written, "Nguyen Van An"));
        prop_assert!(plain.has_national_id);
        prop_assert_eq!(plain.person, other.person);
        // The same secret, reloaded, gives the same key; another secret does not.
        let reloaded = Secret::from_bytes(&[9u8; 32]).unwrap();
        prop_assert_eq!(
            parse_row(&reference, &reloaded, &row(&digits, "An")).person,
            plain.person
        );
        let other_secret = Secret::from_bytes(&[10u8; 32]).unwrap();
        prop_assert_ne!(
            parse_row(&reference, &other_secret, &row(&digits, "An")).person,
            plain.person
        );
    }
}
