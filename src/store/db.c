/*
** db.c: the SQLite store behind `sitrep code --db` (docs/store-format.md).
**
** This file opens the database (refusing files that are not ours or are
** newer, upgrading older ones) and writes documents, sentences and actor
** mentions; the reports go through db_mentions.c and are merged into
** happenings by db_merge.c.  A document is written in one transaction that
** first deletes any earlier version with the same id (foreign keys
** cascade), so ingesting a document twice replaces it and a run killed
** midway leaves every document either fully in or fully out.
*/
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "store/db_attr.h"
#include "store/db_internal.h"
#include "store/db_schema.h"
#include "util/util.h"

#define SR_DB_STR_(x) #x
#define SR_DB_STR(x) SR_DB_STR_(x)

enum { ST_QUEUE, ST_DELETE, ST_DOC, ST_SENT, ST_ACTOR, ST_COUNT };

_Static_assert(ST_COUNT == sizeof((sr_store *)0)->st / sizeof(sqlite3_stmt *),
               "one prepared statement per entry of statements[]");

static const char *const statements[ST_COUNT] = {
    "INSERT OR IGNORE INTO merge_queue SELECT DISTINCT coalesce(cameo_root, ''),"
    " coalesce(source_country, ''), coalesce(target_country, '') FROM mentions WHERE doc_id = ?1",
    "DELETE FROM documents WHERE id = ?1",
    "INSERT INTO documents (id, date, title, url, source, text) VALUES (?1,?2,?3,?4,?5,?6)",
    "INSERT INTO sentences (doc_id, idx, start, end, cstart, cend, text)"
    " VALUES (?1,?2,?3,?4,?5,?6,?7)",
    "INSERT INTO actors (doc_id, idx, sentence, code, name, entity, sector, kind, antecedent,"
    " start, end, cstart, cend, text) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)",
};

int sr_db_fail(sr_store *s, sr_error *err, const char *what)
{
    return sr_error_setc(err, SR_ERR_IO, "%s: %s: %s", s->path, what, sqlite3_errmsg(s->db));
}

void sr_db_bind_text(sqlite3_stmt *st, int i, const char *text, size_t n)
{
    if (text)
        sqlite3_bind_text(st, i, text, (int)n, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

void sr_db_bind_cstr(sqlite3_stmt *st, int i, const char *text)
{
    sr_db_bind_text(st, i, text, text ? strlen(text) : 0);
}

void sr_db_bind_span(sqlite3_stmt *st, int i, sr_span sp, const sr_charmap *map)
{
    sqlite3_bind_int64(st, i, sp.start);
    sqlite3_bind_int64(st, i + 1, sp.end);
    sqlite3_bind_int64(st, i + 2, sr_charmap_at(map, sp.start));
    sqlite3_bind_int64(st, i + 3, sr_charmap_at(map, sp.end));
}

/*
** What the file at s->path is, found without writing to it: 1 a sitrep
** database of this schema or an older one, 0 empty (no tables: the schema
** may be made), -1 with err set for anything else (not SQLite, another
** program's database, a newer schema).
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
        return sr_error_setc(err, SR_ERR_DATA,
                             "%s: not a sitrep database (an SQLite database "
                             "of another program); it was left as it was",
                             s->path);
    if (version > SR_DB_SCHEMA_VERSION)
        return sr_error_setc(err, SR_ERR_DATA,
                             "%s: schema version %d was written by a newer "
                             "sitrep; this one reads versions 1 to %d. It was left as it was: "
                             "open it with a newer sitrep, or write to a new file",
                             s->path, version, SR_DB_SCHEMA_VERSION);
    s->version = version;
    return 1;
}

/* Upgrade an older schema, create what is missing, and stamp the version: one transaction. */
static int prepare_schema(sr_store *s, sr_error *err)
{
    /* foreign_keys is a no-op inside a transaction: set it first. */
    if (sqlite3_exec(s->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(s->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return sr_db_fail(s, err, "cannot create schema");
    if (s->version > 0 && s->version < SR_DB_SCHEMA_VERSION &&
        sr_db_upgrade(s->db, s->version) != SQLITE_OK) {
        sr_db_fail(s, err, "cannot upgrade the schema");
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return -1;
    }
    int upgraded = s->version > 0 && s->version < SR_DB_SCHEMA_VERSION;
    if (sqlite3_exec(s->db, SR_DB_SCHEMA_SQL, NULL, NULL, NULL) != SQLITE_OK ||
        (upgraded && sr_db_upgrade_finish(s->db) != SQLITE_OK) ||
        sqlite3_exec(s->db, "PRAGMA user_version = " SR_DB_STR(SR_DB_SCHEMA_VERSION), NULL, NULL,
                     NULL) != SQLITE_OK) {
        sr_db_fail(s, err, "cannot create schema");
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return -1;
    }
    if (sr_db_fill_lookups(s, err) < 0) {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return -1;
    }
    if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        return sr_db_fail(s, err, "cannot create schema");
    return 0;
}

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
    if (check_existing(s, err) < 0 || prepare_schema(s, err) < 0)
        goto fail;
    for (int i = 0; i < ST_COUNT; i++)
        if (sqlite3_prepare_v2(s->db, statements[i], -1, &s->st[i], NULL) != SQLITE_OK) {
            sr_db_fail(s, err, "cannot prepare statement");
            goto fail;
        }
    if (sr_db_mentions_prepare(s) != SQLITE_OK) {
        sr_db_fail(s, err, "cannot prepare statement");
        goto fail;
    }
    return s;
fail:
    sr_store_close(s);
    return NULL;
}

int sr_store_merge(sr_store *s, sr_error *err)
{
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return sr_db_fail(s, err, "cannot begin transaction");
    if (sr_db_merge_queued(s->db) != SQLITE_OK) {
        sr_db_fail(s, err, "cannot merge reports into events");
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
        return -1;
    }
    if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        return sr_db_fail(s, err, "cannot commit");
    return 0;
}

void sr_store_close(sr_store *s)
{
    if (!s)
        return;
    if (s->put_mention) /* opened fully: leave no queued block behind */
        sr_store_merge(s, NULL);
    for (int i = 0; i < ST_COUNT; i++)
        sqlite3_finalize(s->st[i]);
    sqlite3_finalize(s->put_mention);
    sqlite3_close(s->db);
    free(s->path);
    free(s);
}

/* Run a bound statement to completion and reset it for the next row. */
static int step(sr_store *s, sqlite3_stmt *st, sr_error *err)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? 0 : sr_db_fail(s, err, "write failed");
}

static int put_sentences(sr_store *s, const sr_doc *d, const sr_charmap *map, sr_error *err)
{
    sqlite3_stmt *st = s->st[ST_SENT];
    for (size_t i = 0; i < d->nsentences; i++) {
        const sr_span *sp = &d->sentences[i].span;
        sr_db_bind_cstr(st, 1, d->meta.id);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
        sr_db_bind_span(st, 3, *sp, map);
        sr_db_bind_text(st, 7, d->text + sp->start, sp->end - sp->start);
        if (step(s, st, err) < 0)
            return -1;
    }
    return 0;
}

static int put_actors(sr_store *s, const sr_doc *d, const sr_charmap *map, sr_error *err)
{
    sqlite3_stmt *st = s->st[ST_ACTOR];
    for (size_t i = 0; i < d->nmentions; i++) {
        const sr_mention *m = &d->mentions[i];
        sr_db_bind_cstr(st, 1, d->meta.id);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
        sqlite3_bind_int64(st, 3, m->sentence);
        sr_db_bind_cstr(st, 4, m->code);
        sr_db_bind_cstr(st, 5, m->name);
        sr_db_bind_cstr(st, 6, m->entity);
        sr_db_bind_cstr(st, 7, m->sector);
        sr_db_bind_cstr(st, 8, sr_mention_kind_name(m->kind));
        if (m->antecedent >= 0)
            sqlite3_bind_int64(st, 9, m->antecedent);
        sr_db_bind_span(st, 10, m->span, map);
        sr_db_bind_text(st, 14, d->text + m->span.start, m->span.end - m->span.start);
        if (step(s, st, err) < 0)
            return -1;
    }
    return 0;
}

/* The document row and everything under it, after the old version is gone. */
static int put_document(sr_store *s, const sr_doc *d, const sr_charmap *map, sr_error *err)
{
    sqlite3_stmt *doc = s->st[ST_DOC];
    sr_db_bind_cstr(doc, 1, d->meta.id);
    sr_db_bind_cstr(doc, 2, d->meta.date);
    sr_db_bind_cstr(doc, 3, d->meta.title);
    sr_db_bind_cstr(doc, 4, d->meta.url);
    sr_db_bind_cstr(doc, 5, d->meta.source);
    sr_db_bind_text(doc, 6, d->text, d->len);
    if (step(s, doc, err) < 0 || put_sentences(s, d, map, err) < 0 ||
        put_actors(s, d, map, err) < 0 || sr_db_put_mentions(s, d, map, err) < 0)
        return -1;
    if (sr_db_attr_put_quotes(s->db, d) != 0)
        return sr_db_fail(s, err, "write failed");
    return 0;
}

int sr_store_put(sr_store *s, const sr_doc *d, sr_error *err)
{
    sr_charmap map;
    if (sr_charmap_init(&map, d->text, d->len) < 0)
        return sr_error_setc(err, SR_ERR_NOMEM, "out of memory");
    if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
        sr_charmap_free(&map);
        return sr_db_fail(s, err, "cannot begin transaction");
    }
    /* The blocks of the old version are queued too: their happenings lose its reports. */
    sqlite3_stmt *queue = s->st[ST_QUEUE], *del = s->st[ST_DELETE];
    sr_db_bind_cstr(queue, 1, d->meta.id);
    sr_db_bind_cstr(del, 1, d->meta.id);
    int rc = step(s, queue, err);
    if (rc == 0)
        rc = step(s, del, err);
    if (rc == 0)
        rc = put_document(s, d, &map, err);
    if (rc == 0) {
        sr_db_bind_cstr(queue, 1, d->meta.id);
        rc = step(s, queue, err);
    }
    if (rc == 0 && sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        rc = sr_db_fail(s, err, "cannot commit");
    if (rc < 0)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    sr_charmap_free(&map);
    return rc;
}
