//! Whole-file ingest (dry run) into a store that holds the fixture reference: any file
//! ends in a summary or a clear error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| tally_fuzz::dry_ingest("roll.csv", data));
