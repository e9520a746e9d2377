/*
** queries.c: the SQL of every endpoint.
**
** A statement that takes the filters is written for one set of them (a
** bit mask): only the conditions of the filters given are in its WHERE
** clause, so SQLite plans each combination with the indexes that fit it.
** The texts are put together from the constant fragments below, never
** from a request; every value is a named parameter bound by
** sr_serve_query_bind().  The worker prepares each text once (worker.c).
*/
#include <string.h>

#include "serve/serve_internal.h"

/* One condition per filter, in SR_F_* order. */
static const char *const filter_sql[SR_F_COUNT] = {
    " AND e.date >= :from",
    " AND e.date <= :to",
    /* :actor_glob is actor followed by '*'; actor has no GLOB metacharacter (params.c) */
    " AND (e.source_code GLOB :actor_glob OR e.target_code GLOB :actor_glob"
    " OR e.source_entity = :actor OR e.target_entity = :actor)",
    " AND (e.source_country = :country OR e.target_country = :country"
    " OR e.place_country = :country)",
    " AND e.cameo_root = :root",
    " AND e.plover = :plover",
    " AND e.quad_class = :quad",
    " AND e.id IN (SELECT m.event_id FROM sentences_fts(:q) f"
    " JOIN sentences s ON s.rowid = f.rowid"
    " JOIN mentions m ON m.doc_id = s.doc_id AND m.sentence = s.idx)",
};

/*
** The statements.  @E is the column list of an event row, @J its joins,
** @M the column list and FROM of a mention row (api_rows.c), @F the
** conditions of the filters.
*/
static const char *const templates[SR_Q_COUNT] = {
    [SR_Q_EVENTS_COUNT] = "SELECT count(*) FROM events e WHERE 1 @F",
    [SR_Q_EVENTS_PAGE] = "SELECT @E FROM events e @J WHERE 1 @F"
                         " ORDER BY e.date DESC, e.id DESC LIMIT :limit OFFSET :offset",
    [SR_Q_TIMELINE_PLOVER] = "SELECT e.date, coalesce(e.plover, 'NONE'), count(*) FROM events e"
                             " WHERE e.date IS NOT NULL @F GROUP BY 1, 2 ORDER BY 1, 2",
    [SR_Q_TIMELINE_QUAD] = "SELECT e.date, e.quad_class, count(*) FROM events e"
                           " WHERE e.date IS NOT NULL AND e.quad_class BETWEEN 1 AND 4 @F"
                           " GROUP BY 1, 2 ORDER BY 1, 2",
    [SR_Q_MAP_COUNTRIES] =
        "SELECT coalesce(e.place_country, e.target_country, e.source_country) AS c, count(*)"
        " FROM events e WHERE c IS NOT NULL @F GROUP BY c ORDER BY 2 DESC, c",
    [SR_Q_MAP_PLACES] = "SELECT e.place_name, e.place_country, e.place_lat, e.place_lon, count(*)"
                        " FROM events e WHERE e.place_lat IS NOT NULL AND e.place_lon IS NOT NULL"
                        " @F GROUP BY 1, 2, 3, 4 ORDER BY 5 DESC, 1, 2 LIMIT :max_places",
    [SR_Q_DYADS] = "SELECT e.source_country, e.target_country, count(*), sum(e.nmentions)"
                   " FROM events e WHERE e.source_country IS NOT NULL"
                   " AND e.target_country IS NOT NULL @F GROUP BY 1, 2"
                   " ORDER BY 3 DESC, 4 DESC, 1, 2 LIMIT :limit",
    [SR_Q_META] = "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM mentions),"
                  " (SELECT count(*) FROM events), (SELECT min(date) FROM events),"
                  " (SELECT max(date) FROM events)",
    [SR_Q_META_PLOVER] = "SELECT type, description, quad_class FROM plover_types"
                         " ORDER BY quad_class, type",
    [SR_Q_META_ROOTS] = "SELECT code, name FROM cameo_codes WHERE length(code) = 2 ORDER BY code",
    [SR_Q_EVENT_ONE] = "SELECT @E FROM events e @J WHERE e.id = :id",
    [SR_Q_EVENT_MENTIONS] = "SELECT @M WHERE m.event_id = :id ORDER BY d.date, m.id",
    [SR_Q_DOC] = "SELECT id, title, date, url, source, text FROM documents WHERE id = :doc",
    [SR_Q_DOC_SENTENCES] = "SELECT idx, cstart, cend FROM sentences WHERE doc_id = :doc"
                           " ORDER BY idx",
    [SR_Q_DOC_MENTIONS] = "SELECT @M WHERE m.doc_id = :doc ORDER BY m.sentence, m.id",
    [SR_Q_FTS_CHECK] = "SELECT count(*) FROM (SELECT rowid FROM sentences_fts(:q) LIMIT 1)",
};

/* Append s to buf at *at; -1 when it does not fit. */
static int put(char *buf, size_t cap, size_t *at, const char *s)
{
    size_t n = strlen(s);
    if (*at + n >= cap)
        return -1;
    memcpy(buf + *at, s, n + 1);
    *at += n;
    return 0;
}

/* Expand the @ markers of templates[kind], with the filters of mask for @F. */
int sr_serve_query_sql(int kind, unsigned mask, char *buf, size_t cap)
{
    if (kind < 0 || kind >= SR_Q_COUNT || cap == 0)
        return -1;
    size_t at = 0;
    buf[0] = '\0';
    for (const char *t = templates[kind]; *t;) {
        const char *at_sign = strchr(t, '@');
        size_t n = at_sign ? (size_t)(at_sign - t) : strlen(t);
        if (at + n >= cap)
            return -1;
        memcpy(buf + at, t, n);
        at += n;
        buf[at] = '\0';
        if (!at_sign)
            break;
        int rc = 0;
        switch (at_sign[1]) {
        case 'E':
            rc = put(buf, cap, &at, sr_serve_event_columns);
            break;
        case 'J':
            rc = put(buf, cap, &at, sr_serve_event_joins);
            break;
        case 'M':
            rc = put(buf, cap, &at, sr_serve_mention_select);
            break;
        case 'F':
            for (int f = 0; f < SR_F_COUNT && rc == 0; f++)
                if (mask & (1u << f))
                    rc = put(buf, cap, &at, filter_sql[f]);
            break;
        default:
            return -1;
        }
        if (rc != 0)
            return -1;
        t = at_sign + 2;
    }
    return 0;
}

static void bind_text(sqlite3_stmt *st, const char *name, const char *v)
{
    int i = sqlite3_bind_parameter_index(st, name);
    if (i > 0)
        sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

static void bind_int(sqlite3_stmt *st, const char *name, sqlite3_int64 v)
{
    int i = sqlite3_bind_parameter_index(st, name);
    if (i > 0)
        sqlite3_bind_int64(st, i, v);
}

/* Bind by name: a statement without some parameter just ignores it. */
void sr_serve_query_bind(sqlite3_stmt *st, const sr_serve_params *p)
{
    if (p->mask & (1u << SR_F_FROM))
        bind_text(st, ":from", p->from);
    if (p->mask & (1u << SR_F_TO))
        bind_text(st, ":to", p->to);
    if (p->mask & (1u << SR_F_ACTOR)) {
        bind_text(st, ":actor", p->actor);
        bind_text(st, ":actor_glob", p->actor_glob);
    }
    if (p->mask & (1u << SR_F_COUNTRY))
        bind_text(st, ":country", p->country);
    if (p->mask & (1u << SR_F_ROOT))
        bind_text(st, ":root", p->root);
    if (p->mask & (1u << SR_F_PLOVER))
        bind_text(st, ":plover", p->plover);
    if (p->mask & (1u << SR_F_QUAD))
        bind_int(st, ":quad", p->quad);
    if (p->mask & (1u << SR_F_Q))
        bind_text(st, ":q", p->q);
    /* paging: the events page; the dyads' limit; the places' cap */
    if (sqlite3_bind_parameter_index(st, ":offset") > 0) {
        bind_int(st, ":limit", p->per_page);
        bind_int(st, ":offset", (sqlite3_int64)(p->page - 1) * p->per_page);
    } else {
        bind_int(st, ":limit", p->limit);
    }
    bind_int(st, ":max_places", SR_SERVE_MAX_PLACES);
}
