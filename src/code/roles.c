/*
** roles.c: source and target of a predicate from grammatical relations.
**
** An actor stands at a token when a mention covers it, or when a mention
** modifies it ("the head of the Military Committee", "Russian troops");
** conjuncts add actors ("X and Y": one event per pair).  For a verb:
**
**   source   nsubj; obl:agent or "by" in the passive; with no subject, the
**            subject of the verb it is conjoined to, of the verb whose
**            xcomp it is (or that verb's object: "X urged Y to withdraw"),
**            of the verb an advcl or acl hangs from, or the noun a relative
**            clause modifies;
**   target   nsubj:pass in the passive; obj, iobj, or obl introduced by a
**            target preposition (the entry's "target:" list, else
**            against/on/upon/at/with/to/toward/into); an object outside
**            the actor list lends the actor of its modifiers ("attacked a
**            convoy near Damascus"); else the object of an infinitive it
**            governs ("to help protect Ukraine").
**
** For an event noun ("Russian attacks on Sumy and Odesa", "talks between
** X and Y", "the bombing of a hospital by Israeli aircraft") the source is
** a modifier, possessor, "by" or "between" phrase, else the subject of the
** light verb that takes it as object ("Russia launched strikes"); the
** target a noun phrase introduced by a target preposition, else the object
** of the verb it is the subject of ("Russian strikes hit six regions").
** A place is never a target through "in": "talks in Beijing" is where;
** nor is the topic of a consultation ("discussed the situation in Syria"),
** nor an actor of another event noun ("at mediation of Trump").
*/
#include "code/tree.h"

#include <ctype.h>
#include <string.h>

static const char *const VERB_PREPS[] = {"against", "on",      "upon", "at",   "with", "to",
                                         "toward",  "towards", "into", "onto", NULL};
/* consultations: whom they are held with; "about", "on", "over" give the topic */
static const char *const CONSULT_PREPS[] = {"with", "to", NULL};
static const char *const NOUN_PREPS[] = {"against", "on",        "upon", "at",
                                         "of",      "with",      "into", "toward",
                                         "towards", "targeting", "onto", NULL};

/*
** Is c an event noun of its own whose actors are its modifiers ("at the
** mediation of Qatar": Qatar mediates)?  Those are that event's
** participants, not another predicate's target.
*/
static int other_event(const tree_ctx *x, const pred *p, uint32_t c)
{
    int32_t q = x->pred_at[c];
    return x->c->dict->inflect && q >= 0 && x->preds[q].noun &&
           (!p || x->preds[q].head != p->head) && x->ti[c].mention < 0;
}

/*
** The token whose mention is the actor at k: k itself when a mention covers
** it, else a modifier of k that is one (`compound`, `amod`, `nmod:poss`,
** `flat`, `appos`), else, depth allowing, one inside an "of" phrase ("the
** head of the Military Committee").  -1 when there is none.
*/
static int actor_token(const tree_ctx *x, uint32_t k, int depth)
{
    if (x->ti[k].mention >= 0)
        return (int)k;
    if (depth <= 0)
        return -1;
    static const char *const MODIFIERS[] = {"compound", "amod", "nmod:poss", "flat", "appos", NULL};
    for (int32_t c = x->first_child[k]; c >= 0; c = x->next_child[c])
        for (int i = 0; MODIFIERS[i]; i++)
            if (sr_tr_rel(x, (uint32_t)c, MODIFIERS[i]) && x->ti[c].mention >= 0)
                return c;
    for (int32_t c = x->first_child[k]; c >= 0; c = x->next_child[c])
        if (sr_tr_rel(x, (uint32_t)c, "nmod") && strcmp(sr_tr_case(x, (uint32_t)c), "of") == 0 &&
            !other_event(x, NULL, (uint32_t)c)) {
            int t = actor_token(x, (uint32_t)c, depth - 1);
            if (t >= 0)
                return t;
        }
    return -1;
}

/* The mention of the actor at k (see actor_token), or -1. */
static int32_t actor_at(const tree_ctx *x, uint32_t k, int depth)
{
    int t = actor_token(x, k, depth);
    return t >= 0 ? x->ti[t].mention : -1;
}

static uint32_t add_actor(int32_t *out, uint32_t n, uint32_t max, int32_t m)
{
    if (m < 0 || n >= max)
        return n;
    for (uint32_t i = 0; i < n; i++)
        if (out[i] == m)
            return n;
    out[n] = m;
    return n + 1;
}

/* Add the actors of the nominal conjuncts of token k ("X, Y and Z"). */
static uint32_t add_conjuncts(tree_ctx *x, uint32_t k, int32_t *out, uint32_t n, uint32_t max)
{
    for (int32_t c = x->first_child[k]; c >= 0; c = x->next_child[c]) {
        int u = x->s->tokens[c].upos;
        if (sr_tr_rel(x, (uint32_t)c, "conj") &&
            (u == SR_UPOS_NOUN || u == SR_UPOS_PROPN || x->ti[c].mention >= 0)) {
            n = add_actor(out, n, max, actor_at(x, (uint32_t)c, 2));
            /* with a PETRARCH dictionary a list ends at its "and" member, as in TABARI:
               "Calenardhon and Gondor, and Gondor and Dagolath" is two lists */
            if (!x->c->dict->inflect && sr_tr_child(x, (uint32_t)c, "cc") >= 0)
                break;
        }
    }
    return n;
}

uint32_t sr_tr_actors(tree_ctx *x, uint32_t k, int32_t *out, uint32_t max)
{
    int t = actor_token(x, k, 3);
    uint32_t n = add_actor(out, 0, max, t >= 0 ? x->ti[t].mention : -1);
    n = add_conjuncts(x, k, out, n, max);
    if (t >= 0) {
        /* "the delegations of the USA and Ukraine": conjuncts inside the mention's words too */
        const sr_mention *m = sr_tr_mention(x, x->ti[t].mention);
        for (uint32_t j = m->first; j < m->last && j < x->n; j++)
            if (j != k)
                n = add_conjuncts(x, j, out, n, max);
    }
    return n;
}

int32_t sr_tr_new_extra(tree_ctx *x)
{
    if (x->nextra == x->capextra) {
        uint32_t cap = x->capextra ? x->capextra * 2 : 8;
        sr_mention *nv = sr_arena_alloc(x->a, cap * sizeof *nv);
        if (x->nextra)
            memcpy(nv, x->extra, x->nextra * sizeof *nv);
        x->extra = nv;
        x->capextra = cap;
    }
    memset(&x->extra[x->nextra], 0, sizeof *x->extra);
    return (int32_t)(x->in->nmentions + x->nextra++);
}

/*
** "Israeli airstrikes on Gaza", "a Russian drone strike": a country's
** adjective on an attack by means only armed forces use is its military.
** The source mention m (a bare country code) is copied as CODE+MIL when
** the event noun h, or a compound of it, is in the military word class.
*/
static int32_t military_source(tree_ctx *x, const pred *p, uint32_t h, int32_t m)
{
    const char *code = p->hit.code;
    if (m < 0 || !code || !(code[0] == '1' && code[1] >= '8') || !x->c->dict->inflect)
        return m;
    const sr_mention *src = sr_tr_mention(x, m);
    if (!src->code || strlen(src->code) != 3 || strcmp(src->code, "---") == 0)
        return m;
    int military = (x->wc[h] & SR_WC_MILITARY) != 0;
    for (int32_t c = x->first_child[h]; c >= 0 && !military; c = x->next_child[c])
        military = sr_tr_rel(x, (uint32_t)c, "compound") && (x->wc[c] & SR_WC_MILITARY);
    if (!military)
        return m;
    int32_t id = sr_tr_new_extra(x);
    sr_mention *mil = &x->extra[id - (int32_t)x->in->nmentions];
    *mil = *sr_tr_mention(x, m); /* read again: new_extra may have moved it */
    mil->code = sr_arena_printf(x->a, "%sMIL", mil->code);
    return id;
}

/*
** A name the knowledge base lacks, standing as a subject ("Azerbijan
** agreed"): a mention of its own with the null actor code, so that the
** event is kept with the words that name its actor.
*/
static int32_t synthetic_actor(tree_ctx *x, uint32_t k)
{
    if (x->s->tokens[k].upos != SR_UPOS_PROPN)
        return -1;
    uint32_t first = k, last = k + 1;
    while (first > 0 && x->s->tokens[first - 1].upos == SR_UPOS_PROPN &&
           x->ti[first - 1].mention < 0 && sr_tr_head(x, first - 1) == (int)k)
        first--;
    while (last < x->n && x->s->tokens[last].upos == SR_UPOS_PROPN && x->ti[last].mention < 0 &&
           sr_tr_head(x, last) == (int)k)
        last++;
    int32_t id = sr_tr_new_extra(x);
    sr_mention *m = &x->extra[id - (int32_t)x->in->nmentions];
    m->sentence = x->si;
    m->first = first;
    m->last = last;
    m->span.start = x->s->tokens[first].start;
    m->span.end = x->s->tokens[last - 1].end;
    m->code = "---";
    m->name = sr_arena_strdup(x->a, x->s->tokens[k].form);
    m->antecedent = -1;
    m->kind = SR_MENTION_UNKNOWN;
    return id;
}

/*
** PETRARCH's new actor (SR_CODE_NEW_ACTORS): the words of tokens [lo, hi]
** as an actor coded by them in capitals and quotes ("\"THE MINISTRY OF
** MAGIC\""), leaving out punctuation, a possessive "'s" and the
** preposition that introduces the phrase; -1 when the phrase is longer
** than the option allows, or holds a known actor.
*/
static int32_t new_actor(tree_ctx *x, uint32_t lo, uint32_t hi)
{
    unsigned max = SR_CODE_NEW_ACTOR_LENGTH(x->flags), n = 0;
    char buf[256];
    size_t len = 0;
    buf[len++] = '"';
    for (uint32_t k = lo; k <= hi && k < x->n; k++) {
        const sr_token *t = &x->s->tokens[k];
        if (x->ti[k].mention >= 0)
            return -1;
        if (t->upos == SR_UPOS_PUNCT || strcmp(t->form, "'s") == 0 || strcmp(t->form, "'") == 0 ||
            (k == lo && (sr_tr_rel(x, k, "case") || sr_tr_rel(x, k, "cc"))))
            continue;
        size_t w = strlen(t->form);
        if (++n > max || len + w + 3 > sizeof buf)
            return -1;
        if (n > 1)
            buf[len++] = ' ';
        for (size_t i = 0; i < w; i++)
            buf[len++] = (char)toupper((unsigned char)t->form[i]);
    }
    if (!n)
        return -1;
    buf[len++] = '"';
    buf[len] = '\0';
    int32_t id = sr_tr_new_extra(x);
    sr_mention *m = &x->extra[id - (int32_t)x->in->nmentions];
    m->sentence = x->si;
    m->first = lo;
    m->last = hi + 1;
    m->span.start = x->s->tokens[lo].start;
    m->span.end = x->s->tokens[hi].end;
    m->code = sr_arena_strdup(x->a, buf);
    m->name = m->code;
    m->antecedent = -1;
    m->kind = SR_MENTION_UNKNOWN;
    return id;
}

/* The new actor of verb h's subject: the words of all its nsubj children ("X 's head Y"). */
static int32_t new_subject_actor(tree_ctx *x, uint32_t h)
{
    int lo = -1, hi = -1;
    for (int32_t c = x->first_child[h]; c >= 0; c = x->next_child[c])
        if (sr_tr_rel(x, (uint32_t)c, "nsubj") && !sr_tr_rel(x, (uint32_t)c, "nsubj:pass")) {
            if (lo < 0 || x->sub_lo[c] < lo)
                lo = x->sub_lo[c];
            if (x->sub_hi[c] > hi)
                hi = x->sub_hi[c];
        }
    return lo < 0 ? -1 : new_actor(x, (uint32_t)lo, (uint32_t)hi);
}

/*
** New actors of the conjuncts of verb h's subject that name no known actor
** ("Eriador's death and injury toll": "INJURY TOLL" beside Eriador), added
** to the n actors of out; returns the new count.
*/
static uint32_t new_conjunct_actors(tree_ctx *x, uint32_t h, int32_t *out, uint32_t n)
{
    int s = -1;
    for (int32_t c = x->first_child[h]; c >= 0 && s < 0; c = x->next_child[c])
        if (sr_tr_rel(x, (uint32_t)c, "nsubj") && !sr_tr_rel(x, (uint32_t)c, "nsubj:pass"))
            s = c;
    for (int32_t c = s >= 0 ? x->first_child[s] : -1; c >= 0; c = x->next_child[c]) {
        int u = x->s->tokens[c].upos;
        if (sr_tr_rel(x, (uint32_t)c, "conj") && (u == SR_UPOS_NOUN || u == SR_UPOS_PROPN) &&
            actor_token(x, (uint32_t)c, 1) < 0)
            n = add_actor(out, n, TREE_SIDE,
                          new_actor(x, (uint32_t)x->sub_lo[c], (uint32_t)x->sub_hi[c]));
    }
    return n;
}

/* The new actor of verb h's first object or oblique noun phrase after it. */
static int32_t new_object_actor(tree_ctx *x, uint32_t h)
{
    for (int32_t c = x->first_child[h]; c >= 0; c = x->next_child[c]) {
        int u = x->s->tokens[c].upos;
        if ((uint32_t)c > h &&
            (sr_tr_rel(x, (uint32_t)c, "obj") || sr_tr_rel(x, (uint32_t)c, "obl")) &&
            (u == SR_UPOS_NOUN || u == SR_UPOS_PROPN))
            return new_actor(x, (uint32_t)x->sub_lo[c], (uint32_t)x->sub_hi[c]);
    }
    return -1;
}

/*
** A crowd or a number of people as a subject ("Tens of thousands rallied",
** "protesters stormed"): civilians, "---CVL", over the subject's words.
*/
static int32_t crowd_actor(tree_ctx *x, uint32_t k)
{
    int32_t id = sr_tr_new_extra(x);
    sr_mention *m = &x->extra[id - (int32_t)x->in->nmentions];
    m->sentence = x->si;
    m->first = (uint32_t)x->sub_lo[k];
    m->last = (uint32_t)x->sub_hi[k] + 1;
    m->span.start = x->s->tokens[m->first].start;
    m->span.end = x->s->tokens[m->last - 1].end;
    m->code = "---CVL";
    m->name = "civilians";
    m->sector = "CVL";
    m->antecedent = -1;
    m->kind = SR_MENTION_AGENT;
    return id;
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
static int in_trigger(const tree_ctx *x, const pred *p, int32_t k)
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

static int is_passive(const tree_ctx *x, uint32_t h)
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
static int active_subject(const tree_ctx *x, uint32_t h)
{
    int first = -1;
    for (int32_t c = x->first_child[h]; c >= 0; c = x->next_child[c])
        if (sr_tr_rel(x, (uint32_t)c, "nsubj") && !sr_tr_rel(x, (uint32_t)c, "nsubj:pass")) {
            if (first < 0)
                first = c;
            if (actor_token(x, (uint32_t)c, 1) >= 0)
                return c;
        }
    return first;
}

/*
** The agent of a passive verb: obl:agent, or an obl introduced by "by";
** when the parser made "by" itself the obl, the first of its dependents.
*/
static int agent_child(const tree_ctx *x, uint32_t h)
{
    for (int32_t c = x->first_child[h]; c >= 0; c = x->next_child[c]) {
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
static int agent_after(const tree_ctx *x, uint32_t h)
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
static uint32_t object_actors(tree_ctx *x, uint32_t h, const pred *p, int32_t *out, uint32_t max)
{
    static const char *const OBJ[] = {"obj", "iobj", NULL};
    uint32_t n = 0;
    for (int i = 0; OBJ[i] && !n; i++)
        for (int32_t c = x->first_child[h]; c >= 0; c = x->next_child[c])
            if (sr_tr_rel(x, (uint32_t)c, OBJ[i]) && !in_trigger(x, p, c) &&
                !stray_object(x, h, c)) {
                int32_t more[TREE_SIDE];
                uint32_t k = sr_tr_actors(x, (uint32_t)c, more, TREE_SIDE);
                for (uint32_t j = 0; j < k; j++)
                    n = add_actor(out, n, max, more[j]);
            }
    return n;
}

/*
** The subject of verb h as the actors it stands for; *inherited is set when
** they come from another verb or noun.  depth bounds the climb.
*/
static uint32_t subject_of(tree_ctx *x, uint32_t h, int32_t *out, int *inherited, int depth)
{
    int s = active_subject(x, h);
    if (s >= 0) {
        if ((x->wc[s] & SR_WC_RELATIVE) && sr_tr_rel(x, h, "acl:relcl") && sr_tr_head(x, h) >= 0) {
            *inherited = 1;
            return sr_tr_actors(x, (uint32_t)sr_tr_head(x, h), out, TREE_SIDE);
        }
        if (x->wc[s] & SR_WC_FIRST_PERSON)
            return 0; /* in a quotation the speaker; the speech pass decides */
        uint32_t n = sr_tr_actors(x, (uint32_t)s, out, TREE_SIDE);
        if (!n)
            n = add_actor(out, 0, TREE_SIDE, synthetic_actor(x, (uint32_t)s));
        if (!n && (x->wc[s] & SR_WC_CROWD))
            n = add_actor(out, 0, TREE_SIDE, crowd_actor(x, (uint32_t)s));
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
        if (g < 0 || is_passive(x, (uint32_t)g))
            return 0;
        return subject_of(x, (uint32_t)g, out, inherited, depth - 1);
    }
    if (sr_tr_rel(x, h, "xcomp")) {
        uint32_t n = object_actors(x, (uint32_t)g, NULL, out, TREE_SIDE);
        int sp = sr_tr_child(x, (uint32_t)g, "nsubj:pass");
        if (!n && sp >= 0) /* "X was seen to break into ...": X breaks in */
            return sr_tr_actors(x, (uint32_t)sp, out, TREE_SIDE);
        return n ? n : subject_of(x, (uint32_t)g, out, inherited, depth - 1);
    }
    if (sr_tr_rel(x, h, "advcl") || sr_tr_rel(x, h, "acl")) {
        if (sr_tr_is_verbal(x, (uint32_t)g))
            return subject_of(x, (uint32_t)g, out, inherited, depth - 1);
        /* "excluded the opportunity to send troops": the verb that governs the noun */
        int gg = sr_tr_head(x, (uint32_t)g);
        if (gg >= 0 &&
            (sr_tr_rel(x, (uint32_t)g, "obj") || sr_tr_rel(x, (uint32_t)g, "obl") ||
             sr_tr_rel(x, (uint32_t)g, "xcomp")) && /* "is inching nearer to accord" */
            sr_tr_is_verbal(x, (uint32_t)gg))
            return subject_of(x, (uint32_t)gg, out, inherited, depth - 1);
    }
    return 0;
}

/* Actors of the children of k that a target preposition introduces. */
static uint32_t prep_actors(tree_ctx *x, uint32_t k, const pred *p, const char *rel,
                            const char *const *preps, int32_t *out, uint32_t max)
{
    uint32_t n = 0;
    for (int32_t c = x->first_child[k]; c >= 0 && n == 0; c = x->next_child[c])
        if (sr_tr_rel(x, (uint32_t)c, rel) &&
            prep_allowed(x, p, sr_tr_case(x, (uint32_t)c), preps) &&
            !other_event(x, p, (uint32_t)c))
            n = sr_tr_actors(x, (uint32_t)c, out, max);
    return n;
}

/* Is token k, inside the subtree of top, reached through a place preposition ("in Ukraine")? */
static int under_place(const tree_ctx *x, uint32_t k, uint32_t top);

/*
** Actors inside the noun phrase of a non-actor noun k, nearest first: "a
** convoy near Damascus", "a resumption of ties between Gondor and
** Osgiliath", "the decision of Kyiv".  Clauses inside the phrase are not
** searched; depth bounds the descent.
*/
static uint32_t modifier_actors(tree_ctx *x, uint32_t k, int32_t *out, uint32_t max, int depth)
{
    if (depth <= 0)
        return 0;
    for (int32_t c = x->first_child[k]; c >= 0; c = x->next_child[c])
        if (sr_tr_rel(x, (uint32_t)c, "nmod") && !other_event(x, NULL, (uint32_t)c) &&
            !(x->c->dict->inflect && under_place(x, (uint32_t)c, k))) {
            uint32_t n = sr_tr_actors(x, (uint32_t)c, out, max);
            if (!n)
                n = modifier_actors(x, (uint32_t)c, out, max, depth - 1);
            if (n)
                return n;
        }
    return 0;
}

/* The verb a token belongs to: its nearest verbal ancestor (or itself). */
static int clause_verb(const tree_ctx *x, uint32_t k)
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
    int v = clause_verb(x, k);
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
static uint32_t first_actor_after(tree_ctx *x, const pred *p, int32_t *out)
{
    for (int k = (int)p->head + 1; k <= x->sub_hi[p->head]; k++) {
        if (adverbial_mark(x, (uint32_t)k))
            return 0; /* "attacked at night as X slept": an adjunct, no target */
        if (x->ti[k].mention >= 0 && !in_trigger(x, p, k) && !refers_to_source(x, p, (uint32_t)k))
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
        if (x->ti[k].mention >= 0 && !in_trigger(x, p, k) && !refers_to_source(x, p, (uint32_t)k))
            return tabari_actor(x, p, (uint32_t)k, out);
    }
    return 0;
}

/* Is token k, inside the subtree of top, reached through a place preposition ("in Ukraine")? */
static int under_place(const tree_ctx *x, uint32_t k, uint32_t top)
{
    static const char *const PLACE[] = {"in", "near", "inside", "across", "throughout", NULL};
    for (uint32_t steps = 0; steps < x->n && k != top; steps++) {
        const char *c = sr_tr_case(x, k);
        for (int i = 0; PLACE[i]; i++)
            if (strcmp(c, PLACE[i]) == 0)
                return 1;
        int g = sr_tr_head(x, k);
        if (g < 0)
            return 0;
        k = (uint32_t)g;
    }
    return 0;
}

/*
** The first actor in the noun phrase of object k of predicate p, in word
** order and within p's own clause: "suspended the transfer of
** intelligence data to Kiev", "increased purchases of Russian oil".  A
** place ("houses in Jenin") is where, not whom.
*/
static uint32_t first_actor_in(tree_ctx *x, const pred *p, uint32_t k, int32_t *out)
{
    for (int t = x->sub_lo[k]; t <= x->sub_hi[k]; t++) {
        if (x->ti[t].mention < 0 || in_trigger(x, p, t) ||
            clause_verb(x, (uint32_t)t) != (int)p->head || under_place(x, (uint32_t)t, k))
            continue;
        return sr_tr_actors(x, (uint32_t)t, out, TREE_SIDE);
    }
    return 0;
}

/* Are all of these actors without a country ("---MIL")? */
static int unknown_country(const tree_ctx *x, const int32_t *v, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        if (strncmp(sr_tr_mention(x, v[i])->code, "---", 3) != 0)
            return 0;
    return 1;
}

/*
** An entry with "source:from" ("receive ... weapon 072 source:from"): the
** actor of that preposition gives, the subject receives.  "Ukraine received
** F-16s from Denmark" is Denmark's aid to Ukraine.
*/
static void source_by_preposition(tree_ctx *x, pred *p, int *inherited)
{
    if (!p->hit.nspreps)
        return;
    pred q = *p; /* the same predicate, asking for the source's prepositions */
    q.hit.preps = p->hit.spreps;
    q.hit.npreps = p->hit.nspreps;
    int32_t from[TREE_SIDE];
    uint32_t n = prep_actors(x, p->head, &q, "obl", VERB_PREPS, from, TREE_SIDE);
    int o = sr_tr_child(x, p->head, "obj"); /* "received jets from Denmark" */
    if (!n && o >= 0)
        n = prep_actors(x, (uint32_t)o, &q, "nmod", VERB_PREPS, from, TREE_SIDE);
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
static int consults(const tree_ctx *x, const pred *p)
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
    uint32_t n = prep_actors(x, k, NULL, "nmod", WITH, out, TREE_SIDE);
    for (int32_t c = x->first_child[k]; c >= 0 && !n && depth > 0; c = x->next_child[c])
        if (sr_tr_rel(x, (uint32_t)c, "nmod") || sr_tr_rel(x, (uint32_t)c, "obl") ||
            sr_tr_rel(x, (uint32_t)c, "obj"))
            n = topic_partner(x, (uint32_t)c, out, depth - 1);
    return n;
}

/*
** Does p's phrase end in the preposition of its addressee, and is that
** phrase there ("called on the partners", "appealed to the allies")?  The
** addressee is then the target, an actor or none.
*/
static int addressed(const tree_ctx *x, const pred *p)
{
    uint32_t last = p->hit.tend - 1;
    if (!x->c->dict->inflect || last <= p->head || last >= x->n ||
        x->s->tokens[last].upos != SR_UPOS_ADP || !sr_tr_rel(x, last, "case"))
        return 0;
    int g = sr_tr_head(x, last);
    return g >= 0 && sr_tr_head(x, (uint32_t)g) == (int)p->head && sr_tr_rel(x, (uint32_t)g, "obl");
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
            int s = active_subject(x, (uint32_t)c);
            if (s >= 0)
                return sr_tr_actors(x, (uint32_t)s, out, TREE_SIDE);
        }
    }
    return 0;
}

/* The target of active verb h. */
static uint32_t verb_target(tree_ctx *x, pred *p, int32_t *out, int depth)
{
    uint32_t h = p->head, n = 0;
    const char *const *preps = consults(x, p) ? CONSULT_PREPS : VERB_PREPS;
    if (p->hit.phrase_target && p->hit.tend > p->hit.tstart)
        n = add_actor(out, 0, TREE_SIDE, actor_at(x, p->hit.tend - 1, 2));
    if (!n && p->hit.npreps) /* the entry names its target's preposition: "hand ... back to" */
        n = prep_actors(x, h, p, "obl", preps, out, TREE_SIDE);
    if (!n && !x->c->dict->inflect && p->entry) {
        /* two objects are a misparse ("welcomed a resumption of ties with X, the official
           news agency said", "agency" as the second): the first when it is an actor, else
           TABARI's first actor after the verb */
        int o1 = -1, nobj = 0;
        for (int32_t c = x->first_child[h]; c >= 0; c = x->next_child[c])
            if (sr_tr_rel(x, (uint32_t)c, "obj") && !in_trigger(x, p, c) && nobj++ == 0)
                o1 = c;
        if (nobj > 1) {
            n = sr_tr_actors(x, (uint32_t)o1, out, TREE_SIDE);
            if (!n)
                n = first_actor_after(x, p, out);
        }
    }
    if (!n)
        n = object_actors(x, h, p, out, TREE_SIDE);
    if (n && x->c->dict->inflect && unknown_country(x, out, n)) {
        /* "will give to Ukraine the systems of air defense": a named recipient beats a
           countryless object */
        int32_t alt[TREE_SIDE];
        uint32_t na = prep_actors(x, h, p, "obl", preps, alt, TREE_SIDE);
        if (na && !unknown_country(x, alt, na)) {
            memcpy(out, alt, na * sizeof *alt);
            n = na;
        }
    }
    if (!n)
        n = prep_actors(x, h, p, "obl", preps, out, TREE_SIDE);
    for (uint32_t k = h + 1; k < p->hit.tend && !n; k++) /* the phrase's words after the verb */
        n = prep_actors(x, k, p, "nmod", preps, out, TREE_SIDE);
    if (addressed(x, p))
        return n; /* "called on the partners to give Ukraine ...": the partners, unnamed */
    int o = sr_tr_child(x, h, "obj");
    if (consults(x, p)) { /* the topic's actors are no target, a partner hung on it is */
        if (!n)
            n = topic_partner(x, h, out, 3);
        return n;
    }
    if (!n && o >= 0 && !in_trigger(x, p, o))
        n = modifier_actors(x, (uint32_t)o, out, TREE_SIDE, x->c->dict->inflect ? 2 : 3);
    for (int32_t c = x->first_child[h]; c >= 0 && !n && depth > 0; c = x->next_child[c])
        /* an infinitive ("to help protect Ukraine"); a participle ("declared martial law,
           accusing the opposition") is an act of its own */
        if ((sr_tr_rel(x, (uint32_t)c, "xcomp") ||
             (sr_tr_rel(x, (uint32_t)c, "advcl") &&
              (!x->c->dict->inflect || strcmp(sr_tr_case(x, (uint32_t)c), "to") == 0))) &&
            sr_tr_is_verbal(x, (uint32_t)c) && active_subject(x, (uint32_t)c) < 0) {
            pred q;
            memset(&q, 0, sizeof q);
            q.head = (uint32_t)c;
            q.hit.tstart = q.hit.tend = (uint32_t)c;
            n = verb_target(x, &q, out, depth - 1);
        }
    if (!n && x->c->dict->inflect)
        n = asked_actor(x, p, out);
    if (!n && !x->c->dict->inflect && p->entry)
        n = first_actor_after(x, p, out);
    for (int32_t c = x->first_child[h]; c >= 0 && !n && p->entry && x->c->dict->inflect;
         c = x->next_child[c])
        if (sr_tr_rel(x, (uint32_t)c, "obj"))
            n = first_actor_in(x, p, (uint32_t)c, out);

    return n;
}

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

/* Verbs of saying whose object is the one spoken to ("told reporters"). */
static int addressee_verb(const tree_ctx *x, uint32_t h)
{
    static const char *const V[] = {"tell", "inform", "brief", "assure", "warn", "remind", NULL};
    for (int i = 0; V[i]; i++)
        if (strcmp(sr_tr_lemma(x, h), V[i]) == 0)
            return 1;
    return 0;
}

/* Are there no actors, or only names the knowledge base lacks (code "---")? */
static int unknown_names(const tree_ctx *x, const int32_t *v, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        if (strcmp(sr_tr_mention(x, v[i])->code, "---") != 0)
            return 0;
    return 1;
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
                actor_token(x, (uint32_t)g, 1) >= 0)
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
    uint32_t n = prep_actors(x, a, NULL, "nmod", FROM, out, TREE_SIDE);
    for (int32_t c = x->first_child[h]; c >= 0 && !n; c = x->next_child[c])
        if ((uint32_t)c > a && sr_tr_rel(x, (uint32_t)c, "obl") &&
            strcmp(sr_tr_case(x, (uint32_t)c), "from") == 0)
            n = sr_tr_actors(x, (uint32_t)c, out, TREE_SIDE);
    return n;
}

static void verb_roles(tree_ctx *x, pred *p)
{
    uint32_t h = p->head;
    int inherited = 0;
    if (reciprocal_object(x, h))
        p->hit.mutual = 1;
    p->passive = (uint8_t)is_passive(x, h);
    if (p->passive) {
        int a = agent_child(x, h);
        /* "was shot and wounded by a gunman": conjoined participles share the agent */
        for (int32_t c = x->first_child[h]; a < 0 && c >= 0; c = x->next_child[c])
            if (sr_tr_rel(x, (uint32_t)c, "conj") && sr_tr_is_verbal(x, (uint32_t)c))
                a = agent_child(x, (uint32_t)c);
        if (a < 0 && sr_tr_rel(x, h, "conj") && sr_tr_head(x, h) >= 0)
            a = agent_child(x, (uint32_t)sr_tr_head(x, h));
        if (a < 0 && !x->c->dict->inflect)
            a = agent_after(x, h);
        if (a >= 0)
            p->nsrc = sr_tr_actors(x, (uint32_t)a, p->src, TREE_SIDE);
        if (a >= 0 && !p->nsrc && x->c->dict->inflect)
            p->nsrc = weapon_owner(x, h, (uint32_t)a, p->src);
        int s = sr_tr_child(x, h, "nsubj:pass");
        if (a < 0 && !x->c->dict->inflect && (s >= 0 || active_subject(x, h) >= 0)) {
            /* PETRARCH reads a passive only by its agent: without one, "The Philippines
               was criticized over its dispute with Eriador" is read as active */
            p->passive = 0;
            p->nsrc =
                sr_tr_actors(x, (uint32_t)(s >= 0 ? s : active_subject(x, h)), p->src, TREE_SIDE);
            p->ntgt = verb_target(x, p, p->tgt, 2);
        } else if (s >= 0 && s >= (int)p->hit.tstart && s < (int)h) {
            /* the phrase's words in the subject ("sanctions on Iran were imposed",
               "sanctions were imposed on Iran"): the target is a preposition's */
            p->ntgt = prep_actors(x, (uint32_t)s, p, "nmod", VERB_PREPS, p->tgt, TREE_SIDE);
            if (!p->ntgt)
                p->ntgt = prep_actors(x, h, p, "obl", VERB_PREPS, p->tgt, TREE_SIDE);
        } else if (s >= 0)
            p->ntgt = sr_tr_actors(x, (uint32_t)s, p->tgt, TREE_SIDE);
        else if (sr_tr_rel(x, h, "acl") && sr_tr_head(x, h) >= 0)
            p->ntgt = sr_tr_actors(x, (uint32_t)sr_tr_head(x, h), p->tgt, TREE_SIDE);
        else if (sr_tr_rel(x, h, "conj") && sr_tr_head(x, h) >= 0) {
            int g = sr_tr_head(x, h), gs = sr_tr_child(x, (uint32_t)g, "nsubj:pass");
            if (gs < 0)
                gs = active_subject(x, (uint32_t)g);
            if (gs >= 0)
                p->ntgt = sr_tr_actors(x, (uint32_t)gs, p->tgt, TREE_SIDE);
        }
    } else if (p->speech && active_subject(x, h) < 0 && sr_tr_head(x, h) >= 0 &&
               sr_tr_head(x, h) < (int)h && object_actors(x, h, p, p->src, TREE_SIDE)) {
        /* machine translation keeps the source's word order: "..., informed the Kremlin",
           "declared the prosecutor Karim Khan": the object of a trailing speech verb speaks */
        p->nsrc = object_actors(x, h, p, p->src, TREE_SIDE);
        inherited = 0;
    } else {
        p->nsrc = subject_of(x, h, p->src, &inherited, 4);
        int s = active_subject(x, h); /* "Russian missiles hit Kyiv": its military */
        for (int32_t c = s >= 0 && p->nsrc == 1 ? x->first_child[s] : -1; c >= 0;
             c = x->next_child[c])
            if (sr_tr_rel(x, (uint32_t)c, "amod") && x->ti[c].mention == p->src[0]) {
                p->src[0] = military_source(x, p, (uint32_t)s, p->src[0]);
                break;
            }
        if (!x->c->dict->inflect && unknown_names(x, p->src, p->nsrc)) {
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
            p->ntgt = verb_target(x, p, p->tgt, 2);
        if (!x->c->dict->inflect && SR_CODE_NEW_ACTOR_LENGTH(x->flags)) {
            if (unknown_names(x, p->src, p->nsrc)) {
                int32_t m = new_subject_actor(x, h);
                if (m >= 0) {
                    p->src[0] = m;
                    p->nsrc = 1;
                }
            } else {
                p->nsrc = new_conjunct_actors(x, h, p->src, p->nsrc);
            }
            if (!p->ntgt)
                p->ntgt = add_actor(p->tgt, 0, TREE_SIDE, new_object_actor(x, h));
        }
        source_by_preposition(x, p, &inherited);
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
    p->nsrc = prep_actors(x, p->head, &q, "nmod", NOUN_PREPS, p->src, TREE_SIDE);
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

static void noun_roles(tree_ctx *x, pred *p)
{
    uint32_t h = p->head;
    static const char *const SOURCE_MODS[] = {"amod", "nmod:poss", "compound", NULL};
    if (p->hit.nspreps)
        noun_source_by_preposition(x, p);
    for (int i = 0; SOURCE_MODS[i] && !p->nsrc; i++)
        for (int32_t c = x->first_child[h]; c >= 0 && !p->nsrc; c = x->next_child[c])
            if (sr_tr_rel(x, (uint32_t)c, SOURCE_MODS[i]) && !in_trigger(x, p, c) &&
                !(SOURCE_MODS[i][0] == 'c' && sr_tr_rel(x, (uint32_t)c, "compound:prt")))
                p->nsrc = add_actor(p->src, 0, TREE_SIDE,
                                    i == 0 ? military_source(x, p, h, actor_at(x, (uint32_t)c, 1))
                                           : actor_at(x, (uint32_t)c, 1));
    static const char *const BY[] = {"by", "from", NULL}, *const BETWEEN[] = {"between", NULL};
    if (!p->nsrc)
        p->nsrc = prep_actors(x, h, NULL, "nmod", BY, p->src, TREE_SIDE);
    if (!p->nsrc) {
        p->nsrc = prep_actors(x, h, NULL, "nmod", BETWEEN, p->src, TREE_SIDE);
        if (p->nsrc > 1)
            p->hit.mutual = 1; /* "talks between X and Y" */
    }
    if (!p->nsrc && p->hit.mutual && x->c->dict->inflect) {
        /* "the negotiations of Russia and Ukraine" (machine translation's "between"):
           the participants of a reciprocal event, when "of" names more than one */
        static const char *const OF[] = {"of", NULL};
        int32_t of[TREE_SIDE];
        uint32_t n = prep_actors(x, h, NULL, "nmod", OF, of, TREE_SIDE);
        if (n > 1) {
            memcpy(p->src, of, n * sizeof *of);
            p->nsrc = n;
        }
    }
    int g = sr_tr_head(x, h);
    int inherited = 0;
    if (!p->nsrc && g >= 0 && sr_tr_rel(x, h, "obj") && (x->wc[g] & SR_WC_LIGHT))
        p->nsrc = subject_of(x, (uint32_t)g, p->src, &inherited, 3);
    /* "the heads of NATO were an honest debate", also when the parser hung
       the noun on the copula's predicate ("were excellent, honest debate") */
    for (int at = (int)h, steps = 0; !p->nsrc && at >= 0 && steps < 2; steps++) {
        int s = active_subject(x, (uint32_t)at);
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
    const char *const *preps = consults(x, p) ? CONSULT_PREPS : NOUN_PREPS;
    p->ntgt = prep_actors(x, h, p, "nmod", preps, p->tgt, TREE_SIDE);
    if (p->hit.nspreps) /* the source's preposition names no target */
        p->ntgt = 0;
    for (uint32_t k = p->hit.tstart; k < p->hit.tend && !p->ntgt; k++)
        if (k != h) /* "the need for pressure on Moscow" */
            p->ntgt = prep_actors(x, k, p, "nmod", preps, p->tgt, TREE_SIDE);
    if (!p->ntgt && g >= 0 && sr_tr_is_verbal(x, (uint32_t)g) &&
        (sr_tr_rel(x, h, "nsubj") || sr_tr_rel(x, h, "obj"))) {
        /* "Russian strikes hit six regions"; "launched strikes on X" */
        p->ntgt = object_actors(x, (uint32_t)g, NULL, p->tgt, TREE_SIDE);
        if (!p->ntgt || sr_tr_rel(x, h, "obj"))
            p->ntgt = prep_actors(x, (uint32_t)g, p, "obl", VERB_PREPS, p->tgt, TREE_SIDE);
    }
    /* "attacks and drones that hit six regions": a clause on the noun or a conjunct */
    for (int32_t c = x->first_child[h]; c >= 0 && !p->ntgt; c = x->next_child[c]) {
        int32_t v = -1;
        if (sr_tr_rel(x, (uint32_t)c, "acl"))
            v = c;
        else if (sr_tr_rel(x, (uint32_t)c, "conj"))
            v = sr_tr_child(x, (uint32_t)c, "acl");
        if (v >= 0)
            p->ntgt = object_actors(x, (uint32_t)v, NULL, p->tgt, TREE_SIDE);
    }
}

static int contains(const int32_t *v, uint32_t n, int32_t m)
{
    for (uint32_t i = 0; i < n; i++)
        if (v[i] == m)
            return 1;
    return 0;
}

/* Drop targets that are the source again (the same mention or entity). */
static void drop_self_targets(tree_ctx *x, pred *p)
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
                     t->antecedent == p->src[i];
        }
        if (!selfs || (pairwise && selfs < p->nsrc && !contains(p->src, p->nsrc, p->tgt[j])))
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
static int32_t attacked_place(const tree_ctx *x, const pred *p)
{
    const char *src = sr_tr_mention(x, p->src[0])->code;
    int verb = clause_verb(x, p->head);
    for (int t = x->sub_lo[p->head]; t <= x->sub_hi[p->head]; t++) {
        int32_t m = x->ti[t].mention;
        int cv = clause_verb(x, (uint32_t)t); /* its own clause, or its phrase's verb */
        if (m < 0 || contains(p->src, p->nsrc, m) ||
            (cv != verb && !(cv >= (int)p->hit.tstart && cv < (int)p->hit.tend)) ||
            !under_place(x, (uint32_t)t, p->head))
            continue;
        const char *code = sr_tr_mention(x, m)->code;
        if (strncmp(code, "---", 3) != 0 && strncmp(code, src, 3) != 0 &&
            strncmp(code, "IGO", 3) != 0)
            return m;
    }
    return -1;
}

/*
** An attack the text gives no target ("strikes were aimed at ports",
** "withdrew after months of Russian assaults") falls on the place it
** happened in when that is another country's, else on the country the
** document is most about that is not the attacker's, else on the first
** actor of another country in the sentence.  Sectorless foreign actors
** only: "Russian forces" do not attack "Russia".
*/
static void assume_target(tree_ctx *x, pred *p)
{
    const sr_mention *s = sr_tr_mention(x, p->src[0]);
    if (strncmp(s->code, "---", 3) == 0)
        return;
    int32_t place = attacked_place(x, p);
    if (place >= 0) {
        p->tgt[0] = place;
        p->ntgt = p->tgt_assumed = 1;
        return;
    }
    for (uint32_t i = 0; i < x->nfocus; i++)
        if (strncmp(sr_tr_mention(x, x->focus[i])->code, s->code, 3) != 0) {
            p->tgt[0] = x->focus[i];
            p->ntgt = p->tgt_assumed = 1;
            return;
        }
    for (uint32_t k = 0; k < x->n; k++) {
        int32_t m = x->ti[k].mention;
        if (m < 0 || contains(p->src, p->nsrc, m))
            continue;
        const sr_mention *c = sr_tr_mention(x, m);
        if (strncmp(c->code, "---", 3) != 0 && strncmp(c->code, s->code, 3) != 0 &&
            strncmp(c->code, "IGO", 3) != 0) {
            p->tgt[0] = m;
            p->ntgt = p->tgt_assumed = 1;
            return;
        }
    }
}

/* Is p's first target inside the phrase of an event noun other than p? */
static int inside_event_noun(const tree_ctx *x, const pred *p)
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
static int only_at_places(const tree_ctx *x, const pred *p)
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
static void mediated_parties(tree_ctx *x, pred *p)
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
            if (!contains(p->src, p->nsrc, q->src[i]))
                p->ntgt = add_actor(p->tgt, p->ntgt, TREE_SIDE, q->src[i]);
        return;
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
    if (p->hit.slot_tgt >= 0 && contains(p->src, p->nsrc, p->hit.slot_tgt) && g >= 0 &&
        sr_tr_mention(x, p->hit.slot_tgt)->first < p->head &&
        (sr_tr_rel(x, p->head, "ccomp") || sr_tr_rel(x, p->head, "xcomp") ||
         sr_tr_rel(x, p->head, "parataxis"))) {
        int inherited = 0;
        int32_t up[TREE_SIDE];
        uint32_t n = subject_of(x, (uint32_t)g, up, &inherited, 3);
        if (n) {
            memcpy(p->src, up, n * sizeof *up);
            p->nsrc = n;
        }
    }
    /* a PETRARCH pattern's actor slot decides, unless the tree has that actor already */
    if (p->hit.slot_src >= 0 && !contains(p->src, p->nsrc, p->hit.slot_src)) {
        p->src[0] = p->hit.slot_src;
        p->nsrc = 1;
    }
    if (p->hit.slot_tgt >= 0 && !contains(p->tgt, p->ntgt, p->hit.slot_tgt)) {
        p->tgt[0] = p->hit.slot_tgt;
        p->ntgt = 1;
    }
    /* a PETRARCH compound slot ("% HAVE *"): the compound's members act on each other */
    if (!x->c->dict->inflect && p->hit.matched_pattern && p->hit.mutual && p->nsrc > 1)
        p->ntgt = 0;
    if (!p->ntgt && p->nsrc && p->hit.code && x->c->dict->inflect &&
        strncmp(p->hit.code, "045", 3) == 0)
        mediated_parties(x, p);
    if (p->ntgt && p->hit.code && x->c->dict->inflect && strncmp(p->hit.code, "015", 3) == 0 &&
        inside_event_noun(x, p))
        p->ntgt = 0; /* "claimed the attack on a Greek vessel": the attack's target */
    if (p->hit.mutual && p->nsrc > 1 && x->c->dict->inflect && only_at_places(x, p))
        p->ntgt = 0; /* "X and Y signed a declaration at the White House": between them */
    drop_self_targets(x, p);
    /* an attack the text gives no target ("strikes were aimed at ports") falls
       on the country the document is about, when the attacker is foreign to it */
    const char *code = p->hit.code;
    if (!p->ntgt && p->nsrc && code && x->c->dict->inflect && (code[0] == '1' || code[0] == '2') &&
        ((code[0] == '1' && code[1] >= '8') || (code[0] == '2' && code[1] == '0')))
        assume_target(x, p);
    /* a visit to a country, a threat of force against one: the foreign place named */
    if (!p->ntgt && p->nsrc && code && x->c->dict->inflect &&
        (strncmp(code, "042", 3) == 0 || strncmp(code, "138", 3) == 0)) {
        int32_t place = attacked_place(x, p);
        if (place >= 0) {
            p->tgt[0] = place;
            p->ntgt = 1;
        }
    }
    p->roles_state = 2;
}
