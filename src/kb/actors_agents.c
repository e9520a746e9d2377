/*
** actors_agents.c: mentions without a name: composed agents ("Russian
** troops" = RUS + MIL), codes joined from a modifier and a sector, state
** institutions that take the document's country, lists that share one
** modifier ("lawmakers in Fornost and Gondor"), and agent words that only
** modify another noun ("military aid") and are no actors.
*/
#include "kb/actors_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util/util.h"

static int state_sector(const char *s)
{
    static const char *const w[] = {"GOV", "MIL", "COP", "LEG", "JUD", "SPY"};
    return act_one_of(s, w, sizeof w / sizeof w[0]);
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
void sr_act_compose(const phrase *ph, char *code, size_t cap)
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
** "the government of Maduro", "the forces of Assad", "the spokesman of
** Putin": a leader named after an agent word and "of" gives it the country
** the leader holds office in on the date.  Extends the title over the name.
*/
static void attach_following_person(finder *f, phrase *ph, uint32_t q)
{
    hit h = sr_act_longest(f, q, sr_act_keep_person);
    const kb_posting *pp = h.slot ? sr_act_choose(f, h.slot, sr_act_accept_person) : NULL;
    if (!pp || !sr_act_capitalized(f, q))
        return;
    char country[4];
    sr_act_country_of(f->kb, sr_act_ent(f->kb, pp), f->date, country);
    if (!country[0] || strcmp(country, "---") == 0)
        return;
    ph->mod = h;
    ph->mod_entity = sr_act_ent(f->kb, pp);
    kb_copy(ph->mod_code, sizeof ph->mod_code, country);
    ph->title_end = h.end;
    ph->post_mod = 1;
}

/*
** "soldiers from Gondor", "the ambassadors of Arnor", "activists in
** Arnor", "forces loyal to Haftar": a country or organization (or, after
** "of" and "loyal to", a leader) after the title is its modifier.
** Extends the title over it.
*/
static int opening_quote(const char *w)
{
    return strcmp(w, "\"") == 0 || strcmp(w, "\u201c") == 0 || strcmp(w, "\u00ab") == 0 ||
           strcmp(w, "\u201e") == 0;
}

/* Is w a possessive determiner ("its troops", "their soldiers")? */
static int possessive(const char *w)
{
    static const char *const POSS[] = {"its", "their", "his", "her", "our", "my", "your"};
    return act_one_of(w, POSS, sizeof POSS / sizeof POSS[0]);
}

static void attach_following_modifier(finder *f, phrase *ph)
{
    uint32_t q = ph->title_end, n = f->s->ntokens;
    if (ph->mod_code[0] || q + 1 >= n)
        return;
    /* "European leaders in the White House": a nationality the base lacks comes first */
    if (ph->title_start > 1 && sr_act_unknown_capital(f, ph->title_start - 1))
        return;
    const char *w = f->norm[q];
    /* "forces loyal to Haftar": whom armed men are loyal to gives their country */
    int loyal = strcmp(w, "loyal") == 0 && q + 2 < n && strcmp(f->norm[q + 1], "to") == 0;
    /* "withdraw its troops from Gaza": troops someone owns come from a place, not from its
       country */
    if (strcmp(w, "from") == 0 && ph->title_start > 0 && possessive(f->norm[ph->title_start - 1]))
        return;
    if (loyal)
        w = f->norm[++q];
    if (strcmp(w, "of") != 0 && strcmp(w, "from") != 0 && strcmp(w, "in") != 0 && !loyal)
        return;
    q++;
    if (q < n && strcmp(f->norm[q], "the") == 0)
        q++;
    /* machine translation's "the suicide bomber of the grouping “Islamic state”": the
       name inside the quotes, after a word for what it is */
    if (q + 1 < n && opening_quote(f->norm[q + 1]) &&
        islower((unsigned char)f->s->tokens[q].form[0]))
        q += 2;
    else if (q < n && opening_quote(f->norm[q]))
        q++;
    hit h = sr_act_longest(f, q, sr_act_keep_modifier);
    const kb_posting *mp = h.slot ? sr_act_choose(f, h.slot, sr_act_accept_modifier) : NULL;
    if (!mp && ph->agent && (strcmp(w, "of") == 0 || loyal)) {
        attach_following_person(f, ph, q);
        return;
    }
    if (!mp)
        return;
    /* machine translation's "the president of the USA Baiden": a country, then the
       holder's name, which may be spelt too far from the base's to be known */
    int country = sr_act_ent(f->kb, mp)->type == KB_T_COUNTRY && ph->title_sector &&
                  strcmp(ph->title_sector, "GOV") == 0 && h.end < f->s->ntokens &&
                  sr_act_capitalized(f, h.end);
    /* "the Ministry of Defence of Russia": the capital before "of" is the title's own */
    int title_before =
        q >= 2 && q - 2 == ph->title_end - 1 &&
        !(h.end < f->s->ntokens && f->gap[h.end] && sr_act_unknown_capital(f, h.end));
    if (!country && !title_before && sr_act_inside_other_name(f, q, h.end))
        return;
    ph->mod = h;
    ph->mod_entity = sr_act_ent(f->kb, mp);
    const char *sector;
    sr_act_code_of(f, ph->mod_entity, ph->mod_code, sizeof ph->mod_code, &sector);
    ph->title_end = h.end;
    ph->post_mod = 1;
}

/*
** The sector a metonym modifier carries beyond its entity's code: GOV of
** "the White House | USAGOV" before "officials".  Only for a modifier that
** is not a place ("officials in the White House" are at it).
*/
void sr_act_metonym_sector(const finder *f, const kb_posting *mp, phrase *ph)
{
    ph->mod_sector[0] = 0;
    if (mp->kind != KB_P_METONYM)
        return;
    const char *c = kb_str(f->kb, mp->aux);
    size_t lm = strlen(ph->mod_code);
    if (lm && strncmp(c, ph->mod_code, lm) == 0 && strlen(c + lm) < sizeof ph->mod_sector)
        kb_copy(ph->mod_sector, sizeof ph->mod_sector, c + lm);
}

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
    if (sr_act_read_titles(f, q + 1, &next, 0) == q + 1 || !next.agent)
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
        if (strcmp(sr_act_form(f, r), ",") == 0)
            r++;
        closed = conjunction(f, r);
        r += (uint32_t)closed;
        if (r == q)
            break;
        if (r < n && strcmp(f->norm[r], "the") == 0)
            r++;
        hit h = sr_act_longest(f, r, sr_act_keep_modifier);
        const kb_posting *p = h.slot ? sr_act_choose(f, h.slot, sr_act_accept_modifier) : NULL;
        if (!p || sr_act_inside_other_name(f, r, h.end))
            return end;
        if (h.end < n && (strcmp(f->norm[h.end], "'s") == 0 || sr_act_title_word_at(f, h.end) ||
                          sr_act_longest(f, h.end, sr_act_keep_person).slot))
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
        x.mod_entity = sr_act_ent(f->kb, mp[i]);
        const char *sector;
        sr_act_code_of(f, x.mod_entity, x.mod_code, sizeof x.mod_code, &sector);
        x.mod_sector[0] = 0;
        char code[48];
        sr_act_compose(&x, code, sizeof code);
        int32_t m = sr_act_emit(f, first[i], last[i], code, kb_str(f->kb, ph->agent->name),
                                x.mod_entity, x.title_sector, SR_MENTION_AGENT, -1);
        f->m[m].agent = kb_str(f->kb, ph->agent->id);
        sr_act_note_country(f, x.mod_code, x.mod_entity, m);
        char country[4];
        kb_copy(country, sizeof country, x.mod_code);
        sr_act_remember(f, m, NULL, country, 0, 1, 0);
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
    if (act_one_of(w, bodies, sizeof bodies / sizeof bodies[0]))
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
int sr_act_title_word_at(const finder *f, uint32_t k)
{
    if (sr_act_longest(f, k, sr_act_keep_title).slot)
        return 1;
    char key[MAX_KEY];
    size_t n = sr_act_range_key(f, k, k + 1, key, sizeof key);
    if (n && sr_act_find_honorific(key))
        return 1;
    if (n > 3 && key[n - 1] == 's') {
        key[n - 1] = 0; /* "chiefs", "generals" */
        return sr_act_find_honorific(key) != NULL;
    }
    return 0;
}

/*
** Is the title of ph a single military rank written in lower case
** ("general" of "a general strike", "major" of "a major offensive")?
** Before a lower-case noun that it modifies, such a word is an adjective,
** not the rank: a rank that names someone is capitalized ("General
** Gerasimov") or stands alone ("the general said").
*/
static int lowercase_rank(const finder *f, const phrase *ph)
{
    if (ph->title_end != ph->title_start + 1 ||
        !islower((unsigned char)sr_act_form(f, ph->title_start)[0]))
        return 0;
    const honorific *h = sr_act_find_honorific(ph->title_head);
    return h && h->sector && strcmp(h->sector, "MIL") == 0;
}

/* Whether the title of ph names an office a person holds ("foreign minister"), not a group. */
static int office_title(const finder *f, const phrase *ph)
{
    if (sr_act_find_honorific(ph->title_head))
        return 1;
    FOR_POSTINGS(f->kb, ph->title_slot, p)
    if (p->kind == KB_P_TITLE && sr_act_person(f->kb, sr_act_ent(f->kb, p)))
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
    if (next >= n || !f->gap[next] || sr_act_title_word_at(f, next) || actor_noun(f->norm[next]))
        return 0;
    const sr_token *t = &f->s->tokens[h], *u = &f->s->tokens[next];
    if (t->upos != SR_UPOS_NONE) {
        if (u->upos != SR_UPOS_NOUN || sr_act_capitalized(f, next))
            return 0;
        if (t->head >= 0 && t->deprel)
            return (uint32_t)t->head == next + 1 &&
                   (strcmp(t->deprel, "compound") == 0 || strcmp(t->deprel, "amod") == 0);
        if (t->upos != SR_UPOS_ADJ && t->upos != SR_UPOS_NOUN)
            return 0;
        /* unparsed: the last noun of the run is the one modified ("official news agency") */
        uint32_t last = next;
        while (last + 1 < n && f->s->tokens[last + 1].upos == SR_UPOS_NOUN &&
               !sr_act_capitalized(f, last + 1))
            last++;
        return last == next || (!sr_act_title_word_at(f, last) && !actor_noun(f->norm[last]));
    }
    size_t hl = strlen(f->norm[h]);
    if (hl == 0 || f->norm[h][hl - 1] == 's')
        return 0;
    return noun_shape(sr_act_form(f, next));
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
    if (n < 2 || h[n - 1] == 's' || sr_act_find_honorific(h))
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
    const country_count *c = sr_act_salient_country(f);
    if (!c)
        return 0;
    kb_copy(ph->mod_code, sizeof ph->mod_code, c->code);
    ph->mod_entity = c->entity;
    *antecedent = c->mention;
    return 1;
}

/* Is mention m of the sentence being read the subject of a verb (its head word an nsubj)? */
static int mention_is_subject(const finder *f, int32_t m)
{
    if (m < 0 || (size_t)m >= f->nm)
        return 0;
    const sr_mention *mm = &f->m[m];
    for (uint32_t k = mm->first; k < mm->last && k < f->s->ntokens; k++) {
        const sr_token *t = &f->s->tokens[k];
        if (t->head >= (int32_t)mm->first + 1 && t->head <= (int32_t)mm->last)
            continue; /* inside the mention: not its head word */
        return t->deprel && strncmp(t->deprel, "nsubj", 5) == 0;
    }
    return 0;
}

/*
** An agent after a possessive pronoun ("its ambassador", "their army",
** "his government") belongs to the actor the pronoun stands for: the most
** recent one of its kind within the pronoun's reach ("its": a country or
** body; "their": a body or a group of people; "his", "her": a person).
** Sets the modifier to that actor's country and *antecedent to its latest
** mention; returns 1 when it did.
*/
static int adopt_owner_country(finder *f, phrase *ph, int32_t *antecedent)
{
    if (ph->title_start == 0)
        return 0;
    const char *w = f->norm[ph->title_start - 1];
    int its = strcmp(w, "its") == 0, their = strcmp(w, "their") == 0;
    int person = strcmp(w, "his") == 0 || strcmp(w, "her") == 0;
    if (!its && !their && !person)
        return 0;
    const referent *best = NULL;
    /* the subject of the sentence first ("Hungary will not supply weapons to Ukraine, its
       government said": Hungary), else the most recent */
    for (int pass = 0; pass < 2 && !best; pass++)
        for (size_t k = f->nrefs; k-- > 0 && !best;) {
            const referent *r = &f->refs[k];
            if (r->sentence + 1 < f->si)
                break;
            int fits = person ? r->person
                       : its  ? (r->entity && !r->person)
                              : (r->plural || !r->person);
            if (fits && (pass == 1 || (r->sentence == f->si && mention_is_subject(f, r->mention))))
                best = r;
        }
    if (!best || strlen(best->country) != 3 || strcmp(best->country, "---") == 0)
        return 0;
    kb_copy(ph->mod_code, sizeof ph->mod_code, best->country);
    ph->mod_entity = best->entity;
    *antecedent = best->mention;
    return 1;
}

/*
** A title with no name after it: office holder, earlier actor, or composed
** agent.  A country after "of", "from", "in" is tried as its modifier, and
** let go again when the title says nothing with it.
*/
uint32_t sr_act_title_only(finder *f, phrase *ph)
{
    uint32_t own_end = ph->title_end;
    size_t before = f->nm;
    if (ph->agent && !office_title(f, ph) && modifies_noun(f, ph))
        return own_end; /* "military aid", "police station": no actor */
    if (lowercase_rank(f, ph) && modifies_noun(f, ph))
        return own_end; /* "a general strike", "the general public": no general */
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

/*
** The agent the last word of a title of several words is ("a federal
** prosecutor", when the base knows "Federal Prosecutor" only as a named
** office): with no holder and no modifier the phrase is still that agent.
** NULL when the last word is no agent word.
*/
static const kb_entity *last_word_agent(finder *f, const phrase *ph)
{
    if (ph->title_end < ph->title_start + 2)
        return NULL;
    hit last = sr_act_longest(f, ph->title_end - 1, sr_act_keep_title);
    if (!last.slot || last.end != ph->title_end)
        return NULL;
    FOR_POSTINGS(f->kb, last.slot, p)
    if (p->kind == KB_P_AGENT)
        return sr_act_ent(f->kb, p);
    return NULL;
}

/* title_only once the modifier is settled. */
static uint32_t title_only_inner(finder *f, phrase *ph)
{
    const kb_role *role = NULL;
    const kb_entity *e = NULL;
    int person_title =
        ph->title_slot == NULL || !ph->agent || sr_act_find_honorific(ph->title_head);
    /* Without a modifier, "the minister" is first someone already named. */
    if (!ph->mod_code[0] && ph->det && person_title) {
        referent *r = sr_act_title_antecedent(f, ph);
        if (r) {
            sr_act_emit_repeat(f, r, ph->start, ph->title_end, SR_MENTION_TITLE);
            return ph->title_end;
        }
    }
    if (ph->mod_code[0] || ph->det)
        e = sr_act_office_holder(f, ph, &role);
    if (e) {
        referent *prev = sr_act_referent_of(f, e);
        char country[4];
        int32_t k = sr_act_emit(f, ph->start, ph->title_end, kb_str(f->kb, role->code),
                                kb_str(f->kb, e->name), e, kb_str(f->kb, role->sector),
                                SR_MENTION_TITLE, prev ? prev->mention : -1);
        sr_act_country_of(f->kb, e, f->date, country);
        sr_act_note_country(f, country, NULL, k);
        referent *r = sr_act_remember(f, k, e, country, 1, 0, (char)e->gender);
        sr_act_add_title_word(r, ph->title_head);
        return ph->title_end;
    }
    if (ph->mod_code[0] && person_title) {
        referent *r = sr_act_title_antecedent(f, ph);
        if (r) {
            sr_act_emit_repeat(f, r, ph->start, ph->title_end, SR_MENTION_TITLE);
            return ph->title_end;
        }
    }
    if (!ph->agent && !ph->mod_code[0])
        ph->agent = last_word_agent(f, ph);
    /* a bare office title ("the head") is no actor by itself */
    if (!ph->title_sector || !*ph->title_sector || (!ph->agent && !ph->mod_code[0]))
        return ph->title_end;
    int32_t antecedent = -1;
    if (!ph->mod_code[0] && ph->agent)
        adopt_owner_country(f, ph, &antecedent); /* "its ambassador", "their army" */
    if (ph->det && ph->agent && institution(ph))
        adopt_salient_country(f, ph, &antecedent); /* "the government" */
    char code[48];
    sr_act_compose(ph, code, sizeof code);
    const char *name = ph->agent ? kb_str(f->kb, ph->agent->name) : NULL;
    int32_t k = sr_act_emit(f, ph->start, ph->title_end, code,
                            name ? name : sr_act_surface(f, ph->title_start, ph->title_end),
                            ph->mod_entity, ph->title_sector, SR_MENTION_AGENT, antecedent);
    f->m[k].agent = ph->agent ? kb_str(f->kb, ph->agent->id) : NULL;
    sr_act_note_country(f, ph->mod_code, ph->mod_entity, k);
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
    sr_act_remember(f, k, NULL, country, 0, plural || ph->agent != NULL, 0);
    return ph->title_end;
}

/* A capitalized name after a title or modifier that the base lacks: an unknown person. */
uint32_t sr_act_unknown_person(finder *f, phrase *ph, uint32_t ns, uint32_t ne)
{
    char code[48];
    int32_t antecedent = -1;
    adopt_salient_country(f, ph, &antecedent); /* "Prime Minister Irakli Kobakhidze" */
    sr_act_compose(ph, code, sizeof code);
    const char *name = sr_act_surface(f, ns, ne);
    int32_t k = sr_act_emit(f, ph->start, ne, code, name, NULL, ph->title_sector,
                            SR_MENTION_UNKNOWN, antecedent);
    f->m[k].agent = ph->agent ? kb_str(f->kb, ph->agent->id) : NULL;
    sr_act_note_country(f, ph->mod_code, NULL, k);
    char country[4];
    kb_copy(country, sizeof country, ph->mod_code);
    referent *r = sr_act_remember(f, k, NULL, country, 1, 0, ph->title_gender);
    sr_act_add_title_word(r, ph->title_head);
    char key[MAX_KEY];
    if (sr_act_range_key(f, ne - 1, ne, key, sizeof key))
        kb_copy(r->surname, sizeof r->surname, key);
    return ne;
}

/*
** The name part of a phrase at p: an exact person name, an earlier
** person's surname, a person by approximate match, or an unknown titled
** person.  Returns the token after the phrase, or 0 when there is no name.
*/
