/*
** roles.c: source and target of a predicate from grammatical relations.
**
** For a verb the source is its nsubj; obl:agent or "by" in the passive
** (or the owner of the agent's fire: "hit by fire from an Israeli tank");
** with no subject, the subject of the verb it is conjoined to, of the verb
** whose xcomp it is (or that verb's object: "X urged Y to withdraw"), of
** the verb an advcl or acl hangs from, or the noun a relative clause
** modifies.  Its target is found by roles_target.c.
**
** For an event noun ("Russian attacks on Sumy and Odesa", "talks between
** X and Y", "the bombing of a hospital by Israeli aircraft") the source is
** a modifier, possessor, "by" or "between" phrase (or the preposition its
** entry names: "the mediation of Qatar"), else the subject of the light
** verb that takes it as object ("Russia launched strikes"), else whoever
** claims it ("claimed responsibility for the bombings"); the target a noun
** phrase introduced by a target preposition, else the object of the verb
** it is the subject of ("Russian strikes hit six regions").  A place is
** never a target through "in": "talks in Beijing" is where; nor is the
** topic of a consultation ("discussed the situation in Syria"), nor an
** actor of another event noun ("at mediation of Trump").
**
** Files: roles_actors.c (the actors a token stands for), roles_find.c
** (participants in the tree), roles_target.c (targets and what follows).
*/
#include "code/roles.h"

#include <ctype.h>
#include <string.h>

#include "util/util.h"

/* Is k "other" or "another", or a word fixed to one ("each" with "other")? */
static int reciprocal_word(const tree_ctx *x, uint32_t k)
{
    const char *w = sr_tr_lemma(x, k);
    if (strcmp(w, "other") == 0 || strcmp(w, "another") == 0)
        return 1;
    int f = sr_tr_child(x, k, "fixed");
    return f >= 0 && (strcmp(sr_tr_lemma(x, (uint32_t)f), "other") == 0 ||
                      strcmp(sr_tr_lemma(x, (uint32_t)f), "another") == 0);
}

/* "accused each other", "met one another": a reciprocal object. */
static int reciprocal_object(const tree_ctx *x, uint32_t h)
{
    for (int32_t c = x->first_child[h]; c >= 0; c = x->next_child[c])
        if ((sr_tr_rel(x, (uint32_t)c, "obj") || sr_tr_rel(x, (uint32_t)c, "obl")) &&
            reciprocal_word(x, (uint32_t)c))
            return 1;
    return 0;
}

/* Verbs of saying whose object is the one spoken to ("told reporters": class addressee). */
static int addressee_verb(const tree_ctx *x, uint32_t h)
{
    return (x->wc[h] & SR_WC_ADDRESSEE) != 0;
}

/*
** TABARI's source, for PETRARCH dictionaries when the tree's subject names
** no known actor: the nearest actor before verb h in its stretch of words,
** back to a comma, semicolon or another verb of the dictionary ("..., the
** official news agency WFNA said": the official).
*/
static uint32_t actor_before(tree_ctx *x, uint32_t h, int32_t *out)
{
    for (int k = (int)h - 1; k >= 0; k--) {
        const char *f = x->s->tokens[k].form;
        if (x->ti[k].verb_head || strcmp(f, ",") == 0 || strcmp(f, ";") == 0)
            return 0;
        if (x->ti[k].mention >= 0) {
            /* the last member of a list stands for the list ("Arnor and Gondor may ...") */
            int g = sr_tr_head(x, (uint32_t)k);
            if (sr_tr_rel(x, (uint32_t)k, "conj") && g >= 0 && g < k &&
                sr_ro_actor_token(x, (uint32_t)g, 1) >= 0)
                return sr_tr_actors(x, (uint32_t)g, out, TREE_SIDE);
            return sr_tr_actors(x, (uint32_t)k, out, TREE_SIDE);
        }
    }
    return 0;
}

/*
** Whose fire a passive's agent is ("was hit by fire from an Israeli tank",
** "was killed by a blow of a Russian drone"): the actor of a "from", "of"
** or "by" phrase on the agent noun, or one the parser hung on the verb
** right after it.
*/
static uint32_t weapon_owner(tree_ctx *x, uint32_t h, uint32_t a, int32_t *out)
{
    static const char *const FROM[] = {"from", "of", "by", NULL};
    uint32_t n = sr_ro_prep_actors(x, a, NULL, "nmod", FROM, out, TREE_SIDE);
    for (int32_t c = x->first_child[h]; c >= 0 && !n; c = x->next_child[c])
        if ((uint32_t)c > a && sr_tr_rel(x, (uint32_t)c, "obl") &&
            strcmp(sr_tr_case(x, (uint32_t)c), "from") == 0)
            n = sr_tr_actors(x, (uint32_t)c, out, TREE_SIDE);
    return n;
}

/*
** Machine translation keeps the impersonal of Russian and Ukrainian news
** ("In the Kremlin refused to comment", "in NATO condemned this
** decision"): a verbal act other than a meeting, with no subject of its
** own and an "in" phrase before it, is said by whoever sits there: an
** international body, or a place's government (the Kremlin and Kiev are
** places after "in").  Fills p's sources; returns their count.
*/
static uint32_t seat_speaks(tree_ctx *x, pred *p)
{
    uint32_t h = p->head;
    const char *code = p->hit.code;
    if (!x->c->dict->inflect || !code || !sr_ro_verbal_code(code) ||
        (code[0] == '0' && code[1] == '4') || sr_ro_active_subject(x, h) >= 0 ||
        sr_tr_child(x, h, "nsubj:pass") >= 0)
        return 0;
    for (int32_t c = x->first_child[h]; c >= 0 && c < (int32_t)h; c = x->next_child[c]) {
        if (!sr_tr_rel(x, (uint32_t)c, "obl") || strcmp(sr_tr_case(x, (uint32_t)c), "in") != 0)
            continue;
        int32_t seats[TREE_SIDE];
        uint32_t n =
            sr_tr_actors(x, (uint32_t)c, seats, TREE_SIDE); /* "in Washington and Brussels" */
        for (uint32_t i = 0; i < n; i++) {
            const sr_mention *mm = sr_tr_mention(x, seats[i]);
            if (mm->code && strncmp(mm->code, "---", 3) != 0)
                p->src[p->nsrc++] =
                    strlen(mm->code) == 3 ? sr_ro_sector_copy(x, seats[i], "GOV") : seats[i];
        }
        if (p->nsrc)
            return p->nsrc;
    }
    return 0;
}

/*
** The speaker of a trailing speech verb in machine translation's word
** order: its object, or a name the parser hung on it with no preposition
** ("..., informed the prime minister Kisida"); fills p's sources.
*/
static uint32_t trailing_speaker(tree_ctx *x, pred *p)
{
    uint32_t n = sr_ro_object_actors(x, p->head, p, p->src, TREE_SIDE);
    for (int32_t c = x->first_child[p->head]; c >= 0 && !n && x->c->dict->inflect;
         c = x->next_child[c])
        if (sr_tr_rel(x, (uint32_t)c, "obl") && !*sr_tr_case(x, (uint32_t)c) &&
            x->s->tokens[c].upos == SR_UPOS_PROPN)
            n = sr_tr_actors(x, (uint32_t)c, p->src, TREE_SIDE);
    return n;
}

/*
** Is the source of verb p the two parties a subject such as "the sides" or
** "the presidents" stands for: two actors of different countries, while
** the subject's own words name none?  What such a subject does, it does
** with each other.
*/
static int two_sides_subject(tree_ctx *x, const pred *p)
{
    int s = sr_ro_active_subject(x, p->head), g = sr_tr_head(x, p->head);
    if (s < 0 && g >= 0 && sr_tr_rel(x, p->head, "xcomp")) /* "the sides agreed to restore" */
        s = sr_ro_active_subject(x, (uint32_t)g);
    if (!x->c->dict->inflect || s < 0 || p->nsrc != 2)
        return 0;
    const char *a = sr_tr_mention(x, p->src[0])->code, *b = sr_tr_mention(x, p->src[1])->code;
    if (!a || !b || strncmp(a, "---", 3) == 0 || strncmp(b, "---", 3) == 0 || strncmp(a, b, 3) == 0)
        return 0;
    int32_t own[TREE_SIDE];
    uint32_t n = sr_tr_actors(x, (uint32_t)s, own, TREE_SIDE);
    return !n || sr_ro_unknown_country(x, own, n);
}

/*
** Is verb h a `needs-object` verb that a speech verb reports with a subject
** and no object ("Russia stated that NATO troops would not accept in
** Ukraine")?  Machine translation keeps the source language's object-first
** order and drops the subject it repeats: the subject is the object.
*/
static int object_first(const tree_ctx *x, uint32_t h)
{
    int g = sr_tr_head(x, h), s = sr_ro_active_subject(x, h);
    return (x->wc[h] & SR_WC_NEEDS_OBJECT) && g >= 0 && sr_tr_rel(x, h, "ccomp") &&
           (x->wc[g] & SR_WC_SPEECH) && s >= 0 && s < (int)h && x->ti[s].mention >= 0 &&
           sr_tr_child(x, h, "obj") < 0 && sr_tr_child(x, h, "ccomp") < 0 &&
           sr_tr_child(x, h, "xcomp") < 0;
}

static void verb_roles(tree_ctx *x, pred *p)
{
    uint32_t h = p->head;
    int inherited = 0;
    if (reciprocal_object(x, h))
        p->hit.mutual = 1;
    p->passive = (uint8_t)sr_ro_is_passive(x, h);
    if (p->passive) {
        int a = sr_tr_agent_child(x, h);
        /* "was shot and wounded by a gunman": conjoined participles share the agent */
        for (int32_t c = x->first_child[h]; a < 0 && c >= 0; c = x->next_child[c])
            if (sr_tr_rel(x, (uint32_t)c, "conj") && sr_tr_is_verbal(x, (uint32_t)c))
                a = sr_tr_agent_child(x, (uint32_t)c);
        if (a < 0 && sr_tr_rel(x, h, "conj") && sr_tr_head(x, h) >= 0)
            a = sr_tr_agent_child(x, (uint32_t)sr_tr_head(x, h));
        if (a < 0 && !x->c->dict->inflect)
            a = sr_ro_agent_after(x, h);
        if (a >= 0)
            p->nsrc = sr_tr_actors(x, (uint32_t)a, p->src, TREE_SIDE);
        if (a >= 0 && !p->nsrc && x->c->dict->inflect)
            p->nsrc = weapon_owner(x, h, (uint32_t)a, p->src);
        int s = sr_tr_child(x, h, "nsubj:pass");
        if (a < 0 && !x->c->dict->inflect && (s >= 0 || sr_ro_active_subject(x, h) >= 0)) {
            /* PETRARCH reads a passive only by its agent: without one, "The Philippines
               was criticized over its dispute with Eriador" is read as active */
            p->passive = 0;
            p->nsrc = sr_tr_actors(x, (uint32_t)(s >= 0 ? s : sr_ro_active_subject(x, h)), p->src,
                                   TREE_SIDE);
            p->ntgt = sr_ro_verb_target(x, p, p->tgt, 2);
        } else if (s >= 0 && s >= (int)p->hit.tstart && s < (int)h) {
            /* the phrase's words in the subject ("sanctions on Iran were imposed",
               "sanctions were imposed on Iran"): the target is a preposition's */
            p->ntgt =
                sr_ro_prep_actors(x, (uint32_t)s, p, "nmod", sr_ro_verb_preps(), p->tgt, TREE_SIDE);
            if (!p->ntgt)
                p->ntgt = sr_ro_prep_actors(x, h, p, "obl", sr_ro_verb_preps(), p->tgt, TREE_SIDE);
            if (!p->ntgt && x->c->dict->inflect) /* "the leader of Hezbollah was killed" */
                p->ntgt = sr_tr_actors(x, (uint32_t)s, p->tgt, TREE_SIDE);
        } else if (s >= 0 && a < 0 && x->c->dict->inflect && p->hit.code &&
                   strncmp(p->hit.code, "15", 2) == 0) {
            /* "Thousands of Polish troops were deployed": the force deployed shows force */
            p->passive = 0;
            p->nsrc = sr_tr_actors(x, (uint32_t)s, p->src, TREE_SIDE);
        } else if (s >= 0)
            p->ntgt = sr_tr_actors(x, (uint32_t)s, p->tgt, TREE_SIDE);
        else if (x->c->dict->inflect && sr_tr_child(x, h, "obj") > (int)h)
            /* machine translation's verb-first passive: "was killed the head of the troops" */
            p->ntgt = sr_tr_actors(x, (uint32_t)sr_tr_child(x, h, "obj"), p->tgt, TREE_SIDE);
        else if (sr_tr_rel(x, h, "acl") && sr_tr_head(x, h) >= 0)
            p->ntgt = sr_tr_actors(x, (uint32_t)sr_tr_head(x, h), p->tgt, TREE_SIDE);
        else if (sr_tr_rel(x, h, "conj") && sr_tr_head(x, h) >= 0) {
            int g = sr_tr_head(x, h), gs = sr_tr_child(x, (uint32_t)g, "nsubj:pass");
            if (gs < 0)
                gs = sr_ro_active_subject(x, (uint32_t)g);
            if (gs >= 0)
                p->ntgt = sr_tr_actors(x, (uint32_t)gs, p->tgt, TREE_SIDE);
        }
    } else if (p->speech && sr_ro_active_subject(x, h) < 0 && sr_tr_head(x, h) >= 0 &&
               sr_tr_head(x, h) < (int)h && trailing_speaker(x, p)) {
        /* machine translation keeps the source's word order: "..., informed the Kremlin",
           "declared the prosecutor Karim Khan": the object of a trailing speech verb speaks */
        p->nsrc = trailing_speaker(x, p);
        inherited = 0;
    } else if (seat_speaks(x, p)) {
        p->ntgt = sr_ro_verb_target(x, p, p->tgt, 2);
    } else {
        p->nsrc = sr_ro_subject_of(x, h, p->src, &inherited, 4);
        int s = sr_ro_active_subject(x, h); /* "Russian missiles hit Kyiv": its military */
        for (uint32_t i = 0; s >= 0 && i < p->nsrc; i++)
            if (x->ti[s].mention < 0) /* "U.S. and British warplanes": both militaries */
                p->src[i] = sr_ro_military_source(x, p, (uint32_t)s, p->src[i]);
        if (!x->c->dict->inflect && sr_ro_unknown_names(x, p->src, p->nsrc)) {
            int32_t near[TREE_SIDE];
            uint32_t n = actor_before(x, h, near);
            if (n) {
                memcpy(p->src, near, n * sizeof *near);
                p->nsrc = n;
                inherited = 0;
            }
        }
        /* a PETRARCH verb of saying has its own code and TABARI's target, unless what
           it reports codes (sr_tr_speech) */
        if (!p->speech || addressee_verb(x, h) || !x->c->dict->inflect)
            p->ntgt = sr_ro_verb_target(x, p, p->tgt, 2);
        if (!x->c->dict->inflect && SR_CODE_NEW_ACTOR_LENGTH(x->flags)) {
            if (sr_ro_unknown_names(x, p->src, p->nsrc)) {
                int32_t m = sr_ro_new_subject_actor(x, h);
                if (m >= 0) {
                    p->src[0] = m;
                    p->nsrc = 1;
                }
            } else {
                p->nsrc = sr_ro_new_conjunct_actors(x, h, p->src, p->nsrc);
            }
            if (!p->ntgt)
                p->ntgt = sr_ro_add_actor(p->tgt, 0, TREE_SIDE, sr_ro_new_object_actor(x, h));
        }
        if (x->c->dict->inflect && object_first(x, h)) {
            /* the subject is the object; the speaker acts (sr_tr_speech) */
            p->ntgt = sr_tr_actors(x, (uint32_t)sr_ro_active_subject(x, h), p->tgt, TREE_SIDE);
            p->nsrc = 0;
            inherited = 0;
        }
        if (two_sides_subject(x, p) && sr_ro_unknown_country(x, p->tgt, p->ntgt)) {
            p->ntgt = 0; /* "the sides agreed to restore the work of the embassies" */
            p->hit.mutual = 1;
        }
        sr_ro_source_by_preposition(x, p, &inherited);
        int g = sr_tr_head(x, h);
        if (!p->ntgt && inherited && x->c->dict->inflect && g >= 0 &&
            (sr_tr_rel(x, h, "xcomp") || sr_tr_rel(x, h, "advcl"))) {
            /* "proposed to Kiev to renew the negotiations": the act proposed is to Kiev */
            static const char *const TO[] = {"to", NULL};
            p->ntgt = sr_ro_prep_actors(x, (uint32_t)g, NULL, "obl", TO, p->tgt, TREE_SIDE);
        }
    }
    p->src_inherited = (uint8_t)inherited;
}

/*
** The source of event noun p named by a preposition its entry lists
** ("noun: mediation 045 source:of": "at the mediation of Qatar"): those
** actors, which are then no target.
*/
static void noun_source_by_preposition(tree_ctx *x, pred *p)
{
    pred q = *p; /* the same predicate, asking for the source's prepositions */
    q.hit.preps = p->hit.spreps;
    q.hit.npreps = p->hit.nspreps;
    p->nsrc = sr_ro_prep_actors(x, p->head, &q, "nmod", sr_ro_noun_preps(), p->src, TREE_SIDE);
}

/*
** The claimant of an attack whose responsibility an actor claims ("Islamic
** State claimed responsibility for the twin suicide bombings"): the
** sources of the claim (015) whose phrase the noun hangs from, two steps up
** at most.
*/
static uint32_t claimant(tree_ctx *x, const pred *p, int32_t *out)
{
    const char *code = p->hit.code;
    if (!code || !(code[0] == '1' && code[1] >= '8') || !x->c->dict->inflect)
        return 0;
    int k = sr_tr_head(x, p->head);
    for (int steps = 0; k >= 0 && steps < 2; steps++, k = sr_tr_head(x, (uint32_t)k))
        for (uint32_t i = 0; i < x->npred; i++) {
            pred *q = &x->preds[i];
            if (q == p || !q->hit.code || strncmp(q->hit.code, "015", 3) != 0 ||
                q->roles_state == 1 || (uint32_t)k < q->hit.tstart || (uint32_t)k >= q->hit.tend)
                continue;
            sr_tr_roles(x, q);
            memcpy(out, q->src, q->nsrc * sizeof *out);
            return q->nsrc;
        }
    return 0;
}

/*
** The claimant of an attack whose text names no attacker, when its
** sentence has a claim of responsibility (015) of no other event ("an
** explosive device hit the army's column, Al-Shabaab claimed
** responsibility"): the claim's sources.
*/
static uint32_t sentence_claimant(tree_ctx *x, const pred *p, int32_t *out)
{
    const char *code = p->hit.code;
    if (!sr_code_force(code))
        return 0;
    for (uint32_t i = 0; i < x->npred; i++) {
        pred *q = &x->preds[i];
        if (q == p || !q->hit.code || strncmp(q->hit.code, "015", 3) != 0 || q->roles_state == 1)
            continue;
        uint32_t other =
            0; /* an attack its own phrase names is the claim's ("claimed the attack") */
        for (uint32_t j = 0; j < x->npred; j++) {
            const pred *r = &x->preds[j];
            int g = sr_tr_head(x, r->head);
            other += r != p && r != q && sr_code_force(r->hit.code) && g >= 0 &&
                     (uint32_t)g >= q->hit.tstart && (uint32_t)g < q->hit.tend;
        }
        if (other)
            continue;
        sr_tr_roles(x, q);
        if (q->nsrc && strncmp(sr_tr_mention(x, q->src[0])->code, "---", 3) != 0) {
            memcpy(out, q->src, q->nsrc * sizeof *out);
            return q->nsrc;
        }
    }
    return 0;
}

/* Has consultation noun h a "with" phrase naming an actor ("talks with X")? */
static int with_partner(tree_ctx *x, uint32_t h)
{
    static const char *const WITH[] = {"with", NULL};
    int32_t partner[TREE_SIDE];
    return sr_ro_prep_actors(x, h, NULL, "nmod", WITH, partner, TREE_SIDE) > 0;
}

/*
** Machine translation's "Between Putin and Trump passed the telephone
** conversation": the parties of an event noun named by a "between" phrase
** on the verb it is the object or subject of.
*/
static void between_on_verb(tree_ctx *x, pred *p, uint32_t g)
{
    for (int32_t c = x->first_child[g]; c >= 0 && !p->nsrc; c = x->next_child[c])
        if ((uint32_t)c != p->head && strcmp(sr_tr_case(x, (uint32_t)c), "between") == 0 &&
            (sr_tr_rel(x, (uint32_t)c, "obl") || sr_tr_rel(x, (uint32_t)c, "nsubj")))
            p->nsrc = sr_tr_actors(x, (uint32_t)c, p->src, TREE_SIDE);
    if (p->nsrc > 1)
        p->hit.mutual = 1;
    else
        p->nsrc = 0;
}

/* Is k joined to the word after it by a hyphen ("US-Russia", "Trump-Putin")? */
static int hyphen_joined(const tree_ctx *x, uint32_t k)
{
    for (int32_t c = x->first_child[k]; c >= 0; c = x->next_child[c])
        if (sr_tr_rel(x, (uint32_t)c, "punct") && (uint32_t)c == k + 1 &&
            strcmp(x->s->tokens[c].form, "-") == 0)
            return 1;
    return 0;
}

/*
** The modifiers of a consultation noun (talks, summit, negotiations): two
** actors joined by a hyphen hold it with each other ("the US-Russia talks",
** "the Trump-Putin summit", "Russian-Ukrainian talks"); a single noun
** modifier, or an actor reached through another noun, is its topic or
** venue ("the Istanbul talks", "the Gaza truce negotiations", "the Ukraine
** peace summit").  Sets p's sources; returns 1 when the noun and adjective
** modifiers are its topic.
*/
static int consult_modifiers(tree_ctx *x, pred *p)
{
    int topic = 0;
    for (int32_t c = x->first_child[p->head]; c >= 0; c = x->next_child[c]) {
        if (!(sr_tr_rel(x, (uint32_t)c, "compound") || sr_tr_rel(x, (uint32_t)c, "amod")) ||
            sr_ro_in_trigger(x, p, c) || sr_tr_rel(x, (uint32_t)c, "compound:prt"))
            continue;
        int32_t m = x->ti[c].mention;
        for (int32_t d = x->first_child[c]; d >= 0 && m >= 0; d = x->next_child[d])
            if ((sr_tr_rel(x, (uint32_t)d, "compound") || sr_tr_rel(x, (uint32_t)d, "amod")) &&
                hyphen_joined(x, (uint32_t)d) && x->ti[d].mention >= 0 && x->ti[d].mention != m) {
                p->nsrc = sr_ro_add_actor(p->src, 0, TREE_SIDE, x->ti[d].mention);
                p->nsrc = sr_ro_add_actor(p->src, p->nsrc, TREE_SIDE, m);
                p->hit.mutual = 1;
                return 0;
            }
        if (sr_tr_rel(x, (uint32_t)c, "compound") || m < 0)
            topic = 1;
    }
    return topic;
}

static void noun_roles(tree_ctx *x, pred *p)
{
    uint32_t h = p->head;
    static const char *const SOURCE_MODS[] = {"amod", "nmod:poss", "compound", NULL};
    static const char *const BY_AGENT[] = {"by", NULL};
    if (p->hit.nspreps)
        noun_source_by_preposition(x, p);
    int32_t possessor = -1; /* "his detention by Egyptian authorities": by acts, he undergoes */
    if (!p->nsrc && x->c->dict->inflect &&
        (p->nsrc = sr_ro_prep_actors(x, h, NULL, "nmod", BY_AGENT, p->src, TREE_SIDE)) > 0) {
        int c = sr_tr_child(x, h, "nmod:poss");
        possessor = c >= 0 ? sr_ro_actor_at(x, (uint32_t)c, 1) : -1;
    }
    int topic = !p->nsrc && x->c->dict->inflect && sr_ro_consults(x, p) && consult_modifiers(x, p);
    for (int i = 0; SOURCE_MODS[i] && !p->nsrc; i++)
        for (int32_t c = x->first_child[h]; c >= 0 && !p->nsrc; c = x->next_child[c])
            if (sr_tr_rel(x, (uint32_t)c, SOURCE_MODS[i]) && !sr_ro_in_trigger(x, p, c) &&
                !(topic && strcmp(SOURCE_MODS[i], "nmod:poss") != 0) &&
                !(SOURCE_MODS[i][0] == 'c' && sr_tr_rel(x, (uint32_t)c, "compound:prt")))
                p->nsrc = sr_ro_add_actor(
                    p->src, 0, TREE_SIDE,
                    i == 0 ? sr_ro_military_source(x, p, h, sr_ro_actor_at(x, (uint32_t)c, 1))
                           : sr_ro_actor_at(x, (uint32_t)c, 1));
    static const char *const BY[] = {"by", "from", NULL}, *const BETWEEN[] = {"between", NULL};
    if (!p->nsrc)
        p->nsrc = sr_ro_prep_actors(x, h, NULL, "nmod", BY, p->src, TREE_SIDE);
    if (!p->nsrc) {
        p->nsrc = sr_ro_prep_actors(x, h, NULL, "nmod", BETWEEN, p->src, TREE_SIDE);
        if (p->nsrc > 1)
            p->hit.mutual = 1; /* "talks between X and Y" */
    }
    if (!p->nsrc && p->hit.mutual && x->c->dict->inflect) {
        /* "the negotiations of Russia and Ukraine" (machine translation's "between"):
           the participants of a reciprocal event, when "of" names more than one */
        static const char *const OF[] = {"of", NULL};
        int32_t of[TREE_SIDE];
        uint32_t n = sr_ro_prep_actors(x, h, NULL, "nmod", OF, of, TREE_SIDE);
        if (n > 1) {
            memcpy(p->src, of, n * sizeof *of);
            p->nsrc = n;
        }
    }
    int g = sr_tr_head(x, h);
    int inherited = 0;
    /* "launched strikes", and "ruled out the delivery of missiles", "pledged the supply of
       arms": a verb of doing, refusing or promising does what its object noun names */
    if (!p->nsrc && g >= 0 && sr_tr_rel(x, h, "obj") &&
        (x->wc[g] & (SR_WC_LIGHT | (x->c->dict->inflect ? SR_WC_NEGATING | SR_WC_PROMISE : 0))))
        p->nsrc = sr_ro_subject_of(x, (uint32_t)g, p->src, &inherited, 3);
    if (!p->nsrc && g >= 0 && x->c->dict->inflect && sr_tr_is_verbal(x, (uint32_t)g) &&
        (sr_tr_rel(x, h, "obj") || sr_tr_rel(x, h, "nsubj")))
        between_on_verb(x, p, (uint32_t)g); /* "Between Putin and Trump passed the conversation" */
    int cv = g >= 0 ? sr_ro_clause_verb(x, (uint32_t)g) : -1;
    if (!p->nsrc && cv >= 0 && sr_ro_consults(x, p) &&
        (sr_tr_rel(x, h, "obl") || sr_tr_rel(x, h, "nmod")) && *sr_tr_case(x, h) &&
        with_partner(x, h))
        /* "after talks with American officials, Ukraine said ...", also when the parser hung
           the phrase on a noun ("a ceasefire ... after talks with"): the clause's subject */
        p->nsrc = sr_ro_subject_of(x, (uint32_t)cv, p->src, &inherited, 3);
    /* "the heads of NATO were an honest debate", also when the parser hung
       the noun on the copula's predicate ("were excellent, honest debate") */
    for (int at = (int)h, steps = 0; !p->nsrc && at >= 0 && steps < 2; steps++) {
        int s = sr_ro_active_subject(x, (uint32_t)at);
        if (s >= 0 && sr_tr_child(x, (uint32_t)at, "cop") >= 0)
            p->nsrc = sr_tr_actors(x, (uint32_t)s, p->src, TREE_SIDE);
        if (!(sr_tr_rel(x, (uint32_t)at, "parataxis") || sr_tr_rel(x, (uint32_t)at, "appos")))
            break;
        at = sr_tr_head(x, (uint32_t)at);
    }
    if (!p->nsrc && (p->nsrc = claimant(x, p, p->src)) > 0)
        inherited = 1;
    p->src_inherited = (uint8_t)inherited;
    /* "talks on Ukraine": what is discussed is no target */
    const char *const *preps = sr_ro_consults(x, p) ? sr_ro_consult_preps() : sr_ro_noun_preps();
    p->ntgt = sr_ro_prep_actors(x, h, p, "nmod", preps, p->tgt, TREE_SIDE);
    if (!p->ntgt && possessor >= 0)
        p->ntgt = sr_ro_add_actor(p->tgt, 0, TREE_SIDE, possessor);
    if (p->hit.nspreps) /* the source's preposition names no target */
        p->ntgt = 0;
    for (uint32_t k = p->hit.tstart; k < p->hit.tend && !p->ntgt; k++)
        if (k != h) /* "the need for pressure on Moscow" */
            p->ntgt = sr_ro_prep_actors(x, k, p, "nmod", preps, p->tgt, TREE_SIDE);
    if (!p->ntgt && g >= 0 && sr_tr_is_verbal(x, (uint32_t)g) &&
        (sr_tr_rel(x, h, "nsubj") || sr_tr_rel(x, h, "obj"))) {
        /* "Russian strikes hit six regions"; "launched strikes on X" */
        p->ntgt = sr_ro_object_actors(x, (uint32_t)g, NULL, p->tgt, TREE_SIDE);
        if (!p->ntgt || sr_tr_rel(x, h, "obj"))
            p->ntgt =
                sr_ro_prep_actors(x, (uint32_t)g, p, "obl", sr_ro_verb_preps(), p->tgt, TREE_SIDE);
    }
    /* "attacks and drones that hit six regions": a clause on the noun or a conjunct */
    for (int32_t c = x->first_child[h]; c >= 0 && !p->ntgt; c = x->next_child[c]) {
        int32_t v = -1;
        if (sr_tr_rel(x, (uint32_t)c, "acl"))
            v = c;
        else if (sr_tr_rel(x, (uint32_t)c, "conj"))
            v = sr_tr_child(x, (uint32_t)c, "acl");
        if (v >= 0)
            p->ntgt = sr_ro_object_actors(x, (uint32_t)v, NULL, p->tgt, TREE_SIDE);
    }
}

/* The token of an aerial means (class aerial) at k or among its compounds and modifiers, or -1. */
static int aerial_at(const tree_ctx *x, uint32_t k)
{
    int32_t m = x->ti[k].mention;
    const char *sector = m >= 0 ? sr_tr_mention(x, m)->sector : NULL;
    if (sector && strcmp(sector, "MIL") != 0)
        return -1; /* people, not aircraft: "a suicide bomber" is a gunman (UAF) */
    if (x->wc[k] & SR_WC_AERIAL)
        return (int)k;
    for (int32_t c = x->first_child[k]; c >= 0; c = x->next_child[c])
        if ((sr_tr_rel(x, (uint32_t)c, "compound") || sr_tr_rel(x, (uint32_t)c, "amod")) &&
            (x->wc[c] & SR_WC_AERIAL))
            return c;
    return -1;
}

/*
** A plain attack (190) by aerial means employs aerial weapons (195): the
** means is the verb's subject ("Israeli warplanes struck Iran") or a "by"
** or "with" phrase of the verb or noun ("attacked the region by 40
** unmanned aircraft").  The event cites the words.txt line.
*/
static void aerial_attack(tree_ctx *x, pred *p)
{
    if (!x->c->dict->inflect || !p->hit.code || strcmp(p->hit.code, "190") != 0)
        return;
    int a = -1, s = p->noun ? -1 : sr_ro_active_subject(x, p->head);
    if (s >= 0)
        a = aerial_at(x, (uint32_t)s);
    for (int32_t c = x->first_child[p->head]; c >= 0 && a < 0; c = x->next_child[c]) {
        const char *w = sr_tr_case(x, (uint32_t)c);
        if ((sr_tr_rel(x, (uint32_t)c, "obl") || sr_tr_rel(x, (uint32_t)c, "nmod")) &&
            (strcmp(w, "by") == 0 || strcmp(w, "with") == 0))
            a = aerial_at(x, (uint32_t)c);
    }
    if (a < 0)
        return;
    p->hit.code = p->code = "195";
    p->map_rule = sr_words_rule(x->c->words, sr_tr_lemma(x, (uint32_t)a), SR_WC_AERIAL);
    if (!p->map_rule)
        p->map_rule = sr_words_rule(x->c->words, x->s->tokens[a].form, SR_WC_AERIAL);
}

/* A mention of the government of country code's country over token k, the word that implies it. */
static int32_t government_at(tree_ctx *x, const char *code, uint32_t k)
{
    int32_t id = sr_tr_new_extra(x);
    sr_mention *gov = &x->extra[id - (int32_t)x->in->nmentions];
    const sr_token *t = &x->s->tokens[k];
    gov->sentence = x->si;
    gov->first = k;
    gov->last = k + 1;
    gov->span.start = t->start;
    gov->span.end = t->end;
    gov->code = sr_arena_printf(x->a, "%.3sGOV", code);
    gov->name = "government";
    gov->sector = "GOV";
    gov->antecedent = -1;
    gov->kind = SR_MENTION_TITLE;
    return id;
}

/* Does verb h name the place it happens in ("rallied in Minsk")? */
static int named_place(const tree_ctx *x, uint32_t h)
{
    for (int32_t c = x->first_child[h]; c >= 0; c = x->next_child[c]) {
        int k = sr_tr_case_token(x, (uint32_t)c);
        if (sr_tr_rel(x, (uint32_t)c, "obl") && k >= 0 && (x->wc[k] & SR_WC_PLACE_PREP) &&
            x->s->tokens[c].upos == SR_UPOS_PROPN)
            return 1;
    }
    return 0;
}

/*
** A protest (14x) that names no target is against the protesters' own
** government ("Georgian protesters rallied in Tbilisi", "declared a hunger
** strike in detention"): CAMEO's reading.  The target is the government of
** the source's country, a mention of the sentence's own over the protest's
** word (nothing names it), marked as assumed.  Civilians of no country
** protesting in a named place protest against a government of no country,
** which the attribute stage places with them ("protesters rallied in
** Minsk": BLROPP against BLRGOV).
** Not for a government's own acts, those of armed forces (troops that march
** are on manoeuvre) or an unknown name.
*/
static void protested_government(tree_ctx *x, pred *p)
{
    static const char *const CIVIL[] = {"OPP", "CVL", "EDU", "LAB", "AGR",
                                        "MED", "HLH", "REL", NULL};
    const sr_mention *s = sr_tr_mention(x, p->src[0]);
    if (!s->code || strlen(s->code) < 3 ||
        (strncmp(s->code, "---", 3) == 0 &&
         (!sr_word_in(s->code + 3, CIVIL) || !named_place(x, p->head))) ||
        strncmp(s->code, "IGO", 3) == 0 || strncmp(s->code, "NGO", 3) == 0 ||
        strncmp(s->code + 3, "GOV", 3) == 0 || strncmp(s->code + 3, "MIL", 3) == 0)
        return;
    p->tgt[0] = government_at(x, s->code, p->head);
    p->ntgt = p->tgt_assumed = 1;
}

/*
** An arrest or detention (173) that names no one who made it ("Saakashvili,
** arrested after his return", "the journalist, detained after the protest")
** is the state's: the source is the government of the detainee's country,
** a mention over the verb, marked as inherited (its confidence is lower).
** Not for detainees of no country, of a government, or international
** bodies.
*/
static void detaining_state(tree_ctx *x, pred *p)
{
    const sr_mention *t = sr_tr_mention(x, p->tgt[0]);
    if (!p->hit.code || strncmp(p->hit.code, "173", 3) != 0 || !t->code || strlen(t->code) < 3 ||
        strncmp(t->code, "---", 3) == 0 || strncmp(t->code, "IGO", 3) == 0 ||
        strncmp(t->code, "NGO", 3) == 0 || strncmp(t->code + 3, "GOV", 3) == 0 ||
        !isupper((unsigned char)t->code[0]))
        return; /* a government's own member is arrested by no government we can name */
    p->src[0] = government_at(x, t->code, p->head);
    p->nsrc = 1;
    p->src_inherited = 1;
}

/*
** Unnamed victims of an attack that happened in a foreign place are that
** place's ("Hamas fighters killed 1,200 people in southern Israel":
** ISRCVL), before assemble.c gives the victims of rebels their own
** country's.
*/
static void victims_abroad(tree_ctx *x, pred *p)
{
    const char *code = p->hit.code;
    if (!code || !x->c->dict->inflect || !p->nsrc || p->tgt_assumed ||
        !((code[0] == '1' && code[1] >= '8') || code[0] == '2'))
        return;
    int32_t place = -1;
    for (uint32_t j = 0; j < p->ntgt; j++) {
        const sr_mention *t = sr_tr_mention(x, p->tgt[j]);
        if (!t->code || strncmp(t->code, "---", 3) != 0 || strlen(t->code) != 6)
            continue;
        if (place < 0 && (place = sr_ro_foreign_place(x, p)) < 0)
            return;
        sr_mention victims = *t; /* read before new_extra, which may move the extras */
        int32_t id = sr_ro_sector_copy(x, place, victims.code + 3);
        sr_mention *v = &x->extra[id - (int32_t)x->in->nmentions];
        v->first = victims.first; /* the victims' words, with the place's country */
        v->last = victims.last;
        v->span = victims.span;
        v->name = victims.name;
        p->tgt[j] = id;
    }
}

void sr_tr_roles(tree_ctx *x, pred *p)
{
    if (p->roles_state)
        return;
    p->roles_state = 1;
    if (p->noun)
        noun_roles(x, p);
    else
        verb_roles(x, p);
    /* a target slot before the verb on the tree's subject ("NOTED + *": "X noted that
       Y regretted ..."): the source is the subject of the verb whose clause this is */
    int g = sr_tr_head(x, p->head);
    if (p->hit.slot_tgt >= 0 && sr_ro_contains(p->src, p->nsrc, p->hit.slot_tgt) && g >= 0 &&
        sr_tr_mention(x, p->hit.slot_tgt)->first < p->head &&
        (sr_tr_rel(x, p->head, "ccomp") || sr_tr_rel(x, p->head, "xcomp") ||
         sr_tr_rel(x, p->head, "parataxis"))) {
        int inherited = 0;
        int32_t up[TREE_SIDE];
        uint32_t n = sr_ro_subject_of(x, (uint32_t)g, up, &inherited, 3);
        if (n) {
            memcpy(p->src, up, n * sizeof *up);
            p->nsrc = n;
        }
    }
    if (!p->nsrc && x->c->dict->inflect)
        p->nsrc = sentence_claimant(x, p, p->src);
    if (!p->nsrc && p->passive && p->ntgt && x->c->dict->inflect)
        detaining_state(x, p);
    /* a PETRARCH pattern's actor slot decides, unless the tree has that actor already */
    if (p->hit.slot_src >= 0 && !sr_ro_contains(p->src, p->nsrc, p->hit.slot_src)) {
        p->src[0] = p->hit.slot_src;
        p->nsrc = 1;
    }
    if (p->hit.slot_tgt >= 0 && !sr_ro_contains(p->tgt, p->ntgt, p->hit.slot_tgt)) {
        p->tgt[0] = p->hit.slot_tgt;
        p->ntgt = 1;
    }
    /* a PETRARCH compound slot ("% HAVE *"): the compound's members act on each other */
    if (!x->c->dict->inflect && p->hit.matched_pattern && p->hit.mutual && p->nsrc > 1)
        p->ntgt = 0;
    if (!p->ntgt && p->nsrc && p->hit.code && x->c->dict->inflect &&
        strncmp(p->hit.code, "045", 3) == 0)
        sr_ro_mediated_parties(x, p);
    if (p->ntgt && p->hit.code && x->c->dict->inflect && strncmp(p->hit.code, "015", 3) == 0 &&
        sr_ro_inside_event_noun(x, p))
        p->ntgt = 0; /* "claimed the attack on a Greek vessel": the attack's target */
    if (p->hit.mutual && p->nsrc > 1 && x->c->dict->inflect && sr_ro_only_at_places(x, p))
        p->ntgt = 0; /* "X and Y signed a declaration at the White House": between them */
    sr_ro_drop_self_targets(x, p);
    aerial_attack(x, p);
    /* an attack the text gives no target ("strikes were aimed at ports") falls
       on the country the document is about, when the attacker is foreign to it */
    const char *code = p->hit.code;
    if (!p->ntgt && p->nsrc && x->c->dict->inflect && sr_code_force(code) &&
        !(p->hit.mutual && p->nsrc > 1)) /* "Thai and Cambodian troops clashed": each other */
        sr_ro_assume_target(x, p);
    if (!p->ntgt && p->nsrc && code && x->c->dict->inflect && code[0] == '1' && code[1] == '4')
        protested_government(x, p);
    /* a visit to a country, a threat of force against one, peacekeeping in it, troops sent
       to it, property seized or destroyed in it: the foreign place named */
    if (p->ntgt && p->nsrc && code && x->c->dict->inflect && code[0] == '1' && code[1] == '5' &&
        sr_ro_unknown_country(x, p->tgt, p->ntgt))
        p->ntgt = 0; /* "the army raised the readiness of aviation": forces of its own */
    if (!p->ntgt && p->nsrc && code && x->c->dict->inflect &&
        (strncmp(code, "042", 3) == 0 || strncmp(code, "138", 3) == 0 ||
         strncmp(code, "074", 3) == 0 || strncmp(code, "154", 3) == 0 ||
         strncmp(code, "171", 3) == 0)) {
        int32_t place = sr_ro_foreign_place(x, p);
        if (place >= 0) {
            p->tgt[0] = place;
            p->ntgt = 1;
        }
    }
    sr_ro_attacked_seats(x, p); /* also an assumed target: "struck on Kabul" */
    sr_ro_military_targets(x, p);
    victims_abroad(x, p);
    p->roles_state = 2;
}
