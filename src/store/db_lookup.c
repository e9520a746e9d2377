/*
** db_lookup.c: the lookup tables of the store, cameo_codes and
** plover_types, so that analysts can join names to codes in SQL.  They
** are rewritten from the data directory each time a store is opened, so
** a database always describes the codes of the sitrep that last wrote it.
*/
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "dict/dict.h"
#include "store/db_internal.h"
#include "util/lines.h"
#include "util/util.h"

/* Run one statement per CAMEO code of the ontology. */
static int fill_cameo(sr_store *s, const char *dir, sr_error *err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/ontology/cameo.tsv", dir);
    sr_ontology *o = sr_ontology_open(path, err);
    if (!o)
        return -1;
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db,
                                "INSERT INTO cameo_codes (code, name, root, goldstein, quad_class,"
                                " plover, plover_mode, plover_context)"
                                " VALUES (?1, ?2, substr(?1, 1, 2), ?3, ?4, ?5, ?6, ?7)",
                                -1, &st, NULL);
    const sr_cameo *c;
    for (size_t i = 0; rc == SQLITE_OK && (c = sr_ontology_at(o, i)); i++) {
        sr_db_bind_cstr(st, 1, c->code);
        sr_db_bind_cstr(st, 2, c->name);
        sqlite3_bind_double(st, 3, c->goldstein);
        sqlite3_bind_int(st, 4, c->quad_class);
        sr_db_bind_cstr(st, 5, c->plover);
        sr_db_bind_cstr(st, 6, c->mode);
        sr_db_bind_cstr(st, 7, c->context);
        rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    sr_ontology_free(o);
    return rc == SQLITE_OK ? 0 : sr_db_fail(s, err, "cannot write cameo_codes");
}

/* data/ontology/plover.tsv: "TYPE<TAB>description" lines after comments and a header. */
static int fill_plover(sr_store *s, const char *dir, sr_error *err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/ontology/plover.tsv", dir);
    FILE *f = fopen(path, "r");
    if (!f)
        return sr_error_setc(err, SR_ERR_IO, "%s: %s", path, strerror(errno));
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db,
                                "INSERT INTO plover_types (type, description, quad_class)"
                                " VALUES (?1, ?2, (SELECT quad_class FROM cameo_codes"
                                " WHERE plover = ?1 GROUP BY quad_class"
                                " ORDER BY count(*) DESC, quad_class LIMIT 1))",
                                -1, &st, NULL);
    sr_lines lr;
    sr_lines_init(&lr, f, 4096);
    int header = 1, bad = 0;
    while (rc == SQLITE_OK && sr_lines_next(&lr, 0) == SR_LINE_OK) {
        if (lr.buf[0] == '#' || lr.len == 0)
            continue;
        char *tab = strchr(lr.buf, '\t');
        if (!tab) {
            bad = 1;
            break;
        }
        if (header) { /* "type<TAB>description" */
            header = 0;
            continue;
        }
        sr_db_bind_text(st, 1, lr.buf, (size_t)(tab - lr.buf));
        sr_db_bind_cstr(st, 2, tab + 1);
        rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
        sqlite3_reset(st);
    }
    uint64_t line = lr.line;
    sr_lines_free(&lr);
    fclose(f);
    sqlite3_finalize(st);
    if (bad)
        return sr_error_setc(err, SR_ERR_DATA, "%s:%llu: expected TYPE<TAB>description", path,
                             (unsigned long long)line);
    return rc == SQLITE_OK ? 0 : sr_db_fail(s, err, "cannot write plover_types");
}

int sr_db_fill_lookups(sr_store *s, sr_error *err)
{
    const char *dir = sr_data_dir(NULL);
    if (sqlite3_exec(s->db, "DELETE FROM cameo_codes; DELETE FROM plover_types;", NULL, NULL,
                     NULL) != SQLITE_OK)
        return sr_db_fail(s, err, "cannot write the lookup tables");
    if (fill_cameo(s, dir, err) < 0 || fill_plover(s, dir, err) < 0)
        return -1;
    return 0;
}
