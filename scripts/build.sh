#!/bin/sh
# build.sh [BUILD_DIR [CMAKE_ARGS...]]: configure and build sitrep (default build/).
# The compiler's output goes to BUILD_DIR/*.log and is shown only on failure.
# Warnings are errors here (-DSR_WERROR=ON); a plain cmake build keeps them warnings.
set -eu
cd "$(dirname "$0")/.."
dir=${1:-build}
[ $# -gt 0 ] && shift
mkdir -p "$dir"
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSR_WERROR=ON "$@" >"$dir/configure.log" 2>&1 ||
    { cat "$dir/configure.log" >&2; exit 1; }
cmake --build "$dir" -j"$(nproc)" >"$dir/build.log" 2>&1 ||
    { tail -50 "$dir/build.log" >&2; exit 1; }
