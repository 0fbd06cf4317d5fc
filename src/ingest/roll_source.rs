//! Whether a roll is the snapshot the command says it is: whose roll and as of when
//! (from the flags or the file's columns), the same export already stored as another
//! snapshot, a title that dates the figures otherwise, and rows that do not look like
//! the organization's members. Each slip would store a wrong month or a wrong
//! organization without a word.

use anyhow::Result;
use chrono::NaiveDate;

use super::{FileReport, Options};
use crate::error::Failure;
use crate::lang::{ingest as msg, sources, Text};
use crate::member::title_date::TitleDate;
use crate::org::Org;
use crate::rows::headers::{self, Kind};
use crate::rows::sources::Opened;
use crate::store::Manifest;
use crate::t;

/// Rolls need an organization and a date: from the flags or from columns.
pub(super) fn check_flags(opts: &Options, opened: &[Opened]) -> Result<()> {
    let rolls = || opened.iter().filter(|o| o.table.mapping.kind == Kind::Roll);
    // `--area` names the commune of the rolls without a commune column (one month's
    // main roll and a commune's own list may come in one command); where every roll
    // has one, it names nothing and contradicts them.
    if let (Some(_), Some(first)) = (&opts.area, rolls().next()) {
        if !rolls().any(takes_area) {
            use crate::lang::ingest as msg;
            return Err(Failure::usage(t!(msg::AREA_WITH_UNIT_COLUMN, &first.name))
                .hint(t!(msg::AREA_WITH_UNIT_COLUMN_HINT))
                .into());
        }
    }
    for o in rolls() {
        let m = &o.table.mapping;
        if opts.org.is_none() && !m.has(headers::Field::Org) {
            return Err(Failure::usage(t!(crate::lang::sources::WHICH_ORG, &o.name))
                .hint(t!(crate::lang::sources::ADD_ORG))
                .into());
        }
        if opts.as_of.is_none() && !m.has(headers::Field::AsOf) {
            // The title (or the sheet's name) may say it: offered, not taken.
            let said = crate::member::title_date::figures_date(&o.table.title).or_else(|| {
                (o.table.sheet.as_deref()).and_then(crate::member::title_date::sheet_date)
            });
            let hint = match said.as_ref().and_then(|t| t.day().map(|d| (t, d))) {
                Some((t, d)) => t!(
                    sources::ADD_AS_OF_TITLE,
                    Text::Said(t.line.clone()),
                    d.format("%d/%m/%Y").to_string()
                ),
                None => t!(sources::ADD_AS_OF),
            };
            return Err(Failure::usage(t!(sources::WHICH_DATE, &o.name))
                .hint(hint)
                .into());
        }
    }
    Ok(())
}

/// Whether `--area` gives the unit of a roll's rows: it has no unit column, or only
/// the one its section headings fill (`sections.rs`).
fn takes_area(o: &Opened) -> bool {
    !o.table.mapping.has_unit() || o.table.sections.give_units()
}

/// The ingests that already stored these bytes as this kind (and, for a roll, with
/// the same --org and --as-of).
pub(super) fn already_ingested(next: &Manifest, o: &Opened, opts: &Options) -> Vec<String> {
    let kind = o.table.mapping.kind;
    let roll = kind == Kind::Roll;
    let flag_org = opts.org.as_ref().filter(|_| roll);
    let flag_as_of = opts.as_of.filter(|_| roll).map(|d| d.to_string());
    next.ingests
        .iter()
        .filter(|i| o.sha256.as_ref() == Some(&i.sha256) && i.kind == kind)
        .filter(|i| flag_org.is_none_or(|x| i.org.as_deref() == Some(x.code())))
        .filter(|i| {
            flag_as_of
                .as_ref()
                .is_none_or(|x| i.as_of.as_ref() == Some(x))
        })
        .map(|i| i.id.clone())
        .collect()
}

/// Takes out an ingest of the same bytes stored as another snapshot (--replace): the
/// file is stored anew as the snapshot asked for.
pub(super) fn move_out(
    next: &mut Manifest,
    id: &str,
    report: &mut FileReport,
    orgs: &crate::org::Orgs,
) {
    if let Some(r) = next.find(id) {
        report.notes.push(crate::t!(
            crate::lang::parts::MOVES_INGEST,
            id,
            stored_as(r, orgs)
        ));
    }
    next.ingests.retain(|i| i.id != id);
}

/// Whether a workbook's sheet already stored is read again: `--replace` with
/// `--date-cells` saying how its date cells read, which the stored ingest may have
/// read otherwise. The ingests are taken out, and said so.
pub(super) fn reread(
    next: &mut Manifest,
    done: &[String],
    o: &Opened,
    opts: &Options,
    report: &mut FileReport,
) -> bool {
    let said = opts.replace && opts.date_cells != crate::rows::DateMode::Checked;
    if !said || o.table.sheet.is_none() {
        return false;
    }
    for id in done {
        report
            .notes
            .push(crate::t!(crate::lang::parts::REREADS_INGEST, id.as_str()));
        next.ingests.retain(|i| i.id != *id);
    }
    true
}

/// The ingests that stored these same bytes (by checksum) as another organization's
/// roll or another date's, when none stored them as the snapshot the flags name. One
/// export is one snapshot: without `--replace` the file is refused, naming where it
/// is; with it, the caller moves it (drops those ingests and stores it anew).
pub(super) fn stored_elsewhere(next: &Manifest, o: &Opened, opts: &Options) -> Result<Vec<String>> {
    let Some(sha) = o.sha256.as_ref() else {
        return Ok(Vec::new());
    };
    let same = next
        .ingests
        .iter()
        .filter(|i| i.kind == Kind::Roll && &i.sha256 == sha);
    let here = |i: &&crate::store::IngestRecord| {
        opts.org
            .as_ref()
            .is_none_or(|x| i.org.as_deref() == Some(x.code()))
            && opts
                .as_of
                .is_none_or(|d| i.as_of.as_deref() == Some(d.to_string().as_str()))
    };
    let (here, elsewhere): (Vec<_>, Vec<_>) = same.partition(here);
    // Stored as this snapshot already ("nothing changed"), or nowhere.
    if !here.is_empty() || elsewhere.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<&str> = elsewhere.iter().map(|i| i.id.as_str()).collect();
    if opts.replace {
        return Ok(ids.iter().map(|id| id.to_string()).collect());
    }
    let first = elsewhere[0];
    // The month to write in the title: the one asked for, else the stored one's.
    let stored = first.as_of.as_deref().and_then(|d| d.parse().ok());
    let month = opts.as_of.or(stored).map_or_else(
        || "10/2026".to_string(),
        |d: chrono::NaiveDate| d.format("%-m/%Y").to_string(),
    );
    Err(Failure::invalid(t!(
        crate::lang::sources::ALREADY_STORED_AS,
        &o.name,
        stored_as(first, &opts.orgs),
        ids.join(", ")
    ))
    .hint(t!(
        crate::lang::sources::ALREADY_STORED_HINT,
        month,
        stored_as(first, &opts.orgs),
        ids[0]
    ))
    .into())
}

/// "Youth Union roll as of 2026-10-31", of a stored roll ingest.
pub(super) fn stored_as(r: &crate::store::IngestRecord, orgs: &crate::org::Orgs) -> String {
    let org = r.org.as_deref().and_then(|o| orgs.parse(o));
    format!(
        "{} roll as of {}",
        org.as_ref().map_or("?", Org::english),
        r.as_of.as_deref().unwrap_or("?")
    )
}

/// Refuses a roll whose title dates its figures otherwise than the snapshot date (last
/// month's file under this month's date); `flag` says whether the date came from
/// `--as-of` or the file's as_of column.
pub(super) fn check_title(
    file: &str,
    title: &TitleDate,
    as_of: NaiveDate,
    flag: bool,
) -> Result<()> {
    if title.agrees(as_of) {
        return Ok(());
    }
    if title.sheet {
        let said = crate::t!(msg::SHEET_MONTH, file, &title.line, title.said(), as_of);
        let hint = match flag {
            true => crate::t!(msg::SHEET_MONTH_HINT, title.said(), as_of),
            false => crate::t!(msg::SHEET_MONTH_COLUMN_HINT),
        };
        return Err(Failure::invalid(said).hint(hint).into());
    }
    let given = as_of.format("%d/%m/%Y").to_string();
    let (said, hint) = if flag {
        (
            t!(
                sources::TITLE_VS_AS_OF,
                file,
                title.said(),
                &title.line,
                &given
            ),
            // A workbook of a sheet per month (found by review: `Tháng 9` beside
            // `Tháng 10`): the month's sheet is read alone with --sheet.
            match file.contains(", sheet \"") {
                true => t!(sources::TITLE_VS_AS_OF_SHEET_HINT, title.said(), &given),
                false => t!(sources::TITLE_VS_AS_OF_HINT, title.said(), &given),
            },
        )
    } else {
        (
            t!(
                sources::TITLE_VS_COLUMN,
                file,
                title.said(),
                &title.line,
                &given
            ),
            t!(sources::CORRECT_TITLE_COLUMN_WHICHEVER),
        )
    };
    Err(Failure::invalid(said).hint(hint).into())
}

/// Rows read against the organization's eligible group: those with what the group is
/// checked by (sex, age), and those outside it.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Fits {
    pub known: u64,
    pub outside: u64,
}

/// A roll is refused as another organization's when more than one in
/// `OUTSIDE_SHARE` of its checkable rows (and at least `OUTSIDE_MIN`) fall outside the
/// group: a few older members are an office's reality, a fifth is the wrong `--org`.
const OUTSIDE_SHARE: u64 = 5;
const OUTSIDE_MIN: u64 = 5;

impl Fits {
    pub(super) fn add(&mut self, fit: crate::member::Fit) {
        use crate::member::Fit;
        self.known += u64::from(fit != Fit::Unknown);
        self.outside += u64::from(fit == Fit::Outside);
    }

    fn too_many(&self) -> bool {
        self.outside >= OUTSIDE_MIN && self.outside * OUTSIDE_SHARE > self.known
    }
}

/// Refuses a roll that does not look like the organization's (strict); with
/// `--skip-invalid` it is stored, and the returned alert says so.
pub(super) fn check_fits(
    file: &str,
    org: Option<&Org>,
    fits: Fits,
    skip_invalid: bool,
) -> Result<Option<Text>> {
    let Some(org) = org.filter(|_| fits.too_many()) else {
        return Ok(None);
    };
    let (by, group) = group_of(org);
    let said = t!(sources::OUTSIDE_GROUP, fits.outside, fits.known, by, group);
    // An org's English name: the old catalogue says the five in Vietnamese.
    let name = Text::from(org.english());
    if skip_invalid {
        return Ok(Some(t!(sources::OUTSIDE_GROUP_STORED, said, name)));
    }
    Err(Failure::invalid(t!(
        sources::OUTSIDE_GROUP_REFUSED,
        file,
        said,
        OUTSIDE_SHARE,
        name
    ))
    .hint(t!(sources::OUTSIDE_GROUP_HINT))
    .into())
}

/// What an organization's group is checked by, and the group, as a sentence says them.
fn group_of(org: &Org) -> (Text, Text) {
    match org {
        Org::Women => (t!(sources::BY_SEX_OR_AGE), t!(sources::WOMEN_GROUP)),
        Org::Youth => (t!(sources::BY_AGE), t!(sources::YOUTH_GROUP)),
        other => {
            let def = other.def();
            let name = Text::from(other.english());
            let group = match def.map(|d| (d.min_age, d.max_age)) {
                Some((Some(lo), Some(hi))) => t!(sources::AGES_BETWEEN, name, lo, hi),
                Some((Some(lo), None)) => t!(sources::AGES_FROM, name, lo),
                Some((None, Some(hi))) => t!(sources::AGES_UP_TO, name, hi),
                _ => t!(sources::ITS_AGES, name),
            };
            (t!(sources::BY_AGE), group)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fifth_of_the_checked_rows_outside_is_too_many() {
        for (known, outside, refused) in [
            (100, 20, false),
            (100, 21, true),
            (10, 4, false),
            (10, 5, true),
            (1_930, 1_930, true),
            (0, 0, false),
        ] {
            assert_eq!(
                Fits { known, outside }.too_many(),
                refused,
                "{outside} of {known}"
            );
        }
    }
}
