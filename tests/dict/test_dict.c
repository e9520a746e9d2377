/*
** test_dict.c: verb dictionaries: sitrep's lexicon format and its errors,
** the PETRARCH/TABARI importer on an inline sample and on the shared
** dictionaries, inflection, and the ontology table.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "code/tree_helpers.h"
#include "dict/dict.h"

/* Write text to a new temporary file; returns its malloc'd path. */
static char *write_temp(const char *text)
{
    char *path = strdup("/tmp/sr-dict-test-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

static sr_ontology *open_ontology(void)
{
    sr_error err = {0};
    sr_ontology *o = sr_ontology_open(SR_DATA_DIR "/ontology/cameo.tsv", &err);
    assert_non_null(o);
    return o;
}

/* Load text as a lexicon file; returns 0 or -1 with err filled. */
static int load_lexicon_text(const char *text, sr_error *err, char **path_out)
{
    sr_ontology *o = open_ontology();
    sr_verbdict *d = sr_verbdict_new(1);
    char *path = write_temp(text);
    int rc = sr_verbdict_load_lexicon(d, path, "verbs/t.txt", o, err);
    sr_verbdict_free(d);
    sr_ontology_free(o);
    unlink(path);
    if (path_out)
        *path_out = path;
    else
        free(path);
    return rc;
}

/* A malformed line is an error naming the file and the line. */
static void expect_lexicon_error(const char *text, int line, const char *what)
{
    sr_error err = {0};
    char *path;
    assert_int_equal(load_lexicon_text(text, &err, &path), -1);
    char where[512];
    snprintf(where, sizeof where, "%s:%d:", path, line);
    if (!strstr(err.msg, where) || !strstr(err.msg, what)) {
        fprintf(stderr, "error \"%s\" lacks \"%s\" or \"%s\"\n", err.msg, where, what);
        fail();
    }
    free(path);
}

static void test_lexicon_errors(void **state)
{
    (void)state;
    expect_lexicon_error("attack 190\nstrike 999\n", 2, "unknown CAMEO code");
    expect_lexicon_error("# c\n\nattack\n", 3, "needs a verb and a CAMEO code");
    expect_lexicon_error("Attack 190\n", 1, "bad verb");
    expect_lexicon_error("attack 190\nsign ... 057\n", 2, "\"...\" must be followed by a word");
    expect_lexicon_error("attack 190\nattack 193\n", 2, "duplicate entry");
    expect_lexicon_error("sign ... agree$ment 057\n", 1, "bad word");
    expect_lexicon_error("forms: go\n", 1, "forms:");
    /* words before the head: "hunger > strike" */
    expect_lexicon_error("noun: > strike 142\n", 1, "\">\" needs words before it");
    expect_lexicon_error("noun: hunger > 142\n", 1, "\">\" needs words before it");
    expect_lexicon_error("noun: a > b > strike 142\n", 1, "\">\" needs words before it");
    expect_lexicon_error("noun: ... hunger > strike 142\n", 1, "\"...\" must stand between");
    expect_lexicon_error("noun: hunger > Strike 142\n", 1, "bad verb");
    expect_lexicon_error("noun: hunger > ... strike 142\n", 1, "bad verb");
    sr_error err = {0};
    assert_int_equal(load_lexicon_text("noun: hunger > strike 142\nnoun: general|labor ... > "
                                       "strike by ... union 143 target:against\n",
                                       &err, NULL),
                     0);
    assert_int_equal(load_lexicon_text("attack 190 # ok\nsign ... deal|air_strike 057 mutual\n"
                                       "forms: go went gone\nhold --- \n",
                                       &err, NULL),
                     0);
}

/* Noun-class constraints: unknown classes and misplaced ones name the file and line. */
static void test_lexicon_class_errors(void **state)
{
    (void)state;
    expect_lexicon_error("meet 040\nmeet 040 obj:persn\n", 2, "unknown noun class: persn");
    expect_lexicon_error("meet 040 obj:\n", 1, "unknown noun class");
    expect_lexicon_error("meet 040 obj:person||group\n", 1, "unknown noun class");
    expect_lexicon_error("meet 040 with:person|crowd\n", 1, "unknown noun class: crowd");
    expect_lexicon_error("meet 040 With:person\n", 1, "bad preposition in class constraint");
    expect_lexicon_error("noun: meeting 040 obj:person\n", 1, "\"obj:\" is for verbs");
    expect_lexicon_error("take ... @place 192\n", 1, "unknown noun class: place");
    expect_lexicon_error("take ... @ 192\n", 1, "unknown noun class");
    expect_lexicon_error("meet 040 obj:person with:group on:group by:group of:group to:group\n", 1,
                         "too many class constraints");
    expect_lexicon_error("meet obj:person 040\n", 1, "bad word");
    sr_error err = {0};
    assert_int_equal(load_lexicon_text("meet 040 mutual\nmeet 040 mutual obj:person|noun.group\n"
                                       "meet 080 obj:communication\nnoun: release 0841 of:person\n"
                                       "take ... @location 192 target:from\n",
                                       &err, NULL),
                     0);
    /* a constraint weighs as a word: the constrained bare verb becomes a pattern of weight 2 */
    sr_verbdict *d = sr_verbdict_new(1);
    char *path = write_temp("meet 040\nmeet 080 obj:communication with:person\n");
    assert_int_equal(sr_verbdict_load_lexicon(d, path, "verbs/t.txt", NULL, &err), 0);
    sr_verbdict_finish(d);
    assert_int_equal(d->npatterns, 1);
    assert_int_equal(d->patterns[0].weight, 3);
    assert_int_equal(d->patterns[0].ncons, 2);
    assert_int_equal(d->patterns[0].npost, 0);
    unlink(path);
    free(path);
    sr_verbdict_free(d);
}

static void test_lexicon_counts(void **state)
{
    (void)state;
    sr_error err = {0};
    sr_ontology *o = open_ontology();
    sr_verbdict *d = sr_verbdict_new(1);
    assert_int_equal(sr_verbdict_load_lexicon_dir(d, SR_DATA_DIR "/verbs", o, &err), 0);
    sr_verbdict_finish(d);
    sr_verbdict_stats st;
    sr_verbdict_stats_get(d, &st);
    assert_true(st.verbs + st.patterns >= 400);
    /* an irregular form and a regular one reach their verb */
    uint32_t w = sr_verbdict_word(d, "fought", 6);
    assert_int_not_equal(w, SR_NOWORD);
    assert_true(d->words[w].nverbs > 0);
    w = sr_verbdict_word(d, "Attacked", 8);
    assert_int_not_equal(w, SR_NOWORD);
    assert_true(d->words[w].nverbs > 0);
    sr_verbdict_free(d);
    sr_ontology_free(o);
    assert_int_equal(
        sr_verbdict_load_lexicon_dir(d = sr_verbdict_new(1), "/nonexistent", NULL, &err), -1);
    sr_verbdict_free(d);
}

struct forms {
    char list[16][32];
    int n;
};

static void collect(void *ctx, const char *form)
{
    struct forms *f = ctx;
    if (f->n < 16)
        snprintf(f->list[f->n++], 32, "%s", form);
}

static int has_form(const struct forms *f, const char *w)
{
    for (int i = 0; i < f->n; i++)
        if (strcmp(f->list[i], w) == 0)
            return 1;
    return 0;
}

static void test_inflection(void **state)
{
    (void)state;
    struct forms f = {.n = 0};
    sr_inflect_verb("stop", collect, &f);
    assert_true(has_form(&f, "stops") && has_form(&f, "stopped") && has_form(&f, "stopping"));
    f.n = 0;
    sr_inflect_verb("try", collect, &f);
    assert_true(has_form(&f, "tries") && has_form(&f, "tried") && has_form(&f, "trying"));
    f.n = 0;
    sr_inflect_verb("agree", collect, &f);
    assert_true(has_form(&f, "agrees") && has_form(&f, "agreed") && has_form(&f, "agreeing"));
    f.n = 0;
    sr_inflect_verb("seize", collect, &f);
    assert_true(has_form(&f, "seized") && has_form(&f, "seizing"));
    f.n = 0;
    sr_inflect_verb("impose", collect, &f);
    assert_true(has_form(&f, "imposes") && has_form(&f, "imposed") && has_form(&f, "imposing"));
    char pl[64];
    sr_inflect_plural("duty", pl, sizeof pl);
    assert_string_equal(pl, "duties");
    sr_inflect_plural("embargo", pl, sizeof pl);
    assert_string_equal(pl, "embargos");
    sr_inflect_plural("tax", pl, sizeof pl);
    assert_string_equal(pl, "taxes");
    sr_inflect_plural("duty", pl, 5); /* cut as snprintf cuts */
    assert_string_equal(pl, "duti");
    sr_inflect_plural("tax", pl, 4);
    assert_string_equal(pl, "tax");
}

/* A small dictionary in the PETRARCH format, written for this test. */
static const char PETRARCH_SAMPLE[] = "<!-- a sample verb dictionary\n"
                                      "     spanning lines -->\n"
                                      "# synsets\n"
                                      "&WEAPONRY\n"
                                      "+CANNON\n"
                                      "+SLING_SHOT\n"
                                      "\n"
                                      "&TALKSYN_\n"
                                      "+PARLEY\n"
                                      "+CONVERSATION\n"
                                      "\n"
                                      "--- HURL  [190] ---\n"
                                      "HURL    # a comment\n"
                                      "FLING {FLUNG FLINGS}\n"
                                      "+THROW_DOWN {+THREW_DOWN} [0873]\n"
                                      "- * &WEAPONRY AT +  [194]   # weapons thrown at a target\n"
                                      "- WOULD_NOT * [---]\n"
                                      "- $ WAS * BY [180]\n"
                                      "\n"
                                      "--- CHAT  [---] ---\n"
                                      "CHAT\n"
                                      "- * &TALKSYN WITH + [040]\n"
                                      "- * OVER * [999]\n"
                                      "- * &UNDEFINED [998]\n"
                                      "- * ABOUT PEACE [036:036]\n"
                                      "\n"
                                      "--- ARRIVE [032:033] ---\n"
                                      "ARRIVE\n"
                                      "--- DEPART [+++] ---\n"
                                      "DEPART\n"
                                      "- * NOW [###]\n";

static void test_petrarch_sample(void **state)
{
    (void)state;
    char *path = write_temp(PETRARCH_SAMPLE);
    sr_error err = {0};
    sr_coder *c = sr_coder_open_petrarch(SR_DATA_DIR, path, &err);
    if (!c)
        fprintf(stderr, "%s\n", err.msg);
    assert_non_null(c);
    const sr_verbdict *d = sr_coder_dict(c);
    sr_verbdict_stats st;
    sr_verbdict_stats_get(d, &st);
    assert_int_equal(st.verbs, 6);
    assert_int_equal(st.synsets, 2);
    assert_int_equal(st.patterns, 5);
    assert_int_equal(st.skipped, 3); /* two "*", an undefined synset, a code without digits */
    sr_arena a;
    sr_arena_init(&a);
    test_doc t;
    tree_code(c, &a, "[AAA Aland] flung cannons at [BBB Bland] .",
              "2:nsubj:PROPN 0:root:VERB:fling:VBD 2:obj:NOUN:cannon 5:case:ADP 2:obl:PROPN "
              "2:punct:PUNCT",
              &t);
    assert_non_null(test_find(&t, "AAA", "BBB", "194"));
    assert_non_null(strstr(t.events[0].rule, ":16"));
    tree_code(
        c, &a, "[AAA Aland] hurls stones at [BBB Bland] .",
        "2:nsubj:PROPN 0:root:VERB:hurl:VBZ 2:obj:NOUN:stone 5:case:ADP 2:obl:PROPN 2:punct:PUNCT",
        &t);
    assert_non_null(test_find(&t, "AAA", "BBB", "190"));
    tree_code(c, &a, "[AAA Aland] threw down arms before [BBB Bland] .",
              "2:nsubj:PROPN 0:root:VERB:throw:VBD 2:compound_prt:ADP:down 2:obj:NOUN:arm "
              "6:case:ADP 2:obl:PROPN 2:punct:PUNCT",
              &t);
    assert_non_null(test_find(&t, "AAA", "BBB", "0873"));
    tree_code(c, &a, "[AAA Aland] would not hurl anything at [BBB Bland] .",
              "4:nsubj:PROPN 4:aux:AUX:would:MD 4:advmod:PART:not:RB 0:root:VERB:hurl:VB "
              "4:obj:PRON:anything 7:case:ADP 4:obl:PROPN 4:punct:PUNCT",
              &t);
    assert_int_equal(t.nevents, 0);
    tree_code(c, &a, "[AAA Aland] chatted in a parley with [BBB Bland] .",
              "2:nsubj:PROPN 0:root:VERB:chat:VBD 5:case:ADP 5:det:DET 2:obl:NOUN:parley "
              "7:case:ADP 2:obl:PROPN 2:punct:PUNCT",
              &t);
    assert_non_null(test_find(&t, "AAA", "BBB", "040"));
    tree_code(c, &a, "[AAA Aland] chatted with [BBB Bland] .",
              "2:nsubj:PROPN 0:root:VERB:chat:VBD 4:case:ADP 2:obl:PROPN 2:punct:PUNCT", &t);
    assert_int_equal(t.nevents, 0); /* null block code */
    tree_code(c, &a, "[AAA Aland] chats about peace with [BBB Bland] .",
              "2:nsubj:PROPN 0:root:VERB:chat:VBZ 4:case:ADP 2:obl:NOUN:peace 6:case:ADP "
              "2:obl:PROPN 2:punct:PUNCT",
              &t);
    assert_non_null(test_find(&t, "AAA", "BBB", "036"));
    assert_int_equal(t.events[0].quad_class, 1);
    assert_string_equal(t.events[0].plover, "AGREE");
    /* [A:B]: the reverse event too; [+++]: no code */
    tree_code(c, &a, "[AAA Aland] arrived in [BBB Bland] .",
              "2:nsubj:PROPN 0:root:VERB:arrive:VBD 4:case:ADP 2:obl:PROPN 2:punct:PUNCT", &t);
    assert_non_null(test_find(&t, "AAA", "BBB", "032"));
    assert_non_null(test_find(&t, "BBB", "AAA", "033"));
    assert_int_equal(t.nevents, 2);
    tree_code(c, &a, "[AAA Aland] departed now from [BBB Bland] .",
              "2:nsubj:PROPN 0:root:VERB:depart:VBD 2:advmod:ADV:now 5:case:ADP 2:obl:PROPN "
              "2:punct:PUNCT",
              &t);
    assert_int_equal(t.nevents, 0);
    sr_arena_free(&a);
    sr_coder_free(c);
    unlink(path);
    free(path);
}

static void test_petrarch_errors(void **state)
{
    (void)state;
    char *path = write_temp("--- A [010] ---\nSAY\n- * THIS [011\n");
    sr_error err = {0};
    sr_verbdict *d = sr_verbdict_new(0);
    assert_int_equal(sr_verbdict_load_petrarch(d, path, &err), -1);
    char where[512];
    snprintf(where, sizeof where, "%s:3:", path);
    assert_non_null(strstr(err.msg, where));
    sr_verbdict_free(d);
    unlink(path);
    free(path);
    path = write_temp("- * THIS [011]\n");
    d = sr_verbdict_new(0);
    assert_int_equal(sr_verbdict_load_petrarch(d, path, &err), -1);
    assert_non_null(strstr(err.msg, "before any verb"));
    sr_verbdict_free(d);
    unlink(path);
    free(path);
}

/* The shared PETRARCH dictionaries load (skipped when ../shared is absent). */
static void load_shared(const char *rel, size_t min_verbs, size_t min_patterns)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", SR_SHARED_DIR, rel);
    if (access(path, R_OK) != 0) {
        fprintf(stderr, "skipping: %s not found\n", path);
        return;
    }
    sr_error err = {0};
    sr_verbdict *d = sr_verbdict_new(0);
    int rc = sr_verbdict_load_petrarch(d, path, &err);
    if (rc)
        fprintf(stderr, "%s\n", err.msg);
    assert_int_equal(rc, 0);
    sr_verbdict_finish(d);
    sr_verbdict_stats st;
    sr_verbdict_stats_get(d, &st);
    fprintf(stderr, "%s: %zu verbs, %zu patterns, %zu synsets, %zu forms, %zu skipped\n", rel,
            st.verbs, st.patterns, st.synsets, st.forms, st.skipped);
    assert_true(st.verbs >= min_verbs);
    assert_true(st.patterns >= min_patterns);
    assert_true(st.synsets > 0);
    sr_verbdict_free(d);
}

static void test_petrarch_shared(void **state)
{
    (void)state;
    load_shared("peer-suites/petrarch2/PETR.Validate.verbs.txt", 100, 100);
    load_shared("dictionaries/petrarch2/CAMEO.2.0.txt", 1000, 3000);
}

static void test_ontology_errors(void **state)
{
    (void)state;
    char *path =
        write_temp("# c\ncode\tname\tgoldstein\tquad\tplover\tmode\tcontext\n"
                   "190\tUse force\t-10\t4\tASSAULT\t-\tmilitary\n190\tbad\tx\t4\t-\t-\t-\n");
    sr_error err = {0};
    assert_null(sr_ontology_open(path, &err));
    char where[512];
    snprintf(where, sizeof where, "%s:4:", path);
    assert_non_null(strstr(err.msg, where));
    unlink(path);
    free(path);
    assert_null(sr_ontology_open("/nonexistent/cameo.tsv", &err));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lexicon_errors),  cmocka_unit_test(test_lexicon_class_errors),
        cmocka_unit_test(test_lexicon_counts),  cmocka_unit_test(test_inflection),
        cmocka_unit_test(test_petrarch_sample), cmocka_unit_test(test_petrarch_errors),
        cmocka_unit_test(test_petrarch_shared), cmocka_unit_test(test_ontology_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
