/*
** actors.h: the knowledge base of actors and the mention finder.
**
** The knowledge base (the .kb files of data/kb, format in docs/kb-format.md) holds
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
#include <stdio.h>

#include "sitrep.h"
#include "util/arena.h"

typedef struct sr_kb sr_kb;

/* How a mention was found. */
enum sr_mention_kind {
    SR_MENTION_NAME = 1, /* a name of an entity in the base */
    SR_MENTION_AGENT,    /* an agent word, maybe with a country: "Russian troops" */
    SR_MENTION_TITLE,    /* a title without a name: the office holder on the date ("the US
                            president") or an earlier actor ("the minister", antecedent set) */
    SR_MENTION_PRONOUN,  /* he, she, they... resolved by coreference */
    SR_MENTION_UNKNOWN   /* person-shaped name not in the base, coded from context */
};

typedef struct sr_mention {
    uint32_t sentence;    /* sentence index */
    uint32_t first, last; /* tokens [first, last) of that sentence */
    sr_span span;         /* bytes of the text */
    const char *code;     /* CAMEO actor code on the date, e.g. "RUSGOV"; never NULL
                             ("---" when the base gives none) */
    const char *name;     /* canonical name; the agent word's for an agent; the text
                             for an unknown person */
    const char *entity;   /* knowledge-base id, or NULL; for a composed agent
                             ("Russian troops") the modifier's id ("russia") */
    const char *agent;    /* knowledge-base id of the agent word ("agent-troops"), or NULL */
    const char *sector;   /* PLOVER/CAMEO sector, e.g. "GOV", or NULL */
    int32_t antecedent;   /* index of the mention this one refers back to, or -1 */
    uint8_t kind;         /* sr_mention_kind */
} sr_mention;

/*
** Load the base from data_dir (its kb/ folder; NULL: $SITREP_DATA, else the
** build's data/).  The .kb files are compiled on first use into a cache
** ($SITREP_KB_CACHE; else $XDG_CACHE_HOME/sitrep/kb-HASH.srkb or
** ~/.cache/sitrep/kb-HASH.srkb, HASH naming the data folder; else
** data_dir/kb/.compiled.srkb) that later opens map read-only; a stale or
** corrupt cache is rebuilt; if none can be written the base stays in memory.  Records
** with errors are skipped (sr_kb_check reports them); fails only when the
** folder cannot be read.
*/
sr_kb *sr_kb_open(const char *data_dir, sr_error *err);
/*
** Load a base from PETRARCH/TABARI actor and agent dictionaries.
** actors_path may list several files separated by ':'; agents_path may be NULL.
*/
sr_kb *sr_kb_open_petrarch(const char *actors_path, const char *agents_path, sr_error *err);
/*
** Compile the .kb files of data_dir/kb into out_path (NULL: the cache sr_kb_open uses).
** Problems in the sources are written to errors (may be NULL) as
** "file:line: message".  Returns the number of problems, or -1 with err set.
*/
int sr_kb_compile(const char *data_dir, const char *out_path, FILE *errors, sr_error *err);
/* Map a compiled base; a malformed or corrupt file is rejected with err set. */
sr_kb *sr_kb_open_compiled(const char *path, sr_error *err);
void sr_kb_free(sr_kb *kb);

/* Sizes of a base. */
typedef struct sr_kb_stats {
    size_t entities, people, agents, roles, names, bytes;
} sr_kb_stats;
void sr_kb_get_stats(const sr_kb *kb, sr_kb_stats *st);

/* One resolved name (sr_kb_lookup). Strings live in the base or in buf. */
typedef struct sr_kb_match {
    const char *entity; /* id; for a composed agent ("Russian troops") the modifier's */
    const char *agent;  /* id of the agent word, or NULL */
    const char *name;   /* canonical name */
    const char *type;   /* "person", "country", "agent"... */
    const char *code;   /* actor code on the date */
    const char *sector; /* "" when none */
    const char *title;  /* title of the role valid on the date, or NULL */
    char role_from[12], role_to[12]; /* its dates, YYYY-MM-DD, "" when open or no role */
    const char *how;                 /* "exact", "name", "title", "agent", "coref", "unknown" */
    char buf[64], namebuf[128];
} sr_kb_match;

/*
** Resolve one name as a news text would write it ("Vladimir Putin",
** "Russian troops", "the US president", "Zelenskiy") on date (YYYY-MM-DD
** or NULL).  Returns 1 and fills m when it resolves, else 0.
*/
int sr_kb_lookup(const sr_kb *kb, const char *name, const char *date, sr_kb_match *m);
/*
** Like sr_kb_lookup, printing the result as one JSON object:
** {"name":..., "match":{...}} or {"name":..., "match":null}.  Returns 1 if matched.
*/
int sr_kb_lookup_json(const sr_kb *kb, const char *name, const char *date, FILE *out);
/*
** Validate the .kb files of data_dir/kb: duplicate ids, overlapping roles with
** different codes, bad dates, unknown keys, missing required fields.  Each
** problem is written to errors as "file:line: message".  Returns the
** number of problems (or -1 when the folder cannot be read, with a message
** on errors).
*/
int sr_kb_check(const char *data_dir, FILE *errors);

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
