//! The few errors code must branch on: each carries its exit code and a hint.

use std::fmt;

use crate::lang::{Lang, Text};

/// Exit codes (README: Exit codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Failure = 1,
    Usage = 2,
    Invalid = 65,
    Io = 74,
    Busy = 75,
}

/// An error with a decided exit code and a hint on how to fix it.
#[derive(Debug)]
pub struct Failure {
    pub exit: Exit,
    pub what: Text,
    pub hint: Option<Text>,
}

impl Failure {
    pub fn new(exit: Exit, what: impl Into<Text>) -> Self {
        Failure {
            exit,
            what: what.into(),
            hint: None,
        }
    }

    pub fn hint(mut self, hint: impl Into<Text>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn invalid(what: impl Into<Text>) -> Self {
        Failure::new(Exit::Invalid, what)
    }

    pub fn usage(what: impl Into<Text>) -> Self {
        Failure::new(Exit::Usage, what)
    }
}

/// English, as error chains print it; [`said`] says a chain in the reader's language.
impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.what.en())
    }
}

/// An error chain as `{:#}` prints it (each cause after the one above it, joined by
/// `: `), each cause in `lang`: a [`Failure`] or a [`Text`] by its message, anything
/// else (an OS error, a library's) as it says itself.
pub fn said(err: &anyhow::Error, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in err.chain() {
        let part = if let Some(f) = cause.downcast_ref::<Failure>() {
            f.what.render(lang)
        } else if let Some(t) = cause.downcast_ref::<Text>() {
            t.render(lang)
        } else if let Some(b) = cause.downcast_ref::<Because>() {
            b.what.render(lang)
        } else if let (Lang::Vi, Some(io)) = (lang, cause.downcast_ref::<std::io::Error>()) {
            // The system's English, as the system says it, only to an English reader.
            crate::lang::files::io_error(io).render(lang)
        } else {
            crate::messages::say_in(&cause.to_string(), lang).into_owned()
        };
        parts.push(part);
    }
    parts.join(": ")
}

impl std::error::Error for Failure {}

/// What was being done when an error happened, over that error: what anyhow's
/// `.with_context` adds, but a cause that [`said`] finds in the chain and says in the
/// reader's language (anyhow's own context layers cannot be looked into).
#[derive(Debug)]
pub struct Because {
    what: Text,
    cause: Box<dyn std::error::Error + Send + Sync + 'static>,
}

impl Because {
    pub fn new(what: Text, cause: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        Because {
            what,
            cause: cause.into(),
        }
    }
}

/// English, as error chains print it.
impl fmt::Display for Because {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.what.en())
    }
}

impl std::error::Error for Because {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&*self.cause)
    }
}

/// `.explain(|| t!(CANNOT_READ, name))`: an error's [`Because`], as `.with_context`.
pub trait Explain<T> {
    fn explain(self, what: impl FnOnce() -> Text) -> anyhow::Result<T>;
}

impl<T, E> Explain<T> for Result<T, E>
where
    E: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    fn explain(self, what: impl FnOnce() -> Text) -> anyhow::Result<T> {
        self.map_err(|e| anyhow::Error::new(Because::new(what(), e)))
    }
}

/// The exit code and hint for any error chain: a [`Failure`] decides; an I/O error
/// anywhere in the chain (also inside a Parquet error) is 74, with a hint for a full
/// disk or a read-only store; anything else is 1.
pub fn classify(err: &anyhow::Error) -> (Exit, Option<Text>) {
    for cause in err.chain() {
        if let Some(f) = cause.downcast_ref::<Failure>() {
            return (f.exit, f.hint.clone());
        }
    }
    for cause in err.chain() {
        if let Some(kind) = io_kind(cause) {
            return (Exit::Io, io_hint(kind));
        }
    }
    (Exit::Failure, None)
}

fn io_kind(cause: &(dyn std::error::Error + 'static)) -> Option<std::io::ErrorKind> {
    if let Some(e) = cause.downcast_ref::<std::io::Error>() {
        return Some(e.kind());
    }
    match cause.downcast_ref::<polars::error::PolarsError>() {
        Some(polars::error::PolarsError::IO { error, .. }) => Some(error.kind()),
        _ => None,
    }
}

fn io_hint(kind: std::io::ErrorKind) -> Option<Text> {
    use crate::lang::files as msg;
    use std::io::ErrorKind::*;
    match kind {
        StorageFull | QuotaExceeded | FileTooLarge => Some(crate::t!(msg::DISK_FULL_HINT)),
        ReadOnlyFilesystem => Some(crate::t!(msg::READ_ONLY_HINT)),
        PermissionDenied => Some(crate::t!(msg::PERMISSION_HINT)),
        _ => None,
    }
}

/// Whether the command's JSON object is on stdout (set by [`json_said`]).
static JSON_SAID: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Marks the command's one JSON object printed: an error after it is not another.
pub fn json_said() {
    JSON_SAID.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// The error as the one JSON object a `--format json` command prints on stdout, for
/// the script that reads it: `{"error": {"exit": 65, "message": …, "hint": …}}`, in
/// English as all of tally's JSON is (the reader's language goes to stderr).
/// Nothing when the command already printed its object (an ingest's summary, whose
/// rejected rows are why it fails).
pub fn print_json(err: &anyhow::Error, exit: Exit, hint: Option<&Text>) {
    if JSON_SAID.load(std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    let said = serde_json::json!({
        "error": {
            "exit": exit as u8,
            "message": said(err, Lang::En),
            "hint": hint.map(Text::en),
        }
    });
    if let Ok(text) = serde_json::to_string_pretty(&said) {
        use std::io::Write;
        let _ = writeln!(std::io::stdout().lock(), "{text}");
    }
}

/// A write to a reader that went away (`tally report | head`): the reader has what it
/// wanted, so tally stops quietly with success, as ripgrep and xsv do.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
