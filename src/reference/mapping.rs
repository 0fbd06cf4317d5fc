//! The mapping file: where the members and people of a commune of before the 2025
//! reform went, where the built-in crosswalk cannot say (a commune split between
//! several) or the province decided otherwise. Each old code goes to one commune of
//! today, or to several with shares that add up to 1.

use std::collections::BTreeMap;

/// One commune of today an old commune went to, with its share (`None`: all of it).
#[derive(Debug, Clone, PartialEq)]
pub struct MappedTo {
    pub code: String,
    pub share: Option<f64>,
}

/// Old code → where it went, as the mapping file says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Mapping {
    pub by_old: BTreeMap<String, Vec<MappedTo>>,
}

impl Mapping {
    pub fn is_empty(&self) -> bool {
        self.by_old.is_empty()
    }

    pub fn rows(&self) -> usize {
        self.by_old.values().map(Vec::len).sum()
    }

    pub fn get(&self, old: &str) -> Option<&[MappedTo]> {
        self.by_old.get(old).map(Vec::as_slice)
    }

    /// "04585 (40%), 04588 (60%)".
    pub fn describe(to: &[MappedTo]) -> String {
        to.iter()
            .map(|t| match t.share {
                Some(s) => format!("{} ({}%)", t.code, (s * 1000.0).round() / 10.0),
                None => t.code.clone(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A count split by shares into whole numbers that add up to it: each part the floor
/// of its share, and what is left given one at a time to the largest remainders (the
/// earlier line on a tie), so that no person is lost or made up.
pub fn split_count(n: u64, to: &[MappedTo]) -> Vec<(String, u64)> {
    let shares: Vec<f64> = to.iter().map(|t| t.share.unwrap_or(1.0)).collect();
    // Shares are accepted when they add up to 1 within 0.001: taken as parts of their
    // sum, so that a large count split by 0.3333 × 3 still loses nobody.
    let sum: f64 = shares.iter().sum();
    let exact: Vec<f64> = shares.iter().map(|s| n as f64 * s / sum).collect();
    let mut parts: Vec<u64> = exact.iter().map(|e| e.floor() as u64).collect();
    let mut left = n.saturating_sub(parts.iter().sum());
    let mut order: Vec<usize> = (0..to.len()).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (exact[a] - exact[a].floor(), exact[b] - exact[b].floor());
        rb.total_cmp(&ra).then(a.cmp(&b))
    });
    for &i in &order {
        if left == 0 {
            break;
        }
        parts[i] += 1;
        left -= 1;
    }
    to.iter()
        .zip(parts)
        .map(|(t, p)| (t.code.clone(), p))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn to(shares: &[(&str, f64)]) -> Vec<MappedTo> {
        shares
            .iter()
            .map(|(c, s)| MappedTo {
                code: c.to_string(),
                share: Some(*s),
            })
            .collect()
    }

    #[test]
    fn a_split_count_adds_up_by_largest_remainder() {
        // 10 × 0.45 = 4.5, 10 × 0.55 = 5.5: floors 4 and 5, the one left goes to the
        // earlier line on a tie of remainders.
        assert_eq!(
            split_count(10, &to(&[("A", 0.45), ("B", 0.55)])),
            vec![("A".into(), 5), ("B".into(), 5)]
        );
        // 7 in thirds: 2.33 each, floors 2+2+2, one left to the first.
        let third = 1.0 / 3.0;
        assert_eq!(
            split_count(7, &to(&[("A", third), ("B", third), ("C", third)])),
            vec![("A".into(), 3), ("B".into(), 2), ("C".into(), 2)]
        );
        // 100 at 40/60 is exact.
        assert_eq!(
            split_count(100, &to(&[("A", 0.4), ("B", 0.6)])),
            vec![("A".into(), 40), ("B".into(), 60)]
        );
        assert_eq!(split_count(0, &to(&[("A", 0.4), ("B", 0.6)]))[1].1, 0);
        // Shares a little short of 1 (accepted within 0.001) lose nobody, even from a
        // large count: 1,000,000 in three parts of 0.3333 is 333,334 + 333,333 × 2.
        let parts = split_count(
            1_000_000,
            &to(&[("A", 0.3333), ("B", 0.3333), ("C", 0.3333)]),
        );
        assert_eq!(
            parts.iter().map(|p| p.1).collect::<Vec<_>>(),
            vec![333_334, 333_333, 333_333]
        );
    }
}
