#!/usr/bin/env bash
# Benchmark of a series: `tally report --from 2025-11 --to 2026-10 --format csv` over
# twelve monthly snapshots of a generated province, against DuckDB running the shipped
# series SQL (sql/series.sql over sql/coverage.sql, by sql/run-duckdb.py's functions)
# on the same store, side by side. DuckDB's CSV must equal tally's byte for byte before
# a ratio is printed. Runs alternate; times are medians (DuckDB's from its own clock,
# Python start-up and imports excluded; tally's the whole process); memory the highest
# peak RSS.
#   bench/series.sh                          # 1M members a month, 3 runs
#   MEMBERS=5000000 RUNS=3 bench/series.sh
# Needs what bench/run.sh needs. Not run in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
MEMBERS="${MEMBERS:-1000000}"
RUNS="${RUNS:-3}"
WORK="${WORK:-/tmp/tally-bench}"
. bench/common.sh
build synth
peers_python

data="$WORK/months-$MEMBERS"; store="$WORK/months-store-$MEMBERS"
if [ ! -f "$store/manifest.json" ]; then
  mkdir -p "$data"
  [ -f "$data/roll-youth-2026-10.csv" ] || "$BIN/examples/synth" --out "$data" --members "$MEMBERS" --seed 7 --months 12
  rm -rf "$store"
  /usr/bin/time -f "%e %M" -o "$WORK/months-ingest" "$BIN/tally" --store "$store" --quiet ingest "$data"/*.csv >/dev/null
  echo "ingest of 12 months: $(cat "$WORK/months-ingest") (s, KiB)"
fi
rows=$(jq '[.ingests[] | select(.kind == "roll") | .rows] | add' "$store/manifest.json")
echo "== series 2025-11..2026-10 over 12 monthly snapshots, $rows roll rows in all, $RUNS runs"
rm -f "$WORK"/s-tally "$WORK"/s-duckdb
for run in $(seq "$RUNS"); do
  /usr/bin/time -f "%e %M" -o "$WORK/s-one" "$BIN/tally" --store "$store" --quiet report \
    --from 2025-11 --to 2026-10 --format csv > "$WORK/s-tally.csv"
  cat "$WORK/s-one" >> "$WORK/s-tally"
  /usr/bin/time -f "%M" -o "$WORK/s-rss" "$PY" bench/peers.py series duckdb "$store" 2025-11 2026-10 \
    "$WORK/s-duckdb.csv" > "$WORK/s-duckdb.json"
  echo "$(jq -r .series_s "$WORK/s-duckdb.json") $(cat "$WORK/s-rss")" >> "$WORK/s-duckdb"
done
if ! cmp -s "$WORK/s-tally.csv" "$WORK/s-duckdb.csv"; then
  echo "MISMATCH: DuckDB's series differs from tally's:"; diff "$WORK/s-tally.csv" "$WORK/s-duckdb.csv" | head -10
  exit 1
fi
t=$(cut -d' ' -f1 "$WORK/s-tally" | median); t_rss=$(cut -d' ' -f2 "$WORK/s-tally" | peak)
d=$(cut -d' ' -f1 "$WORK/s-duckdb" | median); d_rss=$(cut -d' ' -f2 "$WORK/s-duckdb" | peak)
echo "tally series: $t s, peak $t_rss KiB ($(($(wc -l < "$WORK/s-tally.csv") - 1)) rows)"
echo "duckdb series: $d s, peak $d_rss KiB; equal to tally's CSV; tally / duckdb: $(ratio "$t" "$d")x time, $(ratio "$t_rss" "$d_rss")x memory"
