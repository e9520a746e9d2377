/*
** tagger_train.c: training the tagger's two averaged perceptrons.
**
** After every epoch the averaged weights are pruned, quantized to int16
** and written as a real model file, which is loaded back and scored on the
** dev set with the same code that tags at run time; the best epoch's file
** is kept.  Sentences are visited in an order shuffled by a seeded
** generator, so a run is reproducible.
**
** The weights (tagger_weights.c), the label inventories
** (tagger_inventory.c) and the writing of a model (tagger_export.c) are in
** files of their own; tagger_train_internal.h is what they share.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nlp/tagger_train_internal.h"
#include "util/util.h"

void sr_tg_train_defaults(sr_tg_train_opts *o)
{
    o->max_epochs = 12;
    o->patience = 3;
    o->seed = 20240611;
    o->dict_min_count = 10;
    o->dict_min_share = 0.97;
    o->prune = 0.02;
    o->lex_min_count = 50;
    o->runs = 3;
    o->max_rows = 100000; /* 2^17 slots at 76%: compact, and short probes */
    o->feats_min_permille = 3;
    o->fdict_min_count = 3;
    o->wordnet_dir = NULL;
    o->verbose = 0;
}

static uint64_t xorshift(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *s = x;
}

/* Scratch for one sentence. */
typedef struct tr_sentence {
    sr_tg_word *words;
    uint8_t *gold, *guess, *gold_feats;
    size_t cap;
} tr_sentence;

static int scratch_fit(tr_sentence *sc, size_t n)
{
    if (n <= sc->cap)
        return 0;
    free(sc->words);
    free(sc->gold);
    free(sc->guess);
    free(sc->gold_feats);
    sc->words = malloc(n * sizeof *sc->words);
    sc->gold = malloc(n);
    sc->guess = malloc(n);
    sc->gold_feats = malloc(n);
    sc->cap = n;
    return sc->words && sc->gold && sc->guess && sc->gold_feats ? 0 : -1;
}

/*
** One sentence of training: POS greedily with updates, then FEATS on the
** classes just predicted, as when tagging (a word whose gold FEATS its
** predicted class cannot take is skipped).
*/
static int train_sentence(const tr_inventory *inv, tr_weights *pos, tr_weights *fts,
                          const sr_sentence *s, tr_sentence *sc)
{
    size_t n = s->ntokens, nf = inv->feats.n;
    uint64_t keys[SR_TG_MAX_FEATURES];
    float scores[256];
    for (size_t i = 0; i < n; i++) {
        const char *form = s->tokens[i].form ? s->tokens[i].form : "";
        sr_tg_word_init(&sc->words[i], form, i == 0);
        if (sr_tgt_inv_dict(inv, sc->words[i].exact) < 0)
            sc->words[i].lex = sr_tg_lexicon(&inv->lex, form);
        long c = sr_tgt_token_class(inv, &s->tokens[i]), f = sr_tgt_token_feats(inv, &s->tokens[i]);
        sc->gold[i] = (uint8_t)(c < 0 ? 0 : c);
        sc->gold_feats[i] = (uint8_t)(f < 0 ? 0 : f);
    }
    for (size_t i = 0; i < n; i++) {
        int d = sr_tgt_inv_dict(inv, sc->words[i].exact);
        if (d >= 0) {
            sc->guess[i] = (uint8_t)d;
            continue;
        }
        unsigned p1 = i > 0 ? sc->guess[i - 1] : SR_TG_NO_CLASS;
        unsigned p2 = i > 1 ? sc->guess[i - 2] : SR_TG_NO_CLASS;
        size_t nk = sr_tg_pos_features(sc->words, n, i, p1, p2, keys);
        memset(scores, 0, sizeof scores);
        sr_tgt_score(pos, keys, nk, scores);
        unsigned best = 0;
        for (unsigned c = 1; c < inv->classes.n; c++)
            if (scores[c] > scores[best])
                best = c;
        pos->t++;
        if (best != sc->gold[i] && sr_tgt_update(pos, keys, nk, sc->gold[i], best))
            return -1;
        sc->guess[i] = (uint8_t)best;
    }
    for (size_t i = 0; i < n; i++) {
        const uint8_t *allowed = inv->allowed + (size_t)sc->guess[i] * nf;
        size_t nallowed = 0;
        for (size_t f = 0; f < nf; f++)
            nallowed += allowed[f];
        if (nallowed <= 1 || !allowed[sc->gold_feats[i]] ||
            sr_tg_find(&inv->fdict, sr_tg_fdict_key(sc->guess[i], sc->words[i].lower)))
            continue;
        size_t nk = sr_tg_feats_features(sc->words, sc->guess, inv->class_flags, n, i, keys);
        memset(scores, 0, sizeof scores);
        sr_tgt_score(fts, keys, nk, scores);
        int best = -1;
        for (size_t f = 0; f < nf; f++)
            if (allowed[f] && (best < 0 || scores[f] > scores[best]))
                best = (int)f;
        fts->t++;
        if (best != sc->gold_feats[i] &&
            sr_tgt_update(fts, keys, nk, sc->gold_feats[i], (unsigned)best))
            return -1;
    }
    return 0;
}

void sr_tg_evaluate(const sr_tagger *t, const sr_sentence *gold, size_t n, sr_tg_scores *out)
{
    size_t words = 0, upos = 0, xpos = 0, feats = 0, all = 0;
    tr_sentence sc = {0};
    for (size_t i = 0; i < n; i++) {
        const sr_sentence *s = &gold[i];
        if (scratch_fit(&sc, s->ntokens))
            break;
        for (size_t j = 0; j < s->ntokens; j++)
            sr_tg_prepare(t, &sc.words[j], s->tokens[j].form ? s->tokens[j].form : "", j == 0);
        sr_tg_decode(t, sc.words, s->ntokens, sc.guess, sc.gold_feats);
        for (size_t j = 0; j < s->ntokens; j++) {
            const sr_token *g = &gold[i].tokens[j];
            unsigned c = sc.guess[j], f = sc.gold_feats[j];
            int u = t->class_upos[c] == g->upos;
            int x = g->xpos && strcmp(t->class_xpos[c], g->xpos) == 0;
            int ft = strcmp(t->feats[f], g->feats ? g->feats : "_") == 0;
            upos += u, xpos += x, feats += ft, all += u && x && ft;
            words++;
        }
    }
    free(sc.words);
    free(sc.gold);
    free(sc.guess);
    free(sc.gold_feats);
    double d = words ? 100.0 / (double)words : 0;
    out->upos = upos * d, out->xpos = xpos * d, out->feats = feats * d, out->all = all * d;
    out->words = words;
}

/* Write this epoch's model to cand_path and score it on dev. */
static int score_epoch(const tr_inventory *inv, const tr_weights *pos, const tr_weights *fts,
                       const sr_tg_train_opts *o, int epoch, const sr_sentence *dev, size_t ndev,
                       const char *cand_path, sr_tg_scores *sc, sr_error *err)
{
    char info[256];
    snprintf(info, sizeof info, "epoch=%d seed=%llu prune=%g dict=%d/%.2f", epoch,
             (unsigned long long)o->seed, o->prune, o->dict_min_count, o->dict_min_share);
    if (sr_tgt_export_model(inv, pos, fts, o, info, cand_path, err))
        return -1;
    sr_tagger *t = sr_tagger_load(cand_path, err);
    if (!t)
        return -1;
    sr_tg_evaluate(t, dev, ndev, sc);
    sr_tagger_free(t);
    return 0;
}

static int run_epochs(const tr_inventory *inv, tr_weights *pos, tr_weights *fts,
                      tr_weights *best_pos, tr_weights *best_fts, const sr_sentence *train,
                      size_t ntrain, const sr_sentence *dev, size_t ndev, const sr_tg_train_opts *o,
                      const char *out_path, sr_tg_scores *best, sr_error *err)
{
    size_t *order = malloc((ntrain ? ntrain : 1) * sizeof *order);
    char *cand = malloc(strlen(out_path) + 6);
    tr_sentence sc = {0};
    uint64_t rng = o->seed ? o->seed : 1;
    int rc = -1, best_epoch = 0;
    double best_score = -1;
    if (!order || !cand) {
        sr_error_set(err, "out of memory");
        goto done;
    }
    sprintf(cand, "%s.cand", out_path);
    for (size_t i = 0; i < ntrain; i++)
        order[i] = i;
    for (int epoch = 1; epoch <= o->max_epochs && epoch - best_epoch <= o->patience; epoch++) {
        for (size_t i = ntrain; i > 1; i--) {
            size_t j = xorshift(&rng) % i, tmp = order[i - 1];
            order[i - 1] = order[j], order[j] = tmp;
        }
        for (size_t i = 0; i < ntrain; i++) {
            const sr_sentence *s = &train[order[i]];
            if (scratch_fit(&sc, s->ntokens) || train_sentence(inv, pos, fts, s, &sc)) {
                sr_error_set(err, "out of memory while training");
                goto done;
            }
        }
        sr_tg_scores now;
        if (score_epoch(inv, pos, fts, o, epoch, dev, ndev, cand, &now, err))
            goto done;
        double score = now.upos + now.xpos + now.feats;
        if (o->verbose)
            fprintf(stderr,
                    "epoch %d: dev UPOS %.2f XPOS %.2f UFeats %.2f all %.2f (%zu+%zu features)%s\n",
                    epoch, now.upos, now.xpos, now.feats, now.all, pos->nrows, fts->nrows,
                    score > best_score ? "  best" : "");
        if (score > best_score) {
            best_score = score, best_epoch = epoch, *best = now;
            sr_tgt_clear(best_pos);
            sr_tgt_clear(best_fts);
            if (sr_tgt_add_averaged(best_pos, pos) || sr_tgt_add_averaged(best_fts, fts)) {
                sr_error_set(err, "out of memory while training");
                goto done;
            }
            if (rename(cand, out_path) != 0) {
                sr_error_set(err, "%s: cannot rename to %s", cand, out_path);
                goto done;
            }
        }
    }
    rc = 0;
done:
    if (cand)
        remove(cand);
    free(cand);
    free(order);
    free(sc.words);
    free(sc.gold);
    free(sc.guess);
    free(sc.gold_feats);
    return rc;
}

/*
** One training run with its own shuffling seed: the averaged weights of its
** best epoch are added to ens_pos and ens_fts.
*/
static int train_run(const tr_inventory *inv, int run, const sr_sentence *train, size_t ntrain,
                     const sr_sentence *dev, size_t ndev, const sr_tg_train_opts *o,
                     const char *out_path, tr_weights *ens_pos, tr_weights *ens_fts,
                     sr_tg_scores *best, sr_error *err)
{
    tr_weights w[4]; /* pos, fts, and their best epoch */
    sr_tg_train_opts ro = *o;
    ro.seed = o->seed + (uint64_t)run * 1000003u;
    int rc = -1, ready = 0;
    memset(w, 0, sizeof w);
    for (; ready < 4; ready++)
        if (sr_tgt_init(&w[ready]))
            break;
    if (ready < 4)
        sr_error_set(err, "out of memory");
    else if (o->verbose && o->runs > 1)
        fprintf(stderr, "run %d of %d (seed %llu)\n", run + 1, o->runs,
                (unsigned long long)ro.seed);
    if (ready == 4 && run_epochs(inv, &w[0], &w[1], &w[2], &w[3], train, ntrain, dev, ndev, &ro,
                                 out_path, best, err) == 0) {
        rc = sr_tgt_add_averaged(ens_pos, &w[2]) || sr_tgt_add_averaged(ens_fts, &w[3]) ? -1 : 0;
        if (rc)
            sr_error_set(err, "out of memory while training");
    }
    for (int i = 0; i < 4; i++)
        if (w[i].slot_row)
            sr_tgt_free(&w[i]);
    return rc;
}

int sr_tg_train(const sr_sentence *train, size_t ntrain, const sr_sentence *dev, size_t ndev,
                const sr_tg_train_opts *o, const char *out_path, sr_tg_scores *best, sr_error *err)
{
    tr_inventory inv;
    tr_weights pos, fts;
    memset(&inv, 0, sizeof inv);
    memset(&pos, 0, sizeof pos);
    memset(&fts, 0, sizeof fts);
    int rc = -1;
    if (sr_tgt_init(&pos) || sr_tgt_init(&fts)) {
        sr_error_set(err, "out of memory");
        goto done;
    }
    if (sr_tgt_inventory_build(&inv, train, ntrain, o, err))
        goto done;
    if (o->verbose)
        fprintf(stderr, "%zu classes, %zu feature strings, %zu dictionary words\n", inv.classes.n,
                inv.feats.n, inv.ndict);
    int runs = o->runs > 1 ? o->runs : 1;
    for (int r = 0; r < runs; r++)
        if (train_run(&inv, r, train, ntrain, dev, ndev, o, out_path, &pos, &fts, best, err))
            goto done;
    if (runs > 1) { /* the ensemble replaces the last run's model */
        char info[64];
        snprintf(info, sizeof info, "ensemble of %d runs", runs);
        if (sr_tgt_export_model(&inv, &pos, &fts, o, info, out_path, err))
            goto done;
        sr_tagger *t = sr_tagger_load(out_path, err);
        if (!t)
            goto done;
        sr_tg_evaluate(t, dev, ndev, best);
        sr_tagger_free(t);
        if (o->verbose)
            fprintf(stderr, "ensemble: dev UPOS %.2f XPOS %.2f UFeats %.2f all %.2f\n", best->upos,
                    best->xpos, best->feats, best->all);
    }
    rc = 0;
done:
    sr_tgt_free(&pos);
    sr_tgt_free(&fts);
    sr_tgt_inventory_free(&inv);
    return rc;
}
