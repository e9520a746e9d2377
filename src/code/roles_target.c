/*
** roles_target.c: the target of a predicate, and what is done to the
** roles once both sides are known.
**
** The target of an active verb: obj, iobj, or obl introduced by a target
** preposition (the entry's "target:" list, else against/on/upon/at/with/
** to/toward/into); an object outside the actor list lends the actor of
** its modifiers ("attacked a convoy near Damascus"); else the object of an
** infinitive it governs ("to help protect Ukraine"), or whom an appeal or
** demand asks to act ("demanded that Israel withdraw").  Afterwards: a
** target that is the source again is dropped; an attack with no target
** falls on the foreign place it happened in or the country the document
** is about; a visit or a threat of force takes the foreign place it names;
** a mediation is between the parties of the act it belongs to.
*/
#include "code/roles.h"

#include <string.h>
#include <strings.h>

/*
** An entry with "source:from" ("receive ... weapon 072 source:from"): the
** actor of that preposition gives, the subject receives.  "Ukraine received
** F-16s from Denmark" is Denmark's aid to Ukraine.
*/
void sr_ro_source_by_preposition(tree_ctx *x, pred *p, int *inherited)
{
    if (!p->hit.nspreps)
        return;
    pred q = *p; /* the same predicate, asking for the source's prepositions */
    q.hit.preps = p->hit.spreps;
    q.hit.npreps = p->hit.nspreps;
    int32_t from[TREE_SIDE];
    uint32_t n = sr_ro_prep_actors(x, p->head, &q, "obl", sr_ro_verb_preps(), from, TREE_SIDE);
    int o = sr_tr_child(x, p->head, "obj"); /* "received jets from Denmark" */
    if (!n && o >= 0)
        n = sr_ro_prep_actors(x, (uint32_t)o, &q, "nmod", sr_ro_verb_preps(), from, TREE_SIDE);
    if (!n) { /* "Ukraine received its first jets": who gave is not said, nothing is coded */
        p->nsrc = p->ntgt = 0;
        return;
    }
    memcpy(p->tgt, p->src, p->nsrc * sizeof *p->src);
    p->ntgt = p->nsrc;
    memcpy(p->src, from, n * sizeof *from);
    p->nsrc = n;
    *inherited = 0;
}

/*
** Does p consult (CAMEO 040, 041, 044-046: discuss, talk, negotiate)?  What
** is discussed is no target: "discussed the situation in Ukraine", "talks
** on Gaza".  Visits and hosting (042, 043) keep the place visited.
*/
int sr_ro_consults(const tree_ctx *x, const pred *p)
{
    const char *c = p->hit.code;
    return x->c->dict->inflect && c && c[0] == '0' && c[1] == '4' && c[2] != '2' && c[2] != '3';
}

/*
** The interlocutor of a consultation that the parser hung inside its topic
** ("discussed the situation in Ukraine with Erdogan": "with Erdogan" on
** Ukraine): the actors of a "with" phrase in the noun phrases under k,
** clauses excluded; depth bounds the descent.
*/
static uint32_t topic_partner(tree_ctx *x, uint32_t k, int32_t *out, int depth)
{
    static const char *const WITH[] = {"with", NULL};
    uint32_t n = sr_ro_prep_actors(x, k, NULL, "nmod", WITH, out, TREE_SIDE);
    for (int32_t c = x->first_child[k]; c >= 0 && !n && depth > 0; c = x->next_child[c])
        if (sr_tr_rel(x, (uint32_t)c, "nmod") || sr_tr_rel(x, (uint32_t)c, "obl") ||
            sr_tr_rel(x, (uint32_t)c, "obj"))
            n = topic_partner(x, (uint32_t)c, out, depth - 1);
    return n;
}

/*
** The noun of the preposition p's phrase ends in ("called for [more
** pressure]", "appealed to [the allies]"), an obl of p's verb, or -1.
*/
static int phrase_object(const tree_ctx *x, const pred *p)
{
    uint32_t last = p->hit.tend - 1;
    if (!x->c->dict->inflect || last <= p->head || last >= x->n ||
        x->s->tokens[last].upos != SR_UPOS_ADP || !sr_tr_rel(x, last, "case"))
        return -1;
    int g = sr_tr_head(x, last);
    return g >= 0 && sr_tr_head(x, (uint32_t)g) == (int)p->head && sr_tr_rel(x, (uint32_t)g, "obl")
               ? g
               : -1;
}

/*
** The "for" phrase of verb h that an infinitive of h follows ("called for
** Israel to withdraw", "called for Gondor to be allowed to ..."): whom the
** verb asks to act, its target; or -1.
*/
static int asked_for(const tree_ctx *x, uint32_t h)
{
    if (!x->c->dict->inflect)
        return -1;
    for (int32_t f = x->first_child[h]; f >= 0; f = x->next_child[f]) {
        if (!sr_tr_rel(x, (uint32_t)f, "obl") || strcmp(sr_tr_case(x, (uint32_t)f), "for") != 0 ||
            x->ti[f].mention < 0)
            continue;
        for (int32_t c = x->first_child[h]; c >= 0; c = x->next_child[c])
            if (c > f &&
                (sr_tr_rel(x, (uint32_t)c, "advcl") || sr_tr_rel(x, (uint32_t)c, "xcomp")) &&
                sr_tr_is_verbal(x, (uint32_t)c) && strcmp(sr_tr_case(x, (uint32_t)c), "to") == 0)
                return f;
    }
    return -1;
}

/*
** Does p's phrase end in the preposition of its addressee, and is that
** phrase there ("called on the partners", "appealed to the allies")?  The
** addressee is then the target, an actor or none.
*/
static int addressed(const tree_ctx *x, const pred *p)
{
    int g = phrase_object(x, p);
    const char *w = g >= 0 ? sr_tr_case(x, (uint32_t)g) : "";
    /* "called for more pressure on Moscow": what is asked for, not whom */
    return g >= 0 && strcmp(w, "for") != 0 && strcmp(w, "about") != 0;
}

/*
** Whom an appeal or a demand asks to act, when a clause says it: "demanded
** that the government scrap the rules", "urged that Maduro step down".
** The subject of the complement clause of the verb or of a verb of its
** phrase ("marched ... demanding that"), for codes 02x, 10x and 14x.
*/
static uint32_t asked_actor(tree_ctx *x, const pred *p, int32_t *out)
{
    const char *code = p->hit.code;
    if (!code || !((code[0] == '0' && code[1] == '2') ||
                   (code[0] == '1' && (code[1] == '0' || code[1] == '4'))))
        return 0;
    for (uint32_t k = p->hit.tstart; k < p->hit.tend && k < x->n; k++) {
        if (k != p->head && !sr_tr_is_verbal(x, k))
            continue; /* the head, or a verb of its phrase ("marched ... demanding that") */
        for (int32_t c = x->first_child[k]; c >= 0; c = x->next_child[c]) {
            if (!sr_tr_rel(x, (uint32_t)c, "ccomp") || !sr_tr_is_verbal(x, (uint32_t)c))
                continue;
            int s = sr_ro_active_subject(x, (uint32_t)c);
            if (s >= 0)
                return sr_tr_actors(x, (uint32_t)s, out, TREE_SIDE);
        }
    }
    return 0;
}

/*
** Whose act a verbal act answers, when its object is another event noun
** with a source of its own ("rejected U.S. calls to let ...", "welcomed
** Qatar's proposal"): that event's sources.
*/
static uint32_t answered_actor(tree_ctx *x, pred *p, int32_t *out)
{
    int o = sr_tr_child(x, p->head, "obj");
    if (o < 0 || x->pred_at[o] < 0 || &x->preds[x->pred_at[o]] == p)
        return 0;
    pred *q = &x->preds[x->pred_at[o]];
    if (q->roles_state == 1)
        return 0; /* a noun, or a verb the tagger made of one ("U.S. calls") */
    sr_tr_roles(x, q);
    uint32_t n = 0;
    for (uint32_t i = 0; i < q->nsrc; i++)
        if (!sr_ro_contains(p->src, p->nsrc, q->src[i]))
            n = sr_ro_add_actor(out, n, TREE_SIDE, q->src[i]);
    return n;
}

/*
** Whose act a verbal act answers when its object is "it", "this" or "that"
** standing for an act reported earlier in the sentence ("The Polish farmers
** blocked the checkpoints, Kiev called it a provocation"): the sources of
** the latest coded predicate before the verb that are not the verb's own.
** Such a pronoun stands for the act rather than for the last actor named.
*/
static uint32_t answered_pronoun(tree_ctx *x, pred *p, int32_t *out)
{
    int o = sr_tr_child(x, p->head, "obj");
    if (o < 0 || x->s->tokens[o].upos != SR_UPOS_PRON)
        return 0;
    const char *w = x->s->tokens[o].form;
    if (strcasecmp(w, "it") != 0 && strcasecmp(w, "this") != 0 && strcasecmp(w, "that") != 0)
        return 0;
    for (uint32_t i = x->npred; i-- > 0;) {
        pred *q = &x->preds[i];
        if (q == p || q->head >= p->head || !q->hit.code || q->speech || q->roles_state == 1)
            continue;
        sr_tr_roles(x, q);
        uint32_t n = 0;
        for (uint32_t j = 0; j < q->nsrc; j++)
            if (!sr_ro_contains(p->src, p->nsrc, q->src[j]) &&
                strncmp(sr_tr_mention(x, q->src[j])->code, "---", 3) != 0)
                n = sr_ro_add_actor(out, n, TREE_SIDE, q->src[j]);
        if (n)
            return n;
    }
    return 0;
}

/*
** Whom an unresolved "him", "her" or "them" object stands for when its
** verb follows another in the sentence, as a participle clause or a
** conjunct ("expelled the UN coordinator, accusing her of a false report",
** "kissed the feet of Kiir and Machar, calling them to keep the peace"):
** the earlier verb's object actors, if they are not p's sources.
*/
static uint32_t earlier_object(tree_ctx *x, const pred *p, int32_t *out)
{
    int o = sr_tr_child(x, p->head, "obj");
    int g = sr_tr_head(x, p->head);
    if (o < 0 || x->ti[o].mention >= 0 || !(x->wc[o] & SR_WC_OBJECT_PRONOUN) || g < 0 ||
        (uint32_t)g > p->head || !sr_tr_is_verbal(x, (uint32_t)g) ||
        !(sr_tr_rel(x, p->head, "advcl") || sr_tr_rel(x, p->head, "conj")))
        return 0;
    int32_t found[TREE_SIDE];
    uint32_t nf = sr_ro_object_actors(x, (uint32_t)g, NULL, found, TREE_SIDE), n = 0;
    for (uint32_t i = 0; i < nf; i++)
        if (!sr_ro_contains(p->src, p->nsrc, found[i]))
            n = sr_ro_add_actor(out, n, TREE_SIDE, found[i]);
    return n;
}

/*
** Who sent what a verbal act answers, when a participle or a "from" in its
** object's phrase says it: "welcomed the memos sent by Bree", "rejected
** the plan put forward by Washington", "welcomed assurances on trade sent
** from Bree", "welcomed the memos on trade from Bree".
** Depth bounds the descent through the phrase's nouns.
*/
static uint32_t sender(tree_ctx *x, uint32_t k, int32_t *out, int depth)
{
    static const char *const FROM[] = {"from", NULL};
    for (int32_t c = x->first_child[k]; c >= 0 && depth > 0; c = x->next_child[c]) {
        uint32_t n = 0;
        if (sr_tr_rel(x, (uint32_t)c, "acl") && sr_tr_is_verbal(x, (uint32_t)c)) {
            int a = sr_tr_agent_child(x, (uint32_t)c);
            n = a >= 0 ? sr_tr_actors(x, (uint32_t)a, out, TREE_SIDE)
                       : sr_ro_prep_actors(x, (uint32_t)c, NULL, "obl", FROM, out, TREE_SIDE);
        } else if (sr_tr_rel(x, (uint32_t)c, "nmod") &&
                   strcmp(sr_tr_case(x, (uint32_t)c), "from") == 0) {
            n = sr_tr_actors(x, (uint32_t)c, out, TREE_SIDE); /* "memos on trade from Bree" */
        } else if (sr_tr_rel(x, (uint32_t)c, "nmod")) {
            n = sender(x, (uint32_t)c, out, depth - 1);
        }
        if (n)
            return n;
    }
    return 0;
}

/* An act that hands something over: intent (03), cooperation (06), aid (07), yielding (08)? */
static int transfer_code(const char *code)
{
    return code && code[0] == '0' && (code[1] == '3' || code[1] >= '6');
}

/*
** The recipient of a transfer that the parser hung on the object's last
** noun ("sent supplies and a rescue team to Myanmar", "extradited former
** President Hernandez to the United States"): the first "to" phrase of the
** verb's own clause.
*/
static uint32_t recipient_in_phrase(tree_ctx *x, uint32_t h, int32_t *out)
{
    static const char *const TO[] = {"to", NULL};
    for (int k = x->sub_lo[h]; k <= x->sub_hi[h]; k++) {
        if ((uint32_t)k == h || !sr_tr_rel(x, (uint32_t)k, "nmod") ||
            strcmp(sr_tr_case(x, (uint32_t)k), "to") != 0 ||
            sr_ro_clause_verb(x, (uint32_t)k) != (int)h)
            continue;
        int g = sr_tr_head(x, (uint32_t)k);
        uint32_t n =
            g >= 0 ? sr_ro_prep_actors(x, (uint32_t)g, NULL, "nmod", TO, out, TREE_SIDE) : 0;
        if (n)
            return n;
    }
    return 0;
}

/*
** Machine translation puts the object after a place ("received in Ankara
** the leader of the new Syrian administration Ahmad al-Sharaa"), and the
** parser hangs it on the place as an apposition with no comma between:
** that is the object of a verb that has none.
*/
static uint32_t object_after_place(tree_ctx *x, uint32_t h, int32_t *out)
{
    for (int32_t c = x->first_child[h]; c >= 0; c = x->next_child[c]) {
        if (!sr_tr_rel(x, (uint32_t)c, "obl"))
            continue;
        for (int32_t a = x->first_child[c]; a >= 0; a = x->next_child[a])
            if (sr_tr_rel(x, (uint32_t)a, "appos") && a > c &&
                strcmp(x->s->tokens[x->sub_lo[a] - 1].form, ",") != 0) {
                /* a name in the phrase before a title ("the leader of ... Ahmad al-Sharaa") */
                for (int k = x->sub_lo[a]; k <= x->sub_hi[a]; k++)
                    if (x->ti[k].mention >= 0 &&
                        sr_tr_mention(x, x->ti[k].mention)->kind == SR_MENTION_NAME)
                        return sr_ro_add_actor(out, 0, TREE_SIDE, x->ti[k].mention);
                uint32_t n = sr_tr_actors(x, (uint32_t)a, out, TREE_SIDE);
                if (n)
                    return n;
            }
    }
    return 0;
}

int sr_ro_verbal_code(const char *code)
{
    return code && ((code[0] == '0' && code[1] >= '1' && code[1] <= '5') ||
                    (code[0] == '1' && code[1] <= '3'));
}

/* The target of active verb h. */
uint32_t sr_ro_verb_target(tree_ctx *x, pred *p, int32_t *out, int depth)
{
    uint32_t h = p->head, n = 0;
    const char *const *preps = sr_ro_consults(x, p) ? sr_ro_consult_preps() : sr_ro_verb_preps();
    int called = asked_for(x, h);
    if (called >= 0) /* "called for Israel to withdraw its troops": whom the call asks to act */
        n = sr_tr_actors(x, (uint32_t)called, out, TREE_SIDE);
    if (!n && x->c->dict->inflect && sr_ro_verbal_code(p->hit.code))
        n = answered_pronoun(x, p, out); /* "..., Kiev called it a provocation" */
    if (!n && p->hit.phrase_target && p->hit.tend > p->hit.tstart)
        n = sr_ro_add_actor(out, 0, TREE_SIDE, sr_ro_actor_at(x, p->hit.tend - 1, 2));
    if (!n && p->hit.npreps) /* the entry names its target's preposition: "hand ... back to" */
        n = sr_ro_prep_actors(x, h, p, "obl", preps, out, TREE_SIDE);
    const char *code = p->hit.code;
    if (!n && x->c->dict->inflect && code &&
        (strncmp(code, "087", 3) == 0 || strncmp(code, "0356", 4) == 0))
        /* a ceasefire is with the other side ("ready to accept a U.S. proposal for a
           ceasefire with Russia"), not with whoever proposed it */
        n = topic_partner(x, h, out, 3);
    if (!n && !x->c->dict->inflect && p->entry) {
        /* two objects are a misparse ("welcomed a resumption of ties with X, the official
           news agency said", "agency" as the second): the first when it is an actor, else
           TABARI's first actor after the verb */
        int o1 = -1, nobj = 0;
        for (int32_t c = x->first_child[h]; c >= 0; c = x->next_child[c])
            if (sr_tr_rel(x, (uint32_t)c, "obj") && !sr_ro_in_trigger(x, p, c) && nobj++ == 0)
                o1 = c;
        if (nobj > 1) {
            n = sr_tr_actors(x, (uint32_t)o1, out, TREE_SIDE);
            if (!n)
                n = sr_ro_first_actor_after(x, p, out);
        }
    }
    if (!n)
        n = sr_ro_object_actors(x, h, p, out, TREE_SIDE);
    if (!n && x->c->dict->inflect)
        n = earlier_object(x, p, out);
    if (n && x->c->dict->inflect && sr_ro_unknown_country(x, out, n)) {
        /* "will give to Ukraine the systems of air defense": a named recipient beats a
           countryless object */
        int32_t alt[TREE_SIDE];
        uint32_t na = sr_ro_prep_actors(x, h, p, "obl", preps, alt, TREE_SIDE);
        if (na && !sr_ro_unknown_country(x, alt, na)) {
            memcpy(out, alt, na * sizeof *alt);
            n = na;
        }
    }
    if (!n)
        n = sr_ro_prep_actors(x, h, p, "obl", preps, out, TREE_SIDE);
    for (uint32_t k = h + 1; k < p->hit.tend && !n; k++) /* the phrase's words after the verb:
                                                             "refused to withdraw from" */
        n = sr_ro_prep_actors(x, k, p, sr_tr_is_verbal(x, k) && p->hit.npreps ? "obl" : "nmod",
                              preps, out, TREE_SIDE);
    static const char *const BETWEEN[] = {"between", NULL};
    for (uint32_t k = h + 1; k < p->hit.tend && !n && x->c->dict->inflect &&
                             sr_ro_verbal_code(p->hit.code) && !sr_ro_consults(x, p);
         k++) /* "called for a ceasefire between Russia and Ukraine": of both parties */
        n = sr_ro_prep_actors(x, k, p, "nmod", BETWEEN, out, TREE_SIDE);
    if (addressed(x, p))
        return n; /* "called on the partners to give Ukraine ...": the partners, unnamed */
    int asked = phrase_object(x, p);
    if (!n && asked >= 0) /* "called for more pressure on Moscow": whom it is to bear on */
        n = sr_ro_prep_actors(x, (uint32_t)asked, p, "nmod", preps, out, TREE_SIDE);
    int o = sr_tr_child(x, h, "obj");
    if (sr_ro_consults(x, p)) { /* the topic's actors are no target, a partner hung on it is */
        if (!n)
            n = topic_partner(x, h, out, 3);
        return n;
    }
    if (!n && o >= 0 && !sr_ro_in_trigger(x, p, o))
        n = sr_ro_modifier_actors(x, (uint32_t)o, out, TREE_SIDE, x->c->dict->inflect ? 2 : 3);
    for (int32_t c = x->first_child[h]; c >= 0 && !n && depth > 0; c = x->next_child[c])
        /* an infinitive ("to help protect Ukraine"); a participle ("declared martial law,
           accusing the opposition") is an act of its own */
        if ((sr_tr_rel(x, (uint32_t)c, "xcomp") ||
             (sr_tr_rel(x, (uint32_t)c, "advcl") &&
              (!x->c->dict->inflect || strcmp(sr_tr_case(x, (uint32_t)c), "to") == 0))) &&
            sr_tr_is_verbal(x, (uint32_t)c) && sr_ro_active_subject(x, (uint32_t)c) < 0) {
            pred q;
            memset(&q, 0, sizeof q);
            q.head = (uint32_t)c;
            q.hit.tstart = q.hit.tend = (uint32_t)c;
            n = sr_ro_verb_target(x, &q, out, depth - 1);
        }
    if (!n && x->c->dict->inflect)
        n = asked_actor(x, p, out);
    if (!n && x->c->dict->inflect && sr_ro_verbal_code(p->hit.code)) {
        /* "welcomed the proposals from Qatar": whose words are answered; never for force
           ("fired rockets from Lebanon" is where they came from) */
        static const char *const FROM[] = {"from", NULL};
        n = sr_ro_prep_actors(x, h, p, "obl", FROM, out, TREE_SIDE);
        if (!n)
            n = answered_actor(x, p, out);
        if (!n && o >= 0) /* also when the phrase names it: "rejected the plan drafted by" */
            n = sender(x, (uint32_t)o, out, 2);
        for (int32_t c = x->first_child[h]; c >= 0 && !n; c = x->next_child[c])
            if (sr_tr_rel(x, (uint32_t)c, "obl")) /* "welcomed memos on trade from Bree",
                                                     "called for release of hostages held by" */
                n = sender(x, (uint32_t)c, out, 2);
        /* whom the words are about, when nothing else is named: "complained about
           Israel", "welcomed rumors about Bree" */
        static const char *const ABOUT[] = {"about", "over", NULL};
        if (!n)
            n = sr_ro_prep_actors(x, h, p, "obl", ABOUT, out, TREE_SIDE);
        if (!n && o >= 0 && !sr_ro_in_trigger(x, p, o))
            n = sr_ro_prep_actors(x, (uint32_t)o, p, "nmod", ABOUT, out, TREE_SIDE);
    }
    if (!n && x->c->dict->inflect && p->hit.code && strncmp(p->hit.code, "09", 2) == 0) {
        /* an investigation is of whoever did what it looks into: "opened an investigation
           into war crimes committed by Russian forces"; else of the country it happened in:
           "launched the investigation of war crimes in Ukraine" */
        static const char *const IN[] = {"in", NULL};
        if (o >= 0)
            n = sender(x, (uint32_t)o, out, 3);
        for (uint32_t k = h + 1; k < p->hit.tend && !n; k++)
            n = sr_ro_prep_actors(x, k, p, "nmod", IN, out, TREE_SIDE);
    }
    if (!n && x->c->dict->inflect && o < 0)
        n = object_after_place(x, h, out);
    if (!n && x->c->dict->inflect && transfer_code(p->hit.code))
        n = recipient_in_phrase(x, h, out);
    if (!n && !x->c->dict->inflect && p->entry)
        n = sr_ro_first_actor_after(x, p, out);
    for (int32_t c = x->first_child[h]; c >= 0 && !n && p->entry && x->c->dict->inflect;
         c = x->next_child[c])
        if (sr_tr_rel(x, (uint32_t)c, "obj"))
            n = sr_ro_first_actor_in(x, p, (uint32_t)c, out);

    return n;
}

/* Drop targets that are the source again (the same mention or entity). */
/*
** Are s and t a country and its own government or armed forces, either
** way round ("Turkey is ready to mediate, Erdogan told ...": TUR and
** TURGOV; "Thai troops clashed along their border": THAMIL and THA)?  A
** state does nothing to its government or army; its rebels, police or
** citizens may.
*/
static int state_and_government(const tree_ctx *x, const sr_mention *s, const sr_mention *t)
{
    if (!x->c->dict->inflect || !s->code || !t->code || strncmp(s->code, t->code, 3) != 0 ||
        strncmp(s->code, "---", 3) == 0)
        return 0;
    size_t ls = strlen(s->code), lt = strlen(t->code);
    const char *arm = ls == 3 && lt == 6 ? t->code + 3 : lt == 3 && ls == 6 ? s->code + 3 : "";
    return strcmp(arm, "GOV") == 0 || strcmp(arm, "MIL") == 0;
}

/*
** Is p a one-sided act of force or destruction (18x-20x, 171x) on a country's
** own places ("Syrian troops shelled Aleppo", "a Syrian helicopter dropped
** chlorine on Douma")?  A state's forces do attack their own country: the
** place's country is the target.  Not a clash ("Thai troops clashed along
** their border": a mutual act, each other's).
*/
static int own_country_attacked(const tree_ctx *x, const pred *p, const sr_mention *t)
{
    const char *code = p->code ? p->code : p->hit.code;
    return x->c->dict->inflect && code && strlen(t->code) == 3 && !p->hit.mutual &&
           (sr_code_force(code) || (code[0] == '1' && code[1] == '7' && code[2] == '1'));
}

void sr_ro_drop_self_targets(tree_ctx *x, pred *p)
{
    /* with a PETRARCH dictionary the pairs of a compound source are TABARI's: a target
       that is one of several sources is still the others' ("X and Y ... X and Z": Y→X) */
    int pairwise = !x->c->dict->inflect && p->nsrc > 1;
    uint32_t kept = 0;
    for (uint32_t j = 0; j < p->ntgt; j++) {
        const sr_mention *t = sr_tr_mention(x, p->tgt[j]);
        uint32_t selfs = 0;
        for (uint32_t i = 0; i < p->nsrc; i++) {
            const sr_mention *s = sr_tr_mention(x, p->src[i]);
            selfs += p->src[i] == p->tgt[j] ||
                     (t->entity && s->entity && !t->agent && !s->agent &&
                      strcmp(t->entity, s->entity) == 0) ||
                     t->antecedent == p->src[i] ||
                     (state_and_government(x, s, t) && !own_country_attacked(x, p, t)) ||
                     (x->c->dict->inflect && strcmp(s->code, t->code) == 0); /* as assemble.c */
        }
        if (!selfs || (pairwise && selfs < p->nsrc && !sr_ro_contains(p->src, p->nsrc, p->tgt[j])))
            p->tgt[kept++] = p->tgt[j];
    }
    p->ntgt = kept;
}

/*
** The place an attack happened in ("an attack by Osgiliath soldiers in
** south Ithilen", "twin bombings in the Iranian city of Kerman"), or that
** a visit or a threat of force is for ("arrived in China", "threatened a
** ground offensive in Lebanon"): the
** first actor of the predicate's subtree, in its own clause, reached
** through a place preposition, whose country is not the attacker's.  -1
** when none.
*/
int32_t sr_ro_foreign_place(const tree_ctx *x, const pred *p)
{
    const char *src = sr_tr_mention(x, p->src[0])->code;
    int verb = sr_ro_clause_verb(x, p->head);
    for (int t = x->sub_lo[p->head]; t <= x->sub_hi[p->head]; t++) {
        int32_t m = x->ti[t].mention;
        int cv = sr_ro_clause_verb(x, (uint32_t)t); /* its own clause, or its phrase's verb */
        if (m < 0 || sr_ro_contains(p->src, p->nsrc, m) ||
            (cv != verb && !(cv >= (int)p->hit.tstart && cv < (int)p->hit.tend)) ||
            !sr_ro_under_place(x, (uint32_t)t, p->head))
            continue;
        const char *code = sr_tr_mention(x, m)->code;
        if (strncmp(code, "---", 3) != 0 && strncmp(code, src, 3) != 0 &&
            strncmp(code, "IGO", 3) != 0)
            return m;
    }
    return -1;
}

/*
** A copy of mention m coded as its country and the given sector ("" for
** none): "Kyiv" UKR, "the Gaza health ministry" PSE, "the American base"
** USAMIL.
*/
int32_t sr_ro_sector_copy(tree_ctx *x, int32_t m, const char *sector)
{
    int32_t id = sr_tr_new_extra(x);
    sr_mention *copy = &x->extra[id - (int32_t)x->in->nmentions];
    *copy = *sr_tr_mention(x, m); /* read after new_extra, which may move the extras */
    copy->code = sr_arena_printf(x->a, "%.3s%s", copy->code, sector);
    copy->sector = *sector ? sector : NULL;
    copy->kind = *sector ? SR_MENTION_AGENT : SR_MENTION_NAME;
    return id;
}

static int32_t country_copy(tree_ctx *x, int32_t m)
{
    return sr_ro_sector_copy(x, m, "");
}

/*
** An attack the text gives no target ("strikes were aimed at ports",
** "withdrew after months of Russian assaults") falls on the place it
** happened in when that is another country's (any country's, for
** attackers of no country: "gunmen killed 26 people in Kashmir"), else on the country the
** document is most about that is not the attacker's, else on the first
** actor of another country in the sentence.  Sectorless foreign actors
** only: "Russian forces" do not attack "Russia".
*/
void sr_ro_assume_target(tree_ctx *x, pred *p)
{
    const sr_mention *s = sr_tr_mention(x, p->src[0]);
    int32_t place = sr_ro_foreign_place(x, p);
    if (place >= 0) {
        p->tgt[0] = place;
        p->ntgt = p->tgt_assumed = 1;
        return;
    }
    if (strncmp(s->code, "---", 3) == 0)
        return; /* gunmen of no country attack the place they attack in, or no one known */
    for (uint32_t i = 0; i < x->nfocus; i++)
        if (strncmp(sr_tr_mention(x, x->focus[i])->code, s->code, 3) != 0) {
            p->tgt[0] = x->focus[i];
            p->ntgt = p->tgt_assumed = 1;
            return;
        }
    for (uint32_t k = 0; k < x->n; k++) {
        int32_t m = x->ti[k].mention;
        if (m < 0 || sr_ro_contains(p->src, p->nsrc, m))
            continue;
        const sr_mention *c = sr_tr_mention(x, m);
        if (strncmp(c->code, "---", 3) != 0 && strncmp(c->code, s->code, 3) != 0 &&
            strncmp(c->code, "IGO", 3) != 0) {
            /* "30 people were killed in Israeli strikes, the Gaza health ministry said":
               the attack falls on the ministry's country, not on the ministry; armed men
               may be its target, unless they only speak ("the army said") */
            uint32_t head = k; /* the mention's head word */
            while (sr_tr_head(x, head) >= 0 && x->ti[sr_tr_head(x, head)].mention == m)
                head = (uint32_t)sr_tr_head(x, head);
            int g = sr_tr_head(x, head);
            int speaks = sr_tr_rel(x, head, "nsubj") && g >= 0 && (x->wc[g] & SR_WC_SPEECH);
            p->tgt[0] = strlen(c->code) > 3 && (speaks || !sr_tr_armed_sector(c->sector))
                            ? country_copy(x, m)
                            : m;
            p->ntgt = p->tgt_assumed = 1;
            return;
        }
    }
}

/* Is p's first target inside the phrase of an event noun other than p? */
int sr_ro_inside_event_noun(const tree_ctx *x, const pred *p)
{
    const sr_mention *m = sr_tr_mention(x, p->tgt[0]);
    if (m->sentence != x->si)
        return 0;
    for (int k = sr_tr_head(x, m->first), steps = 0; k >= 0 && steps < 4;
         k = sr_tr_head(x, (uint32_t)k), steps++) {
        int32_t q = x->pred_at[k];
        if (q >= 0 && &x->preds[q] != p && x->preds[q].noun)
            return 1;
    }
    return 0;
}

/* Are all of p's targets named by an "at" phrase, which says where more often than whom? */
int sr_ro_only_at_places(const tree_ctx *x, const pred *p)
{
    for (uint32_t j = 0; j < p->ntgt; j++) {
        const sr_mention *m = sr_tr_mention(x, p->tgt[j]);
        int at = 0;
        for (uint32_t k = m->first; k < m->last && k < x->n && m->sentence == x->si; k++)
            at |= strcmp(sr_tr_case(x, k), "at") == 0;
        if (!at)
            return 0;
    }
    return p->ntgt > 0;
}

/*
** The parties a mediation (045) is between when it names none: the
** sources of the event it belongs to ("signed the declaration at the
** mediation of Trump", "a deal brokered by China" that Saudi Arabia and
** Iran signed), the first event up the tree from the mediation that has
** sources, six steps at most.
*/
void sr_ro_mediated_parties(tree_ctx *x, pred *p)
{
    int k = sr_tr_head(x, p->head);
    for (int steps = 0; k >= 0 && steps < 6; steps++, k = sr_tr_head(x, (uint32_t)k)) {
        int32_t qi = x->pred_at[k];
        if (qi < 0 || &x->preds[qi] == p || !x->preds[qi].hit.code || x->preds[qi].roles_state == 1)
            continue;
        pred *q = &x->preds[qi];
        sr_tr_roles(x, q);
        if (!q->nsrc)
            continue; /* "the ceasefire and exchange at the mediation of Qatar": their verb's */
        for (uint32_t i = 0; i < q->nsrc; i++)
            if (!sr_ro_contains(p->src, p->nsrc, q->src[i]))
                p->ntgt = sr_ro_add_actor(p->tgt, p->ntgt, TREE_SIDE, q->src[i]);
        return;
    }
}

/*
** A seat of power that is attacked stands for its country ("Russian forces
** shelled Kyiv", "rebels seized Damascus": UKR, SYR), as any other place
** does; it stands for the government only where it acts or speaks.  The
** targets of an act of force (or its easing: "cut back military activity
** near Kiev"), or of a visit ("a visit to Paris"), that are metonyms
** become copies coded as their country.
*/
/*
** Is code an act on a place: force (posture 15, assault to mass violence
** 18-20), its easing (military de-escalation 087, and the intent to it,
** 0356), or a visit (042: "Modi's visit to Paris" is to France)?
*/
static int act_on_place(const char *code)
{
    return (code[0] == '1' && (code[1] == '5' || code[1] >= '8')) || code[0] == '2' ||
           strncmp(code, "087", 3) == 0 || strncmp(code, "0356", 4) == 0 ||
           strncmp(code, "042", 3) == 0;
}

void sr_ro_attacked_seats(tree_ctx *x, pred *p)
{
    const char *code = p->hit.code;
    if (!code || !x->c->dict->inflect || !act_on_place(code))
        return;
    for (uint32_t j = 0; j < p->ntgt; j++) {
        const sr_mention *t = sr_tr_mention(x, p->tgt[j]);
        if (t->kind != SR_MENTION_METONYM || strlen(t->code) <= 3)
            continue;
        p->tgt[j] = country_copy(x, p->tgt[j]);
    }
}

/* The token of mention m's head word in the current sentence, or -1. */
static int mention_head(const tree_ctx *x, int32_t m)
{
    const sr_mention *mm = sr_tr_mention(x, m);
    if (mm->sentence != x->si || mm->first >= x->n)
        return -1;
    uint32_t k = mm->first;
    while (sr_tr_head(x, k) >= 0 && (uint32_t)sr_tr_head(x, k) >= mm->first &&
           (uint32_t)sr_tr_head(x, k) < mm->last)
        k = (uint32_t)sr_tr_head(x, k);
    return (int)k;
}

/*
** Is noun k of class installation ("base"), or held by armed forces by an
** adjective of the class ("military positions")?  A noun modifier is the
** means of an act, not its holder ("the drone incursion into Poland").
*/
static int installation(const tree_ctx *x, uint32_t k)
{
    if (x->wc[k] & SR_WC_INSTALLATION)
        return 1;
    for (int32_t c = x->first_child[k]; c >= 0; c = x->next_child[c])
        if (sr_tr_rel(x, (uint32_t)c, "amod") && x->s->tokens[c].upos == SR_UPOS_ADJ &&
            (x->wc[c] & SR_WC_INSTALLATION))
            return 1;
    return 0;
}

void sr_ro_military_targets(tree_ctx *x, pred *p)
{
    const char *code = p->hit.code;
    if (!code || !x->c->dict->inflect ||
        !((code[0] == '1' && (code[1] == '5' || code[1] >= '8')) || code[0] == '2'))
        return;
    for (uint32_t j = 0; j < p->ntgt; j++) {
        const sr_mention *t = sr_tr_mention(x, p->tgt[j]);
        int k = mention_head(x, p->tgt[j]);
        if (k < 0 || strlen(t->code) != 3 || strcmp(t->code, "---") == 0)
            continue;
        int g = sr_tr_head(x, (uint32_t)k);
        if (g >= 0 && x->ti[g].mention >= 0 && sr_ro_contains(p->src, p->nsrc, x->ti[g].mention))
            continue; /* "an attack by Russian soldiers in Ukraine": the attackers' noun */
        if (g >= 0 && (uint32_t)g != p->head && x->s->tokens[g].upos == SR_UPOS_NOUN &&
            (sr_tr_rel(x, (uint32_t)k, "amod") || sr_tr_rel(x, (uint32_t)k, "compound") ||
             sr_tr_rel(x, (uint32_t)k, "nmod")) &&
            installation(x, (uint32_t)g))
            p->tgt[j] = sr_ro_sector_copy(x, p->tgt[j], "MIL");
    }
}
