//! The cell parsers: dates, birth dates, national IDs, counts, percentages, booleans,
//! sex and status, and the text normalizers, on any string.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tally::value;
use tally::text;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(d) = value::parse_date(s, 2026) {
        // A parsed date written back day-first parses to itself.
        let again = d.format("%d/%m/%Y").to_string();
        assert_eq!(value::parse_date(&again, 2026).ok(), Some(d), "{s:?}");
    }
    let _ = value::day_first_evidence(s);
    let birth = value::parse_birth(s, 2026).ok();
    let sex = value::parse_sex(s).ok().flatten();
    if let Ok(id) = value::parse_national_id(s, birth, sex) {
        let _ = value::cccd_disagreements(&id.digits, birth, sex);
    }
    let _ = value::parse_count(s);
    let _ = value::parse_pct(s);
    let _ = value::parse_bool(s);
    let _ = value::parse_status(s);
    let _ = value::is_scientific(s);
    let c = text::clean(s);
    assert_eq!(text::clean(&c), c, "clean is idempotent");
    let f = text::fold(s);
    assert_eq!(text::fold(&f), f, "fold is idempotent");
    let k = text::name_key(s);
    assert_eq!(text::name_key(&k), k, "name_key is idempotent");
    let _ = text::defuse(s);
});
