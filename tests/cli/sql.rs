//! The shipped SQL (sql/coverage.sql, run by sql/run-duckdb.py) gives the same CSV as
//! `tally report`, byte for byte, over the same store. These need Python with the
//! duckdb package, so they are ignored by a plain `cargo test`; `.ci/run` installs
//! DuckDB and runs them with `--ignored`, setting TALLY_PYTHON. Without it they fail.

use crate::bench_smoke::{generated_months, generated_province};
use crate::workdir::Workdir;
use std::path::{Path, PathBuf};
use std::process::Command;

fn python() -> PathBuf {
    PathBuf::from(
        std::env::var_os("TALLY_PYTHON")
            .expect("TALLY_PYTHON must name a python with the duckdb package (.ci/run sets it up)"),
    )
}

/// Runs TALLY_PYTHON with `args`; it must succeed. Its stdout and stderr, as text.
fn run_python<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> (String, String) {
    let out = Command::new(python())
        .args(args)
        .output()
        .expect("run python");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        out.status.success(),
        "python {:?} failed: {stderr}",
        args.iter().map(|a| a.as_ref()).collect::<Vec<_>>()
    );
    (String::from_utf8(out.stdout).expect("UTF-8"), stderr)
}

fn duckdb_report(store: &Path, period: &str) -> String {
    duckdb_series(store, &[period])
}

/// sql/run-duckdb.py over the store with `args`: a period, or `--from A --to B`.
fn duckdb_series(store: &Path, args: &[&str]) -> String {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("sql/run-duckdb.py");
    let mut all = vec![script.into_os_string(), store.as_os_str().to_owned()];
    all.extend(args.iter().map(std::ffi::OsString::from));
    run_python(&all).0
}

/// Twelve monthly snapshots of a generated province (joins and leaves between them):
/// the series SQL equals `tally report --from … --to …` byte for byte, for months,
/// quarters and years, and with another pace window; and the pace columns are there
/// to compare.
#[test]
#[ignore = "needs DuckDB: .ci/run installs it and runs this"]
fn sql_reproduces_the_series_of_a_year_of_months() {
    let w = Workdir::new();
    generated_months(&w, 20_000, 5, 12);
    for args in [
        &["--from", "2025-11", "--to", "2026-10"][..],
        &["--from", "2025-Q4", "--to", "2026-Q4"][..],
        &["--from", "2025", "--to", "2026"][..],
        &["--from", "2026-01", "--to", "2026-09", "--pace-over", "4"][..],
    ] {
        let mut ours_args = vec!["report"];
        ours_args.extend_from_slice(args);
        ours_args.extend_from_slice(&["--format", "csv"]);
        let ours = w.tally(&ours_args).expect(0).stdout;
        let theirs = duckdb_series(&w.store(), args);
        assert!(ours.lines().count() > 50, "{args:?}: rows\n{ours}");
        if ours != theirs {
            let diff: Vec<String> = ours
                .lines()
                .zip(theirs.lines())
                .filter(|(a, b)| a != b)
                .take(5)
                .map(|(a, b)| format!("tally: {a}\nsql:   {b}"))
                .collect();
            panic!("{args:?}: the series SQL differs\n{}", diff.join("\n"));
        }
        if args[1] == "2025-11" {
            // Rows reach their target in a month, and rows with too few points say so.
            let reaches = |l: &str| {
                l.rsplit(',')
                    .next()
                    .is_some_and(|v| v.len() == 7 && v.starts_with("20"))
            };
            assert!(ours.lines().skip(1).any(reaches), "{ours}");
            assert!(ours.contains(",insufficient_data"), "{ours}");
        }
    }
}

/// A report's CSV without a month's four columns against the month before, which the
/// SQL does not compute: they are last and hold no comma, so each line loses its last
/// four fields.
fn without_last_month(csv: &str) -> String {
    if !csv
        .lines()
        .next()
        .is_some_and(|h| h.ends_with(",coverage_change_pp"))
    {
        return csv.to_string();
    }
    csv.lines()
        .map(|l| l.rsplitn(5, ',').last().unwrap_or(l).to_string() + "\n")
        .collect()
}

/// For each period, the SQL's CSV equals tally's, and has rows to compare.
fn same_report(w: &Workdir, periods: &[&str]) {
    for period in periods {
        let ours = w
            .tally(&["report", "--period", period, "--format", "csv"])
            .expect(0)
            .stdout;
        let ours = without_last_month(&ours);
        let theirs = duckdb_report(&w.store(), period);
        assert!(ours.lines().count() > 1, "{period}: no rows\n{ours}");
        if ours != theirs {
            let diff: Vec<String> = ours
                .lines()
                .zip(theirs.lines())
                .filter(|(a, b)| a != b)
                .take(5)
                .map(|(a, b)| format!("tally:  {a}\nduckdb: {b}"))
                .collect();
            panic!(
                "{period}: the SQL differs from tally ({} vs {} lines)\n{}",
                ours.lines().count(),
                theirs.lines().count(),
                diff.join("\n")
            );
        }
    }
}

#[test]
#[ignore = "needs DuckDB: .ci/run installs it and runs this"]
fn sql_reproduces_the_report_of_the_shipped_samples() {
    let w = Workdir::new().with_samples();
    same_report(&w, &["2026-10", "2026-Q3", "2026", "2025-12"]);
    // The spellings an office writes, and half-years: the helper reads them as tally.
    same_report(
        &w,
        &["10/2026", "2026-H2", "6 tháng đầu năm 2026", "quý III/2026"],
    );
    let ours = w
        .tally(&[
            "report",
            "--from",
            "T1/2026",
            "--to",
            "tháng 10/2026",
            "--format",
            "csv",
        ])
        .expect(0)
        .stdout;
    let theirs = duckdb_series(&w.store(), &["--from", "T1/2026", "--to", "tháng 10/2026"]);
    assert_eq!(ours, theirs);
}

/// Departures without a date that the first month of a quarter marked and the later
/// rolls keep (tests/cli/long_periods.rs): the SQL places them on that month's date
/// as tally does, for the months, the quarter, the half-year and the year.
#[test]
#[ignore = "needs DuckDB: .ci/run installs it and runs this"]
fn sql_places_a_departure_on_the_roll_that_first_marked_it() {
    let w = crate::long_periods::store_of_four_months();
    same_report(
        &w,
        &[
            "2026-07", "2026-08", "2026-09", "2026-Q3", "2026-H2", "2026",
        ],
    );
}

/// A departure without a date after a partial roll that did not list the member
/// (tests/cli/long_periods.rs): placed on the roll that marks it, as tally does.
#[test]
#[ignore = "needs DuckDB: .ci/run installs it and runs this"]
fn sql_places_a_departure_after_a_partial_roll() {
    let w = crate::long_periods::store_with_a_partial_february(&[1, 2, 3]);
    same_report(&w, &["2026-02", "2026-03", "2026-Q1", "2026"]);
    let w = crate::long_periods::store_with_a_partial_february(&[1, 2, 3, 4]);
    same_report(&w, &["2026-04", "2026-Q2", "2026-H1", "2026"]);
}

/// Departures a later roll dropped (tests/cli/long_periods.rs): the SQL counts them
/// from the roll that last listed them, as tally does, dated or not.
#[test]
#[ignore = "needs DuckDB: .ci/run installs it and runs this"]
fn sql_counts_the_departures_a_later_roll_dropped() {
    let w = crate::long_periods::store_that_drops_the_departed();
    same_report(
        &w,
        &[
            "2026-09", "2026-10", "2026-11", "2026-12", "2026-Q3", "2026-Q4", "2026-H2", "2026",
        ],
    );
    let w = crate::long_periods::store_that_drops_a_recruit_who_left();
    same_report(&w, &["2026-10", "2026-Q4", "2026"]);
}

/// A partial roll (April: 8 rows after March's 24) is no point of the pace's line in
/// the series SQL either (tests/cli/series.rs works the figures by hand).
#[test]
#[ignore = "needs DuckDB: .ci/run installs it and runs this"]
fn sql_leaves_a_partial_roll_out_of_the_pace() {
    let w = crate::series::half_year_with_a_partial_month();
    let args = ["--from", "2026-01", "--to", "2026-06"];
    let mut ours = vec!["report"];
    ours.extend(args);
    ours.extend(["--format", "csv"]);
    let ours = w.tally(&ours).expect(0).stdout;
    assert!(ours.contains(",0.71,"), "{ours}");
    assert_eq!(ours, duckdb_series(&w.store(), &args));
}

/// sql/periods.py (the SQL helpers' reader of periods) and `tally report --period`
/// read every spelling to the same period, and refuse the same ones.
#[test]
#[ignore = "needs Python: .ci/run sets TALLY_PYTHON and runs this"]
fn the_sql_helpers_read_every_period_as_tally_does() {
    let w = Workdir::new().with_youth_roll();
    let forms = [
        "2026-10",
        "2026-1",
        "10/2026",
        "1/2026",
        "T10/2026",
        "t10-2026",
        "tháng 10/2026",
        "Tháng 10 năm 2026",
        "THÁNG 3/2026",
        "2026-Q3",
        "2026-q4",
        "Q3/2026",
        "quý III/2026",
        "Quý 3/2026",
        "quý IV.2026",
        "2026-H1",
        "2026-h2",
        "6 tháng đầu năm 2026",
        "6 tháng cuối năm 2026",
        "2026",
        "năm 2026",
        "Năm 2026",
        "this-month",
        "last-month",
        "this-year",
        "last-year",
        " 2026-10 ",
        "2026-13",
        "13/2026",
        "quý V/2026",
        "2026-Q5",
        "2026-H3",
        "26-10",
        "10/26",
        "2026/10",
        "x",
        "",
    ];
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("sql/periods.py");
    let mut all = vec![script.into_os_string()];
    all.extend(forms.iter().map(std::ffi::OsString::from));
    let (theirs, _) = run_python(&all);
    let theirs: Vec<&str> = theirs
        .lines()
        .map(|l| l.split('\t').nth(1).unwrap_or(""))
        .collect();
    assert_eq!(theirs.len(), forms.len(), "{theirs:?}");
    for (form, theirs) in forms.iter().zip(theirs) {
        let run = w.tally(&["report", "--period", form, "--format", "json"]);
        let ours = if run.code == 0 {
            let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
            v["rows"][0]["period"]
                .as_str()
                .map(str::to_string)
                .unwrap_or_default()
        } else {
            "-".to_string()
        };
        assert_eq!(
            ours, theirs,
            "{form:?}: tally {ours}, sql/periods.py {theirs}\n{}",
            run.stderr
        );
    }
}

#[test]
#[ignore = "needs DuckDB: .ci/run installs it and runs this"]
fn sql_reproduces_the_report_of_a_generated_province() {
    let w = Workdir::new();
    generated_province(&w, 20_000, 11);
    same_report(&w, &["2026-10", "2026-Q4", "2026"]);
}

/// Denominators at three levels and several years, sub-group denominators, targets
/// with decimals and of another year, an older snapshot, members who left or departed
/// without a date (one of them a member in the previous roll: placed), enterprises of
/// each ownership (one without a headcount), members whose unit the areas no longer
/// have, a province target, and a period after every roll (flows unknown).
#[test]
#[ignore = "needs DuckDB: .ci/run installs it and runs this"]
fn sql_reproduces_the_report_on_the_hard_cases() {
    let w = Workdir::new();
    let areas = "code,name,level,parent_code,ethnic_minority,religious,rural\n\
        15,Lào Cai,province,,no,no,no\n\
        080,Huyện Bát Xát,district,15,yes,no,yes\n\
        081,Thành phố Lào Cai,district,15,no,yes,no\n\
        02647,Phường Lào Cai,commune,081,no,no,no\n\
        02680,Xã Hợp Thành,commune,080,yes,x,yes\n\
        02683,Xã Bát Xát,commune,080,III,,yes\n\
        02686,Xã A Mú Sung,commune,080,có,không,có\n";
    w.write("areas.csv", areas);
    w.write(
        "enterprises.csv",
        "id,name,area_code,ownership,workers\n\
         5300100001,Công ty A,02647,non_state,120\n\
         5300100002,Công ty B,02680,state,\n\
         5300100003,Công ty C,02683,fdi,45\n\
         5300100004,Hợp tác xã D,02683,non_state,7\n",
    );
    w.write(
        "eligible.csv",
        "area_code,org,year,eligible,dimension,group\n\
         15,youth,2026,1000,,\n\
         080,youth,2026,300,,\n\
         02647,youth,2025,90,,\n\
         02647,youth,2026,100,,\n\
         02647,youth,2027,110,,\n\
         02680,youth,2026,50,,\n\
         15,youth,2026,40,ownership,non_state\n\
         15,youth,2026,5,ownership,state\n\
         02647,women,2024,60,,\n\
         02686,women,2026,3,,\n\
         15,union,2026,999,,\n\
         15,veterans,2026,70,,\n",
    );
    w.write(
        "targets.csv",
        "org,year,scope,target_pct\n\
         youth,2026,*,70\n\
         youth,2026,rural=yes,65.125\n\
         youth,2026,ownership=non_state,33.335\n\
         union,2026,*,75\n\
         union,2026,15,77\n\
         women,2025,*,50\n",
    );
    w.ingest_reference();
    // A second file restates one key: the store holds two parts, the later one wins.
    w.write(
        "eligible-fix.csv",
        "area_code,org,year,eligible\n02680,youth,2026,55\n",
    );
    w.tally(&["ingest", "eligible-fix.csv"]).expect(0);
    w.write(
        "youth-10.csv",
        "Họ và tên,Mã xã,Mã số thuế,Ngày vào Đoàn,Ngày ra,Trạng thái\n\
         Nguyễn Văn An,02647,5300100001,01/01/2020,,\n\
         Trần Văn Bình,02647,,15/10/2026,,\n\
         Lê Văn Cường,02680,5300100002,01/01/2019,20/10/2026,Đã ra\n\
         Phạm Văn Dũng,02680,,01/02/2026,,Đã ra\n\
         Hoàng Văn Em,02683,5300100003,01/10/2026,,\n\
         Vũ Văn Giang,02686,,,,\n\
         Đỗ Văn Hải,02683,5300100004,01/09/2026,30/09/2026,\n\
         Trịnh Văn Phúc,02647,,01/01/2018,,Đã ra\n",
    );
    w.write(
        "youth-09.csv",
        "Họ và tên,Mã xã,Ngày vào Đoàn\n\
         Nguyễn Văn An,02647,01/01/2020\n\
         Lê Văn Cường,02680,01/01/2019\n\
         Trịnh Văn Phúc,02647,01/01/2018\n",
    );
    w.write(
        "union.csv",
        "Họ và tên,Mã số thuế,Ngày vào Công đoàn\n\
         Ngô Văn Khoa,5300100001,01/01/2018\n\
         Bùi Văn Long,5300100003,05/10/2026\n\
         Đặng Văn Minh,5300100004,01/01/2015\n",
    );
    w.write(
        "women.csv",
        "Họ và tên,Mã xã,Ngày kết nạp\n\
         Lan Thị Ngọc,02686,01/01/2010\n\
         Mai Thị Oanh,02647,01/01/2010\n",
    );
    for (file, org, as_of) in [
        ("youth-10.csv", "youth", "31/10/2026"),
        ("youth-09.csv", "youth", "30/09/2026"),
        ("union.csv", "union", "31/10/2026"),
        ("women.csv", "women", "15/10/2026"),
    ] {
        w.tally(&["ingest", file, "--org", org, "--as-of", as_of])
            .expect(0);
    }
    // The areas change: 02686 goes, so its members are in a unit the areas do not have.
    let fewer: String = areas
        .lines()
        .filter(|l| !l.starts_with("02686"))
        .map(|l| format!("{l}\n"))
        .collect();
    w.write("areas2.csv", fewer);
    // A second version of the areas, in force (the first is kept, and not read).
    w.tally(&["ingest", "areas2.csv", "--replace"]).expect(0);
    same_report(
        &w,
        &[
            "2026-10", "2026-09", "2026-Q3", "2026-Q4", "2026", "2025-12", "2026-12",
        ],
    );
}

/// Other readers of the roll parts: fastparquet (which reads no DELTA_LENGTH_BYTE_ARRAY,
/// so the keyed hashes are PLAIN) reads every roll part, and finds the rows and the
/// persons DuckDB finds; the writer is named as parquet-mr (Spark) parses a writer.
/// Needs Python with fastparquet and duckdb (TALLY_PYTHON; .ci/run installs both).
#[test]
#[ignore = "needs fastparquet and DuckDB: .ci/run installs them and runs this"]
fn fastparquet_and_duckdb_read_the_same_rows_from_every_roll_part() {
    let w = Workdir::new();
    generated_province(&w, 3_000, 4);
    let m: serde_json::Value = serde_json::from_str(&w.manifest()).unwrap();
    let parts = roll_parts(&w);
    assert!(parts.len() >= 5, "{parts:?}");
    let script = r#"
import sys, duckdb, fastparquet
for p in sys.argv[1:]:
    f = fastparquet.ParquetFile(p)
    df = f.to_pandas()
    ours = sorted(bytes(x).hex() for x in df["person"])
    theirs = sorted(r[0].lower() for r in duckdb.sql(f"select hex(person) from read_parquet('{p}')").fetchall())
    assert ours == theirs, p
    print(len(df), f.created_by.decode() if isinstance(f.created_by, bytes) else f.created_by)
"#;
    let mut all = vec!["-c".to_string(), script.to_string()];
    all.extend(parts.iter().cloned());
    let (said, _) = run_python(&all);
    let rows: u64 = said
        .lines()
        .map(|l| l.split(' ').next().unwrap().parse::<u64>().unwrap())
        .sum();
    let expected: u64 = m["ingests"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["kind"] == "roll")
        .map(|i| i["rows"].as_u64().unwrap())
        .sum();
    assert_eq!(rows, expected);
    let version = concat!("tally version ", env!("CARGO_PKG_VERSION"), " (build 2)");
    assert!(said.lines().all(|l| l.ends_with(version)), "{said}");
}

/// The roll parts of `w`'s store, as paths.
fn roll_parts(w: &Workdir) -> Vec<String> {
    let m: serde_json::Value = serde_json::from_str(&w.manifest()).unwrap();
    m["ingests"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["kind"] == "roll")
        .map(|i| {
            w.store()
                .join(i["part"].as_str().unwrap())
                .display()
                .to_string()
        })
        .collect()
}

/// pyarrow, a reader that checks the format strictly, vouches for tally's Parquet
/// writer: every roll part of three stores (a generated province of 100,000 rows in five
/// organizations, a one-row roll, a roll whose optional columns are
/// all empty) opens with its metadata (rows as the manifest says, 18 columns, each
/// chunk's statistics equal to the values read), reads with full validation, holds
/// both dictionary and plain pages, and the values pyarrow reads give `tally report`'s
/// CSV byte for byte (coverage.sql run by DuckDB over pyarrow's tables, not over
/// DuckDB's own reader). Needs pyarrow and DuckDB (TALLY_PYTHON; .ci/run installs them).
#[test]
#[ignore = "needs pyarrow and DuckDB: .ci/run installs them and runs this"]
fn pyarrow_reads_every_roll_part_and_its_values_give_tallys_report() {
    let big = Workdir::new();
    generated_province(&big, 100_000, 7);
    let one = Workdir::new().with_reference();
    one.write(
        "one.csv",
        "Họ và tên,Mã xã,Giới tính,Ngày sinh,Dân tộc,Tôn giáo,Ngày vào Đoàn\n\
         Nguyễn Văn An,02647,Nam,01/02/2000,Kinh,Không,01/01/2020\n",
    );
    one.tally(&[
        "ingest",
        "one.csv",
        "--org",
        "youth",
        "--as-of",
        "31/10/2026",
    ])
    .expect(0);
    let bare = Workdir::new().with_reference();
    bare.write(
        "bare.csv",
        "Họ và tên,Mã xã\nNguyễn Văn An,02647\nTrần Văn Bình,02680\nLê Văn Cường,02683\n",
    );
    bare.tally(&[
        "ingest",
        "bare.csv",
        "--org",
        "youth",
        "--as-of",
        "31/10/2026",
    ])
    .expect(0);
    let script = r#"
import csv, importlib.util, io, json, pathlib, sys
import duckdb, pyarrow as pa, pyarrow.parquet as pq
spec = importlib.util.spec_from_file_location("run_duckdb", sys.argv[1])
runner = importlib.util.module_from_spec(spec)
spec.loader.exec_module(runner)
store, period = pathlib.Path(sys.argv[2]), sys.argv[3]
manifest = json.loads((store / "manifest.json").read_text(encoding="utf-8"))
tables, encodings = [], set()
for ingest in (i for i in manifest["ingests"] if i["kind"] == "roll"):
    f = pq.ParquetFile(store / ingest["part"])
    meta = f.metadata
    assert meta.num_rows == ingest["rows"], (ingest["part"], meta.num_rows, ingest["rows"])
    assert meta.num_columns == 18, meta.schema
    table = f.read()
    table.validate(full=True)
    for g in range(meta.num_row_groups):
        group = f.read_row_group(g)
        group.validate(full=True)
        for c in range(meta.num_columns):
            chunk = meta.row_group(g).column(c)
            encodings.add("dictionary" if "RLE_DICTIONARY" in chunk.encodings or "PLAIN_DICTIONARY" in chunk.encodings else "plain")
            stats = chunk.statistics
            if stats is None:
                continue
            values = group.column(c)
            assert stats.null_count == values.null_count, (chunk.path_in_schema, stats, values.null_count)
            present = [v for v in values.to_pylist() if v is not None]
            if stats.has_min_max and present:
                assert stats.min == min(present) and stats.max == max(present), (chunk.path_in_schema, stats)
    tables.append(table)
con = duckdb.connect()
runner.define_tables(con, store)
con.execute("DROP VIEW rolls")
rolls = pa.concat_tables(tables)
con.register("rolls", rolls)
cur = con.execute(runner.sql_for(period))
out = io.StringIO()
w = csv.writer(out, lineterminator="\n")
w.writerow([d[0] for d in cur.description])
for row in cur.fetchall():
    w.writerow(["" if v is None else v for v in row])
sys.stdout.write(out.getvalue())
sys.stderr.write(" ".join(sorted(encodings)) + "\n")
"#;
    let runner = Path::new(env!("CARGO_MANIFEST_DIR")).join("sql/run-duckdb.py");
    let mut seen = String::new();
    for w in [&big, &one, &bare] {
        assert!(!roll_parts(w).is_empty());
        let (theirs, encodings) = run_python(&[
            std::ffi::OsStr::new("-c"),
            std::ffi::OsStr::new(script),
            runner.as_os_str(),
            w.store().as_os_str(),
            std::ffi::OsStr::new("2026-10"),
        ]);
        let ours = w
            .tally(&["report", "--period", "2026-10", "--format", "csv"])
            .expect(0)
            .stdout;
        assert_eq!(theirs, without_last_month(&ours));
        seen.push_str(&encodings);
    }
    // Chunks of each kind of data page: dictionary (codes, sexes) and plain (hashes).
    assert!(seen.contains("plain"), "{seen}");
    assert!(seen.contains("dictionary"), "{seen}");
}

/// A roll that empties a commune of the roll before it (April: no row of Lào Cai) is no
/// point of the pace's line in the series SQL either (tests/cli/series.rs works the
/// figures by hand).
#[test]
#[ignore = "needs DuckDB: .ci/run installs it and runs this"]
fn sql_leaves_a_roll_that_empties_a_commune_out_of_the_pace() {
    let w = crate::series::half_year_with_a_commune_missing();
    let args = ["--from", "2026-01", "--to", "2026-06"];
    let mut ours = vec!["report"];
    ours.extend(args);
    ours.extend(["--format", "csv"]);
    let ours = w.tally(&ours).expect(0).stdout;
    assert!(ours.contains(",0.72,"), "{ours}");
    assert_eq!(ours, duckdb_series(&w.store(), &args));
}

/// A commune left out two months running (April and May) leaves both rolls out of the
/// pace in the series SQL too (tests/cli/series.rs works the figures by hand).
#[test]
#[ignore = "needs DuckDB: .ci/run installs it and runs this"]
fn sql_leaves_rolls_that_go_on_lacking_a_commune_out_of_the_pace() {
    let w = crate::series::half_year_with_a_commune_missing_twice();
    for args in [
        &["--from", "2026-01", "--to", "2026-06"][..],
        &["--from", "2026-05", "--to", "2026-06"][..],
    ] {
        let mut ours = vec!["report"];
        ours.extend(args);
        ours.extend(["--format", "csv"]);
        let ours = w.tally(&ours).expect(0).stdout;
        assert_eq!(ours, duckdb_series(&w.store(), args), "{args:?}");
    }
}
