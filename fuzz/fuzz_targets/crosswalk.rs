//! The built-in 2025 crosswalk and unit names: any text as a code or a name never
//! panics, and what comes back keeps the crosswalk's invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tally::reference::crosswalk;
use tally::reference::unit_name::UnitName;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let c = crosswalk::builtin();
    if let Some(u) = c.by_code(text) {
        // A code found is five digits, and a whole merge has exactly one commune of today.
        assert_eq!(u.code.len(), 5);
        assert_eq!(u.became().is_some(), !u.split && u.new.len() == 1);
    }
    let asked = UnitName::parse(text);
    for u in c.by_name(text, |_| true) {
        // A name with its type finds only units of that type.
        if let Some(kind) = asked.kind {
            assert_eq!(UnitName::parse(&u.name).kind, Some(kind), "{text:?} found {}", u.name);
        }
    }
});
