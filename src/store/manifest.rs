//! The manifest: the list of ingests that make up the store. Writing it (temp file,
//! fsync, rename) is the commit point of every change.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::kind::Kind;
use crate::org::{Org, Orgs};

/// The store's layout. 1: the first. 2: roll parts gain `area_from` (the pre-reform
/// code a row's unit was read from) and roll records `mapped` (how many such rows).
/// 3: roll parts written by tally's own Parquet writer (`store::parquet`): the same
/// columns and values, encoded for speed. 4: roll parts gain `left_reason` (why a
/// departed member left, from the status word; null in rows stored before).
/// Readers read every format up to this one; the first writer upgrades an older store
/// (see `upgrade`).
pub const FORMAT: u32 = 4;

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Manifest {
    pub format: u32,
    /// Bumped by every commit, so readers can tell states apart.
    pub generation: u64,
    /// A keyed hash of a fixed text under the store's secret: a replaced or lost secret
    /// would silently split persons into new keys, so writers check it first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_check: Option<String>,
    /// The tally that wrote this manifest, so that an older one refusing a newer
    /// format can say which version is needed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written_by: Option<String>,
    pub ingests: Vec<IngestRecord>,
}

/// One ingested file (or, for a roll file holding several snapshots, one snapshot of it).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct IngestRecord {
    pub id: String,
    pub kind: Kind,
    /// The file as named on the command line.
    pub file: String,
    /// SHA-256 of the file's bytes.
    pub sha256: String,
    /// The file's size in bytes (format 3; absent before): a file of another size is
    /// not this one, so its checksum can wait until its rows are read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_bytes: Option<u64>,
    pub rows: u64,
    pub rejected: u64,
    pub warnings: u64,
    pub ingested_at: String,
    pub encoding: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// The Parquet file, relative to the store directory.
    pub part: String,
    pub part_sha256: String,
    pub part_bytes: u64,
    /// Rows whose unit was read from a pre-reform code (format 2; 0 before).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub mapped: u64,
    /// Members whose sex was read from their national ID, the roll giving none (absent
    /// when none; before tally read it, always none).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub sex_from_id: u64,
    /// A commune's own list whose rows were, when it was ingested, exactly those its
    /// unit had in the organization's previous snapshot (absent otherwise, and before
    /// tally looked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_as: Option<SameAs>,
}

/// The previous snapshot (its as-of date and the ingests of its parts then) and the
/// unit whose rows a commune's own list repeats: said while that snapshot is the
/// previous one and holds the same parts.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SameAs {
    pub previous: String,
    pub unit: String,
    #[serde(default)]
    pub parts: Vec<String>,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl IngestRecord {
    pub fn file_name(&self) -> &str {
        std::path::Path::new(&self.file)
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or(&self.file)
    }

    /// The workbook sheet the part was read from: a sheet's rows are recorded as
    /// `FILE, sheet "NAME"`.
    pub fn sheet(&self) -> Option<&str> {
        let (_, sheet) = self.file.split_once(", sheet \"")?;
        sheet.strip_suffix('"')
    }
}

impl Manifest {
    pub fn empty() -> Self {
        Manifest {
            format: FORMAT,
            generation: 0,
            key_check: None,
            written_by: None,
            ingests: Vec::new(),
        }
    }

    pub fn find(&self, id: &str) -> Option<&IngestRecord> {
        self.ingests.iter().find(|i| i.id == id)
    }

    /// The newest ingest of a reference kind.
    pub fn reference(&self, kind: Kind) -> Option<&IngestRecord> {
        self.ingests.iter().rev().find(|i| i.kind == kind)
    }

    /// Every ingest of a reference kind, oldest first: areas and enterprises have one;
    /// eligible counts and targets one per file, each file's keys replacing the same
    /// keys of the files before it.
    pub fn references(&self, kind: Kind) -> Vec<&IngestRecord> {
        self.ingests.iter().filter(|i| i.kind == kind).collect()
    }

    /// Every roll snapshot the store holds, as (org, as-of date), one entry per part;
    /// `orgs` are the store's.
    pub fn roll_snapshots(&self, orgs: &Orgs) -> Vec<(Org, NaiveDate)> {
        self.ingests
            .iter()
            .filter(|i| i.kind == Kind::Roll)
            .filter_map(|i| {
                let org = orgs.parse(i.org.as_deref()?)?;
                Some((org, i.as_of.as_deref()?.parse::<NaiveDate>().ok()?))
            })
            .collect()
    }

    /// Every roll part's (org, as-of, rows): a snapshot's rows are the sum of its parts'.
    pub fn roll_part_rows(&self, orgs: &Orgs) -> Vec<(Org, NaiveDate, u64)> {
        self.ingests
            .iter()
            .filter(|i| i.kind == Kind::Roll)
            .filter_map(|i| {
                let org = orgs.parse(i.org.as_deref()?)?;
                let as_of = i.as_of.as_deref()?.parse::<NaiveDate>().ok()?;
                Some((org, as_of, i.rows))
            })
            .collect()
    }

    /// The parts of one roll snapshot.
    pub fn snapshot_parts(&self, org: &str, as_of: &str) -> Vec<&IngestRecord> {
        self.ingests
            .iter()
            .filter(|i| {
                i.kind == Kind::Roll
                    && i.org.as_deref() == Some(org)
                    && i.as_of.as_deref() == Some(as_of)
            })
            .collect()
    }
}
