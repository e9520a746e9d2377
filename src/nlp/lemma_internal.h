/*
** lemma_internal.h: internals of the lemmatizer shared by lemma.c,
** lemma_wordnet.c and the command that learns the lemma table
** (tools/train/train_lemma.c).  Not part of the library interface.
**
** A lemma comes from, in order: the table learned from the treebank
** (exceptions to the rules below, keyed by form and XPOS), WordNet's
** exception lists, WordNet's detachment rules checked against WordNet's
** index of known lemmas, and finally suffix rules for words WordNet lacks.
*/
#ifndef SR_LEMMA_INTERNAL_H
#define SR_LEMMA_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "nlp/nlp.h"
#include "util/hashmap.h"

#define SR_LM_KIND "lemma"
#define SR_LM_MAX 256 /* longest word the rules rewrite; longer ones are copied */

/*
** A string-to-string map, filled at load time and read-only after: util's
** hash map, whose values are strings in the lemmatizer's arena.
*/
typedef sr_hashmap sr_lm_map;

/* WordNet parts of speech, as indexes into the maps below. */
enum { SR_WN_NOUN, SR_WN_VERB, SR_WN_ADJ, SR_WN_ADV, SR_WN_COUNT };

struct sr_lemmatizer {
    sr_arena strings;             /* every key and value */
    sr_lm_map table;              /* "XPOS\tform" -> lemma, from the treebank */
    sr_lm_map exc[SR_WN_COUNT];   /* inflected form -> base form */
    sr_lm_map known[SR_WN_COUNT]; /* lemmas WordNet knows */
    int have_wordnet;             /* 0: rules only */
    int have_table;
};

/* Insert key (keylen bytes) -> val, copying both; the first value for a key wins. */
int sr_lm_map_put(sr_lemmatizer *l, sr_lm_map *m, const char *key, size_t keylen, const char *val,
                  size_t vallen);
/* The value of key, or NULL. */
const char *sr_lm_map_get(const sr_lm_map *m, const char *key, size_t keylen);
void sr_lm_map_free(sr_lm_map *m);

/*
** Load WordNet's exception lists and lemma indexes from dir (files
** noun.exc, index.noun, ...).  Returns 0, or -1 with err set when a file
** is missing or unreadable.
*/
int sr_lm_load_wordnet(sr_lemmatizer *l, const char *dir, sr_error *err);

/*
** The lemma of form as word class xpos/upos, by everything but the learned
** table (first_word: it starts its sentence).  Writes at most size bytes
** to buf and returns buf.
*/
const char *sr_lm_rules(const sr_lemmatizer *l, const char *form, const char *xpos, int upos,
                        int first_word, char *buf, size_t size);

/* Load the learned table from the model file at path (kind "lemma"). */
int sr_lm_load_table(sr_lemmatizer *l, const char *path, sr_error *err);

/* An empty lemmatizer with no resources (for training the table). */
sr_lemmatizer *sr_lm_new(void);

#endif
