//! What a roll's rows say of the file as a whole, gathered chunk by chunk on the
//! parsing workers and merged in file order: the order of day and month in each date
//! column, and a departure word in a column tally does not read. Either refuses the
//! whole file once every row is read.

use anyhow::Result;

use crate::error::Failure;
use crate::member::stray_words::{stray_columns, stray_refusal, stray_word, StrayWord};
use crate::rows::headers::{Field, Mapping};
use crate::rows::table::Row;
use crate::t;
use crate::value;

const DATE_FIELDS: [Field; 3] = [Field::JoinedOn, Field::LeftOn, Field::BirthDate];

/// Per date column: whether a row can only be day-first, and the first line that can
/// only be month-first; and the first departure word in a column tally does not read.
#[derive(Default)]
pub(super) struct Evidence([(bool, Option<u64>); 3], Option<StrayWord>);

impl Evidence {
    /// What one row says, added to the chunk's.
    pub(super) fn look(&mut self, looks: &Looks, row: &Row, settled: &mut Settled) {
        for &(k, column) in &looks.dates {
            if settled.0[k] {
                continue;
            }
            match value::day_first_evidence(row.get(Some(column))) {
                Some(true) => {
                    self.0[k].0 = true;
                    settled.0[k] = true;
                }
                Some(false) if self.0[k].1.is_none() => self.0[k].1 = Some(row.line),
                _ => {}
            }
        }
        if self.1.is_none() {
            self.1 = stray_word(&looks.stray, looks.mapping, row);
        }
    }

    pub(super) fn merge(&mut self, other: &Evidence) {
        for (mine, theirs) in self.0.iter_mut().zip(other.0.iter()) {
            mine.0 |= theirs.0;
            mine.1 = match (mine.1, theirs.1) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
        }
        if other
            .1
            .as_ref()
            .is_some_and(|o| self.1.as_ref().is_none_or(|s| o.line < s.line))
        {
            self.1 = other.1.clone();
        }
    }

    /// Refuses a file whose dates make sense only month-first: they would be misread
    /// wherever the day is 12 or less.
    pub(super) fn check(&self, file: &str, mapping: &Mapping) -> Result<()> {
        if let Some(w) = &self.1 {
            return Err(stray_refusal(file, &mapping.headers[w.column], w));
        }
        for (k, f) in DATE_FIELDS.iter().enumerate() {
            if let (false, Some(line)) = self.0[k] {
                let header = mapping
                    .index(*f)
                    .map(|i| mapping.headers[i].clone())
                    .unwrap_or_default();
                return Err(Failure::invalid(t!(
                    crate::lang::sources::MONTH_FIRST_COLUMN,
                    file,
                    header,
                    line
                ))
                .hint(t!(crate::lang::sources::EXPORT_DATES_DD_MM))
                .into());
            }
        }
        Ok(())
    }
}

/// What a worker keeps from chunk to chunk of a file: the date columns a chunk it
/// parsed has shown to be day-first. The file is then day-first in such a column
/// whatever the other rows say, so the rest of its rows need no look.
#[derive(Default)]
pub(super) struct Settled([bool; 3]);

/// Where a worker looks in each row of a file: its date columns (with their place in
/// [`DATE_FIELDS`]) and the columns tally does not read.
pub(super) struct Looks<'m> {
    mapping: &'m Mapping,
    dates: Vec<(usize, usize)>,
    stray: Vec<usize>,
}

impl<'m> Looks<'m> {
    pub(super) fn new(mapping: &'m Mapping) -> Looks<'m> {
        let dates = DATE_FIELDS
            .iter()
            .enumerate()
            .filter_map(|(k, f)| Some((k, mapping.index(*f)?)))
            .collect();
        Looks {
            mapping,
            dates,
            stray: stray_columns(mapping),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A chunk of rows whose joining dates are `dates`, from line `first` on, looked at
    /// by the worker that keeps `settled`.
    fn chunk(looks: &Looks, first: u64, dates: &[&str], settled: &mut Settled) -> Evidence {
        let mut e = Evidence::default();
        for (i, d) in dates.iter().enumerate() {
            e.look(
                looks,
                &Row::new(first + i as u64, ["A Văn B", "02647", d]),
                settled,
            );
        }
        e
    }

    fn mapping() -> Mapping {
        let headers = ["Họ và tên", "Mã xã", "Ngày vào Đoàn"].map(String::from);
        let orgs = crate::org::Orgs::default();
        Mapping::build(crate::rows::headers::Kind::Roll, &headers, &orgs)
    }

    #[test]
    fn a_settled_column_never_changes_the_verdict_whatever_the_order_of_chunks() {
        let m = mapping();
        let looks = Looks::new(&m);
        // Two workers. The first proves day-first on line 2, then no longer looks at
        // the column: its later month-first line goes unseen. The second, not settled,
        // sees one.
        let (mut one, mut two) = (Settled::default(), Settled::default());
        let a = chunk(&looks, 2, &["25/05/2020", "03/05/2020"], &mut one);
        let b = chunk(&looks, 4, &["10/31/2020"], &mut one);
        let c = chunk(&looks, 5, &["03/05/2020", "11/30/2020"], &mut two);
        assert_eq!(b.0[0], (false, None), "a settled worker does not look");
        for order in [[&a, &b, &c], [&c, &b, &a], [&b, &c, &a]] {
            let mut file = Evidence::default();
            for e in order {
                file.merge(e);
            }
            assert!(file.check("f.csv", &m).is_ok());
        }
        // Without the day-first line, every chunk looks, and the first month-first
        // line of the file is the one said, whatever order the chunks came in.
        let (mut one, mut two) = (Settled::default(), Settled::default());
        let a = chunk(&looks, 2, &["03/05/2020", "11/30/2020"], &mut one);
        let b = chunk(&looks, 4, &["10/31/2020"], &mut two);
        for order in [[&a, &b], [&b, &a]] {
            let mut file = Evidence::default();
            for e in order {
                file.merge(e);
            }
            let refusal = file.check("f.csv", &m).map(|_| ()).unwrap_err();
            assert!(refusal.to_string().contains("line 3"), "{refusal}");
        }
    }
}
