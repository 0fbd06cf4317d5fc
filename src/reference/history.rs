//! Reference data over the years: eligible counts and targets are keyed, so a file for
//! 2027 adds 2027 and leaves 2026 as it was (areas and enterprises describe the
//! present: see `versions`). A file ingested before is "nothing changed" only while
//! the table in force holds what it says.

use std::collections::{BTreeSet, HashSet};

use super::{EligibleRow, Target};
use crate::lang::{reference as lang, Text};
use crate::t;

/// What a keyed file did to the table it joined.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merged {
    /// Keys the table already held, now replaced by the file's rows.
    pub replaced: usize,
    /// The years of those keys.
    pub replaced_years: BTreeSet<i32>,
    /// Keys new to the table.
    pub added: usize,
    /// The years of the new keys.
    pub added_years: BTreeSet<i32>,
}

impl Merged {
    /// "eligible counts: added 12 key(s) of 2027; replaced 3 key(s) already held, of
    /// 2026" for the ingest summary; in a dry run what it would do.
    pub fn text(&self, kind: &Text, dry: bool) -> Option<Text> {
        let years = |y: &BTreeSet<i32>| y.iter().map(i32::to_string).collect::<Vec<_>>().join(", ");
        let (added, replaced) = match dry {
            false => (&lang::KEYS_ADDED, &lang::KEYS_REPLACED),
            true => (&lang::KEYS_WOULD_ADD, &lang::KEYS_WOULD_REPLACE),
        };
        let mut parts = Vec::new();
        if self.added > 0 {
            parts.push(t!(*added, self.added, years(&self.added_years)));
        }
        if self.replaced > 0 {
            parts.push(t!(*replaced, self.replaced, years(&self.replaced_years)));
        }
        (!parts.is_empty()).then(|| t!(lang::CHANGE_OF, kind, Text::Join(parts, "; ")))
    }
}

/// The rows of `old` whose key `new` does not restate, then `new`; keys are what
/// `key` says, years what `year` says.
fn merge<T, K: std::hash::Hash + Eq>(
    old: &[T],
    new: Vec<T>,
    key: impl Fn(&T) -> K,
    year: impl Fn(&T) -> i32,
) -> (Vec<T>, Merged)
where
    T: Clone,
{
    let restated: HashSet<K> = new.iter().map(&key).collect();
    let mut m = Merged::default();
    let held: HashSet<K> = old.iter().map(&key).collect();
    for r in &new {
        if held.contains(&key(r)) {
            m.replaced += 1;
            m.replaced_years.insert(year(r));
        } else {
            m.added += 1;
            m.added_years.insert(year(r));
        }
    }
    let mut out: Vec<T> = old
        .iter()
        .filter(|r| !restated.contains(&key(r)))
        .cloned()
        .collect();
    out.extend(new);
    (out, m)
}

type EligibleKey = (String, String, i32, Option<String>, Option<String>);

/// An eligible count's key: (unit, org, year, dimension, group).
fn eligible_key(r: &EligibleRow) -> EligibleKey {
    (
        r.area_code.clone(),
        r.org.code().to_string(),
        r.year,
        r.dimension.clone(),
        r.group.clone(),
    )
}

/// A target's key: (org, year, scope).
fn target_key(t: &Target) -> (String, i32, String) {
    (t.org.code().to_string(), t.year, t.scope.render())
}

/// Eligible counts keyed by (unit, org, year, dimension, group).
pub fn merge_eligible(old: &[EligibleRow], new: Vec<EligibleRow>) -> (Vec<EligibleRow>, Merged) {
    merge(old, new, eligible_key, |r| r.year)
}

/// Targets keyed by (org, year, scope).
pub fn merge_targets(old: &[Target], new: Vec<Target>) -> (Vec<Target>, Merged) {
    merge(old, new, target_key, |t| t.year)
}

/// How the keys of a file ingested before stand against the table in force: held with
/// its values, held with others (a later file restated them), not held.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Restated {
    pub same: usize,
    pub changed: usize,
    pub missing: usize,
}

impl Restated {
    /// Whether the table holds every key of the file with the file's values.
    pub fn in_force(&self) -> bool {
        self.changed == 0 && self.missing == 0
    }

    /// "targets: 3 key(s) restored to this file's values", "…: 1 key(s) held again";
    /// in a dry run what would be.
    pub fn texts(&self, kind: &Text, dry: bool) -> Vec<Text> {
        let (restored, again) = match dry {
            false => (&lang::KEYS_RESTORED, &lang::KEYS_HELD_AGAIN),
            true => (&lang::KEYS_WOULD_RESTORE, &lang::KEYS_WOULD_BE_HELD_AGAIN),
        };
        let mut out = Vec::new();
        if self.changed > 0 {
            out.push(t!(*restored, kind, self.changed));
        }
        if self.missing > 0 {
            out.push(t!(*again, kind, self.missing));
        }
        if out.is_empty() {
            out.push(t!(lang::KEYS_ALL_HELD, kind));
        }
        out
    }
}

fn restated<T, K: std::hash::Hash + Eq>(
    old: &[T],
    new: &[T],
    key: impl Fn(&T) -> K,
    same: impl Fn(&T, &T) -> bool,
) -> Restated {
    let held: std::collections::HashMap<K, &T> = old.iter().map(|r| (key(r), r)).collect();
    let mut out = Restated::default();
    for r in new {
        match held.get(&key(r)) {
            Some(h) if same(h, r) => out.same += 1,
            Some(_) => out.changed += 1,
            None => out.missing += 1,
        }
    }
    out
}

/// The file's eligible counts against those in force.
pub fn restated_eligible(old: &[EligibleRow], new: &[EligibleRow]) -> Restated {
    restated(old, new, eligible_key, |a, b| a.eligible == b.eligible)
}

/// The file's targets against those in force.
pub fn restated_targets(old: &[Target], new: &[Target]) -> Restated {
    restated(old, new, target_key, |a, b| a.target_pct == b.target_pct)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::org::{Org, OrgOrAny};
    use crate::reference::Scope;

    fn target(year: i32, scope: Scope, pct: f64) -> Target {
        Target {
            org: OrgOrAny::Org(Org::Youth),
            year,
            scope,
            target_pct: pct,
        }
    }

    #[test]
    fn next_years_targets_add_to_this_years() {
        let old = vec![
            target(2026, Scope::All, 70.0),
            target(2026, Scope::Unit("15".into()), 72.0),
        ];
        let (all, m) = merge_targets(&old, vec![target(2027, Scope::All, 75.0)]);
        assert_eq!(all.len(), 3);
        assert_eq!((m.added, m.replaced), (1, 0));
        let kind = Text::Plain("targets".into());
        let said = |t: Option<Text>| t.map(|t| t.en());
        assert_eq!(
            said(m.text(&kind, false)).as_deref(),
            Some("targets: added 1 key(s) of 2027")
        );
        assert_eq!(
            said(m.text(&kind, true)).as_deref(),
            Some("targets: would add 1 key(s) of 2027")
        );
    }

    #[test]
    fn a_restated_key_replaces_that_key_only() {
        let old = vec![
            target(2026, Scope::All, 70.0),
            target(2026, Scope::Unit("15".into()), 72.0),
        ];
        let (all, m) = merge_targets(&old, vec![target(2026, Scope::All, 71.0)]);
        assert_eq!(all.len(), 2);
        assert!(all.contains(&target(2026, Scope::All, 71.0)));
        assert!(all.contains(&target(2026, Scope::Unit("15".into()), 72.0)));
        let kind = Text::Plain("targets".into());
        assert_eq!(
            m.text(&kind, false).map(|t| t.en()).as_deref(),
            Some("targets: replaced 1 key(s) already held, of 2026")
        );
    }

    /// A file ingested before against the table in force: 70 restated as 7 by a later
    /// file is one key to restore; a key dropped since is held again.
    #[test]
    fn a_file_again_against_the_table_in_force() {
        let file = vec![
            target(2026, Scope::All, 70.0),
            target(2026, Scope::Unit("15".into()), 72.0),
            target(2027, Scope::All, 75.0),
        ];
        let held = vec![
            target(2026, Scope::All, 7.0),
            target(2026, Scope::Unit("15".into()), 72.0),
        ];
        let r = restated_targets(&held, &file);
        assert_eq!((r.same, r.changed, r.missing), (1, 1, 1));
        assert!(!r.in_force());
        let kind = Text::Plain("targets".into());
        assert_eq!(
            r.texts(&kind, false)
                .iter()
                .map(Text::en)
                .collect::<Vec<_>>(),
            vec![
                "targets: 1 key(s) restored to this file's values",
                "targets: 1 key(s) held again"
            ]
        );
        assert!(restated_targets(&file, &file).in_force());
    }

    #[test]
    fn eligible_counts_are_keyed_by_unit_org_year_and_group() {
        let row = |unit: &str, year, n, group: Option<&str>| EligibleRow {
            area_code: unit.into(),
            org: OrgOrAny::Org(Org::Women),
            year,
            eligible: n,
            dimension: group.map(|_| "sex".to_string()),
            group: group.map(str::to_string),
        };
        let old = vec![
            row("01", 2026, 10, None),
            row("01", 2026, 6, Some("female")),
        ];
        let (all, m) = merge_eligible(
            &old,
            vec![row("01", 2026, 12, None), row("01", 2027, 11, None)],
        );
        assert_eq!(all.len(), 3);
        assert!(all.contains(&row("01", 2026, 6, Some("female"))));
        assert!(all.contains(&row("01", 2026, 12, None)));
        assert_eq!((m.added, m.replaced), (1, 1));
    }
}
