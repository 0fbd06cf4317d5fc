"""Runs sql/coverage.sql in DuckDB over a tally store and prints the CSV report.

    python sql/run-duckdb.py STORE_DIR PERIOD > report.csv
    python sql/run-duckdb.py STORE_DIR --from 2026-01 --to 2026-10 [--pace-over 6] > series.csv

PERIOD is any spelling `tally report --period` takes (2026-10, 10/2026, tháng 10/2026,
2026-Q3, quý III/2026, 2026-H2, 6 tháng cuối năm 2026, 2026, last-month, this-year, ...:
sql/periods.py reads them as tally does); --from/--to give a series of months,
quarters, half-years or years, as `tally report --from A --to B` (sql/series.sql over coverage.sql's rows of each period
and of the same period a year before). The tables are defined from the store's manifest.json, so
exactly the committed parts are read (never a part left behind by a crash or a
drop). Needs the duckdb package (pip install duckdb).
"""
import csv
import datetime as dt
import importlib.util
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).parent

# The columns of each reference table, for a store that has not ingested one.
EMPTY = {
    "areas": "code VARCHAR, name VARCHAR, level VARCHAR, parent_code VARCHAR, "
             "ethnic_minority BOOLEAN, religious BOOLEAN, rural BOOLEAN",
    "enterprises": "id VARCHAR, name VARCHAR, area_code VARCHAR, ownership VARCHAR, workers BIGINT",
    "eligible": 'area_code VARCHAR, org VARCHAR, year INTEGER, eligible BIGINT, dimension VARCHAR, "group" VARCHAR',
    "targets": "org VARCHAR, year INTEGER, scope VARCHAR, target_pct DOUBLE",
}


# The key of each reference kind kept by key.
KEYS = {
    "eligible": ["area_code", "org", "year", "dimension", '"group"'],
    "targets": ["org", "year", "scope"],
}


def helper(name):
    """A sibling file of sql/ as a module (this file is run by path, not installed)."""
    spec = importlib.util.spec_from_file_location(name, HERE / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


periods = helper("periods")


def period_bounds(label):
    """First and last day of a period, in any spelling `tally report` takes."""
    p = periods.read(label, "run-duckdb")
    return p.start, p.end


def sql_for(label):
    """The shipped query with its parameters set."""
    start, end = period_bounds(label)
    before = start - dt.timedelta(days=1)
    text = (pathlib.Path(__file__).parent / "coverage.sql").read_text(encoding="utf-8")
    values = [f"'{label}' AS period", f"DATE '{start}' AS p_start",
              f"DATE '{before}' AS p_before", f"DATE '{end}' AS p_end"]
    for name, value in zip(["period", "p_start", "p_before", "p_end"], values):
        text, n = re.subn(r"(?:'[^']*'|DATE '[^']*') AS " + name + r"\b", value, text, count=1)
        if n != 1:
            sys.exit(f"run-duckdb: coverage.sql has no parameter {name}")
    return text


def define_tables(con, store):
    manifest = json.loads((store / "manifest.json").read_text(encoding="utf-8"))
    ingests = manifest["ingests"]
    rolls = [str(store / i["part"]) for i in ingests if i["kind"] == "roll"]
    if not rolls:
        sys.exit("run-duckdb: the store has no rolls")
    con.execute(f"CREATE VIEW rolls AS SELECT * FROM read_parquet({rolls!r})")
    for kind, columns in EMPTY.items():
        parts = [str(store / i["part"]) for i in ingests if i["kind"] == kind]
        if not parts:
            con.execute(f"CREATE TABLE {kind} ({columns})")
        elif kind in KEYS:
            # One part per file, oldest first: a later file's row replaces an earlier
            # one of the same key (tally keeps eligible counts and targets by key).
            union = " UNION ALL ".join(
                f"SELECT *, {n} AS file_order FROM read_parquet('{p}')" for n, p in enumerate(parts))
            key = ", ".join(KEYS[kind])
            con.execute(
                f"CREATE VIEW {kind} AS SELECT * EXCLUDE (file_order, newest) FROM ("
                f"SELECT *, ROW_NUMBER() OVER (PARTITION BY {key} ORDER BY file_order DESC) AS newest "
                f"FROM ({union})) WHERE newest = 1")
        else:
            con.execute(f"CREATE VIEW {kind} AS SELECT * FROM read_parquet('{parts[-1]}')")


def series_labels(first, last):
    """Every period from `first` to `last`, both of one kind, in order, as labels."""
    return [p.label for p in periods.through(first, last, "run-duckdb")]


def year_before(label):
    return str(int(label[:4]) - 1) + label[4:]


def series_sql(con, labels, pace_over):
    """Defines coverage and series_periods for the series, and returns series.sql."""
    wanted = labels + [year_before(l) for l in labels if year_before(l) not in labels]
    for k, label in enumerate(wanted):
        query = sql_for(label)
        if k == 0:
            con.execute(f"CREATE TEMP TABLE coverage AS {query}")
        else:
            con.execute(f"INSERT INTO coverage {query}")
    con.execute("CREATE TEMP TABLE series_periods (period VARCHAR, n BIGINT, x BIGINT, "
                "end_month BIGINT, earlier VARCHAR, pace_over BIGINT, p_first DATE, p_last DATE)")
    for n, label in enumerate(labels, start=1):
        start, end = period_bounds(label)
        con.execute("INSERT INTO series_periods VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [label, n, end.year * 12 + end.month - 1, end.month, year_before(label), pace_over,
                     start, end])
    return (pathlib.Path(__file__).parent / "series.sql").read_text(encoding="utf-8")


def main():
    args = sys.argv[1:]
    if len(args) == 2:
        store, label = pathlib.Path(args[0]), periods.read(args[1], "run-duckdb").label
        series = None
    elif len(args) in (5, 7) and args[1] == "--from" and args[3] == "--to":
        store, label = pathlib.Path(args[0]), None
        pace_over = 6
        if len(args) == 7:
            if args[5] != "--pace-over" or not args[6].isdigit() or int(args[6]) < 4:
                sys.exit("run-duckdb: --pace-over takes a whole number, 4 or more")
            pace_over = int(args[6])
        series = (series_labels(args[2], args[4]), pace_over)
    else:
        sys.exit(__doc__)
    import duckdb

    con = duckdb.connect()
    define_tables(con, store)
    if series:
        cur = con.execute(series_sql(con, *series))
    else:
        cur = con.execute(sql_for(label))
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow([d[0] for d in cur.description])
    for row in cur.fetchall():
        out.writerow(["" if v is None else v for v in row])


if __name__ == "__main__":
    main()
