/*
** dict.h: verb dictionaries and the CAMEO ontology table.
**
** A verb dictionary maps verbs, and patterns of words around a verb, to
** CAMEO event codes.  Two file formats load into the same structure:
**
**   - sitrep's own lexicon (data/verbs/NAME.txt, docs/verb-format.md): one
**     entry per line, "verb word word ... CODE";
**   - the PETRARCH/TABARI verb dictionary format (CAMEO.2.0.txt): verb
**     blocks "--- NAME [CODE] ---" with synonym verbs, {irregular forms},
**     patterns "- words * words [CODE]" and synsets "&NAME" / "+phrase".
**
** Everything is loaded once and read-only afterwards, so one dictionary
** can be shared by any number of threads.  The structure is exposed here
** because the coder walks it directly; other code should treat it as
** opaque.
**
** The ontology table (data/ontology/cameo.tsv, written by
** tools/gen-ontology) gives every CAMEO code its name, Goldstein score,
** quad class and PLOVER type and mode.
*/
#ifndef SR_DICT_H
#define SR_DICT_H

#include <stddef.h>
#include <stdint.h>

#include "sitrep.h"
#include "util/arena.h"

#define SR_NOWORD UINT32_MAX
#define SR_GAP_ANY 255   /* any number of words may intervene (within the clause) */
#define SR_GAP_LEXICON 6 /* what "..." allows in sitrep's own lexicon */
#define SR_WORD_MAX 64   /* longest word (bytes) the dictionary can hold */

/* ------------------------------------------------------------------ */
/* The CAMEO ontology table.                                          */

typedef struct sr_cameo {
    const char *code; /* "042" */
    const char *name; /* "Make a visit" */
    double goldstein;
    int quad_class;      /* 1..4 */
    const char *plover;  /* "CONSULT", or NULL (root 01 has none) */
    const char *mode;    /* "visit", or NULL */
    const char *context; /* PLOVER context ("military", "diplomatic"), or NULL */
} sr_cameo;

typedef struct sr_ontology sr_ontology;

/* Load the table at path (data/ontology/cameo.tsv). */
sr_ontology *sr_ontology_open(const char *path, sr_error *err);
void sr_ontology_free(sr_ontology *o);
/* The entry for code, or NULL when the table has none. */
const sr_cameo *sr_ontology_get(const sr_ontology *o, const char *code);
size_t sr_ontology_count(const sr_ontology *o);
/* The i-th entry in code order, or NULL past the end. */
const sr_cameo *sr_ontology_at(const sr_ontology *o, size_t i);

/* ------------------------------------------------------------------ */
/* Verb dictionaries.                                                 */

/* What one pattern element stands for. */
enum sr_pat_kind {
    SR_PAT_WORD = 1, /* a word (id) */
    SR_PAT_SYNSET,   /* any phrase of a synset (id) */
    SR_PAT_TARGET,   /* an actor mention, taken as the target ("+") */
    SR_PAT_SOURCE,   /* an actor mention, taken as the source ("$") */
    SR_PAT_COMPOUND, /* an actor mention of a reciprocal pattern ("%") */
    SR_PAT_SKIP,     /* a noun phrase passed over ("^"): an actor mention or a noun */
    SR_PAT_CLASS     /* a noun (or actor, pronoun) of one of the noun classes in the mask id
                        ("@location", src/dict/nounclass.h) */
};

/*
** A noun-class constraint on an argument of an entry ("obj:person|group",
** "with:person"): the argument must be a noun, actor or pronoun of one of
** the classes of mask (bits of enum sr_nclass).
*/
typedef struct sr_argcons {
    uint32_t prep; /* word id of the preposition, or SR_NOWORD: the direct object */
    uint32_t mask;
} sr_argcons;

/*
** One element of a pattern.  Elements are stored outward from the verb:
** the words before the verb nearest first, the words after it nearest
** first.  gap is how many words may separate the element from its
** neighbour on the verb side (0: adjacent, SR_GAP_ANY: any).
*/
typedef struct sr_pat_elem {
    uint8_t kind;
    uint8_t gap;
    uint32_t id;
} sr_pat_elem;

/* A pattern: words around a verb of a group, and the code it gives. */
typedef struct sr_pattern {
    uint32_t group;
    uint32_t pre, npre;       /* elements before the verb, in elems[] */
    uint32_t post, npost;     /* elements after the verb, in elems[] */
    const char *code;         /* CAMEO code, or NULL for the null code "---" */
    const char *code2;        /* code of the reverse event (target to source), or NULL */
    const char *rule;         /* "file:line" */
    uint16_t weight;          /* how much it matches: longer patterns win */
    uint8_t mutual;           /* reciprocal: "X and Y met" codes X-Y and Y-X */
    uint8_t target;           /* the phrase's last words name the target ("expel ... diplomat") */
    uint32_t preps, npreps;   /* prepositions that introduce the target ("target:on|against"),
                                 word ids in words_of[]; none: the coder's defaults */
    uint32_t spreps, nspreps; /* prepositions that introduce the source ("source:from"): the
                                 subject is then the target; none: the subject is the source */
    uint32_t cons, ncons;     /* noun-class constraints on arguments, in argcons[] */
    uint16_t nclass;          /* constraints and "@class" words: at equal weight, the pattern
                                 with fewer comes first (words are more exact than classes) */
} sr_pattern;

/* A verb: a head word with optional particles, in a pattern group. */
typedef struct sr_verb {
    uint32_t lemma; /* word id of the base form */
    uint32_t group;
    uint32_t pre, npre;   /* particle word ids before the head, nearest first, in words_of[] */
    uint32_t post, npost; /* particle word ids after the head, nearest first */
    const char *code;     /* the bare verb's code, or NULL */
    const char *code2;    /* code of the reverse event, or NULL */
    const char *rule;
    uint8_t mutual;
    uint8_t noun;             /* an event noun ("attack", "talks"), matched on nouns only */
    uint32_t preps, npreps;   /* target prepositions of the bare entry, as in sr_pattern */
    uint32_t spreps, nspreps; /* source prepositions of the bare entry, as in sr_pattern */
} sr_verb;

/* A synset: phrases of consecutive words. */
typedef struct sr_synset {
    const char *name;
    uint32_t phrase, nphrase; /* in phrases[] */
} sr_synset;

typedef struct sr_phrase {
    uint32_t start, len; /* word ids in words_of[] */
} sr_phrase;

/* An interned lower-case word. */
typedef struct sr_word {
    const char *s;
    uint32_t len;
    uint32_t base;          /* the word it inflects (lexicon words), or its own id */
    uint32_t verbs, nverbs; /* verbs this word is a form of, in form_verbs[] */
    uint8_t inflected;      /* its inflections were added (sr_dict_add_inflections) */
} sr_word;

typedef struct sr_group {
    uint32_t pattern, npattern; /* in patterns[], file order */
} sr_group;

typedef struct sr_verbdict {
    sr_arena strings;
    sr_word *words;
    uint32_t nwords, capwords;
    uint32_t *hash; /* open addressing: word id + 1, 0 empty */
    uint32_t hashcap;
    sr_verb *verbs;
    uint32_t nverbs, capverbs;
    sr_pattern *patterns;
    uint32_t npatterns, cappatterns;
    sr_pat_elem *elems;
    uint32_t nelems, capelems;
    uint32_t *words_of; /* particle and phrase word ids */
    uint32_t nwords_of, capwords_of;
    sr_synset *synsets;
    uint32_t nsynsets, capsynsets;
    sr_phrase *phrases;
    uint32_t nphrases, capphrases;
    sr_group *groups;
    uint32_t ngroups, capgroups;
    sr_argcons *argcons; /* noun-class constraints of patterns */
    uint32_t nargcons, capargcons;
    uint32_t *form_verbs; /* verb ids grouped by form */
    uint64_t *pairs;      /* (form << 32 | verb) while loading */
    uint32_t npairs, cappairs;
    uint32_t skipped; /* PETRARCH patterns that could not be used */
    int inflect;      /* pattern words match inflected tokens (own lexicon) */
    int finished;
} sr_verbdict;

sr_verbdict *sr_verbdict_new(int inflect);
void sr_verbdict_free(sr_verbdict *d);

/*
** Load one file of sitrep's lexicon.  rule_name is how rules cite it
** ("verbs/core.txt"); onto (may be NULL) checks every code.  Returns 0, or
** -1 with err naming the file and line.
*/
int sr_verbdict_load_lexicon(sr_verbdict *d, const char *path, const char *rule_name,
                             const sr_ontology *onto, sr_error *err);
/* Load every *.txt under dir (sorted by name); rules cite "verbs/NAME". */
int sr_verbdict_load_lexicon_dir(sr_verbdict *d, const char *dir, const sr_ontology *onto,
                                 sr_error *err);
/* Load a PETRARCH/TABARI verb dictionary. */
int sr_verbdict_load_petrarch(sr_verbdict *d, const char *path, sr_error *err);
/* Build the lookup tables; call once after loading. */
void sr_verbdict_finish(sr_verbdict *d);

/* ASCII lower-case copy of s[0..len) into buf[SR_WORD_MAX + 1]; 0 when empty or too long. */
size_t sr_dict_lower(const char *s, size_t len, char *buf);

/* Id of the word s[0..len) compared case-insensitively, or SR_NOWORD. */
uint32_t sr_verbdict_word(const sr_verbdict *d, const char *s, size_t len);

/* Counts, for tests and reports. */
typedef struct sr_verbdict_stats {
    size_t verbs, patterns, synsets, forms, skipped;
} sr_verbdict_stats;
void sr_verbdict_stats_get(const sr_verbdict *d, sr_verbdict_stats *st);

/* Regular English inflections of a verb lemma (lower case): calls add() per form. */
void sr_inflect_verb(const char *lemma, void (*add)(void *ctx, const char *form), void *ctx);
/* Regular plural of a noun (lower case) into out (size cap). */
void sr_inflect_plural(const char *noun, char *out, size_t cap);

#endif
