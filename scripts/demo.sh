#!/bin/sh
# demo.sh: the main job, from a fresh machine to a table of events.
# Installs what is missing, builds sitrep, codes the example articles into
# an SQLite database (out/events.db) and prints the events as a table.
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh
sh scripts/build.sh build
mkdir -p out
db=out/events.db
rm -f "$db" "$db-wal" "$db-shm"
SITREP=build/tools/sitrep

# Each example article with the date it was published.
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

sqlite3 -header -column "$db" "
SELECT e.doc_id AS doc, e.sentence AS sent, e.date,
       coalesce(e.source_code, '') AS source, e.cameo, e.plover,
       coalesce(e.target_code, '') AS target, e.trigger_text AS trigger
FROM events e ORDER BY e.doc_id, e.sentence, e.id;"
echo
sqlite3 "$db" "SELECT count(*) || ' events from ' || (SELECT count(*) FROM documents) ||
               ' documents in $db' FROM events;"
