/*
** bench_segment.c: accuracy and speed of the segmenter on a UD treebank.
**
** Usage: bench_segment [--model segment.bin] [--errors N] [--repeat R] [file.conllu]
**
** Without --model only the rules decide sentence boundaries.
**
** The raw text of every document is rebuilt from the "# text" lines of the
** CoNLL-U file: sentences of one paragraph joined by a space, paragraphs
** ("# newpar") separated by a blank line; each document ("# newdoc") is
** segmented on its own.  Gold words are mapped to character offsets in the
** rebuilt text from their forms (the parts of a multiword token such as
** "won't" = wo + n't get the stretch of the token they come from).
**
** Printed: word precision/recall/F1 (a word is right when both its offsets
** match), sentence F1 (a sentence is right when its start and end match),
** and speed (sentences and megabytes per second, best of R runs).
** --errors N prints up to N wrong words and sentences with their context.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "conllu_docs.h"
#include "segment/segment.h"
#include "util/arena.h"
#include "util/util.h"

#ifndef SR_SHARED_DIR
#define SR_SHARED_DIR "../shared"
#endif

/* Print the spans of one list missing from the other, with context. */
static void show_missing(const char *what, const doc *d, const spans *a, const spans *b,
                         int *budget)
{
    size_t j = 0;
    for (size_t i = 0; i<a->n && * budget> 0; i++) {
        const sr_span *g = &a->v[i];
        while (j < b->n &&
               (b->v[j].start < g->start || (b->v[j].start == g->start && b->v[j].end < g->end)))
            j++;
        if (j < b->n && b->v[j].start == g->start && b->v[j].end == g->end)
            continue;
        size_t cs = g->start > 30 ? g->start - 30 : 0;
        size_t ce = g->end + 30 < d->len ? g->end + 30 : d->len;
        if (g->end - g->start > 200) {
            printf("%s [%u,%u) (long) ...%.*s|%.*s...\n", what, g->start, g->end, 40,
                   d->text + g->start, 40, d->text + g->end - 40);
        } else {
            printf("%s [%u,%u) %.*s[[%.*s]]%.*s\n", what, g->start, g->end, (int)(g->start - cs),
                   d->text + cs, (int)(g->end - g->start), d->text + g->start, (int)(ce - g->end),
                   d->text + g->end);
        }
        (*budget)--;
    }
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static double f1(size_t m, size_t ng, size_t np)
{
    return (ng + np) ? 200.0 * (double)m / (double)(ng + np) : 0.0;
}

/* Score every document, print errors if asked, then time whole passes. */
int main(int argc, char **argv)
{
    const char *path = SR_SHARED_DIR "/ud/en_ewt-ud-test.conllu";
    const char *model_path = NULL;
    int errors = 0, repeat = 3;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--model") && i + 1 < argc)
            model_path = argv[++i];
        else if (!strcmp(argv[i], "--errors") && i + 1 < argc)
            errors = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--repeat") && i + 1 < argc)
            repeat = atoi(argv[++i]);
        else
            path = argv[i];
    }
    corpus c = {0};
    if (read_conllu(path, &c) != 0)
        return 1;
    sr_segmenter *model = NULL;
    if (model_path) {
        sr_error err;
        model = sr_segmenter_load(model_path, &err);
        if (!model) {
            fprintf(stderr, "bench_segment: %s\n", err.msg);
            return 1;
        }
    }
    size_t gw = 0, pw = 0, mw = 0, gs = 0, ps = 0, msent = 0, bytes = 0;
    int wbudget = errors, sbudget = errors;
    for (size_t i = 0; i < c.n; i++) {
        doc *d = &c.docs[i];
        sr_arena a;
        sr_arena_init(&a);
        sr_sentence *ss;
        size_t ns;
        sr_segment_with(model, &a, d->text, d->len, &ss, &ns);
        spans pwords = {0}, psents = {0};
        for (size_t s = 0; s < ns; s++) {
            spans_push(&psents, ss[s].span.start, ss[s].span.end);
            for (uint32_t t = 0; t < ss[s].ntokens; t++)
                spans_push(&pwords, ss[s].tokens[t].start, ss[s].tokens[t].end);
        }
        gw += d->words.n, pw += pwords.n, mw += spans_matches(&d->words, &pwords);
        gs += d->sents.n, ps += psents.n, msent += spans_matches(&d->sents, &psents);
        bytes += d->len;
        if (errors) {
            show_missing("MISSED-WORD", d, &d->words, &pwords, &wbudget);
            show_missing("WRONG-WORD ", d, &pwords, &d->words, &wbudget);
            show_missing("MISSED-SENT", d, &d->sents, &psents, &sbudget);
            show_missing("WRONG-SENT ", d, &psents, &d->sents, &sbudget);
        }
        free(pwords.v);
        free(psents.v);
        sr_arena_free(&a);
    }
    /* Speed: best of `repeat` passes over the whole corpus. */
    double best = 1e30;
    for (int r = 0; r < repeat; r++) {
        double t0 = now();
        for (size_t i = 0; i < c.n; i++) {
            sr_arena a;
            sr_arena_init(&a);
            sr_sentence *ss;
            size_t ns;
            sr_segment_with(model, &a, c.docs[i].text, c.docs[i].len, &ss, &ns);
            sr_arena_free(&a);
        }
        double t = now() - t0;
        if (t < best)
            best = t;
    }
    printf("file: %s\nmodel: %s\n", path, model_path ? model_path : "(none, rules only)");
    printf("documents: %zu  sentences: %zu  words: %zu  bytes: %zu  form/text mismatches: %zu\n",
           c.n, gs, gw, bytes, c.mismatches);
    printf("words:     gold %zu  predicted %zu  correct %zu  P %.2f  R %.2f  F1 %.2f\n", gw, pw, mw,
           pw ? 100.0 * mw / pw : 0, gw ? 100.0 * mw / gw : 0, f1(mw, gw, pw));
    printf("sentences: gold %zu  predicted %zu  correct %zu  P %.2f  R %.2f  F1 %.2f\n", gs, ps,
           msent, ps ? 100.0 * msent / ps : 0, gs ? 100.0 * msent / gs : 0, f1(msent, gs, ps));
    if (repeat > 0)
        printf("speed: %.0f sentences/s  %.2f MB/s  (%.3f s per pass, best of %d)\n",
               (double)gs / best, (double)bytes / best / 1e6, best, repeat);
    corpus_free(&c);
    sr_segmenter_free(model);
    return 0;
}
