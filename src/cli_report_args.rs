//! `tally report`'s command-line arguments: the period or series, the organizations
//! and breakdowns, the format and the table (how they are resolved against the store is
//! `cli_report.rs`).

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use std::path::PathBuf;

use super::values::{dimensions, org_or_any_values, parse_as_of, period_values};
use crate::metrics::period::Period;

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The period: a month (2026-10), quarter (2026-Q3), half (2026-H1) or year (2026),
    /// or this-month, last-month, this-year, last-year (default: the month of the newest
    /// roll).
    #[arg(long, value_parser = period_values(), conflicts_with = "as_of")]
    pub period: Option<Period>,
    /// A series from this period (with --to): 2026-01, 2026-Q1, 2026. Each period is
    /// computed as its own report, side by side, with the change against the previous
    /// period and a year earlier, and the pace toward the target.
    #[arg(long, value_parser = period_values(), conflicts_with_all = ["period", "as_of"], requires = "to", value_name = "PERIOD")]
    pub from: Option<Period>,
    /// The last period of a series (with --from), of the same kind.
    #[arg(long, value_parser = period_values(), requires = "from", value_name = "PERIOD")]
    pub to: Option<Period>,
    /// A series of the last N months, to the month of the newest roll.
    #[arg(long, value_name = "N", conflicts_with_all = ["period", "as_of", "from"], value_parser = clap::value_parser!(u32).range(1..=120))]
    pub last: Option<u32>,
    /// In a series: the periods with data the pace is taken over (at least 4).
    #[arg(long, value_name = "N", default_value_t = 6, value_parser = clap::value_parser!(u32).range(4..=60))]
    pub pace_over: u32,
    /// Members at one date instead of a period (stock only: no recruited or left).
    #[arg(long, value_parser = parse_as_of, value_name = "DATE")]
    pub as_of: Option<NaiveDate>,
    /// Organizations to report (repeatable; a code, or a name such as "Hội Phụ nữ"; `any` =
    /// in at least one organization).
    #[arg(long, value_parser = org_or_any_values())]
    pub org: Vec<String>,
    /// Breakdowns (repeatable): total, ethnic_minority, religious, rural, any areas column
    /// or level (commune, ...), ownership, ethnicity[:group], religion[:group], sex,
    /// age_band, reason (departures by reason: left only). Two or three joined by a comma
    /// are crossed: ethnic_minority,sex gives a row per combination. Also by their
    /// Vietnamese names as the tables head them: "Giới tính", "Xã, phường".
    #[arg(long, value_name = "DIM", value_parser = dimensions())]
    pub by: Vec<String>,
    /// The output format (default: from --output's extension, .csv .json .md .xlsx
    /// .html; else a table).
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Write to this file (atomically) instead of standard output.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// For publication: blank counts below N and the cells that would reveal them.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub min_cell: Option<u64>,
    /// Which table a CSV report holds: the tidy rows, the units to urge or to
    /// replicate (the rankings are in JSON too, as `rankings`), the per-unit table
    /// (units: in JSON and XLSX too), or a list to act on (in JSON too, as `lists`).
    #[arg(long, value_enum, default_value_t = TableArg::Rows)]
    pub table: TableArg,
    /// Start a CSV with a UTF-8 byte-order mark, so that Excel on Windows shows
    /// Vietnamese letters correctly when the file is opened by double-click.
    #[arg(long)]
    pub bom: bool,
    /// On ownership rows, also count the enterprises of at least N workers: how many
    /// have a member, and how many a grassroots organization (where the enterprises
    /// file says it: `Có CĐCS`, `Có chi đoàn`). Default 25, given whenever the file
    /// says it.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub min_workers: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Tables for the terminal, with the notes and the units to urge and replicate.
    Table,
    /// Tidy CSV: one row per organization, dimension and group (notes on stderr).
    Csv,
    /// The tidy rows and the notes as one JSON object.
    Json,
    /// Markdown tables, for a document or a message.
    Md,
    /// An Excel workbook, a sheet per section (needs --output).
    Xlsx,
    /// One self-contained HTML page with charts (no script, nothing fetched; prints on
    /// A4).
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableArg {
    /// One row per organization, dimension and group.
    Rows,
    /// The units furthest below target.
    Urge,
    /// The units furthest above target (never one above 100%).
    Replicate,
    /// One row per organization and unit (commune) with the unit's classifications and
    /// the members, of whom women, ethnic-minority, religious (CSV; JSON `units`; a
    /// sheet of the workbook).
    Units,
    /// Non-state enterprises without a member of the organization (the list to visit).
    #[value(name = "to_visit", alias = "to-visit")]
    ToVisit,
    /// Units whose members fell to zero since the previous roll.
    #[value(name = "fallen_to_zero", alias = "fallen-to-zero")]
    FallenToZero,
    /// Units with members in the previous roll and no row in this period's.
    #[value(name = "not_reported", alias = "not-reported")]
    NotReported,
}

impl ReportArgs {
    pub fn table(&self) -> crate::report::Table {
        match self.table {
            TableArg::Rows => crate::report::Table::Rows,
            TableArg::Urge => crate::report::Table::Urge,
            TableArg::Replicate => crate::report::Table::Replicate,
            TableArg::Units => crate::report::Table::Units,
            TableArg::ToVisit => crate::report::Table::List(crate::report::lists::List::ToVisit),
            TableArg::FallenToZero => {
                crate::report::Table::List(crate::report::lists::List::FallenToZero)
            }
            TableArg::NotReported => {
                crate::report::Table::List(crate::report::lists::List::NotReported)
            }
        }
    }
}
