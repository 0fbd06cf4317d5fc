//! The `tally` program: read the command line, resolve once how to speak to the reader
//! (language, quiet), run the command, and say its error with the right exit code.

use clap::{CommandFactory, FromArgMatches};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    tally::usage::register_store_orgs(&args);
    // One command definition; its texts in the reader's language (help, usage errors).
    let vi = tally::usage::lang_of(&args) == tally::lang::Lang::Vi;
    let cmd = tally::help_vi::with_exit_codes(tally::cli::Cli::command(), vi);
    let parsed = cmd
        .try_get_matches_from(&args)
        .and_then(|m| tally::cli::Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            match vi.then(|| tally::usage::vietnamese(&e)).flatten() {
                Some(said) => eprintln!("{said}"),
                None => {
                    let _ = e.print();
                }
            }
            return ExitCode::from(e.exit_code().clamp(0, 255) as u8);
        }
    };
    // The language and quiet, resolved once: every command says things this way.
    let voice = tally::term::Voice::new(cli.lang(), cli.quiet);
    match tally::run(&cli, voice) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if tally::error::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let (exit, hint) = tally::error::classify(&err);
            voice.error(tally::error::said(&err, voice.lang));
            if let Some(h) = hint {
                voice.hint(h.render(voice.lang));
            }
            ExitCode::from(exit as u8)
        }
    }
}
