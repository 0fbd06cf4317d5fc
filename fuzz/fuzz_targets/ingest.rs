//! Whole-file ingest (dry run) into a store that holds the fixture reference: any file
//! ends in a summary or a clear error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;
use tally::ingest::{self, Options};
use tally::store::Store;

struct Env {
    _dir: tempfile::TempDir,
    store: Store,
    file: PathBuf,
}

fn env() -> &'static Env {
    static ENV: OnceLock<Env> = OnceLock::new();
    ENV.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temp dir");
        let store = Store::new(&dir.path().join("store"));
        let data = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data/");
        let opts = options(vec![
            PathBuf::from(format!("{data}areas.csv")),
            PathBuf::from(format!("{data}enterprises.csv")),
        ]);
        let s = ingest::run(
            &store,
            &Options {
                dry_run: false,
                ..opts
            },
            &ingest::NoProgress,
        )
        .expect("reference ingests");
        assert!(s.committed);
        let file = dir.path().join("roll.csv");
        Env {
            _dir: dir,
            store,
            file,
        }
    })
}

fn options(files: Vec<PathBuf>) -> Options {
    Options {
        files,
        kind: None,
        org: Some(tally::org::Org::Youth),
        as_of: chrono::NaiveDate::from_ymd_opt(2026, 10, 31),
        skip_invalid: true,
        dry_run: true,
        encoding: None,
        replace: false,
        wait: Duration::from_secs(5),
        rejects: None,
        sheets: Vec::new(),
        bom: false,
        codes: Default::default(),
    }
}

fuzz_target!(|data: &[u8]| {
    let env = env();
    std::fs::write(&env.file, data).expect("write the input");
    if let Ok(s) = ingest::run(
        &env.store,
        &options(vec![env.file.clone()]),
        &ingest::NoProgress,
    ) {
        assert!(!s.committed, "a dry run never commits");
    }
});
