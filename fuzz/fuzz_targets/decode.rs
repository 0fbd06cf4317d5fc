//! The decoder: detection on any bytes, then every forced encoding. Must never panic,
//! and what it returns must be UTF-8 (the reader hands the CSV parser text).
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::io::{Cursor, Read};
use tally::rows::decode::{self, Encoding};

fuzz_target!(|data: &[u8]| {
    let forced = [
        None,
        Some(Encoding::Utf8),
        Some(Encoding::Utf8DoubleEncoded),
        Some(Encoding::Utf16Le),
        Some(Encoding::Utf16Be),
        Some(Encoding::Windows1258),
        Some(Encoding::Tcvn3),
        Some(Encoding::Vni),
    ];
    for enc in forced {
        let Ok(d) = decode::open(Box::new(Cursor::new(data.to_vec())), enc) else {
            continue;
        };
        let mut out = Vec::new();
        let mut reader = d.reader;
        if reader.read_to_end(&mut out).is_ok() {
            // Transcoded output is always valid UTF-8. UTF-8 input (plain or repaired)
            // passes invalid bytes through for the CSV reader to report with their line,
            // so there the output is valid whenever the input was.
            let passes_through = matches!(d.encoding, Encoding::Utf8 | Encoding::Utf8DoubleEncoded);
            if !passes_through || std::str::from_utf8(data).is_ok() {
                assert!(
                    std::str::from_utf8(&out).is_ok(),
                    "{enc:?} gave invalid UTF-8"
                );
            }
        }
    }
});
