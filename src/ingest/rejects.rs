//! The `--rejects` file: every rejected row with its original values, line and reason.

use anyhow::{Context, Result};
use std::path::Path;

use super::Reject;
use crate::store::fsutil;
use crate::text::defuse;
use unicode_normalization::UnicodeNormalization;

/// Writes the rejects as CSV: `file,line,column,value,reason,hint`, then the original
/// columns (the union of the files' headers, in order of first appearance), in NFC.
pub fn write(path: &Path, rejects: &[Reject]) -> Result<()> {
    let mut columns: Vec<String> = Vec::new();
    for r in rejects {
        for h in &r.headers {
            if !h.is_empty() && !columns.contains(h) {
                columns.push(h.clone());
            }
        }
    }
    let mut out = Vec::new();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        let mut head = vec![
            "file".to_string(),
            "line".into(),
            "column".into(),
            "value".into(),
            "reason".into(),
            "hint".into(),
        ];
        head.extend(columns.iter().cloned());
        w.write_record(head.iter().map(|h| defuse(h).into_owned()))?;
        for r in rejects {
            let p = &r.problem;
            let mut rec: Vec<String> = vec![
                p.file.clone(),
                p.line.to_string(),
                p.column.clone().unwrap_or_default(),
                p.value.clone(),
                p.reason.clone(),
                p.hint.clone().unwrap_or_default(),
            ];
            for c in &columns {
                let v = r
                    .headers
                    .iter()
                    .position(|h| h == c)
                    .and_then(|i| r.row.cell(i))
                    .unwrap_or_default()
                    .to_string();
                rec.push(v);
            }
            // Composed (NFC), as tally reads text: a legacy file decodes to base letters
            // and combining marks (VNI writes them so), which some programs show apart.
            w.write_record(
                rec.iter()
                    .map(|v| defuse(&v.nfc().collect::<String>()).into_owned()),
            )?;
        }
        w.flush()?;
    }
    // Rejects hold names and ID numbers: owner-only, like the store.
    fsutil::write_atomic(path, &out)
        .with_context(|| format!("cannot write the rejects file {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused() {
        assert_eq!(defuse("=1+1"), "'=1+1");
        assert_eq!(defuse("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defuse("-5"), "'-5");
        assert_eq!(defuse("Nguyễn"), "Nguyễn");
        assert_eq!(defuse(""), "");
    }
}
