/*
** arena.c: region allocator (see arena.h).
**
** Blocks are at least SR_ARENA_BLOCK bytes; a request larger than that gets a
** block of its own so that one huge sentence does not waste a large tail.
*/
#include "util/arena.h"
#include "util/util.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SR_ARENA_BLOCK (64 * 1024)
#define SR_ARENA_ALIGN 16

struct sr_arena_block {
    sr_arena_block *next;
    size_t size;
    _Alignas(SR_ARENA_ALIGN) unsigned char data[];
};

void sr_arena_init(sr_arena *a)
{
    a->head = NULL;
    a->used = 0;
    a->total = 0;
}

void sr_arena_free(sr_arena *a)
{
    sr_arena_block *b = a->head;
    while (b) {
        sr_arena_block *next = b->next;
        free(b);
        b = next;
    }
    sr_arena_init(a);
}

/* Out of memory: the policy of util.h (jump to the document's recovery point). */
static void *sr_arena_oom(size_t size)
{
    sr_oom(size);
}

void *sr_arena_alloc(sr_arena *a, size_t size)
{
    if (size > SIZE_MAX / 2)
        return sr_arena_oom(size); /* no block header or rounding can overflow below */
    size = (size + SR_ARENA_ALIGN - 1) & ~(size_t)(SR_ARENA_ALIGN - 1);
    if (size == 0)
        size = SR_ARENA_ALIGN;
    a->total += size;
    if (a->head && a->used + size <= a->head->size) {
        void *p = a->head->data + a->used;
        a->used += size;
        return p;
    }
    if (size >= SR_ARENA_BLOCK / 4) {
        /* Big request: its own block, linked behind the current one. */
        sr_arena_block *b = malloc(sizeof *b + size);
        if (!b)
            return sr_arena_oom(size);
        b->size = size;
        if (a->head) {
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = NULL;
            a->head = b;
            a->used = size;
        }
        return b->data;
    }
    sr_arena_block *b = malloc(sizeof *b + SR_ARENA_BLOCK);
    if (!b)
        return sr_arena_oom(size);
    b->size = SR_ARENA_BLOCK;
    b->next = a->head;
    a->head = b;
    a->used = size;
    return b->data;
}

void *sr_arena_calloc(sr_arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return sr_arena_oom(SIZE_MAX);
    void *p = sr_arena_alloc(a, n * size);
    memset(p, 0, n * size);
    return p;
}

char *sr_arena_strndup(sr_arena *a, const char *s, size_t len)
{
    char *p = sr_arena_alloc(a, len + 1);
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *sr_arena_strdup(sr_arena *a, const char *s)
{
    return sr_arena_strndup(a, s, strlen(s));
}

char *sr_arena_printf(sr_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = sr_arena_alloc(a, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}
