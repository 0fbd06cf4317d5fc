//! `tally completions SHELL` and `tally man`: generated from the same command-line
//! definition as `--help`, so they list every option and value.

use anyhow::Result;
use clap::CommandFactory;
use std::io::Write;

use crate::cli::Cli;
use crate::error::Failure;

pub fn completions(shell: clap_complete::Shell) -> Result<()> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "tally", &mut out);
    write_out(&out)
}

pub fn man(sub: Option<&str>) -> Result<()> {
    let mut tally = Cli::command();
    tally.build();
    let page = match sub {
        None => tally,
        Some(name) => {
            let names: Vec<String> = tally
                .get_subcommands()
                .map(|c| c.get_name().to_string())
                .collect();
            let Some(cmd) = tally.find_subcommand(name).cloned() else {
                return Err(Failure::usage(format!("no subcommand \"{name}\""))
                    .hint(format!("one of: {}", names.join(", ")))
                    .into());
            };
            cmd.display_name(format!("tally-{name}"))
        }
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(page).render(&mut out)?;
    write_out(&out)
}

fn write_out(bytes: &[u8]) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(bytes)?;
    stdout.flush()?;
    Ok(())
}
