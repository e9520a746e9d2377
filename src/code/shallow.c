/*
** shallow.c: the baseline dictionary event coder, kept only so that
** bench/ can compare the tree coder with it.
**
** A shallow coder in the TABARI tradition: it needs only tokens and actor
** mentions.  For every sentence it
**
**   1. marks clause boundaries (";", "while", "because", ", which",
**      quotation marks, "but" unless a verb follows) so that no event pairs
**      actors across them;
**   2. finds verbs of the dictionary (by the token's form, else by its
**      lemma), skipping words that stand as nouns ("the attack", "two
**      shells", "peace talks"; the tagger's UPOS decides when present);
**   3. matches the verb's patterns (heaviest first) and falls back on the
**      verb's own code;
**   4. takes as source the nearest actor before the verb in its clause
**      (not one inside a prepositional phrase; "X met Y and signed..."
**      keeps X; with a parse, a conj verb without a subject of its own
**      takes that of the verb it is conjoined to), as target the first
**      actor after the verb that is not the subject of a following coded
**      verb, swaps them in the passive ("Y was attacked by X"), and
**      expands "X and Y" into one event per actor;
**   5. drops negated verbs ("did not attack", "no longer supports",
**      "refused to attack") and infinitives governed by a coded verb
**      ("urged X to attack": the appeal is the event);
**   6. gives a quoted statement without a subject the speaker named after
**      (or before) the quotation: "\"We will strike Y,\" X said."
**
** docs/verb-format.md states every rule.  All memory comes from the
** caller's arena, one scratch array per document; the dictionary and
** ontology are read-only and shared by threads.
*/
#include "code/code_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict/dict.h"
#include "util/util.h"

/* ------------------------------------------------------------------ */
/* Function words.                                                    */

enum {
    W_PREP = 1 << 0,    /* preposition: an actor after it is not a subject */
    W_DET = 1 << 1,     /* determiner or possessive: a verb form after it is a noun */
    W_BE = 1 << 2,      /* form of "be": passive auxiliary */
    W_AUX = 1 << 3,     /* other auxiliary or modal */
    W_NEG = 1 << 4,     /* negation */
    W_CONJ = 1 << 5,    /* joins compound actors */
    W_CLAUSE = 1 << 6,  /* starts a new clause */
    W_QUOTE = 1 << 7,   /* quotation mark */
    W_BY = 1 << 8,      /* "by": the agent of a passive */
    W_TO = 1 << 9,      /* infinitive "to" */
    W_ADV = 1 << 10,    /* adverb that may stand between auxiliary and verb */
    W_SPEECH = 1 << 11, /* form of a verb of saying */
    W_NEGGOV = 1 << 12, /* verb whose infinitive complement did not happen */
    W_COORD = 1 << 13,  /* coordinating conjunction between predicates */
    W_RELCL = 1 << 14,  /* relative pronoun starting a clause after a comma */
    W_PUNCT = 1 << 15,  /* comma */
    W_SUBORD = 1 << 16, /* starts a subordinate clause: its verb keeps no earlier subject */
    W_PRON = 1 << 17,   /* personal pronoun */
    W_DEG = 1 << 18,    /* degree adverb: the word after it is no verb ("very close") */
    W_NUM = 1 << 19     /* number word: the word after it is no verb ("two shells") */
};

typedef struct fword {
    const char *w;
    unsigned cls;
} fword;

/* Sorted by w (strcmp) for bsearch; keep it sorted when editing. */
static const fword FWORDS[] = {
    {"\"", W_QUOTE},
    {"'s", W_DET | W_BE},
    {",", W_CONJ | W_PUNCT},
    {";", W_CLAUSE},
    {"``", W_QUOTE},
    {"a", W_DET},
    {"about", W_PREP},
    {"across", W_PREP},
    {"added", W_SPEECH},
    {"adds", W_SPEECH},
    {"after", W_PREP | W_SUBORD},
    {"again", W_ADV},
    {"against", W_PREP},
    {"almost", W_ADV},
    {"along", W_PREP},
    {"alongside", W_PREP},
    {"already", W_ADV},
    {"also", W_ADV},
    {"although", W_CLAUSE | W_SUBORD},
    {"am", W_BE},
    {"amid", W_PREP},
    {"amidst", W_PREP},
    {"among", W_PREP},
    {"an", W_DET},
    {"and", W_CONJ | W_COORD},
    {"announced", W_SPEECH},
    {"another", W_DET},
    {"any", W_DET},
    {"are", W_BE},
    {"around", W_PREP},
    {"as", W_PREP | W_SUBORD},
    {"at", W_PREP},
    {"avoid", W_NEGGOV},
    {"avoided", W_NEGGOV},
    {"be", W_BE},
    {"because", W_CLAUSE | W_SUBORD},
    {"been", W_BE},
    {"before", W_PREP | W_SUBORD},
    {"behind", W_PREP},
    {"being", W_BE},
    {"between", W_PREP},
    {"beyond", W_PREP},
    {"both", W_DET},
    {"but", W_CLAUSE | W_COORD},
    {"by", W_PREP | W_BY},
    {"ca", W_AUX},
    {"can", W_AUX},
    {"cannot", W_AUX | W_NEG},
    {"concerning", W_PREP},
    {"could", W_AUX},
    {"declared", W_SPEECH},
    {"declined", W_NEGGOV},
    {"declines", W_NEGGOV},
    {"despite", W_PREP},
    {"did", W_AUX},
    {"do", W_AUX},
    {"does", W_AUX},
    {"dozens", W_NUM},
    {"during", W_PREP},
    {"each", W_DET},
    {"earlier", W_ADV},
    {"eight", W_NUM},
    {"even", W_ADV},
    {"ever", W_ADV},
    {"every", W_DET},
    {"fail", W_NEGGOV},
    {"failed", W_NEGGOV},
    {"fails", W_NEGGOV},
    {"few", W_NUM},
    {"first", W_ADV},
    {"five", W_NUM},
    {"following", W_PREP},
    {"for", W_PREP},
    {"four", W_NUM},
    {"from", W_PREP},
    {"further", W_ADV},
    {"had", W_AUX},
    {"has", W_AUX},
    {"have", W_AUX},
    {"he", W_PRON},
    {"her", W_DET},
    {"him", W_PRON},
    {"his", W_DET},
    {"however", W_CLAUSE},
    {"hundreds", W_NUM},
    {"i", W_PRON},
    {"if", W_SUBORD},
    {"in", W_PREP},
    {"including", W_PREP},
    {"inside", W_PREP},
    {"insisted", W_SPEECH},
    {"instead", W_ADV},
    {"into", W_PREP},
    {"is", W_BE},
    {"it", W_PRON},
    {"its", W_DET},
    {"jointly", W_ADV},
    {"just", W_ADV},
    {"later", W_ADV},
    {"less", W_DEG},
    {"many", W_NUM},
    {"may", W_AUX},
    {"meanwhile", W_ADV},
    {"might", W_AUX},
    {"more", W_DEG},
    {"most", W_DEG},
    {"must", W_AUX},
    {"my", W_DET},
    {"n't", W_NEG},
    {"near", W_PREP},
    {"nearly", W_ADV},
    {"neither", W_NEG},
    {"never", W_NEG},
    {"nine", W_NUM},
    {"no", W_NEG | W_DET},
    {"nor", W_NEG},
    {"not", W_NEG},
    {"noted", W_SPEECH},
    {"now", W_ADV},
    {"n\xe2\x80\x99t", W_NEG},
    {"of", W_PREP},
    {"on", W_PREP},
    {"once", W_SUBORD | W_ADV},
    {"one", W_NUM},
    {"only", W_ADV},
    {"onto", W_PREP},
    {"or", W_CONJ | W_COORD},
    {"other", W_DET},
    {"our", W_DET},
    {"outside", W_PREP},
    {"over", W_PREP},
    {"quite", W_DEG},
    {"rather", W_DEG},
    {"refrain", W_NEGGOV},
    {"refrained", W_NEGGOV},
    {"refuse", W_NEGGOV},
    {"refused", W_NEGGOV},
    {"refuses", W_NEGGOV},
    {"regarding", W_PREP},
    {"reportedly", W_ADV},
    {"said", W_SPEECH},
    {"say", W_SPEECH},
    {"says", W_SPEECH},
    {"seven", W_NUM},
    {"several", W_NUM},
    {"sha", W_AUX},
    {"shall", W_AUX},
    {"she", W_PRON},
    {"should", W_AUX},
    {"since", W_PREP | W_SUBORD},
    {"six", W_NUM},
    {"so", W_DEG},
    {"some", W_DET},
    {"soon", W_ADV},
    {"stated", W_SPEECH},
    {"still", W_ADV},
    {"stressed", W_SPEECH},
    {"such", W_DET},
    {"ten", W_NUM},
    {"than", W_PREP},
    {"the", W_DET},
    {"their", W_DET},
    {"them", W_PRON},
    {"then", W_ADV},
    {"these", W_DET},
    {"they", W_PRON},
    {"this", W_DET},
    {"those", W_DET},
    {"though", W_CLAUSE | W_SUBORD},
    {"thousands", W_NUM},
    {"three", W_NUM},
    {"through", W_PREP},
    {"throughout", W_PREP},
    {"to", W_PREP | W_TO},
    {"today", W_ADV},
    {"told", W_SPEECH},
    {"tomorrow", W_ADV},
    {"tonight", W_ADV},
    {"too", W_DEG},
    {"toward", W_PREP},
    {"towards", W_PREP},
    {"twice", W_ADV},
    {"two", W_NUM},
    {"under", W_PREP},
    {"unless", W_CLAUSE | W_SUBORD},
    {"until", W_PREP | W_SUBORD},
    {"upon", W_PREP},
    {"us", W_PRON},
    {"very", W_DEG},
    {"via", W_PREP},
    {"was", W_BE},
    {"we", W_PRON},
    {"were", W_BE},
    {"when", W_SUBORD},
    {"whenever", W_SUBORD},
    {"where", W_SUBORD},
    {"whereas", W_CLAUSE | W_SUBORD},
    {"which", W_RELCL | W_SUBORD},
    {"while", W_CLAUSE | W_SUBORD},
    {"whilst", W_CLAUSE | W_SUBORD},
    {"who", W_RELCL | W_SUBORD},
    {"will", W_AUX},
    {"with", W_PREP},
    {"within", W_PREP},
    {"without", W_PREP | W_NEG},
    {"wo", W_AUX}, /* as in "wo n't" */
    {"would", W_AUX},
    {"wrote", W_SPEECH},
    {"yesterday", W_ADV},
    {"yet", W_ADV},
    {"you", W_PRON},
    {"your", W_DET},
    {"\xe2\x80\x99s", W_DET | W_BE}, /* 's with a right single quotation mark */
    {"\xe2\x80\x9c", W_QUOTE},       /* left double quotation mark */
    {"\xe2\x80\x9d", W_QUOTE},       /* right double quotation mark */
};

static int cmp_fword(const void *k, const void *e)
{
    return strcmp((const char *)k, ((const fword *)e)->w);
}

/* Function-word classes of a token form (ASCII case-insensitive). */
static unsigned word_class(const char *form)
{
    char buf[SR_WORD_MAX + 1];
    size_t n = strlen(form);
    if (!sr_dict_lower(form, n, buf))
        return 0;
    const fword *f =
        bsearch(buf, FWORDS, sizeof FWORDS / sizeof *FWORDS, sizeof *FWORDS, cmp_fword);
    unsigned cls = f ? f->cls : 0;
    if (n == 2 && (strcmp(buf, "''") == 0))
        cls |= W_QUOTE;
    if (!cls && n > 4 && strcmp(buf + n - 2, "ly") == 0)
        cls = W_ADV; /* "fiercely", "reportedly" */
    if (buf[0] >= '0' && buf[0] <= '9')
        cls |= W_NUM;
    return cls;
}

/* ------------------------------------------------------------------ */
/* Per-sentence state.                                                */

#define MAX_SIDE 8 /* actors on one side of an event ("X, Y and Z") */

/* One verb found in the sentence and what it codes. */
typedef struct occ {
    uint32_t start, head, end;       /* verb words [start, end), inflected word head */
    uint32_t tstart, tend;           /* trigger: verb and pattern words */
    const char *code, *code2, *rule; /* code2: the reverse event's, target to source */
    int32_t slot_src, slot_tgt;      /* actors fixed by the pattern's $ and + */
    uint8_t mutual, passive, dropped;
    uint8_t phrase_target; /* an actor ending the phrase is the target */
    int32_t src[MAX_SIDE];
    uint32_t nsrc;
    const uint32_t *verbs; /* the dictionary verbs the words may be, and their particles' length */
    uint32_t nverbs;
    int particles;
} occ;

typedef struct ev_vec {
    sr_event *v;
    size_t n, cap;
} ev_vec;

typedef struct sent_ctx {
    const sr_coder *c;
    const sr_verbdict *d;
    const sr_code_input *in;
    const sr_sentence *s;
    uint32_t si; /* sentence index */
    uint32_t n;  /* tokens */
    tokinfo *ti;
    occ *occ;
    uint32_t nocc;
    sr_arena *a;
    ev_vec *out;
    size_t first_event; /* events of this sentence start here */
    int parsed;         /* every token has a head: dependency relations may be used */
} sent_ctx;

static int sr_mention_first(const sent_ctx *x, int32_t m)
{
    return (int)x->in->mentions[m].first;
}

static int mention_last(const sent_ctx *x, int32_t m) /* exclusive */
{
    return (int)x->in->mentions[m].last;
}

/* Is a double quotation mark at token k an opening one? */
static int quote_opens_in(const sr_sentence *s, uint32_t k)
{
    const char *f = s->tokens[k].form;
    if (strcmp(f, "\xe2\x80\x9c") == 0 || strcmp(f, "``") == 0)
        return 1;
    if (strcmp(f, "\"") != 0)
        return 0;
    int space_before = k == 0 || s->tokens[k - 1].space_after;
    return space_before && !s->tokens[k].space_after && k + 1 < s->ntokens;
}

static int quote_opens(const sent_ctx *x, uint32_t k)
{
    return quote_opens_in(x->s, k);
}

/* Mark quotations: tokens before a closing mark with no opening one are quoted too. */
static void mark_quotes(sent_ctx *x)
{
    int inside = 0;
    for (uint32_t k = 0; k < x->n; k++) {
        if (!(x->ti[k].cls & W_QUOTE)) {
            x->ti[k].quote = (uint8_t)inside;
            continue;
        }
        if (quote_opens(x, k)) {
            inside = 1;
        } else {
            if (!inside)
                for (uint32_t j = 0; j < k; j++)
                    x->ti[j].quote = 1;
            inside = 0;
        }
    }
}

/* Is token k (after adverbs) a form of a dictionary verb? */
static int verb_form_at(const sent_ctx *x, uint32_t k)
{
    while (k < x->n && (x->ti[k].cls & W_ADV))
        k++;
    if (k >= x->n)
        return 0;
    uint32_t w = x->ti[k].word;
    return (w != SR_NOWORD && x->d->words[w].nverbs) || x->s->tokens[k].upos == SR_UPOS_VERB;
}

/*
** Clause numbers: a new clause starts at ";", at a subordinating word
** (while, because, but, ...), at ", which" / ", who", and at every
** quotation mark.
*/
static void mark_clauses(sent_ctx *x)
{
    uint16_t clause = 0;
    for (uint32_t k = 0; k < x->n; k++) {
        uint32_t cls = x->ti[k].cls;
        int boundary = (cls & (W_CLAUSE | W_QUOTE)) ||
                       ((cls & W_RELCL) && k > 0 && (x->ti[k - 1].cls & W_PUNCT));
        if ((cls & W_CLAUSE) && (cls & W_COORD) && verb_form_at(x, k + 1))
            boundary = 0; /* "welcomed X but rejected Y": one subject, two verbs */
        if (boundary && k > 0 && x->ti[k].mention < 0)
            clause++;
        x->ti[k].clause = clause;
    }
}

/* Fill x->ti for the tokens and mentions of the sentence. */
static void prepare_tokens(sent_ctx *x, size_t m0, size_t m1)
{
    const sr_verbdict *d = x->d;
    for (uint32_t k = 0; k < x->n; k++) {
        const sr_token *t = &x->s->tokens[k];
        tokinfo *ti = &x->ti[k];
        memset(ti, 0, sizeof *ti);
        ti->mention = -1;
        ti->word = sr_verbdict_word(d, t->form, strlen(t->form));
        ti->base = ti->word == SR_NOWORD ? SR_NOWORD : d->words[ti->word].base;
        if (t->lemma) {
            uint32_t l = sr_verbdict_word(d, t->lemma, strlen(t->lemma));
            if (l != SR_NOWORD) /* the lemma's own base: "troops" (a plurale tantum) is "troop" */
                ti->base = d->words[l].base;
        }
        ti->cls = word_class(t->form);
        ti->adv = (ti->cls & W_ADV) != 0;
    }
    for (size_t m = m0; m < m1; m++) {
        const sr_mention *mm = &x->in->mentions[m];
        if (!mm->code || mm->first >= mm->last || mm->last > x->n)
            continue; /* malformed: never used */
        for (uint32_t k = mm->first; k < mm->last; k++)
            if (x->ti[k].mention < 0)
                x->ti[k].mention = (int32_t)m;
    }
    mark_quotes(x);
    mark_clauses(x);
}

/* The clause of token k as a token range [lo, hi). */
static void clause_bounds(const sent_ctx *x, uint32_t k, int *lo, int *hi)
{
    int a = (int)k, b = (int)k;
    while (a > 0 && x->ti[a - 1].clause == x->ti[k].clause)
        a--;
    while (b + 1 < (int)x->n && x->ti[b + 1].clause == x->ti[k].clause)
        b++;
    *lo = a;
    *hi = b + 1;
}

/* ------------------------------------------------------------------ */
/* Finding verbs.                                                     */

/* Can token k be a verb?  The tagger decides when it ran; else no determiner before it. */
static int may_be_verb(const sent_ctx *x, uint32_t k)
{
    const sr_token *t = &x->s->tokens[k];
    if (x->ti[k].mention >= 0)
        return 0;
    if (t->upos != SR_UPOS_NONE)
        return t->upos == SR_UPOS_VERB;
    if ((x->ti[k].cls & (W_AUX | W_BE)) && !(x->ti[k].cls & W_DET))
        return 0; /* auxiliaries and modals are no event verbs */
    if (k + 1 < x->n && strcmp(t->form, "according") == 0 &&
        strcmp(x->s->tokens[k + 1].form, "to") == 0)
        return 0;
    if (k == 0)
        return 1;
    uint32_t prev = x->ti[k - 1].cls;
    if ((prev & W_DET) && !(prev & W_BE))
        return 0; /* "the attack", "its support" */
    if (prev & (W_DEG | W_NUM))
        return 0; /* "very close", "two shells" */
    /*
    ** "a brief private visit", "under frequent attack":
    ** a determiner or preposition, up to three plain words, then the word,
    ** unless it ends in -ed ("on Thursday fired").
    */
    size_t fl = strlen(t->form);
    int past = fl > 2 && strcmp(t->form + fl - 2, "ed") == 0;
    for (uint32_t j = k - 1, plain = 0; plain < 3 && !past; j--, plain++) {
        if (x->ti[j].cls || x->ti[j].mention >= 0)
            break;
        uint32_t before = j > 0 ? x->ti[j - 1].cls : 0;
        if (j > 0 && x->ti[j - 1].mention < 0 &&
            (((before & W_DET) && !(before & W_BE)) || ((before & W_PREP) && !(before & W_TO))))
            return 0;
        if (j == 0)
            break;
    }
    if ((prev & W_PREP) && !(prev & W_TO))
        return 0; /* "in March", "for help" */
    /* "artillery shells", "peace talks": an -s form after a plain word is a noun */
    size_t n = strlen(t->form);
    int32_t pm = x->ti[k - 1].mention;
    if (pm >= 0 && n > 3 && t->form[n - 1] == 's' && t->form[n - 2] != 's' &&
        x->in->mentions[pm].last - x->in->mentions[pm].first == 1 &&
        x->s->tokens[k - 1].form[0] >= 'a' && x->s->tokens[k - 1].form[0] <= 'z')
        return 0; /* "military targets" */
    if (prev == 0 && x->ti[k - 1].mention < 0 && n > 3 && t->form[n - 1] == 's' &&
        t->form[n - 2] != 's' &&
        (x->ti[k - 1].word == SR_NOWORD || !x->d->words[x->ti[k - 1].word].nverbs))
        return 0;
    return 1;
}

/*
** Find the dictionary verbs of the sentence, longest phrase first at each
** token, then code each one.  Among verbs with the same words (a verb
** listed in several blocks) the first that codes wins.  Verbs found
** inside the words of an earlier verb's pattern ("carried out strikes")
** are dropped.
*/
static void find_verbs(sent_ctx *x)
{
    const sr_verbdict *d = x->d;
    /* no predicate token for constraints on arguments: the shallow coder reads no tree */
    match_ctx mc = {.d = d,
                    .mentions = x->in->mentions,
                    .ti = x->ti,
                    .n = x->n,
                    .tokens = x->s->tokens,
                    .nc = x->c->nclass,
                    .head = -1,
                    .nmentions = (uint32_t)x->in->nmentions};
    for (uint32_t k = 0; k < x->n; k++) {
        uint32_t nv;
        const uint32_t *vs = sr_match_entries(&mc, k, &nv);
        if (!nv || !may_be_verb(x, k))
            continue;
        int best_len = -1;
        uint32_t npre = 0, npost = 0;
        for (uint32_t i = 0; i < nv; i++) {
            const sr_verb *v = &d->verbs[vs[i]];
            int len = (int)(v->npre + v->npost);
            if (!v->noun && len > best_len && sr_match_particles(&mc, v, k)) {
                best_len = len;
                npre = v->npre;
                npost = v->npost;
            }
        }
        if (best_len < 0)
            continue;
        occ *o = &x->occ[x->nocc++];
        memset(o, 0, sizeof *o);
        o->start = o->tstart = k - npre;
        o->head = k;
        o->end = o->tend = k + 1 + npost;
        o->verbs = vs;
        o->nverbs = nv;
        o->particles = best_len;
        x->ti[k].verb_head = 1;
        k = o->end - 1;
    }
    uint32_t kept = 0, covered_to = 0;
    for (uint32_t j = 0; j < x->nocc; j++) {
        occ o = x->occ[j];
        if (o.start < covered_to)
            continue; /* a word of an earlier verb's pattern */
        occ best = o;
        best.code = best.code2 = best.rule = NULL;
        int have = 0;
        for (uint32_t i = 0; i < o.nverbs; i++) {
            const sr_verb *v = &d->verbs[o.verbs[i]];
            if (v->noun || (int)(v->npre + v->npost) != o.particles ||
                !sr_match_particles(&mc, v, o.head))
                continue;
            occ c = o;
            int lo, hi;
            clause_bounds(x, o.head, &lo, &hi);
            phrase_hit h;
            sr_match_code(&mc, v, o.start, o.end, lo, hi, &h);
            c.code = h.code;
            c.code2 = h.code2;
            c.rule = h.rule;
            c.mutual = h.mutual;
            c.phrase_target = h.phrase_target;
            c.tstart = h.tstart;
            c.tend = h.tend;
            c.slot_src = h.slot_src;
            c.slot_tgt = h.slot_tgt;
            if (!have || (!best.code && !best.code2 && (c.code || c.code2))) {
                best = c;
                have = 1;
            }
        }
        if (best.tend > best.end)
            covered_to = best.tend;
        x->occ[kept++] = best;
    }
    x->nocc = kept;
}

/* ------------------------------------------------------------------ */
/* Actors.                                                            */

/* The mention starting exactly at token k, or -1. */
static int32_t mention_at_start(const sent_ctx *x, int k)
{
    if (k < 0 || k >= (int)x->n)
        return -1;
    int32_t m = x->ti[k].mention;
    return m >= 0 && sr_mention_first(x, m) == k ? m : -1;
}

/* The mention ending exactly at token k (inclusive), or -1. */
static int32_t mention_at_end(const sent_ctx *x, int k)
{
    if (k < 0 || k >= (int)x->n)
        return -1;
    int32_t m = x->ti[k].mention;
    return m >= 0 && mention_last(x, m) - 1 == k ? m : -1;
}

/* Skip connector tokens ("," "and" "or") from k in direction dir; returns the new k. */
static int skip_connectors(const sent_ctx *x, int k, int dir, int lo, int hi)
{
    int moved = 0;
    while (k >= lo && k < hi && (x->ti[k].cls & W_CONJ) && x->ti[k].mention < 0) {
        k += dir;
        moved = 1;
    }
    return moved ? k : -1;
}

/* Is token k (skipping adverbs) the start of a verb, auxiliary or verb occurrence? */
static int verb_follows(const sent_ctx *x, int k, int hi)
{
    while (k < hi && (x->ti[k].cls & (W_ADV | W_NEG)))
        k++;
    if (k >= hi)
        return 0;
    if ((x->ti[k].cls & (W_AUX | W_BE)) && strcmp(x->s->tokens[k].form, "'s") != 0)
        return 1;
    for (uint32_t i = 0; i < x->nocc; i++)
        if ((int)x->occ[i].start == k)
            return 1;
    const sr_token *t = &x->s->tokens[k];
    return t->upos == SR_UPOS_VERB || t->upos == SR_UPOS_AUX;
}

/* Skip up to three modifier words ("the evil awful") from k in direction dir. */
static int skip_modifiers(const sent_ctx *x, int k, int dir, int lo, int hi)
{
    for (int i = 0; i < 3 && k >= lo && k < hi; i++, k += dir) {
        const tokinfo *t = &x->ti[k];
        if (t->mention >= 0 || (t->cls & ~(uint32_t)(W_DET | W_NUM)) ||
            (t->word != SR_NOWORD && x->d->words[t->word].nverbs))
            break;
    }
    return k;
}

/* Does a coded verb follow at token k (after auxiliaries and adverbs)? */
static int coded_verb_follows(const sent_ctx *x, int k, int hi)
{
    while (k < hi && (x->ti[k].cls & (W_ADV | W_NEG | W_AUX | W_BE)) &&
           strcmp(x->s->tokens[k].form, "'s") != 0)
        k++;
    for (uint32_t i = 0; i < x->nocc; i++)
        if ((int)x->occ[i].start == k && x->occ[i].code)
            return 1;
    return 0;
}

/*
** Extend mention m to the compound "A, the B and m" leftwards (dir -1) or
** "m, B and the C" rightwards.
*/
static uint32_t compound(const sent_ctx *x, int32_t m, int dir, int lo, int hi, int32_t *out,
                         int stop_at_subject)
{
    uint32_t n = 0;
    int coordinated = 0;
    out[n++] = m;
    while (n < MAX_SIDE) {
        int edge = dir < 0 ? sr_mention_first(x, m) - 1 : mention_last(x, m);
        if (dir < 0)
            edge = skip_modifiers(x, edge, dir, lo, hi);
        int k = skip_connectors(x, edge, dir, lo, hi);
        int link_coord = 0;
        for (int j = edge; k >= 0 && j != k; j += dir)
            if (x->ti[j].cls & W_COORD)
                link_coord = 1;
        if (k >= 0 && dir > 0)
            k = skip_modifiers(x, k, dir, lo, hi);
        int32_t next = dir < 0 ? mention_at_end(x, k) : mention_at_start(x, k);
        if (k < 0 || next < 0)
            break;
        if (dir > 0 && coordinated)
            break; /* "X and Y, the ministries said": the list ended at Y */
        if (dir < 0 && (n == 1 ? !link_coord : link_coord))
            break; /* leftwards: "X, Y and m" */
        if (dir > 0 && stop_at_subject && verb_follows(x, mention_last(x, next), hi))
            break;
        if (dir < 0) {
            int before = skip_modifiers(x, sr_mention_first(x, next) - 1, -1, 0, hi);
            if (before >= 0 && (x->ti[before].cls & W_PREP) && !(x->ti[before].cls & W_SUBORD))
                break; /* "with three young children, and X": not a compound */
        }
        out[n++] = next;
        coordinated |= link_coord;
        m = next;
    }
    return coordinated ? n : 1; /* "X, Y said" is an apposition, not "X and Y" */
}

/* Is mention m governed by a preposition ("in Ukraine")? */
static int in_prep_phrase(const sent_ctx *x, int32_t m)
{
    /* "to the Air Force", "in Ukraine"; "after X attacked": a subordinator
       introduces a subject, not an object */
    int k = skip_modifiers(x, sr_mention_first(x, m) - 1, -1, 0, (int)x->n);
    return k >= 0 && (x->ti[k].cls & W_PREP) && !(x->ti[k].cls & W_SUBORD);
}

/* Is compound member m inside a prepositional phrase ("in Fornost and Gondor")? */
static int compound_in_prep_phrase(const sent_ctx *x, int32_t m, int lo, int *first)
{
    for (int link = 0;; link++) {
        *first = sr_mention_first(x, m);
        if (in_prep_phrase(x, m))
            return 1;
        int edge = skip_modifiers(x, *first - 1, -1, lo, *first);
        int k = skip_connectors(x, edge, -1, lo, *first);
        int32_t prev = mention_at_end(x, k);
        if (k < 0 || prev < 0)
            return 0;
        int coord = 0;
        for (int j = edge; j > k; j--)
            coord |= (x->ti[j].cls & W_COORD) != 0;
        if (link == 0 && !coord)
            return 0; /* "In Washington, Trump ...": not one phrase */
        m = prev;
    }
}

/* The occurrence before o in the same clause, or NULL. */
static const occ *prev_in_clause(const sent_ctx *x, const occ *o)
{
    if (o == x->occ)
        return NULL;
    const occ *p = o - 1;
    return x->ti[p->head].clause == x->ti[o->head].clause ? p : NULL;
}

/* Is token k a plain word: no function word, actor or verb of the dictionary found? */
static int plain_word(const sent_ctx *x, int k, int lo)
{
    if (k < lo || x->ti[k].cls != 0 || x->ti[k].mention >= 0)
        return 0;
    for (uint32_t i = 0; i < x->nocc; i++)
        if (x->occ[i].head == (uint32_t)k)
            return 0;
    return 1;
}

/*
** Does a plain noun phrase (no actor) stand just before o, as its own
** subject ("the measure would hit", ", the opponent released")?  Not when
** it is inside a prepositional phrase ("during the night attacked").
*/
static int own_plain_subject(const sent_ctx *x, const occ *o, int lo)
{
    int k = (int)o->start - 1;
    while (k >= lo && (x->ti[k].cls & (W_ADV | W_NEG | W_AUX | W_BE)) && x->ti[k].mention < 0)
        k--;
    if (!plain_word(x, k, lo))
        return 0;
    int b = k - 1;
    for (int i = 0; i < 3 && plain_word(x, b, lo); i++)
        b--;
    if (b < lo)
        return 1;
    if (x->ti[b].mention >= 0 || ((x->ti[b].cls & W_DET) && (x->ti[b].cls & W_BE)))
        return 0; /* "Calenardhon crowds", "Eriador's death toll": the actor's */
    if (x->ti[b].cls & W_DET)
        b--;
    return !(b >= lo && (x->ti[b].cls & W_PREP));
}

/*
** The subject of occurrence o: the nearest actor before it in its clause
** and after the previous verb, not inside a prepositional phrase.  An
** actor separated from the verb by "and" is the object of the previous
** verb ("X met Y and signed"), so the previous verb's subject is used.
*/
static uint32_t find_subject(const sent_ctx *x, const occ *o, int lo, int32_t *out)
{
    const occ *prev = prev_in_clause(x, o);
    int from = prev ? (int)(prev->tend > prev->end ? prev->tend : prev->end) : lo;
    int32_t best = -1;
    size_t hl = strlen(x->s->tokens[o->head].form);
    if (prev && prev->nsrc && o->start > 0 && (x->ti[o->start - 1].cls & W_PUNCT) && hl > 4 &&
        strcmp(x->s->tokens[o->head].form + hl - 3, "ing") == 0) {
        memcpy(out, prev->src, prev->nsrc * sizeof *out); /* "X hit Y, killing four" */
        return prev->nsrc;
    }
    for (int k = (int)o->start - 1; k >= from; k--) {
        int32_t m = x->ti[k].mention;
        if (m < 0)
            continue;
        int f = sr_mention_first(x, m);
        if (f < from)
            break;
        if (!compound_in_prep_phrase(x, m, from, &f)) {
            best = m;
            break;
        }
        k = f;
    }
    if (best >= 0 && own_plain_subject(x, o, sr_mention_first(x, best)))
        return 0; /* "According to X, the opponent released ..." */
    if (best >= 0 && prev && prev->nsrc) {
        for (int k = mention_last(x, best); k < (int)o->start; k++)
            if (x->ti[k].cls & W_COORD) {
                best = -1;
                break;
            }
    }
    if (best < 0 && prev && prev->nsrc) {
        for (int k = (int)prev->end; k < (int)o->start; k++)
            if (x->ti[k].cls & (W_SUBORD | W_RELCL))
                return 0; /* "... after crowds trashed": not the earlier subject */
        if (own_plain_subject(x, o, from))
            return 0; /* "X said the measure would hit Y" */
    }
    if (best < 0) {
        if (prev && prev->nsrc) {
            memcpy(out, prev->src, prev->nsrc * sizeof *out);
            return prev->nsrc;
        }
        return 0;
    }
    return compound(x, best, -1, lo, (int)o->start, out, 0);
}

/* Is token j an nsubj or nsubj:pass dependent of token k? */
static int is_subject_of(const sent_ctx *x, uint32_t j, uint32_t k)
{
    const sr_token *t = &x->s->tokens[j];
    return t->head == (int32_t)k + 1 && t->deprel &&
           (strcmp(t->deprel, "nsubj") == 0 || strcmp(t->deprel, "nsubj:pass") == 0);
}

/* Does token k have a subject dependent? */
static int has_subject(const sent_ctx *x, uint32_t k)
{
    for (uint32_t j = 0; j < x->n; j++)
        if (is_subject_of(x, j, k))
            return 1;
    return 0;
}

/* The actor mention covering a subject dependent of token k, or -1. */
static int32_t subject_mention(const sent_ctx *x, uint32_t k)
{
    for (uint32_t j = 0; j < x->n; j++)
        if (x->ti[j].mention >= 0 && is_subject_of(x, j, k))
            return x->ti[j].mention;
    return -1;
}

/*
** The subject of a verb conjoined to an earlier one that has no subject
** of its own ("X accused Y of ... and warned that ..."): the parse says
** the subject is X, where the nearest actor before the verb is Y.  Follows
** conj links to the first verb with a subject; -1 when the sentence is not
** parsed, token k is no such verb, or that subject is no actor.
*/
static int32_t conj_subject(const sent_ctx *x, uint32_t k)
{
    if (!x->parsed || has_subject(x, k))
        return -1;
    for (uint32_t steps = 0; steps < x->n; steps++) {
        const sr_token *t = &x->s->tokens[k];
        if (!t->deprel || strcmp(t->deprel, "conj") != 0 || t->head <= 0)
            return -1;
        k = (uint32_t)t->head - 1;
        if (has_subject(x, k))
            return subject_mention(x, k);
    }
    return -1; /* a cycle: malformed parse */
}

/* Is mention m a pronoun or title that refers back to one of the mentions in src? */
static int refers_to(const sent_ctx *x, int32_t m, const int32_t *src, uint32_t nsrc)
{
    const sr_mention *mm = &x->in->mentions[m];
    if (mm->kind != SR_MENTION_PRONOUN && mm->kind != SR_MENTION_TITLE)
        return 0;
    for (uint32_t i = 0; i < nsrc; i++) {
        const sr_mention *s = &x->in->mentions[src[i]];
        if (mm->antecedent == src[i] || (mm->entity && s->entity && !strcmp(mm->entity, s->entity)))
            return 1;
    }
    return 0;
}

/*
** The object of occurrence o: the first actor after the verb in its
** clause, before the next verb, unless that actor is the subject of a
** following verb ("X said Y attacked Z": Y is not the object of "said").
*/
static uint32_t find_object(const sent_ctx *x, const occ *o, int hi, const int32_t *src,
                            uint32_t nsrc, int32_t *out)
{
    int stop = hi;
    for (const occ *p = o + 1; p < x->occ + x->nocc; p++)
        if ((int)p->start >= (int)o->end) {
            if ((int)p->start < stop)
                stop = (int)p->start;
            break;
        }
    for (int k = (int)o->end; k < stop; k++) {
        if ((x->ti[k].cls & W_SUBORD) &&
            (!(x->ti[k].cls & W_PREP) || (k > 0 && (x->ti[k - 1].cls & W_PUNCT))))
            return 0; /* "when X...", "told reporters on Wednesday, after X...": an adjunct */
        int32_t m = mention_at_start(x, k);
        if (m < 0)
            continue;
        if (!o->phrase_target && sr_mention_first(x, m) < (int)o->tend &&
            mention_last(x, m) >= (int)o->tend)
            continue; /* "send American troops": part of the phrase, not its target */
        if (refers_to(x, m, src, nsrc))
            continue; /* "X wondered whether he ...": X again */
        if (coded_verb_follows(x, mention_last(x, m), hi))
            return 0;
        return compound(x, m, 1, 0, stop, out, 1);
    }
    return 0;
}

/* The agent of a passive: the actor after "by" following the verb. */
static uint32_t find_agent(const sent_ctx *x, const occ *o, int hi, int32_t *out)
{
    for (int k = (int)o->end; k + 1 < hi; k++) {
        if ((x->ti[k].cls & W_BY) && mention_at_start(x, k + 1) >= 0)
            return compound(x, mention_at_start(x, k + 1), 1, 0, hi, out, 1);
        for (const occ *p = o + 1; p < x->occ + x->nocc; p++)
            if ((int)p->start == k)
                return 0;
    }
    return 0;
}

/* Is occurrence o a passive participle ("was attacked")? */
static int is_passive(const sent_ctx *x, const occ *o)
{
    const sr_token *t = &x->s->tokens[o->head];
    size_t n = strlen(t->form);
    if (n > 3 && strcmp(t->form + n - 3, "ing") == 0)
        return 0;
    if (t->xpos && strcmp(t->xpos, "VBN") != 0)
        return 0;
    int k = (int)o->start - 1;
    for (int skipped = 0; k >= 0 && skipped < 2 && (x->ti[k].cls & (W_ADV | W_NEG)); skipped++)
        k--;
    return k >= 0 && (x->ti[k].cls & W_BE) && strcmp(x->s->tokens[k].form, "'s") != 0;
}

/*
** Is occurrence o negated or not a fact of its own?  "did not attack",
** "no longer supports", "never met" (negation just before the verb, unless
** the pattern itself spells it out), "refused to attack", "failed to meet",
** and infinitives of a coded verb ("urged X to attack", "agreed to meet").
*/
static int is_negated(const sent_ctx *x, const occ *o, int lo)
{
    int from = (int)o->start - 4 < lo ? lo : (int)o->start - 4;
    for (int k = from; k < (int)o->start; k++)
        if ((x->ti[k].cls & W_NEG) && (k < (int)o->tstart || k >= (int)o->tend) &&
            x->ti[k].mention < 0)
            return 1;
    int k = (int)o->start - 1;
    while (k >= lo && (x->ti[k].cls & W_ADV))
        k--;
    if (k < lo || !(x->ti[k].cls & W_TO) || (k >= (int)o->tstart && k < (int)o->tend))
        return 0;
    if (k - 1 >= lo && (x->ti[k - 1].cls & W_NEGGOV))
        return 1;
    const occ *prev = prev_in_clause(x, o);
    return prev && prev->code && !prev->dropped;
}

/* The speaker of the quotation around token k: "...," X said / said X / X said: "..." */
/* The mention of sentence si that starts at token k, or -1. */
static int32_t doc_mention_at(const sent_ctx *x, size_t si, uint32_t k)
{
    for (size_t m = 0; m < x->in->nmentions; m++) {
        const sr_mention *mm = &x->in->mentions[m];
        if (mm->sentence == si && mm->first == k && mm->code && mm->last > mm->first &&
            mm->last <= x->in->sentences[si].ntokens)
            return (int32_t)m;
    }
    return -1;
}

/*
** A quotation still open at the end of the sentence: the speaker named
** after its closing mark in one of the next three sentences
** ("\"... support. Our priority is peace,\" he wrote").
*/
static int32_t speaker_in_later_sentence(const sent_ctx *x)
{
    for (size_t si = x->si + 1; si < x->in->nsentences && si <= x->si + 3; si++) {
        const sr_sentence *s = &x->in->sentences[si];
        uint32_t q = 0;
        while (q < s->ntokens && s->tokens[q].form && !(word_class(s->tokens[q].form) & W_QUOTE))
            q++;
        if (q == s->ntokens)
            continue;
        if (!s->tokens[q].form || quote_opens_in(s, q))
            return -1;
        uint32_t j = q + 1;
        while (j < s->ntokens && s->tokens[j].form && (word_class(s->tokens[j].form) & W_PUNCT))
            j++;
        if (j >= s->ntokens || !s->tokens[j].form)
            return -1;
        int32_t m = doc_mention_at(x, si, j);
        if (m >= 0) {
            uint32_t e = x->in->mentions[m].last;
            return e < s->ntokens && s->tokens[e].form && (word_class(s->tokens[e].form) & W_SPEECH)
                       ? m
                       : -1;
        }
        if (!(word_class(s->tokens[j].form) & W_SPEECH))
            return -1;
        j++;
        while (j < s->ntokens && s->tokens[j].form && (word_class(s->tokens[j].form) & W_DET))
            j++;
        return j < s->ntokens ? doc_mention_at(x, si, j) : -1;
    }
    return -1;
}

static int32_t quote_speaker(const sent_ctx *x, uint32_t k)
{
    int open = (int)k, close = (int)k;
    while (open >= 0 && !(x->ti[open].cls & W_QUOTE))
        open--;
    while (close < (int)x->n && !(x->ti[close].cls & W_QUOTE))
        close++;
    if (close < (int)x->n) {
        int j = close + 1;
        while (j < (int)x->n && (x->ti[j].cls & W_PUNCT))
            j++;
        int32_t m = mention_at_start(x, j);
        if (m >= 0) {
            int e = mention_last(x, m);
            while (e < (int)x->n && (x->ti[e].cls & W_ADV))
                e++;
            if (e < (int)x->n && (x->ti[e].cls & W_SPEECH))
                return m;
        } else if (j < (int)x->n && (x->ti[j].cls & W_SPEECH)) {
            int k = skip_modifiers(x, j + 1, 1, 0, (int)x->n);
            if ((m = mention_at_start(x, k)) >= 0)
                return m;
        }
    }
    if (open > 0) {
        int j = open - 1;
        if (j >= 0 && ((x->ti[j].cls & W_PUNCT) || strcmp(x->s->tokens[j].form, ":") == 0))
            j--;
        if (j >= 0 && (x->ti[j].cls & W_SPEECH)) {
            j--;
            while (j >= 0 && (x->ti[j].cls & W_ADV))
                j--;
            return mention_at_end(x, j);
        }
    }
    if (close >= (int)x->n)
        return speaker_in_later_sentence(x);
    return -1;
}

/*
** May the speaker of a quotation be the subject of occurrence o?  Only when
** the verb has no subject of its own in the quotation, or "I"/"we": not in
** "while it bombs our cities" or "the enemy deliberately targeted".
*/
static int speaker_may_be_subject(const sent_ctx *x, const occ *o, int lo)
{
    int k = (int)o->start - 1;
    while (k >= lo && (x->ti[k].cls & (W_ADV | W_NEG | W_AUX | W_BE)) && x->ti[k].mention < 0)
        k--;
    if (k < lo || (x->ti[k].cls & (W_QUOTE | W_PUNCT | W_COORD)))
        return 1;
    const char *f = x->s->tokens[k].form;
    return strcmp(f, "I") == 0 || strcmp(f, "we") == 0 || strcmp(f, "We") == 0;
}

/* ------------------------------------------------------------------ */
/* Events.                                                            */

static void actor_from_mention(const sr_mention *m, sr_actor *a)
{
    a->code = m->code;
    a->name = m->name;
    a->entity = m->entity;
    a->span = m->span;
}

static void push_event(sent_ctx *x, const occ *o, const char *code, int32_t src, int32_t tgt)
{
    const sr_mention *ms = &x->in->mentions[src];
    const sr_mention *mt = tgt >= 0 ? &x->in->mentions[tgt] : NULL;
    if (mt && strcmp(ms->code, mt->code) == 0)
        return; /* an actor acting on itself ("Moscow said Russia ...") is no event */
    ev_vec *v = x->out;
    for (size_t i = x->first_event; i < v->n; i++) {
        const sr_event *e = &v->v[i];
        if (strcmp(e->cameo, code) == 0 && e->source.span.start == ms->span.start &&
            (mt ? e->target.code && e->target.span.start == mt->span.start : !e->target.code))
            return;
    }
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
    e->sentence = x->si;
    actor_from_mention(ms, &e->source);
    if (mt)
        actor_from_mention(mt, &e->target);
    e->cameo = code;
    const sr_cameo *c = sr_ontology_get(x->c->onto, code);
    e->plover = c ? c->plover : NULL;
    e->plover_mode = c ? c->mode : NULL;
    e->quad_class = c ? c->quad_class : sr_code_quad_of_root(code);
    e->goldstein = c ? c->goldstein : 0.0;
    e->trigger.start = x->s->tokens[o->tstart].start;
    e->trigger.end = x->s->tokens[o->tend - 1].end;
    e->rule = o->rule;
}

/* Resolve the actors of occurrence o and emit its events. */
static void code_occurrence(sent_ctx *x, occ *o)
{
    int lo, hi;
    clause_bounds(x, o->head, &lo, &hi);
    int32_t src[MAX_SIDE], tgt[MAX_SIDE];
    uint32_t ns = 0, nt = 0;
    o->passive = (uint8_t)is_passive(x, o);
    if (o->passive) {
        nt = find_subject(x, o, lo, tgt);
        ns = find_agent(x, o, hi, src);
    } else {
        ns = find_subject(x, o, lo, src);
        int32_t cs = conj_subject(x, o->head);
        if (cs >= 0)
            ns = compound(x, cs, -1, 0, (int)o->start, src, 0);
        nt = find_object(x, o, hi, src, ns, tgt);
    }
    if (o->slot_src >= 0)
        ns = compound(x, o->slot_src, -1, lo, hi, src, 0);
    if (o->slot_tgt >= 0)
        nt = compound(x, o->slot_tgt, 1, lo, hi, tgt, 1);
    if (!ns && x->ti[o->head].quote && speaker_may_be_subject(x, o, lo)) {
        int32_t sp = quote_speaker(x, o->head);
        if (sp >= 0)
            src[ns++] = sp;
    }
    o->nsrc = o->passive ? 0 : ns;
    memcpy(o->src, src, ns * sizeof *src);
    o->dropped = (uint8_t)is_negated(x, o, lo);
    if ((!o->code && !o->code2) || o->dropped || !ns)
        return;
    for (uint32_t i = 0; i < ns; i++) {
        if (nt == 0 && o->mutual && ns > 1) {
            for (uint32_t j = 0; j < ns; j++)
                if (j != i && o->code)
                    push_event(x, o, o->code, src[i], src[j]);
            continue;
        }
        if (nt == 0 && o->code)
            push_event(x, o, o->code, src[i], -1);
        for (uint32_t j = 0; j < nt; j++) {
            if (tgt[j] == src[i])
                continue;
            if (o->code)
                push_event(x, o, o->code, src[i], tgt[j]);
            if (o->code2)
                push_event(x, o, o->code2, tgt[j], src[i]);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Documents.                                                         */

/* Does every token of s have a head within the sentence (a dependency parse)? */
static int sentence_parsed(const sr_sentence *s)
{
    for (uint32_t k = 0; k < s->ntokens; k++)
        if (s->tokens[k].head < 0 || s->tokens[k].head > (int32_t)s->ntokens)
            return 0;
    return 1;
}

/* Does every token of s have a form?  (The segmenter always gives one.) */
static int forms_present(const sr_sentence *s)
{
    for (uint32_t k = 0; k < s->ntokens; k++)
        if (!s->tokens[k].form)
            return 0;
    return 1;
}

void sr_coder_code_shallow(const sr_coder *c, const sr_code_input *in, sr_arena *a,
                           sr_event **events, size_t *nevents)
{
    ev_vec out = {NULL, 0, 0};
    uint32_t maxn = 0;
    for (size_t s = 0; s < in->nsentences; s++)
        if (in->sentences[s].ntokens > maxn)
            maxn = in->sentences[s].ntokens;
    *events = NULL;
    *nevents = 0;
    if (!c || !maxn)
        return;
    sent_ctx x = {c, c->dict, in, NULL, 0, 0, NULL, NULL, 0, a, &out, 0, 0};
    x.ti = sr_arena_alloc(a, maxn * sizeof *x.ti);
    x.occ = sr_arena_alloc(a, maxn * sizeof *x.occ);
    size_t m = 0;
    for (size_t s = 0; s < in->nsentences; s++) {
        size_t m0, m1;
        m = sr_code_sentence_mentions(in, s, m, &m0, &m1);
        x.s = &in->sentences[s];
        x.si = (uint32_t)s;
        x.n = x.s->ntokens;
        x.nocc = 0;
        x.first_event = out.n;
        if (!x.n || !forms_present(x.s))
            continue;
        x.parsed = sentence_parsed(x.s);
        prepare_tokens(&x, m0, m1);
        find_verbs(&x);
        for (uint32_t i = 0; i < x.nocc; i++)
            code_occurrence(&x, &x.occ[i]);
    }
    *events = out.v;
    *nevents = out.n;
}
