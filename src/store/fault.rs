//! Crash points for the crash-safety tests: in a debug build, `TALLY_FAULT=NAME` makes
//! the process abort at the named point, as a SIGKILL or a power cut would stop it;
//! `TALLY_PAUSE=NAME` (or `NAME:MS`) says `paused at NAME` on stderr and waits there
//! (a minute, or MS milliseconds), for the tests that send a signal at that point.
//! Release builds compile this to nothing.

#[inline]
pub fn point(name: &str) {
    #[cfg(debug_assertions)]
    {
        if std::env::var("TALLY_FAULT").is_ok_and(|v| v == name) {
            std::process::abort();
        }
        if let Ok(v) = std::env::var("TALLY_PAUSE") {
            let (at, ms) = v.split_once(':').unwrap_or((v.as_str(), "60000"));
            if at == name {
                crate::term::say(&format!("paused at {name}"));
                let ms = ms.parse().unwrap_or(60_000);
                std::thread::sleep(std::time::Duration::from_millis(ms));
            }
        }
    }
    #[cfg(not(debug_assertions))]
    let _ = name;
}
