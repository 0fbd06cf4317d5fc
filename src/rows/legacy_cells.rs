//! Workbook cells typed in the .VnTime era: text typed with a TCVN3 (ABC) or VNI
//! keyboard into a `.VnTime` or `VNI-Times` font is stored by the spreadsheet as the
//! Windows-1252 characters of its bytes (`Hä vµ tªn` for `Họ và tên`, `Hoï vaø teân`
//! in VNI). Such a cell is turned back into bytes and read with the legacy tables the
//! CSV decoder uses (`legacy`), by the same evidence: how Vietnamese the text looks.
//!
//! A sheet is judged from its first rows (the title and the header, typed in the same
//! font as the rows), and each cell by its own evidence, so a sheet where some cells were
//! typed in Unicode and others in a legacy font reads right: a cell is converted when
//! the legacy reading looks more Vietnamese than the cell as it is (as much as it, in a
//! sheet judged legacy), and never when a character of the cell has no Windows-1252
//! byte (`ư`, `ạ`: Unicode text).

use super::decode::Encoding;
use super::legacy::{vietnamese_score, LegacyDecoder};
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

/// The legacy encodings a workbook cell can hold, and UTF-8 read twice: a UTF-8 CSV
/// opened as Windows-1252 and saved as a workbook (`Há»˜I` for `HỘI`) holds its bytes
/// as Windows-1252 characters too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Legacy {
    Tcvn3,
    Vni,
    Doubled,
}

/// The readings, in the order they are tried and counted.
const READINGS: [Legacy; 3] = [Legacy::Tcvn3, Legacy::Vni, Legacy::Doubled];

impl Legacy {
    fn decoder(self) -> Option<&'static LegacyDecoder> {
        static TCVN3: OnceLock<LegacyDecoder> = OnceLock::new();
        static VNI: OnceLock<LegacyDecoder> = OnceLock::new();
        match self {
            Legacy::Tcvn3 => Some(TCVN3.get_or_init(LegacyDecoder::tcvn3)),
            Legacy::Vni => Some(VNI.get_or_init(LegacyDecoder::vni)),
            Legacy::Doubled => None,
        }
    }

    /// The cell's Windows-1252 bytes read in this encoding; `None` for bytes that are
    /// no UTF-8 read as UTF-8 (most Unicode cells: `Không` is `K h 0xF4 …`), which
    /// are then not scored at all.
    fn read(self, bytes: &[u8]) -> Option<String> {
        match self.decoder() {
            Some(d) => Some(d.decode_all(bytes).nfc().collect()),
            None => std::str::from_utf8(bytes).ok().map(|s| s.nfc().collect()),
        }
    }
}

/// The cell's characters as Windows-1252 bytes: `None` when one has no such byte (the
/// cell is Unicode text) or when the cell is plain ASCII (nothing to convert).
fn windows_1252_bytes(cell: &str) -> Option<Vec<u8>> {
    if cell.is_ascii() || !cell.chars().all(in_windows_1252) {
        return None;
    }
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(cell);
    (!unmappable).then(|| bytes.into_owned())
}

/// Whether a character has a Windows-1252 byte: Latin-1, and the 27 characters of
/// 0x80–0x9F (`€`, `Œ`, `–`, `™`, …). Checked before encoding, so that a cell of
/// Unicode Vietnamese (`ư`, `ạ`, `ễ`: none has a byte) costs no allocation.
fn in_windows_1252(c: char) -> bool {
    c <= '\u{ff}'
        || matches!(
            c,
            '\u{152}'
                | '\u{153}'
                | '\u{160}'
                | '\u{161}'
                | '\u{178}'
                | '\u{17d}'
                | '\u{17e}'
                | '\u{192}'
                | '\u{2c6}'
                | '\u{2dc}'
                | '\u{2013}'
                ..='\u{2022}'
                    | '\u{2026}'
                    | '\u{2030}'
                    | '\u{2039}'
                    | '\u{203a}'
                    | '\u{20ac}'
                    | '\u{2122}'
        )
}

/// The most of a cell its reading is judged from: a few kilobytes say which font a
/// text was typed in, and scoring a cell of a megabyte three ways, cell after cell (a
/// sheet's rows may all refer to one long shared string), took minutes.
const JUDGED_BYTES: usize = 4096;

/// The legacy reading of a cell that looks more Vietnamese than the cell as it is (in
/// the sheet's `lean`, as Vietnamese is enough); between the two legacy readings, the
/// more Vietnamese, and on a tie the sheet's lean (`None` when nothing breaks the tie).
fn better_reading(cell: &str, lean: Option<Legacy>) -> Option<Reading> {
    let bytes = windows_1252_bytes(cell)?;
    if cell.len() > JUDGED_BYTES {
        // A long cell is judged by its start, and read whole the way the start says.
        let mut end = JUDGED_BYTES;
        while !cell.is_char_boundary(end) {
            end -= 1;
        }
        return match better_reading(&cell[..end], lean)? {
            // A whole that does not read so (its end no UTF-8) is left as it is.
            Reading::Legacy(enc, _) => enc.read(&bytes).map(|w| Reading::Legacy(enc, w)),
            either => Some(either),
        };
    }
    let as_is = vietnamese_score(cell);
    // The sheet's lean first, then the others in their order.
    let order = lean
        .into_iter()
        .chain(READINGS.into_iter().filter(|e| Some(*e) != lean));
    let mut best: Option<(f64, Legacy, String)> = None;
    let mut tied = false;
    for enc in order {
        let Some(text) = enc.read(&bytes) else {
            continue;
        };
        let score = vietnamese_score(&text);
        let wins = score > as_is || (Some(enc) == lean && score >= as_is);
        if !wins {
            continue;
        }
        match &best {
            Some((s, _, _)) if score == *s => tied = true,
            Some((s, _, _)) if score < *s => {}
            _ => {
                best = Some((score, enc, text));
                tied = false;
            }
        }
    }
    match best {
        Some(_) if tied && lean.is_none() => Some(Reading::Either),
        Some((_, enc, text)) => Some(Reading::Legacy(enc, text)),
        None => None,
    }
}

/// A cell that reads better in a legacy encoding: in which one, or in both alike.
enum Reading {
    Legacy(Legacy, String),
    Either,
}

/// How the cells of one sheet are read, and how many were converted from each
/// encoding, for the summary.
#[derive(Debug, Default)]
pub(super) struct SheetText {
    /// `--encoding tcvn3|vni`: every cell with Windows-1252 characters is read so.
    forced: Option<Legacy>,
    /// What the first rows showed.
    lean: Option<Legacy>,
    pub converted: [u64; 3],
}

impl SheetText {
    /// `encoding` is `--encoding`; any other than the two legacy ones (UTF-8, or none)
    /// leaves the judging to the cells.
    pub(super) fn new(encoding: Option<Encoding>) -> SheetText {
        let forced = match encoding {
            Some(Encoding::Tcvn3) => Some(Legacy::Tcvn3),
            Some(Encoding::Vni) => Some(Legacy::Vni),
            _ => None,
        };
        SheetText {
            forced,
            ..SheetText::default()
        }
    }

    /// Judges the sheet from its first rows: the encoding most of their legacy-looking
    /// cells are read better in.
    pub(super) fn learn<'a>(&mut self, cells: impl Iterator<Item = &'a str>) {
        let mut votes = [0usize; 3];
        let mut unicode = 0usize;
        for cell in cells {
            if windows_1252_bytes(cell).is_none() {
                unicode += usize::from(!cell.is_ascii());
                continue;
            }
            match better_reading(cell, None) {
                Some(Reading::Legacy(enc, _)) => votes[enc as usize] += 1,
                Some(Reading::Either) => {}
                None => unicode += 1,
            }
        }
        // The most votes; on a tie, the first in order.
        let (n, enc) = (READINGS.into_iter()).map(|e| (votes[e as usize], e)).fold(
            (0, Legacy::Tcvn3),
            |best, v| if v.0 > best.0 { v } else { best },
        );
        self.lean = (n > 0 && n >= unicode).then_some(enc);
    }

    /// Converts the cell in place where it reads better in a legacy encoding.
    pub(super) fn cell(&mut self, cell: &mut String) {
        let reading = match self.forced {
            Some(enc) => windows_1252_bytes(cell).and_then(|b| Some((enc, enc.read(&b)?))),
            None => match better_reading(cell, self.lean) {
                Some(Reading::Legacy(enc, text)) => Some((enc, text)),
                _ => None,
            },
        };
        if let Some((enc, text)) = reading {
            if text != *cell {
                self.converted[enc as usize] += 1;
                *cell = text;
            }
        }
    }

    /// What the summary says of the sheet: the cells read from each encoding.
    pub(super) fn sentences(&self) -> Vec<crate::lang::Text> {
        use crate::lang::ingest as msg;
        READINGS
            .into_iter()
            .filter(|e| self.converted[*e as usize] > 0)
            .map(|e| {
                let n = self.converted[e as usize];
                match e {
                    Legacy::Tcvn3 => crate::t!(msg::READ_TCVN3_CELLS, n),
                    Legacy::Vni => crate::t!(msg::READ_VNI_CELLS, n),
                    Legacy::Doubled => crate::t!(msg::READ_DOUBLED_CELLS, n),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(cells: &[&str], encoding: Option<Encoding>) -> (Vec<String>, [u64; 3]) {
        let mut t = SheetText::new(encoding);
        t.learn(cells.iter().copied());
        let out = cells
            .iter()
            .map(|c| {
                let mut c = c.to_string();
                t.cell(&mut c);
                c
            })
            .collect();
        (out, t.converted)
    }

    #[test]
    fn vntime_cells_read_as_vietnamese() {
        // A header and a row typed with an ABC keyboard in .VnTime.
        let (out, n) = read(
            &["Hä vµ tªn", "D©n téc", "X· Phóc Lîi", "N÷", "Kinh", "1985"],
            None,
        );
        assert_eq!(
            out,
            ["Họ và tên", "Dân tộc", "Xã Phúc Lợi", "Nữ", "Kinh", "1985"]
        );
        assert_eq!(n, [4, 0, 0]);
    }

    /// A UTF-8 CSV opened as Windows-1252 and saved as a workbook: each byte of
    /// `Hội` a character (`Há»™i`); repaired, and a Unicode cell beside it is not.
    #[test]
    fn utf8_read_twice_is_repaired() {
        let doubled = |s: &str| -> String {
            s.bytes()
                .map(|b| encoding_rs::WINDOWS_1252.decode(&[b]).0.into_owned())
                .collect()
        };
        let header = doubled("Họ và tên");
        let name = doubled("Nguyễn Thị Hồng");
        let commune = doubled("Xã Phúc Lợi");
        assert_ne!(name, "Nguyễn Thị Hồng");
        let (out, n) = read(&[&header, &name, &commune, "Dân tộc", "1985"], None);
        assert_eq!(
            out,
            [
                "Họ và tên",
                "Nguyễn Thị Hồng",
                "Xã Phúc Lợi",
                "Dân tộc",
                "1985"
            ]
        );
        assert_eq!(n, [0, 0, 3]);
    }

    #[test]
    fn a_long_cell_is_judged_by_its_start_and_read_whole() {
        // A note typed in .VnTime, 6,000 words: judged from its first 4 KiB, read whole.
        let note = "X· Phóc Lîi ".repeat(500);
        let unicode = "Xã Phúc Lợi ".repeat(500);
        let (out, n) = read(&["Hä vµ tªn", &note, &unicode], None);
        assert_eq!(out, ["Họ và tên", unicode.as_str(), unicode.as_str()]);
        assert_eq!(n, [2, 0, 0]);
    }

    #[test]
    fn vni_cells_read_as_vietnamese() {
        let (out, n) = read(&["Hoï vaø teân", "Daân toäc", "Nguyeãn Thò Lan"], None);
        assert_eq!(out, ["Họ và tên", "Dân tộc", "Nguyễn Thị Lan"]);
        assert_eq!(n, [0, 3, 0]);
    }

    #[test]
    fn unicode_cells_are_left_alone() {
        let cells = [
            "Họ và tên",
            "Lê Hà",
            "Dân tộc",
            "Café",
            "Nguyễn Thị Lan",
            "José",
        ];
        let (out, n) = read(&cells, None);
        assert_eq!(out, cells);
        assert_eq!(n, [0, 0, 0]);
    }

    #[test]
    fn a_sheet_that_mixes_both_is_read_cell_by_cell() {
        let (out, _) = read(&["Họ và tên", "D©n téc", "Nguyễn Văn An", "Tµy"], None);
        assert_eq!(out, ["Họ và tên", "Dân tộc", "Nguyễn Văn An", "Tày"]);
    }

    #[test]
    fn windows_1252_characters_are_known_without_encoding() {
        for b in 0x80..=0xFFu8 {
            let byte = [b];
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
            for c in text.chars() {
                assert!(in_windows_1252(c), "{b:02X} {c:?}");
            }
        }
        assert!(!in_windows_1252('ư'));
        assert!(!in_windows_1252('\u{2023}'));
    }

    #[test]
    fn forced_encoding_reads_every_legacy_cell() {
        let (out, n) = read(&["Tµy", "Hä"], Some(Encoding::Tcvn3));
        assert_eq!(out, ["Tày", "Họ"]);
        assert_eq!(n, [2, 0, 0]);
    }
}
