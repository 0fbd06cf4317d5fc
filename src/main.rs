//! The `tally` program: read the command line, resolve once how to speak to the reader
//! (language, quiet), run the command, and say its error with the right exit code.

use clap::{CommandFactory, FromArgMatches};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    // One command definition; its texts in the reader's language (help, usage errors).
    let vi = tally::usage::lang_of(&args) == tally::lang::Lang::Vi;
    let cmd = tally::help_vi::with_exit_codes(tally::cli::Cli::command(), vi);
    let parsed = cmd
        .clone()
        .try_get_matches_from(&args)
        .and_then(|m| tally::cli::Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelp => return help(&e, &args, vi),
        Err(e) => return usage_error(&e, &args),
    };
    // The language and quiet, resolved once: every command says things this way.
    let voice = tally::term::Voice::new(cli.lang(), cli.quiet);
    tally::interrupt::install(voice);
    let done = tally::run(&cli, voice);
    // A signal that came while the command finished still ends it as a signal does.
    tally::interrupt::settle();
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if tally::error::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            // An --org the store does not know is refused as clap refuses a bad value.
            if let Some(bad) = err.downcast_ref::<tally::cli::UnknownOrg>() {
                return usage_error(&bad.usage_error(cmd), &args);
            }
            let (exit, hint) = tally::error::classify(&err);
            if cli.says_json() {
                tally::error::print_json(&err, exit, hint.as_ref());
            }
            voice.error(tally::error::said(&err, voice.lang));
            if let Some(h) = hint {
                voice.hint(h.render(voice.lang));
            }
            ExitCode::from(exit as u8)
        }
    }
}

/// Help, with `--org`'s values of the store named: its orgs file's codes after the
/// five's. The store is read only now that clap has parsed the command line (asking for
/// help), never to parse it.
fn help(e: &clap::Error, args: &[String], vi: bool) -> ExitCode {
    let orgs = tally::store::Store::new(&tally::usage::store_of(args)).orgs();
    if orgs.added_len() == 0 {
        return usage_error(e, args);
    }
    let cli = tally::cli::with_store_orgs(tally::cli::Cli::command(), &orgs);
    let cmd = tally::help_vi::with_exit_codes(cli, vi);
    match cmd.try_get_matches_from(args) {
        Err(help) => usage_error(&help, args),
        Ok(_) => usage_error(e, args),
    }
}

/// A command line refused: clap's words, or their Vietnamese.
fn usage_error(e: &clap::Error, args: &[String]) -> ExitCode {
    let vi = tally::usage::lang_of(args) == tally::lang::Lang::Vi;
    match vi.then(|| tally::usage::vietnamese(e)).flatten() {
        Some(said) => tally::term::say(&said),
        None => {
            let _ = e.print();
        }
    }
    ExitCode::from(e.exit_code().clamp(0, 255) as u8)
}
