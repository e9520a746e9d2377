/*
** parser_state.c: the arc-hybrid transition system, its dynamic oracle and
** the projectivization of training trees (see parser_internal.h).
**
** Words are numbered 1..n and the root is 0; it sits at the bottom of the
** stack for the whole parse.  The terminal configuration has an empty
** buffer and only the root on the stack.
*/
#include "nlp/parser_internal.h"

#include <stdlib.h>
#include <string.h>

/* Number of int arrays and mask arrays in a state of n words. */
#define PSTATE_INTS 10
#define PSTATE_MASKS 2

size_t sr_pstate_bytes(int n)
{
    size_t len = (size_t)n + 2;
    return len * PSTATE_MASKS * sizeof(uint64_t) + len * PSTATE_INTS * sizeof(int);
}

void sr_pstate_init(sr_pstate *st, int n, void *mem)
{
    size_t len = (size_t)n + 2;
    st->n = n;
    st->lset = mem;
    st->rset = st->lset + len;
    int *ints = (int *)(st->rset + len);
    int **arrays[PSTATE_INTS] = {&st->stack, &st->head, &st->label, &st->lc1,    &st->lc2,
                                 &st->rc1,   &st->rc2,  &st->nleft, &st->nright, NULL};
    for (size_t i = 0; i < PSTATE_INTS - 1; i++)
        *arrays[i] = ints + i * len;
    memset(st->lset, 0, len * PSTATE_MASKS * sizeof(uint64_t));
    for (size_t i = 1; i < 7; i++)
        memset(*arrays[i], 0xff, len * sizeof(int)); /* -1 */
    memset(st->nleft, 0, len * sizeof(int));
    memset(st->nright, 0, len * sizeof(int));
    st->stack[0] = 0;
    st->nstack = 1;
    st->buf = 1;
}

int sr_pstate_terminal(const sr_pstate *st)
{
    return st->buf > st->n && st->nstack == 1;
}

/*
** SHIFT needs a buffer; LEFT a word (not the root) on the stack and a
** buffer; RIGHT two stack items, and onto the root only at the very end.
*/
int sr_pstate_valid(const sr_pstate *st, int t)
{
    int has_buf = st->buf <= st->n;
    switch (t) {
    case SR_PT_SHIFT:
        return has_buf;
    case SR_PT_LEFT:
        return has_buf && st->nstack >= 2;
    case SR_PT_RIGHT:
        return st->nstack >= 3 || (st->nstack == 2 && !has_buf);
    default:
        return 0;
    }
}

void sr_pstate_arc(const sr_pstate *st, int t, int *h, int *d)
{
    *d = st->stack[st->nstack - 1];
    *h = t == SR_PT_LEFT ? st->buf : st->stack[st->nstack - 2];
}

/* Record the arc h -> d with relation label. */
static void add_arc(sr_pstate *st, int h, int d, int label)
{
    st->head[d] = h;
    st->label[d] = label;
    uint64_t bit = label >= 0 && label < 64 ? (uint64_t)1 << label : 0;
    if (d < h) {
        st->nleft[h]++;
        st->lset[h] |= bit;
        if (st->lc1[h] < 0 || d < st->lc1[h]) {
            st->lc2[h] = st->lc1[h];
            st->lc1[h] = d;
        } else if (st->lc2[h] < 0 || d < st->lc2[h]) {
            st->lc2[h] = d;
        }
    } else {
        st->nright[h]++;
        st->rset[h] |= bit;
        if (st->rc1[h] < 0 || d > st->rc1[h]) {
            st->rc2[h] = st->rc1[h];
            st->rc1[h] = d;
        } else if (st->rc2[h] < 0 || d > st->rc2[h]) {
            st->rc2[h] = d;
        }
    }
}

void sr_pstate_apply(sr_pstate *st, int t, int label)
{
    if (t == SR_PT_SHIFT) {
        st->stack[st->nstack++] = st->buf++;
        return;
    }
    int h, d;
    sr_pstate_arc(st, t, &h, &d);
    add_arc(st, h, d, label);
    st->nstack--;
}

/* Number of buffer words whose gold head is w. */
static int gold_deps_in_buffer(const sr_pstate *st, int w, const int *gold)
{
    int c = 0;
    for (int k = st->buf; k <= st->n; k++)
        c += gold[k] == w;
    return c;
}

/*
** Everything on the stack is still headless in arc-hybrid, so an arc is
** lost exactly when one of its ends leaves the stack or buffer, or when a
** word is pushed above a stack word that should have been its head or its
** dependent (other than the top, which stays reachable by RIGHT).
*/
int sr_pstate_cost(const sr_pstate *st, int t, const int *gold)
{
    int s0 = st->stack[st->nstack - 1];
    int s1 = st->nstack >= 2 ? st->stack[st->nstack - 2] : -1;
    int b = st->buf;
    int cost = 0;
    switch (t) {
    case SR_PT_LEFT:
        cost += gold[s0] != b && (gold[s0] == s1 || gold[s0] > b);
        cost += gold_deps_in_buffer(st, s0, gold);
        break;
    case SR_PT_RIGHT:
        cost += gold[s0] != s1 && gold[s0] >= b;
        cost += gold_deps_in_buffer(st, s0, gold);
        break;
    case SR_PT_SHIFT:
        for (int i = 0; i < st->nstack; i++) {
            int w = st->stack[i];
            cost += w != 0 && gold[w] == b;
            cost += w != s0 && gold[b] == w;
        }
        break;
    }
    return cost;
}

/* Whether a dominates d in heads (a is d or one of its ancestors). */
static int dominates(const int *heads, int n, int a, int d)
{
    for (int steps = 0; d > 0 && steps <= n; steps++) {
        if (d == a)
            return 1;
        d = heads[d];
    }
    return d == a;
}

/* Whether the arc heads[d] -> d is projective: its head dominates every word in between. */
static int arc_is_projective(const int *heads, int n, int d)
{
    int h = heads[d];
    int lo = h < d ? h : d, hi = h < d ? d : h;
    for (int k = lo + 1; k < hi; k++)
        if (!dominates(heads, n, h, k))
            return 0;
    return 1;
}

int sr_tree_is_projective(const int *heads, int n)
{
    for (int d = 1; d <= n; d++)
        if (!arc_is_projective(heads, n, d))
            return 0;
    return 1;
}

int sr_tree_projectivize(int *heads, int n)
{
    int lifts = 0;
    for (;;) {
        int best = -1, best_len = 0;
        for (int d = 1; d <= n; d++) {
            int len = abs(heads[d] - d);
            if (heads[d] > 0 && (best < 0 || len < best_len) && !arc_is_projective(heads, n, d)) {
                best = d;
                best_len = len;
            }
        }
        if (best < 0 || lifts > 4 * n)
            return lifts;
        heads[best] = heads[heads[best]];
        lifts++;
    }
}
