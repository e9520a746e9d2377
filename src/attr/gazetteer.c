/*
** gazetteer.c: mapping a compiled gazetteer and looking names up in it.
**
** The file (docs/gazetteer-format.md) is a header, an array of places, an
** array of (name, place) keys sorted by name and then by population, and
** a string blob.  A look-up finds the first key equal to the normalized
** name; the places under it come out countries first, then divisions,
** then cities by population.  Most look-ups are of names the file does not
** hold (every capitalized run of words is tried), and a binary search
** misses the cache at each of its last steps: so at start-up each distinct
** name is indexed by hash to its first key, and a look-up is one probe.
** When no compiled file exists, the countries, divisions and aliases are
** compiled in memory at start-up instead (no cities then).
*/
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <utf8proc.h>

#include "attr/gaz_format.h"
#include "attr/gazetteer.h"
#include "util/util.h"

struct sr_gazetteer {
    const unsigned char *base; /* the whole file */
    size_t size;
    int mapped; /* sr_unmap_file, else free */
    const gaz_header *h;
    const gaz_place *places;
    const gaz_key *keys;
    const char *strings;
    uint32_t *first; /* hash of a name -> 1 + its first key; NULL: binary search */
    uint32_t mask;   /* slots of first, less one */
};

const char *sr_gaz_str(const sr_gazetteer *g, uint32_t off)
{
    return g->strings + off;
}

void sr_gaz_stats(const sr_gazetteer *g, size_t *places, size_t *names, int *has_cities)
{
    *places = g->h->nplaces;
    *names = g->h->nkeys;
    *has_cities = (g->h->flags & GAZ_FLAG_CITIES) != 0;
}

/* Check the header and the bounds of every section; set the pointers. */
static int validate(sr_gazetteer *g, const char *what, sr_error *err)
{
    if (g->size < sizeof(gaz_header) || memcmp(g->base, GAZ_MAGIC, 8) != 0)
        return sr_error_set(err, "%s: not a sitrep gazetteer", what);
    g->h = (const gaz_header *)g->base;
    if (g->h->version != GAZ_VERSION)
        return sr_error_set(err, "%s: gazetteer version %u, this sitrep reads version %u", what,
                            g->h->version, GAZ_VERSION);
    uint64_t need = sizeof(gaz_header) + (uint64_t)g->h->nplaces * sizeof(gaz_place) +
                    (uint64_t)g->h->nkeys * sizeof(gaz_key) + g->h->strbytes;
    if (need != g->size || g->h->strbytes == 0)
        return sr_error_set(err, "%s: truncated or corrupt gazetteer", what);
    g->places = (const gaz_place *)(g->base + sizeof(gaz_header));
    g->keys = (const gaz_key *)(g->places + g->h->nplaces);
    g->strings = (const char *)(g->keys + g->h->nkeys);
    if (g->strings[g->h->strbytes - 1] != '\0')
        return sr_error_set(err, "%s: corrupt gazetteer strings", what);
    for (uint32_t i = 0; i < g->h->nkeys; i++)
        if (g->keys[i].str >= g->h->strbytes || g->keys[i].place >= g->h->nplaces)
            return sr_error_set(err, "%s: corrupt gazetteer key %u", what, i);
    for (uint32_t i = 0; i < g->h->nplaces; i++)
        if (g->places[i].name >= g->h->strbytes || g->places[i].admin1 >= g->h->strbytes ||
            g->places[i].country[3] != '\0')
            return sr_error_set(err, "%s: corrupt gazetteer place %u", what, i);
    return 0;
}

/*
** Index the first key of each distinct name by the name's hash (see the
** head of this file).  Equal names are adjacent, as the keys are sorted.
** Without the memory the look-ups stay binary searches.
*/
static void index_names(sr_gazetteer *g)
{
    uint32_t n = g->h->nkeys, cap = 16;
    while (cap < n + n / 2)
        cap *= 2;
    g->first = calloc(cap, sizeof *g->first);
    if (!g->first)
        return;
    g->mask = cap - 1;
    const char *prev = NULL;
    for (uint32_t i = 0; i < n; i++) {
        const char *s = g->strings + g->keys[i].str;
        if (prev && strcmp(prev, s) == 0)
            continue;
        prev = s;
        uint32_t k = (uint32_t)sr_hash_bytes(s, strlen(s), 0) & g->mask;
        while (g->first[k])
            k = (k + 1) & g->mask;
        g->first[k] = i + 1;
    }
}

sr_gazetteer *sr_gazetteer_map(const char *path, sr_error *err)
{
    size_t size;
    const unsigned char *p = sr_map_file(path, &size, err);
    if (!p)
        return NULL;
    sr_gazetteer *g = calloc(1, sizeof *g);
    g->base = p;
    g->size = size;
    g->mapped = 1;
    if (validate(g, path, err) < 0) {
        sr_gazetteer_free(g);
        return NULL;
    }
    index_names(g);
    return g;
}

void sr_gazetteer_free(sr_gazetteer *g)
{
    if (!g)
        return;
    if (g->mapped)
        sr_unmap_file(g->base, g->size);
    else
        free((void *)g->base);
    free(g->first);
    free(g);
}

/* Build the table in memory (no cities) when no compiled file is found. */
static sr_gazetteer *build_in_memory(const char *data_dir, sr_error *err)
{
    char aliases[4096], tmp[] = "/tmp/sitrep-gaz-XXXXXX";
    snprintf(aliases, sizeof aliases, "%s/attr/places.tsv", data_dir);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        sr_error_set(err, "cannot create a temporary gazetteer");
        return NULL;
    }
    close(fd);
    const char *iso = getenv("SITREP_ISO_CODES");
    sr_gazetteer *g = NULL;
    if (sr_gazetteer_compile(iso && *iso ? iso : SR_ISO_CODES_DIR, NULL, aliases, tmp, err) >= 0) {
        size_t len;
        char *buf = sr_read_file(tmp, &len, err);
        if (buf) {
            g = calloc(1, sizeof *g);
            g->base = (unsigned char *)buf;
            g->size = len;
            if (validate(g, tmp, err) < 0) {
                sr_gazetteer_free(g);
                g = NULL;
            } else {
                index_names(g);
            }
        }
    }
    unlink(tmp);
    return g;
}

sr_gazetteer *sr_gazetteer_open(const char *data_dir, sr_error *err)
{
    char path[4096];
    const char *env = getenv("SITREP_GAZETTEER");
    if (env && *env)
        return sr_gazetteer_map(env, err);
    snprintf(path, sizeof path, "%s/attr/gazetteer.bin", data_dir);
    if (access(path, R_OK) == 0)
        return sr_gazetteer_map(path, err);
    if (access(SR_GAZETTEER_FILE, R_OK) == 0)
        return sr_gazetteer_map(SR_GAZETTEER_FILE, err);
    return build_in_memory(data_dir, err);
}

size_t sr_gaz_norm(const char *s, size_t len, char *buf, size_t cap)
{
    unsigned char *folded = NULL;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80) {
            /* Decompose, drop accents, fold case; ’ stays a 3-byte character. */
            if (utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &folded,
                             UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD) >= 0) {
                s = (const char *)folded;
                len = strlen(s);
            }
            break;
        }
    size_t n = 0;
    int space = 1; /* drop leading blanks */
    for (size_t i = 0; i < len && n + 1 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] == 0x99 || (unsigned char)s[i + 2] == 0x98)) {
            i += 2; /* curly apostrophe */
            continue;
        }
        if (c == '\'' || c == '.')
            continue;
        if (c == '-' || c == '_' || c == ' ' || c == ',' || c == '\t') {
            if (!space)
                buf[n++] = ' ';
            space = 1;
            continue;
        }
        buf[n++] = (char)tolower(c);
        space = 0;
    }
    while (n > 0 && buf[n - 1] == ' ')
        n--;
    buf[n] = '\0';
    free(folded);
    return n;
}

/* strcmp of a key string of the table against key[0..len). */
static int key_cmp(const char *s, const char *key, size_t len)
{
    if (*s != *key) /* most comparisons end at the first byte */
        return (unsigned char)*s - (unsigned char)*key;
    int c = strncmp(s, key, len);
    if (c)
        return c;
    return s[len] != '\0';
}

/* The first key equal to key[0..len), or nkeys when there is none: one probe of the index. */
static size_t indexed_first(const sr_gazetteer *g, const char *key, size_t len)
{
    uint32_t k = (uint32_t)sr_hash_bytes(key, len, 0) & g->mask;
    for (uint32_t i; (i = g->first[k]) != 0; k = (k + 1) & g->mask)
        if (key_cmp(g->strings + g->keys[i - 1].str, key, len) == 0)
            return i - 1;
    return g->h->nkeys;
}

/* The first key not below key[0..len): a binary search of the sorted keys. */
static size_t lower_bound(const sr_gazetteer *g, const char *key, size_t len)
{
    size_t lo = 0, hi = g->h->nkeys;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (key_cmp(g->strings + g->keys[mid].str, key, len) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

size_t sr_gaz_lookup(const sr_gazetteer *g, const char *key, size_t len, const gaz_place **out,
                     size_t cap)
{
    size_t lo = g->first ? indexed_first(g, key, len) : lower_bound(g, key, len);
    size_t n = 0;
    for (; lo < g->h->nkeys && n < cap && key_cmp(g->strings + g->keys[lo].str, key, len) == 0;
         lo++)
        out[n++] = &g->places[g->keys[lo].place];
    return n;
}
