"""The peers' side of bench/run.sh.

  python peers.py load duckdb|polars DATA_DIR OUT_DIR
      load the synthetic rolls to Parquet files of the store's 17 columns (typed dates,
      codes looked up, hashed keys), then count each organization's rows and members
      active at the period's end (untimed): the ingest comparison.
  python peers.py workbook polars BOOK.xlsx DATA_DIR OUT_DIR
      read the workbook's first sheet with polars' `read_excel` (engine calamine, through
      fastexcel) and write the store's 17 columns to Parquet as `load` does; count its
      rows and members (untimed): the workbook comparison (bench/workbook.sh).
  python peers.py cli-sql duckdb STORE_DIR PERIOD OUT_CSV
      print the SQL script that DuckDB's CLI runs to write the report (the tables
      defined from the manifest, sql/coverage.sql, COPY to OUT_CSV): bench/run.sh
      times `duckdb < script` as a whole process, start-up included.
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

# The layout of each roll the generator (examples/synth.rs) writes: which column holds
# what. `eth_code` marks a roll whose ethnicity is already a GSO code; `area_name` one
# whose unit is a commune's name; `tax` one whose unit comes from its enterprise.
ROLLS = {
    "youth": dict(file="roll-youth.csv", sep=";", skip=2, id="Số định danh cá nhân",
                  mid="Mã đoàn viên", name="Họ và tên", birth="Ngày sinh", sex="Giới tính",
                  eth="Dân tộc", rel="Tôn giáo", area="Mã xã", joined="Ngày vào Đoàn",
                  left="Ngày ra", status="Trạng thái", as_of="Ngày chốt số liệu",
                  fmt="%d/%m/%Y"),
    "women": dict(file="roll-women.csv", sep=",", skip=0, id="Số CCCD", name="Họ và tên",
                  birth_year="Năm sinh", eth="Dân tộc", rel="Tôn giáo", area_name="Xã, phường",
                  joined="Ngày kết nạp", left="Ngày ra", status="Tình trạng",
                  as_of="Ngày chốt số liệu", fmt="%d/%m/%Y"),
    "farmers": dict(file="roll-farmers.csv", sep=",", skip=0, id="national_id", mid="member_id",
                    name="full_name", birth="birth_date", sex="sex", eth="ethnicity", eth_code=True,
                    rel="religion", area="area_code", joined="joined_on", left="left_on",
                    status="status", as_of="as_of", fmt="%Y-%m-%d"),
    "veterans": dict(file="roll-veterans.csv", sep="\t", skip=0, id="CCCD", name="Họ tên",
                     birth="Ngày sinh", sex="Giới tính", eth="Dân tộc", rel="Tôn giáo",
                     area="Mã xã", joined="Ngày vào Hội", status="Trạng thái",
                     as_of="Ngày chốt số liệu", fmt="%d/%m/%Y"),
    "union": dict(file="roll-union.csv", sep=",", skip=0, id="Số CCCD", name="Họ và tên",
                  birth="Ngày sinh", sex="Giới tính", eth="Dân tộc", rel="Tôn giáo",
                  tax="Mã số thuế", joined="Ngày vào Công đoàn", status="Trạng thái",
                  as_of="Ngày chốt số liệu", fmt="%d/%m/%Y"),
}
ACTIVE = ["Đang sinh hoạt", "active", ""]
SEX = {"Nam": "male", "Nữ": "female", "M": "male", "F": "female"}
TABLES = pathlib.Path(__file__).resolve().parent.parent / "src" / "reference" / "data"
# The columns of a roll part, in the store's order (README, "Roll parts").
COLUMNS = ["org", "as_of", "person", "has_national_id", "member_key", "name_key", "sex",
           "birth_date", "birth_year", "ethnicity", "religion", "area_code", "area_from",
           "enterprise_id", "joined_on", "left_on", "active"]


def lookups(data):
    """Name (and alias) to code for ethnicities, religions and communes; tax code to
    commune."""
    def table(path, key, value, delim=","):
        with open(path, encoding="utf-8", newline="") as f:
            out = {}
            for row in csv.DictReader(f, delimiter=delim):
                out.setdefault(row[key], row[value])
                for alias in (row.get("aliases") or "").split(";"):
                    if alias:
                        out.setdefault(alias, row[value])
            return out
    return dict(
        eth=table(TABLES / "ethnic-groups.csv", "name", "code"),
        rel=table(TABLES / "religions.csv", "name", "code"),
        area=table(f"{data}/areas.csv", "name", "code"),
        tax=table(f"{data}/enterprises.csv", "Mã số thuế", "Mã xã"),
    )


def load_duckdb(data, out):
    """Each roll to a Parquet file of the store's 17 columns: typed dates, codes looked
    up, keyed SHA-256 of the ID (16 bytes, as tally keeps it); the end's members counted."""
    import duckdb
    con = duckdb.connect()
    t0 = time.perf_counter()
    maps = lookups(data)
    for kind, m in maps.items():
        con.execute(f"CREATE TEMP TABLE map_{kind} (k VARCHAR, v VARCHAR)")
        con.executemany(f"INSERT INTO map_{kind} VALUES (?, ?)", list(m.items()))
    for org, r in ROLLS.items():
        q = lambda c: f'src."{c}"'
        date = lambda c: f"strptime(NULLIF({q(c)}, ''), '{r['fmt']}')::DATE" if c else "NULL::DATE"
        key = lambda tag, expr: f"unhex(left(sha256('secret{tag}' || {expr}), 32))"
        nid = f"NULLIF({q(r['id'])}, '')"
        birth = date(r.get("birth"))
        area = (q(r["area"]) if "area" in r else "a.v" if "area_name" in r else "t.v")
        joins = ""
        if "area_name" in r:
            joins += f" LEFT JOIN map_area a ON a.k = {q(r['area_name'])}"
        if "tax" in r:
            joins += f" LEFT JOIN map_tax t ON t.k = {q(r['tax'])}"
        eth = q(r["eth"]) if r.get("eth_code") else "e.v"
        if not r.get("eth_code"):
            joins += f" LEFT JOIN map_eth e ON e.k = {q(r['eth'])}"
        joins += f" LEFT JOIN map_rel g ON g.k = {q(r['rel'])}"
        sex = (" ".join(f"WHEN '{k}' THEN '{v}'" for k, v in SEX.items()))
        year = (f"year({birth})" if "birth" in r else f"TRY_CAST({q(r['birth_year'])} AS INTEGER)")
        con.execute(f"""
            COPY (
              SELECT '{org}' AS org,
                     {date(r['as_of'])} AS as_of,
                     {key('nid', f"coalesce({nid}, {q(r['name'])} || coalesce({birth}::VARCHAR, '') || coalesce({area}, ''))")} AS person,
                     {nid} IS NOT NULL AS has_national_id,
                     {key('mid', q(r['mid'])) if 'mid' in r else 'NULL::BLOB'} AS member_key,
                     CASE WHEN {nid} IS NULL THEN {key('name', f"lower({q(r['name'])})")} END AS name_key,
                     {f"CASE {q(r['sex'])} {sex} END" if 'sex' in r else 'NULL::VARCHAR'} AS sex,
                     {birth} AS birth_date,
                     {year}::INTEGER AS birth_year,
                     {eth} AS ethnicity,
                     g.v AS religion,
                     {area} AS area_code,
                     NULL::VARCHAR AS area_from,
                     {q(r['tax']) if 'tax' in r else 'NULL::VARCHAR'} AS enterprise_id,
                     {date(r['joined'])} AS joined_on,
                     {date(r.get('left'))} AS left_on,
                     coalesce({q(r['status'])}, '') IN ({', '.join(repr(a) for a in ACTIVE)}) AS active
              FROM read_csv('{data}/{r['file']}', delim='{r['sep']}', skip={r['skip']}, header=true,
                            all_varchar=true) src{joins}
            ) TO '{out}/duckdb-{org}.parquet' (FORMAT parquet, COMPRESSION zstd)""")
    t_load = time.perf_counter() - t0
    counts, rows = {}, {}
    for org in ROLLS:
        rows[org], counts[org] = con.execute(f"""
            SELECT count(*), count(*) FILTER (WHERE (joined_on IS NULL OR joined_on <= DATE '{END}')
              AND CASE WHEN left_on IS NOT NULL THEN left_on > DATE '{END}' ELSE active END)
            FROM '{out}/duckdb-{org}.parquet'""").fetchone()
        check_columns(con.execute(f"DESCRIBE SELECT * FROM '{out}/duckdb-{org}.parquet'").fetchall())
    return t_load, counts, rows


def check_columns(described):
    names = [d[0] for d in described]
    if names != COLUMNS:
        sys.exit(f"peers: the peer wrote {names}, not the store's columns")


def load_polars(data, out):
    """The same 17 columns with polars' lazy engine, streamed to Parquet (sink_parquet).
    polars has no SHA-256: the person key is its own 64-bit hash, less work than
    tally's keyed SHA-256, which only flatters polars."""
    import polars as pl
    t0 = time.perf_counter()
    maps = lookups(data)
    for org, r in ROLLS.items():
        def date(c):
            if not c:
                return pl.lit(None, dtype=pl.Date)
            return pl.col(c).replace("", None).str.to_date(r["fmt"], strict=False)
        look = lambda c, m: pl.col(c).replace_strict(maps[m], default=None, return_dtype=pl.Utf8)
        nid = pl.col(r["id"]).replace("", None)
        birth = date(r.get("birth"))
        area = (pl.col(r["area"]) if "area" in r else look(r["area_name"], "area")
                if "area_name" in r else look(r["tax"], "tax"))
        none = lambda t: pl.lit(None, dtype=t)
        cols = [
            pl.lit(org).alias("org"),
            date(r["as_of"]).alias("as_of"),
            pl.coalesce(nid, pl.concat_str([pl.col(r["name"]), birth.cast(pl.Utf8), area],
                                           ignore_nulls=True)).hash(1).alias("person"),
            nid.is_not_null().alias("has_national_id"),
            (pl.col(r["mid"]).hash(2) if "mid" in r else none(pl.UInt64)).alias("member_key"),
            pl.when(nid.is_null()).then(pl.col(r["name"]).str.to_lowercase().hash(3))
              .alias("name_key"),
            (pl.col(r["sex"]).replace_strict(SEX, default=None, return_dtype=pl.Utf8)
             if "sex" in r else none(pl.Utf8)).alias("sex"),
            birth.alias("birth_date"),
            (birth.dt.year() if "birth" in r
             else pl.col(r["birth_year"]).cast(pl.Int32, strict=False)).cast(pl.Int32)
              .alias("birth_year"),
            (pl.col(r["eth"]) if r.get("eth_code") else look(r["eth"], "eth")).alias("ethnicity"),
            look(r["rel"], "rel").alias("religion"),
            area.alias("area_code"),
            none(pl.Utf8).alias("area_from"),
            (pl.col(r["tax"]) if "tax" in r else none(pl.Utf8)).alias("enterprise_id"),
            date(r["joined"]).alias("joined_on"),
            date(r.get("left")).alias("left_on"),
            pl.col(r["status"]).fill_null("").is_in(ACTIVE).alias("active"),
        ]
        (pl.scan_csv(f"{data}/{r['file']}", separator=r["sep"], skip_rows=r["skip"],
                     infer_schema=False)
         .select(cols).sink_parquet(f"{out}/polars-{org}.parquet", compression="zstd"))
    t_load = time.perf_counter() - t0
    end = pl.lit(END).str.to_date()
    counts, rows = {}, {}
    for org in ROLLS:
        lf = pl.scan_parquet(f"{out}/polars-{org}.parquet")
        if lf.collect_schema().names() != COLUMNS:
            sys.exit(f"peers: polars wrote {lf.collect_schema().names()}")
        df = lf.select(
            pl.len().alias("rows"),
            ((pl.col("joined_on").is_null() | (pl.col("joined_on") <= end))
             & pl.when(pl.col("left_on").is_not_null()).then(pl.col("left_on") > end)
             .otherwise(pl.col("active"))).sum().alias("members")).collect()
        rows[org], counts[org] = int(df["rows"][0]), int(df["members"][0])
    return t_load, counts, rows


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


class Recorder:
    """Stands in for a DuckDB connection: keeps the statements define_tables runs."""
    def __init__(self):
        self.statements = []

    def execute(self, sql):
        self.statements.append(sql)


def cli_script(store, label, out_csv):
    r = runner()
    rec = Recorder()
    r.define_tables(rec, store)
    query = r.sql_for(label).strip().rstrip(";")
    rec.statements.append(f"COPY ({query}) TO '{out_csv}' (HEADER, DELIMITER ',')")
    return ";\n".join(rec.statements) + ";\n"


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

    # A member departed without a date who joined within the period left within it:
    # counted as leaving on the snapshot's date (the benchmark's rolls are each their
    # organization's first, so no earlier roll places anyone else).
    placed = (pl.col("left_on").is_null() & ~pl.col("active").fill_null(True)
              & pl.col("joined_on").is_between(pl.lit(start), pl.col("as_of")))
    cells = (rolls.select("org", "as_of", "area_code", "enterprise_id", "joined_on", "left_on", "active")
             .join(used.lazy(), on=["org", "as_of"])
             .with_columns(left_on=pl.when(placed).then(pl.col("as_of")).otherwise(pl.col("left_on")))
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
    root = next((a["code"] for a in ref["areas"] if not a["parent_code"]), None)
    groups = set(counts) | set(dens)
    groups |= {(o, "total", "all") for o in orgs}
    groups |= {(o, "ownership", g) for o in orgs for g in ent_count}
    # A roll none of whose rows names an enterprise of the reference says nothing of its
    # members' enterprises: its ownership rows are unknown, not 0.
    named = {o for (o, d, _), c in counts.items() if d == "ownership" and c[0] > 0}
    out = []
    for org, dim, grp in sorted(groups):
        as_of = used.get(org)
        known = as_of and (dim != "ownership" or org in named)
        c = counts.get((org, dim, grp), [0] * 5)
        members, start, recruited, left = (c[1], c[2], c[3], c[4]) if known else (None,) * 4
        den = dens.get((org, dim, grp))
        cov = pct(members, den) if members is not None and den else None
        rate = (pct(recruited, den - start)
                if recruited is not None and den is not None and den > start else None)
        # The total takes the province's own target (its unit code as the scope)
        # before the whole store's (`*`); a group its own.
        tgt = targets.get((org, f"{dim}={grp}") if dim != "total" else (org, root))
        tgt = tgt if tgt is not None else targets.get((org, "*"))
        gap = cov - tgt if cov is not None and tgt is not None else None
        own = dim == "ownership"
        out.append([label, org, dim, grp, members, start, recruited, left, den, fmt(cov),
                    fmt(rate), fmt(tgt), fmt(gap), ent_count.get(grp, 0) if own else None,
                    len(reached.get((org, grp), ())) if own and known else None, as_of])
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


def workbook_polars(book, data, out):
    """The workbook examples/workbook_bench.rs writes (a Farmers' Association roll: IDs and
    commune codes as numbers, dates as date cells) read whole by polars' read_excel,
    then the store's 17 columns to Parquet, as load_polars does for a CSV."""
    import polars as pl
    t0 = time.perf_counter()
    maps = lookups(data)
    df = pl.read_excel(book, engine="calamine", sheet_id=1)
    as_of = dt.date.fromisoformat(END)
    nid = pl.col("Số CCCD").cast(pl.Int64).cast(pl.Utf8).str.zfill(12)
    none = lambda t: pl.lit(None, dtype=t)
    day = lambda c: pl.col(c).cast(pl.Date)
    df = df.select([
        pl.lit("farmers").alias("org"),
        pl.lit(as_of).alias("as_of"),
        nid.hash(1).alias("person"),
        nid.is_not_null().alias("has_national_id"),
        none(pl.UInt64).alias("member_key"),
        none(pl.UInt64).alias("name_key"),
        pl.col("Giới tính").replace_strict(SEX, default=None, return_dtype=pl.Utf8).alias("sex"),
        day("Ngày sinh").alias("birth_date"),
        day("Ngày sinh").dt.year().cast(pl.Int32).alias("birth_year"),
        pl.col("Dân tộc").replace_strict(maps["eth"], default=None, return_dtype=pl.Utf8)
          .alias("ethnicity"),
        none(pl.Utf8).alias("religion"),
        pl.col("Mã xã").cast(pl.Int64).cast(pl.Utf8).str.zfill(5).alias("area_code"),
        none(pl.Utf8).alias("area_from"),
        none(pl.Utf8).alias("enterprise_id"),
        day("Ngày vào Hội").alias("joined_on"),
        none(pl.Date).alias("left_on"),
        pl.lit(True).alias("active"),
    ])
    df.write_parquet(f"{out}/polars-workbook.parquet", compression="zstd")
    seconds = time.perf_counter() - t0
    got = pl.read_parquet(f"{out}/polars-workbook.parquet")
    if got.columns != COLUMNS:
        sys.exit(f"peers: polars wrote {got.columns}")
    end = pl.lit(END).str.to_date()
    members = got.filter(pl.col("joined_on").is_null() | (pl.col("joined_on") <= end)).height
    return seconds, members, got.height


if __name__ == "__main__":
    what, tool = sys.argv[1:3]
    if what == "load":
        data, out = sys.argv[3:5]
        load, counts, rows = (load_duckdb if tool == "duckdb" else load_polars)(data, out)
        print(json.dumps({"tool": tool, "load_s": round(load, 3), "members": counts, "rows": rows}))
    elif what == "workbook":
        book, data, out = sys.argv[3:6]
        seconds, members, rows = workbook_polars(book, data, out)
        print(json.dumps({"tool": tool, "load_s": round(seconds, 3), "members": members,
                          "rows": rows}))
    elif what == "cli-sql":
        store, label, out_csv = pathlib.Path(sys.argv[3]), sys.argv[4], sys.argv[5]
        sys.stdout.write(cli_script(store, label, out_csv))
    elif what == "series":
        store, first, last, out_csv = pathlib.Path(sys.argv[3]), sys.argv[4], sys.argv[5], sys.argv[6]
        seconds = series_duckdb(store, first, last, out_csv)
        print(json.dumps({"tool": tool, "series_s": round(seconds, 3)}))
    else:
        store, label, out_csv = pathlib.Path(sys.argv[3]), sys.argv[4], sys.argv[5]
        seconds = (report_duckdb if tool == "duckdb" else report_polars)(store, label, out_csv)
        print(json.dumps({"tool": tool, "report_s": round(seconds, 3)}))
