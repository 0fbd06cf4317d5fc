//! `tally status`: what the store holds.

use crate::messages::{pick, say};
use crate::store::kind::Kind;
use anyhow::Result;
use comfy_table::{presets::UTF8_FULL_CONDENSED, CellAlignment, Table};
use serde_json::json;
use std::collections::BTreeMap;
use std::io::Write;
use std::time::Duration;

use crate::cli::{StatusArgs, StatusFormat};
use crate::store::{Manifest, Store};

/// (org, as_of) → (rows, ingest ids), sorted.
fn snapshots(m: &Manifest) -> BTreeMap<(String, String), (u64, Vec<String>)> {
    let mut out: BTreeMap<(String, String), (u64, Vec<String>)> = BTreeMap::new();
    for i in m.ingests.iter().filter(|i| i.kind == Kind::Roll) {
        let key = (
            i.org.clone().unwrap_or_default(),
            i.as_of.clone().unwrap_or_default(),
        );
        let e = out.entry(key).or_default();
        e.0 += i.rows;
        e.1.push(i.id.clone());
    }
    for v in out.values_mut() {
        v.1.sort();
    }
    out
}

/// What the store's reference tables hold: rows (keys, for the kinds kept by key) and
/// the years of eligible counts and targets.
struct Held {
    rows: [u64; 6],
    eligible_years: Vec<i32>,
    target_years: Vec<i32>,
}

const KINDS: [Kind; 6] = [
    Kind::Areas,
    Kind::Enterprises,
    Kind::Eligible,
    Kind::Targets,
    Kind::Mapping,
    Kind::Orgs,
];

fn held(view: &crate::store::View) -> Result<Held> {
    let r = crate::store::reference::load(&view.dir, &view.manifest)?;
    let years = |v: Vec<i32>| {
        let mut v = v;
        v.sort();
        v.dedup();
        v
    };
    Ok(Held {
        rows: [
            r.areas.units.len() as u64,
            r.enterprises.rows.len() as u64,
            r.eligible.len() as u64,
            r.targets.len() as u64,
            r.mapping.rows() as u64,
            r.orgs.added_len() as u64,
        ],
        eligible_years: years(r.eligible.iter().map(|e| e.year).collect()),
        target_years: years(r.targets.iter().map(|t| t.year).collect()),
    })
}

fn sorted_ingests(m: &Manifest) -> Vec<&crate::store::IngestRecord> {
    let mut v: Vec<_> = m.ingests.iter().collect();
    v.sort_by(|a, b| {
        (&a.ingested_at, a.kind.code(), &a.file, &a.id).cmp(&(
            &b.ingested_at,
            b.kind.code(),
            &b.file,
            &b.id,
        ))
    });
    v
}

pub fn run(store: &Store, args: &StatusArgs, wait: Duration) -> Result<()> {
    let view = store.read(wait)?;
    let m = &view.manifest;
    let exposed = view.exposed()?;
    let held = held(&view)?;
    let mut out = std::io::stdout().lock();
    match args.format {
        StatusFormat::Json => {
            let snaps: Vec<_> = snapshots(m)
                .into_iter()
                .map(|((org, as_of), (rows, ids))| json!({"org": org, "as_of": as_of, "rows": rows, "ingests": ids}))
                .collect();
            let ingests: Vec<_> = sorted_ingests(m)
                .into_iter()
                .map(|i| {
                    json!({
                        "id": i.id, "kind": i.kind, "file": i.file, "sha256": i.sha256, "rows": i.rows,
                        "rejected": i.rejected, "ingested_at": i.ingested_at, "org": i.org, "as_of": i.as_of,
                        "encoding": i.encoding, "warnings": i.warnings,
                    })
                })
                .collect();
            let doc = json!({
                "store": store.dir().display().to_string(),
                "snapshots": snaps,
                "reference": {
                    "areas": held.rows[0],
                    "enterprises": held.rows[1],
                    "eligible": held.rows[2],
                    "targets": held.rows[3],
                    "mapping": held.rows[4],
                    "orgs": held.rows[5],
                },
                "years": {
                    "eligible": held.eligible_years,
                    "targets": held.target_years,
                },
                // Areas and enterprises keep their versions: the newest is in force.
                "in_force": {
                    "areas": m.reference(crate::store::kind::Kind::Areas).map(|r| r.id.as_str()),
                    "enterprises": m.reference(crate::store::kind::Kind::Enterprises).map(|r| r.id.as_str()),
                },
                "ingests": ingests,
                "permissions": exposed
                    .iter()
                    .map(|(p, how)| json!({"path": p.display().to_string(), "problem": how}))
                    .collect::<Vec<_>>(),
            });
            writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
        }
        StatusFormat::Table => {
            writeln!(out, "{}: {}", pick("store", "kho"), store.dir().display())?;
            if !exposed.is_empty() {
                let said = pick(
                    "not private: the store holds ethnicity and religion, but",
                    "chưa riêng tư: kho chứa dân tộc và tôn giáo, nhưng",
                );
                writeln!(out, "\n{said}")?;
                for (p, how) in &exposed {
                    writeln!(out, "  {}: {}", p.display(), say(how))?;
                }
                writeln!(out, "  {}", say(&crate::store::private_hint(store.dir())))?;
            }
            if m.ingests.is_empty() {
                let said = pick(
                    "the store is empty: load files with `tally ingest FILE...`",
                    "kho còn trống: nạp tệp bằng `tally ingest TỆP...`",
                );
                writeln!(out, "{said}")?;
                return Ok(());
            }
            let mut t = Table::new();
            t.load_preset(UTF8_FULL_CONDENSED).set_header(vec![
                pick("org", "tổ chức"),
                pick("as of", "ngày chốt"),
                pick("rows", "số dòng"),
                pick("ingests", "lần nạp"),
            ]);
            let lang = crate::messages::lang();
            // Organizations in their order (the JSON keeps the codes' order).
            let mut snaps: Vec<_> = snapshots(m).into_iter().collect();
            snaps.sort_by_key(|((org, as_of), _)| (view.orgs.parse(org), as_of.clone()));
            for ((org, as_of), (rows, ids)) in snaps {
                // The reader's words: the organization's name, the day as they write it.
                let name = view
                    .orgs
                    .parse(&org)
                    .map(|o| lang.org_name(&o).to_string())
                    .unwrap_or(org);
                t.add_row(vec![
                    name,
                    lang.date(&as_of),
                    lang.count(rows),
                    ids.join(" "),
                ]);
            }
            right_align(&mut t, 2);
            writeln!(out, "\n{}\n{t}", pick("snapshots", "các lần chốt số liệu"))?;
            let mut r = Table::new();
            r.load_preset(UTF8_FULL_CONDENSED).set_header(vec![
                pick("reference", "danh mục"),
                pick("rows", "số dòng"),
                pick("ingest", "lần nạp"),
                pick("file", "tệp"),
            ]);
            for (k, kind) in KINDS.iter().enumerate() {
                let parts = m.references(*kind);
                if parts.is_empty() {
                    r.add_row(vec![
                        super::ingest::kind_name(*kind),
                        "—".into(),
                        "".into(),
                        pick("not loaded", "chưa nạp").into(),
                    ]);
                    continue;
                }
                let years = match k {
                    2 => &held.eligible_years,
                    3 => &held.target_years,
                    _ => &Vec::new(),
                };
                let years = if years.is_empty() {
                    String::new()
                } else {
                    let list: Vec<String> = years.iter().map(i32::to_string).collect();
                    format!(" ({} {})", pick("years", "năm"), list.join(", "))
                };
                // Areas and enterprises: the version in force, and how many before it.
                let (parts, earlier) = match *kind {
                    Kind::Areas | Kind::Enterprises => {
                        (parts[parts.len() - 1..].to_vec(), parts.len() - 1)
                    }
                    _ => (parts, 0),
                };
                let earlier = if earlier > 0 {
                    let said = format!("in force; {earlier} earlier version(s) kept");
                    format!(" ({})", say(&said))
                } else {
                    String::new()
                };
                r.add_row(vec![
                    format!("{}{years}", super::ingest::kind_name(*kind)),
                    held.rows[k].to_string(),
                    parts
                        .iter()
                        .map(|p| p.id.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                    parts
                        .iter()
                        .map(|p| file_name(&p.file, lang))
                        .collect::<Vec<_>>()
                        .join(", ")
                        + &earlier,
                ]);
            }
            right_align(&mut r, 1);
            writeln!(out, "\n{r}")?;
            let mut g = Table::new();
            g.load_preset(UTF8_FULL_CONDENSED).set_header(vec![
                pick("ingest", "lần nạp"),
                pick("kind", "loại"),
                pick("file", "tệp"),
                pick("rows", "số dòng"),
                pick("rejected", "bị loại"),
                pick("ingested at", "nạp lúc"),
            ]);
            for i in sorted_ingests(m) {
                g.add_row(vec![
                    i.id.clone(),
                    super::ingest::kind_name(i.kind),
                    file_name(&i.file, lang),
                    lang.count(i.rows),
                    lang.count(i.rejected),
                    local_time(&i.ingested_at, lang),
                ]);
            }
            right_align(&mut g, 3);
            right_align(&mut g, 4);
            writeln!(out, "\n{}\n{g}", pick("ingests", "các lần nạp"))?;
        }
    }
    Ok(())
}

/// A file as the manifest names it, a workbook's sheet in the reader's words
/// (`ds.xlsx, sheet "Chi hội 2"` → `ds.xlsx, trang "Chi hội 2"`).
fn file_name(file: &str, lang: crate::lang::Lang) -> String {
    match lang {
        crate::lang::Lang::Vi => file.replace(", sheet \"", ", trang \""),
        crate::lang::Lang::En => file.to_string(),
    }
}

/// An ingest's time (stored in UTC, RFC 3339) in this machine's local time with its
/// offset: `31/10/2026 14:05 (+07:00)` in Vietnamese, `2026-10-31 14:05 +07:00` in
/// English.
fn local_time(utc: &str, lang: crate::lang::Lang) -> String {
    let Ok(t) = chrono::DateTime::parse_from_rfc3339(utc) else {
        return utc.to_string();
    };
    let local = t.with_timezone(&chrono::Local);
    match lang {
        crate::lang::Lang::Vi => local.format("%d/%m/%Y %H:%M (%:z)").to_string(),
        crate::lang::Lang::En => local.format("%Y-%m-%d %H:%M %:z").to_string(),
    }
}

fn right_align(t: &mut Table, col: usize) {
    if let Some(c) = t.column_mut(col) {
        c.set_cell_alignment(CellAlignment::Right);
    }
}
