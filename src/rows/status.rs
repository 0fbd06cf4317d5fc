//! The status words offices write in a roll's `Trạng thái` column, each with what it
//! means (docs/formats.md, "Status words"): active, active by the rule for temporary
//! statuses, or departed with a reason. A word not listed is not guessed: its row is
//! rejected like any bad value.
//!
//! Words are compared folded (case, diacritics, punctuation and spacing ignored), so
//! `Đã mất`, `đã mất`, `DA MAT` and `Đã  mất.` are one word.
//!
//! The words live with the row sources because header finding reads them too (a
//! "Ngày mất" column is a departure date, `status_headers.rs`); `value/`
//! hands them on to the roll parser.

use crate::roll::LeftReason;
use crate::text::fold;

/// What a status cell says about the member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Active,
    /// A temporary status (suspended, excused, away for a while): a member still, by
    /// the rule the summary states.
    Excused,
    Departed(LeftReason),
}

impl Status {
    pub fn active(self) -> bool {
        !matches!(self, Status::Departed(_))
    }

    pub fn reason(self) -> Option<LeftReason> {
        match self {
            Status::Departed(r) => Some(r),
            _ => None,
        }
    }
}

/// Why a status cell could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusError {
    /// A word not in the vocabulary.
    Unknown,
    /// A mark (`x`, `1`, `✓`, `-`, `Có`): it says a box is ticked (or not), not
    /// whether the member is active or has left.
    Mark,
}

/// The usual words, for messages.
pub const STATUS_EXPECTED: &str = crate::lang::rows::STATUS_EXPECTED.en;

use LeftReason::*;
use Status::{Active, Departed, Excused};

/// Every word tally reads, folded, with its meaning.
const WORDS: &[(&str, Status)] = &[
    // Active. An empty cell is an active member (a roll lists its members).
    ("", Active),
    ("dang sinh hoat", Active),
    ("dang sh", Active),
    ("dsh", Active),
    ("sinh hoat", Active),
    ("con sinh hoat", Active),
    ("dang hoat dong", Active),
    ("hoat dong", Active),
    ("binh thuong", Active),
    ("active", Active),
    ("member", Active),
    // Temporary statuses: the charters keep such members on the roll.
    ("tam ngung sinh hoat", Excused),
    ("tam ngung", Excused),
    ("tam dung sinh hoat", Excused),
    ("tam mien sinh hoat", Excused),
    ("mien sinh hoat", Excused),
    ("tam vang", Excused),
    ("di lam an xa", Excused),
    ("lam an xa", Excused),
    ("di hoc", Excused),
    ("suspended", Excused),
    ("excused", Excused),
    // Died.
    ("da mat", Departed(Died)),
    ("mat", Departed(Died)),
    ("tu tran", Departed(Died)),
    ("da tu tran", Departed(Died)),
    ("qua doi", Departed(Died)),
    ("da qua doi", Departed(Died)),
    ("chet", Departed(Died)),
    ("da chet", Departed(Died)),
    ("tu vong", Departed(Died)),
    ("da tu vong", Departed(Died)),
    ("died", Departed(Died)),
    ("dead", Departed(Died)),
    ("deceased", Departed(Died)),
    // Moved to another branch or place.
    ("chuyen sinh hoat", Departed(Moved)),
    ("chuyen sinh hoat doan", Departed(Moved)),
    ("chuyen sinh hoat hoi", Departed(Moved)),
    ("da chuyen sinh hoat doan", Departed(Moved)),
    ("da chuyen sinh hoat hoi", Departed(Moved)),
    ("da chuyen sinh hoat", Departed(Moved)),
    ("chuyen sh", Departed(Moved)),
    ("chuyen di", Departed(Moved)),
    ("da chuyen di", Departed(Moved)),
    ("da chuyen", Departed(Moved)),
    ("chuyen cong tac", Departed(Moved)),
    ("da chuyen cong tac", Departed(Moved)),
    ("chuyen noi khac", Departed(Moved)),
    ("chuyen doan", Departed(Moved)),
    ("chuyen hoi", Departed(Moved)),
    ("da chuyen doan", Departed(Moved)),
    ("da chuyen hoi", Departed(Moved)),
    ("moved", Departed(Moved)),
    ("moved out", Departed(Moved)),
    ("transferred", Departed(Moved)),
    ("transferred out", Departed(Moved)),
    // A Youth member called up is transferred to the army's Youth Union.
    ("di nghia vu quan su", Departed(Moved)),
    ("di nghia vu", Departed(Moved)),
    ("nhap ngu", Departed(Moved)),
    ("da nhap ngu", Departed(Moved)),
    ("di bo doi", Departed(Moved)),
    // Aged out of the Youth Union.
    ("truong thanh", Departed(AgedOut)),
    ("truong thanh doan", Departed(AgedOut)),
    ("da truong thanh", Departed(AgedOut)),
    ("da truong thanh doan", Departed(AgedOut)),
    ("aged out", Departed(AgedOut)),
    // The end of the Youth age; a bare "Quá tuổi" or "Hết tuổi" is refused (over age
    // yet still active where the office keeps them).
    ("het tuoi doan", Departed(AgedOut)),
    ("da het tuoi doan", Departed(AgedOut)),
    // Left, or stopped, of their own accord (or with no reason given).
    ("da ra", Departed(Left)),
    ("ra", Departed(Left)),
    ("ra doan", Departed(Left)),
    ("ra hoi", Departed(Left)),
    ("da ra doan", Departed(Left)),
    ("da ra hoi", Departed(Left)),
    ("ra khoi doan", Departed(Left)),
    ("ra khoi hoi", Departed(Left)),
    ("da ra khoi", Departed(Left)),
    ("da ra khoi doan", Departed(Left)),
    ("da ra khoi hoi", Departed(Left)),
    ("xin ra", Departed(Left)),
    ("xin ra doan", Departed(Left)),
    ("xin ra hoi", Departed(Left)),
    ("xin ra khoi doan", Departed(Left)),
    ("xin ra khoi hoi", Departed(Left)),
    ("thoi sinh hoat", Departed(Left)),
    ("da thoi sinh hoat", Departed(Left)),
    ("bo sinh hoat", Departed(Left)),
    ("da bo sinh hoat", Departed(Left)),
    ("ngung sinh hoat", Departed(Left)),
    ("da ngung sinh hoat", Departed(Left)),
    ("nghi sinh hoat", Departed(Left)),
    ("da nghi sinh hoat", Departed(Left)),
    ("khong sinh hoat", Departed(Left)),
    ("khong con sinh hoat", Departed(Left)),
    ("da nghi", Departed(Left)),
    ("nghi viec", Departed(Left)),
    ("da nghi viec", Departed(Left)),
    ("thoi viec", Departed(Left)),
    ("nghi huu", Departed(Left)),
    ("da nghi huu", Departed(Left)),
    ("left", Departed(Left)),
    ("inactive", Departed(Left)),
    ("resigned", Departed(Left)),
    // Struck off the roll.
    ("xoa ten", Departed(StruckOff)),
    ("da xoa ten", Departed(StruckOff)),
    ("bi xoa ten", Departed(StruckOff)),
    ("struck off", Departed(StruckOff)),
    ("removed", Departed(StruckOff)),
    // Expelled.
    ("khai tru", Departed(Expelled)),
    ("bi khai tru", Departed(Expelled)),
    ("da khai tru", Departed(Expelled)),
    ("expelled", Departed(Expelled)),
];

/// Ticks and yes/no, folded: none says which status is meant.
const MARKS: &[&str] = &[
    "x", "v", "1", "0", "y", "n", "yes", "no", "co", "khong", "true", "false", "ok",
];

/// The status a cell says. Called once per distinct cell (the parser remembers it). A
/// departure with a remark in brackets (`Ra Đoàn (tự nguyện)`, `Đã mất (tai nạn)`) is
/// that departure; a remark that is a status itself, or one after an active word
/// (`Đang sinh hoạt (sắp chuyển đi)`), leaves the cell unread.
pub fn parse_status(raw: &str) -> Result<Status, StatusError> {
    let word = parse_word(raw);
    let Some((base, remark)) = raw.split_once('(').filter(|_| word.is_err()) else {
        return word;
    };
    let remark = remark.trim_end().trim_end_matches(')');
    match (parse_word(base), parse_word(remark)) {
        (Ok(s @ Departed(_)), Err(StatusError::Unknown)) => Ok(s),
        _ => word,
    }
}

/// Whether a folded word opens a departure word (`da`, `qua`, `chuyen`): a note whose
/// first word opens none is read no further.
pub(crate) fn opens_departure(first: &str) -> bool {
    (WORDS.iter()).any(|(w, s)| matches!(s, Departed(_)) && w.split(' ').next() == Some(first))
}

/// The status of one word, folded.
fn parse_word(raw: &str) -> Result<Status, StatusError> {
    let mut key = fold(raw);
    // `SH` is how offices shorten `sinh hoạt` (`Tạm ngừng SH`, `Thôi SH`).
    if !WORDS.iter().any(|(w, _)| *w == key) {
        if let Some(head) = key.strip_suffix(" sh") {
            let long = format!("{head} sinh hoat");
            if WORDS.iter().any(|(w, _)| *w == long) {
                key = long;
            }
        }
    }
    if let Some((_, s)) = WORDS.iter().find(|(w, _)| *w == key) {
        // A cell of only symbols (`✓`, `-`) folds to nothing: a mark, not an empty cell.
        if key.is_empty() && !crate::text::trim(raw).is_empty() {
            return Err(StatusError::Mark);
        }
        return Ok(*s);
    }
    if MARKS.contains(&key.as_str()) {
        return Err(StatusError::Mark);
    }
    Err(StatusError::Unknown)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_word_offices_write_has_its_meaning() {
        for (raw, want) in [
            ("Đang sinh hoạt", Ok(Active)),
            ("ĐANG SINH HOẠT", Ok(Active)),
            ("  Đang   sinh hoạt ", Ok(Active)),
            ("Đang SH", Ok(Active)),
            ("ĐSH", Ok(Active)),
            ("Bình thường", Ok(Active)),
            ("", Ok(Active)),
            ("active", Ok(Active)),
            ("Tạm ngừng sinh hoạt", Ok(Excused)),
            ("Tạm ngừng SH", Ok(Excused)),
            ("Thôi SH", Ok(Departed(Left))),
            ("Đã chuyển SH", Ok(Departed(Moved))),
            ("Miễn sinh hoạt", Ok(Excused)),
            ("Đi làm ăn xa", Ok(Excused)),
            ("Đã mất", Ok(Departed(Died))),
            ("Từ trần", Ok(Departed(Died))),
            ("Qua đời", Ok(Departed(Died))),
            ("Chết", Ok(Departed(Died))),
            ("Đã chết", Ok(Departed(Died))),
            ("deceased", Ok(Departed(Died))),
            ("Chuyển sinh hoạt", Ok(Departed(Moved))),
            ("Chuyển sinh hoạt Đoàn", Ok(Departed(Moved))),
            // A remark in brackets after a departure; not after an active word, and
            // not one that is a status itself.
            ("Ra Đoàn (tự nguyện)", Ok(Departed(Left))),
            ("Đã mất (tai nạn giao thông)", Ok(Departed(Died))),
            ("Đang sinh hoạt (sắp chuyển đi)", Err(StatusError::Unknown)),
            ("Chuyển đi (đã mất)", Err(StatusError::Unknown)),
            ("Ra Đoàn (", Ok(Departed(Left))),
            ("Chuyển đi", Ok(Departed(Moved))),
            // The Youth Union's everyday words (a trial's roll was refused for them).
            ("Đi nghĩa vụ quân sự", Ok(Departed(Moved))),
            ("Nhập ngũ", Ok(Departed(Moved))),
            ("Hết tuổi Đoàn", Ok(Departed(AgedOut))),
            ("Không sinh hoạt", Ok(Departed(Left))),
            ("Đã chuyển", Ok(Departed(Moved))),
            ("Chuyển công tác", Ok(Departed(Moved))),
            ("Đã chuyển Đoàn", Ok(Departed(Moved))),
            ("Trưởng thành (Đoàn)", Ok(Departed(AgedOut))),
            ("Đã trưởng thành Đoàn", Ok(Departed(AgedOut))),
            ("Đã ra", Ok(Departed(Left))),
            ("Ra Đoàn", Ok(Departed(Left))),
            ("Ra Hội", Ok(Departed(Left))),
            ("Thôi sinh hoạt", Ok(Departed(Left))),
            ("Bỏ sinh hoạt", Ok(Departed(Left))),
            ("Xin ra khỏi Hội", Ok(Departed(Left))),
            ("Đã nghỉ", Ok(Departed(Left))),
            ("Nghỉ sinh hoạt", Ok(Departed(Left))),
            ("left", Ok(Departed(Left))),
            ("Xóa tên", Ok(Departed(StruckOff))),
            ("Xoá tên", Ok(Departed(StruckOff))),
            ("Đã xóa tên", Ok(Departed(StruckOff))),
            ("Khai trừ", Ok(Departed(Expelled))),
            ("x", Err(StatusError::Mark)),
            ("X", Err(StatusError::Mark)),
            ("✓", Err(StatusError::Mark)),
            ("Có", Err(StatusError::Mark)),
            ("1", Err(StatusError::Mark)),
            ("-", Err(StatusError::Mark)),
            ("Quá tuổi", Err(StatusError::Unknown)),
            ("Đã mất liên lạc", Err(StatusError::Unknown)),
            ("lạ", Err(StatusError::Unknown)),
        ] {
            assert_eq!(parse_status(raw), want, "{raw:?}");
        }
    }

    /// The reason each word gives, as `--by reason` groups it, whatever the case and
    /// diacritics, and as typed in TCVN3 (.VnTime) or VNI files once decoded.
    #[test]
    fn each_departure_word_gives_its_reason() {
        use crate::rows::legacy::LegacyDecoder;
        use unicode_normalization::UnicodeNormalization;
        let tcvn3 = LegacyDecoder::tcvn3();
        let vni = LegacyDecoder::vni();
        // The bytes a legacy keyboard typed for `word`: each letter as one byte, or
        // (VNI) a letter and its mark.
        let typed = |d: &LegacyDecoder, word: &str| -> Vec<u8> {
            let mut out = Vec::new();
            for c in word.nfc() {
                let c = c.to_string();
                let one = (0u8..=255).find(|b| d.decode_all(&[*b]).nfc().eq(c.chars()));
                let two = || {
                    (0u8..=255)
                        .flat_map(|a| (0u8..=255).map(move |b| [a, b]))
                        .find(|p| d.decode_all(p).nfc().eq(c.chars()))
                };
                match one {
                    Some(b) => out.push(b),
                    None => out.extend(two().unwrap_or_else(|| panic!("{c:?} cannot be typed"))),
                }
            }
            out
        };
        for (word, group) in [
            ("Qua đời", "died"),
            ("QUA ĐỜI", "died"),
            ("qua doi", "died"),
            ("Đã mất", "died"),
            ("Từ trần", "died"),
            ("Chuyển sinh hoạt", "moved"),
            ("chuyển đi", "moved"),
            ("CHUYEN DI", "moved"),
            ("Trưởng thành Đoàn", "aged_out"),
            ("trưởng thành", "aged_out"),
            ("Xin ra", "resigned"),
            ("Ra Đoàn", "resigned"),
            ("Thôi sinh hoạt", "resigned"),
            ("Xóa tên", "struck_off"),
            ("Xoá tên", "struck_off"),
            ("XÓA TÊN", "struck_off"),
            ("Khai trừ", "expelled"),
            ("khai tru", "expelled"),
        ] {
            let lower = word.to_lowercase();
            let mut readings = vec![word.to_string()];
            readings.push(tcvn3.decode_all(&typed(&tcvn3, &lower)));
            readings.push(vni.decode_all(&typed(&vni, word)));
            for read in readings {
                let got = parse_status(&read).ok().and_then(Status::reason);
                assert_eq!(
                    got.map(LeftReason::group),
                    Some(group),
                    "{word:?} read {read:?}"
                );
            }
        }
        // A word for a member still there gives no reason; an unknown one is refused.
        assert_eq!(parse_status("Đang sinh hoạt").map(Status::reason), Ok(None));
        assert_eq!(parse_status("Quá tuổi"), Err(StatusError::Unknown));
    }

    #[test]
    fn every_word_is_written_folded_and_once() {
        let mut seen = std::collections::HashSet::new();
        for (w, _) in WORDS {
            assert_eq!(fold(w), *w, "{w:?} is not folded");
            assert!(seen.insert(*w), "{w:?} twice");
        }
        for m in MARKS {
            assert!(!seen.contains(m), "{m:?} is both a word and a mark");
        }
    }
}
