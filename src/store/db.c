/*
** db.c: the SQLite store behind `sitrep code --db`.
**
** Tables: documents, sentences, events and actors (every resolved actor
** mention, with its coreference link); the attribute stage adds columns to
** events, and the tables counts and quotes (db_attr.c).  A document is written in one
** transaction that first deletes any earlier version with the same id
** (foreign keys cascade), so ingesting a document twice replaces it and a
** run killed midway leaves every document either fully in or fully out.
** The schema carries its version in PRAGMA user_version.
*/
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "api/doc_internal.h"
#include "store/db_attr.h"
#include "util/util.h"

#define SR_DB_SCHEMA_VERSION 3
#define SR_DB_STR_(x) #x
#define SR_DB_STR(x) SR_DB_STR_(x)

static const char schema_sql[] =
    "PRAGMA foreign_keys = ON;"
    "CREATE TABLE IF NOT EXISTS documents ("
    "  id TEXT PRIMARY KEY, date TEXT, title TEXT, url TEXT, source TEXT, text TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS sentences ("
    "  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,"
    "  PRIMARY KEY (doc_id, idx));"
    "CREATE TABLE IF NOT EXISTS actors ("
    "  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  idx INTEGER NOT NULL, sentence INTEGER NOT NULL, code TEXT NOT NULL, name TEXT,"
    "  entity TEXT, sector TEXT, kind TEXT NOT NULL, antecedent INTEGER,"
    "  start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,"
    "  PRIMARY KEY (doc_id, idx));"
    "CREATE TABLE IF NOT EXISTS events ("
    "  id INTEGER PRIMARY KEY,"
    "  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  sentence INTEGER NOT NULL, date TEXT,"
    "  source_code TEXT, source_name TEXT, source_entity TEXT, source_start INTEGER,"
    "  source_end INTEGER, target_code TEXT, target_name TEXT, target_entity TEXT,"
    "  target_start INTEGER, target_end INTEGER, cameo TEXT NOT NULL, plover TEXT,"
    "  plover_mode TEXT, quad_class INTEGER, goldstein REAL, trigger_start INTEGER,"
    "  trigger_end INTEGER, trigger_text TEXT, rule TEXT" SR_DB_ATTR_COLUMNS ");"
    SR_DB_ATTR_TABLES
    "CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id);"
    "CREATE INDEX IF NOT EXISTS events_date ON events(date);"
    "CREATE INDEX IF NOT EXISTS events_cameo ON events(cameo);"
    "CREATE INDEX IF NOT EXISTS events_source ON events(source_code);"
    "CREATE INDEX IF NOT EXISTS events_target ON events(target_code);"
    "CREATE INDEX IF NOT EXISTS actors_code ON actors(code);"
    "CREATE INDEX IF NOT EXISTS actors_entity ON actors(entity);";

enum { ST_DELETE, ST_DOC, ST_SENT, ST_ACTOR, ST_EVENT, ST_COUNT };

static const char *const statements[ST_COUNT] = {
    "DELETE FROM documents WHERE id = ?1",
    "INSERT INTO documents (id, date, title, url, source, text) VALUES (?1,?2,?3,?4,?5,?6)",
    "INSERT INTO sentences (doc_id, idx, start, end, text) VALUES (?1,?2,?3,?4,?5)",
    "INSERT INTO actors (doc_id, idx, sentence, code, name, entity, sector, kind, antecedent,"
    " start, end, text) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)",
    "INSERT INTO events (doc_id, sentence, date, source_code, source_name, source_entity,"
    " source_start, source_end, target_code, target_name, target_entity, target_start,"
    " target_end, cameo, plover, plover_mode, quad_class, goldstein, trigger_start,"
    " trigger_end, trigger_text, rule" SR_DB_ATTR_NAMES ")"
    " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22"
    SR_DB_ATTR_PARAMS ")",
};

struct sr_store {
    sqlite3 *db;
    char *path;
    int version; /* schema version of an existing database (1 is upgraded on open) */
    sqlite3_stmt *st[ST_COUNT];
};

static int db_fail(sr_store *s, sr_error *err, const char *what)
{
    return sr_error_setc(err, SR_ERR_IO, "%s: %s: %s", s->path, what, sqlite3_errmsg(s->db));
}

/*
** What the file at s->path is, found without writing to it: 1 a sitrep
** database of this schema, 0 empty (no tables: the schema may be made),
** -1 with err set for anything else (not SQLite, another program's
** database, another schema version).
*/
static int check_existing(sr_store *s, sr_error *err)
{
    sqlite3_stmt *st;
    int version = 0, tables = 0, ours = 0;
    if (sqlite3_prepare_v2(s->db, "SELECT name FROM sqlite_master WHERE type = 'table'", -1, &st,
                           NULL) != SQLITE_OK)
        return sr_error_setc(err, SR_ERR_DATA, "%s: not a sitrep database (%s)", s->path,
                             sqlite3_errmsg(s->db));
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        tables++;
        ours += strcmp((const char *)sqlite3_column_text(st, 0), "documents") == 0;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return sr_error_setc(err, SR_ERR_DATA, "%s: not a sitrep database (%s)", s->path,
                             sqlite3_errmsg(s->db));
    if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        version = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    if (tables == 0 && version == 0)
        return 0;
    if (!ours || version == 0)
        return sr_error_setc(err, SR_ERR_DATA, "%s: not a sitrep database (an SQLite database "
                             "of another program); it was left as it was", s->path);
    if (version < 1 || version > SR_DB_SCHEMA_VERSION) /* older versions are upgraded */
        return sr_error_setc(err, SR_ERR_DATA, "%s: schema version %d, this sitrep writes "
                             "version %d; it was left as it was", s->path, version,
                             SR_DB_SCHEMA_VERSION);
    s->version = version;
    return 1;
}

/*
** Open the database at path, or create it.  An existing file is checked
** before anything is written to it, so a file that is not ours is refused
** untouched.
*/
sr_store *sr_store_open(const char *path, sr_error *err)
{
    sr_store *s = calloc(1, sizeof *s);
    if (!s || !(s->path = strdup(path))) {
        free(s);
        sr_error_setc(err, SR_ERR_NOMEM, "out of memory");
        return NULL;
    }
    if (sqlite3_open(path, &s->db) != SQLITE_OK) {
        sr_error_setc(err, SR_ERR_IO, "%s: cannot open database: %s", path,
                      s->db ? sqlite3_errmsg(s->db) : "out of memory");
        goto fail;
    }
    sqlite3_busy_timeout(s->db, 10000);
    int existing = check_existing(s, err);
    if (existing < 0)
        goto fail;
    if (existing == 1 && s->version < SR_DB_SCHEMA_VERSION && sr_db_attr_migrate(s->db) != 0) {
        db_fail(s, err, "cannot upgrade the schema");
        goto fail;
    }
    if (sqlite3_exec(s->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(s->db, schema_sql, NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(s->db, "PRAGMA user_version = " SR_DB_STR(SR_DB_SCHEMA_VERSION), NULL, NULL,
                     NULL) != SQLITE_OK) {
        db_fail(s, err, "cannot create schema");
        goto fail;
    }
    for (int i = 0; i < ST_COUNT; i++)
        if (sqlite3_prepare_v2(s->db, statements[i], -1, &s->st[i], NULL) != SQLITE_OK) {
            db_fail(s, err, "cannot prepare statement");
            goto fail;
        }
    return s;
fail:
    sr_store_close(s);
    return NULL;
}

void sr_store_close(sr_store *s)
{
    if (!s)
        return;
    for (int i = 0; i < ST_COUNT; i++)
        sqlite3_finalize(s->st[i]);
    sqlite3_close(s->db);
    free(s->path);
    free(s);
}

static void bind_text(sqlite3_stmt *st, int i, const char *s, size_t n)
{
    if (s)
        sqlite3_bind_text(st, i, s, (int)n, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

static void bind_cstr(sqlite3_stmt *st, int i, const char *s)
{
    bind_text(st, i, s, s ? strlen(s) : 0);
}

/* Run a bound statement to completion and reset it for the next row. */
static int step(sr_store *s, sqlite3_stmt *st, sr_error *err)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? 0 : db_fail(s, err, "write failed");
}

static int put_sentences(sr_store *s, const sr_doc *d, sr_error *err)
{
    sqlite3_stmt *st = s->st[ST_SENT];
    for (size_t i = 0; i < d->nsentences; i++) {
        const sr_span *sp = &d->sentences[i].span;
        bind_cstr(st, 1, d->meta.id);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
        sqlite3_bind_int64(st, 3, sp->start);
        sqlite3_bind_int64(st, 4, sp->end);
        bind_text(st, 5, d->text + sp->start, sp->end - sp->start);
        if (step(s, st, err) < 0)
            return -1;
    }
    return 0;
}

static int put_actors(sr_store *s, const sr_doc *d, sr_error *err)
{
    sqlite3_stmt *st = s->st[ST_ACTOR];
    for (size_t i = 0; i < d->nmentions; i++) {
        const sr_mention *m = &d->mentions[i];
        bind_cstr(st, 1, d->meta.id);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
        sqlite3_bind_int64(st, 3, m->sentence);
        bind_cstr(st, 4, m->code);
        bind_cstr(st, 5, m->name);
        bind_cstr(st, 6, m->entity);
        bind_cstr(st, 7, m->sector);
        bind_cstr(st, 8, sr_mention_kind_name(m->kind));
        if (m->antecedent >= 0)
            sqlite3_bind_int64(st, 9, m->antecedent);
        sqlite3_bind_int64(st, 10, m->span.start);
        sqlite3_bind_int64(st, 11, m->span.end);
        bind_text(st, 12, d->text + m->span.start, m->span.end - m->span.start);
        if (step(s, st, err) < 0)
            return -1;
    }
    return 0;
}

/* Bind code, name, entity, start, end of an actor from parameter first on. */
static void bind_actor(sqlite3_stmt *st, int first, const sr_actor *a)
{
    if (!a->code)
        return; /* all five stay NULL */
    bind_cstr(st, first, a->code);
    bind_cstr(st, first + 1, a->name);
    bind_cstr(st, first + 2, a->entity);
    sqlite3_bind_int64(st, first + 3, a->span.start);
    sqlite3_bind_int64(st, first + 4, a->span.end);
}

static int put_events(sr_store *s, const sr_doc *d, sr_error *err)
{
    sqlite3_stmt *st = s->st[ST_EVENT];
    for (size_t i = 0; i < d->nevents; i++) {
        const sr_event *ev = &d->events[i];
        bind_cstr(st, 1, d->meta.id);
        sqlite3_bind_int64(st, 2, ev->sentence);
        bind_cstr(st, 3, ev->date); /* the event's date, as in JSONL */
        bind_actor(st, 4, &ev->source);
        bind_actor(st, 9, &ev->target);
        bind_cstr(st, 14, ev->cameo);
        bind_cstr(st, 15, ev->plover);
        bind_cstr(st, 16, ev->plover_mode);
        sqlite3_bind_int(st, 17, ev->quad_class);
        sqlite3_bind_double(st, 18, ev->goldstein);
        sqlite3_bind_int64(st, 19, ev->trigger.start);
        sqlite3_bind_int64(st, 20, ev->trigger.end);
        bind_text(st, 21, d->text + ev->trigger.start, ev->trigger.end - ev->trigger.start);
        bind_cstr(st, 22, ev->rule);
        sr_db_attr_bind_event(st, 23, ev);
        if (step(s, st, err) < 0 ||
            sr_db_attr_put_counts(s->db, d->meta.id, sqlite3_last_insert_rowid(s->db), ev) != 0)
            return db_fail(s, err, "write failed");
    }
    return 0;
}

int sr_store_put(sr_store *s, const sr_doc *d, sr_error *err)
{
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return db_fail(s, err, "cannot begin transaction");
    sqlite3_stmt *del = s->st[ST_DELETE], *doc = s->st[ST_DOC];
    bind_cstr(del, 1, d->meta.id);
    int rc = step(s, del, err);
    if (rc == 0) {
        bind_cstr(doc, 1, d->meta.id);
        bind_cstr(doc, 2, d->meta.date);
        bind_cstr(doc, 3, d->meta.title);
        bind_cstr(doc, 4, d->meta.url);
        bind_cstr(doc, 5, d->meta.source);
        bind_text(doc, 6, d->text, d->len);
        rc = step(s, doc, err);
    }
    if (rc == 0)
        rc = put_sentences(s, d, err);
    if (rc == 0)
        rc = put_actors(s, d, err);
    if (rc == 0)
        rc = put_events(s, d, err);
    if (rc == 0 && sr_db_attr_put_quotes(s->db, d) != 0)
        rc = db_fail(s, err, "write failed");
    if (rc == 0 && sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        rc = db_fail(s, err, "cannot commit");
    if (rc < 0)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}
