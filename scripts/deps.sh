#!/bin/sh
# deps.sh: install what sitrep needs to build, test and run, if it is missing.
# Safe to run again: it installs nothing when every package is present.
# Needs root (or sudo) on Debian 12.  node and npm fetch the cities of the
# place gazetteer and the workbench page's libraries during the build
# (scripts/gazetteer.sh, scripts/web.sh); chromium runs the page's browser test.
#   deps.sh          what building and testing need
#   deps.sh clang    also clang and its libFuzzer runtime (CI's compiler matrix, fuzzing)
set -eu

PACKAGES="build-essential cmake pkg-config git ca-certificates sqlite3
libutf8proc-dev libjansson-dev libgumbo-dev libsqlite3-dev libicu-dev
libcmocka-dev libxml2-dev libmicrohttpd-dev wordnet-base iso-codes valgrind wrk
chromium"
if [ "${1:-}" = clang ]; then
    PACKAGES="$PACKAGES clang libclang-rt-dev"
fi

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
# node and npm: any install will do (a nodesource nodejs ships its own npm,
# which Debian's npm package would conflict with).
command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1 || missing="$missing nodejs npm"
[ -z "$missing" ] && exit 0

echo "sitrep: installing$missing" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
