/*
** test_classes.c: the lexicon's noun-class constraints (data/verbs/
** classes.txt, docs/verb-format.md part 1) through the whole pipeline:
** the same verb codes differently by what kind of thing its object is.
** Each sentence here was coded otherwise before the constraints existed.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict/nounclass.h"
#include "sitrep.h"

static sr_engine *engine;
static int have_classes; /* the build compiled WordNet's noun classes */

static int setup(void **state)
{
    (void)state;
    sr_error err = {0};
    engine = sr_engine_open(SR_DATA_DIR, &err);
    if (!engine)
        fprintf(stderr, "sr_engine_open: %s\n", err.msg);
    sr_nounclass *t = sr_nounclass_open(SR_DATA_DIR, &err);
    have_classes = t != NULL;
    sr_nounclass_free(t);
    return engine ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    sr_engine_close(engine);
    return 0;
}

/*
** Code text; fail unless an event has this source, target ("-": none) and
** code (exactly), and, with not_code, unless no event has code not_code.
*/
static void expect(const char *text, const char *src, const char *tgt, const char *code,
                   const char *not_code)
{
    if (!have_classes)
        skip(); /* built without WordNet: nouns have no class (docs/nounclass-format.md) */
    sr_doc_meta meta = {"test", "2025-08-20", NULL, NULL, NULL};
    sr_doc *d = sr_doc_new(engine, &meta, text, strlen(text));
    assert_non_null(d);
    sr_error err = {0};
    assert_int_equal(sr_doc_process(d, SR_STAGE_ALL, &err), 0);
    int found = !code, wrong = 0;
    for (size_t i = 0; i < sr_doc_event_count(d); i++) {
        const sr_event *e = sr_doc_event(d, i);
        const char *t = e->target.code ? e->target.code : "-";
        if (code && strcmp(e->cameo, code) == 0 && strcmp(e->source.code, src) == 0 &&
            strcmp(t, tgt) == 0)
            found = 1;
        if (not_code && strcmp(e->cameo, not_code) == 0)
            wrong = 1;
    }
    if (!found || wrong) {
        fprintf(stderr, "\"%s\": want %s %s %s%s%s, got:\n", text, src ? src : "", tgt ? tgt : "",
                code ? code : "(nothing)", not_code ? ", not " : "", not_code ? not_code : "");
        for (size_t i = 0; i < sr_doc_event_count(d); i++) {
            const sr_event *e = sr_doc_event(d, i);
            fprintf(stderr, "  %s %s %s (%s)\n", e->source.code,
                    e->target.code ? e->target.code : "-", e->cameo, e->rule);
        }
    }
    sr_doc_free(d);
    assert_true(found);
    assert_false(wrong);
}

/* A person met is a consultation, demands or a request met a concession, a target nothing. */
static void test_meet(void **state)
{
    (void)state;
    expect("Putin met with Xi in Beijing.", "RUSGOV", "CHNGOV", "040", NULL);
    expect("The government met the protesters' request.", NULL, NULL, NULL, "040");
    expect("The government met the protesters' request.", "---GOV", "---OPP", "080", NULL);
    expect("The government met its deficit target.", NULL, NULL, NULL, "040");
}

/* A minister received is hosted; jets received are military aid from the giver. */
static void test_receive(void **state)
{
    (void)state;
    expect("Erdogan received the Iranian foreign minister in Ankara.", "TURGOV", "IRNGOV", "043",
           NULL);
    expect("Ukraine has received its first F-16 fighter jets from Denmark.", "DNK", "UKR", "072",
           "043");
}

/* A province taken is occupied; a part taken is no seizure. */
static void test_take(void **state)
{
    (void)state;
    expect("Russian forces took the province of Donetsk.", "RUSMIL", "UKR", "192", NULL);
    expect("The talks took place in Istanbul.", NULL, NULL, NULL, "192");
}

/* A tanker detained is property seized, a journalist detained an arrest. */
static void test_detain(void **state)
{
    (void)state;
    expect("Iran detained a British tanker in the Gulf.", "IRN", "GBR", "1711", "173");
    expect("Iran detained a British journalist in Tehran.", "IRN", "GBRMED", "173", "1711");
}

/* A guest welcomed is a hosted visit; a decision welcomed is endorsed. */
static void test_welcome(void **state)
{
    (void)state;
    expect("Macron welcomed Zelensky to Paris.", "FRAGOV", "UKRGOV", "043", "051");
    expect("France welcomed the decision of the United States.", "FRA", "USA", "051", "043");
}

/* A plan attacked is criticized; positions attacked are a military attack. */
static void test_attack(void **state)
{
    (void)state;
    expect("Trump attacked the Democrats' plan.", "USAGOV", "-", "111", "190");
    expect("Russian troops attacked Ukrainian positions.", "RUSMIL", "UKRMIL", "190", "111");
}

/* A ship released or returned is property handed back; support with tanks is military aid. */
static void test_property_and_aid(void **state)
{
    (void)state;
    expect("Russia released the Ukrainian ship.", "RUS", "UKR", "0842", NULL);
    expect("Russia returned three ships to Ukraine.", "RUS", "UKR", "0842", NULL);
    expect("Germany supported Ukraine with tanks.", "DEU", "UKR", "072", "051");
}

/* A government recognized is diplomatic recognition; a need recognized is no event. */
static void test_recognize(void **state)
{
    (void)state;
    expect("Russia recognized the government of the Taliban.", "RUS", "AFGGOV", "054", NULL);
    expect("The minister recognized the need for reform.", NULL, NULL, NULL, "054");
}

/* A person dismissed is removed from office, no rejection; a proposal dismissed is rejected. */
static void test_dismiss(void **state)
{
    (void)state;
    expect("The president dismissed the defence minister.", NULL, NULL, NULL, "120");
    expect("Iran dismissed the proposal.", "IRN", "-", "120", NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_meet),
        cmocka_unit_test(test_receive),
        cmocka_unit_test(test_take),
        cmocka_unit_test(test_detain),
        cmocka_unit_test(test_welcome),
        cmocka_unit_test(test_attack),
        cmocka_unit_test(test_property_and_aid),
        cmocka_unit_test(test_recognize),
        cmocka_unit_test(test_dismiss),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
