/*
** bench_parser.c: accuracy and speed of the dependency parser.
**
**     bench_parser [--dev] [PARSER.bin [TAGGER.bin [TREEBANK.conllu]]]
**
** Parses the UD EWT test set (or dev with --dev) with gold tokenization,
** once with the treebank's gold tags and once with tags from the shipped
** tagger, and prints UAS and LAS over all words (punctuation included),
** the parser's speed alone and the speed of tagging and parsing together,
** in tokens per second on one thread, and the peak resident memory.
** Speeds are of the fastest of five passes over the treebank: on a shared
** machine the slower passes measure the neighbours more than the parser.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "nlp/conllu.h"
#include "nlp/nlp.h"
#include "nlp/parser_internal.h"

/* Seconds of wall-clock time. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Seconds of CPU time of this process: steadier than wall time on a busy machine. */
static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Wall and CPU seconds of one timed run. */
typedef struct timing {
    double wall, cpu;
} timing;

static void print_speed(const char *what, size_t words, timing t)
{
    printf("%-15s %.0f tokens/s per CPU second (%.0f tokens/s wall clock), best of 5 passes\n",
           what, (double)words / t.cpu, (double)words / t.wall);
}

static size_t count_words(const sr_sentence *s, size_t n)
{
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        w += s[i].ntokens;
    return w;
}

/* Tag (unless tg is NULL) then parse every sentence once; returns the time spent. */
static timing time_pass(const sr_tagger *tg, const sr_parser *p, sr_sentence *s, size_t n)
{
    sr_arena a;
    sr_arena_init(&a);
    double t0 = now(), c0 = cpu_now();
    for (size_t i = 0; i < n; i++) {
        if (tg)
            sr_tagger_tag(tg, &s[i], &a);
        sr_parser_parse(p, &s[i], &a);
        if (a.total > (1u << 20))
            sr_arena_free(&a);
    }
    timing t = {now() - t0, cpu_now() - c0};
    sr_arena_free(&a);
    return t;
}

/* The fastest of `rounds` passes (by CPU time). */
static timing time_pipeline(const sr_tagger *tg, const sr_parser *p, sr_sentence *s, size_t n,
                            int rounds)
{
    timing best = {0, 0};
    for (int r = 0; r < rounds; r++) {
        timing t = time_pass(tg, p, s, n);
        if (r == 0 || t.cpu < best.cpu)
            best = t;
    }
    return best;
}

/* UAS and LAS of the parses in `parsed` against `gold`, in percent. */
static void attachment(const sr_sentence *gold, const sr_sentence *parsed, size_t n, double *uas,
                       double *las)
{
    size_t words = 0, u = 0, l = 0;
    for (size_t i = 0; i < n; i++)
        for (uint32_t k = 0; k < gold[i].ntokens; k++) {
            const sr_token *g = &gold[i].tokens[k], *t = &parsed[i].tokens[k];
            words++;
            if (g->head != t->head)
                continue;
            u++;
            l += g->deprel && t->deprel && strcmp(g->deprel, t->deprel) == 0;
        }
    *uas = 100.0 * (double)u / (double)words;
    *las = 100.0 * (double)l / (double)words;
}

/* UPOS and XPOS accuracy of tagged against gold, in percent. */
static void tag_accuracy(const sr_sentence *gold, const sr_sentence *tagged, size_t n, double *upos,
                         double *xpos)
{
    size_t words = 0, u = 0, x = 0;
    for (size_t i = 0; i < n; i++)
        for (uint32_t k = 0; k < gold[i].ntokens; k++) {
            const sr_token *g = &gold[i].tokens[k], *t = &tagged[i].tokens[k];
            words++;
            u += g->upos == t->upos;
            x += g->xpos && t->xpos && strcmp(g->xpos, t->xpos) == 0;
        }
    *upos = 100.0 * (double)u / (double)words;
    *xpos = 100.0 * (double)x / (double)words;
}

/* Read the treebank; exits on failure. */
static sr_sentence *read_bank(const char *path, sr_arena *a, size_t *n)
{
    sr_sentence *s;
    sr_error err = {0};
    if (sr_conllu_read(path, a, &s, n, &err) != 0) {
        fprintf(stderr, "bench_parser: %s\n", err.msg);
        exit(1);
    }
    return s;
}

int main(int argc, char **argv)
{
    int dev = argc > 1 && strcmp(argv[1], "--dev") == 0;
    const char *parser_path = argc > 1 + dev ? argv[1 + dev] : SR_DATA_DIR "/models/parser.bin";
    const char *tagger_path = argc > 2 + dev ? argv[2 + dev] : SR_DATA_DIR "/models/tagger.bin";
    const char *bank = argc > 3 + dev ? argv[3 + dev]
                       : dev          ? SR_SHARED_DIR "/ud/en_ewt-ud-dev.conllu"
                                      : SR_SHARED_DIR "/ud/en_ewt-ud-test.conllu";
    sr_error err = {0};
    double t0 = now();
    sr_parser *p = sr_parser_load(parser_path, &err);
    if (!p) {
        fprintf(stderr, "bench_parser: %s\n", err.msg);
        return 1;
    }
    double load = now() - t0;
    sr_tagger *tg = sr_tagger_load(tagger_path, &err);
    if (!tg)
        fprintf(stderr, "bench_parser: no tagger (%s); predicted-tag figures skipped\n", err.msg);
    sr_arena mem;
    sr_arena_init(&mem);
    size_t n, n2, n3;
    sr_sentence *gold = read_bank(bank, &mem, &n);
    sr_sentence *parsed = read_bank(bank, &mem, &n2);
    sr_sentence *tagged = read_bank(bank, &mem, &n3);
    size_t words = count_words(gold, n);
    printf("treebank: %s (%zu sentences, %zu words)\n", bank, n, words);
    printf("parser model: %s (loaded in %.3f s)\n", parser_path, load);

    double uas, las;
    time_pipeline(NULL, p, parsed, n, 1);
    attachment(gold, parsed, n, &uas, &las);
    printf("gold tags:      UAS %.2f  LAS %.2f\n", uas, las);
    int rounds = 5;
    print_speed("parser alone:", words, time_pipeline(NULL, p, parsed, n, rounds));

    if (tg) {
        sr_arena a;
        sr_arena_init(&a);
        for (size_t i = 0; i < n; i++) {
            sr_tagger_tag(tg, &tagged[i], &a);
            sr_parser_parse(p, &tagged[i], &a);
        }
        double upos, xpos;
        tag_accuracy(gold, tagged, n, &upos, &xpos);
        attachment(gold, tagged, n, &uas, &las);
        printf("predicted tags: UAS %.2f  LAS %.2f  (tagger: UPOS %.2f  XPOS %.2f)\n", uas, las,
               upos, xpos);
        print_speed("tag+parse:", words, time_pipeline(tg, p, tagged, n, rounds));
        sr_arena_free(&a);
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("peak RSS:       %.1f MB\n", (double)ru.ru_maxrss / 1024.0);
    sr_arena_free(&mem);
    sr_tagger_free(tg);
    sr_parser_free(p);
    return 0;
}
