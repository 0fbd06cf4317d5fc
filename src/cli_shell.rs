//! `tally completions SHELL` and `tally man`: generated from the same command-line
//! definition as `--help`, so they list every option and value. They are renderings
//! of the command line itself, so they live with it: only the command-line files
//! know clap.

use anyhow::Result;
use clap::CommandFactory;
use std::io::Write;

use crate::cli::Cli;
use crate::error::Failure;
use crate::lang::{cmd as msg, Lang, Text};
use crate::org::Orgs;
use crate::t;

/// The command line as the reader's language writes it, offering the organizations
/// `orgs` (the store's) as `--org`'s values.
fn command(orgs: &Orgs, lang: Lang) -> clap::Command {
    let cmd = crate::cli::with_store_orgs(Cli::command(), orgs);
    match lang {
        crate::lang::Lang::Vi => {
            crate::help_vi::examples_in_vietnamese(crate::help_vi::localize(cmd))
        }
        crate::lang::Lang::En => cmd,
    }
}

pub fn completions(shell: clap_complete::Shell, orgs: &Orgs, lang: Lang) -> Result<()> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command(orgs, lang), "tally", &mut out);
    write_out(&out)
}

pub fn man(sub: Option<&str>, orgs: &Orgs, lang: Lang) -> Result<()> {
    let mut tally = command(orgs, lang);
    tally.build();
    let page = match sub {
        None => tally,
        Some(name) => {
            let names: Vec<String> = tally
                .get_subcommands()
                .map(|c| c.get_name().to_string())
                .collect();
            let Some(cmd) = tally.find_subcommand(name).cloned() else {
                return Err(Failure::usage(t!(msg::NO_SUBCOMMAND, name))
                    .hint(t!(msg::ONE_OF, Text::Said(names.join(", "))))
                    .into());
            };
            cmd.display_name(format!("tally-{name}"))
        }
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(page).render(&mut out)?;
    if lang == Lang::Vi {
        out = sections_vi(&String::from_utf8_lossy(&out)).into_bytes();
    }
    out.extend(exit_status(lang).into_bytes());
    write_out(&out)
}

/// The man page's section headings, which the page generator writes in English, in
/// Vietnamese.
fn sections_vi(roff: &str) -> String {
    const SECTIONS: [(&str, &str); 6] = [
        (".SH NAME", ".SH TÊN"),
        (".SH SYNOPSIS", ".SH \"CÚ PHÁP\""),
        (".SH DESCRIPTION", ".SH \"MÔ TẢ\""),
        (".SH SUBCOMMANDS", ".SH \"LỆNH CON\""),
        (".SH EXTRA", ".SH \"VÍ DỤ\""),
        (".SH VERSION", ".SH \"PHIÊN BẢN\""),
    ];
    let mut out = String::with_capacity(roff.len());
    for line in roff.lines() {
        let said = SECTIONS
            .iter()
            .find(|(en, _)| *en == line)
            .map(|(_, vi)| *vi);
        out.push_str(said.unwrap_or(line));
        out.push('\n');
    }
    out
}

/// The man page's EXIT STATUS section (roff), in the reader's language.
fn exit_status(lang: Lang) -> String {
    let mut s = format!(".SH \"{}\"\n", msg::EXIT_STATUS.text(lang));
    for (code, en, vi) in crate::help_vi::EXIT_CODES {
        let text = if lang == Lang::Vi { vi } else { en };
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
