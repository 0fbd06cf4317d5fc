//! Enterprises of at least N workers (`--min-workers`, default 25) on ownership rows:
//! how many there are, how many have a member of the organization, and how many have
//! its grassroots organization where the enterprises file says so (`Có CĐCS`, `Có chi
//! đoàn`, a founding date). Reach counts an enterprise with one member; the union's own
//! target counts enterprises with a grassroots union: both are given, side by side.

use std::collections::HashSet;

use crate::org::OrgOrAny;
use crate::reference::Reference;

/// The default of `--min-workers`: the trade union's target counts enterprises of 25
/// workers or more.
pub const MIN_WORKERS: u64 = 25;

/// The counts of one ownership row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sized {
    pub min_workers: u64,
    /// Enterprises of the ownership with at least `min_workers` workers (an enterprise
    /// without a head count is not among them).
    pub enterprises: u64,
    /// Of those, with at least one member active at the period's end (unknown without
    /// a roll).
    pub reached: Option<u64>,
    /// Of those, with a grassroots organization of the org (unknown where the file
    /// does not say it of the org, and for `any`).
    pub with_org: Option<u64>,
}

/// Whether a report gives these counts: asked for with `--min-workers`, or the
/// enterprises file says which have a grassroots organization.
pub fn shown(reference: &Reference, min_workers: Option<u64>) -> bool {
    min_workers.is_some()
        || reference
            .enterprises
            .rows
            .iter()
            .any(|e| !e.grassroots.is_empty())
}

/// The counts of the enterprises of ownership `label` (`reached`: the indices of the
/// enterprises with a member; `None` without a roll).
pub fn of(
    reference: &Reference,
    org: &OrgOrAny,
    label: &str,
    min_workers: u64,
    reached: Option<&HashSet<u32>>,
) -> Sized {
    let big: Vec<(u32, &crate::reference::Enterprise)> = reference
        .enterprises
        .rows
        .iter()
        .enumerate()
        .filter(|(_, e)| e.ownership.code() == label)
        .filter(|(_, e)| e.workers.is_some_and(|w| w >= min_workers))
        .map(|(i, e)| (i as u32, e))
        .collect();
    let with_org = match org {
        OrgOrAny::Org(o) if reference.enterprises.tells_grassroots(o) => Some(
            big.iter()
                .filter(|(_, e)| e.grassroots.iter().any(|(g, has)| g == o && *has))
                .count() as u64,
        ),
        _ => None,
    };
    Sized {
        min_workers,
        enterprises: big.len() as u64,
        reached: reached.map(|r| big.iter().filter(|(i, _)| r.contains(i)).count() as u64),
        with_org,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::org::Org;
    use crate::reference::{Enterprise, Enterprises, Ownership};

    fn firm(workers: Option<u64>, own: Ownership, union: Option<bool>) -> Enterprise {
        Enterprise {
            id: String::new(),
            name: String::new(),
            area_code: None,
            ownership: own,
            workers,
            grassroots: union.map(|h| (Org::Union, h)).into_iter().collect(),
        }
    }

    /// Six enterprises, by hand: non-state of 24 (union, below the line), 25 (union,
    /// reached), 26 (no union, reached), 200 (union), no head count (union: not
    /// counted); a state one of 300. Non-state of ≥ 25: 3; reached 2; with a union 2.
    #[test]
    fn the_line_is_at_least_n_workers() {
        let mut r = Reference::default();
        let ns = Ownership::NonState;
        r.enterprises = Enterprises::new(vec![
            firm(Some(24), ns, Some(true)),
            firm(Some(25), ns, Some(true)),
            firm(Some(26), ns, Some(false)),
            firm(Some(200), ns, Some(true)),
            firm(None, ns, Some(true)),
            firm(Some(300), Ownership::State, Some(true)),
        ]);
        let reached: HashSet<u32> = [0, 1, 2].into_iter().collect();
        let union = OrgOrAny::Org(Org::Union);
        assert_eq!(
            of(&r, &union, "non_state", 25, Some(&reached)),
            Sized {
                min_workers: 25,
                enterprises: 3,
                reached: Some(2),
                with_org: Some(2)
            }
        );
        // The youth: the file says nothing of chi đoàn, so unknown, not 0.
        let youth = OrgOrAny::Org(Org::Youth);
        assert_eq!(of(&r, &youth, "non_state", 25, None).with_org, None);
        assert_eq!(of(&r, &youth, "non_state", 25, None).reached, None);
        assert!(shown(&r, None));
        assert!(!shown(&Reference::default(), None));
    }
}
