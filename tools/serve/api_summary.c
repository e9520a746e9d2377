/*
** api_summary.c: the aggregate views of the filtered events:
** GET /api/timeline (events per day, by PLOVER type or quad class),
** GET /api/map (by country, with ISO numeric codes, and by place) and
** GET /api/dyads (the busiest source-target country pairs).
*/
#include <stdio.h>
#include <string.h>

#include "serve/serve_internal.h"

/*
** {"by", "days": [{"date", "counts"}]}: rows come sorted by date, so a day
** object is started whenever the date changes.
*/
int sr_serve_api_timeline(sr_serve_req *r, json_t **out)
{
    int status = 500;
    sqlite3_stmt *st =
        sr_serve_filtered(r, r->p.by_quad ? SR_Q_TIMELINE_QUAD : SR_Q_TIMELINE_PLOVER, &status);
    if (!st)
        return status;
    json_t *days = json_array(), *counts = NULL;
    const char *day = NULL; /* the date of counts, owned by the last object of days */
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *date = (const char *)sqlite3_column_text(st, 0);
        if (!day || strcmp(day, date) != 0) {
            json_t *d = json_object();
            json_t *dv = sr_serve_json_text(st, 0);
            json_object_set_new(d, "date", dv);
            counts = json_object();
            json_object_set_new(d, "counts", counts);
            json_array_append_new(days, d);
            day = json_string_value(dv);
            if (!day)
                break;
        }
        char key[64];
        snprintf(key, sizeof key, "%s", (const char *)sqlite3_column_text(st, 1));
        json_object_set_new(counts, key, json_integer(sqlite3_column_int64(st, 2)));
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        json_decref(days);
        return sr_serve_db_fail(r, "reading the timeline");
    }
    *out = json_pack("{s:s, s:o}", "by", r->p.by_quad ? "quad" : "plover", "days", days);
    return *out ? 200 : sr_serve_fail(r, 500, "out of memory");
}

/* {"countries", "places"}: events by country (with ISO numeric codes) and by place. */
int sr_serve_api_map(sr_serve_req *r, json_t **out)
{
    int status = 500;
    sqlite3_stmt *st = sr_serve_filtered(r, SR_Q_MAP_COUNTRIES, &status);
    if (!st)
        return status;
    json_t *countries = json_array(), *places = json_array();
    json_t *map = json_pack("{s:o, s:o}", "countries", countries, "places", places);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *code = (const char *)sqlite3_column_text(st, 0);
        const sr_serve_country *c = sr_serve_iso_find(&r->app->iso, code);
        json_t *row = json_object();
        json_object_set_new(row, "iso3", sr_serve_json_text(st, 0));
        json_object_set_new(row, "numeric", c ? json_string(c->numeric) : json_null());
        json_object_set_new(row, "name", c ? json_string(c->name) : json_null());
        json_object_set_new(row, "events", json_integer(sqlite3_column_int64(st, 1)));
        json_array_append_new(countries, row);
    }
    sqlite3_reset(st);
    if (rc == SQLITE_DONE && (st = sr_serve_filtered(r, SR_Q_MAP_PLACES, &status))) {
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            json_t *row = json_object();
            json_object_set_new(row, "name", sr_serve_json_text(st, 0));
            json_object_set_new(row, "country", sr_serve_json_text(st, 1));
            json_object_set_new(row, "lat", sr_serve_json_real(st, 2));
            json_object_set_new(row, "lon", sr_serve_json_real(st, 3));
            json_object_set_new(row, "events", json_integer(sqlite3_column_int64(st, 4)));
            json_array_append_new(places, row);
        }
        sqlite3_reset(st);
    } else if (rc == SQLITE_DONE) {
        json_decref(map);
        return status;
    }
    if (rc != SQLITE_DONE) {
        json_decref(map);
        return sr_serve_db_fail(r, "reading the map");
    }
    *out = map;
    return 200;
}

/* {"dyads"}: source-target country pairs, most events first, at most r->p.limit. */
int sr_serve_api_dyads(sr_serve_req *r, json_t **out)
{
    int status = 500;
    sqlite3_stmt *st = sr_serve_filtered(r, SR_Q_DYADS, &status);
    if (!st)
        return status;
    json_t *dyads = json_array();
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        json_t *row = json_object();
        json_object_set_new(row, "source", sr_serve_json_text(st, 0));
        json_object_set_new(row, "target", sr_serve_json_text(st, 1));
        json_object_set_new(row, "events", sr_serve_json_int(st, 2));
        json_object_set_new(row, "mentions", sr_serve_json_int(st, 3));
        json_array_append_new(dyads, row);
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        json_decref(dyads);
        return sr_serve_db_fail(r, "reading the dyads");
    }
    *out = json_pack("{s:o}", "dyads", dyads);
    return *out ? 200 : sr_serve_fail(r, 500, "out of memory");
}
