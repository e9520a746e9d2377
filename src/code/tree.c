/*
** tree.c: the tree coder's driver (see tree.h).
**
** For every dependency-parsed sentence:
**
**   1. each token gets its dictionary word and lemma ids, the actor
**      mention that covers it, its closed-class word classes and its
**      children in the tree;
**   2. predicates are found: verbs of the lexicon (tagged VERB) first, then
**      event nouns (tagged NOUN) that no verb's phrase took ("imposed
**      sanctions" is the verb's event, "Russian sanctions on Iran" the
**      noun's); each is coded by its heaviest matching phrase, the words of
**      which may not reach outside the predicate's subtree;
**   3. roles (roles.c), modality (modality.c), predicates inside others
**      (an infinitive of a coded verb, the content of a speech verb) and
**      the speaker as source (speech.c);
**   4. events (assemble.c).
**
** Input that carries no parse (a caller without the parser) codes no
** events: roles, modality and speech are all read from the tree.
*/
#include "code/tree.h"

#include <string.h>
#include <strings.h>

int sr_tr_head(const tree_ctx *x, uint32_t k)
{
    int32_t h = x->s->tokens[k].head;
    return h > 0 && h <= (int32_t)x->n ? h - 1 : -1;
}

int sr_tr_rel(const tree_ctx *x, uint32_t k, const char *rel)
{
    const char *r = x->s->tokens[k].deprel;
    if (!r || r[0] != rel[0]) /* most tests fail here, cheaply */
        return 0;
    /* one pass over rel: asked for every child of every word the coder visits */
    size_t n = 0;
    int subtype = 0; /* rel names a subtype ("obl:tmod") */
    for (; rel[n]; n++) {
        if (r[n] != rel[n])
            return 0;
        subtype |= rel[n] == ':';
    }
    return r[n] == '\0' || (r[n] == ':' && !subtype);
}

int sr_tr_child(const tree_ctx *x, uint32_t k, const char *rel)
{
    for (int32_t c = x->first_child[k]; c >= 0; c = x->next_child[c])
        if (sr_tr_rel(x, (uint32_t)c, rel))
            return c;
    return -1;
}

const char *sr_tr_lemma(const tree_ctx *x, uint32_t k)
{
    const sr_token *t = &x->s->tokens[k];
    return t->lemma ? t->lemma : t->form;
}

int sr_tr_case_token(const tree_ctx *x, uint32_t k)
{
    for (int32_t c = x->first_child[k]; c >= 0; c = x->next_child[c])
        if (sr_tr_rel(x, (uint32_t)c, "case") || sr_tr_rel(x, (uint32_t)c, "mark"))
            return c;
    return -1;
}

const char *sr_tr_case(const tree_ctx *x, uint32_t k)
{
    int c = sr_tr_case_token(x, k);
    return c >= 0 ? sr_tr_lemma(x, (uint32_t)c) : "";
}

const sr_mention *sr_tr_mention(const tree_ctx *x, int32_t m)
{
    if (m >= (int32_t)x->in->nmentions)
        return &x->extra[m - (int32_t)x->in->nmentions];
    return &x->in->mentions[m];
}

/* Is sector one of men under arms: armed forces, rebels, gangs, police, spies? */
int sr_tr_armed_sector(const char *sector)
{
    static const char *const ARMED[] = {"MIL", "REB", "UAF", "COP", "SPY", "INS", NULL};
    for (int i = 0; sector && ARMED[i]; i++)
        if (strcmp(sector, ARMED[i]) == 0)
            return 1;
    return 0;
}

int sr_tr_is_verbal(const tree_ctx *x, uint32_t k)
{
    int u = x->s->tokens[k].upos;
    return u == SR_UPOS_VERB || u == SR_UPOS_AUX;
}

/* ------------------------------------------------------------------ */
/* Tokens.                                                            */

/* Does every token of s have a head within the sentence (a dependency parse)? */
static int sentence_parsed(const sr_sentence *s)
{
    for (uint32_t k = 0; k < s->ntokens; k++)
        if (s->tokens[k].head < 0 || s->tokens[k].head > (int32_t)s->ntokens ||
            !s->tokens[k].deprel || !s->tokens[k].form)
            return 0;
    return s->ntokens > 0;
}

static int is_quote_mark(const char *f)
{
    return strcmp(f, "\"") == 0 || strcmp(f, "``") == 0 || strcmp(f, "''") == 0 ||
           strcmp(f, "\xe2\x80\x9c") == 0 || strcmp(f, "\xe2\x80\x9d") == 0 ||
           strcmp(f, "\xc2\xab") == 0 || strcmp(f, "\xc2\xbb") == 0;
}

/* Mark quoted tokens: a closing mark with no opening one quotes all before it. */
static void mark_quotes(tree_ctx *x)
{
    int inside = 0;
    for (uint32_t k = 0; k < x->n; k++) {
        const char *f = x->s->tokens[k].form;
        if (!is_quote_mark(f)) {
            x->ti[k].quote = (uint8_t)inside;
            continue;
        }
        int opens = strcmp(f, "\xe2\x80\x9c") == 0 || strcmp(f, "``") == 0 ||
                    strcmp(f, "\xc2\xab") == 0 || (strcmp(f, "\"") == 0 && !inside && k + 1 < x->n);
        if (opens) {
            inside = 1;
        } else {
            if (!inside)
                for (uint32_t j = 0; j < k; j++)
                    x->ti[j].quote = 1;
            inside = 0;
        }
    }
}

/*
** The token range of every subtree: each token widens the spans of its
** ancestors.  A malformed parse with a cycle stops after n steps.
*/
static void subtree_spans(tree_ctx *x)
{
    for (uint32_t k = 0; k < x->n; k++)
        x->sub_lo[k] = x->sub_hi[k] = (int32_t)k;
    for (uint32_t j = 0; j < x->n; j++) {
        uint32_t t = j;
        for (uint32_t steps = 0; steps < x->n; steps++) {
            int h = sr_tr_head(x, t);
            if (h < 0)
                break;
            t = (uint32_t)h;
            if ((int32_t)j < x->sub_lo[t])
                x->sub_lo[t] = (int32_t)j;
            if ((int32_t)j > x->sub_hi[t])
                x->sub_hi[t] = (int32_t)j;
        }
    }
}

/* Is word w a form of a dictionary verb with a code of its own (not the null code)? */
static int coding_verb(const sr_verbdict *d, uint32_t w)
{
    if (w == SR_NOWORD)
        return 0;
    for (uint32_t i = 0; i < d->words[w].nverbs; i++) {
        const sr_verb *v = &d->verbs[d->form_verbs[d->words[w].verbs + i]];
        if (v->code || v->code2)
            return 1;
    }
    return 0;
}

/* Give the words of mention m that start at token k to mention p. */
static void cover_with(tree_ctx *x, uint32_t k, int32_t m, int32_t p)
{
    for (uint32_t j = k; j < x->n && x->ti[j].mention == m; j++)
        x->ti[j].mention = p;
}

/*
** PETRARCH codes a noun phrase by its first actor: in "X's Y" and in "X Y"
** where the parser made actor X a compound of actor Y ("the evil Arnor
** awful Gondor"), the first one's mention covers the second's words too
** ("Arnor's Elrond": ARN).
*/
static void first_actor_stands(tree_ctx *x)
{
    for (uint32_t k = 2; k < x->n; k++) {
        int32_t m = x->ti[k].mention, p = x->ti[k - 2].mention;
        if (m >= 0 && p >= 0 && m != p && x->ti[k - 1].mention < 0 &&
            strcmp(x->s->tokens[k - 1].form, "'s") == 0)
            cover_with(x, k, m, p);
    }
    for (uint32_t k = 0; k < x->n; k++) {
        int h = sr_tr_head(x, k);
        int32_t p = x->ti[k].mention;
        if (h > (int)k && p >= 0 && sr_tr_rel(x, k, "compound") && x->ti[h].mention >= 0 &&
            x->ti[h].mention != p) {
            int32_t m = x->ti[h].mention;
            uint32_t first = (uint32_t)h;
            while (first > 0 && x->ti[first - 1].mention == m)
                first--;
            cover_with(x, first, m, p);
        }
    }
}

static void prepare_tokens(tree_ctx *x, size_t m0, size_t m1)
{
    const sr_verbdict *d = x->c->dict;
    for (uint32_t k = 0; k < x->n; k++) {
        const sr_token *t = &x->s->tokens[k];
        tokinfo *ti = &x->ti[k];
        memset(ti, 0, sizeof *ti);
        ti->mention = -1;
        ti->word = sr_verbdict_word(d, t->form, strlen(t->form));
        ti->base = ti->word == SR_NOWORD ? SR_NOWORD : d->words[ti->word].base;
        /* a lemma spelled as its form ("the", "talks") finds what the form found */
        int own_lemma = t->lemma && strcmp(t->lemma, t->form) != 0;
        if (own_lemma && d->inflect) { /* PETRARCH verbs are their listed forms only */
            uint32_t l = sr_verbdict_word(d, t->lemma, strlen(t->lemma));
            if (l != SR_NOWORD) /* the lemma's own base: "troops" (a plurale tantum) is "troop" */
                ti->base = d->words[l].base;
        }
        ti->adv = t->upos == SR_UPOS_ADV;
        /* a participle modifying a noun ("its remaining sanctions") is no verb a phrase stops at */
        ti->verb_head = t->upos == SR_UPOS_VERB && !(t->deprel && strcmp(t->deprel, "amod") == 0);
        /* PETRARCH patterns, as TABARI's, stop only at another verb of the dictionary
           that codes ("won't try to clash over": TRY [---] is no stop) */
        if (!d->inflect && ti->verb_head)
            ti->verb_head = coding_verb(d, ti->word);
        x->wc[k] = sr_words_classes(x->c->words, t->form) |
                   (own_lemma ? sr_words_classes(x->c->words, t->lemma) : 0);
        x->first_child[k] = x->next_child[k] = -1;
        x->pred_at[k] = -1;
    }
    for (int32_t k = (int32_t)x->n - 1; k >= 0; k--) {
        int h = sr_tr_head(x, (uint32_t)k);
        if (h >= 0 && h != k) {
            x->next_child[k] = x->first_child[h];
            x->first_child[h] = k;
        }
    }
    for (size_t m = m0; m < m1; m++) {
        const sr_mention *mm = &x->in->mentions[m];
        if (!mm->code || mm->first >= mm->last || mm->last > x->n)
            continue;
        for (uint32_t k = mm->first; k < mm->last; k++)
            if (x->ti[k].mention < 0)
                x->ti[k].mention = (int32_t)m;
    }
    if (!d->inflect)
        first_actor_stands(x);
    mark_quotes(x);
    subtree_spans(x);
}

/* ------------------------------------------------------------------ */
/* Predicates.                                                        */

/*
** Does passive verb k name its agent ("by Islamic State")?  Only then is a
** phrase read from its subject: without one the act has no source, and the
** subject's own event noun ("the meeting ... was held") is the event.
*/
static int has_agent(const tree_ctx *x, uint32_t k)
{
    for (int32_t c = x->first_child[k]; c >= 0; c = x->next_child[c])
        if (sr_tr_rel(x, (uint32_t)c, "obl:agent") ||
            (sr_tr_rel(x, (uint32_t)c, "obl") && strcmp(sr_tr_case(x, (uint32_t)c), "by") == 0))
            return 1;
    return 0;
}

/* The matcher's view of the sentence, for entries at token k. */
static match_ctx match_context(const tree_ctx *x, uint32_t k)
{
    match_ctx mc = {.d = x->c->dict,
                    .mentions = x->in->mentions,
                    .ti = x->ti,
                    .n = x->n,
                    .tokens = x->s->tokens,
                    .nc = x->c->nclass,
                    .head = (int32_t)k,
                    .nmentions = (uint32_t)x->in->nmentions};
    return mc;
}

/*
** Is token k a noun the lexicon codes as force (18-20) whose attacker a
** modifier or possessor names ("the Israeli strikes", "its offensive")?
** Such a noun is an event of its own even inside another verb's phrase.
*/
static int attack_with_attacker(const tree_ctx *x, uint32_t k)
{
    const sr_verbdict *d = x->c->dict;
    if (!d->inflect || x->s->tokens[k].upos != SR_UPOS_NOUN)
        return 0;
    int named = 0;
    for (int32_t c = x->first_child[k]; c >= 0 && !named; c = x->next_child[c])
        named =
            (sr_tr_rel(x, (uint32_t)c, "amod") || sr_tr_rel(x, (uint32_t)c, "nmod:poss")) &&
            (x->ti[c].mention >= 0 || x->s->tokens[c].upos == SR_UPOS_PRON); /* "its offensive" */
    if (!named)
        return 0;
    match_ctx mc = match_context(x, k);
    uint32_t nv;
    const uint32_t *vs = sr_match_entries(&mc, k, &nv);
    for (uint32_t i = 0; i < nv; i++) {
        const sr_verb *v = &d->verbs[vs[i]];
        if (v->noun && v->code && !v->npre && !v->npost &&
            ((v->code[0] == '1' && v->code[1] >= '8') || v->code[0] == '2'))
            return 1;
    }
    return 0;
}

/* Add the predicate of the best entry at token k, nouns or verbs. */
static void find_predicate(tree_ctx *x, uint32_t k, int nouns)
{
    const sr_verbdict *d = x->c->dict;
    match_ctx mc = match_context(x, k);
    uint32_t nv;
    const uint32_t *vs = sr_match_entries(&mc, k, &nv);
    int best_len = -1;
    const sr_verb *best = NULL;
    for (uint32_t i = 0; i < nv; i++) {
        const sr_verb *v = &d->verbs[vs[i]];
        int len = (int)(v->npre + v->npost);
        if (v->noun == nouns && len > best_len && sr_match_particles(&mc, v, k)) {
            best_len = len;
            best = v;
        }
    }
    if (!best)
        return;
    /* a noun's phrase may run on in its verb's ("confirm the need for pressure") */
    int top = (int)k;
    if (nouns && sr_tr_head(x, k) >= 0 && sr_tr_is_verbal(x, (uint32_t)sr_tr_head(x, k)))
        top = sr_tr_head(x, k);
    int lo = x->sub_lo[k], hi = x->sub_hi[top] + 1;
    /* a noun that modifies a later noun may take it into its phrase ("strike price") */
    int g = sr_tr_head(x, k);
    if (nouns && g > (int)k && sr_tr_rel(x, k, "compound") && g + 1 > hi)
        hi = g + 1;
    if (!d->inflect) { /* TABARI's patterns read the sentence's words in order */
        lo = 0;
        hi = (int)x->n;
    }
    if ((int)(k + 1 + best->npost) > hi)
        hi = (int)(k + 1 + best->npost);
    if ((int)(k - best->npre) < lo)
        lo = (int)(k - best->npre);
    /* among entries with these words, the first that codes */
    pred p;
    memset(&p, 0, sizeof p);
    int have = 0;
    for (uint32_t i = 0; i < nv; i++) {
        const sr_verb *v = &d->verbs[vs[i]];
        if (v->noun != nouns || (int)(v->npre + v->npost) != best_len ||
            !sr_match_particles(&mc, v, k))
            continue;
        phrase_hit h;
        sr_match_code(&mc, v, k - v->npre, k + 1 + v->npost, lo, hi, &h);
        if (!have || (!p.hit.code && !p.hit.code2 && (h.code || h.code2))) {
            p.hit = h;
            p.entry = v;
            have = 1;
        }
    }
    /* in the passive the phrase's words stand in the subject ("responsibility was taken by
       Islamic State" as "took responsibility"): read them from the subject's head */
    int sp = nouns || !d->inflect || p.hit.matched_pattern || !has_agent(x, k)
                 ? -1
                 : sr_tr_child(x, k, "nsubj:pass");
    for (uint32_t i = 0; sp >= 0 && sp < (int)k && i < nv && !p.hit.matched_pattern; i++) {
        const sr_verb *v = &d->verbs[vs[i]];
        if (v->noun || (int)(v->npre + v->npost) != best_len || !sr_match_particles(&mc, v, k))
            continue;
        phrase_hit h;
        sr_match_code(&mc, v, (uint32_t)sp, (uint32_t)sp, sp, x->sub_hi[sp] + 1, &h);
        if (h.matched_pattern) {
            h.tend = k + 1 + v->npost; /* the trigger runs from the subject to the verb */
            p.hit = h;
            p.entry = v;
        }
    }
    p.head = k;
    /* "missile ... strike", "strike price": the phrase ends in the noun this one modifies,
       whose own modifiers are the event's ("a Russian missile strike") */
    if (nouns && g > (int)k && sr_tr_rel(x, k, "compound") && p.hit.matched_pattern &&
        (uint32_t)g < p.hit.tend && x->pred_at[g] < 0 && x->ti[g].mention < 0)
        p.head = (uint32_t)g;
    p.noun = (uint8_t)nouns;
    p.code = p.hit.code;
    /* a verb of saying reports its content, unless a phrase gave it its own event */
    p.speech = !nouns && (x->wc[k] & SR_WC_SPEECH) && !p.hit.matched_pattern;
    x->pred_at[p.head] = (int32_t)x->npred;
    x->preds[x->npred++] = p;
    /* a claim of responsibility reports the act it claims: "claimed the attack" leaves
       "attack" free to code the attack, whose source the claimant is (roles.c); any other
       phrase leaves free an attack noun that names its attacker ("condemned the Israeli
       strikes on Gaza", "ordered Israel to halt its offensive") */
    int claim = d->inflect && p.code && strncmp(p.code, "015", 3) == 0;
    for (uint32_t j = p.hit.tstart; j < p.hit.tend && !claim; j++)
        if (j != p.head && !attack_with_attacker(x, j))
            x->ti[j].used = 1;
}

/* Does word w end as a past participle does ("forbidden", "banned")? */
static int participle_shape(const char *w)
{
    size_t n = w ? strlen(w) : 0;
    return n > 3 && ((w[n - 2] == 'e' && w[n - 1] == 'd') || (w[n - 2] == 'e' && w[n - 1] == 'n'));
}

static void find_predicates(tree_ctx *x)
{
    for (int nouns = 0; nouns <= 1; nouns++)
        for (uint32_t k = 0; k < x->n; k++) {
            const sr_token *t = &x->s->tokens[k];
            /* verbs, and plain adjectives of a copular predicate ("he was optimistic"; not a
               participle, whose subject suffers the act: "he is forbidden to leave") */
            int upos_ok = nouns ? t->upos == SR_UPOS_NOUN
                                : t->upos == SR_UPOS_VERB ||
                                      (t->upos == SR_UPOS_ADJ && sr_tr_child(x, k, "cop") >= 0 &&
                                       !participle_shape(t->form));
            if (!upos_ok || x->ti[k].used || x->ti[k].mention >= 0 || x->pred_at[k] >= 0)
                continue;
            find_predicate(x, k, nouns);
        }
}

/* ------------------------------------------------------------------ */
/* Documents.                                                         */

/* The country part of an actor code ("RUS" of "RUSMIL"), or 0 when it has none. */
static int country_of(const char *code, char out[4])
{
    if (!code || strlen(code) < 3 || strncmp(code, "IGO", 3) == 0 || strncmp(code, "NGO", 3) == 0 ||
        strncmp(code, "MNC", 3) == 0)
        return 0;
    for (int i = 0; i < 3; i++)
        if (code[i] < 'A' || code[i] > 'Z')
            return 0;
    memcpy(out, code, 3);
    out[3] = '\0';
    return 1;
}

/*
** The countries the document is most about, most mentioned first: a
** mention of each (a bare country mention when there is one) into
** x->focus[].  The first 64 countries a document names are counted.  An
** attack with no target in the text falls on the first of them that is
** not the attacker's.
*/
static void focus_countries(tree_ctx *x)
{
    /* the countries named, in the order of their first mention (a table, so linear) */
    struct {
        char code[4];
        int32_t first, exact; /* its first mention, and its first bare country mention */
        uint32_t count;
    } seen[64];
    uint32_t nseen = 0;
    const sr_code_input *in = x->in;
    x->nfocus = 0;
    for (size_t i = 0; i < in->nmentions; i++) {
        char c[4];
        if (!country_of(in->mentions[i].code, c))
            continue;
        uint32_t k = 0;
        while (k < nseen && strcmp(seen[k].code, c) != 0)
            k++;
        if (k == nseen) {
            if (nseen == sizeof seen / sizeof *seen)
                continue;
            memcpy(seen[k].code, c, 4);
            seen[k].first = (int32_t)i;
            seen[k].exact = -1;
            seen[k].count = 0;
            nseen++;
        }
        seen[k].count++;
        if (seen[k].exact < 0 && strlen(in->mentions[i].code) == 3)
            seen[k].exact = (int32_t)i;
    }
    while (x->nfocus < TREE_FOCUS) {
        int best = -1;
        for (uint32_t k = 0; k < nseen; k++)
            if (seen[k].count >= 3 && (best < 0 || seen[k].count > seen[best].count))
                best = (int)k;
        if (best < 0)
            break;
        seen[best].count = 0;
        x->focus[x->nfocus++] = seen[best].exact >= 0 ? seen[best].exact : seen[best].first;
    }
}

/*
** A sentence with a word of class sport reports a game: its conflict
** predicates (codes 11-20: "beating Colombia 1-0", "crushed the visitors")
** are not coded, unless it names armed forces, rebels, police or gunmen.
*/
static void drop_games(tree_ctx *x)
{
    uint32_t k = 0;
    while (k < x->n && !(x->wc[k] & SR_WC_SPORT))
        k++;
    if (k == x->n || !x->c->dict->inflect)
        return;
    for (size_t m = 0; m < x->in->nmentions; m++) {
        const sr_mention *mm = &x->in->mentions[m];
        if (mm->sentence == x->si && sr_tr_armed_sector(mm->sector))
            return; /* "gunmen attacked fans after the cup final" */
    }
    for (uint32_t i = 0; i < x->npred; i++) {
        const char *c = x->preds[i].hit.code;
        if (c && (c[0] == '2' || (c[0] == '1' && c[1] >= '1')))
            x->preds[i].suppressed = 1;
    }
}

static void code_sentence(tree_ctx *x)
{
    find_predicates(x);
    drop_games(x);
    for (uint32_t i = 0; i < x->npred; i++)
        sr_tr_roles(x, &x->preds[i]);
    for (uint32_t i = 0; i < x->npred; i++)
        sr_tr_modality(x, &x->preds[i]);
    sr_tr_embedded(x);
    sr_tr_speech(x);
    sr_tr_claim_previous_attack(x);
    /* statements last: a bare statement is kept only when its speaker reports nothing else */
    for (int statements = 0; statements <= 1; statements++)
        for (uint32_t i = 0; i < x->npred; i++)
            if (x->preds[i].speech == statements)
                sr_tr_emit(x, &x->preds[i]);
    sr_tr_remember_orphan(x);
}

void sr_coder_code(const sr_coder *c, const sr_code_input *in, sr_arena *a, sr_event **events,
                   size_t *nevents)
{
    *events = NULL;
    *nevents = 0;
    if (!c)
        return;
    int parsed = in->nsentences > 0;
    uint32_t maxn = 0;
    for (size_t s = 0; s < in->nsentences; s++) {
        if (in->sentences[s].ntokens > maxn)
            maxn = in->sentences[s].ntokens;
        if (in->sentences[s].ntokens && !sentence_parsed(&in->sentences[s]))
            parsed = 0;
    }
    if (!parsed)
        return;
    event_list out = {NULL, 0, 0};
    tree_ctx x;
    memset(&x, 0, sizeof x);
    x.c = c;
    x.in = in;
    x.a = a;
    x.out = &out;
    x.flags = in->flags;
    x.orphan_si = -1;
    focus_countries(&x);
    x.ti = sr_arena_alloc(a, maxn * sizeof *x.ti);
    x.wc = sr_arena_alloc(a, maxn * sizeof *x.wc);
    x.first_child = sr_arena_alloc(a, maxn * sizeof *x.first_child);
    x.next_child = sr_arena_alloc(a, maxn * sizeof *x.next_child);
    x.pred_at = sr_arena_alloc(a, maxn * sizeof *x.pred_at);
    x.sub_lo = sr_arena_alloc(a, maxn * sizeof *x.sub_lo);
    x.sub_hi = sr_arena_alloc(a, maxn * sizeof *x.sub_hi);
    x.preds = sr_arena_alloc(a, maxn * sizeof *x.preds);
    size_t m = 0;
    for (size_t s = 0; s < in->nsentences; s++) {
        size_t m0, m1;
        m = sr_code_sentence_mentions(in, s, m, &m0, &m1);
        x.s = &in->sentences[s];
        x.si = (uint32_t)s;
        x.n = x.s->ntokens;
        x.npred = 0;
        x.first_event = out.n;
        if (!x.n)
            continue;
        prepare_tokens(&x, m0, m1);
        code_sentence(&x);
    }
    sr_tr_finish_events(in, out.v, out.n);
    *events = out.v;
    *nevents = out.n;
}
