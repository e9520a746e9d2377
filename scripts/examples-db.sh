#!/bin/sh
# examples-db.sh SITREP DB: code the example articles (examples/) into the
# SQLite database DB, created afresh, with the dates they were published.
# Used by demo.sh, by the tests that need a real database and by the
# workbench's browser test and load benchmark.
set -eu
sitrep=$1
db=$2
examples="$(cd "$(dirname "$0")/.." && pwd)/examples"
rm -f "$db" "$db-wal" "$db-shm"
while read -r file date; do
    "$sitrep" code --date "$date" --db "$db" "$examples/$file" >/dev/null
done <<LIST
nato-chiefs-meeting.txt 2025-08-20
drone-strikes-sumy.txt 2025-07-14
ceasefire-talks.txt 2025-05-27
sanctions-tariffs.txt 2025-07-18
mt-damaged.txt 2025-08-27
protest-arrests.txt 2025-10-05
LIST
"$sitrep" code --input html --id ceasefire-talks-page --db "$db" "$examples/page.html" >/dev/null
