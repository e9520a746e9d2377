/*
** lines.c: a line reader with a length limit (see lines.h).  Bytes are
** taken with getc_unlocked(): a reader belongs to one thread.
*/
#include "util/lines.h"

#include <stdlib.h>
#include <string.h>

void sr_lines_init(sr_lines *lr, FILE *f, size_t max)
{
    memset(lr, 0, sizeof *lr);
    lr->f = f;
    lr->max = max ? max : 1;
}

void sr_lines_free(sr_lines *lr)
{
    free(lr->buf);
    lr->buf = NULL;
    lr->cap = lr->len = 0;
}

/* Make room for n bytes plus a NUL; 0, or -1 when out of memory. */
static int reserve(sr_lines *lr, size_t n)
{
    if (n + 1 <= lr->cap)
        return 0;
    size_t cap = lr->cap ? lr->cap : 4096;
    while (cap < n + 1)
        cap *= 2;
    char *p = realloc(lr->buf, cap);
    if (!p)
        return -1;
    lr->buf = p;
    lr->cap = cap;
    return 0;
}

/* Skip to the end of the current line; returns 1 at a newline, 0 at end of input. */
static int skip_line(sr_lines *lr)
{
    int c;
    while ((c = getc_unlocked(lr->f)) != EOF) {
        lr->pos++;
        if (c == '\n')
            return 1;
        lr->full++;
    }
    return 0;
}

sr_line_status sr_lines_next(sr_lines *lr, int stop_on_nul)
{
    if (!lr->f)
        return SR_LINE_END; /* stopped at binary data */
    if (reserve(lr, 0) < 0)
        return SR_LINE_NOMEM;
    lr->len = 0;
    lr->full = 0;
    lr->start = lr->pos;
    int c = EOF;
    sr_line_status st = SR_LINE_OK;
    while ((c = getc_unlocked(lr->f)) != EOF) {
        lr->pos++;
        if (c == '\n')
            break;
        lr->full++;
        if (lr->len == lr->max) {
            st = SR_LINE_TOO_LONG;
            break;
        }
        if (reserve(lr, lr->len + 1) < 0) {
            st = SR_LINE_NOMEM;
            break;
        }
        lr->buf[lr->len++] = (char)c;
    }
    lr->buf[lr->len] = '\0';
    if (c == EOF && ferror(lr->f))
        return SR_LINE_ERROR;
    if (c == EOF && lr->pos == lr->start)
        return SR_LINE_END;
    lr->line++;
    if (st != SR_LINE_OK) {
        if (stop_on_nul && memchr(lr->buf, '\0', lr->len)) {
            lr->f = NULL;
            return st;
        }
        skip_line(lr);
        if (ferror(lr->f))
            return SR_LINE_ERROR;
    }
    return st;
}
