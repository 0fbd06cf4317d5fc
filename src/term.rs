//! The one place that writes warnings and notes to stderr: a [`Voice`], resolved once
//! in `main` from `--lang` (or the locale) and `--quiet`, and handed to whatever says
//! something, so that no part of tally reads a process-wide setting.

use crate::lang::{cmd as msg, Lang, Text};
use crate::t;

/// Who tally is talking to: the reader's language, and whether they asked for quiet
/// (`--quiet`: errors only).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Voice {
    pub lang: Lang,
    pub quiet: bool,
}

impl Voice {
    pub fn new(lang: Lang, quiet: bool) -> Voice {
        Voice { lang, quiet }
    }

    pub fn warn(&self, text: impl Into<Text>) {
        if !self.quiet {
            let line = t!(msg::WARNING, text.into());
            eprintln!("tally: {}", line.render(self.lang));
        }
    }

    pub fn note(&self, text: impl Into<Text>) {
        if !self.quiet {
            eprintln!("tally: {}", text.into().render(self.lang));
        }
    }

    /// A note for a person watching (a wait, progress): said on a terminal only, where
    /// it helps, and never into a log that cron mails.
    pub fn live_note(&self, text: impl Into<Text>) {
        if self.watched() {
            eprintln!("tally: {}", text.into().render(self.lang));
        }
    }

    /// Whether a person may be watching stderr: a terminal, and no --quiet.
    pub fn watched(&self) -> bool {
        use std::io::IsTerminal;
        !self.quiet && std::io::stderr().is_terminal()
    }

    /// An error, always said (also under --quiet).
    pub fn error(&self, text: impl Into<Text>) {
        eprintln!("tally: {}", t!(msg::ERROR, text.into()).render(self.lang));
    }

    /// The hint under an error.
    pub fn hint(&self, text: impl Into<Text>) {
        eprintln!("{}", t!(msg::HINT, text.into()).render(self.lang));
    }
}

/// The terminal's width when stdout is a terminal (`COLUMNS` first, as shells set it);
/// `None` in a pipe or a file, where output must not depend on a window's size.
pub fn stdout_width() -> Option<usize> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        return None;
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|c| *c > 0)
        .or_else(|| comfy_table::Table::new().width().map(usize::from))
}
