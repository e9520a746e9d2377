/*
** tagger_train.c: training the tagger's two averaged perceptrons.
**
** Training keeps one growable sparse row of (class, weight, running total,
** timestamp) per feature key, so memory follows the number of features
** actually updated rather than features x classes.  After every epoch the
** averaged weights are pruned, quantized to int16 and written as a real
** model file, which is loaded back and scored on the dev set with the same
** code that tags at run time; the best epoch's file is kept.  Sentences are
** visited in an order shuffled by a seeded generator, so a run is
** reproducible.
*/
#include "nlp/tagger_train.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nlp/tagger_model.h"
#include "util/util.h"

/* ------------------------------------------------------------------ */
/* Sparse trainable weights.                                          */

typedef struct tr_entry {
    uint8_t cls;
    uint32_t ts; /* instance count when w last changed */
    float w;
    double total; /* sum of w over instances up to ts */
} tr_entry;

typedef struct tr_row {
    uint64_t key;
    uint32_t n, cap;
    tr_entry *e;
} tr_row;

typedef struct tr_weights {
    uint32_t *slot_row; /* open addressing: row index + 1, 0 = empty */
    size_t cap;         /* slots, a power of two */
    tr_row *rows;
    size_t nrows, rows_cap;
    uint32_t t; /* instances seen */
} tr_weights;

static int tr_init(tr_weights *tw)
{
    memset(tw, 0, sizeof *tw);
    tw->cap = 1 << 16;
    tw->slot_row = calloc(tw->cap, sizeof *tw->slot_row);
    return tw->slot_row ? 0 : -1;
}

static void tr_free(tr_weights *tw)
{
    for (size_t i = 0; i < tw->nrows; i++)
        free(tw->rows[i].e);
    free(tw->rows);
    free(tw->slot_row);
}

/* The row of key, or NULL when the key has never been updated. */
static tr_row *tr_find(const tr_weights *tw, uint64_t key)
{
    size_t mask = tw->cap - 1, s = key & mask;
    while (tw->slot_row[s]) {
        tr_row *r = &tw->rows[tw->slot_row[s] - 1];
        if (r->key == key)
            return r;
        s = (s + 1) & mask;
    }
    return NULL;
}

/* Double the slot array. */
static int tr_grow(tr_weights *tw)
{
    size_t cap = tw->cap * 2, mask = cap - 1;
    uint32_t *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < tw->nrows; i++) {
        size_t s = tw->rows[i].key & mask;
        while (slots[s])
            s = (s + 1) & mask;
        slots[s] = (uint32_t)i + 1;
    }
    free(tw->slot_row);
    tw->slot_row = slots;
    tw->cap = cap;
    return 0;
}

/* The row of key, created when absent; NULL when out of memory. */
static tr_row *tr_get(tr_weights *tw, uint64_t key)
{
    tr_row *r = tr_find(tw, key);
    if (r)
        return r;
    if ((tw->nrows + 1) * 2 > tw->cap && tr_grow(tw))
        return NULL;
    if (tw->nrows == tw->rows_cap) {
        size_t cap = tw->rows_cap ? tw->rows_cap * 2 : 1 << 16;
        tr_row *nr = realloc(tw->rows, cap * sizeof *nr);
        if (!nr)
            return NULL;
        tw->rows = nr;
        tw->rows_cap = cap;
    }
    size_t mask = tw->cap - 1, s = key & mask;
    while (tw->slot_row[s])
        s = (s + 1) & mask;
    tw->slot_row[s] = (uint32_t)tw->nrows + 1;
    r = &tw->rows[tw->nrows++];
    memset(r, 0, sizeof *r);
    r->key = key;
    return r;
}

/* Current (not averaged) scores of keys[0..n) into scores. */
static void tr_score(const tr_weights *tw, const uint64_t *keys, size_t n, float *scores)
{
    for (size_t i = 0; i < n; i++) {
        const tr_row *r = tr_find(tw, keys[i]);
        if (r)
            for (uint32_t j = 0; j < r->n; j++)
                scores[r->e[j].cls] += r->e[j].w;
    }
}

/* Add delta to the weight of class c in row r, keeping the running total. */
static int tr_bump(tr_row *r, unsigned c, float delta, uint32_t t)
{
    tr_entry *e = NULL;
    for (uint32_t j = 0; j < r->n; j++)
        if (r->e[j].cls == c)
            e = &r->e[j];
    if (!e) {
        if (r->n == r->cap) {
            uint32_t cap = r->cap ? r->cap * 2 : 2;
            tr_entry *ne = realloc(r->e, cap * sizeof *ne);
            if (!ne)
                return -1;
            r->e = ne;
            r->cap = cap;
        }
        e = &r->e[r->n++];
        memset(e, 0, sizeof *e);
        e->cls = (uint8_t)c;
        e->ts = t;
    }
    e->total += (double)(t - e->ts) * e->w;
    e->ts = t;
    e->w += delta;
    return 0;
}

/* The perceptron update: reward gold, penalize the guess. */
static int tr_update(tr_weights *tw, const uint64_t *keys, size_t n, unsigned gold, unsigned guess)
{
    for (size_t i = 0; i < n; i++) {
        tr_row *r = tr_get(tw, keys[i]);
        if (!r || tr_bump(r, gold, 1.0f, tw->t) || tr_bump(r, guess, -1.0f, tw->t))
            return -1;
    }
    return 0;
}

static double tr_average(const tr_entry *e, uint32_t t)
{
    return t ? (e->total + (double)(t - e->ts) * e->w) / t : 0.0;
}

/*
** Add the averaged weights of src to dst, whose instance count is 1 and
** whose weights are therefore their own averages.  Summing the averaged
** models of several runs gives one linear model that scores like their
** ensemble.
*/
static int tr_add_averaged(tr_weights *dst, const tr_weights *src)
{
    dst->t = 1;
    for (size_t i = 0; i < src->nrows; i++) {
        const tr_row *r = &src->rows[i];
        tr_row *d = r->n ? tr_get(dst, r->key) : NULL;
        if (r->n && !d)
            return -1;
        for (uint32_t j = 0; j < r->n; j++) {
            double avg = tr_average(&r->e[j], src->t);
            if (avg != 0 && tr_bump(d, r->e[j].cls, (float)avg, 0))
                return -1;
        }
    }
    return 0;
}

/* Forget every weight of tw, keeping its memory. */
static void tr_clear(tr_weights *tw)
{
    for (size_t i = 0; i < tw->nrows; i++)
        free(tw->rows[i].e);
    tw->nrows = 0;
    tw->t = 0;
    memset(tw->slot_row, 0, tw->cap * sizeof *tw->slot_row);
}

/* ------------------------------------------------------------------ */
/* Label inventories: POS classes, FEATS strings, allowed sets, dictionary. */

typedef struct tr_label {
    char *name; /* "UPOS\tXPOS" or a FEATS string */
    size_t count;
} tr_label;

typedef struct tr_labels {
    tr_label *v;
    size_t n, cap;
} tr_labels;

/* Index of name in l, added when absent; -1 when out of memory. */
static long label_id(tr_labels *l, const char *name, int add)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i].name, name) == 0)
            return (long)i;
    if (!add)
        return -1;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        tr_label *nv = realloc(l->v, cap * sizeof *nv);
        if (!nv)
            return -1;
        l->v = nv;
        l->cap = cap;
    }
    l->v[l->n].name = strdup(name);
    l->v[l->n].count = 0;
    return l->v[l->n].name ? (long)l->n++ : -1;
}

static void labels_free(tr_labels *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i].name);
    free(l->v);
}

/* Most frequent first; equal counts by name, so the order is reproducible. */
static int label_cmp(const void *a, const void *b)
{
    const tr_label *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->name, y->name);
}

static unsigned slot_bits(size_t n);

/* Everything training derives from the gold data before the first epoch. */
typedef struct tr_inventory {
    tr_labels classes, feats; /* feats[0] is "_" */
    uint8_t class_upos[SR_TG_MAX_CLASSES];
    char *class_xpos[SR_TG_MAX_CLASSES];
    uint8_t class_flags[SR_TG_MAX_CLASSES];
    uint32_t *pair_count; /* nclass x nfeats counts */
    uint8_t *allowed;     /* nclass x nfeats: 1 when allowed */
    uint64_t *dict_form;  /* tag dictionary: exact-form hashes */
    uint8_t *dict_cls;
    size_t ndict;
    sr_tg_slot *fdict_slots; /* FEATS dictionary, as it will be stored */
    sr_tg_table fdict;
    sr_tg_slot *lex_slots; /* lexicon, as it will be stored */
    sr_tg_table lex;       /* a view of lex_slots for sr_tg_lexicon */
} tr_inventory;

static void class_name(const sr_token *t, char *buf, size_t size)
{
    snprintf(buf, size, "%s\t%s", sr_upos_name(t->upos), t->xpos ? t->xpos : "_");
}

/* Collect POS classes and FEATS strings with their counts, ordered by frequency. */
static int collect_labels(tr_inventory *inv, const sr_sentence *s, size_t n, sr_error *err)
{
    char name[256];
    if (label_id(&inv->feats, "_", 1) < 0)
        return sr_error_set(err, "out of memory");
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < s[i].ntokens; j++) {
            const sr_token *t = &s[i].tokens[j];
            class_name(t, name, sizeof name);
            long c = label_id(&inv->classes, name, 1);
            long f = label_id(&inv->feats, t->feats ? t->feats : "_", 1);
            if (c < 0 || f < 0)
                return sr_error_set(err, "out of memory");
            inv->classes.v[c].count++;
            inv->feats.v[f].count++;
        }
    if (inv->classes.n == 0 || inv->classes.n > SR_TG_MAX_CLASSES - 1)
        return sr_error_set(err, "training data has %zu (UPOS, XPOS) classes; 1 to %d supported",
                            inv->classes.n, SR_TG_MAX_CLASSES - 1);
    qsort(inv->classes.v, inv->classes.n, sizeof *inv->classes.v, label_cmp);
    inv->feats.v[0].count = (size_t)-1; /* keep "_" first */
    qsort(inv->feats.v, inv->feats.n, sizeof *inv->feats.v, label_cmp);
    while (inv->feats.n > SR_TG_MAX_CLASSES) /* drop the rarest beyond what fits a byte */
        free(inv->feats.v[--inv->feats.n].name);
    for (size_t c = 0; c < inv->classes.n; c++) {
        char *tab = strchr(inv->classes.v[c].name, '\t');
        *tab = '\0';
        inv->class_upos[c] = (uint8_t)sr_upos_from_name(inv->classes.v[c].name);
        *tab = '\t';
        inv->class_xpos[c] = tab + 1;
        inv->class_flags[c] = sr_tg_class_flags(inv->class_upos[c], tab + 1);
    }
    return 0;
}

/* Class and FEATS ids of a gold token (-1 when unknown). */
static long token_class(const tr_inventory *inv, const sr_token *t)
{
    char name[256];
    class_name(t, name, sizeof name);
    return label_id((tr_labels *)&inv->classes, name, 0);
}

static long token_feats(const tr_inventory *inv, const sr_token *t)
{
    return label_id((tr_labels *)&inv->feats, t->feats ? t->feats : "_", 0);
}

/*
** Which FEATS strings each class allows: those seen at least twice with it
** and in at least feats_min_permille of its words, and always its most
** frequent one.  Rarer strings (mostly Typo=Yes variants) are never
** predicted, which spares the FEATS model most words.
*/
static int collect_allowed(tr_inventory *inv, const sr_sentence *s, size_t n,
                           const sr_tg_train_opts *o, sr_error *err)
{
    size_t nc = inv->classes.n, nf = inv->feats.n;
    inv->pair_count = calloc(nc * nf, sizeof *inv->pair_count);
    inv->allowed = calloc(nc * nf, 1);
    if (!inv->pair_count || !inv->allowed)
        return sr_error_set(err, "out of memory");
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < s[i].ntokens; j++) {
            long c = token_class(inv, &s[i].tokens[j]);
            long f = token_feats(inv, &s[i].tokens[j]);
            if (c >= 0 && f >= 0)
                inv->pair_count[c * nf + f]++;
        }
    for (size_t c = 0; c < nc; c++) {
        size_t best = 0, total = 0;
        for (size_t f = 0; f < nf; f++)
            total += inv->pair_count[c * nf + f];
        for (size_t f = 0; f < nf; f++) {
            size_t k = inv->pair_count[c * nf + f];
            if (k >= 2 && k * 1000 >= total * (size_t)o->feats_min_permille)
                inv->allowed[c * nf + f] = 1;
            if (inv->pair_count[c * nf + f] > inv->pair_count[c * nf + best])
                best = f;
        }
        inv->allowed[c * nf + best] = 1;
    }
    return 0;
}

/* A training word as the tag dictionary sees it: form hash and gold class. */
typedef struct tr_form_class {
    uint64_t h;
    uint32_t c;
} tr_form_class;

static int form_class_cmp(const void *a, const void *b)
{
    const tr_form_class *x = a, *y = b;
    if (x->h != y->h)
        return x->h < y->h ? -1 : 1;
    return (x->c > y->c) - (x->c < y->c);
}

/*
** The tag dictionary: forms seen at least dict_min_count times with one
** class at least dict_min_share of the time.
*/
static int collect_dict(tr_inventory *inv, const sr_sentence *s, size_t n,
                        const sr_tg_train_opts *o, sr_error *err)
{
    size_t ntok = 0, nc = inv->classes.n;
    for (size_t i = 0; i < n; i++)
        ntok += s[i].ntokens;
    tr_form_class *pairs = malloc((ntok ? ntok : 1) * sizeof *pairs);
    uint32_t *counts = calloc(nc, sizeof *counts);
    inv->dict_form = malloc((ntok ? ntok : 1) * sizeof *inv->dict_form);
    inv->dict_cls = malloc(ntok ? ntok : 1);
    if (!pairs || !counts || !inv->dict_form || !inv->dict_cls) {
        free(pairs);
        free(counts);
        return sr_error_set(err, "out of memory");
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < s[i].ntokens; j++) {
            sr_tg_word w;
            sr_tg_word_init(&w, s[i].tokens[j].form ? s[i].tokens[j].form : "", 0);
            long c = token_class(inv, &s[i].tokens[j]);
            pairs[k].h = w.exact;
            pairs[k++].c = (uint32_t)(c < 0 ? 0 : c);
        }
    qsort(pairs, k, sizeof *pairs, form_class_cmp);
    for (size_t a = 0; a < k;) {
        size_t b = a;
        while (b < k && pairs[b].h == pairs[a].h)
            counts[pairs[b++].c]++;
        size_t best = 0;
        for (size_t c = 0; c < nc; c++)
            if (counts[c] > counts[best])
                best = c;
        if ((int)(b - a) >= o->dict_min_count &&
            counts[best] >= o->dict_min_share * (double)(b - a)) {
            inv->dict_form[inv->ndict] = pairs[a].h;
            inv->dict_cls[inv->ndict++] = (uint8_t)best;
        }
        for (size_t j = a; j < b; j++)
            counts[pairs[j].c] = 0;
        a = b;
    }
    free(pairs);
    free(counts);
    return 0;
}

/* A lowercased form's hash and lexicon bits, before merging. */
typedef struct tr_lex {
    uint64_t h;
    uint32_t bits;
} tr_lex;

typedef struct tr_lex_list {
    tr_lex *v;
    size_t n, cap;
} tr_lex_list;

static int lex_add(tr_lex_list *l, const char *s, size_t len, uint32_t bits)
{
    char lower[256], plain[256], copy[256];
    if (len < sizeof copy) { /* as sr_tg_lexicon sees words: plain quotes */
        memcpy(copy, s, len);
        copy[len] = '\0';
        s = sr_tg_plain_quotes(copy, plain, sizeof plain);
        len = strlen(s);
    }
    if (len >= sizeof lower || memchr(s, '_', len))
        return 0; /* WordNet's multiword lemmas never match one word */
    for (size_t i = 0; i < len; i++)
        lower[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 1 << 16;
        tr_lex *nv = realloc(l->v, cap * sizeof *nv);
        if (!nv)
            return -1;
        l->v = nv;
        l->cap = cap;
    }
    l->v[l->n].h = sr_tg_hash(lower, len);
    l->v[l->n++].bits = bits;
    return 0;
}

/* Add the first word of every line of WordNet file dir/name with bits. */
static int lex_read_wordnet(tr_lex_list *l, const char *dir, const char *name, uint32_t bits,
                            sr_error *err)
{
    char path[4096];
    size_t len;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    char *text = sr_read_file(path, &len, err);
    if (!text)
        return -1;
    int rc = 0;
    for (char *line = text; *line && rc == 0;) {
        size_t n = strcspn(line, " \n");
        if (*line != ' ' && n > 0)
            rc = lex_add(l, line, n, bits);
        line += strcspn(line, "\n");
        if (*line)
            line++;
    }
    free(text);
    return rc ? sr_error_set(err, "out of memory") : 0;
}

static int lex_cmp(const void *a, const void *b)
{
    const tr_lex *x = a, *y = b;
    return x->h < y->h ? -1 : x->h > y->h;
}

/*
** The lexicon: WordNet's lemmas and irregular forms with their parts of
** speech, and the training words seen at least lex_min_count times marked
** frequent (they are known well enough by their own features).
*/
static int collect_lexicon(tr_inventory *inv, const sr_sentence *s, size_t n,
                           const sr_tg_train_opts *o, sr_error *err)
{
    static const char *const pos[4] = {"noun", "verb", "adj", "adv"};
    tr_lex_list l = {0};
    int rc = 0;
    for (int p = 0; o->wordnet_dir && p < 4 && rc == 0; p++) {
        char name[32];
        snprintf(name, sizeof name, "index.%s", pos[p]);
        rc = lex_read_wordnet(&l, o->wordnet_dir, name, SR_TGL_NOUN << p, err);
        snprintf(name, sizeof name, "%s.exc", pos[p]);
        if (rc == 0 && p < 3)
            rc = lex_read_wordnet(&l, o->wordnet_dir, name, SR_TGL_EXC_NOUN << p, err);
    }
    size_t first_train = l.n;
    for (size_t i = 0; i < n && rc == 0; i++)
        for (size_t j = 0; j < s[i].ntokens && rc == 0; j++) {
            const char *f = s[i].tokens[j].form ? s[i].tokens[j].form : "";
            rc = lex_add(&l, f, strlen(f), SR_TGL_FREQUENT);
        }
    if (rc) {
        free(l.v);
        return sr_error_set(err, "out of memory");
    }
    /* training words: count occurrences, keep the frequent ones */
    qsort(l.v + first_train, l.n - first_train, sizeof *l.v, lex_cmp);
    size_t k = first_train;
    for (size_t a = first_train; a < l.n;) {
        size_t b = a;
        while (b < l.n && l.v[b].h == l.v[a].h)
            b++;
        if ((int)(b - a) >= o->lex_min_count)
            l.v[k++] = l.v[a];
        a = b;
    }
    l.n = k;
    qsort(l.v, l.n, sizeof *l.v, lex_cmp);
    size_t merged = 0;
    for (size_t i = 0; i < l.n; i++) {
        if (merged && l.v[merged - 1].h == l.v[i].h)
            l.v[merged - 1].bits |= l.v[i].bits;
        else
            l.v[merged++] = l.v[i];
    }
    unsigned bits = slot_bits(merged);
    size_t cap = (size_t)1 << bits;
    inv->lex_slots = calloc(cap, sizeof *inv->lex_slots);
    if (!inv->lex_slots) {
        free(l.v);
        return sr_error_set(err, "out of memory");
    }
    for (size_t i = 0; i < merged; i++)
        sr_tg_insert(inv->lex_slots, (uint32_t)(cap - 1), bits, sr_tg_fingerprint(l.v[i].h),
                     l.v[i].bits);
    inv->lex.slots = inv->lex_slots;
    inv->lex.mask = (uint32_t)(cap - 1);
    inv->lex.bits = bits;
    free(l.v);
    return 0;
}

/* A training word's FEATS dictionary key and gold FEATS id. */
typedef struct tr_fkey {
    uint64_t key;
    uint32_t fid;
} tr_fkey;

static int fkey_cmp(const void *a, const void *b)
{
    const tr_fkey *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return (x->fid > y->fid) - (x->fid < y->fid);
}

/*
** The FEATS dictionary: (class, lowercased form) pairs seen at least
** fdict_min_count times with one FEATS string at least 95% of the time,
** verbs excepted.  Those words need no FEATS perceptron ("nothing" NN is
** PronType=Neg).
*/
static int collect_fdict(tr_inventory *inv, const sr_sentence *s, size_t n,
                         const sr_tg_train_opts *o, sr_error *err)
{
    size_t total = 0, k = 0, kept = 0;
    for (size_t i = 0; i < n; i++)
        total += s[i].ntokens;
    tr_fkey *v = malloc((total + 1) * sizeof *v);
    if (!v)
        return sr_error_set(err, "out of memory");
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < s[i].ntokens; j++) {
            sr_tg_word w;
            long c = token_class(inv, &s[i].tokens[j]), f = token_feats(inv, &s[i].tokens[j]);
            if (c < 0 || f < 0 || (inv->class_flags[c] & SR_TGC_VERBAL))
                continue; /* a verb's features depend on its context */
            sr_tg_word_init(&w, s[i].tokens[j].form ? s[i].tokens[j].form : "", 0);
            v[k].key = sr_tg_fdict_key((unsigned)c, w.lower);
            v[k++].fid = (uint32_t)f;
        }
    qsort(v, k, sizeof *v, fkey_cmp);
    for (size_t a = 0; a < k;) { /* keep one entry per key, with the winning id */
        size_t b = a, best = a, run = 0, best_run = 0;
        for (; b < k && v[b].key == v[a].key; b++) {
            run = b > a && v[b].fid == v[b - 1].fid ? run + 1 : 1;
            if (run > best_run)
                best_run = run, best = b;
        }
        if ((int)(b - a) >= o->fdict_min_count && best_run * 100 >= (b - a) * 95)
            v[kept++] = v[best];
        a = b;
    }
    unsigned bits = slot_bits(kept);
    size_t cap = (size_t)1 << bits;
    inv->fdict_slots = calloc(cap, sizeof *inv->fdict_slots);
    if (!inv->fdict_slots) {
        free(v);
        return sr_error_set(err, "out of memory");
    }
    for (size_t i = 0; i < kept; i++)
        sr_tg_insert(inv->fdict_slots, (uint32_t)(cap - 1), bits, sr_tg_fingerprint(v[i].key),
                     SR_TG_INLINE | v[i].fid << 16);
    inv->fdict.slots = inv->fdict_slots;
    inv->fdict.mask = (uint32_t)(cap - 1);
    inv->fdict.bits = bits;
    free(v);
    return 0;
}

static void inventory_free(tr_inventory *inv)
{
    free(inv->fdict_slots);
    free(inv->lex_slots);
    labels_free(&inv->classes);
    labels_free(&inv->feats);
    free(inv->pair_count);
    free(inv->allowed);
    free(inv->dict_form);
    free(inv->dict_cls);
}

/* Tag-dictionary class of a hashed form during training, or -1. */
static int inv_dict(const tr_inventory *inv, uint64_t h)
{
    size_t lo = 0, hi = inv->ndict;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (inv->dict_form[mid] < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < inv->ndict && inv->dict_form[lo] == h ? inv->dict_cls[lo] : -1;
}

/* ------------------------------------------------------------------ */
/* Writing a model from the averaged weights.                         */

/*
** Slots for a hash table of n entries: a power of two, filled to at most
** 90% (Robin Hood order keeps probes short) so the model stays compact.
*/
static size_t table_slots(size_t n)
{
    size_t p = 16;
    while (p * 90 < n * 100 + 100)
        p *= 2;
    return p;
}

/* log2 of table_slots(n). */
static unsigned slot_bits(size_t n)
{
    unsigned bits = 0;
    while ((1ul << bits) < table_slots(n))
        bits++;
    return bits;
}

static int strength_desc(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x < y) - (x > y);
}

/*
** The smallest row strength (largest weight of a row) that keeps at most
** max_rows rows; 0 when every row fits (max_rows 0: no limit).
*/
static double row_floor(const double *strength, size_t n, size_t max_rows)
{
    size_t live = 0;
    for (size_t i = 0; i < n; i++)
        live += strength[i] > 0;
    if (max_rows == 0 || live <= max_rows)
        return 0;
    double *sorted = malloc(n * sizeof *sorted);
    if (!sorted)
        return 0;
    memcpy(sorted, strength, n * sizeof *sorted);
    qsort(sorted, n, sizeof *sorted, strength_desc);
    double floor = sorted[max_rows - 1];
    free(sorted);
    return floor;
}

/* Add a table's slots as section <prefix>_slots. */
static int export_slots(sr_model_writer *mw, const char *prefix, const sr_tg_slot *slots,
                        size_t cap, sr_error *err)
{
    char name[SR_MODEL_SECTION_NAME_MAX];
    snprintf(name, sizeof name, "%s_slots", prefix);
    return sr_model_writer_add(mw, name, SR_MT_U32, slots, cap * 2, err);
}

/*
** Add one perceptron as sections <prefix>_slots/_cls/_w: averaged weights
** at least `prune` in magnitude, quantized to int16 with one scale; rows
** of a single weight are stored inline in their slot.
*/
static int export_table(sr_model_writer *mw, const char *prefix, const tr_weights *tw,
                        size_t nclass, double prune, size_t max_rows, sr_error *err)
{
    double maxw = 0;
    size_t kept_rows = 0, kept = 0;
    double *strength = calloc(tw->nrows + 1, sizeof *strength);
    if (!strength)
        return sr_error_set(err, "out of memory");
    for (size_t i = 0; i < tw->nrows; i++)
        for (uint32_t j = 0; j < tw->rows[i].n; j++) {
            double a = fabs(tr_average(&tw->rows[i].e[j], tw->t));
            if (a >= prune && a > strength[i])
                strength[i] = a;
        }
    double floor = row_floor(strength, tw->nrows, max_rows);
    size_t at_floor = 0;
    for (size_t i = 0; i < tw->nrows; i++) {
        if (strength[i] == 0 || strength[i] < floor ||
            (strength[i] == floor && kept_rows >= max_rows)) {
            strength[i] = 0; /* dropped */
            continue;
        }
        at_floor += strength[i] == floor;
        for (uint32_t j = 0; j < tw->rows[i].n; j++) {
            double a = fabs(tr_average(&tw->rows[i].e[j], tw->t));
            if (a >= prune) {
                maxw = a > maxw ? a : maxw;
                kept++;
            }
        }
        kept_rows++;
    }
    (void)at_floor;
    double scale = maxw > 0 ? 32767.0 / maxw : 1.0;
    unsigned bits = slot_bits(kept_rows);
    size_t cap = (size_t)1 << bits;
    sr_tg_slot *slots = calloc(cap, sizeof *slots);
    uint8_t *cls = malloc(kept + 1);
    int16_t *w = malloc((kept + 1) * sizeof *w);
    size_t ndense = 0, dense_min = nclass / 3 > 8 ? nclass / 3 : 8;
    size_t stride = sr_tg_dense_stride(nclass);
    int16_t *dense = malloc((kept / dense_min + 1) * stride * sizeof *dense);
    int rc = -1;
    if (!slots || !cls || !w || !dense) {
        sr_error_set(err, "out of memory");
        goto done;
    }
    size_t pool = 0;
    for (size_t i = 0; i < tw->nrows; i++) {
        const tr_row *r = &tw->rows[i];
        size_t start = pool;
        if (strength[i] == 0)
            continue;
        for (uint32_t j = 0; j < r->n; j++) {
            double a = tr_average(&r->e[j], tw->t);
            long q = lround(a * scale);
            if (fabs(a) >= prune && q != 0) {
                cls[pool] = r->e[j].cls;
                w[pool++] = (int16_t)q;
            }
        }
        uint32_t row = (uint32_t)(start << 8 | (pool - start));
        if (pool - start == 1) { /* inline, and give the pool entry back */
            row = SR_TG_INLINE | (uint32_t)cls[start] << 16 | (uint16_t)w[start];
            pool = start;
        } else if (pool - start >= dense_min) { /* dense */
            int16_t *d = dense + ndense * stride;
            memset(d, 0, stride * sizeof *d);
            for (size_t j = start; j < pool; j++)
                d[cls[j]] = w[j];
            row = (uint32_t)(ndense++ << 8);
            pool = start;
            if (sr_tg_insert(slots, (uint32_t)(cap - 1), bits, sr_tg_fingerprint(r->key), row))
                ndense--;
            continue;
        }
        if (pool == start && !(row & SR_TG_INLINE))
            continue;
        if (sr_tg_insert(slots, (uint32_t)(cap - 1), bits, sr_tg_fingerprint(r->key), row))
            pool = start; /* fingerprint clash: drop the row */
    }
    if (pool >= (1u << 23)) {
        sr_error_set(err, "%s table: %zu weights, more than the format's 2^23", prefix, pool);
        goto done;
    }
    char name[SR_MODEL_SECTION_NAME_MAX];
    if (export_slots(mw, prefix, slots, cap, err))
        goto done;
    snprintf(name, sizeof name, "%s_cls", prefix);
    if (sr_model_writer_add(mw, name, SR_MT_U8, cls, pool, err))
        goto done;
    snprintf(name, sizeof name, "%s_w", prefix);
    if (sr_model_writer_add(mw, name, SR_MT_I16, w, pool, err))
        goto done;
    snprintf(name, sizeof name, "%s_dense", prefix);
    rc = sr_model_writer_add(mw, name, SR_MT_I16, dense, ndense * stride, err);
done:
    free(strength);
    free(dense);
    free(slots);
    free(cls);
    free(w);
    return rc;
}

/* Add the NUL-separated strings names[0..n) (skipping `skip` bytes of each) as one section. */
static int export_strings(sr_model_writer *mw, const char *section, const tr_label *names, size_t n,
                          int after_tab, sr_error *err)
{
    size_t len = 0;
    for (size_t i = 0; i < n; i++)
        len += strlen(names[i].name) + 1;
    char *buf = malloc(len + 1), *p = buf;
    if (!buf)
        return sr_error_set(err, "out of memory");
    for (size_t i = 0; i < n; i++) {
        const char *s = names[i].name;
        if (after_tab && strchr(s, '\t'))
            s = strchr(s, '\t') + 1;
        size_t l = strlen(s) + 1;
        memcpy(p, s, l);
        p += l;
    }
    int rc = sr_model_writer_add(mw, section, SR_MT_U8, buf, (size_t)(p - buf), err);
    free(buf);
    return rc;
}

/* Class names, FEATS strings, allowed sets and tag dictionary. */
static int export_inventory(sr_model_writer *mw, const tr_inventory *inv, sr_error *err)
{
    size_t nc = inv->classes.n, nf = inv->feats.n;
    if (sr_model_writer_add(mw, "class_upos", SR_MT_U8, inv->class_upos, nc, err) ||
        export_strings(mw, "class_xpos", inv->classes.v, nc, 1, err) ||
        export_strings(mw, "feats", inv->feats.v, nf, 0, err))
        return -1;
    uint16_t *start = malloc((nc + 1) * sizeof *start);
    uint8_t *allow = malloc(nc * nf + 1);
    unsigned bits = slot_bits(inv->ndict);
    size_t cap = (size_t)1 << bits;
    sr_tg_slot *dict = calloc(cap, sizeof *dict);
    int rc = -1;
    if (!start || !allow || !dict) {
        sr_error_set(err, "out of memory");
        goto done;
    }
    size_t k = 0;
    for (size_t c = 0; c < nc; c++) {
        start[c] = (uint16_t)k;
        for (size_t f = 0; f < nf; f++)
            if (inv->allowed[c * nf + f])
                allow[k++] = (uint8_t)f;
    }
    start[nc] = (uint16_t)k;
    for (size_t i = 0; i < inv->ndict; i++)
        sr_tg_insert(dict, (uint32_t)(cap - 1), bits, sr_tg_fingerprint(inv->dict_form[i]),
                     SR_TG_INLINE | (uint32_t)inv->dict_cls[i] << 16);
    if (!sr_model_writer_add(mw, "allow_start", SR_MT_U16, start, nc + 1, err) &&
        !sr_model_writer_add(mw, "allow", SR_MT_U8, allow, k, err) &&
        !export_slots(mw, "dict", dict, cap, err) &&
        !export_slots(mw, "lex", inv->lex_slots, inv->lex.mask + 1u, err) &&
        !export_slots(mw, "fdict", inv->fdict_slots, inv->fdict.mask + 1u, err))
        rc = 0;
done:
    free(start);
    free(allow);
    free(dict);
    return rc;
}

static int export_model(const tr_inventory *inv, const tr_weights *pos, const tr_weights *fts,
                        const sr_tg_train_opts *o, const char *info, const char *path,
                        sr_error *err)
{
    sr_model_writer *mw = sr_model_writer_new(SR_TG_KIND);
    if (!mw)
        return sr_error_set(err, "out of memory");
    int rc = export_inventory(mw, inv, err);
    if (!rc)
        rc = export_table(mw, "pos", pos, inv->classes.n, o->prune, o->max_rows, err);
    if (!rc)
        rc = export_table(mw, "fts", fts, inv->feats.n, o->prune, o->max_rows, err);
    if (!rc)
        rc = sr_model_writer_add_string(mw, "info", info, err);
    if (!rc)
        rc = sr_model_writer_save(mw, path, err);
    sr_model_writer_free(mw);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Training passes.                                                   */

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
        if (inv_dict(inv, sc->words[i].exact) < 0)
            sc->words[i].lex = sr_tg_lexicon(&inv->lex, form);
        long c = token_class(inv, &s->tokens[i]), f = token_feats(inv, &s->tokens[i]);
        sc->gold[i] = (uint8_t)(c < 0 ? 0 : c);
        sc->gold_feats[i] = (uint8_t)(f < 0 ? 0 : f);
    }
    for (size_t i = 0; i < n; i++) {
        int d = inv_dict(inv, sc->words[i].exact);
        if (d >= 0) {
            sc->guess[i] = (uint8_t)d;
            continue;
        }
        unsigned p1 = i > 0 ? sc->guess[i - 1] : SR_TG_NO_CLASS;
        unsigned p2 = i > 1 ? sc->guess[i - 2] : SR_TG_NO_CLASS;
        size_t nk = sr_tg_pos_features(sc->words, n, i, p1, p2, keys);
        memset(scores, 0, sizeof scores);
        tr_score(pos, keys, nk, scores);
        unsigned best = 0;
        for (unsigned c = 1; c < inv->classes.n; c++)
            if (scores[c] > scores[best])
                best = c;
        pos->t++;
        if (best != sc->gold[i] && tr_update(pos, keys, nk, sc->gold[i], best))
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
        tr_score(fts, keys, nk, scores);
        int best = -1;
        for (size_t f = 0; f < nf; f++)
            if (allowed[f] && (best < 0 || scores[f] > scores[best]))
                best = (int)f;
        fts->t++;
        if (best != sc->gold_feats[i] &&
            tr_update(fts, keys, nk, sc->gold_feats[i], (unsigned)best))
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
    if (export_model(inv, pos, fts, o, info, cand_path, err))
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
            tr_clear(best_pos);
            tr_clear(best_fts);
            if (tr_add_averaged(best_pos, pos) || tr_add_averaged(best_fts, fts)) {
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
        if (tr_init(&w[ready]))
            break;
    if (ready < 4)
        sr_error_set(err, "out of memory");
    else if (o->verbose && o->runs > 1)
        fprintf(stderr, "run %d of %d (seed %llu)\n", run + 1, o->runs,
                (unsigned long long)ro.seed);
    if (ready == 4 && run_epochs(inv, &w[0], &w[1], &w[2], &w[3], train, ntrain, dev, ndev, &ro,
                                 out_path, best, err) == 0) {
        rc = tr_add_averaged(ens_pos, &w[2]) || tr_add_averaged(ens_fts, &w[3]) ? -1 : 0;
        if (rc)
            sr_error_set(err, "out of memory while training");
    }
    for (int i = 0; i < 4; i++)
        if (w[i].slot_row)
            tr_free(&w[i]);
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
    if (tr_init(&pos) || tr_init(&fts)) {
        sr_error_set(err, "out of memory");
        goto done;
    }
    if (collect_labels(&inv, train, ntrain, err) || collect_allowed(&inv, train, ntrain, o, err) ||
        collect_dict(&inv, train, ntrain, o, err) || collect_lexicon(&inv, train, ntrain, o, err) ||
        collect_fdict(&inv, train, ntrain, o, err))
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
        if (export_model(&inv, &pos, &fts, o, info, out_path, err))
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
    tr_free(&pos);
    tr_free(&fts);
    inventory_free(&inv);
    return rc;
}
