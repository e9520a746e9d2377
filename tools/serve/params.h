/*
** params.h: the query parameters of the JSON API, validated and bounded
** (docs/serve-api.md, "Filters").  A value is checked against the exact
** form it may take before anything else sees it; it reaches SQL only as
** a bound parameter.
*/
#ifndef SR_SERVE_PARAMS_H
#define SR_SERVE_PARAMS_H

#include <stddef.h>

/* The filters, as bits of sr_serve_params.mask. */
enum {
    SR_F_FROM,
    SR_F_TO,
    SR_F_ACTOR,
    SR_F_COUNTRY,
    SR_F_ROOT,
    SR_F_PLOVER,
    SR_F_QUAD,
    SR_F_Q,
    SR_F_COUNT
};

/* The parameters an endpoint accepts, as bits of an "allowed" set. */
enum {
    SR_P_FILTERS = 1 << 0, /* the filters and page, per_page */
    SR_P_BY = 1 << 1,      /* timeline's by */
    SR_P_LIMIT = 1 << 2,   /* dyads' limit */
};

#define SR_SERVE_MAX_PARAMS 32 /* parameters in one query string */
#define SR_SERVE_MAX_ACTOR 64  /* bytes of actor */
#define SR_SERVE_MAX_Q 200     /* bytes of q */
#define SR_SERVE_MAX_PLOVER 32 /* bytes of a PLOVER type */
#define SR_SERVE_MAX_PAGE 100000
#define SR_SERVE_MAX_PER_PAGE 200
#define SR_SERVE_MAX_LIMIT 100

typedef struct sr_serve_params {
    unsigned mask; /* 1u << SR_F_* for every filter given */
    unsigned seen; /* every parameter given, to refuse repeats */
    int nparams;
    char from[11], to[11];
    char actor[SR_SERVE_MAX_ACTOR + 1];
    char actor_glob[SR_SERVE_MAX_ACTOR + 2]; /* actor followed by '*' */
    char country[4];
    char root[3];
    char plover[SR_SERVE_MAX_PLOVER + 1];
    char q[SR_SERVE_MAX_Q + 1];
    int quad;
    long page, per_page, limit;
    int by_quad; /* timeline by=quad (else by=plover) */
} sr_serve_params;

/* Defaults: no filters, page 1, 50 per page, limit 10, by plover. */
void sr_serve_params_init(sr_serve_params *p);

/*
** Take one parameter key=value (value NULL when the query string has no
** '='), for an endpoint accepting the parameters of allowed (SR_P_*).
** Unknown, repeated, empty or invalid parameters are refused: -1 with a
** message naming the parameter in msg.  The PLOVER types (sorted) are the
** values plover may take; with ntypes 0 any word of capitals will do.
*/
int sr_serve_params_add(sr_serve_params *p, unsigned allowed, const char *key, size_t klen,
                        const char *value, size_t vlen, const char *const *types, size_t ntypes,
                        char *msg, size_t cap);

/* Checks across parameters (from after to): -1 with msg set. */
int sr_serve_params_check(const sr_serve_params *p, char *msg, size_t cap);

/* 1 when s[0..n) is valid UTF-8 (no overlongs, surrogates or code points past U+10FFFF). */
int sr_serve_utf8_valid(const char *s, size_t n);

/* 1 when s is a calendar date YYYY-MM-DD. */
int sr_serve_date_valid(const char *s, size_t n);

#endif
