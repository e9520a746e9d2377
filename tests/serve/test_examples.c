/*
** test_examples.c: `sitrep serve` on the database `sitrep code --db` writes
** for the example articles (examples-db.sh): every endpoint's answer
** against what SQL on the same file says, every event and document of it,
** and the hostile article (markup and quotes in its id, title and text)
** coming back as JSON string data.
*/
#include "serve_test.h"

static srt_server S;
static sqlite3 *DB;

static int setup(void **state)
{
    (void)state;
    if (srt_db_version(SR_EXAMPLES_DB) != 4) {
        fprintf(stderr, "%s: not schema 4 (this sitrep writes version %d): skipped\n",
                SR_EXAMPLES_DB, srt_db_version(SR_EXAMPLES_DB));
        return 0;
    }
    assert_int_equal(sqlite3_open_v2(SR_EXAMPLES_DB, &DB, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    assert_int_equal(srt_start(&S, SR_EXAMPLES_DB, "--threads 1"), 0);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    if (DB) {
        assert_int_equal(srt_stop_with(&S, SIGINT), 0); /* Ctrl-C stops it cleanly too */
        sqlite3_close(DB);
    }
    return 0;
}

#define NEED_DB()                                                                                  \
    do {                                                                                           \
        if (!DB)                                                                                   \
            skip();                                                                                \
    } while (0)

static long long count(const char *sql)
{
    return srt_sql_int(DB, sql);
}

static void test_meta(void **state)
{
    (void)state;
    NEED_DB();
    srt_reply r;
    json_t *m = srt_json(S.port, "/api/meta", &r);
    assert_int_equal(json_integer_value(json_object_get(m, "documents")),
                     count("SELECT count(*) FROM documents"));
    assert_int_equal(json_integer_value(json_object_get(m, "documents")), 8);
    assert_int_equal(json_integer_value(json_object_get(m, "mentions")),
                     count("SELECT count(*) FROM mentions"));
    assert_int_equal(json_integer_value(json_object_get(m, "events")),
                     count("SELECT count(*) FROM events"));
    assert_true(json_integer_value(json_object_get(m, "events")) > 10);
    assert_int_equal(json_array_size(json_object_get(m, "plover_types")),
                     count("SELECT count(*) FROM plover_types"));
    assert_int_equal(json_array_size(json_object_get(m, "roots")), 20);
    srt_reply_free(&r);
}

/* Every event, page by page, against SQL; each one's detail too. */
static void test_every_event(void **state)
{
    (void)state;
    NEED_DB();
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(DB,
                                        "SELECT e.id, e.date, e.cameo, e.plover, e.quad_class,"
                                        " e.source_code, e.target_code, e.nmentions, e.narticles,"
                                        " e.place_name, fr.doc_id, fr.sentence"
                                        " FROM events e JOIN mentions fr ON fr.id = e.first_report"
                                        " ORDER BY e.date DESC, e.id DESC",
                                        -1, &st, NULL),
                     SQLITE_OK);
    long long total = count("SELECT count(*) FROM events");
    long long seen = 0;
    for (int page = 1; seen < total; page++) {
        char path[128];
        snprintf(path, sizeof path, "/api/events?per_page=7&page=%d", page);
        srt_reply r;
        json_t *v = srt_json(S.port, path, &r);
        assert_int_equal(json_integer_value(json_object_get(v, "total")), total);
        json_t *events = json_object_get(v, "events");
        assert_true(json_array_size(events) > 0);
        size_t i;
        json_t *e;
        json_array_foreach(events, i, e)
        {
            assert_int_equal(sqlite3_step(st), SQLITE_ROW);
            json_int_t id = json_integer_value(json_object_get(e, "id"));
            assert_int_equal(id, sqlite3_column_int64(st, 0));
            assert_string_equal(json_string_value(json_object_get(e, "date")),
                                (const char *)sqlite3_column_text(st, 1));
            assert_string_equal(json_string_value(json_object_get(e, "cameo")),
                                (const char *)sqlite3_column_text(st, 2));
            if (sqlite3_column_type(st, 3) != SQLITE_NULL)
                assert_string_equal(json_string_value(json_object_get(e, "plover")),
                                    (const char *)sqlite3_column_text(st, 3));
            assert_int_equal(json_integer_value(json_object_get(e, "quad_class")),
                             sqlite3_column_int(st, 4));
            assert_int_equal(json_integer_value(json_object_get(e, "nmentions")),
                             sqlite3_column_int(st, 7));
            if (sqlite3_column_type(st, 6) == SQLITE_NULL)
                assert_true(json_is_null(json_object_get(e, "target")));
            if (sqlite3_column_type(st, 9) == SQLITE_NULL)
                assert_true(json_is_null(json_object_get(e, "place")));
            json_t *fr = json_object_get(e, "first_report");
            assert_string_equal(json_string_value(json_object_get(fr, "doc")),
                                (const char *)sqlite3_column_text(st, 10));
            assert_int_equal(json_integer_value(json_object_get(fr, "sentence")),
                             sqlite3_column_int(st, 11));
            /* the event's detail: every report, with spans that slice the document */
            snprintf(path, sizeof path, "/api/events/%lld", (long long)id);
            srt_reply d;
            json_t *one = srt_json(S.port, path, &d);
            json_t *ms = json_object_get(one, "mentions");
            assert_int_equal(json_array_size(ms), sqlite3_column_int(st, 7));
            size_t k;
            json_t *m;
            json_array_foreach(ms, k, m)
            {
                json_t *src = json_object_get(m, "source");
                if (json_is_null(src) || json_is_null(json_object_get(src, "start")))
                    continue;
                /* the span's characters of the document are the text given */
                char sql[512];
                snprintf(sql, sizeof sql,
                         "SELECT substr(d.text, %lld + 1, %lld) FROM mentions m"
                         " JOIN documents d ON d.id = m.doc_id WHERE m.id = %lld",
                         (long long)json_integer_value(json_object_get(src, "start")),
                         (long long)(json_integer_value(json_object_get(src, "end")) -
                                     json_integer_value(json_object_get(src, "start"))),
                         (long long)json_integer_value(json_object_get(m, "id")));
                sqlite3_stmt *q;
                assert_int_equal(sqlite3_prepare_v2(DB, sql, -1, &q, NULL), SQLITE_OK);
                assert_int_equal(sqlite3_step(q), SQLITE_ROW);
                assert_string_equal(json_string_value(json_object_get(src, "text")),
                                    (const char *)sqlite3_column_text(q, 0));
                sqlite3_finalize(q);
            }
            srt_reply_free(&d);
            seen++;
        }
        srt_reply_free(&r);
    }
    assert_int_equal(sqlite3_step(st), SQLITE_DONE);
    sqlite3_finalize(st);
}

/* Each document: its text, sentences and reports; spans are characters of the text. */
static void test_every_document(void **state)
{
    (void)state;
    NEED_DB();
    sqlite3_stmt *st;
    sqlite3_prepare_v2(DB,
                       "SELECT id, length(text), (SELECT count(*) FROM sentences"
                       " WHERE doc_id = d.id), (SELECT count(*) FROM mentions"
                       " WHERE doc_id = d.id), text FROM documents d",
                       -1, &st, NULL);
    while (sqlite3_step(st) == SQLITE_ROW) {
        char path[512], esc[400];
        const char *id = (const char *)sqlite3_column_text(st, 0);
        size_t o = 0;
        for (const char *c = id; *c && o < sizeof esc - 4; c++)
            o += (size_t)snprintf(esc + o, sizeof esc - o, "%%%02X", (unsigned char)*c);
        snprintf(path, sizeof path, "/api/documents/%s", esc);
        srt_reply r;
        json_t *d = srt_json(S.port, path, &r);
        assert_string_equal(json_string_value(json_object_get(d, "id")), id);
        assert_string_equal(json_string_value(json_object_get(d, "text")),
                            (const char *)sqlite3_column_text(st, 4));
        assert_int_equal(json_array_size(json_object_get(d, "sentences")),
                         sqlite3_column_int(st, 2));
        assert_int_equal(json_array_size(json_object_get(d, "mentions")),
                         sqlite3_column_int(st, 3));
        long long chars = sqlite3_column_int64(st, 1);
        size_t i;
        json_t *s;
        json_array_foreach(json_object_get(d, "sentences"), i, s)
        {
            json_int_t a = json_integer_value(json_object_get(s, "start"));
            json_int_t b = json_integer_value(json_object_get(s, "end"));
            assert_true(a >= 0 && a <= b && b <= chars);
        }
        json_t *m;
        json_array_foreach(json_object_get(d, "mentions"), i, m)
        {
            json_t *trig = json_object_get(m, "trigger");
            json_int_t a = json_integer_value(json_object_get(trig, "start"));
            json_int_t b = json_integer_value(json_object_get(trig, "end"));
            assert_true(a >= 0 && a < b && b <= chars);
        }
        assert_null(strchr(r.body, '<'));
        srt_reply_free(&r);
    }
    sqlite3_finalize(st);
}

static void test_aggregates(void **state)
{
    (void)state;
    NEED_DB();
    srt_reply r;
    json_t *t = srt_json(S.port, "/api/timeline", &r);
    long long sum = 0;
    size_t i;
    json_t *day;
    json_array_foreach(json_object_get(t, "days"), i, day)
    {
        const char *key;
        json_t *n;
        json_object_foreach(json_object_get(day, "counts"), key, n) sum += json_integer_value(n);
    }
    assert_int_equal(sum, count("SELECT count(*) FROM events WHERE date IS NOT NULL"));
    srt_reply_free(&r);

    json_t *m = srt_json(S.port, "/api/map", &r);
    sum = 0;
    json_t *c;
    json_array_foreach(json_object_get(m, "countries"), i, c)
    {
        sum += json_integer_value(json_object_get(c, "events"));
        const char *iso3 = json_string_value(json_object_get(c, "iso3"));
        if (strcmp(iso3, "UKR") == 0)
            assert_string_equal(json_string_value(json_object_get(c, "numeric")), "804");
        if (strcmp(iso3, "RUS") == 0)
            assert_string_equal(json_string_value(json_object_get(c, "numeric")), "643");
    }
    assert_int_equal(sum, count("SELECT count(*) FROM events WHERE coalesce(place_country,"
                                " target_country, source_country) IS NOT NULL"));
    srt_reply_free(&r);

    json_t *dy = srt_json(S.port, "/api/dyads?limit=100", &r);
    json_t *top = json_array_get(json_object_get(dy, "dyads"), 0);
    if (top)
        assert_int_equal(json_integer_value(json_object_get(top, "events")),
                         count("SELECT max(n) FROM (SELECT count(*) AS n FROM events"
                               " WHERE source_country IS NOT NULL AND target_country IS NOT NULL"
                               " GROUP BY source_country, target_country)"));
    srt_reply_free(&r);

    /* filters against SQL */
    static const struct {
        const char *query, *where;
    } cases[] = {
        {"country=UKR", "'UKR' IN (source_country, target_country, place_country)"},
        {"country=RUS", "'RUS' IN (source_country, target_country, place_country)"},
        {"actor=RUS", "source_code LIKE 'RUS%' OR target_code LIKE 'RUS%'"},
        {"actor=UKRMIL", "source_code LIKE 'UKRMIL%' OR target_code LIKE 'UKRMIL%'"},
        {"root=19", "cameo_root = '19'"},
        {"quad=4", "quad_class = 4"},
        {"plover=ASSAULT", "plover = 'ASSAULT'"},
        {"from=2025-07-01&to=2025-07-31", "date BETWEEN '2025-07-01' AND '2025-07-31'"},
        {"q=drone*", "id IN (SELECT m.event_id FROM sentences_fts f JOIN sentences s"
                     " ON s.rowid = f.rowid JOIN mentions m ON m.doc_id = s.doc_id"
                     " AND m.sentence = s.idx WHERE sentences_fts MATCH 'drone*')"},
    };
    for (i = 0; i < sizeof cases / sizeof *cases; i++) {
        char path[256], sql[512];
        snprintf(path, sizeof path, "/api/events?per_page=200&%s", cases[i].query);
        snprintf(sql, sizeof sql, "SELECT count(*) FROM events WHERE %s", cases[i].where);
        json_t *v = srt_json(S.port, path, &r);
        if (json_integer_value(json_object_get(v, "total")) != count(sql))
            fail_msg("%s: %lld, SQL: %lld", path,
                     (long long)json_integer_value(json_object_get(v, "total")), count(sql));
        srt_reply_free(&r);
    }
}

/* The hostile article: its id, title and text come back exactly, as data. */
static void test_hostile(void **state)
{
    (void)state;
    NEED_DB();
    srt_reply r;
    json_t *d = srt_json(S.port, "/api/documents/hostile-%3Cscript%3E", &r);
    assert_string_equal(json_string_value(json_object_get(d, "id")), "hostile-<script>");
    assert_string_equal(json_string_value(json_object_get(d, "title")),
                        "<script>alert(1)</script> \"Drones\" & 'strikes' \\ on Sumy");
    assert_non_null(
        strstr(json_string_value(json_object_get(d, "text")), "<img src=x onerror=alert(1)>"));
    assert_null(strchr(r.body, '<'));
    assert_non_null(strstr(r.body, "\\\"Drones\\\""));
    srt_reply_free(&r);
    /* its events list it with its title */
    json_t *v = srt_json(S.port, "/api/events?q=provocations", &r);
    size_t i;
    json_t *e;
    json_array_foreach(json_object_get(v, "events"), i, e)
    {
        json_t *fr = json_object_get(e, "first_report");
        if (strcmp(json_string_value(json_object_get(fr, "doc")), "hostile-<script>") == 0)
            assert_non_null(strstr(json_string_value(json_object_get(fr, "title")), "<script>"));
    }
    assert_null(strchr(r.body, '<'));
    srt_reply_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_meta),           cmocka_unit_test(test_every_event),
        cmocka_unit_test(test_every_document), cmocka_unit_test(test_aggregates),
        cmocka_unit_test(test_hostile),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
