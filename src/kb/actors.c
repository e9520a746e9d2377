/*
** actors.c: finding and resolving actor mentions (see actors.h).
**
** Each sentence is read left to right.  At every token the finder tries
** to read one mention phrase:
**
**     [the] [MODIFIER ['s]] [TITLE...] [NAME]
**
** MODIFIER is a country or organization, by name or adjective ("Russian",
** "NATO", "Ukraine's"); TITLE is an office title or agent word ("Foreign
** Minister", "troops", "General"); NAME is a name from the base, matched
** exactly (longest match over normalized tokens) or, for people,
** approximately with the sentence as supporting context.  What the phrase
** holds decides what it means: a known name is that entity with the role
** it held on the date; a modifier and a title without a name is the
** office holder of the day ("the US president") or a composed agent
** ("Russian troops" = RUS + MIL); a titled name not in the base is an
** unknown person coded from the modifier and the title.  Definite titles,
** surnames and pronouns left over are linked to the most recent
** compatible actor of the document.
**
** Codes follow CAMEO: an agent with no country is "---GOV"; a sector is
** written once, the branch of the state winning over GOV ("White House
** security officials": USACOP); an agent is shared by a list of countries
** after it ("lawmakers in Fornost and Gondor").  A bare state institution
** ("the government") takes the country the document is about when one
** stands out (salient_country).  An agent word that only modifies another
** noun ("military aid", "police station") is no actor.
*/
#include "kb/actors.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "kb/kb_internal.h"
#include "util/util.h"

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

/* ------------------------------------------------------------------ */
/* Built-in honorifics and ranks: used when the base has no such word. */

typedef struct honorific {
    const char *word;
    const char *sector; /* "" when it says nothing about the sector */
    char gender;        /* 'm', 'f' or 0 */
} honorific;

static const honorific honorifics[] = {
    {"mr", "", 'm'},
    {"mrs", "", 'f'},
    {"ms", "", 'f'},
    {"miss", "", 'f'},
    {"dr", "", 0},
    {"sir", "", 'm'},
    {"dame", "", 'f'},
    {"lord", "", 'm'},
    {"lady", "", 'f'},
    {"prof", "", 0},
    {"professor", "EDU", 0},
    {"admiral", "MIL", 0},
    {"vice admiral", "MIL", 0},
    {"rear admiral", "MIL", 0},
    {"general", "MIL", 0},
    {"gen", "MIL", 0},
    {"lieutenant general", "MIL", 0},
    {"major general", "MIL", 0},
    {"lieutenant", "MIL", 0},
    {"lt", "MIL", 0},
    {"colonel", "MIL", 0},
    {"col", "MIL", 0},
    {"major", "MIL", 0},
    {"maj", "MIL", 0},
    {"captain", "MIL", 0},
    {"capt", "MIL", 0},
    {"marshal", "MIL", 0},
    {"field marshal", "MIL", 0},
    {"commander", "MIL", 0},
    {"sergeant", "MIL", 0},
    {"sgt", "MIL", 0},
    {"brigadier", "MIL", 0},
    {"senator", "LEG", 0},
    {"sen", "LEG", 0},
    {"rep", "LEG", 0},
    {"congressman", "LEG", 'm'},
    {"congresswoman", "LEG", 'f'},
    {"governor", "GOV", 0},
    {"gov", "GOV", 0},
    {"president", "GOV", 0},
    {"vice president", "GOV", 0},
    {"minister", "GOV", 0},
    {"prime minister", "GOV", 0},
    {"premier", "GOV", 0},
    {"chancellor", "GOV", 0},
    {"secretary", "GOV", 0},
    {"ambassador", "GOV", 0},
    {"envoy", "GOV", 0},
    {"spokesman", "GOV", 'm'},
    {"spokeswoman", "GOV", 'f'},
    {"spokesperson", "GOV", 0},
    {"king", "GOV", 'm'},
    {"queen", "GOV", 'f'},
    {"prince", "ELI", 'm'},
    {"princess", "ELI", 'f'},
    {"sheikh", "", 'm'},
    {"pope", "REL", 'm'},
    {"cardinal", "REL", 'm'},
    {"archbishop", "REL", 'm'},
    {"bishop", "REL", 'm'},
    {"rabbi", "REL", 0},
    {"imam", "REL", 'm'},
    {"ayatollah", "REL", 'm'},
    {"leader", "", 0},
    {"chief", "", 0},
    {"head", "", 0},
    {"official", "GOV", 0},
    {"diplomat", "GOV", 0},
    {"judge", "JUD", 0},
    {"mayor", "GOV", 0},
    {"deputy", "", 0},
    {"adviser", "GOV", 0},
    {"advisor", "GOV", 0},
    {"foreign minister", "GOV", 0},
    {"defense minister", "GOV", 0},
    {"defence minister", "GOV", 0},
    {"top diplomat", "GOV", 0},
    {"military chief", "MIL", 0},
    {"army chief", "MIL", 0},
    {"commander in chief", "MIL", 0},
};

/* Generic titles: they fit any person in coreference ("the Russian leader"). */
static int generic_title(const char *w)
{
    return strcmp(w, "leader") == 0 || strcmp(w, "head") == 0 || strcmp(w, "chief") == 0 ||
           strcmp(w, "official") == 0 || strcmp(w, "politician") == 0 || strcmp(w, "man") == 0 ||
           strcmp(w, "woman") == 0;
}

/* The built-in honorific or rank written norm ("mr", "gen."), or NULL. */
static const honorific *find_honorific(const char *norm)
{
    size_t n = strlen(norm);
    if (n > 1 && norm[n - 1] == '.')
        n--; /* "Mr." "Gen." */
    for (size_t i = 0; i < sizeof honorifics / sizeof honorifics[0]; i++)
        if (strncmp(honorifics[i].word, norm, n) == 0 && honorifics[i].word[n] == 0)
            return &honorifics[i];
    return NULL;
}

/* Words that begin sentences capitalized but are never part of a name. */
static int stop_word(const char *norm)
{
    static const char *const w[] = {
        "the",         "a",         "an",        "in",        "on",        "at",       "of",
        "for",         "and",       "but",       "or",        "to",        "with",     "by",
        "from",        "as",        "this",      "that",      "these",     "those",    "he",
        "she",         "it",        "they",      "we",        "i",         "you",      "his",
        "her",         "its",       "their",     "our",       "my",        "after",    "before",
        "when",        "while",     "if",        "however",   "meanwhile", "also",     "according",
        "advertising", "monday",    "tuesday",   "wednesday", "thursday",  "friday",   "saturday",
        "sunday",      "january",   "february",  "march",     "april",     "may",      "june",
        "july",        "august",    "september", "october",   "november",  "december", "said",
        "says",        "there",     "here",      "what",      "who",       "which",    "where",
        "why",         "how",       "not",       "no",        "yes",       "all",      "some",
        "earlier",     "later",     "today",     "yesterday", "tomorrow",  "now",      "then",
        "staff",       "committee", "council",   "ministry",  "office",    "house",    "forces",
        "army",        "europe"};
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        if (strcmp(w[i], norm) == 0)
            return 1;
    return 0;
}

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
    char **norm;        /* normalized form of each token ("" for a lone hyphen) */
    uint8_t *gap;       /* 1 when whitespace precedes the token */
    uint32_t *context;  /* tokens whose words may back a fuzzy name (see context_words()) */
    uint32_t ncontext;
    int titlecase;      /* most words capitalized: a headline */
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

/* ------------------------------------------------------------------ */
/* Tokens and exact matching.                                         */

/* The form of token k ("" when the segmenter left none). */
static const char *form(const finder *f, uint32_t k)
{
    const char *s = f->s->tokens[k].form;
    return s ? s : "";
}

/* The normalized key of tokens [i, j) of the sentence into buf; its length. */
static size_t range_key(const finder *f, uint32_t i, uint32_t j, char *buf, size_t cap)
{
    size_t n = 0;
    buf[0] = 0;
    for (uint32_t k = i; k < j; k++) {
        if (k > i && f->gap[k] && n > 0 && buf[n - 1] != ' ')
            n = sr_kb_norm_append(buf, n, cap, " ", 1);
        const char *t = form(f, k);
        n = sr_kb_norm_append(buf, n, cap, t, strlen(t));
        if (n == cap)
            return 0;
    }
    while (n > 0 && buf[n - 1] == ' ')
        buf[--n] = 0;
    return n;
}

/* Whether a token has a letter or digit (a name cannot start on punctuation). */
static int wordlike(const char *norm)
{
    for (const unsigned char *p = (const unsigned char *)norm; *p; p++)
        if (*p >= 0x80 || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
            return 1;
    return 0;
}

/* Whether the letters of tokens [i, j) fit the case a slot demands. */
static int case_fits(const finder *f, uint32_t i, uint32_t j, uint32_t flags)
{
    if (!(flags & (KB_S_ACRONYM | KB_S_PROPER)))
        return 1;
    int upper = 0, lower = 0;
    for (uint32_t k = i; k < j; k++)
        sr_kb_case_scan(form(f, k), &upper, &lower);
    return kb_case_ok(flags, upper, lower);
}

/*
** The longest run of tokens from i whose key is in the base and that
** passes keep (which may be NULL); hit.slot is NULL when there is none.
*/
static hit longest(const finder *f, uint32_t i, int (*keep)(const sr_kb *, const kb_slot *))
{
    hit h = {i, i, NULL};
    char key[MAX_KEY];
    size_t n = 0, prev = 0;
    if (i >= f->s->ntokens || !wordlike(f->norm[i]))
        return h;
    key[0] = 0;
    for (uint32_t j = i; j < f->s->ntokens && j < i + 12; j++) {
        if (j > i && f->gap[j] && n > 0 && key[n - 1] != ' ')
            n = sr_kb_norm_append(key, n, sizeof key, " ", 1);
        const char *t = form(f, j);
        n = sr_kb_norm_append(key, n, sizeof key, t, strlen(t));
        if (n == sizeof key)
            break;
        size_t len = n;
        while (len > 0 && key[len - 1] == ' ')
            len--;
        if (len == prev)
            continue; /* a lone hyphen adds nothing */
        prev = len;
        const kb_slot *s = sr_kb_find(f->kb, key, len);
        if (!s)
            break;
        /* "who" is not the WHO, nor "turkey" Turkey; but they may start a longer name */
        int usable = case_fits(f, i, j + 1, s->flags);
        if (usable && s->first != KB_NONE && (!keep || keep(f->kb, s))) {
            h.end = j + 1;
            h.slot = s;
        }
        if (!(s->flags & KB_S_PREFIX))
            break;
    }
    return h;
}

#define FOR_POSTINGS(kb, slot, p)                                                                  \
    for (const kb_posting *p = (slot) && (slot)->first != KB_NONE ? &(kb)->postings[(slot)->first] \
                                                                  : NULL;                          \
         p; p = p->next == KB_NONE ? NULL : &(kb)->postings[p->next])

/* The entity a posting names. */
static const kb_entity *ent(const sr_kb *kb, const kb_posting *p)
{
    return &kb->entities[p->entity];
}

/* Whether e is a person (see kb_personlike). */
static int person(const sr_kb *kb, const kb_entity *e)
{
    return kb_personlike(e, kb_str(kb, e->name));
}

/* Whether a non-person entity can modify a title: it has a code. */
static int polity(const sr_kb *kb, const kb_entity *e)
{
    if (person(kb, e) || e->type == KB_T_AGENT || e->type == KB_T_PLACE)
        return 0;
    return *kb_str(kb, e->code) != 0 || e->nroles > 0;
}

/* Postings that name an entity on their own. */
static int naming_kind(int kind)
{
    return kind == KB_P_NAME || kind == KB_P_ALIAS || kind == KB_P_VARIANT || kind == KB_P_NATIVE ||
           kind == KB_P_METONYM || kind == KB_P_DEMONYM;
}

/* longest() filters: a key naming a person, a modifier, a title, or anything. */
static int keep_person(const sr_kb *kb, const kb_slot *s)
{
    FOR_POSTINGS(kb, s, p)
    if ((naming_kind(p->kind) || p->kind == KB_P_SURNAME) && person(kb, ent(kb, p)))
        return 1;
    return 0;
}

static int keep_modifier(const sr_kb *kb, const kb_slot *s)
{
    FOR_POSTINGS(kb, s, p)
    if ((p->kind == KB_P_ADJ || p->kind == KB_P_NAME || p->kind == KB_P_ALIAS ||
         p->kind == KB_P_VARIANT || p->kind == KB_P_METONYM) &&
        polity(kb, ent(kb, p)))
        return 1;
    return 0;
}

static int keep_title(const sr_kb *kb, const kb_slot *s)
{
    FOR_POSTINGS(kb, s, p)
    if (p->kind == KB_P_TITLE || p->kind == KB_P_AGENT)
        return 1;
    return 0;
}

static int keep_naming(const sr_kb *kb, const kb_slot *s)
{
    FOR_POSTINGS(kb, s, p)
    if (naming_kind(p->kind) || p->kind == KB_P_ADJ)
        return 1;
    return 0;
}

/* Whether token i is capitalized (or tagged PROPN), as the words of a name are. */
static int capitalized(const finder *f, uint32_t i)
{
    if (i >= f->s->ntokens)
        return 0;
    const sr_token *t = &f->s->tokens[i];
    /* a tagger may call an unfamiliar name NOUN or ADJ, but never a function word */
    switch (t->upos) {
    case SR_UPOS_DET:
    case SR_UPOS_ADP:
    case SR_UPOS_PRON:
    case SR_UPOS_AUX:
    case SR_UPOS_CCONJ:
    case SR_UPOS_SCONJ:
    case SR_UPOS_PART:
    case SR_UPOS_NUM:
    case SR_UPOS_INTJ:
    case SR_UPOS_SYM:
    case SR_UPOS_VERB:
    case SR_UPOS_ADV:
        return 0;
    default:
        break;
    }
    const char *s = form(f, i);
    while (*s == '-')
        s++;
    utf8proc_int32_t c;
    if (utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &c) <= 0)
        return 0;
    utf8proc_category_t cat = utf8proc_category(c);
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

/* Whether token i is a lone hyphen or dash. */
static int hyphen(const finder *f, uint32_t i)
{
    if (i >= f->s->ntokens)
        return 0;
    return f->norm[i][0] == 0 || strcmp(f->norm[i], " ") == 0;
}

/* ------------------------------------------------------------------ */
/* Output.                                                            */

/* Append a mention covering tokens [first, last) of the current sentence. */
static int32_t emit(finder *f, uint32_t first, uint32_t last, const char *code, const char *name,
                    const kb_entity *e, const char *sector, int kind, int32_t antecedent)
{
    if (f->nm == f->capm) {
        f->capm = f->capm ? f->capm * 2 : 32;
        f->m = realloc(f->m, f->capm * sizeof *f->m);
        if (!f->m)
            sr_oom(f->capm * sizeof *f->m);
    }
    sr_mention *m = &f->m[f->nm];
    m->sentence = f->si;
    m->first = first;
    m->last = last;
    m->span.start = f->s->tokens[first].start;
    m->span.end = f->s->tokens[last - 1].end;
    m->code = sr_arena_strdup(f->a, code && *code ? code : "---");
    m->name = name;
    m->entity = e ? kb_str(f->kb, e->id) : NULL;
    m->agent = NULL;
    m->sector = sector && *sector ? sr_arena_strdup(f->a, sector) : NULL;
    m->antecedent = antecedent;
    m->kind = (uint8_t)kind;
    return (int32_t)f->nm++;
}

/* The text of tokens [i, j) as written, in the arena. */
static const char *surface(finder *f, uint32_t i, uint32_t j)
{
    uint32_t a = f->s->tokens[i].start, b = f->s->tokens[j - 1].end;
    return sr_arena_strndup(f->a, f->text + a, b - a);
}

/* Remember an actor for coreference; returns it. */
static referent *remember(finder *f, int32_t mention, const kb_entity *e, const char *country,
                          int person, int plural, char gender)
{
    for (size_t i = 0; i < f->nrefs; i++) {
        referent *r = &f->refs[i];
        if (e && r->entity == e) {
            /* The same actor again: it becomes the most recent. */
            referent keep = *r;
            memmove(r, r + 1, (f->nrefs - i - 1) * sizeof *r);
            f->refs[f->nrefs - 1] = keep;
            r = &f->refs[f->nrefs - 1];
            r->mention = mention;
            r->sentence = f->si;
            return r;
        }
    }
    if (f->nrefs == MAX_REFERENTS) {
        /* Forget the oldest actor. */
        memmove(f->refs, f->refs + 1, (f->nrefs - 1) * sizeof *f->refs);
        f->nrefs--;
    }
    if (f->nrefs == f->caprefs) {
        f->caprefs = f->caprefs ? f->caprefs * 2 : 16;
        f->refs = realloc(f->refs, f->caprefs * sizeof *f->refs);
        if (!f->refs)
            sr_oom(f->caprefs * sizeof *f->refs);
    }
    referent *r = &f->refs[f->nrefs++];
    memset(r, 0, sizeof *r);
    r->mention = mention;
    r->entity = e;
    kb_copy(r->country, sizeof r->country, country ? country : "");
    r->person = (uint8_t)person;
    r->plural = (uint8_t)plural;
    r->gender = gender;
    r->sentence = f->si;
    return r;
}

/* Remember a title head word an actor was called by ("admiral"). */
static void add_title_word(referent *r, const char *w)
{
    if (!w || !*w || r->ntitles == MAX_TITLES)
        return;
    for (int i = 0; i < r->ntitles; i++)
        if (strcmp(r->titles[i], w) == 0)
            return;
    kb_copy(r->titles[r->ntitles++], sizeof r->titles[0], w);
}

/*
** Count a mention of the country whose code starts code (a country, a
** composed agent "Georgian police", a person's nationality).  Codes that
** name no country (IGO..., NGO..., "---") are not counted.  e is the
** country's entity when the mention names it, else NULL.
*/
/*
** CAMEO region prefixes (data/kb/regions.kb).  A region ("Western
** officials") is never the country a story is about, however often it is
** named, so bare institutions ("the government") do not take it.
*/
static int is_region_code(const char *code)
{
    static const char regions[] = "AFR ARB ASA BLK CAS CAU CRB EAF EEU EUR LAM MEA NAF NMR PGS "
                                  "SAF SAM SAS SCN SEA WAF WST ";
    for (const char *r = regions; *r; r += 4)
        if (strncmp(r, code, 3) == 0)
            return 1;
    return 0;
}

static void note_country(finder *f, const char *code, const kb_entity *e, int32_t mention)
{
    if (!code || strlen(code) < 3 || strncmp(code, "IGO", 3) == 0 || strncmp(code, "NGO", 3) == 0 ||
        strncmp(code, "MNC", 3) == 0 || is_region_code(code))
        return;
    for (int i = 0; i < 3; i++)
        if (code[i] < 'A' || code[i] > 'Z')
            return;
    country_count *c = NULL;
    for (int i = 0; i < f->ncountries && !c; i++)
        if (strncmp(f->countries[i].code, code, 3) == 0)
            c = &f->countries[i];
    if (!c) {
        if (f->ncountries == MAX_COUNTRIES)
            return;
        c = &f->countries[f->ncountries++];
        memset(c, 0, sizeof *c);
        memcpy(c->code, code, 3);
    }
    c->count++;
    c->mention = mention;
    if (e && !c->entity)
        c->entity = e;
}

/*
** The country the document is about so far: named at least twice and at
** least twice as often as any other.  NULL when no country stands out, as
** in a one-sentence text or a story of two countries.
*/
static const country_count *salient_country(const finder *f)
{
    const country_count *best = NULL;
    uint32_t second = 0;
    for (int i = 0; i < f->ncountries; i++) {
        const country_count *c = &f->countries[i];
        if (!best || c->count > best->count) {
            if (best)
                second = best->count;
            best = c;
        } else if (c->count > second) {
            second = c->count;
        }
    }
    if (!best || best->count < 2 || best->count < 2 * second)
        return NULL;
    return best;
}

/* The most recent referent of entity e, or NULL. */
static referent *referent_of(finder *f, const kb_entity *e)
{
    for (size_t i = f->nrefs; i-- > 0;)
        if (f->refs[i].entity == e)
            return &f->refs[i];
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Entities on the date.                                              */

/* Whether entity e held, at any time, a role whose code starts with prefix. */
static int has_code_prefix(const sr_kb *kb, const kb_entity *e, const char *prefix)
{
    size_t n = strlen(prefix);
    if (n == 0)
        return 0;
    if (strncmp(kb_str(kb, e->code), prefix, n) == 0 ||
        strncmp(kb_str(kb, e->country), prefix, n) == 0)
        return 1;
    for (uint32_t i = 0; i < e->nroles; i++)
        if (strncmp(kb_str(kb, kb->roles[e->role_first + i].code), prefix, n) == 0)
            return 1;
    return 0;
}

/* Whether word w (normalized) occurs in any role title of e. */
static int title_mentions(const sr_kb *kb, const kb_entity *e, const char *w)
{
    size_t n = strlen(w);
    char t[256];
    for (uint32_t i = 0; i < e->nroles; i++) {
        if (!sr_kb_norm(kb_str(kb, kb->roles[e->role_first + i].title), t, sizeof t))
            continue;
        for (const char *p = t; (p = strstr(p, w)); p += n) {
            int start = p == t || p[-1] == ' ';
            int end = p[n] == 0 || p[n] == ' ' || p[n] == ',';
            if (start && end)
                return 1;
        }
    }
    return 0;
}

/* Whether e held a role of sector s. */
static int has_sector(const sr_kb *kb, const kb_entity *e, const char *s)
{
    if (!*s)
        return 0;
    for (uint32_t i = 0; i < e->nroles; i++) {
        const kb_role *r = &kb->roles[e->role_first + i];
        if (strcmp(kb_str(kb, r->sector), s) == 0 || strstr(kb_str(kb, r->code), s))
            return 1;
    }
    return 0;
}

/* The code of e on the finder's date into buf. */
static const char *code_of(finder *f, const kb_entity *e, char *buf, size_t cap,
                           const char **sector)
{
    return sr_kb_code_on(f->kb, e, f->date, buf, cap, sector);
}

/* The country an entity belongs to (nationality, or its code's country). */
static void country_of(const sr_kb *kb, const kb_entity *e, int32_t date, char out[4])
{
    if (*kb_str(kb, e->country)) {
        kb_copy(out, 4, kb_str(kb, e->country));
        return;
    }
    const kb_role *r = sr_kb_role_on(kb, e, date);
    kb_copy(out, 4, r ? kb_str(kb, r->code) : kb_str(kb, e->code));
    if (out[0] && strcmp(out, "IGO") != 0 && strcmp(out, "NGO") != 0)
        return;
    /* Someone in an international post: the country of their latest national role. */
    out[0] = 0;
    int32_t latest = -1;
    for (uint32_t i = 0; i < e->nroles; i++) {
        const kb_role *x = &kb->roles[e->role_first + i];
        const char *c = kb_str(kb, x->code);
        if (strncmp(c, "IGO", 3) == 0 || strncmp(c, "NGO", 3) == 0 || strlen(c) < 3)
            continue;
        if (x->from > latest) {
            latest = x->from;
            kb_copy(out, 4, c);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Approximate names.                                                 */

/* Words too common to count as context. */
static int weak_word(const char *w)
{
    static const char *const v[] = {"the",   "and",   "for",   "with",  "from",  "that", "this",
                                    "said",  "have",  "been",  "will",  "were",  "also", "into",
                                    "about", "after", "their", "which", "would", "other"};
    if (strlen(w) < 4)
        return 1;
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        if (strcmp(v[i], w) == 0)
            return 1;
    return 0;
}

/*
** How much the sentence supports reading the name at tokens [ns, ne) as
** entity e: a title before it that fits e's offices (+1), a nationality or
** organization that fits its roles (+1), words of its office titles
** elsewhere in the sentence (+1 each, at most 2).
*/
static int support(finder *f, const phrase *ph, const kb_entity *e, uint32_t ns, uint32_t ne)
{
    const sr_kb *kb = f->kb;
    int score = 0;
    if (ph->title[0]) {
        if ((ph->title_sector && has_sector(kb, e, ph->title_sector)) ||
            title_mentions(kb, e, ph->title_head))
            score++;
    }
    if (ph->mod_code[0] && has_code_prefix(kb, e, ph->mod_code))
        score++;
    else
        for (int i = 0; i < f->ncodes; i++)
            if (has_code_prefix(kb, e, f->codes[i])) {
                score++;
                break;
            }
    int words = 0;
    for (uint32_t k = 0; k < f->ncontext && words < 2; k++) {
        uint32_t i = f->context[k];
        if ((i >= ns && i < ne) || (i >= ph->title_start && i < ph->title_end))
            continue;
        const char *w = f->norm[i];
        char sing[64];
        size_t wl = strlen(w);
        kb_copy(sing, sizeof sing, w);
        if (wl > 4 && w[wl - 1] == 's' && wl < sizeof sing)
            sing[wl - 1] = 0; /* "chiefs" for "Chief of ..." */
        if (title_mentions(kb, e, w) || title_mentions(kb, e, sing))
            words++;
    }
    return score + words;
}

/* Length of the first word of s. */
static size_t first_word_len(const char *s)
{
    const char *sp = strchr(s, ' ');
    return sp ? (size_t)(sp - s) : strlen(s);
}

/* Whether two phonetic keys have the same consonants in the same order. */
static int same_consonants(const char *a, const char *b)
{
    for (;;) {
        while (*a && strchr("aeiou", *a))
            a++;
        while (*b && strchr("aeiou", *b))
            b++;
        if (*a != *b)
            return 0;
        if (!*a)
            return 1;
        a++;
        b++;
    }
}

/* Whether two keys of as many words differ by at most one edit in every word. */
static int word_by_word(const char *a, const char *b)
{
    for (;;) {
        size_t la = strcspn(a, " "), lb = strcspn(b, " ");
        if (sr_kb_edit_distance(a, la, b, lb, 1) > 1)
            return 0;
        a += la;
        b += lb;
        if (!*a || !*b)
            return !*a && !*b;
        a++;
        b++;
    }
}

/*
** Resolve tokens [ns, ne) to a person by phonetic key and bounded edit
** distance.  An exact phonetic match of a long enough name is taken as
** is; anything weaker must be backed by the context (support()) in
** proportion to the distance, so an unrelated name one letter away from a
** leader's ("Mr. Pution") is never taken for it.  Returns NULL when no
** single person qualifies.
*/
static const kb_entity *fuzzy_person(finder *f, const phrase *ph, uint32_t ns, uint32_t ne)
{
    const sr_kb *kb = f->kb;
    char norm[MAX_KEY], key[MAX_KEY];
    if (!range_key(f, ns, ne, norm, sizeof norm))
        return NULL;
    size_t kl = sr_kb_phonetic(norm, key, sizeof key);
    int words = sr_kb_count_words(norm);
    if (kl < 4)
        return NULL;
    uint32_t letters = sr_kb_letters(key);
    const kb_entity *best = NULL;
    int best_cost = 1000, ambiguous = 0;
    /* The fuzzy table is sorted by key length: find the first entry long enough. */
    uint32_t lo = 0, hi = kb->h->nfuzzy;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if ((size_t)kb->fuzzy[mid].keylen + 2 < kl)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (uint32_t i = lo; i < kb->h->nfuzzy && kb->fuzzy[i].keylen <= kl + 2; i++) {
        const kb_fuzzy *z = &kb->fuzzy[i];
        if (z->nwords != words)
            continue;
        /* each edit changes at most two letters of the set; names keep their first sound */
        if (__builtin_popcount(z->letters ^ letters) > 4)
            continue;
        const char *zk = kb_str(kb, z->key);
        if (zk[0] != key[0])
            continue;
        int d = sr_kb_edit_distance(key, kl, zk, z->keylen, 3);
        /* vowels vary most in romanization: Muhammad/Mohammed, Pyotr/Petro, Poutine/Putin */
        int vowels_only = d > 0 && same_consonants(key, zk);
        if (d >= 2 && vowels_only)
            d = 1;
        if (d > 2)
            continue;
        const kb_entity *e = &kb->entities[z->entity];
        const char *zn = kb_str(kb, z->norm);
        int first_exact = words >= 2 && first_word_len(zn) == first_word_len(norm) &&
                          strncmp(zn, norm, first_word_len(norm)) == 0;
        int ok;
        if (d == 0)
            ok = kl >= 5 || words >= 2;
        else {
            int sup = support(f, ph, e, ns, ne);
            if (d == 1)
                ok = words >= 2 ? (sup >= 1 || ((first_exact || vowels_only) && kl >= 10))
                                : ((kl >= 8 && sup >= 1) || (kl >= 5 && sup >= 2));
            else
                ok = words >= 2 && kl >= 8 &&
                     (sup >= 2 || ((first_exact || word_by_word(key, zk)) && sup >= 1));
        }
        if (!ok)
            continue;
        int cost = d * 2 + (z->surname ? 1 : 0);
        if (cost < best_cost) {
            best = e;
            best_cost = cost;
            ambiguous = 0;
        } else if (cost == best_cost && e != best) {
            ambiguous = 1;
        }
    }
    return ambiguous ? NULL : best;
}

/* ------------------------------------------------------------------ */
/* Choosing among the entities a key names.                           */

static int kind_rank(int kind)
{
    switch (kind) {
    case KB_P_NAME:
        return 0;
    case KB_P_ALIAS:
        return 1;
    case KB_P_VARIANT:
        return 2;
    case KB_P_NATIVE:
        return 2;
    case KB_P_METONYM:
        return 3;
    case KB_P_ADJ:
        return 4;
    case KB_P_DEMONYM:
        return 5;
    case KB_P_SURNAME:
        return 6;
    default:
        return 100;
    }
}

/*
** The best posting of slot among those accept() takes: the strongest kind
** of name, then an entity the document already mentioned, then one with a
** role on the date.  NULL when nothing is accepted or a surname is shared
** by people that nothing tells apart.
*/
static const kb_posting *choose(finder *f, const kb_slot *slot,
                                int (*accept)(const sr_kb *, const kb_posting *))
{
    const kb_posting *best = NULL;
    int best_score = -1, tie = 0;
    FOR_POSTINGS(f->kb, slot, p)
    {
        if (!accept(f->kb, p))
            continue;
        const kb_entity *e = ent(f->kb, p);
        int score = (100 - kind_rank(p->kind)) * 4;
        if (referent_of(f, e))
            score += 2;
        if (sr_kb_role_on(f->kb, e, f->date))
            score += 1;
        if (score > best_score) {
            best = p;
            best_score = score;
            tie = 0;
        } else if (score == best_score && ent(f->kb, best) != e) {
            tie = 1;
        }
    }
    if (best && tie && best->kind == KB_P_SURNAME)
        return NULL;
    return best;
}

/* choose() filters: a person, a modifier, anything named but an agent word. */
static int accept_person(const sr_kb *kb, const kb_posting *p)
{
    return (naming_kind(p->kind) || p->kind == KB_P_SURNAME) && person(kb, ent(kb, p));
}

static int accept_modifier(const sr_kb *kb, const kb_posting *p)
{
    return (p->kind == KB_P_ADJ || p->kind == KB_P_NAME || p->kind == KB_P_ALIAS ||
            p->kind == KB_P_VARIANT || p->kind == KB_P_METONYM) &&
           polity(kb, ent(kb, p));
}

static int accept_naming(const sr_kb *kb, const kb_posting *p)
{
    return (naming_kind(p->kind) || p->kind == KB_P_ADJ) && ent(kb, p)->type != KB_T_AGENT;
}

/* The code an entity named by posting p carries: a metonym's own code, or its code on the date. */
static const char *named_code(finder *f, const kb_posting *p, char *buf, size_t cap,
                              const char **sector)
{
    if (p->kind == KB_P_METONYM) {
        const char *c = kb_str(f->kb, p->aux);
        kb_copy(buf, cap, c);
        *sector = strlen(c) > 3 ? c + 3 : "";
        return buf;
    }
    return code_of(f, ent(f->kb, p), buf, cap, sector);
}

/* Codes of the countries and organizations the sentence names (context for support()). */
static void sentence_codes(finder *f)
{
    f->ncodes = 0;
    for (uint32_t i = 0; i < f->s->ntokens && f->ncodes < 16;) {
        hit h = longest(f, i, keep_naming);
        if (!h.slot) {
            i++;
            continue;
        }
        const kb_posting *p = choose(f, h.slot, accept_naming);
        if (p && !person(f->kb, ent(f->kb, p))) {
            const char *sector;
            char buf[24];
            named_code(f, p, buf, sizeof buf, &sector);
            if (buf[0])
                kb_copy(f->codes[f->ncodes++], sizeof f->codes[0], buf);
        }
        i = h.end;
    }
}

/* ------------------------------------------------------------------ */
/* Titles.                                                            */

/* The sector a title phrase contributes, and its agent entity if it is an agent word. */
static void title_info(finder *f, const kb_slot *slot, phrase *ph)
{
    FOR_POSTINGS(f->kb, slot, p)
    {
        const kb_entity *e = ent(f->kb, p);
        if (p->kind == KB_P_AGENT && ph->agent != e) {
            ph->agent = e; /* the last agent word is the head: "ministry spokeswoman" */
            if (!ph->title_sector || !*ph->title_sector)
                ph->title_sector = kb_str(f->kb, e->sector);
        } else if (p->kind == KB_P_TITLE && (!ph->title_sector || !*ph->title_sector)) {
            for (uint32_t r = 0; r < e->nroles; r++) {
                const kb_role *role = &f->kb->roles[e->role_first + r];
                if (role->title_key == p->aux && *kb_str(f->kb, role->sector)) {
                    ph->title_sector = kb_str(f->kb, role->sector);
                    break;
                }
            }
        }
    }
}

/*
** Read one title piece at p: a title or agent word of the base, else a
** built-in honorific or rank (with its abbreviation dot).  Returns the
** token after it, or p when there is none.
*/
static uint32_t read_title(finder *f, uint32_t p, phrase *ph, int allow_honorific)
{
    uint32_t n = f->s->ntokens;
    hit t = longest(f, p, keep_title);
    const honorific *hon = NULL;
    uint32_t hon_end = p;
    if (allow_honorific && p < n) {
        char key[MAX_KEY];
        /* a honorific ends on a word: the full stop after it is no part of its key */
        for (uint32_t j = p + 3 > n ? n : p + 3; j > p && !hon; j--)
            if (wordlike(f->norm[j - 1]) && range_key(f, p, j, key, sizeof key) &&
                (hon = find_honorific(key)))
                hon_end = j;
    }
    if (!t.slot && !hon)
        return p;
    ph->pieces++;
    uint32_t end = t.slot && t.end >= hon_end ? t.end : hon_end;
    if (ph->title_end == 0 || ph->title_end < ph->title_start)
        ph->title_start = p;
    char key[MAX_KEY];
    range_key(f, p, end, key, sizeof key);
    if (t.slot && t.end == end) {
        ph->title_slot = t.slot;
        title_info(f, t.slot, ph);
    }
    if (hon) {
        if (!ph->title_sector || !*ph->title_sector)
            ph->title_sector = hon->sector;
        if (hon->gender)
            ph->title_gender = hon->gender;
    }
    kb_copy(ph->title, sizeof ph->title, key);
    const char *last = strrchr(key, ' ');
    kb_copy(ph->title_head, sizeof ph->title_head, last ? last + 1 : key);
    /* "Gen. Smith", "Lt. Col.": the abbreviation's dot, when a name or rank follows it */
    if (hon && hon_end == end && strlen(hon->word) <= 4 && end + 1 < n &&
        strcmp(form(f, end), ".") == 0 && !f->gap[end] && capitalized(f, end + 1))
        end++;
    ph->title_end = end;
    return end;
}

/* Words that may stand before a title: "first deputy prime minister", "former official". */
static int title_modifier(const char *norm)
{
    static const char *const w[] = {"former", "ex",     "first",   "second",   "new",      "top",
                                    "senior", "acting", "interim", "outgoing", "incoming", "then"};
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        if (strcmp(w[i], norm) == 0)
            return 1;
    return 0;
}

/*
** Read title pieces from t (at most MAX_TITLES), skipping modifiers such as
** "first" or "former" that a title follows.  allow_honorific: 1 always,
** 0 never, -1 when the piece is capitalized or the phrase began with "the".
** Returns the token after the titles, or t.
*/
static uint32_t read_titles(finder *f, uint32_t t, phrase *ph, int allow_honorific)
{
    for (int k = 0; k < MAX_TITLES; k++) {
        uint32_t s = t;
        int former = 0;
        while (s < f->s->ntokens && title_modifier(f->norm[s])) {
            former |= strcmp(f->norm[s], "former") == 0 || strcmp(f->norm[s], "ex") == 0;
            s++;
        }
        int hon = allow_honorific >= 0 ? allow_honorific : capitalized(f, s) || ph->det;
        uint32_t u = read_title(f, s, ph, hon);
        if (u == s)
            break;
        ph->former |= former;
        t = u;
    }
    return t;
}

/* Rank of an office as the head of an organization (lower is higher), or 100. */
static int top_office(const char *title_key)
{
    static const char *const order[] = {
        "secretary general",  "director general", "president", "chair",
        "chairman",           "chairperson",      "head",      "leader",
        "executive director", "director"};
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
        if (strcmp(order[i], title_key) == 0)
            return (int)i;
    return 100;
}

/*
** The office holder on the date for the title phrase of ph, under its
** modifier ("the US president") or, without one, when one person alone
** holds an office of that title then ("the chairman of the Joint Chiefs
** of Staff").  When several qualify under a modifier, the one whose office
** title names the modifier wins ("the European Commission president").
*/
static const kb_entity *office_holder(finder *f, const phrase *ph, const kb_role **role)
{
    const kb_entity *cand[8];
    const kb_role *roles[8];
    int n = 0;
    if (!ph->title_slot && !(ph->mod_code[0] && generic_title(ph->title_head)))
        return NULL;
    if (ph->pieces > 1)
        return NULL; /* a deputy foreign minister is not the foreign minister */
    FOR_POSTINGS(f->kb, ph->title_slot, p)
    {
        if (p->kind != KB_P_TITLE)
            continue;
        char key[160];
        int len = snprintf(key, sizeof key, "\x01%s %s", ph->mod_code, kb_str(f->kb, p->aux));
        if (len <= 0 || (size_t)len >= sizeof key)
            continue;
        const kb_slot *s = sr_kb_find(f->kb, key, (size_t)len);
        FOR_POSTINGS(f->kb, s, q)
        {
            if (q->kind != KB_P_ROLE)
                continue;
            const kb_role *r = &f->kb->roles[q->aux];
            if (r->from > f->date || f->date > r->to)
                continue;
            /* with no modifier only a person holds an office: "the government" is no group */
            if (!ph->mod_code[0] && !person(f->kb, ent(f->kb, q)))
                continue;
            int seen = 0;
            for (int k = 0; k < n; k++)
                seen |= cand[k] == ent(f->kb, q);
            if (!seen && n < 8) {
                cand[n] = ent(f->kb, q);
                roles[n++] = r;
            }
        }
    }
    /* "the IAEA chief": a generic title under a modifier is its only office holder */
    if (n == 0 && ph->mod_code[0] && !ph->post_mod && generic_title(ph->title_head)) {
        char key[64];
        int len = snprintf(key, sizeof key, "\x01%s", ph->mod_code);
        const kb_slot *s =
            len > 0 && (size_t)len < sizeof key ? sr_kb_find(f->kb, key, (size_t)len) : NULL;
        FOR_POSTINGS(f->kb, s, q)
        {
            const kb_role *r = &f->kb->roles[q->aux];
            if (q->kind != KB_P_ROLE || r->from > f->date || f->date > r->to)
                continue;
            int seen = 0;
            for (int k = 0; k < n; k++)
                seen |= cand[k] == ent(f->kb, q);
            if (!seen && n < 8) {
                cand[n] = ent(f->kb, q);
                roles[n++] = r;
            }
        }
        if (n > 1 && ph->mod_entity && ph->mod_entity->type != KB_T_COUNTRY) {
            /* an organization's chief is its top office */
            int best = -1, rank = 100, tie = 0;
            for (int k = 0; k < n; k++) {
                int r = top_office(kb_str(f->kb, roles[k]->title_key));
                if (r < rank) {
                    rank = r;
                    best = k;
                    tie = 0;
                } else if (r == rank) {
                    tie = 1;
                }
            }
            if (best >= 0 && rank < 100 && !tie) {
                *role = roles[best];
                return cand[best];
            }
        }
        if (n != 1)
            return NULL;
    }
    if (n == 1) {
        *role = roles[0];
        return cand[0];
    }
    if (n == 0 || !ph->mod.slot)
        return NULL;
    char mod[MAX_KEY];
    range_key(f, ph->mod.first, ph->mod.end, mod, sizeof mod);
    for (int k = 0; k < n; k++)
        if (title_mentions(f->kb, cand[k], mod)) {
            *role = roles[k];
            return cand[k];
        }
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Coreference.                                                       */

/*
** Whether word w names one of e's offices: a word of a short title before
** any "of" ("minister" of "foreign minister", "commander" of "supreme
** allied commander"), not one further on ("minister" of "press secretary
** of the prime minister").
*/
static int office_head(const sr_kb *kb, const kb_entity *e, const char *w)
{
    size_t n = strlen(w);
    for (uint32_t i = 0; i < e->nroles; i++) {
        const char *t = kb_str(kb, kb->roles[e->role_first + i].title_key);
        const char *of = strstr(t, " of ");
        size_t len = of ? (size_t)(of - t) : strlen(t);
        for (const char *p = t; p < t + len;) {
            size_t wl = strcspn(p, " ");
            if (wl > len - (size_t)(p - t))
                wl = len - (size_t)(p - t);
            if (wl == n && strncmp(p, w, n) == 0)
                return 1;
            p += wl + 1;
        }
    }
    return 0;
}

/* Whether referent r fits the title and modifier of a bare title phrase. */
static int title_fits(finder *f, const referent *r, const phrase *ph)
{
    if (!r->person)
        return 0;
    if (ph->mod_code[0] && strncmp(r->country, ph->mod_code, 3) != 0)
        return 0;
    const char *h = ph->title_head;
    if (!*h || generic_title(h))
        return 1;
    for (int i = 0; i < r->ntitles; i++)
        if (strcmp(r->titles[i], h) == 0)
            return 1;
    return r->entity && office_head(f->kb, r->entity, h);
}

/* The most recent person referent a bare title phrase may mean, or NULL. */
static referent *title_antecedent(finder *f, const phrase *ph)
{
    for (size_t i = f->nrefs; i-- > 0;) {
        referent *r = &f->refs[i];
        if (r->sentence + COREF_WINDOW < f->si)
            continue;
        if (title_fits(f, r, ph))
            return r;
    }
    return NULL;
}

/* Emit a mention that repeats referent r's actor, and make it r's latest. */
static int32_t emit_repeat(finder *f, referent *r, uint32_t first, uint32_t last, int kind)
{
    sr_mention src = f->m[r->mention];
    const kb_entity *e = r->entity;
    int32_t k = emit(f, first, last, src.code, src.name, e, src.sector, kind, r->mention);
    f->m[k].entity = src.entity;
    f->m[k].agent = src.agent;
    r->mention = k;
    r->sentence = f->si;
    return k;
}

/* Pronouns we resolve: 'm', 'f' or 'p' (plural), or 0. */
static char pronoun(const char *norm)
{
    if (strcmp(norm, "he") == 0 || strcmp(norm, "him") == 0)
        return 'm';
    if (strcmp(norm, "she") == 0 || strcmp(norm, "her") == 0)
        return 'f';
    if (strcmp(norm, "they") == 0 || strcmp(norm, "them") == 0)
        return 'p';
    if (strcmp(norm, "it") == 0)
        return 'n';
    return 0;
}

/* Whether "it" at token i is the empty subject of "it is unclear", "it seems"... */
static int expletive_it(const finder *f, uint32_t i)
{
    static const char *const next[] = {"is",       "was",      "'s",       "seems",    "seemed",
                                       "appears",  "appeared", "remains",  "remained", "has been",
                                       "had been", "will be",  "would be", "takes",    "took"};
    const char *rel = f->s->tokens[i].deprel;
    if (rel && strcmp(rel, "expl") == 0)
        return 1;
    if (i + 1 >= f->s->ntokens)
        return 1;
    static const char *const speech[] = {"said",    "says",   "added",  "stated",   "announced",
                                         "claimed", "denied", "warned", "insisted", "argued"};
    for (size_t k = 0; i > 0 && k < sizeof speech / sizeof speech[0]; k++)
        if (strcmp(f->norm[i - 1], speech[k]) == 0)
            return 0; /* "Hezbollah said it was not involved" */
    for (size_t k = 0; k < sizeof next / sizeof next[0]; k++)
        if (strcmp(f->norm[i + 1], next[k]) == 0)
            return 1;
    return 0;
}

/* Link a pronoun at token i to the most recent compatible actor. */
static uint32_t read_pronoun(finder *f, uint32_t i, char which)
{
    if (which == 'n' && expletive_it(f, i))
        return i + 1;
    for (size_t k = f->nrefs; k-- > 0;) {
        referent *r = &f->refs[k];
        if (r->sentence + (which == 'n' ? 1 : PRONOUN_WINDOW) < f->si)
            break;
        int ok = which == 'p'   ? r->plural
                 : which == 'n' ? (r->entity && !r->person)
                                : (r->person && (!r->gender || r->gender == which));
        if (ok) {
            emit_repeat(f, r, i, i + 1, SR_MENTION_PRONOUN);
            return i + 1;
        }
    }
    return i + 1;
}

/* The earlier person whose written surname is the name at [ns, ne), or NULL. */
static referent *surname_antecedent(finder *f, uint32_t ns, uint32_t ne)
{
    char norm[MAX_KEY], key[MAX_KEY], rk[64];
    if (!range_key(f, ns, ne, norm, sizeof norm) || strchr(norm, ' '))
        return NULL;
    sr_kb_phonetic(norm, key, sizeof key);
    for (size_t i = f->nrefs; i-- > 0;) {
        referent *r = &f->refs[i];
        if (!r->person || !r->surname[0])
            continue;
        sr_kb_phonetic(r->surname, rk, sizeof rk);
        if (strcmp(r->surname, norm) == 0 || (strlen(key) >= 4 && strcmp(rk, key) == 0))
            return r;
    }
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Phrases.                                                           */

/* Lowercase words inside names: "bin", "van", "de"... */
static int particle(const char *norm)
{
    static const char *const w[] = {"bin", "ibn", "bint", "al",  "el",  "de", "da", "di",
                                    "del", "van", "von",  "der", "den", "la", "le", "du",
                                    "dos", "das", "ben",  "abu", "ter", "y"};
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        if (strcmp(w[i], norm) == 0)
            return 1;
    return 0;
}

/* The end of a run of capitalized name words from p (at most MAX_RUN), or p. */
static uint32_t name_run(finder *f, uint32_t p)
{
    uint32_t n = f->s->ntokens, q = p, words = 0;
    while (q < n && words < MAX_RUN) {
        if (hyphen(f, q) && q > p && q + 1 < n && capitalized(f, q + 1)) {
            q++; /* "Kava - Dragon" */
            continue;
        }
        if (q > p && q + 1 < n && particle(f->norm[q]) && capitalized(f, q + 1)) {
            q++; /* "Mohammed bin Salman" */
            continue;
        }
        if (q > p && q + 1 < n && strcmp(form(f, q), ".") == 0 && !f->gap[q] &&
            strlen(f->norm[q - 1]) == 1) {
            q++; /* "Donald J. Trump" */
            continue;
        }
        if (!capitalized(f, q) || stop_word(f->norm[q]) || !wordlike(f->norm[q]))
            break;
        if (q > p) {
            /* a country, organization or title ends the name */
            hit h = longest(f, q, keep_naming);
            if (h.slot && !keep_person(f->kb, h.slot))
                break;
            if (longest(f, q, keep_title).slot)
                break;
        }
        q++;
        words++;
    }
    while (q > p && hyphen(f, q - 1))
        q--;
    return q;
}

/* US state names: "Moscow, Idaho" and "Athens, Georgia" are not in Russia or Greece. */
static int us_state(const char *norm)
{
    static const char *const w[] = {
        "alabama",       "alaska",      "arizona",        "arkansas",      "california",
        "colorado",      "connecticut", "delaware",       "florida",       "georgia",
        "hawaii",        "idaho",       "illinois",       "indiana",       "iowa",
        "kansas",        "kentucky",    "louisiana",      "maine",         "maryland",
        "massachusetts", "michigan",    "minnesota",      "mississippi",   "missouri",
        "montana",       "nebraska",    "nevada",         "new hampshire", "new jersey",
        "new mexico",    "new york",    "north carolina", "north dakota",  "ohio",
        "oklahoma",      "oregon",      "pennsylvania",   "rhode island",  "south carolina",
        "south dakota",  "tennessee",   "texas",          "utah",          "vermont",
        "virginia",      "washington",  "west virginia",  "wisconsin",     "wyoming"};
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        if (strcmp(w[i], norm) == 0)
            return 1;
    return 0;
}

/* Whether token k starts a key of the base or is an honorific. */
static int known_at(const finder *f, uint32_t k)
{
    hit h = longest(f, k, NULL);
    if (h.slot) {
        /* a lone surname ("Khan", "Ali") is as good as unknown here */
        FOR_POSTINGS(f->kb, h.slot, p)
        if (p->kind != KB_P_SURNAME)
            return 1;
    }
    char key[MAX_KEY];
    for (uint32_t j = k + 1; j <= k + 3 && j <= f->s->ntokens; j++)
        if (range_key(f, k, j, key, sizeof key) && find_honorific(key))
            return 1;
    return 0;
}

/* Whether token k is a capitalized word the base does not know (part of some other name). */
static int unknown_capital(const finder *f, uint32_t k)
{
    if (k >= f->s->ntokens || !capitalized(f, k) || !wordlike(f->norm[k]) ||
        stop_word(f->norm[k]) || pronoun(f->norm[k]) || title_modifier(f->norm[k]) || f->titlecase)
        return 0;
    return !known_at(f, k);
}

/*
** Whether the name at tokens [a, b) is only part of a longer proper name
** the base does not know: "Paris Hilton", "Denzel Washington", "Warsaw
** Pact", "Sea of Azov", "Moscow, Idaho".
*/
static int inside_other_name(const finder *f, uint32_t a, uint32_t b)
{
    uint32_t n = f->s->ntokens;
    if (b < n && f->gap[b] && unknown_capital(f, b))
        return 1;
    if (a > 0 && f->gap[a] && unknown_capital(f, a - 1))
        return 1;
    if (a >= 2 && strcmp(f->norm[a - 1], "of") == 0 && unknown_capital(f, a - 2))
        return 1;
    if (b + 1 < n && strcmp(form(f, b), ",") == 0 && us_state(f->norm[b + 1]))
        return 1;
    if (a >= 2 && strcmp(form(f, a - 1), ",") == 0 && capitalized(f, a - 2)) {
        char key[MAX_KEY];
        if (range_key(f, a, b, key, sizeof key) && us_state(key))
            return 1;
    }
    return 0;
}

/*
** "Vladimir Vladimirovich Putin", "Donald J. Trump", "Rafael Mariano
** Grossi": a run of three or more words is also tried as its first and
** last word, exactly.
*/
static const kb_entity *without_middle(finder *f, const phrase *ph, uint32_t p, uint32_t ne)
{
    (void)ph;
    char key[MAX_KEY];
    uint32_t last = ne - 1;
    if (ne - p < 3 || !wordlike(f->norm[p]) || !wordlike(f->norm[last]))
        return NULL;
    size_t n = 0;
    key[0] = 0;
    n = sr_kb_norm_append(key, n, sizeof key, f->norm[p], strlen(f->norm[p]));
    n = sr_kb_norm_append(key, n, sizeof key, " ", 1);
    n = sr_kb_norm_append(key, n, sizeof key, f->norm[last], strlen(f->norm[last]));
    if (n == 0 || n == sizeof key || sr_kb_count_words(key) != 2)
        return NULL;
    const kb_slot *s = sr_kb_find(f->kb, key, n);
    if (!s || s->first == KB_NONE)
        return NULL;
    const kb_posting *q = choose(f, s, accept_person);
    return q && q->kind != KB_P_SURNAME ? ent(f->kb, q) : NULL;
}

static void compose(const phrase *ph, char *code, size_t cap);

/* Emit a mention of person e over [first, last) and remember it. */
static uint32_t emit_person(finder *f, phrase *ph, const kb_entity *e, uint32_t first,
                            uint32_t last, uint32_t ns, uint32_t ne, int32_t antecedent)
{
    char code[32], country[4];
    const char *sector;
    code_of(f, e, code, sizeof code, &sector);
    if (!code[0] && ph->mod_code[0])
        compose(ph, code, sizeof code); /* a person the base gives no code: "USAGOV" + "GOV" once */
    referent *prev = referent_of(f, e);
    if (antecedent < 0 && prev)
        antecedent = prev->mention;
    int32_t k =
        emit(f, first, last, code, kb_str(f->kb, e->name), e, sector, SR_MENTION_NAME, antecedent);
    country_of(f->kb, e, f->date, country);
    note_country(f, country, NULL, k);
    referent *r = remember(f, k, e, country, 1, 0, e->gender ? (char)e->gender : ph->title_gender);
    if (!r->gender && ph->title_gender)
        r->gender = ph->title_gender;
    add_title_word(r, ph->title_head);
    if (ne > ns) {
        char key[MAX_KEY];
        if (range_key(f, ne - 1, ne, key, sizeof key))
            kb_copy(r->surname, sizeof r->surname, key);
    } else {
        const char *nm = kb_str(f->kb, e->name), *sp = strrchr(nm, ' ');
        sr_kb_norm(sp ? sp + 1 : nm, r->surname, sizeof r->surname);
    }
    return last;
}

/* Prepositions after which a capital is a place: "in Moscow", "near Kyiv". */
static int locative(const char *norm)
{
    static const char *const w[] = {"in",     "at",     "near",       "inside", "outside",
                                    "around", "across", "throughout", "within", "outskirts"};
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        if (strcmp(w[i], norm) == 0)
            return 1;
    return 0;
}

/* Emit a named country, organization, place or group over [first, last). */
static uint32_t emit_named(finder *f, const kb_posting *p, uint32_t first, uint32_t last)
{
    char code[32], country[4];
    const char *sector;
    const kb_entity *e = ent(f->kb, p);
    if (p->kind == KB_P_METONYM && first > 0 && locative(f->norm[first - 1])) {
        /* "a press conference in Moscow": the place, not the government */
        code_of(f, e, code, sizeof code, &sector);
    } else {
        named_code(f, p, code, sizeof code, &sector);
    }
    if (!code[0] || strncmp(code, "---", 3) == 0)
        return last;
    referent *prev = referent_of(f, e);
    int32_t k = emit(f, first, last, code, kb_str(f->kb, e->name), e, sector, SR_MENTION_NAME,
                     prev ? prev->mention : -1);
    country_of(f->kb, e, f->date, country);
    note_country(f, country, e->type == KB_T_COUNTRY || e->type == KB_T_ACTOR ? e : NULL, k);
    int plural = (e->flags & KB_E_PLURAL) || p->kind == KB_P_DEMONYM || e->type == KB_T_ACTOR;
    remember(f, k, e, country, person(f->kb, e), plural, (char)e->gender);
    return last;
}

/* Sectors of the state: a country has one government, army, police, parliament... */
static int state_sector(const char *s)
{
    static const char *const w[] = {"GOV", "MIL", "COP", "LEG", "JUD", "SPY"};
    for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
        if (strcmp(w[i], s) == 0)
            return 1;
    return 0;
}

/*
** Join the code of a modifier (with the sector it may carry: "USAGOV" of
** the White House) and an agent's sector, writing each sector once and,
** between the government and a more specific branch of the state, the
** branch: "White House officials" USAGOV, "White House security officials"
** USACOP, "Pentagon officials" USAMIL; "the Quibbler government newspaper"
** HGW + GOVMED; "former White House officials" USAGOVELI.
*/
static void join_sector(const char *mod, const char *sector, char *code, size_t cap)
{
    size_t lm = strlen(mod), ls = strlen(sector);
    const char *last = lm >= 6 ? mod + lm - 3 : ""; /* the sector ending the modifier */
    if (!ls || (lm >= ls && strcmp(mod + lm - ls, sector) == 0))
        snprintf(code, cap, "%s", mod); /* USAGOV + GOV */
    else if (*last && ls > 3 && strncmp(sector, last, 3) == 0)
        snprintf(code, cap, "%s%s", mod, sector + 3); /* HGWGOV + GOVMED */
    else if (*last && state_sector(last) && state_sector(sector))
        snprintf(code, cap, "%.*s%s", (int)(lm - 3), mod,
                 strcmp(sector, "GOV") == 0 ? last : sector); /* USAGOV + COP, USAMIL + GOV */
    else
        snprintf(code, cap, "%s%s", mod, sector);
}

/*
** The code a modifier and a title compose: RUS + MIL, or NGO + RUS for
** prefix agents; with no modifier the country is CAMEO's null "---"
** ("---GOV"), except before a prefix agent's code, which stands alone.
*/
static void compose(const phrase *ph, char *code, size_t cap)
{
    const char *sector = ph->title_sector ? ph->title_sector : "";
    int t = ph->mod_entity ? ph->mod_entity->type : KB_T_UNKNOWN;
    if (t == KB_T_ARMED_GROUP || t == KB_T_PARTY || t == KB_T_NGO || t == KB_T_MEDIA ||
        t == KB_T_GOV_BODY)
        sector = ""; /* "Hamas militants" are Hamas: its code has its sector already */
    if (ph->former)
        sector = "ELI";
    char mod[32], joined[48];
    snprintf(mod, sizeof mod, "%s%s", ph->mod_code, ph->mod_sector);
    if (ph->agent && (ph->agent->flags & KB_E_AGENT_PREFIX))
        snprintf(joined, sizeof joined, "%s%s", sector, mod);
    else if (!mod[0] && *sector)
        snprintf(joined, sizeof joined, "---%s", sector); /* "officials": no country */
    else
        join_sector(mod, sector, joined, sizeof joined);
    /* "an MSF Arnor diplomat": NGO + ARNGOV */
    snprintf(code, cap, "%s%s", ph->prefix_sector ? ph->prefix_sector : "", joined);
}

/*
** "soldiers from Gondor", "the ambassadors of Arnor", "activists in
** Arnor": a country or organization after the title is its modifier.
** Extends the title over it.
*/
static void attach_following_modifier(finder *f, phrase *ph)
{
    uint32_t q = ph->title_end, n = f->s->ntokens;
    if (ph->mod_code[0] || q + 1 >= n)
        return;
    /* "European leaders in the White House": a nationality the base lacks comes first */
    if (ph->title_start > 1 && unknown_capital(f, ph->title_start - 1))
        return;
    const char *w = f->norm[q];
    if (strcmp(w, "of") != 0 && strcmp(w, "from") != 0 && strcmp(w, "in") != 0)
        return;
    q++;
    if (q < n && strcmp(f->norm[q], "the") == 0)
        q++;
    hit h = longest(f, q, keep_modifier);
    const kb_posting *mp = h.slot ? choose(f, h.slot, accept_modifier) : NULL;
    if (!mp || inside_other_name(f, q, h.end))
        return;
    ph->mod = h;
    ph->mod_entity = ent(f->kb, mp);
    const char *sector;
    code_of(f, ph->mod_entity, ph->mod_code, sizeof ph->mod_code, &sector);
    ph->title_end = h.end;
    ph->post_mod = 1;
}

/*
** The sector a metonym modifier carries beyond its entity's code: GOV of
** "the White House | USAGOV" before "officials".  Only for a modifier that
** is not a place ("officials in the White House" are at it).
*/
static void metonym_sector(const finder *f, const kb_posting *mp, phrase *ph)
{
    ph->mod_sector[0] = 0;
    if (mp->kind != KB_P_METONYM)
        return;
    const char *c = kb_str(f->kb, mp->aux);
    size_t lm = strlen(ph->mod_code);
    if (lm && strncmp(c, ph->mod_code, lm) == 0 && strlen(c + lm) < sizeof ph->mod_sector)
        kb_copy(ph->mod_sector, sizeof ph->mod_sector, c + lm);
}

static int title_word_at(const finder *f, uint32_t k);

/* Whether token k is "and" or "or". */
static int conjunction(const finder *f, uint32_t k)
{
    return k < f->s->ntokens && (strcmp(f->norm[k], "and") == 0 || strcmp(f->norm[k], "or") == 0);
}

/*
** "Lawmakers and officials in Fornost": a bare agent word joined by
** "and"/"or" to an agent phrase with a modifier after it shares that
** modifier.  The phrase keeps its own span.  Returns 1 when it borrowed.
*/
static int borrow_following_modifier(finder *f, phrase *ph)
{
    uint32_t q = ph->title_end;
    if (ph->mod_code[0] || !ph->agent || !conjunction(f, q))
        return 0;
    phrase next;
    memset(&next, 0, sizeof next);
    next.start = q + 1;
    if (read_titles(f, q + 1, &next, 0) == q + 1 || !next.agent)
        return 0;
    attach_following_modifier(f, &next);
    if (!next.post_mod)
        return 0;
    ph->mod = next.mod;
    ph->mod_entity = next.mod_entity;
    kb_copy(ph->mod_code, sizeof ph->mod_code, next.mod_code);
    ph->post_mod = 1;
    return 1;
}

/*
** "Danish media and government": a bare agent word right after "and"/"or"
** that follows an agent composed with a modifier before it shares that
** modifier.  Returns 1 when it did.
*/
static int share_preceding_modifier(finder *f, phrase *ph)
{
    if (ph->mod_code[0] || ph->det || !ph->agent || ph->start != ph->title_start ||
        f->shared_si != f->si || !f->shared_code[0] || ph->start != f->shared_end + 1 ||
        !conjunction(f, f->shared_end))
        return 0;
    ph->mod = f->shared_mod;
    ph->mod_entity = f->shared_entity;
    kb_copy(ph->mod_code, sizeof ph->mod_code, f->shared_code);
    kb_copy(ph->mod_sector, sizeof ph->mod_sector, f->shared_sector);
    return 1;
}

/*
** "lawmakers in Fornost and Gondor", "the ambassadors of Arnor, Osgiliath
** and Gondor": an agent with a modifier after it goes with every country
** or organization of a list that continues the modifier and ends with
** "and"/"or" (a list without one is an apposition).  A member followed by
** "'s", a title or a name is a phrase of its own ("and Gondor's army").
** Emits one agent mention over each further member; returns the token
** after the list, or end when there is none.
*/
static uint32_t share_with_list(finder *f, const phrase *ph, uint32_t end)
{
    uint32_t n = f->s->ntokens, q = end;
    uint32_t first[8], last[8];
    const kb_posting *mp[8];
    int k = 0, closed = 0;
    while (k < 8 && q < n && !closed) {
        uint32_t r = q;
        if (strcmp(form(f, r), ",") == 0)
            r++;
        closed = conjunction(f, r);
        r += (uint32_t)closed;
        if (r == q)
            break;
        if (r < n && strcmp(f->norm[r], "the") == 0)
            r++;
        hit h = longest(f, r, keep_modifier);
        const kb_posting *p = h.slot ? choose(f, h.slot, accept_modifier) : NULL;
        if (!p || inside_other_name(f, r, h.end))
            return end;
        if (h.end < n && (strcmp(f->norm[h.end], "'s") == 0 || title_word_at(f, h.end) ||
                          longest(f, h.end, keep_person).slot))
            return end;
        first[k] = r;
        last[k] = h.end;
        mp[k++] = p;
        q = h.end;
    }
    if (!closed)
        return end;
    for (int i = 0; i < k; i++) {
        phrase x = *ph;
        x.mod = (hit){first[i], last[i], NULL};
        x.mod_entity = ent(f->kb, mp[i]);
        const char *sector;
        code_of(f, x.mod_entity, x.mod_code, sizeof x.mod_code, &sector);
        x.mod_sector[0] = 0;
        char code[48];
        compose(&x, code, sizeof code);
        int32_t m = emit(f, first[i], last[i], code, kb_str(f->kb, ph->agent->name), x.mod_entity,
                         x.title_sector, SR_MENTION_AGENT, -1);
        f->m[m].agent = kb_str(f->kb, ph->agent->id);
        note_country(f, x.mod_code, x.mod_entity, m);
        char country[4];
        kb_copy(country, sizeof country, x.mod_code);
        remember(f, m, NULL, country, 0, 1, 0);
    }
    return last[k - 1];
}

/* Undo attach_following_modifier: the title said nothing, the name stands alone. */
static void detach_following_modifier(phrase *ph, uint32_t title_end)
{
    if (!ph->post_mod)
        return;
    memset(&ph->mod, 0, sizeof ph->mod);
    ph->mod_entity = NULL;
    ph->mod_code[0] = 0;
    ph->title_end = title_end;
    ph->post_mod = 0;
}

static uint32_t title_only_inner(finder *f, phrase *ph);

/* Short nouns often met after an agent word that modifies them ("military aid"). */
static const char *const modified_nouns[] = {
    "aid",       "base",      "bases",    "bonds",     "bond",      "budget",   "budgets",
    "station",   "stations",  "car",      "cars",      "custody",   "cordon",   "hardware",
    "equipment", "spending",  "funding",  "training",  "vehicle",   "vehicles", "uniform",
    "uniforms",  "support",   "drills",   "exercises", "buildings", "building", "debt",
    "jobs",      "contracts", "contract", "brutality", "violence",  "records",  "data",
    "website",   "documents", "archives", "guarantees"};

/* Whether w is one of modified_nouns. */
static int modified_noun(const char *w)
{
    for (size_t i = 0; i < sizeof modified_nouns / sizeof modified_nouns[0]; i++)
        if (strcmp(modified_nouns[i], w) == 0)
            return 1;
    return 0;
}

/*
** Whether a lowercase word after an agent word is, by its shape, a common
** noun the agent word modifies ("military assistance", "police station",
** "government bonds"), for text without part-of-speech tags.  Verbs after
** an agent ("police arrested", "the military says", "police raid homes")
** must not pass, so only the nouns of modified_nouns and derived nouns
** (-tion, -ance, -ment, -ity...) do.
*/
static int noun_shape(const char *w)
{
    static const char *const suffixes[] = {"tion", "sion", "ance", "ence", "ment", "ity",
                                           "ness", "ship", "ure",  "ism",  "ics"};
    size_t n = strlen(w);
    if (n < 3)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (w[i] < 'a' || w[i] > 'z')
            return 0;
    if (modified_noun(w))
        return 1;
    size_t m = w[n - 1] == 's' ? n - 1 : n; /* "operations" */
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        size_t l = strlen(suffixes[i]);
        if (m > l + 1 && strncmp(w + m - l, suffixes[i], l) == 0)
            return 1;
    }
    return 0;
}

/*
** Whether a noun after an agent word names people, a body, or the group
** itself gathered or deployed, so the agent word still makes an actor of
** it: "world government activists", "the official news agency", "an
** opposition rally", "rebel positions".
*/
static int actor_noun(const char *w)
{
    static const char *const bodies[] = {
        "agency", "agencies", "council", "committee", "commission", "union", "unions", "service",
        "services", "party", "group", "groups", "media", "newspaper", "radio", "television",
        "channel", "board", "authority", "department", "court", "unit", "units", "people", "staff",
        "personnel", "sources", "members", "crew", "crews", "delegation", "team", "teams",
        /* the group gathered or deployed: "an opposition rally", "rebel positions" */
        "rally", "rallies", "protest", "protests", "march", "marches", "demonstration",
        "demonstrations", "movement", "bloc", "coalition", "convoy", "convoys", "patrol", "patrols",
        "positions", "strongholds"};
    static const char *const people[] = {"ist", "ists", "er",  "ers", "or",
                                         "ors", "ee",   "ees", "ian", "ians"};
    for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++)
        if (strcmp(bodies[i], w) == 0)
            return 1;
    if (modified_noun(w))
        return 0; /* "guarantees" */
    size_t n = strlen(w);
    for (size_t i = 0; i < sizeof people / sizeof people[0]; i++) {
        size_t l = strlen(people[i]);
        if (n > l + 2 && strcmp(w + n - l, people[i]) == 0)
            return 1;
    }
    return 0;
}

/* Whether token k is an agent word or title (the start of one in the base, or an honorific). */
static int title_word_at(const finder *f, uint32_t k)
{
    if (longest(f, k, keep_title).slot)
        return 1;
    char key[MAX_KEY];
    size_t n = range_key(f, k, k + 1, key, sizeof key);
    if (n && find_honorific(key))
        return 1;
    if (n > 3 && key[n - 1] == 's') {
        key[n - 1] = 0; /* "chiefs", "generals" */
        return find_honorific(key) != NULL;
    }
    return 0;
}

/* Whether the title of ph names an office a person holds ("foreign minister"), not a group. */
static int office_title(const finder *f, const phrase *ph)
{
    if (find_honorific(ph->title_head))
        return 1;
    FOR_POSTINGS(f->kb, ph->title_slot, p)
    if (p->kind == KB_P_TITLE && person(f->kb, ent(f->kb, p)))
        return 1;
    return 0;
}

/*
** Whether the agent word that ends the title of ph only modifies the noun
** right after it ("military assistance", "police station", "government
** bonds"), so the phrase names no actor.  The noun must not be an agent
** word or title itself ("police officers", "government spokesman").  With
** a parse: the word is the compound or amod of that noun.  With tags but
** no parse: the word is an ADJ or NOUN and the next word a NOUN.  Without
** tags: a singular agent word before a lowercase word of noun shape.
*/
static int modifies_noun(const finder *f, const phrase *ph)
{
    uint32_t h = ph->title_end - 1, n = f->s->ntokens, next = ph->title_end;
    if (next >= n || !f->gap[next] || title_word_at(f, next) || actor_noun(f->norm[next]))
        return 0;
    const sr_token *t = &f->s->tokens[h], *u = &f->s->tokens[next];
    if (t->upos != SR_UPOS_NONE) {
        if (u->upos != SR_UPOS_NOUN || capitalized(f, next))
            return 0;
        if (t->head >= 0 && t->deprel)
            return (uint32_t)t->head == next + 1 &&
                   (strcmp(t->deprel, "compound") == 0 || strcmp(t->deprel, "amod") == 0);
        if (t->upos != SR_UPOS_ADJ && t->upos != SR_UPOS_NOUN)
            return 0;
        /* unparsed: the last noun of the run is the one modified ("official news agency") */
        uint32_t last = next;
        while (last + 1 < n && f->s->tokens[last + 1].upos == SR_UPOS_NOUN &&
               !capitalized(f, last + 1))
            last++;
        return last == next || (!title_word_at(f, last) && !actor_noun(f->norm[last]));
    }
    size_t hl = strlen(f->norm[h]);
    if (hl == 0 || f->norm[h][hl - 1] == 's')
        return 0;
    return noun_shape(form(f, next));
}

/*
** Whether an agent phrase names one institution rather than some of its
** people: "the government", "the army", "the authorities", but not "the
** officials", "the soldiers", "the diplomat" or "the prosecutor".
*/
static int institution(const phrase *ph)
{
    static const char *const people[] = {"er", "or", "ist", "ian", "man", "woman", "person"};
    const char *h = ph->title_head;
    size_t n = strlen(h);
    if (strcmp(h, "authorities") == 0)
        return 1;
    if (n < 2 || h[n - 1] == 's' || find_honorific(h))
        return 0;
    for (size_t i = 0; i < sizeof people / sizeof people[0]; i++) {
        size_t l = strlen(people[i]);
        if (n > l && strcmp(h + n - l, people[i]) == 0)
            return 0;
    }
    return 1;
}

/*
** A state office or institution with no country of its own ("the
** government", "Prime Minister Irakli Kobakhidze"; also "the opposition",
** which faces one government) is taken to be the
** country the document is about, when one stands out (salient_country);
** else it stays without a country ("---GOV").  Sets the modifier and
** *antecedent (that country's latest mention); returns 1 when it did.
*/
static int adopt_salient_country(finder *f, phrase *ph, int32_t *antecedent)
{
    if (ph->mod_code[0] || ph->former || !ph->title_sector ||
        (!state_sector(ph->title_sector) && strcmp(ph->title_sector, "OPP") != 0))
        return 0;
    const country_count *c = salient_country(f);
    if (!c)
        return 0;
    kb_copy(ph->mod_code, sizeof ph->mod_code, c->code);
    ph->mod_entity = c->entity;
    *antecedent = c->mention;
    return 1;
}

/*
** A title with no name after it: office holder, earlier actor, or composed
** agent.  A country after "of", "from", "in" is tried as its modifier, and
** let go again when the title says nothing with it.
*/
static uint32_t title_only(finder *f, phrase *ph)
{
    uint32_t own_end = ph->title_end;
    size_t before = f->nm;
    if (ph->agent && !office_title(f, ph) && modifies_noun(f, ph))
        return own_end; /* "military aid", "police station": no actor */
    if (share_preceding_modifier(f, ph) || borrow_following_modifier(f, ph))
        return title_only_inner(f, ph);
    attach_following_modifier(f, ph);
    uint32_t end = title_only_inner(f, ph);
    if (f->nm == before && ph->post_mod) {
        detach_following_modifier(ph, own_end);
        return title_only_inner(f, ph);
    }
    if (ph->post_mod && ph->agent && f->nm > before && f->m[f->nm - 1].kind == SR_MENTION_AGENT)
        end = share_with_list(f, ph, end);
    return end;
}

/* title_only once the modifier is settled. */
static uint32_t title_only_inner(finder *f, phrase *ph)
{
    const kb_role *role = NULL;
    const kb_entity *e = NULL;
    int person_title = ph->title_slot == NULL || !ph->agent || find_honorific(ph->title_head);
    /* Without a modifier, "the minister" is first someone already named. */
    if (!ph->mod_code[0] && ph->det && person_title) {
        referent *r = title_antecedent(f, ph);
        if (r) {
            emit_repeat(f, r, ph->start, ph->title_end, SR_MENTION_TITLE);
            return ph->title_end;
        }
    }
    if (ph->mod_code[0] || ph->det)
        e = office_holder(f, ph, &role);
    if (e) {
        referent *prev = referent_of(f, e);
        char country[4];
        int32_t k =
            emit(f, ph->start, ph->title_end, kb_str(f->kb, role->code), kb_str(f->kb, e->name), e,
                 kb_str(f->kb, role->sector), SR_MENTION_TITLE, prev ? prev->mention : -1);
        country_of(f->kb, e, f->date, country);
        note_country(f, country, NULL, k);
        referent *r = remember(f, k, e, country, 1, 0, (char)e->gender);
        add_title_word(r, ph->title_head);
        return ph->title_end;
    }
    if (ph->mod_code[0] && person_title) {
        referent *r = title_antecedent(f, ph);
        if (r) {
            emit_repeat(f, r, ph->start, ph->title_end, SR_MENTION_TITLE);
            return ph->title_end;
        }
    }
    /* a bare office title ("the head") is no actor by itself */
    if (!ph->title_sector || !*ph->title_sector || (!ph->agent && !ph->mod_code[0]))
        return ph->title_end;
    int32_t antecedent = -1;
    if (ph->det && ph->agent && institution(ph))
        adopt_salient_country(f, ph, &antecedent); /* "the government" */
    char code[48];
    compose(ph, code, sizeof code);
    const char *name = ph->agent ? kb_str(f->kb, ph->agent->name) : NULL;
    int32_t k = emit(f, ph->start, ph->title_end, code,
                     name ? name : surface(f, ph->title_start, ph->title_end), ph->mod_entity,
                     ph->title_sector, SR_MENTION_AGENT, antecedent);
    f->m[k].agent = ph->agent ? kb_str(f->kb, ph->agent->id) : NULL;
    note_country(f, ph->mod_code, ph->mod_entity, k);
    if (ph->mod.slot && !ph->post_mod && ph->mod.end <= ph->title_start) {
        f->shared_si = f->si; /* "Danish media" and ... */
        f->shared_end = ph->title_end;
        f->shared_mod = ph->mod;
        f->shared_entity = ph->mod_entity;
        kb_copy(f->shared_code, sizeof f->shared_code, ph->mod_code);
        kb_copy(f->shared_sector, sizeof f->shared_sector, ph->mod_sector);
    }
    size_t hl = strlen(ph->title_head);
    int plural = hl > 1 && ph->title_head[hl - 1] == 's';
    char country[4];
    kb_copy(country, sizeof country, ph->mod_code);
    remember(f, k, NULL, country, 0, plural || ph->agent != NULL, 0);
    return ph->title_end;
}

/* A capitalized name after a title or modifier that the base lacks: an unknown person. */
static uint32_t unknown_person(finder *f, phrase *ph, uint32_t ns, uint32_t ne)
{
    char code[48];
    int32_t antecedent = -1;
    adopt_salient_country(f, ph, &antecedent); /* "Prime Minister Irakli Kobakhidze" */
    compose(ph, code, sizeof code);
    const char *name = surface(f, ns, ne);
    int32_t k =
        emit(f, ph->start, ne, code, name, NULL, ph->title_sector, SR_MENTION_UNKNOWN, antecedent);
    f->m[k].agent = ph->agent ? kb_str(f->kb, ph->agent->id) : NULL;
    note_country(f, ph->mod_code, NULL, k);
    char country[4];
    kb_copy(country, sizeof country, ph->mod_code);
    referent *r = remember(f, k, NULL, country, 1, 0, ph->title_gender);
    add_title_word(r, ph->title_head);
    char key[MAX_KEY];
    if (range_key(f, ne - 1, ne, key, sizeof key))
        kb_copy(r->surname, sizeof r->surname, key);
    return ne;
}

/*
** The name part of a phrase at p: an exact person name, an earlier
** person's surname, a person by approximate match, or an unknown titled
** person.  Returns the token after the phrase, or 0 when there is no name.
*/
static uint32_t read_name(finder *f, phrase *ph, uint32_t p)
{
    uint32_t first = ph->mod.slot ? ph->mod.first : ph->title_end > 0 ? ph->title_start : p;
    if (ph->mod.slot && ph->title_end && ph->title_start < ph->mod.first)
        first = ph->title_start;
    hit h = longest(f, p, keep_person);
    uint32_t ne = name_run(f, p);
    const kb_posting *q = h.slot ? choose(f, h.slot, accept_person) : NULL;
    if (q && h.end >= ne)
        return emit_person(f, ph, ent(f->kb, q), first, h.end, p, h.end, -1);
    if (ne > p) {
        referent *r = surname_antecedent(f, p, ne);
        if (r && r->entity)
            return emit_person(f, ph, r->entity, first, ne, p, ne, r->mention);
        if (r) {
            emit_repeat(f, r, first, ne, SR_MENTION_NAME);
            return ne;
        }
        const kb_entity *e = fuzzy_person(f, ph, p, ne);
        if (e)
            return emit_person(f, ph, e, first, ne, p, ne, -1);
        e = without_middle(f, ph, p, ne);
        if (e)
            return emit_person(f, ph, e, first, ne, p, ne, -1);
    }
    /* A known name followed by more capitalized words ("Trump-Putin"): the name alone. */
    if (q)
        return emit_person(f, ph, ent(f->kb, q), first, h.end, p, h.end, -1);
    if (ne == p)
        return 0;
    int titled = ph->title_end > 0 && !f->titlecase; /* a headline capitalizes every word */
    if (titled && (ph->mod_code[0] || ne - p >= 2) && ph->title_sector &&
        (ph->mod_code[0] || *ph->title_sector))
        return unknown_person(f, ph, p, ne);
    return 0;
}

/* Articles before a mention phrase. */
static int determiner(const char *norm)
{
    return strcmp(norm, "the") == 0 || strcmp(norm, "a") == 0 || strcmp(norm, "an") == 0;
}

/*
** Whether a capitalized title word is only the start of a longer proper
** name ("Military Committee", "General Staff"): the next word is
** capitalized too and is no name the base knows.
*/
static int inside_proper_name(finder *f, const phrase *ph)
{
    uint32_t e = ph->title_end;
    if (e >= f->s->ntokens || !capitalized(f, ph->title_start) || !capitalized(f, e))
        return 0;
    return !longest(f, e, keep_naming).slot;
}

/* Whether a person's key is only a surname taken from a longer name. */
static int lone_surname(finder *f, const kb_slot *slot)
{
    const kb_posting *q = choose(f, slot, accept_person);
    return q && q->kind == KB_P_SURNAME;
}

/*
** Whether the word before a lone surname at p is, give or take a letter or
** two, the first name of the person the surname names ("Dmitri Peskov").
*/
static int first_name_before(finder *f, uint32_t p, const kb_slot *slot)
{
    if (p == 0)
        return 0;
    const kb_posting *q = choose(f, slot, accept_person);
    if (!q)
        return 0;
    char name[MAX_KEY], a[64], b[64];
    if (!sr_kb_norm(kb_str(f->kb, ent(f->kb, q)->name), name, sizeof name))
        return 0;
    char *sp = strchr(name, ' ');
    if (!sp)
        return 0;
    *sp = 0;
    size_t la = sr_kb_phonetic(name, a, sizeof a), lb = sr_kb_phonetic(f->norm[p - 1], b, sizeof b);
    return la >= 3 && sr_kb_edit_distance(a, la, b, lb, 2) <= 2;
}

/*
** Whether the word before a one-word name at p is surely a first name of
** someone else ("Brigitte Macron"): tagged PROPN, or capitalized inside
** the sentence and unknown to the base.
*/
static int other_first_name(const finder *f, uint32_t p)
{
    if (p == 0)
        return 0;
    const sr_token *t = &f->s->tokens[p - 1];
    if (t->upos == SR_UPOS_PROPN)
        return unknown_capital(f, p - 1);
    return p - 1 > 0 && unknown_capital(f, p - 1);
}

/*
** The capitalized run from p holds a name of the base inside a longer
** name ("Dan Kane" holds "Dan"): the run as a whole may still be a person
** by approximate match; else it is skipped.  Returns where to continue.
*/
static uint32_t other_name(finder *f, phrase *ph, uint32_t p, uint32_t min_end)
{
    uint32_t e = name_run(f, p);
    if (e > p + 1) {
        const kb_entity *x = fuzzy_person(f, ph, p, e);
        if (x)
            return emit_person(f, ph, x, p, e, p, e, -1);
    }
    return e > min_end ? e : min_end;
}

/*
** After a possessive, the adjectives before a title: "Ithilen's awful and
** evil minister", "Ukraine's embattled president".  With tags, up to four
** ADJ words, commas and "and"; without, only adjectives joined by "and"
** (lowercase words that are no function words), so that "Russia's attacks
** killed soldiers" stays apart.  Returns the token where the title must
** start, or p when there is none.
*/
static uint32_t skip_adjectives(const finder *f, uint32_t p)
{
    uint32_t n = f->s->ntokens, q = p;
    int joined = 0;
    while (q < n && q < p + 4 && !title_word_at(f, q)) {
        const sr_token *t = &f->s->tokens[q];
        const char *w = f->norm[q];
        int conj = strcmp(w, "and") == 0 || strcmp(w, ",") == 0;
        if (t->upos != SR_UPOS_NONE
                ? t->upos != SR_UPOS_ADJ && !conj
                : !conj && (!wordlike(w) || stop_word(w) || capitalized(f, q) || strchr(w, ' ')))
            return p;
        joined |= conj;
        q++;
    }
    if (q == p || q >= n || !title_word_at(f, q))
        return p;
    if (f->s->tokens[p].upos == SR_UPOS_NONE && !joined)
        return p;
    return q;
}

/* The prefix agent (NGO~ in PETRARCH's dictionaries) a title key names, or NULL. */
static const kb_entity *prefix_agent(const finder *f, const kb_slot *slot)
{
    FOR_POSTINGS(f->kb, slot, p)
    if (p->kind == KB_P_AGENT && (ent(f->kb, p)->flags & KB_E_AGENT_PREFIX))
        return ent(f->kb, p);
    return NULL;
}

/* "MSF Arnor": a prefix agent and its modifier with no title after them (NGO + ARN). */
static uint32_t emit_prefixed(finder *f, phrase *ph, uint32_t end)
{
    char code[48];
    snprintf(code, sizeof code, "%s%s%s", ph->prefix_sector, ph->mod_code, ph->mod_sector);
    int32_t k = emit(f, ph->start, end, code, kb_str(f->kb, ph->prefix->name), ph->mod_entity,
                     ph->prefix_sector, SR_MENTION_AGENT, -1);
    f->m[k].agent = kb_str(f->kb, ph->prefix->id);
    note_country(f, ph->mod_code, ph->mod_entity, k);
    remember(f, k, NULL, ph->mod_code, 0, 1, 0);
    return end;
}

/* Read the phrase starting at token i; returns where to continue. */
static uint32_t read_phrase(finder *f, uint32_t i)
{
    uint32_t n = f->s->ntokens;
    phrase ph;
    memset(&ph, 0, sizeof ph);
    ph.start = i;
    char which = pronoun(f->norm[i]);
    if (which)
        return read_pronoun(f, i, which);
    uint32_t p = i;
    if (determiner(f->norm[i])) {
        hit h = longest(f, i, keep_naming); /* "the Kremlin"; but "the French president" */
        if (h.slot && !longest(f, h.end, keep_title).slot && !longest(f, h.end, keep_person).slot) {
            const kb_posting *q = choose(f, h.slot, accept_naming);
            if (q)
                return emit_named(f, q, i, h.end);
        }
        ph.det = strcmp(f->norm[i], "the") == 0;
        p = ph.start = i + 1;
        if (p >= n)
            return i + 1;
    }
    /* "former White House officials": ELI when a title follows the modifier */
    if (p + 1 < n && (strcmp(f->norm[p], "former") == 0 || strcmp(f->norm[p], "ex") == 0) &&
        longest(f, p + 1, keep_modifier).slot) {
        ph.former = 1;
        p++;
    }
    /* "MSF Arnor", "an MSF Arnor diplomat": a prefix agent (NGO~) before its country */
    hit pre = longest(f, p, keep_title);
    ph.prefix = pre.slot ? prefix_agent(f, pre.slot) : NULL;
    if (ph.prefix && longest(f, pre.end, keep_modifier).slot) {
        ph.prefix_sector = kb_str(f->kb, ph.prefix->sector);
        p = pre.end;
    } else {
        ph.prefix = NULL;
    }
    hit nm = longest(f, p, keep_naming);
    hit person = longest(f, p, keep_person);
    /* "Denzel Washington", "Harry Kane", "Captain America": the whole run is someone else */
    if (nm.slot && !person.slot &&
        (inside_other_name(f, p, nm.end) || (p > 0 && find_honorific(f->norm[p - 1]))))
        return other_name(f, &ph, p, nm.end);
    if (person.slot && person.end - p == 1 && inside_other_name(f, p, person.end) &&
        !first_name_before(f, p, person.slot) &&
        (lone_surname(f, person.slot) || other_first_name(f, p)))
        return other_name(f, &ph, p, person.end);
    if (person.slot && person.end >= nm.end) {
        uint32_t r = read_name(f, &ph, p);
        return r ? r : p + 1;
    }
    if (nm.slot) {
        hit mod = longest(f, p, keep_modifier);
        const kb_posting *mp =
            mod.slot && mod.end == nm.end ? choose(f, mod.slot, accept_modifier) : NULL;
        uint32_t q = nm.end;
        if (mp) {
            ph.mod = mod;
            ph.mod_entity = ent(f->kb, mp);
            const char *sector;
            code_of(f, ph.mod_entity, ph.mod_code, sizeof ph.mod_code, &sector);
            metonym_sector(f, mp, &ph);
            if (q < n && strcmp(f->norm[q], "'s") == 0)
                q = skip_adjectives(f, q + 1);
            uint32_t t = read_titles(f, q, &ph, 1);
            uint32_t r = read_name(f, &ph, t);
            if (r)
                return r;
            /* "Ottawa Senators", "Washington Nationals": a city and a capitalized plural */
            if (ph.title_end && mp->kind == KB_P_METONYM && !f->titlecase &&
                capitalized(f, ph.title_start) && ph.title_head[0] &&
                ph.title_head[strlen(ph.title_head) - 1] == 's')
                return ph.title_end;
            if (ph.title_end) {
                /* "Kremlin spokesman", "the NATO chief"; when that says nothing, the name */
                size_t before = f->nm;
                uint32_t e = title_only(f, &ph);
                if (f->nm > before)
                    return e;
            }
            if (ph.prefix)
                return emit_prefixed(f, &ph, nm.end);
        }
        const kb_posting *np = choose(f, nm.slot, accept_naming);
        if (np)
            return emit_named(f, np, p, nm.end);
        return nm.end;
    }
    /* Titles with no modifier: honorifics count only when a name follows or after "the". */
    uint32_t t = read_titles(f, p, &ph, -1);
    uint32_t r = read_name(f, &ph, t);
    if (r)
        return r;
    if (ph.title_end) {
        if (!ph.title_slot && !ph.det)
            return i + 1; /* a capitalized rank with no name: say nothing */
        if (inside_proper_name(f, &ph))
            return ph.title_end; /* "the Military Committee", "the General Staff" */
        return title_only(f, &ph);
    }
    return i + 1;
}

/*
** The tokens support() looks at for office words: the first occurrence of
** each distinct word that is not weak and not a multi-word form.  Found
** once per sentence with a hash table, so that support() stays linear in
** the sentence however often it is called and however repetitive the text.
*/
static void context_words(finder *f)
{
    uint32_t n = f->s->ntokens, cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    uint32_t *table = sr_arena_alloc(f->a, cap * sizeof *table); /* token + 1, or 0 */
    memset(table, 0, cap * sizeof *table);
    f->context = sr_arena_alloc(f->a, (n + 1) * sizeof *f->context);
    f->ncontext = 0;
    for (uint32_t i = 0; i < n; i++) {
        const char *w = f->norm[i];
        if (weak_word(w) || strchr(w, ' '))
            continue;
        size_t h = (size_t)sr_hash_bytes(w, strlen(w), 0) & (cap - 1);
        while (table[h] && strcmp(f->norm[table[h] - 1], w) != 0)
            h = (h + 1) & (cap - 1);
        if (table[h])
            continue; /* seen earlier in the sentence */
        table[h] = i + 1;
        f->context[f->ncontext++] = i;
    }
}

/* Prepare the per-token forms of sentence si. */
static void load_sentence(finder *f, uint32_t si, const sr_sentence *s)
{
    f->si = si;
    f->s = s;
    f->norm = sr_arena_alloc(f->a, (s->ntokens + 1) * sizeof *f->norm);
    f->gap = sr_arena_alloc(f->a, s->ntokens + 1);
    for (uint32_t i = 0; i < s->ntokens; i++) {
        char buf[MAX_KEY];
        const char *form = s->tokens[i].form ? s->tokens[i].form : "";
        size_t len = sr_kb_norm(form, buf, sizeof buf);
        f->norm[i] = sr_arena_strndup(f->a, buf, len);
        f->gap[i] = i > 0 && s->tokens[i].start > s->tokens[i - 1].end;
    }
    /* A headline: every word of four letters or more is capitalized. */
    uint32_t words = 0, caps = 0;
    f->titlecase = 0;
    for (uint32_t i = 0; i < s->ntokens; i++)
        if (strlen(f->norm[i]) >= 4 && f->norm[i][0] >= 'a' && f->norm[i][0] <= 'z') {
            words++;
            caps += capitalized(f, i);
        }
    f->titlecase = words >= 4 && caps == words;
    context_words(f);
}

void sr_actors_find(const sr_kb *kb, const char *text, const sr_sentence *sentences,
                    size_t nsentences, const char *date, sr_arena *a, sr_mention **mentions,
                    size_t *nmentions)
{
    finder f;
    memset(&f, 0, sizeof f);
    f.kb = kb;
    f.text = text;
    f.a = a;
    f.date = date ? sr_kb_parse_doc_date(date) : -1;
    if (f.date < 0)
        f.date = (int32_t)kb->h->newest_date;
    for (size_t si = 0; si < nsentences; si++) {
        const sr_sentence *s = &sentences[si];
        if (s->ntokens == 0)
            continue;
        load_sentence(&f, (uint32_t)si, s);
        sentence_codes(&f);
        for (uint32_t i = 0; i < s->ntokens;) {
            uint32_t next = read_phrase(&f, i);
            i = next > i ? next : i + 1;
        }
    }
    *mentions = f.nm ? sr_arena_calloc(a, f.nm, sizeof **mentions) : NULL;
    if (f.nm)
        memcpy(*mentions, f.m, f.nm * sizeof **mentions);
    *nmentions = f.nm;
    free(f.m);
    free(f.refs);
}
