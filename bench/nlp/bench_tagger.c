/*
** bench_tagger.c: accuracy and speed of the tagger and lemmatizer on the
** UD EWT test set with gold tokenization.
**
**     bench_tagger [TEST.conllu] [DATA_DIR]
**
** Prints UPOS, XPOS, UFeats and AllTags accuracy of the shipped tagger;
** lemma accuracy given gold tags and given predicted tags; and tokens per
** second of the tagger alone and of tagger + lemmatizer on one thread,
** models loaded once and loading excluded from the timing.  Speed is given
** per second of the thread's CPU time (stable on a shared machine) and of
** wall-clock time.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nlp/conllu.h"
#include "nlp/nlp.h"
#include "util/arena.h"

static double clock_seconds(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static double now(void)
{
    return clock_seconds(CLOCK_MONOTONIC);
}

/* CPU time of this thread: the speed of one core even on a busy machine. */
static double cpu_now(void)
{
    return clock_seconds(CLOCK_THREAD_CPUTIME_ID);
}

static int same(const char *a, const char *b)
{
    return strcmp(a ? a : "_", b ? b : "_") == 0;
}

/* A copy of s with only the forms kept (what the tagger sees). */
static sr_sentence bare_copy(const sr_sentence *s, sr_arena *a)
{
    sr_sentence c = *s;
    c.tokens = sr_arena_calloc(a, s->ntokens + 1, sizeof *c.tokens);
    for (uint32_t j = 0; j < s->ntokens; j++) {
        c.tokens[j].form = s->tokens[j].form;
        c.tokens[j].start = s->tokens[j].start;
        c.tokens[j].end = s->tokens[j].end;
        c.tokens[j].head = -1;
    }
    return c;
}

/* Accuracy figures against the gold sentences. */
static void accuracy(const sr_tagger *t, const sr_lemmatizer *l, const sr_sentence *gold, size_t n)
{
    size_t words = 0, upos = 0, xpos = 0, feats = 0, all = 0, lem_pred = 0, lem_gold = 0;
    sr_arena a;
    sr_arena_init(&a);
    for (size_t i = 0; i < n; i++) {
        sr_sentence p = bare_copy(&gold[i], &a);
        sr_tagger_tag(t, &p, &a);
        sr_lemmatize(l, &p, &a);
        sr_sentence g = gold[i]; /* gold tags, lemmas recomputed */
        g.tokens = sr_arena_alloc(&a, gold[i].ntokens * sizeof *g.tokens + 1);
        memcpy(g.tokens, gold[i].tokens, gold[i].ntokens * sizeof *g.tokens);
        sr_lemmatize(l, &g, &a);
        for (uint32_t j = 0; j < p.ntokens; j++, words++) {
            const sr_token *x = &gold[i].tokens[j], *y = &p.tokens[j];
            int u = x->upos == y->upos, xp = same(x->xpos, y->xpos), f = same(x->feats, y->feats);
            upos += u, xpos += xp, feats += f, all += u && xp && f;
            lem_pred += same(x->lemma, y->lemma);
            lem_gold += same(x->lemma, g.tokens[j].lemma);
        }
    }
    sr_arena_free(&a);
    double d = 100.0 / (double)(words ? words : 1);
    printf("words                 %zu\n", words);
    printf("UPOS                  %.2f%%\n", upos * d);
    printf("XPOS                  %.2f%%\n", xpos * d);
    printf("UFeats                %.2f%%\n", feats * d);
    printf("AllTags               %.2f%%\n", all * d);
    printf("Lemma (gold tags)     %.2f%%\n", lem_gold * d);
    printf("Lemma (predicted)     %.2f%%\n", lem_pred * d);
}

/*
** Tokens per second of CPU time over repeated passes of at least `seconds`
** of CPU time; *wall gets tokens per second of wall-clock time.
*/
static double speed(const sr_tagger *t, const sr_lemmatizer *l, const sr_sentence *gold, size_t n,
                    double seconds, double *wall)
{
    sr_arena a;
    sr_arena_init(&a);
    sr_sentence *copies = malloc(n * sizeof *copies);
    size_t words = 0, tagged = 0;
    for (size_t i = 0; i < n; i++) {
        copies[i] = bare_copy(&gold[i], &a);
        words += gold[i].ntokens;
    }
    sr_arena scratch;
    sr_arena_init(&scratch);
    double start = cpu_now(), wall_start = now(), elapsed = 0;
    while (elapsed < seconds) {
        for (size_t i = 0; i < n; i++) {
            sr_tagger_tag(t, &copies[i], &scratch);
            if (l)
                sr_lemmatize(l, &copies[i], &scratch);
        }
        tagged += words;
        sr_arena_free(&scratch);
        elapsed = cpu_now() - start;
    }
    *wall = (double)tagged / (now() - wall_start);
    free(copies);
    sr_arena_free(&a);
    return (double)tagged / elapsed;
}

int main(int argc, char **argv)
{
    const char *test = argc > 1 ? argv[1] : SR_SHARED_DIR "/ud/en_ewt-ud-test.conllu";
    const char *data = argc > 2 ? argv[2] : SR_DATA_DIR;
    char path[4096];
    snprintf(path, sizeof path, "%s/models/tagger.bin", data);
    sr_error err = {0};
    double t0 = now();
    sr_tagger *t = sr_tagger_load(path, &err);
    double t1 = now();
    sr_lemmatizer *l = t ? sr_lemmatizer_open(data, &err) : NULL;
    double t2 = now();
    sr_arena a;
    sr_arena_init(&a);
    sr_sentence *gold;
    size_t n;
    if (!l || sr_conllu_read(test, &a, &gold, &n, &err)) {
        fprintf(stderr, "bench_tagger: %s\n", err.msg);
        return 1;
    }
    printf("test set              %s (%zu sentences)\n", test, n);
    printf("load tagger           %.1f ms\n", (t1 - t0) * 1000);
    printf("load lemmatizer       %.1f ms\n", (t2 - t1) * 1000);
    accuracy(t, l, gold, n);
    double wall, cpu = speed(t, NULL, gold, n, 3.0, &wall);
    printf("tagger tokens/s       %.0f per CPU second (%.0f wall-clock)\n", cpu, wall);
    cpu = speed(t, l, gold, n, 3.0, &wall);
    printf("tag+lemma tokens/s    %.0f per CPU second (%.0f wall-clock)\n", cpu, wall);
    sr_arena_free(&a);
    sr_lemmatizer_free(l);
    sr_tagger_free(t);
    return 0;
}
