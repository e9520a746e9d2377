/*
** speech.c: who speaks, and what a speaker reports.
**
** A speech verb whose content (ccomp, parataxis, or a quotation it
** attributes) holds a coded predicate codes nothing itself; the content's
** predicates take the speaker as their source when they name none, or
** when they name only the speaker's country ("Fico said Slovakia would not
** send weapons": SVKGOV).  What a speaker says another actor must do is
** the speaker's demand of it.  A quotation left open at the end of its
** sentence takes the speaker named after its closing mark in one of the
** next three sentences.
*/
#include "code/roles.h"
#include "code/tree.h"

#include <string.h>
#include <strings.h>

/* Is token k inside the subtree of token top? */
static int within(const tree_ctx *x, uint32_t k, uint32_t top)
{
    for (uint32_t steps = 0; steps <= x->n; steps++) {
        if (k == top)
            return 1;
        int g = sr_tr_head(x, k);
        if (g < 0)
            return 0;
        k = (uint32_t)g;
    }
    return 0;
}

/*
** Is predicate q part of what speech verb sp reports?  Its content is
** below it (ccomp, parataxis, a quotation it attributes), or, when the
** speech verb trails the report as its parataxis ("X attacked Y, the
** ministry said"), the clause it hangs from.
*/
static int in_content(const tree_ctx *x, const pred *sp, const pred *q)
{
    int up = sr_tr_head(x, sp->head);
    if (up >= 0 && up < (int)sp->head &&
        (sr_tr_rel(x, sp->head, "parataxis") || sr_tr_rel(x, sp->head, "ccomp") ||
         sr_tr_rel(x, sp->head, "conj")) &&
        sp->head > q->head && within(x, q->head, (uint32_t)up) && !within(x, q->head, sp->head))
        return 1;
    uint32_t k = q->head;
    for (uint32_t steps = 0; steps < x->n; steps++) {
        int g = sr_tr_head(x, k);
        if (g < 0)
            break;
        if ((uint32_t)g == sp->head)
            return sr_tr_rel(x, k, "ccomp") || sr_tr_rel(x, k, "parataxis") ||
                   sr_tr_rel(x, k, "xcomp") || sr_tr_rel(x, k, "obj") ||
                   (x->ti[k].quote && !x->ti[sp->head].quote);
        k = (uint32_t)g;
    }
    return x->ti[q->head].quote && !x->ti[sp->head].quote;
}

/* Is the actor code a bare country code that the speaker's code refines? */
static int speaker_refines(const sr_mention *speaker, const sr_mention *m)
{
    size_t n = strlen(m->code);
    return n == 3 && strcmp(m->code, "---") != 0 && strncmp(speaker->code, m->code, 3) == 0 &&
           strlen(speaker->code) > 3;
}

/* Does a word of mention m's name say which arm of a state it is ("a government spokesman")? */
static int names_sector(const tree_ctx *x, const sr_mention *m)
{
    if (m->sentence >= x->in->nsentences)
        return 0;
    const sr_sentence *s = &x->in->sentences[m->sentence];
    for (uint32_t k = m->first; k < m->last && k < s->ntokens; k++) {
        const sr_token *t = &s->tokens[k];
        if (sr_words_classes(x->c->words, t->lemma ? t->lemma : t->form) & SR_WC_SECTOR)
            return 1;
    }
    return 0;
}

/*
** "Hungary will not supply weapons, a government spokesman said": a speaker
** of a sector without a country (---GOV) speaks for the country the content
** names alone, which is then that country's sector (HUNGOV), when the
** speaker's name says which arm it is (class `sector`).  Returns the
** new mention, or m unchanged.
*/
static int32_t countryless_speaker(tree_ctx *x, int32_t speaker, int32_t m)
{
    const sr_mention *spk = sr_tr_mention(x, speaker), *src = sr_tr_mention(x, m);
    if (!spk->code || strncmp(spk->code, "---", 3) != 0 || strlen(spk->code) != 6 || !src->code ||
        strlen(src->code) != 3 || strcmp(src->code, "---") == 0)
        return m;
    if (strcmp(spk->code + 3, "GOV") != 0 && strcmp(spk->code + 3, "MIL") != 0)
        return m; /* civilians and crowds speak for no government */
    if (!names_sector(x, spk))
        return m; /* "a senior official said Arnor will ...": the act stays Arnor's */
    int32_t id = sr_tr_new_extra(x);
    sr_mention *own = &x->extra[id - (int32_t)x->in->nmentions];
    *own = *sr_tr_mention(x, m);
    own->code = sr_arena_printf(x->a, "%s%s", own->code, spk->code + 3);
    return id;
}

/* A verbal act (statement, appeal, intent, demand, criticism, rejection, threat)? */
static int verbal_act(const char *code)
{
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    return (root >= 1 && root <= 3) || (root >= 10 && root <= 13);
}

/* Is one of q's sources a speaker, or of a speaker's country ("Iran must respond", said Khamenei)?
 */
static int speakers_own(const tree_ctx *x, const pred *q, const int32_t *spk, uint32_t nspk)
{
    for (uint32_t i = 0; i < q->nsrc; i++)
        for (uint32_t j = 0; j < nspk; j++) {
            const char *a = sr_tr_mention(x, q->src[i])->code, *b = sr_tr_mention(x, spk[j])->code;
            if (q->src[i] == spk[j] ||
                (a && b && strncmp(a, "---", 3) != 0 && strncmp(a, b, 3) == 0))
                return 1;
        }
    return 0;
}

/*
** "Khamenei said the United States must lift all sanctions": what a speaker
** says another actor must do is the speaker's demand of that actor, coded
** by complement.txt as a demand (100) for that act (1054).
*/
static void demanded_of(tree_ctx *x, pred *q, const int32_t *spk, uint32_t nspk)
{
    memcpy(q->tgt, q->src, q->nsrc * sizeof *q->src);
    q->ntgt = q->nsrc;
    memcpy(q->src, spk, nspk * sizeof *spk);
    q->nsrc = nspk;
    q->src_inherited = 1;
    q->tgt_assumed = 0;
    q->modality = SR_MOD_ASSERTED;
    const char *code = "100", *rule = NULL;
    if (!sr_codemap_apply(x->c->compmap, "100", q->code, &code, &rule) || !code)
        code = "100";
    q->code = code;
    q->map_rule = rule;
    q->hit.mutual = 0;
}

/* Give the content predicates of speakers[] the speaker as source where they lack one. */
static int attribute_content(tree_ctx *x, const pred *sp, const int32_t *spk, uint32_t nspk)
{
    int coded = 0;
    for (uint32_t i = 0; i < x->npred; i++) {
        pred *q = &x->preds[i];
        if (q == sp || q->suppressed || !q->code || (sp && !in_content(x, sp, q)) ||
            sr_tr_rel(x, q->head, "amod"))
            continue; /* a participle modifying a noun ("the occupied territories") reports nothing
                       */
        if (!sp && !x->ti[q->head].quote)
            continue;
        /* "Putin declared that Russia struck Dnipro": force stays the country's, unless
           its armed forces say it ("..., the IDF confirmed": ISRMIL) */
        const char *sector = sr_tr_mention(x, spk[0])->sector;
        int force = ((q->code[0] == '1' && q->code[1] >= '8') || q->code[0] == '2') &&
                    !(sector && strcmp(sector, "MIL") == 0);
        if (q->obliged && q->nsrc && nspk && !speakers_own(x, q, spk, nspk)) {
            demanded_of(x, q, spk, nspk);
            coded = 1;
            continue;
        }
        if (q->nsrc == 1 && nspk == 1 && !(force && x->c->dict->inflect) &&
            speaker_refines(sr_tr_mention(x, spk[0]), sr_tr_mention(x, q->src[0]))) {
            q->src[0] = spk[0];
            q->src_inherited = 1;
        } else if (q->nsrc == 1 && nspk == 1 && x->c->dict->inflect) {
            q->src[0] = countryless_speaker(x, spk[0], q->src[0]);
        } else if (!q->nsrc && !q->passive && (!q->noun || verbal_act(q->code))) {
            memcpy(q->src, spk, nspk * sizeof *spk);
            q->nsrc = nspk;
            q->src_inherited = 1;
        }
        if (q->nsrc)
            coded = 1;
    }
    return coded;
}

/* The mention of sentence si covering token k, or -1. */
static int32_t mention_covering(const tree_ctx *x, size_t si, uint32_t k)
{
    for (size_t m = 0; m < x->in->nmentions; m++) {
        const sr_mention *mm = &x->in->mentions[m];
        if (mm->sentence == si && mm->first <= k && k < mm->last && mm->code)
            return (int32_t)m;
        if (mm->sentence > si)
            break;
    }
    return -1;
}

/*
** The speaker of a quotation open at the end of this sentence: in one of
** the next three sentences, a closing mark, then within three words a
** speech verb whose subject is an actor ("... peace, ”he wrote").
*/
static int32_t later_speaker(const tree_ctx *x)
{
    for (size_t si = x->si + 1; si < x->in->nsentences && si <= x->si + 3; si++) {
        const sr_sentence *s = &x->in->sentences[si];
        for (uint32_t q = 0; q < s->ntokens; q++) {
            const char *f = s->tokens[q].form;
            if (!f || !(strcmp(f, "\xe2\x80\x9d") == 0 || strcmp(f, "\"") == 0 ||
                        strcmp(f, "''") == 0 || strcmp(f, "\xc2\xbb") == 0))
                continue;
            for (uint32_t k = q + 1; k < s->ntokens && k <= q + 4; k++) {
                const char *l = s->tokens[k].lemma ? s->tokens[k].lemma : s->tokens[k].form;
                if (!l || !(sr_words_classes(x->c->words, l) & SR_WC_SPEECH))
                    continue;
                for (uint32_t c = 0; c < s->ntokens; c++)
                    if (s->tokens[c].head == (int32_t)k + 1 && s->tokens[c].deprel &&
                        strncmp(s->tokens[c].deprel, "nsubj", 5) == 0) {
                        int32_t m = mention_covering(x, si, c);
                        if (m >= 0)
                            return m;
                    }
                /* "he wrote ..., the head of X, Admiral Y": a pronoun named after */
                for (uint32_t c = k + 1; c < s->ntokens; c++) {
                    int32_t m = mention_covering(x, si, c);
                    if (m >= 0)
                        return m;
                }
                return -1;
            }
            return -1;
        }
    }
    return -1;
}

void sr_tr_speech(tree_ctx *x)
{
    int quoted_speaker_found = 0;
    for (uint32_t i = 0; i < x->npred; i++) {
        pred *sp = &x->preds[i];
        if (!sp->speech || !sp->nsrc || sp->passive)
            continue;
        if (!x->ti[sp->head].quote)
            quoted_speaker_found = 1;
        if (!attribute_content(x, sp, sp->src, sp->nsrc))
            continue;
        if (x->c->dict->inflect)
            sp->suppressed = 1;
        else
            sp->ntgt = 0; /* PETRARCH codes the saying too, its target being the report */
    }
    if (quoted_speaker_found || !x->ti[x->n - 1].quote)
        return;
    /* a quotation still open at the end of the sentence */
    int32_t spk = later_speaker(x);
    if (spk >= 0)
        attribute_content(x, NULL, &spk, 1);
}
