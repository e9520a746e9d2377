#!/bin/sh
# run.sh [BUILD_DIR]: build sitrep and run every benchmark, printing its figures.
# Accuracy is measured on held-out data: UD EWT test (never used in training
# or tuning), the PETRARCH2 unit-test suite, and bench/kb/variants.tsv.
# Speed figures are for one core, with models loaded once.
set -eu
cd "$(dirname "$0")/.."
B=${1:-build}
sh scripts/build.sh "$B"
run() {
    echo
    echo "== $1"
    shift
    "$@"
}
run "segmentation: UD EWT test, raw text" "$B"/bench/segment/bench_segment --model data/models/segment.bin
run "tagger and lemmatizer: UD EWT test, gold tokens" "$B"/bench/nlp/bench_tagger
run "dependency parser: UD EWT test, gold tokens" "$B"/bench/nlp/bench_parser
run "raw text to trees: UD EWT test (CoNLL 2018 scoring)" "$B"/bench/pipeline/bench_raw
run "actor resolution: bench/kb/variants.tsv" "$B"/bench/kb/bench_kb
run "event coder: bench/code/dev (tuning and frozen halves)" "$B"/bench/code/bench_dev
run "event coder: PETRARCH2 unit-test suite, its dictionaries and ours" "$B"/bench/code/bench_petrarch
run "attribute stage: bench/attr dev and frozen halves" "$B"/bench/attr/bench_attr
run "merging reports into happenings: bench/merge tune and frozen halves" "$B"/bench/merge/bench_merge
run "end-to-end speed: UD EWT test raw text" "$B"/bench/pipeline/bench_pipeline
run "end-to-end speed of sitrep code on news (bench/code/dev repeated), 1 and 2 threads" sh bench/pipeline/news.sh "$B"
run "sitrep serve: 50 connections for 20 s on the examples' database (wrk)" sh bench/serve/load.sh "$B"
