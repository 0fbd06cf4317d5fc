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
    // The union's own export of the same person (one export is one snapshot).
    a.write(
        "r-union.csv",
        "Họ tên,CCCD,Mã xã\nA Văn B,010200000001,02647\n",
    );
    a.tally(&[
        "ingest",
        "r-union.csv",
        "--org",
        "union",
        "--as-of",
        "31/10/2026",
    ])
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

/// Every value of every column of every part, decoded: text as is, numbers as digits,
/// binary as its length (keys must be 16-byte hashes, never raw IDs).
fn decoded_values(part: &std::path::Path) -> Vec<(String, String)> {
    use polars::prelude::*;
    let df = ParquetReader::new(std::fs::File::open(part).unwrap())
        .finish()
        .unwrap();
    let mut out = Vec::new();
    for col in df.columns() {
        let name = col.name().to_string();
        match col.dtype() {
            DataType::String => {
                for v in col.str().unwrap().iter().flatten() {
                    out.push((name.clone(), v.to_string()));
                }
            }
            DataType::Binary => {
                for v in col.binary().unwrap().iter().flatten() {
                    assert_eq!(
                        v.len(),
                        16,
                        "{name} in {} holds {} bytes",
                        part.display(),
                        v.len()
                    );
                    out.push((name.clone(), String::from_utf8_lossy(v).into_owned()));
                }
            }
            _ => {
                let c = col.cast(&DataType::String).unwrap();
                for v in c.str().unwrap().iter().flatten() {
                    out.push((name.clone(), v.to_string()));
                }
            }
        }
    }
    out
}

/// The names and ID numbers of the fixture roll, in the forms they could be stored in.
fn leaks(values: &[(String, String)]) -> Vec<String> {
    let people = ["Nguyễn Văn An", "Lò Thị Hoà", "Giàng A Páo", "Sùng Thị Mai"];
    let ids = [
        "010200123456",
        "010301234567",
        "010199012345",
        "DV001",
        "DV004",
    ];
    let fold = |s: &str| {
        unicode_normalization::UnicodeNormalization::nfc(s)
            .collect::<String>()
            .to_lowercase()
    };
    let mut found = Vec::new();
    for (col, v) in values {
        let v = fold(v);
        for p in people {
            for word in p.split(' ').filter(|w| w.chars().count() > 2) {
                if v.contains(&fold(word)) {
                    found.push(format!("{col}: {v:?} has {word:?}"));
                }
            }
        }
        for id in ids {
            let digits = id.trim_start_matches('0').to_lowercase();
            if v.contains(&id.to_lowercase()) || (digits.len() > 5 && v.contains(&digits)) {
                found.push(format!("{col}: {v:?} has {id:?}"));
            }
        }
    }
    found
}

#[test]
fn no_name_or_id_in_any_decoded_value_of_any_part() {
    let w = Workdir::new().with_youth_roll();
    let parts: Vec<_> = w
        .store_files()
        .into_iter()
        .filter(|f| f.extension().is_some_and(|e| e == "parquet"))
        .collect();
    assert!(parts.iter().any(|p| p.starts_with(w.store().join("rolls"))));
    for part in &parts {
        let values = decoded_values(part);
        assert!(!values.is_empty(), "{}", part.display());
        let found = leaks(&values);
        assert!(found.is_empty(), "{}: {found:?}", part.display());
    }

    // The check itself can fail: a name written into a zstd-compressed part is found
    // once decoded, though a search of the file's bytes would miss it.
    use polars::prelude::*;
    let path = w.dir.join("leaky.parquet");
    // Neither the smallest nor the largest value, so not in the footer's statistics.
    let names: Vec<String> = (0..1000)
        .map(|i| match i % 3 {
            0 => format!("Aa {i}"),
            1 => "Nguyễn Văn An".to_string(),
            _ => format!("Zz {i}"),
        })
        .collect();
    let mut df = df!("full_name" => names, "n" => [10200123456i64; 1000]).unwrap();
    ParquetWriter::new(std::fs::File::create(&path).unwrap())
        .with_compression(ParquetCompression::Zstd(None))
        .finish(&mut df)
        .unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let name = "Nguyễn Văn An".as_bytes();
    assert!(
        !bytes.windows(name.len()).any(|w| w == name),
        "zstd should hide it"
    );
    let found = leaks(&decoded_values(&path));
    assert!(
        found.iter().any(|f| f.starts_with("full_name")),
        "{found:?}"
    );
    assert!(found.iter().any(|f| f.starts_with("n:")), "{found:?}");
}
