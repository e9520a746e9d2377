/*
** json.c: SQLite values as JSON values, and the encoding of an answer.
**
** Text from the database is the articles' text: it may hold markup,
** quotes, control characters or (in a database written by something
** else) invalid UTF-8.  It goes out as JSON string data only: invalid
** bytes become U+FFFD (jansson refuses them), and the encoder writes <, >
** and & as \u escapes, so no answer carries markup even as bytes.
*/
#include <stdlib.h>
#include <string.h>

#include "serve/serve_internal.h"

/* s[0..n) with every byte that does not start a valid UTF-8 sequence replaced by U+FFFD. */
static json_t *repaired(const char *s, size_t n)
{
    char *buf = malloc(n * 3 + 1);
    if (!buf)
        return NULL;
    size_t out = 0;
    for (size_t i = 0; i < n;) {
        size_t len = 1;
        unsigned char c = (unsigned char)s[i];
        if (c >= 0xC2 && c <= 0xDF)
            len = 2;
        else if (c >= 0xE0 && c <= 0xEF)
            len = 3;
        else if (c >= 0xF0 && c <= 0xF4)
            len = 4;
        if (c < 0x80 || (len > 1 && i + len <= n && sr_serve_utf8_valid(s + i, len))) {
            memcpy(buf + out, s + i, len);
            out += len;
            i += len;
        } else {
            memcpy(buf + out, "\xEF\xBF\xBD", 3);
            out += 3;
            i++;
        }
    }
    json_t *v = json_stringn(buf, out);
    free(buf);
    return v;
}

json_t *sr_serve_json_stringn(const char *s, size_t n)
{
    if (!s)
        return json_null();
    json_t *v = json_stringn(s, n); /* NULL for invalid UTF-8 */
    return v ? v : repaired(s, n);
}

json_t *sr_serve_json_text(sqlite3_stmt *st, int i)
{
    if (sqlite3_column_type(st, i) == SQLITE_NULL)
        return json_null();
    const char *s = (const char *)sqlite3_column_text(st, i);
    return sr_serve_json_stringn(s, (size_t)sqlite3_column_bytes(st, i));
}

json_t *sr_serve_json_int(sqlite3_stmt *st, int i)
{
    if (sqlite3_column_type(st, i) == SQLITE_NULL)
        return json_null();
    return json_integer((json_int_t)sqlite3_column_int64(st, i));
}

json_t *sr_serve_json_real(sqlite3_stmt *st, int i)
{
    if (sqlite3_column_type(st, i) == SQLITE_NULL)
        return json_null();
    json_t *v = json_real(sqlite3_column_double(st, i)); /* NULL for NaN and infinities */
    return v ? v : json_null();
}

/* See serve_internal.h: compact JSON with <, > and & escaped. */
char *sr_serve_json_encode(const json_t *v, size_t *len)
{
    char *raw = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY | JSON_REAL_PRECISION(15));
    if (!raw)
        return NULL;
    size_t n = 0, extra = 0;
    for (; raw[n]; n++)
        extra += raw[n] == '<' || raw[n] == '>' || raw[n] == '&';
    if (extra == 0) {
        *len = n;
        return raw;
    }
    /* <, > and & only occur inside strings in JSON, where \u escapes mean the same */
    char *out = malloc(n + extra * 5 + 1);
    if (!out) {
        free(raw);
        return NULL;
    }
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        const char *esc = raw[i] == '<'   ? "\\u003c"
                          : raw[i] == '>' ? "\\u003e"
                          : raw[i] == '&' ? "\\u0026"
                                          : NULL;
        if (esc) {
            memcpy(out + o, esc, 6);
            o += 6;
        } else {
            out[o++] = raw[i];
        }
    }
    out[o] = '\0';
    free(raw);
    *len = o;
    return out;
}
