//! Snapshot assembly: each valid member of a roll file goes to the part of its
//! snapshot (organization, as-of date), unless the snapshot already holds the person.

use anyhow::Result;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashSet};

use super::dedupe::Seen;
use super::part_thread::PartThread;
use super::{ingest_id, now_utc, Out};
use crate::error::{Exit, Failure};
use crate::lang::{rows, Text};
use crate::member::title_date::TitleDate;
use crate::org::Org;
use crate::roll::Member;
use crate::rows::headers::Kind;
use crate::rows::row::Row;
use crate::store::roll_group::{Group, RollPartWriter};
use crate::store::IngestRecord;
use crate::t;
use crate::value::problem::Problem;

/// The file a table comes from: a workbook's sheet (`file, sheet "S"`) is of its
/// workbook.
pub(super) fn workbook_of(name: &str) -> &str {
    name.split_once(", sheet \"").map_or(name, |(f, _)| f)
}

/// Members per Parquet row group.
const BATCH_ROWS: usize = 65_536;

pub(super) type SnapKey = (Org, NaiveDate);

/// Snapshots whose existing parts this command has already decided about (kept or
/// replaced): a second file of the same snapshot adds to it.
#[derive(Default)]
pub(super) struct Prepared(HashSet<SnapKey>);

/// A member's identity keys, to prefetch their look-up.
pub(super) type Ahead = super::dedupe::Keys;

/// The snapshot one roll file writes to: a file is one snapshot (one organization, one
/// as-of date), which its first member names; a member of another is refused.
pub(super) struct Snapshots<'a> {
    file: &'a str,
    headers: &'a [String],
    replace: bool,
    /// Identity keys the file is expected to bring, to size the duplicate check.
    keys_hint: usize,
    /// Who the snapshot holds, once its first member is read.
    seen: Option<Seen>,
    part: Option<SnapPart>,
    /// `--org` and `--as-of`, which the file's own columns must not contradict.
    flags: (Option<Org>, Option<NaiveDate>),
    /// The dates the file's title and its sheet's name give its figures, which the
    /// snapshot date must not contradict either.
    title: Vec<TitleDate>,
    /// The snapshot of the file's first member, and its line: a file is one snapshot.
    first: Option<(SnapKey, u64)>,
    /// Persons (key prefixes) departed without a date: set against the org's
    /// previous snapshot once every file is read.
    undated: Vec<u64>,
    /// Rows and members active at the snapshot date, by unit: set against the org's
    /// previous snapshot once every file is read.
    units: UnitCounts,
    /// Rows rejected as repeating a row stored from an earlier ingest, by its file: a
    /// corrected export under a new name repeats one earlier file whole.
    repeats_stored: BTreeMap<String, u64>,
}

/// Rows and active members counted by unit on the hot path: by the entry of the
/// unit's code in the part's row group (a vector increment: the group has looked the
/// code up already), the codes read once per row group, before it is written.
#[derive(Default)]
struct UnitCounts {
    by_entry: Vec<(u64, u64)>,
    by_code: super::missing::Units,
}

impl UnitCounts {
    fn add(&mut self, entry: u32, active: bool) {
        let e = entry as usize;
        if self.by_entry.len() <= e {
            self.by_entry.resize(e + 1, (0, 0));
        }
        self.by_entry[e].0 += 1;
        self.by_entry[e].1 += u64::from(active);
    }

    /// Takes the counts of the group's rows by their codes.
    fn harvest(&mut self, g: &Group) {
        for (e, (rows, members)) in self.by_entry.iter().enumerate() {
            if *rows > 0 {
                let code = String::from_utf8_lossy(g.area_code(e as u32)).into_owned();
                let slot = self.by_code.entry(code).or_default();
                slot.0 += rows;
                slot.1 += members;
            }
        }
        self.by_entry.clear();
    }
}

/// One snapshot's part being written from one file (named once the file's checksum
/// is known, when it is read).
struct SnapPart {
    tmp: std::path::PathBuf,
    writer: PartThread,
    group: Group,
    /// Rows read from a pre-reform code.
    mapped: u64,
    /// Members whose sex was read from the national ID.
    sex_from_id: u64,
}

impl<'a> Snapshots<'a> {
    pub(super) fn new(
        file: &'a str,
        headers: &'a [String],
        replace: bool,
        keys_hint: usize,
        flags: (Option<Org>, Option<NaiveDate>),
    ) -> Self {
        Snapshots {
            file,
            headers,
            replace,
            keys_hint,
            seen: None,
            part: None,
            flags,
            title: Vec::new(),
            first: None,
            undated: Vec::new(),
            units: UnitCounts::default(),
            repeats_stored: BTreeMap::new(),
        }
    }

    /// Checks the snapshot date against the dates the title and the sheet's name give
    /// the figures.
    pub(super) fn with_title(mut self, title: impl IntoIterator<Item = TitleDate>) -> Self {
        self.title = title.into_iter().collect();
        self
    }

    /// The organization of the file's snapshot, once a member is read.
    pub(super) fn org(&self) -> Option<Org> {
        self.first.as_ref().map(|((org, _), _)| org.clone())
    }

    /// The day of the file's snapshot, once a member is read.
    pub(super) fn as_of(&self) -> Option<NaiveDate> {
        self.first.as_ref().map(|((_, day), _)| *day)
    }

    /// Rejects a member the snapshot already holds; otherwise adds it to its part.
    /// `sex_from_id`: the member's sex was read from the national ID.
    pub(super) fn keep(
        &mut self,
        member: &Member,
        sex_from_id: bool,
        row: &Row,
        prepared: &mut Prepared,
        out: &mut Out,
    ) -> Result<()> {
        self.one_snapshot(&member.org, member.as_of, row.line)?;
        if self.seen.is_none() {
            let key = (member.org.clone(), member.as_of);
            let seen = self.open(key, self.keys_hint, prepared, out)?;
            self.seen = Some(seen);
        }
        let Some(seen) = self.seen.as_mut() else {
            anyhow::bail!("internal error: no duplicate check for the snapshot");
        };
        let origin = seen.origin(self.file, row.line);
        if let Some((first, same)) = seen.check_and_insert(member, origin) {
            if let Some(f) = seen.stored_file(first) {
                *self.repeats_stored.entry(f.to_string()).or_default() += 1;
            }
            let problem = Problem::new(
                self.file,
                row.line,
                None,
                "",
                t!(rows::REPEATS_PERSON, same.describe(), seen.describe(first)),
            )
            .hint(t!(rows::REMOVE_DUPLICATE));
            return out.reject(problem, row, self.headers);
        }
        let part = match &mut self.part {
            Some(p) => p,
            None => {
                let tmp = out.writer.stage_unnamed();
                self.part.insert(SnapPart {
                    tmp: tmp.clone(),
                    writer: PartThread::start(RollPartWriter::create(&tmp)?)?,
                    group: Group::default(),
                    mapped: 0,
                    sex_from_id: 0,
                })
            }
        };
        if !member.active && member.left_on.is_none() {
            self.undated
                .push(crate::roll::person_prefix(&member.person));
        }
        part.mapped += u64::from(member.area_from.is_some());
        part.sex_from_id += u64::from(sex_from_id);
        out.report.sex_from_id += u64::from(sex_from_id);
        part.group.push(member);
        if let Some(list) = out.report.own_list.as_mut() {
            list.keep(member);
        }
        if let Some(entry) = part.group.last_area() {
            let active = member.left_on.map_or(member.active, |l| l > member.as_of);
            self.units.add(entry, active);
        }
        if part.group.len() >= BATCH_ROWS {
            self.units.harvest(&part.group);
            let full = std::mem::replace(&mut part.group, part.writer.empty_group());
            part.writer.write(full)?;
        }
        Ok(())
    }

    /// What [`Snapshots::prefetch`] needs of a member, taken before the member is kept.
    pub(super) fn ahead(m: &Member) -> Ahead {
        super::dedupe::identity_keys(m)
    }

    /// Starts bringing the duplicate check's slots for a member into the cache, a few
    /// rows before [`Snapshots::keep`] looks them up.
    pub(super) fn prefetch(&self, keys: &Ahead) {
        if let Some(seen) = &self.seen {
            seen.prefetch(keys);
        }
    }

    /// Refuses a file whose org or as-of column contradicts `--org`/`--as-of`, or that
    /// holds two organizations or two dates: either would be stored, without a word,
    /// as a snapshot the file does not describe.
    fn one_snapshot(&mut self, org: &Org, as_of: NaiveDate, line: u64) -> Result<()> {
        let refuse = |what: crate::lang::Text, hint: crate::lang::Text| -> Result<()> {
            Err(Failure::invalid(what).hint(hint).into())
        };
        if let Some(flag) = self.flags.0.as_ref().filter(|f| *f != org) {
            return refuse(
                t!(
                    crate::lang::sources::ORG_CONTRADICTS,
                    self.file,
                    flag.text(),
                    org.text(),
                    line
                ),
                t!(crate::lang::sources::LEAVE_OUT_ORG_FILE),
            );
        }
        if let Some(flag) = self.flags.1.filter(|f| *f != as_of) {
            return refuse(
                t!(
                    crate::lang::sources::AS_OF_CONTRADICTS,
                    self.file,
                    flag.format("%d/%m/%Y").to_string(),
                    as_of.format("%d/%m/%Y").to_string(),
                    line
                ),
                t!(crate::lang::sources::LEAVE_OUT_AS_OF),
            );
        }
        match &self.first {
            None => {
                for t in &self.title {
                    super::roll_source::check_title(self.file, t, as_of, self.flags.1.is_some())?;
                }
                self.first = Some(((org.clone(), as_of), line))
            }
            Some(((o, _), l)) if o != org => {
                return refuse(
                    t!(
                        crate::lang::sources::TWO_ORGS,
                        self.file,
                        o.text(),
                        *l,
                        org.text(),
                        line
                    ),
                    t!(crate::lang::sources::ONE_ORG_PER_ROLL),
                )
            }
            Some(((_, d), l)) if *d != as_of => {
                return refuse(
                    t!(
                        crate::lang::sources::TWO_DATES,
                        self.file,
                        d.format("%d/%m/%Y").to_string(),
                        *l,
                        as_of.format("%d/%m/%Y").to_string(),
                        line
                    ),
                    t!(crate::lang::sources::ONE_DATE_PER_ROLL),
                )
            }
            Some(_) => {}
        }
        Ok(())
    }

    /// The duplicate check of a snapshot this file reaches for the first time. The
    /// first file of the command to reach it decides which existing parts stay (with
    /// --replace) and refuses a silent replacement; every file then loads who the
    /// remaining parts hold, including parts written earlier in this command.
    fn open(
        &self,
        key: SnapKey,
        hint: usize,
        prepared: &mut Prepared,
        out: &mut Out,
    ) -> Result<Seen> {
        let (org, as_of) = (key.0.code().to_string(), key.1.to_string());
        if !prepared.0.contains(&key) {
            self.decide_existing(&key, out)?;
            prepared.0.insert(key);
        }
        let parts: Vec<IngestRecord> = out
            .next
            .snapshot_parts(&org, &as_of)
            .into_iter()
            .cloned()
            .collect();
        let stored: u64 = parts.iter().map(|p| p.rows).sum();
        let stored = usize::try_from(stored).unwrap_or(usize::MAX);
        let mut seen = Seen::with_capacity(hint.saturating_add(stored.saturating_mul(2)));
        for rec in &parts {
            let earlier = out.writer.is_staged(rec);
            seen.load(&rec.file, &out.writer.identities(rec)?, earlier);
        }
        Ok(seen)
    }

    fn decide_existing(&self, (org_is, day): &SnapKey, out: &mut Out) -> Result<()> {
        let (org, as_of) = (org_is.code(), day.to_string());
        let name = workbook_of(
            std::path::Path::new(self.file)
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or(self.file),
        )
        .to_string();
        let existing = out.next.snapshot_parts(org, &as_of);
        // The sheets of a workbook are parts of one file: a corrected workbook replaces
        // all of them.
        let same_name: Vec<&IngestRecord> = existing
            .iter()
            .copied()
            .filter(|r| workbook_of(r.file_name()) == name)
            .collect();
        if self.replace {
            let pick = if same_name.is_empty() {
                existing
            } else {
                same_name
            };
            let drop_ids: Vec<String> = pick.iter().map(|r| r.id.clone()).collect();
            for r in &pick {
                out.report.notes.push(t!(
                    crate::lang::sources::REPLACES_INGEST,
                    &r.id,
                    &r.file,
                    Text::Count(r.rows),
                    org_is.text(),
                    Text::Date(*day)
                ));
            }
            out.next.ingests.retain(|i| !drop_ids.contains(&i.id));
        } else if let Some(prev) = same_name.first() {
            return Err(Failure::new(
                Exit::Failure,
                t!(
                    crate::lang::sources::SNAPSHOT_HAS_OTHER_PART,
                    org_is.text(),
                    Text::Date(*day),
                    &name,
                    &prev.id
                ),
            )
            .hint(t!(crate::lang::sources::REPLACE_PART_CORRECTED_FILE))
            .into());
        }
        Ok(())
    }

    /// Writes the last rows of the part and records it in the next manifest, with the
    /// file's rejects and warnings.
    /// `sha256` is the file's checksum, which names the ingests.
    pub(super) fn finish(
        self,
        sha256: &str,
        bytes: u64,
        encoding: &str,
        out: &mut Out,
    ) -> Result<Vec<IngestRecord>> {
        // Every rejected row repeats one earlier file: this file corrects it.
        if let [(file, n)] = self.repeats_stored.iter().collect::<Vec<_>>().as_slice() {
            if **n == out.report.rejected && out.report.rejected > 0 {
                out.report.corrects = Some(file.to_string());
            }
        }
        let (Some((key, _)), Some(mut p)) = (self.first, self.part) else {
            return Ok(Vec::new());
        };
        if !self.undated.is_empty() {
            out.report.undated.insert(key.clone(), self.undated);
        }
        let mut counts = self.units;
        counts.harvest(&p.group);
        let units = out.report.units.entry(key.clone()).or_default();
        for (code, (rows, members)) in counts.by_code {
            let slot = units.entry(code).or_default();
            slot.0 += rows;
            slot.1 += members;
        }
        p.writer.write(p.group)?;
        let info = p.writer.finish()?;
        let id = ingest_id(sha256, Kind::Roll, Some(&key.0), Some(key.1));
        let rel = out
            .writer
            .name_staged_roll(&p.tmp, key.0.code(), &key.1.to_string(), &id);
        let rec = IngestRecord {
            id,
            kind: Kind::Roll,
            file: self.file.to_string(),
            sha256: sha256.to_string(),
            file_bytes: Some(bytes),
            rows: info.rows,
            rejected: out.report.rejected,
            warnings: out.report.warnings,
            ingested_at: now_utc(),
            encoding: encoding.into(),
            org: Some(key.0.code().into()),
            as_of: Some(key.1.to_string()),
            part: rel,
            part_sha256: info.sha256,
            part_bytes: info.bytes,
            mapped: p.mapped,
            sex_from_id: p.sex_from_id,
            same_as: None,
        };
        out.next.ingests.push(rec.clone());
        Ok(vec![rec])
    }
}
