/*
** tagger_model.h: internals of the part-of-speech tagger shared by the
** tagger itself (tagger.c), its feature extraction (tagger_features.c) and
** its training (tagger_train.c and the files it names).  Not part of the
** library interface.
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
#define SR_TG_LANES 16        /* dense rows are padded to a multiple of this */

/* Length of a dense row for nclass classes. */
static inline size_t sr_tg_dense_stride(size_t nclass)
{
    return (nclass + SR_TG_LANES - 1) / SR_TG_LANES * SR_TG_LANES;
}

/* Per-word hashes computed once per sentence, before any decoding. */
typedef struct sr_tg_word {
    uint64_t exact;  /* the form as written */
    uint64_t norm;   /* lowercased, digits as 0 */
    uint64_t lower;  /* lowercased only */
    uint64_t shape;  /* Xxxx, dd.dd, ... */
    uint64_t suf[4]; /* last 1..4 bytes of the lowercased form */
    uint64_t pre[3]; /* first 1..3 bytes of the lowercased form */
    uint32_t flags;  /* SR_TGW_* */
    uint32_t lex;    /* SR_TGL_* from the lexicon, 0 when unknown */
    /*
    ** The lexicon's bits for the form, kept for the next model of the
    ** sentence: valid for the taggers whose lex_id is lexicon_of (0: none).
    */
    uint32_t lexicon;
    uint64_t lexicon_of;
} sr_tg_word;

/*
** The lexicon: what WordNet says a lowercased form can be, for words the
** training set saw too rarely to know them by themselves.  Stored bits:
*/
#define SR_TGL_NOUN 0x1 /* a WordNet noun lemma */
#define SR_TGL_VERB 0x2
#define SR_TGL_ADJ 0x4
#define SR_TGL_ADV 0x8
#define SR_TGL_EXC_NOUN 0x10   /* an irregular plural (noun.exc) */
#define SR_TGL_EXC_VERB 0x20   /* an irregular verb form (verb.exc) */
#define SR_TGL_EXC_ADJ 0x40    /* an irregular comparative (adj.exc) */
#define SR_TGL_FREQUENT 0x8000 /* seen often in training: no lexicon features */
/* Bits derived when tagging by WordNet's detachment rules: */
#define SR_TGL_PLURAL 0x80    /* noun + s */
#define SR_TGL_VERB_S 0x100   /* verb + s */
#define SR_TGL_VERB_ED 0x200  /* verb + ed */
#define SR_TGL_VERB_ING 0x400 /* verb + ing */
#define SR_TGL_DEGREE 0x800   /* adjective + er, est */
#define SR_TGL_LY 0x1000      /* adjective + ly */
#define SR_TGL_UNKNOWN 0x2000 /* rare in training and unknown to WordNet */
#define SR_TGL_SEEN 0x4000    /* the form itself is in the lexicon */

#define SR_TGW_UPPER_INITIAL 0x1
#define SR_TGW_ALL_UPPER 0x2
#define SR_TGW_HAS_DIGIT 0x4
#define SR_TGW_HAS_HYPHEN 0x8
#define SR_TGW_FIRST 0x10
#define SR_TGW_BE 0x20   /* a form of "be" (or "get"): passive auxiliary */
#define SR_TGW_HAVE 0x40 /* a form of "have" */

/* What the FEATS features need to know about a POS class. */
#define SR_TGC_NOMINAL 0x1  /* could be a subject: nouns, pronouns, numbers */
#define SR_TGC_PRONOUN 0x2  /* closed class whose form matters (PRP, WP, EX, DT) */
#define SR_TGC_VERBAL 0x4   /* verb or auxiliary */
#define SR_TGC_RELATIVE 0x8 /* WP, WDT: a relative pronoun stands for its antecedent */

/*
** One sparse perceptron as stored in the model file (read-only): a hash
** table of slots, each 32 bits of fingerprint and 32 bits of row, kept in
** Robin Hood order (see sr_tg_home) so that a lookup of an absent key stops
** after a probe or two.  A row is either one inline weight
** (SR_TG_INLINE | class << 16 | weight as uint16), or offset << 8 | length
** into the pool of (class, weight) pairs, or (length 0) index << 8 of a
** dense row of one weight per class (zero-padded), for the features that weigh many
** classes (a dense row adds faster than a long scattered one).
*/
typedef struct sr_tg_slot {
    uint32_t fp; /* fingerprint; 0 = empty */
    uint32_t row;
} sr_tg_slot;

#define SR_TG_INLINE 0x80000000u

typedef struct sr_tg_table {
    const sr_tg_slot *slots;
    uint32_t mask;        /* slots - 1 (a power of two minus one) */
    unsigned bits;        /* log2 of the slot count */
    const uint8_t *cls;   /* pool: class of each weight */
    const int16_t *w;     /* pool: weight */
    size_t pool;          /* pool entries */
    const int16_t *dense; /* dense rows, sr_tg_dense_stride(nclass) weights each */
    size_t ndense;
    size_t nclass;
} sr_tg_table;

/* The home slot of a fingerprint in a table of 2^bits slots. */
static inline uint32_t sr_tg_home(uint32_t fp, unsigned bits)
{
    return (uint32_t)(((uint64_t)fp * 0x9e3779b97f4a7c15ULL) >> (64 - bits));
}

/* A loaded tagger (the public sr_tagger). */
struct sr_tagger {
    sr_model_file *file;
    size_t nclass; /* POS classes */
    uint8_t class_upos[SR_TG_MAX_CLASSES];
    uint8_t class_flags[SR_TG_MAX_CLASSES];
    const char *class_xpos[SR_TG_MAX_CLASSES]; /* into the file */
    size_t nfeats;                             /* FEATS strings; string 0 is "_" */
    const char *feats[SR_TG_MAX_CLASSES];
    const uint16_t *allow_start; /* nclass + 1 offsets into allow */
    const uint8_t *allow;        /* FEATS ids allowed per POS class */
    sr_tg_table dict;            /* tag dictionary: exact form -> inline class */
    sr_tg_table lex;             /* lexicon: lowercased form -> SR_TGL_* bits */
    uint64_t lex_id;             /* hash of lex's slots, never 0: the same for the same lexicon */
    sr_tg_table fdict;           /* FEATS dictionary: sr_tg_fdict_key -> inline FEATS id */
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

/* The FEATS dictionary key of a word (its lowercased form) with a class. */
static inline uint64_t sr_tg_fdict_key(unsigned cls, uint64_t lower)
{
    return sr_tg_key(200, cls, lower);
}

/* The 32-bit fingerprint a key is stored under (never 0). */
static inline uint32_t sr_tg_fingerprint(uint64_t key)
{
    uint32_t f = (uint32_t)(key >> 32);
    return f ? f : 1;
}

/* Hash of a byte string (FNV-1a). */
uint64_t sr_tg_hash(const char *s, size_t len);

/* The SR_TGL_* bits of form (lowercased first) from lexicon table lex. */
uint32_t sr_tg_lexicon(const sr_tg_table *lex, const char *form);

/* sr_tg_word_init, plus the lexicon bits when the tag dictionary lacks the word. */
void sr_tg_prepare(const sr_tagger *t, sr_tg_word *w, const char *form, int first);

/*
** form with the typographic apostrophe U+2019 made plain ('), so that "n’t"
** is known as "n't": buf when something changed (and the form fits in size
** bytes), else form itself.  Opening and closing quotes stay as they are:
** their XPOS differ.
*/
const char *sr_tg_plain_quotes(const char *form, char *buf, size_t size);

/* Fill w from one word form; first is 1 for the first word of a sentence. */
void sr_tg_word_init(sr_tg_word *w, const char *form, int first);

/*
** The POS features of word i of n, given the classes of the two words before
** it (SR_TG_NO_CLASS when outside the sentence).  Returns how many keys it
** wrote (at most SR_TG_MAX_FEATURES).
*/
size_t sr_tg_pos_features(const sr_tg_word *w, size_t n, size_t i, unsigned prev1, unsigned prev2,
                          uint64_t *keys);

/*
** The FEATS features of word i of n, given the POS class of every word
** (cls) and the class flags table (SR_TGC_* per class).
*/
size_t sr_tg_feats_features(const sr_tg_word *w, const uint8_t *cls, const uint8_t *class_flags,
                            size_t n, size_t i, uint64_t *keys);

/* The slot of key in t, or NULL when t does not hold it. */
static inline const sr_tg_slot *sr_tg_find(const sr_tg_table *t, uint64_t key)
{
    uint32_t fp = sr_tg_fingerprint(key), s = sr_tg_home(fp, t->bits), d = 0;
    for (;;) {
        const sr_tg_slot *x = &t->slots[s];
        if (x->fp == fp)
            return x;
        if (x->fp == 0 || ((s - sr_tg_home(x->fp, t->bits)) & t->mask) < d)
            return NULL;
        s = (s + 1) & t->mask;
        d++;
    }
}

/*
** Insert fp -> row into slots[0..mask] (Robin Hood order).  Returns 0, or
** -1 when fp is already there.  The table must have a free slot.
*/
int sr_tg_insert(sr_tg_slot *slots, uint32_t mask, unsigned bits, uint32_t fp, uint32_t row);

/* Add the weights of keys[0..n) into scores (one int32 per class). */
void sr_tg_table_score(const sr_tg_table *t, const uint64_t *keys, size_t n, int32_t *scores);

/* The tag-dictionary class of a word, or -1. */
int sr_tg_dict_lookup(const sr_tagger *t, uint64_t exact);

/* Flags (SR_TGC_*) of a class from its UPOS and XPOS. */
uint8_t sr_tg_class_flags(int upos, const char *xpos);

/*
** Tag words[0..n) into cls (POS class ids) and fid (FEATS ids; when fid
** is NULL, no FEATS are predicted).  The decoding core shared by
** sr_tagger_tag, the supertagger and training's evaluation.
*/
void sr_tg_decode(const sr_tagger *t, const sr_tg_word *words, size_t n, uint8_t *cls,
                  uint8_t *fid);

/*
** Prepare and decode the words of s: cls[0..n) and (unless fid is NULL)
** fid[0..n) as sr_tg_decode gives them.  Long sentences take scratch
** memory from a.
*/
void sr_tg_tag_words(const sr_tagger *t, const sr_sentence *s, uint8_t *cls, uint8_t *fid,
                     sr_arena *a);

/*
** sr_tg_tag_words with words[0..n) from sr_tagger_words (NULL: prepare
** them here): their lexicon bits are set for t before decoding, so the
** same words can go to another model next.
*/
void sr_tg_tag_shared(const sr_tagger *t, const sr_sentence *s, sr_tg_word *words, uint8_t *cls,
                      uint8_t *fid, sr_arena *a);

#endif
