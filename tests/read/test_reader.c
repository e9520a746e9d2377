/*
** test_reader.c: the readers yield the right records and reject bad input
** with the file, line and byte, without losing the records around it.
*/
#include "sr_test.h"

#include <jansson.h>

#include "read/json_flat.h"
#include "read/reader.h"

/* Read every record of path; returns counts of good and rejected records. */
static void read_all(const char *path, sr_input_kind kind, const char *date, int *good, int *bad,
                     sr_record *first, sr_error *first_err)
{
    sr_reader_defaults defs = {.date = date};
    sr_error err = {0};
    sr_reader *r = sr_reader_open(path, kind, &defs, &err);
    assert_non_null(r);
    *good = *bad = 0;
    for (;;) {
        sr_record rec;
        int rc = sr_reader_next(r, &rec, &err);
        if (rc == 0)
            break;
        if (rc < 0) {
            if (*bad == 0 && first_err)
                *first_err = err;
            (*bad)++;
            continue;
        }
        if (*good == 0 && first)
            *first = rec;
        else
            sr_record_clear(&rec);
        (*good)++;
    }
    sr_reader_close(r);
}

static void text_file_is_one_record(void **state)
{
    (void)state;
    const char text[] = "Moscow rejected the plan.\nKyiv welcomed it.\n";
    char *path = sr_test_file(".txt", text, sizeof text - 1);
    int good, bad;
    sr_record rec;
    read_all(path, SR_INPUT_TEXT, "2025-08-20", &good, &bad, &rec, NULL);
    assert_int_equal(good, 1);
    assert_int_equal(bad, 0);
    assert_int_equal(rec.len, sizeof text - 1);
    assert_memory_equal(rec.text, text, rec.len);
    assert_string_equal(rec.date, "2025-08-20");
    assert_true(strncmp(rec.id, "sitrep-test-", 12) == 0);
    assert_null(rec.warning);
    sr_record_clear(&rec);
    sr_test_unlink(path);
}

static void missing_date_is_a_warning(void **state)
{
    (void)state;
    char *path = sr_test_file(".txt", "Text.", 5);
    int good, bad;
    sr_record rec;
    read_all(path, SR_INPUT_TEXT, NULL, &good, &bad, &rec, NULL);
    assert_int_equal(good, 1);
    assert_null(rec.date);
    assert_non_null(rec.warning);
    sr_record_clear(&rec);
    sr_test_unlink(path);
}

static void empty_file_is_rejected(void **state)
{
    (void)state;
    char *path = sr_test_file(".txt", "", 0);
    int good, bad;
    sr_error err;
    read_all(path, SR_INPUT_TEXT, NULL, &good, &bad, NULL, &err);
    assert_int_equal(good, 0);
    assert_int_equal(bad, 1);
    assert_non_null(strstr(err.msg, "empty file"));
    assert_non_null(strstr(err.msg, path));
    sr_test_unlink(path);
}

static void invalid_utf8_names_line_and_byte(void **state)
{
    (void)state;
    const char text[] = "First line.\nSecond \xff line.\n";
    char *path = sr_test_file(".txt", text, sizeof text - 1);
    int good, bad;
    sr_error err;
    read_all(path, SR_INPUT_TEXT, NULL, &good, &bad, NULL, &err);
    assert_int_equal(bad, 1);
    assert_non_null(strstr(err.msg, ":2: byte 8: invalid UTF-8 0xff"));
    sr_test_unlink(path);
}

static void binary_junk_is_rejected(void **state)
{
    (void)state;
    unsigned char junk[4096];
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = (unsigned char)(i * 7919u >> 3);
    char *path = sr_test_file(".bin", junk, sizeof junk);
    int good, bad;
    sr_error err;
    read_all(path, SR_INPUT_TEXT, NULL, &good, &bad, NULL, &err);
    assert_int_equal(good, 0);
    assert_int_equal(bad, 1);
    assert_non_null(strstr(err.msg, "byte"));
    sr_test_unlink(path);
}

static void jsonl_bad_lines_cost_nothing_else(void **state)
{
    (void)state;
    const char text[] =
        "{\"id\":\"a\",\"date\":\"2025-08-20\",\"text\":\"Russia attacked Ukraine.\"}\n"
        "{\"id\":\"b\",\"text\":\"Unclosed\n"
        "\n"
        "[1,2]\n"
        "{\"id\":\"c\",\"date\":\"2025-02-30\",\"text\":\"x\"}\n"
        "{\"id\":\"d\",\"title\":\"No text\"}\n"
        "{\"id\":\"e\",\"text\":\"NUL \\u0000 inside\"}\n"
        "{\"id\":\"f\",\"text\":\"Kyiv replied.\",\"url\":\"https://example.org/f\"}\n";
    char *path = sr_test_file(".jsonl", text, sizeof text - 1);
    int good, bad;
    sr_record rec;
    sr_error err;
    read_all(path, SR_INPUT_JSONL, NULL, &good, &bad, &rec, &err);
    assert_int_equal(good, 2);
    assert_int_equal(bad, 5);
    assert_string_equal(rec.id, "a");
    assert_string_equal(rec.text, "Russia attacked Ukraine.");
    assert_int_equal(rec.line, 1);
    assert_non_null(strstr(err.msg, ":2: byte"));
    assert_non_null(strstr(err.msg, "malformed JSON"));
    sr_record_clear(&rec);
    sr_test_unlink(path);
}

static void jsonl_line_numbers_and_default_date(void **state)
{
    (void)state;
    const char text[] = "\n\n{\"text\":\"One.\"}\n";
    char *path = sr_test_file(".jsonl", text, sizeof text - 1);
    int good, bad;
    sr_record rec;
    read_all(path, SR_INPUT_JSONL, "2024-01-02", &good, &bad, &rec, NULL);
    assert_int_equal(good, 1);
    assert_int_equal(rec.line, 3);
    assert_string_equal(rec.date, "2024-01-02");
    assert_non_null(strstr(rec.id, ":3")); /* id named after the line */
    sr_record_clear(&rec);
    sr_test_unlink(path);
}

static void html_keeps_article_drops_debris(void **state)
{
    (void)state;
    const char html[] =
        "<!doctype html><html><head><title>Talks &amp; guarantees</title>"
        "<meta property=\"article:published_time\" content=\"2025-08-20T10:00:00Z\">"
        "<script>var ad = 1;</script><style>p{}</style></head><body>"
        "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
        "<article><h1>NATO chiefs meet</h1><p>NATO military chiefs met on\n Wednesday.</p>"
        "<div class=\"ad\">Advertising</div><p>Read also: Something else</p>"
        "<p>Moscow rejected the <b>plan</b>.</p><script>track()</script></article>"
        "<footer>Copyright</footer></body></html>";
    char *path = sr_test_file(".html", html, sizeof html - 1);
    int good, bad;
    sr_record rec;
    read_all(path, SR_INPUT_HTML, NULL, &good, &bad, &rec, NULL);
    assert_int_equal(good, 1);
    assert_string_equal(rec.text, "NATO chiefs meet\n\nNATO military chiefs met on Wednesday.\n\n"
                                  "Moscow rejected the plan.");
    assert_string_equal(rec.title, "Talks & guarantees");
    assert_string_equal(rec.date, "2025-08-20");
    sr_record_clear(&rec);
    sr_test_unlink(path);
}

static void html_without_body_text_is_rejected(void **state)
{
    (void)state;
    const char html[] = "<html><head><title>Empty</title><script>x()</script></head></html>";
    char *path = sr_test_file(".html", html, sizeof html - 1);
    int good, bad;
    sr_error err;
    read_all(path, SR_INPUT_HTML, NULL, &good, &bad, NULL, &err);
    assert_int_equal(good, 0);
    assert_int_equal(bad, 1);
    assert_non_null(strstr(err.msg, "no article text"));
    sr_test_unlink(path);
}

static void dates_are_validated(void **state)
{
    (void)state;
    assert_true(sr_date_valid("2024-02-29"));
    assert_false(sr_date_valid("2023-02-29"));
    assert_false(sr_date_valid("2025-13-01"));
    assert_false(sr_date_valid("2025-8-20"));
    assert_false(sr_date_valid(NULL));
}

/* Records of a JSONL text read from memory with limit max (0: the default). */
static int read_stream(const char *jsonl, size_t max, sr_record *first, sr_error *first_err,
                       int *bad)
{
    FILE *f = fmemopen((void *)jsonl, strlen(jsonl), "rb");
    assert_non_null(f);
    sr_reader_defaults defs = {.date = "2025-08-20", .max_bytes = max};
    sr_error err = {0};
    sr_reader *r = sr_reader_open_stream(f, "mem.jsonl", SR_INPUT_JSONL, &defs, &err);
    assert_non_null(r);
    int good = 0;
    *bad = 0;
    sr_record rec;
    int rc;
    while ((rc = sr_reader_next(r, &rec, &err)) != 0) {
        if (rc < 0) {
            if ((*bad)++ == 0)
                *first_err = err;
        } else if (good++ == 0) {
            *first = rec;
        } else {
            sr_record_clear(&rec);
        }
    }
    sr_reader_close(r);
    fclose(f);
    return good;
}

static void jsonl_byte_order_mark_is_skipped(void **state)
{
    (void)state;
    sr_record rec;
    sr_error err;
    int bad;
    int good = read_stream("\xef\xbb\xbf{\"id\":\"a\",\"text\":\"One.\"}\n{\"text\":\"Two.\"}\n", 0,
                           &rec, &err, &bad);
    assert_int_equal(good, 2);
    assert_int_equal(bad, 0);
    assert_string_equal(rec.id, "a");
    sr_record_clear(&rec);
}

static void jsonl_line_over_the_limit_is_skipped(void **state)
{
    (void)state;
    char jsonl[4096];
    snprintf(jsonl, sizeof jsonl, "{\"text\":\"%0500d\"}\n{\"id\":\"b\",\"text\":\"Two.\"}\n", 0);
    sr_record rec;
    sr_error err;
    int bad;
    assert_int_equal(read_stream(jsonl, 100, &rec, &err, &bad), 1);
    assert_int_equal(bad, 1);
    assert_int_equal(err.code, SR_ERR_TOO_LARGE);
    assert_non_null(strstr(err.msg, "mem.jsonl:1: byte 1: a line of 511 bytes"));
    assert_string_equal(rec.id, "b");
    assert_int_equal(rec.line, 2);
    sr_record_clear(&rec);
}

static void a_directory_is_named_as_one(void **state)
{
    (void)state;
    sr_error err = {0};
    assert_null(sr_reader_open("/tmp", SR_INPUT_TEXT, NULL, &err));
    assert_int_equal(err.code, SR_ERR_IO);
    assert_non_null(strstr(err.msg, "/tmp: is a directory"));
}

static void names_of_input_kinds_round_trip(void **state)
{
    (void)state;
    for (int k = SR_INPUT_TEXT; k <= SR_INPUT_HTML; k++)
        assert_int_equal(sr_input_kind_from_name(sr_input_kind_name(k)), k);
    assert_null(sr_input_kind_name(99));
    assert_int_equal(sr_input_kind_from_name("xml"), -1);
}

/*
** Whether the flat reader and jansson agree on line: when the flat reader
** takes it, jansson reads the same strings (null and missing alike);
** returns what the flat reader did.
*/
static int flat_agrees_with_jansson(const char *line)
{
    static const char *const keys[] = {"id", "text"};
    char *values[2];
    size_t lens[2];
    size_t len = strlen(line);
    int flat = sr_json_flat_strings(line, len, keys, 2, values, lens);
    json_error_t jerr;
    json_t *obj = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr);
    if (flat) {
        assert_non_null(obj);
        for (int i = 0; i < 2; i++) {
            json_t *v = json_object_get(obj, keys[i]);
            if (!v || json_is_null(v)) {
                assert_null(values[i]);
                continue;
            }
            assert_non_null(values[i]);
            assert_int_equal(lens[i], json_string_length(v));
            assert_memory_equal(values[i], json_string_value(v), lens[i]);
            free(values[i]);
        }
    } else {
        assert_null(values[0]);
        assert_null(values[1]);
    }
    json_decref(obj);
    return flat;
}

/* The flat JSON reader takes the usual records as jansson reads them and leaves it the rest. */
static void jsonl_flat_reader_matches_jansson(void **state)
{
    (void)state;
    static const char *const taken[] = {
        "{\"id\": \"a\", \"text\": \"Kyiv said.\"}",
        " {\"text\":\"x\\n\\t\\\"q\\\" \\\\ \\/ \\b\\f\\r\"} \r",
        "{\"text\": \"caf\\u00e9 \\u20AC \\ud83d\\ude00 \\u0041\", \"id\": null}",
        "{\"text\": \"Ελλάδα\", \"other\": \"\\u00e9\", \"url\": \"u\"}",
        "{}",
        "{\"id\": \"\", \"text\": \"\"}",
    };
    static const char *const left[] = {
        "{\"text\": \"a\", \"text\": \"b\"}", /* duplicate */
        "{\"text\": \"a\\u0000b\"}",          /* NUL */
        "{\"te\\u0078t\": \"a\"}",            /* key with an escape */
        "{\"text\": \"a\", \"n\": 1}",        /* a number */
        "{\"text\": \"a\", \"o\": {}}",       /* nesting */
        "{\"text\": \"a\\ud800\"}",           /* lone surrogate */
        "{\"text\": \"a\\udc00\\ud800\"}",    /* reversed pair */
        "{\"text\": \"a\\x\"}",               /* bad escape */
        "{\"text\": \"a\\u12\"}",             /* short escape */
        "{\"text\": \"a\tb\"}",               /* raw control byte */
        "{\"text\": \"a\"} x",                /* trailing bytes */
        "{\"text\": \"a\",}",                 /* trailing comma */
        "{\"text\": nul}",                    /* not null */
        "{\"text\": \"a\"",                   /* unclosed */
        "[\"text\"]",                         /* not an object */
        "",
    };
    for (size_t i = 0; i < sizeof taken / sizeof taken[0]; i++)
        assert_true(flat_agrees_with_jansson(taken[i]));
    for (size_t i = 0; i < sizeof left / sizeof left[0]; i++)
        assert_false(flat_agrees_with_jansson(left[i]));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(text_file_is_one_record),
        cmocka_unit_test(missing_date_is_a_warning),
        cmocka_unit_test(empty_file_is_rejected),
        cmocka_unit_test(invalid_utf8_names_line_and_byte),
        cmocka_unit_test(binary_junk_is_rejected),
        cmocka_unit_test(jsonl_bad_lines_cost_nothing_else),
        cmocka_unit_test(jsonl_line_numbers_and_default_date),
        cmocka_unit_test(html_keeps_article_drops_debris),
        cmocka_unit_test(html_without_body_text_is_rejected),
        cmocka_unit_test(dates_are_validated),
        cmocka_unit_test(jsonl_byte_order_mark_is_skipped),
        cmocka_unit_test(jsonl_line_over_the_limit_is_skipped),
        cmocka_unit_test(a_directory_is_named_as_one),
        cmocka_unit_test(names_of_input_kinds_round_trip),
        cmocka_unit_test(jsonl_flat_reader_matches_jansson),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
