/*
** attr_tree.c: walks over a sentence's UD dependency tree, and calendar
** arithmetic.
**
** Every walk is bounded by the sentence length, so a malformed tree (a
** cycle, an unparsed sentence with head -1) cannot loop.
*/
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "attr/attr_internal.h"

int sr_tree_token_at(const sr_sentence *s, uint32_t off)
{
    int lo = 0, hi = (int)s->ntokens - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        const sr_token *t = &s->tokens[mid];
        if (off < t->start)
            hi = mid - 1;
        else if (off >= t->end)
            lo = mid + 1;
        else
            return mid;
    }
    return -1;
}

int sr_tree_parent(const sr_sentence *s, int k)
{
    if (k < 0 || k >= (int)s->ntokens)
        return -1;
    int h = s->tokens[k].head;
    return h >= 1 && h <= (int)s->ntokens ? h - 1 : -1;
}

int sr_tree_span_head(const sr_sentence *s, int first, int last)
{
    for (int k = first; k < last; k++) {
        int p = sr_tree_parent(s, k);
        if (p < first || p >= last)
            return k;
    }
    return first < last ? first : -1;
}

int sr_tree_span_token(const sr_sentence *s, sr_span sp)
{
    int first = -1, last = -1;
    for (uint32_t k = 0; k < s->ntokens; k++) {
        const sr_token *t = &s->tokens[k];
        if (t->end > sp.start && t->start < sp.end) {
            if (first < 0)
                first = (int)k;
            last = (int)k + 1;
        }
    }
    return first < 0 ? -1 : sr_tree_span_head(s, first, last);
}

int sr_tree_clause(const sr_sentence *s, int k)
{
    for (uint32_t steps = 0; k >= 0 && steps <= s->ntokens; steps++) {
        if (s->tokens[k].upos == SR_UPOS_VERB)
            return k;
        int p = sr_tree_parent(s, k);
        if (p < 0)
            return k;
        k = p;
    }
    return k;
}

int sr_tree_depth_below(const sr_sentence *s, int anc, int k)
{
    for (int d = 0; k >= 0 && d <= (int)s->ntokens; d++) {
        if (k == anc)
            return d;
        k = sr_tree_parent(s, k);
    }
    return -1;
}

int sr_tree_link(const sr_sentence *s, int trig, int k)
{
    int through_verb = 0;
    for (int d = 0; k >= 0 && d <= (int)s->ntokens; d++) {
        if (k == trig)
            return through_verb ? TREE_OTHER_CLAUSE : d;
        const char *r = s->tokens[k].deprel;
        if (r && (r[0] == 'c' || r[0] == 'p' || r[0] == 'a') && /* cheap test first */
            (sr_tree_rel_is(s, k, "ccomp") || sr_tree_rel_is(s, k, "parataxis") ||
             sr_tree_rel_is(s, k, "advcl") || sr_tree_rel_is(s, k, "csubj")))
            through_verb = 1;
        k = sr_tree_parent(s, k);
    }
    return TREE_UNLINKED;
}

int sr_tree_rel_is(const sr_sentence *s, int k, const char *rel)
{
    const char *r = s->tokens[k].deprel;
    if (!r || r[0] != rel[0]) /* most relations differ at once */
        return 0;
    size_t n = strlen(rel);
    return strncmp(r, rel, n) == 0 && (r[n] == '\0' || r[n] == ':');
}

size_t sr_mention_first(const sr_attr_input *in, uint32_t si)
{
    size_t lo = 0, hi = in->nmentions;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (in->mentions[mid].sentence < si)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int sr_tok_is(const sr_token *t, const char *w)
{
    const char *f = t->form;
    for (; *f && *w; f++, w++)
        if (tolower((unsigned char)*f) != *w)
            return 0;
    return *f == '\0' && *w == '\0';
}

int sr_tok_is_punct(const sr_token *t)
{
    return t->upos == SR_UPOS_PUNCT || (t->upos == SR_UPOS_NONE && t->end - t->start == 1 &&
                                        ispunct((unsigned char)t->form[0]));
}

/* Does token t carry feature "Tense=Past" etc.? */
static int has_feat(const sr_token *t, const char *feat)
{
    return t->feats && strstr(t->feats, feat) != NULL;
}

int sr_tree_tense(const sr_sentence *s, int k)
{
    int v = sr_tree_clause(s, k);
    if (v < 0)
        return 0;
    /* Auxiliaries of the clause decide first: "will meet", "has met". */
    for (uint32_t c = 0; c < s->ntokens; c++) {
        if (sr_tree_parent(s, (int)c) != v || !(sr_tree_rel_is(s, (int)c, "aux")))
            continue;
        const sr_token *a = &s->tokens[c];
        if (sr_tok_is(a, "will") || sr_tok_is(a, "'ll") || sr_tok_is(a, "shall") || sr_tok_is(a, "’ll"))
            return 1;
        if (has_feat(a, "Tense=Past"))
            return -1;
        if (a->lemma && strcmp(a->lemma, "have") == 0)
            return -1;
        if (a->lemma && strcmp(a->lemma, "be") == 0 && has_feat(&s->tokens[v], "VerbForm=Ger"))
            return 1; /* "is meeting on Friday": a plan */
    }
    const sr_token *t = &s->tokens[v];
    if (has_feat(t, "Tense=Past") || (t->xpos && strcmp(t->xpos, "VBD") == 0))
        return -1;
    if (t->xpos && (strcmp(t->xpos, "VBZ") == 0 || strcmp(t->xpos, "VBP") == 0))
        return 1;
    return 0;
}

/* ---- calendar (proleptic Gregorian, days since 1970-01-01) --------- */

int32_t sr_cal_days(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void sr_cal_civil(int32_t z, int *y, int *m, int *d)
{
    z += 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

int sr_cal_weekday(int32_t days)
{
    int w = (int)((days % 7 + 7 + 3) % 7); /* 1970-01-01 was a Thursday */
    return w + 1;
}

int sr_cal_month_len(int y, int m)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return m >= 1 && m <= 12 ? len[m - 1] : 0;
}

int sr_cal_parse(const char *s, int32_t *days)
{
    int y, m, d;
    if (!s || strlen(s) < 10 || sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 ||
        d < 1 || d > sr_cal_month_len(y, m))
        return -1;
    *days = sr_cal_days(y, m, d);
    return 0;
}
