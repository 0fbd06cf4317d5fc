//! `tally completions SHELL` and `tally man`: generated from the same command-line
//! definition as `--help`, so they list every option and value.

use anyhow::Result;
use clap::CommandFactory;
use std::io::Write;

use crate::cli::Cli;
use crate::error::Failure;
use crate::org::Orgs;

/// The command line as the reader's language writes it, offering the organizations
/// `orgs` (the store's) as `--org`'s values.
fn command(orgs: &Orgs) -> clap::Command {
    let cmd = crate::cli::with_store_orgs(Cli::command(), orgs);
    match crate::messages::lang() {
        crate::lang::Lang::Vi => crate::help_vi::localize(cmd),
        crate::lang::Lang::En => cmd,
    }
}

pub fn completions(shell: clap_complete::Shell, orgs: &Orgs) -> Result<()> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command(orgs), "tally", &mut out);
    write_out(&out)
}

pub fn man(sub: Option<&str>, orgs: &Orgs) -> Result<()> {
    let mut tally = command(orgs);
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
    out.extend(exit_status().into_bytes());
    write_out(&out)
}

/// The man page's EXIT STATUS section (roff), in the reader's language.
fn exit_status() -> String {
    let vi = crate::messages::lang() == crate::lang::Lang::Vi;
    let mut s = format!(".SH \"{}\"\n", if vi { "MÃ THOÁT" } else { "EXIT STATUS" });
    for (code, en, vi_text) in crate::help_vi::EXIT_CODES {
        let text = if vi { vi_text } else { en };
        s.push_str(&format!(
            ".TP\n\\fB{code}\\fR\n{}\n",
            text.replace('-', "\\-")
        ));
    }
    s
}

fn write_out(bytes: &[u8]) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(bytes)?;
    stdout.flush()?;
    Ok(())
}
