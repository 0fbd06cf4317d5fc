//! The text of an .xlsx string: the shared strings part, read whole into one buffer,
//! and a string element's text (`<si>`, an inline `<is>`) read as calamine reads it —
//! the runs' `<t>`s joined, phonetic guides left out, trimmed unless preserved, OOXML's
//! `_xHHHH_` escapes undone.

use anyhow::Result;
use std::io::Read;

use super::xlsx_xml::{attr, push_text, truncated, unescape_ooxml, Token, Tokens};
use crate::lang::xml;
use crate::t;

/// The most text one cell may hold: a cell holds 32,767 characters in Excel, so more
/// is a damaged or hostile file, refused as it grows rather than once it is whole.
pub(super) const MAX_CELL: usize = 16 << 20;

/// A cell's text grew past the most a cell may hold ([`MAX_CELL`]) as it was read.
#[derive(Debug)]
pub(super) struct TooLong;

impl std::fmt::Display for TooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "more than {} MiB of text", MAX_CELL >> 20)
    }
}

impl std::error::Error for TooLong {}

/// Refuses text that has grown past `limit` bytes.
fn within(out: &str, limit: usize) -> Result<()> {
    if out.len() > limit {
        return Err(TooLong.into());
    }
    Ok(())
}

/// The shared strings, one buffer.
#[derive(Default)]
pub(super) struct Strings {
    text: String,
    ends: Vec<usize>,
}

impl Strings {
    pub(super) fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)?;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        self.text.get(start..end)
    }
}

/// The shared strings part, read whole (calamine reads it too, for its own cells).
pub(super) fn read_strings<R: Read>(part: R) -> Result<Strings> {
    let mut xml = Tokens::new(part);
    let mut out = Strings::default();
    let mut one = String::new();
    while let Some(t) = xml.next()? {
        if let Token::Start {
            local: b"si",
            empty,
            ..
        } = t
        {
            one.clear();
            if !empty {
                // A string no cell could hold is refused as its runs are read, as
                // one cell's text is: a cell's reference would read it whole.
                rich_text(&mut xml, b"si", &mut one, MAX_CELL).map_err(|e| {
                    match e.downcast::<TooLong>() {
                        Ok(_) => anyhow::Error::new(t!(
                            xml::SHARED_STRING_TOO_LONG,
                            out.ends.len() + 1,
                            MAX_CELL >> 20
                        )),
                        Err(e) => e,
                    }
                })?;
            }
            out.text.push_str(&one);
            out.ends.push(out.text.len());
        }
    }
    Ok(out)
}

/// The text of a string element (`<si>`, `<is>`) up to its end: its `<t>`s, the runs'
/// included, the phonetic guides' (`<rPh>`) left out; a `<t>` trimmed of ASCII white
/// space unless it says `xml:space="preserve"`.
pub(super) fn rich_text<R: Read>(
    xml: &mut Tokens<R>,
    end: &[u8],
    out: &mut String,
    limit: usize,
) -> Result<()> {
    let mut phonetic = false;
    let mut one = String::new();
    loop {
        match xml.next()?.ok_or_else(|| truncated(&xml::IN_STRING))? {
            Token::End { local } if local == end => return Ok(()),
            Token::Start {
                local: b"rPh",
                empty,
                ..
            } => phonetic = !empty,
            Token::End { local: b"rPh" } => phonetic = false,
            Token::Start {
                local: b"t",
                attrs,
                empty,
            } if !phonetic => {
                let preserve = attr(attrs, b"xml:space") == Some(b"preserve");
                one.clear();
                if !empty {
                    text_to_end(xml, b"t", &mut one, limit.saturating_sub(out.len()))?;
                }
                let start = out.len();
                out.push_str(if preserve {
                    &one
                } else {
                    one.trim_matches([' ', '\t', '\r', '\n'])
                });
                if out[start..].contains("_x") {
                    let mut tail = out.split_off(start);
                    unescape_ooxml(&mut tail);
                    out.push_str(&tail);
                }
                within(out, limit)?;
            }
            _ => {}
        }
    }
}

/// An element's text, decoded, up to its end tag.
pub(super) fn text_to_end<R: Read>(
    xml: &mut Tokens<R>,
    end: &[u8],
    out: &mut String,
    limit: usize,
) -> Result<()> {
    text_until(xml, end, out, true, limit)
}

/// An element's text up to its end tag, CDATA sections included or not (calamine
/// reads a number's `<v>` from its text alone).
pub(super) fn text_until<R: Read>(
    xml: &mut Tokens<R>,
    end: &[u8],
    out: &mut String,
    cdata: bool,
    limit: usize,
) -> Result<()> {
    loop {
        match xml.next()?.ok_or_else(|| truncated(&xml::IN_CELL))? {
            Token::Text(t) => {
                push_text(t, out)?;
                within(out, limit)?;
            }
            Token::CData(t) if cdata => {
                let t =
                    std::str::from_utf8(t).map_err(|_| anyhow::Error::new(t!(xml::NOT_UTF8)))?;
                out.push_str(&t.replace("\r\n", "\n").replace('\r', "\n"));
                within(out, limit)?;
            }
            Token::End { local } if local == end => return Ok(()),
            _ => {}
        }
    }
}
