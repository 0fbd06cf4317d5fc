//! Publication: counts below N are blanked with every rate derived from them, then
//! enough other cells (complementary suppression) that no blanked cell can be recovered
//! as a total minus the published groups.

use super::CoverageRow;
use std::collections::BTreeMap;

const COUNTS: [&str; 5] = ["members", "members_start", "recruited", "left", "eligible"];

fn get(r: &CoverageRow, col: &str) -> Option<u64> {
    match col {
        "members" => r.members,
        "members_start" => r.members_start,
        "recruited" => r.recruited,
        "left" => r.left,
        "eligible" => r.eligible,
        _ => None,
    }
}

fn blank(r: &mut CoverageRow, col: &'static str) -> bool {
    let slot = match col {
        "members" => &mut r.members,
        "members_start" => &mut r.members_start,
        "recruited" => &mut r.recruited,
        "left" => &mut r.left,
        "eligible" => &mut r.eligible,
        _ => return false,
    };
    if slot.is_none() {
        return false;
    }
    *slot = None;
    r.suppressed.push(col);
    true
}

/// Applies `--min-cell`; returns how many cells were blanked.
pub fn apply(rows: &mut [CoverageRow], min: u64) -> usize {
    // Primary: every count below the threshold.
    for r in rows.iter_mut() {
        for col in COUNTS {
            if get(r, col).is_some_and(|v| v < min) {
                blank(r, col);
            }
        }
    }
    // Complementary: within each (org, dimension) the groups add up to the org's total,
    // so no count column may have exactly one blank among groups + total.
    let mut tables: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    let mut totals: BTreeMap<String, usize> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        if r.dimension == "total" {
            totals.insert(r.org.code().to_string(), i);
        } else {
            tables
                .entry((r.org.code().to_string(), r.dimension.clone()))
                .or_default()
                .push(i);
        }
    }
    for _round in 0..16 {
        let mut changed = false;
        for ((org, _), members) in &tables {
            let total = totals.get(org).copied();
            for col in COUNTS {
                let cells: Vec<usize> = members.iter().copied().chain(total).collect();
                let blanked = cells
                    .iter()
                    .filter(|&&i| rows[i].suppressed.contains(&col))
                    .count();
                if blanked != 1 {
                    continue;
                }
                // Blank the smallest published cell of the table (groups first).
                let pick = members
                    .iter()
                    .copied()
                    .filter(|&i| !rows[i].suppressed.contains(&col))
                    .filter_map(|i| get(&rows[i], col).map(|v| (v, i)))
                    .min()
                    .map(|(_, i)| i)
                    .or(total.filter(|&t| get(&rows[t], col).is_some()));
                if let Some(i) = pick {
                    changed |= blank(&mut rows[i], col);
                }
            }
        }
        if !changed {
            break;
        }
    }
    // Rates derived from a blanked count go too.
    let mut n = 0;
    for r in rows.iter_mut() {
        let s = |c: &str, r: &CoverageRow| r.suppressed.contains(&c);
        if (s("members", r) || s("eligible", r)) && r.coverage_pct.is_some() {
            r.coverage_pct = None;
            r.suppressed.push("coverage_pct");
        }
        if (s("recruited", r) || s("eligible", r) || s("members_start", r))
            && r.recruit_rate_pct.is_some()
        {
            r.recruit_rate_pct = None;
            r.suppressed.push("recruit_rate_pct");
        }
        if s("coverage_pct", r) && r.gap_pp.is_some() {
            r.gap_pp = None;
            r.suppressed.push("gap_pp");
        }
        n += r.suppressed.len();
    }
    n
}
