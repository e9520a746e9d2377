/*
** tagger_inventory.c: what training derives from the gold data before the
** first epoch: the POS classes and FEATS strings, ordered by frequency, the
** FEATS strings each class allows, the tag dictionary, the lexicon and the
** FEATS dictionary.
**
** They are derived once for all epochs and runs, so every candidate model
** numbers its classes alike and the runs of an ensemble can be summed.
** The dictionaries and the lexicon are built as the model will store them,
** so the words they spare a perceptron in training are the words they
** spare it when tagging.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nlp/tagger_train_internal.h"
#include "util/util.h"

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
long sr_tgt_token_class(const tr_inventory *inv, const sr_token *t)
{
    char name[256];
    class_name(t, name, sizeof name);
    return label_id((tr_labels *)&inv->classes, name, 0);
}

long sr_tgt_token_feats(const tr_inventory *inv, const sr_token *t)
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
            long c = sr_tgt_token_class(inv, &s[i].tokens[j]);
            long f = sr_tgt_token_feats(inv, &s[i].tokens[j]);
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
            long c = sr_tgt_token_class(inv, &s[i].tokens[j]);
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
    unsigned bits = sr_tgt_slot_bits(merged);
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
            long c = sr_tgt_token_class(inv, &s[i].tokens[j]),
                 f = sr_tgt_token_feats(inv, &s[i].tokens[j]);
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
    unsigned bits = sr_tgt_slot_bits(kept);
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

/*
** Everything the inventory holds, derived from the training set.  The
** classes come first: the other parts are keyed by class id.
*/
int sr_tgt_inventory_build(tr_inventory *inv, const sr_sentence *s, size_t n,
                           const sr_tg_train_opts *o, sr_error *err)
{
    if (collect_labels(inv, s, n, err) || collect_allowed(inv, s, n, o, err) ||
        collect_dict(inv, s, n, o, err) || collect_lexicon(inv, s, n, o, err) ||
        collect_fdict(inv, s, n, o, err))
        return -1;
    return 0;
}

void sr_tgt_inventory_free(tr_inventory *inv)
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
int sr_tgt_inv_dict(const tr_inventory *inv, uint64_t h)
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
