/*
** db_upgrade.c: bringing a database of schema version 1, 2 or 3 to
** version 4 in place, inside the transaction that opens it.
**
** Version 2 added the attribute columns to events; version 4 renamed
** events (one row per report) to mentions, added the columns analysts
** filter on and character spans, and made events the table of
** happenings.  Old rows get every new column computed from what they
** have: the code parts from the codes, character offsets by slicing the
** document text as a blob.  Only hex_id stays NULL: the JSONL id of a
** report written before version 4 was never stored.
*/
#include <stdio.h>
#include <string.h>

#include "store/actor_code.h"
#include "store/db_attr.h"
#include "store/db_internal.h"
#include "store/db_schema.h"

/* Does table have the column named by the first word of def? */
static int has_column(sqlite3 *db, const char *table, const char *def)
{
    while (*def == ' ')
        def++;
    size_t n = strcspn(def, " ");
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT name FROM pragma_table_info('%s')", table);
    sqlite3_stmt *st;
    int found = 0;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return 0;
    while (!found && sqlite3_step(st) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(st, 0);
        found = name && strlen(name) == n && strncmp(name, def, n) == 0;
    }
    sqlite3_finalize(st);
    return found;
}

/* "ALTER TABLE table ADD COLUMN def" for each missing def of the comma-separated list. */
static int add_columns(sqlite3 *db, const char *table, const char *defs)
{
    char list[2048];
    snprintf(list, sizeof list, "%s", defs);
    char *save = NULL;
    for (char *c = strtok_r(list, ",", &save); c; c = strtok_r(NULL, ",", &save)) {
        if (has_column(db, table, c))
            continue;
        char sql[256];
        snprintf(sql, sizeof sql, "ALTER TABLE %s ADD COLUMN %s", table, c);
        int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
        if (rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}

/* SQL function sr_code_part(code, k): country (0), group (1), type 1-3 (2-4), or NULL. */
static void code_part(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
    (void)argc;
    const char *code = (const char *)sqlite3_value_text(argv[0]);
    int k = sqlite3_value_int(argv[1]);
    sr_code_parts g = sr_actor_code_split(code);
    const char *part = k == 0 ? g.country : k == 1 ? g.group : k <= 4 ? g.type[k - 2] : "";
    if (*part)
        sqlite3_result_text(cx, part, -1, SQLITE_TRANSIENT);
    else
        sqlite3_result_null(cx);
}

/* Characters of the document text before byte column col of a row of table. */
#define CHARS(col)                                                                                 \
    "(SELECT length(CAST(substr(CAST(d.text AS BLOB), 1, " col ") AS TEXT))"                       \
    " FROM documents d WHERE d.id = doc_id)"

static const char fill_sql[] =
    "UPDATE mentions SET cameo_base = substr(cameo, 1, 3), cameo_root = substr(cameo, 1, 2),"
    " source_country = sr_code_part(source_code, 0), source_group = sr_code_part(source_code, 1),"
    " source_type1 = sr_code_part(source_code, 2), source_type2 = sr_code_part(source_code, 3),"
    " source_type3 = sr_code_part(source_code, 4),"
    " target_country = sr_code_part(target_code, 0), target_group = sr_code_part(target_code, 1),"
    " target_type1 = sr_code_part(target_code, 2), target_type2 = sr_code_part(target_code, 3),"
    " target_type3 = sr_code_part(target_code, 4),"
    " source_cstart = " CHARS("source_start") ", source_cend = " CHARS(
        "source_end") ","
                      " target_cstart = " CHARS("target_start") ", target_cend = " CHARS(
                          "target_end") ","
                                        " trigger_cstart = " CHARS(
                                            "trigger_start") ", trigger_cend = " CHARS("trigger_"
                                                                                       "end") ";";

/* Add and fill the character spans of sentences or actors, when the table exists. */
static int upgrade_spans(sqlite3 *db, const char *table)
{
    char sql[512];
    snprintf(sql, sizeof sql, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '%s'",
             table);
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    int exists = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    if (!exists) /* the schema creates it, with the columns */
        return SQLITE_OK;
    rc = add_columns(db, table, "cstart INTEGER, cend INTEGER");
    snprintf(sql, sizeof sql, "UPDATE %s SET cstart = " CHARS("start") ", cend = " CHARS("end"),
             table);
    return rc == SQLITE_OK ? sqlite3_exec(db, sql, NULL, NULL, NULL) : rc;
}

int sr_db_upgrade(sqlite3 *db, int from)
{
    int rc = SQLITE_OK;
    if (from < 3) /* version 2's attribute columns (version 3 added tables only) */
        rc = add_columns(db, "events", &SR_DB_ATTR_COLUMNS[2]); /* past ", " */
    /* The old indexes would keep their names on the renamed table. */
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db,
                          "DROP INDEX IF EXISTS events_doc; DROP INDEX IF EXISTS events_date;"
                          "DROP INDEX IF EXISTS events_cameo; DROP INDEX IF EXISTS events_source;"
                          "DROP INDEX IF EXISTS events_target; DROP INDEX IF EXISTS events_place;"
                          "ALTER TABLE events RENAME TO mentions;",
                          NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = add_columns(db, "mentions", SR_DB_MENTION_V4_COLUMNS);
    if (rc == SQLITE_OK)
        rc = upgrade_spans(db, "sentences");
    if (rc == SQLITE_OK)
        rc = upgrade_spans(db, "actors");
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function(db, "sr_code_part", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                     NULL, code_part, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(db, fill_sql, NULL, NULL, NULL);
    return rc;
}

int sr_db_upgrade_finish(sqlite3 *db)
{
    return sqlite3_exec(db,
                        "INSERT INTO sentences_fts(sentences_fts) VALUES ('rebuild');"
                        "INSERT OR IGNORE INTO merge_queue SELECT DISTINCT"
                        " coalesce(cameo_root, ''), coalesce(source_country, ''),"
                        " coalesce(target_country, '') FROM mentions;",
                        NULL, NULL, NULL);
}
