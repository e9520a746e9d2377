#!/bin/sh
# train-models.sh [BUILD_DIR]: retrain every shipped model from the UD EWT
# treebank in ../shared (default build dir: build/, made by scripts/build.sh).
# One line per model; the parser comes after the tagger, whose tags it learns.
set -e
cd "$(dirname "$0")/.."
B=${1:-build}
UD=../shared/ud
"$B"/tools/train/sr-train-parser --tagger data/models/tagger.bin --jackknife 5 --runs 5 --prune 0.5 "$UD"/en_ewt-ud-train.conllu "$UD"/en_ewt-ud-dev.conllu data/models/parser.bin
