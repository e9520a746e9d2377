/*
** supertag.h: supertags for the parser.
**
** A supertag says what a word does in the tree without saying where its
** head is: its relation and the side its head is on, as in "nsubj/R" (the
** head is to the right), "obj/L" or "root/0".  A tagger model trained on
** supertags instead of part-of-speech tags (sr-train-tagger --supertags)
** predicts them from the words around each word, about 81% right on EWT
** dev; the parser takes them as features, and they help it most where the
** part-of-speech tags are wrong or say too little (Ouchi, Duh and
** Matsumoto 2014, "Improving dependency parsers with supertags").
**
** The parser sees a supertag as the hash of its name, so a model does not
** depend on the order of the supertagger's classes.
*/
#ifndef SR_SUPERTAG_H
#define SR_SUPERTAG_H

#include <stddef.h>
#include <stdint.h>

#include "nlp/nlp.h"
#include "util/arena.h"

/* The hash the parser's features use for the supertag named name. */
uint64_t sr_supertag_hash(const char *name);

/* hash[c] = sr_supertag_hash of class c of supertagger t, for every class. */
void sr_supertag_class_hashes(const sr_tagger *t, uint64_t *hash);

/*
** Supertag the words of s with t: out[i] is the hash of word i's supertag.
** class_hash is from sr_supertag_class_hashes(t).  Scratch memory from a.
*/
void sr_supertag(const sr_tagger *t, const uint64_t *class_hash, const sr_sentence *s,
                 uint64_t *out, sr_arena *a);
/* sr_supertag with the words of sr_tagger_words(s), or NULL to compute them. */
void sr_supertag_words(const sr_tagger *t, const uint64_t *class_hash, const sr_sentence *s,
                       sr_tg_word *words, uint64_t *out, sr_arena *a);

/*
** Turn the gold trees of s[0..n) into gold supertags for training a
** supertagger: each word's xpos becomes its supertag, its upos X and its
** feats none.  The tokens are changed in place (copy them first to keep
** the tags); supertag strings are allocated in a.
*/
void sr_supertag_gold(sr_sentence *s, size_t n, sr_arena *a);

#endif
