//! Where a report's bytes go: `--output` (atomically) or standard output, with a BOM
//! if asked; and the notes a CSV cannot carry, said on stderr.

use anyhow::Result;

use crate::error::Explain;
use std::io::Write;

use crate::cli::spec::Output;
use crate::lang::cmd as msg;
use crate::store::fsutil;
use crate::t;
use crate::term::Voice;

/// Writes the report to `--output` (atomically) or to stdout, with a BOM if asked.
pub(super) fn emit(out: &Output, mut bytes: Vec<u8>) -> Result<()> {
    if out.bom {
        bytes.splice(0..0, *b"\xEF\xBB\xBF");
    }
    match &out.path {
        Some(path) => {
            fsutil::write_atomic_shared(path, &bytes)
                .explain(|| t!(msg::CANNOT_WRITE_REPORT, path.display().to_string()))?;
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(&bytes)?;
            stdout.flush()?;
        }
    }
    Ok(())
}

/// CSV carries no notes: they are said on stderr, where cron mails them (a stale or
/// missing roll is exactly what a monthly job must hear about); --quiet silences.
pub(super) fn say_notes(voice: Voice, lines: impl IntoIterator<Item = String>) {
    for line in lines {
        voice.note(line);
    }
}
