/*
** db_export.c: the database written out as GDELT 2.0 tables.  The stream
** writer (`sitrep code --format gdelt`) can only write each report as an
** event seen once; the store knows the happenings, so its Events rows
** carry the real NumMentions, NumSources and NumArticles, and its Mentions
** rows link every report to its happening, as GDELT's own two tables do.
*/
#include <math.h>
#include <string.h>

#include "store/db_internal.h"
#include "store/gdelt_row.h"
#include "util/util.h"

static const char *col(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

/* The place columns from i on: name, country, admin1, feature, geonames, lat, lon, precision, fips.
 */
static sr_place place_at(sqlite3_stmt *st, int i)
{
    static const char *const precisions[] = {"", "exact", "near", "region", "country"};
    sr_place p;
    memset(&p, 0, sizeof p);
    p.lat = p.lon = NAN;
    if (!(p.name = col(st, i)))
        return p;
    p.country = col(st, i + 1);
    p.admin1 = col(st, i + 2);
    p.feature = col(st, i + 3);
    p.geonames = sqlite3_column_int64(st, i + 4);
    if (sqlite3_column_type(st, i + 5) != SQLITE_NULL) {
        p.lat = sqlite3_column_double(st, i + 5);
        p.lon = sqlite3_column_double(st, i + 6);
    }
    const char *precision = col(st, i + 7);
    for (uint8_t k = 1; precision && k < 5; k++)
        if (strcmp(precision, precisions[k]) == 0)
            p.precision = k;
    p.fips = col(st, i + 8);
    return p;
}

static const char events_sql[] =
    "SELECT e.id, e.nmentions, e.nsources, e.narticles, e.first_seen, f.sentence,"
    " coalesce(d.url, d.id), e.source_code, e.source_name, e.target_code, e.target_name,"
    " e.cameo, e.quad_class, e.goldstein, e.date, e.place_name, e.place_country,"
    " e.place_admin1, e.place_feature, e.place_geonames, e.place_lat, e.place_lon,"
    " e.place_precision, e.place_fips"
    " FROM events e JOIN mentions f ON f.id = e.first_report"
    " JOIN documents d ON d.id = f.doc_id ORDER BY e.date, e.id";

static int export_events(sqlite3_stmt *st, FILE *out)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        sr_event ev;
        memset(&ev, 0, sizeof ev);
        ev.source.code = col(st, 7);
        ev.source.name = col(st, 8);
        ev.target.code = col(st, 9);
        ev.target.name = col(st, 10);
        ev.cameo = col(st, 11);
        ev.quad_class = sqlite3_column_int(st, 12);
        ev.goldstein = sqlite3_column_double(st, 13);
        ev.date = col(st, 14);
        ev.place = place_at(st, 15);
        sr_gdelt_row r = {(uint64_t)sqlite3_column_int64(st, 0),
                          &ev,
                          sqlite3_column_int(st, 5) == 0,
                          sqlite3_column_int(st, 1),
                          sqlite3_column_int(st, 2),
                          sqlite3_column_int(st, 3),
                          col(st, 4),
                          col(st, 6)};
        sr_write_gdelt_row(out, &r);
    }
    return rc;
}

/* GDELT's Mentions table: one row per report; dates as YYYYMMDDHHMMSS, offsets in characters. */
static const char mentions_sql[] =
    "SELECT m.event_id, replace(coalesce(e.first_seen, ''), '-', '') || '000000',"
    " replace(coalesce(d.date, ''), '-', '') || '000000', 1, coalesce(d.source, ''),"
    " coalesce(d.url, d.id), m.sentence + 1, coalesce(m.source_cstart, -1),"
    " coalesce(m.target_cstart, -1), coalesce(m.trigger_cstart, -1), 1,"
    " CAST(round(coalesce(m.confidence, 0) * 100) AS INTEGER), length(d.text)"
    " FROM mentions m JOIN events e ON e.id = m.event_id JOIN documents d ON d.id = m.doc_id"
    " ORDER BY m.event_id, d.date, m.id";

/* A field with tabs and newlines made spaces, as the TSV writers do. */
static void field(FILE *out, const char *s)
{
    for (; s && *s; s++)
        putc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, out);
}

static int export_mentions(sqlite3_stmt *st, FILE *out)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        for (int i = 0; i < 13; i++) {
            if (i)
                putc('\t', out);
            field(out, col(st, i));
        }
        fputs("\t\t\t\n", out); /* MentionDocTone, MentionDocTranslationInfo, Extras */
    }
    return rc;
}

int sr_store_export_gdelt(sr_store *s, FILE *out, int table, sr_error *err)
{
    if (table != SR_EXPORT_EVENTS && table != SR_EXPORT_MENTIONS)
        return sr_error_setc(err, SR_ERR_INVALID, "unknown table to export: %d", table);
    if (sr_store_merge(s, err) < 0) /* nothing left unmerged */
        return -1;
    sqlite3_stmt *st;
    const char *sql = table == SR_EXPORT_EVENTS ? events_sql : mentions_sql;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return sr_db_fail(s, err, "cannot read the database");
    /* One read transaction: a consistent picture while sitrep code --db writes. */
    sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL);
    int rc = table == SR_EXPORT_EVENTS ? export_events(st, out) : export_mentions(st, out);
    sqlite3_finalize(st);
    sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
    if (rc != SQLITE_DONE)
        return sr_db_fail(s, err, "cannot read the database");
    if (ferror(out))
        return sr_error_setc(err, SR_ERR_IO, "writing the export failed");
    return 0;
}
