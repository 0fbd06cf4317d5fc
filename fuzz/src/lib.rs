//! Shared set-up of the fuzz targets: a reference of areas and enterprises (the test
//! fixtures), loaded once per process.

use std::io::Cursor;
use std::sync::OnceLock;

use tally::ingest::headers::Kind;
use tally::ingest::reference;
use tally::ingest::table::Table;
use tally::reference::Reference;

const AREAS: &str = include_str!("../../tests/data/areas.csv");
const ENTERPRISES: &str = include_str!("../../tests/data/enterprises.csv");

fn table(bytes: &'static str, kind: Kind) -> Table {
    Table::from_reader(
        Box::new(Cursor::new(bytes.as_bytes())),
        "fixture",
        None,
        Some(kind),
    )
    .expect("fixture opens")
}

/// The fixtures' areas and enterprises, as an ingest would hold them.
pub fn reference() -> &'static Reference {
    static REF: OnceLock<Reference> = OnceLock::new();
    REF.get_or_init(|| {
        let mut r = Reference::default();
        for (bytes, kind) in [(AREAS, Kind::Areas), (ENTERPRISES, Kind::Enterprises)] {
            let mut t = table(bytes, kind);
            let out = reference::read(&mut t, &r).expect("fixture reads");
            assert!(out.rejects.is_empty(), "fixture rows are valid");
            out.parsed.install(&mut r);
        }
        r
    })
}
