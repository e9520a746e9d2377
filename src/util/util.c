/*
** util.c: shared helpers (see util.h).
*/
#include "util/util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* The one name table of sr_status. */
static const char *const status_names[] = {"ok", "invalid", "too-large", "nomem", "io", "data"};

const char *sr_status_name(int code)
{
    int n = (int)(sizeof status_names / sizeof *status_names);
    return code >= 0 && code < n ? status_names[code] : NULL;
}

/* Format into err, replace control characters by '?', set the code. */
static void error_vset(sr_error *err, int code, const char *fmt, va_list ap)
{
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    for (char *p = err->msg; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            *p = '?';
    err->code = code;
}

int sr_error_set(sr_error *err, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        error_vset(err, SR_ERR_INVALID, fmt, ap);
        va_end(ap);
    }
    return -1;
}

int sr_error_setc(sr_error *err, int code, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        error_vset(err, code, fmt, ap);
        va_end(ap);
    }
    return -1;
}

const char *sr_data_dir(const char *data_dir)
{
    if (data_dir && *data_dir)
        return data_dir;
    const char *env = getenv("SITREP_DATA");
    if (env && *env)
        return env;
    struct stat st;
    if (stat(SR_DATA_DIR, &st) == 0 && S_ISDIR(st.st_mode))
        return SR_DATA_DIR;
    return SR_INSTALL_DATA_DIR;
}

static _Thread_local jmp_buf *oom_handler;

jmp_buf *sr_oom_handler(void)
{
    return oom_handler;
}

jmp_buf *sr_oom_catch(jmp_buf *jb)
{
    jmp_buf *old = oom_handler;
    oom_handler = jb;
    return old;
}

_Noreturn void sr_oom(size_t size)
{
    if (oom_handler)
        longjmp(*oom_handler, 1);
    fprintf(stderr, "sitrep: out of memory allocating %zu bytes\n", size);
    abort();
}

void *sr_alloc_table(size_t size)
{
    const size_t huge = (size_t)2 << 20;
    void *p = NULL;
    if (size < 2 * huge)
        return posix_memalign(&p, 64, size ? size : 1) == 0 ? p : NULL;
    size_t rounded = (size + huge - 1) / huge * huge; /* the last page whole, too */
    if (posix_memalign(&p, huge, rounded) != 0)
        return NULL;
#ifdef MADV_HUGEPAGE
    madvise(p, rounded, MADV_HUGEPAGE); /* advice only: without huge pages all still works */
#endif
    return p;
}

char *sr_read_file(const char *path, size_t *len, sr_error *err)
{
    return sr_read_file_max(path, SIZE_MAX - 1, len, err);
}

char *sr_read_file_max(const char *path, size_t max, size_t *len, sr_error *err)
{
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        sr_error_set(err, "%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n > max) {
            free(buf);
            if (!is_stdin)
                fclose(f);
            sr_error_setc(err, SR_ERR_TOO_LARGE, "%s: more than %zu bytes, over the limit",
                          is_stdin ? "<stdin>" : path, max);
            return NULL;
        }
        if (n + 1 >= cap) {
            char *nb = cap <= SIZE_MAX / 2 ? realloc(buf, cap * 2) : NULL;
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
    }
    int failed = !buf || ferror(f);
    if (!is_stdin)
        fclose(f);
    if (failed) {
        free(buf);
        sr_error_set(err, "%s: read error", is_stdin ? "<stdin>" : path);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

const unsigned char *sr_map_file(const char *path, size_t *size, sr_error *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        sr_error_set(err, "%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    struct stat st;
    int ok = fstat(fd, &st) == 0 && st.st_size >= 0;
    size_t n = ok ? (size_t)st.st_size : 0;
    void *p = n > 0 ? mmap(NULL, n, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
    close(fd);
    if (p == MAP_FAILED) {
        if (ok && n == 0)
            sr_error_set(err, "%s: empty file", path);
        else
            sr_error_set(err, "%s: cannot map", path);
        return NULL;
    }
    *size = n;
    return p;
}

void sr_unmap_file(const void *p, size_t size)
{
    if (p)
        munmap((void *)p, size);
}

size_t sr_utf8_valid_prefix(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t need;
        uint32_t cp, min;
        if ((c & 0xe0) == 0xc0) {
            need = 1, cp = c & 0x1f, min = 0x80;
        } else if ((c & 0xf0) == 0xe0) {
            need = 2, cp = c & 0x0f, min = 0x800;
        } else if ((c & 0xf8) == 0xf0) {
            need = 3, cp = c & 0x07, min = 0x10000;
        } else {
            return i;
        }
        if (i + need >= len)
            return i; /* truncated sequence */
        for (size_t k = 1; k <= need; k++) {
            if ((s[i + k] & 0xc0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return i;
        i += need + 1;
    }
    return len;
}

int32_t sr_utf8_decode(const char *str, size_t len, size_t *adv)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned c = s[0];
    size_t need = c < 0x80 ? 0 : (c & 0xe0) == 0xc0 ? 1 : (c & 0xf0) == 0xe0 ? 2 : 3;
    if (need >= len) {
        *adv = 1;
        return 0xfffd;
    }
    static const unsigned lead_mask[] = {0x7f, 0x1f, 0x0f, 0x07};
    int32_t cp = (int32_t)(c & lead_mask[need]);
    for (size_t k = 1; k <= need; k++)
        cp = (cp << 6) | (int32_t)(s[k] & 0x3f);
    *adv = need + 1;
    return cp;
}

uint64_t sr_hash_bytes(const void *p, size_t len, uint64_t seed)
{
    const unsigned char *s = p;
    uint64_t h = 1469598103934665603ULL ^ seed;
    for (size_t i = 0; i < len; i++) {
        h ^= s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

void sr_line_col(const char *text, size_t off, size_t *line, size_t *col)
{
    size_t ln = 1, start = 0;
    for (size_t i = 0; i < off; i++)
        if (text[i] == '\n')
            ln++, start = i + 1;
    *line = ln;
    *col = off - start + 1;
}

int sr_word_in(const char *w, const char *const *list)
{
    for (int i = 0; w && list[i]; i++)
        if (strcasecmp(w, list[i]) == 0)
            return 1;
    return 0;
}
