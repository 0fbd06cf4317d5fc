//! tally: coverage tables of mass-organization membership rolls.
//!
//! Data flows one way: bytes → decoded text → typed rows (or rejects) → store →
//! metrics → rows → renderer → bytes.

// A rejected row's `Problem` is large, but it is the cold path: boxing it would cost an
// allocation on every reject and buy nothing on valid rows.
#![allow(clippy::result_large_err)]

pub(crate) mod cache;
pub mod cli;
pub mod cmd;
pub mod error;
pub mod help_vi;
pub mod ingest;
pub mod interrupt;
pub mod kind;
pub mod lang;
pub mod member;
pub mod messages;
pub mod metrics;
pub mod org;
pub mod reference;
pub mod report;
pub mod roll;
pub mod rows;
pub mod store;
pub mod term;
pub mod text;
pub mod tongue;
pub mod usage;
pub mod value;

use anyhow::Result;
use cli::{Cli, Command};

/// Runs the command `cli` names, saying things the way `voice` says (language,
/// quiet), which `main` resolved once from the same command line.
pub fn run(cli: &Cli, voice: term::Voice) -> Result<()> {
    let store = store::Store::new(&cli.store)
        .with_secret(cli.secret.clone())
        .with_voice(voice);
    let wait = cli.wait();
    match &cli.command {
        Command::Ingest(args) => cmd::ingest::run(&store, args, wait, voice),
        Command::Report(args) => cmd::report::run(&store, args, wait, voice),
        Command::Status(args) => cmd::status::run(&store, args, wait, voice),
        Command::Drop(args) => cmd::drop::run(&store, args, wait, voice),
        Command::Verify(args) => cmd::verify::run(&store, args, wait, voice),
        Command::Backup(args) => cmd::backup::run(&store, args, wait, voice),
        Command::Completions(args) => {
            cli::shell::completions(args.shell, &store.orgs(), voice.lang)
        }
        Command::Man(args) => cli::shell::man(args.command.as_deref(), &store.orgs(), voice.lang),
    }
}
