"""The peers' side of bench/run.sh.

  python peers.py load duckdb|polars DATA_DIR OUT_DIR
      load the synthetic rolls to Parquet (typed dates, a hashed ID) and count the
      members active at the period's end per organization: the ingest comparison.
  python peers.py report duckdb|polars STORE_DIR PERIOD OUT_CSV
      compute tally's default report from tally's own store (the same Parquet parts
      and reference tables) and write it as tally's CSV: the report comparison.
      duckdb runs sql/coverage.sql; polars scans and aggregates the member rows with
      its lazy engine (streaming), then finishes the few thousand per-unit cells.

Prints one JSON line with the time measured inside the process (interpreter start
and imports excluded).
"""
import calendar
import collections
import csv
import datetime as dt
import importlib.util
import json
import math
import pathlib
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


def load_duckdb(data, out):
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


def load_polars(data, out):
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



def runner():
    """sql/run-duckdb.py as a module: its period bounds and table definitions."""
    path = pathlib.Path(__file__).resolve().parent.parent / "sql" / "run-duckdb.py"
    spec = importlib.util.spec_from_file_location("run_duckdb", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for row in rows:
            w.writerow(["" if v is None else v for v in row])


def report_duckdb(store, label, out_csv):
    import duckdb
    r = runner()
    t0 = time.perf_counter()
    con = duckdb.connect()
    r.define_tables(con, store)
    cur = con.execute(r.sql_for(label))
    rows = cur.fetchall()
    seconds = time.perf_counter() - t0
    write_csv(out_csv, [d[0] for d in cur.description], rows)
    return seconds


def series_duckdb(store, first, last, out_csv):
    """The shipped series SQL (sql/series.sql over coverage.sql) in DuckDB."""
    import duckdb
    r = runner()
    t0 = time.perf_counter()
    con = duckdb.connect()
    r.define_tables(con, store)
    cur = con.execute(r.series_sql(con, r.series_labels(first, last), 6))
    rows = cur.fetchall()
    seconds = time.perf_counter() - t0
    write_csv(out_csv, [d[0] for d in cur.description], rows)
    return seconds


HEADER = ["period", "org", "dimension", "group", "members", "members_start", "recruited",
          "left", "eligible", "coverage_pct", "recruit_rate_pct", "target_pct", "gap_pp",
          "enterprises", "enterprises_reached", "snapshot_as_of"]
FLAGS = ["ethnic_minority", "religious", "rural"]


def pct(num, den):
    """100 * num / den in hundredths, half away from zero (exact integers)."""
    return (20000 * num + den) // (2 * den)


def fmt(h):
    return None if h is None else f"{'-' if h < 0 else ''}{abs(h) // 100}.{abs(h) % 100:02d}"


def target_hundredths(v):
    x = v * 100 + math.copysign(1e-7, v)
    return int(math.copysign(math.floor(abs(x) + 0.5), x))


def report_polars(store, label, out_csv):
    import polars as pl
    r = runner()
    start, end = r.period_bounds(label)
    before = start - dt.timedelta(days=1)
    ingests = json.loads((store / "manifest.json").read_text(encoding="utf-8"))["ingests"]
    part = lambda kind: [str(store / i["part"]) for i in ingests if i["kind"] == kind]
    t0 = time.perf_counter()

    # The heavy part: every member row of the snapshots used, counted per unit and
    # enterprise, by polars' lazy engine in streaming mode.
    rolls = pl.scan_parquet(part("roll"))
    used = (rolls.select("org", "as_of").filter(pl.col("as_of") <= end)
            .group_by("org").agg(pl.col("as_of").max()).collect(engine="streaming"))

    def active(d):
        return ((pl.col("joined_on").is_null() | (pl.col("joined_on") <= d))
                & pl.when(pl.col("left_on").is_not_null()).then(pl.col("left_on") > d)
                .otherwise(pl.col("active").fill_null(True)))

    cells = (rolls.select("org", "as_of", "area_code", "enterprise_id", "joined_on", "left_on", "active")
             .join(used.lazy(), on=["org", "as_of"])
             .group_by("org", "area_code", "enterprise_id")
             .agg(n_rows=pl.len(),
                  n_members=active(end).sum(),
                  n_start=active(before).sum(),
                  n_recruited=pl.col("joined_on").is_between(start, end).sum(),
                  n_left=pl.col("left_on").is_between(start, end).sum())
             .collect(engine="streaming"))

    # The finish, over a few thousand cells and the reference tables.
    ref = {k: (pl.read_parquet(part(k)[0]).to_dicts() if part(k) else [])
           for k in ["areas", "enterprises", "eligible", "targets"]}
    rows = finish(cells.to_dicts(), ref, dict(used.iter_rows()), label, end.year,
                  sorted({i["org"] for i in ingests if i["kind"] == "roll"}))
    seconds = time.perf_counter() - t0
    write_csv(out_csv, HEADER, rows)
    return seconds


def finish(cells, ref, used, label, year, roll_orgs):
    areas = {a["code"]: a for a in ref["areas"]}
    ents = {e["id"]: e for e in ref["enterprises"]}
    orgs = sorted(set(roll_orgs) | {e["org"] for e in ref["eligible"] if e["org"] != "any"})
    counts = collections.defaultdict(lambda: [0] * 5)
    reached = collections.defaultdict(set)
    for c in cells:
        vals = [c["n_rows"], c["n_members"], c["n_start"], c["n_recruited"], c["n_left"]]
        a = areas.get(c["area_code"])
        keys = [("total", "all")]
        keys += [(f, "unknown" if a is None else ("yes" if a[f] else "no")) for f in FLAGS]
        e = ents.get(c["enterprise_id"]) if c["enterprise_id"] is not None else None
        if e is not None:
            keys.append(("ownership", e["ownership"]))
            if c["n_members"] > 0:
                reached[(c["org"], e["ownership"])].add(e["id"])
        for k in keys:
            acc = counts[(c["org"],) + k]
            for i, v in enumerate(vals):
                acc[i] += v
    dens = denominators(ref, areas, ents, orgs, year)
    ent_count = collections.Counter(e["ownership"] for e in ref["enterprises"])
    targets = {}
    for t in ref["targets"]:
        if t["year"] == year:
            targets.setdefault((t["org"], t["scope"]), target_hundredths(t["target_pct"]))
    groups = set(counts) | set(dens)
    groups |= {(o, "total", "all") for o in orgs}
    groups |= {(o, "ownership", g) for o in orgs for g in ent_count}
    out = []
    for org, dim, grp in sorted(groups):
        as_of = used.get(org)
        c = counts.get((org, dim, grp), [0] * 5)
        members, start, recruited, left = (c[1], c[2], c[3], c[4]) if as_of else (None,) * 4
        den = dens.get((org, dim, grp))
        cov = pct(members, den) if members is not None and den else None
        rate = (pct(recruited, den - start)
                if recruited is not None and den is not None and den > start else None)
        tgt = targets.get((org, f"{dim}={grp}")) if dim != "total" else None
        tgt = tgt if tgt is not None else targets.get((org, "*"))
        gap = cov - tgt if cov is not None and tgt is not None else None
        own = dim == "ownership"
        out.append([label, org, dim, grp, members, start, recruited, left, den, fmt(cov),
                    fmt(rate), fmt(tgt), fmt(gap), ent_count.get(grp, 0) if own else None,
                    len(reached.get((org, grp), ())) if own else None, as_of])
    return out


def denominators(ref, areas, ents, orgs, year):
    """Eligible counts per (org, dimension, group): latest year <= the period's year,
    lowest level only; the union's ownership rows from enterprise workers."""
    latest = {}
    for e in ref["eligible"]:
        if e["year"] > year or e["area_code"] not in areas:
            continue
        key = (e["org"], e["dimension"] or "", e["group"] or "", e["area_code"])
        if key not in latest or e["year"] > latest[key][0]:
            latest[key] = (e["year"], e["eligible"])

    def ancestors(code):
        seen, cur = [], areas.get(areas[code]["parent_code"]) if areas[code]["parent_code"] else None
        while cur is not None and cur["code"] not in seen and cur["code"] != code:
            seen.append(cur["code"])
            cur = areas.get(cur["parent_code"]) if cur["parent_code"] else None
        return seen

    covered = {(o, d, g, a) for (o, d, g, u) in latest for a in ancestors(u)}
    dens = collections.defaultdict(int)
    for (o, d, g, u), (_, n) in latest.items():
        if (o, d, g, u) in covered:
            continue
        if d == "" and g == "":
            a = areas[u]
            dens[(o, "total", "all")] += n
            for f in FLAGS:
                dens[(o, f, "yes" if a[f] else "no")] += n
        elif d == "ownership" and o != "union":
            dens[(o, "ownership", g)] += n
    if "union" in orgs:
        for e in ents.values():
            if e["workers"] is not None:
                dens[("union", "ownership", e["ownership"])] += e["workers"]
    return {k: v for k, v in dens.items() if k[0] in orgs}


if __name__ == "__main__":
    what, tool = sys.argv[1:3]
    if what == "load":
        data, out = sys.argv[3:5]
        load, report, counts = (load_duckdb if tool == "duckdb" else load_polars)(data, out)
        print(json.dumps({"tool": tool, "load_s": round(load, 3), "members": counts}))
    elif what == "series":
        store, first, last, out_csv = pathlib.Path(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
        seconds = series_duckdb(store, first, last, out_csv)
        print(json.dumps({"tool": tool, "series_s": round(seconds, 3)}))
    else:
        store, label, out_csv = pathlib.Path(sys.argv[3]), sys.argv[4], sys.argv[5]
        seconds = (report_duckdb if tool == "duckdb" else report_polars)(store, label, out_csv)
        print(json.dumps({"tool": tool, "report_s": round(seconds, 3)}))
