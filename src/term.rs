//! The one place that writes warnings and notes to stderr, and knows whether stderr is a
//! terminal (progress only there).

use std::io::IsTerminal;

pub fn stderr_is_terminal() -> bool {
    std::io::stderr().is_terminal()
}

pub fn warn(msg: impl std::fmt::Display) {
    eprintln!("tally: warning: {msg}");
}

pub fn note(msg: impl std::fmt::Display) {
    eprintln!("tally: {msg}");
}

pub fn error(msg: impl std::fmt::Display) {
    eprintln!("tally: error: {msg}");
}
