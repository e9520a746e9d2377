/*
** sr_test_db.h: reading an SQLite database in tests, for the tests that
** check what the store wrote (tests/store, tests/cli).
*/
#ifndef SR_TEST_DB_H
#define SR_TEST_DB_H

#include <sqlite3.h>

#include "sr_test.h"

/* The rows of sql in the database at path, as "a|b|c" lines (NULL as "NULL"); malloc'd. */
static inline char *sr_test_db_rows(const char *path, const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        fail_msg("%s: %s", sql, sqlite3_errmsg(db));
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    while (sqlite3_step(st) == SQLITE_ROW) {
        for (int i = 0; i < sqlite3_column_count(st); i++) {
            const unsigned char *t = sqlite3_column_text(st, i);
            fprintf(f, "%s%s", i ? "|" : "", t ? (const char *)t : "NULL");
        }
        fputc('\n', f);
    }
    fclose(f);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return buf;
}

#endif
