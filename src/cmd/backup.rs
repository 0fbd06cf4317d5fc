//! `tally backup DEST`: copy, verify, say what was copied and where the secret is.

use anyhow::Result;
use std::io::Write;
use std::time::Duration;

use crate::cli::BackupArgs;
use crate::lang::cmd as msg;
use crate::store::{backup, Store};
use crate::t;
use crate::term::Voice;

pub fn run(store: &Store, args: &BackupArgs, wait: Duration, voice: Voice) -> Result<()> {
    super::existing(store)?;
    let c = backup::backup(store, &args.dest, args.with_secret, wait)?;
    let dest = args.dest.display().to_string();
    let copied = t!(msg::BACKED_UP, c.parts, c.bytes, dest);
    let secret = if c.secret {
        t!(msg::COPY_HOLDS_SECRET)
    } else {
        t!(
            msg::COPY_LACKS_SECRET,
            store.secret_path().display().to_string()
        )
    };
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", copied.render(voice.lang))?;
    writeln!(out, "{}", secret.render(voice.lang))?;
    Ok(())
}
