//! One file per subcommand: orchestration and output, no computation.

pub mod backup;
pub mod drop;
pub mod ingest;
mod output;
mod progress;
pub mod report;
mod series;
pub mod status;
pub mod verify;

/// Refuses a directory with no store in it (for commands that only read one: a typo
/// in --store must not look like an empty store).
pub fn existing(store: &crate::store::Store) -> anyhow::Result<()> {
    if store.dir().join("manifest.json").exists() {
        return Ok(());
    }
    // A store that lost its manifest is not "no store": say what happened to it.
    if let Some(lost) = store.lost_manifest() {
        return Err(lost);
    }
    let dir = store.dir().display().to_string();
    Err(crate::error::Failure::new(
        crate::error::Exit::Failure,
        crate::t!(crate::lang::cmd::NO_STORE, dir),
    )
    .hint(crate::t!(crate::lang::cmd::NAME_THE_STORE))
    .into())
}
