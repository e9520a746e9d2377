/*
** bench_segment.c: accuracy and speed of the segmenter on a UD treebank.
**
** Usage: bench_segment [--errors N] [--repeat R] [file.conllu]
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

#include "segment/segment.h"
#include "util/arena.h"
#include "util/util.h"

#ifndef SR_SHARED_DIR
#define SR_SHARED_DIR "../shared"
#endif

/* A span list that grows. */
typedef struct spans {
    sr_span *v;
    size_t n, cap;
} spans;

static void spans_push(spans *s, uint32_t a, uint32_t b)
{
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 1024;
        s->v = realloc(s->v, s->cap * sizeof *s->v);
        if (!s->v)
            abort();
    }
    s->v[s->n].start = a;
    s->v[s->n].end = b;
    s->n++;
}

/* One document: rebuilt text and gold spans. */
typedef struct doc {
    char *text;
    size_t len, cap;
    spans words, sents;
} doc;

static void doc_append(doc *d, const char *s, size_t n)
{
    if (d->len + n + 1 > d->cap) {
        while (d->len + n + 1 > d->cap)
            d->cap = d->cap ? d->cap * 2 : 4096;
        d->text = realloc(d->text, d->cap);
        if (!d->text)
            abort();
    }
    memcpy(d->text + d->len, s, n);
    d->len += n;
    d->text[d->len] = 0;
}

/* A collection of documents. */
typedef struct corpus {
    doc *docs;
    size_t n, cap;
    size_t nsent, nword, mismatches;
} corpus;

static doc *corpus_new_doc(corpus *c)
{
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 64;
        c->docs = realloc(c->docs, c->cap * sizeof *c->docs);
        if (!c->docs)
            abort();
    }
    memset(&c->docs[c->n], 0, sizeof(doc));
    return &c->docs[c->n++];
}

/* One token line of a sentence being read. */
typedef struct row {
    char id[16];
    char form[256];
} row;

/*
** Map the rows of one sentence onto text (the sentence's text, starting
** at byte base of the document) and push the gold word spans.
*/
static void align_sentence(corpus *c, doc *d, const char *text, size_t base, row *rows,
                           size_t nrows)
{
    size_t pos = 0, tl = strlen(text);
    uint32_t first = UINT32_MAX, last = 0;
    for (size_t r = 0; r < nrows;) {
        while (pos < tl && text[pos] == ' ')
            pos++;
        const char *form = rows[r].form;
        size_t fl = strlen(form);
        if (strncmp(text + pos, form, fl) != 0) {
            c->mismatches++;
            /* Take the stretch up to the next space as the token. */
            fl = 0;
            while (pos + fl < tl && text[pos + fl] != ' ')
                fl++;
        }
        size_t s = pos, e = pos + fl;
        int a, b;
        if (sscanf(rows[r].id, "%d-%d", &a, &b) == 2) {
            size_t parts = (size_t)(b - a + 1), p = s;
            for (size_t k = 0; k < parts && r + 1 + k < nrows; k++) {
                const char *pf = rows[r + 1 + k].form;
                size_t pl = strlen(pf);
                size_t pe = (k + 1 == parts) ? e : (strncasecmp(text + p, pf, pl) == 0 ? p + pl : p + (pl < e - p ? pl : e - p));
                spans_push(&d->words, (uint32_t)(base + p), (uint32_t)(base + pe));
                p = pe;
            }
            r += 1 + parts;
        } else {
            spans_push(&d->words, (uint32_t)(base + s), (uint32_t)(base + e));
            r++;
        }
        if (first == UINT32_MAX)
            first = (uint32_t)(base + s);
        last = (uint32_t)(base + e);
        pos = e;
    }
    if (first != UINT32_MAX) {
        spans_push(&d->sents, first, last);
        c->nsent++;
    }
}

/* Read a CoNLL-U file into documents. */
static int read_conllu(const char *path, corpus *c)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "bench_segment: cannot open %s\n", path);
        return -1;
    }
    char line[65536];
    static char text[65536];
    size_t cap = 256, nrows = 0;
    row *rows = malloc(cap * sizeof *rows);
    int newdoc = 0, newpar = 0, have_text = 0;
    doc *d = NULL;
    for (;;) {
        char *got = fgets(line, sizeof line, f);
        size_t n = got ? strlen(line) : 0;
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = 0;
        if (!got || n == 0) {
            if (have_text) {
                if (newdoc || !d)
                    d = corpus_new_doc(c);
                else if (newpar)
                    doc_append(d, "\n\n", 2);
                else
                    doc_append(d, " ", 1);
                size_t base = d->len;
                doc_append(d, text, strlen(text));
                align_sentence(c, d, text, base, rows, nrows);
                for (size_t r = 0; r < nrows; r++)
                    c->nword += strchr(rows[r].id, '-') == NULL;
            }
            newdoc = newpar = have_text = 0;
            nrows = 0;
            if (!got)
                break;
            continue;
        }
        if (line[0] == '#') {
            if (!strncmp(line, "# newdoc", 8))
                newdoc = 1;
            else if (!strncmp(line, "# newpar", 8))
                newpar = 1;
            else if (!strncmp(line, "# text = ", 9)) {
                snprintf(text, sizeof text, "%s", line + 9);
                have_text = 1;
            }
            continue;
        }
        char *tab1 = strchr(line, '\t');
        if (!tab1)
            continue;
        char *tab2 = strchr(tab1 + 1, '\t');
        if (!tab2)
            continue;
        if (memchr(line, '.', (size_t)(tab1 - line)))
            continue; /* empty nodes */
        if (nrows == cap) {
            cap *= 2;
            rows = realloc(rows, cap * sizeof *rows);
            if (!rows)
                abort();
        }
        snprintf(rows[nrows].id, sizeof rows[nrows].id, "%.*s", (int)(tab1 - line), line);
        snprintf(rows[nrows].form, sizeof rows[nrows].form, "%.*s", (int)(tab2 - tab1 - 1),
                 tab1 + 1);
        nrows++;
    }
    free(rows);
    fclose(f);
    return 0;
}

/* Count spans present in both sorted lists. */
static size_t matches(const spans *gold, const spans *pred)
{
    size_t i = 0, j = 0, m = 0;
    while (i < gold->n && j < pred->n) {
        const sr_span *g = &gold->v[i], *p = &pred->v[j];
        if (g->start == p->start && g->end == p->end) {
            m++, i++, j++;
        } else if (g->start < p->start || (g->start == p->start && g->end < p->end)) {
            i++;
        } else {
            j++;
        }
    }
    return m;
}

/* Print the spans of one list missing from the other, with context. */
static void show_missing(const char *what, const doc *d, const spans *a, const spans *b,
                         int *budget)
{
    size_t j = 0;
    for (size_t i = 0; i < a->n && *budget > 0; i++) {
        const sr_span *g = &a->v[i];
        while (j < b->n && (b->v[j].start < g->start ||
                            (b->v[j].start == g->start && b->v[j].end < g->end)))
            j++;
        if (j < b->n && b->v[j].start == g->start && b->v[j].end == g->end)
            continue;
        size_t cs = g->start > 30 ? g->start - 30 : 0;
        size_t ce = g->end + 30 < d->len ? g->end + 30 : d->len;
        if (g->end - g->start > 200) {
            printf("%s [%u,%u) (long) ...%.*s|%.*s...\n", what, g->start, g->end, 40,
                   d->text + g->start, 40, d->text + g->end - 40);
        } else {
            printf("%s [%u,%u) %.*s[[%.*s]]%.*s\n", what, g->start, g->end,
                   (int)(g->start - cs), d->text + cs, (int)(g->end - g->start),
                   d->text + g->start, (int)(ce - g->end), d->text + g->end);
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

int main(int argc, char **argv)
{
    const char *path = SR_SHARED_DIR "/ud/en_ewt-ud-test.conllu";
    int errors = 0, repeat = 3;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--errors") && i + 1 < argc)
            errors = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--repeat") && i + 1 < argc)
            repeat = atoi(argv[++i]);
        else
            path = argv[i];
    }
    corpus c = {0};
    if (read_conllu(path, &c) != 0)
        return 1;
    size_t gw = 0, pw = 0, mw = 0, gs = 0, ps = 0, msent = 0, bytes = 0;
    int wbudget = errors, sbudget = errors;
    for (size_t i = 0; i < c.n; i++) {
        doc *d = &c.docs[i];
        sr_arena a;
        sr_arena_init(&a);
        sr_sentence *ss;
        size_t ns;
        sr_segment(&a, d->text, d->len, &ss, &ns);
        spans pwords = {0}, psents = {0};
        for (size_t s = 0; s < ns; s++) {
            spans_push(&psents, ss[s].span.start, ss[s].span.end);
            for (uint32_t t = 0; t < ss[s].ntokens; t++)
                spans_push(&pwords, ss[s].tokens[t].start, ss[s].tokens[t].end);
        }
        gw += d->words.n, pw += pwords.n, mw += matches(&d->words, &pwords);
        gs += d->sents.n, ps += psents.n, msent += matches(&d->sents, &psents);
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
            sr_segment(&a, c.docs[i].text, c.docs[i].len, &ss, &ns);
            sr_arena_free(&a);
        }
        double t = now() - t0;
        if (t < best)
            best = t;
    }
    printf("file: %s\n", path);
    printf("documents: %zu  sentences: %zu  words: %zu  bytes: %zu  form/text mismatches: %zu\n",
           c.n, gs, gw, bytes, c.mismatches);
    printf("words:     gold %zu  predicted %zu  correct %zu  P %.2f  R %.2f  F1 %.2f\n", gw, pw,
           mw, pw ? 100.0 * mw / pw : 0, gw ? 100.0 * mw / gw : 0, f1(mw, gw, pw));
    printf("sentences: gold %zu  predicted %zu  correct %zu  P %.2f  R %.2f  F1 %.2f\n", gs, ps,
           msent, ps ? 100.0 * msent / ps : 0, gs ? 100.0 * msent / gs : 0, f1(msent, gs, ps));
    if (repeat > 0)
        printf("speed: %.0f sentences/s  %.2f MB/s  (%.3f s per pass, best of %d)\n",
               (double)gs / best, (double)bytes / best / 1e6, best, repeat);
    for (size_t i = 0; i < c.n; i++) {
        free(c.docs[i].text);
        free(c.docs[i].words.v);
        free(c.docs[i].sents.v);
    }
    free(c.docs);
    return 0;
}
