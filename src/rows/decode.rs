//! Bytes → UTF-8, streaming. Detects BOMs, UTF-16 without BOM, and the legacy
//! Vietnamese encodings; the first bytes decide, the rest streams through.

use anyhow::Result;

use crate::lang::sources as msg;
use std::fmt;
use std::io::{self, Read};

use super::doubled::{is_double_encoded, undouble};
use super::legacy::{self, LegacyDecoder};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    /// UTF-8 that was once read as Windows-1252 and saved again as UTF-8
    /// (`Nguyá»…n` for `Nguyễn`); repaired while reading.
    Utf8DoubleEncoded,
    Utf16Le,
    Utf16Be,
    Windows1258,
    Tcvn3,
    Vni,
    /// Not text: a spreadsheet workbook, read cell by cell.
    Workbook,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8DoubleEncoded => "utf-8 (double-encoded, repaired)",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1258 => "windows-1258",
            Encoding::Tcvn3 => "tcvn3",
            Encoding::Vni => "vni",
            Encoding::Workbook => "workbook",
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How many bytes are sampled to choose an encoding.
const SAMPLE: usize = 256 * 1024;

/// The chosen encoding and a reader of UTF-8 text.
pub struct Decoded {
    pub encoding: Encoding,
    pub reader: Box<dyn Read + Send>,
}

/// Chooses an encoding (or takes the forced one) and returns a UTF-8 reader.
pub fn open(mut input: Box<dyn Read + Send>, forced: Option<Encoding>) -> Result<Decoded> {
    let mut sample = Vec::with_capacity(SAMPLE);
    (&mut input).take(SAMPLE as u64).read_to_end(&mut sample)?;
    let at_eof = sample.len() < SAMPLE;
    let (encoding, bom) = match forced {
        Some(enc) => (enc, bom_len(&sample, enc)),
        None => detect(&sample, at_eof)?,
    };
    let rest = io::Cursor::new(sample).chain(input);
    let mut rest: Box<dyn Read + Send> = Box::new(rest);
    if bom > 0 {
        let mut skip = vec![0u8; bom];
        rest.read_exact(&mut skip)?;
    }
    let reader: Box<dyn Read + Send> = match encoding {
        Encoding::Utf8 | Encoding::Workbook => rest,
        Encoding::Utf8DoubleEncoded => Box::new(Transcode::new(rest, Engine::Undouble(Vec::new()))),
        Encoding::Utf16Le => Box::new(Transcode::new(
            rest,
            Engine::Whatwg(encoding_rs::UTF_16LE.new_decoder_without_bom_handling()),
        )),
        Encoding::Utf16Be => Box::new(Transcode::new(
            rest,
            Engine::Whatwg(encoding_rs::UTF_16BE.new_decoder_without_bom_handling()),
        )),
        Encoding::Windows1258 => Box::new(Transcode::new(
            rest,
            Engine::Whatwg(encoding_rs::WINDOWS_1258.new_decoder_without_bom_handling()),
        )),
        Encoding::Tcvn3 => Box::new(Transcode::new(rest, Engine::Legacy(LegacyDecoder::tcvn3()))),
        Encoding::Vni => Box::new(Transcode::new(rest, Engine::Legacy(LegacyDecoder::vni()))),
    };
    Ok(Decoded { encoding, reader })
}

fn bom_len(sample: &[u8], enc: Encoding) -> usize {
    match enc {
        Encoding::Utf8 if sample.starts_with(b"\xEF\xBB\xBF") => 3,
        Encoding::Utf16Le if sample.starts_with(b"\xFF\xFE") => 2,
        Encoding::Utf16Be if sample.starts_with(b"\xFE\xFF") => 2,
        _ => 0,
    }
}

/// Picks the encoding of a sample: BOM, then UTF-16 by its zero bytes, then valid UTF-8,
/// then the legacy single-byte encodings by how Vietnamese their text looks.
pub fn detect(sample: &[u8], at_eof: bool) -> Result<(Encoding, usize)> {
    if sample.starts_with(b"\xEF\xBB\xBF") {
        let enc = if is_double_encoded(&sample[3..]) {
            Encoding::Utf8DoubleEncoded
        } else {
            Encoding::Utf8
        };
        return Ok((enc, 3));
    }
    if sample.starts_with(b"\xFF\xFE") {
        return Ok((Encoding::Utf16Le, 2));
    }
    if sample.starts_with(b"\xFE\xFF") {
        return Ok((Encoding::Utf16Be, 2));
    }
    if let Some(enc) = utf16_by_zeros(sample) {
        return Ok((enc, 0));
    }
    if is_utf8(sample, at_eof) {
        return Ok((
            if is_double_encoded(sample) {
                Encoding::Utf8DoubleEncoded
            } else {
                Encoding::Utf8
            },
            0,
        ));
    }
    if sample.contains(&0) {
        return Err(anyhow::Error::new(crate::t!(msg::LOOKS_BINARY)));
    }
    // A few bad bytes in UTF-8 text are bad bytes, said with their line when the rows
    // are read, not a reason to read every letter in a legacy encoding.
    if mostly_utf8(sample) {
        return Ok((Encoding::Utf8, 0));
    }
    // On a tie the earlier (more common) encoding wins.
    let mut best: Option<(f64, Encoding)> = None;
    for enc in [Encoding::Windows1258, Encoding::Tcvn3, Encoding::Vni] {
        let score = legacy::vietnamese_score(&decode_all(sample, enc));
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, enc));
        }
    }
    match best {
        Some((_, enc)) => Ok((enc, 0)),
        None => Err(anyhow::Error::new(crate::t!(msg::UNKNOWN_ENCODING))),
    }
}

fn utf16_by_zeros(sample: &[u8]) -> Option<Encoding> {
    let n = sample.len().min(4096) / 2 * 2;
    if n < 4 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample[..n].chunks_exact(2) {
        even += (pair[0] == 0) as usize;
        odd += (pair[1] == 0) as usize;
    }
    let pairs = n / 2;
    if odd * 10 > pairs * 4 && even * 20 < pairs {
        Some(Encoding::Utf16Le)
    } else if even * 10 > pairs * 4 && odd * 20 < pairs {
        Some(Encoding::Utf16Be)
    } else {
        None
    }
}

fn is_utf8(sample: &[u8], at_eof: bool) -> bool {
    match std::str::from_utf8(sample) {
        Ok(_) => true,
        // A sample cut inside a character is still UTF-8.
        Err(e) => !at_eof && e.error_len().is_none() && sample.len() - e.valid_up_to() < 4,
    }
}

/// Whether a sample that is not UTF-8 is UTF-8 with a few bad bytes: its valid
/// multi-byte characters outnumber its invalid bytes four to one. A legacy file
/// (Windows-1258, TCVN3, VNI) has next to none: its letters are single bytes, mostly
/// followed by ASCII, which no UTF-8 character is.
fn mostly_utf8(sample: &[u8]) -> bool {
    let leads = |b: &[u8]| b.iter().filter(|&&c| c >= 0xC0).count();
    let (mut chars, mut bad) = (0usize, 0usize);
    let mut rest = sample;
    loop {
        match std::str::from_utf8(rest) {
            Ok(_) => {
                chars += leads(rest);
                break;
            }
            Err(e) => {
                chars += leads(&rest[..e.valid_up_to()]);
                match e.error_len() {
                    Some(n) => {
                        bad += 1;
                        rest = &rest[e.valid_up_to() + n..];
                    }
                    // A character cut by the sample's end.
                    None => break,
                }
            }
        }
    }
    chars > 0 && chars >= 4 * bad
}

/// Decodes a whole buffer (used on samples and in tests).
pub fn decode_all(bytes: &[u8], enc: Encoding) -> String {
    match enc {
        Encoding::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
        Encoding::Utf8DoubleEncoded => {
            let mut out = Vec::new();
            undouble(bytes, &mut Vec::new(), true, &mut out);
            String::from_utf8_lossy(&out).into_owned()
        }
        Encoding::Utf16Le => encoding_rs::UTF_16LE
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
        Encoding::Utf16Be => encoding_rs::UTF_16BE
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
        Encoding::Windows1258 => encoding_rs::WINDOWS_1258
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
        Encoding::Tcvn3 => LegacyDecoder::tcvn3().decode_all(bytes),
        Encoding::Vni => LegacyDecoder::vni().decode_all(bytes),
        Encoding::Workbook => String::from_utf8_lossy(bytes).into_owned(),
    }
}

enum Engine {
    Whatwg(encoding_rs::Decoder),
    Legacy(LegacyDecoder),
    /// Bytes of an incomplete UTF-8 character carried to the next chunk.
    Undouble(Vec<u8>),
}

/// A `Read` that decodes its inner reader to UTF-8 chunk by chunk.
struct Transcode {
    inner: Box<dyn Read + Send>,
    engine: Engine,
    raw: Vec<u8>,
    out: Vec<u8>,
    pos: usize,
    done: bool,
}

impl Transcode {
    fn new(inner: Box<dyn Read + Send>, engine: Engine) -> Self {
        Transcode {
            inner,
            engine,
            raw: vec![0; 64 * 1024],
            out: Vec::new(),
            pos: 0,
            done: false,
        }
    }

    fn refill(&mut self) -> io::Result<()> {
        self.out.clear();
        self.pos = 0;
        while self.out.is_empty() && !self.done {
            let n = self.inner.read(&mut self.raw)?;
            let last = n == 0;
            match &mut self.engine {
                Engine::Whatwg(dec) => {
                    let mut text =
                        String::with_capacity(dec.max_utf8_buffer_length(n).unwrap_or(n * 3));
                    let (_, _, _) = dec.decode_to_string(&self.raw[..n], &mut text, last);
                    self.out.extend_from_slice(text.as_bytes());
                }
                Engine::Legacy(dec) => dec.decode_into(&self.raw[..n], last, &mut self.out),
                Engine::Undouble(pending) => undouble(&self.raw[..n], pending, last, &mut self.out),
            }
            self.done = last;
        }
        Ok(())
    }
}

impl Read for Transcode {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.pos >= self.out.len() {
            self.refill()?;
            if self.out.is_empty() {
                return Ok(0);
            }
        }
        let n = buf.len().min(self.out.len() - self.pos);
        buf[..n].copy_from_slice(&self.out[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(bytes: Vec<u8>, forced: Option<Encoding>) -> (Encoding, String) {
        let d = open(Box::new(io::Cursor::new(bytes)), forced).unwrap();
        let mut s = String::new();
        let mut r = d.reader;
        r.read_to_string(&mut s).unwrap();
        (d.encoding, s)
    }

    #[test]
    fn boms_and_utf16() {
        let text = "Họ và tên,Dân tộc\nNguyễn Thị Hoà,Kinh\n";
        let mut bom8 = b"\xEF\xBB\xBF".to_vec();
        bom8.extend_from_slice(text.as_bytes());
        assert_eq!(read_all(bom8, None), (Encoding::Utf8, text.to_string()));

        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(read_all(le, None), (Encoding::Utf16Le, text.to_string()));

        let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(read_all(be, None), (Encoding::Utf16Be, text.to_string()));
        let le_nobom: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(
            read_all(le_nobom, None),
            (Encoding::Utf16Le, text.to_string())
        );
    }

    #[test]
    fn windows_1258_is_detected() {
        let text = "Họ và tên;Dân tộc\nNguyễn Thị Hoà;Kinh\nTrần Văn Đức;Tày\n";
        let bytes = to_windows_1258(text);
        let (enc, got) = read_all(bytes, None);
        assert_eq!(enc, Encoding::Windows1258);
        assert_eq!(crate::text::clean(&got), crate::text::clean(text));
    }

    /// Windows-1258 as Windows writes it: vowels with their shape marks precomposed,
    /// tone marks as separate combining characters.
    pub(super) fn to_windows_1258(text: &str) -> Vec<u8> {
        use unicode_normalization::UnicodeNormalization;
        let tone = |c: char| matches!(c, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}');
        let mut split = String::new();
        for c in text.chars() {
            let nfd: String = c.to_string().nfd().collect();
            let base: String = nfd
                .chars()
                .filter(|c| !tone(*c))
                .collect::<String>()
                .nfc()
                .collect();
            let marks: String = nfd.chars().filter(|c| tone(*c)).collect();
            let whole: String = c.to_string();
            // Keep precomposed letters the code page has (à, á, ...).
            let (enc, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&whole);
            if !unmappable && !enc.is_empty() {
                split.push_str(&whole);
            } else {
                split.push_str(&base);
                split.push_str(&marks);
            }
        }
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&split);
        assert!(!unmappable, "{split:?}");
        bytes.into_owned()
    }

    #[test]
    fn double_encoded_utf8_is_repaired_across_chunk_boundaries() {
        let text = "Họ và tên,Dân tộc\nNguyễn Thị Hoà,Kinh\nTrần Văn Đức,Tày\n".repeat(5000);
        let (once, _, _) = encoding_rs::WINDOWS_1252.decode(text.as_bytes());
        let doubled = once.into_owned().into_bytes();
        let (enc, got) = read_all(doubled, None);
        assert_eq!(enc, Encoding::Utf8DoubleEncoded);
        assert_eq!(got, text);
        // Plain Vietnamese UTF-8 is left alone.
        assert_eq!(read_all(text.clone().into_bytes(), None).0, Encoding::Utf8);
    }

    /// A reader that hands out one byte per call: every chunk boundary falls inside a
    /// sequence somewhere.
    struct Trickle(io::Cursor<Vec<u8>>);
    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = buf.len().min(1);
            self.0.read(&mut buf[..n])
        }
    }

    fn undo(bytes: Vec<u8>) -> String {
        let d = open(
            Box::new(Trickle(io::Cursor::new(bytes))),
            Some(Encoding::Utf8DoubleEncoded),
        )
        .unwrap();
        let mut out = Vec::new();
        let mut r = d.reader;
        r.read_to_end(&mut out).unwrap();
        String::from_utf8(out).expect("valid UTF-8")
    }

    /// Found by the `decode` fuzz target: forcing the repair on clean Vietnamese UTF-8
    /// turned `ã` into a lone 0xE3 byte. Clean text now passes through unchanged, and a
    /// file that mixes repaired and clean rows comes out whole.
    #[test]
    fn forced_repair_leaves_clean_text_alone() {
        let clean =
            "Mã số thuế,Tên doanh nghiệp\n5300100001,Công ty TNHH Chè Sa Pa\nâ ê ô ơ ư đ ¢ £\n";
        assert_eq!(undo(clean.as_bytes().to_vec()), clean);
        let typed_later = "Trần Văn Đức,Tày\n";
        let (once, _, _) = encoding_rs::WINDOWS_1252.decode("Nguyễn Thị Hoà,Kinh\n".as_bytes());
        let mixed = format!("{once}{typed_later}");
        assert_eq!(
            undo(mixed.into_bytes()),
            format!("Nguyễn Thị Hoà,Kinh\n{typed_later}")
        );
        // A cut-off sequence at the very end is kept as written.
        assert_eq!(undo("Hoá»".as_bytes().to_vec()), "Hoá»");
    }

    #[test]
    fn every_letter_round_trips_through_windows_1258() {
        use unicode_normalization::UnicodeNormalization;
        for c in legacy::VIETNAMESE_LETTERS.chars() {
            let bytes = to_windows_1258(&c.to_string());
            let back: String = decode_all(&bytes, Encoding::Windows1258).nfc().collect();
            assert_eq!(back, c.to_string(), "{c}");
        }
    }

    /// One bad byte, or a few, in Vietnamese UTF-8 is UTF-8 (the row that holds it is
    /// refused with its line); the legacy encodings, whose letters are single bytes,
    /// are still told by their text.
    #[test]
    fn a_few_bad_bytes_leave_utf8_utf8() {
        let text =
            "Họ và tên,Dân tộc,Tôn giáo\nLò Thị Hoà,Thái,Không\nNguyễn Thị Thuý,Kinh,Phật giáo\n";
        for bad in [&b"\xff"[..], b"\xe1\xbb", b"\x80\x80\xc3"] {
            let mut bytes = text.as_bytes().to_vec();
            bytes.splice(30..30, bad.iter().copied());
            assert_eq!(detect(&bytes, true).unwrap().0, Encoding::Utf8, "{bad:?}");
        }
        for (enc, bytes) in [
            (
                Encoding::Tcvn3,
                &b"H\xe4 v\xb5 t\xaan,D\xa9n t\xe9c\nNguy\xd4n Th\xde Thu\xfd,Kinh\n"[..],
            ),
            (
                Encoding::Vni,
                &b"Ho\xef va\xf8 te\xe2n,Da\xe2n to\xe4c\nNguye\xe3n Th\xf2 Thu\xf9y,Kinh\n"[..],
            ),
        ] {
            assert!(!mostly_utf8(bytes), "{enc}");
            assert_eq!(detect(bytes, true).unwrap().0, enc);
        }
        assert!(!mostly_utf8(&to_windows_1258(text)));
    }

    #[test]
    fn binary_is_refused() {
        assert!(detect(b"PK\x03\x04\x00\x00\x08\x00\x99\x88\x00\x00\x00\x77", true).is_err());
    }
}
