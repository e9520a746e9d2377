#!/bin/sh
# news.sh [BUILD_DIR]: end-to-end speed of `sitrep code` on news text, with
# one worker thread and with two, and its peak memory.
#
# The input is built the same way every time from the `text:` lines of
# bench/code/dev/*.txt (wire and machine-translated news, in file order):
# consecutive records make documents of 48 records, one JSONL line each
# ({"id","date","text"}, the records joined as paragraphs, the date of the
# first), and the whole set is repeated until it holds about 22,000
# sentences as the segmenter counts them.  Each run is timed with
# /usr/bin/time (wall clock and peak resident memory); the best of three
# counts.  Output goes to /dev/null.  Nothing here is asserted: other jobs on
# the machine slow it down, so compare figures taken side by side.
set -eu
cd "$(dirname "$0")/../.."
B=${1:-build}
SITREP=$B/tools/sitrep
[ -x "$SITREP" ] || { echo "news.sh: $SITREP is not built" >&2; exit 1; }
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "news.sh: needs GNU time at $TIME" >&2; exit 1; }
TARGET=22000
DOC=48
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# make REPEAT: the news file of the dev records repeated REPEAT times, on stdout.
make_news() {
    awk -v repeat="$1" -v per="$DOC" '
        function esc(s) {
            gsub(/\\/, "\\\\", s)
            gsub(/"/, "\\\"", s)
            gsub(/\t/, "\\t", s)
            gsub(/\r/, "", s)
            return s
        }
        /^date:/ { date = $2 }
        /^text:/ {
            t = $0
            sub(/^text:[ \t]*/, "", t)
            n++
            text[n] = esc(t)
            day[n] = date == "" ? "2025-08-20" : date
            date = ""
        }
        /^$/ { date = "" }
        END {
            k = 0
            doc = 0
            for (r = 0; r < repeat; r++)
                for (i = 1; i <= n; i++) {
                    if (k == 0) {
                        printf "{\"id\": \"news-%d\", \"date\": \"%s\", \"text\": \"", doc++, day[i]
                    } else {
                        printf "\\n\\n"
                    }
                    printf "%s", text[i]
                    if (++k == per) {
                        printf "\"}\n"
                        k = 0
                    }
                }
            if (k)
                printf "\"}\n"
        }' bench/code/dev/*.txt
}

# How many sentences one copy holds decides how many copies make the target.
make_news 1 >"$tmp/one.jsonl"
per_set=$("$SITREP" segment --input jsonl "$tmp/one.jsonl" | grep -c '^# text')
repeat=$(((TARGET + per_set / 2) / per_set))
[ "$repeat" -ge 1 ] || repeat=1
make_news "$repeat" >"$tmp/news.jsonl"
sentences=$("$SITREP" segment --input jsonl "$tmp/news.jsonl" | grep -c '^# text')
docs=$(wc -l <"$tmp/news.jsonl")
echo "input: $docs documents, $sentences sentences ($per_set a copy of bench/code/dev, $repeat copies)"

# best THREADS: "seconds kilobytes" of the fastest of three runs.
best() {
    for run in 1 2 3; do
        "$TIME" -f "%e %M" -o "$tmp/time" "$SITREP" code -j "$1" --input jsonl "$tmp/news.jsonl" >/dev/null
        cat "$tmp/time"
    done | sort -n | head -1
}

one=$(best 1)
two=$(best 2)
echo "$one $two" | awk -v n="$sentences" '{
    s1 = $1 > 0 ? $1 : 0.01
    s2 = $3 > 0 ? $3 : 0.01
    printf "1 thread:  %6.2f s  %7.0f sentences/s  peak RSS %5.1f MB\n", $1, n / s1, $2 / 1024
    printf "2 threads: %6.2f s  %7.0f sentences/s  peak RSS %5.1f MB\n", $3, n / s2, $4 / 1024
    printf "speed-up with 2 threads: %.2fx\n", s1 / s2
}'
