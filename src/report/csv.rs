//! The tidy CSV: plain numbers, sorted rows, formula-safe text.

use super::{plain, values, Options, COLUMNS};
use crate::metrics::Coverage;

pub fn render(cov: &Coverage, opts: &Options) -> anyhow::Result<Vec<u8>> {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let mut header: Vec<&str> = COLUMNS.to_vec();
    if opts.suppressed.is_some() {
        header.push("suppressed");
    }
    w.write_record(&header)?;
    for r in &cov.rows {
        let mut rec: Vec<String> = values(r).iter().map(plain).collect();
        if opts.suppressed.is_some() {
            rec.push(r.suppressed.join(";"));
        }
        w.write_record(&rec)?;
    }
    w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))
}
