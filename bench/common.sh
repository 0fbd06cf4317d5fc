# Shared by the benchmark scripts (sourced, not run): the release build, the peers'
# Python, and the statistics every ratio is made of.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/tally-target}"
BIN="$CARGO_TARGET_DIR/release"
# Builds tally and the named examples in release mode.
build() { cargo build --release --locked --bin tally "${@/#/--example=}" >/dev/null; }
# The peers' Python: a venv with DuckDB, its CLI, polars and fastexcel (polars'
# read_excel), made once in bench/.venv.
peers_python() {
  if [ ! -x bench/.venv/bin/python ]; then
    python3 -m venv bench/.venv
    bench/.venv/bin/pip install --quiet "duckdb==2.0.1" "polars==2.1.0" "fastexcel==0.21.0"
  fi
  bench/.venv/bin/python -c "import fastexcel" 2>/dev/null \
    || bench/.venv/bin/pip install --quiet "fastexcel==0.21.0"
  [ -x bench/.venv/bin/duckdb ] || bench/.venv/bin/pip install --quiet "duckdb-cli==1.5.6"
  PY=bench/.venv/bin/python
  DUCKDB=bench/.venv/bin/duckdb
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
peak() { sort -n | tail -1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
