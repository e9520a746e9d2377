/*
** conllu_docs.h: documents rebuilt from a CoNLL-U treebank, with gold word
** and sentence spans, for the segmenter's benchmark and training program.
**
** The raw text of a document is rebuilt from its "# text" lines: sentences
** of one paragraph joined by a space, paragraphs ("# newpar") separated by
** a blank line.  Gold words get character offsets in that text from their
** forms; the parts of a multiword token ("won't" = wo + n't) get the
** stretch of the token they come from.
*/
#ifndef SR_CONLLU_DOCS_H
#define SR_CONLLU_DOCS_H

#include <stddef.h>

#include "sitrep.h"

/* A span list that grows, kept in text order. */
typedef struct spans {
    sr_span *v;
    size_t n, cap;
} spans;

void spans_push(spans *s, uint32_t a, uint32_t b);
/* How many spans the two sorted lists share. */
size_t spans_matches(const spans *gold, const spans *pred);

/* One document: rebuilt text and gold spans. */
typedef struct doc {
    char *text;
    size_t len, cap;
    spans words, sents;
} doc;

/* A collection of documents. */
typedef struct corpus {
    doc *docs;
    size_t n, cap;
    size_t nsent, nword, mismatches; /* mismatches: forms not found in the text */
} corpus;

/* Read path into c (zeroed by the caller). Returns 0, or -1 with a message on stderr. */
int read_conllu(const char *path, corpus *c);
void corpus_free(corpus *c);

#endif
