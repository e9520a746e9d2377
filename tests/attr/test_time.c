/*
** test_time.c: date expressions resolved against the publication date and
** attached to events through the tree (src/attr/attr_time.c).
*/
#include "attr_test.h"

/* One sentence, one event, the date it must get. */
typedef struct date_case {
    const char *text, *event, *pub;
    const char *date, *precision, *span; /* span NULL: the publication date */
} date_case;

static const date_case cases[] = {
    /* The seed article, dated Wednesday 2025-08-20. */
    {"Kane met with European military leaders on Tuesday evening in Washington.", "met:040",
     "2025-08-20", "2025-08-19", "day", "Tuesday evening"},
    {"US President Donald Trump met last Friday with Russian President Vladimir Putin in Alaska.",
     "met:040", "2025-08-20", "2025-08-15", "day", "last Friday"},
    {"On Tuesday, Trump ruled out sending American troops to Ukraine.", "ruled:125", "2025-08-20",
     "2025-08-19", "day", "Tuesday"},
    /* A bare weekday goes by tense. */
    {"Zelensky will meet Trump on Friday.", "meet:040", "2025-08-20", "2025-08-22", "day",
     "Friday"},
    {"Zelensky met Trump on Friday.", "met:040", "2025-08-20", "2025-08-15", "day", "Friday"},
    {"Lavrov spoke on Wednesday.", "spoke:010", "2025-08-20", "2025-08-20", "day", "Wednesday"},
    {"Trump will travel to Moscow next Monday.", "travel:042", "2025-08-20", "2025-08-25", "day",
     "next Monday"},
    /* Relative days and periods. */
    {"Russia attacked Kharkiv yesterday.", "attacked:190", "2025-08-20", "2025-08-19", "day",
     "yesterday"},
    {"Russia attacked Kharkiv overnight.", "attacked:190", "2025-08-20", "2025-08-20", "day",
     "overnight"},
    {"The ministers met last week in Brussels.", "met:040", "2025-08-20", "2025-08-11", "week",
     "last week"},
    {"The ministers met earlier this month in Brussels.", "met:040", "2025-08-20", "2025-08-01",
     "month", "earlier this month"},
    {"Police arrested the mayor three days ago.", "arrested:173", "2025-08-20", "2025-08-17", "day",
     "three days ago"},
    /* Months and explicit dates. */
    {"The parliament voted in March to extend martial law.", "voted:030", "2025-08-20",
     "2025-03-01", "month", "March"},
    {"Ukraine will hold elections in March.", "hold:030", "2025-08-20", "2026-03-01", "month",
     "March"},
    {"The two leaders met on Aug. 15 in Anchorage.", "met:040", "2025-08-20", "2025-08-15", "day",
     "Aug. 15"},
    {"The two leaders met on 15 August 2025 in Anchorage.", "met:040", "2025-08-20", "2025-08-15",
     "day", "15 August 2025"},
    {"The two leaders met on August 15, 2025 in Anchorage.", "met:040", "2025-08-20", "2025-08-15",
     "day", "August 15, 2025"},
    {"The agreement was signed on 2025-08-15 in Geneva.", "signed:057", "2025-08-20", "2025-08-15",
     "day", "2025-08-15"},
    {"The agreement was signed on 15.08.2025 in Geneva.", "signed:057", "2025-08-20", "2025-08-15",
     "day", "15.08.2025"},
    {"Russia annexed Crimea in 2014.", "annexed:195", "2025-08-20", "2014-01-01", "year", "2014"},
    {"Protesters rallied on Dec. 28 in Tbilisi.", "rallied:141", "2025-01-05", "2024-12-28", "day",
     "Dec. 28"},
    /* Nothing in the sentence: the publication date. */
    {"Russia attacked Kharkiv.", "attacked:190", "2025-08-20", "2025-08-20", "publication", NULL},
};

static void test_cases(void **state)
{
    (void)state;
    int bad = 0;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        const date_case *c = &cases[i];
        at_doc t;
        at_run(&t, c->text, c->pub, c->event);
        const sr_event *e = &t.ev[0];
        const char *span = e->date_span.end > e->date_span.start ? at_text(&t, e->date_span) : NULL;
        int ok = e->date && strcmp(e->date, c->date) == 0 &&
                 strcmp(sr_date_precision_name(e->date_precision), c->precision) == 0 &&
                 ((!span && !c->span) || (span && c->span && strcmp(span, c->span) == 0));
        if (!ok) {
            fprintf(stderr, "%s\n  want %s %s [%s], got %s %s [%s]\n", c->text, c->date,
                    c->precision, c->span ? c->span : "", e->date ? e->date : "null",
                    sr_date_precision_name(e->date_precision), span ? span : "");
            bad++;
        }
        at_free(&t);
    }
    assert_int_equal(bad, 0);
}

/* Each event of a sentence takes the expression its own clause governs. */
static void test_two_clauses(void **state)
{
    (void)state;
    at_doc t;
    at_run(&t, "Russia said on Wednesday that its forces attacked Kharkiv on Monday.", "2025-08-20",
           "said:010", "attacked:190");
    assert_string_equal(t.ev[0].date, "2025-08-20");
    assert_string_equal(t.ev[1].date, "2025-08-18");
    assert_string_equal(at_text(&t, t.ev[1].date_span), "Monday");
    at_free(&t);
}

/* No publication date: relative expressions stay unresolved, absolute ones resolve. */
static void test_no_pub_date(void **state)
{
    (void)state;
    at_doc t;
    at_run(&t, "Russia attacked Kharkiv on Tuesday. The leaders met on 15 August 2025.", NULL,
           "attacked:190", "met:040");
    assert_null(t.ev[0].date);
    assert_int_equal(t.ev[0].date_precision, SR_DATE_NONE);
    assert_string_equal(t.ev[1].date, "2025-08-15");
    assert_int_equal(t.ev[1].date_precision, SR_DATE_DAY);
    at_free(&t);
}

/* A date in another sentence is never taken. */
static void test_other_sentence(void **state)
{
    (void)state;
    at_doc t;
    at_run(&t, "Russia attacked Kharkiv. The leaders met on Tuesday.", "2025-08-20",
           "attacked:190");
    assert_string_equal(t.ev[0].date, "2025-08-20");
    assert_int_equal(t.ev[0].date_precision, SR_DATE_PUBLICATION);
    at_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_two_clauses),
        cmocka_unit_test(test_no_pub_date),
        cmocka_unit_test(test_other_sentence),
    };
    return cmocka_run_group_tests(tests, at_setup, at_teardown);
}
