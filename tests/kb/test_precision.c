/*
** test_precision.c: mentions the finder must not make or must code
** differently: bare state institutions and the country a story is about,
** agent words that only modify another noun, metonyms with a sector of
** their own before an agent word, agents shared by a list of countries,
** and spans that are exactly their tokens.  On the project's base
** (data/kb), the fixture (tests/kb/data) and PETRARCH's validation
** dictionaries under ../shared (skipped when absent).
*/
#include "kb_test.h"

#define VALIDATE SR_SHARED_DIR "/peer-suites/petrarch2/"

static sr_kb *real, *fixture, *validate;

static int setup(void **state)
{
    (void)state;
    private_cache();
    sr_error err = {{0}};
    real = sr_kb_open(SR_DATA_DIR, &err);
    if (!real)
        fprintf(stderr, "data/kb: %s\n", err.msg);
    fixture = sr_kb_open(KB_FIXTURE, &err);
    if (!fixture)
        fprintf(stderr, "fixture: %s\n", err.msg);
    if (access(VALIDATE "PETR.Validate.actors.txt", R_OK) == 0)
        validate = sr_kb_open_petrarch(VALIDATE "PETR.Validate.actors.txt",
                                       VALIDATE "PETR.Validate.agents.txt", &err);
    return real && fixture ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    sr_kb_free(real);
    sr_kb_free(fixture);
    sr_kb_free(validate);
    drop_private_cache();
    return 0;
}

/*
** "the government" is no office holder: the base has a group whose role
** title is "... government of Afghanistan", which once made every bare
** "the government" the Taliban (AFGGOV).
*/
static void bare_government_is_no_office_holder(void **state)
{
    (void)state;
    found f;
    found_run(&f, real, "The government said it would act.", "2025-10-05");
    assert_mention(&f, "government", "---GOV", NULL);
    found_free(&f);
    /* with a country, the office holder is still found */
    found_run(&f, real, "The Afghan government said it would act.", "2025-10-05");
    assert_mention(&f, "Afghan government", "AFGGOV", "taliban");
    found_free(&f);
}

/* A bare state institution belongs to the country the story is about. */
static void institution_of_salient_country(void **state)
{
    (void)state;
    found f;
    const char *text = "Georgian police detained 30 protesters in Tbilisi on Saturday.\n\n"
                       "The government banned the rally, and the police used water cannon. "
                       "Prime Minister Irakli Kobakhidze praised the police.\n\n"
                       "Officials said a government official resigned.";
    found_run(&f, real, text, "2025-10-05");
    const sr_mention *m = covering(&f, "The government");
    assert_non_null(m);
    assert_string_equal(m->code, "GEOGOV");
    assert_string_equal(m->entity, "georgia");
    assert_string_equal(m->agent, "agent-government");
    assert_true(m->antecedent >= 0);
    assert_mention(&f, "the police used", "GEOCOP", "georgia");
    assert_mention(&f, "Irakli Kobakhidze", "GEOGOV", NULL);
    /* people, not the institution, and indefinites keep no country */
    assert_mention(&f, "Officials", "---GOV", NULL);
    assert_mention(&f, "a government official", "---GOV", NULL);
    found_free(&f);
    /* a story of two countries has no country of the story */
    found_run(&f, real,
              "Russia and Ukraine traded blame. Russian troops and Ukrainian troops fought. "
              "The government said it would act.",
              "2025-10-05");
    assert_mention(&f, "The government", "---GOV", NULL);
    found_free(&f);
    /* nor has one sentence naming a country once */
    found_run(&f, real, "Arnor said the government of Georgia and the government met.",
              "2025-10-05");
    assert_mention(&f, "the government met", "---GOV", NULL);
    found_free(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bare_government_is_no_office_holder),
        cmocka_unit_test(institution_of_salient_country),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
