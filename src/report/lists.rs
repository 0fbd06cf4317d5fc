//! The lists to act on, as each renderer lays them out: a CSV table each
//! (`--table to_visit`, `fallen_to_zero`, `not_reported`), the JSON's `lists`, a sheet
//! each in the workbook, and a section each where a person reads (the first
//! [`SHOWN`] of an organization, then how many more and where to find them all).

use serde_json::json;

use super::labels::Lang;
use super::section::Section;
use super::Value;
use crate::lang::lists::*;
use crate::metrics::lists::{ToVisit, UnitChange};
use crate::metrics::Coverage;

/// The three lists, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    ToVisit,
    FallenToZero,
    NotReported,
}

impl List {
    pub const ALL: [List; 3] = [List::ToVisit, List::FallenToZero, List::NotReported];

    /// The list's name: its JSON key and its `--table`.
    pub fn key(self) -> &'static str {
        match self {
            List::ToVisit => "to_visit",
            List::FallenToZero => "fallen_to_zero",
            List::NotReported => "not_reported",
        }
    }

    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            List::ToVisit => LIST_TO_VISIT.text(lang),
            List::FallenToZero => LIST_FALLEN_TO_ZERO.text(lang),
            List::NotReported => LIST_NOT_REPORTED.text(lang),
        }
    }

    /// The machine names of its columns (CSV, JSON, the sheet's second header).
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            List::ToVisit => &TO_VISIT_COLUMNS,
            List::FallenToZero | List::NotReported => &UNIT_COLUMNS,
        }
    }

    fn units(self, cov: &Coverage) -> &[UnitChange] {
        match self {
            List::FallenToZero => &cov.lists.fallen_to_zero,
            List::NotReported => &cov.lists.not_reported,
            List::ToVisit => &[],
        }
    }
}

pub const TO_VISIT_COLUMNS: [&str; 7] = [
    "period",
    "org",
    "tax_code",
    "name",
    "area_code",
    "area_name",
    "workers",
];

pub const UNIT_COLUMNS: [&str; 8] = [
    "period",
    "org",
    "level",
    "code",
    "name",
    "members_before",
    "previous_as_of",
    "as_of",
];

/// Rows an organization shows of a list where a person reads.
pub const SHOWN: usize = 20;

fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

fn opt_text(s: &Option<String>) -> Value {
    s.as_deref().map(text).unwrap_or(Value::Empty)
}

fn visit_values(period: &str, v: &ToVisit) -> Vec<Value> {
    vec![
        text(period),
        text(v.org.code()),
        text(&v.id),
        text(&v.name),
        opt_text(&v.area_code),
        opt_text(&v.area_name),
        v.workers.map(Value::Count).unwrap_or(Value::Empty),
    ]
}

fn unit_values(period: &str, u: &UnitChange) -> Vec<Value> {
    vec![
        text(period),
        text(u.org.code()),
        text(&u.level),
        text(&u.code),
        text(&u.name),
        // Only `--min-cell` leaves it out.
        u.members_before
            .map(Value::Count)
            .unwrap_or(Value::Suppressed),
        Value::Text(u.previous_as_of.to_string()),
        Value::Text(u.as_of.to_string()),
    ]
}

/// A list's rows, cells in the order of its columns.
pub fn rows(cov: &Coverage, list: List) -> Vec<Vec<Value>> {
    let period = super::period_label(cov);
    match list {
        List::ToVisit => (cov.lists.to_visit.iter())
            .map(|v| visit_values(&period, v))
            .collect(),
        _ => (list.units(cov).iter())
            .map(|u| unit_values(&period, u))
            .collect(),
    }
}

/// The organization of each of a list's rows.
pub fn orgs(cov: &Coverage, list: List) -> Vec<crate::org::Org> {
    match list {
        List::ToVisit => cov.lists.to_visit.iter().map(|v| v.org.clone()).collect(),
        _ => list.units(cov).iter().map(|u| u.org.clone()).collect(),
    }
}

/// The JSON's `lists`: each list's rows as objects of its columns.
pub fn json(cov: &Coverage) -> serde_json::Value {
    let mut out = serde_json::Map::new();
    for list in List::ALL {
        let rows: Vec<serde_json::Value> = rows(cov, list)
            .into_iter()
            .map(|r| {
                let obj: serde_json::Map<String, serde_json::Value> = (list.columns().iter())
                    .skip(1)
                    .zip(r.iter().skip(1))
                    .map(|(k, v)| (k.to_string(), super::to_json(v)))
                    .collect();
                serde_json::Value::Object(obj)
            })
            .collect();
        out.insert(list.key().into(), json!(rows));
    }
    serde_json::Value::Object(out)
}

/// The lists as sections of the tables a person reads (empty ones are left out by the
/// renderers), each organization's first [`SHOWN`] rows.
pub fn sections(cov: &Coverage, lang: Lang) -> Vec<Section> {
    List::ALL
        .into_iter()
        .map(|list| {
            let head = match list {
                List::ToVisit => vec![
                    lang.column("org").to_string(),
                    COL_TAX_CODE.text(lang).to_string(),
                    COL_ENTERPRISE.text(lang).to_string(),
                    COL_COMMUNE.text(lang).to_string(),
                    COL_WORKERS.text(lang).to_string(),
                ],
                _ => vec![
                    lang.column("org").to_string(),
                    lang.text("unit").to_string(),
                    COL_MEMBERS_BEFORE.text(lang).to_string(),
                    COL_PREVIOUS_ROLL.text(lang).to_string(),
                    COL_THIS_ROLL.text(lang).to_string(),
                ],
            };
            let people: Vec<(String, Vec<String>)> = match list {
                List::ToVisit => (cov.lists.to_visit.iter())
                    .map(|v| (v.org.code().to_string(), visit_cells(v, lang)))
                    .collect(),
                _ => (list.units(cov).iter())
                    .map(|u| (u.org.code().to_string(), unit_cells(u, lang)))
                    .collect(),
            };
            Section {
                key: list.key(),
                title: list.title(lang).to_string(),
                head,
                body: shortened(people, list, lang),
                text_cols: if list == List::ToVisit { 4 } else { 2 },
            }
        })
        .collect()
}

fn visit_cells(v: &ToVisit, lang: Lang) -> Vec<String> {
    let commune = match (&v.area_code, &v.area_name) {
        (Some(c), Some(n)) => format!("{c} {n}"),
        (Some(c), None) => c.clone(),
        _ => String::new(),
    };
    vec![
        lang.org(&v.org.clone().into()).to_string(),
        v.id.clone(),
        v.name.clone(),
        commune,
        v.workers.map(|n| lang.count(n)).unwrap_or_default(),
    ]
}

fn unit_cells(u: &UnitChange, lang: Lang) -> Vec<String> {
    vec![
        lang.org(&u.org.clone().into()).to_string(),
        format!("{} {}", u.code, u.name),
        u.members_before
            .map(|n| lang.count(n))
            .unwrap_or_else(|| "…".into()),
        lang.date(&u.previous_as_of.to_string()),
        lang.date(&u.as_of.to_string()),
    ]
}

/// Each organization's first [`SHOWN`] rows (`rows`: (org, cells), in the list's
/// order), then a row that says how many more and where all of them are.
fn shortened(rows: Vec<(String, Vec<String>)>, list: List, lang: Lang) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        let org = &rows[i].0;
        let n = rows[i..].iter().take_while(|(o, _)| o == org).count();
        for (_, cells) in rows[i..i + n.min(SHOWN)].iter() {
            out.push(cells.clone());
        }
        if n > SHOWN {
            let width = rows[i].1.len();
            let mut more = vec![String::new(); width];
            more[0] = rows[i].1[0].clone();
            more[1] = crate::t!(LIST_MORE, n - SHOWN, list.key()).render(lang);
            out.push(more);
        }
        i += n;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::lists::Lists;
    use crate::org::Org;

    fn visit(i: usize) -> ToVisit {
        ToVisit {
            org: Org::Union,
            id: format!("53001{i:05}"),
            name: format!("Công ty {i}"),
            area_code: Some("02647".into()),
            area_name: Some("Phường Lào Cai".into()),
            workers: Some(100 - i as u64),
        }
    }

    /// A person reads the first 20 of 23, then how many more and where all are; the
    /// CSV's rows and the JSON hold all 23.
    #[test]
    fn a_long_list_is_cut_where_a_person_reads() {
        let mut cov = super::super::fixture::coverage();
        cov.lists = Lists {
            to_visit: (0..23).map(visit).collect(),
            ..Lists::default()
        };
        let s = &sections(&cov, Lang::Vi)[0];
        assert_eq!(s.body.len(), 21);
        assert_eq!(
            s.body[20][1],
            "… và 3 mục khác (đầy đủ: --format csv --table to_visit)"
        );
        assert_eq!(s.body[0][3], "02647 Phường Lào Cai");
        assert_eq!(rows(&cov, List::ToVisit).len(), 23);
        assert_eq!(json(&cov)["to_visit"][22]["workers"], 78);
        assert_eq!(json(&cov)["to_visit"][0]["tax_code"], "5300100000");
    }
}
