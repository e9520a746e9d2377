/*
** test_format.c: the .kb text format (parsing, errors with file:line,
** sr_kb_check) and the compiled binary (round trip, cache, rejection of
** corrupt files).
*/
#include "kb_test.h"

#include <sys/stat.h>

static char dir[128];

/* Write a file under the temporary data folder. */
static void write_file(const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/kb/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/sitrep-kb-format-%ld", (long)getpid());
    char kb[160];
    snprintf(kb, sizeof kb, "%s/kb", dir);
    mkdir(dir, 0755);
    mkdir(kb, 0755);
    private_cache();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        return -1;
    drop_private_cache();
    return 0;
}

static const char bad_kb[] = "# errors on purpose\n"                            /* 1 */
                             "id: good-one\n"                                   /* 2 */
                             "name: Good One\n"                                 /* 3 */
                             "type: person\n"                                   /* 4 */
                             "role: 2020-01-01 - XYZGOV GOV Chief of Xyz\n"     /* 5 */
                             "\n"                                               /* 6 */
                             "id: bad-date\n"                                   /* 7 */
                             "name: Bad Date\n"                                 /* 8 */
                             "type: person\n"                                   /* 9 */
                             "role: 2020-13-01 - XYZGOV GOV Chief\n"            /* 10 */
                             "colour: blue\n"                                   /* 11 */
                             "\n"                                               /* 12 */
                             "id: good-one\n"                                   /* 13 */
                             "name: Duplicate\n"                                /* 14 */
                             "type: person\n"                                   /* 15 */
                             "\n"                                               /* 16 */
                             "id: no-name\n"                                    /* 17 */
                             "type: country\n"                                  /* 18 */
                             "\n"                                               /* 19 */
                             "id: overlap\n"                                    /* 20 */
                             "name: Over Lap\n"                                 /* 21 */
                             "type: person\n"                                   /* 22 */
                             "role: 2010-01-01 2015-01-01 XYZGOV GOV Chief\n"   /* 23 */
                             "role: 2014-01-01 2016-01-01 XYZMIL MIL General\n" /* 24 */
                             "\n"                                               /* 25 */
                             "id: Bad_Id\n"                                     /* 26 */
                             "name: Bad Id\n"                                   /* 27 */
                             "type: wizard\n";                                  /* 28 */

/* sr_kb_check reports every problem with its file and line. */
static void check_reports_file_line(void **state)
{
    (void)state;
    write_file("bad.kb", bad_kb);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    int n = sr_kb_check(dir, out);
    fclose(out);
    char prefix[200];
    snprintf(prefix, sizeof prefix, "%s/kb/bad.kb:", dir);
    const char *expect[] = {"bad.kb:10: bad date '2020-13-01'",
                            "bad.kb:11: unknown key 'colour'",
                            "bad.kb:13: duplicate id 'good-one' (first at ",
                            "bad.kb:17: no-name: missing name",
                            "bad.kb:24: overlap: role XYZMIL overlaps the role XYZGOV of line 23",
                            "bad.kb:26: bad id 'Bad_Id'"};
    for (size_t i = 0; i < sizeof expect / sizeof expect[0]; i++)
        if (!strstr(buf, expect[i]))
            fail_msg("missing '%s' in:\n%s", expect[i], buf);
    assert_true(strstr(buf, prefix) == buf);
    assert_int_equal(n, 6);
    free(buf);
}

/* Records with errors are skipped; the good ones load. */
static void bad_records_skipped(void **state)
{
    (void)state;
    write_file("bad.kb", bad_kb);
    sr_error err = {0};
    sr_kb *kb = sr_kb_open(dir, &err);
    assert_non_null(kb);
    sr_kb_match m;
    assert_int_equal(sr_kb_lookup(kb, "Good One", "2021-01-01", &m), 1);
    assert_string_equal(m.entity, "good-one");
    assert_string_equal(m.code, "XYZGOV");
    assert_int_equal(sr_kb_lookup(kb, "Duplicate", NULL, &m), 0);
    assert_int_equal(sr_kb_lookup(kb, "Bad Id", NULL, &m), 0);
    sr_kb_free(kb);
}

/* A clean folder checks clean, and the fixture too. */
static void fixture_checks_clean(void **state)
{
    (void)state;
    assert_int_equal(sr_kb_check(KB_FIXTURE, stderr), 0);
    assert_int_equal(sr_kb_check("/nonexistent-sitrep", NULL), -1);
}

/* Read a whole file into a malloc'd buffer. */
static unsigned char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    *n = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *b = malloc(*n);
    assert_int_equal(fread(b, 1, *n, f), *n);
    fclose(f);
    return b;
}

static void spit(const char *path, const unsigned char *b, size_t n)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(b, 1, n, f), n);
    fclose(f);
}

/* Compile, map, look up; then damage the file in three ways. */
static void compiled_binary_round_trip_and_corruption(void **state)
{
    (void)state;
    char path[200];
    snprintf(path, sizeof path, "%s/compiled.srkb", dir);
    sr_error err = {0};
    assert_int_equal(sr_kb_compile(KB_FIXTURE, path, stderr, &err), 0);
    sr_kb *kb = sr_kb_open_compiled(path, &err);
    assert_non_null(kb);
    sr_kb_match m;
    assert_int_equal(sr_kb_lookup(kb, "vladimir putin", "2020-01-01", &m), 1);
    assert_string_equal(m.code, "RUSGOV");
    sr_kb_free(kb);

    size_t n;
    unsigned char *b = slurp(path, &n);
    /* one flipped byte in the body */
    b[n / 2] ^= 0x40;
    spit(path, b, n);
    assert_null(sr_kb_open_compiled(path, &err));
    assert_non_null(strstr(err.msg, "corrupt"));
    assert_non_null(strstr(err.msg, path));
    b[n / 2] ^= 0x40;
    /* truncated */
    spit(path, b, n - 100);
    assert_null(sr_kb_open_compiled(path, &err));
    assert_non_null(strstr(err.msg, "truncated"));
    /* not a base at all */
    spit(path,
         (const unsigned char *)"hello, world, this is not a knowledge base at all.........."
                                "...............................................",
         100);
    assert_null(sr_kb_open_compiled(path, &err));
    assert_non_null(strstr(err.msg, "not a compiled sitrep knowledge base"));
    /* intact again */
    spit(path, b, n);
    kb = sr_kb_open_compiled(path, &err);
    assert_non_null(kb);
    sr_kb_free(kb);
    free(b);
}

/* sr_kb_open writes a cache, reuses it, and rebuilds it when it is damaged. */
static void cache_is_rebuilt_when_corrupt(void **state)
{
    (void)state;
    sr_error err = {0};
    sr_kb *kb = sr_kb_open(KB_FIXTURE, &err);
    assert_non_null(kb);
    sr_kb_free(kb);
    const char *cache = getenv("SITREP_KB_CACHE");
    struct stat st;
    assert_int_equal(stat(cache, &st), 0);
    size_t n;
    unsigned char *b = slurp(cache, &n);
    memset(b + n / 3, 0xff, 64);
    spit(cache, b, n);
    free(b);
    kb = sr_kb_open(KB_FIXTURE, &err);
    assert_non_null(kb);
    sr_kb_match m;
    assert_int_equal(sr_kb_lookup(kb, "Zelensky", "2024-01-01", &m), 1);
    assert_string_equal(m.entity, "zelensky-volodymyr");
    sr_kb_free(kb);
    kb = sr_kb_open_compiled(cache, &err);
    assert_non_null(kb); /* the rebuilt cache is sound */
    sr_kb_free(kb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(check_reports_file_line),
        cmocka_unit_test(bad_records_skipped),
        cmocka_unit_test(fixture_checks_clean),
        cmocka_unit_test(compiled_binary_round_trip_and_corruption),
        cmocka_unit_test(cache_is_rebuilt_when_corrupt),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
