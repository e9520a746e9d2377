#!/bin/sh
# train-models.sh [BUILD_DIR]: retrain every shipped model from the UD EWT
# treebank in ../shared (default build dir: build/, made by scripts/build.sh).
# One line per model, each writing its file under data/models/.  The parser
# comes after the tagger and the supertagger, whose (jackknifed) tags it
# learns from.  Every
# trainer has a fixed seed and stops on the dev set; none reads the test set.
set -e
cd "$(dirname "$0")/.."
B=${1:-build}
UD=../shared/ud
"$B"/bench/segment/train_segment "$UD"/en_ewt-ud-train.conllu "$UD"/en_ewt-ud-dev.conllu data/models/segment.bin
"$B"/tools/train/sr-train-tagger --train "$UD"/en_ewt-ud-train.conllu --dev "$UD"/en_ewt-ud-dev.conllu --out data/models/tagger.bin
"$B"/tools/train/sr-train-lemma --train "$UD"/en_ewt-ud-train.conllu --dev "$UD"/en_ewt-ud-dev.conllu --out data/models/lemma.bin
"$B"/tools/train/sr-train-tagger --supertags --runs 3 --train "$UD"/en_ewt-ud-train.conllu --dev "$UD"/en_ewt-ud-dev.conllu --out data/models/supertag.bin
"$B"/tools/train/sr-train-parser --tagger data/models/tagger.bin --supertagger data/models/supertag.bin --jackknife 5 --gold-too --runs 5 --bag 0.8 --prune 0.2 --trans-bits 22 --label-bits 19 "$UD"/en_ewt-ud-train.conllu "$UD"/en_ewt-ud-dev.conllu data/models/parser.bin
