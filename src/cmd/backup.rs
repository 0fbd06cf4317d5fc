//! `tally backup DEST`: copy, verify, say what was copied and where the secret is.

use anyhow::Result;
use std::io::Write;
use std::time::Duration;

use crate::cli::BackupArgs;
use crate::messages::say;
use crate::store::{backup, Store};

pub fn run(store: &Store, args: &BackupArgs, wait: Duration) -> Result<()> {
    super::existing(store)?;
    let c = backup::backup(store, &args.dest, args.with_secret, wait)?;
    let line = format!(
        "backed up {} part(s), {} bytes, to {} and verified the copy",
        c.parts,
        c.bytes,
        args.dest.display()
    );
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", say(&line))?;
    let secret = if c.secret {
        "the copy holds the secret: keep it as private as the store".to_string()
    } else {
        format!(
            "the copy has no secret: it reports, and refuses ingests until the secret is put back; keep {} apart (another medium or account) and back it up too",
            store.secret_path().display()
        )
    };
    writeln!(out, "{}", say(&secret))?;
    Ok(())
}
