/*
** api_meta.c: GET /api/meta: what the database holds (counts, the dates
** it spans) and the vocabularies the page's filters offer (PLOVER types,
** CAMEO roots).
*/
#include "serve/serve_internal.h"

/* Rows of the fixed statement kind as objects with keys names[0..n): 0, or -1. */
static int fill(sr_serve_req *r, int kind, json_t *array, const char *const *names, int n)
{
    sqlite3_stmt *st = sr_serve_stmt(r->w, kind, 0);
    if (!st)
        return -1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        json_t *row = json_object();
        for (int i = 0; i < n; i++)
            json_object_set_new(row, names[i],
                                sqlite3_column_type(st, i) == SQLITE_INTEGER
                                    ? sr_serve_json_int(st, i)
                                    : sr_serve_json_text(st, i));
        json_array_append_new(array, row);
    }
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

/* {"documents", "mentions", "events", "first_date", "last_date", "plover_types", "roots"}. */
int sr_serve_api_meta(sr_serve_req *r, json_t **out)
{
    sqlite3_stmt *st = sr_serve_stmt(r->w, SR_Q_META, 0);
    if (!st)
        return sr_serve_db_fail(r, "preparing a query");
    if (sqlite3_step(st) != SQLITE_ROW)
        return sr_serve_db_fail(r, "counting");
    json_t *meta = json_object();
    json_object_set_new(meta, "documents", sr_serve_json_int(st, 0));
    json_object_set_new(meta, "mentions", sr_serve_json_int(st, 1));
    json_object_set_new(meta, "events", sr_serve_json_int(st, 2));
    json_object_set_new(meta, "first_date", sr_serve_json_text(st, 3));
    json_object_set_new(meta, "last_date", sr_serve_json_text(st, 4));
    sqlite3_reset(st);

    static const char *const type_keys[] = {"type", "description", "quad_class"};
    static const char *const root_keys[] = {"root", "name"};
    json_t *types = json_array(), *roots = json_array();
    json_object_set_new(meta, "plover_types", types);
    json_object_set_new(meta, "roots", roots);
    if (fill(r, SR_Q_META_PLOVER, types, type_keys, 3) != 0 ||
        fill(r, SR_Q_META_ROOTS, roots, root_keys, 2) != 0) {
        json_decref(meta);
        return sr_serve_db_fail(r, "reading the vocabularies");
    }
    *out = meta;
    return 200;
}
