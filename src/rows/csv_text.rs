//! CSV as text: line ends made one, the delimiter sniffed, the reader's errors said
//! with file and line.

use std::io::{self, Read};

use crate::error::Failure;
use crate::t;

/// A row whose bytes are not UTF-8 in a file read as UTF-8.
pub(super) fn not_utf8(name: &str, line: u64) -> anyhow::Error {
    Failure::invalid(t!(crate::lang::sources::NOT_UTF8_LINE, name, line))
        .hint(t!(crate::lang::sources::FILE_MIXES_ENCODINGS_OPEN))
        .into()
}

/// Turns every line ending into `\n`: CRLF (Windows) and a lone CR (old Mac exports,
/// "CSV (Macintosh)" in Excel). The CSV reader splits records on a lone CR but counts
/// lines by LF only, so without this every row of such a file was "line 1".
pub(super) struct LineEnds<R> {
    inner: R,
    after_cr: bool,
}

impl<R: Read> LineEnds<R> {
    pub(super) fn new(inner: R) -> Self {
        LineEnds {
            inner,
            after_cr: false,
        }
    }
}

impl<R: Read> Read for LineEnds<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            let n = self.inner.read(buf)?;
            if n == 0 {
                return Ok(0);
            }
            // Moves the text between CRs down in blocks: most files have no CR, or one
            // per line, and a byte-at-a-time loop here was 7% of an ingest.
            let mut i = usize::from(self.after_cr && buf[0] == b'\n');
            self.after_cr = false;
            let mut out = 0;
            while i < n {
                let Some(p) = memchr::memchr(b'\r', &buf[i..n]) else {
                    if i != out {
                        buf.copy_within(i..n, out);
                    }
                    out += n - i;
                    break;
                };
                if i != out {
                    buf.copy_within(i..i + p, out);
                }
                out += p;
                buf[out] = b'\n';
                out += 1;
                i += p + 1;
                if i == n {
                    self.after_cr = true;
                } else if buf[i] == b'\n' {
                    i += 1;
                }
            }
            // A chunk that was only the LF of a CRLF: read on rather than signal the end.
            if out > 0 {
                return Ok(out);
            }
        }
    }
}

/// Picks the delimiter that splits the sample's rows into the most consistent columns.
pub(super) fn sniff_delimiter(sample: &[u8]) -> u8 {
    let mut best = (0usize, b',');
    for d in [b',', b';', b'\t', b'|'] {
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(d)
            .from_reader(sample);
        let mut counts = std::collections::HashMap::<usize, usize>::new();
        for rec in rdr.records().take(100) {
            let Ok(rec) = rec else { break };
            let non_empty = rec.iter().filter(|c| !c.trim().is_empty()).count();
            if rec.len() > 1 && non_empty > 1 {
                *counts.entry(rec.len()).or_default() += 1;
            }
        }
        let score = counts
            .iter()
            .map(|(width, n)| n * 1000 + width)
            .max()
            .unwrap_or(0);
        if score > best.0 {
            best = (score, d);
        }
    }
    best.1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_each_delimiter() {
        assert_eq!(sniff_delimiter(b"a,b,c\n1,2,3\n"), b',');
        assert_eq!(sniff_delimiter(b"a;b;c\n1,5;2;3\n"), b';');
        assert_eq!(sniff_delimiter(b"a\tb\tc\n1\t2\t3\n"), b'\t');
        assert_eq!(sniff_delimiter(b"a|b|c\n1|2|3\n"), b'|');
        assert_eq!(
            sniff_delimiter(b"TITLE, with comma\na;b;c\n1;2;3\n4;5;6\n"),
            b';'
        );
    }

    #[test]
    fn line_ends_become_lf() {
        let read = |bytes: &[u8]| {
            let mut out = Vec::new();
            LineEnds::new(io::Cursor::new(bytes.to_vec()))
                .read_to_end(&mut out)
                .unwrap();
            out
        };
        assert_eq!(read(b"a\r\nb\rc\nd\r\r\n"), b"a\nb\nc\nd\n\n");
        // A CRLF split between two reads is still one line end.
        let mut r =
            LineEnds::new(io::Cursor::new(b"a\r".to_vec()).chain(io::Cursor::new(b"\nb".to_vec())));
        let mut out = Vec::new();
        r.read_to_end(&mut out).unwrap();
        assert_eq!(out, b"a\nb");
        // Read one byte at a time, every boundary falls somewhere: same result.
        struct OneByte(io::Cursor<Vec<u8>>);
        impl Read for OneByte {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let n = buf.len().min(1);
                self.0.read(&mut buf[..n])
            }
        }
        let text = b"\r\na\r\rb\r\nc\n\r\r\n\nd\r";
        let mut slow = Vec::new();
        LineEnds::new(OneByte(io::Cursor::new(text.to_vec())))
            .read_to_end(&mut slow)
            .unwrap();
        assert_eq!(slow, read(text));
        assert_eq!(slow, b"\na\n\nb\nc\n\n\n\nd\n");
    }
}
