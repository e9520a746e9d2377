/*
** test_regions.c: the region actors of data/kb/regions.kb.  A region's
** adjective composes with an agent word as a country's does ("Western
** officials" WSTGOV, "European leaders" EURGOV); a region alone is its
** CAMEO region code ("the West" WST); and a longer name that begins with a
** region's name stays what it is ("West Bank", "European Union", "Gulf of
** Mexico", "Kanye West").  On the project's own base.
*/
#include "kb_test.h"

static sr_kb *kb;

static int setup(void **state)
{
    (void)state;
    private_cache();
    kb = kb_test_open(SR_DATA_DIR);
    return kb ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    sr_kb_free(kb);
    drop_private_cache();
    return 0;
}

/* Assert that no mention of the text is the entity id. */
static void assert_no_entity(const found *f, const char *id)
{
    for (size_t i = 0; i < f->n; i++)
        if (f->m[i].entity && strcmp(f->m[i].entity, id) == 0)
            fail_msg("'%s' found in \"%s\" (%s)", id, f->text, f->m[i].code);
}

/* The text of one sentence must name no region record at all. */
static void assert_no_region(const char *text, const char *id)
{
    found f;
    found_run(&f, kb, text, "2025-08-20");
    assert_no_entity(&f, id);
    found_free(&f);
}

/* A region's adjective before an agent word composes with it, as a country's does. */
static void region_and_agent(void **state)
{
    (void)state;
    found f;
    found_run(&f, kb, "Western officials said the talks had failed.", "2025-08-20");
    assert_mention(&f, "Western officials", "WSTGOV", "west");
    found_free(&f);
    found_run(&f, kb, "European leaders met in Brussels on Monday.", "2025-08-20");
    assert_mention(&f, "European leaders", "EURGOV", "europe");
    found_free(&f);
    found_run(&f, kb, "Officials in Europe were worried.", "2025-08-20");
    assert_mention(&f, "Officials in Europe", "EURGOV", "europe");
    found_free(&f);
    found_run(&f, kb, "Former Western diplomats warned of escalation.", "2025-08-20");
    assert_mention(&f, "Western diplomats", "WSTELI", "west");
    found_free(&f);
    found_run(&f, kb, "Gulf Arab officials met in Doha.", "2025-08-20");
    assert_mention(&f, "Gulf Arab officials", "PGSGOV", "persian-gulf");
    found_free(&f);
    found_run(&f, kb, "Middle Eastern diplomats arrived.", "2025-08-20");
    assert_mention(&f, "Middle Eastern diplomats", "MEAGOV", "middle-east");
    found_free(&f);
}

/* A region on its own is its region code. */
static void region_alone(void **state)
{
    (void)state;
    found f;
    found_run(&f, kb, "Russia accused the West of provoking the war.", "2025-08-20");
    assert_mention(&f, "the West", "WST", "west");
    assert_mention(&f, "Russia", "RUS", "russia");
    found_free(&f);
    found_run(&f, kb, "Asian markets fell sharply.", "2025-08-20");
    assert_mention(&f, "Asian", "ASA", "asia");
    found_free(&f);
    found_run(&f, kb, "The Middle East peace process stalled.", "2025-08-20");
    assert_mention(&f, "Middle East", "MEA", "middle-east");
    found_free(&f);
    found_run(&f, kb, "Jihadists expanded across the Sahel and the Horn of Africa.", "2025-08-20");
    assert_mention(&f, "Sahel", "WAF", "sahel");
    assert_mention(&f, "Horn of Africa", "EAF", "east-africa");
    found_free(&f);
}

/* Longer names that begin with a region's name are their own entities. */
static void longer_names_win(void **state)
{
    (void)state;
    found f;
    found_run(&f, kb, "Israeli troops raided a village in the West Bank.", "2025-08-20");
    assert_mention(&f, "West Bank", "PSE", "west-bank");
    assert_no_entity(&f, "west");
    found_free(&f);
    found_run(&f, kb, "The European Union agreed on a new package.", "2025-08-20");
    assert_mention(&f, "European Union", "IGOEUREEC", "eu");
    assert_no_entity(&f, "europe");
    found_free(&f);
    /* Western Europe is Europe, whichever way it is written */
    found_run(&f, kb, "Officials in Western Europe were alarmed.", "2025-08-20");
    assert_mention(&f, "Officials in Western Europe", "EURGOV", "europe");
    found_free(&f);
    found_run(&f, kb, "Western European governments agreed.", "2025-08-20");
    assert_mention(&f, "Western European governments", "EURGOV", "europe");
    found_free(&f);
    found_run(&f, kb, "South Africa hosts the summit.", "2025-08-20");
    assert_mention(&f, "South Africa", "ZAF", "south-africa");
    found_free(&f);
    found_run(&f, kb, "The UN envoy for Western Sahara visited Rabat.", "2025-08-20");
    assert_mention(&f, "Western Sahara", "MAR", "western-sahara");
    found_free(&f);
}

/* Words that only look like a region's name. */
/* A region named often is still not the country a story is about. */
static void region_is_not_the_story_country(void **state)
{
    (void)state;
    found f;
    found_run(&f, kb,
              "Western officials met in Rome. Western diplomats said Western governments agreed. "
              "Russia rejected the plan. Russia said so again. The government said it would wait.",
              "2025-08-20");
    assert_mention(&f, "The government", "RUSGOV", "russia");
    found_free(&f);
}

static void not_regions(void **state)
{
    (void)state;
    assert_no_region("Oil spilled into the Gulf of Mexico.", "persian-gulf");
    assert_no_region("Ships crossed the Gulf of Aden and the Gulf of Oman.", "persian-gulf");
    assert_no_region("A widening gulf separates the two parties.", "persian-gulf");
    assert_no_region("The West Midlands police arrested a man.", "west");
    assert_no_region("Kanye West said he would run.", "west");
    assert_no_region("Protests in West Jerusalem grew.", "west");
    assert_no_region("Fighting continued in western Ukraine and the west of the country.", "west");
    assert_no_region("The Asian Games opened in Hangzhou.", "asia");
    assert_no_region("Trump received Nordic leaders in the White House.", "scandinavia");
}

/* sr_kb_lookup composes a region and an agent word too. */
static void lookup(void **state)
{
    (void)state;
    sr_kb_match m;
    assert_true(sr_kb_lookup(kb, "Western officials", "2025-08-20", &m));
    assert_string_equal(m.code, "WSTGOV");
    assert_true(sr_kb_lookup(kb, "European leaders", "2025-08-20", &m));
    assert_string_equal(m.code, "EURGOV");
    assert_true(sr_kb_lookup(kb, "the West", "2025-08-20", &m));
    assert_string_equal(m.code, "WST");
    assert_true(sr_kb_lookup(kb, "West Bank", "2025-08-20", &m));
    assert_string_equal(m.entity, "west-bank");
    assert_true(sr_kb_lookup(kb, "European Union", "2025-08-20", &m));
    assert_string_equal(m.code, "IGOEUREEC");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(region_and_agent), cmocka_unit_test(region_alone),
        cmocka_unit_test(longer_names_win), cmocka_unit_test(not_regions),
        cmocka_unit_test(region_is_not_the_story_country),
        cmocka_unit_test(lookup),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
