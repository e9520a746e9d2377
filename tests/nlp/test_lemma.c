/*
** test_lemma.c: the lemmatizer with the shipped table and WordNet, with the
** rules alone, and its casing conventions.
*/
#include "sr_test.h"

#include <sys/stat.h>

#include "nlp/lemma_internal.h"
#include "nlp/nlp.h"
#include "util/arena.h"

typedef struct lemma_case {
    const char *form, *xpos;
    int upos;
    const char *lemma;
} lemma_case;

/* Lemmatize each case as a one-word sentence (not sentence-initial: index 1). */
static void check_cases(const sr_lemmatizer *l, const lemma_case *c, size_t n)
{
    sr_arena a;
    sr_arena_init(&a);
    for (size_t i = 0; i < n; i++) {
        sr_token tok[2];
        memset(tok, 0, sizeof tok);
        tok[0].form = "x";
        tok[0].xpos = "NN";
        tok[0].upos = SR_UPOS_NOUN;
        tok[1].form = c[i].form;
        tok[1].xpos = c[i].xpos;
        tok[1].upos = (uint8_t)c[i].upos;
        sr_sentence s = {{0, 0}, tok, 2};
        sr_lemmatize(l, &s, &a);
        if (strcmp(tok[1].lemma, c[i].lemma) != 0)
            fail_msg("%s/%s: lemma '%s', expected '%s'", c[i].form, c[i].xpos, tok[1].lemma,
                     c[i].lemma);
    }
    sr_arena_free(&a);
}

static void test_shipped(void **state)
{
    (void)state;
    static const lemma_case cases[] = {
        {"went", "VBD", SR_UPOS_VERB, "go"},
        {"soldiers", "NNS", SR_UPOS_NOUN, "soldier"},
        {"troops", "NNS", SR_UPOS_NOUN, "troops"}, /* EWT's lemma, learned from its table */
        {"better", "JJR", SR_UPOS_ADJ, "good"},
        {"n't", "RB", SR_UPOS_PART, "not"},
        {"'s", "VBZ", SR_UPOS_AUX, "be"},
        {"\xe2\x80\x99s", "VBZ", SR_UPOS_AUX, "be"},
        {"n\xe2\x80\x99t", "RB", SR_UPOS_PART, "not"},
        {"\xe2\x80\x99re", "VBP", SR_UPOS_AUX, "be"},
        {"ca", "MD", SR_UPOS_AUX, "can"},
        {"wo", "MD", SR_UPOS_AUX, "will"},
        {"rejected", "VBD", SR_UPOS_VERB, "reject"},
        {"killed", "VBN", SR_UPOS_VERB, "kill"},
        {"talks", "NNS", SR_UPOS_NOUN, "talk"},
        {"were", "VBD", SR_UPOS_AUX, "be"},
        {"me", "PRP", SR_UPOS_PRON, "I"},
        {"Lavrov", "NNP", SR_UPOS_PROPN, "Lavrov"},
        {"Americans", "NNPS", SR_UPOS_PROPN, "American"},
        {"The", "DT", SR_UPOS_DET, "the"},
        {"Proposal", "NN", SR_UPOS_NOUN, "proposal"},
        {"12,000", "CD", SR_UPOS_NUM, "12000"},
        {"found", "VB", SR_UPOS_VERB, "found"},
        {"found", "VBD", SR_UPOS_VERB, "find"},
        {"stopped", "VBD", SR_UPOS_VERB, "stop"},
        {"biggest", "JJS", SR_UPOS_ADJ, "big"},
        {"children", "NNS", SR_UPOS_NOUN, "child"},
        {"retweeted", "VBD", SR_UPOS_VERB, "retweet"},
    };
    sr_error err = {0};
    sr_lemmatizer *l = sr_lemmatizer_open(SR_DATA_DIR, &err);
    if (!l)
        fail_msg("%s", err.msg);
    if (!l->have_wordnet) {
        printf("skipped: WordNet not installed\n");
        sr_lemmatizer_free(l);
        return;
    }
    assert_true(l->have_table);
    check_cases(l, cases, sizeof cases / sizeof *cases);
    sr_lemmatizer_free(l);
}

/* WordNet without the learned table: the textbook answers. */
static void test_wordnet_only(void **state)
{
    (void)state;
    static const lemma_case cases[] = {
        {"troops", "NNS", SR_UPOS_NOUN, "troop"},
        {"went", "VBD", SR_UPOS_VERB, "go"},
        {"better", "JJR", SR_UPOS_ADJ, "good"},
        {"geese", "NNS", SR_UPOS_NOUN, "goose"},
    };
    sr_error err = {0};
    sr_lemmatizer *l = sr_lemmatizer_open("/nonexistent", &err);
    assert_non_null(l);
    assert_false(l->have_table);
    if (l->have_wordnet)
        check_cases(l, cases, sizeof cases / sizeof *cases);
    else
        printf("skipped: WordNet not installed\n");
    sr_lemmatizer_free(l);
}

/* Without WordNet or table, the suffix rules still do the regular cases. */
static void test_rules_only(void **state)
{
    (void)state;
    static const lemma_case cases[] = {
        {"troops", "NNS", SR_UPOS_NOUN, "troop"},   {"retweeted", "VBD", SR_UPOS_VERB, "retweet"},
        {"stopped", "VBD", SR_UPOS_VERB, "stop"},   {"parties", "NNS", SR_UPOS_NOUN, "party"},
        {"boxes", "NNS", SR_UPOS_NOUN, "box"},      {"running", "VBG", SR_UPOS_VERB, "run"},
        {"using", "VBG", SR_UPOS_VERB, "use"},      {"happier", "JJR", SR_UPOS_ADJ, "happy"},
        {"Lavrov", "NNP", SR_UPOS_PROPN, "Lavrov"}, {"STOP", "VB", SR_UPOS_VERB, "stop"},
    };
    sr_lemmatizer *l = sr_lm_new();
    assert_non_null(l);
    check_cases(l, cases, sizeof cases / sizeof *cases);
    sr_lemmatizer_free(l);
}

static void test_odd_input(void **state)
{
    (void)state;
    sr_error err = {0};
    sr_lemmatizer *l = sr_lemmatizer_open(SR_DATA_DIR, &err);
    assert_non_null(l);
    sr_arena a;
    sr_arena_init(&a);
    char longword[600];
    memset(longword, 'a', sizeof longword - 2);
    longword[sizeof longword - 2] = 's';
    longword[sizeof longword - 1] = '\0';
    sr_token tok[4];
    memset(tok, 0, sizeof tok);
    tok[0].form = NULL; /* no form, no tags */
    tok[1].form = longword;
    tok[1].xpos = "NNS";
    tok[2].form = "";
    tok[2].xpos = "VBD";
    tok[3].form = "s";
    tok[3].xpos = "VBZ";
    sr_sentence s = {{0, 0}, tok, 4};
    sr_lemmatize(l, &s, &a);
    for (int i = 0; i < 4; i++)
        assert_non_null(tok[i].lemma);
    assert_string_equal(tok[1].lemma, longword); /* never truncated */
    sr_arena_free(&a);
    sr_lemmatizer_free(l);

    /* a damaged table is an error naming the file */
    char dir[] = "/tmp/sitrep-lemma-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char models[128], path[160];
    snprintf(models, sizeof models, "%s/models", dir);
    snprintf(path, sizeof path, "%s/lemma.bin", models);
    assert_int_equal(mkdir(models, 0700), 0);
    FILE *f = fopen(path, "wb");
    fputs("SRMD garbage", f);
    fclose(f);
    assert_null(sr_lemmatizer_open(dir, &err));
    assert_non_null(strstr(err.msg, path));
    unlink(path);
    rmdir(models);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shipped),
        cmocka_unit_test(test_wordnet_only),
        cmocka_unit_test(test_rules_only),
        cmocka_unit_test(test_odd_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
