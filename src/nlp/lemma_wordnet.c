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

int sr_lm_map_put(sr_lemmatizer *l, sr_lm_map *m, const char *key, size_t keylen, const char *val,
                  size_t vallen)
{
    int added;
    sr_hashmap_slot *slot = sr_hashmap_put(m, key, keylen, &added);
    if (!slot)
        return -1;
    if (added)
        slot->value = vallen ? sr_arena_strndup(&l->strings, val, vallen) : (char *)"";
    return 0;
}

const char *sr_lm_map_get(const sr_lm_map *m, const char *key, size_t keylen)
{
    const sr_hashmap_slot *slot = sr_hashmap_find(m, key, keylen);
    return slot ? slot->value : NULL;
}

void sr_lm_map_free(sr_lm_map *m)
{
    sr_hashmap_free(m);
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
    /* a line is at most one key: the table need not grow while the file is read */
    size_t lines = 1;
    for (const char *p = memchr(text, '\n', len); p;
         p = memchr(p + 1, '\n', len - (size_t)(p - text) - 1))
        lines++;
    int rc = sr_hashmap_reserve(m, m->n + lines);
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
