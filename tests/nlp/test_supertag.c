/*
** test_supertag.c: supertags and the parser that uses them.
**
** Gold supertags name each word's relation and the side of its head; a
** supertagger trained on them (the tagger's own trainer) and a parser
** trained with it make a model that finds its supertagger next to itself
** when loaded, parses its training sentences right, and is refused with a
** clear error when the supertagger is missing.
*/
#include "sr_test.h"

#include "nlp/conllu.h"
#include "nlp/nlp.h"
#include "nlp/parser_internal.h"
#include "nlp/supertag.h"
#include "nlp/tagger_train.h"
#include "tiny_bank.h"
#include "util/util.h"

static void read_bank(const char *path, sr_arena *a, sr_sentence **s, size_t *n)
{
    sr_error err = {0};
    if (sr_conllu_read(path, a, s, n, &err) != 0)
        fail_msg("%s", err.msg);
    assert_int_equal(*n, 2);
}

static void test_gold_supertags(void **state)
{
    (void)state;
    char *path = sr_test_file(".conllu", tiny_bank, sizeof tiny_bank - 1);
    sr_arena a;
    sr_arena_init(&a);
    sr_sentence *s;
    size_t n;
    read_bank(path, &a, &s, &n);
    sr_supertag_gold(s, n, &a);
    const char *want[] = {"nsubj/R", "root/0", "det/R", "obj/L", "punct/L"};
    for (size_t i = 0; i < 5; i++) {
        assert_string_equal(s[0].tokens[i].xpos, want[i]);
        assert_int_equal(s[0].tokens[i].upos, SR_UPOS_X);
        assert_null(s[0].tokens[i].feats);
    }
    assert_string_equal(s[1].tokens[3].xpos, "compound/R");
    assert_string_equal(s[1].tokens[6].xpos, "obl/L");
    /* Heads and relations are left as they were. */
    assert_int_equal(s[1].tokens[6].head, 2);
    assert_string_equal(s[1].tokens[6].deprel, "obl");
    sr_arena_free(&a);
    sr_test_unlink(path);
}

/* Train a supertagger on the bank's gold supertags into out. */
static void train_supertagger(const char *bank_path, const char *out)
{
    sr_arena a;
    sr_arena_init(&a);
    sr_sentence *s;
    size_t n;
    read_bank(bank_path, &a, &s, &n);
    sr_supertag_gold(s, n, &a);
    sr_tg_train_opts o;
    sr_tg_train_defaults(&o);
    o.runs = 1;
    o.max_epochs = 5;
    sr_tg_scores best;
    sr_error err = {0};
    if (sr_tg_train(s, n, s, n, &o, out, &best, &err) != 0)
        fail_msg("%s", err.msg);
    sr_arena_free(&a);
}

static void test_parser_with_supertagger(void **state)
{
    (void)state;
    char *bank_path = sr_test_file(".conllu", tiny_bank, sizeof tiny_bank - 1);
    char *st_path = sr_test_file(".bin", "", 0), *parser_path = sr_test_file(".bin", "", 0);
    train_supertagger(bank_path, st_path);

    sr_parser_train_opts o;
    sr_parser_train_defaults(&o);
    o.train_path = o.dev_path = bank_path;
    o.out_path = parser_path;
    o.supertagger_path = st_path;
    o.trans_bits = 12;
    o.label_bits = 10;
    o.max_epochs = 8;
    sr_error err = {0};
    FILE *log = fopen("/dev/null", "w");
    if (sr_parser_train(&o, log, &err) != 0)
        fail_msg("%s", err.msg);
    fclose(log);

    /* The model loads its supertagger and parses its training sentences right. */
    sr_parser *p = sr_parser_load(parser_path, &err);
    if (!p)
        fail_msg("%s", err.msg);
    assert_non_null(p->supertagger);
    sr_arena a;
    sr_arena_init(&a);
    sr_sentence *gold, *s;
    size_t n;
    read_bank(bank_path, &a, &gold, &n);
    read_bank(bank_path, &a, &s, &n);
    for (size_t i = 0; i < n; i++) {
        sr_parser_parse(p, &s[i], &a);
        for (uint32_t k = 0; k < s[i].ntokens; k++) {
            assert_int_equal(s[i].tokens[k].head, gold[i].tokens[k].head);
            assert_string_equal(s[i].tokens[k].deprel, gold[i].tokens[k].deprel);
        }
    }
    /* Its supertagger has learnt the training sentences' supertags. */
    uint64_t st[8];
    sr_supertag(p->supertagger, p->st_hash, &gold[1], st, &a);
    assert_true(st[1] == sr_supertag_hash("root/0"));
    assert_true(st[6] == sr_supertag_hash("obl/L"));
    sr_parser_free(p);
    sr_arena_free(&a);

    /* Without its supertagger the model is refused, and the error says why. */
    unlink(st_path);
    assert_null(sr_parser_load(parser_path, &err));
    assert_non_null(strstr(err.msg, parser_path));
    assert_non_null(strstr(err.msg, "supertagger"));
    sr_test_unlink(st_path);
    sr_test_unlink(parser_path);
    sr_test_unlink(bank_path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gold_supertags),
        cmocka_unit_test(test_parser_with_supertagger),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
