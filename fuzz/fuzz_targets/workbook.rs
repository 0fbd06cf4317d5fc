//! The workbook source: bytes named `.xlsx` (seeded with an .xlsx, an .xls and an .ods
//! saved by LibreOffice) through the whole dry-run ingest. A damaged ZIP or OLE file, a
//! sheet past Excel's limits or cells of any type end in a clear error, never a panic,
//! and memory stays within the fuzzer's limit.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| tally_fuzz::dry_ingest("roll.xlsx", data));
