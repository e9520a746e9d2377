#!/bin/sh
# examples-db.sh SITREP DB: the examples' database for the tests of `sitrep serve`:
# every article of examples/ coded with the date scripts/demo.sh gives it, the
# HTML page, and one hostile article (markup and quotes in its title and text).
set -eu
SITREP=$1
db=$2
rm -f "$db" "$db-wal" "$db-shm"
cd "$(dirname "$0")/../.."
while read -r file date; do
    "$SITREP" code --date "$date" --db "$db" "examples/$file" >/dev/null
done <<LIST
nato-chiefs-meeting.txt 2025-08-20
drone-strikes-sumy.txt 2025-07-14
ceasefire-talks.txt 2025-05-27
sanctions-tariffs.txt 2025-07-18
mt-damaged.txt 2025-08-27
protest-arrests.txt 2025-10-05
LIST
"$SITREP" code --input html --id ceasefire-talks-page --db "$db" examples/page.html >/dev/null
"$SITREP" code --input jsonl --db "$db" tests/serve/hostile.jsonl >/dev/null
