/*
** reader.c: plain-text and JSON Lines readers, and the checks every record
** passes before it reaches the pipeline (see reader.h).
*/
#include "read/reader.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

struct sr_reader {
    char *path;          /* as given, for messages */
    FILE *f;
    sr_input_kind kind;
    sr_reader_defaults defaults;
    size_t line;         /* lines consumed so far */
    size_t byte;         /* bytes consumed so far */
    int done;            /* text/HTML: the one record was returned */
    char *linebuf;       /* getline buffer */
    size_t linecap;
};

int sr_input_kind_from_name(const char *s)
{
    if (strcmp(s, "text") == 0)
        return SR_INPUT_TEXT;
    if (strcmp(s, "jsonl") == 0)
        return SR_INPUT_JSONL;
    if (strcmp(s, "html") == 0)
        return SR_INPUT_HTML;
    return -1;
}

sr_reader *sr_reader_open(const char *path, sr_input_kind kind, const sr_reader_defaults *defaults,
                          sr_error *err)
{
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        sr_error_set(err, "%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    sr_reader *r = calloc(1, sizeof *r);
    if (!r) {
        if (!is_stdin)
            fclose(f);
        sr_error_set(err, "out of memory");
        return NULL;
    }
    r->path = strdup(is_stdin ? "<stdin>" : path);
    r->f = f;
    r->kind = kind;
    if (defaults)
        r->defaults = *defaults;
    return r;
}

void sr_reader_close(sr_reader *r)
{
    if (!r)
        return;
    if (r->f && r->f != stdin)
        fclose(r->f);
    free(r->linebuf);
    free(r->path);
    free(r);
}

void sr_record_clear(sr_record *rec)
{
    free(rec->id);
    free(rec->date);
    free(rec->title);
    free(rec->url);
    free(rec->source);
    free(rec->text);
    free(rec->warning);
    memset(rec, 0, sizeof *rec);
}

int sr_date_valid(const char *s)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}

int sr_text_check(const char *file, size_t first_line, const char *text, size_t len, sr_error *err)
{
    size_t ok = sr_utf8_valid_prefix(text, len);
    size_t bad = ok;
    const char *what = "invalid UTF-8";
    for (size_t i = 0; i < ok; i++) {
        unsigned char c = (unsigned char)text[i];
        /* Tabs, newlines, carriage returns and form feeds are text; the rest
           of C0 (NUL above all) means a binary file or a broken encoding. */
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
            bad = i;
            what = "binary data (control byte)";
            break;
        }
    }
    if (bad == len)
        return 0;
    size_t line, col;
    sr_line_col(text, bad, &line, &col);
    return sr_error_set(err, "%s:%zu: byte %zu: %s 0x%02x; the record was skipped "
                             "(convert the file to UTF-8 text)",
                        file, first_line + line - 1, col, what, (unsigned char)text[bad]);
}

/* Base name of path without its extension: the default document id. */
static char *default_id(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    return strndup(base, n);
}

/* Fill the defaults a record lacks and note a missing date. */
static void apply_defaults(sr_reader *r, sr_record *rec)
{
    if (!rec->id)
        rec->id = r->defaults.id ? strdup(r->defaults.id) : default_id(r->path);
    if (!rec->date && r->defaults.date)
        rec->date = strdup(r->defaults.date);
    if (!rec->date)
        rec->warning = strdup("no date: actor roles are taken as of the knowledge base's newest "
                              "date (pass --date or a \"date\" field)");
}

/* The single record of a text or HTML file. */
static int next_whole_file(sr_reader *r, sr_record *rec, sr_error *err)
{
    if (r->done)
        return 0;
    r->done = 1;
    size_t len;
    char *buf = sr_read_file(r->f == stdin ? "-" : r->path, &len, err);
    if (!buf)
        return -1;
    int rc = 0;
    if (len == 0) {
        rc = sr_error_set(err, "%s:1: byte 1: empty file, nothing to code", r->path);
    } else if (r->kind == SR_INPUT_HTML) {
        rc = sr_html_extract(r->path, buf, len, rec, err);
    } else if (sr_text_check(r->path, 1, buf, len, err) == 0) {
        rec->text = buf;
        rec->len = len;
        buf = NULL;
    } else {
        rc = -1;
    }
    free(buf);
    if (rc < 0) {
        sr_record_clear(rec);
        return -1;
    }
    rec->line = 1;
    apply_defaults(r, rec);
    return 1;
}

/* Copy string member `key` of obj into *dst; error if present but not a string. */
static int take_string(json_t *obj, const char *key, char **dst, const char *where, sr_error *err)
{
    json_t *v = json_object_get(obj, key);
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v))
        return sr_error_set(err, "%s: field \"%s\" must be a string", where, key);
    *dst = strndup(json_string_value(v), json_string_length(v));
    return 0;
}

/* Turn one JSON line into a record. */
static int parse_json_line(sr_reader *r, const char *line, size_t len, sr_record *rec,
                           sr_error *err)
{
    char where[600];
    snprintf(where, sizeof where, "%s:%zu", r->path, r->line);
    if (sr_text_check(r->path, r->line, line, len, err) < 0)
        return -1;
    json_error_t jerr;
    json_t *obj = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!obj)
        return sr_error_set(err, "%s: byte %d: malformed JSON: %s", where, jerr.position, jerr.text);
    int rc = 0;
    if (!json_is_object(obj)) {
        rc = sr_error_set(err, "%s: byte 1: expected a JSON object with \"text\"", where);
    } else if (take_string(obj, "id", &rec->id, where, err) < 0 ||
               take_string(obj, "date", &rec->date, where, err) < 0 ||
               take_string(obj, "title", &rec->title, where, err) < 0 ||
               take_string(obj, "url", &rec->url, where, err) < 0 ||
               take_string(obj, "source", &rec->source, where, err) < 0 ||
               take_string(obj, "text", &rec->text, where, err) < 0) {
        rc = -1;
    } else if (!rec->text) {
        rc = sr_error_set(err, "%s: missing \"text\" field", where);
    } else if (rec->date && !sr_date_valid(rec->date)) {
        rc = sr_error_set(err, "%s: bad \"date\" \"%s\": expected YYYY-MM-DD", where, rec->date);
    } else {
        rec->len = strlen(rec->text);
        size_t jlen = json_string_length(json_object_get(obj, "text"));
        if (jlen != rec->len)
            rc = sr_error_set(err, "%s: \"text\" contains a NUL character (\\u0000)", where);
        else if (rec->len == 0)
            rc = sr_error_set(err, "%s: \"text\" is empty", where);
    }
    json_decref(obj);
    if (rc == 0 && !rec->id) {
        /* No id: name the record after its place in the input. */
        char *base = default_id(r->path);
        size_t n = strlen(base) + 24;
        rec->id = malloc(n);
        snprintf(rec->id, n, "%s:%zu", base, r->line);
        free(base);
    }
    return rc;
}

/* Next non-blank line of a JSON Lines file as a record. */
static int next_jsonl(sr_reader *r, sr_record *rec, sr_error *err)
{
    if (r->done)
        return 0;
    for (;;) {
        ssize_t n = getline(&r->linebuf, &r->linecap, r->f);
        if (n < 0) {
            r->done = 1; /* a read error is reported once, then the input ends */
            return ferror(r->f) ? sr_error_set(err, "%s:%zu: read error", r->path, r->line + 1)
                                : 0;
        }
        r->line++;
        r->byte += (size_t)n;
        size_t len = (size_t)n;
        while (len && (r->linebuf[len - 1] == '\n' || r->linebuf[len - 1] == '\r'))
            len--;
        size_t i = 0;
        while (i < len && (r->linebuf[i] == ' ' || r->linebuf[i] == '\t'))
            i++;
        if (i == len)
            continue;
        if (parse_json_line(r, r->linebuf, len, rec, err) < 0) {
            sr_record_clear(rec);
            return -1;
        }
        rec->line = r->line;
        apply_defaults(r, rec);
        return 1;
    }
}

int sr_reader_next(sr_reader *r, sr_record *rec, sr_error *err)
{
    memset(rec, 0, sizeof *rec);
    if (r->kind == SR_INPUT_JSONL)
        return next_jsonl(r, rec, err);
    return next_whole_file(r, rec, err);
}
