#!/usr/bin/env bash
# Runs every fuzz target for FUZZ_SECONDS (default 600) each, one after another, on one
# core, and prints each target's executions and outcome. Needs cargo-fuzz
# (`cargo install cargo-fuzz --locked`); the stable toolchain is switched into nightly
# mode for the sanitizer-coverage flags with RUSTC_BOOTSTRAP=1.
#   fuzz/run.sh                  # all targets, 10 minutes each
#   FUZZ_SECONDS=60 fuzz/run.sh row values
set -euo pipefail
cd "$(dirname "$0")"
export RUSTC_BOOTSTRAP=1
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/tally-fuzz-target}"
secs="${FUZZ_SECONDS:-600}"
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(decode table row values ingest workbook crosswalk)
# No sanitizer: the code is safe Rust, so the fuzzers hunt panics and hangs; without
# ASan each run is several times faster. -O optimizes; -a keeps overflow checks and
# debug assertions on (without it, -O turns them off and a whole class of bugs goes
# unseen). Only the targets asked for are built. The first build instruments polars
# and takes a long time (over 25 minutes on the project's 2-core machine).
mkdir -p logs
failed=()
for t in "${targets[@]}"; do
  seeds=seeds/files
  [ "$t" = values ] && seeds=seeds/values
  [ "$t" = workbook ] && seeds=seeds/workbooks
  [ "$t" = crosswalk ] && seeds=seeds/names
  mkdir -p "corpus/$t"
  echo "== $t: ${secs}s"
  set +e
  cargo fuzz build -s none -O -a "$t" >"logs/$t.build.log" 2>&1 &&
    cargo fuzz run -s none -O -a "$t" "corpus/$t" "$seeds" -- \
      -max_total_time="$secs" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
      -print_final_stats=1 >"logs/$t.log" 2>&1
  rc=$?
  set -e
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb|Done [0-9]+ runs" "logs/$t.log" 2>/dev/null || true
  if [ $rc -ne 0 ]; then
    echo "!! $t failed (exit $rc): see fuzz/logs/$t.build.log, fuzz/logs/$t.log and fuzz/artifacts/$t/"
    failed+=("$t")
  fi
done
# Every target ran, whatever happened to the others; the exit code says if any failed.
if [ ${#failed[@]} -gt 0 ]; then
  echo "failed: ${failed[*]}"
  exit 1
fi
