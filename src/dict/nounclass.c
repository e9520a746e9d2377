/*
** nounclass.c: the noun-class table (see nounclass.h and
** docs/nounclass-format.md): compiling it from WordNet at build time,
** mapping it read-only at run time, and looking lemmas up.
**
** Which senses count: a lemma's senses are listed in index.noun most
** frequent first.  The table keeps the class of the first sense, and of
** the second unless WordNet's sense-tagged corpus saw only the first (its
** tagsense_cnt is 1): "town" is location and group, "arm" body and
** artifact, "delegation" only group.  Rarer senses would make almost every
** noun match almost every class.
*/
#include "dict/nounclass.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/util.h"
#include "util/vec.h"

#define HEADER_SIZE 24

static const char *const class_names[SR_NC_COUNT] = {
    "tops",          "act",    "animal",     "artifact",  "attribute",  "body",     "cognition",
    "communication", "event",  "feeling",    "food",      "group",      "location", "motive",
    "object",        "person", "phenomenon", "plant",     "possession", "process",  "quantity",
    "relation",      "shape",  "state",      "substance", "time"};

struct sr_nounclass {
    const unsigned char *base;
    size_t size;
    uint32_t n;
    const unsigned char *entries; /* n x (u32 string offset, u32 mask) */
    const char *strings;
    uint32_t nstrings;
};

const char *sr_nclass_name(int c)
{
    if (c == SR_NC_MULTITUDE)
        return "multitude";
    return c >= 0 && c < SR_NC_COUNT ? class_names[c] : NULL;
}

int sr_nclass_from_name(const char *name, size_t len)
{
    if (len > 5 && strncmp(name, "noun.", 5) == 0) {
        name += 5;
        len -= 5;
    }
    for (int c = 0; c <= SR_NC_MULTITUDE; c++)
        if (strlen(sr_nclass_name(c)) == len && strncmp(sr_nclass_name(c), name, len) == 0)
            return c;
    return -1;
}

/* Check the header and that every entry's string lies inside the table. */
static int validate(sr_nounclass *t, const char *path, sr_error *err)
{
    if (t->size < HEADER_SIZE || memcmp(t->base, SR_NOUNCLASS_MAGIC, 8) != 0)
        return sr_error_set(err, "%s: not a sitrep noun-class table", path);
    if (sr_get_le32(t->base + 8) != SR_NOUNCLASS_VERSION)
        return sr_error_set(err, "%s: noun-class table version %u, expected %d", path,
                            sr_get_le32(t->base + 8), SR_NOUNCLASS_VERSION);
    t->n = sr_get_le32(t->base + 12);
    t->nstrings = sr_get_le32(t->base + 16);
    if ((uint64_t)HEADER_SIZE + (uint64_t)t->n * 8 + t->nstrings != t->size ||
        (t->nstrings && t->base[t->size - 1] != '\0'))
        return sr_error_set(err, "%s: noun-class table truncated or malformed", path);
    t->entries = t->base + HEADER_SIZE;
    t->strings = (const char *)t->entries + (size_t)t->n * 8;
    for (uint32_t i = 0; i < t->n; i++)
        if (sr_get_le32(t->entries + 8 * (size_t)i) >= t->nstrings)
            return sr_error_set(err, "%s: noun-class entry %u points outside the table", path, i);
    return 0;
}

sr_nounclass *sr_nounclass_map(const char *path, sr_error *err)
{
    size_t size;
    const unsigned char *p = sr_map_file(path, &size, err);
    if (!p)
        return NULL;
    sr_nounclass *t = calloc(1, sizeof *t);
    if (!t) {
        sr_unmap_file(p, size);
        sr_error_set(err, "noun classes: out of memory");
        return NULL;
    }
    t->base = p;
    t->size = size;
    if (validate(t, path, err) < 0) {
        sr_nounclass_free(t);
        return NULL;
    }
    return t;
}

sr_nounclass *sr_nounclass_open(const char *data_dir, sr_error *err)
{
    const char *env = getenv("SITREP_NOUNCLASS");
    if (env && strcmp(env, "none") == 0)
        return NULL; /* asked to code without noun classes (tests, comparisons) */
    if (env && *env)
        return sr_nounclass_map(env, err);
    char path[4096];
    snprintf(path, sizeof path, "%s/nounclass.bin", sr_data_dir(data_dir));
    if (access(path, R_OK) == 0)
        return sr_nounclass_map(path, err);
#ifdef SR_NOUNCLASS_FILE
    if (access(SR_NOUNCLASS_FILE, R_OK) == 0)
        return sr_nounclass_map(SR_NOUNCLASS_FILE, err);
#endif
    return NULL; /* none: not an error (WordNet was missing when sitrep was built) */
}

void sr_nounclass_free(sr_nounclass *t)
{
    if (!t)
        return;
    sr_unmap_file(t->base, t->size);
    free(t);
}

size_t sr_nounclass_count(const sr_nounclass *t)
{
    return t ? t->n : 0;
}

uint32_t sr_nounclass_get(const sr_nounclass *t, const char *w, size_t len)
{
    if (!t || !len)
        return 0;
    uint32_t lo = 0, hi = t->n;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        const unsigned char *e = t->entries + 8 * (size_t)mid;
        const char *s = t->strings + sr_get_le32(e);
        int c = strncmp(s, w, len);
        if (c == 0 && s[len] != '\0')
            c = 1; /* s is longer: it sorts after w */
        if (c == 0)
            return sr_get_le32(e + 4);
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Compiling from WordNet.                                            */

typedef struct nc_entry {
    const char *lemma; /* into index.noun's text */
    uint32_t len, mask;
} nc_entry;

static int cmp_entry(const void *a, const void *b)
{
    const nc_entry *x = a, *y = b;
    uint32_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->lemma, y->lemma, n);
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* The class of the synset at byte offset off of data.noun, or -1. */
static int synset_class(const char *data, size_t dlen, unsigned long off)
{
    /* "OFFSET LEX_FILENUM n ...": the line starts at its own offset */
    if (off + 12 > dlen || (off > 0 && data[off - 1] != '\n'))
        return -1;
    const char *p = data + off;
    char *end;
    if (strtoul(p, &end, 10) != off || *end != ' ')
        return -1;
    long fn = strtol(end + 1, &end, 10);
    return fn >= 3 && fn < 3 + SR_NC_COUNT && *end == ' ' ? (int)(fn - 3) : -1;
}

/*
** One index.noun line: "lemma n synset_cnt p_cnt [ptr...] sense_cnt
** tagsense_cnt offset...".  Returns 1 with *e filled, 0 to skip the line.
*/
static int index_line(char *line, const char *data, size_t dlen, nc_entry *e)
{
    char *f[512];
    int n = 0;
    for (char *p = line; *p && n < 512;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        f[n++] = p;
        while (*p && *p != ' ')
            p++;
        if (*p)
            *p++ = '\0';
    }
    if (n < 6 || strcmp(f[1], "n") != 0)
        return 0;
    long nsyn = strtol(f[2], NULL, 10), nptr = strtol(f[3], NULL, 10);
    if (nsyn < 1 || nptr < 0 || 4 + nptr + 2 + nsyn != n)
        return 0;
    long tagged = strtol(f[4 + nptr + 1], NULL, 10);
    int keep = nsyn >= 2 && tagged != 1 ? 2 : 1;
    e->lemma = f[0];
    e->len = (uint32_t)strlen(f[0]);
    e->mask = 0;
    for (int i = 0; i < keep; i++) {
        int c = synset_class(data, dlen, strtoul(f[4 + nptr + 2 + i], NULL, 10));
        if (c >= 0)
            e->mask |= SR_NC_BIT(c);
    }
    return e->mask != 0;
}

/* Write the sorted entries v[0..n) to path as the table's format. */
static int write_table(const char *path, const nc_entry *v, size_t n, sr_error *err)
{
    size_t nstr = 0;
    for (size_t i = 0; i < n; i++)
        nstr += v[i].len + 1;
    size_t size = HEADER_SIZE + 8 * n + nstr;
    unsigned char *buf = calloc(1, size);
    if (!buf)
        return sr_error_set(err, "noun classes: out of memory");
    memcpy(buf, SR_NOUNCLASS_MAGIC, 8);
    sr_put_le32(buf + 8, SR_NOUNCLASS_VERSION);
    sr_put_le32(buf + 12, (uint32_t)n);
    sr_put_le32(buf + 16, (uint32_t)nstr);
    char *s = (char *)buf + HEADER_SIZE + 8 * n;
    size_t off = 0;
    for (size_t i = 0; i < n; i++) {
        sr_put_le32(buf + HEADER_SIZE + 8 * i, (uint32_t)off);
        sr_put_le32(buf + HEADER_SIZE + 8 * i + 4, v[i].mask);
        memcpy(s + off, v[i].lemma, v[i].len);
        off += v[i].len + 1;
    }
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *fp = fopen(tmp, "wb");
    int ok = fp && fwrite(buf, 1, size, fp) == size;
    if (fp && fclose(fp) != 0)
        ok = 0;
    free(buf);
    if (!ok || rename(tmp, path) != 0) {
        remove(tmp);
        return sr_error_set(err, "%s: cannot write the noun-class table", path);
    }
    return 0;
}

long sr_nounclass_compile(const char *wordnet_dir, const char *out_path, sr_error *err)
{
    char path[4096];
    size_t ilen, dlen;
    snprintf(path, sizeof path, "%s/data.noun", wordnet_dir);
    char *data = sr_read_file(path, &dlen, err);
    if (!data)
        return -1;
    snprintf(path, sizeof path, "%s/index.noun", wordnet_dir);
    char *index = sr_read_file(path, &ilen, err);
    if (!index) {
        free(data);
        return -1;
    }
    sr_vec v = SR_VEC_INIT(sizeof(nc_entry));
    for (char *line = index, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        nc_entry e;
        if (*line != ' ' && index_line(line, data, dlen, &e))
            *(nc_entry *)sr_vec_push(&v) = e;
    }
    nc_entry *ev = v.v;
    if (v.n)
        qsort(ev, v.n, sizeof *ev, cmp_entry);
    /* a lemma listed twice keeps the union of its classes */
    size_t n = 0;
    for (size_t i = 0; i < v.n; i++) {
        if (n && cmp_entry(&ev[n - 1], &ev[i]) == 0)
            ev[n - 1].mask |= ev[i].mask;
        else
            ev[n++] = ev[i];
    }
    long rc = n ? (write_table(out_path, ev, n, err) < 0 ? -1 : (long)n)
                : sr_error_set(err, "%s: no noun in WordNet's index", path);
    sr_vec_free(&v);
    free(index);
    free(data);
    return rc;
}
