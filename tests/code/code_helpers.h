/*
** code_helpers.h: build coder input by hand for the coder's tests.
**
** A test sentence is written with blanks between all tokens and actor
** mentions in brackets with their code first:
**
**     "[RUS Russia] attacked [UKR the city of Kyiv] ."
**
** gives the tokens Russia attacked the city of Kyiv . and two mentions.
** A code ending in '*' marks a seat of power standing for its government
** ("[RUSGOV* the Kremlin]").  Several sentences may be joined with " || ".  Everything lives in the
** arena passed in.
*/
#ifndef SR_TEST_CODE_HELPERS_H
#define SR_TEST_CODE_HELPERS_H

#include <stdlib.h>
#include <string.h>

#include "code/coder.h"

typedef struct test_doc {
    char *text;
    sr_sentence *sentences;
    size_t nsentences;
    sr_mention *mentions;
    size_t nmentions;
    sr_event *events;
    size_t nevents;
} test_doc;

/* Parse markup into d (tokens, sentences, mentions) using arena a. */
static inline void test_doc_parse(sr_arena *a, const char *markup, test_doc *d)
{
    size_t cap = strlen(markup) + 1;
    char *copy = sr_arena_strdup(a, markup);
    d->text = sr_arena_alloc(a, cap);
    d->sentences = sr_arena_calloc(a, 64, sizeof *d->sentences);
    d->mentions = sr_arena_calloc(a, 256, sizeof *d->mentions);
    sr_token *toks = sr_arena_calloc(a, cap, sizeof *toks);
    size_t len = 0, ntok = 0, sent_first = 0;
    d->nsentences = d->nmentions = 0;
    sr_mention *open = NULL;
    char *save = NULL;
    for (char *w = strtok_r(copy, " ", &save);; w = strtok_r(NULL, " ", &save)) {
        if (!w || strcmp(w, "||") == 0) {
            sr_sentence *s = &d->sentences[d->nsentences];
            s->tokens = toks + sent_first;
            s->ntokens = (uint32_t)(ntok - sent_first);
            s->span.start = s->ntokens ? s->tokens[0].start : (uint32_t)len;
            s->span.end = s->ntokens ? s->tokens[s->ntokens - 1].end : (uint32_t)len;
            d->nsentences++;
            sent_first = ntok;
            if (!w)
                break;
            continue;
        }
        if (*w == '[') {
            open = &d->mentions[d->nmentions++];
            memset(open, 0, sizeof *open);
            char *code = sr_arena_strdup(a, w + 1);
            open->code = code;
            open->sentence = (uint32_t)d->nsentences;
            open->first = (uint32_t)(ntok - sent_first);
            open->antecedent = -1;
            open->kind = SR_MENTION_NAME;
            size_t cl = strlen(code);
            if (cl > 1 && code[cl - 1] == '*') { /* "[RUSGOV* Moscow]": a seat of power */
                code[cl - 1] = 0;
                open->kind = SR_MENTION_METONYM;
            }
            continue;
        }
        size_t wl = strlen(w);
        int closes = open && wl > 1 && w[wl - 1] == ']';
        if (closes)
            wl--;
        if (len)
            d->text[len++] = ' ';
        sr_token *t = &toks[ntok++];
        memset(t, 0, sizeof *t);
        t->start = (uint32_t)len;
        memcpy(d->text + len, w, wl);
        len += wl;
        t->end = (uint32_t)len;
        t->form = sr_arena_strndup(a, w, wl);
        t->head = -1;
        t->space_after = 1;
        if (open && (uint32_t)(ntok - sent_first - 1) == open->first)
            open->span.start = t->start;
        if (closes) {
            open->last = (uint32_t)(ntok - sent_first);
            open->span.end = t->end;
            open->name =
                sr_arena_strndup(a, d->text + open->span.start, open->span.end - open->span.start);
            open = NULL;
        }
    }
    d->text[len] = '\0';
    /* Quotation marks: no space between an opening mark and its word. */
    for (size_t i = 0; i + 1 < ntok; i++)
        if (strcmp(toks[i].form, "\"") == 0 && (i == 0 || toks[i - 1].space_after) &&
            (i + 1 < ntok && strcmp(toks[i + 1].form, ",") != 0) &&
            (i == 0 || strcmp(toks[i - 1].form, ",") != 0))
            toks[i].space_after = 0;
}

/* Parse markup and code it. */
static inline void test_code(const sr_coder *c, sr_arena *a, const char *markup, test_doc *d)
{
    test_doc_parse(a, markup, d);
    sr_code_input in = {"test",        0,           d->text,     NULL, d->sentences,
                        d->nsentences, d->mentions, d->nmentions};
    sr_coder_code(c, &in, a, &d->events, &d->nevents);
}

/* The event with this source, target (NULL: none) and code, or NULL. */
static inline const sr_event *test_find(const test_doc *d, const char *src, const char *tgt,
                                        const char *cameo)
{
    for (size_t i = 0; i < d->nevents; i++) {
        const sr_event *e = &d->events[i];
        if (strcmp(e->source.code, src) != 0 || strcmp(e->cameo, cameo) != 0)
            continue;
        if (tgt ? (e->target.code && strcmp(e->target.code, tgt) == 0) : !e->target.code)
            return e;
    }
    return NULL;
}

/* The text of a span of the document. */
static inline char *test_span(sr_arena *a, const test_doc *d, sr_span s)
{
    return sr_arena_strndup(a, d->text + s.start, s.end - s.start);
}

#endif
