//! The XML of an .xlsx sheet and its shared strings, read as a stream of tags and
//! text: a reader of the little that a sheet's cells use (start, end and empty tags
//! with their attributes, text, CDATA; declarations and comments skipped), made for
//! speed (a sheet of a million rows is some 300 MB of XML), not a general XML parser.
//!
//! Text is decoded as calamine decodes it, so that a cell reads the same whichever
//! reader read it: the five entities and numeric references, line ends normalized to
//! `\n` (XML 1.0), then OOXML's `_xHHHH_` escapes of characters XML cannot hold.

use anyhow::Result;

use crate::lang::xml;
use crate::t;
use std::io::Read;

/// How many bytes are read at a time.
const REFILL: usize = 256 << 10;

/// The longest tag or text tally reads: a cell holds at most 32,767 characters in
/// Excel, so anything longer is a damaged or hostile file, refused before it fills
/// memory.
const MAX_TOKEN: usize = 16 << 20;

/// A token: borrowed from the reader's buffer until the next one is read.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Token<'b> {
    /// A start tag, `empty` when it closes itself (`<c r="A1"/>`); `attrs` is the raw
    /// text after its name.
    Start {
        local: &'b [u8],
        attrs: &'b [u8],
        empty: bool,
    },
    End {
        local: &'b [u8],
    },
    /// Text between tags, raw (entities not yet decoded).
    Text(&'b [u8]),
    /// A CDATA section's text, literal.
    CData(&'b [u8]),
}

/// Tags and text from a stream of bytes.
pub(super) struct Tokens<R> {
    source: R,
    buf: Vec<u8>,
    at: usize,
    eof: bool,
}

/// The local part of a (possibly prefixed) name: `x:row` → `row`.
fn local(name: &[u8]) -> &[u8] {
    match memchr::memrchr(b':', name) {
        Some(i) => &name[i + 1..],
        None => name,
    }
}

impl<R: Read> Tokens<R> {
    pub(super) fn new(source: R) -> Self {
        Tokens {
            source,
            buf: Vec::with_capacity(REFILL * 2),
            at: 0,
            eof: false,
        }
    }

    /// Reads more bytes, keeping those from `self.at`; false at the end of the stream.
    fn refill(&mut self) -> Result<bool> {
        if self.eof {
            return Ok(false);
        }
        if self.buf.len() - self.at > MAX_TOKEN {
            return Err(anyhow::Error::new(t!(xml::TOKEN_TOO_LONG, MAX_TOKEN >> 20)));
        }
        self.buf.drain(..self.at);
        self.at = 0;
        let len = self.buf.len();
        self.buf.resize(len + REFILL, 0);
        let n = loop {
            match self.source.read(&mut self.buf[len..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.buf.truncate(len);
                    return Err(e.into());
                }
            }
        };
        self.buf.truncate(len + n);
        self.eof = n == 0;
        Ok(n > 0)
    }

    /// Where the byte `what` is found from `from` (relative to `self.at`), reading
    /// more as needed; `None` at the end of the stream.
    fn find(&mut self, from: usize, what: &[u8]) -> Result<Option<usize>> {
        let mut from = from;
        loop {
            let hay = &self.buf[self.at..];
            let found = match what {
                [b] => memchr::memchr(*b, &hay[from.min(hay.len())..]),
                _ => memchr::memmem::find(&hay[from.min(hay.len())..], what),
            };
            if let Some(i) = found {
                return Ok(Some(from + i));
            }
            from = hay.len().saturating_sub(what.len() - 1).max(from);
            if !self.refill()? {
                return Ok(None);
            }
        }
    }

    /// The end of a tag starting at `self.at`: the `>` outside quoted attribute values.
    /// A byte at a time: a cell's tag is a few dozen bytes, too short for a vector search.
    fn tag_end(&mut self) -> Result<Option<usize>> {
        let mut i = 1;
        let mut quote = 0u8;
        loop {
            let hay = &self.buf[self.at..];
            while let Some(&b) = hay.get(i) {
                if quote != 0 {
                    if b == quote {
                        quote = 0;
                    }
                } else if b == b'>' {
                    return Ok(Some(i));
                } else if b == b'"' || b == b'\'' {
                    quote = b;
                }
                i += 1;
            }
            if !self.refill()? {
                return Ok(None);
            }
        }
    }

    /// The next token; `None` at the end of the stream.
    pub(super) fn next(&mut self) -> Result<Option<Token<'_>>> {
        loop {
            if self.at >= self.buf.len() && !self.refill()? {
                return Ok(None);
            }
            if self.buf[self.at] != b'<' {
                let end = match self.find(0, b"<")? {
                    Some(i) => i,
                    None => self.buf.len() - self.at,
                };
                let start = self.at;
                self.at += end;
                return Ok(Some(Token::Text(&self.buf[start..start + end])));
            }
            // `<` and at least the byte after it.
            // Enough bytes to tell a comment, CDATA or a declaration (a read may give
            // as little as a byte).
            while self.buf.len() - self.at < 12 && self.refill()? {}
            let rest = &self.buf[self.at..];
            if rest.starts_with(b"<!--") {
                let end = self
                    .find(4, b"-->")?
                    .ok_or_else(|| truncated(&xml::IN_COMMENT))?;
                self.at += end + 3;
                continue;
            }
            if rest.starts_with(b"<![CDATA[") {
                let end = self
                    .find(9, b"]]>")?
                    .ok_or_else(|| truncated(&xml::IN_CDATA))?;
                let start = self.at + 9;
                self.at += end + 3;
                return Ok(Some(Token::CData(&self.buf[start..self.at - 3])));
            }
            if rest.starts_with(b"<?") || rest.starts_with(b"<!") {
                let end = self
                    .tag_end()?
                    .ok_or_else(|| truncated(&xml::IN_DECLARATION))?;
                self.at += end + 1;
                continue;
            }
            let end = self.tag_end()?.ok_or_else(|| truncated(&xml::IN_TAG))?;
            let start = self.at;
            self.at += end + 1;
            let tag = &self.buf[start + 1..start + end];
            if let Some(name) = tag.strip_prefix(b"/") {
                return Ok(Some(Token::End {
                    local: local(trim(name)),
                }));
            }
            let (tag, empty) = match tag.strip_suffix(b"/") {
                Some(t) => (t, true),
                None => (tag, false),
            };
            let name_end = tag
                .iter()
                .position(|b| b.is_ascii_whitespace())
                .unwrap_or(tag.len());
            return Ok(Some(Token::Start {
                local: local(&tag[..name_end]),
                attrs: &tag[name_end..],
                empty,
            }));
        }
    }
}

/// The XML ended inside `what` (a tag, a cell): the part is cut short.
pub(super) fn truncated(what: &'static crate::lang::Msg) -> anyhow::Error {
    anyhow::Error::new(t!(
        xml::ENDS_INSIDE,
        crate::lang::Text::Msg(what, Vec::new())
    ))
}

fn trim(b: &[u8]) -> &[u8] {
    b.trim_ascii()
}

/// The raw value of the attribute whose local or full name is `key`.
pub(super) fn attr<'a>(attrs: &'a [u8], key: &[u8]) -> Option<&'a [u8]> {
    let mut rest = attrs;
    loop {
        rest = rest.trim_ascii_start();
        let eq = memchr::memchr(b'=', rest)?;
        let name = rest[..eq].trim_ascii();
        let after = rest[eq + 1..].trim_ascii_start();
        let quote = *after.first()?;
        if quote != b'"' && quote != b'\'' {
            return None;
        }
        let close = memchr::memchr(quote, &after[1..])?;
        let value = &after[1..1 + close];
        if name == key || local(name) == key {
            return Some(value);
        }
        rest = &after[close + 2..];
    }
}

/// Appends raw XML text decoded: entities and references, line ends made `\n`.
pub(super) fn push_text(raw: &[u8], out: &mut String) -> Result<()> {
    let text = std::str::from_utf8(raw).map_err(|_| anyhow::Error::new(t!(xml::NOT_UTF8)))?;
    let mut rest = text;
    while let Some(i) = rest.find(['&', '\r']) {
        out.push_str(&rest[..i]);
        if rest.as_bytes()[i] == b'\r' {
            out.push('\n');
            rest = &rest[i + 1..];
            if rest.starts_with('\n') {
                rest = &rest[1..];
            }
            continue;
        }
        let after = &rest[i + 1..];
        let end = after
            .find(';')
            .ok_or_else(|| anyhow::Error::new(t!(xml::AMP_WITHOUT_SEMICOLON)))?;
        let entity = &after[..end];
        let c = self::entity(entity)
            .ok_or_else(|| anyhow::Error::new(t!(xml::UNKNOWN_ENTITY, entity)))?;
        out.push(c);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(())
}

/// The character an entity or reference names, between its `&` and `;` (`amp`,
/// `#x41`, `#66`); `None` for any other.
pub(super) fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => name
            .strip_prefix("#x")
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
            .and_then(char::from_u32),
    }
}

/// OOXML's escapes of characters XML cannot hold (`_x000D_`, and surrogate pairs as two
/// escapes), as Excel writes them.
pub(super) fn unescape_ooxml(s: &mut String) {
    if !s.contains("_x") {
        return;
    }
    let unit = |b: &[u8]| -> Option<u16> {
        if b.len() >= 7 && b[0] == b'_' && b[1] == b'x' && b[6] == b'_' {
            u16::from_str_radix(std::str::from_utf8(&b[2..6]).ok()?, 16).ok()
        } else {
            None
        }
    };
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let (mut i, mut copied) = (0, 0);
    while i < bytes.len() {
        let Some(u) = unit(&bytes[i..]) else {
            i += 1;
            continue;
        };
        out.push_str(&s[copied..i]);
        i += 7;
        let c = match u {
            0xD800..=0xDBFF => match unit(&bytes[i..]) {
                Some(low @ 0xDC00..=0xDFFF) => {
                    i += 7;
                    char::from_u32(
                        0x10000 + ((u32::from(u) - 0xD800) << 10) + (u32::from(low) - 0xDC00),
                    )
                }
                _ => None,
            },
            0xDC00..=0xDFFF => None,
            u => char::from_u32(u32::from(u)),
        };
        out.push(c.unwrap_or(char::REPLACEMENT_CHARACTER));
        copied = i;
    }
    out.push_str(&s[copied..]);
    *s = out;
}

/// A cell reference (`B12`) as its 0-based (row, column). Columns past Excel's last
/// are read as they are (up to six letters), for the caller to refuse by name.
pub(super) fn cell_ref(r: &[u8]) -> Result<(u32, u32)> {
    let letters = r.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let bad = || anyhow::Error::new(t!(xml::NOT_A_CELL_REF, String::from_utf8_lossy(r).as_ref()));
    if letters == 0 || letters > 6 {
        return Err(bad());
    }
    let mut col: u32 = 0;
    for b in &r[..letters] {
        col = col * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1);
    }
    let row = number(&r[letters..]).ok_or_else(bad)?;
    Ok((row.checked_sub(1).ok_or_else(bad)?, col - 1))
}

/// A row number (`r="12"`), 1-based as written.
pub(super) fn number(b: &[u8]) -> Option<u32> {
    if b.is_empty() || b.len() > 10 {
        return None;
    }
    let mut n: u64 = 0;
    for d in b {
        if !d.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u64::from(d - b'0');
    }
    u32::try_from(n).ok()
}

/// The attributes `r`, `s` and `t` of a cell's tag, in one pass over it.
pub(super) fn cell_attrs(attrs: &[u8]) -> [Option<&[u8]>; 3] {
    let mut out = [None; 3];
    let mut rest = attrs;
    while let Some(eq) = memchr::memchr(b'=', rest) {
        let name = local(rest[..eq].trim_ascii());
        let after = rest[eq + 1..].trim_ascii_start();
        let Some(&quote) = after.first() else { break };
        if quote != b'"' && quote != b'\'' {
            break;
        }
        let Some(close) = memchr::memchr(quote, &after[1..]) else {
            break;
        };
        let slot = match name {
            b"r" => 0,
            b"s" => 1,
            b"t" => 2,
            _ => 3,
        };
        if slot < 3 {
            out[slot] = Some(&after[1..1 + close]);
        }
        rest = &after[close + 2..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that gives `n` bytes at a time, to cut tokens anywhere.
    struct Drip<'a>(&'a [u8], usize);
    impl Read for Drip<'_> {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            let n = self.1.min(self.0.len()).min(out.len());
            out[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    fn tokens(xml: &str, drip: usize) -> Vec<String> {
        let mut t = Tokens::new(Drip(xml.as_bytes(), drip));
        let mut out = Vec::new();
        while let Some(tok) = t.next().unwrap() {
            out.push(match tok {
                Token::Start {
                    local,
                    attrs,
                    empty,
                } => format!(
                    "<{}|{}|{empty}",
                    String::from_utf8_lossy(local),
                    String::from_utf8_lossy(attrs)
                ),
                Token::End { local } => format!("/{}", String::from_utf8_lossy(local)),
                Token::Text(t) => format!("T{}", String::from_utf8_lossy(t)),
                Token::CData(t) => format!("C{}", String::from_utf8_lossy(t)),
            });
        }
        out
    }

    #[test]
    fn tokens_are_the_same_however_the_stream_is_cut() {
        let xml = r#"<?xml version="1.0"?><!-- a > b --><x:row r="2"><c r="A2" t='s' a="1>2"><v>3</v></c><c r="B2"/><![CDATA[a<b]]></x:row >"#;
        let want = tokens(xml, 1 << 20);
        assert_eq!(
            want,
            [
                "<row| r=\"2\"|false",
                "<c| r=\"A2\" t='s' a=\"1>2\"|false",
                "<v||false",
                "T3",
                "/v",
                "/c",
                "<c| r=\"B2\"|true",
                "Ca<b",
                "/row"
            ]
        );
        for drip in 1..20 {
            assert_eq!(tokens(xml, drip), want, "{drip} bytes at a time");
        }
    }

    #[test]
    fn a_text_longer_than_any_cell_is_refused_not_held() {
        let mut xml = b"<v>".to_vec();
        xml.resize(MAX_TOKEN + REFILL * 2, b'7');
        let mut t = Tokens::new(&xml[..]);
        assert!(matches!(t.next(), Ok(Some(Token::Start { .. }))));
        let err = t.next().unwrap_err().to_string();
        assert!(err.contains("more than 16 MiB"), "{err}");
    }

    #[test]
    fn attributes_text_and_references() {
        assert_eq!(attr(br#" r="A2" t='s'"#, b"t"), Some(&b"s"[..]));
        assert_eq!(
            attr(br#" xml:space="preserve""#, b"xml:space"),
            Some(&b"preserve"[..])
        );
        assert_eq!(attr(br#" r="A2""#, b"s"), None);
        let mut s = String::new();
        push_text(b"a &amp; b&#x41;&#66;\r\nc\rd", &mut s).unwrap();
        assert_eq!(s, "a & bAB\nc\nd");
        let mut s = "x_x000D_y_xD83D__xDE00_z_x12".to_string();
        unescape_ooxml(&mut s);
        assert_eq!(s, "x\ry😀z_x12");
        assert_eq!(cell_ref(b"B12").unwrap(), (11, 1));
        assert_eq!(cell_ref(b"XFD1").unwrap(), (0, 16383));
        assert!(cell_ref(b"A0").is_err());
        assert!(cell_ref(b"12").is_err());
    }
}
