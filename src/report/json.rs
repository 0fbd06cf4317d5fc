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
    let notes: Vec<serde_json::Value> = cov.notes.iter().map(|n| note(n, opts)).collect();
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

/// A note as data: what kind it is, whom it concerns, and the sentence a person reads.
fn note(n: &Note, opts: &Options) -> serde_json::Value {
    let mut v = match n {
        Note::MissingSnapshot { org } => json!({"kind": "missing_snapshot", "org": org.code()}),
        Note::StaleSnapshot {
            org,
            as_of,
            flows_known,
        } => json!({
            "kind": "stale_snapshot",
            "org": org.code(),
            "as_of": as_of.to_string(),
            "flows": if *flows_known { "through_as_of" } else { "unknown" },
        }),
        Note::MissingEligible { org, year } => {
            json!({"kind": "missing_eligible", "org": org.code(), "year": year})
        }
        Note::MissingTargets { org, year } => {
            json!({"kind": "missing_targets", "org": org.code(), "year": year})
        }
        Note::PlacedDepartures {
            org,
            count,
            previous,
            as_of,
        } => json!({
            "kind": "placed_departures",
            "org": org.code(),
            "count": count,
            "previous_as_of": previous.to_string(),
            "as_of": as_of.to_string(),
        }),
        Note::Seam {
            org,
            previous,
            previous_members,
            start,
            added,
            absent,
            dated,
            moved,
        } => json!({
            "kind": "seam",
            "org": org.code(),
            "previous_as_of": previous.to_string(),
            "previous_members": previous_members,
            "members_start": start,
            "added": added,
            "absent": absent,
            "dated": dated,
            "moved": moved,
        }),
        Note::FirstRollDepartures { org, as_of, count } => json!({
            "kind": "first_roll_departures",
            "org": org.code(),
            "as_of": as_of.to_string(),
            "count": count,
        }),
        Note::MissingSheets {
            org,
            as_of,
            previous,
            sheets,
        } => json!({
            "kind": "missing_sheets",
            "org": org.code(),
            "as_of": as_of.to_string(),
            "previous_as_of": previous.to_string(),
            "sheets": sheets,
        }),
        Note::EmptiedUnits {
            org,
            as_of,
            previous,
            units,
        } => json!({
            "kind": "emptied_units",
            "org": org.code(),
            "as_of": as_of.to_string(),
            "previous_as_of": previous.to_string(),
            "units": units,
        }),
        Note::ShrunkUnits {
            org,
            as_of,
            previous,
            units,
        } => json!({
            "kind": "shrunk_units",
            "org": org.code(),
            "as_of": as_of.to_string(),
            "previous_as_of": previous.to_string(),
            "units": units,
        }),
        Note::Mapped { org, as_of, rows } => json!({
            "kind": "mapped",
            "org": org.code(),
            "as_of": as_of.to_string(),
            "rows": rows,
        }),
        Note::RollSize {
            org,
            as_of,
            rows,
            previous,
            previous_rows,
        } => json!({
            "kind": "roll_size",
            "org": org.code(),
            "as_of": as_of.to_string(),
            "rows": rows,
            "previous_as_of": previous.to_string(),
            "previous_rows": previous_rows,
        }),
        Note::UnitAbove100(u) => json!({
            "kind": "unit_above_100",
            "org": u.org.code(),
            "level": u.level,
            "code": u.code,
            "name": u.name,
            "members": u.members,
            "eligible": u.eligible,
            "coverage_pct": to_json(&Value::Pct(u.coverage_pct)),
        }),
        Note::UnitsWithoutDenominator { org, units } => {
            json!({"kind": "units_without_denominator", "org": org.code(), "units": units})
        }
        Note::CoverageAbove100 {
            org,
            dimension,
            group,
            name,
            pct,
        } => json!({
            "kind": "coverage_above_100",
            "org": org.code(),
            "dimension": dimension,
            "group": group,
            "name": name,
            "coverage_pct": to_json(&Value::Pct(*pct)),
        }),
        Note::UnknownAreas {
            org,
            members,
            codes,
        } => json!({
            "kind": "unknown_areas",
            "org": org.code(),
            "members": members,
            "codes": codes,
        }),
    };
    if let serde_json::Value::Object(obj) = &mut v {
        obj.insert("text".into(), json!(note_text(n, opts.lang)));
    }
    v
}
