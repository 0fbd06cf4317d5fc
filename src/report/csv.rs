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
            w.write_record(&header)?;
            for r in &cov.rows {
                let mut rec: Vec<String> = values(r).iter().map(plain).collect();
                if units {
                    rec.push(plain(&super::unit_name(r)));
                }
                if opts.suppressed.is_some() {
                    rec.push(r.suppressed.names().join(";"));
                }
                w.write_record(&rec)?;
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

