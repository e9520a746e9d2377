#!/bin/sh
# examples-db.sh SITREP DB: the examples' database for the tests of `sitrep serve`:
# scripts/examples-db.sh (every article of examples/ with its date, and the
# HTML page), then one hostile article (markup and quotes in its id, title,
# url, outlet and text).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
sh "$here/../../scripts/examples-db.sh" "$1" "$2"
"$1" code --input jsonl --db "$2" "$here/hostile.jsonl" >/dev/null
