//! The tidy CSV: plain numbers, sorted rows, formula-safe text. With `--table urge` or
//! `replicate`, the ranking instead.

use super::{plain, values, Options, Table, Value, COLUMNS, RANKING_COLUMNS};
use crate::metrics::Coverage;

pub fn render(cov: &Coverage, opts: &Options) -> anyhow::Result<Vec<u8>> {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    match opts.table {
        Table::Rows => {
            let units = super::has_units(cov);
            let mut header: Vec<&str> = COLUMNS.to_vec();
            if units {
                header.push(super::UNIT_NAME);
            }
            if opts.suppressed.is_some() {
                header.push("suppressed");
            }
            if super::against::shown(cov) {
                header.extend(super::against::COLUMNS);
            }
            let sized = super::sized::shown(cov);
            if sized {
                header.extend(super::sized::COLUMNS);
            }
            w.write_record(&header)?;
            for r in &cov.rows {
                let mut rec: Vec<String> = values(r).iter().map(plain).collect();
                if units {
                    rec.push(plain(&super::unit_name(r)));
                }
                if opts.suppressed.is_some() {
                    rec.push(r.suppressed.names().join(";"));
                }
                rec.extend(super::against::values(cov, r).iter().map(plain));
                if sized {
                    rec.extend(super::sized::values(r).iter().map(plain));
                }
                w.write_record(&rec)?;
            }
        }
        Table::Units => {
            if let Some(t) = &cov.units {
                super::units::csv(t, opts, &mut w)?;
            }
        }
        Table::List(list) => {
            w.write_record(list.columns())?;
            for r in super::lists::rows(cov, list) {
                w.write_record(r.iter().map(plain))?;
            }
        }
        Table::Urge | Table::Replicate => {
            let want = if opts.table == Table::Urge {
                "urge"
            } else {
                "replicate"
            };
            w.write_record(RANKING_COLUMNS)?;
            let period = super::period_label(cov);
            for (list, rank, r) in super::ranked_list(cov).filter(|(l, _, _)| *l == want) {
                let text = |s: &str| plain(&Value::Text(s.to_string()));
                w.write_record([
                    text(&period),
                    list.to_string(),
                    rank.to_string(),
                    text(r.org.code()),
                    text(&r.level),
                    text(&r.code),
                    text(&r.name),
                    r.members.to_string(),
                    r.eligible.to_string(),
                    plain(&Value::Pct(r.coverage_pct)),
                    plain(&Value::Pct(r.target_pct)),
                    plain(&Value::Pct(r.gap_pp)),
                ])?;
            }
        }
    }
    w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))
}

#[cfg(test)]
mod tests {
    use super::super::fixture;
    use super::*;
    use crate::report::{labels::Lang, Format};

    #[test]
    fn rows_with_the_blanked_cells_named() {
        let opts = fixture::options(Format::Csv, Lang::Vi);
        let out = render(&fixture::coverage(), &opts).expect("csv");
        assert_eq!(
            String::from_utf8(out).expect("utf-8"),
            "period,org,dimension,group,members,members_start,recruited,left,eligible,coverage_pct,recruit_rate_pct,target_pct,gap_pp,enterprises,enterprises_reached,snapshot_as_of,suppressed\n\
             2026-10,youth,total,all,3,2,1,0,90,3.33,1.14,30.00,-26.67,,,2026-10-31,\n\
             2026-10,youth,ethnic_minority,yes,,5,0,3,40,,0.00,30.00,,,,2026-10-31,members;coverage_pct;gap_pp\n"
        );
    }

    #[test]
    fn the_units_to_urge() {
        let mut opts = fixture::options(Format::Csv, Lang::En);
        opts.table = Table::Urge;
        let out = render(&fixture::coverage(), &opts).expect("csv");
        assert_eq!(
            String::from_utf8(out).expect("utf-8"),
            "period,list,rank,org,level,code,name,members,eligible,coverage_pct,target_pct,gap_pp\n\
             2026-10,urge,1,youth,commune,02647,Xã Bát Xát,3,60,5.00,30.00,-25.00\n"
        );
    }
}
