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
** Entries may ask for a noun class (WordNet's, src/dict/nounclass.h): a
** word of the phrase ("@location") or an argument of the predicate
** ("obj:person", "with:group").
*/
#include "code/code_internal.h"

#include <ctype.h>
#include <string.h>

#include "util/util.h"

static int word_matches(const match_ctx *m, uint32_t k, uint32_t id)
{
    const tokinfo *t = &m->ti[k];
    return t->word == id || (m->d->inflect && t->base == id);
}

/* Is token k an actor, a noun, a proper noun or a pronoun: a word that can name a thing? */
static int is_nominal(const match_ctx *m, uint32_t k)
{
    int u = m->tokens[k].upos;
    return m->ti[k].mention >= 0 || u == SR_UPOS_NOUN || u == SR_UPOS_PROPN || u == SR_UPOS_PRON;
}

/* WordNet's classes of token k's lemma (else its form), lower-cased. */
static uint32_t lemma_classes(const match_ctx *m, uint32_t k)
{
    const sr_token *t = &m->tokens[k];
    const char *w = t->lemma ? t->lemma : t->form;
    char buf[SR_WORD_MAX + 1];
    size_t n = w ? sr_dict_lower(w, strlen(w), buf) : 0;
    return n ? sr_nounclass_get(m->nc, buf, n) : 0;
}

/* The value of a number written in digits ("1,200", "700"), or -1. */
static long digits_value(const char *w)
{
    long v = 0;
    int any = 0;
    for (; *w; w++) {
        if (*w == ',')
            continue;
        if (*w < '0' || *w > '9' || v > 100000000L)
            return -1;
        v = v * 10 + (*w - '0');
        any = 1;
    }
    return any ? v : -1;
}

/* Is the word a count in the hundreds or more ("hundreds", "thousands")? */
static int multitude_word(const char *w)
{
    static const char *const WORDS[] = {"hundreds", "thousands", "millions", NULL};
    return w && sr_word_in(w, WORDS);
}

#define MULTITUDE_MIN 200 /* a count from which a killing is a mass killing (CAMEO 202) */

/*
** Is token k a multitude (SR_NC_MULTITUDE): "hundreds", "thousands", or a
** noun with a number of at least MULTITUDE_MIN ("about 1,200 people")?
*/
static int multitude(const match_ctx *m, uint32_t k)
{
    if (multitude_word(m->tokens[k].form))
        return 1;
    for (uint32_t j = 0; j < m->n; j++) {
        const sr_token *t = &m->tokens[j];
        if (t->head == (int32_t)k + 1 && t->deprel && strcmp(t->deprel, "nummod") == 0 &&
            (multitude_word(t->form) || digits_value(t->form) >= MULTITUDE_MIN))
            return 1;
    }
    return 0;
}

/*
** The noun classes token k stands for (docs/verb-format.md, part 1): an
** actor the knowledge base names is a person or a group, and a location
** too when it is a bare country or WordNet files its word under places; a
** pronoun is a person; a noun has its lemma's WordNet classes; a proper
** noun has WordNet's person, group and location classes of its word, and
** when it has none ("Xi" is a Greek letter there) may be any of the three.
*/
static uint32_t word_classes(const match_ctx *m, uint32_t k)
{
    const uint32_t person = SR_NC_BIT(SR_NC_PERSON), group = SR_NC_BIT(SR_NC_GROUP),
                   place = SR_NC_BIT(SR_NC_LOCATION);
    int32_t mi = m->ti[k].mention;
    if (mi >= 0 && (uint32_t)mi < m->nmentions) {
        const sr_mention *mm = &m->mentions[mi];
        if (mm->kind == SR_MENTION_PRONOUN)
            return person;
        const char *code = mm->code;
        int country = code && strlen(code) == 3 && isupper((unsigned char)code[0]) &&
                      isupper((unsigned char)code[1]) && isupper((unsigned char)code[2]);
        return person | group | (country ? place : 0) | (lemma_classes(m, k) & place);
    }
    switch (m->tokens[k].upos) {
    case SR_UPOS_PRON:
        return person;
    case SR_UPOS_NOUN:
        return lemma_classes(m, k);
    case SR_UPOS_PROPN: {
        uint32_t c = lemma_classes(m, k) & (person | group | place);
        return c ? c : person | group | place;
    }
    default:
        return 0;
    }
}

/*
** Which of the classes want token k has: its word's (above), and a
** multitude's by its count, looked for only when asked (it scans the
** sentence for the token's number).
*/
static uint32_t token_classes(const match_ctx *m, uint32_t k, uint32_t want)
{
    uint32_t c = word_classes(m, k);
    if ((want & SR_NC_BIT(SR_NC_MULTITUDE)) && (c || is_nominal(m, k)) && multitude(m, k))
        c |= SR_NC_BIT(SR_NC_MULTITUDE);
    return c & want;
}

/* Is word j a case marker ("with") of token k that is preposition prep? */
static int case_of(const match_ctx *m, uint32_t j, uint32_t k, uint32_t prep)
{
    const sr_token *t = &m->tokens[j];
    return t->head == (int32_t)k + 1 && t->deprel && strcmp(t->deprel, "case") == 0 &&
           (m->ti[j].word == prep || m->ti[j].base == prep);
}

/*
** Has token parent a dependent of the constraint's classes that the
** constraint's preposition introduces (an obl or nmod with it as case)?
*/
static int prep_argument_holds(const match_ctx *m, int32_t parent, const sr_argcons *ac)
{
    for (uint32_t k = 0; k < m->n; k++) {
        const sr_token *t = &m->tokens[k];
        if (t->head != parent + 1 || !t->deprel ||
            (strncmp(t->deprel, "obl", 3) != 0 && strncmp(t->deprel, "nmod", 4) != 0) ||
            strcmp(t->deprel, "nmod:poss") == 0)
            continue;
        uint32_t j = 0;
        while (j < m->n && !case_of(m, j, k, ac->prep))
            j++;
        if (j < m->n && token_classes(m, k, ac->mask))
            return 1;
    }
    return 0;
}

/*
** Does the predicate at m->head have an argument of the constraint's
** classes: its direct object (or passive subject: "the demands were met",
** or the noun a past participle modifies: "the ships captured"),
** or the object of the preposition on it ("met with Xi": an obl, or an nmod
** of an event noun) or on its direct object, where the parser often hangs
** it ("celebrated the holiday with Putin")?
*/
static int constraint_holds(const match_ctx *m, const sr_argcons *ac)
{
    int32_t h1 = m->head + 1;
    /* a past participle modifying a noun has it as its object ("the ships captured in
       November") */
    const sr_token *ht = &m->tokens[m->head];
    if (ac->prep == SR_NOWORD && ht->head > 0 && ht->deprel && strcmp(ht->deprel, "acl") == 0 &&
        ht->xpos && strcmp(ht->xpos, "VBN") == 0 &&
        token_classes(m, (uint32_t)ht->head - 1, ac->mask))
        return 1;
    if (ac->prep != SR_NOWORD && prep_argument_holds(m, m->head, ac))
        return 1;
    for (uint32_t k = 0; k < m->n; k++) {
        const sr_token *t = &m->tokens[k];
        if (t->head != h1 || !t->deprel)
            continue;
        int object = strcmp(t->deprel, "obj") == 0;
        if (ac->prep != SR_NOWORD) {
            if (object && prep_argument_holds(m, (int32_t)k, ac))
                return 1;
        } else if ((object || strcmp(t->deprel, "nsubj:pass") == 0) &&
                   token_classes(m, k, ac->mask)) {
            return 1;
        }
    }
    return 0;
}

/* Do all the noun-class constraints of pattern pat hold (none: yes)? */
static int constraints_hold(const match_ctx *m, const sr_pattern *pat)
{
    if (!pat->ncons)
        return 1;
    for (uint32_t i = 0; i < pat->ncons; i++)
        if (!constraint_holds(m, &m->d->argcons[pat->cons + i]))
            return 0;
    return 1;
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
    case SR_PAT_CLASS: {
        /* a noun of the classes, or an actor mention of them (its whole span) */
        if (!is_nominal(m, (uint32_t)k) || !token_classes(m, (uint32_t)k, e->id))
            return 0;
        int32_t mi = m->ti[k].mention;
        if (mi < 0)
            return 1;
        int f = (int)m->mentions[mi].first, l = (int)m->mentions[mi].last;
        if ((dir > 0 && f != k) || (dir < 0 && l - 1 != k) || f < lo || l > hi)
            return 0;
        return (uint32_t)(l - f);
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
        int u = m->tokens[k].upos;
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
            if (!len && e->kind == SR_PAT_CLASS && is_nominal(m, (uint32_t)k))
                break; /* the first noun after a gap is the one whose class counts */
            if (!len)
                continue;
            int first = dir > 0 ? k : k - (int)len + 1, last = first + (int)len - 1;
            if (e->kind == SR_PAT_SKIP || e->kind == SR_PAT_CLASS) {
                /* passed over: neither a word of the trigger nor an actor (a class names
                   what the act is about, whose actors keep their roles) */
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
            !match_side(m, d->elems + pat->post, pat->npost, (int)end, 1, lo, hi, &h) ||
            !constraints_hold(m, pat))
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

int sr_code_force(const char *code)
{
    return code && ((code[0] == '1' && code[1] >= '8') || (code[0] == '2' && code[1] == '0'));
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
