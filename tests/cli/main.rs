//! Integration tests: the real `tally` binary in a temporary directory, read like a
//! transcript. One binary, split into modules by subcommand.

mod workdir;

mod backup;
mod bench_smoke;
mod decode;
mod drop;
mod help;
mod html;
mod ingest;
mod mapping;
mod messages;
mod missing_parts;
mod office;
mod one_snapshot;
mod orgs;
mod pipeline;
mod privacy;
mod promises;
mod properties;
mod reference;
mod reform;
mod reliability;
mod report;
mod report_formats;
mod seams;
mod secret;
mod series;
mod signable;
mod sql;
mod status;
mod status_words;
mod upgrade;
mod verify;
mod workbooks;
