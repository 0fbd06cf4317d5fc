#!/usr/bin/env bash
# The workbook benchmark: an .xlsx of ROWS rows (default 1,048,575: Excel's sheet limit
# with its header) ingested by tally, against calamine alone reading and converting its
# cells with the same streaming reader. Medians of RUNS alternating runs; peak RSS.
#   bench/workbook.sh
#   ROWS=200000 RUNS=3 bench/workbook.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${ROWS:-1048575}"
RUNS="${RUNS:-3}"
WORK="${WORK:-/tmp/tally-bench-xlsx}"
. bench/common.sh
build workbook_bench
mkdir -p "$WORK"
BOOK="$WORK/roll-$ROWS.xlsx"
[ -f "$BOOK" ] || "$BIN/examples/workbook_bench" write "$ROWS" data-samples/areas.csv "$BOOK"
: > "$WORK/tally.t"; : > "$WORK/calamine.t"
for _ in $(seq "$RUNS"); do
  rm -rf "$WORK/store"
  "$BIN/tally" --store "$WORK/store" ingest data-samples/areas.csv -q >/dev/null
  /usr/bin/time -f "%e %M" -a -o "$WORK/tally.t" \
    "$BIN/tally" --store "$WORK/store" ingest "$BOOK" --org women --as-of 31/10/2026 -q >/dev/null
  /usr/bin/time -f "%e %M" -a -o "$WORK/calamine.t" "$BIN/examples/workbook_bench" read "$BOOK" >/dev/null
done
t=$(awk '{print $1}' "$WORK/tally.t" | median); tm=$(awk '{print $2}' "$WORK/tally.t" | sort -n | tail -1)
c=$(awk '{print $1}' "$WORK/calamine.t" | median); cm=$(awk '{print $2}' "$WORK/calamine.t" | sort -n | tail -1)
echo "rows $ROWS ($(du -h "$BOOK" | cut -f1) xlsx)"
echo "tally ingest:   ${t} s, $((tm / 1024)) MiB"
echo "calamine alone: ${c} s, $((cm / 1024)) MiB"
awk -v a="$t" -v b="$c" 'BEGIN{printf "tally / calamine: %.2fx\n", a/b}'
