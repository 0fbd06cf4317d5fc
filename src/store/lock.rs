//! One lock file per store: writers hold it exclusively, readers shared. A writer that
//! cannot get it within the wait gives up with exit code 75.

use anyhow::Result;

use crate::error::Explain;
use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;
use std::time::{Duration, Instant};

use crate::error::{Exit, Failure};
use crate::lang::{cmd as msg, Text};
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
        Err(e) => return Err(e).explain(|| t!(msg::CANNOT_OPEN_LOCK, path.display().to_string())),
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
                    let who = match mode {
                        Mode::Exclusive => &msg::LOCK_BUSY_USING,
                        Mode::Shared => &msg::LOCK_BUSY_WRITING,
                    };
                    let lock = path.display().to_string();
                    let what = Text::Msg(who, vec![lock.into(), wait.as_secs().into()]);
                    return Err(Failure::new(Exit::Busy, what)
                        .hint(t!(msg::LOCK_BUSY_HINT))
                        .into());
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            // Media that cannot be written cannot take a lock either, nor a writer.
            Err(TryLockError::Error(_)) if read_only => return Ok(StoreLock { _file: None }),
            Err(TryLockError::Error(e)) => {
                return Err(e).explain(|| t!(msg::CANNOT_LOCK, path.display().to_string()));
            }
        }
    }
}
