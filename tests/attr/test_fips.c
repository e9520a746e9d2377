/*
** test_fips.c: the FIPS 10-4 table of data/attr/fips.tsv (attr_fips.c):
** loading, the codes GDELT writes where they differ from ISO, Palestine's
** split into the West Bank and Gaza, bad lines named by FILE:LINE, and the
** code an event's place gets in JSONL and in the GDELT geography columns.
*/
#include "attr_test.h"
#include "sr_test_write.h"

static const char *or_null(const char *s)
{
    return s ? s : "(null)";
}

static void test_table(void **state)
{
    (void)state;
    const sr_fips *f = &at_engine->attr->fips;
    assert_string_equal(or_null(sr_fips_get(f, "UKR")), "UP");
    assert_string_equal(or_null(sr_fips_get(f, "RUS")), "RS");
    assert_string_equal(or_null(sr_fips_get(f, "DEU")), "GM");
    assert_string_equal(or_null(sr_fips_get(f, "ISR")), "IS");
    assert_string_equal(or_null(sr_fips_get(f, "USA")), "US");
    assert_string_equal(or_null(sr_fips_get(f, "AUT")), "AU");
    assert_string_equal(or_null(sr_fips_get(f, "AUS")), "AS");
    assert_string_equal(or_null(sr_fips_get(f, "SSD")), "OD");
    assert_string_equal(or_null(sr_fips_get(f, "SRB")), "RI");
    assert_string_equal(or_null(sr_fips_get(f, "NER")), "NG");
    assert_string_equal(or_null(sr_fips_get(f, "NGA")), "NI");
    /* Palestine as a whole: the West Bank; Gaza by its divisions. */
    assert_string_equal(or_null(sr_fips_get(f, "PSE")), "WE");
    assert_string_equal(or_null(sr_fips_of_place(f, "PSE", NULL, NULL)), "WE");
    assert_string_equal(or_null(sr_fips_of_place(f, "PSE", "PS-GZ", NULL)), "GZ");  /* GeoNames */
    assert_string_equal(or_null(sr_fips_of_place(f, "PSE", "PS-KYS", NULL)), "GZ"); /* ISO */
    assert_string_equal(or_null(sr_fips_of_place(f, "PSE", "PS-JEN", NULL)), "WE");
    assert_string_equal(or_null(sr_fips_of_place(f, "PSE", NULL, "Gaza Strip")), "GZ");
    assert_string_equal(or_null(sr_fips_of_place(f, "PSE", NULL, "West Bank")), "WE");
    assert_string_equal(or_null(sr_fips_of_place(f, "UKR", "UA-51", NULL)), "UP");
    /* No code of FIPS's own ("-"), unknown keys, no country. */
    assert_null(sr_fips_get(f, "ALA"));
    assert_null(sr_fips_get(f, "XYZ"));
    assert_null(sr_fips_of_place(f, NULL, NULL, NULL));
}

/* Every ISO 3166-1 country of the gazetteer's source is listed (with a code or "-"). */
static void test_every_country_listed(void **state)
{
    (void)state;
    char path[4096];
    snprintf(path, sizeof path, "%s/attr/fips.tsv", SR_DATA_DIR);
    sr_error err = {0};
    size_t len;
    char *text = sr_read_file(path, &len, &err);
    assert_non_null(text);
    int countries = 0;
    for (const char *p = text; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
        countries += p[0] >= 'A' && p[0] <= 'Z' && p[3] == '\t';
    free(text);
    assert_in_range(countries, 249, 260);
}

/* A bad line is an error naming the file and the line; so is a key given twice. */
static void test_bad_lines(void **state)
{
    (void)state;
    static const char *const bad[] = {"# ok\nUKR\tUP\nRUS RS\n", "UKR\tUP\nDEU\tgm\n",
                                      "UKR\tUP\nDEU\tGMX\n",     "UKR\tUP\nUKR\tUA\n",
                                      "UKR\tUP\n\tGM\n",         "UKR\tUP\nDEU\tGM\tx\n"};
    static const int line[] = {3, 2, 2, 2, 2, 2};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char path[] = "/tmp/sr_test_fips_XXXXXX";
        int fd = mkstemp(path);
        assert_true(fd >= 0);
        FILE *f = fdopen(fd, "w");
        fputs(bad[i], f);
        fclose(f);
        sr_fips t = {0};
        sr_error err = {0};
        assert_int_equal(sr_fips_load(&t, path, &err), -1);
        char want[128];
        snprintf(want, sizeof want, "%s:%d:", path, line[i]);
        if (!strstr(err.msg, want))
            fail_msg("case %zu: \"%s\" does not name %s", i, err.msg, want);
        sr_fips_free(&t);
        unlink(path);
    }
}

enum { ACTIONGEO = 51 };

/* The stage's events written out: Odesa is in "UP" for GDELT, "UKR" and "UP" in JSONL. */
static void test_gdelt_odesa(void **state)
{
    (void)state;
    at_doc t;
    at_run(&t, "Russian drones struck Odessa overnight.", "2025-08-20", "struck:195");
    assert_string_equal(or_null(t.ev[0].place.name), "Odesa");
    assert_string_equal(or_null(t.ev[0].place.country), "UKR");
    assert_string_equal(or_null(t.ev[0].place.fips), "UP");
    t.d->events = t.ev;
    t.d->nevents = t.nev;
    char *out = sr_test_written(t.d, SR_FORMAT_GDELT);
    assert_string_equal(sr_test_column(out, ACTIONGEO + 1), "Odesa");
    assert_string_equal(sr_test_column(out, ACTIONGEO + 2), "UP"); /* ActionGeo_CountryCode */
    free(out);
    out = sr_test_written(t.d, SR_FORMAT_JSONL);
    assert_non_null(strstr(out, "\"country\":\"UKR\",\"fips\":\"UP\""));
    free(out);
    t.d->events = NULL;
    t.d->nevents = 0;
    at_free(&t);
}

/* Gaza and the Gaza Strip are GZ, the West Bank's places WE, Israel's IS. */
static void test_places(void **state)
{
    (void)state;
    at_doc t;
    at_run(&t, "Israeli troops attacked the Gaza Strip.", "2025-08-20", "attacked:190");
    assert_string_equal(or_null(t.ev[0].place.country), "PSE");
    assert_string_equal(or_null(t.ev[0].place.fips), "GZ");
    at_free(&t);
    at_run(&t, "Israeli troops raided Jenin on Monday.", "2025-08-20", "raided:190");
    assert_string_equal(or_null(t.ev[0].place.country), "PSE");
    assert_string_equal(or_null(t.ev[0].place.fips), "WE");
    at_free(&t);
    at_run(&t, "Protesters rallied in Tel Aviv on Saturday.", "2025-08-20", "rallied:141");
    assert_string_equal(or_null(t.ev[0].place.country), "ISR");
    assert_string_equal(or_null(t.ev[0].place.fips), "IS");
    at_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),     cmocka_unit_test(test_every_country_listed),
        cmocka_unit_test(test_bad_lines), cmocka_unit_test(test_gdelt_odesa),
        cmocka_unit_test(test_places),
    };
    return cmocka_run_group_tests(tests, at_setup, at_teardown);
}
