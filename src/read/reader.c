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
#include <sys/stat.h>

#include "read/json_flat.h"
#include "util/lines.h"
#include "util/util.h"

struct sr_reader {
    char *path; /* as given, for messages */
    FILE *f;
    int owns; /* f was opened here and is closed here */
    sr_input_kind kind;
    sr_reader_defaults defaults;
    size_t max;     /* limit on one record, in bytes */
    size_t line;    /* JSONL: line of the current record */
    int done;       /* text/HTML: the one record was returned; JSONL: input ended */
    sr_lines lines; /* JSONL line reader */
};

/* The one name table of sr_input_kind. */
static const char *const kind_names[] = {"text", "jsonl", "html"};

const char *sr_input_kind_name(int kind)
{
    return kind >= 0 && kind < (int)(sizeof kind_names / sizeof *kind_names) ? kind_names[kind]
                                                                             : NULL;
}

int sr_input_kind_from_name(const char *s)
{
    for (int i = 0; i < (int)(sizeof kind_names / sizeof *kind_names); i++)
        if (strcmp(s, kind_names[i]) == 0)
            return i;
    return -1;
}

sr_reader *sr_reader_open_stream(FILE *f, const char *name, sr_input_kind kind,
                                 const sr_reader_defaults *defaults, sr_error *err)
{
    struct stat st;
    if (fileno(f) >= 0 && fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        sr_error_setc(err, SR_ERR_IO, "%s: is a directory (name the files in it)", name);
        return NULL;
    }
    sr_reader *r = calloc(1, sizeof *r);
    char *copy = strdup(name);
    if (!r || !copy) {
        free(r);
        free(copy);
        sr_error_setc(err, SR_ERR_NOMEM, "%s: out of memory", name);
        return NULL;
    }
    r->path = copy;
    r->f = f;
    r->kind = kind;
    if (defaults)
        r->defaults = *defaults;
    r->max = r->defaults.max_bytes ? r->defaults.max_bytes : SR_RECORD_MAX;
    sr_lines_init(&r->lines, f, r->max);
    return r;
}

sr_reader *sr_reader_open(const char *path, sr_input_kind kind, const sr_reader_defaults *defaults,
                          sr_error *err)
{
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        sr_error_setc(err, SR_ERR_IO, "%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    sr_reader *r = sr_reader_open_stream(f, is_stdin ? "<stdin>" : path, kind, defaults, err);
    if (!r) {
        if (!is_stdin)
            fclose(f);
        return NULL;
    }
    r->owns = !is_stdin;
    return r;
}

void sr_reader_close(sr_reader *r)
{
    if (!r)
        return;
    if (r->owns)
        fclose(r->f);
    sr_lines_free(&r->lines);
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
    return sr_error_set(err,
                        "%s:%zu: byte %zu: %s 0x%02x; the record was skipped "
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
    if (!rec->date) {
        static const char no_date[] = "no date: actor roles are taken as of the knowledge base's "
                                      "newest date (pass --date or a \"date\" field)";
        size_t n = (rec->warning ? strlen(rec->warning) + 2 : 0) + sizeof no_date;
        char *w = malloc(n);
        if (w)
            snprintf(w, n, "%s%s%s", rec->warning ? rec->warning : "", rec->warning ? "; " : "",
                     no_date);
        free(rec->warning);
        rec->warning = w;
    }
}

/*
** The whole of r->f, at most r->max bytes, in a malloc'd NUL-terminated
** buffer; NULL with err set on a read error, out of memory or a file over
** the limit (which is not read further).
*/
static char *read_capped(sr_reader *r, size_t *len, sr_error *err)
{
    struct stat st;
    if (fstat(fileno(r->f), &st) == 0 && S_ISREG(st.st_mode) && (uint64_t)st.st_size > r->max)
        goto too_large;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    for (;;) {
        if (!buf) {
            sr_error_setc(err, SR_ERR_NOMEM,
                          "%s: out of memory reading %zu bytes; the file "
                          "was skipped",
                          r->path, cap);
            return NULL;
        }
        size_t want = cap - n - 1;
        size_t got = fread(buf + n, 1, want, r->f);
        n += got;
        if (n > r->max) {
            free(buf);
            goto too_large;
        }
        if (got < want)
            break;
        size_t ncap = cap * 2 > r->max + 2 ? r->max + 2 : cap * 2;
        char *nb = realloc(buf, ncap);
        if (!nb)
            free(buf);
        buf = nb;
        cap = ncap;
    }
    if (ferror(r->f)) {
        sr_error_setc(err, SR_ERR_IO, "%s:1: read error: %s", r->path, strerror(errno));
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
too_large:
    sr_error_setc(err, SR_ERR_TOO_LARGE,
                  "%s:1: byte 1: more than %zu bytes, over the limit on "
                  "one record; the file was skipped (split it, or raise --max-bytes)",
                  r->path, r->max);
    return NULL;
}

/* The single record of a text or HTML file. */
static int next_whole_file(sr_reader *r, sr_record *rec, sr_error *err)
{
    if (r->done)
        return 0;
    r->done = 1;
    size_t len;
    char *buf = read_capped(r, &len, err);
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

/* The members a record takes from a JSON line, in the order they are checked. */
static const char *const record_keys[] = {"id", "date", "title", "url", "source", "text"};
#define NRECORD_KEYS (sizeof record_keys / sizeof record_keys[0])

/* The fields of rec, in the order of record_keys. */
static void record_fields(sr_record *rec, char **fields[NRECORD_KEYS])
{
    fields[0] = &rec->id;
    fields[1] = &rec->date;
    fields[2] = &rec->title;
    fields[3] = &rec->url;
    fields[4] = &rec->source;
    fields[5] = &rec->text;
}

/*
** Read the members of a JSON line with jansson; *text_len is the length of
** "text" as JSON gave it (NUL characters included).
*/
static int jansson_fields(const char *line, size_t len, sr_record *rec, size_t *text_len,
                          const char *where, sr_error *err)
{
    json_error_t jerr;
    json_t *obj = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!obj)
        return sr_error_set(err, "%s: byte %d: malformed JSON: %s", where, jerr.position,
                            jerr.text);
    int rc = 0;
    char **fields[NRECORD_KEYS];
    record_fields(rec, fields);
    if (!json_is_object(obj))
        rc = sr_error_set(err, "%s: byte 1: expected a JSON object with \"text\"", where);
    for (size_t i = 0; i < NRECORD_KEYS && rc == 0; i++)
        rc = take_string(obj, record_keys[i], fields[i], where, err);
    if (rc == 0 && rec->text)
        *text_len = json_string_length(json_object_get(obj, "text"));
    json_decref(obj);
    return rc;
}

/*
** Read the members of a JSON line: the usual flat object of strings
** without building a tree (json_flat.c), anything else with jansson.
*/
static int json_fields(const char *line, size_t len, sr_record *rec, size_t *text_len,
                       const char *where, sr_error *err)
{
    char *values[NRECORD_KEYS];
    size_t lens[NRECORD_KEYS];
    if (!sr_json_flat_strings(line, len, record_keys, NRECORD_KEYS, values, lens))
        return jansson_fields(line, len, rec, text_len, where, err);
    char **fields[NRECORD_KEYS];
    record_fields(rec, fields);
    for (size_t i = 0; i < NRECORD_KEYS; i++)
        *fields[i] = values[i];
    *text_len = lens[NRECORD_KEYS - 1];
    return 0;
}

/* The checks of a record read from JSON; text_len as in json_fields(). */
static int check_json_record(sr_record *rec, size_t text_len, const char *where, sr_error *err)
{
    if (!rec->text)
        return sr_error_set(err, "%s: missing \"text\" field", where);
    if (rec->date && !sr_date_valid(rec->date))
        return sr_error_set(err, "%s: bad \"date\" \"%s\": expected YYYY-MM-DD", where, rec->date);
    rec->len = strlen(rec->text);
    if (text_len != rec->len)
        return sr_error_set(err, "%s: \"text\" contains a NUL character (\\u0000)", where);
    if (rec->len == 0)
        return sr_error_set(err, "%s: \"text\" is empty", where);
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
    size_t text_len = 0;
    int rc = json_fields(line, len, rec, &text_len, where, err);
    if (rc == 0)
        rc = check_json_record(rec, text_len, where, err);
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

/*
** Next non-blank line of a JSON Lines file as a record.  A byte-order mark
** at the start of the file is skipped.  A line over the limit, or one the
** memory could not hold, is rejected and reading goes on after it; a line
** over the limit that holds a NUL byte means a binary file, whose rest is
** skipped (so that /dev/zero ends).
*/
static int next_jsonl(sr_reader *r, sr_record *rec, sr_error *err)
{
    if (r->done)
        return 0;
    for (;;) {
        sr_line_status st = sr_lines_next(&r->lines, 1);
        r->line = (size_t)r->lines.line;
        if (st == SR_LINE_END) {
            r->done = 1;
            return 0;
        }
        if (st == SR_LINE_ERROR) {
            r->done = 1; /* a read error is reported once, then the input ends */
            return sr_error_setc(err, SR_ERR_IO, "%s:%zu: read error: %s", r->path, r->line + 1,
                                 strerror(errno));
        }
        if (st == SR_LINE_TOO_LONG && !r->lines.f)
            return sr_error_setc(err, SR_ERR_INVALID,
                                 "%s:%zu: byte 1: binary data (NUL bytes "
                                 "in a line of more than %zu bytes); the rest of the file was "
                                 "skipped",
                                 r->path, r->line, r->max);
        if (st == SR_LINE_TOO_LONG)
            return sr_error_setc(err, SR_ERR_TOO_LARGE,
                                 "%s:%zu: byte 1: a line of %llu bytes, "
                                 "over the limit of %zu on one record; the line was skipped "
                                 "(raise --max-bytes)",
                                 r->path, r->line, (unsigned long long)r->lines.full, r->max);
        if (st == SR_LINE_NOMEM)
            return sr_error_setc(err, SR_ERR_NOMEM,
                                 "%s:%zu: byte 1: out of memory reading a "
                                 "line of %llu bytes; the line was skipped",
                                 r->path, r->line, (unsigned long long)r->lines.full);
        char *line = r->lines.buf;
        size_t len = r->lines.len;
        if (r->line == 1 && len >= 3 && memcmp(line, "\xef\xbb\xbf", 3) == 0) {
            line[0] = line[1] = line[2] = ' '; /* the BOM: JSON allows leading spaces */
        }
        while (len && line[len - 1] == '\r')
            len--;
        size_t i = 0;
        while (i < len && (line[i] == ' ' || line[i] == '\t'))
            i++;
        if (i == len)
            continue;
        if (parse_json_line(r, line, len, rec, err) < 0) {
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
