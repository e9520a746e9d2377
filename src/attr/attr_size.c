/*
** attr_size.c: numbers of victims, arrests, protesters and weapons, and
** the events they give a size to.
**
** A count is a number (digits "1,500", words "fifteen", "two hundred",
** vague "dozens", "hundreds of thousands") with an optional bound before
** it ("at least", "more than"), what it counts (killed, injured, ...:
** casualties.txt `what`) and who or what is counted (`who`, `thing`).  The
** kind is found on the counted noun itself ("15 deaths"), on its head or
** dependents in the tree ("15 people were injured"), else by looking a few
** words right ("15 people were injured") or left ("killing 15").  A count
** after "including", "among them" ... is part of the count before it, not
** added to it ("15 injured, including three children": 15, of them 3); a
** count before "among" is part of the count after it.
**
** A count goes to the events of its sentence that it can measure (deaths
** to material conflict, protesters to protests, ...), those whose trigger
** governs it first; when its sentence has no event at all, to the events of
** the sentence before.  Never further.
*/
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "attr/attr_internal.h"

/* The kind named by a `what` entry's ARG. */
static int kind_of(const char *name)
{
    for (int k = 1; k < SR_COUNT_KIND_COUNT; k++)
        if (name && strcmp(sr_count_kind_name(k), name) == 0)
            return k;
    return SR_COUNT_NONE;
}

/* Digits with thousands separators ("1,500", "15"); a decimal in *frac. -1 if not a number. */
static double digits_value(const char *f)
{
    if (!isdigit((unsigned char)*f))
        return -1;
    double v = 0, scale = 0;
    for (; *f; f++) {
        if (isdigit((unsigned char)*f)) {
            if (scale > 0)
                v += (*f - '0') / (scale *= 10);
            else
                v = v * 10 + (*f - '0');
        } else if (*f == ',' && scale == 0)
            continue;
        else if (*f == '.' && scale == 0)
            scale = 1;
        else
            return -1;
    }
    return v;
}

/*
** The number starting at token i: value, vagueness and end token.  Returns
** 0 when there is none.  "1.5 million", "two hundred", "dozens of".
*/
static int read_number(const sr_lex *lx, const sr_sentence *s, int i, double *v, int *approx,
                       int *end)
{
    uint32_t nw;
    *approx = 0;
    double x = digits_value(s->tokens[i].form);
    int k = i + 1;
    if (x < 0) {
        const lx_entry *e = sr_lx_match(lx, s, (uint32_t)i, LX(LX_NUM), &nw);
        if (!e)
            return 0;
        x = (double)e->value;
        *approx = e->arg != NULL;
        k = i + (int)nw;
    }
    for (const lx_entry *m;
         k < (int)s->ntokens && (m = sr_lx_match(lx, s, (uint32_t)k, LX(LX_MULT), &nw)) != NULL;) {
        x *= (double)m->value;
        k += (int)nw;
    }
    if (!(x >= 0 && x <= 1e15))
        return 0; /* no count of people: "888...8 kilometres", and no integer cast can hold it */
    if (x != (double)(int64_t)x)
        return 0; /* "2.5 km", "0.5" */
    if (*approx && k < (int)s->ntokens && sr_tok_is(&s->tokens[k], "of"))
        k++;
    *v = x;
    *end = k;
    return 1;
}

/* A year or part of a date ("15 August", "in 2022"), not a count. */
static int looks_like_date(const sr_lex *lx, const sr_sentence *s, int i, int end)
{
    uint32_t nw;
    const char *f = s->tokens[i].form;
    if (strlen(f) == 4 && digits_value(f) >= 1900 && digits_value(f) <= 2100)
        return 1;
    return (end < (int)s->ntokens && sr_lx_match(lx, s, (uint32_t)end, LX(LX_MONTH), &nw)) ||
           (i > 0 && sr_lx_match(lx, s, (uint32_t)i - 1, LX(LX_MONTH), &nw));
}

/* The `what` kind at token k (form or lemma), or SR_COUNT_NONE. */
static int what_at(const sr_lex *lx, const sr_sentence *s, int k)
{
    uint32_t nw;
    if (k < 0 || k >= (int)s->ntokens)
        return SR_COUNT_NONE;
    const lx_entry *e = sr_lx_match(lx, s, (uint32_t)k, LX(LX_WHAT), &nw);
    return e ? kind_of(e->arg) : SR_COUNT_NONE;
}

/* The kind from the tree: the noun's head, or its adjective and participle dependents. */
static int what_in_tree(const sr_lex *lx, const sr_sentence *s, int noun)
{
    int p = sr_tree_parent(s, noun);
    int w = SR_COUNT_NONE;
    if (p >= 0 && (sr_tree_rel_is(s, noun, "nsubj") || sr_tree_rel_is(s, noun, "obj") ||
                   sr_tree_rel_is(s, noun, "nummod")))
        w = what_at(lx, s, p);
    for (int c = 0; !w && c < (int)s->ntokens; c++)
        if (sr_tree_parent(s, c) == noun &&
            (sr_tree_rel_is(s, c, "amod") || sr_tree_rel_is(s, c, "acl")))
            w = what_at(lx, s, c);
    return w;
}

/* The kind within a few words right of `from` or left of `to` in the same clause. */
static int what_nearby(const sr_lex *lx, const sr_sentence *s, int from, int to)
{
    uint32_t nw;
    for (int k = from; k < (int)s->ntokens && k < from + 6; k++) {
        const sr_token *t = &s->tokens[k];
        int w = what_at(lx, s, k);
        if (w)
            return w;
        if (t->lemma && (strcmp(t->lemma, "be") == 0 || strcmp(t->lemma, "remain") == 0))
            continue; /* "five remain missing", "were injured" */
        if (sr_tok_is_punct(t) || t->upos == SR_UPOS_NUM || t->upos == SR_UPOS_VERB ||
            sr_lx_match(lx, s, (uint32_t)k, LX(LX_SUBSET), &nw))
            break;
    }
    for (int k = to - 1; k >= 0 && k >= to - 4; k--) {
        const sr_token *t = &s->tokens[k];
        int w = what_at(lx, s, k);
        if (w)
            return w;
        if (sr_tok_is_punct(t) || t->upos == SR_UPOS_NUM || t->upos == SR_UPOS_NOUN ||
            sr_lx_match(lx, s, (uint32_t)k, LX(LX_SUBSET), &nw))
            break;
    }
    return SR_COUNT_NONE;
}

/* A count's parent yet to find: the latest count of its kind in the event. */
#define SUBSET_OF_LATEST (-2)

/* "... were among the injured" after token `from`: the kind named, else SR_COUNT_NONE. */
static int among_the(const sr_lex *lx, const sr_sentence *s, int from)
{
    int k = from;
    while (k < (int)s->ntokens && s->tokens[k].lemma && strcmp(s->tokens[k].lemma, "be") == 0)
        k++;
    if (k >= (int)s->ntokens || !sr_tok_is(&s->tokens[k], "among"))
        return SR_COUNT_NONE;
    k++;
    if (k < (int)s->ntokens && s->tokens[k].upos == SR_UPOS_DET)
        k++;
    return what_at(lx, s, k);
}

/* Is there a subset word among tokens [from, to)? */
static int subset_between(const sr_lex *lx, const sr_sentence *s, int from, int to)
{
    uint32_t nw;
    for (int k = from; k < to; k++)
        if (sr_lx_match(lx, s, (uint32_t)k, LX(LX_SUBSET), &nw))
            return 1;
    return 0;
}

size_t sr_size_find(const sr_lex *lx, const sr_sentence *s, sr_count *out, int *heads, size_t cap)
{
    size_t n = 0;
    int firsts[64], ends[64];
    if (cap > 64)
        cap = 64;
    for (int i = 0; i < (int)s->ntokens && n < cap;) {
        uint32_t nw;
        int qual = SR_QUAL_EXACT, k = i, approx, end;
        double v;
        const lx_entry *q = sr_lx_match(lx, s, (uint32_t)i, LX(LX_QUAL), &nw);
        if (q) {
            qual = strcmp(q->arg, "min") == 0   ? SR_QUAL_MIN
                   : strcmp(q->arg, "max") == 0 ? SR_QUAL_MAX
                                                : SR_QUAL_APPROX;
            k = i + (int)nw;
        }
        if (k >= (int)s->ntokens || !read_number(lx, s, k, &v, &approx, &end) ||
            looks_like_date(lx, s, k, end)) {
            i++;
            continue;
        }
        if (approx && qual == SR_QUAL_EXACT)
            qual = SR_QUAL_APPROX;
        /* "five of them children": part of the count before. */
        int of_them =
            end + 1 < (int)s->ntokens && sr_tok_is(&s->tokens[end], "of") &&
            (sr_tok_is(&s->tokens[end + 1], "them") || sr_tok_is(&s->tokens[end + 1], "whom"));
        if (of_them)
            end += 2;
        /* The counted noun: the first noun within three words, past adjectives. */
        int noun = -1;
        for (int j = end; j < (int)s->ntokens && j < end + 3; j++) {
            uint8_t u = s->tokens[j].upos;
            if (u == SR_UPOS_NOUN || u == SR_UPOS_PROPN || what_at(lx, s, j)) {
                noun = j;
                break;
            }
            if (u != SR_UPOS_ADJ && !sr_tok_is(&s->tokens[j], "more") &&
                !sr_tok_is(&s->tokens[j], "other"))
                break;
        }
        sr_count c = {.n = (int64_t)v, .qual = (uint8_t)qual, .subset_of = -1};
        const lx_entry *who =
            noun >= 0 ? sr_lx_match(lx, s, (uint32_t)noun, LX(LX_WHO), &nw) : NULL;
        const lx_entry *thing =
            noun >= 0 ? sr_lx_match(lx, s, (uint32_t)noun, LX(LX_THING), &nw) : NULL;
        int head = noun >= 0 ? noun : k;
        c.what = (uint8_t)(noun >= 0 ? what_at(lx, s, noun) : SR_COUNT_NONE);
        if (!c.what)
            c.what = (uint8_t)what_in_tree(lx, s, head);
        if (!c.what)
            c.what = (uint8_t)what_nearby(lx, s, head + 1, i);
        c.of = who ? who->arg : thing ? thing->arg : NULL;
        int last = noun >= 0 ? noun + 1 : end;
        c.span = (sr_span){s->tokens[i].start, s->tokens[last - 1].end};
        /* "Two children were among the injured": part of the latest count of injured. */
        int among = among_the(lx, s, last);
        if (among) {
            c.what = (uint8_t)among;
            c.subset_of = SUBSET_OF_LATEST;
            for (size_t p = n; p-- > 0;)
                if (out[p].what == among && out[p].subset_of < 0) {
                    c.subset_of = (int32_t)p;
                    break;
                }
        }
        /* Part of the count before: "15 injured, including three children". */
        if (n > 0 && c.subset_of == -1 && (subset_between(lx, s, ends[n - 1], i) || of_them) &&
            (!c.what || c.what == out[n - 1].what)) {
            size_t p = out[n - 1].subset_of >= 0 ? (size_t)out[n - 1].subset_of : n - 1;
            c.subset_of = (int32_t)p;
            c.what = out[p].what;
        }
        /* The count before is part of this one: "three children were among 15 injured". */
        if (n > 0 && !out[n - 1].what && out[n - 1].of && c.what &&
            subset_between(lx, s, ends[n - 1], i)) {
            out[n - 1].subset_of = (int32_t)n;
            out[n - 1].what = c.what;
        }
        if (!c.what && thing)
            c.what = SR_COUNT_UNITS;
        if (!c.what && !who) {
            i = end;
            continue;
        }
        firsts[n] = i;
        ends[n] = last;
        heads[n] = head;
        out[n++] = c;
        i = last;
    }
    /* Drop counts that found no kind; renumber the subset links. */
    int map[64];
    size_t m = 0;
    for (size_t j = 0; j < n; j++)
        map[j] = out[j].what ? (int)m++ : -1;
    for (size_t j = 0, w = 0; j < n; j++) {
        if (!out[j].what)
            continue;
        sr_count c = out[j];
        if (c.subset_of >= 0)
            c.subset_of = map[c.subset_of];
        heads[w] = heads[j];
        out[w++] = c;
    }
    (void)firsts;
    return m;
}

/* Can a count of kind w measure event e? */
static int measures(const sr_event *e, int w)
{
    int root = e->cameo ? atoi((char[3]){e->cameo[0], e->cameo[0] ? e->cameo[1] : 0, 0}) : 0;
    switch (w) {
    case SR_COUNT_PROTESTERS:
        return root == 14;
    case SR_COUNT_ARRESTED:
        return root == 14 || root == 17 || e->quad_class == 4;
    case SR_COUNT_UNITS:
        return root == 15 || e->quad_class == 4;
    default:
        return root == 14 || root == 17 || e->quad_class == 4;
    }
}

/* Give event e the counts of c[0..n) marked in take[], links renumbered. */
static void attach(sr_arena *a, sr_event *e, const sr_count *c, const int *take, size_t n)
{
    int map[64];
    uint32_t m = 0;
    for (size_t j = 0; j < n; j++)
        map[j] = take[j] ? (int)m++ : -1;
    if (!m)
        return;
    /* Counts of the next sentence come after the event's own. */
    uint32_t old = e->size.ncounts;
    sr_count *out = sr_arena_calloc(a, old + m, sizeof *out);
    for (uint32_t j = 0; j < old; j++)
        out[j] = e->size.counts[j];
    for (size_t j = 0, w = old; j < n; j++)
        if (take[j]) {
            out[w] = c[j];
            out[w].subset_of = c[j].subset_of >= 0 ? (int32_t)old + map[c[j].subset_of] : -1;
            if (c[j].subset_of == SUBSET_OF_LATEST)
                for (uint32_t p = (uint32_t)w; p-- > 0;)
                    if (out[p].what == c[j].what && out[p].subset_of < 0 && p != w) {
                        out[w].subset_of = (int32_t)p;
                        break;
                    }
            w++;
        }
    e->size = (sr_size){out, old + m};
}

/* Counts of sentence si to the events of sentence es (si itself, or the one before). */
static void assign(const sr_attr_input *in, sr_arena *a, sr_event *ev, size_t n, uint32_t si,
                   uint32_t es, const sr_count *c, const int *heads, size_t nc)
{
    const sr_sentence *s = &in->sentences[si];
    for (size_t i = 0; i < n; i++) {
        if (ev[i].sentence != es)
            continue;
        int take[64] = {0}, any = 0;
        for (size_t j = 0; j < nc; j++) {
            if (c[j].subset_of >= 0 || !measures(&ev[i], c[j].what))
                continue;
            /* Another event of the sentence that governs the count takes it alone. */
            int mine = 1;
            if (es == si) {
                int trig = sr_tree_span_token(s, ev[i].trigger);
                int linked = trig >= 0 && (sr_tree_depth_below(s, trig, heads[j]) >= 0 ||
                                           sr_tree_clause(s, trig) == sr_tree_clause(s, heads[j]));
                for (size_t o = 0; !linked && o < n; o++) {
                    if (o == i || ev[o].sentence != es || !measures(&ev[o], c[j].what))
                        continue;
                    int t2 = sr_tree_span_token(s, ev[o].trigger);
                    if (t2 >= 0 && (sr_tree_depth_below(s, t2, heads[j]) >= 0 ||
                                    sr_tree_clause(s, t2) == sr_tree_clause(s, heads[j])))
                        mine = 0;
                }
            }
            if (mine)
                take[j] = any = 1;
        }
        for (size_t j = 0; j < nc; j++)
            if (c[j].subset_of >= 0 && take[c[j].subset_of])
                take[j] = 1;
        if (any)
            attach(a, &ev[i], c, take, nc);
    }
}

void sr_size_run(const sr_attr *at, const sr_attr_input *in, sr_arena *a, sr_event *ev, size_t n)
{
    /* Which sentences have events: counts only look at those and the ones after. */
    uint8_t *has = sr_arena_calloc(a, in->nsentences + 1, 1);
    for (size_t i = 0; i < n; i++)
        if (ev[i].sentence < in->nsentences)
            has[ev[i].sentence] = 1;
    sr_count c[64];
    int heads[64];
    for (uint32_t si = 0; si < in->nsentences; si++) {
        int prev = si > 0 && has[si - 1] && !has[si];
        if (!has[si] && !prev)
            continue;
        size_t nc = sr_size_find(&at->lex, &in->sentences[si], c, heads, 64);
        if (nc)
            assign(in, a, ev, n, si, has[si] ? si : si - 1, c, heads, nc);
    }
}
