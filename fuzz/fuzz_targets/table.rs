//! Header detection, delimiter sniffing and row streaming on any bytes: an error is
//! fine, a panic is not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::io::Cursor;
use tally::rows::table::Table;

fuzz_target!(|data: &[u8]| {
    let orgs = tally::org::Orgs::default();
    let Ok(mut t) = Table::from_reader(
        Box::new(Cursor::new(data.to_vec())),
        "fuzz",
        None,
        None,
        &orgs,
    ) else {
        return;
    };
    assert!(t.mapping.missing().is_empty());
    let mut last = t.header_line;
    while let Ok(Some(row)) = t.next_row() {
        assert!(row.line > last, "line numbers go forward");
        last = row.line;
    }
});
