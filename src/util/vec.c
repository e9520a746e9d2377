/*
** vec.c: growable array (see vec.h).
*/
#include "util/vec.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

void *sr_vec_push(sr_vec *a)
{
    if (a->n == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 64;
        if (cap > SIZE_MAX / a->size)
            sr_oom(SIZE_MAX);
        void *v = realloc(a->v, cap * a->size);
        if (!v)
            sr_oom(cap * a->size);
        a->v = v;
        a->cap = cap;
    }
    void *p = (char *)a->v + a->n * a->size;
    memset(p, 0, a->size);
    a->n++;
    return p;
}

void sr_vec_free(sr_vec *a)
{
    free(a->v);
    a->v = NULL;
    a->n = a->cap = 0;
}
