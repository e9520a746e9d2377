/*
** attr_lex.c: the word lists of data/attr/ and their look-up over tokens.
**
** Every line is PHRASE<TAB>CLASS[<TAB>VALUE[<TAB>ARG]].  A phrase may have
** entries of several classes ("this" is a modifier and a month preposition);
** they are chained.  Matching tries the longest phrase first, lower-casing
** the token forms; a one-word phrase also matches a token's lemma, so
** "said" finds the speech verb "say".  Each entry keeps FILE:LINE so a
** decision can be traced to the line that made it.
*/
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "attr/attr_internal.h"
#include "util/util.h"

/* ---- a small open-addressing hash map from strings to int32 ------ */

struct lx_map {
    char **keys;
    size_t *lens; /* of the keys: a probe compares lengths before bytes */
    int32_t *vals;
    size_t cap, n;
};

lx_map *sr_lx_map_new(void)
{
    lx_map *m = calloc(1, sizeof *m);
    m->cap = 256;
    m->keys = calloc(m->cap, sizeof *m->keys);
    m->lens = calloc(m->cap, sizeof *m->lens);
    m->vals = calloc(m->cap, sizeof *m->vals);
    return m;
}

void sr_lx_map_free(lx_map *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->cap; i++)
        free(m->keys[i]);
    free(m->keys);
    free(m->lens);
    free(m->vals);
    free(m);
}

/* Slot of key: where it is, or the empty slot where it would go. */
static size_t map_slot(const lx_map *m, const char *key, size_t len)
{
    size_t i = sr_hash_bytes(key, len, 0) & (m->cap - 1);
    while (m->keys[i] && !(m->lens[i] == len && memcmp(m->keys[i], key, len) == 0))
        i = (i + 1) & (m->cap - 1);
    return i;
}

void sr_lx_map_put(lx_map *m, const char *key, size_t len, int32_t value)
{
    if (2 * (m->n + 1) > m->cap) {
        lx_map old = *m;
        m->cap *= 2;
        m->keys = calloc(m->cap, sizeof *m->keys);
        m->lens = calloc(m->cap, sizeof *m->lens);
        m->vals = calloc(m->cap, sizeof *m->vals);
        m->n = 0;
        for (size_t i = 0; i < old.cap; i++)
            if (old.keys[i]) {
                size_t j = map_slot(m, old.keys[i], old.lens[i]);
                m->keys[j] = old.keys[i];
                m->lens[j] = old.lens[i];
                m->vals[j] = old.vals[i];
                m->n++;
            }
        free(old.keys);
        free(old.lens);
        free(old.vals);
    }
    size_t i = map_slot(m, key, len);
    if (!m->keys[i]) {
        m->keys[i] = strndup(key, len);
        m->lens[i] = strlen(m->keys[i]);
        m->n++;
    }
    m->vals[i] = value;
}

int32_t sr_lx_map_get(const lx_map *m, const char *key, size_t len)
{
    size_t i = map_slot(m, key, len);
    return m->keys[i] ? m->vals[i] : -1;
}

/* ---- loading ------------------------------------------------------ */

static const char *const class_names[LX_NCLASSES] = {
    "month", "weekday",   "dayrel",   "period", "relmod", "partofday", "unit",
    "ago",   "monthprep", "yearprep", "num",    "mult",   "qual",      "what",
    "who",   "thing",     "subset",   "speech", "medium", "sector",
};

static int class_of(const char *name)
{
    for (int i = 0; i < LX_NCLASSES; i++)
        if (strcmp(class_names[i], name) == 0)
            return i;
    return -1;
}

static void add_entry(sr_lex *lx, lx_entry *e)
{
    if (lx->n == lx->cap) {
        lx->cap = lx->cap ? 2 * lx->cap : 256;
        lx->entries = realloc(lx->entries, lx->cap * sizeof *lx->entries);
    }
    size_t len = strlen(e->phrase);
    int32_t prev = sr_lx_map_get(lx->phrases, e->phrase, len);
    e->next = prev;
    lx->entries[lx->n] = *e;
    sr_lx_map_put(lx->phrases, e->phrase, len, (int32_t)lx->n);
    lx->n++;
    const char *sp = strchr(e->phrase, ' ');
    size_t flen = sp ? (size_t)(sp - e->phrase) : len;
    int32_t most = sr_lx_map_get(lx->firsts, e->phrase, flen);
    if (most < e->nwords)
        sr_lx_map_put(lx->firsts, e->phrase, flen, e->nwords);
}

int sr_lx_load(sr_lex *lx, const char *path, const char *label, sr_error *err)
{
    if (!lx->phrases) {
        lx->phrases = sr_lx_map_new();
        lx->firsts = sr_lx_map_new();
    }
    size_t len;
    char *text = sr_read_file(path, &len, err);
    if (!text)
        return -1;
    lx->texts = realloc(lx->texts, (lx->ntexts + 1) * sizeof *lx->texts);
    lx->texts[lx->ntexts++] = text;
    char *save = NULL;
    int lineno = 0;
    /* Split by hand: strtok would skip empty lines and miscount. */
    for (char *line = text; line && *line; line = save) {
        char *nl = strchr(line, '\n');
        save = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        lineno++;
        if (*line == '#' || *line == '\0')
            continue;
        char *col[4] = {line, NULL, NULL, NULL};
        for (int c = 1; c < 4; c++) {
            char *tab = col[c - 1] ? strchr(col[c - 1], '\t') : NULL;
            if (tab) {
                *tab = '\0';
                col[c] = tab + 1;
            }
        }
        int cls = col[1] ? class_of(col[1]) : -1;
        if (cls < 0)
            return sr_error_set(err, "%s:%d: unknown or missing class", path, lineno);
        lx_entry e = {.phrase = col[0], .cls = (uint8_t)cls, .nwords = 1};
        for (const char *p = col[0]; *p; p++)
            e.nwords += *p == ' ';
        if (col[2])
            e.value = strtoll(col[2], NULL, 10);
        e.arg = col[3] && *col[3] ? col[3] : NULL;
        char src[256];
        snprintf(src, sizeof src, "%s:%d", label, lineno);
        e.src = strdup(src);
        add_entry(lx, &e);
    }
    return 0;
}

void sr_lx_free(sr_lex *lx)
{
    for (size_t i = 0; i < lx->n; i++)
        free((char *)lx->entries[i].src);
    free(lx->entries);
    for (size_t i = 0; i < lx->ntexts; i++)
        free(lx->texts[i]);
    free(lx->texts);
    sr_lx_map_free(lx->phrases);
    sr_lx_map_free(lx->firsts);
    memset(lx, 0, sizeof *lx);
}

/* ---- matching ----------------------------------------------------- */

/* Append the lower-cased s to buf at *n; 0 when it does not fit. */
static int append_lower(char *buf, size_t cap, size_t *n, const char *s)
{
    for (; *s; s++) {
        if (*n + 1 >= cap)
            return 0;
        buf[(*n)++] = (char)tolower((unsigned char)*s);
    }
    buf[*n] = '\0';
    return 1;
}

/* The first entry of the chain at idx whose class is in mask. */
static const lx_entry *chain_pick(const sr_lex *lx, int32_t idx, uint32_t mask)
{
    for (; idx >= 0; idx = lx->entries[idx].next)
        if (mask & LX(lx->entries[idx].cls))
            return &lx->entries[idx];
    return NULL;
}

const lx_entry *sr_lx_get(const sr_lex *lx, const char *phrase, uint32_t mask)
{
    return chain_pick(lx, sr_lx_map_get(lx->phrases, phrase, strlen(phrase)), mask);
}

const lx_entry *sr_lx_match(const sr_lex *lx, const sr_sentence *s, uint32_t i, uint32_t mask,
                            uint32_t *nw)
{
    if (i >= s->ntokens)
        return NULL;
    char buf[256];
    size_t n = 0;
    if (!append_lower(buf, sizeof buf, &n, s->tokens[i].form))
        return NULL;
    int32_t most = sr_lx_map_get(lx->firsts, buf, n);
    if (most > (int32_t)(s->ntokens - i))
        most = (int32_t)(s->ntokens - i);
    if (most > 1) {
        /* Build the longest key, remembering where each word ends. */
        size_t ends[8] = {n};
        int w = 1;
        for (; w < most && w < 8; w++) {
            if (!append_lower(buf, sizeof buf, &n, " ") ||
                !append_lower(buf, sizeof buf, &n, s->tokens[i + w].form))
                break;
            ends[w] = n;
        }
        for (; w > 1; w--) {
            const lx_entry *e = chain_pick(lx, sr_lx_map_get(lx->phrases, buf, ends[w - 1]), mask);
            if (e) {
                *nw = (uint32_t)w;
                return e;
            }
        }
        n = ends[0];
    }
    const lx_entry *e = most > 0 ? chain_pick(lx, sr_lx_map_get(lx->phrases, buf, n), mask) : NULL;
    const char *lemma = s->tokens[i].lemma;
    if (!e && lemma && strcmp(lemma, s->tokens[i].form) != 0) {
        n = 0;
        if (append_lower(buf, sizeof buf, &n, lemma))
            e = chain_pick(lx, sr_lx_map_get(lx->phrases, buf, n), mask);
    }
    if (e)
        *nw = 1;
    return e;
}
