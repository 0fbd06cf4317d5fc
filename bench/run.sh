#!/usr/bin/env bash
# Benchmark: tally against DuckDB and polars on a synthetic province, side by side.
#   bench/run.sh                                   # 1M roll rows, 3 runs
#   SIZES="1000000 10000000 30000000" RUNS=3 bench/run.sh
#   LOAD=0 bench/run.sh                            # the report comparison only
#   OVERLAP=0 bench/run.sh                         # nobody in two organizations
#
# Report: `tally report --period 2026-10 --format csv` against the peers computing the
# same report from tally's own store (DuckDB runs sql/coverage.sql; polars its lazy
# engine in streaming mode). Each peer's CSV must equal tally's byte for byte before a
# ratio is printed; DuckDB runs twice, in Python and as its CLI (`duckdb < script`,
# timed as a whole process like tally), and the faster counts. Ingest: `tally ingest`
# of the CSV files against the peers loading the same files to Parquet files of the
# store's 17 columns (typed dates, codes looked up, hashed keys; they validate nothing
# and check no duplicates); each peer's rows and members per organization must equal
# tally's before a ratio is printed.
# Runs alternate tool by tool so that machine noise hits each alike; times are medians,
# memory the highest peak RSS. Peers' times are measured inside their process
# (interpreter start and imports excluded); tally's are the whole process.
# Needs: the Rust toolchain, python3 (a venv with duckdb, duckdb-cli and polars is made
# in bench/.venv), GNU time, jq. Not run in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES="${SIZES:-1000000}"
RUNS="${RUNS:-3}"
LOAD="${LOAD:-1}"
# People in several organizations, as they are (examples/synth.rs --overlap).
OVERLAP="${OVERLAP:-1}"
PERIOD="${PERIOD:-2026-10}"
WORK="${WORK:-/tmp/tally-bench}"
. bench/common.sh
build synth
peers_python
# Runs tally, appends "seconds peak_kib" to a file.
measure() { local out=$1; shift; /usr/bin/time -f "%e %M" -o "$out.one" "$@" >"$out.stdout" 2>/dev/null; cat "$out.one" >> "$out"; }
# Runs a peer, appends "seconds peak_kib" (seconds from the peer's own clock).
peer() {
  local out=$1 key=$2; shift 2
  /usr/bin/time -f "%M" -o "$out.rss" "$PY" bench/peers.py "$@" > "$out.json"
  echo "$(jq -r ".$key" "$out.json") $(cat "$out.rss")" >> "$out"
}

for n in $SIZES; do
  overlap=(); suffix=""
  if [ "$OVERLAP" = 1 ]; then overlap=(--overlap); suffix="-overlap"; fi
  data="$WORK/data-$n$suffix"; store="$WORK/store-$n$suffix"; mkdir -p "$data"
  [ -f "$data/roll-youth.csv" ] || "$BIN/examples/synth" --out "$data" --members "$n" --seed 7 "${overlap[@]}"
  csv_bytes=$(cat "$data"/*.csv | wc -c)
  rm -f "$WORK"/t-* "$WORK"/p-*
  echo "== $n roll rows ($csv_bytes CSV bytes), $RUNS runs, period $PERIOD"

  if [ "$LOAD" = 1 ] || [ ! -f "$store/manifest.json" ]; then
    for run in $(seq "$RUNS"); do
      rm -rf "$store"
      measure "$WORK/t-ingest" "$BIN/tally" --store "$store" ingest "$data"/*.csv
      [ "$LOAD" = 1 ] || break
      for tool in duckdb polars; do
        mkdir -p "$WORK/peer"; rm -f "$WORK/peer"/*
        peer "$WORK/p-load-$tool" load_s load "$tool" "$data" "$WORK/peer"
      done
    done
    # The peers loaded the same rows and count the same members as tally's store.
    if [ "$LOAD" = 1 ]; then
      "$BIN/tally" --store "$store" report --period "$PERIOD" --format csv > "$WORK/t-members.csv" 2>/dev/null
      for tool in duckdb polars; do
        for org in $(jq -r '.rows | keys[]' "$WORK/p-load-$tool.json"); do
          want_rows=$(jq "[.ingests[] | select(.kind == \"roll\" and (.part | split(\"/\")[1]) == \"$org\") | .rows] | add" "$store/manifest.json")
          got_rows=$(jq ".rows.$org" "$WORK/p-load-$tool.json")
          want=$(awk -F, -v o="$org" '$2 == o && $3 == "total" {print $5}' "$WORK/t-members.csv")
          got=$(jq ".members.$org" "$WORK/p-load-$tool.json")
          if [ "$want_rows" != "$got_rows" ] || [ "$want" != "$got" ]; then
            echo "MISMATCH: $tool loaded $got_rows rows of $org ($got members), tally $want_rows ($want)"; exit 1
          fi
        done
      done
    fi
    ti=$(cut -d' ' -f1 "$WORK/t-ingest" | median); ti_rss=$(cut -d' ' -f2 "$WORK/t-ingest" | peak)
    store_bytes=$(du -sb "$store" | cut -f1)
    echo "tally ingest: $ti s, peak $ti_rss KiB; store $store_bytes bytes ($(ratio "$store_bytes" "$csv_bytes")x CSV)"
    if [ "$LOAD" = 1 ]; then
      for tool in duckdb polars; do
        l=$(cut -d' ' -f1 "$WORK/p-load-$tool" | median); l_rss=$(cut -d' ' -f2 "$WORK/p-load-$tool" | peak)
        echo "$tool load: $l s, peak $l_rss KiB; tally ingest / $tool load: $(ratio "$ti" "$l")x"
      done
    fi
  fi

  for run in $(seq "$RUNS"); do
    measure "$WORK/t-report" "$BIN/tally" --store "$store" report --period "$PERIOD" --format csv
    # The peers compute the sixteen columns of the tidy CSV; a month's report adds the
    # month before's four after them, which the peers do not.
    "$PY" -c 'import csv, sys; w = csv.writer(sys.stdout, lineterminator="\n"); [w.writerow(r[:16]) for r in csv.reader(sys.stdin)]' \
      < "$WORK/t-report.stdout" > "$WORK/tally.csv"
    for tool in duckdb polars; do
      peer "$WORK/p-report-$tool" report_s report "$tool" "$store" "$PERIOD" "$WORK/$tool.csv"
    done
    "$PY" bench/peers.py cli-sql duckdb "$store" "$PERIOD" "$WORK/duckdb-cli.csv" > "$WORK/cli.sql"
    measure "$WORK/p-report-duckdb-cli" "$DUCKDB" -c ".read $WORK/cli.sql"
  done
  tr=$(cut -d' ' -f1 "$WORK/t-report" | median); tr_rss=$(cut -d' ' -f2 "$WORK/t-report" | peak)
  echo "tally report: $tr s, peak $tr_rss KiB ($(($(wc -l < "$WORK/tally.csv") - 1)) rows)"
  best=""
  for tool in duckdb duckdb-cli polars; do
    # The same rows and numbers, or no ratio.
    if ! cmp -s "$WORK/tally.csv" "$WORK/$tool.csv"; then
      echo "MISMATCH: $tool's report differs from tally's:"; diff "$WORK/tally.csv" "$WORK/$tool.csv" | head -10
      exit 1
    fi
    r=$(cut -d' ' -f1 "$WORK/p-report-$tool" | median); r_rss=$(cut -d' ' -f2 "$WORK/p-report-$tool" | peak)
    echo "$tool report: $r s, peak $r_rss KiB; equal to tally's CSV; tally / $tool: $(ratio "$tr" "$r")x time, $(ratio "$tr_rss" "$r_rss")x memory"
    case $tool in duckdb*) if [ -z "$best" ] || awk -v a="$r" -v b="$best" 'BEGIN{exit !(a < b)}'; then best=$r; fi;; esac
  done
  echo "tally report / the faster DuckDB ($best s): $(ratio "$tr" "$best")x"

  # Org `any` (each person once across organizations): no peer, a bound of 8 bytes a
  # member row + 64 MiB.
  rm -f "$WORK/t-any"
  for run in $(seq "$RUNS"); do
    measure "$WORK/t-any" "$BIN/tally" --store "$store" report --period "$PERIOD" --org any --format csv
  done
  rows=$(jq '[.ingests[] | select(.kind == "roll") | .rows] | add' "$store/manifest.json")
  ta=$(cut -d' ' -f1 "$WORK/t-any" | median); ta_rss=$(cut -d' ' -f2 "$WORK/t-any" | peak)
  echo "tally report --org any: $ta s, peak $ta_rss KiB; $(awk -v k="$ta_rss" -v r="$rows" 'BEGIN{printf "%.1f", (k - 65536) * 1024 / r}') bytes a row over 64 MiB (bound 8)"
done
