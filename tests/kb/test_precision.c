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
    sr_error err = {0};
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
                       "Prime Minister Levan Tsereteladze praised the police. "
                       "The opposition objected.\n\n"
                       "Officials said a government official resigned.";
    found_run(&f, real, text, "2025-10-05");
    const sr_mention *m = covering(&f, "The government");
    assert_non_null(m);
    assert_string_equal(m->code, "GEOGOV");
    assert_string_equal(m->entity, "georgia");
    assert_string_equal(m->agent, "agent-government");
    assert_true(m->antecedent >= 0);
    assert_mention(&f, "the police used", "GEOCOP", "georgia");
    assert_mention(&f, "Levan Tsereteladze", "GEOGOV", NULL);
    assert_mention(&f, "The opposition", "GEOOPP", "georgia");
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
    /* a country named by a group and a place: the institution is the country's, not the group's */
    found_run(&f, real,
              "ELN guerrillas kidnapped two soldiers in Arauca, the Ministry of Defence said.",
              "2025-02-10");
    assert_mention(&f, "the Ministry of Defence", "COLGOV", NULL);
    found_free(&f);
    /* nor has one sentence naming a country once */
    found_run(&f, real, "Arnor said the government of Georgia and the government met.",
              "2025-10-05");
    assert_mention(&f, "the government met", "---GOV", NULL);
    found_free(&f);
}

/* Whether any mention covers a byte of the first occurrence of phrase. */
static int any_mention(const found *f, const char *phrase)
{
    const char *at = strstr(f->text, phrase);
    if (!at)
        fail_msg("'%s' is not in the text", phrase);
    uint32_t s = (uint32_t)(at - f->text), e = s + (uint32_t)strlen(phrase);
    for (size_t i = 0; i < f->n; i++)
        if (f->m[i].span.start < e && s < f->m[i].span.end)
            return 1;
    return 0;
}

/* Hand-made tags of one token: UPOS, 1-based head (-1 unparsed, 0 root), relation. */
typedef struct tag {
    int upos;
    int32_t head;
    const char *deprel;
} tag;

/* Like found_run on a one-sentence text whose tokens get the tags given. */
static void found_tagged(found *f, const sr_kb *kb, const char *text, const tag *tags, size_t n)
{
    sr_arena_init(&f->a);
    f->text = text;
    sr_sentence *ss;
    size_t ns;
    sr_segment(&f->a, text, strlen(text), &ss, &ns);
    assert_int_equal(ns, 1);
    assert_int_equal(ss[0].ntokens, n);
    for (size_t i = 0; i < n; i++) {
        ss[0].tokens[i].upos = (uint8_t)tags[i].upos;
        ss[0].tokens[i].head = tags[i].head;
        ss[0].tokens[i].deprel = tags[i].deprel;
    }
    sr_actors_find(kb, text, ss, ns, "2025-08-20", &f->a, &f->m, &f->n);
}

/* Untagged text: an agent word before a common noun only modifies it. */
static void agent_word_as_modifier_untagged(void **state)
{
    (void)state;
    found f;
    found_run(&f, real,
              "Russia sent military assistance and military aid. The police station was hit. "
              "Investors bought government bonds.",
              "2025-08-20");
    assert_false(any_mention(&f, "military assistance"));
    assert_false(any_mention(&f, "military aid"));
    assert_false(any_mention(&f, "police station"));
    assert_false(any_mention(&f, "government bonds"));
    assert_mention(&f, "Russia", "RUS", "russia");
    found_free(&f);
    /* before a verb, another agent word or a plural, the agent is an actor */
    found_run(&f, real,
              "The military said so. Police arrested protesters. Government troops left. "
              "The police officers fired. Soldiers training recruits left.",
              "2025-08-20");
    assert_mention(&f, "military", "---MIL", NULL);
    assert_mention(&f, "Police arrested", "---COP", NULL);
    assert_true(any_mention(&f, "Government troops"));
    assert_true(any_mention(&f, "police officers"));
    assert_true(any_mention(&f, "Soldiers"));
    found_free(&f);
}

/* Tagged and parsed text: the tags and the tree decide. */
static void agent_word_as_modifier_tagged(void **state)
{
    (void)state;
    found f;
    /* "military" tagged ADJ but the subject: an actor */
    const tag said[] = {{SR_UPOS_DET, 2, "det"},
                        {SR_UPOS_ADJ, 3, "nsubj"},
                        {SR_UPOS_VERB, 0, "root"},
                        {SR_UPOS_ADV, 3, "advmod"},
                        {SR_UPOS_PUNCT, 3, "punct"}};
    found_tagged(&f, real, "The military said so.", said, 5);
    assert_mention(&f, "military", "---MIL", NULL);
    found_free(&f);
    /* "military" the amod of "guarantees": no actor */
    const tag seeks[] = {{SR_UPOS_PROPN, 2, "nsubj"},
                         {SR_UPOS_VERB, 0, "root"},
                         {SR_UPOS_ADJ, 4, "amod"},
                         {SR_UPOS_NOUN, 2, "obj"},
                         {SR_UPOS_PUNCT, 2, "punct"}};
    found_tagged(&f, real, "Kyiv seeks military guarantees.", seeks, 5);
    assert_false(any_mention(&f, "military"));
    assert_true(any_mention(&f, "Kyiv"));
    found_free(&f);
    /* a headline misparsed as one noun phrase: "Police" heads no noun right after it */
    const tag arrest[] = {
        {SR_UPOS_NOUN, 3, "compound"}, {SR_UPOS_NOUN, 3, "compound"}, {SR_UPOS_NOUN, 0, "root"}};
    found_tagged(&f, real, "Police arrest dozens", arrest, 3);
    assert_true(any_mention(&f, "Police"));
    found_free(&f);
    /* tagged, not parsed: a noun before a noun */
    const tag station[] = {{SR_UPOS_DET, -1, NULL},
                           {SR_UPOS_NOUN, -1, NULL},
                           {SR_UPOS_NOUN, -1, NULL},
                           {SR_UPOS_VERB, -1, NULL},
                           {SR_UPOS_PUNCT, -1, NULL}};
    found_tagged(&f, real, "The police station burned.", station, 5);
    assert_false(any_mention(&f, "police"));
    found_free(&f);
    const tag arrested[] = {{SR_UPOS_DET, -1, NULL},
                            {SR_UPOS_NOUN, -1, NULL},
                            {SR_UPOS_VERB, -1, NULL},
                            {SR_UPOS_PRON, -1, NULL},
                            {SR_UPOS_PUNCT, -1, NULL}};
    found_tagged(&f, real, "The police arrested him.", arrested, 5);
    assert_true(any_mention(&f, "police"));
    found_free(&f);
    /* the group itself gathered: still an actor */
    const tag rally[] = {{SR_UPOS_PROPN, 2, "nsubj"}, {SR_UPOS_VERB, 0, "root"},
                         {SR_UPOS_DET, 5, "det"},     {SR_UPOS_NOUN, 5, "compound"},
                         {SR_UPOS_NOUN, 2, "obj"},    {SR_UPOS_PUNCT, 2, "punct"}};
    found_tagged(&f, real, "Tbilisi banned an opposition rally.", rally, 6);
    assert_true(any_mention(&f, "opposition"));
    found_free(&f);
    /* the noun modified names people or a body: still an actor */
    const tag agency[] = {{SR_UPOS_DET, -1, NULL},  {SR_UPOS_ADJ, -1, NULL},
                          {SR_UPOS_NOUN, -1, NULL}, {SR_UPOS_NOUN, -1, NULL},
                          {SR_UPOS_VERB, -1, NULL}, {SR_UPOS_PUNCT, -1, NULL}};
    found_tagged(&f, real, "The official news agency said.", agency, 6);
    assert_true(any_mention(&f, "official"));
    found_free(&f);
    const tag workers[] = {{SR_UPOS_NOUN, 2, "compound"},
                           {SR_UPOS_NOUN, 3, "nsubj"},
                           {SR_UPOS_VERB, 0, "root"},
                           {SR_UPOS_PUNCT, 3, "punct"}};
    found_tagged(&f, real, "Police commanders protested.", workers, 4);
    assert_true(any_mention(&f, "Police"));
    found_free(&f);
}

/*
** A metonym that carries a sector before an agent word: the sector once,
** and between the government and a branch of the state, the branch.
*/
static void metonym_sector_and_agent(void **state)
{
    (void)state;
    found f;
    found_run(&f, fixture,
              "White House officials met. White House police left. Pentagon officials spoke. "
              "Former White House officials objected. Kremlin officials agreed.",
              "2025-08-20");
    assert_mention(&f, "White House officials met", "USAGOV", "usa");
    assert_mention(&f, "White House police", "USACOP", "usa");
    assert_mention(&f, "Pentagon officials", "USAMIL", "usa");
    assert_mention(&f, "Former White House officials", "USAGOVELI", "usa");
    assert_mention(&f, "Kremlin officials", "RUSGOV", "russia");
    found_free(&f);
    /* a person the base gives no code takes the phrase's */
    found_run(&f, fixture, "White House police officer Ivan Testov left.", "2025-08-20");
    assert_mention(&f, "Ivan Testov", "USACOP", "testov-ivan");
    found_free(&f);
    /* "former" before a country adjective */
    found_run(&f, fixture, "Former Russian officials said so.", "2025-08-20");
    assert_mention(&f, "Former Russian officials", "RUSELI", "russia");
    found_free(&f);
    if (!validate)
        return;
    /* imported actors whose own code ends with a sector */
    found_run(&f, validate, "White House security officials met Gondor.", "1995-01-01");
    assert_mention(&f, "White House security officials", "USAGOV", "white-house");
    found_free(&f);
    found_run(&f, validate, "The Quibbler government newspaper met Gondor.", "1995-01-01");
    assert_mention(&f, "Quibbler government newspaper", "HGWGOVMED", "quibbler");
    found_free(&f);
}

/* Agents shared by lists: countries after the agent, agents before "in X". */
static void agents_shared_by_lists(void **state)
{
    (void)state;
    found f;
    found_run(&f, fixture,
              "Officials in Kyiv and Moscow met. Soldiers from Russia, Ukraine and Italy left. "
              "Russian troops and police advanced. Soldiers from Italy, Ukraine said so.",
              "2025-08-20");
    assert_mention(&f, "Officials in Kyiv", "UKRGOV", "ukraine");
    assert_mention(&f, "Moscow met", "RUSGOV", "russia");
    assert_int_equal(covering(&f, "Moscow met")->kind, SR_MENTION_AGENT);
    assert_mention(&f, "Ukraine and", "UKRMIL", "ukraine");
    assert_mention(&f, "Italy left", "ITAMIL", "italy");
    assert_mention(&f, "police advanced", "RUSCOP", "russia");
    /* no "and": an apposition, not a list */
    assert_mention(&f, "Ukraine said", "UKR", "ukraine");
    found_free(&f);
    if (!validate)
        return;
    found_run(&f, validate, "Lawmakers in Fornost and Gondor welcomed ties with Eriador.",
              "1995-01-01");
    assert_mention(&f, "Lawmakers in Fornost", "FORLEG", "fornost");
    assert_mention(&f, "Gondor", "GONLEG", "gondor");
    assert_mention(&f, "Eriador", "ERI", "eriador");
    found_free(&f);
    found_run(&f, validate, "Lawmakers and officials in Fornost and Gondor welcomed ties.",
              "1995-01-01");
    assert_mention(&f, "Lawmakers", "FORLEG", "fornost");
    assert_int_equal(covering(&f, "Lawmakers")->span.end - covering(&f, "Lawmakers")->span.start,
                     strlen("Lawmakers"));
    assert_mention(&f, "officials in Fornost", "FORGOV", "fornost");
    assert_mention(&f, "Gondor", "GONGOV", "gondor");
    found_free(&f);
    found_run(&f, validate, "Danish media and government warned Gondor.", "1995-01-01");
    assert_mention(&f, "Danish media", "DNKMED", "denmark");
    assert_mention(&f, "government", "DNKGOV", "denmark");
    found_free(&f);
}

/*
** Spans are exactly the words of the mention: a title at the end of a
** sentence does not take its full stop for an abbreviation's ("the
** admiral."), and no mention starts or ends on punctuation.
*/
static void spans_without_full_stop(void **state)
{
    (void)state;
    found f;
    const char *text =
        "Admiral Giuseppe Cavo Dragone met reporters. Reporters thanked the admiral. "
        "Police detained demonstrators. They met Gen. Dan Caine. "
        "Officials praised the head.";
    found_run(&f, real, text, "2025-08-20");
    const sr_mention *m = covering(&f, "admiral.");
    assert_non_null(m);
    assert_string_equal(m->entity, "cavo-dragone-giuseppe");
    assert_int_equal(m->kind, SR_MENTION_TITLE);
    assert_mention(&f, "Gen. Dan Caine", "USAMIL", "caine-dan");
    for (size_t i = 0; i < f.n; i++) {
        char first = text[f.m[i].span.start], last = text[f.m[i].span.end - 1];
        assert_true(first != '.' && first != ',' && first != ' ');
        assert_true(last != '.' && last != ',' && last != ' ');
    }
    found_free(&f);
}

/* A nationality the base lacks before an agent is its modifier, not a place after it. */
static void unknown_nationality_before_agent(void **state)
{
    (void)state;
    found f;
    found_run(&f, real,
              "Trump received outstanding Nordic leaders in the White House. "
              "Trump met officials in Kyiv.",
              "2025-08-20");
    assert_mention(&f, "leaders", "---GOV", NULL);
    assert_mention(&f, "officials in Kyiv", "UKRGOV", "ukraine");
    found_free(&f);
}

/*
** Office titles before a noun are still the office holder ("Turkish
** foreign minister hosts talks"); an agent before a plural rank is no
** modifier ("NATO military chiefs"); a person is no institution ("the
** diplomat" takes no country from the story).
*/
static void titles_ranks_and_people(void **state)
{
    (void)state;
    found f;
    const tag hosts[] = {{SR_UPOS_ADJ, -1, NULL},
                         {SR_UPOS_ADJ, -1, NULL},
                         {SR_UPOS_NOUN, -1, NULL},
                         {SR_UPOS_NOUN, -1, NULL},
                         {SR_UPOS_NOUN, -1, NULL}};
    found_tagged(&f, real, "Turkish foreign minister hosts talks", hosts, 5);
    assert_mention(&f, "Turkish foreign minister", "TURGOV", "fidan-hakan");
    found_free(&f);
    found_run(&f, real, "NATO military chiefs discuss security guarantees.", "2025-08-20");
    assert_mention(&f, "NATO military", "IGOWSTNATMIL", "nato");
    found_free(&f);
    found_run(&f, real,
              "Russian troops shelled Kharkiv. Russia said Russian forces would go on. "
              "Estonia ordered the diplomat to leave. The government protested.",
              "2025-07-18");
    assert_mention(&f, "the diplomat", "---GOV", NULL);
    assert_mention(&f, "The government", "RUSGOV", "russia");
    found_free(&f);
}

/* Adjectives between a possessive and a title: "Ukraine's embattled president". */
static void adjectives_after_possessive(void **state)
{
    (void)state;
    found f;
    const tag spoke[] = {{SR_UPOS_PROPN, -1, NULL}, {SR_UPOS_PART, -1, NULL},
                         {SR_UPOS_ADJ, -1, NULL},   {SR_UPOS_NOUN, -1, NULL},
                         {SR_UPOS_VERB, -1, NULL},  {SR_UPOS_PUNCT, -1, NULL}};
    found_tagged(&f, real, "Ukraine's embattled president spoke.", spoke, 6);
    assert_mention(&f, "Ukraine's embattled president", "UKRGOV", "zelensky-volodymyr");
    found_free(&f);
    /* untagged, a verb between them keeps them apart */
    found_run(&f, real, "Russia's attacks killed soldiers.", "2025-08-20");
    assert_mention(&f, "Russia", "RUS", "russia");
    assert_mention(&f, "soldiers", "---MIL", NULL);
    found_free(&f);
    if (!validate)
        return;
    found_run(&f, validate, "Ithilen's awful and evil minister Calimehtar warned Gondor.",
              "1995-01-01");
    assert_mention(&f, "Calimehtar", "ITHGOV", NULL);
    found_free(&f);
}

/* A prefix agent of PETRARCH's dictionaries (NGO~) before its country. */
static void prefix_agent_before_country(void **state)
{
    (void)state;
    if (!validate)
        skip();
    found f;
    found_run(&f, validate, "MSF Arnor is about to restore ties with Gondor.", "1995-01-01");
    assert_mention(&f, "MSF Arnor", "NGOARN", "arnor");
    found_free(&f);
    found_run(&f, validate, "An MSF Arnor diplomat is about to restore ties.", "1995-01-01");
    assert_mention(&f, "MSF Arnor diplomat", "NGOARNGOV", "arnor");
    found_free(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bare_government_is_no_office_holder),
        cmocka_unit_test(institution_of_salient_country),
        cmocka_unit_test(agent_word_as_modifier_untagged),
        cmocka_unit_test(agent_word_as_modifier_tagged),
        cmocka_unit_test(metonym_sector_and_agent),
        cmocka_unit_test(agents_shared_by_lists),
        cmocka_unit_test(spans_without_full_stop),
        cmocka_unit_test(unknown_nationality_before_agent),
        cmocka_unit_test(titles_ranks_and_people),
        cmocka_unit_test(adjectives_after_possessive),
        cmocka_unit_test(prefix_agent_before_country),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
