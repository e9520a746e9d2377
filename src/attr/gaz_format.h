/*
** gaz_format.h: the layout of a compiled gazetteer file, shared by the
** compiler (gaz_build.c) and the reader (gazetteer.c).  See
** docs/gazetteer-format.md.
*/
#ifndef SR_GAZ_FORMAT_H
#define SR_GAZ_FORMAT_H

#include <stdint.h>

#include "attr/gazetteer.h"

#define GAZ_MAGIC "SRGAZETR"
#define GAZ_VERSION 1u
#define GAZ_FLAG_CITIES 0x1u /* the file holds GeoNames cities */

typedef struct gaz_header {
    char magic[8];     /* GAZ_MAGIC, not NUL-terminated */
    uint32_t version;  /* GAZ_VERSION */
    uint32_t flags;    /* GAZ_FLAG_* */
    uint32_t nplaces;  /* gaz_place records after the header */
    uint32_t nkeys;    /* gaz_key records after the places */
    uint32_t strbytes; /* bytes of the string blob after the keys */
    uint32_t reserved;
} gaz_header;

/* One name of a place: keys are sorted by name, then by population (largest first). */
typedef struct gaz_key {
    uint32_t str;   /* offset of the normalized name */
    uint32_t place; /* index of the place */
} gaz_key;

_Static_assert(sizeof(gaz_header) == 32, "gazetteer header layout");
_Static_assert(sizeof(gaz_place) == 40, "gazetteer place layout");
_Static_assert(sizeof(gaz_key) == 8, "gazetteer key layout");

#endif
