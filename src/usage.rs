//! Command-line mistakes (an unknown option, a value not in the list) told in the
//! chosen language. clap finds the mistake and renders it in English; in Vietnamese
//! tally says the same from the error's parts. Help and version pass through.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::lang::Lang;
use crate::lang::Text;

/// The language asked for on a command line that may not parse: `--lang` wherever it
/// is, else the locale.
/// The store the command line names (`--store DIR`, else TALLY_STORE, else
/// ./tally-data), read before the command line is checked: the organizations its orgs
/// file adds are valid `--org` values.
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

/// Makes known the organizations the named store's orgs file adds, if it has one; a
/// store that cannot be read is left for the command to report.
pub fn register_store_orgs(args: &[String]) {
    let dir = store_of(args);
    let Ok(text) = std::fs::read_to_string(dir.join("manifest.json")) else {
        return;
    };
    if let Ok(m) = serde_json::from_str::<crate::store::Manifest>(&text) {
        let _ = crate::store::reference::register_orgs(&dir, &m);
    }
}

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
    let mut out = match e.kind() {
        ErrorKind::InvalidValue => {
            let mut s = format!("giá trị '{value}' không hợp lệ cho '{arg}'");
            if let Some(valid) = context(e, ContextKind::ValidValue) {
                s.push_str(&format!("; các giá trị có thể: {valid}"));
            }
            s
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e)
                .map(|c| Text::from(c.to_string()).render(Lang::Vi))
                .unwrap_or_default();
            format!("giá trị '{value}' không hợp lệ cho '{arg}': {why}")
        }
        ErrorKind::UnknownArgument => format!("không có tham số '{arg}'"),
        ErrorKind::InvalidSubcommand => {
            let name = context(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            format!("không có lệnh con '{name}'")
        }
        ErrorKind::MissingRequiredArgument => format!("thiếu tham số bắt buộc: {arg}"),
        ErrorKind::MissingSubcommand => "thiếu lệnh con (ingest, report, status, drop...)".into(),
        ErrorKind::ArgumentConflict => format!("'{arg}' không dùng cùng với tham số đã cho"),
        ErrorKind::TooManyValues => format!("'{arg}' được cho quá nhiều giá trị"),
        _ => return None,
    };
    if let Some(tip) = context(e, ContextKind::SuggestedArg)
        .or_else(|| context(e, ContextKind::SuggestedSubcommand))
        .or_else(|| context(e, ContextKind::SuggestedValue))
    {
        out.push_str(&format!(" (có phải ý bạn là '{tip}'?)"));
    }
    Some(format!(
        "tally: lỗi: {out}\ngợi ý: chạy 'tally --help' (hoặc 'tally LỆNH --help') để xem cách dùng"
    ))
}
