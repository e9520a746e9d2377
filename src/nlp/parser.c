/*
** parser.c: loading a parser model and parsing sentences with it.
**
** The model file (see docs/model-format.md, "parser") stores only the rows
** of the two weight tables that carry weight, as 16-bit integers with one
** scale per table.  Loading expands them into dense 8-bit tables indexed
** by feature hash, so that parsing is a greedy loop of table lookups: for
** each configuration, hash its features, add up their rows, take the best
** valid transition, and label every arc as it is made.
*/
#include "nlp/parser_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nlp/model_io.h"
#include "nlp/supertag.h"
#include "util/util.h"

/* Vectors of the GCC and Clang vector extension, added element by element. */
typedef float v4f __attribute__((vector_size(16)));
typedef int8_t v4c __attribute__((vector_size(4)));
typedef int16_t v4s __attribute__((vector_size(8)));
typedef int8_t v16c __attribute__((vector_size(16)));
typedef int16_t v16s __attribute__((vector_size(32)));
typedef float v16f __attribute__((vector_size(64)));

/*
** Weights are at most 127 in magnitude and there are at most
** SR_PARSER_MAX_FEATS features, so sums of them fit in 16 bits.
*/
#define WEIGHT8_MAX 127
_Static_assert((SR_PARSER_MAX_FEATS * WEIGHT8_MAX) <= 32767, "16-bit sums of 8-bit weights");

/*
** Transition scores from the 8-bit table of a loaded model.  The three
** weights of a row are summed in plain integers: converting a 4-byte
** vector to 16-bit lanes costs more shuffles than the additions it saves.
*/
static void score_trans8(const sr_parser *p, const uint64_t *f, size_t nf, float *score)
{
    _Static_assert(SR_PT_COUNT == 3, "three transitions");
    const unsigned shift = 64u - (unsigned)p->trans_bits;
    const int8_t *table = p->trans8;
    const int8_t *rows[SR_PARSER_MAX_FEATS];
    for (size_t i = 0; i < nf; i++) {
        rows[i] = table + (f[i] >> shift) * SR_PT_STRIDE;
        __builtin_prefetch(rows[i]);
    }
    int s0 = 0, s1 = 0, s2 = 0;
    for (size_t i = 0; i < nf; i++) {
        s0 += rows[i][0];
        s1 += rows[i][1];
        s2 += rows[i][2];
    }
    score[0] = (float)s0 * p->trans_scale;
    score[1] = (float)s1 * p->trans_scale;
    score[2] = (float)s2 * p->trans_scale;
}

void sr_parser_score_trans(const sr_parser *p, const uint64_t *f, size_t nf, float *score)
{
    if (p->trans8) {
        score_trans8(p, f, nf, score);
        return;
    }
    const unsigned shift = 64u - (unsigned)p->trans_bits;
    const v4f *table = (const v4f *)p->trans;
    const v4f *rows[SR_PARSER_MAX_FEATS];
    for (size_t i = 0; i < nf; i++) {
        rows[i] = table + (f[i] >> shift);
        __builtin_prefetch(rows[i]);
    }
    v4f sum = {0, 0, 0, 0};
    for (size_t i = 0; i < nf; i++)
        sum += *rows[i];
    memcpy(score, &sum, sizeof sum);
}

/*
** Sum rows[0..nf) of `stride` 16-byte vectors into sum.  Inlined with a
** constant stride, the sums stay in registers across the rows.
*/
static inline __attribute__((always_inline)) void sum_label_rows(const v16c *const *rows, size_t nf,
                                                                 size_t stride, v16s *sum)
{
    v16s acc[SR_PARSER_MAX_LABELS / 16];
    for (size_t k = 0; k < stride; k++)
        acc[k] = (v16s){0};
    for (size_t i = 0; i < nf; i++)
        for (size_t k = 0; k < stride; k++)
            acc[k] += __builtin_convertvector(rows[i][k], v16s);
    for (size_t k = 0; k < stride; k++)
        sum[k] = acc[k];
}

/* Relation scores from the 8-bit table of a loaded model: one cache line a row. */
static void score_labels8(const sr_parser *p, const uint64_t *f, size_t nf, float *score)
{
    const unsigned shift = 64u - (unsigned)p->label_bits;
    const size_t stride = (size_t)p->label_stride8 / 16;
    const v16c *table = (const v16c *)p->labels8;
    const v16c *rows[SR_PARSER_MAX_FEATS];
    for (size_t i = 0; i < nf; i++) {
        rows[i] = table + (f[i] >> shift) * stride;
        const char *row = (const char *)rows[i];
        for (size_t off = 0; off < stride * sizeof(v16c); off += 64)
            __builtin_prefetch(row + off);
    }
    _Static_assert(SR_PARSER_MAX_LABELS == 64, "at most four vectors a row");
    v16s sum[SR_PARSER_MAX_LABELS / 16];
    switch (stride) {
    case 1:
        sum_label_rows(rows, nf, 1, sum);
        break;
    case 2:
        sum_label_rows(rows, nf, 2, sum);
        break;
    case 3:
        sum_label_rows(rows, nf, 3, sum);
        break;
    default:
        sum_label_rows(rows, nf, 4, sum);
        break;
    }
    float all[SR_PARSER_MAX_LABELS];
    const v16f scale = (v16f){0} + p->label_scale;
    for (size_t k = 0; k < stride; k++) {
        v16f x = __builtin_convertvector(sum[k], v16f) * scale;
        memcpy(all + 16 * k, &x, sizeof x);
    }
    memcpy(score, all, (size_t)p->nlabels * sizeof *score);
}

void sr_parser_score_labels(const sr_parser *p, const uint64_t *f, size_t nf, float *score)
{
    if (p->labels8) {
        score_labels8(p, f, nf, score);
        return;
    }
    const unsigned shift = 64u - (unsigned)p->label_bits;
    const size_t stride = (size_t)p->label_stride / 4;
    const v4f *table = (const v4f *)p->labels_w;
    const v4f *rows[SR_PARSER_MAX_FEATS];
    for (size_t i = 0; i < nf; i++) {
        rows[i] = table + (f[i] >> shift) * stride;
        __builtin_prefetch(rows[i]);
        __builtin_prefetch((const char *)rows[i] + 64);
        __builtin_prefetch((const char *)rows[i] + 128);
    }
    v4f sum[SR_PARSER_MAX_LABELS / 4];
    memset(sum, 0, sizeof sum);
    for (size_t i = 0; i < nf; i++)
        for (size_t k = 0; k < stride; k++)
            sum[k] += rows[i][k];
    memcpy(score, sum, stride * sizeof *sum);
}

/*
** The first highest relation other than the root: the highest score found
** eight lanes at a time (fixed-width: vectorizes) over a copy in which the
** root cannot win, then its first place.  The same relation as a scan
** keeping the first strictly higher score, since scores are finite.
*/
int sr_parser_best_label(const sr_parser *p, const float *score, int h)
{
    const int n = p->nlabels;
    if (h == 0 || n < 2)
        return p->root_label;
    float s[SR_PARSER_MAX_LABELS];
    memcpy(s, score, (size_t)n * sizeof *s);
    s[p->root_label] = -INFINITY;
    float top = s[0];
    int k = 1;
    if (n >= 8) {
        float lane[8];
        memcpy(lane, s, sizeof lane);
        for (k = 8; k + 8 <= n; k += 8)
            for (int j = 0; j < 8; j++)
                lane[j] = s[k + j] > lane[j] ? s[k + j] : lane[j];
        for (int j = 0; j < 8; j++)
            top = lane[j] > top ? lane[j] : top;
    }
    for (; k < n; k++)
        top = s[k] > top ? s[k] : top;
    for (k = 0; s[k] != top; k++)
        ;
    return k;
}

/* The highest-scoring valid transition of st. */
static int best_transition(const sr_pstate *st, const float *score)
{
    int best = -1;
    for (int t = 0; t < SR_PT_COUNT; t++)
        if (sr_pstate_valid(st, t) && (best < 0 || score[t] > score[best]))
            best = t;
    return best;
}

/*
** sr_parser_parse_ids, the supertagger given the words of
** sr_tagger_words(s) (NULL: it computes them).
*/
static void parse_ids_words(const sr_parser *p, const sr_sentence *s, sr_tg_word *words, int *heads,
                            int *labels, sr_arena *a)
{
    int n = (int)s->ntokens;
    sr_ptok *tk = sr_arena_alloc(a, ((size_t)n + 1) * sizeof *tk);
    uint64_t *supertags = NULL;
    if (p->supertagger) {
        supertags = sr_arena_alloc(a, (size_t)n * sizeof *supertags);
        sr_supertag_words(p->supertagger, p->st_hash, s, words, supertags, a);
    }
    sr_parser_prepare(s, supertags, tk);
    sr_pstate st;
    sr_pstate_init(&st, n, sr_arena_alloc(a, sr_pstate_bytes(n)));
    uint64_t f[SR_PARSER_MAX_FEATS];
    float score[SR_PARSER_MAX_LABELS + 4];
    while (!sr_pstate_terminal(&st)) {
        size_t nf = sr_parser_trans_features(&st, tk, f);
        sr_parser_score_trans(p, f, nf, score);
        int t = best_transition(&st, score);
        int label = -1;
        if (t != SR_PT_SHIFT) {
            int h, d;
            sr_pstate_arc(&st, t, &h, &d);
            if (h != 0) {
                nf = sr_parser_label_features(&st, tk, h, d, f);
                sr_parser_score_labels(p, f, nf, score);
            }
            label = sr_parser_best_label(p, score, h);
        }
        sr_pstate_apply(&st, t, label);
    }
    for (int i = 1; i <= n; i++) {
        heads[i] = st.head[i];
        labels[i] = st.label[i];
    }
}

void sr_parser_parse_ids(const sr_parser *p, const sr_sentence *s, int *heads, int *labels,
                         sr_arena *a)
{
    parse_ids_words(p, s, NULL, heads, labels, a);
}

void sr_parser_parse_words(const sr_parser *p, sr_sentence *s, sr_tg_word *words, sr_arena *a)
{
    if (!p || !s || s->ntokens == 0)
        return;
    size_t n = s->ntokens;
    int *heads = sr_arena_alloc(a, (n + 1) * sizeof *heads);
    int *labels = sr_arena_alloc(a, (n + 1) * sizeof *labels);
    parse_ids_words(p, s, words, heads, labels, a);
    for (size_t i = 0; i < n; i++) {
        s->tokens[i].head = heads[i + 1];
        s->tokens[i].deprel = p->label_names[labels[i + 1]];
    }
    sr_parser_repair(s);
}

void sr_parser_parse(const sr_parser *p, sr_sentence *s, sr_arena *a)
{
    sr_parser_parse_words(p, s, NULL, a);
}

void sr_parser_score_sentence(const sr_parser *p, const sr_sentence *gold, const int *heads,
                              const int *labels, sr_parser_score *sc)
{
    for (uint32_t i = 0; i < gold->ntokens; i++) {
        const sr_token *t = &gold->tokens[i];
        sc->words++;
        if (heads[i + 1] != t->head)
            continue;
        sc->uas++;
        if (t->deprel && strcmp(p->label_names[labels[i + 1]], t->deprel) == 0)
            sc->las++;
    }
}

/* ---- loading ---- */

/* Fields of the "meta" section, in order. */
enum { META_FEATURE_SET, META_TRANS_BITS, META_LABEL_BITS, META_NLABELS, META_ROOT, META_COUNT };

/* Section prefix.suffix of type with *n elements (exactly want unless want is 0). */
static const void *table_section(const sr_model_file *m, const char *prefix, const char *suffix,
                                 int type, size_t want, size_t *n, sr_error *err)
{
    char name[SR_MODEL_SECTION_NAME_MAX];
    snprintf(name, sizeof name, "%s.%s", prefix, suffix);
    if (want) {
        *n = want;
        return sr_model_section_n(m, name, type, want, err);
    }
    return sr_model_section(m, name, type, n, err);
}

/* Report a table that contradicts itself. Returns NULL. */
static int8_t *bad_table(int8_t *table, const sr_model_file *m, const char *prefix, const char *why,
                         sr_error *err)
{
    free(table);
    sr_error_set(err, "%s: parser table %s: %s", sr_model_path(m), prefix, why);
    return NULL;
}

/*
** Expand a sparse table into a dense table of 2^bits rows of stride 8-bit
** weights, aligned for vector loads.  The file holds a bitmap of the rows
** that have weights, the number of weights of each such row, and each
** weight's class and 16-bit value with one scale for the table; the values
** are rescaled so that the largest is WEIGHT8_MAX, and *scale_out turns
** them into scores.
*/
static int8_t *expand_table(const sr_model_file *m, const char *prefix, int bits, size_t width,
                            size_t stride, float *scale_out, sr_error *err)
{
    size_t rows = (size_t)1 << bits, nbitmap, nrows, ncls, nw, one;
    const uint32_t *bitmap =
        table_section(m, prefix, "bitmap", SR_MT_U32, rows / 32 + 1, &nbitmap, err);
    const uint8_t *count =
        bitmap ? table_section(m, prefix, "count", SR_MT_U8, 0, &nrows, err) : NULL;
    const uint8_t *cls = count ? table_section(m, prefix, "cls", SR_MT_U8, 0, &ncls, err) : NULL;
    const int16_t *w = cls ? table_section(m, prefix, "w", SR_MT_I16, ncls, &nw, err) : NULL;
    const float *scale = w ? table_section(m, prefix, "scale", SR_MT_F32, 1, &one, err) : NULL;
    if (!scale)
        return NULL;
    int8_t *table = sr_alloc_table(rows * stride);
    if (table)
        memset(table, 0, rows * stride);
    if (!table) {
        sr_error_set(err, "%s: out of memory for the parser tables", sr_model_path(m));
        return NULL;
    }
    if (bitmap[rows / 32] != 0)
        return bad_table(table, m, prefix, "bitmap has bits beyond the table", err);
    int maxabs = 1;
    for (size_t i = 0; i < nw; i++)
        if (abs(w[i]) > maxabs)
            maxabs = abs(w[i]);
    const float narrow = (float)WEIGHT8_MAX / (float)maxabs;
    /* each 16-bit value rescaled once, not once per weight */
    int8_t *narrowed = malloc(65536);
    if (!narrowed)
        return bad_table(table, m, prefix, "out of memory", err);
    for (long v = -maxabs; v <= maxabs; v++)
        narrowed[(uint16_t)v] = (int8_t)lrintf((float)v * narrow);
    size_t row = 0, entry = 0;
    /* only the set bits of the bitmap are visited, in order, not every row */
    for (size_t word = 0; word < rows / 32; word++) {
        for (uint32_t bits = bitmap[word]; bits; bits &= bits - 1) {
            size_t r = word * 32 + (size_t)__builtin_ctz(bits);
            if (row >= nrows || count[row] == 0 || count[row] > width || entry + count[row] > nw) {
                free(narrowed);
                return bad_table(table, m, prefix, "row counts do not match the bitmap", err);
            }
            for (size_t k = 0; k < count[row]; k++, entry++) {
                if (cls[entry] >= width) {
                    free(narrowed);
                    return bad_table(table, m, prefix, "class out of range", err);
                }
                table[r * stride + cls[entry]] = narrowed[(uint16_t)w[entry]];
            }
            row++;
        }
    }
    free(narrowed);
    if (row != nrows || entry != nw)
        return bad_table(table, m, prefix, "more weights than rows", err);
    if (!(scale[0] > 0) || scale[0] > 1e6f)
        return bad_table(table, m, prefix, "bad scale", err);
    *scale_out = scale[0] / narrow;
    return table;
}

/* Copy the NUL-separated relation names into p. */
static int load_labels(sr_parser *p, const sr_model_file *m, sr_error *err)
{
    size_t len;
    const char *names = sr_model_section(m, "labels", SR_MT_U8, &len, err);
    if (!names)
        return -1;
    char *copy = malloc(len + 1);
    const char **list = malloc((size_t)p->nlabels * sizeof *list);
    p->owned[2] = copy;
    p->owned[3] = list;
    if (!copy || !list)
        return sr_error_set(err, "%s: out of memory", sr_model_path(m));
    memcpy(copy, names, len);
    copy[len] = '\0';
    const char *q = copy, *end = copy + len;
    for (int i = 0; i < p->nlabels; i++) {
        if (q >= end)
            return sr_error_set(err, "%s: parser model lists fewer than %d relations",
                                sr_model_path(m), p->nlabels);
        list[i] = q;
        q += strlen(q) + 1;
    }
    p->label_names = list;
    return 0;
}

/* Check the "meta" section and fill the sizes of p from it. */
static int load_meta(sr_parser *p, const sr_model_file *m, sr_error *err)
{
    const uint32_t *meta = sr_model_section_n(m, "meta", SR_MT_U32, META_COUNT, err);
    if (!meta)
        return -1;
    if (meta[META_FEATURE_SET] != SR_PARSER_FEATURE_SET)
        return sr_error_set(err, "%s: parser feature set %u, this build expects %d",
                            sr_model_path(m), meta[META_FEATURE_SET], SR_PARSER_FEATURE_SET);
    if (meta[META_TRANS_BITS] < 8 || meta[META_TRANS_BITS] > 26 || meta[META_LABEL_BITS] < 8 ||
        meta[META_LABEL_BITS] > 24 || meta[META_NLABELS] < 1 ||
        meta[META_NLABELS] > SR_PARSER_MAX_LABELS || meta[META_ROOT] >= meta[META_NLABELS])
        return sr_error_set(err, "%s: parser model has impossible sizes", sr_model_path(m));
    p->trans_bits = (int)meta[META_TRANS_BITS];
    p->label_bits = (int)meta[META_LABEL_BITS];
    p->nlabels = (int)meta[META_NLABELS];
    p->label_stride = (p->nlabels + 3) & ~3;
    p->label_stride8 = (p->nlabels + 15) & ~15;
    p->root_label = (int)meta[META_ROOT];
    return 0;
}

/*
** Load the supertagger the model names (section "supertagger": a file name
** in the directory of the parser model), if it names one.
*/
static int load_supertagger(sr_parser *p, const sr_model_file *m, sr_error *err)
{
    if (!sr_model_has_section(m, "supertagger"))
        return 0;
    size_t len;
    const char *name = sr_model_section(m, "supertagger", SR_MT_U8, &len, err);
    if (!name)
        return -1;
    if (len == 0 || name[len - 1] != '\0' || strchr(name, '/'))
        return sr_error_set(err, "%s: section supertagger does not hold a file name",
                            sr_model_path(m));
    const char *path = sr_model_path(m), *slash = strrchr(path, '/');
    int dirlen = slash ? (int)(slash - path + 1) : 0;
    char full[4200];
    snprintf(full, sizeof full, "%.*s%s", dirlen, path, name);
    sr_error sub = {0};
    p->owned_supertagger = sr_tagger_load(full, &sub);
    if (!p->owned_supertagger)
        return sr_error_set(err, "%s: cannot load the supertagger it was trained with: %s", path,
                            sub.msg);
    p->supertagger = p->owned_supertagger;
    sr_supertag_class_hashes(p->supertagger, p->st_hash);
    return 0;
}

/* Expand table prefix into *table, owned by p through *owner. */
static int load_table(const sr_model_file *m, const char *prefix, int bits, size_t width,
                      size_t stride, float *scale, const int8_t **table, void **owner,
                      sr_error *err)
{
    int8_t *t = expand_table(m, prefix, bits, width, stride, scale, err);
    *table = t;
    *owner = t;
    return t ? 0 : -1;
}

sr_parser *sr_parser_load(const char *path, sr_error *err)
{
    sr_model_file *m = sr_model_open(path, "parser", err);
    if (!m)
        return NULL;
    sr_parser *p = calloc(1, sizeof *p);
    int rc = p ? load_meta(p, m, err) : sr_error_set(err, "%s: out of memory", path);
    if (rc == 0)
        rc = load_labels(p, m, err);
    if (rc == 0)
        rc = load_supertagger(p, m, err);
    if (rc == 0)
        rc = load_table(m, "trans", p->trans_bits, SR_PT_COUNT, SR_PT_STRIDE, &p->trans_scale,
                        &p->trans8, &p->owned[0], err);
    if (rc == 0)
        rc = load_table(m, "label", p->label_bits, (size_t)p->nlabels, (size_t)p->label_stride8,
                        &p->label_scale, &p->labels8, &p->owned[1], err);
    sr_model_close(m);
    if (rc != 0) {
        sr_parser_free(p);
        return NULL;
    }
    return p;
}

void sr_parser_free(sr_parser *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < sizeof p->owned / sizeof p->owned[0]; i++)
        free(p->owned[i]);
    sr_tagger_free(p->owned_supertagger);
    free(p);
}
