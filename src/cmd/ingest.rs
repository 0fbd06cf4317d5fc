//! `tally ingest`: run the ingest, then say what happened to each file.

use anyhow::Result;
use std::time::Duration;

use crate::cli::{IngestArgs, IngestFormat};
use crate::error::Failure;
use crate::ingest::{self, Summary};
use crate::lang::{cmd as msg, Text};
use crate::report::ingest::{self as said, Line};
use crate::store::Store;
use crate::t;
use crate::term::Voice;

use ingest::rejects::SHOWN as REJECTS_SHOWN;

pub fn run(store: &Store, args: &IngestArgs, wait: Duration, voice: Voice) -> Result<()> {
    let opts = args.resolve(&store.orgs(), wait)?;
    let files = [
        (
            &args.rejects,
            &msg::REJECTS_DIR_MISSING,
            &msg::REJECTS_DIR_HINT,
        ),
        (
            &args.warnings,
            &msg::WARNINGS_DIR_MISSING,
            &msg::WARNINGS_DIR_HINT,
        ),
    ];
    for (path, what, hint) in files {
        // Find out before the store changes that the file cannot be written.
        let Some(path) = path else { continue };
        let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
        if parent.is_some_and(|p| !p.is_dir()) {
            let file = path.display().to_string();
            return Err(Failure::usage(t!(*what, file)).hint(t!(*hint)).into());
        }
    }
    let progress = super::progress::Bar::new(voice);
    let summary = ingest::run(store, &opts, &progress)?;
    if args.format == IngestFormat::Json {
        let doc = said::json(&summary, opts.dry_run)?;
        // Marked before it is written: half an object on a full disk is still the one.
        crate::error::json_said();
        crate::term::out_line(&doc)?;
    } else {
        print(&summary, opts.dry_run, voice)?;
        tell_rejects(&summary, args, voice);
    }
    let n = summary.rejected;
    if n == 0 {
        return Ok(());
    }
    if opts.skip_invalid {
        voice.warn(t!(msg::SKIPPED_INVALID, Text::Count(n)));
        return Ok(());
    }
    let corrects = summary
        .files
        .iter()
        .find_map(|f| f.corrects.as_ref().map(|e| (&f.file, e)));
    let hint = match corrects {
        Some((file, earlier)) => t!(msg::CORRECTED_EXPORT, file, earlier, file),
        None => t!(msg::CORRECT_OR_SKIP),
    };
    // Quiet says no rejected row: the error names the first, so that a cron job's
    // mail says why.
    let what = match summary.rejects_first.first().filter(|_| voice.quiet) {
        Some(p) => t!(
            msg::NOTHING_STORED_FIRST,
            Text::Count(n),
            Text::Plain(p.render(voice.lang))
        ),
        None => t!(msg::NOTHING_STORED, Text::Count(n)),
    };
    Err(Failure::invalid(what).hint(hint).into())
}

/// Each file's lines on stdout (unless quiet) with its warnings on stderr, then each
/// kind of warning once.
fn print(summary: &Summary, dry_run: bool, voice: Voice) -> Result<()> {
    if !voice.quiet {
        for line in said::files(summary, dry_run, voice.lang) {
            match line {
                Line::Out(s) => crate::term::out_line(&s)?,
                Line::Warn(s) => voice.warn(s),
            }
        }
    }
    for w in said::warnings(summary, voice.lang) {
        voice.warn(w);
    }
    Ok(())
}

/// Where the rejected rows went, and the first of them.
fn tell_rejects(summary: &Summary, args: &IngestArgs, voice: Voice) {
    if let Some(path) = &args.rejects {
        let file = path.display().to_string();
        if summary.rejects_written {
            voice.note(t!(
                msg::REJECTS_WRITTEN,
                Text::Count(summary.rejected),
                file
            ));
        } else {
            voice.note(t!(msg::REJECTS_LEFT, file));
        }
    }
    for p in &summary.rejects_first {
        voice.note(t!(msg::REJECTED, Text::Plain(p.render(voice.lang))));
    }
    if summary.rejected > summary.rejects_first.len() as u64 {
        voice.note(t!(
            msg::REJECTED_IN_ALL,
            Text::Count(summary.rejected),
            REJECTS_SHOWN
        ));
    }
    if let (Some(path), true) = (&args.warnings, summary.warnings_written) {
        let n = Text::Count(summary.warnings_total);
        let file = path.display().to_string();
        voice.note(t!(crate::lang::ingest::WARNINGS_WRITTEN, n, file));
    }
}
