/*
** tree_helpers.h: hand-parsed sentences for the tree coder's unit tests.
**
** A sentence is written as code_helpers.h writes it ("[RUS Russia]
** attacked [UKR Kyiv] .") and its parse as one "HEAD:REL:UPOS[:LEMMA[:XPOS]]"
** per token, blank-separated, HEAD 1-based and 0 for the root:
**
**     "2:nsubj:PROPN 0:root:VERB:attack 2:obj:PROPN 2:punct:PUNCT"
**
** so that each rule of src/code can be tested on the tree it is about,
** whatever the shipped parser would make of the words.
*/
#ifndef SR_TEST_TREE_HELPERS_H
#define SR_TEST_TREE_HELPERS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "code/code_helpers.h"

/* Give sentence si of d the parse spec (see above); returns the number of tokens parsed. */
static inline uint32_t tree_spec(sr_arena *a, test_doc *d, size_t si, const char *spec)
{
    sr_sentence *s = &d->sentences[si];
    char *copy = sr_arena_strdup(a, spec), *save = NULL;
    uint32_t k = 0;
    for (char *t = strtok_r(copy, " ", &save); t && k < s->ntokens;
         t = strtok_r(NULL, " ", &save), k++) {
        char *f[5] = {NULL, NULL, NULL, NULL, NULL}, *save2 = NULL;
        int n = 0;
        for (char *p = strtok_r(t, ":", &save2); p && n < 5; p = strtok_r(NULL, ":", &save2))
            f[n++] = p;
        sr_token *tok = &s->tokens[k];
        tok->head = n > 0 ? (int32_t)atoi(f[0]) : -1;
        tok->deprel = n > 1 ? f[1] : "dep";
        /* "nsubj_pass" stands for "nsubj:pass": the spec splits at colons */
        for (char *u = (char *)tok->deprel; *u; u++)
            if (*u == '_')
                *u = ':';
        tok->upos = (uint8_t)(n > 2 ? sr_upos_from_name(f[2]) : SR_UPOS_X);
        tok->lemma = n > 3 ? f[3] : tok->form;
        tok->xpos = n > 4 ? f[4] : NULL;
    }
    return k;
}

/* Parse markup and spec (one sentence), then code the sentence. */
static inline void tree_code(const sr_coder *c, sr_arena *a, const char *markup, const char *spec,
                             test_doc *d)
{
    test_doc_parse(a, markup, d);
    tree_spec(a, d, 0, spec);
    sr_code_input in = {"test",        0,           d->text,     NULL, d->sentences,
                        d->nsentences, d->mentions, d->nmentions};
    sr_coder_code(c, &in, a, &d->events, &d->nevents);
}

/*
** The first event of d with this source, target ("-": none, NULL: any) and
** code (NULL: any); with prefix, code is a prefix of the event's.
*/
static inline const sr_event *tree_find_event(const test_doc *d, const char *src, const char *tgt,
                                              const char *code, int prefix)
{
    for (size_t i = 0; i < d->nevents; i++) {
        const sr_event *e = &d->events[i];
        if (src && strcmp(e->source.code, src) != 0)
            continue;
        if (tgt && (strcmp(tgt, "-") == 0 ? e->target.code != NULL
                                          : !e->target.code || strcmp(e->target.code, tgt) != 0))
            continue;
        if (!code ||
            (prefix ? strncmp(e->cameo, code, strlen(code)) == 0 : strcmp(e->cameo, code) == 0))
            return e;
    }
    return NULL;
}

/* Print d's events, to show what a failing check got. */
static inline void tree_dump(const test_doc *d)
{
    fprintf(stderr, "in \"%s\":\n", d->text);
    for (size_t i = 0; i < d->nevents; i++)
        fprintf(stderr, "  %s -> %s %s %s (%s)\n", d->events[i].source.code,
                d->events[i].target.code ? d->events[i].target.code : "-", d->events[i].cameo,
                d->events[i].modality ? d->events[i].modality : "-", d->events[i].rule);
}

/*
** Fail unless d has an event as tree_find_event finds it; the event.  The
** including test has included cmocka.h.
*/
static inline const sr_event *tree_expect(const test_doc *d, const char *src, const char *tgt,
                                          const char *code, int prefix)
{
    const sr_event *e = tree_find_event(d, src, tgt, code, prefix);
    if (!e) {
        fprintf(stderr, "missing %s -> %s %s ", src ? src : "any", tgt ? tgt : "any",
                code ? code : "any");
        tree_dump(d);
        fail();
    }
    return e;
}

/* Fail if d has such an event. */
static inline void tree_expect_none(const test_doc *d, const char *src, const char *tgt,
                                    const char *code, int prefix)
{
    if (tree_find_event(d, src, tgt, code, prefix)) {
        fprintf(stderr, "unexpected %s -> %s %s ", src ? src : "any", tgt ? tgt : "any",
                code ? code : "any");
        tree_dump(d);
        fail();
    }
}

#endif
