/*
** hashmap.h: a map from byte-string keys to pointer values.
**
** Open addressing with linear probing over a power-of-two table kept at
** most half full; keys are copied into the map's own arena, so that a map
** of a hundred thousand words (WordNet's) costs no allocation per key and
** is released at once.  Look-up and insertion are O(1) expected; nothing
** is ever removed (the uses in sitrep only add).
*/
#ifndef SR_HASHMAP_H
#define SR_HASHMAP_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

typedef struct sr_hashmap_slot {
    char *key; /* NULL: empty */
    size_t klen;
    uint64_t hash;
    void *value;
} sr_hashmap_slot;

typedef struct sr_hashmap {
    sr_hashmap_slot *slots;
    size_t cap; /* a power of two, or 0 */
    size_t n;
    sr_arena keys; /* the key copies */
} sr_hashmap;

/* An empty map is all zeros. */
#define SR_HASHMAP_INIT                                                                            \
    {                                                                                              \
        NULL, 0, 0,                                                                                \
        {                                                                                          \
            NULL, 0, 0                                                                             \
        }                                                                                          \
    }

/* The slot of key, or NULL when the key is absent. */
sr_hashmap_slot *sr_hashmap_find(const sr_hashmap *m, const char *key, size_t klen);
/*
** The slot of key, added (with value NULL) when absent; *added says which.
** Returns NULL only when out of memory (the map is unchanged then).
*/
sr_hashmap_slot *sr_hashmap_put(sr_hashmap *m, const char *key, size_t klen, int *added);
/*
** Make room for n keys in all without the table growing on the way (a
** hint: -1 when out of memory, the map unchanged and still usable).
*/
int sr_hashmap_reserve(sr_hashmap *m, size_t n);
/* Release the map and its key copies (not the values). */
void sr_hashmap_free(sr_hashmap *m);

#endif
