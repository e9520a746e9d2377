/*
** json_flat.c: reading the usual JSON Lines record, {"id": "...", "date":
** "...", "text": "..."}, straight into the strings the reader wants.
**
** A general JSON parser builds a tree of every value and checks each byte
** of a long text several times over; for a news record that is most of
** what reading costs.  This reader takes only a flat object whose members
** are strings or null, decodes the escapes of the members asked for, and
** gives up on anything else: other kinds of values, a key with escapes, a
** duplicate key, \u0000, and every malformed line.  The caller then reads
** the line with jansson, which also words the errors, so a line means the
** same whichever reader took it.  Escapes decode as jansson decodes them
** (surrogate pairs joined; a lone surrogate is an error).
*/
#include "read/json_flat.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Members of one object this reader takes; a longer object goes to jansson. */
#define MAX_MEMBERS 32

typedef struct cursor {
    const unsigned char *p, *end;
} cursor;

/* Skip JSON whitespace. */
static void skip_ws(cursor *c)
{
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r'))
        c->p++;
}

/* Whether the next byte is ch; consumed when it is. */
static int take(cursor *c, unsigned char ch)
{
    if (c->p >= c->end || *c->p != ch)
        return 0;
    c->p++;
    return 1;
}

/* Four hex digits at p into *v; 0 when they are not there. */
static int hex4(const unsigned char *p, const unsigned char *end, uint32_t *v)
{
    if (end - p < 4)
        return 0;
    uint32_t x = 0;
    for (int i = 0; i < 4; i++) {
        unsigned c = p[i];
        x <<= 4;
        if (c >= '0' && c <= '9')
            x |= c - '0';
        else if (c >= 'a' && c <= 'f')
            x |= c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            x |= c - 'A' + 10;
        else
            return 0;
    }
    *v = x;
    return 1;
}

/* Code point cp as UTF-8 into out; its length. */
static size_t put_utf8(uint32_t cp, unsigned char *out)
{
    if (cp < 0x80) {
        out[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (unsigned char)(0xc0 | (cp >> 6));
        out[1] = (unsigned char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (unsigned char)(0xe0 | (cp >> 12));
        out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
        out[2] = (unsigned char)(0x80 | (cp & 0x3f));
        return 3;
    }
    out[0] = (unsigned char)(0xf0 | (cp >> 18));
    out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
    out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
    out[3] = (unsigned char)(0x80 | (cp & 0x3f));
    return 4;
}

/*
** The \u escape whose 'u' is at p (a surrogate pair as one) as UTF-8
** into out, its length in *n; the byte after it, or NULL for \u0000 and
** for what jansson rejects.
*/
static const unsigned char *unicode_escape(const unsigned char *p, const unsigned char *end,
                                           unsigned char *out, size_t *n)
{
    uint32_t v, lo;
    if (!hex4(p + 1, end, &v) || v == 0 || (v >= 0xdc00 && v <= 0xdfff))
        return NULL;
    p += 5;
    if (v >= 0xd800 && v <= 0xdbff) {
        if (end - p < 6 || p[0] != '\\' || p[1] != 'u' || !hex4(p + 2, end, &lo) || lo < 0xdc00 ||
            lo > 0xdfff)
            return NULL;
        v = ((v - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
        p += 6;
    }
    *n = put_utf8(v, out);
    return p;
}

/*
** The string whose opening quote is at c->p, decoded into out (room for
** as many bytes as the string is written in; NULL only to check it), its
** decoded length in *n, c->p past the closing quote.  0 when jansson would
** reject it or decode a NUL into it.
*/
static int read_string(cursor *c, unsigned char *out, size_t *n)
{
    static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
    const unsigned char *p = c->p + 1, *end = c->end;
    unsigned char scratch[4];
    size_t k = 0;
    for (;;) {
        if (p >= end || *p < 0x20)
            return 0;
        if (*p == '"')
            break;
        if (*p != '\\') {
            if (out)
                out[k] = *p;
            k++, p++;
            continue;
        }
        if (p + 1 >= end)
            return 0;
        if (p[1] == 'u') {
            size_t m;
            p = unicode_escape(p + 1, end, out ? out + k : scratch, &m);
            if (!p)
                return 0;
            k += m;
            continue;
        }
        const char *e = p[1] ? strchr(from, p[1]) : NULL;
        if (!e)
            return 0;
        if (out)
            out[k] = (unsigned char)to[e - from];
        k++, p += 2;
    }
    c->p = p + 1;
    *n = k;
    return 1;
}

/* The index of the key [k, k + n) among keys, or -1. */
static int key_index(const unsigned char *k, size_t n, const char *const *keys, size_t nkeys)
{
    for (size_t i = 0; i < nkeys; i++)
        if (strlen(keys[i]) == n && memcmp(keys[i], k, n) == 0)
            return (int)i;
    return -1;
}

/* A string or null member value at c->p; a wanted string is copied into *value. */
static int read_value(cursor *c, int wanted, char **value, size_t *len)
{
    if (c->end - c->p >= 4 && memcmp(c->p, "null", 4) == 0) {
        c->p += 4;
        return 1;
    }
    if (c->p >= c->end || *c->p != '"')
        return 0;
    size_t n;
    if (wanted < 0)
        return read_string(c, NULL, &n);
    cursor first = *c;
    if (!read_string(&first, NULL, &n))
        return 0;
    unsigned char *s = malloc(n + 1);
    if (!s || !read_string(c, s, &n)) {
        free(s);
        return 0;
    }
    s[n] = '\0';
    *value = (char *)s;
    *len = n;
    return 1;
}

/* The object at c, its wanted members into values (see sr_json_flat_strings). */
static int read_object(cursor *c, const char *const *keys, size_t nkeys, char **values,
                       size_t *lens)
{
    const unsigned char *seen[MAX_MEMBERS];
    size_t seen_len[MAX_MEMBERS], nseen = 0;
    skip_ws(c);
    if (!take(c, '{'))
        return 0;
    skip_ws(c);
    int more = !take(c, '}');
    while (more) {
        if (nseen == MAX_MEMBERS || c->p >= c->end || *c->p != '"')
            return 0;
        const unsigned char *k = c->p + 1;
        size_t kn;
        if (!read_string(c, NULL, &kn) || (size_t)(c->p - 1 - k) != kn)
            return 0; /* not a string, or a key with escapes */
        for (size_t j = 0; j < nseen; j++)
            if (seen_len[j] == kn && memcmp(seen[j], k, kn) == 0)
                return 0;
        seen[nseen] = k;
        seen_len[nseen++] = kn;
        skip_ws(c);
        if (!take(c, ':'))
            return 0;
        skip_ws(c);
        int w = key_index(k, kn, keys, nkeys);
        if (!read_value(c, w, w >= 0 ? &values[w] : NULL, w >= 0 ? &lens[w] : NULL))
            return 0;
        skip_ws(c);
        if (take(c, ','))
            skip_ws(c);
        else if (take(c, '}'))
            more = 0;
        else
            return 0;
    }
    skip_ws(c);
    return c->p == c->end;
}

int sr_json_flat_strings(const char *line, size_t len, const char *const *keys, size_t nkeys,
                         char **values, size_t *lens)
{
    for (size_t i = 0; i < nkeys; i++) {
        values[i] = NULL;
        lens[i] = 0;
    }
    cursor c = {(const unsigned char *)line, (const unsigned char *)line + len};
    if (read_object(&c, keys, nkeys, values, lens))
        return 1;
    for (size_t i = 0; i < nkeys; i++) {
        free(values[i]);
        values[i] = NULL;
        lens[i] = 0;
    }
    return 0;
}
