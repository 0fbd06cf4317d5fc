//! What a header lacks of what its kind requires, each column named for a person (the
//! message that refuses it lists them in the reader's language).

use super::field_names::{either, said};
use super::headers::{Field, Mapping};
use crate::kind::Kind;
use crate::lang::Text;

/// Fields a file of the kind cannot do without (alternatives checked by the caller).
/// A counts or targets file's year may come from its title or `--year` instead.
fn required(kind: Kind) -> &'static [Field] {
    match kind {
        Kind::Roll => &[],
        Kind::Areas => &[Field::Code, Field::Name],
        Kind::Enterprises => &[Field::Code, Field::Ownership],
        Kind::Eligible => &[],
        Kind::Targets => &[Field::Org, Field::TargetPct],
        Kind::Mapping => &[Field::OldCode, Field::NewCode],
        Kind::Orgs => &[Field::Code, Field::Name],
    }
}

/// The columns only an areas file has: a file with a code and a name but none of
/// these (a counts table's `Mã xã, Tên xã`) is not taken for the areas.
const AREAS_OWN: [Field; 5] = [
    Field::Level,
    Field::ParentCode,
    Field::EthnicMinority,
    Field::Religious,
    Field::Rural,
];

impl Mapping {
    /// The required columns this header lacks, named for a person.
    pub fn missing(&self) -> Vec<Text> {
        let kind = self.kind;
        // A targets table of a column per scope holds the targets in those columns.
        let wide_targets = |f: &Field| *f == Field::TargetPct && !self.scopes.is_empty();
        let mut out: Vec<Text> = required(kind)
            .iter()
            .filter(|f| !self.has(**f) && !wide_targets(f))
            .map(|f| said(kind, *f))
            .collect();
        if kind == Kind::Areas && !self.forced && !AREAS_OWN.iter().any(|f| self.has(*f)) {
            let [a, b, c, d, e] = AREAS_OWN.map(|f| said(kind, f));
            out.push(crate::t!(
                crate::lang::fields::AREAS_OWN_COLUMN,
                a,
                b,
                c,
                d,
                e
            ));
        }
        if kind == Kind::Eligible {
            if !self.has(Field::AreaCode) && !self.has(Field::AreaName) {
                out.push(either(kind, Field::AreaCode, Field::AreaName));
            }
            if self.wide.is_empty() {
                for f in [Field::Org, Field::Eligible] {
                    if !self.has(f) {
                        out.push(said(kind, f));
                    }
                }
            }
        }
        // A roll without a unit column may be a commune's own list: its unit is then
        // read from its title, its sheet's name or --area, once the areas are at hand
        // (member::file_unit).
        if kind == Kind::Roll && !self.has(Field::FullName) && !self.has(Field::NationalId) {
            out.push(either(kind, Field::FullName, Field::NationalId));
        }
        out
    }
}
