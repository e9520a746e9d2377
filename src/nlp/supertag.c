/*
** supertag.c: supertags for the parser (see supertag.h).
**
** The supertagger is an ordinary tagger model whose XPOS classes are
** supertags; this file runs it and names the classes for the parser, and
** turns treebank trees into the gold supertags it is trained on.
*/
#include "nlp/supertag.h"

#include <stdio.h>
#include <string.h>

#include "nlp/tagger_model.h"
#include "util/util.h"

/* Sentences up to this long are supertagged without arena memory. */
#define STACK_WORDS 128

uint64_t sr_supertag_hash(const char *name)
{
    return sr_hash_bytes(name, strlen(name), 0x5757);
}

void sr_supertag_class_hashes(const sr_tagger *t, uint64_t *hash)
{
    for (size_t c = 0; c < t->nclass; c++)
        hash[c] = sr_supertag_hash(t->class_xpos[c] ? t->class_xpos[c] : "_");
}

void sr_supertag_words(const sr_tagger *t, const uint64_t *class_hash, const sr_sentence *s,
                       sr_tg_word *words, uint64_t *out, sr_arena *a)
{
    size_t n = s->ntokens;
    uint8_t stack_cls[STACK_WORDS];
    uint8_t *cls = n > STACK_WORDS ? sr_arena_alloc(a, n) : stack_cls;
    sr_tg_tag_shared(t, s, words, cls, NULL, a); /* supertags have no features */
    for (size_t i = 0; i < n; i++)
        out[i] = class_hash[cls[i]];
}

void sr_supertag(const sr_tagger *t, const uint64_t *class_hash, const sr_sentence *s,
                 uint64_t *out, sr_arena *a)
{
    sr_supertag_words(t, class_hash, s, NULL, out, a);
}

void sr_supertag_gold(sr_sentence *s, size_t n, sr_arena *a)
{
    char buf[80];
    for (size_t i = 0; i < n; i++)
        for (uint32_t k = 0; k < s[i].ntokens; k++) {
            sr_token *t = &s[i].tokens[k];
            int self = (int)k + 1;
            char side = t->head == 0 ? '0' : t->head < self ? 'L' : 'R';
            snprintf(buf, sizeof buf, "%s/%c", t->deprel ? t->deprel : "dep", side);
            t->xpos = sr_arena_strdup(a, buf);
            t->upos = SR_UPOS_X;
            t->feats = NULL;
        }
}
