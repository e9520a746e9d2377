/*
** roles_find.c: finding a predicate's participants in the tree: subjects
** (active, passive agents, control and conjunction), objects, preposition
** phrases, noun-phrase modifiers, places, and TABARI's word-order readings
** for PETRARCH dictionaries.  The preposition lists are UD's defaults; an
** entry's "target:" and "source:" lists override them.
*/
#include "code/roles.h"

#include <string.h>
#include <strings.h>

/* The default target prepositions of a verb (UD's case words). */
const char *const *sr_ro_verb_preps(void)
{
    static const char *const v[] = {"against", "on",      "upon", "at",   "with", "to",
                                    "toward",  "towards", "into", "onto", NULL};
    return v;
}

/* Those of a consultation: whom it is held with; "about", "on", "over" give the topic. */
const char *const *sr_ro_consult_preps(void)
{
    static const char *const v[] = {"with", "to", NULL};
    return v;
}

/* Those of an event noun. */
const char *const *sr_ro_noun_preps(void)
{
    static const char *const v[] = {"against", "on",     "upon",    "at",        "of",   "with",
                                    "into",    "toward", "towards", "targeting", "onto", NULL};
    return v;
}

/*
** Is word w one of list (NULL-terminated), or of the entry's own list?
** With a PETRARCH dictionary every preposition is: its patterns, written
** for TABARI, take the first actor after the verb as the target.
*/
static int prep_allowed(const tree_ctx *x, const pred *p, const char *w, const char *const *list)
{
    if (!*w)
        return 0;
    if (!x->c->dict->inflect)
        return 1;
    if (p && p->hit.npreps) {
        uint32_t id = sr_verbdict_word(x->c->dict, w, strlen(w));
        for (uint32_t i = 0; i < p->hit.npreps; i++)
            if (p->hit.preps[i] == id)
                return 1;
        return 0;
    }
    for (int i = 0; list[i]; i++)
        if (strcmp(w, list[i]) == 0)
            return 1;
    return 0;
}

/*
** Is token k one of the phrase's own words ("send American troops":
** troops)?  A phrase's words end it, so only its last word and the
** mention that covers it count, and any word before the head ("general
** strike"); an actor inside a gap ("send Putin and
** Zelensky to an agreement") is an argument.
*/
int sr_ro_in_trigger(const tree_ctx *x, const pred *p, int32_t k)
{
    if (!p || k < (int32_t)p->hit.tstart || k >= (int32_t)p->hit.tend || k == (int32_t)p->head)
        return 0;
    if (x->c->dict->inflect && k < (int32_t)p->head)
        return 1; /* a word before the head ("general > strike"): the phrase's own */
    int32_t last = (int32_t)p->hit.tend - 1, m = x->ti[last].mention;
    if (k == last)
        return 1;
    return m >= 0 && x->ti[k].mention == m;
}

int sr_ro_is_passive(const tree_ctx *x, uint32_t h)
{
    if (sr_tr_child(x, h, "nsubj:pass") >= 0 || sr_tr_child(x, h, "aux:pass") >= 0)
        return 1;
    const char *xp = x->s->tokens[h].xpos;
    return xp && strcmp(xp, "VBN") == 0 && sr_tr_rel(x, h, "acl") && !sr_tr_rel(x, h, "acl:relcl");
}

/*
** The active subject child of h (nsubj, not nsubj:pass), or -1.  Of two
** (the parser's reading of an apposition: "Old foes Gondor and Osgiliath
** have renewed ties"), the one that is an actor, as TABARI takes the actor
** nearest the verb.
*/
static int both_sides(const tree_ctx *x, uint32_t s);

int sr_ro_active_subject(const tree_ctx *x, uint32_t h)
{
    int first = -1, actor = -1;
    for (int32_t c = x->first_child[h]; c >= 0; c = x->next_child[c])
        if (sr_tr_rel(x, (uint32_t)c, "nsubj") && !sr_tr_rel(x, (uint32_t)c, "nsubj:pass")) {
            if (first < 0)
                first = c;
            /* of two subjects (a misparse), "the sides" says most: "in the villa «La
               Grange», the sides agreed" */
            if (x->c->dict->inflect && both_sides(x, (uint32_t)c))
                return c;
            if (actor < 0 && sr_ro_actor_token(x, (uint32_t)c, 1) >= 0)
                actor = c;
        }
    return actor >= 0 ? actor : first;
}

/*
** The agent of a passive verb: obl:agent, or an obl introduced by "by";
** when the parser made "by" itself the obl, the first of its dependents;
** when it hung the phrase on an adverb of the verb ("was opposed earlier
** by Osgiliath"), the adverb's.
*/
int sr_tr_agent_child(const tree_ctx *x, uint32_t h)
{
    for (int32_t c = x->first_child[h]; c >= 0; c = x->next_child[c]) {
        if (sr_tr_rel(x, (uint32_t)c, "advmod") && x->s->tokens[c].upos == SR_UPOS_ADV) {
            int a = sr_tr_agent_child(x, (uint32_t)c);
            if (a >= 0)
                return a;
        }
        if (sr_tr_rel(x, (uint32_t)c, "obl:agent") ||
            (sr_tr_rel(x, (uint32_t)c, "obl") && strcmp(sr_tr_case(x, (uint32_t)c), "by") == 0))
            return c;
        if (sr_tr_rel(x, (uint32_t)c, "obl") && x->s->tokens[c].upos == SR_UPOS_ADP &&
            strcmp(sr_tr_lemma(x, (uint32_t)c), "by") == 0 && x->first_child[c] >= 0)
            return x->first_child[c];
    }
    return -1;
}

/*
** TABARI's agent of a passive verb h, for PETRARCH dictionaries: an actor
** right after "by" (or "from") following the verb in word order, before the
** next verb of the dictionary ("was opposed earlier by Osgiliath", however
** the parser attached the phrase); its token, or -1.
*/
int sr_ro_agent_after(const tree_ctx *x, uint32_t h)
{
    for (uint32_t k = h + 1; k + 1 < x->n; k++) {
        if (x->ti[k].verb_head)
            return -1;
        const char *w = sr_tr_lemma(x, k);
        if ((strcmp(w, "by") == 0 || strcmp(w, "from") == 0) && x->ti[k + 1].mention >= 0)
            return (int)k + 1;
    }
    return -1;
}

/*
** Is c a second object of h set off by a comma ("welcomed a resumption of
** ties with X, the official news agency said": "agency" is the parser's
** misreading of the speaker)?  Such an object is nobody's target.
*/
static int stray_object(const tree_ctx *x, uint32_t h, int32_t c)
{
    if (!x->c->dict->inflect || x->sub_lo[c] == 0 ||
        strcmp(x->s->tokens[x->sub_lo[c] - 1].form, ",") != 0)
        return 0;
    for (int32_t o = x->first_child[h]; o >= 0 && o < c; o = x->next_child[o])
        if (sr_tr_rel(x, (uint32_t)o, "obj"))
            return 1;
    return 0;
}

/* Actors of the objects of h: obj, then iobj. */
uint32_t sr_ro_object_actors(tree_ctx *x, uint32_t h, const pred *p, int32_t *out, uint32_t max)
{
    static const char *const OBJ[] = {"obj", "iobj", NULL};
    uint32_t n = 0;
    for (int i = 0; OBJ[i] && !n; i++)
        for (int32_t c = x->first_child[h]; c >= 0; c = x->next_child[c])
            if (sr_tr_rel(x, (uint32_t)c, OBJ[i]) && !sr_ro_in_trigger(x, p, c) &&
                !stray_object(x, h, c)) {
                int32_t more[TREE_SIDE];
                uint32_t k = sr_tr_actors(x, (uint32_t)c, more, TREE_SIDE);
                for (uint32_t j = 0; j < k; j++)
                    n = sr_ro_add_actor(out, n, max, more[j]);
            }
    return n;
}

/* "the sides", "both countries", "the two leaders": a subject that stands for two parties. */
static int both_sides(const tree_ctx *x, uint32_t s)
{
    if (x->s->tokens[s].upos != SR_UPOS_NOUN)
        return 0;
    if (x->wc[s] & SR_WC_SIDES)
        return 1;
    for (int32_t c = x->first_child[s]; c >= 0; c = x->next_child[c])
        if ((sr_tr_rel(x, (uint32_t)c, "det") || sr_tr_rel(x, (uint32_t)c, "nummod") ||
             sr_tr_rel(x, (uint32_t)c, "cc:preconj")) &&
            (x->wc[c] & SR_WC_BOTH))
            return 1;
    return 0;
}

/*
** "the presidents", "the ministers": a definite plural subject whose actors
** are all of no known country, which in news names the two parties of the
** event just reported ("Putin and Trump spoke by phone, the presidents
** agreed ...").
*/
static int unnamed_pair(const tree_ctx *x, uint32_t s, const int32_t *act, uint32_t n)
{
    const sr_token *t = &x->s->tokens[s];
    if (t->upos != SR_UPOS_NOUN || !t->feats || !strstr(t->feats, "Number=Plur"))
        return 0;
    int definite = 0;
    for (int32_t c = x->first_child[s]; c >= 0; c = x->next_child[c])
        definite |=
            sr_tr_rel(x, (uint32_t)c, "det") && strcasecmp(x->s->tokens[c].form, "the") == 0;
    for (uint32_t i = 0; i < n && definite; i++)
        if (strncmp(sr_tr_mention(x, act[i])->code, "---", 3) != 0)
            return 0;
    return definite;
}

/*
** The subject of verb h as the actors it stands for; *inherited is set when
** they come from another verb or noun.  depth bounds the climb.
*/
uint32_t sr_ro_subject_of(tree_ctx *x, uint32_t h, int32_t *out, int *inherited, int depth)
{
    int s = sr_ro_active_subject(x, h);
    if (s >= 0) {
        if ((x->wc[s] & SR_WC_RELATIVE) && sr_tr_rel(x, h, "acl:relcl") && sr_tr_head(x, h) >= 0) {
            *inherited = 1;
            return sr_tr_actors(x, (uint32_t)sr_tr_head(x, h), out, TREE_SIDE);
        }
        if (x->wc[s] & SR_WC_FIRST_PERSON)
            return 0; /* in a quotation the speaker; the speech pass decides */
        uint32_t n = sr_tr_actors(x, (uint32_t)s, out, TREE_SIDE);
        if (!n)
            n = sr_ro_add_actor(out, 0, TREE_SIDE, sr_ro_synthetic_actor(x, (uint32_t)s));
        if (!n && (x->wc[s] & SR_WC_CROWD))
            n = sr_ro_add_actor(out, 0, TREE_SIDE, sr_ro_crowd_actor(x, (uint32_t)s));
        if (!n && x->c->dict->inflect && both_sides(x, (uint32_t)s))
            n = sr_ro_last_two_parties(x, (uint32_t)s, out);
        if (n && x->c->dict->inflect && unnamed_pair(x, (uint32_t)s, out, n)) {
            int32_t two[2];
            if (sr_ro_last_two_parties(x, (uint32_t)s, two) == 2) {
                memcpy(out, two, sizeof two);
                n = 2;
            }
        }
        return n;
    }
    int g = sr_tr_head(x, h);
    if (g < 0 || depth <= 0)
        return 0;
    *inherited = 1;
    if (sr_tr_rel(x, h, "acl:relcl"))
        return sr_tr_actors(x, (uint32_t)g, out, TREE_SIDE);
    if (sr_tr_rel(x, h, "conj")) {
        /* a verb the parser joined to a noun ("met with X and received Y"): its verb */
        for (int steps = 0; steps < 3 && g >= 0 && !sr_tr_is_verbal(x, (uint32_t)g); steps++)
            g = sr_tr_head(x, (uint32_t)g);
        if (g < 0 || sr_ro_is_passive(x, (uint32_t)g))
            return 0;
        return sr_ro_subject_of(x, (uint32_t)g, out, inherited, depth - 1);
    }
    const char *hxp = x->s->tokens[h].xpos;
    if (x->c->dict->inflect && sr_tr_rel(x, h, "obj") && hxp && strcmp(hxp, "VBG") == 0 &&
        sr_tr_is_verbal(x, (uint32_t)g))
        /* a gerund object does what its verb's subject refuses or plans: "did not exclude
           the sending of troops", "considered sending troops" */
        return sr_ro_subject_of(x, (uint32_t)g, out, inherited, depth - 1);
    if (sr_tr_rel(x, h, "xcomp")) {
        uint32_t n = sr_ro_object_actors(x, (uint32_t)g, NULL, out, TREE_SIDE);
        int sp = sr_tr_child(x, (uint32_t)g, "nsubj:pass");
        if (!n && sp >= 0) /* "X was seen to break into ...": X breaks in */
            return sr_tr_actors(x, (uint32_t)sp, out, TREE_SIDE);
        return n ? n : sr_ro_subject_of(x, (uint32_t)g, out, inherited, depth - 1);
    }
    if (sr_tr_rel(x, h, "advcl") || sr_tr_rel(x, h, "acl")) {
        if (sr_tr_is_verbal(x, (uint32_t)g))
            return sr_ro_subject_of(x, (uint32_t)g, out, inherited, depth - 1);
        const char *xp = x->s->tokens[h].xpos;
        uint32_t n = 0;
        if (sr_tr_rel(x, h, "acl") && xp && strcmp(xp, "VBG") == 0 && x->c->dict->inflect &&
            x->ti[g].mention >= 0 && sr_tr_mention(x, x->ti[g].mention)->kind == SR_MENTION_AGENT &&
            (n = sr_tr_actors(x, (uint32_t)g, out, TREE_SIDE)) > 0)
            return n; /* "Russian troops fighting in Ukraine": the troops fight; a place or a
                         name is no participle's subject ("struck on Kabul targeting") */
        /* "excluded the opportunity to send troops": the verb that governs the noun */
        int gg = sr_tr_head(x, (uint32_t)g);
        if (gg >= 0 &&
            (sr_tr_rel(x, (uint32_t)g, "obj") || sr_tr_rel(x, (uint32_t)g, "obl") ||
             sr_tr_rel(x, (uint32_t)g, "xcomp")) && /* "is inching nearer to accord" */
            sr_tr_is_verbal(x, (uint32_t)gg))
            return sr_ro_subject_of(x, (uint32_t)gg, out, inherited, depth - 1);
    }
    return 0;
}

/* Actors of the children of k that a target preposition introduces. */
uint32_t sr_ro_prep_actors(tree_ctx *x, uint32_t k, const pred *p, const char *rel,
                           const char *const *preps, int32_t *out, uint32_t max)
{
    uint32_t n = 0;
    for (int32_t c = x->first_child[k]; c >= 0 && n == 0; c = x->next_child[c])
        if (sr_tr_rel(x, (uint32_t)c, rel) &&
            prep_allowed(x, p, sr_tr_case(x, (uint32_t)c), preps) &&
            !sr_ro_other_event(x, p, (uint32_t)c))
            n = sr_tr_actors(x, (uint32_t)c, out, max);
    return n;
}

/*
** Actors inside the noun phrase of a non-actor noun k, nearest first: "a
** convoy near Damascus", "a resumption of ties between Gondor and
** Osgiliath", "the decision of Kyiv".  Clauses inside the phrase are not
** searched; depth bounds the descent.
*/
uint32_t sr_ro_modifier_actors(tree_ctx *x, uint32_t k, int32_t *out, uint32_t max, int depth)
{
    if (depth <= 0)
        return 0;
    for (int32_t c = x->first_child[k]; c >= 0; c = x->next_child[c])
        if (sr_tr_rel(x, (uint32_t)c, "nmod") && !sr_ro_other_event(x, NULL, (uint32_t)c) &&
            !(x->c->dict->inflect && sr_ro_under_adjunct(x, (uint32_t)c, k))) {
            uint32_t n = sr_tr_actors(x, (uint32_t)c, out, max);
            if (!n)
                n = sr_ro_modifier_actors(x, (uint32_t)c, out, max, depth - 1);
            if (n)
                return n;
        }
    return 0;
}

/* The verb a token belongs to: its nearest verbal ancestor (or itself). */
int sr_ro_clause_verb(const tree_ctx *x, uint32_t k)
{
    for (uint32_t steps = 0; steps < x->n; steps++) {
        if (sr_tr_is_verbal(x, k) && !sr_tr_rel(x, k, "aux") && !sr_tr_rel(x, k, "cop"))
            return (int)k;
        int g = sr_tr_head(x, k);
        if (g < 0)
            return -1;
        k = (uint32_t)g;
    }
    return -1;
}

/*
** Is token k, after a comma, a preposition that opens an adjunct (", several
** years after X ...")?  TABARI's object search stops there.
*/
static int adjunct_prep(const tree_ctx *x, uint32_t k, int comma_seen)
{
    static const char *const ADJ[] = {"after", "before", "since", "until", "while", "as", NULL};
    if (!comma_seen || x->s->tokens[k].upos != SR_UPOS_ADP)
        return 0;
    for (int i = 0; ADJ[i]; i++)
        if (strcmp(sr_tr_lemma(x, k), ADJ[i]) == 0)
            return 1;
    return 0;
}

/*
** Is the mention at token k a pronoun or title that stands for p's source
** ("X wondered whether he ...": X again)?  TABARI's object search passes it.
*/
static int refers_to_source(const tree_ctx *x, const pred *p, uint32_t k)
{
    const sr_mention *m = sr_tr_mention(x, x->ti[k].mention);
    if (m->kind != SR_MENTION_PRONOUN && m->kind != SR_MENTION_TITLE)
        return 0;
    for (uint32_t i = 0; i < p->nsrc; i++) {
        const sr_mention *s = sr_tr_mention(x, p->src[i]);
        if (m->antecedent == p->src[i] ||
            (m->entity && s->entity && !strcmp(m->entity, s->entity)) ||
            strcmp(m->code, s->code) == 0)
            return 1;
    }
    return 0;
}

/* Is token k a subordinator that opens an adverbial clause ("as", "while", "because")? */
static int adverbial_mark(const tree_ctx *x, uint32_t k)
{
    static const char *const ADV[] = {"as",      "while",    "because", "when",  "after",
                                      "before",  "although", "though",  "since", "until",
                                      "whereas", "unless",   "if",      NULL};
    if (x->s->tokens[k].upos != SR_UPOS_SCONJ || !sr_tr_rel(x, k, "mark"))
        return 0;
    for (int i = 0; ADV[i]; i++)
        if (strcmp(sr_tr_lemma(x, k), ADV[i]) == 0)
            return 1;
    return 0;
}

/* The actors at mention token k, unless k is the subject of another coded clause. */
static uint32_t tabari_actor(tree_ctx *x, const pred *p, uint32_t k, int32_t *out)
{
    int v = sr_ro_clause_verb(x, k);
    if (v >= 0 && v != (int)p->head && sr_tr_rel(x, k, "nsubj") && !sr_tr_rel(x, k, "nsubj:pass") &&
        x->pred_at[v] >= 0 &&
        (x->preds[x->pred_at[v]].hit.code || x->preds[x->pred_at[v]].hit.code2))
        return 0; /* "X said Y attacked Z": Y is the attack's */
    return sr_tr_actors(x, k, out, TREE_SIDE);
}

/*
** TABARI's target, for PETRARCH dictionaries: the first actor after the
** verb (an actor in a gap of its pattern counts: "allowed that Mordor
** isn't a really pleasant place") among the words of its subtree; else, since TABARI
** reads words and a parse may strand the actor outside the subtree, the
** first actor after the verb in word order, before the next coded
** predicate, a subordinating conjunction, a semicolon or, after a comma, a
** preposition that opens an adjunct.
*/
uint32_t sr_ro_first_actor_after(tree_ctx *x, const pred *p, int32_t *out)
{
    for (int k = (int)p->head + 1; k <= x->sub_hi[p->head]; k++) {
        if (adverbial_mark(x, (uint32_t)k))
            return 0; /* "attacked at night as X slept": an adjunct, no target */
        if (x->ti[k].mention >= 0 && !sr_ro_in_trigger(x, p, k) &&
            !refers_to_source(x, p, (uint32_t)k))
            return tabari_actor(x, p, (uint32_t)k, out);
    }
    int comma = 0;
    for (int k = (int)p->head + 1; k < (int)x->n; k++) {
        const sr_token *t = &x->s->tokens[k];
        int32_t q = x->pred_at[k];
        if ((q >= 0 && (x->preds[q].hit.code || x->preds[q].hit.code2)) ||
            t->upos == SR_UPOS_SCONJ || strcmp(t->form, ";") == 0 ||
            adjunct_prep(x, (uint32_t)k, comma))
            return 0;
        comma |= strcmp(t->form, ",") == 0;
        if (x->ti[k].mention >= 0 && !sr_ro_in_trigger(x, p, k) &&
            !refers_to_source(x, p, (uint32_t)k))
            return tabari_actor(x, p, (uint32_t)k, out);
    }
    return 0;
}

/* Is token k, inside the subtree of top, reached through a preposition of class cls? */
static int under_preposition(const tree_ctx *x, uint32_t k, uint32_t top, unsigned cls)
{
    for (uint32_t steps = 0; steps < x->n && k != top; steps++) {
        int c = sr_tr_case_token(x, k);
        if (c >= 0 && (x->wc[c] & cls))
            return 1;
        int g = sr_tr_head(x, k);
        if (g < 0)
            return 0;
        k = (uint32_t)g;
    }
    return 0;
}

/* Is token k, inside the subtree of top, reached through a place preposition ("in Ukraine")? */
int sr_ro_under_place(const tree_ctx *x, uint32_t k, uint32_t top)
{
    return under_preposition(x, k, top, SR_WC_PLACE_PREP);
}

/* Is it reached through a preposition of place or of time ("after the American strikes")? */
int sr_ro_under_adjunct(const tree_ctx *x, uint32_t k, uint32_t top)
{
    return under_preposition(x, k, top, SR_WC_PLACE_PREP | SR_WC_TIME_PREP);
}

/*
** The first actor in the noun phrase of object k of predicate p, in word
** order and within p's own clause: "suspended the transfer of
** intelligence data to Kiev", "increased purchases of Russian oil".  A
** place ("houses in Jenin") is where, not whom.
*/
uint32_t sr_ro_first_actor_in(tree_ctx *x, const pred *p, uint32_t k, int32_t *out)
{
    for (int t = x->sub_lo[k]; t <= x->sub_hi[k]; t++) {
        if (x->ti[t].mention < 0 || sr_ro_in_trigger(x, p, t) ||
            sr_ro_clause_verb(x, (uint32_t)t) != (int)p->head ||
            sr_ro_under_adjunct(x, (uint32_t)t, k))
            continue;
        return sr_tr_actors(x, (uint32_t)t, out, TREE_SIDE);
    }
    return 0;
}
