/*
** bench_raw.c: the whole NLP pipeline from raw text, scored as the CoNLL
** 2018 shared task scored it.
**
** Documents are rebuilt from the "# text" lines of a UD treebank (default
** EWT test), then segmented, tagged, lemmatized and parsed by libsitrep as
** any article would be.  Predicted words are aligned to gold words by their
** character spans; each metric is an F1 over words: Words and Sentences
** (span match), UPOS, XPOS, Lemmas, UAS (aligned word whose head is the
** aligned gold head, or both roots) and LAS (UAS and the same relation;
** "LAS-univ" compares only the universal part before ':').
**
**   bench_raw [TREEBANK.conllu]
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../segment/conllu_docs.h"
#include "nlp/conllu.h"
#include "sitrep.h"
#include "util/arena.h"

enum { M_WORDS, M_SENTS, M_UPOS, M_XPOS, M_LEMMA, M_UAS, M_LAS, M_LASU, M_COUNT };
static const char *const metric_names[M_COUNT] = {"Words", "Sentences", "UPOS", "XPOS",
                                                  "Lemmas", "UAS", "LAS", "LAS-univ"};

/* One gold word of a document, with its head as an index into the document. */
typedef struct gold_word {
    const sr_token *tok;
    sr_span span;
    long head; /* document word index, -1 for root */
} gold_word;

/* Length of the universal part of a relation ("nsubj" of "nsubj:pass"). */
static size_t univ_len(const char *rel)
{
    return rel ? strcspn(rel, ":") : 0;
}

static int same_str(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/* Index of the gold word with exactly span s, or -1 (gold is in text order). */
static long find_gold(const gold_word *g, size_t n, sr_span s)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (g[mid].span.start < s.start)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && g[lo].span.start == s.start && g[lo].span.end == s.end ? (long)lo : -1;
}

/* Score one processed document against its gold words; adds to correct[]. */
static void score_doc(const sr_doc *d, const gold_word *g, size_t ng, size_t *correct,
                      size_t *pred_words)
{
    size_t nsent = sr_doc_sentence_count(d);
    for (size_t si = 0; si < nsent; si++) {
        const sr_sentence *s = sr_doc_sentence(d, si);
        long *align = malloc((s->ntokens + 1) * sizeof *align);
        for (uint32_t k = 0; k < s->ntokens; k++)
            align[k] = find_gold(g, ng, (sr_span){s->tokens[k].start, s->tokens[k].end});
        for (uint32_t k = 0; k < s->ntokens; k++) {
            const sr_token *t = &s->tokens[k];
            (*pred_words)++;
            long gi = align[k];
            if (gi < 0)
                continue;
            const sr_token *gt = g[gi].tok;
            correct[M_WORDS]++;
            correct[M_UPOS] += t->upos == gt->upos;
            correct[M_XPOS] += same_str(t->xpos, gt->xpos);
            correct[M_LEMMA] += same_str(t->lemma, gt->lemma);
            long ph = t->head > 0 ? align[t->head - 1] : -1;
            int head_ok = t->head == 0 ? g[gi].head < 0 : (ph >= 0 && ph == g[gi].head);
            if (t->head > 0 && ph < 0)
                head_ok = 0;
            if (!head_ok)
                continue;
            correct[M_UAS]++;
            correct[M_LAS] += same_str(t->deprel, gt->deprel);
            size_t ul = univ_len(t->deprel);
            correct[M_LASU] += ul && ul == univ_len(gt->deprel) &&
                               strncmp(t->deprel, gt->deprel, ul) == 0;
        }
        free(align);
    }
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : SR_SHARED_DIR "/ud/en_ewt-ud-test.conllu";
    corpus c = {0};
    if (read_conllu(path, &c) < 0)
        return 1;
    sr_arena a;
    sr_arena_init(&a);
    sr_sentence *gs;
    size_t ngs;
    sr_error err;
    if (sr_conllu_read(path, &a, &gs, &ngs, &err) < 0) {
        fprintf(stderr, "bench_raw: %s\n", err.msg);
        return 1;
    }
    sr_engine *e = sr_engine_open(NULL, &err);
    if (!e) {
        fprintf(stderr, "bench_raw: %s\n", err.msg);
        return 1;
    }
    size_t correct[M_COUNT] = {0}, pred_words = 0, pred_sents = 0, gold_words = 0;
    size_t si = 0; /* next gold sentence */
    double busy = 0;
    for (size_t di = 0; di < c.n; di++) {
        doc *dc = &c.docs[di];
        /* Gold words of this document: the next sentences, as many words as it has spans. */
        gold_word *g = malloc((dc->words.n + 1) * sizeof *g);
        size_t ng = 0;
        while (ng < dc->words.n && si < ngs) {
            const sr_sentence *s = &gs[si++];
            size_t base = ng;
            for (uint32_t k = 0; k < s->ntokens && ng < dc->words.n; k++, ng++) {
                g[ng].tok = &s->tokens[k];
                g[ng].span = dc->words.v[ng];
                g[ng].head = s->tokens[k].head > 0 ? (long)(base + s->tokens[k].head - 1) : -1;
            }
        }
        gold_words += ng;
        sr_doc_meta meta = {.id = "ewt"};
        sr_doc *d = sr_doc_new(e, &meta, dc->text, dc->len);
        clock_t t0 = clock();
        sr_doc_process(d, SR_STAGE_SEGMENT | SR_STAGE_TAG | SR_STAGE_PARSE, &err);
        busy += (double)(clock() - t0) / CLOCKS_PER_SEC;
        score_doc(d, g, ng, correct, &pred_words);
        /* A sentence matches when it runs from gold's first word to its last. */
        spans ps = {0};
        for (size_t k = 0; k < sr_doc_sentence_count(d); k++) {
            const sr_sentence *s = sr_doc_sentence(d, k);
            spans_push(&ps, s->tokens[0].start, s->tokens[s->ntokens - 1].end);
        }
        correct[M_SENTS] += spans_matches(&dc->sents, &ps);
        pred_sents += ps.n;
        free(ps.v);
        free(g);
        sr_doc_free(d);
    }
    printf("%s: %zu documents, %zu gold sentences, %zu gold words; raw text through "
           "libsitrep (segment + tag + lemmatize + parse) in %.2f s CPU\n",
           path, c.n, c.nsent, gold_words, busy);
    printf("%-10s %9s %9s %9s\n", "metric", "precision", "recall", "F1");
    for (int m = 0; m < M_COUNT; m++) {
        double pn = m == M_SENTS ? (double)pred_sents : (double)pred_words;
        double gn = m == M_SENTS ? (double)c.nsent : (double)gold_words;
        double p = 100.0 * correct[m] / pn, r = 100.0 * correct[m] / gn;
        printf("%-10s %9.2f %9.2f %9.2f\n", metric_names[m], p, r, p + r > 0 ? 2 * p * r / (p + r) : 0);
    }
    sr_engine_close(e);
    sr_arena_free(&a);
    corpus_free(&c);
    return 0;
}
