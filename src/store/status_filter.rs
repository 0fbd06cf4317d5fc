//! `tally status --org/--kind/--since`: the part of what the store holds that a year's
//! worth of ingests is looked through by (a pure filter over [`Status`]).

use chrono::NaiveDate;

use super::status::Status;
use super::IngestRecord;
use crate::kind::Kind;

/// What to keep; none of them: everything.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// An organization's key: its snapshots and roll ingests (no reference files).
    pub org: Option<String>,
    /// One kind of file: its ingests (and for rolls the snapshots, for a reference
    /// kind its table).
    pub kind: Option<Kind>,
    /// Snapshots as of this day or later; ingests of rolls as of it or later, of
    /// reference files made on it or later.
    pub since: Option<NaiveDate>,
}

impl Filter {
    fn day_kept(&self, day: &str) -> bool {
        match (
            self.since,
            day.get(..10).and_then(|d| d.parse::<NaiveDate>().ok()),
        ) {
            (Some(since), Some(d)) => d >= since,
            _ => true,
        }
    }

    fn ingest_kept(&self, i: &IngestRecord) -> bool {
        let day = i.as_of.as_deref().unwrap_or(&i.ingested_at);
        self.kind.is_none_or(|k| k == i.kind)
            && self.org.as_ref().is_none_or(|o| i.org.as_ref() == Some(o))
            && self.day_kept(day)
    }
}

impl Status {
    /// What `filter` keeps of the status.
    pub fn only(mut self, filter: &Filter) -> Status {
        let rolls = filter.kind.is_none_or(|k| k == Kind::Roll);
        self.snapshots.retain(|s| {
            rolls && filter.org.as_ref().is_none_or(|o| *o == s.org) && filter.day_kept(&s.as_of)
        });
        self.references.retain(|h| {
            filter.org.is_none()
                && filter.since.is_none()
                && filter.kind.is_none_or(|k| k == h.kind)
        });
        let held = self.ingests.len();
        self.ingests.retain(|i| filter.ingest_kept(i));
        self.narrowed |= self.ingests.len() < held;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: &str, kind: &str, org: Option<&str>, as_of: Option<&str>) -> IngestRecord {
        serde_json::from_value(serde_json::json!({
            "id": id, "kind": kind, "file": "f", "sha256": "00", "rows": 1,
            "rejected": 0, "warnings": 0, "ingested_at": "2026-06-01T08:00:00Z",
            "encoding": "utf-8", "part": "p", "part_sha256": "00", "part_bytes": 1,
            "org": org, "as_of": as_of,
        }))
        .expect("a record")
    }

    #[test]
    fn each_filter_keeps_its_ingests() {
        let all = [
            record("y9", "roll", Some("youth"), Some("2026-09-30")),
            record("y10", "roll", Some("youth"), Some("2026-10-31")),
            record("w10", "roll", Some("women"), Some("2026-10-31")),
            record("a1", "areas", None, None),
        ];
        let day = |s: &str| s.parse::<NaiveDate>().ok();
        let cases: [(Filter, &[&str]); 5] = [
            (Filter::default(), &["y9", "y10", "w10", "a1"]),
            (
                Filter {
                    org: Some("youth".into()),
                    ..Default::default()
                },
                &["y9", "y10"],
            ),
            (
                Filter {
                    kind: Some(Kind::Areas),
                    ..Default::default()
                },
                &["a1"],
            ),
            (
                Filter {
                    since: day("2026-10-01"),
                    ..Default::default()
                },
                &["y10", "w10"],
            ),
            (
                Filter {
                    org: Some("women".into()),
                    since: day("2026-10-31"),
                    ..Default::default()
                },
                &["w10"],
            ),
        ];
        for (filter, want) in cases {
            let kept: Vec<&str> = all
                .iter()
                .filter(|i| filter.ingest_kept(i))
                .map(|i| i.id.as_str())
                .collect();
            assert_eq!(kept, want, "{filter:?}");
        }
    }
}
