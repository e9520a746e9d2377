/*
** test_writer.c: a database served while `sitrep code --db` writes more
** documents into it.  Every answer during the writes is a 200 with valid
** JSON that agrees with itself (a page of events holds what its total
** says), the counts never go back, and once the writer is done the server
** gives what SQL gives.  Each request reads one snapshot (WAL), so a
** half-written document is never seen.
*/
#include "serve_test.h"

#include <sys/stat.h>

static const char *const articles[][2] = {
    {"drone-strikes-sumy.txt", "2025-07-14"}, {"ceasefire-talks.txt", "2025-05-27"},
    {"sanctions-tariffs.txt", "2025-07-18"},  {"mt-damaged.txt", "2025-08-27"},
    {"protest-arrests.txt", "2025-10-05"},
};

static int code(const char *db, const char *file, const char *date)
{
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "'%s' code --date %s --db '%s' examples/%s > /dev/null", SR_CLI, date,
             db, file);
    int st = system(cmd);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void test_concurrent_writer(void **state)
{
    (void)state;
    char dir[64] = "/tmp/sitrep-serve-XXXXXX", db[128];
    assert_non_null(mkdtemp(dir));
    snprintf(db, sizeof db, "%s/live.db", dir);
    assert_int_equal(code(db, "nato-chiefs-meeting.txt", "2025-08-20"), 0);
    if (srt_db_version(db) != 4) {
        fprintf(stderr, "this sitrep writes schema %d, not 4: skipped\n", srt_db_version(db));
        char cmd[128];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        assert_int_equal(system(cmd), 0);
        skip();
    }
    srt_server s;
    assert_int_equal(srt_start(&s, db, "--threads 4"), 0);

    pid_t writer = fork();
    assert_true(writer >= 0);
    if (writer == 0) {
        int bad = 0;
        for (int round = 0; round < 2; round++) /* the second round replaces the documents */
            for (size_t i = 0; i < sizeof articles / sizeof *articles; i++)
                bad |= code(db, articles[i][0], articles[i][1]) != 0;
        _exit(bad);
    }
    static const char *const paths[] = {"/api/meta",
                                        "/api/events?per_page=200",
                                        "/api/timeline",
                                        "/api/map",
                                        "/api/dyads?limit=100",
                                        "/api/events?q=Sumy&per_page=200",
                                        "/api/documents/nato-chiefs-meeting"};
    long long last_docs = 0;
    int requests = 0, done = 0, wst = 0;
    while (!done) {
        done = waitpid(writer, &wst, WNOHANG) == writer;
        for (size_t i = 0; i < sizeof paths / sizeof *paths; i++) {
            srt_reply r;
            json_t *v = srt_json(s.port, paths[i], &r);
            requests++;
            if (i == 0) {
                long long docs = json_integer_value(json_object_get(v, "documents"));
                assert_true(docs >= last_docs);
                last_docs = docs;
            }
            json_t *events = json_object_get(v, "events");
            if (events) {
                json_int_t total = json_integer_value(json_object_get(v, "total"));
                if (total <= 200)
                    assert_int_equal(json_array_size(events), (size_t)total);
            }
            srt_reply_free(&r);
        }
    }
    assert_true(WIFEXITED(wst));
    assert_int_equal(WEXITSTATUS(wst), 0);
    fprintf(stderr, "%d requests answered during the writes\n", requests);
    assert_true(requests >= 7);

    /* after the writes: what SQL says */
    sqlite3 *sql;
    assert_int_equal(sqlite3_open_v2(db, &sql, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    srt_reply r;
    json_t *m = srt_json(s.port, "/api/meta", &r);
    assert_int_equal(json_integer_value(json_object_get(m, "documents")), 6);
    assert_int_equal(json_integer_value(json_object_get(m, "documents")),
                     srt_sql_int(sql, "SELECT count(*) FROM documents"));
    assert_int_equal(json_integer_value(json_object_get(m, "events")),
                     srt_sql_int(sql, "SELECT count(*) FROM events"));
    assert_int_equal(json_integer_value(json_object_get(m, "mentions")),
                     srt_sql_int(sql, "SELECT count(*) FROM mentions"));
    srt_reply_free(&r);
    sqlite3_close(sql);
    assert_int_equal(srt_stop(&s), 0);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_concurrent_writer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
