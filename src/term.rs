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
            say(&format!("tally: {}", line.render(self.lang)));
        }
    }

    pub fn note(&self, text: impl Into<Text>) {
        if !self.quiet {
            say(&format!("tally: {}", text.into().render(self.lang)));
        }
    }

    /// A note for a person watching (a wait, progress): said on a terminal only, where
    /// it helps, and never into a log that cron mails.
    pub fn live_note(&self, text: impl Into<Text>) {
        if self.watched() {
            say(&format!("tally: {}", text.into().render(self.lang)));
        }
    }

    /// Whether a person may be watching stderr: a terminal, and no --quiet.
    pub fn watched(&self) -> bool {
        use std::io::IsTerminal;
        !self.quiet && std::io::stderr().is_terminal()
    }

    /// An error, always said (also under --quiet).
    pub fn error(&self, text: impl Into<Text>) {
        say(&format!(
            "tally: {}",
            t!(msg::ERROR, text.into()).render(self.lang)
        ));
    }

    /// The hint under an error.
    pub fn hint(&self, text: impl Into<Text>) {
        say(&t!(msg::HINT, text.into()).render(self.lang));
    }
}

/// One line to stderr. A stderr that is closed (`tally … 2>&1 | head -4`) loses the
/// line, never the command: `eprintln!` would panic there (exit 101) and take the
/// exit code that says what happened with it.
pub fn say(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// One line to stdout, for a command whose verdict does not depend on it (`ingest`:
/// its rejected rows exit 65 whether or not anyone reads the summary): a reader that
/// stopped early (a closed pipe) ends the writing, not the command.
pub fn out_line(line: &str) -> std::io::Result<()> {
    use std::io::Write;
    match writeln!(std::io::stdout().lock(), "{line}") {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r,
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
