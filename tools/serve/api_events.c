/*
** api_events.c: GET /api/events (a page of events, newest first, with the
** total the filters select) and GET /api/events/ID (one event with every
** report merged into it).
*/
#include <stdlib.h>
#include <string.h>

#include "serve/serve_internal.h"

/* {"total", "page", "per_page", "events"}: the filtered events, newest first, one page. */
int sr_serve_api_events(sr_serve_req *r, json_t **out)
{
    int status = 500;
    sqlite3_stmt *st = sr_serve_filtered(r, SR_Q_EVENTS_COUNT, &status);
    if (!st)
        return status;
    if (sqlite3_step(st) != SQLITE_ROW)
        return sr_serve_db_fail(r, "counting events");
    json_int_t total = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    if (!(st = sr_serve_filtered(r, SR_Q_EVENTS_PAGE, &status)))
        return status;
    json_t *events = json_array();
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        json_array_append_new(events, sr_serve_event_row(st));
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        json_decref(events);
        return sr_serve_db_fail(r, "reading events");
    }
    *out = json_pack("{s:I, s:I, s:I, s:o}", "total", total, "page", (json_int_t)r->p.page,
                     "per_page", (json_int_t)r->p.per_page, "events", events);
    return *out ? 200 : sr_serve_fail(r, 500, "out of memory");
}

/* An event or mention id: digits only, below 2^53 (store-format.md). */
static int parse_id(const char *s, sqlite3_int64 *id)
{
    size_t n = strlen(s);
    if (n == 0 || n > 16)
        return -1;
    sqlite3_int64 v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    if (v >= ((sqlite3_int64)1 << 53))
        return -1;
    *id = v;
    return 0;
}

/* E of event r->id with "mentions": every report merged into it. */
int sr_serve_api_event(sr_serve_req *r, json_t **out)
{
    sqlite3_int64 id;
    if (parse_id(r->id, &id) != 0)
        return sr_serve_fail(r, 400, "an event id is a number below 2^53");
    sqlite3_stmt *st = sr_serve_stmt(r->w, SR_Q_EVENT_ONE, 0);
    if (!st)
        return sr_serve_db_fail(r, "preparing a query");
    sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":id"), id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_DONE)
        return sr_serve_fail(r, 404, "no event %lld", (long long)id);
    if (rc != SQLITE_ROW)
        return sr_serve_db_fail(r, "reading the event");
    json_t *e = sr_serve_event_row(st);
    sqlite3_reset(st);
    if (!(st = sr_serve_stmt(r->w, SR_Q_EVENT_MENTIONS, 0))) {
        json_decref(e);
        return sr_serve_db_fail(r, "preparing a query");
    }
    sqlite3_bind_int64(st, sqlite3_bind_parameter_index(st, ":id"), id);
    int status = 200;
    json_t *mentions = sr_serve_mention_rows(r, st, &status);
    sqlite3_reset(st);
    if (!mentions) {
        json_decref(e);
        return status;
    }
    json_object_set_new(e, "mentions", mentions);
    *out = e;
    return 200;
}
