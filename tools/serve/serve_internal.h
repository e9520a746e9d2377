/*
** serve_internal.h: what the files of tools/serve share: the server's
** read-only state (sr_serve_app), the per-thread database handles
** (sr_serve_worker), one request being answered (sr_serve_req), and the
** functions each file owns.  See tools/serve/README.md for the map.
*/
#ifndef SR_SERVE_INTERNAL_H
#define SR_SERVE_INTERNAL_H

#include <jansson.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <stddef.h>

#include "serve/params.h"

/* ---- iso.c: ISO 3166-1 countries, for /api/map's numeric codes ---- */

typedef struct sr_serve_country {
    char alpha3[4];
    char numeric[4];
    char *name;
} sr_serve_country;

typedef struct sr_serve_iso {
    sr_serve_country *v; /* sorted by alpha3 */
    size_t n;
} sr_serve_iso;

/* Load Debian's iso_3166-1.json; -1 with msg set when it cannot be read. */
int sr_serve_iso_load(sr_serve_iso *iso, const char *path, char *msg, size_t cap);
/* The country of an alpha-3 code, or NULL. */
const sr_serve_country *sr_serve_iso_find(const sr_serve_iso *iso, const char *alpha3);
void sr_serve_iso_free(sr_serve_iso *iso);

/* ---- queries.c: every SQL statement, by kind ---- */

/* Statements that take the filters: one text per kind and filter mask. */
enum {
    SR_Q_EVENTS_COUNT,
    SR_Q_EVENTS_PAGE,
    SR_Q_TIMELINE_PLOVER,
    SR_Q_TIMELINE_QUAD,
    SR_Q_MAP_COUNTRIES,
    SR_Q_MAP_PLACES,
    SR_Q_DYADS,
    SR_Q_FILTERED_COUNT,
    /* fixed statements (mask 0 only) */
    SR_Q_META = SR_Q_FILTERED_COUNT,
    SR_Q_META_PLOVER,
    SR_Q_META_ROOTS,
    SR_Q_EVENT_ONE,
    SR_Q_EVENT_MENTIONS,
    SR_Q_DOC,
    SR_Q_DOC_SENTENCES,
    SR_Q_DOC_MENTIONS,
    SR_Q_FTS_CHECK,
    SR_Q_COUNT
};

/* Most places /api/map lists (the places with most events). */
#define SR_SERVE_MAX_PLACES 1000

/*
** The SQL of statement kind with the filters of mask, written into buf
** (cap bytes).  Only constant fragments are put together; every value is
** a named parameter (:from, :actor ...).  -1 when it does not fit.
*/
int sr_serve_query_sql(int kind, unsigned mask, char *buf, size_t cap);
/* Bind the filters, paging and limit of p to the named parameters of st. */
void sr_serve_query_bind(sqlite3_stmt *st, const sr_serve_params *p);

/* ---- worker.c: one read-only connection per server thread ---- */

/*
** Prepared statements kept per thread: a direct-mapped cache of this many
** slots, so the statements a client can make the server prepare (one per
** kind and set of filters, some 2000) cost bounded memory.
*/
#define SR_SERVE_STMT_SLOTS 128

typedef struct sr_serve_worker {
    atomic_int claimed; /* 0 free, 1 owned by owner */
    pthread_t owner;
    sqlite3 *db;
    sqlite3_stmt *st[SR_SERVE_STMT_SLOTS]; /* prepared on first use */
    unsigned key[SR_SERVE_STMT_SLOTS];     /* kind << 16 | mask of st[i] */
} sr_serve_worker;

typedef struct sr_serve_pool {
    const char *db_path;
    pthread_mutex_t lock; /* taken only to claim a slot */
    sr_serve_worker *w;
    size_t n;
} sr_serve_pool;

int sr_serve_pool_init(sr_serve_pool *pool, const char *db_path, size_t n);
void sr_serve_pool_free(sr_serve_pool *pool);
/*
** The calling thread's worker, claimed and its database opened on the
** thread's first request; NULL with msg set when none is free or the
** database cannot be opened.
*/
sr_serve_worker *sr_serve_worker_get(sr_serve_pool *pool, char *msg, size_t cap);
/*
** The statement kind/mask of w, prepared on first use, reset, bindings
** cleared; NULL when it cannot be prepared.  It is valid until the next
** call (which may take its cache slot): use one statement at a time.
*/
sqlite3_stmt *sr_serve_stmt(sr_serve_worker *w, int kind, unsigned mask);

/*
** Check the database at start-up (read-only): that it exists, is a sitrep
** database and has schema version 4; also read the PLOVER types.  -1 with
** msg set otherwise.
*/
int sr_serve_db_check(const char *path, char ***plover, size_t *nplover, char *msg, size_t cap);

/* ---- the server's state, read-only once serving ---- */

typedef struct sr_serve_app {
    const char *db_path;
    char *web_dir;  /* where the page lives (may not exist) */
    char *web_real; /* realpath of web_dir, or NULL when it is missing */
    sr_serve_iso iso;
    char **plover; /* known PLOVER types, sorted */
    size_t nplover;
    sr_serve_pool pool;
} sr_serve_app;

/* ---- one API request ---- */

typedef struct sr_serve_req {
    const sr_serve_app *app;
    sr_serve_pool *pool; /* app's pool: the one part of app a request changes */
    sr_serve_worker *w;
    sr_serve_params p;
    const char *id; /* the ID of /api/events/ID and /api/documents/ID */
    char msg[512];  /* the error message of a failed request */
} sr_serve_req;

/* Set r->msg (printf-style) and return status, for `return sr_serve_fail(...)`. */
int sr_serve_fail(sr_serve_req *r, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A failed sqlite3_step/prepare as a 500 (503 when the database is busy). */
int sr_serve_db_fail(sr_serve_req *r, const char *what);
/* The statement kind for the request's filters, bound; NULL with *status and r->msg set. */
sqlite3_stmt *sr_serve_filtered(sr_serve_req *r, int kind, int *status);

/* Endpoints (api_*.c): 200 with *out set, or an error status with r->msg set. */
int sr_serve_api_meta(sr_serve_req *r, json_t **out);
int sr_serve_api_events(sr_serve_req *r, json_t **out);
int sr_serve_api_event(sr_serve_req *r, json_t **out);
int sr_serve_api_timeline(sr_serve_req *r, json_t **out);
int sr_serve_api_map(sr_serve_req *r, json_t **out);
int sr_serve_api_dyads(sr_serve_req *r, json_t **out);
int sr_serve_api_document(sr_serve_req *r, json_t **out);

/* ---- api_rows.c: rows of the answers shared by several endpoints ---- */

/* The column list of an event row E (events e and its joins), for queries.c. */
extern const char sr_serve_event_columns[];
/* The joins sr_serve_event_columns needs after "FROM events e". */
extern const char sr_serve_event_joins[];
/* The column list and FROM of a mention row M, for queries.c. */
extern const char sr_serve_mention_select[];
/* E of the current row of a statement selecting sr_serve_event_columns. */
json_t *sr_serve_event_row(sqlite3_stmt *st);
/* The array of M of a statement selecting sr_serve_mention_select; NULL on error. */
json_t *sr_serve_mention_rows(sr_serve_req *r, sqlite3_stmt *st, int *status);

/* ---- json.c: SQLite values as JSON, and the encoded answer ---- */

/* Column i as a JSON string (invalid UTF-8 repaired to U+FFFD) or null. */
json_t *sr_serve_json_text(sqlite3_stmt *st, int i);
/* Column i as a JSON integer or null. */
json_t *sr_serve_json_int(sqlite3_stmt *st, int i);
/* Column i as a JSON real or null. */
json_t *sr_serve_json_real(sqlite3_stmt *st, int i);
/* Bytes s[0..n) as a JSON string, invalid UTF-8 repaired to U+FFFD. */
json_t *sr_serve_json_stringn(const char *s, size_t n);
/*
** v encoded compactly, with <, > and & written as \u003c, \u003e, \u0026 so
** the answer is inert even if pasted into HTML; malloc'd, NULL when out of
** memory.  *len is its length.
*/
char *sr_serve_json_encode(const json_t *v, size_t *len);

/* ---- webdir.c, files.c: the page ---- */

/*
** Where the page lives: web when given, else DATA/web for the data
** directory data (or $SITREP_DATA), else the build's data/web when it has
** an index.html, else the source tree's, else the installed one.  malloc'd.
*/
char *sr_serve_web_dir(const char *web, const char *data);
/* The content type of a file name, by its extension. */
const char *sr_serve_content_type(const char *name);
/*
** Open the file rel (a path under the web directory, no leading '/').
** Returns an open fd and sets *size, or -1 with *status (400 for a path
** that may not be asked for, 404 for a missing file) and msg set.
*/
int sr_serve_open_file(const sr_serve_app *app, const char *rel, size_t *size, int *status,
                       char *msg, size_t cap);

#endif
