/*
** test_params.c: the JSON API's parameter checks (tools/serve/params.c)
** called directly: every bound on both sides, the exact forms, repeats,
** unknown names, and what a valid value leaves in sr_serve_params.
*/
#include "sr_test.h"

#include "serve/params.h"

static const char *const types[] = {"ACCUSE", "ASSAULT", "CONSULT"};

/* key=value for an endpoint taking the filters, by and limit: 0 or -1. */
static int add(sr_serve_params *p, const char *key, const char *value)
{
    char msg[256];
    return sr_serve_params_add(p, key ? SR_P_FILTERS | SR_P_BY | SR_P_LIMIT : 0, key ? key : "x",
                               key ? strlen(key) : 1, value, value ? strlen(value) : 0, types, 3,
                               msg, sizeof msg);
}

static int one(const char *key, const char *value)
{
    sr_serve_params p;
    sr_serve_params_init(&p);
    return add(&p, key, value);
}

static void test_valid(void **state)
{
    (void)state;
    sr_serve_params p;
    sr_serve_params_init(&p);
    assert_int_equal(p.page, 1);
    assert_int_equal(p.per_page, 50);
    assert_int_equal(p.limit, 10);
    assert_int_equal(add(&p, "from", "2024-02-29"), 0);
    assert_int_equal(add(&p, "to", "2025-12-31"), 0);
    assert_int_equal(add(&p, "actor", "RUS_MIL-x9"), 0);
    assert_string_equal(p.actor_glob, "RUS_MIL-x9*");
    assert_int_equal(add(&p, "country", "UKR"), 0);
    assert_int_equal(add(&p, "root", "09"), 0);
    assert_int_equal(add(&p, "plover", "ASSAULT"), 0);
    assert_int_equal(add(&p, "quad", "4"), 0);
    assert_int_equal(add(&p, "q", "drone AND \"Sumy\""), 0);
    assert_int_equal(add(&p, "page", "100000"), 0);
    assert_int_equal(add(&p, "per_page", "200"), 0);
    assert_int_equal(add(&p, "by", "quad"), 0);
    assert_int_equal(add(&p, "limit", "100"), 0);
    assert_int_equal(p.mask, (1u << SR_F_COUNT) - 1);
    assert_int_equal(p.quad, 4);
    assert_int_equal(p.page, 100000);
    assert_int_equal(p.by_quad, 1);
    char msg[256];
    assert_int_equal(sr_serve_params_check(&p, msg, sizeof msg), 0);
}

static void test_bounds(void **state)
{
    (void)state;
    assert_int_equal(one("page", "1"), 0);
    assert_int_equal(one("page", "0"), -1);
    assert_int_equal(one("page", "-1"), -1);
    assert_int_equal(one("page", "+1"), -1);
    assert_int_equal(one("page", "100001"), -1);
    assert_int_equal(one("page", "99999999999999999999"), -1);
    assert_int_equal(one("page", " 1"), -1);
    assert_int_equal(one("per_page", "0"), -1);
    assert_int_equal(one("per_page", "201"), -1);
    assert_int_equal(one("limit", "101"), -1);
    assert_int_equal(one("quad", "0"), -1);
    assert_int_equal(one("quad", "5"), -1);
    assert_int_equal(one("root", "01"), 0);
    assert_int_equal(one("root", "20"), 0);
    assert_int_equal(one("root", "21"), -1);
    assert_int_equal(one("root", "00"), -1);
    assert_int_equal(one("root", "1"), -1);
    assert_int_equal(one("root", "001"), -1);
    char buf[300];
    memset(buf, 'A', sizeof buf);
    buf[64] = '\0';
    assert_int_equal(one("actor", buf), 0);
    buf[64] = 'A';
    buf[65] = '\0';
    assert_int_equal(one("actor", buf), -1);
    memset(buf, 'a', sizeof buf);
    buf[200] = '\0';
    assert_int_equal(one("q", buf), 0);
    buf[200] = 'a';
    buf[201] = '\0';
    assert_int_equal(one("q", buf), -1);
}

static void test_forms(void **state)
{
    (void)state;
    assert_int_equal(one("from", "2025-02-29"), -1);
    assert_int_equal(one("from", "1900-02-29"), -1);
    assert_int_equal(one("from", "2000-02-29"), 0);
    assert_int_equal(one("from", "2025-04-31"), -1);
    assert_int_equal(one("from", "2025-1-01"), -1);
    assert_int_equal(one("from", "2025-01-01T00"), -1);
    assert_int_equal(one("to", "0000-01-01"), -1);
    assert_int_equal(one("country", "UKR' OR 1=1--"), -1);
    assert_int_equal(one("country", "ukr"), -1);
    assert_int_equal(one("country", "UK"), -1);
    assert_int_equal(one("actor", "RUS*"), -1);
    assert_int_equal(one("actor", "RUS%"), -1);
    assert_int_equal(one("actor", "RUS?"), -1);
    assert_int_equal(one("actor", "RUS[A]"), -1);
    assert_int_equal(one("actor", "RUS'--"), -1);
    assert_int_equal(one("actor", "putin-vladimir"), 0);
    assert_int_equal(one("plover", "NOSUCH"), -1);
    assert_int_equal(one("plover", "assault"), -1);
    assert_int_equal(one("by", "plover"), 0);
    assert_int_equal(one("by", "day"), -1);
    assert_int_equal(one("q", "\xff\xfe"), -1);
    assert_int_equal(one("q", "\xc0\xaf"), -1);     /* overlong '/' */
    assert_int_equal(one("q", "\xed\xa0\x80"), -1); /* surrogate */
    assert_int_equal(one("q", "Kyiv’s"), 0);
    assert_int_equal(one("page", NULL), -1);
    assert_int_equal(one("page", ""), -1);
    /* a NUL inside a value */
    sr_serve_params p;
    sr_serve_params_init(&p);
    char msg[256];
    assert_int_equal(
        sr_serve_params_add(&p, SR_P_FILTERS, "actor", 5, "RUS\0X", 5, types, 3, msg, sizeof msg),
        -1);
}

static void test_names(void **state)
{
    (void)state;
    sr_serve_params p;
    sr_serve_params_init(&p);
    char msg[256];
    assert_int_equal(add(&p, "quad", "1"), 0);
    assert_int_equal(
        sr_serve_params_add(&p, SR_P_FILTERS, "quad", 4, "2", 1, types, 3, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "more than once"));
    assert_int_equal(
        sr_serve_params_add(&p, SR_P_FILTERS, "nosuch", 6, "1", 1, types, 3, msg, sizeof msg), -1);
    assert_string_equal(msg, "unknown parameter nosuch");
    assert_int_equal(
        sr_serve_params_add(&p, SR_P_FILTERS, "by", 2, "quad", 4, types, 3, msg, sizeof msg),
        -1); /* by is timeline's only */
    assert_int_equal(sr_serve_params_add(&p, 0, "page", 4, "1", 1, types, 3, msg, sizeof msg), -1);
    /* a hostile name is not echoed */
    assert_int_equal(
        sr_serve_params_add(&p, SR_P_FILTERS, "<script>\"", 9, "1", 1, types, 3, msg, sizeof msg),
        -1);
    assert_null(strchr(msg, '"'));
    /* from after to */
    sr_serve_params_init(&p);
    assert_int_equal(add(&p, "from", "2025-08-01"), 0);
    assert_int_equal(add(&p, "to", "2025-07-01"), 0);
    assert_int_equal(sr_serve_params_check(&p, msg, sizeof msg), -1);
    assert_string_equal(msg, "from is after to");
    assert_true(sr_serve_date_valid("2024-02-29", 10));
    assert_false(sr_serve_date_valid("2024-02-30", 10));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid),
        cmocka_unit_test(test_bounds),
        cmocka_unit_test(test_forms),
        cmocka_unit_test(test_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
