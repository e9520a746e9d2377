/*
** tagger.c: loading the tagger model and tagging sentences.
**
** The model file (kind "tagger", see docs/model-format.md) is mapped
** read-only; every table the tagger uses points into the mapping, so loading
** is a validation pass and nothing is copied.  Tagging a sentence hashes
** its words once, runs the POS perceptron greedily left to right (words in
** the tag dictionary skip it), then the FEATS perceptron for the words
** whose features neither their class nor the FEATS dictionary settles.  Tag and feature
** strings handed to tokens belong to the model.
*/
#include <stdlib.h>
#include <string.h>

#include "nlp/tagger_model.h"
#include "util/util.h"

/* Words of a sentence up to this length are hashed on the stack. */
#define STACK_WORDS 128

uint8_t sr_tg_class_flags(int upos, const char *xpos)
{
    uint8_t f = 0;
    if (upos == SR_UPOS_NOUN || upos == SR_UPOS_PROPN || upos == SR_UPOS_PRON ||
        upos == SR_UPOS_NUM || strcmp(xpos, "EX") == 0)
        f |= SR_TGC_NOMINAL;
    if (strcmp(xpos, "PRP") == 0 || strcmp(xpos, "WP") == 0 || strcmp(xpos, "EX") == 0 ||
        strcmp(xpos, "WDT") == 0 || strcmp(xpos, "DT") == 0)
        f |= SR_TGC_PRONOUN;
    if (strcmp(xpos, "WP") == 0 || strcmp(xpos, "WDT") == 0)
        f |= SR_TGC_RELATIVE;
    if (upos == SR_UPOS_VERB || upos == SR_UPOS_AUX)
        f |= SR_TGC_VERBAL;
    return f;
}

int sr_tg_insert(sr_tg_slot *slots, uint32_t mask, unsigned bits, uint32_t fp, uint32_t row)
{
    uint32_t s = sr_tg_home(fp, bits), d = 0;
    for (;;) {
        sr_tg_slot *x = &slots[s];
        if (x->fp == 0) {
            x->fp = fp, x->row = row;
            return 0;
        }
        if (x->fp == fp)
            return -1;
        uint32_t dx = (s - sr_tg_home(x->fp, bits)) & mask;
        if (dx < d) { /* the richer entry moves on: swap and carry it */
            sr_tg_slot carried = *x;
            x->fp = fp, x->row = row;
            fp = carried.fp, row = carried.row, d = dx;
        }
        s = (s + 1) & mask;
        d++;
    }
}

/*
** Score keys[0..n).  Lookups go in stages so that cache misses overlap
** instead of queueing: prefetch every home slot, then find the slots and
** prefetch their weights, then add the weights (AVX2 where the CPU has it:
** dense rows are long).
*/
SR_WIDE_VECTORS static void sr_tg_score_rows(const sr_tg_table *t, const uint64_t *keys, size_t n,
                                             int32_t *scores)
{
    uint32_t rows[SR_TG_MAX_FEATURES];
    size_t nrows = 0;
    const size_t stride = sr_tg_dense_stride(t->nclass);
    if (n > SR_TG_MAX_FEATURES)
        n = SR_TG_MAX_FEATURES;
    for (size_t i = 0; i < n; i++)
        __builtin_prefetch(&t->slots[sr_tg_home(sr_tg_fingerprint(keys[i]), t->bits)]);
    for (size_t i = 0; i < n; i++) {
        const sr_tg_slot *x = sr_tg_find(t, keys[i]);
        if (!x)
            continue;
        uint32_t row = x->row;
        if (row & SR_TG_INLINE) {
            scores[(row >> 16) & 0xff] += (int16_t)(row & 0xffff);
        } else if ((row & 0xff) == 0) {
            /* Every cache line of the row: a row of many classes spans several. */
            const char *d = (const char *)(t->dense + (size_t)(row >> 8) * stride);
            for (size_t b = 0; b < stride * sizeof *t->dense; b += 64)
                __builtin_prefetch(d + b);
            rows[nrows++] = row;
        } else {
            __builtin_prefetch(t->w + (row >> 8));
            __builtin_prefetch(t->cls + (row >> 8));
            rows[nrows++] = row;
        }
    }
    for (size_t i = 0; i < nrows; i++) {
        uint32_t off = rows[i] >> 8, len = rows[i] & 0xff;
        if (len == 0) {
            const int16_t *d = t->dense + (size_t)off * stride;
            for (size_t c = 0; c < stride; c += SR_TG_LANES) /* fixed-width: vectorizes */
                for (size_t k = 0; k < SR_TG_LANES; k++)
                    scores[c + k] += d[c + k];
            continue;
        }
        for (uint32_t j = 0; j < len; j++)
            scores[t->cls[off + j]] += t->w[off + j];
    }
}

/* The exported entry to sr_tg_score_rows, whose ifunc must stay local to the library
   (its resolver is a global symbol under some compilers: hence the prefix). */
void sr_tg_table_score(const sr_tg_table *t, const uint64_t *keys, size_t n, int32_t *scores)
{
    sr_tg_score_rows(t, keys, n, scores);
}

int sr_tg_dict_lookup(const sr_tagger *t, uint64_t exact)
{
    const sr_tg_slot *x = sr_tg_find(&t->dict, exact);
    return x ? (int)((x->row >> 16) & 0xff) : -1;
}

void sr_tg_prepare(const sr_tagger *t, sr_tg_word *w, const char *form, int first)
{
    sr_tg_word_init(w, form, first);
    if (sr_tg_dict_lookup(t, w->exact) < 0)
        w->lex = sr_tg_lexicon(&t->lex, form);
}

/*
** The first index of the highest of scores[0..n): the highest found eight
** lanes at a time (fixed-width: vectorizes), then its first place, eight
** at a time too.  It runs for every word a tagger decodes, over every class.
*/
static unsigned best_class(const int32_t *scores, size_t n)
{
    int32_t top = scores[0];
    size_t i = 1;
    if (n >= 8) {
        int32_t lane[8];
        memcpy(lane, scores, sizeof lane);
        for (i = 8; i + 8 <= n; i += 8)
            for (size_t k = 0; k < 8; k++)
                lane[k] = scores[i + k] > lane[k] ? scores[i + k] : lane[k];
        for (size_t k = 0; k < 8; k++)
            top = lane[k] > top ? lane[k] : top;
    }
    for (; i < n; i++)
        top = scores[i] > top ? scores[i] : top;
    /* the first block of eight that holds it, then its place there */
    for (i = 0; i + 8 <= n; i += 8) {
        int found = 0;
        for (size_t k = 0; k < 8; k++)
            found |= scores[i + k] == top;
        if (found)
            break;
    }
    for (; scores[i] != top; i++)
        ;
    return (unsigned)i;
}

/* Index of the highest of scores over ids[0..n) (or 0..n when ids is NULL). */
static unsigned best_of(const int32_t *scores, const uint8_t *ids, size_t n)
{
    if (!ids)
        return best_class(scores, n);
    unsigned best = ids ? ids[0] : 0;
    for (size_t i = 1; i < n; i++) {
        unsigned c = ids ? ids[i] : (unsigned)i;
        if (scores[c] > scores[best])
            best = c;
    }
    return best;
}

void sr_tg_decode(const sr_tagger *t, const sr_tg_word *words, size_t n, uint8_t *cls, uint8_t *fid)
{
    uint64_t keys[SR_TG_MAX_FEATURES];
    int32_t scores[256];
    for (size_t i = 0; i < n; i++) {
        int d = sr_tg_dict_lookup(t, words[i].exact);
        if (d >= 0) {
            cls[i] = (uint8_t)d;
            continue;
        }
        unsigned p1 = i > 0 ? cls[i - 1] : SR_TG_NO_CLASS;
        unsigned p2 = i > 1 ? cls[i - 2] : SR_TG_NO_CLASS;
        size_t nk = sr_tg_pos_features(words, n, i, p1, p2, keys);
        memset(scores, 0, sr_tg_dense_stride(t->nclass) * sizeof *scores);
        sr_tg_table_score(&t->pos, keys, nk, scores);
        cls[i] = (uint8_t)best_of(scores, NULL, t->nclass);
    }
    for (size_t i = 0; fid && i < n; i++) {
        size_t a = t->allow_start[cls[i]], b = t->allow_start[cls[i] + 1];
        const sr_tg_slot *known = sr_tg_find(&t->fdict, sr_tg_fdict_key(cls[i], words[i].lower));
        if (known) {
            fid[i] = (uint8_t)((known->row >> 16) & 0xff);
            continue;
        }
        if (b - a <= 1) {
            fid[i] = b > a ? t->allow[a] : 0;
            continue;
        }
        size_t nk = sr_tg_feats_features(words, cls, t->class_flags, n, i, keys);
        memset(scores, 0, sizeof scores);
        sr_tg_table_score(&t->fts, keys, nk, scores);
        fid[i] = (uint8_t)best_of(scores, t->allow + a, b - a);
    }
}

/* The form of token i of s, "" when it has none. */
static const char *token_form(const sr_sentence *s, size_t i)
{
    return s->tokens[i].form ? s->tokens[i].form : "";
}

sr_tg_word *sr_tagger_words(const sr_sentence *s, sr_arena *a)
{
    size_t n = s->ntokens;
    sr_tg_word *words = sr_arena_alloc(a, (n ? n : 1) * sizeof *words);
    for (size_t i = 0; i < n; i++)
        sr_tg_word_init(&words[i], token_form(s, i), i == 0);
    return words;
}

void sr_tg_tag_shared(const sr_tagger *t, const sr_sentence *s, sr_tg_word *words, uint8_t *cls,
                      uint8_t *fid, sr_arena *a)
{
    size_t n = s->ntokens;
    sr_tg_word stack_words[STACK_WORDS];
    if (n == 0)
        return;
    if (words) {
        /* the hashes are the model's own; only the lexicon bits are per model,
           and the POS tagger and the supertagger share one lexicon */
        for (size_t i = 0; i < n; i++) {
            sr_tg_word *w = &words[i];
            if (sr_tg_dict_lookup(t, w->exact) >= 0) {
                w->lex = 0;
                continue;
            }
            if (w->lexicon_of != t->lex_id) {
                w->lexicon = sr_tg_lexicon(&t->lex, token_form(s, i));
                w->lexicon_of = t->lex_id;
            }
            w->lex = w->lexicon;
        }
    } else {
        words = n > STACK_WORDS ? sr_arena_alloc(a, n * sizeof *words) : stack_words;
        for (size_t i = 0; i < n; i++)
            sr_tg_prepare(t, &words[i], token_form(s, i), i == 0);
    }
    sr_tg_decode(t, words, n, cls, fid);
}

void sr_tg_tag_words(const sr_tagger *t, const sr_sentence *s, uint8_t *cls, uint8_t *fid,
                     sr_arena *a)
{
    sr_tg_tag_shared(t, s, NULL, cls, fid, a);
}

void sr_tagger_tag_words(const sr_tagger *t, sr_sentence *s, sr_tg_word *words, sr_arena *a)
{
    size_t n = s->ntokens;
    uint8_t stack_cls[STACK_WORDS], stack_fid[STACK_WORDS];
    uint8_t *cls = stack_cls, *fid = stack_fid;
    if (n > STACK_WORDS) {
        cls = sr_arena_alloc(a, n);
        fid = sr_arena_alloc(a, n);
    }
    sr_tg_tag_shared(t, s, words, cls, fid, a);
    for (size_t i = 0; i < n; i++) {
        sr_token *tok = &s->tokens[i];
        tok->upos = t->class_upos[cls[i]];
        tok->xpos = t->class_xpos[cls[i]];
        tok->feats = fid[i] ? t->feats[fid[i]] : NULL;
    }
    sr_tagger_repair(s);
}

void sr_tagger_tag(const sr_tagger *t, sr_sentence *s, sr_arena *a)
{
    sr_tagger_tag_words(t, s, NULL, a);
}

/* ------------------------------------------------------------------ */
/* Loading.                                                           */

/*
** Split a section of NUL-terminated strings into out[0..max); returns the
** count, or -1 when the section does not end in NUL or holds too many.
*/
static long split_strings(const char *p, size_t len, const char **out, size_t max)
{
    size_t n = 0;
    if (len == 0 || p[len - 1] != '\0')
        return -1;
    for (size_t i = 0; i < len; i += strlen(p + i) + 1) {
        if (n == max)
            return -1;
        out[n++] = p + i;
    }
    return (long)n;
}

/*
** Map the slots of table `prefix` (section <prefix>_slots: pairs of u32)
** and check that their count is a power of two with a free slot and that
** every row lies inside the pool and names a class below nclass.
*/
static int load_slots(sr_tagger *t, const char *prefix, size_t nclass, sr_tg_table *tab,
                      sr_error *err)
{
    int raw_rows = nclass == 0; /* the lexicon: rows are bit sets */
    char name[SR_MODEL_SECTION_NAME_MAX];
    const char *path = sr_model_path(t->file);
    size_t n;
    snprintf(name, sizeof name, "%s_slots", prefix);
    const uint32_t *raw = sr_model_section(t->file, name, SR_MT_U32, &n, err);
    if (!raw)
        return -1;
    size_t cap = n / 2, empty = 0;
    if (cap < 2 || n % 2 || (cap & (cap - 1)) != 0)
        return sr_error_set(err, "%s: section %s: size %zu is not a power of two", path, name, cap);
    tab->slots = (const sr_tg_slot *)raw;
    tab->mask = (uint32_t)(cap - 1);
    for (tab->bits = 0; (1ul << tab->bits) < cap; tab->bits++)
        ;
    for (size_t i = 0; i < cap; i++) {
        uint32_t row = tab->slots[i].row;
        if (tab->slots[i].fp == 0) {
            empty++;
            continue;
        }
        if (raw_rows)
            continue;
        int bad = row & SR_TG_INLINE  ? ((row >> 16) & 0x7fff) >= nclass
                  : (row & 0xff) == 0 ? (size_t)(row >> 8) >= tab->ndense
                                      : (size_t)(row >> 8) + (row & 0xff) > tab->pool;
        if (bad)
            return sr_error_set(err, "%s: section %s: slot %zu out of range", path, name, i);
    }
    if (empty == 0)
        return sr_error_set(err, "%s: section %s: hash table is full", path, name);
    return 0;
}

/* Map one perceptron table (prefix "pos" or "fts") and validate it. */
static int load_table(sr_tagger *t, const char *prefix, size_t nclass, sr_tg_table *tab,
                      sr_error *err)
{
    char name[SR_MODEL_SECTION_NAME_MAX];
    snprintf(name, sizeof name, "%s_cls", prefix);
    if (!(tab->cls = sr_model_section(t->file, name, SR_MT_U8, &tab->pool, err)))
        return -1;
    snprintf(name, sizeof name, "%s_w", prefix);
    if (!(tab->w = sr_model_section_n(t->file, name, SR_MT_I16, tab->pool, err)))
        return -1;
    for (size_t i = 0; i < tab->pool; i++)
        if (tab->cls[i] >= nclass)
            return sr_error_set(err, "%s: %s table: class %u out of range", sr_model_path(t->file),
                                prefix, tab->cls[i]);
    size_t ndense;
    snprintf(name, sizeof name, "%s_dense", prefix);
    if (!(tab->dense = sr_model_section(t->file, name, SR_MT_I16, &ndense, err)))
        return -1;
    size_t stride = sr_tg_dense_stride(nclass);
    if (ndense % stride || stride > 256)
        return sr_error_set(err, "%s: %s: size not a multiple of %zu", sr_model_path(t->file), name,
                            stride);
    tab->ndense = ndense / stride;
    tab->nclass = nclass;
    return load_slots(t, prefix, nclass, tab, err);
}

/* Class names: class_upos (one byte each) and class_xpos (strings). */
static int load_classes(sr_tagger *t, sr_error *err)
{
    const char *path = sr_model_path(t->file);
    size_t n, len;
    const uint8_t *upos = sr_model_section(t->file, "class_upos", SR_MT_U8, &n, err);
    const char *xpos = upos ? sr_model_section(t->file, "class_xpos", SR_MT_U8, &len, err) : NULL;
    if (!xpos)
        return -1;
    if (n == 0 || n > SR_TG_MAX_CLASSES - 1 ||
        split_strings(xpos, len, t->class_xpos, SR_TG_MAX_CLASSES) != (long)n)
        return sr_error_set(err, "%s: bad class tables", path);
    t->nclass = n;
    for (size_t i = 0; i < n; i++) {
        if (upos[i] == SR_UPOS_NONE || upos[i] >= SR_UPOS_COUNT)
            return sr_error_set(err, "%s: class %zu has no valid UPOS", path, i);
        t->class_upos[i] = upos[i];
        t->class_flags[i] = sr_tg_class_flags(upos[i], t->class_xpos[i]);
    }
    const char *feats = sr_model_section(t->file, "feats", SR_MT_U8, &len, err);
    if (!feats)
        return -1;
    long nf = split_strings(feats, len, t->feats, SR_TG_MAX_CLASSES);
    if (nf < 1)
        return sr_error_set(err, "%s: bad feats table", path);
    t->nfeats = (size_t)nf;
    return 0;
}

/* Which FEATS strings each class may take. */
static int load_allowed(sr_tagger *t, sr_error *err)
{
    size_t n;
    t->allow_start = sr_model_section_n(t->file, "allow_start", SR_MT_U16, t->nclass + 1, err);
    t->allow = t->allow_start ? sr_model_section(t->file, "allow", SR_MT_U8, &n, err) : NULL;
    if (!t->allow)
        return -1;
    for (size_t c = 0; c < t->nclass; c++)
        if (t->allow_start[c] > t->allow_start[c + 1] || t->allow_start[c + 1] > n)
            return sr_error_set(err, "%s: bad allow table", sr_model_path(t->file));
    for (size_t i = 0; i < n; i++)
        if (t->allow[i] >= t->nfeats)
            return sr_error_set(err, "%s: bad allow table", sr_model_path(t->file));
    return 0;
}

/*
** Map the lexicon table and name it by its bytes (lex_id): a word's
** lexicon bits, looked up for one model, serve every model of the same
** lexicon (the supertagger is trained with the POS tagger's).
*/
static int load_lexicon(sr_tagger *t, sr_error *err)
{
    if (load_slots(t, "lex", 0, &t->lex, err))
        return -1;
    uint64_t id = 0x1e71c0de + t->lex.mask;
    for (size_t i = 0; i <= t->lex.mask; i++) /* a slot at a time: it runs at every start */
        id = sr_tg_mix(id ^ ((uint64_t)t->lex.slots[i].fp << 32 | t->lex.slots[i].row)) + i;
    t->lex_id = id ? id : 1;
    return 0;
}

sr_tagger *sr_tagger_load(const char *path, sr_error *err)
{
    sr_tagger *t = calloc(1, sizeof *t);
    if (!t) {
        sr_error_set(err, "out of memory");
        return NULL;
    }
    t->file = sr_model_open(path, SR_TG_KIND, err);
    if (!t->file || load_classes(t, err) || load_allowed(t, err) ||
        load_slots(t, "dict", t->nclass, &t->dict, err) || load_lexicon(t, err) ||
        load_slots(t, "fdict", t->nfeats, &t->fdict, err) ||
        load_table(t, "pos", t->nclass, &t->pos, err) ||
        load_table(t, "fts", t->nfeats, &t->fts, err)) {
        sr_tagger_free(t);
        return NULL;
    }
    return t;
}

void sr_tagger_free(sr_tagger *t)
{
    if (!t)
        return;
    sr_model_close(t->file);
    free(t);
}
