/*
** train_tagger.c: sr-train-tagger, the one command that trains the
** part-of-speech tagger, and the parser's supertagger.
**
**     sr-train-tagger [--train FILE] [--dev FILE] [--out FILE]
**                     [--epochs N] [--patience N] [--seed N] [--prune X]
**                     [--dict-min N] [--dict-share X] [--wordnet DIR] [--lex-min N]
**                     [--feats-min PERMILLE] [--fdict-min N] [--runs N]
**                     [--max-rows N] [--supertags] [-q]
**
** Defaults: ../shared/ud/en_ewt-ud-{train,dev}.conllu and
** data/models/tagger.bin, relative to the repository root where it is meant
** to be run; WordNet's files from /usr/share/wordnet feed the lexicon that
** is baked into the model (--wordnet '' leaves it out).  With --supertags
** the model learns the supertags of the treebank's trees (supertag.h)
** instead of its part-of-speech tags.  The test set is never read.  The
** same options and data give the same model byte for byte.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nlp/conllu.h"
#include "nlp/nlp.h"
#include "nlp/supertag.h"
#include "nlp/tagger_train.h"
#include "util/arena.h"

static void usage(void)
{
    fprintf(stderr, "usage: sr-train-tagger [--train FILE] [--dev FILE] [--out FILE] "
                    "[--epochs N] [--patience N] [--seed N] [--prune X] [--dict-min N]\n"
                    "       [--dict-share X] [--wordnet DIR|''] [--lex-min N]\n"
                    "       [--feats-min PERMILLE] [--fdict-min N] [--runs N] [--max-rows N]\n"
                    "       [--supertags] [-q]\n");
    exit(2);
}

int main(int argc, char **argv)
{
    const char *train_path = SR_SHARED_DIR "/ud/en_ewt-ud-train.conllu";
    const char *dev_path = SR_SHARED_DIR "/ud/en_ewt-ud-dev.conllu";
    const char *out = "data/models/tagger.bin";
    sr_tg_train_opts o;
    sr_tg_train_defaults(&o);
    o.verbose = 1;
    o.wordnet_dir = "/usr/share/wordnet";
    int supertags = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "-q") == 0) {
            o.verbose = 0;
            continue;
        }
        if (strcmp(a, "--supertags") == 0) {
            supertags = 1;
            continue;
        }
        if (!v)
            usage();
        if (strcmp(a, "--train") == 0)
            train_path = v;
        else if (strcmp(a, "--dev") == 0)
            dev_path = v;
        else if (strcmp(a, "--out") == 0)
            out = v;
        else if (strcmp(a, "--epochs") == 0)
            o.max_epochs = atoi(v);
        else if (strcmp(a, "--patience") == 0)
            o.patience = atoi(v);
        else if (strcmp(a, "--seed") == 0)
            o.seed = strtoull(v, NULL, 10);
        else if (strcmp(a, "--prune") == 0)
            o.prune = atof(v);
        else if (strcmp(a, "--wordnet") == 0)
            o.wordnet_dir = *v ? v : NULL;
        else if (strcmp(a, "--max-rows") == 0)
            o.max_rows = (size_t)atol(v);
        else if (strcmp(a, "--runs") == 0)
            o.runs = atoi(v);
        else if (strcmp(a, "--fdict-min") == 0)
            o.fdict_min_count = atoi(v);
        else if (strcmp(a, "--feats-min") == 0)
            o.feats_min_permille = atoi(v);
        else if (strcmp(a, "--lex-min") == 0)
            o.lex_min_count = atoi(v);
        else if (strcmp(a, "--dict-min") == 0)
            o.dict_min_count = atoi(v);
        else if (strcmp(a, "--dict-share") == 0)
            o.dict_min_share = atof(v);
        else
            usage();
        i++;
    }
    sr_arena a;
    sr_arena_init(&a);
    sr_error err = {0};
    sr_sentence *train, *dev;
    size_t ntrain, ndev;
    if (sr_conllu_read(train_path, &a, &train, &ntrain, &err) ||
        sr_conllu_read(dev_path, &a, &dev, &ndev, &err)) {
        fprintf(stderr, "sr-train-tagger: %s\n", err.msg);
        return 1;
    }
    if (supertags) {
        sr_supertag_gold(train, ntrain, &a);
        sr_supertag_gold(dev, ndev, &a);
    }
    if (o.verbose)
        fprintf(stderr, "%zu training and %zu dev sentences\n", ntrain, ndev);
    sr_tg_scores best;
    if (sr_tg_train(train, ntrain, dev, ndev, &o, out, &best, &err)) {
        fprintf(stderr, "sr-train-tagger: %s\n", err.msg);
        sr_arena_free(&a);
        return 1;
    }
    printf("%s: dev UPOS %.2f%% XPOS %.2f%% UFeats %.2f%% AllTags %.2f%% (%zu words)\n", out,
           best.upos, best.xpos, best.feats, best.all, best.words);
    sr_arena_free(&a);
    return 0;
}
