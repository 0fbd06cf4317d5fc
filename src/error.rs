//! The few errors code must branch on: each carries its exit code and a hint.

use std::fmt;

/// Exit codes of SPEC §7.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Failure = 1,
    Usage = 2,
    Invalid = 65,
    Io = 74,
    Busy = 75,
}

/// An error with a decided exit code and a hint on how to fix it.
#[derive(Debug)]
pub struct Failure {
    pub exit: Exit,
    pub what: String,
    pub hint: Option<String>,
}

impl Failure {
    pub fn new(exit: Exit, what: impl Into<String>) -> Self {
        Failure {
            exit,
            what: what.into(),
            hint: None,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn invalid(what: impl Into<String>) -> Self {
        Failure::new(Exit::Invalid, what)
    }

    pub fn usage(what: impl Into<String>) -> Self {
        Failure::new(Exit::Usage, what)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.what)
    }
}

impl std::error::Error for Failure {}

/// The exit code and hint for any error chain: a [`Failure`] decides; an I/O error
/// anywhere in the chain is 74; anything else is 1.
pub fn classify(err: &anyhow::Error) -> (Exit, Option<String>) {
    for cause in err.chain() {
        if let Some(f) = cause.downcast_ref::<Failure>() {
            return (f.exit, f.hint.clone());
        }
    }
    for cause in err.chain() {
        if cause.downcast_ref::<std::io::Error>().is_some() {
            return (Exit::Io, None);
        }
    }
    (Exit::Failure, None)
}
