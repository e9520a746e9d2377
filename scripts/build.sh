#!/bin/sh
# build.sh [BUILD_DIR [CMAKE_ARGS...]]: configure and build sitrep (default build/).
set -eu
cd "$(dirname "$0")/.."
dir=${1:-build}
[ $# -gt 0 ] && shift
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >"$dir.cmake.log" 2>&1 ||
    { cat "$dir.cmake.log" >&2; exit 1; }
cmake --build "$dir" -j"$(nproc)" >"$dir.build.log" 2>&1 ||
    { tail -50 "$dir.build.log" >&2; exit 1; }
