/*
** iso.c: ISO 3166-1 countries from Debian's iso-codes
** (/usr/share/iso-codes/json/iso_3166-1.json), read once at start.  The
** map endpoint gives each country its numeric code, which is what the
** world-atlas outlines the page draws are keyed by.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve/serve_internal.h"

static int cmp_country(const void *a, const void *b)
{
    return strcmp(((const sr_serve_country *)a)->alpha3, ((const sr_serve_country *)b)->alpha3);
}

/* Read the "3166-1" list: alpha_3, numeric and name of every country. */
int sr_serve_iso_load(sr_serve_iso *iso, const char *path, char *msg, size_t cap)
{
    memset(iso, 0, sizeof *iso);
    json_error_t jerr;
    json_t *root = json_load_file(path, 0, &jerr);
    json_t *list = root ? json_object_get(root, "3166-1") : NULL;
    if (!json_is_array(list)) {
        snprintf(msg, cap, "%s: %s", path, root ? "no \"3166-1\" list" : jerr.text);
        json_decref(root);
        return -1;
    }
    iso->v = calloc(json_array_size(list) + 1, sizeof *iso->v);
    if (!iso->v) {
        json_decref(root);
        snprintf(msg, cap, "out of memory");
        return -1;
    }
    size_t i;
    json_t *c;
    json_array_foreach(list, i, c)
    {
        const char *a3 = json_string_value(json_object_get(c, "alpha_3"));
        const char *num = json_string_value(json_object_get(c, "numeric"));
        const char *name = json_string_value(json_object_get(c, "name"));
        if (!a3 || strlen(a3) != 3 || !num || strlen(num) != 3 || !name)
            continue;
        sr_serve_country *dst = &iso->v[iso->n];
        memcpy(dst->alpha3, a3, 4);
        memcpy(dst->numeric, num, 4);
        if (!(dst->name = strdup(name)))
            continue;
        iso->n++;
    }
    json_decref(root);
    qsort(iso->v, iso->n, sizeof *iso->v, cmp_country);
    return 0;
}

const sr_serve_country *sr_serve_iso_find(const sr_serve_iso *iso, const char *alpha3)
{
    sr_serve_country key;
    if (!alpha3 || strlen(alpha3) != 3 || iso->n == 0)
        return NULL;
    memcpy(key.alpha3, alpha3, 4);
    return bsearch(&key, iso->v, iso->n, sizeof *iso->v, cmp_country);
}

void sr_serve_iso_free(sr_serve_iso *iso)
{
    for (size_t i = 0; i < iso->n; i++)
        free(iso->v[i].name);
    free(iso->v);
    memset(iso, 0, sizeof *iso);
}
