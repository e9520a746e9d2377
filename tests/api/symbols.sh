#!/bin/sh
# symbols.sh LIBSITREP.a LIBSITREP.so SITREP.h: every global symbol either
# library defines starts with sr_ (a static link must not clash with a
# program's own names), and the shared library exports exactly the
# functions the header marks SR_API.
set -eu
static=$1 shared=$2 header=$3
bad=$(nm -g --defined-only "$static" | awk 'NF == 3 && $3 !~ /^sr_/ {print $3}' | sort -u)
if [ -n "$bad" ]; then
    echo "global symbols without the sr_ prefix in $static:"; echo "$bad"; exit 1
fi
exported=$(nm -D --defined-only "$shared" | awk 'NF == 3 {print $3}' | sort -u)
declared=$(sed -n 's/^SR_API [^(]*[ *]\(sr_[a-z0-9_]*\)(.*/\1/p' "$header" | sort -u)
if [ "$exported" != "$declared" ]; then
    echo "exported and declared differ (< exported only, > declared only):"
    echo "$exported" > /tmp/sitrep-symbols-exported.$$
    echo "$declared" | diff /tmp/sitrep-symbols-exported.$$ - || true
    rm -f /tmp/sitrep-symbols-exported.$$
    exit 1
fi
echo "$(echo "$exported" | wc -l) exported functions, all declared SR_API; no unprefixed symbol"
