#!/bin/sh
# test.sh: the whole test suite.  Installs what is missing, builds sitrep
# twice (optimized, and with AddressSanitizer + UndefinedBehaviorSanitizer),
# and runs every CTest test in both builds.  The last line is CTest's summary
# of the sanitizer run; the exit status is non-zero if either run failed.
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh
jobs=$(nproc)

sh scripts/build.sh build
echo "== tests (optimized build)"
status=0
ctest --test-dir build --output-on-failure -j"$jobs" || status=1

sh scripts/build.sh build-asan -DSR_SANITIZE=ON
echo "== tests (AddressSanitizer + UndefinedBehaviorSanitizer)"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j"$jobs" || status=1
exit $status
