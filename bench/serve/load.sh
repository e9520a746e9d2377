#!/bin/sh
# load.sh [BUILD_DIR]: load test of `sitrep serve`.  Builds the examples'
# database (scripts/examples-db.sh), serves it, and runs wrk: 50
# concurrent connections for 20 seconds over the API's endpoints and filters
# (urls.lua), after a 5-second warm-up.  Prints requests per second, the
# 99th-percentile latency, errors (socket errors and non-2xx answers), and
# the server's resident memory at start, after the warm-up and after the load.
# $SR_BENCH_DB loads another database instead.  Not a CTest test.  Needs wrk (Debian's wrk package; scripts/deps.sh).
set -eu
cd "$(dirname "$0")/../.."
B=${1:-build}
CONNECTIONS=${SR_BENCH_CONNECTIONS:-50}
DURATION=${SR_BENCH_SECONDS:-20}
command -v wrk >/dev/null 2>&1 || { echo "load.sh: wrk is missing (apt-get install wrk)" >&2; exit 1; }
[ -x "$B/tools/sitrep" ] || sh scripts/build.sh "$B"
SITREP=$(cd "$B/tools" && pwd)/sitrep

tmp=$(mktemp -d /tmp/sitrep-load-XXXXXX)
pid=""
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

db=$tmp/events.db
if [ -n "${SR_BENCH_DB:-}" ]; then # another database to load (copied)
    cp "$SR_BENCH_DB" "$db"
else
    sh scripts/examples-db.sh "$SITREP" "$db"
fi

# The paths: every endpoint, each filter, pages, and some events and documents.
{
    for f in "" "country=UKR" "country=RUS" "actor=RUS" "actor=UKRMIL" "root=19" "quad=4" \
        "plover=ASSAULT" "from=2025-07-01&to=2025-08-31" "q=drone" "q=Sumy%20OR%20Kyiv" \
        "country=UKR&quad=4&from=2025-01-01"; do
        echo "/api/events?$f"
        echo "/api/timeline?$f"
        echo "/api/map?$f"
        echo "/api/dyads?$f"
    done
    echo "/api/meta"
    echo "/api/events?per_page=200"
    echo "/api/events?page=2&per_page=10"
    echo "/api/timeline?by=quad"
    sqlite3 "$db" "SELECT '/api/events/' || id FROM events ORDER BY id LIMIT 20"
    sqlite3 "$db" "SELECT '/api/documents/' || id FROM documents WHERE id NOT GLOB '*[^a-z0-9-]*'"
} > "$tmp/urls"
export SR_SERVE_URLS="$tmp/urls"

"$SITREP" serve --db "$db" --port 0 2> "$tmp/serve.err" &
pid=$!
port=""
for _ in $(seq 100); do
    port=$(sed -n 's|^sitrep: serving .* at http://127.0.0.1:\([0-9]*\)/$|\1|p' "$tmp/serve.err")
    [ -n "$port" ] && break
    kill -0 "$pid" 2>/dev/null || { cat "$tmp/serve.err" >&2; exit 1; }
    sleep 0.1
done
[ -n "$port" ] || { echo "load.sh: the server did not start" >&2; cat "$tmp/serve.err" >&2; exit 1; }
rss() { awk '/^VmRSS/ {print $2 " kB"}' "/proc/$pid/status"; }
url="http://127.0.0.1:$port"

echo "sitrep serve on $(wc -l < "$tmp/urls") paths of ${SR_BENCH_DB:-the examples' database} ($(sqlite3 "$db" \
    'SELECT count(*) FROM events') events), $(nproc) processors, load average $(cut -d' ' -f1-3 /proc/loadavg)"
rss_start=$(rss)
wrk -t2 -c"$CONNECTIONS" -d5s -s bench/serve/urls.lua "$url" > "$tmp/warmup.txt"
rss_before=$(rss)
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/serve/urls.lua "$url" > "$tmp/wrk.txt"
rss_after=$(rss)

reqs=$(awk '/^Requests\/sec/ {print $2}' "$tmp/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$tmp/wrk.txt")
total=$(awk '/requests in/ {print $1}' "$tmp/wrk.txt")
non2xx=$(awk '/Non-2xx/ {print $NF}' "$tmp/wrk.txt")
sockerr=$(sed -n 's/^ *Socket errors: //p' "$tmp/wrk.txt")
echo "load: $CONNECTIONS connections, ${DURATION} s (wrk, 2 threads)"
echo "  requests:        $total"
echo "  requests/s:      $reqs"
echo "  p99 latency:     $p99"
echo "  errors:          ${non2xx:-0} non-2xx answers; socket errors: ${sockerr:-none}"
echo "  server RSS:      $rss_start at start, $rss_before after the warm-up, $rss_after after the load"
kill -TERM "$pid"
wait "$pid" && echo "  stopped cleanly (SIGTERM)"
pid=""
