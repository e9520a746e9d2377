/*
** kb_build_internal.h: the knowledge-base compiler's state, shared by its
** files (not for use outside src/kb; kb_internal.h declares the
** builder's interface for the readers and the loader):
**
**   kb_build.c     the builder: interning, entities, roles, names, layout
**   kb_translit.c  romanized variants of native-script names
**   kb_titles.c    office-title phrases and the title index
*/
#ifndef SR_KB_BUILD_INTERNAL_H
#define SR_KB_BUILD_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <unicode/utrans.h>

#include "kb/kb_internal.h"
#include "util/vec.h"

/* The builder's arrays are util's growable arrays. */
typedef sr_vec vec;
#define vec_push sr_vec_push
#define VEC_AT SR_VEC_AT

/* A name waiting to be hashed. */
typedef struct pending_name {
    uint32_t key, entity, aux;
    uint8_t kind, acronym;
} pending_name;

/* A map from strings to 32-bit values, for interning and de-duplication. */
typedef struct strmap {
    uint32_t *keys; /* string offsets + 1; 0 is empty */
    uint32_t *vals;
    size_t cap, n;
} strmap;

struct kb_builder {
    char *pool;
    size_t pool_n, pool_cap;
    strmap interned; /* string -> offset */
    strmap ids;      /* entity id -> entity index */
    vec entities, roles, names;
    int case_hints;
    UTransliterator *trans[5]; /* opened on first use */
    int trans_tried;
};

/* Interning (kb_build.c). */
size_t sr_kb_strmap_slot(const strmap *m, const char *pool, const char *s, size_t len, uint32_t h);
void sr_kb_strmap_grow(strmap *m, const char *pool);

/* Office titles (kb_titles.c). */
void sr_kb_derive_titles(kb_builder *b);

#endif
