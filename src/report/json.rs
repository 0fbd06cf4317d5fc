//! JSON: the tidy rows as objects (numbers as numbers, percentages with two decimals),
//! with the notes as data a script can check (`kind` and its fields) and as text.

use super::{note_text, to_json, values, Options, Value, COLUMNS};
use crate::metrics::{Coverage, Note};
use serde_json::{json, Map, Number};

pub fn render(cov: &Coverage, opts: &Options) -> anyhow::Result<Vec<u8>> {
    let units = super::has_units(cov);
    let sized = super::sized::shown(cov);
    let rows: Vec<serde_json::Value> = cov
        .rows
        .iter()
        .map(|r| {
            let mut obj = Map::new();
            for (k, v) in COLUMNS.iter().zip(values(r)) {
                obj.insert(k.to_string(), to_json(&v));
            }
            if units {
                obj.insert(super::UNIT_NAME.into(), to_json(&super::unit_name(r)));
            }
            if opts.suppressed.is_some() {
                obj.insert("suppressed".into(), json!(r.suppressed));
            }
            let against = super::against::values(cov, r);
            for (k, v) in super::against::COLUMNS.iter().zip(against) {
                obj.insert(k.to_string(), to_json(&v));
            }
            if sized {
                for (k, v) in super::sized::COLUMNS.iter().zip(super::sized::values(r)) {
                    obj.insert(k.to_string(), to_json(&v));
                }
            }
            serde_json::Value::Object(obj)
        })
        .collect();
    let notes = cov
        .notes
        .iter()
        .map(|n| note(n, opts))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let mut out = Map::new();
    out.insert("rows".into(), serde_json::Value::Array(rows));
    out.insert("rankings".into(), json!(rankings(cov)));
    out.insert("notes".into(), json!(notes));
    if let Some(t) = &cov.units {
        out.insert("units".into(), super::units::json(t, opts));
    }
    out.insert("lists".into(), super::lists::json(cov));
    if let Some(last) = &cov.against {
        out.insert("previous_period".into(), json!(last.period.label));
    }
    if let Some(n) = opts.suppressed {
        out.insert(
            "suppressed_cells".into(),
            serde_json::Value::Number(Number::from(n)),
        );
    }
    let mut bytes = serde_json::to_vec_pretty(&serde_json::Value::Object(out))?;
    bytes.push(b'\n');
    Ok(bytes)
}

/// The units to urge and to replicate, in order, as data.
fn rankings(cov: &Coverage) -> Vec<serde_json::Value> {
    super::ranked_list(cov)
        .map(|(list, rank, r)| {
            json!({
                "list": list,
                "rank": rank,
                "org": r.org.code(),
                "level": r.level,
                "code": r.code,
                "name": r.name,
                "members": r.members,
                "eligible": r.eligible,
                "coverage_pct": to_json(&Value::Pct(r.coverage_pct)),
                "target_pct": to_json(&Value::Pct(r.target_pct)),
                "gap_pp": to_json(&Value::Pct(r.gap_pp)),
            })
        })
        .collect()
}

/// A note as data: what kind it is, whom it concerns (its fields, by derive), and the
/// sentence a person reads.
fn note(n: &Note, opts: &Options) -> anyhow::Result<serde_json::Value> {
    let mut v = serde_json::to_value(n)?;
    if let serde_json::Value::Object(obj) = &mut v {
        obj.insert("text".into(), json!(note_text(n, opts.lang)));
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;
    use crate::report::{labels::Lang, Format};

    #[test]
    fn rows_rankings_and_notes_as_data() {
        let opts = fixture::options(Format::Json, Lang::En);
        let out = render(&fixture::coverage(), &opts).expect("json");
        let v: serde_json::Value = serde_json::from_slice(&out).expect("json");
        assert_eq!(v["rows"][0]["coverage_pct"].to_string(), "3.33");
        assert_eq!(v["rows"][0]["gap_pp"].to_string(), "-26.67");
        assert_eq!(v["rows"][1]["members"], serde_json::Value::Null);
        assert_eq!(
            v["rows"][1]["suppressed"],
            json!(["members", "coverage_pct", "gap_pp"])
        );
        assert_eq!(v["rankings"][0]["name"], "Xã Bát Xát");
        assert_eq!(v["rankings"][0]["coverage_pct"].to_string(), "5.00");
        assert_eq!(
            v["notes"][0],
            json!({
                "kind": "missing_snapshot",
                "org": "women",
                "text": "Women's Union: no roll as of the period's end or earlier; its numbers are missing, not zero"
            })
        );
        assert_eq!(v["suppressed_cells"], 3);
        assert!(out.ends_with(b"}\n"));
    }

    /// Each note's fields by derive, in the order scripts have read them.
    #[test]
    fn notes_keep_their_fields_and_order() {
        let d = |m, day| chrono::NaiveDate::from_ymd_opt(2026, m, day).expect("a day");
        let org = crate::org::Org::Youth;
        let cases = [
            (
                Note::StaleSnapshot {
                    org: org.clone(),
                    as_of: d(9, 30),
                    flows: crate::metrics::StaleFlows::Unknown,
                },
                r#"{"kind":"stale_snapshot","org":"youth","as_of":"2026-09-30","flows":"unknown"}"#,
            ),
            (
                Note::Seam {
                    org: org.clone(),
                    previous: d(9, 30),
                    previous_members: 10,
                    start: 11,
                    added: 2,
                    joined_since: 1,
                    absent: 1,
                    dated: 0,
                    moved: 3,
                },
                r#"{"kind":"seam","org":"youth","previous_as_of":"2026-09-30","previous_members":10,"members_start":11,"added":2,"joined_since_previous":1,"absent":1,"dated":0,"moved":3}"#,
            ),
            (
                Note::CoverageAbove100 {
                    org: org.clone().into(),
                    dimension: "commune".into(),
                    group: "02647".into(),
                    name: "Xã Bát Xát".into(),
                    pct: 10250,
                },
                r#"{"kind":"coverage_above_100","org":"youth","dimension":"commune","group":"02647","name":"Xã Bát Xát","coverage_pct":102.50}"#,
            ),
            (
                Note::UnitAbove100(fixture::coverage().lagging[0].clone()),
                r#"{"kind":"unit_above_100","org":"youth","level":"commune","code":"02647","name":"Xã Bát Xát","members":3,"eligible":60,"coverage_pct":5.00}"#,
            ),
        ];
        for (note, want) in cases {
            assert_eq!(serde_json::to_string(&note).expect("json"), want);
        }
    }
}
