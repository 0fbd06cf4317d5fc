//! The English words in what tally said to a Vietnamese reader: every line of a
//! transcript, with what is the user's taken out (the command lines, quoted values,
//! commands in backticks, file names, options and the value after each), checked
//! against English words — a list of common ones, and every word tally says in
//! English in the same month (so a new English message is caught the day it leaks).

use std::collections::BTreeSet;

/// Common English words a Vietnamese reader must not see, beyond what the English
/// run says: the system's own texts, clap's, and words of messages this month may
/// not reach.
const COMMON: &str = "a about above after again all already also an and any are arguments as at \
    be been before both but by can cannot column columns command commands could date day default \
    did directory disk does done each empty error exist exists expected failed false file files \
    for found from full has have header help hidden if in into invalid is it its kept \
    last left line lines list missing more must name names new no none not nothing of old on one \
    only options or os other out permission possible print read rejected replaced row rows \
    said same should skipped space stored such summary than that the their them then there these \
    this those to too true unit units unknown usage use used value values was were when which \
    while will with without would write written yes you your sheet sheets workbook \
    reclassified recognizes such denied such";

/// Words that are Vietnamese too (without diacritics), names of things said the same
/// in both languages (formats, programs), and the options' values where tally names
/// them: never counted as English.
const SAID_IN_BOTH: &str =
    "an anh ban bi cho con da de do gi hay in la ma me nay nam nhu sang so ta \
    tin to theo thi toi tu va xa xem \
    tally csv json html xlsx xls xlsm xlsb ods md markdown utf bom excel libreoffice parquet \
    windows shell bash zsh fish powershell elvish roff cmd exe ole tcvn vni chmod icacls \
    id sha fat exfat pid usb";

/// The values of tally's options: in `--help`, where they are listed as values, and
/// after the option that takes them, they are the user's words, not English.
const OPTION_VALUES: &str =
    "union youth women farmers veterans any total ethnic_minority religious \
    rural ownership ethnicity religion sex age_band reason commune roll areas enterprises eligible \
    targets mapping orgs text table rows urge replicate units auto old new en vi this month last year \
    yes no red_cross province ingest report status drop verify backup completions man help swapped";

fn set(words: &str) -> BTreeSet<String> {
    words.split_whitespace().map(str::to_string).collect()
}

/// The part of a transcript tally said, with the user's words taken out: quoted
/// values, commands in backticks, file names (a dot and an extension), options
/// (`--replace`) and the value after an option (`--org youth`).
pub(crate) fn said_by_tally(transcript: &str) -> String {
    let mut out = String::new();
    for line in transcript.lines().filter(|l| !l.starts_with("$ tally")) {
        let mut quoted = false;
        let mut ticked = false;
        // A value in single quotes, as the command line's errors quote it ('abc' for
        // '--wait <GIÂY>'); an apostrophe inside a word (Women's) opens nothing.
        let mut single = false;
        let mut prev = ' ';
        let mut kept = String::new();
        for c in line.chars() {
            match c {
                '"' => quoted = !quoted,
                '`' => ticked = !ticked,
                '\'' if single || prev.is_whitespace() => single = !single,
                _ if quoted || ticked || single => {}
                _ => kept.push(c),
            }
            prev = c;
        }
        let mut words = Vec::new();
        let mut after_option = false;
        let mut after_tally = false;
        for w in kept.split(' ') {
            let bare = w.trim_matches([',', ';', '(', ')', '[', ']', '.', ':']);
            if bare.starts_with('-') {
                after_option = bare.starts_with("--") && !bare.contains('=');
                continue;
            }
            // `--org youth`, `tally verify`: the option's value, the command's name.
            let value = std::mem::take(&mut after_option) && !bare.is_empty();
            let command = std::mem::replace(&mut after_tally, bare == "tally");
            if !(value || command || is_file(w)) {
                words.push(w);
            }
        }
        out.push_str(&words.join(" "));
        out.push('\n');
    }
    out
}

/// A file's name or a path: `ds.csv:5:`, `D:\\sao-luu`, `.manifest.json.tmp-PID`.
fn is_file(word: &str) -> bool {
    let letters = word.chars().any(|c| c.is_alphabetic());
    let path = letters && (word.contains('/') || word.contains('\\'));
    let extension = word.split('.').skip(1).any(|e| {
        let e = e.split([':', ',', ';', ')']).next().unwrap_or(e);
        e.len() >= 2
            && e.starts_with(|c: char| c.is_ascii_alphabetic())
            && e.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    });
    path || extension
}

/// The words of `text` written in plain ASCII letters, lower-cased; a word with a
/// digit, `_` or `=` is a code or a value (`ethnic_minority=yes`), not a word.
fn ascii_words(line: &str) -> Vec<String> {
    line.split(|c: char| !(c.is_alphanumeric() || "_=-'".contains(c)))
        .map(|w| w.trim_matches(['\'', '-']))
        .filter(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_alphabetic()))
        // An all-capital word is a name (CSV, LANG, PID), not English prose.
        .filter(|w| !w.chars().all(|c| c.is_ascii_uppercase()))
        .map(str::to_lowercase)
        .collect()
}

/// English words: the common ones and every word of `english` (what tally said in
/// English the same month), less the words said in both languages and the words of
/// `input` (the user's files: names of people and places written without marks).
pub(crate) fn english_vocabulary(english: &str, input: &str) -> BTreeSet<String> {
    let both = set(SAID_IN_BOTH);
    let mut vocabulary = set(COMMON);
    for line in said_by_tally(english).lines() {
        vocabulary.extend(ascii_words(line));
    }
    let names = input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()));
    for name in names {
        vocabulary.remove(&name.to_lowercase());
    }
    vocabulary.retain(|w| !both.contains(w) && !set(OPTION_VALUES).contains(w));
    vocabulary
}

/// Each line of `vietnamese` (already [`said_by_tally`]) with the English words it
/// has. In `--help` (`help` is true) the options' values are the user's words.
pub(crate) fn english_in(
    vietnamese: &str,
    vocabulary: &BTreeSet<String>,
    help: bool,
) -> Vec<String> {
    let values = set(OPTION_VALUES);
    let mut found = Vec::new();
    for line in vietnamese.lines() {
        let words: Vec<String> = ascii_words(line)
            .into_iter()
            .filter(|w| vocabulary.contains(w) || (!help && values.contains(w)))
            .collect();
        if !words.is_empty() {
            found.push(format!("[{}] {line}", words.join(" ")));
        }
    }
    found
}
