/*
** roles_actors.c: the actors a token stands for, and the actors a
** sentence names without the knowledge base.
**
** An actor stands at a token when a mention covers it, or when a mention
** modifies it ("the head of the Military Committee", "Russian troops");
** conjuncts add actors ("X and Y": one event per pair).  A name the base
** lacks, a crowd ("tens of thousands") or a country's adjective on means
** only armed forces use ("Israeli airstrikes") gives a mention of the
** sentence's own, so that no event is dropped for an unknown actor.
*/
#include "code/roles.h"

#include <ctype.h>
#include <string.h>

/*
** Is c an event noun of its own whose actors are its modifiers ("at the
** mediation of Qatar": Qatar mediates)?  Those are that event's
** participants, not another predicate's target.
*/
int sr_ro_other_event(const tree_ctx *x, const pred *p, uint32_t c)
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
static int of_phrase_actor(const tree_ctx *x, uint32_t k, int depth);

int sr_ro_actor_token(const tree_ctx *x, uint32_t k, int depth)
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
    return of_phrase_actor(x, k, depth);
}

/* The actor token inside an "of" phrase of k ("the head of the Military Committee"), or -1. */
static int of_phrase_actor(const tree_ctx *x, uint32_t k, int depth)
{
    for (int32_t c = x->first_child[k]; c >= 0; c = x->next_child[c])
        if (sr_tr_rel(x, (uint32_t)c, "nmod") && strcmp(sr_tr_case(x, (uint32_t)c), "of") == 0 &&
            !sr_ro_other_event(x, NULL, (uint32_t)c)) {
            int t = sr_ro_actor_token(x, (uint32_t)c, depth - 1);
            if (t >= 0)
                return t;
        }
    return -1;
}

/* The mention of the actor at k (see sr_ro_actor_token), or -1. */
int32_t sr_ro_actor_at(const tree_ctx *x, uint32_t k, int depth)
{
    int t = sr_ro_actor_token(x, k, depth);
    return t >= 0 ? x->ti[t].mention : -1;
}

uint32_t sr_ro_add_actor(int32_t *out, uint32_t n, uint32_t max, int32_t m)
{
    if (m < 0 || n >= max)
        return n;
    for (uint32_t i = 0; i < n; i++)
        if (out[i] == m)
            return n;
    out[n] = m;
    return n + 1;
}

/*
** Add the actor at token k and the conjuncts inside its mention's words:
** "the delegations of the USA and Ukraine", "officials in France and
** Germany", and "Indian and Pakistani troops", where "Pakistani" is the
** conjunct of an actor before the mention.  The conjuncts of k itself
** are the caller's to add.
*/
static uint32_t add_actor(tree_ctx *x, uint32_t k, int depth, int32_t *out, uint32_t n,
                          uint32_t max);

/* Add the actors of the nominal conjuncts of token k ("X, Y and Z"). */
static uint32_t add_conjuncts(tree_ctx *x, uint32_t k, int32_t *out, uint32_t n, uint32_t max)
{
    for (int32_t c = x->first_child[k]; c >= 0; c = x->next_child[c]) {
        int u = x->s->tokens[c].upos;
        if (sr_tr_rel(x, (uint32_t)c, "conj") &&
            (u == SR_UPOS_NOUN || u == SR_UPOS_PROPN || x->ti[c].mention >= 0)) {
            n = x->c->dict->inflect
                    ? add_actor(x, (uint32_t)c, 2, out, n, max)
                    : sr_ro_add_actor(out, n, max, sr_ro_actor_at(x, (uint32_t)c, 2));
            /* with a PETRARCH dictionary a list ends at its "and" member, as in TABARI:
               "Calenardhon and Gondor, and Gondor and Dagolath" is two lists */
            if (!x->c->dict->inflect && sr_tr_child(x, (uint32_t)c, "cc") >= 0)
                break;
        }
    }
    return n;
}

/*
** The actor of a title or agent of no country whose "of" phrase names one
** of a country or a body ("the spokesman of MID of Iran", "residents of
** Gaza"): the title's mention coded with that country and its own sector
** (IRNGOV, PSECVL), or the body itself (IGOUNO); else the title's mention.
*/
static int32_t owned_title(tree_ctx *x, uint32_t t)
{
    int32_t m = x->ti[t].mention;
    const sr_mention *title = sr_tr_mention(x, m);
    if (!x->c->dict->inflect || strncmp(title->code, "---", 3) != 0 ||
        !(title->kind == SR_MENTION_TITLE || title->kind == SR_MENTION_AGENT))
        return m;
    int o = of_phrase_actor(x, t, 2);
    if (o < 0)
        return m;
    int32_t owner = x->ti[o].mention;
    const char *oc = sr_tr_mention(x, owner)->code;
    if (strncmp(oc, "---", 3) == 0 || strlen(oc) < 3 || !isupper((unsigned char)oc[0]))
        return m;
    if (strncmp(oc, "IGO", 3) == 0 || strncmp(oc, "NGO", 3) == 0 || strncmp(oc, "IMG", 3) == 0)
        return owner;
    /* the roles of several predicates ask for this actor: one copy per sentence */
    for (uint32_t i = x->nextra; i-- > 0;) {
        const sr_mention *e = &x->extra[i];
        if (e->sentence != x->si)
            break;
        if (e->first == title->first && e->last == title->last && e->kind == title->kind &&
            strncmp(e->code, oc, 3) == 0 && strcmp(e->code + 3, title->code + 3) == 0)
            return (int32_t)(x->in->nmentions + i);
    }
    int32_t id = sr_tr_new_extra(x);
    sr_mention *copy = &x->extra[id - (int32_t)x->in->nmentions];
    *copy = *sr_tr_mention(x, m); /* read after new_extra, which may move the extras */
    copy->code = sr_arena_printf(x->a, "%.3s%s", oc, copy->code + 3);
    return id;
}

static uint32_t add_actor(tree_ctx *x, uint32_t k, int depth, int32_t *out, uint32_t n,
                          uint32_t max)
{
    int t = sr_ro_actor_token(x, k, depth);
    if (t < 0 || n >= max)
        return n;
    int32_t owned = owned_title(x, (uint32_t)t);
    if (owned != x->ti[t].mention)
        return sr_ro_add_actor(out, n, max, owned);
    for (uint32_t i = 0; i < n; i++)
        if (out[i] == x->ti[t].mention)
            return n; /* seen: its inner conjuncts are added already */
    n = sr_ro_add_actor(out, n, max, x->ti[t].mention);
    const sr_mention *m = sr_tr_mention(x, x->ti[t].mention);
    for (uint32_t j = m->first; j < m->last && j < x->n; j++) {
        if (j != k)
            n = add_conjuncts(x, j, out, n, max);
        int g = sr_tr_head(x, j);
        if (x->c->dict->inflect && sr_tr_rel(x, j, "conj") && g >= 0 &&
            ((uint32_t)g < m->first || (uint32_t)g >= m->last) && x->ti[g].mention >= 0)
            n = sr_ro_add_actor(out, n, max, x->ti[g].mention);
    }
    return n;
}

uint32_t sr_tr_actors(tree_ctx *x, uint32_t k, int32_t *out, uint32_t max)
{
    return add_conjuncts(x, k, out, add_actor(x, k, 3, out, 0, max), max);
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
** adjective on an attack by means only armed forces use is its military,
** as it is on the subject of any act ("Russian warships held exercises").
** The source mention m (a bare country code) is copied as CODE+MIL when
** the event noun h, or a compound or adjective of it, is in the military
** word class ("Syrian military aircraft").
*/
int32_t sr_ro_military_source(tree_ctx *x, const pred *p, uint32_t h, int32_t m)
{
    const char *code = p->hit.code;
    if (m < 0 || !code || (p->noun && !(code[0] == '1' && code[1] >= '8')) || !x->c->dict->inflect)
        return m; /* any act of a subject ("Russian warships held exercises"), a noun's attack */
    const sr_mention *src = sr_tr_mention(x, m);
    if (!src->code || strlen(src->code) != 3 || strcmp(src->code, "---") == 0)
        return m;
    int military = (x->wc[h] & SR_WC_MILITARY) != 0;
    for (int32_t c = x->first_child[h]; c >= 0 && !military; c = x->next_child[c])
        military = (sr_tr_rel(x, (uint32_t)c, "compound") || sr_tr_rel(x, (uint32_t)c, "amod")) &&
                   (x->wc[c] & SR_WC_MILITARY);
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
int32_t sr_ro_synthetic_actor(tree_ctx *x, uint32_t k)
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
int32_t sr_ro_new_subject_actor(tree_ctx *x, uint32_t h)
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
uint32_t sr_ro_new_conjunct_actors(tree_ctx *x, uint32_t h, int32_t *out, uint32_t n)
{
    int s = -1;
    for (int32_t c = x->first_child[h]; c >= 0 && s < 0; c = x->next_child[c])
        if (sr_tr_rel(x, (uint32_t)c, "nsubj") && !sr_tr_rel(x, (uint32_t)c, "nsubj:pass"))
            s = c;
    for (int32_t c = s >= 0 ? x->first_child[s] : -1; c >= 0; c = x->next_child[c]) {
        int u = x->s->tokens[c].upos;
        if (sr_tr_rel(x, (uint32_t)c, "conj") && (u == SR_UPOS_NOUN || u == SR_UPOS_PROPN) &&
            sr_ro_actor_token(x, (uint32_t)c, 1) < 0)
            n = sr_ro_add_actor(out, n, TREE_SIDE,
                                new_actor(x, (uint32_t)x->sub_lo[c], (uint32_t)x->sub_hi[c]));
    }
    return n;
}

/* The new actor of verb h's first object or oblique noun phrase after it. */
int32_t sr_ro_new_object_actor(tree_ctx *x, uint32_t h)
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
int32_t sr_ro_crowd_actor(tree_ctx *x, uint32_t k)
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

/* Are all of these actors without a country ("---MIL")? */
int sr_ro_unknown_country(const tree_ctx *x, const int32_t *v, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        if (strncmp(sr_tr_mention(x, v[i])->code, "---", 3) != 0)
            return 0;
    return 1;
}

/* Are there no actors, or only names the knowledge base lacks (code "---")? */
int sr_ro_unknown_names(const tree_ctx *x, const int32_t *v, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        if (strcmp(sr_tr_mention(x, v[i])->code, "---") != 0)
            return 0;
    return 1;
}

int sr_ro_contains(const int32_t *v, uint32_t n, int32_t m)
{
    for (uint32_t i = 0; i < n; i++)
        if (v[i] == m)
            return 1;
    return 0;
}

/* The mention of sentence si whose words start at byte start, or -1. */
static int32_t mention_at(const tree_ctx *x, uint32_t si, uint32_t start)
{
    for (size_t m = 0; m < x->in->nmentions; m++)
        if (x->in->mentions[m].sentence == si && x->in->mentions[m].span.start == start)
            return (int32_t)m;
    return -1;
}

/*
** The two parties a subject such as "the sides" stands for: the source and
** target of the latest event of this sentence before token `before` (a
** predicate whose roles are known) or the two sentences before it whose
** two sides are of different countries
** ("Lavrov and Rubio held talks; the sides agreed ...").  0 when there is
** none.
*/
uint32_t sr_ro_last_two_parties(tree_ctx *x, uint32_t before, int32_t *out)
{
    /* this sentence's events are not written yet: its predicates before the subject, whose
       roles are found now if no one has asked yet ("the negotiations of Russia and
       Ukraine took place, the delegations agreed") */
    for (uint32_t i = x->npred; i-- > 0;) {
        pred *q = &x->preds[i];
        if (q->roles_state == 0 && q->head < before)
            sr_tr_roles(x, q);
        if (q->roles_state != 2 || !q->code || q->suppressed)
            continue;
        int32_t a = q->nsrc ? q->src[0] : -1;
        int32_t b = q->hit.mutual && q->nsrc > 1 ? q->src[1] : q->ntgt ? q->tgt[0] : -1;
        if (a < 0 || b < 0)
            continue;
        const char *ca = sr_tr_mention(x, a)->code, *cb = sr_tr_mention(x, b)->code;
        if (ca && cb && strncmp(ca, "---", 3) != 0 && strncmp(cb, "---", 3) != 0 &&
            strncmp(ca, cb, 3) != 0) {
            out[0] = a;
            out[1] = b;
            return 2;
        }
    }
    for (size_t e = x->out->n; e-- > 0;) {
        const sr_event *ev = &x->out->v[e];
        if (ev->sentence + 2 < x->si)
            break;
        if (!ev->target.code || strncmp(ev->source.code, "---", 3) == 0 ||
            strncmp(ev->target.code, "---", 3) == 0 ||
            strncmp(ev->source.code, ev->target.code, 3) == 0)
            continue;
        out[0] = mention_at(x, ev->sentence, ev->source.span.start);
        out[1] = mention_at(x, ev->sentence, ev->target.span.start);
        if (out[0] >= 0 && out[1] >= 0)
            return 2;
    }
    return 0;
}
