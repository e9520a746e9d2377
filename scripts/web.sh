#!/bin/sh
# web.sh OUTDIR: the libraries of the workbench page (data/web) and its browser test.
#
# Installs the npm packages below into a cache outside the repository
# ($SITREP_NPM_CACHE, else ~/.cache/sitrep/npm, in web/) and copies the files
# the page loads, with their licences, into OUTDIR/vendor (the build's
# data/web/vendor).  puppeteer-core stays in the cache for
# tests/serve/browser.  Without node, npm or the network a warning says so
# and the page works without its chart and map: the build never fails for it.
set -eu
out=$1
cache=${SITREP_NPM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sitrep/npm}/web
pkgs="chart.js@4.6.2 d3-array@3.2.4 d3-geo@3.1.1 topojson-client@3.1.0 world-atlas@2.0.2 puppeteer-core@24.43.1"
nm="$cache/node_modules"
# name in node_modules : file : name in vendor
files="chart.js/dist/chart.umd.min.js:chart.umd.min.js
d3-array/dist/d3-array.min.js:d3-array.min.js
d3-geo/dist/d3-geo.min.js:d3-geo.min.js
topojson-client/dist/topojson-client.min.js:topojson-client.min.js
world-atlas/countries-110m.json:countries-110m.json"
stamp="$cache/.installed"
missing=""
for f in chart.js/dist/chart.umd.min.js world-atlas/countries-110m.json puppeteer-core/package.json; do
    [ -f "$nm/$f" ] || missing=1
done
if [ -n "$missing" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$pkgs" ]; then
    if command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1 &&
        mkdir -p "$cache" &&
        # shellcheck disable=SC2086
        npm install --silent --no-audit --no-fund --no-save --prefix "$cache" $pkgs >/dev/null 2>&1; then
        echo "$pkgs" >"$stamp"
    else
        echo "web.sh: warning: could not install the page's npm packages ($pkgs): the workbench has no chart or map and its browser test is skipped" >&2
    fi
fi
mkdir -p "$out/vendor/licenses"
echo "$files" | while IFS=: read -r src dst; do
    if [ -f "$nm/$src" ]; then
        cp "$nm/$src" "$out/vendor/$dst.tmp" && mv "$out/vendor/$dst.tmp" "$out/vendor/$dst"
        p=${src%%/*}
        for l in LICENSE LICENSE.md; do
            if [ -f "$nm/$p/$l" ]; then cp "$nm/$p/$l" "$out/vendor/licenses/$p.txt"; fi
        done
    fi
done
exit 0
