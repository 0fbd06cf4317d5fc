//! Command-line mistakes (an unknown option, a value not in the list) told in the
//! chosen language. clap finds the mistake and renders it in English; in Vietnamese
//! tally says the same from the error's parts. Help and version pass through.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::lang::{cmd as msg, Lang, Text};
use crate::t;

/// The store a command line names (`--store DIR`, else TALLY_STORE, else
/// ./tally-data), as clap reads it: for `--help`, whose command line clap does not
/// hand over.
pub fn store_of(args: &[String]) -> std::path::PathBuf {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let value = match a.strip_prefix("--store=") {
            Some(v) => Some(v.to_string()),
            None if a == "--store" => it.next().cloned(),
            None => None,
        };
        if let Some(v) = value {
            return v.into();
        }
    }
    std::env::var_os("TALLY_STORE")
        .map(Into::into)
        .unwrap_or_else(|| "./tally-data".into())
}

/// The language asked for on a command line that may not parse: `--lang` wherever it
/// is, else the locale.
pub fn lang_of(args: &[String]) -> Lang {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let value = match a.strip_prefix("--lang=") {
            Some(v) => Some(v.to_string()),
            None if a == "--lang" => it.next().cloned(),
            None => None,
        };
        match value.as_deref() {
            Some("vi") => return Lang::Vi,
            Some("en") => return Lang::En,
            _ => {}
        }
    }
    Lang::from_env()
}

fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// What to print for a parse error in Vietnamese; `None` where clap's own text is
/// kept (help, version, and kinds without parts to say).
pub fn vietnamese(e: &clap::Error) -> Option<String> {
    let arg = context(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = context(e, ContextKind::InvalidValue).unwrap_or_default();
    let none_given = value.is_empty();
    let (arg, value) = (Text::Said(arg), Text::Said(value));
    let valid = context(e, ContextKind::ValidValue).filter(|v| !v.is_empty());
    let said = match e.kind() {
        // An option at the end of the line, or before another: no value at all.
        ErrorKind::InvalidValue if none_given => match valid {
            Some(valid) => t!(msg::VALUE_REQUIRED_OF, arg, Text::Said(valid)),
            None => t!(msg::VALUE_REQUIRED, arg),
        },
        ErrorKind::InvalidValue => match valid {
            Some(valid) => t!(msg::INVALID_VALUE_OF, value, arg, Text::Said(valid)),
            None => t!(msg::INVALID_VALUE, value, arg),
        },
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e)
                .map(why_not)
                .unwrap_or_else(|| Text::Said(String::new()));
            t!(msg::INVALID_VALUE_WHY, value, arg, why)
        }
        ErrorKind::UnknownArgument => t!(msg::UNKNOWN_ARGUMENT, arg),
        ErrorKind::InvalidSubcommand => {
            let name = context(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            t!(msg::UNKNOWN_SUBCOMMAND, Text::Said(name))
        }
        ErrorKind::MissingRequiredArgument => t!(msg::MISSING_ARGUMENT, arg),
        ErrorKind::MissingSubcommand => t!(msg::MISSING_SUBCOMMAND),
        ErrorKind::ArgumentConflict => match context(e, ContextKind::PriorArg) {
            Some(prior) => t!(msg::ARGUMENT_CONFLICT_WITH, arg, Text::Said(prior)),
            None => t!(msg::ARGUMENT_CONFLICT, arg),
        },
        ErrorKind::TooManyValues => t!(msg::TOO_MANY_VALUES, arg),
        _ => return None,
    };
    let tip = context(e, ContextKind::SuggestedArg)
        .or_else(|| context(e, ContextKind::SuggestedSubcommand))
        .or_else(|| context(e, ContextKind::SuggestedValue));
    let said = match tip {
        Some(tip) => t!(msg::DID_YOU_MEAN, said, Text::Said(tip)),
        None => said,
    };
    let lines = t!(msg::USAGE_MISTAKE, said, t!(msg::SEE_HELP));
    Some(lines.render(Lang::Vi))
}

/// Why a value was refused, from its parser: tally's own reason as the text it is; a
/// number's (clap's and the standard library's English) said again in the reader's
/// language.
fn why_not(cause: &(dyn std::error::Error + 'static)) -> Text {
    use std::num::IntErrorKind;
    if let Some(t) = cause.downcast_ref::<Text>() {
        return t.clone();
    }
    if let Some(n) = cause.downcast_ref::<std::num::ParseIntError>() {
        return match n.kind() {
            IntErrorKind::PosOverflow => t!(msg::NUMBER_TOO_LARGE),
            _ => t!(msg::NOT_A_WHOLE_NUMBER),
        };
    }
    // clap's range check: "0 is not in 1..=120", or "…in 1..18446744073709551615".
    let said = cause.to_string();
    if let Some((_, range)) = said.split_once(" is not in ") {
        if let Some((low, high)) = range.split_once("..=") {
            return t!(msg::NOT_IN_RANGE, low, high);
        }
        if let Some((low, high)) = range.split_once("..") {
            if high == u64::MAX.to_string() || high == i64::MAX.to_string() {
                return t!(msg::AT_LEAST, low);
            }
            let last = high
                .parse::<i128>()
                .map_or(high.to_string(), |h| (h - 1).to_string());
            return t!(msg::NOT_IN_RANGE, low, last.as_str());
        }
    }
    Text::from(said)
}
