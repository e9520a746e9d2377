/*
** parser_features.c: feature extraction for the parser's two classifiers.
**
** Transition features follow Zhang and Nivre (2011), "Transition-based
** dependency parsing with rich non-local features", adapted to arc-hybrid:
** the stack words s0, s1, s2 and buffer words b0, b1, b2 with their words
** and tags, the leftmost and rightmost children of s0 and s1 and the
** leftmost children of b0 with their relations, valencies, sets of child
** relations and the distance between s0 and b0 and between s1 and s0.
** In arc-hybrid s1 is the head s0 would get by RIGHT, so it plays the part
** of Zhang and Nivre's "head of s0".
**
** A feature is the 64-bit hash of its template number and values; the
** classifiers index their tables with its high bits.
*/
#include "nlp/parser_internal.h"

#include <string.h>

#include "util/util.h"

/* Values standing for "no such word" and for the root. */
#define V_NONE 0x6e6f6e65ULL
#define V_ROOT 0x726f6f74ULL
#define V_NOLABEL 0x6e6f6c61ULL

static inline uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v;
    h *= 0x9e3779b97f4a7c15ULL;
    return h ^ (h >> 29);
}

uint64_t sr_parser_fhash(uint32_t tmpl, uint64_t a, uint64_t b, uint64_t c)
{
    uint64_t h = mix(0xcbf29ce484222325ULL, (uint64_t)tmpl + 1);
    return mix(mix(mix(h, a), b), c);
}

/* The word hash of a form: lowercased ASCII, every digit as 0. */
static uint64_t word_hash(const char *form)
{
    char buf[64];
    size_t n = 0;
    for (const char *p = form; *p && n < sizeof buf; p++) {
        char c = *p;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        else if (c >= '1' && c <= '9')
            c = '0';
        buf[n++] = c;
    }
    uint64_t h = sr_hash_bytes(buf, n, 0x77);
    if (form[n] != '\0') /* long form: hash the rest as it is */
        h = sr_hash_bytes(form + n, strlen(form + n), h);
    return h;
}

void sr_parser_prepare(const sr_sentence *s, const uint64_t *st, sr_ptok *tk)
{
    tk[0].word = tk[0].tag = tk[0].upos = tk[0].st = V_ROOT;
    for (uint32_t i = 0; i < s->ntokens; i++) {
        const sr_token *t = &s->tokens[i];
        const char *xpos = t->xpos ? t->xpos : "_";
        tk[i + 1].word = word_hash(t->form ? t->form : "");
        tk[i + 1].upos = (uint64_t)t->upos + 1;
        tk[i + 1].tag = sr_hash_bytes(xpos, strlen(xpos), (uint64_t)t->upos + 0x1000);
        tk[i + 1].st = st ? st[i] : V_NONE;
    }
}

/* Distance class: 1..5 as they are, then 6-10 and beyond. */
static uint64_t dist_class(int a, int b)
{
    int d = a > b ? a - b : b - a;
    return d <= 5 ? (uint64_t)d : d <= 10 ? 6 : 7;
}

/* Everything the templates look at, gathered once per configuration. */
typedef struct fctx {
    uint64_t w[16], p[16], l[16];
} fctx;

/* Positions gathered in fctx. */
enum { S0, S1, S2, B0, B1, B2, S0L, S0L2, S0R, S0R2, S1L, S1R, B0L, B0L2, S1R2, S1L2, NPOS };

static void put(fctx *c, int slot, const sr_pstate *st, const sr_ptok *tk, int i)
{
    if (i < 0) {
        c->w[slot] = c->p[slot] = V_NONE;
        c->l[slot] = V_NOLABEL;
        return;
    }
    c->w[slot] = tk[i].word;
    c->p[slot] = tk[i].tag;
    c->l[slot] = st->label[i] >= 0 ? (uint64_t)st->label[i] : V_NOLABEL;
}

static int child(const int *arr, int i)
{
    return i >= 0 ? arr[i] : -1;
}

size_t sr_parser_trans_features(const sr_pstate *st, const sr_ptok *tk, uint64_t *f)
{
    int s0 = st->stack[st->nstack - 1];
    int s1 = st->nstack >= 2 ? st->stack[st->nstack - 2] : -1;
    int s2 = st->nstack >= 3 ? st->stack[st->nstack - 3] : -1;
    int b0 = st->buf <= st->n ? st->buf : -1;
    int b1 = b0 >= 0 && b0 + 1 <= st->n ? b0 + 1 : -1;
    int b2 = b1 >= 0 && b1 + 1 <= st->n ? b1 + 1 : -1;
    fctx c;
    const int pos[NPOS] = {s0,
                           s1,
                           s2,
                           b0,
                           b1,
                           b2,
                           child(st->lc1, s0),
                           child(st->lc2, s0),
                           child(st->rc1, s0),
                           child(st->rc2, s0),
                           child(st->lc1, s1),
                           child(st->rc1, s1),
                           child(st->lc1, b0),
                           child(st->lc2, b0),
                           child(st->rc2, s1),
                           child(st->lc2, s1)};
    for (int k = 0; k < NPOS; k++)
        put(&c, k, st, tk, pos[k]);
    const uint64_t *w = c.w, *p = c.p, *l = c.l;
    uint64_t d = b0 >= 0 ? dist_class(s0, b0) : V_NONE;
    uint64_t t0 = tk[s0].st, t1 = s1 >= 0 ? tk[s1].st : V_NONE;
    uint64_t tb0 = b0 >= 0 ? tk[b0].st : V_NONE, tb1 = b1 >= 0 ? tk[b1].st : V_NONE;
    size_t n = 0;
    /* clang-format off */
#define F(a, b, cc) f[n] = sr_parser_fhash((uint32_t)n, (a), (b), (cc)), n++
    /* single words */
    F(w[S0], p[S0], 0); F(w[S0], 0, 0); F(p[S0], 0, 0);
    F(w[B0], p[B0], 0); F(w[B0], 0, 0); F(p[B0], 0, 0);
    F(w[B1], p[B1], 0); F(w[B1], 0, 0); F(p[B1], 0, 0);
    F(w[B2], p[B2], 0); F(w[B2], 0, 0); F(p[B2], 0, 0);
    F(w[S1], p[S1], 0); F(w[S1], 0, 0); F(p[S1], 0, 0);
    F(w[S2], 0, 0); F(p[S2], 0, 0);
    /* word pairs: s0 with b0, s1 with s0 */
    F(w[S0] ^ p[S0] * 3, w[B0], p[B0]); F(w[S0], p[S0], w[B0]); F(w[S0], w[B0], p[B0]);
    F(w[S0], p[S0], p[B0]); F(p[S0], w[B0], p[B0]); F(w[S0], w[B0], 0);
    F(p[S0], p[B0], 0); F(p[B0], p[B1], 0);
    F(w[S1] ^ p[S1] * 3, w[S0], p[S0]); F(w[S1], p[S1], p[S0]); F(p[S1], w[S0], p[S0]);
    F(w[S1], w[S0], 0); F(p[S1], p[S0], 0); F(w[S1], p[S0], 0); F(p[S1], w[S0], 0);
    /* three tags */
    F(p[B0], p[B1], p[B2]); F(p[S0], p[B0], p[B1]); F(p[S1], p[S0], p[B0]);
    F(p[S0], p[S0L], p[B0]); F(p[S0], p[S0R], p[B0]); F(p[S0], p[B0], p[B0L]);
    F(p[S2], p[S1], p[S0]); F(p[S1], p[S1L], p[S0]); F(p[S1], p[S1R], p[S0]);
    F(p[S1], p[S0], p[S0L]); F(p[S1], p[S0], p[S0R]); F(p[S1], p[S0], p[B0]);
    F(w[S1], p[S0], p[B0]); F(p[S1], w[S0], p[B0]); F(p[S1], p[S0], w[B0]);
    /* children */
    F(w[S0L], 0, 0); F(p[S0L], 0, 0); F(l[S0L], 0, 0);
    F(w[S0R], 0, 0); F(p[S0R], 0, 0); F(l[S0R], 0, 0);
    F(w[B0L], 0, 0); F(p[B0L], 0, 0); F(l[B0L], 0, 0);
    F(w[S1L], 0, 0); F(p[S1L], 0, 0); F(l[S1L], 0, 0);
    F(w[S1R], 0, 0); F(p[S1R], 0, 0); F(l[S1R], 0, 0);
    /* second children */
    F(w[S0L2], 0, 0); F(p[S0L2], 0, 0); F(l[S0L2], 0, 0);
    F(w[S0R2], 0, 0); F(p[S0R2], 0, 0); F(l[S0R2], 0, 0);
    F(w[B0L2], 0, 0); F(p[B0L2], 0, 0); F(l[B0L2], 0, 0);
    F(p[S0], p[S0L], p[S0L2]); F(p[S0], p[S0R], p[S0R2]); F(p[B0], p[B0L], p[B0L2]);
    F(p[S1], p[S1R], p[S1R2]); F(p[S1], p[S1L], p[S1L2]);
    F(p[S0], l[S0L], l[S0R]); F(p[S1], l[S1L], l[S1R]);
    /* supertags */
    F(t0, 0, 0); F(t1, 0, 0); F(tb0, 0, 0); F(tb1, 0, 0);
    F(t0, tb0, 0); F(t1, t0, 0); F(t0, p[B0], 0); F(p[S0], tb0, 0);
    F(t1, t0, tb0); F(w[S0], t0, 0); F(w[B0], tb0, 0); F(t0, d, 0);
#undef F
    /* clang-format on */
    return n;
}

size_t sr_parser_label_features(const sr_pstate *st, const sr_ptok *tk, int h, int d, uint64_t *f)
{
    const sr_ptok *H = &tk[h], *D = &tk[d];
    uint64_t dir = d < h ? 1 : 2, dist = dist_class(h, d);
    int dl = st->lc1[d], dr = st->rc1[d];
    uint64_t dlw = dl >= 0 ? tk[dl].word : V_NONE, dlp = dl >= 0 ? tk[dl].tag : V_NONE;
    uint64_t drw = dr >= 0 ? tk[dr].word : V_NONE, drp = dr >= 0 ? tk[dr].tag : V_NONE;
    uint64_t dll = dl >= 0 ? (uint64_t)st->label[dl] : V_NOLABEL;
    uint64_t drl = dr >= 0 ? (uint64_t)st->label[dr] : V_NOLABEL;
    uint64_t dprev = d > 1 ? tk[d - 1].tag : V_NONE;
    uint64_t dnext = d < st->n ? tk[d + 1].tag : V_NONE;
    uint64_t hprev = h > 1 ? tk[h - 1].tag : V_NONE;
    uint64_t hnext = h > 0 && h < st->n ? tk[h + 1].tag : V_NONE;
    int nb = st->buf + (h == st->buf ? 1 : 0);
    uint64_t nextp = nb <= st->n ? tk[nb].tag : V_NONE;
    size_t n = 0;
    /* clang-format off */
#define F(a, b, c) f[n] = sr_parser_fhash(1000 + (uint32_t)n, (a), (b), (c)), n++
    F(H->word, 0, 0); F(H->tag, 0, 0); F(H->word, H->tag, 0);
    F(D->word, 0, 0); F(D->tag, 0, 0); F(D->word, D->tag, 0);
    F(H->tag, D->tag, dir); F(H->word, D->word, dir); F(H->word, D->tag, dir);
    F(H->tag, D->word, dir); F(H->upos, D->upos, dir); F(H->tag, D->tag, dist * 4 + dir);
    F(D->word, dir, 0); F(D->tag, dir, 0); F(H->word, dir, 0); F(H->tag, dir, 0);
    F(D->tag, dlw, 0); F(D->tag, dlp, dll); F(D->tag, drw, 0); F(D->tag, drp, drl);
    F(H->tag, D->tag, dlw); F(D->word, dlw, 0); F(H->upos, D->tag, dlp);
    F(D->tag, st->lset[d], 0); F(D->tag, st->rset[d], 1);
    F(H->tag, st->lset[h], dir); F(H->tag, st->rset[h], dir);
    F(H->tag, D->tag, st->lset[h] * 2 + dir);
    F(D->tag, dprev, dnext); F(H->tag, hprev, hnext);
    F(H->tag, D->tag, dprev); F(H->tag, D->tag, dnext);
    F(H->tag, D->tag, nextp); F(D->tag, st->nleft[d] * 8 + st->nright[d], 0);
    F(D->st, 0, 0); F(D->st, H->tag, dir); F(D->st, D->word, 0);
#undef F
    /* clang-format on */
    return n;
}
