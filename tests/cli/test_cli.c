/*
** test_cli.c: the sitrep command end to end: output schema and spans, the
** SQLite store, thread-independent output order, and bad input (invalid
** UTF-8, binary junk, empty files, a 10 MB line, malformed JSON, a missing
** date, an HTML page without a body), each of which must be reported with
** its place and must not stop the other inputs from being coded.
*/
#include "sr_test.h"
#include "sr_test_db.h"

#include <jansson.h>
#include <sqlite3.h>
#include <sys/wait.h>

#define SEED SR_SHARED_DIR "/seed/nato-security-guarantees.txt"
/* Scratch files of this process: checkouts tested at once must not share them. */
static char OUT[64], ERR[64], DB[64];

/* Run `sitrep ARGS > OUT 2> ERR`; returns the exit status. */
static int run(const char *args)
{
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "'%s' %s > %s 2> %s < /dev/null", SR_CLI, args, OUT, ERR);
    int st = system(cmd);
    assert_true(WIFEXITED(st));
    return WEXITSTATUS(st);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    if (len)
        *len = (size_t)n;
    return buf;
}

static int count_lines(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

/* obj's {"text","span":[a,b]} must be exactly text[a..b). */
static void assert_span_matches(json_t *obj, const char *text, size_t len)
{
    json_t *span = json_object_get(obj, "span");
    assert_true(json_is_array(span));
    json_int_t a = json_integer_value(json_array_get(span, 0));
    json_int_t b = json_integer_value(json_array_get(span, 1));
    assert_true(a >= 0 && a <= b && (size_t)b <= len);
    const char *got = json_string_value(json_object_get(obj, "text"));
    assert_non_null(got);
    assert_int_equal(strlen(got), (size_t)(b - a));
    assert_memory_equal(got, text + a, (size_t)(b - a));
}

/* Every JSONL event line is valid and every span points at its text. */
static int check_events(const char *out, const char *text, size_t len)
{
    int n = 0;
    for (const char *line = out; *line;) {
        const char *nl = strchr(line, '\n');
        assert_non_null(nl);
        json_error_t jerr;
        json_t *ev = json_loadb(line, (size_t)(nl - line), 0, &jerr);
        assert_non_null(ev);
        assert_string_equal(json_string_value(json_object_get(ev, "doc_date")), "2025-08-20");
        /* The event's date: the document's, or one a date expression set. */
        const char *date = json_string_value(json_object_get(ev, "date"));
        const char *prec = json_string_value(json_object_get(ev, "date_precision"));
        assert_non_null(date);
        assert_non_null(prec);
        if (strcmp(prec, "publication") == 0)
            assert_string_equal(date, "2025-08-20");
        else
            assert_span_matches(json_object_get(ev, "date_span"), text, len);
        assert_true(json_is_integer(json_object_get(ev, "sentence")));
        assert_true(json_is_string(json_object_get(ev, "cameo")));
        /* PLOVER has no type for CAMEO's root 01 (public statements). */
        json_t *plover = json_object_get(ev, "plover");
        assert_true(json_is_string(plover) || json_is_null(plover));
        json_int_t quad = json_integer_value(json_object_get(ev, "quad_class"));
        assert_true(quad >= 1 && quad <= 4);
        double g = json_number_value(json_object_get(ev, "goldstein"));
        assert_true(g >= -10 && g <= 10);
        json_t *src = json_object_get(ev, "source");
        assert_true(json_is_string(json_object_get(src, "code")));
        assert_span_matches(src, text, len);
        json_t *tgt = json_object_get(ev, "target");
        if (!json_is_null(tgt))
            assert_span_matches(tgt, text, len);
        assert_span_matches(json_object_get(ev, "trigger"), text, len);
        assert_span_matches(json_object_get(ev, "evidence"), text, len);
        json_decref(ev);
        n++;
        line = nl + 1;
    }
    return n;
}

static void seed_article_codes_with_valid_spans(void **state)
{
    (void)state;
    if (access(SEED, R_OK) != 0)
        skip();
    assert_int_equal(run("code --date 2025-08-20 '" SEED "'"), 0);
    size_t len;
    char *text = slurp(SEED, &len);
    char *out = slurp(OUT, NULL);
    assert_true(check_events(out, text, len) > 0);
    free(out);
    free(text);
}

static sqlite3_int64 db_count(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    sqlite3_int64 n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return n;
}

static void db_ingest_twice_replaces(void **state)
{
    (void)state;
    const char *db_path = DB;
    unlink(db_path);
    char args[512];
    snprintf(args, sizeof args, "code --date 2025-08-20 --db %s examples/nato-chiefs-meeting.txt",
             db_path);
    assert_int_equal(run(args), 0);
    char *out = slurp(OUT, NULL);
    int printed = count_lines(out);
    free(out);
    assert_int_equal(run(args), 0);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
    assert_int_equal(db_count(db, "SELECT count(*) FROM documents"), 1);
    assert_int_equal(db_count(db, "SELECT count(*) FROM mentions"), printed);
    assert_true(db_count(db, "SELECT count(*) FROM sentences") > 5);
    assert_true(db_count(db, "SELECT count(*) FROM actors") > 0);
    /* Evidence offsets in the database point into the stored text. */
    assert_int_equal(db_count(db,
                              "SELECT count(*) FROM mentions e JOIN documents d ON d.id = e.doc_id"
                              " WHERE substr(CAST(d.text AS BLOB), e.trigger_start + 1,"
                              " e.trigger_end - e.trigger_start) != CAST(e.trigger_text AS BLOB)"),
                     0);
    sqlite3_close(db);
    unlink(db_path);
}

/* Quote records: valid JSON, spans into the text, speakers resolved. */
static void quotes_format_and_attribute_tables(void **state)
{
    (void)state;
    const char *file = "examples/drone-strikes-sumy.txt";
    assert_int_equal(run("code --date 2025-08-20 --format quotes examples/drone-strikes-sumy.txt"),
                     0);
    size_t len;
    char *text = slurp(file, &len);
    char *out = slurp(OUT, NULL);
    int quotes = 0, zelensky = 0;
    for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
        json_error_t jerr;
        json_t *q = json_loads(line, 0, &jerr);
        assert_non_null(q);
        assert_span_matches(q, text, len);
        json_t *speaker = json_object_get(q, "speaker");
        if (!json_is_null(speaker)) {
            assert_span_matches(speaker, text, len);
            const char *name = json_string_value(json_object_get(speaker, "name"));
            zelensky += name && strcmp(name, "Volodymyr Zelensky") == 0;
        }
        assert_true(json_is_array(json_object_get(q, "events")));
        json_decref(q);
        quotes++;
    }
    assert_true(quotes >= 3);
    assert_true(zelensky >= 1);
    free(out);
    /* The same in SQLite, with places and counts; a version 1 database is upgraded. */
    const char *db_path = "/tmp/sitrep-cli-attr.db";
    unlink(db_path);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
    assert_int_equal(
        sqlite3_exec(db,
                     "CREATE TABLE documents (id TEXT PRIMARY KEY, date TEXT, title TEXT,"
                     " url TEXT, source TEXT, text TEXT NOT NULL);"
                     "CREATE TABLE events (id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL"
                     " REFERENCES documents(id) ON DELETE CASCADE, sentence INTEGER NOT"
                     " NULL, date TEXT, source_code TEXT, source_name TEXT, source_entity"
                     " TEXT, source_start INTEGER, source_end INTEGER, target_code TEXT,"
                     " target_name TEXT, target_entity TEXT, target_start INTEGER,"
                     " target_end INTEGER, cameo TEXT NOT NULL, plover TEXT, plover_mode"
                     " TEXT, quad_class INTEGER, goldstein REAL, trigger_start INTEGER,"
                     " trigger_end INTEGER, trigger_text TEXT, rule TEXT);"
                     "PRAGMA user_version = 1;",
                     NULL, NULL, NULL),
        SQLITE_OK);
    sqlite3_close(db);
    char args[512];
    snprintf(args, sizeof args, "code --date 2025-08-20 --db %s %s", db_path, file);
    assert_int_equal(run(args), 0);
    assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
    assert_int_equal(db_count(db, "PRAGMA user_version"), 4);
    assert_int_equal(db_count(db, "SELECT count(*) FROM quotes"), quotes);
    assert_true(db_count(db, "SELECT count(*) FROM counts") > 0);
    assert_true(db_count(db, "SELECT count(*) FROM events WHERE place_name = 'Sumy'"
                             " AND place_country = 'UKR'") > 0);
    assert_true(db_count(db, "SELECT count(*) FROM events WHERE killed = 4") > 0);
    /* Place and quote spans point into the stored text. */
    assert_int_equal(db_count(db,
                              "SELECT count(*) FROM mentions e JOIN documents d ON d.id = e.doc_id"
                              " WHERE e.place_name IS NOT NULL AND e.place_end <= e.place_start"),
                     0);
    assert_int_equal(db_count(db,
                              "SELECT count(*) FROM quotes q JOIN documents d ON d.id = q.doc_id"
                              " WHERE substr(CAST(d.text AS BLOB), q.start + 1, q.end - q.start)"
                              " != CAST(q.text AS BLOB)"),
                     0);
    sqlite3_close(db);
    unlink(db_path);
    free(text);
}

static void output_order_does_not_depend_on_threads(void **state)
{
    (void)state;
    const char *files = "--date 2025-08-20 examples/nato-chiefs-meeting.txt "
                        "examples/drone-strikes-sumy.txt examples/ceasefire-talks.txt "
                        "examples/sanctions-tariffs.txt examples/mt-damaged.txt "
                        "examples/protest-arrests.txt";
    char args[1024];
    snprintf(args, sizeof args, "code %s", files);
    assert_int_equal(run(args), 0);
    char *one = slurp(OUT, NULL);
    snprintf(args, sizeof args, "code -j 2 %s", files);
    assert_int_equal(run(args), 0);
    char *two = slurp(OUT, NULL);
    assert_string_equal(one, two);
    free(one);
    free(two);
}

static void bad_files_are_named_and_cost_nothing_else(void **state)
{
    (void)state;
    char *bad = sr_test_file(".txt", "Kyiv said\xc3\x28 no.", 14);
    char *junk = sr_test_file(".bin",
                              "\x7f"
                              "ELF\x02\x01\x01\0\0\0\0\0",
                              12);
    char *empty = sr_test_file(".txt", "", 0);
    char args[1024];
    snprintf(args, sizeof args, "code --date 2025-08-20 %s examples/nato-chiefs-meeting.txt %s %s",
             bad, junk, empty);
    assert_int_equal(run(args), 1);
    char *err = slurp(ERR, NULL);
    assert_non_null(strstr(err, bad));
    assert_non_null(strstr(err, ":1: byte 10: invalid UTF-8"));
    assert_non_null(strstr(err, junk));
    assert_non_null(strstr(err, "empty file"));
    char *out = slurp(OUT, NULL);
    assert_true(count_lines(out) > 0); /* the good article was still coded */
    free(out);
    free(err);
    sr_test_unlink(bad);
    sr_test_unlink(junk);
    sr_test_unlink(empty);
}

static void ten_megabyte_line_without_full_stop(void **state)
{
    (void)state;
    size_t len = 10u << 20;
    char *text = malloc(len);
    static const char words[] = "Russian forces attacked Ukrainian positions near Sumy and ";
    for (size_t i = 0; i < len; i++)
        text[i] = words[i % (sizeof words - 1)];
    char *path = sr_test_file(".txt", text, len);
    free(text);
    char args[512];
    snprintf(args, sizeof args, "code --date 2025-08-20 --format tsv %s", path);
    assert_int_equal(run(args), 0);
    snprintf(args, sizeof args, "segment %s", path);
    assert_int_equal(run(args), 0);
    sr_test_unlink(path);
}

static void malformed_json_line_is_reported(void **state)
{
    (void)state;
    const char jsonl[] =
        "{\"id\":\"one\",\"date\":\"2025-08-20\",\"text\":\"Russia attacked Ukraine.\"}\n"
        "{\"id\":\"two\",\"date\":\"2025-08-20\",\"text\":\"broken\n"
        "{\"id\":\"three\",\"text\":\"NATO met in Brussels.\"}\n";
    char *path = sr_test_file(".jsonl", jsonl, sizeof jsonl - 1);
    char args[512];
    snprintf(args, sizeof args, "segment --input jsonl %s", path);
    assert_int_equal(run(args), 1);
    char *err = slurp(ERR, NULL);
    char where[300];
    snprintf(where, sizeof where, "%s:2: byte", path);
    assert_non_null(strstr(err, where));
    assert_non_null(strstr(err, "malformed JSON"));
    assert_non_null(strstr(err, "three: no date")); /* a warning, not a failure */
    char *out = slurp(OUT, NULL);
    assert_non_null(strstr(out, "# doc = one"));
    assert_non_null(strstr(out, "# doc = three"));
    free(out);
    free(err);
    sr_test_unlink(path);
}

static void unreadable_input_is_reported_once(void **state)
{
    (void)state;
    /* A directory is named as one: one error, then the next input. */
    assert_int_equal(run("segment --input jsonl /tmp examples/articles.jsonl"), 1);
    char *err = slurp(ERR, NULL);
    assert_non_null(strstr(err, "/tmp: is a directory"));
    assert_null(strstr(strstr(err, "is a directory") + 1, "is a directory"));
    char *out = slurp(OUT, NULL);
    assert_non_null(strstr(out, "# doc = nato-chiefs-meeting"));
    free(out);
    free(err);
    assert_int_equal(run("code /nonexistent/article.txt"), 1);
    err = slurp(ERR, NULL);
    assert_non_null(strstr(err, "/nonexistent/article.txt: cannot open"));
    free(err);
}

static void html_without_body_is_reported(void **state)
{
    (void)state;
    const char html[] = "<html><head><title>x</title></head><body><nav>Menu</nav></body></html>";
    char *path = sr_test_file(".html", html, sizeof html - 1);
    char args[512];
    snprintf(args, sizeof args, "code --input html %s", path);
    assert_int_equal(run(args), 1);
    char *err = slurp(ERR, NULL);
    assert_non_null(strstr(err, "no article text"));
    free(err);
    sr_test_unlink(path);
}

static void usage_errors_exit_2_and_help_lists_options(void **state)
{
    (void)state;
    assert_int_equal(run(""), 2);
    assert_int_equal(run("frobnicate"), 2);
    assert_int_equal(run("code --format xml"), 2);
    assert_int_equal(run("code --date 2025-02-30"), 2);
    assert_int_equal(run("code -j 0"), 2);
    assert_int_equal(run("code --help"), 0);
    char *out = slurp(OUT, NULL);
    const char *opts[] = {"--date", "--id", "--input", "--format", "--db", "--threads", "--data"};
    for (size_t i = 0; i < sizeof opts / sizeof *opts; i++)
        assert_non_null(strstr(out, opts[i]));
    free(out);
}

static void gdelt_rows_have_61_columns(void **state)
{
    (void)state;
    assert_int_equal(run("code --format gdelt --date 2025-08-20 examples/nato-chiefs-meeting.txt"),
                     0);
    char *out = slurp(OUT, NULL);
    int rows = 0;
    for (char *line = out; *line;) {
        char *nl = strchr(line, '\n');
        int tabs = 0;
        for (char *p = line; p < nl; p++)
            tabs += *p == '\t';
        assert_int_equal(tabs, 60);
        /* SQLDATE is the event's date; DATEADDED (column 60) the article's. */
        const char *sqldate = line + strcspn(line, "\t") + 1;
        assert_true(strncmp(sqldate, "2025", 4) == 0 && sqldate[8] == '\t');
        const char *added = line;
        for (int col = 0; col < 59; col++)
            added = strchr(added, '\t') + 1;
        assert_memory_equal(added, "20250820000000\t", 15);
        rows++;
        line = nl + 1;
    }
    assert_true(rows > 0);
    free(out);
}

static void segment_offsets_point_into_the_input(void **state)
{
    (void)state;
    const char *file = "examples/mt-damaged.txt";
    char args[256];
    snprintf(args, sizeof args, "segment %s", file);
    assert_int_equal(run(args), 0);
    size_t len;
    char *text = slurp(file, &len);
    char *out = slurp(OUT, NULL);
    int tokens = 0;
    for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
        unsigned idx, start, end;
        char form[1024];
        if (line[0] == '#' || sscanf(line, "%u\t%u\t%u\t%1023[^\t]", &idx, &start, &end, form) != 4)
            continue;
        assert_true(start < end && end <= len);
        /* The form is the text of its span (NFC of ASCII/NFC text is itself). */
        assert_memory_equal(form, text + start, end - start);
        tokens++;
    }
    assert_true(tokens > 100);
    free(out);
    free(text);
}

/* The rows of sql in the database at path, one per line. */
static char *db_rows(const char *path, const char *sql)
{
    return sr_test_db_rows(path, sql);
}

/*
** The same articles at -j 1 and -j 2, in one run or one per file in
** reverse order, give the same report ids and the same happenings.
*/
static void db_ids_and_events_do_not_depend_on_threads_or_order(void **state)
{
    (void)state;
    static const char *const files[] = {"examples/drone-strikes-sumy.txt",
                                        "examples/ceasefire-talks.txt",
                                        "examples/nato-chiefs-meeting.txt"};
    static const char q_reports[] =
        "SELECT id, hex_id, doc_id, sentence, cameo FROM mentions ORDER BY id";
    static const char q_events[] = "SELECT id, cameo, source_code, target_code, date, nmentions,"
                                   " narticles, first_report FROM events ORDER BY id";
    char path[1][128], args[1024];
    char *reports[3], *events[3];
    for (int run_kind = 0; run_kind < 3; run_kind++) {
        snprintf(path[0], sizeof path[0], "%s.%d", DB, run_kind);
        unlink(path[0]);
        if (run_kind < 2) {
            snprintf(args, sizeof args, "code --date 2025-07-14 -j %d --db %s %s %s %s",
                     run_kind + 1, path[0], files[0], files[1], files[2]);
            assert_int_equal(run(args), 0);
        } else {
            for (int i = 2; i >= 0; i--) {
                snprintf(args, sizeof args, "code --date 2025-07-14 --db %s %s", path[0], files[i]);
                assert_int_equal(run(args), 0);
            }
        }
        reports[run_kind] = db_rows(path[0], q_reports);
        events[run_kind] = db_rows(path[0], q_events);
        unlink(path[0]);
    }
    assert_true(count_lines(reports[0]) > 20);
    assert_true(count_lines(events[0]) > 10);
    for (int k = 1; k < 3; k++) {
        assert_string_equal(reports[0], reports[k]);
        assert_string_equal(events[0], events[k]);
    }
    for (int k = 0; k < 3; k++) {
        free(reports[k]);
        free(events[k]);
    }
}

/* sitrep export: the same story from its .txt and its .html counts as one event seen twice. */
static void export_counts_articles(void **state)
{
    (void)state;
    char args[1024];
    unlink(DB);
    snprintf(args, sizeof args, "code --date 2025-05-27 --db %s examples/ceasefire-talks.txt", DB);
    assert_int_equal(run(args), 0);
    snprintf(args, sizeof args, "code --input html --id page --db %s examples/page.html", DB);
    assert_int_equal(run(args), 0);
    snprintf(args, sizeof args, "export --db %s", DB);
    assert_int_equal(run(args), 0);
    char *out = slurp(OUT, NULL);
    int rows = 0, twice = 0, mentions = 0;
    for (char *line = out; *line; line = strchr(line, '\n') + 1) {
        int tabs = 0;
        const char *num_mentions = NULL, *num_articles = NULL;
        for (const char *p = line; *p != '\n'; p++) {
            if (*p == '\t' && ++tabs == 31)
                num_mentions = p + 1;
            if (*p == '\t' && tabs == 33)
                num_articles = p + 1;
        }
        assert_int_equal(tabs, 60);
        rows++;
        twice += num_articles && atoi(num_articles) == 2;
        mentions += num_mentions ? atoi(num_mentions) : 0;
    }
    assert_true(rows > 5);
    assert_int_equal(twice, rows); /* every event of the story, from both copies */
    free(out);
    snprintf(args, sizeof args, "export --db %s --mentions", DB);
    assert_int_equal(run(args), 0);
    out = slurp(OUT, NULL);
    assert_int_equal(count_lines(out), mentions);
    assert_true(mentions >= 2 * rows);
    free(out);
    assert_int_equal(run("export"), 2);
    unlink(DB);
}

int main(void)
{
    snprintf(OUT, sizeof OUT, "/tmp/sitrep-cli-test-%d.out", (int)getpid());
    snprintf(ERR, sizeof ERR, "/tmp/sitrep-cli-test-%d.err", (int)getpid());
    snprintf(DB, sizeof DB, "/tmp/sitrep-cli-test-%d.db", (int)getpid());
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed_article_codes_with_valid_spans),
        cmocka_unit_test(db_ingest_twice_replaces),
        cmocka_unit_test(db_ids_and_events_do_not_depend_on_threads_or_order),
        cmocka_unit_test(export_counts_articles),
        cmocka_unit_test(quotes_format_and_attribute_tables),
        cmocka_unit_test(output_order_does_not_depend_on_threads),
        cmocka_unit_test(bad_files_are_named_and_cost_nothing_else),
        cmocka_unit_test(ten_megabyte_line_without_full_stop),
        cmocka_unit_test(malformed_json_line_is_reported),
        cmocka_unit_test(html_without_body_is_reported),
        cmocka_unit_test(unreadable_input_is_reported_once),
        cmocka_unit_test(usage_errors_exit_2_and_help_lists_options),
        cmocka_unit_test(gdelt_rows_have_61_columns),
        cmocka_unit_test(segment_offsets_point_into_the_input),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    unlink(OUT);
    unlink(ERR);
    return failed;
}
