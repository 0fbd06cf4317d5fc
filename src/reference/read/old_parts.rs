//! A count of today's commune summed from the rows of its pre-2025 communes is known
//! only where every one of them gives it: found by review, a table listing one of Xã
//! Bát Xát's five old communes stored its 120 as the whole commune's count (coverage
//! too high), and one whose cells were empty for two of them (unknown, not zero)
//! stored the other three's sum. One rule is kept from before: a file that lists a
//! single old commune of today's, one whose code or name today's kept (`TT. Mường
//! Chà`, whose code Xã Na Sang took), names today's commune by its old name.

use std::collections::{BTreeMap, BTreeSet};

use super::EligibleRow;
use crate::reference::crosswalk;
use crate::reference::Reference;

/// Takes out of `out` each count summed from old communes (`sources`: the count's
/// index, the old codes that gave it) that not all of its commune's old communes
/// gave: its commune's count is unknown. The sentence that says which, if any.
pub(super) fn unknown_where_partial(
    out: &mut Vec<EligibleRow>,
    sources: &BTreeMap<usize, BTreeSet<&'static str>>,
    current: &Reference,
) -> Option<crate::lang::Text> {
    let cw = crosswalk::builtin();
    // The old communes of each commune of today the file lists, for any count.
    let mut listed: BTreeMap<&str, BTreeSet<&'static str>> = BTreeMap::new();
    for (&at, given) in sources {
        if let Some(row) = out.get(at) {
            listed.entry(&row.area_code).or_default().extend(given);
        }
    }
    let mut partial: Vec<(usize, crate::lang::Text)> = Vec::new();
    for (&at, given) in sources {
        let Some(row) = out.get(at) else { continue };
        let parts = cw.parts_of(&row.area_code);
        let lacking: Vec<String> = (parts.iter())
            .filter(|u| !given.contains(u.code.as_str()))
            .map(|u| u.label())
            .collect();
        let today = current.areas.get(&row.area_code);
        let stands_for = |old: &str| {
            (parts.iter()).find(|u| u.code == old).is_some_and(|u| {
                u.code == row.area_code
                    || today
                        .is_some_and(|t| crate::text::fold(&t.name) == crate::text::fold(&u.name))
            })
        };
        let alone = listed.get(row.area_code.as_str()).filter(|l| l.len() == 1);
        let old_name = alone.is_some_and(|l| l == given && l.iter().all(|o| stands_for(o)));
        if !lacking.is_empty() && !old_name {
            let unit = today.map_or(row.area_code.clone(), |a| format!("{} {}", a.code, a.name));
            // An org's English name: the catalogue says it in Vietnamese.
            let org = match &row.org {
                crate::org::OrgOrAny::Org(o) => o.english().to_string(),
                any => any.code().to_string(),
            };
            let said = crate::t!(
                crate::lang::reference::PARTIAL_OLD_COMMUNE,
                unit,
                org.as_str(),
                lacking.join(", ")
            );
            partial.push((at, said));
        }
    }
    if partial.is_empty() {
        return None;
    }
    for (at, _) in partial.iter().rev() {
        out.remove(*at);
    }
    let n = crate::lang::Text::Count(partial.len() as u64);
    let said = crate::lang::Text::Join(partial.into_iter().map(|(_, s)| s).collect(), "; ");
    Some(crate::t!(
        crate::lang::reference::PARTIAL_OLD_COMMUNES,
        n,
        said
    ))
}
