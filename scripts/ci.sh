#!/bin/sh
# ci.sh: what CI runs.  The whole test suite (scripts/test.sh: optimized and
# ASan+UBSan builds), then every build type (Debug, RelWithDebInfo, Release)
# with GCC and with clang, warnings as errors, each running the test suite.
# The optimized GCC build of test.sh is the RelWithDebInfo one, so it is not
# built again.  Build directories are build-ci-COMPILER-TYPE.  Exits non-zero
# when any build or test fails; the last lines summarize every build.
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh clang
start=$(date +%s)
status=0
summary=""
sh scripts/test.sh || status=1
summary="gcc RelWithDebInfo + ASan/UBSan: $([ $status = 0 ] && echo ok || echo FAILED)"
for cc in gcc clang; do
    for type in Debug RelWithDebInfo Release; do
        [ "$cc/$type" = gcc/RelWithDebInfo ] && continue
        dir=build-ci-$cc-$type
        echo "== $cc $type"
        result=ok
        if ! sh scripts/build.sh "$dir" -DCMAKE_C_COMPILER="$cc" -DCMAKE_BUILD_TYPE="$type"; then
            result="BUILD FAILED"
        elif ! ctest --test-dir "$dir" --output-on-failure -j"$(nproc)"; then
            result="TESTS FAILED"
        fi
        [ "$result" = ok ] || status=1
        summary="$summary
$cc $type: $result"
    done
done
echo "== summary ($(($(date +%s) - start)) s)"
echo "$summary"
exit $status
