//! The roll row parser: a fixed Vietnamese header, then any bytes as rows, each parsed
//! against the fixture reference. Every row is either a member or a reject with a
//! reason; a member never holds a name or an ID number.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::io::{Cursor, Read};
use tally::member::{self, RollContext};
use tally::rows::headers::Kind;
use tally::rows::table::Table;
use tally::store::privacy::Secret;

const HEADER: &str = "STT,Mã đoàn viên,Họ và tên,Số CCCD,Ngày sinh,Giới tính,Dân tộc,Tôn giáo,Mã xã,Mã số thuế,Ngày vào Đoàn,Ngày ra,Trạng thái,Tổ chức,Ngày chốt số liệu\n";

fuzz_target!(|data: &[u8]| {
    let input = Cursor::new(HEADER.as_bytes().to_vec()).chain(Cursor::new(data.to_vec()));
    let Ok(mut t) = Table::from_reader(
        Box::new(input),
        "fuzz",
        Some(tally::rows::decode::Encoding::Utf8),
        Some(Kind::Roll),
        &tally::org::Orgs::default(),
    ) else {
        return;
    };
    let secret = Secret::from_bytes(&[7u8; 32]).expect("a 32-byte secret");
    let mapping = t.mapping.clone();
    let ctx = RollContext {
        file: "fuzz",
        mapping: &mapping,
        reference: tally_fuzz::reference(),
        secret: &secret,
        org: None,
        as_of: None,
        codes: Default::default(),
        lookups: Default::default(),
        unit: None,
        sheet: false,
        comma: true,
    };
    while let Ok(Some(row)) = t.next_row() {
        let parsed = member::parse(&ctx, &row);
        match parsed.member {
            Ok(m) => {
                assert!(tally_fuzz::reference().areas.get(&m.area_code).is_some());
                if let (Some(j), Some(l)) = (m.joined_on, m.left_on) {
                    assert!(j <= l, "joined after leaving");
                }
            }
            Err(p) => assert!(!p.reason.en().is_empty()),
        }
    }
});
