/*
** actors_names.c: the name part of a mention phrase: exact and surname
** matches, approximate people, unknown titled people, names inside other
** names, and prefixed agents ("MSF Arnor").
*/
#include "kb/actors_internal.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util/util.h"

/* Phrases.                                                           */

/* Lowercase words inside names: "bin", "van", "de"... */
static int particle(const char *norm)
{
    static const char *const w[] = {"bin", "ibn", "bint", "al",  "el",  "de", "da", "di",
                                    "del", "van", "von",  "der", "den", "la", "le", "du",
                                    "dos", "das", "ben",  "abu", "ter", "y"};
    return act_one_of(norm, w, sizeof w / sizeof w[0]);
}

/* The end of a run of capitalized name words from p (at most MAX_RUN), or p. */
static uint32_t name_run(finder *f, uint32_t p)
{
    uint32_t n = f->s->ntokens, q = p, words = 0;
    while (q < n && words < MAX_RUN) {
        if (sr_act_hyphen(f, q) && q > p && q + 1 < n && sr_act_capitalized(f, q + 1)) {
            q++; /* "Kava - Dragon" */
            continue;
        }
        if (q > p && q + 1 < n && particle(f->norm[q]) && sr_act_capitalized(f, q + 1)) {
            q++; /* "Mohammed bin Salman" */
            continue;
        }
        if (q > p && q + 1 < n && strcmp(sr_act_form(f, q), ".") == 0 && !f->gap[q] &&
            strlen(f->norm[q - 1]) == 1) {
            q++; /* "Donald J. Trump" */
            continue;
        }
        if (!sr_act_capitalized(f, q) || sr_act_stop_word(f->norm[q]) ||
            !sr_act_wordlike(f->norm[q]))
            break;
        if (q > p) {
            /* a country, organization or title ends the name */
            hit h = sr_act_longest(f, q, sr_act_keep_naming);
            if (h.slot && !sr_act_keep_person(f->kb, h.slot))
                break;
            if (sr_act_longest(f, q, sr_act_keep_title).slot)
                break;
        }
        q++;
        words++;
    }
    while (q > p && sr_act_hyphen(f, q - 1))
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
    return act_one_of(norm, w, sizeof w / sizeof w[0]);
}

/* Whether token k starts a key of the base or is an honorific. */
static int known_at(const finder *f, uint32_t k)
{
    hit h = sr_act_longest(f, k, NULL);
    if (h.slot) {
        /* a lone surname ("Khan", "Ali") is as good as unknown here */
        FOR_POSTINGS(f->kb, h.slot, p)
        if (p->kind != KB_P_SURNAME)
            return 1;
    }
    char key[MAX_KEY];
    for (uint32_t j = k + 1; j <= k + 3 && j <= f->s->ntokens; j++)
        if (sr_act_range_key(f, k, j, key, sizeof key) && sr_act_find_honorific(key))
            return 1;
    return 0;
}

/* Whether token k is a capitalized word the base does not know (part of some other name). */
int sr_act_unknown_capital(const finder *f, uint32_t k)
{
    if (k >= f->s->ntokens || !sr_act_capitalized(f, k) || !sr_act_wordlike(f->norm[k]) ||
        sr_act_stop_word(f->norm[k]) || sr_act_pronoun(f->norm[k]) ||
        sr_act_title_modifier(f->norm[k]) || f->titlecase)
        return 0;
    /* the first word of a sentence is capitalized anyway: only a proper noun counts there
       ("Several Russian soldiers", "Hundreds of Russian troops" name no other name) */
    if (k == 0 && f->s->tokens[0].upos && f->s->tokens[0].upos != SR_UPOS_PROPN)
        return 0;
    return !known_at(f, k);
}

/*
** Whether the name at tokens [a, b) is only part of a longer proper name
** the base does not know: "Paris Hilton", "Denzel Washington", "Warsaw
** Pact", "Sea of Azov", "Moscow, Idaho".
*/
int sr_act_inside_other_name(const finder *f, uint32_t a, uint32_t b)
{
    uint32_t n = f->s->ntokens;
    if (b < n && f->gap[b] && sr_act_unknown_capital(f, b))
        return 1;
    if (a > 0 && f->gap[a] && sr_act_unknown_capital(f, a - 1))
        return 1;
    if (a >= 2 && strcmp(f->norm[a - 1], "of") == 0 && sr_act_unknown_capital(f, a - 2))
        return 1;
    if (b + 1 < n && strcmp(sr_act_form(f, b), ",") == 0 && us_state(f->norm[b + 1]))
        return 1;
    if (a >= 2 && strcmp(sr_act_form(f, a - 1), ",") == 0 && sr_act_capitalized(f, a - 2)) {
        char key[MAX_KEY];
        if (sr_act_range_key(f, a, b, key, sizeof key) && us_state(key))
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
    if (ne - p < 3 || !sr_act_wordlike(f->norm[p]) || !sr_act_wordlike(f->norm[last]))
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
    const kb_posting *q = sr_act_choose(f, s, sr_act_accept_person);
    return q && q->kind != KB_P_SURNAME ? sr_act_ent(f->kb, q) : NULL;
}

/* Emit a mention of person e over [first, last) and remember it. */
static uint32_t emit_person(finder *f, phrase *ph, const kb_entity *e, uint32_t first,
                            uint32_t last, uint32_t ns, uint32_t ne, int32_t antecedent)
{
    char code[32], country[4];
    const char *sector;
    sr_act_code_of(f, e, code, sizeof code, &sector);
    if (!code[0] && ph->mod_code[0])
        sr_act_compose(ph, code,
                       sizeof code); /* a person the base gives no code: "USAGOV" + "GOV" once */
    referent *prev = sr_act_referent_of(f, e);
    if (antecedent < 0 && prev)
        antecedent = prev->mention;
    int32_t k = sr_act_emit(f, first, last, code, kb_str(f->kb, e->name), e, sector,
                            SR_MENTION_NAME, antecedent);
    sr_act_country_of(f->kb, e, f->date, country);
    sr_act_note_country(f, country, NULL, k);
    referent *r =
        sr_act_remember(f, k, e, country, 1, 0, e->gender ? (char)e->gender : ph->title_gender);
    if (!r->gender && ph->title_gender)
        r->gender = ph->title_gender;
    sr_act_add_title_word(r, ph->title_head);
    if (ne > ns) {
        char key[MAX_KEY];
        if (sr_act_range_key(f, ne - 1, ne, key, sizeof key))
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
    return act_one_of(norm, w, sizeof w / sizeof w[0]);
}

/* Emit a named country, organization, place or group over [first, last). */
uint32_t sr_act_emit_named(finder *f, const kb_posting *p, uint32_t first, uint32_t last)
{
    char code[32], country[4];
    const char *sector;
    const kb_entity *e = sr_act_ent(f->kb, p);
    int kind = SR_MENTION_NAME;
    if (p->kind == KB_P_METONYM && first > 0 && locative(f->norm[first - 1])) {
        /* "a press conference in Moscow": the place, not the government */
        sr_act_code_of(f, e, code, sizeof code, &sector);
    } else {
        sr_act_named_code(f, p, code, sizeof code, &sector);
        if (p->kind == KB_P_METONYM)
            kind = SR_MENTION_METONYM; /* the coder makes a city under attack its country */
    }
    if (!code[0] || strncmp(code, "---", 3) == 0)
        return last;
    referent *prev = sr_act_referent_of(f, e);
    int32_t k = sr_act_emit(f, first, last, code, kb_str(f->kb, e->name), e, sector, kind,
                            prev ? prev->mention : -1);
    sr_act_country_of(f->kb, e, f->date, country);
    sr_act_note_country(f, country, e->type == KB_T_COUNTRY || e->type == KB_T_ACTOR ? e : NULL, k);
    int plural = (e->flags & KB_E_PLURAL) || p->kind == KB_P_DEMONYM || e->type == KB_T_ACTOR;
    sr_act_remember(f, k, e, country, sr_act_person(f->kb, e), plural, (char)e->gender);
    return last;
}

/* Whether token k has a capital letter, whatever its tag ("Trump" read as a verb). */
static int has_capital(const finder *f, uint32_t k)
{
    int upper = 0, lower = 0;
    sr_kb_case_scan(sr_act_form(f, k), &upper, &lower);
    return upper;
}

/* Sectors of the state: a country has one government, army, police, parliament... */
uint32_t sr_act_read_name(finder *f, phrase *ph, uint32_t p)
{
    uint32_t first = ph->mod.slot ? ph->mod.first : ph->title_end > 0 ? ph->title_start : p;
    if (ph->mod.slot && ph->title_end && ph->title_start < ph->mod.first)
        first = ph->title_start;
    hit h = sr_act_longest(f, p, sr_act_keep_person);
    uint32_t ne = name_run(f, p);
    const kb_posting *q = h.slot ? sr_act_choose(f, h.slot, sr_act_accept_person) : NULL;
    if (q && h.end == p + 1 && !has_capital(f, p) && !f->lowercase)
        q = NULL; /* one lower-case word is no name: "gang" is no Qin Gang */
    if (q && h.end >= ne)
        return emit_person(f, ph, sr_act_ent(f->kb, q), first, h.end, p, h.end, -1);
    if (ne > p) {
        referent *r = sr_act_surname_antecedent(f, p, ne);
        if (r && r->entity)
            return emit_person(f, ph, r->entity, first, ne, p, ne, r->mention);
        if (r) {
            sr_act_emit_repeat(f, r, first, ne, SR_MENTION_NAME);
            return ne;
        }
        const kb_entity *e = sr_act_fuzzy_person(f, ph, p, ne);
        if (e)
            return emit_person(f, ph, e, first, ne, p, ne, -1);
        e = without_middle(f, ph, p, ne);
        if (e)
            return emit_person(f, ph, e, first, ne, p, ne, -1);
    }
    /* A known name followed by more capitalized words ("Trump-Putin"): the name alone. */
    if (q)
        return emit_person(f, ph, sr_act_ent(f->kb, q), first, h.end, p, h.end, -1);
    if (ne == p)
        return 0;
    int titled = ph->title_end > 0 && !f->titlecase; /* a headline capitalizes every word */
    if (titled && (ph->mod_code[0] || ne - p >= 2) && ph->title_sector &&
        (ph->mod_code[0] || *ph->title_sector))
        return sr_act_unknown_person(f, ph, p, ne);
    return 0;
}

/* Articles before a mention phrase. */
int sr_act_determiner(const char *norm)
{
    return strcmp(norm, "the") == 0 || strcmp(norm, "a") == 0 || strcmp(norm, "an") == 0;
}

/*
** Whether a capitalized title word is only the start of a longer proper
** name ("Military Committee", "General Staff"): the next word is
** capitalized too and is no name the base knows.
*/
int sr_act_inside_proper_name(finder *f, const phrase *ph)
{
    uint32_t e = ph->title_end;
    if (e >= f->s->ntokens || !sr_act_capitalized(f, ph->title_start) || !sr_act_capitalized(f, e))
        return 0;
    return !sr_act_longest(f, e, sr_act_keep_naming).slot;
}

/* Whether a person's key is only a surname taken from a longer name. */
int sr_act_lone_surname(finder *f, const kb_slot *slot)
{
    const kb_posting *q = sr_act_choose(f, slot, sr_act_accept_person);
    return q && q->kind == KB_P_SURNAME;
}

/*
** Whether the word before a lone surname at p is, give or take a letter or
** two, the first name of the person the surname names ("Dmitri Peskov").
*/
int sr_act_first_name_before(finder *f, uint32_t p, const kb_slot *slot)
{
    if (p == 0)
        return 0;
    const kb_posting *q = sr_act_choose(f, slot, sr_act_accept_person);
    if (!q)
        return 0;
    char name[MAX_KEY], a[64], b[64];
    if (!sr_kb_norm(kb_str(f->kb, sr_act_ent(f->kb, q)->name), name, sizeof name))
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
int sr_act_other_first_name(const finder *f, uint32_t p)
{
    if (p == 0)
        return 0;
    const sr_token *t = &f->s->tokens[p - 1];
    if (t->upos == SR_UPOS_PROPN)
        return sr_act_unknown_capital(f, p - 1);
    return p - 1 > 0 && sr_act_unknown_capital(f, p - 1);
}

/*
** The capitalized run from p holds a name of the base inside a longer
** name ("Dan Kane" holds "Dan"): the run as a whole may still be a person
** by approximate match; else it is skipped.  Returns where to continue.
*/
uint32_t sr_act_other_name(finder *f, phrase *ph, uint32_t p, uint32_t min_end)
{
    uint32_t e = name_run(f, p);
    if (e > p + 1) {
        const kb_entity *x = sr_act_fuzzy_person(f, ph, p, e);
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
uint32_t sr_act_skip_adjectives(const finder *f, uint32_t p)
{
    uint32_t n = f->s->ntokens, q = p;
    int joined = 0;
    while (q < n && q < p + 4 && !sr_act_title_word_at(f, q)) {
        const sr_token *t = &f->s->tokens[q];
        const char *w = f->norm[q];
        int conj = strcmp(w, "and") == 0 || strcmp(w, ",") == 0;
        if (t->upos != SR_UPOS_NONE ? t->upos != SR_UPOS_ADJ && !conj
                                    : !conj && (!sr_act_wordlike(w) || sr_act_stop_word(w) ||
                                                sr_act_capitalized(f, q) || strchr(w, ' ')))
            return p;
        joined |= conj;
        q++;
    }
    if (q == p || q >= n || !sr_act_title_word_at(f, q))
        return p;
    if (f->s->tokens[p].upos == SR_UPOS_NONE && !joined)
        return p;
    return q;
}

/* The prefix agent (NGO~ in PETRARCH's dictionaries) a title key names, or NULL. */
const kb_entity *sr_act_prefix_agent(const finder *f, const kb_slot *slot)
{
    FOR_POSTINGS(f->kb, slot, p)
    if (p->kind == KB_P_AGENT && (sr_act_ent(f->kb, p)->flags & KB_E_AGENT_PREFIX))
        return sr_act_ent(f->kb, p);
    return NULL;
}

/* "MSF Arnor": a prefix agent and its modifier with no title after them (NGO + ARN). */
uint32_t sr_act_emit_prefixed(finder *f, phrase *ph, uint32_t end)
{
    char code[48];
    snprintf(code, sizeof code, "%s%s%s", ph->prefix_sector, ph->mod_code, ph->mod_sector);
    int32_t k = sr_act_emit(f, ph->start, end, code, kb_str(f->kb, ph->prefix->name),
                            ph->mod_entity, ph->prefix_sector, SR_MENTION_AGENT, -1);
    f->m[k].agent = kb_str(f->kb, ph->prefix->id);
    sr_act_note_country(f, ph->mod_code, ph->mod_entity, k);
    sr_act_remember(f, k, NULL, ph->mod_code, 0, 1, 0);
    return end;
}

/* Read the phrase starting at token i; returns where to continue. */
