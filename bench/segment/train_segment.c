/*
** train_segment.c: train the sentence-boundary model on a UD treebank.
**
** Usage: train_segment [--epochs N] [train.conllu [dev.conllu [out.bin]]]
** Defaults: EWT train and dev from SR_SHARED_DIR, data/models/segment.bin.
**
** Documents are rebuilt as bench_segment rebuilds them and tokenized by the
** segmenter itself.  Every gap between two tokens of one line is an
** example: positive when a gold sentence ends at the first token and the
** next begins at the second.  An averaged perceptron learns the weights
** (documents shuffled with a fixed seed every epoch);
** after each epoch the averaged model is scored on dev (sentence F1) and
** the best epoch is saved.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conllu_docs.h"
#include "segment/seg_internal.h"
#include "segment/segment.h"
#include "util/arena.h"
#include "util/util.h"

#ifndef SR_SHARED_DIR
#define SR_SHARED_DIR "../shared"
#endif

/* The perceptron: weights, their running sums for averaging, and a clock. */
typedef struct perceptron {
    float *w;
    double *u; /* sum of clock * update */
    double clock;
    uint32_t feats[64];
    size_t nfeats;
} perceptron;

static void collect(void *ctx, uint32_t index)
{
    perceptron *p = ctx;
    if (p->nfeats < sizeof p->feats / sizeof p->feats[0])
        p->feats[p->nfeats++] = index;
}

/* The averaged weights. */
static void averaged(const perceptron *p, float *out)
{
    for (uint32_t i = 0; i < SEG_MODEL_SIZE; i++)
        out[i] = (float)(p->w[i] - p->u[i] / p->clock);
}

/* Is there a gold boundary between token k and k+1? (sents sorted by start) */
static int gold_boundary(const doc *d, size_t *cursor, const seg_tok *a, const seg_tok *b)
{
    const spans *s = &d->sents;
    while (*cursor < s->n && s->v[*cursor].end < a->end)
        (*cursor)++;
    return *cursor + 1 < s->n && s->v[*cursor].end == a->end && s->v[*cursor + 1].start == b->start;
}

/* One epoch over the training documents, in the order given by order[]. */
static void train_epoch(perceptron *p, const corpus *c, const size_t *order)
{
    for (size_t i = 0; i < c->n; i++) {
        const doc *d = &c->docs[order[i]];
        seg_toks tv = {0};
        seg_lines lines;
        sr_seg_scan(d->text, d->len, &tv, &lines);
        if (tv.n == 0) {
            free(tv.v);
            continue;
        }
        uint8_t *brk = calloc(tv.n, 1);
        if (!brk)
            abort();
        sr_seg_rule_boundaries(d->text, &tv, &lines, brk);
        size_t cursor = 0, dist = 0;
        seg_feat_cache cache;
        memset(&cache, 0, sizeof cache);
        for (size_t k = 0; k + 1 < tv.n; k++) {
            dist++;
            int gold = gold_boundary(d, &cursor, &tv.v[k], &tv.v[k + 1]);
            if (sr_seg_model_gap(d->text, &tv, k)) {
                p->nfeats = 0;
                sr_seg_gap_features(d->text, &tv, k, brk[k], dist, &cache, collect, p);
                float score = 0;
                for (size_t f = 0; f < p->nfeats; f++)
                    score += p->w[p->feats[f]];
                int guess = score > 0;
                p->clock += 1;
                if (guess != gold) {
                    float delta = gold ? 1.0f : -1.0f;
                    for (size_t f = 0; f < p->nfeats; f++) {
                        p->w[p->feats[f]] += delta;
                        p->u[p->feats[f]] += p->clock * delta;
                    }
                }
            }
            if (gold)
                dist = 0;
        }
        free(brk);
        free(tv.v);
    }
}

/* Sentence F1 of model m on corpus c. */
static double sentence_f1(const sr_segmenter *m, const corpus *c)
{
    size_t gold = 0, pred = 0, right = 0;
    for (size_t i = 0; i < c->n; i++) {
        const doc *d = &c->docs[i];
        sr_arena a;
        sr_arena_init(&a);
        sr_sentence *ss;
        size_t ns;
        sr_segment_with(m, &a, d->text, d->len, &ss, &ns);
        spans ps = {0};
        for (size_t s = 0; s < ns; s++)
            spans_push(&ps, ss[s].span.start, ss[s].span.end);
        gold += d->sents.n, pred += ps.n, right += spans_matches(&d->sents, &ps);
        free(ps.v);
        sr_arena_free(&a);
    }
    return gold + pred ? 200.0 * (double)right / (double)(gold + pred) : 0;
}

/* Train for the given epochs, keep the epoch best on dev, save it. */
int main(int argc, char **argv)
{
    const char *paths[3] = {SR_SHARED_DIR "/ud/en_ewt-ud-train.conllu",
                            SR_SHARED_DIR "/ud/en_ewt-ud-dev.conllu", "data/models/segment.bin"};
    int epochs = 12, np = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--epochs") && i + 1 < argc)
            epochs = atoi(argv[++i]);
        else if (np < 3)
            paths[np++] = argv[i];
    }
    corpus train = {0}, dev = {0};
    if (read_conllu(paths[0], &train) != 0 || read_conllu(paths[1], &dev) != 0)
        return 1;
    perceptron p = {0};
    p.w = calloc(SEG_MODEL_SIZE, sizeof *p.w);
    p.u = calloc(SEG_MODEL_SIZE, sizeof *p.u);
    float *avg = calloc(SEG_MODEL_SIZE, sizeof *avg);
    float *best = calloc(SEG_MODEL_SIZE, sizeof *best);
    if (!p.w || !p.u || !avg || !best)
        return 1;
    printf("rules only: dev sentence F1 %.2f\n", sentence_f1(NULL, &dev));
    double best_f1 = -1;
    int best_epoch = 0;
    /* Documents in a new (reproducible) order every epoch. */
    size_t *order = malloc(train.n * sizeof *order);
    if (!order)
        return 1;
    for (size_t i = 0; i < train.n; i++)
        order[i] = i;
    uint64_t rng = 0x2545f4914f6cdd1dULL;
    for (int e = 1; e <= epochs; e++) {
        for (size_t i = train.n; i > 1; i--) {
            rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
            size_t j = (size_t)(rng % i), t = order[i - 1];
            order[i - 1] = order[j];
            order[j] = t;
        }
        train_epoch(&p, &train, order);
        averaged(&p, avg);
        sr_segmenter *m = sr_seg_model_from_weights(avg);
        double f = sentence_f1(m, &dev);
        sr_segmenter_free(m);
        printf("epoch %d: dev sentence F1 %.2f\n", e, f);
        if (f > best_f1) {
            best_f1 = f;
            best_epoch = e;
            memcpy(best, avg, SEG_MODEL_SIZE * sizeof *best);
        }
    }
    sr_error err;
    if (sr_seg_model_save(best, paths[2], &err) != 0) {
        fprintf(stderr, "train_segment: %s\n", err.msg);
        return 1;
    }
    printf("saved epoch %d (dev sentence F1 %.2f) to %s\n", best_epoch, best_f1, paths[2]);
    corpus_free(&train);
    corpus_free(&dev);
    free(p.w);
    free(p.u);
    free(avg);
    free(best);
    free(order);
    return 0;
}
