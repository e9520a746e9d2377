/*
** test_classes.c: the lexicon's noun-class constraints (data/verbs/
** classes.txt, docs/verb-format.md part 1) through the whole pipeline:
** the same verb codes differently by what kind of thing its object is.
** Each sentence here was coded otherwise before the constraints existed.
*/
#define PIPELINE_DATE "2025-08-20"
#include "pipeline_helpers.h"

#include "dict/nounclass.h"

static int have_classes; /* the build compiled WordNet's noun classes */

static int setup_classes(void **state)
{
    sr_error err = {0};
    sr_nounclass *t = sr_nounclass_open(SR_DATA_DIR, &err);
    have_classes = t != NULL;
    sr_nounclass_free(t);
    return setup(state);
}

/*
** Fail unless text codes an event with this source, target ("-": none) and
** code (none checked when code is NULL), or if, with not_code, it codes any
** event of not_code.
*/
static void expect_classed(const char *text, const char *src, const char *tgt, const char *code,
                           const char *not_code)
{
    if (!have_classes)
        skip(); /* built without WordNet: nouns have no class (docs/nounclass-format.md) */
    if (code)
        expect(text, src, tgt, code);
    if (not_code)
        expect_not(text, NULL, NULL, not_code);
}

/* A person met is a consultation, demands or a request met a concession, a target nothing. */
static void test_meet(void **state)
{
    (void)state;
    expect_classed("Putin met with Xi in Beijing.", "RUSGOV", "CHNGOV", "040", NULL);
    expect_classed("The government met the protesters' request.", NULL, NULL, NULL, "040");
    expect_classed("The government met the protesters' request.", "---GOV", "---OPP", "080", NULL);
    expect_classed("The government met its deficit target.", NULL, NULL, NULL, "040");
}

/*
** A holiday kept with another actor is a meeting, also when the parser
** hangs "with" on the holiday; kept alone it is a symbolic act.
*/
static void test_celebrate(void **state)
{
    (void)state;
    expect_classed("Erdogan celebrated Eid with Putin.", "TURGOV", "RUSGOV", "040", NULL);
    expect_classed("Erdogan celebrated the holiday with Putin in Istanbul.", "TURGOV", "RUSGOV",
                   "040", NULL);
    expect_classed("Erdogan celebrated the holiday in Istanbul.", NULL, NULL, NULL, "040");
}

/* A minister received is hosted; jets received are military aid from the giver. */
static void test_receive(void **state)
{
    (void)state;
    expect_classed("Erdogan received the Iranian foreign minister in Ankara.", "TURGOV", "IRNGOV",
                   "043", NULL);
    expect_classed("Ukraine has received its first F-16 fighter jets from Denmark.", "DNK", "UKR",
                   "072", "043");
}

/* A province taken is occupied; a part taken is no seizure. */
static void test_take(void **state)
{
    (void)state;
    expect_classed("Russian forces took the province of Donetsk.", "RUSMIL", "UKR", "192", NULL);
    expect_classed("The talks took place in Istanbul.", NULL, NULL, NULL, "192");
}

/* A tanker detained is property seized, a journalist detained an arrest. */
static void test_detain(void **state)
{
    (void)state;
    expect_classed("Iran detained a British tanker in the Gulf.", "IRN", "GBR", "1711", "173");
    expect_classed("Iran detained a British journalist in Tehran.", "IRN", "GBRMED", "173", "1711");
}

/* A guest welcomed is a hosted visit; a decision welcomed is endorsed. */
static void test_welcome(void **state)
{
    (void)state;
    expect_classed("Macron welcomed Zelensky to Paris.", "FRAGOV", "UKRGOV", "043", "051");
    expect_classed("France welcomed the decision of the United States.", "FRA", "USA", "051",
                   "043");
}

/* A plan attacked is criticized; positions attacked are a military attack. */
static void test_attack(void **state)
{
    (void)state;
    expect_classed("Trump attacked the Democrats' plan.", "USAGOV", "-", "111", "190");
    expect_classed("Russian troops attacked Ukrainian positions.", "RUSMIL", "UKRMIL", "190",
                   "111");
}

/* A ship released or returned is property handed back; support with tanks is military aid. */
static void test_property_and_aid(void **state)
{
    (void)state;
    expect_classed("Russia released the Ukrainian ship.", "RUS", "UKR", "0842", NULL);
    expect_classed("Russia returned three ships to Ukraine.", "RUS", "UKR", "0842", NULL);
    expect_classed("Germany supported Ukraine with tanks.", "DEU", "UKR", "072", "051");
}

/* A government recognized is diplomatic recognition; a need recognized is no event. */
static void test_recognize(void **state)
{
    (void)state;
    expect_classed("Russia recognized the government of the Taliban.", "RUS", "AFGGOV", "054",
                   NULL);
    expect_classed("The minister recognized the need for reform.", NULL, NULL, NULL, "054");
}

/* A person dismissed is removed from office, no rejection; a proposal dismissed is rejected. */
static void test_dismiss(void **state)
{
    (void)state;
    expect_classed("The president dismissed the defence minister.", NULL, NULL, NULL, "120");
    expect_classed("Iran dismissed the proposal.", "IRN", "-", "120", NULL);
}

/*
** A killing counted in the hundreds or more is a mass killing (202), by the
** count, not by WordNet; an air strike's toll stays the strike's.
*/
static void test_multitude(void **state)
{
    (void)state;
    expect("Hamas fighters killed about 1,200 people in southern Israel.", "PSEREBHMS", NULL,
           "202");
    expect("About 1,400 people were killed by Syrian government forces.", "SYRMIL", NULL, "202");
    expect("RSF fighters killed hundreds of villagers.", "SDNREB", NULL, "202");
    expect("Gunmen killed 26 people in Kashmir.", NULL, NULL, "190");
    expect_not("Gunmen killed 26 people in Kashmir.", NULL, NULL, "202");
    expect("Israeli airstrikes on Gaza killed more than 400 people.", "ISRMIL", NULL, "195");
    expect_not("Israeli airstrikes on Gaza killed more than 400 people.", NULL, NULL, "202");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_meet),      cmocka_unit_test(test_celebrate),
        cmocka_unit_test(test_receive),   cmocka_unit_test(test_take),
        cmocka_unit_test(test_detain),    cmocka_unit_test(test_welcome),
        cmocka_unit_test(test_attack),    cmocka_unit_test(test_property_and_aid),
        cmocka_unit_test(test_recognize), cmocka_unit_test(test_dismiss),
        cmocka_unit_test(test_multitude),
    };
    return cmocka_run_group_tests(tests, setup_classes, teardown);
}
