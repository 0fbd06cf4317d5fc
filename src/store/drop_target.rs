//! What `tally drop WHAT` names: an ingest by its ID, by a prefix of it that only one
//! ID has, or by its file's name (every ingest of that file: a workbook's sheets
//! together). A prefix that several IDs share names none of them.

use std::path::Path;

use super::{IngestRecord, Manifest};

/// What a name picked from the manifest.
#[derive(Debug, PartialEq)]
pub enum Picked<'m> {
    /// The ingests to drop, in the manifest's order.
    Ingests(Vec<&'m IngestRecord>),
    /// A prefix that several ingests' IDs share: the candidates.
    Ambiguous(Vec<&'m IngestRecord>),
    Nothing,
}

/// The ingests `what` names in `manifest`: an ID, else a unique prefix of one, else a
/// file (as stored, or its last component; a workbook by its own name).
pub fn pick<'m>(manifest: &'m Manifest, what: &str) -> Picked<'m> {
    let all = &manifest.ingests;
    if let Some(i) = all.iter().find(|i| i.id == what) {
        return Picked::Ingests(vec![i]);
    }
    let prefixed: Vec<&IngestRecord> = all
        .iter()
        .filter(|i| !what.is_empty() && i.id.starts_with(what))
        .collect();
    match prefixed.len() {
        1 => return Picked::Ingests(prefixed),
        n if n > 1 => return Picked::Ambiguous(prefixed),
        _ => {}
    }
    let files: Vec<&IngestRecord> = all.iter().filter(|i| of_file(i, what)).collect();
    if files.is_empty() {
        Picked::Nothing
    } else {
        Picked::Ingests(files)
    }
}

/// Whether the ingest is of the file `what`: its name as stored, or the same last
/// component (`thang10.xlsx` for `data/thang10.xlsx`); a sheet by its workbook.
fn of_file(i: &IngestRecord, what: &str) -> bool {
    let file = i
        .file
        .split_once(", sheet \"")
        .map_or(i.file.as_str(), |(book, _)| book);
    let last = |p: &str| Path::new(p).file_name().map(|n| n.to_os_string());
    file == what
        || (last(file).is_some() && last(file) == last(what) && !what.contains(['/', '\\']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(ingests: &[(&str, &str)]) -> Manifest {
        let ingests: Vec<serde_json::Value> = ingests
            .iter()
            .map(|(id, file)| {
                serde_json::json!({
                    "id": id, "kind": "roll", "file": file, "sha256": "00", "rows": 1,
                    "rejected": 0, "warnings": 0, "ingested_at": "then", "encoding": "utf-8",
                    "part": "p", "part_sha256": "00", "part_bytes": 1,
                })
            })
            .collect();
        Manifest {
            ingests: ingests
                .into_iter()
                .map(|v| serde_json::from_value(v).expect("a record"))
                .collect(),
            ..Manifest::default()
        }
    }

    fn ids(p: Picked) -> (String, Vec<String>) {
        let (what, list) = match p {
            Picked::Ingests(l) => ("drop", l),
            Picked::Ambiguous(l) => ("ambiguous", l),
            Picked::Nothing => ("nothing", Vec::new()),
        };
        (what.into(), list.iter().map(|i| i.id.clone()).collect())
    }

    #[test]
    fn an_id_a_unique_prefix_or_a_file_names_what_to_drop() {
        let m = manifest(&[
            ("ab12", "t10.xlsx, sheet \"Cụm 1\""),
            ("ab34", "t10.xlsx, sheet \"Cụm 2\""),
            ("cd56", "data/ds.csv"),
            ("ef78", "ds-11.csv"),
        ]);
        let cases: [(&str, &str, &[&str]); 8] = [
            ("ab12", "drop", &["ab12"]),
            ("ab3", "drop", &["ab34"]),
            ("ab", "ambiguous", &["ab12", "ab34"]),
            ("t10.xlsx", "drop", &["ab12", "ab34"]),
            ("data/ds.csv", "drop", &["cd56"]),
            ("ds.csv", "drop", &["cd56"]),
            ("other/ds.csv", "nothing", &[]),
            ("zz", "nothing", &[]),
        ];
        for (what, want, want_ids) in cases {
            let (said, got) = ids(pick(&m, what));
            assert_eq!(
                (
                    said.as_str(),
                    got.iter().map(String::as_str).collect::<Vec<_>>()
                ),
                (want, want_ids.to_vec()),
                "{what}"
            );
        }
    }
}
