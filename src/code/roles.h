/*
** roles.h: what the four roles files share (roles.c, roles_actors.c,
** roles_find.c, roles_target.c).  Internal to the tree coder; the coder's
** other files use tree.h (sr_tr_roles, sr_tr_actors, sr_tr_new_extra).
*/
#ifndef SR_CODE_ROLES_H
#define SR_CODE_ROLES_H

#include "code/tree.h"

/* roles_actors.c */

/* Is c an event noun of its own, whose modifiers are its actors ("at the mediation of Qatar")? */
int sr_ro_other_event(const tree_ctx *x, const pred *p, uint32_t c);
/* The token whose mention is the actor at k (k, a modifier, an "of" phrase), or -1. */
int sr_ro_actor_token(const tree_ctx *x, uint32_t k, int depth);
/* The mention of the actor at k (see sr_ro_actor_token), or -1. */
int32_t sr_ro_actor_at(const tree_ctx *x, uint32_t k, int depth);
/* Add mention m to out[0..n) unless it is there or out is full; the new count. */
uint32_t sr_ro_add_actor(int32_t *out, uint32_t n, uint32_t max, int32_t m);
/* m as CODE+MIL when the attack noun h names means only armed forces use ("Israeli airstrikes"). */
int32_t sr_ro_military_source(tree_ctx *x, const pred *p, uint32_t h, int32_t m);
/* A mention of its own for a name the knowledge base lacks ("Azerbijan agreed"), or -1. */
int32_t sr_ro_synthetic_actor(tree_ctx *x, uint32_t k);
/* The new actor of verb h's subject (PETRARCH's new_actor_length), or -1. */
int32_t sr_ro_new_subject_actor(tree_ctx *x, uint32_t h);
/* New actors of the conjuncts of verb h's subject that name no known actor. */
uint32_t sr_ro_new_conjunct_actors(tree_ctx *x, uint32_t h, int32_t *out, uint32_t n);
/* The new actor of verb h's first object or oblique noun phrase after it. */
int32_t sr_ro_new_object_actor(tree_ctx *x, uint32_t h);
/* A crowd or a number of people as subject k ("Tens of thousands rallied"): ---CVL, or -1. */
int32_t sr_ro_crowd_actor(tree_ctx *x, uint32_t k);
/* Are all of these actors without a country ("---MIL")? */
int sr_ro_unknown_country(const tree_ctx *x, const int32_t *v, uint32_t n);
/* Are there no actors, or only names the knowledge base lacks (code "---")? */
int sr_ro_unknown_names(const tree_ctx *x, const int32_t *v, uint32_t n);
/* The two sides of the latest two-country event before token `before` ("the sides"), or 0. */
uint32_t sr_ro_last_two_parties(tree_ctx *x, uint32_t before, int32_t *out);
/* Is m among v[0..n)? */
int sr_ro_contains(const int32_t *v, uint32_t n, int32_t m);

/* roles_find.c */

/* Default target prepositions: of verbs, of consultations, of event nouns (NULL-ended). */
const char *const *sr_ro_verb_preps(void);
const char *const *sr_ro_consult_preps(void);
const char *const *sr_ro_noun_preps(void);
/* Is token k one of the phrase's own words ("send American troops": no target)? */
int sr_ro_in_trigger(const tree_ctx *x, const pred *p, int32_t k);
/* Is verb h passive (nsubj:pass, aux:pass, or a participle modifying a noun)? */
int sr_ro_is_passive(const tree_ctx *x, uint32_t h);
/* The active subject child of h (nsubj, not nsubj:pass), or -1. */
int sr_ro_active_subject(const tree_ctx *x, uint32_t h);
/* TABARI's agent of passive verb h (an actor right after "by"), for PETRARCH dictionaries. */
int sr_ro_agent_after(const tree_ctx *x, uint32_t h);
/* Actors of the objects of h: obj, then iobj (a comma-set second object is none). */
uint32_t sr_ro_object_actors(tree_ctx *x, uint32_t h, const pred *p, int32_t *out, uint32_t max);
/*
** The subject of verb h as the actors it stands for; *inherited is set when they come from
** another verb or noun.
*/
uint32_t sr_ro_subject_of(tree_ctx *x, uint32_t h, int32_t *out, int *inherited, int depth);
/* Actors of the children of k that a target preposition introduces. */
uint32_t sr_ro_prep_actors(tree_ctx *x, uint32_t k, const pred *p, const char *rel,
                           const char *const *preps, int32_t *out, uint32_t max);
/* Actors inside the noun phrase of non-actor noun k, nearest first ("a convoy near Damascus"). */
uint32_t sr_ro_modifier_actors(tree_ctx *x, uint32_t k, int32_t *out, uint32_t max, int depth);
/* The verb token k belongs to: its nearest verbal ancestor, or itself. */
int sr_ro_clause_verb(const tree_ctx *x, uint32_t k);
/* TABARI's target, for PETRARCH dictionaries: the first actor after the verb. */
uint32_t sr_ro_first_actor_after(tree_ctx *x, const pred *p, int32_t *out);
/* Is token k, inside the subtree of top, reached through a place preposition ("in Ukraine")? */
int sr_ro_under_place(const tree_ctx *x, uint32_t k, uint32_t top);
/* ... or through a preposition of place or time ("after the American strikes")? */
int sr_ro_under_adjunct(const tree_ctx *x, uint32_t k, uint32_t top);
/* The first actor in the noun phrase of p's object k, in word order, within p's own clause. */
uint32_t sr_ro_first_actor_in(tree_ctx *x, const pred *p, uint32_t k, int32_t *out);

/* roles_target.c */

/* An entry with "source:PREP": that actor gives, the subject receives ("received jets from"). */
void sr_ro_source_by_preposition(tree_ctx *x, pred *p, int *inherited);
/* Does p consult (CAMEO 040, 041, 044-046: discuss, talk, negotiate)? */
int sr_ro_consults(const tree_ctx *x, const pred *p);
/* A copy of mention m coded as its country and sector ("" for none): USAMIL, PSE. */
int32_t sr_ro_sector_copy(tree_ctx *x, int32_t m, const char *sector);
/* A verbal act (CAMEO roots 01-05 and 10-13: statements to threats)? */
int sr_ro_verbal_code(const char *code);
/* The target of active verb h. */
uint32_t sr_ro_verb_target(tree_ctx *x, pred *p, int32_t *out, int depth);
/* Drop targets that are the source again (the same mention or entity). */
void sr_ro_drop_self_targets(tree_ctx *x, pred *p);
/* The foreign place an attack happened in, or a visit or threat of force is for, or -1. */
int32_t sr_ro_foreign_place(const tree_ctx *x, const pred *p);
/* Give an attack without target the foreign place it happened in, or the document's country. */
void sr_ro_assume_target(tree_ctx *x, pred *p);
/* Is p's first target inside the phrase of an event noun other than p? */
int sr_ro_inside_event_noun(const tree_ctx *x, const pred *p);
/* Are all of p's targets named by an "at" phrase, which says where more often than whom? */
int sr_ro_only_at_places(const tree_ctx *x, const pred *p);
/* Give a mediation (045) without target the parties of the act it belongs to. */
void sr_ro_mediated_parties(tree_ctx *x, pred *p);

/* Make the targets of an attack that are seats of power ("shelled Kyiv") their country. */
void sr_ro_attacked_seats(tree_ctx *x, pred *p);
/* Make a country named on the base, ship or unit an attack targets its military (USAMIL). */
void sr_ro_military_targets(tree_ctx *x, pred *p);

#endif
