/*
** test_db.c: the SQLite store on documents built by hand: schema 4's
** tables, views and lookup tables; report ids; character spans; full-text
** search; merging reports into happenings by every rule of
** docs/store-format.md#merging, and independently of the order documents
** arrive in; upgrading a version 3 database; refusing a newer one.
*/
#include <sqlite3.h>
#include <sys/stat.h>

#include "sr_test.h"
#include "sr_test_db.h"
#include "sr_test_write.h"

#include "api/doc_internal.h"
#include "util/util.h"

/* One report of a hand-built document. */
typedef struct spec {
    const char *src, *src_entity, *tgt, *tgt_entity, *cameo, *date;
    int precision;    /* SR_DATE_* */
    const char *city; /* NULL: no place */
    int64_t geonames;
} spec;

/* The sentence every hand-built document says; the source is its first word. */
static const char TEXT[] = "Росія's army struck Odesa overnight, officials said.";

/*
** A document with one report per spec, all in its one sentence: source
** "Росія's army", trigger "struck", target "Odesa".
*/
static sr_doc *make_doc(const char *id, const char *pub, const char *outlet, const spec *s,
                        size_t n)
{
    sr_doc_meta meta = {.id = id, .date = pub, .source = outlet, .title = id};
    sr_doc *d = sr_doc_new(NULL, &meta, TEXT, strlen(TEXT));
    d->sentences = sr_arena_calloc(&d->arena, 1, sizeof *d->sentences);
    d->sentences[0].span = (sr_span){0, (uint32_t)strlen(TEXT)};
    d->nsentences = 1;
    d->events = sr_arena_calloc(&d->arena, n, sizeof *d->events);
    uint32_t src_end = (uint32_t)(strstr(TEXT, " struck") - TEXT);
    uint32_t trig = src_end + 1, odesa = (uint32_t)(strstr(TEXT, "Odesa") - TEXT);
    for (size_t i = 0; i < n; i++) {
        sr_event *ev = &d->events[i];
        uint64_t h = sr_hash_bytes(id, strlen(id), i + 1);
        snprintf(ev->id, sizeof ev->id, "%016llx", (unsigned long long)h);
        ev->source = (sr_actor){s[i].src, "source", s[i].src_entity, {0, src_end}};
        if (s[i].tgt)
            ev->target = (sr_actor){s[i].tgt, "Odesa", s[i].tgt_entity, {odesa, odesa + 5}};
        ev->cameo = s[i].cameo;
        ev->plover = "ASSAULT";
        ev->quad_class = 4;
        ev->trigger = (sr_span){trig, trig + 6};
        ev->modality = "asserted";
        ev->confidence = 0.5 + 0.01 * (double)i;
        ev->date = s[i].date;
        ev->date_precision = (uint8_t)s[i].precision;
        ev->quote = -1;
        if (s[i].city)
            ev->place = (sr_place){s[i].city,      "UKR", "UA-51", "city",
                                   s[i].geonames,  46.5,  30.7,    {odesa, odesa + 5},
                                   SR_PLACE_EXACT, "UP"};
    }
    d->nevents = n;
    return d;
}

static char *db_path(void)
{
    static int n;
    char *p = malloc(128);
    snprintf(p, 128, "/tmp/sitrep-test-db-%d-%d.db", (int)getpid(), n++);
    return p;
}

static void remove_db(char *path)
{
    char other[160];
    unlink(path);
    snprintf(other, sizeof other, "%s-wal", path);
    unlink(other);
    snprintf(other, sizeof other, "%s-shm", path);
    unlink(other);
    free(path);
}

static sqlite3_int64 count(const char *path, const char *sql)
{
    sqlite3 *db;
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        fail_msg("%s: %s", sql, sqlite3_errmsg(db));
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    sqlite3_int64 n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

/* Rows of a query joined as "a|b|c\n" lines, for comparing whole tables. */
static char *rows(const char *path, const char *sql)
{
    return sr_test_db_rows(path, sql);
}

static void put(sr_store *s, sr_doc *d)
{
    sr_error err = {0};
    if (sr_store_put(s, d, &err) < 0)
        fail_msg("%s", err.msg);
    sr_doc_free(d);
}

static void merge(sr_store *s)
{
    sr_error err = {0};
    if (sr_store_merge(s, &err) < 0)
        fail_msg("%s", err.msg);
}

static const spec STRIKE = {"UKRMIL",     "ukraine",   NULL, NULL, "190",
                            "2025-08-19", SR_DATE_DAY, NULL, 0};

static void new_database_has_schema_4(void **state)
{
    (void)state;
    char *path = db_path();
    sr_error err = {0};
    sr_store *s = sr_store_open(path, &err);
    assert_non_null(s);
    sr_store_close(s);
    assert_int_equal(count(path, "PRAGMA user_version"), 4);
    assert_true(count(path, "SELECT count(*) FROM cameo_codes") > 250);
    assert_int_equal(count(path, "SELECT count(*) FROM plover_types"), 16);
    /* Each type's quad class is its CAMEO codes' (ASSAULT: material conflict). */
    assert_int_equal(count(path, "SELECT quad_class FROM plover_types WHERE type = 'ASSAULT'"), 4);
    assert_int_equal(count(path, "SELECT count(*) FROM cameo_codes WHERE code = '190'"
                                 " AND root = '19' AND name LIKE '%military force%'"),
                     1);
    assert_int_equal(count(path, "SELECT count(*) FROM dyad_day"), 0);
    assert_int_equal(count(path, "SELECT count(*) FROM mention_evidence"), 0);
    assert_int_equal(count(path, "SELECT count(*) FROM event_evidence"), 0);
    /* Opening again rewrites the lookup tables, never doubles them. */
    s = sr_store_open(path, &err);
    sr_store_close(s);
    assert_int_equal(count(path, "SELECT count(*) FROM plover_types"), 16);
    remove_db(path);
}

/* Report ids, the code split into columns, and spans that slice right in characters. */
static void reports_carry_ids_parts_and_char_spans(void **state)
{
    (void)state;
    char *path = db_path();
    sr_error err = {0};
    sr_store *s = sr_store_open(path, &err);
    spec sp[] = {{"RUSMIL", "russia", "UKRCVL", "ukraine", "195", "2025-08-19", SR_DATE_DAY,
                  "Odesa", 698740}};
    sr_doc *d = make_doc("d1", "2025-08-20", "Wire", sp, 1);
    uint64_t number = sr_event_number(&d->events[0]);
    char hex[17];
    memcpy(hex, d->events[0].id, sizeof hex);
    put(s, d);
    sr_store_close(s);
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT id FROM mentions WHERE hex_id = '%s'", hex);
    assert_true(number > 0 && number < (1ULL << 53));
    assert_int_equal(count(path, sql), (sqlite3_int64)number);
    assert_int_equal(count(path, "SELECT count(*) FROM mentions WHERE source_country = 'RUS'"
                                 " AND source_type1 = 'MIL' AND target_country = 'UKR'"
                                 " AND target_type1 = 'CVL' AND cameo_root = '19'"
                                 " AND cameo_base = '195' AND source_group IS NULL"),
                     1);
    /* "Росія's army": 12 characters, 17 bytes; substr counts characters. */
    assert_int_equal(count(path, "SELECT source_end - source_start FROM mentions"), 17);
    assert_int_equal(count(path, "SELECT source_cend - source_cstart FROM mentions"), 12);
    assert_int_equal(count(path,
                           "SELECT count(*) FROM mentions m JOIN documents d"
                           " ON d.id = m.doc_id WHERE substr(d.text, m.source_cstart + 1,"
                           " m.source_cend - m.source_cstart) = 'Росія''s army'"
                           " AND substr(d.text, m.trigger_cstart + 1, m.trigger_cend -"
                           " m.trigger_cstart) = 'struck' AND substr(d.text,"
                           " m.target_cstart + 1, m.target_cend - m.target_cstart) = 'Odesa'"),
                     1);
    /* The byte spans slice the text as a blob, as documented. */
    assert_int_equal(count(path, "SELECT count(*) FROM mentions m JOIN documents d"
                                 " ON d.id = m.doc_id WHERE CAST(substr(CAST(d.text AS BLOB),"
                                 " m.place_start + 1, m.place_end - m.place_start) AS TEXT)"
                                 " = 'Odesa'"),
                     1);
    assert_int_equal(count(path, "SELECT cend - cstart FROM sentences"),
                     count(path, "SELECT length(text) FROM sentences"));
    remove_db(path);
}

/* GLOBALEVENTID in the GDELT format is the report's id in the store. */
static void gdelt_id_is_the_report_id(void **state)
{
    (void)state;
    sr_doc *d = make_doc("d1", "2025-08-20", "Wire", &STRIKE, 1);
    char *buf = sr_test_written(d, SR_FORMAT_GDELT); /* one row, no header */
    unsigned long long id = strtoull(buf, NULL, 10);
    assert_true(id == sr_event_number(&d->events[0]));
    assert_true(id < (1ULL << 53) && (unsigned long long)(double)id == id);
    free(buf);
    sr_doc_free(d);
}

/* Ingesting a document again keeps its report ids and leaves one copy in the text index. */
static void reingest_keeps_ids_and_index(void **state)
{
    (void)state;
    char *path = db_path();
    sr_error err = {0};
    for (int round = 0; round < 2; round++) {
        sr_store *s = sr_store_open(path, &err);
        put(s, make_doc("d1", "2025-08-20", "Wire", &STRIKE, 1));
        put(s, make_doc("d2", "2025-08-20", "Agency", &STRIKE, 1));
        sr_store_close(s);
    }
    char *ids = rows(path, "SELECT id, hex_id FROM mentions ORDER BY id");
    sr_store *s = sr_store_open(path, &err);
    put(s, make_doc("d1", "2025-08-20", "Wire", &STRIKE, 1));
    sr_store_close(s);
    char *again = rows(path, "SELECT id, hex_id FROM mentions ORDER BY id");
    assert_string_equal(ids, again);
    assert_int_equal(count(path, "SELECT count(*) FROM mentions"), 2);
    assert_int_equal(count(path, "SELECT count(*) FROM sentences_fts"
                                 " WHERE sentences_fts MATCH 'overnight'"),
                     2);
    assert_int_equal(count(path,
                           "SELECT count(*) FROM sentences_fts f JOIN sentences s"
                           " ON s.rowid = f.rowid WHERE sentences_fts MATCH 'struck AND odesa'"
                           " AND s.doc_id = 'd1'"),
                     1);
    free(ids);
    free(again);
    remove_db(path);
}

/* Happenings of a database: "nmentions narticles nsources" per event, by date and id. */
static char *happenings(const char *path)
{
    return rows(path, "SELECT date, source_code, target_code, nmentions, narticles, nsources,"
                      " place_name FROM events ORDER BY date, id");
}

/* Each spec in its own document from its own outlet, merged once; the happenings. */
static char *merged(const spec *s, const char *const *pub, size_t n)
{
    char *path = db_path();
    sr_error err = {0};
    sr_store *st = sr_store_open(path, &err);
    for (size_t i = 0; i < n; i++) {
        char id[32], outlet[32];
        snprintf(id, sizeof id, "doc%zu", i);
        snprintf(outlet, sizeof outlet, "outlet%zu", i);
        put(st, make_doc(id, pub[i], outlet, &s[i], 1));
    }
    sr_store_close(st);
    char *h = happenings(path);
    remove_db(path);
    return h;
}

static int lines(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

static void merging_rules(void **state)
{
    (void)state;
    const char *pub[] = {"2025-08-20", "2025-08-20", "2025-08-21"};
    spec two[3];
    char *h;
    /* The same strike on the same day in the same city, from two outlets: one happening. */
    spec a = {"RUSMIL",     "russia",    "UKR",   "ukraine", "190",
              "2025-08-19", SR_DATE_DAY, "Odesa", 698740};
    two[0] = two[1] = a;
    h = merged(two, pub, 2);
    assert_string_equal(h, "2025-08-19|RUSMIL|UKR|2|2|2|Odesa\n");
    free(h);
    /* The happening's evidence is its first report's sentence and document. */
    {
        char *path = db_path();
        sr_error err = {0};
        sr_store *st = sr_store_open(path, &err);
        put(st, make_doc("late", "2025-08-21", "Agency", &a, 1));
        put(st, make_doc("early", "2025-08-19", "Wire", &a, 1));
        sr_store_close(st);
        char *ev = rows(path, "SELECT doc_id, sentence, doc_source, sentence_text = doc_title"
                              " FROM event_evidence");
        assert_string_equal(ev, "early|0|Wire|0\n");
        free(ev);
        remove_db(path);
    }
    /* Strikes on the same city on different days: two. */
    two[1].date = "2025-08-18";
    h = merged(two, pub, 2);
    assert_int_equal(lines(h), 2);
    free(h);
    /* The same day in different cities: two. */
    two[1] = a;
    two[1].city = "Kharkiv";
    two[1].geonames = 706483;
    h = merged(two, pub, 2);
    assert_int_equal(lines(h), 2);
    free(h);
    /* A report dated only by its publication the next day joins; two days later it does not. */
    two[1] = a;
    two[1].date = "2025-08-20";
    two[1].precision = SR_DATE_PUBLICATION;
    two[1].city = NULL;
    h = merged(two, pub, 2);
    assert_string_equal(h, "2025-08-19|RUSMIL|UKR|2|2|2|Odesa\n");
    free(h);
    two[1].date = "2025-08-21";
    h = merged(two, pub, 2);
    assert_int_equal(lines(h), 2);
    free(h);
    /* A month-precise report joins the day it contains. */
    two[1].date = "2025-08-01";
    two[1].precision = SR_DATE_MONTH;
    h = merged(two, pub, 2);
    assert_int_equal(lines(h), 1);
    free(h);
    /* A country alone agrees with a person of it; two people of one country do not. */
    two[1] = a;
    two[1].src = "RUS";
    h = merged(two, pub, 2);
    assert_int_equal(lines(h), 1);
    free(h);
    two[0].src = two[1].src = "RUSGOV";
    two[0].src_entity = "putin-vladimir";
    two[1].src_entity = "shoigu-sergei";
    h = merged(two, pub, 2);
    assert_int_equal(lines(h), 2);
    free(h);
    /* Two international bodies (no country) by their codes. */
    two[0] = two[1] = a;
    two[0].src = "IGOWSTNAT";
    two[1].src = "IGOUNO";
    two[0].src_entity = two[1].src_entity = NULL;
    h = merged(two, pub, 2);
    assert_int_equal(lines(h), 2);
    free(h);
    /*
    ** No chains: a day-1 and a day-2 report cannot meet through a report
    ** published on day 2 that could be either (it joins the nearer day).
    */
    two[0] = two[1] = two[2] = a;
    two[1].date = "2025-08-20";
    two[2].date = "2025-08-21";
    two[2].precision = SR_DATE_PUBLICATION;
    two[2].city = NULL;
    h = merged(two, pub, 3);
    assert_string_equal(h, "2025-08-19|RUSMIL|UKR|1|1|1|Odesa\n"
                           "2025-08-20|RUSMIL|UKR|2|2|2|Odesa\n");
    free(h);
}

/* The same documents in any order, merged at any point, give the same happenings. */
static void merging_is_order_independent(void **state)
{
    (void)state;
    spec a = {"RUSMIL",     "russia",    "UKR",   "ukraine", "190",
              "2025-08-19", SR_DATE_DAY, "Odesa", 698740};
    spec docs[6] = {a, a, a, a, a, a};
    docs[1].date = "2025-08-20";
    docs[1].precision = SR_DATE_PUBLICATION;
    docs[1].city = NULL;
    docs[2].date = "2025-08-18";
    docs[3].src = "RUS";
    docs[4].date = "2025-08-01";
    docs[4].precision = SR_DATE_MONTH;
    docs[5].city = "Kharkiv";
    docs[5].geonames = 706483;
    const int orders[3][6] = {{0, 1, 2, 3, 4, 5}, {5, 4, 3, 2, 1, 0}, {3, 0, 5, 1, 4, 2}};
    char *first = NULL;
    for (int o = 0; o < 3; o++) {
        char *path = db_path();
        sr_error err = {0};
        sr_store *s = sr_store_open(path, &err);
        for (int k = 0; k < 6; k++) {
            int i = orders[o][k];
            char id[32], outlet[32];
            snprintf(id, sizeof id, "doc%d", i);
            snprintf(outlet, sizeof outlet, "outlet%d", i);
            put(s, make_doc(id, "2025-08-20", outlet, &docs[i], 1));
            if (o == 2) /* merged after every document, as separate runs would */
                merge(s);
        }
        sr_store_close(s);
        char *h =
            rows(path, "SELECT e.id, e.nmentions, e.first_report, e.date,"
                       " (SELECT group_concat(m.doc_id) FROM (SELECT doc_id FROM mentions"
                       " WHERE event_id = e.id ORDER BY doc_id) m) FROM events e ORDER BY id");
        if (!first)
            first = h;
        else {
            assert_string_equal(first, h);
            free(h);
        }
        remove_db(path);
    }
    assert_true(lines(first) >= 3);
    free(first);
}

/* A document ingested again without its report takes it out of its happening. */
static void reingest_updates_happenings(void **state)
{
    (void)state;
    char *path = db_path();
    sr_error err = {0};
    sr_store *s = sr_store_open(path, &err);
    put(s, make_doc("d1", "2025-08-20", "Wire", &STRIKE, 1));
    put(s, make_doc("d2", "2025-08-20", "Agency", &STRIKE, 1));
    merge(s);
    assert_int_equal(count(path, "SELECT nmentions FROM events"), 2);
    put(s, make_doc("d2", "2025-08-20", "Agency", &STRIKE, 0));
    sr_store_close(s);
    assert_int_equal(count(path, "SELECT nmentions FROM events"), 1);
    assert_int_equal(count(path, "SELECT count(*) FROM events"), 1);
    assert_int_equal(count(path, "SELECT count(*) FROM mentions WHERE event_id IS NULL"), 0);
    remove_db(path);
}

/* GDELT export: happenings with their counts, reports linked to them. */
static void export_gdelt_events_and_mentions(void **state)
{
    (void)state;
    char *path = db_path();
    sr_error err = {0};
    sr_store *s = sr_store_open(path, &err);
    spec a = {"RUSMIL",     "russia",    "UKR",   "ukraine", "190",
              "2025-08-19", SR_DATE_DAY, "Odesa", 698740};
    put(s, make_doc("d1", "2025-08-19", "Wire", &a, 1));
    put(s, make_doc("d2", "2025-08-20", "Agency", &a, 1));
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    assert_int_equal(sr_store_export_gdelt(s, f, SR_EXPORT_EVENTS, &err), 0);
    fclose(f);
    assert_int_equal(lines(buf), 1);
    assert_int_equal(sr_test_columns(buf), 61);
    char id[256];
    snprintf(id, sizeof id, "%s", sr_test_column(buf, 0));
    assert_string_equal(sr_test_column(buf, 1), "20250819");        /* SQLDATE */
    assert_string_equal(sr_test_column(buf, 26), "190");            /* EventCode */
    assert_string_equal(sr_test_column(buf, 31), "2");              /* NumMentions */
    assert_string_equal(sr_test_column(buf, 32), "2");              /* NumSources */
    assert_string_equal(sr_test_column(buf, 33), "2");              /* NumArticles */
    assert_string_equal(sr_test_column(buf, 52), "Odesa");          /* ActionGeo_FullName */
    assert_string_equal(sr_test_column(buf, 59), "20250819000000"); /* DATEADDED: first report */
    free(buf);
    buf = NULL;
    f = open_memstream(&buf, &size);
    assert_int_equal(sr_store_export_gdelt(s, f, SR_EXPORT_MENTIONS, &err), 0);
    fclose(f);
    assert_int_equal(lines(buf), 2);
    for (const char *line = buf; *line; line = strchr(line, '\n') + 1) {
        assert_int_equal(sr_test_columns(line), 16);
        assert_string_equal(sr_test_column(line, 0), id);   /* the happening's GLOBALEVENTID */
        assert_string_equal(sr_test_column(line, 6), "1");  /* SentenceID, 1-based */
        assert_string_equal(sr_test_column(line, 7), "0");  /* Actor1CharOffset */
        assert_string_equal(sr_test_column(line, 9), "13"); /* ActionCharOffset, in characters */
    }
    free(buf);
    sr_store_close(s);
    char sql[512];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM events WHERE id = %s", id);
    assert_int_equal(count(path, sql), 1);
    remove_db(path);
}

/* A version 3 database: its events become reports with every new column, and are merged. */
static void upgrade_from_version_3(void **state)
{
    (void)state;
    char *path = db_path();
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    char *sql = sqlite3_mprintf(
        "CREATE TABLE documents (id TEXT PRIMARY KEY, date TEXT, title TEXT, url TEXT,"
        " source TEXT, text TEXT NOT NULL);"
        "CREATE TABLE sentences (doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE"
        " CASCADE, idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,"
        " text TEXT NOT NULL, PRIMARY KEY (doc_id, idx));"
        "CREATE TABLE actors (doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
        " idx INTEGER NOT NULL, sentence INTEGER NOT NULL, code TEXT NOT NULL, name TEXT,"
        " entity TEXT, sector TEXT, kind TEXT NOT NULL, antecedent INTEGER, start INTEGER NOT"
        " NULL, end INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY (doc_id, idx));"
        "CREATE TABLE events (id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES"
        " documents(id) ON DELETE CASCADE, sentence INTEGER NOT NULL, date TEXT, source_code"
        " TEXT, source_name TEXT, source_entity TEXT, source_start INTEGER, source_end INTEGER,"
        " target_code TEXT, target_name TEXT, target_entity TEXT, target_start INTEGER,"
        " target_end INTEGER, cameo TEXT NOT NULL, plover TEXT, plover_mode TEXT, quad_class"
        " INTEGER, goldstein REAL, trigger_start INTEGER, trigger_end INTEGER, trigger_text"
        " TEXT, rule TEXT, date_precision TEXT, date_start INTEGER, date_end INTEGER,"
        " place_name TEXT, place_country TEXT, place_admin1 TEXT, place_feature TEXT,"
        " place_geonames INTEGER, place_lat REAL, place_lon REAL, place_precision TEXT,"
        " place_start INTEGER, place_end INTEGER, killed INTEGER, injured INTEGER, casualties"
        " INTEGER, missing INTEGER, captured INTEGER, displaced INTEGER, arrested INTEGER,"
        " protesters INTEGER, units INTEGER, quote INTEGER, source_code_orig TEXT,"
        " target_code_orig TEXT);"
        "CREATE TABLE counts (event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE"
        " CASCADE, doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, idx"
        " INTEGER NOT NULL, what TEXT NOT NULL, n INTEGER NOT NULL, qual TEXT NOT NULL, of"
        " TEXT, subset_of INTEGER, start INTEGER NOT NULL, end INTEGER NOT NULL, PRIMARY KEY"
        " (event_id, idx));"
        "CREATE INDEX events_date ON events(date);"
        "INSERT INTO documents VALUES ('old', '2025-08-20', 't', NULL, 'Wire', %Q);"
        "INSERT INTO sentences VALUES ('old', 0, 0, %d, %Q);"
        "INSERT INTO actors VALUES ('old', 0, 0, 'RUSMIL', 'army', 'russia', 'MIL', 'agent',"
        " NULL, 0, 17, 'Росія''s army');"
        "INSERT INTO events (id, doc_id, sentence, date, source_code, source_entity,"
        " source_start, source_end, cameo, quad_class, trigger_start, trigger_end,"
        " trigger_text, date_precision, killed) VALUES (7, 'old', 0, '2025-08-19', 'RUSMIL',"
        " 'russia', 0, 17, '190', 4, 18, 24, 'struck', 'day', 2);"
        "INSERT INTO counts VALUES (7, 'old', 0, 'killed', 2, 'exact', NULL, NULL, 0, 5);"
        "PRAGMA user_version = 3;",
        TEXT, (int)strlen(TEXT), TEXT);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_free(sql);
    sqlite3_close(db);
    sr_error err = {0};
    sr_store *s = sr_store_open(path, &err);
    if (!s)
        fail_msg("%s", err.msg);
    put(s,
        make_doc("new", "2025-08-20", "Agency",
                 &(spec){"RUSMIL", "russia", NULL, NULL, "190", "2025-08-19", SR_DATE_DAY, NULL, 0},
                 1));
    sr_store_close(s);
    assert_int_equal(count(path, "PRAGMA user_version"), 4);
    assert_int_equal(count(path, "SELECT count(*) FROM mentions WHERE id = 7 AND cameo_root = '19'"
                                 " AND source_country = 'RUS' AND source_type1 = 'MIL'"
                                 " AND source_cend - source_cstart = 12 AND trigger_cstart = 13"),
                     1);
    assert_int_equal(count(path, "SELECT count(*) FROM actors WHERE cend - cstart = 12"), 1);
    assert_int_equal(count(path, "SELECT count(*) FROM counts WHERE event_id = 7"), 1);
    /* The old report and the new one are the same happening. */
    assert_int_equal(count(path, "SELECT nmentions FROM events WHERE id = 7"), 2);
    assert_int_equal(count(path, "SELECT killed FROM events"), 2);
    assert_int_equal(count(path, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH"
                                 " 'overnight'"),
                     2);
    /* Deleting the old document still cascades to its counts. */
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db,
                                  "PRAGMA foreign_keys = ON; DELETE FROM documents"
                                  " WHERE id = 'old'",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);
    assert_int_equal(count(path, "SELECT count(*) FROM counts"), 0);
    remove_db(path);
}

/* A database from a newer sitrep is refused, named, and left untouched. */
static void newer_database_refused(void **state)
{
    (void)state;
    char *path = db_path();
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "CREATE TABLE documents (id TEXT); PRAGMA user_version = 9;",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    sqlite3_close(db);
    struct stat before, after;
    assert_int_equal(stat(path, &before), 0);
    sr_error err = {0};
    assert_null(sr_store_open(path, &err));
    assert_non_null(strstr(err.msg, path));
    assert_non_null(strstr(err.msg, "version 9"));
    assert_non_null(strstr(err.msg, "newer sitrep"));
    assert_int_equal(stat(path, &after), 0);
    assert_int_equal(before.st_size, after.st_size);
    assert_int_equal(count(path, "PRAGMA user_version"), 9);
    remove_db(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(new_database_has_schema_4),
        cmocka_unit_test(reports_carry_ids_parts_and_char_spans),
        cmocka_unit_test(gdelt_id_is_the_report_id),
        cmocka_unit_test(reingest_keeps_ids_and_index),
        cmocka_unit_test(merging_rules),
        cmocka_unit_test(merging_is_order_independent),
        cmocka_unit_test(reingest_updates_happenings),
        cmocka_unit_test(export_gdelt_events_and_mentions),
        cmocka_unit_test(upgrade_from_version_3),
        cmocka_unit_test(newer_database_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
