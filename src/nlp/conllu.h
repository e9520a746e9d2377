/*
** conllu.h: reading and writing CoNLL-U (Universal Dependencies) files.
**
** The reader turns a treebank file into sr_sentence arrays so that the
** tagger and parser can be trained and scored on it; the writer prints one
** analysed sentence in the same ten-column format.  Only syntactic words
** are kept: multiword-token lines ("3-4") and empty nodes ("3.1") are
** skipped, though a multiword token's SpaceAfter=No is carried over to its
** last word.
*/
#ifndef SR_CONLLU_H
#define SR_CONLLU_H

#include <stddef.h>
#include <stdio.h>

#include "sitrep.h"
#include "util/arena.h"

/*
** Read every sentence of the CoNLL-U file at path ("-" for stdin).  All
** strings, tokens and the sentence array come from a.  Each token gets
** form, lemma, upos, xpos, feats (NULL for "_"), head (-1 for "_"),
** deprel (NULL for "_") and space_after (0 for SpaceAfter=No).  start and
** end are byte offsets within the sentence's "# text" comment when the
** word can be found there, else both 0; a sentence's span is [0, length
** of its text).  Returns 0, or -1 with err naming the file and line of
** the first malformed line.
*/
/* The largest CoNLL-U file read, in bytes (a whole treebank fits). */
#define SR_CONLLU_MAX ((size_t)256 << 20)

int sr_conllu_read(const char *path, sr_arena *a, sr_sentence **sentences, size_t *n,
                   sr_error *err);

/*
** Like sr_conllu_read, and also return the "# text" of every sentence in
** *texts (an array of *n strings from a; "" for a sentence without one).
*/
int sr_conllu_read_texts(const char *path, sr_arena *a, sr_sentence **sentences,
                         const char ***texts, size_t *n, sr_error *err);

/*
** Write sentence s as CoNLL-U: "# sent_id = index+1", "# text = text" when
** text is not NULL, one line per word with all ten columns (missing
** values as "_", SpaceAfter=No in MISC where space_after is 0) and a blank
** line.  Tabs and line breaks inside fields are written as spaces.
** Returns 0, or -1 on a write error.
*/
int sr_conllu_write_sentence(FILE *out, const sr_sentence *s, size_t index, const char *text);

#endif
