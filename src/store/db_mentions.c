/*
** db_mentions.c: one row of the mentions table per coded report.  Beside
** the JSONL fields it writes what analysts filter on without string
** surgery: the actor codes split as GDELT splits them, the CAMEO base and
** root codes, and every span in characters as well as bytes.
*/
#include <stdlib.h>
#include <string.h>

#include "store/actor_code.h"
#include "store/db_attr.h"
#include "store/db_internal.h"
#include "store/db_schema.h"

/* "INSERT INTO mentions (names) VALUES (?, ?, ...)" with one ? per name. */
int sr_db_mentions_prepare(sr_store *s)
{
    static const char names[] = SR_DB_MENTION_NAMES;
    size_t n = 1;
    for (const char *p = names; *p; p++)
        n += *p == ',';
    size_t cap = sizeof names + 3 * n + 64;
    char *sql = malloc(cap);
    if (!sql)
        return SQLITE_NOMEM;
    size_t len = (size_t)snprintf(sql, cap, "INSERT OR IGNORE INTO mentions (%s) VALUES (", names);
    for (size_t i = 0; i < n; i++)
        len += (size_t)snprintf(sql + len, cap - len, i ? ",?" : "?");
    snprintf(sql + len, cap - len, ")");
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &s->put_mention, NULL);
    free(sql);
    return rc;
}

/* A 3-letter part (copied: it lives on the stack), or NULL for "". */
static void bind_part(sqlite3_stmt *st, int i, const char *part)
{
    if (*part)
        sqlite3_bind_text(st, i, part, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

/* The twelve columns of an actor from parameter i on; all NULL without one. */
static int bind_actor(sqlite3_stmt *st, int i, const sr_actor *a, const sr_charmap *map)
{
    if (a->code) {
        sr_code_parts g = sr_actor_code_split(a->code);
        sr_db_bind_cstr(st, i, a->code);
        sr_db_bind_cstr(st, i + 1, a->name);
        sr_db_bind_cstr(st, i + 2, a->entity);
        bind_part(st, i + 3, g.country);
        bind_part(st, i + 4, g.group);
        for (int k = 0; k < 3; k++)
            bind_part(st, i + 5 + k, g.type[k]);
        sr_db_bind_span(st, i + 8, a->span, map);
    }
    return i + 12;
}

/* Bind the columns of one report in the order of SR_DB_MENTION_NAMES. */
static void bind_mention(sqlite3_stmt *st, const sr_doc *d, const sr_event *ev,
                         const sr_charmap *map)
{
    sqlite3_bind_int64(st, 1, (sqlite3_int64)sr_event_number(ev));
    sr_db_bind_cstr(st, 2, ev->id);
    sr_db_bind_cstr(st, 3, d->meta.id);
    sqlite3_bind_int64(st, 4, ev->sentence);
    sr_db_bind_cstr(st, 5, ev->date);
    int i = bind_actor(st, 6, &ev->source, map);
    i = bind_actor(st, i, &ev->target, map);
    size_t len = strlen(ev->cameo);
    sr_db_bind_cstr(st, i, ev->cameo);
    sr_db_bind_text(st, i + 1, ev->cameo, len < 3 ? len : 3);
    sr_db_bind_text(st, i + 2, ev->cameo, len < 2 ? len : 2);
    sr_db_bind_cstr(st, i + 3, ev->plover);
    sr_db_bind_cstr(st, i + 4, ev->plover_mode);
    sr_db_bind_cstr(st, i + 5, ev->plover_context);
    sqlite3_bind_int(st, i + 6, ev->quad_class);
    sqlite3_bind_double(st, i + 7, ev->goldstein);
    sr_db_bind_cstr(st, i + 8, ev->modality);
    sqlite3_bind_double(st, i + 9, ev->confidence);
    sr_db_bind_span(st, i + 10, ev->trigger, map);
    sr_db_bind_text(st, i + 14, d->text + ev->trigger.start, ev->trigger.end - ev->trigger.start);
    sr_db_bind_cstr(st, i + 15, ev->rule);
    sr_db_attr_bind_event(st, i + 16, ev);
}

int sr_db_put_mentions(sr_store *s, const sr_doc *d, const sr_charmap *map, sr_error *err)
{
    sqlite3_stmt *st = s->put_mention;
    for (size_t i = 0; i < d->nevents; i++) {
        const sr_event *ev = &d->events[i];
        bind_mention(st, d, ev, map);
        int rc = sqlite3_step(st);
        int added = sqlite3_changes(s->db) > 0;
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
        if (rc != SQLITE_DONE)
            return sr_db_fail(s, err, "write failed");
        /* A report identical to one already written (same id) adds nothing. */
        if (added &&
            sr_db_attr_put_counts(s->db, d->meta.id, (sqlite3_int64)sr_event_number(ev), ev) != 0)
            return sr_db_fail(s, err, "write failed");
    }
    return 0;
}
