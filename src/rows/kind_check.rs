//! Whether the header read fits the kind it was taken for: a table of counts is never
//! the areas, and a code and a name alone are not the areas either.

use super::headers::{Kind, Mapping};
use crate::error::Failure;
use crate::t;

/// The header's cells, quoted, for messages.
pub(super) fn quoted_headers(mapping: &Mapping) -> String {
    mapping
        .headers
        .iter()
        .filter(|h| !h.is_empty())
        .map(|h| format!("\"{h}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A table of counts (a column per organization) is never the areas, even when
/// --kind says so, and a unit code and name alone are the areas only when it does:
/// the areas would be replaced by units with no classification.
pub(super) fn check_kind(
    name: &str,
    header_line: u64,
    mapping: &Mapping,
    orgs: &crate::org::Orgs,
) -> std::result::Result<(), Failure> {
    if mapping.kind != Kind::Areas {
        return Ok(());
    }
    let missing = mapping.missing();
    if mapping.org_named.is_empty()
        && missing.len() == 1
        && mapping.has(super::headers::Field::Code)
        && mapping.has(super::headers::Field::Name)
    {
        if !mapping.unknown.is_empty() {
            return Err(unknown_org_columns(name, header_line, mapping, orgs));
        }
        return Err(Failure::invalid(t!(
            crate::lang::sources::NO_AREAS_COLUMN,
            format!("{name}:{header_line}"),
            crate::lang::Text::Join(missing, "; "),
            quoted_headers(mapping)
        ))
        .hint(t!(crate::lang::sources::IF_LIST_UNITS_ADD)));
    }
    if mapping.org_named.is_empty() {
        return Ok(());
    }
    let named: Vec<String> = mapping
        .org_named
        .iter()
        .map(|&i| format!("\"{}\"", mapping.headers[i]))
        .collect();
    Err(Failure::invalid(t!(
        crate::lang::sources::COLUMNS_NAME_ORGS,
        format!("{name}:{header_line}"),
        named.join(", ")
    ))
    .hint(t!(crate::lang::sources::INGEST_ELIGIBLE_COUNTS_LEAVE)))
}

/// A unit code and name with columns tally cannot name: a counts table whose
/// organizations are headed by names it does not know, or the areas without their
/// classifications; said as both, with the names it knows.
fn unknown_org_columns(
    name: &str,
    header_line: u64,
    mapping: &Mapping,
    orgs: &crate::org::Orgs,
) -> Failure {
    use crate::lang::reference as lang;
    let unknown: Vec<String> = mapping
        .unknown
        .iter()
        .map(|(_, h)| format!("\"{h}\""))
        .collect();
    Failure::invalid(crate::t!(
        lang::NEITHER_AREAS_NOR_COUNTS,
        format!("{name}:{header_line}"),
        unknown.join(", ")
    ))
    .hint(crate::t!(lang::NEITHER_AREAS_NOR_COUNTS_HINT, orgs.names()))
}
