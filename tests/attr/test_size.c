/*
** test_size.c: counts of victims, arrests, protesters and weapons, their
** subsets, and the events they attach to (src/attr/attr_size.c).
*/
#include "attr_test.h"

/* The count of kind k in e that is not a subset; -1 when none. */
static int64_t top(const sr_event *e, int k)
{
    for (uint32_t i = 0; i < e->size.ncounts; i++)
        if (e->size.counts[i].what == k && e->size.counts[i].subset_of < 0)
            return e->size.counts[i].n;
    return -1;
}

/* The subset count of e counting `of`, or NULL. */
static const sr_count *subset(const sr_event *e, const char *of)
{
    for (uint32_t i = 0; i < e->size.ncounts; i++)
        if (e->size.counts[i].subset_of >= 0 && e->size.counts[i].of &&
            strcmp(e->size.counts[i].of, of) == 0)
            return &e->size.counts[i];
    return NULL;
}

/* The seed: 15 injured, of them 3 children, never 18; the count comes from the next sentence too.
 */
static void test_seed_subset(void **state)
{
    (void)state;
    at_doc t;
    at_run(&t,
           "From Russian attacks on Sumi and Odessa on Tuesday evening, 15 people were injured on "
           "Wednesday evening, including a family with three young children, and the Ukrainian "
           "authorities announced.",
           "2025-08-20", "attacks:190");
    const sr_event *e = &t.ev[0];
    assert_int_equal(top(e, SR_COUNT_INJURED), 15);
    const sr_count *c = subset(e, "children");
    assert_non_null(c);
    assert_int_equal(c->n, 3);
    assert_int_equal(c->what, SR_COUNT_INJURED);
    assert_string_equal(e->size.counts[c->subset_of].of, "people");
    assert_string_equal(e->date, "2025-08-19");
    at_free(&t);
}

static void test_words_and_bounds(void **state)
{
    (void)state;
    at_doc t;
    at_run(&t, "A missile strike on Dnipro killed at least nine civilians and wounded fifteen.",
           "2025-08-20", "strike:195");
    const sr_event *e = &t.ev[0];
    assert_int_equal(top(e, SR_COUNT_KILLED), 9);
    assert_int_equal(top(e, SR_COUNT_INJURED), 15);
    for (uint32_t i = 0; i < e->size.ncounts; i++)
        if (e->size.counts[i].what == SR_COUNT_KILLED) {
            assert_int_equal(e->size.counts[i].qual, SR_QUAL_MIN);
            assert_string_equal(e->size.counts[i].of, "civilians");
        }
    at_free(&t);

    at_run(&t, "Russia launched more than 500 drones at Ukraine overnight.", "2025-08-20",
           "launched:195");
    assert_int_equal(top(&t.ev[0], SR_COUNT_UNITS), 500);
    assert_string_equal(t.ev[0].size.counts[0].of, "drones");
    assert_int_equal(t.ev[0].size.counts[0].qual, SR_QUAL_MIN);
    at_free(&t);

    at_run(&t, "Hundreds of thousands of protesters marched in Belgrade.", "2025-08-20",
           "marched:141");
    assert_int_equal(top(&t.ev[0], SR_COUNT_PROTESTERS), 200000);
    assert_int_equal(t.ev[0].size.counts[0].qual, SR_QUAL_APPROX);
    at_free(&t);

    at_run(&t, "Police detained 1,200 people during the protests in Tbilisi.", "2025-08-20",
           "detained:173");
    assert_int_equal(top(&t.ev[0], SR_COUNT_ARRESTED), 1200);
    at_free(&t);

    at_run(&t, "Dozens of soldiers were killed in the assault on Pokrovsk.", "2025-08-20",
           "assault:190");
    assert_int_equal(top(&t.ev[0], SR_COUNT_KILLED), 24);
    assert_int_equal(t.ev[0].size.counts[0].qual, SR_QUAL_APPROX);
    assert_string_equal(t.ev[0].size.counts[0].of, "soldiers");
    at_free(&t);

    /* a number no count can be (found by fuzzing: no integer holds it) is no count */
    at_run(&t,
           "A strike on Dnipro killed 88888888888888888888888888888888888888 civilians "
           "and wounded fifteen.",
           "2025-08-20", "strike:195");
    assert_int_equal(top(&t.ev[0], SR_COUNT_KILLED), -1);
    assert_int_equal(top(&t.ev[0], SR_COUNT_INJURED), 15);
    at_free(&t);
}

/* A subset before its whole: "three children were among 15 people injured". */
static void test_subset_before(void **state)
{
    (void)state;
    at_doc t;
    at_run(&t, "Russia shelled Kherson. Three children were among 15 people injured.", "2025-08-20",
           "shelled:195");
    const sr_event *e = &t.ev[0];
    assert_int_equal(top(e, SR_COUNT_INJURED), 15);
    const sr_count *c = subset(e, "children");
    assert_non_null(c);
    assert_int_equal(c->n, 3);
    at_free(&t);
}

/* Counts never go to an unrelated event, nor past the next sentence. */
static void test_unrelated(void **state)
{
    (void)state;
    at_doc t;
    /* A meeting has no victims; years and dates are not counts. */
    at_run(&t, "Putin met Trump in 2025 and 30 countries signed the statement on 15 August.",
           "2025-08-20", "met:040");
    assert_int_equal(t.ev[0].size.ncounts, 0);
    at_free(&t);
    /* The second sentence has its own event: its dead are not the first one's. */
    at_run(&t,
           "Russia shelled Kherson. Israel struck Gaza, killing 12 people. Five more died later.",
           "2025-08-20", "shelled:195", "struck:195");
    assert_int_equal(t.ev[0].size.ncounts, 0);
    assert_int_equal(top(&t.ev[1], SR_COUNT_KILLED), 12);
    at_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_seed_subset),
        cmocka_unit_test(test_words_and_bounds),
        cmocka_unit_test(test_subset_before),
        cmocka_unit_test(test_unrelated),
    };
    return cmocka_run_group_tests(tests, at_setup, at_teardown);
}
