#!/usr/bin/env bash
# The workbook benchmark: an .xlsx of ROWS rows (default 1,048,575: Excel's sheet limit
# with its header) ingested by tally, against polars' `read_excel` (engine calamine,
# through fastexcel) reading the same sheet and writing the store's columns to Parquet
# (bench/peers.py workbook), and against calamine alone reading and converting its cells
# with the streaming reader tally uses (the floor). The peer's rows and members must
# equal tally's before a ratio is printed. Medians of RUNS alternating runs; peak RSS.
# tally's time is the whole process; the peer's its own clock (imports excluded).
#   bench/workbook.sh
#   ROWS=200000 RUNS=3 bench/workbook.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${ROWS:-1048575}"
RUNS="${RUNS:-5}"
WORK="${WORK:-/tmp/tally-bench-xlsx}"
. bench/common.sh
build workbook_bench
peers_python
mkdir -p "$WORK/peer"
BOOK="$WORK/roll-$ROWS.xlsx"
[ -f "$BOOK" ] || "$BIN/examples/workbook_bench" write "$ROWS" data-samples/areas.csv "$BOOK"
: > "$WORK/tally.t"; : > "$WORK/calamine.t"; : > "$WORK/polars.t"
for _ in $(seq "$RUNS"); do
  rm -rf "$WORK/store"
  "$BIN/tally" --store "$WORK/store" ingest data-samples/areas.csv -q >/dev/null
  /usr/bin/time -f "%e %M" -a -o "$WORK/tally.t" \
    "$BIN/tally" --store "$WORK/store" ingest "$BOOK" --org farmers --as-of 31/10/2026 -q >/dev/null
  rm -f "$WORK/peer"/*
  /usr/bin/time -f "%M" -o "$WORK/polars.rss" \
    "$PY" bench/peers.py workbook polars "$BOOK" data-samples "$WORK/peer" > "$WORK/polars.json"
  echo "$(jq -r .load_s "$WORK/polars.json") $(cat "$WORK/polars.rss")" >> "$WORK/polars.t"
  /usr/bin/time -f "%e %M" -a -o "$WORK/calamine.t" "$BIN/examples/workbook_bench" read "$BOOK" >/dev/null
done
# The same rows and members, or no ratio.
want_rows=$(jq '[.ingests[] | select(.kind == "roll") | .rows] | add' "$WORK/store/manifest.json")
want=$("$BIN/tally" --store "$WORK/store" report --period 2026-10 --org farmers --format csv 2>/dev/null \
  | awk -F, '$2 == "farmers" && $3 == "total" {print $5}')
got_rows=$(jq .rows "$WORK/polars.json"); got=$(jq .members "$WORK/polars.json")
if [ "$want_rows" != "$got_rows" ] || [ "$want" != "$got" ]; then
  echo "MISMATCH: polars read $got_rows rows ($got members), tally $want_rows ($want)"; exit 1
fi
t=$(awk '{print $1}' "$WORK/tally.t" | median); tm=$(awk '{print $2}' "$WORK/tally.t" | peak)
p=$(awk '{print $1}' "$WORK/polars.t" | median); pm=$(awk '{print $2}' "$WORK/polars.t" | peak)
c=$(awk '{print $1}' "$WORK/calamine.t" | median); cm=$(awk '{print $2}' "$WORK/calamine.t" | peak)
echo "rows $ROWS ($(du -h "$BOOK" | cut -f1) xlsx), $RUNS runs; $want_rows rows and $want members in both"
echo "tally ingest:          ${t} s, $((tm / 1024)) MiB  (runs: $(awk '{printf "%s ", $1}' "$WORK/tally.t"))"
echo "polars read_excel:     ${p} s, $((pm / 1024)) MiB  (runs: $(awk '{printf "%s ", $1}' "$WORK/polars.t"))"
echo "calamine alone:        ${c} s, $((cm / 1024)) MiB"
echo "tally / polars: $(ratio "$t" "$p")x time, $(ratio "$tm" "$pm")x memory"
echo "tally / calamine alone: $(ratio "$t" "$c")x"
