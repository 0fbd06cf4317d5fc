#!/usr/bin/env bash
# Benchmark: tally against DuckDB and polars on a synthetic province.
#   bench/run.sh                   # 1M roll rows, 3 runs each
#   SIZES="1000000 10000000" RUNS=3 bench/run.sh
# Needs: the Rust toolchain, python3 (a venv with duckdb and polars is made in
# bench/.venv), GNU time. Not run in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES="${SIZES:-1000000}"
RUNS="${RUNS:-3}"
WORK="${WORK:-/tmp/tally-bench}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/tally-target}"
cargo build --release --locked --bin tally --example synth >/dev/null
BIN="$CARGO_TARGET_DIR/release"

if [ ! -x bench/.venv/bin/python ]; then
  python3 -m venv bench/.venv
  bench/.venv/bin/pip install --quiet duckdb polars
fi
PY=bench/.venv/bin/python

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# Runs a command, appends "seconds peak_kib" to a file.
measure() { local out=$1; shift; /usr/bin/time -f "%e %M" -o "$out.one" "$@" >/dev/null 2>&1; cat "$out.one" >> "$out"; }

for n in $SIZES; do
  data="$WORK/data-$n"; mkdir -p "$data"
  [ -f "$data/roll-youth.csv" ] || "$BIN/examples/synth" --out "$data" --members "$n" --seed 7
  csv_bytes=$(cat "$data"/*.csv | wc -c)
  rm -f "$WORK"/t-ingest "$WORK"/t-report "$WORK"/peers-*.json
  for run in $(seq "$RUNS"); do
    # Alternate tools run by run so that machine noise hits each alike.
    rm -rf "$WORK/store"
    measure "$WORK/t-ingest" "$BIN/tally" --store "$WORK/store" ingest "$data"/*.csv
    measure "$WORK/t-report" "$BIN/tally" --store "$WORK/store" report --period 2026-10 --format csv
    for tool in duckdb polars; do
      mkdir -p "$WORK/peer"; rm -f "$WORK/peer"/*
      /usr/bin/time -f "%M" -o "$WORK/peer-rss" "$PY" bench/peers.py "$tool" "$data" "$WORK/peer" > "$WORK/peer-out"
      jq -c --arg rss "$(cat "$WORK/peer-rss")" '. + {peak_kib: ($rss|tonumber)}' "$WORK/peer-out" >> "$WORK/peers-$tool.json"
    done
  done
  "$BIN/tally" --store "$WORK/store" report --period 2026-10 --format csv > "$WORK/report.csv"
  store_bytes=$(du -sb "$WORK/store" | cut -f1)
  ti=$(cut -d' ' -f1 "$WORK/t-ingest" | median); ti_rss=$(cut -d' ' -f2 "$WORK/t-ingest" | sort -n | tail -1)
  tr=$(cut -d' ' -f1 "$WORK/t-report" | median); tr_rss=$(cut -d' ' -f2 "$WORK/t-report" | sort -n | tail -1)
  echo "== $n roll rows ($csv_bytes CSV bytes), median of $RUNS runs"
  echo "tally ingest: ${ti} s, peak ${ti_rss} KiB; report: ${tr} s, peak ${tr_rss} KiB; store $store_bytes bytes ($(awk -v s="$store_bytes" -v c="$csv_bytes" 'BEGIN{printf "%.2f", s/c}')x CSV)"
  for tool in duckdb polars; do
    l=$(jq -r .load_s "$WORK/peers-$tool.json" | median); r=$(jq -r .report_s "$WORK/peers-$tool.json" | median)
    rss=$(jq -r .peak_kib "$WORK/peers-$tool.json" | sort -n | tail -1)
    echo "$tool load: ${l} s, report: ${r} s, peak ${rss} KiB; tally/peer: ingest $(awk -v a="$ti" -v b="$l" 'BEGIN{printf "%.2f", a/b}')x, report $(awk -v a="$tr" -v b="$r" 'BEGIN{printf "%.2f", a/b}')x"
    # The peers' members at the period's end must equal tally's total rows.
    for org in union youth women farmers veterans; do
      peer=$(tail -1 "$WORK/peers-$tool.json" | jq -r ".members.$org")
      ours=$(awk -F, -v o="$org" '$2==o && $3=="total" {print $5}' "$WORK/report.csv")
      [ "$peer" = "$ours" ] || { echo "MISMATCH $tool $org: peer $peer, tally $ours"; exit 1; }
    done
    echo "$tool members per org equal tally's: ok"
  done
done
