//! Ctrl-C and `kill`: a process stopped by SIGINT or SIGTERM says in one line whether
//! the store was written, removes what its writer had staged, and exits 130 or 143 (the
//! shell's 128 + the signal). A commit is never cut in two: a signal that arrives while
//! parts are moved into place and the manifest written waits for it to finish.
//!
//! The signal only sets a flag (all a signal handler may safely do); a watcher thread
//! sees the flag and acts. What the process is doing is one value behind a lock, the
//! only process-wide state in tally, because a signal is process-wide.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::Duration;

use crate::lang::signal as msg;
use crate::term::{self, Voice};

/// What removes a writer's staged files (its parts in `tmp/`, its spools of rejected
/// rows): given by the store, which alone knows their names.
pub type Cleanup = Box<dyn Fn() + Send>;

/// What the process is doing, as far as a signal is concerned.
enum Phase {
    /// Nothing written: a signal ends the process as it would without tally's handler.
    Idle,
    /// A writer holds the store: nothing is stored until its commit.
    Writing(Cleanup),
    /// A commit finished: what was stored stays.
    Stored,
}

struct Watch {
    phase: Mutex<Phase>,
    voice: Voice,
    int: Arc<AtomicBool>,
    term: Arc<AtomicBool>,
    /// Set by whichever thread answers the signal first.
    stopping: AtomicBool,
}

static WATCH: OnceLock<Watch> = OnceLock::new();

/// Installs the handlers for SIGINT and SIGTERM (once; `voice` says the line). Where
/// they cannot be installed, the signals keep their default action.
pub fn install(voice: Voice) {
    let watch = Watch {
        phase: Mutex::new(Phase::Idle),
        voice,
        int: Arc::new(AtomicBool::new(false)),
        term: Arc::new(AtomicBool::new(false)),
        stopping: AtomicBool::new(false),
    };
    let registered = signal_hook::flag::register(signal_hook::consts::SIGINT, watch.int.clone())
        .and_then(|_| {
            signal_hook::flag::register(signal_hook::consts::SIGTERM, watch.term.clone())
        });
    if registered.is_err() || WATCH.set(watch).is_err() {
        return;
    }
    let _ = std::thread::Builder::new()
        .name("signals".into())
        .spawn(|| loop {
            settle();
            std::thread::sleep(Duration::from_millis(25));
        });
}

/// Answers a signal that has arrived (the watcher, every few milliseconds; `main`,
/// before it returns, so that a signal during a commit is never lost to the race with
/// a process that finished).
pub fn settle() {
    let Some(watch) = WATCH.get() else { return };
    if watch.int.load(Ordering::Relaxed) {
        stop(watch, 130);
    }
    if watch.term.load(Ordering::Relaxed) {
        stop(watch, 143);
    }
}

fn phase() -> Option<MutexGuard<'static, Phase>> {
    let watch = WATCH.get()?;
    Some(watch.phase.lock().unwrap_or_else(|e| e.into_inner()))
}

/// A writer took the store: until [`committed`] or [`abandoned`], a signal removes
/// what `cleanup` removes and says that nothing was stored.
pub fn writing(cleanup: Cleanup) {
    if let Some(mut p) = phase() {
        *p = Phase::Writing(cleanup);
    }
}

/// Held while a commit moves parts into place and writes the manifest: a signal waits
/// for the guard. [`Commit::done`] marks the commit finished.
pub struct Commit(Option<MutexGuard<'static, Phase>>);

/// The commit starts.
pub fn commit() -> Commit {
    Commit(phase())
}

impl Commit {
    pub fn done(mut self) {
        if let Some(p) = self.0.as_mut() {
            **p = Phase::Stored;
        }
    }
}

/// The writer let go of the store without a commit (a refused ingest, a dry run).
pub fn abandoned() {
    if let Some(mut p) = phase() {
        if matches!(*p, Phase::Writing(_)) {
            *p = Phase::Idle;
        }
    }
}

/// The answer to a signal, given once: waits for a commit under way, says what became
/// of the store, and exits with `code`.
fn stop(watch: &Watch, code: i32) {
    if watch.stopping.swap(true, Ordering::SeqCst) {
        // The other thread answers, and ends the process.
        loop {
            std::thread::park();
        }
    }
    if let Some(p) = phase() {
        match &*p {
            Phase::Idle => {}
            Phase::Writing(cleanup) => {
                cleanup();
                term::say(&format!(
                    "tally: {}",
                    msg::NOTHING_STORED.text(watch.voice.lang)
                ));
            }
            Phase::Stored => term::say(&format!(
                "tally: {}",
                msg::STORED_BEFORE.text(watch.voice.lang)
            )),
        }
    }
    std::process::exit(code)
}
