/*
** tagger_train.h: training the tagger (used by tools/train/train_tagger.c
** and by the tests).  Not part of the library interface.
*/
#ifndef SR_TAGGER_TRAIN_H
#define SR_TAGGER_TRAIN_H

#include <stddef.h>
#include <stdint.h>

#include "sitrep.h"

typedef struct sr_tg_train_opts {
    int runs;                /* runs with different seeds, summed into one model */
    int max_epochs;          /* upper bound on passes over the training set */
    int patience;            /* stop after this many epochs without a better dev score */
    uint64_t seed;           /* shuffling seed: same seed, same model */
    int dict_min_count;      /* tag dictionary: words seen at least this often ... */
    double dict_min_share;   /* ... with one class at least this share of the time */
    double prune;            /* drop averaged weights smaller than this in magnitude */
    size_t max_rows;         /* keep at most this many features per table, the strongest (0: all) */
    int feats_min_permille;  /* FEATS strings rarer than this per mille of a class are dropped */
    int fdict_min_count;     /* FEATS dictionary: (class, word) seen this often */
    int lex_min_count;       /* words seen this often need no lexicon features */
    const char *wordnet_dir; /* WordNet's dict/ directory for the lexicon; NULL: none */
    int verbose;             /* progress on stderr */
} sr_tg_train_opts;

/* Defaults for training on a treebank the size of UD EWT. */
void sr_tg_train_defaults(sr_tg_train_opts *o);

/* Accuracies of a tagger on gold-tagged sentences, in percent. */
typedef struct sr_tg_scores {
    double upos, xpos, feats, all; /* all: UPOS, XPOS and FEATS all right */
    size_t words;
} sr_tg_scores;

/*
** Train on train[0..ntrain), pick the epoch that scores best on
** dev[0..ndev) and write that model to out_path.  Gold tags are read from
** the tokens' upos, xpos and feats; the sentences are not modified.
** Returns 0 with the best dev scores in *best, or -1 with err set.
*/
int sr_tg_train(const sr_sentence *train, size_t ntrain, const sr_sentence *dev, size_t ndev,
                const sr_tg_train_opts *o, const char *out_path, sr_tg_scores *best, sr_error *err);

/* Score a loaded tagger on gold-tagged sentences without changing them. */
struct sr_tagger;
void sr_tg_evaluate(const struct sr_tagger *t, const sr_sentence *gold, size_t n,
                    sr_tg_scores *out);

#endif
