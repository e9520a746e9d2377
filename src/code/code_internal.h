/*
** code_internal.h: what the files of src/code share (not for use outside).
**
** The tree coder (tree.c and its helpers) finds lexicon entries in a
** sentence by a token's word and lemma ids, then the heaviest pattern of
** the verb or noun that matches the words around it (match.c).  The coder
** object holds the read-only knowledge it uses.
*/
#ifndef SR_CODE_INTERNAL_H
#define SR_CODE_INTERNAL_H

#include <stdint.h>

#include "code/coder.h"
#include "code/words.h"
#include "dict/dict.h"
#include "dict/nounclass.h"

struct sr_coder {
    sr_ontology *onto;
    sr_verbdict *dict;
    sr_wordclasses *words; /* closed-class words (data/code/words.txt) */
    sr_code_map *modmap;   /* codes of negated and future acts (data/code/modality.txt) */
    sr_code_map *compmap;  /* codes of appeals and offers by their complement (complement.txt) */
    sr_nounclass *nclass;  /* WordNet's noun classes (build/data/nounclass.bin), or NULL */
};

/* What the coders know of one token of the sentence being coded. */
typedef struct tokinfo {
    uint32_t word;     /* dictionary id of the lower-cased form, or SR_NOWORD */
    uint32_t base;     /* id of its lemma (tagger's, else the dictionary's), or SR_NOWORD */
    int32_t mention;   /* index in the document's mentions of the one covering it, or -1 */
    uint8_t quote;     /* inside quotation marks */
    uint8_t verb_head; /* a verb: pattern gaps may not cross it */
    uint8_t adv;       /* an adverb: may stand anywhere inside a lexicon phrase */
    uint8_t used;      /* a word of an earlier entry's phrase */
} tokinfo;

/* The tokens of one sentence as the matcher sees them. */
typedef struct match_ctx {
    const sr_verbdict *d;
    const sr_mention *mentions; /* the document's */
    const tokinfo *ti;
    uint32_t n;
    const sr_token *tokens; /* the sentence's tokens: tags and tree */
    const sr_nounclass *nc; /* noun classes for class constraints, or NULL */
    int32_t head;           /* the predicate's token, whose dependents constraints read */
    uint32_t nmentions;     /* the document's mentions (ti[].mention below this) */
} match_ctx;

/* The entry that matched at a verb or noun, and where its words fell. */
typedef struct phrase_hit {
    const char *code, *code2, *rule; /* code2: the reverse event's (PETRARCH [A:B]) */
    uint32_t tstart, tend;           /* trigger tokens [tstart, tend): head and pattern words */
    int32_t slot_src, slot_tgt;      /* mentions fixed by a pattern's $ and + slots, or -1 */
    const uint32_t *preps;           /* target prepositions (word ids), or NULL */
    uint32_t npreps;
    const uint32_t *spreps; /* source prepositions ("receive ... from"), or NULL */
    uint32_t nspreps;
    uint8_t mutual, phrase_target, matched_pattern;
} phrase_hit;

/* The dictionary entries token k may be a form of (by its form, else its lemma). */
const uint32_t *sr_match_entries(const match_ctx *m, uint32_t k, uint32_t *n);
/* Do the particles of v stand around token k? */
int sr_match_particles(const match_ctx *m, const sr_verb *v, uint32_t k);
/*
** Code entry v at words [start, end): the heaviest of its patterns that
** matches within tokens [lo, hi), else its bare code.
*/
void sr_match_code(const match_ctx *m, const sr_verb *v, uint32_t start, uint32_t end, int lo,
                   int hi, phrase_hit *h);

/*
** The mentions of sentence s, [*m0, *m1), searching from index from (they
** come in sentence order); returns *m1, where the next sentence's start.
*/
size_t sr_code_sentence_mentions(const sr_code_input *in, size_t s, size_t from, size_t *m0,
                                 size_t *m1);

/* Quad class of a code the ontology does not list, from its root (0 when none). */
int sr_code_quad_of_root(const char *code);
/* Is code an act of force: assault, fight or mass violence (roots 18-20)? */
int sr_code_force(const char *code);

#endif
