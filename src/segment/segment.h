/*
** segment.h: sentence splitting and tokenization.
**
** Splits news text into sentences of Universal-Dependencies-style words
** (clitics such as 's and n't split off, as the EWT treebank does), so that
** the tagger and parser see what they were trained on.  Every token keeps
** the byte span of the original text it came from; its form is the
** NFC-normalized text of that span.
*/
#ifndef SR_SEGMENT_H
#define SR_SEGMENT_H

#include <stddef.h>

#include "sitrep.h"
#include "util/arena.h"

/*
** Segment text[0..len).  text must be valid UTF-8 (the readers check).
** Sentences, tokens and forms are allocated from a.  Token fields other
** than start, end, form, space_after and flags are left empty (head = -1).
** Never fails for valid input; a text with no words yields no sentences.
*/
void sr_segment(sr_arena *a, const char *text, size_t len, sr_sentence **sentences,
                size_t *nsentences);

/*
** An optional statistical sentence-boundary model (an averaged perceptron
** over the gaps between tokens, trained on EWT by train_segment), loaded
** once and shared read-only by threads.  Without a model the rules alone
** decide.
*/
typedef struct sr_segmenter sr_segmenter;

/* Load the model at path (data/models/segment.bin). Returns NULL with err set on failure. */
sr_segmenter *sr_segmenter_load(const char *path, sr_error *err);
void sr_segmenter_free(sr_segmenter *m);

/* sr_segment with a boundary model; m may be NULL (rules only, same as sr_segment). */
void sr_segment_with(const sr_segmenter *m, sr_arena *a, const char *text, size_t len,
                     sr_sentence **sentences, size_t *nsentences);

#endif
