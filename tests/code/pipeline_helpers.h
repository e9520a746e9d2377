/*
** pipeline_helpers.h: coding sentences through the whole pipeline (the
** shipped models, knowledge base and lexicon) and checking the events, for
** the coder's tests that read real sentences (test_tree.c,
** test_phrasings.c).  The including file defines PIPELINE_DATE, the
** article date, before including it.
**
** Patterns for actor codes: NULL any, "-" no actor, "RUS*" a prefix,
** else the exact code; a CAMEO code pattern is a prefix ("12" is any 12x).
*/
#ifndef SR_TEST_PIPELINE_HELPERS_H
#define SR_TEST_PIPELINE_HELPERS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep.h"

static sr_engine *engine;

static int setup(void **state)
{
    (void)state;
    sr_error err = {0};
    engine = sr_engine_open(SR_DATA_DIR, &err);
    if (!engine)
        fprintf(stderr, "sr_engine_open: %s\n", err.msg);
    return engine ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    sr_engine_close(engine);
    return 0;
}

/* Process text as one article of PIPELINE_DATE with the given options (SR_OPT_*). */
static sr_doc *code_text_with(const char *text, unsigned options)
{
    sr_doc_meta meta = {"test", PIPELINE_DATE, NULL, NULL, NULL};
    sr_doc *d = sr_doc_new(engine, &meta, text, strlen(text));
    assert_non_null(d);
    sr_doc_set_options(d, options);
    sr_error err = {0};
    assert_int_equal(sr_doc_process(d, SR_STAGE_ALL, &err), 0);
    return d;
}

/* Does an actor code match a pattern? */
static int code_matches(const char *code, const char *want)
{
    if (!want)
        return 1;
    if (strcmp(want, "-") == 0)
        return code == NULL;
    if (!code)
        return 0;
    size_t n = strlen(want);
    if (n && want[n - 1] == '*')
        return strncmp(code, want, n - 1) == 0;
    return strcmp(code, want) == 0;
}

/* The first event of sentences [lo, hi] whose source, target and code match. */
static const sr_event *find_in(const sr_doc *d, uint32_t lo, uint32_t hi, const char *src,
                               const char *tgt, const char *code)
{
    for (size_t i = 0; i < sr_doc_event_count(d); i++) {
        const sr_event *e = sr_doc_event(d, i);
        if (e->sentence >= lo && e->sentence <= hi && code_matches(e->source.code, src) &&
            code_matches(e->target.code, tgt) && strncmp(e->cameo, code, strlen(code)) == 0)
            return e;
    }
    return NULL;
}

static const sr_event *find(const sr_doc *d, const char *src, const char *tgt, const char *code)
{
    return find_in(d, 0, UINT32_MAX, src, tgt, code);
}

/* Print d's events, to show what a failing check got. */
static void dump(const sr_doc *d)
{
    for (size_t i = 0; i < sr_doc_event_count(d); i++) {
        const sr_event *e = sr_doc_event(d, i);
        fprintf(stderr, "  s%u %s -> %s %s %s (%s)\n", e->sentence, e->source.code,
                e->target.code ? e->target.code : "-", e->cameo, e->modality, e->rule);
    }
}

/* Fail unless (want) or if (!want) text codes an event matching src, tgt and code. */
static void check(const char *text, const char *src, const char *tgt, const char *code, int want)
{
    sr_doc *d = code_text_with(text, 0);
    if ((find(d, src, tgt, code) != NULL) != want) {
        fprintf(stderr, "%s %s -> %s %s in \"%s\"; got:\n", want ? "missing" : "unexpected",
                src ? src : "any", tgt ? tgt : "any", code, text);
        dump(d);
        sr_doc_free(d);
        fail();
    }
    sr_doc_free(d);
}

static void expect(const char *text, const char *src, const char *tgt, const char *code)
{
    check(text, src, tgt, code, 1);
}

static void expect_not(const char *text, const char *src, const char *tgt, const char *code)
{
    check(text, src, tgt, code, 0);
}

#endif
