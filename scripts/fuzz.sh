#!/bin/sh
# fuzz.sh [SECONDS [TARGET...]]: build the libFuzzer targets of tests/fuzz
# with clang (in build-fuzz/, with ASan and UBSan) and run each for SECONDS
# (default 60) from its seeds in tests/fuzz/corpus/TARGET.  New inputs go to
# build-fuzz/corpus/TARGET, never into the repository; a crash is saved in
# build-fuzz/crashes/ and makes the exit status 1.  Exit status 77 (CTest's
# "skipped") when clang or libFuzzer is not installed.
set -eu
cd "$(dirname "$0")/.."
secs=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-"text jsonl html segment conllu kb dict model pipeline"}
if ! command -v clang >/dev/null 2>&1; then
    echo "fuzz.sh: clang is not installed (sh scripts/deps.sh clang): skipped"
    exit 77
fi
if ! echo 'int LLVMFuzzerTestOneInput(const char *d, long n) { (void)d; (void)n; return 0; }' |
    clang -x c -fsanitize=fuzzer -o /dev/null - 2>/dev/null; then
    echo "fuzz.sh: clang has no libFuzzer runtime (libclang-rt-dev): skipped"
    exit 77
fi
dir=build-fuzz
sh scripts/build.sh "$dir" -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSR_FUZZ=ON
cmake --build "$dir" --target fuzz_all -j"$(nproc)" >"$dir/fuzz-build.log" 2>&1 ||
    { tail -30 "$dir/fuzz-build.log" >&2; exit 1; }
mkdir -p "$dir/crashes"
status=0
for t in $targets; do
    mkdir -p "$dir/corpus/$t"
    log="$dir/fuzz-$t.log"
    if ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
        "$dir/tests/fuzz/fuzz_$t" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 \
        -max_len=65536 -print_final_stats=1 -artifact_prefix="$dir/crashes/$t-" \
        "$dir/corpus/$t" "tests/fuzz/corpus/$t" >"$log" 2>&1; then
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
        cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
        echo "fuzz_$t: ok, $runs runs in $secs s, $cov"
    else
        echo "fuzz_$t: FAILED (see $log and $dir/crashes/)"
        grep -m5 -E 'ERROR|SUMMARY|Test unit written' "$log" || true
        status=1
    fi
done
exit $status
