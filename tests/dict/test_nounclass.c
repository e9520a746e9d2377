/*
** test_nounclass.c: the noun-class table (src/dict/nounclass.c): class
** names, compiling a miniature WordNet into the table and reading it back
** (which senses count), malformed tables, the table the build compiled, and
** the lexicon's class constraints on hand-parsed sentences, with the table
** and without it (the documented fallback: only actors and pronouns have a
** class).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "code/tree_helpers.h"
#include "dict/nounclass.h"

#define PERSON SR_NC_BIT(SR_NC_PERSON)
#define GROUP SR_NC_BIT(SR_NC_GROUP)
#define LOCATION SR_NC_BIT(SR_NC_LOCATION)
#define ARTIFACT SR_NC_BIT(SR_NC_ARTIFACT)
#define ACT SR_NC_BIT(SR_NC_ACT)
#define COMMUNICATION SR_NC_BIT(SR_NC_COMMUNICATION)

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void test_names(void **state)
{
    (void)state;
    assert_int_equal(SR_NC_COUNT, 26);
    assert_string_equal(sr_nclass_name(SR_NC_PERSON), "person");
    assert_string_equal(sr_nclass_name(SR_NC_TOPS), "tops");
    assert_string_equal(sr_nclass_name(SR_NC_MULTITUDE), "multitude");
    assert_int_equal(sr_nclass_from_name("multitude", 9), SR_NC_MULTITUDE);
    assert_null(sr_nclass_name(SR_NC_MULTITUDE + 1));
    assert_int_equal(sr_nclass_from_name("location", 8), SR_NC_LOCATION);
    assert_int_equal(sr_nclass_from_name("noun.group", 10), SR_NC_GROUP);
    assert_int_equal(sr_nclass_from_name("person|group", 6), SR_NC_PERSON);
    assert_int_equal(sr_nclass_from_name("persons", 7), -1);
    assert_int_equal(sr_nclass_from_name("", 0), -1);
    for (int c = 0; c < SR_NC_COUNT; c++)
        assert_int_equal(sr_nclass_from_name(sr_nclass_name(c), strlen(sr_nclass_name(c))), c);
}

/*
** A miniature WordNet: data.noun lines start at their own byte offset, so
** the offsets of index.noun are computed here.  Classes by lex_filenum:
** 04 act, 06 artifact, 10 communication, 14 group, 15 location, 18 person.
*/
static void test_compile(void **state)
{
    (void)state;
    char dir[] = "/tmp/sr-nc-test-XXXXXX";
    assert_non_null(mkdtemp(dir));
    const char *synsets[] = {"15 n 01 town 0 000 | a place",  "14 n 01 town 1 000 | its people",
                             "18 n 01 town 2 000 | a person", "06 n 01 tank 0 000 | a vehicle",
                             "04 n 01 deal 0 000 | an act",   "10 n 01 deal 1 000 | a statement",
                             "14 n 01 army 0 000 | a group"};
    char data[2048] = "  1 This is a licence line of the kind WordNet's files begin with.\n";
    unsigned long off[7];
    for (int i = 0; i < 7; i++) {
        off[i] = strlen(data);
        snprintf(data + strlen(data), sizeof data - strlen(data), "%08lu %s\n", off[i], synsets[i]);
    }
    write_file(dir, "data.noun", data);
    char index[1024];
    snprintf(index, sizeof index,
             "  1 licence\n"
             "army n 1 1 @ 1 1 %08lu\n"
             "deal n 2 2 @ ~ 2 1 %08lu %08lu\n" /* only the first sense seen in the corpus */
             "tank n 1 1 @ 1 0 %08lu\n"
             "town n 3 1 @ 3 2 %08lu %08lu %08lu\n" /* the first two senses */
             "tanker n 1 0 1 0 99999999\n",         /* a broken offset: no class, left out */
             off[6], off[4], off[5], off[3], off[0], off[1], off[2]);
    write_file(dir, "index.noun", index);
    char out[512];
    snprintf(out, sizeof out, "%s/nounclass.bin", dir);
    sr_error err = {0};
    assert_int_equal(sr_nounclass_compile(dir, out, &err), 4);
    sr_nounclass *t = sr_nounclass_map(out, &err);
    assert_non_null(t);
    assert_int_equal(sr_nounclass_count(t), 4);
    assert_int_equal(sr_nounclass_get(t, "town", 4), LOCATION | GROUP);
    assert_int_equal(sr_nounclass_get(t, "deal", 4), ACT);
    assert_int_equal(sr_nounclass_get(t, "tank", 4), ARTIFACT);
    assert_int_equal(sr_nounclass_get(t, "army", 4), GROUP);
    assert_int_equal(sr_nounclass_get(t, "tanker", 6), 0);
    assert_int_equal(sr_nounclass_get(t, "tan", 3), 0);
    assert_int_equal(sr_nounclass_get(t, "tankx", 5), 0);
    assert_int_equal(sr_nounclass_get(t, "townsfolk", 4), LOCATION | GROUP); /* by length */
    assert_int_equal(sr_nounclass_get(t, "", 0), 0);
    assert_int_equal(sr_nounclass_get(NULL, "town", 4), 0);
    sr_nounclass_free(t);

    /* malformed tables are errors naming the file */
    struct stat st;
    assert_int_equal(stat(out, &st), 0);
    FILE *f = fopen(out, "r+b");
    assert_non_null(f);
    fseek(f, 8, SEEK_SET);
    fputc(9, f); /* version 9 */
    fclose(f);
    assert_null(sr_nounclass_map(out, &err));
    assert_non_null(strstr(err.msg, "version 9"));
    assert_int_equal(truncate(out, st.st_size - 1), 0);
    assert_null(sr_nounclass_map(out, &err));
    assert_non_null(strstr(err.msg, out));
    write_file(dir, "nounclass.bin", "not a table at all, just text\n");
    assert_null(sr_nounclass_map(out, &err));
    assert_non_null(strstr(err.msg, "not a sitrep noun-class table"));
    assert_int_equal(sr_nounclass_compile("/nonexistent", out, &err), -1);
    remove(out);
    char path[600];
    snprintf(path, sizeof path, "%s/index.noun", dir);
    remove(path);
    snprintf(path, sizeof path, "%s/data.noun", dir);
    remove(path);
    rmdir(dir);
}

/* The table the build compiled from /usr/share/wordnet (skipped without WordNet). */
static void test_built_table(void **state)
{
    (void)state;
    sr_error err = {0};
    sr_nounclass *t = sr_nounclass_open(SR_DATA_DIR, &err);
    if (!t) {
        assert_int_equal(err.msg[0], '\0'); /* none is no error */
        skip();
    }
    assert_true(sr_nounclass_count(t) > 50000);
    assert_true(sr_nounclass_get(t, "delegation", 10) & GROUP);
    assert_true(sr_nounclass_get(t, "president", 9) & PERSON);
    assert_true(sr_nounclass_get(t, "province", 8) & LOCATION);
    assert_true(sr_nounclass_get(t, "tank", 4) & ARTIFACT);
    assert_true(sr_nounclass_get(t, "demand", 6) & COMMUNICATION);
    assert_false(sr_nounclass_get(t, "demand", 6) & (PERSON | GROUP));
    sr_nounclass_free(t);
    setenv("SITREP_NOUNCLASS", "none", 1);
    assert_null(sr_nounclass_open(SR_DATA_DIR, &err));
    assert_int_equal(err.msg[0], '\0');
    setenv("SITREP_NOUNCLASS", "/nonexistent/nounclass.bin", 1);
    assert_null(sr_nounclass_open(SR_DATA_DIR, &err));
    assert_non_null(strstr(err.msg, "/nonexistent/nounclass.bin"));
    /* a table that is named but unusable stops the coder from opening */
    assert_null(sr_coder_open(SR_DATA_DIR, &err));
    unsetenv("SITREP_NOUNCLASS");
}

/* Code one hand-parsed sentence with coder c; the first event's code, or "" for none. */
static const char *code_of(const sr_coder *c, sr_arena *a, const char *markup, const char *spec)
{
    test_doc d;
    tree_code(c, a, markup, spec, &d);
    return d.nevents ? d.events[0].cameo : "";
}

/*
** The shipped data/verbs/classes.txt on hand-parsed sentences: the object's
** class picks the code.  Without the table (SITREP_NOUNCLASS=none) nouns
** have no class, actors and pronouns keep theirs.
*/
static void test_constraints(void **state)
{
    (void)state;
    sr_error err = {0};
    sr_nounclass *t = sr_nounclass_open(SR_DATA_DIR, &err);
    if (!t)
        skip(); /* built without WordNet */
    sr_nounclass_free(t);
    sr_coder *with = sr_coder_open(SR_DATA_DIR, &err);
    assert_non_null(with);
    setenv("SITREP_NOUNCLASS", "none", 1);
    sr_coder *without = sr_coder_open(SR_DATA_DIR, &err);
    unsetenv("SITREP_NOUNCLASS");
    assert_non_null(without);
    sr_arena a;
    sr_arena_init(&a);
    const char *meet_actor = "[RUSGOV Putin] met [CHNGOV Xi] .",
               *meet_actor_p = "2:nsubj:PROPN 0:root:VERB:meet 2:obj:PROPN 2:punct:PUNCT";
    const char *meet_him = "[RUSGOV Putin] met him .",
               *meet_him_p = "2:nsubj:PROPN 0:root:VERB:meet 2:obj:PRON:he 2:punct:PUNCT";
    const char *demands = "[SRBGOV The government] met [SRBOPP the protesters] ' demands .",
               *demands_p = "2:det:DET 3:nsubj:NOUN:government 0:root:VERB:meet 5:det:DET "
                            "7:nmod_poss:NOUN:protester 5:case:PART 3:obj:NOUN:demand "
                            "3:punct:PUNCT";
    const char *request = "[SRBGOV The government] met [SRBOPP the protesters] ' request .",
               *request_p = "2:det:DET 3:nsubj:NOUN:government 0:root:VERB:meet 5:det:DET "
                            "7:nmod_poss:NOUN:protester 5:case:PART 3:obj:NOUN:request "
                            "3:punct:PUNCT";
    const char *tanker = "[IRN Iran] detained a [GBR British] tanker .",
               *tanker_p = "2:nsubj:PROPN 0:root:VERB:detain 5:det:DET 5:amod:ADJ "
                           "2:obj:NOUN:tanker 2:punct:PUNCT";
    const char *province = "[RUSMIL Russian forces] took the province of [UKR Donetsk] .",
               *province_p = "2:amod:ADJ 3:nsubj:NOUN:force 0:root:VERB:take 5:det:DET "
                             "3:obj:NOUN:province 7:case:ADP 5:nmod:PROPN 3:punct:PUNCT";
    const char *met_with = "[RUSGOV Putin] met with [CHNGOV Xi] .",
               *met_with_p = "2:nsubj:PROPN 0:root:VERB:meet 4:case:ADP 2:obl:PROPN 2:punct:PUNCT";
    assert_string_equal(code_of(with, &a, meet_actor, meet_actor_p), "040");
    assert_string_equal(code_of(with, &a, meet_him, meet_him_p), "040");
    assert_string_equal(code_of(with, &a, demands, demands_p), "080");
    assert_string_equal(code_of(with, &a, tanker, tanker_p), "1711");
    assert_string_equal(code_of(with, &a, province, province_p), "192");
    assert_string_equal(code_of(with, &a, met_with, met_with_p), "040");
    /* a past participle's object is the noun it modifies */
    const char *ships = "the ships captured by [RUS Russia] .",
               *ships_p = "2:det:DET 0:root:NOUN:ship 2:acl:VERB:capture:VBN 5:case:ADP "
                          "3:obl_agent:PROPN 2:punct:PUNCT";
    assert_string_equal(code_of(with, &a, ships, ships_p), "1711");
    assert_string_equal(code_of(without, &a, ships, ships_p), "192");
    /* without the table: actors and pronouns still meet; a request met is the bare verb's
       consultation, the tanker an arrest, the province nothing */
    assert_string_equal(code_of(without, &a, meet_actor, meet_actor_p), "040");
    assert_string_equal(code_of(without, &a, demands, demands_p), "080"); /* by its words */
    assert_string_equal(code_of(with, &a, request, request_p), "080");
    assert_string_equal(code_of(without, &a, request, request_p), "040");
    assert_string_equal(code_of(without, &a, tanker, tanker_p), "173");
    assert_string_equal(code_of(without, &a, province, province_p), "");
    test_doc d;
    tree_code(without, &a, meet_him, meet_him_p, &d);
    assert_true(d.nevents > 0);
    assert_non_null(strstr(d.events[0].rule, "verbs/classes.txt"));
    sr_arena_free(&a);
    sr_coder_free(with);
    sr_coder_free(without);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_compile),
        cmocka_unit_test(test_built_table),
        cmocka_unit_test(test_constraints),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
