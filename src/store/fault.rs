//! Crash points for the crash-safety tests: in a debug build, `TALLY_FAULT=NAME` makes
//! the process abort at the named point, as a SIGKILL or a power cut would stop it.
//! Release builds compile this to nothing.

#[inline]
pub fn point(name: &str) {
    #[cfg(debug_assertions)]
    if std::env::var("TALLY_FAULT").is_ok_and(|v| v == name) {
        std::process::abort();
    }
    #[cfg(not(debug_assertions))]
    let _ = name;
}
