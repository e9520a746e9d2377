/*
** modality.c: what status each act has, and which predicates belong to
** others (speech.c: who speaks).
**
** Modality.  A predicate is negated by a negator among its dependents
** ("did not attack", "no talks") or by the verb whose complement it is
** ("refused to meet", "ruled out sending troops", MT "excluded the
** opportunity to send troops"); future by "will"/"shall" or a verb of
** promising; conditional by "would"/"could"/"might" (future when a speech
** verb reports it without a condition: "said it would retaliate");
** intended by "plan", "intend", "want" and their kin.  The modality map
** (data/code/modality.txt) then gives the code the act takes: a refusal
** (12x), an intent (03x), a threat (13x), or nothing.
**
** Embedding.  A coded verb whose infinitive complement is coded too keeps
** the event ("urged Y to withdraw" is the appeal), unless the governing
** verb only sets the modality ("refused to withdraw": the refusal is the
** complement's code).
*/
#include "code/roles.h"
#include "code/tree.h"

#include <string.h>
#include <strings.h>

static const char *negated_negation(const tree_ctx *x, uint32_t g);

/* Is k joined to its head as a complement that a governing verb qualifies? */
/* Does k follow verb g with nothing but its particle or an adverb between ("ruled out supplying")?
 */
static int right_after(const tree_ctx *x, uint32_t g, uint32_t k)
{
    if (k <= g)
        return 0;
    for (uint32_t j = g + 1; j < k; j++)
        if (!sr_tr_rel(x, j, "compound:prt") && x->s->tokens[j].upos != SR_UPOS_ADV)
            return 0;
    return 1;
}

static int complement_link(const tree_ctx *x, uint32_t k)
{
    const char *xp = x->s->tokens[k].xpos;
    if ((sr_tr_rel(x, k, "obj") || sr_tr_rel(x, k, "ccomp")) && xp && strcmp(xp, "VBG") == 0)
        return 1; /* "ruled out sending troops", "to discuss ending the war" */
    int g = sr_tr_head(x, k);
    if (sr_tr_rel(x, k, "advcl") && xp && strcmp(xp, "VBG") == 0 && !*sr_tr_case(x, k) && g >= 0 &&
        (x->wc[g] & SR_WC_NEGATING) &&
        (negated_negation(x, (uint32_t)g) || right_after(x, (uint32_t)g, k)))
        return 1; /* "did not rule out using force", "ruled out supplying missiles" read as an
                     adverbial clause ("halted supplies, accusing Kyiv" keeps the accusation) */
    /* a participle on a noun describes it ("reinforce troops fighting in Ukraine", "a deal
       brokered by China"): its own act, not the one a verb above it asks for */
    int describes = xp && (strcmp(xp, "VBG") == 0 || strcmp(xp, "VBN") == 0) && !*sr_tr_case(x, k);
    return sr_tr_rel(x, k, "xcomp") || (sr_tr_rel(x, k, "acl") && !describes) ||
           (sr_tr_rel(x, k, "advcl") && strcmp(sr_tr_case(x, k), "to") == 0) ||
           /* "accused Israel of detonating pagers" */
           (sr_tr_rel(x, k, "advcl") && xp && strcmp(xp, "VBG") == 0 &&
            strcmp(sr_tr_case(x, k), "of") == 0) ||
           (sr_tr_rel(x, k, "obj") && !x->s->tokens[k].upos) ||
           (sr_tr_rel(x, k, "obj") && x->s->tokens[k].upos == SR_UPOS_NOUN &&
            x->first_child[k] >= 0 && sr_tr_child(x, k, "acl") >= 0) ||
           /* "ruled out the delivery of missiles": the event noun a refusal or a promise
              takes as object */
           (sr_tr_rel(x, k, "obj") && x->pred_at[k] >= 0 && x->preds[x->pred_at[k]].noun &&
            g >= 0 && (x->wc[g] & (SR_WC_NEGATING | SR_WC_PROMISE)) && x->c->dict->inflect);
}

/* A child of k of class cls among relations advmod/det/aux/neg; its rule or NULL. */
static const char *child_of_class(const tree_ctx *x, uint32_t k, unsigned cls)
{
    static const char *const RELS[] = {"advmod", "det", "aux", "neg", "cc:preconj", NULL};
    for (int32_t c = x->first_child[k]; c >= 0; c = x->next_child[c])
        for (int i = 0; RELS[i]; i++)
            if (sr_tr_rel(x, (uint32_t)c, RELS[i]) && (x->wc[c] & cls)) {
                const char *w = x->s->tokens[c].form;
                const char *r = sr_words_rule(x->c->words, w, cls);
                return r ? r : sr_words_rule(x->c->words, sr_tr_lemma(x, (uint32_t)c), cls);
            }
    return NULL;
}

/*
** A negator on a comparative adverb of k, "no longer supports", "no more
** attacks": its rule, or NULL.  ("not only" is no negation: "only" is no
** comparative.)
*/
static const char *comparative_negation(const tree_ctx *x, uint32_t k)
{
    for (int32_t c = x->first_child[k]; c >= 0; c = x->next_child[c]) {
        const char *xpos = x->s->tokens[c].xpos;
        if (sr_tr_rel(x, (uint32_t)c, "advmod") && xpos && strcmp(xpos, "RBR") == 0)
            return child_of_class(x, (uint32_t)c, SR_WC_NEGATOR);
    }
    return NULL;
}

static const char *class_rule(const tree_ctx *x, uint32_t k, unsigned cls)
{
    const char *r = sr_words_rule(x->c->words, sr_tr_lemma(x, k), cls);
    return r ? r : sr_words_rule(x->c->words, x->s->tokens[k].form, cls);
}

/* Is k under a speech verb (its ccomp or parataxis)? */
static int reported(const tree_ctx *x, uint32_t k)
{
    for (uint32_t steps = 0; steps < 4; steps++) {
        int g = sr_tr_head(x, k);
        if (g < 0)
            return 0;
        if ((sr_tr_rel(x, k, "ccomp") || sr_tr_rel(x, k, "parataxis")) && (x->wc[g] & SR_WC_SPEECH))
            return 1;
        k = (uint32_t)g;
    }
    return 0;
}

/* Is token k the subordinator of a condition ("if", "unless")? */
static int condition_mark(const tree_ctx *x, uint32_t k)
{
    const sr_token *t = &x->s->tokens[k];
    return t->upos == SR_UPOS_SCONJ &&
           (strcasecmp(t->form, "if") == 0 || strcasecmp(t->form, "unless") == 0);
}

/*
** Is verb k's clause, in word order, one that a condition's subordinator
** opens ("if the South Korea and the USA will attack", whatever the
** parser hung "if" on): "if" or "unless" before k with no verb or clause
** punctuation between?
*/
static int opened_by_condition(const tree_ctx *x, uint32_t k)
{
    for (uint32_t j = k; j-- > 0;) {
        const sr_token *t = &x->s->tokens[j];
        if (condition_mark(x, j))
            return 1;
        if (t->upos == SR_UPOS_VERB || t->upos == SR_UPOS_PUNCT)
            return 0;
    }
    return 0;
}

/*
** Does the sentence hold a condition ("if", "unless") on k: an advcl with
** that mark, or in word order a condition that follows k's clause with no
** other verb between ("will use the weapon, if they attack")?
*/
static int has_condition(const tree_ctx *x, uint32_t k)
{
    for (int32_t c = x->first_child[k]; c >= 0; c = x->next_child[c])
        if (sr_tr_rel(x, (uint32_t)c, "advcl")) {
            const char *m = sr_tr_case(x, (uint32_t)c);
            if (strcmp(m, "if") == 0 || strcmp(m, "unless") == 0)
                return 1;
        }
    for (uint32_t j = k + 1; j < x->n; j++) {
        if (condition_mark(x, j))
            return 1;
        uint8_t u = x->s->tokens[j].upos;
        if (u == SR_UPOS_VERB || u == SR_UPOS_AUX || u == SR_UPOS_CCONJ)
            return 0; /* "..., but it is unclear if": another clause's "if" */
    }
    return 0;
}

/*
** Is token k inside a condition ("if it attacked Iranian territory",
** "unless the protests stop")?  What a condition supposes did not happen.
*/
static int in_condition(const tree_ctx *x, uint32_t k)
{
    if (sr_tr_is_verbal(x, k) && opened_by_condition(x, k))
        return 1;
    for (uint32_t steps = 0; steps < x->n; steps++) {
        /* an advcl, or a clause the parser hung on a noun ("use a nuclear weapon if
           Ukraine's counteroffensive succeeded": acl) */
        if (sr_tr_rel(x, k, "advcl") || (sr_tr_rel(x, k, "acl") && !sr_tr_rel(x, k, "acl:relcl"))) {
            const char *m = sr_tr_case(x, k);
            if (strcmp(m, "if") == 0 || strcmp(m, "unless") == 0)
                return 1;
        }
        int g = sr_tr_head(x, k);
        if (g < 0)
            return 0;
        k = (uint32_t)g;
    }
    return 0;
}

/*
** Is negating verb g itself negated: by a negator of its own ("did not rule
** out") or as the complement of another negating verb ("refused to rule
** out")?  The rule that negates it, or NULL.
*/
static const char *negated_negation(const tree_ctx *x, uint32_t g)
{
    const char *r = child_of_class(x, g, SR_WC_NEGATOR);
    if (r)
        return r;
    int gg = sr_tr_head(x, g);
    if (gg >= 0 && complement_link(x, g) && (x->wc[gg] & SR_WC_NEGATING))
        return class_rule(x, (uint32_t)gg, SR_WC_NEGATING);
    return NULL;
}

/* Is k a base-form verb ("supply" after "will not")? */
static int base_form(const tree_ctx *x, uint32_t k)
{
    const char *xp = x->s->tokens[k].xpos;
    return xp && strcmp(xp, "VB") == 0;
}

/*
** The negation a verb takes from the verb it is conjoined to.  A conjunct
** with no subject or auxiliary of its own shares its head's auxiliary and
** so its negator: after "or" always ("will not supply weapons or allow
** shipments": neither act), after "and" only when both are base forms the
** auxiliary governs ("will not supply weapons and allow shipments"); "did
** not attack Kyiv and killed civilians" keeps the killing.  A conjunct
** introduced by "nor" is negated by it.  The words.txt rule, or NULL.
*/
static const char *conjunct_negation(const tree_ctx *x, uint32_t h)
{
    int g = sr_tr_head(x, h);
    if (g < 0 || !sr_tr_rel(x, h, "conj") || !sr_tr_is_verbal(x, (uint32_t)g) ||
        sr_tr_child(x, h, "nsubj") >= 0 || sr_tr_child(x, h, "aux") >= 0 ||
        sr_tr_child(x, h, "cop") >= 0)
        return NULL;
    int cc = sr_tr_child(x, h, "cc");
    const char *w = cc >= 0 ? sr_tr_lemma(x, (uint32_t)cc) : "";
    if (cc >= 0 && (x->wc[cc] & SR_WC_NEGATOR)) /* "neither X nor Y" */
        return class_rule(x, (uint32_t)cc, SR_WC_NEGATOR);
    const char *r = child_of_class(x, (uint32_t)g, SR_WC_NEGATOR);
    if (!r)
        return NULL;
    if (strcmp(w, "or") == 0 ||
        (strcmp(w, "and") == 0 && base_form(x, h) && base_form(x, (uint32_t)g)))
        return r;
    return NULL;
}

/*
** The negation a verb takes from its subject: "Neither Moscow nor Kyiv
** commented", "No country has recognised the vote".  The subject's
** negator ("neither", "no"), or the "nor" of one of its conjuncts; the
** words.txt rule, or NULL.
*/
static const char *subject_negation(const tree_ctx *x, uint32_t h)
{
    int s = sr_tr_child(x, h, "nsubj");
    if (s < 0)
        return NULL;
    static const char *const RELS[] = {"det", "cc:preconj", NULL};
    for (int32_t c = x->first_child[s]; c >= 0; c = x->next_child[c]) {
        int32_t w = c;
        if (sr_tr_rel(x, (uint32_t)c, "conj")) /* "nor Kyiv" */
            w = sr_tr_child(x, (uint32_t)c, "cc");
        else if (!sr_tr_rel(x, (uint32_t)c, RELS[0]) && !sr_tr_rel(x, (uint32_t)c, RELS[1]))
            continue;
        if (w >= 0 && (x->wc[w] & SR_WC_NEGATOR))
            return class_rule(x, (uint32_t)w, SR_WC_NEGATOR);
    }
    return NULL;
}

/*
** The modality an event noun takes from the uncoded verb whose object it
** is: "the deal may spur reconciliation between X and Y" is a possibility
** no actor states, and codes nothing (returns SR_MOD_CONDITIONAL); "the
** move will bring talks" is future.  A light verb ("will launch strikes")
** is the noun's own predicate and passes its modality by itself.  A
** subject is left as it is: "the ceasefire could collapse" presupposes the
** ceasefire.  *rule gets the auxiliary's rule.
*/
static int noun_modality(const tree_ctx *x, const pred *p, const char **rule)
{
    uint32_t h = p->head;
    int g = sr_tr_head(x, h);
    if (!p->noun || g < 0 || !sr_tr_is_verbal(x, (uint32_t)g) || (x->wc[g] & SR_WC_LIGHT) ||
        (x->pred_at[g] >= 0 && x->preds[x->pred_at[g]].code) || sr_tr_child(x, h, "acl") >= 0 ||
        !sr_tr_rel(x, h, "obj"))
        return SR_MOD_ASSERTED;
    if ((*rule = child_of_class(x, (uint32_t)g, SR_WC_FUTURE)))
        return SR_MOD_FUTURE;
    if ((*rule = child_of_class(x, (uint32_t)g, SR_WC_CONDITIONAL)))
        return SR_MOD_CONDITIONAL;
    return SR_MOD_ASSERTED;
}

/*
** The token that stands as verb h's complement: h, or, for a verb conjoined
** to another with no subject of its own, the first verb, whose governor it
** shares ("agreed to return the ambassadors and to begin a dialogue",
** "obliged Israel to take measures ... and to allow aid").
*/
static uint32_t complement_head(const tree_ctx *x, uint32_t h)
{
    int first = sr_tr_head(x, h);
    if (x->c->dict->inflect && first >= 0 && sr_tr_rel(x, h, "conj") && sr_tr_is_verbal(x, h) &&
        sr_tr_is_verbal(x, (uint32_t)first) && sr_ro_active_subject(x, h) < 0 &&
        sr_tr_child(x, h, "nsubj:pass") < 0)
        return (uint32_t)first;
    return h;
}

void sr_tr_modality(tree_ctx *x, pred *p)
{
    uint32_t h = p->head;
    int mod = SR_MOD_ASSERTED, considered = 0;
    const char *rule = NULL;
    if (x->c->dict->inflect && in_condition(x, h)) {
        p->suppressed = 1; /* the condition of a threat is not an event */
        return;
    }
    if ((rule = child_of_class(x, h, SR_WC_NEGATOR)) || (rule = conjunct_negation(x, h)) ||
        (rule = comparative_negation(x, h)) ||
        (x->c->dict->inflect && (rule = subject_negation(x, h)))) {
        mod = SR_MOD_NEGATED;
        /* "did not rule out sending troops", coded by its own phrase as a refusal */
        considered =
            (x->wc[h] & SR_WC_NEGATING) && p->code && p->code[0] == '1' && p->code[1] == '2';
    } else if ((rule = child_of_class(x, h, SR_WC_FUTURE)))
        mod = x->c->dict->inflect && has_condition(x, h) ? SR_MOD_CONDITIONAL : SR_MOD_FUTURE;
    else if (x->c->dict->inflect && reported(x, h) && child_of_class(x, h, SR_WC_OBLIGATION)) {
        p->obliged = 1; /* sr_tr_speech makes it the speaker's demand */
        p->mod_rule = child_of_class(x, h, SR_WC_OBLIGATION);
        return;
    } else if ((rule = child_of_class(x, h, SR_WC_CONDITIONAL)))
        mod = reported(x, h) && !has_condition(x, h) ? SR_MOD_FUTURE : SR_MOD_CONDITIONAL;
    else if (x->c->dict->inflect && (mod = noun_modality(x, p, &rule)) == SR_MOD_CONDITIONAL) {
        p->suppressed = 1;
        return;
    }
    /* the verbs whose complement this is */
    uint32_t k = complement_head(x, h);
    for (int steps = 0; steps < 3 && mod != SR_MOD_NEGATED; steps++) {
        int g = sr_tr_head(x, k);
        if (g < 0 || !complement_link(x, k))
            break;
        const char *r, *r2;
        if ((x->wc[g] & SR_WC_NEGATING) && (r = class_rule(x, (uint32_t)g, SR_WC_NEGATING)) &&
            x->c->dict->inflect && (r2 = negated_negation(x, (uint32_t)g))) {
            /* "did not rule out using force", "refused to rule out": two negations leave
               the act possible, as a threat is */
            mod = SR_MOD_CONDITIONAL;
            rule = r2;
            considered = 1;
            break;
        } else if ((x->wc[g] & SR_WC_NEGATING) &&
                   (r = class_rule(x, (uint32_t)g, SR_WC_NEGATING))) {
            mod = SR_MOD_NEGATED;
            rule = r;
        } else if ((x->wc[g] & (SR_WC_INTEND | SR_WC_PROMISE)) &&
                   (r = child_of_class(x, (uint32_t)g, SR_WC_NEGATOR))) {
            mod = SR_MOD_NEGATED; /* "does not intend to hold talks" */
            rule = r;
        } else if ((x->wc[g] & SR_WC_INTEND) && mod == SR_MOD_ASSERTED) {
            mod = SR_MOD_INTENDED;
            rule = class_rule(x, (uint32_t)g, SR_WC_INTEND);
        } else if ((x->wc[g] & (SR_WC_PROMISE | SR_WC_AGREE)) && mod == SR_MOD_ASSERTED) {
            unsigned cls = x->wc[g] & SR_WC_PROMISE ? SR_WC_PROMISE : SR_WC_AGREE;
            mod = SR_MOD_FUTURE;
            rule = class_rule(x, (uint32_t)g, cls);
            if (cls == SR_WC_AGREE)
                p->hit.mutual = 1; /* "X and Y agreed to lower duties": on each other */
        } else if (mod == SR_MOD_ASSERTED && (r = child_of_class(x, (uint32_t)g, SR_WC_FUTURE))) {
            mod = SR_MOD_FUTURE; /* "will try to meet" */
            rule = r;
        } else if (mod == SR_MOD_ASSERTED &&
                   (r = child_of_class(x, (uint32_t)g, SR_WC_CONDITIONAL))) {
            /* "would have to use a nuclear weapon" */
            mod = reported(x, (uint32_t)g) && !has_condition(x, (uint32_t)g) ? SR_MOD_FUTURE
                                                                             : SR_MOD_CONDITIONAL;
            rule = r;
        } else if (mod == SR_MOD_ASSERTED && (r = child_of_class(x, (uint32_t)g, SR_WC_NEGATOR)) &&
                   (x->pred_at[g] < 0 || !x->preds[x->pred_at[g]].code)) {
            mod = SR_MOD_NEGATED; /* "did not try to stop" */
            rule = r;
        }
        if (x->pred_at[g] >= 0 && x->preds[x->pred_at[g]].code &&
            !(x->wc[g] & (SR_WC_NEGATING | SR_WC_INTEND | SR_WC_PROMISE | SR_WC_AGREE)))
            break; /* a coded verb: the complement is its (sr_tr_embedded) */
        k = (uint32_t)g;
    }
    /* "refused to release" coded by its own phrase (1243): a negated act, already a refusal */
    if (mod == SR_MOD_ASSERTED && p->code && p->code[0] == '1' && p->code[1] == '2' &&
        (x->wc[h] & SR_WC_NEGATING) &&
        (sr_tr_child(x, h, "xcomp") >= 0 || p->hit.matched_pattern)) {
        p->modality = SR_MOD_NEGATED;
        p->mod_rule = class_rule(x, h, SR_WC_NEGATING);
        return;
    }
    if (mod == SR_MOD_ASSERTED && x->c->dict->inflect && p->code && p->code[0] == '0' &&
        p->code[1] == '3' && (x->wc[h] & (SR_WC_PROMISE | SR_WC_AGREE))) {
        /* an intent the verb's own phrase codes ("agreed to lift sanctions", "pledged aid"):
           the act is still to come */
        unsigned cls = x->wc[h] & SR_WC_PROMISE ? SR_WC_PROMISE : SR_WC_AGREE;
        mod = SR_MOD_FUTURE;
        rule = class_rule(x, h, cls);
        if (cls == SR_WC_AGREE)
            p->hit.mutual = 1;
    }
    p->modality = (uint8_t)mod;
    p->mod_rule = mod == SR_MOD_ASSERTED ? NULL : rule;
    /* PETRARCH dictionaries spell negation and tense out in their own patterns */
    if (mod != SR_MOD_ASSERTED && p->code && x->c->dict->inflect) {
        const char *code, *map_rule, *act = p->code;
        if (sr_codemap_apply(x->c->modmap, sr_modality_name(mod), p->code, &code, &map_rule)) {
            p->code = code;
            p->map_rule = map_rule;
        }
        /* "did not rule out sending Taurus missiles", "sending troops": an option kept open
           is one considered (014), where a kept-open use of force is a threat (13x) */
        if (considered && !((act[0] == '1' && act[1] >= '8') || act[0] == '2')) {
            p->code = "014";
            p->modality = SR_MOD_ASSERTED;
        }
    }
}

/* The coded predicate that governs p through complement links, or NULL. */
static pred *governing_pred(tree_ctx *x, const pred *p)
{
    uint32_t k = p->noun ? p->head : complement_head(x, p->head);
    for (int steps = 0; steps < 3; steps++) {
        int g = sr_tr_head(x, k);
        if (g < 0 || !complement_link(x, k) ||
            (p->noun && sr_tr_rel(x, k, "obj") && !(x->wc[g] & (SR_WC_NEGATING | SR_WC_PROMISE))))
            return NULL;
        if (x->pred_at[g] >= 0) {
            pred *q = &x->preds[x->pred_at[g]];
            if (q->code || q->hit.code)
                return q;
        }
        k = (uint32_t)g;
    }
    return NULL;
}

/*
** A verb whose subject is a coded event noun of material conflict
** ("Israeli airstrikes killed 400 people", "destroyed homes") tells the
** noun's event again:
** the noun keeps it, with the verb's target when it has none.  So does a
** passive whose agent is one ("Nasrallah was killed by an Israeli strike on
** Beirut"), whose subject is then the attack's target.
*/
static int told_by_its_subject(tree_ctx *x, pred *p)
{
    int s = -1;
    for (int32_t c = x->first_child[p->head]; c >= 0 && s < 0; c = x->next_child[c])
        if (sr_tr_rel(x, (uint32_t)c, "nsubj"))
            s = c;
    int a = p->passive && !p->noun ? sr_tr_agent_child(x, p->head) : -1;
    if (a >= 0 && x->pred_at[a] >= 0) /* "was killed by the Israeli strike on Beirut" */
        s = a;
    if (s < 0 || p->noun || x->pred_at[s] < 0 || !p->code)
        return 0;
    pred *n = &x->preds[x->pred_at[s]];
    if (!n->code || n->code[0] < '1' || (n->code[0] == '1' && n->code[1] < '8') ||
        !(sr_code_force(p->code) || (p->code[0] == '1' && p->code[1] == '7')))
        return 0; /* the verb an assault, or its damage ("airstrikes destroyed homes": 1712) */
    if (s == a && p->ntgt) {
        /* whom the verb says was hit is the attack's target, before the place it fell on */
        memcpy(n->tgt, p->tgt, p->ntgt * sizeof *p->tgt);
        n->ntgt = p->ntgt;
        n->tgt_assumed = p->tgt_assumed;
    } else if (!n->ntgt && p->ntgt) {
        memcpy(n->tgt, p->tgt, p->ntgt * sizeof *p->tgt);
        n->ntgt = p->ntgt;
        n->tgt_assumed = p->tgt_assumed;
    }
    return 1;
}

/*
** "Russia rejected Kyiv's offer": a negating verb whose object is another
** actor's act refuses that actor, rather than negating the act.  The act
** is not coded; the verb is, with the act's source as its target.
*/
static int rejects_other_actor(tree_ctx *x, pred *g, pred *p)
{
    if (!p->noun || !g->code || !(x->wc[g->head] & SR_WC_NEGATING) || !p->nsrc || !g->nsrc ||
        p->src_inherited || sr_tr_head(x, p->head) != (int)g->head || !sr_tr_rel(x, p->head, "obj"))
        return 0;
    for (uint32_t i = 0; i < g->nsrc; i++)
        if (g->src[i] == p->src[0])
            return 0;
    p->suppressed = 1;
    if (!g->ntgt)
        for (uint32_t i = 0; i < p->nsrc && i < TREE_SIDE; i++)
            g->tgt[g->ntgt++] = p->src[i];
    return 1;
}

/*
** Is p a `toll` participle that tells the toll of the act of force its
** clause hangs on (", killing 19 people" after "police opened fire on
** protesters", "a helicopter dropped a chlorine cylinder on Douma")?  The
** toll is the act's, not an act of its own; the attribute stage counts it.
** A participle a subordinator opens ("after seizing") is an act of its own.
*/
static int toll_of(const tree_ctx *x, const pred *p)
{
    const char *xp = x->s->tokens[p->head].xpos;
    int g = sr_tr_head(x, p->head);
    if (p->noun || !p->code || !sr_code_force(p->code) || !(x->wc[p->head] & SR_WC_TOLL) || !xp ||
        strcmp(xp, "VBG") != 0 || g < 0 || !sr_tr_rel(x, p->head, "advcl") ||
        *sr_tr_case(x, p->head) || x->pred_at[g] < 0)
        return 0;
    const pred *q = &x->preds[x->pred_at[g]];
    const char *c = q->code;
    return c && (sr_code_force(c) || (c[0] == '1' && (c[1] == '4' || c[1] == '7')));
}

/*
** The coded `agree` verb whose "that" clause p is, or whose clause p is the
** object of a light verb in ("the presidents agreed that their teams will
** begin negotiations"), or NULL.
*/
static pred *agreeing_verb(tree_ctx *x, const pred *p)
{
    uint32_t k = p->head;
    if (p->noun) {
        int v = sr_tr_head(x, k);
        if (v < 0 || !sr_tr_rel(x, k, "obj") || !(x->wc[v] & SR_WC_LIGHT))
            return NULL;
        k = (uint32_t)v;
    }
    int g = sr_tr_head(x, k);
    if (g < 0 || !sr_tr_rel(x, k, "ccomp") || !(x->wc[g] & SR_WC_AGREE) || x->pred_at[g] < 0)
        return NULL;
    pred *q = &x->preds[x->pred_at[g]];
    return q != p && q->code && q->nsrc ? q : NULL;
}

/*
** An act agreed in a "that" clause that names no actor of its own is the
** agreeing parties' act, as "agreed to begin negotiations" is: it takes
** their sources, between them when they are several, and the agreement
** itself is not coded apart.
*/
static int agreed_act(tree_ctx *x, pred *p)
{
    pred *g = p->nsrc ? NULL : agreeing_verb(x, p);
    if (!g)
        return 0;
    memcpy(p->src, g->src, g->nsrc * sizeof *g->src);
    p->nsrc = g->nsrc;
    p->src_inherited = 1;
    if (g->nsrc > 1 && !p->ntgt)
        p->hit.mutual = 1;
    g->suppressed = 1;
    return 1;
}

void sr_tr_embedded(tree_ctx *x)
{
    for (uint32_t i = 0; i < x->npred; i++) {
        pred *p = &x->preds[i];
        if (!p->code && !p->hit.code)
            continue;
        if (x->c->dict->inflect && told_by_its_subject(x, p)) {
            p->suppressed = 1;
            continue;
        }
        if (x->c->dict->inflect && agreed_act(x, p))
            continue;
        if (x->c->dict->inflect && toll_of(x, p)) {
            p->suppressed = 1;
            continue;
        }
        pred *g = governing_pred(x, p);
        if (!g || g->speech)
            continue;
        /* PETRARCH patterns code the governing verb ("abandoned efforts to stop": 345) */
        if (x->c->dict->inflect &&
            (x->wc[g->head] & (SR_WC_NEGATING | SR_WC_INTEND | SR_WC_PROMISE | SR_WC_AGREE))) {
            if (rejects_other_actor(x, g, p))
                continue;
            /* "refused to withdraw": the refusal is p's code; "agreed to a ceasefire
               brokered by X" keeps the agreement its own phrase coded */
            if (p->code && !((x->wc[g->head] & SR_WC_AGREE) && g->hit.matched_pattern)) {
                g->suppressed = 1;
                /* "refused to rule out using force": the outer negation is p's too */
                for (pred *gg = governing_pred(x, g); gg && (x->wc[gg->head] & SR_WC_NEGATING);
                     gg = governing_pred(x, gg))
                    gg->suppressed = 1;
            }
        } else {
            p->suppressed = 1; /* "urged Y to withdraw": the appeal is the event */
            const char *code, *rule;
            if (p->code && g->code && !g->map_rule && x->c->dict->inflect &&
                sr_codemap_apply(x->c->compmap, g->code, p->code, &code, &rule) && code) {
                g->code = code; /* "urged Germany to send air defence": 0232 */
                g->map_rule = rule;
            }
        }
    }
}
