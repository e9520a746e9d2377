/*
** match.c: finding lexicon entries and their phrases in a sentence.
**
** A token is a form of an entry (verb or event noun) by its lower-cased
** form, else by its lemma.  The entry's patterns are tried heaviest first;
** a pattern's words must follow (or precede) the head in order, each next
** to the previous one unless the pattern allows a gap, and a gap never
** crosses another verb.  In sitrep's own lexicon adverbs may stand
** anywhere inside a phrase ("called immediately for").  PETRARCH patterns
** may also hold actor slots ($ source, + target, % compound) and "^", a
** noun phrase passed over (an actor mention, else a noun or pronoun).
*/
#include "code/code_internal.h"

#include <string.h>

static int word_matches(const match_ctx *m, uint32_t k, uint32_t id)
{
    const tokinfo *t = &m->ti[k];
    return t->word == id || (m->d->inflect && t->base == id);
}

/*
** Length of a match of element e that ends (dir < 0) or starts (dir > 0)
** at token k, within tokens [lo, hi); 0 when it does not match.  An actor
** slot stores the mention in *mention.
*/
static uint32_t elem_match(const match_ctx *m, const sr_pat_elem *e, int k, int dir, int lo, int hi,
                           int32_t *mention)
{
    const sr_verbdict *d = m->d;
    switch (e->kind) {
    case SR_PAT_WORD:
        return word_matches(m, (uint32_t)k, e->id);
    case SR_PAT_SYNSET: {
        const sr_synset *s = &d->synsets[e->id];
        for (uint32_t p = 0; p < s->nphrase; p++) {
            const sr_phrase *ph = &d->phrases[s->phrase + p];
            int first = dir > 0 ? k : k - (int)ph->len + 1;
            if (first < lo || first + (int)ph->len > hi)
                continue;
            uint32_t i = 0;
            while (i < ph->len && word_matches(m, (uint32_t)first + i, d->words_of[ph->start + i]))
                i++;
            if (i == ph->len)
                return ph->len;
        }
        return 0;
    }
    case SR_PAT_SKIP: {
        /* a noun phrase TABARI passes over: an actor mention, else a noun or pronoun
           (any word when the tagger did not run) */
        int32_t mi = m->ti[k].mention;
        if (mi >= 0) {
            int f = (int)m->mentions[mi].first, l = (int)m->mentions[mi].last;
            if ((dir > 0 && f != k) || (dir < 0 && l - 1 != k) || f < lo || l > hi)
                return 0;
            return (uint32_t)(l - f);
        }
        int u = m->tokens ? m->tokens[k].upos : SR_UPOS_NONE;
        return u == SR_UPOS_NONE || u == SR_UPOS_NOUN || u == SR_UPOS_PROPN || u == SR_UPOS_PRON;
    }
    default: {
        int32_t mi = m->ti[k].mention;
        if (mi < 0)
            return 0;
        int f = (int)m->mentions[mi].first, l = (int)m->mentions[mi].last;
        if ((dir > 0 && f != k) || (dir < 0 && l - 1 != k) || f < lo || l > hi)
            return 0;
        *mention = mi;
        return (uint32_t)(l - f);
    }
    }
}

/* Where a pattern's words and actors fell in the sentence. */
typedef struct pat_hit {
    int tmin, tmax;         /* extent of matched words */
    int32_t src, tgt, comp; /* mentions in actor slots, -1 */
} pat_hit;

/* Match n elements outward from token `from` in direction dir. */
static int match_side(const match_ctx *m, const sr_pat_elem *els, uint32_t n, int from, int dir,
                      int lo, int hi, pat_hit *h)
{
    int pos = from;
    for (uint32_t i = 0; i < n; i++) {
        const sr_pat_elem *e = &els[i];
        int maxgap = e->gap == SR_GAP_ANY ? hi - lo : e->gap;
        if (m->d->inflect) /* sitrep's lexicon: adverbs may always stand between */
            while (pos >= lo && pos < hi && m->ti[pos].adv && m->ti[pos].mention < 0 &&
                   !(e->kind == SR_PAT_WORD && word_matches(m, (uint32_t)pos, e->id)))
                pos += dir;
        int found = 0;
        for (int g = 0; g <= maxgap; g++) {
            int k = pos + dir * g;
            if (k < lo || k >= hi)
                break;
            int32_t mi = -1;
            uint32_t len = elem_match(m, e, k, dir, lo, hi, &mi);
            if (!len && m->ti[k].verb_head)
                break; /* words between may not cross another verb */
            if (!len)
                continue;
            int first = dir > 0 ? k : k - (int)len + 1, last = first + (int)len - 1;
            if (e->kind == SR_PAT_SKIP) {
                /* passed over: neither a word of the trigger nor an actor */
            } else if (e->kind == SR_PAT_WORD || e->kind == SR_PAT_SYNSET) {
                if (first < h->tmin)
                    h->tmin = first;
                if (last > h->tmax)
                    h->tmax = last;
            } else if (e->kind == SR_PAT_SOURCE) {
                h->src = mi;
            } else if (e->kind == SR_PAT_TARGET || dir > 0) {
                h->tgt = mi; /* "+", or "%" after the verb */
            } else {
                h->comp = mi; /* "%" before the verb */
            }
            pos = dir > 0 ? last + 1 : first - 1;
            found = 1;
            break;
        }
        if (!found)
            return 0;
    }
    return 1;
}

void sr_match_code(const match_ctx *m, const sr_verb *v, uint32_t start, uint32_t end, int lo,
                   int hi, phrase_hit *out)
{
    const sr_verbdict *d = m->d;
    const sr_group *g = &d->groups[v->group];
    memset(out, 0, sizeof *out);
    out->slot_src = out->slot_tgt = -1;
    out->tstart = start;
    out->tend = end;
    for (uint32_t p = 0; p < g->npattern; p++) {
        const sr_pattern *pat = &d->patterns[g->pattern + p];
        pat_hit h = {(int)start, (int)end - 1, -1, -1, -1};
        if (!match_side(m, d->elems + pat->pre, pat->npre, (int)start - 1, -1, lo, hi, &h) ||
            !match_side(m, d->elems + pat->post, pat->npost, (int)end, 1, lo, hi, &h))
            continue;
        out->code = pat->code;
        out->code2 = pat->code2;
        out->rule = pat->rule;
        out->mutual = pat->mutual;
        out->phrase_target = pat->target;
        out->matched_pattern = 1;
        out->tstart = (uint32_t)h.tmin;
        out->tend = (uint32_t)h.tmax + 1;
        out->slot_src = h.src >= 0 ? h.src : h.comp;
        out->slot_tgt = h.tgt;
        out->preps = pat->npreps ? d->words_of + pat->preps : NULL;
        out->npreps = pat->npreps;
        out->spreps = pat->nspreps ? d->words_of + pat->spreps : NULL;
        out->nspreps = pat->nspreps;
        return;
    }
    out->code = v->code;
    out->code2 = v->code2;
    out->rule = v->rule;
    out->mutual = v->mutual;
    out->preps = v->npreps ? d->words_of + v->preps : NULL;
    out->npreps = v->npreps;
    out->spreps = v->nspreps ? d->words_of + v->spreps : NULL;
    out->nspreps = v->nspreps;
}

int sr_match_particles(const match_ctx *m, const sr_verb *v, uint32_t k)
{
    const sr_verbdict *d = m->d;
    if (k < v->npre || k + 1 + v->npost > m->n)
        return 0;
    for (uint32_t i = 0; i < v->npre; i++)
        if (m->ti[k - 1 - i].word != d->words_of[v->pre + i])
            return 0;
    for (uint32_t i = 0; i < v->npost; i++)
        if (m->ti[k + 1 + i].word != d->words_of[v->post + i])
            return 0;
    return 1;
}

const uint32_t *sr_match_entries(const match_ctx *m, uint32_t k, uint32_t *n)
{
    const sr_verbdict *d = m->d;
    const tokinfo *t = &m->ti[k];
    *n = 0;
    if (t->word != SR_NOWORD && d->words[t->word].nverbs) {
        *n = d->words[t->word].nverbs;
        return d->form_verbs + d->words[t->word].verbs;
    }
    if (t->base != SR_NOWORD && d->words[t->base].nverbs) {
        *n = d->words[t->base].nverbs;
        return d->form_verbs + d->words[t->base].verbs;
    }
    return NULL;
}

int sr_code_quad_of_root(const char *code)
{
    if (!code || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9')
        return 0;
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    if (root < 1 || root > 20)
        return 0;
    return root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
}

size_t sr_code_sentence_mentions(const sr_code_input *in, size_t s, size_t from, size_t *m0,
                                 size_t *m1)
{
    size_t a = from;
    while (a < in->nmentions && in->mentions[a].sentence < s)
        a++;
    size_t b = a;
    while (b < in->nmentions && in->mentions[b].sentence == s)
        b++;
    *m0 = a;
    *m1 = b;
    return b;
}
