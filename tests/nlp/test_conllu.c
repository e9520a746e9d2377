/*
** test_conllu.c: the CoNLL-U reader keeps all ten columns of every word,
** skips multiword tokens and empty nodes, aligns words with "# text",
** rejects malformed lines naming file and line, and the writer's output
** reads back unchanged.
*/
#include "sr_test.h"

#include "nlp/conllu.h"

/* Two invented sentences: one with a multiword token and an empty node. */
static const char sample[] =
    "# sent_id = a1\n"
    "# text = They didn't sign it.\n"
    "1\tThey\tthey\tPRON\tPRP\tCase=Nom|Number=Plur\t4\tnsubj\t4:nsubj\t_\n"
    "2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdid\tdo\tAUX\tVBD\tMood=Ind\t4\taux\t4:aux\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n"
    "4\tsign\tsign\tVERB\tVB\tVerbForm=Inf\t0\troot\t0:root\t_\n"
    "4.1\tsign\tsign\tVERB\tVB\t_\t_\t_\t4:conj\tCopyOf=4\n"
    "5\tit\tit\tPRON\tPRP\t_\t4\tobj\t4:obj\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n"
    "\n"
    "# text = Talks resumed\n"
    "1\tTalks\ttalk\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_\n"
    "2\tresumed\tresume\tVERB\tVBD\t_\t0\troot\t_\t_\n";

static void test_read_sample(void **state)
{
    (void)state;
    char *path = sr_test_file(".conllu", sample, sizeof sample - 1);
    sr_arena a;
    sr_arena_init(&a);
    sr_sentence *s;
    const char **texts;
    size_t n;
    sr_error err = {0};
    assert_int_equal(sr_conllu_read_texts(path, &a, &s, &texts, &n, &err), 0);
    assert_int_equal(n, 2);
    assert_int_equal(s[0].ntokens, 6);
    assert_string_equal(texts[0], "They didn't sign it.");
    const sr_token *t = s[0].tokens;
    assert_string_equal(t[0].form, "They");
    assert_string_equal(t[0].lemma, "they");
    assert_int_equal(t[0].upos, SR_UPOS_PRON);
    assert_string_equal(t[0].xpos, "PRP");
    assert_string_equal(t[0].feats, "Case=Nom|Number=Plur");
    assert_int_equal(t[0].head, 4);
    assert_string_equal(t[0].deprel, "nsubj");
    assert_null(t[2].feats);
    assert_string_equal(t[2].form, "n't");
    /* Offsets within the text; the multiword token's parts touch. */
    assert_int_equal(t[1].start, 5);
    assert_int_equal(t[1].end, 8);
    assert_int_equal(t[2].start, 8);
    assert_int_equal(t[2].end, 11);
    assert_int_equal(t[1].space_after, 0);
    assert_int_equal(t[2].space_after, 1);
    assert_int_equal(t[4].space_after, 0);
    assert_int_equal(t[5].start, 19);
    assert_string_equal(t[4].form, "it");
    assert_int_equal(t[3].head, 0);
    assert_int_equal(s[0].span.end, 20);
    assert_int_equal(s[1].ntokens, 2);
    assert_int_equal(s[1].tokens[1].start, 6);
    sr_arena_free(&a);
    sr_test_unlink(path);
}

/* Read text as a file and expect failure with a message containing want. */
static void expect_error(const char *text, const char *want)
{
    char *path = sr_test_file(".conllu", text, strlen(text));
    sr_arena a;
    sr_arena_init(&a);
    sr_sentence *s;
    size_t n;
    sr_error err = {0};
    assert_int_equal(sr_conllu_read(path, &a, &s, &n, &err), -1);
    assert_non_null(strstr(err.msg, path));
    if (!strstr(err.msg, want))
        fail_msg("error '%s' lacks '%s'", err.msg, want);
    sr_arena_free(&a);
    sr_test_unlink(path);
}

static void test_malformed(void **state)
{
    (void)state;
    expect_error("1\ta\ta\tNOUN\tNN\t_\t0\troot\t_\n", ":1: fewer than 10");
    expect_error("# c\n1\ta\ta\tNOUN\tNN\t_\t0\troot\t_\t_\t_\n", ":2: more than 10");
    expect_error("1\ta\ta\tNOUN\tNN\t_\t0\troot\t_\t_\n3\tb\tb\tNOUN\tNN\t_\t1\tdep\t_\t_\n",
                 ":2: word ids");
    expect_error("1\ta\ta\tNOPE\tNN\t_\t0\troot\t_\t_\n", ":1: unknown UPOS");
    expect_error("1\ta\ta\tNOUN\tNN\t_\tx\troot\t_\t_\n", ":1: HEAD is not");
    expect_error("1\ta\ta\tNOUN\tNN\t_\t5\troot\t_\t_\n\n", "beyond");
    expect_error("1\ta\ta\tNOUN\tNN\t_\t0\troot\t_\t_\n1\tb\t\tNOUN\tNN\t_\t0\troot\t_\t_\n",
                 ":2:");
    expect_error("1\ta\ta\tNOUN\tNN\t_\t0\troot\t_\t_\n2\t\xff\tb\tNOUN\tNN\t_\t1\tdep\t_\t_\n",
                 ":2: invalid UTF-8");
    sr_error err = {0};
    sr_arena a;
    sr_arena_init(&a);
    sr_sentence *s;
    size_t n;
    assert_int_equal(sr_conllu_read("/nonexistent/x.conllu", &a, &s, &n, &err), -1);
    assert_non_null(strstr(err.msg, "/nonexistent/x.conllu"));
    sr_arena_free(&a);
}

/* Writing the sample and reading it back gives the same words. */
static void test_write_round_trip(void **state)
{
    (void)state;
    char *path = sr_test_file(".conllu", sample, sizeof sample - 1);
    sr_arena a;
    sr_arena_init(&a);
    sr_sentence *s, *s2;
    const char **texts;
    size_t n, n2;
    sr_error err = {0};
    assert_int_equal(sr_conllu_read_texts(path, &a, &s, &texts, &n, &err), 0);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(sr_conllu_write_sentence(out, &s[i], i, texts[i]), 0);
    fclose(out);
    assert_non_null(strstr(buf, "# sent_id = 2\n# text = Talks resumed\n"));
    assert_non_null(strstr(buf, "5\tit\tit\tPRON\tPRP\t_\t4\tobj\t_\tSpaceAfter=No\n"));
    char *path2 = sr_test_file(".conllu", buf, len);
    assert_int_equal(sr_conllu_read(path2, &a, &s2, &n2, &err), 0);
    assert_int_equal(n2, n);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(s2[i].ntokens, s[i].ntokens);
        for (uint32_t k = 0; k < s[i].ntokens; k++) {
            const sr_token *x = &s[i].tokens[k], *y = &s2[i].tokens[k];
            assert_string_equal(x->form, y->form);
            assert_string_equal(x->lemma, y->lemma);
            assert_int_equal(x->upos, y->upos);
            assert_int_equal(x->head, y->head);
            assert_string_equal(x->deprel, y->deprel);
            assert_int_equal(x->space_after, y->space_after);
            assert_int_equal(x->start, y->start);
            assert_true((x->feats == NULL) == (y->feats == NULL));
        }
    }
    free(buf);
    sr_arena_free(&a);
    sr_test_unlink(path);
    sr_test_unlink(path2);
}

/* Every truncation and many random corruptions of the sample are read or rejected, never crash. */
static void test_damaged_input(void **state)
{
    (void)state;
    sr_arena a;
    sr_arena_init(&a);
    char buf[sizeof sample];
    uint64_t rng = 99;
    for (size_t round = 0; round < 2 * sizeof sample; round++) {
        size_t len = sizeof sample - 1;
        memcpy(buf, sample, len);
        if (round < sizeof sample) {
            len = round; /* every prefix */
        } else {
            for (int k = 0; k < 4; k++) {
                rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
                size_t at = (size_t)(rng >> 33) % len;
                static const char junk[] = "\t\n_-.0123456789#\xff\x80 ";
                buf[at] = junk[(rng >> 20) % (sizeof junk - 1)];
            }
        }
        char *path = sr_test_file(".conllu", buf, len);
        sr_sentence *s;
        size_t n;
        sr_error err = {0};
        int rc = sr_conllu_read(path, &a, &s, &n, &err);
        if (rc != 0) {
            assert_int_equal(rc, -1);
            assert_non_null(strstr(err.msg, path));
        } else {
            for (size_t i = 0; i < n; i++)
                for (uint32_t k = 0; k < s[i].ntokens; k++)
                    assert_true(s[i].tokens[k].head <= (int32_t)s[i].ntokens);
        }
        sr_test_unlink(path);
        sr_arena_free(&a);
    }
}

/* The shared dev treebank reads completely, with every word aligned. */
static void test_shared_dev(void **state)
{
    (void)state;
    const char *path = SR_SHARED_DIR "/ud/en_ewt-ud-dev.conllu";
    if (access(path, R_OK) != 0) {
        print_message("skipped: %s not found\n", path);
        skip();
    }
    sr_arena a;
    sr_arena_init(&a);
    sr_sentence *s;
    const char **texts;
    size_t n, unaligned = 0, words = 0;
    sr_error err = {0};
    assert_int_equal(sr_conllu_read_texts(path, &a, &s, &texts, &n, &err), 0);
    assert_true(n > 1000);
    for (size_t i = 0; i < n; i++) {
        int roots = 0;
        for (uint32_t k = 0; k < s[i].ntokens; k++) {
            const sr_token *t = &s[i].tokens[k];
            words++;
            roots += t->head == 0;
            assert_true(t->head >= 0 && t->head <= (int32_t)s[i].ntokens);
            if (t->end == 0)
                unaligned++;
            else
                assert_memory_equal(texts[i] + t->start, t->form, t->end - t->start);
        }
        assert_int_equal(roots, 1);
    }
    assert_true(unaligned * 100 < words);
    sr_arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_read_sample),      cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_write_round_trip), cmocka_unit_test(test_damaged_input),
        cmocka_unit_test(test_shared_dev),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
