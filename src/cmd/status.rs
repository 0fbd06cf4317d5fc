//! `tally status`: what the store holds.

use anyhow::Result;
use std::io::Write;
use std::time::Duration;

use crate::cli::{StatusArgs, StatusFormat};
use crate::report::status;
use crate::store::status::Status;
use crate::store::Store;
use crate::term::Voice;

pub fn run(store: &Store, args: &StatusArgs, wait: Duration, voice: Voice) -> Result<()> {
    let view = store.read(wait)?;
    let s = Status::of(&view)?;
    let filter = args.filter(&s.orgs)?;
    let s = s.only(&filter);
    let mut out = std::io::stdout().lock();
    match args.format {
        StatusFormat::Json => {
            let doc = status::json(&s)?;
            crate::error::json_said();
            writeln!(out, "{doc}")?;
        }
        StatusFormat::Table => write!(out, "{}", status::table(&s, voice.lang))?,
    }
    Ok(())
}
