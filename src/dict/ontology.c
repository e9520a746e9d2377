/*
** ontology.c: the CAMEO code table (data/ontology/cameo.tsv).
**
** Tab-separated: code, name, Goldstein score, quad class, PLOVER type,
** PLOVER mode, PLOVER context; "-" marks an empty field, "#" starts a comment line and the
** first other line is the column header.  Codes are kept sorted for
** binary search.
*/
#include "dict/dict.h"

#include <stdlib.h>
#include <string.h>

#include "util/util.h"

struct sr_ontology {
    char *text; /* the file, cut into fields in place */
    sr_cameo *codes;
    size_t n;
};

void sr_ontology_free(sr_ontology *o)
{
    if (!o)
        return;
    free(o->text);
    free(o->codes);
    free(o);
}

static int cmp_cameo(const void *a, const void *b)
{
    return strcmp(((const sr_cameo *)a)->code, ((const sr_cameo *)b)->code);
}

/* Split line at tabs into at most max fields; returns how many. */
static int split_tabs(char *line, char **f, int max)
{
    int n = 0;
    f[n++] = line;
    for (char *p = line; *p && n < max; p++)
        if (*p == '\t') {
            *p = '\0';
            f[n++] = p + 1;
        }
    return n;
}

/* Parse one data line into c; -1 when malformed. */
static int parse_row(char *line, sr_cameo *c)
{
    char *f[8];
    if (split_tabs(line, f, 8) != 7)
        return -1;
    char *end;
    c->code = f[0];
    c->name = f[1];
    c->goldstein = strtod(f[2], &end);
    if (end == f[2] || *end)
        return -1;
    c->quad_class = (int)strtol(f[3], &end, 10);
    if (end == f[3] || *end || c->quad_class < 1 || c->quad_class > 4 || !*c->code)
        return -1;
    c->plover = strcmp(f[4], "-") ? f[4] : NULL;
    c->mode = strcmp(f[5], "-") ? f[5] : NULL;
    c->context = strcmp(f[6], "-") ? f[6] : NULL;
    return 0;
}

sr_ontology *sr_ontology_open(const char *path, sr_error *err)
{
    size_t len;
    char *text = sr_read_file(path, &len, err);
    if (!text)
        return NULL;
    sr_ontology *o = calloc(1, sizeof *o);
    size_t cap = 512;
    if (!o || !(o->codes = malloc(cap * sizeof *o->codes))) {
        free(text);
        free(o);
        sr_error_set(err, "%s: out of memory", path);
        return NULL;
    }
    o->text = text;
    int header = 1;
    size_t lineno = 0;
    for (char *line = text, *next; line && *line; line = next) {
        lineno++;
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        size_t l = strlen(line);
        if (l && line[l - 1] == '\r')
            line[l - 1] = '\0';
        if (!*line || *line == '#')
            continue;
        if (header) {
            header = 0;
            continue;
        }
        if (o->n == cap) {
            sr_cameo *nc = realloc(o->codes, cap * 2 * sizeof *nc);
            if (!nc)
                break;
            o->codes = nc;
            cap *= 2;
        }
        if (parse_row(line, &o->codes[o->n]) < 0) {
            sr_error_set(err, "%s:%zu: malformed ontology row (want 7 tab-separated fields)", path,
                         lineno);
            sr_ontology_free(o);
            return NULL;
        }
        o->n++;
    }
    qsort(o->codes, o->n, sizeof *o->codes, cmp_cameo);
    return o;
}

const sr_cameo *sr_ontology_get(const sr_ontology *o, const char *code)
{
    if (!o || !code)
        return NULL;
    sr_cameo key = {.code = code};
    return bsearch(&key, o->codes, o->n, sizeof *o->codes, cmp_cameo);
}

size_t sr_ontology_count(const sr_ontology *o)
{
    return o ? o->n : 0;
}

const sr_cameo *sr_ontology_at(const sr_ontology *o, size_t i)
{
    return o && i < o->n ? &o->codes[i] : NULL;
}
