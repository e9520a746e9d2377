/*
** tree.h: the tree coder's per-sentence state, shared by its files.
**
**   tree.c      the driver: tokens, children lists, predicates, documents
**   roles.c     source and target from grammatical relations
**   modality.c  negation, future, conditional and intended acts; embedding
**   speech.c    what a speaker reports, and who speaks
**   assemble.c  events: pairs, codes, ids, confidence
**
** A predicate is a token that a lexicon entry codes: a verb, or an event
** noun ("Russian strikes on ports").  Everything lives in the document's
** arena; the coder itself is read-only.
*/
#ifndef SR_CODE_TREE_H
#define SR_CODE_TREE_H

#include "code/code_internal.h"

#define TREE_SIDE 8  /* actors on one side of an event ("X, Y and Z") */
#define TREE_FOCUS 4 /* countries a document is most about, kept for targetless attacks */

/* One predicate of the sentence and what it codes. */
typedef struct pred {
    uint32_t head;                          /* the verb or noun token */
    const sr_verb *entry;                   /* the lexicon entry */
    phrase_hit hit;                         /* its matched phrase and code */
    const char *code;                       /* the code after modality (NULL: codes nothing) */
    const char *mod_rule;                   /* words.txt line that set the modality, or NULL */
    const char *map_rule;                   /* modality.txt line that changed the code, or NULL */
    int32_t src[TREE_SIDE], tgt[TREE_SIDE]; /* mentions */
    uint32_t nsrc, ntgt;
    uint8_t noun, speech, passive, modality, suppressed;
    uint8_t roles_state;   /* 0 not yet, 1 computing, 2 done (guards cycles) */
    uint8_t src_inherited; /* the source came from another predicate or the speaker */
    uint8_t tgt_assumed;   /* the target is assumed: an attack's country, a protest's government */
    uint8_t obliged;       /* an `obligation` auxiliary: a speaker demands the act (speech.c) */
} pred;

typedef struct event_list {
    sr_event *v;
    size_t n, cap;
} event_list;

typedef struct tree_ctx {
    const sr_coder *c;
    const sr_code_input *in;
    const sr_sentence *s;
    uint32_t si, n;
    tokinfo *ti;
    unsigned *wc;                      /* word classes of each token (lemma, else form) */
    int32_t *first_child, *next_child; /* children lists, -1 terminated */
    int32_t *pred_at;                  /* token -> predicate index, or -1 */
    int32_t *sub_lo, *sub_hi;          /* first and last token of each token's subtree */
    pred *preds;
    uint32_t npred;
    sr_mention *extra; /* synthetic mentions for actors the base lacks */
    uint32_t nextra, capextra;
    int32_t focus[4]; /* mentions of the countries the document is most about */
    uint32_t nfocus;
    pred orphan;       /* the last sentence's attack that named no attacker (assemble.c) */
    int64_t orphan_si; /* its sentence, or -1 */
    sr_arena *a;
    event_list *out;
    size_t first_event;
    unsigned flags; /* SR_CODE_* */
} tree_ctx;

/* Tree helpers (tree.c). */
int sr_tr_head(const tree_ctx *x, uint32_t k);                   /* 0-based, -1 root */
int sr_tr_rel(const tree_ctx *x, uint32_t k, const char *rel);   /* "obl" matches obl:* too */
int sr_tr_child(const tree_ctx *x, uint32_t k, const char *rel); /* first such child, -1 */
const char *sr_tr_lemma(const tree_ctx *x, uint32_t k);
const char *sr_tr_case(const tree_ctx *x, uint32_t k); /* the case or mark word of k, or "" */
int sr_tr_case_token(const tree_ctx *x, uint32_t k);   /* that word's token, or -1 */
const sr_mention *sr_tr_mention(const tree_ctx *x, int32_t m);
int sr_tr_is_verbal(const tree_ctx *x, uint32_t k);
int sr_tr_armed_sector(const char *sector); /* MIL, REB, UAF, COP, SPY, INS */

/* Roles (roles.c). */
void sr_tr_roles(tree_ctx *x, pred *p);
/* A new, zeroed mention of the sentence's own (its index after the document's). */
int32_t sr_tr_new_extra(tree_ctx *x);
uint32_t sr_tr_actors(tree_ctx *x, uint32_t k, int32_t *out, uint32_t max);
/* The agent of passive verb h (obl:agent, a "by" phrase), or -1 (roles_find.c). */
int sr_tr_agent_child(const tree_ctx *x, uint32_t h);

/*
** A claim of responsibility of no event of its own sentence ("The SBU took
** responsibility") claims the attack of the sentence before that named no
** attacker: that attack is written with the claim's sources.  Then the
** sentence's own sourceless attack, if any, is remembered for the next
** one (assemble.c).
*/
void sr_tr_claim_previous_attack(tree_ctx *x);
void sr_tr_remember_orphan(tree_ctx *x);

/* Modality and embedding (modality.c). */
void sr_tr_modality(tree_ctx *x, pred *p);
void sr_tr_embedded(tree_ctx *x);

/* Speech (speech.c). */
void sr_tr_speech(tree_ctx *x);

/* Events (assemble.c). */
sr_event *sr_tr_new_event(tree_ctx *x); /* a zeroed event at the end of the document's list */
void sr_tr_emit(tree_ctx *x, const pred *p);
void sr_tr_finish_events(const sr_code_input *in, sr_event *v, size_t n);

#endif
