/*
** conllu_docs.c: documents rebuilt from a CoNLL-U treebank (see conllu_docs.h).
*/
#include "conllu_docs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void spans_push(spans *s, uint32_t a, uint32_t b)
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
                size_t pe = (k + 1 == parts) ? e
                                             : (strncasecmp(text + p, pf, pl) == 0
                                                    ? p + pl
                                                    : p + (pl < e - p ? pl : e - p));
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
int read_conllu(const char *path, corpus *c)
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
size_t spans_matches(const spans *gold, const spans *pred)
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

void corpus_free(corpus *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->docs[i].text);
        free(c->docs[i].words.v);
        free(c->docs[i].sents.v);
    }
    free(c->docs);
    memset(c, 0, sizeof *c);
}
