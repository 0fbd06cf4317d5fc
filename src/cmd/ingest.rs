//! `tally ingest`: run the ingest, then say what happened to each file.

use crate::store::kind::Kind;
use anyhow::Result;
use std::io::Write;
use std::time::Duration;

use crate::cli::{IngestArgs, IngestFormat};
use crate::error::Failure;
use crate::ingest::decode::Encoding;
use crate::ingest::problem::Problem;
use crate::ingest::{self, Outcome, Summary};
use crate::messages::say;
use crate::store::Store;
use crate::term;
use serde_json::json;

use ingest::rejects::SHOWN as REJECTS_SHOWN;

pub fn run(store: &Store, args: &IngestArgs, wait: Duration) -> Result<()> {
    let opts = args.resolve(&store.orgs(), wait)?;
    if let Some(path) = &args.rejects {
        // Find out before the store changes that the rejects file cannot be written.
        let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
        if parent.is_some_and(|p| !p.is_dir()) {
            return Err(Failure::usage(format!(
                "cannot write the rejects file {}: its directory does not exist",
                path.display()
            ))
            .hint("create the directory first, or give another --rejects path")
            .into());
        }
    }
    let progress = super::progress::Bar::new();
    let summary = ingest::run(store, &opts, &progress)?;
    let json = args.format == IngestFormat::Json;
    if json {
        print_json(&summary, opts.dry_run)?;
    } else {
        if !term::quiet() {
            print_files(&summary, opts.dry_run)?;
        }
        print_warnings(&summary);
    }
    if let Some(path) = &args.rejects {
        if !json && summary.rejects_written {
            term::note(format!(
                "{} rejected row(s) written to {}",
                summary.rejected,
                path.display()
            ));
        } else if !json {
            term::note(format!(
                "no file was read again, so {} was left as it was",
                path.display()
            ));
        }
    }
    if summary.rejected == 0 {
        return Ok(());
    }
    let n = summary.rejected;
    if !json {
        for p in &summary.rejects_first {
            term::note(format!("rejected: {p}"));
        }
        if n > summary.rejects_first.len() as u64 {
            term::note(format!(
                "… {n} rejected rows in all (the first {REJECTS_SHOWN} shown)"
            ));
        }
    }
    if opts.skip_invalid {
        term::warn(format!(
            "{n} row(s) rejected and not stored (--skip-invalid)"
        ));
        return Ok(());
    }
    if let Some((file, earlier)) = summary
        .files
        .iter()
        .find_map(|f| f.corrects.as_ref().map(|e| (&f.file, e)))
    {
        return Err(Failure::invalid(format!("{n} row(s) rejected; nothing was stored"))
            .hint(format!("every rejected row of {file} repeats a person stored from {earlier}: if {file} is a corrected export of it, ingest it again with --replace (it replaces the snapshot's parts)"))
            .into());
    }
    Err(Failure::invalid(format!("{n} row(s) rejected; nothing was stored"))
        .hint("correct the rows and ingest again, or add --skip-invalid to store the valid rows (--rejects FILE lists every rejected row)")
        .into())
}

/// A kind of file as the reader's language names it.
pub(crate) fn kind_name(kind: Kind) -> String {
    use crate::report::labels::Lang;
    match crate::messages::lang() {
        Lang::Vi => kind.text().render(Lang::Vi),
        Lang::En => kind.code().to_string(),
    }
}

/// "women roll as of 2026-10-31", or in Vietnamese "danh sách Hội Liên hiệp Phụ nữ
/// chốt ngày 31/10/2026".
fn roll_name(orgs: &crate::org::Orgs, org: &str, as_of: &str) -> String {
    use crate::report::labels::Lang;
    let lang = crate::messages::lang();
    match (lang, orgs.parse(org)) {
        (Lang::Vi, Some(o)) => format!(
            "danh sách {} chốt ngày {}",
            lang.org_name(&o),
            lang.date(as_of)
        ),
        // The organization's name, never its key (`women`), in English too.
        (Lang::En, Some(o)) => format!("{} roll as of {as_of}", Lang::En.org_name(&o)),
        _ => format!("{org} roll as of {as_of}"),
    }
}

/// Each kind of warning once: a kind drawn by one row as that row's warning, one drawn
/// by many as their count, the first row's warning and where the next ones are.
fn print_warnings(summary: &Summary) {
    for kind in &summary.warning_kinds {
        let Some(first) = kind.first.first() else {
            continue;
        };
        if kind.count == 1 {
            term::warn(first);
            continue;
        }
        let mut next: Vec<String> = kind.first[1..].iter().map(Problem::place).collect();
        if kind.count > kind.first.len() as u64 {
            next.push("…".into());
        }
        term::warn(format!(
            "{} row(s) draw this warning, the first: {first}; then {}",
            kind.count,
            next.join(", ")
        ));
    }
}

fn problem_json(p: &Problem) -> serde_json::Value {
    json!({
        "file": p.file, "line": p.line, "column": p.column, "value": p.value,
        "reason": p.reason, "hint": p.hint,
    })
}

/// `--format json`: the summary as one object.
fn print_json(summary: &Summary, dry_run: bool) -> Result<()> {
    let files: Vec<serde_json::Value> = summary
        .files
        .iter()
        .map(|f| {
            let (outcome, ingests) = match &f.outcome {
                Outcome::AlreadyIngested(ids) => ("already_ingested", json!(ids)),
                Outcome::NothingValid => ("nothing_valid", json!([])),
                Outcome::Ingested(recs) => (
                    if dry_run || !summary.committed { "would_store" } else { "stored" },
                    recs.iter()
                        .map(|r| json!({"id": r.id, "kind": r.kind, "org": r.org, "as_of": r.as_of, "rows": r.rows}))
                        .collect(),
                ),
            };
            json!({
                "file": f.file,
                "kind": f.kind.code(),
                "kind_detected": f.kind_detected,
                "encoding": f.encoding.name(),
                "delimiter": (f.delimiter as char).to_string(),
                "header_line": f.header_line,
                "rows_read": f.rows_read,
                "rejected": f.rejected,
                "warnings": f.warnings,
                "ignored_columns": f.ignored_columns,
                "totals_rows": f.totals_rows,
                "notes": f.file_notes.iter().chain(&f.notes).collect::<Vec<_>>(),
                "alerts": f.file_alerts.iter().chain(&f.alerts).collect::<Vec<_>>(),
                "outcome": outcome,
                "ingests": ingests,
            })
        })
        .collect();
    let doc = json!({
        "committed": summary.committed,
        "dry_run": dry_run,
        "files": files,
        "warnings": {
            "total": summary.warnings_total,
            "first": summary.warnings.iter().map(problem_json).collect::<Vec<_>>(),
            "kinds": summary.warning_kinds.iter().map(|k| json!({
                "count": k.count,
                "first": k.first.iter().map(problem_json).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        },
        "rejected": {
            "total": summary.rejected,
            "first": summary.rejects_first.iter().map(problem_json).collect::<Vec<_>>(),
        },
    });
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
    Ok(())
}

fn print_files(summary: &Summary, dry_run: bool) -> Result<()> {
    let mut out = std::io::stdout().lock();
    let verb = if dry_run || !summary.committed {
        "would store"
    } else {
        "stored"
    };
    for f in &summary.files {
        // A workbook is no encoding: said as one in the reader's language.
        let encoding = match f.encoding {
            Encoding::Workbook => crate::messages::pick("workbook", "sổ tính"),
            Encoding::Utf8DoubleEncoded => crate::messages::pick(
                "utf-8 (double-encoded, repaired)",
                "utf-8 (mã hoá hai lần, đã sửa)",
            ),
            other => other.name(),
        };
        let how = format!(
            "{}{}, header on line {}{}",
            encoding,
            match f.delimiter {
                b'\t' => ", tab-separated",
                b';' => ", ';'-separated",
                b'|' => ", '|'-separated",
                _ => "",
            },
            f.header_line,
            if f.kind_detected {
                format!(", detected as {}", kind_name(f.kind))
            } else {
                String::new()
            }
        );
        match &f.outcome {
            Outcome::AlreadyIngested(ids) => {
                let line = format!(
                    "{}: already ingested (ingest {}); nothing changed",
                    f.file,
                    ids.join(", ")
                );
                writeln!(out, "{}", say(&line))?;
            }
            Outcome::NothingValid => {
                let line = format!(
                    "{}: {} row(s) read, {} rejected; nothing to store ({how})",
                    f.file, f.rows_read, f.rejected
                );
                writeln!(out, "{}", say(&line))?;
            }
            Outcome::Ingested(recs) => {
                for r in recs {
                    let what = match (&r.org, &r.as_of) {
                        (Some(o), Some(d)) => roll_name(&summary.orgs, o, d),
                        _ => kind_name(r.kind),
                    };
                    let rejected = if f.rejected > 0 {
                        format!(", {} rejected", f.rejected)
                    } else {
                        String::new()
                    };
                    let line = format!(
                        "{}: {verb} {} row(s) of the {what} (ingest {}{rejected}; {how})",
                        f.file, r.rows, r.id
                    );
                    writeln!(out, "{}", say(&line))?;
                }
            }
        }
        for n in &f.notes {
            writeln!(out, "{}", note_line(&f.file, n))?;
        }
        for n in &f.file_notes {
            writeln!(out, "{}", note_line(f.whole_file(), n))?;
        }
        for a in &f.alerts {
            term::warn(note_line(&f.file, a));
        }
        for a in &f.file_alerts {
            term::warn(format!("{}: {a}", f.whole_file()));
        }
        if !f.ignored_columns.is_empty() {
            term::warn(format!(
                "{}: ignored column(s) that match no field: {}",
                f.file,
                f.ignored_columns
                    .iter()
                    .map(|c| format!("\"{c}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if !f.totals_rows.is_empty() {
            term::warn(format!(
                "{}: skipped totals row(s) on line(s) {}",
                f.file,
                f.totals_rows
                    .iter()
                    .map(u64::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    Ok(())
}

/// A note of a file's summary, after the file's name, in the reader's language: a
/// message of the language layer by its own texts, an older English sentence through
/// the catalogue (which knows it with the file's name before it).
fn note_line(file: &str, note: &crate::lang::Text) -> String {
    match note {
        crate::lang::Text::Plain(s) => say(&format!("{file}: {s}")).into_owned(),
        t => {
            let lang = crate::messages::lang();
            let place = crate::messages::sheet_word(file, lang);
            format!("{place}: {}", t.render(lang))
        }
    }
}
