/*
** actors.h: the knowledge base of actors and the mention finder.
**
** The knowledge base (data/kb/*.kb, format in docs/kb-format.md) holds
** countries, organizations, armed groups, people with dated roles, and
** agent words.  sr_actors_find() finds every actor mention in a document,
** resolves it to an entity and the CAMEO actor code valid on the document's
** date, and links pronouns, bare surnames and bare titles to the actor they
** refer to.
*/
#ifndef SR_ACTORS_H
#define SR_ACTORS_H

#include <stddef.h>
#include <stdint.h>

#include "sitrep.h"
#include "util/arena.h"

typedef struct sr_kb sr_kb;

/* How a mention was found. */
enum sr_mention_kind {
    SR_MENTION_NAME = 1,   /* a name of an entity in the base */
    SR_MENTION_AGENT,      /* an agent word, maybe with a country: "Russian troops" */
    SR_MENTION_TITLE,      /* a bare title resolved by coreference: "the minister" */
    SR_MENTION_PRONOUN,    /* he, she, they... resolved by coreference */
    SR_MENTION_UNKNOWN     /* person-shaped name not in the base, coded from context */
};

typedef struct sr_mention {
    uint32_t sentence;     /* sentence index */
    uint32_t first, last;  /* tokens [first, last) of that sentence */
    sr_span span;          /* bytes of the text */
    const char *code;      /* CAMEO actor code on the date, e.g. "RUSGOV"; never NULL */
    const char *name;      /* canonical name (or the mention text when unknown) */
    const char *entity;    /* knowledge-base id, or NULL */
    const char *sector;    /* PLOVER/CAMEO sector, e.g. "GOV", or NULL */
    int32_t antecedent;    /* index of the mention this one refers back to, or -1 */
    uint8_t kind;          /* sr_mention_kind */
} sr_mention;

/* Load the base from data_dir (its kb/ folder). */
sr_kb *sr_kb_open(const char *data_dir, sr_error *err);
/* Load a base from PETRARCH/TABARI actor and agent dictionaries (agents may be NULL). */
sr_kb *sr_kb_open_petrarch(const char *actors_path, const char *agents_path, sr_error *err);
void sr_kb_free(sr_kb *kb);

/*
** Find and resolve the actor mentions of a document.  text is the document
** text the sentences' spans point into; date is YYYY-MM-DD or NULL (then
** the roles current at the base's newest date apply).  Mentions come out in
** text order, allocated from a.
*/
void sr_actors_find(const sr_kb *kb, const char *text, const sr_sentence *sentences,
                    size_t nsentences, const char *date, sr_arena *a, sr_mention **mentions,
                    size_t *nmentions);

#endif
