//! No name and no ID number reaches the store; every store file is owner-only.

use crate::workdir::Workdir;

#[test]
fn no_name_or_id_number_in_any_store_file() {
    let w = Workdir::new().with_youth_roll();
    let secrets = [
        "Nguyễn Văn An",
        "Nguyễn",
        "Lò Thị Hoà",
        "Hoà",
        "Giàng A Páo",
        "Páo",
        "Sùng Thị Mai",
        "Thuý",
        "010200123456",
        "010301234567",
        "010199012345",
        "DV001",
        "DV004",
    ];
    let files = w.store_files();
    assert!(files
        .iter()
        .any(|f| f.extension().is_some_and(|e| e == "parquet")));
    for f in files.iter().filter(|f| f.is_file()) {
        let bytes = std::fs::read(f).unwrap();
        for s in secrets {
            for form in [
                s.to_string(),
                unicode_normalization::UnicodeNormalization::nfd(s).collect::<String>(),
            ] {
                assert!(
                    !bytes.windows(form.len()).any(|win| win == form.as_bytes()),
                    "{s:?} found in {}",
                    f.display()
                );
            }
        }
    }
}

#[cfg(unix)]
#[test]
fn store_files_are_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let w = Workdir::new().with_youth_roll();
    let mut all = w.store_files();
    all.push(w.store());
    for f in all {
        let mode = std::fs::metadata(&f).unwrap().permissions().mode() & 0o777;
        let want = if f.is_dir() { 0o700 } else { 0o600 };
        assert_eq!(mode, want, "{} has mode {mode:o}", f.display());
    }
    let secret = std::fs::read(w.store().join("secret")).unwrap();
    assert_eq!(secret.len(), 32);
}

#[test]
fn the_same_person_gets_the_same_key_in_a_store_and_another_key_elsewhere() {
    let a = Workdir::new().with_reference();
    a.write(
        "r.csv",
        "Họ và tên,Số CCCD,Mã xã\nA Văn B,010200000001,02647\n",
    );
    a.tally(&["ingest", "r.csv", "--org", "youth", "--as-of", "31/10/2026"])
        .expect(0);
    a.tally(&["ingest", "r.csv", "--org", "union", "--as-of", "31/10/2026"])
        .expect(0);
    let keys = |w: &Workdir| -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        for f in w
            .store_files()
            .into_iter()
            .filter(|p| p.to_string_lossy().contains("rolls") && p.is_file())
        {
            let file = std::fs::File::open(f).unwrap();
            use polars::prelude::SerReader;
            let df = polars::prelude::ParquetReader::new(file).finish().unwrap();
            let col = df.column("person").unwrap().binary().unwrap().clone();
            out.extend(col.iter().map(|v| v.unwrap().to_vec()));
        }
        out
    };
    let ka = keys(&a);
    assert_eq!(ka.len(), 2);
    assert_eq!(ka[0], ka[1]);
    let b = Workdir::new().with_reference();
    b.write(
        "r.csv",
        "Họ và tên,Số CCCD,Mã xã\nA Văn B,010200000001,02647\n",
    );
    b.tally(&["ingest", "r.csv", "--org", "youth", "--as-of", "31/10/2026"])
        .expect(0);
    assert_ne!(keys(&b)[0], ka[0]);
}
