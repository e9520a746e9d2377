/*
** attr.h: the attribute stage: when, where, how many, and who said what.
**
** Runs after the event coder.  It reads the parsed sentences, the actor
** mentions and the coded events of one document, and fills each event's
** date, place and size, and the document's quote records.  Its knowledge
** (data/attr/) is loaded once and shared read-only by all threads.
*/
#ifndef SR_ATTR_H
#define SR_ATTR_H

#include <stddef.h>

#include "kb/actors.h"
#include "sitrep.h"
#include "util/arena.h"

typedef struct sr_attr sr_attr;

/* Load the word lists of data_dir/attr/ and the place tables.  NULL with err on failure. */
sr_attr *sr_attr_open(const char *data_dir, sr_error *err);
void sr_attr_free(sr_attr *at);

/* Everything the stage sees of one document. */
typedef struct sr_attr_input {
    const char *text;
    size_t len;
    const char *date; /* publication date YYYY-MM-DD, or NULL */
    const sr_sentence *sentences;
    size_t nsentences;
    const sr_mention *mentions;
    size_t nmentions;
} sr_attr_input;

/*
** Fill the attribute fields of events[0..nevents) and return the quote
** records of the document in *quotes (allocated from a).
*/
void sr_attr_run(const sr_attr *at, const sr_attr_input *in, sr_arena *a, sr_event *events,
                 size_t nevents, sr_quote **quotes, size_t *nquotes);

#endif
