#!/bin/sh
# readme_queries.sh SITREP README: run every ```sql block of the README on
# the examples' database; each must succeed, return rows, and contain the
# word of the "<!-- expect: WORD -->" line that follows it.  At least five.
set -eu
sitrep=$1
readme=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
sh "$(dirname "$0")/../../scripts/examples-db.sh" "$sitrep" "$dir/examples.db"
# Split the README into q1.sql, q1.expect, q2.sql...
awk -v dir="$dir" '
    /^```sql$/ { n++; inq = 1; next }
    inq && /^```$/ { inq = 0; next }
    inq { print > (dir "/q" n ".sql"); next }
    /^<!-- expect: .* -->$/ && n { w = $0; sub(/^<!-- expect: /, "", w); sub(/ -->$/, "", w);
                                   print w > (dir "/q" n ".expect") }
' "$readme"
n=0
failed=0
for q in "$dir"/q*.sql; do
    n=$((n + 1))
    want=$(cat "${q%.sql}.expect" 2>/dev/null || echo "")
    if ! out=$(sqlite3 -bail "$dir/examples.db" < "$q" 2>&1); then
        echo "FAIL $(basename "$q"): $out"; failed=$((failed + 1)); continue
    fi
    if [ -z "$out" ]; then
        echo "FAIL $(basename "$q"): no rows"; failed=$((failed + 1)); continue
    fi
    if [ -z "$want" ] || ! printf '%s\n' "$out" | grep -q -- "$want"; then
        echo "FAIL $(basename "$q"): expected '$want' in:"; printf '%s\n' "$out"
        failed=$((failed + 1)); continue
    fi
    echo "ok   $(basename "$q"): $(printf '%s\n' "$out" | wc -l) rows, has '$want'"
done
if [ "$n" -lt 5 ]; then
    echo "FAIL: $n example queries in $readme, expected at least 5"
    exit 1
fi
exit $((failed > 0))
