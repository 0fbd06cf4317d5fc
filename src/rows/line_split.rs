//! The search of one line of a CSV buffer: its end, whether it holds a quote, and its
//! cells' places between delimiters. With AVX2 (detected at run time) 32 bytes are
//! searched at once; otherwise `memchr` finds the line end and the cells are split a
//! word at a time.

use memchr::memchr;

/// Where a line search stopped.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Line {
    /// The line ends after this many bytes (its `\n` next).
    Ended(usize),
    /// No line end in the bytes read so far, which are this many.
    Open(usize),
    /// The line holds a quote: for `csv_core`.
    Quoted,
}

/// Searches the line at the start of `rest` for its end, a quote and its delimiters,
/// pushing its cells' places (from the line's start) to `spans`.
pub(super) fn split_line(rest: &[u8], delimiter: u8, spans: &mut Vec<(u32, u32)>) -> Line {
    let (len, ended) = match memchr(b'\n', rest) {
        Some(n) => (n, true),
        None => (rest.len(), false),
    };
    let line = &rest[..len];
    if memchr(b'"', line).is_some() {
        return Line::Quoted;
    }
    split_cells(line, delimiter, spans);
    if ended {
        Line::Ended(len)
    } else {
        Line::Open(len)
    }
}

/// Pushes the places of the cells of `text` (a line without quotes), each between two
/// delimiters, eight bytes at a time: the delimiters of a word found together.
pub(super) fn split_cells(text: &[u8], delimiter: u8, spans: &mut Vec<(u32, u32)>) {
    let mut start = 0u32;
    let mut words = text.chunks_exact(8);
    let mut at = 0u32;
    for word in &mut words {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(word);
        split_word(u64::from_le_bytes(bytes), delimiter, at, &mut start, spans);
        at += 8;
    }
    let tail = words.remainder();
    if !tail.is_empty() {
        // Padded with a byte that is not the delimiter.
        let mut bytes = [!delimiter; 8];
        bytes[..tail.len()].copy_from_slice(tail);
        split_word(u64::from_le_bytes(bytes), delimiter, at, &mut start, spans);
    }
    spans.push((start, text.len() as u32));
}

/// Ends a cell at each delimiter among the eight bytes of `word`, which start at `at`;
/// `start` is where the current cell began.
fn split_word(word: u64, delimiter: u8, at: u32, start: &mut u32, spans: &mut Vec<(u32, u32)>) {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let x = word ^ (u64::from(delimiter) * 0x0101_0101_0101_0101);
    // The top bit of each byte that is zero in `x` (exact: the sum cannot carry from
    // one byte into the next).
    let mut found = !(((x & LOW7) + LOW7) | x | LOW7);
    while found != 0 {
        let end = at + found.trailing_zeros() / 8;
        spans.push((*start, end));
        *start = end + 1;
        found &= found - 1;
    }
}

#[cfg(target_arch = "x86_64")]
pub(super) mod simd {
    use super::Line;
    use std::arch::x86_64::*;

    type Spans = Vec<(u32, u32)>;

    pub(crate) fn available() -> bool {
        is_x86_feature_detected!("avx2")
    }

    /// [`super::split_line`] 32 bytes at a time: the line end, quotes and delimiters
    /// of each 32 bytes found together, as bits.
    ///
    /// The line is at the start of `bytes[..end]`.
    ///
    /// # Safety
    /// The CPU has AVX2, and `bytes` has 32 bytes past `end`.
    #[target_feature(enable = "avx2")]
    pub(crate) unsafe fn split_line(
        bytes: &[u8],
        end: usize,
        delim: u8,
        spans: &mut Spans,
    ) -> Line {
        debug_assert!(end + 32 <= bytes.len());
        let newline = _mm256_set1_epi8(b'\n' as i8);
        let quote = _mm256_set1_epi8(b'"' as i8);
        let delim = _mm256_set1_epi8(delim as i8);
        let mut cell = 0u32;
        let mut i = 0;
        while i < end {
            // SAFETY: `i < end` and 32 bytes past `end` are readable (the caller's
            // promise); the bytes past `end` are masked off below.
            let v = unsafe { _mm256_loadu_si256(bytes.as_ptr().add(i).cast()) };
            let here = if end - i >= 32 {
                u32::MAX
            } else {
                (1u32 << (end - i)) - 1
            };
            let nl = _mm256_movemask_epi8(_mm256_cmpeq_epi8(v, newline)) as u32 & here;
            let before = if nl == 0 {
                here
            } else {
                (1u32 << nl.trailing_zeros()) - 1
            };
            if _mm256_movemask_epi8(_mm256_cmpeq_epi8(v, quote)) as u32 & before != 0 {
                return Line::Quoted;
            }
            let mut d = _mm256_movemask_epi8(_mm256_cmpeq_epi8(v, delim)) as u32 & before;
            let base = i as u32;
            while d != 0 {
                let at = base + d.trailing_zeros();
                spans.push((cell, at));
                cell = at + 1;
                d &= d - 1;
            }
            if nl != 0 {
                let len = base + nl.trailing_zeros();
                spans.push((cell, len));
                return Line::Ended(len as usize);
            }
            i += 32;
        }
        spans.push((cell, end as u32));
        Line::Open(end)
    }
}

#[cfg(not(target_arch = "x86_64"))]
pub(super) mod simd {
    /// No AVX2 off x86_64.
    pub fn available() -> bool {
        false
    }
}
