/*
** seg_model.c: the statistical sentence-boundary model.
**
** Web and news text has sentences without a full stop, and full stops
** that end nothing; rules alone miss both.  The model is a linear
** classifier (an averaged perceptron, trained by train_segment on the EWT
** treebank) over the gap between two tokens of the same line.  Its
** features are the words, shapes and kinds of the two tokens on either
** side, the rules' own decision and the length of the sentence so far,
** hashed into SEG_MODEL_SIZE weights.
**
** File format (little-endian): the 8 bytes SEG_MODEL_MAGIC, uint32
** version, uint32 bits, uint32 count, then count pairs of (uint32 index,
** float weight) for the non-zero weights.
*/
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>

#include "segment/seg_internal.h"
#include "segment/segment.h"
#include "util/util.h"

struct sr_segmenter {
    float *w; /* SEG_MODEL_SIZE weights */
};

/* ------------------------------------------------------------------ */
/* Features.                                                          */

/* A token described for feature purposes. */
typedef struct tok_desc {
    char word[28]; /* lower-cased form, truncated */
    char shape[8]; /* Xx, XX, x, X, d, url, or the punctuation itself */
} tok_desc;

/*
** Describe token p (or the text edge when p is outside): its lower-cased
** form and a coarse shape that lets the model generalize to unseen words.
*/
static void describe(const char *text, const seg_toks *tv, long p, tok_desc *d)
{
    if (p < 0 || (size_t)p >= tv->n) {
        strcpy(d->word, p < 0 ? "<s>" : "</s>");
        strcpy(d->shape, d->word);
        return;
    }
    const seg_tok *t = &tv->v[p];
    size_t n = t->end - t->start;
    if (n > sizeof d->word - 1)
        n = sizeof d->word - 1;
    int upper = 0, lower = 0, digit = 0;
    for (size_t i = 0; i < n; i++) {
        char c = text[t->start + i];
        if (c >= 'A' && c <= 'Z') {
            upper++;
            c = (char)(c + 32);
        } else if (c >= 'a' && c <= 'z') {
            lower++;
        } else if (c >= '0' && c <= '9') {
            digit++;
        }
        d->word[i] = c;
    }
    d->word[n] = 0;
    unsigned char c0 = (unsigned char)text[t->start];
    const char *shape;
    if (t->kind == SEG_URL)
        shape = "url";
    else if (t->kind == SEG_ABBREV)
        shape = (c0 >= 'A' && c0 <= 'Z') ? "A." : "a.";
    else if (t->kind == SEG_NUMBER || (c0 >= '0' && c0 <= '9'))
        shape = "d";
    else if (c0 >= 'A' && c0 <= 'Z')
        shape = lower ? "Xx" : (upper > 1 ? "XX" : "X");
    else if ((c0 >= 'a' && c0 <= 'z') || c0 >= 0x80)
        shape = c0 >= 0x80 && t->kind != SEG_WORD ? "u" : "x";
    else
        shape = NULL;
    if (shape) {
        strcpy(d->shape, shape);
    } else {
        size_t m = n < 4 ? n : 4;
        memcpy(d->shape, d->word, m);
        d->shape[m] = 0;
    }
    (void)digit;
}

/* Hash of a string, for feature values. */
static uint64_t hash_str(const char *s)
{
    return sr_hash_bytes(s, strlen(s), 0x5e9);
}

/* The hashed word and shape of token p, from the cache when it is there. */
static const seg_tok_hash *token_hash(const char *text, const seg_toks *tv, long p,
                                      seg_feat_cache *cache)
{
    seg_tok_hash *h = &cache->slot[(size_t)(p + 1) % 4];
    if (h->valid && h->index == p)
        return h;
    tok_desc d;
    describe(text, tv, p, &d);
    h->index = p;
    h->valid = 1;
    h->word = hash_str(d.word);
    h->shape = hash_str(d.shape);
    return h;
}

/* Combine a template number and up to three hashed values into a weight index. */
static uint32_t feature_index(uint64_t tmpl, uint64_t a, uint64_t b, uint64_t c)
{
    uint64_t h = (tmpl + 1) * 0x9e3779b97f4a7c15ULL;
    h = (h ^ a) * 0xff51afd7ed558ccdULL;
    h = (h ^ (h >> 32) ^ b) * 0xc4ceb9fe1a85ec53ULL;
    h = (h ^ (h >> 29) ^ c) * 0x9e3779b97f4a7c15ULL;
    h ^= h >> 31;
    return (uint32_t)(h & (SEG_MODEL_SIZE - 1));
}

static uint64_t dist_bucket(size_t d)
{
    return d <= 3 ? d : d <= 5 ? 4 : d <= 10 ? 5 : d <= 20 ? 6 : d <= 40 ? 7 : 8;
}

void sr_seg_gap_features(const char *text, const seg_toks *tv, size_t k, int rule_brk, size_t dist,
                         seg_feat_cache *cache, seg_feature_fn fn, void *ctx)
{
    const seg_tok_hash *m1 = token_hash(text, tv, (long)k - 1, cache);
    const seg_tok_hash *t0 = token_hash(text, tv, (long)k, cache);
    const seg_tok_hash *t1 = token_hash(text, tv, (long)k + 1, cache);
    const seg_tok_hash *t2 = token_hash(text, tv, (long)k + 2, cache);
    uint64_t r = rule_brk ? 1 : 2;
    uint64_t sp = tv->v[k].space ? 1 : 2;
    uint64_t d = dist_bucket(dist);
    uint64_t n = 0;
    fn(ctx, feature_index(n++, 0, 0, 0));
    fn(ctx, feature_index(n++, r, 0, 0));
    fn(ctx, feature_index(n++, t0->word, 0, 0));
    fn(ctx, feature_index(n++, t1->word, 0, 0));
    fn(ctx, feature_index(n++, m1->word, 0, 0));
    fn(ctx, feature_index(n++, t2->word, 0, 0));
    fn(ctx, feature_index(n++, t0->shape, 0, 0));
    fn(ctx, feature_index(n++, t1->shape, 0, 0));
    fn(ctx, feature_index(n++, m1->shape, 0, 0));
    fn(ctx, feature_index(n++, t2->shape, 0, 0));
    fn(ctx, feature_index(n++, t0->word, t1->shape, 0));
    fn(ctx, feature_index(n++, t0->shape, t1->word, 0));
    fn(ctx, feature_index(n++, t1->word, t1->shape, 0));
    fn(ctx, feature_index(n++, t0->word, t1->word, 0));
    fn(ctx, feature_index(n++, t0->shape, t1->shape, 0));
    fn(ctx, feature_index(n++, m1->shape, t0->shape, t1->shape));
    fn(ctx, feature_index(n++, t0->shape, t1->shape, t2->shape));
    fn(ctx, feature_index(n++, m1->word, t0->word, 0));
    fn(ctx, feature_index(n++, r, t0->shape, t1->shape));
    fn(ctx, feature_index(n++, sp, t1->shape, 0));
    fn(ctx, feature_index(n++, sp, t0->word, 0));
    fn(ctx, feature_index(n++, d, 0, 0));
    fn(ctx, feature_index(n++, d, t1->shape, 0));
    fn(ctx, feature_index(n++, d, t0->shape, 0));
    fn(ctx, feature_index(n++, r, d, 0));
}

int sr_seg_model_gap(const char *text, const seg_toks *tv, size_t k)
{
    (void)text;
    return k + 1 < tv->n && tv->v[k + 1].nl == 0;
}

/* ------------------------------------------------------------------ */
/* Decoding.                                                          */

typedef struct score_ctx {
    const float *w;
    float sum;
} score_ctx;

static void add_weight(void *ctx, uint32_t index)
{
    score_ctx *s = ctx;
    s->sum += s->w[index];
}

/*
** Does the number at token k (with the "-1" of a score, "%" or ",000"
** joined to it) run on into a lower-case word?
*/
static int lower_word_after_number(const char *text, const seg_toks *tv, size_t k)
{
    size_t j = k + 1;
    while (j < tv->n && j < k + 4 && (tv->v[j].kind == SEG_NUMBER || tv->v[j].kind == SEG_PUNCT) &&
           !tv->v[j - 1].space)
        j++;
    return j < tv->n && tv->v[j].kind == SEG_WORD && islower((unsigned char)text[tv->v[j].start]);
}

/*
** Left to right over the gaps of each line, the model replaces the rule's
** decision; dist counts the tokens since the last boundary decided.
** Titles and initials still never end a sentence, nor does a word before a
** number and a lower-case word.
*/
void sr_seg_model_boundaries(const sr_segmenter *m, const char *text, const seg_toks *tv,
                             uint8_t *brk)
{
    size_t dist = 0;
    seg_feat_cache cache;
    memset(&cache, 0, sizeof cache);
    for (size_t k = 0; k + 1 < tv->n; k++) {
        dist++;
        if (sr_seg_model_gap(text, tv, k)) {
            score_ctx s = {m->w, 0};
            sr_seg_gap_features(text, tv, k, brk[k], dist, &cache, add_weight, &s);
            brk[k] = s.sum > 0;
            if (tv->v[k].kind == SEG_ABBREV && sr_seg_abbrev_binds(text, &tv->v[k]))
                brk[k] = 0;
            if (tv->v[k].kind == SEG_WORD && tv->v[k + 1].kind == SEG_NUMBER &&
                lower_word_after_number(text, tv, k + 1))
                brk[k] = 0; /* "beat Bayern Munich 2-1 to reach": a score goes on */
        }
        if (brk[k])
            dist = 0;
    }
}

/* ------------------------------------------------------------------ */
/* Loading and saving.                                                */

/* Read and check a model file (format at the head of this file). */
sr_segmenter *sr_segmenter_load(const char *path, sr_error *err)
{
    size_t len;
    char *buf = sr_read_file(path, &len, err);
    if (!buf)
        return NULL;
    const unsigned char *p = (const unsigned char *)buf;
    size_t hdr = 8 + 12;
    if (len < hdr || memcmp(p, SEG_MODEL_MAGIC, 8) != 0) {
        sr_error_set(err, "%s: not a sentence-boundary model", path);
        free(buf);
        return NULL;
    }
    uint32_t version = sr_get_le32(p + 8), bits = sr_get_le32(p + 12), count = sr_get_le32(p + 16);
    if (version != SEG_MODEL_VERSION || bits != SEG_MODEL_BITS || (len - hdr) / 8 < count ||
        len != hdr + (size_t)count * 8) {
        sr_error_set(err, "%s: unsupported model (version %u, %u bits, %u weights, %zu bytes)",
                     path, version, bits, count, len);
        free(buf);
        return NULL;
    }
    sr_segmenter *m = malloc(sizeof *m);
    float *w = calloc(SEG_MODEL_SIZE, sizeof *w);
    if (!m || !w) {
        free(m);
        free(w);
        free(buf);
        sr_error_set(err, "%s: out of memory", path);
        return NULL;
    }
    for (uint32_t i = 0; i < count; i++) {
        const unsigned char *q = p + hdr + (size_t)i * 8;
        uint32_t index = sr_get_le32(q), bitsv = sr_get_le32(q + 4);
        if (index >= SEG_MODEL_SIZE) {
            sr_error_set(err, "%s: weight %u has index %u out of range", path, i, index);
            free(w);
            free(m);
            free(buf);
            return NULL;
        }
        float f;
        memcpy(&f, &bitsv, sizeof f);
        w[index] = f;
    }
    free(buf);
    m->w = w;
    return m;
}

void sr_segmenter_free(sr_segmenter *m)
{
    if (!m)
        return;
    free(m->w);
    free(m);
}

sr_segmenter *sr_seg_model_from_weights(const float *w)
{
    sr_segmenter *m = malloc(sizeof *m);
    if (!m)
        return NULL;
    m->w = malloc(SEG_MODEL_SIZE * sizeof *m->w);
    if (!m->w) {
        free(m);
        return NULL;
    }
    memcpy(m->w, w, SEG_MODEL_SIZE * sizeof *m->w);
    return m;
}

/* Write the non-zero weights of w in the format read by sr_segmenter_load. */
int sr_seg_model_save(const float *w, const char *path, sr_error *err)
{
    uint32_t count = 0;
    for (uint32_t i = 0; i < SEG_MODEL_SIZE; i++)
        count += w[i] != 0;
    FILE *f = fopen(path, "wb");
    if (!f)
        return sr_error_set(err, "%s: cannot write", path);
    unsigned char hdr[20];
    memcpy(hdr, SEG_MODEL_MAGIC, 8);
    sr_put_le32(hdr + 8, SEG_MODEL_VERSION);
    sr_put_le32(hdr + 12, SEG_MODEL_BITS);
    sr_put_le32(hdr + 16, count);
    int ok = fwrite(hdr, 1, sizeof hdr, f) == sizeof hdr;
    for (uint32_t i = 0; i < SEG_MODEL_SIZE && ok; i++) {
        if (w[i] == 0)
            continue;
        unsigned char rec[8];
        uint32_t bitsv;
        memcpy(&bitsv, &w[i], sizeof bitsv);
        sr_put_le32(rec, i);
        sr_put_le32(rec + 4, bitsv);
        ok = fwrite(rec, 1, sizeof rec, f) == sizeof rec;
    }
    if (fclose(f) != 0 || !ok)
        return sr_error_set(err, "%s: write failed", path);
    return 0;
}
