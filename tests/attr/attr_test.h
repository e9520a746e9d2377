/*
** attr_test.h: run the attribute stage on a small text with events given
** by hand, for the tests of src/attr.
**
** The text goes through the real pipeline up to actor mentions (segment,
** tag, parse, knowledge base); the coder is not run.  Each event is named
** "WORD:CAMEO" (or "WORD#N:CAMEO" for the N-th occurrence of WORD): its
** trigger is that word, its sentence the one holding it, its source the
** actor mention of the trigger's subject.
*/
#ifndef SR_ATTR_TEST_H
#define SR_ATTR_TEST_H

#include <ctype.h>

#include "sr_test.h"

#include "api/doc_internal.h"
#include "attr/attr.h"
#include "attr/attr_internal.h"
#include "util/util.h"

static sr_engine *at_engine;

static int at_setup(void **state)
{
    (void)state;
    sr_error err = {0};
    at_engine = sr_engine_open(SR_DATA_DIR, &err);
    if (!at_engine)
        fprintf(stderr, "%s\n", err.msg);
    return at_engine ? 0 : -1;
}

static int at_teardown(void **state)
{
    (void)state;
    sr_engine_close(at_engine);
    return 0;
}

/* A processed document with hand-made events. */
typedef struct at_doc {
    sr_doc *d;
    sr_event ev[16];
    size_t nev;
} at_doc;

/* Quad class of a CAMEO code by its root. */
static inline int at_quad(const char *cameo)
{
    int root = atoi((char[3]){cameo[0], cameo[1], 0});
    return root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
}

/* The n-th (1-based) whole-word occurrence of w in text, or -1. */
static inline long at_find(const char *text, const char *w, size_t wl, int n)
{
    for (const char *p = text; (p = strstr(p, w)) != NULL; p++) {
        int left = p == text || !isalnum((unsigned char)p[-1]);
        int right = !isalnum((unsigned char)p[wl]);
        if (left && right && --n == 0)
            return p - text;
    }
    return -1;
}

/* Process text dated date and run the stage on the events named in the NULL-ended list. */
static inline void at_run_list(at_doc *t, const char *text, const char *date,
                               const char *const *evs)
{
    memset(t, 0, sizeof *t);
    sr_doc_meta meta = {.id = "test", .date = date};
    t->d = sr_doc_new(at_engine, &meta, text, strlen(text));
    sr_error err;
    assert_int_equal(sr_doc_process(t->d, SR_STAGE_PARSE, &err), 0);
    sr_doc *d = t->d;
    sr_actors_find(at_engine->kb, d->text, d->sentences, d->nsentences, d->meta.date, &d->arena,
                   &d->mentions, &d->nmentions);
    for (; *evs; evs++) {
        char word[64];
        const char *colon = strchr(*evs, ':');
        snprintf(word, sizeof word, "%.*s", (int)(colon - *evs), *evs);
        int nth = 1;
        char *hash = strchr(word, '#');
        if (hash) {
            nth = atoi(hash + 1);
            *hash = '\0';
        }
        long at = at_find(d->text, word, strlen(word), nth);
        assert_true(at >= 0);
        sr_event *e = &t->ev[t->nev++];
        e->trigger = (sr_span){(uint32_t)at, (uint32_t)(at + (long)strlen(word))};
        for (size_t s = 0; s < d->nsentences; s++)
            if (d->sentences[s].span.start <= (uint32_t)at)
                e->sentence = (uint32_t)s;
        e->cameo = colon + 1;
        e->quad_class = at_quad(e->cameo);
        /* The source: the mention holding the trigger's subject, as the coder finds it. */
        const sr_sentence *s = &d->sentences[e->sentence];
        int trig = sr_tree_span_token(s, e->trigger);
        for (int k = 0; k < (int)s->ntokens; k++)
            if (sr_tree_parent(s, k) == trig && sr_tree_rel_is(s, k, "nsubj"))
                for (size_t m = 0; m < d->nmentions; m++) {
                    const sr_mention *x = &d->mentions[m];
                    if (x->sentence == e->sentence && (int)x->first <= k && k < (int)x->last) {
                        e->source.code = x->code;
                        e->source.span = x->span;
                    }
                }
    }
    sr_attr_input in = {d->text,       d->len,      d->meta.date, d->sentences,
                        d->nsentences, d->mentions, d->nmentions};
    sr_attr_run(at_engine->attr, &in, &d->arena, t->ev, t->nev, &d->quotes, &d->nquotes);
}

#define at_run(t, text, date, ...)                                                                 \
    at_run_list(t, text, date, (const char *const[]){__VA_ARGS__, NULL})

static inline void at_free(at_doc *t)
{
    sr_doc_free(t->d);
}

/* The text of span sp of t's document, in a static buffer. */
static inline const char *at_text(const at_doc *t, sr_span sp)
{
    static char buf[512];
    snprintf(buf, sizeof buf, "%.*s", (int)(sp.end - sp.start), t->d->text + sp.start);
    return buf;
}

#endif
