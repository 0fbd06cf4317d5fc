//! Store upgrades: the first writer of a newer tally brings an older store to today's
//! format, in place and atomically, before it changes anything else.
//!
//! An upgrade is an ordinary transaction: every part that changes is written anew to
//! tmp/ under a new name, moved into place, and the manifest naming the new parts (and
//! the new format) is the commit point. A kill before the manifest leaves the old store
//! whole (the old manifest names the old parts, which are untouched); a kill after it
//! leaves the new one, and the next writer removes the old parts. Readers read every
//! older format without upgrading.
//!
//! 1 → 2: each roll part gains the `area_from` column (null: a format-1 store never
//! recorded a pre-reform code).
//! 2 → 3: each roll part is written again by tally's own Parquet writer (the same
//! columns and values, encoded as `store::parquet` writes them).
//! 3 → 4: each roll part gains the `left_reason` column (null: the reason a status
//! word gave was not kept before).
//! Parts are rewritten row group by row group, so memory stays that of one row group;
//! a store of any older format goes to today's in one rewrite.

use anyhow::Result;

use super::manifest::{self, Manifest};
use super::roll_group::{Group, RollPartWriter};
use super::{fault, rolls, scan, Writer};

/// What an upgrade did, for the one note that says so.
pub struct Upgraded {
    pub from: u32,
    pub to: u32,
    pub parts: usize,
}

impl Upgraded {
    pub fn sentence(&self, dir: &std::path::Path) -> crate::lang::Text {
        crate::t!(
            crate::lang::store::UPGRADED,
            dir.display().to_string(),
            self.from,
            self.to,
            self.parts
        )
    }
}

impl Writer {
    /// Brings the store to today's format, committing the upgrade on its own; `None`
    /// when it already is.
    pub fn upgrade(&mut self) -> Result<Option<Upgraded>> {
        let from = self.manifest.format;
        if from >= manifest::FORMAT {
            return Ok(None);
        }
        let mut next: Manifest = self.manifest.clone();
        let mut parts = 0;
        // Every format before today's lacks a column of today's roll parts.
        let columns = rolls::columns_of(from);
        let mut group = Group::default();
        for rec in next
            .ingests
            .iter_mut()
            .filter(|r| r.kind == crate::kind::Kind::Roll)
        {
            let rel = renamed(&rec.part, manifest::FORMAT);
            let tmp = self.stage(rel.clone());
            let mut out = RollPartWriter::create(&tmp)?;
            scan::each_group(&self.dir, rec, &columns, |df| {
                group.clear();
                group.push_frame(&df)?;
                out.write(&group)
            })?;
            let info = out.finish()?;
            rec.part = rel;
            rec.part_sha256 = info.sha256;
            rec.part_bytes = info.bytes;
            parts += 1;
            fault::point("upgrade-part-staged");
        }
        self.commit_staged(next)?;
        fault::point("upgrade-committed");
        Ok(Some(Upgraded {
            from,
            to: manifest::FORMAT,
            parts,
        }))
    }
}

/// `rolls/youth/2026-10-31/abc.parquet` → `rolls/youth/2026-10-31/abc.f2.parquet`: a
/// name of its own, so the old part stays whole until the manifest moves on.
fn renamed(rel: &str, format: u32) -> String {
    let stem = rel.strip_suffix(".parquet").unwrap_or(rel);
    let stem = stem.split_once(".f").map_or(stem, |(s, _)| s);
    format!("{stem}.f{format}.parquet")
}

#[cfg(test)]
mod tests {
    use super::renamed;

    #[test]
    fn an_upgraded_part_has_a_name_of_its_own() {
        assert_eq!(
            renamed("rolls/youth/2026-10-31/abc.parquet", 2),
            "rolls/youth/2026-10-31/abc.f2.parquet"
        );
        assert_eq!(
            renamed("rolls/youth/2026-10-31/abc.f2.parquet", 3),
            "rolls/youth/2026-10-31/abc.f3.parquet"
        );
    }
}
