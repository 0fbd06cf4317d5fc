//! The command line: the only file that knows clap. `resolve` turns parsed arguments
//! into the domain's option types.

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::time::Duration;

use crate::lang::Lang;
use crate::org::Orgs;
use crate::rows::decode::Encoding;
use crate::rows::headers::Kind;

#[path = "cli_files.rs"]
mod files;
#[path = "cli_report_args.rs"]
mod report_args;
#[path = "cli_shell.rs"]
pub mod shell;
#[path = "cli_report.rs"]
pub mod spec;
#[path = "cli_values.rs"]
mod values;
pub use files::expand_files;
pub use report_args::{FormatArg, ReportArgs, TableArg};
use values::{org_values, parse_as_of};
pub use values::{with_store_orgs, UnknownOrg};

/// Coverage of mass-organization membership rolls, for provincial analysts.
///
/// tally ingests the CSV exports of each organization's membership roll (and the
/// reference files: areas, enterprises, eligible counts, targets) into a private local
/// store, and reports how many of the people each organization should organize it has
/// organized.
#[derive(Debug, Parser)]
#[command(
    name = "tally",
    version,
    propagate_version = true,
    max_term_width = 100
)]
#[command(
    after_long_help = "Examples:\n  tally ingest data-samples/*.csv --as-of 31/10/2026\n  tally status\n  tally status --format json\n  tally drop 3f2a9c1b7d4e"
)]
pub struct Cli {
    /// The store directory.
    #[arg(
        long,
        global = true,
        env = "TALLY_STORE",
        default_value = "./tally-data",
        value_name = "DIR"
    )]
    pub store: PathBuf,

    /// The store's secret (the key of its person hashes) kept outside the store, e.g.
    /// on removable media or in another account. Default: `secret` in the store.
    #[arg(long, global = true, env = "TALLY_SECRET", value_name = "FILE")]
    pub secret: Option<PathBuf>,

    /// How long to wait for another tally process to release the store, in seconds.
    #[arg(long, global = true, default_value_t = 30, value_name = "SECONDS")]
    pub wait: u64,

    /// Say nothing but errors: no ingest summary, warnings or data notes.
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// Language of messages, headings and labels [default: from the locale, LC_ALL,
    /// LC_MESSAGES or LANG: vi_VN gives vi, anything else en].
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Load roll exports and reference files into the store.
    ///
    /// Each file's kind (roll, areas, enterprises, eligible, targets) is detected from its
    /// header unless --kind is given. Reference files are loaded before rolls, so one
    /// command can load a whole month. By default one bad row refuses the whole command
    /// (exit 65) and nothing is stored.
    #[command(
        after_long_help = "Examples:\n  tally ingest areas.csv enterprises.csv eligible.csv targets.csv\n  tally ingest doan-vien-t10.csv --org youth --as-of 31/10/2026\n  tally ingest hoi-vien.csv --org HLHPN --as-of 2026-10-31 --skip-invalid --rejects rejects.csv\n  tally ingest corrected/doan-vien-t10.csv --org youth --as-of 31/10/2026 --replace"
    )]
    Ingest(IngestArgs),
    /// Print or export the coverage tables for a period.
    ///
    /// By default: the month of the newest roll, every organization with a roll or a
    /// denominator, and the directive's focus areas (total, ethnic-minority, religious and
    /// rural areas, enterprise ownership) with targets and gaps.
    #[command(
        after_long_help = "Examples:\n  tally report\n  tally report --period 2026-10 --format csv --output summaries/2026-10.csv\n  tally report --period 2026-Q3 --org youth --by commune --by sex\n  tally report --period last-month --lang vi --format xlsx --output bao-cao.xlsx\n  tally report --as-of 15/10/2026 --org any\n  tally report --min-cell 5 --format md   # for publication"
    )]
    Report(ReportArgs),
    /// Show what the store holds: snapshots, reference tables and ingests (a workbook's
    /// sheets on one line); --org, --kind and --since narrow it.
    #[command(
        after_long_help = "Examples:\n  tally status\n  tally status --org women --since 01/10/2026\n  tally status --kind eligible\n  tally status --format json"
    )]
    Status(StatusArgs),
    /// Remove an ingest (a roll part or a reference file) from the store: by its ID, the
    /// start of one, or a file's name (every ingest of that file, a workbook's sheets
    /// together).
    #[command(
        after_long_help = "Examples:\n  tally drop 5d13f4f86f72\n  tally drop 5d13f4\n  tally drop hoi-vien-t10.xlsx"
    )]
    Drop(DropArgs),
    /// Check the whole store: every part's size, checksum, rows and columns, files the
    /// manifest does not name, and the secret. Read-only; exit 0 when sound, 65 when not.
    #[command(
        after_long_help = "Examples:\n  tally verify\n  tally verify --format json\n  tally --store /mnt/backup/tally-data verify\n  tally verify --restore-manifest   # a store whose manifest.json a crash took"
    )]
    Verify(VerifyArgs),
    /// Copy the store to a new directory, consistently while reports go on (writers
    /// wait), verified before it is named; without the secret unless asked.
    #[command(
        after_long_help = "Examples:\n  tally backup /mnt/usb/tally-2026-11\n  tally backup D:\\backup\\tally --with-secret"
    )]
    Backup(BackupArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    #[command(
        after_long_help = "Examples:\n  tally completions bash > ~/.local/share/bash-completion/completions/tally\n  tally completions zsh > ~/.zfunc/_tally\n  tally completions powershell >> $PROFILE"
    )]
    Completions(CompletionsArgs),
    /// Print a manual page (roff): tally's, or a subcommand's with its options.
    #[command(
        after_long_help = "Examples:\n  tally man > tally.1 && man ./tally.1\n  tally man report > tally-report.1"
    )]
    Man(ManArgs),
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    /// CSV files or workbooks (.xlsx, .xlsm, .xls, .xlsb, .ods) to load. Patterns such
    /// as data-samples/*.csv are expanded by tally itself where the shell does not
    /// (cmd.exe, PowerShell).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// What the files are (detected from the header when absent).
    #[arg(long, value_enum, ignore_case = true)]
    pub kind: Option<KindArg>,
    /// The organization whose roll this is (union, youth, women, farmers, veterans, or a
    /// Vietnamese name such as "Hội Phụ nữ"); else from an org column.
    #[arg(long, value_parser = org_values())]
    pub org: Option<String>,
    /// The roll's as-of date (31/10/2026 or 2026-10-31); else from an as_of column.
    #[arg(long, value_parser = parse_as_of, value_name = "DATE")]
    pub as_of: Option<NaiveDate>,
    /// Store the valid rows even if some rows are rejected (and a roll whose rows look
    /// like another organization's, with an alert).
    #[arg(long)]
    pub skip_invalid: bool,
    /// Write every rejected row, with its line, its reason and the row's own cells, to
    /// this CSV file (to correct and ingest again).
    #[arg(long, value_name = "PATH")]
    pub rejects: Option<PathBuf>,
    /// Check the files and report, but store nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// The files' text encoding.
    #[arg(long, value_enum, default_value_t = EncodingArg::Auto)]
    pub encoding: EncodingArg,
    /// Let a corrected file replace the snapshot part it corrects (the part from a file
    /// of the same name, else the whole snapshot); a file already stored as another
    /// snapshot (another organization or date) is moved to this one; for eligible
    /// counts and targets, replace the whole kind; for areas and enterprises, take a new
    /// version that removes some or reclassifies more than five (the one before is kept).
    #[arg(long)]
    pub replace: bool,
    /// How to say what happened.
    #[arg(long, value_enum, default_value_t = IngestFormat::Text)]
    pub format: IngestFormat,
    /// For a workbook: read this sheet (repeatable; default every visible sheet whose
    /// header tally recognizes).
    #[arg(long, value_name = "NAME")]
    pub sheet: Vec<String>,
    /// Accepted for older scripts: the --rejects and --warnings files start with a
    /// UTF-8 byte-order mark by default (Excel on Windows then shows Vietnamese letters
    /// right when the file is opened by double-click).
    #[arg(long, conflicts_with = "no_bom")]
    pub bom: bool,
    /// How to read unit codes and names: `auto` (today's where they exist, else through
    /// the 2025 reform's crosswalk), `old` (all of before 1 July 2025), `new` (all of
    /// today).
    #[arg(long, value_enum, default_value_t = CodesArg::Auto)]
    pub codes: CodesArg,
    /// The commune whose own list a roll is, for a roll without a commune column (by
    /// its code or its name, e.g. "Phường Sa Pa"); else read from the roll's title or
    /// its sheet's name. Rolls of the same command with a commune column are read by it.
    #[arg(long, value_name = "CODE|NAME")]
    pub area: Option<String>,
    /// How to read the workbooks' date cells: `auto` (as they are, but a sheet whose
    /// dates were typed day first on a computer set to a US region, which Excel made
    /// into month-first date cells, is refused), `swapped` (with day and month
    /// exchanged: 05/03/1995 typed, stored as the 3rd of May, reads as the 5th of March;
    /// the summary says how many), `as-is` (as they are, unchecked).
    #[arg(long, value_enum, default_value_t = DateCellsArg::Auto)]
    pub date_cells: DateCellsArg,
    /// The year of an eligible-counts or targets file that has no year column (Năm) and
    /// names none in its title (SỐ ĐỐI TƯỢNG NĂM 2026); one that contradicts them is
    /// refused.
    #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1900..=2100))]
    pub year: Option<i32>,
    /// Write every warning (each row that drew one: its place, column, value and
    /// why) to this CSV file; the summary says each kind of warning once.
    #[arg(long, value_name = "PATH")]
    pub warnings: Option<PathBuf>,
    /// Leave the UTF-8 byte-order mark out of the --rejects and --warnings files (for
    /// a program that reads a BOM as text).
    #[arg(long)]
    pub no_bom: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DateCellsArg {
    Auto,
    AsIs,
    Swapped,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CodesArg {
    Auto,
    Old,
    New,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum IngestFormat {
    /// A line per file on stdout; warnings and rejected rows on stderr.
    Text,
    /// One JSON object on stdout: each file, its ingests, the warnings and rejected
    /// rows (the first 20 of each, with totals); an error that stops the command is
    /// {"error": {"exit", "message", "hint"}}. Exit codes are the same.
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum EncodingArg {
    Auto,
    #[value(name = "utf-8")]
    Utf8,
    #[value(name = "utf-16")]
    Utf16,
    #[value(name = "windows-1258")]
    Windows1258,
    Tcvn3,
    Vni,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    En,
    Vi,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The output format.
    #[arg(long, value_enum, default_value_t = StatusFormat::Table)]
    pub format: StatusFormat,
    /// Only this organization's snapshots and roll ingests (union, youth, women,
    /// farmers, veterans, or a Vietnamese name such as "Hội Phụ nữ").
    #[arg(long, value_name = "ORG")]
    pub org: Option<String>,
    /// Only ingests of this kind of file.
    #[arg(long, value_enum, ignore_case = true)]
    pub kind: Option<KindArg>,
    /// Only snapshots as of this day or later, and ingests of rolls as of it or later
    /// (of reference files: made on it or later).
    #[arg(long, value_parser = parse_as_of, value_name = "DATE")]
    pub since: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// A new directory for the copy (it must not exist, or be empty).
    #[arg(value_name = "DEST")]
    pub dest: PathBuf,
    /// Copy the secret too. Without it the copy reports but cannot take ingests: keep
    /// the secret apart (another medium, another account) and put it back to restore.
    #[arg(long)]
    pub with_secret: bool,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The output format.
    #[arg(long, value_enum, default_value_t = VerifyFormat::Table)]
    pub format: VerifyFormat,
    /// For a store that lost its manifest.json (a crash while it was replaced, on a
    /// FAT32 or exFAT drive): put back the one the interrupted commit left
    /// (.manifest.json.tmp-PID) once every part it names checks out, then verify.
    #[arg(long)]
    pub restore_manifest: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum VerifyFormat {
    /// A line per part checked and per problem, with its fix.
    Table,
    /// One JSON object: what was checked, each problem with its path and fix, the
    /// secret's state.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    /// Tables for the terminal.
    Table,
    /// One JSON object: snapshots, reference tables, ingests, permissions.
    Json,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// A subcommand (ingest, report, status, drop, completions); none for tally itself.
    pub command: Option<String>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct DropArgs {
    /// The ingest's ID as `tally status` shows it, the start of one (only one ID may
    /// begin so), or a file's name: every ingest of that file (a workbook's sheets
    /// together).
    #[arg(value_name = "INGEST_ID|ID_PREFIX|FILE")]
    pub id: String,
}

/// What an ingested file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// An organization's membership roll.
    Roll,
    /// Administrative units and their classifications.
    Areas,
    /// Enterprises: tax code, unit, ownership, workers.
    Enterprises,
    /// Eligible people per unit, organization and year (the denominators).
    Eligible,
    /// Coverage targets per organization, year and scope.
    Targets,
}

impl KindArg {
    pub(crate) fn kind(self) -> Kind {
        match self {
            KindArg::Roll => Kind::Roll,
            KindArg::Areas => Kind::Areas,
            KindArg::Enterprises => Kind::Enterprises,
            KindArg::Eligible => Kind::Eligible,
            KindArg::Targets => Kind::Targets,
        }
    }
}

impl IngestArgs {
    /// The options of an ingest; `orgs` are the store's, that `--org` names one of.
    pub fn resolve(&self, orgs: &Orgs, wait: Duration) -> anyhow::Result<crate::ingest::Options> {
        let org = values::resolve_org(orgs, self.org.as_deref())?;
        let encoding = match self.encoding {
            EncodingArg::Auto => None,
            EncodingArg::Utf8 => Some(Encoding::Utf8),
            // UTF-16 byte order comes from the BOM or the zero bytes; LE is Excel's.
            EncodingArg::Utf16 => Some(Encoding::Utf16Le),
            EncodingArg::Windows1258 => Some(Encoding::Windows1258),
            EncodingArg::Tcvn3 => Some(Encoding::Tcvn3),
            EncodingArg::Vni => Some(Encoding::Vni),
        };
        Ok(crate::ingest::Options {
            files: expand_files(&self.files)?,
            kind: self.kind.map(KindArg::kind),
            org,
            as_of: self.as_of,
            skip_invalid: self.skip_invalid,
            dry_run: self.dry_run,
            encoding,
            replace: self.replace,
            wait,
            rejects: self.rejects.clone(),
            sheets: self.sheet.clone(),
            bom: !self.no_bom,
            codes: match self.codes {
                CodesArg::Auto => crate::reference::crosswalk::Codes::Auto,
                CodesArg::Old => crate::reference::crosswalk::Codes::Old,
                CodesArg::New => crate::reference::crosswalk::Codes::New,
            },
            area: self.area.clone(),
            date_cells: match self.date_cells {
                DateCellsArg::Auto => crate::rows::DateMode::Checked,
                DateCellsArg::AsIs => crate::rows::DateMode::AsIs,
                DateCellsArg::Swapped => crate::rows::DateMode::Swapped,
            },
            year: self.year,
            orgs: orgs.clone(),
            warnings: self.warnings.clone(),
        })
    }
}

impl Cli {
    /// `--lang`, else the locale's.
    pub fn lang(&self) -> Lang {
        match self.lang {
            Some(LangArg::En) => Lang::En,
            Some(LangArg::Vi) => Lang::Vi,
            None => Lang::from_env(),
        }
    }

    pub fn wait(&self) -> Duration {
        Duration::from_secs(self.wait)
    }

    /// Whether the command says what happened as one JSON object on stdout: its error
    /// is then such an object too, for the script reading it.
    pub fn says_json(&self) -> bool {
        match &self.command {
            Command::Ingest(a) => a.format == IngestFormat::Json,
            Command::Status(a) => a.format == StatusFormat::Json,
            Command::Verify(a) => a.format == VerifyFormat::Json,
            _ => false,
        }
    }
}
