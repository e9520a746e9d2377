/*
** coder.h: event coding.
**
** Turns parsed sentences and their actor mentions into CAMEO/PLOVER
** events by reading the dependency tree (tree.c and its helpers; see
** src/code/README.md).  The lexicon (data/verbs/, or a PETRARCH CAMEO verb
** dictionary) maps verbs, phrases and event nouns to CAMEO codes; the
** closed-class tables (data/code/) give the words the rules depend on; the
** ontology table (data/ontology/) gives each code its PLOVER type, mode and
** context, quad class and Goldstein score.
*/
#ifndef SR_CODER_H
#define SR_CODER_H

#include <stddef.h>

#include "kb/actors.h"
#include "sitrep.h"
#include "util/arena.h"

typedef struct sr_coder sr_coder;

/* Load the lexicon and ontology under data_dir. */
sr_coder *sr_coder_open(const char *data_dir, sr_error *err);
/* Load a PETRARCH-format verb dictionary instead of sitrep's lexicon. */
sr_coder *sr_coder_open_petrarch(const char *data_dir, const char *verbs_path, sr_error *err);
void sr_coder_free(sr_coder *c);

/* The coder's dictionary and ontology table (read-only; see dict/dict.h). */
struct sr_verbdict;
struct sr_ontology;
const struct sr_verbdict *sr_coder_dict(const sr_coder *c);
const struct sr_ontology *sr_coder_ontology(const sr_coder *c);

/* Coding flags (sr_code_input.flags). */
#define SR_CODE_NO_STATEMENTS 0x1 /* drop bare public statements (01x) */
/*
** PETRARCH's new_actor_length option, N from 1 to 15 in bits 4-7
** (SR_CODE_NEW_ACTORS(N)): with a PETRARCH dictionary, a subject or object
** noun phrase of at most N words that names no known actor is an actor of
** its own, coded by its words ("\"THE MINISTRY OF MAGIC\"").  0: none.
*/
#define SR_CODE_NEW_ACTORS(n) ((unsigned)((n) > 15 ? 15 : (n)) << 4)
#define SR_CODE_NEW_ACTOR_LENGTH(flags) (((flags) >> 4) & 0xFu)

/* Everything the coder sees of one document. */
typedef struct sr_code_input {
    const char *doc_id; /* for event ids */
    unsigned flags;     /* SR_CODE_* */
    const char *text;
    const char *date;
    const sr_sentence *sentences;
    size_t nsentences;
    const sr_mention *mentions;
    size_t nmentions;
} sr_code_input;

/*
** Code the events of one document into an array allocated from a.  The
** coder reads dependency trees: a document whose sentences carry no parse
** codes no events.
*/
void sr_coder_code(const sr_coder *c, const sr_code_input *in, sr_arena *a, sr_event **events,
                   size_t *nevents);

#endif
