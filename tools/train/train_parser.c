/*
** train_parser.c: sr-train-parser, the command that trains the dependency
** parser model.
**
**     sr-train-parser [options] TRAIN.conllu DEV.conllu OUT.bin
**
** Trains on TRAIN, keeps the epoch with the best LAS on DEV and writes it
** to OUT.  With --tagger MODEL the tags of both treebanks are replaced by
** that tagger's predictions first, so the parser learns from the kind of
** tags it will see; otherwise it trains on gold tags.  The seed is fixed:
** the same inputs give the same model.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nlp/parser_internal.h"

static void usage(void)
{
    fprintf(stderr,
            "usage: sr-train-parser [--tagger MODEL] [--supertagger MODEL]\n"
            "                       [--epochs N] [--patience N]\n"
            "                       [--trans-bits B] [--label-bits B] [--max-train N]\n"
            "                       [--explore P] [--prune W] [--jackknife K] [--gold-too]\n"
            "                       [--write-tagged PREFIX] [--runs N] [--bag F]\n"
            "                       [--seed S] TRAIN DEV OUT\n");
}

/* Parse an option's numeric value; exits on a bad one. */
static double number(const char *opt, const char *v)
{
    char *end;
    double d = v ? strtod(v, &end) : 0;
    if (!v || *end || end == v) {
        fprintf(stderr, "sr-train-parser: %s needs a number\n", opt);
        exit(2);
    }
    return d;
}

int main(int argc, char **argv)
{
    sr_parser_train_opts o;
    sr_parser_train_defaults(&o);
    const char *pos[3];
    int npos = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--tagger") == 0 && v)
            o.tagger_path = argv[++i];
        else if (strcmp(a, "--epochs") == 0)
            o.max_epochs = (int)number(a, v), i++;
        else if (strcmp(a, "--patience") == 0)
            o.patience = (int)number(a, v), i++;
        else if (strcmp(a, "--trans-bits") == 0)
            o.trans_bits = (int)number(a, v), i++;
        else if (strcmp(a, "--label-bits") == 0)
            o.label_bits = (int)number(a, v), i++;
        else if (strcmp(a, "--max-train") == 0)
            o.max_train = (size_t)number(a, v), i++;
        else if (strcmp(a, "--explore") == 0)
            o.explore = number(a, v), i++;
        else if (strcmp(a, "--write-tagged") == 0 && v)
            o.write_tagged = argv[++i];
        else if (strcmp(a, "--bag") == 0)
            o.bag = number(a, v), i++;
        else if (strcmp(a, "--runs") == 0)
            o.runs = (int)number(a, v), i++;
        else if (strcmp(a, "--supertagger") == 0 && v)
            o.supertagger_path = argv[++i];
        else if (strcmp(a, "--gold-too") == 0)
            o.gold_too = 1;
        else if (strcmp(a, "--jackknife") == 0)
            o.jackknife = (int)number(a, v), i++;
        else if (strcmp(a, "--prune") == 0)
            o.prune = number(a, v), i++;
        else if (strcmp(a, "--seed") == 0)
            o.seed = (uint64_t)number(a, v), i++;
        else if (a[0] == '-' && a[1] != '\0') {
            usage();
            return 2;
        } else if (npos < 3) {
            pos[npos++] = a;
        } else {
            usage();
            return 2;
        }
    }
    if (npos != 3 || o.trans_bits < 8 || o.trans_bits > 26 || o.label_bits < 8 ||
        o.label_bits > 24) {
        usage();
        return 2;
    }
    o.train_path = pos[0];
    o.dev_path = pos[1];
    o.out_path = pos[2];
    sr_error err = {0};
    if (sr_parser_train(&o, stderr, &err) != 0) {
        fprintf(stderr, "sr-train-parser: %s\n", err.msg);
        return 1;
    }
    return 0;
}
