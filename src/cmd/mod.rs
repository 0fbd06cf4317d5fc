//! One file per subcommand: orchestration and output, no computation.

pub mod drop;
pub mod ingest;
mod progress;
pub mod report;
pub mod shell;
pub mod status;
pub mod verify;
