//! The older layer of what tally says to a person: a catalogue of English patterns
//! with their Vietnamese, for the texts not yet moved to the language layer
//! (`src/lang/`). The reader's language is not kept here: each caller says which.
//!
//! Code writes its messages in English, as data for scripts (`--format json`, the
//! manifest) and in tests; they are put into Vietnamese where they reach a person
//! (stderr, the ingest summary, the rejects file). A catalogue entry is an English
//! pattern and its Vietnamese text; `{}` in the pattern stands for any text, which is
//! itself looked up (so a reason inside a sentence is translated too) and goes where
//! the Vietnamese text has `{}` (in order) or `{N}` (the N-th, from 0). Text with no
//! entry is said as it is: a missing entry shows English, never nothing.

use std::borrow::Cow;

use crate::tongue::Lang;

mod catalogue;
use catalogue::CATALOGUE;

/// A message of code not yet moved to the language layer (`src/lang/`), in `lang`:
/// its Vietnamese from the catalogue, where it has it.
pub fn say_in(en: &str, lang: Lang) -> Cow<'_, str> {
    match lang {
        Lang::En => Cow::Borrowed(en),
        Lang::Vi => match translate(en, 0) {
            Some(vi) => Cow::Owned(sheet_word(&day_first(&vi), lang).into_owned()),
            None => sheet_word(en, lang),
        },
    }
}

/// A workbook's sheet as a place names it (`ds.xlsx, sheet "Chi hội 1"`, the form
/// the store keeps), in `lang`: `ds.xlsx, trang tính "Chi hội 1"` in Vietnamese.
pub fn sheet_word(place: &str, lang: Lang) -> Cow<'_, str> {
    const EN: &str = ", sheet \"";
    match lang {
        Lang::Vi if place.contains(EN) => Cow::Owned(place.replace(EN, ", trang tính \"")),
        _ => Cow::Borrowed(place),
    }
}

/// ISO days in a Vietnamese sentence (`2026-10-31`, from a date put in a message) as a
/// Vietnamese reader writes them (`31/10/2026`); one inside a name (a file called
/// `ds-2026-10-31.csv`, a value in quotes) is left as it is.
fn day_first(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut quoted = false;
    while i < text.len() {
        let c = b[i];
        if c == b'"' {
            quoted = !quoted;
        }
        let is_day = !quoted
            && b.len() >= i + 10
            && b[i..i + 4].iter().all(u8::is_ascii_digit)
            && b[i + 4] == b'-'
            && b[i + 5..i + 7].iter().all(u8::is_ascii_digit)
            && b[i + 7] == b'-'
            && b[i + 8..i + 10].iter().all(u8::is_ascii_digit);
        let apart = |x: Option<&u8>| {
            x.is_none_or(|x| !(x.is_ascii_alphanumeric() || b"-_./\\".contains(x)))
        };
        if is_day && apart(i.checked_sub(1).and_then(|j| b.get(j))) && apart(b.get(i + 10)) {
            if let Ok(d) = chrono::NaiveDate::parse_from_str(&text[i..i + 10], "%Y-%m-%d") {
                out.push_str(&d.format("%d/%m/%Y").to_string());
                i += 10;
                continue;
            }
        }
        let ch = text[i..].chars().next().unwrap_or(' ');
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

/// The Vietnamese of `en`, if the catalogue has it. `depth` bounds the look-ups of
/// captured text inside captured text.
fn translate(en: &str, depth: u8) -> Option<String> {
    if depth > 3 || en.trim().is_empty() {
        return None;
    }
    CATALOGUE.iter().find_map(|(pattern, vi)| {
        let caps = captures(pattern, en)?;
        let caps: Vec<Cow<str>> = caps
            .into_iter()
            .map(|c| match translate(c, depth + 1) {
                Some(t) => Cow::Owned(t),
                None => Cow::Borrowed(c),
            })
            .collect();
        Some(fill(vi, &caps))
    })
}

/// The texts that `{}` stands for when `text` matches `pattern`; each fixed piece of
/// the pattern is found at its first place after the previous one.
fn captures<'t>(pattern: &str, text: &'t str) -> Option<Vec<&'t str>> {
    let pieces: Vec<&str> = pattern.split("{}").collect();
    if pieces.len() == 1 {
        return (pattern == text).then(Vec::new);
    }
    let (first, last) = (pieces[0], pieces[pieces.len() - 1]);
    if text.len() < first.len() + last.len() || !text.starts_with(first) || !text.ends_with(last) {
        return None;
    }
    let body = &text[first.len()..text.len() - last.len()];
    let mut caps = Vec::with_capacity(pieces.len() - 1);
    let mut rest = body;
    for piece in &pieces[1..pieces.len() - 1] {
        let at = rest.find(piece)?;
        caps.push(&rest[..at]);
        rest = &rest[at + piece.len()..];
    }
    caps.push(rest);
    // A placeholder stands for some text, never for nothing.
    caps.iter().all(|c| !c.is_empty()).then_some(caps)
}

/// The Vietnamese text with its placeholders filled.
fn fill(vi: &str, caps: &[Cow<str>]) -> String {
    let mut out = String::with_capacity(vi.len() + 32);
    let mut next = 0;
    let mut rest = vi;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let inner = &after[..close];
        let index = if inner.is_empty() {
            next += 1;
            Some(next - 1)
        } else {
            inner.parse::<usize>().ok()
        };
        match index.and_then(|i| caps.get(i)) {
            Some(c) => out.push_str(c),
            None => out.push_str(&rest[open..open + close + 2]),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn iso_days_in_vietnamese_sentences_are_written_day_first() {
        assert_eq!(
            super::day_first("ngày vào sau ngày chốt số liệu 2026-10-31 (gợi ý: …)"),
            "ngày vào sau ngày chốt số liệu 31/10/2026 (gợi ý: …)"
        );
        assert_eq!(
            super::day_first("trước ngày vào (2018-01-01)"),
            "trước ngày vào (01/01/2018)"
        );
        // A day inside a file's name or a quoted value stays as it is.
        assert_eq!(
            super::day_first("ds-2026-10-31.csv: đã lưu"),
            "ds-2026-10-31.csv: đã lưu"
        );
        assert_eq!(
            super::day_first("giá trị \"2026-13-45\""),
            "giá trị \"2026-13-45\""
        );
        assert_eq!(
            super::day_first("giá trị \"2026-10-31\""),
            "giá trị \"2026-10-31\""
        );
    }

    use super::*;

    #[test]
    fn patterns_capture_and_translate_what_they_hold() {
        assert_eq!(
            captures("{}: {} row(s) read", "a.csv: 3 row(s) read"),
            Some(vec!["a.csv", "3"])
        );
        assert_eq!(captures("left before joining ({})", "left before"), None);
        assert_eq!(captures("no area", "no area"), Some(vec![]));
        assert_eq!(captures("x {} y", "x  y"), None, "a capture is never empty");
        assert_eq!(
            fill("{1} / {0} / {}", &["a".into(), "b".into()]),
            "b / a / a"
        );
        // A reason inside a sentence is translated too.
        let vi = translate("unknown ethnicity; kept as unknown", 0).expect("in the catalogue");
        assert_eq!(vi, "dân tộc không rõ; ghi nhận là không rõ");
        assert_eq!(translate("Nguyễn Văn A", 0), None);
    }

    /// Every entry: a pattern used once, both texts with the same placeholders, the
    /// Vietnamese different from the English, and no pattern shadowed by an earlier
    /// one (an example of it, with its placeholders filled, translates by its own
    /// entry).
    #[test]
    fn the_catalogue_is_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for (i, (en, vi)) in CATALOGUE.iter().enumerate() {
            assert!(seen.insert(*en), "twice: {en}");
            assert_ne!(en, vi, "untranslated: {en}");
            let holes = en.matches("{}").count();
            let used = vi.matches('{').count();
            assert_eq!(holes, used, "placeholders differ: {en} | {vi}");
            assert!(!en.contains("{}{}"), "adjacent placeholders: {en}");
            let example = en.replace("{}", "QQ");
            let first = CATALOGUE
                .iter()
                .position(|(p, _)| captures(p, &example).is_some());
            assert_eq!(
                first,
                Some(i),
                "{en} is shadowed by {:?}",
                first.map(|f| CATALOGUE[f].0)
            );
        }
    }
}
