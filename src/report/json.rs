//! JSON: the tidy rows as objects (numbers as numbers, percentages with two decimals),
//! with the notes as data a script can check (`kind` and its fields) and as text.

use super::{note_text, values, Options, Value, COLUMNS};
use crate::metrics::{Coverage, Note};
use serde_json::{json, Map, Number};

pub(super) fn to_json(v: &Value) -> serde_json::Value {
    match v {
        Value::Text(s) => json!(s),
        Value::Count(n) => json!(n),
        Value::Change(n) => json!(n),
        // Two decimals exactly: build the number from its text.
        Value::Pct(h) => crate::metrics::pct::format(*h)
            .parse::<serde_json::Number>()
            .map(serde_json::Value::Number)
            .unwrap_or(serde_json::Value::Null),
        Value::Empty | Value::Suppressed => serde_json::Value::Null,
    }
}

pub fn render(cov: &Coverage, opts: &Options) -> anyhow::Result<Vec<u8>> {
    let units = super::has_units(cov);
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

