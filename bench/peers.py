"""The peers' side of bench/run.sh: DuckDB and polars load the synthetic rolls to
Parquet (typed dates, a hashed ID) and count members active at the period's end per
organization, the stock figure of tally's `total` rows. Prints one JSON line per tool.

Usage: python peers.py duckdb|polars DATA_DIR OUT_DIR
"""
import json
import sys
import time

END = "2026-10-31"

# The layout of each roll the generator (examples/synth.rs) writes.
ROLLS = {
    "youth": dict(file="roll-youth.csv", sep=";", skip=2, id="Số định danh cá nhân",
                  joined="Ngày vào Đoàn", left="Ngày ra", status="Trạng thái", fmt="%d/%m/%Y"),
    "women": dict(file="roll-women.csv", sep=",", skip=0, id="Số CCCD",
                  joined="Ngày kết nạp", left="Ngày ra", status="Tình trạng", fmt="%d/%m/%Y"),
    "farmers": dict(file="roll-farmers.csv", sep=",", skip=0, id="national_id",
                    joined="joined_on", left="left_on", status="status", fmt="%Y-%m-%d"),
    "veterans": dict(file="roll-veterans.csv", sep="\t", skip=0, id="CCCD",
                     joined="Ngày vào Hội", left=None, status="Trạng thái", fmt="%d/%m/%Y"),
    "union": dict(file="roll-union.csv", sep=",", skip=0, id="Số CCCD",
                  joined="Ngày vào Công đoàn", left=None, status="Trạng thái", fmt="%d/%m/%Y"),
}
ACTIVE = ["Đang sinh hoạt", "active", ""]


def run_duckdb(data, out):
    import duckdb
    con = duckdb.connect()
    counts = {}
    t0 = time.perf_counter()
    for org, r in ROLLS.items():
        left = f"strptime(NULLIF(\"{r['left']}\", ''), '{r['fmt']}')::DATE" if r["left"] else "NULL::DATE"
        con.execute(f"""
            COPY (
              SELECT sha256(CAST("{r['id']}" AS VARCHAR)) AS person,
                     strptime(NULLIF("{r['joined']}", ''), '{r['fmt']}')::DATE AS joined_on,
                     {left} AS left_on,
                     coalesce("{r['status']}", '') IN ({', '.join(repr(a) for a in ACTIVE)}) AS active
              FROM read_csv('{data}/{r['file']}', delim='{r['sep']}', skip={r['skip']}, header=true,
                            all_varchar=true)
            ) TO '{out}/duckdb-{org}.parquet' (FORMAT parquet)""")
    t_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    for org in ROLLS:
        counts[org] = con.execute(f"""
            SELECT count(*) FROM '{out}/duckdb-{org}.parquet'
            WHERE (joined_on IS NULL OR joined_on <= DATE '{END}')
              AND CASE WHEN left_on IS NOT NULL THEN left_on > DATE '{END}' ELSE active END""").fetchone()[0]
    t_report = time.perf_counter() - t0
    return t_load, t_report, counts


def run_polars(data, out):
    import polars as pl
    counts = {}
    end = pl.lit(END).str.to_date()
    t0 = time.perf_counter()
    for org, r in ROLLS.items():
        df = pl.read_csv(f"{data}/{r['file']}", separator=r["sep"], skip_rows=r["skip"],
                         infer_schema_length=0)
        date = lambda c: pl.col(c).replace("", None).str.to_date(r["fmt"])
        cols = [
            pl.col(r["id"]).cast(pl.Utf8).hash().alias("person"),
            date(r["joined"]).alias("joined_on"),
            (date(r["left"]) if r["left"] else pl.lit(None, dtype=pl.Date)).alias("left_on"),
            pl.col(r["status"]).fill_null("").is_in(ACTIVE).alias("active"),
        ]
        df.select(cols).write_parquet(f"{out}/polars-{org}.parquet")
    t_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    for org in ROLLS:
        df = pl.scan_parquet(f"{out}/polars-{org}.parquet").filter(
            (pl.col("joined_on").is_null() | (pl.col("joined_on") <= end))
            & pl.when(pl.col("left_on").is_not_null()).then(pl.col("left_on") > end).otherwise(pl.col("active"))
        ).select(pl.len()).collect()
        counts[org] = int(df.item())
    t_report = time.perf_counter() - t0
    return t_load, t_report, counts


if __name__ == "__main__":
    tool, data, out = sys.argv[1:4]
    load, report, counts = (run_duckdb if tool == "duckdb" else run_polars)(data, out)
    print(json.dumps({"tool": tool, "load_s": round(load, 3), "report_s": round(report, 3), "members": counts}))
