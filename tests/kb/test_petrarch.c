/*
** test_petrarch.c: the importer of PETRARCH/TABARI actor and agent
** dictionaries, on the Phoenix dictionaries and PETRARCH's validation
** dictionaries under ../shared (read in place, never copied).
*/
#include "kb_test.h"

#define PHOENIX SR_SHARED_DIR "/dictionaries/petrarch2/"
#define VALIDATE SR_SHARED_DIR "/peer-suites/petrarch2/"

static sr_kb *phoenix, *validate;

static int setup(void **state)
{
    (void)state;
    sr_error err = {0};
    if (access(PHOENIX "Phoenix.Countries.actors.txt", R_OK) == 0) {
        phoenix = sr_kb_open_petrarch(PHOENIX "Phoenix.Countries.actors.txt:" PHOENIX
                                              "Phoenix.International.actors.txt:" PHOENIX
                                              "Phoenix.MilNonState.actors.txt",
                                      PHOENIX "Phoenix.agents.txt", &err);
        if (!phoenix)
            fprintf(stderr, "%s\n", err.msg);
    }
    if (access(VALIDATE "PETR.Validate.actors.txt", R_OK) == 0)
        validate = sr_kb_open_petrarch(VALIDATE "PETR.Validate.actors.txt",
                                       VALIDATE "PETR.Validate.agents.txt", &err);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    sr_kb_free(phoenix);
    sr_kb_free(validate);
    return 0;
}

/* The code name resolves to on date. */
static const char *code(sr_kb *kb, const char *name, const char *date)
{
    static sr_kb_match m;
    return sr_kb_lookup(kb, name, date, &m) ? m.code : "(none)";
}

static void phoenix_loads_with_counts(void **state)
{
    (void)state;
    if (!phoenix)
        skip();
    sr_kb_stats st;
    sr_kb_get_stats(phoenix, &st);
    /* about 27,000 actors and 2,200 agents in the 2014/2015 dictionaries */
    assert_in_range(st.entities, 25000, 40000);
    assert_in_range(st.agents, 2000, 2500);
    assert_true(st.roles > 20000);
    assert_true(st.names > 40000);
}

/* Date-restricted codes of Phoenix.Countries.actors.txt. */
static void phoenix_date_restricted_roles(void **state)
{
    (void)state;
    if (!phoenix)
        skip();
    assert_string_equal(code(phoenix, "Vladimir Putin", "2005-06-01"), "RUSGOV");
    assert_string_equal(code(phoenix, "VLADIMIR PUTIN", "1995-06-01"), "RUSELI");
    assert_string_equal(code(phoenix, "Prime Minister Putin", "2010-06-01"), "RUSGOV");
    assert_string_equal(code(phoenix, "Hamid Karzai", "2005-06-01"), "AFGGOV");
    assert_string_equal(code(phoenix, "Hamid Karzai", "1990-06-01"), "AFGELI");
    /* Ukraine: USRUKR before independence, UKR after */
    assert_string_equal(code(phoenix, "Ukraine", "1985-01-01"), "USRUKR");
    assert_string_equal(code(phoenix, "Ukraine", "2014-01-01"), "UKR");
}

/* Agents compose with a preceding actor: ~CODE appended, CODE~ prepended. */
static void phoenix_agents_compose(void **state)
{
    (void)state;
    if (!phoenix)
        skip();
    assert_string_equal(code(phoenix, "Russian troops", "2014-01-01"), "RUSMIL");
    assert_string_equal(code(phoenix, "a Ukrainian police officer", "2014-01-01"), "UKRCOP");
    assert_string_equal(code(phoenix, "Russian foreign ministry", "2014-01-01"), "RUSGOV");
    assert_string_equal(code(phoenix, "the French foreign minister", "2014-01-01"), "FRAGOV");
}

/* PETRARCH's own validation dictionary: overlapping date restrictions, comments. */
static void validate_dictionary(void **state)
{
    (void)state;
    if (!validate)
        skip();
    assert_string_equal(code(validate, "Sam Gamgee", "2007-01-01"), "HOBCIV");
    assert_string_equal(code(validate, "Sam Gamgee", "2009-01-01"), "HOBMIL");
    /* the narrower restriction overrides the one it falls inside */
    assert_string_equal(code(validate, "Sam Gamgee", "2010-01-10"), "ORCHOB");
    assert_string_equal(code(validate, "Sam Gamgee", "2013-01-01"), "HOBGOV");
    assert_string_equal(code(validate, "Sam Gamgee", "2014-01-01"), "HOBELI");
    assert_string_equal(code(validate, "Gollum", "1994-01-01"), "HOB");
    assert_string_equal(code(validate, "Smeagol", "1997-01-01"), "HOBGOV");
    assert_string_equal(code(validate, "Slinker", "2001-01-01"), "HOBREB");
    assert_string_equal(code(validate, "Hamfast Gamgee", "2000-01-01"), "HOB");
    assert_string_equal(code(validate, "Hamfast Gamgee", "2013-01-01"), "HOBGOV");
    assert_string_equal(code(validate, "Radagast the Brown", NULL), "RAD");
    assert_string_equal(code(validate, "Russian human rights body", NULL), "NGORUS");
    assert_string_equal(code(validate, "Ithilen Military", NULL), "ITHMIL");
    assert_string_equal(code(validate, "Danish soldiers", NULL), "DNKMIL");
    /* a multi-code actor keeps its codes: the coder codes each */
    assert_string_equal(code(validate, "the Shire", NULL), "FRO/BIL/SAM");
    sr_kb_match m;
    /* commented out in the dictionary */
    assert_int_equal(sr_kb_lookup(validate, "Nasgul", NULL, &m), 0);
}

/*
** PETRARCH's unit-test records: the source and target codes each record
** expects should be among the codes of the mentions found in its text.
** (Coordinated actors and multi-code actors like [FRO/BIL/SAM] are the
** coder's business, so the bar is 90%, not 100%.)
*/
static void unit_test_records_codes(void **state)
{
    (void)state;
    if (!validate)
        skip();
    sr_error err = {0};
    size_t len;
    char *xml = sr_read_file(VALIDATE "PETR.UnitTest.records.xml", &len, &err);
    if (!xml)
        skip();
    size_t want = 0, have = 0;
    for (char *p = strstr(xml, "<Sentence "); p; p = strstr(p + 1, "<Sentence ")) {
        char *end = strstr(p, "</Sentence>"), *date = strstr(p, "date=\"");
        char *text = strstr(p, "<Text>"), *text_end = text ? strstr(text, "</Text>") : NULL;
        if (!end || !date || !text || !text_end || text_end > end || date > end)
            continue;
        char day[11];
        snprintf(day, sizeof day, "%.4s-%.2s-%.2s", date + 6, date + 10, date + 12);
        char *sentence = strndup(text + 6, (size_t)(text_end - text - 6));
        found f;
        found_run(&f, validate, sentence, day);
        for (char *c = strstr(p, "code=\""); c && c < end; c = strstr(c + 1, "code=\"")) {
            if (strncmp(c - 6, "source", 6) != 0 && strncmp(c - 6, "target", 6) != 0)
                continue; /* sourcecode= and targetcode= only */
            char code[32];
            size_t n = strcspn(c + 6, "\"");
            if (n == 0 || n >= sizeof code || (n == 3 && strncmp(c + 6, "---", 3) == 0))
                continue; /* the null actor "---" is no mention */
            memcpy(code, c + 6, n);
            code[n] = 0;
            want++;
            for (size_t i = 0; i < f.n; i++)
                if (strcmp(f.m[i].code, code) == 0) {
                    have++;
                    break;
                }
        }
        found_free(&f);
        free(sentence);
        p = end;
    }
    free(xml);
    fprintf(stderr, "PETRARCH unit-test records: %zu of %zu expected codes found\n", have, want);
    assert_true(want > 500);
    assert_true(have * 10 >= want * 9);
}

/* Agents with no country: CAMEO's null country before the agent's code. */
static void countryless_agents(void **state)
{
    (void)state;
    if (!validate)
        skip();
    found f;
    found_run(&f, validate, "Clerics and lawmakers believe Dagolath can cope.", "1995-01-01");
    assert_mention(&f, "Clerics", "---REL", NULL);
    assert_mention(&f, "lawmakers", "---LEG", NULL);
    found_free(&f);
}

/* A missing file is an error, not a crash. */
static void missing_file(void **state)
{
    (void)state;
    sr_error err = {0};
    assert_null(sr_kb_open_petrarch("/nonexistent/actors.txt", NULL, &err));
    assert_non_null(strstr(err.msg, "/nonexistent/actors.txt"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(phoenix_loads_with_counts),
        cmocka_unit_test(phoenix_date_restricted_roles),
        cmocka_unit_test(phoenix_agents_compose),
        cmocka_unit_test(validate_dictionary),
        cmocka_unit_test(unit_test_records_codes),
        cmocka_unit_test(countryless_agents),
        cmocka_unit_test(missing_file),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
