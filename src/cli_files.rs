//! File patterns on the command line, expanded by tally itself.

use std::path::PathBuf;

use crate::error::{Exit, Failure};
use crate::lang::files as msg;
use crate::t;

/// The files named on the command line, with patterns (`*`, `?`, `[...]`) expanded.
/// cmd.exe and PowerShell pass `*.csv` to the program as written, so tally expands it
/// itself, on every OS alike. A path that exists is taken as it is, whatever its name.
pub fn expand_files(files: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    let mut out = Vec::new();
    for f in files {
        let text = f.to_string_lossy();
        if f.exists() || !text.contains(['*', '?', '[']) {
            out.push(f.clone());
            continue;
        }
        let matches = glob::glob(&text)
            .map_err(|e| Failure::usage(t!(msg::BAD_PATTERN, &*text, e.to_string())))?;
        let mut found: Vec<PathBuf> = matches
            .filter_map(|m| m.ok())
            .filter(|p| p.is_file())
            .collect();
        found.sort();
        if found.is_empty() {
            return Err(Failure::new(Exit::Io, t!(msg::NO_FILE_MATCHES, &*text))
                .hint(t!(msg::NO_FILE_MATCHES_HINT)));
        }
        out.extend(found);
    }
    Ok(out)
}
