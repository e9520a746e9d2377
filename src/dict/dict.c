/*
** dict.c: the in-memory verb dictionary shared by both file formats:
** word interning, growth of the tables while loading, and the lookup
** tables built once loading is over (see dict.h).
*/
#include "dict/dict_internal.h"

#include <stdlib.h>
#include <string.h>

#include "util/util.h"

sr_verbdict *sr_verbdict_new(int inflect)
{
    sr_verbdict *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    sr_arena_init(&d->strings);
    d->inflect = inflect;
    return d;
}

void sr_verbdict_free(sr_verbdict *d)
{
    if (!d)
        return;
    sr_arena_free(&d->strings);
    free(d->words);
    free(d->hash);
    free(d->verbs);
    free(d->patterns);
    free(d->elems);
    free(d->words_of);
    free(d->synsets);
    free(d->phrases);
    free(d->groups);
    free(d->argcons);
    free(d->form_verbs);
    free(d->pairs);
    free(d);
}

/* Grow a table so that it holds n + 1 elements; out of memory calls sr_oom(). */
void *sr_dict_grow(void *p, uint32_t n, uint32_t *cap, size_t size)
{
    if (n < *cap)
        return p;
    uint32_t nc = *cap ? *cap * 2 : 64;
    void *q = realloc(p, (size_t)nc * size);
    if (!q)
        sr_oom((size_t)nc * size);
    *cap = nc;
    return q;
}

/* ASCII lower-casing of s[0..len) into buf (SR_WORD_MAX + 1); 0 when too long. */
size_t sr_dict_lower(const char *s, size_t len, char *buf)
{
    if (len == 0 || len > SR_WORD_MAX)
        return 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        buf[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    buf[len] = '\0';
    return len;
}

static uint32_t hash_find(const sr_verbdict *d, const char *s, size_t len, uint64_t h)
{
    if (!d->hashcap)
        return SR_NOWORD;
    uint32_t mask = d->hashcap - 1;
    for (uint32_t i = (uint32_t)h & mask;; i = (i + 1) & mask) {
        uint32_t slot = d->hash[i];
        if (!slot)
            return SR_NOWORD;
        const sr_word *w = &d->words[slot - 1];
        if (w->len == len && memcmp(w->s, s, len) == 0)
            return slot - 1;
    }
}

/* Rebuild the hash table at twice the size when it is half full. */
static void hash_grow(sr_verbdict *d)
{
    uint32_t cap = d->hashcap ? d->hashcap * 2 : 1024;
    uint32_t *t = calloc(cap, sizeof *t);
    if (!t)
        sr_oom(cap * sizeof *t);
    for (uint32_t id = 0; id < d->nwords; id++) {
        const sr_word *w = &d->words[id];
        uint32_t i = (uint32_t)sr_hash_bytes(w->s, w->len, 0) & (cap - 1);
        while (t[i])
            i = (i + 1) & (cap - 1);
        t[i] = id + 1;
    }
    free(d->hash);
    d->hash = t;
    d->hashcap = cap;
}

uint32_t sr_verbdict_word(const sr_verbdict *d, const char *s, size_t len)
{
    char buf[SR_WORD_MAX + 1];
    if (!sr_dict_lower(s, len, buf))
        return SR_NOWORD;
    return hash_find(d, buf, len, sr_hash_bytes(buf, len, 0));
}

uint32_t sr_dict_intern(sr_verbdict *d, const char *s, size_t len)
{
    char buf[SR_WORD_MAX + 1];
    if (!sr_dict_lower(s, len, buf))
        return SR_NOWORD;
    uint64_t h = sr_hash_bytes(buf, len, 0);
    uint32_t id = hash_find(d, buf, len, h);
    if (id != SR_NOWORD)
        return id;
    if ((d->nwords + 1) * 2 > d->hashcap)
        hash_grow(d);
    d->words = sr_dict_grow(d->words, d->nwords, &d->capwords, sizeof *d->words);
    id = d->nwords++;
    sr_word *w = &d->words[id];
    w->s = sr_arena_strndup(&d->strings, buf, len);
    w->len = (uint32_t)len;
    w->base = id;
    w->verbs = w->nverbs = 0;
    w->inflected = 0;
    uint32_t mask = d->hashcap - 1, i = (uint32_t)h & mask;
    while (d->hash[i])
        i = (i + 1) & mask;
    d->hash[i] = id + 1;
    return id;
}

uint32_t sr_dict_intern_str(sr_verbdict *d, const char *s)
{
    return sr_dict_intern(d, s, strlen(s));
}

uint32_t sr_dict_add_wordref(sr_verbdict *d, uint32_t id)
{
    d->words_of = sr_dict_grow(d->words_of, d->nwords_of, &d->capwords_of, sizeof *d->words_of);
    d->words_of[d->nwords_of] = id;
    return d->nwords_of++;
}

uint32_t sr_dict_add_elem(sr_verbdict *d, uint8_t kind, uint8_t gap, uint32_t id)
{
    d->elems = sr_dict_grow(d->elems, d->nelems, &d->capelems, sizeof *d->elems);
    d->elems[d->nelems] = (sr_pat_elem){.kind = kind, .gap = gap, .id = id};
    return d->nelems++;
}

uint32_t sr_dict_add_group(sr_verbdict *d)
{
    d->groups = sr_dict_grow(d->groups, d->ngroups, &d->capgroups, sizeof *d->groups);
    d->groups[d->ngroups] = (sr_group){0, 0};
    return d->ngroups++;
}

sr_pattern *sr_dict_add_pattern(sr_verbdict *d)
{
    d->patterns = sr_dict_grow(d->patterns, d->npatterns, &d->cappatterns, sizeof *d->patterns);
    sr_pattern *p = &d->patterns[d->npatterns++];
    memset(p, 0, sizeof *p);
    return p;
}

sr_verb *sr_dict_add_verb(sr_verbdict *d)
{
    d->verbs = sr_dict_grow(d->verbs, d->nverbs, &d->capverbs, sizeof *d->verbs);
    sr_verb *v = &d->verbs[d->nverbs++];
    memset(v, 0, sizeof *v);
    return v;
}

/* Record that word `form` is a form of verb `verb`. */
void sr_dict_add_form(sr_verbdict *d, uint32_t form, uint32_t verb)
{
    if (form == SR_NOWORD)
        return;
    d->pairs = sr_dict_grow(d->pairs, d->npairs, &d->cappairs, sizeof *d->pairs);
    d->pairs[d->npairs++] = (uint64_t)form << 32 | verb;
}

/* Record that `form` inflects `base` (used when d->inflect is set). */
void sr_dict_set_base(sr_verbdict *d, uint32_t form, uint32_t base)
{
    if (form != SR_NOWORD && base != SR_NOWORD && d->words[form].base == form && form != base)
        d->words[form].base = base;
}

struct inflect_ctx {
    sr_verbdict *d;
    uint32_t verb, base;
};

static void add_inflected_form(void *ctx, const char *form)
{
    struct inflect_ctx *c = ctx;
    uint32_t id = sr_dict_intern_str(c->d, form);
    if (c->verb != SR_NOWORD)
        sr_dict_add_form(c->d, id, c->verb);
    sr_dict_set_base(c->d, id, c->base);
}

void sr_dict_add_regular_forms(sr_verbdict *d, uint32_t lemma, uint32_t verb)
{
    struct inflect_ctx c = {d, verb, lemma};
    sr_inflect_verb(d->words[lemma].s, add_inflected_form, &c);
}

/*
** Intern the inflections of word with word as their base.  A lexicon names
** the same word in many entries; after the first time this changes
** nothing (the forms are interned and a base, once set, stays), so it is
** done once per word.
*/
void sr_dict_add_inflections(sr_verbdict *d, uint32_t word)
{
    if (d->words[word].inflected)
        return;
    d->words[word].inflected = 1;
    struct inflect_ctx c = {d, SR_NOWORD, word};
    sr_inflect_verb(d->words[word].s, add_inflected_form, &c);
    char pl[SR_WORD_MAX + 8];
    sr_inflect_plural(d->words[word].s, pl, sizeof pl);
    add_inflected_form(&c, pl);
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static int cmp_pattern(const void *a, const void *b)
{
    const sr_pattern *x = a, *y = b;
    if (x->group != y->group)
        return x->group < y->group ? -1 : 1;
    /* file order within a group: rule pointers are not ordered, keep index */
    if (x->weight != y->weight)
        return x->weight > y->weight ? -1 : 1;
    /* a word names exactly, a noun class approximately: at equal weight, fewer classes first */
    return (x->nclass > y->nclass) - (x->nclass < y->nclass);
}

/*
** Build the form -> verbs index and the group -> patterns ranges.  Patterns
** are sorted by group and, within a group, by falling weight (qsort is not
** stable, so equal weights are ordered by their load index first).
*/
/*
** In a lexicon with inflection, every word whose base is a verb's lemma
** (a regular form generated at load, or an irregular one from "forms:")
** becomes a form of that verb.
*/
static void add_forms_by_base(sr_verbdict *d)
{
    uint32_t *first = malloc(((size_t)d->nwords + 1) * sizeof *first);
    uint32_t *next = malloc(((size_t)d->nverbs + 1) * sizeof *next);
    if (!first || !next)
        sr_oom(((size_t)d->nwords + 1) * sizeof *first);
    for (uint32_t w = 0; w < d->nwords; w++)
        first[w] = SR_NOWORD;
    for (uint32_t v = 0; v < d->nverbs; v++) {
        next[v] = first[d->verbs[v].lemma];
        first[d->verbs[v].lemma] = v;
    }
    for (uint32_t w = 0; w < d->nwords; w++) {
        uint32_t base = d->words[w].base;
        if (base == w)
            continue;
        for (uint32_t v = first[base]; v != SR_NOWORD; v = next[v])
            sr_dict_add_form(d, w, v);
    }
    free(first);
    free(next);
}

void sr_verbdict_finish(sr_verbdict *d)
{
    if (d->finished)
        return;
    d->finished = 1;
    if (d->inflect)
        add_forms_by_base(d);
    if (d->npairs) /* an empty dictionary has no array to sort */
        qsort(d->pairs, d->npairs, sizeof *d->pairs, cmp_u64);
    d->form_verbs = malloc(((size_t)d->npairs + 1) * sizeof *d->form_verbs);
    if (!d->form_verbs)
        sr_oom(((size_t)d->npairs + 1) * sizeof *d->form_verbs);
    uint32_t n = 0;
    for (uint32_t i = 0; i < d->npairs; i++) {
        if (i > 0 && d->pairs[i] == d->pairs[i - 1])
            continue;
        uint32_t form = (uint32_t)(d->pairs[i] >> 32);
        sr_word *w = &d->words[form];
        if (!w->nverbs)
            w->verbs = n;
        w->nverbs++;
        d->form_verbs[n++] = (uint32_t)d->pairs[i];
    }
    free(d->pairs);
    d->pairs = NULL;
    d->npairs = n;

    /* Stable order: encode load index into the sort by sorting an index. */
    uint32_t np = d->npatterns;
    sr_pattern *sorted = malloc(((size_t)np + 1) * sizeof *sorted);
    uint32_t *count = calloc((size_t)d->ngroups + 1, sizeof *count);
    if (!sorted || !count)
        sr_oom(((size_t)np + 1) * sizeof *sorted);
    for (uint32_t i = 0; i < np; i++)
        count[d->patterns[i].group + 1]++;
    for (uint32_t g = 0; g < d->ngroups; g++)
        count[g + 1] += count[g];
    for (uint32_t g = 0; g < d->ngroups; g++) {
        d->groups[g].pattern = count[g];
        d->groups[g].npattern = count[g + 1] - count[g];
    }
    for (uint32_t i = 0; i < np; i++)
        sorted[count[d->patterns[i].group]++] = d->patterns[i];
    /* Within a group: heavier first, then fewer noun classes, file order among equals
       (insertion sort is stable). */
    for (uint32_t g = 0; g < d->ngroups; g++) {
        sr_pattern *p = sorted + d->groups[g].pattern;
        for (uint32_t i = 1; i < d->groups[g].npattern; i++) {
            sr_pattern x = p[i];
            uint32_t j = i;
            while (j > 0 && cmp_pattern(&p[j - 1], &x) > 0) {
                p[j] = p[j - 1];
                j--;
            }
            p[j] = x;
        }
    }
    free(count);
    free(d->patterns);
    d->patterns = sorted;
    d->cappatterns = np;
}

void sr_verbdict_stats_get(const sr_verbdict *d, sr_verbdict_stats *st)
{
    st->verbs = d->nverbs;
    st->patterns = d->npatterns;
    st->synsets = d->nsynsets;
    st->forms = d->finished ? d->npairs : 0;
    st->skipped = d->skipped;
}
