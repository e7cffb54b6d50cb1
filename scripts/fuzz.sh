#!/usr/bin/env bash
# Fuzzes Bereik's readers with libFuzzer: builds the targets in Fuzz/ with -sanitize=fuzzer
# (scratch .build-fuzz), seeds each from Datasets/ and runs it for SECONDS (default 60).
# Prints executions per target and in total; exits 1 when a target crashed, with the input
# saved under .build-fuzz/crashes/<target>/ (make it a regression test in Tests/).
#   bash scripts/fuzz.sh [SECONDS] [TARGET ...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"; shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzCSV FuzzAttendance FuzzPopulation FuzzSES FuzzPostcodes FuzzProject FuzzWorkbook)
swift build --package-path Fuzz --scratch-path .build-fuzz -c release -j 2 \
    -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library -Xswiftc -use-ld=lld >/dev/null
bin=.build-fuzz/release

# Seeds: the first 4 KiB of each bundled file the target reads, plus the hand-written seeds in Fuzz/Seeds.
seed() { # target files...
    local dir=.build-fuzz/corpus/$1; shift
    mkdir -p "$dir"
    for f in "$@"; do head -c 4096 "$f" > "$dir/seed-$(basename "$f")"; done
}
seed FuzzCSV Datasets/example/*.csv Datasets/cbs/*.csv
seed FuzzAttendance Datasets/example/*.csv
seed FuzzPopulation Datasets/cbs/kwb*.csv
seed FuzzSES Datasets/cbs/seswoa*.csv
seed FuzzPostcodes Datasets/cbs/*.csv
seed FuzzProject bereik.toml
# Workbooks are ZIP files: whole fixtures (a cut one is no ZIP), and -max_len large enough for them.
mkdir -p .build-fuzz/corpus/FuzzWorkbook && cp Tests/BereikPipelineTests/Fixtures/*.xlsx .build-fuzz/corpus/FuzzWorkbook/
for t in "${targets[@]}"; do
    if [ -d "Fuzz/Seeds/$t" ]; then cp Fuzz/Seeds/$t/* .build-fuzz/corpus/$t/; fi
done

# libFuzzer must see the crash signal (to save the input), not the Swift runtime backtracer.
export SWIFT_BACKTRACE=enable=no
total=0; failed=0
for t in "${targets[@]}"; do
    mkdir -p .build-fuzz/crashes/$t
    log=.build-fuzz/$t.log
    max_len=8192; [ "$t" = FuzzWorkbook ] && max_len=16384
    # `timeout`: libFuzzer's own alarm can deadlock while it dumps a slow unit (seen once); a target
    # that outlives its time by a minute is stopped and reported instead of holding up CI.
    if timeout -k 10 $((seconds + 60)) "$bin/$t" -max_total_time="$seconds" -max_len=$max_len -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix=.build-fuzz/crashes/$t/ .build-fuzz/corpus/$t >"$log" 2>&1; then
        status=ok
    else
        status=CRASH; failed=1
        grep -E "ERROR|Fatal error|fatal error|Test unit written" "$log" | head -5 || true
    fi
    runs=$(awk '/stat::number_of_executed_units/ {print $2}' "$log" | tail -1)
    runs=${runs:-0}
    total=$((total + runs))
    printf '%-16s %s  %10d executions in %ss\n' "$t" "$status" "$runs" "$seconds"
done
printf 'total            %10d executions\n' "$total"
rm -f /dev/shm/bereik-fuzz-* /tmp/bereik-fuzz-* 2>/dev/null || true
exit $failed
