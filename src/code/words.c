/*
** words.c: loaders of the tree coder's closed-class tables (see words.h).
**
** data/code/words.txt:     CLASS  WORD [WORD ...]
** data/code/modality.txt:  MODALITY[,MODALITY...]  ACT-CODE  CODE|-
**
** Both are line-oriented UTF-8 text with "#" comments; docs/verb-format.md
** part 5 documents them.  Tables are sorted arrays searched by bisection:
** a few hundred entries, looked up a few times per token.
*/
#include "code/words.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "dict/dict.h"
#include "util/arena.h"
#include "util/util.h"

/* One name per SR_WC_* bit, in bit order; the assertion below keeps the two in step. */
static const char *const CLASS_NAMES[] = {
    "speech",       "negator", "negating",     "future",     "conditional", "intend",
    "promise",      "light",   "first-person", "relative",   "crowd",       "military",
    "sector",       "agree",   "sport",        "sides",      "both",        "addressee",
    "place-prep",   "aerial",  "installation", "obligation", "time-prep",   "object-pronoun",
    "needs-object", "toll"};
_Static_assert(sizeof CLASS_NAMES / sizeof CLASS_NAMES[0] == SR_WC_COUNT,
               "a name for every word class");

static const char *const MODALITY_NAMES[SR_MOD_COUNT] = {"asserted", "negated", "future",
                                                         "conditional", "intended"};

const char *sr_modality_name(int m)
{
    return m >= 0 && m < SR_MOD_COUNT ? MODALITY_NAMES[m] : "asserted";
}

unsigned sr_words_class_bit(const char *name)
{
    for (int i = 0; i < SR_WC_COUNT; i++)
        if (strcmp(name, CLASS_NAMES[i]) == 0)
            return 1u << i;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Reading a table file line by line.                                 */

typedef int (*line_fn)(void *ctx, char **fields, int nfields, const char *where, sr_error *err);

/*
** Call fn for every non-blank line of path with its blank-separated fields
** (at most 16, comments removed) and "rule_name:LINE".  Stops at the first
** error; messages name the file and line.
*/
static int each_line(const char *path, const char *rule_name, sr_arena *strings, line_fn fn,
                     void *ctx, sr_error *err)
{
    size_t len;
    char *text = sr_read_file(path, &len, err);
    if (!text)
        return -1;
    if (sr_utf8_valid_prefix(text, len) != len || strlen(text) != len) {
        free(text);
        return sr_error_set(err, "%s: not valid UTF-8 text", path);
    }
    int rc = 0;
    size_t lineno = 0;
    for (char *line = text, *next; line && *line && rc == 0; line = next) {
        lineno++;
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        char *hash = strchr(line, '#');
        if (hash)
            *hash = '\0';
        char *f[16];
        int n = 0;
        char *save = NULL;
        for (char *tok = strtok_r(line, " \t\r", &save); tok;
             tok = strtok_r(NULL, " \t\r", &save)) {
            if (n == 16) {
                rc = sr_error_set(err, "%s:%zu: too many fields", path, lineno);
                break;
            }
            f[n++] = tok;
        }
        if (rc == 0 && n > 0) {
            const char *where = sr_arena_printf(strings, "%s:%zu", rule_name, lineno);
            if (fn(ctx, f, n, where, err) < 0) {
                char msg[sizeof err->msg];
                snprintf(msg, sizeof msg, "%s", err ? err->msg : "");
                rc = sr_error_set(err, "%s:%zu: %s", path, lineno, msg);
            }
        }
    }
    free(text);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Word classes.                                                      */

typedef struct wc_entry {
    const char *word; /* lower case */
    unsigned cls;     /* one bit */
    const char *rule;
} wc_entry;

struct sr_wordclasses {
    sr_arena strings;
    wc_entry *v;
    size_t n, cap;
    uint32_t *slots; /* hash of each distinct word -> its first entry + 1 (0: empty) */
    size_t mask;     /* slots - 1 */
};

static int add_words(void *ctx, char **f, int n, const char *where, sr_error *err)
{
    sr_wordclasses *w = ctx;
    unsigned bit = sr_words_class_bit(f[0]);
    if (!bit)
        return sr_error_set(err, "unknown word class \"%s\"", f[0]);
    if (n < 2)
        return sr_error_set(err, "class \"%s\" names no word", f[0]);
    for (int i = 1; i < n; i++) {
        char buf[SR_WORD_MAX + 1];
        if (!sr_dict_lower(f[i], strlen(f[i]), buf))
            return sr_error_set(err, "word too long: %s", f[i]);
        if (w->n == w->cap) {
            size_t cap = w->cap ? w->cap * 2 : 256;
            wc_entry *nv = realloc(w->v, cap * sizeof *nv);
            if (!nv)
                return sr_error_set(err, "out of memory");
            w->v = nv;
            w->cap = cap;
        }
        w->v[w->n++] = (wc_entry){sr_arena_strdup(&w->strings, buf), bit, where};
    }
    return 0;
}

static int cmp_wc(const void *a, const void *b)
{
    const wc_entry *x = a, *y = b;
    int c = strcmp(x->word, y->word);
    return c ? c : (x->cls > y->cls) - (x->cls < y->cls);
}

/* The slot of word in w's hash index: where it is, or the empty slot it would take. */
static size_t word_slot(const sr_wordclasses *w, const char *word)
{
    size_t h = (size_t)sr_hash_bytes(word, strlen(word), 0) & w->mask;
    while (w->slots[h] && strcmp(w->v[w->slots[h] - 1].word, word) != 0)
        h = (h + 1) & w->mask;
    return h;
}

/*
** Index the first entry of each distinct word of the sorted w->v by hash,
** so that a look-up (once or twice per token) is one probe instead of a
** binary search of string comparisons.  Returns -1 when out of memory.
*/
static int index_words(sr_wordclasses *w)
{
    size_t cap = 16;
    while (cap < 2 * w->n)
        cap *= 2;
    w->slots = calloc(cap, sizeof *w->slots);
    if (!w->slots)
        return -1;
    w->mask = cap - 1;
    for (size_t i = 0; i < w->n; i++) {
        size_t h = word_slot(w, w->v[i].word);
        if (!w->slots[h])
            w->slots[h] = (uint32_t)i + 1;
    }
    return 0;
}

sr_wordclasses *sr_words_open(const char *path, const char *rule_name, sr_error *err)
{
    sr_wordclasses *w = calloc(1, sizeof *w);
    if (!w) {
        sr_error_set(err, "out of memory");
        return NULL;
    }
    sr_arena_init(&w->strings);
    if (each_line(path, rule_name, &w->strings, add_words, w, err) < 0) {
        sr_words_free(w);
        return NULL;
    }
    if (w->n)
        qsort(w->v, w->n, sizeof *w->v, cmp_wc);
    if (index_words(w) < 0) {
        sr_error_set(err, "out of memory");
        sr_words_free(w);
        return NULL;
    }
    return w;
}

void sr_words_free(sr_wordclasses *w)
{
    if (!w)
        return;
    sr_arena_free(&w->strings);
    free(w->v);
    free(w->slots);
    free(w);
}

/* Index of the first entry of word, or w->n when it has none. */
static size_t first_entry(const sr_wordclasses *w, const char *word)
{
    char buf[SR_WORD_MAX + 1];
    if (!word || !sr_dict_lower(word, strlen(word), buf))
        return w->n;
    uint32_t i = w->slots[word_slot(w, buf)];
    return i ? i - 1 : w->n;
}

unsigned sr_words_classes(const sr_wordclasses *w, const char *word)
{
    unsigned cls = 0;
    size_t i = first_entry(w, word);
    for (size_t j = i; j < w->n && strcmp(w->v[j].word, w->v[i].word) == 0; j++)
        cls |= w->v[j].cls;
    return cls;
}

const char *sr_words_rule(const sr_wordclasses *w, const char *word, unsigned cls)
{
    size_t i = first_entry(w, word);
    for (size_t j = i; j < w->n && strcmp(w->v[j].word, w->v[i].word) == 0; j++)
        if (w->v[j].cls & cls)
            return w->v[j].rule;
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Code maps: modality.txt and complement.txt.                        */

typedef struct map_entry {
    const char *key;  /* a modality name, or the governing code */
    const char *act;  /* code prefix */
    const char *code; /* NULL: not coded */
    const char *rule;
} map_entry;

struct sr_code_map {
    sr_arena strings;
    map_entry *v;
    size_t n, cap;
    const struct sr_ontology *onto;
    int complement; /* complement.txt: keys are codes, not modalities */
};

static int valid_digits(const char *s)
{
    size_t n = strlen(s);
    return n >= 2 && n <= 4 && strspn(s, "0123456789") == n;
}

static int valid_code(const sr_code_map *m, const char *s)
{
    return valid_digits(s) && (!m->onto || sr_ontology_get(m->onto, s));
}

static int add_entry(sr_code_map *m, const char *key, const char *act, const char *code,
                     const char *where, sr_error *err)
{
    if (m->n == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 128;
        map_entry *nv = realloc(m->v, cap * sizeof *nv);
        if (!nv)
            return sr_error_set(err, "out of memory");
        m->v = nv;
        m->cap = cap;
    }
    m->v[m->n++] = (map_entry){sr_arena_strdup(&m->strings, key), sr_arena_strdup(&m->strings, act),
                               code ? sr_arena_strdup(&m->strings, code) : NULL, where};
    return 0;
}

static int add_map_line(void *ctx, char **f, int n, const char *where, sr_error *err)
{
    sr_code_map *m = ctx;
    if (n != 3)
        return sr_error_set(err, m->complement ? "expected GOVERNOR COMPLEMENT CODE"
                                               : "expected MODALITY ACT-CODE CODE");
    if (!valid_digits(f[1]))
        return sr_error_set(err, "bad act code \"%s\"", f[1]);
    int none = strcmp(f[2], "-") == 0;
    if (!none && !valid_code(m, f[2]))
        return sr_error_set(err, "unknown CAMEO code \"%s\"", f[2]);
    if (m->complement) {
        if (!valid_code(m, f[0]))
            return sr_error_set(err, "unknown CAMEO code \"%s\"", f[0]);
        return add_entry(m, f[0], f[1], none ? NULL : f[2], where, err);
    }
    char *save = NULL;
    for (char *name = strtok_r(f[0], ",", &save); name; name = strtok_r(NULL, ",", &save)) {
        int known = 0;
        for (int i = 1; i < SR_MOD_COUNT; i++)
            known |= strcmp(name, MODALITY_NAMES[i]) == 0;
        if (!known)
            return sr_error_set(err, "unknown modality \"%s\"", name);
        if (add_entry(m, name, f[1], none ? NULL : f[2], where, err) < 0)
            return -1;
    }
    return 0;
}

sr_code_map *sr_codemap_open(const char *path, const char *rule_name,
                             const struct sr_ontology *onto, int complement, sr_error *err)
{
    sr_code_map *m = calloc(1, sizeof *m);
    if (!m) {
        sr_error_set(err, "out of memory");
        return NULL;
    }
    sr_arena_init(&m->strings);
    m->onto = onto;
    m->complement = complement;
    if (each_line(path, rule_name, &m->strings, add_map_line, m, err) < 0) {
        sr_codemap_free(m);
        return NULL;
    }
    return m;
}

void sr_codemap_free(sr_code_map *m)
{
    if (!m)
        return;
    sr_arena_free(&m->strings);
    free(m->v);
    free(m);
}

int sr_codemap_apply(const sr_code_map *m, const char *key, const char *code, const char **out,
                     const char **rule)
{
    const map_entry *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; i < m->n; i++) {
        const map_entry *e = &m->v[i];
        size_t l = strlen(e->act);
        if (strcmp(e->key, key) == 0 && l > best_len && strncmp(code, e->act, l) == 0) {
            best = e;
            best_len = l;
        }
    }
    if (!best)
        return 0;
    *out = best->code;
    *rule = best->rule;
    return 1;
}
