//! The language layer: every text a person reads, in English and Vietnamese side by
//! side in one place, said in the reader's language when it is said.
//!
//! A message is a [`Msg`]: its two texts, with `{}` where its arguments go (`{N}` in
//! the Vietnamese, where the order differs). Code builds a [`Text`] — a message and
//! its arguments, themselves texts or plain values — and never formats a sentence in
//! one language: the same text is rendered in English for scripts (`--format json`,
//! the manifest) and in the reader's language on a terminal. The messages live in
//! this folder, one file per room of the program that says them ([`messages!`]
//! lists each with both texts, and a test checks every one), so that fixing a typo in
//! one language never loses the other.

use std::fmt;

pub mod breakdown;
pub mod cmd;
pub mod departures;
pub mod fields;
pub mod files;
pub mod grassroots;
pub mod ingest;
pub mod lists;
pub mod names;
pub mod parts;
pub mod reference;
pub mod report;
pub mod rows;
pub mod signal;
pub mod sources;
pub mod store;
pub mod workbook;
pub mod xml;

pub use crate::tongue::Lang;

/// A message: its English and Vietnamese texts, `{}` for each argument in order
/// (`{N}`, the N-th from 0, where Vietnamese puts them in another order).
#[derive(Debug, PartialEq, Eq)]
pub struct Msg {
    pub en: &'static str,
    pub vi: &'static str,
}

impl Msg {
    pub fn text(&'static self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Vi => self.vi,
        }
    }
}

/// Declares messages, each with both texts, and the list a test checks them by:
///
/// ```ignore
/// messages! {
///     /// Why the doc says it.
///     NO_AREA: "no area: {}" => "không có địa bàn: {}";
/// }
/// ```
#[macro_export]
macro_rules! messages {
    ($( $(#[$meta:meta])* $name:ident : $en:literal => $vi:literal ; )*) => {
        $( $(#[$meta])* pub const $name: $crate::lang::Msg = $crate::lang::Msg { en: $en, vi: $vi }; )*
        /// Every message of this file, for the test that each has both texts.
        #[cfg(test)]
        pub(crate) const ALL: &[&$crate::lang::Msg] = &[$(&$name),*];
    };
}

/// A text to say: a message with its arguments, or a value said the same in every
/// language (a file's name, a code, a count).
#[derive(Debug, Clone, PartialEq)]
pub enum Text {
    /// A value said as it is.
    Plain(String),
    /// A day: ISO (`2026-10-31`) in English, day first (`31/10/2026`) in Vietnamese.
    Date(chrono::NaiveDate),
    /// A message and its arguments.
    Msg(&'static Msg, Vec<Text>),
    /// Texts said one after another, with a separator between them (a list of sheets,
    /// each with why: ", ").
    Join(Vec<Text>, &'static str),
    /// A value already said in the reader's language (an org's name as that reader
    /// reads it, a formatted count): written as it is, never looked up.
    Said(String),
    /// A count, grouped as the tables group it: `7,360` in English, `7.360` in
    /// Vietnamese (`Lang::count`). Line numbers and years stay plain.
    Count(u64),
    /// A decimal number written with a point (`0.75`): a comma in Vietnamese (`0,75`).
    Decimal(String),
}

/// A [`Text`] of a message and its arguments: `t!(NO_AREA, file)`.
#[macro_export]
macro_rules! t {
    ($msg:expr $(, $arg:expr)* $(,)?) => {
        $crate::lang::Text::Msg(&$msg, vec![$($crate::lang::Text::from($arg)),*])
    };
}

impl Text {
    /// An error as a text: the text it is (said in the reader's language), or else its
    /// chain as it says itself.
    pub fn of_error(e: &anyhow::Error) -> Text {
        match e.downcast_ref::<Text>() {
            Some(t) => t.clone(),
            None => Text::from(format!("{e:#}")),
        }
    }

    /// The text in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        self.write(lang, &mut out);
        out
    }

    /// The text in English: for scripts (JSON, the manifest) and tests.
    pub fn en(&self) -> String {
        self.render(Lang::En)
    }

    fn write(&self, lang: Lang, out: &mut String) {
        match self {
            // A value from code not yet moved to messages may be an English sentence:
            // the catalogue of the old layer says it in Vietnamese where it has it.
            Text::Plain(s) => match lang {
                Lang::En => out.push_str(s),
                Lang::Vi => out.push_str(&crate::messages::say_in(s, lang)),
            },
            Text::Date(d) => match lang {
                Lang::En => out.push_str(&d.to_string()),
                Lang::Vi => out.push_str(&d.format("%d/%m/%Y").to_string()),
            },
            Text::Msg(msg, args) => fill(msg.text(lang), args, lang, out),
            Text::Join(items, separator) => {
                for (i, t) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(separator);
                    }
                    t.write(lang, out);
                }
            }
            Text::Said(s) => out.push_str(s),
            Text::Count(n) => out.push_str(&lang.count(*n)),
            Text::Decimal(d) => match lang {
                Lang::En => out.push_str(d),
                Lang::Vi => out.push_str(&d.replace('.', ",")),
            },
        }
    }
}

/// `template` with its `{}` / `{N}` filled from `args` rendered in `lang`; a
/// placeholder without its argument is left as written.
fn fill(template: &str, args: &[Text], lang: Lang, out: &mut String) {
    let mut next = 0;
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return;
        };
        let inner = &after[..close];
        let index = if inner.is_empty() {
            next += 1;
            Some(next - 1)
        } else {
            inner.parse::<usize>().ok()
        };
        match index.and_then(|i| args.get(i)) {
            Some(a) => a.write(lang, out),
            None => out.push_str(&rest[open..open + close + 2]),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
}

/// English, as error chains and logs print it.
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en())
    }
}

impl std::error::Error for Text {}

/// In English: what scripts read (`--format json`).
impl serde::Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.en())
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text::Plain(s)
    }
}

impl From<&String> for Text {
    fn from(s: &String) -> Text {
        Text::Plain(s.clone())
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::Plain(s.to_string())
    }
}

impl From<chrono::NaiveDate> for Text {
    fn from(d: chrono::NaiveDate) -> Text {
        Text::Date(d)
    }
}

impl From<&Text> for Text {
    fn from(t: &Text) -> Text {
        t.clone()
    }
}

macro_rules! plain_numbers {
    ($($t:ty),*) => {$(
        impl From<$t> for Text {
            fn from(n: $t) -> Text {
                Text::Plain(n.to_string())
            }
        }
    )*};
}
plain_numbers!(u8, u16, u32, u64, usize, i32, i64);

/// The placeholders of a template: how many `{}`, and the `{N}` indices.
#[cfg(test)]
pub(crate) fn holes(template: &str) -> (usize, Vec<usize>) {
    let mut plain = 0;
    let mut numbered = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        match &after[..close] {
            "" => plain += 1,
            n => {
                if let Ok(i) = n.parse() {
                    numbered.push(i);
                }
            }
        }
        rest = &after[close + 1..];
    }
    (plain, numbered)
}

/// Every message has both texts, different, with the same arguments.
#[cfg(test)]
pub(crate) fn check(all: &[&Msg]) {
    for m in all {
        assert_ne!(m.en, m.vi, "not in Vietnamese: {}", m.en);
        assert!(!m.vi.trim().is_empty(), "empty Vietnamese: {}", m.en);
        let (en, en_numbered) = holes(m.en);
        assert!(
            en_numbered.is_empty(),
            "numbered placeholder in English: {}",
            m.en
        );
        let (vi, mut vi_numbered) = holes(m.vi);
        vi_numbered.sort_unstable();
        vi_numbered.dedup();
        let covered = vi + vi_numbered.len();
        assert!(
            covered == en && vi_numbered.iter().all(|&i| i < en),
            "arguments differ: {} | {}",
            m.en,
            m.vi
        );
    }
}

#[cfg(test)]
mod tests {
    #![allow(unreachable_pub)] // the test's own messages, declared as a room's are
    use super::*;

    crate::messages! {
        GREETING: "{} stored {} row(s) of {}" => "{0}: đã lưu {1} dòng của {2}";
        SWAPPED: "{} of {}" => "{1} của {0}";
        INNER: "unknown word" => "từ không rõ";
        OUTER: "row {}: {}" => "dòng {}: {}";
    }

    #[test]
    fn texts_render_in_each_language_with_their_arguments() {
        let t = t!(GREETING, "a.csv", 3u64, "roll");
        assert_eq!(t.en(), "a.csv stored 3 row(s) of roll");
        assert_eq!(t.render(Lang::Vi), "a.csv: đã lưu 3 dòng của roll");
        assert_eq!(t!(SWAPPED, "A", "B").render(Lang::Vi), "B của A");
        // A message inside a message is said in the same language.
        let t = t!(OUTER, 7u64, t!(INNER));
        assert_eq!(t.en(), "row 7: unknown word");
        assert_eq!(t.render(Lang::Vi), "dòng 7: từ không rõ");
        let d = chrono::NaiveDate::from_ymd_opt(2026, 10, 31).expect("a day");
        assert_eq!(t!(OUTER, d, "x").render(Lang::Vi), "dòng 31/10/2026: x");
        assert_eq!(t!(OUTER, d, "x").en(), "row 2026-10-31: x");
    }

    #[test]
    fn every_message_has_both_texts() {
        // Each room's messages, as the rooms are moved to this layer.
        let rooms: &[&[&Msg]] = &[
            super::cmd::ALL,
            super::files::ALL,
            super::ingest::ALL,
            super::names::ALL,
            super::parts::ALL,
            super::reference::ALL,
            super::report::ALL,
            super::rows::ALL,
            super::signal::ALL,
            super::sources::ALL,
            super::store::ALL,
            super::breakdown::ALL,
            super::workbook::ALL,
            super::xml::ALL,
            super::lists::ALL,
            super::departures::ALL,
            super::fields::ALL,
            super::grassroots::ALL,
        ];
        for all in rooms {
            check(all);
        }
    }

    #[test]
    fn the_check_finds_what_is_wrong() {
        check(ALL);
        let bad = [&Msg {
            en: "{} rows",
            vi: "dòng",
        }];
        assert!(std::panic::catch_unwind(|| check(&bad)).is_err());
    }
}
