//! `tally status` said: the store's [`Status`] as the reader's tables (in their
//! language, with their days, counts and times) or as JSON for scripts.

use comfy_table::{presets::UTF8_FULL_CONDENSED, CellAlignment, Table};
use serde_json::json;
use std::fmt::Write;

use crate::kind::Kind;
use crate::lang::{cmd as msg, Lang, Text};
use crate::store::status::{Held, Status};
use crate::store::IngestRecord;
use crate::t;

/// The status as one JSON object (English keys and codes: for scripts).
pub fn json(s: &Status) -> serde_json::Result<String> {
    let snaps: Vec<_> = s
        .snapshots
        .iter()
        .map(|p| json!({"org": p.org, "as_of": p.as_of, "rows": p.rows, "ingests": p.ingests}))
        .collect();
    let ingests: Vec<_> = s
        .ingests
        .iter()
        .map(|i| {
            json!({
                "id": i.id, "kind": i.kind, "file": i.file, "sha256": i.sha256, "rows": i.rows,
                "rejected": i.rejected, "ingested_at": i.ingested_at, "org": i.org, "as_of": i.as_of,
                "encoding": i.encoding, "warnings": i.warnings,
            })
        })
        .collect();
    let rows = |kind: Kind| held(s, kind).map_or(0, |h| h.rows);
    // Areas and enterprises keep their versions: the newest is in force.
    let in_force =
        |kind: Kind| held(s, kind).and_then(|h| h.in_force.last().map(|p| p.id.as_str()));
    let doc = json!({
        "store": s.dir.display().to_string(),
        "snapshots": snaps,
        "reference": {
            "areas": rows(Kind::Areas),
            "enterprises": rows(Kind::Enterprises),
            "eligible": rows(Kind::Eligible),
            "targets": rows(Kind::Targets),
            "mapping": rows(Kind::Mapping),
            "orgs": rows(Kind::Orgs),
        },
        "years": {
            "eligible": held(s, Kind::Eligible).map(|h| h.years.clone()).unwrap_or_default(),
            "targets": held(s, Kind::Targets).map(|h| h.years.clone()).unwrap_or_default(),
        },
        "in_force": {
            "areas": in_force(Kind::Areas),
            "enterprises": in_force(Kind::Enterprises),
        },
        "ingests": ingests,
        "permissions": s
            .exposed
            .iter()
            .map(|(p, how)| json!({"path": p.display().to_string(), "problem": how}))
            .collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&doc)
}

fn held(s: &Status, kind: Kind) -> Option<&Held> {
    s.references.iter().find(|h| h.kind == kind)
}

/// The status as the reader's tables: the store, what is not private, then the
/// snapshots, the reference tables and the ingests.
pub fn table(s: &Status, lang: Lang) -> String {
    let mut out = String::new();
    let dir = s.dir.display().to_string();
    let _ = writeln!(
        out,
        "{}",
        t!(msg::STATUS_STORE, Text::Said(dir)).render(lang)
    );
    if !s.exposed.is_empty() {
        let _ = writeln!(out, "\n{}", msg::NOT_PRIVATE.text(lang));
        for (p, how) in &s.exposed {
            let _ = writeln!(out, "  {}: {}", p.display(), Text::from(how).render(lang));
        }
        let _ = writeln!(out, "  {}", Text::from(&s.private_hint).render(lang));
    }
    if s.ingests.is_empty() && !s.narrowed {
        let _ = writeln!(out, "{}", msg::STORE_EMPTY.text(lang));
        return out;
    }
    if !s.snapshots.is_empty() {
        let title = msg::SNAPSHOTS.text(lang);
        let _ = writeln!(out, "\n{title}\n{}", snapshots(s, lang));
    }
    if !s.references.is_empty() {
        let _ = writeln!(out, "\n{}", references(s, lang));
    }
    if s.ingests.is_empty() {
        let _ = writeln!(out, "\n{}", msg::NOTHING_MATCHES.text(lang));
        return out;
    }
    let title = msg::INGESTS_TITLE.text(lang);
    let _ = writeln!(out, "\n{title}\n{}", ingests(&s.ingests, lang));
    if workbooks(&s.ingests).iter().any(|run| run.len() > 1) {
        let _ = writeln!(out, "{}", msg::DROP_WORKBOOK_TIP.text(lang));
    }
    out
}

fn new_table(header: &[&'static crate::lang::Msg], lang: Lang) -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_header(header.iter().map(|m| m.text(lang)).collect::<Vec<_>>());
    t
}

fn snapshots(s: &Status, lang: Lang) -> Table {
    let mut t = new_table(
        &[
            &msg::COL_ORG,
            &msg::COL_AS_OF,
            &msg::COL_ROWS,
            &msg::COL_INGESTS,
        ],
        lang,
    );
    // Organizations in their order (the JSON keeps the codes' order).
    let mut snaps: Vec<_> = s.snapshots.iter().collect();
    snaps.sort_by_key(|p| (s.orgs.parse(&p.org), p.as_of.clone()));
    for p in snaps {
        // The reader's words: the organization's name, the day as they write it.
        let name = s
            .orgs
            .parse(&p.org)
            .map(|o| lang.org_name(&o).to_string())
            .unwrap_or_else(|| p.org.clone());
        t.add_row(vec![
            name,
            lang.date(&p.as_of),
            lang.count(p.rows),
            few_ids(&p.ingests, lang),
        ]);
    }
    right_align(&mut t, 2);
    t
}

fn references(s: &Status, lang: Lang) -> Table {
    let mut t = new_table(
        &[
            &msg::COL_REFERENCE,
            &msg::COL_ROWS,
            &msg::COL_INGEST,
            &msg::COL_FILE,
        ],
        lang,
    );
    for h in &s.references {
        if h.in_force.is_empty() {
            let not_loaded = msg::NOT_LOADED.text(lang).to_string();
            t.add_row(vec![
                kind_name(h.kind, lang),
                "—".into(),
                "".into(),
                not_loaded,
            ]);
            continue;
        }
        let years = if h.years.is_empty() {
            String::new()
        } else {
            let list: Vec<String> = h.years.iter().map(i32::to_string).collect();
            format!(
                " ({})",
                t!(msg::YEARS, Text::Said(list.join(", "))).render(lang)
            )
        };
        let earlier = if h.earlier > 0 {
            format!(" ({})", t!(msg::IN_FORCE_EARLIER, h.earlier).render(lang))
        } else {
            String::new()
        };
        let ids: Vec<&str> = h.in_force.iter().map(|p| p.id.as_str()).collect();
        let files: Vec<String> = h
            .in_force
            .iter()
            .map(|p| file_name(&p.file, lang))
            .collect();
        t.add_row(vec![
            format!("{}{years}", kind_name(h.kind, lang)),
            lang.count(h.rows),
            few_ids(&ids, lang),
            files.join(", ") + &earlier,
        ]);
    }
    right_align(&mut t, 1);
    t
}

fn ingests(ingests: &[IngestRecord], lang: Lang) -> Table {
    let header = [
        &msg::COL_INGEST,
        &msg::COL_KIND,
        &msg::COL_FILE,
        &msg::COL_ROWS,
        &msg::COL_REJECTED,
        &msg::COL_INGESTED_AT,
    ];
    let mut t = new_table(&header, lang);
    for run in workbooks(ingests) {
        let i = run[0];
        let file = match (run.len(), sheet_of(&i.file)) {
            (n, Some(book)) if n > 1 => {
                t!(msg::SHEETS_OF_WORKBOOK, book, Text::Count(n as u64)).render(lang)
            }
            _ => file_name(&i.file, lang),
        };
        t.add_row(vec![
            i.id.clone(),
            kind_name(i.kind, lang),
            file,
            lang.count(run.iter().map(|r| r.rows).sum()),
            lang.count(run.iter().map(|r| r.rejected).sum()),
            local_time(&i.ingested_at, lang),
        ]);
    }
    right_align(&mut t, 3);
    right_align(&mut t, 4);
    t
}

/// The workbook of a sheet's ingest (`ds.xlsx, sheet "S"` → `ds.xlsx`).
fn sheet_of(file: &str) -> Option<&str> {
    file.split_once(", sheet \"").map(|(book, _)| book)
}

/// The ingests in order, a workbook's sheets stored one after another as one snapshot
/// (or reference kind) together: a 23-sheet workbook is one line.
fn workbooks(ingests: &[IngestRecord]) -> Vec<Vec<&IngestRecord>> {
    let mut out: Vec<Vec<&IngestRecord>> = Vec::new();
    for i in ingests {
        match out.last_mut() {
            Some(run)
                if sheet_of(&i.file).is_some()
                    && sheet_of(&run[0].file) == sheet_of(&i.file)
                    && (run[0].kind, &run[0].org, &run[0].as_of) == (i.kind, &i.org, &i.as_of) =>
            {
                run.push(i)
            }
            _ => out.push(vec![i]),
        }
    }
    out
}

/// IDs, the first three of many and how many in all.
fn few_ids<S: AsRef<str>>(ids: &[S], lang: Lang) -> String {
    const SHOWN: usize = 3;
    let mut said: Vec<&str> = ids.iter().take(SHOWN).map(AsRef::as_ref).collect();
    let more;
    if ids.len() > SHOWN {
        more = t!(msg::MORE_INGESTS, Text::Count(ids.len() as u64)).render(lang);
        said.push(&more);
    }
    said.join(" ")
}

/// A kind of file as the reader's language names it: its code in English (what
/// `--kind` takes), its name in Vietnamese.
pub(crate) fn kind_name(kind: Kind, lang: Lang) -> String {
    match lang {
        Lang::Vi => kind.text().render(Lang::Vi),
        Lang::En => kind.code().to_string(),
    }
}

/// A file as the manifest names it, a workbook's sheet in the reader's words
/// (`ds.xlsx, sheet "Chi hội 2"` → `ds.xlsx, trang "Chi hội 2"`).
fn file_name(file: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => file.replace(", sheet \"", ", trang \""),
        Lang::En => file.to_string(),
    }
}

/// An ingest's time (stored in UTC, RFC 3339) in this machine's local time with its
/// offset: `31/10/2026 14:05 (+07:00)` in Vietnamese, `2026-10-31 14:05 +07:00` in
/// English.
fn local_time(utc: &str, lang: Lang) -> String {
    let Ok(t) = chrono::DateTime::parse_from_rfc3339(utc) else {
        return utc.to_string();
    };
    let local = t.with_timezone(&chrono::Local);
    match lang {
        Lang::Vi => local.format("%d/%m/%Y %H:%M (%:z)").to_string(),
        Lang::En => local.format("%Y-%m-%d %H:%M %:z").to_string(),
    }
}

fn right_align(t: &mut Table, col: usize) {
    if let Some(c) = t.column_mut(col) {
        c.set_cell_alignment(CellAlignment::Right);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::status::{Part, Snapshot, KINDS};

    /// An ingest as the manifest records it; its time is left unreadable so that the
    /// table does not depend on the machine's time zone.
    fn record(id: &str, kind: &str, file: &str, rows: u64, rejected: u64) -> IngestRecord {
        serde_json::from_value(serde_json::json!({
            "id": id, "kind": kind, "file": file, "sha256": "00", "rows": rows,
            "rejected": rejected, "warnings": 0, "ingested_at": "then", "encoding": "utf-8",
            "part": "p", "part_sha256": "00", "part_bytes": 1,
        }))
        .expect("a record")
    }

    /// A store with the youth roll of 31 October 2026 (1,234 rows in two ingests),
    /// the areas in force with one earlier version, the eligible counts of two years.
    fn status() -> Status {
        let references = KINDS
            .iter()
            .map(|&kind| Held {
                kind,
                rows: match kind {
                    Kind::Areas => 12,
                    Kind::Eligible => 40,
                    _ => 0,
                },
                years: if kind == Kind::Eligible {
                    vec![2025, 2026]
                } else {
                    Vec::new()
                },
                in_force: match kind {
                    Kind::Areas => vec![Part {
                        id: "a2".into(),
                        file: "xa.xlsx, sheet \"Xã\"".into(),
                    }],
                    Kind::Eligible => vec![Part {
                        id: "e1".into(),
                        file: "doi-tuong.csv".into(),
                    }],
                    _ => Vec::new(),
                },
                earlier: usize::from(kind == Kind::Areas),
            })
            .collect();
        Status {
            dir: "/data/tally".into(),
            exposed: Vec::new(),
            private_hint: "chmod -R go= /data/tally".into(),
            snapshots: vec![Snapshot {
                org: "youth".into(),
                as_of: "2026-10-31".into(),
                rows: 1234,
                ingests: vec!["r1".into(), "r2".into()],
            }],
            references,
            ingests: vec![
                record("a2", "areas", "xa.xlsx, sheet \"Xã\"", 12, 0),
                record("r1", "roll", "ds.csv", 1000, 2),
            ],
            orgs: crate::org::Orgs::default(),
            narrowed: false,
        }
    }

    /// A store whose ingests --since (or --org, --kind) all left out is not empty.
    #[test]
    fn nothing_matching_is_not_an_empty_store() {
        let mut s = status();
        s.ingests.clear();
        s.snapshots.clear();
        s.references.clear();
        assert!(table(&s, Lang::Vi).contains("kho còn trống"));
        s.narrowed = true;
        let said = table(&s, Lang::Vi);
        assert!(said.contains("không có lần nạp nào khớp"), "{said}");
        assert!(!said.contains("kho còn trống"), "{said}");
    }

    #[test]
    fn the_tables_say_what_the_store_holds_in_each_language() {
        let en = table(&status(), Lang::En);
        let want = r#"store: /data/tally

snapshots
┌─────────────┬────────────┬───────┬─────────┐
│ org         ┆ as of      ┆  rows ┆ ingests │
╞═════════════╪════════════╪═══════╪═════════╡
│ Youth Union ┆ 2026-10-31 ┆ 1,234 ┆ r1 r2   │
└─────────────┴────────────┴───────┴─────────┘

┌─────────────────────────────┬──────┬────────┬───────────────────────────────────────────────────────────┐
│ reference                   ┆ rows ┆ ingest ┆ file                                                      │
╞═════════════════════════════╪══════╪════════╪═══════════════════════════════════════════════════════════╡
│ areas                       ┆   12 ┆ a2     ┆ xa.xlsx, sheet "Xã" (in force; 1 earlier version(s) kept) │
│ enterprises                 ┆    — ┆        ┆ not loaded                                                │
│ eligible (years 2025, 2026) ┆   40 ┆ e1     ┆ doi-tuong.csv                                             │
│ targets                     ┆    — ┆        ┆ not loaded                                                │
│ mapping                     ┆    — ┆        ┆ not loaded                                                │
│ orgs                        ┆    — ┆        ┆ not loaded                                                │
└─────────────────────────────┴──────┴────────┴───────────────────────────────────────────────────────────┘

ingests
┌────────┬───────┬─────────────────────┬───────┬──────────┬─────────────┐
│ ingest ┆ kind  ┆ file                ┆  rows ┆ rejected ┆ ingested at │
╞════════╪═══════╪═════════════════════╪═══════╪══════════╪═════════════╡
│ a2     ┆ areas ┆ xa.xlsx, sheet "Xã" ┆    12 ┆        0 ┆ then        │
│ r1     ┆ roll  ┆ ds.csv              ┆ 1,000 ┆        2 ┆ then        │
└────────┴───────┴─────────────────────┴───────┴──────────┴─────────────┘
"#;
        assert_eq!(en, want);
        let vi = table(&status(), Lang::Vi);
        assert!(
            vi.starts_with("kho: /data/tally\n\ncác lần chốt số liệu\n"),
            "{vi}"
        );
        for want in [
            "Đoàn Thanh niên ┆ 31/10/2026 ┆   1.234 ┆ r1 r2",
            "danh mục địa bàn",
            "xa.xlsx, trang \"Xã\" (đang dùng; giữ 1 bản trước)",
            "số đối tượng (năm 2025, 2026)",
            "chưa nạp",
            "\ncác lần nạp\n",
        ] {
            assert!(vi.contains(want), "{want:?} in\n{vi}");
        }
        for english in ["sheet", "rows", "not loaded", "years", "in force"] {
            assert!(!vi.contains(english), "{english:?} in\n{vi}");
        }
    }

    #[test]
    fn an_empty_store_and_one_others_can_read_are_said_plainly() {
        let mut s = status();
        s.ingests.clear();
        s.exposed = vec![("/data/tally/secret".into(), "others can read it".into())];
        assert_eq!(
            table(&s, Lang::En),
            "store: /data/tally\n\n\
             not private: the store holds ethnicity and religion, but\n  \
             /data/tally/secret: others can read it\n  \
             chmod -R go= /data/tally\n\
             the store is empty: load files with `tally ingest FILE...`\n"
        );
        let vi = table(&s, Lang::Vi);
        assert!(vi.starts_with("kho: /data/tally\n\nchưa riêng tư:"), "{vi}");
        assert!(
            vi.ends_with("kho còn trống: nạp tệp bằng `tally ingest TỆP...`\n"),
            "{vi}"
        );
    }

    #[test]
    fn the_json_keeps_codes_and_iso_days() {
        let doc: serde_json::Value =
            serde_json::from_str(&json(&status()).expect("json")).expect("parses");
        assert_eq!(doc["snapshots"][0]["org"], "youth");
        assert_eq!(doc["snapshots"][0]["as_of"], "2026-10-31");
        assert_eq!(doc["snapshots"][0]["rows"], 1234);
        assert_eq!(doc["reference"]["areas"], 12);
        assert_eq!(doc["reference"]["targets"], 0);
        assert_eq!(doc["years"]["eligible"], serde_json::json!([2025, 2026]));
        assert_eq!(doc["in_force"]["areas"], "a2");
        assert_eq!(doc["in_force"]["enterprises"], serde_json::Value::Null);
        assert_eq!(doc["ingests"][1]["id"], "r1");
        assert_eq!(doc["permissions"], serde_json::json!([]));
    }
}
