//! What the store holds, as `tally status` shows it: a plain value computed from a
//! read view (snapshots, reference tables, ingests, permissions), so that the command
//! only asks for it and a renderer (`report/status.rs`) only says it.

use anyhow::Result;
use std::collections::BTreeMap;
use std::path::PathBuf;

use super::{IngestRecord, View};
use crate::kind::Kind;

/// Everything `tally status` says, in the order it says it.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub dir: PathBuf,
    /// The store's files that others may read, with what is wrong with each.
    pub exposed: Vec<(PathBuf, crate::lang::Text)>,
    /// How to make the store private again (a command for this system).
    pub private_hint: crate::lang::Text,
    /// The rolls' snapshots, by organization key and day.
    pub snapshots: Vec<Snapshot>,
    /// Each kind of reference file, in [`KINDS`]' order.
    pub references: Vec<Held>,
    /// Every ingest, oldest first.
    pub ingests: Vec<IngestRecord>,
    /// The organizations the store knows, to name its snapshots' keys.
    pub orgs: crate::org::Orgs,
    /// Whether --org, --kind or --since left out ingests the store holds: an empty
    /// list is then nothing matching, not an empty store.
    pub narrowed: bool,
}

/// One organization's roll as of one day: the rows of all its ingests.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// The organization's key, as the manifest keeps it.
    pub org: String,
    pub as_of: String,
    pub rows: u64,
    /// The ingests that make it, sorted.
    pub ingests: Vec<String>,
}

/// One kind of reference file: what the store holds of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Held {
    pub kind: Kind,
    /// Rows (keys, for the kinds kept by key) of the table in force.
    pub rows: u64,
    /// The years it has (eligible counts and targets; empty for the others).
    pub years: Vec<i32>,
    /// The ingests in force: the newest for areas and enterprises, which keep their
    /// versions; all for the others. Empty when the kind is not loaded.
    pub in_force: Vec<Part>,
    /// Earlier versions kept (areas and enterprises).
    pub earlier: usize,
}

/// An ingest of a reference file, by its ID and file.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub id: String,
    pub file: String,
}

/// The kinds of reference file, in the order status lists them.
pub const KINDS: [Kind; 6] = [
    Kind::Areas,
    Kind::Enterprises,
    Kind::Eligible,
    Kind::Targets,
    Kind::Mapping,
    Kind::Orgs,
];

impl Status {
    /// What `view` holds; the reference tables are loaded to count their rows.
    pub fn of(view: &View) -> Result<Status> {
        let r = super::reference::load(&view.dir, &view.manifest)?;
        let rows = [
            r.areas.units.len(),
            r.enterprises.rows.len(),
            r.eligible.len(),
            r.targets.len(),
            r.mapping.rows(),
            r.orgs.added_len(),
        ];
        let years = |v: Vec<i32>| {
            let mut v = v;
            v.sort();
            v.dedup();
            v
        };
        let eligible_years = years(r.eligible.iter().map(|e| e.year).collect());
        let target_years = years(r.targets.iter().map(|t| t.year).collect());
        let references = KINDS
            .iter()
            .zip(rows)
            .map(|(&kind, rows)| {
                let years = match kind {
                    Kind::Eligible => eligible_years.clone(),
                    Kind::Targets => target_years.clone(),
                    _ => Vec::new(),
                };
                held(view, kind, rows as u64, years)
            })
            .collect();
        Ok(Status {
            dir: view.dir.clone(),
            exposed: view.exposed()?,
            private_hint: super::private_hint(&view.dir),
            snapshots: snapshots(&view.manifest.ingests),
            references,
            ingests: sorted_ingests(&view.manifest.ingests),
            orgs: r.orgs.clone(),
            narrowed: false,
        })
    }
}

fn held(view: &View, kind: Kind, rows: u64, years: Vec<i32>) -> Held {
    let parts = view.manifest.references(kind);
    // Areas and enterprises: the version in force, and how many before it.
    let (in_force, earlier) = match kind {
        Kind::Areas | Kind::Enterprises if !parts.is_empty() => {
            (parts[parts.len() - 1..].to_vec(), parts.len() - 1)
        }
        _ => (parts, 0),
    };
    Held {
        kind,
        rows,
        years,
        in_force: in_force
            .iter()
            .map(|p| Part {
                id: p.id.clone(),
                file: p.file.clone(),
            })
            .collect(),
        earlier,
    }
}

/// The rolls' snapshots, sorted by organization key and day.
fn snapshots(ingests: &[IngestRecord]) -> Vec<Snapshot> {
    let mut out: BTreeMap<(String, String), (u64, Vec<String>)> = BTreeMap::new();
    for i in ingests.iter().filter(|i| i.kind == Kind::Roll) {
        let key = (
            i.org.clone().unwrap_or_default(),
            i.as_of.clone().unwrap_or_default(),
        );
        let e = out.entry(key).or_default();
        e.0 += i.rows;
        e.1.push(i.id.clone());
    }
    out.into_iter()
        .map(|((org, as_of), (rows, mut ids))| {
            ids.sort();
            Snapshot {
                org,
                as_of,
                rows,
                ingests: ids,
            }
        })
        .collect()
}

/// Every ingest, by the time it was made (then kind, file and ID, for a tie).
fn sorted_ingests(ingests: &[IngestRecord]) -> Vec<IngestRecord> {
    let mut v = ingests.to_vec();
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
