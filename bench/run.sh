#!/usr/bin/env bash
# Reproducible benchmark of `bereik compare` (BENCHMARKS.md): generates attendance files of 1M, 3M
# and 10M rows across all buurten of CBS KWB 2024 with `bereik simulate` (seeded), then times compare
# (wall time, peak memory) beside its peers on the same files in one run — DuckDB (SQL with window
# functions), polars (lazy) and pandas — each with the same person rule, checking that all report
# the same participant counts.
#   bash bench/run.sh                 # 1M, 3M and 10M rows
#   ROWS="3m" bash bench/run.sh       # 3M only
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
command -v /usr/bin/time >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
python3 -c "import pandas, scipy, statsmodels, duckdb, polars" 2>/dev/null || pip install -q pandas scipy statsmodels duckdb polars
swift build -c release --product bereik >&2
BIN=.build/release/bereik
POP=Datasets/cbs/kwb2024_85984NED_nl_sex_age_herkomst.csv
OUT=bench-out
mkdir -p "$OUT"
measure() {  # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$OUT/time.txt" "$@" >/dev/null
  read -r wall kb < "$OUT/time.txt"
  printf '%-28s %8.2f s %8.0f MB\n' "$label" "$wall" "$((kb / 1024))"
}
# The bundled example: fixed cost of a small analysis (median of 21 runs each).
median() {  # label, command...
  local label=$1; shift
  local times=()
  for _ in $(seq 21); do
    /usr/bin/time -f "%e %M" -o "$OUT/time.txt" "$@" >/dev/null
    times+=("$(cut -d' ' -f1 "$OUT/time.txt")")
  done
  printf '%-28s %8s s (median of 21) %8.0f MB\n' "$label" "$(printf '%s\n' "${times[@]}" | sort -n | sed -n 11p)" "$(( $(cut -d' ' -f2 "$OUT/time.txt") / 1024 ))"
}
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m)"
echo "peers: $(python3 -c 'import duckdb, polars, pandas; print("duckdb", duckdb.__version__, "polars", polars.__version__, "pandas", pandas.__version__)')"
echo "== the bundled example (bereik.toml: 5 wijken, $(($(wc -l < Datasets/example/deelnemers_nieuw_west_2019.csv) - 1)) rows)"
median "bereik compare" $BIN compare --project bereik.toml
median "bereik report (HTML)" $BIN report bereik.toml --output "$OUT/rapport.html"
# A small analysis against the bundled KWB 2024 (no --population): the fixed cost of the national table.
[ -f "$OUT/att_small.csv" ] || $BIN simulate --population $POP --persons 50 --seed 10 --year 2024 --preset uniform --output "$OUT/att_small.csv" >/dev/null
echo "== a small analysis on the bundled table ($(($(wc -l < "$OUT/att_small.csv") - 1)) rows, 50 persons in all of the Netherlands)"
median "bereik compare --area GM0363" $BIN compare --attendance "$OUT/att_small.csv" --area GM0363
median "bereik compare (default area)" $BIN compare --attendance "$OUT/att_small.csv"
median "bereik compare --help" $BIN compare --help
for size in ${ROWS:-1m 3m 10m}; do
  case "$size" in 1m) persons=250000 ;; 3m) persons=750000 ;; *) persons=2500000 ;; esac
  file="$OUT/att_$size.csv"
  [ -f "$file" ] || $BIN simulate --population $POP --persons "$persons" --seed 10 --year 2024 --preset uniform --output "$file"
  echo "== $size rows ($(wc -l < "$file") lines, $(du -m "$file" | cut -f1) MB)"
  cat "$file" > /dev/null  # warm page cache for both tools: the timings measure the tools, not the disk
  measure "bereik compare" $BIN compare --attendance "$file" --population $POP --format json --output "$OUT/bereik_$size.json"
  measure "bereik compare --threads 1" $BIN compare --threads 1 --attendance "$file" --population $POP --format json --output "$OUT/bereik_serial_$size.json"
  cmp -s "$OUT/bereik_$size.json" "$OUT/bereik_serial_$size.json" && echo "  all cores and one thread: identical JSON" || echo "  all cores and one thread: DIFFERENT JSON"
  measure "DuckDB (SQL)" python3 bench/reference_duckdb.py "$file" $POP "$OUT/duckdb_$size.json"
  measure "polars (lazy)" python3 bench/reference_polars.py "$file" $POP "$OUT/polars_$size.json"
  measure "pandas reference" python3 bench/reference_pandas.py "$file" $POP "$OUT/pandas_$size.json"
  python3 - "$OUT/bereik_$size.json" "$OUT/duckdb_$size.json" "$OUT/polars_$size.json" "$OUT/pandas_$size.json" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
bd = {d["dimension"]: {g["group"]: g["participants"] for g in d["groups"]} for d in b["dimensions"]}
for name, path in zip(["duckdb", "polars", "pandas"], sys.argv[2:]):
    p = json.load(open(path))
    pd_ = {d["dimension"]: {g["group"]: g["participants"] for g in d["groups"]} for d in p["dimensions"]}
    same = all(bd[d] == pd_[d] for d in pd_)
    print(f"  persons: bereik {b['input']['persons']}, {name} {p['persons']}; participant counts identical: {same}")
PY
done
