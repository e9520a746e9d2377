/*
** util.h: small shared helpers: error messages, whole-file reading, UTF-8
** validation, mapping files, a string hash and little-endian integers.
*/
#ifndef SR_UTIL_H
#define SR_UTIL_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>

#include "sitrep.h"

/*
** SR_WIDE_VECTORS marks the few functions whose time goes to adding long
** rows of weights: on x86-64 with GNU ifuncs they are compiled both for
** AVX2 and for the baseline, and the loader picks what the CPU runs.  The
** arithmetic is the same in both, only the vector width differs.
*/
/* Not with clang: its resolver of a static function is a global, exported symbol. */
#if defined(__x86_64__) && defined(__linux__) && defined(__has_attribute) && !defined(__clang__)
#if __has_attribute(target_clones)
#define SR_WIDE_VECTORS __attribute__((target_clones("avx2", "default")))
#endif
#endif
#ifndef SR_WIDE_VECTORS
#define SR_WIDE_VECTORS
#endif

/*
** Fill err (may be NULL) with a printf-style message and the code
** SR_ERR_INVALID.  Control characters in the message (which may quote input)
** become '?', so that a message never carries terminal escapes.  Always
** returns -1.
*/
int sr_error_set(sr_error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The same with an explicit sr_status code. */
int sr_error_setc(sr_error *err, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/*
** Out-of-memory policy.  Code that processes one document runs under a
** recovery point (sr_oom_catch); an allocation failure anywhere below it
** calls sr_oom(), which jumps back there, and the document is dropped with
** SR_ERR_NOMEM while the host goes on.  Memory the document held outside
** its arena at that moment is lost, which is better than the host.  With no
** recovery point (loading data at start-up) sr_oom() prints a message and
** aborts: that path is not reachable from input records.
*/
/* The current thread's recovery point, or NULL. */
jmp_buf *sr_oom_handler(void);
/* Set (or with NULL clear) the current thread's recovery point; returns the previous one. */
jmp_buf *sr_oom_catch(jmp_buf *jb);
/* Report that size bytes could not be allocated; does not return. */
_Noreturn void sr_oom(size_t size);

/*
** size bytes (not zeroed) for a table looked up at random, to be released
** with free(), or NULL.  A table of several megabytes is aligned to 2 MB
** and asked to be backed by huge pages where the system allows it: with
** 4 KB pages nearly every look-up in it also misses the TLB.
*/
void *sr_alloc_table(size_t size);

/*
** Read a whole file into a malloc'd NUL-terminated buffer.  path "-" is
** stdin.  Returns NULL with err set on failure.
*/
char *sr_read_file(const char *path, size_t *len, sr_error *err);
/*
** The same, reading at most max bytes: a longer file (or an endless
** stream) fails with SR_ERR_TOO_LARGE once max bytes are read.
*/
char *sr_read_file_max(const char *path, size_t max, size_t *len, sr_error *err);

/*
** Map the whole of a compiled data file (a table, a knowledge base)
** read-only, so that every engine and worker shares its pages.  NULL with
** err set ("PATH: cannot open: ...", "PATH: empty file", "PATH: cannot
** map") when it cannot be mapped; the caller checks what it holds.  Release
** with sr_unmap_file.
*/
const unsigned char *sr_map_file(const char *path, size_t *size, sr_error *err);
void sr_unmap_file(const void *p, size_t size);

/*
** Length of the longest valid UTF-8 prefix of s[0..len).  Equal to len when
** all of s is valid.  Overlong forms, surrogates and code points beyond
** U+10FFFF are invalid.
*/
size_t sr_utf8_valid_prefix(const char *s, size_t len);

/* Decode one code point at s (valid UTF-8 assumed); sets *adv to its size. */
int32_t sr_utf8_decode(const char *s, size_t len, size_t *adv);

/*
** The data directory to load from: data_dir when given (non-empty), else
** $SITREP_DATA, else the source tree's data/ of this build when it is
** there, else the installed one (PREFIX/share/sitrep/data).  The one place
** that decides it.
*/
const char *sr_data_dir(const char *data_dir);

/* 64-bit FNV-1a hash of len bytes. */
uint64_t sr_hash_bytes(const void *p, size_t len, uint64_t seed);

/* 1-based line number and byte column of offset off in text. */
void sr_line_col(const char *text, size_t off, size_t *line, size_t *col);

/* Is w one of the words of the NULL-terminated list, ignoring ASCII case? */
int sr_word_in(const char *w, const char *const *list);

/*
** The little-endian 32-bit integers of our portable binary files (the
** segmenter model, the noun-class table), read and written byte by byte so
** that neither the host's byte order nor alignment matters.
*/
static inline uint32_t sr_get_le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline void sr_put_le32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16);
    p[3] = (unsigned char)(v >> 24);
}

#endif
