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
/* Map a compiled base; a malformed or corrupt file is rejected with err set. */
sr_kb *sr_kb_open_compiled(const char *path, sr_error *err);
void sr_kb_free(sr_kb *kb);

/* Sizes of a base. */
typedef struct sr_kb_stats {
    size_t entities, people, agents, roles, names, bytes;
} sr_kb_stats;
void sr_kb_get_stats(const sr_kb *kb, sr_kb_stats *st);

/* sr_kb_lookup, sr_kb_lookup_json, sr_kb_check and sr_kb_compile are public (sitrep.h). */

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
