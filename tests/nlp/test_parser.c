/*
** test_parser.c: the dependency parser.
**
** Feature extraction on a small known configuration; the transition system
** and its oracle, which must rebuild every projective tree of the first
** dev sentences (and the lifted version of the others); parses that are
** always trees, for random token sequences, very long sentences and an
** ungrammatical machine-translated sentence; model files that round-trip
** and corrupt or truncated ones rejected with a clear error; and a floor
** on the accuracy of the shipped model on a slice of the dev set.
*/
#include "sr_test.h"

#include "nlp/conllu.h"
#include "nlp/nlp.h"
#include "nlp/parser_internal.h"
#include "tiny_bank.h"
#include "util/util.h"

#define DEV_PATH SR_SHARED_DIR "/ud/en_ewt-ud-dev.conllu"
#define MODEL_PATH SR_DATA_DIR "/models/parser.bin"
#define TAGGER_PATH SR_DATA_DIR "/models/tagger.bin"

/* A sentence of words with tags from parallel arrays, allocated in a. */
static sr_sentence make_sentence(sr_arena *a, const char **forms, const char **xpos,
                                 const int *upos, size_t n)
{
    sr_sentence s = {{0, 0}, sr_arena_calloc(a, n, sizeof(sr_token)), (uint32_t)n};
    for (size_t i = 0; i < n; i++) {
        s.tokens[i].form = forms[i];
        s.tokens[i].xpos = xpos ? xpos[i] : NULL;
        s.tokens[i].upos = upos ? (uint8_t)upos[i] : SR_UPOS_NONE;
        s.tokens[i].head = -1;
    }
    return s;
}

/* Whether the parse of s is a tree: heads in range, one root, no cycles, relations set. */
static int check_tree(const sr_sentence *s, char *why, size_t whylen)
{
    int n = (int)s->ntokens, roots = 0;
    for (int i = 0; i < n; i++) {
        const sr_token *t = &s->tokens[i];
        if (t->head < 0 || t->head > n || t->head == i + 1 || !t->deprel) {
            snprintf(why, whylen, "word %d: head %d, deprel %s", i + 1, t->head,
                     t->deprel ? t->deprel : "NULL");
            return 0;
        }
        if ((t->head == 0) != (strcmp(t->deprel, "root") == 0)) {
            snprintf(why, whylen, "word %d: head %d with relation %s", i + 1, t->head, t->deprel);
            return 0;
        }
        roots += t->head == 0;
        int w = i + 1, steps = 0;
        while (w != 0 && steps++ <= n)
            w = s->tokens[w - 1].head;
        if (w != 0) {
            snprintf(why, whylen, "word %d is on a cycle", i + 1);
            return 0;
        }
    }
    if (roots != 1) {
        snprintf(why, whylen, "%d roots", roots);
        return 0;
    }
    return 1;
}

static void assert_tree(const sr_sentence *s)
{
    char why[200];
    if (!check_tree(s, why, sizeof why))
        fail_msg("not a tree (%u words): %s", s->ntokens, why);
}

/* ---- features ---- */

static void test_features(void **state)
{
    (void)state;
    sr_arena a;
    sr_arena_init(&a);
    const char *forms[] = {"Talks", "in", "1999", "failed", "again", "today", "."};
    const char *xpos[] = {"NNS", "IN", "CD", "VBD", "RB", "NN", "."};
    const int upos[] = {SR_UPOS_NOUN, SR_UPOS_ADP,  SR_UPOS_NUM,  SR_UPOS_VERB,
                        SR_UPOS_ADV,  SR_UPOS_NOUN, SR_UPOS_PUNCT};
    sr_sentence s = make_sentence(&a, forms, xpos, upos, 7);
    sr_ptok tk[8];
    sr_parser_prepare(&s, NULL, tk);
    /* Forms are lowercased and digits folded. */
    const char *forms2[] = {"talks", "in", "2005", "failed", "again", "today", "."};
    sr_sentence s2 = make_sentence(&a, forms2, xpos, upos, 7);
    sr_ptok tk2[8];
    sr_parser_prepare(&s2, NULL, tk2);
    assert_true(tk[1].word == tk2[1].word && tk[3].word == tk2[3].word);
    assert_true(tk[1].word != tk[2].word && tk[1].tag != tk[2].tag);

    /* Configuration: stack [root, Talks], buffer [1999, failed, ...]... */
    sr_pstate st;
    sr_pstate_init(&st, 7, sr_arena_alloc(&a, sr_pstate_bytes(7)));
    sr_pstate_apply(&st, SR_PT_SHIFT, -1); /* Talks */
    sr_pstate_apply(&st, SR_PT_SHIFT, -1); /* in */
    sr_pstate_apply(&st, SR_PT_LEFT, 7);   /* in <- 1999 */
    uint64_t f[SR_PARSER_MAX_FEATS], g[SR_PARSER_MAX_FEATS];
    size_t nf = sr_parser_trans_features(&st, tk, f);
    assert_true(nf > 60 && nf <= SR_PARSER_MAX_FEATS);
    /* ...where s0 = Talks, b0 = 1999 with left child "in". */
    assert_int_equal(st.stack[st.nstack - 1], 1);
    assert_int_equal(st.buf, 3);
    assert_int_equal(st.lc1[3], 2);
    assert_true(f[0] == sr_parser_fhash(0, tk[1].word, tk[1].tag, 0));   /* s0 word+tag */
    assert_true(f[3] == sr_parser_fhash(3, tk[3].word, tk[3].tag, 0));   /* b0 word+tag */
    assert_true(f[6] == sr_parser_fhash(6, tk[4].word, tk[4].tag, 0));   /* b1 word+tag */
    assert_true(f[12] == sr_parser_fhash(12, tk[0].word, tk[0].tag, 0)); /* s1 is the root */
    int found_child = 0;
    for (size_t i = 0; i < nf; i++)
        found_child |= f[i] == sr_parser_fhash((uint32_t)i, tk[2].word, 0, 0);
    assert_true(found_child); /* b0's leftmost child word */
    /* Supertags of s0 and b0 are features; without a supertagger they are constants. */
    uint64_t supertags[7] = {11, 12, 13, 14, 15, 16, 17};
    sr_ptok tk3[8];
    sr_parser_prepare(&s, supertags, tk3);
    assert_true(tk3[1].st == 11 && tk3[3].st == 13 && tk[1].st == tk[3].st);
    sr_parser_trans_features(&st, tk3, g);
    int found_pair = 0;
    for (size_t i = 0; i < nf; i++)
        found_pair |= g[i] == sr_parser_fhash((uint32_t)i, 11, 13, 0);
    assert_true(found_pair); /* s0's supertag with b0's */
    /* The same configuration gives the same features; all are distinct. */
    assert_int_equal(sr_parser_trans_features(&st, tk, g), nf);
    assert_memory_equal(f, g, nf * sizeof *f);
    for (size_t i = 0; i < nf; i++)
        for (size_t j = i + 1; j < nf; j++)
            assert_true(f[i] != f[j]);
    /* A word outside the window changes nothing; the child's relation does. */
    memcpy(tk2, tk, sizeof tk);
    tk2[6].word ^= 1;
    tk2[7].tag ^= 1;
    sr_parser_trans_features(&st, tk2, g);
    assert_memory_equal(f, g, nf * sizeof *f);
    st.label[2] = 8;
    sr_parser_trans_features(&st, tk, g);
    assert_memory_not_equal(f, g, nf * sizeof *f);
    /* Relation features for the arc Talks -> ... have a fixed count too. */
    size_t nl = sr_parser_label_features(&st, tk, 3, 1, f);
    assert_true(nl > 20 && nl <= SR_PARSER_MAX_FEATS);
    assert_true(f[0] == sr_parser_fhash(1000, tk[3].word, 0, 0));
    sr_arena_free(&a);
}

/* ---- transition system and oracle ---- */

/* Follow the cheapest transitions for gold heads; returns 1 when the result equals gold. */
static int oracle_parse(const int *gold, const int *glabel, int n, sr_arena *a)
{
    sr_pstate st;
    sr_pstate_init(&st, n, sr_arena_alloc(a, sr_pstate_bytes(n)));
    int steps = 0;
    while (!sr_pstate_terminal(&st)) {
        int best = -1, best_cost = 0;
        for (int t = 0; t < SR_PT_COUNT; t++) {
            if (!sr_pstate_valid(&st, t))
                continue;
            int c = sr_pstate_cost(&st, t, gold);
            if (best < 0 || c < best_cost)
                best = t, best_cost = c;
        }
        assert_true(best >= 0);
        assert_int_equal(best_cost, 0); /* projective: a zero-cost move always exists */
        int label = -1;
        if (best != SR_PT_SHIFT) {
            int h, d;
            sr_pstate_arc(&st, best, &h, &d);
            label = glabel[d];
        }
        sr_pstate_apply(&st, best, label);
        assert_true(++steps <= 2 * n + 1);
    }
    assert_int_equal(steps, 2 * n);
    for (int i = 1; i <= n; i++)
        if (st.head[i] != gold[i] || st.label[i] != glabel[i])
            return 0;
    return 1;
}

static void test_oracle_dev(void **state)
{
    (void)state;
    if (access(DEV_PATH, R_OK) != 0) {
        print_message("skipped: %s not found\n", DEV_PATH);
        skip();
    }
    sr_arena a;
    sr_arena_init(&a);
    sr_sentence *s;
    size_t n;
    sr_error err = {0};
    assert_int_equal(sr_conllu_read(DEV_PATH, &a, &s, &n, &err), 0);
    size_t checked = 0, lifted = 0;
    for (size_t i = 0; i < n && i < 500; i++) {
        int len = (int)s[i].ntokens;
        int *gold = sr_arena_alloc(&a, ((size_t)len + 1) * sizeof(int));
        int *orig = sr_arena_alloc(&a, ((size_t)len + 1) * sizeof(int));
        int *glabel = sr_arena_alloc(&a, ((size_t)len + 1) * sizeof(int));
        gold[0] = -1;
        for (int k = 1; k <= len; k++) {
            gold[k] = orig[k] = s[i].tokens[k - 1].head;
            glabel[k] = k % 50; /* any relation ids will do */
        }
        if (!sr_tree_is_projective(gold, len)) {
            /* Non-projective: lifted to a projective tree whose heads are ancestors. */
            assert_true(sr_tree_projectivize(gold, len) > 0);
            assert_true(sr_tree_is_projective(gold, len));
            for (int k = 1; k <= len; k++) {
                int w = orig[k];
                while (w != 0 && w != gold[k])
                    w = orig[w];
                assert_int_equal(w, gold[k]);
            }
            lifted++;
        }
        assert_true(oracle_parse(gold, glabel, len, &a));
        checked++;
    }
    print_message("oracle rebuilt %zu trees (%zu after lifting)\n", checked, lifted);
    assert_true(lifted > 0);
    sr_arena_free(&a);
}

/* A crossing tree is lifted; a projective one is left alone. */
static void test_projectivize(void **state)
{
    (void)state;
    /* 1 <- 3 is crossed by 2 -> 4: words 1..4, root 2. */
    int heads[5] = {-1, 3, 0, 2, 2};
    assert_false(sr_tree_is_projective(heads, 4));
    assert_int_equal(sr_tree_projectivize(heads, 4), 1);
    assert_true(sr_tree_is_projective(heads, 4));
    assert_int_equal(heads[1], 2);
    int proj[4] = {-1, 2, 0, 2};
    assert_true(sr_tree_is_projective(proj, 3));
    assert_int_equal(sr_tree_projectivize(proj, 3), 0);
}

/* ---- always a tree ---- */

static sr_parser *load_shipped(void)
{
    sr_error err = {0};
    sr_parser *p = sr_parser_load(MODEL_PATH, &err);
    if (!p)
        fail_msg("shipped model: %s", err.msg);
    return p;
}

static void test_random_trees(void **state)
{
    (void)state;
    sr_parser *p = load_shipped();
    static const char *vocab[] = {"the",
                                  "Russia",
                                  "will",
                                  ",",
                                  "sign",
                                  "peace",
                                  ".",
                                  "of",
                                  "and",
                                  "2022",
                                  "\xc3\xa9t\xc3\xa9",
                                  "",
                                  "\"",
                                  "to",
                                  "is"};
    static const char *tags[] = {"DT", "NNP", "MD", ",",  "VB", "NN", ".",  "IN",
                                 "CC", "CD",  "FW", "XX", "``", "TO", "VBZ"};
    uint64_t rng = 12345;
    sr_arena a;
    sr_arena_init(&a);
    static const size_t lengths[] = {1, 2, 3, 5, 8, 13, 40, 120, 400, 1500};
    for (size_t round = 0; round < 60; round++) {
        size_t n = round < 10 ? lengths[round] : 1 + (size_t)(rng % 60);
        const char **forms = sr_arena_alloc(&a, n * sizeof *forms);
        const char **xpos = sr_arena_alloc(&a, n * sizeof *xpos);
        int *upos = sr_arena_alloc(&a, n * sizeof *upos);
        for (size_t i = 0; i < n; i++) {
            rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
            forms[i] = vocab[(rng >> 33) % 15];
            xpos[i] = (rng >> 40) % 7 == 0 ? NULL : tags[(rng >> 45) % 15];
            upos[i] = (int)((rng >> 50) % SR_UPOS_COUNT);
        }
        sr_sentence s = make_sentence(&a, forms, xpos, upos, n);
        sr_parser_parse(p, &s, &a);
        assert_tree(&s);
        sr_arena_free(&a);
    }
    /* Untagged words, a word without a form and an empty sentence are handled too. */
    const char *forms[] = {"peace", "talks", NULL};
    sr_sentence s = make_sentence(&a, forms, NULL, NULL, 3);
    sr_parser_parse(p, &s, &a);
    assert_tree(&s);
    sr_sentence empty = {{0, 0}, NULL, 0};
    sr_parser_parse(p, &empty, &a);
    sr_arena_free(&a);
    sr_parser_free(p);
}

static void test_ungrammatical(void **state)
{
    (void)state;
    static const char *words[] = {
        "The",      "will", "that",    "he",     "will",  "no",        "longer", "accept", "the",
        "invasion", "in",   "the",     "future", "are",   "one",       "of",     "the",    "keys",
        "to",       "sign", "Ukraine", "a",      "peace", "agreement", "with",   "Russia", "."};
    const size_t n = sizeof words / sizeof *words;
    sr_parser *p = load_shipped();
    sr_error err = {0};
    sr_tagger *tg = sr_tagger_load(TAGGER_PATH, &err);
    sr_arena a;
    sr_arena_init(&a);
    sr_sentence s = make_sentence(&a, words, NULL, NULL, n);
    if (tg)
        sr_tagger_tag(tg, &s, &a);
    else
        print_message("no tagger (%s): parsing untagged words\n", err.msg);
    sr_parser_parse(p, &s, &a);
    assert_tree(&s);
    /* Parsing again gives the same tree: no hidden state. */
    int32_t heads[32];
    for (size_t i = 0; i < n; i++)
        heads[i] = s.tokens[i].head;
    sr_parser_parse(p, &s, &a);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(s.tokens[i].head, heads[i]);
    sr_arena_free(&a);
    sr_tagger_free(tg);
    sr_parser_free(p);
}

/* ---- model files ---- */

/*
** Train a small model on tiny_bank, with tags from tagger when it is not
** NULL; returns its path.  The training log goes to log_path (or nowhere).
*/
static char *train_tiny_with(const char *tagger, int gold_too, const char *log_path)
{
    char *bank = sr_test_file(".conllu", tiny_bank, sizeof tiny_bank - 1);
    char *out = sr_test_file(".bin", "", 0);
    sr_parser_train_opts o;
    sr_parser_train_defaults(&o);
    o.train_path = bank;
    o.dev_path = bank;
    o.out_path = out;
    o.trans_bits = 12;
    o.label_bits = 10;
    o.max_epochs = 8;
    o.tagger_path = tagger;
    o.gold_too = gold_too;
    sr_error err = {0};
    FILE *log = fopen(log_path ? log_path : "/dev/null", "w");
    assert_non_null(log);
    if (sr_parser_train(&o, log, &err) != 0)
        fail_msg("%s", err.msg);
    fclose(log);
    sr_test_unlink(bank);
    return out;
}

static char *train_tiny(void)
{
    return train_tiny_with(NULL, 0, NULL);
}

/* How many sentences the trainer said it learns from, per its log. */
static int logged_train_size(const char *log_path)
{
    sr_error err = {0};
    size_t len;
    char *log = sr_read_file(log_path, &len, &err);
    assert_non_null(log);
    const char *line = strstr(log, "train: ");
    int n = line ? atoi(line + 7) : -1;
    free(log);
    return n;
}

/*
** With a tagger, gold_too makes the trainer learn from every sentence twice,
** once with the tagger's tags and once with the treebank's, and writes a
** model that loads.
*/
static void test_gold_too(void **state)
{
    (void)state;
    char *log_path = sr_test_file(".log", "", 0);
    char *path = train_tiny_with(TAGGER_PATH, 0, log_path);
    assert_int_equal(logged_train_size(log_path), 2);
    sr_test_unlink(path);
    path = train_tiny_with(TAGGER_PATH, 1, log_path);
    assert_int_equal(logged_train_size(log_path), 4);
    sr_error err = {0};
    sr_parser *p = sr_parser_load(path, &err);
    if (!p)
        fail_msg("%s", err.msg);
    sr_parser_free(p);
    sr_test_unlink(path);
    sr_test_unlink(log_path);
}

/* Overwrite path with its first keep bytes, flipping byte flip_at when >= 0. */
static void damage(const char *path, const unsigned char *data, size_t keep, long flip_at)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    for (size_t i = 0; i < keep; i++)
        fputc((long)i == flip_at ? data[i] ^ 0x5a : data[i], f);
    fclose(f);
}

static void expect_rejected(const char *path)
{
    sr_error err = {0};
    sr_parser *p = sr_parser_load(path, &err);
    if (p)
        fail_msg("damaged model %s was accepted", path);
    assert_non_null(strstr(err.msg, path));
}

static void test_model_files(void **state)
{
    (void)state;
    char *path = train_tiny();
    sr_error err = {0};
    sr_parser *p = sr_parser_load(path, &err);
    if (!p)
        fail_msg("%s", err.msg);
    /* The trained model reproduces its training sentences. */
    sr_arena a;
    sr_arena_init(&a);
    char *bank = sr_test_file(".conllu", tiny_bank, sizeof tiny_bank - 1);
    sr_sentence *gold, *s;
    size_t n;
    assert_int_equal(sr_conllu_read(bank, &a, &gold, &n, &err), 0);
    assert_int_equal(sr_conllu_read(bank, &a, &s, &n, &err), 0);
    for (size_t i = 0; i < n; i++) {
        sr_parser_parse(p, &s[i], &a);
        assert_tree(&s[i]);
        for (uint32_t k = 0; k < s[i].ntokens; k++) {
            assert_int_equal(s[i].tokens[k].head, gold[i].tokens[k].head);
            assert_string_equal(s[i].tokens[k].deprel, gold[i].tokens[k].deprel);
        }
    }
    sr_parser_free(p);
    sr_test_unlink(bank);

    /* Truncated and corrupted copies are rejected with the file named. */
    size_t len;
    char *data = sr_read_file(path, &len, &err);
    assert_non_null(data);
    const size_t cuts[] = {0, 3, 16, 64, len / 2, len - 1};
    for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++) {
        damage(path, (unsigned char *)data, cuts[i], -1);
        expect_rejected(path);
    }
    const long flips[] = {0, 5, (long)len / 3, (long)len / 2, (long)len - 2};
    for (size_t i = 0; i < sizeof flips / sizeof *flips; i++) {
        damage(path, (unsigned char *)data, len, flips[i]);
        expect_rejected(path);
    }
    damage(path, (unsigned char *)data, len, -1);
    p = sr_parser_load(path, &err);
    assert_non_null(p);
    sr_parser_free(p);
    free(data);
    sr_test_unlink(path);

    /* Missing files and models of another kind. */
    assert_null(sr_parser_load("/nonexistent/parser.bin", &err));
    assert_non_null(strstr(err.msg, "/nonexistent/parser.bin"));
    if (access(TAGGER_PATH, R_OK) == 0)
        expect_rejected(TAGGER_PATH);
    sr_arena_free(&a);
}

/* ---- the shipped model ---- */

static void test_shipped_floor(void **state)
{
    (void)state;
    if (access(DEV_PATH, R_OK) != 0) {
        print_message("skipped: %s not found\n", DEV_PATH);
        skip();
    }
    sr_parser *p = load_shipped();
    sr_arena a;
    sr_arena_init(&a);
    sr_sentence *gold, *s;
    size_t n;
    sr_error err = {0};
    assert_int_equal(sr_conllu_read(DEV_PATH, &a, &gold, &n, &err), 0);
    assert_int_equal(sr_conllu_read(DEV_PATH, &a, &s, &n, &err), 0);
    size_t words = 0, uas = 0, las = 0;
    for (size_t i = 0; i < n && i < 200; i++) {
        sr_parser_parse(p, &s[i], &a);
        assert_tree(&s[i]);
        for (uint32_t k = 0; k < s[i].ntokens; k++) {
            const sr_token *g = &gold[i].tokens[k], *t = &s[i].tokens[k];
            words++;
            uas += g->head == t->head;
            las += g->head == t->head && strcmp(g->deprel, t->deprel) == 0;
        }
    }
    double u = 100.0 * (double)uas / (double)words, l = 100.0 * (double)las / (double)words;
    print_message("shipped model, first 200 dev sentences, gold tags: UAS %.2f LAS %.2f\n", u, l);
    assert_true(u >= 80.0);
    assert_true(l >= 75.0);
    sr_arena_free(&a);
    sr_parser_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_features),      cmocka_unit_test(test_projectivize),
        cmocka_unit_test(test_oracle_dev),    cmocka_unit_test(test_random_trees),
        cmocka_unit_test(test_ungrammatical), cmocka_unit_test(test_model_files),
        cmocka_unit_test(test_shipped_floor), cmocka_unit_test(test_gold_too),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
