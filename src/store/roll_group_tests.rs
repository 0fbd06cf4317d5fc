//! Tests of roll parts as tally writes them (`roll_group.rs`, `parquet/`): read back
//! by polars, every value as it was pushed.

use super::*;
use crate::org::Org;
use crate::roll::{from_days, LeftReason, Sex};
use crate::text::packed;
use chrono::NaiveDate;
use polars::prelude::*;

/// A deterministic stream of numbers (a 64-bit LCG), for members of every shape.
struct Numbers(u64);

impl Numbers {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

const CODES: [&str; 6] = ["01", "02", "17", "54", "00", "08"];

/// Unit codes and tax codes of every length the dictionary treats apart (empty, up to
/// 15 bytes in one word, longer), Vietnamese text among them.
fn text_of(n: &mut Numbers, distinct: u64) -> String {
    let i = n.next(distinct);
    match i % 5 {
        0 => format!("{i:05}"),
        1 => format!("53{i:08}-{:03}", i % 7),
        2 => format!("Xã Tà Xùa số {i} của tỉnh Lào Cai"),
        3 => format!("{i:015}"),
        _ => format!("{i:016}"),
    }
}

fn members(count: usize, seed: u64) -> Vec<Member> {
    let mut n = Numbers(seed);
    let distinct = [1, 3, 300, 5_000][seed as usize % 4];
    (0..count)
        .map(|i| {
            let key = |n: &mut Numbers| {
                let mut k = [0u8; 16];
                k.iter_mut().for_each(|b| *b = n.next(256) as u8);
                k
            };
            let day = |n: &mut Numbers| from_days(n.next(40_000) as i32 - 10_000);
            let maybe = |n: &mut Numbers, p: u64| n.next(100) < p;
            Member {
                org: Org::Youth,
                as_of: NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
                person: key(&mut n),
                has_national_id: maybe(&mut n, 70),
                member_key: maybe(&mut n, 50).then(|| key(&mut n)),
                name_key: maybe(&mut n, 20).then(|| key(&mut n)),
                sex: match n.next(3) {
                    0 => None,
                    1 => Some(Sex::Male),
                    _ => Some(Sex::Female),
                },
                birth: match n.next(3) {
                    0 => None,
                    1 => Some(Birth::Year(1950 + n.next(60) as i32)),
                    _ => Some(Birth::Date(day(&mut n))),
                },
                ethnicity: maybe(&mut n, 90).then(|| CODES[n.next(6) as usize]),
                religion: maybe(&mut n, 30).then(|| CODES[n.next(6) as usize]),
                area_code: if i % 97 == 5 {
                    String::new().into()
                } else {
                    text_of(&mut n, distinct).into()
                },
                area_from: maybe(&mut n, 10).then(|| text_of(&mut n, 40)),
                enterprise_id: maybe(&mut n, 40).then(|| text_of(&mut n, distinct).into()),
                joined_on: maybe(&mut n, 80).then(|| day(&mut n)),
                left_on: maybe(&mut n, 5).then(|| day(&mut n)),
                active: maybe(&mut n, 90),
                left_reason: maybe(&mut n, 10)
                    .then(|| crate::roll::LeftReason::ALL[n.next(6) as usize]),
            }
        })
        .collect()
}

fn texts(df: &DataFrame, name: &str) -> Vec<Option<String>> {
    let c = df.column(name).unwrap().str().unwrap();
    c.iter().map(|v| v.map(str::to_string)).collect()
}

fn dates(df: &DataFrame, name: &str) -> Vec<Option<i32>> {
    let c = df.column(name).unwrap().date().unwrap();
    c.physical().iter().collect()
}

fn keys(df: &DataFrame, name: &str) -> Vec<Option<Vec<u8>>> {
    let c = df.column(name).unwrap().binary().unwrap();
    c.iter().map(|v| v.map(<[u8]>::to_vec)).collect()
}

fn bools(df: &DataFrame, name: &str) -> Vec<Option<bool>> {
    df.column(name).unwrap().bool().unwrap().iter().collect()
}

/// Every column of `df` holds what `ms` say, row by row.
fn assert_holds(df: &DataFrame, ms: &[Member]) {
    let s = |v: Option<&str>| v.map(str::to_string);
    assert_eq!(df.height(), ms.len());
    let names: Vec<&str> = df.get_column_names().iter().map(|n| n.as_str()).collect();
    let want: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
    assert_eq!(names, want);
    assert_eq!(
        texts(df, col::ORG),
        ms.iter().map(|m| s(Some(m.org.code()))).collect::<Vec<_>>()
    );
    assert_eq!(
        dates(df, col::AS_OF),
        ms.iter().map(|m| Some(days(m.as_of))).collect::<Vec<_>>()
    );
    assert_eq!(
        keys(df, col::PERSON),
        ms.iter()
            .map(|m| Some(m.person.to_vec()))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        bools(df, col::HAS_NATIONAL_ID),
        ms.iter()
            .map(|m| Some(m.has_national_id))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        keys(df, col::MEMBER_KEY),
        ms.iter()
            .map(|m| m.member_key.map(|k| k.to_vec()))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        keys(df, col::NAME_KEY),
        ms.iter()
            .map(|m| m.name_key.map(|k| k.to_vec()))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        texts(df, col::SEX),
        ms.iter()
            .map(|m| s(m.sex.map(Sex::code)))
            .collect::<Vec<_>>()
    );
    let birth_days = |m: &Member| match m.birth {
        Some(Birth::Date(d)) => Some(days(d)),
        _ => None,
    };
    assert_eq!(
        dates(df, col::BIRTH_DATE),
        ms.iter().map(birth_days).collect::<Vec<_>>()
    );
    let years: Vec<Option<i32>> = df
        .column(col::BIRTH_YEAR)
        .unwrap()
        .i32()
        .unwrap()
        .iter()
        .collect();
    assert_eq!(
        years,
        ms.iter()
            .map(|m| m.birth.map(Birth::year))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        texts(df, col::ETHNICITY),
        ms.iter().map(|m| s(m.ethnicity)).collect::<Vec<_>>()
    );
    assert_eq!(
        texts(df, col::RELIGION),
        ms.iter().map(|m| s(m.religion)).collect::<Vec<_>>()
    );
    assert_eq!(
        texts(df, col::AREA_CODE),
        ms.iter().map(|m| s(Some(&m.area_code))).collect::<Vec<_>>()
    );
    assert_eq!(
        texts(df, col::AREA_FROM),
        ms.iter()
            .map(|m| s(m.area_from.as_deref()))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        texts(df, col::ENTERPRISE_ID),
        ms.iter()
            .map(|m| s(m.enterprise_id.as_deref()))
            .collect::<Vec<_>>()
    );
    assert_eq!(
        dates(df, col::JOINED_ON),
        ms.iter().map(|m| m.joined_on.map(days)).collect::<Vec<_>>()
    );
    assert_eq!(
        dates(df, col::LEFT_ON),
        ms.iter().map(|m| m.left_on.map(days)).collect::<Vec<_>>()
    );
    assert_eq!(
        bools(df, col::ACTIVE),
        ms.iter().map(|m| Some(m.active)).collect::<Vec<_>>()
    );
    assert_eq!(
        texts(df, col::LEFT_REASON),
        ms.iter()
            .map(|m| s(m.left_reason.map(LeftReason::code)))
            .collect::<Vec<_>>()
    );
}

fn read(path: &Path) -> DataFrame {
    ParquetReader::new(std::fs::File::open(path).unwrap())
        .finish()
        .unwrap()
}

#[test]
fn polars_reads_back_every_value_pushed() {
    let dir = tempfile::tempdir().unwrap();
    // Row groups of one row, of a few, and of more than a dictionary's 8-bit indices;
    // few distinct values and thousands; short values, 15-byte ones and longer.
    for (seed, count, per_group) in [
        (0, 1, 1),
        (1, 7, 3),
        (2, 3_000, 1_000),
        (3, 20_000, 20_000),
        (4, 2_000, 333),
        (5, 600, 600),
        (6, 1_000, 64),
        (7, 5_000, 4_096),
    ] {
        let ms = members(count, seed);
        let path = dir.path().join(format!("p{seed}.parquet"));
        let info = write_part(&path, &ms, per_group).unwrap();
        assert_eq!(info.rows, count as u64);
        assert_eq!(info.bytes, std::fs::metadata(&path).unwrap().len());
        assert_holds(&read(&path), &ms);
    }
}

#[test]
fn a_column_empty_in_every_row_and_a_part_of_no_rows_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut ms = members(100, 9);
    for m in &mut ms {
        (m.member_key, m.area_from, m.left_on, m.sex) = (None, None, None, None);
        m.left_reason = None;
    }
    let path = dir.path().join("empty-columns.parquet");
    write_part(&path, &ms, 30).unwrap();
    assert_holds(&read(&path), &ms);
    let path = dir.path().join("no-rows.parquet");
    let info = write_part(&path, &[], 30).unwrap();
    assert_eq!(info.rows, 0);
    assert_holds(&read(&path), &[]);
}

#[test]
fn the_same_rows_give_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let ms = members(3_000, 2);
    let a = write_part(&dir.path().join("a.parquet"), &ms, 1_000).unwrap();
    let b = write_part(&dir.path().join("b.parquet"), &ms, 1_000).unwrap();
    assert_eq!(a.sha256, b.sha256);
}

#[test]
fn a_frame_read_from_a_part_is_written_again_as_it_was() {
    // The upgrade's path: a part read by polars, pushed as a frame, written anew.
    let dir = tempfile::tempdir().unwrap();
    let ms = members(2_500, 3);
    let first = dir.path().join("first.parquet");
    write_part(&first, &ms, 1_000).unwrap();
    let mut g = Group::default();
    g.push_frame(&read(&first)).unwrap();
    let again = dir.path().join("again.parquet");
    let mut w = RollPartWriter::create(&again).unwrap();
    w.write(&g).unwrap();
    w.finish().unwrap();
    assert_holds(&read(&again), &ms);
    // Without the area_from column (a format-1 part) or left_reason (before format
    // 4), each is empty in every row.
    let mut g = Group::default();
    let old = read(&first)
        .drop(col::AREA_FROM)
        .and_then(|df| df.drop(col::LEFT_REASON))
        .unwrap();
    g.push_frame(&old).unwrap();
    let mut w = RollPartWriter::create(&again).unwrap();
    w.write(&g).unwrap();
    w.finish().unwrap();
    let without: Vec<Member> = ms
        .iter()
        .cloned()
        .map(|m| Member {
            area_from: None,
            left_reason: None,
            ..m
        })
        .collect();
    assert_holds(&read(&again), &without);
}

#[test]
fn short_values_pack_into_distinct_words() {
    let values: Vec<Vec<u8>> = (0..=15usize)
        .flat_map(|n| [vec![0u8; n], vec![0xffu8; n], (1..=n as u8).collect()])
        .collect();
    let words: std::collections::HashSet<u128> =
        values.iter().map(|v| packed(v).unwrap()).collect();
    let distinct: std::collections::HashSet<&Vec<u8>> = values.iter().collect();
    assert_eq!(words.len(), distinct.len());
    assert_eq!(packed(&[1u8; 16]), None);
    // The word holds the bytes in order, then the length.
    assert_eq!(packed(b"ab"), Some(0x6261 | 2u128 << 120));
}

#[test]
fn a_code_at_two_addresses_is_one_dictionary_entry() {
    let longer: &'static str = "Kinh, Tày";
    let copy: &'static str = Box::leak(String::from("Kinh").into_boxed_str());
    let mut d = Dict::default();
    // The same bytes at another address, and at the same address with another length.
    for v in ["Kinh", copy, &longer[..4], longer, "Kinh", copy, longer] {
        d.push_static(Some(v));
    }
    d.push_static(None);
    let Values::Dict {
        indices, entries, ..
    } = d.values()
    else {
        panic!("a dictionary column gives dictionary values");
    };
    assert_eq!(indices, [0, 0, 0, 1, 0, 0, 1]);
    assert_eq!(
        (0..entries).map(|i| d.entry(i)).collect::<Vec<_>>(),
        [&b"Kinh"[..], b"Kinh, T\xc3\xa0y"]
    );
}
