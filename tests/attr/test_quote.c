/*
** test_quote.c: direct quotes in every mark style, across sentences and
** around the attribution, reported speech, speakers, speech verbs and
** media (src/attr/attr_quote.c).
*/
#include "attr_test.h"

/* The quote of t's document whose text starts with prefix, or NULL. */
static const sr_quote *quote_starting(const at_doc *t, const char *prefix)
{
    for (size_t i = 0; i < t->d->nquotes; i++) {
        const sr_quote *q = &t->d->quotes[i];
        if (strncmp(t->d->text + q->span.start, prefix, strlen(prefix)) == 0)
            return q;
    }
    return NULL;
}

static void expect(const at_doc *t, const char *prefix, const char *speaker, const char *verb,
                   const char *medium, int direct)
{
    const sr_quote *q = quote_starting(t, prefix);
    if (!q)
        fail_msg("no quote starting \"%s\"", prefix);
    assert_int_equal(q->direct, direct);
    if (speaker) {
        assert_non_null(q->speaker_name);
        assert_string_equal(q->speaker_name, speaker);
    }
    assert_string_equal(at_text(t, q->verb), verb);
    if (medium) {
        assert_non_null(q->medium);
        assert_string_equal(q->medium, medium);
    } else
        assert_null(q->medium);
}

/* The seed's quotes, with its broken closing marks and its MT "told the telegram". */
static void test_seed_quotes(void **state)
{
    (void)state;
    at_doc t;
    at_run(&t,
           "Russian Foreign Minister Sergei Lavrov rejected efforts to complete security "
           "guarantees in Ukraine without Moscow.\n"
           "“We cannot agree with the fact that it is currently proposed to solve collective "
           "security problems without the Russian Federation. This will not work, ”Lavrov said "
           "on Wednesday, in the comments reported by the State Information Agency Ria Novosti.\n"
           "Russia “will ensure (its) legitimate interests steadily and difficult,” Lavrov added "
           "at a press conference in Moscow.\n"
           "“We need strong security guarantees to ensure in a powerful and permanent world,” "
           "Zelenski told the telegram on Wednesday.",
           "2025-08-20", "said:010", "told:010");
    expect(&t, "We cannot agree", "Sergei Lavrov", "said", "RIA Novosti", 1);
    const sr_quote *q = quote_starting(&t, "We cannot agree");
    /* Across two sentences; the blank before the broken mark is not part of it. */
    assert_string_equal(at_text(&t, q->span) + q->span.end - q->span.start - 14, "will not work,");
    expect(&t, "will ensure", "Sergei Lavrov", "added", "press conference", 1);
    expect(&t, "We need strong", "Volodymyr Zelensky", "told", "Telegram", 1);
    /* The speech events are carried by their quotes. */
    assert_int_equal(t.ev[0].quote, quote_starting(&t, "We cannot agree") - t.d->quotes);
    assert_int_equal(t.ev[1].quote, quote_starting(&t, "We need strong") - t.d->quotes);
    at_free(&t);
}

static void test_mark_styles(void **state)
{
    (void)state;
    at_doc t;
    at_run(&t,
           "\"We will not retreat,\" Zelensky said on Telegram.\n\n"
           "«Negotiations are possible» , Lavrov told reporters.\n\n"
           "„Wir bleiben standhaft“, Merz said in a statement.\n\n"
           "Putin said: “The operation will continue.”",
           "2025-08-20", "said:010");
    expect(&t, "We will not retreat", "Volodymyr Zelensky", "said", "Telegram", 1);
    expect(&t, "Negotiations are possible", "Sergei Lavrov", "told", NULL, 1);
    expect(&t, "Wir bleiben", NULL, "said", "statement", 1);
    expect(&t, "The operation will continue", "Vladimir Putin", "said", NULL, 1);
    at_free(&t);
}

/* A quote split around its attribution: both halves are the speaker's. */
static void test_split_quote(void **state)
{
    (void)state;
    at_doc t;
    at_run(&t, "“We cannot agree,” Lavrov said on Wednesday, “this will not work.”", "2025-08-20",
           "said:010");
    expect(&t, "We cannot agree", "Sergei Lavrov", "said", NULL, 1);
    expect(&t, "this will not work", "Sergei Lavrov", "said", NULL, 1);
    at_free(&t);
}

/* A speaker going on: next sentence, next paragraph; a scare quote is no quote. */
static void test_continued_quote(void **state)
{
    (void)state;
    at_doc t;
    at_run(&t,
           "“We will not retreat,” Zelensky said on Telegram. “We will fight for every town.\n\n"
           "“And we will win.”\n\n"
           "The “special operation” goes on.",
           "2025-08-20", "said:010");
    expect(&t, "We will not retreat", "Volodymyr Zelensky", "said", "Telegram", 1);
    expect(&t, "We will fight", "Volodymyr Zelensky", "said", "Telegram", 1);
    expect(&t, "And we will win", "Volodymyr Zelensky", "said", "Telegram", 1);
    assert_null(quote_starting(&t, "special operation"));
    at_free(&t);
}

/* "he wrote ..., Admiral X": the name after the verb is the speaker. */
static void test_cataphora(void **state)
{
    (void)state;
    at_doc t;
    at_run(&t,
           "“For Ukraine, we confirmed our support. Our priority is still a fair, reliable and "
           "stable world, ”he wrote in a post on the platform of the social network X, the head "
           "of the Military Committee of the Alliance, Admiral Giuseppe Kava -Dragon.",
           "2025-08-20", "wrote:010");
    expect(&t, "For Ukraine", "Giuseppe Cavo Dragone", "wrote", "X", 1);
    at_free(&t);
}

static void test_reported_and_scare(void **state)
{
    (void)state;
    at_doc t;
    at_run(&t,
           "Lavrov said that Russia would not accept NATO troops in Ukraine.\n"
           "The chiefs held an “excellent, honest debate” about guarantees.",
           "2025-08-20", "said:010");
    expect(&t, "Russia would not accept", "Sergei Lavrov", "said", NULL, 0);
    assert_null(quote_starting(&t, "excellent")); /* scare quotes: no speaker, no record */
    assert_int_equal(t.ev[0].quote, 0);
    at_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_quotes),
        cmocka_unit_test(test_mark_styles),
        cmocka_unit_test(test_cataphora),
        cmocka_unit_test(test_split_quote),
        cmocka_unit_test(test_continued_quote),
        cmocka_unit_test(test_reported_and_scare),
    };
    return cmocka_run_group_tests(tests, at_setup, at_teardown);
}
