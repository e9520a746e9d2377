/*
** lemma_wordnet.c: the lemmatizer's string maps and the reading of
** WordNet's data files.
**
** WordNet's own library keeps static state and so cannot be shared by
** threads; instead its plain-text files are read once here into read-only
** hash maps: <pos>.exc (irregular form -> base form) and index.<pos> (every
** lemma WordNet knows, for checking what the detachment rules produce).
*/
#include <stdlib.h>
#include <string.h>

#include "nlp/lemma_internal.h"
#include "util/util.h"

static uint64_t key_hash(const char *key, size_t len)
{
    uint64_t h = sr_hash_bytes(key, len, 0);
    return h ? h : 1;
}

/* Double the slots of m. */
static int map_grow(sr_lm_map *m)
{
    size_t cap = m->cap ? m->cap * 2 : 1024;
    sr_lm_entry *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->slots[i].key)
            continue;
        size_t s = m->slots[i].hash & (cap - 1);
        while (slots[s].key)
            s = (s + 1) & (cap - 1);
        slots[s] = m->slots[i];
    }
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return 0;
}

int sr_lm_map_put(sr_lemmatizer *l, sr_lm_map *m, const char *key, size_t keylen, const char *val,
                  size_t vallen)
{
    if ((m->n + 1) * 2 > m->cap && map_grow(m))
        return -1;
    uint64_t h = key_hash(key, keylen);
    size_t s = h & (m->cap - 1);
    while (m->slots[s].key) {
        if (m->slots[s].hash == h && strlen(m->slots[s].key) == keylen &&
            memcmp(m->slots[s].key, key, keylen) == 0)
            return 0;
        s = (s + 1) & (m->cap - 1);
    }
    m->slots[s].hash = h;
    m->slots[s].key = sr_arena_strndup(&l->strings, key, keylen);
    m->slots[s].val = vallen ? sr_arena_strndup(&l->strings, val, vallen) : "";
    m->n++;
    return 0;
}

const char *sr_lm_map_get(const sr_lm_map *m, const char *key, size_t keylen)
{
    if (!m->cap)
        return NULL;
    uint64_t h = key_hash(key, keylen);
    size_t s = h & (m->cap - 1);
    while (m->slots[s].key) {
        if (m->slots[s].hash == h && strncmp(m->slots[s].key, key, keylen) == 0 &&
            m->slots[s].key[keylen] == '\0')
            return m->slots[s].val;
        s = (s + 1) & (m->cap - 1);
    }
    return NULL;
}

void sr_lm_map_free(sr_lm_map *m)
{
    free(m->slots);
    memset(m, 0, sizeof *m);
}

/*
** Read dir/name and call add(l, map, first word, second word) for every
** line that does not start with a space (index files begin with a licence
** block indented by two spaces).
*/
static int read_pairs(sr_lemmatizer *l, sr_lm_map *m, const char *dir, const char *name,
                      int with_value, sr_error *err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    size_t len;
    char *text = sr_read_file(path, &len, err);
    if (!text)
        return -1;
    int rc = 0;
    for (char *line = text; *line && rc == 0;) {
        char *end = strchr(line, '\n');
        if (!end)
            end = line + strlen(line);
        if (*line != ' ' && line < end) {
            char *sp = memchr(line, ' ', (size_t)(end - line));
            size_t klen = sp ? (size_t)(sp - line) : (size_t)(end - line);
            const char *val = "";
            size_t vlen = 0;
            if (with_value && sp) {
                val = sp + 1;
                const char *vend = memchr(val, ' ', (size_t)(end - val));
                vlen = (size_t)((vend ? vend : end) - val);
            }
            if (!with_value || vlen)
                rc = sr_lm_map_put(l, m, line, klen, val, vlen);
        }
        line = *end ? end + 1 : end;
    }
    free(text);
    if (rc)
        sr_error_set(err, "%s: out of memory", path);
    return rc;
}

int sr_lm_load_wordnet(sr_lemmatizer *l, const char *dir, sr_error *err)
{
    static const char *const names[SR_WN_COUNT] = {"noun", "verb", "adj", "adv"};
    for (int p = 0; p < SR_WN_COUNT; p++) {
        char exc[32], index[32];
        snprintf(exc, sizeof exc, "%s.exc", names[p]);
        snprintf(index, sizeof index, "index.%s", names[p]);
        if (read_pairs(l, &l->exc[p], dir, exc, 1, err) ||
            read_pairs(l, &l->known[p], dir, index, 0, err))
            return -1;
    }
    l->have_wordnet = 1;
    return 0;
}
