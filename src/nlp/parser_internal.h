/*
** parser_internal.h: the insides of the dependency parser, shared by the
** runtime (parser.c), the transition system (parser_state.c), feature
** extraction (parser_features.c), the trainer (parser_train.c) and tests.
**
** The parser is a greedy arc-hybrid transition parser (Kuhlmann, Gomez-
** Rodriguez and Satta 2011) with the artificial root at the bottom of the
** stack.  Transitions are SHIFT, LEFT (s0 <- b0, pop s0) and RIGHT
** (s1 -> s0, pop s0); RIGHT onto the root is allowed only when the buffer
** is empty, so every parse is a tree with exactly one word under the root.
** Each arc gets its relation from a second classifier that runs when the
** arc is made, when the dependent already has all its children.
**
** Both classifiers are averaged perceptrons over hashed features: the
** 64-bit hash of a feature picks a row of a fixed-size table, and a row
** holds one weight per class (3 transitions, or one per relation).
**
** A model may come with a supertagger (supertag.h), a tagger model that
** guesses each word's relation and the side of its head; its guesses are
** features of both classifiers.
*/
#ifndef SR_PARSER_INTERNAL_H
#define SR_PARSER_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "nlp/nlp.h"

/* Transitions of the arc-hybrid system. */
enum { SR_PT_SHIFT = 0, SR_PT_LEFT = 1, SR_PT_RIGHT = 2, SR_PT_COUNT = 3 };

#define SR_PT_STRIDE 4          /* floats per transition-table row */
#define SR_PARSER_MAX_LABELS 64 /* relation sets are 64-bit masks */
#define SR_PARSER_MAX_FEATS 128 /* features per decision, an upper bound */
#define SR_PARSER_FEATURE_SET 2 /* bump when templates change (in the model) */

/* What the features see of one word: hashes of its form and tags. */
typedef struct sr_ptok {
    uint64_t word; /* lowercased form, digits folded to 0 */
    uint64_t tag;  /* XPOS and UPOS together */
    uint64_t upos; /* UPOS alone */
    uint64_t st;   /* supertag (supertag.h), or a constant without a supertagger */
} sr_ptok;

/*
** A parser configuration over words 1..n (0 is the root).  The stack holds
** word indices with the root at stack[0]; the buffer is buf..n.  Arrays
** are indexed by word and kept up to date as arcs are added.
*/
typedef struct sr_pstate {
    int n;
    int *stack, nstack;
    int buf;
    int *head, *label;     /* -1 until attached */
    int *lc1, *lc2;        /* leftmost and second-leftmost child, or -1 */
    int *rc1, *rc2;        /* rightmost and second-rightmost child, or -1 */
    int *nleft, *nright;   /* number of children on each side */
    uint64_t *lset, *rset; /* bit l set when a child on that side has label l */
} sr_pstate;

/*
** A loaded (or being trained) model.  Tables are read-only when parsing.
** A loaded model keeps its weights as 8-bit integers, one scale per table:
** the tables are far larger than the caches, so parsing waits on memory,
** and 8 bits halve the traffic of the file's 16 bits at no measurable cost
** (EWT dev UAS/LAS 85.10/81.93 against 85.12/81.94).  The trainer uses
** float tables and leaves the integer ones NULL.
*/
struct sr_parser {
    int trans_bits, label_bits;     /* log2 of the table row counts */
    int nlabels, label_stride;      /* relations; floats per label row */
    int root_label;                 /* index of "root" */
    const float *trans;             /* (1 << trans_bits) x SR_PT_STRIDE, or NULL */
    const float *labels_w;          /* (1 << label_bits) x label_stride, or NULL */
    const int8_t *trans8;           /* (1 << trans_bits) x SR_PT_STRIDE, or NULL */
    const int8_t *labels8;          /* (1 << label_bits) x label_stride8, or NULL */
    int label_stride8;              /* 8-bit weights per label row (multiple of 16) */
    float trans_scale, label_scale; /* value of one integer step */
    const char **label_names;       /* nlabels strings */
    const sr_tagger *supertagger;   /* or NULL: the model uses no supertags */
    uint64_t st_hash[256];          /* sr_supertag_hash of each supertagger class */
    void *owned[4];                 /* memory freed by sr_parser_free */
    sr_tagger *owned_supertagger;   /* freed by sr_parser_free */
};

/* ---- parser_state.c: the transition system and its oracle ---- */

/* Memory for a state of up to n words (ints and masks), or NULL. */
size_t sr_pstate_bytes(int n);
/* Lay out a state for n words in mem (sr_pstate_bytes(n) bytes) and reset it. */
void sr_pstate_init(sr_pstate *st, int n, void *mem);
int sr_pstate_valid(const sr_pstate *st, int t);
int sr_pstate_terminal(const sr_pstate *st);
/* Head and dependent of the arc transition t (LEFT or RIGHT) would add. */
void sr_pstate_arc(const sr_pstate *st, int t, int *h, int *d);
/* Apply t (which must be valid); label is used when t adds an arc. */
void sr_pstate_apply(sr_pstate *st, int t, int label);
/*
** Dynamic-oracle cost of t (Goldberg and Nivre 2013): how many arcs of the
** gold tree gold[1..n] become unreachable.  Exact for projective trees.
*/
int sr_pstate_cost(const sr_pstate *st, int t, const int *gold);
/* Whether the tree heads[1..n] is projective (root at position 0). */
int sr_tree_is_projective(const int *heads, int n);
/*
** Make heads[1..n] projective by lifting (Nivre and Nilsson 2005): while
** some arc is non-projective, the shortest such arc is re-attached to its
** head's head.  Returns the number of lifts.
*/
int sr_tree_projectivize(int *heads, int n);

/* ---- parser_features.c ---- */

/*
** Fill tk[0..n] for sentence s (tk[0] is the root).  st[i] is the supertag
** hash of word i, or st is NULL for a model without a supertagger.
*/
void sr_parser_prepare(const sr_sentence *s, const uint64_t *st, sr_ptok *tk);
/* Hash of one feature: template number and up to three values. */
uint64_t sr_parser_fhash(uint32_t tmpl, uint64_t a, uint64_t b, uint64_t c);
/* Transition features of st into f; returns how many. */
size_t sr_parser_trans_features(const sr_pstate *st, const sr_ptok *tk, uint64_t *f);
/* Relation features for the arc h -> d about to be added to st. */
size_t sr_parser_label_features(const sr_pstate *st, const sr_ptok *tk, int h, int d, uint64_t *f);

/* ---- parser.c ---- */

/* Scores of the three transitions for the feature hashes f[0..nf). */
void sr_parser_score_trans(const sr_parser *p, const uint64_t *f, size_t nf, float *score);
/* Scores of every relation (label_stride floats) for features f. */
void sr_parser_score_labels(const sr_parser *p, const uint64_t *f, size_t nf, float *score);
/* Best relation for arc h -> d given its scores (root only when h is 0). */
int sr_parser_best_label(const sr_parser *p, const float *score, int h);
/* Parse the words of s into heads[1..n] and labels[1..n] (label ids). */
void sr_parser_parse_ids(const sr_parser *p, const sr_sentence *s, int *heads, int *labels,
                         sr_arena *a);

/* ---- parser_train.c ---- */

typedef struct sr_parser_train_opts {
    const char *train_path, *dev_path, *out_path;
    const char *tagger_path;      /* predicted tags from this model, or NULL */
    const char *supertagger_path; /* supertags from this model (jackknifed like it), or NULL */
    int max_epochs, patience;
    int trans_bits, label_bits;
    uint64_t seed;
    double explore; /* probability of following a wrong prediction */
    double prune;   /* weights smaller than this in magnitude are not saved */
    int jackknife;  /* with a tagger: tag the training set by this many folds (else the tagger
                       itself) */
    int runs;       /* average the models of this many training runs */
    int gold_too;   /* with a tagger: also learn from each sentence with its gold tags */
    double bag;     /* if in (0, 1): each run learns from this share of the sentences */
    const char *write_tagged; /* write the retagged treebanks to this prefix */
    size_t max_train;         /* use at most this many training sentences (0: all) */
} sr_parser_train_opts;

void sr_parser_train_defaults(sr_parser_train_opts *o);
/* Train, early-stop on dev, write the model. Progress goes to log. */
int sr_parser_train(const sr_parser_train_opts *o, FILE *log, sr_error *err);

/* Unlabeled and labeled attachment counts of heads/labels against gold s. */
typedef struct sr_parser_score {
    size_t words, uas, las;
} sr_parser_score;
void sr_parser_score_sentence(const sr_parser *p, const sr_sentence *gold, const int *heads,
                              const int *labels, sr_parser_score *sc);

#endif
