//! The taker's side of the roll pipeline: parsed rows taken back in file order, each
//! member into the snapshots (the duplicate check's look-ups started ahead), each reject
//! to the rejects, and what the summary will say about the rows counted on the way.

use anyhow::Result;

use super::roll_source::Fits;
use super::snapshot::{Ahead, Prepared, Snapshots};
use super::Out;
use crate::member;
use crate::rows::headers::{Field, Mapping};
use crate::rows::table::Row;

/// How many rows ahead the duplicate check's look-ups are started: enough to cover a
/// memory access, few enough that the lines are still in the cache when read.
const PREFETCH_AHEAD: usize = 16;

/// What the calling thread keeps while it takes a file's parsed rows in order: the
/// snapshots being built, and what the summary will say about the rows.
pub(super) struct Taker<'a> {
    pub mapping: &'a Mapping,
    pub snapshots: Snapshots<'a>,
    pub fits: Fits,
    pub excused: Excused,
    /// The look-ups a chunk will make, kept from chunk to chunk.
    pub ahead: Vec<Option<Ahead>>,
}

impl Taker<'_> {
    /// Takes one chunk: each member into the snapshots, each reject to the rejects.
    pub(super) fn take(
        &mut self,
        rows: &[Row],
        mut parsed: Vec<member::Parsed>,
        prepared: &mut Prepared,
        out: &mut Out,
    ) -> Result<()> {
        // The duplicate check's look-ups miss the cache: each is started
        // PREFETCH_AHEAD rows before it is needed, so that it has arrived.
        let ahead = &mut self.ahead;
        ahead.clear();
        ahead.extend(
            parsed
                .iter()
                .map(|p| p.member.as_ref().ok().map(Snapshots::ahead)),
        );
        for a in ahead.iter().take(PREFETCH_AHEAD).flatten() {
            self.snapshots.prefetch(a);
        }
        // Each row is read where the worker left it: moving a parsed row
        // (216 bytes) out of the chunk was a copy a row.
        for (i, (row, parsed)) in rows.iter().zip(parsed.iter_mut()).enumerate() {
            if let Some(Some(a)) = self.ahead.get(i + PREFETCH_AHEAD) {
                self.snapshots.prefetch(a);
            }
            if !parsed.warnings.is_empty() {
                out.warn(std::mem::take(&mut parsed.warnings));
            }
            if let Some(u) = parsed.mapped {
                *out.report.mapped.entry(u.code.as_str()).or_default() += 1;
            }
            out.report.padded += u64::from(parsed.padded);
            self.fits.add(parsed.fit);
            if parsed.excused {
                self.excused.add(row.get(self.mapping.index(Field::Status)));
            }
            match &parsed.member {
                Ok(m) => {
                    let from_id = parsed.sex_from_id;
                    self.snapshots.keep(m, from_id, row, prepared, out)?
                }
                Err(problem) => out.reject(problem.clone(), row, &self.mapping.headers)?,
            }
        }
        Ok(())
    }
}

/// Rows read as members by the rule for temporary statuses, and the words they had.
#[derive(Default)]
pub(super) struct Excused {
    rows: u64,
    /// The first few cells as written (compared without a copy), and as said.
    raw: Vec<String>,
    words: std::collections::BTreeSet<String>,
}

impl Excused {
    fn add(&mut self, word: &str) {
        self.rows += 1;
        if self.raw.len() < 5 && !self.raw.iter().any(|r| r == word) {
            self.raw.push(word.to_string());
            self.words.insert(crate::text::clean(word));
        }
    }

    /// The rule, said once with its count.
    pub(super) fn note(&self) -> Option<crate::lang::Text> {
        (self.rows > 0).then(|| {
            let words: Vec<&str> = self.words.iter().map(String::as_str).collect();
            crate::t!(
                crate::lang::parts::READ_TEMPORARY_STATUS,
                self.rows,
                words.join(", ")
            )
        })
    }
}
