/*
** test_resolve.c: the mention finder on the fixture base (tests/kb/data):
** exact and case-insensitive names, agent composition, metonyms,
** date-aware roles, mangled and transliterated names, negatives,
** coreference chains and unknown titled people.
*/
#include "kb_test.h"

#include <pthread.h>

static sr_kb *kb;

static int setup(void **state)
{
    (void)state;
    private_cache();
    kb = kb_test_open(KB_FIXTURE);
    return kb ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    sr_kb_free(kb);
    drop_private_cache();
    return 0;
}

static void exact_multiword_case_insensitive(void **state)
{
    (void)state;
    found f;
    found_run(&f, kb,
              "VLADIMIR PUTIN met vladimir putin and Vladimir Putin in the Russian Federation.",
              "2020-01-01");
    assert_int_equal(f.n, 4);
    for (int i = 0; i < 3; i++) {
        assert_string_equal(f.m[i].code, "RUSGOV");
        assert_string_equal(f.m[i].entity, "putin-vladimir");
        assert_int_equal(f.m[i].kind, SR_MENTION_NAME);
        assert_int_equal(f.m[i].last - f.m[i].first, 2);
    }
    assert_mention(&f, "Russian Federation", "RUS", "russia");
    found_free(&f);
    /* acronyms keep their case: "us" is not the US */
    found_run(&f, kb, "He told us that the US would help.", "2020-01-01");
    assert_int_equal(f.n, 1);
    assert_mention(&f, "US", "USA", "usa");
    found_free(&f);
}

static void agent_composition(void **state)
{
    (void)state;
    found f;
    found_run(&f, kb,
              "Russian troops shelled the town and a Ukrainian police officer was hurt. "
              "NATO troops stayed away. Russia's army moved.",
              "2025-08-20");
    /* a composed agent carries the modifier as its entity and the agent word apart */
    assert_mention(&f, "Russian troops", "RUSMIL", "russia");
    assert_string_equal(covering(&f, "Russian troops")->agent, "agent-military");
    assert_mention(&f, "Ukrainian police officer", "UKRCOP", "ukraine");
    assert_int_equal(covering(&f, "police officer")->kind, SR_MENTION_AGENT);
    assert_string_equal(covering(&f, "police officer")->agent, "agent-police");
    assert_mention(&f, "NATO troops", "IGOWSTNATMIL", "nato");
    assert_mention(&f, "Russia's army", "RUSMIL", "russia");
    found_free(&f);
    /* an agent word alone gives its sector after CAMEO's null country */
    found_run(&f, kb, "Police said the troops left.", "2025-08-20");
    assert_mention(&f, "Police", "---COP", NULL);
    assert_string_equal(covering(&f, "Police")->agent, "agent-police");
    assert_mention(&f, "troops", "---MIL", NULL);
    found_free(&f);
    /* so does a titled person the base lacks, with no country */
    found_run(&f, kb, "Minister Levan Tsereteladze spoke.", "2025-08-20");
    assert_mention(&f, "Levan Tsereteladze", "---GOV", NULL);
    found_free(&f);
}

/* Modifiers after the title, "former", and no doubled sectors. */
static void title_modifiers(void **state)
{
    (void)state;
    found f;
    found_run(&f, kb,
              "Soldiers from Russia advanced. Former officials in Kyiv objected. White House "
              "officials agreed. The president of Ukraine spoke.",
              "2025-08-20");
    assert_mention(&f, "Soldiers from Russia", "RUSMIL", "russia");
    assert_mention(&f, "Former officials in Kyiv", "UKRELI", "ukraine");
    assert_mention(&f, "White House officials", "USAGOV", "usa");
    assert_mention(&f, "president of Ukraine", "UKRGOV", "zelensky-volodymyr");
    found_free(&f);
}

static void metonyms(void **state)
{
    (void)state;
    found f;
    found_run(&f, kb, "Moscow and Kyiv traded blame; the Kremlin said the White House lied.",
              "2025-08-20");
    assert_mention(&f, "Moscow", "RUSGOV", "russia");
    assert_mention(&f, "Kyiv", "UKRGOV", "ukraine");
    assert_mention(&f, "the Kremlin", "RUSGOV", "russia");
    assert_mention(&f, "the White House", "USAGOV", "usa");
    assert_int_equal(covering(&f, "Kyiv")->kind, SR_MENTION_METONYM);
    found_free(&f);
    /* where it is the place, the seat of power is a name of its country */
    found_run(&f, kb, "Leaders met in Moscow on Friday.", "2025-08-20");
    assert_mention(&f, "Moscow", "RUS", "russia");
    assert_int_equal(covering(&f, "Moscow")->kind, SR_MENTION_NAME);
    found_free(&f);
}

static void date_aware_roles(void **state)
{
    (void)state;
    found f;
    found_run(&f, kb, "The US president spoke.", "2025-08-20");
    assert_mention(&f, "US president", "USAGOV", "trump-donald");
    assert_int_equal(covering(&f, "US president")->kind, SR_MENTION_TITLE);
    found_free(&f);
    found_run(&f, kb, "The US president spoke.", "2022-08-20");
    assert_mention(&f, "US president", "USAGOV", "biden-joe");
    found_free(&f);
    /* former office holders: their country's elite */
    found_run(&f, kb, "Biden and Trump spoke.", "2025-08-20");
    assert_mention(&f, "Biden", "USAELI", "biden-joe");
    assert_mention(&f, "Trump", "USAGOV", "trump-donald");
    found_free(&f);
    found_run(&f, kb, "Biden and Trump spoke.", "2022-08-20");
    assert_mention(&f, "Biden", "USAGOV", "biden-joe");
    assert_mention(&f, "Trump", "USAELI", "trump-donald");
    found_free(&f);
    /* the prime minister years still code as government */
    found_run(&f, kb, "Putin spoke.", "2010-01-01");
    assert_mention(&f, "Putin", "RUSGOV", "putin-vladimir");
    found_free(&f);
}

/* The scraped and transliterated spellings of the seed article. */
static void mangled_names(void **state)
{
    (void)state;
    found f;
    found_run(&f, kb,
              "Admiral Giuseppe Kava -Dragon, head of the Military Committee of the Alliance, "
              "arrived.",
              "2025-08-20");
    assert_mention(&f, "Kava -Dragon", "IGOWSTNATMIL", "cavo-dragone-giuseppe");
    found_free(&f);
    found_run(&f, kb,
              "US General Aleksis Grinkevich, senior commander of NATO allies in Europe, spoke.",
              "2025-08-20");
    assert_mention(&f, "Aleksis Grinkevich", "IGOWSTNATMIL", "grynkewich-alexus");
    found_free(&f);
    found_run(&f, kb, "General Dan Kane, the head of the General Staff, agreed.", "2025-08-20");
    assert_mention(&f, "Dan Kane", "USAMIL", "caine-dan");
    found_free(&f);
    const char *zel[] = {"Zelenski said no.", "Volodimir Zelensky said no.", "Zelenskiy said no.",
                         "Zelenskyy said no."};
    for (size_t i = 0; i < 4; i++) {
        found_run(&f, kb, zel[i], "2025-08-20");
        assert_int_equal(f.n, 1);
        assert_string_equal(f.m[0].entity, "zelensky-volodymyr");
        assert_string_equal(f.m[0].code, "UKRGOV");
        found_free(&f);
    }
    /* romanized from the native name: Russian BGN of Владимир Зеленский */
    found_run(&f, kb, "Vladimir Zelenskiy said no.", "2025-08-20");
    assert_mention(&f, "Vladimir Zelenskiy", "UKRGOV", "zelensky-volodymyr");
    found_free(&f);
}

/* Native names are romanized with ICU at compile time: exact keys, no guessing. */
static void transliterated_variants(void **state)
{
    (void)state;
    const char *names[] = {"Sergey Kuzhugetovich Shoygu", "Sergey Shoygu", "Volodymyr Zelenskyy",
                           "Vladimir Zelenskiy", "Владимир Путин"};
    const char *ids[] = {"shoigu-sergei", "shoigu-sergei", "zelensky-volodymyr",
                         "zelensky-volodymyr", "putin-vladimir"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        sr_kb_match m;
        if (!sr_kb_lookup(kb, names[i], "2025-08-20", &m))
            fail_msg("'%s' not found", names[i]);
        assert_string_equal(m.entity, ids[i]);
        if (strcmp(m.how, "exact") != 0)
            fail_msg("'%s' matched by %s, not by a compiled variant", names[i], m.how);
    }
}

/* Names a letter or two away from a leader's, with nothing in the sentence to back them. */
static void negatives(void **state)
{
    (void)state;
    const char *texts[] = {
        "Mr Pution said it would rain.",
        "Boden said the shop was closed.",
        "Dan Kane, a plumber from Ohio, said the pipes froze.",
        "Zelinsky, a pianist, played Chopin.",
        "Giuseppe Verdi wrote operas.",
        "Donald Trumpet played jazz.",
        "Alexus Brown won the race.",
        "On Monday Melania Trump visited a school.",
        "He met Hunter Biden and Ivan Putin there.",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        found f;
        found_run(&f, kb, texts[i], "2025-08-20");
        for (size_t k = 0; k < f.n; k++)
            if (f.m[k].entity)
                fail_msg("'%s' resolved to %s", texts[i], f.m[k].entity);
        found_free(&f);
    }
}

static void coreference_chain(void **state)
{
    (void)state;
    found f;
    found_run(&f, kb,
              "Admiral Giuseppe Kava -Dragon arrived in Kyiv. The Italian admiral met "
              "officials. He said Putin was wrong. The Russian leader did not answer.",
              "2025-08-20");
    const sr_mention *first = covering(&f, "Kava -Dragon");
    const sr_mention *adm = covering(&f, "Italian admiral");
    const sr_mention *he = covering(&f, "He said");
    const sr_mention *putin = covering(&f, "Putin was");
    const sr_mention *leader = covering(&f, "Russian leader");
    assert_non_null(first);
    assert_non_null(adm);
    assert_non_null(he);
    assert_non_null(leader);
    assert_int_equal(adm->kind, SR_MENTION_TITLE);
    assert_string_equal(adm->entity, "cavo-dragone-giuseppe");
    assert_int_equal(adm->antecedent, (int32_t)(first - f.m));
    assert_int_equal(he->kind, SR_MENTION_PRONOUN);
    assert_string_equal(he->entity, "cavo-dragone-giuseppe");
    assert_int_equal(he->antecedent, (int32_t)(adm - f.m));
    assert_string_equal(leader->entity, "putin-vladimir");
    assert_int_equal(leader->kind, SR_MENTION_TITLE);
    assert_int_equal(leader->antecedent, (int32_t)(putin - f.m));
    found_free(&f);

    /* a surname alone goes back to the earlier full (mangled) name */
    found_run(&f, kb,
              "US General Aleksis Grinkevich, senior commander of NATO allies in Europe, spoke. "
              "Grinkevich said more.",
              "2025-08-20");
    const sr_mention *full = covering(&f, "Aleksis Grinkevich");
    const sr_mention *sur = covering(&f, "Grinkevich said");
    assert_non_null(sur);
    assert_string_equal(sur->entity, "grynkewich-alexus");
    assert_int_equal(sur->antecedent, (int32_t)(full - f.m));
    found_free(&f);
}

/* "it" goes to a named country or organization, unless it is the empty subject. */
static void it_pronoun(void **state)
{
    (void)state;
    found f;
    found_run(&f, kb, "Russia said it would respond. It is unclear whether NATO agreed.",
              "2025-08-20");
    const sr_mention *it = covering(&f, "it would");
    assert_non_null(it);
    assert_int_equal(it->kind, SR_MENTION_PRONOUN);
    assert_string_equal(it->entity, "russia");
    assert_null(covering(&f, "It is"));
    found_free(&f);
}

static void unknown_titled_person(void **state)
{
    (void)state;
    found f;
    found_run(&f, kb, "Ukrainian Foreign Minister Andrii Sybiha said she was wrong.", "2025-08-20");
    const sr_mention *m = covering(&f, "Andrii Sybiha");
    assert_non_null(m);
    assert_int_equal(m->kind, SR_MENTION_UNKNOWN);
    assert_string_equal(m->code, "UKRGOV");
    assert_null(m->entity);
    assert_string_equal(m->name, "Andrii Sybiha");
    found_free(&f);
    /* no title and no nationality: nothing to code it with */
    found_run(&f, kb, "Andrii Sybiha said so.", "2025-08-20");
    assert_int_equal(f.n, 0);
    found_free(&f);
}

static void lookup_json(void **state)
{
    (void)state;
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_int_equal(sr_kb_lookup_json(kb, "the US president", "2022-08-20", out), 1);
    assert_int_equal(sr_kb_lookup_json(kb, "Nobody \"Special\"", NULL, out), 0);
    fclose(out);
    assert_non_null(strstr(buf, "\"id\":\"biden-joe\""));
    assert_non_null(strstr(buf, "\"code\":\"USAGOV\""));
    assert_non_null(strstr(buf, "{\"name\":\"Nobody \\\"Special\\\"\",\"match\":null}"));
    free(buf);
}

/* One thread's work: find the mentions of a text many times; count wrong answers. */
static void *find_many(void *arg)
{
    static const char text[] = "Admiral Giuseppe Kava -Dragon met Zelenski in Kyiv. The US "
                               "president called. Russian troops withdrew. He said so.";
    int *wrong = arg;
    for (int i = 0; i < 50; i++) {
        found f;
        found_run(&f, kb, text, "2025-08-20");
        const sr_mention *m = covering(&f, "Kava -Dragon");
        const sr_mention *p = covering(&f, "US president");
        if (f.n < 5 || !m || !m->entity || strcmp(m->entity, "cavo-dragone-giuseppe") != 0 || !p ||
            !p->entity || strcmp(p->entity, "trump-donald") != 0)
            (*wrong)++;
        found_free(&f);
    }
    return NULL;
}

/* The base is read-only: threads share it without locks. */
static void shared_by_threads(void **state)
{
    (void)state;
    pthread_t t[4];
    int wrong[4] = {0};
    for (int i = 0; i < 4; i++)
        assert_int_equal(pthread_create(&t[i], NULL, find_many, &wrong[i]), 0);
    for (int i = 0; i < 4; i++) {
        pthread_join(t[i], NULL);
        assert_int_equal(wrong[i], 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(exact_multiword_case_insensitive),
        cmocka_unit_test(agent_composition),
        cmocka_unit_test(metonyms),
        cmocka_unit_test(title_modifiers),
        cmocka_unit_test(date_aware_roles),
        cmocka_unit_test(mangled_names),
        cmocka_unit_test(transliterated_variants),
        cmocka_unit_test(negatives),
        cmocka_unit_test(coreference_chain),
        cmocka_unit_test(it_pronoun),
        cmocka_unit_test(unknown_titled_person),
        cmocka_unit_test(lookup_json),
        cmocka_unit_test(shared_by_threads),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
