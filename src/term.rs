//! The one place that writes warnings and notes to stderr, and knows whether the user
//! asked for quiet (`--quiet`: errors only).

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
        eprintln!("tally: warning: {msg}");
    }
}

pub fn note(msg: impl std::fmt::Display) {
    if !quiet() {
        eprintln!("tally: {msg}");
    }
}

pub fn error(msg: impl std::fmt::Display) {
    eprintln!("tally: error: {msg}");
}
