//! Tests of the part scan (`scan.rs`).

use super::*;
use crate::org::Org;
use crate::roll::{Member, NO_DAY};
use crate::store::roll_group::{Group, RollPartWriter};
use chrono::NaiveDate;

fn member(i: u8, area: &str, joined: Option<NaiveDate>) -> Member {
    Member {
        org: Org::Youth,
        as_of: NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
        person: [i; 16],
        has_national_id: true,
        member_key: None,
        name_key: None,
        sex: None,
        birth: None,
        ethnicity: Some("01"),
        religion: None,
        area_code: area.into(),
        area_from: None,
        enterprise_id: i.is_multiple_of(2).then(|| format!("53{i:08}").into()),
        joined_on: joined,
        left_on: None,
        active: i != 3,
        left_reason: (i == 3).then_some(crate::roll::LeftReason::Moved),
    }
}

/// A part of 5 members written as three row groups, and its manifest record.
fn part(dir: &Path) -> IngestRecord {
    let d = |day| NaiveDate::from_ymd_opt(2026, 10, day);
    let path = dir.join("p.parquet");
    let mut w = RollPartWriter::create(&path).unwrap();
    let mut g = Group::default();
    for batch in [
        vec![member(1, "02647", d(1)), member(2, "02647", None)],
        vec![member(3, "02680", d(3))],
        vec![member(4, "", d(4)), member(5, "99999", d(5))],
    ] {
        g.clear();
        batch.iter().for_each(|m| g.push(m));
        w.write(&g).unwrap();
    }
    let info = w.finish().unwrap();
    IngestRecord {
        id: "i1".into(),
        kind: crate::kind::Kind::Roll,
        file: "youth.csv".into(),
        sha256: String::new(),
        file_bytes: None,
        rows: info.rows,
        rejected: 0,
        warnings: 0,
        ingested_at: String::new(),
        encoding: "utf-8".into(),
        org: Some("youth".into()),
        as_of: Some("2026-10-31".into()),
        part: "p.parquet".into(),
        part_sha256: info.sha256,
        part_bytes: info.bytes,
        mapped: 0,
        sex_from_id: 0,
        same_as: None,
    }
}

type Seen = Vec<(usize, Vec<String>, Vec<i32>, Vec<bool>, Vec<u64>, Vec<u8>)>;

fn scan(dir: &Path, rec: &IngestRecord, need: Columns) -> Result<Seen> {
    let seen = fold(
        Checks::Remembered,
        dir,
        &[vec![rec]],
        need,
        |_| Vec::new(),
        |acc: &mut Seen, b: &Batch| {
            acc.push((
                b.len,
                (0..b.len)
                    .map(|i| b.area.get(i).unwrap_or("-").to_string())
                    .collect(),
                b.joined.clone(),
                b.active.clone(),
                b.person.clone(),
                b.ethnicity.clone(),
            ))
        },
        |a, b| a.extend(b),
    )?;
    let mut all = seen.into_iter().next().unwrap();
    all.sort_by_key(|s| s.2.first().copied());
    Ok(all)
}

#[test]
fn every_row_group_is_folded_once_with_the_columns_asked_for() {
    let tmp = tempfile::tempdir().unwrap();
    let rec = part(tmp.path());
    let need = Columns {
        person: true,
        ethnicity: true,
        ..Columns::default()
    };
    let seen = scan(tmp.path(), &rec, need).unwrap();
    // One batch per row group, every member once, missing as the sentinels.
    assert_eq!(seen.iter().map(|s| s.0).collect::<Vec<_>>(), [2, 1, 2]);
    let day = |d| crate::roll::days(NaiveDate::from_ymd_opt(2026, 10, d).unwrap());
    let areas: Vec<String> = seen.iter().flat_map(|s| s.1.clone()).collect();
    let joined: Vec<i32> = seen.iter().flat_map(|s| s.2.clone()).collect();
    let active: Vec<bool> = seen.iter().flat_map(|s| s.3.clone()).collect();
    let person: Vec<u64> = seen.iter().flat_map(|s| s.4.clone()).collect();
    assert_eq!(areas, ["02647", "02647", "02680", "", "99999"]);
    // Each distinct code once in a batch's dictionary.
    assert_eq!(seen[0].1, ["02647", "02647"]);
    assert_eq!(joined, [day(1), NO_DAY, day(3), day(4), day(5)]);
    assert_eq!(active, [true, true, false, true, true]);
    assert_eq!(person[0], 0x0101_0101_0101_0101);
    assert!(seen.iter().all(|s| s.5.iter().all(|e| *e == 1)));
    // Columns not asked for are not read.
    let lean = scan(tmp.path(), &rec, Columns::default()).unwrap();
    assert!(lean.iter().all(|s| s.4.is_empty() && s.5.is_empty()));
}

#[test]
fn a_damaged_part_is_an_error_never_numbers() {
    let tmp = tempfile::tempdir().unwrap();
    let rec = part(tmp.path());
    let path = tmp.path().join(&rec.part);
    let good = std::fs::read(&path).unwrap();
    let err = |rec: &IngestRecord| {
        format!(
            "{:#}",
            scan(tmp.path(), rec, Columns::default()).unwrap_err()
        )
    };

    // A flipped byte in the data (the footer still parses): the checksum says so.
    let mut flipped = good.clone();
    flipped[good.len() / 3] ^= 0xff;
    std::fs::write(&path, &flipped).unwrap();
    assert!(
        err(&rec).contains("does not match its checksum"),
        "{}",
        err(&rec)
    );

    // A flipped byte in the footer: still a checksum error, not a decoding one.
    let mut footer = good.clone();
    let n = good.len();
    footer[n - 20] ^= 0xff;
    std::fs::write(&path, &footer).unwrap();
    assert!(
        err(&rec).contains("does not match its checksum"),
        "{}",
        err(&rec)
    );

    std::fs::write(&path, &good[..good.len() - 1]).unwrap();
    assert!(
        err(&rec).contains("bytes, the manifest says"),
        "{}",
        err(&rec)
    );

    std::fs::remove_file(&path).unwrap();
    assert!(err(&rec).contains("is missing"), "{}", err(&rec));

    // A manifest whose checksum is wrong for an intact part.
    std::fs::write(&path, &good).unwrap();
    let mut wrong = rec.clone();
    wrong.part_sha256 = "0".repeat(64);
    assert!(err(&wrong).contains("does not match its checksum"));
    assert!(scan(tmp.path(), &rec, Columns::default()).is_ok());
}
