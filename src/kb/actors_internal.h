/*
** actors_internal.h: what the files of the actor finder share (not for
** use outside src/kb): limits, the per-document finder state, a parsed
** mention phrase, and the functions one file of the finder calls in
** another (prefixed ).
*/
#ifndef SR_ACTORS_INTERNAL_H
#define SR_ACTORS_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "kb/actors.h"
#include "kb/kb_internal.h"

#define MAX_KEY 512
#define MAX_RUN 5    /* words of an approximate name */
#define MAX_TITLES 4 /* title words remembered per actor */
/*
** Actors kept for coreference.  Antecedents are searched newest first, and
** an article rarely refers back past a few dozen actors; the bound keeps a
** pathological input (a 10 MB sentence of actor words) linear.
*/
#define MAX_REFERENTS 128
#define COREF_WINDOW 10  /* sentences a bare title may reach back */
#define PRONOUN_WINDOW 2 /* sentences a pronoun may reach back */
#define MAX_COUNTRIES 32 /* countries counted for salience */
#define FOR_POSTINGS(kb, slot, p)                                                                  \
    for (const kb_posting *p = (slot) && (slot)->first != KB_NONE ? &(kb)->postings[(slot)->first] \
                                                                  : NULL;                          \
         p; p = p->next == KB_NONE ? NULL : &(kb)->postings[p->next])
/* ------------------------------------------------------------------ */
/* Per-document state.                                                */

/* An actor a later title, surname or pronoun may refer back to. */
typedef struct referent {
    int32_t mention;             /* its latest mention */
    const kb_entity *entity;     /* NULL for unknown people and composed agents */
    char country[4];             /* nationality or country part of the code */
    char surname[48];            /* normalized last word of the name as written */
    char titles[MAX_TITLES][32]; /* normalized title heads seen with it */
    int ntitles;
    char gender;
    uint8_t person, plural;
    uint32_t sentence;
} referent;

/* One exact match: tokens [first, end) and the slot of their key. */
typedef struct hit {
    uint32_t first, end;
    const kb_slot *slot;
} hit;

/* How often the document has named a country so far (see salient_country). */
typedef struct country_count {
    char code[4];
    const kb_entity *entity; /* the country itself, when a mention named it */
    int32_t mention;         /* its latest mention */
    uint32_t count;
} country_count;

/*
** What a token appends to a key (see sr_kb_norm_token), normalized once per
** sentence: a name is looked up from every token it may start at, and each
** lookup appends the tokens after it again.
*/
typedef struct tok_key {
    const char *s; /* the token normalized onto an empty key */
    uint32_t len;  /* its length; MAX_KEY when it does not fit in a key */
    uint8_t lead;  /* a separator comes first: a space after a key's last word */
} tok_key;

/* One key the base knows: tokens [start, end) of the sentence and its slot. */
typedef struct run_hit {
    const kb_slot *slot;
    uint32_t end;
    int usable; /* the letters fit the case the slot demands */
} run_hit;

/*
** The keys the base knows from one start token, shortest first, as
** sr_act_longest() finds them whatever it keeps: a phrase is tried from the
** same token for a title, a name, a person and a modifier, and each try
** would build and look up the same keys again.  Filled on first use.
*/
typedef struct run_memo {
    run_hit *hits;
    uint8_t n, done;
} run_memo;

typedef struct finder {
    const sr_kb *kb;
    const char *text;
    int32_t date;
    sr_arena *a;
    sr_mention *m;
    size_t nm, capm;
    referent *refs;
    size_t nrefs, caprefs;
    /* the sentence being read */
    uint32_t si;
    const sr_sentence *s;
    char **norm;       /* normalized form of each token ("" for a lone hyphen) */
    tok_key *keyform;  /* what each token appends to a key (sr_act_append_token) */
    uint8_t *gap;      /* 1 when whitespace precedes the token */
    run_memo *runs;    /* per start token; a cache written through const finders */
    uint32_t *context; /* tokens whose words may back a fuzzy name (see context_words()) */
    uint32_t ncontext;
    int titlecase;      /* most words capitalized: a headline */
    int lowercase;      /* no word capitalized: text that shows no case to go by */
    char codes[16][24]; /* codes of organizations and countries named in the sentence */
    int ncodes;
    country_count countries[MAX_COUNTRIES]; /* countries the document named so far */
    int ncountries;
    /* the modifier of the last composed agent ("Danish media"), for "and government" */
    uint32_t shared_si, shared_end;
    hit shared_mod;
    const kb_entity *shared_entity;
    char shared_code[24], shared_sector[8];
} finder;

/* A parsed mention phrase. */
typedef struct phrase {
    uint32_t start, end;
    int det; /* "the" before it */
    hit mod; /* modifier: country or organization */
    const kb_entity *mod_entity;
    char mod_code[24];
    char mod_sector[8];        /* the sector a metonym modifier carries: GOV of "the White House" */
    const kb_entity *prefix;   /* a prefix agent before the modifier: MSF of "MSF Arnor" */
    const char *prefix_sector; /* its code: NGO */
    uint32_t title_start, title_end;
    int pieces;          /* title phrases read: "deputy" + "foreign minister" is 2 */
    int former;          /* "former": a former office holder, sector ELI */
    int post_mod;        /* the modifier follows the title: "soldiers from Gondor" */
    char title[64];      /* normalized title phrase */
    char title_head[32]; /* its last word */
    const char *title_sector;
    char title_gender;
    const kb_slot *title_slot; /* title phrase in the base, if any */
    const kb_entity *agent;    /* agent entity of the title, if any */
    uint32_t name_start, name_end;
} phrase;

/*
** Whether s is one of list[0..n).  First letters are compared before the
** strings: these closed lists are looked up for nearly every token.
*/
static inline int act_one_of(const char *s, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (list[i][0] == s[0] && strcmp(list[i], s) == 0)
            return 1;
    return 0;
}

/* A built-in honorific or rank (actors_words.c). */
typedef struct honorific {
    const char *word;
    const char *sector; /* "" when it says nothing about the sector */
    char gender;        /* 'm', 'f' or 0 */
} honorific;

/* Generic titles: they fit any person in coreference ("the Russian leader"). */
int sr_act_generic_title(const char *w);

/* The built-in honorific or rank written norm ("mr", "gen."), or NULL. */
const honorific *sr_act_find_honorific(const char *norm);

/* Words that begin sentences capitalized but are never part of a name. */
int sr_act_stop_word(const char *norm);

/* The form of token k ("" when the segmenter left none). */
const char *sr_act_form(const finder *f, uint32_t k);
/*
** sr_kb_norm_append of token k's form onto key[0..n) (capacity cap),
** from the token's normal form computed once per sentence: the same bytes
** and the same length, or cap when the key does not fit.
*/
size_t sr_act_append_token(const finder *f, uint32_t k, char *key, size_t n, size_t cap);

/* The normalized key of tokens [i, j) of the sentence into buf; its length. */
size_t sr_act_range_key(const finder *f, uint32_t i, uint32_t j, char *buf, size_t cap);

/* Whether a token has a letter or digit (a name cannot start on punctuation). */
int sr_act_wordlike(const char *norm);

/*
** The longest run of tokens from i whose key is in the base and that
** passes keep (which may be NULL); hit.slot is NULL when there is none.
*/
hit sr_act_longest(const finder *f, uint32_t i, int (*keep)(const sr_kb *, const kb_slot *));

/* The entity a posting names. */
const kb_entity *sr_act_ent(const sr_kb *kb, const kb_posting *p);

/* Whether e is a person (see kb_personlike). */
int sr_act_person(const sr_kb *kb, const kb_entity *e);

/* Whether a non-person entity can modify a title: it has a code. */
int sr_act_polity(const sr_kb *kb, const kb_entity *e);

/* Postings that name an entity on their own. */
int sr_act_naming_kind(int kind);

/* longest() filters: a key naming a person, a modifier, a title, or anything. */
int sr_act_keep_person(const sr_kb *kb, const kb_slot *s);

int sr_act_keep_modifier(const sr_kb *kb, const kb_slot *s);

int sr_act_keep_title(const sr_kb *kb, const kb_slot *s);

int sr_act_keep_naming(const sr_kb *kb, const kb_slot *s);

/* Whether token i is capitalized (or tagged PROPN), as the words of a name are. */
int sr_act_capitalized(const finder *f, uint32_t i);

/* Whether token i is a lone hyphen or dash. */
int sr_act_hyphen(const finder *f, uint32_t i);

/* Append a mention covering tokens [first, last) of the current sentence. */
int32_t sr_act_emit(finder *f, uint32_t first, uint32_t last, const char *code, const char *name,
                    const kb_entity *e, const char *sector, int kind, int32_t antecedent);

/* The text of tokens [i, j) as written, in the arena. */
const char *sr_act_surface(finder *f, uint32_t i, uint32_t j);

/* Remember an actor for coreference; returns it. */
referent *sr_act_remember(finder *f, int32_t mention, const kb_entity *e, const char *country,
                          int person, int plural, char gender);

/* Remember a title head word an actor was called by ("admiral"). */
void sr_act_add_title_word(referent *r, const char *w);

void sr_act_note_country(finder *f, const char *code, const kb_entity *e, int32_t mention);

/*
** The country the document is about so far: named at least twice and at
** least twice as often as any other.  NULL when no country stands out, as
** in a one-sentence text or a story of two countries.
*/
const country_count *sr_act_salient_country(const finder *f);

/* The most recent referent of entity e, or NULL. */
referent *sr_act_referent_of(finder *f, const kb_entity *e);

/* Whether entity e held, at any time, a role whose code starts with prefix. */
int sr_act_has_code_prefix(const sr_kb *kb, const kb_entity *e, const char *prefix);

/* Whether word w (normalized) occurs in any role title of e. */
int sr_act_title_mentions(const sr_kb *kb, const kb_entity *e, const char *w);

/* The role titles of one entity, normalized once for many look-ups. */
typedef struct act_titles {
    const sr_kb *kb;
    const kb_entity *e;
    int done;     /* buf is filled */
    int complete; /* 0: they did not fit buf */
    size_t len;
    char buf[2048]; /* NUL-terminated titles, then an empty one */
} act_titles;

/* Start tt for the titles of e (normalized on the first look-up). */
void sr_act_titles_init(const sr_kb *kb, const kb_entity *e, act_titles *tt);

/* Whether word w (normalized) occurs in any role title of tt's entity. */
int sr_act_titles_mention(act_titles *tt, const char *w);

/* Whether e held a role of sector s. */
int sr_act_has_sector(const sr_kb *kb, const kb_entity *e, const char *s);

/* The code of e on the finder's date into buf. */
const char *sr_act_code_of(finder *f, const kb_entity *e, char *buf, size_t cap,
                           const char **sector);

/* The country an entity belongs to (nationality, or its code's country). */
void sr_act_country_of(const sr_kb *kb, const kb_entity *e, int32_t date, char out[4]);

/* Words too common to count as context. */
int sr_act_weak_word(const char *w);

/*
** How much the sentence supports reading the name at tokens [ns, ne) as
** entity e: a title before it that fits e's offices (+1), a nationality or
** organization that fits its roles (+1), words of its office titles
** elsewhere in the sentence (+1 each, at most 2).
*/
int sr_act_support(finder *f, const phrase *ph, const kb_entity *e, uint32_t ns, uint32_t ne);

/*
** Resolve tokens [ns, ne) to a person by phonetic key and bounded edit
** distance.  An exact phonetic match of a long enough name is taken as
** is; anything weaker must be backed by the context (support()) in
** proportion to the distance, so an unrelated name one letter away from a
** leader's ("Mr. Pution") is never taken for it.  Returns NULL when no
** single person qualifies.
*/
const kb_entity *sr_act_fuzzy_person(finder *f, const phrase *ph, uint32_t ns, uint32_t ne);

/*
** The best posting of slot among those accept() takes: the strongest kind
** of name, then an entity the document already mentioned, then one with a
** role on the date.  NULL when nothing is accepted or a surname is shared
** by people that nothing tells apart.
*/
const kb_posting *sr_act_choose(finder *f, const kb_slot *slot,
                                int (*accept)(const sr_kb *, const kb_posting *));

/* choose() filters: a person, a modifier, anything named but an agent word. */
int sr_act_accept_person(const sr_kb *kb, const kb_posting *p);

int sr_act_accept_modifier(const sr_kb *kb, const kb_posting *p);

int sr_act_accept_naming(const sr_kb *kb, const kb_posting *p);

/* The code an entity named by posting p carries: a metonym's own code, or its code on the date. */
const char *sr_act_named_code(finder *f, const kb_posting *p, char *buf, size_t cap,
                              const char **sector);

/* Codes of the countries and organizations the sentence names (context for support()). */
void sr_act_sentence_codes(finder *f);

/* Words that may stand before a title: "first deputy prime minister", "former official". */
int sr_act_title_modifier(const char *norm);

/*
** Read title pieces from t (at most MAX_TITLES), skipping modifiers such as
** "first" or "former" that a title follows.  allow_honorific: 1 always,
** 0 never, -1 when the piece is capitalized or the phrase began with "the".
** Returns the token after the titles, or t.
*/
uint32_t sr_act_read_titles(finder *f, uint32_t t, phrase *ph, int allow_honorific);

/*
** The office holder on the date for the title phrase of ph, under its
** modifier ("the US president") or, without one, when one person alone
** holds an office of that title then ("the chairman of the Joint Chiefs
** of Staff").  When several qualify under a modifier, the one whose office
** title names the modifier wins ("the European Commission president").
*/
const kb_entity *sr_act_office_holder(finder *f, const phrase *ph, const kb_role **role);

/* The most recent person referent a bare title phrase may mean, or NULL. */
referent *sr_act_title_antecedent(finder *f, const phrase *ph);

/* Emit a mention that repeats referent r's actor, and make it r's latest. */
int32_t sr_act_emit_repeat(finder *f, referent *r, uint32_t first, uint32_t last, int kind);

/* Pronouns we resolve: 'm', 'f' or 'p' (plural), or 0. */
char sr_act_pronoun(const char *norm);

/* Link a pronoun at token i to the most recent compatible actor. */
uint32_t sr_act_read_pronoun(finder *f, uint32_t i, char which);

/* The earlier person whose written surname is the name at [ns, ne), or NULL. */
referent *sr_act_surname_antecedent(finder *f, uint32_t ns, uint32_t ne);

/* Whether token k is a capitalized word the base does not know (part of some other name). */
int sr_act_unknown_capital(const finder *f, uint32_t k);

/*
** Whether the name at tokens [a, b) is only part of a longer proper name
** the base does not know: "Paris Hilton", "Denzel Washington", "Warsaw
** Pact", "Sea of Azov", "Moscow, Idaho".
*/
int sr_act_inside_other_name(const finder *f, uint32_t a, uint32_t b);

/* Emit a named country, organization, place or group over [first, last). */
uint32_t sr_act_emit_named(finder *f, const kb_posting *p, uint32_t first, uint32_t last);

/*
** The code a modifier and a title compose: RUS + MIL, or NGO + RUS for
** prefix agents; with no modifier the country is CAMEO's null "---"
** ("---GOV"), except before a prefix agent's code, which stands alone.
*/
void sr_act_compose(const phrase *ph, char *code, size_t cap);

/*
** The sector a metonym modifier carries beyond its entity's code: GOV of
** "the White House | USAGOV" before "officials".  Only for a modifier that
** is not a place ("officials in the White House" are at it).
*/
void sr_act_metonym_sector(const finder *f, const kb_posting *mp, phrase *ph);

/* Whether token k is an agent word or title (the start of one in the base, or an honorific). */
int sr_act_title_word_at(const finder *f, uint32_t k);

/*
** A title with no name after it: office holder, earlier actor, or composed
** agent.  A country after "of", "from", "in" is tried as its modifier, and
** let go again when the title says nothing with it.
*/
uint32_t sr_act_title_only(finder *f, phrase *ph);

/* A capitalized name after a title or modifier that the base lacks: an unknown person. */
uint32_t sr_act_unknown_person(finder *f, phrase *ph, uint32_t ns, uint32_t ne);

/*
** The name part of a phrase at p: an exact person name, an earlier
** person's surname, a person by approximate match, or an unknown titled
** person.  Returns the token after the phrase, or 0 when there is no name.
*/
uint32_t sr_act_read_name(finder *f, phrase *ph, uint32_t p);

/* Articles before a mention phrase. */
int sr_act_determiner(const char *norm);

/*
** Whether a capitalized title word is only the start of a longer proper
** name ("Military Committee", "General Staff"): the next word is
** capitalized too and is no name the base knows.
*/
int sr_act_inside_proper_name(finder *f, const phrase *ph);

/* Whether a person's key is only a surname taken from a longer name. */
int sr_act_lone_surname(finder *f, const kb_slot *slot);

/*
** Whether the word before a lone surname at p is, give or take a letter or
** two, the first name of the person the surname names ("Dmitri Peskov").
*/
int sr_act_first_name_before(finder *f, uint32_t p, const kb_slot *slot);

/*
** Whether the word before a one-word name at p is surely a first name of
** someone else ("Brigitte Macron"): tagged PROPN, or capitalized inside
** the sentence and unknown to the base.
*/
int sr_act_other_first_name(const finder *f, uint32_t p);

/*
** The capitalized run from p holds a name of the base inside a longer
** name ("Dan Kane" holds "Dan"): the run as a whole may still be a person
** by approximate match; else it is skipped.  Returns where to continue.
*/
uint32_t sr_act_other_name(finder *f, phrase *ph, uint32_t p, uint32_t min_end);

/*
** After a possessive, the adjectives before a title: "Ithilen's awful and
** evil minister", "Ukraine's embattled president".  With tags, up to four
** ADJ words, commas and "and"; without, only adjectives joined by "and"
** (lowercase words that are no function words), so that "Russia's attacks
** killed soldiers" stays apart.  Returns the token where the title must
** start, or p when there is none.
*/
uint32_t sr_act_skip_adjectives(const finder *f, uint32_t p);

/* The prefix agent (NGO~ in PETRARCH's dictionaries) a title key names, or NULL. */
const kb_entity *sr_act_prefix_agent(const finder *f, const kb_slot *slot);

/* "MSF Arnor": a prefix agent and its modifier with no title after them (NGO + ARN). */
uint32_t sr_act_emit_prefixed(finder *f, phrase *ph, uint32_t end);

#endif
