/*
** test_tagger.c: the part-of-speech tagger: deterministic features, model
** files that round-trip and are rejected when damaged, the shipped model
** on known sentences, and its accuracy floor on a slice of the EWT dev set.
*/
#include "sr_test.h"

#include <pthread.h>

#include "nlp/conllu.h"
#include "nlp/nlp.h"
#include "nlp/tagger_model.h"
#include "nlp/tagger_train.h"
#include "util/arena.h"
#include "util/util.h"

#define SHIPPED SR_DATA_DIR "/models/tagger.bin"
#define EWT_TRAIN SR_SHARED_DIR "/ud/en_ewt-ud-train.conllu"
#define EWT_DEV SR_SHARED_DIR "/ud/en_ewt-ud-dev.conllu"

static int have_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f)
        fclose(f);
    return f != NULL;
}

/* A sentence of the given words, tokens from the arena. */
static sr_sentence sentence_of(sr_arena *a, const char *const *words, size_t n)
{
    sr_sentence s = {{0, 0}, sr_arena_calloc(a, n, sizeof(sr_token)), (uint32_t)n};
    for (size_t i = 0; i < n; i++) {
        s.tokens[i].form = words[i];
        s.tokens[i].head = -1;
    }
    return s;
}

static void test_word_hashes(void **state)
{
    (void)state;
    sr_tg_word a, b, c, d;
    sr_tg_word_init(&a, "Lavrov", 0);
    sr_tg_word_init(&b, "Sergei", 0);
    sr_tg_word_init(&c, "lavrov", 1);
    sr_tg_word_init(&d, "Lavrov", 0);
    assert_memory_equal(&a, &d, sizeof a); /* deterministic */
    assert_true(a.shape == b.shape);       /* Xxxx */
    assert_true(a.shape != c.shape);       /* xxxx */
    assert_true(a.lower == c.lower && a.exact != c.exact);
    assert_true(a.suf[2] == c.suf[2]); /* "rov" */
    assert_true(a.flags & SR_TGW_UPPER_INITIAL);
    assert_false(a.flags & SR_TGW_FIRST);
    assert_true(c.flags & SR_TGW_FIRST);
    sr_tg_word_init(&a, "was", 0);
    assert_true(a.flags & SR_TGW_BE);
    sr_tg_word_init(&a, "had", 0);
    assert_true(a.flags & SR_TGW_HAVE);
    sr_tg_word_init(&a, "12,000", 0);
    sr_tg_word_init(&b, "34,567", 0);
    assert_true(a.flags & SR_TGW_HAS_DIGIT);
    assert_true(a.norm == b.norm); /* digits normalized */
    assert_true(a.exact != b.exact);
}

static void test_pos_features(void **state)
{
    (void)state;
    static const char *const words[] = {"Lavrov", "rejected", "the", "proposal", "."};
    sr_tg_word w[5];
    for (size_t i = 0; i < 5; i++)
        sr_tg_word_init(&w[i], words[i], i == 0);
    uint64_t k1[SR_TG_MAX_FEATURES], k2[SR_TG_MAX_FEATURES], k3[SR_TG_MAX_FEATURES];
    size_t n1 = sr_tg_pos_features(w, 5, 1, 7, SR_TG_NO_CLASS, k1);
    size_t n2 = sr_tg_pos_features(w, 5, 1, 7, SR_TG_NO_CLASS, k2);
    size_t n3 = sr_tg_pos_features(w, 5, 1, 8, SR_TG_NO_CLASS, k3);
    assert_int_equal(n1, n3);
    assert_int_equal(n1, n2);
    assert_true(n1 >= 25 && n1 <= SR_TG_MAX_FEATURES);
    assert_memory_equal(k1, k2, n1 * sizeof *k1);
    /* another previous class changes only the templates that look at it */
    size_t differ = 0;
    for (size_t i = 0; i < n1; i++)
        differ += k1[i] != k3[i];
    assert_true(differ >= 3 && differ <= 6);
    /* the same word in another context shares its word-level features */
    size_t n4 = sr_tg_pos_features(w, 5, 3, 7, SR_TG_NO_CLASS, k2);
    assert_true(n4 >= 25);
    assert_true(k1[0] == k2[0]); /* bias */
    assert_true(k1[1] != k2[1]); /* the word itself */
    /* FEATS features see the subject to the left */
    uint8_t cls[5] = {0, 1, 2, 3, 4},
            flags[5] = {SR_TGC_NOMINAL, SR_TGC_VERBAL, 0, SR_TGC_NOMINAL, 0};
    uint64_t f1[SR_TG_MAX_FEATURES], f2[SR_TG_MAX_FEATURES];
    size_t m1 = sr_tg_feats_features(w, cls, flags, 5, 1, f1);
    size_t m2 = sr_tg_feats_features(w, cls, flags, 5, 1, f2);
    assert_int_equal(m1, m2);
    assert_memory_equal(f1, f2, m1 * sizeof *f1);
}

/* Fold a list of feature keys into one value. */
static uint64_t fold_keys(const uint64_t *k, size_t n)
{
    uint64_t h = 0;
    for (size_t i = 0; i < n; i++)
        h = sr_tg_mix(h ^ k[i]);
    return h;
}

/*
** The features of a known context have the recorded values.  The shipped
** model only means something with exactly these templates: when this test
** fails, the templates changed, and the model must be retrained (and the
** values here updated).
*/
static void test_feature_values(void **state)
{
    (void)state;
    static const char *const words[] = {"Lavrov", "rejected", "the", "proposal", "."};
    sr_tg_word w[5];
    for (size_t i = 0; i < 5; i++)
        sr_tg_word_init(&w[i], words[i], i == 0);
    uint64_t k[SR_TG_MAX_FEATURES];
    size_t n = sr_tg_pos_features(w, 5, 1, 7, SR_TG_NO_CLASS, k);
    assert_int_equal(n, 31);
    assert_true(fold_keys(k, n) == 0xd0c8e83862559484ULL);
    uint8_t cls[5] = {0, 1, 2, 3, 4};
    uint8_t flags[5] = {SR_TGC_NOMINAL, SR_TGC_VERBAL, 0, SR_TGC_NOMINAL, 0};
    n = sr_tg_feats_features(w, cls, flags, 5, 1, k);
    assert_int_equal(n, 18);
    assert_true(fold_keys(k, n) == 0x9fd330b87a38204bULL);
}

static void test_shipped_model(void **state)
{
    (void)state;
    sr_error err = {0};
    sr_tagger *t = sr_tagger_load(SHIPPED, &err);
    if (!t)
        fail_msg("%s", err.msg);
    sr_arena a;
    sr_arena_init(&a);
    static const char *const words[] = {"Russian",  "Foreign", "Minister", "Sergei", "Lavrov",
                                        "rejected", "the",     "proposal", "."};
    sr_sentence s = sentence_of(&a, words, 9);
    sr_tagger_tag(t, &s, &a);
    assert_int_equal(s.tokens[4].upos, SR_UPOS_PROPN);
    assert_string_equal(s.tokens[4].xpos, "NNP");
    assert_int_equal(s.tokens[5].upos, SR_UPOS_VERB);
    assert_string_equal(s.tokens[5].xpos, "VBD");
    assert_non_null(s.tokens[5].feats);
    assert_non_null(strstr(s.tokens[5].feats, "Tense=Past"));
    assert_non_null(strstr(s.tokens[5].feats, "VerbForm=Fin"));
    assert_int_equal(s.tokens[6].upos, SR_UPOS_DET);
    assert_int_equal(s.tokens[7].upos, SR_UPOS_NOUN);
    assert_string_equal(s.tokens[7].feats, "Number=Sing");
    assert_int_equal(s.tokens[8].upos, SR_UPOS_PUNCT);
    assert_null(s.tokens[8].feats);

    static const char *const w2[] = {"They", "were", "killed", "by", "troops", "in", "2014", "."};
    sr_sentence s2 = sentence_of(&a, w2, 8);
    sr_tagger_tag(t, &s2, &a);
    assert_int_equal(s2.tokens[0].upos, SR_UPOS_PRON);
    assert_int_equal(s2.tokens[1].upos, SR_UPOS_AUX);
    assert_string_equal(s2.tokens[2].xpos, "VBN");
    assert_non_null(strstr(s2.tokens[2].feats, "Voice=Pass"));
    assert_string_equal(s2.tokens[4].xpos, "NNS");
    assert_int_equal(s2.tokens[6].upos, SR_UPOS_NUM);

    /* nothing to tag, and odd input, must not crash */
    sr_sentence empty = {{0, 0}, NULL, 0};
    sr_tagger_tag(t, &empty, &a);
    static const char *const odd[] = {
        "", "\xe2\x80\x94",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"};
    sr_sentence s3 = sentence_of(&a, odd, 3);
    s3.tokens[0].form = NULL;
    sr_tagger_tag(t, &s3, &a);
    assert_true(s3.tokens[2].upos != SR_UPOS_NONE);
    /* a long sentence goes through the arena path */
    const char **many = sr_arena_alloc(&a, 300 * sizeof *many);
    for (size_t i = 0; i < 300; i++)
        many[i] = i % 2 ? "dogs" : "bark";
    sr_sentence s4 = sentence_of(&a, many, 300);
    sr_tagger_tag(t, &s4, &a);
    assert_non_null(s4.tokens[299].xpos);
    sr_arena_free(&a);
    sr_tagger_free(t);
}

/* One thread's share of test_threads: tag the same sentence many times. */
typedef struct thread_job {
    const sr_tagger *tagger;
    const sr_lemmatizer *lemmatizer;
    int mismatches;
} thread_job;

static const char *const thread_words[] = {"Protesters", "attacked", "the",    "embassy", "in",
                                           "Kyiv",       "on",       "Monday", "."};

static void *tag_many(void *arg)
{
    thread_job *job = arg;
    sr_arena a;
    sr_arena_init(&a);
    for (int round = 0; round < 200; round++) {
        sr_sentence s = sentence_of(&a, thread_words, 9);
        sr_tagger_tag(job->tagger, &s, &a);
        sr_lemmatize(job->lemmatizer, &s, &a);
        job->mismatches += strcmp(s.tokens[1].xpos, "VBD") != 0 ||
                           strcmp(s.tokens[0].lemma, "protester") != 0 ||
                           s.tokens[5].upos != SR_UPOS_PROPN;
    }
    sr_arena_free(&a);
    return NULL;
}

/* One loaded tagger and lemmatizer serve several threads at once. */
static void test_threads(void **state)
{
    (void)state;
    sr_error err = {0};
    sr_tagger *t = sr_tagger_load(SHIPPED, &err);
    sr_lemmatizer *l = sr_lemmatizer_open(SR_DATA_DIR, &err);
    assert_non_null(t);
    assert_non_null(l);
    pthread_t th[4];
    thread_job jobs[4];
    for (int i = 0; i < 4; i++) {
        jobs[i] = (thread_job){t, l, 0};
        assert_int_equal(pthread_create(&th[i], NULL, tag_many, &jobs[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        assert_int_equal(jobs[i].mismatches, 0);
    }
    sr_lemmatizer_free(l);
    sr_tagger_free(t);
}

/* Copy the shipped model to a temporary file, damaged by `how`. */
static char *damaged_copy(int how)
{
    sr_error err = {0};
    size_t len;
    char *data = sr_read_file(SHIPPED, &len, &err);
    assert_non_null(data);
    if (how == 1)
        len -= 100; /* truncated */
    else if (how == 2)
        data[len / 2] ^= 0x20; /* one flipped bit in the weights */
    else
        memcpy(data, "XXXX", 4);
    char *path = sr_test_file(".bin", data, len);
    free(data);
    return path;
}

static void test_rejects_damaged_models(void **state)
{
    (void)state;
    static const char *const why[] = {NULL, "truncated", "checksum", "magic"};
    for (int how = 1; how <= 3; how++) {
        char *path = damaged_copy(how);
        sr_error err = {0};
        assert_null(sr_tagger_load(path, &err));
        assert_non_null(strstr(err.msg, path));
        if (!strstr(err.msg, why[how]))
            fail_msg("'%s' does not say %s", err.msg, why[how]);
        sr_test_unlink(path);
    }
    sr_error err = {0};
    assert_null(sr_tagger_load("/nonexistent/tagger.bin", &err));
    assert_non_null(strstr(err.msg, "/nonexistent/tagger.bin"));
}

/*
** Train a small model twice with the same seed: the files are identical,
** and the loaded model scores exactly what training measured with it.
*/
static void test_train_round_trip(void **state)
{
    (void)state;
    if (!have_file(EWT_TRAIN) || !have_file(EWT_DEV)) {
        printf("skipped: %s not found\n", EWT_TRAIN);
        return;
    }
    sr_arena a;
    sr_arena_init(&a);
    sr_error err = {0};
    sr_sentence *train, *dev;
    size_t ntrain, ndev;
    assert_int_equal(sr_conllu_read(EWT_TRAIN, &a, &train, &ntrain, &err), 0);
    assert_int_equal(sr_conllu_read(EWT_DEV, &a, &dev, &ndev, &err), 0);
    sr_tg_train_opts o;
    sr_tg_train_defaults(&o);
    o.max_epochs = 2;
    char *p1 = sr_test_file(".bin", "", 0), *p2 = sr_test_file(".bin", "", 0);
    sr_tg_scores best, best2, again;
    assert_int_equal(sr_tg_train(train, 300, dev, 100, &o, p1, &best, &err), 0);
    assert_int_equal(sr_tg_train(train, 300, dev, 100, &o, p2, &best2, &err), 0);
    size_t l1, l2;
    char *b1 = sr_read_file(p1, &l1, &err), *b2 = sr_read_file(p2, &l2, &err);
    assert_int_equal(l1, l2);
    assert_memory_equal(b1, b2, l1);
    sr_tagger *t = sr_tagger_load(p1, &err);
    assert_non_null(t);
    sr_tg_evaluate(t, dev, 100, &again);
    assert_true(again.upos == best.upos && again.feats == best.feats);
    assert_true(best.upos > 70.0); /* 300 sentences already teach something */
    sr_tagger_free(t);
    free(b1);
    free(b2);
    sr_test_unlink(p1);
    sr_test_unlink(p2);
    sr_arena_free(&a);
}

/* The shipped model on the first 200 dev sentences. */
static void test_dev_floor(void **state)
{
    (void)state;
    if (!have_file(EWT_DEV)) {
        printf("skipped: %s not found\n", EWT_DEV);
        return;
    }
    sr_arena a;
    sr_arena_init(&a);
    sr_error err = {0};
    sr_sentence *dev;
    size_t ndev;
    assert_int_equal(sr_conllu_read(EWT_DEV, &a, &dev, &ndev, &err), 0);
    sr_tagger *t = sr_tagger_load(SHIPPED, &err);
    assert_non_null(t);
    sr_tg_scores sc;
    sr_tg_evaluate(t, dev, ndev < 200 ? ndev : 200, &sc);
    printf("dev[0..200): UPOS %.2f%% XPOS %.2f%% UFeats %.2f%%\n", sc.upos, sc.xpos, sc.feats);
    assert_true(sc.upos >= 93.0);
    assert_true(sc.xpos >= 92.0);
    assert_true(sc.feats >= 92.0);
    sr_tagger_free(t);
    sr_arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_word_hashes),      cmocka_unit_test(test_pos_features),
        cmocka_unit_test(test_feature_values),   cmocka_unit_test(test_shipped_model),
        cmocka_unit_test(test_threads),          cmocka_unit_test(test_rejects_damaged_models),
        cmocka_unit_test(test_train_round_trip), cmocka_unit_test(test_dev_floor),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
