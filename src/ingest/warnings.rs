//! The per-row warnings of an ingest, gathered by kind: the summary says each kind once,
//! with its count and its first rows, however many rows draw it (a roll of men under
//! the Women's Union draws thousands of one warning).

use std::hash::{Hash, Hasher};

use crate::value::problem::Problem;

/// Warnings kept in order of the file, for `--format json`.
pub(super) const WARNINGS_KEPT: usize = 20;
/// Rows kept of each kind, to show where it starts.
pub(super) const FIRST_OF_KIND: usize = 5;
/// Kinds told apart; warnings of further kinds are counted with the last one.
const KINDS_KEPT: usize = 64;

/// One kind of warning: how many rows drew it, and the first of them.
#[derive(Debug, Clone)]
pub struct WarningKind {
    pub count: u64,
    pub first: Vec<Problem>,
}

/// The first warnings, in file order, how many there were in all, and each kind.
#[derive(Default)]
pub(crate) struct Warnings {
    pub first: Vec<Problem>,
    pub total: u64,
    pub kinds: Vec<WarningKind>,
    /// The kind's index by its key (see [`kind_key`]).
    index: rustc_hash::FxHashMap<u64, usize>,
    /// Where every warning is written (`--warnings`).
    pub file: Option<super::warnings_file::WarningsFile>,
}

impl Warnings {
    /// Warnings counted, and each written to `file` when one is given.
    pub(crate) fn writing(file: Option<super::warnings_file::WarningsFile>) -> Warnings {
        Warnings {
            file,
            ..Warnings::default()
        }
    }

    pub(crate) fn note(&mut self, warnings: Vec<Problem>) {
        self.total += warnings.len() as u64;
        for w in warnings {
            if let Some(f) = &mut self.file {
                f.push(&w);
            }
            let key = kind_key(&w);
            let at = match self.index.get(&key) {
                Some(&i) => i,
                None if self.kinds.len() < KINDS_KEPT => {
                    self.kinds.push(WarningKind {
                        count: 0,
                        first: Vec::new(),
                    });
                    self.index.insert(key, self.kinds.len() - 1);
                    self.kinds.len() - 1
                }
                None => self.kinds.len() - 1,
            };
            let kind = &mut self.kinds[at];
            kind.count += 1;
            if kind.first.len() < FIRST_OF_KIND {
                kind.first.push(w.clone());
            }
            if self.first.len() < WARNINGS_KEPT {
                self.first.push(w);
            }
        }
    }
}

/// What makes two warnings one kind: the column and the reason, with the numbers in it
/// left out ("aged 45: …" and "aged 52: …" are one kind). Hashed, not copied: a roll
/// may draw a warning on every row.
fn kind_key(p: &Problem) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    p.column.hash(&mut h);
    let mut digits = false;
    let en;
    let reason = match &p.reason {
        crate::lang::Text::Plain(s) => s.as_str(),
        t => {
            en = t.en();
            en.as_str()
        }
    };
    for b in reason.bytes() {
        let digit = b.is_ascii_digit();
        if !digit {
            b.hash(&mut h);
        } else if !digits {
            b'#'.hash(&mut h);
        }
        digits = digit;
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warning(line: u64, column: &str, reason: &str) -> Problem {
        Problem::new("roll.csv", line, Some(column), "", reason)
    }

    #[test]
    fn warnings_of_one_kind_are_counted_once_with_their_first_rows() {
        let mut w = Warnings::default();
        let mut batch = Vec::new();
        for line in 2..1_002 {
            batch.push(warning(
                line,
                "Giới tính",
                "a man in the Women's Union roll",
            ));
            if line % 100 == 0 {
                let age = 10 + line / 100;
                batch.push(warning(
                    line,
                    "Ngày sinh",
                    &format!("aged {age}: the Women's Union is for women aged 18+"),
                ));
            }
        }
        w.note(batch);
        assert_eq!(w.total, 1_010);
        assert_eq!(w.first.len(), WARNINGS_KEPT);
        let counts: Vec<u64> = w.kinds.iter().map(|k| k.count).collect();
        assert_eq!(counts, [1_000, 10]);
        let lines: Vec<u64> = w.kinds[0].first.iter().map(|p| p.line).collect();
        assert_eq!(lines, [2, 3, 4, 5, 6]);
        assert_eq!(w.kinds[1].first[0].line, 100);
        // Another column is another kind, though the reason reads the same.
        w.note(vec![warning(
            5,
            "Họ tên",
            "a man in the Women's Union roll",
        )]);
        assert_eq!(w.kinds.len(), 3);
    }
}
