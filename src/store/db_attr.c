/*
** db_attr.c: the attribute stage in the SQLite store: date, place, size
** and quote columns of events, the counts table (every count of an event)
** and the quotes table (every quote of a document).
*/
#include <math.h>
#include <string.h>

#include "api/doc_internal.h"
#include "store/db_attr.h"
#include "store/write_attr.h"

static void text_or_null(sqlite3_stmt *st, int i, const char *s, size_t n)
{
    if (s)
        sqlite3_bind_text(st, i, s, (int)n, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

static void cstr(sqlite3_stmt *st, int i, const char *s)
{
    text_or_null(st, i, s, s ? strlen(s) : 0);
}

/* start and end of a span, or NULLs when it is empty. */
static void span(sqlite3_stmt *st, int i, sr_span sp)
{
    if (sp.end > sp.start) {
        sqlite3_bind_int64(st, i, sp.start);
        sqlite3_bind_int64(st, i + 1, sp.end);
    }
}

void sr_db_attr_bind_event(sqlite3_stmt *st, int i, const sr_event *ev)
{
    cstr(st, i, sr_date_precision_name(ev->date_precision));
    span(st, i + 1, ev->date_span);
    const sr_place *p = &ev->place;
    if (p->name) {
        cstr(st, i + 3, p->name);
        cstr(st, i + 4, p->country);
        cstr(st, i + 5, p->admin1);
        cstr(st, i + 6, p->feature);
        if (p->geonames)
            sqlite3_bind_int64(st, i + 7, p->geonames);
        if (!isnan(p->lat)) {
            sqlite3_bind_double(st, i + 8, p->lat);
            sqlite3_bind_double(st, i + 9, p->lon);
        }
        cstr(st, i + 10, sr_place_precision_name(p->precision));
        span(st, i + 11, p->span);
    }
    for (int k = 1; k < SR_COUNT_KIND_COUNT; k++) {
        int64_t n = sr_size_total(&ev->size, k);
        if (n >= 0)
            sqlite3_bind_int64(st, i + 12 + k, n);
    }
    if (ev->quote >= 0)
        sqlite3_bind_int64(st, i + 22, ev->quote);
    cstr(st, i + 23, ev->source_code_orig);
    cstr(st, i + 24, ev->target_code_orig);
    if (p->name)
        cstr(st, i + 25, p->fips);
}

int sr_db_attr_put_counts(sqlite3 *db, const char *doc_id, sqlite3_int64 event_id,
                          const sr_event *ev)
{
    if (!ev->size.ncounts)
        return 0;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db,
                                "INSERT INTO counts (event_id, doc_id, idx, what, n, qual, of,"
                                " subset_of, start, end) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
                                -1, &st, NULL);
    for (uint32_t i = 0; rc == SQLITE_OK && i < ev->size.ncounts; i++) {
        const sr_count *c = &ev->size.counts[i];
        sqlite3_bind_int64(st, 1, event_id);
        cstr(st, 2, doc_id);
        sqlite3_bind_int64(st, 3, i);
        cstr(st, 4, sr_count_kind_name(c->what));
        sqlite3_bind_int64(st, 5, c->n);
        cstr(st, 6, sr_count_qual_name(c->qual));
        cstr(st, 7, c->of);
        if (c->subset_of >= 0)
            sqlite3_bind_int64(st, 8, c->subset_of);
        sqlite3_bind_int64(st, 9, c->span.start);
        sqlite3_bind_int64(st, 10, c->span.end);
        rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
    }
    sqlite3_finalize(st);
    return rc;
}

int sr_db_attr_put_quotes(sqlite3 *db, const sr_doc *d)
{
    if (!d->nquotes)
        return 0;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(
        db,
        "INSERT INTO quotes (doc_id, idx, sentence, kind, start, end, text, speaker_code,"
        " speaker_name, speaker_entity, speaker_start, speaker_end, verb_start, verb_end,"
        " verb_text, medium, medium_start, medium_end)"
        " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18)",
        -1, &st, NULL);
    for (size_t i = 0; rc == SQLITE_OK && i < d->nquotes; i++) {
        const sr_quote *q = &d->quotes[i];
        cstr(st, 1, d->meta.id);
        sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
        sqlite3_bind_int64(st, 3, q->sentence);
        cstr(st, 4, q->direct ? "direct" : "reported");
        sqlite3_bind_int64(st, 5, q->span.start);
        sqlite3_bind_int64(st, 6, q->span.end);
        text_or_null(st, 7, d->text + q->span.start, q->span.end - q->span.start);
        cstr(st, 8, q->speaker_code);
        cstr(st, 9, q->speaker_name);
        cstr(st, 10, q->speaker_entity);
        if (q->speaker_code)
            span(st, 11, q->speaker_span);
        span(st, 13, q->verb);
        if (q->verb.end > q->verb.start)
            text_or_null(st, 15, d->text + q->verb.start, q->verb.end - q->verb.start);
        cstr(st, 16, q->medium);
        if (q->medium)
            span(st, 17, q->medium_span);
        rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
        sqlite3_reset(st);
        sqlite3_clear_bindings(st);
    }
    sqlite3_finalize(st);
    return rc;
}
