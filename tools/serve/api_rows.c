/*
** api_rows.c: the two rows the API returns in several places: an event E
** (a happening, with its first report) and a mention M (one report, with
** its spans in characters).  The column lists live here, next to the code
** that reads them by position, so the two cannot drift apart.
*/
#include "serve/serve_internal.h"

const char sr_serve_event_columns[] =
    "e.id, e.date, e.date_precision, e.cameo, c.name, e.cameo_root, e.plover, e.plover_mode,"
    " e.quad_class, e.goldstein,"                                               /* 0-9 */
    " e.source_code, e.source_name, e.source_entity, e.source_country,"         /* 10-13 */
    " e.target_code, e.target_name, e.target_entity, e.target_country,"         /* 14-17 */
    " e.place_name, e.place_country, e.place_lat, e.place_lon,"                 /* 18-21 */
    " e.killed, e.injured, e.nmentions, e.narticles, e.nsources, e.confidence," /* 22-27 */
    " fr.doc_id, d.title, fr.sentence, s.text";                                 /* 28-31 */

const char sr_serve_event_joins[] =
    "LEFT JOIN cameo_codes c ON c.code = e.cameo"
    " LEFT JOIN mentions fr ON fr.id = e.first_report"
    " LEFT JOIN documents d ON d.id = fr.doc_id"
    " LEFT JOIN sentences s ON s.doc_id = fr.doc_id AND s.idx = fr.sentence";

/*
** An actor's words: sliced from the sentence when the span lies in it
** (short), else from the document text (SQLite's substr counts
** characters, as the start and end columns in characters do).
*/
#define SR_SPAN_TEXT(a)                                                                            \
    "CASE WHEN m." a "_cstart IS NULL THEN NULL"                                                   \
    " WHEN m." a "_cstart >= s.cstart AND m." a "_cend <= s.cend"                                  \
    " THEN substr(s.text, m." a "_cstart - s.cstart + 1, m." a "_cend - m." a "_cstart)"           \
    " ELSE substr(d.text, m." a "_cstart + 1, m." a "_cend - m." a "_cstart) END"

const char sr_serve_mention_select[] =
    "m.id, m.doc_id, d.title, m.date, m.sentence, s.text, m.cameo," /* 0-6 */
    " m.source_code, m.source_name, " SR_SPAN_TEXT(
        "source") ","                                /* 7-9 */
                  " m.source_cstart, m.source_cend," /* 10-11 */
                  " m.target_code, m.target_name, " SR_SPAN_TEXT(
                      "target") ","                                /* 12-14 */
                                " m.target_cstart, m.target_cend," /* 15-16 */
                                " m.trigger_text, m.trigger_cstart, m.trigger_cend, m.confidence, "
                                "m.modality" /* 17-21 */
                                " FROM mentions m JOIN documents d ON d.id = m.doc_id"
                                " LEFT JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = "
                                "m.sentence";

/* A = {"code", "name", "entity", "country"} from column i on, or null without a code. */
static json_t *actor(sqlite3_stmt *st, int i)
{
    if (sqlite3_column_type(st, i) == SQLITE_NULL)
        return json_null();
    json_t *a = json_object();
    json_object_set_new(a, "code", sr_serve_json_text(st, i));
    json_object_set_new(a, "name", sr_serve_json_text(st, i + 1));
    json_object_set_new(a, "entity", sr_serve_json_text(st, i + 2));
    json_object_set_new(a, "country", sr_serve_json_text(st, i + 3));
    return a;
}

/* E from the columns of sr_serve_event_columns (see docs/serve-api.md). */
json_t *sr_serve_event_row(sqlite3_stmt *st)
{
    json_t *e = json_object();
    json_object_set_new(e, "id", sr_serve_json_int(st, 0));
    json_object_set_new(e, "date", sr_serve_json_text(st, 1));
    json_object_set_new(e, "date_precision", sr_serve_json_text(st, 2));
    json_object_set_new(e, "cameo", sr_serve_json_text(st, 3));
    json_object_set_new(e, "cameo_name", sr_serve_json_text(st, 4));
    json_object_set_new(e, "root", sr_serve_json_text(st, 5));
    json_object_set_new(e, "plover", sr_serve_json_text(st, 6));
    json_object_set_new(e, "plover_mode", sr_serve_json_text(st, 7));
    json_object_set_new(e, "quad_class", sr_serve_json_int(st, 8));
    json_object_set_new(e, "goldstein", sr_serve_json_real(st, 9));
    json_object_set_new(e, "source", actor(st, 10));
    json_object_set_new(e, "target", actor(st, 14));
    json_t *place = json_null();
    if (sqlite3_column_type(st, 18) != SQLITE_NULL) {
        place = json_object();
        json_object_set_new(place, "name", sr_serve_json_text(st, 18));
        json_object_set_new(place, "country", sr_serve_json_text(st, 19));
        json_object_set_new(place, "lat", sr_serve_json_real(st, 20));
        json_object_set_new(place, "lon", sr_serve_json_real(st, 21));
    }
    json_object_set_new(e, "place", place);
    json_object_set_new(e, "killed", sr_serve_json_int(st, 22));
    json_object_set_new(e, "injured", sr_serve_json_int(st, 23));
    json_object_set_new(e, "nmentions", sr_serve_json_int(st, 24));
    json_object_set_new(e, "narticles", sr_serve_json_int(st, 25));
    json_object_set_new(e, "nsources", sr_serve_json_int(st, 26));
    json_object_set_new(e, "confidence", sr_serve_json_real(st, 27));
    json_t *fr = json_null();
    if (sqlite3_column_type(st, 28) != SQLITE_NULL) {
        fr = json_object();
        json_object_set_new(fr, "doc", sr_serve_json_text(st, 28));
        json_object_set_new(fr, "title", sr_serve_json_text(st, 29));
        json_object_set_new(fr, "sentence", sr_serve_json_int(st, 30));
        json_object_set_new(fr, "text", sr_serve_json_text(st, 31));
    }
    json_object_set_new(e, "first_report", fr);
    return e;
}

/* S = {"code", "name", "text", "start", "end"} from column i on, or null without a code. */
static json_t *span_actor(sqlite3_stmt *st, int i)
{
    if (sqlite3_column_type(st, i) == SQLITE_NULL)
        return json_null();
    json_t *a = json_object();
    json_object_set_new(a, "code", sr_serve_json_text(st, i));
    json_object_set_new(a, "name", sr_serve_json_text(st, i + 1));
    json_object_set_new(a, "text", sr_serve_json_text(st, i + 2));
    json_object_set_new(a, "start", sr_serve_json_int(st, i + 3));
    json_object_set_new(a, "end", sr_serve_json_int(st, i + 4));
    return a;
}

/* M from the columns of sr_serve_mention_select. */
static json_t *mention_row(sqlite3_stmt *st)
{
    json_t *m = json_object();
    json_object_set_new(m, "id", sr_serve_json_int(st, 0));
    json_object_set_new(m, "doc", sr_serve_json_text(st, 1));
    json_object_set_new(m, "title", sr_serve_json_text(st, 2));
    json_object_set_new(m, "date", sr_serve_json_text(st, 3));
    json_object_set_new(m, "sentence", sr_serve_json_int(st, 4));
    json_object_set_new(m, "text", sr_serve_json_text(st, 5));
    json_object_set_new(m, "cameo", sr_serve_json_text(st, 6));
    json_object_set_new(m, "source", span_actor(st, 7));
    json_object_set_new(m, "target", span_actor(st, 12));
    json_t *trigger = json_object();
    json_object_set_new(trigger, "text", sr_serve_json_text(st, 17));
    json_object_set_new(trigger, "start", sr_serve_json_int(st, 18));
    json_object_set_new(trigger, "end", sr_serve_json_int(st, 19));
    json_object_set_new(m, "trigger", trigger);
    json_object_set_new(m, "confidence", sr_serve_json_real(st, 20));
    json_object_set_new(m, "modality", sr_serve_json_text(st, 21));
    return m;
}

/* Every row of st as M; NULL with *status and r->msg set when a step fails. */
json_t *sr_serve_mention_rows(sr_serve_req *r, sqlite3_stmt *st, int *status)
{
    json_t *a = json_array();
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        json_array_append_new(a, mention_row(st));
    if (rc != SQLITE_DONE) {
        json_decref(a);
        *status = sr_serve_db_fail(r, "reading mentions");
        return NULL;
    }
    return a;
}
