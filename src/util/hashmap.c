/*
** hashmap.c: string-keyed open-addressing hash map (see hashmap.h).
*/
#include "util/hashmap.h"

#include <stdlib.h>
#include <string.h>

#include "util/util.h"

static sr_hashmap_slot *probe(const sr_hashmap *m, const char *key, size_t klen, uint64_t h)
{
    size_t mask = m->cap - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        sr_hashmap_slot *s = &m->slots[i];
        if (!s->key || (s->hash == h && s->klen == klen && memcmp(s->key, key, klen) == 0))
            return s;
    }
}

sr_hashmap_slot *sr_hashmap_find(const sr_hashmap *m, const char *key, size_t klen)
{
    if (!m->cap)
        return NULL;
    sr_hashmap_slot *s = probe(m, key, klen, sr_hash_bytes(key, klen, 0));
    return s->key ? s : NULL;
}

/* Rehash into a table of cap slots (a power of two); -1 when out of memory. */
static int resize(sr_hashmap *m, size_t cap)
{
    sr_hashmap_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    sr_hashmap old = *m;
    m->slots = slots;
    m->cap = cap;
    for (size_t i = 0; i < old.cap; i++)
        if (old.slots[i].key)
            *probe(m, old.slots[i].key, old.slots[i].klen, old.slots[i].hash) = old.slots[i];
    free(old.slots);
    return 0;
}

/* Double the table (or make the first one); -1 when out of memory. */
static int grow(sr_hashmap *m)
{
    return resize(m, m->cap ? m->cap * 2 : 64);
}

int sr_hashmap_reserve(sr_hashmap *m, size_t n)
{
    size_t cap = m->cap ? m->cap : 64;
    while (n * 2 > cap)
        cap *= 2;
    return cap == m->cap ? 0 : resize(m, cap);
}

sr_hashmap_slot *sr_hashmap_put(sr_hashmap *m, const char *key, size_t klen, int *added)
{
    if ((m->n + 1) * 2 > m->cap && grow(m) < 0)
        return NULL;
    uint64_t h = sr_hash_bytes(key, klen, 0);
    sr_hashmap_slot *s = probe(m, key, klen, h);
    *added = !s->key;
    if (s->key)
        return s;
    char *copy = sr_arena_strndup(&m->keys, key, klen);
    *s = (sr_hashmap_slot){copy, klen, h, NULL};
    m->n++;
    return s;
}

void sr_hashmap_free(sr_hashmap *m)
{
    sr_arena_free(&m->keys);
    free(m->slots);
    *m = (sr_hashmap)SR_HASHMAP_INIT;
}
