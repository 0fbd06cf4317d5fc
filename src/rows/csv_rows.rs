//! CSV records, read as the `csv` crate reads them but faster on the lines offices
//! export most: a line with no quote is split at its delimiters with SIMD searches; a
//! line with a quote (a field holding the delimiter, a quote or a line break) goes to
//! `csv_core`, the parser under the `csv` crate, with the same settings. Line ends are
//! already `\n` only (see `LineEnds`). `csv_core` read every byte through its state
//! machine and was 10% of an ingest's CPU.

use super::line_split::{simd, split_line, Line};
use super::row::{RawRow, Row};
use csv_core::ReadRecordResult;
use memchr::memchr_iter;
use std::io::{self, Read};

const BLOCK: usize = 256 * 1024;
/// Bytes past the buffer's end that may be read (never used): a line is searched 32
/// bytes at a time, the last search reaching past what was read.
const PAD: usize = 32;

/// The longest record read, 1 MiB: a roll's row is a few hundred bytes, and a longer
/// one is no roll (a file without line ends, or a quote never closed). It is refused
/// with its line once this much is read, so a hostile line costs no more memory.
const MAX_RECORD: usize = 1 << 20;

/// A record past the limit: the line it starts on, and the limit. The reader of the
/// file turns it into the user's error with the file's name.
#[derive(Debug)]
pub(super) struct TooLong {
    pub line: u64,
    pub limit: usize,
}

impl std::fmt::Display for TooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: one CSV record is longer than {} bytes (a file without line ends, or a quote never closed?)",
            self.line, self.limit
        )
    }
}

impl std::error::Error for TooLong {}

/// The error for a record past `limit` bytes that starts on `line`.
fn too_long(limit: usize, line: u64) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, TooLong { line, limit })
}

pub(super) struct Records {
    input: Box<dyn Read + Send>,
    buf: Vec<u8>,
    /// The unread bytes are `buf[pos..end]`.
    pos: usize,
    end: usize,
    eof: bool,
    /// The line `pos` is on, counting from 1.
    line: u64,
    delimiter: u8,
    core: csv_core::Reader,
    /// A quoted record's fields and their ends, as `csv_core` writes them.
    out: Vec<u8>,
    ends: Vec<usize>,
    /// Whether the start of the input has been looked at for a byte-order mark.
    started: bool,
    /// [`MAX_RECORD`], smaller in tests.
    limit: usize,
    /// `buf[..valid_to]` is known to be UTF-8 (whole lines, checked together).
    valid_to: usize,
    /// Whether the last record read lies in that part (its cells need no check).
    known_utf8: bool,
    /// Whether lines are searched with AVX2.
    avx2: bool,
    /// The record being read, until its cells are known to be UTF-8.
    raw: RawRow,
}

/// What [`Records::read`] found.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Next {
    /// A record, now in the row.
    Row,
    /// The end of the input.
    End,
    /// A record whose cells are not UTF-8, at this line: the row is left as it was.
    NotUtf8(u64),
}

const BOM: &[u8] = b"\xef\xbb\xbf";

impl Records {
    pub(super) fn new(input: Box<dyn Read + Send>, delimiter: u8) -> Records {
        let mut core = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
        // `csv_core` drops a byte-order mark from the first input it is given: here
        // that may be a quoted line deep in the file. An empty line (which it passes
        // over) uses that up; the mark at the start is dropped by `start` instead.
        let _ = core.read_record(b"\n", &mut [0; 1], &mut [0; 1]);
        Records {
            input,
            buf: vec![0; BLOCK + PAD],
            pos: 0,
            end: 0,
            eof: false,
            line: 1,
            delimiter,
            core,
            out: vec![0; 1024],
            ends: vec![0; 64],
            started: false,
            limit: MAX_RECORD,
            valid_to: 0,
            known_utf8: false,
            avx2: simd::available(),
            raw: RawRow::default(),
        }
    }

    /// Drops a UTF-8 byte-order mark at the very start of the input, as the `csv`
    /// crate does.
    fn start(&mut self) -> io::Result<()> {
        self.started = true;
        while self.end - self.pos < BOM.len() && !self.eof {
            self.refill()?;
        }
        if self.buf[self.pos..self.end].starts_with(BOM) {
            self.pos += BOM.len();
        }
        Ok(())
    }

    /// Reads the next record into `row`, with the line it starts on, if its cells are
    /// UTF-8. Blank lines are passed over, as the `csv` crate does; the line is the
    /// record's own (the crate says the first blank line's).
    pub(super) fn read(&mut self, row: &mut Row) -> io::Result<Next> {
        let mut raw = std::mem::take(&mut self.raw);
        let read = self.read_raw(&mut raw);
        let next = match read {
            Ok(false) => Ok(Next::End),
            Ok(true) if self.known_utf8 => {
                // SAFETY: the record lies in `buf[..valid_to]`, whole lines checked as
                // UTF-8 together, and its cells start after an ASCII delimiter or a
                // line's start, so on character boundaries.
                unsafe { raw.known_into(row) };
                Ok(Next::Row)
            }
            Ok(true) if raw.check_into(row) => Ok(Next::Row),
            Ok(true) => Ok(Next::NotUtf8(raw.line)),
            Err(e) => Err(e),
        };
        self.raw = raw;
        next
    }

    /// Reads the next record into `row` as bytes; false at the end.
    fn read_raw(&mut self, row: &mut RawRow) -> io::Result<bool> {
        if !self.started {
            self.start()?;
        }
        self.known_utf8 = false;
        loop {
            if self.pos == self.end {
                if self.eof {
                    return Ok(false);
                }
                self.refill()?;
                continue;
            }
            if self.buf[self.pos] == b'\n' {
                self.pos += 1;
                self.line += 1;
                continue;
            }
            let (bytes, spans) = row.refill_parts(self.line);
            let len = match self.split(spans) {
                Line::Quoted => return self.read_quoted(row),
                Line::Open(_) if !self.eof => {
                    self.refill()?;
                    continue;
                }
                // The file's last line, without a line end.
                Line::Open(len) | Line::Ended(len) => len,
            };
            bytes.extend_from_slice(&self.buf[self.pos..self.pos + len]);
            self.known_utf8 = self.pos + len <= self.valid_to;
            // Past the line and its `\n` (none after the file's last line).
            self.pos = (self.pos + len + 1).min(self.end);
            self.line += 1;
            return Ok(true);
        }
    }

    /// Searches the line at `pos` for its end, a quote and its delimiters (32 bytes at
    /// a time where the CPU can).
    fn split(&self, spans: &mut Vec<(u32, u32)>) -> Line {
        #[cfg(target_arch = "x86_64")]
        if self.avx2 {
            // SAFETY: the CPU has AVX2 (checked once), and `buf` holds PAD bytes past
            // `end`.
            return unsafe {
                simd::split_line(
                    &self.buf[self.pos..],
                    self.end - self.pos,
                    self.delimiter,
                    spans,
                )
            };
        }
        split_line(&self.buf[self.pos..self.end], self.delimiter, spans)
    }

    /// Checks the whole lines read since the last check as one piece of UTF-8: one
    /// check of a quarter megabyte instead of one a row. A piece that is not UTF-8 is
    /// left to the rows' own checks, which say where.
    fn check_utf8(&mut self) {
        let upto = if self.eof {
            self.end
        } else {
            match memchr::memrchr(b'\n', &self.buf[self.valid_to..self.end]) {
                Some(p) => self.valid_to + p + 1,
                None => return,
            }
        };
        if simdutf8::basic::from_utf8(&self.buf[self.valid_to..upto]).is_ok() {
            self.valid_to = upto;
        }
    }

    /// A record with a quote, read by `csv_core` from the start of its line (it may go
    /// on over several lines).
    fn read_quoted(&mut self, row: &mut RawRow) -> io::Result<bool> {
        let at = self.line;
        let (mut outlen, mut endlen) = (0, 0);
        loop {
            let input = &self.buf[self.pos..self.end];
            let (res, nin, nout, nend) =
                self.core
                    .read_record(input, &mut self.out[outlen..], &mut self.ends[endlen..]);
            self.line += memchr_iter(b'\n', &input[..nin]).count() as u64;
            self.pos += nin;
            outlen += nout;
            endlen += nend;
            match res {
                ReadRecordResult::InputEmpty => {
                    // At the end, an empty input tells `csv_core` to finish the record.
                    self.refill()?;
                }
                ReadRecordResult::OutputFull => {
                    if self.out.len() >= self.limit {
                        return Err(too_long(self.limit, at));
                    }
                    let n = (self.out.len() * 2).min(self.limit);
                    self.out.resize(n, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    let n = self.ends.len() * 2;
                    self.ends.resize(n, 0);
                }
                ReadRecordResult::Record => {
                    row.clear(at);
                    let mut start = 0;
                    for &end in &self.ends[..endlen] {
                        row.push(&self.out[start..end]);
                        start = end;
                    }
                    return Ok(true);
                }
                ReadRecordResult::End => return Ok(false),
            }
        }
    }

    /// Moves the unread bytes to the front and fills the buffer after them (a bigger
    /// buffer when a single line fills it); sets `eof` at the end of the input.
    fn refill(&mut self) -> io::Result<()> {
        if self.eof {
            return Ok(());
        }
        if self.pos > 0 {
            self.buf.copy_within(self.pos..self.end, 0);
            self.end -= self.pos;
            self.valid_to = self.valid_to.saturating_sub(self.pos);
            self.pos = 0;
        }
        let cap = self.buf.len() - PAD;
        if self.end == cap {
            if cap >= self.limit {
                return Err(too_long(self.limit, self.line));
            }
            let n = (cap * 2).min(self.limit);
            self.buf.resize(n + PAD, 0);
        }
        let cap = self.buf.len() - PAD;
        loop {
            match self.input.read(&mut self.buf[self.end..cap]) {
                Ok(0) => {
                    self.eof = true;
                    self.check_utf8();
                    return Ok(());
                }
                Ok(n) => {
                    // Filled up before it is searched, so that a long line read a
                    // few bytes at a time is searched a few times, not once a read.
                    self.end += n;
                    if self.end < cap {
                        continue;
                    }
                    self.check_utf8();
                    return Ok(());
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use csv::ByteRecord;

    /// Every record as the `csv` crate reads it, with the line it starts on. (The crate
    /// gives a record after blank lines the first blank line's number; `Records` gives
    /// the record's own, which is where a reader of the message looks.)
    fn by_csv(text: &[u8], delimiter: u8) -> Vec<(u64, Vec<Vec<u8>>)> {
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text);
        let mut out = Vec::new();
        let mut rec = ByteRecord::new();
        while r.read_byte_record(&mut rec).unwrap() {
            let p = rec.position().unwrap();
            let blank = text[p.byte() as usize..]
                .iter()
                .take_while(|b| **b == b'\n')
                .count();
            let line = p.line() + blank as u64;
            out.push((line, rec.iter().map(<[u8]>::to_vec).collect()));
        }
        out
    }

    /// Reads a byte or a few at a time, so that records straddle every refill.
    struct Trickle(io::Cursor<Vec<u8>>, usize);
    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = buf.len().min(self.1);
            self.0.read(&mut buf[..n])
        }
    }

    fn by_records(text: &[u8], delimiter: u8, step: usize, avx2: bool) -> Vec<(u64, Vec<Vec<u8>>)> {
        let input = Box::new(Trickle(io::Cursor::new(text.to_vec()), step));
        let mut r = Records::new(input, delimiter);
        r.avx2 = avx2 && simd::available();
        let mut out = Vec::new();
        let mut row = Row::default();
        while r.read(&mut row).unwrap() == Next::Row {
            out.push((
                row.line,
                row.cells().map(|c| c.as_bytes().to_vec()).collect(),
            ));
        }
        out
    }

    fn same_as_csv(text: &[u8], delimiter: u8) {
        let want = by_csv(text, delimiter);
        for step in [1, 2, 3, 7, 64, BLOCK] {
            for avx2 in [false, true] {
                assert_eq!(
                    by_records(text, delimiter, step, avx2),
                    want,
                    "{:?} read {step} bytes at a time (AVX2: {avx2})",
                    String::from_utf8_lossy(text)
                );
            }
        }
    }

    #[test]
    fn reads_as_the_csv_crate_does() {
        let cases: [&[u8]; 18] = [
            b"",
            b"\n\n",
            b"a,b,c\n1,2,3\n",
            b"a,b,c\n1,2,3",
            b"\n\na,b\n\n\nc,d\n\n",
            b"a,\"b,c\",d\ne,f\n",
            b"a,\"two\nlines\",x\n\nnext,row\n",
            b"\"quoted \"\"inner\"\" quotes\",y\nz\n",
            b"open \"quote in the middle\",w\n",
            b"\"unterminated,at\nthe end",
            b",,\n,\n",
            b"x\n\"\"\n\"\",\"\"\n",
            "Nguyễn Văn A,Xã Bát Xát,\"Đã ra\"\n".as_bytes(),
            b"\"a\"b,c\n\"\n\"\n",
            b"\xef\xbb\xbfa,b\n1,2\n",
            b"\xef\xbb\xbf\"a\",b\n",
            b"a,b\n\xef\xbb\xbf\"q\",c\n\xef\xbb\xbfd,e\n",
            b"\xef\xbb\xbf",
        ];
        for text in cases {
            same_as_csv(text, b',');
        }
        same_as_csv(b"a;b;\"c;d\"\n1;2,5;3\n", b';');
        same_as_csv(b"a\tb\n\"c\td\"\te\n", b'\t');
    }

    #[test]
    fn reads_generated_text_as_the_csv_crate_does() {
        // Random text over the bytes that matter to a CSV reader.
        let alphabet = b"ab,;\"\n \t";
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..2000 {
            let len = (seed % 40) as usize;
            let mut text = Vec::with_capacity(len);
            for _ in 0..len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push(alphabet[(seed % alphabet.len() as u64) as usize]);
            }
            same_as_csv(&text, b',');
            same_as_csv(&text, b';');
        }
    }

    #[test]
    fn a_record_past_the_limit_is_refused_not_wrapped() {
        let read_all = |text: String, limit: usize| -> io::Result<usize> {
            let mut r = Records::new(Box::new(io::Cursor::new(text.into_bytes())), b',');
            r.limit = limit;
            let (mut row, mut n) = (Row::default(), 0);
            while r.read(&mut row)? == Next::Row {
                n += 1;
            }
            Ok(n)
        };
        let limit = 2 * BLOCK;
        let long = "x".repeat(limit + 1);
        for text in [format!("a\n{long}\nb\n"), format!("a\n\"{long}\",b\n")] {
            let e = read_all(text, limit).unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::InvalidData);
            // Said with the line the record starts on.
            assert!(e.to_string().starts_with("2: "), "{e}");
            assert!(
                e.to_string()
                    .contains(&format!("longer than {limit} bytes")),
                "{e}"
            );
        }
        // Up to the limit, read as before.
        assert_eq!(
            read_all(format!("a\n{}\nb\n", "x".repeat(BLOCK)), limit).unwrap(),
            3
        );
    }

    #[test]
    fn lines_across_every_place_of_the_searched_blocks_read_alike() {
        // Cells and lines ending at each byte of a 32-byte block, quotes late in a
        // long line, Vietnamese text.
        let mut text = String::new();
        for n in 0..70 {
            let cells: Vec<String> = (0..(n % 5 + 1)).map(|k| "é".repeat((n + k) % 23)).collect();
            text.push_str(&cells.join(","));
            text.push('\n');
            if n % 11 == 0 {
                text.push_str(&format!("{},\"q,uoted\",z\n", "x".repeat(n)));
            }
        }
        same_as_csv(text.as_bytes(), b',');
    }

    #[test]
    fn a_line_of_bytes_that_are_not_utf8_is_known_by_its_own_check() {
        let text = b"a,b\nc,\xff\nd,e\n";
        let mut r = Records::new(Box::new(io::Cursor::new(text.to_vec())), b',');
        let mut row = Row::default();
        let mut seen = Vec::new();
        loop {
            match r.read(&mut row).unwrap() {
                Next::Row => seen.push((row.line, true)),
                Next::NotUtf8(line) => seen.push((line, false)),
                Next::End => break,
            }
        }
        assert_eq!(seen, [(1, true), (2, false), (3, true)]);
    }

    #[test]
    fn a_line_longer_than_the_buffer_is_read_whole() {
        let long = "x".repeat(3 * BLOCK);
        let text = format!("a,{long}\n\"q,{long}\",b\nend\n");
        same_as_csv(text.as_bytes(), b',');
    }
}
