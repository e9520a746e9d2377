/*
** db_internal.h: the SQLite store's state, shared by the files that
** write it (db.c: documents, sentences, actors; db_mentions.c: reports;
** db_merge.c: happenings; db_upgrade.c: older schemas; db_lookup.c: the
** lookup tables).
*/
#ifndef SR_DB_INTERNAL_H
#define SR_DB_INTERNAL_H

#include <sqlite3.h>

#include "api/doc_internal.h"
#include "store/charmap.h"

struct sr_store {
    sqlite3 *db;
    char *path;
    int version;               /* schema version of the file when it was opened (0: new) */
    sqlite3_stmt *st[5];       /* db.c's statements */
    sqlite3_stmt *put_mention; /* INSERT INTO mentions */
};

/* Set err from the database's last error: "PATH: what: message". Returns -1. */
int sr_db_fail(sr_store *s, sr_error *err, const char *what);

/* Bind text (NULL binds NULL; the text must outlive the step). */
void sr_db_bind_text(sqlite3_stmt *st, int i, const char *text, size_t n);
void sr_db_bind_cstr(sqlite3_stmt *st, int i, const char *text);
/* Bind start, end, cstart, cend of a span from parameter i on. */
void sr_db_bind_span(sqlite3_stmt *st, int i, sr_span sp, const sr_charmap *map);

/* Prepare the statements of db_mentions.c. 0, or an SQLite error code. */
int sr_db_mentions_prepare(sr_store *s);
/* Insert d's events as reports, spans also in characters (map). 0, or -1 with err set. */
int sr_db_put_mentions(sr_store *s, const sr_doc *d, const sr_charmap *map, sr_error *err);

/* Queue for merging the blocks (root, countries) of doc_id's reports. 0, or an SQLite error code.
 */
int sr_db_queue_doc(sqlite3 *db, const char *doc_id);
/* Merge every queued block into happenings; the caller holds a write transaction. */
int sr_db_merge_queued(sqlite3 *db);

/* Upgrade a database of schema version from (1-3) to 4. 0, or an SQLite error code. */
int sr_db_upgrade(sqlite3 *db, int from);
/* After the version 4 schema exists: index the old sentences, queue every block for merging. */
int sr_db_upgrade_finish(sqlite3 *db);

/* Fill cameo_codes and plover_types from the data directory. 0, or -1 with err set. */
int sr_db_fill_lookups(sr_store *s, sr_error *err);

#endif
