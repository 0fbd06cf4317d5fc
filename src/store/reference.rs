//! Reference tables ⇄ Parquet frames.

use crate::reference::mapping::{MappedTo, Mapping};
use anyhow::{Context, Result};
use polars::prelude::*;

use super::{part, Manifest};
use crate::org::Orgs;
use crate::reference::{
    Area, Areas, EligibleRow, Enterprise, Enterprises, Ownership, Reference, Scope, Target,
};
use std::path::Path;

fn strs(df: &DataFrame, name: &str) -> Result<Vec<Option<String>>> {
    let col = df
        .column(name)
        .map_err(anyhow::Error::from)
        .with_context(|| format!("column {name} missing"))?;
    let ca = col
        .str()
        .map_err(anyhow::Error::from)
        .with_context(|| format!("column {name} is not text"))?;
    Ok(ca.iter().map(|v| v.map(str::to_string)).collect())
}

fn bools(df: &DataFrame, name: &str) -> Result<Vec<bool>> {
    let ca = df.column(name)?.bool()?.clone();
    Ok(ca.iter().map(|v| v.unwrap_or(false)).collect())
}

fn i64s(df: &DataFrame, name: &str) -> Result<Vec<Option<i64>>> {
    let col = df.column(name)?.cast(&DataType::Int64)?;
    Ok(col.i64()?.iter().collect())
}

fn f64s(df: &DataFrame, name: &str) -> Result<Vec<Option<f64>>> {
    let col = df.column(name)?.cast(&DataType::Float64)?;
    Ok(col.f64()?.iter().collect())
}

fn text(name: &str, v: Vec<Option<String>>) -> Column {
    Series::new(name.into(), v).into_column()
}

pub fn areas_frame(areas: &Areas) -> Result<DataFrame> {
    let u = &areas.units;
    let mut cols = vec![
        text("code", u.iter().map(|a| Some(a.code.clone())).collect()),
        text("name", u.iter().map(|a| Some(a.name.clone())).collect()),
        text("level", u.iter().map(|a| Some(a.level.clone())).collect()),
        text(
            "parent_code",
            u.iter().map(|a| a.parent_code.clone()).collect(),
        ),
        Series::new(
            "ethnic_minority".into(),
            u.iter().map(|a| a.ethnic_minority).collect::<Vec<_>>(),
        )
        .into_column(),
        text(
            "ethnic_region",
            u.iter().map(|a| a.ethnic_region.clone()).collect(),
        ),
        Series::new(
            "religious".into(),
            u.iter().map(|a| a.religious).collect::<Vec<_>>(),
        )
        .into_column(),
        Series::new(
            "rural".into(),
            u.iter().map(|a| a.rural).collect::<Vec<_>>(),
        )
        .into_column(),
    ];
    // Each further column under its heading as the file has it (`x_Vùng cao`): its
    // name for `--by` is the heading folded, as when the file was read.
    for (j, name) in areas.extra_headings.iter().enumerate() {
        cols.push(text(
            &format!("x_{name}"),
            u.iter().map(|a| a.extra.get(j).cloned()).collect(),
        ));
    }
    Ok(DataFrame::new(u.len(), cols)?)
}

pub fn areas_from(df: &DataFrame) -> Result<Areas> {
    let codes = strs(df, "code")?;
    let names = strs(df, "name")?;
    let levels = strs(df, "level")?;
    let parents = strs(df, "parent_code")?;
    let em = bools(df, "ethnic_minority")?;
    let region = strs(df, "ethnic_region")?;
    let rel = bools(df, "religious")?;
    let rural = bools(df, "rural")?;
    let headings: Vec<String> = df
        .get_column_names()
        .iter()
        .filter_map(|n| n.strip_prefix("x_").map(str::to_string))
        .collect();
    let extra_vals: Vec<Vec<Option<String>>> = headings
        .iter()
        .map(|n| strs(df, &format!("x_{n}")))
        .collect::<Result<_>>()?;
    let extra_names = (headings.iter())
        .map(|h| crate::reference::read::dimension_name(h))
        .collect();
    let units = (0..df.height())
        .map(|i| Area {
            code: codes[i].clone().unwrap_or_default(),
            name: names[i].clone().unwrap_or_default(),
            level: levels[i].clone().unwrap_or_default(),
            parent_code: parents[i].clone(),
            ethnic_minority: em[i],
            ethnic_region: region[i].clone(),
            religious: rel[i],
            rural: rural[i],
            extra: extra_vals
                .iter()
                .map(|c| c[i].clone().unwrap_or_default())
                .collect(),
        })
        .collect();
    Ok(Areas::new(units, extra_names).with_headings(headings))
}

pub fn enterprises_frame(e: &Enterprises) -> Result<DataFrame> {
    let r = &e.rows;
    Ok(DataFrame::new(
        r.len(),
        vec![
            text("id", r.iter().map(|x| Some(x.id.clone())).collect()),
            text("name", r.iter().map(|x| Some(x.name.clone())).collect()),
            text("area_code", r.iter().map(|x| x.area_code.clone()).collect()),
            text(
                "ownership",
                r.iter()
                    .map(|x| Some(x.ownership.code().to_string()))
                    .collect(),
            ),
            Series::new(
                "workers".into(),
                r.iter().map(|x| x.workers).collect::<Vec<_>>(),
            )
            .into_column(),
            text(
                GRASSROOTS,
                r.iter()
                    .map(|x| (!x.grassroots.is_empty()).then(|| grassroots_text(x)))
                    .collect(),
            ),
        ],
    )?)
}

/// Since tally kept it: `union=1;youth=0`, whether the enterprise has a grassroots
/// organization of each organization its file said it of; null where it said none
/// (and in enterprises stored before).
const GRASSROOTS: &str = "grassroots";

fn grassroots_text(e: &Enterprise) -> String {
    let each: Vec<String> = e
        .grassroots
        .iter()
        .map(|(o, has)| format!("{}={}", o.code(), u8::from(*has)))
        .collect();
    each.join(";")
}

fn grassroots_of(text: Option<&str>, known: &Orgs) -> Result<Vec<(crate::org::Org, bool)>> {
    let Some(text) = text.filter(|t| !t.is_empty()) else {
        return Ok(Vec::new());
    };
    text.split(';')
        .map(|each| {
            let (code, has) = each.split_once('=').context("bad grassroots in store")?;
            let org = known.parse(code).context("bad grassroots org in store")?;
            Ok((org, has == "1"))
        })
        .collect()
}

pub fn enterprises_from(df: &DataFrame, known: &Orgs) -> Result<Enterprises> {
    let ids = strs(df, "id")?;
    let names = strs(df, "name")?;
    let areas = strs(df, "area_code")?;
    let own = strs(df, "ownership")?;
    let workers = i64s(df, "workers")?;
    // Enterprises stored before the column was kept say nothing of it.
    let told = match df.column(GRASSROOTS) {
        Ok(_) => strs(df, GRASSROOTS)?,
        Err(_) => vec![None; df.height()],
    };
    let mut rows = Vec::with_capacity(df.height());
    for i in 0..df.height() {
        let ownership = own[i]
            .as_deref()
            .and_then(Ownership::parse)
            .context("bad ownership in store")?;
        rows.push(Enterprise {
            id: ids[i].clone().unwrap_or_default(),
            name: names[i].clone().unwrap_or_default(),
            area_code: areas[i].clone(),
            ownership,
            workers: workers[i].map(|w| w as u64),
            grassroots: grassroots_of(told[i].as_deref(), known)?,
        });
    }
    Ok(Enterprises::new(rows))
}

pub fn eligible_frame(rows: &[EligibleRow]) -> Result<DataFrame> {
    Ok(DataFrame::new(
        rows.len(),
        vec![
            text(
                "area_code",
                rows.iter().map(|x| Some(x.area_code.clone())).collect(),
            ),
            text(
                "org",
                rows.iter()
                    .map(|x| Some(x.org.code().to_string()))
                    .collect(),
            ),
            Series::new(
                "year".into(),
                rows.iter().map(|x| x.year).collect::<Vec<_>>(),
            )
            .into_column(),
            Series::new(
                "eligible".into(),
                rows.iter().map(|x| x.eligible).collect::<Vec<_>>(),
            )
            .into_column(),
            text(
                "dimension",
                rows.iter().map(|x| x.dimension.clone()).collect(),
            ),
            text("group", rows.iter().map(|x| x.group.clone()).collect()),
        ],
    )?)
}

pub fn eligible_from(df: &DataFrame, known: &Orgs) -> Result<Vec<EligibleRow>> {
    let areas = strs(df, "area_code")?;
    let orgs = strs(df, "org")?;
    let years = i64s(df, "year")?;
    let counts = i64s(df, "eligible")?;
    let dims = strs(df, "dimension")?;
    let groups = strs(df, "group")?;
    (0..df.height())
        .map(|i| {
            Ok(EligibleRow {
                area_code: areas[i].clone().unwrap_or_default(),
                org: orgs[i]
                    .as_deref()
                    .and_then(|o| known.parse_or_any(o))
                    .context("bad org in store")?,
                year: years[i].unwrap_or_default() as i32,
                eligible: counts[i].unwrap_or_default() as u64,
                dimension: dims[i].clone(),
                group: groups[i].clone(),
            })
        })
        .collect()
}

pub fn targets_frame(rows: &[Target]) -> Result<DataFrame> {
    Ok(DataFrame::new(
        rows.len(),
        vec![
            text(
                "org",
                rows.iter()
                    .map(|x| Some(x.org.code().to_string()))
                    .collect(),
            ),
            Series::new(
                "year".into(),
                rows.iter().map(|x| x.year).collect::<Vec<_>>(),
            )
            .into_column(),
            text(
                "scope",
                rows.iter().map(|x| Some(x.scope.render())).collect(),
            ),
            Series::new(
                "target_pct".into(),
                rows.iter().map(|x| x.target_pct).collect::<Vec<_>>(),
            )
            .into_column(),
        ],
    )?)
}

pub fn targets_from(df: &DataFrame, known: &Orgs) -> Result<Vec<Target>> {
    let orgs = strs(df, "org")?;
    let years = i64s(df, "year")?;
    let scopes = strs(df, "scope")?;
    let pcts = f64s(df, "target_pct")?;
    (0..df.height())
        .map(|i| {
            let scope = scopes[i].clone().unwrap_or_else(|| "*".into());
            let scope = if scope == "*" {
                Scope::All
            } else if let Some((d, g)) = scope.split_once('=') {
                Scope::Group {
                    dimension: d.to_string(),
                    group: g.to_string(),
                }
            } else {
                Scope::Unit(scope)
            };
            Ok(Target {
                org: orgs[i]
                    .as_deref()
                    .and_then(|o| known.parse_or_any(o))
                    .context("bad org in store")?,
                year: years[i].unwrap_or_default() as i32,
                scope,
                target_pct: pcts[i].unwrap_or_default(),
            })
        })
        .collect()
}

pub fn mapping_frame(m: &Mapping) -> Result<DataFrame> {
    let rows: Vec<(&String, &MappedTo)> = m
        .by_old
        .iter()
        .flat_map(|(old, to)| to.iter().map(move |t| (old, t)))
        .collect();
    Ok(DataFrame::new(
        rows.len(),
        vec![
            text(
                "old_code",
                rows.iter().map(|(o, _)| Some(o.to_string())).collect(),
            ),
            text(
                "new_code",
                rows.iter().map(|(_, t)| Some(t.code.clone())).collect(),
            ),
            Series::new(
                "share".into(),
                rows.iter().map(|(_, t)| t.share).collect::<Vec<_>>(),
            )
            .into_column(),
        ],
    )?)
}

pub fn mapping_from(df: &DataFrame) -> Result<Mapping> {
    let olds = strs(df, "old_code")?;
    let news = strs(df, "new_code")?;
    let shares = f64s(df, "share")?;
    let mut m = Mapping::default();
    for i in 0..df.height() {
        let (Some(old), Some(new)) = (olds[i].clone(), news[i].clone()) else {
            anyhow::bail!("bad mapping row in store");
        };
        m.by_old.entry(old).or_default().push(MappedTo {
            code: new,
            share: shares[i],
        });
    }
    Ok(m)
}

pub fn orgs_frame(v: &[crate::org::OrgDef]) -> Result<DataFrame> {
    let age = |f: fn(&crate::org::OrgDef) -> Option<u8>| -> Column {
        Series::new(
            "".into(),
            v.iter().map(|d| f(d).map(u32::from)).collect::<Vec<_>>(),
        )
        .into_column()
    };
    Ok(DataFrame::new(
        v.len(),
        vec![
            text("code", v.iter().map(|d| Some(d.code.clone())).collect()),
            text("name", v.iter().map(|d| Some(d.name.clone())).collect()),
            text(
                "aliases",
                v.iter().map(|d| Some(d.aliases.join(";"))).collect(),
            ),
            age(|d| d.min_age).with_name("min_age".into()),
            age(|d| d.max_age).with_name("max_age".into()),
        ],
    )?)
}

pub fn orgs_from(df: &DataFrame) -> Result<Vec<crate::org::OrgDef>> {
    let codes = strs(df, "code")?;
    let names = strs(df, "name")?;
    let aliases = strs(df, "aliases")?;
    let ages = |c: &str| -> Result<Vec<Option<u8>>> {
        Ok(i64s(df, c)?
            .into_iter()
            .map(|a| a.and_then(|a| u8::try_from(a).ok()))
            .collect())
    };
    let (lo, hi) = (ages("min_age")?, ages("max_age")?);
    Ok((0..df.height())
        .map(|i| crate::org::OrgDef {
            code: codes[i].clone().unwrap_or_default(),
            name: names[i].clone().unwrap_or_default(),
            aliases: aliases[i]
                .as_deref()
                .unwrap_or("")
                .split(';')
                .filter(|a| !a.is_empty())
                .map(str::to_string)
                .collect(),
            min_age: lo[i],
            max_age: hi[i],
        })
        .collect())
}

/// The organizations the store knows: the five and those its orgs file adds (the
/// rolls' and the references' org columns name them).
pub fn orgs(dir: &Path, m: &Manifest) -> Result<Orgs> {
    Ok(match m.reference(crate::kind::Kind::Orgs) {
        Some(rec) => Orgs::new(&orgs_from(&part::read_checked(dir, rec, None)?)?),
        None => Orgs::default(),
    })
}

/// Loads every reference table the store has.
pub fn load(dir: &Path, m: &Manifest) -> Result<Reference> {
    let mut r = Reference {
        orgs: orgs(dir, m)?,
        ..Reference::default()
    };
    if let Some(rec) = m.reference(crate::kind::Kind::Areas) {
        r.areas = areas_from(&part::read_checked(dir, rec, None)?)?;
    }
    if let Some(rec) = m.reference(crate::kind::Kind::Mapping) {
        r.mapping = mapping_from(&part::read_checked(dir, rec, None)?)?;
    }
    if let Some(rec) = m.reference(crate::kind::Kind::Enterprises) {
        r.enterprises = enterprises_from(&part::read_checked(dir, rec, None)?, &r.orgs)?;
    }
    // Keyed kinds: each file's rows join the table, replacing the keys they restate.
    for rec in m.references(crate::kind::Kind::Eligible) {
        let rows = eligible_from(&part::read_checked(dir, rec, None)?, &r.orgs)?;
        r.eligible = crate::reference::history::merge_eligible(&r.eligible, rows).0;
    }
    for rec in m.references(crate::kind::Kind::Targets) {
        let rows = targets_from(&part::read_checked(dir, rec, None)?, &r.orgs)?;
        r.targets = crate::reference::history::merge_targets(&r.targets, rows).0;
    }
    Ok(r)
}
