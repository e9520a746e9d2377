/*
** actors_coref.c: writing mentions, remembering actors for coreference,
** and linking bare titles, surnames and pronouns to the most recent
** compatible actor ("the Italian admiral", "Lavrov", "he").  The country a
** document is about (salient_country) is counted here too.
*/
#include "kb/actors_internal.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util/util.h"

/* Output.                                                            */

/* Append a mention covering tokens [first, last) of the current sentence. */
int32_t sr_act_emit(finder *f, uint32_t first, uint32_t last, const char *code, const char *name,
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
const char *sr_act_surface(finder *f, uint32_t i, uint32_t j)
{
    uint32_t a = f->s->tokens[i].start, b = f->s->tokens[j - 1].end;
    return sr_arena_strndup(f->a, f->text + a, b - a);
}

/* Remember an actor for coreference; returns it. */
referent *sr_act_remember(finder *f, int32_t mention, const kb_entity *e, const char *country,
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
void sr_act_add_title_word(referent *r, const char *w)
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
** named, so bare institutions ("the government") do not take it.  code
** holds three bytes at least.
*/
static int is_region_code(const char *code)
{
    static const char regions[] = "AFR ARB ASA BLK CAS CAU CRB EAF EEU EUR LAM MEA NAF NMR PGS "
                                  "SAF SAM SAS SCN SEA WAF WST ";
    for (const char *r = regions; *r; r += 4)
        if (memcmp(r, code, 3) == 0)
            return 1;
    return 0;
}

void sr_act_note_country(finder *f, const char *code, const kb_entity *e, int32_t mention)
{
    /* past the length test, the first three bytes compare as a block */
    if (!code || strlen(code) < 3 || memcmp(code, "IGO", 3) == 0 || memcmp(code, "NGO", 3) == 0 ||
        memcmp(code, "MNC", 3) == 0 || is_region_code(code))
        return;
    for (int i = 0; i < 3; i++)
        if (code[i] < 'A' || code[i] > 'Z')
            return;
    country_count *c = NULL;
    for (int i = 0; i < f->ncountries && !c; i++)
        if (memcmp(f->countries[i].code, code, 3) == 0)
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
    if (e && e->type == KB_T_COUNTRY && !c->entity)
        c->entity = e; /* not "ELN", whose code is Colombian: the institution is not ELN's */
}

/*
** The country the document is about so far: named at least twice and at
** least twice as often as any other.  NULL when no country stands out, as
** in a one-sentence text or a story of two countries.
*/
const country_count *sr_act_salient_country(const finder *f)
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
referent *sr_act_referent_of(finder *f, const kb_entity *e)
{
    for (size_t i = f->nrefs; i-- > 0;)
        if (f->refs[i].entity == e)
            return &f->refs[i];
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
    if (!*h || sr_act_generic_title(h))
        return 1;
    for (int i = 0; i < r->ntitles; i++)
        if (strcmp(r->titles[i], h) == 0)
            return 1;
    return r->entity && office_head(f->kb, r->entity, h);
}

/* The most recent person referent a bare title phrase may mean, or NULL. */
referent *sr_act_title_antecedent(finder *f, const phrase *ph)
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
int32_t sr_act_emit_repeat(finder *f, referent *r, uint32_t first, uint32_t last, int kind)
{
    sr_mention src = f->m[r->mention];
    const kb_entity *e = r->entity;
    int32_t k = sr_act_emit(f, first, last, src.code, src.name, e, src.sector, kind, r->mention);
    f->m[k].entity = src.entity;
    f->m[k].agent = src.agent;
    r->mention = k;
    r->sentence = f->si;
    return k;
}

/* Pronouns we resolve: 'm', 'f' or 'p' (plural), or 0. */
char sr_act_pronoun(const char *norm)
{
    /* asked of every token: most begin with none of the pronouns' letters */
    if (norm[0] != 'h' && norm[0] != 's' && norm[0] != 't' && norm[0] != 'i')
        return 0;
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
uint32_t sr_act_read_pronoun(finder *f, uint32_t i, char which)
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
            sr_act_emit_repeat(f, r, i, i + 1, SR_MENTION_PRONOUN);
            return i + 1;
        }
    }
    return i + 1;
}

/* The earlier person whose written surname is the name at [ns, ne), or NULL. */
referent *sr_act_surname_antecedent(finder *f, uint32_t ns, uint32_t ne)
{
    char norm[MAX_KEY], key[MAX_KEY], rk[64];
    if (!sr_act_range_key(f, ns, ne, norm, sizeof norm) || strchr(norm, ' '))
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
