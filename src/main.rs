use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = tally::cli::Cli::parse();
    match tally::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if tally::error::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let (exit, hint) = tally::error::classify(&err);
            tally::term::error(format!("{err:#}"));
            if let Some(h) = hint {
                tally::term::hint(h);
            }
            ExitCode::from(exit as u8)
        }
    }
}
