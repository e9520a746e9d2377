/*
** tagger_train_internal.h: what the files of the tagger's training share
** (not for use outside src/nlp; tagger_train.h is the interface):
**
**   tagger_train.c      the passes: epochs, runs, the ensemble, scoring
**   tagger_weights.c    the sparse weights of a perceptron being trained
**   tagger_inventory.c  classes, FEATS strings and dictionaries from the gold data
**   tagger_export.c     writing a model file from the averaged weights
**
** Functions one of these files calls in another are prefixed sr_tgt_.
*/
#ifndef SR_TAGGER_TRAIN_INTERNAL_H
#define SR_TAGGER_TRAIN_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "nlp/tagger_model.h"
#include "nlp/tagger_train.h"

/* ------------------------------------------------------------------ */
/* Sparse trainable weights (tagger_weights.c).                       */

typedef struct tr_entry {
    uint8_t cls;
    uint32_t ts; /* instance count when w last changed */
    float w;
    double total; /* sum of w over instances up to ts */
} tr_entry;

typedef struct tr_row {
    uint64_t key;
    uint32_t n, cap;
    tr_entry *e;
} tr_row;

typedef struct tr_weights {
    uint32_t *slot_row; /* open addressing: row index + 1, 0 = empty */
    size_t cap;         /* slots, a power of two */
    tr_row *rows;
    size_t nrows, rows_cap;
    uint32_t t; /* instances seen */
} tr_weights;

int sr_tgt_init(tr_weights *tw);
void sr_tgt_free(tr_weights *tw);
void sr_tgt_score(const tr_weights *tw, const uint64_t *keys, size_t n, float *scores);
int sr_tgt_update(tr_weights *tw, const uint64_t *keys, size_t n, unsigned gold, unsigned guess);
double sr_tgt_average(const tr_entry *e, uint32_t t);
int sr_tgt_add_averaged(tr_weights *dst, const tr_weights *src);
void sr_tgt_clear(tr_weights *tw);

/* ------------------------------------------------------------------ */
/* Label inventories (tagger_inventory.c).                            */

typedef struct tr_label {
    char *name; /* "UPOS\tXPOS" or a FEATS string */
    size_t count;
} tr_label;

typedef struct tr_labels {
    tr_label *v;
    size_t n, cap;
} tr_labels;

/* Everything training derives from the gold data before the first epoch. */
typedef struct tr_inventory {
    tr_labels classes, feats; /* feats[0] is "_" */
    uint8_t class_upos[SR_TG_MAX_CLASSES];
    char *class_xpos[SR_TG_MAX_CLASSES];
    uint8_t class_flags[SR_TG_MAX_CLASSES];
    uint32_t *pair_count; /* nclass x nfeats counts */
    uint8_t *allowed;     /* nclass x nfeats: 1 when allowed */
    uint64_t *dict_form;  /* tag dictionary: exact-form hashes */
    uint8_t *dict_cls;
    size_t ndict;
    sr_tg_slot *fdict_slots; /* FEATS dictionary, as it will be stored */
    sr_tg_table fdict;
    sr_tg_slot *lex_slots; /* lexicon, as it will be stored */
    sr_tg_table lex;       /* a view of lex_slots for sr_tg_lexicon */
} tr_inventory;

int sr_tgt_inventory_build(tr_inventory *inv, const sr_sentence *s, size_t n,
                           const sr_tg_train_opts *o, sr_error *err);
void sr_tgt_inventory_free(tr_inventory *inv);
long sr_tgt_token_class(const tr_inventory *inv, const sr_token *t);
long sr_tgt_token_feats(const tr_inventory *inv, const sr_token *t);
int sr_tgt_inv_dict(const tr_inventory *inv, uint64_t h);

/* ------------------------------------------------------------------ */
/* Writing a model (tagger_export.c).                                 */

unsigned sr_tgt_slot_bits(size_t n);
int sr_tgt_export_model(const tr_inventory *inv, const tr_weights *pos, const tr_weights *fts,
                        const sr_tg_train_opts *o, const char *info, const char *path,
                        sr_error *err);

#endif
