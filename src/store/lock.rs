//! One lock file per store: writers hold it exclusively, readers shared. A writer that
//! cannot get it within the wait gives up with exit code 75.

use anyhow::{Context, Result};
use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;
use std::time::{Duration, Instant};

use crate::error::{Exit, Failure};
use crate::lang::cmd as msg;
use crate::t;
use crate::term::Voice;

#[cfg(unix)]
use std::os::unix::fs::OpenOptionsExt;

/// Held until dropped (the OS releases it when the process dies, too).
pub struct StoreLock {
    _file: Option<File>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Shared,
    Exclusive,
}

/// Takes the lock at `path`, waiting up to `wait`; a person watching is told of the
/// wait by `voice` (in their language, on a terminal, unless quiet).
pub fn acquire(path: &Path, mode: Mode, wait: Duration, voice: &Voice) -> Result<StoreLock> {
    let mut opts = OpenOptions::new();
    opts.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    opts.mode(0o600);
    let mut read_only = false;
    let file = match opts.open(path) {
        Ok(f) => f,
        // A store on read-only media (a backup, a mounted archive), or made read-only
        // by its owner (`chmod -R a-w`), can still be read: a shared lock needs no
        // write access, and where the lock file cannot be opened at all no writer can
        // be at work either.
        Err(e)
            if mode == Mode::Shared
                && matches!(
                    e.kind(),
                    std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied
                ) =>
        {
            read_only = true;
            match File::open(path) {
                Ok(f) => f,
                Err(_) => return Ok(StoreLock { _file: None }),
            }
        }
        Err(e) => {
            return Err(e).with_context(|| format!("cannot open the store lock {}", path.display()))
        }
    };
    let start = Instant::now();
    let mut told = false;
    loop {
        let attempt = match mode {
            Mode::Shared => file.try_lock_shared(),
            Mode::Exclusive => file.try_lock(),
        };
        match attempt {
            Ok(()) => return Ok(StoreLock { _file: Some(file) }),
            Err(TryLockError::WouldBlock) => {
                if !told && !wait.is_zero() {
                    voice.live_note(t!(msg::WAITING_FOR_LOCK, wait.as_secs()));
                    told = true;
                }
                if start.elapsed() >= wait {
                    let who = if mode == Mode::Exclusive {
                        "another tally process is using the store"
                    } else {
                        "another tally process is writing the store"
                    };
                    return Err(Failure::new(Exit::Busy, format!("{who} ({}); gave up after {} s", path.display(), wait.as_secs()))
                        .hint("wait for it to finish and run the command again, or give more time with --wait SECONDS")
                        .into());
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            // Media that cannot be written cannot take a lock either, nor a writer.
            Err(TryLockError::Error(_)) if read_only => return Ok(StoreLock { _file: None }),
            Err(TryLockError::Error(e)) => {
                return Err(e)
                    .with_context(|| format!("cannot lock the store ({})", path.display()));
            }
        }
    }
}
