/*
** reader.h: turning input files into article records.
**
** A reader yields one record per article: plain text (one article per file),
** JSON Lines (one article per line) or HTML (the article body of a scraped
** page).  A bad record is reported with the file, line and byte where the
** problem is, and the reader goes on with the next one, so one broken line
** costs nothing else.
*/
#ifndef SR_READER_H
#define SR_READER_H

#include <stddef.h>
#include <stdio.h>

#include "sitrep.h"

typedef enum sr_input_kind {
    SR_INPUT_TEXT = 0,
    SR_INPUT_JSONL,
    SR_INPUT_HTML
} sr_input_kind;

/* The input kind named by s ("text", "jsonl", "html"), or -1. */
int sr_input_kind_from_name(const char *s);

/*
** The default limit on one record (a text or HTML file, a JSON line), in
** bytes.  A larger record is rejected with SR_ERR_TOO_LARGE without being
** held in memory, so the memory of a run is bounded by the limit whatever
** the size of its input.
*/
#define SR_RECORD_MAX ((size_t)16 << 20)

/* Defaults applied to records that do not carry their own. */
typedef struct sr_reader_defaults {
    const char *id;   /* document id for text/HTML input; NULL: the file's base name */
    const char *date; /* YYYY-MM-DD for records without a date; NULL: none */
    size_t max_bytes; /* limit on one record; 0: SR_RECORD_MAX */
} sr_reader_defaults;

/* One article; every string is malloc'd and owned by the record. */
typedef struct sr_record {
    char *id, *date, *title, *url, *source;
    char *text;
    size_t len;
    size_t line;  /* line of the input file where the record starts */
    char *warning; /* a non-fatal note about the record (e.g. "no date"), or NULL */
} sr_record;

typedef struct sr_reader sr_reader;

/*
** Open path ("-" for stdin).  Returns NULL with err set if it cannot be
** read, or is a directory.
*/
sr_reader *sr_reader_open(const char *path, sr_input_kind kind, const sr_reader_defaults *defaults,
                          sr_error *err);

/*
** Read from an open stream f, named `name` in messages; f stays the
** caller's (sr_reader_close does not close it).
*/
sr_reader *sr_reader_open_stream(FILE *f, const char *name, sr_input_kind kind,
                                 const sr_reader_defaults *defaults, sr_error *err);

/*
** Next record: 1 and rec filled; 0 at end of input; -1 when a record was
** rejected (err names file, line and byte; call again for the next one).
*/
int sr_reader_next(sr_reader *r, sr_record *rec, sr_error *err);
void sr_record_clear(sr_record *rec);
void sr_reader_close(sr_reader *r);

/* 1 when s is a valid calendar date YYYY-MM-DD. */
int sr_date_valid(const char *s);

/*
** Check that text is usable as an article: valid UTF-8 and no NUL or other
** binary control bytes.  On failure err says which byte, at which line.
*/
int sr_text_check(const char *file, size_t first_line, const char *text, size_t len, sr_error *err);

/* Extract the article text of an HTML page (see html.c). */
int sr_html_extract(const char *file, const char *html, size_t len, sr_record *rec, sr_error *err);

#endif
