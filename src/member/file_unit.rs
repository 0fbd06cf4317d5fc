//! A commune's own list: a roll a commune sends of its own members has no commune
//! column; the commune is in its title ("DANH SÁCH HỘI VIÊN HỘI LIÊN HIỆP PHỤ NỮ PHƯỜNG
//! SA PA"), or is the sheet's name, or the person says it (`--area CODE|NAME`). Every
//! row of such a file is of that unit. Names are read by the rows' rules (type,
//! qualifier, the 2025 crosswalk); a name that fits several units, or two sources that
//! name different units, refuse the file: a wrong guess would move every member.

use compact_str::CompactString;

use crate::error::Failure;
use crate::lang::ingest as msg;
use crate::lang::Text;
use crate::reference::crosswalk;
use crate::reference::{NameMatch, Reference};
use crate::text::fold;

/// The unit every row of a file is of, and where it was read.
#[derive(Debug, Clone, PartialEq)]
pub struct FileUnit {
    pub code: CompactString,
    pub name: String,
    pub from: Text,
}

impl FileUnit {
    /// What the summary says.
    pub fn sentence(&self) -> Text {
        crate::t!(msg::FILE_UNIT, &self.name, self.code.as_str(), &self.from)
    }
}

/// What a file says of its unit, where it has no unit column.
pub struct Sources<'a> {
    /// The file's name in messages, and its header's line.
    pub file: &'a str,
    pub header_line: u64,
    /// The header's cells, named when nothing gives the unit.
    pub headers: &'a [String],
    /// `--area`.
    pub option: Option<&'a str>,
    pub title: &'a [String],
    pub sheet: Option<&'a str>,
}

/// The unit of a file without a unit column: the one unit its sources name, or a
/// refusal that says what is missing or which units contradict each other.
pub fn file_unit(s: &Sources, reference: &Reference) -> anyhow::Result<FileUnit> {
    let mut found: Vec<FileUnit> = Vec::new();
    if let Some(raw) = s.option {
        let unit = resolve(raw, reference).map_err(|why| {
            Failure::usage(crate::t!(msg::AREA_OPTION_UNREAD, raw, why))
                .hint(crate::t!(msg::AREA_OPTION_HINT))
        })?;
        found.push(FileUnit {
            code: unit.0,
            name: unit.1,
            from: crate::t!(msg::FROM_AREA_OPTION),
        });
    }
    for line in s.title {
        if let Some((code, name)) = unit_in_text(line, reference, s.file)? {
            found.push(FileUnit {
                code,
                name,
                from: crate::t!(msg::FROM_TITLE, line),
            });
        }
    }
    if let Some(sheet) = s.sheet {
        let named = match resolve(sheet, reference) {
            Ok(unit) => Some(unit),
            Err(_) => unit_in_text(sheet, reference, s.file)?,
        };
        if let Some((code, name)) = named {
            found.push(FileUnit {
                code,
                name,
                from: crate::t!(msg::FROM_SHEET_NAME, sheet),
            });
        }
    }
    let Some(first) = found.first().cloned() else {
        let headers: Vec<String> = s
            .headers
            .iter()
            .filter(|h| !h.is_empty())
            .map(|h| format!("\"{h}\""))
            .collect();
        return Err(Failure::invalid(crate::t!(
            msg::NO_FILE_UNIT,
            s.file,
            s.header_line,
            headers.join(", ")
        ))
        .hint(crate::t!(msg::NO_FILE_UNIT_HINT))
        .into());
    };
    if let Some(other) = found.iter().find(|u| u.code != first.code) {
        return Err(Failure::invalid(crate::t!(
            msg::UNITS_DISAGREE,
            s.file,
            &first.from,
            &first.name,
            first.code.as_str(),
            &other.from,
            &other.name,
            other.code.as_str()
        ))
        .hint(crate::t!(msg::UNITS_DISAGREE_HINT))
        .into());
    }
    Ok(first)
}

/// Where `--area` names the unit of a list grouped under section headings: every
/// heading must name that unit, else the file is refused (a list of several communes
/// takes each row's from its heading, and `--area` would move them all).
pub fn headings_agree(
    unit: &FileUnit,
    headings: &[(u64, String)],
    file: &str,
    reference: &Reference,
) -> anyhow::Result<()> {
    for (line, heading) in headings {
        let named = match resolve(heading, reference) {
            Ok(u) => Some(u),
            Err(_) => unit_in_text(heading, reference, file).ok().flatten(),
        };
        let other = match named {
            Some((code, _)) if code == unit.code => continue,
            Some((code, name)) => format!(" ({name}, {code})"),
            None => String::new(),
        };
        return Err(Failure::invalid(crate::t!(
            msg::HEADING_NOT_AREA,
            file,
            &unit.name,
            unit.code.as_str(),
            *line,
            heading,
            other
        ))
        .hint(crate::t!(msg::HEADING_NOT_AREA_HINT))
        .into());
    }
    Ok(())
}

/// A unit by its code or its name (today's, or one of before the 2025 reform that went
/// whole to one unit of today): its code and name, or why not.
fn resolve(raw: &str, reference: &Reference) -> Result<(CompactString, String), Text> {
    let areas = &reference.areas;
    if areas.is_empty() {
        return Err(crate::t!(msg::NO_AREAS_TO_FIND_IN));
    }
    if let Some(a) = areas.resolve_code(raw) {
        return Ok((CompactString::from(a.code.as_str()), a.name.clone()));
    }
    let list = |units: &[&crate::reference::Area]| {
        units
            .iter()
            .map(|a| format!("{} ({})", a.name, a.code))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match areas.resolve_name_without_district(raw) {
        NameMatch::Found(a) => return Ok((CompactString::from(a.code.as_str()), a.name.clone())),
        NameMatch::Ambiguous(v) => return Err(crate::t!(msg::NAME_FITS_UNITS, v.len(), list(&v))),
        _ => {}
    }
    let held = |u: &crosswalk::OldUnit| u.new.iter().any(|(n, _)| areas.get(n).is_some());
    match crosswalk::builtin().by_name(raw, held).as_slice() {
        [one] => match one.today_in(areas) {
            Ok(code) => {
                let name = areas.get(code).map(|a| a.name.clone()).unwrap_or_default();
                Ok((CompactString::from(code), name))
            }
            Err(why) => Err(why),
        },
        [] => Err(crate::t!(msg::NO_SUCH_UNIT)),
        many => Err(crate::t!(
            msg::NAME_OF_OLD_COMMUNES,
            many.iter()
                .map(|u| u.label())
                .collect::<Vec<_>>()
                .join("; ")
        )),
    }
}

/// The words a commune-level unit's name starts with, folded (`TT.` and `X.` as offices
/// abbreviate them).
fn starts_unit(words: &[&str]) -> bool {
    let w = |i: usize| words.get(i).map(|w| fold(w.trim_end_matches('.')));
    match w(0).as_deref() {
        Some("xa" | "phuong" | "x" | "p" | "tt") => true,
        Some("thi") => w(1).as_deref() == Some("tran"),
        Some("dac") => w(1).as_deref() == Some("khu"),
        _ => false,
    }
}

/// The one unit a line of text names after a commune-level type word (`… PHƯỜNG SA
/// PA`, `… XÃ MƯỜNG CHÀ - HUYỆN MƯỜNG CHÀ`): at each type word, the longest run of up
/// to six words that is a unit's name. Two units in one line refuse the file.
fn unit_in_text(
    line: &str,
    reference: &Reference,
    file: &str,
) -> anyhow::Result<Option<(CompactString, String)>> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let mut hits: Vec<(CompactString, String)> = Vec::new();
    for i in 0..words.len() {
        if !starts_unit(&words[i..]) {
            continue;
        }
        let longest = (2..=7)
            .rev()
            .filter(|k| i + k <= words.len())
            .find_map(|k| {
                let name = words[i..i + k].join(" ");
                let name = name.trim_end_matches([',', ';', ':', '-', ')', '.']);
                resolve(name, reference).ok()
            });
        if let Some(hit) = longest {
            if !hits.iter().any(|h| h.0 == hit.0) {
                hits.push(hit);
            }
        }
    }
    match hits.as_slice() {
        [] => Ok(None),
        [one] => Ok(Some(one.clone())),
        many => Err(Failure::invalid(crate::t!(
            msg::TITLE_NAMES_UNITS,
            file,
            line,
            many.len(),
            many.iter()
                .map(|(c, n)| format!("{n} ({c})"))
                .collect::<Vec<_>>()
                .join(", ")
        ))
        .hint(crate::t!(msg::TITLE_NAMES_UNITS_HINT))
        .into()),
    }
}
