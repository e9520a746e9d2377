#!/bin/sh
# install_test.sh BUILD_DIR EXAMPLE.c CC: install the build into a scratch
# prefix, then build EXAMPLE.c against the installed library with
# `pkg-config --cflags --libs sitrep` (shared) and with --static, and run
# both on an article: each must print coded events.  The installed CLI and
# its man page must be there too.
set -eu
build=$1 example=$2 cc=$3
prefix=$(mktemp -d /tmp/sitrep-install-XXXXXX)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >"$prefix.log" 2>&1 || { cat "$prefix.log"; exit 1; }
rm -f "$prefix.log"
pc=$(find "$prefix" -name sitrep.pc)
[ -n "$pc" ] || { echo "no sitrep.pc installed"; exit 1; }
export PKG_CONFIG_PATH="$(dirname "$pc")"
libdir=$(pkg-config --variable=libdir sitrep)
export SITREP_DATA="$(pkg-config --variable=datadir sitrep)"
article=examples/nato-chiefs-meeting.txt

# shellcheck disable=SC2046
"$cc" -Wall -Wextra -Werror -o "$prefix/example" "$example" $(pkg-config --cflags --libs sitrep)
LD_LIBRARY_PATH="$libdir" "$prefix/example" "$article" >"$prefix/out"
grep -q '"cameo":' "$prefix/out" || { echo "shared: no events"; exit 1; }

# Static: the archive and what it needs, from Libs.private and Requires.private.
# shellcheck disable=SC2046
"$cc" -o "$prefix/example-static" "$example" $(pkg-config --cflags sitrep) "$libdir/libsitrep.a" \
    $(pkg-config --static --libs sitrep | sed 's/-lsitrep//')
"$prefix/example-static" "$article" >"$prefix/out"
grep -q '"cameo":' "$prefix/out" || { echo "static: no events"; exit 1; }

"$prefix/bin/sitrep" --version
[ -s "$prefix/share/man/man1/sitrep.1" ] || { echo "no man page"; exit 1; }
"$prefix/bin/sitrep" code --date 2025-08-20 "$article" | grep -q '"cameo":'
echo "install test: ok ($prefix)"
