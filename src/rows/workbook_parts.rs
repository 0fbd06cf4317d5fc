//! The parts of a ZIP workbook (.xlsx, .xlsm, .xlsb, .ods), each inflated to its end
//! before calamine reads any: the CRC-32 of every part is checked (calamine stops
//! reading a sheet at its closing tag, so damage after it was never seen, and a damaged
//! byte that still inflates changes a cell without a word), and what the shared
//! strings and the styles will expand to in memory is counted, since calamine parses
//! both whole for every sheet it reads.
//!
//! Inflating the parts costs a pass over the workbook's text; on the 1M-row workbook
//! of BENCHMARKS.md it is measured there.

use anyhow::Result;
use std::collections::{HashMap, HashSet};
use std::io::{Read, Seek};

use crate::error::Failure;
use crate::t;

/// What calamine's parse of the shared strings and styles will hold.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(super) struct Expansion {
    /// Bytes of the shared strings part, inflated.
    pub strings_bytes: u64,
    /// Shared strings (`<si>` elements), and the count the table declares (calamine
    /// reserves room for that many at once).
    pub strings: u64,
    pub declared_strings: u64,
    /// Elements of the styles part.
    pub styles: u64,
}

/// Which parts are counted, and how.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Counted {
    SharedStrings,
    Styles,
    Not,
}

fn counted(entry: &str) -> Counted {
    let file = entry
        .rsplit('/')
        .next()
        .unwrap_or(entry)
        .to_ascii_lowercase();
    match file.as_str() {
        "sharedstrings.xml" => Counted::SharedStrings,
        "styles.xml" => Counted::Styles,
        _ => Counted::Not,
    }
}

/// Which parts a check inflates: the sheets' (the most of a workbook's bytes, checked
/// on a thread of its own while calamine parses the rest), or the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Half {
    Sheets,
    Others,
}

/// Inflates every part to its end: a part that fails its checksum or cannot be inflated
/// is a damaged workbook, named with its sheet where the part is one. A container that
/// cannot be listed is left to calamine, which says why.
pub(super) fn check_parts<R: Read + Seek>(reader: R, name: &str, half: Half) -> Result<Parts> {
    let Ok(mut z) = zip::ZipArchive::new(reader) else {
        return Ok(Parts::default());
    };
    let sheets = sheet_parts(&mut z);
    // Which sheets have merged cells, known only where the sheets' parts are.
    let mut merged = (!sheets.is_empty()).then(HashSet::new);
    let mut exp = Expansion::default();
    let mut buf = vec![0u8; 64 << 10];
    for i in 0..z.len() {
        // A part that cannot be opened (encrypted, a method tally lacks) is calamine's
        // to refuse.
        let Ok(mut f) = z.by_index(i) else { continue };
        let entry = f.name().map(|n| n.into_owned()).unwrap_or_default();
        let kind = counted(&entry);
        let mut tags = Tags::new(kind);
        let sheet = sheets.get(&entry);
        if (half == Half::Sheets) != sheet.is_some() {
            continue;
        }
        let mut merges = MergeTag::default();
        loop {
            match f.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    tags.feed(&buf[..n]);
                    if sheet.is_some() {
                        merges.feed(&buf[..n]);
                    }
                }
                Err(e) => return Err(damaged(name, &entry, sheet, &e)),
            }
        }
        if let (Some(set), Some(sheet), true) = (merged.as_mut(), sheet, merges.seen) {
            set.insert(sheet.clone());
        }
        match kind {
            Counted::SharedStrings => {
                exp.strings_bytes += f.size();
                exp.strings += tags.count;
                exp.declared_strings = exp.declared_strings.max(tags.unique_count);
            }
            Counted::Styles => exp.styles += tags.count,
            Counted::Not => {}
        }
    }
    Ok(Parts {
        expansion: exp,
        merged,
    })
}

/// What the inflated parts told.
#[derive(Debug, Default)]
pub(super) struct Parts {
    pub expansion: Expansion,
    /// The sheets with merged cells (`<mergeCell>` in their part), so that only those
    /// are read for their regions (a pass over the sheet's XML of its own); `None` when
    /// the sheets' parts are not known (.ods, .xlsb, a workbook without the usual
    /// relationships): every sheet is then read for them.
    pub merged: Option<HashSet<String>>,
}

/// Whether a `<mergeCell` element (with any prefix) goes by, the sheet's XML fed in
/// pieces: the tail of each piece is kept, so a tag cut between two is seen.
#[derive(Default)]
struct MergeTag {
    tail: Vec<u8>,
    seen: bool,
}

impl MergeTag {
    const TAG: &'static [u8] = b"mergeCell ";

    fn feed(&mut self, bytes: &[u8]) {
        if self.seen {
            return;
        }
        let keep = Self::TAG.len() - 1;
        let head = &bytes[..bytes.len().min(keep)];
        self.tail.extend_from_slice(head);
        let finder = memchr::memmem::Finder::new(Self::TAG);
        self.seen = finder.find(&self.tail).is_some() || finder.find(bytes).is_some();
        self.tail.clear();
        self.tail
            .extend_from_slice(&bytes[bytes.len().saturating_sub(keep)..]);
    }
}

fn damaged(name: &str, entry: &str, sheet: Option<&String>, e: &std::io::Error) -> anyhow::Error {
    let why = if e.to_string().contains("checksum") {
        t!(crate::lang::sources::DATA_FAILS_CHECKSUM, entry)
    } else {
        t!(crate::lang::sources::CANNOT_INFLATE, e.to_string(), entry)
    };
    let what = match sheet {
        Some(s) => t!(
            crate::lang::sources::CANNOT_READ_SHEET,
            format!("{name}, sheet \"{s}\""),
            why
        ),
        None => t!(crate::lang::sources::CANNOT_READ_WORKBOOK, name, why),
    };
    Failure::invalid(what)
        .hint(t!(crate::lang::sources::WORKBOOK_DAMAGED_SAVE_AGAIN))
        .into()
}

/// Start tags counted as XML goes by in pieces: every element of the styles, the
/// `<si>` elements of the shared strings (with any prefix: `<x:si>`), and the
/// `uniqueCount` the shared strings' table declares.
struct Tags {
    kind: Counted,
    state: State,
    /// The tag name being read (kept up to a few bytes: only short names matter).
    name: Vec<u8>,
    /// The attributes of the `<sst>` tag, while they are read.
    attrs: Option<Vec<u8>>,
    count: u64,
    unique_count: u64,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Text,
    Name,
    /// Inside a tag after its name; the quote an attribute value is in, if any.
    Attrs(Option<u8>),
}

impl Tags {
    fn new(kind: Counted) -> Tags {
        Tags {
            kind,
            state: State::Text,
            name: Vec::new(),
            attrs: None,
            count: 0,
            unique_count: 0,
        }
    }

    fn feed(&mut self, mut bytes: &[u8]) {
        if self.kind == Counted::Not {
            return;
        }
        while !bytes.is_empty() {
            match self.state {
                State::Text => match memchr::memchr(b'<', bytes) {
                    Some(at) => {
                        self.state = State::Name;
                        self.name.clear();
                        bytes = &bytes[at + 1..];
                    }
                    None => return,
                },
                State::Name => {
                    let b = bytes[0];
                    bytes = &bytes[1..];
                    if b.is_ascii_whitespace() || b == b'>' || b == b'/' {
                        self.end_name();
                        self.state = if b == b'>' {
                            State::Text
                        } else {
                            State::Attrs(None)
                        };
                        if b == b'>' {
                            self.end_tag();
                        }
                    } else if self.name.len() < 16 {
                        self.name.push(b);
                    }
                }
                State::Attrs(quote) => {
                    let b = bytes[0];
                    bytes = &bytes[1..];
                    if let Some(a) = &mut self.attrs {
                        if a.len() < 4096 {
                            a.push(b);
                        }
                    }
                    self.state = match (quote, b) {
                        (None, b'"' | b'\'') => State::Attrs(Some(b)),
                        (Some(q), _) if q == b => State::Attrs(None),
                        (None, b'>') => {
                            self.end_tag();
                            State::Text
                        }
                        _ => self.state,
                    };
                }
            }
        }
    }

    /// A start tag's name is read: counted if it is one.
    fn end_name(&mut self) {
        let name = &self.name;
        if name.is_empty() || matches!(name[0], b'/' | b'?' | b'!') {
            return;
        }
        let local = match name.iter().rposition(|&b| b == b':') {
            Some(at) => &name[at + 1..],
            None => &name[..],
        };
        match self.kind {
            Counted::Styles => self.count += 1,
            Counted::SharedStrings if local == b"si" => self.count += 1,
            Counted::SharedStrings if local == b"sst" => self.attrs = Some(Vec::new()),
            _ => {}
        }
    }

    /// The end of a tag: the `<sst>` tag's declared count, once.
    fn end_tag(&mut self) {
        if let Some(attrs) = self.attrs.take() {
            let text = String::from_utf8_lossy(&attrs);
            self.unique_count = attribute(&text, "uniqueCount")
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0);
        }
    }
}

/// The value of attribute `key` in a tag's attribute text.
fn attribute<'t>(attrs: &'t str, key: &str) -> Option<&'t str> {
    let mut rest = attrs;
    while let Some(at) = rest.find(key) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + key.len()..].trim_start();
        rest = &rest[at + key.len()..];
        if before.is_some_and(|c| !c.is_whitespace()) || !after.starts_with('=') {
            continue;
        }
        let value = after[1..].trim_start();
        let q = value.chars().next()?;
        if q != '"' && q != '\'' {
            return None;
        }
        let end = value[1..].find(q)?;
        return Some(&value[1..1 + end]);
    }
    None
}

/// The largest part read whole to name the sheets (a workbook's list of sheets and
/// its relationships are a few kilobytes).
const SMALL_PART: u64 = 4 << 20;

/// Each worksheet part's sheet name, from `xl/workbook.xml` and its relationships, so
/// that a damaged part is named as the sheet the user sees. Empty when they cannot be
/// read (the part is then named by its path).
pub(super) fn sheet_parts<R: Read + Seek>(z: &mut zip::ZipArchive<R>) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let (Some(book), Some(rels)) = (
        small_part(z, "xl/workbook.xml"),
        small_part(z, "xl/_rels/workbook.xml.rels"),
    ) else {
        return out;
    };
    let mut targets = HashMap::new();
    for tag in tags_named(&rels, "Relationship") {
        if let (Some(id), Some(target)) = (attribute(tag, "Id"), attribute(tag, "Target")) {
            let path = match target.strip_prefix('/') {
                Some(abs) => abs.to_string(),
                None => format!("xl/{target}"),
            };
            targets.insert(id.to_string(), path);
        }
    }
    for tag in tags_named(&book, "sheet") {
        let id = attribute(tag, "r:id").or_else(|| attribute(tag, "id"));
        if let (Some(name), Some(path)) = (attribute(tag, "name"), id.and_then(|i| targets.get(i)))
        {
            out.insert(path.clone(), unescape(name));
        }
    }
    out
}

/// The shared strings part, named by the workbook's relationships.
pub(super) fn strings_part<R: Read + Seek>(z: &mut zip::ZipArchive<R>) -> Option<String> {
    let rels = small_part(z, "xl/_rels/workbook.xml.rels")?;
    tags_named(&rels, "Relationship")
        .into_iter()
        .find_map(|tag| {
            let kind = attribute(tag, "Type")?;
            let target = attribute(tag, "Target")?;
            kind.ends_with("/sharedStrings")
                .then(|| match target.strip_prefix('/') {
                    Some(abs) => abs.to_string(),
                    None => format!("xl/{target}"),
                })
        })
}

fn small_part<R: Read + Seek>(z: &mut zip::ZipArchive<R>, path: &str) -> Option<String> {
    let f = z.by_name(path).ok()?;
    if f.size() > SMALL_PART {
        return None;
    }
    let mut text = String::new();
    f.take(SMALL_PART).read_to_string(&mut text).ok()?;
    Some(text)
}

/// The attribute text of every tag whose local name is `local`.
fn tags_named<'t>(xml: &'t str, local: &str) -> Vec<&'t str> {
    let mut out = Vec::new();
    for piece in xml.split('<').skip(1) {
        let tag = piece.split('>').next().unwrap_or("");
        let name = tag
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("");
        if name.rsplit(':').next() == Some(local) {
            out.push(&tag[name.len()..]);
        }
    }
    out
}

/// XML's five entities and numeric references, as a sheet name may hold them.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let Some(end) = after.find(';') else {
            out.push_str(&rest[at..]);
            return out;
        };
        match super::xlsx_xml::entity(&after[..end]) {
            Some(c) => out.push(c),
            None => out.push_str(&rest[at..at + end + 2]),
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_merge_tag_is_seen_even_cut_between_two_pieces() {
        let xml = b"<sheetData/><mergeCells count=\"1\"><mergeCell ref=\"B5:B7\"/></mergeCells>";
        for cut in 0..xml.len() {
            let mut m = super::MergeTag::default();
            m.feed(&xml[..cut]);
            m.feed(&xml[cut..]);
            assert!(m.seen, "cut at {cut}");
        }
        let mut m = super::MergeTag::default();
        m.feed(b"<sheetData><row r=\"1\"/></sheetData><mergeCells count=\"0\"/>");
        assert!(!m.seen);
    }

    use super::*;

    fn count(kind: Counted, xml: &str, piece: usize) -> (u64, u64) {
        let mut t = Tags::new(kind);
        for chunk in xml.as_bytes().chunks(piece) {
            t.feed(chunk);
        }
        (t.count, t.unique_count)
    }

    #[test]
    fn shared_strings_and_styles_are_counted_in_any_pieces() {
        let sst = r#"<?xml version="1.0"?><sst xmlns="x" count="9" uniqueCount="3"><si><t>a&gt;b</t></si><si><r><t>x</t></r></si><x:si/><sis/><!-- <si> --></sst>"#;
        for piece in [1, 2, 3, 7, 1000] {
            assert_eq!(count(Counted::SharedStrings, sst, piece), (3, 3), "{piece}");
        }
        let styles = r#"<styleSheet><fonts count="1"><font a='>'><b/></font></fonts></styleSheet>"#;
        assert_eq!(count(Counted::Styles, styles, 2), (4, 0));
    }

    #[test]
    fn sheets_are_named_from_the_workbook_and_its_relationships() {
        let tags = tags_named(
            r#"<sheets><sheet name="Chi h&#7897;i 1 &amp; 2" sheetId="1" r:id="rId2"/><sheetView/></sheets>"#,
            "sheet",
        );
        assert_eq!(tags.len(), 1);
        assert_eq!(attribute(tags[0], "r:id"), Some("rId2"));
        assert_eq!(attribute(tags[0], "id"), None, "r:id is not id");
        assert_eq!(
            unescape(attribute(tags[0], "name").unwrap()),
            "Chi hội 1 & 2"
        );
        assert_eq!(
            attribute(r#" uniqueCount = '12' "#, "uniqueCount"),
            Some("12")
        );
    }
}
