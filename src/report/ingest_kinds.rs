//! The ingest's summary at the scale of a province's month: a kind of warning drawn by
//! thousands of rows is one line with its count and its first places, and what every
//! sheet of a 23-sheet workbook says alike (a column nobody maps, a totals row, codes
//! whose zeros Excel dropped) is one line for the workbook, not one per sheet.

use crate::ingest::{FileReport, WarningKind};
use crate::lang::{cmd as said, ingest as msg, Lang, Msg, Text};
use crate::t;
use crate::value::problem::Problem;

/// A line of the summary: for stdout, or a warning for stderr (said in order, so that
/// a file's warnings come right after its lines).
#[derive(Debug, Clone, PartialEq)]
pub enum Line {
    Out(String),
    Warn(String),
}

/// A note of a file's summary, after the file's name, in the reader's language: a
/// message of the language layer by its own texts, an older English sentence through
/// the catalogue (which knows it with the file's name before it).
pub(super) fn note_line(file: &str, note: &Text, lang: Lang) -> String {
    match note {
        Text::Plain(s) => Text::Plain(format!("{file}: {s}")).render(lang),
        t => {
            let place = crate::messages::sheet_word(file, lang);
            format!("{place}: {}", t.render(lang))
        }
    }
}

/// Places shown of a kind of warning, or of the sheets a note is said for.
const PLACES_SHOWN: usize = 5;
const SHEETS_SHOWN: usize = 3;

/// Notes whose number is a count of the sheet's rows or cells: the workbook's is their
/// sum. Any other note is said for the workbook only where its sheets say it alike.
/// (Told apart by their English: a `const` has no one address to compare.)
const ADDITIVE: [&Msg; 5] = [
    &crate::lang::reference::PADDED_AREA_CODES,
    // Found by review: 3 sheets of 4 said 4, not 12.
    &crate::lang::ingest::SEX_FROM_ID,
    &msg::FILLED_FROM_MERGED,
    &msg::READ_TCVN3_CELLS,
    &msg::READ_VNI_CELLS,
];

/// A kind of warning: the first row's warning as it is when one row draws it; else
/// what it says (column, reason, hint: the value differs row to row) "on N rows" and
/// where the first of them are.
pub(super) fn warning(kind: &WarningKind, lang: Lang) -> Option<Text> {
    let first = kind.first.first()?;
    if kind.count == 1 {
        return Some(Text::Said(first.render(lang)));
    }
    let mut what = String::new();
    if let Some(c) = &first.column {
        what.push_str(&format!("{} \"{c}\": ", said::COLUMN_LABEL.text(lang)));
    }
    what.push_str(&first.reason.render(lang));
    if let Some(h) = &first.hint {
        let label = said::HINT_LABEL.text(lang);
        what.push_str(&format!(" ({label}: {})", h.render(lang)));
    }
    let more = kind.count > kind.first.len() as u64;
    Some(t!(
        msg::ON_ROWS,
        Text::Said(what),
        Text::Count(kind.count),
        Text::Said(places(&kind.first, more, lang))
    ))
}

/// `thang10.xlsx, sheet "Cụm 1" rows 5, 6, 7, …` (`r.csv lines 4, 5`): the rows of
/// each file in turn, and an ellipsis when there are more.
fn places(first: &[Problem], more: bool, lang: Lang) -> String {
    let mut groups: Vec<(&str, Vec<String>)> = Vec::new();
    for p in first.iter().take(PLACES_SHOWN) {
        match groups.last_mut() {
            Some((file, lines)) if *file == p.file => lines.push(p.line.to_string()),
            _ => groups.push((&p.file, vec![p.line.to_string()])),
        }
    }
    let n = groups.len();
    let said: Vec<String> = groups
        .into_iter()
        .enumerate()
        .map(|(i, (file, mut lines))| {
            if more && i + 1 == n {
                lines.push("…".into());
            }
            let m = match (is_sheet(file), lines.len() == 1) {
                (true, true) => &msg::SHEET_ROW,
                (true, false) => &msg::SHEET_ROWS,
                (false, true) => &msg::FILE_LINE,
                (false, false) => &msg::FILE_LINES,
            };
            let place = crate::messages::sheet_word(file, lang).into_owned();
            t!(*m, Text::Said(place), Text::Said(lines.join(", "))).render(lang)
        })
        .collect();
    said.join("; ")
}

fn is_sheet(file: &str) -> bool {
    file.ends_with('"') && file.contains(", sheet \"")
}

/// The sheet's name of `file, sheet "S"`.
fn sheet_name(file: &str) -> &str {
    file.split_once(", sheet \"")
        .map_or(file, |(_, s)| s.trim_end_matches('"'))
}

/// A workbook whose sheets each stored (or would store) one part of the same snapshot,
/// in one line: the workbook, its sheets, the rows and rejects added up, the first
/// ingest IDs (`tally drop FILE` drops them together). None when its sheets went to
/// several snapshots or kinds, or one of them was not stored: each sheet is said.
pub(super) fn book_line(
    sheets: &[&FileReport],
    stored: bool,
    lang: Lang,
    what: impl Fn(&crate::store::IngestRecord) -> Text,
) -> Option<Text> {
    let mut recs = Vec::new();
    for f in sheets {
        match &f.outcome {
            crate::ingest::Outcome::Ingested(r) if r.len() == 1 => recs.push(&r[0]),
            _ => return None,
        }
    }
    let first = recs.first()?;
    let same = |r: &&crate::store::IngestRecord| {
        (r.kind, &r.org, &r.as_of) == (first.kind, &first.org, &first.as_of)
    };
    if recs.len() < 2 || !recs.iter().all(same) {
        return None;
    }
    let ids: Vec<String> = recs.iter().map(|r| r.id.clone()).collect();
    let rejected: u64 = sheets.iter().map(|f| f.rejected).sum();
    let rejected = if rejected > 0 {
        t!(msg::BOOK_REJECTED, Text::Count(rejected))
    } else {
        Text::Said(String::new())
    };
    let m = if stored {
        &msg::BOOK_STORED
    } else {
        &msg::BOOK_WOULD_STORE
    };
    Some(t!(
        *m,
        sheets[0].whole_file(),
        Text::Count(sheets.len() as u64),
        Text::Count(recs.iter().map(|r| r.rows).sum()),
        what(first),
        Text::Said(few_ids(&ids, lang)),
        rejected
    ))
}

/// The first three IDs, and how many in all.
fn few_ids(ids: &[String], lang: Lang) -> String {
    const SHOWN: usize = 3;
    let mut said: Vec<String> = ids.iter().take(SHOWN).cloned().collect();
    if ids.len() > SHOWN {
        let n = Text::Count(ids.len() as u64);
        said.push(t!(crate::lang::cmd::MORE_INGESTS, n).render(lang));
    }
    said.join(" ")
}

/// What a note says, with what makes two sheets' notes one.
struct Said {
    key: String,
    text: Text,
    sheets: Vec<String>,
    warn: bool,
}

/// A note's key: its English, or for a count of rows its message and other arguments
/// (the counts are added up).
fn key(text: &Text) -> String {
    match text {
        Text::Msg(m, args) if ADDITIVE.iter().any(|a| a.en == m.en) => {
            let rest: Vec<String> = args
                .iter()
                .filter(|a| count(a).is_none())
                .map(Text::en)
                .collect();
            format!("{}\u{1}{}", m.en, rest.join("\u{1}"))
        }
        t => t.en(),
    }
}

fn count(t: &Text) -> Option<u64> {
    match t {
        Text::Count(n) => Some(*n),
        Text::Plain(s) => s.parse().ok(),
        _ => None,
    }
}

/// Adds `b`'s counts into `a` (two notes of one key), where the message is a count
/// of rows ([`ADDITIVE`]): other notes of one key say the same, numbers and all (the
/// signature block on line 13 of each sheet is on line 13, not 52).
fn add(a: &mut Text, b: &Text) {
    if let (Text::Msg(m, xs), Text::Msg(_, ys)) = (a, b) {
        if !ADDITIVE.iter().any(|a| a.en == m.en) {
            return;
        }
        for (x, y) in xs.iter_mut().zip(ys) {
            if let (Some(m), Some(n)) = (count(x), count(y)) {
                *x = Text::Count(m + n);
            }
        }
    }
}

/// The notes, alerts, unmapped columns and totals rows of a workbook's sheets, each
/// said once: for the one sheet that says it, or for the workbook and its sheets.
pub(super) fn workbook(sheets: &[&FileReport], lang: Lang) -> Vec<Line> {
    let mut all: Vec<Said> = Vec::new();
    let mut put = |sheet: &str, text: Text, warn: bool| {
        let k = key(&text);
        match all.iter_mut().find(|s| s.key == k && s.warn == warn) {
            Some(s) => {
                add(&mut s.text, &text);
                s.sheets.push(sheet.to_string());
            }
            None => all.push(Said {
                key: k,
                text,
                sheets: vec![sheet.to_string()],
                warn,
            }),
        }
    };
    let mut totals: Vec<(String, u64)> = Vec::new();
    for f in sheets {
        for n in &f.notes {
            put(&f.file, n.clone(), false);
        }
        for a in &f.alerts {
            put(&f.file, a.clone(), true);
        }
        if !f.ignored_columns.is_empty() {
            let cols: Vec<String> = f
                .ignored_columns
                .iter()
                .map(|c| format!("\"{c}\""))
                .collect();
            put(
                &f.file,
                t!(msg::IGNORED_COLUMNS_HERE, cols.join(", ")),
                true,
            );
        }
        totals.extend(f.totals_rows.iter().map(|l| (f.file.clone(), *l)));
    }
    let whole = sheets.first().map_or("", |f| f.whole_file());
    let mut out = Vec::new();
    for s in all {
        let line = if s.sheets.len() == 1 {
            note_line(&s.sheets[0], &s.text, lang)
        } else {
            let mut names: Vec<String> = s
                .sheets
                .iter()
                .take(SHEETS_SHOWN)
                .map(|f| format!("\"{}\"", sheet_name(f)))
                .collect();
            if s.sheets.len() > SHEETS_SHOWN {
                names.push("…".into());
            }
            let n = Text::Count(s.sheets.len() as u64);
            t!(msg::IN_SHEETS, whole, n, names.join(", "), s.text).render(lang)
        };
        out.push(if s.warn {
            Line::Warn(line)
        } else {
            Line::Out(line)
        });
    }
    if !totals.is_empty() {
        let shown: Vec<String> = totals
            .iter()
            .take(SHEETS_SHOWN)
            .map(|(f, l)| {
                let sheet = t!(msg::SHEET_NAMED, sheet_name(f));
                t!(msg::SHEET_ROW, sheet, l.to_string()).render(lang)
            })
            .chain((totals.len() > SHEETS_SHOWN).then(|| "…".to_string()))
            .collect();
        let n = Text::Count(totals.len() as u64);
        let line = t!(msg::TOTALS_ROWS_HERE, n, shown.join(", "));
        out.push(Line::Warn(note_line(whole, &line, lang)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Outcome;
    use crate::kind::Kind;
    use crate::rows::decode::Encoding;

    /// A sheet of `thang10.xlsx` with its notes, unmapped columns and totals rows.
    fn sheet(name: &str, notes: Vec<Text>, columns: &[&str], totals: &[u64]) -> FileReport {
        FileReport {
            file: format!("thang10.xlsx, sheet \"{name}\""),
            kind: Kind::Roll,
            kind_detected: true,
            encoding: Encoding::Workbook,
            delimiter: b',',
            header_line: 4,
            ignored_columns: columns.iter().map(|c| c.to_string()).collect(),
            totals_rows: totals.to_vec(),
            notes,
            alerts: Vec::new(),
            file_notes: Vec::new(),
            file_alerts: Vec::new(),
            corrects: None,
            mapped: Default::default(),
            padded: 0,
            sex_from_id: 0,
            own_list: None,
            undated: Default::default(),
            units: Default::default(),
            rows_read: 0,
            rejected: 0,
            warnings: 0,
            outcome: Outcome::NothingValid,
        }
    }

    fn padded(n: u64) -> Text {
        t!(crate::lang::reference::PADDED_AREA_CODES, Text::Count(n))
    }

    #[test]
    fn what_the_sheets_say_alike_is_said_once_for_the_workbook() {
        let said = |sheets: &[FileReport], lang| -> Vec<String> {
            let refs: Vec<&FileReport> = sheets.iter().collect();
            workbook(&refs, lang)
                .into_iter()
                .map(|l| match l {
                    Line::Out(s) => s,
                    Line::Warn(s) => format!("warn {s}"),
                })
                .collect()
        };
        let odd = Text::from("skipped the signature block on line(s) 40");
        let signed = || t!(crate::lang::ingest::SKIPPED_SIGNATURE, "13");
        let cases: [(Vec<FileReport>, Lang, &[&str]); 4] = [
            // The same line of each sheet is that line, not their sum (52 before).
            (
                vec![sheet("Cụm 1", vec![signed()], &[], &[]), sheet("Cụm 2", vec![signed()], &[], &[])],
                Lang::En,
                &["thang10.xlsx (2 sheets: \"Cụm 1\", \"Cụm 2\"): skipped the signature block on line(s) 13"],
            ),
            // Counts of rows are added up; an unmapped column said alike, once.
            (
                vec![
                    sheet("Cụm 1", vec![padded(320)], &["Ghi chú"], &[325]),
                    sheet("Cụm 2", vec![padded(1_000)], &["Ghi chú"], &[]),
                    sheet("Cụm 3", vec![padded(680)], &["Ghi chú"], &[700]),
                    sheet("Cụm 4", vec![padded(1)], &["Ghi chú"], &[9]),
                ],
                Lang::En,
                &[
                    "thang10.xlsx (4 sheets: \"Cụm 1\", \"Cụm 2\", \"Cụm 3\", …): read 2,001 unit code(s) that had lost their leading zeros with the zeros put back (3127 as 03127, a commune's code of 5 digits)",
                    "warn thang10.xlsx (4 sheets: \"Cụm 1\", \"Cụm 2\", \"Cụm 3\", …): ignored column(s) that match no field: \"Ghi chú\"",
                    "warn thang10.xlsx: skipped 3 totals row(s) (sheet \"Cụm 1\" row 325, sheet \"Cụm 3\" row 700, sheet \"Cụm 4\" row 9)",
                ],
            ),
            // What one sheet says is said for that sheet.
            (
                vec![sheet("Cụm 1", vec![odd], &[], &[]), sheet("Cụm 2", Vec::new(), &[], &[])],
                Lang::En,
                &["thang10.xlsx, sheet \"Cụm 1\": skipped the signature block on line(s) 40"],
            ),
            (
                vec![
                    sheet("Cụm 1", vec![padded(1_500)], &[], &[12]),
                    sheet("Cụm 2", vec![padded(20)], &[], &[]),
                ],
                Lang::Vi,
                &[
                    "thang10.xlsx (2 trang tính: \"Cụm 1\", \"Cụm 2\"): đã đọc 1.520 mã đơn vị bị mất số 0 đứng đầu sau khi thêm lại các số 0 đó (3127 là 03127, mã xã có 5 chữ số)",
                    "warn thang10.xlsx: bỏ qua 1 dòng tổng cộng (trang tính \"Cụm 1\" dòng 12)",
                ],
            ),
        ];
        for (sheets, lang, want) in cases {
            assert_eq!(said(&sheets, lang), want);
        }
    }
}
