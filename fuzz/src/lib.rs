//! Shared set-up of the fuzz targets: a reference of areas and enterprises (the test
//! fixtures), loaded once per process.

use std::io::Cursor;
use std::sync::OnceLock;

use tally::reference::Reference;
use tally::reference::read;
use tally::rows::headers::Kind;
use tally::rows::table::Table;

const AREAS: &str = include_str!("../../tests/data/areas.csv");
const ENTERPRISES: &str = include_str!("../../tests/data/enterprises.csv");

fn table(bytes: &'static str, kind: Kind) -> Table {
    Table::from_reader(
        Box::new(Cursor::new(bytes.as_bytes())),
        "fixture",
        None,
        Some(kind),
        &tally::org::Orgs::default(),
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
            let out = read::read(&mut t, &r).expect("fixture reads");
            assert!(out.rejects.is_empty(), "fixture rows are valid");
            out.parsed.install(&mut r);
        }
        r
    })
}

/// A store holding the fixtures' areas and enterprises, made once per process, with the
/// folder it lives in.
struct DryStore {
    dir: tempfile::TempDir,
    store: tally::store::Store,
}

fn dry_store() -> &'static DryStore {
    use std::path::PathBuf;
    static STORE: OnceLock<DryStore> = OnceLock::new();
    STORE.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temp dir");
        let store = tally::store::Store::new(&dir.path().join("store"));
        let data = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data/");
        let opts = options(vec![
            PathBuf::from(format!("{data}areas.csv")),
            PathBuf::from(format!("{data}enterprises.csv")),
        ]);
        let s = tally::ingest::run(
            &store,
            &tally::ingest::Options {
                dry_run: false,
                ..opts
            },
            &tally::ingest::NoProgress,
        )
        .expect("reference ingests");
        assert!(s.committed);
        DryStore { dir, store }
    })
}

fn options(files: Vec<std::path::PathBuf>) -> tally::ingest::Options {
    tally::ingest::Options {
        files,
        kind: None,
        org: Some(tally::org::Org::Youth),
        as_of: chrono::NaiveDate::from_ymd_opt(2026, 10, 31),
        skip_invalid: true,
        dry_run: true,
        encoding: None,
        replace: false,
        wait: std::time::Duration::from_secs(5),
        rejects: None,
        sheets: Vec::new(),
        bom: false,
        codes: Default::default(),
        area: None,
        date_cells: Default::default(),
        year: None,
        orgs: tally::org::Orgs::default(),
        warnings: None,
    }
}

/// Ingests `data` as a file called `name` (its extension is only a hint: tally tells a
/// workbook by its content) in a dry run: any bytes end in a summary or a clear error,
/// never a panic, and a dry run never commits.
pub fn dry_ingest(name: &str, data: &[u8]) {
    let env = dry_store();
    let file = env.dir.path().join(name);
    std::fs::write(&file, data).expect("write the input");
    if let Ok(s) = tally::ingest::run(
        &env.store,
        &options(vec![file]),
        &tally::ingest::NoProgress,
    ) {
        assert!(!s.committed, "a dry run never commits");
    }
}
