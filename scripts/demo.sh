#!/bin/sh
# demo.sh: the main job, from a fresh machine to a table of events.
# Installs what is missing, builds sitrep, codes the example articles into
# an SQLite database (out/events.db), prints the events (one row per
# happening, with how many reports and articles tell of it) and the command
# that opens them in the workbench.
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh
sh scripts/build.sh build
mkdir -p out
db=out/events.db
SITREP=build/tools/sitrep
sh scripts/examples-db.sh "$SITREP" "$db"

sqlite3 -header -column "$db" "
SELECT e.date, coalesce(e.source_code, '') AS source, e.cameo, e.plover,
       coalesce(e.target_code, '') AS target, e.nmentions AS reports,
       e.narticles AS articles, m.trigger_text AS trigger, m.doc_id AS first_report_in
FROM events e JOIN mentions m ON m.id = e.first_report
ORDER BY e.date, e.id;"
echo
sqlite3 "$db" "SELECT (SELECT count(*) FROM events) || ' events from ' || count(*) ||
               ' reports in ' || (SELECT count(*) FROM documents) || ' documents, in $db'
               FROM mentions;"
port=${SITREP_PORT:-8080}
echo
echo "The workbench (timeline, map, dyads, the evidence of every event):"
echo "    $SITREP serve --db $db --port $port"
echo "then open http://127.0.0.1:$port/"
