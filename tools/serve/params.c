/*
** params.c: validating and bounding the JSON API's query parameters.
**
** Each parameter has one exact form (a calendar date, a code of capitals,
** a number within bounds...); anything else is a 400 whose message names
** the parameter and the form it wants.  Values are never echoed back, so a
** message stays short whatever was sent.  What passes is copied into fixed
** buffers of sr_serve_params, ready to be bound as SQL parameters.
*/
#include "serve/params.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The parameter names, in the order of their bits in sr_serve_params.seen. */
enum {
    P_FROM,
    P_TO,
    P_ACTOR,
    P_COUNTRY,
    P_ROOT,
    P_PLOVER,
    P_QUAD,
    P_Q,
    P_PAGE,
    P_PER_PAGE,
    P_BY,
    P_LIMIT,
    P_COUNT
};

static const struct {
    const char *name;
    unsigned allowed; /* the SR_P_* set it belongs to */
} names[P_COUNT] = {
    {"from", SR_P_FILTERS},     {"to", SR_P_FILTERS},   {"actor", SR_P_FILTERS},
    {"country", SR_P_FILTERS},  {"root", SR_P_FILTERS}, {"plover", SR_P_FILTERS},
    {"quad", SR_P_FILTERS},     {"q", SR_P_FILTERS},    {"page", SR_P_FILTERS},
    {"per_page", SR_P_FILTERS}, {"by", SR_P_BY},        {"limit", SR_P_LIMIT},
};

void sr_serve_params_init(sr_serve_params *p)
{
    memset(p, 0, sizeof *p);
    p->page = 1;
    p->per_page = 50;
    p->limit = 10;
}

static int fail(char *msg, size_t cap, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail(char *msg, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, cap, fmt, ap);
    va_end(ap);
    return -1;
}

int sr_serve_utf8_valid(const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    for (size_t i = 0; i < n;) {
        unsigned c = s[i];
        size_t len;
        unsigned cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            len = 2, cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3, cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4, cp = c & 0x07;
        } else {
            return 0;
        }
        if (n - i < len)
            return 0;
        for (size_t k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
            cp = cp << 6 | (s[i + k] & 0x3F);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += len;
    }
    return 1;
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

int sr_serve_date_valid(const char *s, size_t n)
{
    if (n != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (size_t i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !is_digit(s[i]))
            return 0;
    int y = atoi(s), m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
    static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}

/* A whole number from lo to hi with no sign, spaces or leading zeros to speak of. */
static int parse_bounded(const char *s, size_t n, long lo, long hi, long *out)
{
    if (n == 0 || n > 9)
        return -1;
    long v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_digit(s[i]))
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    if (v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

/* Letters, digits, '-' and '_' only: no GLOB, LIKE or FTS metacharacter. */
static int actor_valid(const char *s, size_t n)
{
    if (n == 0 || n > SR_SERVE_MAX_ACTOR)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || is_digit(c) || c == '-' ||
              c == '_'))
            return 0;
    }
    return 1;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A PLOVER type: capitals and '_', one of types when the list is known. */
static int plover_valid(const char *s, size_t n, const char *const *types, size_t ntypes)
{
    if (n == 0 || n > SR_SERVE_MAX_PLOVER)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'A' && s[i] <= 'Z') || s[i] == '_'))
            return 0;
    if (ntypes == 0)
        return 1;
    char word[SR_SERVE_MAX_PLOVER + 1];
    memcpy(word, s, n);
    word[n] = '\0';
    const char *key = word;
    return bsearch(&key, types, ntypes, sizeof *types, cmp_str) != NULL;
}

/* Parse value into p for the parameter k: 0, or -1 with msg set. */
static int take(sr_serve_params *p, int k, const char *v, size_t n, const char *const *types,
                size_t ntypes, char *msg, size_t cap)
{
    long num;
    switch (k) {
    case P_FROM:
    case P_TO:
        if (!sr_serve_date_valid(v, n))
            return fail(msg, cap, "%s wants a date YYYY-MM-DD", names[k].name);
        memcpy(k == P_FROM ? p->from : p->to, v, 10);
        p->mask |= 1u << (k == P_FROM ? SR_F_FROM : SR_F_TO);
        return 0;
    case P_ACTOR:
        if (!actor_valid(v, n))
            return fail(msg, cap,
                        "actor wants an actor code prefix or an entity id: letters, digits, "
                        "'-' and '_', at most %d bytes",
                        SR_SERVE_MAX_ACTOR);
        memcpy(p->actor, v, n);
        memcpy(p->actor_glob, v, n);
        p->actor_glob[n] = '*';
        p->mask |= 1u << SR_F_ACTOR;
        return 0;
    case P_COUNTRY:
        if (n != 3 || !(v[0] >= 'A' && v[0] <= 'Z') || !(v[1] >= 'A' && v[1] <= 'Z') ||
            !(v[2] >= 'A' && v[2] <= 'Z'))
            return fail(msg, cap, "country wants an ISO 3166-1 alpha-3 code such as UKR");
        memcpy(p->country, v, 3);
        p->mask |= 1u << SR_F_COUNTRY;
        return 0;
    case P_ROOT:
        if (n != 2 || parse_bounded(v, n, 1, 20, &num) != 0)
            return fail(msg, cap, "root wants a CAMEO root from 01 to 20");
        memcpy(p->root, v, 2);
        p->mask |= 1u << SR_F_ROOT;
        return 0;
    case P_PLOVER:
        if (!plover_valid(v, n, types, ntypes))
            return fail(msg, cap, "plover wants a PLOVER type such as ASSAULT (see /api/meta)");
        memcpy(p->plover, v, n);
        p->mask |= 1u << SR_F_PLOVER;
        return 0;
    case P_QUAD:
        if (parse_bounded(v, n, 1, 4, &num) != 0)
            return fail(msg, cap, "quad wants a quad class from 1 to 4");
        p->quad = (int)num;
        p->mask |= 1u << SR_F_QUAD;
        return 0;
    case P_Q:
        if (n > SR_SERVE_MAX_Q)
            return fail(msg, cap, "q is longer than %d bytes", SR_SERVE_MAX_Q);
        memcpy(p->q, v, n);
        p->mask |= 1u << SR_F_Q;
        return 0;
    case P_PAGE:
        if (parse_bounded(v, n, 1, SR_SERVE_MAX_PAGE, &p->page) != 0)
            return fail(msg, cap, "page wants a number from 1 to %d", SR_SERVE_MAX_PAGE);
        return 0;
    case P_PER_PAGE:
        if (parse_bounded(v, n, 1, SR_SERVE_MAX_PER_PAGE, &p->per_page) != 0)
            return fail(msg, cap, "per_page wants a number from 1 to %d", SR_SERVE_MAX_PER_PAGE);
        return 0;
    case P_BY:
        if (n == 6 && memcmp(v, "plover", 6) == 0)
            p->by_quad = 0;
        else if (n == 4 && memcmp(v, "quad", 4) == 0)
            p->by_quad = 1;
        else
            return fail(msg, cap, "by wants plover or quad");
        return 0;
    case P_LIMIT:
        if (parse_bounded(v, n, 1, SR_SERVE_MAX_LIMIT, &p->limit) != 0)
            return fail(msg, cap, "limit wants a number from 1 to %d", SR_SERVE_MAX_LIMIT);
        return 0;
    }
    return fail(msg, cap, "unknown parameter");
}

/* Find the parameter, refuse what may not be given, then check its value (take). */
int sr_serve_params_add(sr_serve_params *p, unsigned allowed, const char *key, size_t klen,
                        const char *value, size_t vlen, const char *const *types, size_t ntypes,
                        char *msg, size_t cap)
{
    if (++p->nparams > SR_SERVE_MAX_PARAMS)
        return fail(msg, cap, "more than %d parameters", SR_SERVE_MAX_PARAMS);
    int k = 0;
    while (k < P_COUNT && !(strlen(names[k].name) == klen && memcmp(names[k].name, key, klen) == 0))
        k++;
    if (k == P_COUNT || !(names[k].allowed & allowed)) {
        /* name it only when it is short and printable, so the message stays clean */
        int printable = klen > 0 && klen <= 32;
        for (size_t i = 0; printable && i < klen; i++)
            printable = key[i] > 0x20 && key[i] < 0x7F && key[i] != '"' && key[i] != '\\';
        if (printable)
            return fail(msg, cap, "unknown parameter %.*s", (int)klen, key);
        return fail(msg, cap, "unknown parameter");
    }
    const char *name = names[k].name;
    if (p->seen & (1u << k))
        return fail(msg, cap, "%s is given more than once", name);
    p->seen |= 1u << k;
    if (!value || vlen == 0)
        return fail(msg, cap, "%s wants a value", name);
    if (memchr(value, '\0', vlen) || !sr_serve_utf8_valid(value, vlen))
        return fail(msg, cap, "%s is not valid UTF-8 text", name);
    return take(p, k, value, vlen, types, ntypes, msg, cap);
}

int sr_serve_params_check(const sr_serve_params *p, char *msg, size_t cap)
{
    if ((p->mask & (1u << SR_F_FROM)) && (p->mask & (1u << SR_F_TO)) && strcmp(p->from, p->to) > 0)
        return fail(msg, cap, "from is after to");
    return 0;
}
