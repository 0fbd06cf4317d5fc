//! `tally ingest` said: what happened to each file (stored, already there, nothing
//! valid; how it was read; its notes) in the reader's language, each kind of warning
//! once, and the whole summary as JSON for scripts. The command only prints these.

use serde_json::json;

use crate::ingest::{FileReport, Outcome, Summary};
use crate::lang::{cmd as msg, Lang, Text};
use crate::org::Orgs;
use crate::rows::decode::Encoding;
use crate::store::IngestRecord;
use crate::t;
use crate::value::problem::Problem;

use super::ingest_kinds::note_line;
pub use super::ingest_kinds::Line;
use super::status::kind_name;

/// Each file's lines: what became of it, its notes, and the warnings about it. The
/// sheets of one workbook say each of their notes once, for the workbook.
pub fn files(summary: &Summary, dry_run: bool, lang: Lang) -> Vec<Line> {
    let stored = !dry_run && summary.committed;
    let mut out = Vec::new();
    let files = &summary.files;
    let mut i = 0;
    while i < files.len() {
        let whole = files[i].whole_file();
        let n = files[i..]
            .iter()
            .take_while(|f| f.file != f.whole_file() && f.whole_file() == whole)
            .count()
            .max(1);
        let run: Vec<&FileReport> = files[i..i + n].iter().collect();
        match super::ingest_kinds::book_line(&run, stored, lang, |r| what(r, &summary.orgs, lang)) {
            Some(line) => out.push(Line::Out(line.render(lang))),
            None => {
                for f in &run {
                    file(f, &summary.orgs, stored, lang, &mut out);
                }
            }
        }
        if n == 1 {
            own(run[0], lang, &mut out);
        } else {
            out.extend(super::ingest_kinds::workbook(&run, lang));
        }
        for f in &run {
            for n in &f.file_notes {
                out.push(Line::Out(note_line(f.whole_file(), n, lang)));
            }
            for a in &f.file_alerts {
                out.push(Line::Warn(note_line(f.whole_file(), a, lang)));
            }
        }
        i += n;
    }
    out
}

/// What became of a file.
fn file(f: &FileReport, orgs: &Orgs, stored: bool, lang: Lang, out: &mut Vec<Line>) {
    let name = || Text::from(&f.file);
    let said = |t: Text| Line::Out(t.render(lang));
    match &f.outcome {
        Outcome::AlreadyIngested(ids) => {
            out.push(said(t!(msg::ALREADY_INGESTED, name(), ids.join(", "))));
        }
        Outcome::NothingValid => {
            let line = t!(
                msg::NOTHING_TO_STORE,
                name(),
                Text::Count(f.rows_read),
                Text::Count(f.rejected),
                how(f, lang)
            );
            out.push(said(line));
        }
        Outcome::Ingested(recs) => {
            for r in recs {
                out.push(said(stored_line(f, r, orgs, stored, lang)));
            }
        }
    }
}

/// A file's own notes and warnings (a CSV's, or a workbook's one sheet's).
fn own(f: &FileReport, lang: Lang, out: &mut Vec<Line>) {
    let name = || Text::from(&f.file);
    for n in &f.notes {
        out.push(Line::Out(note_line(&f.file, n, lang)));
    }
    for a in &f.alerts {
        out.push(Line::Warn(note_line(&f.file, a, lang)));
    }
    if !f.ignored_columns.is_empty() {
        let cols: Vec<String> = f
            .ignored_columns
            .iter()
            .map(|c| format!("\"{c}\""))
            .collect();
        let line = t!(msg::IGNORED_COLUMNS, name(), cols.join(", "));
        out.push(Line::Warn(line.render(lang)));
    }
    if !f.totals_rows.is_empty() {
        let lines: Vec<String> = f.totals_rows.iter().map(u64::to_string).collect();
        let line = t!(msg::TOTALS_ROWS, name(), lines.join(", "));
        out.push(Line::Warn(line.render(lang)));
    }
}

/// "FILE: stored N row(s) of the WHAT (ingest ID[, N rejected]; HOW)", or "would
/// store" in a dry run or an ingest that committed nothing.
fn stored_line(f: &FileReport, r: &IngestRecord, orgs: &Orgs, stored: bool, lang: Lang) -> Text {
    let what = what(r, orgs, lang);
    let mut args = vec![
        Text::from(&f.file),
        Text::Count(r.rows),
        what,
        Text::from(&r.id),
    ];
    if f.rejected > 0 {
        args.push(Text::Count(f.rejected));
    }
    args.push(how(f, lang));
    let msg = match (stored, f.rejected > 0) {
        (true, false) => &msg::STORED,
        (false, false) => &msg::WOULD_STORE,
        (true, true) => &msg::STORED_REJECTED,
        (false, true) => &msg::WOULD_STORE_REJECTED,
    };
    Text::Msg(msg, args)
}

/// What an ingest stored: an organization's roll as of a day, or a reference kind.
fn what(r: &IngestRecord, orgs: &Orgs, lang: Lang) -> Text {
    match (&r.org, &r.as_of) {
        (Some(o), Some(d)) => roll_name(orgs, o, d, lang),
        _ => Text::Said(kind_name(r.kind, lang)),
    }
}

/// How the file was read: its encoding (a workbook is none: said as one), separator,
/// header line, and the kind tally found it to be.
fn how(f: &FileReport, lang: Lang) -> Text {
    let encoding = match f.encoding {
        Encoding::Workbook => t!(msg::ENCODING_WORKBOOK),
        Encoding::Utf8DoubleEncoded => t!(msg::ENCODING_DOUBLE),
        other => Text::Said(other.name().to_string()),
    };
    let encoding = match f.delimiter {
        b'\t' => t!(msg::TAB_SEPARATED, encoding),
        b';' => t!(msg::SEMICOLON_SEPARATED, encoding),
        b'|' => t!(msg::PIPE_SEPARATED, encoding),
        _ => encoding,
    };
    if f.kind_detected {
        let kind = Text::Said(kind_name(f.kind, lang));
        t!(msg::HEADER_DETECTED, encoding, f.header_line, kind)
    } else {
        t!(msg::HEADER_ON_LINE, encoding, f.header_line)
    }
}

/// "Women's Union roll as of 2026-10-31", or in Vietnamese "danh sách Hội Liên hiệp
/// Phụ nữ chốt ngày 31/10/2026": the organization's name, never its key (`women`).
fn roll_name(orgs: &Orgs, org: &str, as_of: &str, lang: Lang) -> Text {
    let name = match orgs.parse(org) {
        Some(o) => Text::Said(lang.org_name(&o).to_string()),
        None => Text::from(org),
    };
    let day = as_of
        .parse::<chrono::NaiveDate>()
        .map_or_else(|_| Text::from(as_of), Text::from);
    t!(msg::ROLL_AS_OF, name, day)
}

/// Each kind of warning once: a kind drawn by one row as that row's warning, one drawn
/// by many as what it says, their count and where the first of them are.
pub fn warnings(summary: &Summary, lang: Lang) -> Vec<Text> {
    summary
        .warning_kinds
        .iter()
        .filter_map(|k| super::ingest_kinds::warning(k, lang))
        .collect()
}

fn problem_json(p: &Problem) -> serde_json::Value {
    json!({
        "file": p.file, "line": p.line, "column": p.column, "value": p.value,
        "reason": p.reason, "hint": p.hint,
    })
}

/// `--format json`: the summary as one object.
pub fn json(summary: &Summary, dry_run: bool) -> serde_json::Result<String> {
    let files: Vec<serde_json::Value> = summary
        .files
        .iter()
        .map(|f| {
            let (outcome, ingests) = match &f.outcome {
                Outcome::AlreadyIngested(ids) => ("already_ingested", json!(ids)),
                Outcome::NothingValid => ("nothing_valid", json!([])),
                Outcome::Ingested(recs) => (
                    if dry_run || !summary.committed { "would_store" } else { "stored" },
                    recs.iter()
                        .map(|r| json!({"id": r.id, "kind": r.kind, "org": r.org, "as_of": r.as_of, "rows": r.rows}))
                        .collect(),
                ),
            };
            json!({
                "file": f.file,
                "kind": f.kind.code(),
                "kind_detected": f.kind_detected,
                "encoding": f.encoding.name(),
                "delimiter": (f.delimiter as char).to_string(),
                "header_line": f.header_line,
                "rows_read": f.rows_read,
                "rejected": f.rejected,
                "warnings": f.warnings,
                "ignored_columns": f.ignored_columns,
                "totals_rows": f.totals_rows,
                "notes": f.file_notes.iter().chain(&f.notes).collect::<Vec<_>>(),
                "alerts": f.file_alerts.iter().chain(&f.alerts).collect::<Vec<_>>(),
                "outcome": outcome,
                "ingests": ingests,
            })
        })
        .collect();
    let doc = json!({
        "committed": summary.committed,
        "dry_run": dry_run,
        "files": files,
        "warnings": {
            "total": summary.warnings_total,
            "first": summary.warnings.iter().map(problem_json).collect::<Vec<_>>(),
            "kinds": summary.warning_kinds.iter().map(|k| json!({
                "count": k.count,
                "first": k.first.iter().map(problem_json).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        },
        "rejected": {
            "total": summary.rejected,
            "first": summary.rejects_first.iter().map(problem_json).collect::<Vec<_>>(),
        },
    });
    serde_json::to_string_pretty(&doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::WarningKind;
    use crate::kind::Kind;

    fn record(id: &str, kind: &str, rows: u64, org: Option<&str>) -> IngestRecord {
        serde_json::from_value(json!({
            "id": id, "kind": kind, "file": "f", "sha256": "00", "rows": rows,
            "rejected": 0, "warnings": 0, "ingested_at": "then", "encoding": "utf-8",
            "part": "p", "part_sha256": "00", "part_bytes": 1,
            "org": org, "as_of": org.map(|_| "2026-10-31"),
        }))
        .expect("a record")
    }

    fn file(name: &str, kind: Kind, encoding: Encoding, outcome: Outcome) -> FileReport {
        FileReport {
            file: name.into(),
            kind,
            kind_detected: false,
            encoding,
            delimiter: b',',
            header_line: 4,
            ignored_columns: Vec::new(),
            totals_rows: Vec::new(),
            notes: Vec::new(),
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
            rows_read: 4,
            rejected: 0,
            warnings: 0,
            outcome,
        }
    }

    fn summary(files: Vec<FileReport>, committed: bool) -> Summary {
        Summary {
            files,
            rejected: 0,
            rejects_first: Vec::new(),
            warnings: Vec::new(),
            warnings_total: 0,
            warning_kinds: Vec::new(),
            committed,
            rejects_written: false,
            orgs: crate::org::Orgs::default(),
            warnings_written: false,
        }
    }

    /// A sheet of the youth roll of 31 October 2026 (3 rows stored, 1 rejected); a
    /// semicolon areas file found to be one, with a column nobody asked for and a
    /// totals row; a file ingested before.
    fn three_files() -> Vec<FileReport> {
        let recs = vec![record("r1", "roll", 3, Some("youth"))];
        let mut roll = file(
            "ds.xlsx, sheet \"Chi hội 1\"",
            Kind::Roll,
            Encoding::Workbook,
            Outcome::Ingested(recs),
        );
        roll.rejected = 1;
        let recs = vec![record("a1", "areas", 12, None)];
        let mut areas = file(
            "xa.csv",
            Kind::Areas,
            Encoding::Windows1258,
            Outcome::Ingested(recs),
        );
        areas.delimiter = b';';
        areas.header_line = 2;
        areas.kind_detected = true;
        areas.ignored_columns = vec!["Ghi chú".into()];
        areas.totals_rows = vec![15];
        let again = file(
            "cu.csv",
            Kind::Roll,
            Encoding::Utf8,
            Outcome::AlreadyIngested(vec!["r0".into()]),
        );
        vec![roll, areas, again]
    }

    fn out(s: &str) -> Line {
        Line::Out(s.into())
    }

    fn warn(s: &str) -> Line {
        Line::Warn(s.into())
    }

    #[test]
    fn each_file_is_said_with_how_it_was_read_in_each_language() {
        let s = summary(three_files(), true);
        assert_eq!(
            files(&s, false, Lang::En),
            vec![
                out("ds.xlsx, sheet \"Chi hội 1\": stored 3 row(s) of the Youth Union roll as of 2026-10-31 (ingest r1, 1 rejected; workbook, header on line 4)"),
                out("xa.csv: stored 12 row(s) of the areas (ingest a1; windows-1258, ';'-separated, header on line 2, detected as areas)"),
                warn("xa.csv: ignored column(s) that match no field: \"Ghi chú\""),
                warn("xa.csv: skipped totals row(s) on line(s) 15"),
                out("cu.csv: already ingested (ingest r0); nothing changed"),
            ]
        );
        assert_eq!(
            files(&s, false, Lang::Vi),
            vec![
                out("ds.xlsx, trang tính \"Chi hội 1\": đã lưu 3 dòng của danh sách Đoàn Thanh niên chốt ngày 31/10/2026 (lần nạp r1, loại 1 dòng; sổ tính, dòng tiêu đề 4)"),
                out("xa.csv: đã lưu 12 dòng của danh mục địa bàn (lần nạp a1; windows-1258, phân cách bằng ';', dòng tiêu đề 2, nhận ra là tệp danh mục địa bàn)"),
                warn("xa.csv: bỏ qua cột không khớp trường nào: \"Ghi chú\""),
                warn("xa.csv: bỏ qua dòng tổng cộng ở dòng 15"),
                out("cu.csv: đã nạp trước đây (lần nạp r0); không thay đổi gì"),
            ]
        );
    }

    /// Found by review: three sheets that each read the sex of 4 members from the ID
    /// said 4 for the workbook; the counts add up.
    #[test]
    fn a_workbooks_sheets_counts_of_sex_from_the_id_add_up() {
        let sheets: Vec<FileReport> = ["A", "B", "C"]
            .iter()
            .map(|s| {
                let recs = vec![record(s, "roll", 4, Some("veterans"))];
                let name = format!("ccb.xlsx, sheet \"{s}\"");
                let mut f = file(
                    &name,
                    Kind::Roll,
                    Encoding::Workbook,
                    Outcome::Ingested(recs),
                );
                f.notes.push(crate::t!(
                    crate::lang::ingest::SEX_FROM_ID,
                    crate::lang::Text::Count(4)
                ));
                f
            })
            .collect();
        let lines = files(&summary(sheets, true), false, Lang::En);
        assert!(
            lines.iter().any(|l| matches!(l, Line::Out(s) if s.contains("(3 sheets: \"A\", \"B\", \"C\"): read the sex of 12 member(s)"))),
            "{lines:?}"
        );
    }

    #[test]
    fn a_dry_run_or_an_ingest_that_stored_nothing_says_would() {
        let mut files3 = three_files();
        files3.truncate(1);
        let lines = files(&summary(files3.clone(), false), false, Lang::En);
        assert!(
            matches!(&lines[0], Line::Out(s) if s.contains(": would store 3 row(s) of the Youth Union roll"))
        );
        let lines = files(&summary(files3, true), true, Lang::Vi);
        assert!(
            matches!(&lines[0], Line::Out(s) if s.contains(": sẽ lưu 3 dòng của danh sách Đoàn Thanh niên"))
        );
        let mut nothing = file(
            "x.csv",
            Kind::Roll,
            Encoding::Utf16Le,
            Outcome::NothingValid,
        );
        nothing.rejected = 4;
        nothing.delimiter = b'\t';
        assert_eq!(
            files(&summary(vec![nothing], false), false, Lang::Vi),
            vec![out("x.csv: đọc 4 dòng, loại 4 dòng; không có gì để lưu (utf-16le, phân cách bằng tab, dòng tiêu đề 4)")]
        );
    }

    #[test]
    fn a_warning_drawn_by_many_rows_is_said_once_with_its_count_and_places() {
        let p = |file: &str, line| Problem::new(file, line, Some("Ngày sinh"), "1890", "too old");
        let sheet = "ds.xlsx, sheet \"S\"";
        let mut s = summary(Vec::new(), true);
        s.warning_kinds = vec![
            WarningKind {
                count: 1_234,
                first: vec![p(sheet, 3), p(sheet, 9), p("b.csv", 4)],
            },
            WarningKind {
                count: 2,
                first: vec![p("b.csv", 5), p("b.csv", 6)],
            },
            WarningKind {
                count: 1,
                first: vec![Problem::new("a.csv", 7, None, "", "odd")],
            },
        ];
        let said =
            |lang| -> Vec<String> { warnings(&s, lang).iter().map(|t| t.render(lang)).collect() };
        assert_eq!(
            said(Lang::En),
            vec![
                "column \"Ngày sinh\": too old, on 1,234 rows (ds.xlsx, sheet \"S\" rows 3, 9; b.csv lines 4, …)",
                "column \"Ngày sinh\": too old, on 2 rows (b.csv lines 5, 6)",
                "a.csv:7: odd",
            ]
        );
        assert_eq!(
            said(Lang::Vi)[0],
            "cột \"Ngày sinh\": too old, ở 1.234 dòng (ds.xlsx, trang tính \"S\" dòng 3, 9; b.csv dòng 4, …)"
        );
    }

    #[test]
    fn the_json_keeps_english_codes() {
        let doc: serde_json::Value =
            serde_json::from_str(&json(&summary(three_files(), true), false).expect("json"))
                .expect("parses");
        assert_eq!(doc["files"][0]["outcome"], "stored");
        assert_eq!(doc["files"][0]["encoding"], "workbook");
        assert_eq!(doc["files"][1]["delimiter"], ";");
        assert_eq!(doc["files"][1]["ingests"][0]["rows"], 12);
        assert_eq!(doc["files"][2]["outcome"], "already_ingested");
        assert_eq!(doc["rejected"]["total"], 0);
    }
}
