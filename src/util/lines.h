/*
** lines.h: a line reader with a length limit.
**
** getline() grows its buffer without bound and reports out of memory as
** end of file, so one huge line silently ends the input.  This reader keeps
** at most `max` bytes of a line: a longer line is reported as too long and
** the rest of it is skipped, so memory stays bounded by the limit whatever
** the input, and every outcome (end, error, too long) is told apart.
*/
#ifndef SR_LINES_H
#define SR_LINES_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef enum sr_line_status {
    SR_LINE_END = 0,      /* end of input */
    SR_LINE_OK = 1,       /* a whole line (without its newline) */
    SR_LINE_TOO_LONG = 2, /* longer than max: the first max bytes are kept, the rest skipped */
    SR_LINE_NOMEM = 3,    /* the buffer could not grow: the line was skipped */
    SR_LINE_ERROR = 4     /* a read error (errno says which) */
} sr_line_status;

typedef struct sr_lines {
    FILE *f;
    size_t max;     /* longest line kept, in bytes */
    char *buf;      /* the current line, NUL-terminated */
    size_t len;     /* its length in buf (at most max) */
    size_t cap;
    uint64_t full;  /* its length in the input, newline excluded */
    uint64_t line;  /* 1-based number of the current line */
    uint64_t start; /* byte offset of the current line in the input */
    uint64_t pos;   /* bytes consumed so far */
} sr_lines;

/* Read lines of f, keeping at most max bytes of each. */
void sr_lines_init(sr_lines *lr, FILE *f, size_t max);
/*
** The next line, in lr->buf / lr->len.  A TOO_LONG line is skipped to its
** newline unless stop_on_nul and its kept part has a NUL byte (binary
** input: reading stops there, and the next call returns SR_LINE_END).
*/
sr_line_status sr_lines_next(sr_lines *lr, int stop_on_nul);
void sr_lines_free(sr_lines *lr);

#endif
