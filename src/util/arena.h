/*
** arena.h: region allocator.
**
** All memory a document needs while it is processed comes from one arena,
** released at once when the document is freed.  Allocation is a pointer
** bump; there is no per-object free.  An arena is owned by one thread.
*/
#ifndef SR_ARENA_H
#define SR_ARENA_H

#include <stddef.h>

typedef struct sr_arena_block sr_arena_block;
typedef struct sr_arena {
    sr_arena_block *head; /* block being filled; earlier blocks follow */
    size_t used;          /* bytes used in head */
    size_t total;         /* bytes handed out overall, for statistics */
} sr_arena;

void sr_arena_init(sr_arena *a);
/* Release every block. The arena can be reused afterwards. */
void sr_arena_free(sr_arena *a);
/* size bytes aligned for any type; out of memory calls sr_oom() (see util.h). */
void *sr_arena_alloc(sr_arena *a, size_t size);
/* Zero-filled array of n elements of size bytes. */
void *sr_arena_calloc(sr_arena *a, size_t n, size_t size);
/* NUL-terminated copy of the first len bytes of s. */
char *sr_arena_strndup(sr_arena *a, const char *s, size_t len);
char *sr_arena_strdup(sr_arena *a, const char *s);
/* printf into the arena. */
char *sr_arena_printf(sr_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
