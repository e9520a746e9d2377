/*
** words.h: the closed-class knowledge of the tree coder, as data.
**
** data/code/words.txt names the small word classes the coder's rules
** depend on (speech verbs, negators, modal auxiliaries, verbs that negate
** or defer their complement, light verbs); data/code/modality.txt says
** which code a negated, future, conditional or intended act takes, and
** data/code/complement.txt which code an appeal, demand or offer takes by
** what it asks or offers.  All are read once, read-only afterwards, and every answer carries the
** FILE:LINE that gave it, so that each event names the rules that made it.
*/
#ifndef SR_CODE_WORDS_H
#define SR_CODE_WORDS_H

#include "sitrep.h"

/* Word classes (bits). */
enum {
    SR_WC_SPEECH = 1 << 0,        /* verb of saying: codes what its content reports */
    SR_WC_NEGATOR = 1 << 1,       /* not, never, no: negates the word it modifies */
    SR_WC_NEGATING = 1 << 2,      /* refuse, rule out, exclude: its complement is not done */
    SR_WC_FUTURE = 1 << 3,        /* will, shall: a future act */
    SR_WC_CONDITIONAL = 1 << 4,   /* would, could, might: a conditional act */
    SR_WC_INTEND = 1 << 5,        /* plan, intend, want: an intended act */
    SR_WC_PROMISE = 1 << 6,       /* promise, pledge, vow: a future act */
    SR_WC_LIGHT = 1 << 7,         /* launch, hold, carry out: its object noun is the event */
    SR_WC_FIRST_PERSON = 1 << 8,  /* I, we: in a quotation, the speaker */
    SR_WC_RELATIVE = 1 << 9,      /* who, which, that: a relative clause's subject is its noun */
    SR_WC_CROWD = 1 << 10,        /* thousands, crowds, protesters: civilians without a name */
    SR_WC_MILITARY = 1 << 11,     /* airstrike, drone, shelling: means only a military uses */
    SR_WC_SECTOR = 1 << 12,       /* government, ministry, army: which arm of a state speaks */
    SR_WC_AGREE = 1 << 13,        /* agree: a joint future act of its subjects, on each other */
    SR_WC_SPORT = 1 << 14,        /* cup, tournament, league: a game, where "beat" is no assault */
    SR_WC_SIDES = 1 << 15,        /* sides, parties: the two parties just named */
    SR_WC_BOTH = 1 << 16,         /* both, two: "both countries", "the two leaders" */
    SR_WC_ADDRESSEE = 1 << 17,    /* tell, inform, brief: the object is the one spoken to */
    SR_WC_PLACE_PREP = 1 << 18,   /* in, near, inside: its noun is where, not whom */
    SR_WC_AERIAL = 1 << 19,       /* warplane, drone, missile: an attack by them is aerial (195) */
    SR_WC_INSTALLATION = 1 << 20, /* base, destroyer, positions: what armed forces hold */
    SR_WC_OBLIGATION = 1 << 21,   /* must, should: what a speaker says another must do */
    SR_WC_TIME_PREP = 1 << 22,    /* after, during: its noun is when, not whom */
    SR_WC_OBJECT_PRONOUN = 1 << 23, /* him, her, them: an earlier verb's object, unresolved */
    SR_WC_NEEDS_OBJECT = 1 << 24,   /* accept, tolerate: a subject alone is MT's object first */
    SR_WC_TOLL = 1 << 25,           /* kill, injure: ", killing 19 people" counts an act's toll */
    SR_WC_COUNT = 26
};

typedef struct sr_wordclasses sr_wordclasses;

/* Load words.txt; rule_name is how rules cite it ("code/words.txt"). */
sr_wordclasses *sr_words_open(const char *path, const char *rule_name, sr_error *err);
void sr_words_free(sr_wordclasses *w);
/* Classes of word (compared ASCII case-insensitively); 0 when none. */
unsigned sr_words_classes(const sr_wordclasses *w, const char *word);
/* The FILE:LINE that put word in class cls (one SR_WC_* bit), or NULL. */
const char *sr_words_rule(const sr_wordclasses *w, const char *word, unsigned cls);
/* The bit of a class name ("speech"), 0 when unknown. */
unsigned sr_words_class_bit(const char *name);

/* The modality of an act, as events report it. */
typedef enum sr_modality {
    SR_MOD_ASSERTED = 0,
    SR_MOD_NEGATED,
    SR_MOD_FUTURE,
    SR_MOD_CONDITIONAL,
    SR_MOD_INTENDED,
    SR_MOD_COUNT
} sr_modality;

/* "asserted", "negated", ... */
const char *sr_modality_name(int m);

/*
** A code map: modality.txt ("MODALITY ACT-CODE CODE": the code an act
** takes when it is negated, future...) or complement.txt ("GOVERNOR
** COMPLEMENT CODE": the code an appeal, demand or offer takes by what it
** asks or offers).
*/
typedef struct sr_code_map sr_code_map;

/* Load a map; complement selects the complement.txt form.  Codes are checked against onto. */
struct sr_ontology;
sr_code_map *sr_codemap_open(const char *path, const char *rule_name,
                             const struct sr_ontology *onto, int complement, sr_error *err);
void sr_codemap_free(sr_code_map *m);
/*
** The code that an act of `code` takes under key (a modality name, or the
** governing code): the longest listed prefix of code.  Returns 1 with *out
** the new code (NULL: the act is not coded) and *rule the line, or 0 when
** the map lists nothing (the act keeps its code).
*/
int sr_codemap_apply(const sr_code_map *m, const char *key, const char *code, const char **out,
                     const char **rule);

#endif
