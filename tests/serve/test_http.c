/*
** test_http.c: `sitrep serve` over real HTTP, on the hand-made schema 4
** database of fixture.sql (hostile text in every field) and a scratch web
** directory: each endpoint's JSON shape and values against SQL on the same
** file, the filters, pagination, a 400 for every bad parameter, 404s, 405,
** path traversal, the security headers, and hostile text coming back as
** JSON string data.  Also the start-up errors (missing file, not a sitrep
** database, another schema version, port in use).
*/
#include "serve_test.h"

#include <sys/stat.h>

typedef struct fixture {
    char dir[64];
    char db[128], web[128];
    sqlite3 *sql; /* the same database, for the expected values */
    srt_server server;
} fixture;

static fixture F;

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* The fixture database from fixture.sql, the web directory, the server. */
static int setup(void **state)
{
    (void)state;
    snprintf(F.dir, sizeof F.dir, "/tmp/sitrep-serve-XXXXXX");
    assert_non_null(mkdtemp(F.dir));
    snprintf(F.db, sizeof F.db, "%s/fixture.db", F.dir);
    snprintf(F.web, sizeof F.web, "%s/web", F.dir);
    size_t len;
    FILE *f = fopen(SR_SOURCE_DIR "/tests/serve/fixture.sql", "rb");
    assert_non_null(f);
    char *sqltext = calloc(1, 1 << 20);
    len = fread(sqltext, 1, (1 << 20) - 1, f);
    fclose(f);
    assert_true(len > 0);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(F.db, &db), SQLITE_OK);
    char *msg = NULL;
    if (sqlite3_exec(db, sqltext, NULL, NULL, &msg) != SQLITE_OK)
        fail_msg("fixture.sql: %s", msg);
    sqlite3_close(db);
    free(sqltext);
    assert_int_equal(sqlite3_open_v2(F.db, &F.sql, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);

    char path[256];
    assert_int_equal(mkdir(F.web, 0755), 0);
    snprintf(path, sizeof path, "%s/index.html", F.web);
    write_file(path, "<!doctype html><title>sitrep</title>\n");
    snprintf(path, sizeof path, "%s/app.js", F.web);
    write_file(path, "console.log('app');\n");
    snprintf(path, sizeof path, "%s/style.css", F.web);
    write_file(path, "body { margin: 0 }\n");
    snprintf(path, sizeof path, "%s/lib", F.web);
    assert_int_equal(mkdir(path, 0755), 0);
    snprintf(path, sizeof path, "%s/lib/countries-110m.json", F.web);
    write_file(path, "{\"type\":\"Topology\"}\n");
    snprintf(path, sizeof path, "%s/secret.txt", F.dir); /* outside the web directory */
    write_file(path, "SECRET\n");
    char link[256];
    snprintf(link, sizeof link, "%s/escape.txt", F.web);
    assert_int_equal(symlink(path, link), 0);

    char args[256];
    snprintf(args, sizeof args, "--threads 3 --web '%s'", F.web);
    assert_int_equal(srt_start(&F.server, F.db, args), 0);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    assert_int_equal(srt_stop(&F.server), 0);
    sqlite3_close(F.sql);
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", F.dir);
    assert_int_equal(system(cmd), 0);
    return 0;
}

/* The headers every answer carries. */
static void assert_security_headers(const srt_reply *r)
{
    char *csp = srt_header(r, "Content-Security-Policy");
    char *nosniff = srt_header(r, "X-Content-Type-Options");
    char *ref = srt_header(r, "Referrer-Policy");
    assert_non_null(csp);
    assert_string_equal(csp, "default-src 'self'; img-src 'self' data:; style-src 'self'");
    assert_non_null(nosniff);
    assert_string_equal(nosniff, "nosniff");
    assert_non_null(ref);
    assert_string_equal(ref, "no-referrer");
    free(csp), free(nosniff), free(ref);
}

/* path answers status with {"error": "..."} whose message contains want (may be NULL). */
static void assert_error(const char *path, int status, const char *want)
{
    srt_reply r;
    srt_get(F.server.port, path, &r);
    if (r.status != status)
        fail_msg("GET %.200s: status %d, expected %d: %s", path, r.status, status, r.body);
    assert_non_null(r.json);
    const char *msg = json_string_value(json_object_get(r.json, "error"));
    assert_non_null(msg);
    if (want && !strstr(msg, want))
        fail_msg("GET %.200s: \"%s\" does not say \"%s\"", path, msg, want);
    char *type = srt_header(&r, "Content-Type");
    assert_string_equal(type, "application/json; charset=utf-8");
    free(type);
    assert_security_headers(&r);
    srt_reply_free(&r);
}

static long long count(const char *sql)
{
    return srt_sql_int(F.sql, sql);
}

static void test_meta(void **state)
{
    (void)state;
    srt_reply r;
    json_t *m = srt_json(F.server.port, "/api/meta", &r);
    assert_int_equal(json_integer_value(json_object_get(m, "documents")),
                     count("SELECT count(*) FROM documents"));
    assert_int_equal(json_integer_value(json_object_get(m, "mentions")),
                     count("SELECT count(*) FROM mentions"));
    assert_int_equal(json_integer_value(json_object_get(m, "events")),
                     count("SELECT count(*) FROM events"));
    assert_string_equal(json_string_value(json_object_get(m, "first_date")), "2025-05-27");
    assert_string_equal(json_string_value(json_object_get(m, "last_date")), "2025-07-15");
    json_t *types = json_object_get(m, "plover_types");
    assert_int_equal(json_array_size(types), count("SELECT count(*) FROM plover_types"));
    json_t *t0 = json_array_get(types, 0);
    assert_string_equal(json_string_value(json_object_get(t0, "type")), "CONSULT");
    /* markup in a description is data */
    assert_string_equal(json_string_value(json_object_get(t0, "description")),
                        "Consultations <b>and</b> meetings");
    assert_int_equal(json_integer_value(json_object_get(t0, "quad_class")), 1);
    json_t *roots = json_object_get(m, "roots");
    assert_int_equal(json_array_size(roots),
                     count("SELECT count(*) FROM cameo_codes WHERE length(code) = 2"));
    assert_string_equal(json_string_value(json_object_get(json_array_get(roots, 0), "root")), "01");
    assert_null(strchr(r.body, '<'));
    assert_security_headers(&r);
    char *cc = srt_header(&r, "Cache-Control");
    assert_string_equal(cc, "no-store");
    free(cc);
    srt_reply_free(&r);
}

static const char *const event_keys[] = {
    "id",        "date",      "date_precision", "cameo",      "cameo_name",
    "root",      "plover",    "plover_mode",    "quad_class", "goldstein",
    "source",    "target",    "place",          "killed",     "injured",
    "nmentions", "narticles", "nsources",       "confidence", "first_report"};

/* E has every key of the API and the values the events table has. */
static void assert_event(json_t *e)
{
    for (size_t i = 0; i < sizeof event_keys / sizeof *event_keys; i++)
        if (!json_object_get(e, event_keys[i]))
            fail_msg("event without \"%s\"", event_keys[i]);
    json_int_t id = json_integer_value(json_object_get(e, "id"));
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(F.sql,
                                        "SELECT e.date, e.cameo, e.nmentions, e.source_code,"
                                        " fr.doc_id, e.target_code FROM events e"
                                        " JOIN mentions fr ON fr.id = e.first_report"
                                        " WHERE e.id = ?",
                                        -1, &st, NULL),
                     SQLITE_OK);
    sqlite3_bind_int64(st, 1, id);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal(json_string_value(json_object_get(e, "date")),
                        (const char *)sqlite3_column_text(st, 0));
    assert_string_equal(json_string_value(json_object_get(e, "cameo")),
                        (const char *)sqlite3_column_text(st, 1));
    assert_int_equal(json_integer_value(json_object_get(e, "nmentions")),
                     sqlite3_column_int64(st, 2));
    json_t *src = json_object_get(e, "source");
    assert_string_equal(json_string_value(json_object_get(src, "code")),
                        (const char *)sqlite3_column_text(st, 3));
    static const char *const actor_keys[] = {"code", "name", "entity", "country"};
    for (size_t i = 0; i < 4; i++)
        assert_non_null(json_object_get(src, actor_keys[i]));
    json_t *fr = json_object_get(e, "first_report");
    assert_string_equal(json_string_value(json_object_get(fr, "doc")),
                        (const char *)sqlite3_column_text(st, 4));
    if (sqlite3_column_type(st, 5) == SQLITE_NULL)
        assert_true(json_is_null(json_object_get(e, "target")));
    sqlite3_finalize(st);
}

static void test_events_list(void **state)
{
    (void)state;
    srt_reply r;
    json_t *v = srt_json(F.server.port, "/api/events", &r);
    assert_int_equal(json_integer_value(json_object_get(v, "total")),
                     count("SELECT count(*) FROM events"));
    assert_int_equal(json_integer_value(json_object_get(v, "page")), 1);
    assert_int_equal(json_integer_value(json_object_get(v, "per_page")), 50);
    json_t *events = json_object_get(v, "events");
    assert_int_equal(json_array_size(events), 4);
    /* newest first: date, then id, descending */
    sqlite3_stmt *st;
    sqlite3_prepare_v2(F.sql, "SELECT id FROM events ORDER BY date DESC, id DESC", -1, &st, NULL);
    size_t i;
    json_t *e;
    json_array_foreach(events, i, e)
    {
        assert_int_equal(sqlite3_step(st), SQLITE_ROW);
        assert_int_equal(json_integer_value(json_object_get(e, "id")), sqlite3_column_int64(st, 0));
        assert_event(e);
    }
    sqlite3_finalize(st);
    srt_reply_free(&r);
}

/* Pages of 1 and of 3 give the same ids in the same order, without overlap. */
static void test_pagination(void **state)
{
    (void)state;
    srt_reply all, r;
    json_t *ev =
        json_object_get(srt_json(F.server.port, "/api/events?per_page=200", &all), "events");
    for (int page = 1; page <= 5; page++) {
        char path[128];
        snprintf(path, sizeof path, "/api/events?page=%d&per_page=1", page);
        json_t *v = srt_json(F.server.port, path, &r);
        json_t *got = json_object_get(v, "events");
        assert_int_equal(json_integer_value(json_object_get(v, "total")), 4);
        assert_int_equal(json_integer_value(json_object_get(v, "page")), page);
        if (page <= 4) {
            assert_int_equal(json_array_size(got), 1);
            assert_int_equal(
                json_integer_value(json_object_get(json_array_get(got, 0), "id")),
                json_integer_value(json_object_get(json_array_get(ev, (size_t)page - 1), "id")));
        } else {
            assert_int_equal(json_array_size(got), 0); /* past the end: empty, not an error */
        }
        srt_reply_free(&r);
    }
    json_t *v = srt_json(F.server.port, "/api/events?page=2&per_page=3", &r);
    assert_int_equal(json_array_size(json_object_get(v, "events")), 1);
    srt_reply_free(&r);
    srt_reply_free(&all);
}

/* Each filter: the API's total equals SQL's count with the same condition. */
static void test_filters(void **state)
{
    (void)state;
    static const struct {
        const char *query, *where;
        long long expect; /* known answer on the fixture, as a check on the SQL too */
    } cases[] = {
        {"country=UKR", "'UKR' IN (source_country, target_country, place_country)", 2},
        {"country=TUR", "'TUR' IN (source_country, target_country, place_country)", 1},
        {"country=ZZZ", "0", 0},
        {"actor=RUS", "source_code LIKE 'RUS%' OR target_code LIKE 'RUS%'", 3},
        {"actor=RUSGOV", "source_code = 'RUSGOV' OR target_code = 'RUSGOV'", 2},
        {"actor=lavrov-sergei", "source_entity = 'lavrov-sergei'", 1},
        {"actor=R_S", "0", 0}, /* '_' is no wildcard */
        {"root=19", "cameo_root = '19'", 1},
        {"root=04", "cameo_root = '04'", 1},
        {"plover=ASSAULT", "plover = 'ASSAULT'", 1},
        {"quad=1", "quad_class = 1", 2},
        {"quad=4", "quad_class = 4", 1},
        {"from=2025-07-14", "date >= '2025-07-14'", 3},
        {"to=2025-07-14", "date <= '2025-07-14'", 3},
        {"from=2025-07-14&to=2025-07-14", "date = '2025-07-14'", 2},
        {"q=Sumy", "id = 1001", 1},
        {"q=Lavrov%20OR%20Istanbul", "id IN (1002, 1004)", 2},
        {"q=%22alert%22", "0", 0}, /* the sentence with markup has no event */
        {"country=UKR&quad=4&from=2025-01-01&actor=RUS&root=19&plover=ASSAULT&q=struck",
         "id = 1001", 1},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char path[512], sql[512];
        snprintf(path, sizeof path, "/api/events?%s", cases[i].query);
        snprintf(sql, sizeof sql, "SELECT count(*) FROM events WHERE %s", cases[i].where);
        srt_reply r;
        json_t *v = srt_json(F.server.port, path, &r);
        long long want = count(sql);
        assert_int_equal(want, cases[i].expect);
        if (json_integer_value(json_object_get(v, "total")) != want)
            fail_msg("%s: total %lld, SQL says %lld", path,
                     (long long)json_integer_value(json_object_get(v, "total")), want);
        assert_int_equal(json_array_size(json_object_get(v, "events")), (size_t)want);
        srt_reply_free(&r);
        /* the other endpoints take the same filters */
        snprintf(path, sizeof path, "/api/timeline?%s", cases[i].query);
        json_t *t = srt_json(F.server.port, path, &r);
        long long sum = 0;
        size_t k;
        json_t *day;
        json_array_foreach(json_object_get(t, "days"), k, day)
        {
            const char *key;
            json_t *n;
            json_object_foreach(json_object_get(day, "counts"), key, n) sum +=
                json_integer_value(n);
        }
        assert_int_equal(sum, want);
        srt_reply_free(&r);
        snprintf(path, sizeof path, "/api/map?%s", cases[i].query);
        srt_json(F.server.port, path, &r);
        srt_reply_free(&r);
        snprintf(path, sizeof path, "/api/dyads?%s&limit=5", cases[i].query);
        srt_json(F.server.port, path, &r);
        srt_reply_free(&r);
    }
}

/*
** Every combination of the eight filters (256 SQL texts, more than the
** statement cache holds, so slots are taken over): each total is SQL's.
*/
static void test_filter_combinations(void **state)
{
    (void)state;
    static const char *const query[8] = {
        "from=2025-05-01", "to=2025-07-14",  "actor=RUS", "country=UKR",
        "root=19",         "plover=ASSAULT", "quad=4",    "q=struck%20OR%20met"};
    static const char *const where[8] = {"date >= '2025-05-01'",
                                         "date <= '2025-07-14'",
                                         "(source_code LIKE 'RUS%' OR target_code LIKE 'RUS%')",
                                         "'UKR' IN (source_country, target_country, place_country)",
                                         "cameo_root = '19'",
                                         "plover = 'ASSAULT'",
                                         "quad_class = 4",
                                         "id IN (1001, 1004)"};
    for (unsigned mask = 0; mask < 256; mask++) {
        char filters[512] = "", path[600], sql[1024] = "SELECT count(*) FROM events WHERE 1";
        for (int f = 0; f < 8; f++)
            if (mask & (1u << f)) {
                strcat(filters, "&");
                strcat(filters, query[f]);
                strcat(sql, " AND ");
                strcat(sql, where[f]);
            }
        srt_reply r;
        snprintf(path, sizeof path, "/api/events?per_page=1%s", filters);
        json_t *v = srt_json(F.server.port, path, &r);
        if (json_integer_value(json_object_get(v, "total")) != count(sql))
            fail_msg("%s: total %lld, SQL %lld", path,
                     (long long)json_integer_value(json_object_get(v, "total")), count(sql));
        srt_reply_free(&r);
        snprintf(path, sizeof path, "/api/timeline?by=quad%s", filters);
        srt_json(F.server.port, path, &r);
        srt_reply_free(&r);
    }
}

static void test_event_one(void **state)
{
    (void)state;
    srt_reply r;
    json_t *e = srt_json(F.server.port, "/api/events/1001", &r);
    assert_event(e);
    json_t *ms = json_object_get(e, "mentions");
    assert_int_equal(json_array_size(ms), 2);
    json_t *m = json_array_get(ms, 0);
    static const char *const keys[] = {"id",       "doc",     "title",      "date",
                                       "sentence", "text",    "cameo",      "source",
                                       "target",   "trigger", "confidence", "modality"};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        if (!json_object_get(m, keys[i]))
            fail_msg("mention without \"%s\"", keys[i]);
    /* spans are characters: "Russian forces" at 0..14, "struck" at 15..21 */
    json_t *src = json_object_get(m, "source");
    assert_string_equal(json_string_value(json_object_get(src, "text")), "Russian forces");
    assert_int_equal(json_integer_value(json_object_get(src, "start")), 0);
    assert_int_equal(json_integer_value(json_object_get(src, "end")), 14);
    json_t *trig = json_object_get(m, "trigger");
    assert_string_equal(json_string_value(json_object_get(trig, "text")), "struck");
    assert_int_equal(json_integer_value(json_object_get(trig, "start")), 15);
    srt_reply_free(&r);

    /* a span after non-ASCII letters: characters, not bytes */
    e = srt_json(F.server.port, "/api/events/1002", &r);
    m = json_array_get(json_object_get(e, "mentions"), 0);
    src = json_object_get(m, "source");
    assert_string_equal(json_string_value(json_object_get(src, "text")), "Sergei Lavrov");
    assert_int_equal(json_integer_value(json_object_get(src, "start")),
                     count("SELECT instr(text, 'Sergei') - 1 FROM documents WHERE id = 'hostile'"));
    json_t *tgt = json_object_get(m, "target");
    assert_string_equal(json_string_value(json_object_get(tgt, "text")), "European governments");
    srt_reply_free(&r);

    /* a statement has no target */
    e = srt_json(F.server.port, "/api/events/1003", &r);
    assert_true(json_is_null(json_object_get(e, "target")));
    assert_true(
        json_is_null(json_object_get(json_array_get(json_object_get(e, "mentions"), 0), "target")));
    srt_reply_free(&r);

    assert_error("/api/events/999999", 404, "no event");
    assert_error("/api/events/12abc", 400, "event id");
    assert_error("/api/events/-1", 400, "event id");
    assert_error("/api/events/99999999999999999999", 400, "event id");
    assert_error("/api/events/1'%20OR%201=1", 400, "event id");
}

static void test_documents(void **state)
{
    (void)state;
    srt_reply r;
    json_t *d = srt_json(F.server.port, "/api/documents/hostile", &r);
    sqlite3_stmt *st;
    sqlite3_prepare_v2(F.sql, "SELECT title, text, url, source FROM documents WHERE id = 'hostile'",
                       -1, &st, NULL);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    /* hostile text comes back exactly, as JSON string data */
    assert_string_equal(json_string_value(json_object_get(d, "title")),
                        (const char *)sqlite3_column_text(st, 0));
    assert_string_equal(json_string_value(json_object_get(d, "text")),
                        (const char *)sqlite3_column_text(st, 1));
    assert_string_equal(json_string_value(json_object_get(d, "url")),
                        (const char *)sqlite3_column_text(st, 2));
    assert_string_equal(json_string_value(json_object_get(d, "source")),
                        (const char *)sqlite3_column_text(st, 3));
    sqlite3_finalize(st);
    assert_non_null(strstr(json_string_value(json_object_get(d, "title")), "<script>"));
    /* ... and never as markup bytes: no '<' anywhere in the body */
    assert_null(strchr(r.body, '<'));
    assert_null(strchr(r.body, '>'));
    assert_non_null(strstr(r.body, "\\u003cscript\\u003e"));
    json_t *sents = json_object_get(d, "sentences");
    assert_int_equal(json_array_size(sents), 3);
    json_t *s2 = json_array_get(sents, 2);
    assert_int_equal(json_integer_value(json_object_get(s2, "start")),
                     count("SELECT cstart FROM sentences WHERE doc_id = 'hostile' AND idx = 2"));
    json_t *ms = json_object_get(d, "mentions");
    assert_int_equal(json_array_size(ms),
                     count("SELECT count(*) FROM mentions WHERE doc_id = 'hostile'"));
    /* the hostile actor name */
    json_t *lav = json_object_get(json_array_get(ms, 1), "source");
    assert_string_equal(json_string_value(json_object_get(lav, "name")),
                        "Sergei \"<b>Lavrov</b>\" \\ <script>alert(2)</script>");
    srt_reply_free(&r);

    assert_error("/api/documents/nope", 404, "no such document");
    assert_error("/api/documents/a%01b", 400, "control");
    assert_error("/api/documents/%ff", 400, "UTF-8");
    assert_error("/api/documents/hostile'%20OR%20'1'='1", 404, NULL);
    assert_error("/api/documents/hostile?x=1", 400, "unknown parameter x");
}

static void test_timeline_map_dyads(void **state)
{
    (void)state;
    srt_reply r;
    json_t *t = srt_json(F.server.port, "/api/timeline", &r);
    assert_string_equal(json_string_value(json_object_get(t, "by")), "plover");
    json_t *days = json_object_get(t, "days");
    assert_int_equal(json_array_size(days), count("SELECT count(DISTINCT date) FROM events"));
    json_t *d1 = json_array_get(days, 1);
    assert_string_equal(json_string_value(json_object_get(d1, "date")), "2025-07-14");
    assert_int_equal(json_integer_value(json_object_get(json_object_get(d1, "counts"), "ASSAULT")),
                     1);
    /* an event with no PLOVER type (a statement) counts under NONE */
    json_t *d2 = json_array_get(days, 2);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(d2, "counts"), "NONE")), 1);
    srt_reply_free(&r);

    t = srt_json(F.server.port, "/api/timeline?by=quad", &r);
    assert_string_equal(json_string_value(json_object_get(t, "by")), "quad");
    d1 = json_array_get(json_object_get(t, "days"), 1);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(d1, "counts"), "4")), 1);
    assert_int_equal(json_integer_value(json_object_get(json_object_get(d1, "counts"), "3")), 1);
    srt_reply_free(&r);

    json_t *m = srt_json(F.server.port, "/api/map", &r);
    json_t *c0 = json_array_get(json_object_get(m, "countries"), 0);
    assert_string_equal(json_string_value(json_object_get(c0, "iso3")), "UKR");
    assert_string_equal(json_string_value(json_object_get(c0, "numeric")), "804");
    assert_string_equal(json_string_value(json_object_get(c0, "name")), "Ukraine");
    assert_int_equal(json_integer_value(json_object_get(c0, "events")), 2);
    size_t i;
    json_t *c;
    long long sum = 0;
    json_array_foreach(json_object_get(m, "countries"), i, c)
    {
        sum += json_integer_value(json_object_get(c, "events"));
        if (strcmp(json_string_value(json_object_get(c, "iso3")), "EUR") == 0)
            assert_true(json_is_null(json_object_get(c, "numeric"))); /* not an ISO country */
    }
    assert_int_equal(sum, count("SELECT count(*) FROM events WHERE"
                                " coalesce(place_country, target_country, source_country)"
                                " IS NOT NULL"));
    json_t *places = json_object_get(m, "places");
    assert_int_equal(json_array_size(places), count("SELECT count(DISTINCT place_name) FROM events"
                                                    " WHERE place_lat IS NOT NULL"));
    json_t *p0 = json_array_get(places, 0);
    assert_non_null(json_object_get(p0, "lat"));
    assert_non_null(json_object_get(p0, "lon"));
    srt_reply_free(&r);

    json_t *dy = srt_json(F.server.port, "/api/dyads?limit=2", &r);
    json_t *dyads = json_object_get(dy, "dyads");
    assert_int_equal(json_array_size(dyads), 2);
    json_t *top = json_array_get(dyads, 0);
    assert_string_equal(json_string_value(json_object_get(top, "source")), "RUS");
    assert_string_equal(json_string_value(json_object_get(top, "target")), "UKR");
    assert_int_equal(json_integer_value(json_object_get(top, "events")), 1);
    assert_int_equal(json_integer_value(json_object_get(top, "mentions")), 2);
    srt_reply_free(&r);
}

/* Every bad parameter of docs/serve-api.md is a 400 that names it, with no effect. */
static void test_bad_parameters(void **state)
{
    (void)state;
    static const struct {
        const char *path, *says;
    } bad[] = {
        {"/api/events?page=-1", "page"},
        {"/api/events?page=0", "page"},
        {"/api/events?page=100001", "page"},
        {"/api/events?page=1e3", "page"},
        {"/api/events?page=", "page"},
        {"/api/events?page", "page"},
        {"/api/events?per_page=0", "per_page"},
        {"/api/events?per_page=201", "per_page"},
        {"/api/events?per_page=%2050", "per_page"},
        {"/api/events?country=UKR'%20OR%201=1--", "country"},
        {"/api/events?country=ukr", "country"},
        {"/api/events?country=UKRA", "country"},
        {"/api/events?actor=RUS'%20OR%20'1'='1", "actor"},
        {"/api/events?actor=RUS*", "actor"},
        {"/api/events?actor=RUS%25", "actor"},
        {"/api/events?actor=RUS%00", "actor"},
        {"/api/events?root=21", "root"},
        {"/api/events?root=00", "root"},
        {"/api/events?root=1", "root"},
        {"/api/events?root=19;DROP%20TABLE%20events", "root"},
        {"/api/events?plover=assault", "plover"},
        {"/api/events?plover=NOSUCHTYPE", "plover"},
        {"/api/events?quad=0", "quad"},
        {"/api/events?quad=5", "quad"},
        {"/api/events?from=2025-13-01", "from"},
        {"/api/events?from=2025-02-29", "from"},
        {"/api/events?to=20250101", "to"},
        {"/api/events?to=2025-01-01'", "to"},
        {"/api/events?from=2025-08-01&to=2025-07-01", "from is after to"},
        {"/api/events?q=%22unterminated", "q"},
        {"/api/events?q=nosuchcolumn:x", "q"},
        {"/api/events?q=%ff%fe", "q"},
        {"/api/timeline?by=day", "by"},
        {"/api/dyads?limit=0", "limit"},
        {"/api/dyads?limit=101", "limit"},
        {"/api/events?limit=5", "unknown parameter limit"},
        {"/api/map?by=quad", "unknown parameter by"},
        {"/api/meta?page=1", "unknown parameter page"},
        {"/api/events?nosuch=1", "unknown parameter nosuch"},
        {"/api/events?quad=1&quad=2", "more than once"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_error(bad[i].path, 400, bad[i].says);
    /* actor at most 64 bytes, q at most 200: the bound passes, one more byte does not */
    char path[512];
    snprintf(path, sizeof path, "/api/events?actor=%064d", 0);
    srt_reply r;
    srt_json(F.server.port, path, &r);
    srt_reply_free(&r);
    snprintf(path, sizeof path, "/api/events?actor=%065d", 0);
    assert_error(path, 400, "actor");
    snprintf(path, sizeof path, "/api/events?q=%0200d", 0);
    srt_json(F.server.port, path, &r);
    srt_reply_free(&r);
    snprintf(path, sizeof path, "/api/events?q=%0201d", 0);
    assert_error(path, 400, "q");
    /* no effect: the database is as it was */
    assert_int_equal(count("SELECT count(*) FROM events"), 4);
    assert_int_equal(count("SELECT count(*) FROM documents"), 3);
}

/*
** A 10 MB query string: libmicrohttpd refuses the request line before the
** handler runs, with 414 (the connection memory limit; see README); a
** query string that fits but is over a parameter's bounds is a 400.
*/
static void test_oversized(void **state)
{
    (void)state;
    size_t big = 10u << 20;
    char *req = malloc(big + 128);
    int n = sprintf(req, "GET /api/events?q=");
    memset(req + n, 'a', big);
    strcpy(req + n + big, " HTTP/1.1\r\nHost: x\r\n\r\n");
    srt_reply r;
    assert_int_equal(srt_raw(F.server.port, req, strlen(req), &r), 0);
    assert_int_equal(r.status, 414);
    srt_reply_free(&r);
    /* 40 kB: within the connection's memory, so the handler answers */
    memset(req + n, 'a', 40000);
    strcpy(req + n + 40000, " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert_int_equal(srt_raw(F.server.port, req, strlen(req), &r), 0);
    assert_int_equal(r.status, 400);
    assert_non_null(strstr(json_string_value(json_object_get(r.json, "error")), "q is longer"));
    srt_reply_free(&r);
    /* many parameters */
    char *p = req + sprintf(req, "/api/events?");
    for (int i = 0; i < 40; i++)
        p += sprintf(p, "page=1&");
    assert_error(req, 400, "page");
    free(req);
    /* the server still answers */
    srt_json(F.server.port, "/api/meta", &r);
    srt_reply_free(&r);
}

static void test_not_found_and_methods(void **state)
{
    (void)state;
    assert_error("/nope", 404, NULL);
    assert_error("/api", 404, NULL);
    assert_error("/api/", 404, NULL);
    assert_error("/api/events/", 404, NULL);
    assert_error("/api/documents/", 404, NULL);
    assert_error("/api/eventsx", 404, NULL);
    assert_error("/static/nosuch.js", 404, NULL);
    static const char *const methods[] = {"POST", "PUT", "DELETE", "OPTIONS", "PATCH"};
    for (size_t i = 0; i < sizeof methods / sizeof *methods; i++) {
        srt_reply r;
        srt_request(F.server.port, methods[i], "/api/meta", &r);
        assert_int_equal(r.status, 405);
        char *allow = srt_header(&r, "Allow");
        assert_string_equal(allow, "GET, HEAD");
        free(allow);
        assert_security_headers(&r);
        srt_reply_free(&r);
    }
    /* a POST with a body */
    static const char post[] = "POST /api/meta HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                               "Connection: close\r\n\r\nhello";
    srt_reply r;
    assert_int_equal(srt_raw(F.server.port, post, sizeof post - 1, &r), 0);
    assert_int_equal(r.status, 405);
    srt_reply_free(&r);
    /* HEAD: the headers of GET, no body */
    srt_request(F.server.port, "HEAD", "/api/meta", &r);
    assert_int_equal(r.status, 200);
    assert_int_equal(r.len, 0);
    char *clen = srt_header(&r, "Content-Length");
    assert_non_null(clen);
    assert_true(atoi(clen) > 0);
    free(clen);
    assert_security_headers(&r);
    srt_reply_free(&r);
}

static void test_static(void **state)
{
    (void)state;
    static const struct {
        const char *path, *type, *starts;
    } files[] = {
        {"/", "text/html; charset=utf-8", "<!doctype html>"},
        {"/static/index.html", "text/html; charset=utf-8", "<!doctype html>"},
        {"/static/app.js", "text/javascript; charset=utf-8", "console.log"},
        {"/static/style.css", "text/css; charset=utf-8", "body"},
        {"/static/lib/countries-110m.json", "application/json; charset=utf-8", "{\"type\""},
    };
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        srt_reply r;
        srt_get(F.server.port, files[i].path, &r);
        assert_int_equal(r.status, 200);
        char *type = srt_header(&r, "Content-Type");
        assert_string_equal(type, files[i].type);
        free(type);
        assert_security_headers(&r);
        assert_memory_equal(r.body, files[i].starts, strlen(files[i].starts));
        srt_reply_free(&r);
    }
    /* traversal, absolute paths, hidden files, links out of the directory */
    static const char *const refused[] = {
        "/static/../secret.txt",
        "/static/%2e%2e/secret.txt",
        "/static/lib/../../secret.txt",
        "/static/..%2fsecret.txt",
        "/static//etc/passwd",
        "/static/%2fetc/passwd",
        "/static/.hidden",
        "/static/lib/",
        "/static/escape.txt",
        "/static/a%5c..%5csecret.txt",
        "/static/",
        "/static/lib%00.js",
    };
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
        srt_reply r;
        srt_get(F.server.port, refused[i], &r);
        if (r.status != 400 && r.status != 404)
            fail_msg("GET %s: %d", refused[i], r.status);
        assert_null(strstr(r.body, "SECRET"));
        assert_null(strstr(r.body, "root:"));
        assert_security_headers(&r);
        srt_reply_free(&r);
    }
    /* a raw request line with "..", which clients normalize away */
    static const char raw[] = "GET /static/../secret.txt HTTP/1.1\r\nHost: x\r\n"
                              "Connection: close\r\n\r\n";
    srt_reply r;
    assert_int_equal(srt_raw(F.server.port, raw, sizeof raw - 1, &r), 0);
    assert_int_equal(r.status, 400);
    assert_null(strstr(r.body, "SECRET"));
    srt_reply_free(&r);
}

/* Requests on one kept-alive connection: the server keeps it open. */
static void test_keep_alive(void **state)
{
    (void)state;
    char req[512];
    size_t n = 0;
    for (int i = 0; i < 3; i++)
        n +=
            (size_t)snprintf(req + n, sizeof req - n, "GET /api/meta HTTP/1.1\r\nHost: x\r\n%s\r\n",
                             i == 2 ? "Connection: close\r\n" : "");
    srt_reply r;
    assert_int_equal(srt_raw(F.server.port, req, n, &r), 0);
    assert_int_equal(r.status, 200);
    int answers = 1;
    for (const char *p = r.body; (p = strstr(p, "HTTP/1.1 200")); p++)
        answers++;
    assert_int_equal(answers, 3);
    srt_reply_free(&r);
}

/* Where the page is found without --web: --data DIR's web/, else $SITREP_DATA's. */
static void test_web_dir(void **state)
{
    (void)state;
    char args[256];
    snprintf(args, sizeof args, "--threads 1 --data '%s'", F.dir);
    for (int how = 0; how < 2; how++) {
        srt_server s;
        if (how == 1)
            setenv("SITREP_DATA", F.dir, 1);
        assert_int_equal(srt_start(&s, F.db, how == 0 ? args : "--threads 1"), 0);
        unsetenv("SITREP_DATA");
        srt_reply r;
        srt_get(s.port, "/", &r);
        assert_int_equal(r.status, 200);
        assert_memory_equal(r.body, "<!doctype html>", 15);
        srt_reply_free(&r);
        assert_int_equal(srt_stop(&s), 0);
    }
}

/* Start-up errors: each with a message that says what is wrong. */
static void test_startup_errors(void **state)
{
    (void)state;
    char cmd[1024], out[4096];
    static const struct {
        const char *args, *says;
    } cases[] = {
        {"--db /nonexistent/events.db", "No such file"},
        {"--db " SR_SOURCE_DIR "/README.md", "not a sitrep database"},
        {"", "--db FILE is required"},
        {"--db x.db --port 70000", "--port"},
        {"--db x.db --threads 0", "--threads"},
        {"--db x.db --bind nowhere", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        snprintf(cmd, sizeof cmd, "'%s' serve %s 2>&1", SR_CLI, cases[i].args);
        FILE *p = popen(cmd, "r");
        size_t n = fread(out, 1, sizeof out - 1, p);
        out[n] = '\0';
        int st = pclose(p);
        assert_int_equal(WEXITSTATUS(st), 2);
        if (cases[i].says && !strstr(out, cases[i].says))
            fail_msg("serve %s: \"%s\" does not say \"%s\"", cases[i].args, out, cases[i].says);
    }
    /* another program's SQLite database, and a sitrep database of schema 3 */
    char db[160];
    snprintf(db, sizeof db, "%s/other.db", F.dir);
    sqlite3 *h;
    sqlite3_open(db, &h);
    sqlite3_exec(h, "CREATE TABLE t (x)", NULL, NULL, NULL);
    sqlite3_close(h);
    snprintf(cmd, sizeof cmd, "'%s' serve --db '%s' 2>&1", SR_CLI, db);
    FILE *p = popen(cmd, "r");
    out[fread(out, 1, sizeof out - 1, p)] = '\0';
    assert_int_equal(WEXITSTATUS(pclose(p)), 2);
    assert_non_null(strstr(out, "not a sitrep database"));
    snprintf(db, sizeof db, "%s/v3.db", F.dir);
    sqlite3_open(db, &h);
    sqlite3_exec(h, "CREATE TABLE documents (id TEXT); PRAGMA user_version = 3", NULL, NULL, NULL);
    sqlite3_close(h);
    snprintf(cmd, sizeof cmd, "'%s' serve --db '%s' 2>&1", SR_CLI, db);
    p = popen(cmd, "r");
    out[fread(out, 1, sizeof out - 1, p)] = '\0';
    assert_int_equal(WEXITSTATUS(pclose(p)), 2);
    assert_non_null(strstr(out, "schema version 3"));
    assert_non_null(strstr(out, "version 4"));
    /* the port the running server holds */
    snprintf(cmd, sizeof cmd, "'%s' serve --db '%s' --port %d 2>&1", SR_CLI, F.db, F.server.port);
    p = popen(cmd, "r");
    out[fread(out, 1, sizeof out - 1, p)] = '\0';
    assert_int_equal(WEXITSTATUS(pclose(p)), 2);
    assert_non_null(strstr(out, "Address already in use"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_meta),
        cmocka_unit_test(test_events_list),
        cmocka_unit_test(test_pagination),
        cmocka_unit_test(test_filters),
        cmocka_unit_test(test_filter_combinations),
        cmocka_unit_test(test_event_one),
        cmocka_unit_test(test_documents),
        cmocka_unit_test(test_timeline_map_dyads),
        cmocka_unit_test(test_bad_parameters),
        cmocka_unit_test(test_oversized),
        cmocka_unit_test(test_not_found_and_methods),
        cmocka_unit_test(test_static),
        cmocka_unit_test(test_keep_alive),
        cmocka_unit_test(test_web_dir),
        cmocka_unit_test(test_startup_errors),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
