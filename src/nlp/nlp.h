/*
** nlp.h: part-of-speech tagger, lemmatizer and dependency parser.
**
** Each model is loaded once, is read-only afterwards and may be shared by
** threads; per-sentence scratch memory comes from the caller's arena.
*/
#ifndef SR_NLP_H
#define SR_NLP_H

#include "sitrep.h"
#include "util/arena.h"

typedef struct sr_tagger sr_tagger;
typedef struct sr_lemmatizer sr_lemmatizer;
typedef struct sr_parser sr_parser;
typedef struct sr_tg_word sr_tg_word;

/* Load a tagger model file; NULL with err set when missing or corrupt. */
sr_tagger *sr_tagger_load(const char *path, sr_error *err);
void sr_tagger_free(sr_tagger *t);
/* Fill upos, xpos and feats of every token of s. */
void sr_tagger_tag(const sr_tagger *t, sr_sentence *s, sr_arena *a);

/*
** The word hashes of every token of s (arena memory), which depend on no
** model: computed once, they serve both the tagger and the parser's
** supertagger through sr_tagger_tag_words and sr_parser_parse_words.
*/
sr_tg_word *sr_tagger_words(const sr_sentence *s, sr_arena *a);
/* sr_tagger_tag with the words of sr_tagger_words(s) (or NULL to compute them). */
void sr_tagger_tag_words(const sr_tagger *t, sr_sentence *s, sr_tg_word *words, sr_arena *a);
/*
** Correct a main verb the tagger read as a participle ("Israeli forces
** demolished homes": VBN to VBD) where only a main verb can stand
** (tag_repair.c).  sr_tagger_tag and sr_tagger_tag_words call it.
*/
void sr_tagger_repair(sr_sentence *s);
/*
** Correct what the parser's features cannot (tree_repair.c lists the
** repairs): a compound that a deictic time word heads ("arrested students
** in Moscow today"), a sentence's verb read as a modifier of its object.
** sr_parser_parse and sr_parser_parse_words call it.
*/
void sr_parser_repair(sr_sentence *s);

/* Open the lemmatizer with its resources under data_dir. */
sr_lemmatizer *sr_lemmatizer_open(const char *data_dir, sr_error *err);
void sr_lemmatizer_free(sr_lemmatizer *l);
/* Fill lemma of every token of s (needs upos and xpos). */
void sr_lemmatize(const sr_lemmatizer *l, sr_sentence *s, sr_arena *a);

/* Load a parser model file; NULL with err set when missing or corrupt. */
sr_parser *sr_parser_load(const char *path, sr_error *err);
void sr_parser_free(sr_parser *p);
/* Fill head and deprel of every token of s (needs upos and xpos). Always a tree. */
void sr_parser_parse(const sr_parser *p, sr_sentence *s, sr_arena *a);
/* sr_parser_parse with the words of sr_tagger_words(s) (or NULL to compute them). */
void sr_parser_parse_words(const sr_parser *p, sr_sentence *s, sr_tg_word *words, sr_arena *a);

#endif
