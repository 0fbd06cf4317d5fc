//! Integration tests: the real `tally` binary in a temporary directory, read like a
//! transcript. One binary, split into modules by subcommand.

mod workdir;

mod backup;
mod bench_smoke;
mod beyond_header;
mod breakdowns;
mod counts_tables;
mod decode;
mod departures;
mod drop;
mod english_words;
mod grassroots;
mod help;
mod hostile;
mod html;
mod ingest;
mod last_month;
mod lists;
mod mapping;
mod messages;
mod missing_parts;
mod month_book;
mod month_rolls;
mod numbering_row;
mod numbers_vi;
mod office;
mod office_names;
mod office_slips;
mod old_offices;
mod one_snapshot;
mod orgs;
mod percent;
mod pipeline;
mod pipes;
mod privacy;
mod promises;
mod properties;
mod publication;
mod publication_sums;
#[cfg(target_os = "linux")]
mod readme_cron;
mod reference;
mod reform;
mod rejects;
mod reliability;
mod report;
mod report_formats;
mod roll_slips;
mod seams;
mod secret;
mod series;
mod series_book;
mod signable;
#[cfg(unix)]
mod signals;
mod sql;
mod status;
mod status_scale;
mod status_words;
mod store_dir;
mod upgrade;
mod verify;
mod versions;
mod vietnamese_month;
mod workbooks;
