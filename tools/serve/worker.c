/*
** worker.c: the database side of the server threads.
**
** libmicrohttpd answers requests on a fixed pool of threads.  Each thread
** gets its own read-only SQLite connection (a slot of sr_serve_pool,
** claimed on the thread's first request) with its own prepared
** statements, so requests never wait on one another for a handle.  A
** request runs in one read transaction (http.c): in WAL mode it sees one
** snapshot of the database while `sitrep code --db` goes on writing.
**
** Also here: the start-up check of the database file.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "serve/serve_internal.h"

#define SR_SERVE_SCHEMA 4

_Static_assert(SR_SERVE_STMT_SLOTS == 1 << 7, "sr_serve_stmt hashes into 2^7 slots");

int sr_serve_pool_init(sr_serve_pool *pool, const char *db_path, size_t n)
{
    memset(pool, 0, sizeof *pool);
    pool->db_path = db_path;
    pool->w = calloc(n, sizeof *pool->w);
    if (!pool->w)
        return -1;
    pool->n = n;
    pthread_mutex_init(&pool->lock, NULL);
    return 0;
}

void sr_serve_pool_free(sr_serve_pool *pool)
{
    for (size_t i = 0; i < pool->n; i++) {
        sr_serve_worker *w = &pool->w[i];
        for (int k = 0; k < SR_SERVE_STMT_SLOTS; k++)
            sqlite3_finalize(w->st[k]);
        sqlite3_close(w->db);
    }
    if (pool->w)
        pthread_mutex_destroy(&pool->lock);
    free(pool->w);
    pool->w = NULL;
    pool->n = 0;
}

/* A read-only connection to path; NULL with msg set. */
static sqlite3 *open_readonly(const char *path, char *msg, size_t cap)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        snprintf(msg, cap, "%s: cannot open the database: %s", path,
                 db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return NULL;
    }
    sqlite3_busy_timeout(db, 5000);
    sqlite3_exec(db, "PRAGMA query_only = 1", NULL, NULL, NULL);
    return db;
}

/*
** The slots are scanned without the lock (a claimed slot's owner never
** changes); the lock is taken only to claim one.
*/
sr_serve_worker *sr_serve_worker_get(sr_serve_pool *pool, char *msg, size_t cap)
{
    pthread_t self = pthread_self();
    sr_serve_worker *w = NULL;
    for (size_t i = 0; i < pool->n && !w; i++)
        if (atomic_load_explicit(&pool->w[i].claimed, memory_order_acquire) &&
            pthread_equal(pool->w[i].owner, self))
            w = &pool->w[i];
    if (w) /* the thread's slot; its database is opened again if that failed before */
        return w->db || (w->db = open_readonly(pool->db_path, msg, cap)) ? w : NULL;
    /* the thread's first request: claim a free slot */
    pthread_mutex_lock(&pool->lock);
    for (size_t i = 0; i < pool->n && !w; i++)
        if (!atomic_load_explicit(&pool->w[i].claimed, memory_order_relaxed)) {
            w = &pool->w[i];
            w->owner = self;
            atomic_store_explicit(&w->claimed, 1, memory_order_release);
        }
    pthread_mutex_unlock(&pool->lock);
    if (!w) {
        snprintf(msg, cap, "no database connection is free for this thread");
        return NULL;
    }
    if (!w->db && !(w->db = open_readonly(pool->db_path, msg, cap)))
        return NULL;
    return w;
}

/*
** Statement kind with the filters of mask from the cache: a slot found by
** hashing (kind, mask); one that holds another statement is taken over.
*/
sqlite3_stmt *sr_serve_stmt(sr_serve_worker *w, int kind, unsigned mask)
{
    if (kind < 0 || kind >= SR_Q_COUNT || mask >= (1u << SR_F_COUNT))
        return NULL;
    unsigned key = (unsigned)kind << 16 | mask;
    unsigned slot = (key * 2654435761u) >> 25; /* Fibonacci hashing into 128 slots */
    if (w->st[slot] && w->key[slot] != key) {
        sqlite3_finalize(w->st[slot]); /* another statement had the slot */
        w->st[slot] = NULL;
    }
    if (!w->st[slot]) {
        char sql[4096];
        if (sr_serve_query_sql(kind, mask, sql, sizeof sql) != 0 ||
            sqlite3_prepare_v3(w->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &w->st[slot], NULL) !=
                SQLITE_OK) {
            sqlite3_finalize(w->st[slot]);
            w->st[slot] = NULL;
            return NULL;
        }
        w->key[slot] = key;
    }
    sqlite3_reset(w->st[slot]);
    sqlite3_clear_bindings(w->st[slot]);
    return w->st[slot];
}

/* Read the sorted PLOVER types of db into *out. */
static int read_plover(sqlite3 *db, char ***out, size_t *n)
{
    sqlite3_stmt *st;
    *out = NULL;
    *n = 0;
    if (sqlite3_prepare_v2(db, "SELECT type FROM plover_types WHERE type IS NOT NULL ORDER BY type",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    size_t cap = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 32;
            char **grown = realloc(*out, cap * sizeof **out);
            if (!grown)
                break;
            *out = grown;
        }
        char *type = strdup((const char *)sqlite3_column_text(st, 0));
        if (type)
            (*out)[(*n)++] = type;
    }
    sqlite3_finalize(st);
    /* SQLite's ORDER BY is byte order, which is strcmp's: ready for bsearch */
    return 0;
}

/* Refuse, with a message naming the cause, any file this server cannot read. */
int sr_serve_db_check(const char *path, char ***plover, size_t *nplover, char *msg, size_t cap)
{
    struct stat sb;
    if (stat(path, &sb) != 0) {
        snprintf(msg, cap, "%s: %s", path, strerror(errno));
        return -1;
    }
    if (!S_ISREG(sb.st_mode)) {
        snprintf(msg, cap, "%s: not a file", path);
        return -1;
    }
    sqlite3 *db = open_readonly(path, msg, cap);
    if (!db)
        return -1;
    sqlite3_stmt *st;
    int ours = 0, version = -1, rc = -1;
    if (sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table'", -1, &st,
                           NULL) != SQLITE_OK) {
        snprintf(msg, cap, "%s: not a sitrep database (%s)", path, sqlite3_errmsg(db));
        goto done;
    }
    while (sqlite3_step(st) == SQLITE_ROW)
        ours |= strcmp((const char *)sqlite3_column_text(st, 0), "documents") == 0;
    sqlite3_finalize(st);
    if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        version = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    if (!ours || version <= 0) {
        snprintf(msg, cap, "%s: not a sitrep database (no documents table or no schema version)",
                 path);
        goto done;
    }
    if (version < SR_SERVE_SCHEMA) {
        snprintf(msg, cap,
                 "%s: schema version %d; sitrep serve reads version %d (`sitrep code --db %s` "
                 "with this sitrep upgrades it)",
                 path, version, SR_SERVE_SCHEMA, path);
        goto done;
    }
    if (version > SR_SERVE_SCHEMA) {
        snprintf(msg, cap, "%s: schema version %d, newer than the version %d this sitrep reads",
                 path, version, SR_SERVE_SCHEMA);
        goto done;
    }
    if (read_plover(db, plover, nplover) != 0) {
        snprintf(msg, cap, "%s: cannot read the PLOVER types: %s", path, sqlite3_errmsg(db));
        goto done;
    }
    rc = 0;
done:
    sqlite3_close(db);
    return rc;
}
