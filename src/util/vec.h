/*
** vec.h: a growable array of fixed-size items.
**
** Items live in one malloc'd block that doubles when full.  Out of memory
** follows the policy of util.h: sr_oom(), which returns to the caller's
** recovery point (or stops a program that set none).
*/
#ifndef SR_VEC_H
#define SR_VEC_H

#include <stddef.h>

typedef struct sr_vec {
    void *v;     /* the items */
    size_t n;    /* how many */
    size_t cap;  /* room for */
    size_t size; /* bytes of one item */
} sr_vec;

/* An empty array of items of `size` bytes. */
#define SR_VEC_INIT(size) {NULL, 0, 0, (size)}
/* Item i, as a T. */
#define SR_VEC_AT(a, T, i) (((T *)(a).v)[i])

/* Append a zeroed item; returns it. */
void *sr_vec_push(sr_vec *a);
/* Release the items; the array is empty and reusable afterwards. */
void sr_vec_free(sr_vec *a);

#endif
