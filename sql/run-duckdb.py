"""Runs sql/coverage.sql in DuckDB over a tally store and prints the CSV report.

    python sql/run-duckdb.py STORE_DIR PERIOD > report.csv

PERIOD is a month (2026-10), a quarter (2026-Q3) or a year (2026), as for
`tally report --period`. The tables are defined from the store's manifest.json, so
exactly the committed parts are read (never a part left behind by a crash or a
drop). Needs the duckdb package (pip install duckdb).
"""
import calendar
import csv
import datetime as dt
import json
import pathlib
import re
import sys

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


def period_bounds(label):
    """First and last day of a month, quarter or year."""
    m = re.fullmatch(r"(\d{4})(?:-(?:(\d{2})|Q([1-4])))?", label)
    if not m:
        sys.exit(f"run-duckdb: bad period {label!r}: give 2026-10, 2026-Q3 or 2026")
    year = int(m.group(1))
    if m.group(2):
        first, last = int(m.group(2)), int(m.group(2))
    elif m.group(3):
        q = int(m.group(3))
        first, last = 3 * q - 2, 3 * q
    else:
        first, last = 1, 12
    start = dt.date(year, first, 1)
    end = dt.date(year, last, calendar.monthrange(year, last)[1])
    return start, end


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


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    import duckdb

    store, label = pathlib.Path(sys.argv[1]), sys.argv[2]
    con = duckdb.connect()
    define_tables(con, store)
    cur = con.execute(sql_for(label))
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow([d[0] for d in cur.description])
    for row in cur.fetchall():
        out.writerow(["" if v is None else v for v in row])


if __name__ == "__main__":
    main()
