//! The one place that writes warnings and notes to stderr, and knows whether the user
//! asked for quiet (`--quiet`: errors only).

use crate::messages::{pick, say};

static QUIET: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// `--quiet`: from now on only errors are said.
pub fn set_quiet(quiet: bool) {
    QUIET.store(quiet, std::sync::atomic::Ordering::Relaxed);
}

pub fn quiet() -> bool {
    QUIET.load(std::sync::atomic::Ordering::Relaxed)
}

pub fn warn(msg: impl std::fmt::Display) {
    if !quiet() {
        let label = pick("warning", "cảnh báo");
        eprintln!("tally: {label}: {}", say(&msg.to_string()));
    }
}

pub fn note(msg: impl std::fmt::Display) {
    if !quiet() {
        eprintln!("tally: {}", say(&msg.to_string()));
    }
}

/// A note for a person watching (a wait, progress): said on a terminal only, where
/// it helps, and never into a log that cron mails.
pub fn live_note(msg: impl std::fmt::Display) {
    use std::io::IsTerminal;
    if !quiet() && std::io::stderr().is_terminal() {
        eprintln!("tally: {}", say(&msg.to_string()));
    }
}

pub fn error(msg: impl std::fmt::Display) {
    eprintln!("tally: {}: {}", pick("error", "lỗi"), say(&msg.to_string()));
}

/// The hint under an error.
pub fn hint(msg: impl std::fmt::Display) {
    eprintln!("{}: {}", pick("hint", "gợi ý"), say(&msg.to_string()));
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
