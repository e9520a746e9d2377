#!/bin/sh
# bench/fuzz.sh [SECONDS]: a long fuzzing campaign, SECONDS per target
# (default 1800), reporting runs and coverage of each target.  The corpus
# grows in build-fuzz/corpus and is reused by the next campaign.
set -eu
cd "$(dirname "$0")/.."
exec sh scripts/fuzz.sh "${1:-1800}"
