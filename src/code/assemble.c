/*
** assemble.c: events from coded predicates.
**
** Every (source, target) pair of a predicate gives one event; a reciprocal
** entry ("mutual": "X and Y met", "talks between X and Y", "accused each
** other") with no target codes every ordered pair of its sources.  An actor acting on itself
** gives nothing, and an event that repeats one of the same sentence (same
** actor codes and code: "attacks on Sumy and Odesa" is one attack on
** Ukraine) is kept once.
**
** Each event gets
**   id          16 hex digits of a hash of the document id, sentence,
**               trigger span, code and actor spans: the same input gives
**               the same id whatever the thread count or run;
**   modality    asserted, negated, future, conditional, intended;
**   confidence  see docs/verb-format.md part 5 (a sum of documented
**               penalties on a base that depends on how the code matched);
**   rule        the lexicon line, then the lines of data/code that changed
**               the event ("verbs/core.txt:12 code/modality.txt:40").
*/
#include "code/tree.h"

#include <stdio.h>
#include <string.h>

#include "util/util.h"

static void actor_from_mention(const sr_mention *m, sr_actor *a)
{
    a->code = m->code;
    a->name = m->name;
    a->entity = m->entity;
    a->span = m->span;
}

/* The confidence of an event of p with the given actors (docs/verb-format.md 5.4). */
static double confidence(const pred *p, const sr_mention *s, const sr_mention *t)
{
    double c = p->hit.matched_pattern ? 0.85 : 0.75;
    if (p->noun)
        c -= 0.10;
    if (p->src_inherited)
        c -= 0.10;
    if (p->map_rule)
        c -= 0.05;
    if (strncmp(s->code, "---", 3) == 0)
        c -= 0.20;
    if (t && strncmp(t->code, "---", 3) == 0)
        c -= 0.10;
    if (p->tgt_assumed)
        c -= 0.15;
    if (s->kind == SR_MENTION_PRONOUN || s->kind == SR_MENTION_TITLE)
        c -= 0.05;
    return c < 0.05 ? 0.05 : c > 0.99 ? 0.99 : c;
}

static const char *rule_of(tree_ctx *x, const pred *p)
{
    if (!p->mod_rule && !p->map_rule)
        return p->hit.rule;
    return sr_arena_printf(x->a, "%s%s%s%s%s", p->hit.rule ? p->hit.rule : "",
                           p->mod_rule ? " " : "", p->mod_rule ? p->mod_rule : "",
                           p->map_rule ? " " : "", p->map_rule ? p->map_rule : "");
}

sr_event *sr_tr_new_event(tree_ctx *x)
{
    event_list *v = x->out;
    if (v->n == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 16;
        sr_event *nv = sr_arena_alloc(x->a, cap * sizeof *nv);
        if (v->n)
            memcpy(nv, v->v, v->n * sizeof *nv);
        v->v = nv;
        v->cap = cap;
    }
    sr_event *e = &v->v[v->n++];
    memset(e, 0, sizeof *e);
    return e;
}

/*
** The code of target mt of an event of `code` by ms.  A target that names
** no country ("the opposition", "women", "students": ---OPP, ---CVL)
** belongs to the source's country when the act is not force across a
** border: "the Taliban barred women" is AFGGOV against AFGCVL; "Israeli
** forces killed civilians" (18-20) is left as written, but a country's
** rebels or gangs fight at home ("RSF fighters killed hundreds of
** civilians": SDNCVL).
*/
/* Is code a country's rebels, insurgents or armed gangs, who fight at home ("SDNREB")? */
static int insurgent(const char *code)
{
    return strlen(code) >= 6 &&
           (strncmp(code + 3, "REB", 3) == 0 || strncmp(code + 3, "UAF", 3) == 0 ||
            strncmp(code + 3, "INS", 3) == 0 || strncmp(code + 3, "CRM", 3) == 0);
}

/* Is sector one of a state's own (government, forces, police, courts, parliament, spies)? */
static int state_sector(const char *sector)
{
    static const char *const STATE[] = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", NULL};
    for (int i = 0; STATE[i]; i++)
        if (strncmp(sector, STATE[i], 3) == 0)
            return 1;
    return 0;
}

static const char *domestic_target(tree_ctx *x, const char *code, const sr_mention *ms,
                                   const sr_mention *mt)
{
    int force = sr_code_force(code);
    if (strncmp(mt->code, "---", 3) != 0 || strlen(mt->code) < 6 || strlen(ms->code) < 3 ||
        strncmp(ms->code, "---", 3) == 0 || strncmp(ms->code, "IGO", 3) == 0 ||
        strncmp(ms->code, "NGO", 3) == 0 || strncmp(ms->code, "IMG", 3) == 0 ||
        (force && !insurgent(ms->code)) || !x->c->dict->inflect)
        return mt->code;
    /* an unnamed government or army may well be foreign ("the government", "troops"),
       except the government that a country's farmers, students or protesters press with
       demands, criticism or protest (10-14): their own */
    int pressed = code[0] == '1' && code[1] <= '4' && strncmp(mt->code + 3, "GOV", 3) == 0 &&
                  strlen(ms->code) >= 6 && !state_sector(ms->code + 3);
    if (!pressed && (strncmp(mt->code + 3, "GOV", 3) == 0 || strncmp(mt->code + 3, "MIL", 3) == 0 ||
                     strncmp(mt->code + 3, "SPY", 3) == 0))
        return mt->code;
    return sr_arena_printf(x->a, "%.3s%s", ms->code, mt->code + 3);
}

/* Is the three-letter sector at s one of those listed in set? */
static int sector_in(const char *s, const char *const *set)
{
    for (int i = 0; set[i]; i++)
        if (strncmp(s, set[i], 3) == 0)
            return 1;
    return 0;
}

/*
** The code of source ms of an event of `code` on mt.  An actor of no named
** country acts at home on a country's own institutions:
** * courts and police (---JUD, ---COP) on its political actors
**   (government, opposition, elite, lawmakers, parties): a state prosecutes
**   and arrests its own politicians ("opened an investigation against the
**   president Milei": ARGJUD);
** * civilians, opposition, students, workers, farmers (---OPP, ---CVL...)
**   on its state (government, parliament, courts, police, army), unless by
**   force (18-20): "protesters stormed Hong Kong's Legislative Council" is
**   HKGOPP.
*/
static const char *domestic_source(tree_ctx *x, const char *code, const sr_mention *ms,
                                   const sr_mention *mt)
{
    static const char *const LAW[] = {"JUD", "COP", NULL};
    static const char *const POLITICAL[] = {"GOV", "OPP", "ELI", "LEG", "PTY", NULL};
    static const char *const CIVIL[] = {"OPP", "CVL", "EDU", "LAB", "AGR", NULL};
    static const char *const STATE[] = {"GOV", "LEG", "JUD", "COP", "MIL", NULL};
    if (!mt || !x->c->dict->inflect || strlen(ms->code) != 6 || strncmp(ms->code, "---", 3) != 0 ||
        strlen(mt->code) < 6 || strncmp(mt->code, "---", 3) == 0 ||
        strncmp(mt->code, "IGO", 3) == 0 || strncmp(mt->code, "NGO", 3) == 0 ||
        strncmp(mt->code, "IMG", 3) == 0)
        return ms->code;
    int force = sr_code_force(code);
    if ((sector_in(ms->code + 3, LAW) && sector_in(mt->code + 3, POLITICAL)) ||
        (!force && sector_in(ms->code + 3, CIVIL) && sector_in(mt->code + 3, STATE)))
        return sr_arena_printf(x->a, "%.3s%s", mt->code, ms->code + 3);
    return ms->code;
}

static void push_pair(tree_ctx *x, const pred *p, const char *code, const sr_mention *ms,
                      const sr_mention *mt)
{
    if (mt && strcmp(ms->code, mt->code) == 0)
        return; /* an actor acting on itself */
    if (ms->kind == SR_MENTION_UNKNOWN && strcmp(ms->code, "---") == 0 &&
        (!mt || strncmp(mt->code, "---", 3) == 0))
        return; /* an unknown name acting on nobody known ("Real Madrid beat ...") */
    const char *tgt_code = mt ? domestic_target(x, code, ms, mt) : NULL;
    const char *src_code = domestic_source(x, code, ms, mt);
    if (tgt_code && strcmp(ms->code, tgt_code) == 0)
        return; /* "the government" of the source's own country: itself */
    event_list *v = x->out;
    for (size_t i = x->first_event; i < v->n; i++) {
        const sr_event *e = &v->v[i];
        if (strcmp(e->cameo, code) == 0 && strcmp(e->source.code, src_code) == 0 &&
            (mt ? e->target.code && strcmp(e->target.code, tgt_code) == 0 : !e->target.code))
            return;
    }
    sr_event *e = sr_tr_new_event(x);
    e->sentence = x->si;
    actor_from_mention(ms, &e->source);
    e->source.code = src_code;
    if (mt) {
        actor_from_mention(mt, &e->target);
        e->target.code = tgt_code;
    }
    e->cameo = code;
    const sr_cameo *c = sr_ontology_get(x->c->onto, code);
    e->plover = c ? c->plover : NULL;
    e->plover_mode = c ? c->mode : NULL;
    e->plover_context = c ? c->context : NULL;
    e->quad_class = c ? c->quad_class : sr_code_quad_of_root(code);
    e->goldstein = c ? c->goldstein : 0.0;
    e->trigger.start = x->s->tokens[p->hit.tstart].start;
    e->trigger.end = x->s->tokens[p->hit.tend - 1].end;
    e->rule = rule_of(x, p);
    e->modality = sr_modality_name(p->modality);
    e->confidence = confidence(p, ms, mt);
}

#define MAX_CODES 8 /* codes of one multi-code actor */

/*
** The codes a multi-code actor stands for: PETRARCH's [FRO/BIL/SAM] is each
** of FRO, BIL and SAM, and what an agent added to it goes to each
** ("FRO/BIL/SAMGOV": FROGOV, BILGOV, SAMGOV; "NGOFRO/BIL": NGOFRO, NGOBIL).
** A code without '/' is itself.  Returns the count.
*/
static int split_codes(sr_arena *a, const char *code, const char **out)
{
    const char *slash = strchr(code, '/');
    if (!slash) {
        out[0] = code;
        return 1;
    }
    const char *last = strrchr(code, '/') + 1;
    size_t prefix = (size_t)(slash - code) > 3 ? (size_t)(slash - code) - 3 : 0;
    const char *suffix = strlen(last) > 3 ? last + 3 : "";
    int n = 0;
    for (const char *c = code + prefix; n < MAX_CODES;) {
        const char *next = strchr(c, '/');
        size_t len = next ? (size_t)(next - c) : strlen(c);
        if (len >= 3) /* a piece too short for a code ("A//B") is left out */
            out[n++] = sr_arena_printf(a, "%.*s%.3s%s", (int)prefix, code, c, suffix);
        if (!next)
            break;
        c = next + 1;
    }
    if (!n)
        out[n++] = code;
    return n;
}

/* One event per code of the source and of the target (see split_codes). */
static void push_event(tree_ctx *x, const pred *p, const char *code, int32_t src, int32_t tgt)
{
    const sr_mention *ms = sr_tr_mention(x, src);
    const sr_mention *mt = tgt >= 0 ? sr_tr_mention(x, tgt) : NULL;
    if (!strchr(ms->code, '/') && !(mt && strchr(mt->code, '/'))) {
        push_pair(x, p, code, ms, mt);
        return;
    }
    const char *sc[MAX_CODES], *tc[MAX_CODES];
    int ns = split_codes(x->a, ms->code, sc), nt = mt ? split_codes(x->a, mt->code, tc) : 1;
    for (int i = 0; i < ns; i++)
        for (int j = 0; j < nt; j++) {
            sr_mention s1 = *ms, t1;
            s1.code = sc[i];
            if (mt) {
                t1 = *mt;
                t1.code = tc[j];
            }
            push_pair(x, p, code, &s1, mt ? &t1 : NULL);
        }
}

/* Did the modality map make p's act a refusal (12x) or a threat (13x)? */
static int refusal_or_threat(const pred *p)
{
    return p->map_rule && p->code && p->code[0] == '1' && (p->code[1] == '2' || p->code[1] == '3');
}

/* Has speech verb h a content of its own (a clause, a quotation it introduces)? */
static int own_content(const tree_ctx *x, uint32_t h)
{
    static const char *const CONTENT[] = {"ccomp", "parataxis", "xcomp", "csubj", NULL};
    for (int32_t c = x->first_child[h]; c >= 0; c = x->next_child[c])
        for (int i = 0; CONTENT[i]; i++)
            if (sr_tr_rel(x, (uint32_t)c, CONTENT[i]))
                return 1;
    return 0;
}

void sr_tr_emit(tree_ctx *x, const pred *p)
{
    /* the reverse event of sitrep's modality-mapped acts is not coded; PETRARCH's
       patterns spell tense out themselves and keep it */
    const char *code = p->code, *code2 = p->modality && x->c->dict->inflect ? NULL : p->hit.code2;
    if (p->suppressed || (!code && !code2) || !p->nsrc)
        return;
    if (code && (x->flags & SR_CODE_NO_STATEMENTS) && code[0] == '0' && code[1] == '1')
        return;
    if (code && code[0] == '0' && code[1] == '1' && p->speech && x->c->dict->inflect &&
        !own_content(x, p->head) && x->out->n > x->first_event)
        return; /* "..., more than 400,000 were expelled, declares NATO": a speech verb
                   with no content of its own reports the other events of its sentence */
    if (code && code[0] == '0' && code[1] == '1' &&
        (p->speech || (x->c->dict->inflect && strcmp(code, "010") == 0)))
        for (size_t e = x->first_event; e < x->out->n; e++)
            for (uint32_t i = 0; i < p->nsrc; i++) {
                const sr_actor *s = &x->out->v[e].source;
                const sr_mention *m = sr_tr_mention(x, p->src[i]);
                /* the same actor: its code, or its words when an event recoded it */
                if (strcmp(s->code, m->code) == 0 ||
                    (s->span.start == m->span.start && s->span.end == m->span.end))
                    return; /* "declined to comment, saying ...": the refusal is the event;
                               "asked forgiveness, speaking in Amsterdam": a bare 010 too */
            }
    for (uint32_t i = 0; i < p->nsrc; i++) {
        /* a reciprocal act is between its sources, also as a promise ("India and France
           pledged to deepen cooperation"); a refusal or threat the modality made of it is
           each source's own ("X, Y and Z declined to sign the communique") */
        if (p->ntgt == 0 && p->hit.mutual && p->nsrc > 1 && !refusal_or_threat(p)) {
            for (uint32_t j = 0; j < p->nsrc; j++)
                if (j != i && code)
                    push_event(x, p, code, p->src[i], p->src[j]);
            continue;
        }
        if (p->ntgt == 0 && code)
            push_event(x, p, code, p->src[i], -1);
        for (uint32_t j = 0; j < p->ntgt; j++) {
            if (code)
                push_event(x, p, code, p->src[i], p->tgt[j]);
            if (code2)
                push_event(x, p, code2, p->tgt[j], p->src[i]);
        }
    }
}

void sr_tr_finish_events(const sr_code_input *in, sr_event *v, size_t n)
{
    const char *doc = in->doc_id ? in->doc_id : "";
    for (size_t i = 0; i < n; i++) {
        sr_event *e = &v[i];
        uint32_t f[7] = {e->sentence,          e->trigger.start,   e->trigger.end,
                         e->source.span.start, e->source.span.end, e->target.span.start,
                         e->target.span.end};
        uint64_t h = sr_hash_bytes(doc, strlen(doc) + 1, 0);
        h = sr_hash_bytes(f, sizeof f, h);
        h = sr_hash_bytes(e->cameo, strlen(e->cameo), h);
        if (e->source.code)
            h = sr_hash_bytes(e->source.code, strlen(e->source.code), h);
        if (e->target.code)
            h = sr_hash_bytes(e->target.code, strlen(e->target.code), h);
        snprintf(e->id, sizeof e->id, "%016llx", (unsigned long long)h);
        if (!e->modality) {
            e->modality = "asserted";
            e->confidence = 0.5;
        }
    }
}

void sr_tr_remember_orphan(tree_ctx *x)
{
    x->orphan_si = -1;
    if (!x->c->dict->inflect)
        return;
    for (uint32_t i = 0; i < x->npred; i++) {
        const pred *p = &x->preds[i];
        if (!p->suppressed && !p->nsrc && p->ntgt && sr_code_force(p->code) &&
            p->modality == SR_MOD_ASSERTED) {
            x->orphan = *p;
            x->orphan_si = x->si;
        }
    }
}

void sr_tr_claim_previous_attack(tree_ctx *x)
{
    if (x->orphan_si < 0 || (uint32_t)x->orphan_si + 1 != x->si)
        return;
    const pred *claim = NULL;
    for (uint32_t i = 0; i < x->npred; i++) {
        const pred *q = &x->preds[i];
        if (sr_code_force(q->hit.code))
            return; /* the sentence's own attack is what it claims */
        if (!claim && q->hit.code && strncmp(q->hit.code, "015", 3) == 0 && q->nsrc &&
            strncmp(sr_tr_mention(x, q->src[0])->code, "---", 3) != 0)
            claim = q;
    }
    if (!claim)
        return;
    /* write the attack as its own sentence's event */
    const sr_sentence *s = x->s;
    uint32_t si = x->si, n = x->n;
    x->si = (uint32_t)x->orphan_si;
    x->s = &x->in->sentences[x->si];
    x->n = x->s->ntokens;
    x->first_event = x->out->n;
    for (uint32_t i = 0; i < claim->nsrc; i++)
        for (uint32_t j = 0; j < x->orphan.ntgt; j++)
            push_event(x, &x->orphan, x->orphan.code, claim->src[i], x->orphan.tgt[j]);
    x->s = s;
    x->si = si;
    x->n = n;
    x->first_event = x->out->n; /* this sentence's own events start after them */
    x->orphan_si = -1;
}
