//! Double-encoded UTF-8 (UTF-8 bytes read as Windows-1252 and saved again as UTF-8, as
//! a spreadsheet round trip does): found by how Vietnamese the text reads once undone,
//! and undone chunk by chunk.

use super::legacy;

/// Windows-1252 character → byte, for undoing a double encoding. The five bytes
/// Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) come back as C1
/// controls where Excel read them, and as U+F181… where LibreOffice did (it keeps an
/// unmapped byte b as U+F100 + b): `Họ` (E1 BB 8D) opened as "ANSI" and saved again
/// is `Há»` and U+F18D.
fn cp1252_byte(c: char) -> Option<u8> {
    use std::sync::OnceLock;
    static MAP: OnceLock<std::collections::HashMap<char, u8>> = OnceLock::new();
    if (c as u32) < 0x80 {
        return Some(c as u8);
    }
    if let 0xF180..=0xF19F = c as u32 {
        return Some((c as u32 - 0xF100) as u8);
    }
    MAP.get_or_init(|| {
        (0x80..=0xFFu8)
            .filter_map(|b| {
                encoding_rs::WINDOWS_1252
                    .decode_without_bom_handling(&[b])
                    .0
                    .chars()
                    .next()
                    .map(|c| (c, b))
            })
            .collect()
    })
    .get(&c)
    .copied()
}

/// Turns double-encoded UTF-8 back into UTF-8: a run of characters whose Windows-1252
/// bytes form one UTF-8 character becomes that character (`á»…` → `ễ`). Anything else is
/// kept as it is, so text that was never double-encoded (a row typed in later, or a
/// forced `--encoding` on a clean file) passes through unchanged and the output is
/// always valid UTF-8 wherever the input was.
pub(super) fn undouble(bytes: &[u8], pending: &mut Vec<u8>, last: bool, out: &mut Vec<u8>) {
    pending.extend_from_slice(bytes);
    let mut at = 0;
    while at < pending.len() {
        let (valid, bad) = match std::str::from_utf8(&pending[at..]) {
            Ok(s) => (s.len(), None),
            Err(e) => (e.valid_up_to(), e.error_len()),
        };
        let text = std::str::from_utf8(&pending[at..at + valid]).unwrap_or_default();
        // More text can follow this run only when it reaches the end of what was read.
        let more_may_follow = bad.is_none() && !last;
        let used = undo_text(text, !more_may_follow, out);
        at += used;
        if used < valid {
            break;
        }
        match bad {
            // An invalid byte passes through; the CSV reader reports it with its line.
            Some(n) => {
                out.extend_from_slice(&pending[at..at + n]);
                at += n;
            }
            // An incomplete character at the end waits for the next chunk.
            None if at < pending.len() && !last => break,
            None => {
                out.extend_from_slice(&pending[at..]);
                at = pending.len();
            }
        }
    }
    pending.drain(..at);
}

/// Undoes the double encoding in `text`; returns how many bytes it used. Unless
/// `complete`, a sequence cut off by the end of `text` is left for the next chunk.
fn undo_text(text: &str, complete: bool, out: &mut Vec<u8>) -> usize {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        let lead = cp1252_byte(c).filter(|b| (0xC2..=0xF4).contains(b));
        if let Some(lead) = lead {
            let need = match lead {
                0xC2..=0xDF => 1,
                0xE0..=0xEF => 2,
                _ => 3,
            };
            if i + need >= chars.len() && !complete {
                return pos;
            }
            let mut buf = [lead, 0, 0, 0];
            let mut whole = i + need < chars.len();
            for (k, slot) in buf.iter_mut().enumerate().take(need + 1).skip(1) {
                match chars.get(i + k).and_then(|&(_, c)| cp1252_byte(c)) {
                    Some(b) if (0x80..=0xBF).contains(&b) => *slot = b,
                    _ => {
                        whole = false;
                        break;
                    }
                }
            }
            if whole {
                if let Ok(s) = std::str::from_utf8(&buf[..=need]) {
                    out.extend_from_slice(s.as_bytes());
                    i += need + 1;
                    continue;
                }
            }
        }
        let mut b = [0u8; 4];
        out.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
        i += 1;
    }
    text.len()
}

/// UTF-8 that reads better as Vietnamese once undone: `Nguyá»…n` → `Nguyễn`.
pub(super) fn is_double_encoded(sample: &[u8]) -> bool {
    let Ok(text) =
        std::str::from_utf8(sample).or_else(|e| std::str::from_utf8(&sample[..e.valid_up_to()]))
    else {
        return false;
    };
    if text.is_ascii() {
        return false;
    }
    let mut undone = Vec::with_capacity(text.len());
    for c in text.chars() {
        match cp1252_byte(c) {
            Some(b) => undone.push(b),
            None => return false,
        }
    }
    let repaired = match std::str::from_utf8(&undone) {
        Ok(s) => s.to_string(),
        Err(e) if e.error_len().is_none() => {
            String::from_utf8_lossy(&undone[..e.valid_up_to()]).into_owned()
        }
        Err(_) => return false,
    };
    legacy::vietnamese_score(&repaired) > legacy::vietnamese_score(text)
}
