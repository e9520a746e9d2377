/*
** parser_train.c: training the parser (see parser_internal.h).
**
** Online training with a dynamic oracle and error exploration (Goldberg
** and Nivre 2012, 2013): at every configuration the model's best valid
** transition is compared with the cheapest ones by the oracle; on a
** mistake the perceptron moves toward the best-scoring cheapest transition.
** From the second epoch on the parser then follows its own (possibly
** wrong) prediction with probability `explore`, so it learns to recover
** from its errors.  The relation classifier is updated at every arc whose
** head is right.  Weights are averaged; after each epoch the averaged
** model parses the dev set and the best epoch by LAS is kept.  With
** runs > 1, several runs that differ only in sentence order are averaged
** into the model that is written out.
**
** Tags: gold, or predicted by a tagger model.  With jackknifing the
** training set is tagged fold by fold by taggers trained (tagger_train.h)
** on the other folds, so its tags are as noisy as on unseen text.  With
** gold_too every sentence is learnt from twice, once with predicted and
** once with gold tags: the parser then sees both what the tags should be
** and what they look like when wrong (about +0.35 dev UAS and LAS over
** predicted tags alone; learning twice from the predicted tags gains
** nothing, so the gain is not from the extra epochs).
**
** Non-projective training trees are projectivized by lifting before
** training (the oracle is exact only for projective trees); relations are
** kept as they are.  Everything random comes from one seeded generator, so
** the same data and options give the same model.
*/
#include "nlp/parser_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nlp/conllu.h"
#include "nlp/model_io.h"
#include "nlp/supertag.h"
#include "nlp/tagger_train.h"
#include "util/util.h"

void sr_parser_train_defaults(sr_parser_train_opts *o)
{
    memset(o, 0, sizeof *o);
    o->max_epochs = 20;
    o->patience = 4;
    o->trans_bits = 20;
    o->label_bits = 17;
    o->seed = 20111;
    o->explore = 0.9;
    o->prune = 0.0;
    o->runs = 1;
}

/* A weight table being trained: weights and their running sums for averaging. */
typedef struct ptable {
    float *w, *u;
    size_t rows, stride, width;
    int bits;
} ptable;

static int ptable_init(ptable *t, int bits, size_t width, size_t stride)
{
    t->bits = bits;
    t->rows = (size_t)1 << bits;
    t->width = width;
    t->stride = stride;
    t->w = calloc(t->rows * stride, sizeof *t->w);
    t->u = calloc(t->rows * stride, sizeof *t->u);
    return t->w && t->u ? 0 : -1;
}

static void ptable_free(ptable *t)
{
    free(t->w);
    free(t->u);
}

/* Add delta to class cls of every feature's row, at time step c. */
static void ptable_update(ptable *t, const uint64_t *f, size_t nf, int cls, float delta, double c)
{
    unsigned shift = 64u - (unsigned)t->bits;
    for (size_t i = 0; i < nf; i++) {
        size_t k = (size_t)(f[i] >> shift) * t->stride + (size_t)cls;
        t->w[k] += delta;
        t->u[k] += (float)(c * delta);
    }
}

/* The averaged weights w - u / c into avg. */
static void ptable_average(const ptable *t, double c, float *avg)
{
    size_t n = t->rows * t->stride;
    for (size_t i = 0; i < n; i++)
        avg[i] = t->w[i] - (float)(t->u[i] / c);
}

/* xorshift64*: the trainer's one source of randomness. */
static uint64_t rng_next(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 2685821657736338717ULL;
}

static double rng_uniform(uint64_t *s)
{
    return (double)(rng_next(s) >> 11) / 9007199254740992.0;
}

/* One training sentence, prepared once. */
typedef struct tsent {
    const sr_sentence *s;
    sr_ptok *tk; /* [0..n] */
    int *gold;   /* projectivized heads [0..n] */
    int *glabel; /* relation ids [0..n] */
} tsent;

/* Everything training needs. */
typedef struct trainer {
    const sr_parser_train_opts *o;
    FILE *log;
    sr_arena mem; /* sentences, texts and prepared data */
    sr_sentence *train, *dev;
    size_t ntrain, ndev;
    uint64_t **train_st;    /* supertag hashes of each training sentence, or NULL */
    sr_tagger *supertagger; /* the model's supertagger, or NULL */
    tsent *ts;
    const char *labels[SR_PARSER_MAX_LABELS];
    int nlabels, root;
    ptable trans, lab;
    double c; /* time step for averaging */
    uint64_t rng;
    sr_parser model; /* points at the current or averaged weights */
} trainer;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Index of relation name in the inventory, or -1. */
static int label_id(const trainer *tr, const char *name)
{
    if (!name)
        return -1;
    const char **hit = bsearch(&name, tr->labels, (size_t)tr->nlabels, sizeof *tr->labels, cmp_str);
    return hit ? (int)(hit - tr->labels) : -1;
}

/* Collect the relations of the training set, sorted by name. */
static int collect_labels(trainer *tr, sr_error *err)
{
    tr->nlabels = 0;
    for (size_t i = 0; i < tr->ntrain; i++)
        for (uint32_t k = 0; k < tr->train[i].ntokens; k++) {
            const char *d = tr->train[i].tokens[k].deprel;
            int known = 0;
            for (int j = 0; j < tr->nlabels && !known; j++)
                known = strcmp(tr->labels[j], d ? d : "dep") == 0;
            if (known)
                continue;
            if (tr->nlabels == SR_PARSER_MAX_LABELS)
                return sr_error_set(err, "%s: more than %d relations", tr->o->train_path,
                                    SR_PARSER_MAX_LABELS);
            tr->labels[tr->nlabels++] = d ? d : "dep";
        }
    qsort(tr->labels, (size_t)tr->nlabels, sizeof *tr->labels, cmp_str);
    tr->root = label_id(tr, "root");
    if (tr->root < 0)
        return sr_error_set(err, "%s: no word has the relation root", tr->o->train_path);
    return 0;
}

/* Whether heads[1..n] form a tree: every word reaches 0 and one word hangs on 0. */
static int is_tree(const int *heads, int n)
{
    int roots = 0;
    for (int d = 1; d <= n; d++) {
        if (heads[d] < 0 || heads[d] > n)
            return 0;
        roots += heads[d] == 0;
        int w = d, steps = 0;
        while (w != 0 && steps++ <= n)
            w = heads[w];
        if (w != 0)
            return 0;
    }
    return roots == 1;
}

/* Prepare features, projective gold heads and relation ids of every training sentence. */
static int prepare_training(trainer *tr, sr_error *err)
{
    tr->ts = sr_arena_calloc(&tr->mem, tr->ntrain, sizeof *tr->ts);
    size_t lifted = 0, nonproj = 0, skipped = 0, kept = 0;
    for (size_t i = 0; i < tr->ntrain; i++) {
        const sr_sentence *s = &tr->train[i];
        int n = (int)s->ntokens;
        tsent *t = &tr->ts[kept];
        t->s = s;
        t->tk = sr_arena_alloc(&tr->mem, ((size_t)n + 1) * sizeof *t->tk);
        t->gold = sr_arena_alloc(&tr->mem, ((size_t)n + 1) * sizeof *t->gold);
        t->glabel = sr_arena_alloc(&tr->mem, ((size_t)n + 1) * sizeof *t->glabel);
        sr_parser_prepare(s, tr->train_st ? tr->train_st[i] : NULL, t->tk);
        t->gold[0] = -1;
        t->glabel[0] = -1;
        for (int k = 1; k <= n; k++) {
            t->gold[k] = s->tokens[k - 1].head;
            t->glabel[k] = label_id(tr, s->tokens[k - 1].deprel ? s->tokens[k - 1].deprel : "dep");
        }
        if (n == 0 || !is_tree(t->gold, n)) {
            skipped++;
            continue;
        }
        if (!sr_tree_is_projective(t->gold, n)) {
            nonproj++;
            lifted += (size_t)sr_tree_projectivize(t->gold, n);
        }
        kept++;
    }
    tr->ntrain = kept;
    fprintf(tr->log, "train: %zu sentences, %zu non-projective (%zu arcs lifted), %zu skipped\n",
            kept, nonproj, lifted, skipped);
    return kept ? 0 : sr_error_set(err, "%s: no usable training sentences", tr->o->train_path);
}

/* The highest-scoring valid transition among those with cost equal to want (or any if want < 0). */
static int best_of(const sr_pstate *st, const float *score, const int *cost, int want)
{
    int best = -1;
    for (int t = 0; t < SR_PT_COUNT; t++) {
        if (!sr_pstate_valid(st, t) || (want >= 0 && cost[t] != want))
            continue;
        if (best < 0 || score[t] > score[best])
            best = t;
    }
    return best;
}

/* Label the arc t is about to add, learning from it when its head is right. */
static int train_label(trainer *tr, const sr_pstate *st, const tsent *t, int tr_t)
{
    int h, d;
    sr_pstate_arc(st, tr_t, &h, &d);
    if (h == 0)
        return tr->root;
    uint64_t f[SR_PARSER_MAX_FEATS];
    float score[SR_PARSER_MAX_LABELS + 4];
    size_t nf = sr_parser_label_features(st, t->tk, h, d, f);
    sr_parser_score_labels(&tr->model, f, nf, score);
    int pred = sr_parser_best_label(&tr->model, score, h);
    int gold = t->glabel[d];
    if (t->gold[d] == h && gold >= 0 && gold != tr->root && pred != gold) {
        ptable_update(&tr->lab, f, nf, gold, 1.0f, tr->c);
        ptable_update(&tr->lab, f, nf, pred, -1.0f, tr->c);
    }
    return pred;
}

/* One pass of online learning over sentence t. */
static void train_sentence(trainer *tr, const tsent *t, int epoch, sr_arena *a)
{
    int n = (int)t->s->ntokens;
    sr_pstate st;
    sr_pstate_init(&st, n, sr_arena_alloc(a, sr_pstate_bytes(n)));
    uint64_t f[SR_PARSER_MAX_FEATS];
    float score[SR_PT_STRIDE];
    int cost[SR_PT_COUNT];
    while (!sr_pstate_terminal(&st)) {
        size_t nf = sr_parser_trans_features(&st, t->tk, f);
        sr_parser_score_trans(&tr->model, f, nf, score);
        int mincost = -1;
        for (int k = 0; k < SR_PT_COUNT; k++) {
            cost[k] = sr_pstate_valid(&st, k) ? sr_pstate_cost(&st, k, t->gold) : -1;
            if (cost[k] >= 0 && (mincost < 0 || cost[k] < mincost))
                mincost = cost[k];
        }
        int pred = best_of(&st, score, cost, -1);
        int good = best_of(&st, score, cost, mincost);
        tr->c += 1;
        if (cost[pred] != mincost) {
            ptable_update(&tr->trans, f, nf, good, 1.0f, tr->c);
            ptable_update(&tr->trans, f, nf, pred, -1.0f, tr->c);
        }
        int next = good;
        if (epoch > 1 && cost[pred] != mincost && rng_uniform(&tr->rng) < tr->o->explore)
            next = pred;
        int label = next == SR_PT_SHIFT ? -1 : train_label(tr, &st, t, next);
        sr_pstate_apply(&st, next, label);
    }
}

/* Parse the dev set with the model as it stands; fills sc. */
static void evaluate(const sr_parser *p, const sr_sentence *dev, size_t ndev, sr_parser_score *sc)
{
    memset(sc, 0, sizeof *sc);
    sr_arena a;
    sr_arena_init(&a);
    for (size_t i = 0; i < ndev; i++) {
        size_t n = dev[i].ntokens;
        int *heads = sr_arena_alloc(&a, (n + 1) * sizeof *heads);
        int *labels = sr_arena_alloc(&a, (n + 1) * sizeof *labels);
        sr_parser_parse_ids(p, &dev[i], heads, labels, &a);
        sr_parser_score_sentence(p, &dev[i], heads, labels, sc);
        sr_arena_free(&a);
    }
}

/*
** Quantize a dense float table to 16 bits and keep only its nonzero
** weights (those below prune in magnitude count as zero): the sections
** prefix.bitmap (which rows have weights), prefix.count (how many, per such
** row), prefix.cls (their classes), prefix.w and prefix.scale.
*/
static int add_table(sr_model_writer *w, const char *prefix, const float *t, int bits,
                     size_t stride, size_t width, float prune, sr_error *err, size_t *kept)
{
    size_t rows = (size_t)1 << bits;
    float maxabs = 0;
    for (size_t i = 0; i < rows * stride; i++)
        if (fabsf(t[i]) > maxabs)
            maxabs = fabsf(t[i]);
    float scale = maxabs > 0 ? maxabs / 32767.0f : 1.0f;
    uint32_t *bitmap = calloc(rows / 32 + 1, sizeof *bitmap);
    uint8_t *count = malloc(rows), *cls = malloc(rows * width);
    int16_t *q = malloc(rows * width * sizeof *q);
    int rc = bitmap && count && cls && q ? 0 : sr_error_set(err, "out of memory saving the parser");
    size_t nrows = 0, nnz = 0;
    for (size_t r = 0; rc == 0 && r < rows; r++) {
        size_t before = nnz;
        for (size_t k = 0; k < width; k++) {
            float v = t[r * stride + k];
            long iv = fabsf(v) < prune ? 0 : lrintf(v / scale);
            if (iv == 0)
                continue;
            cls[nnz] = (uint8_t)k;
            q[nnz++] = (int16_t)(iv > 32767 ? 32767 : iv < -32767 ? -32767 : iv);
        }
        if (nnz > before) {
            bitmap[r / 32] |= (uint32_t)1 << (r % 32);
            count[nrows++] = (uint8_t)(nnz - before);
        }
    }
    char name[SR_MODEL_SECTION_NAME_MAX];
#define ADD(suffix, type, data, n)                                                                 \
    if (rc == 0) {                                                                                 \
        snprintf(name, sizeof name, "%s.%s", prefix, suffix);                                      \
        rc = sr_model_writer_add(w, name, type, data, n, err);                                     \
    }
    ADD("bitmap", SR_MT_U32, bitmap, rows / 32 + 1);
    ADD("count", SR_MT_U8, count, nrows);
    ADD("cls", SR_MT_U8, cls, nnz);
    ADD("w", SR_MT_I16, q, nnz);
    ADD("scale", SR_MT_F32, &scale, 1);
#undef ADD
    free(bitmap);
    free(count);
    free(cls);
    free(q);
    kept[0] = nrows;
    kept[1] = nnz;
    return rc;
}

/* Write the model in p (dense float tables) to path. */
static int save_model(const trainer *tr, const sr_parser *p, const char *info, const char *path,
                      sr_error *err)
{
    sr_model_writer *w = sr_model_writer_new("parser");
    if (!w)
        return sr_error_set(err, "out of memory writing %s", path);
    uint32_t meta[5] = {SR_PARSER_FEATURE_SET, (uint32_t)p->trans_bits, (uint32_t)p->label_bits,
                        (uint32_t)p->nlabels, (uint32_t)p->root_label};
    size_t names_len = 0;
    for (int i = 0; i < tr->nlabels; i++)
        names_len += strlen(tr->labels[i]) + 1;
    char *names = malloc(names_len), *q = names;
    for (int i = 0; names && i < tr->nlabels; i++) {
        size_t len = strlen(tr->labels[i]) + 1;
        memcpy(q, tr->labels[i], len);
        q += len;
    }
    size_t nt[2] = {0, 0}, nl[2] = {0, 0};
    int rc = names ? sr_model_writer_add(w, "meta", SR_MT_U32, meta, 5, err) : -1;
    if (rc == 0)
        rc = sr_model_writer_add(w, "labels", SR_MT_U8, names, names_len, err);
    if (rc == 0)
        rc = sr_model_writer_add_string(w, "info", info, err);
    if (rc == 0 && tr->o->supertagger_path) {
        const char *slash = strrchr(tr->o->supertagger_path, '/');
        rc = sr_model_writer_add_string(w, "supertagger",
                                        slash ? slash + 1 : tr->o->supertagger_path, err);
    }
    if (rc == 0)
        rc = add_table(w, "trans", p->trans, p->trans_bits, SR_PT_STRIDE, SR_PT_COUNT,
                       (float)tr->o->prune, err, nt);
    if (rc == 0)
        rc = add_table(w, "label", p->labels_w, p->label_bits, (size_t)p->label_stride,
                       (size_t)p->nlabels, (float)tr->o->prune, err, nl);
    if (rc == 0)
        rc = sr_model_writer_save(w, path, err);
    if (rc == 0)
        fprintf(tr->log,
                "wrote %s: transitions %zu rows %zu weights, relations %zu rows %zu weights\n",
                path, nt[0], nt[1], nl[0], nl[1]);
    free(names);
    sr_model_writer_free(w);
    return rc;
}

/* Replace the gold tags of s[0..n) with those of the tagger, copying tag strings into a. */
static void retag(const sr_tagger *tg, sr_sentence *s, size_t n, sr_arena *a)
{
    sr_arena scratch;
    sr_arena_init(&scratch);
    for (size_t i = 0; i < n; i++) {
        sr_sentence copy = s[i];
        copy.tokens = sr_arena_alloc(&scratch, s[i].ntokens * sizeof *copy.tokens);
        memcpy(copy.tokens, s[i].tokens, s[i].ntokens * sizeof *copy.tokens);
        sr_tagger_tag(tg, &copy, &scratch);
        for (uint32_t k = 0; k < s[i].ntokens; k++) {
            sr_token *t = &s[i].tokens[k];
            const sr_token *c = &copy.tokens[k];
            t->upos = c->upos;
            t->xpos = c->xpos ? sr_arena_strdup(a, c->xpos) : NULL;
            t->feats = c->feats ? sr_arena_strdup(a, c->feats) : NULL;
        }
        sr_arena_free(&scratch);
    }
}

/* A copy of s[0..n) with tokens of its own, so that retagging it leaves s as it is. */
static sr_sentence *copy_bank(const sr_sentence *s, size_t n, sr_arena *a)
{
    sr_sentence *c = sr_arena_alloc(a, n * sizeof *c);
    for (size_t i = 0; i < n; i++) {
        c[i] = s[i];
        c[i].tokens = sr_arena_alloc(a, s[i].ntokens * sizeof *c[i].tokens);
        memcpy(c[i].tokens, s[i].tokens, s[i].ntokens * sizeof *c[i].tokens);
    }
    return c;
}

/*
** Train a tagger with options to on the sentences of bank[0..n) outside
** fold f of k, early-stopped on dev[0..ndev), and load it; NULL with err
** set on failure.  The model passes through the file tmp.
*/
static sr_tagger *train_fold_tagger(const sr_sentence *bank, size_t n, size_t k, size_t f,
                                    const sr_sentence *dev, size_t ndev, const sr_tg_train_opts *to,
                                    const char *tmp, sr_tg_scores *sc, sr_error *err)
{
    sr_sentence *rest = malloc(n * sizeof *rest);
    if (!rest) {
        sr_error_set(err, "out of memory for jackknifing");
        return NULL;
    }
    size_t nrest = 0;
    for (size_t i = 0; i < n; i++)
        if (i % k != f)
            rest[nrest++] = bank[i];
    int rc = sr_tg_train(rest, nrest, dev, ndev, to, tmp, sc, err);
    free(rest);
    sr_tagger *tg = rc == 0 ? sr_tagger_load(tmp, err) : NULL;
    remove(tmp);
    return tg;
}

/*
** Jackknifing: split the training set into k folds, train a tagger on all
** folds but one (early-stopped on the gold-tagged dev set) and tag the
** held-out fold with it, so that the parser learns from tags as noisy as
** those it will see on new text.  Tags are written back only after every
** fold is done, as each tagger must learn from gold tags.
*/
static int jackknife(trainer *tr, sr_error *err)
{
    const sr_parser_train_opts *o = tr->o;
    size_t k = (size_t)o->jackknife, n = tr->ntrain;
    sr_sentence *tagged = copy_bank(tr->train, n, &tr->mem);
    sr_sentence *fold = malloc(n * sizeof *fold);
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.jackknife.tmp", o->out_path);
    int rc = fold ? 0 : sr_error_set(err, "out of memory for jackknifing");
    for (size_t f = 0; rc == 0 && f < k; f++) {
        sr_tg_train_opts to;
        sr_tg_train_defaults(&to);
        sr_tg_scores sc;
        sr_tagger *tg =
            train_fold_tagger(tr->train, n, k, f, tr->dev, tr->ndev, &to, tmp, &sc, err);
        if (!tg) {
            rc = -1;
            break;
        }
        size_t nfold = 0;
        for (size_t i = f; i < n; i += k)
            fold[nfold++] = tagged[i];
        retag(tg, fold, nfold, &tr->mem); /* fold shares tokens with tagged */
        sr_tagger_free(tg);
        fprintf(tr->log, "jackknife fold %zu/%zu: tagger dev UPOS %.2f XPOS %.2f\n", f + 1, k,
                sc.upos, sc.xpos);
        fflush(tr->log);
    }
    if (rc == 0)
        memcpy(tr->train, tagged, n * sizeof *tagged);
    free(fold);
    return rc;
}

/* Write sentences s[0..n) to path as CoNLL-U (for reuse of the predicted tags). */
static int write_bank(const char *path, const sr_sentence *s, size_t n, sr_error *err)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return sr_error_set(err, "%s: cannot create", path);
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++)
        rc = sr_conllu_write_sentence(f, &s[i], i, NULL);
    if (fclose(f) != 0 || rc != 0)
        return sr_error_set(err, "%s: write error", path);
    return 0;
}

/*
** Options of the supertaggers trained for jackknifing, the same as those
** scripts/train-models.sh trains the shipped supertagger with.
*/
static void supertagger_opts(sr_tg_train_opts *to)
{
    sr_tg_train_defaults(to);
    to->runs = 3;
    to->wordnet_dir = "/usr/share/wordnet";
}

/* Supertag the sentences s[f], s[f + k], ... of s[0..n) with t into st[], memory from a. */
static void supertag_fold(const sr_tagger *t, const sr_sentence *s, size_t n, size_t k, size_t f,
                          uint64_t **st, sr_arena *a)
{
    uint64_t hash[256];
    sr_supertag_class_hashes(t, hash);
    sr_arena scratch;
    sr_arena_init(&scratch);
    for (size_t i = f; i < n; i += k) {
        st[i] = sr_arena_alloc(a, (s[i].ntokens + 1) * sizeof *st[i]);
        sr_supertag(t, hash, &s[i], st[i], &scratch);
        sr_arena_free(&scratch);
    }
}

/*
** Supertags for the training set.  With jackknifing, as for the POS tags:
** each fold is supertagged by a supertagger trained on the gold supertags
** of the other folds, so the parser learns from supertags as wrong as
** those of new text.  Otherwise by the model's own supertagger.
*/
static int supertag_training(trainer *tr, sr_error *err)
{
    const sr_parser_train_opts *o = tr->o;
    size_t n = tr->ntrain, k = (size_t)(o->jackknife > 1 ? o->jackknife : 1);
    tr->train_st = sr_arena_calloc(&tr->mem, n, sizeof *tr->train_st);
    if (k == 1) {
        supertag_fold(tr->supertagger, tr->train, n, 1, 0, tr->train_st, &tr->mem);
        return 0;
    }
    sr_sentence *gold = copy_bank(tr->train, n, &tr->mem);
    sr_sentence *dev = copy_bank(tr->dev, tr->ndev, &tr->mem);
    sr_supertag_gold(gold, n, &tr->mem);
    sr_supertag_gold(dev, tr->ndev, &tr->mem);
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.supertagger.tmp", o->out_path);
    for (size_t f = 0; f < k; f++) {
        sr_tg_train_opts to;
        supertagger_opts(&to);
        sr_tg_scores sc;
        sr_tagger *tg = train_fold_tagger(gold, n, k, f, dev, tr->ndev, &to, tmp, &sc, err);
        if (!tg)
            return -1;
        supertag_fold(tg, tr->train, n, k, f, tr->train_st, &tr->mem);
        sr_tagger_free(tg);
        fprintf(tr->log, "jackknife fold %zu/%zu: supertagger dev %.2f\n", f + 1, k, sc.xpos);
        fflush(tr->log);
    }
    return 0;
}

/* Append the gold-tagged copies gold[0..n) to the (retagged) training set. */
static void add_gold_copies(trainer *tr, const sr_sentence *gold, size_t n)
{
    sr_sentence *both = sr_arena_alloc(&tr->mem, (tr->ntrain + n) * sizeof *both);
    memcpy(both, tr->train, tr->ntrain * sizeof *both);
    memcpy(both + tr->ntrain, gold, n * sizeof *both);
    if (tr->train_st) {
        uint64_t **st = sr_arena_alloc(&tr->mem, (tr->ntrain + n) * sizeof *st);
        memcpy(st, tr->train_st, tr->ntrain * sizeof *st);
        memcpy(st + tr->ntrain, tr->train_st, n * sizeof *st);
        tr->train_st = st;
    }
    tr->train = both;
    tr->ntrain += n;
    fprintf(tr->log, "tags: each training sentence also with its gold tags\n");
}

/* Replace the gold tags of the treebanks with the tagger's (jackknifed for training). */
static int retag_banks(trainer *tr, sr_error *err)
{
    const sr_parser_train_opts *o = tr->o;
    sr_tagger *tg = sr_tagger_load(o->tagger_path, err);
    if (!tg)
        return -1;
    int rc = 0;
    if (o->jackknife > 1)
        rc = jackknife(tr, err);
    else
        retag(tg, tr->train, tr->ntrain, &tr->mem);
    retag(tg, tr->dev, tr->ndev, &tr->mem);
    sr_tagger_free(tg);
    if (rc == 0 && o->write_tagged) {
        char path[4200];
        snprintf(path, sizeof path, "%s.train.conllu", o->write_tagged);
        rc = write_bank(path, tr->train, tr->ntrain, err);
        snprintf(path, sizeof path, "%s.dev.conllu", o->write_tagged);
        if (rc == 0)
            rc = write_bank(path, tr->dev, tr->ndev, err);
    }
    if (o->jackknife > 1)
        fprintf(tr->log, "tags: predicted (training set by %d-fold jackknifing, dev by %s)\n",
                o->jackknife, o->tagger_path);
    else
        fprintf(tr->log, "tags: predicted by %s\n", o->tagger_path);
    return rc;
}

/*
** Read the treebanks; when a tagger is given, replace their tags (keeping
** gold-tagged copies with gold_too); when a supertagger is, supertag them.
*/
static int load_data(trainer *tr, sr_error *err)
{
    const sr_parser_train_opts *o = tr->o;
    if (sr_conllu_read(o->train_path, &tr->mem, &tr->train, &tr->ntrain, err) != 0 ||
        sr_conllu_read(o->dev_path, &tr->mem, &tr->dev, &tr->ndev, err) != 0)
        return -1;
    if (o->max_train && tr->ntrain > o->max_train)
        tr->ntrain = o->max_train;
    if (o->supertagger_path && !(tr->supertagger = sr_tagger_load(o->supertagger_path, err)))
        return -1;
    sr_sentence *gold = NULL;
    size_t ngold = tr->ntrain;
    int rc = 0;
    if (o->tagger_path) {
        gold = o->gold_too ? copy_bank(tr->train, tr->ntrain, &tr->mem) : NULL;
        rc = retag_banks(tr, err);
    } else {
        fprintf(tr->log, "tags: gold\n");
    }
    if (rc == 0 && tr->supertagger)
        rc = supertag_training(tr, err);
    if (rc == 0 && gold)
        add_gold_copies(tr, gold, ngold);
    return rc;
}

/* Reload the written model and score it on dev, to see what quantization and pruning cost. */
static int check_saved(const trainer *tr, sr_error *err)
{
    sr_parser *p = sr_parser_load(tr->o->out_path, err);
    if (!p)
        return -1;
    sr_parser_score sc;
    evaluate(p, tr->dev, tr->ndev, &sc);
    fprintf(tr->log, "saved model: dev UAS %.2f LAS %.2f\n",
            100.0 * (double)sc.uas / (double)sc.words, 100.0 * (double)sc.las / (double)sc.words);
    sr_parser_free(p);
    return 0;
}

/* Score p on dev; UAS and LAS in percent. */
static void dev_scores(const trainer *tr, const sr_parser *p, double *uas, double *las)
{
    sr_parser_score sc;
    evaluate(p, tr->dev, tr->ndev, &sc);
    *uas = 100.0 * (double)sc.uas / (double)sc.words;
    *las = 100.0 * (double)sc.las / (double)sc.words;
}

/*
** One training run: epochs from zero weights until dev LAS stops improving.
** The averaged weights of the best epoch are added to sum_t and sum_l.
*/
static int run_epochs(trainer *tr, float *sum_t, float *sum_l, sr_error *err)
{
    const sr_parser_train_opts *o = tr->o;
    size_t nt = tr->trans.rows * tr->trans.stride, nl = tr->lab.rows * tr->lab.stride;
    size_t *order = malloc(tr->ntrain * sizeof *order);
    float *avg_t = malloc(nt * sizeof *avg_t), *best_t = malloc(nt * sizeof *best_t);
    float *avg_l = malloc(nl * sizeof *avg_l), *best_l = malloc(nl * sizeof *best_l);
    if (!order || !avg_t || !avg_l || !best_t || !best_l) {
        free(order), free(avg_t), free(avg_l), free(best_t), free(best_l);
        return sr_error_set(err, "out of memory for training");
    }
    memset(tr->trans.w, 0, nt * sizeof *tr->trans.w);
    memset(tr->trans.u, 0, nt * sizeof *tr->trans.u);
    memset(tr->lab.w, 0, nl * sizeof *tr->lab.w);
    memset(tr->lab.u, 0, nl * sizeof *tr->lab.u);
    tr->c = 0;
    for (size_t i = 0; i < tr->ntrain; i++)
        order[i] = i;
    double best = -1;
    int best_epoch = 0;
    sr_arena a;
    sr_arena_init(&a);
    size_t nuse = tr->ntrain;
    if (o->bag > 0 && o->bag < 1) {
        /* Bagging: this run learns from a random share of the sentences. */
        for (size_t i = tr->ntrain; i > 1; i--) {
            size_t j = (size_t)(rng_next(&tr->rng) % i);
            size_t tmp = order[i - 1];
            order[i - 1] = order[j];
            order[j] = tmp;
        }
        nuse = (size_t)(o->bag * (double)tr->ntrain);
    }
    for (int epoch = 1; epoch <= o->max_epochs; epoch++) {
        for (size_t i = nuse; i > 1; i--) {
            size_t j = (size_t)(rng_next(&tr->rng) % i);
            size_t tmp = order[i - 1];
            order[i - 1] = order[j];
            order[j] = tmp;
        }
        tr->model.trans = tr->trans.w;
        tr->model.labels_w = tr->lab.w;
        for (size_t i = 0; i < nuse; i++) {
            train_sentence(tr, &tr->ts[order[i]], epoch, &a);
            sr_arena_free(&a);
        }
        ptable_average(&tr->trans, tr->c, avg_t);
        ptable_average(&tr->lab, tr->c, avg_l);
        sr_parser avg = tr->model;
        avg.trans = avg_t;
        avg.labels_w = avg_l;
        double uas, las;
        dev_scores(tr, &avg, &uas, &las);
        fprintf(tr->log, "epoch %d: dev UAS %.2f LAS %.2f\n", epoch, uas, las);
        fflush(tr->log);
        if (las > best) {
            best = las;
            best_epoch = epoch;
            memcpy(best_t, avg_t, nt * sizeof *best_t);
            memcpy(best_l, avg_l, nl * sizeof *best_l);
        } else if (epoch - best_epoch >= o->patience) {
            break;
        }
    }
    fprintf(tr->log, "best: epoch %d, dev LAS %.2f\n", best_epoch, best);
    for (size_t i = 0; i < nt; i++)
        sum_t[i] += best_t[i];
    for (size_t i = 0; i < nl; i++)
        sum_l[i] += best_l[i];
    free(order), free(avg_t), free(avg_l), free(best_t), free(best_l);
    return 0;
}

/*
** Train o->runs models that differ only in the order they see the
** sentences, and average their weights into one model of the same size
** and speed (all runs hash features into the same tables).  Save it.
*/
static int train_and_save(trainer *tr, sr_error *err)
{
    const sr_parser_train_opts *o = tr->o;
    int runs = o->runs > 0 ? o->runs : 1;
    size_t nt = tr->trans.rows * tr->trans.stride, nl = tr->lab.rows * tr->lab.stride;
    float *sum_t = calloc(nt, sizeof *sum_t), *sum_l = calloc(nl, sizeof *sum_l);
    int rc = sum_t && sum_l ? 0 : sr_error_set(err, "out of memory for training");
    for (int r = 0; rc == 0 && r < runs; r++) {
        tr->rng = (o->seed ? o->seed : 1) + 0x9e3779b9ULL * (uint64_t)r;
        fprintf(tr->log, "run %d/%d\n", r + 1, runs);
        rc = run_epochs(tr, sum_t, sum_l, err);
    }
    for (size_t i = 0; rc == 0 && i < nt; i++)
        sum_t[i] /= (float)runs;
    for (size_t i = 0; rc == 0 && i < nl; i++)
        sum_l[i] /= (float)runs;
    if (rc == 0) {
        sr_parser avg = tr->model;
        avg.trans = sum_t;
        avg.labels_w = sum_l;
        double uas, las;
        dev_scores(tr, &avg, &uas, &las);
        fprintf(tr->log, "averaged model of %d runs: dev UAS %.2f LAS %.2f\n", runs, uas, las);
        char info[512];
        snprintf(info, sizeof info,
                 "arc-hybrid greedy parser trained on %s (%s tags), average of %d runs, dev UAS "
                 "%.2f LAS %.2f. Derived from UD English EWT: CC BY-SA 4.0.",
                 o->train_path,
                 !o->tagger_path    ? "gold"
                 : o->jackknife > 1 ? "jackknifed predicted"
                                    : "predicted",
                 runs, uas, las);
        rc = save_model(tr, &avg, info, o->out_path, err);
    }
    if (rc == 0)
        rc = check_saved(tr, err);
    free(sum_t);
    free(sum_l);
    return rc;
}

int sr_parser_train(const sr_parser_train_opts *o, FILE *log, sr_error *err)
{
    trainer tr;
    memset(&tr, 0, sizeof tr);
    tr.o = o;
    tr.log = log;
    tr.rng = o->seed ? o->seed : 1;
    sr_arena_init(&tr.mem);
    int rc = load_data(&tr, err);
    if (rc == 0)
        rc = collect_labels(&tr, err);
    if (rc == 0)
        rc = prepare_training(&tr, err);
    if (rc == 0) {
        tr.model.trans_bits = o->trans_bits;
        tr.model.label_bits = o->label_bits;
        tr.model.nlabels = tr.nlabels;
        tr.model.label_stride = (tr.nlabels + 3) & ~3;
        tr.model.root_label = tr.root;
        tr.model.label_names = tr.labels;
        if (tr.supertagger) {
            tr.model.supertagger = tr.supertagger;
            sr_supertag_class_hashes(tr.supertagger, tr.model.st_hash);
        }
        if (ptable_init(&tr.trans, o->trans_bits, SR_PT_COUNT, SR_PT_STRIDE) != 0 ||
            ptable_init(&tr.lab, o->label_bits, (size_t)tr.nlabels,
                        (size_t)tr.model.label_stride) != 0)
            rc = sr_error_set(err, "out of memory for the weight tables");
    }
    if (rc == 0)
        rc = train_and_save(&tr, err);
    ptable_free(&tr.trans);
    ptable_free(&tr.lab);
    sr_tagger_free(tr.supertagger);
    sr_arena_free(&tr.mem);
    return rc;
}
