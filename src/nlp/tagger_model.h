/*
** tagger_model.h: internals of the part-of-speech tagger shared by the
** tagger itself (tagger.c), its feature extraction (tagger_features.c) and
** its training (tagger_train.c).  Not part of the library interface.
**
** The tagger is two averaged perceptrons over hashed features:
**
**   - the POS model picks one "class", a (UPOS, XPOS) pair seen in training,
**     greedily left to right, with the two previous classes as features;
**     frequent unambiguous words skip it through a tag dictionary;
**   - the FEATS model then picks the UD feature string of every word among
**     the strings seen with its class in training, looking at both sides
**     (e.g. the nearest subject-like word to the left of a finite verb).
**
** A feature is a 64-bit hash of a template number and its values.  Each
** model keeps, for every retained feature, a short sparse row of
** (class, weight) pairs; weights are int16 with one scale per model.
*/
#ifndef SR_TAGGER_MODEL_H
#define SR_TAGGER_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "nlp/nlp.h"
#include "nlp/model_io.h"

#define SR_TG_KIND "tagger"
#define SR_TG_MAX_FEATURES 48 /* features per word, either model */
#define SR_TG_MAX_CLASSES 255 /* classes per model: ids fit in a byte */
#define SR_TG_NO_CLASS 255    /* "before the sentence" as a previous class */

/* Per-word hashes computed once per sentence, before any decoding. */
typedef struct sr_tg_word {
    uint64_t exact;  /* the form as written */
    uint64_t norm;   /* lowercased, digits as 0 */
    uint64_t lower;  /* lowercased only */
    uint64_t shape;  /* Xxxx, dd.dd, ... */
    uint64_t suf[4]; /* last 1..4 bytes of the lowercased form */
    uint64_t pre[3]; /* first 1..3 bytes of the lowercased form */
    uint32_t flags;  /* SR_TGW_* */
} sr_tg_word;

#define SR_TGW_UPPER_INITIAL 0x1
#define SR_TGW_ALL_UPPER 0x2
#define SR_TGW_HAS_DIGIT 0x4
#define SR_TGW_HAS_HYPHEN 0x8
#define SR_TGW_FIRST 0x10
#define SR_TGW_BE 0x20   /* a form of "be" (or "get"): passive auxiliary */
#define SR_TGW_HAVE 0x40 /* a form of "have" */

/* What the FEATS features need to know about a POS class. */
#define SR_TGC_NOMINAL 0x1 /* could be a subject: nouns, pronouns, numbers */
#define SR_TGC_PRONOUN 0x2 /* closed class whose form matters (PRP, WP, EX, DT) */
#define SR_TGC_VERBAL 0x4  /* verb or auxiliary */
#define SR_TGC_RELATIVE 0x8 /* WP, WDT: a relative pronoun stands for its antecedent */

/* One sparse perceptron as stored in the model file (read-only). */
typedef struct sr_tg_table {
    const uint32_t *keys; /* fingerprint per slot; 0 = empty */
    const uint32_t *rows; /* offset << 8 | length into the pool */
    uint32_t mask;        /* slots - 1 (a power of two minus one) */
    const uint8_t *cls;   /* pool: class of each weight */
    const int16_t *w;     /* pool: weight */
    size_t pool;          /* pool entries */
} sr_tg_table;

/* A loaded tagger (the public sr_tagger). */
struct sr_tagger {
    sr_model_file *file;
    size_t nclass;              /* POS classes */
    uint8_t class_upos[SR_TG_MAX_CLASSES];
    uint8_t class_flags[SR_TG_MAX_CLASSES];
    const char *class_xpos[SR_TG_MAX_CLASSES]; /* into the file */
    size_t nfeats;              /* FEATS strings; string 0 is "_" */
    const char *feats[SR_TG_MAX_CLASSES];
    const uint16_t *allow_start; /* nclass + 1 offsets into allow */
    const uint8_t *allow;        /* FEATS ids allowed per POS class */
    const uint32_t *dict_keys;   /* tag dictionary: fingerprint of exact form */
    const uint8_t *dict_cls;
    uint32_t dict_mask;
    sr_tg_table pos, fts;
};

/* 64-bit mixer used to build feature keys. */
static inline uint64_t sr_tg_mix(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

/* The key of template `tmpl` with values a and b. */
static inline uint64_t sr_tg_key(unsigned tmpl, uint64_t a, uint64_t b)
{
    return sr_tg_mix(a * 0x9e3779b97f4a7c15ULL + (b ^ (b << 17)) + tmpl * 0x632be59bd9b4e019ULL);
}

/* The 32-bit fingerprint a key is stored under (never 0). */
static inline uint32_t sr_tg_fingerprint(uint64_t key)
{
    uint32_t f = (uint32_t)(key >> 32);
    return f ? f : 1;
}

/* Hash of a byte string (FNV-1a). */
uint64_t sr_tg_hash(const char *s, size_t len);

/* Fill w from one word form; first is 1 for the first word of a sentence. */
void sr_tg_word_init(sr_tg_word *w, const char *form, int first);

/*
** The POS features of word i of n, given the classes of the two words before
** it (SR_TG_NO_CLASS when outside the sentence).  Returns how many keys it
** wrote (at most SR_TG_MAX_FEATURES).
*/
size_t sr_tg_pos_features(const sr_tg_word *w, size_t n, size_t i, unsigned prev1,
                          unsigned prev2, uint64_t *keys);

/*
** The FEATS features of word i of n, given the POS class of every word
** (cls) and the class flags table (SR_TGC_* per class).
*/
size_t sr_tg_feats_features(const sr_tg_word *w, const uint8_t *cls, const uint8_t *class_flags,
                            size_t n, size_t i, uint64_t *keys);

/* Add the weights of keys[0..n) into scores (one int32 per class). */
void sr_tg_table_score(const sr_tg_table *t, const uint64_t *keys, size_t n, int32_t *scores);

/* The tag-dictionary class of a word, or -1. */
int sr_tg_dict_lookup(const sr_tagger *t, uint64_t exact);

/* Flags (SR_TGC_*) of a class from its UPOS and XPOS. */
uint8_t sr_tg_class_flags(int upos, const char *xpos);

/*
** Tag words[0..n) into cls (POS class ids) and fid (FEATS ids).  The
** decoding core shared by sr_tagger_tag and training's evaluation.
*/
void sr_tg_decode(const sr_tagger *t, const sr_tg_word *words, size_t n, uint8_t *cls,
                  uint8_t *fid);

#endif
