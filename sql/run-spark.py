"""Runs sql/coverage.sql (or, for a series, sql/series.sql) in Spark over a tally store
and writes the CSV report as one file, the same bytes as `tally report --format csv`.

    python sql/run-spark.py STORE_DIR PERIOD OUT.csv
    python sql/run-spark.py STORE_DIR --from 2026-01 --to 2026-10 [--pace-over 6] OUT.csv
    spark-submit sql/run-spark.py …   # the same, on a cluster

PERIOD is any spelling `tally report --period` takes (2026-10, 10/2026, 2026-Q3,
quý III/2026, 2026-H2, 2026, last-month, ...: sql/periods.py reads them as tally does),
and --from/--to as `tally report --from A --to B`. The tables are bound from the store's manifest.json, so
exactly the committed parts are read; a reference kind the store lacks is an empty
table with typed columns. OUT.csv is overwritten. Needs pyspark (pip install pyspark;
Spark 4 needs Java 17 or newer; TALLY_SPARK_MEMORY sets the local driver's memory,
4g by default). Run from any directory: the SQL files are found
beside this script. STORE_DIR is a folder the driver reads (its manifest) and the
workers read (its parts): a local path in local mode, a shared mount on a cluster.
"""
import csv
import importlib.util
import json
import os
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent

# Spark types of each reference table's columns, for a store that has not ingested one.
SCHEMAS = {
    "areas": "code STRING, name STRING, level STRING, parent_code STRING, "
             "ethnic_minority BOOLEAN, religious BOOLEAN, rural BOOLEAN",
    "enterprises": "id STRING, name STRING, area_code STRING, ownership STRING, workers BIGINT",
    "eligible": "area_code STRING, org STRING, year INT, eligible BIGINT, dimension STRING, `group` STRING",
    "targets": "org STRING, year INT, scope STRING, target_pct DOUBLE",
}
KEYS = {
    "eligible": ["area_code", "org", "year", "dimension", "group"],
    "targets": ["org", "year", "scope"],
}


def duckdb_runner():
    """sql/run-duckdb.py as a module: its period arithmetic and SQL parameters (it
    imports duckdb only when run itself)."""
    spec = importlib.util.spec_from_file_location("run_duckdb", HERE / "run-duckdb.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def bind_tables(spark, store):
    """The five tables coverage.sql reads, from the parts the manifest lists."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    manifest = json.loads((store / "manifest.json").read_text(encoding="utf-8"))
    ingests = manifest["ingests"]
    parts = lambda kind: [str(store / i["part"]) for i in ingests if i["kind"] == kind]
    rolls = parts("roll")
    if not rolls:
        sys.exit("run-spark: the store has no rolls")
    spark.read.parquet(*rolls).createOrReplaceTempView("rolls")
    for kind, schema in SCHEMAS.items():
        files = parts(kind)
        if not files:
            spark.createDataFrame([], schema).createOrReplaceTempView(kind)
        elif kind in KEYS:
            # One part per file, oldest first: a later file's row replaces an earlier
            # one of the same key (tally keeps eligible counts and targets by key).
            frames = [spark.read.parquet(f).withColumn("file_order", F.lit(n)) for n, f in enumerate(files)]
            df = frames[0]
            for more in frames[1:]:
                df = df.unionByName(more)
            newest = Window.partitionBy(*KEYS[kind]).orderBy(F.col("file_order").desc())
            (df.withColumn("newest", F.row_number().over(newest))
               .where("newest = 1").drop("newest", "file_order")
               .createOrReplaceTempView(kind))
        else:
            spark.read.parquet(files[-1]).createOrReplaceTempView(kind)


def series_query(spark, r, labels, pace_over):
    """Binds coverage (every period and each one's year-earlier period) and
    series_periods, and returns series.sql."""
    wanted = labels + [r.year_before(l) for l in labels if r.year_before(l) not in labels]
    # Each period's report is a few hundred rows: computed one at a time and kept as
    # rows, so that Spark never plans the twenty-odd reports as one query.
    rows, schema = [], None
    for label in wanted:
        df = spark.sql(r.sql_for(label))
        schema = df.schema
        rows.extend(df.collect())
    spark.createDataFrame(rows, schema).createOrReplaceTempView("coverage")
    rows = []
    for n, label in enumerate(labels, start=1):
        start, end = r.period_bounds(label)
        rows.append((label, n, end.year * 12 + end.month - 1, end.month, r.year_before(label), pace_over,
                     start, end))
    spark.createDataFrame(
        rows, "period STRING, n BIGINT, x BIGINT, end_month BIGINT, earlier STRING, pace_over BIGINT, "
        "p_first DATE, p_last DATE"
    ).createOrReplaceTempView("series_periods")
    return (HERE / "series.sql").read_text(encoding="utf-8")


def text(v):
    """A cell as tally writes it: empty for a missing value, dates as 2026-10-31."""
    return "" if v is None else str(v)


def main():
    args = sys.argv[1:]
    series = None
    if len(args) == 3:
        store, label, out = pathlib.Path(args[0]), args[1], pathlib.Path(args[2])
    elif len(args) in (6, 8) and args[1] == "--from" and args[3] == "--to":
        store, out = pathlib.Path(args[0]), pathlib.Path(args[-1])
        pace_over = 6
        if len(args) == 8:
            if args[5] != "--pace-over" or not args[6].isdigit() or int(args[6]) < 4:
                sys.exit("run-spark: --pace-over takes a whole number, 4 or more")
            pace_over = int(args[6])
        series = (args[2], args[4], pace_over)
    else:
        sys.exit(__doc__)
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.appName("tally-report")
             .config("spark.sql.ansi.enabled", "true")
             .config("spark.sql.ansi.doubleQuotedIdentifiers", "true")
             .config("spark.sql.session.timeZone", "UTC")
             .config("spark.ui.showConsoleProgress", "false")
             # Local mode: the driver is the worker; Spark's 1 GB default is too little
             # to broadcast the rolls' joins (spark-submit's own setting wins).
             .config("spark.driver.memory", os.environ.get("TALLY_SPARK_MEMORY", "4g"))
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    r = duckdb_runner()
    bind_tables(spark, store.resolve())
    if series:
        first, last, pace_over = series
        query = series_query(spark, r, r.series_labels(first, last), pace_over)
    else:
        query = r.sql_for(r.periods.read(label, "run-spark").label)
    result = spark.sql(query)
    header = result.columns
    rows = result.collect()  # a report is hundreds of rows: one file, in order
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for row in rows:
            w.writerow([text(v) for v in row])
    spark.stop()


if __name__ == "__main__":
    main()
