//! The per-unit table (`--table units`) as cells: its header, in machine names or in
//! the reader's language, and each row's values, for the CSV, the JSON's `units` and
//! the workbook's sheet.

use super::labels::Lang;
use super::{plain, Options, Value};
use crate::metrics::unit_table::{UnitRow, UnitTable, COLUMNS, FLAGS, HEAD};

/// The columns' machine names: the unit's own, its parent levels, its classifications
/// (the areas file's further columns by their names), then the counts.
pub fn header(t: &UnitTable) -> Vec<String> {
    let mut out: Vec<String> = HEAD.iter().map(|s| s.to_string()).collect();
    out.extend(t.parent_levels.iter().cloned());
    out.extend(FLAGS.iter().map(|s| s.to_string()));
    out.extend(t.extra_columns.iter().cloned());
    out.extend(COLUMNS.iter().map(|s| s.to_string()));
    out
}

/// The headings in the reader's language (the workbook's sheet).
pub fn headings(t: &UnitTable, lang: Lang) -> Vec<String> {
    use crate::lang::breakdown as msg;
    header(t)
        .into_iter()
        .map(|key| {
            let said = match key.as_str() {
                "level" => msg::UNIT_LEVEL.text(lang),
                "code" => msg::UNIT_CODE.text(lang),
                "name" => msg::UNIT_NAME.text(lang),
                "women" => msg::UNIT_WOMEN.text(lang),
                "minority_members" => msg::UNIT_MINORITY.text(lang),
                "religious_members" => msg::UNIT_RELIGIOUS.text(lang),
                k => lang.column(k),
            };
            // The areas file's own columns, under the heading the file gave them.
            let own = t.extra_columns.iter().position(|c| *c == key);
            if let Some(heading) = own.and_then(|j| t.extra_headings.get(j)) {
                heading.clone()
            } else if said.is_empty() {
                lang.dimension(&key)
            } else {
                said.to_string()
            }
        })
        .collect()
}

/// A row's values, in [`header`]'s order; a flag is `yes`/`no` (`Có`/`Không` with
/// `said` in Vietnamese).
pub fn values(t: &UnitTable, r: &UnitRow, lang: Option<Lang>) -> Vec<Value> {
    let text = |s: &str| Value::Text(s.to_string());
    let flag = |b: bool| {
        let key = if b { "yes" } else { "no" };
        Value::Text(match lang {
            Some(l) => l.group(key, key),
            None => key.to_string(),
        })
    };
    let hidden = |col: &str| r.suppressed.contains(&col);
    let count = |v: Option<u64>, col: &str| match v {
        Some(n) => Value::Count(n),
        None if hidden(col) => Value::Suppressed,
        None => Value::Empty,
    };
    let pct = |v: Option<i64>, col: &str| match v {
        Some(h) => Value::Pct(h),
        None if hidden(col) => Value::Suppressed,
        None => Value::Empty,
    };
    let level = match lang {
        Some(l) => l.dimension(&t.level),
        None => t.level.clone(),
    };
    let mut out = vec![
        // The period as the other sheets name it (Tháng 10/2026) where a person reads it.
        match lang {
            Some(l) => Value::Text(l.period(&r.period.label)),
            None => text(&r.period.label),
        },
        // The organization by its name where a person reads the row, by its code in
        // the CSV scripts read.
        match lang {
            Some(l) => text(l.org(&r.org)),
            None => text(r.org.code()),
        },
        Value::Text(level),
        text(&r.code),
        text(&r.name),
    ];
    out.extend(r.parents.iter().map(|p| text(p)));
    out.extend([flag(r.ethnic_minority), flag(r.religious), flag(r.rural)]);
    out.extend(r.extra.iter().map(|e| text(e)));
    out.extend([
        count(r.members, "members"),
        count(r.women, "women"),
        count(r.minority, "minority_members"),
        count(r.religious_members, "religious_members"),
        count(r.recruited, "recruited"),
        count(r.left, "left"),
        count(r.members_start, "members_start"),
        count(r.eligible, "eligible"),
        pct(r.coverage_pct, "coverage_pct"),
        // A target is no count: never blanked.
        pct(r.target_pct, ""),
        pct(r.gap_pp, "gap_pp"),
        r.snapshot_as_of
            .map(|d| Value::Text(d.to_string()))
            .unwrap_or(Value::Empty),
    ]);
    out
}

/// The table as CSV records (a `suppressed` column with `--min-cell`).
pub fn csv(t: &UnitTable, opts: &Options, w: &mut ::csv::Writer<Vec<u8>>) -> anyhow::Result<()> {
    let mut head = header(t);
    if opts.suppressed.is_some() {
        head.push("suppressed".into());
    }
    w.write_record(&head)?;
    for r in &t.rows {
        let mut rec: Vec<String> = values(t, r, None).iter().map(plain).collect();
        if opts.suppressed.is_some() {
            rec.push(r.suppressed.join(";"));
        }
        w.write_record(&rec)?;
    }
    Ok(())
}

/// The table as JSON objects with the CSV's columns (numbers as numbers).
pub fn json(t: &UnitTable, opts: &Options) -> serde_json::Value {
    let head = header(t);
    let rows = t
        .rows
        .iter()
        .map(|r| {
            let mut obj = serde_json::Map::new();
            for (k, v) in head.iter().zip(values(t, r, None)) {
                obj.insert(k.clone(), super::to_json(&v));
            }
            if opts.suppressed.is_some() {
                obj.insert("suppressed".into(), serde_json::json!(r.suppressed));
            }
            serde_json::Value::Object(obj)
        })
        .collect();
    serde_json::Value::Array(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::period::Period;
    use crate::org::{Org, OrgOrAny};
    use crate::report::{fixture, Format};

    fn table() -> UnitTable {
        let row = UnitRow {
            period: Period::month(2026, 10).expect("a month"),
            org: OrgOrAny::Org(Org::Women),
            code: "02683".into(),
            name: "=Xã Bát Xát".into(),
            parents: vec!["Tỉnh Lào Cai".into()],
            ethnic_minority: true,
            religious: false,
            rural: true,
            extra: vec!["yes".into()],
            members: Some(12),
            women: Some(12),
            minority: None,
            religious_members: None,
            recruited: Some(1),
            left: Some(0),
            members_start: Some(11),
            eligible: Some(20),
            coverage_pct: Some(6000),
            target_pct: Some(1000),
            gap_pp: Some(5000),
            snapshot_as_of: chrono::NaiveDate::from_ymd_opt(2026, 10, 31),
            suppressed: vec!["religious_members"],
        };
        UnitTable {
            level: "commune".into(),
            parent_levels: vec!["province".into()],
            extra_columns: vec!["vung_cao".into()],
            extra_headings: vec!["Vùng cao".into()],
            rows: vec![row],
        }
    }

    /// Machine names and plain values in CSV (a formula-like name defused); unknown
    /// and blanked both empty, the blanked one named; headings in Vietnamese.
    #[test]
    fn csv_bytes_and_vietnamese_headings() {
        let t = table();
        let opts = fixture::options(Format::Csv, Lang::Vi);
        let mut w = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        csv(&t, &opts, &mut w).expect("csv");
        let out = String::from_utf8(w.into_inner().expect("bytes")).expect("utf-8");
        assert_eq!(
            out,
            "period,org,level,code,name,province,ethnic_minority,religious,rural,vung_cao,members,women,minority_members,religious_members,recruited,left,members_start,eligible,coverage_pct,target_pct,gap_pp,snapshot_as_of,suppressed\n\
             2026-10,women,commune,02683,'=Xã Bát Xát,Tỉnh Lào Cai,yes,no,yes,yes,12,12,,,1,0,11,20,60.00,10.00,50.00,2026-10-31,religious_members\n"
        );
        let head = headings(&t, Lang::Vi);
        assert_eq!(
            &head[2..7],
            [
                "Cấp",
                "Mã đơn vị",
                "Tên đơn vị",
                "Tỉnh",
                "Vùng dân tộc thiểu số"
            ]
        );
        // The areas file's own column under its own heading, not its `--by` name.
        assert_eq!(head[9], "Vùng cao");
        assert_eq!(head[11], "Trong đó: nữ");
        let v = values(&t, &t.rows[0], Some(Lang::Vi));
        assert_eq!(v[6], Value::Text("Có".into()));
        assert_eq!((&v[12], &v[13]), (&Value::Empty, &Value::Suppressed));
    }
}
